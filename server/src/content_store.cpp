// The content store's queries (see content_store.h). Every function that
// changes something runs one transaction: the change, its audit row and, for
// what reaches the desks, its change feed entry commit together or not at all.
#include "sql.h"

#include <souffleur/content/blocks.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/health.h>
#include <souffleur/server/review_store.h>
#include <souffleur/server/storage.h>

#include <array>
#include <map>
#include <utility>

namespace souffleur::server {

using sqlite::Database;
using sqlite::Result;

namespace {

constexpr std::array<std::pair<RevisionState, std::string_view>, 6> kStateNames = {{
    {RevisionState::Draft, "draft"},
    {RevisionState::InReview, "in_review"},
    {RevisionState::Published, "published"},
    {RevisionState::Superseded, "superseded"},
    {RevisionState::Retired, "retired"},
    {RevisionState::Withdrawn, "withdrawn"},
}};

std::string revisionName(std::string_view id, int revision) {
    return std::string(id) + " revision " + std::to_string(revision);
}

// The newest revision number of a guide in any state (0: none yet).
Result<int> newestRevision(Database& db, std::int64_t tenantId, std::string_view guideId) {
    auto newest = db.queryInt("SELECT max(revision) FROM revisions WHERE tenant_id = ? AND "
                              "guide_id = ?",
                              tenantId, guideId);
    if (!newest)
        return std::unexpected(newest.error());
    return static_cast<int>(newest->value_or(0));
}

// The state and author of one revision, or nullopt.
struct RevisionRow {
    RevisionState state;
    std::string savedBy;
};
Result<std::optional<RevisionRow>> findRevision(Database& db, std::int64_t tenantId,
                                                std::string_view guideId, int revision) {
    auto stmt = db.prepare("SELECT state, saved_by FROM revisions WHERE tenant_id = ? AND "
                           "guide_id = ? AND revision = ?",
                           tenantId, guideId, revision);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<RevisionRow>{};
    return std::optional<RevisionRow>{RevisionRow{
        parseState(stmt->columnText(0)).value_or(RevisionState::Withdrawn), stmt->columnText(1)}};
}

// Appends to the tenant's change feed; returns the new sequence number.
Result<std::int64_t> appendChange(Database& db, std::int64_t tenantId, std::string_view kind,
                                  std::string_view id, int revision) {
    auto seq =
        db.queryInt("SELECT coalesce(max(seq), 0) + 1 FROM changes WHERE tenant_id = ?", tenantId);
    if (!seq)
        return std::unexpected(seq.error());
    const std::int64_t next = seq->value_or(1);
    if (auto ok = db.execute("INSERT INTO changes (tenant_id, seq, kind, guide_id, revision) "
                             "VALUES (?, ?, ?, ?, ?)",
                             tenantId, next, kind, id, revision);
        !ok)
        return std::unexpected(ok.error());
    return next;
}

Result<void> audit(Database& db, std::int64_t tenantId, const Actor& actor, std::string action,
                   std::string target, std::string outcome) {
    return appendAudit(db, {tenantId, actor.name, std::move(action), std::move(target),
                            actor.remote, std::move(outcome)});
}

// Commits `tx` and passes `value` on.
template <typename T>
Result<T> commit(sqlite::Transaction& tx, T value) {
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return value;
}

// The last step of every change that reaches the desks: its change feed
// entry, its audit row, and the commit of `tx`.
Result<Published> announce(Database& db, sqlite::Transaction& tx, std::int64_t tenantId,
                           std::string_view kind, std::string_view id, int revision,
                           const Actor& actor, std::string action, std::string outcome) {
    auto seq = appendChange(db, tenantId, kind, id, revision);
    if (!seq)
        return std::unexpected(seq.error());
    if (auto ok = audit(db, tenantId, actor, std::move(action), revisionName(id, revision),
                        std::move(outcome));
        !ok)
        return std::unexpected(ok.error());
    return commit(tx, Published{*seq, revision});
}

// Marks the guide's published revision superseded (or `to`) and the open
// ones (draft, in review) below `revision` withdrawn.
Result<void> retireOlder(Database& db, std::int64_t tenantId, std::string_view guideId,
                         int revision) {
    if (auto ok = db.execute("UPDATE revisions SET state = 'superseded' WHERE tenant_id = ? AND "
                             "guide_id = ? AND state = 'published' AND revision < ?",
                             tenantId, guideId, revision);
        !ok)
        return ok;
    return db.execute("UPDATE revisions SET state = 'withdrawn' WHERE tenant_id = ? AND "
                      "guide_id = ? AND state IN ('draft', 'in_review') AND revision < ?",
                      tenantId, guideId, revision);
}

Result<void> insertRevision(Database& db, std::int64_t tenantId, const GuideRevision& guide,
                            RevisionState state, const Actor& actor) {
    if (auto ok = db.execute("INSERT INTO revisions (tenant_id, guide_id, revision, title, xml, "
                             "state, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             tenantId, guide.id, guide.revision, guide.title, guide.xml,
                             stateName(state), actor.name, sql::isoNow());
        !ok)
        return ok;
    return storeRevisionMeta(db, tenantId, guide.id, guide.revision, guide.xml);
}

// A step of the lifecycle: `from` -> `to` for one revision, audited.
Result<StepOutcome> moveRevision(Database& db, std::int64_t tenantId, std::string_view guideId,
                                 int revision, RevisionState from, RevisionState to,
                                 std::optional<std::string_view> note, const Actor& actor,
                                 std::string_view action) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto found = findRevision(db, tenantId, guideId, revision);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return StepOutcome(NotFound{});
    if ((*found)->state != from)
        return StepOutcome(WrongState{(*found)->state});
    // A note comes with a review: who reviewed, when, and what they said.
    auto updated =
        note ? db.execute("UPDATE revisions SET state = ?, reviewed_by = ?, reviewed_at = ?, "
                          "note = ? WHERE tenant_id = ? AND guide_id = ? AND revision = ?",
                          stateName(to), actor.name, sql::isoNow(), *note, tenantId, guideId,
                          revision)
             : db.execute("UPDATE revisions SET state = ? WHERE tenant_id = ? AND guide_id = ? "
                          "AND revision = ?",
                          stateName(to), tenantId, guideId, revision);
    if (!updated)
        return std::unexpected(updated.error());
    if (auto ok = audit(db, tenantId, actor, std::string(action), revisionName(guideId, revision),
                        std::string(stateName(to)));
        !ok)
        return std::unexpected(ok.error());
    return commit(*tx, StepOutcome(Done{}));
}

RevisionInfo readRevisionInfo(const sqlite::Statement& row) {
    return {row.columnText(0),
            static_cast<int>(row.columnInt(1)),
            parseState(row.columnText(2)).value_or(RevisionState::Withdrawn),
            row.columnText(3),
            row.columnText(4),
            row.columnText(5),
            row.columnOptionalText(6),
            row.columnOptionalText(7),
            row.columnOptionalText(8),
            row.columnOptionalText(9),
            row.columnOptionalText(10)};
}

// What retiring needs to know about guides and alerts: where they are and
// what the feed and the audit log call it.
struct Item {
    std::string_view select; // the published revision of an id
    std::string_view update; // that revision becomes retired
    std::string_view feedKind;
    std::string_view action;
};
constexpr Item kGuideItem{
    "SELECT revision FROM revisions WHERE tenant_id = ? AND guide_id = ? AND state = 'published'",
    "UPDATE revisions SET state = 'retired' WHERE tenant_id = ? AND guide_id = ? AND revision = ?",
    "retired", "retire"};
constexpr Item kAlertItem{
    "SELECT revision FROM alerts WHERE tenant_id = ? AND id = ? AND state = 'published'",
    "UPDATE alerts SET state = 'retired' WHERE tenant_id = ? AND id = ? AND revision = ?",
    "alert_retired", "retire_alert"};

// The published revision becomes retired, the feed says so, the audit log too.
Result<std::variant<Published, NotFound>> retireItem(Database& db, std::int64_t tenantId,
                                                     std::string_view id, const Actor& actor,
                                                     const Item& item) {
    using Outcome = std::variant<Published, NotFound>;
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto published = db.queryInt(item.select, tenantId, id);
    if (!published)
        return std::unexpected(published.error());
    if (!*published)
        return Outcome(NotFound{});
    const int revision = static_cast<int>(**published);
    if (auto ok = db.execute(item.update, tenantId, id, revision); !ok)
        return std::unexpected(ok.error());
    return announce(db, *tx, tenantId, item.feedKind, id, revision, actor, std::string(item.action),
                    "retired");
}

constexpr std::string_view kRevisionColumns =
    "guide_id, revision, state, title, saved_by, saved_at, reviewed_by, reviewed_at, note, "
    "change_note, submitted_at";

// Tells the author of a revision what a reviewer did with it.
Result<void> tellAuthor(Database& db, std::int64_t tenantId, std::string_view guideId, int revision,
                        std::string_view kind, std::string_view text, const Actor& actor,
                        std::vector<NoticeOut>* notices) {
    auto author = revisionAuthor(db, tenantId, guideId, revision);
    if (!author)
        return std::unexpected(author.error());
    if (!*author)
        return {};
    auto added = addNotices(db, tenantId, {**author}, kind, guideId, revision, std::nullopt, text,
                            actor.name);
    if (!added)
        return std::unexpected(added.error());
    if (notices)
        std::ranges::move(*added, std::back_inserter(*notices));
    return {};
}

} // namespace

