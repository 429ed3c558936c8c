// The desk's reserve on its disk (see disk_reserve.h).
#include <souffleur/client/disk_reserve.h>

#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace souffleur::client {

std::filesystem::path diskReservePath(const std::filesystem::path& database) {
    std::filesystem::path path = database;
    path += ".reserve";
    return path;
}

bool keepDiskReserve(const std::filesystem::path& database) {
    const std::filesystem::path path = diskReservePath(database);
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) == kDiskReserveBytes && !ec)
        return true;
    const auto space = std::filesystem::space(
        database.parent_path().empty() ? std::filesystem::path(".") : database.parent_path(), ec);
    if (ec || space.available < kDiskReserveBytes + kDiskReserveMargin)
        return false;
    // Written beside it and renamed: a reserve is whole or not there.
    std::filesystem::path partial = path;
    partial += ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    const bool allocated = ::posix_fallocate(fd, 0, static_cast<off_t>(kDiskReserveBytes)) == 0;
    const bool closed = ::close(fd) == 0;
    if (!allocated || !closed || ::rename(partial.c_str(), path.c_str()) != 0) {
        std::filesystem::remove(partial, ec);
        return false;
    }
    return true;
}

bool releaseDiskReserve(const std::filesystem::path& database) {
    std::error_code ec;
    return std::filesystem::remove(diskReservePath(database), ec);
}

} // namespace souffleur::client
