// The working memory's content over real sockets: a guide's lifecycle (save,
// submit, reject, approve by a second person, retire), alerts pushed with
// the notice and acknowledged per team, feedback for the authors, and the
// migration of a version-1 store (docs/api.md is the contract under test).
#include "test_support.h"

#include <souffleur/server/storage.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace souffleur::server::test;
namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

HttpResult save(const TestServer& server, const std::string& token, const std::string& id, int base,
                const std::string& xml) {
    return send(server.port(),
                post("/api/v1/guides/" + id + "/revisions?base=" + std::to_string(base), token, xml,
                     "application/xml"));
}

HttpResult step(const TestServer& server, const std::string& token, const std::string& id,
                int revision, const std::string& action, const std::string& body = {}) {
    return send(server.port(), post("/api/v1/guides/" + id + "/revisions/" +
                                        std::to_string(revision) + "/" + action,
                                    token, body));
}

std::string field(const HttpResult& result, const char* key) {
    const auto value = result.json();
    if (!value.is_object())
        return {};
    const auto* found = value.as_object().if_contains(key);
    if (!found)
        return {};
    return found->is_string() ? std::string(found->as_string()) : json::serialize(*found);
}

std::string alertXml(const std::string& id, int revision, const std::string& title) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"" +
           id + "\" revision=\"" + std::to_string(revision) +
           "\" level=\"critical\" acknowledge=\"required\">\n"
           "  <title>" +
           title +
           "</title>\n"
           "  <body><p>Let op <strong>look-alikes</strong>.</p></body>\n"
           "  <valid from=\"2026-11-01\" to=\"2027-02-28\"/>\n"
           "</alert>\n";
}

std::string records(const std::string& client, int number, json::array items) {
    return json::serialize(
        json::object{{"client", client}, {"batch", number}, {"records", std::move(items)}});
}

} // namespace

TEST_CASE("A guide goes from draft through review to the desks", "[server][lifecycle]") {
    TestServer server;
    const std::string id = "t.life";

    // The author saves a first draft; the desks see nothing yet.
    auto saved = save(server, server.authorA, id, 0, guideXml(id, 7, "Eerste"));
    INFO(saved.body);
    REQUIRE(saved.status == 201);
    CHECK(field(saved, "revision") == "1"); // the server numbers revisions, not the file
    CHECK(field(saved, "state") == "draft");
    CHECK(send(server.port(), get("/api/v1/guides/" + id, server.deskA)).status == 404);
    CHECK(send(server.port(), get("/api/v1/guides/" + id + "/revisions", server.deskA)).status ==
          403);

    // Someone else saving on the same base meets a conflict naming the newest.
    const auto conflict = save(server, server.reviewerA, id, 0, guideXml(id, 1, "Ook"));
    CHECK(conflict.status == 409);
    CHECK(field(conflict, "current_revision") == "1");

    // Submitted, rejected with a note, saved again, submitted again.
    CHECK(step(server, server.authorA, id, 1, "publish").status == 403); // authors never publish
    REQUIRE(step(server, server.authorA, id, 1, "submit").status == 200);
    CHECK(step(server, server.authorA, id, 1, "submit").status == 409); // already in review
    const auto rejected =
        step(server, server.reviewerA, id, 1, "reject", R"({"note": "Stap twee is onduidelijk"})");
    REQUIRE(rejected.status == 200);
    CHECK(field(rejected, "state") == "draft");
    REQUIRE(save(server, server.authorA, id, 1, guideXml(id, 1, "Tweede")).status == 201);
    REQUIRE(step(server, server.authorA, id, 2, "submit").status == 200);

    // The reviewer publishes; a desk listening hears of it, the feed carries it.
    NotifyClient desk(server.port());
    REQUIRE(desk.connect(server.deskA) == 101);
    REQUIRE(desk.read().has_value()); // hello
    const auto published = step(server, server.reviewerA, id, 2, "publish");
    INFO(published.body);
    REQUIRE(published.status == 200);
    CHECK(field(published, "state") == "published");
    const auto notice = desk.read();
    REQUIRE(notice.has_value());
    CHECK(notice->find("\"type\":\"changed\"") != std::string::npos);
    const auto guide = send(server.port(), get("/api/v1/guides/" + id, server.deskA));
    REQUIRE(guide.status == 200);
    CHECK(guide.body.find("revision=\"2\"") != std::string::npos);
    CHECK(guide.body.find("<title>Tweede</title>") != std::string::npos);

    const auto history =
        send(server.port(), get("/api/v1/guides/" + id + "/revisions", server.authorA));
    REQUIRE(history.status == 200);
    const json::value historyJson = history.json();
    const auto& list = historyJson.at("revisions").as_array();
    REQUIRE(list.size() == 2);
    CHECK(list[0].at("state") == "published");
    CHECK(list[0].at("saved_by") == "author-a");
    CHECK(list[0].at("reviewed_by") == "reviewer-a");
    CHECK(list[1].at("state") == "withdrawn"); // superseded by revision 2 before it was published
    CHECK(list[1].at("note") == "Stap twee is onduidelijk");
    CHECK(send(server.port(), get("/api/v1/guides/" + id + "/revisions/1", server.authorA))
              .body.find("<title>Eerste</title>") != std::string::npos);
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE action IN ('save', 'submit', "
                          "'reject', 'publish') AND tenant_id = 1") >= 6);
}

