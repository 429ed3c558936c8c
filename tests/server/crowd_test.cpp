// Desks behind one address (issue 17): a municipality's desks reach the
// server through one NAT or proxy address. 2,000 desks from 127.0.0.1, each
// with its own account and token, all keep their notify WebSocket open and
// all hear a publication, while 300 slow clients from 127.0.0.2 (a header
// trickled out byte by byte, never finished) are held to that address's cap
// on connections without a valid token and cannot keep /healthz from
// answering. Through a trusted proxy, the client X-Forwarded-For names is
// the one that is rate-limited and audited.
#include "test_support.h"

#include <souffleur/server/auth.h>
#include <souffleur/server/storage.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace souffleur::server;
using namespace souffleur::server::test;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

constexpr int kDesks = 2000;
constexpr int kSlowClients = 300;
constexpr int kInFlight = 32; // desks connecting at once, as after a restart behind a NAT

// New desk accounts in "Gemeente A", team "Balie A", one token each.
std::vector<std::string> addDesks(const TestServer& server, int count) {
    auto db = openStore(databasePath(server.dataDir()));
    REQUIRE(db.has_value());
    const auto tenant = findTenant(*db, "Gemeente A").value().value();
    const auto team = findTeam(*db, tenant, "Balie A").value().value();
    auto tx = souffleur::sqlite::Transaction::begin(*db);
    REQUIRE(tx.has_value());
    std::vector<std::string> tokens;
    for (int i = 0; i < count; ++i) {
        auto id = createAccount(*db, {tenant, team, "nat-desk-" + std::to_string(i), Role::Desk});
        REQUIRE(id.has_value());
        auto token = issueToken(*db, *id, std::chrono::hours(1));
        REQUIRE(token.has_value());
        tokens.push_back(*token);
    }
    REQUIRE(tx->commit().has_value());
    return tokens;
}

// One desk's notify socket: connects, upgrades with its token, reads the
// hello, then keeps reading (counting notices); tries again after a refusal.
struct Counts {
    std::atomic<int> connected = 0; // desks that have had their hello
    std::atomic<int> notices = 0;   // "changed" notices heard
    std::atomic<int> retries = 0;   // attempts that failed and were tried again
};

struct Desk : std::enable_shared_from_this<Desk> {
    Desk(asio::io_context& context, std::uint16_t serverPort, std::string deskToken, Counts& all)
        : ioc(context)
        , port(serverPort)
        , token(std::move(deskToken))
        , counts(all) {}

    void start(std::function<void()> onSettled) {
        settled = std::move(onSettled);
        attempt();
    }

    void attempt() {
        ws = std::make_unique<websocket::stream<beast::tcp_stream>>(ioc);
        ws->next_layer().expires_after(std::chrono::seconds(10));
        ws->next_layer().async_connect(
            tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
            [self = shared_from_this()](beast::error_code error) {
                if (error)
                    return self->again();
                self->ws->set_option(
                    websocket::stream_base::decorator([token = self->token](auto& request) {
                        request.set(beast::http::field::authorization, "Bearer " + token);
                    }));
                self->ws->async_handshake("127.0.0.1", "/api/v1/notify",
                                          [self](beast::error_code handshakeError) {
                                              if (handshakeError)
                                                  return self->again();
                                              self->readHello();
                                          });
            });
    }

    void readHello() {
        ws->async_read(buffer, [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error)
                return self->again();
            self->buffer.clear();
            beast::get_lowest_layer(*self->ws).expires_never();
            ++self->counts.connected;
            if (auto done = std::exchange(self->settled, nullptr))
                done();
            self->readNotices();
        });
    }

    void readNotices() {
        ws->async_read(buffer, [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error)
                return; // closed at the end of the test
            if (beast::buffers_to_string(self->buffer.data()).find("\"type\":\"changed\"") !=
                std::string::npos)
                ++self->counts.notices;
            self->buffer.clear();
            self->readNotices();
        });
    }

    void again() {
        ++counts.retries;
        auto timer = std::make_shared<asio::steady_timer>(ioc, std::chrono::milliseconds(50));
        timer->async_wait(
            [self = shared_from_this(), timer](beast::error_code) { self->attempt(); });
    }

    void close() {
        beast::error_code ignored;
        beast::get_lowest_layer(*ws).socket().close(ignored);
    }

    asio::io_context& ioc;
    std::uint16_t port;
    std::string token;
    Counts& counts;
    std::unique_ptr<websocket::stream<beast::tcp_stream>> ws;
    beast::flat_buffer buffer;
    std::function<void()> settled;
};

// A connection from `from` that starts a request and never finishes it:
// whether the server let it in (it is still open after a moment) or closed it.
struct SlowClient {
    SlowClient(asio::io_context& ioc, const std::string& from, std::uint16_t port)
        : socket(ioc) {
        beast::error_code error;
        socket.open(tcp::v4(), error);
        if (!error)
            socket.bind(tcp::endpoint(asio::ip::make_address(from), 0), error);
        if (!error)
            socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), error);
        if (!error)
            asio::write(socket, asio::buffer(std::string_view("GET /healthz HTTP/1.1\r\nHo")),
                        error);
        ok = !error;
    }
    // Another byte of the header; false once the server has closed the connection.
    bool trickle() {
        beast::error_code error;
        asio::write(socket, asio::buffer(std::string_view("o")), error);
        return !error;
    }
    tcp::socket socket;
    bool ok = false;
};

} // namespace

