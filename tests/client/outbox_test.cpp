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
    REQUIRE(outbox->enqueue(R"({"type":"feedback","id":"1"})"));
    REQUIRE(outbox->enqueue(R"({"type":"feedback","id":"2"})"));
    const auto first = outbox->nextBatch(10).value();
    REQUIRE(first.has_value());
    CHECK(first->number == 1);
    CHECK(first->size == 2);
    CHECK(first->body.find("\"client\":\"" + outbox->clientId() + "\"") != std::string::npos);

    // A record enqueued while batch 1 is in flight waits for batch 2.
    REQUIRE(outbox->enqueue(R"({"type":"feedback","id":"3"})"));
    const auto retry = outbox->nextBatch(10).value();
    REQUIRE(retry.has_value());
    CHECK(retry->number == 1);
    CHECK(retry->body == first->body);

    REQUIRE(outbox->acknowledge(1));
    const auto second = outbox->nextBatch(10).value();
    REQUIRE(second.has_value());
    CHECK(second->number == 2);
    CHECK(second->size == 1);
    REQUIRE(outbox->acknowledge(2));
    CHECK(outbox->pending().value() == 0);
}

TEST_CASE("Several records are stored together, in order", "[client][outbox]") {
    auto outbox = Outbox::open(souffleur::test::freshPath("together.sqlite"));
    REQUIRE(outbox.has_value());
    const std::vector<std::string> records{R"({"n":1})", R"({"n":2})", R"({"n":3})"};
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
        REQUIRE(outbox->enqueue(R"({"n":)" + std::to_string(i) + "}"));
    CHECK(outbox->nextBatch(2).value()->size == 2);
    REQUIRE(outbox->acknowledge(1));
    CHECK(outbox->nextBatch(2).value()->size == 2);
    REQUIRE(outbox->acknowledge(2));
    CHECK(outbox->nextBatch(2).value()->size == 1);
}

TEST_CASE("A refused batch is set aside, not lost, and unblocks the rest", "[client][outbox]") {
    auto outbox = Outbox::open(souffleur::test::freshPath("reject.sqlite"));
    REQUIRE(outbox.has_value());
    REQUIRE(outbox->enqueue(R"({"n":1})"));
    REQUIRE(outbox->nextBatch(10).value()->number == 1);
    REQUIRE(outbox->enqueue(R"({"n":2})"));
    REQUIRE(outbox->reject(1, "records[0]: bad"));
    CHECK(outbox->rejected().value() == 1);
    CHECK(outbox->pending().value() == 1);
    const auto next = outbox->nextBatch(10).value();
    REQUIRE(next.has_value());
    CHECK(next->number == 2);
    CHECK(next->body.find(R"({"n":2})") != std::string::npos);
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
            (void)outbox->enqueue(R"({"type":"event","id":")" + std::to_string(i) + "\"}");
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
