// The journal (journal.h).
#include <souffleur/studio/journal.h>

#include <cstdlib>
#include <system_error>

namespace souffleur::studio {
namespace {

std::string describe(const sqlite::Error& error) {
    return "journal: " + error.message;
}

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY,
    guide TEXT NOT NULL,
    base_revision INTEGER NOT NULL,
    base_xml TEXT NOT NULL,
    xml TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    seq INTEGER NOT NULL
);
PRAGMA user_version = 1;
)sql";

JournalEntry readEntry(const sqlite::Statement& row) {
    return {row.columnText(0), row.columnText(1), static_cast<int>(row.columnInt(2)),
            row.columnText(3), row.columnText(4), row.columnText(5)};
}

} // namespace

std::expected<Journal, std::string> Journal::open(const std::filesystem::path& file) {
    std::error_code error;
    if (file.has_parent_path())
        std::filesystem::create_directories(file.parent_path(), error);
    if (error)
        return std::unexpected("journal: cannot create " + file.parent_path().string() + ": " +
                               error.message());
    auto db = sqlite::Database::open(file);
    if (!db)
        return std::unexpected(describe(db.error()));
    // Durable when the process dies (the WAL is written before the call
    // returns); an operating-system crash may lose the last edits.
    if (auto done = db->exec("PRAGMA synchronous = NORMAL"); !done)
        return std::unexpected(describe(done.error()));
    auto version = db->queryInt("PRAGMA user_version");
    if (!version)
        return std::unexpected(describe(version.error()));
    if (version->value_or(0) > 1)
        return std::unexpected("journal: " + file.string() +
                               " was written by a newer studio; it is left as it is");
    if (auto made = db->exec(kSchema); !made)
        return std::unexpected(describe(made.error()));
    return Journal(std::move(*db));
}

std::expected<void, std::string> Journal::record(const JournalEntry& entry) {
    auto done = m_db.execute(
        "INSERT INTO documents (key, guide, base_revision, base_xml, xml, saved_at, seq) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(seq), 0) + 1 FROM documents)) "
        "ON CONFLICT (key) DO UPDATE SET guide = ?2, base_revision = ?3, base_xml = ?4, "
        "xml = ?5, saved_at = ?6",
        entry.key, entry.guide, entry.baseRevision, entry.baseXml, entry.xml,
        sqlite::isoTime(std::chrono::system_clock::now()));
    if (!done)
        return std::unexpected(describe(done.error()));
    return {};
}

std::expected<void, std::string> Journal::forget(const std::string& key) {
    if (auto done = m_db.execute("DELETE FROM documents WHERE key = ?1", key); !done)
        return std::unexpected(describe(done.error()));
    return {};
}

std::expected<std::vector<JournalEntry>, std::string> Journal::unsaved() {
    auto rows = m_db.prepare("SELECT key, guide, base_revision, base_xml, xml, saved_at "
                             "FROM documents ORDER BY seq");
    if (!rows)
        return std::unexpected(describe(rows.error()));
    std::vector<JournalEntry> entries;
    auto done =
        rows->forEachRow([&](const sqlite::Statement& row) { entries.push_back(readEntry(row)); });
    if (!done)
        return std::unexpected(describe(done.error()));
    return entries;
}

std::expected<std::optional<JournalEntry>, std::string> Journal::find(const std::string& key) {
    auto rows = m_db.prepare("SELECT key, guide, base_revision, base_xml, xml, saved_at "
                             "FROM documents WHERE key = ?1",
                             key);
    if (!rows)
        return std::unexpected(describe(rows.error()));
    std::optional<JournalEntry> entry;
    auto done = rows->forEachRow([&](const sqlite::Statement& row) { entry = readEntry(row); });
    if (!done)
        return std::unexpected(describe(done.error()));
    return entry;
}

std::filesystem::path Journal::defaultPath() {
    const char* data = std::getenv("XDG_DATA_HOME");
    std::filesystem::path base;
    if (data && *data)
        base = data;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = std::filesystem::temp_directory_path();
    return base / "souffleur-studio" / "journal.db";
}

} // namespace souffleur::studio
