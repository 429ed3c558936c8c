// souffleur::net's WebSocket against the real server's /api/v1/notify,
// in-process on a loopback port: the hello and a notice, a refused token, no
// server, the size limit, close(), and over TLS.
#include "net_support.h"
#include "test_paths.h"
#include "test_support.h"
#include "tls_support.h"

#include <souffleur/net/async_http.h>
#include <souffleur/net/http.h>
#include <souffleur/net/websocket.h>

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace souffleur;
using namespace souffleur::net;
using server::test::TestServer;
using namespace std::chrono_literals;

namespace {

using Connected = std::expected<WebSocket, WebSocketError>;

WebSocketOptions notify(const std::string& token) {
    return {.target = "/api/v1/notify", .token = token, .userAgent = "souffleur-net-test"};
}

Connected connect(boost::asio::io_context& context, const ServerAddress& address,
                  const WebSocketOptions& options) {
    return net::test::await(context, WebSocket::connect(address, options));
}

std::expected<std::string, std::string> read(boost::asio::io_context& context, WebSocket& ws) {
    return net::test::await(context, ws.read());
}

} // namespace

TEST_CASE("A WebSocket reads the server's notices", "[net][websocket]") {
    TestServer server;
    boost::asio::io_context context;
    const ServerAddress address{"127.0.0.1", std::to_string(server.port())};

    SECTION("the hello, then a publication's notice") {
        auto ws = connect(context, address, notify(server.deskA));
        INFO((ws ? std::string() : ws.error().message));
        REQUIRE(ws.has_value());
        CHECK(read(context, *ws).value() == R"({"type":"hello","seq":0})");
        REQUIRE(
            server::test::send(server.port(), server::test::post("/api/v1/guides", server.reviewerA,
                                                                 server::test::guideXml("t.ws", 1),
                                                                 "application/xml"))
                .status == 201);
        CHECK_THAT(read(context, *ws).value(), Catch::Contains(R"("seq":1)"));
    }
    SECTION("close() ends the connection: a read fails") {
        auto ws = connect(context, address, notify(server.deskA));
        REQUIRE(ws.has_value());
        REQUIRE(read(context, *ws).has_value());
        ws->close();
        CHECK_FALSE(read(context, *ws).has_value());
        ws->close(); // again: nothing happens
        WebSocket none;
        CHECK(read(context, none).error() == "not connected");
    }
    SECTION("a message over readMessageMax fails the read") {
        auto options = notify(server.deskA);
        options.readMessageMax = 64; // the hello fits; an alert's notice carries the alert
        auto ws = connect(context, address, options);
        REQUIRE(ws.has_value());
        REQUIRE(read(context, *ws).has_value());
        REQUIRE(server::test::send(
                    server.port(),
                    server::test::post("/api/v1/alerts", server.authorA,
                                       "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"t.groot\" "
                                       "revision=\"1\" level=\"info\"><title>Lang</title>"
                                       "<body>Een bericht langer dan 64 bytes.</body></alert>",
                                       "application/xml"))
                    .status == 201);
        CHECK_FALSE(read(context, *ws).has_value());
    }
    SECTION("an unknown token: the upgrade is refused") {
        const auto ws = connect(context, address, notify("not-a-token"));
        REQUIRE_FALSE(ws.has_value());
        CHECK(ws.error().stage == WebSocketError::Stage::Handshake);
        CHECK_THAT(ws.error().message,
                   Catch::StartsWith("WebSocket handshake on /api/v1/notify failed: "));
        CHECK_THAT(ws.error().message, Catch::EndsWith(ws.error().reason));
    }
    SECTION("no server on the port") {
        const net::test::ClosedPort closed;
        const ServerAddress nowhere{"127.0.0.1", closed.port()};
        const auto ws = connect(context, nowhere, notify(server.deskA));
        REQUIRE_FALSE(ws.has_value());
        CHECK(ws.error().stage == WebSocketError::Stage::Connect);
        CHECK(ws.error().message ==
              "cannot connect to " + nowhere.toString() + ": " + ws.error().reason);
    }
}

