// `souffleur-server --demo`: a demo municipality with two desk teams and the
// content team that owns the Burgerzaken guides, one account per role and the
// guides and alerts of a library directory, so the overlay and the authoring
// tool have something to talk to. Runs before the server starts.
//
// On a store without tenants it seeds the tenant, teams and accounts, and,
// once the library is published, the co-creation loop under way: two tips
// from the desks on the BRP extract (one with a suggested wording) and a
// revision of it in review with a change note and a reviewer's comment. On a
// store that already holds the demo tenant it keeps all data. Either way it
// publishes the library's guides and alerts (alerts/*.xml) whose revision is
// newer than the store's, and revokes the demo accounts' old tokens and
// issues new ones, which writeDemoTokens() puts in DIR/demo-tokens.json. A
// store with other tenants but no demo tenant is refused.
#pragma once

#include <souffleur/server/auth.h>
#include <souffleur/sqlite/sqlite.h>

#include <expected>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace souffleur::server {

inline constexpr const char* kDemoTenant = "Gemeente Voorbeeld (demo)";

struct DemoAccount {
    std::string name;
    Role role = Role::Desk;
    std::optional<std::string> team;
    std::string token;
};

// Seeds (when needed) and re-issues the tokens; returns the accounts with their new tokens.
std::expected<std::vector<DemoAccount>, std::string>
seedDemo(sqlite::Database& db, const std::filesystem::path& libraryDir);

// DIR/demo-tokens.json
std::filesystem::path demoTokensPath(const std::filesystem::path& dataDir);

// A JSON array with one account object per line, file mode 0600.
std::expected<void, std::string> writeDemoTokens(const std::filesystem::path& file,
                                                 std::span<const DemoAccount> accounts);

} // namespace souffleur::server
