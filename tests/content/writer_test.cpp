// The canonical writer: parse(write(d)) == d and write(parse(f)) == f, for
// every guide and alert in the demo library.
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace souffleur::content;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string write(const Document& document) {
    if (const auto* guide = std::get_if<Guide>(&document))
        return writeGuide(*guide);
    return writeAlert(std::get<Alert>(document));
}

} // namespace

TEST_CASE("The demo library round-trips through the canonical writer",
          "[content][writer][library]") {
    const std::filesystem::path library = SOUFFLEUR_SOURCE_DIR "/content/library";
    int guides = 0;
    int alerts = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(library)) {
        if (entry.path().extension() != ".xml")
            continue;
        INFO(entry.path());
        const std::string text = readFile(entry.path());
        auto document = parseDocument(text, entry.path().string());
        REQUIRE(document.has_value());
        const std::string written = write(*document);
        CHECK(written == text); // the library is kept in canonical form
        auto again = parseDocument(written, "again.xml");
        REQUIRE(again.has_value());
        CHECK(*again == *document);
        (std::holds_alternative<Guide>(*document) ? guides : alerts)++;
    }
    CHECK(guides >= 3);
    CHECK(alerts >= 2);
}

TEST_CASE("Every field of a guide survives writing and parsing", "[content][writer]") {
    Guide guide;
    guide.id = "t.full";
    guide.revision = 7;
    guide.language = "en";
    guide.title = "A & B <c> \"d\"";
    guide.summary = "Summary";
    guide.audience = {"baliemedewerker", "id-deskundige"};
    guide.owner = "Team \"Reis\" & Co";
    guide.tags = {"een", "twee"};
    guide.validFrom = "2026-01-01";
    guide.validTo = "2026-12-31";
    guide.references = {{"Wet & regel", "https://example.org/?a=1&b=2"}, {"Intern", ""}};
    guide.related = {"t.other"};
    guide.triggers = {{"app*", "*Titel?", ""}, {"", "", "deep.link"}};
    guide.prerequisites = RichText::fromPlainText("Before");
    guide.context = *RichText::fromHtml("<p>Back</p><ul><li><em>ground</em></li></ul>");
    guide.result = RichText::fromPlainText("Done &");
    guide.steps = {
        {.id = "s1",
         .glance = "x < y & z > w",
         .details = *RichText::fromHtml("d <strong>e</strong><br>f <a href='guide:t.other'>g</a>"),
         .why = RichText::fromPlainText("w"),
         .checks = {"'quote'"},
         .warnings = {"warn"},
         .tips = {"tip"},
         .images = {{"sha256:" + std::string(64, '0'), "a \"picture\""}},
         .options = {{"to s2", "s2"}, {"to s3", "s3"}}},
        {.id = "s2",
         .glance = "two",
         .escalation = Escalation{"police", "say", "record", "outcome"},
         .ends = true,
         .references = {{"Pun art. 28 & 29", "https://wetten.example/?a&b"},
                        {"Werkinstructie", ""}}},
        {.id = "s3", .glance = "three", .escalation = Escalation{"other", "say", "", ""}},
    };
    const std::string xml = writeGuide(guide);
    CHECK(xml.find(R"(revision="7" format="2" xml:lang="en")") != std::string::npos);
    auto parsed = parseGuide(xml, "full.xml");
    if (!parsed) {
        for (const auto& d : parsed.error())
            UNSCOPED_INFO(d.toString());
    }
    REQUIRE(parsed.has_value());
    CHECK(*parsed == guide);
}

TEST_CASE("Every field of an alert survives writing and parsing", "[content][writer]") {
    Alert alert;
    alert.id = "t.alert";
    alert.revision = 3;
    alert.level = Alert::Level::Critical;
    alert.mustAcknowledge = true;
    alert.validFrom = "2026-11-01";
    alert.title = "Let op";
    alert.body = RichText::fromPlainText("Body & <more>\n\nSecond");
    alert.attachments = {{"t.guide", "s1"}, {"t.guide", ""}};
    auto parsed = parseAlert(writeAlert(alert), "alert.xml");
    REQUIRE(parsed.has_value());
    CHECK(*parsed == alert);
    alert.level = Alert::Level::Info;
    alert.mustAcknowledge = false;
    CHECK(parseAlert(writeAlert(alert), "alert.xml").value() == alert);
}
