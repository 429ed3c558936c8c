// Hostile traffic (issue 17): 800 slow clients at once, spread over twenty
// loopback addresses, never keep /healthz from answering within two seconds,
// and every one of them is cut off at the server's 10 s request deadline.
//  - 400 slowloris clients, 40 from each of 127.0.0.10-19: a request header
//    trickled out one byte at a time and never finished. Without a token,
//    each address may hold 64 connections (--max-connections-per-address):
//    40 each are all let in and held.
//  - 400 slow bodies, 40 from each of 127.0.0.20-29: a POST /api/v1/records
//    with a valid desk token announcing a body of 900,000 bytes (under the
//    1 MiB limit), admitted on its header, whose body trickles in a byte at
//    a time. Authenticated, they count against no address's cap.
// Meanwhile GET /healthz from 127.0.0.2 and 127.0.0.3, on a new connection
// each time, answers 200 within two seconds, checked about every second
// for the whole attack, through the moment the server cuts all 800 off.
// Also here, what the fuzz targets of bench/fuzz found (issue 17): an answer
// to HEAD ends with its header, so that a keep-alive connection stays in
// step (fuzz_http_request: a 405's body came after it); a PNG chunk longer
// than the upload is refused before libpng allocates what it claims, and a
// JPEG of a thousand empty progressive scans is refused at once
// (fuzz_media_upload).
#include "test_support.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <catch2/catch.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <turbojpeg.h>
#include <vector>

using namespace souffleur::server;
using namespace souffleur::server::test;
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kAddresses = 10;                             // per kind of slow client
constexpr int kPerAddress = 40;                            // under the cap of 64 without a token
constexpr int kSlowClients = 2 * kAddresses * kPerAddress; // 800
constexpr int kDeskTokens = 8; // the slow bodies' accounts (50 connections each)
constexpr auto kTrickle = std::chrono::milliseconds(200);   // a byte per client per tick
constexpr auto kRequestDeadline = std::chrono::seconds(10); // http_session.cpp, kRequestTimeout

// One slow client: connected from `from`, sends `head` at once, then the
// bytes of `trickle` one per tick, never all of them; notices when the
// server closes the connection (or answers, and then closes).
struct SlowClient : std::enable_shared_from_this<SlowClient> {
    SlowClient(asio::io_context& ioc, const std::string& from, std::uint16_t port,
               std::string firstBytes, std::string slowBytes)
        : socket(ioc)
        , trickle(std::move(slowBytes)) {
        beast::error_code error;
        socket.open(tcp::v4(), error);
        if (!error)
            socket.bind(tcp::endpoint(asio::ip::make_address(from), 0), error);
        if (!error)
            socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), error);
        if (!error)
            asio::write(socket, asio::buffer(firstBytes), error);
        connected = !error;
    }

    // Waits for the server's end of the connection (on the io_context's thread).
    void watch() {
        socket.async_read_some(asio::buffer(answer),
                               [self = shared_from_this()](beast::error_code error, std::size_t) {
                                   if (error)
                                       return self->ended();
                                   self->answered = true; // a refusal: read on until the close
                                   self->watch();
                               });
    }

    // The next byte, unless the server has closed the connection.
    void tick() {
        if (closed || writing || next >= trickle.size())
            return;
        writing = true;
        asio::async_write(socket, asio::buffer(&trickle[next], 1),
                          [self = shared_from_this()](beast::error_code error, std::size_t) {
                              self->writing = false;
                              if (error)
                                  return self->ended();
                              ++self->next;
                          });
    }

    void ended() {
        if (closed)
            return;
        closed = true;
        closedAt = Clock::now();
    }

    tcp::socket socket;
    std::string trickle;
    std::size_t next = 0;
    std::array<char, 512> answer{};
    bool connected = false;
    bool writing = false;
    bool answered = false;
    std::atomic<bool> closed = false;
    Clock::time_point closedAt;
};

std::string address(int base, int index) {
    return "127.0.0." + std::to_string(base + index);
}

} // namespace

