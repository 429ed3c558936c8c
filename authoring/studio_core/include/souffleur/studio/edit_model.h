// The studio's edit model: one guide being edited, GUI-free.
//
// Every change is an Edit (a field set, a step inserted, removed, moved or
// renamed, or the whole guide replaced from the source view, an import or a
// merge), applied through EditModel::apply as one undoable command. Each
// applied edit yields its exact inverse, so undo and redo are unlimited and
// cheap: a command keeps only what it changed. Typing into one field within
// a short burst merges into one command, as in every editor.
//
// The model refuses an edit that would break the guide's structure (step ids
// unique and valid, every option leading to a step that exists, dates, ids
// and picture hashes in their form, triggers either a link or patterns), so
// the canonical writer always produces XML that parses. What a guide still
// lacks (an empty glance, a title) and what the content lint says are
// diagnostics, located by step and field, never refusals: an author must be
// able to type.
#pragma once

#include <souffleur/content/diagnostic.h>
#include <souffleur/content/guide.h>
#include <souffleur/content/lint.h>
#include <souffleur/content/readability.h>
#include <souffleur/studio/fields.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace souffleur::studio {

struct SetGuideField {
    GuideField field;
    FieldValue value;
};
struct SetStepField {
    std::string step; // the step's id
    StepField field;
    FieldValue value;
};
struct InsertStep {
    std::size_t index; // where it goes, 0..steps
    content::Step step;
};
struct RemoveStep {
    std::string step;
};
// Moves a step so that it ends up at `to` (0..steps-1).
struct MoveStep {
    std::string step;
    std::size_t to;
};
// Gives a step a new id; every option that led to it follows.
struct RenameStep {
    std::string step;
    std::string to;
};
// The whole guide at once: the source view, an import, a merge. Its id and
// revision are kept from the model.
struct ReplaceGuide {
    content::Guide guide;
};

using Edit = std::variant<SetGuideField, SetStepField, InsertStep, RemoveStep, MoveStep, RenameStep,
                          ReplaceGuide>;

// Why an edit was refused. The studio words each code for its user; `detail`
// names what is concerned (a step id, a date).
struct EditError {
    enum class Code {
        UnknownStep,     // no step with that id
        InvalidStepId,   // not [A-Za-z0-9._-]{1,128}
        DuplicateStepId, // another step has that id
        WrongValueType,  // the value does not fit the field
        UnknownTarget,   // an option leads to a step that does not exist
        StepIsTarget,    // removing a step that options lead to (detail: those steps)
        LastStep,        // a guide keeps at least one step
        InvalidDate,     // not YYYY-MM-DD
        InvalidId,       // a related guide or link id out of form
        InvalidHash,     // a picture not named "sha256:" + 64 hex digits
        InvalidTrigger,  // a trigger with both or neither of a link and patterns
        InvalidLanguage, // not a language tag
        IndexOutOfRange, // a position beyond the steps
        IdentityChanged, // ReplaceGuide with another guide's id
    };
    Code code;
    std::string detail;

    // An English sentence, for logs and tests.
    std::string message() const;
};

// The structural problems of a whole guide, as apply() would refuse them.
std::vector<EditError> structuralProblems(const content::Guide& guide);

// Text as a guide may hold it: invalid UTF-8 becomes U+FFFD, characters XML
// forbids (controls other than tab and line feed) are dropped.
std::string cleanText(std::string_view text);

// How an EditModel behaves (EditModel::Options).
struct EditModelOptions {
    using Clock = std::chrono::steady_clock;
    // Typing edits to one field this close together merge into one command.
    Clock::duration burstWindow = std::chrono::milliseconds(1500);
    // The clock, injectable for tests.
    std::function<Clock::time_point()> now = [] { return Clock::now(); };
    // What the lint knows (known guides, today).
    content::LintContext lint;
    // The name diagnostics carry as their file.
    std::string name = "guide";
    // Plain-language checks (readability.h) among the diagnostics, with the
    // organisation's policy; none without one.
    std::optional<content::ReadabilityPolicy> readability;
};

class EditModel {
public:
    using Clock = std::chrono::steady_clock;

    using Options = EditModelOptions;

    explicit EditModel(content::Guide guide, Options options = {});
    // Parses a guide's XML (content::parseGuide).
    static std::expected<EditModel, content::Diagnostics> fromXml(std::string_view xml,
                                                                  Options options = {});

    const content::Guide& guide() const { return m_guide; }
    // The canonical XML (content::writeGuide). Untouched, a canonical file
    // comes back byte for byte.
    std::string xml() const;

    // Applies edits as one command with a label for the undo menu. With
    // `typing`, a single SetGuideField/SetStepField merges into the previous
    // command when that was typing into the same field, within the burst
    // window, with no undo, redo, save or endBurst() in between. All or
    // nothing: when one edit is refused, none stays applied.
    std::expected<void, EditError> apply(Edit edit, std::string label, bool typing = false);
    std::expected<void, EditError> apply(std::vector<Edit> edits, std::string label);

    bool canUndo() const { return m_index > 0; }
    bool canRedo() const { return m_index < m_commands.size(); }
    // The labels of what undo and redo would do; empty when they cannot.
    std::string undoLabel() const;
    std::string redoLabel() const;
    bool undo();
    bool redo();
    // Commands on the stack (done and undone).
    std::size_t commandCount() const { return m_commands.size(); }
    // The next typing edit starts a command of its own (focus moved on).
    void endBurst() { m_burstOpen = false; }

    // Whether the guide differs from what was last saved (or loaded).
    bool modified() const;
    // What is shown now is what was saved.
    void markSaved();
    // What is shown now is not saved anywhere (recovered from the journal,
    // merged): modified() until the next save, even after undo.
    void markUnsaved() { m_savedAt = -1; }
    // The revision number the server gave the saved guide: not an edit, no undo.
    void setRevision(int revision);
    // Increases with every change, undo and redo: a cheap "has it changed?".
    std::uint64_t version() const { return m_version; }

    // What the guide still lacks and what the lint finds, with step and field
    // set where they apply; recomputed after a change, on demand.
    const content::Diagnostics& diagnostics() const;
    void setLintContext(content::LintContext context);

    // An id for a new step, from `base` (a glance, say), unique in the guide.
    // Every step's readability score and what reads hard, with the
    // organisation's policy (the default one when the options hold none).
    const content::Readability& readability() const;
    const EditModelOptions& options() const { return m_options; }

    std::string uniqueStepId(std::string_view base) const;
    // The steps with an option that leads to `stepId`.
    std::vector<std::string> stepsLeadingTo(std::string_view stepId) const;

private:
    struct Command {
        std::string label;
        std::vector<Edit> forward;
        std::vector<Edit> inverse; // applied last to first
        std::string burstKey;      // non-empty: typing into this field
        Clock::time_point at;
    };

    // Applies one edit to the guide; its inverse, or why not.
    std::expected<Edit, EditError> applyOne(Edit edit);
    void changed();

    content::Guide m_guide;
    Options m_options;
    std::vector<Command> m_commands;
    std::size_t m_index = 0;      // commands [0, m_index) are done
    std::ptrdiff_t m_savedAt = 0; // m_index when saved; -1: unreachable
    bool m_burstOpen = false;
    std::uint64_t m_version = 0;
    mutable bool m_diagnosticsStale = true;
    mutable content::Diagnostics m_diagnostics;
    mutable std::optional<content::Readability> m_readability; // empty: to be measured
};

} // namespace souffleur::studio
