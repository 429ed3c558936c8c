// The tray icon: shows the sync state (colour and tooltip), alerts not yet
// read (a badge, the count in the tooltip, and a notification when one comes
// in) and step records the desk could not store yet (an amber badge, the
// count in the tooltip, and a notification when the disk is full), toggles
// the panel on a click and offers Show, what the desk keeps aside, and Quit.
// Shown only when the desktop has a system tray
// (QSystemTrayIcon::isSystemTrayAvailable()).
#pragma once

#include "ui_text.h"

#include <QMenu>
#include <QSystemTrayIcon>

namespace souffleur::overlay {

// The application's icon in the colour of a sync state, with a red badge when
// alerts wait to be read and an amber one when records wait to be stored.
QIcon stateIcon(client::SyncState state, bool unreadAlerts = false, bool unsaved = false);

class TrayIcon : public QSystemTrayIcon {
    Q_OBJECT

public:
    explicit TrayIcon(const UiText& text, QObject* parent = nullptr);
    void setSyncState(client::SyncState state);
    // `unread` alerts wait; when there are more than before, a notification
    // names the newest (`newestTitle`). It takes no focus.
    void setUnreadAlerts(int unread, const QString& newestTitle);
    // `unsaved` step records wait in memory (Desk::unsavedRecords()); `diskFull`:
    // because the disk is full, which a notification says once each time
    // it begins. Zero: stored, the badge goes.
    void setUnsaved(std::size_t unsaved, bool diskFull);

Q_SIGNALS:
    void toggleRequested();
    void showRequested();
    void keptAsideRequested(); // what the desk keeps aside (diagnostics_dialog.h)
    void quitRequested();

private:
    void refresh();

    const UiText& m_text;
    QMenu m_menu;
    client::SyncState m_state = client::SyncState::Offline;
    int m_unread = 0;
    std::size_t m_unsaved = 0;
    bool m_diskFull = false;
};

} // namespace souffleur::overlay
