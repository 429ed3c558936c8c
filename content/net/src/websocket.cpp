// The client WebSocket over Boost.Beast: a websocket::stream over plain TCP
// or TLS, chosen at connect time; visit() hands the stream to a generic
// lambda, which must return the same type for both.
#include <souffleur/net/async_http.h>
#include <souffleur/net/websocket.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <utility>
#include <variant>

namespace souffleur::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {
constexpr auto kToken = asio::as_tuple(asio::use_awaitable);
} // namespace

struct WebSocket::Impl {
    using Plain = websocket::stream<beast::tcp_stream>;
    using Tls = websocket::stream<TlsStream>;

    explicit Impl(const asio::any_io_executor& executor)
        : ws(std::in_place_type<Plain>, executor) {}
    Impl(const asio::any_io_executor& executor, std::shared_ptr<asio::ssl::context> context)
        : tls(std::move(context))
        , ws(std::in_place_type<Tls>, executor, *tls) {}

    template <class F>
    decltype(auto) visit(F&& f) {
        return std::visit(std::forward<F>(f), ws);
    }
    beast::tcp_stream& tcp() {
        return visit([](auto& s) -> beast::tcp_stream& { return beast::get_lowest_layer(s); });
    }
    // The TLS layer, or null on a plain connection.
    TlsStream* tlsLayer() {
        auto* s = std::get_if<Tls>(&ws);
        return s ? &s->next_layer() : nullptr;
    }
    void close() {
        beast::error_code ignored;
        tcp().socket().close(ignored);
    }

    std::shared_ptr<asio::ssl::context> tls; // outlives the stream that uses it
    std::variant<Plain, Tls> ws;
    beast::flat_buffer buffer;
};

WebSocket::WebSocket(std::shared_ptr<Impl> impl)
    : m_impl(std::move(impl)) {}
WebSocket::WebSocket() = default;
WebSocket::WebSocket(WebSocket&&) noexcept = default;
WebSocket& WebSocket::operator=(WebSocket&& other) noexcept {
    if (this != &other) {
        close();
        m_impl = std::move(other.m_impl);
    }
    return *this;
}
WebSocket::~WebSocket() {
    close();
}

void WebSocket::close() {
    if (m_impl)
        m_impl->close();
}

asio::awaitable<std::expected<WebSocket, WebSocketError>>
WebSocket::connect(ServerAddress server, WebSocketOptions options,
                   std::shared_ptr<asio::ssl::context> tls) {
    using Stage = WebSocketError::Stage;
    const auto failure = [](Stage stage, std::string reason, std::string message) {
        return std::unexpected(WebSocketError{stage, std::move(reason), std::move(message)});
    };
    auto executor = co_await asio::this_coro::executor;
    if (server.tls && !tls) {
        auto context = tlsContext(server.caFile);
        if (!context)
            co_return failure(Stage::Tls, context.error(), context.error());
        tls = std::move(*context);
    }
    asio::ip::tcp::resolver resolver(executor);
    auto [resolveError, endpoints] =
        co_await resolver.async_resolve(server.host, server.port, kToken);
    if (resolveError)
        co_return failure(Stage::Resolve, resolveError.message(),
                          "cannot resolve " + server.host + ": " + resolveError.message());

    WebSocket socket(server.tls ? std::make_shared<Impl>(executor, std::move(tls))
                                : std::make_shared<Impl>(executor));
    Impl& impl = *socket.m_impl;
    impl.tcp().expires_after(options.connectTimeout);
    auto [connectError, endpoint] = co_await impl.tcp().async_connect(endpoints, kToken);
    if (connectError)
        co_return failure(Stage::Connect, connectError.message(),
                          "cannot connect to " + server.toString() + ": " + connectError.message());
    if (auto* layer = impl.tlsLayer()) {
        if (auto ok = prepareTls(*layer, server.host); !ok)
            co_return failure(Stage::Tls, ok.error(), ok.error());
        auto [tlsError] = co_await layer->async_handshake(asio::ssl::stream_base::client, kToken);
        if (tlsError)
            co_return failure(Stage::Tls, tlsError.message(),
                              "TLS handshake with " + server.toString() +
                                  " failed: " + tlsError.message());
    }
    impl.tcp().expires_never();
    impl.visit([&options](auto& stream) {
        stream.set_option(
            websocket::stream_base::timeout{options.handshakeTimeout, options.idleTimeout, true});
        stream.set_option(websocket::stream_base::decorator(
            [token = options.token, agent = options.userAgent](websocket::request_type& req) {
                if (!token.empty())
                    req.set(beast::http::field::authorization, "Bearer " + token);
                req.set(beast::http::field::user_agent, agent);
            }));
        stream.read_message_max(options.readMessageMax);
    });
    const std::string host = server.host + ":" + server.port;
    auto [handshakeError] = co_await impl.visit([&host, &options](auto& stream) {
        return stream.async_handshake(host, options.target, kToken);
    });
    if (handshakeError)
        co_return failure(Stage::Handshake, handshakeError.message(),
                          "WebSocket handshake on " + options.target +
                              " failed: " + handshakeError.message());
    co_return std::move(socket);
}

asio::awaitable<std::expected<std::string, std::string>> WebSocket::read() {
    const std::shared_ptr<Impl> impl = m_impl; // see m_impl
    if (!impl)
        co_return std::unexpected(std::string("not connected"));
    auto [error, size] = co_await impl->visit(
        [&impl](auto& stream) { return stream.async_read(impl->buffer, kToken); });
    if (error)
        co_return std::unexpected(error.message());
    std::string message = beast::buffers_to_string(impl->buffer.data());
    impl->buffer.consume(impl->buffer.size());
    co_return message;
}

} // namespace souffleur::net
