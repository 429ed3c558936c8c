// Times the panel's moments of need, from the action to the step painted
// (guide_view::GuideView::painted), for the overlay benchmark (bench/overlay/run.sh) through
// the test script's `bench` command. Each round first settles (the panel in
// the starting state, 150 ms of quiet), then starts a clock, acts as the user
// would, and stops the clock when the page has painted:
//   steps   Next (or the first option of a decision), then Back, alternately:
//           in-place step changes
//   toggle  the panel hidden, then summoned (the global hotkey's and
//           --toggle's slot), the open step reporting its next paint
//   open    no guide open and the panel hidden, then a deep link for one of
//           two guides by turns (what `souffleur-overlay --open ID` sends)
//   search  no guide open, the panel shown and its search field empty, then
//           a guide's name typed into it a letter at a time (each letter a
//           search and the list anew, as the employee types) and Enter: the
//           first guide listed opens; five names by turns
//   external  no guide open and the panel hidden, then wait for a paint that
//           something outside causes (the benchmark's `souffleur-overlay
//           --open ID` commands) and print "bench: painted-at-us T" at once,
//           T the page's wall-clock time, for the caller to time; no report
//   alerts  a guide open on the step the benchmark's alerts are attached to,
//           then wait for the step painted anew because an alert came (the
//           caller publishes them on the server, one after the other), print
//           "bench: alert-painted-at-us T" as external does, and read every
//           alert not read yet (the banner's buttons); no report
// Three times per round: until the page painted, by the page's own clock
// (performance.timeOrigin + now(), against the wall clock at the start);
// until the page's report of it arrived here, by our clock (the web channel's
// way back included); and the action's synchronous part here (engine,
// renderer, outbox, widgets), before the page has anything to do.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <string>
#include <vector>

namespace souffleur::overlay {

class Desk;
class OverlayWindow;

class BenchProbe : public QObject {
    Q_OBJECT

public:
    enum class Kind { Steps, Toggle, Open, Search, External, Alerts };

    // `guides`: the two guides `open` alternates between (unused otherwise).
    BenchProbe(OverlayWindow& window, Desk& desk, Kind kind, int rounds,
               std::vector<std::string> guides, QObject* parent = nullptr);
    void start();
    bool done() const { return m_done; }
    // The failure that ended the run early, or empty.
    const QString& error() const { return m_error; }
    // "KIND n=N p50=X p95=X p99=X max=X ms; reported50=X reported95=X ms;
    // own50=X own95=X ms": until painted, until reported, the action's own part.
    QString report() const;

private:
    void settle();
    void act();
    void onPainted(double at);
    void stop(const QString& error);
    // What the caller outside waits for: print when the page painted.
    bool fromOutside() const { return m_kind == Kind::External || m_kind == Kind::Alerts; }

    OverlayWindow& m_window;
    Desk& m_desk;
    Kind m_kind;
    int m_rounds;
    std::vector<std::string> m_guides;
    int m_round = 0;
    bool m_timing = false;
    bool m_done = false;
    QString m_error;
    QElapsedTimer m_clock;
    double m_startedAt = 0; // wall clock, ms since the epoch
    QTimer m_timeout;
    std::vector<double> m_millis;
    std::vector<double> m_reportedMillis;
    std::vector<double> m_actMillis; // the action's own part, before the page's
};

} // namespace souffleur::overlay
