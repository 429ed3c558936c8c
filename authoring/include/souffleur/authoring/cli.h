// The `souffleur` command-line tool for authors, as a library: main.cpp only
// forwards argv, so every subcommand can be tested without a process.
//
//   souffleur validate GUIDE.xml...
//   souffleur publish --server URL --token TOKEN GUIDE.xml...
//   souffleur aar-report --server URL --token TOKEN --guide ID [--json]
//
// Exit status: 0 success, 1 content or server errors, 2 usage errors.
#pragma once

#include <iosfwd>
#include <span>
#include <string>

namespace souffleur::authoring {

inline constexpr int kExitOk = 0;
inline constexpr int kExitContentError = 1;
inline constexpr int kExitUsage = 2;

// `args` excludes the program name.
int run(std::span<const std::string> args, std::ostream& out, std::ostream& err);

} // namespace souffleur::authoring
