// Record batches of protocol 2 over the real server: every valid record is
// stored, each bad one is named (malformed, personal data, a team record from
// an account without a team), a retry gets the same answer and stores nothing
// twice; desks of protocol 1 keep their all-or-nothing answer. The privacy
// guard runs on arrival, whatever sent the batch.
#include "test_support.h"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

using namespace souffleur::server::test;
namespace json = boost::json;

namespace {

json::object event(const std::string& id) {
    return {{"type", "event"},
            {"id", id},
            {"session", "s1"},
            {"guide", "t.aar"},
            {"revision", 1},
            {"event", "started"},
            {"at", "2026-11-23T12:00:00.000Z"}};
}

json::object logbook(const std::string& id, const std::string& text) {
    return {{"type", "logbook"}, {"id", id}, {"at", "2026-11-23T09:00:00Z"}, {"text", text}};
}

json::object feedback(const std::string& id, const std::string& text) {
    return {{"type", "feedback"}, {"id", id},          {"guide", "t.aar"}, {"revision", 1},
            {"step", "een"},      {"kind", "unclear"}, {"text", text}};
}

std::string batch(const std::string& client, std::int64_t number, json::array records,
                  int protocol = 2) {
    json::object body{{"client", client}, {"batch", number}, {"records", std::move(records)}};
    if (protocol > 1)
        body["protocol"] = protocol;
    return json::serialize(body);
}

HttpResult sendRecords(const TestServer& server, const std::string& token,
                       const std::string& body) {
    return send(server.port(), post("/api/v1/records", token, body));
}

// The indices and errors of the refused records of an answer.
std::vector<std::pair<std::int64_t, std::string>> refusedIn(const HttpResult& result) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    const json::value answer = result.json(); // kept: the loop reads into it
    for (const auto& item : answer.at("refused").as_array())
        out.emplace_back(item.at("index").as_int64(), std::string(item.at("error").as_string()));
    return out;
}

} // namespace

TEST_CASE("Protocol 2: a batch with bad records stores the others and names each bad one",
          "[server][records][batches]") {
    TestServer server;
    json::object untyped = event("e3");
    untyped["event"] = "exploded";
    const std::string body =
        batch("c", 1,
              {event("e1"), untyped, logbook("l1", "Klant 111222333 belt terug"),
               feedback("f1", "Stap 2 is onduidelijk"), json::object{{"type", "gossip"}},
               logbook("l2", "Fotohokje kapot"), event("e2")});
    const auto answer = sendRecords(server, server.deskA, body);
    INFO(answer.body);
    REQUIRE(answer.status == 200);
    CHECK(answer.json().at("acked") == 1);
    using Refused = std::vector<std::pair<std::int64_t, std::string>>;
    CHECK(refusedIn(answer) ==
          Refused{{1, "records[1]: \"event\" must be one of started, step_shown, step_done, "
                      "decision, back, skipped, escalated, finished, abandoned"},
                  {2, "records[2]: \"text\" holds what looks like a citizen's personal data "
                      "(bsn): remove it; nothing of this record was stored"},
                  {4, "records[4]: \"type\" must be one of event, feedback, ack, logbook, aar, "
                      "update_needed"}});
    CHECK(answer.json().at("refused").as_array()[1].at("id") == "l1");
    CHECK(server.queryInt("SELECT count(*) FROM events") == 2);
    CHECK(server.queryInt("SELECT count(*) FROM feedback") == 1);
    CHECK(server.queryInt("SELECT count(*) FROM logbook") == 1);
    CHECK(server.queryInt("SELECT count(*) FROM logbook WHERE text LIKE '%111222333%'") == 0);

    // The answer was lost: the retry is a no-op with the same answer.
    const auto retry = sendRecords(server, server.deskA, body);
    CHECK(retry.json() == answer.json());
    CHECK(server.queryInt("SELECT count(*) FROM events") == 2);
    CHECK(server.queryInt("SELECT count(*) FROM logbook") == 1);

    // The next batch starts clean.
    const auto next = sendRecords(server, server.deskA, batch("c", 2, {event("e4")}));
    CHECK(next.json() == json::parse(R"({"acked":2,"refused":[]})"));
    CHECK(sendRecords(server, server.deskA, batch("c", 2, {event("e4")})).json() ==
          json::parse(R"({"acked":2,"refused":[]})"));
    // An older batch than the last: still a no-op.
    CHECK(sendRecords(server, server.deskA, body).json().at("acked") == 1);
    CHECK(server.queryInt("SELECT count(*) FROM events") == 3);
}

TEST_CASE("Protocol 2: team records from an account without a team are refused one by one",
          "[server][records][batches][logbook]") {
    TestServer server;
    // reviewer-a has no team.
    const auto answer = sendRecords(server, server.reviewerA,
                                    batch("r", 1, {event("e1"), logbook("l1", "x"), event("e2")}));
    INFO(answer.body);
    REQUIRE(answer.status == 200);
    using Refused = std::vector<std::pair<std::int64_t, std::string>>;
    CHECK(refusedIn(answer) == Refused{{1, "records[1]: a \"logbook\" record belongs to the "
                                           "sender's team, and this account has none"}});
    CHECK(server.queryInt("SELECT count(*) FROM events") == 2);
    CHECK(server.queryInt("SELECT count(*) FROM logbook") == 0);
}

TEST_CASE("Protocol 1 desks keep all or nothing, with the privacy guard on arrival",
          "[server][records][batches][privacy]") {
    TestServer server;
    // A BSN in a logbook entry, sent raw (not through any desk's core).
    const auto refused = sendRecords(
        server, server.deskA,
        batch("old", 1, {event("e1"), logbook("l1", "Mevrouw, BSN 123.456.782, komt terug")}, 1));
    INFO(refused.body);
    CHECK(refused.status == 400);
    CHECK(refused.json().at("error") ==
          "records[1]: \"text\" holds what looks like a citizen's personal data (bsn): remove it; "
          "nothing of this record was stored");
    for (const char* table : {"events", "logbook", "clients"})
        CHECK(server.queryInt(std::string("SELECT count(*) FROM ") + table) == 0);
    // Each kind of personal data, in each free-text field the desk sends.
    for (const std::string text :
         {"paspoort NXC3KL7P1", "geboren 31-12-1985", "j.jansen@example.nl", "06-12345678",
          "NL91ABNA0417164300", "Kerkstraat 12, 1234 AB"}) {
        json::object withSuggestion = feedback("f1", "Onduidelijk");
        withSuggestion["suggestion"] = text;
        for (const auto& record : {json::value(feedback("f1", text)), json::value(withSuggestion),
                                   json::value(logbook("l1", text))}) {
            const auto result =
                sendRecords(server, server.deskA, batch("old", 1, json::array{record}, 1));
            INFO(text << ": " << result.body);
            CHECK(result.status == 400);
            CHECK(result.json().at("error").as_string().find(
                      "holds what looks like a citizen's personal data") != json::string::npos);
        }
    }
    CHECK(server.queryInt("SELECT count(*) FROM feedback") == 0);
    // The answer a protocol 1 desk knows.
    CHECK(sendRecords(server, server.deskA, batch("old", 1, {event("e1")}, 1)).json() ==
          json::parse(R"({"acked":1})"));
}
