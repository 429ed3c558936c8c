// Upgrades: a store of every earlier schema version, as that version's server
// left it (tests/server/fixtures/, README.md there), is brought to the current
// schema with all its data, after a copy of it was written beside it; the
// server then answers its old tokens and guides; `admin restore` of that copy
// brings the old data back (upgraded again); a store of a newer schema is
// refused untouched, and a store whose copy cannot be written (the disk full)
// is not upgraded.
//
// Each fixture is loaded twice: as the data directory's store (upgraded) and
// as a reference next to it (never opened for writing). The fixtures' demo
// tokens were issued for 90 days: the test moves their expiry to a month from
// now before anything else, in both, so that they still authenticate years on.
// The rows are compared right after the upgrade (openStore, what the server's
// start runs), before the server runs: once it runs, retention may reduce the
// desks' oldest records, as it should.
#include "test_paths.h"
#include "test_support.h"

#include <souffleur/server/admin.h>
#include <souffleur/server/server.h>
#include <souffleur/server/storage.h>
#include <souffleur/sqlite/sqlite.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace souffleur;
using namespace souffleur::server;
using namespace souffleur::server::test;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

using Clock = std::chrono::steady_clock;
const fs::path kFixtures = SOUFFLEUR_UPGRADE_FIXTURES;

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path fixture(int version, const char* suffix) {
    std::array<char, 32> name{};
    std::snprintf(name.data(), name.size(), "schema-v%02d%s", version, suffix);
    return kFixtures / name.data();
}

int newest() {
    return storeSchemaVersion();
}

// A new SQLite file at `file` from a fixture's SQL (the dump sets user_version),
// with the demo tokens' expiry moved to a month from now.
void load(int version, const fs::path& file) {
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(file.string() + suffix);
    const auto sql = readFile(fixture(version, ".sql"));
    INFO(fixture(version, ".sql").string());
    REQUIRE(!sql.empty());
    auto db = sqlite::Database::open(file);
    REQUIRE(db.has_value());
    auto loaded = db->exec(sql);
    INFO((loaded ? std::string() : loaded.error().message));
    REQUIRE(loaded.has_value());
    REQUIRE(db->queryInt("PRAGMA user_version").value() == version);
    // The same for every load of this process, so that the copies stay equal.
    static const auto expiry = std::chrono::duration_cast<std::chrono::seconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count() +
                               30 * 86400;
    REQUIRE(db->execute("UPDATE tokens SET expires_at = ? WHERE revoked = 0", expiry).has_value());
}

sqlite::Database openReadOnly(const fs::path& file) {
    auto db = sqlite::Database::open(file, {.readOnly = true});
    INFO(file.string());
    REQUIRE(db.has_value());
    return std::move(*db);
}

std::int64_t queryInt(sqlite::Database& db, const std::string& sql) {
    auto value = db.queryInt(sql);
    INFO(sql << (value ? "" : ": " + value.error().message));
    REQUIRE(value.has_value());
    return value->value_or(0);
}

std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}

std::vector<std::string> tables(sqlite::Database& db) {
    auto stmt = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                           "'sqlite_%' ORDER BY name");
    REQUIRE(stmt.has_value());
    std::vector<std::string> out;
    REQUIRE(
        stmt->forEachRow([&out](const sqlite::Statement& row) { out.push_back(row.columnText(0)); })
            .has_value());
    return out;
}

std::vector<std::string> columns(sqlite::Database& db, const std::string& table) {
    auto stmt = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid", table);
    REQUIRE(stmt.has_value());
    std::vector<std::string> out;
    REQUIRE(
        stmt->forEachRow([&out](const sqlite::Statement& row) { out.push_back(row.columnText(0)); })
            .has_value());
    return out;
}

