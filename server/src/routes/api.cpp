// The routes (see api.h): the route table, admission (matching a header to
// its route and the access check) and one handler per route. Handlers
// validate their input on the I/O thread (guide XML, record JSON, query
// parameters) and touch the store only through StorageExecutor::run, whose
// completion answers on the connection's strand.
#include "routes/api.h"

#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/server/log.h>
#include <souffleur/server/records.h>
#include <souffleur/server/storage.h>

#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <array>
#include <charconv>
#include <optional>
#include <utility>
#include <vector>

namespace souffleur::server {
namespace {

namespace json = boost::json;
namespace urls = boost::urls;

enum class Endpoint { Health, Guides, Guide, Changes, Notify, Records, AarReport };

// One admitted request, its body read, on its way through a route.
struct Call {
    urls::url url;       // the parsed target, for the query parameters
    std::string guideId; // {id} of /api/v1/guides/{id}
    Request request;
};

// Where a route answers.
struct Env {
    std::shared_ptr<ServerContext> context;
    Peer peer;
    Reply reply;
    Upgrade upgrade;
};

using Handler = void (*)(const Env&, Call&, const Identity&);

} // namespace

struct Route {
    Endpoint endpoint{};
    http::verb method{};
    bool needsToken = true; // false only for /healthz
    RoleSet roles{};
    std::uint64_t bodyLimit = kBodyLimit;
    Handler handler = nullptr;
};

namespace {

constexpr std::size_t kMaxAuditTarget = 200;
constexpr std::int64_t kDefaultChangeLimit = 100;
constexpr std::int64_t kMaxChangeLimit = 500;

// --- Helpers -----------------------------------------------------------------

Response internalError(const sqlite::Error& error) {
    logLine("storage error", {{"code", error.code}, {"error", error.message}});
    return errorResponse(http::status::internal_server_error, "internal error");
}

// Runs `work` on the storage thread and `done` with its result on the strand;
// answers 503 when the server is already stopping.
template <typename Work, typename Done>
void runStorage(const Env& env, Work work, Done done) {
    if (!env.context->storage.run(env.peer.executor, std::move(work), std::move(done)))
        env.reply(errorResponse(http::status::service_unavailable, "the server is stopping"));
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [next, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || next != end || text.empty())
        return std::nullopt;
    return value;
}

// The decoded value of query parameter `key`, or nullopt.
std::optional<std::string> queryParameter(const urls::url_view& url, std::string_view key) {
    const auto params = url.params();
    const auto found = params.find(key);
    if (found == params.end())
        return std::nullopt;
    return (*found).value;
}

// --- Routes ------------------------------------------------------------------

void healthRoute(const Env& env, Call&, const Identity&) {
    env.reply(textResponse(http::status::ok, "ok\n", "text/plain"));
}

void publishGuideRoute(const Env& env, Call& call, const Identity& who) {
    auto guide = content::parseGuide(call.request.body(), "upload");
    if (!guide) {
        json::array diagnostics;
        for (const auto& diagnostic : guide.error())
            diagnostics.push_back(json::object{{"line", diagnostic.line},
                                               {"column", diagnostic.column},
                                               {"message", diagnostic.message}});
        env.reply(errorResponse(http::status::unprocessable_entity, "invalid guide",
                                {{"diagnostics", std::move(diagnostics)}}));
        return;
    }
    GuideRevision revision{guide->id, guide->revision, guide->title, content::writeGuide(*guide)};
    const Actor actor{who.name, env.peer.remote};
    const std::int64_t tenantId = who.tenantId;
    runStorage(
        env,
        [tenantId, revision = std::move(revision), actor](sqlite::Database& db) {
            return publishGuide(db, tenantId, revision, actor);
        },
        [env, tenantId, id = guide->id,
         number = guide->revision](sqlite::Result<PublishOutcome> outcome) {
            if (!outcome)
                return env.reply(internalError(outcome.error()));
            if (const auto* stale = std::get_if<StaleRevision>(&*outcome)) {
                env.reply(errorResponse(http::status::conflict,
                                        "revision " + std::to_string(number) + " of " + id +
                                            " is not newer than the published revision " +
                                            std::to_string(stale->currentRevision),
                                        {{"current_revision", stale->currentRevision}}));
                return;
            }
            const auto seq = std::get<Published>(*outcome).seq;
            env.context->sessions.broadcast(
                tenantId, json::serialize(json::object{{"type", "changed"}, {"seq", seq}}));
            env.reply(jsonResponse(http::status::created,
                                   json::object{{"id", id}, {"revision", number}, {"seq", seq}}));
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
        [tenantId = who.tenantId, id = call.guideId](sqlite::Database& db) {
            return currentGuideXml(db, tenantId, id);
        },
        [env](sqlite::Result<std::optional<std::string>> xml) {
            if (!xml)
                return env.reply(internalError(xml.error()));
            if (!*xml)
                return env.reply(errorResponse(http::status::not_found, "no such guide"));
            env.reply(textResponse(http::status::ok, std::move(**xml), "application/xml"));
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
        [tenantId = who.tenantId, since = *since, limit = std::min(*limit, kMaxChangeLimit)](
            sqlite::Database& db) { return changesSince(db, tenantId, since, limit); },
        [env](sqlite::Result<ChangePage> page) {
            if (!page)
                return env.reply(internalError(page.error()));
            json::array changes;
            for (const auto& change : page->changes)
                changes.push_back(json::object{{"seq", change.seq},
                                               {"kind", change.kind},
                                               {"id", change.guideId},
                                               {"revision", change.revision},
                                               {"xml", change.xml}});
            env.reply(jsonResponse(http::status::ok, json::object{{"changes", std::move(changes)},
                                                                  {"last_seq", page->lastSeq},
                                                                  {"more", page->more}}));
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

void recordsRoute(const Env& env, Call& call, const Identity& who) {
    auto batch = parseRecordBatch(call.request.body());
    if (!batch)
        return env.reply(errorResponse(http::status::bad_request, batch.error()));
    runStorage(
        env,
        [who, batch = std::move(*batch)](sqlite::Database& db) {
            return applyRecords(db, who, batch);
        },
        [env](sqlite::Result<std::expected<std::int64_t, std::string>> acked) {
            if (!acked)
                return env.reply(internalError(acked.error()));
            if (!*acked)
                return env.reply(errorResponse(http::status::bad_request, acked->error()));
            env.reply(jsonResponse(http::status::ok, json::object{{"acked", **acked}}));
        });
}

void aarReportRoute(const Env& env, Call& call, const Identity& who) {
    const auto guideId = queryParameter(call.url, "guide");
    if (!guideId || guideId->empty())
        return env.reply(errorResponse(http::status::bad_request, "name the guide: ?guide=ID"));
    runStorage(
        env,
        [tenantId = who.tenantId, id = *guideId](sqlite::Database& db) {
            return aarReport(db, tenantId, id);
        },
        [env](sqlite::Result<AarReport> report) {
            if (!report)
                return env.reply(internalError(report.error()));
            json::array feedback;
            for (const auto& item : report->feedback) {
                json::object entry{{"revision", item.revision},
                                   {"kind", item.kind},
                                   {"text", item.text},
                                   {"team", item.team}};
                if (item.step)
                    entry["step"] = *item.step;
                if (item.suggestion)
                    entry["suggestion"] = *item.suggestion;
                feedback.push_back(std::move(entry));
            }
            env.reply(jsonResponse(http::status::ok,
                                   json::object{{"guide", report->guideId},
                                                {"sessions_started", report->sessionsStarted},
                                                {"sessions_finished", report->sessionsFinished},
                                                {"sessions_abandoned", report->sessionsAbandoned},
                                                {"feedback", std::move(feedback)}}));
        });
}

constexpr std::array kRoutes = {
    Route{Endpoint::Health, http::verb::get, false, {}, kBodyLimit, healthRoute},
    Route{Endpoint::Guides, http::verb::post, true, kEditorRoles, kGuideBodyLimit,
          publishGuideRoute},
    Route{Endpoint::Guides, http::verb::get, true, kAnyRole, kBodyLimit, listGuidesRoute},
    Route{Endpoint::Guide, http::verb::get, true, kAnyRole, kBodyLimit, getGuideRoute},
    Route{Endpoint::Changes, http::verb::get, true, kAnyRole, kBodyLimit, changesRoute},
    Route{Endpoint::Notify, http::verb::get, true, kAnyRole, kBodyLimit, notifyRoute},
    Route{Endpoint::Records, http::verb::post, true, kAnyRole, kBodyLimit, recordsRoute},
    Route{Endpoint::AarReport, http::verb::get, true, kEditorRoles, kBodyLimit, aarReportRoute},
};

// --- Admission ---------------------------------------------------------------

// The endpoint of a path, and the {id} of /api/v1/guides/{id}.
std::optional<std::pair<Endpoint, std::string>> match(const urls::url_view& url) {
    const std::vector<std::string> segments(url.segments().begin(), url.segments().end());
    if (segments.size() == 1 && segments[0] == "healthz")
        return std::pair{Endpoint::Health, std::string()};
    if (segments.size() < 3 || segments[0] != "api" || segments[1] != "v1")
        return std::nullopt;
    if (segments.size() == 3) {
        static constexpr std::array<std::pair<std::string_view, Endpoint>, 4> kNames = {{
            {"guides", Endpoint::Guides},
            {"changes", Endpoint::Changes},
            {"notify", Endpoint::Notify},
            {"records", Endpoint::Records},
        }};
        for (const auto& [name, endpoint] : kNames) {
            if (segments[2] == name)
                return std::pair{endpoint, std::string()};
        }
    }
    if (segments.size() == 4 && segments[2] == "guides" && !segments[3].empty())
        return std::pair{Endpoint::Guide, segments[3]};
    if (segments.size() == 4 && segments[2] == "reports" && segments[3] == "aar")
        return std::pair{Endpoint::AarReport, std::string()};
    return std::nullopt;
}

Response methodNotAllowed(Endpoint endpoint) {
    std::string allowed;
    for (const auto& route : kRoutes) {
        if (route.endpoint == endpoint)
            allowed += (allowed.empty() ? "" : ", ") + std::string(http::to_string(route.method));
    }
    auto response = errorResponse(http::status::method_not_allowed, "method not allowed");
    response.set(http::field::allow, allowed);
    return response;
}

Response refusal(AuthFailure failure) {
    if (failure == AuthFailure::Forbidden)
        return errorResponse(http::status::forbidden, "your role may not use this route");
    auto response = errorResponse(http::status::unauthorized, "a valid bearer token is required");
    response.set(http::field::www_authenticate, "Bearer");
    return response;
}

} // namespace

void admit(const std::shared_ptr<ServerContext>& context, const Request& header, Peer peer,
           Admit done) {
    auto url = urls::parse_origin_form(header.target());
    if (!url)
        return done(
            std::unexpected(errorResponse(http::status::bad_request, "malformed request target")));
    auto matched = match(*url);
    if (!matched)
        return done(std::unexpected(errorResponse(http::status::not_found, "no such resource")));
    const Route* route = nullptr;
    for (const auto& candidate : kRoutes) {
        if (candidate.endpoint == matched->first && candidate.method == header.method())
            route = &candidate;
    }
    if (!route)
        return done(std::unexpected(methodNotAllowed(matched->first)));
    Admitted admitted{route, Identity{}, urls::url(*url), std::move(matched->second),
                      route->bodyLimit};
    if (!route->needsToken)
        return done(std::move(admitted));

    // The access check, before any of the body is read: a refused request
    // costs a token lookup, never a body.
    std::string target = std::string(header.method_string()) + " " +
                         std::string(url->encoded_path().substr(0, kMaxAuditTarget));
    AccessRequest access{std::string(header[http::field::authorization]), route->roles,
                         std::move(target), peer.remote};
    auto* failures = &context->authFailures; // lives as long as the storage thread
    const bool queued = context->storage.run(
        peer.executor,
        [access = std::move(access), failures](sqlite::Database& db) {
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
            done(std::move(admitted));
        });
    if (!queued)
        done(std::unexpected(
            errorResponse(http::status::service_unavailable, "the server is stopping")));
}

void handleRequest(const std::shared_ptr<ServerContext>& context, Admitted admitted,
                   Request request, Peer peer, Reply reply, Upgrade upgrade) {
    const Env env{context, std::move(peer), std::move(reply), std::move(upgrade)};
    Call call{std::move(admitted.url), std::move(admitted.guideId), std::move(request)};
    admitted.route->handler(env, call, admitted.identity);
}

} // namespace souffleur::server
