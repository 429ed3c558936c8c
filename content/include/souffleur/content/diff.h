// The semantic diff of two revisions of a guide (or of an alert): what an
// author or reviewer means by "what changed", by step and field rather than
// by XML line. Steps are matched by their id (ids are stable across
// revisions; the studio never renumbers them):
//   - a step only in the new revision is added, only in the old one removed
//     (unless a removed and an added step hold the same content: renamed);
//   - a step in both whose place among the common steps changed is moved
//     (the fewest moves that explain the new order: the steps outside the
//     longest common subsequence of the two orders);
//   - a step in both whose fields differ is changed, with each changed field
//     and, for texts, the change word by word;
//   - the options of a decision are matched by label: added, removed,
//     relabelled (same place, other label) or retargeted (other step).
// With the alerts that exist, a guide's diff also says which alerts came to
// show in it (attached: their step was added) and which no longer do
// (detached: their step was removed).
//
// Used by `souffleur diff` (exit 0 when the same, 1 when they differ), the
// studio's review (side by side, word by word) and the desks' "what changed"
// summary (summaryText). No GUI, no I/O; protocol/diff_json.h has the JSON.
#pragma once

#include <souffleur/content/guide.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::content {

// One piece of a word-level diff: a run of words the same in both, only in
// the old text, or only in the new. Runs keep the white space that follows
// their words (a Same run the new text's), so joining the Same and Added
// runs gives the new text back, and the Same and Removed runs the old one's
// words.
struct WordRun {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    std::string text;

    bool operator==(const WordRun&) const = default;
};

// The word-level diff of two plain texts: words are runs of non-space
// characters (a line break is a word of its own, so list items stay apart).
// Long texts whose changed middle would take too long word by word (more
// than kMaxWordCells pairs of words) come out as one removal and one
// addition of that middle.
std::vector<WordRun> diffWords(std::string_view before, std::string_view after);
inline constexpr std::size_t kMaxWordCells = 4'000'000;

// A field of a guide or a step that differs, with both values as plain text
// (a list one item per line, rich text as its plain text).
struct FieldChange {
    // The field's name as in the guide format: "glance", "details", "why",
    // "checks", "warnings", "tips", "notes", "images", "escalation", "ends",
    // "basis", "block"; for the guide: "title", "summary", "audience",
    // "owner", "review", "tags", "valid-from", "valid-to", "basis", "related",
    // "triggers", "prerequisites", "context", "result", "language", "kind".
    std::string field;
    std::string before; // empty: the field was not there
    std::string after;  // empty: it is no longer there
    std::vector<WordRun> words;
    // Only the markup changed (emphasis, a list, a link), not the words.
    bool markupOnly = false;

    bool operator==(const FieldChange&) const = default;
};

// A change to one option of a decision.
struct OptionChange {
    enum class Kind { Added, Removed, Relabelled, Retargeted };
    Kind kind = Kind::Added;
    std::string label;     // the option's label (the new one when relabelled)
    std::string oldLabel;  // Relabelled: the label it had
    std::string target;    // the step it leads to (now)
    std::string oldTarget; // Retargeted: the step it led to

    bool operator==(const OptionChange&) const = default;
};

struct StepChange {
    enum class Kind { Added, Removed, Changed, Renamed };
    Kind kind = Kind::Changed;
    std::string id;    // in the new revision (the old one for Removed)
    std::string oldId; // Renamed: the id it had
    // Its place (0-based) in each revision; nullopt where it is not.
    std::optional<std::size_t> oldIndex;
    std::optional<std::size_t> newIndex;
    bool moved = false;                // Changed or Renamed: its place among the others changed
    std::string glance;                // as it reads now (as it read, for Removed)
    std::vector<FieldChange> fields;   // Changed: what differs
    std::vector<OptionChange> options; // Changed: what the decision now does differently

    bool operator==(const StepChange&) const = default;
};

// An alert whose showing in the guide changed between the revisions.
struct AlertShowing {
    enum class Kind { Attached, Detached };
    Kind kind = Kind::Attached;
    std::string alertId;
    std::string title;
    std::string step; // the step it is attached to

    bool operator==(const AlertShowing&) const = default;
};

struct GuideDiff {
    std::string id; // the new revision's (a diff across ids is refused: see diffGuides)
    int oldRevision = 0;
    int newRevision = 0;
    std::vector<FieldChange> fields; // the guide's own fields, in the format's order
    // Every step that was added, removed, renamed, moved or changed; in the
    // new revision's order, each removed step after the step that preceded it.
    std::vector<StepChange> steps;
    std::vector<AlertShowing> alerts;

    // Nothing differs but the revision number.
    bool same() const { return fields.empty() && steps.empty() && alerts.empty(); }
    bool operator==(const GuideDiff&) const = default;
};

// What changed from `before` to `after` (revisions of the same guide; when
// their ids differ, the id is reported as a changed field "id"). `alerts`,
// when given, are the alerts to check for attached and detached ones.
GuideDiff diffGuides(const Guide& before, const Guide& after,
                     const std::vector<Alert>* alerts = nullptr);

// The same for two revisions of an alert: its fields ("title", "level",
// "acknowledge", "valid-from", "valid-to", "body", "language") and the
// guides and steps it was attached to or detached from.
struct AlertDiff {
    std::string id;
    int oldRevision = 0;
    int newRevision = 0;
    std::vector<FieldChange> fields;
    std::vector<Alert::Attachment> attached;
    std::vector<Alert::Attachment> detached;

    bool same() const { return fields.empty() && attached.empty() && detached.empty(); }
    bool operator==(const AlertDiff&) const = default;
};
AlertDiff diffAlerts(const Alert& before, const Alert& after);

// A short summary for the desks, numbering steps as the new revision does,
// in Dutch ("nl") or English ("en"): "Stap 4 gewijzigd, stap 6 nieuw, stap 2
// vervallen." At most `maxSteps` steps are named; the rest are counted ("en 3
// andere stappen"). A change to the guide's own fields only: "Algemene
// gegevens gewijzigd." Empty when nothing differs.
std::string summaryText(const GuideDiff& diff, std::string_view language = "nl",
                        std::size_t maxSteps = 4);

// The diff as text, for a terminal: a line per change, texts word by word
// in git's notation ([-removed-]{+added+}).
std::string diffText(const GuideDiff& diff);
std::string diffText(const AlertDiff& diff);

// Wire names: "added", "removed", "changed", "renamed"; "added", "removed",
// "relabelled", "retargeted"; "attached", "detached"; "same", "removed", "added".
const char* kindName(StepChange::Kind kind);
const char* kindName(OptionChange::Kind kind);
const char* kindName(AlertShowing::Kind kind);
const char* kindName(WordRun::Kind kind);

} // namespace souffleur::content