// Every row of `table`, each as its `values` (SQL expressions) quote() them,
// sorted: what the comparisons compare.
std::vector<std::string> rows(sqlite::Database& db, const std::string& table,
                              const std::vector<std::string>& values) {
    std::string select;
    for (const auto& value : values)
        select += (select.empty() ? "" : " || ',' || ") + ("quote(" + value + ")");
    auto stmt = db.prepare("SELECT " + select + " FROM " + quoted(table));
    INFO(table);
    REQUIRE(stmt.has_value());
    std::vector<std::string> out;
    REQUIRE(
        stmt->forEachRow([&out](const sqlite::Statement& row) { out.push_back(row.columnText(0)); })
            .has_value());
    std::ranges::sort(out);
    return out;
}

std::vector<std::string> quotedAll(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const auto& name : names)
        out.push_back(quoted(name));
    return out;
}

std::string shorten(const std::string& text) {
    return text.size() > 400 ? text.substr(0, 400) + "..." : text;
}

// Whether every row of `expected` is in `actual` (as many times), and, when
// `exact`, nothing else is; names the first row that is not.
void compareRows(const std::string& what, const std::vector<std::string>& expected,
                 const std::vector<std::string>& actual, bool exact) {
    INFO(what << ": " << expected.size() << " rows expected, " << actual.size() << " found");
    std::vector<std::string> missing;
    std::ranges::set_difference(expected, actual, std::back_inserter(missing));
    INFO("first row missing: " << (missing.empty() ? "(none)" : shorten(missing.front())));
    CHECK(missing.empty());
    if (exact) {
        std::vector<std::string> extra;
        std::ranges::set_difference(actual, expected, std::back_inserter(extra));
        INFO("first row that should not be there: " << (extra.empty() ? "(none)"
                                                                      : shorten(extra.front())));
        CHECK(extra.empty());
    }
}

enum class Compare {
    Exact, // the same rows, no more and no fewer
    Kept,  // every old row still there; new ones may have come
};

// Every row of every table of the old store (`reference`) is in `store`,
// equal in every column the old store had. What a migration legitimately
// rewrote is compared as it rewrote it: schema 1's `guides` are schema 2's
// `revisions`, and the feedback states of schema 2 (accepted, rejected, done)
// are schema 9's (planned, declined, applied).
void compareStores(sqlite::Database& reference, sqlite::Database& store, Compare mode,
                   const std::set<std::string>& skip = {}) {
    const auto now = tables(store);
    const auto from = queryInt(reference, "PRAGMA user_version");
    const auto to = queryInt(store, "PRAGMA user_version");
    const auto rewritten = [from, to](int migration) {
        return from < migration && migration <= to;
    };
    for (const auto& table : tables(reference)) {
        if (skip.contains(table))
            continue;
        const auto old = columns(reference, table);
        if (table == "guides" && rewritten(2)) {
            compareRows("guides -> revisions",
                        rows(reference, "guides",
                             {"tenant_id", "id", "revision", "title", "xml", "published_at"}),
                        rows(store, "revisions",
                             {"tenant_id", "guide_id", "revision", "title", "xml", "saved_at"}),
                        false);
            continue;
        }
        INFO("table " << table);
        REQUIRE(std::ranges::find(now, table) != now.end());
        const auto present = columns(store, table);
        for (const auto& column : old) {
            INFO("column " << column);
            CHECK(std::ranges::find(present, column) != present.end());
        }
        auto values = quotedAll(old);
        auto expected = values;
        if (table == "feedback" && rewritten(9)) {
            std::ranges::replace(expected, std::string("\"status\""),
                                 std::string("CASE status WHEN 'accepted' THEN 'planned' "
                                             "WHEN 'rejected' THEN 'declined' WHEN 'done' "
                                             "THEN 'applied' ELSE status END"));
        }
        // Schema 11 adds the pseudonym key to the store's own settings.
        const bool mayGrow = table == "store_meta";
        compareRows(table, rows(reference, table, expected), rows(store, table, values),
                    mode == Compare::Exact && !mayGrow);
    }
}

