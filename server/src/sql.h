// Private: small helpers over souffleur::sqlite for the store's queries
// (storage.cpp, auth.cpp): binding std::optional as NULL, prepare-and-bind,
// one-shot statements and one-value queries, and the store's timestamps.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace souffleur::server::sql {

template <typename T>
void bindValue(sqlite::Statement& stmt, int index, const T& value) {
    stmt.bind(index, value);
}

template <typename T>
void bindValue(sqlite::Statement& stmt, int index, const std::optional<T>& value) {
    if (value)
        stmt.bind(index, *value);
    else
        stmt.bindNull(index);
}

// Prepares `sql` and binds `args` to its parameters from 1.
template <typename... Args>
sqlite::Result<sqlite::Statement> prepare(sqlite::Database& db, std::string_view sql,
                                          const Args&... args) {
    auto stmt = db.prepare(sql);
    if (stmt) {
        [[maybe_unused]] int index = 0;
        (bindValue(*stmt, ++index, args), ...);
    }
    return stmt;
}

// Runs a statement that returns no rows.
template <typename... Args>
sqlite::Result<void> execute(sqlite::Database& db, std::string_view sql, const Args&... args) {
    auto stmt = prepare(db, sql, args...);
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->run();
}

// The first column of the first row, or nullopt for no row or NULL.
template <typename... Args>
sqlite::Result<std::optional<std::int64_t>> queryInt(sqlite::Database& db, std::string_view sql,
                                                     const Args&... args) {
    auto stmt = prepare(db, sql, args...);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row || stmt->columnIsNull(0))
        return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{stmt->columnInt(0)};
}

inline std::optional<std::string> columnOptionalText(const sqlite::Statement& stmt, int column) {
    if (stmt.columnIsNull(column))
        return std::nullopt;
    return stmt.columnText(column);
}

// The current UTC time as "2026-11-23T12:00:00.123Z".
std::string isoNow();

} // namespace souffleur::server::sql
