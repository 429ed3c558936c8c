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
