// Connection errors, over real sockets against the real in-process server:
// clients that misbehave on purpose (stall mid-request, reset, leave halfway,
// send garbage or too much, do not read their answer, break a notify
// WebSocket, or arrive while the process is out of file descriptors). Each
// counts in GET /metrics under souffleur_connection_errors_total{kind} (the
// kinds of server/src/metrics.h, every other kind staying 0), and the log has
// one line for the first of each kind however many follow. Clients that
// leave between requests count nothing.
#include "test_support.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <boost/json/value.hpp>
#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <map>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace souffleur::server::test;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace json = boost::json;
using tcp = asio::ip::tcp;

namespace {

constexpr std::array<std::string_view, 10> kKinds = {
    "accept",   "over_cap",  "tls_handshake", "timeout",   "reset",
    "protocol", "too_large", "write",         "websocket", "other"};

using Counts = std::map<std::string, std::int64_t>;

// Every kind's count in one reading of /metrics.
Counts errorCounts(const TestServer& server) {
    const auto metrics = send(server.port(), get("/metrics", server.adminA));
    REQUIRE(metrics.status == 200);
    Counts out;
    for (const auto kind : kKinds) {
        const std::string prefix =
            "\nsouffleur_connection_errors_total{kind=\"" + std::string(kind) + "\"} ";
        const auto found = metrics.body.find(prefix);
        INFO(metrics.body);
        REQUIRE(found != std::string::npos);
        out[std::string(kind)] = std::stoll(metrics.body.substr(found + prefix.size()));
    }
    return out;
}

// All kinds 0 but those named.
Counts only(const Counts& nonZero) {
    Counts out;
    for (const auto kind : kKinds)
        out[std::string(kind)] = 0;
    for (const auto& [kind, count] : nonZero)
        out[kind] = count;
    return out;
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

// The "connection error" log lines of one kind.
std::vector<json::object> errorLines(const LogCapture& log, std::string_view kind) {
    std::vector<json::object> out;
    for (auto& line : log.lines("connection error")) {
        if (line.at("kind") == json::value(kind))
            out.push_back(std::move(line));
    }
    return out;
}

// A client on a plain blocking socket, to misbehave with.
class RawClient {
public:
    explicit RawClient(std::uint16_t port, std::optional<int> receiveBuffer = std::nullopt) {
        m_socket.open(tcp::v4());
        if (receiveBuffer)
            m_socket.set_option(asio::socket_base::receive_buffer_size(*receiveBuffer));
        m_socket.connect({asio::ip::make_address("127.0.0.1"), port});
    }

    void send(std::string_view bytes) { asio::write(m_socket, asio::buffer(bytes)); }
    // Ends the connection with a reset (RST) instead of a FIN.
    void reset() {
        m_socket.set_option(asio::socket_base::linger(true, 0));
        m_socket.close();
    }
    // Closes the sending side (FIN); the server may still answer.
    void shutdownSend() { m_socket.shutdown(tcp::socket::shutdown_send); }
    void close() { m_socket.close(); }

    // Whether something can be read within `timeout` (without reading it).
    bool readable(std::chrono::milliseconds timeout) {
        pollfd fd{m_socket.native_handle(), POLLIN, 0};
        return ::poll(&fd, 1, static_cast<int>(timeout.count())) > 0;
    }
    // Reads until the server closes the connection: what it sent, or nullopt
    // when it did not close within `timeout`.
    std::optional<std::string> readUntilClosed(std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        std::string out;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !readable(left))
                return std::nullopt;
            std::array<char, 16 * 1024> chunk{};
            const auto got = ::recv(m_socket.native_handle(), chunk.data(), chunk.size(), 0);
            if (got <= 0)
                return out; // closed, or reset
            out.append(chunk.data(), static_cast<std::size_t>(got));
        }
    }

private:
    asio::io_context m_ioc;
    tcp::socket m_socket{m_ioc};
};

std::string request(std::string_view method, std::string_view target, const std::string& token,
                    std::string_view rest = "\r\n") {
    std::string out =
        std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.empty())
        out += "Authorization: Bearer " + token + "\r\n";
    return out + std::string(rest);
}

