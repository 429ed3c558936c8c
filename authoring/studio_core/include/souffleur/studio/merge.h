// Three-way merge of a guide, per step and field, for a save that met a newer
// revision (a 409): `base` is the revision the author started from, `mine`
// what the author has now, `theirs` the server's newest revision.
//
// A field only one side changed takes that side's value; a field both sides
// changed alike takes it once; a field both changed differently is a
// Conflict, for the author to settle: theirs, mine, or (for texts and lists)
// both. Steps are matched by id. A step one side removed and the other left
// alone is removed; removed on one side and changed on the other is a
// conflict. The order of the steps is theirs, with my new steps after the
// step they follow in mine, unless only I reordered (then mine, with their new
// steps placed likewise); both reordering is a conflict of its own. A step
// that a merged option still leads to is never dropped. Nothing is ever
// silently overwritten: the merged guide holds every change that was not in
// conflict, and each conflict until it is settled shows mine.
#pragma once

#include <souffleur/content/guide.h>
#include <souffleur/studio/fields.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::studio {

enum class Side { Mine, Theirs, Both };

struct Conflict {
    enum class Kind {
        GuideField,    // both changed a field of the guide
        StepField,     // both changed a field of one step
        RemovedByMe,   // I removed the step, they changed it (mine: removed)
        RemovedByThem, // they removed the step, I changed it (theirs: removed)
        Order,         // both reordered the steps
    };
    Kind kind;
    std::string step; // the step concerned; empty for the guide and the order
    std::optional<GuideField> guideField;
    std::optional<StepField> stepField;
    // The values, for GuideField and StepField conflicts.
    FieldValue base, mine, theirs;
    // Whether "both" makes sense: texts and lists.
    bool canCombine = false;
    std::optional<Side> choice; // nullopt: not settled yet (the result shows mine)
};

class Merge {
public:
    static Merge threeWay(const content::Guide& base, const content::Guide& mine,
                          const content::Guide& theirs);

    const std::vector<Conflict>& conflicts() const { return m_conflicts; }
    // Settles conflict `index`; false for an index out of range or Both where it cannot.
    bool choose(std::size_t index, Side side);
    bool settled() const;
    // The merged guide, with the revision of theirs (the base of the next save).
    content::Guide result() const;

private:
    // Finds the conflicts (into `found`, when given) and makes the merged
    // guide with the choices made so far.
    content::Guide build(std::vector<Conflict>* found) const;
    Side choiceFor(Conflict::Kind kind, std::string_view step, std::optional<GuideField> guideField,
                   std::optional<StepField> stepField) const;

    content::Guide m_base, m_mine, m_theirs;
    std::vector<Conflict> m_conflicts;
};

// Mine and theirs together: texts one after the other (rich text as blocks),
// lists with theirs' new items after mine. Only where Conflict::canCombine.
FieldValue combine(const FieldValue& mine, const FieldValue& theirs);

} // namespace souffleur::studio
