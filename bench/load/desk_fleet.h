// A fleet of desks: N WebSocket clients of GET /api/v1/notify (or of the
// baseline server), each a coroutine on a strand of its own in the caller's
// io_context. They connect `window` handshakes at a time (a desk that has its
// hello lets the next one start), so the listener's backlog is never overrun,
// then wait for messages. While a round is armed, each desk stamps the arrival
// of the notice of that round (the steady clock, before anything else is done
// with the message). Over TLS (a target with a TLS context) a desk makes its
// TLS handshake, the certificate checked, before the upgrade: wss://.
//
//   launched ──▶ connected ──▶ (TLS handshake) ──▶ upgraded ──▶ ready (hello read) ──▶ reading
//                                                                    │
//                    failed (before hello)        lost (after hello) ◀┘ unless close()
#pragma once

#include "load_support.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace load {

class DeskFleet {
public:
    struct Round {
        std::string needle; // noticeNeedle(id, revision)
        std::string id;
        std::int64_t revision = 0;
    };
    struct Config {
        Endpoint target;
        std::vector<std::string> tokens; // desk i uses tokens[i % size]
        std::size_t desks = 0;
        std::size_t window = 256;
        std::vector<Round> rounds; // what arm(r) listens for
    };

    DeskFleet(boost::asio::io_context& ioc, Config config);
    ~DeskFleet();
    DeskFleet(const DeskFleet&) = delete;
    DeskFleet& operator=(const DeskFleet&) = delete;

    // Opens every connection; returns once each desk has its hello or has
    // failed, or at the timeout. The seconds it took.
    double open(std::chrono::seconds timeout);
    std::size_t ready() const { return m_ready.load(); }
    std::size_t failed() const { return m_failed.load(); }
    std::size_t lost() const { return m_lost.load(); }
    std::size_t alive() const { return m_ready.load() - m_lost.load(); }

    // Round r: desks stamp the notice of rounds[r]. Waits (polling) until
    // `expected` desks have it or the timeout; returns how many have it.
    void arm(std::size_t round);
    std::size_t waitForRound(std::size_t round, std::chrono::milliseconds timeout);
    void disarm();
    // Arrival stamps of round r (0: none), one per desk; after disarm().
    const std::vector<std::int64_t>& arrivals(std::size_t round) const { return m_arrivals[round]; }
    // Messages that were not the notice of the armed round (hello excluded).
    std::size_t otherMessages() const { return m_other.load(); }

    // Closes every connection and waits until every desk's coroutine has ended.
    void close();
    // What went wrong, by kind: "connect: Connection refused" -> count.
    std::map<std::string, std::size_t> errors() const;

private:
    struct Desk;
    void launchNext();
    template <class Ws>
    boost::asio::awaitable<void> run(std::shared_ptr<Desk> desk, Ws& ws, std::size_t index);
    void noteError(const std::string& what);

    boost::asio::io_context& m_ioc;
    Config m_config;
    std::vector<std::vector<std::int64_t>> m_arrivals; // [round][desk]
    std::unique_ptr<std::atomic<std::size_t>[]> m_received;
    std::atomic<int> m_armed{-1};
    std::atomic<std::size_t> m_next{0};
    std::atomic<std::size_t> m_launched{0};
    std::atomic<std::size_t> m_finished{0};
    std::atomic<std::size_t> m_ready{0};
    std::atomic<std::size_t> m_failed{0};
    std::atomic<std::size_t> m_lost{0};
    std::atomic<std::size_t> m_other{0};
    std::atomic<bool> m_closing{false};
    mutable std::mutex m_mutex; // guards m_desks and m_errors
    std::vector<std::shared_ptr<Desk>> m_desks;
    std::map<std::string, std::size_t> m_errors;
};

} // namespace load
