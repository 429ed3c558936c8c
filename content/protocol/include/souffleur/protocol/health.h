// A guide's content health as it travels from the server to the studio and
// the CLI (docs/api.md, "Content health"), defined once: the server computes
// it (server/include/souffleur/server/health.h), the studio's health
// workspace reads it. GUI-free and network-free: Boost.JSON only.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace souffleur::protocol {

// One step's figures over the window, only for steps shown in enough sessions.
struct StepHealth {
    std::string step;
    std::int64_t sessions = 0;
    double abandonRate = 0;
    double skipRate = 0;
    double escalationRate = 0;
};

struct HealthReason {
    std::string code;   // failing | expiring | source_changed | review_due | stale_feedback
    std::string detail; // in English: "step gezicht abandoned in 40% of 12 sessions"
    std::string step;   // the step it is about, if any
};

struct GuideHealth {
    std::string guideId;
    std::string title;
    int revision = 0; // published
    std::string owner;
    int reviewMonths = 12;
    std::string lastReviewed; // YYYY-MM-DD
    std::string nextReview;   // YYYY-MM-DD
    std::string validTo;      // YYYY-MM-DD or ""
    std::int64_t openFeedback = 0;
    std::optional<std::int64_t> oldestOpenDays;
    std::int64_t sourcesChanged = 0;
    std::vector<StepHealth> steps;
    std::int64_t stepsWithheld = 0;
    std::string state; // the most pressing reason's code, or "ok"
    std::vector<HealthReason> reasons;
};

// {"guide", "title", "revision", "owner", "review_months", "last_reviewed",
//  "next_review", "valid_to", "open_feedback", "oldest_open_days"?,
//  "sources_changed", "state", "reasons": [{"code", "detail", "step"?}],
//  "steps": [{"step", "sessions", "abandon_rate", "skip_rate",
//  "escalation_rate"}], "steps_withheld"}
boost::json::object toJson(const GuideHealth& health);
std::optional<GuideHealth> guideHealthFrom(const boost::json::value& value);

// A source record: a law, regulation or work instruction guides cite by id
// (guide format 5, <basis source="ID">), with its version date.
struct Source {
    std::string id;
    std::string title;
    std::string reference;   // where to find it: an article, a URL, a document number
    std::string versionDate; // YYYY-MM-DD
    std::string updatedAt;
    std::string updatedBy;
    std::vector<std::string> citedBy; // published guides that cite it, by id
};
// {"id", "title", "reference", "version_date", "updated_at", "updated_by", "cited_by": [ids]}
boost::json::object toJson(const Source& source);
std::optional<Source> sourceFrom(const boost::json::value& value);

} // namespace souffleur::protocol
