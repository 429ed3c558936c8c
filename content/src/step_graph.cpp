// The steps of a guide as a graph (step_graph.h).
#include <souffleur/content/step_graph.h>

#include <algorithm>
#include <deque>

namespace souffleur::content {
namespace {

// Breadth-first search over `edges` from `starts`: which nodes are reached.
std::vector<bool> reach(const std::vector<std::vector<std::size_t>>& edges,
                        const std::vector<std::size_t>& starts) {
    std::vector<bool> reached(edges.size(), false);
    std::deque<std::size_t> queue;
    for (const std::size_t start : starts) {
        if (!reached[start]) {
            reached[start] = true;
            queue.push_back(start);
        }
    }
    while (!queue.empty()) {
        const std::size_t node = queue.front();
        queue.pop_front();
        for (const std::size_t next : edges[node]) {
            if (!reached[next]) {
                reached[next] = true;
                queue.push_back(next);
            }
        }
    }
    return reached;
}

} // namespace

bool finishes(const Guide& guide, std::size_t index) {
    const Step& step = guide.steps[index];
    return step.options.empty() && (step.ends || index + 1 == guide.steps.size());
}

std::vector<std::size_t> successors(const Guide& guide, std::size_t index) {
    const Step& step = guide.steps[index];
    std::vector<std::size_t> out;
    if (step.options.empty()) {
        if (!finishes(guide, index))
            out.push_back(index + 1);
        return out;
    }
    for (const Option& option : step.options) {
        const auto target = guide.stepIndex(option.target);
        if (target && std::ranges::find(out, *target) == out.end())
            out.push_back(*target);
    }
    return out;
}

std::vector<bool> reachableSteps(const Guide& guide) {
    std::vector<std::vector<std::size_t>> forward(guide.steps.size());
    for (std::size_t i = 0; i < guide.steps.size(); ++i)
        forward[i] = successors(guide, i);
    if (guide.steps.empty())
        return {};
    return reach(forward, {0});
}

std::vector<bool> finishingSteps(const Guide& guide) {
    std::vector<std::vector<std::size_t>> backward(guide.steps.size());
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < guide.steps.size(); ++i) {
        for (const std::size_t next : successors(guide, i))
            backward[next].push_back(i);
        if (finishes(guide, i))
            ends.push_back(i);
    }
    return reach(backward, ends);
}

} // namespace souffleur::content
