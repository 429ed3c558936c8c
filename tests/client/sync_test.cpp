// The sync client against the real server, in-process on a loopback port:
// catching up from the cursor, push of new guides, records delivered exactly
// once, and a desk that was offline sending what it kept once the server is back.
#include "small_disk.h"
#include "test_paths.h"
#include "test_support.h"
#include "tls_support.h"

#include <souffleur/client/logbook.h>
#include <souffleur/client/outbox.h>
#include <souffleur/client/records.h>
#include <souffleur/client/replica.h>
#include <souffleur/client/sync_client.h>
#include <souffleur/net/http.h>
#include <souffleur/protocol/records.h>
#include <souffleur/server/admin.h>
#include <souffleur/server/storage.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace souffleur;
using namespace souffleur::client;
using namespace souffleur::net;
using server::test::TestServer;
using namespace std::chrono_literals;

namespace {

void publish(const TestServer& server, const std::string& id, int revision) {
    server::test::HttpCall call;
    call.method = boost::beast::http::verb::post;
    call.target = "/api/v1/guides";
    call.token = server.reviewerA;
    call.body = server::test::guideXml(id, revision);
    call.contentType = "application/xml";
    REQUIRE(server::test::send(server.port(), call).status == 201);
}

// Polls `condition` (on this thread, with its own connections) for up to `timeout`.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition())
            return true;
        std::this_thread::sleep_for(20ms);
    }
    return condition();
}

// A desk: its database, its sync client, and what the callbacks saw.
struct Desk {
    // Talks to `address`, or to the server over plain HTTP when it is not given.
    // `fresh`: a new database; otherwise the one a desk of this name used before.
    Desk(const TestServer& server, const std::string& token, const std::string& name,
         std::optional<ServerAddress> address = std::nullopt, ReplicaOptions options = {},
         bool fresh = true)
        : database(fresh ? souffleur::test::freshPath(name + ".sqlite")
                         : souffleur::test::tempDir() / (name + ".sqlite"))
        , replica(Replica::open(database, options).value())
        , outbox(Outbox::open(database).value()) {
        SyncConfig config{
            address.value_or(ServerAddress{"127.0.0.1", std::to_string(server.port())}),
            token,
            database,
            options,
            50ms,
            200ms};
        SyncCallbacks callbacks;
        callbacks.stateChanged = [this](SyncState state) {
            if (state == SyncState::Online)
                ++onlineCount;
        };
        callbacks.logbookChanged = [this] { ++logbookChanges; };
        callbacks.log = [this](const std::string& line) {
            const std::lock_guard lock(logMutex);
            log += line + "\n";
        };
        sync = std::make_unique<SyncClient>(config, callbacks);
    }

    void record(int count) {
        const SessionInfo session{newUuid(), "t.guide", 1};
        for (int i = 0; i < count; ++i) {
            const StepEvent event{EventKind::StepShown, "s", "", -1,
                                  std::chrono::system_clock::now()};
            REQUIRE(outbox.enqueue(eventRecord(session, event)));
        }
        sync->flushOutbox();
    }

    std::size_t guideCount() { return replica.guides().value().size(); }
    std::int64_t pending() { return outbox.pending().value(); }

    std::filesystem::path database;
    Replica replica;
    Outbox outbox;
    std::atomic<int> onlineCount = 0;
    std::atomic<int> logbookChanges = 0;
    std::mutex logMutex;
    std::string log;
    std::unique_ptr<SyncClient> sync;
};

AfterActionReview aarExample(std::chrono::system_clock::time_point at) {
    AfterActionReview review;
    review.at = at;
    review.guideId = "g.id";
    review.from = "2026-11-01";
    review.to = "2026-11-30";
    review.expected = "Identiteit binnen 5 minuten vastgesteld";
    review.happened = "Vaak 10 minuten";
    review.why = "Het fotohokje weigert foto's";
    review.improve = "De gemeentecamera gebruiken";
    review.actions = {{"Camera laten maken", "", ""}, {"Stap aanpassen", "g.id", "foto"}};
    return review;
}

} // namespace

