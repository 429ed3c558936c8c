// Small move-only RAII wrappers over the SQLite C API, shared by the server's
// store and the desk's replica. Expected failures are values (std::expected);
// no raw sqlite3_*_free calls outside this module.
//
// Every database is opened in WAL mode with synchronous=FULL: whatever a
// caller acknowledges after commit() has reached the disk.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace souffleur::sqlite {

struct Error {
    int code = 0;
    std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

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
    Statement& bindNull(int index);
    // Binds each argument in turn from parameter 1.
    template <typename... Args>
    Statement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // One step: true when a row is ready, false when done.
    Result<bool> step();
    // Steps to the end, for statements that return no rows.
    Result<void> run();
    Statement& reset();

    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
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

    Result<void> exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    // Runs a query that returns one integer (or nullopt when no row).
    Result<std::optional<std::int64_t>> queryInt(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    Error lastError() const;
    sqlite3* get() const noexcept { return m_db; }

private:
    explicit Database(sqlite3* db) noexcept
        : m_db(db) {}
    sqlite3* m_db = nullptr;
};

// BEGIN IMMEDIATE on construction; rolls back unless commit() succeeded.
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
    explicit Transaction(Database* db) noexcept
        : m_db(db) {}
    Database* m_db = nullptr;
};

} // namespace souffleur::sqlite
