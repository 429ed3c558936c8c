// The guide parser: good guides become models; bad and hostile input becomes
// located errors, quickly, without touching the network or the file system.
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace souffleur::content;

namespace {

const std::string kMinimal = R"(<?xml version="1.0" encoding="UTF-8"?>
<guide xmlns="urn:x-souffleur:guide:1" id="t.minimal" revision="2" xml:lang="nl">
  <title>Minimaal</title>
  <step id="een">
    <glance>Eerste   stap
      met witruimte</glance>
  </step>
  <step id="twee" end="true"><glance>Klaar</glance></step>
</guide>
)";

template <typename T>
std::string firstMessage(const std::expected<T, Diagnostics>& result) {
    REQUIRE_FALSE(result.has_value());
    REQUIRE_FALSE(result.error().empty());
    return result.error().front().toString();
}

} // namespace

TEST_CASE("A minimal guide parses into the model", "[content][parser]") {
    auto guide = parseGuide(kMinimal, "minimal.xml");
    REQUIRE(guide.has_value());
    CHECK(guide->id == "t.minimal");
    CHECK(guide->revision == 2);
    CHECK(guide->language == "nl");
    CHECK(guide->title == "Minimaal");
    REQUIRE(guide->steps.size() == 2);
    CHECK(guide->steps[0].glance == "Eerste stap met witruimte");
    CHECK(guide->steps[1].ends);
    CHECK(guide->findStep("twee") == &guide->steps[1]);
    CHECK(guide->findStep("drie") == nullptr);
}

TEST_CASE("Every guide in the demo library parses", "[content][parser][library]") {
    const std::filesystem::path library = SOUFFLEUR_SOURCE_DIR "/content/library";
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(library)) {
        if (entry.path().extension() != ".xml")
            continue;
        INFO(entry.path());
        auto guide = loadGuide(entry.path());
        if (!guide) {
            for (const auto& d : guide.error())
                UNSCOPED_INFO(d.toString());
        }
        CHECK(guide.has_value());
        ++count;
    }
    CHECK(count >= 3);
}

TEST_CASE("Malformed XML is reported as file:line:col", "[content][parser][errors]") {
    const std::string broken =
        "<?xml version=\"1.0\"?>\n<guide xmlns=\"urn:x-souffleur:guide:1\">\n"
        "  <title>Oops</titel>\n</guide>\n";
    const auto message = firstMessage(parseGuide(broken, "broken.xml"));
    CHECK(message.starts_with("broken.xml:3:"));
    CHECK(message.find("error:") != std::string::npos);
}

TEST_CASE("Structural errors are located and named", "[content][parser][errors]") {
    SECTION("unknown element") {
        std::string xml = kMinimal;
        xml.replace(xml.find("<title>"), 7, "<blink/><title>");
        const auto message = firstMessage(parseGuide(xml, "g.xml"));
        CHECK(message.find("g.xml:3:") == 0);
        CHECK(message.find("unknown element <blink>") != std::string::npos);
    }
    SECTION("wrong namespace") {
        std::string xml = kMinimal;
        xml.replace(xml.find("urn:x-souffleur:guide:1"), 23, "urn:other");
        CHECK(firstMessage(parseGuide(xml, "g.xml")).find("root element") != std::string::npos);
    }
    SECTION("duplicate step id") {
        std::string xml = kMinimal;
        xml.replace(xml.find("id=\"twee\""), 9, "id=\"een\"");
        CHECK(firstMessage(parseGuide(xml, "g.xml")).find("duplicate step id") !=
              std::string::npos);
    }
    SECTION("option to an unknown step") {
        std::string xml = kMinimal;
        xml.replace(xml.find("</step>"), 7,
                    "<decision><option goto=\"nergens\">A</option>"
                    "<option goto=\"twee\">B</option></decision></step>");
        CHECK(firstMessage(parseGuide(xml, "g.xml")).find("unknown step 'nergens'") !=
              std::string::npos);
    }
    SECTION("missing revision") {
        std::string xml = kMinimal;
        xml.replace(xml.find(" revision=\"2\""), 13, "");
        CHECK(firstMessage(parseGuide(xml, "g.xml")).find("revision") != std::string::npos);
    }
}

