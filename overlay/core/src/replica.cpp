// The desk's replica of published guides; see replica.h.
#include "desk_database.h"

#include <souffleur/client/replica.h>
#include <souffleur/content/parser.h>

namespace souffleur::client {

sqlite::Result<Replica> Replica::open(const std::filesystem::path& path) {
    auto db = detail::openDeskDatabase(path);
    if (!db)
        return std::unexpected(db.error());
    return Replica(std::move(*db));
}

sqlite::Result<std::vector<GuideEntry>> Replica::guides() {
    auto stmt = m_db.prepare("SELECT id, revision, title FROM guides ORDER BY title, id");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<GuideEntry> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0), static_cast<int>(row.columnInt(1)), row.columnText(2)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

sqlite::Result<std::optional<std::string>> Replica::guideXml(std::string_view id) {
    auto stmt = m_db.prepare("SELECT xml FROM guides WHERE id = ?", id);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<std::string>{};
    return std::optional<std::string>{stmt->columnText(0)};
}

sqlite::Result<std::int64_t> Replica::cursor() {
    auto value = m_db.queryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'cursor'");
    if (!value)
        return std::unexpected(value.error());
    return value->value_or(0);
}

sqlite::Result<int> Replica::applyChanges(const std::vector<Change>& changes,
                                          std::int64_t newCursor) {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto upsert = m_db.prepare(
        "INSERT INTO guides(id, revision, title, xml) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, title = excluded.title, "
        "xml = excluded.xml, received_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
        "WHERE excluded.revision >= guides.revision");
    if (!upsert)
        return std::unexpected(upsert.error());
    int rejected = 0;
    for (const Change& change : changes) {
        if (change.kind != "guide")
            continue; // kinds this desk does not know yet are skipped, not fatal
        auto guide = content::parseGuide(change.xml, change.id);
        if (!guide || guide->id != change.id) {
            ++rejected;
            continue;
        }
        upsert->reset().bindAll(guide->id, guide->revision, guide->title, change.xml);
        if (auto ok = upsert->run(); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = m_db.execute("UPDATE meta SET value = ? WHERE key = 'cursor'",
                               std::to_string(newCursor));
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return rejected;
}

} // namespace souffleur::client
