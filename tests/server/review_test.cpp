// Co-creation on the real server: review comments in threads and who may
// resolve them, the authors' notices (listed and pushed), the feedback
// inbox's states and "planned -> applied" on publish, the reason a rejection
// needs, rollback as a reviewed change, the diff route, the queue's order.
#include "test_support.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <string>
#include <thread>

using namespace souffleur::server::test;
namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

// A guide owned by team "Balie A" (whose editor is author-a).
std::string ownedGuide(const std::string& id, int revision, const std::string& glance) {
    std::string xml = guideXml(id, revision);
    xml.replace(xml.find("Eerste stap"), 11, glance);
    xml.insert(xml.find("</title>") + 8, "\n  <owner team=\"Balie A\"/>");
    return xml;
}

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

HttpResult comment(const TestServer& server, const std::string& token, const std::string& id,
                   int revision, const json::object& body) {
    return send(server.port(), post("/api/v1/guides/" + id + "/revisions/" +
                                        std::to_string(revision) + "/comments",
                                    token, json::serialize(body)));
}

json::array notices(const TestServer& server, const std::string& token, bool unread = true) {
    const auto answer = send(
        server.port(), get(std::string("/api/v1/notices") + (unread ? "?unread=1" : ""), token));
    REQUIRE(answer.status == 200);
    return answer.json().at("notices").as_array();
}

std::string feedbackBatch(const std::string& client, int batch, const std::string& id,
                          const std::string& guide, const std::string& suggestion) {
    return json::serialize(
        json::object{{"client", client},
                     {"batch", batch},
                     {"records", json::array{json::object{{"type", "feedback"},
                                                          {"id", id},
                                                          {"guide", guide},
                                                          {"revision", 1},
                                                          {"step", "een"},
                                                          {"kind", "tip"},
                                                          {"text", "Zeg erbij dat het gratis is"},
                                                          {"suggestion", suggestion}}}}});
}

} // namespace

TEST_CASE("Comments in threads, anchored to a step and field, resolved by the author",
          "[server][review]") {
    TestServer server;
    const std::string id = "t.review.comments";
    REQUIRE(save(server, server.authorA, id, 0, ownedGuide(id, 1, "Vraag het document")).status ==
            201);
    REQUIRE(step(server, server.authorA, id, 1, "submit", R"({"note":"Eerste versie"})").status ==
            200);

    const auto first =
        comment(server, server.reviewerA, id, 1,
                {{"text", "Welk document precies?"}, {"step", "een"}, {"field", "glance"}});
    INFO(first.body);
    REQUIRE(first.status == 201);
    const auto firstId = first.json().at("id").as_int64();
    CHECK(first.json().at("thread").as_int64() == firstId);
    CHECK(first.json().at("resolved") == false);

    // The author answers in the thread; the reviewer hears of it.
    const auto reply =
        comment(server, server.authorA, id, 1,
                {{"text", "Paspoort of ID-kaart; staat nu in stap 1."}, {"reply_to", firstId}});
    REQUIRE(reply.status == 201);
    CHECK(reply.json().at("thread").as_int64() == firstId);

    // Bad comments: no text, too long, personal data, a reply to nothing, no such revision.
    CHECK(comment(server, server.reviewerA, id, 1, {{"step", "een"}}).status == 400);
    CHECK(comment(server, server.reviewerA, id, 1, {{"text", "x"}, {"step", 3}}).status == 400);
    CHECK(comment(server, server.reviewerA, id, 1, {{"text", std::string(4001, 'x')}}).status ==
          400);
    const auto personal =
        comment(server, server.reviewerA, id, 1, {{"text", "Zie mevrouw met BSN 111222333"}});
    CHECK(personal.status == 422);
    CHECK(comment(server, server.reviewerA, id, 1, {{"text", "x"}, {"reply_to", 9999}}).status ==
          404);
    CHECK(comment(server, server.reviewerA, id, 7, {{"text", "x"}}).status == 404);
    CHECK(send(server.port(),
               post("/api/v1/guides/" + id + "/revisions/1/comments", server.reviewerA, "not json"))
              .status == 400);

    const auto listed =
        send(server.port(), get("/api/v1/guides/" + id + "/comments", server.authorA));
    REQUIRE(listed.status == 200);
    const auto listedJson = listed.json();
    const auto& list = listedJson.at("comments").as_array();
    REQUIRE(list.size() == 2);
    CHECK(list[0].at("text") == "Welk document precies?");
    CHECK(list[0].at("step") == "een");
    CHECK(list[0].at("field") == "glance");
    CHECK(list[1].at("author") == "author-a");

    // Only the revision's author (or an admin) resolves; anyone may reopen.
    const auto resolve = [&](const std::string& token, std::int64_t comment, bool resolved) {
        return send(server.port(), post("/api/v1/comments/" + std::to_string(comment), token,
                                        json::serialize(json::object{{"resolved", resolved}}),
                                        "application/json", http::verb::patch));
    };
    CHECK(resolve(server.reviewerA, firstId, true).status == 403);
    const auto resolved = resolve(server.authorA, reply.json().at("id").as_int64(), true);
    REQUIRE(resolved.status == 200);
    CHECK(resolved.json().at("id").as_int64() == firstId); // the thread, by its first comment
    CHECK(resolved.json().at("resolved_by") == "author-a");
    const auto after =
        send(server.port(), get("/api/v1/guides/" + id + "/comments?revision=1", server.reviewerA));
    const auto afterJson = after.json();
    REQUIRE(afterJson.at("comments").as_array().size() == 2);
    for (const auto& c : afterJson.at("comments").as_array())
        CHECK(c.at("resolved") == true);
    CHECK(resolve(server.reviewerA, firstId, false).status == 200);
    CHECK(resolve(server.adminA, firstId, true).status == 200);
    CHECK(resolve(server.authorB, firstId, true).status == 404); // another tenant
    CHECK(send(server.port(), post("/api/v1/comments/" + std::to_string(firstId), server.authorA,
                                   R"({"resolved": "yes"})", "application/json", http::verb::patch))
              .status == 400);
    CHECK(send(server.port(), get("/api/v1/guides/" + id + "/comments", server.authorB))
              .json()
              .at("comments")
              .as_array()
              .empty());
}

