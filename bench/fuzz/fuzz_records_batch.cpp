// libFuzzer target for what souffleur-server does with a POST
// /api/v1/records body (routes/records.cpp, recordsRoute): the envelope
// (protocol::parseBatch), every record through the wire protocol's table
// and privacy guard (protocol::validateRecords), then the batch applied to
// a real store (server::applyRecords, records.cpp) as a desk of team
// "Balie A", inside a transaction that is rolled back after each input, so
// the store stays as seeded and an input does the same whenever it runs.
// What must hold, else the target traps and libFuzzer keeps the input:
//  - an envelope that parses has a client id, a batch number >= 1 and at
//    most 1,000 records;
//  - every refused record is named ("records[I]..."), every accepted one
//    has a known type, serialises, and validates again to the same type
//    and fields; the accepted ones, sent again as a batch (batchJson),
//    parse and all validate (but for a record with a number beyond a
//    double in a field its type does not list, which is never read: Boost.JSON
//    1.81 reads it as infinity and writes that as Infinity, which it does
//    not read back);
//  - applying never fails on the store (a 500 for the desk, which would
//    send the batch again forever); a protocol 2 answer acknowledges the
//    batch and names exactly the refused records (each index once, in
//    order); and applying the same batch again is a retry: the same answer.
// Built by bench/fuzz/CMakeLists.txt; run by scripts/fuzz.
#include <souffleur/protocol/records.h>
#include <souffleur/server/auth.h>
#include <souffleur/server/records.h>
#include <souffleur/server/storage.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

namespace protocol = souffleur::protocol;
namespace server = souffleur::server;
namespace sqlite = souffleur::sqlite;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz: %s\n", what.c_str());
    __builtin_trap();
}

// A store with one tenant, team "Balie A" and its desk, removed at exit.
struct Store {
    std::filesystem::path dir;
    std::optional<sqlite::Database> db;
    server::Identity desk;

