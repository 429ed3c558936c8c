// xAPI statements and their queue (see xapi.h; the verbs and activity ids in
// docs/xapi.md).
#include "sql.h"

#include <souffleur/server/aar_store.h>
#include <souffleur/server/auth.h>
#include <souffleur/server/xapi.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <map>

namespace souffleur::server {
namespace {

namespace json = boost::json;

constexpr std::string_view kAdlVerbs = "http://adlnet.gov/expapi/verbs/";
constexpr std::string_view kAdlActivities = "http://adlnet.gov/expapi/activities/";
// Souffleur's own verb, where ADL has none.
constexpr std::string_view kEscalatedVerb = "urn:x-souffleur:xapi:verb:escalated";
constexpr std::string_view kVersion = "1.0.3";

json::object verb(std::string_view id, std::string_view display) {
    const std::string iri =
        id.starts_with("urn:") ? std::string(id) : std::string(kAdlVerbs) + std::string(id);
    return {{"id", iri}, {"display", json::object{{"en-US", display}}}};
}

std::string segment(std::string_view text) {
    return boost::urls::encode(text, boost::urls::unreserved_chars);
}

std::string trimmed(std::string_view url) {
    while (url.ends_with('/'))
        url.remove_suffix(1);
    return std::string(url);
}

std::string guideIri(const XapiSettings& s, std::string_view guide) {
    return trimmed(s.homePage) + "/souffleur/guides/" + segment(guide);
}

json::object activity(std::string id, std::string_view type, std::string_view name) {
    json::object definition{{"type", std::string(kAdlActivities) + std::string(type)}};
    if (!name.empty())
        definition["name"] = json::object{{"nl-NL", name}};
    return {
        {"objectType", "Activity"}, {"id", std::move(id)}, {"definition", std::move(definition)}};
}

json::object group(const XapiSettings& s, std::string_view team) {
    return {{"objectType", "Group"},
            {"name", team},
            {"account", json::object{{"homePage", s.homePage}, {"name", team}}}};
}

// "PT12.5S": an ISO 8601 duration, to the hundredth of a second.
std::string duration(std::int64_t ms) {
    char out[48];
    std::snprintf(out, sizeof out, "PT%lld.%02lldS", static_cast<long long>(ms / 1000),
                  static_cast<long long>((ms % 1000) / 10));
    return out;
}

bool isUrl(std::string_view text) {
    const auto url = boost::urls::parse_uri(text);
    return url && (url->scheme() == "http" || url->scheme() == "https") && url->has_authority() &&
           !url->host().empty();
}

sqlite::Result<void> queue(sqlite::Database& db, std::int64_t tenantId, const std::string& id,
                           json::object statement) {
    statement["id"] = id;
    statement["version"] = kVersion;
    const std::string now = sql::isoNow();
    return db.execute("INSERT OR IGNORE INTO xapi_queue (tenant_id, statement_id, statement, "
                      "next_at, created_at) VALUES (?, ?, ?, ?, ?)",
                      tenantId, id, json::serialize(statement), now, now);
}

} // namespace

std::string statementId(std::int64_t tenantId, std::string_view kind, std::string_view recordId) {
    const std::string name =
        std::to_string(tenantId) + ":" + std::string(kind) + ":" + std::string(recordId);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(name.data(), name.size(), digest.data(), &size, EVP_sha256(), nullptr);
    digest[6] = static_cast<unsigned char>((digest[6] & 0x0FU) | 0x50U); // version 5 layout
    digest[8] = static_cast<unsigned char>((digest[8] & 0x3FU) | 0x80U); // RFC 4122 variant
    std::string out;
    constexpr std::string_view kHex = "0123456789abcdef";
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += kHex[digest[i] >> 4U];
        out += kHex[digest[i] & 0x0FU];
    }
    return out;
}

