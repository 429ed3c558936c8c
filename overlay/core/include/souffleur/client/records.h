// Outbox records as the server expects them (docs/api.md, POST /api/v1/records).
// No personal data: a record names a guide, a step and a session id, never a person.
// Logbook entries and After Action Reviews belong to the desk account's team
// (the server refuses them from an account without one).
#pragma once

#include <souffleur/client/step_engine.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

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

// The desk has read (and, for a must-acknowledge alert, confirmed) an alert;
// the server counts such acknowledgements per team, never per person.
struct AlertAcknowledgement {
    std::string alertId;
    int revision = 0;
    std::chrono::system_clock::time_point at;
};

std::string ackRecord(const AlertAcknowledgement& ack);

// A note in the team's logbook ("the photo booth at desk 3 rejects pictures
// since Monday; use the municipal camera"), optionally about a guide's step.
struct LogbookEntry {
    std::string text; // not empty
    std::string guideId;
    std::string step;
    std::chrono::system_clock::time_point at;
};

std::string logbookRecord(const LogbookEntry& entry);

// An action a team agreed on in an After Action Review.
struct FollowUpAction {
    std::string text; // not empty
    std::string guideId;
    std::string step;
};

// An After Action Review of a team meeting: the four questions (what was
// supposed to happen, what happened, why, what do we do better, none empty)
// and at most 20 follow-up actions, optionally about one guide and a period.
struct AfterActionReview {
    std::chrono::system_clock::time_point at; // when the meeting was
    std::string guideId;
    std::string from; // YYYY-MM-DD, the period reviewed; empty: not given
    std::string to;
    std::string expected;
    std::string happened;
    std::string why;
    std::string improve;
    std::vector<FollowUpAction> actions;
};

std::string aarRecord(const AfterActionReview& review);

// This desk holds a guide or alert of a newer format than it reads (replica.h,
// pending): the server keeps it for IT (`souffleur-server admin updates`).
struct UpdateNeeded {
    std::string kind; // "guide" or "alert"
    std::string item;
    int revision = 0;
    int format = 0;          // what the item needs
    int reads = 0;           // the newest format this desk reads
    std::string deskVersion; // this desk's Souffleur version
    std::chrono::system_clock::time_point at;
};

std::string updateNeededRecord(const UpdateNeeded& report);

} // namespace souffleur::client
