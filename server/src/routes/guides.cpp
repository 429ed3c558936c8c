// Guides and their lifecycle, the change feed and push (docs/api.md, "Guides").
// A guide that comes in is parsed and validated by souffleur::content, linted
// (errors refuse it with 422 and their locations; warnings come back with the
// answer) and stored as canonical XML.
#include "routes/handlers.h"

#include <souffleur/content/diff.h>
#include <souffleur/content/lint.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/protocol/diff_json.h>
#include <souffleur/protocol/privacy.h>
#include <souffleur/server/review_store.h>

#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>

namespace souffleur::server {
namespace {

constexpr std::int64_t kDefaultChangeLimit = 100;
constexpr std::int64_t kMaxChangeLimit = 500;
constexpr std::size_t kMaxNoteLength = 2000;
constexpr std::size_t kMaxChangeNoteLength = 1000;

// The uploaded guide, parsed and linted, or the 422 that refuses it.
struct CheckedGuide {
    content::Guide guide;
    content::Diagnostics warnings;
};
std::expected<CheckedGuide, Response> checkGuide(const std::string& body) {
    content::SourceLines lines;
    auto parsed = content::parseDocument(body, "upload", &lines);
    if (!parsed)
        return std::unexpected(invalidDocument("invalid guide", parsed.error()));
    auto* guide = std::get_if<content::Guide>(&*parsed);
    if (guide == nullptr)
        return std::unexpected(invalidDocument(
            "this is an alert; alerts go to /api/v1/alerts",
            {{"upload", 1, 1, content::Severity::Error, "expected <guide>, found <alert>"}}));
    auto diagnostics = content::lintGuide(*guide, "upload", {}, &lines);
    if (content::hasErrors(diagnostics))
        return std::unexpected(invalidDocument("the guide does not make sense", diagnostics));
    return CheckedGuide{std::move(*guide), std::move(diagnostics)};
}

// A positive revision number from the path.
std::optional<int> revisionParam(const std::string& text) {
    const auto value = parseInteger(text);
    if (!value || *value < 1 || *value > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(*value);
}

json::object revisionJson(const RevisionInfo& info) {
    json::object out{
        {"id", info.guideId},  {"revision", info.revision}, {"state", stateName(info.state)},
        {"title", info.title}, {"saved_by", info.savedBy},  {"saved_at", info.savedAt}};
    if (info.reviewedBy)
        out["reviewed_by"] = *info.reviewedBy;
    if (info.reviewedAt)
        out["reviewed_at"] = *info.reviewedAt;
    if (info.note)
        out["note"] = *info.note;
    if (info.changeNote)
        out["change_note"] = *info.changeNote;
    if (info.submittedAt)
        out["submitted_at"] = *info.submittedAt;
    return out;
}

// The optional {"note": "..."} of a lifecycle step: the text (empty when
// none), or the 400 that refuses a body of another shape.
std::expected<std::string, Response> noteInBody(const std::string& body, std::string_view shape) {
    if (body.empty())
        return std::string();
    boost::system::error_code error;
    const auto value = json::parse(body, error);
    const auto* object = error ? nullptr : value.if_object();
    const auto* text = object ? object->if_contains("note") : nullptr;
    if (!object || (text && !text->is_string()))
        return std::unexpected(
            errorResponse(http::status::bad_request, "the body must be " + std::string(shape)));
    return text ? std::string(text->as_string().subview()) : std::string();
}

Response notFound(std::string_view what) {
    return errorResponse(http::status::not_found, "no such " + std::string(what));
}

Response wrongState(int revision, RevisionState state, std::string_view needed) {
    return errorResponse(http::status::conflict,
                         "revision " + std::to_string(revision) + " is " +
                             std::string(stateName(state)) + ", not " + std::string(needed),
                         {{"state", stateName(state)}});
}

Response staleRevision(std::string_view id, int revision, int current) {
    return errorResponse(http::status::conflict,
                         "revision " + std::to_string(revision) + " of " + std::string(id) +
                             " is not newer than its newest revision " + std::to_string(current),
                         {{"current_revision", current}});
}

// The completion of a lookup of XML: 200 with it, or 404 "no such `what`".
auto xmlAnswer(const Env& env, std::string_view what) {
    return [env, what](sqlite::Result<std::optional<std::string>> xml) {
        if (!xml)
            return env.reply(internalError(xml.error()));
        if (!*xml)
            return env.reply(notFound(what));
        env.reply(textResponse(http::status::ok, std::move(**xml), "application/xml"));
    };
}

// The completion of a lifecycle step (submit, reject): {"id", "revision",
// "state": `after`}, or 404, or 409 when the revision was not `needed`.
auto stepAnswer(const Env& env, std::string id, int revision, std::string_view needed,
                RevisionState after) {
    return [env, id = std::move(id), revision, needed, after](sqlite::Result<StepOutcome> outcome) {
        if (!outcome)
            return env.reply(internalError(outcome.error()));
        if (std::holds_alternative<NotFound>(*outcome))
            return env.reply(notFound("revision"));
        if (const auto* wrong = std::get_if<WrongState>(&*outcome))
            return env.reply(wrongState(revision, wrong->state, needed));
        env.reply(jsonResponse(
            http::status::ok,
            json::object{{"id", id}, {"revision", revision}, {"state", stateName(after)}}));
    };
}

} // namespace

void publishGuideRoute(const Env& env, Call& call, const Identity& who) {
    auto checked = checkGuide(call.request.body());
    if (!checked)
        return env.reply(std::move(checked.error()));
    const content::Guide& guide = checked->guide;
    GuideRevision revision{guide.id, guide.revision, guide.title, content::writeGuide(guide)};
    runStorage(
        env,
        [tenantId = who.tenantId, revision = std::move(revision), actor = actorOf(who, env)](
            sqlite::Database& db) { return publishGuide(db, tenantId, revision, actor); },
        [env, tenantId = who.tenantId, id = guide.id, number = guide.revision,
         warnings = diagnosticsJson(checked->warnings)](sqlite::Result<PublishOutcome> outcome) {
            if (!outcome)
                return env.reply(internalError(outcome.error()));
            if (const auto* stale = std::get_if<Conflict>(&*outcome))
                return env.reply(staleRevision(id, number, stale->currentRevision));
            const auto seq = std::get<Published>(*outcome).seq;
            notifyChange(env, tenantId, seq);
            env.reply(jsonResponse(http::status::created, json::object{{"id", id},
                                                                       {"revision", number},
                                                                       {"state", "published"},
                                                                       {"seq", seq},
                                                                       {"warnings", warnings}}));
        });
}

void listGuidesRoute(const Env& env, Call&, const Identity& who) {
    runStorage(
        env, [tenantId = who.tenantId](sqlite::Database& db) { return listGuides(db, tenantId); },
        [env](sqlite::Result<std::vector<GuideSummary>> guides) {
            if (!guides)
                return env.reply(internalError(guides.error()));
            json::array list;
            for (const auto& guide : *guides)
                list.push_back(json::object{
                    {"id", guide.id}, {"revision", guide.revision}, {"title", guide.title}});
            env.reply(jsonResponse(http::status::ok, json::object{{"guides", std::move(list)}}));
        });
}

void getGuideRoute(const Env& env, Call& call, const Identity& who) {
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id")](sqlite::Database& db) {
            return currentGuideXml(db, tenantId, id);
        },
        xmlAnswer(env, "published guide"));
}

