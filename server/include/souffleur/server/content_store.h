// The working memory's content in the store: guide revisions through their
// lifecycle, alerts, and the change feed the desks follow (docs/api.md).
// Plain functions over a sqlite::Database, like storage.h; each change is one
// transaction together with its audit row and, when it reaches the desks, its
// change feed entry.
//
// A guide's revisions (numbers 1, 2, 3, ... per guide; the XML of a revision
// never changes once saved):
//
//   save (base = newest) ──▶ draft ──submit──▶ in_review ──publish──▶ published
//                              ▲                  │ reject               │ a newer one
//                              └──────────────────┘                      ▼ published
//                                                                   superseded
//   a draft or in_review revision becomes withdrawn when a newer one is saved;
//   retire: the published revision becomes retired, and desks drop the guide.
//
// Saving names the revision it builds on (the base): when that is not the
// guide's newest revision, someone else saved in between and the save is a
// Conflict (409) carrying the newest number. Publishing a revision in review
// takes a second person: not the account that saved it (four eyes). Reviewers
// and admins may also publish a guide directly (publishGuide), for urgent
// fixes and imports; that is audited like everything else.
//
// Alerts are published directly (a fraud signal cannot wait for review), each
// revision superseding the last, and retired when they no longer apply.
#pragma once

#include <souffleur/server/auth.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace souffleur::server {

struct NoticeOut; // review_store.h

enum class RevisionState { Draft, InReview, Published, Superseded, Retired, Withdrawn };
// "draft", "in_review", "published", "superseded", "retired", "withdrawn".
std::string_view stateName(RevisionState state);
std::optional<RevisionState> parseState(std::string_view name);

// Who changes content, for the audit log and the four-eyes rule.
struct Actor {
    std::string name;
    std::string remote;
};

// A validated guide revision as it is stored: its canonical XML (carrying
// `revision`) and the fields the listings need.
struct GuideRevision {
    std::string id;
    int revision = 0;
    std::string title;
    std::string xml;
};

// --- Outcomes ------------------------------------------------------------------

struct Done {};
struct Published {
    std::int64_t seq = 0; // the change feed entry
    int revision = 0;     // of what was published or retired
};
struct Conflict {
    int currentRevision = 0; // the newest revision, which the base should have been
};
struct NotFound {};
struct WrongState {
    RevisionState state; // what the revision is, which does not allow the step
};
struct SameAccount {}; // the four-eyes rule: the author may not publish their own revision

using SaveOutcome = std::variant<Done, Conflict>;
using StepOutcome = std::variant<Done, NotFound, WrongState>;
using PublishOutcome = std::variant<Published, NotFound, WrongState, SameAccount, Conflict>;

// --- Guides ------------------------------------------------------------------

// Saves `guide` (whose revision must be base + 1) as a draft when `base` is
// the guide's newest revision (0 for a new guide), withdrawing any earlier
// draft or revision in review; a Conflict otherwise.
sqlite::Result<SaveOutcome> saveDraft(sqlite::Database& db, std::int64_t tenantId,
                                      const GuideRevision& guide, int base, const Actor& actor);
// draft -> in_review, with the author's change note (may be empty).
sqlite::Result<StepOutcome> submitRevision(sqlite::Database& db, std::int64_t tenantId,
                                           std::string_view guideId, int revision,
                                           std::string_view changeNote, const Actor& actor);
// in_review -> draft, with the reviewer's reason; the author gets a notice
// (review_store.h), added to `notices` when given.
sqlite::Result<StepOutcome> rejectRevision(sqlite::Database& db, std::int64_t tenantId,
                                           std::string_view guideId, int revision,
                                           std::string_view note, const Actor& actor,
                                           std::vector<NoticeOut>* notices = nullptr);
// in_review -> published, by another account than the one that saved it; the
// previously published revision becomes superseded, the feed advances. The
// feedback planned for this revision becomes applied, and the author gets a
// notice ("approved").
sqlite::Result<PublishOutcome> publishRevision(sqlite::Database& db, std::int64_t tenantId,
                                               std::string_view guideId, int revision,
                                               const Actor& actor,
                                               std::vector<NoticeOut>* notices = nullptr);
