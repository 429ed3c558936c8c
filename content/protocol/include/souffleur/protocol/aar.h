// After Action Reviews as they travel between the server, the studio, the
// CLI and the desk (docs/api.md, "Evidence", "After Action Reviews", "The
// teams' logbook"), defined once: the server computes and stores them
// (server/include/souffleur/server/evidence.h, aar_store.h), the studio's AAR
// workspace, the report export and the desk's logbook read them. GUI-free and
// network-free: Boost.JSON only.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace souffleur::protocol {

// --- Evidence ------------------------------------------------------------------

struct SessionCounts {
    std::int64_t started = 0;
    std::int64_t finished = 0;
    std::int64_t abandoned = 0;
};

struct StepFigures {
    std::string step;
    std::int64_t sessions = 0; // sessions that showed the step: the funnel
    std::optional<std::int64_t> medianMs;
    std::optional<std::int64_t> p90Ms;
    std::int64_t skipped = 0;
    std::int64_t back = 0;
    std::int64_t escalated = 0;
    std::map<std::string, std::int64_t> decisions; // option -> times chosen
};

struct TeamFigures {
    std::string team;
    SessionCounts sessions;
};

// One month of the trend; `sessions` is empty when the month is withheld.
struct TrendPoint {
    std::string month; // YYYY-MM
    std::optional<SessionCounts> sessions;
    std::int64_t skipped = 0;
    std::int64_t back = 0;
    std::int64_t escalated = 0;
};

struct Publication {
    int revision = 0;
    std::string date; // YYYY-MM-DD
    std::string note; // the change note, "" when none
};

struct AlertFigure {
    std::string alert;
    std::string title;
    std::optional<std::int64_t> acknowledged; // desk accounts; empty: withheld
};

struct EvidenceFeedback {
    std::string id;
    std::optional<std::string> step;
    int revision = 0;
    std::string kind;
    std::string text;
    std::optional<std::string> suggestion;
    std::string status;
    std::string team; // "" when the desk's account has no team
    std::string createdAt;
};

struct GuideEvidence {
    std::string guide;
    std::string title; // "" when the guide is unknown
    // Over the released cells of the period; empty when none was released.
    std::optional<SessionCounts> sessions;
    std::int64_t cellsWithheld = 0; // team-months with records of fewer than min_people people
    std::vector<StepFigures> steps; // in the guide's order
    std::int64_t stepsWithheld = 0; // steps with records, none released
    std::vector<TeamFigures> teams; // tenant-wide queries only
    std::int64_t teamsWithheld = 0;
    std::vector<TrendPoint> trend;
    std::vector<Publication> published; // revisions published within the trend
    std::vector<AlertFigure> alerts;    // alerts attached to the guide
    std::vector<EvidenceFeedback> feedback;
};

// A team's logbook entry (the team, never the account that wrote it).
struct LogbookItem {
    std::string id;
    std::string team;
    std::string at;
    std::string text;
    std::optional<std::string> guide;
    std::optional<std::string> step;
    std::string createdAt;
};

// --- After Action Reviews --------------------------------------------------------

struct AarAction {
    std::string aarId;
    int position = 0;
    std::string text;
    std::optional<std::string> guide;
    std::optional<std::string> step;
    std::string owner;
    std::optional<std::string> due; // YYYY-MM-DD
    std::string state;              // open | doing | done | dropped
    // The inbox item it became, and what the editors did with it.
    std::optional<std::string> feedbackId;
    std::optional<std::string> inboxStatus; // new | planned | applied | declined | duplicate
    std::optional<std::string> inboxReason;
    std::optional<int> inboxRevision;
    std::string updatedAt;
    std::string aarTitle; // of the AAR it belongs to (for actions carried over)
    std::string aarAt;
    bool open = true; // neither closed by the team nor handled by the editors
};

struct Aar {
    std::string id;
    std::string team;
    std::string title;
    std::string at; // the meeting's date, YYYY-MM-DD
    std::vector<std::string> guides;
    std::string from; // YYYY-MM
    std::string to;
    std::string expected; // what was supposed to happen?
    std::string happened; // what happened?
    std::string why;      // why was there a difference?
    std::string improve;  // what do we do better?
    std::string lesson;
    bool shared = false;
    std::string state; // draft | final
    std::string createdAt;
    std::string updatedAt;
    std::vector<AarAction> actions;
};

struct Evidence {
    std::string team; // "" for every team
    std::string from; // YYYY-MM
    std::string to;
    std::string trendFrom;
    std::int64_t minPeople = 5;
    std::vector<GuideEvidence> guides;
    // With a team: its logbook of the period and its open actions.
    std::vector<LogbookItem> logbook;
    std::vector<AarAction> openActions;
};

boost::json::object toJson(const GuideEvidence& evidence);
std::optional<GuideEvidence> guideEvidenceFrom(const boost::json::value& value);
boost::json::object toJson(const LogbookItem& entry);
std::optional<LogbookItem> logbookItemFrom(const boost::json::value& value);
boost::json::object toJson(const AarAction& action);
std::optional<AarAction> aarActionFrom(const boost::json::value& value);
boost::json::object toJson(const Aar& aar);
std::optional<Aar> aarFrom(const boost::json::value& value);
// {"team"?, "from", "to", "trend_from", "min_people", "guides": [...],
//  "logbook": [...], "open_actions": [...]}
boost::json::object toJson(const Evidence& evidence);
std::optional<Evidence> evidenceFrom(const boost::json::value& value);

} // namespace souffleur::protocol
