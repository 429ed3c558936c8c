// The ingest mode and its SQLite baseline (see ingest.h).
#include "ingest.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <openssl/err.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

namespace load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using namespace std::chrono_literals;

namespace {

constexpr auto kToken = asio::as_tuple(asio::use_awaitable);
constexpr int kMaxConsecutiveFailures = 5;

// What the desks of one run share.
struct IngestRun {
    const IngestOptions& options;
    std::string tag; // makes client and record ids unique across runs
    Clock::time_point start;
    Clock::time_point deadline;
    std::atomic<std::size_t> finished{0};
    std::mutex mutex; // guards what follows
    std::vector<double> latencies;
    std::map<std::string, std::size_t> errors;
    std::int64_t events = 0;
    std::int64_t batches = 0;
    std::int64_t failures = 0;
    std::int64_t lastAckNs = 0;
};

// One batch of `count` step_done events, as the overlay's outbox would send it.
std::string batchBody(const std::string& client, std::int64_t batch, std::size_t count) {
    const std::string prefix = client + "-" + std::to_string(batch) + "-";
    std::string body;
    body.reserve(count * 240 + 100);
    body += R"({"client":")";
    body += client;
    body += R"(","batch":)";
    body += std::to_string(batch);
    body += R"(,"records":[)";
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0)
            body += ',';
        body += R"({"type":"event","id":")";
        body += prefix;
        body += std::to_string(i);
        body += R"(","session":")";
        body += prefix;
        body += std::to_string(i / 8);
        body += R"(","guide":"nl.burgerzaken.identiteit-vaststellen","revision":1,)"
                R"("event":"step_done","step":"gezicht","at":"2026-11-23T12:00:00Z",)"
                R"("duration_ms":)";
        body += std::to_string(1000 + i);
        body += '}';
    }
    body += "]}";
    return body;
}

// A desk's keep-alive connection to the server, plain or TLS (made anew after
// a failure: a TLS stream cannot be reused).
struct Connection {
    std::optional<beast::tcp_stream> plain;
    std::optional<TlsStream> secure;

    beast::tcp_stream& lowest() { return secure ? beast::get_lowest_layer(*secure) : *plain; }
    void close() {
        beast::error_code ignored;
        if (plain || secure)
            lowest().socket().close(ignored);
        secure.reset();
        plain.reset();
    }
};

// Writes the request and reads the answer; the errors of both.
template <class Stream>
asio::awaitable<std::pair<beast::error_code, beast::error_code>>
exchange(Stream& stream, beast::flat_buffer& buffer, http::request<http::string_body>& request,
         http::response<http::string_body>& response) {
    auto [writeError, written] = co_await http::async_write(stream, request, kToken);
    beast::error_code readError;
    if (!writeError)
        std::tie(readError, std::ignore) =
            co_await http::async_read(stream, buffer, response, kToken);
    co_return std::pair{writeError, readError};
}

