// The team's logbook, inline in the panel (issue 16; the "Logboek" button,
// the L key): the team's recent entries, newest first (when, the guide and
// step when given, the text; this desk's own not sent yet say so), and a
// line to add one in a few seconds, Enter or "Toevoegen". While a guide is
// open the entry is about its guide and step ("bij: TITLE › stap N: ..."), a
// check box detaches them. While the employee types, it points at what looks
// like a citizen's personal data (the overlay window asks Desk::personalDataIn).
// It only shows and collects: the overlay window stores the entry through the
// Desk (outbox first) and reports back with showAdded()/showRefused()/
// showFailed(). Escape closes it.
#pragma once

#include "ui_text.h"

#include <souffleur/client/logbook.h>

#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QVBoxLayout;

namespace souffleur::overlay {

class LogbookPanel : public QWidget {
    Q_OBJECT

public:
    LogbookPanel(const UiText& text, Language language, QWidget* parent = nullptr);

    // Shows the panel with the input focused.
    void open();
    // The entries to list (Desk::logbook()); `offline`: the desk has no
    // connection now, so they are what it last received.
    void setEntries(const std::vector<client::LogbookLine>& lines, bool offline);
    // The heading names the team when one of the entries says which it is.
    // What a new entry would be about: the guide open (empty: none), the
    // step on screen (its number, 0: none, and its instruction). A new
    // place checks the box again.
    void setAttachment(const QString& guideTitle, int stepNumber, const QString& glance);
    // The entry is about the guide and step shown (the box is checked).
    bool attaches() const;
    // Something is typed in the input.
    bool hasText() const;
    // Points at what looks like personal data in the input (the names of
    // the kinds found); empty: nothing found, the hint goes.
    void pointAtPersonalData(const QStringList& kinds);
    // Stored in the outbox: clears the input, says so.
    void showAdded();
    // Not stored (a database failure; `diskFull`: the disk is full): the
    // input stays, for another try.
    void showFailed(bool diskFull = false);
    // Refused (personal data): the input stays, focused, with why.
    void showRefused(const QString& message);
    // Clears the input and the messages.
    void reset();

    // "Identiteit vaststellen › stap 2: Vergelijk het gezicht met de foto": a
    // guide's title, and a step's number and instruction when given; `brief`:
    // the title and the instruction shortened, for a line on screen.
    static QString placeText(const UiText& text, const QString& guideTitle, int stepNumber,
                             const QString& glance, bool brief);

Q_SIGNALS:
    void submitted(const QString& text, bool attachStep);
    // The input changed (to point at personal data while typing).
    void inputChanged(const QString& text);
    void closed();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void submit();
    // The list's height: its entries', at most about a third of the window.
    void fitList();
    QString whenText(const QString& iso) const;

    const UiText& m_text;
    Language m_language;
    QLabel* m_heading;
    QLabel* m_offline;
    QScrollArea* m_scroll;
    QWidget* m_entries;
    QVBoxLayout* m_entryLayout;
    QWidget* m_attachRow;
    QCheckBox* m_attach;
    QLabel* m_place;
    QLineEdit* m_input;
    QLabel* m_privacy;
    QLabel* m_message;
    QString m_shownKey; // what the list shows (setEntries())
};

} // namespace souffleur::overlay
