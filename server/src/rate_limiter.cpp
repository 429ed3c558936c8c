// Requests per remote address (see rate_limiter.h).
#include "rate_limiter.h"

#include <algorithm>

namespace souffleur::server {

bool RateLimiter::allow(const std::string& address, std::chrono::steady_clock::time_point now) {
    if (m_perSecond <= 0)
        return true;
    const auto refill = [&](Bucket& bucket) {
        const double seconds = std::chrono::duration<double>(now - bucket.updated).count();
        bucket.tokens = std::min(m_burst, bucket.tokens + seconds * m_perSecond);
        bucket.updated = now;
    };
    const std::lock_guard lock(m_mutex);
    if (m_buckets.size() > kPruneAbove) {
        std::erase_if(m_buckets, [&](const auto& entry) {
            const double seconds =
                std::chrono::duration<double>(now - entry.second.updated).count();
            return entry.second.tokens + seconds * m_perSecond >= m_burst; // full again
        });
    }
    auto [it, added] = m_buckets.try_emplace(address, Bucket{m_burst, now});
    if (!added)
        refill(it->second);
    if (it->second.tokens < 1)
        return false;
    it->second.tokens -= 1;
    return true;
}

} // namespace souffleur::server
