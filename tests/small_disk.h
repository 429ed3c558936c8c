// A small disk of its own for the desk's full-disk tests (issue 17): a tmpfs
// of a few megabytes mounted on a fresh directory, that a test fills to the
// last byte and frees again. Mounting needs root (and a kernel that lets this
// process mount): otherwise `mounted` is false and `why` says why, and the
// test says SKIPPED and passes. Plain C++, for the Catch tests of the core
// and the QTest tests of the panel alike.
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/mount.h>
#include <unistd.h>

namespace souffleur::test {

class SmallDisk {
public:
    // `name` tells the directories of tests running at the same time apart.
    SmallDisk(int megabytes, const std::string& name) {
        dir = std::filesystem::temp_directory_path() /
              ("souffleur-" + name + "-" + std::to_string(::getpid()));
        std::error_code ignored;
        std::filesystem::create_directories(dir, ignored);
        if (::geteuid() != 0) {
            why = "not root (mounting a tmpfs needs root)";
            return;
        }
        const std::string options = "size=" + std::to_string(megabytes) + "m,mode=0700";
        if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) != 0) {
            why = std::string("cannot mount a tmpfs: ") + std::strerror(errno);
            return;
        }
        mounted = true;
    }
    ~SmallDisk() {
        if (mounted)
            ::umount2(dir.c_str(), MNT_DETACH);
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    // Writes a file until the disk has no byte left; its size, -1 when it
    // cannot be created.
    std::int64_t fill() {
        const auto path = dir / "filler";
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            return -1;
        std::int64_t written = 0;
        const std::string chunk(64 * 1024, 'x');
        for (std::size_t size = chunk.size(); size > 0; size /= 2) {
            for (;;) {
                const auto n = ::write(fd, chunk.data(), size);
                if (n <= 0)
                    break;
                written += n;
            }
        }
        ::close(fd);
        return written;
    }
    // Space again: the filler goes.
    void free() {
        std::error_code ignored;
        std::filesystem::remove(dir / "filler", ignored);
    }

    std::filesystem::path dir;
    bool mounted = false;
    std::string why;
};

} // namespace souffleur::test
