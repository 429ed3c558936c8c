// The test hook (--test-script FILE, in souffleur-overlay-panel-test, which
// only builds configured for tests make: SOUFFLEUR_TEST_HOOKS): runs a
// script of panel actions from the Qt event loop, one command per 50 ms tick,
// calling the same OverlayWindow functions as the buttons. Waiting commands
// poll until their condition holds or their timeout passes; nothing blocks.
//
// The commands, as a script writes them. The command table in test_script.cpp
// mirrors this list in its order: one row per command, with its name, how many
// arguments it takes, its usage as shown here, and the member function that
// runs it, named after it (wait-guide: waitGuide). A new command is a line
// here, a row in the table, and its function (declared below, defined in the
// table's order).
//
//   wait-guide ID [SECONDS]   until the replica holds guide ID (default 30 s)
//   wait-revision ID N [SECONDS]  until the replica holds revision N (or newer) of guide ID
//   open ID                   open guide ID
//   expect-step STEP_ID       the step on screen is STEP_ID
//   next | back | abandon     the Next, Back and Stop buttons
//   choose N                  option N (1-based) of the decision on screen
//   feedback KIND TEXT... [| SUGGESTION...]
//                             feedback on the step (wrong|unclear|outdated|tip),
//                             after " | " a suggested wording
//   feedback-refused KIND TEXT... [| SUGGESTION...]
//                             the privacy guard refuses it, nothing is stored
//   logbook TEXT...           an entry in the team's logbook (the logbook's
//                             "Toevoegen"), about the guide and step on screen
//                             when a guide is open; stored in the outbox
//   logbook-refused TEXT...   the privacy guard refuses it, nothing is stored
//   expect-logbook TEXT...    the logbook lists an entry with TEXT (sent or not)
//   search TEXT...            type TEXT into the search field (nothing: clear it)
//   expect-first ID           guide ID is first in the list
//   open-first                Enter in the search field: open the first guide listed
//   wait-alert ID [SECONDS]   until the replica holds alert ID (default 30 s)
//   acknowledge ID            the alert banner's "read" button of alert ID
//   expect-unread-alerts N    N alerts wait to be read (banner, tray badge)
//   wait-suggestion ID [SECONDS]  until the active window suggests guide ID
//   wait-opened ID [SECONDS]  until guide ID is open (a deep link from another process)
//   expect-full-loads N       the step view loaded N pages in full so far (the
//                             rest were swapped in place)
//   citizen on|off            the "citizen can see my screen" mode
//   expect-page has|lacks TEXT...  the step page's HTML has (or lacks) TEXT
//   show-hostile URL          shows a hostile page as it is (scripts, handlers, a
//                             redirect, remote and file: resources at URL) in a
//                             guide view of its own, bypassing the sanitizer, and
//                             lets it try for 2 s
//   expect-inert              no script ran and the page did not navigate away
//                             (prints how many requests the interceptor blocked)
//   wait-hidden [SECONDS]     until the panel is hidden (souffleur-overlay --toggle)
//   wait-shown [SECONDS]      until the panel is shown again
//   wait-active [SECONDS]     until the panel is shown and has the keyboard focus
//   wait-file PATH [SECONDS]  until PATH exists (the test's shell says it is done)
//   keep-edge-free on|off     the menu's "keep the screen edge free" (a strut)
//   expect-fits               no visible text of the panel is cut off
//   expect-compact            the header, and the folded alerts, take one line
//   expect-first-screen [SECONDS]  the step's glance and first check are on the
//                             page's first screen, without scrolling
//   expect-finished           the guide is finished
//   wait-synced [SECONDS]     until the outbox is empty and the desk is online
//   wait-offline [SECONDS]    until the desk has lost the server
//   expect-unsent             records wait in the outbox
//   wait-loaded [SECONDS]     until the step view has loaded the current page
//   screenshot FILE           a PNG of the panel, once painted
//   save-page FILE            write the step page's HTML to FILE
//   hide                      hide the panel (Esc)
//   place right|left|floating
//                             the header's placement button, to that placement
//   expect-placed right|left|floating  the panel is there, at most a quarter
//                             of the screen wide (docked: the full height)
//   drag-header DX DY         drag the panel's header by DX, DY (mouse events):
//                             it must move by as much; prints "the panel is at X,Y"
//   expect-at X Y             the panel's top left corner is at X, Y
//   pause SECONDS             do nothing for SECONDS (the benchmark measures meanwhile)
//   bench steps|toggle|open|search|external|alerts N [GUIDE GUIDE]
//                             time N rounds from action to paint (bench_probe.h;
//                             open alternates between the two guides) and print
//                             "bench: KIND n=N p50=.. p95=.. p99=.. max=.. ms";
//                             external and alerts print when each of N paints
//                             caused from outside happened
//   print-shown [SECONDS]     until the first page has been painted, then print
//                             "bench: shown-at-us T", T its wall-clock time
//   quit                      exit 0
//
// Blank lines and lines starting with # are skipped. Each command is echoed
// as "script: LINE"; a failure prints "script: line N: WHAT" on stderr and
// finishes with 1; the end of the script (or quit) finishes with 0.
#pragma once

#include "overlay_window.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <expected>
#include <functional>
#include <optional>
#include <vector>

namespace souffleur::guide_view {
class GuideView;
}

namespace souffleur::overlay {

class BenchProbe;
class Desk;

class TestScript : public QObject {
    Q_OBJECT

public:
    struct Command {
        int lineNumber = 0;
        QString line;
        QStringList words;
    };

