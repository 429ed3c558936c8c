// The semantic lint (lint.h): what a guide or an alert must mean, checked on
// the model after the parser (src/xml_parser.cpp) and the schema have checked
// the structure. Used by `souffleur validate` and authoring before publishing.
// No libxml2 here; diagnostics name the step or option, and carry the line of
// what they are about when the parser's SourceLines are given.
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
//  - links in rich text (<a href="guide:ID">) to guides unknown to the
//    context, or to the guide itself (Warnings);
//  - neither an audience nor an owner (Warning);
//  - a glance longer than 160 characters, counted in code points (Warning);
//  - an escalation to role 'other' with nothing to record (Warning);
//  - blocks (format 4, blocks.h): a block holds exactly one step, without a
//    decision and without showing another block; its triggers are never
//    used (Warning); a step shows neither its own guide nor (with known
//    guides) an unknown one (Warning).
// Checks on an alert:
//  - the valid window as for guides, and a window without an end (Warning);
//  - acknowledge="required" on an info alert (Warning);
//  - attachments to unknown guides (Warning) and to steps the guide lacks.
#include <souffleur/content/lint.h>
#include <souffleur/content/step_graph.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace souffleur::content {
namespace {

constexpr std::size_t kMaxGlanceCharacters = 160;

// Appended piece by piece: `"'" + std::string(text) + "'"` makes g++ 12 at
// -O3 (CMAKE_BUILD_TYPE=Release) report a false -Wrestrict overlap.
std::string inQuotes(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    out += text;
    out += '\'';
    return out;
}

// Collects diagnostics for one file, each at the line of what it is about
// when the source lines are known (0 otherwise).
class Reporter {
public:
    Reporter(std::string_view file, const SourceLines* lines)
        : m_file(file)
        , m_lines(lines) {}

    void error(std::string message, int line) { add(Severity::Error, std::move(message), line); }
    void warning(std::string message, int line) {
        add(Severity::Warning, std::move(message), line);
    }
    Diagnostics take() { return std::move(m_diagnostics); }

    // Where things are; 0 when unknown.
    int root() const { return m_lines ? m_lines->root : 0; }
    int valid() const { return m_lines && m_lines->valid ? m_lines->valid : root(); }
    int step(std::string_view id) const { return find(m_lines ? &m_lines->steps : nullptr, id); }
    int related(std::string_view id) const {
        return find(m_lines ? &m_lines->related : nullptr, id);
    }
    int attachment(std::size_t index) const {
        return m_lines && index < m_lines->attachments.size() ? m_lines->attachments[index]
                                                              : root();
    }

private:
    int find(const std::map<std::string, int, std::less<>>* lines, std::string_view id) const {
        if (lines == nullptr)
            return 0;
        const auto found = lines->find(id);
        return found == lines->end() ? root() : found->second;
    }

    void add(Severity severity, std::string message, int line) {
        m_diagnostics.push_back({m_file, line, 0, severity, std::move(message)});
    }

