// Every route against every role, a foreign tenant and no token: a table, one
// row per route (method and a concrete target) with the status each caller
// must get, run against the real server. Each row starts from the same
// fixture, so a mutating route's later callers see what the earlier ones did
// (a second publish is a 409): the statuses are exact. A foreign tenant's
// admin must never see or change the first tenant's objects: 404, or a list
// without them, never the object; and none of the fixture's texts may appear
// in what it gets. Every 403 is audited (one row each), every 401 counted in
// the audit log. The table must cover the route table (routeList()), and
// docs/openapi.yaml must describe exactly its routes, with their path
// parameters under the names the patterns give them (the names the handlers
// ask for: a handler asking for one its route lacks gets a 500 here).
#include "test_support.h"

#include <souffleur/server/routes.h>

#include <boost/beast/http/verb.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <array>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace souffleur::server;
using namespace souffleur::server::test;
namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

// The callers of a row, in the order they call.
enum Caller : std::size_t {
    NoToken,
    BadToken,
    Foreign,
    Desk,
    Author,
    Reviewer,
    Admin,
    TeamLead,
    kCallers
};
constexpr std::array<const char*, kCallers> kCallerNames = {
    "no token",   "unknown token", "admin of Gemeente B",          "desk-a", "author-a",
    "reviewer-a", "admin-a",       "lead-a (team lead of Balie A)"};
// The accounts behind them, as the audit log names them.
constexpr std::array<const char*, kCallers> kActors = {
    "", "", "admin-b", "desk-a", "author-a", "reviewer-a", "admin-a", "lead-a"};

enum class Body {
    None,
    NewGuide,
    NewRevision,
    NewAlert,
    Records,
    FeedbackStatus,
    RejectNote,
    Rollback,
    Comment,
    Resolve,
    ReadNotices,
    Source,
    NewAar,
    AarAnswers,
    NewAction,
    ActionState
};

struct Row {
    const char* method;
    const char* target;
    Body body;
    std::array<int, kCallers> expected;
};

