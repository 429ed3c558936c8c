// The team's logbook at the desk: the replica keeps the server's listing for
// offline (at most 50, replaced by each listing), a desk database from before
// it gets the table, and the panel's list holds the kept entries and this
// desk's own still in the outbox, marked as not sent, each once.
#include "test_paths.h"

#include <souffleur/client/logbook.h>
#include <souffleur/client/outbox.h>
#include <souffleur/client/records.h>
#include <souffleur/client/replica.h>

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace souffleur;
using namespace souffleur::client;

namespace {

protocol::LogbookItem item(const std::string& id, const std::string& at, const std::string& text,
                           std::optional<std::string> guide = std::nullopt,
                           std::optional<std::string> step = std::nullopt) {
    return {id, "Balie Noord", at, text, std::move(guide), std::move(step), at};
}

std::vector<std::string> ids(const std::vector<protocol::LogbookItem>& entries) {
    std::vector<std::string> out;
    for (const auto& entry : entries)
        out.push_back(entry.id);
    return out;
}

const std::string kGuide =
    "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"g.id\" revision=\"1\">"
    "<title>Identiteit vaststellen</title>"
    "<step id=\"gezicht\"><glance>Vergelijk het gezicht met de foto</glance></step>"
    "<step id=\"echtheid\"><glance>Controleer de echtheidskenmerken</glance></step>"
    "</guide>";

std::chrono::system_clock::time_point day(int d, int hour) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / d} + hours{hour};
}

} // namespace

TEST_CASE("The team's logbook is kept offline, replaced by each listing, the newest 50",
          "[client][replica][logbook]") {
    const auto path = souffleur::test::freshPath("logbook-kept.sqlite");
    {
        auto replica = Replica::open(path);
        REQUIRE(replica.has_value());
        CHECK(replica->logbook().value().empty());
        CHECK(replica->logbookFetchedAt().value().empty());
        const std::vector<protocol::LogbookItem> listed{
            item("b", "2026-11-23T10:00:00Z", "UV-lamp balie 4 zwak", "g.id", "echtheid"),
            item("a", "2026-11-22T09:00:00Z", "Nieuwe collega ingewerkt"),
            item("c", "2026-11-24T08:00:00Z", "Fotohokje kapot")};
        REQUIRE(replica->replaceLogbook(listed));
        CHECK_FALSE(replica->logbookFetchedAt().value().empty());
    }
    auto replica = Replica::open(path); // survives a restart of the desk
    REQUIRE(replica.has_value());
    const auto kept = replica->logbook().value();
    CHECK(ids(kept) == std::vector<std::string>{"c", "b", "a"}); // newest first
    CHECK(kept[1].team == "Balie Noord");
    CHECK(kept[1].guide == "g.id");
    CHECK(kept[1].step == "echtheid");
    CHECK_FALSE(kept[0].guide.has_value());
    CHECK(ids(replica->logbook(2).value()) == std::vector<std::string>{"c", "b"});

    SECTION("an entry just acknowledged is added; one kept already stays as it is") {
        protocol::LogbookItem own = item("d", "2026-11-25T12:00:00Z", "Eigen notitie");
        own.team.clear();
        protocol::LogbookItem again = item("c", "2026-11-24T08:00:00Z", "anders");
        REQUIRE(replica->addToLogbook(std::vector{own, again}));
        const auto now = replica->logbook().value();
        CHECK(ids(now) == std::vector<std::string>{"d", "c", "b", "a"});
        CHECK(now[1].text == "Fotohokje kapot");
    }
    SECTION("the next listing replaces what was kept") {
        REQUIRE(replica->replaceLogbook(std::vector{item("e", "2026-11-26T08:00:00Z", "Nieuw")}));
        CHECK(ids(replica->logbook().value()) == std::vector<std::string>{"e"});
    }
    SECTION("an empty listing (no team, an older server) leaves none") {
        REQUIRE(replica->replaceLogbook({}));
        CHECK(replica->logbook().value().empty());
    }
    SECTION("at most 50 are kept, the newest") {
        std::vector<protocol::LogbookItem> many;
        for (int i = 10; i < 60; ++i) // 50 entries, 08:10 to 08:59, and 10 older
            many.push_back(
                item("m" + std::to_string(i), "2026-11-01T08:" + std::to_string(i) + ":00Z", "x"));
        for (int i = 0; i < 10; ++i)
            many.push_back(
                item("o" + std::to_string(i), "2026-10-01T08:0" + std::to_string(i) + ":00Z", "x"));
        REQUIRE(replica->replaceLogbook(many));
        const auto now = replica->logbook(1000).value();
        REQUIRE(now.size() == Replica::kLogbookKept);
        CHECK(now.front().id == "m59");
        CHECK(now.back().id == "m10");
        REQUIRE(replica->addToLogbook(std::vector{item("new", "2026-12-01T08:00:00Z", "y")}));
        CHECK(replica->logbook(1000).value().size() == Replica::kLogbookKept);
        CHECK(replica->logbook(1).value().front().id == "new");
    }
}

