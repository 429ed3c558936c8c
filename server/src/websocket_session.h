// Private: one /api/v1/notify WebSocket, after Beast's chat-multi
// websocket_session. The server only talks: {"type":"hello","seq":N} once the
// handshake is done, then {"type":"changed","seq":N} for every broadcast of the
// tenant. It reads only to answer pings and closes; Beast pings an idle peer
// and drops it when no pong comes.
//
//   accepting ──▶ hello pending (subscribed; broadcasts queue up behind the
//                 hello, so none is lost between reading seq and subscribing)
//             ──▶ open: write queue, at most kMaxQueued messages; a client that
//                 falls further behind is cut off
//
// A socket that ends any other way than by a close handshake, by the peer
// closing the connection, or by the server closing it (its upgrade failed, it
// was reset, a write failed, no pong came, or it was cut off behind its
// queue) counts once as a "websocket" connection error in the metrics
// (metrics.h), which also logs it without flooding.
//
// Everything runs on the connection's strand. The session runs on the HTTP
// session's stream, plain or TLS (streams.h).
#pragma once

#include "connection.h"
#include "connection_limits.h"
#include "server_context.h"
#include "streams.h"

#include <souffleur/server/auth.h>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::server {

template <class Stream>
class WebSocketSession : public Subscriber,
                         public std::enable_shared_from_this<WebSocketSession<Stream>> {
public:
    static constexpr std::size_t kMaxQueued = 64;

    WebSocketSession(Stream&& stream, std::shared_ptr<ServerContext> context,
                     ConnectionLimits::Slot slot, Identity identity);
    ~WebSocketSession() override;

    // Completes the upgrade of `request`, then sends hello.
    void run(const boost::beast::http::request<boost::beast::http::string_body>& request);
    void send(std::shared_ptr<const std::string> message) override;
    const std::string& tokenHash() const override { return m_identity.tokenHash; }
    std::int64_t accountId() const override { return m_identity.accountId; }
    void revoke() override;
    void shutdown() override;

private:
    void onAccept(boost::beast::error_code error);
    void onHello(std::int64_t seq);
    void onSend(std::shared_ptr<const std::string> message);
    void doWrite();
    void onWrite(boost::beast::error_code error, std::size_t bytes);
    void doRead();
    void onRead(boost::beast::error_code error, std::size_t bytes);
    void closeNow();
    // Whether a failed operation is a connection error (see the top).
    bool isFailure(const boost::beast::error_code& error) const;
    // Counts the socket's first error (and logs it when it is news).
    void fail(std::string_view detail);

    boost::beast::websocket::stream<Stream> m_ws;
    // Clients send nothing the server uses: what they send is read in small
    // pieces into this and dropped, so an idle socket's pending read holds
    // no buffer of its own (a flat_buffer would keep 1.5 KB ready).
    std::array<char, 64> m_discard{};
    std::shared_ptr<ServerContext> m_context;
    ConnectionLimits::Slot m_slot; // taken over from the HTTP session
    Identity m_identity;
    // Notices waiting to be written, oldest first; a vector, since an empty
    // std::deque already holds some 600 bytes.
    std::vector<std::shared_ptr<const std::string>> m_queue;
    bool m_joined = false;
    bool m_failed = false; // an error of this socket has been counted
    bool m_subscribed = false;
    bool m_open = false;    // accepted and hello queued: writes may start
    bool m_closing = false; // no more writes
};

} // namespace souffleur::server
