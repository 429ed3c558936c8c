// The semantic lint (lint.h): what a guide or an alert must mean, checked on
// the model after the parser (src/xml_parser.cpp) and the schema have checked
// the structure. Used by `souffleur validate` and authoring before publishing.
// No libxml2 here; diagnostics have line 0 and name the step or option.
//
// The step graph is the one the step engine walks (overlay/core/src/
// step_engine.cpp): a decision moves to the target of the option chosen; a
// plain step that ends, or the last plain step, finishes the task; any other
// plain step moves to the next step in document order.
//
// Checks on a guide (Error unless marked Warning):
//  - the guide has steps, and every option leads to a step of the guide
//    (the parser guarantees both; a model built by hand may not);
//  - every step can be reached from the first step (Warning);
//  - from every reachable step some path finishes; a loop with no way out is
//    an Error naming the steps in it; loops with an exit are fine;
//  - decisions: all options leading to one step (Warning), an option leading
//    back to its own step (Warning), the same label twice, and end="true" on
//    a decision, where the options win (Warning);
//  - the valid window: from after to; with today: expired, not valid yet
//    (Warnings);
//  - related guides unknown to the context, or the guide itself (Warnings);
//  - neither an audience nor an owner (Warning);
//  - a glance longer than 160 characters, counted in code points (Warning);
//  - an escalation to role 'other' with nothing to record (Warning).
// Checks on an alert:
//  - the valid window as for guides, and a window without an end (Warning);
//  - acknowledge="required" on an info alert (Warning);
//  - attachments to unknown guides (Warning) and to steps the guide lacks.
#include <souffleur/content/lint.h>

#include <algorithm>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace souffleur::content {
namespace {

constexpr std::size_t kMaxGlanceCharacters = 160;

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

// Collects diagnostics for one file.
class Reporter {
public:
    explicit Reporter(std::string_view file)
        : m_file(file) {}

    void error(std::string message) { add(Severity::Error, std::move(message)); }
    void warning(std::string message) { add(Severity::Warning, std::move(message)); }
    Diagnostics take() { return std::move(m_diagnostics); }

private:
    void add(Severity severity, std::string message) {
        m_diagnostics.push_back({m_file, 0, 0, severity, std::move(message)});
    }