TEST_CASE("A desk database from before the logbook gets it, and keeps what it held",
          "[client][replica][logbook][migration]") {
    const auto path = souffleur::test::freshPath("logbook-migrate.sqlite");
    {
        auto replica = Replica::open(path);
        REQUIRE(replica.has_value());
        REQUIRE(replica->applyChanges({{1, "guide", "g.id", 1, kGuide}}, 1));
        auto outbox = Outbox::open(path);
        REQUIRE(outbox.has_value());
        REQUIRE(outbox->enqueue(logbookRecord({"Al in de wachtrij", "", "", day(20, 9)})));
        // As a desk of schema 12 left it: no logbook table, no listing time.
        REQUIRE(replica->database().exec("DROP TABLE logbook; DELETE FROM meta WHERE key = "
                                         "'logbook_fetched_at'; PRAGMA user_version = 12"));
    }
    auto replica = Replica::open(path);
    REQUIRE(replica.has_value());
    CHECK(replica->database().queryInt("PRAGMA user_version").value() == 13);
    CHECK(replica->guides().value().size() == 1);
    CHECK(replica->cursor().value() == 1);
    CHECK(replica->logbook().value().empty());
    CHECK(replica->logbookFetchedAt().value().empty());
    REQUIRE(
        replica->replaceLogbook(std::vector{item("a", "2026-11-22T09:00:00Z", "Na de update")}));
    CHECK(replica->logbook().value().size() == 1);
    auto outbox = Outbox::open(path);
    REQUIRE(outbox.has_value());
    CHECK(outbox->pending().value() == 1); // the outbox is untouched
    CHECK(outbox->waiting("logbook").value().size() == 1);
}

TEST_CASE("The desk's logbook: the team's kept entries and its own not sent yet, each once",
          "[client][logbook]") {
    const auto path = souffleur::test::freshPath("logbook-desk.sqlite");
    auto replica = Replica::open(path);
    auto outbox = Outbox::open(path);
    REQUIRE(replica.has_value());
    REQUIRE(outbox.has_value());
    REQUIRE(replica->applyChanges({{1, "guide", "g.id", 1, kGuide}}, 1));
    REQUIRE(replica->replaceLogbook(std::vector{
        item("kept-1", "2026-11-20T09:00:00Z", "Oud", "g.id", "echtheid"),
        item("kept-2", "2026-11-21T09:00:00Z", "Over een taak die weg is", "g.weg", "x"),
        item("kept-3", "2026-11-22T09:00:00Z", "Stap bestaat niet meer", "g.id", "oud")}));
    // This desk's own, offline: in the outbox, with and without a step.
    REQUIRE(outbox->enqueue(logbookRecord(
        {"Fotohokje kapot; gebruik de gemeentecamera", "g.id", "gezicht", day(23, 10)})));
    REQUIRE(outbox->enqueue(logbookRecord({"Zonder stap", "", "", day(24, 10)})));
    // Other records in the outbox are not the logbook's.
    REQUIRE(outbox->enqueue(ackRecord({"nl.alert.x", 1, day(24, 11)})));
    CHECK(outbox->waiting("logbook").value().size() == 2);

    auto lines = deskLogbook(*replica, *outbox).value();
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].entry.text == "Zonder stap");
    CHECK_FALSE(lines[0].sent);
    CHECK(lines[0].guideTitle.empty());
    CHECK(lines[0].stepNumber == 0);
    CHECK(lines[1].entry.text == "Fotohokje kapot; gebruik de gemeentecamera");
    CHECK_FALSE(lines[1].sent);
    CHECK(lines[1].guideTitle == "Identiteit vaststellen");
    CHECK(lines[1].stepNumber == 1);
    CHECK(lines[1].stepGlance == "Vergelijk het gezicht met de foto");
    CHECK(lines[2].entry.id == "kept-3");
    CHECK(lines[2].sent);
    CHECK(lines[2].guideTitle == "Identiteit vaststellen");
    CHECK(lines[2].stepNumber == 0);    // not in the revision this desk holds
    CHECK(lines[3].guideTitle.empty()); // a guide this desk does not hold
    CHECK(lines[4].stepNumber == 2);
    CHECK(lines[4].entry.team == "Balie Noord");
    CHECK(deskLogbook(*replica, *outbox, 2).value().size() == 2);

    SECTION("one the server stored before its answer came is listed once, as sent") {
        const auto waiting = outbox->waiting("logbook").value();
        const auto own = protocol::logbookItemFrom(boost::json::parse(waiting.front()));
        REQUIRE(own.has_value());
        REQUIRE(replica->addToLogbook(std::vector{*own}));
        lines = deskLogbook(*replica, *outbox).value();
        REQUIRE(lines.size() == 5);
        CHECK(lines[1].entry.id == own->id);
        CHECK(lines[1].sent);
    }
}
