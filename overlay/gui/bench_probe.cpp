// The overlay benchmark's probe (see bench_probe.h).
#include "bench_probe.h"

#include "desk.h"
#include "overlay_window.h"
#include "single_instance.h"

#include <souffleur/guide_view/guide_view.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace souffleur::overlay {
namespace {

constexpr int kSettleMs = 150;
constexpr int kRoundTimeoutMs = 5000;

// What `search` types, by turns: the demo library's guides, as an employee
// would look for them.
constexpr std::array<const char*, 5> kSearches{"reisdocument", "identiteit", "verhuizing",
                                               "rijbewijs", "uittreksel"};

const char* kindName(BenchProbe::Kind kind) {
    switch (kind) {
    case BenchProbe::Kind::Steps:
        return "steps";
    case BenchProbe::Kind::Toggle:
        return "toggle";
    case BenchProbe::Kind::Open:
        return "open";
    case BenchProbe::Kind::Search:
        return "search";
    case BenchProbe::Kind::External:
        return "external";
    case BenchProbe::Kind::Alerts:
        return "alerts";
    }
    return "?";
}

// Nearest rank: the smallest value with at least `fraction` of them at or below it.
double percentile(std::vector<double> sorted, double fraction) {
    std::ranges::sort(sorted);
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double wallClockMs() {
    return double(std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count()) /
           1000;
}

} // namespace

BenchProbe::BenchProbe(OverlayWindow& window, Desk& desk, Kind kind, int rounds,
                       std::vector<std::string> guides, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_desk(desk)
    , m_kind(kind)
    , m_rounds(rounds)
    , m_guides(std::move(guides)) {
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kRoundTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { stop(QStringLiteral("round %1: no paint within 5 s").arg(m_round + 1)); });
    connect(&m_window.guideView(), &guide_view::GuideView::painted, this, &BenchProbe::onPainted);
}

void BenchProbe::start() {
    settle();
}

void BenchProbe::settle() {
    switch (m_kind) {
    case Kind::Steps:
        break;
    case Kind::Toggle:
        m_window.hidePanel();
        break;
    case Kind::Open:
    case Kind::External:
        m_window.stopGuide();
        m_window.hidePanel();
        break;
    case Kind::Search:
        m_window.stopGuide();
        m_window.handle({InstanceRequest::Kind::Show, {}});
        m_window.setSearchText({});
        break;
    case Kind::Alerts:
        break;
    }
    if (fromOutside()) {
        m_timing = true; // whatever paints next was caused from outside
        return;
    }
    QTimer::singleShot(kSettleMs, this, &BenchProbe::act);
}

void BenchProbe::act() {
    m_timing = true;
    m_timeout.start();
    m_startedAt = wallClockMs();
    m_clock.start();
    std::expected<void, QString> acted;
    switch (m_kind) {
    case Kind::Steps:
        if (m_round % 2 == 1)
            acted = m_window.back();
        else if (acted = m_window.next(); !acted)
            acted = m_window.choose(0); // a decision: its first option
        break;
    case Kind::Toggle:
        m_window.togglePanel();
        break;
    case Kind::Open:
        m_window.handle({InstanceRequest::Kind::Open,
                         m_guides[static_cast<std::size_t>(m_round) % m_guides.size()]});
        break;
    case Kind::Search: {
        const QString name =
            QString::fromLatin1(kSearches[static_cast<std::size_t>(m_round) % kSearches.size()]);
        for (qsizetype typed = 1; typed <= name.size(); ++typed)
            m_window.setSearchText(name.left(typed));
        acted = m_window.openFirstListed();
        break;
    }
    case Kind::External:
    case Kind::Alerts:
        break; // settle() waits for a paint from outside instead
    }
    m_actMillis.push_back(double(m_clock.nsecsElapsed()) / 1e6);
    if (!acted)
        stop(QStringLiteral("round %1: %2").arg(m_round + 1).arg(acted.error()));
}

void BenchProbe::onPainted(double at) {
    if (!m_timing)
        return;
    m_timing = false;
    m_timeout.stop();
    if (fromOutside()) {
        std::printf("bench: %s %lld\n",
                    m_kind == Kind::Alerts ? "alert-painted-at-us" : "painted-at-us",
                    static_cast<long long>(at * 1000));
        std::fflush(stdout);
        if (m_kind == Kind::Alerts) {
            // Read, as the employee would: the banner's button of each.
            for (const client::AlertEntry& alert : m_desk.alerts()) {
                if (!alert.acknowledged)
                    (void)m_window.acknowledgeAlert(alert.id);
            }
        }
        if (++m_round >= m_rounds)
            return stop({});
        return settle();
    }
    m_reportedMillis.push_back(double(m_clock.nsecsElapsed()) / 1e6);
    m_millis.push_back(at - m_startedAt);
    if (++m_round >= m_rounds)
        return stop({});
    settle();
}

void BenchProbe::stop(const QString& error) {
    m_timing = false;
    m_timeout.stop();
    m_error = error;
    m_done = true;
}

QString BenchProbe::report() const {
    if (m_millis.empty())
        return QStringLiteral("%1 n=0").arg(QLatin1String(kindName(m_kind)));
    return QStringLiteral("%1 n=%2 p50=%3 p95=%4 p99=%5 max=%6 ms; reported50=%7 reported95=%8 "
                          "ms; own50=%9 own95=%10 ms")
        .arg(QLatin1String(kindName(m_kind)))
        .arg(m_millis.size())
        .arg(percentile(m_millis, 0.50), 0, 'f', 2)
        .arg(percentile(m_millis, 0.95), 0, 'f', 2)
        .arg(percentile(m_millis, 0.99), 0, 'f', 2)
        .arg(percentile(m_millis, 1.0), 0, 'f', 2)
        .arg(percentile(m_reportedMillis, 0.50), 0, 'f', 2)
        .arg(percentile(m_reportedMillis, 0.95), 0, 'f', 2)
        .arg(percentile(m_actMillis, 0.50), 0, 'f', 2)
        .arg(percentile(m_actMillis, 0.95), 0, 'f', 2);
}

} // namespace souffleur::overlay
