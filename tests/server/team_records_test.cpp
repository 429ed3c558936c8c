// The teams' logbook and After Action Review records over real sockets: sent
// in record batches (stored once, whatever is retried; refused whole when
// malformed or from an account without a team), listed newest first by team
// (desks their own team's only, editors any team of their tenant, nothing
// across tenants), never naming the account; and the migration of a
// version-2 store (docs/api.md is the contract under test).
#include "test_support.h"

#include <souffleur/server/storage.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <unistd.h>

using namespace souffleur::server;
using namespace souffleur::server::test;
namespace json = boost::json;

namespace {

json::object logbookEntry(const std::string& id, const std::string& at, const std::string& text,
                          const std::string& guide = {}) {
    json::object out{{"type", "logbook"}, {"id", id}, {"at", at}, {"text", text}};
    if (!guide.empty())
        out["guide"] = guide;
    return out;
}

json::object aarRecord(const std::string& id, const std::string& at, const std::string& guide = {},
                       int actions = 2) {
    json::object out{{"type", "aar"},
                     {"id", id},
                     {"at", at},
                     {"from", "2026-11-01"},
                     {"to", "2026-11-30"},
                     {"expected", "Identiteit binnen 5 minuten vastgesteld"},
                     {"happened", "Vaak 10 minuten: de fotohokjes weigerden"},
                     {"why", "De camera bij balie 3 is kapot"},
                     {"improve", "De gemeentecamera gebruiken"}};
    if (!guide.empty())
        out["guide"] = guide;
    json::array list;
    for (int i = 0; i < actions; ++i)
        list.push_back(json::object{
            {"text", "Actie " + std::to_string(i + 1)}, {"guide", "nl.foto"}, {"step", "foto"}});
    out["actions"] = std::move(list);
    return out;
}

json::object event(const std::string& id) {
    return {{"type", "event"},
            {"id", id},
            {"session", "s1"},
            {"guide", "g"},
            {"revision", 1},
            {"event", "started"},
            {"at", "2026-11-23T12:00:00Z"}};
}

std::string batch(const std::string& client, std::int64_t number, json::array records) {
    return json::serialize(
        json::object{{"client", client}, {"batch", number}, {"records", std::move(records)}});
}

HttpResult sendRecords(const TestServer& server, const std::string& token,
                       const std::string& body) {
    return send(server.port(), post("/api/v1/records", token, body));
}

HttpResult list(const TestServer& server, const std::string& token, const std::string& target) {
    return send(server.port(), get(target, token));
}

// The ids of a list answer's entries under `key`, in order.
std::vector<std::string> ids(const HttpResult& result, const char* key) {
    std::vector<std::string> out;
    const auto value = result.json();
    if (!value.is_object() || !value.as_object().contains(key))
        return {"(no list: HTTP " + std::to_string(result.status) + " " + result.body + ")"};
    for (const auto& entry : value.at(key).as_array())
        out.emplace_back(entry.at("id").as_string());
    return out;
}

using Ids = std::vector<std::string>;

// A second team in Gemeente A, "Balie A2", with a desk account desk-a2; its token.
std::string addSecondTeam(const TestServer& server) {
    auto db = openStore(databasePath(server.dataDir()));
    REQUIRE(db.has_value());
    const auto tenant = findTenant(*db, "Gemeente A").value().value();
    const auto team = createTeam(*db, tenant, "Balie A2").value();
    const auto account = createAccount(*db, {tenant, team, "desk-a2", Role::Desk}).value();
    return issueToken(*db, account, std::chrono::hours(1)).value();
}

} // namespace

