// The canonical writer: parse(write(g)) == g and write(parse(f)) == f.
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace souffleur::content;

TEST_CASE("The demo library round-trips through the canonical writer",
          "[content][writer][library]") {
    const std::filesystem::path library = SOUFFLEUR_SOURCE_DIR "/content/library";
    for (const auto& entry : std::filesystem::directory_iterator(library)) {
        if (entry.path().extension() != ".xml")
            continue;
        INFO(entry.path());
        std::ifstream in(entry.path());
        std::stringstream buffer;
        buffer << in.rdbuf();
        auto guide = parseGuide(buffer.str(), entry.path().string());
        REQUIRE(guide.has_value());
        const std::string written = writeGuide(*guide);
        CHECK(written == buffer.str()); // the library is kept in canonical form
        auto again = parseGuide(written, "again.xml");
        REQUIRE(again.has_value());
        CHECK(*again == *guide);
    }
}

TEST_CASE("Special characters survive writing", "[content][writer]") {
    Guide guide;
    guide.id = "t.special";
    guide.title = "A & B <c> \"d\"";
    guide.steps.push_back({"s1", "x < y & z > w", "", "", {"'quote'"}, {}, true});
    auto parsed = parseGuide(writeGuide(guide), "special.xml");
    REQUIRE(parsed.has_value());
    CHECK(*parsed == guide);
}
