// The SQLite wrappers: WAL with synchronous=FULL, statements, transactions.
#include "test_paths.h"

#include <souffleur/sqlite/sqlite.h>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace souffleur::sqlite;

TEST_CASE("A database opens in WAL mode with synchronous=FULL", "[sqlite]") {
    auto db = Database::open(souffleur::test::freshPath("wal.sqlite"));
    REQUIRE(db.has_value());
    auto stmt = db->prepare("PRAGMA journal_mode");
    REQUIRE(stmt.has_value());
    REQUIRE(stmt->step().value());
    CHECK(stmt->columnText(0) == "wal");
    CHECK(db->queryInt("PRAGMA synchronous").value() == 2); // FULL
}

TEST_CASE("A transaction rolls back unless committed", "[sqlite]") {
    auto db = Database::open(souffleur::test::freshPath("tx.sqlite"));
    REQUIRE(db.has_value());
    REQUIRE(db->exec("CREATE TABLE t(x INTEGER)").has_value());
    {
        auto tx = Transaction::begin(*db);
        REQUIRE(tx.has_value());
        REQUIRE(db->prepare("INSERT INTO t VALUES (?)")->bind(1, 1).run().has_value());
    }
    CHECK(db->queryInt("SELECT count(*) FROM t").value() == 0);
    {
        auto tx = Transaction::begin(*db);
        REQUIRE(db->prepare("INSERT INTO t VALUES (?)")->bindAll(2).run().has_value());
        REQUIRE(tx->commit().has_value());
    }
    CHECK(db->queryInt("SELECT sum(x) FROM t").value() == 2);
}

TEST_CASE("A transaction inside another is a savepoint of it (group commit)", "[sqlite]") {
    auto db = Database::open(souffleur::test::freshPath("nested.sqlite"));
    REQUIRE(db.has_value());
    REQUIRE(db->exec("CREATE TABLE t(x INTEGER)").has_value());
    CHECK_FALSE(db->inTransaction());
    REQUIRE(db->exec("BEGIN IMMEDIATE").has_value()); // the group
    {
        auto kept = Transaction::begin(*db);
        REQUIRE(kept.has_value());
        REQUIRE(db->execute("INSERT INTO t VALUES (1)").has_value());
        REQUIRE(kept->commit().has_value()); // released into the group
    }
    {
        auto failed = Transaction::begin(*db);
        REQUIRE(failed.has_value());
        REQUIRE(db->execute("INSERT INTO t VALUES (2)").has_value());
    } // rolled back: only its own row goes
    CHECK(db->inTransaction());
    CHECK(db->queryInt("SELECT count(*) FROM t").value() == 1);
    REQUIRE(db->exec("ROLLBACK").has_value()); // the group decides
    CHECK(db->queryInt("SELECT count(*) FROM t").value() == 0);
}

TEST_CASE("Errors are values with SQLite's message", "[sqlite]") {
    auto db = Database::open(souffleur::test::freshPath("err.sqlite"));
    REQUIRE(db.has_value());
    auto bad = db->prepare("SELEC nonsense");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message.find("syntax error") != std::string::npos);
    CHECK_FALSE(Database::open("/nonexistent/dir/x.sqlite").has_value());
}

TEST_CASE("An empty string view binds as empty text, never as NULL", "[sqlite]") {
    auto db = souffleur::sqlite::Database::open(":memory:");
    REQUIRE(db.has_value());
    REQUIRE(db->exec("CREATE TABLE t (v TEXT NOT NULL)"));
    REQUIRE(db->execute("INSERT INTO t (v) VALUES (?)", std::string_view()));
    CHECK(db->queryInt("SELECT count(*) FROM t WHERE v = ''").value() == 1);
}
