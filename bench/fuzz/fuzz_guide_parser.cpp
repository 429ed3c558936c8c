// libFuzzer target for the guide/alert parser (content/parser.h): parseDocument
// on arbitrary bytes. Whatever parses must survive the canonical writer: the
// written document must parse again to an equal model (writer.h promises
// parse(write(g)) == g), every step of a guide must render (render.h), and
// its DITA export must import again (dita.h).
// Any breach of that contract traps, so libFuzzer records the input.
// Built by bench/fuzz/CMakeLists.txt; run by scripts/fuzz.
#include <souffleur/content/dita.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/render.h>
#include <souffleur/content/writer.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace {

using namespace souffleur::content;

void checkGuide(const Guide& guide) {
    const std::string written = writeGuide(guide);
    const auto reparsed = parseGuide(written, "fuzz-rewritten.xml");
    if (!reparsed || *reparsed != guide)
        __builtin_trap();
    if (!importDitaTask(exportDitaTask(guide), "fuzz-exported.dita"))
        __builtin_trap();
    for (const Step& step : guide.steps) {
        (void)renderStep(guide, step);
        (void)renderStep(guide, step, {.language = UiLanguage::English});
    }
}

void checkAlert(const Alert& alert) {
    const std::string written = writeAlert(alert);
    const auto reparsed = parseAlert(written, "fuzz-rewritten.xml");
    if (!reparsed || *reparsed != alert)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    const auto document = parseDocument(xml, "fuzz.xml");
    if (!document)
        return 0;
    if (const auto* guide = std::get_if<Guide>(&*document))
        checkGuide(*guide);
    else
        checkAlert(std::get<Alert>(*document));
    return 0;
}
