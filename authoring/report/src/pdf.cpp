// The AAR report as PDF (see pdf.h): a small page layout (headings,
// wrapped paragraphs, the charts) over a minimal PDF writer.
#include <souffleur/report/pdf.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>
#include <vector>

namespace souffleur::report {
namespace {

constexpr double kPageWidth = 595;
constexpr double kPageHeight = 842;
constexpr double kMargin = 50;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;

// Helvetica's advance widths (per 1000 units) for ASCII 32..126.
constexpr std::array<int, 95> kHelvetica = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,  278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,  611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278,  556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,  500, 334, 260, 334, 584};

// UTF-8 to Windows-1252 (the PDF's WinAnsiEncoding); '?' for what it lacks.
std::string winAnsi(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        char32_t code = c;
        std::size_t length = 1;
        if (c >= 0x80) {
            // A lead byte and its continuation bytes; anything broken is '?'.
            length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            bool whole = length > 1 && i + length <= text.size();
            for (std::size_t k = 1; whole && k < length; ++k)
                whole = (static_cast<unsigned char>(text[i + k]) & 0xC0U) == 0x80U;
            if (!whole) {
                length = 1;
                code = U'?';
            } else if (length == 2) {
                code = ((c & 0x1FU) << 6U) | (static_cast<unsigned char>(text[i + 1]) & 0x3FU);
            } else if (length == 3) {
                code = ((c & 0x0FU) << 12U) |
                       ((static_cast<unsigned char>(text[i + 1]) & 0x3FU) << 6U) |
                       (static_cast<unsigned char>(text[i + 2]) & 0x3FU);
            } else {
                code = U'?';
            }
        }
        i += length;
        if (code < 0x80 || (code >= 0xA0 && code <= 0xFF)) {
            out += static_cast<char>(code);
            continue;
        }
        switch (code) {
        case U'\u2013':
            out += '\x96';
            break;
        case U'\u2014':
            out += '\x97';
            break;
        case U'\u2026':
            out += '\x85';
            break;
        case U'\u203A':
            out += '\x9B';
            break;
        case U'\u20AC':
            out += '\x80';
            break;
        case U'\u2018':
            out += '\x91';
            break;
        case U'\u2019':
            out += '\x92';
            break;
        case U'\u201C':
            out += '\x93';
            break;
        case U'\u201D':
            out += '\x94';
            break;
        case U'\u2192':
            out += "->";
            break;
        case U'\u2022':
            out += '\x95';
            break;
        default:
            out += '?';
        }
    }
    return out;
}

double widthOf(const std::string& ansi, double size, bool bold) {
    double units = 0;
    for (const char c : ansi) {
        const auto u = static_cast<unsigned char>(c);
        units += u >= 32 && u <= 126 ? kHelvetica[u - 32] : 556;
    }
    return units * size / 1000.0 * (bold ? 1.08 : 1.0);
}

std::string number(double value) {
    char out[32];
    std::snprintf(out, sizeof out, "%.2f", value);
    return out;
}

std::string colour(const std::string& hex, const char* op) {
    if (hex.size() != 7 || hex[0] != '#')
        return "0 0 0 " + std::string(op) + "\n";
    const auto channel = [&](std::size_t at) {
        return std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0;
    };
    return number(channel(1)) + " " + number(channel(3)) + " " + number(channel(5)) + " " + op +
           "\n";
}

