// The evidence for After Action Reviews over the real server: the rule that
// a figure needs five desk accounts behind it (not five sessions), whole-month
// cells per team that no two queries can be subtracted around, the figures
// themselves, team leads kept to their own team, and retention reducing old
// records to the same figures.
#include "test_support.h"

#include <souffleur/server/evidence.h>
#include <souffleur/server/retention.h>
#include <souffleur/server/storage.h>
#include <souffleur/server/xapi.h>

#include <boost/beast/http/verb.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using namespace souffleur::server;
using namespace souffleur::server::test;
namespace json = boost::json;

namespace {

constexpr const char* kGuide = "t.aar";

// An event of guide t.aar.
json::object event(const std::string& id, const std::string& session, const std::string& kind,
                   const std::string& at, std::optional<std::string> step = {},
                   std::optional<int> durationMs = {}, std::optional<std::string> option = {}) {
    json::object e{{"type", "event"}, {"id", id},      {"session", session},
                   {"guide", kGuide}, {"revision", 1}, {"event", kind},
                   {"at", at}};
    if (step)
        e["step"] = *step;
    if (durationMs)
        e["duration_ms"] = *durationMs;
    if (option)
        e["option"] = *option;
    return e;
}

HttpResult sendBatch(const TestServer& server, const std::string& token, json::array records,
                     std::int64_t number = 1) {
    return send(server.port(),
                post("/api/v1/records", token,
                     json::serialize(json::object{{"client", "c"},
                                                  {"batch", number},
                                                  {"protocol", 2},
                                                  {"records", std::move(records)}})));
}

// `count` desk accounts of a team (desk-a is the first of Balie A, desk-c of Balie C).
std::vector<std::string> desks(TestServer& server, const std::string& team, int count) {
    std::vector<std::string> out;
    if (team == "Balie A")
        out.push_back(server.deskA);
    if (team == "Balie C")
        out.push_back(server.deskC);
    for (int i = static_cast<int>(out.size()); i < count; ++i)
        out.push_back(server.addAccount(
            "Gemeente A", team, "desk-" + team.substr(6) + "-" + std::to_string(i), Role::Desk));
    return out;
}

// One session at a desk: started, step "een" shown and done (with its
// duration), a decision on it, step "twee" shown (when `twee`), finished.
json::array session(const std::string& id, const std::string& day, int durationMs,
                    const std::string& option, bool twee = true) {
    const std::string at = day + "T10:00:00Z";
    json::array records{event(id + "-1", id, "started", at, "een"),
                        event(id + "-2", id, "step_shown", at, "een"),
                        event(id + "-3", id, "decision", at, "een", durationMs, option)};
    if (twee)
        records.push_back(event(id + "-4", id, "step_shown", at, "twee"));
    records.push_back(event(id + "-5", id, "finished", at, "twee"));
    return records;
}

json::value evidenceOf(const TestServer& server, const std::string& query,
                       const std::string& token) {
    const auto answer = send(server.port(), get("/api/v1/evidence?guide=t.aar" + query, token));
    INFO(answer.body);
    REQUIRE(answer.status == 200);
    return answer.json();
}

const json::object& guideOf(const json::value& evidence) {
    return evidence.at("guides").as_array().at(0).as_object();
}

} // namespace

TEST_CASE("A figure needs five desk accounts behind it, not five sessions",
          "[server][evidence][privacy]") {
    TestServer server;
    // One employee alone: six sessions, no figure.
    json::array alone;
    for (int i = 0; i < 6; ++i) {
        for (auto& record : session("a" + std::to_string(i), "2026-11-10", 1000, "twee"))
            alone.push_back(std::move(record));
    }
    REQUIRE(sendBatch(server, server.deskA, std::move(alone)).status == 200);
    auto evidence = evidenceOf(server, "&from=2026-11&to=2026-11", server.authorA);
    CHECK(guideOf(evidence).at("sessions").is_null());
    CHECK(guideOf(evidence).at("cells_withheld") == 1);
    CHECK(guideOf(evidence).at("steps").as_array().empty());
    CHECK(evidence.at("min_people") == 5);

    // Four more desks: five people behind the month; step "twee" was shown
    // at four desks only.
    const auto team = desks(server, "Balie A", 5);
    for (int d = 1; d < 5; ++d)
        REQUIRE(sendBatch(server, team[static_cast<std::size_t>(d)],
                          session("b" + std::to_string(d), "2026-11-11", 2000, "drie", d < 4))
                    .status == 200);
    evidence = evidenceOf(server, "&from=2026-11&to=2026-11", server.authorA);
    const auto& guide = guideOf(evidence);
    CHECK(guide.at("sessions") == json::parse(R"({"started":10,"finished":10,"abandoned":0})"));
    CHECK(guide.at("cells_withheld") == 0);
    const auto& steps = guide.at("steps").as_array();
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].at("step") == "een");
    CHECK(steps[0].at("sessions") == 10);
    CHECK(steps[0].at("decisions") == json::parse(R"({"drie":4,"twee":6})"));
    CHECK(steps[0].at("median_ms") == 1000); // nearest rank: six of 1000, four of 2000
    CHECK(steps[0].at("p90_ms") == 2000);
    CHECK(guide.at("steps_withheld") == 1);
    // The old report route answers the same figures for one guide.
    const auto report =
        send(server.port(), get("/api/v1/reports/aar?guide=t.aar&from=2026-11-03", server.leadA));
    INFO(report.body);
    CHECK(report.json().at("sessions").at("started") == 10);
    CHECK(report.json().at("from") == "2026-11");
}

