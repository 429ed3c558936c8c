// Records from the desks, feedback for the authors and the reports for After
// Action Reviews (docs/api.md, "Records", "Feedback", "Reports").
#include "routes/handlers.h"

#include <souffleur/server/records.h>
#include <souffleur/server/reports.h>
#include <souffleur/server/storage.h>

#include <boost/json/parse.hpp>

#include <algorithm>

namespace souffleur::server {
namespace {

constexpr std::int64_t kDefaultFeedbackLimit = 100;
constexpr std::int64_t kMaxFeedbackLimit = 500;

json::object feedbackJson(const FeedbackEntry& entry) {
    json::object out{
        {"id", entry.id},     {"guide", entry.guideId},       {"revision", entry.revision},
        {"kind", entry.kind}, {"text", entry.text},           {"status", entry.status},
        {"team", entry.team}, {"created_at", entry.createdAt}};
    if (entry.step)
        out["step"] = *entry.step;
    if (entry.suggestion)
        out["suggestion"] = *entry.suggestion;
    if (entry.updatedAt)
        out["updated_at"] = *entry.updatedAt;
    if (entry.handledRevision)
        out["handled_revision"] = *entry.handledRevision;
    return out;
}

// "YYYY-MM-DD"
bool isDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    return true;
}

json::object countsJson(const SessionCounts& counts) {
    return {{"started", counts.started},
            {"finished", counts.finished},
            {"abandoned", counts.abandoned}};
}

json::object tallyJson(const std::map<std::string, std::int64_t>& tally) {
    json::object out;
    for (const auto& [key, count] : tally)
        out[key] = count;
    return out;
}

json::value reportJson(const AarReport& report) {
    json::object out{{"guide", report.query.guideId}, {"min_sessions", kMinSessions}};
    for (const auto& [key, value] : {std::pair{"from", report.query.from},
                                     {"to", report.query.to},
                                     {"team", report.query.team}}) {
        if (value)
            out[key] = *value;
    }
    out["sessions"] = report.sessions ? json::value(countsJson(*report.sessions)) : nullptr;
    json::array steps;
    for (const auto& step : report.steps) {
        json::object entry{{"step", step.step},
                           {"sessions", step.sessions},
                           {"skipped", step.skipped},
                           {"back", step.back},
                           {"escalated", step.escalated},
                           {"decisions", tallyJson(step.decisions)},
                           {"feedback", tallyJson(step.feedback)}};
        if (step.medianMs)
            entry["median_ms"] = *step.medianMs;
        if (step.p90Ms)
            entry["p90_ms"] = *step.p90Ms;
        steps.push_back(std::move(entry));
    }
    out["steps"] = std::move(steps);
    out["steps_withheld"] = report.stepsWithheld;
    json::array teams;
    for (const auto& team : report.teams) {
        json::object entry = countsJson(team.sessions);
        entry["team"] = team.team;
        teams.push_back(std::move(entry));
    }
    out["teams"] = std::move(teams);
    out["teams_withheld"] = report.teamsWithheld;
    json::array feedback;
    for (const auto& item : report.feedback) {
        json::object entry{{"revision", item.revision},
                           {"kind", item.kind},
                           {"text", item.text},
                           {"status", item.status},
                           {"team", item.team}};
        if (item.step)
            entry["step"] = *item.step;
        if (item.suggestion)
            entry["suggestion"] = *item.suggestion;
        feedback.push_back(std::move(entry));
    }
    out["feedback"] = std::move(feedback);
    return out;
}

bool validStatus(std::string_view status) {
    return std::ranges::find(kFeedbackStatuses, status) != kFeedbackStatuses.end();
}

} // namespace

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

void listFeedbackRoute(const Env& env, Call& call, const Identity& who) {
    FeedbackFilter filter;
    filter.guideId = queryParameter(call.url, "guide");
    filter.step = queryParameter(call.url, "step");
    filter.status = queryParameter(call.url, "status");
    if (filter.status && !validStatus(*filter.status))
        return env.reply(errorResponse(http::status::bad_request,
                                       "status must be new, accepted, rejected or done"));
    const auto limitText = queryParameter(call.url, "limit");
    const auto offsetText = queryParameter(call.url, "offset");
    const auto limit = limitText ? parseInteger(*limitText) : std::optional(kDefaultFeedbackLimit);
    const auto offset = offsetText ? parseInteger(*offsetText) : std::optional<std::int64_t>(0);
    if (!limit || *limit < 1 || !offset || *offset < 0)
        return env.reply(errorResponse(http::status::bad_request,
                                       "limit must be 1 or more and offset 0 or more"));
    filter.limit = std::min(*limit, kMaxFeedbackLimit);
    filter.offset = *offset;
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
                list.push_back(feedbackJson(entry));
            env.reply(jsonResponse(http::status::ok, json::object{{"feedback", std::move(list)}}));
        });
}

void updateFeedbackRoute(const Env& env, Call& call, const Identity& who) {
    boost::system::error_code error;
    const auto body = json::parse(call.request.body(), error);
    const auto* object = error ? nullptr : body.if_object();
    const auto* status = object ? object->if_contains("status") : nullptr;
    const auto* revision = object ? object->if_contains("revision") : nullptr;
    if (!status || !status->is_string() || !validStatus(status->as_string().subview()) ||
        (revision && !revision->is_null() &&
         (!revision->is_int64() || revision->as_int64() < 1 ||
          revision->as_int64() > std::numeric_limits<int>::max())))
        return env.reply(errorResponse(
            http::status::bad_request,
            "the body must be {\"status\": \"new|accepted|rejected|done\", \"revision\": N}"));
    std::optional<int> handled;
    if (revision && revision->is_int64())
        handled = static_cast<int>(revision->as_int64());
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.params.at(0),
         status = std::string(status->as_string().subview()), handled,
         actor = actorOf(who, env)](sqlite::Database& db) {
            return updateFeedback(db, tenantId, id, status, handled, actor);
        },
        [env, id = call.params.at(0), status = std::string(status->as_string().subview()),
         handled](sqlite::Result<bool> updated) {
            if (!updated)
                return env.reply(internalError(updated.error()));
            if (!*updated)
                return env.reply(errorResponse(http::status::not_found, "no such feedback"));
            json::object out{{"id", id}, {"status", status}};
            if (handled)
                out["handled_revision"] = *handled;
            env.reply(jsonResponse(http::status::ok, out));
        });
}

void aarReportRoute(const Env& env, Call& call, const Identity& who) {
    AarQuery query;
    query.guideId = queryParameter(call.url, "guide").value_or("");
    if (query.guideId.empty())
        return env.reply(errorResponse(http::status::bad_request, "name the guide: ?guide=ID"));
    query.from = queryParameter(call.url, "from");
    query.to = queryParameter(call.url, "to");
    query.team = queryParameter(call.url, "team");
    for (const auto* date : {&query.from, &query.to}) {
        if (*date && !isDate(**date))
            return env.reply(
                errorResponse(http::status::bad_request, "from and to are dates: YYYY-MM-DD"));
    }
    runStorage(
        env,
        [tenantId = who.tenantId, query](sqlite::Database& db) {
            return aarReport(db, tenantId, query);
        },
        [env](sqlite::Result<AarReport> report) {
            if (!report)
                return env.reply(internalError(report.error()));
            env.reply(jsonResponse(http::status::ok, reportJson(*report)));
        });
}

} // namespace souffleur::server
