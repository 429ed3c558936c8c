// Search on the desk, per keystroke, over 10,000 guides (issue 6: p99 <= 5 ms).
// Builds a desk replica of N guides made from the demo library (each with its
// own id and a title and steps varied with words from the library), then
// types queries letter by letter, exact ones and ones with a typing error,
// and times Replica::search for every keystroke. The baseline in the same run
// is the search one would write without an index: SQLite LIKE '%word%' over
// title and body, LIMIT 10, on the same file.
//
//   build-release/bin/search_bench [GUIDES] [ROUNDS]     (default 10000 5)
#include <souffleur/client/replica.h>
#include <souffleur/sqlite/sqlite.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace souffleur;
using Clock = std::chrono::steady_clock;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
    const auto begin = text.find(open);
    if (begin == std::string::npos)
        return {};
    const auto end = text.find(close, begin + open.size());
    return text.substr(begin + open.size(), end - begin - open.size());
}

void replaceFirst(std::string& text, const std::string& from, const std::string& to) {
    if (const auto at = text.find(from); at != std::string::npos)
        text.replace(at, from.size(), to);
}

struct Percentiles {
    double p50, p95, p99, max;
};

Percentiles percentiles(std::vector<double> ms) {
    std::ranges::sort(ms);
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1,
                           static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    };
    return {at(0.50), at(0.95), at(0.99), ms.back()};
}

} // namespace

int main(int argc, char** argv) {
    const int guides = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
    const auto path = std::filesystem::temp_directory_path() /
                      ("souffleur-search-bench-" + std::to_string(::getpid()) + ".sqlite");
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);

    std::vector<std::string> templates;
    std::vector<std::string> words;
    for (const auto& entry :
         std::filesystem::directory_iterator(SOUFFLEUR_SOURCE_DIR "/content/library")) {
        if (entry.path().extension() != ".xml")
            continue;
        templates.push_back(readFile(entry.path()));
        std::istringstream glances(templates.back());
        for (std::string word; glances >> word;) {
            if (word.size() >= 5 &&
                std::ranges::all_of(word, [](char c) { return (c >= 'a' && c <= 'z'); }))
                words.push_back(word);
        }
    }
    std::ranges::sort(templates); // the same guides in the same order on every run
    std::ranges::sort(words);
    words.erase(std::unique(words.begin(), words.end()), words.end());

    auto replica = client::Replica::open(path);
    if (!replica) {
        std::fprintf(stderr, "cannot open %s: %s\n", path.c_str(), replica.error().message.c_str());
        return 1;
    }
    std::mt19937 random(42);
    const auto built = Clock::now();
    std::vector<client::Change> page;
    for (int i = 1; i <= guides; ++i) {
        std::string xml = templates[static_cast<std::size_t>(i) % templates.size()];
        const std::string id = between(xml, " id=\"", "\"");
        const std::string newId = id + "-" + std::to_string(i);
        replaceFirst(xml, " id=\"" + id + "\"", " id=\"" + newId + "\"");
        const std::string title = between(xml, "<title>", "</title>");
        const std::string extra =
            words[random() % words.size()] + " " + words[random() % words.size()];
        replaceFirst(xml, "<title>" + title + "</title>",
                     "<title>" + title + " " + extra + "</title>");
        const std::string glance = between(xml, "<glance>", "</glance>");
        replaceFirst(xml, "<glance>" + glance + "</glance>",
                     "<glance>" + glance + " " + words[random() % words.size()] + "</glance>");
        page.push_back({i, "guide", newId, 1, std::move(xml)});
        if (page.size() == 500 || i == guides) {
            auto rejected = replica->applyChanges(page, i, i == guides);
            if (!rejected || *rejected > 0) {
                std::fprintf(stderr, "cannot store the guides\n");
                return 1;
            }
            page.clear();
        }
    }
    const double buildSeconds = std::chrono::duration<double>(Clock::now() - built).count();
    // As the overlay does when its palette opens or the guides changed.
    const auto prepared = Clock::now();
    if (!replica->prepareSearch())
        return 1;
    const double prepareMs =
        std::chrono::duration<double, std::milli>(Clock::now() - prepared).count();

    const std::vector<std::string> queries = {"paspoort aanvragen",
                                              "rijbewijs verlengen",
                                              "identiteit vaststellen",
                                              "verhuizing",
                                              "uittreksel brp",
                                              "pasfoto kind",
                                              "infuuspomp firmware",
                                              "huishoudboekje",
                                              "pasoport",
                                              "rijbewjs",
                                              "verhuizinng binnen",
                                              "eerste inschrijving"};
    std::vector<double> fts;
    std::vector<double> like;
    std::vector<std::pair<double, std::string>> slowest; // with SEARCH_BENCH_SLOWEST set
    std::size_t hits = 0;
    auto& db = replica->database();
    auto likeQuery =
        db.prepare("SELECT id FROM guides WHERE title LIKE ?1 OR body LIKE ?1 LIMIT 10");
    if (!likeQuery)
        return 1;
    for (int round = 0; round < rounds; ++round) {
        for (const auto& query : queries) {
            for (std::size_t typed = 2; typed <= query.size(); ++typed) {
                const std::string text = query.substr(0, typed);
                auto start = Clock::now();
                auto found = replica->search(text, 10);
                fts.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                slowest.emplace_back(fts.back(), text);
                if (!found)
                    return 1;
                hits += found->size();
                // The baseline: the last word typed, anywhere in title or body.
                const std::string last = text.substr(text.rfind(' ') + 1);
                start = Clock::now();
                likeQuery->reset().bindAll("%" + last + "%");
                std::size_t rows = 0;
                if (!likeQuery->forEachRow([&rows](const sqlite::Statement&) { ++rows; }))
                    return 1;
                like.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            }
        }
    }
    const auto f = percentiles(fts);
    const auto l = percentiles(like);
    std::printf("search_bench: %d guides (built and indexed in %.1f s; search prepared in %.1f "
                "ms), %zu keystrokes, %zu hits\n",
                guides, buildSeconds, prepareMs, fts.size(), hits);
    std::printf("%-32s %9s %9s %9s %9s\n", "per keystroke (ms)", "p50", "p95", "p99", "max");
    std::printf("%-32s %9.3f %9.3f %9.3f %9.3f\n", "Replica::search (FTS5)", f.p50, f.p95, f.p99,
                f.max);
    std::printf("%-32s %9.3f %9.3f %9.3f %9.3f\n", "baseline: LIKE '%word%' LIMIT 10", l.p50, l.p95,
                l.p99, l.max);
    std::printf("ratio p99 search / baseline: %.2f (target: search p99 <= 5 ms)\n", f.p99 / l.p99);
    if (std::getenv("SEARCH_BENCH_SLOWEST")) {
        std::ranges::sort(slowest, std::greater<>());
        for (std::size_t i = 0; i < std::min<std::size_t>(15, slowest.size()); ++i)
            std::printf("  %8.3f ms  \"%s\"\n", slowest[i].first, slowest[i].second.c_str());
    }
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
    return 0;
}
