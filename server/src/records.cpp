// Record batches on the store (see records.h): one store function per record
// type, in a table by type name, so a new record type is a row here and in
// the protocol's table (content/protocol/src/records.cpp). Each function
// stores all records of its type in the batch with one prepared statement.
#include "sql.h"

#include <souffleur/server/evidence.h>
#include <souffleur/server/records.h>
#include <souffleur/server/retention.h>
#include <souffleur/server/storage.h>
#include <souffleur/server/xapi.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <span>

namespace souffleur::server {
namespace {

using sqlite::Database;
using sqlite::Result;
using Records = std::span<const protocol::Record* const>;

// The first month whose records the tenant keeps (retention.h): records of
// months before it are not stored (they would be deleted anyway).
Result<std::string> keptFrom(Database& db, const Identity& who) {
    auto months = retentionMonths(db, who.tenantId);
    if (!months)
        return std::unexpected(months.error());
    return retentionCutoff(currentMonth(), *months);
}

bool keptAt(std::string_view at, const std::string& cutoff) {
    return at.substr(0, 7) >= cutoff;
}

// Events, and the people counted behind their cells (evidence.h).
Result<void> storeEvents(Database& db, const Identity& who, Records all) {
    auto cutoff = keptFrom(db, who);
    if (!cutoff)
        return std::unexpected(cutoff.error());
    std::vector<const protocol::Record*> events;
    std::ranges::copy_if(all, std::back_inserter(events), [&](const protocol::Record* event) {
        return keptAt(event->text("at"), *cutoff);
    });
    if (auto ok = countPeople(db, who, events); !ok)
        return ok;
    auto stmt = db.prepare("INSERT OR IGNORE INTO events (tenant_id, id, team_id, session, "
                           "guide_id, revision, event, step, option, at, duration_ms) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return std::unexpected(stmt.error());
    for (const auto* event : events) {
        stmt->reset().bindAll(who.tenantId, event->text("id"), who.teamId, event->text("session"),
                              event->text("guide"), event->integer("revision"),
                              event->text("event"), event->optionalText("step"),
                              event->optionalText("option"), event->text("at"),
                              event->optionalInteger("duration_ms"));
        if (auto ok = stmt->run(); !ok)
            return ok;
    }
    return {};
}

Result<void> storeFeedback(Database& db, const Identity& who, Records feedback) {
    auto stmt = db.prepare("INSERT OR IGNORE INTO feedback (tenant_id, id, team_id, guide_id, "
                           "revision, step, kind, text, suggestion, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return std::unexpected(stmt.error());
    const std::string now = sql::isoNow();
    for (const auto* item : feedback) {
        stmt->reset().bindAll(who.tenantId, item->text("id"), who.teamId, item->text("guide"),
                              item->integer("revision"), item->optionalText("step"),
                              item->text("kind"), item->text("text"),
                              item->optionalText("suggestion"), now);
        if (auto ok = stmt->run(); !ok)
            return ok;
    }
    return {};
}

// Acknowledgements are kept per desk account (to count desks per team, never
// to show who); a second acknowledgement of the same revision is ignored.
Result<void> storeAcks(Database& db, const Identity& who, Records acks) {
    auto cutoff = keptFrom(db, who);
    if (!cutoff)
        return std::unexpected(cutoff.error());
    auto stmt = db.prepare("INSERT OR IGNORE INTO alert_acks (tenant_id, alert_id, revision, "
                           "account_id, team_id, at) VALUES (?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return std::unexpected(stmt.error());
    for (const auto* ack : acks) {
        if (!keptAt(ack->text("at"), *cutoff))
            continue;
        stmt->reset().bindAll(who.tenantId, ack->text("alert"), ack->integer("revision"),
                              who.accountId, who.teamId, ack->text("at"));
        if (auto ok = stmt->run(); !ok)
            return ok;
    }
    return {};
}

// Logbook entries and AAR records belong to the sender's team (applyRecords
// refuses them from an account without one); the account is kept for the
// audit only. A record whose id is stored already is ignored (and so are the
// actions of an AAR record sent again).
Result<void> storeLogbook(Database& db, const Identity& who, Records entries) {
    auto cutoff = keptFrom(db, who);
    if (!cutoff)
        return std::unexpected(cutoff.error());
    auto stmt = db.prepare("INSERT OR IGNORE INTO logbook (tenant_id, id, team_id, account_id, at, "
                           "text, guide_id, step, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return std::unexpected(stmt.error());
    const std::string now = sql::isoNow();
    for (const auto* entry : entries) {
        if (!keptAt(entry->text("at"), *cutoff))
            continue;
        stmt->reset().bindAll(who.tenantId, entry->text("id"), who.teamId, who.accountId,
                              entry->text("at"), entry->text("text"), entry->optionalText("guide"),
                              entry->optionalText("step"), now);
        if (auto ok = stmt->run(); !ok)
            return ok;
    }
    return {};
}

Result<void> storeAars(Database& db, const Identity& who, Records aars) {
    auto record = db.prepare(
        "INSERT OR IGNORE INTO aar_records (tenant_id, id, team_id, account_id, at, guide_id, "
        "period_from, period_to, expected, happened, why, improve, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!record)
        return std::unexpected(record.error());
    auto action = db.prepare("INSERT INTO aar_actions (tenant_id, aar_id, position, text, "
                             "guide_id, step) VALUES (?, ?, ?, ?, ?, ?)");
    if (!action)
        return std::unexpected(action.error());
    const std::string now = sql::isoNow();
    for (const auto* aar : aars) {
        record->reset().bindAll(who.tenantId, aar->text("id"), who.teamId, who.accountId,
                                aar->text("at"), aar->optionalText("guide"),
                                aar->optionalText("from"), aar->optionalText("to"),
                                aar->text("expected"), aar->text("happened"), aar->text("why"),
                                aar->text("improve"), now);
        if (auto ok = record->run(); !ok)
            return ok;
        if (db.changes() == 0)
            continue; // stored before
        std::int64_t position = 0;
        for (const auto& item : aar->items("actions")) {
            const auto& fields = item.as_object();
            action->reset().bindAll(
                who.tenantId, aar->text("id"), position++,
                protocol::optionalText(fields, "text").value_or(std::string_view()),
                protocol::optionalText(fields, "guide"), protocol::optionalText(fields, "step"));
            if (auto ok = action->run(); !ok)
                return ok;
        }
    }
    return {};
}

// A desk that cannot show a guide or alert yet (a newer format): kept per desk
// account and item, the newest report, for IT (`admin updates`).
Result<void> storeUpdatesNeeded(Database& db, const Identity& who, Records reports) {
    auto stmt = db.prepare(
        "INSERT INTO updates_needed (tenant_id, account_id, team_id, kind, item_id, revision, "
        "format, reads, desk_version, at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (tenant_id, account_id, kind, item_id) DO UPDATE SET "
        "revision = excluded.revision, format = excluded.format, reads = excluded.reads, "
        "desk_version = excluded.desk_version, at = excluded.at, "
        "received_at = excluded.received_at WHERE excluded.revision >= updates_needed.revision");
    if (!stmt)
        return std::unexpected(stmt.error());
    const std::string now = sql::isoNow();
    for (const auto* report : reports) {
        stmt->reset().bindAll(who.tenantId, who.accountId, who.teamId, report->text("kind"),
                              report->text("item"), report->integer("revision"),
                              report->integer("format"), report->integer("reads"),
                              report->optionalText("desk"), report->text("at"), now);
        if (auto ok = stmt->run(); !ok)
            return ok;
    }
    return {};
}

// Where each record type goes: one row per type of the protocol's table.
using StoreFunction = Result<void> (*)(Database&, const Identity&, Records);
constexpr std::array<std::pair<std::string_view, StoreFunction>, 6> kStores = {{
    {"event", storeEvents},
    {"feedback", storeFeedback},
    {"ack", storeAcks},
    {"logbook", storeLogbook},
    {"aar", storeAars},
    {"update_needed", storeUpdatesNeeded},
}};

StoreFunction storeFor(std::string_view type) {
    const auto found =
        std::ranges::find(kStores, type, &std::pair<std::string_view, StoreFunction>::first);
    return found == kStores.end() ? nullptr : found->second;
}

std::string teamlessMessage(std::size_t index, std::string_view type) {
    return "records[" + std::to_string(index) + "]: a \"" + std::string(type) +
           "\" record belongs to the sender's team, and this account has none";
}

// The records refused last time, as stored with the client's last batch.
std::vector<protocol::RefusedRecord> refusedFrom(const std::optional<std::string>& stored) {
    if (!stored)
        return {};
    const auto answer = protocol::parseAnswer(*stored);
    return answer ? answer->refused : std::vector<protocol::RefusedRecord>{};
}

} // namespace

Result<std::expected<protocol::BatchAnswer, std::string>>
applyRecords(Database& db, const Identity& who, const protocol::Batch& batch,
             const CheckedRecords& records, std::vector<NoticeOut>* notified) {
    using Outcome = std::expected<protocol::BatchAnswer, std::string>;
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    // Keyed by the account too: another account's client with the same id
    // has numbers of its own and cannot touch this one's.
    auto stored = db.queryInt("SELECT last_batch FROM clients "
                              "WHERE tenant_id = ? AND account_id = ? AND client_id = ?",
                              who.tenantId, who.accountId, batch.clientId);
    if (!stored)
        return std::unexpected(stored.error());
    const std::int64_t last = stored->value_or(0);
    if (batch.number <= last) {
        // A retry: already applied; the transaction rolls back empty.
        protocol::BatchAnswer answer{batch.number, {}};
        if (batch.protocol >= 2) {
            auto earlier = db.queryText("SELECT answer FROM batch_answers WHERE tenant_id = ? "
                                        "AND account_id = ? AND client_id = ? AND batch = ?",
                                        who.tenantId, who.accountId, batch.clientId, batch.number);
            if (!earlier)
                return std::unexpected(earlier.error());
            answer.refused = refusedFrom(*earlier);
        }
        return Outcome(std::move(answer));
    }
    if (batch.number - last > protocol::kMaxBatchStep)
        return Outcome(std::unexpected("batch " + std::to_string(batch.number) +
                                       " is out of range: this client's last batch is " +
                                       std::to_string(last) + ", and a batch may run at most " +
                                       std::to_string(protocol::kMaxBatchStep) + " ahead of it"));

    // Sorted by type, in batch order within each: one statement per type.
    protocol::BatchAnswer answer{batch.number, {}};
    std::map<std::string_view, std::vector<const protocol::Record*>> byType;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& record = records[i];
        std::string problem;
        if (!record)
            problem = record.error().message;
        else if (record->spec->teamRecord && !who.teamId)
            problem = teamlessMessage(i, record->type());
        else if (!storeFor(record->type()))
            problem = "records[" + std::to_string(i) + "]: this server cannot store \"" +
                      std::string(record->type()) + "\" records";
        if (problem.empty()) {
            byType[record->type()].push_back(&*record);
            continue;
        }
        if (batch.protocol < 2)
            return Outcome(std::unexpected(std::move(problem))); // all or nothing
        answer.refused.push_back(
            {i, record ? std::string(record->text("id")) : record.error().recordId,
             std::move(problem)});
    }
    auto feedbackBefore = db.queryInt(
        "SELECT coalesce(max(rowid), 0) FROM feedback WHERE tenant_id = ?", who.tenantId);
    if (!feedbackBefore)
        return std::unexpected(feedbackBefore.error());
    auto cutoff = keptFrom(db, who);
    if (!cutoff)
        return std::unexpected(cutoff.error());
    for (const auto& [type, group] : byType) {
        if (auto ok = storeFor(type)(db, who, group); !ok)
            return std::unexpected(ok.error());
        // To the organisation's LRS, when it has one (xapi.h): what is kept only.
        std::vector<const protocol::Record*> kept;
        std::ranges::copy_if(group, std::back_inserter(kept), [&](const protocol::Record* r) {
            return !r->optionalText("at") || keptAt(r->text("at"), *cutoff);
        });
        if (auto ok = queueRecordStatements(db, who, kept); !ok)
            return std::unexpected(ok.error());
    }
    // New feedback tells the editors of the guide's owner team (review_store.h).
    auto notices = noticeFeedback(db, who.tenantId, feedbackBefore->value_or(0));
    if (!notices)
        return std::unexpected(notices.error());
    if (notified)
        *notified = std::move(*notices);
    if (auto ok = db.execute("INSERT INTO clients (tenant_id, account_id, client_id, last_batch) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, account_id, client_id) "
                             "DO UPDATE SET last_batch = excluded.last_batch",
                             who.tenantId, who.accountId, batch.clientId, batch.number);
        !ok)
        return std::unexpected(ok.error());
    if (!answer.refused.empty()) {
        if (auto ok = db.execute(
                "INSERT OR REPLACE INTO batch_answers (tenant_id, account_id, client_id, batch, "
                "answer) VALUES (?, ?, ?, ?, ?)",
                who.tenantId, who.accountId, batch.clientId, batch.number,
                boost::json::serialize(protocol::answerJson(answer)));
            !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return Outcome(std::move(answer));
}

Result<std::vector<UpdateNeeded>> listUpdatesNeeded(Database& db, std::int64_t tenantId, int days) {
    auto stmt = db.prepare(
        "SELECT a.name, coalesce(t.name, ''), u.kind, u.item_id, u.revision, u.format, u.reads, "
        "coalesce(u.desk_version, ''), u.at FROM updates_needed AS u "
        "JOIN accounts AS a ON a.id = u.account_id LEFT JOIN teams AS t ON t.id = u.team_id "
        "WHERE u.tenant_id = ? AND u.received_at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?) "
        "ORDER BY u.received_at DESC, a.name",
        tenantId, "-" + std::to_string(days) + " days");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<UpdateNeeded> out;
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0), row.columnText(1), row.columnText(2), row.columnText(3),
                       static_cast<int>(row.columnInt(4)), static_cast<int>(row.columnInt(5)),
                       static_cast<int>(row.columnInt(6)), row.columnText(7), row.columnText(8)});
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

} // namespace souffleur::server
