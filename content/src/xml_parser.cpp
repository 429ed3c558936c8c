// Guide and alert XML to model, with libxml2 2.9.14 used safely (docs/SECURITY.md):
//  1. Input over kMaxGuideBytes or carrying a DOCTYPE is refused before libxml2
//     sees it: no internal subset means no entity definitions, so no billion
//     laughs and no external entities.
//  2. Options: XML_PARSE_NONET always; never NOENT, DTDLOAD, DTDVALID, XINCLUDE
//     or HUGE (so libxml2's own depth and text-size limits stay on).
//  3. The external-entity loader refuses everything, process-wide.
//  4. Errors come through a structured handler, as located diagnostics.
// Then the tree is walked into the model by TreeReader, which gives clear,
// located messages for everything the format forbids, and finally the
// document is validated against the RELAX NG schema (content/schema/), the
// contract that other tools can check too. The reader and the schema agree:
// every guide in the library passes both (tests/content).
#include "libxml_support.h"
#include "rich_text_builder.h"
#include "schema.h"

#include <souffleur/content/parser.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

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

struct RngParserFree {
    void operator()(xmlRelaxNGParserCtxt* ctxt) const { xmlRelaxNGFreeParserCtxt(ctxt); }
};
struct RngFree {
    void operator()(xmlRelaxNG* schema) const { xmlRelaxNGFree(schema); }
};
struct RngValidFree {
    void operator()(xmlRelaxNGValidCtxt* ctxt) const { xmlRelaxNGFreeValidCtxt(ctxt); }
};

bool inGuideNamespace(const xmlNode* node) {
    return node->ns != nullptr && node->ns->href != nullptr &&
           std::string_view(reinterpret_cast<const char*>(node->ns->href)) == kGuideNamespace;
}

std::string foldedText(const xmlNode* node) {
    xmlChar* raw = xmlNodeGetContent(node);
    if (raw == nullptr)
        return {};
    std::string out = fold(reinterpret_cast<const char*>(raw));
    xmlFree(raw);
    return out;
}

bool validId(std::string_view id) {
    if (id.empty() || id.size() > 128)
        return false;
    return std::ranges::all_of(id, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    });
}

