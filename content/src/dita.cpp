// DITA 1.3 task topics to and from the guide model (dita.h).
//
// Import parses with libxml2 under the same rules as the guide parser
// (xml_parser.cpp, docs/SECURITY.md):
//  1. Input over kMaxGuideBytes is refused before libxml2 sees it. A DOCTYPE
//     is allowed, because every DITA file names its DTD, but one with an
//     internal subset (`[ ... ]`, where entity declarations, billion laughs
//     and XXE live) is refused before parsing, and again after parsing should
//     the tree hold any declaration.
//  2. Options: XML_PARSE_NONET always; never NOENT, DTDLOAD, DTDVALID,
//     XINCLUDE or HUGE, so the DTD is never loaded and libxml2's own limits
//     stay on.
//  3. The external-entity loader refuses everything, process-wide
//     (libxml_support.h, shared with the guide parser).
//  4. Errors come through a structured handler, as located diagnostics.
// Then TaskReader walks the tree into a Guide. It never reads another file:
// conref, conkeyref, keyref and coderef become warnings, and anything it does
// not map is flattened to text or left out with a warning, never a failure.
//
// Export writes a Guide as a task topic with plain string building; every
// piece of guide text goes through the same escaping as the canonical writer.
#include "escape.h"
#include "libxml_support.h"

#include <souffleur/content/dita.h>
#include <souffleur/content/parser.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace souffleur::content {
namespace {

using detail::attribute;
using detail::CtxtPtr;
using detail::DocPtr;
using detail::ErrorCollector;
using detail::fold;
using detail::initLibxml;
using detail::locate;
using detail::name;

// The offset of the '[' that opens an internal DTD subset in the prolog, if
// there is one. Walks only what may precede the root element: the XML
// declaration, comments, processing instructions, white space and the DOCTYPE.
std::optional<std::size_t> internalSubset(std::string_view xml) {
    std::size_t pos = xml.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (pos < xml.size()) {
        const char c = xml[pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++pos;
            continue;
        }
        const std::string_view rest = xml.substr(pos);
        if (rest.starts_with("<!--") || rest.starts_with("<?")) {
            const bool comment = rest.starts_with("<!--");
            const auto end = xml.find(comment ? "-->" : "?>", pos + 2);
            if (end == std::string_view::npos)
                return std::nullopt;
            pos = end + (comment ? 3 : 2);
            continue;
        }
        if (!rest.starts_with("<!DOCTYPE"))
            return std::nullopt; // the root element, or something libxml2 refuses
        char quote = 0;
        for (std::size_t i = pos + 9; i < xml.size(); ++i) {
            const char d = xml[i];
            if (quote != 0) {
                if (d == quote)
                    quote = 0;
            } else if (d == '"' || d == '\'') {
                quote = d;
            } else if (d == '[') {
                return i;
            } else if (d == '>') {
                return std::nullopt;
            }
        }
        return std::nullopt;
    }
    return std::nullopt;
}

bool isElement(const xmlNode* node) {
    return node->type == XML_ELEMENT_NODE;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty())
            continue;
        if (!out.empty())
            out += separator;
        out += part;
    }
    return out;
}

bool isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

// Only letters, digits, '-', '_' and '.', at most 100 characters.
std::string sanitiseId(std::string_view raw) {
    std::string out;
    for (const char c : raw.substr(0, 100))
        out += isIdChar(c) ? c : '-';
    return out;
}

// xsd:language, as the guide schema wants: "en", "nl-NL", "x-klingon".
bool validLanguage(std::string_view lang) {
    std::size_t partLength = 0;
    bool first = true;
    for (const char c : lang) {
        if (c == '-') {
            if (partLength == 0)
                return false;
            partLength = 0;
            first = false;
            continue;
        }
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (!(letter || (digit && !first)) || ++partLength > 8)
            return false;
    }
    return partLength > 0;
}

bool oneOf(std::string_view value, std::initializer_list<std::string_view> names) {
    return std::ranges::find(names, value) != names.end();
}

// Elements whose content is left out: index entries, comments to the
// writers, metadata that is no text.
bool isSkipped(std::string_view element) {
    return oneOf(element,
                 {"indexterm", "index-see", "index-see-also", "index-sort-as", "index-base",
                  "indextermref", "draft-comment", "required-cleanup", "data", "data-about",
                  "foreign", "unknown", "titlealts", "navtitle", "searchtitle", "object", "param"});
}

