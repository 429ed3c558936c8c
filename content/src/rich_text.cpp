// Rich text (rich_text.h) and its allowlist sanitizer (rich_text_builder.h).
//
// The builder writes canonical markup from scratch while it walks a tree:
//  - blocks: a paragraph or a list item is a "run" of inline markup; runs
//    open when content arrives and close at a block boundary. Loose text at
//    the top opens a paragraph, loose text in a list opens an item.
//  - inline elements open lazily: their start tag is written only when
//    content arrives inside them, so empty ones vanish; white space and line
//    breaks are held back until then, so none lands at the edge of a block
//    or just inside a tag.
//  - text is decoded as UTF-8 (invalid bytes become U+FFFD), characters XML
//    forbids and byte order marks are dropped, and &, < and > are escaped.
#include "escape.h"
#include "libxml_support.h"
#include "rich_text_builder.h"

#include <souffleur/content/guide.h>

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <memory>

namespace souffleur::content {
namespace detail {
namespace {

bool oneOf(std::string_view value, std::initializer_list<std::string_view> names) {
    return std::ranges::find(names, value) != names.end();
}

bool isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

// "guide:" and a valid guide id: the only link target rich text keeps.
bool validGuideLink(std::string_view href) {
    constexpr std::string_view prefix = "guide:";
    if (!href.starts_with(prefix))
        return false;
    const std::string_view id = href.substr(prefix.size());
    return !id.empty() && id.size() <= 128 && std::ranges::all_of(id, isIdChar);
}

// At most 60 bytes of `text` for a message, never cutting a character in half.
std::string shortened(std::string_view text) {
    constexpr std::size_t limit = 60;
    std::string out = fold(text.substr(0, limit * 4));
    if (out.size() <= limit)
        return out;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0U) == 0x80U)
        --cut;
    out.resize(cut);
    return out + "...";
}

// What an element is to the sanitizer.
enum class Kind {
    Paragraph,   // p (and, from HTML, div, h1-h6, blockquote, ...): a block boundary
    List,        // ul, ol
    Item,        // li
    Inline,      // em, strong, code, a
    Break,       // br
    Cell,        // td, th: a word boundary
    Drop,        // removed with everything inside
    Transparent, // the tags go, the content stays
};

struct Element {
    Kind kind = Kind::Transparent;
    std::string_view tag; // the canonical tag for List and Inline
};

// Elements whose content is removed along with them: code, styling, embedded
// documents and media, form controls, and the document head.
bool isDangerous(std::string_view tag) {
    return oneOf(tag, {"script",    "style",    "template", "iframe",  "frame",    "frameset",
                       "object",    "embed",    "applet",   "svg",     "math",     "noscript",
                       "noembed",   "noframes", "textarea", "select",  "option",   "optgroup",
                       "button",    "input",    "img",      "image",   "video",    "audio",
                       "source",    "track",    "canvas",   "picture", "map",      "area",
                       "link",      "meta",     "base",     "title",   "param",    "xmp",
                       "plaintext", "listing",  "datalist", "output",  "progress", "meter",
                       "dialog",    "portal",   "slot",     "keygen",  "basefont", "bgsound",
                       "marquee",   "frameset", "xml",      "command", "menuitem"});
}

Element classifyHtml(std::string_view tag) {
    if (oneOf(tag,
              {"p",       "div",        "h1",     "h2",      "h3",      "h4",      "h5",
               "h6",      "blockquote", "pre",    "address", "center",  "section", "article",
               "aside",   "header",     "footer", "main",    "nav",     "figure",  "figcaption",
               "dl",      "dt",         "dd",     "table",   "caption", "tr",      "details",
               "summary", "fieldset",   "legend", "hr",      "form",    "hgroup"}))
        return {Kind::Paragraph, "p"};
    if (oneOf(tag, {"ul", "menu", "dir"}))
        return {Kind::List, "ul"};
    if (tag == "ol")
        return {Kind::List, "ol"};
    if (tag == "li")
        return {Kind::Item, "li"};
    if (oneOf(tag, {"em", "i", "cite", "dfn", "var"}))
        return {Kind::Inline, "em"};
    if (oneOf(tag, {"strong", "b"}))
        return {Kind::Inline, "strong"};
    if (oneOf(tag, {"code", "tt", "kbd", "samp"}))
        return {Kind::Inline, "code"};
    if (tag == "a")
        return {Kind::Inline, "a"};
    if (tag == "br")
        return {Kind::Break, "br"};
    if (oneOf(tag, {"td", "th"}))
        return {Kind::Cell, {}};
    if (isDangerous(tag))
        return {Kind::Drop, {}};
    return {Kind::Transparent, {}};
}

Element classifyGuideXml(std::string_view tag) {
    if (tag == "p")
        return {Kind::Paragraph, "p"};
    if (tag == "ul" || tag == "ol")
        return {Kind::List, tag};
    if (tag == "li")
        return {Kind::Item, "li"};
    if (oneOf(tag, {"em", "strong", "code", "a"}))
        return {Kind::Inline, tag};
    if (tag == "br")
        return {Kind::Break, "br"};
    return {Kind::Transparent, {}};
}

// Appends one code point as UTF-8.
void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The code point at `pos` (advancing it); U+FFFD for an invalid sequence.
char32_t decodeUtf8(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        cp = lead & 0x1FU;
        minimum = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        cp = lead & 0x0FU;
        minimum = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        cp = lead & 0x07U;
        minimum = 0x10000;
    } else {
        ++pos;
        return 0xFFFD;
    }
    if (pos + length > text.size()) {
        ++pos;
        return 0xFFFD;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0U) != 0x80U) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(pos + i) & 0x3FU);
    }
    pos += length;
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0xFFFD;
    return cp;
}

} // namespace

