#include "desk_database.h"

#include <array>
#include <string_view>

namespace souffleur::client::detail {
namespace {

// Migration N (1-based) brings the schema from version N-1 to N. Append only.
constexpr std::array<std::string_view, 13> kMigrations = {
    R"sql(
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE guides(
        id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        title TEXT NOT NULL,
        xml TEXT NOT NULL,
        received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
    CREATE TABLE outbox(
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        record TEXT NOT NULL,
        batch INTEGER);
    CREATE INDEX outbox_batch ON outbox(batch);
    CREATE TABLE rejected(
        seq INTEGER PRIMARY KEY,
        record TEXT NOT NULL,
        batch INTEGER NOT NULL,
        reason TEXT NOT NULL,
        rejected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
    INSERT INTO meta(key, value) VALUES ('cursor', '0'), ('next_batch', '1');
    )sql",
    // 2: the alerts the desk has received (issue 6 shows them).
    R"sql(
    CREATE TABLE alerts(
        id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        level TEXT NOT NULL,
        must_acknowledge INTEGER NOT NULL,
        title TEXT NOT NULL,
        xml TEXT NOT NULL,
        received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
    )sql",
    // 3: the server's feed epoch, and the rows to drop once a fresh start
    // from 0 (after the server's store was restored) has reached the end.
    R"sql(
    ALTER TABLE guides ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE alerts ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
    INSERT INTO meta(key, value) VALUES ('epoch', '');
    )sql",
    // 4: full-text search (search_index.h). The index follows the guides
    // table through triggers; the columns of guides stored before are filled
    // by fillSearchColumns() when the replica opens.
    R"sql(
    ALTER TABLE guides ADD COLUMN tags TEXT;
    ALTER TABLE guides ADD COLUMN summary TEXT;
    ALTER TABLE guides ADD COLUMN body TEXT;
    CREATE VIRTUAL TABLE guide_search USING fts5(
        title, tags, summary, body,
        content = 'guides', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
    INSERT INTO guide_search(guide_search, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 1.0)');
    CREATE VIRTUAL TABLE guide_search_vocabulary USING fts5vocab(guide_search, 'row');
    CREATE TRIGGER guides_indexed AFTER INSERT ON guides BEGIN
        INSERT INTO guide_search(rowid, title, tags, summary, body)
        VALUES (new.rowid, new.title, new.tags, new.summary, new.body);
    END;
    CREATE TRIGGER guides_unindexed AFTER DELETE ON guides BEGIN
        INSERT INTO guide_search(guide_search, rowid, title, tags, summary, body)
        VALUES ('delete', old.rowid, old.title, old.tags, old.summary, old.body);
    END;
    CREATE TRIGGER guides_reindexed AFTER UPDATE OF title, tags, summary, body ON guides BEGIN
        INSERT INTO guide_search(guide_search, rowid, title, tags, summary, body)
        VALUES ('delete', old.rowid, old.title, old.tags, old.summary, old.body);
        INSERT INTO guide_search(rowid, title, tags, summary, body)
        VALUES (new.rowid, new.title, new.tags, new.summary, new.body);
    END;
    INSERT INTO guide_search(guide_search) VALUES ('rebuild');
    )sql",
    // 5: the alert revisions this desk has acknowledged (its ack record is
    // in the outbox, or was sent).
    R"sql(
    CREATE TABLE acknowledged(
        id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (id, revision));
    )sql",
    // 6: each guide's triggers (context.h), one per line: "window\tAPP\tTITLE"
    // or "link\tID"; filled with the search columns.
    R"sql(
    ALTER TABLE guides ADD COLUMN triggers TEXT;
    UPDATE guides SET body = NULL;
    )sql",
    // 7: guides and alerts this desk received but cannot show (a newer format,
    // or broken): kept until it can, or until a newer revision or a
    // retirement replaces them (Replica::pending()).
    R"sql(
    CREATE TABLE pending(
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        xml TEXT NOT NULL,
        title TEXT NOT NULL,
        reason TEXT NOT NULL,
        needs_format INTEGER NOT NULL,
        received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (kind, id));
    )sql",
    // 8: whether the server was told that a pending item needs an update
    // (an `update_needed` record in the outbox).
    R"sql(
    ALTER TABLE pending ADD COLUMN reported INTEGER NOT NULL DEFAULT 0;
    )sql",
    // 9: what changed in a guide's revision, as its author wrote (the change
    // note that came with it in the feed), shown with the guide.
    R"sql(
    ALTER TABLE guides ADD COLUMN change_note TEXT NOT NULL DEFAULT '';
    ALTER TABLE pending ADD COLUMN change_note TEXT NOT NULL DEFAULT '';
    )sql",
    // 10: the pictures the guides show: each guide's hashes (one per line,
    // filled with the search columns), and the pictures fetched, by hash.
    R"sql(
    ALTER TABLE guides ADD COLUMN images TEXT;
    UPDATE guides SET body = NULL;
    CREATE TABLE media(
        hash TEXT PRIMARY KEY,
        bytes BLOB NOT NULL,
        fetched_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
    )sql",
    // 11: reusable blocks (guide format 4): held like guides, for the steps
    // that show them, but never listed, searched or suggested as tasks.
    R"sql(
    ALTER TABLE guides ADD COLUMN is_block INTEGER NOT NULL DEFAULT 0;
    )sql",
    // 12: what changed, shown once (issue 15): a short summary of the diff
    // from the revision the desk held before (Dutch and English), the
    // revision whose change this desk has shown, and the team's own tips a
    // revision applied ("your tip was applied"), each shown once.
    R"sql(
    ALTER TABLE guides ADD COLUMN summary_nl TEXT NOT NULL DEFAULT '';
    ALTER TABLE guides ADD COLUMN summary_en TEXT NOT NULL DEFAULT '';
    ALTER TABLE guides ADD COLUMN shown_revision INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE tips_applied(
        guide_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        step TEXT NOT NULL,
        text TEXT NOT NULL,
        shown INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (guide_id, revision, step, text));
    )sql",
    // 13: the team's logbook (issue 16) as the server last listed it
    // (GET /api/v1/logbook), and this desk's own entries it acknowledged
    // since, for the panel to show offline (Replica::logbook()).
    R"sql(
    CREATE TABLE logbook(
        id TEXT PRIMARY KEY,
        team TEXT NOT NULL,
        at TEXT NOT NULL,
        text TEXT NOT NULL,
        guide TEXT,
        step TEXT,
        created_at TEXT NOT NULL);
    CREATE INDEX logbook_at ON logbook(at);
    INSERT INTO meta(key, value) VALUES ('logbook_fetched_at', '');
    )sql",
};

} // namespace

sqlite::Result<sqlite::Database> openDeskDatabase(const std::filesystem::path& path,
                                                  sqlite::OpenOptions options) {
    std::error_code ec;
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);
    auto db = sqlite::Database::open(path, options);
    if (!db)
        return db;
    auto tx = sqlite::Transaction::begin(*db);
    if (!tx)
        return std::unexpected(tx.error());
    auto version = db->queryInt("PRAGMA user_version");
    if (!version)
        return std::unexpected(version.error());
    for (auto v = static_cast<std::size_t>(version->value_or(0)); v < kMigrations.size(); ++v) {
        if (auto ok = db->exec(kMigrations[v]); !ok)
            return std::unexpected(ok.error());
        if (auto ok = db->exec("PRAGMA user_version = " + std::to_string(v + 1)); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return db;
}

} // namespace souffleur::client::detail
