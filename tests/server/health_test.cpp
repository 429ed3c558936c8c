// Content health and sources on the real server: guides built to be overdue,
// expiring, failing and with stale feedback get those states and reasons; a
// source's new version puts an item in the owner team's inbox naming the
// steps to check, with a notice, and health shows it until it is handled.
#include "test_support.h"

#include <souffleur/server/storage.h>
#include <souffleur/sqlite/sqlite.h>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <string>

using namespace souffleur::server::test;
namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

std::string dayText(std::chrono::sys_days day) {
    const std::chrono::year_month_day date(day);
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return out;
}

std::chrono::sys_days today() {
    return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

// A published guide of team "Balie A" with two steps, and what `extra` adds
// after the owner (format 5 when it says so).
std::string healthGuide(const std::string& id, const std::string& extra, bool format5 = false,
                        const std::string& stepBasis = {}) {
    return "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"" + id + "\" revision=\"1\"" +
           (format5 ? " format=\"5\"" : "") + "><title>" + id +
           "</title><owner team=\"Balie A\"/>" + extra +
           "<step id=\"een\"><glance>Eerst</glance></step><step id=\"twee\" end=\"true\">"
           "<glance>Dan</glance>" +
           stepBasis + "</step></guide>";
}

HttpResult publish(const TestServer& server, const std::string& xml) {
    return send(server.port(), post("/api/v1/guides", server.reviewerA, xml, "application/xml"));
}

json::object healthOf(const json::value& answer, const std::string& id) {
    for (const auto& guide : answer.at("guides").as_array())
        if (guide.at("guide").as_string() == id)
            return guide.as_object();
    FAIL("no health for " << id);
    return {};
}

} // namespace

TEST_CASE("Health: overdue, expiring, failing and stale feedback, each with its reason",
          "[server][health]") {
    TestServer server;
    const auto now = today();
    REQUIRE(publish(server, healthGuide("t.ok", "")).status == 201);
    REQUIRE(publish(server, healthGuide("t.overdue",
                                        "<review every=\"6\" next=\"" +
                                            dayText(now - std::chrono::days(3)) + "\"/>",
                                        true))
                .status == 201);
    REQUIRE(
        publish(server, healthGuide("t.expiring",
                                    "<valid to=\"" + dayText(now + std::chrono::days(10)) + "\"/>"))
            .status == 201);
    REQUIRE(publish(server, healthGuide("t.failing", "")).status == 201);
    REQUIRE(publish(server, healthGuide("t.stale", "")).status == 201);

    // Six sessions at six desks show step "een" of t.failing; two are
    // abandoned there. (At one desk they would be withheld: evidence.h.)
    const std::string at = dayText(now - std::chrono::days(1)) + "T10:00:00Z";
    for (int i = 0; i < 6; ++i) {
        const std::string session = "s" + std::to_string(i);
        const auto event = [&](const std::string& name, int n) {
            return json::object{{"type", "event"},    {"id", session + "-" + std::to_string(n)},
                                {"session", session}, {"guide", "t.failing"},
                                {"revision", 1},      {"event", name},
                                {"step", "een"},      {"at", at}};
        };
        json::array records{event("step_shown", 1)};
        if (i < 2)
            records.push_back(event("abandoned", 2));
        const auto desk =
            i == 0 ? server.deskA
                   : server.addAccount("Gemeente A", "Balie A", "desk-a" + std::to_string(i),
                                       souffleur::server::Role::Desk);
        const auto batch = json::serialize(
            json::object{{"client", "c"}, {"batch", 1}, {"records", std::move(records)}});
        REQUIRE(send(server.port(), post("/api/v1/records", desk, batch)).status == 200);
    }
    const auto tip = json::serialize(
        json::object{{"client", "c"},
                     {"batch", 2},
                     {"records", json::array{json::object{{"type", "feedback"},
                                                          {"id", "old-tip"},
                                                          {"guide", "t.stale"},
                                                          {"revision", 1},
                                                          {"step", "een"},
                                                          {"kind", "tip"},
                                                          {"text", "Al lang open"}}}}});
    REQUIRE(send(server.port(), post("/api/v1/records", server.deskA, tip)).status == 200);
    {
        // Twenty days old (the store's own clock wrote it now).
        auto db =
            souffleur::sqlite::Database::open(souffleur::server::databasePath(server.dataDir()));
        REQUIRE(db);
        REQUIRE(db->execute("UPDATE feedback SET created_at = ? WHERE id = 'old-tip'",
                            dayText(now - std::chrono::days(20)) + "T09:00:00.000Z"));
    }

    const auto answer = send(server.port(), get("/api/v1/health", server.authorA));
    INFO(answer.body);
    REQUIRE(answer.status == 200);
    const auto body = answer.json();
    CHECK(healthOf(body, "t.ok").at("state") == "ok");
    CHECK(
        healthOf(body, "t.ok").at("next_review").as_string() ==
        dayText(std::chrono::sys_days(std::chrono::year_month_day(now) + std::chrono::months(12))));
    const auto overdue = healthOf(body, "t.overdue");
    CHECK(overdue.at("state") == "review_due");
    CHECK(overdue.at("review_months") == 6);
    CHECK(healthOf(body, "t.expiring").at("state") == "expiring");
    const auto failing = healthOf(body, "t.failing");
    CHECK(failing.at("state") == "failing");
    CHECK(failing.at("reasons").as_array()[0].at("step") == "een");
    CHECK(failing.at("reasons").as_array()[0].at("detail") ==
          "step een abandoned in 33% of 6 sessions");
    const auto& steps = failing.at("steps").as_array();
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].at("sessions") == 6);
    const auto stale = healthOf(body, "t.stale");
    CHECK(stale.at("state") == "stale_feedback");
    CHECK(stale.at("oldest_open_days") == 20);
    CHECK(body.at("counts").at("failing") == 1);
    CHECK(body.at("counts").at("ok") == 1);
    // The most pressing first.
    CHECK(body.at("guides").as_array()[0].at("guide") == "t.failing");

    // A date of one's own (what-if), and who may ask.
    const auto later =
        send(server.port(), get("/api/v1/health?today=2099-01-01", server.reviewerA));
    CHECK(healthOf(later.json(), "t.ok").at("state") == "review_due");
    CHECK(send(server.port(), get("/api/v1/health?today=morgen", server.authorA)).status == 400);
    CHECK(send(server.port(), get("/api/v1/health?today=2026-02-30", server.authorA)).status ==
          400);
    CHECK(send(server.port(), get("/api/v1/health", server.deskA)).status == 403);
    CHECK(send(server.port(), get("/api/v1/health", server.authorB))
              .json()
              .at("guides")
              .as_array()
              .empty());

    // The gauges on /metrics.
    const auto metrics = send(server.port(), get("/metrics", server.adminA));
    CHECK(metrics.body.find("souffleur_guides_health{tenant=\"1\",state=\"failing\"} 1") !=
          std::string::npos);
}

