// Private: what every route handler gets from the dispatcher (api.cpp), the
// helpers they share, and the handlers themselves, one file per area:
//   guides.cpp   guides and their lifecycle, the change feed, push
//   alerts.cpp   alerts and their acknowledgements
//   records.cpp  records from the desks, feedback, the teams' logbook and AAR records
//   aar.cpp      the evidence for After Action Reviews, AARs and their actions, lessons
//   media.cpp    pictures for guides
//   review.cpp   review comments and the authors' notices
//   health.cpp   content health and sources
// Handlers validate their input on the I/O thread and touch the store only
// through runStorage(), whose completion answers on the connection's strand.
#pragma once

#include "routes/api.h"

#include <souffleur/content/diagnostic.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/log.h>
#include <souffleur/server/review_store.h>

#include <boost/json/serialize.hpp>
#include <boost/url/url.hpp>
#include <boost/url/url_view.hpp>

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::server {

namespace json = boost::json;
namespace urls = boost::urls;

// One admitted request, its body read, on its way through a route.
struct Call {
    urls::url url;     // the parsed target, for the query parameters
    PathParams params; // the {…} segments of the route's path, by name
    Request request;

    // The value of the route's path segment {name}: param("id") for
    // "api/v1/guides/{id}". Throws MissingPathParameter when the route's
    // pattern has no {name} (a bug, answered 500), never "".
    const std::string& param(std::string_view name) const { return params.at(name); }
};

// Where a route answers.
struct Env {
    std::shared_ptr<ServerContext> context;
    Peer peer;
    Reply reply;
    Upgrade upgrade;
};

using Handler = void (*)(const Env&, Call&, const Identity&);

// --- Shared helpers ------------------------------------------------------------

Response internalError(const sqlite::Error& error);

// Runs `work` on the storage thread and `done` with its result on the strand;
// answers 503 when the server is already stopping.
template <typename Work, typename Done>
void runStorage(const Env& env, Work work, Done done) {
    if (!env.context->storage.run(env.peer.executor, std::move(work), std::move(done)))
        env.reply(errorResponse(http::status::service_unavailable, "the server is stopping"));
}

std::optional<std::int64_t> parseInteger(std::string_view text);
// The string member `key` of a JSON body (null `object`: none), or nullopt
// when it is absent or not a string.
std::optional<std::string> stringMember(const json::object* object, std::string_view key);
// The decoded value of query parameter `key`, or nullopt.
std::optional<std::string> queryParameter(const urls::url_view& url, std::string_view key);

// Free text people write that others read (a change note, a comment, a
// reason, a source's title): the 422 that refuses it when the privacy guard
// (protocol/privacy.h) finds a citizen's personal data in it, naming the
// kind ({"error": "the WHAT looks like it holds personal data (bsn); HINT",
// "personal_data": "bsn"}), or nullopt.
std::optional<Response> personalDataRefusal(std::string_view text, std::string_view what,
                                            std::string_view hint = {});

// 422 {"error": what, "diagnostics": [{"line", "column", "severity", "message"}]}
Response invalidDocument(std::string_view what, const content::Diagnostics& diagnostics);
json::array diagnosticsJson(const content::Diagnostics& diagnostics);

Actor actorOf(const Identity& who, const Env& env);

// One change of the feed as it goes over the wire (docs/api.md, "Change feed").
json::object changeJson(const Change& change);

// Tells the tenant's connected clients that the feed advanced to `seq`;
// `change`, when given, travels with the notice so that desks need not ask.
void notifyChange(const Env& env, std::int64_t tenantId, std::int64_t seq,
                  const std::optional<Change>& change = std::nullopt);

// Pushes each notice to its account's open sessions (review_store.h):
// {"type": "notice", "notice": {...}} as listed by GET /api/v1/notices.
void pushNotices(const Env& env, std::int64_t tenantId, const std::vector<NoticeOut>& notices);

// Page of a list (?limit=N&offset=M: 1..500, default 100), or the 400 that refuses it.
std::expected<std::pair<std::int64_t, std::int64_t>, Response> page(const Call& call);

// Whose team records (logbook, AARs, evidence) a caller may see. Desk
// accounts and team leads see their own team's only: naming another team is
// a 403, audited like the route's own refusals. Authors, reviewers and admins
// see any team of their tenant, or all of them when they name none; a name
// that is no team of the tenant (another tenant's team, say) is a 404.
bool ownTeamOnly(const Identity& who);
enum class ScopeRefusal { Forbidden, NoSuchTeam };
using TeamScope = std::expected<std::optional<std::int64_t>, ScopeRefusal>;
sqlite::Result<TeamScope> teamScope(sqlite::Database& db, const Identity& who,
                                    const std::optional<std::string>& teamName,
                                    const std::string& auditTarget, const std::string& remote);
Response scopeRefusalResponse(ScopeRefusal refusal);

// --- Handlers ----------------------------------------------------------------

void healthRoute(const Env& env, Call& call, const Identity& who);
void metricsRoute(const Env& env, Call& call, const Identity& who);

void publishGuideRoute(const Env& env, Call& call, const Identity& who);
void listGuidesRoute(const Env& env, Call& call, const Identity& who);
void getGuideRoute(const Env& env, Call& call, const Identity& who);
void retireGuideRoute(const Env& env, Call& call, const Identity& who);
void listRevisionsRoute(const Env& env, Call& call, const Identity& who);
void saveRevisionRoute(const Env& env, Call& call, const Identity& who);
void getRevisionRoute(const Env& env, Call& call, const Identity& who);
void submitRevisionRoute(const Env& env, Call& call, const Identity& who);
void publishRevisionRoute(const Env& env, Call& call, const Identity& who);
void rejectRevisionRoute(const Env& env, Call& call, const Identity& who);
void reviewQueueRoute(const Env& env, Call& call, const Identity& who);
void libraryRoute(const Env& env, Call& call, const Identity& who);
void rollbackRoute(const Env& env, Call& call, const Identity& who);
void diffRoute(const Env& env, Call& call, const Identity& who);
// review.cpp
void listCommentsRoute(const Env& env, Call& call, const Identity& who);
void addCommentRoute(const Env& env, Call& call, const Identity& who);
void resolveCommentRoute(const Env& env, Call& call, const Identity& who);
void listNoticesRoute(const Env& env, Call& call, const Identity& who);
void readNoticesRoute(const Env& env, Call& call, const Identity& who);
// health.cpp
void healthRegisterRoute(const Env& env, Call& call, const Identity& who);
void listSourcesRoute(const Env& env, Call& call, const Identity& who);
void saveSourceRoute(const Env& env, Call& call, const Identity& who);
// media.cpp
void storeMediaRoute(const Env& env, Call& call, const Identity& who);
void getMediaRoute(const Env& env, Call& call, const Identity& who);
void changesRoute(const Env& env, Call& call, const Identity& who);
void notifyRoute(const Env& env, Call& call, const Identity& who);

void listAlertsRoute(const Env& env, Call& call, const Identity& who);
void publishAlertRoute(const Env& env, Call& call, const Identity& who);
void retireAlertRoute(const Env& env, Call& call, const Identity& who);
void acknowledgementsRoute(const Env& env, Call& call, const Identity& who);

void recordsRoute(const Env& env, Call& call, const Identity& who);
void listFeedbackRoute(const Env& env, Call& call, const Identity& who);
void updateFeedbackRoute(const Env& env, Call& call, const Identity& who);
void listLogbookRoute(const Env& env, Call& call, const Identity& who);
void listAarRecordsRoute(const Env& env, Call& call, const Identity& who);
// aar.cpp
void evidenceRoute(const Env& env, Call& call, const Identity& who);
void aarReportRoute(const Env& env, Call& call, const Identity& who);
void listAarsRoute(const Env& env, Call& call, const Identity& who);
void createAarRoute(const Env& env, Call& call, const Identity& who);
void getAarRoute(const Env& env, Call& call, const Identity& who);
void updateAarRoute(const Env& env, Call& call, const Identity& who);
void addActionRoute(const Env& env, Call& call, const Identity& who);
void updateActionRoute(const Env& env, Call& call, const Identity& who);
void openActionsRoute(const Env& env, Call& call, const Identity& who);
void lessonsRoute(const Env& env, Call& call, const Identity& who);
void listTeamsRoute(const Env& env, Call& call, const Identity& who);
void whoAmIRoute(const Env& env, Call& call, const Identity& who);
void privacyRoute(const Env& env, Call& call, const Identity& who);

} // namespace souffleur::server
