// The studio's crash journal (studio/journal.h): what was typed survives the
// process. The kill test of the studio itself is in tests/studio_gui.
#include <souffleur/studio/journal.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace souffleur;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char name[] = "/tmp/souffleur-journal-XXXXXX";
        path = ::mkdtemp(name);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

studio::JournalEntry entry(std::string key, std::string xml) {
    return {std::move(key), "nl.test", 3, "<base/>", std::move(xml), {}};
}

} // namespace

TEST_CASE("The journal keeps the newest text per document until forgotten", "[studio][journal]") {
    TempDir dir;
    const auto file = dir.path / "sub" / "journal.db";
    {
        auto journal = studio::Journal::open(file);
        REQUIRE(journal);
        REQUIRE(journal->record(entry("srv a", "<one/>")));
        REQUIRE(journal->record(entry("srv b", "<b/>")));
        REQUIRE(journal->record(entry("srv a", "<two/>")));
    }
    auto journal = studio::Journal::open(file);
    REQUIRE(journal);
    auto unsaved = journal->unsaved();
    REQUIRE(unsaved);
    REQUIRE(unsaved->size() == 2);
    CHECK((*unsaved)[0].key == "srv a"); // first opened first
    CHECK((*unsaved)[0].xml == "<two/>");
    CHECK((*unsaved)[0].baseRevision == 3);
    CHECK((*unsaved)[0].baseXml == "<base/>");
    CHECK_FALSE((*unsaved)[0].savedAt.empty());
    REQUIRE(journal->forget("srv a"));
    auto found = journal->find("srv a");
    REQUIRE(found);
    CHECK_FALSE(found->has_value());
    CHECK(journal->unsaved()->size() == 1);
}

TEST_CASE("What was recorded survives a SIGKILL right after", "[studio][journal]") {
    TempDir dir;
    const auto file = dir.path / "journal.db";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto journal = studio::Journal::open(file);
        if (!journal || !journal->record(entry("srv k", "<typed>net getypt</typed>")))
            ::_exit(1);
        ::kill(::getpid(), SIGKILL);
        ::_exit(2);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    auto journal = studio::Journal::open(file);
    REQUIRE(journal);
    auto found = journal->find("srv k");
    REQUIRE(found);
    REQUIRE(found->has_value());
    CHECK((*found)->xml == "<typed>net getypt</typed>");
}

TEST_CASE("A journal from a newer studio is left alone", "[studio][journal]") {
    TempDir dir;
    const auto file = dir.path / "journal.db";
    {
        auto db = sqlite::Database::open(file);
        REQUIRE(db);
        REQUIRE(db->exec("PRAGMA user_version = 7"));
    }
    auto journal = studio::Journal::open(file);
    REQUIRE_FALSE(journal);
    CHECK(journal.error().find("newer") != std::string::npos);
}

TEST_CASE("A journal that cannot be created says why", "[studio][journal]") {
    TempDir dir;
    const auto blocker = dir.path / "file";
    std::ofstream(blocker) << "x";
    auto journal = studio::Journal::open(blocker / "journal.db");
    REQUIRE_FALSE(journal);
    CHECK(journal.error().find("journal") != std::string::npos);
}