TEST_CASE("The studio's library lists every guide as its newest revision stands",
          "[server][lifecycle][library]") {
    TestServer server;
    const std::string owned = guideXml("nl.test.bieb-b", 1, "Beta")
                                  .insert(guideXml("nl.test.bieb-b", 1, "Beta").find("  <step"),
                                          "  <owner team=\"Balie Noord\"/>\n");
    REQUIRE(save(server, server.authorA, "nl.test.bieb-b", 0, owned).status == 201);
    REQUIRE(save(server, server.authorA, "nl.test.bieb-a", 0, guideXml("nl.test.bieb-a", 1, "Alfa"))
                .status == 201);
    REQUIRE(step(server, server.authorA, "nl.test.bieb-a", 1, "submit").status == 200);
    REQUIRE(step(server, server.reviewerA, "nl.test.bieb-a", 1, "publish").status == 200);
    REQUIRE(save(server, server.authorA, "nl.test.bieb-a", 1,
                 guideXml("nl.test.bieb-a", 2, "Alfa nieuw"))
                .status == 201);
    // Another tenant's guide is not listed.
    REQUIRE(save(server, server.authorB, "nl.test.bieb-c", 0, guideXml("nl.test.bieb-c", 1, "C"))
                .status == 201);

    const auto listed = send(server.port(), get("/api/v1/library", server.authorA));
    REQUIRE(listed.status == 200);
    const auto body = listed.json();
    const auto& guides = body.as_object().at("guides").as_array();
    REQUIRE(guides.size() == 2);
    const auto& alfa = guides[0].as_object();
    CHECK(alfa.at("id").as_string() == "nl.test.bieb-a");
    CHECK(alfa.at("title").as_string() == "Alfa nieuw");
    CHECK(alfa.at("state").as_string() == "draft");
    CHECK(alfa.at("revision").as_int64() == 2);
    CHECK(alfa.at("published_revision").as_int64() == 1);
    CHECK(!alfa.at("saved_at").as_string().empty());
    const auto& beta = guides[1].as_object();
    CHECK(beta.at("owner").as_string() == "Balie Noord");
    CHECK(beta.at("published_revision").as_int64() == 0);

    CHECK(send(server.port(), get("/api/v1/library", server.deskA)).status == 403);
    CHECK(send(server.port(), get("/api/v1/library", server.reviewerA)).status == 200);
}

