// Private: requests per remote address, as token buckets: each address may
// make `perSecond` requests a second on average, in bursts of up to `burst`.
// A request beyond that is answered 429 with Retry-After (routes/api.cpp).
// The buckets of addresses that have gone quiet (full again) are dropped
// once there are many, so the map stays small. 0 requests a second: no limit.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace souffleur::server {

class RateLimiter {
public:
    RateLimiter(double perSecond, double burst)
        : m_perSecond(perSecond)
        , m_burst(burst) {}

    // Whether a request from `address` may go ahead now (and counts it).
    bool allow(const std::string& address,
               std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

private:
    struct Bucket {
        double tokens = 0;
        std::chrono::steady_clock::time_point updated;
    };
    static constexpr std::size_t kPruneAbove = 10'000;

    const double m_perSecond;
    const double m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace souffleur::server
