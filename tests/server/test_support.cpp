// Test support (see test_support.h).
#include "test_support.h"

#include <souffleur/server/auth.h>
#include <souffleur/server/storage.h>

#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <png.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace souffleur::server::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

asio::ip::tcp::endpoint loopback(std::uint16_t port) {
    return {asio::ip::make_address("127.0.0.1"), port};
}

} // namespace

boost::json::value HttpResult::json() const {
    boost::system::error_code parseError;
    auto value = boost::json::parse(body, parseError);
    return parseError ? boost::json::value() : value;
}

HttpClient::HttpClient(std::uint16_t port)
    : m_port(port) {}

template <typename Initiate>
beast::error_code HttpClient::run(Initiate initiate) {
    beast::error_code result;
    initiate([&result](beast::error_code error, auto&&...) { result = error; });
    m_ioc.restart();
    m_ioc.run();
    return result;
}

HttpResult HttpClient::send(const HttpCall& call) {
    HttpResult result;
    m_stream.expires_after(10s);
    if (!m_connected) {
        if (auto error =
                run([&](auto handler) { m_stream.async_connect(loopback(m_port), handler); })) {
            result.error = "connect: " + error.message();
            return result;
        }
        m_connected = true;
    }
    http::request<http::string_body> request{call.method, call.target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (!call.token.empty())
        request.set(http::field::authorization, "Bearer " + call.token);
    if (call.method != http::verb::get) {
        request.set(http::field::content_type, call.contentType);
        request.body() = call.body;
    }
    if (call.chunked)
        request.chunked(true);
    else
        request.prepare_payload();
    for (const auto& [name, value] : call.headers)
        request.set(name, value);
    // A server that refuses a request early may close while it is being sent:
    // its answer can still be read.
    const auto writeError =
        run([&](auto handler) { http::async_write(m_stream, request, handler); });

    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (auto error =
            run([&](auto handler) { http::async_read(m_stream, m_buffer, parser, handler); })) {
        m_connected = false;
        result.error = (writeError ? "write: " + writeError.message() + "; " : "") +
                       "read: " + error.message();
        return result;
    }
    auto& response = parser.get();
    result.status = static_cast<int>(response.result_int());
    result.contentType = std::string(response[http::field::content_type]);
    result.body = std::move(response.body());
    if (!response.keep_alive()) {
        beast::error_code ignored;
        m_stream.socket().close(ignored);
        m_connected = false;
    }
    return result;
}

HttpResult send(std::uint16_t port, const HttpCall& call) {
    return HttpClient(port).send(call);
}

NotifyClient::NotifyClient(std::uint16_t port)
    : m_port(port) {}

NotifyClient::~NotifyClient() {
    close();
}

bool NotifyClient::runUntil(const bool& done, std::chrono::milliseconds timeout) {
    m_ioc.restart();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done && m_ioc.run_one_until(deadline) > 0) {
    }
    return done;
}

int NotifyClient::connect(const std::string& token) {
    beast::error_code result;
    bool done = false;
    const auto finish = [&result, &done](beast::error_code error) {
        result = error;
        done = true;
    };
    beast::get_lowest_layer(m_ws).async_connect(loopback(m_port), finish);
    if (!runUntil(done, 5s) || result)
        return 0;
    m_ws.set_option(websocket::stream_base::timeout{5s, websocket::stream_base::none(), false});
    m_ws.set_option(websocket::stream_base::decorator([token](websocket::request_type& request) {
        if (!token.empty())
            request.set(http::field::authorization, "Bearer " + token);
    }));
    websocket::response_type response;
    done = false;
    m_ws.async_handshake(response, "127.0.0.1", "/api/v1/notify", finish);
    runUntil(done, 10s);
    return static_cast<int>(response.result_int());
}

std::optional<std::string> NotifyClient::read(std::chrono::milliseconds timeout) {
    beast::flat_buffer buffer;
    beast::error_code result;
    bool done = false;
    m_ws.async_read(buffer, [&result, &done](beast::error_code error, std::size_t) {
        result = error;
        done = true;
    });
    if (!runUntil(done, timeout)) {
        beast::get_lowest_layer(m_ws).cancel();
        runUntil(done, 5s);
        return std::nullopt;
    }
    if (result)
        return std::nullopt;
    return beast::buffers_to_string(buffer.data());
}

