// The server over real sockets: routes, roles and tenants, the change feed and
// its notices, record batches and the AAR report, limits, and a restart on the
// same data directory (docs/api.md is the contract under test).
#include "test_support.h"

#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace souffleur::server::test;
namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

HttpResult publish(const TestServer& server, const std::string& token, const std::string& xml) {
    return send(server.port(), post("/api/v1/guides", token, xml, "application/xml"));
}

json::object event(const std::string& id, const std::string& session, const std::string& kind) {
    return {{"type", "event"},
            {"id", id},
            {"session", session},
            {"guide", "t.aar"},
            {"revision", 1},
            {"event", kind},
            {"at", "2026-11-23T12:00:00.000Z"}};
}

json::object feedback(const std::string& id, const std::string& text) {
    return {{"type", "feedback"}, {"id", id},          {"guide", "t.aar"}, {"revision", 1},
            {"step", "een"},      {"kind", "unclear"}, {"text", text}};
}

std::string batch(const std::string& client, std::int64_t number, json::array records) {
    return json::serialize(
        json::object{{"client", client}, {"batch", number}, {"records", std::move(records)}});
}

HttpResult sendRecords(const TestServer& server, const std::string& token,
                       const std::string& body) {
    return send(server.port(), post("/api/v1/records", token, body));
}

// Writes `bytes` as they are on a new connection and reads one response, all
// within `timeout`.
HttpResult sendRaw(std::uint16_t port, const std::string& bytes,
                   std::chrono::milliseconds timeout) {
    boost::asio::io_context ioc;
    boost::beast::tcp_stream stream(ioc);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> response;
    HttpResult result;
    stream.expires_after(timeout);
    stream.async_connect(
        {boost::asio::ip::make_address("127.0.0.1"), port}, [&](boost::beast::error_code error) {
            if (error) {
                result.error = "connect: " + error.message();
                return;
            }
            boost::asio::async_write(stream, boost::asio::buffer(bytes),
                                     [&](boost::beast::error_code writeError, std::size_t) {
                                         if (writeError) {
                                             result.error = "write: " + writeError.message();
                                             return;
                                         }
                                         http::async_read(
                                             stream, buffer, response,
                                             [&](boost::beast::error_code readError, std::size_t) {
                                                 if (readError)
                                                     result.error = "read: " + readError.message();
                                                 else
                                                     result.status =
                                                         static_cast<int>(response.result_int());
                                             });
                                     });
        });
    ioc.run();
    result.body = response.body();
    return result;
}

} // namespace

TEST_CASE("healthz answers ok without a token", "[server][http]") {
    TestServer server;
    const auto result = send(server.port(), get("/healthz", ""));
    CHECK(result.status == 200);
    CHECK(result.body == "ok\n");
    CHECK(result.contentType == "text/plain");
}

TEST_CASE("Unknown paths, wrong methods and bad targets get JSON errors", "[server][http]") {
    TestServer server;
    const auto unknown = send(server.port(), get("/api/v1/nothing", server.deskA));
    CHECK(unknown.status == 404);
    CHECK(unknown.json().at("error").is_string());
    CHECK(send(server.port(), get("/", "")).status == 404);
    const auto wrongMethod = send(server.port(), post("/api/v1/changes", server.deskA, "{}"));
    CHECK(wrongMethod.status == 405);
    CHECK(wrongMethod.json().at("error").is_string());
    CHECK(send(server.port(), post("/healthz", "", "")).status == 405);
    CHECK(send(server.port(), get("/api/v1/changes?since=x", server.deskA)).status == 400);
    CHECK(send(server.port(), get("/api/v1/changes?limit=0", server.deskA)).status == 400);
    CHECK(send(server.port(), get("/api/v1/notify", server.deskA)).status == 426);
}

TEST_CASE("A keep-alive connection serves one request after another", "[server][http]") {
    TestServer server;
    HttpClient client(server.port());
    for (int i = 0; i < 3; ++i) {
        const auto result = client.send(get("/api/v1/guides", server.deskA));
        INFO(result.error);
        CHECK(result.status == 200);
    }
}