std::string_view stateName(RevisionState state) {
    for (const auto& [value, name] : kStateNames) {
        if (value == state)
            return name;
    }
    return "draft";
}

std::optional<RevisionState> parseState(std::string_view name) {
    for (const auto& [value, stateText] : kStateNames) {
        if (stateText == name)
            return value;
    }
    return std::nullopt;
}

// --- Guides ------------------------------------------------------------------

Result<SaveOutcome> saveDraft(Database& db, std::int64_t tenantId, const GuideRevision& guide,
                              int base, const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto newest = newestRevision(db, tenantId, guide.id);
    if (!newest)
        return std::unexpected(newest.error());
    if (*newest != base || guide.revision != base + 1) {
        if (auto ok = audit(db, tenantId, actor, "save", revisionName(guide.id, guide.revision),
                            "conflict");
            !ok)
            return std::unexpected(ok.error());
        return commit(*tx, SaveOutcome(Conflict{*newest}));
    }
    if (auto ok = db.execute("UPDATE revisions SET state = 'withdrawn' WHERE tenant_id = ? AND "
                             "guide_id = ? AND state IN ('draft', 'in_review')",
                             tenantId, guide.id);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = insertRevision(db, tenantId, guide, RevisionState::Draft, actor); !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            audit(db, tenantId, actor, "save", revisionName(guide.id, guide.revision), "draft");
        !ok)
        return std::unexpected(ok.error());
    return commit(*tx, SaveOutcome(Done{}));
}