sqlite::Result<std::optional<XapiSettings>> xapiSettings(sqlite::Database& db,
                                                         std::int64_t tenantId) {
    auto stmt = db.prepare("SELECT xapi_on, coalesce(xapi_endpoint, ''), coalesce(xapi_key, ''), "
                           "coalesce(xapi_secret, ''), coalesce(home_page, '') FROM "
                           "tenant_settings WHERE tenant_id = ? AND xapi_endpoint IS NOT NULL",
                           tenantId);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto found = stmt->step();
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return std::optional<XapiSettings>();
    return std::optional(XapiSettings{stmt->columnInt(0) != 0, stmt->columnText(1),
                                      stmt->columnText(2), stmt->columnText(3),
                                      stmt->columnText(4)});
}

sqlite::Result<std::expected<void, std::string>>
setXapi(sqlite::Database& db, std::int64_t tenantId, XapiSettings settings) {
    using Outcome = std::expected<void, std::string>;
    if (!isUrl(settings.endpoint))
        return Outcome(std::unexpected("the endpoint is the LRS's https:// URL"));
    // The key and secret travel with every request: plain HTTP only on this machine.
    const auto endpoint = boost::urls::parse_uri(settings.endpoint);
    const std::string host(endpoint->host_address());
    if (endpoint->scheme() != "https" && host != "127.0.0.1" && host != "::1" &&
        host != "localhost")
        return Outcome(std::unexpected(
            "the LRS must be reached over https:// (plain http:// only on this machine)"));
    if (settings.key.empty() || settings.secret.empty())
        return Outcome(std::unexpected("the LRS needs a key and a secret (Basic authentication)"));
    if (settings.homePage.empty()) {
        // The organisation's home page names its teams' accounts: by default
        // the LRS's own site.
        const auto url = boost::urls::parse_uri(settings.endpoint);
        settings.homePage =
            std::string(url->scheme()) + "://" + std::string(url->encoded_host_and_port());
    }
    if (!isUrl(settings.homePage))
        return Outcome(std::unexpected("the home page is an http:// or https:// URL"));
    if (auto ok = db.execute(
            "INSERT INTO tenant_settings (tenant_id, xapi_endpoint, xapi_key, xapi_secret, "
            "home_page, xapi_on) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (tenant_id) DO UPDATE SET "
            "xapi_endpoint = excluded.xapi_endpoint, xapi_key = excluded.xapi_key, "
            "xapi_secret = excluded.xapi_secret, home_page = excluded.home_page, xapi_on = 1",
            tenantId, trimmed(settings.endpoint), settings.key, settings.secret,
            trimmed(settings.homePage));
        !ok)
        return std::unexpected(ok.error());
    return Outcome();
}

sqlite::Result<void> xapiOff(sqlite::Database& db, std::int64_t tenantId) {
    return db.execute("UPDATE tenant_settings SET xapi_on = 0 WHERE tenant_id = ?", tenantId);
}

