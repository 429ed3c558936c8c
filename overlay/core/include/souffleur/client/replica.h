// The desk's local replica of the published guides and alerts (and of the
// team's logbook, as the server last listed it), in one SQLite file that
// also holds the outbox (outbox.h). It survives restarts, so the desk keeps
// working offline with what it last received. Each thread opens its own
// Replica on the same file (WAL allows one writer and many readers).
#pragma once

#include <souffleur/client/context.h>
#include <souffleur/content/guide.h>
#include <souffleur/protocol/aar.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::client {

namespace detail {
struct Vocabulary;
}

struct GuideEntry {
    std::string id;
    int revision = 0;
    std::string title;
    // A revision of this guide waits for an update of this desk (pending()):
    // a newer one than it shows, or the only one there is.
    bool updateNeeded = false;
    // The desk holds a revision it can show (false: only a pending one).
    bool showable = true;
};

// A guide or alert the desk received but cannot show: a newer format than
// this desk reads (needsFormat > 0: an update of the desk is needed), or a
// document it could not parse. Kept with its XML, parsed again each time the
// replica opens (so after an upgrade), never dropped while it is current.
struct PendingEntry {
    std::string kind; // "guide" or "alert"
    std::string id;
    int revision = 0;
    std::string title; // as far as it could be read; may be empty
    std::string reason;
    int needsFormat = 0;
    std::string receivedAt;
};

struct ReplicaOptions {
    // The newest guide format this desk reads (content::kFormatVersion);
    // tests lower it to play an older desk.
    int maxFormat = content::kFormatVersion;
};

struct SearchHit {
    std::string id;
    std::string title;
    int revision = 0;
};

struct AlertEntry {
    std::string id;
    int revision = 0;
    std::string level; // "info", "warning", "critical"
    bool mustAcknowledge = false;
    std::string title;
    bool acknowledged = false; // this revision, by this desk
};

// One entry of the server's change feed.
// A tip of this desk's team that a guide revision applied.
struct AppliedTip {
    std::string step;
    std::string text;

    bool operator==(const AppliedTip&) const = default;
};

struct Change {
    std::int64_t seq = 0;
    std::string kind; // "guide", "retired", "alert", "alert_retired"
    std::string id;
    int revision = 0;
    std::string xml;
    std::string note; // a guide revision's change note, as its author wrote; may be empty
    std::vector<AppliedTip> tipsApplied; // the team's own tips this revision applied
};

// What changed in the revision of a guide the desk holds, for the desk to
// show once: the author's note, a short summary of the diff from the
// revision this desk held before ("Stap 4 gewijzigd, stap 6 nieuw.";
// empty when it had none), the team's tips it applied, and whether this
// desk has shown it already.
struct WhatChanged {
    int revision = 0;
    std::string note;
    std::string summaryNl;
    std::string summaryEn;
    std::vector<AppliedTip> tips; // not shown yet
    std::string receivedAt;       // UTC, ISO 8601
    bool shown = false;           // the note and summary of this revision were shown
};

// What changed in the revision of a guide the desk holds, as its author wrote.
struct ChangeNote {
    int revision = 0;
    std::string note;
    std::string receivedAt; // when the desk received the revision (UTC, ISO 8601)
};

class Replica {
public:
    // Opens (and creates or migrates) the desk database, and parses the
    // pending guides and alerts again: what this build can read now is
    // stored as if it had just arrived.
    static sqlite::Result<Replica> open(const std::filesystem::path& path,
                                        ReplicaOptions options = {});

    // The guides, in title order, with those that only wait for an update.
    sqlite::Result<std::vector<GuideEntry>> guides();
    // What the desk holds but cannot show yet, oldest first.
    sqlite::Result<std::vector<PendingEntry>> pending();
    // The pending items of a newer format not yet reported to the server
    // (an `update_needed` record each), and marking one reported.
    sqlite::Result<std::vector<PendingEntry>> unreportedUpdates();
    sqlite::Result<void> markReported(const PendingEntry& entry);
    const ReplicaOptions& options() const { return m_options; }
    // Full-text search over the guides' title, tags, summary and step texts,
    // best first, at most `limit` (at most 50): every word of 2 or more
    // characters matches as a prefix, case and diacritics aside; when that
    // finds fewer than `limit`, words of 4 or more may be one typing error
    // off. See overlay/core/src/search_index.h.
    sqlite::Result<std::vector<SearchHit>> search(std::string_view query, std::size_t limit = 10);
    // Loads what the typing-error path of search() needs (the index's words),
    // if the guides changed since: call it when the search palette opens or
    // the guides changed, so no keystroke waits for it.
    sqlite::Result<void> prepareSearch();
    // The guides whose window triggers match the active window (context.h),
    // in title order, at most `limit`.
    sqlite::Result<std::vector<SearchHit>> suggestFor(const WindowContext& window,
                                                      std::size_t limit = 3);
    // The guide a deep-link id names (a `<trigger link="..."/>`), if any.
    sqlite::Result<std::optional<std::string>> guideForLink(std::string_view link);
    sqlite::Result<std::optional<std::string>> guideXml(std::string_view id);
    // `guide` as the desk shows it: the steps that show a block (guide format
    // 4) filled in from the blocks this replica holds (content/blocks.h); the
    // ids of the blocks it lacks go to `missing`. Blocks are held like guides
    // but never listed, searched or suggested.
    sqlite::Result<content::Guide> withBlocks(const content::Guide& guide,
                                              std::vector<std::string>* missing = nullptr);
    // The change note of the revision of `id` the desk holds, if it came with one.
    sqlite::Result<std::optional<ChangeNote>> changeNote(std::string_view id);
    // What changed in the revision of `id` the desk holds (nullopt: no such guide).
    sqlite::Result<std::optional<WhatChanged>> whatChanged(std::string_view id);
    // This desk has shown what changed in that revision, and the tips: not again.
    sqlite::Result<void> markChangeShown(std::string_view id, int revision);