// The builder's state: the blocks written so far and the run being written.
class RichTextBuilder::Impl {
public:
    Impl(RichSource source, std::vector<RichIssue>* issues)
        : m_source(source)
        , m_issues(issues) {}

    // ---- the walk over a libxml2 tree ----

    void walk(const xmlNode* first) {
        if (first == nullptr)
            return;
        const xmlNode* stop = first->parent;
        const xmlNode* node = first;
        while (node != nullptr) {
            if (enter(node) && node->children != nullptr) {
                node = node->children;
                continue;
            }
            // No way down: leave this node, and every parent whose last child it is.
            for (;;) {
                if (node->type == XML_ELEMENT_NODE)
                    leave();
                if (node->next != nullptr) {
                    node = node->next;
                    break;
                }
                node = node->parent;
                if (node == stop || node == nullptr) {
                    node = nullptr;
                    break;
                }
            }
        }
    }

    // ---- building blocks directly (plain text) ----

    void text(std::string_view raw) {
        std::size_t pos = 0;
        while (pos < raw.size()) {
            const char32_t cp = decodeUtf8(raw, pos);
            if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
                if (!m_run.empty())
                    m_pendingSpace = true;
                continue;
            }
            if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
                continue; // not allowed in XML
            if (cp == 0xFEFF)
                continue; // a byte order mark: invisible, and eaten when it leads a document
            beginContent();
            switch (cp) {
            case '&':
                m_run += "&amp;";
                break;
            case '<':
                m_run += "&lt;";
                break;
            case '>':
                m_run += "&gt;";
                break;
            default:
                appendUtf8(m_run, cp);
            }
        }
    }

    // Ends the paragraph or item being written: a block boundary.
    void endRun() {
        if (!m_runOpen)
            return;
        while (!m_inline.empty())
            closeInline();
        if (!m_run.empty()) {
            if (m_listOpen)
                m_blocks.back().items.push_back(std::move(m_run));
            else
                m_blocks.push_back({"p", std::move(m_run), {}});
        }
        m_run.clear();
        m_runOpen = false;
        m_pendingSpace = false;
        m_pendingBreaks = 0;
    }

    std::string finish() {
        endRun();
        endList();
        std::erase_if(m_blocks,
                      [](const Block& block) { return block.tag != "p" && block.items.empty(); });
        if (m_blocks.size() == 1 && m_blocks.front().tag == "p")
            return std::move(m_blocks.front().markup);
        std::string out;
        for (const Block& block : m_blocks) {
            out += "<" + block.tag + ">";
            if (block.tag == "p") {
                out += block.markup;
            } else {
                for (const auto& item : block.items)
                    out += "<li>" + item + "</li>";
            }
            out += "</" + block.tag + ">";
        }
        return out;
    }

