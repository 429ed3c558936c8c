// --demo: the demo tenant, its accounts and the library's guides are seeded
// once; every run re-issues the tokens and writes them to demo-tokens.json.
#include <souffleur/server/aar_store.h>
#include <souffleur/server/auth.h>
#include <souffleur/server/demo.h>
#include <souffleur/server/evidence.h>
#include <souffleur/server/storage.h>

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace souffleur::server;

namespace {

std::filesystem::path freshDir(const char* name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("souffleur-demo-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    REQUIRE(prepareDataDir(dir).has_value());
    return dir;
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("--demo seeds once and re-issues tokens on every run", "[server][demo]") {
    const auto dir = freshDir("seed");
    const std::filesystem::path library = SOUFFLEUR_SOURCE_DIR "/content/library";
    auto db = openStore(databasePath(dir));
    REQUIRE(db.has_value());

    auto first = seedDemo(*db, library);
    REQUIRE(first.has_value());
    REQUIRE(first->size() == 17);
    CHECK((*first)[0].name == "balie-noord-1");
    CHECK((*first)[5].name == "teamleider-noord");
    CHECK((*first)[5].role == Role::TeamLead);
    CHECK((*first)[5].team == "Balie Noord");
    CHECK((*first)[0].team == "Balie Noord");
    CHECK((*first)[3].name == "kwaliteit");
    CHECK((*first)[3].role == Role::Reviewer);
    CHECK_FALSE((*first)[3].team.has_value());
    const auto tenant = findTenant(*db, kDemoTenant).value().value();
    // Every guide of the library is published (the alerts live in a subfolder).
    std::size_t libraryGuides = 0;
    for (const auto& entry : std::filesystem::directory_iterator(library))
        libraryGuides += entry.path().extension() == ".xml" ? 1U : 0U;
    REQUIRE(libraryGuides >= 3);
    CHECK(listGuides(*db, tenant).value().size() == libraryGuides);

    // The AAR demo: each desk team's figures of the identity check have
    // enough people behind them (six desks), month by month; Balie Noord has
    // an AAR of last month with an action open in the guide's inbox.
    for (const char* teamName : {"Balie Noord", "Balie Zuid"}) {
        INFO(teamName);
        EvidenceQuery query;
        query.guides = {"nl.burgerzaken.identiteit-vaststellen"};
        query.to = currentMonth();
        query.from = shiftMonth(query.to, -3);
        query.teamId = findTeam(*db, tenant, teamName).value();
        const auto found = evidence(*db, tenant, query);
        REQUIRE(found.has_value());
        const auto& guide = found->guides.at(0);
        REQUIRE(guide.sessions.has_value());
        CHECK(guide.sessions->started > 100);
        CHECK(guide.cellsWithheld == 0);
        CHECK(guide.stepsWithheld <= 1); // the escalation step may be rare in a month
        CHECK(guide.steps.size() >= 6);
    }
    const auto noord = findTeam(*db, tenant, "Balie Noord").value();
    const auto open = openActions(*db, tenant, noord).value();
    REQUIRE(open.size() == 2);
    CHECK(open[0].step == "controlevragen");
    CHECK(open[0].inboxStatus == "new");
    CHECK(db->queryInt("SELECT count(*) FROM feedback WHERE kind = 'action'").value() == 1);

    const auto file = demoTokensPath(dir);
    REQUIRE(writeDemoTokens(file, *first).has_value());
    CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    const auto text = readFile(file);
    const auto tokens = boost::json::parse(text).as_array();
    REQUIRE(tokens.size() == 17);
    CHECK(tokens[0].at("token").as_string() == (*first)[0].token);
    CHECK(tokens[4].at("team").is_null());
    std::istringstream lines(text);
    std::string line;
    int withRedacteur = 0;
    while (std::getline(lines, line))
        withRedacteur += line.find("\"redacteur\"") != std::string::npos ? 1 : 0;
    CHECK(withRedacteur == 1); // one account per line, for grep

    auto second = seedDemo(*db, library);
    REQUIRE(second.has_value());
    CHECK(countTenants(*db).value() == 1);
    CHECK(listGuides(*db, tenant).value().size() == libraryGuides);
    CHECK_FALSE(authenticate(*db, (*first)[2].token).value().has_value());
    const auto identity = authenticate(*db, (*second)[2].token).value();
    REQUIRE(identity.has_value());
    CHECK(identity->name == "redacteur");
    CHECK(identity->role == Role::Author);
    std::filesystem::remove_all(dir);
}

TEST_CASE("--demo refuses a data directory with other tenants", "[server][demo]") {
    const auto dir = freshDir("other");
    auto db = openStore(databasePath(dir));
    REQUIRE(db.has_value());
    REQUIRE(createTenant(*db, "Gemeente Elders").has_value());
    const auto seeded = seedDemo(*db, SOUFFLEUR_SOURCE_DIR "/content/library");
    REQUIRE_FALSE(seeded.has_value());
    CHECK(seeded.error().find("other tenants") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("--demo follows the library: newer revisions and alerts are published",
          "[server][demo]") {
    const auto dir = freshDir("follow");
    const auto library = freshDir("follow-library");
    std::filesystem::create_directories(library / "alerts");
    const auto guide = [](int revision, const char* title) {
        return "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"d.gids\" revision=\"" +
               std::to_string(revision) + "\"><title>" + title +
               "</title><owner team=\"t\"/><step id=\"a\"><glance>A</glance></step></guide>";
    };
    std::ofstream(library / "gids.xml") << guide(1, "Een");
    std::ofstream(library / "alerts" / "signaal.xml")
        << "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"d.signaal\" revision=\"1\" "
           "level=\"warning\"><title>Signaal</title><body>Let op.</body></alert>";
    auto db = openStore(databasePath(dir));
    REQUIRE(db.has_value());
    REQUIRE(seedDemo(*db, library).has_value());
    const auto tenant = findTenant(*db, kDemoTenant).value().value();
    CHECK(listGuides(*db, tenant).value().at(0).title == "Een");
    REQUIRE(listAlerts(*db, tenant).value().size() == 1);

    // The same revision again changes nothing; a newer one is published.
    REQUIRE(seedDemo(*db, library).has_value());
    CHECK(currentSeq(*db, tenant).value() == 2);
    std::ofstream(library / "gids.xml", std::ios::trunc) << guide(2, "Twee");
    REQUIRE(seedDemo(*db, library).has_value());
    CHECK(listGuides(*db, tenant).value().at(0).title == "Twee");
    CHECK(currentSeq(*db, tenant).value() == 3);
    *db = {};
    std::filesystem::remove_all(dir);
    std::filesystem::remove_all(library);
}