TEST_CASE("A WebSocket over TLS checks the server's certificate", "[net][websocket][tls]") {
    const auto dir = souffleur::test::freshPath("net-wss");
    const auto certificates = server::test::makeTestCertificates(dir / "good");
    server::Config config;
    config.tlsCertificate = certificates.certificate;
    config.tlsPrivateKey = certificates.privateKey;
    TestServer server(config);
    boost::asio::io_context context;
    auto address =
        ServerAddress::parse("https://127.0.0.1:" + std::to_string(server.port())).value();

    SECTION("trusted: the hello arrives") {
        address.caFile = certificates.caCertificate.string();
        auto ws = connect(context, address, notify(server.deskA));
        INFO((ws ? std::string() : ws.error().message));
        REQUIRE(ws.has_value());
        CHECK_THAT(read(context, *ws).value(), Catch::Contains(R"("type":"hello")"));
    }
    SECTION("a context made once serves many connections") {
        const auto tls = tlsContext(certificates.caCertificate.string()).value();
        const auto options = notify(server.deskA);
        for (int i = 0; i < 2; ++i) {
            auto ws = net::test::await(context, WebSocket::connect(address, options, tls));
            REQUIRE(ws.has_value());
            CHECK(read(context, *ws).has_value());
        }
    }
    SECTION("another authority: refused in the TLS handshake") {
        const auto other = server::test::makeTestCertificates(dir / "other");
        address.caFile = other.caCertificate.string();
        const auto ws = connect(context, address, notify(server.deskA));
        REQUIRE_FALSE(ws.has_value());
        CHECK(ws.error().stage == WebSocketError::Stage::Tls);
        CHECK_THAT(ws.error().message, Catch::Contains("certificate verify failed"));
    }
}

TEST_CASE("A renewed certificate is served after a reload; open connections go on",
          "[net][websocket][tls]") {
    const auto dir = souffleur::test::freshPath("net-wss-reload");
    const auto first = server::test::makeTestCertificates(dir / "first");
    const auto renewed = server::test::makeTestCertificates(dir / "renewed");
    // The server reads the files it was given: the renewal is written over them.
    const auto certificate = dir / "server.pem";
    const auto key = dir / "server-key.pem";
    std::filesystem::copy_file(first.certificate, certificate);
    std::filesystem::copy_file(first.privateKey, key);
    server::Config config;
    config.tlsCertificate = certificate;
    config.tlsPrivateKey = key;
    TestServer server(config);
    boost::asio::io_context context;
    auto trustingFirst =
        ServerAddress::parse("https://127.0.0.1:" + std::to_string(server.port())).value();
    trustingFirst.caFile = first.caCertificate.string();
    auto trustingRenewed = trustingFirst;
    trustingRenewed.caFile = renewed.caCertificate.string();

    auto open = connect(context, trustingFirst, notify(server.deskA));
    REQUIRE(open.has_value());
    REQUIRE(read(context, *open).has_value()); // hello

    const auto overwrite = std::filesystem::copy_options::overwrite_existing;
    std::filesystem::copy_file(renewed.certificate, certificate, overwrite);
    std::filesystem::copy_file(renewed.privateKey, key, overwrite);
    REQUIRE(server.reloadTls().has_value());

    // New connections get the renewed certificate.
    CHECK(connect(context, trustingRenewed, notify(server.deskA)).has_value());
    const auto stale = connect(context, trustingFirst, notify(server.deskA));
    REQUIRE_FALSE(stale.has_value());
    CHECK(stale.error().stage == WebSocketError::Stage::Tls);
    // The connection opened before the reload is still there: it hears a publication.
    const HttpRequest publish{Method::Post, "/api/v1/guides", server.reviewerA,
                              server::test::guideXml("t.reload", 1), "application/xml"};
    const auto published = request(trustingRenewed, publish);
    REQUIRE(published.has_value());
    CHECK(published->status == 201);
    const auto notice = read(context, *open);
    REQUIRE(notice.has_value());
    CHECK_THAT(*notice, Catch::Contains(R"("type":"changed")"));

    // A broken renewal (a key that is not one) is refused; the renewed one stays.
    {
        std::ofstream broken(key, std::ios::trunc);
        broken << "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n";
    }
    const auto refused = server.reloadTls();
    REQUIRE_FALSE(refused.has_value());
    CHECK_THAT(refused.error(), Catch::Contains(key.string()));
    CHECK(connect(context, trustingRenewed, notify(server.deskA)).has_value());
}