void retireGuideRoute(const Env& env, Call& call, const Identity& who) {
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), actor = actorOf(who, env)](
            sqlite::Database& db) { return retireGuide(db, tenantId, id, actor); },
        [env, tenantId = who.tenantId,
         id = call.param("id")](sqlite::Result<std::variant<Published, NotFound>> outcome) {
            if (!outcome)
                return env.reply(internalError(outcome.error()));
            if (std::holds_alternative<NotFound>(*outcome))
                return env.reply(notFound("published guide"));
            const auto [seq, revision] = std::get<Published>(*outcome);
            notifyChange(env, tenantId, seq, Change{seq, "retired", id, revision, {}});
            env.reply(jsonResponse(http::status::ok, json::object{{"id", id},
                                                                  {"revision", revision},
                                                                  {"state", "retired"},
                                                                  {"seq", seq}}));
        });
}

void listRevisionsRoute(const Env& env, Call& call, const Identity& who) {
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id")](sqlite::Database& db) {
            return listRevisions(db, tenantId, id);
        },
        [env](sqlite::Result<std::vector<RevisionInfo>> revisions) {
            if (!revisions)
                return env.reply(internalError(revisions.error()));
            if (revisions->empty())
                return env.reply(notFound("guide"));
            json::array list;
            for (const auto& info : *revisions)
                list.push_back(revisionJson(info));
            env.reply(jsonResponse(http::status::ok, json::object{{"revisions", std::move(list)}}));
        });
}