Result<StepOutcome> submitRevision(Database& db, std::int64_t tenantId, std::string_view guideId,
                                   int revision, std::string_view changeNote, const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto moved = moveRevision(db, tenantId, guideId, revision, RevisionState::Draft,
                              RevisionState::InReview, std::nullopt, actor, "submit");
    if (!moved || !std::holds_alternative<Done>(*moved))
        return moved; // rolled back: nothing changed
    const std::optional<std::string_view> note =
        changeNote.empty() ? std::nullopt : std::optional(changeNote);
    if (auto ok = db.execute("UPDATE revisions SET change_note = coalesce(?, change_note), "
                             "submitted_at = ? WHERE tenant_id = ? AND guide_id = ? AND "
                             "revision = ?",
                             note, sql::isoNow(), tenantId, guideId, revision);
        !ok)
        return std::unexpected(ok.error());
    return commit(*tx, std::move(*moved));
}

Result<StepOutcome> rejectRevision(Database& db, std::int64_t tenantId, std::string_view guideId,
                                   int revision, std::string_view note, const Actor& actor,
                                   std::vector<NoticeOut>* notices) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto moved = moveRevision(db, tenantId, guideId, revision, RevisionState::InReview,
                              RevisionState::Draft, note, actor, "reject");
    if (!moved || !std::holds_alternative<Done>(*moved))
        return moved;
    if (auto ok = tellAuthor(db, tenantId, guideId, revision, "rejected", note, actor, notices);
        !ok)
        return std::unexpected(ok.error());
    return commit(*tx, std::move(*moved));
}