// The contract between the desk and the server: every record the desk builds
// is one the wire protocol accepts.
TEST_CASE("Every record the desk builds is accepted by the server", "[client][server][records]") {
    const SessionInfo session{newUuid(), "g.id", 2};
    std::string records;
    for (EventKind kind :
         {EventKind::Started, EventKind::StepShown, EventKind::StepDone, EventKind::Decision,
          EventKind::Back, EventKind::Finished, EventKind::Abandoned}) {
        const StepEvent event{kind, "s1", kind == EventKind::Decision ? "s2" : "",
                              kind == EventKind::StepDone ? 1200 : -1,
                              std::chrono::system_clock::now()};
        records += (records.empty() ? "" : ",") + eventRecord(session, event);
    }
    for (FeedbackKind kind :
         {FeedbackKind::Wrong, FeedbackKind::Unclear, FeedbackKind::Outdated, FeedbackKind::Tip}) {
        records += "," + feedbackRecord({"g.id", 2, "s1", kind, "tekst", "voorstel"});
    }
    records += "," + feedbackRecord({"g.id", 2, "s1", FeedbackKind::Wrong, "", ""}); // no text
    records += "," + ackRecord({"nl.alert.x", 3, std::chrono::system_clock::now()});
    const auto now = std::chrono::system_clock::now();
    records += "," + logbookRecord({"Fotohokje kapot", "", "", now});
    records += "," + logbookRecord({"Fotohokje kapot", "g.id", "s1", now});
    records += "," + aarRecord(aarExample(now));
    records +=
        "," + aarRecord({now, "", "", "", "e", "h", "w", "i", {}}); // no guide, period, actions
    // The server validates with the same table (content/protocol).
    auto batch = protocol::parseBatch(R"({"client":")" + newUuid() + R"(","batch":1,"records":[)" +
                                      records + "]}");
    REQUIRE(batch.has_value());
    std::map<std::string, int> types;
    for (const auto& record : protocol::validateRecords(std::move(batch->records))) {
        INFO((record ? std::string() : record.error().message));
        REQUIRE(record.has_value());
        ++types[std::string(record->type())];
    }
    CHECK(types == std::map<std::string, int>{
                       {"event", 7}, {"feedback", 5}, {"ack", 1}, {"logbook", 2}, {"aar", 2}});
}

TEST_CASE("A desk's logbook entry and AAR record reach the server once",
          "[client][sync][server][logbook]") {
    TestServer server;
    Desk desk(server, server.deskA, "logbook");
    const auto now = std::chrono::system_clock::now();
    REQUIRE(desk.outbox.enqueue(logbookRecord(
        {"Fotohokje bij balie 3 kapot; gebruik de gemeentecamera", "g.id", "foto", now})));
    REQUIRE(desk.outbox.enqueue(aarRecord(aarExample(now))));
    desk.sync->start();
    desk.sync->flushOutbox();
    REQUIRE(eventually([&] { return desk.pending() == 0; }));
    CHECK(desk.outbox.rejected().value() == 0);
    CHECK(server.queryInt("SELECT count(*) FROM logbook") == 1);
    CHECK(server.queryInt("SELECT count(*) FROM aar_records") == 1);
    CHECK(server.queryInt("SELECT count(*) FROM aar_actions") == 2);

    // The team reads them back, as the team's.
    const auto logbook =
        server::test::send(server.port(), server::test::get("/api/v1/logbook", server.deskA));
    INFO(logbook.body);
    CHECK(logbook.body.find("\"team\":\"Balie A\"") != std::string::npos);
    CHECK(logbook.body.find("gemeentecamera") != std::string::npos);
    const auto aars = server::test::send(
        server.port(), server::test::get("/api/v1/aar-records?guide=g.id", server.authorA));
    CHECK(aars.body.find("Camera laten maken") != std::string::npos);
}

namespace {

std::vector<std::string> logbookTexts(Desk& desk) {
    std::vector<std::string> out;
    const auto entries = desk.replica.logbook().value();
    for (const auto& entry : entries)
        out.push_back(entry.text);
    return out;
}

bool lists(Desk& desk, const std::string& text) {
    const auto texts = logbookTexts(desk);
    return std::ranges::find(texts, text) != texts.end();
}

// How often the server answered GET /api/v1/logbook with `status` (its metrics).
int logbookReads(const TestServer& server, int status) {
    const auto metrics =
        server::test::send(server.port(), server::test::get("/metrics", server.adminA));
    const std::string key = "souffleur_requests_total{route=\"api/v1/logbook\",method=\"GET\","
                            "status=\"" +
                            std::to_string(status) + "\"} ";
    const auto at = metrics.body.find(key);
    return at == std::string::npos ? 0 : std::stoi(metrics.body.substr(at + key.size()));
}

} // namespace

