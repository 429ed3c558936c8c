// The routes (see api.h): matching a target to an endpoint, the access check,
// and one handler per route. Handlers validate their input on the I/O thread
// (guide XML, record JSON, query parameters) and touch the store only through
// StorageExecutor::run, whose completion answers on the connection's strand.
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
#include <vector>

namespace souffleur::server {
namespace {

namespace json = boost::json;
namespace urls = boost::urls;

enum class Endpoint { Health, Guides, Guide, Changes, Notify, Records, AarReport };

// One request on its way through a route.
struct Call {
    Endpoint endpoint = Endpoint::Health;
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

struct Route {
    Endpoint endpoint{};
    http::verb method{};
    RoleSet roles{};
    Handler handler = nullptr;
};

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
        [tenantId = who.tenantId, teamId = who.teamId, batch = std::move(*batch)](
            sqlite::Database& db) { return applyRecords(db, tenantId, teamId, batch); },
        [env](sqlite::Result<std::int64_t> acked) {
            if (!acked)
                return env.reply(internalError(acked.error()));
            env.reply(jsonResponse(http::status::ok, json::object{{"acked", *acked}}));
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
    Route{Endpoint::Guides, http::verb::post, kEditorRoles, publishGuideRoute},
    Route{Endpoint::Guides, http::verb::get, kAnyRole, listGuidesRoute},
    Route{Endpoint::Guide, http::verb::get, kAnyRole, getGuideRoute},
    Route{Endpoint::Changes, http::verb::get, kAnyRole, changesRoute},
    Route{Endpoint::Notify, http::verb::get, kAnyRole, notifyRoute},
    Route{Endpoint::Records, http::verb::post, kAnyRole, recordsRoute},
    Route{Endpoint::AarReport, http::verb::get, kEditorRoles, aarReportRoute},
};

// --- Dispatch ----------------------------------------------------------------

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
    response.set(http::field::allow, endpoint == Endpoint::Health ? "GET" : allowed);
    return response;
}

} // namespace

std::uint64_t bodyLimit(const Request& header) {
    const auto target = header.target();
    const auto path = target.substr(0, target.find('?'));
    return header.method() == http::verb::post && path == "/api/v1/guides" ? kGuideBodyLimit
                                                                           : kBodyLimit;
}

void handleRequest(const std::shared_ptr<ServerContext>& context, Request request, Peer peer,
                   Reply reply, Upgrade upgrade) {
    auto url = urls::parse_origin_form(request.target());
    if (!url)
        return reply(errorResponse(http::status::bad_request, "malformed request target"));
    const auto matched = match(*url);
    if (!matched)
        return reply(errorResponse(http::status::not_found, "no such resource"));
    const auto [endpoint, guideId] = *matched;

    if (endpoint == Endpoint::Health) {
        if (request.method() != http::verb::get)
            return reply(methodNotAllowed(endpoint));
        return reply(textResponse(http::status::ok, "ok\n", "text/plain"));
    }
    const Route* route = nullptr;
    for (const auto& candidate : kRoutes) {
        if (candidate.endpoint == endpoint && candidate.method == request.method())
            route = &candidate;
    }
    if (!route)
        return reply(methodNotAllowed(endpoint));

    std::string target = std::string(request.method_string()) + " " +
                         std::string(url->encoded_path().substr(0, kMaxAuditTarget));
    AccessRequest access{std::string(request[http::field::authorization]), route->roles,
                         std::move(target), peer.remote};
    Env env{context, std::move(peer), std::move(reply), std::move(upgrade)};
    auto call =
        std::make_shared<Call>(Call{endpoint, urls::url(*url), guideId, std::move(request)});
    runStorage(
        env, [access](sqlite::Database& db) { return authorize(db, access); },
        [env, call,
         handler = route->handler](sqlite::Result<std::expected<Identity, AuthFailure>> identity) {
            if (!identity)
                return env.reply(internalError(identity.error()));
            if (!*identity) {
                if (identity->error() == AuthFailure::Forbidden)
                    return env.reply(
                        errorResponse(http::status::forbidden, "your role may not use this route"));
                auto response =
                    errorResponse(http::status::unauthorized, "a valid bearer token is required");
                response.set(http::field::www_authenticate, "Bearer");
                return env.reply(std::move(response));
            }
            handler(env, *call, **identity);
        });
}

} // namespace souffleur::server
