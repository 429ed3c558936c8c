// The ingest mode: desks that send record batches (POST /api/v1/records)
// back-to-back, each waiting for the acknowledgement (the durable commit)
// before its next batch, as the overlay's SyncClient does; and the baseline of
// raw SQLite inserts into the same table in this process, WAL and
// synchronous=FULL, one transaction per batch (and, to show what the disk
// allows, per group of batches).
#pragma once

#include "load_support.h"

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace load {

struct IngestOptions {
    Endpoint server;
    std::vector<std::string> tokens; // desk i uses tokens[i % size]
    std::size_t desks = 100;
    std::size_t batch = 200;
    double seconds = 10;
};

struct IngestResult {
    std::int64_t events = 0;     // acknowledged
    std::int64_t batches = 0;    // acknowledged
    double seconds = 0;          // from the common start to the last acknowledgement
    std::vector<double> batchMs; // per batch: request written -> answer read
    std::int64_t failures = 0;
    std::map<std::string, std::size_t> errors;
};

IngestResult runServerIngest(boost::asio::io_context& ioc, const IngestOptions& options);

struct SqliteResult {
    std::int64_t rows = 0;
    double seconds = 0;
    std::vector<double> transactionMs; // per transaction: BEGIN -> COMMIT done
    std::string error;
};

// Inserts batches of `batch` event rows, `group` batches per transaction, for
// `seconds`, into the events table of `database` (created if missing); `tag`
// keeps the row ids of one call apart from those of the others.
SqliteResult runSqliteBaseline(const std::filesystem::path& database, const std::string& tag,
                               std::size_t batch, std::size_t group, double seconds);

// SELECT count(*) FROM events of a store (read-only), to check that what was
// acknowledged is there.
std::optional<std::int64_t> countEvents(const std::filesystem::path& database, std::string& error);

} // namespace load