TEST_CASE("A desk lists its team's logbook, keeps it offline, and its own entries show once sent",
          "[client][sync][server][logbook]") {
    TestServer server;
    publish(server, "g.id", 1);
    const auto now = std::chrono::system_clock::now();
    // A colleague at another desk of the team, and a desk of another team.
    const std::string colleagueToken =
        server.addAccount("Gemeente A", "Balie A", "desk-a-2", server::Role::Desk);
    Desk colleague(server, colleagueToken, "logbook-colleague");
    REQUIRE(colleague.outbox.enqueue(logbookRecord(
        {"UV-lamp balie 4 geeft een zwak beeld", "g.id", "een", now - std::chrono::hours(2)})));
    Desk other(server, server.deskC, "logbook-other-team");
    REQUIRE(other.outbox.enqueue(logbookRecord({"Notitie van Balie C", "", "", now})));
    colleague.sync->start();
    other.sync->start();
    REQUIRE(eventually([&] { return colleague.pending() == 0 && other.pending() == 0; }));

    Desk desk(server, server.deskA, "logbook-desk");
    REQUIRE(desk.outbox.enqueue(logbookRecord({"Fotohokje kapot; gebruik de gemeentecamera", "g.id",
                                               "twee", now - std::chrono::hours(1)})));
    desk.sync->start();
    // The guides, and the team's logbook with this desk's own entry, sent.
    REQUIRE(eventually([&] {
        return desk.guideCount() == 1 && desk.pending() == 0 && logbookTexts(desk).size() == 2;
    }));
    auto kept = desk.replica.logbook().value();
    CHECK(kept[0].text == "Fotohokje kapot; gebruik de gemeentecamera"); // newest first
    CHECK(kept[0].guide == "g.id");
    CHECK(kept[0].step == "twee");
    CHECK(kept[1].text == "UV-lamp balie 4 geeft een zwak beeld");
    REQUIRE(eventually([&] { return desk.replica.logbook().value().at(0).team == "Balie A"; }));
    CHECK_FALSE(lists(desk, "Notitie van Balie C")); // another team's
    CHECK(desk.logbookChanges > 0);
    CHECK(desk.outbox.rejected().value() == 0);

    SECTION("a colleague's new entry is listed when the panel asks") {
        REQUIRE(colleague.outbox.enqueue(logbookRecord(
            {"Nieuwe werkinstructie paspoorten", "", "", std::chrono::system_clock::now()})));
        colleague.sync->flushOutbox();
        REQUIRE(eventually([&] { return colleague.pending() == 0; }));
        desk.sync->refreshLogbook();
        CHECK(eventually([&] { return lists(desk, "Nieuwe werkinstructie paspoorten"); }, 5s));
        CHECK(logbookTexts(desk).size() == 3);
    }
    SECTION("offline the desk shows what it kept and its own entry as not sent, then sends it") {
        server.stop();
        REQUIRE(eventually([&] { return desk.sync->state() != SyncState::Online; }));
        REQUIRE(desk.outbox.enqueue(logbookRecord(
            {"Zonder verbinding geschreven", "g.id", "een", std::chrono::system_clock::now()})));
        desk.sync->flushOutbox();
        std::this_thread::sleep_for(300ms); // failed attempts to connect
        auto lines = deskLogbook(desk.replica, desk.outbox).value();
        REQUIRE(lines.size() == 3);
        CHECK(lines[0].entry.text == "Zonder verbinding geschreven");
        CHECK_FALSE(lines[0].sent);
        CHECK(lines[0].guideTitle == "Test");
        CHECK(lines[0].stepNumber == 1);
        CHECK(lines[1].sent);
        CHECK(lines[2].sent);

        server.restart();
        REQUIRE(eventually([&] { return desk.pending() == 0; }));
        lines = deskLogbook(desk.replica, desk.outbox).value();
        REQUIRE(lines.size() == 3);
        CHECK(lines[0].entry.text == "Zonder verbinding geschreven");
        CHECK(lines[0].sent);
        CHECK(server.queryInt("SELECT count(*) FROM logbook WHERE text = 'Zonder verbinding "
                              "geschreven'") == 1);
    }
}

TEST_CASE("A desk without a team has no logbook, and its guides and records sync all the same",
          "[client][sync][server][logbook]") {
    TestServer server;
    publish(server, "g.id", 1);
    const std::string token =
        server.addAccount("Gemeente A", std::nullopt, "desk-zonder-team", server::Role::Desk);
    Desk desk(server, token, "logbook-teamless");
    // Kept from before (the account was in a team then): the server now lists none.
    REQUIRE(desk.replica.replaceLogbook(std::vector{
        protocol::LogbookItem{"x", "Balie A", "2026-11-01T08:00:00Z", "Oud", {}, {}, ""}}));
    desk.record(2);
    desk.sync->start();
    REQUIRE(eventually([&] {
        return desk.guideCount() == 1 && desk.pending() == 0 &&
               desk.replica.logbook().value().empty();
    }));
    CHECK(server.queryInt("SELECT count(*) FROM events") == 2);
    // More passes (records sent) do not ask again: each refusal is audited.
    for (int i = 0; i < 3; ++i) {
        desk.record(1);
        REQUIRE(eventually([&] { return desk.pending() == 0; }));
    }
    CHECK(logbookReads(server, 403) == 1);
    const std::lock_guard lock(desk.logMutex);
    CHECK(desk.log.find("logbook") == std::string::npos); // nothing went wrong
}

