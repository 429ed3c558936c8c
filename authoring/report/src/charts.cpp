// The charts of an After Action Review (see charts.h).
#include <souffleur/report/charts.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace souffleur::report {
namespace {

constexpr double kWidth = 640;
constexpr double kLabelRight = 226; // labels end here (right-aligned)
constexpr double kBarLeft = 234;
constexpr double kBarWidth = 300;
constexpr double kRow = 22;
constexpr double kTop = 8;

constexpr const char* kBlue = "#1f5fa8";
constexpr const char* kRed = "#b42318";
constexpr const char* kOrange = "#a35200";
constexpr const char* kGrey = "#6b6b6b";
constexpr const char* kInk = "#1a1a1a";
constexpr const char* kRule = "#d0d0d0";

bool nl(Language language) {
    return language == Language::Dutch;
}

std::string number(std::int64_t value) {
    return std::to_string(value);
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

// At most `limit` characters (code points), with an ellipsis.
std::string shortened(std::string_view text, std::size_t limit) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U && ++count > limit)
            return std::string(text.substr(0, i)) + "…";
    }
    return std::string(text);
}

Shape rect(double x, double y, double w, double h, const char* fill) {
    Shape s;
    s.kind = Shape::Kind::Rect;
    s.x = x;
    s.y = y;
    s.w = std::max(w, 0.0);
    s.h = h;
    s.fill = fill;
    return s;
}

Shape line(double x1, double y1, double x2, double y2, const char* stroke, double width = 1,
           bool dashed = false) {
    Shape s;
    s.kind = Shape::Kind::Line;
    s.x = x1;
    s.y = y1;
    s.w = x2;
    s.h = y2;
    s.stroke = stroke;
    s.strokeWidth = width;
    s.dashed = dashed;
    return s;
}

Shape text(double x, double y, std::string content, Shape::Anchor anchor = Shape::Anchor::Start,
           double size = 11, bool bold = false, const char* fill = kInk) {
    Shape s;
    s.kind = Shape::Kind::Text;
    s.x = x;
    s.y = y;
    s.text = std::move(content);
    s.anchor = anchor;
    s.size = size;
    s.bold = bold;
    s.fill = fill;
    return s;
}

// A drawing that says there is nothing to show, and why.
Drawing empty(Drawing drawing, std::string why) {
    drawing.height = 30;
    drawing.shapes.push_back(text(0, 18, std::move(why), Shape::Anchor::Start, 11, false, kGrey));
    return drawing;
}

std::string stepLabel(const GuideLabels& labels, const std::string& step) {
    const auto found = labels.stepLabel.find(step);
    return shortened(found == labels.stepLabel.end() ? step : found->second, 26);
}

std::string withheldLine(Language language) {
    return nl(language) ? "Geen cijfers: minder dan 5 balies per teammaand in deze periode."
                        : "No figures: fewer than 5 desks per team-month in this period.";
}

Drawing funnel(const protocol::GuideEvidence& e, const GuideLabels& labels, Language language) {
    Drawing d;
    d.id = "funnel";
    d.title = nl(language) ? "Sessies door de stappen" : "Sessions through the steps";
    const auto started = e.sessions ? e.sessions->started : 0;
    d.n = (nl(language) ? "n = " + number(started) + " sessies"
                        : "n = " + number(started) + " sessions");
    d.description = nl(language) ? "Per stap hoeveel sessies de stap lieten zien, als deel van "
                                   "de gestarte sessies."
                                 : "For each step, how many sessions showed it, as a share of "
                                   "the sessions started.";
    if (!e.sessions || e.steps.empty())
        return empty(d, withheldLine(language));
    std::int64_t top = started;
    for (const auto& step : e.steps)
        top = std::max(top, step.sessions);
    double y = kTop;
    const auto row = [&](const std::string& label, std::int64_t value, const char* colour) {
        d.shapes.push_back(text(kLabelRight, y + 14, label, Shape::Anchor::End));
        const double w =
            top > 0 ? kBarWidth * static_cast<double>(value) / static_cast<double>(top) : 0;
        d.shapes.push_back(rect(kBarLeft, y + 3, w, kRow - 6, colour));
        d.shapes.push_back(text(
            kBarLeft + w + 6, y + 14,
            number(value) +
                (started > 0
                     ? " (" + percent(static_cast<double>(value) / static_cast<double>(started)) +
                           ")"
                     : "")));
        y += kRow;
    };
    row(nl(language) ? "gestart" : "started", started, kGrey);
    for (const auto& step : e.steps)
        row(stepLabel(labels, step.step), step.sessions, kBlue);
    row(nl(language) ? "afgerond" : "finished", e.sessions->finished, kGrey);
    if (e.stepsWithheld > 0) {
        d.shapes.push_back(text(0, y + 14,
                                number(e.stepsWithheld) +
                                    (nl(language) ? " stap(pen) niet getoond: minder dan 5 balies"
                                                  : " step(s) not shown: fewer than 5 desks"),
                                Shape::Anchor::Start, 10, false, kGrey));
        y += kRow;
    }
    d.height = y + kTop;
    return d;
}

