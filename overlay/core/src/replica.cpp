// The desk's replica of published guides; see replica.h.
#include "desk_database.h"
#include "search_index.h"

#include <souffleur/client/replica.h>
#include <souffleur/content/blocks.h>
#include <souffleur/content/diff.h>
#include <souffleur/content/parser.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

namespace souffleur::client {

sqlite::Result<Replica> Replica::open(const std::filesystem::path& path, ReplicaOptions options) {
    auto db = detail::openDeskDatabase(path);
    if (!db)
        return std::unexpected(db.error());
    if (auto ok = detail::fillSearchColumns(*db); !ok)
        return std::unexpected(ok.error());
    Replica replica(std::move(*db), options);
    if (auto ok = replica.parsePendingAgain(); !ok)
        return std::unexpected(ok.error());
    return replica;
}

Replica::Replica(sqlite::Database db, ReplicaOptions options)
    : m_db(std::move(db))
    , m_options(options)
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
                             "WHERE triggers LIKE '%window%' AND is_block = 0 ORDER BY title, id");
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
                             "AND is_block = 0 ORDER BY id",
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
    // The guides held, and the pending ones this desk holds no revision of.
    auto stmt = m_db.prepare(
        "SELECT g.id, g.revision, g.title, p.id IS NOT NULL, 1 FROM guides AS g "
        "LEFT JOIN pending AS p ON p.kind = 'guide' AND p.id = g.id WHERE g.is_block = 0 "
        "UNION ALL SELECT p.id, p.revision, coalesce(nullif(p.title, ''), p.id), 1, 0 "
        "FROM pending AS p WHERE p.kind = 'guide' AND p.id NOT IN (SELECT id FROM guides) "
        "ORDER BY 3, 1");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<GuideEntry> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0), static_cast<int>(row.columnInt(1)), row.columnText(2),
                       row.columnInt(3) != 0, row.columnInt(4) != 0});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

namespace {

sqlite::Result<std::vector<PendingEntry>> pendingWhere(sqlite::Database& db,
                                                       std::string_view condition) {
    auto stmt = db.prepare("SELECT kind, id, revision, title, reason, needs_format, received_at "
                           "FROM pending " +
                           std::string(condition) + " ORDER BY received_at, kind, id");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<PendingEntry> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0), row.columnText(1), static_cast<int>(row.columnInt(2)),
                       row.columnText(3), row.columnText(4), static_cast<int>(row.columnInt(5)),
                       row.columnText(6)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

} // namespace

sqlite::Result<std::vector<PendingEntry>> Replica::pending() {
    return pendingWhere(m_db, "");
}

sqlite::Result<std::vector<PendingEntry>> Replica::unreportedUpdates() {
    return pendingWhere(m_db, "WHERE needs_format > 0 AND reported = 0");
}

sqlite::Result<void> Replica::markReported(const PendingEntry& entry) {
    return m_db.execute(
        "UPDATE pending SET reported = 1 WHERE kind = ? AND id = ? AND revision = ?", entry.kind,
        entry.id, entry.revision);
}

sqlite::Result<std::optional<std::string>> Replica::guideXml(std::string_view id) {
    return m_db.queryText("SELECT xml FROM guides WHERE id = ?", id);
}

sqlite::Result<content::Guide> Replica::withBlocks(const content::Guide& guide,
                                                   std::vector<std::string>* missing) {
    std::map<std::string, content::Guide, std::less<>> blocks;
    for (const std::string& blockId : content::blocksUsed(guide)) {
        auto xml = guideXml(blockId);
        if (!xml)
            return std::unexpected(xml.error());
        if (!xml->has_value())
            continue;
        if (auto block = content::parseGuide(**xml, blockId); block && block->isBlock)
            blocks.emplace(blockId, std::move(*block));
    }
    return content::resolveBlocks(
        guide,
        [&blocks](std::string_view id) -> const content::Guide* {
            const auto found = blocks.find(id);
            return found == blocks.end() ? nullptr : &found->second;
        },
        missing);
}

