// The desk's outbox; see the invariants in outbox.h.
#include "desk_database.h"

#include <souffleur/client/outbox.h>
#include <souffleur/client/records.h>

namespace souffleur::client {

sqlite::Result<Outbox> Outbox::open(const std::filesystem::path& path) {
    auto db = detail::openDeskDatabase(path);
    if (!db)
        return std::unexpected(db.error());
    // The client id is created once, in a transaction, so two connections
    // opening a new database at the same time agree on it.
    {
        auto tx = sqlite::Transaction::begin(*db);
        if (!tx)
            return std::unexpected(tx.error());
        auto insert = db->prepare("INSERT OR IGNORE INTO meta(key, value) VALUES ('client', ?)");
        if (!insert)
            return std::unexpected(insert.error());
        if (auto ok = insert->bind(1, newUuid()).run(); !ok)
            return std::unexpected(ok.error());
        if (auto ok = tx->commit(); !ok)
            return std::unexpected(ok.error());
    }
    auto select = db->prepare("SELECT value FROM meta WHERE key = 'client'");
    if (!select)
        return std::unexpected(select.error());
    auto row = select->step();
    if (!row)
        return std::unexpected(row.error());
    std::string clientId = select->columnText(0);
    select = sqlite::Statement();
    return Outbox(std::move(*db), std::move(clientId));
}

sqlite::Result<void> Outbox::enqueue(std::string_view recordJson) {
    auto stmt = m_db.prepare("INSERT INTO outbox(record) VALUES (?)");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, recordJson).run();
}

sqlite::Result<std::optional<Batch>> Outbox::nextBatch(std::size_t maxRecords) {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    // Invariant 2: a numbered batch is resent as it is.
    auto numbered = m_db.queryInt("SELECT min(batch) FROM outbox WHERE batch IS NOT NULL");
    if (!numbered)
        return std::unexpected(numbered.error());
    std::int64_t number = numbered->value_or(0);
    if (number == 0) {
        auto next =
            m_db.queryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_batch'");
        if (!next)
            return std::unexpected(next.error());
        number = next->value_or(1);
        auto assign =
            m_db.prepare("UPDATE outbox SET batch = ? WHERE seq IN "
                         "(SELECT seq FROM outbox WHERE batch IS NULL ORDER BY seq LIMIT ?)");
        if (!assign)
            return std::unexpected(assign.error());
        if (auto ok = assign->bindAll(number, static_cast<std::int64_t>(maxRecords)).run(); !ok)
            return std::unexpected(ok.error());
        if (m_db.changes() == 0)
            return std::optional<Batch>{}; // nothing to send; the transaction rolls back
        auto bump = m_db.prepare("UPDATE meta SET value = ? WHERE key = 'next_batch'");
        if (!bump)
            return std::unexpected(bump.error());
        if (auto ok = bump->bind(1, std::to_string(number + 1)).run(); !ok)
            return std::unexpected(ok.error());
    }
    auto records = m_db.prepare("SELECT record FROM outbox WHERE batch = ? ORDER BY seq");
    if (!records)
        return std::unexpected(records.error());
    records->bind(1, number);
    Batch batch;
    batch.number = number;
    batch.body =
        "{\"client\":\"" + m_clientId + "\",\"batch\":" + std::to_string(number) + ",\"records\":[";
    for (;;) {
        auto row = records->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        if (batch.size++ > 0)
            batch.body += ',';
        batch.body += records->columnText(0); // each record is a JSON object already
    }
    batch.body += "]}";
    records = sqlite::Statement();
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return std::optional<Batch>{std::move(batch)};
}

sqlite::Result<void> Outbox::acknowledge(std::int64_t batchNumber) {
    auto stmt = m_db.prepare("DELETE FROM outbox WHERE batch = ?");
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->bind(1, batchNumber).run();
}

sqlite::Result<std::int64_t> Outbox::pending() {
    auto count = m_db.queryInt("SELECT count(*) FROM outbox");
    if (!count)
        return std::unexpected(count.error());
    return count->value_or(0);
}

} // namespace souffleur::client
