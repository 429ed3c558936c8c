// Private: the server's counters for GET /metrics (Prometheus text format,
// docs/api.md): requests by route, method and status; connections; the
// storage thread's job durations (each write job ends with its durable commit)
// and queue. Counted from any thread; rendered on demand.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace souffleur::server {

class Metrics {
public:
    // A request answered: its route pattern ("api/v1/guides/{id}", or
    // "unmatched"), method and status.
    void countRequest(std::string_view route, std::string_view method, unsigned status);
    // One group of storage jobs, from its start to its durable commit.
    void observeStorageCommit(std::chrono::nanoseconds duration, std::size_t jobs);
    void connectionOpened() { ++m_connectionsTotal; }
    // A TLS handshake that failed (not TLS, refused certificate, too slow).
    void tlsHandshakeFailed() { ++m_tlsHandshakeFailures; }

    struct Gauges {
        std::size_t openConnections = 0;
        std::size_t notifyConnections = 0;
        std::size_t storageQueue = 0;
        std::int64_t tenantId = 0; // whose feed sequence is shown
        std::int64_t feedSequence = 0;
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
    std::atomic<std::uint64_t> m_tlsHandshakeFailures = 0;
};

} // namespace souffleur::server
