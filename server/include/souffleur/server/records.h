// Record batches from a desk's outbox (docs/api.md, POST /api/v1/records):
// parsed and validated in full before anything is stored, so a malformed
// batch is refused whole. No personal data: a record names a guide, a step
// and a random session id; the server adds the team, never the account.
// Team logbook entries and AAR records belong to the sender's team: the store
// keeps the account only for the audit and never shows it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::server {

// Caps on what one batch may carry.
inline constexpr std::size_t kMaxRecordsPerBatch = 1000;
inline constexpr std::size_t kMaxIdLength = 128;    // ids, session ids, client ids
inline constexpr std::size_t kMaxNameLength = 256;  // guide and step ids, timestamps
inline constexpr std::size_t kMaxTextLength = 4000; // feedback, logbook and AAR texts
inline constexpr std::size_t kMaxAarActions = 20;   // follow-up actions of one AAR record
// How far a client's batch number may run ahead of its last stored batch.
inline constexpr std::int64_t kMaxBatchStep = 1'000'000;

// What a desk's step engine reports: started, step_shown, step_done,
// decision, back (the employee went back a step), skipped (a step passed over),
// escalated (a hand-off taken), finished or abandoned.
struct EventRecord {
    std::string id;
    std::string session;
    std::string guideId;
    int revision = 0;
    std::string event;
    std::optional<std::string> step;
    std::optional<std::string> option;
    std::string at; // ISO 8601, as the desk's clock saw it
    std::optional<std::int64_t> durationMs;
};

// What a desk employee says about a step: wrong, unclear, outdated or tip.
struct FeedbackRecord {
    std::string id;
    std::string guideId;
    int revision = 0;
    std::optional<std::string> step; // absent: about the whole guide
    std::string kind;
    std::string text; // may be empty: choosing a kind without typing is feedback too
    std::optional<std::string> suggestion;
};

// A desk employee acknowledging an alert revision.
struct AckRecord {
    std::string id;
    std::string alertId;
    int revision = 0;
    std::string at; // ISO 8601, as the desk's clock saw it
};

// A team logbook entry: what the team should know ("the photo booth at desk 3
// rejects pictures since Monday; use the municipal camera").
struct LogbookRecord {
    std::size_t position = 0; // in the batch's records, for messages
    std::string id;
    std::string at; // ISO 8601, as the desk's clock saw it; begins with YYYY-MM-DD
    std::string text;
    std::optional<std::string> guideId;
    std::optional<std::string> step;
};

// A follow-up action agreed in an After Action Review.
struct AarAction {
    std::string text;
    std::optional<std::string> guideId;
    std::optional<std::string> step;
};

// An After Action Review of a team meeting: the four questions (what was
// supposed to happen, what happened, why, what do we do better) and the
// actions that follow, optionally about one guide and a period.
struct AarRecord {
    std::size_t position = 0; // in the batch's records, for messages
    std::string id;
    std::string at; // when the meeting was, as the desk's clock saw it; begins with YYYY-MM-DD
    std::optional<std::string> guideId;
    std::optional<std::string> from; // YYYY-MM-DD, the period reviewed (inclusive)
    std::optional<std::string> to;
    std::string expected;
    std::string happened;
    std::string why;
    std::string improve;
    std::vector<AarAction> actions; // at most kMaxAarActions
};

struct RecordBatch {
    std::string clientId;
    std::int64_t batch = 0;
    std::vector<EventRecord> events;
    std::vector<FeedbackRecord> feedback;
    std::vector<AckRecord> acks;
    std::vector<LogbookRecord> logbook;
    std::vector<AarRecord> aars;
};

// The batch in `json`, or what is wrong with it (for a 400 answer).
std::expected<RecordBatch, std::string> parseRecordBatch(std::string_view json);

// Why an account without a team cannot send `batch` (its first logbook or AAR
// record, which belong to a team), or nullopt when the batch has none.
std::optional<std::string> teamRecordWithoutTeam(const RecordBatch& batch);

// Whether `text` is a date as "YYYY-MM-DD" (digits and dashes; the calendar is not checked).
bool isIsoDate(std::string_view text);

} // namespace souffleur::server
