// Private: what the listener and every session share, held by shared_ptr so
// it lives as long as the last connection that uses it.
#pragma once

#include "audit_echo.h"
#include "auth_failures.h"
#include "connection_limits.h"
#include "disk_space.h"
#include "metrics.h"
#include "rate_limiter.h"
#include "shared_state.h"
#include "storage_executor.h"
#include "tls.h"
#include "token_directory.h"

#include <souffleur/server/server.h>

#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>

namespace souffleur::server {

struct ServerContext {
    ServerContext(sqlite::Database db, const Config& config, AuditEcho audit)
        : metrics(config.connectionErrorLogInterval)
        , tokens(accessMarkerPath(config.dataDir))
        , storage(std::move(db), &metrics, &disk, std::move(audit))
        , limits(std::make_shared<ConnectionLimits>(
              config.maxConnections, config.maxConnectionsPerAddress, config.trustedProxies))
        , requestRates(config.maxRequestsPerSecondPerAddress,
                       2 * config.maxRequestsPerSecondPerAddress) {}

    Metrics metrics;       // before storage, which reports to it
    DiskSpace disk;        // before storage, which reports to it
    TokenDirectory tokens; // before storage, whose jobs refresh it
    StorageExecutor storage;
    SharedState sessions;
    std::shared_ptr<ConnectionLimits> limits;
    AuthFailures authFailures; // touched by storage jobs only
    RateLimiter requestRates;
    // The TLS context of new connections (null: plain HTTP); replaced by a
    // reload. A connection's OpenSSL object holds a reference of its own to
    // the context it was made with, so an open connection outlives a reload.
    std::shared_ptr<boost::asio::ssl::context> tlsContext() const {
        const std::lock_guard lock(m_tlsMutex);
        return m_tls;
    }
    void setTlsContext(std::shared_ptr<boost::asio::ssl::context> tls) {
        const auto expiry = tls ? certificateExpiry(*tls).value_or(0) : 0;
        const std::lock_guard lock(m_tlsMutex);
        m_tls = std::move(tls);
        m_tlsExpiry = expiry;
    }
    // When the certificate of new connections expires (Unix seconds; 0: no TLS, or unknown).
    std::int64_t tlsExpiry() const {
        const std::lock_guard lock(m_tlsMutex);
        return m_tlsExpiry;
    }

private:
    mutable std::mutex m_tlsMutex;
    std::shared_ptr<boost::asio::ssl::context> m_tls;
    std::int64_t m_tlsExpiry = 0;
};

} // namespace souffleur::server