Drawing timePerStep(const protocol::GuideEvidence& e, const GuideLabels& labels,
                    Language language) {
    Drawing d;
    d.id = "time";
    d.title = nl(language) ? "Tijd per stap" : "Time per step";
    d.description = nl(language) ? "Balk: de mediaan (de helft is sneller); lijn tot het streepje: "
                                   "p90 (9 van de 10 zijn sneller)."
                                 : "Bar: the median (half are faster); line to the tick: p90 (9 "
                                   "in 10 are faster).";
    std::int64_t top = 0;
    std::int64_t n = 0;
    for (const auto& step : e.steps) {
        top = std::max(top, step.p90Ms.value_or(step.medianMs.value_or(0)));
        n = std::max(n, step.sessions);
    }
    d.n = nl(language) ? "per stap: de sessies die hem lieten zien (tot " + number(n) + ")"
                       : "per step: the sessions that showed it (up to " + number(n) + ")";
    if (top == 0)
        return empty(d, withheldLine(language));
    double y = kTop;
    for (const auto& step : e.steps) {
        if (!step.medianMs)
            continue;
        // The longest line ends at 60%: its words fit beside it.
        const auto scale = [&](std::int64_t ms) {
            return kBarWidth * 0.6 * static_cast<double>(ms) / static_cast<double>(top);
        };
        d.shapes.push_back(
            text(kLabelRight, y + 14, stepLabel(labels, step.step), Shape::Anchor::End));
        const double median = scale(*step.medianMs);
        d.shapes.push_back(rect(kBarLeft, y + 4, median, kRow - 8, kBlue));
        std::string value = formatDuration(*step.medianMs);
        double end = kBarLeft + median;
        if (step.p90Ms) {
            const double p90 = kBarLeft + scale(*step.p90Ms);
            d.shapes.push_back(line(kBarLeft + median, y + kRow / 2, p90, y + kRow / 2, kInk, 1.5));
            d.shapes.push_back(line(p90, y + 5, p90, y + kRow - 5, kInk, 1.5));
            value += " · p90 " + formatDuration(*step.p90Ms);
            end = p90;
        }
        d.shapes.push_back(text(end + 6, y + 14, value));
        y += kRow;
    }
    d.height = y + kTop;
    return d;
}

Drawing problems(const protocol::GuideEvidence& e, const GuideLabels& labels, Language language) {
    Drawing d;
    d.id = "problems";
    d.title = nl(language) ? "Overgeslagen, terug en escalaties per stap"
                           : "Skips, back-steps and escalations per step";
    d.description = nl(language) ? "Per stap: hoe vaak hij werd overgeslagen (grijs), hoe vaak "
                                   "men terugging (oranje) en hoe vaak er werd geëscaleerd (rood)."
                                 : "Per step: how often it was skipped (grey), gone back from "
                                   "(orange) and escalated (red).";
    std::int64_t total = 0;
    std::int64_t top = 0;
    for (const auto& step : e.steps) {
        total += step.skipped + step.back + step.escalated;
        top = std::max(top, step.skipped + step.back + step.escalated);
    }
    d.n = nl(language) ? "n = " + number(e.sessions ? e.sessions->started : 0) + " sessies"
                       : "n = " + number(e.sessions ? e.sessions->started : 0) + " sessions";
    if (total == 0)
        return empty(d, e.sessions ? (nl(language) ? "Niets overgeslagen, geen stap terug, geen "
                                                     "escalatie."
                                                   : "Nothing skipped, no step back, no "
                                                     "escalation.")
                                   : withheldLine(language));
    double y = kTop;
    for (const auto& step : e.steps) {
        const auto sum = step.skipped + step.back + step.escalated;
        if (sum == 0)
            continue;
        d.shapes.push_back(
            text(kLabelRight, y + 14, stepLabel(labels, step.step), Shape::Anchor::End));
        double x = kBarLeft;
        const auto part = [&](std::int64_t value, const char* colour) {
            const double w =
                kBarWidth * 0.7 * static_cast<double>(value) / static_cast<double>(top);
            d.shapes.push_back(rect(x, y + 4, w, kRow - 8, colour));
            x += w;
        };
        part(step.skipped, kGrey);
        part(step.back, kOrange);
        part(step.escalated, kRed);
        std::vector<std::string> words;
        if (step.skipped)
            words.push_back(number(step.skipped) + (nl(language) ? " overgeslagen" : " skipped"));
        if (step.back)
            words.push_back(number(step.back) + (nl(language) ? " terug" : " back"));
        if (step.escalated)
            words.push_back(number(step.escalated) +
                            (nl(language)
                                 ? " escalatie" + std::string(step.escalated == 1 ? "" : "s")
                                 : " escalation" + std::string(step.escalated == 1 ? "" : "s")));
        std::string label;
        for (const auto& word : words)
            label += (label.empty() ? "" : " · ") + word;
        d.shapes.push_back(text(x + 6, y + 14, label));
        y += kRow;
    }
    d.height = y + kTop;
    return d;
}