TEST_CASE("A new desk catches up with the feed and sends its records once",
          "[client][sync][server]") {
    TestServer server;
    publish(server, "t.one", 1);
    publish(server, "t.two", 1);
    Desk desk(server, server.deskA, "catch-up");
    desk.record(3);
    desk.sync->start();
    REQUIRE(eventually([&] { return desk.guideCount() == 2 && desk.pending() == 0; }));
    CHECK(desk.replica.cursor().value() == 2);
    CHECK(server.queryInt("SELECT count(*) FROM events") == 3);

    SECTION("a guide published later is pushed, not polled") {
        // The client's own tick is 30 s: only the server's notice makes this fast.
        publish(server, "t.three", 1);
        CHECK(eventually([&] { return desk.guideCount() == 3; }, 5s));
    }
    SECTION("a new revision replaces the old one on the desk") {
        publish(server, "t.one", 2);
        CHECK(eventually([&] { return desk.replica.guides().value().at(0).revision == 2; }, 5s));
    }
}

TEST_CASE("An offline desk keeps its records and sends them when the server is back",
          "[client][sync][server][offline]") {
    TestServer server;
    publish(server, "t.one", 1);
    server.stop();

    Desk desk(server, server.deskA, "offline");
    desk.sync->start();
    desk.record(5);
    std::this_thread::sleep_for(500ms); // several failed connection attempts
    CHECK(desk.sync->state() != SyncState::Online);
    CHECK(desk.pending() == 5);
    CHECK(desk.guideCount() == 0);

    server.restart();
    REQUIRE(eventually([&] { return desk.pending() == 0 && desk.guideCount() == 1; }));
    CHECK(server.queryInt("SELECT count(*) FROM events") == 5);

    SECTION("and again after the server restarts under it") {
        server.restart();
        desk.record(2);
        REQUIRE(eventually([&] { return desk.pending() == 0; }));
        CHECK(server.queryInt("SELECT count(*) FROM events") == 7);
        CHECK(desk.onlineCount >= 2);
    }
}

TEST_CASE("An older desk keeps a newer-format guide and shows it once it is upgraded",
          "[client][sync][server][format]") {
    TestServer server;
    publish(server, "t.one", 1);
    // A guide of format 2: a step cites its rule.
    server::test::HttpCall call;
    call.method = boost::beast::http::verb::post;
    call.target = "/api/v1/guides";
    call.token = server.reviewerA;
    call.body = R"(<guide xmlns="urn:x-souffleur:guide:1" id="t.new" revision="1" format="2">
        <title>Nieuw formaat</title><step id="a"><glance>Controleer de BRP</glance>
        <basis>Wet BRP art. 2.4</basis></step></guide>)";
    call.contentType = "application/xml";
    REQUIRE(server::test::send(server.port(), call).status == 201);
    {
        Desk old(server, server.deskA, "upgrade", std::nullopt, {.maxFormat = 1});
        old.sync->start();
        REQUIRE(eventually([&] { return old.replica.cursor().value() == 2; }));
        const auto guides = old.replica.guides().value();
        REQUIRE(guides.size() == 2);
        CHECK(guides[0].id == "t.new");
        CHECK_FALSE(guides[0].showable); // listed, as "update needed"
        CHECK(guides[0].title == "Nieuw formaat");
        CHECK(guides[1].showable);
        const auto pending = old.replica.pending().value();
        REQUIRE(pending.size() == 1);
        CHECK(pending[0].needsFormat == 2);
        {
            const std::lock_guard lock(old.logMutex);
            CHECK(old.log.find("kept as pending") != std::string::npos);
        }
        // The desk told the server, once, that it needs an update for it.
        REQUIRE(eventually(
            [&] { return server.queryInt("SELECT count(*) FROM updates_needed") == 1; }));
        // The server stores the report before it answers; the desk clears its
        // outbox when the answer arrives, a moment later.
        CHECK(eventually([&] { return old.pending() == 0; }));
        auto db = server::openStore(server::databasePath(server.dataDir()));
        REQUIRE(db.has_value());
        const auto reports = server::listUpdatesNeeded(*db, 1, 30).value();
        REQUIRE(reports.size() == 1);
        CHECK(reports[0].account == "desk-a");
        CHECK(reports[0].kind == "guide");
        CHECK(reports[0].item == "t.new");
        CHECK(reports[0].format == 2);
        CHECK(reports[0].reads == 1);
        CHECK(old.replica.unreportedUpdates().value().empty());
    }
    // The same desk database, opened by an upgraded build: shown, with no new download.
    Desk upgraded(server, server.deskA, "upgrade", std::nullopt, {}, false);
    CHECK(upgraded.replica.pending().value().empty());
    const auto guides = upgraded.replica.guides().value();
    REQUIRE(guides.size() == 2);
    CHECK(guides[0].showable);
    CHECK(upgraded.replica.guideXml("t.new").value()->find("Wet BRP") != std::string::npos);
    upgraded.sync->start();
    REQUIRE(eventually([&] { return upgraded.onlineCount > 0; }));
    CHECK(upgraded.replica.cursor().value() == 2);
}