TEST_CASE("Authors get notices: comments, approval, rejection with a reason, pushed live",
          "[server][review][notices]") {
    TestServer server;
    const std::string id = "t.review.notices";
    REQUIRE(save(server, server.authorA, id, 0, ownedGuide(id, 1, "Vraag het document")).status ==
            201);
    REQUIRE(step(server, server.authorA, id, 1, "submit").status == 200);

    NotifyClient studio(server.port());
    REQUIRE(studio.connect(server.authorA) == 101);
    REQUIRE(studio.read()->find("\"hello\"") != std::string::npos);
    NotifyClient desk(server.port());
    REQUIRE(desk.connect(server.deskA) == 101);
    REQUIRE(desk.read()->find("\"hello\"") != std::string::npos);

    REQUIRE(comment(server, server.reviewerA, id, 1, {{"text", "Kan dit korter?"}, {"step", "een"}})
                .status == 201);
    const auto pushed = studio.read();
    REQUIRE(pushed);
    const auto notice = json::parse(*pushed).as_object();
    CHECK(notice.at("type") == "notice");
    CHECK(notice.at("notice").at("kind") == "comment");
    CHECK(notice.at("notice").at("by") == "reviewer-a");
    CHECK(notice.at("notice").at("step") == "een");
    // Only the author's sessions hear it, and the commenter gets no notice of their own.
    CHECK_FALSE(desk.read(300ms));
    CHECK(notices(server, server.reviewerA).empty());

    // A rejection needs a reason, and the author is told it.
    CHECK(step(server, server.reviewerA, id, 1, "reject").status == 400);
    CHECK(step(server, server.reviewerA, id, 1, "reject", R"({"note": ""})").status == 400);
    CHECK(step(server, server.reviewerA, id, 1, "reject", R"({"note": "Zie BSN 111222333"})")
              .status == 422);
    REQUIRE(step(server, server.reviewerA, id, 1, "reject", R"({"note": "Stap 1 is te lang."})")
                .status == 200);
    const auto rejected = json::parse(*studio.read()).as_object();
    CHECK(rejected.at("notice").at("kind") == "rejected");
    CHECK(rejected.at("notice").at("text") == "Stap 1 is te lang.");

    REQUIRE(step(server, server.authorA, id, 1, "submit").status == 200);
    REQUIRE(step(server, server.reviewerA, id, 1, "publish").status == 200);
    std::optional<std::string> approved;
    // The feed's "changed" goes to every session; the notice to the author's.
    for (int i = 0; i < 3 && !(approved && approved->find("\"notice\"") != std::string::npos); ++i)
        approved = studio.read();
    REQUIRE(approved);
    CHECK(json::parse(*approved).at("notice").at("kind") == "approved");

    auto unread = notices(server, server.authorA);
    REQUIRE(unread.size() == 3); // newest first
    CHECK(unread[0].at("kind") == "approved");
    CHECK(unread[1].at("kind") == "rejected");
    CHECK(unread[2].at("kind") == "comment");

    // Read one, then all.
    const auto readOne =
        send(server.port(),
             post("/api/v1/notices/read", server.authorA,
                  json::serialize(json::object{{"ids", json::array{unread[2].at("id")}}})));
    REQUIRE(readOne.status == 200);
    CHECK(readOne.json().at("read") == 1);
    CHECK(notices(server, server.authorA).size() == 2);
    CHECK(notices(server, server.authorA, false).size() == 3);
    CHECK(send(server.port(), post("/api/v1/notices/read", server.authorA, R"({"all": true})"))
              .json()
              .at("read") == 2);
    CHECK(notices(server, server.authorA).empty());
    CHECK(send(server.port(), post("/api/v1/notices/read", server.authorA, R"({"ids": ["x"]})"))
              .status == 400);
    CHECK(send(server.port(), post("/api/v1/notices/read", server.authorA, R"({})")).status == 400);
    // Notices are the account's own.
    CHECK(notices(server, server.authorB, false).empty());
}

