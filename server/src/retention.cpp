// Retention (see retention.h): the months before an organisation's cutoff
// reduced to the aggregates of their cells, and their records deleted.
#include "sql.h"

#include <souffleur/server/evidence.h>
#include <souffleur/server/log.h>
#include <souffleur/server/retention.h>
#include <souffleur/server/storage.h>

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace souffleur::server {
namespace {

constexpr std::string_view kEarliestMonth = "0000-01";

std::string tallyJson(const std::map<std::string, std::int64_t>& tally) {
    boost::json::object out;
    for (const auto& [key, count] : tally)
        out[key] = count;
    return boost::json::serialize(out);
}

std::string binsJson(const Durations& durations) {
    boost::json::object out;
    for (const auto& [bin, count] : durations.bins())
        out[std::to_string(bin)] = count;
    return boost::json::serialize(out);
}

// The cells of every guide with records before `cutoff`, written as
// aggregates (replacing those months' earlier aggregates, which the cells
// already include).
sqlite::Result<std::int64_t> reduceCells(sqlite::Database& db, std::int64_t tenantId,
                                         const std::string& cutoff) {
    auto guides = db.prepare("SELECT DISTINCT guide_id FROM events WHERE tenant_id = ?1 AND "
                             "substr(at, 1, 7) < ?2 UNION SELECT DISTINCT guide_id FROM "
                             "evidence_people WHERE tenant_id = ?1 AND month < ?2",
                             tenantId, cutoff);
    if (!guides)
        return std::unexpected(guides.error());
    std::vector<std::string> ids;
    auto read =
        guides->forEachRow([&](const sqlite::Statement& row) { ids.push_back(row.columnText(0)); });
    if (!read)
        return std::unexpected(read.error());
    auto insert = db.prepare(
        "INSERT OR REPLACE INTO evidence_months (tenant_id, guide_id, month, team_id, step, "
        "people, sessions, finished, abandoned, skipped, back, escalated, durations, decisions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    const std::string last = shiftMonth(cutoff, -1);
    std::int64_t count = 0;
    for (const auto& guide : ids) {
        auto cells =
            guideCells(db, tenantId, guide, std::string(kEarliestMonth), last, std::nullopt);
        if (!cells)
            return std::unexpected(cells.error());
        for (const auto& cell : *cells) {
            insert->reset().bindAll(tenantId, guide, cell.month, cell.team, "", cell.people,
                                    cell.started, cell.finished, cell.abandoned, 0, 0, 0, "{}",
                                    "{}");
            if (auto ok = insert->run(); !ok)
                return std::unexpected(ok.error());
            for (const auto& [step, figures] : cell.steps) {
                insert->reset().bindAll(tenantId, guide, cell.month, cell.team, step,
                                        figures.people, figures.sessions, 0, 0, figures.skipped,
                                        figures.back, figures.escalated,
                                        binsJson(figures.durations), tallyJson(figures.decisions));
                if (auto ok = insert->run(); !ok)
                    return std::unexpected(ok.error());
            }
            ++count;
        }
    }
    return count;
}

} // namespace

sqlite::Result<int> retentionMonths(sqlite::Database& db, std::int64_t tenantId) {
    auto months =
        db.queryInt("SELECT retention_months FROM tenant_settings WHERE tenant_id = ?", tenantId);
    if (!months)
        return std::unexpected(months.error());
    return static_cast<int>(months->value_or(kDefaultRetentionMonths));
}

sqlite::Result<void> setRetentionMonths(sqlite::Database& db, std::int64_t tenantId, int months) {
    return db.execute("INSERT INTO tenant_settings (tenant_id, retention_months) VALUES (?, ?) "
                      "ON CONFLICT (tenant_id) DO UPDATE SET retention_months = "
                      "excluded.retention_months",
                      tenantId, std::clamp(months, 1, kMaxRetentionMonths));
}

std::string retentionCutoff(const std::string& month, int retentionMonths) {
    return shiftMonth(month, -retentionMonths);
}

sqlite::Result<RetentionOutcome> applyRetention(sqlite::Database& db, std::int64_t tenantId,
                                                const std::string& month) {
    auto months = retentionMonths(db, tenantId);
    if (!months)
        return std::unexpected(months.error());
    RetentionOutcome out;
    out.cutoff = retentionCutoff(month, *months);
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto cells = reduceCells(db, tenantId, out.cutoff);
    if (!cells)
        return std::unexpected(cells.error());
    out.cells = *cells;
    const auto remove = [&](std::string_view sql, std::int64_t& count) -> sqlite::Result<void> {
        if (auto ok = db.execute(sql, tenantId, out.cutoff); !ok)
            return ok;
        count = db.changes();
        return {};
    };
    for (const auto& [sql, count] :
         std::initializer_list<std::pair<std::string_view, std::int64_t*>>{
             {"DELETE FROM events WHERE tenant_id = ?1 AND substr(at, 1, 7) < ?2", &out.events},
             {"DELETE FROM evidence_people WHERE tenant_id = ?1 AND month < ?2", &out.people},
             {"DELETE FROM logbook WHERE tenant_id = ?1 AND substr(at, 1, 7) < ?2", &out.logbook},
             {"DELETE FROM feedback WHERE tenant_id = ?1 AND substr(created_at, 1, 7) < ?2 AND "
              "status IN ('applied', 'declined', 'duplicate') AND id NOT IN (SELECT "
              "feedback_id FROM aar_actions WHERE tenant_id = ?1 AND feedback_id IS NOT NULL)",
              &out.feedback},
             {"DELETE FROM alert_acks WHERE tenant_id = ?1 AND substr(at, 1, 7) < ?2",
              &out.acknowledgements},
             // Statements still waiting for the LRS (xAPI off, or parked): not past it either.
             {"DELETE FROM xapi_queue WHERE tenant_id = ?1 AND substr(created_at, 1, 7) < ?2",
              &out.statements}}) {
        if (auto ok = remove(sql, *count); !ok)
            return std::unexpected(ok.error());
    }
    const bool changed =
        out.cells + out.events + out.people + out.logbook + out.feedback + out.acknowledgements > 0;
    if (!changed)
        return out; // nothing to reduce: no audit row (the transaction rolls back empty)
    const std::string summary = "before " + out.cutoff + ": " + std::to_string(out.cells) +
                                " cells reduced, " + std::to_string(out.events) + " events, " +
                                std::to_string(out.logbook) + " logbook entries, " +
                                std::to_string(out.feedback) + " handled feedback, " +
                                std::to_string(out.acknowledgements) + " acknowledgements deleted";
    if (auto ok = appendAudit(db, {tenantId, "server", "retention", summary, "", "applied"}); !ok)
        return std::unexpected(ok.error());
    if (auto ok = db.execute("INSERT INTO tenant_settings (tenant_id, retention_ran_at) "
                             "VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE SET "
                             "retention_ran_at = excluded.retention_ran_at",
                             tenantId, sql::isoNow());
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return out;
}

sqlite::Result<void> applyRetentionEverywhere(sqlite::Database& db) {
    auto tenants = listTenants(db);
    if (!tenants)
        return std::unexpected(tenants.error());
    const std::string month = currentMonth();
    for (const auto& tenant : *tenants) {
        auto outcome = applyRetention(db, tenant.id, month);
        if (!outcome)
            return std::unexpected(outcome.error());
        if (outcome->cells + outcome->events + outcome->logbook + outcome->feedback +
                outcome->acknowledgements >
            0)
            logLine("retention applied", {{"tenant", tenant.name},
                                          {"before", outcome->cutoff},
                                          {"cells_reduced", outcome->cells},
                                          {"events", outcome->events},
                                          {"logbook", outcome->logbook},
                                          {"feedback", outcome->feedback},
                                          {"acknowledgements", outcome->acknowledgements}});
    }
    return {};
}

} // namespace souffleur::server
