// Who may do what: roles, bearer tokens and the access check every /api/v1
// route runs first (docs/api.md, "Authentication and roles").
//
// A token is 32 random bytes from OpenSSL, hex-encoded, shown once to whoever
// issued it; the store keeps only its SHA-256 hash. A token belongs to one
// account, which has one role in one tenant (and usually one team). A 403 (a
// known account) is written to the audit log by authorize(); a 401 is only
// reported, and the server counts those per address (src/auth_failures.h),
// so a flood of tokenless requests costs no durable write each.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <chrono>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::server {

// A team lead facilitates its own team's After Action Reviews: it reads that
// team's evidence, logbook and AARs and writes its AARs and actions.
enum class Role { Desk, Author, Reviewer, Admin, TeamLead };

// "desk", "author", "reviewer", "admin", "team_lead": the names in the store and the API.
std::string_view roleName(Role role);
std::optional<Role> parseRole(std::string_view name);

// The roles a route admits.
class RoleSet {
public:
    constexpr RoleSet(std::initializer_list<Role> roles) {
        for (const Role role : roles)
            m_bits |= bit(role);
    }
    constexpr bool contains(Role role) const { return (m_bits & bit(role)) != 0; }

private:
    static constexpr unsigned bit(Role role) { return 1U << static_cast<unsigned>(role); }
    unsigned m_bits = 0;
};

inline constexpr RoleSet kAnyRole{Role::Desk, Role::Author, Role::Reviewer, Role::Admin,
                                  Role::TeamLead};
// Who reads and writes After Action Reviews: team leads (their own team's),
// and the editors (any team of their tenant).
inline constexpr RoleSet kTeamRoles{Role::TeamLead, Role::Author, Role::Reviewer, Role::Admin};
inline constexpr RoleSet kEditorRoles{Role::Author, Role::Reviewer, Role::Admin};

// The account behind a valid token.
struct Identity {
    std::int64_t accountId = 0;
    std::int64_t tenantId = 0;
    std::optional<std::int64_t> teamId; // reviewers and admins may have none
    std::string name;
    Role role = Role::Desk;
    std::string tokenHash; // of the token that authenticated, to check it again later
};

// The token of an Authorization header's "Bearer TOKEN" (the scheme in any
// case), or empty.
std::string_view bearerToken(std::string_view authorization);
// 32 random bytes (OpenSSL RAND_bytes) as 64 lowercase hex digits.
std::expected<std::string, std::string> generateToken();
// Lowercase hex SHA-256 of the token: what the store keeps.
std::string hashToken(std::string_view token);

// Issues a new token for the account, valid for `validity`; returns the token.
sqlite::Result<std::string> issueToken(sqlite::Database& db, std::int64_t accountId,
                                       std::chrono::seconds validity);
// Revokes every token of the account.
sqlite::Result<void> revokeTokens(sqlite::Database& db, std::int64_t accountId);
// The identity behind an unrevoked, unexpired token, or nullopt.
sqlite::Result<std::optional<Identity>> authenticate(sqlite::Database& db, std::string_view token);
// Which of these token hashes still belong to unrevoked, unexpired tokens (for
// connections that stay open: the notify WebSockets are checked again).
sqlite::Result<std::vector<std::string>> stillValid(sqlite::Database& db,
                                                    const std::vector<std::string>& tokenHashes);

enum class AuthFailure {
    NoToken,      // 401: no bearer token
    UnknownToken, // 401: an unknown, revoked or expired token
    Forbidden,    // 403: the account's role may not use the route
};

// "no_token", "unknown_token", "forbidden": the audit log's outcomes.
std::string_view authFailureName(AuthFailure failure);

struct AccessRequest {
    std::string authorization; // the Authorization header as sent, "Bearer TOKEN"
    RoleSet allowed = kAnyRole;
    std::string route;  // "POST /api/v1/guides", for the audit log
    std::string remote; // the peer's address, for the audit log
};

// Authenticates and checks the role; audits a refusal of a known account (403).
sqlite::Result<std::expected<Identity, AuthFailure>> authorize(sqlite::Database& db,
                                                               const AccessRequest& request);

// The access marker, DATA/access-changed: replaced by `souffleur-server
// admin` after it changed tokens or accounts, so that a running server stops
// trusting the tokens it holds in memory at once (src/token_directory.h).
std::filesystem::path accessMarkerPath(const std::filesystem::path& dataDir);
std::expected<void, std::string> noteAccessChange(const std::filesystem::path& dataDir);

} // namespace souffleur::server