void libraryRoute(const Env& env, Call&, const Identity& who) {
    runStorage(
        env, [tenantId = who.tenantId](sqlite::Database& db) { return library(db, tenantId); },
        [env](sqlite::Result<std::vector<LibraryEntry>> entries) {
            if (!entries)
                return env.reply(internalError(entries.error()));
            const auto ids = [](const std::vector<std::string>& values) {
                json::array out;
                for (const auto& value : values)
                    out.emplace_back(value);
                return out;
            };
            json::array list;
            for (const auto& entry : *entries) {
                json::object item{{"id", entry.guideId},
                                  {"title", entry.title},
                                  {"owner", entry.owner},
                                  {"kind", entry.isBlock ? "block" : "guide"},
                                  {"state", stateName(entry.state)},
                                  {"revision", entry.revision},
                                  {"published_revision", entry.published},
                                  {"saved_by", entry.savedBy},
                                  {"saved_at", entry.savedAt}};
                if (!entry.blocks.empty())
                    item["blocks"] = ids(entry.blocks);
                if (entry.isBlock)
                    item["used_by"] = ids(entry.usedBy);
                list.push_back(std::move(item));
            }
            env.reply(jsonResponse(http::status::ok, json::object{{"guides", std::move(list)}}));
        });
}

void reviewQueueRoute(const Env& env, Call& call, const Identity& who) {
    const auto stateText = queryParameter(call.url, "state").value_or("in_review");
    const auto state = parseState(stateText);
    if (!state)
        return env.reply(errorResponse(http::status::bad_request,
                                       "state must be draft, in_review, published, superseded, "
                                       "retired or withdrawn"));
    runStorage(
        env,
        [tenantId = who.tenantId, state = *state](sqlite::Database& db) {
            return revisionsInState(db, tenantId, state);
        },
        [env](sqlite::Result<std::vector<RevisionInfo>> revisions) {
            if (!revisions)
                return env.reply(internalError(revisions.error()));
            json::array list;
            for (const auto& info : *revisions)
                list.push_back(revisionJson(info));
            env.reply(jsonResponse(http::status::ok, json::object{{"revisions", std::move(list)}}));
        });
}