// Elements that start a new block of text; everything else is inline.
bool isBlock(std::string_view element) {
    return oneOf(element, {"p",
                           "div",
                           "ul",
                           "ol",
                           "sl",
                           "li",
                           "sli",
                           "dl",
                           "dlentry",
                           "dt",
                           "dd",
                           "parml",
                           "plentry",
                           "pt",
                           "pd",
                           "note",
                           "lq",
                           "fig",
                           "figgroup",
                           "section",
                           "sectiondiv",
                           "example",
                           "bodydiv",
                           "codeblock",
                           "pre",
                           "lines",
                           "msgblock",
                           "screen",
                           "table",
                           "simpletable",
                           "title",
                           "desc",
                           "choicetable",
                           "choices",
                           "choice",
                           "substeps",
                           "substep",
                           "itemgroup",
                           "stepsection",
                           "info",
                           "stepxmp",
                           "stepresult",
                           "tutorialinfo",
                           "steptroubleshooting",
                           "properties",
                           "imagemap",
                           "hazardstatement",
                           "abstract",
                           "shortdesc"});
}

// Whether `node` has text or elements of its own.
bool hasContent(const xmlNode* node) {
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (isElement(child))
            return true;
        if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
            child->content != nullptr &&
            !fold(reinterpret_cast<const char*>(child->content)).empty())
            return true;
    }
    return false;
}

// Blocks of text (as TaskReader collects them) as rich text: a block whose
// lines all start with a bullet is a list, any other block a paragraph with
// its lines kept apart by line breaks.
RichText richFromBlocks(const std::vector<std::string>& blocks) {
    constexpr std::string_view bullet = "\xE2\x80\xA2 ";
    std::string html;
    for (const auto& block : blocks) {
        std::vector<std::string_view> lines;
        for (std::size_t start = 0; start <= block.size();) {
            const std::size_t end = std::min(block.find('\n', start), block.size());
            lines.push_back(std::string_view(block).substr(start, end - start));
            start = end + 1;
        }
        const bool list = std::ranges::all_of(
            lines, [&](std::string_view line) { return line.starts_with(bullet); });
        html += list ? "<ul>" : "<p>";
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (list)
                html += "<li>" +
                        detail::escapeMarkup(lines[i].substr(bullet.size()), detail::Quotes::Keep) +
                        "</li>";
            else
                html +=
                    (i > 0 ? "<br>" : "") + detail::escapeMarkup(lines[i], detail::Quotes::Keep);
        }
        html += list ? "</ul>" : "</p>";
    }
    auto rich = RichText::fromHtml(html);
    return rich ? std::move(*rich) : RichText::fromPlainText(join(blocks, "\n\n"));
}

bool isWarningNote(std::string_view type) {
    return oneOf(type, {"caution", "warning", "danger", "attention", "important", "notice",
                        "restriction", "trouble"});
}

// Walks a parsed <task> into a Guide, collecting located warnings.
class TaskReader {
public:
    TaskReader(std::string_view file, Diagnostics& warnings)
        : m_file(file)
        , m_warnings(warnings) {}

    Guide read(const xmlNode* task) {
        Guide guide;
        guide.revision = 1;
        guide.language = language(task);
        m_dutch = guide.language == "nl" || guide.language.starts_with("nl-");
        guide.id = guideId(task);
        std::vector<std::string> context;
        std::vector<std::string> result;
        std::vector<std::string> prerequisites;
        for (const xmlNode* child = task->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            const auto childName = name(child);
            if (childName == "title") {
                guide.title = inlineText(child);
            } else if (childName == "shortdesc") {
                guide.summary = inlineText(child);
            } else if (childName == "abstract") {
                if (guide.summary.empty())
                    guide.summary = fold(join(blocksOf(child), " "));
            } else if (childName == "prolog") {
                readKeywords(child, guide.tags);
            } else if (childName == "taskbody") {
                numberSteps(child);
                readBody(child, guide, prerequisites, context, result);
            } else if (childName == "related-links") {
                warn(child, "related links are not imported");
            } else if (!isSkipped(childName)) {
                warn(child, "<" + std::string(childName) + "> is not mapped; left out");
            }
        }
        guide.prerequisites = richFromBlocks(prerequisites);
        guide.context = richFromBlocks(context);
        guide.result = richFromBlocks(result);
        if (guide.title.empty()) {
            warn(task, "the task has no title; its id is used instead");
            guide.title = guide.id;
        }
        if (guide.steps.empty()) {
            warn(task, "the task has no steps; one step is made from its title");
            Step step;
            step.id = "s1";
            step.glance = guide.title;
            guide.steps.push_back(std::move(step));
        }
        return guide;
    }

private:
    std::string language(const xmlNode* task) {
        std::string out = "en";
        if (xmlChar* lang = xmlNodeGetLang(task)) {
            out = fold(reinterpret_cast<const char*>(lang));
            xmlFree(lang);
        }
        if (!validLanguage(out)) {
            warn(task, "xml:lang '" + out + "' is not a language code; \"en\" is used");
            out = "en";
        }
        return out;
    }

    std::string guideId(const xmlNode* task) {
        std::string id = sanitiseId(attribute(task, "id").value_or(""));
        if (id.empty()) {
            const auto slash = m_file.find_last_of("/\\");
            std::string stem(slash == std::string_view::npos ? m_file : m_file.substr(slash + 1));
            if (const auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0)
                stem.erase(dot);
            id = sanitiseId(stem);
            warn(task, "the task has no id; the guide id is made from the file name");
        }
        return "dita." + (id.empty() ? std::string("task") : id);
    }

