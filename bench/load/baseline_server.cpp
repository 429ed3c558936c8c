// The bare Beast WebSocket broadcast server (see baseline_server.h).
#include "baseline_server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <charconv>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace load {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using asio::ip::tcp;
using namespace std::chrono_literals;

constexpr std::size_t kMaxQueued = 64;             // as WebSocketSession::kMaxQueued
constexpr std::size_t kReadMessageMax = 64 * 1024; // as websocket_session.cpp
constexpr std::uint64_t kBodyLimit = 1024 * 1024;  // the server's default body limit
constexpr auto kIdleTimeout = 30s;                 // the server's HTTP idle timeout

class WsSession;

// The subscribers, as SharedState.
class Hub {
public:
    void join(WsSession& session, std::weak_ptr<WsSession> handle) {
        const std::lock_guard lock(m_mutex);
        m_sessions.emplace(&session, std::move(handle));
    }
    void leave(WsSession& session) {
        const std::lock_guard lock(m_mutex);
        m_sessions.erase(&session);
    }
    std::size_t broadcast(const std::string& message);

private:
    std::mutex m_mutex;
    std::unordered_map<WsSession*, std::weak_ptr<WsSession>> m_sessions;
};

// One WebSocket, as WebSocketSession (without the identity and the store).
class WsSession : public std::enable_shared_from_this<WsSession> {
public:
    WsSession(beast::tcp_stream&& stream, Hub& hub)
        : m_ws(std::move(stream))
        , m_hub(hub) {}
    ~WsSession() {
        if (m_joined)
            m_hub.leave(*this);
    }
    WsSession(const WsSession&) = delete;
    WsSession& operator=(const WsSession&) = delete;

    void run(const http::request<http::string_body>& request) {
        m_ws.set_option(websocket::stream_base::timeout{10s, 30s, true});
        m_ws.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
            response.set(http::field::server, "souffleur_load-baseline");
        }));
        m_ws.read_message_max(kReadMessageMax);
        m_ws.text(true);
        m_ws.async_accept(request,
                          beast::bind_front_handler(&WsSession::onAccept, shared_from_this()));
    }

    void send(std::shared_ptr<const std::string> message) {
        asio::post(m_ws.get_executor(),
                   beast::bind_front_handler(&WsSession::onSend, shared_from_this(), message));
    }

private:
    void onAccept(beast::error_code error) {
        if (error)
            return;
        m_hub.join(*this, weak_from_this());
        m_joined = true;
        doRead();
        m_queue.push_front(std::make_shared<const std::string>(R"({"type":"hello","seq":0})"));
        m_open = true;
        doWrite();
    }

    void onSend(std::shared_ptr<const std::string> message) {
        if (m_closing)
            return;
        if (m_queue.size() >= kMaxQueued) {
            m_closing = true;
            beast::get_lowest_layer(m_ws).close();
            return;
        }
        m_queue.push_back(std::move(message));
        if (m_open && m_queue.size() == 1)
            doWrite();
    }

    void doWrite() {
        m_ws.async_write(asio::buffer(*m_queue.front()),
                         beast::bind_front_handler(&WsSession::onWrite, shared_from_this()));
    }

    void onWrite(beast::error_code error, std::size_t) {
        if (error)
            return;
        m_queue.pop_front();
        if (!m_queue.empty() && !m_closing)
            doWrite();
    }

    void doRead() {
        m_ws.async_read(m_buffer,
                        beast::bind_front_handler(&WsSession::onRead, shared_from_this()));
    }

    void onRead(beast::error_code error, std::size_t) {
        if (error)
            return;
        m_buffer.consume(m_buffer.size());
        doRead();
    }

    websocket::stream<beast::tcp_stream> m_ws;
    beast::flat_buffer m_buffer;
    Hub& m_hub;
    std::deque<std::shared_ptr<const std::string>> m_queue;
    bool m_joined = false;
    bool m_open = false;
    bool m_closing = false;
};

std::size_t Hub::broadcast(const std::string& message) {
    std::vector<std::weak_ptr<WsSession>> sessions;
    {
        const std::lock_guard lock(m_mutex);
        sessions.reserve(m_sessions.size());
        for (const auto& [session, handle] : m_sessions)
            sessions.push_back(handle);
    }
    const auto shared = std::make_shared<const std::string>(message);
    std::size_t sent = 0;
    for (const auto& handle : sessions) {
        if (auto session = handle.lock()) {
            session->send(shared);
            ++sent;
        }
    }
    return sent;
}

// One HTTP connection: an upgrade becomes a WsSession, POST /broadcast
// broadcasts its body, anything else is a 404.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(tcp::socket&& socket, Hub& hub)
        : m_stream(std::move(socket))
        , m_hub(hub) {}

    void run() {
        asio::dispatch(m_stream.get_executor(),
                       beast::bind_front_handler(&HttpSession::doRead, shared_from_this()));
    }

