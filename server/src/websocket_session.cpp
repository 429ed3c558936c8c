// One /api/v1/notify WebSocket (see websocket_session.h).
#include "websocket_session.h"

#include <souffleur/server/log.h>

#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/json/serialize.hpp>

#include <string>
#include <utility>

namespace souffleur::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t kReadMessageMax = 64 * 1024;

} // namespace

template <class Stream>
WebSocketSession<Stream>::WebSocketSession(Stream&& stream, std::shared_ptr<ServerContext> context,
                                           ConnectionLimits::Slot slot, Identity identity)
    : m_ws(std::move(stream))
    , m_context(std::move(context))
    , m_slot(std::move(slot))
    , m_identity(std::move(identity)) {}

template <class Stream>
WebSocketSession<Stream>::~WebSocketSession() {
    if (m_subscribed)
        m_context->sessions.unsubscribe(m_identity.tenantId, *this);
    if (m_joined)
        m_context->sessions.leave(*this);
}

template <class Stream>
void WebSocketSession<Stream>::run(const beast::http::request<beast::http::string_body>& request) {
    m_joined = m_context->sessions.join(*this, this->weak_from_this());
    if (!m_joined)
        return; // the server is stopping
    m_ws.set_option(websocket::stream_base::timeout{10s, 30s, true});
    m_ws.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
        response.set(beast::http::field::server, "souffleur-server");
    }));
    m_ws.read_message_max(kReadMessageMax);
    m_ws.text(true);
    m_ws.async_accept(request, beast::bind_front_handler(&WebSocketSession<Stream>::onAccept,
                                                         this->shared_from_this()));
}

template <class Stream>
void WebSocketSession<Stream>::fail(std::string_view detail) {
    if (std::exchange(m_failed, true))
        return; // counted once, under the first error
    m_context->metrics.connectionError(ConnectionError::WebSocket, detail, m_slot.address());
}

template <class Stream>
bool WebSocketSession<Stream>::isFailure(const beast::error_code& error) const {
    // Not after the server started closing (shutdown, a revoked token, a
    // client cut off), nor a close handshake the peer started, nor the peer
    // simply closing the connection: its clients send nothing, so like an
    // HTTP client between requests they may leave at any time (the desks'
    // sync client does, without a close handshake, when it stops).
    return !m_closing && error != asio::error::operation_aborted &&
           error != websocket::error::closed && error != asio::error::eof &&
           error != asio::ssl::error::stream_truncated;
}

template <class Stream>
void WebSocketSession<Stream>::onAccept(beast::error_code error) {
    if (error) {
        if (isFailure(error))
            fail("the upgrade handshake failed: " + error.message());
        return; // the socket closes with the session
    }
    // The feed's sequence number as of the subscription (shared_state.h): a
    // later change is broadcast here, so none is missed; no storage job.
    const auto seq =
        m_context->sessions.subscribe(m_identity.tenantId, *this, this->weak_from_this());
    m_subscribed = true;
    doRead();
    onHello(seq);
}

template <class Stream>
void WebSocketSession<Stream>::onHello(std::int64_t seq) {
    if (m_closing)
        return;
    m_queue.insert(m_queue.begin(), std::make_shared<const std::string>(boost::json::serialize(
                                        boost::json::object{{"type", "hello"}, {"seq", seq}})));
    m_open = true;
    doWrite();
}

template <class Stream>
void WebSocketSession<Stream>::send(std::shared_ptr<const std::string> message) {
    asio::post(m_ws.get_executor(),
               beast::bind_front_handler(&WebSocketSession<Stream>::onSend,
                                         this->shared_from_this(), std::move(message)));
}

template <class Stream>
void WebSocketSession<Stream>::onSend(std::shared_ptr<const std::string> message) {
    if (m_closing)
        return;
    if (m_queue.size() >= kMaxQueued) {
        fail("cut off: " + std::to_string(kMaxQueued) + " notices waiting for account " +
             m_identity.name + " of tenant " + std::to_string(m_identity.tenantId));
        return closeNow();
    }
    m_queue.push_back(std::move(message));
    if (m_open && m_queue.size() == 1)
        doWrite();
}

template <class Stream>
void WebSocketSession<Stream>::doWrite() {
    m_ws.async_write(
        asio::buffer(*m_queue.front()),
        beast::bind_front_handler(&WebSocketSession<Stream>::onWrite, this->shared_from_this()));
}

template <class Stream>
void WebSocketSession<Stream>::onWrite(beast::error_code error, std::size_t) {
    if (error) {
        if (isFailure(error))
            fail("a write failed: " + error.message());
        return; // the connection is gone; the read side ends the session
    }
    m_queue.erase(m_queue.begin());
    if (!m_queue.empty() && !m_closing)
        doWrite();
}

template <class Stream>
void WebSocketSession<Stream>::doRead() {
    m_ws.async_read_some(
        asio::buffer(m_discard),
        beast::bind_front_handler(&WebSocketSession<Stream>::onRead, this->shared_from_this()));
}

template <class Stream>
void WebSocketSession<Stream>::onRead(beast::error_code error, std::size_t) {
    if (error) {
        // Closed by a close handshake or by the peer (normal), timed out
        // (no pong), reset, or aborted by the server.
        if (isFailure(error))
            fail("a read failed: " + error.message());
        return;
    }
    doRead();
}

template <class Stream>
void WebSocketSession<Stream>::shutdown() {
    asio::post(m_ws.get_executor(), [self = this->shared_from_this()] {
        if (self->m_closing)
            return;
        if (!self->m_ws.is_open())
            return self->closeNow(); // still in the handshake
        self->m_closing = true;
        self->m_ws.async_close(websocket::close_code::going_away, [self](beast::error_code) {});
    });
}

template <class Stream>
void WebSocketSession<Stream>::revoke() {
    asio::post(m_ws.get_executor(), [self = this->shared_from_this()] {
        if (self->m_closing)
            return;
        logLine("notify: closed, the token was revoked or expired",
                {{"tenant", self->m_identity.tenantId}, {"account", self->m_identity.name}});
        if (!self->m_ws.is_open())
            return self->closeNow();
        self->m_closing = true;
        self->m_ws.async_close({websocket::close_code::policy_error, "token revoked or expired"},
                               [self](beast::error_code) {});
    });
}

template <class Stream>
void WebSocketSession<Stream>::closeNow() {
    m_closing = true;
    beast::get_lowest_layer(m_ws).close();
}

template class WebSocketSession<PlainStream>;
template class WebSocketSession<TlsStream>;

} // namespace souffleur::server