private:
    struct Block {
        std::string tag;                // p, ul or ol
        std::string markup;             // p: its inline markup
        std::vector<std::string> items; // ul, ol: each item's inline markup
    };

    // What leaving an element must undo.
    enum class Frame { None, Boundary, Soft, List, Item, Inline };

    struct OpenInline {
        std::string tag;
        std::string startTag;
        bool written = false;
    };

    // Where content would go now.
    enum class Place { Top, List, Item, Inline };

    Place place() const {
        if (!m_inline.empty())
            return Place::Inline;
        for (auto frame = m_frames.rbegin(); frame != m_frames.rend(); ++frame) {
            if (*frame == Frame::Item)
                return Place::Item;
            if (*frame == Frame::List)
                return Place::List;
            if (*frame == Frame::Soft)
                return Place::Item; // a block unwrapped inside an item or inline
        }
        return Place::Top;
    }

    // Decides what an element becomes; false: do not descend into it.
    bool enter(const xmlNode* node) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content != nullptr) {
                const std::string_view content = reinterpret_cast<const char*>(node->content);
                if (place() == Place::List && m_source == RichSource::GuideXml &&
                    !fold(content).empty())
                    issue(node, "text inside a list must be in an <li>");
                text(content);
            }
            return false;
        }
        if (node->type != XML_ELEMENT_NODE)
            return false; // comments, processing instructions
        const std::string_view tag = name(node);
        const Element element =
            m_source == RichSource::Html ? classifyHtml(tag) : classifyGuideXml(tag);
        const Place where = place();
        checkAttributes(node, element);
        if (m_source == RichSource::GuideXml)
            checkGuideXml(node, tag, element, where);

        switch (element.kind) {
        case Kind::Drop:
            issue(node, "removed <" + std::string(tag) + "> and everything in it");
            m_frames.push_back(Frame::None);
            return false;
        case Kind::Break:
            lineBreak();
            m_frames.push_back(Frame::None);
            return false;
        case Kind::Paragraph:
            return block(where == Place::Top || where == Place::List);
        case Kind::List:
            if (where == Place::Top) {
                endRun();
                endList();
                m_blocks.push_back({std::string(element.tag), {}, {}});
                m_listOpen = true;
                m_listNode = node;
                m_frames.push_back(Frame::List);
                return true;
            }
            if (where == Place::List) { // a list right inside a list: its items join this one
                m_frames.push_back(Frame::None);
                return true;
            }
            return block(false);
        case Kind::Item:
            if (where == Place::List) {
                endRun();
                m_runOpen = true;
                m_frames.push_back(Frame::Item);
                return true;
            }
            return block(where == Place::Top);
        case Kind::Inline:
            if (!openInline(node, element.tag)) {
                m_frames.push_back(Frame::None);
                return true;
            }
            m_frames.push_back(Frame::Inline);
            return true;
        case Kind::Cell:
            m_pendingSpace = !m_run.empty() || m_pendingSpace;
            m_frames.push_back(Frame::Soft);
            return true;
        case Kind::Transparent:
            m_frames.push_back(Frame::None);
            return true;
        }
        return false;
    }

    // A block element: a boundary where blocks may start, else a word break.
    bool block(bool boundary) {
        if (boundary) {
            endRun();
            m_frames.push_back(Frame::Boundary);
        } else {
            m_pendingSpace = !m_run.empty() || m_pendingSpace;
            m_frames.push_back(Frame::Soft);
        }
        return true;
    }

    void leave() {
        if (m_frames.empty())
            return;
        const Frame frame = m_frames.back();
        m_frames.pop_back();
        switch (frame) {
        case Frame::None:
            break;
        case Frame::Boundary:
        case Frame::Item:
            endRun();
            break;
        case Frame::Soft:
            m_pendingSpace = !m_run.empty() || m_pendingSpace;
            break;
        case Frame::List:
            endRun();
            if (m_source == RichSource::GuideXml && m_blocks.back().items.empty())
                issue(m_listNode, "a list needs at least one <li> with text");
            endList();
            break;
        case Frame::Inline:
            closeInline();
            break;
        }
    }

    void endList() { m_listOpen = false; }

    // Opens an inline element lazily; false when its tags are left out.
    bool openInline(const xmlNode* node, std::string_view tag) {
        if (m_inline.size() >= kMaxInlineDepth) {
            issue(node, "inline markup nested deeper than " + std::to_string(kMaxInlineDepth) +
                            " levels; the inner tags are left out");
            return false;
        }
        std::string startTag = "<" + std::string(tag) + ">";
        if (tag == "a") {
            if (std::ranges::any_of(m_inline,
                                    [](const OpenInline& open) { return open.tag == "a"; }))
                return false; // a link inside a link: keep the text (GuideXml: already reported)
            const std::string href = attribute(node, "href").value_or("");
            if (!validGuideLink(href))
                return false; // the text stays, the link goes (reported by checkAttributes)
            startTag = "<a href=\"" + href + "\">";
        }
        m_inline.push_back({std::string(tag), std::move(startTag), false});
        return true;
    }

    void closeInline() {
        if (m_inline.empty())
            return;
        if (m_inline.back().written)
            m_run += "</" + m_inline.back().tag + ">";
        m_inline.pop_back();
    }

    void lineBreak() {
        if (!m_run.empty()) {
            ++m_pendingBreaks;
            m_pendingSpace = false;
        }
    }

    // Before any visible content: open the run, then write what was held back.
    void beginContent() {
        if (!m_runOpen)
            m_runOpen = true; // a paragraph, or an item when a list is open
        if (m_pendingBreaks > 0) {
            for (; m_pendingBreaks > 0; --m_pendingBreaks)
                m_run += "<br/>";
        } else if (m_pendingSpace) {
            m_run += ' ';
        }
        m_pendingSpace = false;
        for (OpenInline& open : m_inline) {
            if (!open.written) {
                m_run += open.startTag;
                open.written = true;
            }
        }
    }

    // Attributes: only a guide link's href survives.
    void checkAttributes(const xmlNode* node, const Element& element) {
        for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
            const std::string_view attrName = reinterpret_cast<const char*>(attr->name);
            const bool link = element.kind == Kind::Inline && element.tag == "a" &&
                              attrName == "href" && attr->ns == nullptr;
            // Only a link's target is read (reading every value costs a scan each).
            const std::string value = link ? attribute(node, "href").value_or("") : std::string();
            if (link && validGuideLink(value))
                continue;
            const std::string where = " on <" + std::string(name(node)) + ">";
            if (link) {
                issue(node,
                      (m_source == RichSource::Html ? "removed the link to '" : "a link to '") +
                          shortened(value) +
                          (m_source == RichSource::Html ? "'" : "' is not allowed") +
                          ": rich text links only to other guides (guide:ID)");
            } else if (m_source == RichSource::GuideXml) {
                issue(node, "attribute '" + std::string(attrName) + "' is not allowed" + where);
            } else if (element.kind != Kind::Drop &&
                       (attrName.starts_with("on") || attrName == "style" ||
                        oneOf(attrName, {"href", "src", "srcset", "action", "formaction", "data",
                                         "background", "poster", "xlink:href", "srcdoc"}))) {
                issue(node, "removed the attribute " + std::string(attrName) + where);
            }
        }
    }

    // The strict rules of guide files: namespace, names and places.
    void checkGuideXml(const xmlNode* node, std::string_view tag, const Element& element,
                       Place where) {
        const bool ours =
            node->ns != nullptr && node->ns->href != nullptr &&
            std::string_view(reinterpret_cast<const char*>(node->ns->href)) == kGuideNamespace;
        const std::string shown = "<" + std::string(tag) + ">";
        if (!ours) {
            issue(node, "element " + shown + " is not in the guide namespace");
            return;
        }
        switch (element.kind) {
        case Kind::Transparent:
            issue(node,
                  shown + " is not allowed in rich text (p, ul, ol, li, em, strong, code, br, a)");
            break;
        case Kind::Paragraph:
        case Kind::List:
            if (where != Place::Top ||
                std::ranges::find(m_frames, Frame::Boundary) != m_frames.end())
                issue(node, shown + " is allowed only at the top of rich text, not inside " +
                                (where == Place::List ? "a list" : "a paragraph, item or inline"));
            break;
        case Kind::Item:
            if (where != Place::List)
                issue(node, "<li> is allowed only directly inside <ul> or <ol>");
            break;
        case Kind::Inline:
        case Kind::Break:
            if (where == Place::List)
                issue(node, shown + " inside a list must be in an <li>");
            if (tag == "a" && std::ranges::any_of(
                                  m_inline, [](const OpenInline& open) { return open.tag == "a"; }))
                issue(node, "a link may not contain another link");
            if (tag == "a" && !attribute(node, "href"))
                issue(node, "<a> needs href=\"guide:GUIDE-ID\"");
            break;
        default:
            break;
        }
    }

    void issue(const xmlNode* node, std::string message) {
        if (m_issues != nullptr && m_issues->size() < 50)
            m_issues->push_back({node, std::move(message)});
    }

    RichSource m_source;
    std::vector<RichIssue>* m_issues;
    std::vector<Block> m_blocks;
    bool m_listOpen = false;
    const xmlNode* m_listNode = nullptr; // the open list's element, for its issues
    bool m_runOpen = false;
    std::string m_run;
    bool m_pendingSpace = false;
    int m_pendingBreaks = 0;
    std::vector<OpenInline> m_inline;
    std::vector<Frame> m_frames;
};

