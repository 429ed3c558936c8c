// The three-way merge of a guide (studio/merge.h): by step and field, never a
// silent overwrite.
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/studio/edit_model.h>
#include <souffleur/studio/merge.h>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace souffleur;
using studio::Conflict;
using studio::Merge;
using studio::Side;

namespace {

content::Guide base() {
    auto guide = content::loadGuide(std::filesystem::path(SOUFFLEUR_SOURCE_DIR) /
                                    "content/library/uittreksel-brp.xml");
    REQUIRE(guide);
    return *guide;
}

content::Step& step(content::Guide& guide, std::string_view id) {
    auto index = guide.stepIndex(id);
    REQUIRE(index);
    return guide.steps[*index];
}

void removeStep(content::Guide& guide, std::string_view id) {
    std::erase_if(guide.steps, [&](const content::Step& s) { return s.id == id; });
}

// A copy of a step of a guide (a merge's result is a temporary).
content::Step stepOf(const content::Guide& guide, std::string_view id) {
    const auto* found = guide.findStep(id);
    REQUIRE(found);
    return *found;
}

std::vector<std::string> ids(const content::Guide& guide) {
    std::vector<std::string> out;
    for (const auto& s : guide.steps)
        out.push_back(s.id);
    return out;
}

void requireParses(const content::Guide& guide) {
    auto parsed = content::parseGuide(content::writeGuide(guide), "merged");
    if (!parsed)
        FAIL(parsed.error().front().toString());
}

} // namespace

TEST_CASE("Changes to different fields and steps both arrive", "[studio][merge]") {
    const auto b = base();
    auto mine = b;
    auto theirs = b;
    mine.title = "Mijn titel";
    step(mine, "gezag").glance = "Mijn kijk";
    step(theirs, "gezag").checks.push_back("Hun controle");
    theirs.summary = "Hun samenvatting";
    theirs.revision = b.revision + 1;
    auto merge = Merge::threeWay(b, mine, theirs);
    CHECK(merge.conflicts().empty());
    CHECK(merge.settled());
    const auto result = merge.result();
    CHECK(result.title == "Mijn titel");
    CHECK(result.summary == "Hun samenvatting");
    CHECK(stepOf(result, "gezag").glance == "Mijn kijk");
    CHECK(stepOf(result, "gezag").checks.back() == "Hun controle");
    CHECK(result.revision == theirs.revision);
    requireParses(result);
}

TEST_CASE("The same change on both sides is no conflict", "[studio][merge]") {
    const auto b = base();
    auto mine = b;
    auto theirs = b;
    step(mine, "soort").glance = step(theirs, "soort").glance = "Zelfde";
    auto merge = Merge::threeWay(b, mine, theirs);
    CHECK(merge.conflicts().empty());
    CHECK(stepOf(merge.result(), "soort").glance == "Zelfde");
}

TEST_CASE("One field changed on both sides is a conflict: theirs, mine or both",
          "[studio][merge]") {
    const auto b = base();
    auto mine = b;
    auto theirs = b;
    step(mine, "soort").glance = "Mijn";
    step(theirs, "soort").glance = "Hun";
    step(mine, "soort").ends = true;
    step(theirs, "soort").ends = false;
    step(theirs, "soort").options.clear();
    auto merge = Merge::threeWay(b, mine, theirs);
    REQUIRE(merge.conflicts().size() == 1);
    const Conflict& conflict = merge.conflicts()[0];
    CHECK(conflict.kind == Conflict::Kind::StepField);
    CHECK(conflict.step == "soort");
    CHECK(conflict.stepField == studio::StepField::Glance);
    CHECK(std::get<std::string>(conflict.mine) == "Mijn");
    CHECK(std::get<std::string>(conflict.theirs) == "Hun");
    CHECK(conflict.canCombine);
    CHECK_FALSE(merge.settled());
    auto glance = [&] {
        auto result = merge.result();
        return step(result, "soort").glance;
    };
    CHECK(glance() == "Mijn"); // unsettled shows mine
    REQUIRE(merge.choose(0, Side::Theirs));
    CHECK(glance() == "Hun");
    REQUIRE(merge.choose(0, Side::Both));
    CHECK(glance() == "Mijn Hun");
    CHECK(merge.settled());
    CHECK_FALSE(merge.choose(5, Side::Mine));
}

TEST_CASE("Lists and rich text can be combined; a hand-off cannot", "[studio][merge]") {
    const auto b = base();
    auto mine = b;
    auto theirs = b;
    step(mine, "gezag").checks = {"A", "B"};
    step(theirs, "gezag").checks = {"B", "C"};
    step(mine, "gezag").details = content::RichText::fromPlainText("Mijn uitleg");
    step(theirs, "gezag").details = content::RichText::fromPlainText("Hun uitleg");
    // A hand-off and a decision exclude each other: "soort" has no decision.
    step(mine, "soort").escalation = content::Escalation{"id-expert", "a", "b", "c"};
    step(theirs, "soort").escalation = content::Escalation{"police", "a", "b", "c"};
    auto merge = Merge::threeWay(b, mine, theirs);
    REQUIRE(merge.conflicts().size() == 3);
    for (std::size_t i = 0; i < merge.conflicts().size(); ++i) {
        const auto& conflict = merge.conflicts()[i];
        if (conflict.stepField == studio::StepField::Escalation) {
            CHECK_FALSE(conflict.canCombine);
            CHECK_FALSE(merge.choose(i, Side::Both));
            CHECK(merge.choose(i, Side::Theirs));
        } else {
            CHECK(merge.choose(i, Side::Both));
        }
    }
    auto result = merge.result();
    CHECK(step(result, "gezag").checks == std::vector<std::string>{"A", "B", "C"});
    CHECK(step(result, "gezag").details.markup() == "<p>Mijn uitleg</p><p>Hun uitleg</p>");
    CHECK(step(result, "soort").escalation->role == "police");
    requireParses(result);
}

