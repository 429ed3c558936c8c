// Private: whether the data directory's disk is full, as the store finds
// out (SQLITE_FULL). While it is, the server keeps serving reads and the
// change feed, and answers every write 507 (routes/api.cpp, internalError):
// nothing is acknowledged that was not stored. The first refusal is logged,
// and so is the return of space, once each, never a line per request;
// /healthz and /metrics show the state. A write that commits again ends it:
// a request's, or the server's probe, which tries a small write every few
// seconds while the disk is full (server.cpp), so it recovers by itself.
// Thread-safe.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <atomic>
#include <cstdint>
#include <mutex>

namespace souffleur::server {

class DiskSpace {
public:
    // A write failed: the disk is full (logged when it is news).
    void noteFull(const sqlite::Error& error);
    // A write committed: there is space (logged when that is news).
    void noteWritten();
    bool full() const { return m_full.load(); }
    // Writes refused because the disk was full, since the start.
    std::uint64_t refused() const { return m_refused.load(); }

private:
    std::mutex m_mutex; // orders the transitions and their log lines
    std::atomic<bool> m_full = false;
    std::atomic<std::uint64_t> m_refused = 0;
};

// The probe: a small write to the store (its time in store_meta), in a
// transaction of its own, that fails with SQLITE_FULL while the disk is full.
sqlite::Result<void> probeDiskSpace(sqlite::Database& db);

} // namespace souffleur::server
