// Guide XML to model, with libxml2 2.9.14 used safely (see docs/SECURITY.md):
//  1. Input over kMaxGuideBytes or carrying a DOCTYPE is refused before libxml2
//     sees it: no internal subset means no entity definitions, so no billion
//     laughs and no external entities.
//  2. Options: XML_PARSE_NONET always; never NOENT, DTDLOAD, DTDVALID, XINCLUDE
//     or HUGE (so libxml2's own depth and text-size limits stay on).
//  3. The external-entity loader refuses everything, process-wide.
//  4. Errors come through a structured handler, as located diagnostics.
// Then the tree is walked into the model with structural checks: unknown
// elements and attributes are errors, required parts must be present.
#include <souffleur/content/parser.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

namespace souffleur::content {
namespace {

xmlParserInputPtr refuseExternalEntity(const char*, const char*, xmlParserCtxtPtr) {
    return nullptr;
}

void initLibxml() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuseExternalEntity);
    });
}

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

struct CtxtFree {
    void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
using CtxtPtr = std::unique_ptr<xmlParserCtxt, CtxtFree>;

// Collects libxml2's errors for one parse. libxml2 keeps the structured
// handler per thread, so parses on different threads do not mix.
class ErrorCollector {
public:
    ErrorCollector(Diagnostics& out, std::string_view file)
        : m_out(out)
        , m_file(file) {
        xmlSetStructuredErrorFunc(this, &ErrorCollector::handle);
    }
    ~ErrorCollector() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
    ErrorCollector(const ErrorCollector&) = delete;
    ErrorCollector& operator=(const ErrorCollector&) = delete;

private:
    static void handle(void* self, xmlErrorPtr error) {
        auto* collector = static_cast<ErrorCollector*>(self);
        if (error == nullptr || collector->m_out.size() >= 50)
            return;
        std::string message = error->message ? error->message : "XML error";
        while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
            message.pop_back();
        collector->m_out.push_back(
            {std::string(collector->m_file), error->line, error->int2 > 0 ? error->int2 : 0,
             error->level == XML_ERR_WARNING ? Severity::Warning : Severity::Error, message});
    }
    Diagnostics& m_out;
    std::string_view m_file;
};

// Line and column (1-based) of a byte offset.
std::pair<int, int> locate(std::string_view text, std::size_t offset) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

std::string_view name(const xmlNode* node) {
    return reinterpret_cast<const char*>(node->name);
}

bool inGuideNamespace(const xmlNode* node) {
    return node->ns != nullptr && node->ns->href != nullptr &&
           std::string_view(reinterpret_cast<const char*>(node->ns->href)) == kGuideNamespace;
}

// Text content with runs of white space folded to one space and trimmed, so
// that indentation in the file never changes the model.
std::string foldedText(const xmlNode* node) {
    xmlChar* raw = xmlNodeGetContent(node);
    std::string out;
    if (raw != nullptr) {
        bool pendingSpace = false;
        for (const xmlChar* p = raw; *p; ++p) {
            const char c = static_cast<char>(*p);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pendingSpace = !out.empty();
            } else {
                if (pendingSpace)
                    out += ' ';
                pendingSpace = false;
                out += c;
            }
        }
        xmlFree(raw);
    }
    return out;
}

std::optional<std::string> attribute(const xmlNode* node, const char* attrName) {
    xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(attrName));
    if (value == nullptr)
        return std::nullopt;
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

