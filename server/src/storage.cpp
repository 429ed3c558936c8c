// The store's queries (see storage.h). Each function that writes more than
// one row does so in one transaction; a failure rolls everything back.
#include "schema.h"
#include "sql.h"

#include <souffleur/server/health.h>
#include <souffleur/server/log.h>
#include <souffleur/server/storage.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string_view>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace souffleur::server {

using sqlite::Database;
using sqlite::Result;

std::expected<void, std::string> prepareDataDir(const std::filesystem::path& dataDir) {
    std::error_code error;
    if (std::filesystem::is_directory(dataDir, error))
        return {};
    if (std::filesystem::create_directories(dataDir, error); error)
        return std::unexpected("cannot create the data directory " + dataDir.string() + ": " +
                               error.message());
    std::filesystem::permissions(dataDir, std::filesystem::perms::owner_all, error);
    return {};
}

std::filesystem::path databasePath(const std::filesystem::path& dataDir) {
    return dataDir / "souffleur.sqlite";
}

std::expected<DataDirLock, std::string> DataDirLock::acquire(const std::filesystem::path& dataDir) {
    const auto file = dataDir / "souffleur.lock";
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return std::unexpected("cannot open " + file.string() + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            return std::unexpected("the data directory " + dataDir.string() +
                                   " is in use by another souffleur-server (or admin restore)");
        return std::unexpected("cannot lock " + file.string() + ": " + std::strerror(error));
    }
    return DataDirLock(fd);
}

DataDirLock::DataDirLock(DataDirLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)) {}