    std::string m_file;
    const SourceLines* m_lines;
    Diagnostics m_diagnostics;
};

// Code points in UTF-8 text: every byte that does not continue a sequence.
std::size_t characterCount(std::string_view text) {
    return static_cast<std::size_t>(std::ranges::count_if(
        text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// --- the step graph, by index into guide.steps ---

void checkGraph(const Guide& guide, Reporter& report) {
    const std::size_t count = guide.steps.size();
    std::vector<std::vector<std::size_t>> forward(count);
    for (std::size_t i = 0; i < count; ++i)
        forward[i] = successors(guide, i);
    const std::vector<bool> reachable = reachableSteps(guide);
    const std::vector<bool> canFinish = finishingSteps(guide);

    for (std::size_t i = 0; i < count; ++i) {
        if (!reachable[i])
            report.warning("step " + inQuotes(guide.steps[i].id) + " can never be reached",
                           report.step(guide.steps[i].id));
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
            loop += inQuotes(guide.steps[path[p]].id) + " -> ";
        loop += inQuotes(guide.steps[*node].id) + " form a loop with no way to finish";
        report.error(std::move(loop), report.step(guide.steps[*node].id));
    }
}

// --- the other checks ---

void checkDecision(const Step& step, const Guide& guide, Reporter& report) {
    if (step.options.empty())
        return;
    const std::string where = "step " + inQuotes(step.id);
    const int line = report.step(step.id);
    if (step.ends)
        report.warning(where + " is a decision and has end=\"true\": the task goes on with the "
                               "option chosen, so the end has no effect",
                       line);
    std::set<std::string_view> labels;
    std::set<std::string_view> reportedLabels;
    for (const Option& option : step.options) {
        const std::string name = "option " + inQuotes(option.label) + " of " + where;
        if (!guide.findStep(option.target))
            report.error(name + " leads to unknown step " + inQuotes(option.target), line);
        if (option.target == step.id)
            report.warning(name + " leads back to the same step", line);
        if (!labels.insert(option.label).second && reportedLabels.insert(option.label).second)
            report.error(where + " offers the option " + inQuotes(option.label) + " more than once",
                         line);
    }
    const std::string& first = step.options.front().target;
    const bool allSame = std::ranges::all_of(
        step.options, [&](const Option& option) { return option.target == first; });
    if (step.options.size() > 1 && allSame)
        report.warning(where + ": all options lead to step " + inQuotes(first) +
                           ", so the decision decides nothing",
                       line);
}

void checkStep(const Step& step, const Guide& guide, Reporter& report) {
    const std::string where = "step " + inQuotes(step.id);
    const int line = report.step(step.id);
    if (const std::size_t length = characterCount(step.glance); length > kMaxGlanceCharacters)
        report.warning(where + ": the glance should be read at a glance: " +
                           std::to_string(length) + " characters (at most " +
                           std::to_string(kMaxGlanceCharacters) + "); move the rest to <details>",
                       line);
    if (step.escalation && step.escalation->role == "other" && step.escalation->record.empty())
        report.warning(where + ": an escalation to role 'other' should say in <record> whom "
                               "to involve and what to record",
                       line);
    checkDecision(step, guide, report);
    if (!step.block.empty() && step.block == guide.id)
        report.error(where + " shows this guide itself as its block", line);
}

// A block: one step, shown by the steps of other guides (blocks.h).
void checkBlock(const Guide& guide, const LintContext& context, Reporter& report) {
    if (guide.isBlock) {
        if (guide.steps.size() != 1)
            report.error("a block holds exactly one step, not " +
                             std::to_string(guide.steps.size()),
                         report.root());
        for (const Step& step : guide.steps) {
            const std::string where = "step " + inQuotes(step.id);
            if (!step.options.empty())
                report.error(where + ": a block's step has no decision; the guides that show "
                                     "it decide where to go next",
                             report.step(step.id));
            if (!step.block.empty())
                report.error(where + ": a block cannot show another block", report.step(step.id));
        }
        if (!guide.triggers.empty())
            report.warning("a block is never suggested at the desk: its triggers are not used",
                           report.root());
    }
    for (const Step& step : guide.steps) {
        if (!step.block.empty() && step.block != guide.id && !context.knownGuides.empty() &&
            !context.knownGuides.contains(step.block))
            report.warning("step " + inQuotes(step.id) + " shows unknown block " +
                               inQuotes(step.block),
                           report.step(step.id));
    }
}

// `what` is "this guide" or "this alert".
void checkWindow(std::string_view what, const std::string& from, const std::string& to,
                 const LintContext& context, Reporter& report) {
    if (!from.empty() && !to.empty() && from > to)
        report.error(std::string(what) + " is valid from " + from + " to " + to +
                         ": the window ends before it starts",
                     report.valid());
    if (context.today.empty())
        return;
    if (!to.empty() && to < context.today)
        report.warning(std::string(what) + " expired on " + to, report.valid());
    if (!from.empty() && from > context.today)
        report.warning(std::string(what) + " is not valid yet: it applies from " + from,
                       report.valid());
}

// Links in rich text: to a guide the context knows, and not to this one.
void checkLinks(const Guide& guide, const LintContext& context, Reporter& report) {
    const auto check = [&](const RichText& text, std::string_view where, int line) {
        for (const std::string& target : text.links()) {
            if (target == guide.id)
                report.warning(std::string(where) + ": a link to this guide itself", line);
            else if (!context.knownGuides.empty() && !context.knownGuides.contains(target))
                report.warning(std::string(where) + ": links to unknown guide " + inQuotes(target),
                               line);
        }
    };
    check(guide.prerequisites, "prerequisites", report.root());
    check(guide.context, "context", report.root());
    for (const Step& step : guide.steps) {
        const std::string where = "step " + inQuotes(step.id);
        check(step.details, where + " details", report.step(step.id));
        check(step.why, where + " why", report.step(step.id));
    }
    check(guide.result, "result", report.root());
}

} // namespace

Diagnostics lintGuide(const Guide& guide, std::string_view fileName, const LintContext& context,
                      const SourceLines* lines) {
    Reporter report(fileName, lines);
    if (guide.steps.empty()) {
        report.error("the guide has no steps", report.root());
    } else {
        checkGraph(guide, report);
        for (const Step& step : guide.steps)
            checkStep(step, guide, report);
        checkBlock(guide, context, report);
    }
    checkWindow("this guide", guide.validFrom, guide.validTo, context, report);
    for (const std::string& related : guide.related) {
        if (related == guide.id)
            report.warning("related guide " + inQuotes(related) + " is this guide itself",
                           report.related(related));
        else if (!context.knownGuides.empty() && !context.knownGuides.contains(related))
            report.warning("related guide: links to unknown guide " + inQuotes(related),
                           report.related(related));
    }
    checkLinks(guide, context, report);
    if (guide.audience.empty() && guide.owner.empty())
        report.warning("nobody owns this guide: give it an <owner> team or an <audience> role",
                       report.root());
    return report.take();
}

Diagnostics lintAlert(const Alert& alert, std::string_view fileName, const LintContext& context,
                      const std::map<std::string, const Guide*>& guides, const SourceLines* lines) {
    Reporter report(fileName, lines);
    checkWindow("this alert", alert.validFrom, alert.validTo, context, report);
    if (alert.validTo.empty())
        report.warning("an alert should say when it stops being valid: give <valid> a to date",
                       report.valid());
    if (alert.mustAcknowledge && alert.level == Alert::Level::Info)
        report.warning("an info alert that every desk must acknowledge is an odd combination: "
                       "raise the level or make acknowledging optional",
                       report.root());
    for (std::size_t i = 0; i < alert.attachments.size(); ++i) {
        const Alert::Attachment& attachment = alert.attachments[i];
        const auto found = guides.find(attachment.guide);
        const Guide* guide = found == guides.end() ? nullptr : found->second;
        if (!guide && !context.knownGuides.empty() &&
            !context.knownGuides.contains(attachment.guide))
            report.warning("attachment: links to unknown guide " + inQuotes(attachment.guide),
                           report.attachment(i));
        if (guide && !attachment.step.empty() && !guide->findStep(attachment.step))
            report.error("attached to step " + inQuotes(attachment.step) + ", which guide " +
                             inQuotes(attachment.guide) + " does not have",
                         report.attachment(i));
    }
    return report.take();
}

} // namespace souffleur::content
