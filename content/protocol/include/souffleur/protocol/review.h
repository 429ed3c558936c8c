// The co-creation records as they travel between the server and the studio,
// defined once (docs/api.md, "Feedback", "Review", "Notices"): a piece of
// feedback in the authors' inbox, a review comment, a notice. The server
// stores and answers them (server/include/souffleur/server/review_store.h,
// storage.h), the studio reads them (studio_core's server_session.h); both
// go through toJson() and the *From() readers here, so the two cannot drift.
// GUI-free and network-free: Boost.JSON only.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace souffleur::protocol {

// A piece of feedback from a desk, as the authors' inbox holds it. Its status:
//   new        nobody has looked at it yet
//   planned    it will be acted on; with handledRevision: the draft that
//              applies it, which makes it "applied" once that is published
//   applied    a published revision (handledRevision) handled it
//   declined   it will not be acted on; reason says why
//   duplicate  duplicateOf names the feedback it repeats
struct Feedback {
    std::string id;
    std::string guideId;
    int revision = 0; // the revision the desk was showing
    std::optional<std::string> step;
    std::string kind; // "wrong", "unclear", "tip", ...
    std::string text;
    std::optional<std::string> suggestion; // the wording the desk suggests
    std::string status = "new";
    std::string team; // the sending team; empty when the desk account has none
    std::string createdAt;
    std::optional<std::string> updatedAt;
    std::optional<int> handledRevision;
    std::optional<std::string> reason;
    std::optional<std::string> duplicateOf;
};
boost::json::object toJson(const Feedback& feedback);
std::optional<Feedback> feedbackFrom(const boost::json::value& value);

// A review comment on a revision, anchored to a step and a field (or the
// whole guide). `thread` is the id of the thread's first comment (its own id
// for a first comment); a thread is resolved as a whole.
struct Comment {
    std::int64_t id = 0;
    std::int64_t thread = 0;
    std::string guideId;
    int revision = 0;
    std::optional<std::string> step;
    std::optional<std::string> field;
    std::string author;
    std::string text;
    std::string createdAt;
    std::optional<std::string> resolvedBy;
    std::optional<std::string> resolvedAt;

    bool resolved() const { return resolvedBy.has_value(); }
};
boost::json::object toJson(const Comment& comment);
std::optional<Comment> commentFrom(const boost::json::value& value);

// What an author is told in the studio, per account, until read. Kinds:
// "comment", "approved", "rejected" (text: the reason), "feedback" (by: the
// sending team, text: the feedback).
struct Notice {
    std::int64_t id = 0;
    std::string kind;
    std::string guideId;
    int revision = 0;
    std::optional<std::string> step;
    std::string text;
    std::string by;
    std::string createdAt;
    std::optional<std::string> readAt;

    bool read() const { return readAt.has_value(); }
};
// {"id", "kind", "guide", "revision", "text", "by", "created_at", "read", "step"?}
boost::json::object toJson(const Notice& notice);
std::optional<Notice> noticeFrom(const boost::json::value& value);

} // namespace souffleur::protocol