void checkSound(sqlite::Database& db) {
    CHECK(db.queryText("PRAGMA integrity_check").value() == std::optional<std::string>("ok"));
    CHECK(queryInt(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

// The copies written before upgrades, in `dataDir`.
std::vector<fs::path> upgradeBackups(const fs::path& dataDir) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(dataDir)) {
        if (entry.path().filename().string().starts_with("souffleur.sqlite.before-schema-"))
            out.push_back(entry.path());
    }
    std::ranges::sort(out);
    return out;
}

std::map<std::string, std::string> demoTokens(int version) {
    const auto text = readFile(fixture(version, ".tokens.json"));
    INFO(fixture(version, ".tokens.json").string());
    const auto value = json::parse(text);
    std::map<std::string, std::string> out;
    for (const auto& entry : value.as_array())
        out[std::string(entry.at("name").as_string())] = std::string(entry.at("token").as_string());
    REQUIRE(out.contains("balie-noord-1"));
    return out;
}

struct Published {
    std::string id;
    std::int64_t revision = 0;
    std::string title;
    std::string xml;
};

// The guides the old store published for `tenant`, by id.
std::vector<Published> publishedGuides(sqlite::Database& reference, std::int64_t tenant) {
    const bool schema1 = queryInt(reference, "SELECT count(*) FROM sqlite_master WHERE "
                                             "name = 'guides'") == 1;
    auto stmt = reference.prepare(
        schema1 ? "SELECT g.id, g.revision, g.title, g.xml FROM guides AS g WHERE g.tenant_id = ? "
                  "AND g.revision = (SELECT max(revision) FROM guides WHERE tenant_id = "
                  "g.tenant_id AND id = g.id) ORDER BY g.id"
                : "SELECT guide_id, revision, title, xml FROM revisions WHERE tenant_id = ? AND "
                  "state = 'published' ORDER BY guide_id",
        tenant);
    REQUIRE(stmt.has_value());
    std::vector<Published> out;
    REQUIRE(stmt->forEachRow([&out](const sqlite::Statement& row) {
                    out.push_back({row.columnText(0), row.columnInt(1), row.columnText(2),
                                   row.columnText(3)});
                })
                .has_value());
    return out;
}

// The old store's change feed for `tenant`: seq, kind, id, revision, XML.
std::vector<std::string> expectedFeed(sqlite::Database& reference, std::int64_t tenant) {
    const bool schema1 = queryInt(reference, "SELECT count(*) FROM sqlite_master WHERE "
                                             "name = 'guides'") == 1;
    auto stmt = reference.prepare(
        schema1 ? "SELECT c.seq, c.kind, c.guide_id, c.revision, coalesce(g.xml, '') FROM "
                  "changes AS c LEFT JOIN guides AS g ON g.tenant_id = c.tenant_id AND g.id = "
                  "c.guide_id AND g.revision = c.revision WHERE c.tenant_id = ? ORDER BY c.seq"
                : "SELECT c.seq, c.kind, c.guide_id, c.revision, coalesce(r.xml, a.xml, '') FROM "
                  "changes AS c LEFT JOIN revisions AS r ON c.kind = 'guide' AND r.tenant_id = "
                  "c.tenant_id AND r.guide_id = c.guide_id AND r.revision = c.revision "
                  "LEFT JOIN alerts AS a ON c.kind = 'alert' AND a.tenant_id = c.tenant_id AND "
                  "a.id = c.guide_id AND a.revision = c.revision WHERE c.tenant_id = ? "
                  "ORDER BY c.seq",
        tenant);
    REQUIRE(stmt.has_value());
    std::vector<std::string> out;
    REQUIRE(stmt->forEachRow([&out](const sqlite::Statement& row) {
                    out.push_back(std::to_string(row.columnInt(0)) + " " + row.columnText(1) + " " +
                                  row.columnText(2) + " " + std::to_string(row.columnInt(3)) +
                                  "\n" + row.columnText(4));
                })
                .has_value());
    return out;
}

// The server over `dataDir` on a free loopback port, in this process.
std::unique_ptr<Server> startServer(const fs::path& dataDir) {
    Config config;
    config.dataDir = dataDir;
    config.address = "127.0.0.1";
    config.port = 0;
    auto server = std::make_unique<Server>(config);
    auto started = server->start();
    INFO((started ? std::string() : started.error()));
    REQUIRE(started.has_value());
    return server;
}

// What the desks and authors of the old demo see: every account's token
// still works, the desk's guides and change feed are the old store's.
void checkServed(std::uint16_t port, int version, sqlite::Database& reference) {
    const auto tokens = demoTokens(version);
    for (const auto& [name, token] : tokens) {
        INFO("the demo account " << name);
        CHECK(send(port, get("/api/v1/guides", token)).status == 200);
    }
    const auto& desk = tokens.at("balie-noord-1");
    const auto tenant =
        queryInt(reference, "SELECT tenant_id FROM accounts WHERE name = 'balie-noord-1'");
    const auto guides = publishedGuides(reference, tenant);
    REQUIRE(!guides.empty());
    const auto listed = send(port, get("/api/v1/guides", desk));
    REQUIRE(listed.status == 200);
    std::vector<std::string> served;
    const auto list = listed.json();
    for (const auto& guide : list.at("guides").as_array())
        served.push_back(std::string(guide.at("id").as_string()) + " " +
                         std::to_string(guide.at("revision").to_number<std::int64_t>()) + " " +
                         std::string(guide.at("title").as_string()));
    std::vector<std::string> expected;
    for (const auto& guide : guides)
        expected.push_back(guide.id + " " + std::to_string(guide.revision) + " " + guide.title);
    std::ranges::sort(served);
    CHECK(served == expected);
    for (const auto& guide : guides) {
        const auto xml = send(port, get("/api/v1/guides/" + guide.id, desk));
        INFO(guide.id);
        CHECK(xml.status == 200);
        CHECK(xml.body == guide.xml);
    }
    std::vector<std::string> feed;
    for (std::int64_t since = 0;;) {
        const auto page =
            send(port, get("/api/v1/changes?since=" + std::to_string(since) + "&limit=500", desk));
        REQUIRE(page.status == 200);
        const auto body = page.json().as_object();
        for (const auto& change : body.at("changes").as_array())
            feed.push_back(std::to_string(change.at("seq").to_number<std::int64_t>()) + " " +
                           std::string(change.at("kind").as_string()) + " " +
                           std::string(change.at("id").as_string()) + " " +
                           std::to_string(change.at("revision").to_number<std::int64_t>()) + "\n" +
                           std::string(change.at("xml").as_string()));
        since = body.at("last_seq").to_number<std::int64_t>();
        if (!body.at("more").as_bool())
            break;
    }
    const auto old = expectedFeed(reference, tenant);
    CHECK(feed.size() == old.size());
    CHECK(feed == old);
}

// A record from the desk, stored after the upgrade: a restore of the backup
// taken before it must lose it again.
void recordAfterUpgrade(std::uint16_t port, int version, sqlite::Database& reference) {
    const auto tenant =
        queryInt(reference, "SELECT tenant_id FROM accounts WHERE name = 'balie-noord-1'");
    const auto guide = publishedGuides(reference, tenant).front();
    const json::object event{{"type", "event"},
                             {"id", "after-the-upgrade"},
                             {"session", "after-the-upgrade"},
                             {"guide", guide.id},
                             {"revision", guide.revision},
                             {"event", "started"},
                             {"at", sqlite::isoTime(std::chrono::system_clock::now())}};
    const auto body = json::serialize(json::object{{"client", "upgrade-test"},
                                                   {"batch", 1},
                                                   {"protocol", 2},
                                                   {"records", json::array{event}}});
    const auto answer =
        send(port, post("/api/v1/records", demoTokens(version).at("balie-noord-1"), body));
    INFO(answer.body);
    REQUIRE(answer.status == 200);
    CHECK(answer.json().at("refused").as_array().empty());
}

struct AdminRun {
    int status = 0;
    std::string out;
    std::string err;
};

AdminRun admin(const fs::path& dataDir, std::vector<std::string> args) {
    args.insert(args.begin(), {"--data", dataDir.string()});
    std::ostringstream out;
    std::ostringstream err;
    const int status = runAdmin(args, out, err);
    return {status, out.str(), err.str()};
}

// The real souffleur-server binary, its stdout and stderr in `log`; with
// `fileSizeLimit`, no file it writes may grow beyond that many bytes (a full
// disk, as far as it can tell: a write past it fails with EFBIG).
class ServerProcess {
public:
    ServerProcess(std::vector<std::string> args, const fs::path& log,
                  std::optional<rlim_t> fileSizeLimit = std::nullopt) {
        args.insert(args.begin(), SOUFFLEUR_SERVER_BINARY);
        std::vector<char*> argv;
        for (auto& arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        const std::string logPath = log.string();
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            // Only async-signal-safe calls between fork and exec.
            if (fileSizeLimit) {
                const rlimit limit{*fileSizeLimit, *fileSizeLimit};
                ::setrlimit(RLIMIT_FSIZE, &limit);
                ::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of the signal
            }
            const int in = ::open("/dev/null", O_RDONLY);
            const int out = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (in < 0 || out < 0)
                ::_exit(127);
            ::dup2(in, STDIN_FILENO);
            ::dup2(out, STDOUT_FILENO);
            ::dup2(out, STDERR_FILENO);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    ~ServerProcess() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            wait(std::chrono::seconds(10));
        }
    }

    // The exit status once it ended by itself within `timeout`, else nullopt.
    std::optional<int> wait(std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        for (;;) {
            int status = 0;
            const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
            if (done == m_pid) {
                m_pid = 0;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            if (done < 0 && errno != EINTR)
                return std::nullopt;
            if (Clock::now() > deadline)
                return std::nullopt;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    // Whether it still runs.
    bool running() {
        if (m_pid <= 0)
            return false;
        if (::waitpid(m_pid, nullptr, WNOHANG) == 0)
            return true;
        m_pid = 0;
        return false;
    }

    std::optional<int> terminate() {
        ::kill(m_pid, SIGTERM);
        return wait(std::chrono::seconds(30));
    }

private:
    pid_t m_pid = -1;
};

std::vector<std::string> serverArgs(const fs::path& dataDir) {
    return {"--data",      dataDir.string(), "--listen",
            "127.0.0.1:0", "--port-file",    (dataDir / "port").string()};
}

// Removes what a test case made, however it ends.
struct RemoveAtEnd {
    std::vector<fs::path> paths;
    RemoveAtEnd(std::initializer_list<fs::path> list)
        : paths(list) {}
    RemoveAtEnd(const RemoveAtEnd&) = delete;
    RemoveAtEnd& operator=(const RemoveAtEnd&) = delete;
    ~RemoveAtEnd() {
        std::error_code ignored;
        for (const auto& path : paths) {
            for (const char* suffix : {"", "-wal", "-shm"})
                fs::remove_all(path.string() + suffix, ignored);
        }
    }
};

// A data directory of its own for this test process.
fs::path freshDataDir(const std::string& name) {
    const auto dir = souffleur::test::tempDir() / name;
    fs::remove_all(dir);
    REQUIRE(prepareDataDir(dir).has_value());
    return dir;
}

// The data directory's files and their contents.
std::map<std::string, std::string> contents(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::directory_iterator(dir))
        out[entry.path().filename().string()] = readFile(entry.path());
    return out;
}

} // namespace

TEST_CASE("A fixture of every earlier schema version is committed", "[server][upgrade]") {
    for (int version = 1; version < newest(); ++version) {
        INFO("tests/server/fixtures/README.md says how to make the fixture of schema " << version);
        CHECK(fs::is_regular_file(fixture(version, ".sql")));
        CHECK(fs::is_regular_file(fixture(version, ".tokens.json")));
    }
    // The newest version's fixture is the one the next migration will need.
    if (!fs::is_regular_file(fixture(newest(), ".sql")))
        WARN("no fixture of the current schema " << newest() << " yet (fixtures/README.md)");
}

TEST_CASE("A store of each earlier schema is upgraded with all its data, after a backup",
          "[server][upgrade]") {
    const int version = GENERATE(range(1, storeSchemaVersion() + 1));
    if (!fs::is_regular_file(fixture(version, ".sql"))) {
        REQUIRE(version == newest()); // the test above names a missing older one
        return;
    }
    INFO("the store of schema " << version << ", " << fixture(version, ".sql").string());
    const auto dir = freshDataDir("upgrade-v" + std::to_string(version));
    const auto store = databasePath(dir);
    const auto referenceFile = dir.parent_path() / ("reference-v" + std::to_string(version));
    const RemoveAtEnd cleanup{dir, referenceFile};
    load(version, store);
    load(version, referenceFile);
    auto reference = openReadOnly(referenceFile);

    {
        LogCapture log;
        auto db = openStore(store);
        INFO((db ? std::string() : db.error().message));
        REQUIRE(db.has_value());
        CHECK(queryInt(*db, "PRAGMA user_version") == newest());
        checkSound(*db);
        compareStores(reference, *db, Compare::Exact);
        if (version == 1) {
            // Schema 2: the newest revision of each guide stays published.
            CHECK(queryInt(*db, "SELECT count(*) FROM revisions AS r WHERE state <> CASE WHEN "
                                "revision = (SELECT max(revision) FROM revisions WHERE "
                                "tenant_id = r.tenant_id AND guide_id = r.guide_id) THEN "
                                "'published' ELSE 'superseded' END") == 0);
            CHECK(queryInt(*db, "SELECT count(*) FROM revisions WHERE state = 'superseded'") > 0);
        }
        const auto backedUp = log.lines("store backed up before the upgrade");
        const auto backups = upgradeBackups(dir);
        if (version == newest()) {
            CHECK(backedUp.empty());
            CHECK(backups.empty());
        } else {
            REQUIRE(backedUp.size() == 1);
            REQUIRE(backups.size() == 1);
            CHECK(backedUp.front().at("file").as_string() == backups.front().string());
            CHECK(backedUp.front().at("from").to_number<int>() == version);
            CHECK(backedUp.front().at("to").to_number<int>() == newest());
            CHECK(backups.front().filename().string().starts_with(
                "souffleur.sqlite.before-schema-" + std::to_string(newest()) + "-"));
            CHECK(log.lines("store upgraded").size() == 1);
        }
    }
    // The copy is the store as it was: its schema, every row.
    const auto backups = upgradeBackups(dir);
    if (!backups.empty()) {
        auto copy = openReadOnly(backups.front());
        CHECK(queryInt(copy, "PRAGMA user_version") == version);
        checkSound(copy);
        compareStores(reference, copy, Compare::Exact);
        CHECK(tables(copy) == tables(reference));
    }

    // The real server on the upgraded store: the old demo's tokens and guides.
    auto server = startServer(dir);
    checkServed(server->port(), version, reference);
    recordAfterUpgrade(server->port(), version, reference);
    // Opening it again is not an upgrade: no second copy.
    server->stop();
    server = startServer(dir);
    checkServed(server->port(), version, reference);
    CHECK(upgradeBackups(dir).size() == backups.size());

    if (backups.empty())
        return;
    // `admin restore` of the copy refuses while the server runs, then brings
    // the old data back, upgraded again (after a copy of its own).
    CHECK(admin(dir, {"restore", backups.front().string()}).status == 1);
    server->stop();
    server.reset();
    {
        auto db = openReadOnly(store);
        CHECK(queryInt(db, "SELECT count(*) FROM events WHERE id = 'after-the-upgrade'") == 1);
    }
    const auto restored = admin(dir, {"restore", backups.front().string()});
    INFO(restored.out << restored.err);
    REQUIRE(restored.status == 0);
    CHECK(restored.out.find("(schema version " + std::to_string(version) + ", upgraded to " +
                            std::to_string(newest()) + ")") != std::string::npos);
    CHECK(upgradeBackups(dir).size() == 2);
    {
        auto db = sqlite::Database::open(store);
        REQUIRE(db.has_value());
        CHECK(queryInt(*db, "PRAGMA user_version") == newest());
        checkSound(*db);
        // The restore audits itself and gives the feed a new epoch.
        compareStores(reference, *db, Compare::Kept, {"store_meta"});
        CHECK(queryInt(*db, "SELECT count(*) FROM events WHERE id = 'after-the-upgrade'") == 0);
        if (version >= 4) {
            CHECK(db->queryText("SELECT value FROM store_meta WHERE key = 'feed_epoch'").value() !=
                  reference.queryText("SELECT value FROM store_meta WHERE key = 'feed_epoch'")
                      .value());
        }
    }
    server = startServer(dir);
    checkServed(server->port(), version, reference);
}

TEST_CASE("souffleur-server backs up an old store before it upgrades it",
          "[server][upgrade][binary]") {
    const auto dir = freshDataDir("upgrade-binary");
    const auto log = dir.parent_path() / "upgrade-binary.log";
    const RemoveAtEnd cleanup{dir, log};
    load(1, databasePath(dir));
    ServerProcess server(serverArgs(dir), log);
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (!fs::exists(dir / "port") && Clock::now() < deadline && server.running())
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    INFO(readFile(log));
    REQUIRE(fs::exists(dir / "port"));
    const auto port = static_cast<std::uint16_t>(std::stoi(readFile(dir / "port")));
    CHECK(send(port, get("/api/v1/guides", demoTokens(1).at("balie-noord-1"))).status == 200);
    CHECK(server.terminate() == std::optional(0));
    const auto text = readFile(log);
    INFO(text);
    const auto backups = upgradeBackups(dir);
    REQUIRE(backups.size() == 1);
    // The backup is logged before the upgrade, with where it is.
    const auto backedUp = text.find("\"msg\":\"store backed up before the upgrade\"");
    const auto upgraded = text.find("\"msg\":\"store upgraded\"");
    CHECK(backedUp != std::string::npos);
    CHECK(upgraded != std::string::npos);
    CHECK(backedUp < upgraded);
    CHECK(text.find(backups.front().string()) != std::string::npos);
    CHECK(text.find("\"from\":1,\"to\":" + std::to_string(newest())) != std::string::npos);
    auto copy = openReadOnly(backups.front());
    CHECK(queryInt(copy, "PRAGMA user_version") == 1);
}

TEST_CASE("A store of a newer schema is refused and left as it is", "[server][upgrade][binary]") {
    const auto dir = freshDataDir("upgrade-newer");
    const auto log = dir.parent_path() / "upgrade-newer.log";
    const auto store = databasePath(dir);
    const RemoveAtEnd cleanup{dir, log, souffleur::test::tempDir() / "upgrade-newer-restore"};
    // The newest fixture when there is one, else a new store; either way one
    // schema ahead of this server.
    if (fs::is_regular_file(fixture(newest(), ".sql"))) {
        load(newest(), store);
    } else {
        REQUIRE(openStore(store).has_value());
    }
    {
        auto db = sqlite::Database::open(store);
        REQUIRE(db.has_value());
        REQUIRE(db->exec("PRAGMA user_version = " + std::to_string(newest() + 1)).has_value());
    }
    const auto before = contents(dir);
    const std::string found = "schema version " + std::to_string(newest() + 1);
    const std::string knows = "(schema " + std::to_string(newest()) + ")";

    ServerProcess server(serverArgs(dir), log);
    const auto status = server.wait(std::chrono::seconds(30));
    const auto text = readFile(log);
    INFO(text);
    CHECK(status == std::optional(1));
    CHECK(text.find("\"msg\":\"cannot start\"") != std::string::npos);
    CHECK(text.find(found) != std::string::npos);
    CHECK(text.find(knows) != std::string::npos);
    CHECK(text.find("Upgrade souffleur-server") != std::string::npos);
    CHECK(text.find("restore a backup") != std::string::npos);
    CHECK(!fs::exists(dir / "port"));

    // Nor does admin touch it.
    const auto refused = admin(dir, {"tenants"});
    CHECK(refused.status == 1);
    CHECK(refused.err.find(found) != std::string::npos);

    auto after = contents(dir);
    after.erase("souffleur.lock"); // the server's lock on the directory, taken first
    CHECK(after.size() == before.size());
    CHECK(after.at("souffleur.sqlite") == before.at("souffleur.sqlite"));
    CHECK(after == before);
    CHECK(upgradeBackups(dir).empty());

    // `admin restore` refuses such a backup and keeps the store it has.
    const auto current = freshDataDir("upgrade-newer-restore");
    REQUIRE(openStore(databasePath(current)).has_value());
    CHECK(upgradeBackups(current).empty()); // a new store is no upgrade
    const auto restore = admin(current, {"restore", store.string()});
    CHECK(restore.status == 1);
    CHECK(restore.err.find("newer than this souffleur-server knows") != std::string::npos);
    auto kept = openReadOnly(databasePath(current));
    CHECK(queryInt(kept, "PRAGMA user_version") == newest());
}

TEST_CASE("A store whose backup cannot be written is not upgraded", "[server][upgrade][binary]") {
    // The largest older fixture, whose copy is bigger than the server may
    // write: a full disk as far as the server can tell.
    int version = 1;
    for (int v = 1; v < newest(); ++v) {
        if (fs::file_size(fixture(v, ".sql")) > fs::file_size(fixture(version, ".sql")))
            version = v;
    }
    const auto dir = freshDataDir("upgrade-full");
    const auto log = dir.parent_path() / "upgrade-full.log";
    const auto store = databasePath(dir);
    const auto referenceFile = dir.parent_path() / "reference-full";
    const RemoveAtEnd cleanup{dir, log, referenceFile};
    load(version, store);
    load(version, referenceFile);
    const auto size = fs::file_size(store);
    const rlim_t limit = 64 * 1024; // above the -shm file's 32 KiB and the log
    INFO("the store of schema " << version << ": " << size << " bytes");
    REQUIRE(size > 2 * limit);

    ServerProcess server(serverArgs(dir), log, limit);
    const auto status = server.wait(std::chrono::seconds(30));
    const auto text = readFile(log);
    INFO(text);
    CHECK(status == std::optional(1));
    CHECK(text.find("cannot back up the store before upgrading it from schema " +
                    std::to_string(version) + " to " + std::to_string(newest())) !=
          std::string::npos);
    CHECK(text.find("The store was not upgraded") != std::string::npos);
    CHECK(text.find("\"msg\":\"store upgraded\"") == std::string::npos);
    CHECK(upgradeBackups(dir).empty()); // nor a .partial
    {
        auto reference = openReadOnly(referenceFile);
        auto db = openReadOnly(store);
        CHECK(queryInt(db, "PRAGMA user_version") == version);
        compareStores(reference, db, Compare::Exact);
        CHECK(tables(db) == tables(reference));
    }
    // With room, the next start upgrades it.
    auto db = openStore(store);
    REQUIRE(db.has_value());
    CHECK(queryInt(*db, "PRAGMA user_version") == newest());
    CHECK(upgradeBackups(dir).size() == 1);
}

TEST_CASE("admin does not upgrade a store beside a running server", "[server][upgrade][admin]") {
    const auto dir = freshDataDir("upgrade-admin-lock");
    const RemoveAtEnd cleanup{dir};
    const auto store = databasePath(dir);
    const int version = newest() - 1;
    load(version, store);
    {
        // A server of the older schema holds the data directory.
        auto running = DataDirLock::acquire(dir);
        REQUIRE(running.has_value());
        const auto refused = admin(dir, {"tenants"});
        CHECK(refused.status == 1);
        CHECK(refused.err.find("which it does only with the server stopped") != std::string::npos);
        auto db = openReadOnly(store);
        CHECK(queryInt(db, "PRAGMA user_version") == version);
        CHECK(upgradeBackups(dir).empty());
    }
    // Stopped: admin upgrades it (after its backup) and does its work.
    const auto done = admin(dir, {"tenants"});
    CHECK(done.status == 0);
    auto db = openReadOnly(store);
    CHECK(queryInt(db, "PRAGMA user_version") == newest());
    CHECK(upgradeBackups(dir).size() == 1);
}
