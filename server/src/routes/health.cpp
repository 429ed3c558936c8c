// Content health and sources (docs/api.md, "Content health", "Sources");
// the store's side is health.h.
#include "routes/handlers.h"

#include <souffleur/protocol/privacy.h>
#include <souffleur/protocol/records.h>
#include <souffleur/server/health.h>

#include <boost/json/parse.hpp>

#include <chrono>

namespace souffleur::server {
namespace {

constexpr std::size_t kMaxSourceText = 500;

// Today on the server's clock (UTC), "YYYY-MM-DD".
std::string todayText() {
    const std::chrono::year_month_day date(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return out;
}

} // namespace

void healthRegisterRoute(const Env& env, Call& call, const Identity& who) {
    const auto today = queryParameter(call.url, "today").value_or(todayText());
    if (!protocol::isIsoDate(today) || !isCalendarDay(today))
        return env.reply(errorResponse(http::status::bad_request, "today must be YYYY-MM-DD"));
    runStorage(
        env,
        [tenantId = who.tenantId, today](sqlite::Database& db) {
            return contentHealth(db, tenantId, today);
        },
        [env, today](sqlite::Result<std::vector<GuideHealth>> health) {
            if (!health)
                return env.reply(internalError(health.error()));
            json::object counts;
            for (const auto& state : healthStates())
                counts[state] = 0;
            json::array guides;
            for (const auto& guide : *health) {
                counts[guide.state] = counts[guide.state].as_int64() + 1;
                guides.push_back(protocol::toJson(guide));
            }
            env.reply(jsonResponse(http::status::ok, json::object{{"today", today},
                                                                  {"counts", std::move(counts)},
                                                                  {"guides", std::move(guides)}}));
        });
}

void listSourcesRoute(const Env& env, Call&, const Identity& who) {
    runStorage(
        env, [tenantId = who.tenantId](sqlite::Database& db) { return listSources(db, tenantId); },
        [env](sqlite::Result<std::vector<Source>> sources) {
            if (!sources)
                return env.reply(internalError(sources.error()));
            json::array list;
            for (const auto& source : *sources)
                list.push_back(protocol::toJson(source));
            env.reply(jsonResponse(http::status::ok, json::object{{"sources", std::move(list)}}));
        });
}

void saveSourceRoute(const Env& env, Call& call, const Identity& who) {
    boost::system::error_code error;
    const auto body = json::parse(call.request.body(), error);
    const auto* object = error ? nullptr : body.if_object();
    const auto text = [object](std::string_view key) { return stringMember(object, key); };
    Source source{text("id").value_or(""),
                  text("title").value_or(""),
                  text("reference").value_or(""),
                  text("version_date").value_or(""),
                  {},
                  {},
                  {}};
    if (!object || source.id.empty() || source.title.empty() || source.versionDate.empty())
        return env.reply(errorResponse(http::status::bad_request,
                                       "the body must be {\"id\", \"title\", \"reference\", "
                                       "\"version_date\": \"YYYY-MM-DD\"}"));
    if (!protocol::isIsoDate(source.versionDate) || !isCalendarDay(source.versionDate))
        return env.reply(
            errorResponse(http::status::bad_request, "version_date must be YYYY-MM-DD"));
    if (source.id.size() > protocol::kMaxIdLength ||
        source.id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                    "._-") != std::string::npos)
        return env.reply(errorResponse(http::status::bad_request,
                                       "id is letters, digits, '.', '_' and '-' (at most 128)"));
    if (source.title.size() > kMaxSourceText || source.reference.size() > kMaxSourceText)
        return env.reply(errorResponse(http::status::bad_request, "title or reference too long"));
    for (const auto* field : {&source.title, &source.reference})
        if (auto refused = personalDataRefusal(*field, "source", "name a law or an instruction"))
            return env.reply(std::move(*refused));
    runStorage(
        env,
        [tenantId = who.tenantId, source, actor = actorOf(who, env)](sqlite::Database& db) {
            return saveSource(db, tenantId, source, actor);
        },
        [env, tenantId = who.tenantId, id = source.id](sqlite::Result<SourceSaved> saved) {
            if (!saved)
                return env.reply(internalError(saved.error()));
            pushNotices(env, tenantId, saved->notices);
            json::array guides;
            for (const auto& guide : saved->guidesToCheck)
                guides.emplace_back(guide);
            env.reply(jsonResponse(saved->created ? http::status::created : http::status::ok,
                                   json::object{{"id", id},
                                                {"created", saved->created},
                                                {"new_version", saved->newVersion},
                                                {"guides_to_check", std::move(guides)}}));
        });
}

} // namespace souffleur::server