Result<PublishOutcome> publishRevision(Database& db, std::int64_t tenantId,
                                       std::string_view guideId, int revision, const Actor& actor,
                                       std::vector<NoticeOut>* notices) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto found = findRevision(db, tenantId, guideId, revision);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return PublishOutcome(NotFound{});
    if ((*found)->state != RevisionState::InReview)
        return PublishOutcome(WrongState{(*found)->state});
    if ((*found)->savedBy == actor.name) {
        if (auto ok = audit(db, tenantId, actor, "publish", revisionName(guideId, revision),
                            "refused_own_revision");
            !ok)
            return std::unexpected(ok.error());
        return commit(*tx, PublishOutcome(SameAccount{}));
    }
    if (auto ok = retireOlder(db, tenantId, guideId, revision); !ok)
        return std::unexpected(ok.error());
    if (auto ok = db.execute("UPDATE revisions SET state = 'published', reviewed_by = ?, "
                             "reviewed_at = ? WHERE tenant_id = ? AND guide_id = ? AND "
                             "revision = ?",
                             actor.name, sql::isoNow(), tenantId, guideId, revision);
        !ok)
        return std::unexpected(ok.error());
    // The feedback this revision was planned to apply is applied now.
    if (auto ok = db.execute("UPDATE feedback SET status = 'applied', updated_at = ? WHERE "
                             "tenant_id = ? AND guide_id = ? AND status = 'planned' AND "
                             "handled_revision = ?",
                             sql::isoNow(), tenantId, guideId, revision);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tellAuthor(db, tenantId, guideId, revision, "approved", "", actor, notices); !ok)
        return std::unexpected(ok.error());
    return announce(db, *tx, tenantId, "guide", guideId, revision, actor, "publish", "published");
}

Result<PublishOutcome> publishGuide(Database& db, std::int64_t tenantId, const GuideRevision& guide,
                                    const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto newest = newestRevision(db, tenantId, guide.id);
    if (!newest)
        return std::unexpected(newest.error());
    if (*newest >= guide.revision) {
        if (auto ok = audit(db, tenantId, actor, "publish", revisionName(guide.id, guide.revision),
                            "stale_revision");
            !ok)
            return std::unexpected(ok.error());
        return commit(*tx, PublishOutcome(Conflict{*newest}));
    }
    if (auto ok = retireOlder(db, tenantId, guide.id, guide.revision); !ok)
        return std::unexpected(ok.error());
    if (auto ok = insertRevision(db, tenantId, guide, RevisionState::Published, actor); !ok)
        return std::unexpected(ok.error());
    return announce(db, *tx, tenantId, "guide", guide.id, guide.revision, actor, "publish",
                    "published");
}

