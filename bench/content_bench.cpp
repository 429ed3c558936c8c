// The content pipeline on the demo library scaled to 1,000 guides: parse
// (with the schema), lint and render every step, against the baseline of
// plain libxml2 parsing of the same bytes, measured in the same run. Report
// the ratio and guides per second (items_per_second), not the time alone.
//   scripts/build release && build-release/bin/content_bench
#include <souffleur/content/lint.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/render.h>

#include <benchmark/benchmark.h>
#include <libxml/parser.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kGuides = 1000;

// The library's guides, repeated with distinct ids up to kGuides documents.
const std::vector<std::string>& scaledLibrary() {
    static const std::vector<std::string> documents = [] {
        std::vector<std::string> originals;
        for (const auto& entry :
             std::filesystem::directory_iterator(SOUFFLEUR_SOURCE_DIR "/content/library")) {
            if (entry.path().extension() != ".xml")
                continue;
            std::ifstream in(entry.path());
            std::stringstream buffer;
            buffer << in.rdbuf();
            originals.push_back(buffer.str());
        }
        std::vector<std::string> out;
        for (std::size_t i = 0; i < kGuides; ++i) {
            std::string xml = originals[i % originals.size()];
            const auto id = xml.find(" id=\"") + 5;
            xml.insert(id, "copy" + std::to_string(i) + ".");
            out.push_back(std::move(xml));
        }
        return out;
    }();
    return documents;
}

std::int64_t totalBytes() {
    std::int64_t bytes = 0;
    for (const auto& xml : scaledLibrary())
        bytes += static_cast<std::int64_t>(xml.size());
    return bytes;
}

// Baseline: libxml2 building the DOM of each document, nothing more.
void plainLibxmlParse(benchmark::State& state) {
    for (auto _ : state) {
        for (const auto& xml : scaledLibrary()) {
            xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "g.xml", nullptr,
                                        XML_PARSE_NONET);
            benchmark::DoNotOptimize(doc);
            xmlFreeDoc(doc);
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kGuides));
    state.SetBytesProcessed(state.iterations() * totalBytes());
}
BENCHMARK(plainLibxmlParse)->Unit(benchmark::kMillisecond);

// Parse and validate (structure + RELAX NG schema) only.
void parseGuides(benchmark::State& state) {
    for (auto _ : state) {
        for (const auto& xml : scaledLibrary())
            benchmark::DoNotOptimize(souffleur::content::parseGuide(xml, "g.xml"));
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kGuides));
    state.SetBytesProcessed(state.iterations() * totalBytes());
}
BENCHMARK(parseGuides)->Unit(benchmark::kMillisecond);

// The whole pipeline: parse, validate, lint, render every step.
void parseLintRender(benchmark::State& state) {
    const souffleur::content::LintContext context{{}, "2026-11-23"};
    for (auto _ : state) {
        for (const auto& xml : scaledLibrary()) {
            auto guide = souffleur::content::parseGuide(xml, "g.xml");
            if (!guide) {
                state.SkipWithError("a library guide did not parse");
                return;
            }
            benchmark::DoNotOptimize(souffleur::content::lintGuide(*guide, "g.xml", context));
            for (const auto& step : guide->steps)
                benchmark::DoNotOptimize(souffleur::content::renderStep(*guide, step));
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kGuides));
    state.SetBytesProcessed(state.iterations() * totalBytes());
}
BENCHMARK(parseLintRender)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
