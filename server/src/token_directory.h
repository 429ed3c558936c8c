// Private: every valid token's account, in memory, so that the I/O threads
// authenticate a request without waiting for the storage thread (which may
// be busy committing a burst of records). The store stays the truth:
//
//   storage thread: readIfChanged(db) ──▶ replace()   at start, every second
//                   when another process changed the store (PRAGMA
//                   data_version) or the access marker (below) moved
//   I/O thread:     find(hash) ──▶ Found: the account
//                              ──▶ Unknown or Stale: the request is
//                                  authenticated on the storage thread, as
//                                  before (a token issued a moment ago works
//                                  at once), which also reads a new snapshot
//
// Only `souffleur-server admin`, another process, issues and revokes tokens
// while the server runs. After each such change it replaces the access
// marker, DATA/access-changed (noteAccessChange(), storage.h); find() looks at
// the marker (one stat) and calls a snapshot older than it Stale, so a
// revoked token is refused by the very next request. An expired token is
// refused by find() itself. A snapshot is immutable: find() copies the
// pointer under a mutex and reads it without.
#pragma once

#include <souffleur/server/auth.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace souffleur::server {

class TokenDirectory {
public:
    // Which file the marker is, and when it was last replaced.
    struct MarkerStamp {
        std::uint64_t inode = 0; // 0: no marker
        std::int64_t modifiedNs = 0;
        bool operator==(const MarkerStamp&) const = default;
    };
    struct Entry {
        Identity identity;
        std::int64_t expiresAt = 0; // Unix seconds
    };
    struct Snapshot {
        MarkerStamp marker;                            // read before the tokens
        std::unordered_map<std::string, Entry> tokens; // by token hash
    };
    enum class Outcome { Found, Unknown, Stale };
    struct Lookup {
        Outcome outcome = Outcome::Unknown;
        Identity identity; // when Found
    };

    explicit TokenDirectory(std::filesystem::path marker)
        : m_marker(std::move(marker)) {}

    // Storage thread: reads the valid tokens when another connection has
    // committed since the last read, or the marker moved (or always, the
    // first time); nullptr when nothing changed.
    sqlite::Result<std::shared_ptr<const Snapshot>> readIfChanged(sqlite::Database& db);
    // Any thread: puts a snapshot in place.
    void replace(std::shared_ptr<const Snapshot> snapshot);

    // Any thread: the account of a token hash, when it is known, not revoked
    // and not expired at `now` (Unix seconds).
    Lookup find(const std::string& tokenHash, std::int64_t now) const;
    // How many tokens the snapshot holds.
    std::size_t size() const;

    // The marker as it is on disk now.
    static MarkerStamp stamp(const std::filesystem::path& marker);

private:
    const std::filesystem::path m_marker;
    mutable std::mutex m_mutex;
    std::shared_ptr<const Snapshot> m_snapshot;
    std::optional<std::int64_t> m_dataVersion; // storage thread only
};

// Storage thread: readIfChanged() and replace(); a failure is logged and
// leaves the snapshot as it was.
void refreshTokens(TokenDirectory& tokens, sqlite::Database& db);

} // namespace souffleur::server
