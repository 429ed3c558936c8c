// Full-text search over the desk's replica, with the demo library: prefixes,
// several words, case and diacritics, one typing error, ranking by title,
// the limit, and an index that follows new revisions, retirements and a
// start-over.
#include "test_paths.h"

#include <souffleur/client/replica.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace souffleur::client;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The replica with every guide of the demo library.
Replica libraryReplica(const std::string& name) {
    auto replica = Replica::open(souffleur::test::freshPath(name));
    REQUIRE(replica.has_value());
    std::vector<Change> changes;
    for (const auto& entry :
         std::filesystem::directory_iterator(SOUFFLEUR_SOURCE_DIR "/content/library")) {
        if (entry.path().extension() != ".xml")
            continue;
        const std::string xml = readFile(entry.path());
        const auto idAt = xml.find(" id=\"") + 5;
        const std::string id = xml.substr(idAt, xml.find('"', idAt) - idAt);
        changes.push_back({static_cast<std::int64_t>(changes.size()) + 1, "guide", id, 1, xml});
    }
    REQUIRE(replica->applyChanges(changes, static_cast<std::int64_t>(changes.size())).value() == 0);
    return std::move(*replica);
}

std::vector<std::string> ids(Replica& replica, std::string_view query, std::size_t limit = 10) {
    auto hits = replica.search(query, limit);
    REQUIRE(hits.has_value());
    std::vector<std::string> out;
    for (const auto& hit : *hits)
        out.push_back(hit.id);
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
    return std::ranges::find(list, id) != list.end();
}

std::string guideXml(const std::string& id, int revision, const std::string& title,
                     const std::string& glance) {
    return "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"" + id + "\" revision=\"" +
           std::to_string(revision) + "\"><title>" + title + "</title><step id=\"s\"><glance>" +
           glance + "</glance></step></guide>";
}

} // namespace

TEST_CASE("Search finds guides by the beginnings of their words", "[client][search]") {
    auto replica = libraryReplica("search-library.sqlite");
    const auto rijbewijs = ids(replica, "rijb");
    REQUIRE_FALSE(rijbewijs.empty());
    CHECK(rijbewijs.front() == "nl.burgerzaken.rijbewijs-verlengen");
    CHECK(ids(replica, "RIJBEWIJS VERL").front() == "nl.burgerzaken.rijbewijs-verlengen");
    // Two words, each a prefix, both required.
    const auto uitreiken = ids(replica, "pasp uitr");
    REQUIRE_FALSE(uitreiken.empty());
    CHECK(uitreiken.front() == "nl.burgerzaken.reisdocument-uitreiken");
    CHECK_FALSE(contains(uitreiken, "nl.burgerzaken.rijbewijs-verlengen"));
    // A title hit ranks above a hit in the steps.
    const auto paspoort = ids(replica, "paspoort");
    REQUIRE(paspoort.size() >= 2);
    CHECK(paspoort[0].find("reisdocument") != std::string::npos);
    CHECK(paspoort[1].find("reisdocument") != std::string::npos);
}

TEST_CASE("Search forgives one typing error, and ignores one-letter words", "[client][search]") {
    auto replica = libraryReplica("search-typo.sqlite");
    CHECK(contains(ids(replica, "pasoport"), "nl.burgerzaken.reisdocument-aanvragen"));  // swap
    CHECK(contains(ids(replica, "rijbewjs"), "nl.burgerzaken.rijbewijs-verlengen"));     // missing
    CHECK(contains(ids(replica, "verhuizinng"), "nl.burgerzaken.verhuizing-doorgeven")); // extra
    CHECK(contains(ids(replica, "uittrekse"), "nl.burgerzaken.uittreksel-brp"));         // prefix
    CHECK(ids(replica, "a").empty());
    CHECK(ids(replica, "").empty());
    CHECK(ids(replica, "   \"*:^-( OR NEAR").size() <= 10); // query syntax is only text
    CHECK(ids(replica, "zzzzqqqq").empty());
}

TEST_CASE("Search folds diacritics and follows the replica", "[client][search]") {
    auto replica = Replica::open(souffleur::test::freshPath("search-follow.sqlite"));
    REQUIRE(replica.has_value());
    REQUIRE(replica->applyChanges(
        {{1, "guide", "t.een", 1, guideXml("t.een", 1, "Éénmalige naamswijziging", "Controleer")},
         {2, "guide", "t.twee", 1, guideXml("t.twee", 1, "Overlijden", "Café-aangifte")}},
        2));
    CHECK(ids(*replica, "eenmalig") == std::vector<std::string>{"t.een"});
    CHECK(ids(*replica, "cafe") == std::vector<std::string>{"t.twee"});
    // A new revision is searched by its new words only.
    REQUIRE(replica->applyChanges(
        {{3, "guide", "t.een", 2, guideXml("t.een", 2, "Geslachtsnaam wijzigen", "Controleer")}},
        3));
    CHECK(ids(*replica, "eenmalig").empty());
    CHECK(ids(*replica, "geslachts") == std::vector<std::string>{"t.een"});
    // Retired: gone from the search too.
    REQUIRE(replica->applyChanges({{4, "retired", "t.twee", 1, ""}}, 4));
    CHECK(ids(*replica, "overl").empty());
    // Starting over: stale guides stay findable until the feed has been read.
    REQUIRE(replica->startOver("another-epoch"));
    CHECK(ids(*replica, "geslachts") == std::vector<std::string>{"t.een"});
    REQUIRE(replica->applyChanges({}, 0, true));
    CHECK(ids(*replica, "geslachts").empty());
}

TEST_CASE("Search always has a limit", "[client][search]") {
    auto replica = Replica::open(souffleur::test::freshPath("search-limit.sqlite"));
    REQUIRE(replica.has_value());
    std::vector<Change> changes;
    for (int i = 1; i <= 80; ++i) {
        const std::string id = "t.g" + std::to_string(i);
        changes.push_back({i, "guide", id, 1, guideXml(id, 1, "Balie " + std::to_string(i), "x")});
    }
    REQUIRE(replica->applyChanges(changes, 80));
    CHECK(ids(*replica, "balie").size() == 10);
    CHECK(ids(*replica, "balie", 1000).size() == 50);
    CHECK(ids(*replica, "balie", 0).size() == 1);
}

TEST_CASE("A replica from before the index gets its guides indexed when opened",
          "[client][search]") {
    const auto path = souffleur::test::freshPath("search-migrate.sqlite");
    {
        auto replica = Replica::open(path);
        REQUIRE(replica.has_value());
        REQUIRE(replica->applyChanges(
            {{1, "guide", "t.oud", 1, guideXml("t.oud", 1, "Oud", "Naturalisatie afronden")}}, 1));
        // As an older desk left it: the search columns empty.
        REQUIRE(replica->database().exec("UPDATE guides SET tags = NULL, summary = NULL, "
                                         "body = NULL"));
        CHECK(ids(*replica, "naturalisatie").empty());
    }
    auto reopened = Replica::open(path);
    REQUIRE(reopened.has_value());
    CHECK(ids(*reopened, "naturalisatie") == std::vector<std::string>{"t.oud"});
}
