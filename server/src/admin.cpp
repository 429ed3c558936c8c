// `souffleur-server admin` (see admin.h): parse, open the store, do one thing
// in one transaction with its audit row, print the outcome.
#include <souffleur/server/admin.h>
#include <souffleur/server/auth.h>
#include <souffleur/server/content_store.h>
#include <souffleur/server/evidence.h>
#include <souffleur/server/retention.h>
#include <souffleur/server/storage.h>
#include <souffleur/server/xapi.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <optional>
#include <unistd.h>
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
                                        ROLE: desk, author, reviewer, admin or
                                        team_lead (with --team: the team it leads)
  accounts --tenant T                   the tenant's accounts and their active tokens
  token issue --tenant T --account A [--days N]
                                        a new token (default 90 days), printed once
  token revoke --tenant T --account A   revoke every token of the account; its
                                        notify connections close shortly after
  audit --tenant T [--limit N]          the newest audit rows (default 50)
  updates --tenant T [--days N]         desks that hold a guide or alert of a newer
                                        format than they read: they need an update
                                        (reports of the last N days, default 30)
  retention show --tenant T             how long the desks' records are kept
  retention set --tenant T --months N   keep them N months (1..120; default 24);
                                        older months are reduced to aggregates
  retention run [--tenant T]            apply it now (the server does daily)
  xapi set --tenant T --endpoint URL --key KEY --secret SECRET [--home-page URL]
                                        send xAPI statements to the organisation's
                                        LRS (statements go to URL/statements; the
                                        teams are accounts on the home page,
                                        default the LRS's site)
  xapi show --tenant T                  the LRS and the queue (queued, parked)
  xapi off --tenant T                   stop sending (the queue is kept)
  backup FILE                           a consistent copy of the whole store in FILE
                                        (new file; safe while the server runs)
  restore FILE                          replace the store by a backup (the server must
                                        be stopped); the old store is kept beside it,
                                        and desks fetch the whole feed again. A backup
                                        of an older schema is upgraded (after a copy
                                        of it is kept beside the store, as at every
                                        upgrade); a newer one is refused
)";

struct Arguments {
    std::vector<std::string> words;
    std::map<std::string, std::string, std::less<>> options;
};

