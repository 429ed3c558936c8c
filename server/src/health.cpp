// Content health and sources (health.h). Health is three aggregate queries
// (the published revisions with their metadata columns, the open inbox per
// guide, the desks' events of the window per step) joined here in memory:
// no guide's XML is parsed to answer it.
#include "sql.h"

#include <souffleur/content/parser.h>
#include <souffleur/server/evidence.h>
#include <souffleur/server/health.h>
#include <souffleur/server/storage.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace souffleur::server {

using sqlite::Database;
using sqlite::Result;

namespace {

namespace chrono = std::chrono;

// "YYYY-MM-DD" (the first ten characters of an ISO time too) as a day, or nullopt.
std::optional<chrono::sys_days> dayOf(std::string_view text) {
    if (text.size() < 10)
        return std::nullopt;
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    if (std::sscanf(std::string(text.substr(0, 10)).c_str(), "%d-%u-%u", &y, &m, &d) != 3)
        return std::nullopt;
    const chrono::year_month_day date{chrono::year(y), chrono::month(m), chrono::day(d)};
    if (!date.ok())
        return std::nullopt;
    return chrono::sys_days(date);
}

std::string dateText(chrono::sys_days day) {
    const chrono::year_month_day date(day);
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return out;
}

// `day` plus whole months, on the last day of a shorter month.
chrono::sys_days addMonths(chrono::sys_days day, int months) {
    chrono::year_month_day date(day);
    date += chrono::months(months);
    if (!date.ok())
        date = chrono::year_month_day_last(date.year(), chrono::month_day_last(date.month()));
    return chrono::sys_days(date);
}

std::string percent(double rate) {
    return std::to_string(static_cast<int>(rate * 100 + 0.5)) + "%";
}

// The rank of a state: most pressing first.
std::size_t rankOf(std::string_view code) {
    const auto& states = healthStates();
    const auto found = std::ranges::find(states, code);
    return static_cast<std::size_t>(found - states.begin());
}

} // namespace

bool isCalendarDay(std::string_view text) {
    return text.size() == 10 && dayOf(text).has_value();
}

const std::vector<std::string>& healthStates() {
    static const std::vector<std::string> states = {
        "failing", "expiring", "source_changed", "review_due", "stale_feedback", "ok"};
    return states;
}

// --- Revision metadata ---------------------------------------------------------

Result<void> storeRevisionMeta(Database& db, std::int64_t tenantId, std::string_view guideId,
                               int revision, std::string_view xml) {
    std::string owner;
    std::optional<int> reviewMonths;
    std::string nextReview;
    std::string validTo;
    std::set<std::pair<std::string, std::string>> cited; // (source, step)
    if (auto guide = content::parseGuide(xml, "store")) {
        owner = guide->owner;
        if (guide->reviewMonths > 0)
            reviewMonths = guide->reviewMonths;
        nextReview = guide->nextReview;
        validTo = guide->validTo;
        for (const auto& reference : guide->references)
            if (!reference.source.empty())
                cited.emplace(reference.source, "");
        for (const auto& step : guide->steps)
            for (const auto& reference : step.references)
                if (!reference.source.empty())
                    cited.emplace(reference.source, step.id);
    }
    if (auto ok = db.execute("UPDATE revisions SET owner = ?, review_months = ?, next_review = ?, "
                             "valid_to = ?, meta = 1 WHERE tenant_id = ? AND guide_id = ? AND "
                             "revision = ?",
                             owner, reviewMonths, nextReview, validTo, tenantId, guideId, revision);
        !ok)
        return ok;
    for (const auto& [source, step] : cited) {
        if (auto ok = db.execute("INSERT OR IGNORE INTO revision_sources (tenant_id, guide_id, "
                                 "revision, source_id, step) VALUES (?, ?, ?, ?, ?)",
                                 tenantId, guideId, revision, source, step);
            !ok)
            return ok;
    }
    return {};
}

