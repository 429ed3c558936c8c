// Alerts: published at once by authors, reviewers and admins (a fraud signal
// does not wait for review), pushed to every connected desk of the tenant with
// the alert itself in the notice, acknowledged by the desks through their
// records, counted per team (docs/api.md, "Alerts").
#include "routes/handlers.h"

#include <souffleur/content/lint.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/server/evidence.h>

namespace souffleur::server {

void listAlertsRoute(const Env& env, Call&, const Identity& who) {
    runStorage(
        env, [tenantId = who.tenantId](sqlite::Database& db) { return listAlerts(db, tenantId); },
        [env](sqlite::Result<std::vector<AlertSummary>> alerts) {
            if (!alerts)
                return env.reply(internalError(alerts.error()));
            json::array list;
            for (const auto& alert : *alerts) {
                json::object entry{{"id", alert.id},
                                   {"revision", alert.revision},
                                   {"level", alert.level},
                                   {"must_acknowledge", alert.mustAcknowledge},
                                   {"title", alert.title}};
                if (!alert.validFrom.empty())
                    entry["valid_from"] = alert.validFrom;
                if (!alert.validTo.empty())
                    entry["valid_to"] = alert.validTo;
                list.push_back(std::move(entry));
            }
            env.reply(jsonResponse(http::status::ok, json::object{{"alerts", std::move(list)}}));
        });
}

void publishAlertRoute(const Env& env, Call& call, const Identity& who) {
    content::SourceLines lines;
    auto parsed = content::parseDocument(call.request.body(), "upload", &lines);
    if (!parsed)
        return env.reply(invalidDocument("invalid alert", parsed.error()));
    const auto* alert = std::get_if<content::Alert>(&*parsed);
    if (alert == nullptr)
        return env.reply(invalidDocument(
            "this is a guide; guides go to /api/v1/guides",
            {{"upload", 1, 1, content::Severity::Error, "expected <alert>, found <guide>"}}));
    auto diagnostics = content::lintAlert(*alert, "upload", {}, {}, &lines);
    if (content::hasErrors(diagnostics))
        return env.reply(invalidDocument("the alert does not make sense", diagnostics));
    AlertRevision revision{alert->id,
                           alert->revision,
                           content::levelName(alert->level),
                           alert->mustAcknowledge,
                           alert->validFrom,
                           alert->validTo,
                           alert->title,
                           content::writeAlert(*alert)};
    runStorage(
        env,
        [tenantId = who.tenantId, revision, actor = actorOf(who, env)](sqlite::Database& db) {
            return publishAlert(db, tenantId, revision, actor);
        },
        [env, tenantId = who.tenantId, revision, warnings = diagnosticsJson(diagnostics)](
            sqlite::Result<std::variant<Published, Conflict>> outcome) {
            if (!outcome)
                return env.reply(internalError(outcome.error()));
            if (const auto* stale = std::get_if<Conflict>(&*outcome))
                return env.reply(errorResponse(http::status::conflict,
                                               "revision " + std::to_string(revision.revision) +
                                                   " of " + revision.id +
                                                   " is not newer than its newest revision " +
                                                   std::to_string(stale->currentRevision),
                                               {{"current_revision", stale->currentRevision}}));
            const auto seq = std::get<Published>(*outcome).seq;
            // The alert travels with the notice: every desk has it at once.
            notifyChange(env, tenantId, seq,
                         Change{seq, "alert", revision.id, revision.revision, revision.xml});
            env.reply(
                jsonResponse(http::status::created, json::object{{"id", revision.id},
                                                                 {"revision", revision.revision},
                                                                 {"seq", seq},
                                                                 {"warnings", warnings}}));
        });
}

void retireAlertRoute(const Env& env, Call& call, const Identity& who) {
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id"), actor = actorOf(who, env)](
            sqlite::Database& db) { return retireAlert(db, tenantId, id, actor); },
        [env, tenantId = who.tenantId,
         id = call.param("id")](sqlite::Result<std::variant<Published, NotFound>> outcome) {
            if (!outcome)
                return env.reply(internalError(outcome.error()));
            if (std::holds_alternative<NotFound>(*outcome))
                return env.reply(errorResponse(http::status::not_found, "no such published alert"));
            const auto [seq, revision] = std::get<Published>(*outcome);
            notifyChange(env, tenantId, seq, Change{seq, "alert_retired", id, revision, {}});
            env.reply(jsonResponse(http::status::ok, json::object{{"id", id},
                                                                  {"revision", revision},
                                                                  {"state", "retired"},
                                                                  {"seq", seq}}));
        });
}

void acknowledgementsRoute(const Env& env, Call& call, const Identity& who) {
    runStorage(
        env,
        [tenantId = who.tenantId, id = call.param("id")](sqlite::Database& db) {
            return acknowledgements(db, tenantId, id);
        },
        [env](sqlite::Result<std::optional<AcknowledgementReport>> report) {
            if (!report)
                return env.reply(internalError(report.error()));
            if (!*report)
                return env.reply(errorResponse(http::status::not_found, "no such published alert"));
            // The rule of five (evidence.h): a number of desks that did, or
            // did not yet, acknowledge is given only when it is 0 or at least
            // kMinPeople; a team of fewer desks gets no figure at all.
            json::array teams;
            std::int64_t acknowledged = 0;
            std::int64_t desks = 0;
            bool complete = true;
            for (const auto& team : (*report)->teams) {
                const auto missing = team.desks - team.acknowledged;
                json::object entry{{"team", team.team},
                                   {"acknowledged", nullptr},
                                   {"complete", nullptr},
                                   {"desks", team.desks}};
                if (team.desks >= kMinPeople) {
                    entry["complete"] = missing == 0;
                    if (team.acknowledged >= kMinPeople &&
                        (missing == 0 || missing >= kMinPeople)) {
                        entry["acknowledged"] = team.acknowledged;
                        acknowledged += team.acknowledged;
                    }
                }
                // Only teams that may be told about: a small team never tips it.
                if (team.desks >= kMinPeople)
                    complete = complete && missing == 0;
                teams.push_back(std::move(entry));
                desks += team.desks;
            }
            env.reply(jsonResponse(http::status::ok,
                                   json::object{{"id", (*report)->alertId},
                                                {"revision", (*report)->revision},
                                                {"must_acknowledge", (*report)->mustAcknowledge},
                                                {"acknowledged", acknowledged},
                                                {"complete", complete},
                                                {"desks", desks},
                                                {"teams", std::move(teams)}}));
        });
}

} // namespace souffleur::server
