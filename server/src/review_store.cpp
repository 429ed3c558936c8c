// Review comments and notices on the store (review_store.h).
#include "sql.h"

#include <souffleur/server/review_store.h>
#include <souffleur/server/storage.h>

#include <algorithm>
#include <utility>

namespace souffleur::server {

using sqlite::Database;
using sqlite::Result;

namespace {

constexpr std::string_view kCommentColumns =
    "id, coalesce(thread, id), guide_id, revision, step, field, author, text, created_at, "
    "resolved_by, resolved_at";

Comment readComment(const sqlite::Statement& row) {
    return {row.columnInt(0),          row.columnInt(1),
            row.columnText(2),         static_cast<int>(row.columnInt(3)),
            row.columnOptionalText(4), row.columnOptionalText(5),
            row.columnText(6),         row.columnText(7),
            row.columnText(8),         row.columnOptionalText(9),
            row.columnOptionalText(10)};
}

Result<std::optional<Comment>> findComment(Database& db, std::int64_t tenantId, std::int64_t id) {
    auto stmt = db.prepare("SELECT " + std::string(kCommentColumns) +
                               " FROM review_comments WHERE tenant_id = ? AND id = ?",
                           tenantId, id);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<Comment>{};
    return std::optional<Comment>(readComment(*stmt));
}

Result<std::optional<std::int64_t>> accountByName(Database& db, std::int64_t tenantId,
                                                  std::string_view name) {
    return db.queryInt("SELECT id FROM accounts WHERE tenant_id = ? AND name = ?", tenantId, name);
}

template <typename T>
Result<T> commit(sqlite::Transaction& tx, T value) {
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return value;
}

} // namespace

Result<CommentOutcome> addComment(Database& db, std::int64_t tenantId, const NewComment& comment,
                                  const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto exists = db.queryInt("SELECT 1 FROM revisions WHERE tenant_id = ? AND guide_id = ? AND "
                              "revision = ?",
                              tenantId, comment.guideId, comment.revision);
    if (!exists)
        return std::unexpected(exists.error());
    if (!*exists)
        return CommentOutcome(NotFound{});
    std::optional<std::int64_t> thread;
    if (comment.replyTo) {
        auto parent = findComment(db, tenantId, *comment.replyTo);
        if (!parent)
            return std::unexpected(parent.error());
        if (!*parent || (*parent)->guideId != comment.guideId)
            return CommentOutcome(NotFound{});
        thread = (*parent)->thread;
    }
    if (auto ok = db.execute("INSERT INTO review_comments (tenant_id, guide_id, revision, step, "
                             "field, thread, author, text, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             tenantId, comment.guideId, comment.revision, comment.step,
                             comment.field, thread, actor.name, comment.text, sql::isoNow());
        !ok)
        return std::unexpected(ok.error());
    auto id = db.queryInt("SELECT last_insert_rowid()");
    if (!id)
        return std::unexpected(id.error());
    auto stored = findComment(db, tenantId, id->value_or(0));
    if (!stored)
        return std::unexpected(stored.error());

    // Whom to tell: the revision's author, and whoever wrote in the thread.
    std::vector<std::int64_t> accounts;
    auto author = revisionAuthor(db, tenantId, comment.guideId, comment.revision);
    if (!author)
        return std::unexpected(author.error());
    if (*author)
        accounts.push_back(**author);
    if (thread) {
        auto stmt = db.prepare("SELECT DISTINCT a.id FROM review_comments AS c JOIN accounts AS a "
                               "ON a.tenant_id = c.tenant_id AND a.name = c.author "
                               "WHERE c.tenant_id = ? AND (c.id = ?2 OR c.thread = ?2)",
                               tenantId, *thread);
        if (!stmt)
            return std::unexpected(stmt.error());
        auto read = stmt->forEachRow([&accounts](const sqlite::Statement& row) {
            if (std::ranges::find(accounts, row.columnInt(0)) == accounts.end())
                accounts.push_back(row.columnInt(0));
        });
        if (!read)
            return std::unexpected(read.error());
    }
    auto notices = addNotices(db, tenantId, accounts, "comment", comment.guideId, comment.revision,
                              comment.step, comment.text, actor.name);
    if (!notices)
        return std::unexpected(notices.error());
    if (auto ok =
            appendAudit(db, {tenantId, actor.name, "comment",
                             comment.guideId + " revision " + std::to_string(comment.revision),
                             actor.remote, "commented"});
        !ok)
        return std::unexpected(ok.error());
    return commit(*tx, CommentOutcome(CommentAdded{**stored, std::move(*notices)}));
}

Result<std::vector<Comment>> listComments(Database& db, std::int64_t tenantId,
                                          std::string_view guideId, std::optional<int> revision) {
    auto stmt = db.prepare("SELECT " + std::string(kCommentColumns) +
                               " FROM review_comments WHERE tenant_id = ? AND guide_id = ? "
                               "AND (?3 IS NULL OR revision = ?3) "
                               "ORDER BY coalesce(thread, id), id",
                           tenantId, guideId, revision);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<Comment> out;
    auto read =
        stmt->forEachRow([&out](const sqlite::Statement& row) { out.push_back(readComment(row)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<ResolveOutcome> resolveThread(Database& db, std::int64_t tenantId, std::int64_t id,
                                     bool resolved, const Actor& actor, bool isAdmin) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto found = findComment(db, tenantId, id);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return ResolveOutcome(NotFound{});
    const Comment& comment = **found;
    if (resolved && !isAdmin) {
        auto savedBy = db.queryText("SELECT saved_by FROM revisions WHERE tenant_id = ? AND "
                                    "guide_id = ? AND revision = ?",
                                    tenantId, comment.guideId, comment.revision);
        if (!savedBy)
            return std::unexpected(savedBy.error());
        if (savedBy->value_or("") != actor.name) {
            // Audited like every refusal by role (api.cpp's admission).
            if (auto ok = appendAudit(db, {tenantId, actor.name, "access",
                                           "PATCH /api/v1/comments/" + std::to_string(id),
                                           actor.remote, "forbidden"});
                !ok)
                return std::unexpected(ok.error());
            return commit(*tx, ResolveOutcome(NotAllowed{}));
        }
    }
    const std::optional<std::string> by =
        resolved ? std::optional(actor.name) : std::optional<std::string>();
    const std::optional<std::string> at =
        resolved ? std::optional(sql::isoNow()) : std::optional<std::string>();
    if (auto ok = db.execute("UPDATE review_comments SET resolved_by = ?, resolved_at = ? "
                             "WHERE tenant_id = ? AND (id = ?4 OR thread = ?4)",
                             by, at, tenantId, comment.thread);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            appendAudit(db, {tenantId, actor.name, "comment",
                             "thread " + std::to_string(comment.thread) + " on " + comment.guideId,
                             actor.remote, resolved ? "resolved" : "reopened"});
        !ok)
        return std::unexpected(ok.error());
    auto first = findComment(db, tenantId, comment.thread);
    if (!first)
        return std::unexpected(first.error());
    return commit(*tx, ResolveOutcome(first->value_or(comment)));
}

// --- Notices ---------------------------------------------------------------------

Result<std::vector<NoticeOut>> addNotices(Database& db, std::int64_t tenantId,
                                          const std::vector<std::int64_t>& accounts,
                                          std::string_view kind, std::string_view guideId,
                                          int revision, std::optional<std::string> step,
                                          std::string_view text, std::string_view by,
                                          bool byAccount) {
    std::vector<NoticeOut> out;
    auto self = byAccount ? accountByName(db, tenantId, by)
                          : Result<std::optional<std::int64_t>>(std::optional<std::int64_t>());
    if (!self)
        return std::unexpected(self.error());
    const std::string now = sql::isoNow();
    for (const std::int64_t account : accounts) {
        if (*self && **self == account)
            continue;
        if (auto ok = db.execute("INSERT INTO notices (tenant_id, account_id, kind, guide_id, "
                                 "revision, step, text, by, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 tenantId, account, kind, guideId, revision, step, text, by, now);
            !ok)
            return std::unexpected(ok.error());
        auto id = db.queryInt("SELECT last_insert_rowid()");
        if (!id)
            return std::unexpected(id.error());
        out.push_back({account,
                       {id->value_or(0), std::string(kind), std::string(guideId), revision, step,
                        std::string(text), std::string(by), now, std::nullopt}});
    }
    return out;
}

Result<std::optional<std::int64_t>> revisionAuthor(Database& db, std::int64_t tenantId,
                                                   std::string_view guideId, int revision) {
    return db.queryInt("SELECT a.id FROM revisions AS r JOIN accounts AS a ON a.tenant_id = "
                       "r.tenant_id AND a.name = r.saved_by WHERE r.tenant_id = ? AND "
                       "r.guide_id = ? AND r.revision = ?",
                       tenantId, guideId, revision);
}

Result<std::vector<std::int64_t>> teamEditors(Database& db, std::int64_t tenantId,
                                              std::string_view team) {
    auto stmt = db.prepare("SELECT a.id FROM accounts AS a JOIN teams AS t ON t.id = a.team_id "
                           "WHERE a.tenant_id = ? AND t.name = ? AND a.role IN "
                           "('author', 'reviewer', 'admin') ORDER BY a.id",
                           tenantId, team);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<std::int64_t> out;
    auto read =
        stmt->forEachRow([&out](const sqlite::Statement& row) { out.push_back(row.columnInt(0)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::vector<Notice>> listNotices(Database& db, std::int64_t tenantId, std::int64_t accountId,
                                        bool unreadOnly, std::int64_t limit) {
    auto stmt = db.prepare("SELECT id, kind, guide_id, revision, step, text, by, created_at, "
                           "read_at FROM notices WHERE tenant_id = ? AND account_id = ? "
                           "AND (?3 = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT ?4",
                           tenantId, accountId, unreadOnly ? 1 : 0, limit);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<Notice> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnInt(0), row.columnText(1), row.columnText(2),
                       static_cast<int>(row.columnInt(3)), row.columnOptionalText(4),
                       row.columnText(5), row.columnText(6), row.columnText(7),
                       row.columnOptionalText(8)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::int64_t> markNoticesRead(Database& db, std::int64_t tenantId, std::int64_t accountId,
                                     const std::optional<std::vector<std::int64_t>>& ids) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    const std::string now = sql::isoNow();
    std::int64_t changed = 0;
    if (!ids) {
        if (auto ok = db.execute("UPDATE notices SET read_at = ? WHERE tenant_id = ? AND "
                                 "account_id = ? AND read_at IS NULL",
                                 now, tenantId, accountId);
            !ok)
            return std::unexpected(ok.error());
        changed = db.changes();
    } else {
        for (const std::int64_t id : *ids) {
            if (auto ok = db.execute("UPDATE notices SET read_at = ? WHERE tenant_id = ? AND "
                                     "account_id = ? AND id = ? AND read_at IS NULL",
                                     now, tenantId, accountId, id);
                !ok)
                return std::unexpected(ok.error());
            changed += db.changes();
        }
    }
    return commit(*tx, changed);
}

Result<std::vector<NoticeOut>> noticeFeedback(Database& db, std::int64_t tenantId,
                                              std::int64_t sinceRowid) {
    struct NewFeedback {
        std::string guideId;
        int revision = 0;
        std::optional<std::string> step;
        std::string text;
        std::string team;
    };
    std::vector<NewFeedback> fresh;
    auto stmt = db.prepare("SELECT f.guide_id, f.revision, f.step, f.text, coalesce(t.name, '') "
                           "FROM feedback AS f LEFT JOIN teams AS t ON t.id = f.team_id "
                           "WHERE f.tenant_id = ? AND f.rowid > ? ORDER BY f.rowid",
                           tenantId, sinceRowid);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto read = stmt->forEachRow([&fresh](const sqlite::Statement& row) {
        fresh.push_back({row.columnText(0), static_cast<int>(row.columnInt(1)),
                         row.columnOptionalText(2), row.columnText(3), row.columnText(4)});
    });
    if (!read)
        return std::unexpected(read.error());
    std::vector<NoticeOut> out;
    for (const auto& item : fresh) {
        // The owner team named in the revision the desks have (stored with it, schema 10).
        auto owner = db.queryText("SELECT coalesce(owner, '') FROM revisions WHERE tenant_id = ? "
                                  "AND guide_id = ? AND state = 'published'",
                                  tenantId, item.guideId);
        if (!owner)
            return std::unexpected(owner.error());
        if (!*owner || (*owner)->empty())
            continue;
        auto editors = teamEditors(db, tenantId, **owner);
        if (!editors)
            return std::unexpected(editors.error());
        // The team that sent it, never the desk account.
        auto notices =
            addNotices(db, tenantId, *editors, "feedback", item.guideId, item.revision, item.step,
                       item.text, item.team.empty() ? std::string("desk") : item.team, false);
        if (!notices)
            return std::unexpected(notices.error());
        std::ranges::move(*notices, std::back_inserter(out));
    }
    return out;
}

} // namespace souffleur::server
