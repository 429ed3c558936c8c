// xAPI to the organisation's Learning Record Store (docs/xapi.md). Off
// unless an admin turns it on for a tenant (it needs its own agreement):
// `souffleur-server admin --data DIR xapi set --tenant T --endpoint URL --key K
// --secret S [--home-page URL]`, `xapi show`, `xapi off`.
//
// What is sent (xAPI 1.0.3), in the transaction that stores the record:
//   a guide session started, finished or abandoned, a step done, a decision,
//   an escalation, feedback (its kind, never its text), and an AAR closed.
// The actor is always the desk's team as an identified Group (an account on
// the organisation's home page), never a person; records of a desk without a
// team are not sent. A statement's id is derived from its record's id, so a
// resend is harmless (an LRS keeps one). Statements wait in a durable queue
// (xapi_queue): the sender (xapi_sender.h) posts them to ENDPOINT/statements
// with the X-Experience-API-Version header and Basic authentication, retries
// with backoff (an LRS that is down for a day receives everything
// afterwards, once), and parks a statement the LRS refuses with a 4xx: it is
// logged and kept for `xapi show`, not retried forever.
#pragma once

#include <souffleur/protocol/records.h>
#include <souffleur/sqlite/sqlite.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::server {

struct Identity;
struct Aar;

struct XapiSettings {
    bool on = false;
    std::string endpoint; // as the LRS gives it: statements go to ENDPOINT/statements
    std::string key;
    std::string secret;
    std::string homePage; // the organisation's: the teams' accounts live there
};

sqlite::Result<std::optional<XapiSettings>> xapiSettings(sqlite::Database& db,
                                                         std::int64_t tenantId);
// Checks the endpoint and home page are http(s) URLs; turns xAPI on.
sqlite::Result<std::expected<void, std::string>>
setXapi(sqlite::Database& db, std::int64_t tenantId, XapiSettings settings);
sqlite::Result<void> xapiOff(sqlite::Database& db, std::int64_t tenantId);

// A UUID (version 5 layout) derived from the tenant, the kind of record and its id.
std::string statementId(std::int64_t tenantId, std::string_view kind, std::string_view recordId);

// Queues the statements of stored records (events, feedback) when xAPI is on.
sqlite::Result<void> queueRecordStatements(sqlite::Database& db, const Identity& who,
                                           std::span<const protocol::Record* const> records);
// Queues the statement of an AAR that was closed (state final).
sqlite::Result<void> queueAarStatement(sqlite::Database& db, std::int64_t tenantId, const Aar& aar);

// --- The queue, for the sender -------------------------------------------------

struct XapiBatch {
    std::int64_t tenantId = 0;
    XapiSettings settings;
    std::vector<std::int64_t> rows;
    std::vector<std::string> statements; // JSON objects, in queue order
};

// Up to `limit` statements due now, of the first tenant that has any (xAPI on).
sqlite::Result<std::optional<XapiBatch>> dueStatements(sqlite::Database& db, std::size_t limit);
sqlite::Result<void> statementsDelivered(sqlite::Database& db, std::span<const std::int64_t> rows);
// Tries again after a backoff that doubles per attempt, from `first` up to `longest`.
sqlite::Result<void> statementsDeferred(sqlite::Database& db, std::span<const std::int64_t> rows,
                                        const std::string& error, std::chrono::seconds first,
                                        std::chrono::seconds longest);
sqlite::Result<void> statementsParked(sqlite::Database& db, std::span<const std::int64_t> rows,
                                      const std::string& error);

struct XapiQueueState {
    std::int64_t queued = 0;
    std::int64_t parked = 0;
    std::optional<std::string> oldestQueued; // created_at
    std::optional<std::string> lastError;
};
sqlite::Result<XapiQueueState> xapiQueueState(sqlite::Database& db, std::int64_t tenantId);

} // namespace souffleur::server