TEST_CASE("Periods are whole months and every sum is of released cells only",
          "[server][evidence][privacy]") {
    TestServer server;
    const auto a = desks(server, "Balie A", 5);
    const auto c = desks(server, "Balie C", 3);
    // October: five desks of A. November: three desks of A, three of C.
    for (std::size_t d = 0; d < a.size(); ++d)
        REQUIRE(sendBatch(server, a[d], session("o" + std::to_string(d), "2026-10-05", 500, "x"))
                    .status == 200);
    for (std::size_t d = 0; d < 3; ++d) {
        REQUIRE(sendBatch(server, a[d], session("n" + std::to_string(d), "2026-11-05", 500, "x"), 2)
                    .status == 200);
        REQUIRE(sendBatch(server, c[d], session("c" + std::to_string(d), "2026-11-05", 500, "x"))
                    .status == 200);
    }
    const auto started = [](const json::value& evidence) -> std::int64_t {
        const auto& sessions = guideOf(evidence).at("sessions");
        return sessions.is_null() ? 0 : sessions.at("started").as_int64();
    };
    // A date is its month: 2026-10-20 .. 2026-11-02 is October and November.
    const auto both = evidenceOf(server, "&from=2026-10-20&to=2026-11-02", server.authorA);
    const auto october = evidenceOf(server, "&from=2026-10&to=2026-10", server.authorA);
    const auto november = evidenceOf(server, "&from=2026-11&to=2026-11", server.authorA);
    CHECK(both.at("from") == "2026-10");
    CHECK(both.at("to") == "2026-11");
    CHECK(started(october) == 5);
    CHECK(started(november) == 0); // three and three: both teams' cells withheld
    // Subtracting one query from another leaves released cells, never a person.
    CHECK(started(both) - started(october) == started(november));
    CHECK(guideOf(both).at("cells_withheld") == 2);
    // The tenant-wide figure is the teams' released cells: A's October only.
    const auto& teams = guideOf(both).at("teams").as_array();
    REQUIRE(teams.size() == 1);
    CHECK(teams[0].at("team") == "Balie A");
    CHECK(guideOf(both).at("teams_withheld") == 1);
    // The trend: October released, November withheld.
    const auto& trend = guideOf(both).at("trend").as_array();
    REQUIRE(trend.size() >= 12);
    CHECK(trend.back().at("month") == "2026-11");
    CHECK(trend.back().at("sessions").is_null());
    CHECK(trend[trend.size() - 2].at("sessions").at("started") == 5);
}