void saveRevisionRoute(const Env& env, Call& call, const Identity& who) {
    const std::string& id = call.param("id");
    const auto baseText = queryParameter(call.url, "base");
    const auto base = baseText ? parseInteger(*baseText) : std::nullopt;
    if (!base || *base < 0 || *base >= std::numeric_limits<int>::max())
        return env.reply(
            errorResponse(http::status::bad_request,
                          "name the revision this one builds on: ?base=N (0 for a new guide)"));
    auto checked = checkGuide(call.request.body());
    if (!checked)
        return env.reply(std::move(checked.error()));
    content::Guide& guide = checked->guide;
    if (guide.id != id)
        return env.reply(
            invalidDocument("the guide's id does not match the path",
                            {{"upload", 0, 0, content::Severity::Error,
                              "the guide is '" + guide.id + "', the path names '" + id + "'"}}));
    guide.revision = static_cast<int>(*base) + 1; // the server numbers the revisions
    GuideRevision revision{guide.id, guide.revision, guide.title, content::writeGuide(guide)};
    runStorage(
        env,
        [tenantId = who.tenantId, revision = std::move(revision), base = static_cast<int>(*base),
         actor = actorOf(who, env)](sqlite::Database& db) {
            return saveDraft(db, tenantId, revision, base, actor);
        },
        [env, id, number = guide.revision,
         warnings = diagnosticsJson(checked->warnings)](sqlite::Result<SaveOutcome> outcome) {
            if (!outcome)
                return env.reply(internalError(outcome.error()));
            if (const auto* conflict = std::get_if<Conflict>(&*outcome))
                return env.reply(errorResponse(
                    http::status::conflict,
                    "revision " + std::to_string(number - 1) + " is not the newest revision of " +
                        id + ": someone saved revision " +
                        std::to_string(conflict->currentRevision) + " in the meantime",
                    {{"current_revision", conflict->currentRevision}}));
            env.reply(jsonResponse(http::status::created, json::object{{"id", id},
                                                                       {"revision", number},
                                                                       {"state", "draft"},
                                                                       {"warnings", warnings}}));
        });
}

void getRevisionRoute(const Env& env, Call& call, const Identity& who) {
    const auto revision = revisionParam(call.param("revision"));
    if (!revision)
        return env.reply(notFound("revision"));
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), number = *revision](sqlite::Database& db) {
            return revisionXml(db, tenantId, id, number);
        },
        xmlAnswer(env, "revision"));
}

void submitRevisionRoute(const Env& env, Call& call, const Identity& who) {
    const auto revision = revisionParam(call.param("revision"));
    if (!revision)
        return env.reply(notFound("revision"));
    // The change note: what changed, for the reviewer and, once published,
    // the desks. Plain text, short, and never a citizen's personal data.
    auto note = noteInBody(call.request.body(), "{\"note\": \"what changed\"}");
    if (!note)
        return env.reply(std::move(note.error()));
    if (note->size() > kMaxChangeNoteLength)
        return env.reply(errorResponse(http::status::bad_request,
                                       "the change note is too long (at most " +
                                           std::to_string(kMaxChangeNoteLength) + " bytes)"));
    if (auto refused =
            personalDataRefusal(*note, "change note", "describe the change, not a citizen"))
        return env.reply(std::move(*refused));
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), number = *revision, note = *note,
         actor = actorOf(who, env)](sqlite::Database& db) {
            return submitRevision(db, tenantId, id, number, note, actor);
        },
        stepAnswer(env, call.param("id"), *revision, "a draft", RevisionState::InReview));
}

void rejectRevisionRoute(const Env& env, Call& call, const Identity& who) {
    const auto revision = revisionParam(call.param("revision"));
    if (!revision)
        return env.reply(notFound("revision"));
    auto parsed = noteInBody(call.request.body(), "{\"note\": \"why\"}");
    if (!parsed)
        return env.reply(std::move(parsed.error()));
    const std::string note = std::move(*parsed);
    // A revision sent back says why: the author needs to know what to change.
    if (note.empty())
        return env.reply(errorResponse(http::status::bad_request,
                                       "say why the revision goes back: {\"note\": \"why\"}"));
    if (note.size() > kMaxNoteLength)
        return env.reply(errorResponse(http::status::bad_request, "the note is too long"));
    // The author is told it (a notice): about the guide, never a citizen.
    if (auto refused = personalDataRefusal(note, "note", "write about the guide"))
        return env.reply(std::move(*refused));
    using Rejected = std::pair<StepOutcome, std::vector<NoticeOut>>;
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), number = *revision, note,
         actor = actorOf(who, env)](sqlite::Database& db) -> sqlite::Result<Rejected> {
            std::vector<NoticeOut> notices;
            auto outcome = rejectRevision(db, tenantId, id, number, note, actor, &notices);
            if (!outcome)
                return std::unexpected(outcome.error());
            return Rejected{*outcome, std::move(notices)};
        },
        [env, tenantId = who.tenantId,
         answer = stepAnswer(env, call.param("id"), *revision, "in review", RevisionState::Draft)](
            sqlite::Result<Rejected> outcome) {
            if (!outcome)
                return answer(std::unexpected(outcome.error()));
            pushNotices(env, tenantId, outcome->second);
            answer(outcome->first);
        });
}

