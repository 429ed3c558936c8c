// Crash safety of the record path: the real souffleur-server binary is killed
// with SIGKILL at a random moment while desk clients stream record batches as
// fast as they can, round after round on the same data directory. After each
// kill, with the server dead, the store must hold every acknowledged record
// exactly once, nothing that was never sent, an in-flight batch all or not at
// all, and pass PRAGMA integrity_check. After each restart the clients first
// resend their unacknowledged batch with the same number and records (the
// at-least-once path), then go on. A last clean start drains every batch, so
// at the end the store holds exactly what was sent, each record once.
//
// SOUFFLEUR_CRASH_ROUNDS sets the rounds (default 20; bench/crash_soak.sh runs
// more), SOUFFLEUR_CRASH_SEED repeats a run's kill delays and batch sizes (the
// threads' timing is never the same twice).
#include "test_paths.h"
#include "test_support.h"

#include <souffleur/sqlite/sqlite.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
namespace json = boost::json;
using souffleur::server::test::HttpClient;
using souffleur::server::test::post;

constexpr int kClients = 4;
constexpr int kMinBatch = 20;
constexpr int kMaxBatch = 50;
constexpr int kMinKillDelayMs = 50;
constexpr int kMaxKillDelayMs = 400;
constexpr auto kStartTimeout = 30s;
const std::vector<std::string> kDeskAccounts = {"balie-noord-1", "balie-zuid-1"};

