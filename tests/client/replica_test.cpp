// The replica: guides survive reopening, the cursor moves with them in one
// transaction, a guide that does not parse never replaces a good one.
#include "test_paths.h"

#include <souffleur/client/replica.h>
#include <souffleur/content/parser.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace souffleur::client;

namespace {

std::string guideXml(const std::string& id, int revision, const std::string& title) {
    return "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"" + id + "\" revision=\"" +
           std::to_string(revision) + "\"><title>" + title +
           "</title><step id=\"s\"><glance>Doe het</glance></step></guide>";
}

} // namespace

TEST_CASE("Applied changes survive reopening the replica", "[client][replica]") {
    const auto path = souffleur::test::freshPath("replica.sqlite");
    {
        auto replica = Replica::open(path);
        REQUIRE(replica.has_value());
        CHECK(replica->cursor().value() == 0);
        std::vector<Change> changes{{1, "guide", "g.one", 1, guideXml("g.one", 1, "Een")},
                                    {2, "guide", "g.two", 1, guideXml("g.two", 1, "Twee")}};
        CHECK(replica->applyChanges(changes, 2).value() == 0);
    }
    auto replica = Replica::open(path);
    REQUIRE(replica.has_value());
    CHECK(replica->cursor().value() == 2);
    const auto guides = replica->guides().value();
    REQUIRE(guides.size() == 2);
    CHECK(guides[0].title == "Een");
    CHECK(replica->guideXml("g.two").value()->find("Twee") != std::string::npos);
    CHECK_FALSE(replica->guideXml("g.three").value().has_value());
}

TEST_CASE("A newer revision replaces an older one, never the reverse", "[client][replica]") {
    auto replica = Replica::open(souffleur::test::freshPath("revisions.sqlite"));
    REQUIRE(replica.has_value());
    REQUIRE(replica->applyChanges({{1, "guide", "g", 2, guideXml("g", 2, "Twee")}}, 1));
    REQUIRE(replica->applyChanges({{2, "guide", "g", 1, guideXml("g", 1, "Een")}}, 2));
    CHECK(replica->guides().value().at(0).revision == 2);
    REQUIRE(replica->applyChanges({{3, "guide", "g", 3, guideXml("g", 3, "Drie")}}, 3));
    CHECK(replica->guides().value().at(0).title == "Drie");
}

TEST_CASE("A hostile or broken guide in the feed is kept aside, never shown",
          "[client][replica][hostile]") {
    auto replica = Replica::open(souffleur::test::freshPath("hostile.sqlite"));
    REQUIRE(replica.has_value());
    REQUIRE(replica->applyChanges({{1, "guide", "g", 1, guideXml("g", 1, "Goed")}}, 1));
    const std::string laughs = "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><guide/>";
    std::vector<Change> bad{{2, "guide", "g", 2, laughs},
                            {3, "guide", "g", 3, "not xml"},
                            {4, "guide", "other", 1, guideXml("g", 4, "Wrong id")},
                            {5, "retired-thing", "x", 1, ""}};
    CHECK(replica->applyChanges(bad, 5).value() == 3);
    CHECK(replica->cursor().value() == 5);
    const auto guides = replica->guides().value();
    REQUIRE(guides.size() == 2);
    CHECK(guides[0].title == "Goed"); // the last good revision, still shown
    CHECK(guides[0].revision == 1);
    CHECK(guides[0].updateNeeded);
    CHECK(guides[0].showable);
    CHECK(guides[1].id == "other"); // nothing good of it: listed, not showable
    CHECK_FALSE(guides[1].showable);
    const auto pending = replica->pending().value();
    REQUIRE(pending.size() == 2);
    const auto g = std::ranges::find(pending, std::string("g"), &PendingEntry::id);
    REQUIRE(g != pending.end());
    CHECK(g->revision == 3); // the newest that did not parse
    CHECK(g->needsFormat == 0);
    CHECK(g->reason == "Start tag expected, '<' not found");
    const auto other = std::ranges::find(pending, std::string("other"), &PendingEntry::id);
    REQUIRE(other != pending.end());
    CHECK(other->reason == "the guide's id is g, not other");
    CHECK(other->title == "Wrong id");
    CHECK(replica->guideXml("g").value()->find("Goed") != std::string::npos);
}