TEST_CASE("Sources: a new version reaches the owner team's inbox, and health, until handled",
          "[server][health][sources]") {
    TestServer server;
    const auto save = [&](const std::string& body) {
        return send(server.port(), post("/api/v1/sources", server.authorA, body));
    };
    const auto created = save(R"({"id": "pw-28", "title": "Paspoortwet, art. 28",
        "reference": "BWBR0005212", "version_date": "2026-01-01"})");
    INFO(created.body);
    REQUIRE(created.status == 201);
    CHECK(save(R"({"id": "pw 28", "title": "x", "version_date": "2026-01-01"})").status == 400);
    CHECK(save(R"({"id": "pw-28", "title": "x", "version_date": "1 jan"})").status == 400);
    CHECK(save("not json").status == 400);
    CHECK(save(R"({"id": "x", "title": "Brief van BSN 111222333", "version_date": "2026-01-01"})")
              .status == 422);
    REQUIRE(
        publish(server, healthGuide("t.cites", "<basis source=\"pw-28\">Paspoortwet</basis>", true,
                                    "<basis source=\"pw-28\">Paspoortwet, art. 28</basis>"))
            .status == 201);
    const auto listed = send(server.port(), get("/api/v1/sources", server.reviewerA));
    CHECK(listed.json().at("sources").as_array()[0].at("cited_by").as_array()[0] == "t.cites");

    // The same version again changes nothing; a new one makes the inbox item.
    const auto same = save(R"({"id": "pw-28", "title": "Paspoortwet, art. 28",
        "reference": "BWBR0005212", "version_date": "2026-01-01"})");
    CHECK(same.json().at("new_version") == false);
    // (Another editor than the team's own author records it: the author is told.)
    const auto changed =
        send(server.port(), post("/api/v1/sources", server.reviewerA,
                                 R"({"id": "pw-28", "title": "Paspoortwet, art. 28",
        "reference": "BWBR0005212", "version_date": "2027-01-01"})"));
    REQUIRE(changed.status == 200);
    CHECK(changed.json().at("guides_to_check").as_array()[0] == "t.cites");

    const auto inbox = send(server.port(), get("/api/v1/feedback?guide=t.cites", server.authorA));
    const auto inboxJson = inbox.json();
    const auto& items = inboxJson.at("feedback").as_array();
    REQUIRE(items.size() == 1);
    CHECK(items[0].at("kind") == "source");
    CHECK(items[0].at("text") == "Bron gewijzigd: 'Paspoortwet, art. 28' heeft een nieuwe versie "
                                 "(2027-01-01). Controleer stap 2 en de grondslag van de gids.");
    const auto notices = send(server.port(), get("/api/v1/notices?unread=1", server.authorA));
    CHECK(notices.body.find("\"kind\":\"source\"") != std::string::npos);

    const auto health = send(server.port(), get("/api/v1/health", server.authorA));
    CHECK(healthOf(health.json(), "t.cites").at("state") == "source_changed");
    // Handled (checked: nothing to change): health is ok again.
    const auto id = std::string(items[0].at("id").as_string());
    REQUIRE(send(server.port(), post("/api/v1/feedback/" + id, server.authorA,
                                     R"({"status": "declined", "reason": "Stap 2 klopt nog"})",
                                     "application/json", http::verb::patch))
                .status == 200);
    const auto after = send(server.port(), get("/api/v1/health", server.authorA));
    CHECK(healthOf(after.json(), "t.cites").at("state") == "ok");
}
