// souffleur::net's HTTP client: server addresses, and requests against the
// real server in-process on a loopback port, blocking and as coroutines.
#include "net_support.h"
#include "test_support.h"

#include <souffleur/net/async_http.h>
#include <souffleur/net/http.h>

#include <boost/asio/ip/tcp.hpp>
#include <catch2/catch.hpp>

#include <chrono>

using namespace souffleur;
using namespace souffleur::net;
using server::test::TestServer;
using namespace std::chrono_literals;

TEST_CASE("A server address is parsed from its URL", "[net][http]") {
    SECTION("http with a port") {
        const auto address = ServerAddress::parse("http://127.0.0.1:8470").value();
        CHECK(address.host == "127.0.0.1");
        CHECK(address.port == "8470");
        CHECK_FALSE(address.tls);
        CHECK(address.caFile.empty());
        CHECK(address.toString() == "http://127.0.0.1:8470");
    }
    SECTION("the scheme's port when none is given") {
        const auto secure = ServerAddress::parse("https://souffleur.gemeente.example").value();
        CHECK(secure.host == "souffleur.gemeente.example");
        CHECK(secure.port == "443");
        CHECK(secure.tls);
        CHECK(secure.toString() == "https://souffleur.gemeente.example:443");
        CHECK(ServerAddress::parse("http://localhost/").value().port == "80");
    }
    SECTION("an IPv6 literal loses its brackets") {
        const auto address = ServerAddress::parse("https://[::1]:8470").value();
        CHECK(address.host == "::1");
        CHECK(address.port == "8470");
    }
    SECTION("what is not an http(s) URL with a host") {
        const auto notUrl = ServerAddress::parse("not a url");
        REQUIRE_FALSE(notUrl.has_value());
        CHECK(notUrl.error() == "not a URL: not a url");
        const auto ftp = ServerAddress::parse("ftp://x");
        REQUIRE_FALSE(ftp.has_value());
        CHECK_THAT(ftp.error(), Catch::Contains("must start with http:// or https://"));
        const auto hostless = ServerAddress::parse("http:///api");
        REQUIRE_FALSE(hostless.has_value());
        CHECK_THAT(hostless.error(), Catch::Contains("has no host"));
    }
}

TEST_CASE("request() talks to the server", "[net][http]") {
    TestServer server;
    const ServerAddress address{"127.0.0.1", std::to_string(server.port())};

    SECTION("a GET, with and without a token") {
        const HttpRequest health{Method::Get, "/healthz", "", "", ""};
        const auto answer = request(address, health);
        INFO((answer ? answer->body : answer.error()));
        REQUIRE(answer.has_value());
        CHECK(answer->status == 200);

        const HttpRequest guides{Method::Get, "/api/v1/guides", server.deskA, "", ""};
        const auto list = request(address, guides);
        REQUIRE(list.has_value());
        CHECK(list->status == 200);
        CHECK_THAT(list->contentType, Catch::StartsWith("application/json"));
        const HttpRequest anonymous{Method::Get, "/api/v1/guides", "", "", ""};
        CHECK(request(address, anonymous)->status == 401); // a status, not an error
    }
    SECTION("a POST with its body and content type") {
        const HttpRequest publish{Method::Post, "/api/v1/guides", server.reviewerA,
                                  server::test::guideXml("t.net", 1), "application/xml"};
        const auto answer = request(address, publish);
        INFO((answer ? answer->body : answer.error()));
        REQUIRE(answer.has_value());
        CHECK(answer->status == 201);
        const HttpRequest read{Method::Get, "/api/v1/guides/t.net", server.deskA, "", ""};
        CHECK(request(address, read)->status == 200);
    }
    SECTION("no server on the port: an error naming it") {
        const net::test::ClosedPort closed;
        const ServerAddress nowhere{"127.0.0.1", closed.port()};
        const auto answer = request(nowhere, HttpRequest{Method::Get, "/healthz", "", "", ""});
        REQUIRE_FALSE(answer.has_value());
        CHECK_THAT(answer.error(), Catch::StartsWith("cannot connect to " + nowhere.toString()));
    }
}

TEST_CASE("request() gives up after its timeout", "[net][http]") {
    // A port that accepts connections (the kernel's backlog) and never answers.
    boost::asio::io_context context;
    boost::asio::ip::tcp::acceptor silent(context, {boost::asio::ip::make_address("127.0.0.1"), 0});
    const ServerAddress address{"127.0.0.1", std::to_string(silent.local_endpoint().port())};
    const auto start = std::chrono::steady_clock::now();
    const auto answer = request(address, HttpRequest{Method::Get, "/healthz", "", "", ""}, 300ms);
    const auto took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(answer.has_value());
    CHECK_THAT(answer.error(), Catch::StartsWith("cannot read response"));
    CHECK(took >= 300ms);
    CHECK(took < 5s);
}

TEST_CASE("asyncRequest() runs on the caller's io_context", "[net][http]") {
    TestServer server;
    boost::asio::io_context context;
    const ServerAddress address{"127.0.0.1", std::to_string(server.port())};
    HttpRequest health{Method::Get, "/healthz", "", "", ""};
    const auto answer = net::test::await(context, asyncRequest(address, health, 5s));
    REQUIRE(answer.has_value());
    CHECK(answer->status == 200);

    SECTION("a TLS context that cannot be made is an error, not an exception") {
        const auto made = tlsContext("/nonexistent/ca.pem");
        REQUIRE_FALSE(made.has_value());
        CHECK_THAT(made.error(), Catch::StartsWith("cannot load the certificate authorities in "
                                                   "/nonexistent/ca.pem"));
    }
}
