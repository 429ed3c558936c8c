// libFuzzer target for the DITA task importer (content/dita.h): importDitaTask
// on arbitrary bytes. dita.h promises that an imported guide is valid, i.e. it
// passes writeGuide + parseGuide; an import that does not traps, so libFuzzer
// records the input. Built by bench/fuzz/CMakeLists.txt; run by scripts/fuzz.
#include <souffleur/content/dita.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace souffleur::content;
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    const auto imported = importDitaTask(xml, "fuzz.dita");
    if (!imported)
        return 0;
    const std::string written = writeGuide(imported->guide);
    if (!parseGuide(written, "fuzz-imported.xml"))
        __builtin_trap();
    return 0;
}