// The fixture of Gemeente A (seed()): guide t.matrix, revision 1 published
// and revision 2 a draft (by author-a); guide t.review, revision 1 in review
// (by author-a) with reviewer-a's comment 1 on it; alert t.matrix-alert,
// revision 1; from desk-a, feedback fb-matrix, a logbook entry and an AAR
// record (aar-matrix, one action); from desk-c (team Balie C) the AAR record
// aar-matrix-c. Gemeente B has nothing.
//
//                                                         none bad  foreign desk author reviewer
//                                                         admin lead
constexpr std::array kMatrix = {
    // Service
    Row{"GET", "/healthz", Body::None, {200, 200, 200, 200, 200, 200, 200, 200}},
    Row{"GET", "/metrics", Body::None, {401, 401, 200, 403, 403, 403, 200, 403}},
    Row{"GET", "/api/v1/me", Body::None, {401, 401, 200, 200, 200, 200, 200, 200}},
    Row{"GET", "/api/v1/privacy", Body::None, {401, 401, 200, 200, 200, 200, 200, 200}},
    // Guides and their lifecycle
    Row{"GET", "/api/v1/guides", Body::None, {401, 401, 200, 200, 200, 200, 200, 200}},
    // Gemeente B publishes a t.matrix of its own; A's revision 5 is then new to A.
    Row{"POST", "/api/v1/guides", Body::NewGuide, {401, 401, 201, 403, 403, 201, 409, 403}},
    Row{"GET", "/api/v1/guides/t.matrix", Body::None, {401, 401, 404, 200, 200, 200, 200, 200}},
    Row{"POST",
        "/api/v1/guides/t.matrix/retire",
        Body::None,
        {401, 401, 404, 403, 403, 200, 404, 403}},
    Row{"GET",
        "/api/v1/guides/t.matrix/revisions",
        Body::None,
        {401, 401, 404, 403, 200, 200, 200, 403}},
    // B has no t.matrix: base 2 is stale there (409 naming revision 0).
    Row{"POST",
        "/api/v1/guides/t.matrix/revisions?base=2",
        Body::NewRevision,
        {401, 401, 409, 403, 201, 409, 409, 403}},
    Row{"GET",
        "/api/v1/guides/t.matrix/revisions/2",
        Body::None,
        {401, 401, 404, 403, 200, 200, 200, 403}},
    Row{"POST",
        "/api/v1/guides/t.matrix/revisions/2/submit",
        Body::None,
        {401, 401, 404, 403, 200, 409, 409, 403}},
    Row{"POST",
        "/api/v1/guides/t.review/revisions/1/publish",
        Body::None,
        {401, 401, 404, 403, 403, 200, 409, 403}},
    Row{"POST",
        "/api/v1/guides/t.review/revisions/1/reject",
        Body::RejectNote,
        {401, 401, 404, 403, 403, 200, 409, 403}},
    // A rollback is a new revision in review (each one withdraws the one before).
    Row{"POST",
        "/api/v1/guides/t.matrix/rollback",
        Body::Rollback,
        {401, 401, 404, 403, 201, 201, 201, 403}},
    Row{"GET",
        "/api/v1/guides/t.matrix/diff?from=1&to=2",
        Body::None,
        {401, 401, 404, 403, 200, 200, 200, 403}},
    Row{"GET",
        "/api/v1/revisions?state=in_review",
        Body::None,
        {401, 401, 200, 403, 200, 200, 200, 403}},
    Row{"GET", "/api/v1/library", Body::None, {401, 401, 200, 403, 200, 200, 200, 403}},
    // Review comments (a thread is resolved by the revision's author, or an admin) and notices
    Row{"GET",
        "/api/v1/guides/t.review/comments",
        Body::None,
        {401, 401, 200, 403, 200, 200, 200, 403}},
    Row{"POST",
        "/api/v1/guides/t.review/revisions/1/comments",
        Body::Comment,
        {401, 401, 404, 403, 201, 201, 201, 403}},
    Row{"PATCH", "/api/v1/comments/1", Body::Resolve, {401, 401, 404, 403, 200, 403, 200, 403}},
    Row{"GET", "/api/v1/notices", Body::None, {401, 401, 200, 403, 200, 200, 200, 403}},
    Row{"POST",
        "/api/v1/notices/read",
        Body::ReadNotices,
        {401, 401, 200, 403, 200, 200, 200, 403}},
    // Content health and sources (created by the first, updated by the others)
    Row{"GET", "/api/v1/health", Body::None, {401, 401, 200, 403, 200, 200, 200, 403}},
    Row{"GET", "/api/v1/sources", Body::None, {401, 401, 200, 403, 200, 200, 200, 403}},
    Row{"POST", "/api/v1/sources", Body::Source, {401, 401, 201, 403, 201, 200, 200, 403}},
    // Pictures (an empty body: 400 once admitted; no such picture: 404)
    Row{"POST", "/api/v1/media", Body::None, {401, 401, 400, 403, 400, 400, 400, 403}},
    Row{"GET",
        "/api/v1/media/sha256:0000000000000000000000000000000000000000000000000000000000000000",
        Body::None,
        {401, 401, 404, 404, 404, 404, 404, 404}},
    // The change feed and push (a plain GET of the WebSocket route: 426)
    Row{"GET", "/api/v1/changes", Body::None, {401, 401, 200, 200, 200, 200, 200, 200}},
    Row{"GET", "/api/v1/notify", Body::None, {401, 401, 426, 426, 426, 426, 426, 426}},
    // Alerts
    Row{"GET", "/api/v1/alerts", Body::None, {401, 401, 200, 200, 200, 200, 200, 200}},
    Row{"POST", "/api/v1/alerts", Body::NewAlert, {401, 401, 201, 403, 201, 409, 409, 403}},
    Row{"POST",
        "/api/v1/alerts/t.matrix-alert/retire",
        Body::None,
        {401, 401, 404, 403, 200, 404, 404, 403}},
    Row{"GET",
        "/api/v1/alerts/t.matrix-alert/acknowledgements",
        Body::None,
        {401, 401, 404, 403, 200, 200, 200, 403}},
    // Records, feedback, reports (each account's client has batch numbers of its own)
    Row{"POST", "/api/v1/records", Body::Records, {401, 401, 200, 200, 200, 200, 200, 200}},
    Row{"GET", "/api/v1/feedback", Body::None, {401, 401, 200, 403, 200, 200, 200, 403}},
    Row{"PATCH",
        "/api/v1/feedback/fb-matrix",
        Body::FeedbackStatus,
        {401, 401, 404, 403, 200, 200, 200, 403}},
    Row{"GET",
        "/api/v1/reports/aar?guide=t.matrix",
        Body::None,
        {401, 401, 200, 403, 200, 200, 200, 200}},
    // The teams' logbook and AAR records: desks their own team's only
    Row{"GET", "/api/v1/logbook", Body::None, {401, 401, 200, 200, 200, 200, 200, 200}},
    Row{"GET",
        "/api/v1/logbook?team=Balie%20A",
        Body::None,
        {401, 401, 404, 200, 200, 200, 200, 200}},
    Row{"GET",
        "/api/v1/logbook?team=Balie%20B",
        Body::None,
        {401, 401, 200, 403, 404, 404, 404, 403}},
    Row{"GET", "/api/v1/aar-records", Body::None, {401, 401, 200, 200, 200, 200, 200, 200}},
    Row{"GET",
        "/api/v1/aar-records?team=Balie%20A",
        Body::None,
        {401, 401, 404, 200, 200, 200, 200, 200}},
    Row{"GET",
        "/api/v1/aar-records?team=Balie%20B",
        Body::None,
        {401, 401, 200, 403, 404, 404, 404, 403}},
    // After Action Reviews: team leads their own team's only (Balie C is another team of A)
    Row{"GET",
        "/api/v1/evidence?guide=t.matrix",
        Body::None,
        {401, 401, 200, 403, 200, 200, 200, 200}},
    Row{"GET",
        "/api/v1/evidence?guide=t.matrix&team=Balie%20C",
        Body::None,
        {401, 401, 404, 403, 200, 200, 200, 403}},
    Row{"GET", "/api/v1/aars", Body::None, {401, 401, 200, 403, 200, 200, 200, 200}},
    Row{"GET", "/api/v1/aars?team=Balie%20C", Body::None, {401, 401, 404, 403, 200, 200, 200, 403}},
    Row{"POST", "/api/v1/aars", Body::NewAar, {401, 401, 404, 403, 201, 201, 201, 201}},
    Row{"GET", "/api/v1/aars/aar-matrix", Body::None, {401, 401, 404, 403, 200, 200, 200, 200}},
    Row{"GET", "/api/v1/aars/aar-matrix-c", Body::None, {401, 401, 404, 403, 200, 200, 200, 403}},
    Row{"PUT",
        "/api/v1/aars/aar-matrix",
        Body::AarAnswers,
        {401, 401, 404, 403, 200, 200, 200, 200}},
    Row{"PUT",
        "/api/v1/aars/aar-matrix-c",
        Body::AarAnswers,
        {401, 401, 404, 403, 200, 200, 200, 403}},
    Row{"POST",
        "/api/v1/aars/aar-matrix/actions",
        Body::NewAction,
        {401, 401, 404, 403, 201, 201, 201, 201}},
    Row{"POST",
        "/api/v1/aars/aar-matrix-c/actions",
        Body::NewAction,
        {401, 401, 404, 403, 201, 201, 201, 403}},
    Row{"PATCH",
        "/api/v1/aars/aar-matrix/actions/0",
        Body::ActionState,
        {401, 401, 404, 403, 200, 200, 200, 200}},
    Row{"PATCH",
        "/api/v1/aars/aar-matrix-c/actions/0",
        Body::ActionState,
        {401, 401, 404, 403, 200, 200, 200, 403}},
    Row{"GET", "/api/v1/aar-actions", Body::None, {401, 401, 200, 403, 200, 200, 200, 200}},
    Row{"GET",
        "/api/v1/aar-actions?team=Balie%20C",
        Body::None,
        {401, 401, 404, 403, 200, 200, 200, 403}},
    Row{"GET", "/api/v1/lessons", Body::None, {401, 401, 200, 200, 200, 200, 200, 200}},
    Row{"GET", "/api/v1/teams", Body::None, {401, 401, 200, 403, 200, 200, 200, 200}},
};

