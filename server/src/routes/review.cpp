// Review comments and the authors' notices (docs/api.md, "Review" and
// "Notices"); the store's side is review_store.h.
#include "routes/handlers.h"

#include <souffleur/protocol/privacy.h>
#include <souffleur/server/review_store.h>

#include <boost/json/parse.hpp>

#include <limits>

namespace souffleur::server {
namespace {

constexpr std::size_t kMaxCommentLength = 4000;
constexpr std::size_t kMaxAnchorLength = 100;
constexpr std::int64_t kDefaultNotices = 50;
constexpr std::int64_t kMaxNotices = 500;

Response badRequest(std::string message) {
    return errorResponse(http::status::bad_request, message);
}

std::optional<int> positiveInt(std::string_view text) {
    const auto value = parseInteger(text);
    if (!value || *value < 1 || *value > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(*value);
}

} // namespace

void listCommentsRoute(const Env& env, Call& call, const Identity& who) {
    std::optional<int> revision;
    if (const auto text = queryParameter(call.url, "revision")) {
        revision = positiveInt(*text);
        if (!revision)
            return env.reply(badRequest("revision must be a revision number"));
    }
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), revision](sqlite::Database& db) {
            return listComments(db, tenantId, id, revision);
        },
        [env](sqlite::Result<std::vector<Comment>> comments) {
            if (!comments)
                return env.reply(internalError(comments.error()));
            json::array list;
            for (const auto& comment : *comments)
                list.push_back(protocol::toJson(comment));
            env.reply(jsonResponse(http::status::ok, json::object{{"comments", std::move(list)}}));
        });
}

void addCommentRoute(const Env& env, Call& call, const Identity& who) {
    const auto revision = positiveInt(call.param("revision"));
    if (!revision)
        return env.reply(errorResponse(http::status::not_found, "no such revision"));
    boost::system::error_code error;
    const auto body = json::parse(call.request.body(), error);
    const auto* object = error ? nullptr : body.if_object();
    const auto text = [object](std::string_view key) { return stringMember(object, key); };
    const auto* reply = object ? object->if_contains("reply_to") : nullptr;
    NewComment comment{call.param("id"), *revision,    text("step"),
                       text("field"),    std::nullopt, text("text").value_or("")};
    const auto notText = [object](std::string_view key) {
        const auto* value = object->if_contains(key);
        return value && !value->is_string() && !value->is_null();
    };
    if (!object || (reply && !reply->is_int64()) || notText("text") || notText("step") ||
        notText("field"))
        return env.reply(badRequest("the body must be {\"text\": \"...\", \"step\": \"ID\", "
                                    "\"field\": \"glance\", \"reply_to\": COMMENT-ID}"));
    if (reply)
        comment.replyTo = reply->as_int64();
    if (comment.text.empty())
        return env.reply(badRequest("a comment needs a text"));
    if (comment.text.size() > kMaxCommentLength)
        return env.reply(badRequest("the comment is too long (at most " +
                                    std::to_string(kMaxCommentLength) + " bytes)"));
    for (const auto* anchor : {&comment.step, &comment.field}) {
        if (*anchor && (anchor->value().empty() || anchor->value().size() > kMaxAnchorLength))
            return env.reply(badRequest("step and field are short names"));
    }
    if (auto refused = personalDataRefusal(comment.text, "comment", "write about the guide"))
        return env.reply(std::move(*refused));
    runStorage(
        env,
        [tenantId = who.tenantId, comment = std::move(comment), actor = actorOf(who, env)](
            sqlite::Database& db) { return addComment(db, tenantId, comment, actor); },
        [env, tenantId = who.tenantId](sqlite::Result<CommentOutcome> outcome) {
            if (!outcome)
                return env.reply(internalError(outcome.error()));
            if (std::holds_alternative<NotFound>(*outcome))
                return env.reply(errorResponse(http::status::not_found,
                                               "no such revision, or no such comment to reply to"));
            const auto& added = std::get<CommentAdded>(*outcome);
            pushNotices(env, tenantId, added.notices);
            env.reply(jsonResponse(http::status::created, protocol::toJson(added.comment)));
        });
}