Drawing decisions(const protocol::GuideEvidence& e, const GuideLabels& labels, Language language) {
    Drawing d;
    d.id = "decisions";
    d.title = nl(language) ? "Keuzes bij elke splitsing" : "Decisions at each branch";
    d.description = nl(language) ? "Per beslisstap welke keuze hoe vaak gemaakt werd."
                                 : "For each decision step, how often each option was chosen.";
    std::int64_t all = 0;
    for (const auto& step : e.steps)
        for (const auto& [option, count] : step.decisions)
            all += count;
    d.n = nl(language) ? "n = " + number(all) + " keuzes" : "n = " + number(all) + " decisions";
    if (all == 0)
        return empty(d, e.sessions ? (nl(language) ? "Geen keuzes in deze periode."
                                                   : "No decisions in this period.")
                                   : withheldLine(language));
    double y = kTop;
    for (const auto& step : e.steps) {
        if (step.decisions.empty())
            continue;
        std::int64_t sum = 0;
        for (const auto& [option, count] : step.decisions)
            sum += count;
        d.shapes.push_back(
            text(0, y + 14, stepLabel(labels, step.step), Shape::Anchor::Start, 11, true));
        y += kRow;
        for (const auto& [option, count] : step.decisions) {
            const auto found = labels.optionLabel.find(step.step + "\n" + option);
            const std::string label =
                found == labels.optionLabel.end() ? "→ " + option : found->second;
            d.shapes.push_back(text(kLabelRight, y + 14, shortened(label, 34), Shape::Anchor::End));
            const double share = static_cast<double>(count) / static_cast<double>(sum);
            d.shapes.push_back(rect(kBarLeft, y + 4, kBarWidth * 0.8 * share, kRow - 8, kBlue));
            d.shapes.push_back(text(kBarLeft + kBarWidth * 0.8 * share + 6, y + 14,
                                    number(count) + " (" + percent(share) + ")"));
            y += kRow;
        }
    }
    d.height = y + kTop;
    return d;
}

Drawing alerts(const protocol::GuideEvidence& e, Language language) {
    Drawing d;
    d.id = "alerts";
    d.title = nl(language) ? "Meldingen gelezen" : "Alerts acknowledged";
    d.description = nl(language) ? "Per melding bij deze gids: door hoeveel balies bevestigd."
                                 : "For each alert on this guide: how many desks acknowledged it.";
    std::int64_t top = 0;
    for (const auto& alert : e.alerts)
        top = std::max(top, alert.acknowledged.value_or(0));
    d.n = nl(language) ? "n = balies (werkplekken)" : "n = desks (workstations)";
    if (e.alerts.empty())
        return empty(d,
                     nl(language) ? "Geen meldingen bij deze gids." : "No alerts on this guide.");
    double y = kTop;
    for (const auto& alert : e.alerts) {
        d.shapes.push_back(
            text(kLabelRight, y + 14, shortened(alert.title, 28), Shape::Anchor::End));
        if (alert.acknowledged && top > 0) {
            const double w =
                kBarWidth * static_cast<double>(*alert.acknowledged) / static_cast<double>(top);
            d.shapes.push_back(rect(kBarLeft, y + 4, w, kRow - 8, kBlue));
            d.shapes.push_back(text(kBarLeft + w + 6, y + 14, number(*alert.acknowledged)));
        } else {
            d.shapes.push_back(text(kBarLeft, y + 14,
                                    nl(language) ? "minder dan 5 balies: niet getoond"
                                                 : "fewer than 5 desks: not shown",
                                    Shape::Anchor::Start, 11, false, kGrey));
        }
        y += kRow;
    }
    d.height = y + kTop;
    return d;
}

