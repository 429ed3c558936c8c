// The desk's replica of published guides; see replica.h.
#include "desk_database.h"
#include "search_index.h"

#include <souffleur/client/replica.h>
#include <souffleur/content/parser.h>

namespace souffleur::client {

sqlite::Result<Replica> Replica::open(const std::filesystem::path& path) {
    auto db = detail::openDeskDatabase(path);
    if (!db)
        return std::unexpected(db.error());
    if (auto ok = detail::fillSearchColumns(*db); !ok)
        return std::unexpected(ok.error());
    return Replica(std::move(*db));
}

Replica::Replica(sqlite::Database db)
    : m_db(std::move(db))
    , m_vocabulary(std::make_shared<detail::Vocabulary>()) {}

namespace {

// Calls `each(kind, first, second)` for every line of a triggers column.
template <typename Each>
void forEachTrigger(std::string_view triggers, Each each) {
    while (!triggers.empty()) {
        const auto end = triggers.find('\n');
        std::string_view line = triggers.substr(0, end);
        triggers = end == std::string_view::npos ? std::string_view() : triggers.substr(end + 1);
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos)
            continue;
        const std::string_view kind = line.substr(0, tab);
        line.remove_prefix(tab + 1);
        const auto second = line.find('\t');
        each(kind, line.substr(0, second),
             second == std::string_view::npos ? std::string_view() : line.substr(second + 1));
    }
}

} // namespace