// An integer from the environment, or `fallback` when unset or not a number in [min, max].
std::int64_t fromEnvironment(const char* name, std::int64_t fallback, std::int64_t min,
                             std::int64_t max) {
    const char* text = std::getenv(name);
    if (text == nullptr || *text == '\0')
        return fallback;
    char* end = nullptr;
    errno = 0;
    const long long value = std::strtoll(text, &end, 10);
    if (errno != 0 || *end != '\0' || value < min || value > max) {
        std::cerr << "crash test: ignoring " << name << "=" << text << "\n";
        return fallback;
    }
    return value;
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The last `lines` lines of the server's log, for failure messages.
std::string logTail(const fs::path& log, std::size_t lines = 20) {
    const auto text = readFile(log);
    std::size_t start = text.size();
    for (std::size_t seen = 0; start > 0 && seen <= lines; --start)
        if (text[start - 1] == '\n')
            ++seen;
    return text.substr(start);
}

// One souffleur-server process. The destructor kills it (SIGKILL) and reaps
// it if it still runs, so a failing test leaves no stray server behind.
class ServerProcess {
public:
    ServerProcess(const fs::path& dataDir, const fs::path& library, const fs::path& portFile,
                  const fs::path& log)
        : m_portFile(portFile)
        , m_log(log) {
        fs::remove(portFile);
        std::vector<std::string> args = {
            SOUFFLEUR_SERVER_BINARY, "--demo", "--data", dataDir.string(), "--library",
            library.string(), "--listen", "127.0.0.1:0", "--port-file", portFile.string(),
            // The desks stream as fast as they can, all from
            // one address: no request rate limit here.
            "--max-requests-per-second", "0"};
        std::vector<char*> argv;
        for (auto& arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                         O_WRONLY | O_CREAT | O_APPEND, 0644);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        // environ: declared by <unistd.h> (_GNU_SOURCE)
        const int error = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        INFO("posix_spawn " << SOUFFLEUR_SERVER_BINARY << ": " << std::strerror(error));
        REQUIRE(error == 0);
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    ~ServerProcess() {
        if (m_pid > 0)
            stop(SIGKILL);
    }

    // The port, once the server wrote its port file (it does so once listening).
    std::uint16_t waitForPort() {
        const auto deadline = Clock::now() + kStartTimeout;
        while (Clock::now() < deadline) {
            int status = 0;
            const pid_t exited = ::waitpid(m_pid, &status, WNOHANG);
            if (exited == m_pid) {
                m_pid = 0;
                FAIL("the server exited at start (status " << status << "):\n" << logTail(m_log));
            }
            std::ifstream in(m_portFile);
            unsigned port = 0;
            if (in >> port && port > 0 && port <= 65535)
                return static_cast<std::uint16_t>(port);
            std::this_thread::sleep_for(10ms);
        }
        FAIL("no port file after " << kStartTimeout.count() << " s:\n" << logTail(m_log));
        return 0;
    }

    // Sends `signal`, waits for the process to end and returns its wait status.
    int stop(int signal) {
        ::kill(m_pid, signal);
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_pid = 0;
        return status;
    }

private:
    pid_t m_pid = 0;
    fs::path m_portFile;
    fs::path m_log;
};

// The tokens of the demo accounts, by name (re-issued on every start).
std::map<std::string, std::string> readTokens(const fs::path& dataDir) {
    const auto text = readFile(dataDir / "demo-tokens.json");
    boost::system::error_code error;
    const auto value = json::parse(text, error);
    INFO("demo-tokens.json: " << text);
    REQUIRE(!error);
    REQUIRE(value.is_array());
    std::map<std::string, std::string> tokens;
    for (const auto& entry : value.as_array()) {
        const auto& account = entry.as_object();
        tokens[std::string(account.at("name").as_string())] =
            std::string(account.at("token").as_string());
    }
    return tokens;
}

struct Batch {
    std::int64_t number = 0;
    std::vector<std::string> ids;
    std::string body;
};

// One desk client: its id, its batch counter and what it knows of its
// batches. Only its own thread touches it while streaming.
struct Client {
    std::string account;
    std::string id;
    std::mt19937_64 rng;
    std::int64_t nextBatch = 1;
    std::int64_t lastAcked = 0;
    std::optional<Batch> pending;   // sent without an answer yet: resent first after a restart
    std::vector<std::string> acked; // the ids of every acknowledged record
    std::size_t noted = 0;          // how many of `acked` the test noted as sent
    std::size_t ackedBatchesThisRound = 0;
    std::size_t ackedRecordsThisRound = 0;
    std::string error; // an answer that should not have come
};

Batch makeBatch(Client& client) {
    Batch batch;
    batch.number = client.nextBatch++;
    const auto size = std::uniform_int_distribution<int>(kMinBatch, kMaxBatch)(client.rng);
    const auto session = client.id + "-s" + std::to_string(batch.number);
    json::array records;
    for (int i = 0; i < size; ++i) {
        auto id = client.id + "-" + std::to_string(batch.number) + "-" + std::to_string(i);
        records.push_back(json::object{{"type", "event"},
                                       {"id", id},
                                       {"session", session},
                                       {"guide", "g"},
                                       {"revision", 1},
                                       {"event", "step_done"},
                                       {"step", "a"},
                                       {"at", "2026-11-23T12:00:00Z"},
                                       {"duration_ms", i}});
        batch.ids.push_back(std::move(id));
    }
    batch.body = json::serialize(json::object{
        {"client", client.id}, {"batch", batch.number}, {"records", std::move(records)}});
    return batch;
}

// Sends the pending batch (a new one when none is pending) until the
// connection fails; `onlyPending` stops once nothing is pending.
void stream(Client& client, std::uint16_t port, const std::string& token,
            const std::atomic<bool>& killed, bool onlyPending = false) {
    HttpClient http(port);
    for (;;) {
        if (!client.pending) {
            if (onlyPending)
                return;
            client.pending = makeBatch(client);
        }
        const auto result = http.send(post("/api/v1/records", token, client.pending->body));
        if (result.status == 0) {
            if (!killed)
                client.error = "batch " + std::to_string(client.pending->number) +
                               " failed while the server ran: " + result.error;
            return;
        }
        const auto answer = result.json();
        const auto* object = answer.if_object();
        const auto* acked = object != nullptr ? object->if_contains("acked") : nullptr;
        if (result.status != 200 || acked == nullptr || !acked->is_int64() ||
            acked->as_int64() != client.pending->number) {
            client.error = "batch " + std::to_string(client.pending->number) + " got " +
                           std::to_string(result.status) + " " + result.body;
            return;
        }
        client.lastAcked = client.pending->number;
        client.ackedRecordsThisRound += client.pending->ids.size();
        ++client.ackedBatchesThisRound;
        for (auto& id : client.pending->ids)
            client.acked.push_back(std::move(id));
        client.pending.reset();
    }
}

// Runs every client on a thread of its own until each has stopped.
void streamAll(std::vector<Client>& clients, std::uint16_t port,
               const std::map<std::string, std::string>& tokens, const std::atomic<bool>& killed,
               bool onlyPending, const std::function<void()>& whileRunning) {
    for (const auto& client : clients) {
        INFO("no token for " << client.account << " in demo-tokens.json");
        REQUIRE(tokens.contains(client.account));
    }
    // Joined whatever happens, so no thread outlives what it refers to.
    std::vector<std::thread> threads;
    struct Join {
        std::vector<std::thread>& threads;
        ~Join() {
            for (auto& thread : threads)
                thread.join();
        }
    } join{threads};
    for (auto& client : clients) {
        client.ackedBatchesThisRound = 0;
        client.ackedRecordsThisRound = 0;
        threads.emplace_back([&client, port, &token = tokens.at(client.account), &killed,
                              onlyPending] { stream(client, port, token, killed, onlyPending); });
    }
    whileRunning();
}

// What the store holds, read with the server dead.
struct Store {
    std::string integrity;
    std::int64_t foreignKeyProblems = 0;
    std::int64_t rows = 0;
    std::unordered_map<std::string, std::int64_t> countById;
    std::map<std::string, std::int64_t> lastBatch; // by client id
};

Store readStore(const fs::path& file) {
    auto db = souffleur::sqlite::Database::open(file, {.readOnly = true});
    INFO((db ? std::string() : db.error().message));
    REQUIRE(db.has_value());
    Store store;
    const auto rows = [&db](const char* sql, const auto& onRow) {
        auto stmt = db->prepare(sql);
        INFO(sql << ": " << (stmt ? std::string() : stmt.error().message));
        REQUIRE(stmt.has_value());
        auto ok = stmt->forEachRow(onRow);
        INFO(sql << ": " << (ok ? std::string() : ok.error().message));
        REQUIRE(ok.has_value());
    };
    rows("PRAGMA integrity_check", [&store](auto& row) {
        store.integrity += (store.integrity.empty() ? "" : "; ") + row.columnText(0);
    });
    rows("PRAGMA foreign_key_check", [&store](auto&) { ++store.foreignKeyProblems; });
    // Counted by id here: cheaper than GROUP BY, which sorts the whole table.
    rows("SELECT id FROM events", [&store](auto& row) {
        ++store.countById[row.columnText(0)];
        ++store.rows;
    });
    rows("SELECT client_id, last_batch FROM clients",
         [&store](auto& row) { store.lastBatch[row.columnText(0)] = row.columnInt(1); });
    return store;
}

// Up to `limit` of `items`, for a failure message.
std::string some(const std::vector<std::string>& items, std::size_t limit = 10) {
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < limit; ++i)
        text += (i ? ", " : "") + items[i];
    if (items.size() > limit)
        text += ", ... (" + std::to_string(items.size()) + " in all)";
    return text;
}

struct Check {
    std::vector<std::string> problems;
    std::size_t committedUnacknowledged = 0; // in-flight batches the store holds
    std::int64_t rows = 0;
};

// Checks the store against what the clients know.
Check checkStore(const fs::path& file, const std::vector<Client>& clients,
                 const std::unordered_set<std::string>& sentIds) {
    const auto store = readStore(file);
    Check check;
    check.rows = store.rows;
    auto& problems = check.problems;
    if (store.integrity != "ok")
        problems.push_back("PRAGMA integrity_check: " + store.integrity);
    if (store.foreignKeyProblems != 0)
        problems.push_back("PRAGMA foreign_key_check: " + std::to_string(store.foreignKeyProblems) +
                           " rows");

    std::vector<std::string> missing, duplicated, unknown;
    for (const auto& [id, count] : store.countById) {
        if (count != 1)
            duplicated.push_back(id + " (" + std::to_string(count) + "x)");
        if (!sentIds.contains(id))
            unknown.push_back(id);
    }
    for (const auto& client : clients) {
        for (const auto& id : client.acked)
            if (!store.countById.contains(id))
                missing.push_back(id);
        // The batch in flight when the server died: all of it or none of it,
        // and the client's last batch number with it.
        std::int64_t expectedLast = client.lastAcked;
        if (client.pending) {
            std::size_t present = 0;
            for (const auto& id : client.pending->ids)
                present += store.countById.contains(id) ? 1U : 0U;
            if (present == client.pending->ids.size()) {
                expectedLast = client.pending->number;
                ++check.committedUnacknowledged;
            } else if (present != 0) {
                problems.push_back("client " + client.id + ": batch " +
                                   std::to_string(client.pending->number) + " in flight is " +
                                   std::to_string(present) + " of " +
                                   std::to_string(client.pending->ids.size()) + " records stored");
            }
        }
        const auto stored = store.lastBatch.find(client.id);
        const std::int64_t storedLast = stored == store.lastBatch.end() ? 0 : stored->second;
        if (storedLast != expectedLast)
            problems.push_back("client " + client.id + ": last batch stored " +
                               std::to_string(storedLast) + ", expected " +
                               std::to_string(expectedLast) + " (last acknowledged " +
                               std::to_string(client.lastAcked) + ")");
    }
    if (!missing.empty())
        problems.push_back("acknowledged records missing: " + some(missing));
    if (!duplicated.empty())
        problems.push_back("records stored more than once: " + some(duplicated));
    if (!unknown.empty())
        problems.push_back("records stored that were never sent: " + some(unknown));
    if (store.rows > static_cast<std::int64_t>(sentIds.size()))
        problems.push_back(std::to_string(store.rows) + " events stored, only " +
                           std::to_string(sentIds.size()) + " sent");
    return check;
}

void requireNoProblems(const Check& check) {
    for (const auto& problem : check.problems)
        UNSCOPED_INFO(problem);
    REQUIRE(check.problems.empty());
}

} // namespace