std::optional<Arguments> parse(std::span<const std::string> args, std::ostream& err) {
    static constexpr std::array<std::string_view, 12> kValueOptions = {
        "--data",  "--tenant", "--team",     "--role", "--account", "--days",
        "--limit", "--months", "--endpoint", "--key",  "--secret",  "--home-page"};
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

// A backup that can be restored: SQLite's integrity check passes and it is a
// Souffleur store. Its schema version, or what is wrong.
std::expected<std::int64_t, std::string> checkBackup(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        return std::unexpected(file.string() + " is not a file");
    auto db = sqlite::Database::open(file, {.readOnly = true});
    if (!db)
        return std::unexpected(db.error().message);
    auto integrity = db->queryText("PRAGMA integrity_check");
    if (!integrity || !*integrity || **integrity != "ok")
        return std::unexpected(integrity ? "the integrity check fails: " + integrity->value_or("")
                                         : integrity.error().message);
    auto tenants = db->queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'tenants'");
    auto version = db->queryInt("PRAGMA user_version");
    if (!tenants || !version || tenants->value_or(0) != 1 || version->value_or(0) < 1)
        return std::unexpected(std::string("not a Souffleur store"));
    return version->value_or(0);
}

// Flushes a file (or directory) to the disk.
bool syncPath(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// `admin restore FILE`, with the server stopped (the data directory's lock):
// the current store is closed cleanly (its WAL folded in), kept beside as
// souffleur.sqlite.before-restore-TIME, and the checked backup takes its
// place; then it is migrated and its feed gets a new epoch, so every desk
// fetches the whole feed again and drops what the restored store no longer has.
int restore(const std::filesystem::path& dataDir, const std::filesystem::path& backupFile,
            std::ostream& out, std::ostream& err) {
    const auto fail = [&err](const std::string& message) {
        err << "souffleur-server admin: " << message << "\n";
        return kExitFailure;
    };
    auto lock = DataDirLock::acquire(dataDir);
    if (!lock)
        return fail(lock.error() + "; stop the server first");
    auto version = checkBackup(backupFile);
    if (!version)
        return fail("cannot restore " + backupFile.string() + ": " + version.error());
    if (*version > storeSchemaVersion())
        return fail("cannot restore " + backupFile.string() + ": it has schema version " +
                    std::to_string(*version) + ", newer than this souffleur-server knows (schema " +
                    std::to_string(storeSchemaVersion()) +
                    "); restore it with the newer souffleur-server that wrote it. Nothing was "
                    "changed");
    const auto store = databasePath(dataDir);
    std::error_code error;
    const auto stamp = sqlite::isoTime(std::chrono::system_clock::now());
    const auto kept = store.string() + ".before-restore-" + stamp;
    if (std::filesystem::exists(store, error)) {
        {
            // The last connection to close folds the WAL into the file and removes it.
            auto current = sqlite::Database::open(store);
            if (!current)
                return fail("cannot open the current store: " + current.error().message);
        }
        for (const char* suffix : {"-wal", "-shm"}) {
            const std::string companion = store.string() + suffix;
            if (!std::filesystem::exists(companion, error))
                continue;
            std::filesystem::rename(companion, kept + suffix, error);
            if (error)
                return fail("cannot move " + companion + ": " + error.message());
        }
        if (std::filesystem::rename(store, kept, error); error)
            return fail("cannot move the current store aside: " + error.message());
    }
    const auto incoming = store.string() + ".restoring";
    std::filesystem::copy_file(backupFile, incoming,
                               std::filesystem::copy_options::overwrite_existing, error);
    if (error || !syncPath(incoming))
        return fail("cannot copy " + backupFile.string() + " into " + dataDir.string() + ": " +
                    (error ? error.message() : "fsync failed"));
    if (std::filesystem::rename(incoming, store, error); error || !syncPath(dataDir))
        return fail("cannot put the backup in place: " +
                    (error ? error.message() : std::string("fsync failed")));

    auto db = openStore(store);
    if (!db)
        return fail("cannot open the restored store: " + db.error().message);
    auto tx = sqlite::Transaction::begin(*db);
    auto epoch = tx ? renewFeedEpoch(*db) : std::unexpected(tx.error());
    if (!epoch)
        return fail(epoch.error().message);
    auto tenants = listTenants(*db);
    if (!tenants)
        return fail(tenants.error().message);
    for (const auto& tenant : *tenants) {
        if (auto ok = appendAudit(*db, {tenant.id, "admin-cli", "store restore",
                                        backupFile.string(), "local", "done"});
            !ok)
            return fail(ok.error().message);
    }
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error().message);
    out << "restored " << backupFile.string() << " (schema version " << *version;
    if (*version < storeSchemaVersion())
        out << ", upgraded to " << storeSchemaVersion();
    out << ") into " << store.string() << "; the previous store is kept as "
        << (std::filesystem::exists(kept, error) ? kept : std::string("(there was none)"))
        << "; new feed epoch " << *epoch << ": desks will fetch every guide again\n";
    return kExitOk;
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
        if (is({"updates"}) && w.size() == 1)
            return updates();
        if (is({"backup"}) && w.size() == 2)
            return backup(w[1]);
        if (is({"retention"}) && w.size() == 2)
            return retention(w[1]);
        if (is({"xapi"}) && w.size() == 2)
            return xapi(w[1]);
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
            m_err << "souffleur-server admin: account add needs --role desk, author, reviewer, "
                     "admin or team_lead\n";
            return kExitUsage;
        }
        if (*role == Role::TeamLead && !option("--team")) {
            m_err << "souffleur-server admin: a team_lead account needs --team: the team it "
                     "leads\n";
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

    int updates() {
        const auto daysText = option("--days");
        const auto days = daysText ? number(*daysText) : std::optional<std::int64_t>(30);
        if (!days || *days < 1 || *days > kMaxTokenDays) {
            m_err << "souffleur-server admin: --days needs a number from 1 to " << kMaxTokenDays
                  << "\n";
            return kExitUsage;
        }
        auto tenant = requireTenant();
        if (!tenant)
            return failed(tenant.error());
        auto reports = listUpdatesNeeded(m_db, *tenant, static_cast<int>(*days));
        if (!reports)
            return failed(reports.error());
        if (reports->empty())
            m_out << "no desk reported content it cannot show in the last " << *days << " days\n";
        for (const auto& report : *reports) {
            m_out << report.at << "  " << report.account;
            if (!report.team.empty())
                m_out << " (" << report.team << ")";
            m_out << "  " << report.kind << " " << report.item << " revision " << report.revision
                  << " needs format " << report.format << ", the desk reads up to " << report.reads;
            if (!report.deskVersion.empty())
                m_out << " (Souffleur " << report.deskVersion << ")";
            m_out << "\n";
        }
        return kExitOk;
    }

    int retention(const std::string& what) {
        if (what == "run" && !option("--tenant")) {
            if (auto ok = applyRetentionEverywhere(m_db); !ok)
                return failed(ok.error());
            m_out << "retention applied to every tenant\n";
            return kExitOk;
        }
        auto tenant = requireTenant();
        if (!tenant)
            return failed(tenant.error());
        if (what == "show") {
            auto months = retentionMonths(m_db, *tenant);
            if (!months)
                return failed(months.error());
            m_out << "records are kept " << *months << " months: those before "
                  << retentionCutoff(currentMonth(), *months)
                  << " are reduced to aggregates and deleted\n";
            return kExitOk;
        }
        if (what == "set") {
            const auto months = option("--months") ? number(*option("--months")) : std::nullopt;
            if (!months || *months < 1 || *months > kMaxRetentionMonths) {
                m_err << "souffleur-server admin: --months needs a number from 1 to "
                      << kMaxRetentionMonths << "\n";
                return kExitUsage;
            }
            return change([&]() -> sqlite::Result<std::string> {
                if (auto ok = setRetentionMonths(m_db, *tenant, static_cast<int>(*months)); !ok)
                    return std::unexpected(ok.error());
                if (auto ok = audit(*tenant, "retention set", std::to_string(*months) + " months");
                    !ok)
                    return std::unexpected(ok.error());
                return "records are kept " + std::to_string(*months) +
                       " months; the server applies it within a day (or: retention run)";
            });
        }
        if (what == "run") {
            auto outcome = applyRetention(m_db, *tenant, currentMonth());
            if (!outcome)
                return failed(outcome.error());
            m_out << "before " << outcome->cutoff << ": " << outcome->cells
                  << " cells reduced to aggregates; deleted " << outcome->events << " events, "
                  << outcome->logbook << " logbook entries, " << outcome->feedback
                  << " handled feedback, " << outcome->acknowledgements << " acknowledgements, "
                  << outcome->statements << " xAPI statements not delivered\n";
            return kExitOk;
        }
        m_err << "souffleur-server admin: retention show, set or run\n";
        return kExitUsage;
    }

    int xapi(const std::string& what) {
        auto tenant = requireTenant();
        if (!tenant)
            return failed(tenant.error());
        if (what == "show") {
            auto settings = xapiSettings(m_db, *tenant);
            if (!settings)
                return failed(settings.error());
            auto queue = xapiQueueState(m_db, *tenant);
            if (!queue)
                return failed(queue.error());
            if (!*settings)
                m_out << "xAPI: off (no LRS set)\n";
            else
                m_out << "xAPI: " << ((*settings)->on ? "on" : "off")
                      << "\nLRS: " << (*settings)->endpoint << " (statements to "
                      << (*settings)->endpoint << "/statements, key " << (*settings)->key
                      << ")\nhome page: " << (*settings)->homePage << "\n";
            m_out << "queue: " << queue->queued << " queued, " << queue->parked << " parked";
            if (queue->oldestQueued)
                m_out << "; oldest queued " << *queue->oldestQueued;
            m_out << "\n";
            if (queue->lastError)
                m_out << "last error: " << *queue->lastError << "\n";
            return kExitOk;
        }
        if (what == "off") {
            return change([&]() -> sqlite::Result<std::string> {
                if (auto ok = xapiOff(m_db, *tenant); !ok)
                    return std::unexpected(ok.error());
                if (auto ok = audit(*tenant, "xapi off", ""); !ok)
                    return std::unexpected(ok.error());
                return std::string("xAPI off; statements already queued stay until it is on again");
            });
        }
        if (what == "set") {
            XapiSettings settings{true, option("--endpoint").value_or(""),
                                  option("--key").value_or(""), option("--secret").value_or(""),
                                  option("--home-page").value_or("")};
            std::string refusal;
            const int code = change([&]() -> sqlite::Result<std::string> {
                auto set = setXapi(m_db, *tenant, settings);
                if (!set)
                    return std::unexpected(set.error());
                if (!*set)
                    return std::unexpected(sqlite::Error{0, set->error()});
                if (auto ok = audit(*tenant, "xapi set", settings.endpoint); !ok)
                    return std::unexpected(ok.error());
                return "xAPI on: statements go to " + settings.endpoint + "/statements";
            });
            return code;
        }
        m_err << "souffleur-server admin: xapi set, show or off\n";
        return kExitUsage;
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

    // VACUUM INTO reads one snapshot (a read transaction in WAL mode, so the
    // server keeps writing) and writes a compact copy; the copy is checked.
    int backup(const std::string& file) {
        std::error_code error;
        if (std::filesystem::exists(file, error)) {
            m_err << "souffleur-server admin: " << file << " exists; name a new file\n";
            return kExitFailure;
        }
        if (auto ok = m_db.execute("VACUUM INTO ?", file); !ok)
            return failed(ok.error());
        auto check = checkBackup(file);
        if (!check) {
            m_err << "souffleur-server admin: the backup " << file
                  << " is not sound: " << check.error() << "\n";
            return kExitFailure;
        }
        if (auto ok = auditEveryTenant("store backup", file); !ok)
            return failed(ok.error());
        m_out << "backup written to " << file << " (" << std::filesystem::file_size(file, error)
              << " bytes, schema version " << *check << ")\n";
        return kExitOk;
    }

    sqlite::Result<void> auditEveryTenant(const std::string& action, const std::string& target) {
        auto tenants = listTenants(m_db);
        if (!tenants)
            return std::unexpected(tenants.error());
        for (const auto& tenant : *tenants) {
            if (auto ok = audit(tenant.id, action, target); !ok)
                return ok;
        }
        return {};
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
    if (parsed->words.size() == 2 && parsed->words.front() == "restore")
        return restore(data->second, parsed->words[1], out, err);
    // A new data directory starts here: its store is created and migrated.
    if (auto ok = prepareDataDir(data->second); !ok) {
        err << "souffleur-server admin: " << ok.error() << "\n";
        return kExitFailure;
    }
    const auto file = databasePath(data->second);
    // An upgrade of the store is the server's to make, never beside a running
    // (older) server: a command that would upgrade it takes the data
    // directory's lock first, as the server and `restore` do.
    std::optional<DataDirLock> upgradeLock;
    if (const auto version = storedSchemaVersion(file);
        version && *version > 0 && *version < storeSchemaVersion()) {
        auto lock = DataDirLock::acquire(data->second);
        if (!lock) {
            err << "souffleur-server admin: the store has schema version " << *version
                << " and this souffleur-server upgrades it to " << storeSchemaVersion()
                << ", which it does only with the server stopped: " << lock.error() << "\n";
            return kExitFailure;
        }
        upgradeLock.emplace(std::move(*lock));
    }
    auto db = openStore(file);
    if (!db) {
        err << "souffleur-server admin: cannot open " << file.string() << ": " << db.error().message
            << "\n";
        return kExitFailure;
    }
    const std::filesystem::path dataDir = data->second; // `parsed` moves into the Admin below
    const bool accessCommand =
        parsed->words.front() == "token" || parsed->words.front() == "account";
    const int status = Admin(std::move(*db), std::move(*parsed), out, err).run();
    // A running server reads its tokens again before it trusts them once more
    // (a revoked token is refused by the very next request).
    if (status == kExitOk && accessCommand) {
        if (auto ok = noteAccessChange(dataDir); !ok)
            err << "souffleur-server admin: " << ok.error()
                << " (a running server notices the change within a second)\n";
    }
    return status;
}

} // namespace souffleur::server
