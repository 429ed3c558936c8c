// souffleur-studio, the program: the command line, sign-in, the journal,
// the window. main.cpp calls runStudio() and nothing else; the GUI tests
// build the window themselves from the same pieces.
//
//   souffleur-studio [--server URL] [--token TOKEN] [--ca-file PEM]
//                    [--open GUIDE-ID|FILE] [--lang nl|en] [--screenshot PNG]
//                    [--journal FILE]
//
// With --server and --token a wrong token or an unreachable server ends the
// program with a clear message (exit 2); without a token the keyring (or the
// 0600 file) is asked, then the author. With --screenshot it opens the guide
// (or the library), waits until the preview has painted, writes the window
// as PNG and exits 0.
#pragma once

namespace souffleur::studio {

int runStudio(int argc, char** argv);

} // namespace souffleur::studio