void publishRevisionRoute(const Env& env, Call& call, const Identity& who) {
    const auto revision = revisionParam(call.param("revision"));
    if (!revision)
        return env.reply(notFound("revision"));
    using Outcome = std::pair<PublishOutcome, std::vector<NoticeOut>>;
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), number = *revision,
         actor = actorOf(who, env)](sqlite::Database& db) -> sqlite::Result<Outcome> {
            std::vector<NoticeOut> notices;
            auto outcome = publishRevision(db, tenantId, id, number, actor, &notices);
            if (!outcome)
                return std::unexpected(outcome.error());
            return Outcome{*outcome, std::move(notices)};
        },
        [env, tenantId = who.tenantId, id = call.param("id"),
         number = *revision](sqlite::Result<Outcome> result) {
            if (!result)
                return env.reply(internalError(result.error()));
            pushNotices(env, tenantId, result->second);
            const auto* outcome = &result->first;
            if (std::holds_alternative<NotFound>(*outcome))
                return env.reply(notFound("revision"));
            if (const auto* wrong = std::get_if<WrongState>(&*outcome))
                return env.reply(wrongState(number, wrong->state, "in review"));
            if (std::holds_alternative<SameAccount>(*outcome))
                return env.reply(
                    errorResponse(http::status::forbidden,
                                  "four eyes: a revision is published by someone other than "
                                  "the account that saved it"));
            const auto seq = std::get<Published>(*outcome).seq;
            notifyChange(env, tenantId, seq);
            env.reply(jsonResponse(http::status::ok, json::object{{"id", id},
                                                                  {"revision", number},
                                                                  {"state", "published"},
                                                                  {"seq", seq}}));
        });
}

void rollbackRoute(const Env& env, Call& call, const Identity& who) {
    boost::system::error_code error;
    const auto body = json::parse(call.request.body(), error);
    const auto* object = error ? nullptr : body.if_object();
    const auto* to = object ? object->if_contains("to") : nullptr;
    const auto* reason = object ? object->if_contains("reason") : nullptr;
    if (!to || !to->is_int64() || to->as_int64() < 1 ||
        to->as_int64() > std::numeric_limits<int>::max() || (reason && !reason->is_string()))
        return env.reply(errorResponse(http::status::bad_request,
                                       "the body must be {\"to\": REVISION, \"reason\": \"why\"}"));
    const std::string why = reason ? std::string(reason->as_string().subview()) : std::string();
    if (why.size() > kMaxChangeNoteLength)
        return env.reply(errorResponse(http::status::bad_request, "the reason is too long"));
    // It becomes the change note the desks show.
    if (auto refused = personalDataRefusal(why, "reason"))
        return env.reply(std::move(*refused));
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), to = static_cast<int>(to->as_int64()), why,
         actor = actorOf(who, env)](sqlite::Database& db) {
            return rollbackGuide(db, tenantId, id, to, why, actor);
        },
        [env, id = call.param("id")](sqlite::Result<std::variant<RolledBack, NotFound>> outcome) {
            if (!outcome)
                return env.reply(internalError(outcome.error()));
            if (std::holds_alternative<NotFound>(*outcome))
                return env.reply(notFound("revision to go back to"));
            env.reply(
                jsonResponse(http::status::created,
                             json::object{{"id", id},
                                          {"revision", std::get<RolledBack>(*outcome).revision},
                                          {"state", "in_review"}}));
        });
}

