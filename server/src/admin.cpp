// `souffleur-server admin` (see admin.h): parse, open the store, do one thing
// in one transaction with its audit row, print the outcome.
#include <souffleur/server/admin.h>
#include <souffleur/server/auth.h>
#include <souffleur/server/storage.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

namespace souffleur::server {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr std::int64_t kDefaultTokenDays = 90;
constexpr std::int64_t kMaxTokenDays = 3650;

constexpr const char* kAdminUsage = R"(Usage: souffleur-server admin --data DIR COMMAND

Commands:
  tenant add NAME                       a municipality
  tenants                               every tenant, with its teams and accounts
  team add --tenant T NAME              a team in a tenant
  account add --tenant T --role ROLE [--team TEAM] NAME
                                        ROLE: desk, author, reviewer or admin
  accounts --tenant T                   the tenant's accounts and their active tokens
  token issue --tenant T --account A [--days N]
                                        a new token (default 90 days), printed once
  token revoke --tenant T --account A   revoke every token of the account; its
                                        notify connections close shortly after
  audit --tenant T [--limit N]          the newest audit rows (default 50)
)";

struct Arguments {
    std::vector<std::string> words;
    std::map<std::string, std::string, std::less<>> options;
};

std::optional<Arguments> parse(std::span<const std::string> args, std::ostream& err) {
    static constexpr std::array<std::string_view, 7> kValueOptions = {
        "--data", "--tenant", "--team", "--role", "--account", "--days", "--limit"};
    Arguments out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (std::ranges::find(kValueOptions, arg) != kValueOptions.end()) {
            if (i + 1 >= args.size() || args[i + 1].empty()) {
                err << "souffleur-server admin: " << arg << " needs a value\n";
                return std::nullopt;
            }
            out.options[arg] = args[++i];
        } else if (arg.starts_with("--")) {
            err << "souffleur-server admin: unknown option " << arg << "\n";
            return std::nullopt;
        } else {
            out.words.push_back(arg);
        }
    }
    return out;
}

