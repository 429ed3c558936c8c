// The Server facade (see server.h): the io_context and its threads, the
// listener, and the context every session shares (storage thread + shared state).
#include "disk_space.h"
#include "listener.h"
#include "server_context.h"
#include "tls.h"
#include "xapi_sender.h"

#include <souffleur/server/content_store.h>
#include <souffleur/server/log.h>
#include <souffleur/server/retention.h>
#include <souffleur/server/server.h>
#include <souffleur/server/storage.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

namespace souffleur::server {

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// How long stop() waits for connections to finish their last answer or close handshake.
constexpr auto kShutdownGrace = 3s;
// How often the counted failed authentications are written to the audit log.
constexpr auto kAuthFailureFlushInterval = 60s;
// How often the retention periods are applied (and once when the server starts).
constexpr auto kRetentionInterval = 24h;

// A storage job that applies every tenant's retention period (retention.h).
StorageExecutor::Job retentionJob() {
    return [](sqlite::Database& db) -> StorageExecutor::Completion {
        if (auto ok = applyRetentionEverywhere(db); !ok)
            logLine("cannot apply the retention periods",
                    {{"code", ok.error().code}, {"error", ok.error().message}});
        return {};
    };
}

// A storage job that audits the failed authentications counted so far.
StorageExecutor::Job flushAuthFailures(AuthFailures& failures) {
    return [&failures](sqlite::Database& db) -> StorageExecutor::Completion {
        if (auto ok = failures.flush(db); !ok)
            logLine("cannot audit failed authentications",
                    {{"code", ok.error().code}, {"error", ok.error().message}});
        return {};
    };
}

// A storage job that reads the tokens into memory again if they may have
// changed (token_directory.h).
StorageExecutor::Job refreshTokensJob(TokenDirectory& tokens) {
    return [&tokens](sqlite::Database& db) -> StorageExecutor::Completion {
        refreshTokens(tokens, db);
        return {};
    };
}

// "2027-03-01T12:00:00Z" for a certificate's expiry in Unix seconds ("unknown": 0).
std::string expiryText(std::int64_t unixSeconds) {
    if (unixSeconds == 0)
        return "unknown";
    return sqlite::isoTime(std::chrono::system_clock::from_time_t(unixSeconds));
}

// An I/O thread. An exception escaping a handler is a bug: it is logged and
// the thread goes back to work, as Asio recommends.
void runIo(asio::io_context& ioc) {
    for (;;) {
        try {
            ioc.run();
            return;
        } catch (const std::exception& error) {
            logLine("a handler failed", {{"error", error.what()}});
        }
    }
}

} // namespace

struct Server::Impl {
    explicit Impl(Config options)
        : config(std::move(options))
        , ioc(config.threads > 0 ? config.threads : 1) {}

    // Every kAuthFailureFlushInterval, on an I/O thread; ends with the io_context.
    void scheduleAuthFailureFlush() {
        flushTimer.expires_after(kAuthFailureFlushInterval);
        flushTimer.async_wait([this](boost::system::error_code error) {
            if (error)
                return;
            context->storage.post(flushAuthFailures(context->authFailures));
            scheduleAuthFailureFlush();
        });
    }

    // Now, and every config.tokenRefreshInterval after: the tokens in memory
    // are read again when the store or the access marker changed.
    void scheduleTokenRefresh() {
        context->storage.post(refreshTokensJob(context->tokens));
        refreshTimer.expires_after(config.tokenRefreshInterval);
        refreshTimer.async_wait([this](boost::system::error_code error) {
            if (!error)
                scheduleTokenRefresh();
        });
    }

    // Every config.diskProbeInterval: while the disk is full, a small write
    // (disk_space.h) that ends the state once it commits.
    void scheduleDiskProbe() {
        probeTimer.expires_after(config.diskProbeInterval);
        probeTimer.async_wait([this](boost::system::error_code error) {
            if (error)
                return;
            if (context->disk.full())
                context->storage.run(
                    probeTimer.get_executor(),
                    [](sqlite::Database& db) { return probeDiskSpace(db); },
                    [](const sqlite::Result<void>&) {});
            scheduleDiskProbe();
        });
    }

