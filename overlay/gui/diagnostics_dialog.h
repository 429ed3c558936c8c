// What the desk keeps aside, for the employee and whoever supports the desk:
// guides and alerts it received but cannot show yet (a newer format: "update
// needed"; or a document it could not read), and records the server refused
// (set aside, never lost: outbox.h). The refused records can be exported as
// JSON for the support desk, or sent again (after the server was upgraded).
// Opened from the panel's notice line and the tray menu.
#pragma once

#include "ui_text.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace souffleur::overlay {

class Desk;

class DiagnosticsDialog : public QDialog {
    Q_OBJECT

public:
    DiagnosticsDialog(Desk& desk, const UiText& text, QWidget* parent = nullptr);
    // Reads what the desk keeps aside again.
    void refresh();
    // Writes the refused records to `path` (what the Export button does after
    // asking where); the outcome is shown in the dialog too.
    std::expected<void, QString> exportTo(const QString& path);

private:
    void exportRejected();
    void resend();

    Desk& m_desk;
    const UiText& m_text;
    QListWidget* m_pending;
    QListWidget* m_rejected;
    QPushButton* m_export;
    QPushButton* m_resend;
    QLabel* m_outcome;
};

} // namespace souffleur::overlay