bool NotifyClient::write(const std::string& text) {
    beast::error_code result;
    bool done = false;
    m_ws.async_write(asio::buffer(text), [&result, &done](beast::error_code error, std::size_t) {
        result = error;
        done = true;
    });
    return runUntil(done, 5s) && !result;
}

void NotifyClient::close() {
    if (!m_ws.is_open())
        return;
    bool done = false;
    m_ws.async_close(websocket::close_code::normal, [&done](beast::error_code) { done = true; });
    runUntil(done, 2s);
}

TestServer::TestServer()
    : TestServer(Config{}) {}

TestServer::TestServer(Config config)
    : m_config(std::move(config)) {
    static std::atomic<int> counter = 0;
    m_dataDir = m_config.dataDir.is_absolute()
                    ? m_config.dataDir
                    : std::filesystem::temp_directory_path() /
                          ("souffleur-server-test-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++));
    std::filesystem::remove_all(m_dataDir);
    REQUIRE(prepareDataDir(m_dataDir).has_value());
    auto db = openStore(databasePath(m_dataDir));
    REQUIRE(db.has_value());
    const auto account = [&db](std::int64_t tenant, std::optional<std::int64_t> team,
                               const char* name, Role role) {
        auto id = createAccount(*db, {tenant, team, name, role});
        REQUIRE(id.has_value());
        auto token = issueToken(*db, *id, std::chrono::hours(1));
        REQUIRE(token.has_value());
        return *token;
    };
    const auto tenantA = createTenant(*db, "Gemeente A").value();
    const auto teamA = createTeam(*db, tenantA, "Balie A").value();
    deskA = account(tenantA, teamA, "desk-a", Role::Desk);
    authorA = account(tenantA, teamA, "author-a", Role::Author);
    reviewerA = account(tenantA, std::nullopt, "reviewer-a", Role::Reviewer);
    adminA = account(tenantA, std::nullopt, "admin-a", Role::Admin);
    leadA = account(tenantA, teamA, "lead-a", Role::TeamLead);
    deskC = account(tenantA, createTeam(*db, tenantA, "Balie C").value(), "desk-c", Role::Desk);
    const auto tenantB = createTenant(*db, "Gemeente B").value();
    const auto teamB = createTeam(*db, tenantB, "Balie B").value();
    deskB = account(tenantB, teamB, "desk-b", Role::Desk);
    authorB = account(tenantB, teamB, "author-b", Role::Author);
    reviewerB = account(tenantB, std::nullopt, "reviewer-b", Role::Reviewer);
    adminB = account(tenantB, std::nullopt, "admin-b", Role::Admin);
    start();
}

std::string TestServer::addAccount(const std::string& tenant,
                                   const std::optional<std::string>& team, const std::string& name,
                                   Role role) {
    auto db = openStore(databasePath(m_dataDir));
    REQUIRE(db.has_value());
    const auto tenantId = findTenant(*db, tenant).value();
    REQUIRE(tenantId.has_value());
    std::optional<std::int64_t> teamId;
    if (team) {
        teamId = findTeam(*db, *tenantId, *team).value();
        if (!teamId)
            teamId = createTeam(*db, *tenantId, *team).value();
    }
    auto id = createAccount(*db, {*tenantId, teamId, name, role});
    REQUIRE(id.has_value());
    auto token = issueToken(*db, *id, std::chrono::hours(1));
    REQUIRE(token.has_value());
    return *token;
}

TestServer::~TestServer() {
    m_server.reset();
    std::error_code ignored;
    std::filesystem::remove_all(m_dataDir, ignored);
}

void TestServer::start() {
    Config config = m_config;
    config.dataDir = m_dataDir;
    config.address = "127.0.0.1";
    config.port = m_port;
    config.allowRemote = false;
    m_server = std::make_unique<Server>(config);
    auto started = m_server->start();
    INFO((started ? std::string() : started.error()));
    REQUIRE(started.has_value());
    REQUIRE(m_server->port() != 0);
    m_port = m_server->port();
}

void TestServer::restart() {
    m_server->stop();
    m_server.reset();
    start();
}

std::int64_t TestServer::queryInt(const std::string& sql) const {
    auto db = sqlite::Database::open(databasePath(m_dataDir), {.readOnly = true});
    REQUIRE(db.has_value());
    auto value = db->queryInt(sql);
    INFO(sql);
    REQUIRE(value.has_value());
    return value->value_or(0);
}

std::string guideXml(const std::string& id, int revision, const std::string& title) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"" +
           id + "\" revision=\"" + std::to_string(revision) +
           "\" xml:lang=\"nl\">\n"
           "  <title>" +
           title +
           "</title>\n"
           "  <step id=\"een\"><glance>Eerste stap</glance></step>\n"
           "  <step id=\"twee\" end=\"true\"><glance>Klaar</glance></step>\n"
           "</guide>\n";
}