    // Now, and every kRetentionInterval after.
    void scheduleRetention() {
        context->storage.post(retentionJob());
        retentionTimer.expires_after(kRetentionInterval);
        retentionTimer.async_wait([this](boost::system::error_code error) {
            if (!error)
                scheduleRetention();
        });
    }

    // Checks the tokens of the open notify WebSockets again, and closes those
    // whose token was revoked or has expired (by `souffleur-server admin`, in
    // another process, or simply by time).
    void scheduleTokenRecheck() {
        tokenTimer.expires_after(config.tokenRecheckInterval);
        tokenTimer.async_wait([this](boost::system::error_code error) {
            if (error)
                return;
            auto sessions = context->sessions.subscribers();
            std::vector<std::string> hashes;
            for (const auto& session : sessions)
                hashes.push_back(session->tokenHash());
            std::ranges::sort(hashes);
            hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
            const bool queued = context->storage.run(
                tokenTimer.get_executor(),
                [hashes = std::move(hashes)](sqlite::Database& db) {
                    return stillValid(db, hashes);
                },
                [this,
                 sessions = std::move(sessions)](sqlite::Result<std::vector<std::string>> valid) {
                    if (valid) {
                        for (const auto& session : sessions) {
                            if (!std::ranges::binary_search(*valid, session->tokenHash()))
                                session->revoke();
                        }
                    }
                    scheduleTokenRecheck();
                });
            if (!queued)
                return; // stopping
        });
    }

    Config config;
    asio::io_context ioc; // first in, last out: outlives every I/O object below
    asio::steady_timer flushTimer{ioc};
    asio::steady_timer tokenTimer{ioc};
    asio::steady_timer retentionTimer{ioc};
    asio::steady_timer refreshTimer{ioc};
    asio::steady_timer probeTimer{ioc};
    std::shared_ptr<ServerContext> context;
    std::shared_ptr<Listener> listener;
    std::shared_ptr<XapiSender> xapi;
    std::vector<std::thread> threads;
    std::uint16_t port = 0;
    std::atomic<bool> running = false;
    std::optional<DataDirLock> lock; // while started
};

Server::Server(Config config)
    : m_impl(std::make_unique<Impl>(std::move(config))) {}

Server::~Server() {
    stop();
}