sqlite::Result<std::vector<SearchHit>> Replica::suggestFor(const WindowContext& window,
                                                           std::size_t limit) {
    auto stmt = m_db.prepare("SELECT id, title, revision, triggers FROM guides "
                             "WHERE triggers LIKE '%window%' ORDER BY title, id");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<SearchHit> out;
    auto read = stmt->forEachRow([&](const sqlite::Statement& row) {
        if (out.size() >= limit)
            return;
        bool matches = false;
        forEachTrigger(row.columnText(3), [&](std::string_view kind, std::string_view application,
                                              std::string_view title) {
            if (kind != "window" || (application.empty() && title.empty()))
                return;
            matches =
                matches || ((application.empty() || globMatch(application, window.application)) &&
                            (title.empty() || globMatch(title, window.title)));
        });
        if (matches)
            out.push_back(
                {row.columnText(0), row.columnText(1), static_cast<int>(row.columnInt(2))});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

sqlite::Result<std::optional<std::string>> Replica::guideForLink(std::string_view link) {
    auto stmt = m_db.prepare("SELECT id, triggers FROM guides WHERE instr(triggers, ?) > 0 "
                             "ORDER BY id",
                             "link\t" + std::string(link));
    if (!stmt)
        return std::unexpected(stmt.error());
    std::optional<std::string> found;
    auto read = stmt->forEachRow([&](const sqlite::Statement& row) {
        if (found)
            return;
        forEachTrigger(row.columnText(1),
                       [&](std::string_view kind, std::string_view id, std::string_view) {
                           if (kind == "link" && id == link)
                               found = row.columnText(0);
                       });
    });
    if (!read)
        return std::unexpected(read.error());
    return found;
}

sqlite::Result<void> Replica::prepareSearch() {
    return detail::loadVocabulary(m_db, *m_vocabulary);
}

sqlite::Result<std::vector<SearchHit>> Replica::search(std::string_view query, std::size_t limit) {
    return detail::searchGuides(m_db, query, limit, *m_vocabulary);
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
    return m_db.queryText("SELECT xml FROM guides WHERE id = ?", id);
}

sqlite::Result<std::vector<AlertEntry>> Replica::alerts() {
    auto stmt = m_db.prepare(
        "SELECT a.id, a.revision, a.level, a.must_acknowledge, a.title, k.id IS NOT NULL "
        "FROM alerts AS a LEFT JOIN acknowledged AS k ON k.id = a.id AND k.revision = a.revision "
        "ORDER BY CASE a.level WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 "
        "ELSE 2 END, a.received_at DESC, a.id");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<AlertEntry> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0), static_cast<int>(row.columnInt(1)), row.columnText(2),
                       row.columnInt(3) != 0, row.columnText(4), row.columnInt(5) != 0});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

sqlite::Result<std::optional<std::string>> Replica::alertXml(std::string_view id) {
    return m_db.queryText("SELECT xml FROM alerts WHERE id = ?", id);
}

sqlite::Result<void> Replica::markAcknowledged(std::string_view id, int revision) {
    return m_db.execute("INSERT OR IGNORE INTO acknowledged(id, revision) VALUES (?, ?)", id,
                        revision);
}

sqlite::Result<std::int64_t> Replica::cursor() {
    auto value = m_db.queryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'cursor'");
    if (!value)
        return std::unexpected(value.error());
    return value->value_or(0);
}

sqlite::Result<std::string> Replica::epoch() {
    auto value = m_db.queryText("SELECT value FROM meta WHERE key = 'epoch'");
    if (!value)
        return std::unexpected(value.error());
    return value->value_or(std::string());
}

sqlite::Result<void> Replica::setEpoch(std::string_view epoch) {
    return m_db.execute("UPDATE meta SET value = ? WHERE key = 'epoch'", epoch);
}

sqlite::Result<void> Replica::startOver(std::string_view epoch) {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    for (const char* sql : {"UPDATE guides SET stale = 1", "UPDATE alerts SET stale = 1",
                            "UPDATE meta SET value = '0' WHERE key = 'cursor'"}) {
        if (auto ok = m_db.exec(sql); !ok)
            return ok;
    }
    if (auto ok = setEpoch(epoch); !ok)
        return ok;
    return tx->commit();
}

sqlite::Result<int> Replica::applyChanges(const std::vector<Change>& changes,
                                          std::int64_t newCursor, bool upToDate) {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto upsert = m_db.prepare(
        "INSERT INTO guides(id, revision, title, xml, tags, summary, body, triggers) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, title = excluded.title, "
        "xml = excluded.xml, tags = excluded.tags, summary = excluded.summary, "
        "body = excluded.body, triggers = excluded.triggers, received_at = "
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), stale = 0 "
        "WHERE excluded.revision >= guides.revision OR guides.stale = 1");
    if (!upsert)
        return std::unexpected(upsert.error());
    auto upsertAlert = m_db.prepare(
        "INSERT INTO alerts(id, revision, level, must_acknowledge, title, xml) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, "
        "level = excluded.level, must_acknowledge = excluded.must_acknowledge, "
        "title = excluded.title, xml = excluded.xml, "
        "received_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), stale = 0 "
        "WHERE excluded.revision >= alerts.revision OR alerts.stale = 1");
    if (!upsertAlert)
        return std::unexpected(upsertAlert.error());
    int rejected = 0;
    for (const Change& change : changes) {
        if (change.kind == "guide") {
            auto guide = content::parseGuide(change.xml, change.id);
            if (!guide || guide->id != change.id) {
                ++rejected;
                continue;
            }
            const auto columns = detail::searchColumns(*guide);
            upsert->reset().bindAll(guide->id, guide->revision, guide->title, change.xml,
                                    columns.tags, columns.summary, columns.body, columns.triggers);
            if (auto ok = upsert->run(); !ok)
                return std::unexpected(ok.error());
        } else if (change.kind == "alert") {
            auto alert = content::parseAlert(change.xml, change.id);
            if (!alert || alert->id != change.id) {
                ++rejected;
                continue;
            }
            upsertAlert->reset().bindAll(alert->id, alert->revision,
                                         content::levelName(alert->level),
                                         alert->mustAcknowledge ? 1 : 0, alert->title, change.xml);
            if (auto ok = upsertAlert->run(); !ok)
                return std::unexpected(ok.error());
        } else if (change.kind == "retired" || change.kind == "alert_retired") {
            // Only the retired revision (or an older one) goes: a newer one
            // published since stays.
            const bool guide = change.kind == "retired";
            if (auto ok = m_db.execute(
                    guide ? "DELETE FROM guides WHERE id = ? AND (revision <= ? OR stale = 1)"
                          : "DELETE FROM alerts WHERE id = ? AND (revision <= ? OR stale = 1)",
                    change.id, change.revision);
                !ok)
                return std::unexpected(ok.error());
        }
        // Kinds this desk does not know yet are skipped, not fatal.
    }
    if (auto ok = m_db.execute("UPDATE meta SET value = ? WHERE key = 'cursor'",
                               std::to_string(newCursor));
        !ok)
        return std::unexpected(ok.error());
    if (upToDate) {
        for (const char* sql :
             {"DELETE FROM guides WHERE stale = 1", "DELETE FROM alerts WHERE stale = 1"}) {
            if (auto ok = m_db.exec(sql); !ok)
                return std::unexpected(ok.error());
        }
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    m_vocabulary->loaded = false; // this connection's own commits leave data_version alone
    return rejected;
}

} // namespace souffleur::client