TEST_CASE("The library says which guides show a block, before the block is changed",
          "[server][lifecycle][library][blocks]") {
    TestServer server;
    const std::string block =
        R"(<guide xmlns="urn:x-souffleur:guide:1" id="nl.blok.brp" revision="1" format="4" )"
        R"(kind="block"><title>BRP raadplegen</title><step id="brp"><glance>Vergelijk met )"
        R"(de BRP</glance></step></guide>)";
    const auto user = [](const std::string& id, const std::string& title) {
        return R"(<guide xmlns="urn:x-souffleur:guide:1" id=")" + id +
               R"(" revision="1" format="4"><title>)" + title +
               R"(</title><step id="a"><glance>Begin</glance></step>)"
               R"(<step id="b" block="nl.blok.brp"/></guide>)";
    };
    REQUIRE(save(server, server.authorA, "nl.blok.brp", 0, block).status == 201);
    REQUIRE(save(server, server.authorA, "nl.test.een", 0, user("nl.test.een", "Een")).status ==
            201);
    REQUIRE(save(server, server.authorA, "nl.test.twee", 0, user("nl.test.twee", "Twee")).status ==
            201);
    REQUIRE(
        save(server, server.authorA, "nl.test.los", 0, guideXml("nl.test.los", 1, "Los")).status ==
        201);

    const auto listed = send(server.port(), get("/api/v1/library", server.authorA));
    REQUIRE(listed.status == 200);
    const auto body = listed.json();
    std::map<std::string, json::object> byId;
    for (const auto& entry : body.as_object().at("guides").as_array())
        byId[std::string(entry.as_object().at("id").as_string())] = entry.as_object();
    REQUIRE(byId.size() == 4);
    CHECK(byId["nl.blok.brp"].at("kind").as_string() == "block");
    CHECK(json::serialize(byId["nl.blok.brp"].at("used_by")) ==
          R"(["nl.test.een","nl.test.twee"])");
    CHECK(byId["nl.test.een"].at("kind").as_string() == "guide");
    CHECK(json::serialize(byId["nl.test.een"].at("blocks")) == R"(["nl.blok.brp"])");
    CHECK_FALSE(byId["nl.test.los"].contains("blocks"));
    CHECK_FALSE(byId["nl.test.los"].contains("used_by"));
}

TEST_CASE("A revision is submitted with a change note, never with personal data",
          "[server][lifecycle]") {
    TestServer server;
    const std::string id = "nl.test.notitie";
    REQUIRE(save(server, server.authorA, id, 0, guideXml(id, 1)).status == 201);

    // A citizen's data in the note: refused, the revision stays a draft.
    const auto refused =
        step(server, server.authorA, id, 1, "submit", R"({"note":"Mevrouw, BSN 111222333"})");
    CHECK(refused.status == 422);
    CHECK(field(refused, "personal_data") == "bsn");
    CHECK(step(server, server.authorA, id, 1, "submit", R"({"note": 5})").status == 400);
    CHECK(step(server, server.authorA, id, 1, "submit",
               R"({"note":")" + std::string(1001, 'x') + R"("})")
              .status == 400);

    CHECK(step(server, server.authorA, id, 1, "submit",
               R"({"note":"Stap 2 noemt nu ook de verblijfsvergunning."})")
              .status == 200);
    REQUIRE(
        step(server, server.reviewerA, id, 1, "reject", R"({"note":"Noem ook de bron."})").status ==
        200);
    REQUIRE(save(server, server.authorA, id, 1, guideXml(id, 2)).status == 201);
    CHECK(step(server, server.authorA, id, 2, "submit").status == 200); // a note is optional
    const auto revisions =
        send(server.port(), get("/api/v1/guides/" + id + "/revisions", server.authorA));
    REQUIRE(revisions.status == 200);
    const auto body = revisions.json();
    const auto& list = body.as_object().at("revisions").as_array();
    REQUIRE(list.size() == 2);
    CHECK(!list[0].as_object().contains("change_note")); // newest first: revision 2
    CHECK(list[0].as_object().at("state").as_string() == "in_review");
    CHECK(list[1].as_object().at("change_note").as_string() ==
          "Stap 2 noemt nu ook de verblijfsvergunning.");
}

TEST_CASE("Four eyes: nobody publishes their own revision", "[server][lifecycle]") {
    TestServer server;
    REQUIRE(save(server, server.reviewerA, "t.eyes", 0, guideXml("t.eyes", 1)).status == 201);
    REQUIRE(step(server, server.reviewerA, "t.eyes", 1, "submit").status == 200);
    const auto own = step(server, server.reviewerA, "t.eyes", 1, "publish");
    CHECK(own.status == 403);
    CHECK(own.body.find("four eyes") != std::string::npos);
    CHECK(step(server, server.adminA, "t.eyes", 1, "publish").status == 200);
    // Other tenants cannot see or touch it.
    CHECK(step(server, server.reviewerB, "t.eyes", 1, "reject", R"({"note":"n"})").status == 404);
    CHECK(send(server.port(), get("/api/v1/guides/t.eyes", server.deskB)).status == 404);
}

