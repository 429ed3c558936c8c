// The server's own TLS stream (server/src/tls_stream.h, issue 17), spoken to
// by Asio's client stream over loopback: bodies far larger than a TLS record
// both ways on one keep-alive connection; a notify WebSocket whose reads and
// writes overlap (the client's pings answered while notices are pushed);
// peers that break off in the middle of a handshake or right after it, or
// that speak plain HTTP to it: the failed handshakes counted, none
// disturbing another desk's connection.
#include "test_support.h"
#include "tls_support.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <catch2/catch.hpp>
#include <openssl/ssl.h>

#include <array>
#include <cstring>
#include <string>
#include <test_paths.h>
#include <thread>
#include <vector>

using namespace souffleur::server;
using namespace souffleur::server::test;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using ClientStream = beast::ssl_stream<beast::tcp_stream>;

namespace {

http::response<http::string_body> exchange(ClientStream& stream,
                                           http::request<http::string_body> request) {
    request.set(http::field::host, "127.0.0.1");
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    return response;
}

struct TlsServer {
    TlsServer()
        : certificates(makeTestCertificates(souffleur::test::freshPath("tls-stream")))
        , server(configured(certificates))
        , client(asio::ssl::context::tls_client) {
        client.load_verify_file(certificates.caCertificate.string());
        client.set_verify_mode(asio::ssl::verify_peer);
    }
    static Config configured(const TestCertificates& files) {
        Config config;
        config.tlsCertificate = files.certificate;
        config.tlsPrivateKey = files.privateKey;
        return config;
    }
    // A client connection, handshake done.
    std::unique_ptr<ClientStream> connect(asio::io_context& ioc) {
        auto stream = std::make_unique<ClientStream>(ioc, client);
        beast::get_lowest_layer(*stream).connect(
            tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()));
        beast::get_lowest_layer(*stream).expires_after(std::chrono::seconds(30));
        stream->handshake(asio::ssl::stream_base::client);
        return stream;
    }
    // One request on a connection of its own.
    http::response<http::string_body> call(http::verb verb, const std::string& target,
                                           const std::string& token, std::string body = {},
                                           const std::string& type = {}) {
        asio::io_context ioc;
        auto stream = connect(ioc);
        http::request<http::string_body> request(verb, target, 11);
        request.set(http::field::authorization, "Bearer " + token);
        if (!type.empty())
            request.set(http::field::content_type, type);
        request.body() = std::move(body);
        return exchange(*stream, std::move(request));
    }
    std::uint64_t errors(const std::string& kind) {
        const auto metrics = call(http::verb::get, "/metrics", server.adminA).body();
        const std::string name = "souffleur_connection_errors_total{kind=\"" + kind + "\"} ";
        const auto at = metrics.find(name);
        return at == std::string::npos ? 0 : std::stoull(metrics.substr(at + name.size()));
    }

    TestCertificates certificates;
    TestServer server;
    asio::ssl::context client;
};

} // namespace

TEST_CASE("Over the server's TLS stream, large bodies go both ways on one connection",
          "[server][tls]") {
    TlsServer tls;
    asio::io_context ioc;
    auto stream = tls.connect(ioc);
    // Pictures of noise (they do not compress: about 3 bytes a pixel, many
    // TLS records each), uploaded and read back over the same connection.
    for (const int side : {300, 600, 900}) {
        http::request<http::string_body> upload(http::verb::post, "/api/v1/media", 11);
        upload.set(http::field::authorization, "Bearer " + tls.server.authorA);
        upload.set(http::field::content_type, "image/png");
        upload.body() = makeNoisePng(side, side);
        INFO(side << " x " << side << ": " << upload.body().size() << " bytes");
        const auto stored = exchange(*stream, upload);
        INFO(stored.body());
        REQUIRE(stored.result_int() == 201);
        const auto hash = stored.body().substr(stored.body().find("sha256:"), 71);

        http::request<http::string_body> fetch(http::verb::get, "/api/v1/media/" + hash, 11);
        fetch.set(http::field::authorization, "Bearer " + tls.server.deskA);
        const auto first = exchange(*stream, fetch);
        const auto again = exchange(*stream, fetch);
        REQUIRE(first.result_int() == 200);
        CHECK(first.body().size() > static_cast<std::size_t>(side * side * 3));
        CHECK(first.body().starts_with("\x89PNG"));
        CHECK(again.body() == first.body());
    }
    // The client's close_notify: a clean end, no error counted.
    beast::error_code ignored;
    stream->shutdown(ignored);
    CHECK(tls.errors("tls_handshake") == 0);
}