RichText RichTextBuilder::fromNodes(const xmlNode* first, RichSource source,
                                    std::vector<RichIssue>& issues) {
    Impl impl(source, &issues);
    impl.walk(first);
    return RichText(impl.finish());
}

RichText RichTextBuilder::fromPlainText(std::string_view text) {
    Impl impl(RichSource::Html, nullptr);
    // A blank line (nothing but white space) ends a paragraph.
    std::size_t paragraph = 0;
    std::size_t line = 0;
    for (;;) {
        const std::size_t end = std::min(text.find('\n', line), text.size());
        const std::string_view content = text.substr(line, end - line);
        if (std::ranges::all_of(content,
                                [](char c) { return c == ' ' || c == '\t' || c == '\r'; })) {
            impl.text(text.substr(paragraph, line - paragraph));
            impl.endRun();
            paragraph = std::min(end + 1, text.size());
        }
        if (end == text.size())
            break;
        line = end + 1;
    }
    impl.text(text.substr(paragraph));
    return RichText(impl.finish());
}

} // namespace detail

// ---- RichText ----

RichText RichText::fromPlainText(std::string_view text) {
    return detail::RichTextBuilder::fromPlainText(text);
}

std::expected<RichText, Diagnostics>
RichText::fromHtml(std::string_view html, std::string_view source, Diagnostics* removed) {
    if (html.size() > kMaxRichTextBytes) {
        return std::unexpected(Diagnostics{{std::string(source), 1, 1, Severity::Error,
                                            "rich text is larger than the limit of " +
                                                std::to_string(kMaxRichTextBytes) + " bytes"}});
    }
    if (detail::fold(html).empty())
        return RichText{};
    detail::initLibxml();
    struct HtmlCtxtFree {
        void operator()(htmlParserCtxt* ctxt) const { htmlFreeParserCtxt(ctxt); }
    };
    std::unique_ptr<htmlParserCtxt, HtmlCtxtFree> ctxt(htmlNewParserCtxt());
    if (!ctxt)
        return std::unexpected(
            Diagnostics{{std::string(source), 0, 0, Severity::Error, "out of memory"}});
    // Broken HTML is normal input here: libxml2 recovers, and its errors are
    // not reported, except the one that makes it stop early.
    Diagnostics parseErrors;
    detail::DocPtr doc;
    {
        const detail::ErrorCollector collector(parseErrors, source);
        doc.reset(htmlCtxtReadMemory(
            ctxt.get(), html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
            HTML_PARSE_NONET | HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD));
    }
    // The depth error stops the parser, so it is the last error (the
    // collector keeps only the first 50, which may not include it).
    const bool tooDeep =
        ctxt->lastError.message != nullptr &&
        std::string_view(ctxt->lastError.message).find("Excessive depth") != std::string_view::npos;
    if (tooDeep && removed != nullptr) {
        removed->push_back({std::string(source), 0, 0, Severity::Warning,
                            "the HTML is nested too deeply: the deepest part and what follows "
                            "it are left out"});
    }
    if (!doc || doc->children == nullptr)
        return RichText{};
    std::vector<detail::RichIssue> issues;
    RichText out =
        detail::RichTextBuilder::fromNodes(doc->children, detail::RichSource::Html, issues);
    // Escaping can make the markup larger than the input; what is refused
    // coming in is refused going out, so that sanitizing again gives the same.
    if (out.markup().size() > kMaxRichTextBytes) {
        return std::unexpected(
            Diagnostics{{std::string(source), 1, 1, Severity::Error,
                         "rich text is larger than the limit of " +
                             std::to_string(kMaxRichTextBytes) + " bytes once escaped"}});
    }
    if (removed != nullptr) {
        for (auto& issue : issues) {
            removed->push_back({std::string(source),
                                issue.node ? static_cast<int>(xmlGetLineNo(issue.node)) : 0, 0,
                                Severity::Warning, std::move(issue.message)});
        }
    }
    return out;
}

