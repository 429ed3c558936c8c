// An After Action Review as one self-contained HTML document (see aar_report.h).
#include <souffleur/report/aar_report.h>

#include <algorithm>
#include <array>

namespace souffleur::report {
namespace {

bool nl(Language language) {
    return language == Language::Dutch;
}

std::string paragraphs(const std::string& text, Language language) {
    if (text.empty())
        return std::string("<p class=\"empty\">") +
               (nl(language) ? "(nog niet ingevuld)" : "(not filled in yet)") + "</p>";
    std::string out = "<p>";
    for (const char c : text) {
        if (c == '\n')
            out += "</p><p>";
        else
            out += escape(std::string_view(&c, 1));
    }
    return out + "</p>";
}

std::string period(const std::string& from, const std::string& to, Language language) {
    if (from.empty())
        return "";
    if (from == to || to.empty())
        return monthName(from, language);
    return monthName(from, language) + " – " + monthName(to, language);
}

constexpr const char* kStyle = R"css(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a;
       max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #1f5fa8; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
.meta { color: #444; margin-top: 0; }
.question { margin: 0.8rem 0; padding: 0.4rem 0.8rem; border-left: 4px solid #1f5fa8;
            background: #f4f7fb; }
.question h3 { margin-top: 0.2rem; }
.empty { color: #6b6b6b; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
         border-bottom: 1px solid #d0d0d0; }
th { background: #eef1f5; }
figure { margin: 1rem 0; page-break-inside: avoid; }
figcaption { font-weight: bold; }
figcaption .n { font-weight: normal; color: #444; }
.description { color: #444; font-size: 0.9rem; margin: 0.1rem 0 0.3rem; }
svg { max-width: 100%; height: auto; font-family: inherit; }
.privacy { margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid #d0d0d0;
           color: #444; font-size: 0.85rem; }
)css";

std::string actionsTable(const std::vector<protocol::AarAction>& actions, Language language,
                         bool withAar) {
    std::string out = "<table><thead><tr><th scope=\"col\">";
    out += nl(language) ? "Actie" : "Action";
    out += "</th><th scope=\"col\">";
    out += nl(language) ? "Eigenaar" : "Owner";
    out += "</th><th scope=\"col\">";
    out += nl(language) ? "Uiterlijk" : "Due";
    out += "</th><th scope=\"col\">";
    out += nl(language) ? "Stand" : "State";
    out += "</th>";
    if (withAar)
        out += std::string("<th scope=\"col\">") + (nl(language) ? "Uit de AAR" : "From the AAR") +
               "</th>";
    out += "</tr></thead><tbody>";
    for (const auto& action : actions) {
        std::string about;
        if (action.guide)
            about = " <span class=\"meta\">(" + escape(*action.guide) +
                    (action.step ? " › " + escape(*action.step) : "") + ")</span>";
        out += "<tr><td>" + escape(action.text) + about + "</td><td>" + escape(action.owner) +
               "</td><td>" + escape(action.due.value_or("")) + "</td><td>" +
               escape(actionStateName(action, language)) + "</td>";
        if (withAar)
            out += "<td>" + escape(action.aarTitle) + " (" + escape(action.aarAt) + ")</td>";
        out += "</tr>";
    }
    return out + "</tbody></table>";
}

// A guide's charts (those of `charts`, all when empty) and its feedback.
std::string guideSection(const ReportInput& input, const protocol::GuideEvidence& guide,
                         const std::vector<std::string>& charts, bool feedback) {
    const Language language = input.language;
    const bool dutch = nl(language);
    std::string out;
    {
        const auto labels = input.labels.find(guide.guide);
        const GuideLabels none;
        const GuideLabels& names = labels == input.labels.end() ? none : labels->second;
        out += "<h2>" + escape(guide.title.empty() ? guide.guide : guide.title) + "</h2>";
        if (guide.sessions)
            out += "<p class=\"meta\">" + std::to_string(guide.sessions->started) +
                   (dutch ? " sessies, " : " sessions, ") +
                   std::to_string(guide.sessions->finished) +
                   (dutch ? " afgerond, " : " finished, ") +
                   std::to_string(guide.sessions->abandoned) +
                   (dutch ? " afgebroken" : " abandoned") + "</p>";
        if (guide.cellsWithheld > 0)
            out += "<p class=\"meta\">" + std::to_string(guide.cellsWithheld) +
                   (dutch ? " teammaand(en) niet meegeteld: minder dan 5 balies."
                          : " team-month(s) not counted: fewer than 5 desks.") +
                   "</p>";
        for (const auto& chart : guideCharts(guide, names, language)) {
            if (!charts.empty() && std::ranges::find(charts, chart.id) == charts.end())
                continue;
            out += "<figure id=\"" + escape(guide.guide) + "-" + chart.id + "\"><figcaption>" +
                   escape(chart.title) + " <span class=\"n\">(" + escape(chart.n) +
                   ")</span></figcaption><p class=\"description\">" + escape(chart.description) +
                   "</p>" + toSvg(chart) + "</figure>";
        }
        if (!feedback)
            return out;
        out += std::string("<h3>") +
               (dutch ? "Feedback van de balies" : "Feedback from the desks") + "</h3>";
        if (guide.feedback.empty()) {
            out += std::string("<p class=\"empty\">") +
                   (dutch ? "Geen feedback in deze periode." : "No feedback in this period.") +
                   "</p>";
        } else {
            out += std::string("<table><thead><tr><th scope=\"col\">") + (dutch ? "Stap" : "Step") +
                   "</th><th scope=\"col\">" + (dutch ? "Soort" : "Kind") +
                   "</th><th scope=\"col\">" +
                   (dutch ? "Wat de balie schreef" : "What the desk wrote") +
                   "</th><th scope=\"col\">Team</th></tr></thead><tbody>";
            for (const auto& item : guide.feedback)
                out += "<tr><td>" + escape(item.step.value_or("")) + "</td><td>" +
                       escape(feedbackKindName(item.kind, language)) + "</td><td>" +
                       escape(item.text) +
                       (item.suggestion ? "<br/><em>" + escape(*item.suggestion) + "</em>" : "") +
                       "</td><td>" + escape(item.team) + "</td></tr>";
            out += "</tbody></table>";
        }
    }
    return out;
}

std::string logbookSection(const ReportInput& input) {
    const Language language = input.language;
    const bool dutch = nl(language);
    const auto& evidence = input.evidence;
    std::string out;
    if (!evidence.team.empty()) {
        out +=
            std::string("<h2>") + (dutch ? "Logboek van het team" : "The team's logbook") + "</h2>";
        if (evidence.logbook.empty()) {
            out += std::string("<p class=\"empty\">") +
                   (dutch ? "Geen logboek in deze periode." : "No logbook in this period.") +
                   "</p>";
        } else {
            out += "<table><tbody>";
            for (const auto& entry : evidence.logbook)
                out += "<tr><td>" + escape(entry.at.substr(0, 10)) + "</td><td>" +
                       escape(entry.guide ? *entry.guide + (entry.step ? " › " + *entry.step : "")
                                          : std::string()) +
                       "</td><td>" + escape(entry.text) + "</td></tr>";
            out += "</tbody></table>";
        }
    }
    return out;
}

std::string head(const std::string& title, Language language, bool large) {
    return std::string("<!DOCTYPE html>\n<html lang=\"") + (nl(language) ? "nl" : "en") +
           "\"><head><meta charset=\"utf-8\"/>"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; img-src data:\"/>"
           "<meta name=\"generator\" content=\"Souffleur\"/><title>" +
           escape(title) + "</title><style>" + kStyle +
           (large ? "body { font-size: 1.35rem; max-width: none; } svg { width: 100%; }" : "") +
           "</style></head><body>";
}

std::string privacyNote(const ReportInput& input) {
    const bool dutch = nl(input.language);
    std::string out = "<p class=\"privacy\">";
    out += dutch ? "Deze cijfers gaan over gidsen en teams, nooit over personen: elk cijfer telt "
                   "alleen mee als er in die teammaand minstens " +
                       std::to_string(input.evidence.minPeople) +
                       " verschillende balies achter zitten. Bedoeld om van te leren, niet om "
                       "iemand te beoordelen."
                 : "These figures are about guides and teams, never about people: a figure "
                   "counts only when at least " +
                       std::to_string(input.evidence.minPeople) +
                       " different desks are behind it in that team-month. Meant for learning, "
                       "never to assess anyone.";
    if (!input.generatedAt.empty())
        out += (dutch ? " Gemaakt op " : " Made on ") + escape(input.generatedAt) + ".";
    return out + "</p>";
}

} // namespace

std::string questionTitle(int index, Language language) {
    static constexpr std::array<const char*, 4> kDutch = {
        "Wat had er moeten gebeuren?", "Wat is er gebeurd?", "Waarom was er verschil?",
        "Wat doen we voortaan beter?"};
    static constexpr std::array<const char*, 4> kEnglish = {
        "What was supposed to happen?", "What happened?", "Why was there a difference?",
        "What do we do better from now on?"};
    const auto i = static_cast<std::size_t>(std::clamp(index, 0, 3));
    return nl(language) ? kDutch[i] : kEnglish[i];
}

std::string actionStateName(const protocol::AarAction& action, Language language) {
    const bool dutch = nl(language);
    if (action.inboxStatus && *action.inboxStatus != "new") {
        const auto& status = *action.inboxStatus;
        if (status == "planned")
            return dutch ? "gepland door de redactie" : "planned by the editors";
        if (status == "applied")
            return dutch ? "verwerkt in de gids" +
                               (action.inboxRevision
                                    ? " (revisie " + std::to_string(*action.inboxRevision) + ")"
                                    : std::string())
                         : "applied to the guide" +
                               (action.inboxRevision
                                    ? " (revision " + std::to_string(*action.inboxRevision) + ")"
                                    : std::string());
        if (status == "declined")
            return (dutch ? "afgewezen door de redactie" : "declined by the editors") +
                   (action.inboxReason ? ": " + *action.inboxReason : std::string());
        if (status == "duplicate")
            return dutch ? "al bekend bij de redactie" : "already known to the editors";
    }
    if (action.state == "doing")
        return dutch ? "bezig" : "in progress";
    if (action.state == "done")
        return dutch ? "gedaan" : "done";
    if (action.state == "dropped")
        return dutch ? "vervallen" : "dropped";
    if (action.feedbackId)
        return dutch ? "open, in de inbox van de redactie" : "open, in the editors' inbox";
    return dutch ? "open" : "open";
}

std::string feedbackKindName(const std::string& kind, Language language) {
    const bool dutch = nl(language);
    if (kind == "wrong")
        return dutch ? "klopt niet" : "wrong";
    if (kind == "unclear")
        return dutch ? "onduidelijk" : "unclear";
    if (kind == "outdated")
        return dutch ? "verouderd" : "outdated";
    if (kind == "tip")
        return "tip";
    return kind;
}

std::string reportTitle(const ReportInput& input) {
    if (input.aar && !input.aar->title.empty())
        return input.aar->title;
    const bool dutch = nl(input.language);
    return (dutch ? "Bewijs voor de AAR" : "Evidence for the AAR") +
           (input.evidence.team.empty() ? std::string() : ": " + input.evidence.team);
}

std::string reportHtml(const ReportInput& input) {
    const Language language = input.language;
    const bool dutch = nl(language);
    const auto& evidence = input.evidence;
    std::string out = head(reportTitle(input), language, false);
    out += "<h1>" + escape(reportTitle(input)) + "</h1><p class=\"meta\">";
    std::string team = input.aar ? input.aar->team : evidence.team;
    std::string from = input.aar ? input.aar->from : evidence.from;
    std::string to = input.aar ? input.aar->to : evidence.to;
    if (!team.empty())
        out += escape(team) + " · ";
    out += (dutch ? "periode " : "period ") + escape(period(from, to, language));
    if (input.aar) {
        out += " · " + std::string(dutch ? "bijeenkomst " : "meeting ") + escape(input.aar->at);
        out += " · " + std::string(input.aar->state == "final" ? (dutch ? "afgesloten" : "closed")
                                                               : (dutch ? "concept" : "draft"));
    }
    out += "</p>";

    if (input.aar) {
        const auto& aar = *input.aar;
        out += std::string("<h2>") + (dutch ? "De vier vragen" : "The four questions") + "</h2>";
        const std::array<const std::string*, 4> answers = {&aar.expected, &aar.happened, &aar.why,
                                                           &aar.improve};
        for (int i = 0; i < 4; ++i)
            out += "<section class=\"question\"><h3>" + escape(questionTitle(i, language)) +
                   "</h3>" + paragraphs(*answers[static_cast<std::size_t>(i)], language) +
                   "</section>";
        out += std::string("<h2>") + (dutch ? "Acties" : "Actions") + "</h2>";
        if (aar.actions.empty())
            out += std::string("<p class=\"empty\">") +
                   (dutch ? "Geen acties afgesproken." : "No actions agreed.") + "</p>";
        else
            out += actionsTable(aar.actions, language, false);
        if (!aar.lesson.empty()) {
            out += std::string("<h2>") +
                   (dutch ? "Les voor andere teams" : "Lesson for other teams") + "</h2>" +
                   paragraphs(aar.lesson, language);
            if (aar.shared)
                out += std::string("<p class=\"meta\">") +
                       (dutch ? "Gedeeld met de andere teams." : "Shared with the other teams.") +
                       "</p>";
        }
    }
    std::vector<protocol::AarAction> carried;
    for (const auto& action : evidence.openActions) {
        if (!input.aar || action.aarId != input.aar->id)
            carried.push_back(action);
    }
    if (!carried.empty()) {
        out += std::string("<h2>") +
               (dutch ? "Open acties van eerdere AAR's" : "Open actions of earlier AARs") +
               "</h2>" + actionsTable(carried, language, true);
    }

    for (const auto& guide : evidence.guides)
        out += guideSection(input, guide, {}, true);
    out += logbookSection(input);
    out += privacyNote(input);
    out += "</body></html>\n";
    return out;
}

} // namespace souffleur::report

namespace souffleur::report {

std::string evidenceHtml(const ReportInput& input, int question, bool large) {
    const bool dutch = nl(input.language);
    std::string out = head(reportTitle(input), input.language, large);
    // What each question looks at; all of it without one.
    static const std::array<std::vector<std::string>, 4> kCharts = {{
        {"funnel", "decisions"},
        {"funnel", "problems", "trend"},
        {"time", "problems", "decisions"},
        {"trend", "alerts"},
    }};
    std::vector<std::string> charts;
    if (question >= 0 && question < 4)
        charts = kCharts[static_cast<std::size_t>(question)];
    std::vector<protocol::AarAction> open;
    for (const auto& action : input.evidence.openActions) {
        if (!input.aar || action.aarId != input.aar->id)
            open.push_back(action);
    }
    if ((question < 0 || question == 3) && !open.empty())
        out += std::string("<h2>") +
               (dutch ? "Open acties van eerdere AAR's" : "Open actions of earlier AARs") +
               "</h2>" + actionsTable(open, input.language, true);
    for (const auto& guide : input.evidence.guides)
        out += guideSection(input, guide, charts, question < 0 || question == 2);
    if (question < 0 || question == 2)
        out += logbookSection(input);
    if (input.evidence.guides.empty())
        out += std::string("<p class=\"empty\">") +
               (dutch ? "Kies een of meer gidsen en een periode."
                      : "Choose one or more guides and a period.") +
               "</p>";
    out += privacyNote(input) + "</body></html>\n";
    return out;
}

} // namespace souffleur::report