TEST_CASE("Requests without a valid token get 401 and are audited per address", "[server][auth]") {
    TestServer server;
    SECTION("no token") {
        const auto result = send(server.port(), get("/api/v1/guides", ""));
        CHECK(result.status == 401);
        CHECK(result.json().at("error").is_string());
        server.stop(); // writes the counted failures
        CHECK(server.queryInt("SELECT count(*) FROM audit WHERE outcome = 'unauthenticated' AND "
                              "remote = '127.0.0.1' AND count = 1 AND target = '1 failed "
                              "authentication from 127.0.0.1 in the last minute (no_token 1)'") ==
              1);
    }
    SECTION("unknown token") {
        CHECK(send(server.port(), get("/api/v1/changes", std::string(64, 'a'))).status == 401);
        CHECK(send(server.port(), post("/api/v1/records", "nonsense", "{}")).status == 401);
        CHECK(send(server.port(), get("/api/v1/guides", "")).status == 401);
        server.stop();
        CHECK(server.queryInt("SELECT count(*) FROM audit") == 1);
        CHECK(server.queryInt("SELECT count(*) FROM audit WHERE count = 3 AND target LIKE "
                              "'%(no_token 1, unknown_token 2)'") == 1);
    }
    SECTION("the notify WebSocket") {
        NotifyClient notify(server.port());
        CHECK(notify.connect("") == 401);
    }
}

TEST_CASE("A flood of tokenless requests adds at most a handful of audit rows", "[server][auth]") {
    TestServer server;
    HttpClient client(server.port());
    int refused = 0;
    for (int i = 0; i < 200; ++i) {
        const auto result =
            client.send(i % 2 == 0 ? get("/api/v1/guides", "") : get("/api/v1/changes", "bogus"));
        refused += result.status == 401 ? 1 : 0;
    }
    CHECK(refused == 200);
    server.stop();
    CHECK(server.queryInt("SELECT count(*) FROM audit") <= 3);
    CHECK(server.queryInt("SELECT sum(count) FROM audit WHERE outcome = 'unauthenticated' AND "
                          "remote = '127.0.0.1'") == 200);
}

TEST_CASE("A refused request is answered without reading its body", "[server][auth][limits]") {
    TestServer server;
    // Announces a 4 MB body and sends none of it: only an answer given on the
    // header alone arrives in time.
    const std::string head = "POST /api/v1/guides HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Content-Type: application/xml\r\nContent-Length: 4000000\r\n";
    SECTION("no token: 401") {
        const auto result = sendRaw(server.port(), head + "\r\n", 2s);
        INFO(result.error);
        CHECK(result.status == 401);
    }
    SECTION("an unknown token: 401") {
        const auto result = sendRaw(
            server.port(), head + "Authorization: Bearer " + std::string(64, 'f') + "\r\n\r\n", 2s);
        INFO(result.error);
        CHECK(result.status == 401);
    }
    SECTION("a desk token: 403") {
        const auto result =
            sendRaw(server.port(), head + "Authorization: Bearer " + server.deskA + "\r\n\r\n", 2s);
        INFO(result.error);
        CHECK(result.status == 403);
    }
    SECTION("with the body following, the answer still arrives") {
        HttpCall call = post("/api/v1/guides", "", std::string(4000000, 'x'), "application/xml");
        const auto result = send(server.port(), call);
        INFO(result.error);
        CHECK(result.status == 401);
    }
    CHECK(send(server.port(), get("/healthz", "")).status == 200);
    CHECK(send(server.port(), get("/api/v1/guides", server.deskA)).status == 200);
}

