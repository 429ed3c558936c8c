// Test files in a directory of this test process: TMP/souffleur-tests-PID/.
#pragma once

#include <filesystem>
#include <string>
#include <unistd.h>

namespace souffleur::test {

// This test process's directory, TMP/souffleur-tests-PID/, created if needed.
inline std::filesystem::path tempDir() {
    const auto dir =
        std::filesystem::temp_directory_path() / ("souffleur-tests-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

// A path that does not exist yet (nor its SQLite -wal and -shm companions):
// whatever an earlier run (or section) left there is removed.
inline std::filesystem::path freshPath(const std::string& name) {
    const auto path = tempDir() / name;
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove_all(path.string() + suffix);
    return path;
}

} // namespace souffleur::test
