#include "libxml_support.h"

#include <algorithm>
#include <mutex>
#include <vector>

namespace souffleur::content::detail {
namespace {

xmlParserInputPtr refuseExternalEntity(const char*, const char*, xmlParserCtxtPtr) {
    return nullptr;
}

constexpr std::size_t kMaxDiagnostics = 50;

} // namespace

void initLibxml() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuseExternalEntity);
    });
}

ErrorCollector::ErrorCollector(Diagnostics& out, std::string_view file, CollectorOptions options)
    : m_out(out)
    , m_file(file)
    , m_options(std::move(options)) {
    xmlSetStructuredErrorFunc(this, &ErrorCollector::handle);
}

ErrorCollector::~ErrorCollector() {
    xmlSetStructuredErrorFunc(nullptr, nullptr);
}

void ErrorCollector::handle(void* self, xmlErrorPtr error) {
    auto* collector = static_cast<ErrorCollector*>(self);
    if (error == nullptr || collector->m_out.size() >= kMaxDiagnostics)
        return;
    std::string message = error->message ? error->message : "XML error";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    Severity severity = error->level == XML_ERR_WARNING ? Severity::Warning : Severity::Error;
    if (collector->m_options.undeclaredEntityIsWarning &&
        error->code == XML_WAR_UNDECLARED_ENTITY) {
        severity = Severity::Warning;
        message += " (the DTD is never loaded; the reference is left out)";
    }
    collector->m_out.push_back({std::string(collector->m_file), error->line,
                                error->int2 > 0 ? error->int2 : 0, severity,
                                collector->m_options.prefix + message});
}

std::string_view name(const xmlNode* node) {
    return reinterpret_cast<const char*>(node->name);
}

std::string fold(std::string_view raw) {
    std::string out;
    bool pendingSpace = false;
    for (const char c : raw) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pendingSpace = !out.empty();
        } else {
            if (pendingSpace)
                out += ' ';
            pendingSpace = false;
            out += c;
        }
    }
    return out;
}

std::optional<std::string> attribute(const xmlNode* node, const char* attrName) {
    xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(attrName));
    if (value == nullptr)
        return std::nullopt;
    std::string out = fold(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

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

std::pair<int, int> position(const xmlNode* node, std::string_view text) {
    if (node != nullptr && node->type != XML_ELEMENT_NODE && node->parent != nullptr &&
        node->parent->type == XML_ELEMENT_NODE)
        node = node->parent; // text: where its element starts
    const int line = node ? static_cast<int>(xmlGetLineNo(node)) : 0;
    if (line <= 0)
        return {0, 0};
    std::string tag = "<";
    if (node->type == XML_ELEMENT_NODE && node->ns != nullptr && node->ns->prefix != nullptr)
        tag += std::string(reinterpret_cast<const char*>(node->ns->prefix)) + ":";
    tag += std::string(name(node));
    // The offsets where lines line-9 .. line start.
    constexpr int kLinesBack = 10;
    std::vector<std::size_t> starts;
    int current = 1;
    std::size_t offset = 0;
    while (current <= line && offset <= text.size()) {
        if (current > line - kLinesBack)
            starts.push_back(offset);
        const auto end = text.find('\n', offset);
        if (end == std::string_view::npos)
            break;
        offset = end + 1;
        ++current;
    }
    if (node->type != XML_ELEMENT_NODE || starts.empty())
        return {line, 1};
    for (auto start = starts.rbegin(); start != starts.rend(); ++start) {
        const auto end = std::min(text.find('\n', *start), text.size());
        const std::string_view lineText = text.substr(*start, end - *start);
        for (auto found = lineText.find(tag); found != std::string_view::npos;
             found = lineText.find(tag, found + 1)) {
            const std::size_t after = found + tag.size();
            if (after == lineText.size() || lineText[after] == ' ' || lineText[after] == '>' ||
                lineText[after] == '/' || lineText[after] == '\t' || lineText[after] == '\r') {
                const int lineNumber = line - static_cast<int>(start - starts.rbegin());
                return {lineNumber, static_cast<int>(found) + 1};
            }
        }
    }
    return {line, 1};
}

} // namespace souffleur::content::detail
