// Record batch parsing: every field checked, enumerations and lengths
// enforced, optional fields optional; any problem refuses the whole batch.
#include <souffleur/server/records.h>

#include <catch2/catch.hpp>

using namespace souffleur::server;

TEST_CASE("A valid batch parses into events and feedback", "[server][records]") {
    const auto batch = parseRecordBatch(R"({"client": "c-1", "batch": 7, "records": [
        {"type": "event", "id": "e1", "session": "s1", "guide": "g", "revision": 2,
         "event": "decision", "step": "a", "option": "b", "at": "2026-11-23T12:00:00Z",
         "duration_ms": 1234},
        {"type": "event", "id": "e2", "session": "s1", "guide": "g", "revision": 2,
         "event": "started", "at": "2026-11-23T12:00:00Z"},
        {"type": "feedback", "id": "f1", "guide": "g", "revision": 2, "step": "",
         "kind": "tip", "text": "Ëén tip", "suggestion": null}]})");
    REQUIRE(batch.has_value());
    CHECK(batch->clientId == "c-1");
    CHECK(batch->batch == 7);
    REQUIRE(batch->events.size() == 2);
    CHECK(batch->events[0].event == "decision");
    CHECK(batch->events[0].option == "b");
    CHECK(batch->events[0].durationMs == 1234);
    CHECK_FALSE(batch->events[1].step.has_value());
    CHECK_FALSE(batch->events[1].durationMs.has_value());
    REQUIRE(batch->feedback.size() == 1);
    CHECK_FALSE(batch->feedback[0].step.has_value()); // "" is "not given"
    CHECK(batch->feedback[0].text == "Ëén tip");
    CHECK_FALSE(batch->feedback[0].suggestion.has_value());
}

TEST_CASE("Malformed batches are refused with a located reason", "[server][records]") {
    const auto refuse = [](const std::string& json) {
        auto batch = parseRecordBatch(json);
        REQUIRE_FALSE(batch.has_value());
        return batch.error();
    };
    const std::string head = R"({"client": "c", "batch": 1, "records": [)";
    const std::string event = R"({"type": "event", "id": "e", "session": "s", "guide": "g",
        "revision": 1, "at": "t", )";
    CHECK(refuse("{").starts_with("malformed JSON"));
    CHECK(refuse(R"({"batch": 1, "records": []})") == "batch: \"client\" is missing");
    CHECK(refuse(R"({"client": "c", "batch": 1.5, "records": []})").find("\"batch\"") !=
          std::string::npos);
    CHECK(refuse(head + event + R"("event": "launched"}]})") ==
          "records[0]: \"event\" must be one of started, step_shown, step_done, decision, "
          "back, skipped, escalated, finished, abandoned");
    CHECK(refuse(head + event + R"("event": "started", "duration_ms": -1}]})")
              .starts_with("records[0]: \"duration_ms\""));
    CHECK(refuse(head + event + R"("event": "started", "step": 3}]})") ==
          "records[0]: \"step\" must be a string");
    CHECK(refuse(head + R"({"type": "feedback", "id": "f", "guide": "g", "revision": 1,
        "kind": "rant", "text": "x"}]})")
              .starts_with("records[0]: \"kind\" must be one of wrong"));
    CHECK(refuse(head + R"(42]})") == "records[0]: a record must be a JSON object");
    CHECK(refuse(head + event + R"("event": "started", "revision": 0}]})")
              .starts_with("records[0]: \"revision\""));
}

TEST_CASE("Back events and feedback without text parse", "[server][records]") {
    const auto batch = parseRecordBatch(R"({"client": "c", "batch": 1, "records": [
        {"type": "event", "id": "e1", "session": "s1", "guide": "g", "revision": 1,
         "event": "back", "step": "a", "at": "2026-11-23T12:00:00Z"},
        {"type": "feedback", "id": "f1", "guide": "g", "revision": 1, "kind": "wrong"},
        {"type": "feedback", "id": "f2", "guide": "g", "revision": 1, "kind": "unclear",
         "text": ""}]})");
    REQUIRE(batch.has_value());
    REQUIRE(batch->events.size() == 1);
    CHECK(batch->events[0].event == "back");
    REQUIRE(batch->feedback.size() == 2);
    CHECK(batch->feedback[0].text.empty());
    CHECK(batch->feedback[1].text.empty());
}

TEST_CASE("Text lengths are counted in characters", "[server][records]") {
    const auto withText = [](const std::string& text) {
        return parseRecordBatch(R"({"client": "c", "batch": 1, "records": [{"type": "feedback",
            "id": "f", "guide": "g", "revision": 1, "kind": "tip", "text": ")" +
                                text + R"("}]})");
    };
    std::string accents;
    for (std::size_t i = 0; i < kMaxTextLength; ++i)
        accents += "é"; // two bytes each
    CHECK(withText(accents).has_value());
    CHECK_FALSE(withText(accents + "é").has_value());
}

