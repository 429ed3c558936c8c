// The tokens in memory (see token_directory.h).
#include "token_directory.h"

#include <souffleur/server/log.h>

#include <ctime>
#include <sys/stat.h>

namespace souffleur::server {

TokenDirectory::MarkerStamp TokenDirectory::stamp(const std::filesystem::path& marker) {
    struct ::stat info {};
    if (::stat(marker.c_str(), &info) != 0)
        return {};
    return {static_cast<std::uint64_t>(info.st_ino),
            static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

sqlite::Result<std::shared_ptr<const TokenDirectory::Snapshot>>
TokenDirectory::readIfChanged(sqlite::Database& db) {
    const auto marker = stamp(m_marker); // before the tokens: a later change makes it stale
    // data_version changes when another connection (another process) commits.
    auto version = db.queryInt("PRAGMA data_version");
    if (!version)
        return std::unexpected(version.error());
    {
        const std::lock_guard lock(m_mutex);
        if (m_snapshot && m_dataVersion == version->value_or(0) && m_snapshot->marker == marker)
            return nullptr;
    }
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    auto stmt = db.prepare("SELECT t.hash, t.expires_at, a.id, a.tenant_id, a.team_id, a.name, "
                           "a.role FROM tokens AS t JOIN accounts AS a ON a.id = t.account_id "
                           "WHERE t.revoked = 0 AND t.expires_at > ?",
                           now);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->marker = marker;
    auto read = stmt->forEachRow([&snapshot](const sqlite::Statement& row) {
        const auto role = parseRole(row.columnText(6));
        if (!role)
            return; // a role this server does not know: never admitted
        Identity identity{
            row.columnInt(2), row.columnInt(3), std::nullopt, row.columnText(5), *role,
            row.columnText(0)};
        if (!row.columnIsNull(4))
            identity.teamId = row.columnInt(4);
        auto hash = identity.tokenHash;
        snapshot->tokens.emplace(std::move(hash), Entry{std::move(identity), row.columnInt(1)});
    });
    if (!read)
        return std::unexpected(read.error());
    m_dataVersion = version->value_or(0);
    return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

void TokenDirectory::replace(std::shared_ptr<const Snapshot> snapshot) {
    const std::lock_guard lock(m_mutex);
    m_snapshot = std::move(snapshot);
}

TokenDirectory::Lookup TokenDirectory::find(const std::string& tokenHash, std::int64_t now) const {
    std::shared_ptr<const Snapshot> snapshot;
    {
        const std::lock_guard lock(m_mutex);
        snapshot = m_snapshot;
    }
    if (!snapshot || snapshot->marker != stamp(m_marker))
        return {Outcome::Stale, {}};
    const auto found = snapshot->tokens.find(tokenHash);
    if (found == snapshot->tokens.end() || found->second.expiresAt <= now)
        return {Outcome::Unknown, {}};
    return {Outcome::Found, found->second.identity};
}

std::size_t TokenDirectory::size() const {
    const std::lock_guard lock(m_mutex);
    return m_snapshot ? m_snapshot->tokens.size() : 0;
}

void refreshTokens(TokenDirectory& tokens, sqlite::Database& db) {
    auto snapshot = tokens.readIfChanged(db);
    if (!snapshot)
        logLine("cannot read the tokens into memory",
                {{"code", snapshot.error().code}, {"error", snapshot.error().message}});
    else if (*snapshot)
        tokens.replace(std::move(*snapshot));
}

} // namespace souffleur::server