TEST_CASE("Evidence: publications, acknowledgements per five accounts, feedback, logbook",
          "[server][evidence]") {
    TestServer server;
    REQUIRE(send(server.port(),
                 post("/api/v1/guides", server.reviewerA, guideXml(kGuide, 1), "application/xml"))
                .status == 201);
    REQUIRE(
        send(server.port(),
             post("/api/v1/alerts", server.authorA,
                  "<?xml version=\"1.0\"?><alert xmlns=\"urn:x-souffleur:guide:1\" "
                  "id=\"t.alert\" revision=\"1\" level=\"warning\"><title>Let op</title>"
                  "<body><p>Kijk goed.</p></body><attach guide=\"t.aar\" step=\"een\"/></alert>",
                  "application/xml"))
            .status == 201);
    const auto a = desks(server, "Balie A", 5);
    const auto c = desks(server, "Balie C", 4);
    const std::string today = currentMonth() + "-01T09:00:00Z";
    for (const auto* team : {&a, &c}) {
        for (std::size_t d = 0; d < team->size(); ++d)
            REQUIRE(sendBatch(server, (*team)[d],
                              {json::object{{"type", "ack"},
                                            {"id", "ack-" + std::to_string(d)},
                                            {"alert", "t.alert"},
                                            {"revision", 1},
                                            {"at", today}}})
                        .status == 200);
    }
    REQUIRE(sendBatch(server, server.deskA,
                      {json::object{{"type", "feedback"},
                                    {"id", "f1"},
                                    {"guide", kGuide},
                                    {"revision", 1},
                                    {"step", "een"},
                                    {"kind", "unclear"},
                                    {"text", "Welke kenmerken?"}},
                       json::object{{"type", "logbook"},
                                    {"id", "l1"},
                                    {"at", today},
                                    {"text", "UV-lamp zwak bij balie 4"},
                                    {"guide", kGuide},
                                    {"step", "een"}}},
                      2)
                .status == 200);

    const auto tenantWide = evidenceOf(server, "", server.authorA);
    const auto& guide = guideOf(tenantWide);
    CHECK(guide.at("title") == "Test");
    REQUIRE(guide.at("published").as_array().size() == 1);
    CHECK(guide.at("published").as_array()[0].at("revision") == 1);
    REQUIRE(guide.at("alerts").as_array().size() == 1);
    CHECK(guide.at("alerts").as_array()[0].at("acknowledged") == 5); // Balie C's four withheld
    REQUIRE(guide.at("feedback").as_array().size() == 1);
    CHECK(guide.at("feedback").as_array()[0].at("team") == "Balie A");
    CHECK_FALSE(tenantWide.as_object().contains("team"));
    CHECK(tenantWide.at("logbook").as_array().empty()); // a team's only

    // The team lead: its own team, with the logbook.
    const auto own = evidenceOf(server, "", server.leadA);
    CHECK(own.at("team") == "Balie A");
    REQUIRE(own.at("logbook").as_array().size() == 1);
    CHECK(own.at("logbook").as_array()[0].at("text") == "UV-lamp zwak bij balie 4");
    const auto forC = evidenceOf(server, "&team=Balie%20C", server.authorA);
    CHECK(guideOf(forC).at("alerts").as_array()[0].at("acknowledged").is_null());
}

TEST_CASE("Team leads see their own team's evidence only; the rest is refused and audited",
          "[server][evidence][auth]") {
    TestServer server;
    const auto refused =
        send(server.port(), get("/api/v1/evidence?guide=t.aar&team=Balie%20C", server.leadA));
    CHECK(refused.status == 403);
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE actor = 'lead-a' AND "
                          "outcome = 'forbidden' AND target LIKE 'GET /api/v1/evidence%'") == 1);
    CHECK(send(server.port(), get("/api/v1/evidence?guide=t.aar", server.deskA)).status == 403);
    CHECK(send(server.port(), get("/api/v1/evidence?guide=t.aar&team=Balie%20B", server.authorA))
              .status == 404);
    CHECK(send(server.port(), get("/api/v1/evidence?guide=t.aar&team=Balie%20A", server.leadA))
              .status == 200);

    SECTION("bad periods and queries get a clear 400") {
        for (const std::string query :
             {"", "?guide=t.aar&from=2026-13", "?guide=t.aar&from=2026-11&to=2026-10",
              "?guide=t.aar&from=gisteren", "?guide=t.aar&from=2023-01&to=2026-11",
              "?guide=a&guide=b&guide=c&guide=d&guide=e&guide=f&guide=g&guide=h&guide=i&guide=j"
              "&guide=k"}) {
            INFO(query);
            const auto answer =
                send(server.port(), get("/api/v1/evidence" + query, server.authorA));
            CHECK(answer.status == 400);
            CHECK(answer.json().at("error").is_string());
        }
    }
}

