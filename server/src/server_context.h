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
#include "token_directory.h"

#include <souffleur/server/server.h>

#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstddef>
#include <memory>

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
    std::unique_ptr<boost::asio::ssl::context> tls; // null: plain HTTP
};

} // namespace souffleur::server
