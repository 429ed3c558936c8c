// The evidence for After Action Reviews (see evidence.h): the cells of a
// guide from its records and its reduced months, the rule of kMinPeople per
// cell, and the sums a query asks for. Nothing leaves this file unreleased.
#include <souffleur/content/parser.h>
#include <souffleur/server/auth.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/evidence.h>

#include <boost/json/parse.hpp>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

namespace souffleur::server {
namespace {

constexpr int kSubSecondBins = 10; // 0..999 ms in steps of 100 ms
constexpr double kBinGrowth = 1.05;
constexpr std::size_t kMaxFeedbackListed = 500;

// What the events of one cell say, before the rule.
struct CellTally {
    std::set<std::string> started, finished, abandoned;
    std::map<std::string, std::set<std::string>> shown; // step -> sessions
    Cell cell;
};

std::string cellKey(std::int64_t team, const std::string& month) {
    return std::to_string(team) + "/" + month;
}

std::map<std::string, std::int64_t> tallyOf(const std::string& json) {
    std::map<std::string, std::int64_t> out;
    boost::system::error_code error;
    const auto value = boost::json::parse(json, error);
    if (error || !value.is_object())
        return out;
    for (const auto& [key, count] : value.as_object()) {
        if (count.is_int64())
            out[std::string(key)] = count.as_int64();
    }
    return out;
}

void addTally(std::map<std::string, std::int64_t>& into,
              const std::map<std::string, std::int64_t>& from) {
    for (const auto& [key, count] : from)
        into[key] += count;
}

void addCounts(SessionCounts& into, const Cell& cell) {
    into.started += cell.started;
    into.finished += cell.finished;
    into.abandoned += cell.abandoned;
}

// The guide's step ids in document order (its published revision).
std::vector<std::string> stepOrder(sqlite::Database& db, std::int64_t tenantId,
                                   const std::string& guideId, std::string* title) {
    std::vector<std::string> order;
    auto xml = currentGuideXml(db, tenantId, guideId);
    if (!xml || !*xml)
        return order;
    if (auto guide = content::parseGuide(**xml, guideId)) {
        *title = guide->title;
        for (const auto& step : guide->steps)
            order.push_back(step.id);
    }
    return order;
}

} // namespace

// --- Durations --------------------------------------------------------------

int Durations::binOf(std::int64_t ms) {
    if (ms < 1000)
        return static_cast<int>(std::max<std::int64_t>(ms, 0) / 100);
    return kSubSecondBins + static_cast<int>(std::floor(std::log(static_cast<double>(ms) / 1000.0) /
                                                        std::log(kBinGrowth)));
}

std::int64_t Durations::valueOf(int bin) {
    if (bin < kSubSecondBins)
        return bin * 100 + 50;
    return std::llround(1000.0 * std::pow(kBinGrowth, bin - kSubSecondBins + 0.5));
}

void Durations::merge(const Durations& other) {
    m_exact.insert(m_exact.end(), other.m_exact.begin(), other.m_exact.end());
    for (const auto& [bin, count] : other.m_bins)
        m_bins[bin] += count;
}

std::map<int, std::int64_t> Durations::bins() const {
    auto out = m_bins;
    for (const auto ms : m_exact)
        ++out[binOf(ms)];
    return out;
}

std::optional<std::int64_t> Durations::percentile(int p) const {
    if (empty())
        return std::nullopt;
    if (m_bins.empty()) {
        auto sorted = m_exact;
        std::ranges::sort(sorted);
        const auto rank = (static_cast<std::size_t>(p) * sorted.size() + 99) / 100;
        return sorted[std::max<std::size_t>(rank, 1) - 1];
    }
    const auto all = bins();
    std::int64_t total = 0;
    for (const auto& [bin, count] : all)
        total += count;
    const auto rank = std::max<std::int64_t>((p * total + 99) / 100, 1);
    std::int64_t seen = 0;
    for (const auto& [bin, count] : all) {
        seen += count;
        if (seen >= rank)
            return valueOf(bin);
    }
    return valueOf(all.rbegin()->first);
}

// --- Months -------------------------------------------------------------------

std::optional<std::string> monthOf(std::string_view text) {
    const auto digits = [](std::string_view part) {
        return std::ranges::all_of(part, [](char c) { return c >= '0' && c <= '9'; });
    };
    if ((text.size() != 7 && !protocol::isIsoDate(text)) || text.size() < 7 || text[4] != '-' ||
        !digits(text.substr(0, 4)) || !digits(text.substr(5, 2)))
        return std::nullopt;
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    if (month < 1 || month > 12)
        return std::nullopt;
    return std::string(text.substr(0, 7));
}

std::string shiftMonth(std::string_view month, int count) {
    const int year = std::stoi(std::string(month.substr(0, 4)));
    const int index = year * 12 + std::stoi(std::string(month.substr(5, 2))) - 1 + count;
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d", index / 12, index % 12 + 1);
    return out;
}

std::string currentMonth() {
    const std::chrono::year_month_day today(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u", static_cast<int>(today.year()),
                  static_cast<unsigned>(today.month()));
    return out;
}

// --- People -------------------------------------------------------------------

sqlite::Result<void> countPeople(sqlite::Database& db, const Identity& who,
                                 std::span<const protocol::Record* const> events) {
    auto key = db.queryText("SELECT value FROM store_meta WHERE key = 'pseudonym_key'");
    if (!key)
        return std::unexpected(key.error());
    if (!*key)
        return std::unexpected(sqlite::Error{0, "the store has no pseudonym key"});
    auto stmt = db.prepare("INSERT OR IGNORE INTO evidence_people (tenant_id, guide_id, month, "
                           "team_id, step, pseudonym) VALUES (?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::map<std::string, std::string> pseudonyms; // per month: 16 bytes
    for (const auto* event : events) {
        const auto kind = event->text("event");
        const auto step = event->optionalText("step");
        if (kind != "started" && !(kind == "step_shown" && step))
            continue;
        // A timestamp begins "YYYY-MM-DD" (validated with the record).
        const auto month = monthOf(event->text("at").substr(0, 7));
        if (!month)
            continue;
        auto& pseudonym = pseudonyms[*month];
        if (pseudonym.empty()) {
            const std::string message =
                std::to_string(who.tenantId) + ":" + std::to_string(who.accountId) + ":" + *month;
            std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
            unsigned int size = 0;
            HMAC(EVP_sha256(), (*key)->data(), static_cast<int>((*key)->size()),
                 reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                 digest.data(), &size);
            pseudonym.assign(reinterpret_cast<const char*>(digest.data()),
                             std::min<std::size_t>(size, 16));
        }
        stmt->reset().bindAll(
            who.tenantId, event->text("guide"), *month, who.teamId.value_or(kNoTeam),
            kind == "started" ? std::string_view() : *step, sqlite::Blob{pseudonym});
        if (auto ok = stmt->run(); !ok)
            return ok;
    }
    return {};
}

// --- Cells --------------------------------------------------------------------

sqlite::Result<std::vector<Cell>> guideCells(sqlite::Database& db, std::int64_t tenantId,
                                             const std::string& guideId, const std::string& from,
                                             const std::string& to,
                                             std::optional<std::int64_t> team) {
    std::map<std::string, CellTally> tallies;
    const auto tallyFor = [&tallies](std::int64_t teamId, const std::string& month) -> CellTally& {
        auto& tally = tallies[cellKey(teamId, month)];
        tally.cell.team = teamId;
        tally.cell.month = month;
        return tally;
    };

    // The records.
    auto events = db.prepare(
        "SELECT coalesce(team_id, 0), substr(at, 1, 7), session, event, step, option, "
        "duration_ms FROM events WHERE tenant_id = ?1 AND guide_id = ?2 AND "
        "substr(at, 1, 7) BETWEEN ?3 AND ?4 AND (?5 IS NULL OR coalesce(team_id, 0) = ?5)",
        tenantId, guideId, from, to, team);
    if (!events)
        return std::unexpected(events.error());
    auto read = events->forEachRow([&](const sqlite::Statement& row) {
        CellTally& tally = tallyFor(row.columnInt(0), row.columnText(1));
        const std::string session = row.columnText(2);
        const std::string event = row.columnText(3);
        if (event == "started")
            tally.started.insert(session);
        else if (event == "finished")
            tally.finished.insert(session);
        else if (event == "abandoned")
            tally.abandoned.insert(session);
        const auto step = row.columnOptionalText(4);
        if (!step)
            return;
        StepCell& cell = tally.cell.steps[*step];
        // The time on a step ends when it is done or a choice is made on it.
        if ((event == "step_done" || event == "decision") && !row.columnIsNull(6))
            cell.durations.add(row.columnInt(6));
        if (event == "step_shown")
            tally.shown[*step].insert(session);
        else if (event == "skipped")
            ++cell.skipped;
        else if (event == "back")
            ++cell.back;
        else if (event == "escalated")
            ++cell.escalated;
        else if (event == "decision")
            ++cell.decisions[row.columnOptionalText(5).value_or("")];
    });
    if (!read)
        return std::unexpected(read.error());
    for (auto& [key, tally] : tallies) {
        tally.cell.started = std::ssize(tally.started);
        tally.cell.finished = std::ssize(tally.finished);
        tally.cell.abandoned = std::ssize(tally.abandoned);
        for (const auto& [step, sessions] : tally.shown)
            tally.cell.steps[step].sessions = std::ssize(sessions);
    }

    // The people behind them.
    auto people = db.prepare("SELECT team_id, month, step, count(*) FROM evidence_people "
                             "WHERE tenant_id = ?1 AND guide_id = ?2 AND month BETWEEN ?3 AND ?4 "
                             "AND (?5 IS NULL OR team_id = ?5) GROUP BY team_id, month, step",
                             tenantId, guideId, from, to, team);
    if (!people)
        return std::unexpected(people.error());
    read = people->forEachRow([&](const sqlite::Statement& row) {
        CellTally& tally = tallyFor(row.columnInt(0), row.columnText(1));
        const std::string step = row.columnText(2);
        if (step.empty())
            tally.cell.people = row.columnInt(3);
        else
            tally.cell.steps[step].people = row.columnInt(3);
    });
    if (!read)
        return std::unexpected(read.error());

    // The months reduced to aggregates (retention.h), added to what is left.
    auto reduced = db.prepare(
        "SELECT team_id, month, step, people, sessions, finished, abandoned, skipped, back, "
        "escalated, durations, decisions FROM evidence_months WHERE tenant_id = ?1 AND "
        "guide_id = ?2 AND month BETWEEN ?3 AND ?4 AND (?5 IS NULL OR team_id = ?5)",
        tenantId, guideId, from, to, team);
    if (!reduced)
        return std::unexpected(reduced.error());
    read = reduced->forEachRow([&](const sqlite::Statement& row) {
        Cell& cell = tallyFor(row.columnInt(0), row.columnText(1)).cell;
        const std::string step = row.columnText(2);
        if (step.empty()) {
            cell.people = std::max(cell.people, row.columnInt(3));
            cell.started += row.columnInt(4);
            cell.finished += row.columnInt(5);
            cell.abandoned += row.columnInt(6);
            return;
        }
        StepCell& figures = cell.steps[step];
        figures.people = std::max(figures.people, row.columnInt(3));
        figures.sessions += row.columnInt(4);
        figures.skipped += row.columnInt(7);
        figures.back += row.columnInt(8);
        figures.escalated += row.columnInt(9);
        for (const auto& [bin, count] : tallyOf(row.columnText(10)))
            figures.durations.addBin(std::stoi(bin), count);
        addTally(figures.decisions, tallyOf(row.columnText(11)));
    });
    if (!read)
        return std::unexpected(read.error());

    std::vector<Cell> out;
    for (auto& [key, tally] : tallies)
        out.push_back(std::move(tally.cell));
    return out;
}

// --- The evidence of a query ----------------------------------------------

namespace {

sqlite::Result<std::map<std::int64_t, std::string>> teamNames(sqlite::Database& db,
                                                              std::int64_t tenantId) {
    std::map<std::int64_t, std::string> names{{kNoTeam, "(no team)"}};
    auto stmt = db.prepare("SELECT id, name FROM teams WHERE tenant_id = ?", tenantId);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto read = stmt->forEachRow(
        [&](const sqlite::Statement& row) { names[row.columnInt(0)] = row.columnText(1); });
    if (!read)
        return std::unexpected(read.error());
    return names;
}

sqlite::Result<void> addPublications(sqlite::Database& db, std::int64_t tenantId,
                                     const std::string& from, const std::string& to,
                                     GuideEvidence& out) {
    auto stmt = db.prepare(
        "SELECT revision, substr(coalesce(reviewed_at, saved_at), 1, 10), "
        "coalesce(change_note, '') FROM revisions WHERE tenant_id = ?1 AND guide_id = ?2 AND "
        "state IN ('published', 'superseded', 'retired') AND "
        "substr(coalesce(reviewed_at, saved_at), 1, 7) BETWEEN ?3 AND ?4 ORDER BY revision",
        tenantId, out.guide, from, to);
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->forEachRow([&](const sqlite::Statement& row) {
        out.published.push_back(
            {static_cast<int>(row.columnInt(0)), row.columnText(1), row.columnText(2)});
    });
}

// The alerts attached to the guide (their newest revision), and how many desk
// accounts acknowledged them over the period, per team-month of kMinPeople or more.
sqlite::Result<void> addAlerts(sqlite::Database& db, std::int64_t tenantId,
                               const EvidenceQuery& query, GuideEvidence& out) {
    auto alerts = db.prepare("SELECT a.id, a.title, a.xml FROM alerts AS a WHERE a.tenant_id = ?1 "
                             "AND a.revision = (SELECT max(revision) FROM alerts "
                             "WHERE tenant_id = a.tenant_id AND id = a.id) ORDER BY a.id",
                             tenantId);
    if (!alerts)
        return std::unexpected(alerts.error());
    std::vector<std::pair<std::string, std::string>> attached;
    auto read = alerts->forEachRow([&](const sqlite::Statement& row) {
        const auto alert = content::parseAlert(row.columnText(2), row.columnText(0));
        if (!alert)
            return;
        if (std::ranges::any_of(alert->attachments,
                                [&](const auto& a) { return a.guide == out.guide; }))
            attached.emplace_back(row.columnText(0), row.columnText(1));
    });
    if (!read)
        return std::unexpected(read.error());
    auto acks = db.prepare("SELECT count(DISTINCT account_id) AS n FROM alert_acks "
                           "WHERE tenant_id = ?1 AND alert_id = ?2 AND substr(at, 1, 7) "
                           "BETWEEN ?3 AND ?4 AND (?5 IS NULL OR coalesce(team_id, 0) = ?5) "
                           "GROUP BY coalesce(team_id, 0), substr(at, 1, 7)");
    if (!acks)
        return std::unexpected(acks.error());
    for (auto& [id, title] : attached) {
        AlertFigure figure{id, title, std::nullopt};
        acks->reset().bindAll(tenantId, id, query.from, query.to, query.teamId);
        read = acks->forEachRow([&](const sqlite::Statement& row) {
            if (row.columnInt(0) >= kMinPeople)
                figure.acknowledged = figure.acknowledged.value_or(0) + row.columnInt(0);
        });
        if (!read)
            return std::unexpected(read.error());
        out.alerts.push_back(std::move(figure));
    }
    return {};
}

sqlite::Result<void> addFeedback(sqlite::Database& db, std::int64_t tenantId,
                                 const EvidenceQuery& query, GuideEvidence& out) {
    auto stmt = db.prepare(
        "SELECT f.id, f.step, f.revision, f.kind, f.text, f.suggestion, f.status, "
        "coalesce(t.name, ''), f.created_at FROM feedback AS f LEFT JOIN teams AS t "
        "ON t.id = f.team_id WHERE f.tenant_id = ?1 AND f.guide_id = ?2 AND "
        "substr(f.created_at, 1, 7) BETWEEN ?3 AND ?4 AND "
        "(?5 IS NULL OR coalesce(f.team_id, 0) = ?5) AND f.kind NOT IN ('source', 'action') "
        "ORDER BY f.rowid LIMIT ?6",
        tenantId, out.guide, query.from, query.to, query.teamId,
        static_cast<std::int64_t>(kMaxFeedbackListed));
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->forEachRow([&](const sqlite::Statement& row) {
        out.feedback.push_back({row.columnText(0), row.columnOptionalText(1),
                                static_cast<int>(row.columnInt(2)), row.columnText(3),
                                row.columnText(4), row.columnOptionalText(5), row.columnText(6),
                                row.columnText(7), row.columnText(8)});
    });
}

} // namespace

sqlite::Result<EvidenceReport> evidence(sqlite::Database& db, std::int64_t tenantId,
                                        const EvidenceQuery& query) {
    EvidenceReport out;
    out.query = query;
    out.trendFrom = std::min(query.from, shiftMonth(query.to, 1 - std::max(query.trendMonths, 1)));
    auto names = teamNames(db, tenantId);
    if (!names)
        return std::unexpected(names.error());

    for (const auto& guideId : query.guides) {
        GuideEvidence guide;
        guide.guide = guideId;
        auto cells = guideCells(db, tenantId, guideId, out.trendFrom, query.to, query.teamId);
        if (!cells)
            return std::unexpected(cells.error());

        // The trend: every month, the released cells of it.
        std::map<std::string, TrendPoint> trend;
        for (auto month = out.trendFrom; month <= query.to; month = shiftMonth(month, 1))
            trend[month].month = month;
        // The period: sums of the released cells and their released steps.
        SessionCounts sessions;
        bool anyReleased = false;
        std::map<std::int64_t, std::pair<SessionCounts, bool>> teams; // released?
        std::map<std::string, StepCell> steps;
        std::set<std::string> stepsSeen;
        for (const auto& cell : *cells) {
            const bool inPeriod = cell.month >= query.from;
            const bool hasRecords = cell.started > 0 || !cell.steps.empty();
            if (inPeriod && hasRecords) {
                auto& team = teams[cell.team];
                if (cell.people >= kMinPeople) {
                    addCounts(team.first, cell);
                    team.second = true;
                }
                for (const auto& [step, figures] : cell.steps) {
                    if (figures.sessions > 0)
                        stepsSeen.insert(step);
                }
            }
            if (cell.people < kMinPeople) {
                if (inPeriod && hasRecords)
                    ++guide.cellsWithheld;
                continue;
            }
            TrendPoint& point = trend[cell.month];
            if (!point.sessions)
                point.sessions = SessionCounts{};
            addCounts(*point.sessions, cell);
            if (inPeriod) {
                addCounts(sessions, cell);
                anyReleased = true;
            }
            for (const auto& [step, figures] : cell.steps) {
                if (figures.people < kMinPeople)
                    continue;
                point.skipped += figures.skipped;
                point.back += figures.back;
                point.escalated += figures.escalated;
                if (!inPeriod)
                    continue;
                StepCell& sum = steps[step];
                sum.sessions += figures.sessions;
                sum.skipped += figures.skipped;
                sum.back += figures.back;
                sum.escalated += figures.escalated;
                sum.durations.merge(figures.durations);
                addTally(sum.decisions, figures.decisions);
            }
        }
        if (anyReleased)
            guide.sessions = sessions;
        for (auto& [month, point] : trend)
            guide.trend.push_back(std::move(point));
        if (!query.teamId) {
            for (const auto& [team, figures] : teams) {
                if (figures.second)
                    guide.teams.push_back(
                        {names->contains(team) ? names->at(team) : "", figures.first});
                else
                    ++guide.teamsWithheld;
            }
        }

        // The steps in the guide's order, then those of earlier revisions.
        std::vector<std::string> order = stepOrder(db, tenantId, guideId, &guide.title);
        for (const auto& step : stepsSeen) {
            if (std::ranges::find(order, step) == order.end())
                order.push_back(step);
        }
        for (const auto& step : order) {
            const auto found = steps.find(step);
            if (found == steps.end()) {
                if (stepsSeen.contains(step))
                    ++guide.stepsWithheld;
                continue;
            }
            const StepCell& sum = found->second;
            guide.steps.push_back({step, sum.sessions, sum.durations.percentile(50),
                                   sum.durations.percentile(90), sum.skipped, sum.back,
                                   sum.escalated, sum.decisions});
        }

        if (auto ok = addPublications(db, tenantId, out.trendFrom, query.to, guide); !ok)
            return std::unexpected(ok.error());
        if (auto ok = addAlerts(db, tenantId, query, guide); !ok)
            return std::unexpected(ok.error());
        if (auto ok = addFeedback(db, tenantId, query, guide); !ok)
            return std::unexpected(ok.error());
        out.guides.push_back(std::move(guide));
    }
    return out;
}

} // namespace souffleur::server