namespace {

std::string encodePng(int width, int height, const std::vector<unsigned char>& rgb) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(width);
    image.height = static_cast<png_uint_32>(height);
    image.format = PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    REQUIRE(png_image_write_to_memory(&image, nullptr, &size, 0, rgb.data(), 0, nullptr));
    std::string out(size, '\0');
    REQUIRE(png_image_write_to_memory(&image, out.data(), &size, 0, rgb.data(), 0, nullptr));
    out.resize(size);
    return out;
}

} // namespace

std::string makePng(int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width * height * 3));
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<unsigned char>(i * 7);
    return encodePng(width, height, pixels);
}

std::string makeNoisePng(int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width * height * 3));
    std::uint32_t state = 2463534242u; // xorshift32
    for (auto& pixel : pixels) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        pixel = static_cast<unsigned char>(state);
    }
    return encodePng(width, height, pixels);
}

std::uint64_t raiseOpenFileLimit() {
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0)
        return 0;
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);
    ::getrlimit(RLIMIT_NOFILE, &files);
    return files.rlim_cur;
}

LogCapture::LogCapture() {
    std::fflush(stderr);
    m_file = std::tmpfile();
    REQUIRE(m_file != nullptr);
    m_savedStderr = ::dup(STDERR_FILENO);
    REQUIRE(m_savedStderr >= 0);
    REQUIRE(::dup2(::fileno(m_file), STDERR_FILENO) >= 0);
}

LogCapture::~LogCapture() {
    const std::string captured = text();
    ::dup2(m_savedStderr, STDERR_FILENO);
    ::close(m_savedStderr);
    std::fclose(m_file);
    std::fwrite(captured.data(), 1, captured.size(), stderr);
    std::fflush(stderr);
}

std::string LogCapture::text() const {
    std::fflush(stderr);
    std::string out;
    std::array<char, 64 * 1024> chunk{};
    off_t offset = 0;
    for (;;) {
        const auto read = ::pread(::fileno(m_file), chunk.data(), chunk.size(), offset);
        if (read <= 0)
            return out;
        out.append(chunk.data(), static_cast<std::size_t>(read));
        offset += read;
    }
}

std::vector<boost::json::object> LogCapture::lines(std::string_view message) const {
    std::vector<boost::json::object> out;
    const std::string all = text();
    std::size_t start = 0;
    while (start < all.size()) {
        const auto end = std::min(all.find('\n', start), all.size());
        boost::system::error_code error;
        auto value = boost::json::parse(std::string_view(all).substr(start, end - start), error);
        if (!error && value.is_object()) {
            const auto* msg = value.as_object().if_contains("msg");
            if (msg && msg->is_string() && msg->as_string() == message)
                out.push_back(std::move(value.as_object()));
        }
        start = end + 1;
    }
    return out;
}

int healthzFrom(const std::string& from, std::uint16_t port) {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    beast::error_code error;
    stream.socket().open(asio::ip::tcp::v4(), error);
    if (!error)
        stream.socket().bind(asio::ip::tcp::endpoint(asio::ip::make_address(from), 0), error);
    if (error)
        return 0;
    int status = 0;
    stream.expires_after(std::chrono::seconds(2));
    beast::flat_buffer buffer;
    http::request<http::empty_body> request(http::verb::get, "/healthz", 11);
    request.set(http::field::host, "127.0.0.1");
    http::response<http::string_body> response;
    stream.async_connect(
        asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
        [&](beast::error_code connectError) {
            if (connectError)
                return;
            http::async_write(stream, request, [&](beast::error_code writeError, std::size_t) {
                if (writeError)
                    return;
                http::async_read(stream, buffer, response,
                                 [&](beast::error_code readError, std::size_t) {
                                     if (!readError)
                                         status = static_cast<int>(response.result_int());
                                 });
            });
        });
    ioc.run();
    return status;
}

} // namespace souffleur::server::test