Result<std::variant<RolledBack, NotFound>> rollbackGuide(Database& db, std::int64_t tenantId,
                                                         std::string_view guideId, int to,
                                                         std::string_view reason,
                                                         const Actor& actor) {
    using Outcome = std::variant<RolledBack, NotFound>;
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto xml = revisionXml(db, tenantId, guideId, to);
    if (!xml)
        return std::unexpected(xml.error());
    if (!*xml)
        return Outcome(NotFound{});
    auto newest = newestRevision(db, tenantId, guideId);
    if (!newest)
        return std::unexpected(newest.error());
    // Back to what the desks once had: a revision that was published, below the newest.
    auto state = db.queryText("SELECT state FROM revisions WHERE tenant_id = ? AND guide_id = ? "
                              "AND revision = ?",
                              tenantId, guideId, to);
    if (!state)
        return std::unexpected(state.error());
    if (to >= *newest || !*state || (**state != "published" && **state != "superseded"))
        return Outcome(NotFound{});
    auto guide = content::parseGuide(**xml, "store");
    if (!guide)
        return std::unexpected(sqlite::Error{0, "revision " + std::to_string(to) + " of " +
                                                    std::string(guideId) + " does not parse"});
    guide->revision = *newest + 1;
    const GuideRevision revision{guide->id, guide->revision, guide->title,
                                 content::writeGuide(*guide)};
    auto saved = saveDraft(db, tenantId, revision, *newest, actor);
    if (!saved)
        return std::unexpected(saved.error());
    if (!std::holds_alternative<Done>(*saved)) // cannot happen inside this transaction
        return std::unexpected(sqlite::Error{0, "the rollback's revision was not saved"});
    std::string note = "Teruggezet naar revisie " + std::to_string(to);
    if (!reason.empty())
        note += ": " + std::string(reason);
    auto submitted = submitRevision(db, tenantId, guideId, revision.revision, note, actor);
    if (!submitted)
        return std::unexpected(submitted.error());
    if (!std::holds_alternative<Done>(*submitted))
        return std::unexpected(sqlite::Error{0, "the rollback's revision was not submitted"});
    if (auto ok = audit(db, tenantId, actor, "rollback", revisionName(guideId, revision.revision),
                        "to revision " + std::to_string(to));
        !ok)
        return std::unexpected(ok.error());
    return commit(*tx, Outcome(RolledBack{revision.revision}));
}

Result<std::variant<Published, NotFound>>
retireGuide(Database& db, std::int64_t tenantId, std::string_view guideId, const Actor& actor) {
    return retireItem(db, tenantId, guideId, actor, kGuideItem);
}

Result<std::vector<GuideSummary>> listGuides(Database& db, std::int64_t tenantId) {
    auto stmt = db.prepare("SELECT guide_id, revision, title FROM revisions WHERE tenant_id = ? "
                           "AND state = 'published' ORDER BY guide_id",
                           tenantId);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<GuideSummary> guides;
    auto read = stmt->forEachRow([&guides](const sqlite::Statement& row) {
        guides.push_back(
            {row.columnText(0), static_cast<int>(row.columnInt(1)), row.columnText(2)});
    });
    if (!read)
        return std::unexpected(read.error());
    return guides;
}

Result<std::optional<std::string>> currentGuideXml(Database& db, std::int64_t tenantId,
                                                   std::string_view guideId) {
    return db.queryText("SELECT xml FROM revisions WHERE tenant_id = ? AND guide_id = ? AND "
                        "state = 'published'",
                        tenantId, guideId);
}