sqlite::Result<std::optional<ChangeNote>> Replica::changeNote(std::string_view id) {
    auto stmt = m_db.prepare("SELECT revision, change_note, received_at FROM guides "
                             "WHERE id = ? AND change_note != ''",
                             id);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<ChangeNote>{};
    return std::optional(
        ChangeNote{static_cast<int>(stmt->columnInt(0)), stmt->columnText(1), stmt->columnText(2)});
}

sqlite::Result<std::optional<WhatChanged>> Replica::whatChanged(std::string_view id) {
    auto stmt = m_db.prepare("SELECT revision, change_note, summary_nl, summary_en, received_at, "
                             "shown_revision >= revision FROM guides WHERE id = ?",
                             id);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<WhatChanged>{};
    WhatChanged out{static_cast<int>(stmt->columnInt(0)),
                    stmt->columnText(1),
                    stmt->columnText(2),
                    stmt->columnText(3),
                    {},
                    stmt->columnText(4),
                    stmt->columnInt(5) != 0};
    auto tips = m_db.prepare("SELECT step, text FROM tips_applied WHERE guide_id = ? AND "
                             "revision <= ? AND shown = 0 ORDER BY revision, rowid",
                             id, out.revision);
    if (!tips)
        return std::unexpected(tips.error());
    auto read = tips->forEachRow([&out](const sqlite::Statement& tip) {
        out.tips.push_back({tip.columnText(0), tip.columnText(1)});
    });
    if (!read)
        return std::unexpected(read.error());
    return std::optional(std::move(out));
}

sqlite::Result<void> Replica::markChangeShown(std::string_view id, int revision) {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = m_db.execute("UPDATE guides SET shown_revision = max(shown_revision, ?) "
                               "WHERE id = ?",
                               revision, id);
        !ok)
        return ok;
    if (auto ok = m_db.execute("UPDATE tips_applied SET shown = 1 WHERE guide_id = ? AND "
                               "revision <= ?",
                               id, revision);
        !ok)
        return ok;
    return tx->commit();
}

namespace {

// The hashes (one per line) of every picture the guides held show.
sqlite::Result<std::set<std::string>> imagesShown(sqlite::Database& db) {
    std::set<std::string> out;
    auto stmt = db.prepare("SELECT images FROM guides WHERE images != ''");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        const std::string lines = row.columnText(0);
        std::size_t start = 0;
        while (start < lines.size()) {
            const auto end = std::min(lines.find('\n', start), lines.size());
            out.emplace(lines.substr(start, end - start));
            start = end + 1;
        }
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

} // namespace

sqlite::Result<std::vector<std::string>> Replica::missingImages() {
    auto shown = imagesShown(m_db);
    if (!shown)
        return std::unexpected(shown.error());
    std::vector<std::string> out;
    for (const auto& hash : *shown) {
        auto held = m_db.queryInt("SELECT 1 FROM media WHERE hash = ?", hash);
        if (!held)
            return std::unexpected(held.error());
        if (!held->has_value())
            out.push_back(hash);
    }
    return out;
}

sqlite::Result<bool> Replica::storeImage(std::string_view hash, std::string_view bytes) {
    const bool png = bytes.starts_with("\x89PNG\r\n\x1a\n");
    const bool jpeg = bytes.starts_with("\xff\xd8\xff");
    if ((!png && !jpeg) || content::imageHash(bytes) != hash)
        return false;
    if (auto ok = m_db.execute("INSERT OR IGNORE INTO media(hash, bytes) VALUES (?, ?)", hash,
                               sqlite::Blob{bytes});
        !ok)
        return std::unexpected(ok.error());
    return true;
}

sqlite::Result<std::optional<std::string>> Replica::image(std::string_view hash) {
    auto stmt = m_db.prepare("SELECT bytes FROM media WHERE hash = ?", hash);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<std::string>{};
    return std::optional(stmt->columnBlob(0));
}

sqlite::Result<bool> Replica::hasImage(std::string_view hash) {
    auto held = m_db.queryInt("SELECT 1 FROM media WHERE hash = ?", hash);
    if (!held)
        return std::unexpected(held.error());
    return held->has_value();
}

sqlite::Result<int> Replica::dropUnusedImages() {
    auto shown = imagesShown(m_db);
    if (!shown)
        return std::unexpected(shown.error());
    std::vector<std::string> unused;
    auto stmt = m_db.prepare("SELECT hash FROM media");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto read = stmt->forEachRow([&](const sqlite::Statement& row) {
        if (!shown->contains(row.columnText(0)))
            unused.push_back(row.columnText(0));
    });
    if (!read)
        return std::unexpected(read.error());
    for (const auto& hash : unused) {
        if (auto ok = m_db.execute("DELETE FROM media WHERE hash = ?", hash); !ok)
            return std::unexpected(ok.error());
    }
    return static_cast<int>(unused.size());
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
    // What is pending came from the old feed; the new one brings what is current.
    for (const char* sql :
         {"UPDATE guides SET stale = 1", "UPDATE alerts SET stale = 1", "DELETE FROM pending",
          "UPDATE meta SET value = '0' WHERE key = 'cursor'"}) {
        if (auto ok = m_db.exec(sql); !ok)
            return ok;
    }
    if (auto ok = setEpoch(epoch); !ok)
        return ok;
    return tx->commit();
}

// The prepared statements that store changes, for one transaction.
struct Replica::Statements {
    sqlite::Statement upsertGuide;
    sqlite::Statement keepTip;
    sqlite::Statement upsertAlert;
    sqlite::Statement keepPending;
    sqlite::Statement clearPending;

