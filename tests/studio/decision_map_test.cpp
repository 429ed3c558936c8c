// The decision map: rows as the step engine walks, and what it marks
// (unreachable steps, dead ends, options to nowhere, loops).
#include <souffleur/content/parser.h>
#include <souffleur/studio/decision_map.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace souffleur;

namespace {

content::Step step(std::string id, std::vector<content::Option> options = {}, bool ends = false) {
    content::Step s;
    s.id = std::move(id);
    s.glance = "Doe " + s.id;
    s.options = std::move(options);
    s.ends = ends;
    return s;
}

} // namespace

TEST_CASE("The demo guides map without unreachable steps or dead ends", "[studio][map]") {
    int guides = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(SOUFFLEUR_SOURCE_DIR "/content/library")) {
        if (entry.path().extension() != ".xml")
            continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        auto guide = content::parseGuide(text.str(), entry.path().string());
        REQUIRE(guide);
        const auto map = studio::buildDecisionMap(*guide);
        INFO(entry.path().string());
        CHECK(map.nodes.size() == guide->steps.size());
        CHECK(map.unreachable == 0);
        CHECK(map.deadEnds == 0);
        CHECK(map.brokenOptions == 0);
        CHECK(map.nodes.front().row == 0);
        for (const auto& edge : map.edges)
            CHECK(edge.to >= 0);
        ++guides;
    }
    CHECK(guides >= 9);
}

TEST_CASE("The identity guide: a decision's options, rows breadth first", "[studio][map]") {
    std::ifstream in(SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml");
    std::stringstream text;
    text << in.rdbuf();
    auto guide = content::parseGuide(text.str(), "identiteit");
    REQUIRE(guide);
    const auto map = studio::buildDecisionMap(*guide);
    const auto& first = map.nodes.front();
    CHECK(first.step == "gezicht");
    CHECK(first.decision);
    int fromFirst = 0;
    for (const auto& edge : map.edges) {
        if (edge.from != 0)
            continue;
        ++fromFirst;
        CHECK(!edge.label.empty());
        CHECK(map.nodes[static_cast<std::size_t>(edge.to)].row == 1);
    }
    CHECK(fromFirst == 2);
    CHECK(map.columns >= 2);
}

TEST_CASE("A broken guide: unreachable, dead end, an option to nowhere, a loop", "[studio][map]") {
    content::Guide guide;
    guide.id = "nl.test.kaart";
    guide.title = "Kaart";
    guide.steps = {
        step("start", {{"Ja", "klaar"}, {"Nee", "rondje"}, {"Weet niet", "bestaat-niet"}}),
        step("klaar", {}, true),
        step("rondje", {{"Opnieuw", "rondje-2"}, {"Nog eens", "rondje-2"}}),
        step("rondje-2", {{"Terug", "rondje"}, {"Weer terug", "rondje"}}),
        step("vergeten", {}, true),
    };
    const auto map = studio::buildDecisionMap(guide);
    REQUIRE(map.nodes.size() == 5);
    CHECK(map.nodes[0].row == 0);
    CHECK(map.nodes[1].row == 1);
    CHECK(map.nodes[1].finishes);
    CHECK(map.nodes[2].row == 1);
    CHECK(map.nodes[3].row == 2);
    // Never reached: a row of its own, after the others.
    CHECK(!map.nodes[4].reachable);
    CHECK(map.nodes[4].row == 3);
    CHECK(map.unreachable == 1);
    // The loop has no way out: both its steps are dead ends.
    CHECK(map.nodes[2].deadEnd);
    CHECK(map.nodes[3].deadEnd);
    CHECK(map.deadEnds == 2);
    CHECK(!map.nodes[0].deadEnd);
    // The option to a step that does not exist.
    CHECK(map.brokenOptions == 1);
    bool missing = false, back = false;
    for (const auto& edge : map.edges) {
        missing |= edge.to == -1 && edge.missing == "bestaat-niet" && edge.label == "Weet niet";
        back |= edge.from == 3 && edge.to == 2 && edge.back;
    }
    CHECK(missing);
    CHECK(back);
    CHECK(map.rows == 4);
}

TEST_CASE("An empty guide maps to nothing", "[studio][map]") {
    const auto map = studio::buildDecisionMap(content::Guide{});
    CHECK(map.nodes.empty());
    CHECK(map.rows == 0);
}
