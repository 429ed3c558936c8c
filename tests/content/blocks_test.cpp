// Reusable blocks (format 4): a block guide and the steps that show it, read,
// written, checked and resolved as the desk shows them.
#include <souffleur/content/blocks.h>
#include <souffleur/content/lint.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

using namespace souffleur::content;

namespace {

const std::string kBlock = R"(<?xml version="1.0" encoding="UTF-8"?>
<guide xmlns="urn:x-souffleur:guide:1" id="nl.blok.brp" revision="2" format="4" kind="block" xml:lang="nl">
  <title>BRP raadplegen</title>
  <owner team="burgerzaken"/>
  <step id="brp">
    <glance>Vergelijk de gegevens met de BRP.</glance>
    <check>Naam en geboortedatum kloppen</check>
    <warning>Geef niets door aan de burger uit de BRP.</warning>
    <escalation role="back-office">
      <say>Ik laat een collega meekijken.</say>
    </escalation>
  </step>
</guide>
)";

const std::string kGuide = R"(<?xml version="1.0" encoding="UTF-8"?>
<guide xmlns="urn:x-souffleur:guide:1" id="nl.test.aanvraag" revision="1" format="4" xml:lang="nl">
  <title>Aanvraag</title>
  <owner team="burgerzaken"/>
  <step id="begin">
    <glance>Neem het document aan.</glance>
  </step>
  <step id="controle" block="nl.blok.brp">
    <decision>
      <option goto="klaar">Alles klopt</option>
      <option goto="begin">Opnieuw</option>
    </decision>
  </step>
  <step id="klaar" end="true">
    <glance>Klaar.</glance>
  </step>
</guide>
)";

} // namespace

TEST_CASE("A block and a step that shows it round-trip through the canonical writer",
          "[content][blocks]") {
    auto block = parseGuide(kBlock, "block.xml");
    REQUIRE(block);
    CHECK(block->isBlock);
    CHECK(block->requiredFormat() == 4);
    CHECK(writeGuide(*block) == kBlock);

    auto guide = parseGuide(kGuide, "guide.xml");
    REQUIRE(guide);
    CHECK_FALSE(guide->isBlock);
    CHECK(guide->steps[1].block == "nl.blok.brp");
    CHECK(guide->steps[1].glance.empty());
    CHECK(guide->steps[1].options.size() == 2);
    CHECK(writeGuide(*guide) == kGuide);
    CHECK(blocksUsed(*guide) == std::vector<std::string>{"nl.blok.brp"});
}

TEST_CASE("A step that shows a block holds no text of its own, and needs format 4",
          "[content][blocks][hostile]") {
    std::string own = kGuide;
    own.replace(own.find("    <decision>\n      <option goto=\"klaar\">"), 0,
                "    <glance>Eigen tekst</glance>\n");
    auto withText = parseGuide(own, "own.xml");
    REQUIRE_FALSE(withText);
    CHECK(withText.error().front().message.find("takes its text from there") != std::string::npos);

    std::string older = kGuide;
    older.replace(older.find(" format=\"4\""), 11, " format=\"3\"");
    auto three = parseGuide(older, "older.xml");
    REQUIRE_FALSE(three);
    CHECK(three.error().front().message.find("needs format=\"4\"") != std::string::npos);

    // A desk that reads format 3 waits for an update rather than guessing.
    auto oldDesk = parseGuide(kGuide, "guide.xml", {.maxFormat = 3});
    REQUIRE_FALSE(oldDesk);
    CHECK(neededFormat(oldDesk.error()) == 4);

    std::string kind = kBlock;
    kind.replace(kind.find("kind=\"block\""), 12, "kind=\"macro\"");
    REQUIRE_FALSE(parseGuide(kind, "kind.xml"));
}

TEST_CASE("Resolved, a step shows its block's content and keeps its own way on",
          "[content][blocks]") {
    const Guide block = parseGuide(kBlock, "block.xml").value();
    const Guide guide = parseGuide(kGuide, "guide.xml").value();
    const BlockLookup lookup = [&](std::string_view id) {
        return id == block.id ? &block : nullptr;
    };
    std::vector<std::string> missing;
    const Guide shown = resolveBlocks(guide, lookup, &missing);
    CHECK(missing.empty());
    const Step& step = shown.steps[1];
    CHECK(step.id == "controle");
    CHECK(step.block == "nl.blok.brp");
    CHECK(step.glance == "Vergelijk de gegevens met de BRP.");
    CHECK(step.checks == std::vector<std::string>{"Naam en geboortedatum kloppen"});
    CHECK(step.warnings.size() == 1);
    CHECK(step.options.size() == 2); // the guide decides
    CHECK_FALSE(step.escalation);    // a decision and a hand-off never both
    CHECK(shown.steps[0] == guide.steps[0]);

    SECTION("without a decision, the block's hand-off comes along") {
        Guide plain = guide;
        plain.steps[1].options.clear();
        CHECK(resolveBlocks(plain, lookup).steps[1].escalation->role == "back-office");
    }
    SECTION("a block not at hand says so, and is named") {
        const Guide alone = resolveBlocks(guide, {}, &missing);
        CHECK(alone.steps[1].glance == "Onderdeel 'nl.blok.brp' is hier nog niet beschikbaar.");
        CHECK(missing == std::vector<std::string>{"nl.blok.brp"});
    }
    SECTION("a guide that is not a block is not shown as one") {
        const Guide notABlock = guide;
        const Guide resolved = resolveBlocks(
            guide, [&](std::string_view) { return &notABlock; }, &missing);
        CHECK(missing.size() == 1);
        CHECK(resolved.steps[1].glance.find("nog niet beschikbaar") != std::string::npos);
    }
}

TEST_CASE("The lint keeps a block to one step without a decision", "[content][blocks][lint]") {
    Guide block = parseGuide(kBlock, "block.xml").value();
    CHECK_FALSE(hasErrors(lintGuide(block, "block.xml")));
    const auto says = [](const Diagnostics& diagnostics, const std::string& text) {
        return std::ranges::any_of(diagnostics, [&](const Diagnostic& diagnostic) {
            return diagnostic.message.find(text) != std::string::npos;
        });
    };

    Guide two = block;
    two.steps.push_back({.id = "nog", .glance = "Nog een", .ends = true});
    CHECK(says(lintGuide(two, "b.xml"), "a block holds exactly one step, not 2"));

    Guide deciding = block;
    deciding.steps[0].escalation.reset();
    deciding.steps[0].options = {{"Verder", "brp"}};
    CHECK(says(lintGuide(deciding, "b.xml"), "a block's step has no decision"));

    Guide nested = block;
    nested.steps[0].block = "nl.blok.ander";
    CHECK(says(lintGuide(nested, "b.xml"), "a block cannot show another block"));

    Guide guide = parseGuide(kGuide, "guide.xml").value();
    CHECK(says(lintGuide(guide, "g.xml", {.knownGuides = {"nl.test.aanvraag"}}),
               "shows unknown block 'nl.blok.brp'"));
    CHECK_FALSE(says(lintGuide(guide, "g.xml", {.knownGuides = {"nl.blok.brp"}}), "unknown block"));
}
