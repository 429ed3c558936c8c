// Parsing and rendering a guide, against the baseline of plain libxml2
// parsing of the same bytes in the same run. Report the ratio, not the time.
#include <souffleur/content/parser.h>
#include <souffleur/content/render.h>

#include <benchmark/benchmark.h>
#include <libxml/parser.h>

#include <fstream>
#include <sstream>

namespace {

const std::string& guideBytes() {
    static const std::string bytes = [] {
        std::ifstream in(SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml");
        std::stringstream buffer;
        buffer << in.rdbuf();
        return buffer.str();
    }();
    return bytes;
}

// Baseline: libxml2 building the DOM, nothing more.
void plainLibxmlParse(benchmark::State& state) {
    const std::string& xml = guideBytes();
    for (auto _ : state) {
        xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "g.xml", nullptr,
                                    XML_PARSE_NONET);
        benchmark::DoNotOptimize(doc);
        xmlFreeDoc(doc);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(xml.size()));
}
BENCHMARK(plainLibxmlParse);

void parseGuide(benchmark::State& state) {
    const std::string& xml = guideBytes();
    for (auto _ : state)
        benchmark::DoNotOptimize(souffleur::content::parseGuide(xml, "g.xml"));
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(xml.size()));
}
BENCHMARK(parseGuide);

void renderEveryStep(benchmark::State& state) {
    const auto guide = souffleur::content::parseGuide(guideBytes(), "g.xml").value();
    for (auto _ : state) {
        for (const auto& step : guide.steps)
            benchmark::DoNotOptimize(souffleur::content::renderStep(guide, step));
    }
}
BENCHMARK(renderEveryStep);

} // namespace

BENCHMARK_MAIN();