    // Splits a script into commands, checking names and arguments; the error
    // is "line N: WHAT".
    static std::expected<std::vector<Command>, QString> parse(const QString& script);

    TestScript(std::vector<Command> commands, OverlayWindow& window, Desk& desk,
               QObject* parent = nullptr);
    void start();

Q_SIGNALS:
    // The script has ended: 0 after quit or the last line, 1 after a failure.
    void finished(int exitCode);

private:
    // A command in progress: polled each tick until `done`, then `then` runs.
    struct Wait {
        std::function<bool()> done;
        QDeadlineTimer deadline;
        QString timeoutMessage;
        std::function<std::expected<void, QString>()> then;
    };
    // A row of the command table (test_script.cpp).
    struct CommandSpec;

    // The command table's row for `name`, or null.
    static const CommandSpec* findCommand(const QString& name);
    void tick();
    // Starts one command: it fails, completes, or sets m_wait.
    std::expected<void, QString> run(const Command& command);

    // The commands, in the order of the list above; `args` are the words after
    // the name, as many as the table allows.
    std::expected<void, QString> waitGuide(const QStringList& args);
    std::expected<void, QString> waitRevision(const QStringList& args);
    std::expected<void, QString> open(const QStringList& args);
    std::expected<void, QString> expectStep(const QStringList& args);
    std::expected<void, QString> next(const QStringList& args);
    std::expected<void, QString> back(const QStringList& args);
    std::expected<void, QString> abandon(const QStringList& args);
    std::expected<void, QString> choose(const QStringList& args);
    std::expected<void, QString> feedback(const QStringList& args);
    std::expected<void, QString> feedbackRefused(const QStringList& args);
    std::expected<void, QString> logbook(const QStringList& args);
    std::expected<void, QString> logbookRefused(const QStringList& args);
    std::expected<void, QString> expectLogbook(const QStringList& args);
    std::expected<void, QString> search(const QStringList& args);
    std::expected<void, QString> expectFirst(const QStringList& args);
    std::expected<void, QString> openFirst(const QStringList& args);
    std::expected<void, QString> waitAlert(const QStringList& args);
    std::expected<void, QString> acknowledge(const QStringList& args);
    std::expected<void, QString> expectUnreadAlerts(const QStringList& args);
    std::expected<void, QString> waitSuggestion(const QStringList& args);
    std::expected<void, QString> waitOpened(const QStringList& args);
    std::expected<void, QString> expectFullLoads(const QStringList& args);
    std::expected<void, QString> citizen(const QStringList& args);
    std::expected<void, QString> expectPage(const QStringList& args);
    std::expected<void, QString> showHostile(const QStringList& args);
    std::expected<void, QString> expectInert(const QStringList& args);
    std::expected<void, QString> waitHidden(const QStringList& args);
    std::expected<void, QString> waitShown(const QStringList& args);
    std::expected<void, QString> waitActive(const QStringList& args);
    std::expected<void, QString> waitFile(const QStringList& args);
    std::expected<void, QString> keepEdgeFree(const QStringList& args);
    std::expected<void, QString> expectFits(const QStringList& args);
    std::expected<void, QString> expectCompact(const QStringList& args);
    std::expected<void, QString> expectFirstScreen(const QStringList& args);
    std::expected<void, QString> expectFinished(const QStringList& args);
    std::expected<void, QString> waitSynced(const QStringList& args);
    std::expected<void, QString> waitOffline(const QStringList& args);
    std::expected<void, QString> expectUnsent(const QStringList& args);
    std::expected<void, QString> waitLoaded(const QStringList& args);
    std::expected<void, QString> screenshot(const QStringList& args);
    std::expected<void, QString> savePage(const QStringList& args);
    std::expected<void, QString> hide(const QStringList& args);
    std::expected<void, QString> place(const QStringList& args);
    std::expected<void, QString> expectPlaced(const QStringList& args);
    std::expected<void, QString> dragHeader(const QStringList& args);
    std::expected<void, QString> expectAt(const QStringList& args);
    std::expected<void, QString> pause(const QStringList& args);
    std::expected<void, QString> bench(const QStringList& args);
    std::expected<void, QString> printShown(const QStringList& args);
    std::expected<void, QString> quit(const QStringList& args);

    // Waits for `done` as long as the SECONDS argument at `index` says (30 s
    // when absent); on timeout the script fails with "WHAT within N s".
    std::expected<void, QString> waitUpTo(const QStringList& args, qsizetype index,
                                          std::function<bool()> done, const QString& what,
                                          std::function<std::expected<void, QString>()> then = {});
    void waitFor(std::function<bool()> done, int seconds, QString timeoutMessage,
                 std::function<std::expected<void, QString>()> then = {});
    // Drags the panel's header by (dx, dy) with synthetic mouse events.
    void dragHeaderBy(int dx, int dy);
    void fail(const QString& message);
    void finish(int exitCode);

    std::vector<Command> m_commands;
    std::size_t m_next = 0;
    guide_view::GuideView* m_hostileView = nullptr; // show-hostile's own view
    OverlayWindow& m_window;
    Desk& m_desk;
    QTimer m_timer;
    std::optional<Wait> m_wait;
    BenchProbe* m_probe = nullptr;
    qint64 m_firstPaintUs = 0; // wall clock, µs since the epoch; 0: not yet
    QString m_measured;        // expect-first-screen's measurement of the page
};

} // namespace souffleur::overlay
