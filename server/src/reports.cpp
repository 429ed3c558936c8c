// The After Action Review figures (see reports.h). The events of the guide in
// the period are read once and aggregated here; the rule of kMinSessions is
// applied before anything leaves this file.
#include <souffleur/content/parser.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/reports.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace souffleur::server {
namespace {

// The nearest-rank percentile of sorted values (p in 1..100).
std::int64_t percentile(const std::vector<std::int64_t>& sorted, int p) {
    const auto rank = (static_cast<std::size_t>(p) * sorted.size() + 99) / 100;
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}

// What the events say about one step, before the rule of kMinSessions.
struct StepTally {
    std::set<std::string> sessions;
    std::vector<std::int64_t> durations;
    StepFigures figures;
};

struct TeamTally {
    std::set<std::string> started, finished, abandoned;
};

// The WHERE clause every query of a report shares, for the table `alias`
// whose time column is `time`; its parameters are tenant, guide, from, to and
// team (NULL: no filter).
std::string filter(std::string_view alias, std::string_view time) {
    const std::string a(alias);
    const std::string day = "substr(" + a + "." + std::string(time) + ", 1, 10)";
    return a + ".tenant_id = ?1 AND " + a + ".guide_id = ?2 AND (?3 IS NULL OR " + day +
           " >= ?3) AND (?4 IS NULL OR " + day + " <= ?4) AND (?5 IS NULL OR " + a +
           ".team_id = (SELECT id FROM teams WHERE tenant_id = ?1 AND name = ?5))";
}

// The guide's step ids in document order (its published revision), to list
// the steps as the guide has them.
std::vector<std::string> stepOrder(sqlite::Database& db, std::int64_t tenantId,
                                   const std::string& guideId) {
    std::vector<std::string> order;
    auto xml = currentGuideXml(db, tenantId, guideId);
    if (!xml || !*xml)
        return order;
    if (auto guide = content::parseGuide(**xml, guideId)) {
        for (const auto& step : guide->steps)
            order.push_back(step.id);
    }
    return order;
}

} // namespace

sqlite::Result<AarReport> aarReport(sqlite::Database& db, std::int64_t tenantId,
                                    const AarQuery& query) {
    AarReport report;
    report.query = query;

    // --- the events ---
    auto events = db.prepare("SELECT e.session, e.event, e.step, e.option, e.duration_ms, "
                             "coalesce(t.name, '') FROM events AS e "
                             "LEFT JOIN teams AS t ON t.id = e.team_id WHERE " +
                                 filter("e", "at") + " ORDER BY e.rowid",
                             tenantId, query.guideId, query.from, query.to, query.team);
    if (!events)
        return std::unexpected(events.error());
    TeamTally all;
    std::map<std::string, TeamTally> teams;
    std::unordered_map<std::string, StepTally> steps;
    auto read = events->forEachRow([&](const sqlite::Statement& row) {
        const std::string session = row.columnText(0);
        const std::string event = row.columnText(1);
        const auto step = row.columnOptionalText(2);
        TeamTally& team = teams[row.columnText(5)];
        if (event == "started") {
            all.started.insert(session);
            team.started.insert(session);
        } else if (event == "finished") {
            all.finished.insert(session);
            team.finished.insert(session);
        } else if (event == "abandoned") {
            all.abandoned.insert(session);
            team.abandoned.insert(session);
        }
        if (!step)
            return;
        StepTally& tally = steps[*step];
        tally.figures.step = *step;
        if (event == "step_shown") {
            tally.sessions.insert(session);
        } else if (event == "step_done" && !row.columnIsNull(4)) {
            tally.durations.push_back(row.columnInt(4));
        } else if (event == "skipped") {
            ++tally.figures.skipped;
        } else if (event == "back") {
            ++tally.figures.back;
        } else if (event == "escalated") {
            ++tally.figures.escalated;
        } else if (event == "decision") {
            ++tally.figures.decisions[row.columnOptionalText(3).value_or("")];
        }
    });
    if (!read)
        return std::unexpected(read.error());

    // --- the feedback ---
    auto feedback =
        db.prepare("SELECT f.step, f.revision, f.kind, f.text, f.suggestion, "
                   "f.status, coalesce(t.name, '') FROM feedback AS f "
                   "LEFT JOIN teams AS t ON t.id = f.team_id WHERE " +
                       filter("f", "created_at") + " AND f.kind != 'source' ORDER BY f.rowid",
                   tenantId, query.guideId, query.from, query.to, query.team);
    if (!feedback)
        return std::unexpected(feedback.error());
    read = feedback->forEachRow([&](const sqlite::Statement& row) {
        AarFeedback item{row.columnOptionalText(0), static_cast<int>(row.columnInt(1)),
                         row.columnText(2),         row.columnText(3),
                         row.columnOptionalText(4), row.columnText(5),
                         row.columnText(6)};
        if (item.step && steps.contains(*item.step))
            ++steps[*item.step].figures.feedback[item.kind];
        report.feedback.push_back(std::move(item));
    });
    if (!read)
        return std::unexpected(read.error());

    // --- the rule: no figure for fewer than kMinSessions sessions ---
    const auto counts = [](const TeamTally& tally) {
        return SessionCounts{static_cast<std::int64_t>(tally.started.size()),
                             static_cast<std::int64_t>(tally.finished.size()),
                             static_cast<std::int64_t>(tally.abandoned.size())};
    };
    if (std::ssize(all.started) < kMinSessions)
        return report; // too few sessions: no figures at all, only the feedback
    report.sessions = counts(all);
    for (const auto& [name, tally] : teams) {
        if (std::ssize(tally.started) >= kMinSessions)
            report.teams.push_back({name.empty() ? "(no team)" : name, counts(tally)});
        else if (!tally.started.empty())
            ++report.teamsWithheld;
    }
    std::vector<std::string> order = stepOrder(db, tenantId, query.guideId);
    for (const auto& [id, tally] : steps) {
        if (std::ranges::find(order, id) == order.end())
            order.push_back(id); // steps of earlier revisions, after the current ones
    }
    for (const auto& id : order) {
        const auto found = steps.find(id);
        if (found == steps.end() || found->second.sessions.empty())
            continue;
        StepTally& tally = found->second;
        if (std::ssize(tally.sessions) < kMinSessions) {
            ++report.stepsWithheld;
            continue;
        }
        tally.figures.sessions = std::ssize(tally.sessions);
        if (!tally.durations.empty()) {
            std::ranges::sort(tally.durations);
            tally.figures.medianMs = percentile(tally.durations, 50);
            tally.figures.p90Ms = percentile(tally.durations, 90);
        }
        report.steps.push_back(std::move(tally.figures));
    }
    return report;
}

} // namespace souffleur::server
