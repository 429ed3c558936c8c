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
//   external  no guide open and the panel hidden, then wait for a paint that
//           something outside causes (the benchmark's `souffleur-overlay
//           --open ID` commands) and print "bench: painted-at-us T" at once,
//           T the page's wall-clock time, for the caller to time; no report
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

class OverlayWindow;

class BenchProbe : public QObject {
    Q_OBJECT

public:
    enum class Kind { Steps, Toggle, Open, External };

    // `guides`: the two guides `open` alternates between (unused otherwise).
    BenchProbe(OverlayWindow& window, Kind kind, int rounds, std::vector<std::string> guides,
               QObject* parent = nullptr);
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

    OverlayWindow& m_window;
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
