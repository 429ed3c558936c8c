// libFuzzer target for the rich-text sanitizer (content/rich_text.h):
// RichText::fromHtml on arbitrary bytes. What comes out must be
//  - inert: only the allowlisted tags, and only guide: links;
//  - canonical: sanitizing it again gives the same markup;
//  - well-formed: as a step's details it parses, to the same markup, and
//    the page renders.
// Any breach traps, so libFuzzer records the input.
// Built by bench/fuzz/CMakeLists.txt; run by scripts/fuzz.
#include <souffleur/content/parser.h>
#include <souffleur/content/render.h>
#include <souffleur/content/rich_text.h>
#include <souffleur/content/writer.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace souffleur::content;

constexpr std::array<std::string_view, 9> kAllowed = {"p",      "ul",   "ol", "li", "em",
                                                      "strong", "code", "a",  "br"};

bool inert(const RichText& text) {
    return std::ranges::all_of(text.tokens(), [](const RichToken& token) {
        if (token.kind == RichToken::Kind::Text)
            return true;
        if (std::ranges::find(kAllowed, token.value) == kAllowed.end())
            return false;
        if (token.value == "a" && token.kind == RichToken::Kind::Open) {
            const std::string_view id = std::string_view(token.href).substr(6);
            return token.href.starts_with("guide:") && !id.empty() &&
                   std::ranges::all_of(id, [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                   });
        }
        return token.href.empty();
    });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    Diagnostics removed;
    const auto rich = RichText::fromHtml(html, "fuzz.html", &removed);
    if (!rich)
        return 0;
    if (!inert(*rich))
        __builtin_trap();
    const auto again = RichText::fromHtml(rich->markup());
    if (!again || again->markup() != rich->markup())
        __builtin_trap();
    Guide guide;
    guide.id = "fuzz.rich";
    guide.title = "Fuzz";
    guide.steps.push_back({.id = "s1", .glance = "G", .details = *rich});
    const auto parsed = parseGuide(writeGuide(guide), "fuzz-rich.xml");
    if (!parsed || parsed->steps.at(0).details != *rich)
        __builtin_trap();
    (void)renderStep(guide, guide.steps[0]);
    return 0;
}
