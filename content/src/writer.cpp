// Canonical form: the schema's element order, two-space indentation,
// attributes in a fixed order, text escaped the same way every time.
// parse(write(g)) == g, and write(parse(f)) == f for every file already in
// canonical form (tests/content/writer_test.cpp checks the whole library).
#include "escape.h"

#include <souffleur/content/writer.h>

#include <initializer_list>
#include <utility>

namespace souffleur::content {
namespace {

using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Appends indented lines of XML.
class XmlOut {
public:
    // <tag a="1" b="2"> with the attributes whose value is not empty.
    void open(int indent, std::string_view tag, Attributes attributes = {}) {
        startTag(indent, tag, attributes);
        m_out += ">\n";
    }
    void close(int indent, std::string_view tag) {
        m_out.append(static_cast<std::size_t>(indent) * 2, ' ');
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }
    // <tag a="1"/>
    void empty(int indent, std::string_view tag, Attributes attributes) {
        startTag(indent, tag, attributes);
        m_out += "/>\n";
    }
    // <tag a="1">text</tag>, nothing when `text` is empty and `always` is false.
    void text(int indent, std::string_view tag, std::string_view text, Attributes attributes = {},
              bool always = false) {
        if (text.empty() && !always)
            return;
        startTag(indent, tag, attributes);
        m_out += '>';
        m_out += detail::escapeMarkup(text, detail::Quotes::Keep);
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }
    // Rich text: inline markup on the element's line; blocks (<p>, <ul>,
    // <ol>, <li>) each on a line of their own, indented. The parser folds
    // the white space this adds, so the model does not change.
    void rich(int indent, std::string_view tag, const RichText& text, bool always = false) {
        if (text.empty() && !always)
            return;
        startTag(indent, tag, {});
        m_out += '>';
        if (!text.hasBlocks()) {
            m_out += text.markup();
        } else {
            m_out += '\n';
            int depth = indent + 1;
            for (const RichToken& token : text.tokens()) {
                const bool block = token.value == "p" || token.value == "ul" ||
                                   token.value == "ol" || token.value == "li";
                if (token.kind == RichToken::Kind::Open && block) {
                    m_out.append(static_cast<std::size_t>(depth) * 2, ' ');
                    m_out += "<" + token.value + ">";
                    if (token.value == "ul" || token.value == "ol") {
                        m_out += '\n';
                        ++depth;
                    }
                } else if (token.kind == RichToken::Kind::Close && block) {
                    if (token.value == "ul" || token.value == "ol") {
                        --depth;
                        m_out.append(static_cast<std::size_t>(depth) * 2, ' ');
                    }
                    m_out += "</" + token.value + ">\n";
                } else {
                    appendInline(token);
                }
            }
            m_out.append(static_cast<std::size_t>(indent) * 2, ' ');
        }
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }
    void texts(int indent, std::string_view tag, const std::vector<std::string>& items) {
        for (const auto& item : items)
            text(indent, tag, item, {}, true);
    }
    std::string take() { return std::move(m_out); }

private:
    void appendInline(const RichToken& token) {
        switch (token.kind) {
        case RichToken::Kind::Text:
            m_out += detail::escapeMarkup(token.value, detail::Quotes::Keep);
            break;
        case RichToken::Kind::Break:
            m_out += "<br/>";
            break;
        case RichToken::Kind::Open:
            m_out += '<' + token.value;
            if (!token.href.empty())
                m_out +=
                    " href=\"" + detail::escapeMarkup(token.href, detail::Quotes::Double) + '"';
            m_out += '>';
            break;
        case RichToken::Kind::Close:
            m_out += "</" + token.value + ">";
            break;
        }
    }

    void startTag(int indent, std::string_view tag, Attributes attributes) {
        m_out.append(static_cast<std::size_t>(indent) * 2, ' ');
        m_out += '<';
        m_out += tag;
        for (const auto& [attrName, value] : attributes) {
            if (value.empty())
                continue;
            m_out += ' ';
            m_out += attrName;
            m_out += "=\"";
            m_out += detail::escapeMarkup(value, detail::Quotes::Double);
            m_out += '"';
        }
    }