bool isDigits(std::string_view text) {
    return std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY-MM-DD" with a month 01-12 and a day 01-31.
bool validDate(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !isDigits(date.substr(0, 4)) ||
        !isDigits(date.substr(5, 2)) || !isDigits(date.substr(8, 2)))
        return false;
    const int month = (date[5] - '0') * 10 + (date[6] - '0');
    const int day = (date[8] - '0') * 10 + (date[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

constexpr std::array<std::string_view, 5> kEscalationRoles = {"id-expert", "back-office", "police",
                                                              "team-lead", "other"};

// A whole number of at least 1 (a `format` or `revision` attribute), or nullopt.
std::optional<int> positiveNumber(std::string_view text) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || value < 1)
        return std::nullopt;
    return value;
}

// Walks a parsed document into the model, adding located errors.
class TreeReader {
public:
    TreeReader(std::string_view file, std::string_view xml, Diagnostics& diagnostics,
               SourceLines* lines)
        : m_file(file)
        , m_xml(xml)
        , m_diagnostics(diagnostics)
        , m_lines(lines) {}

    Guide readGuide(const xmlNode* root) {
        Guide guide;
        note(root, [&](SourceLines& lines, int line) { lines.root = line; });
        checkAttributes(root, {"id", "revision", "format", "kind"});
        m_format = format(root);
        guide.id = requiredId(root, "id");
        if (auto kind = attribute(root, "kind")) {
            if (*kind != "block")
                error(root, "kind must be \"block\", not '" + *kind + "'");
            else if (m_format < 4)
                error(root, "kind=\"block\" needs format=\"4\" on the <guide>");
            guide.isBlock = *kind == "block";
        }
        guide.revision = revision(root);
        guide.language = language(root);
        for (const xmlNode* child = root->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            const auto childName = name(child);
            if (childName == "title")
                guide.title = textOnly(child);
            else if (childName == "summary")
                guide.summary = textOnly(child);
            else if (childName == "audience")
                guide.audience.push_back(singleAttribute(child, "role"));
            else if (childName == "owner")
                guide.owner = singleAttribute(child, "team");
            else if (childName == "review")
                readReview(child, guide);
            else if (childName == "tag")
                guide.tags.push_back(textOnly(child));
            else if (childName == "valid")
                readValidity(child, guide.validFrom, guide.validTo);
            else if (childName == "basis")
                guide.references.push_back(readBasis(child));
            else if (childName == "related") {
                guide.related.push_back(checkId(child, singleAttribute(child, "guide")));
                note(child, [&](SourceLines& lines, int line) {
                    lines.related.emplace(guide.related.back(), line);
                });
            } else if (childName == "trigger")
                guide.triggers.push_back(readTrigger(child));
            else if (childName == "prerequisites")
                guide.prerequisites = richText(child);
            else if (childName == "context")
                guide.context = richText(child);
            else if (childName == "result")
                guide.result = richText(child);
            else if (childName == "step")
                guide.steps.push_back(readStep(child));
            else
                unknown(child);
        }
        if (guide.title.empty())
            error(root, "<guide> needs a non-empty <title>");
        if (guide.steps.empty())
            error(root, "<guide> needs at least one <step>");
        for (const auto& [node, target] : m_targets) {
            if (!target.empty() && !guide.findStep(target))
                error(node, "option leads to unknown step '" + target + "'");
        }
        return guide;
    }

    Alert readAlert(const xmlNode* root) {
        Alert alert;
        note(root, [&](SourceLines& lines, int line) { lines.root = line; });
        checkAttributes(root, {"id", "revision", "level", "acknowledge", "format"});
        m_format = format(root);
        alert.id = requiredId(root, "id");
        alert.revision = revision(root);
        alert.language = language(root);
        const std::string level = requiredAttribute(root, "level");
        if (level == "info")
            alert.level = Alert::Level::Info;
        else if (level == "warning")
            alert.level = Alert::Level::Warning;
        else if (level == "critical")
            alert.level = Alert::Level::Critical;
        else if (!level.empty())
            error(root, "level must be info, warning or critical, not '" + level + "'");
        if (auto acknowledge = attribute(root, "acknowledge")) {
            if (*acknowledge != "required" && *acknowledge != "optional")
                error(root, "acknowledge must be \"required\" or \"optional\"");
            alert.mustAcknowledge = *acknowledge == "required";
        }
        for (const xmlNode* child = root->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            const auto childName = name(child);
            if (childName == "title")
                alert.title = textOnly(child);
            else if (childName == "body")
                alert.body = richText(child);
            else if (childName == "valid")
                readValidity(child, alert.validFrom, alert.validTo);
            else if (childName == "attach") {
                checkAttributes(child, {"guide", "step"});
                expectEmpty(child);
                Alert::Attachment attachment{checkId(child, requiredAttribute(child, "guide")),
                                             attribute(child, "step").value_or("")};
                if (!attachment.step.empty())
                    checkId(child, attachment.step);
                alert.attachments.push_back(std::move(attachment));
                note(child,
                     [](SourceLines& lines, int line) { lines.attachments.push_back(line); });
            } else
                unknown(child);
        }
        if (alert.title.empty())
            error(root, "<alert> needs a non-empty <title>");
        if (alert.body.empty())
            error(root, "<alert> needs a non-empty <body>");
        return alert;
    }

private:
    Step readStep(const xmlNode* node) {
        Step step;
        checkAttributes(node, {"id", "end", "block"});
        step.id = requiredId(node, "id");
        if (auto block = attribute(node, "block")) {
            if (m_format < 4)
                error(node, "block=\"...\" on a step needs format=\"4\" on the <guide>");
            step.block = checkId(node, *block);
        }
        note(node, [&](SourceLines& lines, int line) { lines.steps.emplace(step.id, line); });
        if (!m_stepIds.insert(step.id).second && !step.id.empty())
            error(node, "duplicate step id '" + step.id + "'");
        if (auto end = attribute(node, "end")) {
            if (*end != "true" && *end != "false")
                error(node, "end must be \"true\" or \"false\"");
            step.ends = *end == "true";
        }
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            const auto childName = name(child);
            if (childName == "glance")
                step.glance = textOnly(child);
            else if (childName == "details")
                step.details = richText(child);
            else if (childName == "why")
                step.why = richText(child);
            else if (childName == "basis") {
                if (m_format < 2)
                    error(child, "<basis> in a step needs format=\"2\" on the <guide>");
                step.references.push_back(readBasis(child));
            } else if (childName == "check")
                step.checks.push_back(textOnly(child));
            else if (childName == "warning")
                step.warnings.push_back(textOnly(child));
            else if (childName == "tip")
                step.tips.push_back(textOnly(child));
            else if (childName == "note") {
                if (m_format < 3)
                    error(child, "<note> in a step needs format=\"3\" on the <guide>");
                step.notes.push_back(textOnly(child));
            } else if (childName == "image")
                step.images.push_back(readImage(child));
            else if (childName == "decision")
                readDecision(child, step);
            else if (childName == "escalation")
                step.escalation = readEscalation(child);
            else
                unknown(child);
            if (!step.block.empty() && childName != "decision")
                error(child, "step '" + step.id + "' shows block '" + step.block +
                                 "' and takes its text from there: only a <decision> may "
                                 "follow, not <" +
                                 std::string(childName) + ">");
        }
        if (step.glance.empty() && step.block.empty())
            error(node, "step '" + step.id + "' needs a non-empty <glance>");
        if (!step.options.empty() && step.escalation)
            error(node, "step '" + step.id + "' has both a decision and an escalation");
        return step;
    }

    void readDecision(const xmlNode* node, Step& step) {
        checkAttributes(node, {});
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            if (name(child) != "option") {
                unknown(child);
                continue;
            }
            Option option{textOnly(child, {"goto"}), attribute(child, "goto").value_or("")};
            if (option.target.empty())
                error(child, "<option> needs a goto attribute naming a step");
            if (option.label.empty())
                error(child, "<option> needs a label");
            m_targets.emplace_back(child, option.target);
            step.options.push_back(std::move(option));
        }
        if (step.options.size() < 2)
            error(node, "a <decision> needs at least two options");
    }

    Escalation readEscalation(const xmlNode* node) {
        checkAttributes(node, {"role"});
        Escalation escalation;
        escalation.role = requiredAttribute(node, "role");
        if (!escalation.role.empty() &&
            std::ranges::find(kEscalationRoles, escalation.role) == kEscalationRoles.end())
            error(node, "role must be id-expert, back-office, police, team-lead or other");
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            const auto childName = name(child);
            if (childName == "say")
                escalation.say = textOnly(child);
            else if (childName == "record")
                escalation.record = textOnly(child);
            else if (childName == "outcome")
                escalation.outcome = textOnly(child);
            else
                unknown(child);
        }
        if (escalation.say.empty())
            error(node, "an <escalation> needs <say>: what to tell the citizen");
        return escalation;
    }

    Image readImage(const xmlNode* node) {
        checkAttributes(node, {"hash", "alt"});
        Image image{requiredAttribute(node, "hash"), requiredAttribute(node, "alt")};
        if (!image.hash.empty() && !isImageHash(image.hash))
            error(node, "hash must be \"sha256:\" and 64 lower-case hex digits");
        expectEmpty(node);
        return image;
    }

    Trigger readTrigger(const xmlNode* node) {
        checkAttributes(node, {"application", "title", "link"});
        Trigger trigger{attribute(node, "application").value_or(""),
                        attribute(node, "title").value_or(""),
                        attribute(node, "link").value_or("")};
        const bool window = !trigger.application.empty() || !trigger.title.empty();
        if (window == !trigger.link.empty())
            error(node, "a <trigger> has either a link or an application and/or title pattern");
        if (!trigger.link.empty() && !validId(trigger.link))
            error(node, "'" + trigger.link + "' is not a valid link id");
        expectEmpty(node);
        return trigger;
    }

    // <basis href="..." source="ID">label</basis>; `source` is format 5.
    Reference readBasis(const xmlNode* node) {
        Reference reference{
            textOnly(node, {"href", "source"}), attribute(node, "href").value_or(""), {}};
        if (auto source = attribute(node, "source")) {
            if (m_format < 5)
                error(node, "<basis source=\"...\"> needs format=\"5\" on the <guide>");
            reference.source = checkId(node, *source);
        }
        return reference;
    }

    // <review every="MONTHS" next="YYYY-MM-DD"/> (format 5).
    void readReview(const xmlNode* node, Guide& guide) {
        if (m_format < 5)
            error(node, "<review> needs format=\"5\" on the <guide>");
        checkAttributes(node, {"every", "next"});
        if (auto every = attribute(node, "every")) {
            const auto months = positiveNumber(*every);
            if (!months || *months > 120)
                error(node, "every must be a number of months from 1 to 120, not '" + *every + "'");
            else
                guide.reviewMonths = *months;
        }
        guide.nextReview = attribute(node, "next").value_or("");
        if (!guide.nextReview.empty() && !validDate(guide.nextReview))
            error(node, "'" + guide.nextReview + "' is not a date of the form YYYY-MM-DD");
        expectEmpty(node);
    }

    void readValidity(const xmlNode* node, std::string& from, std::string& to) {
        note(node, [](SourceLines& lines, int line) { lines.valid = line; });
        checkAttributes(node, {"from", "to"});
        from = attribute(node, "from").value_or("");
        to = attribute(node, "to").value_or("");
        for (const std::string* date : {&from, &to}) {
            if (!date->empty() && !validDate(*date))
                error(node, "'" + *date + "' is not a date of the form YYYY-MM-DD");
        }
        expectEmpty(node);
    }

    int revision(const xmlNode* root) {
        int value = 1;
        if (auto text = attribute(root, "revision")) {
            const auto* end = text->data() + text->size();
            auto [ptr, ec] = std::from_chars(text->data(), end, value);
            if (ec != std::errc() || ptr != end || value < 1)
                error(root, "revision must be a whole number of at least 1");
        } else {
            error(root, "<" + std::string(name(root)) + "> needs a revision attribute");
        }
        return value;
    }

    // The root's `format` (default 1); parseDocument() has refused one newer
    // than the reader's already.
    int format(const xmlNode* root) {
        const auto text = attribute(root, "format");
        if (!text)
            return 1;
        const auto value = positiveNumber(*text);
        if (!value) {
            error(root, "format must be a whole number of at least 1");
            return 1;
        }
        return *value;
    }

    static std::string language(const xmlNode* root) {
        std::string out = "nl";
        if (xmlChar* lang = xmlNodeGetLang(root)) {
            out = reinterpret_cast<const char*>(lang);
            xmlFree(lang);
        }
        return out;
    }

    // Elements whose content is plain text: child elements are errors.
    std::string textOnly(const xmlNode* node,
                         std::initializer_list<std::string_view> allowedAttributes = {}) {
        checkAttributes(node, allowedAttributes);
        for (const xmlNode* child = node->children; child; child = child->next) {
            if (isElement(child))
                error(child, "<" + std::string(name(child)) + "> is not allowed inside <" +
                                 std::string(name(node)) + ">");
        }
        return foldedText(node);
    }

    // Elements whose content is rich text (rich_text.h): the allowlisted
    // markup, and nothing else, with a located error for anything more.
    RichText richText(const xmlNode* node) {
        checkAttributes(node, {});
        std::vector<detail::RichIssue> issues;
        RichText out = detail::RichTextBuilder::fromNodes(node->children,
                                                          detail::RichSource::GuideXml, issues);
        for (auto& issue : issues)
            error(issue.node, std::move(issue.message));
        return out;
    }

    void expectEmpty(const xmlNode* node) {
        if (!foldedText(node).empty())
            error(node, "<" + std::string(name(node)) + "> must be empty");
        for (const xmlNode* child = node->children; child; child = child->next)
            (void)isElement(child);
    }

    std::string requiredAttribute(const xmlNode* node, const char* attrName) {
        auto value = attribute(node, attrName);
        if (!value || value->empty()) {
            error(node,
                  "<" + std::string(name(node)) + "> needs a non-empty " + attrName + " attribute");
            return {};
        }
        return *value;
    }

    // An empty element with one required attribute, such as <owner team="..."/>.
    std::string singleAttribute(const xmlNode* node, const char* attrName) {
        checkAttributes(node, {std::string_view(attrName)});
        expectEmpty(node);
        return requiredAttribute(node, attrName);
    }

    std::string requiredId(const xmlNode* node, const char* attrName) {
        auto value = attribute(node, attrName);
        if (!value) {
            error(node, "<" + std::string(name(node)) + "> needs an " + attrName + " attribute");
            return {};
        }
        if (!validId(*value))
            error(node, "'" + *value + "' is not a valid id (letters, digits, '-', '_', '.')");
        return *value;
    }

    // `value` itself, after an error if it is not empty and not a valid id.
    std::string checkId(const xmlNode* node, std::string value) {
        if (!value.empty() && !validId(value))
            error(node, "'" + value + "' is not a valid id (letters, digits, '-', '_', '.')");
        return value;
    }

    void checkAttributes(const xmlNode* node, std::initializer_list<std::string_view> allowed) {
        for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
            const std::string_view attrName = reinterpret_cast<const char*>(attr->name);
            const bool isRoot = node->parent != nullptr && node->parent->type == XML_DOCUMENT_NODE;
            if (attr->ns != nullptr && attrName == "lang" && isRoot)
                continue; // xml:lang on the root
            if (attr->ns == nullptr && std::ranges::find(allowed, attrName) != allowed.end())
                continue;
            error(node, "unknown attribute '" + std::string(attrName) + "' on <" +
                            std::string(name(node)) + ">");
        }
    }

    bool isElement(const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE)
            return false;
        if (!inGuideNamespace(node)) {
            error(node, "element <" + std::string(name(node)) + "> is not in the guide namespace");
            return false;
        }
        return true;
    }

    void unknown(const xmlNode* node) {
        error(node, "unknown element <" + std::string(name(node)) + ">");
    }

    // Records where `node` is, when the caller asked for source lines.
    template <typename Record>
    void note(const xmlNode* node, Record record) {
        if (m_lines != nullptr)
            record(*m_lines, static_cast<int>(xmlGetLineNo(node)));
    }

    void error(const xmlNode* node, std::string message) {
        const auto [line, column] = detail::position(node, m_xml);
        m_diagnostics.push_back(
            {std::string(m_file), line, column, Severity::Error, std::move(message)});
    }

    std::string_view m_file;
    std::string_view m_xml;
    Diagnostics& m_diagnostics;
    SourceLines* m_lines;
    std::set<std::string> m_stepIds;
    std::vector<std::pair<const xmlNode*, std::string>> m_targets;
    int m_format = 1; // the root's declared format revision
};