TEST_CASE("Records the server refuses are set aside on the desk; the rest is stored",
          "[client][sync][server][records]") {
    TestServer server;
    // reviewer-a has no team: its logbook entry is valid, but the server refuses it.
    Desk desk(server, server.reviewerA, "refused-records");
    desk.record(2);
    REQUIRE(desk.outbox.enqueue(
        logbookRecord({"Fotohokje kapot", "", "", std::chrono::system_clock::now()})));
    desk.record(1);
    desk.sync->start();
    REQUIRE(eventually([&] { return desk.pending() == 0; }));
    CHECK(server.queryInt("SELECT count(*) FROM events") == 3);
    CHECK(server.queryInt("SELECT count(*) FROM logbook") == 0);
    const auto kept = desk.outbox.rejectedRecords().value();
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].record.find(R"("type":"logbook")") != std::string::npos);
    CHECK(kept[0].reason ==
          "records[2]: a \"logbook\" record belongs to the sender's team, and this account has "
          "none");
}

TEST_CASE("A refused token leaves the desk offline with its records kept",
          "[client][sync][server][auth]") {
    TestServer server;
    Desk desk(server, "not-a-token", "refused");
    desk.record(1);
    desk.sync->start();
    std::this_thread::sleep_for(500ms);
    CHECK(desk.sync->state() != SyncState::Online);
    CHECK(desk.pending() == 1);
    CHECK(server.queryInt("SELECT count(*) FROM events") == 0);
    desk.sync->stop();
    const std::lock_guard lock(desk.logMutex);
    CHECK(desk.log.find("refused") != std::string::npos);
}

TEST_CASE("A pushed alert is stored at once, and a retired guide leaves the desk",
          "[client][server][sync][alerts]") {
    TestServer server;
    publish(server, "t.blijft", 1);
    publish(server, "t.gaat", 1);
    Desk desk(server, server.deskA, "push-alert");
    desk.sync->start();
    REQUIRE(eventually([&] { return desk.guideCount() == 2; }));
    // How often the desk has read the feed: a pushed alert needs no read.
    const auto feedReads = [&] {
        const auto metrics =
            server::test::send(server.port(), server::test::get("/metrics", server.adminA));
        const std::string key = "souffleur_requests_total{route=\"api/v1/changes\",method=\"GET\","
                                "status=\"200\"} ";
        const auto at = metrics.body.find(key);
        return at == std::string::npos ? 0 : std::stoi(metrics.body.substr(at + key.size()));
    };
    const int readsBefore = feedReads();
    const auto alert = server::test::send(
        server.port(),
        server::test::post("/api/v1/alerts", server.authorA,
                           "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"t.signaal\" "
                           "revision=\"1\" level=\"critical\" acknowledge=\"required\">"
                           "<title>Let op</title><body>Nieuw patroon.</body></alert>",
                           "application/xml"));
    REQUIRE(alert.status == 201);
    REQUIRE(eventually([&] { return desk.replica.alerts().value().size() == 1; }, 5s));
    CHECK(desk.replica.alerts().value().at(0).mustAcknowledge);
    CHECK(feedReads() == readsBefore); // it came with the notice

    // A retirement comes with its notice as well; the guide is gone from the desk.
    REQUIRE(server::test::send(server.port(), server::test::post("/api/v1/guides/t.gaat/retire",
                                                                 server.reviewerA, {}))
                .status == 200);
    CHECK(eventually([&] { return desk.guideCount() == 1; }, 5s));
    CHECK(desk.replica.guides().value().at(0).id == "t.blijft");
}

