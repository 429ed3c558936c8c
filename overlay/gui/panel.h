// The desk panel as a program: runPanel() reads the command line before
// QApplication exists (so --help, --version and usage errors need no
// display), decides about the Chromium sandbox, registers the souffleur://
// scheme, hands a request to a panel already running for the same data
// directory, and otherwise wires the Desk (client core) to the OverlayWindow
// and runs the event loop. main.cpp is nothing but a call to it.
//
// A build for tests (SOUFFLEUR_TEST_HOOKS) makes a second program from the
// same library, souffleur-overlay-panel-test (test_main.cpp), which adds its
// test script and benchmark probe through a PanelExtension. The shipped panel
// has no extension: no such option, no such code.
#pragma once

#include <QCommandLineOption>
#include <QList>

#include <functional>
#include <optional>

class QCommandLineParser;

namespace souffleur::overlay {

class Desk;
class OverlayWindow;

struct PanelExtension {
    // Options of its own, listed in --help.
    QList<QCommandLineOption> options;
    // Reads them once the command line is parsed: an exit code to end with
    // now (a usage error), or nullopt to go on.
    std::function<std::optional<int>(const QCommandLineParser&)> read;
    // This run keeps to a panel of its own, never handing over to a running one.
    bool ownInstanceOnly = false;
    // The window is shown: start driving it (and end the process with
    // QCoreApplication::exit when done).
    std::function<void(OverlayWindow&, Desk&)> started;
};

int runPanel(int argc, char** argv, const PanelExtension& extension = {});

} // namespace souffleur::overlay
