// Records from the desks, feedback for the authors, the reports for After
// Action Reviews, and the teams' logbook and AAR records (docs/api.md,
// "Records", "Feedback", "Reports", "The teams' logbook and AAR records").
#include "routes/handlers.h"

#include <souffleur/server/records.h>
#include <souffleur/server/storage.h>

#include <boost/json/parse.hpp>

#include <algorithm>

namespace souffleur::server {
namespace {

constexpr std::int64_t kDefaultListLimit = 100;
constexpr std::int64_t kMaxListLimit = 500;

json::object logbookJson(const LogbookEntry& entry) {
    json::object out{{"id", entry.id},
                     {"team", entry.team},
                     {"at", entry.at},
                     {"text", entry.text},
                     {"created_at", entry.createdAt}};
    if (entry.guideId)
        out["guide"] = *entry.guideId;
    if (entry.step)
        out["step"] = *entry.step;
    return out;
}

json::object aarJson(const AarEntry& entry) {
    json::object out{{"id", entry.id},
                     {"team", entry.team},
                     {"at", entry.at},
                     {"expected", entry.expected},
                     {"happened", entry.happened},
                     {"why", entry.why},
                     {"improve", entry.improve},
                     {"created_at", entry.createdAt}};
    for (const auto& [key, value] :
         {std::pair{"guide", &entry.guideId}, {"from", &entry.from}, {"to", &entry.to}}) {
        if (*value)
            out[key] = **value;
    }
    json::array actions;
    for (const auto& action : entry.actions) {
        json::object item{{"text", action.text}};
        if (action.guideId)
            item["guide"] = *action.guideId;
        if (action.step)
            item["step"] = *action.step;
        actions.push_back(std::move(item));
    }
    out["actions"] = std::move(actions);
    return out;
}

constexpr std::string_view kStatusChoices = "new, planned, applied, declined or duplicate";
constexpr std::size_t kMaxReasonLength = 1000;

// GET /api/v1/logbook and /api/v1/aar-records: the filters, the access check
// and the list, answered as {key: [entry, ...]}.
template <typename List, typename ToJson>
void teamRecordsRoute(const Env& env, Call& call, const Identity& who, std::string_view path,
                      const char* key, List list, ToJson toJson) {
    TeamRecordFilter filter;
    const auto teamName = queryParameter(call.url, "team");
    filter.guideId = queryParameter(call.url, "guide");
    filter.since = queryParameter(call.url, "since");
    if (filter.since && !protocol::isIsoDate(*filter.since))
        return env.reply(errorResponse(http::status::bad_request, "since is a date: YYYY-MM-DD"));
    const auto paging = page(call);
    if (!paging)
        return env.reply(paging.error());
    filter.limit = paging->first;
    filter.offset = paging->second;
    std::string auditTarget = "GET " + std::string(path);
    if (teamName)
        auditTarget += " (team " + teamName->substr(0, protocol::kMaxNameLength) + ")";
    using Entries = typename std::invoke_result_t<List, sqlite::Database&, std::int64_t,
                                                  const TeamRecordFilter&>::value_type;
    using Outcome = std::expected<Entries, ScopeRefusal>;
    runStorage(
        env,
        [who, teamName, filter, list, auditTarget = std::move(auditTarget),
         remote = env.peer.remote](sqlite::Database& db) -> sqlite::Result<Outcome> {
            auto scope = teamScope(db, who, teamName, auditTarget, remote);
            if (!scope)
                return std::unexpected(scope.error());
            if (!*scope)
                return Outcome(std::unexpected(scope->error()));
            TeamRecordFilter scoped = filter;
            scoped.teamId = **scope;
            auto entries = list(db, who.tenantId, scoped);
            if (!entries)
                return std::unexpected(entries.error());
            return Outcome(std::move(*entries));
        },
        [env, key, toJson](sqlite::Result<Outcome> entries) {
            if (!entries)
                return env.reply(internalError(entries.error()));
            if (!*entries)
                return env.reply(scopeRefusalResponse(entries->error()));
            json::array out;
            for (const auto& entry : **entries)
                out.push_back(toJson(entry));
            env.reply(jsonResponse(http::status::ok, json::object{{key, std::move(out)}}));
        });
}

} // namespace

bool ownTeamOnly(const Identity& who) {
    return who.role == Role::Desk || who.role == Role::TeamLead;
}

// The page of a list (?limit=N&offset=M), or the 400 that refuses it.
std::expected<std::pair<std::int64_t, std::int64_t>, Response> page(const Call& call) {
    const auto limitText = queryParameter(call.url, "limit");
    const auto offsetText = queryParameter(call.url, "offset");
    const auto limit = limitText ? parseInteger(*limitText) : std::optional(kDefaultListLimit);
    const auto offset = offsetText ? parseInteger(*offsetText) : std::optional<std::int64_t>(0);
    if (!limit || *limit < 1 || !offset || *offset < 0)
        return std::unexpected(errorResponse(http::status::bad_request,
                                             "limit must be 1 or more and offset 0 or more"));
    return std::pair{std::min(*limit, kMaxListLimit), *offset};
}

sqlite::Result<TeamScope> teamScope(sqlite::Database& db, const Identity& who,
                                    const std::optional<std::string>& teamName,
                                    const std::string& auditTarget, const std::string& remote) {
    std::optional<std::int64_t> named;
    if (teamName) {
        auto found = findTeam(db, who.tenantId, *teamName);
        if (!found)
            return std::unexpected(found.error());
        named = *found;
        if (!named && !ownTeamOnly(who))
            return TeamScope(std::unexpected(ScopeRefusal::NoSuchTeam));
    }
    if (!ownTeamOnly(who))
        return TeamScope(named);
    if (who.teamId && (!teamName || named == who.teamId))
        return TeamScope(who.teamId);
    if (auto ok = appendAudit(db, {who.tenantId, who.name, "access", auditTarget, remote,
                                   std::string(authFailureName(AuthFailure::Forbidden))});
        !ok)
        return std::unexpected(ok.error());
    return TeamScope(std::unexpected(ScopeRefusal::Forbidden));
}

Response scopeRefusalResponse(ScopeRefusal refusal) {
    if (refusal == ScopeRefusal::NoSuchTeam)
        return errorResponse(http::status::not_found, "no such team");
    return errorResponse(http::status::forbidden,
                         "desk accounts and team leads see only their own team's records");
}

void recordsRoute(const Env& env, Call& call, const Identity& who) {
    auto batch = protocol::parseBatch(call.request.body());
    if (!batch)
        return env.reply(errorResponse(http::status::bad_request, batch.error()));
    // Validated here, on the I/O thread, with the same table and privacy
    // guard as the desk's outbox; a desk of protocol 1 gets all or nothing.
    CheckedRecords records = protocol::validateRecords(std::move(batch->records));
    if (batch->protocol < 2) {
        for (const auto& record : records) {
            if (!record)
                return env.reply(errorResponse(http::status::bad_request, record.error().message));
        }
    }
    // Shared by the storage job and its answer, so that the records are freed
    // with the answer, on this connection's strand, not on the one storage
    // thread that every connection waits for.
    const auto received = std::make_shared<const std::pair<protocol::Batch, CheckedRecords>>(
        std::move(*batch), std::move(records));
    using Applied =
        std::pair<std::expected<protocol::BatchAnswer, std::string>, std::vector<NoticeOut>>;
    runStorage(
        env,
        [who, received](sqlite::Database& db) -> sqlite::Result<Applied> {
            std::vector<NoticeOut> notices;
            auto answer = applyRecords(db, who, received->first, received->second, &notices);
            if (!answer)
                return std::unexpected(answer.error());
            return Applied{std::move(*answer), std::move(notices)};
        },
        [env, received, tenantId = who.tenantId](sqlite::Result<Applied> applied) {
            if (!applied)
                return env.reply(internalError(applied.error()));
            const auto& answer = applied->first;
            if (!answer)
                return env.reply(errorResponse(http::status::bad_request, answer.error()));
            pushNotices(env, tenantId, applied->second);
            // Protocol 1 desks get the answer they know: {"acked": N}.
            env.reply(jsonResponse(http::status::ok, received->first.protocol >= 2
                                                         ? protocol::answerJson(*answer)
                                                         : json::object{{"acked", answer->acked}}));
        });
}

void listFeedbackRoute(const Env& env, Call& call, const Identity& who) {
    FeedbackFilter filter;
    filter.guideId = queryParameter(call.url, "guide");
    filter.step = queryParameter(call.url, "step");
    filter.status = queryParameter(call.url, "status");
    if (filter.status) {
        const auto status = canonicalFeedbackStatus(*filter.status);
        if (status.empty())
            return env.reply(errorResponse(http::status::bad_request,
                                           "status must be " + std::string(kStatusChoices)));
        filter.status = std::string(status);
    }
    const auto paging = page(call);
    if (!paging)
        return env.reply(paging.error());
    filter.limit = paging->first;
    filter.offset = paging->second;
    runStorage(
        env,
        [tenantId = who.tenantId, filter](sqlite::Database& db) {
            return listFeedback(db, tenantId, filter);
        },
        [env](sqlite::Result<std::vector<FeedbackEntry>> entries) {
            if (!entries)
                return env.reply(internalError(entries.error()));
            json::array list;
            for (const auto& entry : *entries)
                list.push_back(protocol::toJson(entry));
            env.reply(jsonResponse(http::status::ok, json::object{{"feedback", std::move(list)}}));
        });
}

void updateFeedbackRoute(const Env& env, Call& call, const Identity& who) {
    boost::system::error_code error;
    const auto body = json::parse(call.request.body(), error);
    const auto* object = error ? nullptr : body.if_object();
    const auto text = [object](std::string_view key) { return stringMember(object, key); };
    const auto* revision = object ? object->if_contains("revision") : nullptr;
    const auto status = canonicalFeedbackStatus(text("status").value_or(""));
    if (status.empty() || (revision && !revision->is_null() &&
                           (!revision->is_int64() || revision->as_int64() < 1 ||
                            revision->as_int64() > std::numeric_limits<int>::max())))
        return env.reply(errorResponse(
            http::status::bad_request,
            "the body must be {\"status\": \"" + std::string(kStatusChoices) +
                "\", \"revision\": N, \"reason\": \"why (declined)\", \"duplicate_of\": "
                "\"FEEDBACK-ID (duplicate)\"}"));
    FeedbackUpdate update{std::string(status), std::nullopt, text("reason"), text("duplicate_of")};
    if (revision && revision->is_int64())
        update.revision = static_cast<int>(revision->as_int64());
    if (status == "declined" && update.reason.value_or("").empty())
        return env.reply(errorResponse(http::status::bad_request,
                                       "say why the feedback is declined: {\"reason\": \"...\"}"));
    if (update.reason && update.reason->size() > kMaxReasonLength)
        return env.reply(errorResponse(http::status::bad_request, "the reason is too long"));
    // The desks' team reads why (the inbox): about the guide, never a citizen.
    if (update.reason)
        if (auto refused = personalDataRefusal(*update.reason, "reason", "write about the guide"))
            return env.reply(std::move(*refused));
    if (status == "duplicate" && update.duplicateOf.value_or("").empty())
        return env.reply(
            errorResponse(http::status::bad_request,
                          "name the feedback this one repeats: {\"duplicate_of\": \"ID\"}"));
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), update, actor = actorOf(who, env)](
            sqlite::Database& db) { return updateFeedback(db, tenantId, id, update, actor); },
        [env](sqlite::Result<std::expected<FeedbackEntry, FeedbackRefusal>> updated) {
            if (!updated)
                return env.reply(internalError(updated.error()));
            if (!*updated)
                return env.reply(
                    errorResponse(updated->error() == FeedbackRefusal::NotFound
                                      ? http::status::not_found
                                      : http::status::unprocessable_entity,
                                  updated->error() == FeedbackRefusal::NotFound
                                      ? "no such feedback"
                                      : "duplicate_of must name another piece of feedback"));
            env.reply(jsonResponse(http::status::ok, protocol::toJson(**updated)));
        });
}

void listLogbookRoute(const Env& env, Call& call, const Identity& who) {
    teamRecordsRoute(
        env, call, who, "/api/v1/logbook", "logbook",
        [](sqlite::Database& db, std::int64_t tenantId, const TeamRecordFilter& filter) {
            return listLogbook(db, tenantId, filter);
        },
        logbookJson);
}

void listAarRecordsRoute(const Env& env, Call& call, const Identity& who) {
    teamRecordsRoute(
        env, call, who, "/api/v1/aar-records", "aar_records",
        [](sqlite::Database& db, std::int64_t tenantId, const TeamRecordFilter& filter) {
            return listAarRecords(db, tenantId, filter);
        },
        aarJson);
}

} // namespace souffleur::server