TEST_CASE("An older desk keeps a newer-format guide pending and shows it once upgraded",
          "[client][replica][format]") {
    const auto path = souffleur::test::freshPath("format.sqlite");
    const std::string format2 =
        "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"g\" revision=\"2\" format=\"2\">"
        "<title>Nieuw</title><step id=\"s\"><glance>Doe het</glance>"
        "<basis>Pun art. 28</basis></step></guide>";
    const std::string alert2 =
        "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"a\" revision=\"1\" level=\"info\" "
        "format=\"9\"><title>Later</title><body>Tekst</body></alert>";
    {
        // A desk that reads format 1 only.
        auto old = Replica::open(path, {.maxFormat = 1});
        REQUIRE(old.has_value());
        REQUIRE(old->applyChanges({{1, "guide", "g", 1, guideXml("g", 1, "Oud")}}, 1));
        CHECK(old->applyChanges({{2, "guide", "g", 2, format2}, {3, "alert", "a", 1, alert2}}, 3)
                  .value() == 2);
        CHECK(old->cursor().value() == 3); // moved on, and nothing is lost
        const auto guides = old->guides().value();
        REQUIRE(guides.size() == 1);
        CHECK(guides[0].title == "Oud");
        CHECK(guides[0].updateNeeded);
        const auto pending = old->pending().value();
        REQUIRE(pending.size() == 2);
        CHECK(pending[0].needsFormat + pending[1].needsFormat == 11);
        CHECK(old->alerts().value().empty());
    }
    {
        // Opened again by the same old build: still waiting, nothing changed.
        auto old = Replica::open(path, {.maxFormat = 1});
        REQUIRE(old.has_value());
        CHECK(old->pending().value().size() == 2);
        CHECK(old->guides().value().at(0).revision == 1);
    }
    // Upgraded: the guide is read again and shown; the alert of format 9 still waits.
    auto upgraded = Replica::open(path);
    REQUIRE(upgraded.has_value());
    const auto guides = upgraded->guides().value();
    REQUIRE(guides.size() == 1);
    CHECK(guides[0].title == "Nieuw");
    CHECK(guides[0].revision == 2);
    CHECK_FALSE(guides[0].updateNeeded);
    CHECK(upgraded->guideXml("g").value()->find("Pun art. 28") != std::string::npos);
    CHECK(upgraded->search("nieuw").value().size() == 1);
    const auto pending = upgraded->pending().value();
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].kind == "alert");
    CHECK(pending[0].needsFormat == 9);
    CHECK(pending[0].title == "Later");
}

TEST_CASE("A pending revision gives way to a newer good one or a retirement",
          "[client][replica][format]") {
    auto replica = Replica::open(souffleur::test::freshPath("pending-gone.sqlite"));
    REQUIRE(replica.has_value());
    REQUIRE(replica->applyChanges({{1, "guide", "g", 2, "<guide"}, {2, "guide", "h", 1, "<x"}}, 2)
                .value() == 2);
    // An older good revision arriving late does not clear the newer pending one.
    REQUIRE(replica->applyChanges({{3, "guide", "g", 1, guideXml("g", 1, "Een")}}, 3));
    CHECK(replica->pending().value().size() == 2);
    // A newer good one does.
    REQUIRE(replica->applyChanges({{4, "guide", "g", 3, guideXml("g", 3, "Drie")}}, 4));
    CHECK(replica->pending().value().size() == 1);
    // An older broken one than the desk shows is not kept at all.
    REQUIRE(replica->applyChanges({{5, "guide", "g", 2, "<guide"}}, 5));
    CHECK(replica->pending().value().size() == 1);
    // A retirement removes what waited.
    REQUIRE(replica->applyChanges({{6, "retired", "h", 1, ""}}, 6));
    CHECK(replica->pending().value().empty());
}

TEST_CASE("Retirements remove guides and alerts; alerts are kept like guides",
          "[client][replica]") {
    auto replica = Replica::open(souffleur::test::freshPath("retire.sqlite"));
    REQUIRE(replica.has_value());
    const std::string alert =
        "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"a\" revision=\"2\" level=\"critical\" "
        "acknowledge=\"required\"><title>Let op</title><body>Tekst</body></alert>";
    REQUIRE(replica
                ->applyChanges({{1, "guide", "g", 1, guideXml("g", 1, "Een")},
                                {2, "guide", "h", 1, guideXml("h", 1, "Ander")},
                                {3, "alert", "a", 2, alert},
                                {4, "alert", "b", 1, "<alert/>"}},
                               4)
                .value() == 1); // the broken alert
    const auto alerts = replica->alerts().value();
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].id == "a");
    CHECK(alerts[0].mustAcknowledge);
    CHECK(alerts[0].level == "critical");
    CHECK(replica->alertXml("a").value() == alert);

    // A retirement of an older revision leaves a newer one alone.
    REQUIRE(replica->applyChanges(
        {{5, "retired", "g", 1, ""}, {6, "retired", "h", 0, ""}, {7, "alert_retired", "a", 2, ""}},
        7));
    const auto guides = replica->guides().value();
    REQUIRE(guides.size() == 1);
    CHECK(guides[0].id == "h");
    CHECK(replica->alerts().value().empty());
    CHECK(replica->cursor().value() == 7);
}

