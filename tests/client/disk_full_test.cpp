// A full disk at the desk (issue 17): the desk database on a small tmpfs that
// the test fills to the last byte. The outbox stores nothing and says the
// disk is full (never that a record was refused); the step records wait in
// memory; a batch the server has but the desk cannot clear stays numbered and
// is sent again unchanged; a sync page cannot be applied and the replica
// stays as it was, and guides are read and searched from it all the while.
// With space again everything waiting is stored, in order, and the database
// passes PRAGMA integrity_check. A desk started on a disk with no byte left
// opens its database with the space of its reserve (disk_reserve.h). Mounting a tmpfs needs root:
// without it the tests say SKIPPED and pass.
#include "small_disk.h"

#include <souffleur/client/disk_reserve.h>
#include <souffleur/client/outbox.h>
#include <souffleur/client/replica.h>
#include <souffleur/sqlite/sqlite.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace souffleur::client;
using souffleur::test::SmallDisk;

namespace {

// A valid record (an alert acknowledgement) with this id.
std::string record(const std::string& id) {
    return R"({"type":"ack","id":")" + id +
           R"(","alert":"nl.alert.x","revision":1,"at":"2026-11-23T10:00:00Z"})";
}

std::string guideXml(const std::string& id, int revision, const std::string& title) {
    return "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"" + id + "\" revision=\"" +
           std::to_string(revision) + "\"><title>" + title +
           "</title><step id=\"s\"><glance>Controleer het document</glance></step></guide>";
}

// Every page the next write needs has to be new on the disk: the WAL, which
// SQLite would otherwise write over in place, is emptied first.
void emptyWal(const std::filesystem::path& database) {
    auto db = souffleur::sqlite::Database::open(database);
    REQUIRE(db.has_value());
    REQUIRE(db->exec("PRAGMA wal_checkpoint(TRUNCATE)").has_value());
}

std::int64_t integrityProblems(const std::filesystem::path& database) {
    auto db = souffleur::sqlite::Database::open(database);
    REQUIRE(db.has_value());
    return db
        ->queryInt("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check "
                   "!= 'ok'")
        .value()
        .value_or(-1);
}

} // namespace

TEST_CASE("On a full disk the desk stores nothing, loses nothing, and guides from its replica",
          "[client][diskfull]") {
    SmallDisk disk(4, "desk-disk-full");
    if (!disk.mounted) {
        WARN("SKIPPED: the desk's full-disk test needs a tmpfs of its own: " << disk.why);
        return;
    }
    const auto path = disk.dir / "desk.sqlite";
    auto replica = Replica::open(path);
    auto outbox = Outbox::open(path);
    REQUIRE(replica.has_value());
    REQUIRE(outbox.has_value());
    REQUIRE(replica->applyChanges(
        {{1, "guide", "g.paspoort", 1, guideXml("g.paspoort", 1, "Paspoort aanvragen")}}, 1));
    PendingRecords pending;
    REQUIRE(pending.store(*outbox, {record("a")}));
    emptyWal(path);
    INFO("filled " << disk.fill() << " bytes");

    // Step records: nothing stored, the disk named, all of them waiting.
    auto failed = pending.store(*outbox, {record("b"), record("c")});
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().diskFull);
    CHECK_FALSE(failed.error().refused.has_value()); // not the records' fault
    CHECK(pending.waiting() == 2);
    CHECK(pending.diskFull());
    failed = pending.store(*outbox, {record("d")});
    REQUIRE_FALSE(failed.has_value());
    CHECK(pending.waiting() == 3);
    CHECK_FALSE(pending.retry(*outbox).has_value());
    CHECK(pending.waiting() == 3);

    // Feedback, a logbook entry, an acknowledgement: enqueue says the disk is full.
    const auto direct = outbox->enqueue(record("e"));
    REQUIRE_FALSE(direct.has_value());
    CHECK(direct.error().diskFull);
    CHECK_FALSE(direct.error().refused.has_value());
    // Numbering a batch is a write too: nothing is sent.
    const auto batch = outbox->nextBatch(10);
    REQUIRE_FALSE(batch.has_value());
    CHECK(batch.error().diskFull());
    CHECK(outbox->pending().value() == 1); // "a", stored before

    // A sync page with a new guide and a new revision: refused as a whole,
    // the replica as it was, cursor and all.
    const auto applied = replica->applyChanges(
        {{2, "guide", "g.rijbewijs", 1, guideXml("g.rijbewijs", 1, "Rijbewijs verlengen")},
         {3, "guide", "g.paspoort", 2, guideXml("g.paspoort", 2, "Paspoort aanvragen (nieuw)")}},
        3);
    REQUIRE_FALSE(applied.has_value());
    CHECK(applied.error().diskFull());
    CHECK(replica->cursor().value() == 1);
    const auto guides = replica->guides().value();
    REQUIRE(guides.size() == 1);
    CHECK(guides[0].revision == 1);
    // A page that changes nothing writes nothing, so it goes through.
    CHECK(replica->applyChanges({}, 1, true).value() == 0);
    // Guiding goes on from the replica: read and searched as before.
    CHECK(replica->guideXml("g.paspoort").value()->find("Controleer") != std::string::npos);
    const auto hits = replica->search("paspo").value();
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].id == "g.paspoort");

    // Space again: everything waiting is stored, in the order it came.
    disk.free();
    REQUIRE(pending.retry(*outbox));
    CHECK(pending.waiting() == 0);
    CHECK_FALSE(pending.diskFull());
    REQUIRE(outbox->enqueue(record("e")));
    const auto sent = outbox->nextBatch(10).value();
    REQUIRE(sent.has_value());
    CHECK(sent->size == 5);
    const auto at = [&](const std::string& id) { return sent->body.find(record(id)); };
    CHECK(at("a") < at("b"));
    CHECK(at("b") < at("c"));
    CHECK(at("c") < at("d"));
    CHECK(at("d") < at("e"));
    CHECK(at("e") != std::string::npos);
    REQUIRE(replica->applyChanges(
        {{2, "guide", "g.rijbewijs", 1, guideXml("g.rijbewijs", 1, "Rijbewijs verlengen")},
         {3, "guide", "g.paspoort", 2, guideXml("g.paspoort", 2, "Paspoort aanvragen (nieuw)")}},
        3));
    CHECK(replica->guides().value().size() == 2);
    CHECK(replica->cursor().value() == 3);
    CHECK(integrityProblems(path) == 0);
}

