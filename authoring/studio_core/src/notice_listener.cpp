// The push channel for the studio (notice_listener.h), on souffleur::net's
// WebSocket and an io_context on a thread of its own.
#include <souffleur/net/async_http.h>
#include <souffleur/net/websocket.h>
#include <souffleur/studio/notice_listener.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>

#include <thread>

namespace souffleur::studio {

namespace asio = boost::asio;
namespace json = boost::json;

struct NoticeListener::Impl {
    net::ServerAddress server;
    std::string token;
    Callbacks callbacks;
    std::chrono::milliseconds minBackoff;
    std::chrono::milliseconds maxBackoff;
    asio::io_context context;
    std::thread thread;
    std::shared_ptr<net::WebSocket> ws; // the current connection, on the context's thread

    asio::awaitable<void> run() {
        std::shared_ptr<asio::ssl::context> tls;
        if (server.tls) {
            auto made = net::tlsContext(server.caFile);
            if (!made)
                co_return; // no channel without its authorities; the studio works on without
            tls = std::move(*made);
        }
        auto backoff = minBackoff;
        for (;;) {
            net::WebSocketOptions options{
                .target = "/api/v1/notify", .token = token, .userAgent = "souffleur-studio"};
            auto connected = co_await net::WebSocket::connect(server, std::move(options), tls);
            if (connected) {
                ws = std::make_shared<net::WebSocket>(std::move(*connected));
                if (callbacks.connected)
                    callbacks.connected(true);
                bool heard = false;
                for (;;) {
                    auto message = co_await ws->read();
                    if (!message)
                        break;
                    heard = true;
                    deliver(*message);
                }
                ws.reset();
                if (callbacks.connected)
                    callbacks.connected(false);
                if (heard)
                    backoff = minBackoff;
            }
            asio::steady_timer timer(context, backoff);
            co_await timer.async_wait(asio::use_awaitable);
            backoff = std::min(backoff * 2, maxBackoff);
        }
    }

    void deliver(const std::string& message) {
        boost::system::error_code error;
        const auto value = json::parse(message, error);
        const auto* object = error ? nullptr : value.if_object();
        const auto* type = object ? object->if_contains("type") : nullptr;
        if (!type || !type->is_string())
            return;
        if (*type == "notice") {
            const auto* notice = object->if_contains("notice");
            if (notice && callbacks.notice) {
                if (auto read = protocol::noticeFrom(*notice))
                    callbacks.notice(*read);
            }
        } else if (*type == "changed" && callbacks.changed) {
            callbacks.changed();
        }
    }
};

NoticeListener::NoticeListener(net::ServerAddress server, std::string token, Callbacks callbacks,
                               std::chrono::milliseconds minBackoff,
                               std::chrono::milliseconds maxBackoff)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->server = std::move(server);
    m_impl->token = std::move(token);
    m_impl->callbacks = std::move(callbacks);
    m_impl->minBackoff = minBackoff;
    m_impl->maxBackoff = maxBackoff;
}

NoticeListener::~NoticeListener() {
    stop();
}

void NoticeListener::start() {
    if (m_impl->thread.joinable())
        return;
    m_impl->context.restart(); // after a stop()
    asio::co_spawn(m_impl->context, m_impl->run(), asio::detached);
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->context.run(); });
}

void NoticeListener::stop() {
    if (!m_impl->thread.joinable())
        return;
    // The socket is closed on the listener's own thread, then its loop ends.
    asio::post(m_impl->context, [impl = m_impl.get()] {
        if (impl->ws)
            impl->ws->close();
        impl->context.stop();
    });
    m_impl->thread.join();
}

} // namespace souffleur::studio