TEST_CASE("A desk fetches its guides' pictures and change notes, and keeps them offline",
          "[client][server][sync][media]") {
    namespace test = server::test;
    TestServer server;
    const auto uploaded = test::send(server.port(), test::post("/api/v1/media", server.authorA,
                                                               test::makePng(30, 20), "image/png"));
    REQUIRE(uploaded.status == 201);
    const std::string hash(uploaded.json().as_object().at("hash").as_string());

    // A guide whose first step shows the picture, submitted with a change
    // note by its author and published by a reviewer.
    std::string xml = test::guideXml("t.beeld", 1);
    const std::string glance = "<glance>Eerste stap</glance>";
    xml.replace(xml.find(glance), glance.size(),
                glance + "<image hash=\"" + hash + "\" alt=\"Kinegram op de personaliapagina\"/>");
    const auto call = [&](const std::string& target, const std::string& token,
                          const std::string& body, const std::string& type = {}) {
        return test::send(server.port(), test::post(target, token, body, type)).status;
    };
    REQUIRE(call("/api/v1/guides/t.beeld/revisions?base=0", server.authorA, xml,
                 "application/xml") == 201);
    const std::string note = "Stap 1 toont nu het kinegram.";
    REQUIRE(call("/api/v1/guides/t.beeld/revisions/1/submit", server.authorA,
                 R"({"note":")" + note + R"("})") == 200);
    REQUIRE(call("/api/v1/guides/t.beeld/revisions/1/publish", server.reviewerA, {}) == 200);

    Desk desk(server, server.deskA, "pictures");
    desk.sync->start();
    REQUIRE(
        eventually([&] { return desk.guideCount() == 1 && desk.replica.hasImage(hash).value(); }));
    CHECK(desk.replica.missingImages().value().empty());
    const auto bytes = desk.replica.image(hash).value();
    REQUIRE(bytes.has_value());
    CHECK(bytes->starts_with("\x89PNG"));
    const auto changed = desk.replica.changeNote("t.beeld").value();
    REQUIRE(changed.has_value());
    CHECK(changed->revision == 1);
    CHECK(changed->note == note);

    SECTION("offline, after a restart of the desk, the picture and the note are still there") {
        desk.sync.reset();
        server.stop();
        auto reopened = Replica::open(desk.database).value();
        CHECK(reopened.image(hash).value() == bytes);
        CHECK(reopened.changeNote("t.beeld").value()->note == note);
    }
    SECTION("bytes that are not the picture the hash names are never stored") {
        const std::string other = test::makePng(31, 20);
        const std::string unknown = "sha256:" + std::string(64, 'a');
        CHECK_FALSE(desk.replica.storeImage(unknown, other).value());
        CHECK_FALSE(desk.replica.storeImage(hash, other).value());
        CHECK_FALSE(desk.replica.storeImage(hash, "GIF89a...").value());
        CHECK_FALSE(desk.replica.hasImage(unknown).value());
        CHECK(desk.replica.image(hash).value() == bytes);
    }
    SECTION("a revision without the picture and without a note: both go") {
        REQUIRE(call("/api/v1/guides/t.beeld/revisions?base=1", server.authorA,
                     test::guideXml("t.beeld", 2), "application/xml") == 201);
        REQUIRE(call("/api/v1/guides/t.beeld/revisions/2/submit", server.authorA, {}) == 200);
        REQUIRE(call("/api/v1/guides/t.beeld/revisions/2/publish", server.reviewerA, {}) == 200);
        REQUIRE(eventually([&] { return !desk.replica.hasImage(hash).value(); }, 5s));
        CHECK(desk.replica.guides().value().at(0).revision == 2);
        CHECK_FALSE(desk.replica.changeNote("t.beeld").value().has_value());
    }
}

TEST_CASE("Over TLS the desk syncs, and a wrong certificate is refused", "[client][sync][tls]") {
    const auto dir = souffleur::test::freshPath("tls");
    const auto certificates = server::test::makeTestCertificates(dir / "good");
    server::Config config;
    config.tlsCertificate = certificates.certificate;
    config.tlsPrivateKey = certificates.privateKey;
    TestServer server(config);
    const std::string port = std::to_string(server.port());
    const auto address = [&](const std::string& host, const std::filesystem::path& ca) {
        auto out = ServerAddress::parse("https://" + host + ":" + port).value();
        out.caFile = ca.string();
        return out;
    };
    const auto https = address("127.0.0.1", certificates.caCertificate);
    const auto publishOverTls = [&](const std::string& id) {
        const HttpRequest call{Method::Post, "/api/v1/guides", server.reviewerA,
                               server::test::guideXml(id, 1), "application/xml"};
        const auto answer = request(https, call);
        INFO((answer ? answer->body : answer.error()));
        REQUIRE(answer.has_value());
        CHECK(answer->status == 201);
    };

    SECTION("HTTPS and WSS: the feed, a pushed guide, the records") {
        publishOverTls("t.one");
        Desk desk(server, server.deskA, "tls-desk", https);
        desk.record(2);
        desk.sync->start();
        REQUIRE(eventually([&] { return desk.guideCount() == 1 && desk.pending() == 0; }));
        publishOverTls("t.two"); // reaches the desk through the notify WebSocket
        CHECK(eventually([&] { return desk.guideCount() == 2; }, 5s));
        CHECK(server.queryInt("SELECT count(*) FROM events") == 2);
        CHECK(request(address("localhost", certificates.caCertificate),
                      HttpRequest{Method::Get, "/healthz", "", "", ""})
                  ->status == 200);
    }
    SECTION("an unknown authority, another host's certificate, plain HTTP: refused") {
        const auto other = server::test::makeTestCertificates(dir / "other");
        const HttpRequest health{Method::Get, "/healthz", "", "", ""};
        const auto untrusted = request(address("127.0.0.1", other.caCertificate), health);
        REQUIRE_FALSE(untrusted.has_value());
        CHECK_THAT(untrusted.error(), Catch::Contains("certificate verify failed"));
        const auto systemOnly = request(address("127.0.0.1", ""), health);
        CHECK_FALSE(systemOnly.has_value());

        // A certificate for "localhost" only, asked for as 127.0.0.1.
        const auto named = server::test::makeTestCertificates(dir / "named", {"localhost"});
        server::Config namedConfig;
        namedConfig.tlsCertificate = named.certificate;
        namedConfig.tlsPrivateKey = named.privateKey;
        TestServer namedServer(namedConfig);
        auto byAddress =
            ServerAddress::parse("https://127.0.0.1:" + std::to_string(namedServer.port())).value();
        byAddress.caFile = named.caCertificate.string();
        const auto mismatch = request(byAddress, health);
        REQUIRE_FALSE(mismatch.has_value());
        CHECK_THAT(mismatch.error(), Catch::Contains("certificate verify failed"));
        auto byName = byAddress;
        byName.host = "localhost";
        CHECK(request(byName, health)->status == 200);

        // Plain HTTP to the TLS port gets no answer. The server counts it, and
        // the two handshakes above that the client gave up on.
        CHECK(server::test::send(server.port(), server::test::get("/healthz", "")).status == 0);
        const auto metrics =
            request(https, HttpRequest{Method::Get, "/metrics", server.adminA, "", ""});
        INFO((metrics ? metrics->body : metrics.error()));
        REQUIRE(metrics.has_value());
        CHECK_THAT(
            metrics->body,
            Catch::Contains("souffleur_connection_errors_total{kind=\"tls_handshake\"} 3\n"));
    }
    SECTION("a client stuck in its handshake does not hold up the others") {
        boost::asio::io_context ioc;
        boost::asio::ip::tcp::socket stuck(ioc);
        stuck.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
        const char partial[] = "\x16\x03\x01"; // the start of a ClientHello, and no more
        boost::asio::write(stuck, boost::asio::buffer(partial, 3));
        const auto answer = request(https, HttpRequest{Method::Get, "/healthz", "", "", ""});
        INFO((answer ? answer->body : answer.error()));
        REQUIRE(answer.has_value());
        CHECK(answer->status == 200);
    }
}

