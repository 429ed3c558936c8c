// souffleur-bare-view: the overlay benchmark's baseline (bench/overlay/run.sh),
// the plainest Qt WebEngine app that shows a step page: a QApplication with
// one QWebEngineView of the panel's size, on the default profile and
// settings, showing the page with setHtml(). No scheme handler, interceptor,
// web channel or client core. It times what the overlay's probe times
// (overlay/gui/bench_probe.h), by the same criterion: the page has painted
// when, after it loaded, an animation frame and then a task have run; the
// page says when on its own clock, and the report's arrival is timed as well.
//
//   souffleur-bare-view [--loads N] [--toggles N] [--hold] [--hide] PAGE [PAGE2]
//
// It prints "bare: shown-at-us T" (wall clock) once PAGE is first painted;
// --loads N times N full loads, PAGE2 and PAGE by turns ("bare: loads n=..
// p50=.. p95=.. p99=.. max=.. ms"); --toggles N times N rounds of hide, then
// show until painted; then it exits, unless --hold (keep running; --hide
// hides the window first), for the driver to measure its memory and CPU.
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

namespace {

constexpr int kSettleMs = 150; // as the overlay's probe
constexpr int kWidth = 341;    // the panel on a 1366x768 screen
constexpr int kHeight = 768;

struct Options {
    int loads = 0;
    int toggles = 0;
    bool hold = false;
    bool hide = false;
    std::vector<QString> pages;
};

[[noreturn]] void usage() {
    std::fprintf(stderr, "usage: souffleur-bare-view [--loads N] [--toggles N] [--hold] [--hide] "
                         "PAGE [PAGE2]\n");
    std::exit(2);
}

Options parse(const QStringList& arguments) {
    Options options;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& word = arguments[i];
        if ((word == QLatin1String("--loads") || word == QLatin1String("--toggles")) &&
            i + 1 < arguments.size()) {
            bool ok = false;
            const int n = arguments[++i].toInt(&ok);
            if (!ok || n < 1)
                usage();
            (word == QLatin1String("--loads") ? options.loads : options.toggles) = n;
        } else if (word == QLatin1String("--hold")) {
            options.hold = true;
        } else if (word == QLatin1String("--hide")) {
            options.hide = true;
        } else if (word.startsWith(QLatin1String("--"))) {
            usage();
        } else {
            options.pages.push_back(word);
        }
    }
    if (options.pages.empty() || options.pages.size() > 2)
        usage();
    return options;
}

QString readPage(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "souffleur-bare-view: cannot read %s\n", qPrintable(path));
        std::exit(1);
    }
    return QString::fromUtf8(file.readAll());
}

double percentile(std::vector<double> values, double fraction) {
    std::ranges::sort(values);
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * double(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

// As the overlay's probe: until painted (the page's clock), until reported (ours).
void report(const char* kind, const std::vector<double>& millis,
            const std::vector<double>& reported) {
    std::printf("bare: %s n=%zu p50=%.2f p95=%.2f p99=%.2f max=%.2f ms; reported50=%.2f "
                "reported95=%.2f ms\n",
                kind, millis.size(), percentile(millis, 0.50), percentile(millis, 0.95),
                percentile(millis, 0.99), percentile(millis, 1.0), percentile(reported, 0.50),
                percentile(reported, 0.95));
    std::fflush(stdout);
}

double wallClockMs() {
    return double(std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count()) /
           1000;
}

// Runs the rounds one after another: each settles, starts the clock, acts,
// and ends when the page reports its next paint.
class Bench : public QObject {
public:
    Bench(QWebEngineView& view, Options options)
        : m_view(view)
        , m_options(std::move(options)) {
        for (const QString& path : m_options.pages)
            m_pages.push_back(readPage(path));
        if (m_pages.size() == 1)
            m_pages.push_back(m_pages.front());
        connect(m_view.page(), &QWebEnginePage::loadFinished, this, [this](bool ok) {
            if (!ok) {
                std::fprintf(stderr, "souffleur-bare-view: the page did not load\n");
                QCoreApplication::exit(1);
                return;
            }
            askForPaint();
        });
        connect(m_view.page(), &QWebEnginePage::titleChanged, this, [this](const QString& title) {
            const QString prefix = QStringLiteral("painted-%1-").arg(m_request);
            if (title.startsWith(prefix))
                painted(title.mid(prefix.size()).toDouble());
        });
    }

    void start() {
        m_phase = Phase::First;
        m_view.setHtml(m_pages[0]);
    }

private:
    enum class Phase { First, Loads, Toggles, Done };

    // The page sets its title after the next frame (a script run from
    // outside the page: the page's own policy allows none).
    void askForPaint() {
        ++m_request;
        m_view.page()->runJavaScript(
            QStringLiteral("requestAnimationFrame(function () { setTimeout(function () { "
                           "document.title = 'painted-%1-' + (performance.timeOrigin + "
                           "performance.now()); }, 0); });")
                .arg(m_request));
    }

    // `at`: when, on the page's wall clock (ms since the epoch).
    void painted(double at) {
        switch (m_phase) {
        case Phase::First:
            std::printf("bare: shown-at-us %lld\n", static_cast<long long>(at * 1000));
            std::fflush(stdout);
            break;
        case Phase::Loads:
        case Phase::Toggles:
            m_millis.push_back(at - m_startedAt);
            m_reportedMillis.push_back(double(m_clock.nsecsElapsed()) / 1e6);
            break;
        case Phase::Done:
            return;
        }
        nextRound();
    }

    void nextRound() {
        if (m_phase == Phase::First)
            m_phase = m_options.loads > 0 ? Phase::Loads : Phase::Toggles;
        if (m_phase == Phase::Loads && int(m_millis.size()) == m_options.loads) {
            report("loads", m_millis, m_reportedMillis);
            m_millis.clear();
            m_reportedMillis.clear();
            m_phase = Phase::Toggles;
        }
        if (m_phase == Phase::Toggles && int(m_millis.size()) == m_options.toggles) {
            if (m_options.toggles > 0)
                report("toggles", m_millis, m_reportedMillis);
            m_phase = Phase::Done;
            return finish();
        }
        if (m_phase == Phase::Toggles)
            m_view.hide();
        QTimer::singleShot(kSettleMs, this, [this] {
            m_startedAt = wallClockMs();
            m_clock.start();
            if (m_phase == Phase::Loads) {
                m_view.setHtml(m_pages[(m_millis.size() + 1) % 2]);
            } else {
                m_view.show();
                askForPaint();
            }
        });
    }

    void finish() {
        if (!m_options.hold) {
            QCoreApplication::exit(0);
            return;
        }
        if (m_options.hide)
            m_view.hide();
        std::printf("bare: holding\n");
        std::fflush(stdout);
    }

    QWebEngineView& m_view;
    Options m_options;
    std::vector<QString> m_pages;
    Phase m_phase = Phase::First;
    int m_request = 0;
    QElapsedTimer m_clock;
    double m_startedAt = 0; // wall clock, ms since the epoch
    std::vector<double> m_millis;
    std::vector<double> m_reportedMillis;
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    const Options options = parse(QCoreApplication::arguments());
    QWebEngineView view;
    view.resize(kWidth, kHeight);
    view.show();
    Bench bench(view, options);
    bench.start();
    return app.exec();
}
