// The evidence for After Action Reviews (docs/api.md, "Evidence"; docs/privacy.md):
// what the desks' records say about guides, per step, per team and per month.
// Teams look at guides and at their own way of working, never at a person:
//
//  - Cells. Every figure is a sum of cells: one guide, one team (or the desk
//    accounts without a team), one calendar month. A period is always whole
//    months (fixed buckets), so two queries differ by whole cells.
//  - People, not sessions. A cell counts only when at least kMinPeople
//    distinct desk accounts are behind it; a step's figures in a cell only
//    when kMinPeople accounts were shown the step. Anything smaller is left
//    out whole and counted as withheld. Since every figure sums released
//    cells only, subtracting one query from another leaves released cells,
//    never one person; a tenant-wide figure is the sum of the teams' cells.
//  - The store counts accounts through a pseudonym: a keyed hash of the
//    account and the month (evidence_people), which never sits beside a
//    record or a session and is never shown.
//  - When records pass the organisation's retention period (retention.h)
//    their cells are reduced to aggregates (evidence_months: counts, a
//    histogram of step times, the people count) and the records deleted.
#pragma once

#include <souffleur/protocol/aar.h>
#include <souffleur/protocol/records.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::server {

struct Identity;

inline constexpr std::int64_t kMinPeople = 5;
// The team key of the desk accounts without a team.
inline constexpr std::int64_t kNoTeam = 0;

// Step times: exact while the records are there; a histogram (bins of 100 ms
// below a second, then 5% wide) once a cell is reduced.
class Durations {
public:
    void add(std::int64_t ms) { m_exact.push_back(ms); }
    void addBin(int bin, std::int64_t count) { m_bins[bin] += count; }
    void merge(const Durations& other);
    bool empty() const { return m_exact.empty() && m_bins.empty(); }
    // The nearest-rank percentile (p in 1..100): exact when no reduced cell
    // is part of it, else the middle of its bin.
    std::optional<std::int64_t> percentile(int p) const;
    // Everything as bins ({"bin": count}), for the reduced cell.
    std::map<int, std::int64_t> bins() const;

    static int binOf(std::int64_t ms);
    static std::int64_t valueOf(int bin);

private:
    std::vector<std::int64_t> m_exact;
    std::map<int, std::int64_t> m_bins;
};

struct StepCell {
    std::int64_t people = 0;
    std::int64_t sessions = 0; // sessions that showed the step
    std::int64_t skipped = 0;
    std::int64_t back = 0;
    std::int64_t escalated = 0;
    Durations durations;
    std::map<std::string, std::int64_t> decisions; // option -> times chosen
};

// One guide, one team, one month.
struct Cell {
    std::int64_t team = kNoTeam;
    std::string month; // "YYYY-MM"
    std::int64_t people = 0;
    std::int64_t started = 0;
    std::int64_t finished = 0;
    std::int64_t abandoned = 0;
    std::map<std::string, StepCell> steps;
};

// The cells of a guide over months from..to ("YYYY-MM", inclusive), from its
// records and its reduced cells; one team's only when `team` is given.
sqlite::Result<std::vector<Cell>> guideCells(sqlite::Database& db, std::int64_t tenantId,
                                             const std::string& guideId, const std::string& from,
                                             const std::string& to,
                                             std::optional<std::int64_t> team);

// Counts the sender of `events` (event records) among the people of their
// cells: a session start and each step shown. Called where the events are stored.
sqlite::Result<void> countPeople(sqlite::Database& db, const Identity& who,
                                 std::span<const protocol::Record* const> events);

// --- The evidence of a query ---------------------------------------------

struct EvidenceQuery {
    std::vector<std::string> guides;
    std::string from;                   // "YYYY-MM", inclusive
    std::string to;                     // "YYYY-MM", inclusive
    std::optional<std::int64_t> teamId; // nullopt: every team of the tenant
    int trendMonths = 12;               // the trend covers at least these months up to `to`
};

using protocol::AlertFigure;
using protocol::EvidenceFeedback;
using protocol::GuideEvidence;
using protocol::Publication;
using protocol::SessionCounts;
using protocol::StepFigures;
using protocol::TeamFigures;
using protocol::TrendPoint;

struct EvidenceReport {
    EvidenceQuery query;
    std::string trendFrom; // "YYYY-MM"
    std::vector<GuideEvidence> guides;
};

sqlite::Result<EvidenceReport> evidence(sqlite::Database& db, std::int64_t tenantId,
                                        const EvidenceQuery& query);

// "YYYY-MM" of a "YYYY-MM" or "YYYY-MM-DD" text; nullopt when it is neither.
std::optional<std::string> monthOf(std::string_view text);
// The month `count` months after (or before, negative) `month`.
std::string shiftMonth(std::string_view month, int count);
// The month of today (UTC).
std::string currentMonth();

} // namespace souffleur::server