// The compiled RELAX NG schema, parsed once from the copy built into the
// library (never from the file system), shared read-only by all threads.
xmlRelaxNG* compiledSchema() {
    static xmlRelaxNG* const schema = [] {
        Diagnostics ignored;
        const ErrorCollector collector(ignored, "schema");
        std::unique_ptr<xmlRelaxNGParserCtxt, RngParserFree> ctxt(xmlRelaxNGNewMemParserCtxt(
            detail::kGuideSchema.data(), static_cast<int>(detail::kGuideSchema.size())));
        return ctxt ? xmlRelaxNGParse(ctxt.get()) : nullptr;
    }();
    return schema;
}

void validateAgainstSchema(xmlDoc* doc, std::string_view file, Diagnostics& diagnostics) {
    xmlRelaxNG* schema = compiledSchema();
    if (schema == nullptr) {
        diagnostics.push_back({std::string(file), 0, 0, Severity::Error,
                               "internal error: the built-in schema does not compile"});
        return;
    }
    std::unique_ptr<xmlRelaxNGValidCtxt, RngValidFree> ctxt(xmlRelaxNGNewValidCtxt(schema));
    const ErrorCollector collector(diagnostics, file, {.prefix = "schema: "});
    if (xmlRelaxNGValidateDoc(ctxt.get(), doc) != 0 && !hasErrors(diagnostics))
        diagnostics.push_back({std::string(file), 0, 0, Severity::Error, "schema: not valid"});
}