TEST_CASE("Retention reduces old months to aggregates, deletes their records, keeps the figures",
          "[server][evidence][retention]") {
    TestServer server;
    const auto a = desks(server, "Balie A", 5);
    for (std::size_t d = 0; d < a.size(); ++d) {
        auto records = session("r" + std::to_string(d), "2026-11-05",
                               1000 * static_cast<int>(d + 1), d < 2 ? "x" : "y");
        records.push_back(json::object{{"type", "feedback"},
                                       {"id", "fb" + std::to_string(d)},
                                       {"guide", kGuide},
                                       {"revision", 1},
                                       {"kind", "tip"},
                                       {"text", "Tip"}});
        REQUIRE(sendBatch(server, a[d], std::move(records)).status == 200);
    }
    REQUIRE(
        send(server.port(), post("/api/v1/feedback/fb0", server.authorA, R"({"status": "applied"})",
                                 "application/json", boost::beast::http::verb::patch))
            .status == 200);
    const auto before = evidenceOf(server, "&from=2026-11&to=2026-11", server.authorA);
    server.stop();
    {
        auto db = openStore(databasePath(server.dataDir()));
        REQUIRE(db);
        const auto tenant = findTenant(*db, "Gemeente A").value().value();
        REQUIRE(setRetentionMonths(*db, tenant, 1));
        // A statement that never reached an LRS (xAPI turned off) goes too.
        REQUIRE(db->execute("INSERT INTO xapi_queue (tenant_id, statement_id, statement, next_at, "
                            "created_at) VALUES (?, 'old', '{}', '2026-11-05', '2026-11-05')",
                            tenant));
        // Counted from January 2027, with one month kept, November 2026 goes.
        const auto outcome = applyRetention(*db, tenant, "2027-01");
        REQUIRE(outcome);
        CHECK(outcome->cutoff == "2026-12");
        CHECK(outcome->cells == 1);
        CHECK(outcome->events == 25);
        CHECK(outcome->feedback == 0); // created now (December), not November
        CHECK(outcome->statements == 1);
        CHECK(
            db->queryInt("SELECT count(*) FROM evidence_people WHERE month = '2026-11'").value() ==
            0);
        CHECK(db->queryInt("SELECT count(*) FROM audit WHERE action = 'retention'").value() == 1);
        // Nothing left to reduce: no second audit row.
        REQUIRE(applyRetention(*db, tenant, "2027-01"));
        CHECK(db->queryInt("SELECT count(*) FROM audit WHERE action = 'retention'").value() == 1);
    }
    server.restart();
    CHECK(server.queryInt("SELECT count(*) FROM events") == 0);
    const auto after = evidenceOf(server, "&from=2026-11&to=2026-11", server.authorA);
    const auto& was = guideOf(before);
    const auto& is = guideOf(after);
    CHECK(is.at("sessions") == was.at("sessions"));
    CHECK(is.at("steps").as_array().size() == was.at("steps").as_array().size());
    const auto& step = is.at("steps").as_array().at(0);
    CHECK(step.at("decisions") == was.at("steps").as_array().at(0).at("decisions"));
    // Step times from the histogram: within its 5% bins.
    const auto wasMedian =
        static_cast<double>(was.at("steps").as_array()[0].at("median_ms").as_int64());
    CHECK(static_cast<double>(step.at("median_ms").as_int64()) == Approx(wasMedian).epsilon(0.05));

    // A desk that was offline brings records of a month past the period: not kept.
    {
        auto db = openStore(databasePath(server.dataDir()));
        REQUIRE(db);
        REQUIRE(setRetentionMonths(*db, findTenant(*db, "Gemeente A").value().value(), 1));
    }
    const auto month = shiftMonth(currentMonth(), -3);
    REQUIRE(sendBatch(server, server.deskA, session("late", month + "-02", 500, "x"), 2).status ==
            200);
    CHECK(server.queryInt("SELECT count(*) FROM events") == 0);
    const auto kept = shiftMonth(currentMonth(), 0);
    REQUIRE(sendBatch(server, server.deskA, session("now", kept + "-01", 500, "x"), 3).status ==
            200);
    CHECK(server.queryInt("SELECT count(*) FROM events") == 5);
}

TEST_CASE("The store migrates to the role team_lead with every reference intact",
          "[server][evidence][storage]") {
    TestServer server;
    CHECK(server.queryInt("SELECT count(*) FROM accounts WHERE role = 'team_lead'") == 1);
    CHECK(server.queryInt("SELECT count(*) FROM pragma_foreign_key_check") == 0);
    CHECK(server.queryInt("SELECT count(*) FROM store_meta WHERE key = 'pseudonym_key'") == 1);
    // Pseudonyms sit in their own table, never beside an event or a session.
    CHECK(server.queryInt("SELECT count(*) FROM pragma_table_info('events') "
                          "WHERE name IN ('account_id', 'pseudonym')") == 0);
    CHECK(server.queryInt("SELECT count(*) FROM pragma_table_info('evidence_people') "
                          "WHERE name IN ('session', 'id', 'account_id')") == 0);
}

