// The outbox: committed before enqueue returns, resent unchanged until
// acknowledged, and never lost when the process is killed.
#include "test_paths.h"

#include <souffleur/client/outbox.h>
#include <souffleur/client/records.h>

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace souffleur::client;

namespace {

// A valid record (an alert acknowledgement) with this id.
std::string record(const std::string& id) {
    return R"({"type":"ack","id":")" + id +
           R"(","alert":"nl.alert.x","revision":1,"at":"2026-11-23T10:00:00Z"})";
}

} // namespace

TEST_CASE("An empty outbox has nothing to send", "[client][outbox]") {
    auto outbox = Outbox::open(souffleur::test::freshPath("empty.sqlite"));
    REQUIRE(outbox.has_value());
    CHECK_FALSE(outbox->nextBatch().value().has_value());
    CHECK(outbox->pending().value() == 0);
    CHECK(outbox->clientId().size() == 36);
}

TEST_CASE("A numbered batch is resent unchanged until acknowledged", "[client][outbox]") {
    auto outbox = Outbox::open(souffleur::test::freshPath("batches.sqlite"));
    REQUIRE(outbox.has_value());
    REQUIRE(outbox->enqueue(record("1")));
    REQUIRE(outbox->enqueue(record("2")));
    const auto first = outbox->nextBatch(10).value();
    REQUIRE(first.has_value());
    CHECK(first->number == 1);
    CHECK(first->size == 2);
    CHECK(first->body.find("\"client\":\"" + outbox->clientId() + "\"") != std::string::npos);

    // A record enqueued while batch 1 is in flight waits for batch 2.
    REQUIRE(outbox->enqueue(record("3")));
    const auto retry = outbox->nextBatch(10).value();
    REQUIRE(retry.has_value());
    CHECK(retry->number == 1);
    CHECK(retry->body == first->body);

    REQUIRE(outbox->settle(1));
    const auto second = outbox->nextBatch(10).value();
    REQUIRE(second.has_value());
    CHECK(second->number == 2);
    CHECK(second->size == 1);
    REQUIRE(outbox->settle(2));
    CHECK(outbox->pending().value() == 0);
}

TEST_CASE("Several records are stored together, in order", "[client][outbox]") {
    auto outbox = Outbox::open(souffleur::test::freshPath("together.sqlite"));
    REQUIRE(outbox.has_value());
    const std::vector<std::string> records{record("1"), record("2"), record("3")};
    REQUIRE(outbox->enqueueAll(records));
    REQUIRE(outbox->enqueueAll({})); // nothing: fine
    CHECK(outbox->pending().value() == 3);
    const auto batch = outbox->nextBatch(10).value();
    REQUIRE(batch.has_value());
    CHECK(batch->size == 3);
    const auto at = [&](const std::string& record) { return batch->body.find(record); };
    CHECK(at(records[0]) < at(records[1]));
    CHECK(at(records[1]) < at(records[2]));
    CHECK(at(records[2]) != std::string::npos);
}

TEST_CASE("Batches are capped in size", "[client][outbox]") {
    auto outbox = Outbox::open(souffleur::test::freshPath("cap.sqlite"));
    REQUIRE(outbox.has_value());
    for (int i = 0; i < 5; ++i)
        REQUIRE(outbox->enqueue(record(std::to_string(i))));
    CHECK(outbox->nextBatch(2).value()->size == 2);
    REQUIRE(outbox->settle(1));
    CHECK(outbox->nextBatch(2).value()->size == 2);
    REQUIRE(outbox->settle(2));
    CHECK(outbox->nextBatch(2).value()->size == 1);
}

TEST_CASE("A refused batch is set aside, not lost, and unblocks the rest", "[client][outbox]") {
    auto outbox = Outbox::open(souffleur::test::freshPath("reject.sqlite"));
    REQUIRE(outbox.has_value());
    REQUIRE(outbox->enqueue(record("1")));
    REQUIRE(outbox->nextBatch(10).value()->number == 1);
    REQUIRE(outbox->enqueue(record("2")));
    REQUIRE(outbox->reject(1, "records[0]: bad"));
    CHECK(outbox->rejected().value() == 1);
    CHECK(outbox->pending().value() == 1);
    const auto next = outbox->nextBatch(10).value();
    REQUIRE(next.has_value());
    CHECK(next->number == 2);
    CHECK(next->body.find(record("2")) != std::string::npos);
}