TEST_CASE("Logbook entries and AAR records are stored once against the team, however often the "
          "batch is sent",
          "[server][records][logbook]") {
    TestServer server;
    const auto first = batch(
        "desk-1", 1,
        {event("e1"), logbookEntry("l1", "2026-11-23T09:00:00Z", "Fotohokje kapot", "nl.foto"),
         aarRecord("a1", "2026-11-30T15:00:00Z", "nl.foto")});
    const auto acked = sendRecords(server, server.deskA, first);
    INFO(acked.body);
    REQUIRE(acked.status == 200);
    CHECK(acked.json() == json::parse(R"({"acked":1})"));
    const auto counts = [&server] {
        return std::vector<std::int64_t>{server.queryInt("SELECT count(*) FROM logbook"),
                                         server.queryInt("SELECT count(*) FROM aar_records"),
                                         server.queryInt("SELECT count(*) FROM aar_actions")};
    };
    CHECK(counts() == std::vector<std::int64_t>{1, 1, 2});

    SECTION("the same batch again: acknowledged, a no-op") {
        CHECK(sendRecords(server, server.deskA, first).json() == json::parse(R"({"acked":1})"));
        CHECK(counts() == std::vector<std::int64_t>{1, 1, 2});
    }
    SECTION("the ids again in a later batch, with other contents: ignored") {
        const auto again = batch("desk-1", 2,
                                 {logbookEntry("l1", "2026-11-24T09:00:00Z", "Anders"),
                                  aarRecord("a1", "2026-12-01T15:00:00Z", {}, 5)});
        CHECK(sendRecords(server, server.deskA, again).json() == json::parse(R"({"acked":2})"));
        CHECK(counts() == std::vector<std::int64_t>{1, 1, 2});
        CHECK(server.queryInt("SELECT count(*) FROM logbook WHERE text = 'Fotohokje kapot'") == 1);
    }
    SECTION("the ids again from another desk client of the team: ignored") {
        const auto other = batch("desk-2", 1, {logbookEntry("l1", "2026-11-24T09:00:00Z", "x")});
        CHECK(sendRecords(server, server.authorA, other).json() == json::parse(R"({"acked":1})"));
        CHECK(counts() == std::vector<std::int64_t>{1, 1, 2});
    }
    SECTION("stored against the team; the account only for the audit") {
        CHECK(server.queryInt("SELECT count(*) FROM logbook AS l JOIN teams AS t ON "
                              "t.id = l.team_id WHERE t.name = 'Balie A'") == 1);
        CHECK(server.queryInt("SELECT count(*) FROM aar_records AS a JOIN accounts AS c ON "
                              "c.id = a.account_id WHERE c.name = 'desk-a'") == 1);
        CHECK(server.queryInt("SELECT count(*) FROM aar_records WHERE period_from = '2026-11-01' "
                              "AND period_to = '2026-11-30' AND guide_id = 'nl.foto'") == 1);
    }
}

TEST_CASE("A batch with a malformed logbook or AAR record gets 400 and stores nothing",
          "[server][records][logbook][hostile]") {
    TestServer server;
    json::object noText = logbookEntry("l1", "2026-11-23T09:00:00Z", "x");
    noText.erase("text");
    json::object badAt = logbookEntry("l1", "vorige week", "x");
    json::object noWhy = aarRecord("a1", "2026-11-30T15:00:00Z");
    noWhy.erase("why");
    json::object tooManyActions = aarRecord("a1", "2026-11-30T15:00:00Z", {}, 21);
    json::object longAction = aarRecord("a1", "2026-11-30T15:00:00Z", {}, 3);
    longAction["actions"].as_array()[2].as_object()["text"] = std::string(4001, 'x');
    json::object backwards = aarRecord("a1", "2026-11-30T15:00:00Z");
    backwards["from"] = "2026-12-01";
    const auto [record, expected] = GENERATE_COPY(
        std::pair{noText, std::string("records[1]: \"text\" is missing")},
        std::pair{badAt,
                  std::string("records[1]: \"at\" must be an ISO 8601 time beginning YYYY-MM-DD")},
        std::pair{logbookEntry("l1", "2026-11-23T09:00:00Z", std::string(4001, 'x')),
                  std::string("records[1]: \"text\" is longer than 4000 characters")},
        std::pair{noWhy, std::string("records[1]: \"why\" is missing")},
        std::pair{tooManyActions,
                  std::string("records[1]: \"actions\" must be an array of at most 20 objects")},
        std::pair{longAction, std::string("records[1].actions[2]: \"text\" is longer than 4000 "
                                          "characters")},
        std::pair{backwards, std::string("records[1]: \"to\" is before \"from\"")});
    const auto result = sendRecords(server, server.deskA, batch("c", 1, {event("e1"), record}));
    INFO(result.body);
    CHECK(result.status == 400);
    CHECK(std::string(result.json().at("error").as_string()) == expected);
    for (const char* table : {"events", "logbook", "aar_records", "aar_actions", "clients"})
        CHECK(server.queryInt(std::string("SELECT count(*) FROM ") + table) == 0);
    // The client's batch 1 is still to come.
    CHECK(sendRecords(server, server.deskA, batch("c", 1, {event("e1")})).json() ==
          json::parse(R"({"acked":1})"));
}

