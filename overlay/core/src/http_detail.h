// Private: the asynchronous HTTP request behind request() and the sync
// client, as an Asio coroutine, and the TLS setup both use. Failures are
// values, never exceptions.
#pragma once

#include <souffleur/client/http.h>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <memory>

namespace souffleur::client::detail {

using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// Over https, `tls` is the context to use (see tlsContext); when null, one is
// made for this request.
boost::asio::awaitable<std::expected<HttpResponse, std::string>>
asyncRequest(ServerAddress server, HttpRequest request, std::chrono::milliseconds timeout,
             std::shared_ptr<boost::asio::ssl::context> tls = nullptr);

// A client TLS context trusting the authorities in `caFile` (PEM), or the
// system's when it is empty. Loading them takes a few milliseconds: a client
// that makes many requests makes one context and passes it to each.
std::expected<std::shared_ptr<boost::asio::ssl::context>, std::string>
tlsContext(const std::string& caFile);

// Prepares a TLS stream before its handshake: the certificate must be valid
// for `host` (a name or an IP address), and a name is sent as SNI.
std::expected<void, std::string> prepareTls(TlsStream& stream, const std::string& host);

} // namespace souffleur::client::detail
