// Records from the desks on the store (docs/api.md, POST /api/v1/records).
// What a record is, its type, fields, limits and validation, is defined once
// in the wire protocol (content/protocol/include/souffleur/protocol/records.h)
// for desks and server alike; here is what the server does with a batch
// whose records it has validated there. No personal data: a record names a
// guide, a step and a random session id; the server adds the team, never the
// account. Team logbook entries and AAR records belong to the sender's team:
// the store keeps the account only for the audit and never shows it.
#pragma once

#include <souffleur/protocol/records.h>
#include <souffleur/server/auth.h>
#include <souffleur/server/review_store.h>
#include <souffleur/sqlite/sqlite.h>

#include <expected>
#include <string>
#include <vector>

namespace souffleur::server {

// The records of a batch, each validated (protocol::validateRecords).
using CheckedRecords = std::vector<std::expected<protocol::Record, protocol::RecordProblem>>;

// Applies the batch of `who`'s desk and remembers it as the client's last, in
// one transaction. A client is known by its id within the account that sends
// it, so one account's batches never affect another's.
//  - A batch at or below the last one is a no-op (a retry): answered with the
//    batch number and, for the last one, the records it refused then.
//  - Protocol 2: every valid record is stored; each refused one (invalid, or
//    a team record from an account without a team) is named in the answer.
//  - Protocol 1 (desks from before): all or nothing; the first problem
//    refuses the whole batch.
// The error (a 400) is why the batch as a whole is refused: its number more
// than kMaxBatchStep ahead of the last one, or, in protocol 1, a bad record.
// New feedback brings notices for the editors of the guide's owner team, in
// the same transaction; `notified` (if given) receives them, to push.
sqlite::Result<std::expected<protocol::BatchAnswer, std::string>>
applyRecords(sqlite::Database& db, const Identity& who, const protocol::Batch& batch,
             const CheckedRecords& records, std::vector<NoticeOut>* notified = nullptr);

// A desk's report that it cannot show a guide or alert yet: it holds a newer
// format than it reads (docs/guide-format.md, "Format revisions").
struct UpdateNeeded {
    std::string account; // the desk account (a workstation, not a person)
    std::string team;    // "" without a team
    std::string kind;    // "guide" or "alert"
    std::string item;
    int revision = 0;
    int format = 0;          // what the item needs
    int reads = 0;           // what the desk reads
    std::string deskVersion; // the desk's Souffleur version, "" when not said
    std::string at;          // when the desk reported it (its clock)
};

// The tenant's reports of the last `days` days, newest first.
sqlite::Result<std::vector<UpdateNeeded>> listUpdatesNeeded(sqlite::Database& db,
                                                            std::int64_t tenantId, int days);

} // namespace souffleur::server