// Texts only Gemeente A's fixture holds: none may reach the foreign admin.
constexpr std::array kMarkers = {"Matrixgids",       "Matrixreview",  "Matrixalarm",
                                 "Matrixfeedback",   "Matrixlogboek", "Matrixverwacht",
                                 "Matrixcommentaar", "Balie A",       "desk-a",
                                 "author-a",         "reviewer-a"};

std::string alertXml(const std::string& id, int revision, const std::string& title) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"" +
           id + "\" revision=\"" + std::to_string(revision) +
           "\" level=\"warning\" acknowledge=\"required\">\n"
           "  <title>" +
           title +
           "</title>\n"
           "  <body><p>Let op.</p></body>\n"
           "</alert>\n";
}

std::string recordBatch(const std::string& client, json::array records) {
    return json::serialize(
        json::object{{"client", client}, {"batch", 1}, {"records", std::move(records)}});
}

void seed(const TestServer& server) {
    const auto ok = [](const HttpResult& result, int status) {
        INFO(result.body);
        REQUIRE(result.status == status);
    };
    const auto port = server.port();
    ok(send(port, post("/api/v1/guides", server.reviewerA, guideXml("t.matrix", 1, "Matrixgids"),
                       "application/xml")),
       201);
    ok(send(port, post("/api/v1/guides/t.matrix/revisions?base=1", server.authorA,
                       guideXml("t.matrix", 1, "Matrixgids"), "application/xml")),
       201);
    ok(send(port, post("/api/v1/guides/t.review/revisions?base=0", server.authorA,
                       guideXml("t.review", 1, "Matrixreview"), "application/xml")),
       201);
    ok(send(port, post("/api/v1/guides/t.review/revisions/1/submit", server.authorA, {})), 200);
    ok(send(port, post("/api/v1/guides/t.review/revisions/1/comments", server.reviewerA,
                       R"({"text": "Matrixcommentaar", "step": "een", "field": "glance"})",
                       "application/json")),
       201);
    ok(send(port, post("/api/v1/alerts", server.authorA,
                       alertXml("t.matrix-alert", 1, "Matrixalarm"), "application/xml")),
       201);
    ok(send(port,
            post("/api/v1/records", server.deskA,
                 recordBatch("seed", {json::object{{"type", "feedback"},
                                                   {"id", "fb-matrix"},
                                                   {"guide", "t.matrix"},
                                                   {"revision", 1},
                                                   {"kind", "unclear"},
                                                   {"text", "Matrixfeedback"}},
                                      json::object{{"type", "logbook"},
                                                   {"id", "lb-matrix"},
                                                   {"at", "2026-11-23T09:00:00Z"},
                                                   {"text", "Matrixlogboek"}},
                                      json::object{{"type", "aar"},
                                                   {"id", "aar-matrix"},
                                                   {"at", "2026-11-23T15:00:00Z"},
                                                   {"guide", "t.matrix"},
                                                   {"expected", "Matrixverwacht"},
                                                   {"happened", "h"},
                                                   {"why", "w"},
                                                   {"improve", "i"},
                                                   {"actions", json::array{json::object{
                                                                   {"text", "Matrixactie"},
                                                                   {"guide", "t.matrix"}}}}}}))),
       200);
    ok(send(port,
            post("/api/v1/records", server.deskC,
                 recordBatch("seed", {json::object{{"type", "aar"},
                                                   {"id", "aar-matrix-c"},
                                                   {"at", "2026-11-23T15:00:00Z"},
                                                   {"expected", "e"},
                                                   {"happened", "h"},
                                                   {"why", "w"},
                                                   {"improve", "i"},
                                                   {"actions", json::array{json::object{
                                                                   {"text", "Actie C"}}}}}}))),
       200);
}