    Store() {
        dir = std::filesystem::temp_directory_path() /
              ("souffleur-fuzz-records-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        if (!server::prepareDataDir(dir))
            std::exit(1);
        auto opened = server::openStore(server::databasePath(dir));
        if (!opened) {
            std::fprintf(stderr, "fuzz: cannot open the store: %s\n",
                         opened.error().message.c_str());
            std::exit(1);
        }
        db.emplace(std::move(*opened));
        const auto tenant = server::createTenant(*db, "Gemeente A").value();
        const auto team = server::createTeam(*db, tenant, "Balie A").value();
        const auto account =
            server::createAccount(*db, {tenant, team, "desk-a", server::Role::Desk}).value();
        desk = {account, tenant, team, "desk-a", server::Role::Desk, {}};
    }
    ~Store() {
        db.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
};

Store& store() {
    static Store instance;
    return instance;
}

// What the server answers a batch: the answer, or why it refused it (a 400).
using Applied = std::expected<protocol::BatchAnswer, std::string>;

Applied applyBatch(const protocol::Batch& batch, const server::CheckedRecords& records) {
    auto& s = store();
    auto applied = server::applyRecords(*s.db, s.desk, batch, records);
    if (!applied)
        fail("applyRecords failed on the store: " + applied.error().message);
    return *applied;
}

bool sameAnswer(const Applied& a, const Applied& b) {
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return a.error() == b.error();
    if (a->acked != b->acked || a->refused.size() != b->refused.size())
        return false;
    for (std::size_t i = 0; i < a->refused.size(); ++i) {
        if (a->refused[i].index != b->refused[i].index || a->refused[i].id != b->refused[i].id ||
            a->refused[i].error != b->refused[i].error)
            return false;
    }
    return true;
}

// Whether a number in `value` is beyond a double (parsed as infinity). It
// can only be in a field the record's type does not list, never read.
bool nonFinite(const boost::json::value& value) {
    if (value.is_double())
        return !std::isfinite(value.get_double());
    if (const auto* object = value.if_object())
        return std::ranges::any_of(*object,
                                   [](const auto& member) { return nonFinite(member.value()); });
    if (const auto* array = value.if_array())
        return std::ranges::any_of(*array, [](const auto& item) { return nonFinite(item); });
    return false;
}

// Whether two records read the same, field by field of their type, as the
// store reads them (the fields the type does not list are never read).
bool sameFields(const protocol::Record& a, const protocol::Record& b) {
    for (const auto& field : a.spec->fields) {
        if (a.optionalText(field.name) != b.optionalText(field.name) ||
            a.optionalInteger(field.name) != b.optionalInteger(field.name))
            return false;
        const auto itemsA = a.items(field.name);
        const auto itemsB = b.items(field.name);
        if (itemsA.size() != itemsB.size())
            return false;
        for (std::size_t i = 0; i < itemsA.size(); ++i) {
            for (const auto& sub : field.fields) {
                if (protocol::optionalText(itemsA[i].as_object(), sub.name) !=
                    protocol::optionalText(itemsB[i].as_object(), sub.name))
                    return false;
            }
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)store();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    auto batch = protocol::parseBatch(body);
    if (!batch)
        return 0;
    if (batch->clientId.empty() || batch->clientId.size() > protocol::kMaxIdLength ||
        batch->number < 1 || batch->records.size() > protocol::kMaxRecordsPerBatch ||
        batch->protocol < 1 || batch->protocol > protocol::kBatchProtocol)
        fail("parseBatch accepted an envelope it should refuse");

    const std::size_t count = batch->records.size();
    server::CheckedRecords records = protocol::validateRecords(std::move(batch->records));
    if (records.size() != count)
        fail("validateRecords lost or added records");
    std::vector<std::string> accepted;
    std::vector<std::size_t> refusedIndexes;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& record = records[i];
        if (!record) {
            if (!record.error().message.starts_with("records[" + std::to_string(i) + "]"))
                fail("a refusal that does not name its record: " + record.error().message);
            refusedIndexes.push_back(i);
            continue;
        }
        if (!record->spec || protocol::findRecordType(record->type()) != record->spec)
            fail("an accepted record of no known type");
        std::string text = boost::json::serialize(record->fields);
        if (nonFinite(record->fields))
            continue; // Boost.JSON 1.81 writes it as Infinity, which it does not read
        auto again = protocol::validateRecord(text, "again");
        if (!again)
            fail("an accepted record, serialised, is refused: " + again.error().message);
        if (again->spec != record->spec || !sameFields(*record, *again))
            fail("an accepted record, serialised, validates to another record");
        accepted.push_back(std::move(text));
    }
    auto resent =
        protocol::parseBatch(protocol::batchJson(batch->clientId, batch->number, accepted));
    if (!resent || resent->clientId != batch->clientId || resent->number != batch->number ||
        resent->records.size() != accepted.size())
        fail("the accepted records, sent again as a batch, do not parse");
    for (const auto& record : protocol::validateRecords(std::move(resent->records))) {
        if (!record)
            fail("an accepted record, sent again, is refused: " + record.error().message);
    }

    // On the store, in a transaction rolled back at the end of the input.
    auto& s = store();
    auto outer = sqlite::Transaction::begin(*s.db);
    if (!outer)
        fail("cannot begin a transaction: " + outer.error().message);
    const Applied first = applyBatch(*batch, records);
    if (first && batch->protocol >= 2) {
        if (first->acked != batch->number || first->refused.size() < refusedIndexes.size())
            fail("the answer does not acknowledge the batch or misses a refused record");
        std::size_t next = 0;
        for (std::size_t i = 0; i < first->refused.size(); ++i) {
            const auto index = first->refused[i].index;
            if (index >= records.size() || (i > 0 && index <= first->refused[i - 1].index))
                fail("the answer's refused indexes are out of range or out of order");
            // A refusal the validator did not make is a team record from a
            // desk without a team or a type the store lacks: never here.
            if (next >= refusedIndexes.size() || refusedIndexes[next] != index)
                fail("the store refused a record the protocol accepted: " +
                     first->refused[i].error);
            ++next;
        }
    }
    if (first && batch->protocol < 2 && !refusedIndexes.empty())
        fail("a protocol 1 batch with a bad record was acknowledged");
    const Applied retry = applyBatch(*batch, records);
    if (!sameAnswer(first, retry))
        fail("the same batch again got another answer");
    return 0; // `outer` rolls back
}
