// Reusable blocks (guide format 4). A block is a guide marked
// kind="block" that holds one step kept once, for example "check the BRP"
// or "hand over to the fraud desk"; a step of any other guide shows it by
// naming it (<step id="brp" block="nl.blok.brp-raadplegen">). The block is
// published and reviewed like any guide, and a change to it reaches every
// guide that shows it without touching them. Where a guide is shown (the
// desk, the studio's preview) resolveBlocks() fills its steps in from the
// blocks at hand.
#pragma once

#include <souffleur/content/guide.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::content {

// The block with this id, or nullptr when it is not at hand.
using BlockLookup = std::function<const Guide*(std::string_view blockId)>;

// The ids of the blocks the steps of `guide` show, in step order, each once.
std::vector<std::string> blocksUsed(const Guide& guide);

// `guide` as it is shown: every step that shows a block takes the content of
// the block's step (glance, details, why, rules, checks, warnings, tips,
// notes, pictures, and its hand-off unless the step has a decision); it
// keeps its own id, block, decision and end. A block not at hand (not
// published yet, not on this desk yet, or not a block) leaves a glance that
// says so, in the guide's language, and its id is added to `missing`.
Guide resolveBlocks(const Guide& guide, const BlockLookup& lookup,
                    std::vector<std::string>* missing = nullptr);

} // namespace souffleur::content
