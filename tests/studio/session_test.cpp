// The studio's core against the real server on a loopback port: saving with
// a base, a 409 settled by the three-way merge and saved again, submitting
// with a change note, a desk token refused, and a guide recovered from the
// journal after a crash.
#include "test_support.h"

#include <souffleur/content/parser.h>
#include <souffleur/studio/guide_session.h>
#include <souffleur/studio/notice_listener.h>
#include <souffleur/studio/server_session.h>

#include <catch2/catch.hpp>

#include <condition_variable>
#include <mutex>
#include <sys/wait.h>
#include <unistd.h>

using namespace souffleur;
namespace test = souffleur::server::test;

namespace {

studio::ServerSession sessionFor(const test::TestServer& server, const std::string& token) {
    auto session =
        studio::ServerSession::connect("http://127.0.0.1:" + std::to_string(server.port()), token);
    REQUIRE(session);
    return std::move(*session);
}

studio::GuideSession open(const studio::ServerSession& session, const std::string& id, int revision,
                          studio::Journal* journal = nullptr) {
    auto xml = session.revisionXml(id, revision);
    REQUIRE(xml);
    auto model = studio::EditModel::fromXml(*xml);
    REQUIRE(model);
    return studio::GuideSession(std::move(*model), session.url() + " " + id, revision, *xml,
                                journal);
}

int savedRevision(const studio::SessionResult<studio::SaveResult>& result) {
    REQUIRE(result);
    const auto* saved = std::get_if<studio::Saved>(&*result);
    REQUIRE(saved);
    return saved->revision;
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char name[] = "/tmp/souffleur-studio-XXXXXX";
        path = ::mkdtemp(name);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

} // namespace

TEST_CASE("Two authors edit one guide: the second merges and saves", "[studio][server]") {
    test::TestServer server;
    const auto author = sessionFor(server, server.authorA);
    const auto reviewer = sessionFor(server, server.reviewerA);
    const std::string id = "nl.test.samen";
    REQUIRE(savedRevision(author.save(id, 0, test::guideXml(id, 1))) == 1);

    auto mine = open(author, id, 1);
    auto theirs = open(reviewer, id, 1);
    REQUIRE(mine.apply(studio::SetGuideField{studio::GuideField::Title, std::string("Mijn titel")},
                       "Titel"));
    REQUIRE(theirs.apply(
        studio::SetGuideField{studio::GuideField::Summary, std::string("Hun samenvatting")},
        "Samenvatting"));
    const int theirRevision =
        savedRevision(reviewer.save(id, theirs.baseRevision(), theirs.model().xml()));
    CHECK(theirRevision == 2);

    // My save meets their revision: a 409, never an overwrite.
    auto conflict = author.save(id, mine.baseRevision(), mine.model().xml());
    REQUIRE(conflict);
    const auto* stale = std::get_if<studio::SaveConflict>(&*conflict);
    REQUIRE(stale);
    CHECK(stale->currentRevision == 2);
    auto theirXml = author.revisionXml(id, stale->currentRevision);
    REQUIRE(theirXml);
    auto merge = mine.merge(*theirXml);
    REQUIRE(merge);
    CHECK(merge->conflicts().empty());
    REQUIRE(mine.merged(*merge, stale->currentRevision, *theirXml, "Samenvoegen"));
    CHECK(mine.baseRevision() == 2);
    CHECK(mine.model().modified());
    const int merged = savedRevision(author.save(id, mine.baseRevision(), mine.model().xml()));
    CHECK(merged == 3);
    auto stored = author.revisionXml(id, 3);
    REQUIRE(stored);
    auto guide = content::parseGuide(*stored, "stored");
    REQUIRE(guide);
    CHECK(guide->title == "Mijn titel");
    CHECK(guide->summary == "Hun samenvatting");
    mine.saved(3, *stored, mine.model().xml());
    CHECK_FALSE(mine.model().modified());

    // Submitted for review with the author's change note.
    REQUIRE(author.submit(id, 3, "Titel verduidelijkt"));
    auto revisions = author.revisions(id);
    REQUIRE(revisions);
    REQUIRE_FALSE(revisions->empty());
    CHECK(revisions->front().revision == 3);
    CHECK(revisions->front().state == "in_review");
}

TEST_CASE("A desk token cannot save, and a wrong token says so", "[studio][server]") {
    test::TestServer server;
    const auto desk = sessionFor(server, server.deskA);
    auto refused = desk.save("nl.test.desk", 0, test::guideXml("nl.test.desk", 1));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == studio::SessionError::Kind::Forbidden);
    const auto wrong = sessionFor(server, "not-a-token");
    auto unknown = wrong.revisions("nl.test.desk");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().kind == studio::SessionError::Kind::Unauthorized);
    auto unreachable = studio::ServerSession::connect("http://127.0.0.1:1", "x");
    REQUIRE(unreachable);
    auto none = unreachable->revisions("x");
    REQUIRE_FALSE(none);
    CHECK(none.error().kind == studio::SessionError::Kind::Unreachable);
}

