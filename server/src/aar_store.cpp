// After Action Reviews on the store (see aar_store.h). Each change is one
// transaction with its audit row.
#include "sql.h"

#include <souffleur/server/aar_store.h>
#include <souffleur/server/storage.h>
#include <souffleur/server/xapi.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>

namespace souffleur::server {
namespace {

using sqlite::Database;
using sqlite::Result;

constexpr std::array<std::string_view, 4> kActionStates = {"open", "doing", "done", "dropped"};

std::string guidesJson(const std::vector<std::string>& guides) {
    boost::json::array out;
    for (const auto& guide : guides)
        out.emplace_back(guide);
    return boost::json::serialize(out);
}

std::vector<std::string> guidesOf(const std::optional<std::string>& json,
                                  const std::optional<std::string>& single) {
    std::vector<std::string> out;
    if (json) {
        boost::system::error_code error;
        const auto value = boost::json::parse(*json, error);
        if (!error && value.is_array()) {
            for (const auto& guide : value.as_array()) {
                if (guide.is_string())
                    out.emplace_back(guide.as_string());
            }
        }
    }
    // An AAR record a desk sent names one guide (no list at all).
    if (!json && single)
        out.push_back(*single);
    return out;
}

constexpr std::string_view kAarColumns =
    "a.id, a.team_id, t.name, coalesce(a.title, ''), a.at, a.guides, a.guide_id, a.period_from, "
    "a.period_to, a.expected, a.happened, a.why, a.improve, coalesce(a.lesson, ''), a.shared, "
    "a.state, a.created_at, coalesce(a.updated_at, a.created_at)";

Aar aarOf(const sqlite::Statement& row) {
    Aar aar;
    aar.id = row.columnText(0);
    aar.teamId = row.columnInt(1);
    aar.team = row.columnText(2);
    aar.title = row.columnText(3);
    aar.at = row.columnText(4).substr(0, 10);
    aar.guides = guidesOf(row.columnOptionalText(5), row.columnOptionalText(6));
    aar.from = row.columnOptionalText(7).value_or("");
    aar.to = row.columnOptionalText(8).value_or("");
    aar.expected = row.columnText(9);
    aar.happened = row.columnText(10);
    aar.why = row.columnText(11);
    aar.improve = row.columnText(12);
    aar.lesson = row.columnText(13);
    aar.shared = row.columnInt(14) != 0;
    aar.state = row.columnText(15);
    aar.createdAt = row.columnText(16);
    aar.updatedAt = row.columnText(17);
    return aar;
}

constexpr std::string_view kActionSelect =
    "SELECT x.aar_id, x.position, x.text, x.guide_id, x.step, coalesce(x.owner, ''), x.due, "
    "x.state, x.feedback_id, f.status, f.reason, f.handled_revision, "
    "coalesce(x.updated_at, a.created_at), coalesce(a.title, ''), substr(a.at, 1, 10) "
    "FROM aar_actions AS x JOIN aar_records AS a ON a.tenant_id = x.tenant_id AND a.id = x.aar_id "
    "LEFT JOIN feedback AS f ON f.tenant_id = x.tenant_id AND f.id = x.feedback_id ";

AarActionItem actionOf(const sqlite::Statement& row) {
    AarActionItem item;
    item.aarId = row.columnText(0);
    item.position = static_cast<int>(row.columnInt(1));
    item.text = row.columnText(2);
    item.guide = row.columnOptionalText(3);
    item.step = row.columnOptionalText(4);
    item.owner = row.columnText(5);
    item.due = row.columnOptionalText(6);
    item.state = row.columnText(7);
    item.feedbackId = row.columnOptionalText(8);
    item.inboxStatus = row.columnOptionalText(9);
    item.inboxReason = row.columnOptionalText(10);
    if (!row.columnIsNull(11))
        item.inboxRevision = static_cast<int>(row.columnInt(11));
    item.updatedAt = row.columnText(12);
    item.aarTitle = row.columnText(13);
    item.aarAt = row.columnText(14);
    item.open = item.state != "done" && item.state != "dropped" &&
                (!item.inboxStatus || *item.inboxStatus == "new" || *item.inboxStatus == "planned");
    return item;
}

Result<std::vector<AarActionItem>> actionsOf(Database& db, std::int64_t tenantId,
                                             std::string_view aarId) {
    auto stmt = db.prepare(std::string(kActionSelect) +
                               "WHERE x.tenant_id = ? AND x.aar_id = ? ORDER BY x.position",
                           tenantId, aarId);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<AarActionItem> out;
    auto read =
        stmt->forEachRow([&](const sqlite::Statement& row) { out.push_back(actionOf(row)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<void> audit(Database& db, std::int64_t tenantId, const Actor& actor, std::string action,
                   std::string target) {
    return appendAudit(
        db, {tenantId, actor.name, std::move(action), std::move(target), actor.remote, "done"});
}

} // namespace

std::span<const std::string_view> actionStates() {
    return kActionStates;
}

Result<Aar> createAar(Database& db, std::int64_t tenantId, const NewAar& aar, const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto id = db.queryText("SELECT 'aar-' || lower(hex(randomblob(8)))");
    if (!id)
        return std::unexpected(id.error());
    const std::string now = sql::isoNow();
    if (auto ok = db.execute(
            "INSERT INTO aar_records (tenant_id, id, team_id, account_id, at, guide_id, "
            "period_from, period_to, expected, happened, why, improve, created_at, title, guides, "
            "state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', ?, ?, ?, 'draft', "
            "?)",
            tenantId, **id, aar.teamId, aar.accountId, aar.at,
            aar.guides.empty() ? std::optional<std::string>() : aar.guides.front(), aar.from,
            aar.to, now, aar.title, guidesJson(aar.guides), now);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = audit(db, tenantId, actor, "aar create", **id + " " + aar.title); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    auto found = findAar(db, tenantId, **id);
    if (!found)
        return std::unexpected(found.error());
    return std::move(**found);
}

Result<std::optional<Aar>> findAar(Database& db, std::int64_t tenantId, std::string_view id) {
    auto stmt = db.prepare("SELECT " + std::string(kAarColumns) +
                               " FROM aar_records AS a JOIN teams AS t ON t.id = a.team_id "
                               "WHERE a.tenant_id = ? AND a.id = ?",
                           tenantId, id);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto found = stmt->step();
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return std::optional<Aar>();
    Aar aar = aarOf(*stmt);
    auto actions = actionsOf(db, tenantId, aar.id);
    if (!actions)
        return std::unexpected(actions.error());
    aar.actions = std::move(*actions);
    return std::optional(std::move(aar));
}

Result<std::optional<Aar>> updateAar(Database& db, std::int64_t tenantId, std::string_view id,
                                     const AarUpdate& update, const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    const std::optional<std::string> guides =
        update.guides ? std::optional(guidesJson(*update.guides)) : std::nullopt;
    const std::optional<std::int64_t> shared =
        update.shared ? std::optional<std::int64_t>(*update.shared ? 1 : 0) : std::nullopt;
    if (auto ok = db.execute(
            "UPDATE aar_records SET title = coalesce(?, title), expected = coalesce(?, expected), "
            "happened = coalesce(?, happened), why = coalesce(?, why), "
            "improve = coalesce(?, improve), lesson = coalesce(?, lesson), "
            "state = coalesce(?, state), period_from = coalesce(?, period_from), "
            "period_to = coalesce(?, period_to), guides = coalesce(?, guides), "
            "shared = coalesce(?, shared), updated_at = ? WHERE tenant_id = ? AND id = ?",
            update.title, update.expected, update.happened, update.why, update.improve,
            update.lesson, update.state, update.from, update.to, guides, shared, sql::isoNow(),
            tenantId, id);
        !ok)
        return std::unexpected(ok.error());
    if (db.changes() == 0)
        return std::optional<Aar>();
    if (update.state == "final") {
        // Closed: the team's AAR goes to the organisation's LRS, when it has one.
        auto closed = findAar(db, tenantId, id);
        if (!closed)
            return std::unexpected(closed.error());
        if (*closed) {
            if (auto ok = queueAarStatement(db, tenantId, **closed); !ok)
                return std::unexpected(ok.error());
        }
    }
    if (update.state || update.shared) {
        std::string what = std::string(id);
        if (update.state)
            what += " " + *update.state;
        if (update.shared)
            what += *update.shared ? " lesson shared" : " lesson not shared";
        if (auto ok = audit(db, tenantId, actor, "aar update", what); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return findAar(db, tenantId, id);
}

Result<std::vector<Aar>> listAars(Database& db, std::int64_t tenantId, const AarFilter& filter) {
    auto stmt = db.prepare("SELECT " + std::string(kAarColumns) +
                               " FROM aar_records AS a JOIN teams AS t ON t.id = a.team_id "
                               "WHERE a.tenant_id = ? AND (? IS NULL OR a.team_id = ?) "
                               "ORDER BY a.at DESC, a.created_at DESC LIMIT ? OFFSET ?",
                           tenantId, filter.teamId, filter.teamId, filter.limit, filter.offset);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<Aar> out;
    auto read = stmt->forEachRow([&](const sqlite::Statement& row) { out.push_back(aarOf(row)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::optional<ActionAdded>> addAction(Database& db, std::int64_t tenantId,
                                             std::string_view aarId, const NewAction& action,
                                             const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto team = db.queryInt("SELECT team_id FROM aar_records WHERE tenant_id = ? AND id = ?",
                            tenantId, aarId);
    if (!team)
        return std::unexpected(team.error());
    if (!*team)
        return std::optional<ActionAdded>();
    auto position = db.queryInt("SELECT coalesce(max(position) + 1, 0) FROM aar_actions "
                                "WHERE tenant_id = ? AND aar_id = ?",
                                tenantId, aarId);
    if (!position)
        return std::unexpected(position.error());
    const std::string now = sql::isoNow();
    std::optional<std::string> feedbackId;
    ActionAdded added;
    if (action.guideId) {
        // Into the guide's inbox, as the team's: the editors of its owner team are told.
        feedbackId = "action-" + std::string(aarId) + "-" + std::to_string(**position);
        auto revision = db.queryInt("SELECT max(revision) FROM revisions WHERE tenant_id = ? AND "
                                    "guide_id = ? AND state = 'published'",
                                    tenantId, *action.guideId);
        if (!revision)
            return std::unexpected(revision.error());
        auto before = db.queryInt(
            "SELECT coalesce(max(rowid), 0) FROM feedback WHERE tenant_id = ?", tenantId);
        if (!before)
            return std::unexpected(before.error());
        if (auto ok =
                db.execute("INSERT INTO feedback (tenant_id, id, team_id, guide_id, revision, "
                           "step, kind, text, created_at) VALUES (?, ?, ?, ?, ?, ?, "
                           "'action', ?, ?)",
                           tenantId, *feedbackId, **team, *action.guideId, revision->value_or(1),
                           action.step, action.text, now);
            !ok)
            return std::unexpected(ok.error());
        auto notices = noticeFeedback(db, tenantId, before->value_or(0));
        if (!notices)
            return std::unexpected(notices.error());
        added.notices = std::move(*notices);
    }
    if (auto ok = db.execute("INSERT INTO aar_actions (tenant_id, aar_id, position, text, "
                             "guide_id, step, owner, due, state, feedback_id, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
                             tenantId, aarId, **position, action.text, action.guideId, action.step,
                             action.owner, action.due, feedbackId, now);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = audit(db, tenantId, actor, "aar action",
                        std::string(aarId) + "/" + std::to_string(**position));
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    auto actions = actionsOf(db, tenantId, aarId);
    if (!actions)
        return std::unexpected(actions.error());
    added.action = actions->back();
    return std::optional(std::move(added));
}

Result<std::optional<AarActionItem>> updateAction(Database& db, std::int64_t tenantId,
                                                  std::string_view aarId, int position,
                                                  const ActionUpdate& update, const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    if (auto ok = db.execute("UPDATE aar_actions SET text = coalesce(?, text), "
                             "owner = coalesce(?, owner), due = coalesce(?, due), "
                             "state = coalesce(?, state), updated_at = ? "
                             "WHERE tenant_id = ? AND aar_id = ? AND position = ?",
                             update.text, update.owner, update.due, update.state, sql::isoNow(),
                             tenantId, aarId, position);
        !ok)
        return std::unexpected(ok.error());
    if (db.changes() == 0)
        return std::optional<AarActionItem>();
    if (update.state) {
        if (auto ok =
                audit(db, tenantId, actor, "aar action",
                      std::string(aarId) + "/" + std::to_string(position) + " " + *update.state);
            !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    auto actions = actionsOf(db, tenantId, aarId);
    if (!actions)
        return std::unexpected(actions.error());
    const auto found = std::ranges::find(*actions, position, &AarActionItem::position);
    return found == actions->end() ? std::optional<AarActionItem>() : std::optional(*found);
}

Result<std::vector<AarActionItem>> openActions(Database& db, std::int64_t tenantId,
                                               std::optional<std::int64_t> teamId) {
    auto stmt =
        db.prepare(std::string(kActionSelect) +
                       "WHERE x.tenant_id = ? AND (? IS NULL OR a.team_id = ?) AND "
                       "x.state IN ('open', 'doing') ORDER BY a.at, a.created_at, x.position",
                   tenantId, teamId, teamId);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<AarActionItem> out;
    auto read = stmt->forEachRow([&](const sqlite::Statement& row) {
        auto item = actionOf(row);
        if (item.open)
            out.push_back(std::move(item));
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<std::vector<Aar>> sharedLessons(Database& db, std::int64_t tenantId, std::int64_t limit) {
    auto stmt = db.prepare("SELECT " + std::string(kAarColumns) +
                               " FROM aar_records AS a JOIN teams AS t ON t.id = a.team_id "
                               "WHERE a.tenant_id = ? AND a.shared = 1 AND a.lesson != '' "
                               "ORDER BY a.at DESC, a.created_at DESC LIMIT ?",
                           tenantId, limit);
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<Aar> out;
    auto read = stmt->forEachRow([&](const sqlite::Statement& row) { out.push_back(aarOf(row)); });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

} // namespace souffleur::server