Drawing trend(const protocol::GuideEvidence& e, Language language) {
    Drawing d;
    d.id = "trend";
    d.title = nl(language) ? "Verloop per maand" : "Month by month";
    d.description =
        nl(language)
            ? "Doorgetrokken lijn: het deel van de sessies dat werd afgerond. Gestreepte lijn: "
              "escalaties per 100 sessies. Stippellijn: een nieuwe revisie van de gids. Een "
              "maand zonder punt had te weinig balies."
            : "Solid line: the share of sessions finished. Dashed line: escalations per 100 "
              "sessions. Dotted line: a new revision of the guide. A month without a point had "
              "too few desks.";
    std::int64_t n = 0;
    for (const auto& point : e.trend)
        n += point.sessions ? point.sessions->started : 0;
    d.n = nl(language)
              ? "n = " + number(n) + " sessies over " + number(std::ssize(e.trend)) + " maanden"
              : "n = " + number(n) + " sessions over " + number(std::ssize(e.trend)) + " months";
    if (e.trend.empty())
        return empty(d, withheldLine(language));
    const double left = 44;
    const double right = kWidth - 16;
    const double top = 22;
    const double bottom = 190;
    const double step =
        e.trend.size() > 1 ? (right - left) / static_cast<double>(e.trend.size() - 1) : 0;
    const auto xOf = [&](std::size_t i) { return left + step * static_cast<double>(i); };
    const auto yOf = [&](double share) { return bottom - (bottom - top) * std::min(share, 1.0); };
    for (const int tick : {0, 25, 50, 75, 100}) {
        const double y = yOf(tick / 100.0);
        d.shapes.push_back(line(left, y, right, y, kRule));
        d.shapes.push_back(text(left - 6, y + 4, std::to_string(tick) + "%", Shape::Anchor::End, 10,
                                false, kGrey));
    }
    // The revisions published, at their month.
    for (const auto& publication : e.published) {
        for (std::size_t i = 0; i < e.trend.size(); ++i) {
            if (publication.date.substr(0, 7) != e.trend[i].month)
                continue;
            d.shapes.push_back(line(xOf(i), top - 4, xOf(i), bottom, kInk, 1, true));
            d.shapes.push_back(
                text(xOf(i) + 3, top - 8,
                     (nl(language) ? "rev. " : "rev. ") + number(publication.revision) + " (" +
                         publication.date.substr(8, 2) + "-" + publication.date.substr(5, 2) + ")",
                     Shape::Anchor::Start, 9));
        }
    }
    // The lines, broken where a month is withheld.
    std::vector<std::pair<double, double>> finished, escalated;
    const auto flush = [&](std::vector<std::pair<double, double>>& points, const char* colour,
                           bool dashed) {
        if (points.size() == 1) {
            d.shapes.push_back(rect(points[0].first - 2.5, points[0].second - 2.5, 5, 5, colour));
        } else if (points.size() > 1) {
            Shape s;
            s.kind = Shape::Kind::Polyline;
            s.points = points;
            s.stroke = colour;
            s.strokeWidth = 2;
            s.dashed = dashed;
            d.shapes.push_back(std::move(s));
            for (const auto& [x, y] : points)
                d.shapes.push_back(rect(x - 2.5, y - 2.5, 5, 5, colour));
        }
        points.clear();
    };
    for (std::size_t i = 0; i < e.trend.size(); ++i) {
        const auto& point = e.trend[i];
        d.shapes.push_back(text(xOf(i), bottom + 14, monthName(point.month, language),
                                Shape::Anchor::Middle, 9, false, kGrey));
        if (!point.sessions || point.sessions->started == 0) {
            d.shapes.push_back(
                text(xOf(i), bottom - 4, "–", Shape::Anchor::Middle, 10, false, kGrey));
            flush(finished, kBlue, false);
            flush(escalated, kRed, true);
            continue;
        }
        const double started = static_cast<double>(point.sessions->started);
        finished.emplace_back(xOf(i), yOf(static_cast<double>(point.sessions->finished) / started));
        escalated.emplace_back(xOf(i), yOf(static_cast<double>(point.escalated) / started));
    }
    flush(finished, kBlue, false);
    flush(escalated, kRed, true);
    // The legend, in words.
    const double y = bottom + 34;
    d.shapes.push_back(line(left, y - 4, left + 24, y - 4, kBlue, 2));
    d.shapes.push_back(text(
        left + 30, y, nl(language) ? "afgerond (% van de sessies)" : "finished (% of sessions)"));
    d.shapes.push_back(line(left + 230, y - 4, left + 254, y - 4, kRed, 2, true));
    d.shapes.push_back(
        text(left + 260, y,
             nl(language) ? "escalaties per 100 sessies" : "escalations per 100 sessions"));
    d.height = y + 10;
    return d;
}