TEST_CASE("A guide the server refuses comes back with the server's diagnostics",
          "[studio][server]") {
    test::TestServer server;
    const auto author = sessionFor(server, server.authorA);
    std::string xml = test::guideXml("nl.test.fout", 1);
    const auto title = xml.find("<title>");
    REQUIRE(title != std::string::npos);
    xml.insert(title, "<onbekend/>");
    auto result = author.save("nl.test.fout", 0, xml);
    REQUIRE(result);
    const auto* refused = std::get_if<studio::SaveRefused>(&*result);
    REQUIRE(refused);
    CHECK_FALSE(refused->diagnostics.empty());
}

TEST_CASE("After a SIGKILL the guide reopens from the journal with every edit",
          "[studio][journal]") {
    test::TestServer server;
    const auto author = sessionFor(server, server.authorA);
    const std::string id = "nl.test.crash";
    REQUIRE(savedRevision(author.save(id, 0, test::guideXml(id, 1))) == 1);
    TempDir dir;
    const auto file = dir.path / "journal.db";
    auto xml = author.revisionXml(id, 1);
    REQUIRE(xml);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The studio: opens the guide, types, and is killed without saving.
        auto journal = studio::Journal::open(file);
        if (!journal)
            ::_exit(1);
        auto model = studio::EditModel::fromXml(*xml);
        if (!model)
            ::_exit(2);
        studio::GuideSession session(std::move(*model), author.url() + " " + id, 1, *xml,
                                     &*journal);
        std::string typed;
        for (char c : std::string("Nieuwe titel")) {
            typed += c;
            if (!session.apply(studio::SetGuideField{studio::GuideField::Title, typed}, "t", true))
                ::_exit(3);
        }
        ::kill(::getpid(), SIGKILL);
        ::_exit(4);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));

    auto journal = studio::Journal::open(file);
    REQUIRE(journal);
    auto unsaved = journal->unsaved();
    REQUIRE(unsaved);
    REQUIRE(unsaved->size() == 1);
    auto recovered = studio::GuideSession::recover(unsaved->front(), &*journal);
    REQUIRE(recovered);
    CHECK(recovered->guide().title == "Nieuwe titel");
    CHECK(recovered->baseRevision() == 1);
    CHECK(recovered->model().modified());
    const int saved =
        savedRevision(author.save(id, recovered->baseRevision(), recovered->model().xml()));
    auto stored = author.revisionXml(id, saved);
    REQUIRE(stored);
    recovered->saved(saved, *stored, recovered->model().xml());
    CHECK(journal->unsaved()->empty());
}

