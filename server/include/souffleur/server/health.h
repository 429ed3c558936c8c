// Content health and sources on the store (docs/api.md, "Content health",
// "Sources"): the register of the tenant's critical tasks that says, for each
// published guide, whether it needs its owner's attention and why, and the
// register of the laws, regulations and work instructions guides cite.
//
// A guide's health comes from what the store already holds, never from a
// person: its published revision (owner team, review cycle, validity; guide
// format 5), the open items of its inbox (feedback and "source changed"), and
// the desks' records of this month and the last per step, with the same minimum
// group as every figure (evidence.h, kMinPeople). Its state is the most
// pressing of its reasons:
//
//   failing         a step abandoned in >= 20% (or skipped in >= 50%) of the
//                   sessions that showed it, over the released cells of
//                   this month and the last (team-months with at least
//                   kMinPeople desk accounts behind them, evidence.h)
//   expiring        valid until a date 30 days away or nearer (or past)
//   source_changed  a source it cites has a new version; the owner team's
//                   inbox item is still open
//   review_due      the next review date is today or past: the date set in
//                   the guide, else the approval of the published revision
//                   plus its review cycle (12 months unless it says otherwise)
//   stale_feedback  feedback from the desks open for more than 14 days
//   ok              none of these
//
// Sources: each is an id, a title, a reference (where to find it) and a
// version date. A new version date makes an inbox item (feedback of kind
// "source", in Dutch: "Bron gewijzigd: ... Controleer stappen 3 en 5.") for
// every guide whose published revision cites it, for its owner team, with a
// notice to the team's editors; health says source_changed until the item is
// handled (applied, declined, a duplicate).
#pragma once

#include <souffleur/protocol/health.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/review_store.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::server {

inline constexpr int kDefaultReviewMonths = 12;
inline constexpr int kExpiringDays = 30;
inline constexpr int kStaleFeedbackDays = 14;
// The desks' records of this many calendar months (this one and the ones
// before it) count for a guide's steps: whole months, like every figure.
inline constexpr int kHealthWindowMonths = 2;
inline constexpr double kFailingAbandonRate = 0.2;
inline constexpr double kFailingSkipRate = 0.5;

// Fills the guide metadata columns of a stored revision from its XML (owner,
// review cycle, validity, cited sources): done when a revision is stored,
// and once for every older row when the store is opened (fillRevisionMeta).
sqlite::Result<void> storeRevisionMeta(sqlite::Database& db, std::int64_t tenantId,
                                       std::string_view guideId, int revision,
                                       std::string_view xml);
// Fills them for every revision that has none yet; how many.
sqlite::Result<std::int64_t> fillRevisionMeta(sqlite::Database& db);

// --- Health ------------------------------------------------------------------

// As the studio and the CLI read them (protocol/health.h).
using StepHealth = protocol::StepHealth;
using HealthReason = protocol::HealthReason;
using GuideHealth = protocol::GuideHealth;

// Every published guide of the tenant (blocks too), by state (most pressing
// first) and title. `today`: "YYYY-MM-DD" (the tests pass their own).
sqlite::Result<std::vector<GuideHealth>> contentHealth(sqlite::Database& db, std::int64_t tenantId,
                                                       std::string_view today);

// Whether `text` is a day of the calendar, "YYYY-MM-DD" (not 2026-02-30).
bool isCalendarDay(std::string_view text);

// The states in order, most pressing first, "ok" last.
const std::vector<std::string>& healthStates();

// --- Sources -----------------------------------------------------------------

// As the studio and the CLI read it (protocol/health.h).
using Source = protocol::Source;

sqlite::Result<std::vector<Source>> listSources(sqlite::Database& db, std::int64_t tenantId);

struct SourceSaved {
    bool created = false;
    bool newVersion = false;                // the version date changed
    std::vector<std::string> guidesToCheck; // the guides that got an inbox item
    std::vector<NoticeOut> notices;
};
// Creates a source or updates it; a new version date makes the inbox items
// and notices. Audited.
sqlite::Result<SourceSaved> saveSource(sqlite::Database& db, std::int64_t tenantId,
                                       const Source& source, const Actor& actor);

} // namespace souffleur::server
