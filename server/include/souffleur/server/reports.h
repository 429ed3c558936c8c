// The figures for After Action Reviews (docs/api.md, GET /api/v1/reports/aar):
// what the desks' records say about one guide, per step and per team, over a
// period. Teams look at the guide, not at people:
//  - no figure is about a person: records carry a team, never an account;
//  - no figure is given for fewer than kMinSessions sessions: below that the
//    report says so instead (a session count, a step, a team are left out
//    whole), so that nobody can be picked out of a small group;
//  - feedback is listed as the desks wrote it, with its team.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace souffleur::server {

inline constexpr std::int64_t kMinSessions = 5;

struct AarQuery {
    std::string guideId;
    std::optional<std::string> from; // "YYYY-MM-DD", inclusive, by the desk's clock
    std::optional<std::string> to;   // "YYYY-MM-DD", inclusive
    std::optional<std::string> team; // one team's records only
};

struct SessionCounts {
    std::int64_t started = 0;
    std::int64_t finished = 0;
    std::int64_t abandoned = 0;
};

struct StepFigures {
    std::string step;
    std::int64_t sessions = 0;            // sessions that showed the step
    std::optional<std::int64_t> medianMs; // time on the step, from step_done durations
    std::optional<std::int64_t> p90Ms;
    std::int64_t skipped = 0;
    std::int64_t back = 0; // times an employee went back from it
    std::int64_t escalated = 0;
    std::map<std::string, std::int64_t> decisions; // option target -> times chosen
    std::map<std::string, std::int64_t> feedback;  // kind -> count
};

struct TeamFigures {
    std::string team;
    SessionCounts sessions;
};

struct AarFeedback {
    std::optional<std::string> step;
    int revision = 0;
    std::string kind;
    std::string text;
    std::optional<std::string> suggestion;
    std::string status;
    std::string team; // empty when the desk's account has no team
};

struct AarReport {
    AarQuery query;
    // Empty when fewer than kMinSessions sessions started: then there are no
    // figures at all, only the feedback.
    std::optional<SessionCounts> sessions;
    std::vector<StepFigures> steps; // steps shown in at least kMinSessions sessions
    std::int64_t stepsWithheld = 0; // steps shown, but in fewer sessions
    std::vector<TeamFigures> teams; // teams with at least kMinSessions sessions
    std::int64_t teamsWithheld = 0;
    std::vector<AarFeedback> feedback; // in the order it arrived
};

sqlite::Result<AarReport> aarReport(sqlite::Database& db, std::int64_t tenantId,
                                    const AarQuery& query);

} // namespace souffleur::server
