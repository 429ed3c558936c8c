// The evidence for After Action Reviews, the AARs and their actions, and the
// lessons teams share (docs/api.md, "Evidence", "After Action Reviews").
// Team leads see and write their own team's only (teamScope(), handlers.h);
// the rule of kMinPeople is applied in evidence.cpp, before anything is answered.
#include "routes/handlers.h"

#include <souffleur/protocol/privacy.h>
#include <souffleur/server/aar_store.h>
#include <souffleur/server/evidence.h>
#include <souffleur/server/retention.h>
#include <souffleur/server/storage.h>
#include <souffleur/server/xapi.h>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <chrono>

namespace souffleur::server {
namespace {

constexpr int kMaxMonths = 36;
constexpr std::size_t kMaxTitleLength = 200;
constexpr std::size_t kMaxActionLength = 1000;
constexpr std::size_t kMaxOwnerLength = 100;
constexpr std::int64_t kMaxLogbookListed = 200;
constexpr std::int64_t kLessonsListed = 100;

Response badRequest(std::string message) {
    return errorResponse(http::status::bad_request, std::move(message));
}

std::string today() {
    const std::chrono::year_month_day date(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return out;
}

// The period of ?from=&to= (months, or dates: their months), this month by
// default, or the 400 that refuses it.
std::expected<std::pair<std::string, std::string>, Response>
period(const std::optional<std::string>& fromText, const std::optional<std::string>& toText) {
    const auto to = toText ? monthOf(*toText) : std::optional(currentMonth());
    const auto from = fromText ? monthOf(*fromText) : to;
    if (!from || !to)
        return std::unexpected(badRequest("from and to are months (YYYY-MM) or dates (YYYY-MM-DD); "
                                          "a period is always whole months"));
    if (*from > *to)
        return std::unexpected(badRequest("from comes after to"));
    if (shiftMonth(*from, kMaxMonths) <= *to)
        return std::unexpected(
            badRequest("a period is at most " + std::to_string(kMaxMonths) + " months"));
    return std::pair{*from, *to};
}

std::optional<json::object> bodyObject(const Call& call) {
    boost::system::error_code error;
    auto body = json::parse(call.request.body(), error);
    if (error || !body.is_object())
        return std::nullopt;
    return std::move(body.as_object());
}

// A text member: absent (nullopt), or its value when it is a string no longer
// than `limit` without a citizen's personal data; else the refusal.
std::expected<std::optional<std::string>, Response>
textMember(const json::object& body, std::string_view key, std::size_t limit) {
    const auto* value = body.if_contains(key);
    if (!value || value->is_null())
        return std::optional<std::string>();
    if (!value->is_string())
        return std::unexpected(badRequest(std::string(key) + " is a string"));
    std::string text(value->as_string());
    if (text.size() > limit)
        return std::unexpected(badRequest(std::string(key) + " is longer than " +
                                          std::to_string(limit) + " characters"));
    if (auto refused = personalDataRefusal(text, key, "write about the work, never a citizen"))
        return std::unexpected(std::move(*refused));
    return std::optional(std::move(text));
}

// Whether `who` may see the AAR of `teamId`; a refusal is audited.
sqlite::Result<bool> mayUse(sqlite::Database& db, const Identity& who, std::int64_t teamId,
                            const std::string& target, const std::string& remote) {
    if (!ownTeamOnly(who) || who.teamId == teamId)
        return true;
    if (auto ok = appendAudit(db, {who.tenantId, who.name, "access", target, remote,
                                   std::string(authFailureName(AuthFailure::Forbidden))});
        !ok)
        return std::unexpected(ok.error());
    return false;
}

Response forbiddenAar() {
    return errorResponse(http::status::forbidden, "a team lead sees only its own team's AARs");
}

json::object aarJson(const Aar& aar, const std::vector<AarActionItem>& carried) {
    json::object out = protocol::toJson(static_cast<const protocol::Aar&>(aar));
    json::array open;
    for (const auto& action : carried) {
        if (action.aarId != aar.id)
            open.push_back(protocol::toJson(action));
    }
    out["carried_actions"] = std::move(open);
    return out;
}

protocol::LogbookItem logbookItem(const LogbookEntry& entry) {
    return {entry.id, entry.team, entry.at, entry.text, entry.guideId, entry.step, entry.createdAt};
}

// What an AAR route's storage job answers: the value, or a refusal.
template <typename T>
using Outcome = std::expected<T, Response>;

// The completion of such a job: a storage error is a 500, a refusal is
// answered as it is, the value with `status`.
auto answerWith(const Env& env, http::status status) {
    return [env, status](sqlite::Result<Outcome<json::object>> answer) {
        if (!answer)
            return env.reply(internalError(answer.error()));
        if (!*answer)
            return env.reply(std::move(answer->error()));
        env.reply(jsonResponse(status, std::move(**answer)));
    };
}

// What the audit log names when a team scope is refused: "GET /api/v1/evidence (team X)".
std::string auditTarget(std::string target, const std::optional<std::string>& teamName) {
    if (teamName)
        target += " (team " + teamName->substr(0, protocol::kMaxNameLength) + ")";
    return target;
}

} // namespace

namespace {

// The evidence of `query` for the team `who` may see (teamScope(); a refusal
// is audited as `target`): the guides' figures, and with a team its name,
// its logbook of the period and its open actions.
sqlite::Result<Outcome<protocol::Evidence>>
scopedEvidence(sqlite::Database& db, const Identity& who, EvidenceQuery query,
               const std::optional<std::string>& teamName, const std::string& target,
               const std::string& remote) {
    auto scope = teamScope(db, who, teamName, target, remote);
    if (!scope)
        return std::unexpected(scope.error());
    if (!*scope)
        return Outcome<protocol::Evidence>(std::unexpected(scopeRefusalResponse(scope->error())));
    query.teamId = **scope;
    auto found = evidence(db, who.tenantId, query);
    if (!found)
        return std::unexpected(found.error());
    protocol::Evidence out;
    out.from = found->query.from;
    out.to = found->query.to;
    out.trendFrom = found->trendFrom;
    out.minPeople = kMinPeople;
    out.guides = std::move(found->guides);
    if (query.teamId) {
        auto name = db.queryText("SELECT name FROM teams WHERE id = ?", *query.teamId);
        if (!name)
            return std::unexpected(name.error());
        out.team = name->value_or("");
        TeamRecordFilter filter;
        filter.teamId = query.teamId;
        filter.since = query.from + "-01";
        filter.untilMonth = query.to;
        filter.limit = kMaxLogbookListed;
        auto logbook = listLogbook(db, who.tenantId, filter);
        if (!logbook)
            return std::unexpected(logbook.error());
        for (const auto& entry : *logbook)
            out.logbook.push_back(logbookItem(entry));
        auto actions = openActions(db, who.tenantId, query.teamId);
        if (!actions)
            return std::unexpected(actions.error());
        out.openActions = std::move(*actions);
    }
    return Outcome<protocol::Evidence>(std::move(out));
}

// GET /api/v1/evidence and /reports/aar: the query's guides (`guides`
// checked by the caller), its period and team; the evidence, made an answer by `toJson`.
template <typename ToJson>
void evidenceAnswer(const Env& env, Call& call, const Identity& who, EvidenceQuery query,
                    std::string_view path, ToJson toJson) {
    auto months = period(queryParameter(call.url, "from"), queryParameter(call.url, "to"));
    if (!months)
        return env.reply(months.error());
    query.from = months->first;
    query.to = months->second;
    const auto teamName = queryParameter(call.url, "team");
    runStorage(
        env,
        [who, query, teamName, target = auditTarget("GET " + std::string(path), teamName),
         remote = env.peer.remote,
         toJson](sqlite::Database& db) -> sqlite::Result<Outcome<json::object>> {
            auto found = scopedEvidence(db, who, query, teamName, target, remote);
            if (!found)
                return std::unexpected(found.error());
            if (!*found)
                return Outcome<json::object>(std::unexpected(std::move(found->error())));
            return Outcome<json::object>(toJson(**found));
        },
        answerWith(env, http::status::ok));
}

} // namespace

void evidenceRoute(const Env& env, Call& call, const Identity& who) {
    EvidenceQuery query;
    for (const auto& param : call.url.params()) {
        if (param.key == "guide" && !param.value.empty())
            query.guides.push_back(param.value);
    }
    if (query.guides.empty())
        return env.reply(badRequest("name one or more guides: ?guide=ID&guide=ID"));
    if (query.guides.size() > kMaxAarGuides)
        return env.reply(
            badRequest("at most " + std::to_string(kMaxAarGuides) + " guides at a time"));
    evidenceAnswer(env, call, who, std::move(query), "/api/v1/evidence",
                   [](const protocol::Evidence& found) { return protocol::toJson(found); });
}

// GET /api/v1/reports/aar: the evidence of one guide, as one object.
void aarReportRoute(const Env& env, Call& call, const Identity& who) {
    EvidenceQuery query;
    query.guides.push_back(queryParameter(call.url, "guide").value_or(""));
    if (query.guides.front().empty())
        return env.reply(badRequest("name the guide: ?guide=ID"));
    evidenceAnswer(env, call, who, std::move(query), "/api/v1/reports/aar",
                   [](const protocol::Evidence& found) {
                       json::object out = protocol::toJson(found.guides.front());
                       out["from"] = found.from;
                       out["to"] = found.to;
                       out["min_people"] = found.minPeople;
                       if (!found.team.empty())
                           out["team"] = found.team;
                       return out;
                   });
}

void listAarsRoute(const Env& env, Call& call, const Identity& who) {
    const auto paging = page(call);
    if (!paging)
        return env.reply(paging.error());
    AarFilter filter;
    filter.limit = paging->first;
    filter.offset = paging->second;
    const auto teamName = queryParameter(call.url, "team");
    std::string target = auditTarget("GET /api/v1/aars", teamName);
    runStorage(
        env,
        [who, filter, teamName, target = std::move(target),
         remote = env.peer.remote](sqlite::Database& db) -> sqlite::Result<Outcome<json::object>> {
            auto scope = teamScope(db, who, teamName, target, remote);
            if (!scope)
                return std::unexpected(scope.error());
            if (!*scope)
                return Outcome<json::object>(std::unexpected(scopeRefusalResponse(scope->error())));
            AarFilter scoped = filter;
            scoped.teamId = **scope;
            auto aars = listAars(db, who.tenantId, scoped);
            if (!aars)
                return std::unexpected(aars.error());
            json::array out;
            for (const auto& aar : *aars) {
                json::object item = protocol::toJson(static_cast<const protocol::Aar&>(aar));
                item.erase("actions");
                out.push_back(std::move(item));
            }
            return Outcome<json::object>(json::object{{"aars", std::move(out)}});
        },
        answerWith(env, http::status::ok));
}

void createAarRoute(const Env& env, Call& call, const Identity& who) {
    const auto body = bodyObject(call);
    if (!body)
        return env.reply(badRequest(
            "the body must be {\"team\": \"NAME\", \"title\": \"...\", \"guides\": [\"ID\"], "
            "\"from\": \"YYYY-MM\", \"to\": \"YYYY-MM\"}"));
    const auto title = textMember(*body, "title", kMaxTitleLength);
    if (!title)
        return env.reply(title.error());
    NewAar aar;
    aar.title = title->value_or("");
    if (aar.title.empty())
        return env.reply(badRequest("give the AAR a title"));
    if (const auto* guides = body->if_contains("guides")) {
        if (!guides->is_array())
            return env.reply(badRequest("guides is a list of guide ids"));
        for (const auto& guide : guides->as_array()) {
            if (!guide.is_string() || guide.as_string().empty() ||
                guide.as_string().size() > protocol::kMaxNameLength)
                return env.reply(badRequest("guides is a list of guide ids"));
            aar.guides.emplace_back(guide.as_string());
        }
    }
    if (aar.guides.size() > kMaxAarGuides)
        return env.reply(
            badRequest("at most " + std::to_string(kMaxAarGuides) + " guides in one AAR"));
    auto months = period(stringMember(&*body, "from"), stringMember(&*body, "to"));
    if (!months)
        return env.reply(months.error());
    aar.from = months->first;
    aar.to = months->second;
    aar.at = stringMember(&*body, "at").value_or(today());
    if (!protocol::isIsoDate(aar.at))
        return env.reply(badRequest("at is the meeting's date: YYYY-MM-DD"));
    aar.accountId = who.accountId;
    const auto teamName = stringMember(&*body, "team");
    if (!teamName && !ownTeamOnly(who))
        return env.reply(badRequest("name the team whose AAR it is: {\"team\": \"NAME\"}"));
    std::string target = auditTarget("POST /api/v1/aars", teamName);
    runStorage(
        env,
        [who, aar, teamName, target = std::move(target), actor = actorOf(who, env),
         remote = env.peer.remote](sqlite::Database& db) -> sqlite::Result<Outcome<json::object>> {
            auto scope = teamScope(db, who, teamName, target, remote);
            if (!scope)
                return std::unexpected(scope.error());
            if (!*scope)
                return Outcome<json::object>(std::unexpected(scopeRefusalResponse(scope->error())));
            NewAar scoped = aar;
            scoped.teamId = **scope ? ***scope : 0;
            auto created = createAar(db, who.tenantId, scoped, actor);
            if (!created)
                return std::unexpected(created.error());
            auto carried = openActions(db, who.tenantId, created->teamId);
            if (!carried)
                return std::unexpected(carried.error());
            return Outcome<json::object>(aarJson(*created, *carried));
        },
        answerWith(env, http::status::created));
}

void getAarRoute(const Env& env, Call& call, const Identity& who) {
    runStorage(
        env,
        [who, id = call.param("id"),
         remote = env.peer.remote](sqlite::Database& db) -> sqlite::Result<Outcome<json::object>> {
            auto found = findAar(db, who.tenantId, id);
            if (!found)
                return std::unexpected(found.error());
            if (!*found)
                return Outcome<json::object>(
                    std::unexpected(errorResponse(http::status::not_found, "no such AAR")));
            auto allowed = mayUse(db, who, (*found)->teamId, "GET /api/v1/aars/" + id, remote);
            if (!allowed)
                return std::unexpected(allowed.error());
            if (!*allowed)
                return Outcome<json::object>(std::unexpected(forbiddenAar()));
            auto carried = openActions(db, who.tenantId, (*found)->teamId);
            if (!carried)
                return std::unexpected(carried.error());
            return Outcome<json::object>(aarJson(**found, *carried));
        },
        answerWith(env, http::status::ok));
}

void updateAarRoute(const Env& env, Call& call, const Identity& who) {
    const auto body = bodyObject(call);
    if (!body)
        return env.reply(badRequest("the body is a JSON object of the fields to change"));
    AarUpdate update;
    for (const auto& [key, field] : {std::pair{"title", &update.title},
                                     {"expected", &update.expected},
                                     {"happened", &update.happened},
                                     {"why", &update.why},
                                     {"improve", &update.improve},
                                     {"lesson", &update.lesson}}) {
        auto value = textMember(
            *body, key, std::string_view(key) == "title" ? kMaxTitleLength : kMaxAarTextLength);
        if (!value)
            return env.reply(value.error());
        *field = std::move(*value);
    }
    if (update.title && update.title->empty())
        return env.reply(badRequest("an AAR keeps a title"));
    update.state = stringMember(&*body, "state");
    if (update.state && *update.state != "draft" && *update.state != "final")
        return env.reply(badRequest("state is draft or final"));
    if (const auto* shared = body->if_contains("shared")) {
        if (!shared->is_bool())
            return env.reply(badRequest("shared is true or false"));
        update.shared = shared->as_bool();
    }
    if (body->contains("from") || body->contains("to")) {
        if (!stringMember(&*body, "from") || !stringMember(&*body, "to"))
            return env.reply(badRequest("a new period gives both from and to"));
        auto months = period(stringMember(&*body, "from"), stringMember(&*body, "to"));
        if (!months)
            return env.reply(months.error());
        update.from = months->first;
        update.to = months->second;
    }
    if (const auto* guides = body->if_contains("guides")) {
        if (!guides->is_array() || guides->as_array().size() > kMaxAarGuides)
            return env.reply(badRequest("guides is a list of at most " +
                                        std::to_string(kMaxAarGuides) + " guide ids"));
        update.guides.emplace();
        for (const auto& guide : guides->as_array()) {
            if (!guide.is_string() || guide.as_string().empty() ||
                guide.as_string().size() > protocol::kMaxNameLength)
                return env.reply(badRequest("guides is a list of guide ids"));
            update.guides->emplace_back(guide.as_string());
        }
    }
    runStorage(
        env,
        [who, id = call.param("id"), update, actor = actorOf(who, env),
         remote = env.peer.remote](sqlite::Database& db) -> sqlite::Result<Outcome<json::object>> {
            auto found = findAar(db, who.tenantId, id);
            if (!found)
                return std::unexpected(found.error());
            if (!*found)
                return Outcome<json::object>(
                    std::unexpected(errorResponse(http::status::not_found, "no such AAR")));
            auto allowed = mayUse(db, who, (*found)->teamId, "PUT /api/v1/aars/" + id, remote);
            if (!allowed)
                return std::unexpected(allowed.error());
            if (!*allowed)
                return Outcome<json::object>(std::unexpected(forbiddenAar()));
            auto updated = updateAar(db, who.tenantId, id, update, actor);
            if (!updated)
                return std::unexpected(updated.error());
            auto carried = openActions(db, who.tenantId, (*found)->teamId);
            if (!carried)
                return std::unexpected(carried.error());
            return Outcome<json::object>(aarJson(**updated, *carried));
        },
        answerWith(env, http::status::ok));
}

void addActionRoute(const Env& env, Call& call, const Identity& who) {
    const auto body = bodyObject(call);
    if (!body)
        return env.reply(
            badRequest("the body must be {\"text\": \"...\", \"owner\": \"...\", \"due\": "
                       "\"YYYY-MM-DD\", \"guide\": \"ID\", \"step\": \"ID\"}"));
    const auto text = textMember(*body, "text", kMaxActionLength);
    if (!text)
        return env.reply(text.error());
    const auto owner = textMember(*body, "owner", kMaxOwnerLength);
    if (!owner)
        return env.reply(owner.error());
    NewAction action{text->value_or(""), owner->value_or(""), stringMember(&*body, "due"),
                     stringMember(&*body, "guide"), stringMember(&*body, "step")};
    if (action.text.empty())
        return env.reply(badRequest("say what the action is: {\"text\": \"...\"}"));
    if (action.due && !protocol::isIsoDate(*action.due))
        return env.reply(badRequest("due is a date: YYYY-MM-DD"));
    if (action.step && !action.guideId)
        return env.reply(badRequest("an action about a step names its guide too"));
    for (const auto* id : {&action.guideId, &action.step}) {
        if (*id && (id->value().empty() || id->value().size() > protocol::kMaxNameLength))
            return env.reply(badRequest("guide and step are ids"));
    }
    using Added = std::pair<json::object, std::vector<NoticeOut>>;
    runStorage(
        env,
        [who, id = call.param("id"), action, actor = actorOf(who, env),
         remote = env.peer.remote](sqlite::Database& db) -> sqlite::Result<Outcome<Added>> {
            auto found = findAar(db, who.tenantId, id);
            if (!found)
                return std::unexpected(found.error());
            if (!*found)
                return Outcome<Added>(
                    std::unexpected(errorResponse(http::status::not_found, "no such AAR")));
            auto allowed =
                mayUse(db, who, (*found)->teamId, "POST /api/v1/aars/" + id + "/actions", remote);
            if (!allowed)
                return std::unexpected(allowed.error());
            if (!*allowed)
                return Outcome<Added>(std::unexpected(forbiddenAar()));
            if (action.guideId) {
                auto guide = currentGuideXml(db, who.tenantId, *action.guideId);
                if (!guide)
                    return std::unexpected(guide.error());
                if (!*guide)
                    return Outcome<Added>(
                        std::unexpected(errorResponse(http::status::unprocessable_entity,
                                                      "no published guide " + *action.guideId +
                                                          ": an action about a guide "
                                                          "names one the desks have")));
            }
            auto added = addAction(db, who.tenantId, id, action, actor);
            if (!added)
                return std::unexpected(added.error());
            return Outcome<Added>(
                Added{protocol::toJson((*added)->action), std::move((*added)->notices)});
        },
        [env, tenantId = who.tenantId](sqlite::Result<Outcome<Added>> answer) {
            if (!answer)
                return env.reply(internalError(answer.error()));
            if (!*answer)
                return env.reply(std::move(answer->error()));
            pushNotices(env, tenantId, (*answer)->second);
            env.reply(jsonResponse(http::status::created, std::move((*answer)->first)));
        });
}

void updateActionRoute(const Env& env, Call& call, const Identity& who) {
    const auto position = parseInteger(call.param("position"));
    if (!position || *position < 0 || *position > std::numeric_limits<int>::max())
        return env.reply(errorResponse(http::status::not_found, "no such action"));
    const auto body = bodyObject(call);
    if (!body)
        return env.reply(badRequest("the body is a JSON object of the fields to change: text, "
                                    "owner, due, state"));
    ActionUpdate update;
    const auto text = textMember(*body, "text", kMaxActionLength);
    if (!text)
        return env.reply(text.error());
    const auto owner = textMember(*body, "owner", kMaxOwnerLength);
    if (!owner)
        return env.reply(owner.error());
    update.text = *text;
    update.owner = *owner;
    update.due = stringMember(&*body, "due");
    update.state = stringMember(&*body, "state");
    if (update.text && update.text->empty())
        return env.reply(badRequest("an action keeps its text"));
    if (update.due && !protocol::isIsoDate(*update.due))
        return env.reply(badRequest("due is a date: YYYY-MM-DD"));
    if (update.state && std::ranges::find(actionStates(), *update.state) == actionStates().end())
        return env.reply(badRequest("state is open, doing, done or dropped"));
    runStorage(
        env,
        [who, id = call.param("id"), position = static_cast<int>(*position), update,
         actor = actorOf(who, env),
         remote = env.peer.remote](sqlite::Database& db) -> sqlite::Result<Outcome<json::object>> {
            auto found = findAar(db, who.tenantId, id);
            if (!found)
                return std::unexpected(found.error());
            if (!*found)
                return Outcome<json::object>(
                    std::unexpected(errorResponse(http::status::not_found, "no such AAR")));
            auto allowed =
                mayUse(db, who, (*found)->teamId,
                       "PATCH /api/v1/aars/" + id + "/actions/" + std::to_string(position), remote);
            if (!allowed)
                return std::unexpected(allowed.error());
            if (!*allowed)
                return Outcome<json::object>(std::unexpected(forbiddenAar()));
            auto updated = updateAction(db, who.tenantId, id, position, update, actor);
            if (!updated)
                return std::unexpected(updated.error());
            if (!*updated)
                return Outcome<json::object>(
                    std::unexpected(errorResponse(http::status::not_found, "no such action")));
            return Outcome<json::object>(protocol::toJson(**updated));
        },
        answerWith(env, http::status::ok));
}

void openActionsRoute(const Env& env, Call& call, const Identity& who) {
    const auto teamName = queryParameter(call.url, "team");
    std::string target = auditTarget("GET /api/v1/aar-actions", teamName);
    runStorage(
        env,
        [who, teamName, target = std::move(target),
         remote = env.peer.remote](sqlite::Database& db) -> sqlite::Result<Outcome<json::object>> {
            auto scope = teamScope(db, who, teamName, target, remote);
            if (!scope)
                return std::unexpected(scope.error());
            if (!*scope)
                return Outcome<json::object>(std::unexpected(scopeRefusalResponse(scope->error())));
            auto actions = openActions(db, who.tenantId, **scope);
            if (!actions)
                return std::unexpected(actions.error());
            json::array out;
            for (const auto& action : *actions)
                out.push_back(protocol::toJson(action));
            return Outcome<json::object>(json::object{{"actions", std::move(out)}});
        },
        answerWith(env, http::status::ok));
}

void privacyRoute(const Env& env, Call&, const Identity& who) {
    runStorage(
        env,
        [tenantId = who.tenantId](sqlite::Database& db) -> sqlite::Result<std::pair<int, bool>> {
            auto months = retentionMonths(db, tenantId);
            if (!months)
                return std::unexpected(months.error());
            auto xapi = xapiSettings(db, tenantId);
            if (!xapi)
                return std::unexpected(xapi.error());
            return std::pair{*months, *xapi && (*xapi)->on};
        },
        [env](sqlite::Result<std::pair<int, bool>> facts) {
            if (!facts)
                return env.reply(internalError(facts.error()));
            env.reply(
                jsonResponse(http::status::ok, json::object{{"retention_months", facts->first},
                                                            {"min_people", kMinPeople},
                                                            {"xapi", facts->second}}));
        });
}

void whoAmIRoute(const Env& env, Call&, const Identity& who) {
    runStorage(
        env,
        [who](sqlite::Database& db) -> sqlite::Result<std::optional<std::string>> {
            if (!who.teamId)
                return std::optional<std::string>();
            return db.queryText("SELECT name FROM teams WHERE id = ?", *who.teamId);
        },
        [env, who](sqlite::Result<std::optional<std::string>> team) {
            if (!team)
                return env.reply(internalError(team.error()));
            json::object out{{"account", who.name}, {"role", roleName(who.role)}};
            out["team"] = *team ? json::value(**team) : json::value(nullptr);
            env.reply(jsonResponse(http::status::ok, std::move(out)));
        });
}

void listTeamsRoute(const Env& env, Call&, const Identity& who) {
    runStorage(
        env,
        [who](sqlite::Database& db) -> sqlite::Result<std::vector<std::string>> {
            auto stmt = db.prepare("SELECT name FROM teams WHERE tenant_id = ? AND "
                                   "(? IS NULL OR id = ?) ORDER BY name",
                                   who.tenantId,
                                   ownTeamOnly(who) ? who.teamId : std::optional<std::int64_t>(),
                                   ownTeamOnly(who) ? who.teamId : std::optional<std::int64_t>());
            if (!stmt)
                return std::unexpected(stmt.error());
            std::vector<std::string> names;
            auto read = stmt->forEachRow(
                [&](const sqlite::Statement& row) { names.push_back(row.columnText(0)); });
            if (!read)
                return std::unexpected(read.error());
            return names;
        },
        [env](sqlite::Result<std::vector<std::string>> names) {
            if (!names)
                return env.reply(internalError(names.error()));
            json::array out;
            for (const auto& name : *names)
                out.emplace_back(name);
            env.reply(jsonResponse(http::status::ok, json::object{{"teams", std::move(out)}}));
        });
}

void lessonsRoute(const Env& env, Call&, const Identity& who) {
    runStorage(
        env,
        [tenantId = who.tenantId](sqlite::Database& db) {
            return sharedLessons(db, tenantId, kLessonsListed);
        },
        [env](sqlite::Result<std::vector<Aar>> lessons) {
            if (!lessons)
                return env.reply(internalError(lessons.error()));
            json::array out;
            for (const auto& aar : *lessons) {
                json::array guides;
                for (const auto& guide : aar.guides)
                    guides.emplace_back(guide);
                out.push_back(json::object{{"aar", aar.id},
                                           {"team", aar.team},
                                           {"at", aar.at},
                                           {"title", aar.title},
                                           {"guides", std::move(guides)},
                                           {"lesson", aar.lesson}});
            }
            env.reply(jsonResponse(http::status::ok, json::object{{"lessons", std::move(out)}}));
        });
}

} // namespace souffleur::server
