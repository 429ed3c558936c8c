// souffleur::net: a client WebSocket to the server, plain or TLS, for a
// coroutine on an Asio executor: connect with a Bearer token to a target
// path, read one message at a time, close. The desk's sync client holds one
// on /api/v1/notify (docs/api.md). Beast stays in websocket.cpp.
//
//   auto ws = co_await WebSocket::connect(server, options, tls);
//   for (;;) { auto message = co_await ws->read(); if (!message) break; ... }
//   ws->close();
//
// All calls on one WebSocket must come from the executor it was connected on.
// Failures are values, never exceptions.
#pragma once

#include <souffleur/net/http.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstddef>
#include <expected>
#include <memory>
#include <string>

namespace souffleur::net {

struct WebSocketOptions {
    std::string target;                     // the path upgraded, "/api/v1/notify"
    std::string token;                      // sent as "Authorization: Bearer TOKEN"; empty: none
    std::string userAgent = "souffleur";    // the User-Agent of the upgrade request
    std::size_t readMessageMax = 64 * 1024; // a longer message fails read() and the connection
    // The TCP connect and the TLS handshake together.
    std::chrono::milliseconds connectTimeout = std::chrono::seconds(10);
    // The upgrade request and its answer.
    std::chrono::milliseconds handshakeTimeout = std::chrono::seconds(10);
    // A connection silent for this long is dropped; a ping after half of it
    // keeps one to a live server open.
    std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
};

// Why connect() failed: the stage, the error there alone ("Connection
// refused"), and a sentence that says it all ("cannot connect to
// http://127.0.0.1:8470: Connection refused").
struct WebSocketError {
    // Resolve: the host name; Connect: TCP; Tls: the context, the
    // certificate check or the TLS handshake; Handshake: the upgrade, refused
    // (an unknown token, say) or not answered in time.
    enum class Stage { Resolve, Connect, Tls, Handshake };
    Stage stage;
    std::string reason;
    std::string message;
};

class WebSocket {
public:
    // Resolves and connects to `server`, over TLS when it is https (with
    // `tls`, see tlsContext in async_http.h; when null, a context is made for
    // this connection), and upgrades `options.target`.
    static boost::asio::awaitable<std::expected<WebSocket, WebSocketError>>
    connect(ServerAddress server, WebSocketOptions options,
            std::shared_ptr<boost::asio::ssl::context> tls = nullptr);

    WebSocket(); // not connected: read() fails (as after a move)
    WebSocket(WebSocket&&) noexcept;
    WebSocket& operator=(WebSocket&&) noexcept;
    WebSocket(const WebSocket&) = delete;
    WebSocket& operator=(const WebSocket&) = delete;
    ~WebSocket(); // closes

    // The next message's payload (the server sends text). An error when the
    // connection fails, is closed, falls idle or the message is longer than
    // readMessageMax; the connection is then of no further use.
    boost::asio::awaitable<std::expected<std::string, std::string>> read();

    // Drops the connection at once, without a closing handshake; a read()
    // under way ends with an error. Safe to call more than once.
    void close();

private:
    struct Impl;
    explicit WebSocket(std::shared_ptr<Impl> impl);

    // Shared with a read() under way, so that a WebSocket may go while one waits.
    std::shared_ptr<Impl> m_impl;
};

} // namespace souffleur::net