std::optional<std::int64_t> number(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// What every command needs: the open store and the words and options.
class Admin {
public:
    Admin(sqlite::Database db, Arguments args, std::ostream& out, std::ostream& err)
        : m_db(std::move(db))
        , m_args(std::move(args))
        , m_out(out)
        , m_err(err) {}

    int run() {
        const auto& w = m_args.words;
        const auto is = [&](std::initializer_list<std::string_view> words) {
            return w.size() >= words.size() && std::equal(words.begin(), words.end(), w.begin());
        };
        if (is({"tenant", "add"}) && w.size() == 3)
            return addTenant(w[2]);
        if (is({"tenants"}) && w.size() == 1)
            return tenants();
        if (is({"team", "add"}) && w.size() == 3)
            return addTeam(w[2]);
        if (is({"account", "add"}) && w.size() == 3)
            return addAccount(w[2]);
        if (is({"accounts"}) && w.size() == 1)
            return accounts();
        if (is({"token", "issue"}) && w.size() == 2)
            return issue();
        if (is({"token", "revoke"}) && w.size() == 2)
            return revoke();
        if (is({"audit"}) && w.size() == 1)
            return audit();
        m_err << "souffleur-server admin: unknown command\n\n" << kAdminUsage;
        return kExitUsage;
    }

private:
    // --- the commands ---

    int addTenant(const std::string& name) {
        return change([&]() -> sqlite::Result<std::string> {
            auto existing = findTenant(m_db, name);
            if (!existing)
                return std::unexpected(existing.error());
            if (*existing)
                return std::unexpected(sqlite::Error{0, "tenant '" + name + "' exists already"});
            auto id = createTenant(m_db, name);
            if (!id)
                return std::unexpected(id.error());
            if (auto ok = audit(*id, "tenant add", name); !ok)
                return std::unexpected(ok.error());
            return "tenant '" + name + "' added";
        });
    }

    int tenants() {
        auto list = listTenants(m_db);
        if (!list)
            return failed(list.error());
        for (const auto& tenant : *list)
            m_out << tenant.name << ": " << tenant.teams << " teams, " << tenant.accounts
                  << " accounts\n";
        return kExitOk;
    }

    int addTeam(const std::string& name) {
        return change([&]() -> sqlite::Result<std::string> {
            auto tenant = requireTenant();
            if (!tenant)
                return std::unexpected(tenant.error());
            auto existing = findTeam(m_db, *tenant, name);
            if (!existing)
                return std::unexpected(existing.error());
            if (*existing)
                return std::unexpected(sqlite::Error{0, "team '" + name + "' exists already"});
            if (auto id = createTeam(m_db, *tenant, name); !id)
                return std::unexpected(id.error());
            if (auto ok = audit(*tenant, "team add", name); !ok)
                return std::unexpected(ok.error());
            return "team '" + name + "' added";
        });
    }

    int addAccount(const std::string& name) {
        const auto roleText = option("--role");
        const auto role = roleText ? parseRole(*roleText) : std::nullopt;
        if (!role) {
            m_err << "souffleur-server admin: account add needs --role desk, author, reviewer or "
                     "admin\n";
            return kExitUsage;
        }
        return change([&]() -> sqlite::Result<std::string> {
            auto tenant = requireTenant();
            if (!tenant)
                return std::unexpected(tenant.error());
            NewAccount account{*tenant, std::nullopt, name, *role};
            if (const auto team = option("--team")) {
                auto teamId = findTeam(m_db, *tenant, *team);
                if (!teamId)
                    return std::unexpected(teamId.error());
                if (!*teamId)
                    return std::unexpected(sqlite::Error{0, "no team '" + *team + "'"});
                account.teamId = **teamId;
            }
            auto existing = findAccount(m_db, *tenant, name);
            if (!existing)
                return std::unexpected(existing.error());
            if (*existing)
                return std::unexpected(sqlite::Error{0, "account '" + name + "' exists already"});
            if (auto id = createAccount(m_db, account); !id)
                return std::unexpected(id.error());
            if (auto ok = audit(*tenant, "account add", name + " (" + *roleText + ")"); !ok)
                return std::unexpected(ok.error());
            return "account '" + name + "' added as " + *roleText;
        });
    }

    int accounts() {
        auto tenant = requireTenant();
        if (!tenant)
            return failed(tenant.error());
        auto list = listAccounts(m_db, *tenant);
        if (!list)
            return failed(list.error());
        for (const auto& account : *list) {
            m_out << account.name << "  " << account.role << "  "
                  << (account.team.empty() ? "(no team)" : account.team) << "  "
                  << account.activeTokens << " active tokens\n";
        }
        return kExitOk;
    }

    int issue() {
        const auto daysText = option("--days");
        const auto days = daysText ? number(*daysText) : std::optional(kDefaultTokenDays);
        if (!days || *days < 1 || *days > kMaxTokenDays) {
            m_err << "souffleur-server admin: --days needs a number from 1 to " << kMaxTokenDays
                  << "\n";
            return kExitUsage;
        }
        return change([&]() -> sqlite::Result<std::string> {
            auto [tenant, account] = requireAccount();
            if (!account)
                return std::unexpected(account.error());
            auto token = issueToken(m_db, *account, std::chrono::hours(24 * *days));
            if (!token)
                return std::unexpected(token.error());
            if (auto ok = audit(*tenant, "token issue", *option("--account")); !ok)
                return std::unexpected(ok.error());
            return *token; // shown once: the store keeps only its hash
        });
    }

    int revoke() {
        return change([&]() -> sqlite::Result<std::string> {
            auto [tenant, account] = requireAccount();
            if (!account)
                return std::unexpected(account.error());
            if (auto ok = revokeTokens(m_db, *account); !ok)
                return std::unexpected(ok.error());
            if (auto ok = audit(*tenant, "token revoke", *option("--account")); !ok)
                return std::unexpected(ok.error());
            return "every token of '" + *option("--account") + "' revoked";
        });
    }

    int audit() {
        const auto limitText = option("--limit");
        const auto limit = limitText ? number(*limitText) : std::optional<std::int64_t>(50);
        if (!limit || *limit < 1) {
            m_err << "souffleur-server admin: --limit needs a positive number\n";
            return kExitUsage;
        }
        auto tenant = requireTenant();
        if (!tenant)
            return failed(tenant.error());
        auto rows = recentAudit(m_db, *tenant, *limit);
        if (!rows)
            return failed(rows.error());
        for (const auto& [at, entry] : *rows) {
            m_out << at << "  " << (entry.actor.empty() ? "-" : entry.actor) << "  " << entry.action
                  << "  " << entry.target << "  " << entry.outcome;
            if (entry.count != 1)
                m_out << " (x" << entry.count << ")";
            m_out << "  from " << entry.remote << "\n";
        }
        return kExitOk;
    }

    // --- helpers ---

    std::optional<std::string> option(std::string_view key) const {
        const auto found = m_args.options.find(key);
        if (found == m_args.options.end())
            return std::nullopt;
        return found->second;
    }

    sqlite::Result<std::int64_t> requireTenant() {
        const auto name = option("--tenant");
        if (!name)
            return std::unexpected(sqlite::Error{0, "name the tenant: --tenant NAME"});
        auto id = findTenant(m_db, *name);
        if (!id)
            return std::unexpected(id.error());
        if (!*id)
            return std::unexpected(sqlite::Error{0, "no tenant '" + *name + "'"});
        return **id;
    }

    std::pair<sqlite::Result<std::int64_t>, sqlite::Result<std::int64_t>> requireAccount() {
        auto tenant = requireTenant();
        if (!tenant)
            return {tenant, std::unexpected(tenant.error())};
        const auto name = option("--account");
        if (!name)
            return {tenant, std::unexpected(sqlite::Error{0, "name the account: --account NAME"})};
        auto id = findAccount(m_db, *tenant, *name);
        if (!id)
            return {tenant, std::unexpected(id.error())};
        if (!*id)
            return {tenant, std::unexpected(sqlite::Error{0, "no account '" + *name + "'"})};
        return {tenant, **id};
    }

    sqlite::Result<void> audit(std::int64_t tenantId, std::string action, std::string target) {
        return appendAudit(
            m_db, {tenantId, "admin-cli", std::move(action), std::move(target), "local", "done"});
    }

    // Runs `work` in one transaction and prints what it says, or the error.
    template <typename Work>
    int change(Work work) {
        auto tx = sqlite::Transaction::begin(m_db);
        if (!tx)
            return failed(tx.error());
        auto message = work();
        if (!message)
            return failed(message.error());
        if (auto ok = tx->commit(); !ok)
            return failed(ok.error());
        m_out << *message << "\n";
        return kExitOk;
    }

    int failed(const sqlite::Error& error) {
        m_err << "souffleur-server admin: " << error.message << "\n";
        return kExitFailure;
    }

    sqlite::Database m_db;
    Arguments m_args;
    std::ostream& m_out;
    std::ostream& m_err;
};

} // namespace

int runAdmin(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    auto parsed = parse(args, err);
    if (!parsed)
        return kExitUsage;
    if (parsed->words.empty() || parsed->words.front() == "help") {
        (parsed->words.empty() ? err : out) << kAdminUsage;
        return parsed->words.empty() ? kExitUsage : kExitOk;
    }
    const auto data = parsed->options.find("--data");
    if (data == parsed->options.end()) {
        err << "souffleur-server admin: name the data directory: --data DIR\n";
        return kExitUsage;
    }
    // A new data directory starts here: its store is created and migrated.
    if (auto ok = prepareDataDir(data->second); !ok) {
        err << "souffleur-server admin: " << ok.error() << "\n";
        return kExitFailure;
    }
    const auto file = databasePath(data->second);
    auto db = openStore(file);
    if (!db) {
        err << "souffleur-server admin: cannot open " << file.string() << ": " << db.error().message
            << "\n";
        return kExitFailure;
    }
    return Admin(std::move(*db), std::move(*parsed), out, err).run();
}

} // namespace souffleur::server