// A process kill never loses a committed transaction, whatever the synchronous
// setting; this checks the other half of the invariant: a numbered batch keeps
// its number and its records across a crash, so the resend is the same batch.
TEST_CASE("Records survive SIGKILL between commit and send", "[client][outbox][crash]") {
    const auto path = souffleur::test::freshPath("crash.sqlite");
    int pipeFds[2];
    REQUIRE(::pipe(pipeFds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child enqueues, numbers a batch (as if sending), tells the
        // parent, and waits to be killed before any acknowledgement.
        ::close(pipeFds[0]);
        auto outbox = Outbox::open(path);
        for (int i = 0; i < 50; ++i)
            (void)outbox->enqueue(record(std::to_string(i)));
        (void)outbox->nextBatch(20);
        const char done = 'x';
        (void)::write(pipeFds[1], &done, 1);
        for (;;)
            ::pause();
    }
    ::close(pipeFds[1]);
    char buffer = 0;
    REQUIRE(::read(pipeFds[0], &buffer, 1) == 1);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(pipeFds[0]);

    auto outbox = Outbox::open(path);
    REQUIRE(outbox.has_value());
    CHECK(outbox->pending().value() == 50);
    const auto batch = outbox->nextBatch(100).value();
    REQUIRE(batch.has_value());
    CHECK(batch->number == 1); // the in-flight batch is resent as it was
    CHECK(batch->size == 20);
}

TEST_CASE("Records carry no person, only guide, step and session", "[client][records]") {
    SessionInfo session{newUuid(), "g.id", 3};
    StepEvent event{EventKind::StepDone, "s1", "", 1234, std::chrono::system_clock::now()};
    const std::string record = eventRecord(session, event);
    CHECK(record.find("\"event\":\"step_done\"") != std::string::npos);
    CHECK(record.find("\"duration_ms\":1234") != std::string::npos);
    CHECK(record.find("\"revision\":3") != std::string::npos);
    const std::string feedback =
        feedbackRecord({"g.id", 3, "s1", FeedbackKind::Tip, "Gebruik de UV-lamp", ""});
    CHECK(feedback.find("\"kind\":\"tip\"") != std::string::npos);
    CHECK(feedback.find("suggestion") == std::string::npos);
    CHECK(newUuid() != newUuid());
    CHECK(isoTime(std::chrono::system_clock::time_point{}) == "1970-01-01T00:00:00.000Z");
}

TEST_CASE("Logbook and AAR records carry the team's words, never a person",
          "[client][records][logbook]") {
    const auto at = std::chrono::system_clock::time_point{} + std::chrono::hours(24);
    const std::string logbook =
        logbookRecord({"Fotohokje bij balie 3 kapot; gebruik de gemeentecamera", "", "", at});
    CHECK(logbook.find(R"("type":"logbook")") != std::string::npos);
    CHECK(logbook.find(R"("at":"1970-01-02T00:00:00.000Z")") != std::string::npos);
    CHECK(logbook.find("guide") == std::string::npos); // not given: absent
    CHECK(logbook.find("step") == std::string::npos);

    AfterActionReview review;
    review.at = at;
    review.guideId = "g.id";
    review.from = "2026-11-01";
    review.expected = "e";
    review.happened = "h";
    review.why = "w";
    review.improve = "i";
    review.actions = {{"Camera laten maken", "", ""}, {"Stap aanpassen", "g.id", "foto"}};
    const std::string aar = aarRecord(review);
    CHECK(aar.find(R"("type":"aar")") != std::string::npos);
    CHECK(aar.find(R"("from":"2026-11-01")") != std::string::npos);
    CHECK(aar.find(R"("to")") == std::string::npos);
    CHECK(aar.find(R"("actions":[{"text":"Camera laten maken"},)"
                   R"({"text":"Stap aanpassen","guide":"g.id","step":"foto"}])") !=
          std::string::npos);
    review.actions.clear();
    CHECK(aarRecord(review).find("actions") == std::string::npos);
    CHECK(aarRecord(review) != aarRecord(review)); // a new id each time
}

TEST_CASE("Whatever the caller, a record with personal data never enters the outbox",
          "[client][outbox][privacy]") {
    auto outbox = Outbox::open(souffleur::test::freshPath("guard.sqlite"));
    REQUIRE(outbox.has_value());
    const auto now = std::chrono::system_clock::now();
    // Straight through the core API, past any panel.
    auto refused = outbox->enqueue(
        logbookRecord({"Mevrouw met BSN 111222333 komt morgen terug", "", "", now}));
    REQUIRE_FALSE(refused.has_value());
    REQUIRE(refused.error().refused.has_value());
    CHECK(refused.error().refused->personalData == souffleur::protocol::PersonalData::Bsn);
    CHECK(refused.error().refused->field == "text");
    CHECK(refused.error().message.starts_with("record: \"text\" holds what looks like"));
    refused = outbox->enqueue(
        feedbackRecord({"g.id", 1, "s1", FeedbackKind::Tip, "Goede stap", "Bel 06-12345678"}));
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().refused->field == "suggestion");
    // In a group, one bad record stops them all.
    const std::vector<std::string> group{
        record("ok"), logbookRecord({"Post naar 1234 AB 12 gestuurd", "", "", now})};
    refused = outbox->enqueueAll(group);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().index == 1);
    CHECK(refused.error().refused->personalData == souffleur::protocol::PersonalData::Address);
    CHECK(outbox->pending().value() == 0);
    CHECK(outbox->rejected().value() == 0);
    // What the server would refuse anyway does not get in either.
    refused = outbox->enqueue(R"({"n":1})");
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().message == "record: \"type\" must be one of event, feedback, ack, "
                                     "logbook, aar, update_needed");
    CHECK(outbox->enqueue(logbookRecord({"Fotohokje kapot", "", "", now})).has_value());
    CHECK(outbox->pending().value() == 1);
}