TEST_CASE("Logbook and AAR records need an account in a team", "[server][records][logbook]") {
    TestServer server;
    // reviewer-a has no team: the batch is refused whole, naming the record.
    const auto refused = sendRecords(server, server.reviewerA,
                                     batch("r", 1,
                                           {event("e1"), aarRecord("a1", "2026-11-30T15:00:00Z"),
                                            logbookEntry("l1", "2026-11-23T09:00:00Z", "x")}));
    INFO(refused.body);
    CHECK(refused.status == 400);
    CHECK(refused.json().at("error") ==
          "records[1]: a \"aar\" record belongs to the sender's team, and this account has none");
    for (const char* table : {"events", "logbook", "aar_records", "clients"})
        CHECK(server.queryInt(std::string("SELECT count(*) FROM ") + table) == 0);
    // Its other records are welcome.
    CHECK(sendRecords(server, server.reviewerA, batch("r", 1, {event("e1")})).json() ==
          json::parse(R"({"acked":1})"));
    // An account in a team of any role may write to its team's logbook.
    CHECK(sendRecords(server, server.authorA,
                      batch("a", 1, {logbookEntry("l1", "2026-11-23T09:00:00Z", "x")}))
              .status == 200);
}

TEST_CASE("The logbook and AAR lists are newest first, filtered and paged", "[server][logbook]") {
    TestServer server;
    // Sent out of order: the list follows the desks' times (`at`).
    REQUIRE(sendRecords(server, server.deskA,
                        batch("c", 1,
                              {logbookEntry("l2", "2026-11-20T10:00:00Z", "twee", "nl.foto"),
                               logbookEntry("l3", "2026-11-25T10:00:00Z", "drie"),
                               logbookEntry("l1", "2026-11-01T10:00:00Z", "een", "nl.foto"),
                               aarRecord("a1", "2026-10-31T15:00:00Z", "nl.foto"),
                               aarRecord("a2", "2026-11-30T15:00:00Z", "nl.rijbewijs")}))
                .status == 200);
    const auto logbook = [&](const std::string& query) {
        return ids(list(server, server.authorA, "/api/v1/logbook" + query), "logbook");
    };
    const auto aars = [&](const std::string& query) {
        return ids(list(server, server.authorA, "/api/v1/aar-records" + query), "aar_records");
    };
    CHECK(logbook("") == Ids{"l3", "l2", "l1"});
    CHECK(logbook("?team=Balie%20A") == Ids{"l3", "l2", "l1"});
    CHECK(logbook("?limit=2") == Ids{"l3", "l2"});
    CHECK(logbook("?limit=2&offset=2") == Ids{"l1"});
    CHECK(logbook("?limit=100000") == Ids{"l3", "l2", "l1"}); // at most 500
    CHECK(logbook("?since=2026-11-20") == Ids{"l3", "l2"});
    CHECK(logbook("?guide=nl.foto") == Ids{"l2", "l1"});
    CHECK(aars("") == Ids{"a2", "a1"});
    CHECK(aars("?guide=nl.foto") == Ids{"a1"});
    CHECK(aars("?since=2026-11-01") == Ids{"a2"});

    const auto full = list(server, server.authorA, "/api/v1/aar-records?guide=nl.foto");
    const auto entry = full.json().at("aar_records").at(0);
    CHECK(entry.at("team") == "Balie A");
    CHECK(entry.at("from") == "2026-11-01");
    CHECK(entry.at("why") == "De camera bij balie 3 is kapot");
    CHECK(json::serialize(entry.at("actions")) ==
          R"([{"text":"Actie 1","guide":"nl.foto","step":"foto"},)"
          R"({"text":"Actie 2","guide":"nl.foto","step":"foto"}])");

    for (const auto* target :
         {"/api/v1/logbook?since=gisteren", "/api/v1/logbook?limit=0", "/api/v1/logbook?offset=-1",
          "/api/v1/aar-records?since=2026-11", "/api/v1/aar-records?limit=x"}) {
        INFO(target);
        CHECK(list(server, server.authorA, target).status == 400);
    }
}

