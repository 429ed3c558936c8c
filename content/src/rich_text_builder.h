// Private: the allowlist sanitizer behind RichText (rich_text.h). It walks a
// libxml2 tree (a guide's XML, or HTML from libxml2's HTML parser) and builds
// canonical rich-text markup from scratch: only allowlisted elements and the
// one allowlisted attribute are ever written, and all text is escaped, so
// nothing the input contains can reach the output as markup.
//
// Two sources, one walk:
//  - GuideXml: the strict form of guide files. Anything outside the
//    allowlist is an Issue, which the guide parser reports as a located
//    error (and the schema refuses as well).
//  - Html: anything goes in. Dangerous elements (script, style, frames,
//    forms' controls, SVG, MathML, images, ...) are dropped with their
//    content; other unknown elements give up their tags and keep their text
//    (<b> and <i> become <strong> and <em>); every attribute but a guide
//    link's href is dropped. Issues report what was lost.
// The walk is iterative (libxml2's parent pointers), so no input nests deep
// enough to exhaust the stack.
#pragma once

#include <souffleur/content/rich_text.h>

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace souffleur::content::detail {

enum class RichSource { GuideXml, Html };

struct RichIssue {
    const xmlNode* node = nullptr; // where, for its line
    std::string message;
};

// Inline elements nested deeper than this lose their tags (GuideXml: an issue).
inline constexpr std::size_t kMaxInlineDepth = 8;

class RichTextBuilder {
public:
    // Rich text from `first` and its following siblings.
    static RichText fromNodes(const xmlNode* first, RichSource source,
                              std::vector<RichIssue>& issues);
    // Rich text from plain text: blank lines separate paragraphs.
    static RichText fromPlainText(std::string_view text);

private:
    class Impl;
};

} // namespace souffleur::content::detail