TEST_CASE("Hostile XML is refused with a clear error", "[content][parser][hostile]") {
    SECTION("billion laughs") {
        const std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<guide xmlns="urn:x-souffleur:guide:1" id="x" revision="1"><title>&lol3;</title></guide>)";
        const auto message = firstMessage(parseGuide(xml, "lol.xml"));
        CHECK(message.starts_with("lol.xml:2:1:"));
        CHECK(message.find("DOCTYPE") != std::string::npos);
    }
    SECTION("external entity") {
        const std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE g [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<guide xmlns="urn:x-souffleur:guide:1" id="x" revision="1"><title>&xxe;</title></guide>)";
        CHECK(firstMessage(parseGuide(xml, "xxe.xml")).find("DOCTYPE") != std::string::npos);
    }
    SECTION("undeclared entity reference") {
        std::string xml = kMinimal;
        xml.replace(xml.find("Minimaal"), 8, "&passwd;");
        CHECK(firstMessage(parseGuide(xml, "ent.xml")).find("ent.xml:3:") == 0);
    }
    SECTION("deep nesting") {
        std::string xml = "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"x\" revision=\"1\">";
        for (int i = 0; i < 5000; ++i)
            xml += "<a>";
        for (int i = 0; i < 5000; ++i)
            xml += "</a>";
        xml += "</guide>";
        CHECK_FALSE(parseGuide(xml, "deep.xml").has_value());
    }
    SECTION("oversized input") {
        std::string xml = kMinimal;
        xml.insert(xml.find("</title>"), std::string(kMaxGuideBytes, 'x'));
        CHECK(firstMessage(parseGuide(xml, "big.xml")).find("larger than the limit") !=
              std::string::npos);
    }
    SECTION("not XML at all") {
        CHECK_FALSE(parseGuide("", "empty.xml").has_value());
        CHECK_FALSE(parseGuide(std::string("\0\x01\xff", 3), "binary.xml").has_value());
    }
}

TEST_CASE("A missing file is an error, not a crash", "[content][parser][errors]") {
    auto result = loadGuide("/nonexistent/guide.xml");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().front().message.find("cannot read") != std::string::npos);
}

TEST_CASE("Format v1 fields are checked with located messages", "[content][parser][errors]") {
    const auto withInTitle = [](const std::string& extra) {
        std::string xml = kMinimal;
        xml.insert(xml.find("  <step id=\"een\">"), extra + "\n");
        return xml;
    };
    const auto withInStep = [](const std::string& extra) {
        std::string xml = kMinimal;
        xml.insert(xml.find("  </step>"), extra + "\n");
        return xml;
    };
    SECTION("a date that is not a date") {
        CHECK(firstMessage(parseGuide(withInTitle("<valid from=\"2026-13-01\"/>"), "g.xml"))
                  .find("not a date of the form YYYY-MM-DD") != std::string::npos);
    }
    SECTION("an image hash that is not SHA-256") {
        CHECK(firstMessage(parseGuide(withInStep("<image hash=\"md5:abc\" alt=\"x\"/>"), "g.xml"))
                  .find("sha256") != std::string::npos);
    }
    SECTION("an image without a description") {
        const std::string image = "<image hash=\"sha256:" + std::string(64, 'a') + "\"/>";
        CHECK(firstMessage(parseGuide(withInStep(image), "g.xml")).find("alt") !=
              std::string::npos);
    }
    SECTION("an escalation to an unknown role") {
        CHECK(firstMessage(parseGuide(withInStep("<escalation role=\"mayor\"><say>x</say>"
                                                 "</escalation>"),
                                      "g.xml"))
                  .find("role must be") != std::string::npos);
    }
    SECTION("an escalation with nothing to say") {
        CHECK(firstMessage(
                  parseGuide(withInStep("<escalation role=\"police\"></escalation>"), "g.xml"))
                  .find("<say>") != std::string::npos);
    }
    SECTION("a trigger with both a link and a window pattern") {
        CHECK(firstMessage(parseGuide(withInTitle("<trigger link=\"x\" title=\"y\"/>"), "g.xml"))
                  .find("either a link or") != std::string::npos);
    }
    SECTION("elements out of the schema's order") {
        const std::string xml = withInTitle("<tag>a</tag><owner team=\"t\"/>");
        const auto message = firstMessage(parseGuide(xml, "g.xml"));
        CHECK(message.find("schema:") != std::string::npos);
        CHECK(message.starts_with("g.xml:"));
    }
}