Result<std::vector<RevisionInfo>> listRevisions(Database& db, std::int64_t tenantId,
                                                std::string_view guideId) {
    auto stmt = db.prepare("SELECT " + std::string(kRevisionColumns) +
                               " FROM revisions WHERE tenant_id = ? AND guide_id = ? "
                               "ORDER BY revision DESC",
                           tenantId, guideId);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<RevisionInfo> out;
    auto read = stmt->forEachRow(
        [&out](const sqlite::Statement& row) { out.push_back(readRevisionInfo(row)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<void> storeMedia(Database& db, std::int64_t tenantId, const StoredMedia& media,
                        const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = db.execute("INSERT OR IGNORE INTO media (tenant_id, hash, content_type, bytes, "
                             "width, height, stored_by, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             tenantId, media.hash, media.contentType, sqlite::Blob{media.bytes},
                             media.width, media.height, actor.name, sql::isoNow());
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = audit(db, tenantId, actor, "store_media", media.hash, media.contentType); !ok)
        return std::unexpected(ok.error());
    return tx->commit();
}

Result<std::optional<StoredMedia>> findMedia(Database& db, std::int64_t tenantId,
                                             std::string_view hash) {
    auto stmt = db.prepare("SELECT hash, content_type, bytes, width, height FROM media "
                           "WHERE tenant_id = ? AND hash = ?",
                           tenantId, hash);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::optional<StoredMedia> found;
    auto read = stmt->forEachRow([&found](const sqlite::Statement& row) {
        found = StoredMedia{row.columnText(0), row.columnText(1), row.columnBlob(2),
                            static_cast<int>(row.columnInt(3)), static_cast<int>(row.columnInt(4))};
    });
    if (!read)
        return std::unexpected(read.error());
    return found;
}

Result<std::vector<LibraryEntry>> library(Database& db, std::int64_t tenantId) {
    // The newest revision of each guide, and its published one if any.
    auto stmt = db.prepare(
        "SELECT r.guide_id, r.title, r.state, r.revision, r.saved_by, r.saved_at, r.xml, "
        "  (SELECT MAX(p.revision) FROM revisions p WHERE p.tenant_id = r.tenant_id "
        "     AND p.guide_id = r.guide_id AND p.state = 'published') "
        "FROM revisions r WHERE r.tenant_id = ? AND r.revision = "
        "  (SELECT MAX(m.revision) FROM revisions m WHERE m.tenant_id = r.tenant_id "
        "     AND m.guide_id = r.guide_id) "
        "ORDER BY r.title COLLATE NOCASE, r.guide_id",
        tenantId);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<LibraryEntry> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        LibraryEntry entry;
        entry.guideId = row.columnText(0);
        entry.title = row.columnText(1);
        entry.state = parseState(row.columnText(2)).value_or(RevisionState::Withdrawn);
        entry.revision = static_cast<int>(row.columnInt(3));
        entry.savedBy = row.columnText(4);
        entry.savedAt = row.columnText(5);
        // The owner team lives in the guide itself; the stored XML is canonical
        // and was validated when it was saved.
        if (auto parsed = content::parseDocument(row.columnText(6), "store")) {
            if (const auto* guide = std::get_if<content::Guide>(&*parsed)) {
                entry.owner = guide->owner;
                entry.isBlock = guide->isBlock;
                entry.blocks = content::blocksUsed(*guide);
            }
        }
        entry.published = static_cast<int>(row.columnInt(7));
        out.push_back(std::move(entry));
    });
    if (!read)
        return std::unexpected(read.error());
    // Where each block is used: what an author sees before changing it.
    std::map<std::string, std::vector<std::string>, std::less<>> users;
    for (const LibraryEntry& entry : out) {
        for (const std::string& block : entry.blocks)
            users[block].push_back(entry.guideId);
    }
    for (LibraryEntry& entry : out) {
        if (const auto found = users.find(entry.guideId); found != users.end())
            entry.usedBy = found->second;
    }
    return out;
}

Result<std::vector<RevisionInfo>> revisionsInState(Database& db, std::int64_t tenantId,
                                                   RevisionState state) {
    const std::string order = state == RevisionState::InReview
                                  ? "coalesce(submitted_at, saved_at), guide_id"
                                  : "guide_id, revision DESC";
    auto stmt =
        db.prepare("SELECT " + std::string(kRevisionColumns) +
                       " FROM revisions WHERE tenant_id = ? AND state = ? ORDER BY " + order,
                   tenantId, stateName(state));
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<RevisionInfo> out;
    auto read = stmt->forEachRow(
        [&out](const sqlite::Statement& row) { out.push_back(readRevisionInfo(row)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::optional<std::string>> revisionXml(Database& db, std::int64_t tenantId,
                                               std::string_view guideId, int revision) {
    return db.queryText("SELECT xml FROM revisions WHERE tenant_id = ? AND guide_id = ? AND "
                        "revision = ?",
                        tenantId, guideId, revision);
}

// --- Alerts ------------------------------------------------------------------

Result<std::variant<Published, Conflict>>
publishAlert(Database& db, std::int64_t tenantId, const AlertRevision& alert, const Actor& actor) {
    using Outcome = std::variant<Published, Conflict>;
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto newest = db.queryInt("SELECT max(revision) FROM alerts WHERE tenant_id = ? AND id = ?",
                              tenantId, alert.id);
    if (!newest)
        return std::unexpected(newest.error());
    if (newest->value_or(0) >= alert.revision) {
        if (auto ok = audit(db, tenantId, actor, "publish_alert",
                            revisionName(alert.id, alert.revision), "stale_revision");
            !ok)
            return std::unexpected(ok.error());
        return commit(*tx, Outcome(Conflict{static_cast<int>(newest->value_or(0))}));
    }
    if (auto ok = db.execute("UPDATE alerts SET state = 'superseded' WHERE tenant_id = ? AND "
                             "id = ? AND state = 'published'",
                             tenantId, alert.id);
        !ok)
        return std::unexpected(ok.error());
    const auto optionalDate = [](const std::string& date) {
        return date.empty() ? std::optional<std::string>() : std::optional(date);
    };
    if (auto ok = db.execute("INSERT INTO alerts (tenant_id, id, revision, level, "
                             "must_acknowledge, valid_from, valid_to, title, xml, state, "
                             "published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "'published', ?, ?)",
                             tenantId, alert.id, alert.revision, alert.level,
                             alert.mustAcknowledge ? 1 : 0, optionalDate(alert.validFrom),
                             optionalDate(alert.validTo), alert.title, alert.xml, actor.name,
                             sql::isoNow());
        !ok)
        return std::unexpected(ok.error());
    return announce(db, *tx, tenantId, "alert", alert.id, alert.revision, actor, "publish_alert",
                    "published");
}

Result<std::variant<Published, NotFound>>
retireAlert(Database& db, std::int64_t tenantId, std::string_view alertId, const Actor& actor) {
    return retireItem(db, tenantId, alertId, actor, kAlertItem);
}

Result<std::vector<std::string>> publishedAlertXml(Database& db, std::int64_t tenantId) {
    auto stmt = db.prepare("SELECT xml FROM alerts WHERE tenant_id = ? AND state = 'published' "
                           "ORDER BY id",
                           tenantId);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<std::string> out;
    auto read = stmt->forEachRow(
        [&out](const sqlite::Statement& row) { out.push_back(row.columnText(0)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::vector<AlertSummary>> listAlerts(Database& db, std::int64_t tenantId) {
    auto stmt = db.prepare("SELECT id, revision, level, must_acknowledge, title, "
                           "coalesce(valid_from, ''), coalesce(valid_to, '') FROM alerts "
                           "WHERE tenant_id = ? AND state = 'published' "
                           "ORDER BY published_at DESC, id",
                           tenantId);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<AlertSummary> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0), static_cast<int>(row.columnInt(1)), row.columnText(2),
                       row.columnInt(3) != 0, row.columnText(4), row.columnText(5),
                       row.columnText(6)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::optional<AcknowledgementReport>> acknowledgements(Database& db, std::int64_t tenantId,
                                                              std::string_view alertId) {
    auto current = db.prepare("SELECT revision, must_acknowledge FROM alerts WHERE tenant_id = ? "
                              "AND id = ? AND state = 'published'",
                              tenantId, alertId);
    if (!current)
        return std::unexpected(current.error());
    auto row = current->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<AcknowledgementReport>{};
    AcknowledgementReport report{std::string(alertId),
                                 static_cast<int>(current->columnInt(0)),
                                 current->columnInt(1) != 0,
                                 {}};
    // Every team with desk accounts, and how many of those acknowledged.
    auto teams =
        db.prepare("SELECT t.name, count(a.id), count(k.account_id) FROM teams AS t "
                   "JOIN accounts AS a ON a.team_id = t.id AND a.role = 'desk' "
                   "LEFT JOIN alert_acks AS k ON k.account_id = a.id AND k.tenant_id = t.tenant_id "
                   "AND k.alert_id = ? AND k.revision = ? "
                   "WHERE t.tenant_id = ? GROUP BY t.id ORDER BY t.name",
                   alertId, report.revision, tenantId);
    if (!teams)
        return std::unexpected(teams.error());
    auto read = teams->forEachRow([&report](const sqlite::Statement& team) {
        report.teams.push_back({team.columnText(0), team.columnInt(2), team.columnInt(1)});
    });
    if (!read)
        return std::unexpected(read.error());
    return std::optional(std::move(report));
}

// --- The change feed ---------------------------------------------------------

namespace {

// A change with the XML it carries: the guide or alert revision, or nothing
// for a retirement.
constexpr std::string_view kChangeQuery =
    "SELECT c.seq, c.kind, c.guide_id, c.revision, coalesce(r.xml, a.xml, ''), "
    "  coalesce(r.change_note, '') "
    "FROM changes AS c "
    "LEFT JOIN revisions AS r ON c.kind = 'guide' AND r.tenant_id = c.tenant_id "
    "  AND r.guide_id = c.guide_id AND r.revision = c.revision "
    "LEFT JOIN alerts AS a ON c.kind = 'alert' AND a.tenant_id = c.tenant_id "
    "  AND a.id = c.guide_id AND a.revision = c.revision ";

Change readChange(const sqlite::Statement& row) {
    return {row.columnInt(0),
            row.columnText(1),
            row.columnText(2),
            static_cast<int>(row.columnInt(3)),
            row.columnText(4),
            row.columnText(5),
            {}};
}

} // namespace

Result<ChangePage> changesSince(Database& db, std::int64_t tenantId, std::int64_t since,
                                std::int64_t limit, std::size_t maxBytes,
                                std::optional<std::int64_t> teamId) {
    // One row more than asked tells whether there is more.
    auto stmt = db.prepare(std::string(kChangeQuery) +
                               "WHERE c.tenant_id = ? AND c.seq > ? ORDER BY c.seq LIMIT ?",
                           tenantId, since, limit + 1);
    if (!stmt)
        return std::unexpected(stmt.error());
    ChangePage page;
    page.lastSeq = since;
    auto epoch = feedEpoch(db);
    if (!epoch)
        return std::unexpected(epoch.error());
    page.epoch = std::move(*epoch);
    auto seq = currentSeq(db, tenantId);
    if (!seq)
        return std::unexpected(seq.error());
    page.feedSeq = *seq;
    std::size_t bytes = 0;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return page;
        Change change = readChange(*stmt);
        const bool full = std::ssize(page.changes) == limit ||
                          (!page.changes.empty() && bytes + change.xml.size() > maxBytes);
        if (full) {
            page.more = true;
            return page;
        }
        bytes += change.xml.size();
        page.lastSeq = change.seq;
        if (teamId && change.kind == "guide") {
            auto tips = db.prepare("SELECT coalesce(step, ''), text FROM feedback WHERE "
                                   "tenant_id = ? AND guide_id = ? AND status = 'applied' AND "
                                   "handled_revision = ? AND team_id = ? ORDER BY rowid",
                                   tenantId, change.id, change.revision, *teamId);
            if (!tips)
                return std::unexpected(tips.error());
            auto read = tips->forEachRow([&change](const sqlite::Statement& tip) {
                change.tipsApplied.push_back({tip.columnText(0), tip.columnText(1)});
            });
            if (!read)
                return std::unexpected(read.error());
        }
        page.changes.push_back(std::move(change));
    }
}

Result<std::int64_t> currentSeq(Database& db, std::int64_t tenantId) {
    auto seq = db.queryInt("SELECT max(seq) FROM changes WHERE tenant_id = ?", tenantId);
    if (!seq)
        return std::unexpected(seq.error());
    return seq->value_or(0);
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> feedSequences(Database& db) {
    auto stmt = db.prepare("SELECT tenant_id, max(seq) FROM changes GROUP BY tenant_id");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.emplace_back(row.columnInt(0), row.columnInt(1));
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::string> feedEpoch(Database& db) {
    auto epoch = db.queryText("SELECT value FROM store_meta WHERE key = 'feed_epoch'");
    if (!epoch)
        return std::unexpected(epoch.error());
    if (!*epoch)
        return std::unexpected(sqlite::Error{0, "the store has no feed epoch"});
    return **epoch;
}

Result<std::string> renewFeedEpoch(Database& db) {
    if (auto ok = db.exec("UPDATE store_meta SET value = lower(hex(randomblob(16))) "
                          "WHERE key = 'feed_epoch'");
        !ok)
        return std::unexpected(ok.error());
    return feedEpoch(db);
}

Result<std::optional<Change>> changeAt(Database& db, std::int64_t tenantId, std::int64_t seq) {
    auto stmt = db.prepare(std::string(kChangeQuery) + "WHERE c.tenant_id = ? AND c.seq = ?",
                           tenantId, seq);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<Change>{};
    return std::optional(readChange(*stmt));
}

} // namespace souffleur::server
