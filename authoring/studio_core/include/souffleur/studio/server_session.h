// The studio's conversation with the server, GUI-free: sign in, the library,
// a guide's revisions, save with a base (a 409 comes back as the newest
// revision, for the merge), submit for review with a change note, pictures.
// Every call blocks (souffleur::net::request) and is safe to run on a worker
// thread; the GUI runs them off its own thread and shows what comes back.
// Errors say what kind of failure it was (the GUI words it for the author)
// and carry the server's own message where it has one.
#pragma once

#include <souffleur/content/diagnostic.h>
#include <souffleur/net/http.h>
#include <souffleur/protocol/aar.h>
#include <souffleur/protocol/health.h>
#include <souffleur/protocol/review.h>

#include <chrono>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace souffleur::studio {

struct SessionError {
    enum class Kind {
        Unreachable,  // no answer: address, network, TLS
        Unauthorized, // 401: the token is wrong or expired
        Forbidden,    // 403: the account may not do this (a desk account)
        NotFound,     // 404
        Refused,      // another 4xx: the server names what is wrong
        ServerError,  // 5xx, or an answer that makes no sense
    };
    Kind kind;
    int status = 0;      // the HTTP status, 0 without an answer
    std::string message; // the server's message or the transport's error

    std::string toString() const;
};

template <typename T>
using SessionResult = std::expected<T, SessionError>;

// One guide of the tenant as the library lists it (GET /api/v1/library).
struct LibraryEntry {
    std::string id;
    std::string title;
    std::string owner;   // the owner team
    std::string state;   // draft | in_review | published | retired
    int revision = 0;    // the newest revision
    int published = 0;   // the published revision, 0 when none
    std::string savedBy; // of the newest revision
    std::string savedAt; // "2026-11-23T12:00:00.123Z"
    // Reusable blocks (guide format 4):
    bool isBlock = false;            // this entry is a block
    std::vector<std::string> blocks; // the blocks its steps show
    std::vector<std::string> usedBy; // a block: the guides that show it
};

// One revision of a guide (GET /api/v1/guides/{id}/revisions).
struct RevisionInfo {
    int revision = 0;
    std::string state;
    std::string title;
    std::string savedBy;
    std::string savedAt;
    std::string note;        // a reviewer's note on a rejection
    std::string changeNote;  // the author's "what changed"
    std::string guide;       // the guide's id (the review queue names it)
    std::string submittedAt; // when it went into review, "" when it has not
};

// What a save came to.
struct Saved {
    int revision = 0;
    content::Diagnostics warnings;
};
struct SaveConflict {
    int currentRevision = 0; // someone saved this one in the meantime
};
struct SaveRefused {
    std::string message;
    content::Diagnostics diagnostics; // the server's, for a 422
};
using SaveResult = std::variant<Saved, SaveConflict, SaveRefused>;

// Who signed in: an editor (author, reviewer, admin: every workspace) or a
// team lead (the After Action Review workspace, for its own team).
enum class AccountKind { Editor, TeamLead };

// A published guide as any account may list it (GET /api/v1/guides).
struct GuideSummary {
    std::string id;
    std::string title;
};

// What an AAR save changes: only the fields given (PUT /api/v1/aars/{id}).
struct AarChange {
    std::optional<std::string> title, expected, happened, why, improve, lesson, state, from, to;
    std::optional<std::vector<std::string>> guides;
    std::optional<bool> shared;
};

// What the organisation set for the desks' records (GET /api/v1/privacy).
struct PrivacyFacts {
    int retentionMonths = 24;
    int minPeople = 5;
    bool xapi = false;
};

struct NewAarAction {
    std::string text;
    std::string owner;
    std::optional<std::string> due;
    std::optional<std::string> guide;
    std::optional<std::string> step;
};

class ServerSession {
public:
    // `url` as "http://127.0.0.1:8470" or "https://..."; `caFile` for a
    // private authority (empty: the system's).
    static std::expected<ServerSession, std::string>
    connect(std::string_view url, std::string token, std::string caFile = {});

    // Checks the token: the library answers for authors, reviewers and
    // admins, the AARs for team leads; a desk account or a wrong token gets
    // a clear message.
    SessionResult<AccountKind> signIn() const;

    SessionResult<std::vector<LibraryEntry>> library() const;
    SessionResult<std::vector<RevisionInfo>> revisions(const std::string& guide) const;
    // The XML of one revision.
    SessionResult<std::string> revisionXml(const std::string& guide, int revision) const;
    // Saves `xml` as a new draft on top of `base` (0 for a new guide).
    SessionResult<SaveResult> save(const std::string& guide, int base,
                                   const std::string& xml) const;
    // Puts a draft in review with the author's change note.
    SessionResult<void> submit(const std::string& guide, int revision,
                               const std::string& changeNote) const;
    // Uploads a picture; its hash ("sha256:...").
    SessionResult<std::string> uploadImage(const std::string& bytes,
                                           const std::string& contentType) const;
    SessionResult<std::string> image(const std::string& hash) const;