TEST_CASE("Feedback: the inbox's states, notices to the owner team, applied on publish",
          "[server][review][feedback]") {
    TestServer server;
    const std::string id = "t.review.feedback";
    REQUIRE(send(server.port(), post("/api/v1/guides", server.reviewerA,
                                     ownedGuide(id, 1, "Vraag het document"), "application/xml"))
                .status == 201);

    // A tip from the desk: a notice for Balie A's editor (author-a), not for others.
    REQUIRE(send(server.port(),
                 post("/api/v1/records", server.deskA,
                      feedbackBatch("c", 1, "fb-1", id, "Vraag het document; het is gratis")))
                .status == 200);
    REQUIRE(send(server.port(), post("/api/v1/records", server.deskA,
                                     feedbackBatch("c", 2, "fb-2", id, "Zelfde tip")))
                .status == 200);
    auto forAuthor = notices(server, server.authorA);
    REQUIRE(forAuthor.size() == 2);
    CHECK(forAuthor[0].at("kind") == "feedback");
    CHECK(forAuthor[0].at("by") == "Balie A"); // the team, never the desk account
    CHECK(forAuthor[0].at("step") == "een");
    CHECK(notices(server, server.reviewerA).empty()); // no team: not an owner

    const auto patch = [&](const std::string& feedback, const std::string& body) {
        return send(server.port(), post("/api/v1/feedback/" + feedback, server.authorA, body,
                                        "application/json", http::verb::patch));
    };
    // Declined needs a reason; duplicate needs another piece of feedback.
    CHECK(patch("fb-2", R"({"status": "declined"})").status == 400);
    CHECK(patch("fb-2", R"({"status": "declined", "reason": "BSN 111222333"})").status == 422);
    CHECK(patch("fb-2", R"({"status": "duplicate"})").status == 400);
    CHECK(patch("fb-2", R"({"status": "duplicate", "duplicate_of": "fb-2"})").status == 422);
    CHECK(patch("fb-2", R"({"status": "duplicate", "duplicate_of": "nope"})").status == 422);
    const auto duplicate = patch("fb-2", R"({"status": "duplicate", "duplicate_of": "fb-1"})");
    REQUIRE(duplicate.status == 200);
    CHECK(duplicate.json().at("duplicate_of") == "fb-1");
    const auto declined =
        patch("fb-2", R"({"status": "declined", "reason": "Staat al in stap 2"})");
    REQUIRE(declined.status == 200);
    CHECK(declined.json().at("reason") == "Staat al in stap 2");
    CHECK_FALSE(declined.json().as_object().contains("duplicate_of"));

    // The author applies fb-1 in a new draft (revision 2) and plans it there.
    REQUIRE(
        save(server, server.authorA, id, 1, ownedGuide(id, 2, "Vraag het document; het is gratis"))
            .status == 201);
    const auto planned = patch("fb-1", R"({"status": "planned", "revision": 2})");
    REQUIRE(planned.status == 200);
    CHECK(planned.json().at("status") == "planned");
    REQUIRE(
        step(server, server.authorA, id, 2, "submit", R"({"note":"Tip van de balie"})").status ==
        200);
    REQUIRE(step(server, server.reviewerA, id, 2, "publish").status == 200);
    const auto applied = send(
        server.port(), get("/api/v1/feedback?guide=" + id + "&status=applied", server.authorA));
    REQUIRE(applied.status == 200);
    const auto appliedJson = applied.json();
    const auto& list = appliedJson.at("feedback").as_array();
    REQUIRE(list.size() == 1);
    CHECK(list[0].at("id") == "fb-1");
    CHECK(list[0].at("handled_revision") == 2);
    // The desks of the sending team hear of it in the feed; no one else does.
    const auto feed = send(server.port(), get("/api/v1/changes?since=0", server.deskA));
    REQUIRE(feed.status == 200);
    const auto feedJson = feed.json();
    const auto& changes = feedJson.at("changes").as_array();
    REQUIRE(changes.size() == 2);
    CHECK_FALSE(changes[0].as_object().contains("tips_applied")); // revision 1
    const auto& tips = changes[1].at("tips_applied").as_array();
    REQUIRE(tips.size() == 1);
    CHECK(tips[0].at("step") == "een");
    CHECK(tips[0].at("text") == "Zeg erbij dat het gratis is");
    CHECK(send(server.port(), get("/api/v1/changes?since=0", server.reviewerA))
              .body.find("tips_applied") == std::string::npos); // no team
    // The old names still filter.
    CHECK(send(server.port(),
               get("/api/v1/feedback?guide=" + id + "&status=rejected", server.authorA))
              .json()
              .at("feedback")
              .as_array()
              .size() == 1);
}