TEST_CASE("800 slow clients (slowloris, slow bodies) never keep /healthz from answering",
          "[server][limits][slow]") {
    // Each slow client costs two sockets (its end and the server's).
    const auto openFiles = raiseOpenFileLimit();
    if (openFiles < 2 * kSlowClients + 200) {
        WARN("SKIPPED: the open-files limit (" << openFiles << ") is too low for " << kSlowClients
                                               << " slow clients; raise ulimit -n");
        return;
    }

    Config config;
    config.tokenRefreshInterval = std::chrono::milliseconds(100);
    TestServer server(config);
    std::vector<std::string> tokens;
    for (int i = 0; i < kDeskTokens; ++i)
        tokens.push_back(server.addAccount("Gemeente A", "Balie A",
                                           "slow-desk-" + std::to_string(i), Role::Desk));
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the tokens are in memory
    REQUIRE(healthzFrom("127.0.0.2", server.port()) == 200);

    // The slowloris header never ends; the slow bodies' header is whole, the body never is.
    const std::string padding = "X-Slow: " + std::string(400, 'a');
    const std::string bodyStart(1000, '{'); // of the 900,000 bytes announced
    const std::size_t announced = 900'000;
    asio::io_context ioc;
    std::vector<std::shared_ptr<SlowClient>> clients;
    const auto attackStart = Clock::now();
    for (int a = 0; a < kAddresses; ++a) {
        for (int i = 0; i < kPerAddress; ++i) {
            clients.push_back(std::make_shared<SlowClient>(ioc, address(10, a), server.port(),
                                                           "POST /api/v1/records HTTP/1.1\r\nHo",
                                                           "st: 127.0.0.1\r\n" + padding));
            const auto& token =
                tokens[static_cast<std::size_t>(a * kPerAddress + i) % tokens.size()];
            clients.push_back(std::make_shared<SlowClient>(
                ioc, address(20, a), server.port(),
                "POST /api/v1/records HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                    token + "\r\nContent-Type: application/json\r\nContent-Length: " +
                    std::to_string(announced) + "\r\n\r\n",
                bodyStart));
        }
    }
    const auto connectedAt = Clock::now();
    int connected = 0;
    for (const auto& client : clients) {
        connected += client->connected ? 1 : 0;
        client->watch();
    }
    REQUIRE(connected == kSlowClients);

    // The trickle, on a thread of its own, until the test ends it.
    std::atomic<bool> stop = false;
    asio::steady_timer ticker(ioc);
    std::function<void()> tick = [&] {
        for (auto& client : clients)
            client->tick();
        ticker.expires_after(kTrickle);
        ticker.async_wait([&](beast::error_code error) {
            if (!error && !stop)
                tick();
        });
    };
    tick();
    std::thread io([&ioc] { ioc.run(); });

    // /healthz about every second, until the server has cut every slow client
    // off (10 s after its first byte) and a moment after.
    const auto countClosed = [&clients] {
        int closed = 0;
        for (const auto& client : clients)
            closed += client->closed ? 1 : 0;
        return closed;
    };
    int checks = 0;
    int answered = 0;
    int closedEarly = -1; // when the first deadline is still 3 s away
    auto slowest = std::chrono::milliseconds(0);
    const auto end = connectedAt + kRequestDeadline + std::chrono::seconds(3);
    for (int round = 0; Clock::now() < end; ++round) {
        const auto asked = Clock::now();
        const int status = healthzFrom(round % 2 == 0 ? "127.0.0.2" : "127.0.0.3", server.port());
        const auto took =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - asked);
        ++checks;
        answered += status == 200 ? 1 : 0;
        slowest = std::max(slowest, took);
        if (closedEarly < 0 && Clock::now() > attackStart + std::chrono::seconds(7))
            closedEarly = countClosed();
        std::this_thread::sleep_until(asked + std::chrono::seconds(1));
    }
    // The trickle stops; what the clients saw is read once its thread has.
    stop = true;
    ioc.stop();
    io.join();
    const int closed = countClosed();
    std::vector<double> heldFor;
    for (const auto& client : clients) {
        if (client->closed)
            heldFor.push_back(
                std::chrono::duration<double>(client->closedAt - attackStart).count());
    }
    for (auto& client : clients) {
        beast::error_code ignored;
        client->socket.close(ignored);
    }
    ioc.restart();
    ioc.run(); // the handlers of the closed sockets

    INFO("/healthz: " << answered << " of " << checks << " answered 200 within 2 s; slowest "
                      << slowest.count() << " ms");
    CHECK(checks >= 10);
    CHECK(answered == checks);
    // Every slow client was held (none refused, none answered) until its deadline...
    CHECK(closedEarly == 0);
    for (const auto& client : clients)
        CHECK_FALSE(client->answered);
    // ...and then cut off: 10 s after its first byte, within a second or two.
    INFO("closed by the server: " << closed << " of " << kSlowClients);
    CHECK(closed == kSlowClients);
    for (const double seconds : heldFor) {
        CHECK(seconds >= 9.5);
        CHECK(seconds <= 13.5);
    }
    const auto metrics = send(server.port(), get("/metrics", server.adminA));
    CHECK(metrics.body.find("souffleur_connection_errors_total{kind=\"timeout\"} " +
                            std::to_string(kSlowClients) + "\n") != std::string::npos);
}