HttpCall callFor(const Row& row, const std::string& token) {
    HttpCall call;
    call.method = http::string_to_verb(row.method);
    call.target = row.target;
    call.token = token;
    switch (row.body) {
    case Body::None:
        break;
    case Body::NewGuide:
        call.body = guideXml("t.matrix", 5, "Spoedversie");
        call.contentType = "application/xml";
        break;
    case Body::NewRevision:
        call.body = guideXml("t.matrix", 1, "Nieuwe versie");
        call.contentType = "application/xml";
        break;
    case Body::NewAlert:
        call.body = alertXml("t.matrix-alert", 2, "Nieuw alarm");
        call.contentType = "application/xml";
        break;
    case Body::Records:
        call.body = recordBatch("matrix", {json::object{{"type", "event"},
                                                        {"id", "e-" + token.substr(0, 8)},
                                                        {"session", "s"},
                                                        {"guide", "t.matrix"},
                                                        {"revision", 1},
                                                        {"event", "started"},
                                                        {"at", "2026-11-23T12:00:00Z"}}});
        break;
    case Body::FeedbackStatus:
        call.body = R"({"status": "accepted"})";
        break;
    case Body::RejectNote:
        call.body = R"({"note": "Nog niet duidelijk genoeg."})";
        break;
    case Body::Rollback:
        call.body = R"({"to": 1, "reason": "Terug naar wat werkte."})";
        break;
    case Body::Comment:
        call.body = R"({"text": "Klopt dit?", "step": "een"})";
        break;
    case Body::Resolve:
        call.body = R"({"resolved": true})";
        break;
    case Body::ReadNotices:
        call.body = R"({"all": true})";
        break;
    case Body::NewAar:
        call.body = R"({"team": "Balie A", "title": "Matrix-AAR", "guides": ["t.matrix"],
                        "from": "2026-11", "to": "2026-11"})";
        break;
    case Body::AarAnswers:
        call.body = R"({"happened": "Anders dan verwacht", "lesson": "Les"})";
        break;
    case Body::NewAction:
        call.body = R"({"text": "Stap een verduidelijken", "owner": "Redactie",
                        "guide": "t.matrix", "step": "een"})";
        break;
    case Body::ActionState:
        call.body = R"({"state": "doing"})";
        break;
    case Body::Source:
        call.body = R"({"id": "pw-28", "title": "Paspoortwet", "reference": "art. 28",
                        "version_date": "2026-01-01"})";
        break;
    }
    return call;
}