std::string pdfString(const std::string& ansi) {
    std::string out = "(";
    for (const char c : ansi) {
        if (c == '(' || c == ')' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + ")";
}

// Pages of content streams, filled top to bottom.
class Layout {
public:
    Layout() { newPage(); }

    void text(const std::string& utf8, double size, bool bold, const std::string& fill = "#1a1a1a",
              double indent = 0) {
        const std::string ansi = winAnsi(utf8);
        // Greedy word wrap.
        std::vector<std::string> lines;
        std::string line;
        std::size_t start = 0;
        while (start <= ansi.size()) {
            const auto end = std::min(ansi.find_first_of(" \n", start), ansi.size());
            const std::string word = ansi.substr(start, end - start);
            const std::string candidate = line.empty() ? word : line + " " + word;
            if (!line.empty() && widthOf(candidate, size, bold) > kTextWidth - indent) {
                lines.push_back(line);
                line = word;
            } else {
                line = candidate;
            }
            if (end < ansi.size() && ansi[end] == '\n') {
                lines.push_back(line);
                line.clear();
            }
            start = end + 1;
        }
        if (!line.empty())
            lines.push_back(line);
        for (const auto& l : lines) {
            need(size * 1.35);
            m_y -= size * 1.35;
            put(kMargin + indent, m_y + size * 0.3, l, size, bold, fill);
        }
    }

    void space(double points) {
        need(points);
        m_y -= points;
    }

    void rule(const std::string& stroke) {
        need(4);
        m_y -= 3;
        m_page += colour(stroke, "RG") + "1 w " + number(kMargin) + " " + number(m_y) + " m " +
                  number(kPageWidth - kMargin) + " " + number(m_y) + " l S\n";
    }

    void drawing(const Drawing& d) {
        const double scale = std::min(1.0, kTextWidth / d.width);
        const double height = d.height * scale;
        need(height);
        const double top = m_y;
        for (const auto& s : d.shapes) {
            const auto x = [&](double v) { return kMargin + v * scale; };
            const auto y = [&](double v) { return top - v * scale; };
            std::string dash = s.dashed ? "[5 3] 0 d\n" : "[] 0 d\n";
            switch (s.kind) {
            case Shape::Kind::Rect:
                if (s.fill != "none" && s.w > 0)
                    m_page += colour(s.fill, "rg") + number(x(s.x)) + " " + number(y(s.y + s.h)) +
                              " " + number(s.w * scale) + " " + number(s.h * scale) + " re f\n";
                break;
            case Shape::Kind::Line:
                m_page += colour(s.stroke, "RG") + number(s.strokeWidth * scale) + " w\n" + dash +
                          number(x(s.x)) + " " + number(y(s.y)) + " m " + number(x(s.w)) + " " +
                          number(y(s.h)) + " l S\n";
                break;
            case Shape::Kind::Polyline: {
                m_page += colour(s.stroke, "RG") + number(s.strokeWidth * scale) + " w\n" + dash;
                bool first = true;
                for (const auto& [px, py] : s.points) {
                    m_page += number(x(px)) + " " + number(y(py)) + (first ? " m\n" : " l\n");
                    first = false;
                }
                m_page += "S\n";
                break;
            }
            case Shape::Kind::Text: {
                const std::string ansi = winAnsi(s.text);
                const double size = s.size * scale;
                double left = x(s.x);
                const double width = widthOf(ansi, size, s.bold);
                if (s.anchor == Shape::Anchor::End)
                    left -= width;
                else if (s.anchor == Shape::Anchor::Middle)
                    left -= width / 2;
                put(left, y(s.y), ansi, size, s.bold, s.fill);
                break;
            }
            }
        }
        m_page += "[] 0 d\n";
        m_y -= height;
    }

    std::vector<std::string> pages() {
        m_pages.push_back(m_page);
        m_page.clear();
        return m_pages;
    }

private:
    void newPage() {
        if (!m_page.empty() || !m_pages.empty())
            m_pages.push_back(m_page);
        m_page.clear();
        m_y = kPageHeight - kMargin;
    }
    void need(double points) {
        if (m_y - points < kMargin)
            newPage();
    }
    // Text already in Windows-1252.
    void put(double x, double y, const std::string& ansi, double size, bool bold,
             const std::string& fill) {
        m_page += colour(fill == "none" ? "#1a1a1a" : fill, "rg") + "BT /" +
                  (bold ? "F2 " : "F1 ") + number(size) + " Tf " + number(x) + " " + number(y) +
                  " Td " + pdfString(ansi) + " Tj ET\n";
    }

    std::vector<std::string> m_pages;
    std::string m_page;
    double m_y = 0;
};

// The PDF file around the pages' content streams.
std::string assemble(const std::vector<std::string>& pages, const std::string& title) {
    std::vector<std::string> objects;
    // 1 catalog, 2 pages, 3 F1, 4 F2, 5 info, then per page: page, content.
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i)
        kids += std::to_string(6 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                      std::to_string(pages.size()) + " >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Title " + pdfString(winAnsi(title)) + " /Producer (Souffleur) >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(kPageWidth) +
                          " " + number(kPageHeight) +
                          "] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " +
                          std::to_string(7 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(pages[i].size()) + " >>\nstream\n" +
                          pages[i] + "endstream");
    }
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto offset : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R /Info 5 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

} // namespace

std::string reportPdf(const ReportInput& input) {
    const bool dutch = input.language == Language::Dutch;
    const auto& evidence = input.evidence;
    Layout page;
    const std::string grey = "#444444";
    page.text(reportTitle(input), 18, true);
    std::string meta = input.aar ? input.aar->team : evidence.team;
    const std::string from = input.aar ? input.aar->from : evidence.from;
    const std::string to = input.aar ? input.aar->to : evidence.to;
    if (!from.empty())
        meta += (meta.empty() ? "" : " · ") + std::string(dutch ? "periode " : "period ") +
                monthName(from, input.language) +
                (to != from && !to.empty() ? " – " + monthName(to, input.language) : "");
    if (input.aar)
        meta += " · " + std::string(dutch ? "bijeenkomst " : "meeting ") + input.aar->at + " · " +
                (input.aar->state == "final" ? (dutch ? "afgesloten" : "closed")
                                             : (dutch ? "concept" : "draft"));
    page.text(meta, 10, false, grey);
    const auto heading = [&](const std::string& title) {
        page.space(10);
        page.text(title, 14, true);
        page.rule("#1f5fa8");
        page.space(4);
    };
    const auto actionLines = [&](const std::vector<protocol::AarAction>& actions, bool withAar) {
        for (const auto& action : actions) {
            std::string line = "• " + action.text;
            if (action.guide)
                line += " (" + *action.guide + (action.step ? " › " + *action.step : "") + ")";
            page.text(line, 10, false);
            std::string detail = (dutch ? "eigenaar: " : "owner: ") + action.owner;
            if (action.due)
                detail += (dutch ? " · uiterlijk " : " · due ") + *action.due;
            detail += " · " + actionStateName(action, input.language);
            if (withAar)
                detail += " · " + action.aarTitle + " (" + action.aarAt + ")";
            page.text(detail, 9, false, grey, 10);
        }
    };
    if (input.aar) {
        const auto& aar = *input.aar;
        heading(dutch ? "De vier vragen" : "The four questions");
        const std::array<const std::string*, 4> answers = {&aar.expected, &aar.happened, &aar.why,
                                                           &aar.improve};
        for (int i = 0; i < 4; ++i) {
            page.text(questionTitle(i, input.language), 11, true);
            const auto& answer = *answers[static_cast<std::size_t>(i)];
            page.text(answer.empty() ? (dutch ? "(nog niet ingevuld)" : "(not filled in yet)")
                                     : answer,
                      10, false, answer.empty() ? grey : "#1a1a1a");
            page.space(4);
        }
        heading(dutch ? "Acties" : "Actions");
        if (aar.actions.empty())
            page.text(dutch ? "Geen acties afgesproken." : "No actions agreed.", 10, false, grey);
        actionLines(aar.actions, false);
        if (!aar.lesson.empty()) {
            heading(dutch ? "Les voor andere teams" : "Lesson for other teams");
            page.text(aar.lesson, 10, false);
        }
    }
    std::vector<protocol::AarAction> carried;
    for (const auto& action : evidence.openActions) {
        if (!input.aar || action.aarId != input.aar->id)
            carried.push_back(action);
    }
    if (!carried.empty()) {
        heading(dutch ? "Open acties van eerdere AAR's" : "Open actions of earlier AARs");
        actionLines(carried, true);
    }
    for (const auto& guide : evidence.guides) {
        heading(guide.title.empty() ? guide.guide : guide.title);
        if (guide.sessions)
            page.text(std::to_string(guide.sessions->started) +
                          (dutch ? " sessies, " : " sessions, ") +
                          std::to_string(guide.sessions->finished) +
                          (dutch ? " afgerond, " : " finished, ") +
                          std::to_string(guide.sessions->abandoned) +
                          (dutch ? " afgebroken" : " abandoned"),
                      10, false, grey);
        const auto labels = input.labels.find(guide.guide);
        const GuideLabels none;
        for (const auto& chart : guideCharts(
                 guide, labels == input.labels.end() ? none : labels->second, input.language)) {
            page.space(6);
            page.text(chart.title + " (" + chart.n + ")", 11, true);
            page.text(chart.description, 9, false, grey);
            page.drawing(chart);
        }
        page.space(6);
        page.text(dutch ? "Feedback van de balies" : "Feedback from the desks", 11, true);
        if (guide.feedback.empty())
            page.text(dutch ? "Geen feedback in deze periode." : "No feedback in this period.", 10,
                      false, grey);
        for (const auto& item : guide.feedback)
            page.text("• " + (item.step ? *item.step + ": " : std::string()) +
                          feedbackKindName(item.kind, input.language) + ": " + item.text +
                          (item.team.empty() ? "" : " (" + item.team + ")"),
                      10, false);
    }
    if (!evidence.team.empty()) {
        heading(dutch ? "Logboek van het team" : "The team's logbook");
        if (evidence.logbook.empty())
            page.text(dutch ? "Geen logboek in deze periode." : "No logbook in this period.", 10,
                      false, grey);
        for (const auto& entry : evidence.logbook)
            page.text(entry.at.substr(0, 10) + "  " + entry.text, 10, false);
    }
    page.space(12);
    page.text(dutch
                  ? "Deze cijfers gaan over gidsen en teams, nooit over personen: elk cijfer telt "
                    "alleen mee als er in die teammaand minstens " +
                        std::to_string(evidence.minPeople) +
                        " verschillende balies achter zitten. Bedoeld om van te leren, niet om "
                        "iemand te beoordelen."
                  : "These figures are about guides and teams, never about people: a figure "
                    "counts only when at least " +
                        std::to_string(evidence.minPeople) +
                        " different desks are behind it in that team-month. Meant for "
                        "learning, never to assess anyone.",
              8, false, grey);
    return assemble(page.pages(), reportTitle(input));
}

} // namespace souffleur::report
