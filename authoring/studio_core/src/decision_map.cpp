// The decision map (decision_map.h).
#include <souffleur/content/step_graph.h>
#include <souffleur/studio/decision_map.h>

#include <algorithm>
#include <deque>

namespace souffleur::studio {

DecisionMap buildDecisionMap(const content::Guide& guide) {
    DecisionMap map;
    const std::size_t count = guide.steps.size();
    if (count == 0)
        return map;
    const std::vector<bool> reachable = content::reachableSteps(guide);
    const std::vector<bool> canFinish = content::finishingSteps(guide);

    // Rows: breadth first from the first step.
    std::vector<int> row(count, -1);
    std::deque<std::size_t> queue{0};
    row[0] = 0;
    while (!queue.empty()) {
        const std::size_t at = queue.front();
        queue.pop_front();
        for (const std::size_t next : content::successors(guide, at)) {
            if (row[next] < 0) {
                row[next] = row[at] + 1;
                queue.push_back(next);
            }
        }
    }
    const int reachedRows = std::ranges::max(row) + 1;
    std::vector<int> used(static_cast<std::size_t>(reachedRows) + 1, 0);
    for (std::size_t i = 0; i < count; ++i) {
        const content::Step& step = guide.steps[i];
        MapNode node;
        node.step = step.id;
        node.glance = step.glance;
        node.number = static_cast<int>(i) + 1;
        node.reachable = reachable[i];
        node.row = row[i] >= 0 ? row[i] : reachedRows;
        node.column = used[static_cast<std::size_t>(node.row)]++;
        node.finishes = content::finishes(guide, i);
        node.deadEnd = reachable[i] && !canFinish[i];
        node.decision = !step.options.empty();
        node.handOff = step.escalation.has_value();
        map.unreachable += node.reachable ? 0 : 1;
        map.deadEnds += node.deadEnd ? 1 : 0;
        map.nodes.push_back(std::move(node));
    }
    map.rows = reachedRows + (map.unreachable > 0 ? 1 : 0);
    map.columns = std::ranges::max(used);

    for (std::size_t i = 0; i < count; ++i) {
        const content::Step& step = guide.steps[i];
        const int from = static_cast<int>(i);
        if (step.options.empty()) {
            if (!map.nodes[i].finishes)
                map.edges.push_back({from,
                                     from + 1,
                                     {},
                                     {},
                                     row[i + 1] >= 0 && row[i] >= 0 && row[i + 1] <= row[i]});
            continue;
        }
        for (const content::Option& option : step.options) {
            MapEdge edge{from, -1, option.label, {}, false};
            if (const auto target = guide.stepIndex(option.target)) {
                edge.to = static_cast<int>(*target);
                edge.back = map.nodes[*target].row <= map.nodes[i].row;
            } else {
                edge.missing = option.target;
                ++map.brokenOptions;
            }
            map.edges.push_back(std::move(edge));
        }
    }
    return map;
}

} // namespace souffleur::studio
