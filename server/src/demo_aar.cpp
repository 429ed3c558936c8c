// The demo's After Action Review material (demo_aar.h): four months of the
// two desk teams working through the identity check, six desks each, so that
// every figure has enough people behind it; Balie Noord's rise in
// escalations at the control questions two months ago, its AAR of last
// month with an action in the guide's inbox, its logbook, and the look-alike
// alert acknowledged at its desks.
#include "demo_aar.h"

#include <souffleur/content/parser.h>
#include <souffleur/server/aar_store.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/evidence.h>
#include <souffleur/server/records.h>
#include <souffleur/server/storage.h>

#include <boost/json/array.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace souffleur::server {
namespace {

constexpr const char* kGuide = "nl.burgerzaken.identiteit-vaststellen";
constexpr const char* kAlert = "nl.alert.look-alike-2026-11";
constexpr int kDesksPerTeam = 6;
constexpr int kMonths = 4; // this month and the three before it

// A small deterministic generator: the same demo on every machine.
class Dice {
public:
    explicit Dice(std::uint32_t seed)
        : m_state(seed) {}
    // 0..99
    int roll() {
        m_state = m_state * 1664525U + 1013904223U;
        return static_cast<int>((m_state >> 16) % 100);
    }
    // low..high
    int between(int low, int high) { return low + roll() * (high - low + 1) / 100; }

private:
    std::uint32_t m_state;
};

std::string stamp(const std::string& month, int day, int minute) {
    char out[32];
    std::snprintf(out, sizeof out, "%s-%02dT%02d:%02d:00Z", month.c_str(), day, 8 + minute / 60,
                  minute % 60);
    return out;
}

sqlite::Result<std::optional<Identity>> desk(sqlite::Database& db, std::int64_t tenantId,
                                             const std::string& name, const char* team) {
    auto account = findAccount(db, tenantId, name);
    if (!account)
        return std::unexpected(account.error());
    auto teamId = findTeam(db, tenantId, team);
    if (!teamId)
        return std::unexpected(teamId.error());
    if (!*account || !*teamId)
        return std::optional<Identity>();
    return std::optional(Identity{**account, tenantId, *teamId, name, Role::Desk, std::string()});
}

sqlite::Result<void> send(sqlite::Database& db, const Identity& who, std::int64_t number,
                          boost::json::array records) {
    protocol::Batch batch{"demo-seed-aar", number, 2, std::move(records)};
    auto checked = protocol::validateRecords(std::move(batch.records));
    auto applied = applyRecords(db, who, batch, checked);
    if (!applied)
        return std::unexpected(applied.error());
    return {};
}

// One session through the guide, as the desk's step engine records it.
// `doubt` is the chance (in %) that the employee doubts the face and goes to
// the control questions, `escalate` that the doubt remains there.
void session(boost::json::array& out, const content::Guide& guide, int revision,
             const std::string& id, const std::string& month, int day, int minute, Dice& dice,
             int doubt, int escalate) {
    int n = 0;
    int clock = minute;
    const auto event = [&](const char* name, const std::string& step,
                           std::optional<std::string> option = {},
                           std::optional<std::int64_t> ms = {}) {
        boost::json::object record{{"type", "event"},      {"id", id + "-" + std::to_string(++n)},
                                   {"session", id},        {"guide", guide.id},
                                   {"revision", revision}, {"event", name},
                                   {"step", step},         {"at", stamp(month, day, clock)}};
        if (option)
            record["option"] = *option;
        if (ms)
            record["duration_ms"] = *ms;
        out.push_back(std::move(record));
    };
    std::string step = guide.steps.front().id;
    event("started", step);
    for (int visited = 0; visited < 12; ++visited) {
        const auto* current = guide.findStep(step);
        if (!current)
            return;
        event("step_shown", step);
        const std::int64_t ms =
            1000LL * dice.between(8, 40) + (step == "controlevragen" ? 45000 : 0);
        clock += 1;
        if (dice.roll() < 2) {
            event("abandoned", step);
            return;
        }
        if (step == "echtheid" && dice.roll() < 8) {
            event("back", step, std::nullopt, ms / 2);
            step = "gezicht";
            continue;
        }
        if (current->options.empty()) {
            event("step_done", step, std::nullopt, ms);
            const auto index = *guide.stepIndex(step);
            if (current->ends || index + 1 == guide.steps.size()) {
                event("finished", step);
                return;
            }
            step = guide.steps[index + 1].id;
            continue;
        }
        // The first option is the usual way; the second the doubt or the problem.
        int chance = 3;
        if (step == "gezicht")
            chance = doubt;
        else if (step == "controlevragen")
            chance = escalate;
        const std::size_t choice = dice.roll() < chance ? 1 : 0;
        const auto& target = current->options[std::min(choice, current->options.size() - 1)].target;
        event("decision", step, target, ms);
        if (target == "escalatie")
            event("escalated", step);
        step = target;
    }
}

} // namespace