TEST_CASE("A batch the server has but a full disk cannot clear is sent again unchanged",
          "[client][diskfull]") {
    SmallDisk disk(4, "desk-disk-full-settle");
    if (!disk.mounted) {
        WARN("SKIPPED: the desk's full-disk test needs a tmpfs of its own: " << disk.why);
        return;
    }
    const auto path = disk.dir / "desk.sqlite";
    auto outbox = Outbox::open(path);
    REQUIRE(outbox.has_value());
    REQUIRE(outbox->enqueueAll(std::vector{record("a"), record("b"), record("c")}));
    const auto first = outbox->nextBatch(2).value();
    REQUIRE(first.has_value());
    CHECK(first->number == 1);
    CHECK(first->size == 2);
    emptyWal(path);
    INFO("filled " << disk.fill() << " bytes");

    // The server stored batch 1 (one record refused); clearing it cannot be
    // stored: nothing is deleted, nothing set aside.
    const std::vector<souffleur::protocol::RefusedRecord> refused{{1, "b", "records[1]: no"}};
    const auto settled = outbox->settle(1, refused);
    REQUIRE_FALSE(settled.has_value());
    CHECK(settled.error().diskFull());
    CHECK(outbox->pending().value() == 3);
    CHECK(outbox->rejected().value() == 0);
    // The next try sends the same batch: the same number, the same records
    // (the server answers a number it has seen without storing anything).
    const auto again = outbox->nextBatch(2).value();
    REQUIRE(again.has_value());
    CHECK(again->number == 1);
    CHECK(again->body == first->body);

    disk.free();
    REQUIRE(outbox->settle(1, refused));
    CHECK(outbox->pending().value() == 1);
    CHECK(outbox->rejected().value() == 1);
    const auto next = outbox->nextBatch(2).value();
    REQUIRE(next.has_value());
    CHECK(next->number == 2);
    CHECK(next->body.find(record("c")) != std::string::npos);
    CHECK(integrityProblems(path) == 0);
}

TEST_CASE("A desk started on a full disk opens its replica with the space of its reserve",
          "[client][diskfull]") {
    SmallDisk disk(8, "desk-disk-full-start");
    if (!disk.mounted) {
        WARN("SKIPPED: the desk's full-disk test needs a tmpfs of its own: " << disk.why);
        return;
    }
    const auto path = disk.dir / "desk.sqlite";
    {
        auto replica = Replica::open(path);
        REQUIRE(replica.has_value());
        REQUIRE(replica->applyChanges(
            {{1, "guide", "g.paspoort", 1, guideXml("g.paspoort", 1, "Paspoort aanvragen")}}, 1));
        // Set aside while the disk has room; a second call finds it there.
        REQUIRE(keepDiskReserve(path));
        CHECK(std::filesystem::file_size(diskReservePath(path)) == kDiskReserveBytes);
        REQUIRE(keepDiskReserve(path));
    } // closed: the WAL and its index (-shm) are gone, as after quitting
    REQUIRE_FALSE(std::filesystem::exists(path.string() + "-shm"));
    INFO("filled " << disk.fill() << " bytes");

    // Not a byte left: SQLite cannot make the WAL's index, even to read.
    auto refused = Replica::open(path);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().diskFull()); // an I/O error for ENOSPC counts as full

    // The reserve's space opens it: guides read and searched, records stored.
    REQUIRE(releaseDiskReserve(path));
    CHECK_FALSE(releaseDiskReserve(path)); // only once
    CHECK_FALSE(keepDiskReserve(path));    // not set aside again without room to spare
    auto replica = Replica::open(path);
    REQUIRE(replica.has_value());
    CHECK(replica->guideXml("g.paspoort").value()->find("Controleer") != std::string::npos);
    CHECK(replica->search("paspo").value().size() == 1);
    auto outbox = Outbox::open(path);
    REQUIRE(outbox.has_value());
    REQUIRE(outbox->enqueue(record("a")));
    CHECK(outbox->pending().value() == 1);
    CHECK_FALSE(keepDiskReserve(path)); // still no room to spare

    // Room again: set aside again, whole.
    disk.free();
    REQUIRE(keepDiskReserve(path));
    CHECK(std::filesystem::file_size(diskReservePath(path)) == kDiskReserveBytes);
    CHECK_FALSE(std::filesystem::exists(diskReservePath(path).string() + ".partial"));
    CHECK(integrityProblems(path) == 0);
}