    static sqlite::Result<Statements> prepare(sqlite::Database& db) {
        Statements out;
        for (auto [statement, sql] :
             {std::pair{
                  &out.upsertGuide,
                  "INSERT INTO guides(id, revision, title, xml, tags, summary, body, triggers, "
                  "images, change_note, is_block, summary_nl, summary_en) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, "
                  "title = excluded.title, xml = excluded.xml, tags = excluded.tags, "
                  "summary = excluded.summary, body = excluded.body, "
                  "triggers = excluded.triggers, images = excluded.images, "
                  "change_note = excluded.change_note, is_block = excluded.is_block, "
                  // The same revision again (a feed read anew) keeps its summary.
                  "summary_nl = CASE WHEN excluded.revision > guides.revision "
                  "THEN excluded.summary_nl ELSE guides.summary_nl END, "
                  "summary_en = CASE WHEN excluded.revision > guides.revision "
                  "THEN excluded.summary_en ELSE guides.summary_en END, "
                  "received_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), stale = 0 "
                  "WHERE excluded.revision >= guides.revision OR guides.stale = 1"},
              {&out.keepTip, "INSERT OR IGNORE INTO tips_applied(guide_id, revision, step, text) "
                             "VALUES (?, ?, ?, ?)"},
              {&out.upsertAlert,
               "INSERT INTO alerts(id, revision, level, must_acknowledge, title, xml) "
               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
               "revision = excluded.revision, level = excluded.level, "
               "must_acknowledge = excluded.must_acknowledge, title = excluded.title, "
               "xml = excluded.xml, received_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
               "stale = 0 WHERE excluded.revision >= alerts.revision OR alerts.stale = 1"},
              // Kept unless the desk shows this revision or a newer one already,
              // or waits for a newer one.
              {&out.keepPending,
               "INSERT INTO pending(kind, id, revision, xml, title, reason, needs_format, "
               "change_note) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS (SELECT 1 FROM "
               "guides "
               "WHERE ?1 = 'guide' AND id = ?2 AND revision >= ?3 AND stale = 0) "
               "AND NOT EXISTS (SELECT 1 FROM alerts WHERE ?1 = 'alert' AND id = ?2 "
               "AND revision >= ?3 AND stale = 0) "
               "ON CONFLICT(kind, id) DO UPDATE SET revision = excluded.revision, "
               "xml = excluded.xml, title = excluded.title, reason = excluded.reason, "
               "needs_format = excluded.needs_format, change_note = excluded.change_note, "
               "received_at = CASE "
               "WHEN excluded.revision > pending.revision THEN excluded.received_at "
               "ELSE pending.received_at END WHERE excluded.revision >= pending.revision"},
              // A revision stored, or retired: what waited up to it goes.
              {&out.clearPending,
               "DELETE FROM pending WHERE kind = ? AND id = ? AND revision <= ?"}}) {
            auto prepared = db.prepare(sql);
            if (!prepared)
                return std::unexpected(prepared.error());
            *statement = std::move(*prepared);
        }
        return out;
    }
};

namespace {

// The first diagnostic, for a person: "needs guide format 2 ...", or what is broken.
std::string reasonOf(const content::Diagnostics& diagnostics) {
    return diagnostics.empty() ? std::string("does not parse") : diagnostics.front().message;
}

} // namespace

sqlite::Result<bool> Replica::store(Statements& statements, const Change& change) {
    const content::ParseOptions parse{.maxFormat = m_options.maxFormat};
    // A document that parsed, under the id the feed gives: stored (the bound
    // upsert), and what waited for it up to its revision goes.
    const auto stored = [&](sqlite::Statement& upsert, int revision) -> sqlite::Result<bool> {
        if (auto ok = upsert.run(); !ok)
            return std::unexpected(ok.error());
        statements.clearPending.reset().bindAll(change.kind, change.id, revision);
        if (auto ok = statements.clearPending.run(); !ok)
            return std::unexpected(ok.error());
        return false;
    };
    // Otherwise why not, and whether a newer format is what it needs.
    std::string reason;
    int needsFormat = 0;
    const auto whyNot = [&](const auto& parsed) {
        if (parsed) {
            reason = "the " + change.kind + "'s id is " + parsed->id + ", not " + change.id;
        } else {
            reason = reasonOf(parsed.error());
            needsFormat = content::neededFormat(parsed.error());
        }
    };
    if (change.kind == "guide") {
        auto guide = content::parseGuide(change.xml, change.id, parse);
        if (guide && guide->id == change.id) {
            const auto columns = detail::searchColumns(*guide);
            // What changed since the revision this desk held (none: nothing to say).
            std::string summaryNl;
            std::string summaryEn;
            auto previous = m_db.queryText("SELECT xml FROM guides WHERE id = ? AND revision < ?",
                                           guide->id, guide->revision);
            if (!previous)
                return std::unexpected(previous.error());
            if (*previous) {
                if (auto old = content::parseGuide(**previous, change.id, parse)) {
                    const auto diff = content::diffGuides(*old, *guide);
                    summaryNl = content::summaryText(diff, "nl");
                    summaryEn = content::summaryText(diff, "en");
                }
            }
            statements.upsertGuide.reset().bindAll(
                guide->id, guide->revision, guide->title, change.xml, columns.tags, columns.summary,
                columns.body, columns.triggers, columns.images, change.note, guide->isBlock ? 1 : 0,
                summaryNl, summaryEn);
            for (const auto& tip : change.tipsApplied) {
                statements.keepTip.reset().bindAll(guide->id, guide->revision, tip.step, tip.text);
                if (auto ok = statements.keepTip.run(); !ok)
                    return std::unexpected(ok.error());
            }
            return stored(statements.upsertGuide, guide->revision);
        }
        whyNot(guide);
    } else {
        auto alert = content::parseAlert(change.xml, change.id, parse);
        if (alert && alert->id == change.id) {
            statements.upsertAlert.reset().bindAll(
                alert->id, alert->revision, content::levelName(alert->level),
                alert->mustAcknowledge ? 1 : 0, alert->title, change.xml);
            return stored(statements.upsertAlert, alert->revision);
        }
        whyNot(alert);
    }
    const auto header = content::peekHeader(change.xml);
    statements.keepPending.reset().bindAll(change.kind, change.id, change.revision, change.xml,
                                           header ? header->title : std::string(), reason,
                                           needsFormat, change.note);
    if (auto ok = statements.keepPending.run(); !ok)
        return std::unexpected(ok.error());
    return true;
}

sqlite::Result<void> Replica::parsePendingAgain() {
    std::vector<Change> waiting;
    {
        auto stmt =
            m_db.prepare("SELECT kind, id, revision, xml, change_note FROM pending ORDER BY rowid");
        if (!stmt)
            return std::unexpected(stmt.error());
        auto read = stmt->forEachRow([&waiting](const sqlite::Statement& row) {
            waiting.push_back({0, row.columnText(0), row.columnText(1),
                               static_cast<int>(row.columnInt(2)), row.columnText(3),
                               row.columnText(4)});
        });
        if (!read)
            return read;
    }
    if (waiting.empty())
        return {};
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto statements = Statements::prepare(m_db);
    if (!statements)
        return std::unexpected(statements.error());
    for (const Change& change : waiting) {
        if (auto stored = store(*statements, change); !stored)
            return std::unexpected(stored.error());
    }
    if (auto ok = tx->commit(); !ok)
        return ok;
    m_vocabulary->loaded = false;
    return {};
}

sqlite::Result<int> Replica::applyChanges(const std::vector<Change>& changes,
                                          std::int64_t newCursor, bool upToDate) {
    if (changes.empty()) {
        // A page that changes nothing writes nothing: no fsync on a quiet
        // feed, and a full disk does not stop the sync from sending records.
        auto current = cursor();
        if (!current)
            return std::unexpected(current.error());
        auto stale = m_db.queryInt("SELECT EXISTS (SELECT 1 FROM guides WHERE stale = 1) OR "
                                   "EXISTS (SELECT 1 FROM alerts WHERE stale = 1)");
        if (!stale)
            return std::unexpected(stale.error());
        if (*current == newCursor && (!upToDate || stale->value_or(0) == 0))
            return 0;
    }
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return std::unexpected(tx.error());
    auto statements = Statements::prepare(m_db);
    if (!statements)
        return std::unexpected(statements.error());
    int pending = 0;
    for (const Change& change : changes) {
        if (change.kind == "guide" || change.kind == "alert") {
            auto kept = store(*statements, change);
            if (!kept)
                return std::unexpected(kept.error());
            pending += *kept ? 1 : 0;
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
            statements->clearPending.reset().bindAll(guide ? "guide" : "alert", change.id,
                                                     change.revision);
            if (auto ok = statements->clearPending.run(); !ok)
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
    return pending;
}

namespace {

// Stores `entries` (those whose id is kept already stay as they are, unless
// `replace` emptied the table first) and keeps the newest kLogbookKept.
sqlite::Result<void> keepLogbook(sqlite::Database& db,
                                 std::span<const protocol::LogbookItem> entries, bool replace) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    if (replace) {
        if (auto ok = db.exec("DELETE FROM logbook"); !ok)
            return ok;
    }
    auto insert = db.prepare("INSERT OR IGNORE INTO logbook(id, team, at, text, guide, step, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    for (const protocol::LogbookItem& entry : entries) {
        insert->reset().bindAll(entry.id, entry.team, entry.at, entry.text, entry.guide, entry.step,
                                entry.createdAt);
        if (auto ok = insert->run(); !ok)
            return std::unexpected(ok.error());
    }
    insert = sqlite::Statement();
    if (auto ok = db.execute("DELETE FROM logbook WHERE id NOT IN (SELECT id FROM logbook "
                             "ORDER BY at DESC, created_at DESC, id LIMIT ?)",
                             static_cast<std::int64_t>(Replica::kLogbookKept));
        !ok)
        return ok;
    if (replace) {
        if (auto ok = db.exec("UPDATE meta SET value = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                              "WHERE key = 'logbook_fetched_at'");
            !ok)
            return ok;
    }
    return tx->commit();
}

} // namespace

sqlite::Result<void> Replica::replaceLogbook(std::span<const protocol::LogbookItem> entries) {
    return keepLogbook(m_db, entries, true);
}

sqlite::Result<void> Replica::addToLogbook(std::span<const protocol::LogbookItem> entries) {
    if (entries.empty())
        return {};
    return keepLogbook(m_db, entries, false);
}

sqlite::Result<std::vector<protocol::LogbookItem>> Replica::logbook(std::size_t limit) {
    auto stmt = m_db.prepare("SELECT id, team, at, text, guide, step, created_at FROM logbook "
                             "ORDER BY at DESC, created_at DESC, id LIMIT ?",
                             static_cast<std::int64_t>(limit));
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<protocol::LogbookItem> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0), row.columnText(1), row.columnText(2), row.columnText(3),
                       row.columnOptionalText(4), row.columnOptionalText(5), row.columnText(6)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

sqlite::Result<std::string> Replica::logbookFetchedAt() {
    auto value = m_db.queryText("SELECT value FROM meta WHERE key = 'logbook_fetched_at'");
    if (!value)
        return std::unexpected(value.error());
    return value->value_or(std::string());
}

} // namespace souffleur::client