// The safe parse shared by guides and alerts; nullptr (with diagnostics) on failure.
DocPtr parseXml(std::string_view xml, std::string_view fileName, Diagnostics& diagnostics) {
    initLibxml();
    if (xml.size() > kMaxGuideBytes) {
        diagnostics.push_back(
            {std::string(fileName), 1, 1, Severity::Error,
             "document is larger than the limit of " + std::to_string(kMaxGuideBytes) + " bytes"});
        return nullptr;
    }
    if (const auto pos = xml.find("<!DOCTYPE"); pos != std::string_view::npos) {
        const auto [line, column] = locate(xml, pos);
        diagnostics.push_back({std::string(fileName), line, column, Severity::Error,
                               "a guide may not carry a DOCTYPE (DTDs and entities are refused)"});
        return nullptr;
    }
    DocPtr doc;
    {
        const ErrorCollector collector(diagnostics, fileName);
        CtxtPtr ctxt(xmlNewParserCtxt());
        if (!ctxt) {
            diagnostics.push_back({std::string(fileName), 0, 0, Severity::Error, "out of memory"});
            return nullptr;
        }
        const std::string url(fileName);
        doc.reset(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()),
                                    url.c_str(), "UTF-8",
                                    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES));
    }
    if (!doc || hasErrors(diagnostics)) {
        if (!hasErrors(diagnostics))
            diagnostics.push_back(
                {std::string(fileName), 1, 1, Severity::Error, "not well-formed XML"});
        return nullptr;
    }
    if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
        diagnostics.push_back({std::string(fileName), 1, 1, Severity::Error,
                               "a guide may not carry a DOCTYPE (DTDs and entities are refused)"});
        return nullptr;
    }
    return doc;
}

