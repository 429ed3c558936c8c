// Private: what the connections share, after Beast's chat-multi example: the
// set of open connections (so stop() can end them) and, per tenant, the
// WebSocket sessions that hear about changes. Guarded by one mutex; a
// broadcast copies the tenant's weak pointers under it and sends after
// releasing it, so no session's work runs under the lock.
#pragma once

#include "connection.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace souffleur::server {

class SharedState {
public:
    // Registers an open connection; false once the server is stopping.
    bool join(Connection& connection, std::weak_ptr<Connection> handle);
    void leave(Connection& connection);

    // The tenant's WebSocket sessions receive its broadcasts. subscribe()
    // answers the tenant's feed sequence number as of the subscription: every
    // later change reaches the session as a broadcast, so its hello needs no
    // storage job.
    std::int64_t subscribe(std::int64_t tenantId, Subscriber& session,
                           std::weak_ptr<Subscriber> handle);
    void unsubscribe(std::int64_t tenantId, Subscriber& session);
    void broadcast(std::int64_t tenantId, const std::string& message);
    // A change of the feed, committed with sequence number `seq`: remembered,
    // then broadcast (under one lock with the subscriptions, so a session
    // either has the change in its hello's seq or hears it).
    void broadcastChange(std::int64_t tenantId, std::int64_t seq, const std::string& message);
    // The feed sequence numbers of the store, when the server starts.
    void setFeedSequence(std::int64_t tenantId, std::int64_t seq);
    // Sends to the tenant's sessions opened by one account (its notices).
    void sendTo(std::int64_t tenantId, std::int64_t accountId, const std::string& message);
    // Every subscribed session, of every tenant, and how many there are.
    std::vector<std::shared_ptr<Subscriber>> subscribers();
    std::size_t subscriberCount();

    // Refuses new connections and asks every open one to end.
    void shutdownAll();
    // Waits until every connection has left; false on timeout.
    bool waitUntilEmpty(std::chrono::milliseconds timeout);

private:
    std::mutex m_mutex;
    std::condition_variable m_empty;
    bool m_stopping = false;
    std::unordered_map<Connection*, std::weak_ptr<Connection>> m_connections;
    std::unordered_map<std::int64_t, std::unordered_map<Subscriber*, std::weak_ptr<Subscriber>>>
        m_subscribers;
    std::unordered_map<std::int64_t, std::int64_t> m_feedSequence; // by tenant
};

} // namespace souffleur::server