DataDirLock& DataDirLock::operator=(DataDirLock&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

DataDirLock::~DataDirLock() {
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

namespace {

// Flushes a file (or a directory: the names in it) to the disk.
bool syncPath(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// The schema version of the store in `file` (0 when there is none yet), read
// without writing anything: a read-write open switches the store to WAL,
// which rewrites its header, and even a read-only one leaves -wal and -shm
// files beside it; a store of a newer server must stay as it is. SQLite keeps
// user_version in the file's header (offset 60, big-endian), which is up to
// date unless the -wal file holds transactions not yet copied back: then
// SQLite reads it.
Result<std::int64_t> peekSchemaVersion(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::exists(file, error))
        return 0;
    constexpr std::string_view kMagic{"SQLite format 3\0", 16};
    const std::filesystem::path wal = file.string() + "-wal";
    const auto walSize = std::filesystem::file_size(wal, error);
    if (error || walSize == 0) {
        std::array<char, 100> header{};
        std::ifstream in(file, std::ios::binary);
        if (in.read(header.data(), header.size()) &&
            std::string_view(header.data(), kMagic.size()) == kMagic) {
            std::uint32_t version = 0;
            for (std::size_t i = 60; i < 64; ++i)
                version = (version << 8) | static_cast<unsigned char>(header[i]);
            return static_cast<std::int32_t>(version);
        }
    }
    auto db = Database::open(file, {.readOnly = true});
    if (!db)
        return std::unexpected(db.error());
    auto version = db->queryInt("PRAGMA user_version");
    if (!version)
        return std::unexpected(version.error());
    return version->value_or(0);
}

// Before an upgrade from schema `from` to `to`: a consistent copy of the store
// as it is, FILE.before-schema-TO-TIME beside it (VACUUM INTO a .partial
// file, read back, flushed, renamed, the directory flushed). Kept until the
// operator removes it. When it cannot be written whole, nothing is left of it
// and the caller does not migrate.
Result<std::filesystem::path> backUpBeforeUpgrade(Database& db, const std::filesystem::path& file,
                                                  std::int64_t from, std::int64_t to) {
    auto dir = file.parent_path();
    if (dir.empty())
        dir = ".";
    const std::filesystem::path backup = file.string() + ".before-schema-" + std::to_string(to) +
                                         "-" + sqlite::isoTime(std::chrono::system_clock::now());
    const std::filesystem::path partial = backup.string() + ".partial";
    auto size = db.queryInt("SELECT (p.page_count - f.freelist_count) * s.page_size "
                            "FROM pragma_page_count AS p, pragma_freelist_count AS f, "
                            "pragma_page_size AS s");
    const auto needed = size ? size->value_or(0) : 0;
    const auto fail = [&](const std::string& why) -> Result<std::filesystem::path> {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        std::filesystem::remove(backup, ignored);
        return std::unexpected(sqlite::Error{
            0, "cannot back up the store before upgrading it from schema " + std::to_string(from) +
                   " to " + std::to_string(to) + ": " + why +
                   ". The store was not upgraded and is as it was; the backup needs about " +
                   std::to_string(needed) + " bytes free in " + dir.string() +
                   ", the upgrade about as many again"});
    };
    std::error_code error;
    const auto space = std::filesystem::space(dir, error);
    if (!error && needed > 0 && space.available < static_cast<std::uintmax_t>(needed))
        return fail("only " + std::to_string(space.available) + " bytes are free in " +
                    dir.string());
    if (auto ok = db.execute("VACUUM INTO ?", partial.string()); !ok)
        return fail("cannot write " + partial.string() + ": " + ok.error().message);
    {
        auto copy = Database::open(partial, {.readOnly = true});
        auto version = copy ? copy->queryInt("PRAGMA user_version")
                            : Result<std::optional<std::int64_t>>(std::unexpected(copy.error()));
        if (!version || version->value_or(0) != from)
            return fail("the copy " + partial.string() + " does not read back as schema " +
                        std::to_string(from));
    }
    std::filesystem::permissions(partial, std::filesystem::status(file, error).permissions(),
                                 error);
    if (!syncPath(partial))
        return fail("cannot flush " + partial.string() + " to the disk: " + std::strerror(errno));
    if (std::filesystem::rename(partial, backup, error); error)
        return fail("cannot rename " + partial.string() + ": " + error.message());
    if (!syncPath(dir))
        return fail("cannot flush " + dir.string() + " to the disk: " + std::strerror(errno));
    return backup;
}

} // namespace

Result<std::int64_t> storedSchemaVersion(const std::filesystem::path& file) {
    return peekSchemaVersion(file);
}

Result<Database> openStore(const std::filesystem::path& file) {
    const auto newest = static_cast<std::int64_t>(storeSchemaVersion());
    // A store of a newer server is refused before anything touches it.
    auto found = peekSchemaVersion(file);
    if (!found)
        return std::unexpected(found.error());
    if (*found > newest)
        return std::unexpected(sqlite::Error{0, newerSchemaRefusal(*found)});
    auto db = Database::open(file);
    if (!db)
        return db;
    // What retention deletes is overwritten in the file, not merely unlinked.
    if (auto ok = db->exec("PRAGMA secure_delete = ON"); !ok)
        return std::unexpected(ok.error());
    auto version = db->queryInt("PRAGMA user_version");
    if (!version)
        return std::unexpected(version.error());
    const auto current = version->value_or(0);
    // An upgrade (not a new store) starts with a copy of the store as it was.
    const bool upgrade = current > 0 && current < newest;
    std::filesystem::path backup;
    if (upgrade) {
        auto written = backUpBeforeUpgrade(*db, file, current, newest);
        if (!written)
            return std::unexpected(written.error());
        backup = std::move(*written);
        logLine("store backed up before the upgrade",
                {{"file", backup.string()}, {"from", current}, {"to", newest}});
    }
    if (auto ok = migrate(*db); !ok) {
        auto error = ok.error();
        if (upgrade)
            error.message += " (the store as it was before the upgrade: " + backup.string() + ")";
        return std::unexpected(std::move(error));
    }
    if (upgrade)
        logLine("store upgraded", {{"file", file.string()}, {"from", current}, {"to", newest}});
    // Schema 10's guide metadata, for the revisions stored before it.
    if (auto filled = fillRevisionMeta(*db); !filled)
        return std::unexpected(filled.error());
    return db;
}

// --- Tenants, teams and accounts -------------------------------------------

Result<std::int64_t> createTenant(Database& db, std::string_view name) {
    if (auto ok = db.execute("INSERT INTO tenants (name) VALUES (?)", name); !ok)
        return std::unexpected(ok.error());
    return db.lastInsertRowId();
}

Result<std::optional<std::int64_t>> findTenant(Database& db, std::string_view name) {
    return db.queryInt("SELECT id FROM tenants WHERE name = ?", name);
}

Result<std::int64_t> countTenants(Database& db) {
    auto count = db.queryInt("SELECT count(*) FROM tenants");
    if (!count)
        return std::unexpected(count.error());
    return count->value_or(0);
}

Result<std::int64_t> createTeam(Database& db, std::int64_t tenantId, std::string_view name) {
    if (auto ok = db.execute("INSERT INTO teams (tenant_id, name) VALUES (?, ?)", tenantId, name);
        !ok)
        return std::unexpected(ok.error());
    return db.lastInsertRowId();
}

Result<std::int64_t> createAccount(Database& db, const NewAccount& account) {
    if (auto ok =
            db.execute("INSERT INTO accounts (tenant_id, team_id, name, role) VALUES (?, ?, ?, ?)",
                       account.tenantId, account.teamId, account.name, roleName(account.role));
        !ok)
        return std::unexpected(ok.error());
    return db.lastInsertRowId();
}

Result<std::optional<std::int64_t>> findAccount(Database& db, std::int64_t tenantId,
                                                std::string_view name) {
    return db.queryInt("SELECT id FROM accounts WHERE tenant_id = ? AND name = ?", tenantId, name);
}

Result<std::optional<std::int64_t>> findTeam(Database& db, std::int64_t tenantId,
                                             std::string_view name) {
    return db.queryInt("SELECT id FROM teams WHERE tenant_id = ? AND name = ?", tenantId, name);
}

Result<std::vector<TenantSummary>> listTenants(Database& db) {
    auto stmt = db.prepare("SELECT t.id, t.name, "
                           "(SELECT count(*) FROM teams WHERE tenant_id = t.id), "
                           "(SELECT count(*) FROM accounts WHERE tenant_id = t.id) "
                           "FROM tenants AS t ORDER BY t.name");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<TenantSummary> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnInt(0), row.columnText(1), row.columnInt(2), row.columnInt(3)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::vector<AccountSummary>> listAccounts(Database& db, std::int64_t tenantId) {
    auto stmt = db.prepare("SELECT a.name, a.role, coalesce(t.name, ''), "
                           "(SELECT count(*) FROM tokens AS k WHERE k.account_id = a.id "
                           " AND k.revoked = 0 AND k.expires_at > unixepoch()) "
                           "FROM accounts AS a LEFT JOIN teams AS t ON t.id = a.team_id "
                           "WHERE a.tenant_id = ? ORDER BY a.name",
                           tenantId);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<AccountSummary> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0), row.columnText(1), row.columnText(2), row.columnInt(3)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

// --- Audit log ---------------------------------------------------------------

Result<void> appendAudit(Database& db, const AuditEntry& entry) {
    const std::string at = sql::isoNow();
    // A running server logs the row once it is committed (src/audit_echo.h).
    const auto actor =
        entry.actor.empty() ? std::optional<std::string>() : std::optional(entry.actor);
    return db.execute("INSERT INTO audit (at, tenant_id, actor, action, target, remote, outcome, "
                      "count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      at, entry.tenantId, actor, entry.action, entry.target, entry.remote,
                      entry.outcome, entry.count);
}

Result<std::vector<AuditRow>> recentAudit(Database& db, std::int64_t tenantId, std::int64_t limit) {
    auto stmt = db.prepare("SELECT at, coalesce(actor, ''), action, coalesce(target, ''), "
                           "coalesce(remote, ''), outcome, count FROM audit WHERE tenant_id = ? "
                           "ORDER BY id DESC LIMIT ?",
                           tenantId, limit);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<AuditRow> out;
    auto read = stmt->forEachRow([&out, tenantId](const sqlite::Statement& row) {
        out.push_back({row.columnText(0),
                       {tenantId, row.columnText(1), row.columnText(2), row.columnText(3),
                        row.columnText(4), row.columnText(5), row.columnInt(6)}});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

// --- Feedback for the authors ---------------------------------------------------

std::string_view canonicalFeedbackStatus(std::string_view name) {
    if (name == "accepted")
        return "planned";
    if (name == "rejected")
        return "declined";
    if (name == "done")
        return "applied";
    for (const auto status : kFeedbackStatuses) {
        if (status == name)
            return status;
    }
    return {};
}

namespace {

constexpr std::string_view kFeedbackSelect =
    "SELECT f.id, f.guide_id, f.revision, f.step, f.kind, f.text, f.suggestion, f.status, "
    "coalesce(t.name, ''), f.created_at, f.updated_at, f.handled_revision, f.reason, "
    "f.duplicate_of FROM feedback AS f LEFT JOIN teams AS t ON t.id = f.team_id ";

FeedbackEntry readFeedback(const sqlite::Statement& row) {
    FeedbackEntry entry{
        row.columnText(0),          row.columnText(1),          static_cast<int>(row.columnInt(2)),
        row.columnOptionalText(3),  row.columnText(4),          row.columnText(5),
        row.columnOptionalText(6),  row.columnText(7),          row.columnText(8),
        row.columnText(9),          row.columnOptionalText(10), std::nullopt,
        row.columnOptionalText(12), row.columnOptionalText(13)};
    if (!row.columnIsNull(11))
        entry.handledRevision = static_cast<int>(row.columnInt(11));
    return entry;
}

} // namespace

Result<std::vector<FeedbackEntry>> listFeedback(Database& db, std::int64_t tenantId,
                                                const FeedbackFilter& filter) {
    // A NULL filter value matches everything.
    auto stmt = db.prepare(std::string(kFeedbackSelect) +
                               "WHERE f.tenant_id = ? AND (?2 IS NULL OR f.guide_id = ?2) "
                               "AND (?3 IS NULL OR f.step = ?3) AND (?4 IS NULL OR f.status = ?4) "
                               "ORDER BY f.rowid DESC LIMIT ?5 OFFSET ?6",
                           tenantId, filter.guideId, filter.step, filter.status, filter.limit,
                           filter.offset);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<FeedbackEntry> out;
    auto read = stmt->forEachRow(
        [&out](const sqlite::Statement& row) { out.push_back(readFeedback(row)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::optional<FeedbackEntry>> findFeedback(Database& db, std::int64_t tenantId,
                                                  std::string_view feedbackId) {
    auto stmt = db.prepare(std::string(kFeedbackSelect) + "WHERE f.tenant_id = ? AND f.id = ?",
                           tenantId, feedbackId);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<FeedbackEntry>{};
    return std::optional<FeedbackEntry>(readFeedback(*stmt));
}

Result<std::expected<FeedbackEntry, FeedbackRefusal>>
updateFeedback(Database& db, std::int64_t tenantId, std::string_view feedbackId,
               const FeedbackUpdate& update, const Actor& actor) {
    using Outcome = std::expected<FeedbackEntry, FeedbackRefusal>;
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    if (update.status == "duplicate" && update.duplicateOf) {
        auto original = findFeedback(db, tenantId, *update.duplicateOf);
        if (!original)
            return std::unexpected(original.error());
        if (!*original || *update.duplicateOf == feedbackId)
            return Outcome(std::unexpected(FeedbackRefusal::NoSuchOriginal));
    }
    // A reason or an original belongs to the status that needs it; any
    // other status clears them.
    const auto reason = update.status == "declined" ? update.reason : std::nullopt;
    const auto original = update.status == "duplicate" ? update.duplicateOf : std::nullopt;
    if (auto ok = db.execute("UPDATE feedback SET status = ?, handled_revision = ?, reason = ?, "
                             "duplicate_of = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
                             update.status, update.revision, reason, original, sql::isoNow(),
                             tenantId, feedbackId);
        !ok)
        return std::unexpected(ok.error());
    if (db.changes() == 0)
        return Outcome(std::unexpected(FeedbackRefusal::NotFound));
    std::string target = "feedback " + std::string(feedbackId);
    if (update.revision)
        target += " (revision " + std::to_string(*update.revision) + ")";
    if (auto ok = appendAudit(
            db, {tenantId, actor.name, "feedback", std::move(target), actor.remote, update.status});
        !ok)
        return std::unexpected(ok.error());
    auto stored = findFeedback(db, tenantId, feedbackId);
    if (!stored)
        return std::unexpected(stored.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return Outcome(std::move(**stored));
}

// --- The teams' logbook and After Action Reviews ---------------------------------

Result<std::vector<LogbookEntry>> listLogbook(Database& db, std::int64_t tenantId,
                                              const TeamRecordFilter& filter) {
    // A NULL filter value matches everything.
    auto stmt = db.prepare("SELECT l.id, t.name, l.at, l.text, l.guide_id, l.step, l.created_at "
                           "FROM logbook AS l JOIN teams AS t ON t.id = l.team_id "
                           "WHERE l.tenant_id = ?1 AND (?2 IS NULL OR l.team_id = ?2) "
                           "AND (?3 IS NULL OR l.guide_id = ?3) AND (?4 IS NULL OR l.at >= ?4) "
                           "AND (?7 IS NULL OR substr(l.at, 1, 7) <= ?7) "
                           "ORDER BY l.at DESC, l.rowid DESC LIMIT ?5 OFFSET ?6",
                           tenantId, filter.teamId, filter.guideId, filter.since, filter.limit,
                           filter.offset, filter.untilMonth);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<LogbookEntry> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0), row.columnText(1), row.columnText(2), row.columnText(3),
                       row.columnOptionalText(4), row.columnOptionalText(5), row.columnText(6)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::vector<AarEntry>> listAarRecords(Database& db, std::int64_t tenantId,
                                             const TeamRecordFilter& filter) {
    auto stmt = db.prepare(
        "SELECT a.id, t.name, a.at, a.guide_id, a.period_from, a.period_to, a.expected, "
        "a.happened, a.why, a.improve, a.created_at "
        "FROM aar_records AS a JOIN teams AS t ON t.id = a.team_id "
        "WHERE a.tenant_id = ?1 AND (?2 IS NULL OR a.team_id = ?2) "
        "AND (?3 IS NULL OR a.guide_id = ?3) AND (?4 IS NULL OR a.at >= ?4) "
        "ORDER BY a.at DESC, a.rowid DESC LIMIT ?5 OFFSET ?6",
        tenantId, filter.teamId, filter.guideId, filter.since, filter.limit, filter.offset);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<AarEntry> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        AarEntry entry;
        entry.id = row.columnText(0);
        entry.team = row.columnText(1);
        entry.at = row.columnText(2);
        entry.guideId = row.columnOptionalText(3);
        entry.from = row.columnOptionalText(4);
        entry.to = row.columnOptionalText(5);
        entry.expected = row.columnText(6);
        entry.happened = row.columnText(7);
        entry.why = row.columnText(8);
        entry.improve = row.columnText(9);
        entry.createdAt = row.columnText(10);
        out.push_back(std::move(entry));
    });
    if (!read)
        return std::unexpected(read.error());
    auto actions = db.prepare("SELECT text, guide_id, step FROM aar_actions "
                              "WHERE tenant_id = ? AND aar_id = ? ORDER BY position");
    if (!actions)
        return std::unexpected(actions.error());
    for (auto& entry : out) {
        actions->reset();
        actions->bindAll(tenantId, entry.id);
        auto listed = actions->forEachRow([&entry](const sqlite::Statement& row) {
            entry.actions.push_back(
                {row.columnText(0), row.columnOptionalText(1), row.columnOptionalText(2)});
        });
        if (!listed)
            return std::unexpected(listed.error());
    }
    return out;
}

} // namespace souffleur::server
