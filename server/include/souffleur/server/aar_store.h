// After Action Reviews on the store (docs/api.md, "After Action Reviews"):
// a team's review of a period, made in the studio by its team lead (or an
// editor), answering the four questions, with the actions it agreed.
//
//  - An AAR belongs to one team, looks at one or more guides over whole
//    months (evidence.h), and is a draft until the facilitator closes it
//    (final). Its lesson may be shared with the other teams of the tenant.
//  - An action has a text, an owner (a role or a name the team types), a due
//    date and a state (open, doing, done, dropped). An action about a guide
//    becomes an item of that guide's inbox (feedback of kind "action", from
//    the team, with the editors of the owner team notified); what the editors
//    do with it (planned, applied in revision N, declined with a reason)
//    comes back with the action.
//  - Actions still open are carried into the team's next AAR.
// AARs that desks sent as records (records.h, "aar") are listed here too, as final.
#pragma once

#include <souffleur/protocol/aar.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/review_store.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::server {

inline constexpr std::size_t kMaxAarTextLength = 4000;
inline constexpr std::size_t kMaxAarGuides = 10;

// "open", "doing", "done", "dropped".
std::span<const std::string_view> actionStates();

// An action, with whether it is still open: neither closed by the team
// (done, dropped) nor handled by the editors (applied, declined, duplicate).
using AarActionItem = protocol::AarAction;

// An AAR and the team it belongs to.
struct Aar : protocol::Aar {
    std::int64_t teamId = 0;
};

struct NewAar {
    std::int64_t teamId = 0;
    std::int64_t accountId = 0; // kept for the audit only
    std::string title;
    std::string at;
    std::vector<std::string> guides;
    std::string from;
    std::string to;
};
sqlite::Result<Aar> createAar(sqlite::Database& db, std::int64_t tenantId, const NewAar& aar,
                              const Actor& actor);

sqlite::Result<std::optional<Aar>> findAar(sqlite::Database& db, std::int64_t tenantId,
                                           std::string_view id);

// What a save changes: only the fields given.
struct AarUpdate {
    std::optional<std::string> title, expected, happened, why, improve, lesson, state, from, to;
    std::optional<std::vector<std::string>> guides;
    std::optional<bool> shared;
};
sqlite::Result<std::optional<Aar>> updateAar(sqlite::Database& db, std::int64_t tenantId,
                                             std::string_view id, const AarUpdate& update,
                                             const Actor& actor);

struct AarFilter {
    std::optional<std::int64_t> teamId;
    std::int64_t limit = 100;
    std::int64_t offset = 0;
};
// Newest first, without their actions.
sqlite::Result<std::vector<Aar>> listAars(sqlite::Database& db, std::int64_t tenantId,
                                          const AarFilter& filter);

struct NewAction {
    std::string text;
    std::string owner;
    std::optional<std::string> due;
    std::optional<std::string> guideId;
    std::optional<std::string> step;
};
struct ActionAdded {
    AarActionItem action;
    std::vector<NoticeOut> notices; // to the editors of the guide's owner team
};
// nullopt when there is no such AAR.
sqlite::Result<std::optional<ActionAdded>> addAction(sqlite::Database& db, std::int64_t tenantId,
                                                     std::string_view aarId,
                                                     const NewAction& action, const Actor& actor);

struct ActionUpdate {
    std::optional<std::string> text, owner, due, state;
};
sqlite::Result<std::optional<AarActionItem>>
updateAction(sqlite::Database& db, std::int64_t tenantId, std::string_view aarId, int position,
             const ActionUpdate& update, const Actor& actor);

// A team's actions still open, oldest AAR first (carried into its next AAR);
// every team's when nullopt.
sqlite::Result<std::vector<AarActionItem>> openActions(sqlite::Database& db, std::int64_t tenantId,
                                                       std::optional<std::int64_t> teamId);

// The lessons teams shared, newest first.
sqlite::Result<std::vector<Aar>> sharedLessons(sqlite::Database& db, std::int64_t tenantId,
                                               std::int64_t limit);

} // namespace souffleur::server
