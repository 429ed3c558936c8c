// The demo seeding (see demo.h): tenant, teams, accounts, the library's
// guides, and fresh tokens on every start.
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/demo.h>
#include <souffleur/server/log.h>
#include <souffleur/server/storage.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <variant>

namespace souffleur::server {
namespace {

using namespace std::chrono_literals;

constexpr auto kTokenValidity = std::chrono::seconds(90 * 24h);

struct DemoAccountSpec {
    const char* name;
    Role role;
    const char* team; // nullptr: no team
};

constexpr std::array<const char*, 2> kDemoTeams = {"Balie Noord", "Balie Zuid"};
constexpr std::array<DemoAccountSpec, 5> kDemoAccounts = {{
    {"balie-noord-1", Role::Desk, "Balie Noord"},
    {"balie-zuid-1", Role::Desk, "Balie Zuid"},
    {"redacteur", Role::Author, "Balie Noord"},
    {"kwaliteit", Role::Reviewer, nullptr},
    {"beheer", Role::Admin, nullptr},
}};

std::string describe(const sqlite::Error& error) {
    return "demo: " + error.message;
}

// Tenant, teams and accounts, in one transaction.
sqlite::Result<std::int64_t> createDemoTenant(sqlite::Database& db) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    auto tenant = createTenant(db, kDemoTenant);
    if (!tenant)
        return tenant;
    std::array<std::int64_t, kDemoTeams.size()> teamIds{};
    for (std::size_t i = 0; i < kDemoTeams.size(); ++i) {
        auto team = createTeam(db, *tenant, kDemoTeams[i]);
        if (!team)
            return team;
        teamIds[i] = *team;
    }
    for (const auto& spec : kDemoAccounts) {
        NewAccount account{*tenant, std::nullopt, spec.name, spec.role};
        for (std::size_t i = 0; spec.team && i < kDemoTeams.size(); ++i) {
            if (std::string_view(spec.team) == kDemoTeams[i])
                account.teamId = teamIds[i];
        }
        if (auto created = createAccount(db, account); !created)
            return created;
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return tenant;
}

// The *.xml files of a directory, in name order (none when it cannot be read).
std::vector<std::filesystem::path> xmlFiles(const std::filesystem::path& dir) {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.path().extension() == ".xml")
            files.push_back(entry.path());
    }
    if (error)
        logLine("demo: cannot read the library",
                {{"dir", dir.string()}, {"error", error.message()}});
    std::ranges::sort(files);
    return files;
}

// Publishes every guide (*.xml) and alert (alerts/*.xml) of the library whose
// revision is newer than what the store has, so that the demo follows the
// library as it is edited; invalid files are logged and skipped.
sqlite::Result<void> publishLibrary(sqlite::Database& db, std::int64_t tenantId,
                                    const std::filesystem::path& libraryDir) {
    const Actor demo{"demo", "local"};
    std::vector<std::filesystem::path> files = xmlFiles(libraryDir);
    std::ranges::copy(xmlFiles(libraryDir / "alerts"), std::back_inserter(files));
    for (const auto& file : files) {
        auto document = content::loadDocument(file);
        if (!document) {
            boost::json::array diagnostics;
            for (const auto& diagnostic : document.error())
                diagnostics.emplace_back(diagnostic.toString());
            logLine("demo: skipped an invalid file",
                    {{"file", file.string()}, {"diagnostics", std::move(diagnostics)}});
            continue;
        }
        bool published = false;
        std::string id;
        int revision = 0;
        if (const auto* guide = std::get_if<content::Guide>(&*document)) {
            id = guide->id;
            revision = guide->revision;
            auto outcome = publishGuide(
                db, tenantId,
                {guide->id, guide->revision, guide->title, content::writeGuide(*guide)}, demo);
            if (!outcome)
                return std::unexpected(outcome.error());
            published = std::holds_alternative<Published>(*outcome);
        } else {
            const auto& alert = std::get<content::Alert>(*document);
            id = alert.id;
            revision = alert.revision;
            auto outcome = publishAlert(db, tenantId,
                                        {alert.id, alert.revision, content::levelName(alert.level),
                                         alert.mustAcknowledge, alert.validFrom, alert.validTo,
                                         alert.title, content::writeAlert(alert)},
                                        demo);
            if (!outcome)
                return std::unexpected(outcome.error());
            published = std::holds_alternative<Published>(*outcome);
        }
        if (published)
            logLine("demo: published", {{"id", id}, {"revision", revision}});
    }
    return {};
}