std::expected<void, std::string> Server::start() {
    auto& d = *m_impl;
    if (d.context)
        return std::unexpected(std::string("the server has already been started"));
    if (d.config.threads < 1)
        return std::unexpected(std::string("the server needs at least one I/O thread"));
    if (d.config.maxConnections < 1 || d.config.maxConnectionsPerAddress < 1)
        return std::unexpected(std::string("the connection caps must be at least 1"));
    boost::system::error_code error;
    const auto address = asio::ip::make_address(d.config.address, error);
    if (error)
        return std::unexpected("not an IP address: " + d.config.address);
    if (d.config.tlsCertificate.empty() != d.config.tlsPrivateKey.empty())
        return std::unexpected(
            std::string("TLS needs both a certificate (--tls-cert) and its key (--tls-key)"));
    const bool tls = !d.config.tlsCertificate.empty();
    if (!address.is_loopback() && !tls && !d.config.allowRemote)
        return std::unexpected(
            "refusing to listen on " + d.config.address +
            ": it is not a loopback address, and without a certificate (--tls-cert, "
            "--tls-key) the server speaks plain HTTP, so bearer tokens would cross the network "
            "unencrypted (allow it anyway with --allow-remote)");
    std::unique_ptr<asio::ssl::context> tlsContext;
    if (tls) {
        auto made = makeTlsContext(d.config.tlsCertificate, d.config.tlsPrivateKey);
        if (!made)
            return std::unexpected(made.error());
        tlsContext = std::move(*made);
    }
    if (auto ok = prepareDataDir(d.config.dataDir); !ok)
        return ok;
    auto lock = DataDirLock::acquire(d.config.dataDir);
    if (!lock)
        return std::unexpected(lock.error());
    d.lock.emplace(std::move(*lock));
    const auto file = databasePath(d.config.dataDir);
    auto db = openStore(file);
    if (!db)
        return std::unexpected("cannot open the store " + file.string() + ": " +
                               db.error().message);

    // The feeds' sequence numbers, for the notify sockets' hellos (shared_state.h).
    auto sequences = feedSequences(*db);
    if (!sequences)
        return std::unexpected("cannot read the change feeds: " + sequences.error().message);
    // The audit rows committed from now on go to the log as well (audit_echo.h).
    auto audit = AuditEcho::startingAfterNewest(*db);
    if (!audit)
        return std::unexpected("cannot read the audit log: " + audit.error().message);
    d.context = std::make_shared<ServerContext>(std::move(*db), d.config, std::move(*audit));
    for (const auto& [tenantId, seq] : *sequences)
        d.context->sessions.setFeedSequence(tenantId, seq);
    // The storage thread's first job: the tokens in memory (until it has run,
    // requests are authenticated on the storage thread, after it).
    d.scheduleTokenRefresh();
    d.context->setTlsContext(std::move(tlsContext));
    d.listener = std::make_shared<Listener>(d.ioc, d.context);
    if (auto ok = d.listener->open({address, d.config.port}); !ok)
        return ok; // the destructor stops the storage thread
    d.port = d.listener->port();
    d.listener->run();
    d.scheduleAuthFailureFlush();
    d.scheduleTokenRecheck();
    d.scheduleRetention();
    d.scheduleDiskProbe();
    d.xapi = std::make_shared<XapiSender>(
        d.ioc, d.context,
        XapiTiming{d.config.xapiPollInterval, d.config.xapiFirstRetry, d.config.xapiLongestRetry,
                   std::chrono::seconds(15)});
    d.xapi->start();
    for (int i = 0; i < d.config.threads; ++i)
        d.threads.emplace_back([&ioc = d.ioc] { runIo(ioc); });
    d.running = true;
    logLine(
        "listening",
        {{"address", address.to_string()}, {"port", d.port}, {"scheme", tls ? "https" : "http"}});
    if (tls)
        logLine("TLS certificate", {{"certificate", d.config.tlsCertificate.string()},
                                    {"expires", expiryText(d.context->tlsExpiry())}});
    return {};
}

std::expected<void, std::string> Server::reloadTls() {
    auto& d = *m_impl;
    if (!d.context || !d.context->tlsContext())
        return std::unexpected(std::string("the server does not speak TLS"));
    auto made = makeTlsContext(d.config.tlsCertificate, d.config.tlsPrivateKey);
    if (!made) {
        logLine("cannot reload the TLS certificate; the old one is still served",
                {{"error", made.error()}});
        return std::unexpected(made.error());
    }
    d.context->setTlsContext(std::move(*made));
    logLine("TLS certificate reloaded: new connections get it",
            {{"certificate", d.config.tlsCertificate.string()},
             {"expires", expiryText(d.context->tlsExpiry())}});
    return {};
}

std::uint16_t Server::port() const {
    return m_impl->port;
}

void Server::stop() {
    auto& d = *m_impl;
    if (!d.running.exchange(false))
        return;
    d.listener->close();
    d.xapi->stop();
    d.context->sessions.shutdownAll();
    // Answers of queued jobs still reach their sessions; the failures they
    // count are audited last.
    d.context->storage.stop(flushAuthFailures(d.context->authFailures));
    d.context->sessions.waitUntilEmpty(kShutdownGrace);
    d.ioc.stop();
    for (auto& thread : d.threads)
        thread.join();
    d.threads.clear();
    // Connection errors counted since their kind's last log line would
    // otherwise go unreported.
    d.context->metrics.flushConnectionErrorLog();
    d.lock.reset();
    logLine("stopped", {{"port", d.port}});
}

} // namespace souffleur::server