TEST_CASE("New steps on both sides keep their places", "[studio][merge]") {
    const auto b = base();
    auto mine = b;
    auto theirs = b;
    content::Step mineNew{.id = "mijn-stap", .glance = "Mijn nieuwe stap"};
    content::Step theirNew{.id = "hun-stap", .glance = "Hun nieuwe stap"};
    mine.steps.insert(mine.steps.begin() + 4, mineNew);      // after "identiteit"
    theirs.steps.insert(theirs.steps.begin() + 1, theirNew); // after "voor-wie"
    auto merge = Merge::threeWay(b, mine, theirs);
    CHECK(merge.conflicts().empty());
    const auto order = ids(merge.result());
    const auto at = [&](std::string_view id) {
        return std::ranges::find(order, id) - order.begin();
    };
    CHECK(at("hun-stap") == at("voor-wie") + 1);
    CHECK(at("mijn-stap") == at("identiteit") + 1);
    CHECK(order.size() == b.steps.size() + 2);
}

TEST_CASE("A step removed on one side and untouched on the other goes", "[studio][merge]") {
    const auto b = base();
    auto mine = b;
    auto theirs = b;
    // "soort" is reached by order from "afscherming"'s option; remove that lead first.
    step(theirs, "afscherming").options[0].target = "verstrekken";
    removeStep(theirs, "soort");
    step(mine, "gezag").glance = "Elders veranderd";
    auto merge = Merge::threeWay(b, mine, theirs);
    CHECK(merge.conflicts().empty());
    const auto result = merge.result();
    CHECK_FALSE(result.findStep("soort"));
    requireParses(result);
}

TEST_CASE("Removed on one side, changed on the other, is a conflict", "[studio][merge]") {
    const auto b = base();
    auto mine = b;
    auto theirs = b;
    step(theirs, "afscherming").options[0].target = "verstrekken";
    removeStep(theirs, "soort");
    step(mine, "soort").tips.push_back("Mijn tip");
    auto merge = Merge::threeWay(b, mine, theirs);
    REQUIRE(merge.conflicts().size() == 1);
    CHECK(merge.conflicts()[0].kind == Conflict::Kind::RemovedByThem);
    CHECK(merge.result().findStep("soort")); // unsettled: mine, the changed step
    merge.choose(0, Side::Theirs);
    CHECK_FALSE(merge.result().findStep("soort"));

    // And the other way round: I removed it, they changed it.
    auto merge2 = Merge::threeWay(b, theirs, mine);
    REQUIRE(merge2.conflicts().size() == 1);
    CHECK(merge2.conflicts()[0].kind == Conflict::Kind::RemovedByMe);
    CHECK_FALSE(merge2.result().findStep("soort"));
    merge2.choose(0, Side::Theirs);
    CHECK(merge2.result().findStep("soort"));
}

TEST_CASE("A step a merged option leads to is never dropped", "[studio][merge]") {
    const auto b = base();
    auto mine = b;
    auto theirs = b;
    // They removed "weigeren", its options now lead to "derden"; I added an option to it.
    for (auto& s : theirs.steps)
        for (auto& o : s.options)
            if (o.target == "weigeren")
                o.target = "derden";
    removeStep(theirs, "weigeren");
    step(mine, "identiteit").options = {{"Goed", "afscherming"}, {"Fout", "weigeren"}};
    auto merge = Merge::threeWay(b, mine, theirs);
    const auto result = merge.result();
    CHECK(result.findStep("weigeren"));
    requireParses(result);
}

TEST_CASE("My reordering wins when they only edited; both reordering is a conflict",
          "[studio][merge]") {
    const auto b = base();
    auto mine = b;
    auto theirs = b;
    std::swap(mine.steps[5], mine.steps[6]);
    step(theirs, "gezag").glance = "Hun";
    auto merge = Merge::threeWay(b, mine, theirs);
    CHECK(merge.conflicts().empty());
    CHECK(ids(merge.result()) == ids(mine));
    CHECK(stepOf(merge.result(), "gezag").glance == "Hun");

    std::swap(theirs.steps[1], theirs.steps[2]);
    auto both = Merge::threeWay(b, mine, theirs);
    REQUIRE(both.conflicts().size() == 1);
    CHECK(both.conflicts()[0].kind == Conflict::Kind::Order);
    CHECK(ids(both.result()) == ids(mine));
    both.choose(0, Side::Theirs);
    CHECK(ids(both.result()) == ids(theirs));
}

TEST_CASE("The merge goes into the edit model as one undoable edit", "[studio][merge]") {
    const auto b = base();
    studio::EditModel model(b);
    REQUIRE(
        model.apply(studio::SetGuideField{studio::GuideField::Title, std::string("Mijn")}, "t"));
    auto theirs = b;
    theirs.summary = "Hun";
    theirs.revision = b.revision + 1;
    auto merge = Merge::threeWay(b, model.guide(), theirs);
    REQUIRE(merge.settled());
    REQUIRE(model.apply(studio::ReplaceGuide{merge.result()}, "Samenvoegen"));
    CHECK(model.guide().title == "Mijn");
    CHECK(model.guide().summary == "Hun");
    model.undo();
    CHECK(model.guide().summary == b.summary);
}