bool validId(std::string_view id) {
    if (id.empty() || id.size() > 128)
        return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

// Walks a parsed document into the model, adding located errors.
class TreeReader {
public:
    TreeReader(std::string_view file, Diagnostics& diagnostics)
        : m_file(file)
        , m_diagnostics(diagnostics) {}

    Guide read(const xmlNode* root) {
        Guide guide;
        if (name(root) != "guide" || !inGuideNamespace(root)) {
            error(root, "the root element must be <guide xmlns=\"" + std::string(kGuideNamespace) +
                            "\">");
            return guide;
        }
        checkAttributes(root, {"id", "revision", "lang"});
        guide.id = requiredId(root, "id");
        if (auto revision = attribute(root, "revision")) {
            const auto* end = revision->data() + revision->size();
            auto [ptr, ec] = std::from_chars(revision->data(), end, guide.revision);
            if (ec != std::errc() || ptr != end || guide.revision < 1)
                error(root, "revision must be a whole number of at least 1");
        } else {
            error(root, "<guide> needs a revision attribute");
        }
        if (auto lang = xmlNodeGetLang(root)) {
            guide.language = reinterpret_cast<const char*>(lang);
            xmlFree(lang);
        }
        bool seenTitle = false;
        for (const xmlNode* child = root->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            const auto childName = name(child);
            if (childName == "title") {
                guide.title = textOnly(child);
                seenTitle = true;
            } else if (childName == "summary") {
                guide.summary = textOnly(child);
            } else if (childName == "step") {
                guide.steps.push_back(readStep(child));
            } else {
                unknown(child);
            }
        }
        if (!seenTitle || guide.title.empty())
            error(root, "<guide> needs a non-empty <title>");
        if (guide.steps.empty())
            error(root, "<guide> needs at least one <step>");
        checkTargets(guide, root);
        return guide;
    }

private:
    Step readStep(const xmlNode* node) {
        Step step;
        checkAttributes(node, {"id", "end"});
        step.id = requiredId(node, "id");
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
                step.details = textOnly(child);
            else if (childName == "why")
                step.why = textOnly(child);
            else if (childName == "check")
                step.checks.push_back(textOnly(child));
            else if (childName == "decision")
                readDecision(child, step);
            else
                unknown(child);
        }
        if (step.glance.empty())
            error(node, "step '" + step.id + "' needs a non-empty <glance>");
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

    void checkTargets(const Guide& guide, const xmlNode*) {
        for (const auto& [node, target] : m_targets) {
            if (!target.empty() && !guide.findStep(target))
                error(node, "option leads to unknown step '" + target + "'");
        }
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

    void checkAttributes(const xmlNode* node, std::initializer_list<std::string_view> allowed) {
        for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
            const std::string_view attrName = reinterpret_cast<const char*>(attr->name);
            const bool isXmlLang = attr->ns != nullptr && attrName == "lang";
            if (isXmlLang && name(node) == "guide")
                continue;
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

    void error(const xmlNode* node, std::string message) {
        m_diagnostics.push_back({std::string(m_file),
                                 node ? static_cast<int>(xmlGetLineNo(node)) : 0, 0,
                                 Severity::Error, std::move(message)});
    }

    std::string_view m_file;
    Diagnostics& m_diagnostics;
    std::set<std::string> m_stepIds;
    std::vector<std::pair<const xmlNode*, std::string>> m_targets;
};

} // namespace

std::expected<Guide, Diagnostics> parseGuide(std::string_view xml, std::string_view fileName) {
    initLibxml();
    Diagnostics diagnostics;
    if (xml.size() > kMaxGuideBytes) {
        diagnostics.push_back(
            {std::string(fileName), 1, 1, Severity::Error,
             "guide is larger than the limit of " + std::to_string(kMaxGuideBytes) + " bytes"});
        return std::unexpected(std::move(diagnostics));
    }
    if (const auto pos = xml.find("<!DOCTYPE"); pos != std::string_view::npos) {
        const auto [line, column] = locate(xml, pos);
        diagnostics.push_back({std::string(fileName), line, column, Severity::Error,
                               "a guide may not carry a DOCTYPE (DTDs and entities are refused)"});
        return std::unexpected(std::move(diagnostics));
    }

    DocPtr doc;
    {
        ErrorCollector collector(diagnostics, fileName);
        CtxtPtr ctxt(xmlNewParserCtxt());
        if (!ctxt) {
            diagnostics.push_back({std::string(fileName), 0, 0, Severity::Error, "out of memory"});
            return std::unexpected(std::move(diagnostics));
        }
        const std::string url(fileName);
        doc.reset(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()),
                                    url.c_str(), "UTF-8", XML_PARSE_NONET | XML_PARSE_NOCDATA));
    }
    if (!doc || hasErrors(diagnostics)) {
        if (!hasErrors(diagnostics))
            diagnostics.push_back(
                {std::string(fileName), 1, 1, Severity::Error, "not well-formed XML"});
        return std::unexpected(std::move(diagnostics));
    }
    if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
        diagnostics.push_back({std::string(fileName), 1, 1, Severity::Error,
                               "a guide may not carry a DOCTYPE (DTDs and entities are refused)"});
        return std::unexpected(std::move(diagnostics));
    }
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    TreeReader reader(fileName, diagnostics);
    Guide guide = reader.read(root);
    if (hasErrors(diagnostics))
        return std::unexpected(std::move(diagnostics));
    return guide;
}

std::expected<Guide, Diagnostics> loadGuide(const std::filesystem::path& path) {
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
             "guide is larger than the limit of " + std::to_string(kMaxGuideBytes) + " bytes"}});
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof())
        return std::unexpected(Diagnostics{{file, 0, 0, Severity::Error, "cannot read file"}});
    return parseGuide(buffer.str(), file);
}

} // namespace souffleur::content