TEST_CASE("Alerts parse, and a guide is not an alert", "[content][parser][alert]") {
    const std::string alert = R"(<alert xmlns="urn:x-souffleur:guide:1" id="a.one" revision="1"
        level="critical" acknowledge="required"><title>T</title><body>B</body>
        <valid from="2026-01-01" to="2026-02-01"/><attach guide="g.x" step="s"/></alert>)";
    auto parsed = parseAlert(alert, "a.xml");
    REQUIRE(parsed.has_value());
    CHECK(parsed->level == Alert::Level::Critical);
    CHECK(parsed->mustAcknowledge);
    REQUIRE(parsed->attachments.size() == 1);
    CHECK(parsed->attachments[0].step == "s");
    CHECK(firstMessage(parseGuide(alert, "a.xml")).find("not a <guide>") != std::string::npos);
    CHECK(firstMessage(parseAlert(kMinimal, "g.xml")).find("not an <alert>") != std::string::npos);
    std::string noLevel = alert;
    noLevel.replace(noLevel.find("level=\"critical\""), 16, "level=\"urgent\"");
    CHECK(firstMessage(parseAlert(noLevel, "a.xml")).find("level must be") != std::string::npos);
}

TEST_CASE("Format revisions: a reader refuses a newer one as 'update needed', not as broken",
          "[content][parser][format]") {
    const std::string stepBasis = R"(<guide xmlns="urn:x-souffleur:guide:1" id="t.f" revision="1"
        format="FORMAT"><title>T</title><step id="a"><glance>G</glance>
        <basis href="https://wetten.example/pun">Pun art. 28</basis></step></guide>)";
    const auto withFormat = [&](const std::string& format) {
        std::string xml = stepBasis;
        xml.replace(xml.find("FORMAT"), 6, format);
        return xml;
    };

    // Format 2: a step cites the rule it rests on.
    auto guide = parseGuide(withFormat("2"), "f.xml");
    REQUIRE(guide.has_value());
    REQUIRE(guide->steps[0].references.size() == 1);
    CHECK(guide->steps[0].references[0].label == "Pun art. 28");
    CHECK(guide->requiredFormat() == 2);
    CHECK(parseGuide(kMinimal, "m.xml")->requiredFormat() == 1);

    // Declaring too low a format for what the guide uses is an error.
    CHECK(firstMessage(parseGuide(withFormat("1"), "f.xml"))
              .ends_with("error: <basis> in a step needs format=\"2\" on the <guide>"));

    // A reader of format 1 (an older desk) meets format 2: one diagnostic, and
    // it says which format is needed.
    auto older = parseGuide(withFormat("2"), "f.xml", {.maxFormat = 1});
    REQUIRE_FALSE(older.has_value());
    REQUIRE(older.error().size() == 1);
    CHECK(neededFormat(older.error()) == 2);
    CHECK(older.error()[0].toString() ==
          "f.xml:1:1: error: this document needs guide format 2; this version of Souffleur reads "
          "formats up to 1: an update is needed");

    // A format from the future, whatever words it uses, is "update needed" too.
    const std::string future = R"(<guide xmlns="urn:x-souffleur:guide:1" id="t.f" revision="1"
        format="9"><title>T</title><hologram/></guide>)";
    auto newer = parseDocument(future, "future.xml");
    REQUIRE_FALSE(newer.has_value());
    CHECK(neededFormat(newer.error()) == 9);
    const std::string alert = R"(<alert xmlns="urn:x-souffleur:guide:1" id="a" revision="1"
        level="info" format="9"><title>T</title><body>B</body></alert>)";
    CHECK(neededFormat(parseAlert(alert, "alert.xml").error()) == 9);

    // A broken document is not one that needs an update.
    CHECK(neededFormat(parseGuide(withFormat("nul"), "f.xml").error()) == 0);
    CHECK(firstMessage(parseGuide(withFormat("0"), "f.xml"))
              .find("format must be a whole number of at least 1") != std::string::npos);
    CHECK(neededFormat(parseGuide("<guide", "f.xml").error()) == 0);
}