    // <prolog><metadata><keywords><keyword> become tags; index terms do not.
    void readKeywords(const xmlNode* node, std::vector<std::string>& tags) {
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            if (name(child) == "keyword") {
                if (std::string tag = inlineText(child);
                    !tag.empty() && std::ranges::find(tags, tag) == tags.end())
                    tags.push_back(std::move(tag));
            } else if (oneOf(name(child), {"metadata", "keywords"})) {
                readKeywords(child, tags);
            }
        }
    }

    // The number of every <step> with an id, so that a cross-reference to a
    // step of this task can be shown as "step 3", as DITA processors do.
    void numberSteps(const xmlNode* body) {
        int number = 0;
        for (const xmlNode* steps = body->children; steps; steps = steps->next) {
            if (!isElement(steps) || !oneOf(name(steps), {"steps", "steps-unordered"}))
                continue;
            for (const xmlNode* step = steps->children; step; step = step->next) {
                if (!isElement(step) || name(step) != "step")
                    continue;
                ++number;
                if (auto id = attribute(step, "id"))
                    m_stepNumbers.emplace(*id, number);
            }
        }
    }

    void readBody(const xmlNode* body, Guide& guide, std::vector<std::string>& prerequisites,
                  std::vector<std::string>& context, std::vector<std::string>& result) {
        for (const xmlNode* child = body->children; child; child = child->next) {
            if (!isElement(child) || !resolvable(child))
                continue;
            const auto childName = name(child);
            if (childName == "prereq")
                appendBlocks(child, prerequisites);
            else if (oneOf(childName, {"context", "section", "example"}))
                appendBlocks(child, context);
            else if (oneOf(childName, {"steps", "steps-unordered"}))
                readSteps(child, guide.steps);
            else if (childName == "steps-informal")
                guide.steps.push_back(informalStep(child, guide.steps.size()));
            else if (oneOf(childName, {"result", "postreq", "tasktroubleshooting"}))
                appendBlocks(child, result);
            else if (!isSkipped(childName)) {
                warn(child, "<" + std::string(childName) +
                                "> in the task body is not mapped; its text goes to the context");
                appendBlocks(child, context);
            }
        }
    }

    void readSteps(const xmlNode* steps, std::vector<Step>& out) {
        std::vector<std::string> pending; // a <stepsection> introduces the steps after it
        std::vector<std::string> lastDetails;
        for (const xmlNode* child = steps->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            const auto childName = name(child);
            if (childName == "step") {
                std::vector<std::string> details = std::move(pending);
                pending.clear();
                Step step = readStep(child, out.size(), details);
                step.details = richFromBlocks(details);
                lastDetails = std::move(details);
                out.push_back(std::move(step));
            } else if (childName == "stepsection") {
                if (resolvable(child))
                    appendBlocks(child, pending);
            } else if (!isSkipped(childName)) {
                warn(child, "<" + std::string(childName) + "> among the steps is not mapped");
            }
        }
        if (!pending.empty() && !out.empty()) {
            lastDetails.insert(lastDetails.end(), pending.begin(), pending.end());
            out.back().details = richFromBlocks(lastDetails);
        }
    }

    // <steps-informal>: one step, its first block the glance.
    Step informalStep(const xmlNode* node, std::size_t index) {
        Step step;
        step.id = stepId(node, index);
        m_noteSink = &step;
        std::vector<std::string> blocks = blocksOf(node);
        m_noteSink = nullptr;
        if (!blocks.empty()) {
            step.glance = fold(blocks.front());
            blocks.erase(blocks.begin());
        }
        step.details = richFromBlocks(blocks);
        if (step.glance.empty()) {
            warn(node, "the informal steps have no text; a placeholder is used");
            step.glance = "(empty step)";
        }
        return step;
    }

    // One step; what it says besides its command is appended to `details`.
    Step readStep(const xmlNode* node, std::size_t index, std::vector<std::string>& details) {
        Step step;
        step.id = stepId(node, index);
        m_reference.clear();
        if (!resolvable(node)) {
            step.glance = placeholder();
            return step;
        }
        m_noteSink = &step;
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            const auto childName = name(child);
            if (childName == "cmd") {
                m_reference.clear();
                step.glance = inlineText(child);
                if (step.glance.empty()) {
                    if (!m_reference.empty()) {
                        step.glance = placeholder();
                        warn(child, "the step's <cmd> has only referenced content; "
                                    "a placeholder is used");
                    } else {
                        step.glance = "(empty step)";
                        warn(child, "the step's <cmd> is empty; a placeholder is used");
                    }
                }
            } else if (!resolvable(child) || isSkipped(childName)) {
                continue;
            } else if (childName == "substeps") {
                readSubsteps(child, step, details);
            } else if (childName == "choices") {
                for (const xmlNode* choice = child->children; choice; choice = choice->next) {
                    if (isElement(choice) && name(choice) == "choice") {
                        if (std::string text = inlineText(choice); !text.empty())
                            step.checks.push_back(std::move(text));
                    }
                }
            } else if (childName == "choicetable") {
                warn(child, "choice table: branching was not inferred; its options are listed "
                            "in the details");
                details.push_back(choicetableLines(child));
            } else if (childName == "stepxmp") {
                if (std::string example = join(blocksOf(child), "\n"); !example.empty())
                    step.tips.push_back((m_dutch ? "Voorbeeld: " : "Example: ") + example);
            } else if (childName == "note") {
                takeNote(child);
            } else if (oneOf(childName, {"info", "stepresult", "tutorialinfo",
                                         "steptroubleshooting", "itemgroup"})) {
                appendBlocks(child, details);
            } else {
                warn(child, "<" + std::string(childName) +
                                "> in a step is not mapped; its text goes to the details");
                appendBlocks(child, details);
            }
        }
        m_noteSink = nullptr;
        if (step.glance.empty()) {
            warn(node, "the step has no <cmd>; a placeholder is used");
            step.glance = "(empty step)";
        }
        return step;
    }

    // One check per substep, numbered; what a substep says besides its
    // command goes to the step's details under the same number.
    void readSubsteps(const xmlNode* node, Step& step, std::vector<std::string>& details) {
        int number = 0;
        for (const xmlNode* substep = node->children; substep; substep = substep->next) {
            if (!isElement(substep) || name(substep) != "substep")
                continue;
            const std::string prefix = std::to_string(++number) + ". ";
            m_reference.clear();
            if (!resolvable(substep)) {
                step.checks.push_back(prefix + placeholder());
                continue;
            }
            std::string command;
            std::vector<std::string> extra;
            for (const xmlNode* child = substep->children; child; child = child->next) {
                if (!isElement(child))
                    continue;
                if (name(child) == "cmd")
                    command = inlineText(child);
                else if (!resolvable(child) || isSkipped(name(child)))
                    continue;
                else if (name(child) == "note")
                    takeNote(child);
                else
                    appendBlocks(child, extra);
            }
            if (command.empty())
                command = m_reference.empty() ? "(empty substep)" : placeholder();
            step.checks.push_back(prefix + command);
            if (!extra.empty())
                details.push_back(prefix + join(extra, " "));
        }
    }

    // "option: description" lines; the header row is left out.
    std::string choicetableLines(const xmlNode* node) {
        std::vector<std::string> lines;
        for (const xmlNode* row = node->children; row; row = row->next) {
            if (!isElement(row) || name(row) != "chrow" || !resolvable(row))
                continue;
            std::string option;
            std::string description;
            for (const xmlNode* cell = row->children; cell; cell = cell->next) {
                if (!isElement(cell))
                    continue;
                if (name(cell) == "choption")
                    option = inlineText(cell);
                else if (name(cell) == "chdesc")
                    description = inlineText(cell);
            }
            std::string line = option;
            if (!option.empty() && !description.empty())
                line += ": ";
            line += description;
            if (!line.empty())
                lines.push_back(std::move(line));
        }
        return join(lines, "\n");
    }

    std::string stepId(const xmlNode* node, std::size_t index) {
        if (auto raw = attribute(node, "id")) {
            std::string id = sanitiseId(*raw);
            if (!id.empty() && m_stepIds.insert(id).second)
                return id;
        }
        const std::string base = "s" + std::to_string(index + 1);
        std::string id = base;
        for (int n = 2; !m_stepIds.insert(id).second; ++n)
            id = base + "-" + std::to_string(n);
        return id;
    }

    // A note in a step goes to its warnings or tips, by type.
    void takeNote(const xmlNode* note) {
        Step* step = m_noteSink;
        m_noteSink = nullptr; // a note inside this note is text of this note
        std::string text = join(blocksOf(note), "\n");
        m_noteSink = step;
        if (text.empty() || step == nullptr)
            return;
        if (isWarningNote(attribute(note, "type").value_or("")))
            step->warnings.push_back(std::move(text));
        else if (attribute(note, "audience").value_or("") == "internal")
            step->notes.push_back(std::move(text)); // our own export of an internal note
        else
            step->tips.push_back(std::move(text));
    }

    // The label a note outside a step gets in running text.
    std::string notePrefix(const xmlNode* note) const {
        const std::string type = attribute(note, "type").value_or("note");
        if (isWarningNote(type))
            return m_dutch ? "Let op: " : "Warning: ";
        if (type == "tip")
            return "Tip: ";
        return m_dutch ? "Opmerking: " : "Note: ";
    }

    // The content of `node` as blocks of text: paragraphs, lists as lines.
    std::vector<std::string> blocksOf(const xmlNode* node) {
        std::vector<std::string> blocks;
        appendBlocks(node, blocks);
        return blocks;
    }

    void appendBlocks(const xmlNode* node, std::vector<std::string>& blocks) {
        std::string run;
        const auto flush = [&] {
            if (std::string text = fold(run); !text.empty())
                blocks.push_back(std::move(text));
            run.clear();
        };
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                if (child->content != nullptr)
                    run += reinterpret_cast<const char*>(child->content);
            } else if (isElement(child) && isBlock(name(child))) {
                flush();
                appendBlock(child, blocks);
            } else if (isElement(child)) {
                appendInlineElement(child, run);
            }
        }
        flush();
    }

    void appendBlock(const xmlNode* node, std::vector<std::string>& blocks) {
        if (!resolvable(node))
            return;
        const auto nodeName = name(node);
        if (nodeName == "note") {
            if (m_noteSink != nullptr) {
                takeNote(node);
            } else if (std::string text = join(blocksOf(node), " "); !text.empty()) {
                blocks.push_back(notePrefix(node) + fold(text));
            }
        } else if (oneOf(nodeName, {"ul", "ol", "sl"})) {
            std::vector<std::string> lines;
            int number = 0;
            for (const xmlNode* item = node->children; item; item = item->next) {
                if (!isElement(item) || !oneOf(name(item), {"li", "sli"}) || !resolvable(item))
                    continue;
                ++number;
                if (std::string text = flatText(item); !text.empty())
                    lines.push_back((nodeName == "ol" ? std::to_string(number) + ". " : "• ") +
                                    text);
            }
            if (!lines.empty())
                blocks.push_back(join(lines, "\n"));
        } else if (oneOf(nodeName, {"dl", "parml"})) {
            std::vector<std::string> lines;
            for (const xmlNode* entry = node->children; entry; entry = entry->next) {
                if (isElement(entry) && resolvable(entry))
                    lines.push_back(definitionLine(entry));
            }
            if (std::string text = join(lines, "\n"); !text.empty())
                blocks.push_back(std::move(text));
        } else if (nodeName == "choicetable") {
            if (std::string text = choicetableLines(node); !text.empty())
                blocks.push_back(std::move(text));
        } else if (oneOf(nodeName, {"table", "simpletable", "properties"})) {
            std::vector<std::string> lines;
            appendTableRows(node, lines);
            if (std::string text = join(lines, "\n"); !text.empty())
                blocks.push_back(std::move(text));
        } else if (oneOf(nodeName, {"codeblock", "pre", "lines", "msgblock", "screen", "title",
                                    "li", "sli", "dt", "dd", "pt", "pd", "choice"})) {
            if (std::string text = flatText(node); !text.empty())
                blocks.push_back(std::move(text));
        } else {
            appendBlocks(node, blocks); // p, div, section, fig, ...: their own blocks
        }
    }

    // "term: definition" for a <dlentry> or a <plentry>.
    std::string definitionLine(const xmlNode* entry) {
        std::vector<std::string> terms;
        std::vector<std::string> definitions;
        for (const xmlNode* part = entry->children; part; part = part->next) {
            if (!isElement(part))
                continue;
            if (oneOf(name(part), {"dt", "pt"}))
                terms.push_back(inlineText(part));
            else if (oneOf(name(part), {"dd", "pd"}))
                definitions.push_back(inlineText(part));
        }
        const std::string term = join(terms, ", ");
        const std::string definition = join(definitions, " ");
        if (term.empty() || definition.empty())
            return term + definition;
        return term + ": " + definition;
    }

    // One line per table row, its cells separated by " | ".
    void appendTableRows(const xmlNode* node, std::vector<std::string>& lines) {
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (!isElement(child) || !resolvable(child))
                continue;
            if (oneOf(name(child), {"row", "strow", "sthead", "prophead", "property"})) {
                std::vector<std::string> cells;
                for (const xmlNode* cell = child->children; cell; cell = cell->next) {
                    if (isElement(cell))
                        cells.push_back(inlineText(cell));
                }
                if (std::string line = join(cells, " | "); !line.empty())
                    lines.push_back(std::move(line));
            } else if (name(child) != "title" && name(child) != "desc") {
                appendTableRows(child, lines); // tgroup, thead, tbody
            }
        }
    }

    // All text of `node` on one line, inline markup flattened.
    std::string inlineText(const xmlNode* node) { return resolvable(node) ? flatText(node) : ""; }

    // The same, for a node whose references have been looked at already.
    std::string flatText(const xmlNode* node) {
        std::string raw;
        appendInline(node, raw);
        return fold(raw);
    }

    void appendInline(const xmlNode* node, std::string& out) {
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                if (child->content != nullptr)
                    out += reinterpret_cast<const char*>(child->content);
            } else if (isElement(child)) {
                appendInlineElement(child, out);
            }
        }
    }

    void appendInlineElement(const xmlNode* node, std::string& out) {
        const auto nodeName = name(node);
        if (nodeName == "draft-comment") {
            warn(node, "draft comment left out");
            return;
        }
        if (isSkipped(nodeName) || !resolvable(node))
            return;
        if (nodeName == "note" && m_noteSink != nullptr) {
            takeNote(node);
            return;
        }
        if (nodeName == "coderef") {
            warn(node, "coderef to " + attribute(node, "href").value_or("?") +
                           " not resolved; content left out");
            return;
        }
        if (nodeName == "image") {
            appendImage(node, out);
            return;
        }
        const bool block = isBlock(nodeName);
        out += block ? " " : "";
        if (nodeName == "note")
            out += notePrefix(node);
        if (nodeName == "li" && node->parent != nullptr && isElement(node->parent) &&
            name(node->parent) == "ul")
            out += "• ";
        const std::size_t before = out.size();
        appendInline(node, out);
        if (nodeName == "xref" && fold(std::string_view(out).substr(before)).empty())
            appendLinkTarget(node, out);
        out += block ? " " : "";
    }

    // An <xref> without text of its own: an external address is shown as
    // text; a link into other topics would need their titles, so it is left out.
    void appendLinkTarget(const xmlNode* node, std::string& out) {
        if (attribute(node, "keyref"))
            return; // resolvable() has already warned
        const std::string href = attribute(node, "href").value_or("");
        if (href.starts_with("#")) { // "#topic/element" or "#./element": this task
            const auto step = m_stepNumbers.find(href.substr(href.find_last_of("#/") + 1));
            if (step != m_stepNumbers.end()) {
                out += std::to_string(step->second);
                return;
            }
        }
        if (href.starts_with("http://") || href.starts_with("https://") ||
            attribute(node, "scope").value_or("") == "external") {
            out += href;
        } else if (!href.empty()) {
            warn(node, "link to " + href + " has no text of its own; left out");
        }
    }

    void appendImage(const xmlNode* node, std::string& out) {
        std::string alt = attribute(node, "alt").value_or("");
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (isElement(child) && name(child) == "alt")
                alt = inlineText(child);
        }
        warn(node, "image " +
                       attribute(node, "href").value_or(attribute(node, "keyref").value_or("?")) +
                       " is not imported (guides keep pictures by content hash)");
        if (!alt.empty())
            out += " " + alt + " ";
    }

    // False (after a warning) when the content of `node` lives in another
    // file: a conref or conkeyref replaces it, and is never resolved. A
    // keyref is warned about too, but the element's own text stays.
    bool resolvable(const xmlNode* node) {
        for (const char* kind : {"conkeyref", "conref"}) {
            if (auto target = attribute(node, kind)) {
                warn(node,
                     std::string(kind) + " to " + *target + " not resolved; content left out");
                m_reference = std::string(kind) + ": " + *target;
                return false;
            }
        }
        if (auto target = attribute(node, "keyref")) {
            warn(node, "keyref to " + *target + " not resolved; " +
                           (hasContent(node) ? "its own text is kept" : "content left out"));
            m_reference = "keyref: " + *target;
        }
        return true;
    }

    // The glance for a command whose content comes only from elsewhere.
    std::string placeholder() const {
        return m_reference.empty() ? "(empty step)" : "(inhoud via " + m_reference + ")";
    }

    void warn(const xmlNode* node, std::string message) {
        m_warnings.push_back({std::string(m_file), node ? static_cast<int>(xmlGetLineNo(node)) : 0,
                              0, Severity::Warning, std::move(message)});
    }

    std::string_view m_file;
    Diagnostics& m_warnings;
    bool m_dutch = false;
    Step* m_noteSink = nullptr; // the step whose notes are being collected
    std::string m_reference;    // "conref: X" for the last reference left unresolved
    std::set<std::string> m_stepIds;
    std::map<std::string, int, std::less<>> m_stepNumbers; // DITA step id -> 1-based number
};