    // Pictures (by hash, "sha256:" + 64 hex digits). The desk fetches those
    // its guides show and keeps them here, so that they show offline.
    // The hashes the guides held show that are not stored yet.
    sqlite::Result<std::vector<std::string>> missingImages();
    // Stores a picture fetched for `hash`: only a PNG or JPEG whose bytes
    // hash to `hash` (false, and nothing stored, for anything else).
    sqlite::Result<bool> storeImage(std::string_view hash, std::string_view bytes);
    sqlite::Result<std::optional<std::string>> image(std::string_view hash);
    sqlite::Result<bool> hasImage(std::string_view hash);
    // Drops the pictures no guide held shows any more; how many.
    sqlite::Result<int> dropUnusedImages();
    // The alerts the desk holds, most severe first.
    sqlite::Result<std::vector<AlertEntry>> alerts();
    sqlite::Result<std::optional<std::string>> alertXml(std::string_view id);
    // Remembers that this desk acknowledged the alert's revision. The desk
    // queues the ack record first and marks it here after: a crash in
    // between can only send an acknowledgement twice (the server counts a
    // desk once), never lose one.
    sqlite::Result<void> markAcknowledged(std::string_view id, int revision);
    // The last change-feed sequence applied; 0 for a new desk.
    sqlite::Result<std::int64_t> cursor();
    // The epoch of the server's feed the cursor belongs to; empty for a new desk.
    sqlite::Result<std::string> epoch();
    sqlite::Result<void> setEpoch(std::string_view epoch);
    // The server's store was restored (another epoch) or its feed is behind
    // the cursor: start again from 0 in `epoch`, in one transaction. What the
    // desk holds stays usable meanwhile but is marked stale: the feed replaces
    // it whatever its revision, and what is still stale when the feed has been
    // read to its end goes (applyChanges with upToDate).
    sqlite::Result<void> startOver(std::string_view epoch);
    // Applies one page of changes and moves the cursor, in one transaction:
    // guides and alerts are stored (an older revision never replaces a newer
    // one, unless that one is stale), retired ones removed. A guide or alert
    // that does not parse (a newer format, or broken) is kept as pending
    // (pending(); counted in the returned number): the desk keeps showing
    // its last good revision meanwhile, and the cursor moves on without
    // losing it. Unknown kinds of change are skipped. `upToDate`: this page
    // ends the feed, so stale rows go. A page that changes nothing (no
    // changes, the same cursor, nothing stale to drop) writes nothing. On a
    // failure (a full disk: sqlite::Error::diskFull()) nothing of the page
    // is stored and the replica stays as it was, cursor and all.
    sqlite::Result<int> applyChanges(const std::vector<Change>& changes, std::int64_t newCursor,
                                     bool upToDate = false);

    // The team's logbook (issue 16), kept for the panel to show offline: the
    // entries the server last listed (GET /api/v1/logbook, the desk's own
    // team's only), at most kLogbookKept, the newest.
    static constexpr std::size_t kLogbookKept = 50;
    // The server's listing replaces what was kept, in one transaction: an
    // entry it no longer lists (retention) goes. An empty listing (an account
    // without a team, an older server) leaves none.
    sqlite::Result<void> replaceLogbook(std::span<const protocol::LogbookItem> entries);
    // Adds entries the server has just acknowledged (this desk's own, sent
    // from the outbox), until the next listing replaces them; one already
    // kept stays as it is.
    sqlite::Result<void> addToLogbook(std::span<const protocol::LogbookItem> entries);
    // The kept entries, newest first (by when they were written), at most `limit`.
    sqlite::Result<std::vector<protocol::LogbookItem>> logbook(std::size_t limit = kLogbookKept);
    // When the server last listed the logbook (UTC, ISO 8601); empty: never.
    sqlite::Result<std::string> logbookFetchedAt();

    sqlite::Database& database() { return m_db; }

private:
    Replica(sqlite::Database db, ReplicaOptions options);
    struct Statements;
    // Stores one guide or alert change (parsed, or kept pending); true when
    // it went to pending.
    sqlite::Result<bool> store(Statements& statements, const Change& change);
    sqlite::Result<void> parsePendingAgain();
    sqlite::Database m_db;
    ReplicaOptions m_options;
    std::shared_ptr<detail::Vocabulary> m_vocabulary; // the search's, see search_index.h
};

} // namespace souffleur::client