    std::string m_out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
};

void writeValidity(XmlOut& out, int indent, const std::string& from, const std::string& to) {
    if (!from.empty() || !to.empty())
        out.empty(indent, "valid", {{"from", from}, {"to", to}});
}

void writeStep(XmlOut& out, const Step& step) {
    const std::string_view ends = step.ends ? "true" : "";
    if (step == Step{.id = step.id, .ends = step.ends, .block = step.block} &&
        !step.block.empty()) {
        // It shows a block and holds nothing of its own.
        out.empty(1, "step", {{"id", step.id}, {"block", step.block}, {"end", ends}});
        return;
    }
    out.open(1, "step", {{"id", step.id}, {"block", step.block}, {"end", ends}});
    if (step.block.empty())
        out.text(2, "glance", step.glance, {}, true);
    else
        out.text(2, "glance", step.glance); // a step that shows a block holds no text of its own
    out.rich(2, "details", step.details);
    out.rich(2, "why", step.why);
    for (const Reference& reference : step.references)
        out.text(2, "basis", reference.label,
                 {{"href", reference.href}, {"source", reference.source}}, true);
    out.texts(2, "check", step.checks);
    out.texts(2, "warning", step.warnings);
    out.texts(2, "tip", step.tips);
    out.texts(2, "note", step.notes);
    for (const Image& image : step.images)
        out.empty(2, "image", {{"hash", image.hash}, {"alt", image.alt}});
    if (!step.options.empty()) {
        out.open(2, "decision");
        for (const Option& option : step.options)
            out.text(3, "option", option.label, {{"goto", option.target}}, true);
        out.close(2, "decision");
    }
    if (const auto& escalation = step.escalation) {
        out.open(2, "escalation", {{"role", escalation->role}});
        out.text(3, "say", escalation->say, {}, true);
        out.text(3, "record", escalation->record);
        out.text(3, "outcome", escalation->outcome);
        out.close(2, "escalation");
    }
    out.close(1, "step");
}

} // namespace

std::string writeGuide(const Guide& guide) {
    XmlOut out;
    const std::string revision = std::to_string(guide.revision);
    // The lowest format that holds the guide, and only when it is above 1,
    // so that every older reader that can show the guide does.
    const int needed = guide.requiredFormat();
    const std::string format = needed > 1 ? std::to_string(needed) : std::string();
    out.open(0, "guide",
             {{"xmlns", kGuideNamespace},
              {"id", guide.id},
              {"revision", revision},
              {"format", format},
              {"kind", guide.isBlock ? "block" : ""},
              {"xml:lang", guide.language}});
    out.text(1, "title", guide.title, {}, true);
    out.text(1, "summary", guide.summary);
    for (const auto& role : guide.audience)
        out.empty(1, "audience", {{"role", role}});
    if (!guide.owner.empty())
        out.empty(1, "owner", {{"team", guide.owner}});
    if (guide.reviewMonths > 0 || !guide.nextReview.empty()) {
        const std::string every = guide.reviewMonths > 0 ? std::to_string(guide.reviewMonths) : "";
        out.empty(1, "review", {{"every", every}, {"next", guide.nextReview}});
    }
    out.texts(1, "tag", guide.tags);
    writeValidity(out, 1, guide.validFrom, guide.validTo);
    for (const Reference& reference : guide.references)
        out.text(1, "basis", reference.label,
                 {{"href", reference.href}, {"source", reference.source}}, true);
    for (const auto& related : guide.related)
        out.empty(1, "related", {{"guide", related}});
    for (const Trigger& trigger : guide.triggers) {
        out.empty(1, "trigger",
                  {{"application", trigger.application},
                   {"title", trigger.title},
                   {"link", trigger.link}});
    }
    out.rich(1, "prerequisites", guide.prerequisites);
    out.rich(1, "context", guide.context);
    for (const Step& step : guide.steps)
        writeStep(out, step);
    out.rich(1, "result", guide.result);
    out.close(0, "guide");
    return out.take();
}

std::string writeAlert(const Alert& alert) {
    XmlOut out;
    const std::string revision = std::to_string(alert.revision);
    out.open(0, "alert",
             {{"xmlns", kGuideNamespace},
              {"id", alert.id},
              {"revision", revision},
              {"xml:lang", alert.language},
              {"level", levelName(alert.level)},
              {"acknowledge", alert.mustAcknowledge ? "required" : ""}});
    out.text(1, "title", alert.title, {}, true);
    out.rich(1, "body", alert.body, true);
    writeValidity(out, 1, alert.validFrom, alert.validTo);
    for (const auto& attachment : alert.attachments)
        out.empty(1, "attach", {{"guide", attachment.guide}, {"step", attachment.step}});
    out.close(0, "alert");
    return out.take();
}

} // namespace souffleur::content
