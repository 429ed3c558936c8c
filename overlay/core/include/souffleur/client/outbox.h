// The outbox: records from this desk (session events, feedback, alert
// acknowledgements, logbook entries, After Action Reviews: the wire records
// of content/protocol/.../records.h) waiting to reach the server. Invariants:
//  0. Nothing enters unchecked: enqueue() validates every record against the
//     wire protocol, and the privacy guard runs on every free-text field, so
//     whatever the caller (the panel, a script, the studio), a record with a
//     citizen's personal data or one the server would refuse is not stored;
//     the caller gets the reason.
//  1. enqueue() returns only after the record is committed (synchronous=FULL),
//     so a record the user was told is saved survives a crash or power loss.
//  2. Records leave in numbered batches. A batch, once numbered, always holds
//     the same records and is resent unchanged until the server answers it,
//     so the server's "batch <= last seen is a no-op" rule makes retries
//     harmless.
//  3. settle(n, refused) deletes batch n's records but those the server
//     refused, which move to the `rejected` table with the server's reason;
//     reject(n), for a batch refused as a whole (an older server, a batch
//     too large), moves all of them. There they stay for a person to see in
//     the panel's diagnostics, export, or send again. Nothing else deletes.
//
//   enqueue ──▶ waiting ──nextBatch()──▶ in batch n ──settle(n)──▶ gone (stored)
//                  ▲                         │  └──settle(n, refused)──▶ rejected
//                  └─────resend()────────────┴─────reject(n)───────────▶ rejected
#pragma once

#include <souffleur/protocol/records.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace souffleur::client {

struct Batch {
    std::int64_t number = 0;
    std::string body; // protocol::batchJson: {"client", "batch", "protocol", "records"}
    std::size_t size = 0;
};

// Why records were not stored.
struct OutboxError {
    std::string message;
    // Set when a record itself was refused (not valid, or it holds personal
    // data): trying again will not help. Unset: the database failed (a full
    // disk, a lock), and the same records may be tried again later.
    std::optional<protocol::RecordProblem> refused;
    std::size_t index = 0; // which of the records given was refused
    // The database failed because the disk is full (SQLITE_FULL): nothing of
    // the records given was stored; they may be tried again once there is space.
    bool diskFull = false;
};
using OutboxResult = std::expected<void, OutboxError>;

// A record the server (or an older server, the whole batch) refused.
struct RejectedRecord {
    std::int64_t seq = 0;
    std::string record; // the JSON as it was sent
    std::int64_t batch = 0;
    std::string reason;
    std::string rejectedAt;
};

class Outbox {
public:
    static sqlite::Result<Outbox> open(const std::filesystem::path& path,
                                       sqlite::OpenOptions options = {});

    // Validates and stores one record (a JSON object of the wire protocol).
    OutboxResult enqueue(std::string_view recordJson);
    // Validates all, then stores them in one transaction: all of them, or none.
    OutboxResult enqueueAll(std::span<const std::string> recordsJson);
    // The batch to send now: the already-numbered unsettled batch if there
    // is one, else a new batch of up to `maxRecords` oldest records; nullopt
    // when there is nothing to send.
    sqlite::Result<std::optional<Batch>> nextBatch(std::size_t maxRecords = 200);
    // The server stored batch n but for the records it refused (by their
    // index in the batch, with its reason), which are set aside.
    sqlite::Result<void> settle(std::int64_t batchNumber,
                                std::span<const protocol::RefusedRecord> refused = {});
    // Moves all of batch n's records to the rejected table, with the reason.
    sqlite::Result<void> reject(std::int64_t batchNumber, std::string_view reason);
    // Keeps a record that was refused before it was sent (not valid) with
    // the reason, among the rejected ones.
    sqlite::Result<void> setAside(std::string_view recordJson, std::string_view reason);
    // Records refused, kept on the desk: how many, and which (oldest first).
    sqlite::Result<std::int64_t> rejected();
    sqlite::Result<std::vector<RejectedRecord>> rejectedRecords();
    // Puts the rejected records back in the queue, to be sent again (after
    // the server was upgraded, say). Returns how many.
    sqlite::Result<std::int64_t> resendRejected();
    // Records waiting (sent or not) for the server's answer.
    sqlite::Result<std::int64_t> pending();
    // The JSON of the records of `type` ("logbook", ...) waiting for the
    // server's answer, oldest first (the panel shows them as not sent yet).
    sqlite::Result<std::vector<std::string>> waiting(std::string_view type);
    // This desk's stable random id, created on first use.
    const std::string& clientId() const { return m_clientId; }

private:
    Outbox(sqlite::Database db, std::string clientId)
        : m_db(std::move(db))
        , m_clientId(std::move(clientId)) {}
    sqlite::Result<void> insert(std::string_view recordJson);
    sqlite::Database m_db;
    std::string m_clientId;
};

// A JSON export of rejected records, for a person to read or a support desk
// to look at: {"client": ID, "exported_at": T, "rejected": [{"seq", "batch",
// "reason", "rejected_at", "record": {...}}]}.
std::string exportRejected(std::string_view clientId, std::span<const RejectedRecord> records);

// What a desk could not store yet (the disk full, the database locked): kept
// in memory, in order, and stored with the next try, so nothing the step
// engine reported is dropped. The desk tells the employee while records wait
// (and that the disk is full, when that is why).
class PendingRecords {
public:
    // Adds `records` behind those waiting and tries to store them all, in
    // order, in one transaction. When the database fails, everything stays
    // waiting for retry() and that error is returned. A record the outbox
    // refuses (not valid: a bug, since only the desk's own records come
    // here) is set aside among the rejected ones (or, should it hold personal
    // data, dropped), the rest is stored, and the refusal is returned.
    OutboxResult store(Outbox& outbox, std::vector<std::string> records);
    // Tries again to store what waits; fine when nothing does.
    OutboxResult retry(Outbox& outbox);
    std::size_t waiting() const { return m_waiting.size(); }
    // What waits, in order (the JSON of each record).
    const std::vector<std::string>& records() const { return m_waiting; }
    // Records wait because the last try found the disk full.
    bool diskFull() const { return m_diskFull && !m_waiting.empty(); }

private:
    std::vector<std::string> m_waiting;
    bool m_diskFull = false;
};

} // namespace souffleur::client