TEST_CASE("The server refuses to start with a bad TLS setup", "[server][tls]") {
    const auto dir = souffleur::test::freshPath("tls-bad");
    const auto good = server::test::makeTestCertificates(dir / "good");
    const auto other = server::test::makeTestCertificates(dir / "other");
    const auto startError = [&](const std::filesystem::path& certificate,
                                const std::filesystem::path& key) {
        server::Config config;
        config.dataDir = dir / "data";
        config.port = 0;
        config.tlsCertificate = certificate;
        config.tlsPrivateKey = key;
        server::Server candidate(config);
        auto started = candidate.start();
        return started ? std::string() : started.error();
    };
    CHECK_THAT(startError(good.certificate, ""), Catch::Contains("needs both"));
    CHECK_THAT(startError(dir / "missing.pem", good.privateKey),
               Catch::Contains("cannot use the TLS certificate") && Catch::Contains("missing.pem"));
    CHECK_THAT(startError(good.certificate, dir / "missing-key.pem"),
               Catch::Contains("cannot use the TLS private key"));
    CHECK_THAT(startError(good.certificate, other.privateKey),
               Catch::Contains("does not belong to the certificate"));
    CHECK_THAT(startError(good.certificate, good.certificate),
               Catch::Contains("cannot use the TLS private key"));
    CHECK(startError(good.certificate, good.privateKey).empty());
}

TEST_CASE("After the server's store is restored from a backup the desk starts over",
          "[client][sync][server][backup]") {
    TestServer server;
    publish(server, "t.blijft", 1);
    publish(server, "t.ouder", 1);
    const auto backup = souffleur::test::freshPath("restore-backup.sqlite");
    std::ostringstream out;
    std::ostringstream err;
    const auto admin = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--data", server.dataDir().string()});
        return server::runAdmin(args, out, err);
    };
    REQUIRE(admin({"backup", backup.string()}) == 0);
    // After the backup, and so lost by the restore: a newer revision and a guide.
    publish(server, "t.ouder", 2);
    publish(server, "t.verloren", 1);

    Desk desk(server, server.deskA, "restored");
    desk.sync->start();
    REQUIRE(eventually([&] { return desk.guideCount() == 3; }));
    REQUIRE(desk.replica.cursor().value() == 4);
    const auto epochBefore = desk.replica.epoch().value();
    CHECK_FALSE(epochBefore.empty());

    server.stop();
    INFO(err.str());
    REQUIRE(admin({"restore", backup.string()}) == 0);
    server.restart();
    // Published after the restore: the feed reaches sequence 3 again, below the
    // desk's cursor of 4, but in another epoch; only the epoch tells.
    publish(server, "t.nieuw", 1);
    // What the desk holds, as "id revision" lines in title order.
    const auto holds = [&desk] {
        std::string held;
        auto guides = desk.replica.guides();
        for (const auto& guide : guides.value_or(std::vector<GuideEntry>{}))
            held += guide.id + " " + std::to_string(guide.revision) + "\n";
        return held;
    };
    CHECK(eventually([&] { return holds() == "t.blijft 1\nt.nieuw 1\nt.ouder 1\n"; }));
    INFO(holds());
    CHECK(desk.replica.cursor().value() == 3);
    CHECK(desk.replica.epoch().value() != epochBefore);
    const std::lock_guard lock(desk.logMutex);
    CHECK_THAT(desk.log, Catch::Contains("restored or replaced"));
}

