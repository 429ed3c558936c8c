// The wire records: every field checked, enumerations and lengths enforced,
// optional fields optional, free text through the privacy guard; the batch
// envelope and the per-record answer.
#include <souffleur/protocol/records.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

using namespace souffleur::protocol;
namespace json = boost::json;

namespace {

constexpr std::chrono::year_month_day kToday{std::chrono::year(2026), std::chrono::November,
                                             std::chrono::day(23)};

// The records of a batch, validated; the batch must be well-formed.
std::vector<std::expected<Record, RecordProblem>> checked(const std::string& batchJson) {
    auto batch = parseBatch(batchJson);
    INFO((batch ? std::string() : batch.error()));
    REQUIRE(batch.has_value());
    return validateRecords(std::move(batch->records), kToday);
}

// The first problem of a batch: its envelope's, or its first bad record's.
std::string refuse(const std::string& batchJson) {
    auto batch = parseBatch(batchJson);
    if (!batch)
        return batch.error();
    for (const auto& record : validateRecords(std::move(batch->records), kToday)) {
        if (!record)
            return record.error().message;
    }
    FAIL("the batch was accepted");
    return {};
}

const std::string kHead = R"({"client": "c", "batch": 1, "records": [)";

} // namespace

TEST_CASE("A valid batch: events and feedback, their optional fields optional",
          "[protocol][records]") {
    const auto records = checked(R"({"client": "c-1", "batch": 7, "records": [
        {"type": "event", "id": "e1", "session": "s1", "guide": "g", "revision": 2,
         "event": "decision", "step": "a", "option": "b", "at": "2026-11-23T12:00:00Z",
         "duration_ms": 1234},
        {"type": "event", "id": "e2", "session": "s1", "guide": "g", "revision": 2,
         "event": "started", "at": "2026-11-23T12:00:00Z"},
        {"type": "feedback", "id": "f1", "guide": "g", "revision": 2, "step": "",
         "kind": "tip", "text": "Ëén tip", "suggestion": null, "unknown": "dropped"}]})");
    REQUIRE(records.size() == 3);
    for (const auto& record : records)
        REQUIRE(record.has_value());
    CHECK(records[0]->type() == "event");
    CHECK(records[0]->text("event") == "decision");
    CHECK(records[0]->text("option") == "b");
    CHECK(records[0]->integer("duration_ms") == 1234);
    CHECK_FALSE(records[1]->optionalText("step").has_value());
    CHECK_FALSE(records[1]->optionalInteger("duration_ms").has_value());
    CHECK(records[2]->type() == "feedback");
    CHECK_FALSE(records[2]->optionalText("step").has_value()); // "" is "not given"
    CHECK(records[2]->text("text") == "Ëén tip");
    CHECK_FALSE(records[2]->optionalText("suggestion").has_value());
    // "unknown" is no field of feedback: no getter reads it, so it is never stored.
}

TEST_CASE("The batch envelope", "[protocol][records]") {
    auto batch = parseBatch(R"({"client": "c-1", "batch": 7, "records": []})");
    REQUIRE(batch.has_value());
    CHECK(batch->clientId == "c-1");
    CHECK(batch->number == 7);
    CHECK(batch->protocol == 1); // a desk from before protocol 2
    batch = parseBatch(R"({"client": "c-1", "batch": 7, "protocol": 2, "records": []})");
    REQUIRE(batch.has_value());
    CHECK(batch->protocol == 2);
    batch = parseBatch(R"({"client": "c-1", "batch": 7, "protocol": 9, "records": []})");
    CHECK(batch->protocol == kBatchProtocol); // a newer client gets the newest we speak

    const std::string records[] = {R"({"type":"x"})", R"({"type":"y"})"};
    const auto body = batchJson("c\"2", 3, records);
    batch = parseBatch(body);
    REQUIRE(batch.has_value());
    CHECK(batch->clientId == "c\"2");
    CHECK(batch->number == 3);
    CHECK(batch->protocol == kBatchProtocol);
    CHECK(batch->records.size() == 2);

    CHECK(refuse("{").starts_with("malformed JSON"));
    CHECK(refuse("[]") == "the batch must be a JSON object");
    CHECK(refuse(R"({"batch": 1, "records": []})") == "batch: \"client\" is missing");
    CHECK(refuse(R"({"client": "c", "batch": 1.5, "records": []})").find("\"batch\"") !=
          std::string::npos);
    CHECK(refuse(R"({"client": "c", "batch": 0, "records": []})").starts_with("batch: \"batch\""));
    CHECK(refuse(R"({"client": "c", "batch": 1, "records": {}})") ==
          "batch: \"records\" must be an array");
    std::string many = kHead;
    for (std::size_t i = 0; i <= kMaxRecordsPerBatch; ++i)
        many += std::string(i == 0 ? "" : ",") + "{}";
    CHECK(refuse(many + "]}") == "batch: more than 1000 records");
}

