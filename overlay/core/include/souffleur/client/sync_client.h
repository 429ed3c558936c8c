// The sync client keeps the desk's replica current and its outbox empty.
// It runs on its own thread (one io_context), with its own database
// connections, and reports through callbacks that are called on that thread:
// the overlay posts them on to its GUI thread.
//
//        start()
//   Offline ───▶ Connecting ──(notify socket open)──▶ Online
//      ▲             │                                  │
//      └─(backoff)───┘◀──────(any failure, or stop())───┘
//
// Online: pull the change feed from the cursor until done, send outbox
// batches until empty, list the team's logbook when it is due (see
// refreshLogbook()), fetch the pictures the guides show that the replica
// lacks (each checked against its hash), then wait for a server notice, a flushOutbox() call or
// a 30 s tick, and do it again. Backoff doubles from minBackoff to maxBackoff
// with random jitter, and resets once connected. A write the desk database
// refuses (a full disk) ends the pass like a failed request: each write is
// one transaction, so the replica and the outbox stay as they were, and the
// pass is tried again after the backoff. A batch the server stored but the
// desk could not clear is sent again unchanged (outbox.h, invariant 2).
#pragma once

#include <souffleur/client/replica.h>
#include <souffleur/net/http.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace souffleur::client {

enum class SyncState { Offline, Connecting, Online };
const char* syncStateName(SyncState state);

struct SyncConfig {
    net::ServerAddress server;
    std::string token;
    std::filesystem::path database; // the desk database (replica + outbox)
    ReplicaOptions replica;         // what the desk reads (replica.h)
    std::chrono::milliseconds minBackoff{500};
    std::chrono::milliseconds maxBackoff{30000};
};

struct SyncCallbacks {
    std::function<void(SyncState)> stateChanged;
    std::function<void(std::int64_t cursor)> guidesChanged; // after a page was applied
    std::function<void()> imagesChanged; // after pictures the guides show were fetched
    std::function<void(std::int64_t batch)> recordsAcked; // after a batch was acknowledged
    // After the server refused records (set aside on the desk, outbox.h):
    // how many of the last batch.
    std::function<void(std::size_t count)> recordsRefused;
    // After the replica's copy of the team's logbook changed: listed anew,
    // or this desk's own entries acknowledged by the server.
    std::function<void()> logbookChanged;
    std::function<void(const std::string&)> log; // diagnostics, one line each
};

class SyncClient {
public:
    SyncClient(SyncConfig config, SyncCallbacks callbacks);
    ~SyncClient(); // stops and joins
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    void start();
    void stop();
    // Thread-safe: send the outbox now rather than at the next tick.
    void flushOutbox();
    // Thread-safe: list the team's logbook (GET /api/v1/logbook, the newest
    // kLogbookFetched) at the next pass, now when online. Otherwise it is
    // listed on every new connection and when the last listing is older than
    // kLogbookEvery; an account the server lists none for (no team, or an
    // older server: 403, 404) is asked again after kLogbookHold only. A
    // logbook that cannot be listed never stops the sync of the guides.
    void refreshLogbook();
    static constexpr int kLogbookFetched = 30;
    static constexpr std::chrono::minutes kLogbookEvery{2};
    static constexpr std::chrono::minutes kLogbookHold{60};
    SyncState state() const;

private:
    class Impl;
    std::shared_ptr<Impl> m_impl;
};

} // namespace souffleur::client