TEST_CASE("Connections over a cap are closed at once", "[server][limits]") {
    souffleur::server::Config config;
    const bool perAddress = GENERATE(true, false);
    if (perAddress)
        config.maxConnectionsPerAddress = 3;
    else
        config.maxConnections = 3;
    INFO((perAddress ? "per address" : "in total"));
    TestServer server(config);

    // A notify WebSocket, and keep-alive HTTP clients without a token: two
    // more make three in total; three more make three from this address
    // before a valid token (the notify socket has shown one: it does not count).
    NotifyClient notify(server.port());
    REQUIRE(notify.connect(server.deskA) == 101);
    REQUIRE(notify.read());
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (int i = 0; i < (perAddress ? 3 : 2); ++i) {
        clients.push_back(std::make_unique<HttpClient>(server.port()));
        REQUIRE(clients.back()->send(get("/healthz", "")).status == 200);
    }
    // The fourth is closed without an answer.
    const auto refused = send(server.port(), get("/healthz", ""));
    CHECK(refused.status == 0);
    CHECK_FALSE(refused.error.empty());
    // The open ones go on; the refusal is counted.
    CHECK(clients[0]->send(get("/api/v1/guides", server.deskA)).status == 200);
    const auto metrics = clients[0]->send(get("/metrics", server.adminA));
    CHECK(metrics.body.find("souffleur_connection_errors_total{kind=\"over_cap\"} 1\n") !=
          std::string::npos);
    // Once one closes, a new connection is served again.
    clients.pop_back();
    int status = 0;
    for (int attempt = 0; attempt < 40 && status != 200; ++attempt) {
        status = send(server.port(), get("/healthz", "")).status;
        if (status != 200)
            std::this_thread::sleep_for(50ms);
    }
    CHECK(status == 200);
}

TEST_CASE("A desk account may not publish or read reports: 403, audited", "[server][auth]") {
    TestServer server;
    const auto result = publish(server, server.deskA, guideXml("t.desk", 1));
    CHECK(result.status == 403);
    CHECK(result.json().at("error").is_string());
    CHECK(send(server.port(), get("/api/v1/reports/aar?guide=t.desk", server.deskA)).status == 403);
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE outcome = 'forbidden' AND "
                          "actor = 'desk-a' AND tenant_id IS NOT NULL") == 2);
    CHECK(server.queryInt("SELECT count(*) FROM revisions") == 0);
}

TEST_CASE("A published guide is stored, fed and served", "[server][guides]") {
    TestServer server;
    const auto published = publish(server, server.reviewerA, guideXml("t.een", 3, "Een"));
    INFO(published.body);
    REQUIRE(published.status == 201);
    const auto answer = published.json().as_object();
    CHECK(answer.at("id") == "t.een");
    CHECK(answer.at("revision") == 3);
    CHECK(answer.at("seq") == 1);
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE action = 'publish' AND "
                          "outcome = 'published' AND actor = 'reviewer-a'") == 1);

    SECTION("in the list") {
        const auto list = send(server.port(), get("/api/v1/guides", server.deskA));
        REQUIRE(list.status == 200);
        const auto value = list.json();
        const auto& guides = value.at("guides").as_array();
        REQUIRE(guides.size() == 1);
        CHECK(guides[0].at("id") == "t.een");
        CHECK(guides[0].at("revision") == 3);
        CHECK(guides[0].at("title") == "Een");
    }
    SECTION("by id, as canonical XML") {
        const auto guide = send(server.port(), get("/api/v1/guides/t.een", server.deskA));
        CHECK(guide.status == 200);
        CHECK(guide.contentType == "application/xml");
        CHECK(guide.body.find("id=\"t.een\" revision=\"3\"") != std::string::npos);
        CHECK(send(server.port(), get("/api/v1/guides/t.none", server.deskA)).status == 404);
    }
    SECTION("in the change feed") {
        const auto feed = send(server.port(), get("/api/v1/changes?since=0", server.deskA));
        REQUIRE(feed.status == 200);
        const auto value = feed.json();
        const auto& page = value.as_object();
        CHECK(page.at("last_seq") == 1);
        CHECK(page.at("more") == false);
        const auto& changes = page.at("changes").as_array();
        REQUIRE(changes.size() == 1);
        CHECK(changes[0].at("seq") == 1);
        CHECK(changes[0].at("kind") == "guide");
        CHECK(changes[0].at("id") == "t.een");
        CHECK(changes[0].at("revision") == 3);
        CHECK(changes[0].at("xml").as_string().starts_with("<?xml"));

        const auto after = send(server.port(), get("/api/v1/changes?since=1", server.deskA));
        CHECK(after.json().at("changes").as_array().empty());
        CHECK(after.json().at("last_seq") == 1);
    }
    SECTION("the feed pages with limit and more") {
        REQUIRE(publish(server, server.reviewerA, guideXml("t.twee", 1)).status == 201);
        REQUIRE(publish(server, server.reviewerA, guideXml("t.een", 4)).status == 201);
        const auto first =
            send(server.port(), get("/api/v1/changes?since=0&limit=2", server.deskA));
        CHECK(first.json().at("changes").as_array().size() == 2);
        CHECK(first.json().at("last_seq") == 2);
        CHECK(first.json().at("more") == true);
        const auto rest = send(server.port(), get("/api/v1/changes?since=2&limit=2", server.deskA));
        REQUIRE(rest.json().at("changes").as_array().size() == 1);
        CHECK(rest.json().at("changes").as_array()[0].at("revision") == 4);
        CHECK(rest.json().at("last_seq") == 3);
        CHECK(rest.json().at("more") == false);
        const auto list = send(server.port(), get("/api/v1/guides", server.deskA));
        CHECK(list.json().at("guides").as_array().size() == 2);
    }
}

