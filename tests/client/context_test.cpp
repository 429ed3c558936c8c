// Context suggestions: glob matching, the library's triggers matched against
// active windows, and deep-link ids resolved to their guides.
#include "test_paths.h"

#include <souffleur/client/context.h>
#include <souffleur/client/replica.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace souffleur::client;

TEST_CASE("Glob patterns match whole texts, * and ?, ignoring case", "[client][context]") {
    CHECK(globMatch("reisdocumenten*", "Reisdocumenten"));
    CHECK(globMatch("reisdocumenten*", "reisdocumenten-client"));
    CHECK(globMatch("*Aanvraag*", "Reisdocumenten - aanvraag paspoort"));
    CHECK(globMatch("a?c", "abc"));
    CHECK(globMatch("*", ""));
    CHECK(globMatch("", ""));
    CHECK_FALSE(globMatch("", "x"));
    CHECK_FALSE(globMatch("reisdocumenten*", "brp"));
    CHECK_FALSE(globMatch("a?c", "ac"));
    CHECK_FALSE(globMatch("*Aanvraag", "Aanvraag paspoort"));
    // No blow-up on patterns made to backtrack.
    CHECK_FALSE(globMatch("*a*a*a*a*a*a*a*a*b", std::string(10'000, 'a')));
}

TEST_CASE("The active window suggests guides by their triggers; links name guides",
          "[client][context]") {
    auto replica = Replica::open(souffleur::test::freshPath("context.sqlite"));
    REQUIRE(replica.has_value());
    std::vector<Change> changes;
    for (const auto& entry :
         std::filesystem::directory_iterator(SOUFFLEUR_SOURCE_DIR "/content/library")) {
        if (entry.path().extension() != ".xml")
            continue;
        std::ifstream in(entry.path());
        std::stringstream xml;
        xml << in.rdbuf();
        const std::string text = xml.str();
        const auto idAt = text.find(" id=\"") + 5;
        changes.push_back({static_cast<std::int64_t>(changes.size()) + 1, "guide",
                           text.substr(idAt, text.find('"', idAt) - idAt), 1, text});
    }
    REQUIRE(replica->applyChanges(changes, static_cast<std::int64_t>(changes.size())));

    const auto suggested =
        replica->suggestFor({"reisdocumenten", "Reisdocumenten - Aanvraag paspoort"});
    REQUIRE(suggested.has_value());
    REQUIRE_FALSE(suggested->empty());
    bool identity = false;
    for (const auto& hit : *suggested)
        identity = identity || hit.id == "nl.burgerzaken.identiteit-vaststellen";
    CHECK(identity);
    CHECK(replica->suggestFor({"brp", "Eerste inschrijving - stap 1"})->size() == 1);
    CHECK(replica->suggestFor({"firefox", "Nieuws"})->empty());
    CHECK(replica->suggestFor({"reisdocumenten", "Uitreiking"})->size() <= 3);

    CHECK(replica->guideForLink("rdc.aanvraag.identiteit").value() ==
          std::optional<std::string>("nl.burgerzaken.identiteit-vaststellen"));
    CHECK_FALSE(replica->guideForLink("rdc.aanvraag").value().has_value()); // whole ids only
    CHECK_FALSE(replica->guideForLink("").value().has_value());
}