std::string number2(double value) {
    char out[32];
    std::snprintf(out, sizeof out, "%.1f", value);
    return out;
}

} // namespace

GuideLabels GuideLabels::of(const content::Guide& guide) {
    GuideLabels out;
    int index = 0;
    for (const auto& step : guide.steps) {
        out.stepOrder.push_back(step.id);
        out.stepLabel[step.id] = std::to_string(++index) + " · " + step.id;
        for (const auto& option : step.options)
            out.optionLabel[step.id + "\n" + option.target] = option.label;
    }
    return out;
}

std::vector<Drawing> guideCharts(const protocol::GuideEvidence& evidence, const GuideLabels& labels,
                                 Language language) {
    return {funnel(evidence, labels, language),   timePerStep(evidence, labels, language),
            problems(evidence, labels, language), decisions(evidence, labels, language),
            alerts(evidence, language),           trend(evidence, language)};
}

std::string escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string toSvg(const Drawing& drawing) {
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                      number2(drawing.width) + "\" height=\"" + number2(drawing.height) +
                      "\" viewBox=\"0 0 " + number2(drawing.width) + " " + number2(drawing.height) +
                      "\" aria-labelledby=\"" + drawing.id + "-t " + drawing.id +
                      "-d\"><title id=\"" + drawing.id + "-t\">" +
                      escape(drawing.title + " (" + drawing.n + ")") + "</title><desc id=\"" +
                      drawing.id + "-d\">" + escape(drawing.description) + "</desc>";
    for (const auto& s : drawing.shapes) {
        const std::string dash = s.dashed ? " stroke-dasharray=\"5 3\"" : "";
        switch (s.kind) {
        case Shape::Kind::Rect:
            out += "<rect x=\"" + number2(s.x) + "\" y=\"" + number2(s.y) + "\" width=\"" +
                   number2(s.w) + "\" height=\"" + number2(s.h) + "\" fill=\"" + s.fill + "\"/>";
            break;
        case Shape::Kind::Line:
            out += "<line x1=\"" + number2(s.x) + "\" y1=\"" + number2(s.y) + "\" x2=\"" +
                   number2(s.w) + "\" y2=\"" + number2(s.h) + "\" stroke=\"" + s.stroke +
                   "\" stroke-width=\"" + number2(s.strokeWidth) + "\"" + dash + "/>";
            break;
        case Shape::Kind::Polyline: {
            std::string points;
            for (const auto& [x, y] : s.points)
                points += (points.empty() ? "" : " ") + number2(x) + "," + number2(y);
            out += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + s.stroke +
                   "\" stroke-width=\"" + number2(s.strokeWidth) + "\"" + dash + "/>";
            break;
        }
        case Shape::Kind::Text: {
            const char* anchor = s.anchor == Shape::Anchor::End      ? "end"
                                 : s.anchor == Shape::Anchor::Middle ? "middle"
                                                                     : "start";
            out += "<text x=\"" + number2(s.x) + "\" y=\"" + number2(s.y) + "\" font-size=\"" +
                   number2(s.size) + "\" text-anchor=\"" + anchor + "\" fill=\"" + s.fill + "\"" +
                   (s.bold ? " font-weight=\"bold\"" : "") + ">" + escape(s.text) + "</text>";
            break;
        }
        }
    }
    return out + "</svg>";
}

std::string formatDuration(std::int64_t ms) {
    const auto seconds = (ms + 500) / 1000;
    if (seconds < 60)
        return std::to_string(seconds) + " s";
    char out[32];
    std::snprintf(out, sizeof out, "%lld min %02lld s", static_cast<long long>(seconds / 60),
                  static_cast<long long>(seconds % 60));
    return out;
}

std::string monthName(std::string_view month, Language language) {
    static constexpr std::array<const char*, 12> kDutch = {
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
    static constexpr std::array<const char*, 12> kEnglish = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (month.size() < 7)
        return std::string(month);
    const int index = (month[5] - '0') * 10 + (month[6] - '0') - 1;
    if (index < 0 || index > 11)
        return std::string(month);
    return std::string(nl(language) ? kDutch[static_cast<std::size_t>(index)]
                                    : kEnglish[static_cast<std::size_t>(index)]) +
           " " + std::string(month.substr(2, 2));
}

} // namespace souffleur::report