std::vector<RichToken> RichText::tokens() const {
    // The markup is canonical (made only by the builder), so a plain scan reads it.
    std::vector<RichToken> out;
    const std::string_view markup = m_markup;
    std::size_t pos = 0;
    std::string text;
    const auto flushText = [&] {
        if (!text.empty())
            out.push_back({RichToken::Kind::Text, std::move(text), {}});
        text.clear();
    };
    while (pos < markup.size()) {
        const char c = markup[pos];
        if (c == '<') {
            const auto end = markup.find('>', pos);
            if (end == std::string_view::npos)
                break;
            flushText();
            std::string_view tag = markup.substr(pos + 1, end - pos - 1);
            pos = end + 1;
            if (tag == "br/") {
                out.push_back({RichToken::Kind::Break, "br", {}});
            } else if (tag.starts_with('/')) {
                out.push_back({RichToken::Kind::Close, std::string(tag.substr(1)), {}});
            } else if (tag.starts_with("a href=\"")) {
                const std::string_view href = tag.substr(8, tag.size() - 9);
                out.push_back({RichToken::Kind::Open, "a", std::string(href)});
            } else {
                out.push_back({RichToken::Kind::Open, std::string(tag), {}});
            }
        } else if (c == '&') {
            const auto end = markup.find(';', pos);
            const std::string_view entity = markup.substr(pos, end - pos + 1);
            text += entity == "&amp;" ? '&' : entity == "&lt;" ? '<' : '>';
            pos = end == std::string_view::npos ? markup.size() : end + 1;
        } else {
            text += c;
            ++pos;
        }
    }
    flushText();
    return out;
}

std::string RichText::plainText() const {
    std::string out;
    const auto endLine = [&](std::string_view separator) {
        while (!out.empty() && out.back() == '\n')
            out.pop_back();
        if (!out.empty())
            out += separator;
    };
    for (const RichToken& token : tokens()) {
        switch (token.kind) {
        case RichToken::Kind::Text:
            out += token.value;
            break;
        case RichToken::Kind::Break:
            out += '\n';
            break;
        case RichToken::Kind::Open:
            if (token.value == "p" || token.value == "ul" || token.value == "ol")
                endLine("\n\n");
            else if (token.value == "li")
                out += "\xE2\x80\xA2 ";
            break;
        case RichToken::Kind::Close:
            if (token.value == "li")
                out += '\n';
            break;
        }
    }
    while (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

std::vector<std::string> RichText::links() const {
    std::vector<std::string> out;
    for (const RichToken& token : tokens()) {
        if (token.kind == RichToken::Kind::Open && token.value == "a")
            out.push_back(token.href.substr(std::string_view("guide:").size()));
    }
    return out;
}

bool RichText::hasBlocks() const {
    return m_markup.starts_with("<p>") || m_markup.starts_with("<ul>") ||
           m_markup.starts_with("<ol>");
}

} // namespace souffleur::content
