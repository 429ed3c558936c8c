// The inline feedback panel under the step: four kinds (wrong, unclear,
// outdated, tip), a line of text, a line for a suggested wording of the step
// (both optional) and "Versturen". It only collects; the
// overlay window stores the feedback through the Desk and reports back with
// showQueued()/showSent()/showFailed()/showNotSaved(). What was typed stays
// until it is stored: only showQueued() and reset() clear it.
#pragma once

#include "ui_text.h"

#include <souffleur/client/records.h>

#include <QWidget>

#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;

namespace souffleur::overlay {

class FeedbackPanel : public QWidget {
    Q_OBJECT

public:
    explicit FeedbackPanel(const UiText& text, QWidget* parent = nullptr);

    // Clears the kind, the texts and the message (for a new step).
    void reset();
    // Shows the panel with the first kind focused (the F key).
    void open();
    // The input is saved and will be sent: clears it, says so.
    void showQueued();
    // The outbox has been sent.
    void showSent();
    // Not stored (the database failed): the input stays, with a message.
    void showFailed();
    // Not stored, and why (a full disk): the input stays, focused, for another try.
    void showNotSaved(const QString& message);
    // Something was typed (a text or a suggested wording).
    bool hasText() const;
    // Nothing was stored: the text holds what looks like personal data. The
    // input stays, so the employee can remove it and send again.
    void showRefused(const QString& message);
    // True from showQueued() until showSent() or reset().
    bool awaitsSending() const { return m_awaitsSending; }

Q_SIGNALS:
    void submitted(client::FeedbackKind kind, const QString& text, const QString& suggestion);

private:
    void submit();
    std::optional<client::FeedbackKind> chosenKind() const;
    void clearInput();

    const UiText& m_text;
    QButtonGroup* m_kinds;
    QLineEdit* m_input;
    QLineEdit* m_suggestion;
    QLabel* m_message;
    bool m_awaitsSending = false;
};

} // namespace souffleur::overlay
