// The renderer: one step of a guide as a self-contained HTML page, the same
// for the overlay on the desk and the preview in authoring. All guide text is
// escaped; the page carries a strict Content-Security-Policy and loads nothing.
#pragma once

#include <souffleur/content/guide.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::content {

enum class UiLanguage { Dutch, English };

struct RenderOptions {
    UiLanguage language = UiLanguage::Dutch;
    // "The citizen can see my screen": the step page leaves out what is for
    // the employee only (warnings and fraud signals, tips, the escalation with
    // whom to contact and what to record, details and why) and says so.
    bool citizenCanSee = false;
    // Scripts the page loads, by URL: the desk's own bundled ones (the
    // overlay's souffleur://desk/... scripts that update the page in place).
    // The Content-Security-Policy allows exactly these; empty: no script.
    std::vector<std::string> scripts;
    // Alerts to show inside the steps they are attached to (Alert::appliesTo),
    // most severe first, after the step's glance and checks: the desk passes the ones
    // valid today. Hidden, like the warnings, while the citizen can see.
    std::vector<Alert> alerts;
    // Where the page loads pictures from: a URL prefix to which a picture's
    // 64 hex digits (its hash without "sha256:") are appended, the desk's
    // souffleur://desk/media/. The policy allows pictures from there only.
    // Empty: pictures are described, not shown (img-src 'none').
    std::string imageBase;
    // Which pictures are at hand, by hash ("sha256:..."): the others are
    // described as without imageBase (a desk that has not fetched them yet,
    // offline). Unset: all of them.
    std::function<bool(const std::string& hash)> hasImage;
    // What changed in this revision, as its author wrote (the change note the
    // desk received with it): shown on the first step, after its glance and
    // checks, "new in this revision", while the citizen cannot see. Empty: nothing.
    std::string changeNote;
    // A short summary of what changed since the revision the desk held before
    // (content/diff.h summaryText: "Stap 4 gewijzigd, stap 6 nieuw."), shown
    // with the change note, before it.
    std::string changeSummary;
    // The desk team's own tips this revision applied, each shown as "your tip
    // was applied" with the note, while the citizen cannot see.
    std::vector<std::string> tipsApplied;
};

// The page for `step` (which must belong to `guide`).
std::string renderStep(const Guide& guide, const Step& step, const RenderOptions& options = {});

// The whole guide on one page, every step in document order: the authoring
// preview (`souffleur render`), with the same markup and stylesheet as the desk.
std::string renderGuide(const Guide& guide, const RenderOptions& options = {});

// One step of the way through a guide, for the summary at the end.
struct TakenStep {
    std::string stepId;
    std::string choice; // the option's label at a decision, else empty
};

// A page for when the task is finished: the guide's result, then a summary
// of the steps taken and the choices made (`taken`, in order).
std::string renderFinished(const Guide& guide, const RenderOptions& options = {},
                           const std::vector<TakenStep>& taken = {});

// HTML-escapes text for element content and attribute values.
std::string escapeHtml(std::string_view text);

} // namespace souffleur::content
