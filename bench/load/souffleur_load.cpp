// souffleur_load: measures souffleur-server under the load of a municipality's
// desks, each figure next to a baseline measured in the same run (see
// bench/load/run.sh, which starts the servers and runs every mode):
//   push     N desks hold a notify WebSocket; an alert is published; the time
//            from just before the POST is written until each desk has the
//            notice carrying it; K rounds; against souffleur-server and the
//            bare Beast broadcast server (baseline-server).
//   idle     the servers' resident memory (VmRSS) before and after N idle
//            notify WebSockets: KB per connection.
//   ingest   C desks post record batches of B events back-to-back for T
//            seconds: acknowledged (durably committed) events per second,
//            against raw SQLite inserts (WAL, synchronous=FULL) in this process.
//   auth     R desks open a notify WebSocket (their token checked, nothing
//            else) again and again, first quietly, then while W desks post
//            record batches back-to-back: connect-to-hello p50/p99 under the
//            writes against the quiet phase of the same run.
//   baseline-server   the bare Beast WebSocket broadcast server.
//   certificates      a test authority and a server certificate for TLS runs.
// With --ca-file, souffleur-server is spoken to over TLS (HTTPS and WSS, its
// certificate checked against that file and for its address); the baseline
// server stays plain: it is the baseline.
// Everything runs on loopback addresses only.
#include "auth_mixed.h"
#include "baseline_server.h"
#include "desk_fleet.h"
#include "ingest.h"
#include "load_support.h"
#include "tls_support.h" // tests/server: the test certificates

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>

#include <iostream>
#include <thread>
#include <unistd.h>

