// HTTP/1.1 client over Boost.Beast, plain or TLS: one request per connection,
// a deadline on the whole exchange, a cap on the response size.
#include <souffleur/net/async_http.h>
#include <souffleur/net/http.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <optional>

namespace souffleur::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

std::expected<ServerAddress, std::string> ServerAddress::parse(std::string_view url) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed)
        return std::unexpected("not a URL: " + std::string(url));
    const bool tls = parsed->scheme() == "https";
    if (!tls && parsed->scheme() != "http")
        return std::unexpected("the server URL must start with http:// or https://: " +
                               std::string(url));
    // host_address() keeps an IPv6 literal's brackets off: "::1".
    ServerAddress out{std::string(parsed->host_address()), std::string(parsed->port()), tls, {}};
    if (out.host.empty())
        return std::unexpected("the server URL has no host: " + std::string(url));
    if (out.port.empty())
        out.port = tls ? "443" : "80";
    return out;
}

std::expected<std::shared_ptr<asio::ssl::context>, std::string>
tlsContext(const std::string& caFile) {
    auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
    SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
    context->set_verify_mode(asio::ssl::verify_peer);
    boost::system::error_code error;
    if (caFile.empty())
        context->set_default_verify_paths(error);
    else
        context->load_verify_file(caFile, error);
    if (error) {
        ERR_clear_error();
        return std::unexpected(
            (caFile.empty() ? std::string("cannot load the system's certificate authorities")
                            : "cannot load the certificate authorities in " + caFile) +
            ": " + error.message());
    }
    return context;
}

std::expected<void, std::string> prepareTls(TlsStream& stream, const std::string& host) {
    boost::system::error_code error;
    stream.set_verify_callback(asio::ssl::host_name_verification(host), error);
    if (error)
        return std::unexpected("cannot set up TLS: " + error.message());
    asio::ip::make_address(host, error);
    const bool isName = static_cast<bool>(error);
    // SSL_set_tlsext_host_name() without its C cast.
    if (isName && SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME,
                           TLSEXT_NAMETYPE_host_name, const_cast<char*>(host.c_str())) != 1) {
        ERR_clear_error();
        return std::unexpected("cannot set up TLS for " + host);
    }
    return {};
}

namespace {

// One request and its response on a connected stream, plain or TLS.
template <class Stream>
asio::awaitable<std::expected<HttpResponse, std::string>>
exchange(Stream& stream, const ServerAddress& server, HttpRequest request) {
    constexpr auto token = asio::as_tuple(asio::use_awaitable);
    const http::verb verb = request.method == Method::Post    ? http::verb::post
                            : request.method == Method::Patch ? http::verb::patch
                            : request.method == Method::Put   ? http::verb::put
                                                              : http::verb::get;
    http::request<http::string_body> req{verb, request.target, 11};
    req.set(http::field::host, server.host);
    req.set(http::field::user_agent, "souffleur");
    if (!request.token.empty())
        req.set(http::field::authorization, "Bearer " + request.token);
    for (const auto& [name, value] : request.headers)
        req.set(name, value);
    if (request.method != Method::Get) {
        req.set(http::field::content_type, request.contentType);
        req.body() = std::move(request.body);
    }
    req.prepare_payload();
    auto [writeError, written] = co_await http::async_write(stream, req, token);
    if (writeError)
        co_return std::unexpected("cannot send request: " + writeError.message());

    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    auto [readError, read] = co_await http::async_read(stream, buffer, parser, token);
    if (readError)
        co_return std::unexpected("cannot read response: " + readError.message());
    beast::error_code ignored;
    beast::get_lowest_layer(stream).socket().shutdown(asio::ip::tcp::socket::shutdown_both,
                                                      ignored);

    auto& res = parser.get();
    co_return HttpResponse{static_cast<int>(res.result_int()),
                           std::string(res[http::field::content_type]), std::move(res.body())};
}

} // namespace

asio::awaitable<std::expected<HttpResponse, std::string>>
asyncRequest(ServerAddress server, HttpRequest request, std::chrono::milliseconds timeout,
             std::shared_ptr<asio::ssl::context> tls) {
    constexpr auto token = asio::as_tuple(asio::use_awaitable);
    auto executor = co_await asio::this_coro::executor;
    if (server.tls && !tls) {
        auto context = tlsContext(server.caFile);
        if (!context)
            co_return std::unexpected(context.error());
        tls = std::move(*context);
    }
    asio::ip::tcp::resolver resolver(executor);
    auto [resolveError, endpoints] =
        co_await resolver.async_resolve(server.host, server.port, token);
    if (resolveError)
        co_return std::unexpected("cannot resolve " + server.host + ": " + resolveError.message());

    beast::tcp_stream stream(executor);
    stream.expires_after(timeout);
    auto [connectError, endpoint] = co_await stream.async_connect(endpoints, token);
    if (connectError)
        co_return std::unexpected("cannot connect to " + server.toString() + ": " +
                                  connectError.message());

    if (!tls)
        co_return co_await exchange(stream, server, std::move(request));
    TlsStream tlsStream(std::move(stream), *tls);
    if (auto ok = prepareTls(tlsStream, server.host); !ok)
        co_return std::unexpected(ok.error());
    auto [handshakeError] =
        co_await tlsStream.async_handshake(asio::ssl::stream_base::client, token);
    if (handshakeError)
        co_return std::unexpected("TLS handshake with " + server.toString() +
                                  " failed: " + handshakeError.message());
    co_return co_await exchange(tlsStream, server, std::move(request));
}

std::expected<HttpResponse, std::string>
request(const ServerAddress& server, const HttpRequest& req, std::chrono::milliseconds timeout) {
    asio::io_context context;
    std::optional<std::expected<HttpResponse, std::string>> result;
    asio::co_spawn(
        context, asyncRequest(server, req, timeout),
        [&result](const std::exception_ptr& error, std::expected<HttpResponse, std::string> r) {
            if (error)
                result = std::unexpected(std::string("internal error"));
            else
                result = std::move(r);
        });
    context.run();
    return result.value_or(std::unexpected(std::string("request did not complete")));
}

} // namespace souffleur::net