// The safe parse; nullptr (with errors in `diagnostics`) on failure.
DocPtr parseDita(std::string_view xml, std::string_view fileName, Diagnostics& diagnostics) {
    initLibxml();
    const std::string file(fileName);
    if (xml.size() > kMaxGuideBytes) {
        diagnostics.push_back(
            {file, 1, 1, Severity::Error,
             "document is larger than the limit of " + std::to_string(kMaxGuideBytes) + " bytes"});
        return nullptr;
    }
    if (const auto bracket = internalSubset(xml)) {
        const auto [line, column] = locate(xml, *bracket);
        diagnostics.push_back({file, line, column, Severity::Error,
                               "a DOCTYPE with an internal subset is refused (entity "
                               "declarations are not allowed)"});
        return nullptr;
    }
    DocPtr doc;
    {
        const ErrorCollector collector(diagnostics, fileName, {.undeclaredEntityIsWarning = true});
        CtxtPtr ctxt(xmlNewParserCtxt());
        if (!ctxt) {
            diagnostics.push_back({file, 0, 0, Severity::Error, "out of memory"});
            return nullptr;
        }
        doc.reset(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()),
                                    file.c_str(), "UTF-8",
                                    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES));
    }
    if (!doc || hasErrors(diagnostics)) {
        if (!hasErrors(diagnostics))
            diagnostics.push_back({file, 1, 1, Severity::Error, "not well-formed XML"});
        return nullptr;
    }
    // Belt and braces: whatever the scan above missed, no declaration gets in.
    if ((doc->intSubset != nullptr && doc->intSubset->children != nullptr) ||
        doc->extSubset != nullptr) {
        diagnostics.push_back({file, 1, 1, Severity::Error,
                               "a DOCTYPE with declarations is refused (entity declarations "
                               "are not allowed)"});
        return nullptr;
    }
    return doc;
}

