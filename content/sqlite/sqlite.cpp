#include <souffleur/sqlite/sqlite.h>

#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <utility>

namespace souffleur::sqlite {

std::string isoTime(std::chrono::system_clock::time_point at) {
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
    const auto seconds = static_cast<std::time_t>(millis / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 64> buffer{}; // room for any int, so the formatting never truncates
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                  utc.tm_sec, static_cast<int>(millis % 1000));
    return buffer.data();
}
namespace {

// The errno behind an I/O error on `db`; 0 for any other error.
int systemErrnoOf(sqlite3* db, int code) {
    return db != nullptr && (code & 0xff) == SQLITE_IOERR ? sqlite3_system_errno(db) : 0;
}

Error errorOf(sqlite3* db, int code) {
    return {code, db ? sqlite3_errmsg(db) : sqlite3_errstr(code), systemErrnoOf(db, code)};
}

} // namespace

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // An empty view may have no data at all, which SQLite would bind as NULL:
    // text is text, even when empty (NULL only through bindNull).
    sqlite3_bind_text64(m_stmt, index, text.data() ? text.data() : "", text.size(),
                        SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind(int index, const Blob& blob) {
    sqlite3_bind_blob64(m_stmt, index, blob.bytes.data() ? blob.bytes.data() : "",
                        blob.bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return std::unexpected(errorOf(sqlite3_db_handle(m_stmt), rc));
}

Result<void> Statement::run() {
    for (;;) {
        auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return {};
    }
}

Statement& Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return *this;
}

std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::columnText(int column) const {
    const auto* text = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (text == nullptr)
        return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::string Statement::columnBlob(int column) const {
    const auto* bytes = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (bytes == nullptr)
        return {};
    return std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

std::optional<std::string> Statement::columnOptionalText(int column) const {
    if (columnIsNull(column))
        return std::nullopt;
    return columnText(column);
}

bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Database::~Database() {
    sqlite3_close_v2(m_db);
}

Result<Database> Database::open(const std::filesystem::path& path, OpenOptions options) {
    sqlite3* raw = nullptr;
    const int flags =
        (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK)
        return std::unexpected(errorOf(raw, rc));
    sqlite3_busy_timeout(raw, options.busyTimeoutMs);
    sqlite3_extended_result_codes(raw, 1);
    if (!options.readOnly) {
        if (auto ok = db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                              "PRAGMA foreign_keys=ON;");
            !ok)
            return std::unexpected(ok.error());
    }
    return db;
}

Result<void> Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        Error error{rc, message ? message : sqlite3_errstr(rc), systemErrnoOf(m_db, rc)};
        sqlite3_free(message);
        return std::unexpected(std::move(error));
    }
    return {};
}

Result<Statement> Database::compile(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(errorOf(m_db, rc));
    return Statement(stmt);
}

Result<std::optional<std::int64_t>> Database::firstInt(Statement& stmt) {
    auto row = stmt.step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row || stmt.columnIsNull(0))
        return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{stmt.columnInt(0)};
}

Result<std::optional<std::string>> Database::firstText(Statement& stmt) {
    auto row = stmt.step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row || stmt.columnIsNull(0))
        return std::optional<std::string>{};
    return std::optional<std::string>{stmt.columnText(0)};
}

bool Database::inTransaction() const {
    return sqlite3_get_autocommit(m_db) == 0;
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

std::int64_t Database::totalChanges() const {
    return sqlite3_total_changes64(m_db);
}

Error Database::lastError() const {
    return errorOf(m_db, sqlite3_errcode(m_db));
}

Result<Transaction> Transaction::begin(Database& db) {
    const bool nested = db.inTransaction();
    if (auto ok = db.exec(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE"); !ok)
        return std::unexpected(ok.error());
    return Transaction(&db, nested);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_nested(other.m_nested) {}

Transaction::~Transaction() {
    if (m_db == nullptr)
        return;
    if (m_nested) {
        (void)m_db->exec("ROLLBACK TO nested");
        (void)m_db->exec("RELEASE nested");
    } else {
        (void)m_db->exec("ROLLBACK");
    }
}

Result<void> Transaction::commit() {
    auto ok = m_db->exec(m_nested ? "RELEASE nested" : "COMMIT");
    if (ok)
        m_db = nullptr;
    return ok;
}

} // namespace souffleur::sqlite