TEST_CASE("Malformed records are refused with a located reason", "[protocol][records]") {
    const std::string event = R"({"type": "event", "id": "e", "session": "s", "guide": "g",
        "revision": 1, "at": "2026-11-23T12:00:00Z", )";
    CHECK(refuse(kHead + event + R"("event": "launched"}]})") ==
          "records[0]: \"event\" must be one of started, step_shown, step_done, decision, "
          "back, skipped, escalated, finished, abandoned");
    CHECK(refuse(kHead + event + R"("event": "started", "duration_ms": -1}]})")
              .starts_with("records[0]: \"duration_ms\""));
    CHECK(refuse(kHead + event + R"("event": "started", "step": 3}]})") ==
          "records[0]: \"step\" must be a string");
    CHECK(refuse(kHead + R"({"type": "feedback", "id": "f", "guide": "g", "revision": 1,
        "kind": "rant", "text": "x"}]})")
              .starts_with("records[0]: \"kind\" must be one of wrong"));
    CHECK(refuse(kHead + R"(42]})") == "records[0]: a record must be a JSON object");
    CHECK(refuse(kHead + R"({"type": "gossip"}]})") ==
          "records[0]: \"type\" must be one of event, feedback, ack, logbook, aar, "
          "update_needed");
    CHECK(refuse(kHead + event + R"("event": "started", "revision": 0}]})")
              .starts_with("records[0]: \"revision\""));
    CHECK(refuse(kHead + R"({"type": "event", "id": "e", "session": "s", "guide": "g",
        "revision": 1, "event": "started", "at": "gisteren"}]})") ==
          "records[0]: \"at\" must be an ISO 8601 time beginning YYYY-MM-DD");
    CHECK(refuse(kHead + R"({"type": "ack", "id": "k", "alert": "a", "revision": 1}]})") ==
          "records[0]: \"at\" is missing");
}

TEST_CASE("Back events and feedback without text are valid", "[protocol][records]") {
    const auto records = checked(kHead + R"(
        {"type": "event", "id": "e1", "session": "s1", "guide": "g", "revision": 1,
         "event": "back", "step": "a", "at": "2026-11-23T12:00:00Z"},
        {"type": "feedback", "id": "f1", "guide": "g", "revision": 1, "kind": "wrong"},
        {"type": "feedback", "id": "f2", "guide": "g", "revision": 1, "kind": "unclear",
         "text": ""}]})");
    REQUIRE(records.size() == 3);
    for (const auto& record : records)
        REQUIRE(record.has_value());
    CHECK(records[1]->text("text").empty());
    CHECK(records[2]->text("text").empty());
}

TEST_CASE("Text lengths are counted in characters, one limit for desk and server",
          "[protocol][records]") {
    const std::size_t limit = maxTextLength("feedback", "text");
    CHECK(limit == 1000);
    CHECK(maxTextLength("feedback", "suggestion") == limit);
    CHECK(maxTextLength("logbook", "text") == 4000);
    CHECK(maxTextLength("feedback", "guide") == 0); // not free text
    const auto withText = [](const std::string& text) {
        return refuse(kHead + R"({"type": "feedback", "id": "f", "guide": "g", "revision": 1,
            "kind": "tip", "text": ")" +
                      text + R"("}, 42]})");
    };
    std::string accents;
    for (std::size_t i = 0; i < limit; ++i)
        accents += "é"; // two bytes each
    CHECK(withText(accents) == "records[1]: a record must be a JSON object");
    CHECK(withText(accents + "é") == "records[0]: \"text\" is longer than 1000 characters");
}