// A valid guide of about `steps` x 200 kB (each step's details just under
// the rich-text limit).
std::string bigGuideXml(const std::string& id, int steps) {
    std::string text;
    while (text.size() < 200'000)
        text += "Lange uitleg voor de test. ";
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"" +
                      id + "\" revision=\"1\" xml:lang=\"nl\">\n  <title>Groot</title>\n";
    for (int i = 1; i <= steps; ++i)
        xml += "  <step id=\"s" + std::to_string(i) + "\"" + (i == steps ? " end=\"true\"" : "") +
               "><glance>Stap " + std::to_string(i) + "</glance><details><p>" + text +
               "</p></details></step>\n";
    return xml + "</guide>\n";
}

} // namespace

TEST_CASE("A request that stalls halfway times out: counted each time, logged once",
          "[server][errors][timeout]") {
    LogCapture log;
    TestServer server;
    const auto port = server.port();
    // Two stop in their header, one in its body (admitted: the header is complete).
    RawClient header1(port);
    header1.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    RawClient header2(port);
    header2.send("GET /api/v1/guides HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bea");
    RawClient body(port);
    body.send(request("POST", "/api/v1/records", server.deskA,
                      "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"client\":"));
    // One sends nothing at all: no request started, so its close is no error.
    RawClient silent(port);

    // The server closes all four after the request deadline (10 s), without an answer.
    for (auto* client : {&header1, &header2, &body, &silent}) {
        const auto answer = client->readUntilClosed(20s);
        REQUIRE(answer);
        CHECK(answer->empty());
    }
    CHECK(errorCounts(server) == only({{"timeout", 3}}));
    const auto lines = errorLines(log, "timeout");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].at("count") == 1);
    CHECK(lines[0].at("remote") == "127.0.0.1");
    CHECK(log.lines("connection error").size() == 1);
}

TEST_CASE("A peer that resets, or leaves halfway through a request, is counted; one that leaves "
          "between requests is not",
          "[server][errors][reset]") {
    LogCapture log;
    TestServer server;
    const auto port = server.port();

    // Normal ends: a keep-alive client after its answer, a connection that
    // never sends anything, a client that closes its side after an answer.
    {
        HttpClient client(port);
        REQUIRE(client.send(get("/healthz", "")).status == 200);
    }
    RawClient silent(port);
    silent.close();
    RawClient done(port);
    done.send(request("GET", "/healthz", ""));
    REQUIRE(done.readable(5s));
    done.shutdownSend();
    REQUIRE(done.readUntilClosed(5s));
    CHECK(errorCounts(server) == only({}));

    // A reset in the middle of a header, and a FIN there.
    RawClient resets(port);
    resets.send("GET /healthz HTTP/1.1\r\nHo");
    resets.reset();
    RawClient leaves(port);
    leaves.send("GET /healthz HTTP/1.1\r\nHo");
    leaves.shutdownSend();
    REQUIRE(leaves.readUntilClosed(5s));
    // A reset after a complete request, the answer written and read: the
    // server's next read fails, between requests but not normally.
    RawClient resetsLater(port);
    resetsLater.send(request("GET", "/healthz", ""));
    REQUIRE(resetsLater.readable(5s));
    std::this_thread::sleep_for(50ms);
    resetsLater.reset();

    CHECK(eventually([&] { return errorCounts(server).at("reset") == 3; }));
    CHECK(errorCounts(server) == only({{"reset", 3}}));
    const auto lines = errorLines(log, "reset");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].at("count") == 1);
    CHECK(log.lines("connection error").size() == 1);
}

