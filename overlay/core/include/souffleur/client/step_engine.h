// The step engine: one desk session through one guide, as a state machine.
// It knows nothing of screens or networks; the overlay drives it and turns the
// events it emits into outbox records (records.h).
//
//            start()                       next() on a step that ends the task,
//   Idle ─────────────▶ Active(step) ────▶ or on the last step, or finish()
//                        │    ▲   │                  │
//          next()/choose()│    │   │abandon()         ▼
//          (to the next   └────┘   ▼               Finished
//           or chosen step)     Abandoned
//           back(): to the previous step on the path taken (not from the first)
//
// Invariants:
//  1. In Active, currentStep() is a step of the guide and path() ends with it.
//  2. A decision step moves only by choose(); a plain step only by next().
//  3. Every transition emits exactly the events documented on its function, with
//     the time spent on the step measured on the injected Clock.
//  4. Finished and Abandoned are final: every operation returns an error there.
#pragma once

#include <souffleur/content/guide.h>

#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <string>
#include <vector>

namespace souffleur::client {

// Time source, injectable so that tests control durations.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::steady_clock::time_point now() const = 0;
    virtual std::chrono::system_clock::time_point wallNow() const = 0;
};

// The real clock.
class SystemClock final : public Clock {
public:
    std::chrono::steady_clock::time_point now() const override {
        return std::chrono::steady_clock::now();
    }
    std::chrono::system_clock::time_point wallNow() const override {
        return std::chrono::system_clock::now();
    }
};

enum class EventKind { Started, StepShown, StepDone, Decision, Back, Finished, Abandoned };

// The wire name of an event kind ("started", "step_shown", ...).
const char* eventName(EventKind kind);

struct StepEvent {
    EventKind kind;
    std::string step;             // the step the event is about
    std::string option;           // Decision: the chosen option's target step
    std::int64_t durationMs = -1; // StepDone, Decision, Back, Abandoned: time on the step
    std::chrono::system_clock::time_point at;
};

enum class EngineState { Idle, Active, Finished, Abandoned };

class StepEngine {
public:
    using Sink = std::function<void(const StepEvent&)>;

    StepEngine(const Clock& clock, Sink sink);

    // Idle -> Active at the first step. Emits Started, StepShown.
    std::expected<void, std::string> start(const content::Guide& guide);
    // Plain step: emits StepDone, then StepShown for the next step, or Finished.
    std::expected<void, std::string> next();
    // Decision step: emits Decision (with the option's target), StepShown.
    std::expected<void, std::string> choose(std::size_t optionIndex);
    // Emits Back, StepShown for the previous step on the path.
    std::expected<void, std::string> back();
    // Emits Abandoned for the current step.
    std::expected<void, std::string> abandon();

    EngineState state() const { return m_state; }
    const content::Guide& guide() const { return m_guide; }
    // The current step (valid in Active only).
    const content::Step& currentStep() const;
    const std::vector<std::string>& path() const { return m_path; }
    // Per step of path(), the index of the option chosen there; -1 for a
    // plain step and for the current one. Back forgets the choice it undoes.
    const std::vector<int>& choices() const { return m_choices; }
    bool canGoBack() const { return m_state == EngineState::Active && m_path.size() > 1; }

private:
    std::expected<void, std::string> requireActive() const;
    std::int64_t elapsedMs() const;
    void show(const std::string& stepId);
    void emitEvent(EventKind kind, std::string step, std::string option = {},
                   std::int64_t durationMs = -1);

    const Clock& m_clock;
    Sink m_sink;
    content::Guide m_guide;
    EngineState m_state = EngineState::Idle;
    std::vector<std::string> m_path;
    std::vector<int> m_choices; // aligned with m_path
    std::chrono::steady_clock::time_point m_stepShownAt;
};

} // namespace souffleur::client