TEST_CASE("An acknowledged alert revision is remembered; a new revision asks again",
          "[client][replica][alerts]") {
    auto replica = Replica::open(souffleur::test::freshPath("acknowledged.sqlite"));
    REQUIRE(replica.has_value());
    const auto alert = [](int revision) {
        return "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"a.x\" revision=\"" +
               std::to_string(revision) +
               "\" level=\"critical\" acknowledge=\"required\"><title>Let op</title>"
               "<body>Nieuw patroon.</body></alert>";
    };
    REQUIRE(replica->applyChanges({{1, "alert", "a.x", 1, alert(1)}}, 1));
    CHECK_FALSE(replica->alerts().value().at(0).acknowledged);
    REQUIRE(replica->markAcknowledged("a.x", 1));
    REQUIRE(replica->markAcknowledged("a.x", 1)); // twice is once
    CHECK(replica->alerts().value().at(0).acknowledged);
    REQUIRE(replica->applyChanges({{2, "alert", "a.x", 2, alert(2)}}, 2));
    CHECK_FALSE(replica->alerts().value().at(0).acknowledged);
}

TEST_CASE("Blocks are held for the steps that show them, never listed as tasks",
          "[client][replica][blocks]") {
    auto replica = Replica::open(souffleur::test::freshPath("blocks.sqlite"));
    REQUIRE(replica.has_value());
    const std::string block =
        "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"b.brp\" revision=\"1\" format=\"4\" "
        "kind=\"block\"><title>BRP raadplegen</title><trigger application=\"*\"/>"
        "<step id=\"brp\"><glance>Vergelijk met de BRP-registratie</glance>"
        "<check>Geboortedatum</check></step></guide>";
    const std::string guide =
        "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"g.aanvraag\" revision=\"1\" format=\"4\">"
        "<title>Aanvraag</title><step id=\"a\"><glance>Begin</glance></step>"
        "<step id=\"b\" block=\"b.brp\"/><step id=\"c\" block=\"b.ander\"/></guide>";
    REQUIRE(replica
                ->applyChanges(
                    {{1, "guide", "b.brp", 1, block}, {2, "guide", "g.aanvraag", 1, guide}}, 2)
                .value() == 0);
    const auto listed = replica->guides().value();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == "g.aanvraag");
    CHECK(replica->search("registratie").value().empty());
    CHECK(replica->suggestFor({"iets", "venster"}).value().empty());

    const auto parsed = souffleur::content::parseGuide(guide, "g.aanvraag").value();
    std::vector<std::string> missing;
    const auto shown = replica->withBlocks(parsed, &missing).value();
    CHECK(shown.steps[1].glance == "Vergelijk met de BRP-registratie");
    CHECK(shown.steps[1].checks == std::vector<std::string>{"Geboortedatum"});
    CHECK(shown.steps[2].glance.find("nog niet beschikbaar") != std::string::npos);
    CHECK(missing == std::vector<std::string>{"b.ander"});
}

TEST_CASE("What changed: the summary of the diff, the team's tips, shown once",
          "[client][replica][changed]") {
    auto replica = Replica::open(souffleur::test::freshPath("changed.sqlite"));
    REQUIRE(replica.has_value());
    const auto two = [](int revision, const std::string& second) {
        return "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"g\" revision=\"" +
               std::to_string(revision) +
               "\"><title>G</title><step id=\"a\"><glance>Eerst</glance></step>"
               "<step id=\"b\" end=\"true\"><glance>" +
               second + "</glance></step></guide>";
    };
    // The first revision a desk gets: nothing "changed" for it.
    REQUIRE(replica->applyChanges({{1, "guide", "g", 1, two(1, "Dan"), "Eerste versie"}}, 1));
    auto first = replica->whatChanged("g").value();
    REQUIRE(first.has_value());
    CHECK(first->summaryNl.empty());
    CHECK(first->note == "Eerste versie");

    Change second{2, "guide", "g", 2, two(2, "Daarna"), "Stap 2 duidelijker", {}};
    second.tipsApplied = {{"b", "Zeg daarna in plaats van dan"}};
    REQUIRE(replica->applyChanges({second}, 2));
    auto changed = replica->whatChanged("g").value();
    REQUIRE(changed.has_value());
    CHECK(changed->revision == 2);
    CHECK(changed->summaryNl == "Stap 2 gewijzigd.");
    CHECK(changed->summaryEn == "Step 2 changed.");
    CHECK(changed->note == "Stap 2 duidelijker");
    CHECK_FALSE(changed->shown);
    REQUIRE(changed->tips.size() == 1);
    CHECK(changed->tips[0].text == "Zeg daarna in plaats van dan");

    // The same revision again (the feed read anew) keeps its summary.
    REQUIRE(
        replica->applyChanges({{3, "guide", "g", 2, two(2, "Daarna"), "Stap 2 duidelijker"}}, 3));
    CHECK(replica->whatChanged("g").value()->summaryNl == "Stap 2 gewijzigd.");

    REQUIRE(replica->markChangeShown("g", 2));
    auto shown = replica->whatChanged("g").value();
    CHECK(shown->shown);
    CHECK(shown->tips.empty());
    CHECK_FALSE(replica->whatChanged("nope").value().has_value());
}
