// The desks' WebSocket clients (see desk_fleet.h).
#include "desk_fleet.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <openssl/err.h>

#include <iostream>
#include <optional>
#include <thread>
#include <type_traits>

namespace load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using namespace std::chrono_literals;

namespace {

constexpr auto kToken = asio::as_tuple(asio::use_awaitable);
constexpr auto kHandshakeTimeout = 30s;

using PlainWs = websocket::stream<beast::tcp_stream>;
using TlsWs = websocket::stream<TlsStream>;

} // namespace

// One of the two streams, as the target speaks plain or TLS.
struct DeskFleet::Desk {
    Desk(const asio::any_io_executor& strand, asio::ssl::context* tls)
        : executor(strand) {
        if (tls != nullptr)
            secure.emplace(executor, *tls);
        else
            plain.emplace(executor);
    }
    asio::any_io_executor executor;
    std::optional<PlainWs> plain;
    std::optional<TlsWs> secure;
    beast::flat_buffer buffer;

    asio::ip::tcp::socket& socket() {
        return secure ? beast::get_lowest_layer(*secure).socket()
                      : beast::get_lowest_layer(*plain).socket();
    }
};

DeskFleet::DeskFleet(asio::io_context& ioc, Config config)
    : m_ioc(ioc)
    , m_config(std::move(config))
    , m_arrivals(m_config.rounds.size(), std::vector<std::int64_t>(m_config.desks, 0))
    , m_received(std::make_unique<std::atomic<std::size_t>[]>(m_config.rounds.size()))
    , m_desks(m_config.desks) {}

DeskFleet::~DeskFleet() {
    close();
}

double DeskFleet::open(std::chrono::seconds timeout) {
    const auto start = Clock::now();
    const std::size_t first = std::min(m_config.window, m_config.desks);
    for (std::size_t i = 0; i < first; ++i)
        launchNext();
    std::size_t reported = 0;
    while (m_ready.load() + m_failed.load() < m_config.desks) {
        if (Clock::now() - start > timeout) {
            std::cout << "  desks: gave up waiting after " << timeout.count() << " s with "
                      << m_ready.load() << " ready, " << m_failed.load() << " failed" << std::endl;
            break;
        }
        std::this_thread::sleep_for(5ms);
        const std::size_t done = m_ready.load() + m_failed.load();
        if (done / 2500 != reported / 2500)
            std::cout << "  desks: " << m_ready.load() << " ready, " << m_failed.load() << " failed"
                      << std::endl;
        reported = done;
    }
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void DeskFleet::launchNext() {
    if (m_closing.load())
        return;
    const std::size_t index = m_next.fetch_add(1);
    if (index >= m_config.desks)
        return;
    auto desk = std::make_shared<Desk>(asio::make_strand(m_ioc), m_config.target.tls.get());
    {
        const std::lock_guard lock(m_mutex);
        m_desks[index] = desk;
    }
    m_launched.fetch_add(1);
    const auto executor = desk->executor;
    if (desk->secure) {
        auto& ws = *desk->secure;
        asio::co_spawn(executor, run(std::move(desk), ws, index), asio::detached);
    } else {
        auto& ws = *desk->plain;
        asio::co_spawn(executor, run(std::move(desk), ws, index), asio::detached);
    }
}

template <class Ws>
asio::awaitable<void> DeskFleet::run(std::shared_ptr<Desk> desk, Ws& ws, std::size_t index) {
    bool isReady = false;
    const auto finish = [&](const std::string& what) {
        if (!isReady) {
            noteError(what);
            m_failed.fetch_add(1);
            launchNext(); // keep the window full
        } else if (!m_closing.load()) {
            noteError("after hello: " + what);
            m_lost.fetch_add(1);
        }
        m_finished.fetch_add(1);
    };

    beast::get_lowest_layer(ws).expires_after(kHandshakeTimeout);
    auto [connectError] =
        co_await beast::get_lowest_layer(ws).async_connect(m_config.target.tcp(), kToken);
    if (connectError) {
        finish("connect: " + connectError.message());
        co_return;
    }
    beast::get_lowest_layer(ws).socket().set_option(asio::ip::tcp::no_delay(true));
    if constexpr (std::is_same_v<Ws, TlsWs>) {
        std::string error;
        if (!prepareTls(ws.next_layer(), m_config.target.host, error)) {
            finish(error);
            co_return;
        }
        auto [tlsError] =
            co_await ws.next_layer().async_handshake(asio::ssl::stream_base::client, kToken);
        if (tlsError) {
            ERR_clear_error();
            finish("TLS handshake: " + tlsError.message());
            co_return;
        }
    }
    const std::string& token = m_config.tokens[index % m_config.tokens.size()];
    ws.set_option(websocket::stream_base::decorator([&token](websocket::request_type& request) {
        request.set(beast::http::field::authorization, "Bearer " + token);
        request.set(beast::http::field::user_agent, "souffleur_load");
    }));
    auto [handshakeError] =
        co_await ws.async_handshake(m_config.target.toString(), "/api/v1/notify", kToken);
    if (handshakeError) {
        finish("upgrade: " + handshakeError.message());
        co_return;
    }
    // Beast's own timeouts from here on: pongs are answered while a read is
    // pending; the desk itself never gives up on a quiet server.
    beast::get_lowest_layer(ws).expires_never();
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));

    for (;;) {
        auto [readError, bytes] = co_await ws.async_read(desk->buffer, kToken);
        const std::int64_t arrived = nowNs();
        if (readError) {
            finish("read: " + readError.message());
            co_return;
        }
        const std::string_view message(static_cast<const char*>(desk->buffer.data().data()),
                                       desk->buffer.size());
        if (!isReady) {
            if (message.find("\"hello\"") == std::string_view::npos) {
                finish("the first message was not hello: " + std::string(message.substr(0, 80)));
                co_return;
            }
            isReady = true;
            m_ready.fetch_add(1);
            launchNext();
        } else {
            const int armed = m_armed.load(std::memory_order_acquire);
            const auto round = static_cast<std::size_t>(armed);
            if (armed >= 0 && m_arrivals[round][index] == 0 &&
                isNotice(message, m_config.rounds[round].needle, m_config.rounds[round].id,
                         m_config.rounds[round].revision)) {
                m_arrivals[round][index] = arrived;
                m_received[round].fetch_add(1, std::memory_order_release);
            } else {
                m_other.fetch_add(1);
            }
        }
        desk->buffer.consume(desk->buffer.size());
    }
}

