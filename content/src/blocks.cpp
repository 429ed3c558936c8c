// Reusable blocks (blocks.h).
#include <souffleur/content/blocks.h>

#include <algorithm>

namespace souffleur::content {

std::vector<std::string> blocksUsed(const Guide& guide) {
    std::vector<std::string> out;
    for (const Step& step : guide.steps) {
        if (!step.block.empty() && std::ranges::find(out, step.block) == out.end())
            out.push_back(step.block);
    }
    return out;
}

Guide resolveBlocks(const Guide& guide, const BlockLookup& lookup,
                    std::vector<std::string>* missing) {
    Guide out = guide;
    for (Step& step : out.steps) {
        if (step.block.empty())
            continue;
        const Guide* block = lookup ? lookup(step.block) : nullptr;
        if (!block || !block->isBlock || block->steps.empty()) {
            step.glance = guide.language == "en"
                              ? "Part '" + step.block + "' is not available here yet."
                              : "Onderdeel '" + step.block + "' is hier nog niet beschikbaar.";
            if (missing && std::ranges::find(*missing, step.block) == missing->end())
                missing->push_back(step.block);
            continue;
        }
        const Step& shown = block->steps.front();
        step.glance = shown.glance;
        step.details = shown.details;
        step.why = shown.why;
        step.references = shown.references;
        step.checks = shown.checks;
        step.warnings = shown.warnings;
        step.tips = shown.tips;
        step.notes = shown.notes;
        step.images = shown.images;
        // A step has a decision or a hand-off, not both: the guide's decision wins.
        step.escalation = step.options.empty() ? shown.escalation : std::nullopt;
    }
    return out;
}

} // namespace souffleur::content