TEST_CASE("Desks read their own team's logbook, editors any team of their tenant, and nothing "
          "crosses tenants",
          "[server][logbook][tenants]") {
    TestServer server;
    const std::string deskA2 = addSecondTeam(server);
    REQUIRE(sendRecords(server, server.deskA,
                        batch("c", 1,
                              {logbookEntry("la", "2026-11-23T09:00:00Z", "A"),
                               aarRecord("aa", "2026-11-23T15:00:00Z")}))
                .status == 200);
    REQUIRE(sendRecords(server, deskA2,
                        batch("c", 1,
                              {logbookEntry("la2", "2026-11-24T09:00:00Z", "A2"),
                               aarRecord("aa2", "2026-11-24T15:00:00Z")}))
                .status == 200);
    REQUIRE(sendRecords(server, server.deskB,
                        batch("c", 1,
                              {logbookEntry("lb", "2026-11-25T09:00:00Z", "B"),
                               aarRecord("ab", "2026-11-25T15:00:00Z")}))
                .status == 200);

    const auto status = [&](const std::string& token, const std::string& target) {
        return list(server, token, target).status;
    };
    for (const auto& [path, key, a, a2, b] :
         {std::tuple{"/api/v1/logbook", "logbook", "la", "la2", "lb"},
          std::tuple{"/api/v1/aar-records", "aar_records", "aa", "aa2", "ab"}}) {
        const std::string base = path;
        INFO(base);
        const auto listed = [&](const std::string& token, const std::string& query) {
            return ids(list(server, token, base + query), key);
        };
        // A desk: its own team, named or not; any other name is refused, and audited.
        CHECK(listed(server.deskA, "") == Ids{a});
        CHECK(listed(server.deskA, "?team=Balie%20A") == Ids{a});
        CHECK(listed(deskA2, "") == Ids{a2});
        CHECK(status(server.deskA, base + "?team=Balie%20A2") == 403);
        CHECK(status(server.deskA, base + "?team=Balie%20B") == 403);
        CHECK(status(server.deskA, base + "?team=Nergens") == 403);
        CHECK(server.queryInt("SELECT count(*) FROM audit WHERE outcome = 'forbidden' AND "
                              "actor = 'desk-a' AND action = 'access' AND target = 'GET " +
                              base + " (team Balie A2)'") == 1);
        // Authors, reviewers and admins: every team of their tenant, or one by name.
        for (const auto* token : {&server.authorA, &server.reviewerA, &server.adminA}) {
            CHECK(listed(*token, "") == Ids{a2, a});
            CHECK(listed(*token, "?team=Balie%20A2") == Ids{a2});
            CHECK(status(*token, base + "?team=Balie%20B") == 404); // another tenant's team
            CHECK(status(*token, base + "?team=Nergens") == 404);
        }
        // The other tenant sees its own, never A's.
        CHECK(listed(server.deskB, "") == Ids{b});
        CHECK(listed(server.adminB, "") == Ids{b});
        CHECK(listed(server.authorB, "?team=Balie%20B") == Ids{b});
        CHECK(status(server.adminB, base + "?team=Balie%20A") == 404);
        CHECK(status(server.deskB, base + "?team=Balie%20A") == 403);
    }
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE outcome = 'forbidden'") == 8);
}

TEST_CASE("The logbook and AAR lists show the team, never the account",
          "[server][logbook][privacy]") {
    TestServer server;
    REQUIRE(sendRecords(server, server.deskA,
                        batch("c", 1,
                              {logbookEntry("l1", "2026-11-23T09:00:00Z", "x", "g"),
                               aarRecord("a1", "2026-11-23T15:00:00Z", "g")}))
                .status == 200);
    const auto accountId = std::to_string(
        server.queryInt("SELECT id FROM accounts WHERE name = 'desk-a'")); // kept for the audit
    CHECK(server.queryInt("SELECT count(*) FROM logbook WHERE account_id = " + accountId) == 1);
    for (const auto& [target, key, fields] :
         {std::tuple{"/api/v1/logbook", "logbook",
                     std::set<std::string>{"id", "team", "at", "text", "guide", "created_at"}},
          std::tuple{"/api/v1/aar-records", "aar_records",
                     std::set<std::string>{"id", "team", "at", "guide", "from", "to", "expected",
                                           "happened", "why", "improve", "actions",
                                           "created_at"}}}) {
        for (const auto* token : {&server.deskA, &server.authorA, &server.adminA}) {
            const auto answer = list(server, *token, target);
            INFO(answer.body);
            REQUIRE(answer.status == 200);
            CHECK(answer.body.find("desk-a") == std::string::npos);
            CHECK(answer.body.find("account") == std::string::npos);
            const auto value = answer.json();
            const auto& entries = value.at(key).as_array();
            REQUIRE(entries.size() == 1);
            std::set<std::string> keys;
            for (const auto& member : entries[0].as_object())
                keys.emplace(member.key());
            CHECK(keys == fields);
        }
    }
}