    std::string m_file;
    Diagnostics m_diagnostics;
};

// Code points in UTF-8 text: every byte that does not continue a sequence.
std::size_t characterCount(std::string_view text) {
    return static_cast<std::size_t>(std::ranges::count_if(
        text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// --- the step graph, by index into guide.steps ---

// A plain step that ends, or the last plain step: the task finishes after it.
bool finishes(const Guide& guide, std::size_t index) {
    const Step& step = guide.steps[index];
    return step.options.empty() && (step.ends || index + 1 == guide.steps.size());
}

// The steps the task can move to from `index`, each once, in option order.
std::vector<std::size_t> successors(const Guide& guide, std::size_t index) {
    const Step& step = guide.steps[index];
    std::vector<std::size_t> out;
    if (step.options.empty()) {
        if (!finishes(guide, index))
            out.push_back(index + 1);
        return out;
    }
    for (const Option& option : step.options) {
        const auto target = guide.stepIndex(option.target);
        if (target && std::ranges::find(out, *target) == out.end())
            out.push_back(*target);
    }
    return out;
}

// Breadth-first search over `edges` from `starts`: which nodes are reached.
std::vector<bool> reach(const std::vector<std::vector<std::size_t>>& edges,
                        const std::vector<std::size_t>& starts) {
    std::vector<bool> reached(edges.size(), false);
    std::deque<std::size_t> queue;
    for (const std::size_t start : starts) {
        if (!reached[start]) {
            reached[start] = true;
            queue.push_back(start);
        }
    }
    while (!queue.empty()) {
        const std::size_t node = queue.front();
        queue.pop_front();
        for (const std::size_t next : edges[node]) {
            if (!reached[next]) {
                reached[next] = true;
                queue.push_back(next);
            }
        }
    }
    return reached;
}

void checkGraph(const Guide& guide, Reporter& report) {
    const std::size_t count = guide.steps.size();
    std::vector<std::vector<std::size_t>> forward(count);
    std::vector<std::vector<std::size_t>> backward(count);
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < count; ++i) {
        forward[i] = successors(guide, i);
        for (const std::size_t next : forward[i])
            backward[next].push_back(i);
        if (finishes(guide, i))
            ends.push_back(i);
    }

    const std::vector<bool> reachable = reach(forward, {0});
    const std::vector<bool> canFinish = reach(backward, ends);

    for (std::size_t i = 0; i < count; ++i) {
        if (!reachable[i])
            report.warning("step " + quoted(guide.steps[i].id) + " can never be reached");
    }

    // A reachable step that cannot finish only leads to steps that cannot
    // finish either, so walking on from it must come round to a step already
    // walked: a loop with no way out. Each such loop is reported once.
    std::vector<bool> walked(count, false);
    for (std::size_t start = 0; start < count; ++start) {
        if (!reachable[start] || canFinish[start] || walked[start])
            continue;
        std::vector<std::size_t> path;
        std::map<std::size_t, std::size_t> positionInPath;
        std::optional<std::size_t> node = start;
        while (node && !walked[*node]) {
            walked[*node] = true;
            positionInPath[*node] = path.size();
            path.push_back(*node);
            const auto& next = forward[*node];
            const auto stuck =
                std::ranges::find_if(next, [&](std::size_t n) { return !canFinish[n]; });
            node = stuck == next.end() ? std::nullopt : std::optional(*stuck);
        }
        if (!node || !positionInPath.contains(*node))
            continue; // ran into a loop already reported, or an unknown target
        std::string loop = "steps ";
        for (std::size_t p = positionInPath[*node]; p < path.size(); ++p)
            loop += quoted(guide.steps[path[p]].id) + " -> ";
        loop += quoted(guide.steps[*node].id) + " form a loop with no way to finish";
        report.error(std::move(loop));
    }
}

// --- the other checks ---

void checkDecision(const Step& step, const Guide& guide, Reporter& report) {
    if (step.options.empty())
        return;
    const std::string where = "step " + quoted(step.id);
    if (step.ends)
        report.warning(where + " is a decision and has end=\"true\": the task goes on with the "
                               "option chosen, so the end has no effect");
    std::set<std::string_view> labels;
    std::set<std::string_view> reportedLabels;
    for (const Option& option : step.options) {
        const std::string name = "option " + quoted(option.label) + " of " + where;
        if (!guide.findStep(option.target))
            report.error(name + " leads to unknown step " + quoted(option.target));
        if (option.target == step.id)
            report.warning(name + " leads back to the same step");
        if (!labels.insert(option.label).second && reportedLabels.insert(option.label).second)
            report.error(where + " offers the option " + quoted(option.label) + " more than once");
    }
    const std::string& first = step.options.front().target;
    const bool allSame = std::ranges::all_of(
        step.options, [&](const Option& option) { return option.target == first; });
    if (step.options.size() > 1 && allSame)
        report.warning(where + ": all options lead to step " + quoted(first) +
                       ", so the decision decides nothing");
}

void checkStep(const Step& step, const Guide& guide, Reporter& report) {
    const std::string where = "step " + quoted(step.id);
    if (const std::size_t length = characterCount(step.glance); length > kMaxGlanceCharacters)
        report.warning(where + ": the glance should be read at a glance: " +
                       std::to_string(length) + " characters (at most " +
                       std::to_string(kMaxGlanceCharacters) + "); move the rest to <details>");
    if (step.escalation && step.escalation->role == "other" && step.escalation->record.empty())
        report.warning(where + ": an escalation to role 'other' should say in <record> whom "
                               "to involve and what to record");
    checkDecision(step, guide, report);
}

// `what` is "this guide" or "this alert".
void checkWindow(std::string_view what, const std::string& from, const std::string& to,
                 const LintContext& context, Reporter& report) {
    if (!from.empty() && !to.empty() && from > to)
        report.error(std::string(what) + " is valid from " + from + " to " + to +
                     ": the window ends before it starts");
    if (context.today.empty())
        return;
    if (!to.empty() && to < context.today)
        report.warning(std::string(what) + " expired on " + to);
    if (!from.empty() && from > context.today)
        report.warning(std::string(what) + " is not valid yet: it applies from " + from);
}

} // namespace

Diagnostics lintGuide(const Guide& guide, std::string_view fileName, const LintContext& context) {
    Reporter report(fileName);
    if (guide.steps.empty()) {
        report.error("the guide has no steps");
    } else {
        checkGraph(guide, report);
        for (const Step& step : guide.steps)
            checkStep(step, guide, report);
    }
    checkWindow("this guide", guide.validFrom, guide.validTo, context, report);
    for (const std::string& related : guide.related) {
        if (related == guide.id)
            report.warning("related guide " + quoted(related) + " is this guide itself");
        else if (!context.knownGuides.empty() && !context.knownGuides.contains(related))
            report.warning("related guide: links to unknown guide " + quoted(related));
    }
    if (guide.audience.empty() && guide.owner.empty())
        report.warning("nobody owns this guide: give it an <owner> team or an <audience> role");
    return report.take();
}

Diagnostics lintAlert(const Alert& alert, std::string_view fileName, const LintContext& context,
                      const std::map<std::string, const Guide*>& guides) {
    Reporter report(fileName);
    checkWindow("this alert", alert.validFrom, alert.validTo, context, report);
    if (alert.validTo.empty())
        report.warning("an alert should say when it stops being valid: give <valid> a to date");
    if (alert.mustAcknowledge && alert.level == Alert::Level::Info)
        report.warning("an info alert that every desk must acknowledge is an odd combination: "
                       "raise the level or make acknowledging optional");
    for (const Alert::Attachment& attachment : alert.attachments) {
        const auto found = guides.find(attachment.guide);
        const Guide* guide = found == guides.end() ? nullptr : found->second;
        if (!guide && !context.knownGuides.empty() &&
            !context.knownGuides.contains(attachment.guide))
            report.warning("attachment: links to unknown guide " + quoted(attachment.guide));
        if (guide && !attachment.step.empty() && !guide->findStep(attachment.step))
            report.error("attached to step " + quoted(attachment.step) + ", which guide " +
                         quoted(attachment.guide) + " does not have");
    }
    return report.take();
}

} // namespace souffleur::content
