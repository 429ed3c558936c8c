// The semantic lint: checks that a parsed guide or alert makes sense, beyond
// what the parser and the schema can say (parser.h already guarantees unique
// step ids, option targets that exist and well-formed fields). It works on
// the model; given the SourceLines the parser recorded, its diagnostics point
// at the line of the step, window, related guide or attachment concerned,
// and they always name it ("step 'brp': ..."). Errors mean the guide would mislead the
// desk; warnings are worth a look before publishing. See src/lint.cpp for the
// list of checks.
#pragma once

#include <souffleur/content/diagnostic.h>
#include <souffleur/content/guide.h>
#include <souffleur/content/parser.h>

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace souffleur::content {

// What the lint knows about the world around one document.
struct LintContext {
    // Ids of the guides that exist, for related guides and alert attachments;
    // empty: unknown, and those checks are skipped.
    std::set<std::string> knownGuides;
    // Today as "YYYY-MM-DD", injected so that tests are stable; empty: the
    // checks relative to today (expired, not valid yet) are skipped.
    std::string today;
};

// Checks one guide: every step reachable, every path able to finish,
// sensible decisions, a valid window, known related guides, an owner, short
// glances, escalations that say what to record, links in rich text to known
// guides. `lines`: where the parts are in the file, from the parser.
Diagnostics lintGuide(const Guide& guide, std::string_view fileName,
                      const LintContext& context = {}, const SourceLines* lines = nullptr);

// Checks one alert: its window, its level against acknowledgement, and its
// attachments (to known guides, and to steps that exist in the guides given
// in `guides`, by guide id).
Diagnostics lintAlert(const Alert& alert, std::string_view fileName,
                      const LintContext& context = {},
                      const std::map<std::string, const Guide*>& guides = {},
                      const SourceLines* lines = nullptr);

} // namespace souffleur::content