std::expected<std::string, Diagnostics> readFile(const std::filesystem::path& path) {
    const std::string file = path.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        return std::unexpected(
            Diagnostics{{file, 0, 0, Severity::Error, "cannot read file: " + ec.message()}});
    }
    if (size > kMaxGuideBytes) {
        return std::unexpected(Diagnostics{
            {file, 1, 1, Severity::Error,
             "document is larger than the limit of " + std::to_string(kMaxGuideBytes) + " bytes"}});
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof())
        return std::unexpected(Diagnostics{{file, 0, 0, Severity::Error, "cannot read file"}});
    return buffer.str();
}

} // namespace

std::expected<Document, Diagnostics> parseDocument(std::string_view xml, std::string_view fileName,
                                                   SourceLines* lines, ParseOptions options) {
    Diagnostics diagnostics;
    DocPtr doc = parseXml(xml, fileName, diagnostics);
    if (!doc)
        return std::unexpected(std::move(diagnostics));
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    // A newer format revision than this reader knows: not broken, but beyond
    // it, so say so before the schema finds words it does not know.
    if (const auto text = attribute(root, "format"); text && inGuideNamespace(root)) {
        if (const auto format = positiveNumber(*text); format && *format > options.maxFormat) {
            const auto [line, column] = detail::position(root, xml);
            Diagnostic newer{std::string(fileName), line, column, Severity::Error,
                             "this document needs guide format " + std::to_string(*format) +
                                 "; this version of Souffleur reads formats up to " +
                                 std::to_string(options.maxFormat) + ": an update is needed"};
            newer.needsFormat = *format;
            return std::unexpected(Diagnostics{std::move(newer)});
        }
    }
    TreeReader reader(fileName, xml, diagnostics, lines);
    std::optional<Document> document;
    if (inGuideNamespace(root) && name(root) == "guide")
        document = reader.readGuide(root);
    else if (inGuideNamespace(root) && name(root) == "alert")
        document = reader.readAlert(root);
    else
        diagnostics.push_back({std::string(fileName), static_cast<int>(xmlGetLineNo(root)), 0,
                               Severity::Error,
                               "the root element must be <guide> or <alert> in the namespace " +
                                   std::string(kGuideNamespace)});
    if (!hasErrors(diagnostics))
        validateAgainstSchema(doc.get(), fileName, diagnostics);
    if (hasErrors(diagnostics))
        return std::unexpected(std::move(diagnostics));
    return std::move(*document);
}

