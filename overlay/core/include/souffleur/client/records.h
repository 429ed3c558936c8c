// Outbox records as the server expects them (docs/api.md, POST /api/v1/records).
// No personal data: a record names a guide, a step and a session id, never a person.
#pragma once

#include <souffleur/client/step_engine.h>

#include <string>
#include <string_view>

namespace souffleur::client {

// A random RFC 4122 version-4 UUID, from the operating system's random source.
std::string newUuid();

// "2026-11-23T12:00:00.123Z"
std::string isoTime(std::chrono::system_clock::time_point at);

struct SessionInfo {
    std::string sessionId; // newUuid() per walk through a guide
    std::string guideId;
    int revision = 0;
};

std::string eventRecord(const SessionInfo& session, const StepEvent& event);

enum class FeedbackKind { Wrong, Unclear, Outdated, Tip };
const char* feedbackName(FeedbackKind kind);

struct Feedback {
    std::string guideId;
    int revision = 0;
    std::string step;
    FeedbackKind kind = FeedbackKind::Unclear;
    std::string text;
    std::string suggestion;
};

std::string feedbackRecord(const Feedback& feedback);

} // namespace souffleur::client