namespace {

using namespace load;
namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
using namespace std::chrono_literals;

constexpr const char* kUsage = R"(Usage: souffleur_load MODE [--option value]...

Modes (bench/load/run.sh runs them all against fresh servers):
  push   --server ADDR:PORT [--server-pid PID] --tokens DATA/demo-tokens.json
         [--baseline ADDR:PORT [--baseline-pid PID]]
         [--desks 10000] [--rounds 10] [--blocks 2] [--pause-ms 2000] [--window 256]
         [--alert-id bench.alert] [--round-timeout-ms 10000]
  idle   --server ADDR:PORT --server-pid PID --tokens FILE
         [--baseline ADDR:PORT --baseline-pid PID] [--desks 10000] [--settle-ms 3000]
         [--cycles 2] [--window 256]
  ingest --server ADDR:PORT [--server-pid PID] --tokens FILE
         [--server-db DATA/souffleur.sqlite] [--desks 100] [--batch 200] [--seconds 12]
         [--slices 4] [--baseline-dir DIR] [--group 10]
  auth   --server ADDR:PORT --tokens FILE [--readers 4] [--writers 50]
         [--batch 200] [--seconds 6] [--pace-ms 20]   (plain HTTP and WS only)
  baseline-server --listen 127.0.0.1:0 [--port-file FILE] [--threads 2]
  certificates --dir DIR [--names 127.0.0.1,localhost]
         writes DIR/ca.pem (a fresh test authority), DIR/server.pem and
         DIR/server-key.pem (P-256, valid for the names) for
         souffleur-server --tls-cert DIR/server.pem --tls-key DIR/server-key.pem
Common: --threads N   the tool's I/O threads (default 2)
        --baseline-first 1   (push, idle) measure the baseline server first
        --ca-file FILE   (push, idle, ingest) speak HTTPS and WSS to --server,
                         trusting the authorities in FILE; the baseline stays plain

Every figure is printed next to its baseline; lines starting with SUMMARY|
are the table run.sh prints at the end. Targets (the issue's): push p99 <=
250 ms to 10,000 desks; <= 10 KB per idle connection; >= 50,000 events/s.
)";

constexpr double kPushTargetMs = 250;
constexpr double kIdleTargetKb = 10;
constexpr double kIngestTarget = 50'000;

struct Target {
    std::string name;
    Endpoint endpoint;
    bool real = false;
    int pid = 0;
};

// " over TLS" for a target spoken to over TLS, for the figures' names.
std::string over(const Target& target) {
    return target.endpoint.tls ? " over TLS" : "";
}

std::string verdictAtMost(double value, double target) {
    if (value <= target)
        return "met";
    return "missed by " + fixed(value - target, 1) + " (" + fixed(value / target, 2) + "x)";
}

std::string verdictAtLeast(double value, double target) {
    if (value >= target)
        return "met";
    return "missed by " + fixed(target - value, 0) + " (" + fixed(value / target * 100, 0) +
           "% of it)";
}

void printErrors(const std::map<std::string, std::size_t>& errors) {
    for (const auto& [what, count] : errors)
        std::cout << "    " << count << " x " << what << "\n";
}

// --- push -----------------------------------------------------------------------

// What one target gave over all its blocks.
struct PushOutcome {
    std::size_t ready = 0; // desks with hello, in the last block
    std::size_t failed = 0, lost = 0, missing = 0, other = 0, rounds = 0, wanted = 0;
    std::int64_t nextRevision = 0; // of the next round (0: ask the server)
    std::vector<double> latencies; // every desk of every round
    std::vector<double> answers;   // per round: the publishing request's round trip
    std::vector<double> firsts;    // per round: the first desk's notice
    std::vector<double> serverCpu; // per round: the server's CPU time (ms), all threads
    std::vector<double> toolCpu;   // per round: this tool's CPU time (ms)
    std::map<std::string, std::size_t> errors;
    bool ok() const { return rounds == wanted && ready > 0; }
};

// The revision after the newest published one of `id` (1 when there is none).
std::int64_t nextRevision(BlockingHttp& http, const std::string& token, const std::string& id) {
    std::string error;
    const auto response = http.request(http::verb::get, "/api/v1/alerts", token, "", "", error);
    if (!response || response->result() != http::status::ok)
        return 1;
    boost::system::error_code parseError;
    const auto body = json::parse(response->body(), parseError);
    std::int64_t newest = 0;
    if (const auto* object = parseError ? nullptr : body.if_object()) {
        if (const auto* alerts = object->if_contains("alerts"); alerts && alerts->is_array()) {
            for (const auto& alert : alerts->as_array()) {
                const auto* fields = alert.if_object();
                if (fields && fields->contains("id") && fields->at("id") == id.c_str() &&
                    fields->contains("revision") && fields->at("revision").is_int64())
                    newest = std::max(newest, fields->at("revision").as_int64());
            }
        }
    }
    return newest + 1;
}

// One block: connect the desks to `target`, publish `rounds` alerts one after
// the other (each once every desk has the previous one), close the desks.
void runPushBlock(asio::io_context& ioc, const Target& target, const DemoTokens& tokens,
                  const Args& args, std::size_t rounds, PushOutcome& out) {
    const auto desks = static_cast<std::size_t>(args.number("desks", 10'000));
    const auto pause = std::chrono::milliseconds(args.number("pause-ms", 2000));
    const auto roundTimeout = std::chrono::milliseconds(args.number("round-timeout-ms", 10'000));
    const std::string id = args.text("alert-id", "bench.alert");
    out.wanted += rounds;
    std::cout << "push: " << target.name << " (pid " << target.pid << ") at "
              << target.endpoint.describe() << ", " << desks << " desks, " << rounds << " rounds"
              << std::endl;

    BlockingHttp publisher(target.endpoint);
    std::string error;
    if (!publisher.connect(error)) {
        std::cout << "  " << error << std::endl;
        return;
    }
    if (out.nextRevision == 0)
        out.nextRevision = target.real ? nextRevision(publisher, tokens.author, id) : 1;
    const std::int64_t first = out.nextRevision;
    DeskFleet::Config config{target.endpoint,
                             tokens.desks,
                             desks,
                             static_cast<std::size_t>(args.number("window", 256)),
                             {}};
    for (std::size_t r = 0; r < rounds; ++r) {
        const auto revision = first + static_cast<std::int64_t>(r);
        config.rounds.push_back({noticeNeedle(id, revision), id, revision});
    }
    DeskFleet fleet(ioc, config);
    const double openSeconds = fleet.open(std::chrono::seconds(args.number("open-timeout-s", 300)));
    out.ready = fleet.ready();
    out.failed += fleet.failed();
    std::cout << "  connected " << fleet.ready() << " desks in " << fixed(openSeconds, 2) << " s ("
              << fleet.failed() << " failed)" << std::endl;
    std::this_thread::sleep_for(1s);

    for (std::size_t r = 0; r < rounds; ++r) {
        const auto revision = first + static_cast<std::int64_t>(r);
        out.nextRevision = revision + 1;
        const std::size_t expected = fleet.alive();
        const auto serverCpuBefore = cpuNs(target.pid);
        const auto toolCpuBefore = cpuNs(getpid());
        fleet.arm(r);
        std::int64_t sent = 0;
        std::int64_t answered = 0;
        const auto response =
            target.real
                ? publisher.request(http::verb::post, "/api/v1/alerts", tokens.author,
                                    "application/xml", alertXml(id, revision), error, &sent,
                                    &answered)
                : publisher.request(http::verb::post, "/broadcast", "", "application/json",
                                    alertNotice(id, revision, revision), error, &sent, &answered);
        const auto wanted = target.real ? http::status::created : http::status::ok;
        if (!response || response->result() != wanted) {
            std::cout << "  round " << r + 1 << ": publishing failed: "
                      << (response ? std::to_string(response->result_int()) + " " + response->body()
                                   : error)
                      << std::endl;
            fleet.disarm();
            break;
        }
        const std::size_t got = fleet.waitForRound(r, roundTimeout);
        const auto serverCpuAfter = cpuNs(target.pid);
        const auto toolCpuAfter = cpuNs(getpid());
        fleet.disarm();
        const double serverCpu =
            serverCpuBefore && serverCpuAfter ? msFrom(*serverCpuAfter - *serverCpuBefore) : 0.0;
        const double toolCpu =
            toolCpuBefore && toolCpuAfter ? msFrom(*toolCpuAfter - *toolCpuBefore) : 0.0;
        std::vector<double> round;
        round.reserve(got);
        for (const std::int64_t arrival : fleet.arrivals(r)) {
            if (arrival != 0)
                round.push_back(msFrom(arrival - sent));
        }
        const auto figures = percentiles(round);
        out.latencies.insert(out.latencies.end(), round.begin(), round.end());
        out.answers.push_back(msFrom(answered - sent));
        out.firsts.push_back(figures.min);
        out.serverCpu.push_back(serverCpu);
        out.toolCpu.push_back(toolCpu);
        out.missing += expected > round.size() ? expected - round.size() : 0;
        ++out.rounds;
        std::cout << "  round " << r + 1 << " (revision " << revision << "): " << round.size()
                  << "/" << expected << " desks; first " << formatMs(figures.min) << ", p50 "
                  << formatMs(figures.p50) << ", p99 " << formatMs(figures.p99) << ", last "
                  << formatMs(figures.max) << "; POST answered after "
                  << formatMs(msFrom(answered - sent)) << "; CPU: server " << formatMs(serverCpu)
                  << ", tool " << formatMs(toolCpu) << std::endl;
        std::this_thread::sleep_for(pause);
    }
    out.lost += fleet.lost();
    out.other += fleet.otherMessages();
    fleet.close();
    for (const auto& [what, count] : fleet.errors())
        out.errors[what] += count;
    printErrors(fleet.errors());
}

void printPushTotals(const std::string& name, const PushOutcome& out) {
    const auto all = percentiles(out.latencies);
    std::cout << "push totals, " << name << ": " << out.rounds << " rounds, " << all.count
              << " notices; p50 " << formatMs(all.p50) << ", p95 " << formatMs(all.p95) << ", p99 "
              << formatMs(all.p99) << ", max " << formatMs(all.max) << "; missing " << out.missing
              << ", lost after hello " << out.lost << ", connect failures " << out.failed
              << ", other messages " << out.other << std::endl;
}

int pushMode(asio::io_context& ioc, const Args& args, const DemoTokens& tokens,
             const Target& server, const std::optional<Target>& baseline) {
    // The rounds are split into blocks; with a baseline the targets take
    // turns, ABBA (or BAAB), so that drift in the machine's load falls on both.
    const auto rounds =
        static_cast<std::size_t>(std::max<std::int64_t>(1, args.number("rounds", 10)));
    const auto blocks = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::max<std::int64_t>(1, args.number("blocks", 2))), 1, rounds);
    const bool baselineFirst = baseline && args.number("baseline-first", 0) != 0;
    PushOutcome real;
    PushOutcome base;
    for (std::size_t block = 0; block < blocks; ++block) {
        const std::size_t share = rounds / blocks + (block < rounds % blocks ? 1 : 0);
        const bool baselineNow = baseline && ((block % 2 == 0) == baselineFirst);
        if (baseline && baselineNow)
            runPushBlock(ioc, *baseline, tokens, args, share, base);
        runPushBlock(ioc, server, tokens, args, share, real);
        if (baseline && !baselineNow)
            runPushBlock(ioc, *baseline, tokens, args, share, base);
    }
    printPushTotals(server.name, real);
    if (baseline)
        printPushTotals(baseline->name, base);

    const bool hasBase = baseline.has_value();
    const auto a = percentiles(real.latencies);
    const auto b = percentiles(base.latencies);
    const auto row = [&](const std::string& name, double x, double y, bool target) {
        summaryLine("push" + over(server) + " to " + std::to_string(real.ready) + " desks x " +
                        std::to_string(real.rounds) + " rounds, " + name + " (ms)",
                    fixed(x, 1), hasBase ? fixed(y, 1) : "-", hasBase ? ratioText(x, y) : "-",
                    target ? "<= 250" : "-", target ? verdictAtMost(x, kPushTargetMs) : "-");
    };
    row("p50", a.p50, b.p50, false);
    row("p95", a.p95, b.p95, false);
    row("p99", a.p99, b.p99, true);
    row("max", a.max, b.max, false);
    // Medians over the rounds.
    const auto medianRow = [&](const std::string& name, std::vector<double> PushOutcome::*of) {
        const double x = percentiles(real.*of).p50;
        const double y = percentiles(base.*of).p50;
        summaryLine(name, fixed(x, 1), hasBase ? fixed(y, 1) : "-", hasBase ? ratioText(x, y) : "-",
                    "-", "-");
    };
    medianRow("push: first desk reached, median of the rounds (ms)", &PushOutcome::firsts);
    medianRow("push: publishing POST answered, median of the rounds (ms)", &PushOutcome::answers);
    medianRow("push: server CPU per broadcast, all threads, median (ms)", &PushOutcome::serverCpu);
    medianRow("push: load tool CPU per broadcast, median (ms)", &PushOutcome::toolCpu);
    const auto problems = [](const PushOutcome& out) {
        return std::to_string(out.missing) + " / " + std::to_string(out.lost) + " / " +
               std::to_string(out.failed);
    };
    summaryLine("push: notices missing / desks lost / connect failures", problems(real),
                hasBase ? problems(base) : "-", "-", "0 / 0 / 0",
                real.missing + real.lost + real.failed == 0 ? "met" : "MISSED");
    return real.ok() && (!hasBase || base.ok()) ? 0 : 1;
}

// --- idle -----------------------------------------------------------------------

struct IdleOutcome {
    bool ok = false;
    std::size_t ready = 0;
    std::int64_t before = 0, connected = 0, after = 0;
    std::int64_t lastConnected = 0;     // VmRSS with the desks of the last cycle
    double kbPerConnection = 0;         // the first cycle
    double lastGrowthPerConnection = 0; // the last cycle's peak over the first's
};

IdleOutcome runIdle(asio::io_context& ioc, const Target& target, const DemoTokens& tokens,
                    const Args& args) {
    IdleOutcome out;
    const auto desks = static_cast<std::size_t>(args.number("desks", 10'000));
    const auto settle = std::chrono::milliseconds(args.number("settle-ms", 3000));
    const auto cycles = std::max<std::int64_t>(1, args.number("cycles", 2));
    std::cout << "idle: " << target.name << " (pid " << target.pid << ") at "
              << target.endpoint.describe() << ", " << desks << " desks, " << cycles
              << " cycles of connect, wait, close" << std::endl;
    const auto rss = [&target] { return residentKb(target.pid).value_or(-1); };
    out.before = rss();
    for (std::int64_t cycle = 1; cycle <= cycles; ++cycle) {
        DeskFleet fleet(ioc, {target.endpoint,
                              tokens.desks,
                              desks,
                              static_cast<std::size_t>(args.number("window", 256)),
                              {}});
        const double seconds = fleet.open(std::chrono::seconds(args.number("open-timeout-s", 300)));
        std::this_thread::sleep_for(settle);
        const std::size_t ready = fleet.alive();
        const auto connected = rss();
        const auto cpu = cpuNs(target.pid);
        std::this_thread::sleep_for(settle);
        const auto cpuIdle = cpuNs(target.pid);
        fleet.close();
        std::this_thread::sleep_for(settle);
        const auto after = rss();
        std::cout << "  cycle " << cycle << ": " << ready << " idle desks (connected in "
                  << fixed(seconds, 2) << " s, " << fleet.failed() << " failed, " << fleet.lost()
                  << " lost); VmRSS " << connected << " KB with them, " << after
                  << " KB after they left; server CPU while idle "
                  << (cpu && cpuIdle ? formatMs(msFrom(*cpuIdle - *cpu)) : "?") << " in "
                  << settle.count() << " ms" << std::endl;
        printErrors(fleet.errors());
        if (cycle == 1) {
            out.ready = ready;
            out.connected = connected;
        }
        out.lastConnected = connected;
        out.after = after;
    }
    if (out.before < 0 || out.connected < 0 || out.ready == 0) {
        std::cout << "  cannot read the memory of pid " << target.pid << std::endl;
        return out;
    }
    out.kbPerConnection =
        static_cast<double>(out.connected - out.before) / static_cast<double>(out.ready);
    out.lastGrowthPerConnection =
        static_cast<double>(out.lastConnected - out.connected) / static_cast<double>(out.ready);
    out.ok = true;
    std::cout << "  VmRSS " << out.before << " KB before: " << fixed(out.kbPerConnection, 2)
              << " KB per connection; the last cycle's peak is "
              << fixed(out.lastGrowthPerConnection, 2) << " KB per connection above the first's"
              << std::endl;
    return out;
}

int idleMode(asio::io_context& ioc, const Args& args, const DemoTokens& tokens,
             const Target& server, const std::optional<Target>& baseline) {
    const bool baselineFirst = baseline && args.number("baseline-first", 0) != 0;
    std::optional<IdleOutcome> base;
    if (baselineFirst)
        base = runIdle(ioc, *baseline, tokens, args);
    const auto real = runIdle(ioc, server, tokens, args);
    if (baseline && !baselineFirst)
        base = runIdle(ioc, *baseline, tokens, args);
    summaryLine("idle: server memory per notify WebSocket" + over(server) + ", " +
                    std::to_string(real.ready) + " open (KB)",
                fixed(real.kbPerConnection, 2), base ? fixed(base->kbPerConnection, 2) : "-",
                base ? ratioText(real.kbPerConnection, base->kbPerConnection) : "-", "<= 10",
                verdictAtMost(real.kbPerConnection, kIdleTargetKb));
    summaryLine("idle: growth when they all reconnect, per connection (KB)",
                fixed(real.lastGrowthPerConnection, 2),
                base ? fixed(base->lastGrowthPerConnection, 2) : "-", "-", "-", "-");
    const auto mb = [](std::int64_t kb) { return fixed(static_cast<double>(kb) / 1024, 1); };
    summaryLine("idle: server VmRSS idle / with desks / after they left (MB)",
                mb(real.before) + " / " + mb(real.connected) + " / " + mb(real.after),
                base ? mb(base->before) + " / " + mb(base->connected) + " / " + mb(base->after)
                     : "-",
                "-", "-", "-");
    return real.ok && (!base || base->ok) ? 0 : 1;
}

// --- ingest ---------------------------------------------------------------------

int ingestMode(asio::io_context& ioc, const Args& args, const DemoTokens& tokens,
               const Target& server) {
    // The time is split into slices; with a baseline directory, the server and
    // raw SQLite take turns, ABBA, so that drift in the disk's and the
    // machine's load falls on both.
    const auto slices =
        static_cast<std::size_t>(std::max<std::int64_t>(1, args.number("slices", 4)));
    const double seconds = static_cast<double>(args.number("seconds", 12));
    IngestOptions options{
        server.endpoint, tokens.desks, static_cast<std::size_t>(args.number("desks", 100)),
        static_cast<std::size_t>(args.number("batch", 200)), seconds / static_cast<double>(slices)};
    const bool withBaseline = args.has("baseline-dir");
    const std::filesystem::path baselineDir = args.text("baseline-dir");
    const auto group = static_cast<std::size_t>(args.number("group", 10));
    std::cout << "ingest: " << server.name << " (pid " << server.pid << ") at "
              << server.endpoint.describe() << ", " << options.desks << " desks, batches of "
              << options.batch << " events, " << slices << " slices of "
              << fixed(options.seconds, 1) << " s"
              << (withBaseline ? ", taking turns with raw SQLite" : "") << std::endl;

    IngestResult real;
    SqliteResult raw;
    double serverCpuMs = 0;
    const auto metricsBefore = serverMetrics(server.endpoint, tokens.admin);
    const auto serverSlice = [&](std::size_t slice) {
        const auto cpuBefore = cpuNs(server.pid);
        auto result = runServerIngest(ioc, options);
        const auto cpuAfter = cpuNs(server.pid);
        const double cpu = cpuBefore && cpuAfter ? msFrom(*cpuAfter - *cpuBefore) : 0.0;
        serverCpuMs += cpu;
        std::cout << "  slice " << slice + 1 << ", souffleur-server: " << result.events
                  << " events in " << result.batches << " batches, " << fixed(result.seconds, 2)
                  << " s: "
                  << fixed(result.seconds > 0 ? static_cast<double>(result.events) / result.seconds
                                              : 0.0,
                           0)
                  << " events/s; batch round trip p50 " << formatMs(percentiles(result.batchMs).p50)
                  << "; server CPU " << formatMs(cpu) << "; " << result.failures << " failures"
                  << std::endl;
        printErrors(result.errors);
        real.events += result.events;
        real.batches += result.batches;
        real.seconds += result.seconds;
        real.failures += result.failures;
        real.batchMs.insert(real.batchMs.end(), result.batchMs.begin(), result.batchMs.end());
        for (const auto& [what, count] : result.errors)
            real.errors[what] += count;
    };
    const auto rawSlice = [&](std::size_t slice) {
        auto result = runSqliteBaseline(baselineDir / "per-batch.sqlite", std::to_string(slice),
                                        options.batch, 1, options.seconds);
        std::cout << "  slice " << slice + 1 << ", raw SQLite: ";
        if (!result.error.empty()) {
            std::cout << result.error << std::endl;
            raw.error = result.error;
            return;
        }
        std::cout << result.rows << " rows, " << fixed(result.seconds, 2)
                  << " s: " << fixed(static_cast<double>(result.rows) / result.seconds, 0)
                  << " rows/s; transaction p50 " << formatMs(percentiles(result.transactionMs).p50)
                  << std::endl;
        raw.rows += result.rows;
        raw.seconds += result.seconds;
        raw.transactionMs.insert(raw.transactionMs.end(), result.transactionMs.begin(),
                                 result.transactionMs.end());
    };
    for (std::size_t slice = 0; slice < slices; ++slice) {
        const bool rawFirst = withBaseline && (slice % 4 == 1 || slice % 4 == 2);
        if (rawFirst)
            rawSlice(slice);
        serverSlice(slice);
        if (withBaseline && !rawFirst)
            rawSlice(slice);
    }
    std::optional<SqliteResult> grouped;
    if (withBaseline)
        grouped = runSqliteBaseline(baselineDir / "grouped.sqlite", "g", options.batch, group,
                                    options.seconds);

    const double rate = real.seconds > 0 ? static_cast<double>(real.events) / real.seconds : 0;
    const auto batchMs = percentiles(real.batchMs);
    std::cout << "ingest totals, souffleur-server: " << real.events << " events in " << real.batches
              << " batches acknowledged in " << fixed(real.seconds, 2) << " s: " << fixed(rate, 0)
              << " events/s; batch round trip p50 " << formatMs(batchMs.p50) << ", p99 "
              << formatMs(batchMs.p99) << ", max " << formatMs(batchMs.max) << "; server CPU "
              << fixed(real.seconds > 0 ? serverCpuMs / 10 / real.seconds : 0, 0)
              << "% of one core; " << real.failures << " failures" << std::endl;
    const auto metricsAfter = serverMetrics(server.endpoint, tokens.admin);
    const auto metric = [&](const std::string& name) {
        const auto before = metricsBefore.find(name);
        const auto after = metricsAfter.find(name);
        if (before == metricsBefore.end() || after == metricsAfter.end())
            return -1.0;
        return after->second - before->second;
    };
    const double jobs = metric("souffleur_storage_jobs_total");
    const double commits = metric("souffleur_storage_commit_seconds_count");
    const double commitSeconds = metric("souffleur_storage_commit_seconds_sum");
    if (jobs > 0 && commits > 0)
        std::cout << "  server /metrics over the ingest: " << fixed(jobs, 0) << " storage jobs in "
                  << fixed(commits, 0) << " commits (" << fixed(jobs / commits, 1)
                  << " jobs per commit, each commit " << formatMs(commitSeconds * 1000 / commits)
                  << " on average; the storage thread "
                  << "busy " << fixed(real.seconds > 0 ? commitSeconds / real.seconds * 100 : 0, 0)
                  << "% of the time)" << std::endl;
    if (args.has("server-db")) {
        std::string error;
        if (const auto stored = countEvents(args.text("server-db"), error))
            std::cout << "  the store holds " << *stored << " events (acknowledged: " << real.events
                      << ")" << std::endl;
        else
            std::cout << "  " << error << std::endl;
    }
    const auto rowsPerSecond = [](const SqliteResult& result) {
        return result.error.empty() && result.seconds > 0
                   ? static_cast<double>(result.rows) / result.seconds
                   : 0.0;
    };
    const double base = rowsPerSecond(raw);
    const auto rawMs = percentiles(raw.transactionMs);
    if (withBaseline) {
        std::cout << "ingest totals, raw SQLite (WAL, synchronous=FULL), 1 batch of "
                  << options.batch << " rows per transaction: " << raw.rows << " rows in "
                  << fixed(raw.seconds, 2) << " s: " << fixed(base, 0)
                  << " rows/s; transaction p50 " << formatMs(rawMs.p50) << ", p99 "
                  << formatMs(rawMs.p99) << std::endl;
        std::cout << "  and " << group << " batches per transaction: "
                  << (grouped->error.empty() ? fixed(rowsPerSecond(*grouped), 0) + " rows/s"
                                             : grouped->error)
                  << std::endl;
    }
    summaryLine("ingest" + over(server) + " " + std::to_string(options.desks) +
                    " desks, batches of " + std::to_string(options.batch) +
                    " (events/s; baseline: raw SQLite, 1 transaction per batch)",
                fixed(rate, 0), withBaseline ? fixed(base, 0) : "-",
                withBaseline ? ratioText(rate, base) : "-", ">= 50000",
                verdictAtLeast(rate, kIngestTarget));
    if (grouped)
        summaryLine("ingest: raw SQLite, " + std::to_string(group) +
                        " batches per transaction (events/s; what the disk allows)",
                    "-", fixed(rowsPerSecond(*grouped), 0), "-", "-", "-");
    summaryLine("ingest: batch round trip p50 / p99 (ms; baseline: one transaction)",
                fixed(batchMs.p50, 1) + " / " + fixed(batchMs.p99, 1),
                withBaseline ? fixed(rawMs.p50, 1) + " / " + fixed(rawMs.p99, 1) : "-", "-", "-",
                "-");
    if (jobs > 0 && commits > 0)
        summaryLine("ingest: server storage jobs per commit / mean commit (ms)",
                    fixed(jobs / commits, 1) + " / " + fixed(commitSeconds * 1000 / commits, 2),
                    "1 / " + (withBaseline ? fixed(rawMs.mean, 2) : std::string("-")), "-", "-",
                    "-");
    summaryLine("ingest: server CPU while ingesting (% of one core)",
                fixed(real.seconds > 0 ? serverCpuMs / 10 / real.seconds : 0, 0), "-", "-", "-",
                "-");
    return real.events > 0 && real.failures == 0 && raw.error.empty() ? 0 : 1;
}

// --- auth -------------------------------------------------------------------------

int authMode(asio::io_context& ioc, const Args& args, const DemoTokens& tokens,
             const Target& server) {
    if (server.endpoint.tls) {
        std::cerr << "souffleur_load: auth speaks plain HTTP and WS only\n";
        return 2;
    }
    AuthOptions options{server.endpoint,
                        tokens.desks,
                        static_cast<std::size_t>(args.number("readers", 4)),
                        static_cast<std::size_t>(args.number("writers", 50)),
                        static_cast<std::size_t>(args.number("batch", 200)),
                        static_cast<double>(args.number("seconds", 6)),
                        static_cast<int>(args.number("pace-ms", 20))};
    std::cout << "auth: " << options.readers << " desks open a notify WebSocket every "
              << options.paceMs << " ms, " << fixed(options.seconds, 0)
              << " s quietly, then as long while " << options.writers << " desks post batches of "
              << options.batch << " events back-to-back" << std::endl;
    const auto [quiet, loaded] = runAuthMixed(ioc, options);
    const auto q = percentiles(quiet.upgradeMs);
    const auto l = percentiles(loaded.upgradeMs);
    const auto w = percentiles(loaded.writes.batchMs);
    const auto report = [](const char* name, const AuthPhase& phase, const Percentiles& p) {
        std::cout << "  " << name << ": " << p.count << " upgrades, connect to hello p50 "
                  << formatMs(p.p50) << ", p99 " << formatMs(p.p99) << ", max " << formatMs(p.max)
                  << "; " << phase.failures << " failures"
                  << (phase.failures > 0 ? " (first: " + phase.firstError + ")" : "") << std::endl;
    };
    report("quiet", quiet, q);
    report("under writes", loaded, l);
    const double rate = loaded.writes.seconds > 0
                            ? static_cast<double>(loaded.writes.events) / loaded.writes.seconds
                            : 0;
    std::cout << "  the writes: " << loaded.writes.events << " events acknowledged, "
              << fixed(rate, 0) << " events/s; batch round trip p50 " << formatMs(w.p50) << ", p99 "
              << formatMs(w.p99) << "; " << loaded.writes.failures << " failures" << std::endl;
    summaryLine("auth: notify upgrade, connect to hello, under " + std::to_string(options.writers) +
                    " writing desks, p50 / p99 (ms; baseline: quiet)",
                fixed(l.p50, 2) + " / " + fixed(l.p99, 2),
                fixed(q.p50, 2) + " / " + fixed(q.p99, 2), ratioText(l.p99, q.p99), "-", "-");
    summaryLine("auth: the writes meanwhile, batch round trip p50 / p99 (ms; events/s)",
                fixed(w.p50, 1) + " / " + fixed(w.p99, 1) + " (" + fixed(rate, 0) + "/s)", "-", "-",
                "-", "-");
    return quiet.failures == 0 && loaded.failures == 0 && loaded.writes.failures == 0 &&
                   !quiet.upgradeMs.empty() && !loaded.upgradeMs.empty()
               ? 0
               : 1;
}

int certificatesMode(const Args& args) {
    if (!args.has("dir")) {
        std::cerr << "souffleur_load: certificates needs --dir DIR\n";
        return 2;
    }
    std::vector<std::string> names;
    std::string_view list = args.text("names", "127.0.0.1,localhost");
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (const auto name = list.substr(0, comma); !name.empty())
            names.emplace_back(name);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    if (names.empty()) {
        std::cerr << "souffleur_load: --names needs at least one name or address\n";
        return 2;
    }
    try {
        const auto made = souffleur::server::test::makeTestCertificates(args.text("dir"), names);
        std::cout << "certificates: authority " << made.caCertificate.string()
                  << ", server certificate " << made.certificate.string() << ", key "
                  << made.privateKey.string() << std::endl;
    } catch (const std::exception& error) {
        std::cerr << "souffleur_load: " << error.what() << "\n";
        return 1;
    }
    return 0;
}

std::optional<Target> target(const Args& args, const std::string& key, const std::string& pidKey,
                             const std::string& name, bool real) {
    if (!args.has(key))
        return std::nullopt;
    const auto endpoint = parseEndpoint(args.text(key));
    if (!endpoint) {
        std::cerr << "souffleur_load: --" << key << " needs a loopback ADDR:PORT, not "
                  << args.text(key) << "\n";
        std::exit(2);
    }
    return Target{name, *endpoint, real, static_cast<int>(args.number(pidKey, 0))};
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string mode = argv[1];
    std::string error;
    const auto args = Args::parse(argc, argv, 2, error);
    if (!args) {
        std::cerr << "souffleur_load: " << error << "\n" << kUsage;
        return 2;
    }
    if (mode == "baseline-server")
        return runBaselineServer(*args);
    if (mode == "certificates")
        return certificatesMode(*args);
    if (mode != "push" && mode != "idle" && mode != "ingest" && mode != "auth") {
        std::cerr << "souffleur_load: unknown mode " << mode << "\n" << kUsage;
        return 2;
    }
    auto server = target(*args, "server", "server-pid", "souffleur-server", true);
    const auto baseline = target(*args, "baseline", "baseline-pid", "baseline", false);
    if (!server) {
        std::cerr << "souffleur_load: " << mode << " needs --server ADDR:PORT\n";
        return 2;
    }
    if (args->has("ca-file")) {
        server->endpoint.tls = clientTlsContext(args->text("ca-file"), error);
        if (!server->endpoint.tls) {
            std::cerr << "souffleur_load: " << error << "\n";
            return 2;
        }
    }
    const auto tokens = readDemoTokens(args->text("tokens"), error);
    if (!tokens) {
        std::cerr << "souffleur_load: " << error << " (--tokens DATA/demo-tokens.json)\n";
        return 2;
    }
    const auto files = raiseFileLimit();
    const int threads = static_cast<int>(args->number("threads", 2));
    std::cout << "souffleur_load " << mode << ": " << threads << " I/O threads, open files limit "
              << files << ", " << std::thread::hardware_concurrency() << " cores; " << server->name
              << " over "
              << (server->endpoint.tls ? "TLS (HTTPS, WSS; CA " + args->text("ca-file") + ")"
                                       : std::string("plain HTTP and WS"))
              << (baseline ? ", the baseline over plain HTTP and WS" : "") << std::endl;

    asio::io_context ioc(threads);
    auto work = asio::make_work_guard(ioc);
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back([&ioc] { ioc.run(); });
    int status = 0;
    if (mode == "push")
        status = pushMode(ioc, *args, *tokens, *server, baseline);
    else if (mode == "idle")
        status = idleMode(ioc, *args, *tokens, *server, baseline);
    else if (mode == "auth")
        status = authMode(ioc, *args, *tokens, *server);
    else
        status = ingestMode(ioc, *args, *tokens, *server);
    work.reset();
    ioc.stop();
    for (auto& thread : pool)
        thread.join();
    return status;
}
