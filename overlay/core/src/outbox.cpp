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
        if (auto ok = db->execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('client', ?)",
                                  newUuid());
            !ok)
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
    return m_db.execute("INSERT INTO outbox(record) VALUES (?)", recordJson);
}

sqlite::Result<void> Outbox::enqueueAll(std::span<const std::string> recordsJson) {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    for (const std::string& record : recordsJson)
        if (auto stored = enqueue(record); !stored)
            return stored;
    return tx->commit();
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
        if (auto ok =
                m_db.execute("UPDATE outbox SET batch = ? WHERE seq IN "
                             "(SELECT seq FROM outbox WHERE batch IS NULL ORDER BY seq LIMIT ?)",
                             number, static_cast<std::int64_t>(maxRecords));
            !ok)
            return std::unexpected(ok.error());
        if (m_db.changes() == 0)
            return std::optional<Batch>{}; // nothing to send; the transaction rolls back
        if (auto ok = m_db.execute("UPDATE meta SET value = ? WHERE key = 'next_batch'",
                                   std::to_string(number + 1));
            !ok)
            return std::unexpected(ok.error());
    }
    auto records = m_db.prepare("SELECT record FROM outbox WHERE batch = ? ORDER BY seq", number);
    if (!records)
        return std::unexpected(records.error());
    Batch batch;
    batch.number = number;
    batch.body =
        "{\"client\":\"" + m_clientId + "\",\"batch\":" + std::to_string(number) + ",\"records\":[";
    auto read = records->forEachRow([&batch](const sqlite::Statement& row) {
        if (batch.size++ > 0)
            batch.body += ',';
        batch.body += row.columnText(0); // each record is a JSON object already
    });
    if (!read)
        return std::unexpected(read.error());
    batch.body += "]}";
    records = sqlite::Statement();
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return std::optional<Batch>{std::move(batch)};
}

sqlite::Result<void> Outbox::acknowledge(std::int64_t batchNumber) {
    return m_db.execute("DELETE FROM outbox WHERE batch = ?", batchNumber);
}

sqlite::Result<void> Outbox::reject(std::int64_t batchNumber, std::string_view reason) {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = m_db.execute("INSERT INTO rejected(seq, record, batch, reason) "
                               "SELECT seq, record, batch, ? FROM outbox WHERE batch = ?",
                               reason, batchNumber);
        !ok)
        return ok;
    if (auto ok = m_db.execute("DELETE FROM outbox WHERE batch = ?", batchNumber); !ok)
        return ok;
    return tx->commit();
}

sqlite::Result<std::int64_t> Outbox::rejected() {
    auto count = m_db.queryInt("SELECT count(*) FROM rejected");
    if (!count)
        return std::unexpected(count.error());
    return count->value_or(0);
}

sqlite::Result<std::int64_t> Outbox::pending() {
    auto count = m_db.queryInt("SELECT count(*) FROM outbox");
    if (!count)
        return std::unexpected(count.error());
    return count->value_or(0);
}

} // namespace souffleur::client