TEST_CASE("Malformed and oversized requests are answered and counted", "[server][errors][limits]") {
    LogCapture log;
    TestServer server;
    const auto port = server.port();

    RawClient garbage(port);
    garbage.send("HELLO WORLD\r\n\r\n");
    const auto malformed = garbage.readUntilClosed(5s);
    REQUIRE(malformed);
    CHECK(malformed->starts_with("HTTP/1.1 400"));

    HttpCall padded = get("/api/v1/guides", server.deskA);
    padded.headers.emplace_back("X-Padding", std::string(10 * 1024, 'p'));
    CHECK(send(port, padded).status == 413);

    RawClient announced(port);
    announced.send(request("POST", "/api/v1/records", server.deskA,
                           "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n"));
    const auto tooLarge = announced.readUntilClosed(5s);
    REQUIRE(tooLarge);
    CHECK(tooLarge->starts_with("HTTP/1.1 413"));

    CHECK(errorCounts(server) == only({{"protocol", 1}, {"too_large", 2}}));
    CHECK(errorLines(log, "protocol").size() == 1);
    CHECK(errorLines(log, "too_large").size() == 1);
    CHECK(log.lines("connection error").size() == 2);
}

TEST_CASE("An answer the client does not read, cut off by a reset, is a write error",
          "[server][errors][write]") {
    LogCapture log;
    TestServer server;
    const auto port = server.port();
    const auto published = send(port, post("/api/v1/guides", server.reviewerA,
                                           bigGuideXml("t.groot", 6), "application/xml"));
    INFO(published.body.substr(0, 500));
    REQUIRE(published.status == 201);

    // Eight answers of over a megabyte each, pipelined, to a client with a
    // small receive buffer that reads none: more than the socket buffers
    // hold, so the server is still writing when the reset comes.
    RawClient client(port, 4096);
    std::string requests;
    for (int i = 0; i < 8; ++i)
        requests += request("GET", "/api/v1/guides/t.groot", server.deskA);
    client.send(requests);
    REQUIRE(client.readable(5s));
    std::this_thread::sleep_for(200ms);
    client.reset();

    CHECK(eventually([&] { return errorCounts(server).at("write") == 1; }));
    CHECK(errorCounts(server) == only({{"write", 1}}));
    CHECK(errorLines(log, "write").size() == 1);
}

TEST_CASE("A notify WebSocket that breaks is counted; one closed by its close handshake is not",
          "[server][errors][notify]") {
    LogCapture log;
    TestServer server;
    const auto port = server.port();

    NotifyClient polite(port);
    REQUIRE(polite.connect(server.deskA) == 101);
    REQUIRE(polite.read());
    polite.close();
    // A desk that leaves without a close handshake, as the sync client does
    // when it stops: the connection closed (FIN), which is no error either.
    {
        RawClient leaves(port);
        leaves.send(request("GET", "/api/v1/notify", server.deskA,
                            "Connection: Upgrade\r\nUpgrade: websocket\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 13\r\n\r\n"));
        REQUIRE(leaves.readable(5s));
        leaves.shutdownSend();
        REQUIRE(leaves.readUntilClosed(5s));
    }
    CHECK(errorCounts(server) == only({}));

    // An upgrade the WebSocket handshake refuses (an unknown version).
    RawClient oldVersion(port);
    oldVersion.send(request("GET", "/api/v1/notify", server.deskA,
                            "Connection: Upgrade\r\nUpgrade: websocket\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 12\r\n\r\n"));
    const auto refused = oldVersion.readUntilClosed(5s);
    REQUIRE(refused);
    CHECK_FALSE(refused->starts_with("HTTP/1.1 101"));

    // A desk that vanishes: its socket reset after the hello.
    asio::io_context ioc;
    websocket::stream<beast::tcp_stream> ws(ioc);
    beast::get_lowest_layer(ws).connect({asio::ip::make_address("127.0.0.1"), port});
    ws.set_option(websocket::stream_base::decorator([&server](websocket::request_type& upgrade) {
        upgrade.set(beast::http::field::authorization, "Bearer " + server.deskA);
    }));
    ws.handshake("127.0.0.1", "/api/v1/notify");
    beast::flat_buffer hello;
    ws.read(hello);
    auto& socket = beast::get_lowest_layer(ws).socket();
    socket.set_option(asio::socket_base::linger(true, 0));
    socket.close();

    CHECK(eventually([&] { return errorCounts(server).at("websocket") == 2; }));
    CHECK(errorCounts(server) == only({{"websocket", 2}}));
    CHECK(errorLines(log, "websocket").size() == 1);
    CHECK(log.lines("connection error").size() == 1);
}