TEST_CASE("A notify WebSocket over the server's TLS stream reads and writes at once",
          "[server][tls]") {
    TlsServer tls;
    asio::io_context ioc;
    websocket::stream<ClientStream> notify(ioc, tls.client);
    beast::get_lowest_layer(notify).connect(
        tcp::endpoint(asio::ip::make_address("127.0.0.1"), tls.server.port()));
    notify.next_layer().handshake(asio::ssl::stream_base::client);
    notify.set_option(websocket::stream_base::decorator([&](websocket::request_type& request) {
        request.set(http::field::authorization, "Bearer " + tls.server.deskA);
    }));
    notify.handshake("127.0.0.1", "/api/v1/notify");
    beast::flat_buffer buffer;
    notify.read(buffer); // the hello
    buffer.clear();

    // 20 publications while the client sends 200 pings: the server answers
    // each ping (a write from its read) while it pushes the notices.
    int pongs = 0;
    notify.control_callback([&](websocket::frame_type kind, beast::string_view) {
        pongs += kind == websocket::frame_type::pong ? 1 : 0;
    });
    std::thread publisher([&] {
        for (int i = 0; i < 20; ++i)
            tls.call(http::verb::post, "/api/v1/guides", tls.server.reviewerA,
                     guideXml("t.ws" + std::to_string(i), 1), "application/xml");
    });
    for (int i = 0; i < 200; ++i)
        notify.ping({});
    publisher.join();
    int notices = 0;
    beast::get_lowest_layer(notify).expires_after(std::chrono::seconds(20));
    while (notices < 20 || pongs < 200) {
        notify.read(buffer);
        notices += beast::buffers_to_string(buffer.data()).find("\"type\":\"changed\"") !=
                           std::string::npos
                       ? 1
                       : 0;
        buffer.clear();
    }
    CHECK(notices == 20);
    CHECK(pongs == 200);
    notify.close(websocket::close_code::normal);
    CHECK(tls.errors("websocket") == 0);
}

TEST_CASE("Peers that break off over TLS are counted and disturb no one", "[server][tls]") {
    TlsServer tls;
    asio::io_context ioc;
    auto steady = tls.connect(ioc); // a desk on the same server all along

    // Plain HTTP to the TLS port: a failed handshake.
    {
        tcp::socket plain(ioc);
        plain.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), tls.server.port()));
        asio::write(plain, asio::buffer(std::string_view("GET /healthz HTTP/1.1\r\n\r\n")));
        beast::error_code error;
        std::array<char, 256> answer{};
        plain.read_some(asio::buffer(answer), error);
    }
    // A ClientHello cut off halfway, then the connection closed.
    {
        asio::ssl::context quiet(asio::ssl::context::tls_client);
        ClientStream half(ioc, quiet);
        beast::get_lowest_layer(half).connect(
            tcp::endpoint(asio::ip::make_address("127.0.0.1"), tls.server.port()));
        // Take the ClientHello from a memory BIO pair and send half of it.
        SSL* ssl = SSL_new(quiet.native_handle());
        BIO* inside = nullptr;
        BIO* outside = nullptr;
        REQUIRE(BIO_new_bio_pair(&inside, 0, &outside, 0) == 1);
        SSL_set_bio(ssl, inside, inside);
        SSL_set_connect_state(ssl);
        (void)SSL_do_handshake(ssl);
        std::array<char, 4096> hello{};
        const int size = BIO_read(outside, hello.data(), static_cast<int>(hello.size()));
        REQUIRE(size > 10);
        asio::write(beast::get_lowest_layer(half).socket(),
                    asio::buffer(hello.data(), static_cast<std::size_t>(size / 2)));
        beast::get_lowest_layer(half).socket().close();
        SSL_free(ssl);
        BIO_free(outside);
    }
    // A connection dropped right after the handshake, with no close_notify
    // (the server's read ends in stream_truncated; not a handshake error).
    {
        auto broken = tls.connect(ioc);
        beast::get_lowest_layer(*broken).socket().shutdown(tcp::socket::shutdown_both);
        beast::get_lowest_layer(*broken).socket().close();
    }
    const auto seen = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (tls.errors("tls_handshake") < 2 && std::chrono::steady_clock::now() < seen)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(tls.errors("tls_handshake") == 2);

    // The desk's connection goes on.
    http::request<http::string_body> health(http::verb::get, "/healthz", 11);
    const auto answer = exchange(*steady, health);
    CHECK(answer.result_int() == 200);
    CHECK(answer.body() == "ok\n");
}