private:
    void doRead() {
        m_parser.emplace();
        m_parser->body_limit(kBodyLimit);
        m_stream.expires_after(kIdleTimeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         beast::bind_front_handler(&HttpSession::onRead, shared_from_this()));
    }

    void onRead(beast::error_code error, std::size_t) {
        if (error)
            return close();
        auto request = m_parser->release();
        if (websocket::is_upgrade(request)) {
            m_stream.expires_never();
            std::make_shared<WsSession>(std::move(m_stream), m_hub)->run(request);
            return;
        }
        m_response.emplace();
        m_response->version(request.version());
        m_response->keep_alive(request.keep_alive());
        m_response->set(http::field::content_type, "application/json");
        if (request.method() == http::verb::post && request.target() == "/broadcast") {
            const std::size_t sent = m_hub.broadcast(request.body());
            m_response->result(http::status::ok);
            m_response->body() = "{\"sent\":" + std::to_string(sent) + "}";
        } else {
            m_response->result(http::status::not_found);
            m_response->body() = R"({"error":"no such resource"})";
        }
        m_response->prepare_payload();
        http::async_write(m_stream, *m_response,
                          beast::bind_front_handler(&HttpSession::onWrite, shared_from_this()));
    }

    void onWrite(beast::error_code error, std::size_t) {
        if (error)
            return close();
        const bool keepAlive = m_response->keep_alive();
        m_response.reset();
        if (!keepAlive)
            return close();
        doRead();
    }

    void close() {
        beast::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        m_stream.close();
    }

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    Hub& m_hub;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::optional<http::response<http::string_body>> m_response;
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(asio::io_context& ioc, Hub& hub)
        : m_ioc(ioc)
        , m_strand(asio::make_strand(ioc))
        , m_acceptor(m_strand)
        , m_retry(m_strand)
        , m_hub(hub) {}

    bool open(const tcp::endpoint& endpoint, std::string& error) {
        beast::error_code code;
        m_acceptor.open(endpoint.protocol(), code);
        if (!code)
            m_acceptor.set_option(asio::socket_base::reuse_address(true), code);
        if (!code)
            m_acceptor.bind(endpoint, code);
        if (!code)
            m_acceptor.listen(asio::socket_base::max_listen_connections, code);
        if (code)
            error = code.message();
        return !code;
    }
    std::uint16_t port() const {
        beast::error_code ignored;
        return m_acceptor.local_endpoint(ignored).port();
    }
    void run() {
        asio::dispatch(m_strand,
                       beast::bind_front_handler(&Listener::doAccept, shared_from_this()));
    }

private:
    void doAccept() {
        m_acceptor.async_accept(asio::make_strand(m_ioc),
                                beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
    }
    void onAccept(beast::error_code error, tcp::socket socket) {
        if (error == asio::error::operation_aborted)
            return;
        if (error) {
            std::cerr << "baseline-server: accept failed: " << error.message() << std::endl;
            m_retry.expires_after(100ms);
            m_retry.async_wait([self = shared_from_this()](beast::error_code waitError) {
                if (!waitError)
                    self->doAccept();
            });
            return;
        }
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        std::make_shared<HttpSession>(std::move(socket), m_hub)->run();
        doAccept();
    }

    asio::io_context& m_ioc;
    asio::strand<asio::io_context::executor_type> m_strand;
    tcp::acceptor m_acceptor;
    asio::steady_timer m_retry;
    Hub& m_hub;
};

bool writePortFile(const std::filesystem::path& file, std::uint16_t port) {
    auto temporary = file;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << port << "\n";
        if (!out)
            return false;
    }
    std::error_code error;
    std::filesystem::rename(temporary, file, error);
    return !error;
}

} // namespace

int runBaselineServer(const Args& args) {
    const std::string listenText = args.text("listen", "127.0.0.1:0");
    const auto colon = listenText.rfind(':');
    boost::system::error_code addressError;
    const auto address = asio::ip::make_address(listenText.substr(0, colon), addressError);
    std::uint16_t port = 0;
    const std::string portText = colon == std::string::npos ? "" : listenText.substr(colon + 1);
    const auto [end, portError] =
        std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (colon == std::string::npos || addressError || !address.is_loopback() ||
        portError != std::errc() || end != portText.data() + portText.size()) {
        std::cerr << "baseline-server: --listen needs a loopback ADDR:PORT\n";
        return 2;
    }
    const int threads = static_cast<int>(args.number("threads", 2));
    raiseFileLimit();

    asio::io_context ioc(threads);
    Hub hub;
    auto listener = std::make_shared<Listener>(ioc, hub);
    std::string error;
    if (!listener->open(tcp::endpoint(address, port), error)) {
        std::cerr << "baseline-server: cannot listen on " << listenText << ": " << error << "\n";
        return 1;
    }
    listener->run();
    if (args.has("port-file") && !writePortFile(args.text("port-file"), listener->port())) {
        std::cerr << "baseline-server: cannot write " << args.text("port-file") << "\n";
        return 1;
    }
    std::cerr << "baseline-server: listening on " << address.to_string() << ":" << listener->port()
              << " with " << threads << " threads" << std::endl;

    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&ioc](beast::error_code, int) { ioc.stop(); });
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i)
        pool.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for (auto& thread : pool)
        thread.join();
    return 0;
}

} // namespace load
