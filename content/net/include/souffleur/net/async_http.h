// souffleur::net for asynchronous users: the HTTP request behind request() as
// an Asio coroutine, for a client that runs its own io_context (the desk's
// sync client), and the TLS setup it and WebSocket use, for anyone opening
// a TLS stream to the server. Failures are values, never exceptions.
//
// Pass the coroutines named values, not braced temporaries: g++ 12
// miscompiles a temporary passed by value into a co_await-ed coroutine
// (a double free).
#pragma once

#include <souffleur/net/http.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <memory>

namespace souffleur::net {

using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// One request on a new connection of the calling coroutine's executor,
// within `timeout` in all; as request(). Over https, `tls` is the context to
// use (see tlsContext); when null, one is made for this request.
boost::asio::awaitable<std::expected<HttpResponse, std::string>>
asyncRequest(ServerAddress server, HttpRequest request, std::chrono::milliseconds timeout,
             std::shared_ptr<boost::asio::ssl::context> tls = nullptr);

// A client TLS context (TLS 1.2 or newer, the peer verified) trusting the
// authorities in `caFile` (PEM), or the system's when it is empty. Loading
// them takes a few milliseconds: a client that makes many requests makes one
// context and passes it to each.
std::expected<std::shared_ptr<boost::asio::ssl::context>, std::string>
tlsContext(const std::string& caFile);

// Prepares a TLS stream before its handshake: the certificate must be valid
// for `host` (a name or an IP address), and a name is sent as SNI.
std::expected<void, std::string> prepareTls(TlsStream& stream, const std::string& host);

} // namespace souffleur::net