void resolveCommentRoute(const Env& env, Call& call, const Identity& who) {
    const auto id = parseInteger(call.param("comment"));
    if (!id || *id < 1)
        return env.reply(errorResponse(http::status::not_found, "no such comment"));
    boost::system::error_code error;
    const auto body = json::parse(call.request.body(), error);
    const auto* object = error ? nullptr : body.if_object();
    const auto* resolved = object ? object->if_contains("resolved") : nullptr;
    if (!resolved || !resolved->is_bool())
        return env.reply(
            badRequest("the body must be {\"resolved\": true} or {\"resolved\": false}"));
    runStorage(
        env,
        [tenantId = who.tenantId, id = *id, resolved = resolved->as_bool(),
         actor = actorOf(who, env), admin = who.role == Role::Admin](sqlite::Database& db) {
            return resolveThread(db, tenantId, id, resolved, actor, admin);
        },
        [env](sqlite::Result<ResolveOutcome> outcome) {
            if (!outcome)
                return env.reply(internalError(outcome.error()));
            if (std::holds_alternative<NotFound>(*outcome))
                return env.reply(errorResponse(http::status::not_found, "no such comment"));
            if (std::holds_alternative<NotAllowed>(*outcome))
                return env.reply(
                    errorResponse(http::status::forbidden,
                                  "a thread is resolved by the author of the revision it is on"));
            env.reply(
                jsonResponse(http::status::ok, protocol::toJson(std::get<Comment>(*outcome))));
        });
}

void listNoticesRoute(const Env& env, Call& call, const Identity& who) {
    const bool unread = queryParameter(call.url, "unread").value_or("") == "1";
    std::int64_t limit = kDefaultNotices;
    if (const auto text = queryParameter(call.url, "limit")) {
        const auto value = parseInteger(*text);
        if (!value || *value < 1)
            return env.reply(badRequest("limit must be 1 or more"));
        limit = std::min(*value, kMaxNotices);
    }
    runStorage(
        env,
        [tenantId = who.tenantId, account = who.accountId, unread, limit](sqlite::Database& db) {
            return listNotices(db, tenantId, account, unread, limit);
        },
        [env](sqlite::Result<std::vector<Notice>> notices) {
            if (!notices)
                return env.reply(internalError(notices.error()));
            json::array list;
            for (const auto& notice : *notices)
                list.push_back(protocol::toJson(notice));
            env.reply(jsonResponse(http::status::ok, json::object{{"notices", std::move(list)}}));
        });
}

void readNoticesRoute(const Env& env, Call& call, const Identity& who) {
    boost::system::error_code error;
    const auto body = json::parse(call.request.body(), error);
    const auto* object = error ? nullptr : body.if_object();
    const auto* ids = object ? object->if_contains("ids") : nullptr;
    const auto* all = object ? object->if_contains("all") : nullptr;
    std::optional<std::vector<std::int64_t>> chosen;
    if (ids && ids->is_array()) {
        chosen.emplace();
        for (const auto& value : ids->as_array()) {
            if (!value.is_int64())
                return env.reply(badRequest("ids are notice ids (numbers)"));
            chosen->push_back(value.as_int64());
        }
    } else if (!all || !all->is_bool() || !all->as_bool()) {
        return env.reply(badRequest("the body must be {\"ids\": [N, ...]} or {\"all\": true}"));
    }
    runStorage(
        env,
        [tenantId = who.tenantId, account = who.accountId, chosen](sqlite::Database& db) {
            return markNoticesRead(db, tenantId, account, chosen);
        },
        [env](sqlite::Result<std::int64_t> changed) {
            if (!changed)
                return env.reply(internalError(changed.error()));
            env.reply(jsonResponse(http::status::ok, json::object{{"read", *changed}}));
        });
}

} // namespace souffleur::server