TEST_CASE("Logbook and AAR records, their optional fields optional",
          "[protocol][records][logbook]") {
    const auto records = checked(kHead + R"(
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
    REQUIRE(records.size() == 4);
    for (const auto& record : records)
        REQUIRE(record.has_value());
    CHECK(records[0]->spec->teamRecord);
    CHECK(records[0]->text("guide") == "g");
    CHECK_FALSE(records[1]->optionalText("guide").has_value());
    const auto& aar = *records[2];
    CHECK(aar.text("from") == "2026-11-01");
    CHECK(aar.text("improve") == "Gemeentecamera");
    REQUIRE(aar.items("actions").size() == 2);
    CHECK_FALSE(optionalText(aar.items("actions")[0].as_object(), "guide").has_value());
    CHECK(optionalText(aar.items("actions")[1].as_object(), "step") == "foto");
    CHECK(records[3]->items("actions").empty());
    CHECK_FALSE(findRecordType("event")->teamRecord);
}

TEST_CASE("Malformed logbook and AAR records are refused naming the record and field",
          "[protocol][records][logbook][hostile]") {
    const auto refuseSecond = [](const std::string& record) {
        // A good event first: the problem is located in the second record.
        return refuse(kHead + R"({"type": "event", "id": "e", "session": "s", "guide": "g",
            "revision": 1, "event": "started", "at": "2026-11-23"}, )" +
                      record + "]}");
    };
    const std::string logbook = R"({"type": "logbook", "id": "l", "at": "2026-11-23T12:00:00Z", )";
    const std::string aar = R"({"type": "aar", "id": "a", "at": "2026-11-23T12:00:00Z",
        "expected": "e", "happened": "h", "why": "w", "improve": "i", )";
    const std::string longText(4001, 'x');

    CHECK(refuseSecond(logbook + R"("guide": "g"})") == "records[1]: \"text\" is missing");
    CHECK(refuseSecond(logbook + R"("text": ""})") == "records[1]: \"text\" is missing");
    CHECK(refuseSecond(logbook + R"("text": ")" + longText + "\"}") ==
          "records[1]: \"text\" is longer than 4000 characters");
    CHECK(refuseSecond(logbook + R"("text": "x", "step": 4})") ==
          "records[1]: \"step\" must be a string");
    CHECK(refuseSecond(R"({"type": "logbook", "id": "l", "at": "maandag", "text": "x"})") ==
          "records[1]: \"at\" must be an ISO 8601 time beginning YYYY-MM-DD");
    CHECK(refuseSecond(R"({"type": "logbook", "at": "2026-11-23", "text": "x"})") ==
          "records[1]: \"id\" is missing");

    CHECK(refuseSecond(aar + R"("from": "1 november"})") ==
          "records[1]: \"from\" must be a date: YYYY-MM-DD");
    CHECK(refuseSecond(aar + R"("from": "2026-11-30", "to": "2026-11-01"})") ==
          "records[1]: \"to\" is before \"from\"");
    CHECK(refuseSecond(R"({"type": "aar", "id": "a", "at": "2026-11-23", "expected": "e",
        "happened": "h", "improve": "i"})") == "records[1]: \"why\" is missing");
    CHECK(refuseSecond(aar + R"("happened": ")" + longText + "\"}") ==
          "records[1]: \"happened\" is longer than 4000 characters");
    CHECK(refuseSecond(aar + R"("actions": "alles"})") ==
          "records[1]: \"actions\" must be an array of at most 20 objects");
    CHECK(refuseSecond(aar + R"("actions": [{"text": "a"}, 3]})") ==
          "records[1]: \"actions\" must be an array of at most 20 objects");
    CHECK(refuseSecond(aar + R"("actions": [{"text": "a"}, {"guide": "g"}]})") ==
          "records[1].actions[1]: \"text\" is missing");
    CHECK(refuseSecond(aar + R"("actions": [{"text": ")" + longText + "\"}]}") ==
          "records[1].actions[0]: \"text\" is longer than 4000 characters");

    std::string actions;
    for (std::size_t i = 0; i <= 20; ++i)
        actions += std::string(actions.empty() ? "" : ", ") + R"({"text": "a"})";
    CHECK(refuseSecond(aar + R"("actions": [)" + actions + "]}") ==
          "records[1]: \"actions\" must be an array of at most 20 objects");
    actions = actions.substr(actions.find('}') + 3); // 20 actions
    const auto twenty = checked(kHead + aar + R"("actions": [)" + actions + "]}]}");
    REQUIRE(twenty.at(0).has_value());
    CHECK(twenty[0]->items("actions").size() == 20);
}