TEST_CASE("A version-2 store migrates to version 3: the teams' logbook and AAR records",
          "[server][storage][logbook]") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("souffleur-migrate-v2-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    {
        // The tables of version 2 that versions 3 to 7 rely on, as version 2
        // left them (version 7 adds a column to the revisions).
        auto db = souffleur::sqlite::Database::open(dir / "souffleur.sqlite");
        REQUIRE(db.has_value());
        REQUIRE(db->exec(R"sql(
CREATE TABLE tenants (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE teams (id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL, UNIQUE (tenant_id, name));
CREATE TABLE accounts (id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL, team_id INTEGER,
    name TEXT NOT NULL, role TEXT NOT NULL, UNIQUE (tenant_id, name));
CREATE TABLE clients (tenant_id INTEGER NOT NULL, account_id INTEGER NOT NULL,
    client_id TEXT NOT NULL, last_batch INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, account_id, client_id));
CREATE TABLE revisions (tenant_id INTEGER NOT NULL, guide_id TEXT NOT NULL,
    revision INTEGER NOT NULL, xml TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, guide_id, revision));
CREATE TABLE feedback (tenant_id INTEGER NOT NULL, id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new', PRIMARY KEY (tenant_id, id));
CREATE TABLE events (tenant_id INTEGER NOT NULL, guide_id TEXT NOT NULL, at TEXT NOT NULL);
INSERT INTO feedback VALUES (1, 'f-accepted', 'accepted'), (1, 'f-done', 'done');
INSERT INTO tenants VALUES (1, 'Gemeente A');
INSERT INTO teams VALUES (1, 1, 'Balie A');
INSERT INTO accounts VALUES (1, 1, 1, 'desk-a', 'desk');
INSERT INTO clients VALUES (1, 1, 'c', 4);
PRAGMA user_version = 2;
)sql")
                    .has_value());
    }
    auto db = openStore(dir / "souffleur.sqlite");
    if (!db)
        FAIL(db.error().message);
    CHECK(db->queryInt("PRAGMA user_version").value() == souffleur::server::storeSchemaVersion());
    CHECK(db->queryInt("SELECT last_batch FROM clients").value() == 4); // kept
    // Schema v9: the feedback states of v2 get the inbox's names.
    CHECK(db->queryText("SELECT status FROM feedback WHERE id = 'f-accepted'").value() ==
          "planned");
    CHECK(db->queryText("SELECT status FROM feedback WHERE id = 'f-done'").value() == "applied");
    CHECK(db->queryInt("SELECT count(*) FROM logbook").value() == 0);

    // The new tables take what applyRecords writes (tested over the API above).
    REQUIRE(db->exec(R"sql(
INSERT INTO logbook (tenant_id, id, team_id, account_id, at, text, created_at)
    VALUES (1, 'l1', 1, 1, '2026-11-23T09:00:00Z', 'Na de migratie', '2026-11-23T09:00:01Z');
INSERT INTO aar_records (tenant_id, id, team_id, account_id, at, expected, happened, why,
    improve, created_at) VALUES (1, 'a1', 1, 1, '2026-11-23T15:00:00Z', 'e', 'h', 'w', 'i',
    '2026-11-23T15:00:01Z');
INSERT INTO aar_actions (tenant_id, aar_id, position, text) VALUES (1, 'a1', 0, 'actie');
)sql")
                .has_value());
    const auto entries = listLogbook(*db, 1, {});
    REQUIRE(entries.has_value());
    REQUIRE(entries->size() == 1);
    CHECK(entries->at(0).team == "Balie A");
    CHECK(entries->at(0).text == "Na de migratie");
    const auto aars = listAarRecords(*db, 1, {});
    REQUIRE(aars.has_value());
    REQUIRE(aars->size() == 1);
    CHECK(aars->at(0).actions.at(0).text == "actie");
    *db = {};
    std::filesystem::remove_all(dir);
}
