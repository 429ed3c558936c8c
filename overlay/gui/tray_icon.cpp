// The tray icon and the state-coloured application icon (see tray_icon.h).
#include "tray_icon.h"

#include <QPainter>
#include <QPen>
#include <QPixmap>

namespace souffleur::overlay {

QIcon stateIcon(client::SyncState state, bool unreadAlerts, bool unsaved) {
    QColor colour(0x75, 0x75, 0x75); // offline: grey
    if (state == client::SyncState::Online)
        colour = QColor(0x2e, 0x7d, 0x32);
    else if (state == client::SyncState::Connecting)
        colour = QColor(0xb2, 0x6a, 0x00);

    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x15, 0x42, 0x73)); // the renderer's brand blue
    painter.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(38, 38, 22, 22));
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setPixelSize(40);
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(QRectF(4, 0, 44, 56), Qt::AlignCenter, QStringLiteral("S"));
    if (unreadAlerts) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xa4, 0x00, 0x1d)); // the critical alerts' red
        painter.drawEllipse(QRectF(38, 2, 24, 24));
        painter.setPen(Qt::white);
        font.setPixelSize(20);
        painter.setFont(font);
        painter.drawText(QRectF(38, 2, 24, 24), Qt::AlignCenter, QStringLiteral("!"));
    }
    if (unsaved) {
        // Bottom left, where the letter leaves room: amber, as a warning.
        painter.setPen(QPen(Qt::white, 2));
        painter.setBrush(QColor(0xe0, 0x8a, 0x00));
        painter.drawEllipse(QRectF(3, 37, 24, 24));
        painter.setPen(QColor(0x1a, 0x1a, 0x1a));
        font.setPixelSize(20);
        painter.setFont(font);
        painter.drawText(QRectF(3, 37, 24, 24), Qt::AlignCenter, QStringLiteral("!"));
    }
    painter.end();
    return QIcon(pixmap);
}

TrayIcon::TrayIcon(const UiText& text, QObject* parent)
    : QSystemTrayIcon(parent)
    , m_text(text) {
    connect(m_menu.addAction(text.show), &QAction::triggered, this, &TrayIcon::showRequested);
    connect(m_menu.addAction(text.showKeptAside), &QAction::triggered, this,
            &TrayIcon::keptAsideRequested);
    connect(m_menu.addAction(text.quit), &QAction::triggered, this, &TrayIcon::quitRequested);
    setContextMenu(&m_menu);
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger)
            Q_EMIT toggleRequested();
    });
    setSyncState(client::SyncState::Offline);
}

void TrayIcon::setSyncState(client::SyncState state) {
    m_state = state;
    refresh();
}

void TrayIcon::setUnreadAlerts(int unread, const QString& newestTitle) {
    if (unread > m_unread && !newestTitle.isEmpty())
        showMessage(m_text.newAlert, newestTitle, QSystemTrayIcon::Warning);
    m_unread = unread;
    refresh();
}

void TrayIcon::setUnsaved(std::size_t unsaved, bool diskFull) {
    diskFull = diskFull && unsaved > 0;
    if (diskFull && !m_diskFull)
        showMessage(m_text.diskFullTitle, m_text.diskFullMessage, QSystemTrayIcon::Warning);
    m_unsaved = unsaved;
    m_diskFull = diskFull;
    refresh();
}

void TrayIcon::refresh() {
    setIcon(stateIcon(m_state, m_unread > 0, m_unsaved > 0));
    QString tip = m_text.title + QStringLiteral(": ") + syncStateText(m_text, m_state);
    if (m_unsaved > 0)
        tip += QStringLiteral("\n") +
               (m_diskFull ? m_text.trayDiskFull : m_text.trayUnsaved).arg(m_unsaved);
    if (m_unread > 0)
        tip += QStringLiteral("\n") + m_text.unreadAlerts.arg(m_unread);
    setToolTip(tip);
}

} // namespace souffleur::overlay