void diffRoute(const Env& env, Call& call, const Identity& who) {
    const auto from = revisionParam(queryParameter(call.url, "from").value_or(""));
    const auto to = revisionParam(queryParameter(call.url, "to").value_or(""));
    if (!from || !to)
        return env.reply(
            errorResponse(http::status::bad_request, "name two revisions: ?from=N&to=M"));
    struct Texts {
        std::optional<std::string> before;
        std::optional<std::string> after;
        std::vector<std::string> alerts;
    };
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), from = *from,
         to = *to](sqlite::Database& db) -> sqlite::Result<Texts> {
            Texts texts;
            auto before = revisionXml(db, tenantId, id, from);
            if (!before)
                return std::unexpected(before.error());
            auto after = revisionXml(db, tenantId, id, to);
            if (!after)
                return std::unexpected(after.error());
            auto alerts = publishedAlertXml(db, tenantId);
            if (!alerts)
                return std::unexpected(alerts.error());
            return Texts{std::move(*before), std::move(*after), std::move(*alerts)};
        },
        [env](sqlite::Result<Texts> texts) {
            if (!texts)
                return env.reply(internalError(texts.error()));
            if (!texts->before || !texts->after)
                return env.reply(notFound("revision"));
            auto before = content::parseGuide(*texts->before, "store");
            auto after = content::parseGuide(*texts->after, "store");
            if (!before || !after)
                return env.reply(errorResponse(http::status::internal_server_error,
                                               "a stored revision does not parse"));
            std::vector<content::Alert> alerts;
            for (const auto& xml : texts->alerts) {
                if (auto parsed = content::parseDocument(xml, "store")) {
                    if (auto* alert = std::get_if<content::Alert>(&*parsed))
                        alerts.push_back(std::move(*alert));
                }
            }
            env.reply(jsonResponse(http::status::ok, protocol::diffJson(content::diffGuides(
                                                         *before, *after, &alerts))));
        });
}

void changesRoute(const Env& env, Call& call, const Identity& who) {
    const auto sinceText = queryParameter(call.url, "since");
    const auto limitText = queryParameter(call.url, "limit");
    const auto since = sinceText ? parseInteger(*sinceText) : std::optional<std::int64_t>(0);
    auto limit = limitText ? parseInteger(*limitText) : std::optional(kDefaultChangeLimit);
    if (!since || *since < 0)
        return env.reply(errorResponse(http::status::bad_request,
                                       "since must be a sequence number (0 or more)"));
    if (!limit || *limit < 1)
        return env.reply(errorResponse(http::status::bad_request, "limit must be 1 or more"));
    runStorage(
        env,
        [tenantId = who.tenantId, since = *since, limit = std::min(*limit, kMaxChangeLimit),
         teamId = who.teamId](sqlite::Database& db) {
            // A desk hears which of its own team's tips each guide revision applied.
            return changesSince(db, tenantId, since, limit, kChangePageBytes, teamId);
        },
        [env](sqlite::Result<ChangePage> page) {
            if (!page)
                return env.reply(internalError(page.error()));
            json::array changes;
            for (const auto& change : page->changes)
                changes.push_back(changeJson(change));
            env.reply(jsonResponse(http::status::ok, json::object{{"changes", std::move(changes)},
                                                                  {"last_seq", page->lastSeq},
                                                                  {"more", page->more},
                                                                  {"epoch", page->epoch},
                                                                  {"seq", page->feedSeq}}));
        });
}

void notifyRoute(const Env& env, Call& call, const Identity& who) {
    if (!boost::beast::websocket::is_upgrade(call.request)) {
        auto response = errorResponse(http::status::upgrade_required, "this route is a WebSocket");
        response.set(http::field::upgrade, "websocket");
        return env.reply(std::move(response));
    }
    env.upgrade(who, std::move(call.request));
}

} // namespace souffleur::server
