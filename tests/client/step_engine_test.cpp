// The step engine: every transition of the state diagram in step_engine.h,
// with the events and durations it emits, on a clock the test moves.
#include <souffleur/client/step_engine.h>

#include <catch2/catch.hpp>

using namespace souffleur::client;
using namespace std::chrono_literals;
namespace content = souffleur::content;

namespace {

class TestClock final : public Clock {
public:
    std::chrono::steady_clock::time_point now() const override { return m_now; }
    std::chrono::system_clock::time_point wallNow() const override {
        return std::chrono::system_clock::time_point{} +
               std::chrono::duration_cast<std::chrono::system_clock::duration>(
                   m_now.time_since_epoch());
    }
    void advance(std::chrono::milliseconds by) { m_now += by; }

private:
    std::chrono::steady_clock::time_point m_now{};
};

// a (decision: to b or c) -> b -> c (ends); d is after c in document order.
content::Guide branchingGuide() {
    content::Guide guide;
    guide.id = "t.branching";
    guide.title = "Branching";
    guide.steps = {{.id = "a", .glance = "A", .options = {{"to b", "b"}, {"to c", "c"}}},
                   {.id = "b", .glance = "B"},
                   {.id = "c", .glance = "C", .ends = true},
                   {.id = "d", .glance = "D"}};
    return guide;
}

struct Recorder {
    std::vector<StepEvent> events;
    StepEngine::Sink sink() {
        return [this](const StepEvent& e) { events.push_back(e); };
    }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : events)
            out.push_back(std::string(eventName(e.kind)) + ":" + e.step);
        return out;
    }
};

using Names = std::vector<std::string>;

} // namespace

TEST_CASE("Starting shows the first step", "[client][engine]") {
    TestClock clock;
    Recorder recorder;
    StepEngine engine(clock, recorder.sink());
    CHECK(engine.state() == EngineState::Idle);
    CHECK_FALSE(engine.next().has_value());
    REQUIRE(engine.start(branchingGuide()).has_value());
    CHECK(engine.state() == EngineState::Active);
    CHECK(engine.currentStep().id == "a");
    CHECK_FALSE(engine.canGoBack());
    CHECK(recorder.names() == Names{"started:a", "step_shown:a"});
    CHECK_FALSE(engine.start(branchingGuide()).has_value());
}

TEST_CASE("A guide without steps cannot start", "[client][engine]") {
    TestClock clock;
    StepEngine engine(clock, {});
    content::Guide empty;
    CHECK_FALSE(engine.start(empty).has_value());
    CHECK(engine.state() == EngineState::Idle);
}

TEST_CASE("A decision moves only by choose, with its duration", "[client][engine]") {
    TestClock clock;
    Recorder recorder;
    StepEngine engine(clock, recorder.sink());
    REQUIRE(engine.start(branchingGuide()));
    CHECK_FALSE(engine.next().has_value());
    CHECK_FALSE(engine.choose(2).has_value());
    clock.advance(1500ms);
    REQUIRE(engine.choose(0).has_value());
    CHECK(engine.currentStep().id == "b");
    const StepEvent& decision = recorder.events[2];
    CHECK(decision.kind == EventKind::Decision);
    CHECK(decision.step == "a");
    CHECK(decision.option == "b");
    CHECK(decision.durationMs == 1500);
}

TEST_CASE("Next walks on and finishes at a step that ends the task", "[client][engine]") {
    TestClock clock;
    Recorder recorder;
    StepEngine engine(clock, recorder.sink());
    REQUIRE(engine.start(branchingGuide()));
    REQUIRE(engine.choose(0));
    clock.advance(200ms);
    REQUIRE(engine.next()); // b -> c
    CHECK(engine.currentStep().id == "c");
    clock.advance(300ms);
    REQUIRE(engine.next()); // c ends the task: d is never shown
    CHECK(engine.state() == EngineState::Finished);
    CHECK(recorder.names() == Names{"started:a", "step_shown:a", "decision:a", "step_shown:b",
                                    "step_done:b", "step_shown:c", "step_done:c", "finished:c"});
    CHECK(recorder.events[4].durationMs == 200);
    CHECK(recorder.events[6].durationMs == 300);
    SECTION("Finished is final") {
        CHECK_FALSE(engine.next().has_value());
        CHECK_FALSE(engine.back().has_value());
        CHECK_FALSE(engine.abandon().has_value());
        CHECK_FALSE(engine.choose(0).has_value());
    }
}

TEST_CASE("The last step finishes even without end=true", "[client][engine]") {
    TestClock clock;
    Recorder recorder;
    StepEngine engine(clock, recorder.sink());
    content::Guide guide;
    guide.steps = {{.id = "only", .glance = "Only"}};
    REQUIRE(engine.start(guide));
    REQUIRE(engine.next());
    CHECK(engine.state() == EngineState::Finished);
}

TEST_CASE("Back returns along the path taken", "[client][engine]") {
    TestClock clock;
    Recorder recorder;
    StepEngine engine(clock, recorder.sink());
    REQUIRE(engine.start(branchingGuide()));
    REQUIRE(engine.choose(1)); // a -> c, skipping b
    CHECK(engine.path() == std::vector<std::string>{"a", "c"});
    clock.advance(50ms);
    REQUIRE(engine.back());
    CHECK(engine.currentStep().id == "a"); // not b: back follows the path
    CHECK(engine.path() == std::vector<std::string>{"a"});
    CHECK(recorder.events[4].kind == EventKind::Back);
    CHECK(recorder.events[4].durationMs == 50);
    CHECK_FALSE(engine.back().has_value());
}

TEST_CASE("The choices made are kept along the path, and Back forgets the undone one",
          "[client][engine]") {
    TestClock clock;
    StepEngine engine(clock, {});
    REQUIRE(engine.start(branchingGuide()));
    CHECK(engine.choices() == std::vector<int>{-1});
    REQUIRE(engine.choose(0)); // a -> b
    CHECK(engine.choices() == std::vector<int>{0, -1});
    REQUIRE(engine.back()); // at a again: undecided
    CHECK(engine.choices() == std::vector<int>{-1});
    REQUIRE(engine.choose(1)); // a -> c
    REQUIRE(engine.next());    // c ends the task
    CHECK(engine.state() == EngineState::Finished);
    CHECK(engine.path() == std::vector<std::string>{"a", "c"});
    CHECK(engine.choices() == std::vector<int>{1, -1});
}

TEST_CASE("Abandon ends the session on the current step", "[client][engine]") {
    TestClock clock;
    Recorder recorder;
    StepEngine engine(clock, recorder.sink());
    REQUIRE(engine.start(branchingGuide()));
    clock.advance(7s);
    REQUIRE(engine.abandon());
    CHECK(engine.state() == EngineState::Abandoned);
    CHECK(recorder.events.back().kind == EventKind::Abandoned);
    CHECK(recorder.events.back().step == "a");
    CHECK(recorder.events.back().durationMs == 7000);
    CHECK_FALSE(engine.next().has_value());
}