TEST_CASE("The privacy guard runs on every free-text field of every record type",
          "[protocol][records][privacy]") {
    // Every Text field of the table, filled with each kind of personal data.
    const std::pair<const char*, PersonalData> kPersonal[] = {
        {"BSN 111222333", PersonalData::Bsn},
        {"paspoort NXC3KL7P1", PersonalData::DocumentNumber},
        {"geboren 31-12-1985", PersonalData::BirthDate},
        {"mail j.jansen@example.nl", PersonalData::Email},
        {"bel 06-12345678", PersonalData::Phone},
        {"NL91ABNA0417164300", PersonalData::Iban},
        {"woont op 1234 AB 12", PersonalData::Address}};
    const json::object base[] = {
        {{"type", "feedback"}, {"id", "f"}, {"guide", "g"}, {"revision", 1}, {"kind", "tip"}},
        {{"type", "logbook"}, {"id", "l"}, {"at", "2026-11-23T10:00:00Z"}, {"text", "x"}},
        {{"type", "aar"},
         {"id", "a"},
         {"at", "2026-11-23T10:00:00Z"},
         {"expected", "e"},
         {"happened", "h"},
         {"why", "w"},
         {"improve", "i"}}};
    std::size_t textFields = 0;
    for (const RecordSpec& spec : recordTypes()) {
        for (const FieldSpec& field : spec.fields) {
            if (field.kind == FieldKind::Objects) {
                for (const FieldSpec& nested : field.fields)
                    textFields += nested.kind == FieldKind::Text ? 1 : 0;
            }
            if (field.kind != FieldKind::Text)
                continue;
            ++textFields;
            const auto* record = std::ranges::find_if(
                base, [&](const json::object& o) { return o.at("type").as_string() == spec.type; });
            REQUIRE(record != std::end(base));
            for (const auto& [text, kind] : kPersonal) {
                json::object bad = *record;
                bad[field.name] = text;
                const auto result = validateRecord(json::value(bad), "record", kToday);
                INFO(spec.type << "." << field.name << ": " << text);
                REQUIRE_FALSE(result.has_value());
                CHECK(result.error().field == field.name);
                CHECK(result.error().personalData == kind);
                CHECK(result.error().message ==
                      "record: \"" + std::string(field.name) +
                          "\" holds what looks like a citizen's personal data (" +
                          personalDataName(kind) +
                          "): remove it; nothing of this record was "
                          "stored");
            }
            json::object good = *record;
            good[field.name] = "Vraag eerst naar het oude paspoort (stap 3 van 7).";
            CHECK(validateRecord(json::value(good), "record", kToday).has_value());
        }
    }
    CHECK(textFields == 8); // feedback 2, logbook 1, aar 4 and an action's text

    // Nested: an AAR action's text.
    json::object aar = base[2];
    aar["actions"] = json::array{json::object{{"text", "Klant 111222333 terugbellen"}}};
    const auto nested = validateRecord(json::value(aar), "records[4]", kToday);
    REQUIRE_FALSE(nested.has_value());
    CHECK(nested.error().field == "actions[0].text");
    CHECK(nested.error().message.starts_with("records[4].actions[0]: \"text\" holds what looks"));
}

TEST_CASE("A record from JSON text", "[protocol][records][hostile]") {
    CHECK(validateRecord(std::string_view("{"), "record", kToday)
              .error()
              .message.starts_with("record: malformed JSON"));
    CHECK(validateRecord(std::string_view(R"({"type": "ack", "id": "k", "alert": "a",
        "revision": 3, "at": "2026-11-23T10:00:00Z"})"),
                         "record", kToday)
              .has_value());
}

TEST_CASE("The answer to a batch names each refused record", "[protocol][records]") {
    const BatchAnswer answer{12, {{1, "f1", "records[1]: \"kind\" is missing"}, {4, "", "x"}}};
    const auto parsed = parseAnswer(json::serialize(answerJson(answer)));
    REQUIRE(parsed.has_value());
    CHECK(parsed->acked == 12);
    REQUIRE(parsed->refused.size() == 2);
    CHECK(parsed->refused[0].index == 1);
    CHECK(parsed->refused[0].id == "f1");
    CHECK(parsed->refused[1].error == "x");
    // A server of protocol 1 answers only the batch number.
    const auto old = parseAnswer(R"({"acked": 3})");
    REQUIRE(old.has_value());
    CHECK(old->refused.empty());
    CHECK_FALSE(parseAnswer("{}").has_value());
    CHECK_FALSE(parseAnswer(R"({"acked": 3, "refused": [{"id": "x"}]})").has_value());
}

TEST_CASE("update_needed: a desk that cannot show a newer format says so",
          "[protocol][records][format]") {
    const auto records = checked(kHead + R"(
        {"type": "update_needed", "id": "u1", "at": "2026-12-03T08:00:00Z", "kind": "guide",
         "item": "nl.x", "revision": 4, "format": 3, "reads": 2, "desk": "0.1.0"},
        {"type": "update_needed", "id": "u2", "at": "2026-12-03T08:00:00Z", "kind": "alert",
         "item": "nl.alert.y", "revision": 1, "format": 2, "reads": 1}]})");
    REQUIRE(records.size() == 2);
    REQUIRE(records[0].has_value());
    CHECK(records[0]->integer("format") == 3);
    CHECK(records[0]->text("desk") == "0.1.0");
    REQUIRE(records[1].has_value());
    CHECK_FALSE(records[1]->optionalText("desk").has_value());
    CHECK_FALSE(records[1]->spec->teamRecord);

    const std::string report = R"({"type": "update_needed", "id": "u", "at": "2026-12-03",
        "item": "nl.x", "revision": 1, "reads": 1, )";
    CHECK(refuse(kHead + report + R"("kind": "dita", "format": 2}]})") ==
          "records[0]: \"kind\" must be one of guide, alert");
    CHECK(refuse(kHead + report + R"("kind": "guide", "format": 1}]})") ==
          "records[0]: \"format\" must be an integer from 2 to 2147483647");
    CHECK(refuse(kHead + report + R"("kind": "guide"}]})") == "records[0]: \"format\" is missing");
}