    // --- Review (docs/api.md, "Review") ---
    // The revisions in review, oldest submission first.
    SessionResult<std::vector<RevisionInfo>> reviewQueue() const;
    // Publishes a revision in review (not one's own: four eyes).
    SessionResult<void> approve(const std::string& guide, int revision) const;
    // Sends it back to draft; the reason is required.
    SessionResult<void> reject(const std::string& guide, int revision,
                               const std::string& reason) const;
    // Puts revision `to`'s content in review as the newest revision; its number.
    SessionResult<int> rollback(const std::string& guide, int to, const std::string& reason) const;
    // The comments on a guide (of one revision, or all), by thread.
    SessionResult<std::vector<protocol::Comment>> comments(const std::string& guide,
                                                           std::optional<int> revision = {}) const;
    struct NewComment {
        std::optional<std::string> step;
        std::optional<std::string> field;
        std::optional<std::int64_t> replyTo;
        std::string text;
    };
    SessionResult<protocol::Comment> addComment(const std::string& guide, int revision,
                                                const NewComment& comment) const;
    // Resolves (or reopens) the thread of a comment; its first comment.
    SessionResult<protocol::Comment> resolveThread(std::int64_t comment, bool resolved) const;

    // --- Notices and the feedback inbox ---
    SessionResult<std::vector<protocol::Notice>> notices(bool unreadOnly) const;
    // Marks notices read: those named, or all of them when `ids` is empty.
    SessionResult<void> markNoticesRead(const std::vector<std::int64_t>& ids) const;
    // The feedback on a guide, newest first.
    SessionResult<std::vector<protocol::Feedback>> feedback(const std::string& guide) const;
    struct FeedbackChange {
        std::string status; // new | planned | applied | declined | duplicate
        std::optional<int> revision;
        std::optional<std::string> reason;
        std::optional<std::string> duplicateOf;
    };
    SessionResult<protocol::Feedback> updateFeedback(const std::string& id,
                                                     const FeedbackChange& change) const;

    // --- Content health (docs/api.md, "Content health") ---
    // Every published guide's health, the most pressing first.
    SessionResult<std::vector<protocol::GuideHealth>> health() const;
    // The register of sources, and a source recorded (or its new version:
    // the guides citing it get an inbox item); the guides to check.
    SessionResult<std::vector<protocol::Source>> sources() const;
    SessionResult<std::vector<std::string>> saveSource(const protocol::Source& source) const;

    // --- After Action Reviews (docs/api.md, "Evidence", "After Action Reviews") ---
    SessionResult<std::vector<GuideSummary>> guides() const;
    // The published XML of a guide (any role).
    SessionResult<std::string> guideXml(const std::string& guide) const;
    SessionResult<std::vector<std::string>> teams() const;
    SessionResult<PrivacyFacts> privacy() const;
    // The evidence of guides over months from..to ("YYYY-MM"), for a team (or every team).
    SessionResult<protocol::Evidence> evidence(const std::vector<std::string>& guides,
                                               const std::string& from, const std::string& to,
                                               const std::string& team) const;
    // A team's AARs, newest first, without their actions ("": every team one may see).
    SessionResult<std::vector<protocol::Aar>> aars(const std::string& team) const;
    // An AAR with its actions, and the team's open actions of other AARs.
    struct AarWithCarried {
        protocol::Aar aar;
        std::vector<protocol::AarAction> carried;
    };
    SessionResult<AarWithCarried> aar(const std::string& id) const;
    SessionResult<AarWithCarried> createAar(const std::string& team, const std::string& title,
                                            const std::vector<std::string>& guides,
                                            const std::string& from, const std::string& to) const;
    SessionResult<AarWithCarried> saveAar(const std::string& id, const AarChange& change) const;
    SessionResult<protocol::AarAction> addAction(const std::string& aar,
                                                 const NewAarAction& action) const;
    SessionResult<protocol::AarAction> setActionState(const std::string& aar, int position,
                                                      const std::string& state) const;

    const net::ServerAddress& address() const { return m_address; }
    // "http://host:port", the journal's key prefix.
    std::string url() const { return m_address.toString(); }
    // The token, for the push channel (notice_listener.h) on the same account.
    const std::string& token() const { return m_token; }

private:
    ServerSession(net::ServerAddress address, std::string token)
        : m_address(std::move(address))
        , m_token(std::move(token)) {}
    SessionResult<std::vector<LibraryEntry>> publishedGuides() const;
    SessionResult<net::HttpResponse> call(net::Method method, std::string target,
                                          std::string body = {},
                                          std::string contentType = "application/json") const;

    net::ServerAddress m_address;
    std::string m_token;
};

// The server's error message in a JSON answer ({"error": "..."}), or the status.
std::string serverMessage(const net::HttpResponse& response);

} // namespace souffleur::studio
