// The author's notices in the window's corner: a button that counts the
// unread ones and lists them (a comment on your revision, approved, sent
// back with the reason, new feedback on a guide your team owns). They come
// live over the push channel (NoticeListener) and are fetched at the start;
// choosing one opens what it is about and marks it read.
#pragma once

#include <souffleur/protocol/review.h>
#include <souffleur/studio/server_session.h>

#include <QToolButton>

#include <memory>
#include <vector>

class QMenu;

namespace souffleur::studio {

class NoticesButton : public QToolButton {
    Q_OBJECT

public:
    explicit NoticesButton(std::shared_ptr<const ServerSession> server, QWidget* parent = nullptr);

    // Fetches the unread notices again.
    void reload();
    // A notice that came over the push channel.
    void add(const protocol::Notice& notice);
    const std::vector<protocol::Notice>& unread() const { return m_unread; }
    // Marks every notice read.
    void markAllRead();
    // What a notice says, in a sentence ("reviewer-a commented on step 'een': …").
    static QString describe(const protocol::Notice& notice);

Q_SIGNALS:
    void noticeChosen(const protocol::Notice& notice);
    void message(const QString& text);

private:
    void refresh();
    void markRead(const std::vector<std::int64_t>& ids);

    std::shared_ptr<const ServerSession> m_server;
    std::vector<protocol::Notice> m_unread;
    QMenu* m_menu;
};

} // namespace souffleur::studio