// ---- export ----

std::string escapeText(std::string_view text) {
    return detail::escapeMarkup(text, detail::Quotes::Keep);
}

std::string escapeAttribute(std::string_view text) {
    return detail::escapeMarkup(text, detail::Quotes::Double);
}

// A topic id is an XML ID: letters, digits, '_' and '-', not starting with a
// digit or '-'.
std::string ditaTopicId(std::string_view guideId) {
    std::string out;
    for (const char c : guideId)
        out += (isIdChar(c) && c != '.') ? c : '_';
    if (out.empty() || (out.front() >= '0' && out.front() <= '9') || out.front() == '-')
        out.insert(out.begin(), '_');
    return out;
}

std::string inlineStart(const RichToken& token) {
    if (token.value == "em")
        return "<i>";
    if (token.value == "strong")
        return "<b>";
    if (token.value == "code")
        return "<codeph>";
    const std::string key = token.href.substr(std::string_view("guide:").size());
    return "<xref keyref=\"" + escapeAttribute(key) + "\">";
}

std::string inlineEnd(std::string_view tag) {
    if (tag == "em")
        return "</i>";
    if (tag == "strong")
        return "</b>";
    if (tag == "code")
        return "</codeph>";
    return "</xref>";
}

class DitaOut {
public:
    void line(int indent, std::string_view text) {
        m_out.append(static_cast<std::size_t>(indent) * 2, ' ');
        m_out += text;
        m_out += '\n';
    }
    // <tag>text</tag>, nothing for empty text.
    void element(int indent, std::string_view tag, std::string_view text,
                 std::string_view attributes = {}) {
        if (text.empty())
            return;
        line(indent, "<" + std::string(tag) + std::string(attributes) + ">" + escapeText(text) +
                         "</" + std::string(tag) + ">");
    }
    // Rich text as DITA blocks: <p>, <ul>, <ol>, <li> as they are; <em>,
    // <strong> and <code> as <i>, <b> and <codeph>; a link to a guide as an
    // <xref> with the guide id as its key; a line break ends a paragraph (or,
    // inside a list item or inline markup, becomes a space).
    // `label`, when given, starts the first paragraph in bold.
    void rich(int indent, const RichText& text, std::string_view label = {}) {
        std::string run; // the inline markup of the paragraph or item being written
        std::string_view block = "p";
        bool inList = false;
        int inlineDepth = 0; // a break inside inline markup cannot end the paragraph
        const std::string labelRun = label.empty() ? "" : "<b>" + escapeText(label) + "</b> ";
        run = labelRun;
        const auto flush = [&](bool keepEmpty = false) {
            while (!run.empty() && run.back() == ' ')
                run.pop_back();
            if (!run.empty() || keepEmpty)
                line(indent + (inList ? 1 : 0),
                     "<" + std::string(block) + ">" + run + "</" + std::string(block) + ">");
            run.clear();
        };
        for (const RichToken& token : text.tokens()) {
            switch (token.kind) {
            case RichToken::Kind::Text:
                run += escapeText(token.value);
                break;
            case RichToken::Kind::Break:
                if (inList || inlineDepth > 0)
                    run += ' ';
                else
                    flush();
                break;
            case RichToken::Kind::Open:
                if (token.value == "p") {
                    if (run != labelRun)
                        flush(); // the label, if still alone, starts this paragraph
                    block = "p";
                } else if (token.value == "ul" || token.value == "ol") {
                    flush();
                    line(indent, "<" + token.value + ">");
                    inList = true;
                } else if (token.value == "li") {
                    block = "li";
                } else {
                    run += inlineStart(token);
                    ++inlineDepth;
                }
                break;
            case RichToken::Kind::Close:
                if (token.value == "p" || token.value == "li") {
                    flush(token.value == "li");
                    block = "p";
                } else if (token.value == "ul" || token.value == "ol") {
                    inList = false;
                    line(indent, "</" + token.value + ">");
                } else {
                    run += inlineEnd(token.value);
                    --inlineDepth;
                }
                break;
            }
        }
        flush();
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

void writeDitaStep(DitaOut& out, const Step& step, bool last, bool dutch) {
    out.line(3, "<step id=\"" + escapeAttribute(step.id) + "\">");
    out.element(4, "cmd", step.glance);
    const bool hasInfo = !step.details.empty() || !step.why.empty() || !step.checks.empty() ||
                         !step.warnings.empty() || !step.tips.empty() || !step.notes.empty() ||
                         !step.images.empty() || step.escalation.has_value() ||
                         (step.ends && !last);
    if (hasInfo) {
        out.line(4, "<info>");
        out.rich(5, step.details);
        if (!step.why.empty())
            out.rich(5, step.why, dutch ? "Waarom:" : "Why:");
        if (!step.checks.empty()) {
            out.line(5, "<ul>");
            for (const auto& check : step.checks)
                out.element(6, "li", check);
            out.line(5, "</ul>");
        }
        for (const auto& warning : step.warnings)
            out.element(5, "note", warning, " type=\"caution\"");
        for (const auto& tip : step.tips)
            out.element(5, "note", tip, " type=\"tip\"");
        // For colleagues only: DITA's audience marks it, as the desk hides it.
        for (const auto& note : step.notes)
            out.element(5, "note", note, " type=\"other\" audience=\"internal\"");
        for (const Image& image : step.images)
            out.element(5, "p",
                        (dutch ? "Afbeelding: " : "Picture: ") + image.alt + " (" + image.hash +
                            ")");
        if (const auto& escalation = step.escalation) {
            out.element(5, "p", (dutch ? "Zeg: " : "Say: ") + escalation->say);
            if (!escalation->record.empty())
                out.element(5, "p", (dutch ? "Noteer: " : "Record: ") + escalation->record);
            if (!escalation->outcome.empty())
                out.element(5, "p", (dutch ? "Afloop: " : "Outcome: ") + escalation->outcome);
            out.element(5, "note", (dutch ? "Escaleer naar: " : "Escalate to: ") + escalation->role,
                        " type=\"important\"");
        }
        if (step.ends && !last)
            out.element(5, "p", dutch ? "Hier eindigt de taak." : "The task ends here.");
        out.line(4, "</info>");
    }
    if (!step.options.empty()) {
        out.line(4, "<choices>");
        for (const Option& option : step.options)
            out.element(5, "choice", option.label + " \xE2\x86\x92 " + option.target);
        out.line(4, "</choices>");
    }
    out.line(3, "</step>");
}

} // namespace

std::expected<ImportResult, Diagnostics> importDitaTask(std::string_view xml,
                                                        std::string_view fileName) {
    Diagnostics diagnostics;
    DocPtr doc = parseDita(xml, fileName, diagnostics);
    if (!doc)
        return std::unexpected(std::move(diagnostics));
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr || name(root) != "task") {
        diagnostics.push_back({std::string(fileName),
                               root ? static_cast<int>(xmlGetLineNo(root)) : 1, 0, Severity::Error,
                               "not a DITA task: the root element is <" +
                                   std::string(root ? name(root) : std::string_view("none")) +
                                   ">, not <task>"});
        return std::unexpected(std::move(diagnostics));
    }
    ImportResult result;
    result.warnings = std::move(diagnostics); // only warnings are left
    TaskReader reader(fileName, result.warnings);
    result.guide = reader.read(root);
    return result;
}

