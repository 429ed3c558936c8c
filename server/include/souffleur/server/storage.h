// The server's store: one SQLite file per data directory (DIR/souffleur.sqlite),
// its schema and every query the routes need, as plain functions over a
// sqlite::Database: accounts, the audit log, records and reports here, the
// content (guides, alerts, the change feed) in content_store.h. The running server calls them only
// on its storage thread (src/storage_executor.h); the demo seeding and the tests call them directly
// before the server starts. Every query is scoped to one tenant: nothing
// crosses tenants.
#pragma once

#include <souffleur/protocol/review.h>
#include <souffleur/server/auth.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/records.h>
#include <souffleur/sqlite/sqlite.h>

#include <array>
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

// An exclusive lock on a data directory (flock on DIR/souffleur.lock), held
// by the running server and by `admin restore`, so that neither runs while
// the other does. The kernel drops it when the process ends, however it ends.
class DataDirLock {
public:
    // Fails, naming the directory, when another process holds it.
    static std::expected<DataDirLock, std::string> acquire(const std::filesystem::path& dataDir);
    DataDirLock(DataDirLock&& other) noexcept;
    DataDirLock& operator=(DataDirLock&& other) noexcept;
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;
    ~DataDirLock();

private:
    explicit DataDirLock(int fd)
        : m_fd(fd) {}
    int m_fd = -1;
};

// The schema version openStore() brings a store to (PRAGMA user_version).
int storeSchemaVersion();

// The schema version of the store in `file` (0: none yet), read without
// changing anything.
sqlite::Result<std::int64_t> storedSchemaVersion(const std::filesystem::path& file);

// Opens (creating if missing) the store and migrates it to the current schema.
// Before it upgrades a store of an older schema, it writes a copy of the store
// as it was beside it, FILE.before-schema-NEWEST-TIME (logged; kept until the
// operator removes it), and refuses to migrate when that copy cannot be
// written. A store of a newer schema is refused and left untouched.
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
sqlite::Result<std::optional<std::int64_t>> findTeam(sqlite::Database& db, std::int64_t tenantId,
                                                     std::string_view name);

struct TenantSummary {
    std::int64_t id = 0;
    std::string name;
    std::int64_t teams = 0;
    std::int64_t accounts = 0;
};
sqlite::Result<std::vector<TenantSummary>> listTenants(sqlite::Database& db);

struct AccountSummary {
    std::string name;
    std::string role;
    std::string team;              // empty: none
    std::int64_t activeTokens = 0; // unrevoked and unexpired
};
// The tenant's accounts, by name.
sqlite::Result<std::vector<AccountSummary>> listAccounts(sqlite::Database& db,
                                                         std::int64_t tenantId);

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

struct AuditRow {
    std::string at;
    AuditEntry entry;
};
// The tenant's newest audit rows, newest first.
sqlite::Result<std::vector<AuditRow>> recentAudit(sqlite::Database& db, std::int64_t tenantId,
                                                  std::int64_t limit);

// --- Feedback for the authors ---------------------------------------------------

// Where a piece of feedback stands in the authors' inbox:
//   new        nobody has looked at it yet
//   planned    it will be acted on; with a revision: the draft that applies it,
//              which makes it "applied" when that revision is published
//   applied    a published revision handled it (handledRevision)
//   declined   it will not be acted on, and why (reason, required)
//   duplicate  another piece of feedback says the same (duplicateOf, required)
// The names of schema v2 (accepted, rejected, done) are still understood:
// they mean planned, declined and applied (canonicalFeedbackStatus).
inline constexpr std::array<std::string_view, 5> kFeedbackStatuses = {"new", "planned", "applied",
                                                                      "declined", "duplicate"};
// The status `name` stands for, or "" when it is none.
std::string_view canonicalFeedbackStatus(std::string_view name);

struct FeedbackFilter {
    std::optional<std::string> guideId;
    std::optional<std::string> step;
    std::optional<std::string> status;
    std::int64_t limit = 100;
    std::int64_t offset = 0;
};
// As the inbox lists it (protocol/review.h, shared with the studio).
using FeedbackEntry = protocol::Feedback;
// The tenant's feedback matching `filter`, newest first.
sqlite::Result<std::vector<FeedbackEntry>> listFeedback(sqlite::Database& db, std::int64_t tenantId,
                                                        const FeedbackFilter& filter);

struct FeedbackUpdate {
    std::string status; // one of kFeedbackStatuses
    std::optional<int> revision;
    std::optional<std::string> reason;
    std::optional<std::string> duplicateOf;
};
// Why an update was refused: no such feedback (or duplicate of one that does
// not exist, or of itself), or a missing reason or duplicate.
enum class FeedbackRefusal { NotFound, NoSuchOriginal };
// Sets a piece of feedback's status (with its revision, reason or original),
// audited; the stored entry, or why not.
sqlite::Result<std::expected<FeedbackEntry, FeedbackRefusal>>
updateFeedback(sqlite::Database& db, std::int64_t tenantId, std::string_view feedbackId,
               const FeedbackUpdate& update, const Actor& actor);
// The feedback with this id, or nullopt.
sqlite::Result<std::optional<FeedbackEntry>>
findFeedback(sqlite::Database& db, std::int64_t tenantId, std::string_view feedbackId);

// --- The teams' logbook and After Action Reviews ---------------------------------

// Which logbook entries or AAR records of a tenant to list, newest first (by
// `at`, the desk's time), every filter optional.
struct TeamRecordFilter {
    std::optional<std::int64_t> teamId; // nullopt: every team of the tenant
    std::optional<std::string> guideId;
    std::optional<std::string> since;      // YYYY-MM-DD: those `at` that day or later
    std::optional<std::string> untilMonth; // YYYY-MM: those `at` that month or earlier (logbook)
    std::int64_t limit = 100;
    std::int64_t offset = 0;
};

// What the lists show: the team, never the account that wrote it.
struct LogbookEntry {
    std::string id;
    std::string team;
    std::string at;
    std::string text;
    std::optional<std::string> guideId;
    std::optional<std::string> step;
    std::string createdAt; // when the server stored it
};
// A follow-up action agreed in an After Action Review.
struct AarAction {
    std::string text;
    std::optional<std::string> guideId;
    std::optional<std::string> step;
};
struct AarEntry {
    std::string id;
    std::string team;
    std::string at;
    std::optional<std::string> guideId;
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::string expected;
    std::string happened;
    std::string why;
    std::string improve;
    std::vector<AarAction> actions;
    std::string createdAt; // when the server stored it
};

sqlite::Result<std::vector<LogbookEntry>> listLogbook(sqlite::Database& db, std::int64_t tenantId,
                                                      const TeamRecordFilter& filter);
sqlite::Result<std::vector<AarEntry>> listAarRecords(sqlite::Database& db, std::int64_t tenantId,
                                                     const TeamRecordFilter& filter);

} // namespace souffleur::server