TEST_CASE("xAPI statements are queued only when the organisation turned it on, about teams",
          "[server][xapi]") {
    TestServer server;
    const auto records = [](const std::string& prefix) {
        auto out = session(prefix, "2026-11-05", 1500, "twee");
        out.push_back(json::object{{"type", "feedback"},
                                   {"id", prefix + "-f"},
                                   {"guide", kGuide},
                                   {"revision", 1},
                                   {"kind", "unclear"},
                                   {"text", "Welke kenmerken?"}});
        return out;
    };
    REQUIRE(sendBatch(server, server.deskA, records("off")).status == 200);
    CHECK(server.queryInt("SELECT count(*) FROM xapi_queue") == 0);
    {
        auto db = openStore(databasePath(server.dataDir()));
        REQUIRE(db);
        const auto tenant = findTenant(*db, "Gemeente A").value().value();
        const auto bad = setXapi(*db, tenant, {true, "ftp://lrs", "k", "s", ""});
        REQUIRE(bad);
        CHECK_FALSE(*bad);
        // The secret travels with every request: plain HTTP only on this machine.
        const auto plain =
            setXapi(*db, tenant, {true, "http://lrs.gemeente.example/xAPI", "k", "s", ""});
        REQUIRE(plain);
        CHECK_FALSE(*plain);
        CHECK(*setXapi(*db, tenant, {true, "https://lrs.gemeente.example/xAPI", "k", "s", ""}));
        const auto set = setXapi(*db, tenant, {true, "http://127.0.0.1:9/xAPI/", "k", "s", ""});
        REQUIRE(set);
        CHECK(*set);
        const auto settings = xapiSettings(*db, tenant).value().value();
        CHECK(settings.endpoint == "http://127.0.0.1:9/xAPI");
        CHECK(settings.homePage == "http://127.0.0.1:9");
    }
    REQUIRE(sendBatch(server, server.deskA, records("on"), 2).status == 200);
    // started, a decision, finished, feedback: four (a step shown is not sent).
    CHECK(server.queryInt("SELECT count(*) FROM xapi_queue") == 4);
    CHECK(server.queryInt("SELECT count(*) FROM xapi_queue WHERE statement LIKE "
                          "'%\"objectType\":\"Group\"%\"name\":\"Balie A\"%'") == 4);
    CHECK(server.queryInt("SELECT count(*) FROM xapi_queue WHERE statement LIKE '%desk-a%' OR "
                          "statement LIKE '%Welke kenmerken%'") == 0);
    // The same records again: the same statement ids, nothing new.
    REQUIRE(sendBatch(server, server.deskA, records("on"), 3).status == 200);
    CHECK(server.queryInt("SELECT count(*) FROM xapi_queue") == 4);
    CHECK(statementId(1, "event", "on-1") == statementId(1, "event", "on-1"));
    CHECK(statementId(1, "event", "on-1") != statementId(2, "event", "on-1"));
    CHECK(statementId(1, "event", "on-1").size() == 36);
    CHECK(statementId(1, "event", "on-1")[14] == '5');
    // A desk account without a team is never sent (no actor but a person).
    const auto teamless = server.addAccount("Gemeente A", std::nullopt, "desk-zonder", Role::Desk);
    REQUIRE(sendBatch(server, teamless, records("zonder")).status == 200);
    CHECK(server.queryInt("SELECT count(*) FROM xapi_queue") == 4);
}

TEST_CASE("An AAR's guides can be cleared, and stay cleared", "[server][aar]") {
    TestServer server;
    const auto created = send(server.port(), post("/api/v1/aars", server.leadA,
                                                  R"({"title": "Leeg", "guides": ["t.aar"]})"));
    REQUIRE(created.status == 201);
    const std::string id(created.json().at("id").as_string());
    const auto cleared =
        send(server.port(), post("/api/v1/aars/" + id, server.leadA, R"({"guides": []})",
                                 "application/json", boost::beast::http::verb::put));
    REQUIRE(cleared.status == 200);
    CHECK(cleared.json().at("guides").as_array().empty());
    CHECK(send(server.port(), get("/api/v1/aars/" + id, server.leadA))
              .json()
              .at("guides")
              .as_array()
              .empty());
    // A refused body says why.
    CHECK(send(server.port(), post("/api/v1/aars", server.leadA, R"({"title": "X", "guides": 3})"))
              .status == 400);
    CHECK(send(server.port(), post("/api/v1/aars/" + id, server.leadA, R"({"from": "2026-11"})",
                                   "application/json", boost::beast::http::verb::put))
              .status == 400);
}