sqlite::Result<void> queueRecordStatements(sqlite::Database& db, const Identity& who,
                                           std::span<const protocol::Record* const> records) {
    if (!who.teamId || records.empty())
        return {}; // never a person: without a team there is no actor
    auto settings = xapiSettings(db, who.tenantId);
    if (!settings)
        return std::unexpected(settings.error());
    if (!*settings || !(*settings)->on)
        return {};
    const XapiSettings& s = **settings;
    auto team = db.queryText("SELECT name FROM teams WHERE id = ?", *who.teamId);
    if (!team)
        return std::unexpected(team.error());
    std::map<std::string, std::string> titles;
    const auto titleOf = [&](const std::string& guide) -> sqlite::Result<std::string> {
        if (const auto found = titles.find(guide); found != titles.end())
            return found->second;
        auto title = db.queryText("SELECT title FROM revisions WHERE tenant_id = ? AND "
                                  "guide_id = ? AND state = 'published'",
                                  who.tenantId, guide);
        if (!title)
            return std::unexpected(title.error());
        return titles[guide] = title->value_or("");
    };
    const json::object actor = group(s, team->value_or(""));

    for (const auto* record : records) {
        const std::string guide(record->text("guide"));
        auto title = titleOf(guide);
        if (!title)
            return std::unexpected(title.error());
        const json::object guideActivity = activity(guideIri(s, guide), "performance", *title);
        const auto step = record->optionalText("step");
        const auto stepActivity = [&] {
            return activity(guideIri(s, guide) + "/steps/" + segment(*step), "interaction",
                            std::string(*step));
        };
        json::object statement{{"actor", actor}, {"timestamp", record->text("at")}};
        json::object context{{"platform", "Souffleur"}, {"language", "nl-NL"}};
        json::object result;
        if (record->type() == "event") {
            const auto kind = record->text("event");
            context["registration"] = statementId(who.tenantId, "session", record->text("session"));
            if (kind == "started") {
                statement["verb"] = verb("initialized", "initialized");
                statement["object"] = guideActivity;
            } else if (kind == "finished" || kind == "abandoned") {
                statement["verb"] = verb(kind == "finished" ? "completed" : "terminated",
                                         kind == "finished" ? "completed" : "terminated");
                statement["object"] = guideActivity;
                result["completion"] = kind == "finished";
            } else if (step && (kind == "step_done" || kind == "decision" || kind == "escalated")) {
                statement["object"] = stepActivity();
                context["contextActivities"] = json::object{{"parent", json::array{guideActivity}}};
                if (kind == "step_done")
                    statement["verb"] = verb("completed", "completed");
                else if (kind == "decision")
                    statement["verb"] = verb("answered", "answered");
                else
                    statement["verb"] = verb(kEscalatedVerb, "escalated");
                if (const auto option = record->optionalText("option"))
                    result["response"] = *option;
                if (const auto ms = record->optionalInteger("duration_ms"))
                    result["duration"] = duration(*ms);
            } else {
                continue; // shown, back, skipped: not sent
            }
        } else if (record->type() == "feedback") {
            // What kind of feedback, never its text.
            statement["verb"] = verb("commented", "commented");
            statement["object"] = step ? stepActivity() : guideActivity;
            if (step)
                context["contextActivities"] = json::object{{"parent", json::array{guideActivity}}};
            result["response"] = record->text("kind");
            // A feedback record has no time of its own: the LRS stamps it (and
            // a resend stays the same statement).
            statement.erase("timestamp");
        } else {
            continue;
        }
        if (!result.empty())
            statement["result"] = std::move(result);
        statement["context"] = std::move(context);
        if (auto ok = queue(db, who.tenantId,
                            statementId(who.tenantId, record->type(), record->text("id")),
                            std::move(statement));
            !ok)
            return ok;
    }
    return {};
}

sqlite::Result<void> queueAarStatement(sqlite::Database& db, std::int64_t tenantId,
                                       const Aar& aar) {
    auto settings = xapiSettings(db, tenantId);
    if (!settings)
        return std::unexpected(settings.error());
    if (!*settings || !(*settings)->on)
        return {};
    const XapiSettings& s = **settings;
    json::array guides;
    for (const auto& guide : aar.guides)
        guides.push_back(activity(guideIri(s, guide), "performance", ""));
    json::object context{{"platform", "Souffleur"}, {"language", "nl-NL"}};
    if (!guides.empty())
        context["contextActivities"] = json::object{{"other", std::move(guides)}};
    json::object statement{
        {"actor", group(s, aar.team)},
        {"verb", verb("attended", "attended")},
        {"object", activity(trimmed(s.homePage) + "/souffleur/aars/" + segment(aar.id), "meeting",
                            aar.title)},
        {"result", json::object{{"completion", true}}},
        {"context", std::move(context)},
        {"timestamp", aar.at + "T12:00:00Z"}};
    return queue(db, tenantId, statementId(tenantId, "aar", aar.id), std::move(statement));
}

