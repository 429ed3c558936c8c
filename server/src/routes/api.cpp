// The routes (see api.h): the route table, admission (matching a header to
// its route and the access check), and the helpers the handlers share
// (handlers.h). The handlers live in guides.cpp, alerts.cpp and records.cpp.
#include "routes/handlers.h"

#include <souffleur/protocol/privacy.h>
#include <souffleur/server/health.h>
#include <souffleur/server/routes.h>
#include <souffleur/server/storage.h>

#include <boost/url/parse.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <ctime>
#include <optional>
#include <utility>
#include <vector>

namespace souffleur::server {

// A route: a path pattern ("api/v1/guides/{id}": literal segments, and {name}
// for one segment of any value, which the handler asks for by its name:
// call.param("id")), a method, who may use it, and how large a body it takes.
struct Route {
    std::string_view pattern;
    http::verb method{};
    bool needsToken = true; // false only for /healthz
    RoleSet roles{};
    std::uint64_t bodyLimit = kBodyLimit;
    Handler handler = nullptr;
};

namespace {

constexpr std::size_t kMaxAuditTarget = 200;
// Changes that travel inside a push notice, so desks need not ask for them.
constexpr std::size_t kMaxInlineChangeBytes = 16 * 1024;

constexpr RoleSet kReviewerRoles{Role::Reviewer, Role::Admin};

// Whether a pattern is non-empty segments, each literal or {name}, with
// names that are not empty and differ from each other.
constexpr bool wellFormed(std::string_view pattern) {
    constexpr std::size_t kMaxNames = 8;
    std::array<std::string_view, kMaxNames> names{};
    std::size_t count = 0;
    std::size_t start = 0;
    while (start <= pattern.size()) {
        const std::size_t end = std::min(pattern.find('/', start), pattern.size());
        const std::string_view part = pattern.substr(start, end - start);
        if (part.empty())
            return false;
        if (part.front() == '{' && part.back() == '}' && part.size() > 2) {
            const std::string_view name = part.substr(1, part.size() - 2);
            if (name.find_first_of("{}") != std::string_view::npos || count == kMaxNames)
                return false;
            for (std::size_t i = 0; i < count; ++i) {
                if (names[i] == name)
                    return false;
            }
            names[count++] = name;
        } else if (part.find_first_of("{}") != std::string_view::npos) {
            return false;
        }
        start = end + 1;
    }
    return true;
}

} // namespace

// --- Helpers (handlers.h) ------------------------------------------------------

Response internalError(const sqlite::Error& error) {
    if (error.diskFull()) {
        // Logged once by the storage thread's DiskSpace, not per request.
        auto response = errorResponse(http::status::insufficient_storage,
                                      "the server's disk is full: nothing of this request was "
                                      "stored; try again later");
        response.set(http::field::retry_after, "60");
        return response;
    }
    logLine("storage error", {{"code", error.code}, {"error", error.message}});
    return errorResponse(http::status::internal_server_error, "internal error");
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [next, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || next != end || text.empty())
        return std::nullopt;
    return value;
}

std::optional<std::string> stringMember(const json::object* object, std::string_view key) {
    const auto* value = object ? object->if_contains(key) : nullptr;
    if (!value || !value->is_string())
        return std::nullopt;
    return std::string(value->as_string().subview());
}

std::optional<std::string> queryParameter(const urls::url_view& url, std::string_view key) {
    const auto params = url.params();
    const auto found = params.find(key);
    if (found == params.end())
        return std::nullopt;
    return (*found).value;
}

json::array diagnosticsJson(const content::Diagnostics& diagnostics) {
    json::array out;
    for (const auto& diagnostic : diagnostics)
        out.push_back(json::object{
            {"line", diagnostic.line},
            {"column", diagnostic.column},
            {"severity", diagnostic.severity == content::Severity::Error ? "error" : "warning"},
            {"message", diagnostic.message}});
    return out;
}

std::optional<Response> personalDataRefusal(std::string_view text, std::string_view what,
                                            std::string_view hint) {
    const auto found = protocol::findPersonalData(text);
    if (found.empty())
        return std::nullopt;
    const std::string kind = protocol::personalDataName(found.front().kind);
    std::string message =
        "the " + std::string(what) + " looks like it holds personal data (" + kind + ")";
    if (!hint.empty())
        message += "; " + std::string(hint);
    return errorResponse(http::status::unprocessable_entity, message, {{"personal_data", kind}});
}

Response invalidDocument(std::string_view what, const content::Diagnostics& diagnostics) {
    return errorResponse(http::status::unprocessable_entity, what,
                         {{"diagnostics", diagnosticsJson(diagnostics)}});
}

Actor actorOf(const Identity& who, const Env& env) {
    return {who.name, env.peer.remote};
}

json::object changeJson(const Change& change) {
    json::object out{{"seq", change.seq},
                     {"kind", change.kind},
                     {"id", change.id},
                     {"revision", change.revision},
                     {"xml", change.xml}};
    if (!change.note.empty())
        out["note"] = change.note;
    if (!change.tipsApplied.empty()) {
        json::array tips;
        for (const auto& tip : change.tipsApplied)
            tips.push_back(json::object{{"step", tip.step}, {"text", tip.text}});
        out["tips_applied"] = std::move(tips);
    }
    return out;
}

void notifyChange(const Env& env, std::int64_t tenantId, std::int64_t seq,
                  const std::optional<Change>& change) {
    json::object notice{{"type", "changed"}, {"seq", seq}};
    if (change && change->xml.size() <= kMaxInlineChangeBytes)
        notice["change"] = changeJson(*change);
    env.context->sessions.broadcastChange(tenantId, seq, json::serialize(notice));
}

void pushNotices(const Env& env, std::int64_t tenantId, const std::vector<NoticeOut>& notices) {
    for (const auto& out : notices)
        env.context->sessions.sendTo(
            tenantId, out.accountId,
            json::serialize(
                json::object{{"type", "notice"}, {"notice", protocol::toJson(out.notice)}}));
}

void metricsRoute(const Env& env, Call&, const Identity& who) {
    using Figures = std::pair<std::int64_t, std::vector<std::pair<std::string, std::int64_t>>>;
    runStorage(
        env,
        [tenantId = who.tenantId](sqlite::Database& db) -> sqlite::Result<Figures> {
            auto seq = currentSeq(db, tenantId);
            if (!seq)
                return std::unexpected(seq.error());
            // Content health per state (health.h; benchmarked: 10,000 guides in bench/).
            const std::chrono::year_month_day date(
                std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
            char today[16];
            std::snprintf(today, sizeof today, "%04d-%02u-%02u", static_cast<int>(date.year()),
                          static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
            auto health = contentHealth(db, tenantId, today);
            if (!health)
                return std::unexpected(health.error());
            std::vector<std::pair<std::string, std::int64_t>> counts;
            for (const auto& state : healthStates())
                counts.emplace_back(state, std::ranges::count(*health, state, &GuideHealth::state));
            return Figures{*seq, std::move(counts)};
        },
        [env, tenantId = who.tenantId](sqlite::Result<Figures> figures) {
            if (!figures)
                return env.reply(internalError(figures.error()));
            auto& context = *env.context;
            const Metrics::Gauges gauges{.openConnections = context.limits->open(),
                                         .authenticatedConnections =
                                             context.limits->authenticatedOpen(),
                                         .notifyConnections = context.sessions.subscriberCount(),
                                         .tokensInMemory = context.tokens.size(),
                                         .storageQueue = context.storage.queued(),
                                         .diskFull = context.disk.full(),
                                         .tlsExpiry = context.tlsExpiry(),
                                         .writesRefusedDiskFull = context.disk.refused(),
                                         .tenantId = tenantId,
                                         .feedSequence = figures->first,
                                         .guideHealth = figures->second};
            env.reply(textResponse(http::status::ok, context.metrics.render(gauges),
                                   "text/plain; version=0.0.4; charset=utf-8"));
        });
}

void healthRoute(const Env& env, Call&, const Identity&) {
    // Still 200 with a full disk: reads and the change feed are served.
    env.reply(textResponse(http::status::ok,
                           env.context->disk.full()
                               ? "degraded: the data directory's disk is full; reads are served, "
                                 "writes are refused (507) until space returns\n"
                               : "ok\n",
                           "text/plain"));
}

namespace {

constexpr auto kGet = http::verb::get;
constexpr auto kPost = http::verb::post;
constexpr auto kPatch = http::verb::patch;
constexpr auto kPut = http::verb::put;

// docs/api.md, in the same order.
constexpr std::array kRoutes = {
    Route{"healthz", kGet, false, {}, kBodyLimit, healthRoute},
    Route{"metrics", kGet, true, RoleSet{Role::Admin}, kBodyLimit, metricsRoute},
    Route{"api/v1/me", kGet, true, kAnyRole, kBodyLimit, whoAmIRoute},
    Route{"api/v1/privacy", kGet, true, kAnyRole, kBodyLimit, privacyRoute},
    // Guides and their lifecycle
    Route{"api/v1/guides", kGet, true, kAnyRole, kBodyLimit, listGuidesRoute},
    Route{"api/v1/guides", kPost, true, kReviewerRoles, kGuideBodyLimit, publishGuideRoute},
    Route{"api/v1/guides/{id}", kGet, true, kAnyRole, kBodyLimit, getGuideRoute},
    Route{"api/v1/guides/{id}/retire", kPost, true, kReviewerRoles, kBodyLimit, retireGuideRoute},
    Route{"api/v1/guides/{id}/revisions", kGet, true, kEditorRoles, kBodyLimit, listRevisionsRoute},
    Route{"api/v1/guides/{id}/revisions", kPost, true, kEditorRoles, kGuideBodyLimit,
          saveRevisionRoute},
    Route{"api/v1/guides/{id}/revisions/{revision}", kGet, true, kEditorRoles, kBodyLimit,
          getRevisionRoute},
    Route{"api/v1/guides/{id}/revisions/{revision}/submit", kPost, true, kEditorRoles, kBodyLimit,
          submitRevisionRoute},
    Route{"api/v1/guides/{id}/revisions/{revision}/publish", kPost, true, kReviewerRoles,
          kBodyLimit, publishRevisionRoute},
    Route{"api/v1/guides/{id}/revisions/{revision}/reject", kPost, true, kReviewerRoles, kBodyLimit,
          rejectRevisionRoute},
    Route{"api/v1/guides/{id}/rollback", kPost, true, kEditorRoles, kBodyLimit, rollbackRoute},
    Route{"api/v1/guides/{id}/diff", kGet, true, kEditorRoles, kBodyLimit, diffRoute},
    Route{"api/v1/revisions", kGet, true, kEditorRoles, kBodyLimit, reviewQueueRoute},
    // Review comments and notices
    Route{"api/v1/guides/{id}/comments", kGet, true, kEditorRoles, kBodyLimit, listCommentsRoute},
    Route{"api/v1/guides/{id}/revisions/{revision}/comments", kPost, true, kEditorRoles, kBodyLimit,
          addCommentRoute},
    Route{"api/v1/comments/{comment}", kPatch, true, kEditorRoles, kBodyLimit, resolveCommentRoute},
    Route{"api/v1/notices", kGet, true, kEditorRoles, kBodyLimit, listNoticesRoute},
    Route{"api/v1/notices/read", kPost, true, kEditorRoles, kBodyLimit, readNoticesRoute},
    // Content health and sources
    Route{"api/v1/health", kGet, true, kEditorRoles, kBodyLimit, healthRegisterRoute},
    Route{"api/v1/sources", kGet, true, kEditorRoles, kBodyLimit, listSourcesRoute},
    Route{"api/v1/sources", kPost, true, kEditorRoles, kBodyLimit, saveSourceRoute},
    Route{"api/v1/library", kGet, true, kEditorRoles, kBodyLimit, libraryRoute},
    // Pictures for guides
    Route{"api/v1/media", kPost, true, kEditorRoles, kMediaBodyLimit, storeMediaRoute},
    Route{"api/v1/media/{hash}", kGet, true, kAnyRole, kBodyLimit, getMediaRoute},
    // The change feed and push
    Route{"api/v1/changes", kGet, true, kAnyRole, kBodyLimit, changesRoute},
    Route{"api/v1/notify", kGet, true, kAnyRole, kBodyLimit, notifyRoute},
    // Alerts
    Route{"api/v1/alerts", kGet, true, kAnyRole, kBodyLimit, listAlertsRoute},
    Route{"api/v1/alerts", kPost, true, kEditorRoles, kBodyLimit, publishAlertRoute},
    Route{"api/v1/alerts/{id}/retire", kPost, true, kEditorRoles, kBodyLimit, retireAlertRoute},
    Route{"api/v1/alerts/{id}/acknowledgements", kGet, true, kEditorRoles, kBodyLimit,
          acknowledgementsRoute},
    // Records, feedback, reports
    Route{"api/v1/records", kPost, true, kAnyRole, kBodyLimit, recordsRoute},
    Route{"api/v1/feedback", kGet, true, kEditorRoles, kBodyLimit, listFeedbackRoute},
    Route{"api/v1/feedback/{id}", kPatch, true, kEditorRoles, kBodyLimit, updateFeedbackRoute},
    Route{"api/v1/reports/aar", kGet, true, kTeamRoles, kBodyLimit, aarReportRoute},
    // The teams' logbook and AAR records (desks and team leads: their own team's only)
    Route{"api/v1/logbook", kGet, true, kAnyRole, kBodyLimit, listLogbookRoute},
    Route{"api/v1/aar-records", kGet, true, kAnyRole, kBodyLimit, listAarRecordsRoute},
    // After Action Reviews: the evidence, AARs and their actions, lessons
    Route{"api/v1/evidence", kGet, true, kTeamRoles, kBodyLimit, evidenceRoute},
    Route{"api/v1/aars", kGet, true, kTeamRoles, kBodyLimit, listAarsRoute},
    Route{"api/v1/aars", kPost, true, kTeamRoles, kBodyLimit, createAarRoute},
    Route{"api/v1/aars/{id}", kGet, true, kTeamRoles, kBodyLimit, getAarRoute},
    Route{"api/v1/aars/{id}", kPut, true, kTeamRoles, kBodyLimit, updateAarRoute},
    Route{"api/v1/aars/{id}/actions", kPost, true, kTeamRoles, kBodyLimit, addActionRoute},
    Route{"api/v1/aars/{id}/actions/{position}", kPatch, true, kTeamRoles, kBodyLimit,
          updateActionRoute},
    Route{"api/v1/aar-actions", kGet, true, kTeamRoles, kBodyLimit, openActionsRoute},
    Route{"api/v1/lessons", kGet, true, kAnyRole, kBodyLimit, lessonsRoute},
    Route{"api/v1/teams", kGet, true, kTeamRoles, kBodyLimit, listTeamsRoute},
};

static_assert(std::ranges::all_of(kRoutes,
                                  [](const Route& route) { return wellFormed(route.pattern); }),
              "a route pattern is literal segments and {name}s, each name once");

// --- Admission ---------------------------------------------------------------

// The route for a path and method; a 404 or 405 when there is none.
std::expected<std::pair<const Route*, PathParams>, Response> findRoute(const urls::url_view& url,
                                                                       http::verb method) {
    const std::vector<std::string> segments(url.segments().begin(), url.segments().end());
    std::string allowed;
    for (const auto& route : kRoutes) {
        auto params = matchPattern(route.pattern, segments);
        if (!params)
            continue;
        if (route.method == method)
            return std::pair{&route, std::move(*params)};
        allowed += (allowed.empty() ? "" : ", ") + std::string(http::to_string(route.method));
    }
    if (allowed.empty())
        return std::unexpected(errorResponse(http::status::not_found, "no such resource"));
    auto response = errorResponse(http::status::method_not_allowed, "method not allowed");
    response.set(http::field::allow, allowed);
    return std::unexpected(std::move(response));
}

Response refusal(AuthFailure failure) {
    if (failure == AuthFailure::Forbidden)
        return errorResponse(http::status::forbidden, "your role may not use this route");
    auto response = errorResponse(http::status::unauthorized, "a valid bearer token is required");
    response.set(http::field::www_authenticate, "Bearer");
    return response;
}

} // namespace

// --- Path parameters (routes.h) ----------------------------------------------

std::vector<std::string_view> parameterNames(std::string_view pattern) {
    std::vector<std::string_view> names;
    std::size_t start = 0;
    while (start <= pattern.size()) {
        const std::size_t end = std::min(pattern.find('/', start), pattern.size());
        const std::string_view part = pattern.substr(start, end - start);
        if (part.size() > 2 && part.front() == '{' && part.back() == '}')
            names.push_back(part.substr(1, part.size() - 2));
        start = end + 1;
    }
    return names;
}

const std::string& PathParams::at(std::string_view name) const {
    for (const auto& [key, value] : m_values) {
        if (key == name)
            return value;
    }
    throw MissingPathParameter("the route " + std::string(m_pattern) + " has no parameter {" +
                               std::string(name) + "}");
}

bool PathParams::contains(std::string_view name) const {
    return std::ranges::any_of(m_values, [name](const auto& entry) { return entry.first == name; });
}

void PathParams::add(std::string_view name, std::string value) {
    m_values.emplace_back(name, std::move(value));
}

std::optional<PathParams> matchPattern(std::string_view pattern,
                                       const std::vector<std::string>& segments) {
    PathParams params(pattern);
    std::size_t index = 0;
    std::size_t start = 0;
    while (start <= pattern.size()) {
        const std::size_t end = std::min(pattern.find('/', start), pattern.size());
        const std::string_view part = pattern.substr(start, end - start);
        if (index >= segments.size())
            return std::nullopt;
        if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
            if (segments[index].empty())
                return std::nullopt;
            params.add(part.substr(1, part.size() - 2), segments[index]);
        } else if (part != segments[index]) {
            return std::nullopt;
        }
        ++index;
        start = end + 1;
    }
    if (index != segments.size())
        return std::nullopt;
    return params;
}

// --- The route table as data (routes.h) -----------------------------------------

std::vector<RouteInfo> routeList() {
    std::vector<RouteInfo> out;
    for (const auto& route : kRoutes) {
        const auto method = http::to_string(route.method); // static text
        out.push_back({route.pattern, std::string_view(method.data(), method.size()),
                       route.needsToken, route.roles});
    }
    return out;
}

void admit(const std::shared_ptr<ServerContext>& context, const Request& header, Peer peer,
           Admit done) {
    auto url = urls::parse_origin_form(header.target());
    if (!url)
        return done(
            std::unexpected(errorResponse(http::status::bad_request, "malformed request target")));
    // A valid token held in memory (token_directory.h): authenticated here,
    // on the connection's strand, whatever the storage thread is doing.
    const auto token = bearerToken(header[http::field::authorization]);
    TokenDirectory::Lookup known;
    if (!token.empty())
        known =
            context->tokens.find(hashToken(token), static_cast<std::int64_t>(std::time(nullptr)));
    const bool found = known.outcome == TokenDirectory::Outcome::Found;
    // The rate limit per account once the token is known, else per address:
    // the desks behind one NAT address are not limited together.
    const auto rateKey =
        found ? "account " + std::to_string(known.identity.accountId) : peer.remote;
    if (!context->requestRates.allow(rateKey)) {
        auto response =
            errorResponse(http::status::too_many_requests,
                          found ? "too many requests from your account; try again shortly"
                                : "too many requests from your address; try again shortly");
        response.set(http::field::retry_after, "1");
        return done(std::unexpected(std::move(response)));
    }
    auto route = findRoute(*url, header.method());
    if (!route)
        return done(std::unexpected(std::move(route.error())));
    const Route* matched = route->first;
    Admitted admitted{
        matched,           Identity{}, matched->pattern, urls::url(*url), std::move(route->second),
        matched->bodyLimit};
    if (!matched->needsToken)
        return done(std::move(admitted));
    if (found && matched->roles.contains(known.identity.role)) {
        admitted.identity = std::move(known.identity);
        admitted.authenticated = true;
        return done(std::move(admitted));
    }

    // On the storage thread: a token the memory does not know (or no longer
    // trusts), or a known account refused (403), which is audited. Before any
    // of the body is read: a refused request costs a token lookup, never a body.
    std::string target = std::string(header.method_string()) + " " +
                         std::string(url->encoded_path().substr(0, kMaxAuditTarget));
    AccessRequest access{std::string(header[http::field::authorization]), matched->roles,
                         std::move(target), peer.remote};
    auto* failures = &context->authFailures; // lives as long as the storage thread
    auto* tokens = known.outcome == TokenDirectory::Outcome::Stale ? &context->tokens : nullptr;
    const bool queued = context->storage.run(
        peer.executor,
        [access = std::move(access), failures, tokens](sqlite::Database& db) {
            if (tokens)
                refreshTokens(*tokens, db); // the next requests are served from memory again
            auto outcome = authorize(db, access);
            if (outcome && !*outcome && outcome->error() != AuthFailure::Forbidden)
                failures->record(access.remote, authFailureName(outcome->error()), access.route);
            return outcome;
        },
        [done, admitted = std::move(admitted)](
            sqlite::Result<std::expected<Identity, AuthFailure>> identity) mutable {
            if (!identity)
                return done(std::unexpected(internalError(identity.error())));
            if (!*identity)
                return done(std::unexpected(refusal(identity->error())));
            admitted.identity = std::move(**identity);
            admitted.authenticated = true;
            done(std::move(admitted));
        });
    if (!queued)
        done(std::unexpected(
            errorResponse(http::status::service_unavailable, "the server is stopping")));
}

void handleRequest(const std::shared_ptr<ServerContext>& context, Admitted admitted,
                   Request request, Peer peer, Reply reply, Upgrade upgrade) {
    const Env env{context, std::move(peer), std::move(reply), std::move(upgrade)};
    Call call{std::move(admitted.url), std::move(admitted.params), std::move(request)};
    try {
        admitted.route->handler(env, call, admitted.identity);
    } catch (const MissingPathParameter& bug) {
        // Thrown while the handler reads its input, before it answers or
        // queues any work: a bug in the handler, never the client's fault.
        logLine("a handler asked for a path parameter its route does not have",
                {{"route", admitted.route->pattern}, {"error", bug.what()}});
        env.reply(errorResponse(http::status::internal_server_error, "internal error"));
    }
}

} // namespace souffleur::server
