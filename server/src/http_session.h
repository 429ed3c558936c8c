// Private: one HTTP/1.1 connection, after Beast's chat-multi http_session,
// over plain TCP or TLS (streams.h; a TLS connection starts with its
// handshake, under the request deadline). Reads a request's header, has the routes admit it (route,
// token and role, api.h) before any of its body is read, then reads the body up to the route's
// limit, hands the request to the route, writes the answer, and waits for the next one; an
// authorised upgrade of /api/v1/notify hands the socket (and its connection slot) to a
// WebSocketSession.
//
//   accepted ──▶ reading header (10 s for the whole request) ──▶ admission
//      ▲              │ over a limit: 413/400             │ refused: 401, 403, 404, ...
//      │              ▼                                   ▼ (body unread: close)
//      │         lingering close ◀──────────────── writing ◀── routes ◀── reading body
//      │ keep-alive                                   │
//   idle (30 s) ◀─────────────────────────────────────┘
//
// A refusal before the body has been read closes the connection after the
// answer. Closing with unread data would make the peer's TCP reset the
// connection, and the answer with it, so the session first shuts down its
// sending side and reads and discards what still comes for a little while
// ("lingering close", bounded in time and bytes). Over TLS the session
// reads and discards on the TLS layer, and a connection that ends normally
// sends its close_notify first.
//
// A connection that ends in an error (a deadline passed mid-request, a reset,
// a failed TLS handshake, a malformed or oversized request, an answer that
// could not be written) counts once in the metrics under the kind of its
// first error (metrics.h), which also logs it without flooding. The peer
// closing or staying silent between requests ends a connection normally.
//
// Everything runs on the connection's strand; handlers take an error_code and
// return early, and the session ends when its last handler returns.
#pragma once

#include "connection.h"
#include "connection_limits.h"
#include "metrics.h"
#include "routes/api.h"
#include "server_context.h"
#include "streams.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace souffleur::server {

// Starts a session for an accepted connection: TLS when the context has a
// TLS context, plain otherwise.
void startHttpSession(boost::asio::ip::tcp::socket&& socket,
                      const std::shared_ptr<ServerContext>& context, ConnectionLimits::Slot slot);

template <class Stream>
class HttpSession : public Connection, public std::enable_shared_from_this<HttpSession<Stream>> {
public:
    HttpSession(Stream&& stream, std::shared_ptr<ServerContext> context,
                ConnectionLimits::Slot slot);
    ~HttpSession() override;

    void run();
    void shutdown() override;

private:
    void onHandshake(boost::beast::error_code error);
    void waitForRequest();
    void onRequestData(boost::beast::error_code error, std::size_t bytes);
    void readHeader();
    void onHeader(boost::beast::error_code error, std::size_t bytes);
    void onAdmission(Admission admission);
    void onBody(boost::beast::error_code error, std::size_t bytes);
    void onReadError(boost::beast::error_code error);
    // Counts the connection's first error (and logs it when it is news).
    void fail(ConnectionError kind, const boost::beast::error_code& error);
    void fail(ConnectionError kind, std::string_view detail);
    void answerAndClose(http::status status, std::string_view message);
    void refuse(Response response);
    void write(Response response);
    void onWrite(boost::beast::error_code error, std::size_t bytes);
    void upgrade(Identity identity, Request request);
    void linger();
    void onLinger(boost::beast::error_code error, std::size_t bytes);
    void finish();
    void close();

    Stream m_stream;
    boost::asio::any_io_executor m_strand; // kept: m_stream is moved out on upgrade
    boost::beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::optional<Admitted> m_admitted; // while its body is read
    std::optional<Response> m_response; // alive until written
    std::shared_ptr<ServerContext> m_context;
    ConnectionLimits::Slot m_slot; // this connection's place under the caps
    std::string m_remote;          // the client: the peer, or whom a trusted proxy forwarded
    std::string m_method;          // of the request being answered, for the metrics
    std::string_view m_route;      // its route pattern (static), or "unmatched"
    std::size_t m_lingered = 0;    // bytes discarded while lingering
    unsigned m_version = 11;       // of the request being answered
    bool m_joined = false;
    bool m_failed = false;    // an error of this connection has been counted
    bool m_upgraded = false;  // m_stream now belongs to a WebSocketSession
    bool m_reading = false;   // a read is pending: shutdown() may close at once
    bool m_keepAlive = false; // of the request being answered
    bool m_linger = false;    // part of the request may be unread: linger on close
    bool m_stopping = false;  // shutdown() was called: close after the answer
};

} // namespace souffleur::server
