// How long the desks' records are kept (docs/privacy.md, "Retention"). Each
// organisation (tenant) sets a retention period in whole months (default
// kDefaultRetentionMonths; `souffleur-server admin retention set`). Records
// of the months before it are reduced to the aggregates of their cells
// (evidence.h: evidence_months) and deleted, by the server, once a day and
// when it starts, in one transaction, logged and audited:
//   - events and the people counted behind them (evidence_people);
//   - logbook entries;
//   - feedback that is handled (applied, declined, duplicate);
//   - alert acknowledgements;
//   - xAPI statements still queued or parked (xapi.h).
// Records that arrive for such a month later (a desk that was offline) are
// not stored. The teams' AARs and their actions stay: they are the team's
// own minutes, about the work, never about a person.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <string>

namespace souffleur::server {

inline constexpr int kDefaultRetentionMonths = 24;
inline constexpr int kMaxRetentionMonths = 120;

sqlite::Result<int> retentionMonths(sqlite::Database& db, std::int64_t tenantId);
sqlite::Result<void> setRetentionMonths(sqlite::Database& db, std::int64_t tenantId, int months);

// The first month ("YYYY-MM") whose records are kept, counted back from `month`.
std::string retentionCutoff(const std::string& month, int retentionMonths);

struct RetentionOutcome {
    std::string cutoff;     // months before this one were reduced
    std::int64_t cells = 0; // cells reduced to aggregates
    std::int64_t events = 0;
    std::int64_t people = 0;
    std::int64_t logbook = 0;
    std::int64_t feedback = 0;
    std::int64_t acknowledgements = 0;
    std::int64_t statements = 0; // xAPI statements not (yet) delivered
};

// Reduces and deletes the tenant's records of the months before its cutoff
// (counted back from `month`, "YYYY-MM"), in one transaction, with an audit row.
sqlite::Result<RetentionOutcome> applyRetention(sqlite::Database& db, std::int64_t tenantId,
                                                const std::string& month);

// applyRetention() for every tenant, counted back from this month; logs what
// it reduced. The server runs it when it starts and once a day.
sqlite::Result<void> applyRetentionEverywhere(sqlite::Database& db);

} // namespace souffleur::server
