// The disk's state (see disk_space.h).
#include "disk_space.h"

#include <souffleur/server/log.h>

#include <chrono>

namespace souffleur::server {

void DiskSpace::noteFull(const sqlite::Error& error) {
    ++m_refused;
    const std::lock_guard lock(m_mutex);
    if (m_full.exchange(true))
        return;
    logLine("the disk of the data directory is full: reads go on, writes are refused (507) "
            "until space returns",
            {{"code", error.code}, {"error", error.message}});
}

void DiskSpace::noteWritten() {
    if (!m_full.load())
        return;
    const std::lock_guard lock(m_mutex);
    if (!m_full.exchange(false))
        return;
    logLine("the disk of the data directory has space again: writes are accepted",
            {{"refused_while_full", m_refused.load()}});
}

sqlite::Result<void> probeDiskSpace(sqlite::Database& db) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = db.execute("INSERT INTO store_meta (key, value) VALUES ('disk_probe', ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             sqlite::isoTime(std::chrono::system_clock::now()));
        !ok)
        return ok;
    return tx->commit();
}

} // namespace souffleur::server