TEST_CASE("Review from the studio: queue, comments, reject with a reason, approve, notices",
          "[studio][server][review]") {
    test::TestServer server;
    const auto author = sessionFor(server, server.authorA);
    const auto reviewer = sessionFor(server, server.reviewerA);
    const std::string id = "nl.test.beoordelen";

    // The author listens on the push channel as the studio does.
    std::mutex mutex;
    std::condition_variable heard;
    std::vector<protocol::Notice> received;
    studio::NoticeListener listener(author.address(), server.authorA,
                                    {[&](const protocol::Notice& notice) {
                                         const std::lock_guard lock(mutex);
                                         received.push_back(notice);
                                         heard.notify_all();
                                     },
                                     {},
                                     {}},
                                    std::chrono::milliseconds(50), std::chrono::milliseconds(200));
    listener.start();
    const auto waitFor = [&](std::size_t count) {
        std::unique_lock lock(mutex);
        return heard.wait_for(lock, std::chrono::seconds(10),
                              [&] { return received.size() >= count; });
    };

    REQUIRE(savedRevision(author.save(id, 0, test::guideXml(id, 1))) == 1);
    REQUIRE(author.submit(id, 1, "Eerste versie"));
    auto queue = reviewer.reviewQueue();
    REQUIRE(queue);
    REQUIRE(queue->size() == 1);
    CHECK((*queue)[0].guide == id);
    CHECK((*queue)[0].changeNote == "Eerste versie");
    CHECK_FALSE((*queue)[0].submittedAt.empty());

    // The listener may still be connecting: the comment waits for it.
    for (int i = 0; i < 100 && received.empty(); ++i) {
        auto comment = reviewer.addComment(id, 1, {"een", "glance", std::nullopt, "Korter?"});
        REQUIRE(comment);
        if (waitFor(1))
            break;
    }
    REQUIRE(waitFor(1));
    CHECK(received[0].kind == "comment");
    CHECK(received[0].step == "een");

    auto comments = author.comments(id, 1);
    REQUIRE(comments);
    REQUIRE_FALSE(comments->empty());
    const auto thread = comments->front().thread;
    auto answer = author.addComment(id, 1, {std::nullopt, std::nullopt, thread, "Is korter nu."});
    REQUIRE(answer);
    CHECK(answer->thread == thread);
    CHECK(reviewer.resolveThread(thread, true).error().kind ==
          studio::SessionError::Kind::Forbidden);
    auto resolved = author.resolveThread(thread, true);
    REQUIRE(resolved);
    CHECK(resolved->resolved());

    CHECK(reviewer.reject(id, 1, "").error().kind == studio::SessionError::Kind::Refused);
    const auto before = received.size();
    REQUIRE(reviewer.reject(id, 1, "Stap 2 ontbreekt."));
    REQUIRE(waitFor(before + 1));
    CHECK(received.back().kind == "rejected");
    CHECK(received.back().text == "Stap 2 ontbreekt.");

    REQUIRE(author.submit(id, 1, {}));
    CHECK(author.approve(id, 1).error().kind == studio::SessionError::Kind::Forbidden); // four eyes
    REQUIRE(reviewer.approve(id, 1));
    auto unread = author.notices(true);
    REQUIRE(unread);
    CHECK(unread->front().kind == "approved");
    REQUIRE(author.markNoticesRead({}));
    CHECK(author.notices(true)->empty());
    listener.stop();

    // Going back to the revision the desks have already is refused; to an
    // earlier published one it is a new revision in review.
    CHECK(author.rollback(id, 1, "Terug").error().kind == studio::SessionError::Kind::NotFound);
    REQUIRE(savedRevision(author.save(id, 1, test::guideXml(id, 2))) == 2);
    REQUIRE(author.submit(id, 2, {}));
    REQUIRE(reviewer.approve(id, 2));
    auto rolled = author.rollback(id, 1, "Terug");
    REQUIRE(rolled);
    CHECK(*rolled == 3);
}

TEST_CASE("The feedback inbox from the studio: list, plan, decline", "[studio][server][review]") {
    test::TestServer server;
    const auto author = sessionFor(server, server.authorA);
    const std::string id = "nl.test.inbox";
    auto reviewer = sessionFor(server, server.reviewerA);
    REQUIRE(savedRevision(author.save(id, 0, test::guideXml(id, 1))) == 1);
    REQUIRE(author.submit(id, 1, {}));
    REQUIRE(reviewer.approve(id, 1));
    const auto batch = R"({"client": "c", "batch": 1, "records": [
        {"type": "feedback", "id": "fb-a", "guide": "nl.test.inbox", "revision": 1, "step": "een",
         "kind": "tip", "text": "Noem de kosten", "suggestion": "Eerste stap: noem de kosten"},
        {"type": "feedback", "id": "fb-b", "guide": "nl.test.inbox", "revision": 1,
         "kind": "unclear", "text": "Wat is stap twee?"}]})";
    REQUIRE(test::send(server.port(), test::post("/api/v1/records", server.deskA, batch)).status ==
            200);
    auto inbox = author.feedback(id);
    REQUIRE(inbox);
    REQUIRE(inbox->size() == 2);
    CHECK(inbox->back().suggestion == "Eerste stap: noem de kosten");
    CHECK(inbox->back().team == "Balie A");
    auto planned = author.updateFeedback("fb-a", {"planned", 2, std::nullopt, std::nullopt});
    REQUIRE(planned);
    CHECK(planned->status == "planned");
    CHECK(planned->handledRevision == 2);
    CHECK(author.updateFeedback("fb-b", {"declined", std::nullopt, std::nullopt, std::nullopt})
              .error()
              .kind == studio::SessionError::Kind::Refused);
    auto declined = author.updateFeedback(
        "fb-b", {"declined", std::nullopt, "Staat al in stap 2", std::nullopt});
    REQUIRE(declined);
    CHECK(declined->reason == "Staat al in stap 2");
}