TEST_CASE("A saved guide is checked like a published one", "[server][lifecycle][hostile]") {
    TestServer server;
    const auto mismatch = save(server, server.authorA, "t.other", 0, guideXml("t.this", 1));
    CHECK(mismatch.status == 422);
    CHECK(mismatch.body.find("does not match the path") != std::string::npos);
    const auto broken = save(server, server.authorA, "t.x", 0, "<guide><unclosed></guide>");
    CHECK(broken.status == 422);
    CHECK(broken.body.find("\"line\":1") != std::string::npos);
    std::string loop = guideXml("t.loop", 1);
    loop.replace(loop.find("<step id=\"een\"><glance>Eerste stap</glance></step>"), 50,
                 "<step id=\"een\"><glance>a</glance><decision><option goto=\"een\">x</option>"
                 "<option goto=\"een\">y</option></decision></step>");
    const auto senseless = save(server, server.authorA, "t.loop", 0, loop);
    CHECK(senseless.status == 422);
    CHECK(senseless.body.find("does not make sense") != std::string::npos);
    CHECK(save(server, server.authorA, "t.x", -1, guideXml("t.x", 1)).status == 400);
    CHECK(send(server.port(), post("/api/v1/guides/t.x/revisions", server.authorA,
                                   guideXml("t.x", 1), "application/xml"))
              .status == 400); // no base
    CHECK(step(server, server.authorA, "t.x", 0, "submit").status == 404);
    CHECK(step(server, server.reviewerA, "t.nothing", 1, "publish").status == 404);
    CHECK(server.queryInt("SELECT count(*) FROM revisions") == 0);
}

TEST_CASE("A retired guide leaves the desks", "[server][lifecycle]") {
    TestServer server;
    REQUIRE(send(server.port(),
                 post("/api/v1/guides", server.reviewerA, guideXml("t.old", 1), "application/xml"))
                .status == 201);
    NotifyClient desk(server.port());
    REQUIRE(desk.connect(server.deskA) == 101);
    REQUIRE(desk.read().has_value());
    CHECK(send(server.port(), post("/api/v1/guides/t.old/retire", server.authorA, {})).status ==
          403);
    const auto retired =
        send(server.port(), post("/api/v1/guides/t.old/retire", server.reviewerA, {}));
    REQUIRE(retired.status == 200);
    const auto notice = desk.read();
    REQUIRE(notice.has_value());
    CHECK(notice->find("\"kind\":\"retired\"") != std::string::npos); // carried in the notice
    CHECK(send(server.port(), get("/api/v1/guides/t.old", server.deskA)).status == 404);
    const auto feed = send(server.port(), get("/api/v1/changes?since=1", server.deskA));
    CHECK(feed.body.find("\"kind\":\"retired\"") != std::string::npos);
    CHECK(send(server.port(), get("/api/v1/guides", server.deskA)).body.find("t.old") ==
          std::string::npos);
    CHECK(send(server.port(), post("/api/v1/guides/t.old/retire", server.reviewerA, {})).status ==
          404);
}

