// Private: the server's counters for GET /metrics (Prometheus text format,
// docs/api.md): requests by route, method and status; connections, and those
// that ended in an error, by kind; the storage thread's job durations (each
// write job ends with its durable commit) and queue. Counted from any thread;
// rendered on demand.
//
// Connection errors are also logged, but never one line per connection, so
// that a flood of them cannot fill the journal: the first of each kind is
// logged at once; later ones are counted, and logged together (with their
// number) by the first of the kind after `errorLogInterval` without a line
// for it, and at shutdown (flushConnectionErrorLog()).
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace souffleur::server {

// Why a connection ended abnormally, or was refused; each connection counts
// once, under the first (a failed accept, which has no connection yet, once
// per attempt). Normal ends are not errors: the peer closing, or staying
// silent until the idle deadline, between requests; a notify WebSocket's
// close handshake, or its peer closing the connection; the server stopping.
enum class ConnectionError : std::size_t {
    Accept,       // the listener could not accept (e.g. out of file descriptors)
    OverCap,      // accepted and closed at once: over a connection cap
    TlsHandshake, // the TLS handshake failed or took over 10 s
    Timeout,      // a request not received in full within its deadline
    Reset,        // the peer reset the connection, or closed it mid-request
    Protocol,     // not HTTP/1.1 that Beast can parse (400), or broken TLS records
    TooLarge,     // a header or body over its limit (413)
    Write,        // an answer not written in full: the peer left or did not read
    WebSocket,    // a notify socket reset, timed out (no pong), not written to,
                  // cut off behind its queue, or its upgrade handshake failed
    Other,        // any other failure of a read: counted, never silent
};
inline constexpr std::size_t kConnectionErrorKinds =
    static_cast<std::size_t>(ConnectionError::Other) + 1;

// The kind's label value in /metrics and in the log: "tls_handshake".
std::string_view connectionErrorName(ConnectionError kind);

class Metrics {
public:
    explicit Metrics(std::chrono::steady_clock::duration errorLogInterval = std::chrono::hours(1))
        : m_errorLogInterval(errorLogInterval) {}

    // A request answered: its route pattern ("api/v1/guides/{id}", or
    // "unmatched"), method and status.
    void countRequest(std::string_view route, std::string_view method, unsigned status);
    // One group of storage jobs, from its start to its durable commit.
    void observeStorageCommit(std::chrono::nanoseconds duration, std::size_t jobs);
    void connectionOpened() { ++m_connectionsTotal; }
    // A connection that ended in an error of `kind` (or was refused): counted,
    // and logged with `detail` and the peer's address when it is the first of
    // its kind or the kind's last line is `errorLogInterval` old.
    void connectionError(ConnectionError kind, std::string_view detail, std::string_view remote);
    // Logs the connection errors counted since their kind's last line.
    void flushConnectionErrorLog();

    struct Gauges {
        std::size_t openConnections = 0;
        std::size_t authenticatedConnections = 0; // of those, that showed a valid token
        std::size_t notifyConnections = 0;
        std::size_t tokensInMemory = 0;
        std::size_t storageQueue = 0;
        bool diskFull = false;
        std::int64_t tlsExpiry = 0; // Unix seconds; 0: no TLS
        std::uint64_t writesRefusedDiskFull = 0;
        std::int64_t tenantId = 0; // whose feed sequence is shown
        std::int64_t feedSequence = 0;
        // That tenant's published guides per health state (health.h), in its order.
        std::vector<std::pair<std::string, std::int64_t>> guideHealth;
    };
    // The text a Prometheus server scrapes.
    std::string render(const Gauges& gauges) const;

private:
    // Upper bounds of the storage job histogram, in seconds.
    static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                        0.025,  0.05,  0.1,    0.25,  1.0};

    mutable std::mutex m_mutex;
    std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t> m_requests;
    std::array<std::uint64_t, kBuckets.size()> m_bucketCounts{};
    std::uint64_t m_groups = 0;
    std::uint64_t m_jobs = 0;
    double m_groupSeconds = 0;
    std::atomic<std::uint64_t> m_connectionsTotal = 0;

    struct ErrorKind {
        std::uint64_t total = 0;
        std::uint64_t unlogged = 0; // counted since the kind's last log line
        std::chrono::steady_clock::time_point lastLine{};
        bool logged = false;
    };
    const std::chrono::steady_clock::duration m_errorLogInterval;
    mutable std::mutex m_errorMutex;
    std::array<ErrorKind, kConnectionErrorKinds> m_errors{};
};

} // namespace souffleur::server