std::optional<DocumentHeader> peekHeader(std::string_view xml) {
    Diagnostics ignored;
    DocPtr doc = parseXml(xml, "peek", ignored);
    if (!doc)
        return std::nullopt;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr)
        return std::nullopt;
    DocumentHeader header;
    header.root = std::string(name(root));
    header.id = attribute(root, "id").value_or("");
    const auto number = [](std::optional<std::string> text) {
        return text ? positiveNumber(*text).value_or(0) : 0;
    };
    header.revision = number(attribute(root, "revision"));
    header.format = attribute(root, "format") ? number(attribute(root, "format")) : 1;
    for (const xmlNode* child = root->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE && name(child) == "title") {
            header.title = foldedText(child);
            break;
        }
    }
    return header;
}

std::expected<Guide, Diagnostics> parseGuide(std::string_view xml, std::string_view fileName,
                                             ParseOptions options) {
    auto document = parseDocument(xml, fileName, nullptr, options);
    if (!document)
        return std::unexpected(std::move(document.error()));
    if (auto* guide = std::get_if<Guide>(&*document))
        return std::move(*guide);
    return std::unexpected(Diagnostics{
        {std::string(fileName), 1, 0, Severity::Error, "this is an <alert>, not a <guide>"}});
}

std::expected<Alert, Diagnostics> parseAlert(std::string_view xml, std::string_view fileName,
                                             ParseOptions options) {
    auto document = parseDocument(xml, fileName, nullptr, options);
    if (!document)
        return std::unexpected(std::move(document.error()));
    if (auto* alert = std::get_if<Alert>(&*document))
        return std::move(*alert);
    return std::unexpected(Diagnostics{
        {std::string(fileName), 1, 0, Severity::Error, "this is a <guide>, not an <alert>"}});
}

std::expected<Document, Diagnostics> loadDocument(const std::filesystem::path& path,
                                                  SourceLines* lines) {
    auto text = readFile(path);
    if (!text)
        return std::unexpected(std::move(text.error()));
    return parseDocument(*text, path.string(), lines);
}

std::expected<Guide, Diagnostics> loadGuide(const std::filesystem::path& path) {
    auto text = readFile(path);
    if (!text)
        return std::unexpected(std::move(text.error()));
    return parseGuide(*text, path.string());
}

} // namespace souffleur::content