// Revokes the demo accounts' tokens and issues new ones, in one transaction.
sqlite::Result<std::vector<DemoAccount>> reissueTokens(sqlite::Database& db,
                                                       std::int64_t tenantId) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    std::vector<DemoAccount> accounts;
    for (const auto& spec : kDemoAccounts) {
        auto accountId = findAccount(db, tenantId, spec.name);
        if (!accountId)
            return std::unexpected(accountId.error());
        if (!*accountId)
            continue; // removed by an administrator: nothing to issue
        if (auto ok = revokeTokens(db, **accountId); !ok)
            return std::unexpected(ok.error());
        auto token = issueToken(db, **accountId, kTokenValidity);
        if (!token)
            return std::unexpected(token.error());
        accounts.push_back({spec.name, spec.role,
                            spec.team ? std::optional<std::string>(spec.team) : std::nullopt,
                            std::move(*token)});
    }
    if (auto ok = tx->commit(); !ok)
        return std::unexpected(ok.error());
    return accounts;
}

} // namespace

std::expected<std::vector<DemoAccount>, std::string>
seedDemo(sqlite::Database& db, const std::filesystem::path& libraryDir) {
    auto tenant = findTenant(db, kDemoTenant);
    if (!tenant)
        return std::unexpected(describe(tenant.error()));
    if (!*tenant) {
        auto tenants = countTenants(db);
        if (!tenants)
            return std::unexpected(describe(tenants.error()));
        if (*tenants > 0)
            return std::unexpected(
                std::string("demo: the data directory holds other tenants but no demo tenant; "
                            "use an empty data directory for the demo"));
        auto created = createDemoTenant(db);
        if (!created)
            return std::unexpected(describe(created.error()));
        logLine("demo: seeded the demo tenant", {{"tenant", kDemoTenant}});
        *tenant = *created;
    }
    if (auto ok = publishLibrary(db, **tenant, libraryDir); !ok)
        return std::unexpected(describe(ok.error()));
    auto accounts = reissueTokens(db, **tenant);
    if (!accounts)
        return std::unexpected(describe(accounts.error()));
    return std::move(*accounts);
}

std::filesystem::path demoTokensPath(const std::filesystem::path& dataDir) {
    return dataDir / "demo-tokens.json";
}

std::expected<void, std::string> writeDemoTokens(const std::filesystem::path& file,
                                                 std::span<const DemoAccount> accounts) {
    std::string text = "[\n";
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const auto& account = accounts[i];
        boost::json::object line{{"name", account.name},
                                 {"role", roleName(account.role)},
                                 {"team", nullptr},
                                 {"token", account.token}};
        if (account.team)
            line["team"] = *account.team;
        text += boost::json::serialize(line);
        text += i + 1 < accounts.size() ? ",\n" : "\n";
    }
    text += "]\n";

    // Written next to the target with owner-only access before any token is
    // in it, then renamed over the old file.
    auto temporary = file;
    temporary += ".tmp";
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    std::error_code error;
    std::filesystem::permissions(
        temporary, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, error);
    if (!out || error)
        return std::unexpected("cannot write " + temporary.string());
    out << text;
    out.close();
    if (!out)
        return std::unexpected("cannot write " + temporary.string());
    std::filesystem::rename(temporary, file, error);
    if (error)
        return std::unexpected("cannot write " + file.string() + ": " + error.message());
    return {};
}

} // namespace souffleur::server