TEST_CASE("Format 3: internal notes in a step, for colleagues only", "[content][parser][format]") {
    const std::string withNote = R"(<guide xmlns="urn:x-souffleur:guide:1" id="t.n" revision="1"
        format="FORMAT"><title>T</title><step id="a"><glance>G</glance><tip>Tip</tip>
        <note>Vraag de teamleider voor u weigert.</note></step></guide>)";
    const auto withFormat = [&](const std::string& format) {
        std::string xml = withNote;
        xml.replace(xml.find("FORMAT"), 6, format);
        return xml;
    };
    auto guide = parseGuide(withFormat("3"), "n.xml");
    REQUIRE(guide.has_value());
    REQUIRE(guide->steps[0].notes ==
            std::vector<std::string>{"Vraag de teamleider voor u weigert."});
    CHECK(guide->requiredFormat() == 3);
    // Written canonically with format="3", and read back the same.
    const std::string written = writeGuide(*guide);
    CHECK(written.find("format=\"3\"") != std::string::npos);
    CHECK(written.find("<note>Vraag de teamleider voor u weigert.</note>") != std::string::npos);
    CHECK(parseGuide(written, "w.xml").value() == *guide);
    // Too low a format for it, and an older reader: clear answers.
    CHECK(firstMessage(parseGuide(withFormat("2"), "n.xml"))
              .ends_with("error: <note> in a step needs format=\"3\" on the <guide>"));
    auto older = parseGuide(withFormat("3"), "n.xml", {.maxFormat = 2});
    REQUIRE_FALSE(older.has_value());
    CHECK(neededFormat(older.error()) == 3);
    // Markup in a note is refused, as in every plain-text element.
    CHECK_FALSE(parseGuide(R"(<guide xmlns="urn:x-souffleur:guide:1" id="t.n" revision="1"
        format="3"><title>T</title><step id="a"><glance>G</glance>
        <note><script>alert(1)</script></note></step></guide>)",
                           "n.xml")
                    .has_value());
}

TEST_CASE("Format 5: a review cycle, and a basis that cites a source record",
          "[content][parser][format]") {
    const std::string xml =
        R"(<guide xmlns="urn:x-souffleur:guide:1" id="t.health" revision="1" format="5">
  <title>Gezond</title>
  <owner team="Team Reisdocumenten"/>
  <review every="6" next="2027-03-01"/>
  <basis href="https://wetten.overheid.nl/BWBR0005212" source="pw">Paspoortwet, art. 28</basis>
  <step id="a" end="true"><glance>Doe het</glance>
    <basis source="werkinstructie-id">Werkinstructie identiteit</basis>
  </step>
</guide>)";
    auto guide = parseGuide(xml, "health.xml");
    REQUIRE(guide);
    CHECK(guide->reviewMonths == 6);
    CHECK(guide->nextReview == "2027-03-01");
    CHECK(guide->references[0].source == "pw");
    CHECK(guide->steps[0].references[0].source == "werkinstructie-id");
    CHECK(guide->requiredFormat() == 5);
    // The canonical writer keeps them, and declares format 5.
    const auto written = writeGuide(*guide);
    CHECK(written.find(R"(<review every="6" next="2027-03-01"/>)") != std::string::npos);
    CHECK(written.find(R"(source="pw")") != std::string::npos);
    CHECK(written.find(R"(format="5")") != std::string::npos);
    auto again = parseGuide(written, "again.xml");
    REQUIRE(again);
    CHECK(*again == *guide);

    // Without format 5 declared, or with a nonsense cycle: located errors.
    std::string old = xml;
    old.replace(old.find(R"( format="5")"), 11, R"( format="4")");
    const auto refused = parseGuide(old, "old.xml");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().front().message.find("needs format=\"5\"") != std::string::npos);
    std::string silly = xml;
    silly.replace(silly.find(R"(every="6")"), 9, R"(every="600")");
    CHECK_FALSE(parseGuide(silly, "silly.xml"));
}