TEST_CASE("2,000 desks behind one address stay connected; slow clients cannot starve /healthz",
          "[server][limits][crowd]") {
    // Each desk costs the test two sockets (its end and the server's).
    const auto openFiles = raiseOpenFileLimit();
    if (openFiles < 2 * (kDesks + kSlowClients) + 200) {
        WARN("SKIPPED: the open-files limit (" << openFiles << ") is too low for " << kDesks
                                               << " desks; raise ulimit -n");
        return;
    }

    Config config;
    config.tokenRefreshInterval = std::chrono::milliseconds(100);
    TestServer server(config);
    const auto tokens = addDesks(server, kDesks);
    // The new tokens are in memory within the refresh interval; until then
    // they are authenticated on the storage thread.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    asio::io_context ioc;
    Counts counts;
    std::vector<std::shared_ptr<Desk>> desks;
    for (const auto& token : tokens)
        desks.push_back(std::make_shared<Desk>(ioc, server.port(), token, counts));
    // kInFlight at a time: each desk that is through starts the next.
    std::size_t next = 0;
    std::function<void()> startNext = [&] {
        if (next < desks.size())
            desks[next++]->start(startNext);
    };
    for (int i = 0; i < kInFlight; ++i)
        startNext();
    auto guard = asio::make_work_guard(ioc);
    std::thread io([&ioc] { ioc.run(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (counts.connected < kDesks && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    INFO("connected " << counts.connected << " of " << kDesks << " desks after " << counts.retries
                      << " retries");
    CHECK(counts.connected == kDesks);
    CHECK(counts.retries == 0); // never refused for their shared address

    // 300 slow clients from another address: the first 64 are let in and
    // hold their place, the others are closed at once.
    asio::io_context slowIo;
    std::vector<std::unique_ptr<SlowClient>> slow;
    for (int i = 0; i < kSlowClients; ++i)
        slow.push_back(std::make_unique<SlowClient>(slowIo, "127.0.0.2", server.port()));
    for (int round = 0; round < 3; ++round) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        for (auto& client : slow)
            client->ok = client->ok && client->trickle();
    }
    int holding = 0;
    for (const auto& client : slow)
        holding += client->ok ? 1 : 0;
    CHECK(holding == 64);

    // /healthz answers meanwhile, within two seconds, from the desks'
    // address and from a third.
    for (const char* from : {"127.0.0.1", "127.0.0.3"}) {
        INFO("from " << from);
        CHECK(healthzFrom(from, server.port()) == 200);
    }

    // Every desk hears a publication.
    REQUIRE(send(server.port(), post("/api/v1/guides", server.reviewerA, guideXml("t.crowd", 1),
                                     "application/xml"))
                .status == 201);
    const auto heard = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (counts.notices < kDesks && std::chrono::steady_clock::now() < heard)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(counts.notices == kDesks);

    const auto metrics = send(server.port(), get("/metrics", server.adminA));
    // The desks, and the connection asking.
    CHECK(metrics.body.find("souffleur_connections_authenticated " + std::to_string(kDesks + 1) +
                            "\n") != std::string::npos);

    asio::post(ioc, [&desks] {
        for (auto& desk : desks)
            desk->close();
    });
    guard.reset();
    io.join();
}

TEST_CASE("Through a trusted proxy, the forwarded client is the one rate-limited",
          "[server][limits][proxy]") {
    Config config;
    config.maxConnectionsPerAddress = 2;
    config.maxRequestsPerSecondPerAddress = 5; // bursts of 10
    config.trustedProxies = {"127.0.0.1"};
    TestServer server(config);

    // More connections from the proxy than the cap per address: no cap of its own.
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<HttpClient>(server.port()));
        HttpCall call = get("/healthz", "");
        call.headers = {{"X-Forwarded-For", "192.0.2." + std::to_string(i + 1)}};
        REQUIRE(clients.back()->send(call).status == 200);
    }
    // One client's burst is limited; another client behind the same proxy is not.
    const auto burst = [&](const std::string& forwardedFor, int requests) {
        int limited = 0;
        for (int i = 0; i < requests; ++i) {
            HttpCall call = get("/healthz", "");
            call.headers = {{"X-Forwarded-For", forwardedFor}};
            limited += clients[0]->send(call).status == 429 ? 1 : 0;
        }
        return limited;
    };
    CHECK(burst("198.51.100.7", 12) > 0);
    // A client cannot choose its address by writing one in front of the
    // proxy's: the rightmost untrusted address counts.
    CHECK(burst("192.0.2.99, 198.51.100.7", 8) == 8);
    CHECK(burst("198.51.100.8", 8) == 0);
    // The audit log names the forwarded client of a refused request.
    HttpCall refused = get("/api/v1/guides", "not-a-token");
    refused.headers = {{"X-Forwarded-For", "203.0.113.5"}};
    CHECK(clients[1]->send(refused).status == 401);
    server.stop();
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE remote = '203.0.113.5'") == 1);
}
