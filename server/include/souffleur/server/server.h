// The sync server as a library: souffleur-server's main() and the tests start
// it the same way. One io_context run by `threads` I/O threads serves HTTP/1.1
// and WebSocket (Boost.Beast); one storage thread owns the SQLite store.
//
//   Server server(config);
//   if (auto ok = server.start(); !ok) ...  // opens the store, binds, serves
//   server.port();                          // the bound port (config.port may be 0)
//   server.stop();                          // also done by the destructor
//
// stop() stops accepting, closes every session (in-flight requests are
// answered first), finishes the queued storage jobs, audits the failed
// authentications not yet written, and joins the threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace souffleur::server {

struct Config {
    std::filesystem::path dataDir = "souffleur-data"; // created (mode 0700) if missing
    std::string address = "127.0.0.1";
    std::uint16_t port = 8470; // 0: any free port, see Server::port()
    int threads = 2;           // I/O threads
    bool allowRemote = false;  // listen on a non-loopback address without TLS (plain HTTP!)
    // TLS (HTTPS and WSS) when both are given: a PEM certificate chain (the
    // server's certificate first) and its PEM private key. With TLS the server
    // may listen on any address; without, only on loopback unless allowRemote.
    std::filesystem::path tlsCertificate;
    std::filesystem::path tlsPrivateKey;
    // Caps on open connections (HTTP and notify WebSockets): in total, and
    // from one remote address before they have shown a valid token (desks
    // behind one NAT address are not limited once authenticated); a
    // connection beyond either is accepted and closed.
    std::size_t maxConnections = 10'000;
    std::size_t maxConnectionsPerAddress = 64;
    // Requests per second, on average (bursts of twice as many), from one
    // account, or from one remote address for requests without a valid
    // token; beyond that a request gets 429. 0: no limit.
    double maxRequestsPerSecondPerAddress = 200;
    // Reverse proxies in front of the server (their IP addresses): their
    // connections have no per-address cap, and a request through one is
    // taken to come from the client its X-Forwarded-For names (for the
    // rate limit and the audit log).
    std::vector<std::string> trustedProxies;
    // How often the tokens held in memory are compared with the store
    // (token_directory.h); `souffleur-server admin` token changes are seen at once.
    std::chrono::milliseconds tokenRefreshInterval = std::chrono::seconds(1);
    // While the data directory's disk is full, how often a small write is
    // tried, so that the server notices by itself when space returns.
    std::chrono::milliseconds diskProbeInterval = std::chrono::seconds(5);
    // How often the tokens of open notify WebSockets are checked again: a
    // revoked or expired token's connection is closed at the next check.
    std::chrono::milliseconds tokenRecheckInterval = std::chrono::seconds(30);
    // Connection errors (timeouts, resets, failed handshakes, ...) are counted
    // in /metrics; the first of each kind is logged, later ones together, at
    // most once per this interval and kind, and at stop().
    std::chrono::milliseconds connectionErrorLogInterval = std::chrono::hours(1);
    // xAPI to the organisations' LRSs (xapi.h): how often the queue is looked
    // at, and the backoff of a statement the LRS did not take (doubling from
    // the first to the longest).
    std::chrono::milliseconds xapiPollInterval = std::chrono::seconds(2);
    std::chrono::seconds xapiFirstRetry = std::chrono::seconds(5);
    std::chrono::seconds xapiLongestRetry = std::chrono::minutes(10);
};

class Server {
public:
    explicit Server(Config config);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Opens the store and starts serving; the error says what went wrong.
    std::expected<void, std::string> start();
    // The port the server listens on, once started.
    std::uint16_t port() const;
    // Stops serving; safe to call more than once and from any thread but the I/O threads.
    void stop();
    // Reads the TLS certificate chain and key again from their files (after a
    // renewal); new connections get them, open ones keep theirs. On an error
    // (logged, and answered) the old certificate stays. Thread-safe.
    std::expected<void, std::string> reloadTls();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace souffleur::server