TEST_CASE("An alert reaches every connected desk with the notice and is acknowledged",
          "[server][alerts]") {
    TestServer server;
    std::vector<std::unique_ptr<NotifyClient>> desks;
    for (int i = 0; i < 5; ++i) {
        desks.push_back(std::make_unique<NotifyClient>(server.port()));
        REQUIRE(desks.back()->connect(server.deskA) == 101);
        REQUIRE(desks.back()->read().has_value());
    }
    NotifyClient otherTenant(server.port());
    REQUIRE(otherTenant.connect(server.deskB) == 101);
    REQUIRE(otherTenant.read().has_value());

    CHECK(send(server.port(),
               post("/api/v1/alerts", server.deskA, alertXml("t.alert", 1, "A"), "application/xml"))
              .status == 403);
    const auto published =
        send(server.port(), post("/api/v1/alerts", server.authorA,
                                 alertXml("t.alert", 1, "Look-alikes"), "application/xml"));
    INFO(published.body);
    REQUIRE(published.status == 201);
    for (auto& desk : desks) {
        const auto notice = desk->read();
        REQUIRE(notice.has_value());
        const auto value = json::parse(*notice).as_object();
        CHECK(value.at("type") == "changed");
        const auto& change = value.at("change").as_object();
        CHECK(change.at("kind") == "alert");
        CHECK(change.at("id") == "t.alert");
        CHECK(std::string(change.at("xml").as_string()).find("<strong>look-alikes</strong>") !=
              std::string::npos);
    }
    CHECK_FALSE(otherTenant.read(300ms).has_value());

    const auto stale =
        send(server.port(), post("/api/v1/alerts", server.authorA, alertXml("t.alert", 1, "Again"),
                                 "application/xml"));
    CHECK(stale.status == 409);
    CHECK(send(server.port(),
               post("/api/v1/alerts", server.authorA, guideXml("t.g", 1), "application/xml"))
              .status == 422);

    const auto listed = send(server.port(), get("/api/v1/alerts", server.deskA));
    REQUIRE(listed.status == 200);
    CHECK(listed.body.find("\"must_acknowledge\":true") != std::string::npos);

    // The desk acknowledges (twice: counted once); the report counts desks per team.
    const json::object ack{{"type", "ack"},
                           {"id", "k1"},
                           {"alert", "t.alert"},
                           {"revision", 1},
                           {"at", "2026-11-23T12:00:00Z"}};
    REQUIRE(send(server.port(),
                 post("/api/v1/records", server.deskA, records("desk-a-1", 1, json::array{ack})))
                .status == 200);
    json::object again = ack;
    again["id"] = "k2";
    REQUIRE(send(server.port(),
                 post("/api/v1/records", server.deskA, records("desk-a-1", 2, json::array{again})))
                .status == 200);
    const auto acks =
        send(server.port(), get("/api/v1/alerts/t.alert/acknowledgements", server.authorA));
    INFO(acks.body);
    REQUIRE(acks.status == 200);
    // One desk in the team: no figure about it (the rule of five, evidence.h).
    CHECK(acks.body.find(R"({"team":"Balie A","acknowledged":null,"complete":null,"desks":1})") !=
          std::string::npos);
    CHECK(server.queryInt("SELECT count(*) FROM alert_acks") == 1);
    // Five more desks, four of them acknowledging: five did, one did not yet.
    for (int i = 1; i <= 5; ++i) {
        const auto token =
            server.addAccount("Gemeente A", "Balie A", "desk-ack-" + std::to_string(i),
                              souffleur::server::Role::Desk);
        if (i == 5)
            continue;
        json::object mine = ack;
        mine["id"] = "k-" + std::to_string(i);
        REQUIRE(
            send(server.port(), post("/api/v1/records", token, records("d", 1, json::array{mine})))
                .status == 200);
    }
    const auto five =
        send(server.port(), get("/api/v1/alerts/t.alert/acknowledgements", server.authorA)).json();
    const auto& team = five.at("teams").as_array().at(0);
    CHECK(team.at("desks") == 6);
    CHECK(team.at("acknowledged").is_null()); // one missing: that would single it out
    CHECK(team.at("complete") == false);
    CHECK(
        send(server.port(), get("/api/v1/alerts/t.alert/acknowledgements", server.deskA)).status ==
        403);
    CHECK(send(server.port(), get("/api/v1/alerts/t.alert/acknowledgements", server.reviewerB))
              .status == 404);

    REQUIRE(send(server.port(), post("/api/v1/alerts/t.alert/retire", server.authorA, {})).status ==
            200);
    const auto retired = desks.front()->read();
    REQUIRE(retired.has_value());
    CHECK(retired->find("\"kind\":\"alert_retired\"") != std::string::npos);
    CHECK(send(server.port(), get("/api/v1/alerts", server.deskA)).body == R"({"alerts":[]})");
}

