// Rich text: the longer texts of a guide (a step's details and "why", the
// prerequisites, background and result, an alert's body) may carry a little
// markup: paragraphs, lists, emphasis, code, line breaks and links to other
// guides. Nothing else, ever:
//
//   block:  <p>  <ul> <ol> <li>
//   inline: <em> <strong> <code> <br/> <a href="guide:GUIDE-ID">
//
// A RichText holds that markup in canonical form, and the only ways to make
// one go through the allowlist sanitizer in src/rich_text.cpp, so a RichText
// is safe to put into HTML as it is, and well-formed XML for the writer:
//  - fromPlainText() escapes;
//  - fromHtml() takes HTML from anywhere (a paste, an import, an editor),
//    keeps what the allowlist allows and removes everything else: script,
//    style, event handlers, `javascript:` and every external URL, forms,
//    frames, SVG and MathML, images, comments. Unknown elements give up
//    their tags but keep their text; what is removed is reported.
//  - the guide parser builds it from the guide's XML, where the schema and
//    the parser refuse anything outside the allowlist with a located error.
// Canonical form: white space folded to single spaces and none next to a
// block boundary; either inline content alone, or a sequence of blocks with
// loose text wrapped in <p> (a single <p> alone is written without it).
// docs/guide-format.md#rich-text describes it for authors.
#pragma once

#include <souffleur/content/diagnostic.h>

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::content {

namespace detail {
class RichTextBuilder;
}

// One piece of canonical markup, for code that maps rich text to another
// format (the DITA export, the canonical writer, search).
struct RichToken {
    enum class Kind { Text, Open, Close, Break };
    Kind kind = Kind::Text;
    std::string value; // Text: the unescaped text; Open/Close: the tag name
    std::string href;  // Open "a": the link target, "guide:ID"

    bool operator==(const RichToken&) const = default;
};

class RichText {
public:
    RichText() = default;

    // `text` as it is: every character shown, nothing taken as markup.
    static RichText fromPlainText(std::string_view text);

    // HTML through the allowlist sanitizer. Fails only for input over
    // kMaxRichTextBytes; otherwise anything goes in and something safe comes
    // out, with a warning in `removed` (if given) for each thing taken out.
    static std::expected<RichText, Diagnostics> fromHtml(std::string_view html,
                                                         std::string_view source = "html",
                                                         Diagnostics* removed = nullptr);

    // Input larger than this is refused by fromHtml().
    static constexpr std::size_t kMaxRichTextBytes = 256 * 1024;

    // The canonical markup: safe as HTML element content and as XML.
    const std::string& markup() const { return m_markup; }
    // The text without markup: blocks separated by a blank line, list
    // items on lines of their own starting with "• ".
    std::string plainText() const;
    // The markup as a sequence of tokens.
    std::vector<RichToken> tokens() const;
    // The ids of the guides it links to, in order of appearance.
    std::vector<std::string> links() const;
    // Whether it holds block markup (<p>, <ul>, <ol>) at the top.
    bool hasBlocks() const;

    bool empty() const { return m_markup.empty(); }
    bool operator==(const RichText&) const = default;

private:
    friend class detail::RichTextBuilder;
    explicit RichText(std::string markup)
        : m_markup(std::move(markup)) {}

    std::string m_markup;
};

} // namespace souffleur::content