asio::awaitable<void> ingestDesk(IngestRun& run, std::size_t index) {
    const auto executor = co_await asio::this_coro::executor;
    const auto& options = run.options;
    const std::string client = run.tag + "-" + std::to_string(index);
    const std::string& token = options.tokens[index % options.tokens.size()];
    Connection stream;
    beast::flat_buffer buffer;
    std::vector<double> latencies;
    std::map<std::string, std::size_t> errors;
    std::int64_t events = 0;
    std::int64_t batches = 0;
    std::int64_t failures = 0;
    std::int64_t lastAckNs = 0;
    const auto fail = [&](const std::string& what) {
        ++errors[what];
        ++failures;
    };

    bool connected = false;
    const auto connect = [&]() -> asio::awaitable<bool> {
        stream.close();
        buffer.clear();
        auto& tcp = stream.plain.emplace(executor);
        tcp.expires_after(10s);
        auto [error] = co_await tcp.async_connect(options.server.tcp(), kToken);
        if (error) {
            fail("connect: " + error.message());
            co_return false;
        }
        tcp.socket().set_option(asio::ip::tcp::no_delay(true));
        if (!options.server.tls)
            co_return true;
        auto& tls = stream.secure.emplace(std::move(tcp), *options.server.tls);
        stream.plain.reset();
        std::string tlsError;
        if (!prepareTls(tls, options.server.host, tlsError)) {
            fail(tlsError);
            co_return false;
        }
        auto [handshakeError] =
            co_await tls.async_handshake(asio::ssl::stream_base::client, kToken);
        if (handshakeError) {
            ERR_clear_error();
            fail("TLS handshake: " + handshakeError.message());
            co_return false;
        }
        co_return true;
    };
    connected = co_await connect();

    asio::steady_timer gate(executor);
    gate.expires_at(run.start);
    co_await gate.async_wait(kToken);

    std::int64_t batch = 1;
    int consecutiveFailures = 0;
    while (Clock::now() < run.deadline && consecutiveFailures < kMaxConsecutiveFailures) {
        if (!connected && !(connected = co_await connect())) {
            ++consecutiveFailures;
            continue;
        }
        http::request<http::string_body> request{http::verb::post, "/api/v1/records", 11};
        request.set(http::field::host, options.server.toString());
        request.set(http::field::authorization, "Bearer " + token);
        request.set(http::field::content_type, "application/json");
        request.keep_alive(true);
        request.body() = batchBody(client, batch, options.batch);
        request.prepare_payload();

        stream.lowest().expires_after(60s);
        const std::int64_t sent = nowNs();
        http::response<http::string_body> response;
        std::pair<beast::error_code, beast::error_code> outcome;
        if (stream.secure)
            outcome = co_await exchange(*stream.secure, buffer, request, response);
        else
            outcome = co_await exchange(*stream.plain, buffer, request, response);
        const auto& [writeError, readError] = outcome;
        const std::int64_t answered = nowNs();
        if (writeError || readError) {
            fail(writeError ? "send: " + writeError.message() : "answer: " + readError.message());
            connected = false;
            ++consecutiveFailures;
            continue; // the same batch number again: a retry is a no-op if it was applied
        }
        if (!response.keep_alive())
            connected = false;
        if (response.result() != http::status::ok ||
            response.body().find("\"acked\":" + std::to_string(batch)) == std::string::npos) {
            fail("HTTP " + std::to_string(response.result_int()) + ": " +
                 response.body().substr(0, 120));
            ++consecutiveFailures;
            ++batch;
            continue;
        }
        consecutiveFailures = 0;
        latencies.push_back(msFrom(answered - sent));
        events += static_cast<std::int64_t>(options.batch);
        ++batches;
        lastAckNs = answered;
        ++batch;
    }
    if (consecutiveFailures >= kMaxConsecutiveFailures)
        ++errors["desk gave up after " + std::to_string(kMaxConsecutiveFailures) +
                 " failures in a row"];

    {
        const std::lock_guard lock(run.mutex);
        run.latencies.insert(run.latencies.end(), latencies.begin(), latencies.end());
        for (const auto& [what, count] : errors)
            run.errors[what] += count;
        run.events += events;
        run.batches += batches;
        run.failures += failures;
        run.lastAckNs = std::max(run.lastAckNs, lastAckNs);
    }
    run.finished.fetch_add(1);
}

// The events table of server/src/schema.cpp, without the foreign keys.
constexpr const char* kEventsTable = R"(
CREATE TABLE IF NOT EXISTS events (
    tenant_id INTEGER NOT NULL,
    id TEXT NOT NULL,
    team_id INTEGER,
    session TEXT NOT NULL,
    guide_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    event TEXT NOT NULL,
    step TEXT,
    option TEXT,
    at TEXT NOT NULL,
    duration_ms INTEGER,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS events_guide ON events (tenant_id, guide_id, event);
)";

std::string sqliteError(sqlite3* db, const std::string& what) {
    return what + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}

} // namespace