TEST_CASE("Out of file descriptors, failed accepts are counted and logged once; the connection "
          "waits and is served",
          "[server][errors][accept]") {
    LogCapture log;
    TestServer server;
    const auto port = server.port();

    rlimit before{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &before) == 0);
    int highest = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        highest = std::max(highest, std::stoi(entry.path().filename().string()));
    // Restores the limit and frees the descriptors however the test ends.
    struct Exhaustion {
        rlimit before{};
        std::vector<int> fillers;
        ~Exhaustion() {
            for (const int fd : fillers)
                ::close(fd);
            ::setrlimit(RLIMIT_NOFILE, &before);
        }
    } exhaustion{before, {}};
    rlimit low = before;
    low.rlim_cur = static_cast<rlim_t>(highest) + 32;
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);
    for (;;) {
        const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            break;
        exhaustion.fillers.push_back(fd);
    }
    REQUIRE_FALSE(exhaustion.fillers.empty());
    // One descriptor left: the client's. The kernel completes the connection;
    // the server, with none left, cannot accept it and retries every 100 ms.
    ::close(exhaustion.fillers.back());
    exhaustion.fillers.pop_back();
    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(client >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(client, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
    std::this_thread::sleep_for(450ms);
    for (const int fd : exhaustion.fillers)
        ::close(fd);
    exhaustion.fillers.clear();
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &before) == 0);

    // With descriptors again, the waiting connection is accepted and served.
    const std::string health = request("GET", "/healthz", "", "Connection: close\r\n\r\n");
    REQUIRE(::send(client, health.data(), health.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(health.size()));
    pollfd readable{client, POLLIN, 0};
    REQUIRE(::poll(&readable, 1, 5000) == 1);
    std::array<char, 64> answer{};
    const auto got = ::recv(client, answer.data(), answer.size(), 0);
    ::close(client);
    REQUIRE(got > 0);
    CHECK(
        std::string_view(answer.data(), static_cast<std::size_t>(got)).starts_with("HTTP/1.1 200"));

    auto counts = errorCounts(server);
    CHECK(counts.at("accept") >= 2); // one per attempt
    counts.erase("accept");
    auto others = only({});
    others.erase("accept");
    CHECK(counts == others);
    const auto lines = errorLines(log, "accept");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].at("error").as_string().find("open files") != json::string::npos);
}

TEST_CASE("After its log interval a kind is logged again with the number since; the rest at stop",
          "[server][errors][log]") {
    souffleur::server::Config config;
    config.connectionErrorLogInterval = 1s;
    LogCapture log;
    TestServer server(config);
    std::int64_t resets = 0;
    const auto resetOne = [&] {
        RawClient client(server.port());
        client.send("GET /healthz HT");
        client.reset();
        ++resets;
        REQUIRE(eventually([&] { return errorCounts(server).at("reset") == resets; }));
    };

    const auto first = std::chrono::steady_clock::now();
    resetOne(); // logged: the first
    resetOne(); // counted
    resetOne(); // counted
    REQUIRE(std::chrono::steady_clock::now() - first < 1s);
    CHECK(errorLines(log, "reset").size() == 1);
    std::this_thread::sleep_for(1s - (std::chrono::steady_clock::now() - first) + 100ms);
    resetOne(); // logged, with the two before it
    resetOne(); // counted
    server.stop();

    const auto lines = errorLines(log, "reset");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].at("count") == 1);
    CHECK(lines[0].contains("note"));
    CHECK(lines[1].at("count") == 3);
    CHECK(lines[1].at("total") == 4);
    // The last one is reported at stop.
    const auto rest = log.lines("connection errors not logged yet");
    REQUIRE(rest.size() == 1);
    CHECK(rest[0].at("kind") == "reset");
    CHECK(rest[0].at("count") == 1);
    CHECK(rest[0].at("total") == 5);
}