TEST_CASE("An answer to HEAD ends with its header: the connection stays in step",
          "[server][http]") {
    TestServer server;
    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
    // Two requests on one keep-alive connection: HEAD (no route takes it), then GET.
    asio::write(socket, asio::buffer(std::string_view("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                                                      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")));
    beast::flat_buffer buffer;
    beast::http::response_parser<beast::http::string_body> head;
    head.skip(true); // an answer to HEAD: no body, whatever Content-Length says
    beast::http::read(socket, buffer, head);
    CHECK(head.get().result_int() == 405);
    beast::http::response<beast::http::string_body> next;
    beast::http::read(socket, buffer, next);
    CHECK(next.result_int() == 200);
    CHECK(next.body() == "ok\n");
}

TEST_CASE("A PNG chunk longer than the upload is refused before it is read",
          "[server][media][hostile]") {
    TestServer server;
    // 60 bytes: a 1 x 1 PNG whose eXIf chunk claims 788,529,152 bytes, which
    // libpng allocated before finding them missing.
    const std::string png("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
                          "\x08\x00\x00\x00\x00\x3a\x7e\x9b\x55\x2f\x00\x00\x00eXIf\x0aIDAT"
                          "\x78\x9c\x63\x68\x00\x00\x00\x82\x00\x81\x77\xcd\x72\xb6",
                          60);
    const auto refused =
        send(server.port(), post("/api/v1/media", server.authorA, png, "image/png"));
    CHECK(refused.status == 422);
    CHECK(refused.body.find("a chunk is longer than the file") != std::string::npos);
    // A PNG with text after its IEND is still taken, cleaned of it.
    const auto taken = send(server.port(), post("/api/v1/media", server.authorA,
                                                makePng(3, 2) + "trailing", "image/png"));
    CHECK(taken.status == 201);
}

TEST_CASE("A JPEG of a thousand empty progressive scans is refused at once",
          "[server][media][hostile]") {
    // 4000 x 4000 grey, progressive; then its last scan (with the Huffman
    // table before it) a thousand times more: 116 KB that took TurboJPEG 11 s
    // to decode to its end, on the server's I/O thread, before it refused it.
    std::vector<unsigned char> pixels(4000 * 4000, 0);
    tjhandle handle = tjInitCompress();
    unsigned char* out = nullptr;
    unsigned long size = 0;
    REQUIRE(tjCompress2(handle, pixels.data(), 4000, 0, 4000, TJPF_GRAY, &out, &size, TJSAMP_GRAY,
                        50, TJFLAG_PROGRESSIVE) == 0);
    std::string jpeg(reinterpret_cast<const char*>(out), size);
    tjFree(out);
    tjDestroy(handle);
    // The last DHT marker (entropy-coded data stuffs every 0xFF) up to the EOI.
    const auto lastScan = jpeg.rfind("\xFF\xC4");
    REQUIRE(lastScan != std::string::npos);
    const std::string scan = jpeg.substr(lastScan, jpeg.size() - 2 - lastScan);
    std::string bomb = jpeg.substr(0, jpeg.size() - 2);
    for (int i = 0; i < 1000; ++i)
        bomb += scan;
    bomb += "\xFF\xD9";

    TestServer server;
    const auto started = Clock::now();
    const auto refused =
        send(server.port(), post("/api/v1/media", server.authorA, bomb, "image/jpeg"));
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    INFO(refused.body << " after " << took.count() << " ms");
    CHECK(refused.status == 422);
    CHECK(took < std::chrono::seconds(2));
    // The same picture without the extra scans is taken.
    CHECK(send(server.port(), post("/api/v1/media", server.authorA, jpeg, "image/jpeg")).status ==
          201);
}
