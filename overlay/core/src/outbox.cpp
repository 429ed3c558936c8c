// The desk's outbox; see the invariants in outbox.h.
#include "desk_database.h"

#include <souffleur/client/outbox.h>
#include <souffleur/client/records.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <map>

namespace souffleur::client {

sqlite::Result<Outbox> Outbox::open(const std::filesystem::path& path,
                                    sqlite::OpenOptions options) {
    auto db = detail::openDeskDatabase(path, options);
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

namespace {

OutboxError storageError(const sqlite::Error& error) {
    return {error.message, std::nullopt, 0, error.diskFull()};
}

} // namespace

sqlite::Result<void> Outbox::insert(std::string_view recordJson) {
    return m_db.execute("INSERT INTO outbox(record) VALUES (?)", recordJson);
}

OutboxResult Outbox::enqueue(std::string_view recordJson) {
    const std::string record(recordJson);
    return enqueueAll(std::span(&record, 1));
}

OutboxResult Outbox::enqueueAll(std::span<const std::string> recordsJson) {
    // Invariant 0: every record is checked before any is stored.
    for (std::size_t i = 0; i < recordsJson.size(); ++i) {
        auto checked = protocol::validateRecord(std::string_view(recordsJson[i]), "record");
        if (!checked)
            return std::unexpected(OutboxError{checked.error().message, checked.error(), i});
    }
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(storageError(tx.error()));
    for (const std::string& record : recordsJson) {
        if (auto stored = insert(record); !stored)
            return std::unexpected(storageError(stored.error()));
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(storageError(ok.error()));
    return {};
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
    std::vector<std::string> bodies;
    auto read = records->forEachRow(
        [&bodies](const sqlite::Statement& row) { bodies.push_back(row.columnText(0)); });
    if (!read)
        return std::unexpected(read.error());
    records = sqlite::Statement();
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return std::optional<Batch>{
        Batch{number, protocol::batchJson(m_clientId, number, bodies), bodies.size()}};
}

sqlite::Result<void> Outbox::settle(std::int64_t batchNumber,
                                    std::span<const protocol::RefusedRecord> refused) {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    if (!refused.empty()) {
        // The batch's records in the order they were sent: index i is the i-th.
        std::vector<std::int64_t> seqs;
        auto select =
            m_db.prepare("SELECT seq FROM outbox WHERE batch = ? ORDER BY seq", batchNumber);
        if (!select)
            return std::unexpected(select.error());
        auto read = select->forEachRow(
            [&seqs](const sqlite::Statement& row) { seqs.push_back(row.columnInt(0)); });
        if (!read)
            return read;
        select = sqlite::Statement();
        for (const auto& item : refused) {
            if (item.index >= seqs.size())
                continue; // not one of ours: the server names only what it was sent
            if (auto ok = m_db.execute("INSERT OR IGNORE INTO rejected(seq, record, batch, reason) "
                                       "SELECT seq, record, batch, ? FROM outbox WHERE seq = ?",
                                       item.error, seqs[item.index]);
                !ok)
                return ok;
        }
    }
    if (auto ok = m_db.execute("DELETE FROM outbox WHERE batch = ?", batchNumber); !ok)
        return ok;
    return tx->commit();
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

sqlite::Result<void> Outbox::setAside(std::string_view recordJson, std::string_view reason) {
    // A seq of its own from the outbox's sequence, so it never meets a sent one.
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = insert(recordJson); !ok)
        return ok;
    if (auto ok =
            m_db.execute("INSERT INTO rejected(seq, record, batch, reason) "
                         "SELECT seq, record, 0, ? FROM outbox WHERE seq = last_insert_rowid()",
                         reason);
        !ok)
        return ok;
    if (auto ok = m_db.execute("DELETE FROM outbox WHERE seq = last_insert_rowid()"); !ok)
        return ok;
    return tx->commit();
}

sqlite::Result<std::int64_t> Outbox::rejected() {
    auto count = m_db.queryInt("SELECT count(*) FROM rejected");
    if (!count)
        return std::unexpected(count.error());
    return count->value_or(0);
}

sqlite::Result<std::vector<RejectedRecord>> Outbox::rejectedRecords() {
    auto stmt =
        m_db.prepare("SELECT seq, record, batch, reason, rejected_at FROM rejected ORDER BY seq");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<RejectedRecord> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnInt(0), row.columnText(1), row.columnInt(2), row.columnText(3),
                       row.columnText(4)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

sqlite::Result<std::int64_t> Outbox::resendRejected() {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    // New seqs at the end of the queue, in their old order.
    if (auto ok = m_db.exec("INSERT INTO outbox(record) SELECT record FROM rejected ORDER BY seq");
        !ok)
        return std::unexpected(ok.error());
    const std::int64_t moved = m_db.changes();
    if (auto ok = m_db.exec("DELETE FROM rejected"); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return moved;
}

sqlite::Result<std::int64_t> Outbox::pending() {
    auto count = m_db.queryInt("SELECT count(*) FROM outbox");
    if (!count)
        return std::unexpected(count.error());
    return count->value_or(0);
}

sqlite::Result<std::vector<std::string>> Outbox::waiting(std::string_view type) {
    // Every record was checked on its way in; json_valid() all the same, so
    // that one odd row cannot hide the others.
    auto stmt = m_db.prepare("SELECT record FROM outbox WHERE CASE WHEN json_valid(record) "
                             "THEN json_extract(record, '$.type') END = ? ORDER BY seq",
                             type);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<std::string> out;
    auto read = stmt->forEachRow(
        [&out](const sqlite::Statement& row) { out.push_back(row.columnText(0)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

std::string exportRejected(std::string_view clientId, std::span<const RejectedRecord> records) {
    namespace json = boost::json;
    json::array list;
    for (const auto& item : records) {
        boost::system::error_code error;
        json::value record = json::parse(item.record, error);
        if (error)
            record = json::string(item.record); // kept as it was
        list.push_back(json::object{{"seq", item.seq},
                                    {"batch", item.batch},
                                    {"reason", item.reason},
                                    {"rejected_at", item.rejectedAt},
                                    {"record", std::move(record)}});
    }
    return json::serialize(json::object{{"client", clientId},
                                        {"exported_at", isoTime(std::chrono::system_clock::now())},
                                        {"rejected", std::move(list)}});
}

OutboxResult PendingRecords::store(Outbox& outbox, std::vector<std::string> records) {
    for (auto& record : records)
        m_waiting.push_back(std::move(record));
    return retry(outbox);
}

OutboxResult PendingRecords::retry(Outbox& outbox) {
    std::optional<OutboxError> refusal;
    while (!m_waiting.empty()) {
        auto stored = outbox.enqueueAll(m_waiting);
        if (stored) {
            m_waiting.clear();
            break;
        }
        if (!stored.error().refused) {
            m_diskFull = stored.error().diskFull;
            return stored; // the database: everything waits for the next try
        }
        // Set the refused record aside (never one with personal data) and
        // store the rest.
        const std::size_t index = std::min(stored.error().index, m_waiting.size() - 1);
        if (!stored.error().refused->personalData) {
            if (auto ok = outbox.setAside(m_waiting[index],
                                          "refused at the desk: " + stored.error().message);
                !ok) {
                m_diskFull = ok.error().diskFull();
                return std::unexpected(storageError(ok.error()));
            }
        }
        m_waiting.erase(m_waiting.begin() + static_cast<std::ptrdiff_t>(index));
        if (!refusal)
            refusal = stored.error();
    }
    m_diskFull = false;
    if (refusal)
        return std::unexpected(*refusal);
    return {};
}

} // namespace souffleur::client