TEST_CASE("Authors list feedback and say what became of it", "[server][feedback]") {
    TestServer server;
    const auto item = [](const std::string& id, const std::string& step) {
        return json::object{{"type", "feedback"},   {"id", id},
                            {"guide", "t.fb"},      {"revision", 1},
                            {"step", step},         {"kind", "wrong"},
                            {"text", "Klopt niet"}, {"suggestion", "Zo wel"}};
    };
    REQUIRE(send(server.port(),
                 post("/api/v1/records", server.deskA,
                      records("c", 1, json::array{item("f1", "een"), item("f2", "twee")})))
                .status == 200);
    const auto all = send(server.port(), get("/api/v1/feedback?guide=t.fb", server.authorA));
    REQUIRE(all.status == 200);
    CHECK(all.json().at("feedback").as_array().size() == 2);
    CHECK(all.body.find("\"team\":\"Balie A\"") != std::string::npos);
    const auto one =
        send(server.port(), get("/api/v1/feedback?guide=t.fb&step=twee", server.authorA));
    REQUIRE(one.json().at("feedback").as_array().size() == 1);
    CHECK(one.json().at("feedback").as_array()[0].at("id") == "f2");

    const auto patch = [&](const std::string& token, const std::string& id,
                           const std::string& body) {
        return send(server.port(), post("/api/v1/feedback/" + id, token, body, "application/json",
                                        http::verb::patch));
    };
    // "done" is the name of schema v2 for "applied".
    const auto done = patch(server.authorA, "f1", R"({"status": "done", "revision": 2})");
    INFO(done.body);
    REQUIRE(done.status == 200);
    CHECK(done.json().at("status") == "applied");
    CHECK(done.json().at("handled_revision") == 2);
    CHECK(patch(server.authorA, "f1", R"({"status": "maybe"})").status == 400);
    CHECK(patch(server.authorA, "f1", "not json").status == 400);
    CHECK(patch(server.authorA, "nope", R"({"status": "done"})").status == 404);
    CHECK(patch(server.deskA, "f1", R"({"status": "done"})").status == 403);
    CHECK(patch(server.authorB, "f1", R"({"status": "rejected", "reason": "r"})").status ==
          404); // other tenant

    const auto handled = send(server.port(), get("/api/v1/feedback?status=done", server.authorA));
    REQUIRE(handled.json().at("feedback").as_array().size() == 1);
    CHECK(handled.body.find("\"handled_revision\":2") != std::string::npos);
    CHECK(send(server.port(), get("/api/v1/feedback?status=bogus", server.authorA)).status == 400);
    CHECK(send(server.port(), get("/api/v1/feedback", server.authorB)).body ==
          R"({"feedback":[]})");
    CHECK(server.queryInt("SELECT count(*) FROM audit WHERE action = 'feedback'") == 1);
}

TEST_CASE("A version-1 store migrates: its guides stay published", "[server][storage]") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("souffleur-migrate-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    {
        // The tables of version 1 that version 2 changes, as version 1 made them.
        auto db = souffleur::sqlite::Database::open(dir / "souffleur.sqlite");
        REQUIRE(db.has_value());
        REQUIRE(db->exec(R"sql(
CREATE TABLE tenants (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO tenants VALUES (1, 'Gemeente A');
CREATE TABLE accounts (id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL, team_id INTEGER,
    name TEXT NOT NULL, role TEXT NOT NULL, UNIQUE (tenant_id, name));
CREATE TABLE guides (tenant_id INTEGER NOT NULL, id TEXT NOT NULL, revision INTEGER NOT NULL,
    title TEXT NOT NULL, xml TEXT NOT NULL, published_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id, revision));
CREATE TABLE feedback (tenant_id INTEGER NOT NULL, id TEXT NOT NULL, team_id INTEGER,
    guide_id TEXT NOT NULL, revision INTEGER NOT NULL, step TEXT, kind TEXT NOT NULL,
    text TEXT NOT NULL, suggestion TEXT, status TEXT NOT NULL DEFAULT 'new',
    created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE events (tenant_id INTEGER NOT NULL, guide_id TEXT NOT NULL, at TEXT NOT NULL);
INSERT INTO guides VALUES (1, 'g', 1, 'Een', '<x/>', '2026-01-01'),
                          (1, 'g', 2, 'Twee', '<y/>', '2026-02-01');
PRAGMA user_version = 1;
)sql")
                    .has_value());
    }
    auto db = souffleur::server::openStore(dir / "souffleur.sqlite");
    if (!db)
        FAIL(db.error().message);
    CHECK(db->queryInt("PRAGMA user_version").value() ==
          souffleur::server::storeSchemaVersion()); // through v2 to the newest
    CHECK(db->queryInt("SELECT revision FROM revisions WHERE state = 'published'").value() == 2);
    CHECK(db->queryInt("SELECT revision FROM revisions WHERE state = 'superseded'").value() == 1);
    CHECK(souffleur::server::currentGuideXml(*db, 1, "g").value() == "<y/>");
    *db = {};
    std::filesystem::remove_all(dir);
}
