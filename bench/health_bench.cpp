// Content health over 10,000 published guides (issue 15: at most 200 ms),
// against a baseline in the same run: the one aggregate over the desks'
// events of the window that health cannot do without. The store: 10,000
// guides (owner, review cycle, validity), 100,000 events of the last 30 days
// over 2,000 of them, 5,000 pieces of open feedback.
//   scripts/build bench && build-bench/bin/health_bench
#include <souffleur/server/content_store.h>
#include <souffleur/server/health.h>
#include <souffleur/server/storage.h>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

using namespace souffleur;

constexpr int kGuides = 10'000;
constexpr int kGuidesWithEvents = 2'000;
constexpr int kSessionsPerGuide = 10;
constexpr int kFeedback = 5'000;

std::string dayText(std::chrono::sys_days day) {
    const std::chrono::year_month_day date(day);
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return out;
}

std::string guideXml(int i, const std::string& validTo) {
    const std::string id = "bench.g" + std::to_string(i);
    return "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"" + id +
           "\" revision=\"1\" format=\"5\"><title>Gids " + std::to_string(i) +
           "</title><owner team=\"Team " + std::to_string(i % 20) + "\"/><review every=\"" +
           std::to_string(1 + i % 12) + "\"/><valid to=\"" + validTo +
           "\"/><step id=\"a\"><glance>Eerst</glance></step><step id=\"b\"><glance>Dan"
           "</glance></step><step id=\"c\" end=\"true\"><glance>Klaar</glance></step></guide>";
}

struct Store {
    std::filesystem::path dir;
    std::optional<sqlite::Database> db;
    std::int64_t tenant = 0;
    std::string today;

    Store() {
        dir = std::filesystem::temp_directory_path() /
              ("souffleur-health-bench-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        auto opened = server::openStore(dir / "souffleur.sqlite");
        if (!opened)
            throw std::runtime_error(opened.error().message);
        db.emplace(std::move(*opened));
        tenant = server::createTenant(*db, "Bench").value();
        const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
        today = dayText(now);
        const server::Actor actor{"bench", "local"};
        auto tx = sqlite::Transaction::begin(*db);
        for (int i = 0; i < kGuides; ++i) {
            const auto xml = guideXml(i, dayText(now + std::chrono::days(i % 400)));
            (void)server::publishGuide(*db, tenant, {"bench.g" + std::to_string(i), 1, "G", xml},
                                       actor);
        }
        const std::string at = dayText(now - std::chrono::days(2)) + "T10:00:00Z";
        auto event = db->prepare("INSERT INTO events (tenant_id, id, session, guide_id, revision, "
                                 "event, step, at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)");
        int n = 0;
        for (int g = 0; g < kGuidesWithEvents; ++g) {
            const std::string guide = "bench.g" + std::to_string(g * (kGuides / kGuidesWithEvents));
            for (int s = 0; s < kSessionsPerGuide; ++s) {
                const std::string session = guide + "-s" + std::to_string(s);
                for (const char* step : {"a", "b", "c"}) {
                    event->reset().bindAll(tenant, "e" + std::to_string(n++), session, guide,
                                           "step_shown", step, at);
                    (void)event->run();
                }
                event->reset().bindAll(tenant, "e" + std::to_string(n++), session, guide,
                                       s % 4 == 0 ? "abandoned" : "skipped", "b", at);
                (void)event->run();
                event->reset().bindAll(tenant, "e" + std::to_string(n++), session, guide,
                                       "escalated", "c", at);
                (void)event->run();
            }
        }
        auto feedback = db->prepare("INSERT INTO feedback (tenant_id, id, guide_id, revision, "
                                    "step, kind, text, created_at) VALUES (?, ?, ?, 1, 'a', "
                                    "'tip', 'x', ?)");
        for (int f = 0; f < kFeedback; ++f) {
            feedback->reset().bindAll(tenant, "f" + std::to_string(f),
                                      "bench.g" + std::to_string(f * 2),
                                      dayText(now - std::chrono::days(f % 40)) + "T09:00:00Z");
            (void)feedback->run();
        }
        (void)tx->commit();
    }
    ~Store() {
        db.reset();
        std::filesystem::remove_all(dir);
    }
};

Store& store() {
    static Store instance;
    return instance;
}

// Baseline: the aggregate of the window's events per guide and step.
void eventsAggregate(benchmark::State& state) {
    auto& s = store();
    for (auto _ : state) {
        auto stmt = s.db->prepare("SELECT guide_id, step, count(DISTINCT session), count(*) FROM "
                                  "events WHERE tenant_id = ? AND at >= ? GROUP BY guide_id, step",
                                  s.tenant, "2000-01-01");
        std::int64_t rows = 0;
        (void)stmt->forEachRow([&rows](const sqlite::Statement&) { ++rows; });
        benchmark::DoNotOptimize(rows);
    }
}
BENCHMARK(eventsAggregate)->Unit(benchmark::kMillisecond);

// The register: every guide's state and reasons.
void healthOfTenThousandGuides(benchmark::State& state) {
    auto& s = store();
    for (auto _ : state) {
        auto health = server::contentHealth(*s.db, s.tenant, s.today);
        if (!health || health->size() != static_cast<std::size_t>(kGuides)) {
            state.SkipWithError("health did not cover every guide");
            return;
        }
        benchmark::DoNotOptimize(health);
    }
    state.SetItemsProcessed(state.iterations() * kGuides);
}
BENCHMARK(healthOfTenThousandGuides)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