sqlite::Result<void> seedAarDemo(sqlite::Database& db, std::int64_t tenantId) {
    auto xml = currentGuideXml(db, tenantId, kGuide);
    if (!xml)
        return std::unexpected(xml.error());
    if (!*xml)
        return {}; // a demo over another library
    auto guide = content::parseGuide(**xml, kGuide);
    if (!guide)
        return {};
    const std::chrono::year_month_day today(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    const int daysSoFar = static_cast<int>(static_cast<unsigned>(today.day()));
    const std::string thisMonth = currentMonth();

    struct TeamStory {
        const char* team;
        const char* prefix;
        std::array<int, kMonths> doubt; // oldest month first
        std::array<int, kMonths> escalate;
    };
    // Balie Noord doubted more two months ago (a new look-alike pattern) and
    // escalated most of those doubts; after its AAR it asks the control
    // questions better. Balie Zuid works steadily.
    const std::array<TeamStory, 2> stories = {{
        {"Balie Noord", "balie-noord-", {12, 30, 22, 14}, {30, 55, 35, 20}},
        {"Balie Zuid", "balie-zuid-", {12, 14, 12, 13}, {30, 28, 30, 27}},
    }};
    Dice dice(20261204);
    for (const auto& story : stories) {
        for (int d = 1; d <= kDesksPerTeam; ++d) {
            auto who = desk(db, tenantId, story.prefix + std::to_string(d), story.team);
            if (!who)
                return std::unexpected(who.error());
            if (!*who)
                continue;
            boost::json::array records;
            for (int m = 0; m < kMonths; ++m) {
                const std::string month = shiftMonth(thisMonth, m - (kMonths - 1));
                const int days = month == thisMonth ? std::max(daysSoFar, 1) : 28;
                const int sessions = dice.between(5, 8) * days / 28 + 1;
                for (int s = 0; s < sessions; ++s) {
                    const std::string id = std::string("demo-") + story.prefix + std::to_string(d) +
                                           "-" + month + "-" + std::to_string(s);
                    session(records, *guide, guide->revision, id, month, 1 + (s * 3 + d) % days,
                            (s * 37 + d * 11) % 480, dice, story.doubt[static_cast<std::size_t>(m)],
                            story.escalate[static_cast<std::size_t>(m)]);
                }
            }
            // The look-alike alert, acknowledged at Balie Noord's desks (and four of Zuid's).
            if (std::string_view(story.team) == "Balie Noord" || d <= 4)
                records.push_back(boost::json::object{
                    {"type", "ack"},
                    {"id", std::string("demo-ack-") + story.prefix + std::to_string(d)},
                    {"alert", kAlert},
                    {"revision", 1},
                    {"at", stamp(thisMonth, 1, d)}});
            if (auto ok = send(db, **who, 1, std::move(records)); !ok)
                return ok;
        }
    }

    // Balie Noord's logbook.
    auto noord = desk(db, tenantId, "balie-noord-2", "Balie Noord");
    if (!noord)
        return std::unexpected(noord.error());
    if (*noord) {
        boost::json::array entries;
        const std::array<std::pair<const char*, const char*>, 3> notes = {{
            {"Drie keer deze week een look-alike vermoed bij jonge mannen met een ID-kaart van een "
             "broer; steeds goed afgelopen met de controlevragen.",
             "controlevragen"},
            {"UV-lamp bij balie 4 geeft een zwak beeld; tijdelijk de lamp van balie 2 gebruiken.",
             "echtheid"},
            {"Nieuwe collega ingewerkt op de identiteitscontrole; vond de stap gezicht helder.",
             "gezicht"},
        }};
        for (std::size_t i = 0; i < notes.size(); ++i) {
            boost::json::object entry{{"type", "logbook"},
                                      {"id", "demo-logboek-" + std::to_string(i + 1)},
                                      {"at", stamp(i == 0 ? shiftMonth(thisMonth, -1) : thisMonth,
                                                   1 + static_cast<int>(i), 30)},
                                      {"text", notes[i].first},
                                      {"guide", kGuide},
                                      {"step", notes[i].second}};
            entries.push_back(std::move(entry));
        }
        if (auto ok = send(db, **noord, 2, std::move(entries)); !ok)
            return ok;
    }

    // Balie Noord's AAR of last month, with an action still open in the inbox.
    auto team = findTeam(db, tenantId, "Balie Noord");
    auto lead = findAccount(db, tenantId, "teamleider-noord");
    if (!team || !lead)
        return std::unexpected(!team ? team.error() : lead.error());
    if (!*team || !*lead)
        return {};
    const Actor facilitator{"teamleider-noord", "local"};
    const std::string lastMonth = shiftMonth(thisMonth, -1);
    auto aar = createAar(db, tenantId,
                         {**team, **lead, "Twijfel bij het gezicht", lastMonth + "-05",
                          std::vector<std::string>{kGuide}, shiftMonth(thisMonth, -2),
                          shiftMonth(thisMonth, -2)},
                         facilitator);
    if (!aar)
        return std::unexpected(aar.error());
    AarUpdate answers;
    answers.expected = "Bij twijfel over het gezicht stellen we controlevragen en ronden we "
                       "daarna gewoon af; escalatie is voor echte vermoedens.";
    answers.happened = "Meer twijfel dan anders na het bericht over look-alikes, en meer dan "
                       "de helft van de twijfels werd een escalatie.";
    answers.why = "De controlevragen in de gids zijn algemeen; collega's wisten niet welke "
                  "vragen een look-alike ontmaskeren, dus escaleerden ze voor de zekerheid.";
    answers.improve = "Voorbeeldvragen bij de stap controlevragen; in het werkoverleg de "
                      "look-alike-casus oefenen.";
    answers.lesson = "Bij een nieuw fraudepatroon: geef de balie concrete controlevragen, niet "
                     "alleen een waarschuwing.";
    answers.shared = true;
    answers.state = "final";
    if (auto ok = updateAar(db, tenantId, aar->id, answers, facilitator); !ok)
        return std::unexpected(ok.error());
    if (auto ok =
            addAction(db, tenantId, aar->id,
                      {"Voeg drie voorbeeldvragen toe die een look-alike ontmaskeren.", "Redactie",
                       lastMonth + "-28", std::string(kGuide), std::string("controlevragen")},
                      facilitator);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = addAction(db, tenantId, aar->id,
                            {"Look-alike-casus oefenen in het werkoverleg.", "Teamleider",
                             thisMonth + "-15", std::nullopt, std::nullopt},
                            facilitator);
        !ok)
        return std::unexpected(ok.error());
    return {};
}

} // namespace souffleur::server
