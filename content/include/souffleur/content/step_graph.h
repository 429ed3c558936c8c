// The steps of a guide as a graph, the way the desk's step engine walks it:
// a plain step leads to the next one unless it ends the task (or is the
// last), a decision leads to the targets of its options. The lint checks
// it (unreachable steps, loops with no way out); the studio draws it.
#pragma once

#include <souffleur/content/guide.h>

#include <cstddef>
#include <vector>

namespace souffleur::content {

// A plain step that ends, or the last plain step: the task finishes after it.
bool finishes(const Guide& guide, std::size_t index);

// The steps the task can move to from step `index`, each once, in option
// order (options to unknown steps are left out).
std::vector<std::size_t> successors(const Guide& guide, std::size_t index);

// Which steps the task can reach from its first step.
std::vector<bool> reachableSteps(const Guide& guide);

// From which steps the task can still finish.
std::vector<bool> finishingSteps(const Guide& guide);

} // namespace souffleur::content