sqlite::Result<std::optional<XapiBatch>> dueStatements(sqlite::Database& db, std::size_t limit) {
    const std::string now = sql::isoNow();
    auto tenant = db.queryInt("SELECT q.tenant_id FROM xapi_queue AS q JOIN tenant_settings AS s "
                              "ON s.tenant_id = q.tenant_id WHERE q.state = 'queued' AND "
                              "s.xapi_on = 1 AND q.next_at <= ? ORDER BY q.next_at LIMIT 1",
                              now);
    if (!tenant)
        return std::unexpected(tenant.error());
    if (!*tenant)
        return std::optional<XapiBatch>();
    auto settings = xapiSettings(db, **tenant);
    if (!settings)
        return std::unexpected(settings.error());
    XapiBatch batch{**tenant, settings->value_or(XapiSettings{}), {}, {}};
    auto stmt = db.prepare("SELECT id, statement FROM xapi_queue WHERE tenant_id = ? AND "
                           "state = 'queued' AND next_at <= ? ORDER BY id LIMIT ?",
                           **tenant, now, static_cast<std::int64_t>(limit));
    if (!stmt)
        return std::unexpected(stmt.error());
    auto read = stmt->forEachRow([&](const sqlite::Statement& row) {
        batch.rows.push_back(row.columnInt(0));
        batch.statements.push_back(row.columnText(1));
    });
    if (!read)
        return std::unexpected(read.error());
    return std::optional(std::move(batch));
}

namespace {

template <typename Bind>
sqlite::Result<void> forRows(sqlite::Database& db, std::string_view sql,
                             std::span<const std::int64_t> rows, Bind bind) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto stmt = db.prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    for (const auto row : rows) {
        bind(stmt->reset(), row);
        if (auto ok = stmt->run(); !ok)
            return ok;
    }
    return tx->commit();
}

} // namespace

sqlite::Result<void> statementsDelivered(sqlite::Database& db, std::span<const std::int64_t> rows) {
    return forRows(db, "DELETE FROM xapi_queue WHERE id = ?", rows,
                   [](sqlite::Statement& stmt, std::int64_t row) { stmt.bindAll(row); });
}

sqlite::Result<void> statementsDeferred(sqlite::Database& db, std::span<const std::int64_t> rows,
                                        const std::string& error, std::chrono::seconds first,
                                        std::chrono::seconds longest) {
    return forRows(db,
                   "UPDATE xapi_queue SET attempts = attempts + 1, last_error = ?1, next_at = "
                   "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+' || min(?2 * (1 << min(attempts, "
                   "20)), ?3) || ' seconds') WHERE id = ?4",
                   rows, [&](sqlite::Statement& stmt, std::int64_t row) {
                       stmt.bindAll(error, static_cast<std::int64_t>(first.count()),
                                    static_cast<std::int64_t>(longest.count()), row);
                   });
}

sqlite::Result<void> statementsParked(sqlite::Database& db, std::span<const std::int64_t> rows,
                                      const std::string& error) {
    return forRows(db,
                   "UPDATE xapi_queue SET state = 'parked', attempts = attempts + 1, "
                   "last_error = ? WHERE id = ?",
                   rows,
                   [&](sqlite::Statement& stmt, std::int64_t row) { stmt.bindAll(error, row); });
}

sqlite::Result<XapiQueueState> xapiQueueState(sqlite::Database& db, std::int64_t tenantId) {
    XapiQueueState out;
    auto stmt = db.prepare("SELECT sum(state = 'queued'), sum(state = 'parked'), "
                           "min(CASE WHEN state = 'queued' THEN created_at END) FROM xapi_queue "
                           "WHERE tenant_id = ?",
                           tenantId);
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (*row) {
        out.queued = stmt->columnInt(0);
        out.parked = stmt->columnInt(1);
        out.oldestQueued = stmt->columnOptionalText(2);
    }
    auto error = db.queryText("SELECT last_error FROM xapi_queue WHERE tenant_id = ? AND "
                              "last_error IS NOT NULL ORDER BY id DESC LIMIT 1",
                              tenantId);
    if (!error)
        return std::unexpected(error.error());
    out.lastError = *error;
    return out;
}

} // namespace souffleur::server