TEST_CASE("An invalid guide gets 422 with located diagnostics", "[server][guides]") {
    TestServer server;
    const std::string xml = "<?xml version=\"1.0\"?>\n"
                            "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"t.x\" revision=\"1\">\n"
                            "<title>t</title>\n"
                            "<step id=\"a\"><glance>g</glance><bogus/></step>\n"
                            "</guide>\n";
    const auto result = publish(server, server.reviewerA, xml);
    REQUIRE(result.status == 422);
    const auto value = result.json();
    const auto& body = value.as_object();
    CHECK(body.at("error") == "invalid guide");
    const auto& diagnostics = body.at("diagnostics").as_array();
    REQUIRE_FALSE(diagnostics.empty());
    CHECK(diagnostics[0].at("line") == 4);
    CHECK(diagnostics[0].at("message").as_string().find("bogus") != json::string::npos);
    CHECK(publish(server, server.reviewerA, "not xml at all").status == 422);
    CHECK(server.queryInt("SELECT count(*) FROM revisions") == 0);
}

TEST_CASE("A stale revision gets 409 with the current revision", "[server][guides]") {
    TestServer server;
    REQUIRE(publish(server, server.reviewerA, guideXml("t.rev", 2)).status == 201);
    for (const int revision : {2, 1}) {
        const auto result = publish(server, server.reviewerA, guideXml("t.rev", revision));
        CHECK(result.status == 409);
        CHECK(result.json().at("current_revision") == 2);
    }
    CHECK(server.queryInt("SELECT count(*) FROM changes") == 1);
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE outcome = 'stale_revision'") == 2);
}

TEST_CASE("The notify WebSocket says hello, then changed after a publish", "[server][notify]") {
    TestServer server;
    REQUIRE(publish(server, server.reviewerA, guideXml("t.before", 1)).status == 201);
    NotifyClient notify(server.port());
    REQUIRE(notify.connect(server.deskA) == 101);
    const auto hello = notify.read();
    REQUIRE(hello);
    CHECK(json::parse(*hello) == json::parse(R"({"type":"hello","seq":1})"));

    REQUIRE(publish(server, server.reviewerA, guideXml("t.after", 1)).status == 201);
    const auto changed = notify.read();
    REQUIRE(changed);
    CHECK(json::parse(*changed) == json::parse(R"({"type":"changed","seq":2})"));
}