TEST_CASE("Logbook and AAR records parse, their optional fields optional",
          "[server][records][logbook]") {
    auto batch = parseRecordBatch(R"({"client": "c", "batch": 1, "records": [
        {"type": "event", "id": "e1", "session": "s1", "guide": "g", "revision": 1,
         "event": "started", "at": "2026-11-23T12:00:00Z"},
        {"type": "logbook", "id": "l1", "at": "2026-11-23T12:00:00Z",
         "text": "De fotohokje bij balie 3 weigert foto's sinds maandag", "guide": "g",
         "step": "foto"},
        {"type": "logbook", "id": "l2", "at": "2026-11-24T08:00:00.000Z", "text": "Kort",
         "guide": "", "step": null},
        {"type": "aar", "id": "a1", "at": "2026-11-30T15:00:00Z", "guide": "g",
         "from": "2026-11-01", "to": "2026-11-30", "expected": "Binnen 5 minuten",
         "happened": "Vaak 10 minuten", "why": "De camera", "improve": "Gemeentecamera",
         "actions": [{"text": "Camera laten repareren"},
                     {"text": "Stap aanpassen", "guide": "g", "step": "foto"}]},
        {"type": "aar", "id": "a2", "at": "2026-12-01T09:00:00Z", "expected": "x",
         "happened": "y", "why": "z", "improve": "w", "actions": null}]})");
    INFO((batch ? std::string() : batch.error()));
    REQUIRE(batch.has_value());
    REQUIRE(batch->logbook.size() == 2);
    CHECK(batch->logbook[0].position == 1);
    CHECK(batch->logbook[0].guideId == "g");
    CHECK(batch->logbook[0].step == "foto");
    CHECK_FALSE(batch->logbook[1].guideId.has_value());
    CHECK_FALSE(batch->logbook[1].step.has_value());
    REQUIRE(batch->aars.size() == 2);
    const auto& aar = batch->aars[0];
    CHECK(aar.position == 3);
    CHECK(aar.from == "2026-11-01");
    CHECK(aar.to == "2026-11-30");
    CHECK(aar.improve == "Gemeentecamera");
    REQUIRE(aar.actions.size() == 2);
    CHECK_FALSE(aar.actions[0].guideId.has_value());
    CHECK(aar.actions[1].step == "foto");
    CHECK(batch->aars[1].actions.empty());
    CHECK_FALSE(batch->aars[1].guideId.has_value());
    CHECK(teamRecordWithoutTeam(*batch) ==
          "records[1]: a \"logbook\" record belongs to the sender's team, and this account has "
          "none");
    batch->logbook.clear();
    CHECK(teamRecordWithoutTeam(*batch).value().starts_with("records[3]: a \"aar\" record"));
    batch->aars.clear();
    CHECK_FALSE(teamRecordWithoutTeam(*batch).has_value());
}

TEST_CASE("Malformed logbook and AAR records are refused naming the record and field",
          "[server][records][logbook][hostile]") {
    const auto refuse = [](const std::string& record) {
        // A good event first: the problem is located in the second record.
        auto batch = parseRecordBatch(
            R"({"client": "c", "batch": 1, "records": [{"type": "event", "id": "e",
            "session": "s", "guide": "g", "revision": 1, "event": "started", "at": "t"}, )" +
            record + "]}");
        REQUIRE_FALSE(batch.has_value());
        return batch.error();
    };
    const std::string logbook = R"({"type": "logbook", "id": "l", "at": "2026-11-23T12:00:00Z", )";
    const std::string aar = R"({"type": "aar", "id": "a", "at": "2026-11-23T12:00:00Z",
        "expected": "e", "happened": "h", "why": "w", "improve": "i", )";
    const std::string longText(kMaxTextLength + 1, 'x');

    CHECK(refuse(logbook + R"("guide": "g"})") == "records[1]: \"text\" is missing");
    CHECK(refuse(logbook + R"("text": ""})") == "records[1]: \"text\" is missing");
    CHECK(refuse(logbook + R"("text": ")" + longText + "\"}") ==
          "records[1]: \"text\" is longer than 4000 characters");
    CHECK(refuse(logbook + R"("text": "x", "step": 4})") ==
          "records[1]: \"step\" must be a string");
    CHECK(refuse(R"({"type": "logbook", "id": "l", "at": "maandag", "text": "x"})") ==
          "records[1]: \"at\" must be an ISO 8601 time beginning YYYY-MM-DD");
    CHECK(refuse(R"({"type": "logbook", "at": "2026-11-23", "text": "x"})") ==
          "records[1]: \"id\" is missing");

    CHECK(refuse(aar + R"("from": "1 november"})") ==
          "records[1]: \"from\" must be a date: YYYY-MM-DD");
    CHECK(refuse(aar + R"("from": "2026-11-30", "to": "2026-11-01"})") ==
          "records[1]: \"to\" is before \"from\"");
    CHECK(refuse(R"({"type": "aar", "id": "a", "at": "2026-11-23", "expected": "e",
        "happened": "h", "improve": "i"})") == "records[1]: \"why\" is missing");
    CHECK(refuse(aar + R"("happened": ")" + longText + "\"}") ==
          "records[1]: \"happened\" is longer than 4000 characters");
    CHECK(refuse(aar + R"("actions": "alles"})") ==
          "records[1]: \"actions\" must be an array of at most 20 objects");
    CHECK(refuse(aar + R"("actions": [{"text": "a"}, 3]})") ==
          "records[1]: \"actions\" must be an array of at most 20 objects");
    CHECK(refuse(aar + R"("actions": [{"text": "a"}, {"guide": "g"}]})") ==
          "records[1].actions[1]: \"text\" is missing");
    CHECK(refuse(aar + R"("actions": [{"text": ")" + longText + "\"}]}") ==
          "records[1].actions[0]: \"text\" is longer than 4000 characters");

    std::string actions;
    for (std::size_t i = 0; i <= kMaxAarActions; ++i)
        actions += std::string(actions.empty() ? "" : ", ") + R"({"text": "a"})";
    CHECK(refuse(aar + R"("actions": [)" + actions + "]}") ==
          "records[1]: \"actions\" must be an array of at most 20 objects");
    actions = actions.substr(actions.find('}') + 3); // 20 actions
    CHECK(parseRecordBatch(R"({"client": "c", "batch": 1, "records": [)" + aar + R"("actions": [)" +
                           actions + "]}]}")
              ->aars.at(0)
              .actions.size() == kMaxAarActions);
}
