// The content model: what an expert knows about one critical task (a Guide)
// and the notices that go with it (an Alert), as plain data. The XML
// vocabulary of guide format v1 (docs/guide-format.md, content/schema/)
// maps one to one onto these structs; parser.h reads it, writer.h writes it,
// lint.h checks its sense, render.h turns it into HTML. The longer texts are
// RichText (rich_text.h): sanitized markup; all other strings are plain text.
#pragma once

#include <souffleur/content/rich_text.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::content {

// The namespace of guide format v1, for guides and alerts alike.
inline constexpr std::string_view kGuideNamespace = "urn:x-souffleur:guide:1";

// The newest format revision this library reads and writes. Within the
// namespace, a document's `format` attribute (default 1) names the revision
// whose vocabulary it uses; docs/guide-format.md has the rule for a reader
// that meets a newer one ("update needed", never a silent skip).
//   1  the format as first published
//   2  a step may cite the rule it rests on (<basis> in a <step>)
//   3  a step may hold internal notes for colleagues (<note> in a <step>)
//   4  reusable blocks: a guide may be a block (<guide kind="block">, one
//      step kept once) and a step may show a block (<step block="ID">)
//   5  content health: a guide's review cycle (<review every="12"
//      next="2027-03-01"/>), and a <basis> may cite a source record by id
//      (<basis source="ID">), so that a new version of it reaches the guide
inline constexpr int kFormatVersion = 5;

// One option of a decision: a label the desk employee picks and the step it leads to.
struct Option {
    std::string label;
    std::string target; // id of a step in the same guide

    bool operator==(const Option&) const = default;
};

// A picture, referenced by the SHA-256 of its bytes ("sha256:" + 64 hex digits).
struct Image {
    std::string hash;
    std::string alt; // required: what the picture shows, for screen readers

    bool operator==(const Image&) const = default;
};

// The hash that names a picture: "sha256:" and the lower-case hex SHA-256 of
// its bytes (the server stores pictures by it, a desk checks what it fetched
// against it).
std::string imageHash(std::string_view bytes);
// Whether `text` is such a hash ("sha256:" and 64 lower-case hex digits).
bool isImageHash(std::string_view text);

// A hand-off: whom to involve, what to say to the citizen, what to record,
// and how the task ends for the desk employee.
struct Escalation {
    std::string role;    // id-expert | back-office | police | team-lead | other
    std::string say;     // what to say at the counter
    std::string record;  // what to record, and where
    std::string outcome; // how the task ends

    bool operator==(const Escalation&) const = default;
};

// The legal basis or an internal instruction a guide or a step rests on.
struct Reference {
    std::string label; // e.g. "Paspoortuitvoeringsregeling Nederland 2001, art. 28"
    std::string href;  // optional; shown as text, never as a live link
    // Format 5: the source record it cites (the server's register of laws,
    // regulations and work instructions, by id); empty: none.
    std::string source;

    bool operator==(const Reference&) const = default;
};

struct Step {
    std::string id;
    std::string glance;                   // the short instruction, read at a glance
    RichText details;                     // optional, shown on request
    RichText why;                         // optional: why this step matters
    std::vector<std::string> checks;      // a checklist within the step
    std::vector<std::string> warnings;    // what must not go wrong
    std::vector<std::string> tips;        // what best performers do
    std::vector<std::string> notes;       // internal notes for colleagues (format 3),
                                          // never shown while the citizen can see
    std::vector<Image> images;            // pictures, by content hash
    std::vector<Option> options;          // a decision; empty for a plain step
    std::optional<Escalation> escalation; // a hand-off to another role
    bool ends = false;                    // the task ends after this step
    std::vector<Reference> references;    // the rules this step rests on (format 2)
    // Format 4: the id of the block (a guide with isBlock) whose step this
    // one shows: its glance, texts, checks, pictures and hand-off come from
    // the block (blocks.h resolves them); this step keeps its own id,
    // decision and end. Empty: the step holds its own content.
    std::string block;

    bool operator==(const Step&) const = default;
};

// What makes the overlay suggest a guide: the active window's application
// and title (glob patterns with * and ?), or a deep-link id a host
// application passes to `souffleur-overlay --open`.
struct Trigger {
    std::string application; // e.g. "reisdocumenten*"; empty: any
    std::string title;       // e.g. "*Aanvraag paspoort*"; empty: any
    std::string link;        // a deep-link id; set alone, without the patterns

    bool operator==(const Trigger&) const = default;
};

struct Guide {
    std::string id;   // stable id, e.g. nl.burgerzaken.identiteit-vaststellen
    int revision = 1; // increases with every published change
    // Format 4: this document is a reusable block ("check the BRP", "hand
    // over to the fraud desk"): one step, kept once, shown by the steps of
    // other guides that name it (Step::block). Desks do not list blocks as
    // tasks of their own.
    bool isBlock = false;
    std::string language = "nl";
    std::string title;
    std::string summary;
    std::vector<std::string> audience; // roles, e.g. "baliemedewerker"
    std::string owner;                 // the team that owns the guide
    // Format 5: how often the owner reviews the guide, in months (0: the
    // organisation's default), and the date of the next review when it is
    // set by hand ("YYYY-MM-DD"; empty: the last publication + the interval).
    int reviewMonths = 0;
    std::string nextReview;
    std::vector<std::string> tags;
    std::string validFrom;             // "YYYY-MM-DD" or empty
    std::string validTo;               // "YYYY-MM-DD" or empty
    std::vector<Reference> references; // legal basis, internal instructions
    std::vector<std::string> related;  // ids of related guides
    std::vector<Trigger> triggers;
    RichText prerequisites; // what must be in place before the task starts
    RichText context;       // background the employee may want first
    std::vector<Step> steps;
    RichText result; // what the finished task has produced

    // The step with this id, or nullptr.
    const Step* findStep(std::string_view stepId) const;
    // Index of the step with this id in document order.
    std::optional<std::size_t> stepIndex(std::string_view stepId) const;
    // The lowest format revision that holds everything this guide uses: what
    // the canonical writer declares, so that older readers can show every
    // guide that does not need what they lack.
    int requiredFormat() const;

    bool operator==(const Guide&) const = default;
};

// A notice for the desks: a fraud signal, a changed rule, an outage.
struct Alert {
    enum class Level { Info, Warning, Critical };

    // Where an alert shows inside a guide: a step, or the whole guide.
    struct Attachment {
        std::string guide;
        std::string step; // empty: the whole guide

        bool operator==(const Attachment&) const = default;
    };

    std::string id;
    int revision = 1;
    std::string language = "nl";
    Level level = Level::Warning;
    bool mustAcknowledge = false;
    std::string validFrom; // "YYYY-MM-DD" or empty
    std::string validTo;   // "YYYY-MM-DD" or empty
    std::string title;
    RichText body;
    std::vector<Attachment> attachments;

    // Attached to this step of this guide, or to the whole guide.
    bool appliesTo(std::string_view guideId, std::string_view stepId) const;
    // Valid on `date` ("YYYY-MM-DD"): within validFrom..validTo, both inclusive.
    bool validOn(std::string_view date) const;

    bool operator==(const Alert&) const = default;
};

// The wire names of alert levels: "info", "warning", "critical".
const char* levelName(Alert::Level level);

} // namespace souffleur::content