// A full disk at the desk (issue 17) with the real server: the desk database
// on a small tmpfs the test fills (root only; otherwise SKIPPED). The server
// stores a numbered batch but the desk cannot clear it: the batch stays and
// is sent again unchanged, and the server counts its records once. A new
// guide cannot be applied: the replica stays as it was. With space again the
// desk catches up and everything reaches the server exactly once.
TEST_CASE("A desk on a full disk keeps its replica and records, and each record is counted once",
          "[client][sync][server][diskfull]") {
    souffleur::test::SmallDisk disk(4, "desk-sync-disk-full");
    if (!disk.mounted) {
        WARN("SKIPPED: the desk's full-disk sync test needs a tmpfs of its own: " << disk.why);
        return;
    }
    TestServer server;
    publish(server, "t.one", 1);
    const auto database = disk.dir / "desk.sqlite";
    auto replica = Replica::open(database).value();
    auto outbox = Outbox::open(database).value();
    std::mutex logMutex;
    std::string log;
    const auto startSync = [&] {
        SyncCallbacks callbacks;
        callbacks.log = [&](const std::string& line) {
            const std::lock_guard lock(logMutex);
            log += line + "\n";
        };
        auto sync = std::make_unique<SyncClient>(
            SyncConfig{ServerAddress{"127.0.0.1", std::to_string(server.port())},
                       server.deskA,
                       database,
                       {},
                       50ms,
                       200ms},
            callbacks);
        sync->start();
        return sync;
    };
    const auto logged = [&](const std::string& text) {
        const std::lock_guard lock(logMutex);
        std::size_t count = 0;
        for (auto at = log.find(text); at != std::string::npos; at = log.find(text, at + 1))
            ++count;
        return count;
    };
    {
        auto sync = startSync(); // catches up while there is space
        REQUIRE(eventually([&] { return replica.guides().value().size() == 1; }));
    }

    // Five step records in a numbered batch, as when a send was cut off.
    const SessionInfo session{newUuid(), "t.one", 1};
    for (int i = 0; i < 5; ++i)
        REQUIRE(outbox.enqueue(eventRecord(
            session, {EventKind::StepShown, "s", "", -1, std::chrono::system_clock::now()})));
    const auto batch = outbox.nextBatch().value();
    REQUIRE(batch.has_value());
    {
        auto db = sqlite::Database::open(database).value();
        REQUIRE(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    INFO("filled " << disk.fill() << " bytes");

    auto sync = startSync();
    // The server stores the batch; the desk cannot clear it, sends it again,
    // and the server counts it once.
    REQUIRE(eventually([&] { return logged("cannot clear acknowledged batch") >= 3; }));
    CHECK(logged("database or disk is full (nothing of it was stored") >= 3);
    CHECK(server.queryInt("SELECT count(*) FROM events") == 5);
    CHECK(outbox.pending().value() == 5);
    const auto again = outbox.nextBatch().value();
    REQUIRE(again.has_value());
    CHECK(again->number == batch->number);
    CHECK(again->body == batch->body);
    // A new guide cannot be applied: the replica stays as it was, readable.
    publish(server, "t.two", 1);
    REQUIRE(eventually([&] { return logged("cannot store changes") >= 1; }));
    CHECK(replica.guides().value().size() == 1);
    CHECK(replica.cursor().value() == 1);
    CHECK(replica.guideXml("t.one").value().has_value());
    // A step record the panel takes now waits in memory.
    PendingRecords waiting;
    CHECK_FALSE(waiting.store(outbox, {eventRecord(session, {EventKind::Finished, "s", "", -1,
                                                             std::chrono::system_clock::now()})}));
    CHECK(waiting.diskFull());

    disk.free();
    REQUIRE(waiting.retry(outbox));
    sync->flushOutbox();
    REQUIRE(eventually(
        [&] { return outbox.pending().value() == 0 && replica.guides().value().size() == 2; }));
    CHECK(server.queryInt("SELECT count(*) FROM events") == 6);
    CHECK(replica.cursor().value() == 2);
    sync.reset();
    auto db = sqlite::Database::open(database).value();
    CHECK(db.queryInt("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'")
              .value() == 0);
}