TEST_CASE("Only the records the server refused are set aside; they can be exported and resent",
          "[client][outbox]") {
    auto outbox = Outbox::open(souffleur::test::freshPath("settle.sqlite"));
    REQUIRE(outbox.has_value());
    for (const char* id : {"a", "b", "c", "d"})
        REQUIRE(outbox->enqueue(record(id)));
    const auto batch = outbox->nextBatch(10).value();
    REQUIRE(batch.has_value());
    CHECK(batch->body.find(R"("protocol":2)") != std::string::npos);
    const std::vector<souffleur::protocol::RefusedRecord> refused{
        {1, "b", "records[1]: \"alert\" is unknown here"},
        {3, "d", "records[3]: no"},
        {9, "", "?"}};
    REQUIRE(outbox->settle(batch->number, refused));
    CHECK(outbox->pending().value() == 0);
    const auto kept = outbox->rejectedRecords().value();
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].record == record("b"));
    CHECK(kept[0].reason == "records[1]: \"alert\" is unknown here");
    CHECK(kept[0].batch == 1);
    CHECK(kept[1].record == record("d"));

    const std::string exported = exportRejected(outbox->clientId(), kept);
    CHECK(exported.find(R"("client":")" + outbox->clientId()) != std::string::npos);
    CHECK(exported.find(R"("record":{"type":"ack","id":"b")") != std::string::npos);
    CHECK(exported.find(R"("reason":"records[3]: no")") != std::string::npos);

    CHECK(outbox->resendRejected().value() == 2);
    CHECK(outbox->rejected().value() == 0);
    const auto again = outbox->nextBatch(10).value();
    REQUIRE(again.has_value());
    CHECK(again->number == 2);
    CHECK(again->size == 2);
    CHECK(again->body.find(record("b")) < again->body.find(record("d")));
}

TEST_CASE("Step records the database cannot take wait in memory and are stored later, in order",
          "[client][outbox]") {
    const auto path = souffleur::test::freshPath("locked.sqlite");
    auto outbox = Outbox::open(path, {.busyTimeoutMs = 20});
    REQUIRE(outbox.has_value());
    PendingRecords pending;
    REQUIRE(pending.store(*outbox, {record("1")}));
    CHECK(pending.waiting() == 0);

    // Another connection holds the database (as a full disk or a stuck lock would).
    auto other = souffleur::sqlite::Database::open(path);
    REQUIRE(other.has_value());
    REQUIRE(other->exec("BEGIN EXCLUSIVE"));
    auto failed = pending.store(*outbox, {record("2"), record("3")});
    REQUIRE_FALSE(failed.has_value());
    CHECK_FALSE(failed.error().refused.has_value()); // the database, not the records
    CHECK(pending.waiting() == 2);
    failed = pending.store(*outbox, {record("4")});
    REQUIRE_FALSE(failed.has_value());
    CHECK(pending.waiting() == 3);
    CHECK_FALSE(pending.retry(*outbox).has_value());
    CHECK(pending.waiting() == 3);

    REQUIRE(other->exec("COMMIT"));
    REQUIRE(pending.retry(*outbox));
    CHECK(pending.waiting() == 0);
    CHECK(outbox->pending().value() == 4);
    const auto batch = outbox->nextBatch(10).value();
    REQUIRE(batch.has_value());
    CHECK(batch->body.find(record("2")) < batch->body.find(record("3")));
    CHECK(batch->body.find(record("3")) < batch->body.find(record("4")));

    // A record the outbox refuses (a bug) is set aside; the rest goes in.
    auto refused = pending.store(*outbox, {record("5"), R"({"type":"event"})", record("6")});
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().refused.has_value());
    CHECK(pending.waiting() == 0);
    CHECK(outbox->pending().value() == 6);
    const auto aside = outbox->rejectedRecords().value();
    REQUIRE(aside.size() == 1);
    CHECK(aside[0].record == R"({"type":"event"})");
    CHECK(aside[0].reason.starts_with("refused at the desk: record: \"id\" is missing"));
}
