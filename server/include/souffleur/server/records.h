// Record batches from a desk's outbox (docs/api.md, POST /api/v1/records):
// parsed and validated in full before anything is stored, so a malformed
// batch is refused whole. No personal data: a record names a guide, a step
// and a random session id; the server adds the team, never the account.
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
inline constexpr std::size_t kMaxTextLength = 4000; // feedback text and suggestion
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

struct RecordBatch {
    std::string clientId;
    std::int64_t batch = 0;
    std::vector<EventRecord> events;
    std::vector<FeedbackRecord> feedback;
    std::vector<AckRecord> acks;
};

// The batch in `json`, or what is wrong with it (for a 400 answer).
std::expected<RecordBatch, std::string> parseRecordBatch(std::string_view json);

} // namespace souffleur::server