std::string exportDitaTask(const Guide& guide) {
    const bool dutch = guide.language == "nl" || guide.language.starts_with("nl-");
    DitaOut out;
    out.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.line(0, "<!DOCTYPE task PUBLIC \"-//OASIS//DTD DITA Task//EN\" \"task.dtd\">");
    out.line(0, "<task id=\"" + escapeAttribute(ditaTopicId(guide.id)) + "\" xml:lang=\"" +
                    escapeAttribute(guide.language) + "\">");
    out.element(1, "title", guide.title);
    out.element(1, "shortdesc", guide.summary);
    if (!guide.tags.empty()) {
        out.line(1, "<prolog>");
        out.line(2, "<metadata>");
        out.line(3, "<keywords>");
        for (const auto& tag : guide.tags)
            out.element(4, "keyword", tag);
        out.line(3, "</keywords>");
        out.line(2, "</metadata>");
        out.line(1, "</prolog>");
    }
    out.line(1, "<taskbody>");
    if (!guide.prerequisites.empty()) {
        out.line(2, "<prereq>");
        out.rich(3, guide.prerequisites);
        out.line(2, "</prereq>");
    }
    if (!guide.context.empty()) {
        out.line(2, "<context>");
        out.rich(3, guide.context);
        out.line(2, "</context>");
    }
    out.line(2, "<steps>");
    for (std::size_t i = 0; i < guide.steps.size(); ++i)
        writeDitaStep(out, guide.steps[i], i + 1 == guide.steps.size(), dutch);
    out.line(2, "</steps>");
    if (!guide.result.empty()) {
        out.line(2, "<result>");
        out.rich(3, guide.result);
        out.line(2, "</result>");
    }
    out.line(1, "</taskbody>");
    out.line(0, "</task>");
    return out.take();
}

} // namespace souffleur::content