std::vector<std::string> split(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = path.starts_with('/') ? 1 : 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        out.emplace_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Whether a concrete target's path fits a route pattern ({…}: any one segment).
bool fits(std::string_view pattern, std::string_view target) {
    const auto path = target.substr(0, target.find('?'));
    const auto patternParts = split(pattern);
    const auto pathParts = split(path);
    if (patternParts.size() != pathParts.size())
        return false;
    for (std::size_t i = 0; i < patternParts.size(); ++i) {
        if (patternParts[i].starts_with('{') ? pathParts[i].empty()
                                             : patternParts[i] != pathParts[i])
            return false;
    }
    return true;
}

std::string sqlText(std::string_view text) {
    std::string out;
    for (const char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return "'" + out + "'";
}

} // namespace

TEST_CASE("Every route of the table has a row in the access matrix", "[server][auth][matrix]") {
    for (const auto& route : routeList()) {
        INFO(route.method << " " << route.pattern);
        const bool covered = std::ranges::any_of(kMatrix, [&route](const Row& row) {
            return row.method == route.method && fits(route.pattern, row.target);
        });
        CHECK(covered);
    }
    for (const auto& row : kMatrix) {
        INFO(row.method << " " << row.target);
        const bool routed = std::ranges::any_of(routeList(), [&row](const RouteInfo& route) {
            return row.method == route.method && fits(route.pattern, row.target);
        });
        CHECK(routed);
    }
    // The new routes are there, the table says who may use them.
    const auto routes = routeList();
    const auto logbook = std::ranges::find_if(routes, [](const RouteInfo& route) {
        return route.pattern == "api/v1/logbook" && route.method == "GET";
    });
    REQUIRE(logbook != routes.end());
    CHECK(logbook->roles.contains(Role::Desk));
}

TEST_CASE("Every route against every role, a foreign tenant and no token",
          "[server][auth][matrix][tenants]") {
    for (const auto& row : kMatrix) {
        const std::string name = std::string(row.method) + " " + row.target;
        INFO(name);
        TestServer server;
        seed(server);
        const std::array<std::string, kCallers> tokens = {"",
                                                          std::string(64, 'f'),
                                                          server.adminB,
                                                          server.deskA,
                                                          server.authorA,
                                                          server.reviewerA,
                                                          server.adminA,
                                                          server.leadA};
        std::size_t forbidden = 0;
        std::size_t unauthenticated = 0;
        for (std::size_t caller = 0; caller < kCallers; ++caller) {
            INFO("caller: " << kCallerNames[caller]);
            const auto result = send(server.port(), callFor(row, tokens[caller]));
            INFO(result.error << result.body.substr(0, 300));
            CHECK(result.status == row.expected[caller]);
            if (caller == Foreign) {
                for (const auto* marker : kMarkers) {
                    INFO("the foreign tenant sees " << marker);
                    CHECK(result.body.find(marker) == std::string::npos);
                }
            }
            if (row.expected[caller] == 403) {
                ++forbidden;
                // Audited: who, what (the method and path), refused.
                const std::string target = row.target;
                const auto path = target.substr(0, target.find('?'));
                CHECK(server.queryInt("SELECT count(*) FROM audit WHERE outcome = 'forbidden' "
                                      "AND action = 'access' AND actor = " +
                                      sqlText(kActors[caller]) + " AND target LIKE " +
                                      sqlText(std::string(row.method) + " " + path + "%")) == 1);
            }
            if (row.expected[caller] == 401)
                ++unauthenticated;
        }
        CHECK(server.queryInt("SELECT count(*) FROM audit WHERE outcome = 'forbidden'") ==
              static_cast<std::int64_t>(forbidden));
        // 401s are counted per address and written at the latest when the server stops.
        server.stop();
        CHECK(server.queryInt(
                  "SELECT coalesce(sum(count), 0) FROM audit WHERE outcome = 'unauthenticated'") ==
              static_cast<std::int64_t>(unauthenticated));
    }
}

namespace {

// docs/openapi.yaml, read just enough: the operations under `paths:`, and the
// names of the path parameters each path declares, inline (`- name: id` with
// `in: path`) or by reference to `components: parameters:`.
struct OpenApi {
    std::set<std::string> operations;                            // "GET /api/v1/guides/{id}"
    std::map<std::string, std::set<std::string>> pathParameters; // "/api/v1/guides/{id}": {"id"}
};

OpenApi readOpenApi() {
    std::ifstream in(SOUFFLEUR_SOURCE_DIR "/docs/openapi.yaml");
    REQUIRE(in);
    // "  /path:" opens a path under `paths:`, "    get:" one of its operations.
    const std::regex pathLine(R"(^  (/\S*):\s*$)");
    const std::regex operationLine(R"(^    (get|put|post|delete|patch|head|options|trace):\s*$)");
    const std::regex reference(R"re(^\s+- \$ref: "#/components/parameters/(\w+)"\s*$)re");
    const std::regex inlineName(R"(^(\s+)- name: (\S+)\s*$)");
    const std::regex location(R"(^(\s+)in: (\w+)\s*$)");
    // Under `components:` `parameters:`: "    GuideId:", then its "      name:" and "      in:".
    const std::regex componentLine(R"(^    (\w+):\s*$)");
    const std::regex componentField(R"(^      (name|in): (\S+)\s*$)");

    OpenApi out;
    std::map<std::string, std::set<std::string>> references; // path → component names
    std::map<std::string, std::map<std::string, std::string>> components; // name → field → value
    enum class Section { Other, Paths, Components, ComponentParameters } section = Section::Other;
    std::string path;
    std::string component;
    std::string pendingName; // an inline parameter's name, until its `in:`
    std::size_t pendingIndent = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.front() != ' ' && line.front() != '#') {
            section = line == "paths:"        ? Section::Paths
                      : line == "components:" ? Section::Components
                                              : Section::Other;
            continue;
        }
        std::smatch match;
        if (section == Section::Paths) {
            if (std::regex_match(line, match, pathLine)) {
                path = match[1];
                pendingName.clear();
            } else if (std::regex_match(line, match, operationLine)) {
                std::string method = match[1];
                for (auto& c : method)
                    c = static_cast<char>(c - 'a' + 'A');
                out.operations.insert(method + " " + path);
                out.pathParameters[path]; // a path with no parameters has an empty set
            } else if (std::regex_match(line, match, reference)) {
                references[path].insert(match[1]);
            } else if (std::regex_match(line, match, inlineName)) {
                pendingName = match[2];
                pendingIndent = static_cast<std::size_t>(match[1].length()) + 2;
            } else if (std::regex_match(line, match, location) && !pendingName.empty() &&
                       static_cast<std::size_t>(match[1].length()) == pendingIndent) {
                if (match[2] == "path")
                    out.pathParameters[path].insert(pendingName);
                pendingName.clear();
            }
        } else if (section == Section::Components || section == Section::ComponentParameters) {
            if (line.starts_with("  ") && !line.starts_with("   "))
                section =
                    line == "  parameters:" ? Section::ComponentParameters : Section::Components;
            else if (section == Section::ComponentParameters &&
                     std::regex_match(line, match, componentLine))
                component = match[1];
            else if (section == Section::ComponentParameters &&
                     std::regex_match(line, match, componentField))
                components[component][match[1]] = match[2];
        }
    }
    for (const auto& [where, names] : references) {
        for (const auto& name : names) {
            INFO(where << " refers to the parameter " << name);
            REQUIRE(components.contains(name));
            if (components[name]["in"] == "path")
                out.pathParameters[where].insert(components[name]["name"]);
        }
    }
    return out;
}

} // namespace