IngestResult runServerIngest(asio::io_context& ioc, const IngestOptions& options) {
    IngestRun run{options, "load-" + std::to_string(getpid()) + "-" + std::to_string(nowNs())};
    // Every desk connects first; all start sending at the same moment.
    run.start = Clock::now() + 1s;
    run.deadline = run.start + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(options.seconds));
    for (std::size_t i = 0; i < options.desks; ++i)
        asio::co_spawn(asio::make_strand(ioc), ingestDesk(run, i), asio::detached);
    while (run.finished.load() < options.desks) {
        std::this_thread::sleep_for(10ms);
        if (Clock::now() > run.deadline + 120s) {
            std::cerr << "ingest: desks did not finish within 120 s of the deadline\n";
            std::_Exit(3);
        }
    }
    const std::int64_t startNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(run.start.time_since_epoch()).count();
    IngestResult out;
    out.events = run.events;
    out.batches = run.batches;
    out.seconds = run.lastAckNs > startNs ? static_cast<double>(run.lastAckNs - startNs) / 1e9 : 0;
    out.batchMs = std::move(run.latencies);
    out.failures = run.failures;
    out.errors = std::move(run.errors);
    return out;
}

SqliteResult runSqliteBaseline(const std::filesystem::path& path, const std::string& tag,
                               std::size_t batch, std::size_t group, double seconds) {
    SqliteResult out;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        out.error = sqliteError(db, "open " + path.string());
        sqlite3_close_v2(db);
        return out;
    }
    const auto exec = [&](const char* sql) {
        if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
            out.error = sqliteError(db, sql);
            return false;
        }
        return true;
    };
    sqlite3_stmt* insert = nullptr;
    if (!exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;") || !exec(kEventsTable)) {
        sqlite3_close_v2(db);
        return out;
    }
    if (sqlite3_prepare_v2(db,
                           "INSERT OR IGNORE INTO events (tenant_id, id, team_id, session, "
                           "guide_id, revision, event, step, option, at, duration_ms) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &insert, nullptr) != SQLITE_OK) {
        out.error = sqliteError(db, "prepare");
        sqlite3_close_v2(db);
        return out;
    }

    const auto text = [insert](int index, const std::string& value) {
        sqlite3_bind_text(insert, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT);
    };
    std::vector<double> transactions;
    const auto start = Clock::now();
    const auto deadline =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::int64_t number = 0;
    while (Clock::now() < deadline && out.error.empty()) {
        const std::int64_t began = nowNs();
        if (!exec("BEGIN IMMEDIATE"))
            break;
        for (std::size_t g = 0; g < group && out.error.empty(); ++g, ++number) {
            const std::string prefix = "raw-" + tag + "-" + std::to_string(number) + "-";
            for (std::size_t i = 0; i < batch; ++i) {
                sqlite3_reset(insert);
                sqlite3_bind_int64(insert, 1, 1);
                text(2, prefix + std::to_string(i));
                sqlite3_bind_int64(insert, 3, 1);
                text(4, prefix + std::to_string(i / 8));
                text(5, "nl.burgerzaken.identiteit-vaststellen");
                sqlite3_bind_int64(insert, 6, 1);
                text(7, "step_done");
                text(8, "gezicht");
                sqlite3_bind_null(insert, 9);
                text(10, "2026-11-23T12:00:00Z");
                sqlite3_bind_int64(insert, 11, static_cast<std::int64_t>(1000 + i));
                if (sqlite3_step(insert) != SQLITE_DONE) {
                    out.error = sqliteError(db, "insert");
                    break;
                }
            }
        }
        if (!out.error.empty() || !exec("COMMIT"))
            break;
        transactions.push_back(msFrom(nowNs() - began));
        out.rows += static_cast<std::int64_t>(batch * group);
    }
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    out.transactionMs = std::move(transactions);
    sqlite3_finalize(insert);
    sqlite3_close_v2(db);
    return out;
}

std::optional<std::int64_t> countEvents(const std::filesystem::path& database, std::string& error) {
    sqlite3* db = nullptr;
    std::optional<std::int64_t> out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT count(*) FROM events", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        out = sqlite3_column_int64(stmt, 0);
    else
        error = sqliteError(db, "count the events of " + database.string());
    sqlite3_finalize(stmt);
    sqlite3_close_v2(db);
    return out;
}

} // namespace load
