// The step engine's transitions; see the state diagram in step_engine.h.
#include <souffleur/client/step_engine.h>

namespace souffleur::client {

const char* eventName(EventKind kind) {
    switch (kind) {
    case EventKind::Started:
        return "started";
    case EventKind::StepShown:
        return "step_shown";
    case EventKind::StepDone:
        return "step_done";
    case EventKind::Decision:
        return "decision";
    case EventKind::Back:
        return "back";
    case EventKind::Finished:
        return "finished";
    case EventKind::Abandoned:
        return "abandoned";
    }
    return "unknown";
}

StepEngine::StepEngine(const Clock& clock, Sink sink)
    : m_clock(clock)
    , m_sink(std::move(sink)) {}

std::expected<void, std::string> StepEngine::start(const content::Guide& guide) {
    if (m_state != EngineState::Idle)
        return std::unexpected("the session has already started");
    if (guide.steps.empty())
        return std::unexpected("the guide has no steps");
    m_guide = guide;
    m_state = EngineState::Active;
    emitEvent(EventKind::Started, m_guide.steps.front().id);
    show(m_guide.steps.front().id);
    return {};
}

std::expected<void, std::string> StepEngine::next() {
    if (auto ok = requireActive(); !ok)
        return ok;
    const content::Step& step = currentStep();
    if (!step.options.empty())
        return std::unexpected("this step is a decision: choose an option");
    emitEvent(EventKind::StepDone, step.id, {}, elapsedMs());
    const auto index = *m_guide.stepIndex(step.id);
    if (step.ends || index + 1 == m_guide.steps.size()) {
        m_state = EngineState::Finished;
        emitEvent(EventKind::Finished, step.id);
        return {};
    }
    show(m_guide.steps[index + 1].id);
    return {};
}

std::expected<void, std::string> StepEngine::choose(std::size_t optionIndex) {
    if (auto ok = requireActive(); !ok)
        return ok;
    const content::Step& step = currentStep();
    if (optionIndex >= step.options.size())
        return std::unexpected("no option " + std::to_string(optionIndex + 1) + " on this step");
    const std::string target = step.options[optionIndex].target;
    emitEvent(EventKind::Decision, step.id, target, elapsedMs());
    m_choices.back() = static_cast<int>(optionIndex);
    show(target);
    return {};
}

std::expected<void, std::string> StepEngine::back() {
    if (auto ok = requireActive(); !ok)
        return ok;
    if (m_path.size() < 2)
        return std::unexpected("this is the first step");
    emitEvent(EventKind::Back, currentStep().id, {}, elapsedMs());
    m_path.pop_back();
    const std::string previous = m_path.back();
    m_path.pop_back();
    m_choices.resize(m_path.size());
    show(previous);
    return {};
}

std::expected<void, std::string> StepEngine::abandon() {
    if (auto ok = requireActive(); !ok)
        return ok;
    m_state = EngineState::Abandoned;
    emitEvent(EventKind::Abandoned, currentStep().id, {}, elapsedMs());
    return {};
}

const content::Step& StepEngine::currentStep() const {
    // Invariant 1: in Active, the path's last id names a step of the guide.
    return *m_guide.findStep(m_path.back());
}

std::expected<void, std::string> StepEngine::requireActive() const {
    switch (m_state) {
    case EngineState::Active:
        return {};
    case EngineState::Idle:
        return std::unexpected("the session has not started");
    case EngineState::Finished:
        return std::unexpected("the session has finished");
    case EngineState::Abandoned:
        return std::unexpected("the session was abandoned");
    }
    return std::unexpected("unknown state");
}

std::int64_t StepEngine::elapsedMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now() - m_stepShownAt)
        .count();
}

void StepEngine::show(const std::string& stepId) {
    m_path.push_back(stepId);
    m_choices.push_back(-1);
    m_stepShownAt = m_clock.now();
    emitEvent(EventKind::StepShown, stepId);
}

void StepEngine::emitEvent(EventKind kind, std::string step, std::string option,
                           std::int64_t durationMs) {
    if (m_sink)
        m_sink(StepEvent{kind, std::move(step), std::move(option), durationMs, m_clock.wallNow()});
}

} // namespace souffleur::client