TEST_CASE("docs/openapi.yaml describes exactly the routes of the table", "[server][docs]") {
    const auto openApi = readOpenApi();
    std::set<std::string> routed;
    for (const auto& route : routeList())
        routed.insert(std::string(route.method) + " /" + std::string(route.pattern));
    CHECK(openApi.operations == routed);

    // Each path declares its path parameters, under the names of the pattern.
    for (const auto& route : routeList()) {
        const std::string path = "/" + std::string(route.pattern);
        INFO(path);
        std::set<std::string> named;
        for (const auto name : parameterNames(route.pattern))
            named.insert(std::string(name));
        const auto documented = openApi.pathParameters.find(path);
        REQUIRE(documented != openApi.pathParameters.end());
        CHECK(documented->second == named);
    }
    const auto revision = openApi.pathParameters.find("/api/v1/guides/{id}/revisions/{revision}");
    REQUIRE(revision != openApi.pathParameters.end());
    CHECK(revision->second == std::set<std::string>{"id", "revision"});
}

TEST_CASE("Handlers read path parameters by name; a name the route lacks is a bug",
          "[server][routes]") {
    const std::string_view pattern = "api/v1/guides/{id}/revisions/{revision}";
    CHECK(parameterNames(pattern) == std::vector<std::string_view>{"id", "revision"});
    CHECK(parameterNames("api/v1/guides").empty());

    const auto params = matchPattern(pattern, {"api", "v1", "guides", "t.een", "revisions", "3"});
    REQUIRE(params);
    CHECK(params->at("id") == "t.een");
    CHECK(params->at("revision") == "3");
    CHECK(params->contains("revision"));
    CHECK_FALSE(params->contains("rev"));
    // Not an empty string: an exception that names the route and the parameter.
    CHECK_THROWS_AS(params->at("rev"), MissingPathParameter);
    CHECK_THROWS_WITH(params->at("rev"),
                      Catch::Contains("{rev}") && Catch::Contains(std::string(pattern)));
    CHECK_THROWS_AS(PathParams().at("id"), MissingPathParameter);

    SECTION("paths that do not fit") {
        CHECK_FALSE(matchPattern(pattern, {"api", "v1", "guides", "t.een", "revisions"}));
        CHECK_FALSE(matchPattern(pattern, {"api", "v1", "guides", "t.een", "revisions", "3", "x"}));
        CHECK_FALSE(matchPattern(pattern, {"api", "v1", "guides", "", "revisions", "3"}));
        CHECK_FALSE(matchPattern(pattern, {"api", "v1", "guide", "t.een", "revisions", "3"}));
    }
    SECTION("every route's parameters have distinct names") {
        for (const auto& route : routeList()) {
            INFO(route.pattern);
            const auto names = parameterNames(route.pattern);
            const std::set<std::string_view> distinct(names.begin(), names.end());
            CHECK(distinct.size() == names.size());
        }
    }
}