void DeskFleet::noteError(const std::string& what) {
    const std::lock_guard lock(m_mutex);
    ++m_errors[what];
}

void DeskFleet::arm(std::size_t round) {
    m_received[round].store(0);
    m_armed.store(static_cast<int>(round), std::memory_order_release);
}

std::size_t DeskFleet::waitForRound(std::size_t round, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const std::size_t got = m_received[round].load(std::memory_order_acquire);
        if (got >= alive() || Clock::now() > deadline)
            return got;
        std::this_thread::sleep_for(1ms);
    }
}

void DeskFleet::disarm() {
    m_armed.store(-1, std::memory_order_release);
    // A desk that loaded the round just before may still be stamping it: the
    // stamps are read only once every desk's strand has run past this point.
    std::vector<std::shared_ptr<Desk>> desks;
    {
        const std::lock_guard lock(m_mutex);
        desks = m_desks;
    }
    std::atomic<std::size_t> passed{0};
    std::size_t posted = 0;
    for (const auto& desk : desks) {
        if (!desk)
            continue;
        ++posted;
        asio::post(desk->executor, [&passed] { passed.fetch_add(1); });
    }
    while (passed.load() < posted)
        std::this_thread::sleep_for(1ms);
}

void DeskFleet::close() {
    m_closing.store(true);
    std::vector<std::shared_ptr<Desk>> desks;
    {
        const std::lock_guard lock(m_mutex);
        desks.swap(m_desks);
    }
    for (const auto& desk : desks) {
        if (!desk)
            continue;
        asio::post(desk->executor, [desk] {
            // Without a TLS close_notify: the desks go away as a network cut would.
            boost::system::error_code ignored;
            desk->socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
            desk->socket().close(ignored);
        });
    }
    desks.clear();
    const auto start = Clock::now();
    while (m_finished.load() < m_launched.load()) {
        std::this_thread::sleep_for(5ms);
        if (Clock::now() - start > 60s) {
            std::cout << "  desks: " << m_launched.load() - m_finished.load()
                      << " desks did not end after close; giving up" << std::endl;
            std::_Exit(3);
        }
    }
}

std::map<std::string, std::size_t> DeskFleet::errors() const {
    const std::lock_guard lock(m_mutex);
    return m_errors;
}

} // namespace load
