// HTTP/1.1 client over Boost.Beast: one request per connection, a deadline on
// the whole exchange, a cap on the response size.
#include "http_detail.h"

#include <souffleur/client/http.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <optional>

namespace souffleur::client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

std::expected<ServerAddress, std::string> ServerAddress::parse(std::string_view url) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed)
        return std::unexpected("not a URL: " + std::string(url));
    if (parsed->scheme() != "http")
        return std::unexpected("only http:// server URLs are supported for now: " +
                               std::string(url));
    ServerAddress out{std::string(parsed->host()), std::string(parsed->port())};
    if (out.host.empty())
        return std::unexpected("the server URL has no host: " + std::string(url));
    if (out.port.empty())
        out.port = "80";
    return out;
}

namespace detail {

asio::awaitable<std::expected<HttpResponse, std::string>>
asyncRequest(ServerAddress server, HttpRequest request, std::chrono::milliseconds timeout) {
    constexpr auto token = asio::as_tuple(asio::use_awaitable);
    auto executor = co_await asio::this_coro::executor;
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

    const http::verb verb = request.method == Method::Post    ? http::verb::post
                            : request.method == Method::Patch ? http::verb::patch
                                                              : http::verb::get;
    http::request<http::string_body> req{verb, request.target, 11};
    req.set(http::field::host, server.host);
    req.set(http::field::user_agent, "souffleur");
    if (!request.token.empty())
        req.set(http::field::authorization, "Bearer " + request.token);
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
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);

    auto& res = parser.get();
    co_return HttpResponse{static_cast<int>(res.result_int()),
                           std::string(res[http::field::content_type]), std::move(res.body())};
}

} // namespace detail

std::expected<HttpResponse, std::string>
request(const ServerAddress& server, const HttpRequest& req, std::chrono::milliseconds timeout) {
    asio::io_context context;
    std::optional<std::expected<HttpResponse, std::string>> result;
    asio::co_spawn(
        context, detail::asyncRequest(server, req, timeout),
        [&result](const std::exception_ptr& error, std::expected<HttpResponse, std::string> r) {
            if (error)
                result = std::unexpected(std::string("internal error"));
            else
                result = std::move(r);
        });
    context.run();
    return result.value_or(std::unexpected(std::string("request did not complete")));
}

} // namespace souffleur::client