TEST_CASE("What a desk sends on its notify WebSocket is dropped; over 64 KB closes it",
          "[server][notify]") {
    TestServer server;
    NotifyClient notify(server.port());
    REQUIRE(notify.connect(server.deskA) == 101);
    REQUIRE(notify.read()); // the hello
    // Read in small pieces and dropped: the socket goes on as before.
    REQUIRE(notify.write("hallo"));
    REQUIRE(notify.write(std::string(10'000, 'x')));
    REQUIRE(publish(server, server.reviewerA, guideXml("t.after", 1)).status == 201);
    const auto changed = notify.read();
    REQUIRE(changed);
    CHECK(json::parse(*changed).as_object().at("type") == "changed");
    // A message over the limit: closed by the server with "too big" (1009).
    REQUIRE(notify.write(std::string(70'000, 'x')));
    CHECK_FALSE(notify.read());
    CHECK(notify.closeCode() == 1009);
}

TEST_CASE("Record batches are acknowledged once; retries are no-ops", "[server][records]") {
    TestServer server;
    const auto first = batch("client-1", 1,
                             {event("e1", "s1", "started"), event("e2", "s1", "step_shown"),
                              feedback("f1", "Onduidelijk")});
    const auto acked = sendRecords(server, server.deskA, first);
    INFO(acked.body);
    REQUIRE(acked.status == 200);
    CHECK(acked.json() == json::parse(R"({"acked":1})"));
    CHECK(server.queryInt("SELECT count(*) FROM events") == 2);
    CHECK(server.queryInt("SELECT count(*) FROM feedback") == 1);
    CHECK(server.queryInt("SELECT last_batch FROM clients WHERE client_id = 'client-1'") == 1);

    SECTION("the same batch again") {
        const auto retry = sendRecords(server, server.deskA, first);
        CHECK(retry.status == 200);
        CHECK(retry.json() == json::parse(R"({"acked":1})"));
        CHECK(server.queryInt("SELECT count(*) FROM events") == 2);
        CHECK(server.queryInt("SELECT count(*) FROM feedback") == 1);
    }
    SECTION("an older batch number after a newer one") {
        const auto second = sendRecords(server, server.deskA,
                                        batch("client-1", 2, {event("e3", "s1", "finished")}));
        CHECK(second.json() == json::parse(R"({"acked":2})"));
        CHECK(server.queryInt("SELECT count(*) FROM events WHERE id = 'e3'") == 1);
        // Batch 1 again, as a late retry (and with records it never had): a no-op.
        const auto older = sendRecords(
            server, server.deskA,
            batch("client-1", 1, {event("e9", "s9", "started"), feedback("f9", "Nog eens")}));
        CHECK(older.status == 200);
        CHECK(older.json() == json::parse(R"({"acked":1})"));
        CHECK(sendRecords(server, server.deskA, first).json() == json::parse(R"({"acked":1})"));
        CHECK(server.queryInt("SELECT count(*) FROM events") == 3);
        CHECK(server.queryInt("SELECT count(*) FROM events WHERE id = 'e9'") == 0);
        CHECK(server.queryInt("SELECT count(*) FROM feedback") == 1);
        CHECK(server.queryInt("SELECT last_batch FROM clients WHERE client_id = 'client-1'") == 2);
    }
    SECTION("the next batch, repeating a record id") {
        const auto next = sendRecords(
            server, server.deskA,
            batch("client-1", 2, {event("e2", "s1", "step_shown"), event("e3", "s1", "finished")}));
        CHECK(next.json() == json::parse(R"({"acked":2})"));
        CHECK(server.queryInt("SELECT count(*) FROM events") == 3);
    }
    SECTION("records carry the desk's team, never the account") {
        CHECK(server.queryInt("SELECT count(*) FROM events AS e JOIN teams AS t ON "
                              "t.id = e.team_id WHERE t.name = 'Balie A'") == 2);
    }
}

TEST_CASE("The same batches sent at once over several connections, and again after a "
          "restart, are stored once",
          "[server][records]") {
    TestServer server;
    constexpr int kBatches = 20;
    constexpr int kSenders = 4;
    const auto body = [](int number) {
        json::array records;
        for (int i = 0; i < 5; ++i) {
            const std::string id = "b" + std::to_string(number) + "-" + std::to_string(i);
            records.push_back(event(id, "s" + std::to_string(number), "step_shown"));
        }
        return batch("interleaved", number, std::move(records));
    };
    // Every sender sends every batch in order, each request on a connection of
    // its own, all senders at once: retries racing each other.
    const auto sendAll = [&] {
        std::vector<std::thread> senders;
        std::atomic<int> failures = 0;
        for (int sender = 0; sender < kSenders; ++sender) {
            senders.emplace_back([&] {
                for (int number = 1; number <= kBatches; ++number) {
                    if (sendRecords(server, server.deskA, body(number)).status != 200)
                        ++failures;
                }
            });
        }
        for (auto& thread : senders)
            thread.join();
        return failures.load();
    };
    CHECK(sendAll() == 0);
    CHECK(server.queryInt("SELECT count(*) FROM events") == kBatches * 5);
    CHECK(server.queryInt("SELECT count(DISTINCT id) FROM events") == kBatches * 5);
    CHECK(server.queryInt("SELECT last_batch FROM clients WHERE client_id = 'interleaved'") ==
          kBatches);
    server.restart(); // the desk reconnects and, not knowing what arrived, sends it all again
    CHECK(sendAll() == 0);
    CHECK(server.queryInt("SELECT count(*) FROM events") == kBatches * 5);
}

TEST_CASE("A client id is bound to the account that sends it", "[server][records]") {
    TestServer server;
    // Another account of the same tenant takes desk-a's client id ...
    const auto absurd = sendRecords(server, server.authorA,
                                    batch("desk-client", std::numeric_limits<std::int64_t>::max(),
                                          {event("b1", "sb", "started")}));
    CHECK(absurd.status == 400);
    CHECK(absurd.json().at("error").as_string().find("out of range") != json::string::npos);
    CHECK(sendRecords(server, server.authorA,
                      batch("desk-client", 1000, {event("b2", "sb", "started")}))
              .json() == json::parse(R"({"acked":1000})"));
    // ... and desk-a's own batches are still stored.
    const auto own =
        sendRecords(server, server.deskA, batch("desk-client", 1, {event("a1", "sa", "started")}));
    CHECK(own.json() == json::parse(R"({"acked":1})"));
    CHECK(
        sendRecords(server, server.deskA, batch("desk-client", 2, {event("a2", "sa", "finished")}))
            .json() == json::parse(R"({"acked":2})"));
    CHECK(server.queryInt("SELECT count(*) FROM events WHERE id IN ('a1', 'a2')") == 2);
    CHECK(server.queryInt("SELECT count(*) FROM events WHERE id = 'b1'") == 0);
    CHECK(server.queryInt("SELECT count(*) FROM clients WHERE client_id = 'desk-client'") == 2);
}

TEST_CASE("A batch number far ahead of the last one gets 400", "[server][records]") {
    TestServer server;
    CHECK(sendRecords(server, server.deskA, batch("c", 1'000'001, {event("e1", "s1", "started")}))
              .status == 400);
    CHECK(sendRecords(server, server.deskA, batch("c", 1'000'000, {event("e1", "s1", "started")}))
              .json() == json::parse(R"({"acked":1000000})"));
    CHECK(sendRecords(server, server.deskA, batch("c", 2'000'001, {event("e2", "s1", "finished")}))
              .status == 400);
    CHECK(sendRecords(server, server.deskA, batch("c", 2'000'000, {event("e2", "s1", "finished")}))
              .json() == json::parse(R"({"acked":2000000})"));
    CHECK(server.queryInt("SELECT count(*) FROM events") == 2);
}

TEST_CASE("Back events and feedback without text are stored and reported", "[server][records]") {
    TestServer server;
    json::object untyped = feedback("f2", "");
    untyped.erase("text");
    untyped["kind"] = "wrong";
    const auto records = batch(
        "c", 1,
        {event("e1", "s1", "started"), event("e2", "s1", "back"), feedback("f1", ""), untyped});
    const auto acked = sendRecords(server, server.deskA, records);
    INFO(acked.body);
    CHECK(acked.json() == json::parse(R"({"acked":1})"));
    CHECK(server.queryInt("SELECT count(*) FROM events WHERE event = 'back'") == 1);
    const auto report = send(server.port(), get("/api/v1/reports/aar?guide=t.aar", server.authorA));
    const auto value = report.json();
    const auto& items = value.at("feedback").as_array();
    REQUIRE(items.size() == 2);
    CHECK(items[0].at("kind") == "unclear");
    CHECK(items[0].at("text") == "");
    CHECK(items[1].at("kind") == "wrong");
    CHECK(items[1].at("text") == "");
}

TEST_CASE("A malformed batch gets 400 and stores nothing", "[server][records]") {
    TestServer server;
    const std::string bad =
        GENERATE(std::string("{\"client\": \"c\", \"batch\": 1, \"records\": ["),   // truncated
                 std::string("[]"),                                                 // not an object
                 std::string("{\"client\": \"c\", \"batch\": 1}"),                  // no records
                 std::string("{\"client\": \"c\", \"batch\": 0, \"records\": []}"), // batch < 1
                 batch("c", 1, {event("e1", "s1", "started"), event("e2", "s1", "exploded")}),
                 batch("c", 1, {event("e1", "s1", "started"), json::object{{"type", "gossip"}}}),
                 batch("c", 1, {feedback("f1", std::string(4001, 'x'))}));
    const auto result = sendRecords(server, server.deskA, bad);
    INFO(bad.substr(0, 200));
    CHECK(result.status == 400);
    CHECK(result.json().at("error").is_string());
    CHECK(server.queryInt("SELECT count(*) FROM events") == 0);
    CHECK(server.queryInt("SELECT count(*) FROM feedback") == 0);
    CHECK(server.queryInt("SELECT count(*) FROM clients") == 0);
    // The client's batch 1 is still to come.
    const auto good =
        sendRecords(server, server.deskA, batch("c", 1, {event("e1", "s1", "started")}));
    CHECK(good.json() == json::parse(R"({"acked":1})"));
    CHECK(server.queryInt("SELECT count(*) FROM events") == 1);
}

TEST_CASE("The AAR report lists feedback, and no figure for fewer than 5 sessions",
          "[server][reports]") {
    TestServer server;
    json::object withSuggestion = feedback("f2", "Welke kenmerken?");
    withSuggestion["suggestion"] = "Noem de UV-kenmerken";
    withSuggestion["kind"] = "tip";
    const auto records =
        batch("desk-1", 1,
              {event("e1", "s1", "started"), event("e2", "s1", "finished"),
               event("e3", "s2", "started"), event("e4", "s2", "abandoned"),
               event("e5", "s3", "started"), feedback("f1", "Onduidelijk"), withSuggestion});
    REQUIRE(sendRecords(server, server.deskA, records).status == 200);

    const auto report = send(server.port(), get("/api/v1/reports/aar?guide=t.aar", server.authorA));
    INFO(report.body);
    REQUIRE(report.status == 200);
    const auto value = report.json();
    const auto& body = value.as_object();
    CHECK(body.at("guide") == "t.aar");
    CHECK(body.at("min_people") == 5);
    CHECK(body.at("sessions").is_null()); // 3 sessions of one desk: no figures
    CHECK(body.at("steps").as_array().empty());
    const auto& items = body.at("feedback").as_array();
    REQUIRE(items.size() == 2);
    CHECK(items[0].at("step") == "een");
    CHECK(items[0].at("kind") == "unclear");
    CHECK(items[0].at("text") == "Onduidelijk");
    CHECK(items[0].at("team") == "Balie A");
    CHECK(items[0].at("status") == "new");
    CHECK(items[0].at("revision") == 1);
    CHECK_FALSE(items[0].as_object().contains("suggestion"));
    CHECK(items[1].at("kind") == "tip");
    CHECK(items[1].at("suggestion") == "Noem de UV-kenmerken");

    CHECK(send(server.port(), get("/api/v1/reports/aar", server.authorA)).status == 400);
    CHECK(send(server.port(), get("/api/v1/reports/aar?guide=t.aar&from=gisteren", server.authorA))
              .status == 400);
    const auto other = send(server.port(), get("/api/v1/reports/aar?guide=t.other", server.adminA));
    CHECK(other.json().at("sessions").is_null());
}

TEST_CASE("Nothing crosses tenants", "[server][tenants]") {
    TestServer server;
    NotifyClient notifyB(server.port());
    REQUIRE(notifyB.connect(server.deskB) == 101);
    REQUIRE(notifyB.read());
    REQUIRE(publish(server, server.reviewerA, guideXml("t.shared", 2)).status == 201);
    REQUIRE(
        sendRecords(server, server.deskA, batch("c", 1, {event("e1", "s1", "started")})).status ==
        200);

    CHECK(send(server.port(), get("/api/v1/guides/t.shared", server.deskB)).status == 404);
    CHECK(send(server.port(), get("/api/v1/guides", server.deskB))
              .json()
              .at("guides")
              .as_array()
              .empty());
    const auto feed = send(server.port(), get("/api/v1/changes", server.deskB));
    CHECK(feed.json().at("changes").as_array().empty());
    CHECK(feed.json().at("last_seq") == 0);
    CHECK(send(server.port(), get("/api/v1/reports/aar?guide=t.aar", server.authorB))
              .json()
              .at("sessions")
              .is_null());
    CHECK_FALSE(notifyB.read(300ms)); // A's publish is not B's notice

    // B's feed and guides are its own: the same id starts over at revision 1.
    const auto published = publish(server, server.reviewerB, guideXml("t.shared", 1));
    CHECK(published.status == 201);
    CHECK(published.json().at("seq") == 1);
    // And B's client numbers batches on its own, too.
    CHECK(sendRecords(server, server.deskB, batch("c", 1, {event("e1", "s1", "started")})).json() ==
          json::parse(R"({"acked":1})"));
    CHECK(server.queryInt("SELECT count(*) FROM events") == 2);
}

TEST_CASE("Requests over a limit are refused and the server keeps serving", "[server][limits]") {
    TestServer server;
    SECTION("a guide body over 4 MiB") {
        const auto result = publish(server, server.reviewerA, std::string(5 * 1024 * 1024, 'x'));
        INFO(result.error);
        CHECK(result.status == 413);
    }
    SECTION("a record batch over 1 MiB") {
        const auto result = sendRecords(server, server.deskA, std::string(2 * 1024 * 1024, ' '));
        INFO(result.error);
        CHECK(result.status == 413);
        CHECK(server.queryInt("SELECT count(*) FROM events") == 0);
    }
    SECTION("a chunked body over the limit") {
        HttpCall call = post("/api/v1/records", server.deskA, std::string(2 * 1024 * 1024, ' '));
        call.chunked = true;
        const auto result = send(server.port(), call);
        INFO(result.error);
        CHECK(result.status == 413);
    }
    SECTION("headers over 8 KiB") {
        HttpCall call = get("/api/v1/guides", server.deskA);
        call.headers.emplace_back("X-Padding", std::string(10 * 1024, 'p'));
        const auto result = send(server.port(), call);
        INFO(result.error);
        CHECK(result.status == 413);
    }
    SECTION("a malformed request line") {
        HttpCall call = get("/api/v1/guides", server.deskA);
        call.headers.emplace_back("Content-Length", "many");
        const auto result = send(server.port(), call);
        INFO(result.error);
        CHECK(result.status == 400);
    }
    const auto after = send(server.port(), get("/healthz", ""));
    CHECK(after.status == 200);
}

TEST_CASE("A restart on the same data directory keeps everything", "[server][restart]") {
    TestServer server;
    REQUIRE(publish(server, server.reviewerA, guideXml("t.keep", 1)).status == 201);
    REQUIRE(
        sendRecords(server, server.deskA, batch("c", 1, {event("e1", "s1", "started")})).status ==
        200);
    server.restart();

    const auto guide = send(server.port(), get("/api/v1/guides/t.keep", server.deskA));
    CHECK(guide.status == 200);
    CHECK(send(server.port(), get("/api/v1/changes", server.deskA)).json().at("last_seq") == 1);
    CHECK(sendRecords(server, server.deskA, batch("c", 1, {event("e1", "s1", "started")})).json() ==
          json::parse(R"({"acked":1})"));
    CHECK(server.queryInt("SELECT count(*) FROM events") == 1);
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE action = 'publish'") == 1);
    NotifyClient notify(server.port());
    REQUIRE(notify.connect(server.deskA) == 101);
    const auto hello = notify.read();
    REQUIRE(hello);
    CHECK(json::parse(*hello) == json::parse(R"({"type":"hello","seq":1})"));
    const auto next = publish(server, server.reviewerA, guideXml("t.keep", 2));
    CHECK(next.json().at("seq") == 2);
}

TEST_CASE("Stopping closes the WebSocket sessions and finishes promptly", "[server][stop]") {
    TestServer server;
    NotifyClient notify(server.port());
    REQUIRE(notify.connect(server.deskA) == 101);
    REQUIRE(notify.read());
    const auto started = std::chrono::steady_clock::now();
    std::thread stopper([&server] { server.stop(); });
    CHECK_FALSE(notify.read(5s)); // the server's close frame ends the read
    stopper.join();
    CHECK(std::chrono::steady_clock::now() - started < 2s);
    CHECK(send(server.port(), get("/healthz", "")).status == 0);
}

TEST_CASE("A non-loopback address needs allowRemote", "[server][config]") {
    const auto dir = std::filesystem::temp_directory_path() / "souffleur-server-test-remote";
    souffleur::server::Server server({dir, "0.0.0.0", 0, 1, false});
    const auto started = server.start();
    REQUIRE_FALSE(started.has_value());
    CHECK(started.error().find("--allow-remote") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir));
}
