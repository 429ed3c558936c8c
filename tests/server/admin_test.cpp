// `souffleur-server admin` on a real store, and what its changes do to a
// running server: an issued token works, a revoked one stops working at once
// for requests (the access marker, token_directory.h) and within the recheck
// interval for open notify connections.
#include "test_support.h"

#include <souffleur/server/admin.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace souffleur::server;
using namespace souffleur::server::test;

namespace {

struct AdminRun {
    int status = 0;
    std::string out;
    std::string err;
};

AdminRun admin(const std::filesystem::path& dataDir, std::vector<std::string> args) {
    args.insert(args.begin(), {"--data", dataDir.string()});
    std::ostringstream out;
    std::ostringstream err;
    const int status = runAdmin(args, out, err);
    return {status, out.str(), err.str()};
}

} // namespace

TEST_CASE("admin sets up a municipality from nothing", "[server][admin]") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("souffleur-admin-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    CHECK(admin(dir, {"tenant", "add", "Gemeente Zuid"}).status == 0);
    CHECK(admin(dir, {"tenant", "add", "Gemeente Zuid"}).err.find("exists already") !=
          std::string::npos);
    CHECK(admin(dir, {"team", "add", "--tenant", "Gemeente Zuid", "Balie 1"}).status == 0);
    CHECK(admin(dir, {"account", "add", "--tenant", "Gemeente Zuid", "--role", "desk", "--team",
                      "Balie 1", "balie-1"})
              .status == 0);
    CHECK(
        admin(dir, {"account", "add", "--tenant", "Gemeente Zuid", "--role", "king", "x"}).status ==
        2);
    CHECK(admin(dir, {"account", "add", "--tenant", "Nergens", "--role", "desk", "x"})
              .err.find("no tenant 'Nergens'") != std::string::npos);
    CHECK(admin(dir, {"account", "add", "--tenant", "Gemeente Zuid", "--role", "desk", "--team",
                      "Geen", "x"})
              .status == 1);
    const auto issued =
        admin(dir, {"token", "issue", "--tenant", "Gemeente Zuid", "--account", "balie-1"});
    REQUIRE(issued.status == 0);
    CHECK(issued.out.size() == 65); // 64 hex digits and a newline
    const auto accounts = admin(dir, {"accounts", "--tenant", "Gemeente Zuid"});
    CHECK(accounts.out == "balie-1  desk  Balie 1  1 active tokens\n");
    CHECK(admin(dir, {"tenants"}).out == "Gemeente Zuid: 1 teams, 1 accounts\n");
    const auto audit = admin(dir, {"audit", "--tenant", "Gemeente Zuid"});
    CHECK(audit.out.find("admin-cli  token issue  balie-1  done  from local") != std::string::npos);
    CHECK(audit.out.find(issued.out.substr(0, 64)) == std::string::npos); // never the token
    std::ostringstream ignored;
    CHECK(runAdmin(std::vector<std::string>{"tenants"}, ignored, ignored) == 2); // no --data
    CHECK(admin(dir, {"frobnicate"}).status == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("A revoked token stops working, and its notify connection closes",
          "[server][admin][auth]") {
    Config config;
    config.tokenRecheckInterval = 100ms;
    // No periodic refresh of the tokens in memory: what admin does reaches
    // the server through the access marker alone.
    config.tokenRefreshInterval = std::chrono::hours(1);
    TestServer server(config);
    const auto inMemory = [&server] {
        const auto body = send(server.port(), get("/metrics", server.adminA)).body;
        const auto at = body.find("\nsouffleur_tokens_in_memory ");
        return at == std::string::npos ? -1 : std::stoi(body.substr(at + 28));
    };
    const int before = inMemory();
    REQUIRE(admin(server.dataDir(), {"account", "add", "--tenant", "Gemeente A", "--role", "desk",
                                     "--team", "Balie A", "balie-extra"})
                .status == 0);
    const auto issued = admin(server.dataDir(), {"token", "issue", "--tenant", "Gemeente A",
                                                 "--account", "balie-extra", "--days", "1"});
    REQUIRE(issued.status == 0);
    const std::string token = issued.out.substr(0, 64);
    CHECK(send(server.port(), get("/api/v1/guides", token)).status == 200);
    CHECK(inMemory() == before + 1); // read again after the marker moved
    CHECK(send(server.port(), get("/api/v1/guides", token)).status == 200);

    NotifyClient desk(server.port());
    REQUIRE(desk.connect(token) == 101);
    REQUIRE(desk.read().has_value()); // hello
    NotifyClient other(server.port());
    REQUIRE(other.connect(server.deskA) == 101);
    REQUIRE(other.read().has_value());

    REQUIRE(admin(server.dataDir(),
                  {"token", "revoke", "--tenant", "Gemeente A", "--account", "balie-extra"})
                .status == 0);
    CHECK(send(server.port(), get("/api/v1/guides", token)).status == 401); // the very next one
    CHECK(inMemory() == before);
    CHECK_FALSE(desk.read(5s).has_value()); // closed by the server, well before 5 s
    CHECK(desk.closeCode() == 1008);        // policy violation: the token is no longer valid
    CHECK_FALSE(other.read(300ms).has_value());
    CHECK(other.closeCode() == 0); // still open: only the revoked account's connection went
}

TEST_CASE("GET /metrics speaks Prometheus, to admins only", "[server][metrics]") {
    TestServer server;
    REQUIRE(send(server.port(), get("/api/v1/guides", server.deskA)).status == 200);
    REQUIRE(send(server.port(), get("/api/v1/guides/nope", server.deskA)).status == 404);
    REQUIRE(send(server.port(), get("/nowhere", server.deskA)).status == 404);
    CHECK(send(server.port(), get("/metrics", server.deskA)).status == 403);
    CHECK(send(server.port(), get("/metrics", "")).status == 401);
    const auto metrics = send(server.port(), get("/metrics", server.adminA));
    INFO(metrics.body);
    REQUIRE(metrics.status == 200);
    CHECK(metrics.contentType.starts_with("text/plain; version=0.0.4"));
    CHECK(
        metrics.body.find(
            "souffleur_requests_total{route=\"api/v1/guides\",method=\"GET\",status=\"200\"} 1") !=
        std::string::npos);
    CHECK(metrics.body.find("souffleur_requests_total{route=\"api/v1/guides/{id}\",method=\"GET\","
                            "status=\"404\"} 1") != std::string::npos);
    CHECK(metrics.body.find("souffleur_requests_total{route=\"unmatched\",method=\"GET\","
                            "status=\"404\"} 1") != std::string::npos);
    CHECK(metrics.body.find("souffleur_feed_sequence{tenant=\"1\"} 0") != std::string::npos);
    CHECK(metrics.body.find("# TYPE souffleur_storage_commit_seconds histogram") !=
          std::string::npos);
    CHECK(metrics.body.find("souffleur_connections_open ") != std::string::npos);
}

TEST_CASE("Too many requests from one address get 429 with Retry-After", "[server][limits]") {
    Config config;
    config.maxRequestsPerSecondPerAddress = 2; // bursts of 4
    TestServer server(config);
    HttpClient client(server.port());
    int refused = 0;
    std::string retryAfter;
    for (int i = 0; i < 20; ++i) {
        auto call = get("/api/v1/guides", server.deskA);
        const auto result = client.send(call);
        if (result.status == 429) {
            ++refused;
            CHECK(result.body.find("too many requests") != std::string::npos);
        } else {
            CHECK(result.status == 200);
        }
    }
    CHECK(refused >= 10); // 20 requests at once, a burst of 4 and 2 a second
    std::this_thread::sleep_for(1100ms);
    CHECK(client.send(get("/api/v1/guides", server.deskA)).status == 200); // refilled
}

TEST_CASE("A backup taken while serving restores, with a new feed epoch",
          "[server][admin][backup]") {
    TestServer server;
    const auto publish = [&](const std::string& id) {
        REQUIRE(send(server.port(),
                     post("/api/v1/guides", server.reviewerA, guideXml(id, 1), "application/xml"))
                    .status == 201);
    };
    const auto feed = [&] {
        return send(server.port(), get("/api/v1/changes?since=0", server.deskA)).json();
    };
    publish("t.voor");
    const auto before = feed();
    const std::string epoch(before.at("epoch").as_string());
    CHECK(epoch.size() == 32);
    CHECK(before.at("seq").as_int64() == 1);

    const auto backup = server.dataDir().parent_path() / "backup.sqlite";
    std::filesystem::remove(backup);
    const auto taken = admin(server.dataDir(), {"backup", backup.string()});
    INFO(taken.err);
    REQUIRE(taken.status == 0);
    CHECK(admin(server.dataDir(), {"backup", backup.string()}).err.find("exists") !=
          std::string::npos);
    publish("t.na"); // after the backup: lost by the restore

    // Not while the server runs, and never from a file that is not a store.
    const auto running = admin(server.dataDir(), {"restore", backup.string()});
    CHECK(running.status == 1);
    CHECK(running.err.find("stop the server first") != std::string::npos);
    server.stop();
    const auto junk = server.dataDir().parent_path() / "junk.sqlite";
    std::ofstream(junk) << "not a database";
    const auto refused = admin(server.dataDir(), {"restore", junk.string()});
    CHECK(refused.status == 1);
    CHECK(refused.err.find("cannot restore") != std::string::npos);
    CHECK(server.queryInt("SELECT count(*) FROM revisions") == 2); // untouched

    const auto restored = admin(server.dataDir(), {"restore", backup.string()});
    INFO(restored.err);
    REQUIRE(restored.status == 0);
    CHECK(restored.out.find("new feed epoch") != std::string::npos);
    server.restart();
    const auto after = feed();
    CHECK(std::string(after.at("epoch").as_string()) != epoch);
    CHECK(after.at("seq").as_int64() == 1);
    CHECK(after.at("changes").as_array().size() == 1);
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE action = 'store restore'") == 2);
    // The store it replaced is kept beside it, whole.
    int kept = 0;
    for (const auto& entry : std::filesystem::directory_iterator(server.dataDir()))
        kept += entry.path().filename().string().starts_with("souffleur.sqlite.before-restore-");
    CHECK(kept == 1);
}

TEST_CASE("Two servers never share a data directory", "[server][admin]") {
    TestServer server;
    Config second;
    second.dataDir = server.dataDir();
    second.port = 0;
    Server other(second);
    const auto started = other.start();
    REQUIRE_FALSE(started.has_value());
    CHECK(started.error().find("in use by another souffleur-server") != std::string::npos);
}

TEST_CASE("admin updates lists the desks that need an update, per item",
          "[server][admin][format]") {
    TestServer server;
    CHECK(admin(server.dataDir(), {"updates", "--tenant", "Gemeente A"}).out ==
          "no desk reported content it cannot show in the last 30 days\n");
    // A desk reports a guide of format 3 (revision 4, then the older revision 3 late).
    const auto report = [](const std::string& id, int revision) {
        return R"({"type": "update_needed", "id": ")" + id +
               R"(", "at": "2026-12-03T08:00:00Z", "kind": "guide", "item": "nl.x", "revision": )" +
               std::to_string(revision) + R"(, "format": 3, "reads": 2, "desk": "0.1.0"})";
    };
    const auto sent =
        send(server.port(), post("/api/v1/records", server.deskA,
                                 R"({"client": "c", "batch": 1, "protocol": 2, "records": [)" +
                                     report("u1", 4) + "," + report("u2", 3) + "]}"));
    REQUIRE(sent.status == 200);
    const auto listed = admin(server.dataDir(), {"updates", "--tenant", "Gemeente A"});
    CHECK(listed.status == 0);
    CHECK(listed.out == "2026-12-03T08:00:00Z  desk-a (Balie A)  guide nl.x revision 4 needs "
                        "format 3, the desk reads up to 2 (Souffleur 0.1.0)\n");
    CHECK(admin(server.dataDir(), {"updates", "--tenant", "Gemeente A", "--days", "0"}).status ==
          2);
    CHECK(
        admin(server.dataDir(), {"updates", "--tenant", "Gemeente B"}).out.starts_with("no desk"));
}