// A rollback: the content of an earlier revision `to` saved as the guide's
// newest revision and put in review at once, with a change note that says
// so (and the author's reason): itself a reviewed change, so the four-eyes
// rule holds. NotFound when there is no such revision.
struct RolledBack {
    int revision = 0; // the new revision, in review
};
sqlite::Result<std::variant<RolledBack, NotFound>>
rollbackGuide(sqlite::Database& db, std::int64_t tenantId, std::string_view guideId, int to,
              std::string_view reason, const Actor& actor);
// Saves and publishes at once (reviewers and admins): the revision must be
// newer than every revision of the guide (else a Conflict).
sqlite::Result<PublishOutcome> publishGuide(sqlite::Database& db, std::int64_t tenantId,
                                            const GuideRevision& guide, const Actor& actor);
// The published revision becomes retired; the desks are told to drop the guide.
sqlite::Result<std::variant<Published, NotFound>> retireGuide(sqlite::Database& db,
                                                              std::int64_t tenantId,
                                                              std::string_view guideId,
                                                              const Actor& actor);

struct GuideSummary {
    std::string id;
    int revision = 0;
    std::string title;
};
// The published revision of every guide of the tenant, by id.
sqlite::Result<std::vector<GuideSummary>> listGuides(sqlite::Database& db, std::int64_t tenantId);
// The XML of the published revision, or nullopt.
sqlite::Result<std::optional<std::string>>
currentGuideXml(sqlite::Database& db, std::int64_t tenantId, std::string_view guideId);

struct RevisionInfo {
    std::string guideId;
    int revision = 0;
    RevisionState state = RevisionState::Draft;
    std::string title;
    std::string savedBy;
    std::string savedAt;
    std::optional<std::string> reviewedBy;
    std::optional<std::string> reviewedAt;
    std::optional<std::string> note;        // the reviewer's, with a rejection
    std::optional<std::string> changeNote;  // the author's "what changed", given on submit
    std::optional<std::string> submittedAt; // when it last went into review
};
// Every revision of a guide, newest first.
sqlite::Result<std::vector<RevisionInfo>> listRevisions(sqlite::Database& db, std::int64_t tenantId,
                                                        std::string_view guideId);
// Every revision in `state`, by guide id, newest first; the review queue
// (in_review) oldest first, by when they were submitted.
sqlite::Result<std::vector<RevisionInfo>>
revisionsInState(sqlite::Database& db, std::int64_t tenantId, RevisionState state);
// One line of the studio's library: a guide as its newest revision stands.
struct LibraryEntry {
    std::string guideId;
    std::string title;
    std::string owner; // the owner team named in the newest revision
    RevisionState state = RevisionState::Draft;
    int revision = 0;  // the newest
    int published = 0; // the published revision, 0 when none
    std::string savedBy;
    std::string savedAt;
    // Reusable blocks (guide format 4), as the newest revisions stand:
    bool isBlock = false;            // this guide is a block
    std::vector<std::string> blocks; // the blocks its steps show
    std::vector<std::string> usedBy; // a block: the guides that show it, by id
};
// Every guide of the tenant, by title.
sqlite::Result<std::vector<LibraryEntry>> library(sqlite::Database& db, std::int64_t tenantId);
// A picture for guides, cleaned (media.h): stored once per tenant by its
// hash (storing it again changes nothing); audited.
struct StoredMedia {
    std::string hash;
    std::string contentType;
    std::string bytes;
    int width = 0;
    int height = 0;
};
sqlite::Result<void> storeMedia(sqlite::Database& db, std::int64_t tenantId,
                                const StoredMedia& media, const Actor& actor);
// A picture of the tenant, or nullopt.
sqlite::Result<std::optional<StoredMedia>> findMedia(sqlite::Database& db, std::int64_t tenantId,
                                                     std::string_view hash);
// The XML of any revision, or nullopt.
sqlite::Result<std::optional<std::string>> revisionXml(sqlite::Database& db, std::int64_t tenantId,
                                                       std::string_view guideId, int revision);

// --- Alerts ------------------------------------------------------------------

