// The desk's reserve on its disk (issue 17): a file of 1 MiB beside the desk
// database, set aside while the disk has room. SQLite cannot even read a
// database in WAL mode without its shared-memory index (the -shm file, 32
// KiB), so a desk started on a disk with no byte left could not open its
// replica and guide from it. Desk::open then gives the reserve back and opens
// again; the space it frees also holds the records of the first minutes. The
// reserve is made again once the disk has room to spare.
//
//   keepDiskReserve()    at the start and while it is missing: made only
//                        with at least kDiskReserveMargin free beside it
//   releaseDiskReserve() when the database cannot be opened for a full disk
#pragma once

#include <cstdint>
#include <filesystem>

namespace souffleur::client {

inline constexpr std::uintmax_t kDiskReserveBytes = 1024 * 1024;
// The reserve is never what fills a disk: made only if this much stays free.
inline constexpr std::uintmax_t kDiskReserveMargin = 4 * 1024 * 1024;

// Where the reserve of the desk database `database` is ("desk.sqlite.reserve").
std::filesystem::path diskReservePath(const std::filesystem::path& database);

// Makes the reserve (allocated, not sparse) if it is not there and the disk
// keeps kDiskReserveMargin free beside it. True when it is there afterwards.
bool keepDiskReserve(const std::filesystem::path& database);

// Deletes the reserve: true when there was one to give back.
bool releaseDiskReserve(const std::filesystem::path& database);

} // namespace souffleur::client
