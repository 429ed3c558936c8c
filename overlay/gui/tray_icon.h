// The tray icon: shows the sync state (colour and tooltip), toggles the panel
// on a click and offers Show / Quit. Created only when the desktop has a system
// tray (QSystemTrayIcon::isSystemTrayAvailable()).
#pragma once

#include "ui_text.h"

#include <QMenu>
#include <QSystemTrayIcon>

namespace souffleur::overlay {

// The application's icon in the colour of a sync state.
QIcon stateIcon(client::SyncState state);

class TrayIcon : public QSystemTrayIcon {
    Q_OBJECT

public:
    explicit TrayIcon(const UiText& text, QObject* parent = nullptr);
    void setSyncState(client::SyncState state);

Q_SIGNALS:
    void toggleRequested();
    void showRequested();
    void quitRequested();

private:
    const UiText& m_text;
    QMenu m_menu;
};

} // namespace souffleur::overlay
