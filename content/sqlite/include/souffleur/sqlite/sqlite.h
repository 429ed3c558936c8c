// Small move-only RAII wrappers over the SQLite C API, shared by the server's
// store and the desk's replica. Expected failures are values (std::expected);
// no raw sqlite3_*_free calls outside this module.
//
// Every database is opened in WAL mode with synchronous=FULL: whatever a
// caller acknowledges after commit() has reached the disk.
#pragma once

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace souffleur::sqlite {

// A time as both stores (the server's, the desk's) keep it:
// "2026-11-23T12:00:00.123Z", UTC, milliseconds.
std::string isoTime(std::chrono::system_clock::time_point at);

struct Error {
    int code = 0; // SQLite's (extended) result code; 0 for errors of this wrapper
    std::string message;
    // For an I/O error (SQLITE_IOERR_*): the errno of the system call that
    // failed (sqlite3_system_errno), else 0.
    int systemErrno = 0;

    // The disk (or the file system's quota) is full; nothing of the failed
    // statement or transaction was stored. SQLITE_FULL, or an I/O error of a
    // write that found no space: SQLite says so when it cannot make the WAL's
    // shared-memory index (-shm), which even a read needs.
    bool diskFull() const {
        return (code & 0xff) == 13 ||
               ((code & 0xff) == 10 && (systemErrno == ENOSPC || systemErrno == EDQUOT));
    }
};

template <typename T>
using Result = std::expected<T, Error>;

// Bytes stored as a BLOB (a picture), not as text.
struct Blob {
    std::string_view bytes;
};

class Statement {
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* stmt) noexcept
        : m_stmt(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT).
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind(int index, const Blob& blob);
    Statement& bindNull(int index);
    // An empty optional binds NULL.
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }
    // Binds each argument in turn from parameter 1.
    template <typename... Args>
    Statement& bindAll(const Args&... args) {
        [[maybe_unused]] int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // One step: true when a row is ready, false when done.
    Result<bool> step();
    // Steps to the end, for statements that return no rows.
    Result<void> run();
    // Steps through every row, calling onRow(*this) for each.
    template <typename OnRow>
    Result<void> forEachRow(OnRow onRow) {
        for (;;) {
            auto row = step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                return {};
            onRow(*this);
        }
    }
    Statement& reset();

    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::string columnBlob(int column) const;                        // the bytes as they are
    std::optional<std::string> columnOptionalText(int column) const; // nullopt for NULL
    bool columnIsNull(int column) const;

    sqlite3_stmt* get() const noexcept { return m_stmt; }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

struct OpenOptions {
    bool readOnly = false;
    int busyTimeoutMs = 5000;
};

class Database {
public:
    Database() = default;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    static Result<Database> open(const std::filesystem::path& path, OpenOptions options = {});

    // Runs one or more statements without parameters (schema, pragmas).
    Result<void> exec(std::string_view sql);
    // Prepares one statement and binds `args` to its parameters from 1.
    template <typename... Args>
    Result<Statement> prepare(std::string_view sql, const Args&... args) {
        auto stmt = compile(sql);
        if (stmt)
            stmt->bindAll(args...);
        return stmt;
    }
    // Runs one statement that returns no rows.
    template <typename... Args>
    Result<void> execute(std::string_view sql, const Args&... args) {
        auto stmt = prepare(sql, args...);
        if (!stmt)
            return std::unexpected(stmt.error());
        return stmt->run();
    }
    // The first column of the first row as an integer; nullopt for no row or NULL.
    template <typename... Args>
    Result<std::optional<std::int64_t>> queryInt(std::string_view sql, const Args&... args) {
        auto stmt = prepare(sql, args...);
        if (!stmt)
            return std::unexpected(stmt.error());
        return firstInt(*stmt);
    }
    // The first column of the first row as text; nullopt for no row or NULL.
    template <typename... Args>
    Result<std::optional<std::string>> queryText(std::string_view sql, const Args&... args) {
        auto stmt = prepare(sql, args...);
        if (!stmt)
            return std::unexpected(stmt.error());
        return firstText(*stmt);
    }

    std::int64_t lastInsertRowId() const;
    // Whether a transaction is open on this connection.
    bool inTransaction() const;
    int changes() const;
    // Rows inserted, updated or deleted on this connection since it opened
    // (including any a rollback undid later).
    std::int64_t totalChanges() const;
    Error lastError() const;
    sqlite3* get() const noexcept { return m_db; }

private:
    explicit Database(sqlite3* db) noexcept
        : m_db(db) {}
    Result<Statement> compile(std::string_view sql);
    static Result<std::optional<std::string>> firstText(Statement& stmt);
    static Result<std::optional<std::int64_t>> firstInt(Statement& stmt);
    sqlite3* m_db = nullptr;
};

// BEGIN IMMEDIATE on construction; rolls back unless commit() succeeded.
// A transaction, rolled back unless committed. Begun inside another
// transaction it is a savepoint of it: its commit releases the savepoint (the
// outer transaction decides what becomes durable), its rollback undoes only
// its own changes. The server's storage thread uses that to commit a group of
// jobs at once (group commit).
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Result<void> commit();

private:
    Transaction(Database* db, bool nested) noexcept
        : m_db(db)
        , m_nested(nested) {}
    Database* m_db = nullptr;
    bool m_nested = false;
};

} // namespace souffleur::sqlite