TEST_CASE("Acknowledged records survive SIGKILL of the server, each exactly once",
          "[server][crash]") {
    const auto rounds = fromEnvironment("SOUFFLEUR_CRASH_ROUNDS", 20, 1, 1'000'000);
    const auto seed = static_cast<std::uint64_t>(
        fromEnvironment("SOUFFLEUR_CRASH_SEED", std::random_device()(), 0, INT64_MAX));
    const auto begin = Clock::now();
    const auto work = souffleur::test::freshPath("crash-test");
    fs::remove_all(work);
    const auto dataDir = work / "data";
    const auto library = work / "empty-library";
    const auto portFile = work / "port";
    const auto log = work / "server.log";
    fs::create_directories(library);
    const auto database = dataDir / "souffleur.sqlite";
    std::cout << "crash test: " << rounds << " rounds, seed " << seed
              << " (SOUFFLEUR_CRASH_SEED=" << seed << " repeats the delays and batch sizes), in "
              << work.string() << std::endl;
    INFO("seed " << seed << ", server log " << log.string());

    std::mt19937_64 rng(seed);
    std::vector<Client> clients;
    for (int i = 0; i < kClients; ++i) {
        Client client;
        client.account = kDeskAccounts[static_cast<std::size_t>(i) % kDeskAccounts.size()];
        client.id = "crash-desk-" + std::to_string(i);
        client.rng.seed(rng());
        clients.push_back(std::move(client));
    }
    std::unordered_set<std::string> sentIds;
    const auto noteSent = [&] { // every id sent is acknowledged or pending
        for (auto& client : clients) {
            for (; client.noted < client.acked.size(); ++client.noted)
                sentIds.insert(client.acked[client.noted]);
            if (client.pending)
                for (const auto& id : client.pending->ids)
                    sentIds.insert(id);
        }
    };
    const auto requireNoErrors = [&clients] {
        for (const auto& client : clients) {
            INFO("client " << client.id << ": " << client.error);
            REQUIRE(client.error.empty());
        }
    };

    std::size_t totalAcked = 0;
    std::size_t totalCommittedUnacknowledged = 0;
    std::size_t totalResent = 0;
    for (std::int64_t round = 1; round <= rounds; ++round) {
        INFO("round " << round);
        const auto roundBegin = Clock::now();
        ServerProcess server(dataDir, library, portFile, log);
        const auto port = server.waitForPort();
        const auto tokens = readTokens(dataDir);
        const auto started = Clock::now();
        const auto delay = std::chrono::milliseconds(
            std::uniform_int_distribution<int>(kMinKillDelayMs, kMaxKillDelayMs)(rng));
        std::size_t resent = 0; // batches in flight at the last kill, sent first now
        for (const auto& client : clients)
            resent += client.pending ? 1U : 0U;
        totalResent += resent;
        std::atomic<bool> killed = false;
        int status = 0;
        streamAll(clients, port, tokens, killed, false, [&] {
            std::this_thread::sleep_for(delay);
            killed = true;
            status = server.stop(SIGKILL);
        });
        noteSent();
        requireNoErrors();
        INFO("wait status " << status);
        REQUIRE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));

        const auto checkBegin = Clock::now();
        const auto check = checkStore(database, clients, sentIds);
        requireNoProblems(check);
        const auto checkMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - checkBegin)
                .count();
        const auto committed = check.committedUnacknowledged;
        std::size_t batches = 0, records = 0;
        for (const auto& client : clients) {
            batches += client.ackedBatchesThisRound;
            records += client.ackedRecordsThisRound;
        }
        totalAcked += records;
        totalCommittedUnacknowledged += committed;
        std::cout
            << "round " << round << "/" << rounds << ": start "
            << std::chrono::duration_cast<std::chrono::milliseconds>(started - roundBegin).count()
            << " ms, " << resent << " batches resent, killed after " << delay.count() << " ms, "
            << batches << " batches (" << records << " records) acknowledged, " << committed
            << " in flight committed unacknowledged; store checked in " << checkMs << " ms"
            << std::endl;
    }

    // A last clean run: every client sends what it still has pending and
    // nothing new; then the server stops on SIGTERM. Now everything sent was
    // acknowledged and is stored exactly once.
    {
        for (const auto& client : clients)
            totalResent += client.pending ? 1U : 0U;
        ServerProcess server(dataDir, library, portFile, log);
        const auto port = server.waitForPort();
        const auto tokens = readTokens(dataDir);
        std::atomic<bool> killed = false;
        streamAll(clients, port, tokens, killed, true, [] {});
        requireNoErrors();
        const int status = server.stop(SIGTERM);
        INFO("wait status " << status);
        REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    std::size_t acked = 0;
    for (const auto& client : clients) {
        REQUIRE_FALSE(client.pending.has_value());
        acked += client.acked.size();
    }
    REQUIRE(acked == sentIds.size());
    const auto check = checkStore(database, clients, sentIds);
    requireNoProblems(check);
    CHECK(check.rows == static_cast<std::int64_t>(sentIds.size()));

    const auto seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    // One line for bench/crash_soak.sh, which reads its numbers.
    std::cout << "crash test: seed " << seed << ", rounds " << rounds << ", acknowledged "
              << totalAcked << " records before the kills, " << totalResent
              << " batches resent after a restart, " << totalCommittedUnacknowledged
              << " of them already committed, " << sentIds.size()
              << " records sent and stored once, " << seconds << " s" << std::endl;
    fs::remove_all(work);
    std::error_code ignored;
    fs::remove(work.parent_path(), ignored); // when no other test of this process left files
}
