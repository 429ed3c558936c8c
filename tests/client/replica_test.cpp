// The replica: guides survive reopening, the cursor moves with them in one
// transaction, a guide that does not parse never replaces a good one.
#include "test_paths.h"

#include <souffleur/client/replica.h>

#include <catch2/catch.hpp>

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

TEST_CASE("A hostile or broken guide in the feed is skipped", "[client][replica][hostile]") {
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
    REQUIRE(guides.size() == 1);
    CHECK(guides[0].title == "Goed");
}
