// The author's notices (notices_button.h).
#include "notices_button.h"

#include "async.h"

#include <QMenu>

#include <algorithm>

namespace souffleur::studio {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString shortened(const std::string& text) {
    QString out = qs(text).simplified();
    return out.size() > 70 ? out.left(70) + QStringLiteral("…") : out;
}

} // namespace

NoticesButton::NoticesButton(std::shared_ptr<const ServerSession> server, QWidget* parent)
    : QToolButton(parent)
    , m_server(std::move(server))
    , m_menu(new QMenu(this)) {
    setObjectName(QStringLiteral("noticesButton"));
    setPopupMode(QToolButton::InstantPopup);
    setMenu(m_menu);
    setAutoRaise(true);
    refresh();
}

QString NoticesButton::describe(const protocol::Notice& notice) {
    const QString step = notice.step ? tr(" bij stap '%1'").arg(qs(*notice.step)) : QString();
    if (notice.kind == "comment")
        return tr("%1 reageerde op %2 (revisie %3)%4: %5")
            .arg(qs(notice.by), qs(notice.guideId))
            .arg(notice.revision)
            .arg(step, shortened(notice.text));
    if (notice.kind == "approved")
        return tr("%1 keurde revisie %2 van %3 goed: de balies hebben hem nu")
            .arg(qs(notice.by))
            .arg(notice.revision)
            .arg(qs(notice.guideId));
    if (notice.kind == "rejected")
        return tr("%1 stuurde revisie %2 van %3 terug: %4")
            .arg(qs(notice.by))
            .arg(notice.revision)
            .arg(qs(notice.guideId), shortened(notice.text));
    if (notice.kind == "feedback")
        return tr("Nieuwe feedback van %1 op %2%3: %4")
            .arg(qs(notice.by), qs(notice.guideId), step, shortened(notice.text));
    return shortened(notice.text);
}

void NoticesButton::reload() {
    runAsync(
        this, [server = m_server] { return server->notices(true); },
        [this](SessionResult<std::vector<protocol::Notice>> notices) {
            if (!notices)
                return; // the studio works on; the button shows what it has
            m_unread = std::move(*notices);
            refresh();
        });
}

void NoticesButton::add(const protocol::Notice& notice) {
    if (std::ranges::any_of(m_unread, [&](const auto& n) { return n.id == notice.id; }))
        return;
    m_unread.insert(m_unread.begin(), notice);
    refresh();
    Q_EMIT message(describe(notice));
}

void NoticesButton::markAllRead() {
    m_unread.clear();
    refresh();
    markRead({});
}

void NoticesButton::markRead(const std::vector<std::int64_t>& ids) {
    runAsync(
        this, [server = m_server, ids] { return server->markNoticesRead(ids); },
        [](SessionResult<void>) {});
}

void NoticesButton::refresh() {
    const int count = static_cast<int>(m_unread.size());
    setText(count == 0 ? tr("Meldingen") : tr("Meldingen (%1)").arg(count));
    setAccessibleName(count == 1 ? tr("1 ongelezen melding")
                                 : tr("%1 ongelezen meldingen").arg(count));
    setStyleSheet(count == 0 ? QString()
                             : QStringLiteral("QToolButton{font-weight:bold;color:#8a4b00}"));
    m_menu->clear();
    if (m_unread.empty()) {
        m_menu->addAction(tr("Geen nieuwe meldingen"))->setEnabled(false);
        return;
    }
    for (const auto& notice : m_unread) {
        auto* action = m_menu->addAction(describe(notice));
        connect(action, &QAction::triggered, this, [this, notice] {
            std::erase_if(m_unread, [&](const auto& n) { return n.id == notice.id; });
            refresh();
            markRead({notice.id});
            Q_EMIT noticeChosen(notice);
        });
    }
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("Alles gelezen")), &QAction::triggered, this,
            &NoticesButton::markAllRead);
}

} // namespace souffleur::studio