TEST_CASE("Rollback is a reviewed change; the diff route; the queue oldest first",
          "[server][review]") {
    TestServer server;
    const std::string id = "t.review.rollback";
    REQUIRE(send(server.port(), post("/api/v1/guides", server.reviewerA,
                                     ownedGuide(id, 1, "Vraag het document"), "application/xml"))
                .status == 201);
    REQUIRE(save(server, server.authorA, id, 1, ownedGuide(id, 2, "Vraag het paspoort")).status ==
            201);
    REQUIRE(step(server, server.authorA, id, 2, "submit").status == 200);
    REQUIRE(step(server, server.reviewerA, id, 2, "publish").status == 200);

    const auto diff =
        send(server.port(), get("/api/v1/guides/" + id + "/diff?from=1&to=2", server.authorA));
    INFO(diff.body);
    REQUIRE(diff.status == 200);
    CHECK(diff.json().at("summary").at("nl") == "Stap 1 gewijzigd.");
    const auto diffJson = diff.json();
    CHECK(diffJson.at("steps").as_array()[0].at("fields").as_array()[0].at("field") == "glance");
    CHECK(
        send(server.port(), get("/api/v1/guides/" + id + "/diff?from=1", server.authorA)).status ==
        400);
    CHECK(send(server.port(), get("/api/v1/guides/" + id + "/diff?from=1&to=9", server.authorA))
              .status == 404);

    // Roll back to revision 1: revision 3 in review, published stays 2 until approved.
    const auto rolled =
        send(server.port(), post("/api/v1/guides/" + id + "/rollback", server.authorA,
                                 R"({"to": 1, "reason": "Tip bleek onjuist"})"));
    INFO(rolled.body);
    REQUIRE(rolled.status == 201);
    CHECK(rolled.json().at("revision") == 3);
    CHECK(rolled.json().at("state") == "in_review");
    CHECK(send(server.port(),
               post("/api/v1/guides/" + id + "/rollback", server.authorA, R"({"to": 9})"))
              .status == 404);
    CHECK(send(server.port(), post("/api/v1/guides/" + id + "/rollback", server.authorA, R"({})"))
              .status == 400);
    CHECK(send(server.port(), post("/api/v1/guides/" + id + "/rollback", server.authorA,
                                   R"({"to": 1, "reason": "BSN 111222333"})"))
              .status == 422);
    const auto live = send(server.port(), get("/api/v1/guides/" + id, server.deskA));
    CHECK(live.body.find("Vraag het paspoort") != std::string::npos);
    // Four eyes: its author cannot publish it; a reviewer can.
    CHECK(step(server, server.authorA, id, 3, "publish").status == 403);
    const auto queue = send(server.port(), get("/api/v1/revisions", server.reviewerA));
    const auto queueJson = queue.json();
    const auto& queued = queueJson.at("revisions").as_array();
    REQUIRE(queued.size() == 1);
    CHECK(queued[0].at("change_note") == "Teruggezet naar revisie 1: Tip bleek onjuist");
    CHECK(queued[0].as_object().contains("submitted_at"));
    REQUIRE(step(server, server.reviewerA, id, 3, "publish").status == 200);
    CHECK(send(server.port(), get("/api/v1/guides/" + id, server.deskA))
              .body.find("Vraag het document") != std::string::npos);
    const auto back =
        send(server.port(), get("/api/v1/guides/" + id + "/diff?from=1&to=3", server.authorA));
    CHECK(back.json().at("same") == true);

    // The review queue: oldest submission first.
    for (const std::string other : {"t.review.b", "t.review.a"}) {
        REQUIRE(save(server, server.authorA, other, 0, ownedGuide(other, 1, "Iets")).status == 201);
        REQUIRE(step(server, server.authorA, other, 1, "submit").status == 200);
        std::this_thread::sleep_for(5ms); // the store's clock counts milliseconds
    }
    const auto ordered =
        send(server.port(), get("/api/v1/revisions?state=in_review", server.reviewerA));
    const auto orderedJson = ordered.json();
    const auto& order = orderedJson.at("revisions").as_array();
    REQUIRE(order.size() == 2);
    CHECK(order[0].at("id") == "t.review.b");
    CHECK(order[1].at("id") == "t.review.a");
}
