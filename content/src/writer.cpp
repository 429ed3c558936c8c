// Canonical form: fixed element order, two-space indentation, attributes in a
// fixed order, text escaped the same way every time. parse(write(g)) == g, and
// write(parse(f)) == f for every file already in canonical form.
#include "escape.h"

#include <souffleur/content/writer.h>

namespace souffleur::content {
namespace {

std::string escapeXml(std::string_view text) {
    return detail::escapeMarkup(text, detail::Quotes::Keep);
}

std::string escapeAttribute(std::string_view text) {
    return detail::escapeMarkup(text, detail::Quotes::Double);
}

void element(std::string& out, int indent, std::string_view tag, std::string_view text) {
    out.append(static_cast<std::size_t>(indent) * 2, ' ');
    out += '<';
    out += tag;
    out += '>';
    out += escapeXml(text);
    out += "</";
    out += tag;
    out += ">\n";
}

} // namespace

std::string writeGuide(const Guide& guide) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<guide xmlns=\"" + std::string(kGuideNamespace) + "\" id=\"" +
           escapeAttribute(guide.id) + "\" revision=\"" + std::to_string(guide.revision) +
           "\" xml:lang=\"" + escapeAttribute(guide.language) + "\">\n";
    element(out, 1, "title", guide.title);
    if (!guide.summary.empty())
        element(out, 1, "summary", guide.summary);
    for (const Step& step : guide.steps) {
        out += "  <step id=\"" + escapeAttribute(step.id) + "\"";
        if (step.ends)
            out += " end=\"true\"";
        out += ">\n";
        element(out, 2, "glance", step.glance);
        if (!step.details.empty())
            element(out, 2, "details", step.details);
        if (!step.why.empty())
            element(out, 2, "why", step.why);
        for (const std::string& check : step.checks)
            element(out, 2, "check", check);
        if (!step.options.empty()) {
            out += "    <decision>\n";
            for (const Option& option : step.options) {
                out += "      <option goto=\"" + escapeAttribute(option.target) + "\">" +
                       escapeXml(option.label) + "</option>\n";
            }
            out += "    </decision>\n";
        }
        out += "  </step>\n";
    }
    out += "</guide>\n";
    return out;
}

} // namespace souffleur::content
