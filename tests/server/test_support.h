// Test support for the server tests: a real server started in-process on a
// loopback port (port 0) over a temporary data directory with two tenants,
// and small synchronous Beast clients (HTTP and the notify WebSocket) that
// talk to it over real sockets, each operation bounded by a deadline.
#pragma once

#include <souffleur/server/auth.h>
#include <souffleur/server/server.h>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace souffleur::server::test {

using namespace std::chrono_literals;

struct HttpCall {
    boost::beast::http::verb method = boost::beast::http::verb::get;
    std::string target;
    std::string token; // empty: no Authorization header
    std::string body;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers; // set last, as they are
    bool chunked = false; // send the body with chunked transfer encoding
};

struct HttpResult {
    int status = 0; // 0 when the exchange failed, see error
    std::string contentType;
    std::string body;
    std::string error;

    // The body as JSON (null when it is not JSON).
    boost::json::value json() const;
};

// One keep-alive connection; each send() connects first if needed.
class HttpClient {
public:
    explicit HttpClient(std::uint16_t port);
    HttpResult send(const HttpCall& call);

private:
    template <typename Initiate>
    boost::beast::error_code run(Initiate initiate);

    std::uint16_t m_port;
    boost::asio::io_context m_ioc;
    boost::beast::tcp_stream m_stream{m_ioc};
    boost::beast::flat_buffer m_buffer;
    bool m_connected = false;
};

// One request on a new connection.
HttpResult send(std::uint16_t port, const HttpCall& call);

// A client of GET /api/v1/notify.
class NotifyClient {
public:
    explicit NotifyClient(std::uint16_t port);
    ~NotifyClient();

    // Connects and upgrades; the HTTP status of the answer (101 when upgraded, 0 on failure).
    int connect(const std::string& token);
    // The next message, or nullopt when none came within `timeout`.
    std::optional<std::string> read(std::chrono::milliseconds timeout = 5s);
    // Sends a text message to the server; false when it could not be written.
    bool write(const std::string& text);
    // The close code the server sent (after read() found the connection closed), or 0.
    int closeCode() const { return static_cast<int>(m_ws.reason().code); }
    void close();

private:
    // Runs the io_context until `done` is set or `timeout` passes (the
    // stream's own timers may keep it busy for longer).
    bool runUntil(const bool& done, std::chrono::milliseconds timeout);

    std::uint16_t m_port;
    boost::asio::io_context m_ioc;
    boost::beast::websocket::stream<boost::beast::tcp_stream> m_ws{m_ioc};
};

// A server over a fresh data directory holding two tenants:
//   "Gemeente A": team "Balie A" with desk-a (desk), author-a (author),
//                 lead-a (team_lead); team "Balie C" with desk-c (desk);
//                 reviewer-a (reviewer) and admin-a (admin) without a team
//   "Gemeente B": team "Balie B" with desk-b (desk), author-b (author);
//                 reviewer-b (reviewer) and admin-b (admin) without a team
class TestServer {
public:
    TestServer();
    // With the caps and threads of `config`; its address and port are the
    // test server's own, and so is its data directory unless config.dataDir
    // is an absolute path (emptied first, removed at the end).
    explicit TestServer(Config config);
    ~TestServer();

    // The port stays the same across stop() and restart(), as for a real server.
    std::uint16_t port() const { return m_port; }
    const std::filesystem::path& dataDir() const { return m_dataDir; }
    // Starts a new server (after stop(), or stopping this one) on the same
    // data directory and port.
    void restart();
    void stop() { m_server->stop(); }
    // Server::reloadTls(), as SIGHUP does for souffleur-server.
    std::expected<void, std::string> reloadTls() { return m_server->reloadTls(); }
    // The first column of the first row of a query, on a connection of its own.
    std::int64_t queryInt(const std::string& sql) const;

    // A new account (with a token) in tenant "Gemeente A" or "Gemeente B", in
    // a team of it (created when new) or none; answers its token.
    std::string addAccount(const std::string& tenant, const std::optional<std::string>& team,
                           const std::string& name, Role role);

    std::string deskA, authorA, reviewerA, adminA, leadA, deskC, deskB, authorB, reviewerB, adminB;

private:
    void start();

    Config m_config;
    std::filesystem::path m_dataDir;
    std::uint16_t m_port = 0; // 0 until the first start picks a free port
    std::unique_ptr<Server> m_server;
};

// A valid guide with two steps.
std::string guideXml(const std::string& id, int revision, const std::string& title = "Test");

// A width x height RGB PNG, a colour gradient (a picture for a guide).
std::string makePng(int width, int height);
// A PNG of noise, which does not compress (about 3 bytes a pixel).
std::string makeNoisePng(int width, int height);

// Raises the open-files limit as far as allowed; answers the limit now.
std::uint64_t raiseOpenFileLimit();

// GET /healthz on a new connection from the loopback address `from` (for
// example 127.0.0.2): the status, or 0 when no answer came within two seconds.
int healthzFrom(const std::string& from, std::uint16_t port);

// What the process writes to stderr (the server's JSON-lines log) while the
// capture lives, kept in a temporary file; handed on to the real stderr when
// it ends. One at a time.
class LogCapture {
public:
    LogCapture();
    ~LogCapture();
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    // Everything captured so far.
    std::string text() const;
    // The captured log lines whose "msg" is `message`, as JSON objects.
    std::vector<boost::json::object> lines(std::string_view message) const;

private:
    int m_savedStderr = -1;
    std::FILE* m_file = nullptr;
};

// A GET, and a request with a body (POST unless `method` says otherwise).
inline HttpCall get(std::string target, std::string token) {
    return {boost::beast::http::verb::get, std::move(target), std::move(token), {}, {}, {}, false};
}
inline HttpCall post(std::string target, std::string token, std::string body,
                     std::string contentType = "application/json",
                     boost::beast::http::verb method = boost::beast::http::verb::post) {
    return {
        method, std::move(target), std::move(token), std::move(body), std::move(contentType), {},
        false};
}

} // namespace souffleur::server::test