struct AlertRevision {
    std::string id;
    int revision = 0;
    std::string level; // "info", "warning", "critical"
    bool mustAcknowledge = false;
    std::string validFrom; // "YYYY-MM-DD" or empty
    std::string validTo;
    std::string title;
    std::string xml;
};
// Publishes a revision newer than every earlier one of the alert (else a
// Conflict), superseding the previous; the feed advances.
sqlite::Result<std::variant<Published, Conflict>> publishAlert(sqlite::Database& db,
                                                               std::int64_t tenantId,
                                                               const AlertRevision& alert,
                                                               const Actor& actor);
sqlite::Result<std::variant<Published, NotFound>> retireAlert(sqlite::Database& db,
                                                              std::int64_t tenantId,
                                                              std::string_view alertId,
                                                              const Actor& actor);

struct AlertSummary {
    std::string id;
    int revision = 0;
    std::string level;
    bool mustAcknowledge = false;
    std::string title;
    std::string validFrom;
    std::string validTo;
};
// The XML of the tenant's published alerts (for the diff's attached/detached).
sqlite::Result<std::vector<std::string>> publishedAlertXml(sqlite::Database& db,
                                                           std::int64_t tenantId);
// The published alerts of the tenant, newest first.
sqlite::Result<std::vector<AlertSummary>> listAlerts(sqlite::Database& db, std::int64_t tenantId);

// Acknowledgements of an alert's published revision, per team: how many of
// the team's desk accounts have acknowledged it. Counts only, never names.
struct TeamAcknowledgements {
    std::string team;
    std::int64_t acknowledged = 0;
    std::int64_t desks = 0;
};
struct AcknowledgementReport {
    std::string alertId;
    int revision = 0;
    bool mustAcknowledge = false;
    std::vector<TeamAcknowledgements> teams; // by team name
};
sqlite::Result<std::optional<AcknowledgementReport>>
acknowledgements(sqlite::Database& db, std::int64_t tenantId, std::string_view alertId);

// --- The change feed ---------------------------------------------------------

struct Change {
    std::int64_t seq = 0;
    std::string kind; // "guide", "retired", "alert", "alert_retired"
    std::string id;   // of the guide or alert
    int revision = 0;
    std::string xml; // the guide or alert; empty for retirements
    // What changed, as its author said when submitting this revision of a
    // guide (empty: no note, or not a guide). The desks show it.
    std::string note;
    // The feedback of the asking desk's team that this revision of a guide
    // applied ("your tip was applied"): its step and text. Filled only by
    // changesSince() with a team, so each team hears of its own tips.
    struct AppliedTip {
        std::string step;
        std::string text;
    };
    std::vector<AppliedTip> tipsApplied;
};
struct ChangePage {
    std::vector<Change> changes;
    std::int64_t lastSeq = 0; // of the last change returned, or `since` when none
    bool more = false;
    std::string epoch;        // the store's feed epoch (feedEpoch)
    std::int64_t feedSeq = 0; // the tenant's newest sequence number
};
// How much XML one page of the change feed carries at most.
inline constexpr std::size_t kChangePageBytes = 8 * 1024 * 1024;

// At most `limit` changes after `since`, oldest first, with at most `maxBytes`
// of XML in all but always at least one change; `more` is set when either cut
// the page short. With `teamId`, each guide change carries the feedback of
// that team the revision applied (Change::tipsApplied).
sqlite::Result<ChangePage> changesSince(sqlite::Database& db, std::int64_t tenantId,
                                        std::int64_t since, std::int64_t limit,
                                        std::size_t maxBytes = kChangePageBytes,
                                        std::optional<std::int64_t> teamId = std::nullopt);
// The tenant's last feed sequence number (0 before the first change).
sqlite::Result<std::int64_t> currentSeq(sqlite::Database& db, std::int64_t tenantId);
// Every tenant's last sequence number (tenants without changes left out).
sqlite::Result<std::vector<std::pair<std::int64_t, std::int64_t>>>
feedSequences(sqlite::Database& db);

// The name of this store's change feed: random, made with the store and made
// anew when it is restored from a backup. A desk holding a cursor of another
// epoch starts again from 0 (docs/api.md, "Change feed").
sqlite::Result<std::string> feedEpoch(sqlite::Database& db);
sqlite::Result<std::string> renewFeedEpoch(sqlite::Database& db);
// One change, by its sequence number (for a push that carries it).
sqlite::Result<std::optional<Change>> changeAt(sqlite::Database& db, std::int64_t tenantId,
                                               std::int64_t seq);

} // namespace souffleur::server
