// The charts of an After Action Review, GUI-free: the evidence of a guide
// (protocol/aar.h) as drawings, each with its title and its n, drawn as SVG
// for the studio and the HTML report (and as PDF, pdf.h). Every chart says
// in words what its bars and lines mean (not colour alone), and shows only
// what the server released (at least five desk accounts behind every figure).
#pragma once

#include <souffleur/content/guide.h>
#include <souffleur/protocol/aar.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::report {

enum class Language { Dutch, English };

// A drawing: shapes on a canvas of width x height (points), top-left origin.
struct Shape {
    enum class Kind { Rect, Line, Text, Polyline };
    enum class Anchor { Start, Middle, End };
    Kind kind = Kind::Rect;
    double x = 0, y = 0, w = 0, h = 0;             // Rect; Line: from (x, y) to (w, h)
    std::vector<std::pair<double, double>> points; // Polyline
    std::string text;                              // Text (x, y: the baseline)
    std::string fill = "none";                     // "#rrggbb" or "none"
    std::string stroke = "none";
    double strokeWidth = 1;
    bool dashed = false;
    double size = 11; // Text: font size
    bool bold = false;
    Anchor anchor = Anchor::Start;
};

struct Drawing {
    std::string id;          // "funnel", "time", ... (an HTML id)
    std::string title;       // "Sessies per stap"
    std::string n;           // "n = 147 sessies"
    std::string description; // what it shows, in words (for screen readers)
    double width = 640;
    double height = 0;
    std::vector<Shape> shapes;
};

// The guide's steps and options by id, for the labels (from its published
// revision; a step or option it no longer has keeps its id).
struct GuideLabels {
    std::vector<std::string> stepOrder;
    std::map<std::string, std::string> stepLabel;   // id -> "3 · brp"
    std::map<std::string, std::string> optionLabel; // step id + "\n" + target -> the option's text
    static GuideLabels of(const content::Guide& guide);
};

// The charts of one guide's evidence, in the order a team reads them: the
// funnel, time per step, skips/back-steps/escalations, decisions, alert
// acknowledgements, the trend. A chart with nothing released says so.
std::vector<Drawing> guideCharts(const protocol::GuideEvidence& evidence, const GuideLabels& labels,
                                 Language language);

std::string toSvg(const Drawing& drawing);

// "12 s", "1 min 05 s"
std::string formatDuration(std::int64_t ms);
// "nov 2026" / "Nov 2026"
std::string monthName(std::string_view month, Language language);
// Text escaped for XML/HTML.
std::string escape(std::string_view text);

} // namespace souffleur::report
