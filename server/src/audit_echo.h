// Private: the audit log on stderr (the journal), one "audit" line per row of
// the audit table, written after the row has been committed: a line never
// tells of an action the store does not have (say, a publication refused by
// a full disk). The storage executor calls it after every commit
// (StorageExecutor::CommitHook); it reads the rows newer than the last it
// wrote. Storage thread only.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <cstdint>

namespace souffleur::server {

class AuditEcho {
public:
    // Echoes the rows after the newest one the store holds now.
    static sqlite::Result<AuditEcho> startingAfterNewest(sqlite::Database& db);

    void operator()(sqlite::Database& db);

private:
    explicit AuditEcho(std::int64_t lastId)
        : m_lastId(lastId) {}
    std::int64_t m_lastId;
};

} // namespace souffleur::server
