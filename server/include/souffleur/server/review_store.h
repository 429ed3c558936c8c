// Co-creation on the store: review comments on revisions, in threads, and
// the notices that tell an author what happened to their work (docs/api.md,
// "Review" and "Notices"). Plain functions over a sqlite::Database like
// content_store.h; each change is one transaction with its audit row.
//
// A comment is anchored to a revision and, optionally, to a step and one of
// its fields ("glance", "checks", ...; docs/guide-format.md). A reply names
// any comment of a thread and joins that thread (its first comment). Threads
// are resolved as a whole, by the author of the revision they are on (or an
// admin); anyone who may comment may reopen one.
//
// Notices go to one account each, and are kept until read:
//   comment   someone commented on your revision, or replied in your thread
//   approved  your revision was published by a reviewer
//   rejected  your revision was sent back, with the reviewer's reason
//   feedback  a desk sent feedback on a guide your team owns
// The routes push each new notice to the account's open studio over
// /api/v1/notify ({"type": "notice", ...}).
#pragma once

#include <souffleur/protocol/review.h>
#include <souffleur/server/content_store.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace souffleur::server {

// --- Review comments -------------------------------------------------------------

struct NewComment {
    std::string guideId;
    int revision = 0;
    std::optional<std::string> step;
    std::optional<std::string> field;
    std::optional<std::int64_t> replyTo; // a comment of the thread this one answers
    std::string text;
};

// A comment as stored and listed (protocol/review.h, shared with the studio).
using Comment = protocol::Comment;

// A notice stored for an account, for the push after the commit.
struct NoticeOut {
    std::int64_t accountId = 0;
    protocol::Notice notice;
};

struct CommentAdded {
    Comment comment;
    std::vector<NoticeOut> notices;
};
// The revision (or the comment replied to) does not exist.
using CommentOutcome = std::variant<CommentAdded, NotFound>;

// Adds a comment; notifies the revision's author and, for a reply, everyone
// else who wrote in the thread (never the commenter).
sqlite::Result<CommentOutcome> addComment(sqlite::Database& db, std::int64_t tenantId,
                                          const NewComment& comment, const Actor& actor);

// The comments on a guide's revisions (every revision when nullopt), by
// thread (oldest thread first), each thread's first comment before its replies.
sqlite::Result<std::vector<Comment>> listComments(sqlite::Database& db, std::int64_t tenantId,
                                                  std::string_view guideId,
                                                  std::optional<int> revision);

struct NotAllowed {}; // resolving is for the revision's author (or an admin)
using ResolveOutcome = std::variant<Comment, NotFound, NotAllowed>;
// Resolves (or reopens) the thread of comment `id`; answers its first comment.
sqlite::Result<ResolveOutcome> resolveThread(sqlite::Database& db, std::int64_t tenantId,
                                             std::int64_t id, bool resolved, const Actor& actor,
                                             bool isAdmin);

// --- Notices ---------------------------------------------------------------------

// Stores a notice for each account and returns them; `by` names who caused
// it (an account, whose own notice is skipped, or with `byAccount` false a
// team or the system).
sqlite::Result<std::vector<NoticeOut>> addNotices(sqlite::Database& db, std::int64_t tenantId,
                                                  const std::vector<std::int64_t>& accounts,
                                                  std::string_view kind, std::string_view guideId,
                                                  int revision, std::optional<std::string> step,
                                                  std::string_view text, std::string_view by,
                                                  bool byAccount = true);

// The account that saved a revision, when it still exists.
sqlite::Result<std::optional<std::int64_t>>
revisionAuthor(sqlite::Database& db, std::int64_t tenantId, std::string_view guideId, int revision);

// The accounts that edit for a team (authors, reviewers, admins of that team).
sqlite::Result<std::vector<std::int64_t>> teamEditors(sqlite::Database& db, std::int64_t tenantId,
                                                      std::string_view team);

// A notice as stored and listed (protocol/review.h, shared with the studio).
using Notice = protocol::Notice;
// The account's notices, newest first: the unread ones only, or all.
sqlite::Result<std::vector<Notice>> listNotices(sqlite::Database& db, std::int64_t tenantId,
                                                std::int64_t accountId, bool unreadOnly,
                                                std::int64_t limit);
// Marks the account's notices read: those named, or all of them; how many changed.
sqlite::Result<std::int64_t> markNoticesRead(sqlite::Database& db, std::int64_t tenantId,
                                             std::int64_t accountId,
                                             const std::optional<std::vector<std::int64_t>>& ids);

// The notices that new feedback on the tenant's guides brings: for each
// piece of feedback stored since `sinceRowid` (its rowid), one to every
// editor of the guide's owner team (the team named in its newest revision).
sqlite::Result<std::vector<NoticeOut>> noticeFeedback(sqlite::Database& db, std::int64_t tenantId,
                                                      std::int64_t sinceRowid);

} // namespace souffleur::server