Result<std::int64_t> fillRevisionMeta(Database& db) {
    struct Row {
        std::int64_t tenantId;
        std::string guideId;
        int revision;
        std::string xml;
    };
    std::vector<Row> rows;
    auto stmt =
        db.prepare("SELECT tenant_id, guide_id, revision, xml FROM revisions WHERE meta = 0");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto read = stmt->forEachRow([&rows](const sqlite::Statement& row) {
        rows.push_back({row.columnInt(0), row.columnText(1), static_cast<int>(row.columnInt(2)),
                        row.columnText(3)});
    });
    if (!read)
        return std::unexpected(read.error());
    if (rows.empty())
        return 0;
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    for (const auto& row : rows) {
        if (auto ok = storeRevisionMeta(db, row.tenantId, row.guideId, row.revision, row.xml); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return static_cast<std::int64_t>(rows.size());
}

// --- Health ------------------------------------------------------------------

Result<std::vector<GuideHealth>> contentHealth(Database& db, std::int64_t tenantId,
                                               std::string_view today) {
    const auto now = dayOf(today);
    if (!now)
        return std::unexpected(sqlite::Error{0, "today must be YYYY-MM-DD"});

    std::vector<GuideHealth> out;
    std::unordered_map<std::string, std::size_t> index;
    auto guides = db.prepare("SELECT guide_id, title, revision, coalesce(owner, ''), "
                             "coalesce(review_months, 0), coalesce(next_review, ''), "
                             "coalesce(valid_to, ''), coalesce(reviewed_at, saved_at) "
                             "FROM revisions WHERE tenant_id = ? AND state = 'published'",
                             tenantId);
    if (!guides)
        return std::unexpected(guides.error());
    auto read = guides->forEachRow([&](const sqlite::Statement& row) {
        GuideHealth health;
        health.reviewMonths = kDefaultReviewMonths;
        health.guideId = row.columnText(0);
        health.title = row.columnText(1);
        health.revision = static_cast<int>(row.columnInt(2));
        health.owner = row.columnText(3);
        if (const auto months = row.columnInt(4); months > 0)
            health.reviewMonths = static_cast<int>(months);
        health.validTo = row.columnText(6);
        const auto approved = dayOf(row.columnText(7));
        health.lastReviewed = approved ? dateText(*approved) : std::string();
        const std::string explicitNext = row.columnText(5);
        if (!explicitNext.empty())
            health.nextReview = explicitNext;
        else if (approved)
            health.nextReview = dateText(addMonths(*approved, health.reviewMonths));
        index.emplace(health.guideId, out.size());
        out.push_back(std::move(health));
    });
    if (!read)
        return std::unexpected(read.error());

    // The open inbox per guide: feedback from the desks, and changed sources.
    auto inbox = db.prepare("SELECT guide_id, sum(kind != 'source'), "
                            "min(CASE WHEN kind != 'source' THEN created_at END), "
                            "sum(kind = 'source') FROM feedback WHERE tenant_id = ? AND "
                            "status IN ('new', 'planned') GROUP BY guide_id",
                            tenantId);
    if (!inbox)
        return std::unexpected(inbox.error());
    read = inbox->forEachRow([&](const sqlite::Statement& row) {
        const auto found = index.find(row.columnText(0));
        if (found == index.end())
            return;
        auto& health = out[found->second];
        health.openFeedback = row.columnInt(1);
        if (const auto oldest = row.columnOptionalText(2)) {
            if (const auto day = dayOf(*oldest))
                health.oldestOpenDays = (*now - *day).count();
        }
        health.sourcesChanged = row.columnInt(3);
    });
    if (!read)
        return std::unexpected(read.error());

    // The desks' records of this month and the last, per guide and step, by
    // the rule of five (evidence.h): a step's records of a cell (guide, team,
    // month) count only when kMinPeople desk accounts were shown the step
    // there; a step with records and nothing released is withheld.
    const std::string thisMonth = dateText(*now).substr(0, 7);
    const std::string from = shiftMonth(thisMonth, -(kHealthWindowMonths - 1));
    struct StepSum {
        std::int64_t shown = 0, abandoned = 0, skipped = 0, escalated = 0;
        bool released = false;
    };
    std::map<std::tuple<std::string, std::int64_t, std::string, std::string>, std::int64_t>
        stepPeople;
    auto people = db.prepare("SELECT guide_id, team_id, month, step, count(*) FROM evidence_people "
                             "WHERE tenant_id = ? AND month BETWEEN ? AND ? AND step != '' "
                             "GROUP BY guide_id, team_id, month, step",
                             tenantId, from, thisMonth);
    if (!people)
        return std::unexpected(people.error());
    read = people->forEachRow([&](const sqlite::Statement& row) {
        stepPeople[{row.columnText(0), row.columnInt(1), row.columnText(2), row.columnText(3)}] =
            row.columnInt(4);
    });
    if (!read)
        return std::unexpected(read.error());
    std::map<std::pair<std::string, std::string>, StepSum> sums;
    auto steps = db.prepare(
        "SELECT guide_id, coalesce(team_id, 0), substr(at, 1, 7), step, "
        "count(DISTINCT CASE WHEN event = 'step_shown' THEN session END), "
        "sum(event = 'abandoned'), sum(event = 'skipped'), sum(event = 'escalated') "
        "FROM events WHERE tenant_id = ? AND substr(at, 1, 7) BETWEEN ? AND ? AND "
        "step IS NOT NULL GROUP BY guide_id, coalesce(team_id, 0), substr(at, 1, 7), step",
        tenantId, from, thisMonth);
    if (!steps)
        return std::unexpected(steps.error());
    read = steps->forEachRow([&](const sqlite::Statement& row) {
        const std::string guide = row.columnText(0);
        const std::int64_t team = row.columnInt(1);
        const std::string month = row.columnText(2);
        const std::string step = row.columnText(3);
        StepSum& sum = sums[{guide, step}];
        const auto shownAt = stepPeople.find({guide, team, month, step});
        if (shownAt == stepPeople.end() || shownAt->second < kMinPeople)
            return; // withheld: fewer than kMinPeople desks were shown it in that team-month
        sum.released = true;
        sum.shown += row.columnInt(4);
        sum.abandoned += row.columnInt(5);
        sum.skipped += row.columnInt(6);
        sum.escalated += row.columnInt(7);
    });
    if (!read)
        return std::unexpected(read.error());
    for (const auto& [key, sum] : sums) {
        const auto found = index.find(key.first);
        if (found == index.end())
            continue;
        auto& health = out[found->second];
        if (!sum.released || sum.shown == 0) {
            ++health.stepsWithheld;
            continue;
        }
        const auto rate = [shown = sum.shown](std::int64_t count) {
            return std::min(1.0, static_cast<double>(count) / static_cast<double>(shown));
        };
        health.steps.push_back(
            {key.second, sum.shown, rate(sum.abandoned), rate(sum.skipped), rate(sum.escalated)});
    }

    // The reasons, and the state.
    for (auto& health : out) {
        for (const auto& step : health.steps) {
            if (step.abandonRate >= kFailingAbandonRate)
                health.reasons.push_back({"failing",
                                          "step " + step.step + " abandoned in " +
                                              percent(step.abandonRate) + " of " +
                                              std::to_string(step.sessions) + " sessions",
                                          step.step});
            else if (step.skipRate >= kFailingSkipRate)
                health.reasons.push_back({"failing",
                                          "step " + step.step + " skipped in " +
                                              percent(step.skipRate) + " of " +
                                              std::to_string(step.sessions) + " sessions",
                                          step.step});
        }
        if (const auto end = dayOf(health.validTo);
            end && *end <= *now + chrono::days(kExpiringDays))
            health.reasons.push_back(
                {"expiring",
                 *end < *now ? "expired on " + health.validTo : "valid until " + health.validTo,
                 ""});
        if (health.sourcesChanged > 0)
            health.reasons.push_back(
                {"source_changed",
                 std::to_string(health.sourcesChanged) + " cited source(s) changed: see the inbox",
                 ""});
        if (const auto next = dayOf(health.nextReview); next && *next <= *now)
            health.reasons.push_back({"review_due", "review due since " + health.nextReview, ""});
        if (health.oldestOpenDays && *health.oldestOpenDays > kStaleFeedbackDays)
            health.reasons.push_back({"stale_feedback",
                                      std::to_string(health.openFeedback) +
                                          " open feedback, the oldest " +
                                          std::to_string(*health.oldestOpenDays) + " days old",
                                      ""});
        std::ranges::stable_sort(health.reasons, {},
                                 [](const HealthReason& r) { return rankOf(r.code); });
        health.state = health.reasons.empty() ? "ok" : health.reasons.front().code;
    }
    std::ranges::sort(out, [](const GuideHealth& a, const GuideHealth& b) {
        const auto ra = rankOf(a.state);
        const auto rb = rankOf(b.state);
        return ra != rb ? ra < rb : a.title < b.title;
    });
    return out;
}

// --- Sources -----------------------------------------------------------------

Result<std::vector<Source>> listSources(Database& db, std::int64_t tenantId) {
    std::vector<Source> out;
    auto stmt = db.prepare("SELECT id, title, reference, version_date, updated_at, updated_by "
                           "FROM sources WHERE tenant_id = ? ORDER BY title COLLATE NOCASE, id",
                           tenantId);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto read = stmt->forEachRow([&out](const sqlite::Statement& row) {
        out.push_back({row.columnText(0),
                       row.columnText(1),
                       row.columnText(2),
                       row.columnText(3),
                       row.columnText(4),
                       row.columnText(5),
                       {}});
    });
    if (!read)
        return std::unexpected(read.error());
    auto cited = db.prepare("SELECT DISTINCT s.source_id, s.guide_id FROM revision_sources AS s "
                            "JOIN revisions AS r ON r.tenant_id = s.tenant_id AND r.guide_id = "
                            "s.guide_id AND r.revision = s.revision AND r.state = 'published' "
                            "WHERE s.tenant_id = ? ORDER BY s.guide_id",
                            tenantId);
    if (!cited)
        return std::unexpected(cited.error());
    read = cited->forEachRow([&out](const sqlite::Statement& row) {
        const auto found = std::ranges::find(out, row.columnText(0), &Source::id);
        if (found != out.end())
            found->citedBy.push_back(row.columnText(1));
    });
    if (!read)
        return std::unexpected(read.error());
    return out;
}

Result<SourceSaved> saveSource(Database& db, std::int64_t tenantId, const Source& source,
                               const Actor& actor) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    SourceSaved saved;
    auto previous = db.queryText("SELECT version_date FROM sources WHERE tenant_id = ? AND id = ?",
                                 tenantId, source.id);
    if (!previous)
        return std::unexpected(previous.error());
    saved.created = !previous->has_value();
    saved.newVersion = !saved.created && **previous != source.versionDate;
    if (auto ok = db.execute("INSERT INTO sources (tenant_id, id, title, reference, version_date, "
                             "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title, "
                             "reference = excluded.reference, version_date = "
                             "excluded.version_date, updated_at = excluded.updated_at, "
                             "updated_by = excluded.updated_by",
                             tenantId, source.id, source.title, source.reference,
                             source.versionDate, sql::isoNow(), actor.name);
        !ok)
        return std::unexpected(ok.error());
    if (saved.newVersion) {
        // Every guide whose published revision cites it: the steps, in order.
        struct Citing {
            std::string guideId;
            int revision = 0;
            std::string owner;
            std::vector<std::string> steps; // "" for the guide's own basis
            std::string xml;
        };
        std::vector<Citing> citing;
        auto stmt = db.prepare("SELECT r.guide_id, r.revision, coalesce(r.owner, ''), s.step, "
                               "r.xml FROM revision_sources AS s JOIN revisions AS r ON "
                               "r.tenant_id = s.tenant_id AND r.guide_id = s.guide_id AND "
                               "r.revision = s.revision AND r.state = 'published' "
                               "WHERE s.tenant_id = ? AND s.source_id = ? ORDER BY r.guide_id",
                               tenantId, source.id);
        if (!stmt)
            return std::unexpected(stmt.error());
        auto read = stmt->forEachRow([&citing](const sqlite::Statement& row) {
            if (citing.empty() || citing.back().guideId != row.columnText(0))
                citing.push_back({row.columnText(0),
                                  static_cast<int>(row.columnInt(1)),
                                  row.columnText(2),
                                  {},
                                  row.columnText(4)});
            citing.back().steps.push_back(row.columnText(3));
        });
        if (!read)
            return std::unexpected(read.error());
        for (const auto& guide : citing) {
            // "check steps 3 and 5", numbered as the published revision has them.
            std::vector<std::string> numbers;
            bool wholeGuide = false;
            if (auto parsed = content::parseGuide(guide.xml, "store")) {
                for (const auto& step : guide.steps) {
                    if (step.empty())
                        wholeGuide = true;
                    else if (const auto at = parsed->stepIndex(step))
                        numbers.push_back(std::to_string(*at + 1));
                }
            }
            std::ranges::sort(numbers, [](const std::string& a, const std::string& b) {
                return std::stoi(a) < std::stoi(b);
            });
            std::string what;
            for (std::size_t i = 0; i < numbers.size(); ++i)
                what += (i == 0 ? "" : i + 1 == numbers.size() ? " en " : ", ") + numbers[i];
            std::string text = "Bron gewijzigd: '" + source.title + "' heeft een nieuwe versie (" +
                               source.versionDate + "). Controleer ";
            text += numbers.empty() ? std::string("de grondslag van de gids")
                                    : (numbers.size() == 1 ? "stap " : "stappen ") + what;
            if (wholeGuide && !numbers.empty())
                text += " en de grondslag van de gids";
            text += ".";
            const std::string id =
                "source-" + source.id + "-" + source.versionDate + "-" + guide.guideId;
            if (auto ok =
                    db.execute("INSERT OR IGNORE INTO feedback (tenant_id, id, team_id, "
                               "guide_id, revision, step, kind, text, created_at) "
                               "VALUES (?, ?, NULL, ?, ?, NULL, 'source', ?, ?)",
                               tenantId, id, guide.guideId, guide.revision, text, sql::isoNow());
                !ok)
                return std::unexpected(ok.error());
            if (db.changes() == 0)
                continue; // this version was announced to this guide before
            saved.guidesToCheck.push_back(guide.guideId);
            if (!guide.owner.empty()) {
                auto editors = teamEditors(db, tenantId, guide.owner);
                if (!editors)
                    return std::unexpected(editors.error());
                auto notices = addNotices(db, tenantId, *editors, "source", guide.guideId,
                                          guide.revision, std::nullopt, text, actor.name);
                if (!notices)
                    return std::unexpected(notices.error());
                std::ranges::move(*notices, std::back_inserter(saved.notices));
            }
        }
    }
    if (auto ok = appendAudit(db, {tenantId, actor.name, "source",
                                   source.id + " version " + source.versionDate, actor.remote,
                                   saved.created      ? "created"
                                   : saved.newVersion ? "new_version"
                                                      : "updated"});
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return saved;
}

} // namespace souffleur::server
