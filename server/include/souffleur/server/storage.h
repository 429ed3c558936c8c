// The server's store: one SQLite file per data directory (DIR/souffleur.sqlite),
// its schema and every query the routes need, as plain functions over a
// sqlite::Database. The running server calls them only on its storage thread
// (src/storage_executor.h); the demo seeding and the tests call them directly
// before the server starts. Every query is scoped to one tenant: nothing
// crosses tenants.
#pragma once

#include <souffleur/server/auth.h>
#include <souffleur/server/records.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstddef>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace souffleur::server {

// Creates the data directory (owner-only access) unless it exists.
std::expected<void, std::string> prepareDataDir(const std::filesystem::path& dataDir);

// DIR/souffleur.sqlite
std::filesystem::path databasePath(const std::filesystem::path& dataDir);

// Opens (creating if missing) the store and migrates it to the current schema.
sqlite::Result<sqlite::Database> openStore(const std::filesystem::path& file);

// --- Tenants, teams and accounts -------------------------------------------

sqlite::Result<std::int64_t> createTenant(sqlite::Database& db, std::string_view name);
sqlite::Result<std::optional<std::int64_t>> findTenant(sqlite::Database& db, std::string_view name);
sqlite::Result<std::int64_t> countTenants(sqlite::Database& db);
sqlite::Result<std::int64_t> createTeam(sqlite::Database& db, std::int64_t tenantId,
                                        std::string_view name);

struct NewAccount {
    std::int64_t tenantId = 0;
    std::optional<std::int64_t> teamId;
    std::string name;
    Role role = Role::Desk;
};
sqlite::Result<std::int64_t> createAccount(sqlite::Database& db, const NewAccount& account);
sqlite::Result<std::optional<std::int64_t>> findAccount(sqlite::Database& db, std::int64_t tenantId,
                                                        std::string_view name);

// --- Audit log ---------------------------------------------------------------

// Who did what to what, from where, with what outcome. Also logged to stderr.
// Failed authentications (401) are not audited one by one but counted and
// written as one row per address per minute (src/auth_failures.h).
struct AuditEntry {
    std::optional<std::int64_t> tenantId; // unknown for a 401
    std::string actor;                    // account name; empty when unknown
    std::string action;                   // "access", "publish"
    std::string target;                   // "GET /api/v1/guides", a guide id, a summary
    std::string remote;                   // the peer's address
    std::string outcome;                  // "unauthenticated", "published", ...
    std::int64_t count = 1;               // how many times it happened
};
sqlite::Result<void> appendAudit(sqlite::Database& db, const AuditEntry& entry);

// --- Guides and the change feed ----------------------------------------------

// A validated guide revision as it is stored: its canonical XML and the
// fields the listings need.
struct GuideRevision {
    std::string id;
    int revision = 0;
    std::string title;
    std::string xml;
};

// Who publishes, for the audit log.
struct Actor {
    std::string name;
    std::string remote;
};

struct Published {
    std::int64_t seq = 0; // the change feed entry
};
struct StaleRevision {
    int currentRevision = 0; // the same or a higher revision is already published
};
using PublishOutcome = std::variant<Published, StaleRevision>;

// Stores the revision, appends it to the tenant's change feed and audits it,
// in one transaction; a stale revision is audited and stores nothing.
sqlite::Result<PublishOutcome> publishGuide(sqlite::Database& db, std::int64_t tenantId,
                                            const GuideRevision& guide, const Actor& actor);

struct GuideSummary {
    std::string id;
    int revision = 0;
    std::string title;
};
// The current revision of every published guide of the tenant, by id.
sqlite::Result<std::vector<GuideSummary>> listGuides(sqlite::Database& db, std::int64_t tenantId);
// The XML of the current revision, or nullopt.
sqlite::Result<std::optional<std::string>>
currentGuideXml(sqlite::Database& db, std::int64_t tenantId, std::string_view guideId);

struct Change {
    std::int64_t seq = 0;
    std::string kind; // "guide"
    std::string guideId;
    int revision = 0;
    std::string xml;
};
struct ChangePage {
    std::vector<Change> changes;
    std::int64_t lastSeq = 0; // of the last change returned, or `since` when none
    bool more = false;
};
// How much guide XML one page of the change feed carries at most.
inline constexpr std::size_t kChangePageBytes = 8 * 1024 * 1024;

// At most `limit` changes after `since`, oldest first, with at most `maxBytes`
// of XML in all but always at least one change; `more` is set when either cut
// the page short.
sqlite::Result<ChangePage> changesSince(sqlite::Database& db, std::int64_t tenantId,
                                        std::int64_t since, std::int64_t limit,
                                        std::size_t maxBytes = kChangePageBytes);
// The tenant's last feed sequence number (0 before the first change).
sqlite::Result<std::int64_t> currentSeq(sqlite::Database& db, std::int64_t tenantId);

// --- Records and reports -----------------------------------------------------

// Applies the batch of `who`'s desk and remembers it as the client's last, in
// one transaction. A client is known by its id within the account that sends
// it, so one account's batches never affect another's. A batch at or below
// the last one is a no-op. Returns the batch to acknowledge, or why the batch
// number is refused (more than kMaxBatchStep ahead of the last one: a 400).
sqlite::Result<std::expected<std::int64_t, std::string>>
applyRecords(sqlite::Database& db, const Identity& who, const RecordBatch& batch);

struct FeedbackItem {
    std::optional<std::string> step;
    int revision = 0;
    std::string kind;
    std::string text;
    std::optional<std::string> suggestion;
    std::string team; // empty when the desk's account has no team
};
struct AarReport {
    std::string guideId;
    std::int64_t sessionsStarted = 0;
    std::int64_t sessionsFinished = 0;
    std::int64_t sessionsAbandoned = 0;
    std::vector<FeedbackItem> feedback; // in the order it arrived
};
sqlite::Result<AarReport> aarReport(sqlite::Database& db, std::int64_t tenantId,
                                    std::string_view guideId);

} // namespace souffleur::server
