// The server's counters (see metrics.h), rendered in the Prometheus text
// exposition format, version 0.0.4.
#include "metrics.h"

#include <souffleur/server/log.h>

#include <cstdio>
#include <utility>

namespace souffleur::server {
namespace {

// A label value: backslash, double quote and line feed escaped.
std::string label(std::string_view value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double value) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.6g", value);
    return text.data();
}

constexpr std::array<std::string_view, kConnectionErrorKinds> kErrorNames = {
    "accept",   "over_cap",  "tls_handshake", "timeout",   "reset",
    "protocol", "too_large", "write",         "websocket", "other"};

} // namespace

std::string_view connectionErrorName(ConnectionError kind) {
    return kErrorNames.at(static_cast<std::size_t>(kind));
}

void Metrics::connectionError(ConnectionError kind, std::string_view detail,
                              std::string_view remote) {
    const auto now = std::chrono::steady_clock::now();
    std::uint64_t count = 0;
    std::uint64_t total = 0;
    bool first = false;
    {
        const std::lock_guard lock(m_errorMutex);
        auto& errors = m_errors.at(static_cast<std::size_t>(kind));
        ++errors.total;
        ++errors.unlogged;
        if (errors.logged && now - errors.lastLine < m_errorLogInterval)
            return; // counted; logged with the next line of its kind
        first = !errors.logged;
        count = std::exchange(errors.unlogged, 0);
        total = errors.total;
        errors.logged = true;
        errors.lastLine = now;
    }
    const auto interval =
        std::chrono::duration_cast<std::chrono::seconds>(m_errorLogInterval).count();
    boost::json::object fields{{"kind", connectionErrorName(kind)},
                               {"error", detail},
                               {"remote", remote},
                               {"count", count},
                               {"total", total}};
    if (first)
        fields["note"] = "the first of its kind; further ones are counted in "
                         "souffleur_connection_errors_total and logged together at most every " +
                         std::to_string(interval) + " s";
    logLine("connection error", fields);
}

void Metrics::flushConnectionErrorLog() {
    std::array<std::pair<std::uint64_t, std::uint64_t>, kConnectionErrorKinds> counts{};
    {
        const std::lock_guard lock(m_errorMutex);
        for (std::size_t i = 0; i < kConnectionErrorKinds; ++i)
            counts.at(i) = {std::exchange(m_errors.at(i).unlogged, 0), m_errors.at(i).total};
    }
    for (std::size_t i = 0; i < kConnectionErrorKinds; ++i) {
        const auto [count, total] = counts.at(i);
        if (count > 0)
            logLine("connection errors not logged yet",
                    {{"kind", kErrorNames.at(i)}, {"count", count}, {"total", total}});
    }
}

void Metrics::countRequest(std::string_view route, std::string_view method, unsigned status) {
    const std::lock_guard lock(m_mutex);
    ++m_requests[{std::string(route), std::string(method), status}];
}

void Metrics::observeStorageCommit(std::chrono::nanoseconds duration, std::size_t jobs) {
    const double seconds = std::chrono::duration<double>(duration).count();
    const std::lock_guard lock(m_mutex);
    ++m_groups;
    m_jobs += jobs;
    m_groupSeconds += seconds;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++m_bucketCounts[i];
    }
}

std::string Metrics::render(const Gauges& gauges) const {
    std::string out;
    const auto gauge = [&out](const char* name, const char* help, const std::string& value,
                              const std::string& labels = {}) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " gauge\n" + name +
               labels + " " + value + "\n";
    };
    gauge("souffleur_connections_open", "Open connections, HTTP and notify WebSockets.",
          std::to_string(gauges.openConnections));
    gauge("souffleur_connections_authenticated",
          "Open connections that have shown a valid token (not capped per address).",
          std::to_string(gauges.authenticatedConnections));
    gauge("souffleur_notify_connections", "Open notify WebSockets.",
          std::to_string(gauges.notifyConnections));
    gauge("souffleur_tokens_in_memory", "Valid tokens held in memory for authentication.",
          std::to_string(gauges.tokensInMemory));
    gauge("souffleur_storage_queue", "Jobs waiting for the storage thread.",
          std::to_string(gauges.storageQueue));
    gauge("souffleur_disk_full",
          "1 while the data directory's disk is full (writes are refused with 507).",
          gauges.diskFull ? "1" : "0");
    if (gauges.tlsExpiry != 0)
        gauge("souffleur_tls_certificate_expiry_seconds",
              "When the served TLS certificate expires (Unix time).",
              std::to_string(gauges.tlsExpiry));
    out += "# HELP souffleur_writes_refused_disk_full_total Writes refused (507) because the "
           "disk was full.\n# TYPE souffleur_writes_refused_disk_full_total counter\n"
           "souffleur_writes_refused_disk_full_total " +
           std::to_string(gauges.writesRefusedDiskFull) + "\n";
    gauge("souffleur_feed_sequence", "The change feed's last sequence number.",
          std::to_string(gauges.feedSequence),
          "{tenant=\"" + std::to_string(gauges.tenantId) + "\"}");
    if (!gauges.guideHealth.empty()) {
        out += "# HELP souffleur_guides_health Published guides per content health state.\n"
               "# TYPE souffleur_guides_health gauge\n";
        for (const auto& [state, count] : gauges.guideHealth)
            out += "souffleur_guides_health{tenant=\"" + std::to_string(gauges.tenantId) +
                   "\",state=\"" + state + "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP souffleur_connections_total Connections accepted.\n"
           "# TYPE souffleur_connections_total counter\n"
           "souffleur_connections_total " +
           std::to_string(m_connectionsTotal.load()) + "\n";
    out += "# HELP souffleur_connection_errors_total Connections that ended in an error, or "
           "were refused over a cap, by kind.\n"
           "# TYPE souffleur_connection_errors_total counter\n";
    {
        const std::lock_guard lock(m_errorMutex);
        for (std::size_t i = 0; i < kConnectionErrorKinds; ++i)
            out += "souffleur_connection_errors_total{kind=\"" + std::string(kErrorNames.at(i)) +
                   "\"} " + std::to_string(m_errors.at(i).total) + "\n";
    }

    const std::lock_guard lock(m_mutex);
    out += "# HELP souffleur_requests_total Requests answered, by route, method and status.\n"
           "# TYPE souffleur_requests_total counter\n";
    for (const auto& [key, count] : m_requests) {
        const auto& [route, method, status] = key;
        out += "souffleur_requests_total{route=\"" + label(route) + "\",method=\"" + label(method) +
               "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP souffleur_storage_jobs_total Jobs run by the storage thread.\n"
           "# TYPE souffleur_storage_jobs_total counter\n"
           "souffleur_storage_jobs_total " +
           std::to_string(m_jobs) + "\n";
    out += "# HELP souffleur_storage_commit_seconds Groups of storage jobs, from their start to "
           "their durable commit (group commit).\n"
           "# TYPE souffleur_storage_commit_seconds histogram\n";
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        out += "souffleur_storage_commit_seconds_bucket{le=\"" + number(kBuckets[i]) + "\"} " +
               std::to_string(m_bucketCounts[i]) + "\n";
    out +=
        "souffleur_storage_commit_seconds_bucket{le=\"+Inf\"} " + std::to_string(m_groups) + "\n";
    out += "souffleur_storage_commit_seconds_sum " + number(m_groupSeconds) + "\n";
    out += "souffleur_storage_commit_seconds_count " + std::to_string(m_groups) + "\n";
    return out;
}

} // namespace souffleur::server
