// One guide open in the studio, GUI-free: the edit model, the revision the
// edits are based on (for the save and the merge), and the journal that
// every change goes to before the screen shows it. The studio's editor holds
// one; the tests drive it without a screen.
//
//   open (from the server, a file, a template, or the journal after a crash)
//     -> edit / undo / redo       each one written to the journal
//     -> save: saved(revision)    the journal forgets it; the base moves on
//              or a 409: merge(theirs) -> Merge, settled by the author,
//                        then merged(): the result as one undoable edit,
//                        based on their revision, saved again by the author
#pragma once

#include <souffleur/protocol/review.h>
#include <souffleur/studio/edit_model.h>
#include <souffleur/studio/journal.h>
#include <souffleur/studio/merge.h>

#include <expected>
#include <string>
#include <vector>

namespace souffleur::studio {

class GuideSession {
public:
    // `key`: the journal's name for this document (JournalEntry::key).
    // `baseRevision` 0 and `baseXml` empty: a guide the server has not seen.
    // `journal` may be null (then nothing is kept); it must outlive the session.
    GuideSession(EditModel model, std::string key, int baseRevision, std::string baseXml,
                 Journal* journal);

    // The journal's row, reopened after a crash: the guide as it was, its base.
    static std::expected<GuideSession, content::Diagnostics>
    recover(const JournalEntry& entry, Journal* journal, EditModelOptions options = {});

    const EditModel& model() const { return m_model; }
    const content::Guide& guide() const { return m_model.guide(); }
    const std::string& key() const { return m_key; }
    int baseRevision() const { return m_baseRevision; }
    const std::string& baseXml() const { return m_baseXml; }

    // EditModel's, each followed by a journal write. A journal that cannot be
    // written is reported in journalError() (the edit stands: the author is
    // told, and nothing on screen is lost while the studio runs).
    std::expected<void, EditError> apply(Edit edit, std::string label, bool typing = false);
    std::expected<void, EditError> apply(std::vector<Edit> edits, std::string label);
    bool undo();
    bool redo();
    void endBurst() { m_model.endBurst(); }

    // A guide the server does not have in this form yet (new, imported,
    // duplicated): unsaved, and in the journal from the start.
    void markNew();

    // The last journal failure, empty when the journal is fine.
    const std::string& journalError() const { return m_journalError; }

    // The server stored `sentXml` as `revision` (`storedXml`: what it keeps,
    // with its revision number): that is the new base. Edits made while the
    // save was on its way stay unsaved, and in the journal.
    void saved(int revision, std::string storedXml, const std::string& sentXml);
    // A save met a newer revision: the merge of my edits into theirs.
    std::expected<Merge, content::Diagnostics> merge(const std::string& theirXml) const;
    // The author settled the merge: its result becomes the guide (one undoable
    // edit) on top of their revision, which the next save names as its base.
    std::expected<void, EditError> merged(const Merge& merge, int theirRevision,
                                          std::string theirXml, std::string label);
    // Throws the changes away: the journal forgets them.
    void discard();

    // --- Feedback from the desks (the inbox beside the step) ---
    // Where a suggested wording goes: it replaces the step's glance, or is
    // added to its checks, tips or warnings.
    enum class SuggestionTarget { Glance, Check, Tip, Warning };
    // Applies a piece of feedback's suggestion to its step as one undoable
    // edit ("Suggestie van Balie Noord toegepast") and links the feedback to
    // it. Refused (UnknownStep) when the feedback names no step of this guide.
    std::expected<void, EditError> applySuggestion(const protocol::Feedback& feedback,
                                                   SuggestionTarget target);
    // The linked feedback whose suggestion the guide still holds where it was
    // put: an undo (or a later edit of that text) unlinks it. A save marks
    // these "planned" in the new revision, so they become "applied" when it
    // is published.
    std::vector<std::string> appliedFeedback() const;

private:
    void record();

    EditModel m_model;
    std::string m_key;
    int m_baseRevision = 0;
    std::string m_baseXml;
    Journal* m_journal = nullptr;
    std::string m_journalError;
    struct AppliedSuggestion {
        std::string feedbackId;
        std::string step;
        SuggestionTarget target;
        std::string text;
    };
    std::vector<AppliedSuggestion> m_suggestions;
};

} // namespace souffleur::studio
