// The outbox: records from this desk (session events, feedback, logbook
// entries, After Action Reviews: any JSON record of records.h) waiting to
// reach the server. Invariants:
//  1. enqueue() returns only after the record is committed (synchronous=FULL),
//     so a record the user was told is saved survives a crash or power loss.
//  2. Records leave in numbered batches. A batch, once numbered, always holds
//     the same records and is resent unchanged until acknowledged, so the
//     server's "batch <= last seen is a no-op" rule makes retries harmless.
//  3. acknowledge(n) deletes exactly batch n's records. reject(n), for a batch
//     the server refuses as malformed (it would never be accepted, and would
//     block everything behind it), moves them to the `rejected` table, where
//     they stay for a person to look at. Nothing else deletes.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace souffleur::client {

struct Batch {
    std::int64_t number = 0;
    std::string body; // {"client": ..., "batch": n, "records": [...]}
    std::size_t size = 0;
};

class Outbox {
public:
    static sqlite::Result<Outbox> open(const std::filesystem::path& path);

    // Stores one record (a JSON object from records.h).
    sqlite::Result<void> enqueue(std::string_view recordJson);
    // Stores several in one transaction: all of them, or none.
    sqlite::Result<void> enqueueAll(std::span<const std::string> recordsJson);
    // The batch to send now: the already-numbered unacknowledged batch if there
    // is one, else a new batch of up to `maxRecords` oldest records; nullopt
    // when there is nothing to send.
    sqlite::Result<std::optional<Batch>> nextBatch(std::size_t maxRecords = 200);
    sqlite::Result<void> acknowledge(std::int64_t batchNumber);
    // Moves batch n's records to the rejected table, with the server's reason.
    sqlite::Result<void> reject(std::int64_t batchNumber, std::string_view reason);
    // Records the server refused, kept on the desk.
    sqlite::Result<std::int64_t> rejected();
    // Records waiting (sent or not) to be acknowledged.
    sqlite::Result<std::int64_t> pending();
    // This desk's stable random id, created on first use.
    const std::string& clientId() const { return m_clientId; }

private:
    Outbox(sqlite::Database db, std::string clientId)
        : m_db(std::move(db))
        , m_clientId(std::move(clientId)) {}
    sqlite::Database m_db;
    std::string m_clientId;
};

} // namespace souffleur::client
