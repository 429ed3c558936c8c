// The content pipeline on the demo library scaled to 1,000 guides: parse
// (with the schema), lint and render every step, against the baseline of
// plain libxml2 parsing of the same bytes, measured in the same run. Report
// the ratio and guides per second (items_per_second), not the time alone.
//   scripts/build release && build-release/bin/content_bench
#include <souffleur/content/diff.h>
#include <souffleur/content/lint.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/render.h>
#include <souffleur/content/writer.h>

#include <benchmark/benchmark.h>
#include <libxml/parser.h>

#include <algorithm>
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

// Two revisions of a 200-step guide (issue 15: the diff in at most 50 ms):
// the demo library's steps, renamed apart, as revision 1; revision 2 edits a
// word in every fifth step, moves three, removes two and adds four, and
// retargets an option.
struct Revisions {
    souffleur::content::Guide before;
    souffleur::content::Guide after;
    std::string beforeXml;
    std::string afterXml;
};

const Revisions& twoHundredSteps() {
    static const Revisions revisions = [] {
        using namespace souffleur::content;
        Revisions r;
        std::vector<Step> steps;
        for (const auto& xml : scaledLibrary()) {
            auto guide = parseGuide(xml, "g.xml");
            for (auto& step : guide->steps) {
                if (steps.size() == 200)
                    break;
                if (!step.block.empty())
                    continue; // its text is in the block
                step.id = "s" + std::to_string(steps.size());
                for (auto& option : step.options)
                    option.target = "s0";
                steps.push_back(std::move(step));
            }
            if (steps.size() == 200)
                break;
        }
        r.before.id = "bench.two-hundred";
        r.before.title = "Tweehonderd stappen";
        r.before.steps = steps;
        r.after = r.before;
        r.after.revision = 2;
        for (std::size_t i = 0; i < r.after.steps.size(); i += 5)
            r.after.steps[i].glance += " Let daarbij goed op.";
        std::rotate(r.after.steps.begin() + 10, r.after.steps.begin() + 13,
                    r.after.steps.begin() + 40);
        r.after.steps.erase(r.after.steps.begin() + 100);
        r.after.steps.erase(r.after.steps.begin() + 150);
        for (int i = 0; i < 4; ++i)
            r.after.steps.insert(r.after.steps.begin() + 50 * i,
                                 Step{.id = "new" + std::to_string(i), .glance = "Nieuw"});
        r.beforeXml = writeGuide(r.before);
        r.afterXml = writeGuide(r.after);
        return r;
    }();
    return revisions;
}

// Baseline: parsing both revisions, which every diff of two files starts with.
void parseTwoRevisions(benchmark::State& state) {
    const auto& r = twoHundredSteps();
    for (auto _ : state) {
        benchmark::DoNotOptimize(souffleur::content::parseGuide(r.beforeXml, "old.xml"));
        benchmark::DoNotOptimize(souffleur::content::parseGuide(r.afterXml, "new.xml"));
    }
}
BENCHMARK(parseTwoRevisions)->Unit(benchmark::kMillisecond);

// The semantic diff of the two parsed revisions.
void diffTwoHundredSteps(benchmark::State& state) {
    const auto& r = twoHundredSteps();
    for (auto _ : state)
        benchmark::DoNotOptimize(souffleur::content::diffGuides(r.before, r.after));
}
BENCHMARK(diffTwoHundredSteps)->Unit(benchmark::kMillisecond);

// What `souffleur diff OLD.xml NEW.xml` does: parse both, diff, write the text.
void parseAndDiffTwoHundredSteps(benchmark::State& state) {
    const auto& r = twoHundredSteps();
    for (auto _ : state) {
        auto before = souffleur::content::parseGuide(r.beforeXml, "old.xml");
        auto after = souffleur::content::parseGuide(r.afterXml, "new.xml");
        if (!before || !after) {
            state.SkipWithError(((before ? after : before).error().front().toString()).c_str());
            return;
        }
        benchmark::DoNotOptimize(
            souffleur::content::diffText(souffleur::content::diffGuides(*before, *after)));
    }
}
BENCHMARK(parseAndDiffTwoHundredSteps)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
