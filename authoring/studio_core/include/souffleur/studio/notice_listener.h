// The studio's ear on the push channel: a thread of its own holding the
// account's /api/v1/notify WebSocket (docs/api.md, "Push"), the same channel
// the desks listen on. Each {"type": "notice"} the server sends to this
// account (a comment, an approval, a rejection, new feedback on a guide the
// author's team owns) is read through protocol/review.h and handed to the
// callback; {"type": "changed"} is handed on as a library change. A dropped
// connection is made again, waiting longer each time (1 s doubling to 30 s).
// GUI-free: the studio moves the callbacks to its GUI thread itself.
#pragma once

#include <souffleur/net/http.h>
#include <souffleur/protocol/review.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace souffleur::studio {

class NoticeListener {
public:
    struct Callbacks {
        std::function<void(const protocol::Notice&)> notice; // a notice for this account
        std::function<void()> changed;                       // the change feed advanced
        std::function<void(bool)> connected;                 // the channel is up (or down)
    };

    NoticeListener(net::ServerAddress server, std::string token, Callbacks callbacks,
                   std::chrono::milliseconds minBackoff = std::chrono::seconds(1),
                   std::chrono::milliseconds maxBackoff = std::chrono::seconds(30));
    ~NoticeListener(); // stops and joins the thread
    NoticeListener(const NoticeListener&) = delete;
    NoticeListener& operator=(const NoticeListener&) = delete;

    void start();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace souffleur::studio
