// The three-way merge (merge.h). One function, build(), both finds the
// conflicts and makes the merged guide, so that what the author is shown and
// what is saved cannot differ.
#include <souffleur/studio/merge.h>

#include <algorithm>
#include <map>
#include <set>

namespace souffleur::studio {
namespace {

using content::Guide;
using content::Step;

template <typename T>
void appendNew(std::vector<T>& into, const std::vector<T>& from) {
    for (const auto& item : from)
        if (std::ranges::find(into, item) == into.end())
            into.push_back(item);
}

bool combinable(const FieldValue& value) {
    return !std::holds_alternative<bool>(value) &&
           !std::holds_alternative<std::optional<content::Escalation>>(value) &&
           !std::holds_alternative<std::vector<content::Option>>(value);
}

// The ids of `steps` that are also in both other sets, in order.
std::vector<std::string> commonOrder(const std::vector<Step>& steps, const Guide& a,
                                     const Guide& b) {
    std::vector<std::string> order;
    for (const Step& step : steps)
        if (a.findStep(step.id) && b.findStep(step.id))
            order.push_back(step.id);
    return order;
}

// Puts `id` into `order` after the nearest step before it in `source` that
// is already there (or first).
void placeAfterPredecessor(std::vector<std::string>& order, const std::string& id,
                           const std::vector<Step>& source) {
    if (std::ranges::find(order, id) != order.end())
        return;
    auto at = order.begin();
    for (const Step& step : source) {
        if (step.id == id)
            break;
        if (auto found = std::ranges::find(order, step.id); found != order.end())
            at = found + 1;
    }
    order.insert(at, id);
}

} // namespace

FieldValue combine(const FieldValue& mine, const FieldValue& theirs) {
    if (mine.index() != theirs.index())
        return mine;
    if (const auto* text = std::get_if<std::string>(&mine)) {
        const auto& other = std::get<std::string>(theirs);
        if (text->empty() || other.empty())
            return *text + other;
        return *text + " " + other;
    }
    if (const auto* rich = std::get_if<content::RichText>(&mine)) {
        const auto& other = std::get<content::RichText>(theirs);
        auto block = [](const content::RichText& part) {
            if (part.empty())
                return std::string();
            return part.hasBlocks() ? part.markup() : "<p>" + part.markup() + "</p>";
        };
        auto combined = content::RichText::fromHtml(block(*rich) + block(other));
        return combined ? FieldValue(*combined) : mine;
    }
    return std::visit(
        [&](const auto& ours) -> FieldValue {
            using T = std::decay_t<decltype(ours)>;
            if constexpr (std::is_same_v<T, std::vector<std::string>> ||
                          std::is_same_v<T, std::vector<content::Image>> ||
                          std::is_same_v<T, std::vector<content::Reference>> ||
                          std::is_same_v<T, std::vector<content::Trigger>>) {
                T out = ours;
                appendNew(out, std::get<T>(theirs));
                return out;
            } else {
                return ours;
            }
        },
        mine);
}

Merge Merge::threeWay(const Guide& base, const Guide& mine, const Guide& theirs) {
    Merge merge;
    merge.m_base = base;
    merge.m_mine = mine;
    merge.m_theirs = theirs;
    std::vector<Conflict> found;
    (void)merge.build(&found);
    merge.m_conflicts = std::move(found);
    return merge;
}

bool Merge::choose(std::size_t index, Side side) {
    if (index >= m_conflicts.size())
        return false;
    Conflict& conflict = m_conflicts[index];
    if (side == Side::Both && !conflict.canCombine)
        return false;
    conflict.choice = side;
    return true;
}

bool Merge::settled() const {
    return std::ranges::all_of(m_conflicts, [](const Conflict& c) { return c.choice.has_value(); });
}

Guide Merge::result() const {
    return build(nullptr);
}

Side Merge::choiceFor(Conflict::Kind kind, std::string_view step,
                      std::optional<GuideField> guideField,
                      std::optional<StepField> stepField) const {
    for (const Conflict& conflict : m_conflicts)
        if (conflict.kind == kind && conflict.step == step && conflict.guideField == guideField &&
            conflict.stepField == stepField)
            return conflict.choice.value_or(Side::Mine);
    return Side::Mine;
}

Guide Merge::build(std::vector<Conflict>* found) const {
    Guide out = m_theirs;

    // One field: the side that changed it, or the choice.
    auto field = [&](Conflict::Kind kind, const std::string& step,
                     std::optional<GuideField> guideField, std::optional<StepField> stepField,
                     const FieldValue& base, const FieldValue& mine,
                     const FieldValue& theirs) -> FieldValue {
        if (mine == theirs || theirs == base)
            return mine;
        if (mine == base)
            return theirs;
        if (found) {
            found->push_back({kind, step, guideField, stepField, base, mine, theirs,
                              combinable(mine), std::nullopt});
        }
        switch (choiceFor(kind, step, guideField, stepField)) {
        case Side::Mine:
            return mine;
        case Side::Theirs:
            return theirs;
        case Side::Both:
            return combine(mine, theirs);
        }
        return mine;
    };

    for (const GuideField f : allGuideFields())
        set(out, f,
            field(Conflict::Kind::GuideField, "", f, std::nullopt, get(m_base, f), get(m_mine, f),
                  get(m_theirs, f)));

    // The steps, by id: which are kept, with what.
    std::map<std::string, Step> kept;
    auto mergeStep = [&](const Step& base, const Step& mine, const Step& theirs) {
        Step merged = mine;
        for (const StepField f : allStepFields())
            set(merged, f,
                field(Conflict::Kind::StepField, mine.id, std::nullopt, f, get(base, f),
                      get(mine, f), get(theirs, f)));
        return merged;
    };
    auto removal = [&](Conflict::Kind kind, const Step& base, const Step& changed) -> bool {
        // true: keep `changed`
        if (changed == base)
            return false;
        if (found)
            found->push_back(
                {kind, base.id, std::nullopt, std::nullopt, {}, {}, {}, false, std::nullopt});
        const Side side = choiceFor(kind, base.id, std::nullopt, std::nullopt);
        return kind == Conflict::Kind::RemovedByMe ? side == Side::Theirs : side == Side::Mine;
    };
    std::set<std::string> ids;
    for (const Guide* guide : {&m_base, &m_mine, &m_theirs})
        for (const Step& step : guide->steps)
            ids.insert(step.id);
    for (const std::string& id : ids) {
        const Step* b = m_base.findStep(id);
        const Step* m = m_mine.findStep(id);
        const Step* t = m_theirs.findStep(id);
        if (m && t)
            kept.emplace(id, mergeStep(b ? *b : Step{.id = id}, *m, *t));
        else if (b && t && removal(Conflict::Kind::RemovedByMe, *b, *t))
            kept.emplace(id, *t);
        else if (b && m && removal(Conflict::Kind::RemovedByThem, *b, *m))
            kept.emplace(id, *m);
        else if (!b && m)
            kept.emplace(id, *m);
        else if (!b && t)
            kept.emplace(id, *t);
    }

    // The order: one side's, with the other's own steps after their predecessors.
    const auto baseOrder = commonOrder(m_base.steps, m_mine, m_theirs);
    const auto mineOrder = commonOrder(m_mine.steps, m_base, m_theirs);
    const auto theirOrder = commonOrder(m_theirs.steps, m_base, m_mine);
    bool mineFirst = false;
    if (mineOrder != baseOrder && theirOrder == baseOrder) {
        mineFirst = true;
    } else if (mineOrder != baseOrder && theirOrder != baseOrder && mineOrder != theirOrder) {
        if (found)
            found->push_back({Conflict::Kind::Order,
                              "",
                              std::nullopt,
                              std::nullopt,
                              {},
                              {},
                              {},
                              false,
                              std::nullopt});
        mineFirst =
            choiceFor(Conflict::Kind::Order, "", std::nullopt, std::nullopt) != Side::Theirs;
    }
    const auto& primary = mineFirst ? m_mine.steps : m_theirs.steps;
    const auto& secondary = mineFirst ? m_theirs.steps : m_mine.steps;
    std::vector<std::string> order;
    for (const Step& step : primary)
        if (kept.contains(step.id))
            order.push_back(step.id);
    for (const Step& step : secondary)
        if (kept.contains(step.id))
            placeAfterPredecessor(order, step.id, secondary);

    // A step a kept option leads to stays, as mine had it (else the base's).
    for (bool added = true; added;) {
        added = false;
        for (const auto& id : std::vector<std::string>(order)) {
            for (const auto& option : kept.at(id).options) {
                if (kept.contains(option.target))
                    continue;
                const Guide& source = m_mine.findStep(option.target)   ? m_mine
                                      : m_base.findStep(option.target) ? m_base
                                                                       : m_theirs;
                if (const Step* step = source.findStep(option.target)) {
                    kept.emplace(step->id, *step);
                    placeAfterPredecessor(order, step->id, source.steps);
                    added = true;
                }
            }
        }
    }

    out.steps.clear();
    for (const auto& id : order)
        out.steps.push_back(kept.at(id));
    out.revision = m_theirs.revision;
    return out;
}

} // namespace souffleur::studio
