// The demo seeding (see demo.h): tenant, teams, accounts, the library's
// guides, and fresh tokens on every start.
#include "demo_aar.h"

#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/demo.h>
#include <souffleur/server/health.h>
#include <souffleur/server/log.h>
#include <souffleur/server/records.h>
#include <souffleur/server/review_store.h>
#include <souffleur/server/storage.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
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

// Two desk teams, and the content team that owns the demo's Burgerzaken
// guides (the owner named in them), which the author belongs to: feedback on
// those guides reaches the author as a notice.
constexpr std::array<const char*, 3> kDemoTeams = {"Balie Noord", "Balie Zuid",
                                                   "Team Burgerzaken Balie"};
// Each desk team has six desks (enough people behind its figures, evidence.h)
// and a team lead who runs its After Action Reviews.
constexpr std::array<DemoAccountSpec, 17> kDemoAccounts = {{
    {"balie-noord-1", Role::Desk, "Balie Noord"},
    {"balie-zuid-1", Role::Desk, "Balie Zuid"},
    {"redacteur", Role::Author, "Team Burgerzaken Balie"},
    {"kwaliteit", Role::Reviewer, nullptr},
    {"beheer", Role::Admin, nullptr},
    {"teamleider-noord", Role::TeamLead, "Balie Noord"},
    {"teamleider-zuid", Role::TeamLead, "Balie Zuid"},
    {"balie-noord-2", Role::Desk, "Balie Noord"},
    {"balie-noord-3", Role::Desk, "Balie Noord"},
    {"balie-noord-4", Role::Desk, "Balie Noord"},
    {"balie-noord-5", Role::Desk, "Balie Noord"},
    {"balie-noord-6", Role::Desk, "Balie Noord"},
    {"balie-zuid-2", Role::Desk, "Balie Zuid"},
    {"balie-zuid-3", Role::Desk, "Balie Zuid"},
    {"balie-zuid-4", Role::Desk, "Balie Zuid"},
    {"balie-zuid-5", Role::Desk, "Balie Zuid"},
    {"balie-zuid-6", Role::Desk, "Balie Zuid"},
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

// Eight sessions of the household budget intake at Balie Zuid yesterday, at
// six of its desks, three of them abandoned at the step "meegebracht":
// content health shows the guide as getting stuck there.
sqlite::Result<void> seedStuckSessions(sqlite::Database& db, std::int64_t tenantId) {
    const std::string guide = "nl.sociaal.huishoudboekje-intake";
    auto revision = db.queryInt("SELECT revision FROM revisions WHERE tenant_id = ? AND "
                                "guide_id = ? AND state = 'published'",
                                tenantId, guide);
    if (!revision)
        return std::unexpected(revision.error());
    auto team = findTeam(db, tenantId, "Balie Zuid");
    if (!team)
        return std::unexpected(team.error());
    if (!*revision || !*team)
        return {};
    const auto yesterday = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) -
                           std::chrono::days(1);
    const std::chrono::year_month_day date(yesterday);
    char at[32];
    std::snprintf(at, sizeof at, "%04d-%02u-%02uT10:00:00Z", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    for (int i = 0; i < 8; ++i) {
        const std::string name = "balie-zuid-" + std::to_string(i % 6 + 1);
        auto account = findAccount(db, tenantId, name);
        if (!account)
            return std::unexpected(account.error());
        if (!*account)
            continue;
        const std::string session = "demo-sessie-" + std::to_string(i);
        const auto event = [&](const char* kind, int n) {
            return boost::json::object{
                {"type", "event"},        {"id", session + "-" + std::to_string(n)},
                {"session", session},     {"guide", guide},
                {"revision", **revision}, {"event", kind},
                {"step", "meegebracht"},  {"at", at}};
        };
        boost::json::array records{event("step_shown", 1)};
        if (i < 3)
            records.push_back(event("abandoned", 2));
        const Identity desk{**account, tenantId, *team, name, Role::Desk, std::string()};
        protocol::Batch batch{"demo-seed-events", i / 6 + 1, 2, std::move(records)};
        auto checked = protocol::validateRecords(std::move(batch.records));
        if (auto applied = applyRecords(db, desk, batch, checked); !applied)
            return std::unexpected(applied.error());
    }
    return {};
}

// The co-creation loop as a new demo finds it: tips from the desks (one with
// a suggested wording) and a revision of the BRP extract in review, with the
// author's change note and a reviewer's comment on the step it changes.
sqlite::Result<void> seedCoCreation(sqlite::Database& db, std::int64_t tenantId) {
    // Only with the demo library's BRP extract (a demo over another library gets none of it).
    const std::string guideId = "nl.burgerzaken.uittreksel-brp";
    auto xml = currentGuideXml(db, tenantId, guideId);
    if (!xml)
        return std::unexpected(xml.error());
    if (!*xml)
        return {};
    const auto deskIdentity = [&](const char* name) -> sqlite::Result<std::optional<Identity>> {
        auto account = findAccount(db, tenantId, name);
        if (!account)
            return std::unexpected(account.error());
        const std::string_view team =
            std::string_view(name) == "balie-noord-1" ? "Balie Noord" : "Balie Zuid";
        auto teamId = findTeam(db, tenantId, team);
        if (!teamId)
            return std::unexpected(teamId.error());
        if (!*account)
            return std::optional<Identity>();
        return std::optional<Identity>(
            Identity{**account, tenantId, *teamId, name, Role::Desk, std::string()});
    };
    const auto sendFeedback = [&](const char* desk,
                                  boost::json::object record) -> sqlite::Result<void> {
        auto who = deskIdentity(desk);
        if (!who)
            return std::unexpected(who.error());
        if (!*who)
            return {};
        record["type"] = "feedback";
        protocol::Batch batch{"demo-seed", 1, 2, boost::json::array{std::move(record)}};
        auto checked = protocol::validateRecords(std::move(batch.records));
        auto applied = applyRecords(db, **who, batch, checked);
        if (!applied)
            return std::unexpected(applied.error());
        return {};
    };
    if (auto ok = sendFeedback(
            "balie-noord-1",
            {{"id", "demo-tip-machtiging"},
             {"guide", "nl.burgerzaken.uittreksel-brp"},
             {"revision", 2},
             {"step", "machtiging"},
             {"kind", "tip"},
             {"text", "Burgers vergeten vaak de kopie van het ID van de volmachtgever. Zeg het "
                      "er bij het maken van de afspraak al bij."},
             {"suggestion", "Controleer de schriftelijke machtiging en de kopie van het ID van de "
                            "volmachtgever (vraag daar al bij de afspraak om)."}});
        !ok)
        return ok;
    if (auto ok = sendFeedback("balie-zuid-1",
                               {{"id", "demo-vraag-soort"},
                                {"guide", "nl.burgerzaken.uittreksel-brp"},
                                {"revision", 2},
                                {"step", "soort"},
                                {"kind", "unclear"},
                                {"text", "Welk soort uittreksel is nodig voor een visum?"}});
        !ok)
        return ok;

    // Content health has something to show: a source of the driving
    // licence guide with a new version (an item in its owner team's inbox),
    // and a guide where the desks get stuck at one step.
    const Actor office{"kwaliteit", "local"};
    for (const char* version : {"2025-01-01", "2026-11-01"}) {
        if (auto ok = saveSource(db, tenantId,
                                 {"reglement-rijbewijzen",
                                  "Reglement rijbewijzen",
                                  "BWBR0011098 (voorbeeldverwijzing)",
                                  version,
                                  {},
                                  {},
                                  {}},
                                 office);
            !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = seedStuckSessions(db, tenantId); !ok)
        return ok;
    if (auto ok = seedAarDemo(db, tenantId); !ok)
        return ok;

    // The author's revision in review.
    auto guide = content::parseGuide(**xml, "demo");
    if (!guide)
        return {};
    const int base = guide->revision;
    guide->revision = base + 1;
    for (auto& step : guide->steps) {
        if (step.id == "soort")
            step.glance = "Vraag waarvoor het uittreksel nodig is en kies het juiste soort: met of "
                          "zonder adreshistorie.";
        if (step.id == "verstrekken")
            step.checks.push_back("Burger heeft de gegevens nagekeken");
    }
    const Actor author{"redacteur", "local"};
    const GuideRevision revision{guide->id, guide->revision, guide->title,
                                 content::writeGuide(*guide)};
    if (auto saved = saveDraft(db, tenantId, revision, base, author); !saved)
        return std::unexpected(saved.error());
    if (auto submitted = submitRevision(db, tenantId, guideId, revision.revision,
                                        "Stap 'soort' noemt nu de adreshistorie; bij verstrekken "
                                        "een controle erbij.",
                                        author);
        !submitted)
        return std::unexpected(submitted.error());
    auto comment = addComment(db, tenantId,
                              {guideId, revision.revision, std::string("soort"),
                               std::string("glance"), std::nullopt,
                               "Kunnen we de twee soorten als keuze aanbieden in plaats van in "
                               "de zin? Dan ziet de balie direct wat er past."},
                              {"kwaliteit", "local"});
    if (!comment)
        return std::unexpected(comment.error());
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
    bool fresh = false;
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
        fresh = true;
    }
    if (auto ok = publishLibrary(db, **tenant, libraryDir); !ok)
        return std::unexpected(describe(ok.error()));
    if (fresh) {
        if (auto ok = seedCoCreation(db, **tenant); !ok)
            return std::unexpected(describe(ok.error()));
    }
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
