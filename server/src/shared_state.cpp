// The connections' shared state (see shared_state.h).
#include "shared_state.h"

#include <algorithm>
#include <vector>

namespace souffleur::server {

bool SharedState::join(Connection& connection, std::weak_ptr<Connection> handle) {
    const std::lock_guard lock(m_mutex);
    if (m_stopping)
        return false;
    m_connections.emplace(&connection, std::move(handle));
    return true;
}

void SharedState::leave(Connection& connection) {
    const std::lock_guard lock(m_mutex);
    if (m_connections.erase(&connection) > 0 && m_connections.empty())
        m_empty.notify_all();
}

std::int64_t SharedState::subscribe(std::int64_t tenantId, Subscriber& session,
                                    std::weak_ptr<Subscriber> handle) {
    const std::lock_guard lock(m_mutex);
    m_subscribers[tenantId].emplace(&session, std::move(handle));
    const auto seq = m_feedSequence.find(tenantId);
    return seq == m_feedSequence.end() ? 0 : seq->second;
}

void SharedState::setFeedSequence(std::int64_t tenantId, std::int64_t seq) {
    const std::lock_guard lock(m_mutex);
    auto& known = m_feedSequence[tenantId];
    known = std::max(known, seq);
}

void SharedState::unsubscribe(std::int64_t tenantId, Subscriber& session) {
    const std::lock_guard lock(m_mutex);
    const auto tenant = m_subscribers.find(tenantId);
    if (tenant == m_subscribers.end())
        return;
    tenant->second.erase(&session);
    if (tenant->second.empty())
        m_subscribers.erase(tenant);
}

void SharedState::broadcast(std::int64_t tenantId, const std::string& message) {
    broadcastChange(tenantId, 0, message);
}

void SharedState::broadcastChange(std::int64_t tenantId, std::int64_t seq,
                                  const std::string& message) {
    std::vector<std::weak_ptr<Subscriber>> sessions;
    {
        const std::lock_guard lock(m_mutex);
        if (seq > 0) {
            // Two changes may be broadcast by two I/O threads out of order.
            auto& known = m_feedSequence[tenantId];
            known = std::max(known, seq);
        }
        const auto tenant = m_subscribers.find(tenantId);
        if (tenant == m_subscribers.end())
            return;
        sessions.reserve(tenant->second.size());
        for (const auto& [session, handle] : tenant->second)
            sessions.push_back(handle);
    }
    const auto shared = std::make_shared<const std::string>(message);
    for (const auto& handle : sessions) {
        if (auto session = handle.lock())
            session->send(shared);
    }
}

void SharedState::sendTo(std::int64_t tenantId, std::int64_t accountId,
                         const std::string& message) {
    std::vector<std::weak_ptr<Subscriber>> sessions;
    {
        const std::lock_guard lock(m_mutex);
        const auto tenant = m_subscribers.find(tenantId);
        if (tenant == m_subscribers.end())
            return;
        for (const auto& [session, handle] : tenant->second) {
            if (session->accountId() == accountId)
                sessions.push_back(handle);
        }
    }
    const auto shared = std::make_shared<const std::string>(message);
    for (const auto& handle : sessions) {
        if (auto session = handle.lock())
            session->send(shared);
    }
}

std::vector<std::shared_ptr<Subscriber>> SharedState::subscribers() {
    std::vector<std::shared_ptr<Subscriber>> out;
    const std::lock_guard lock(m_mutex);
    for (const auto& [tenant, sessions] : m_subscribers) {
        for (const auto& [session, handle] : sessions) {
            if (auto shared = handle.lock())
                out.push_back(std::move(shared));
        }
    }
    return out;
}

std::size_t SharedState::subscriberCount() {
    const std::lock_guard lock(m_mutex);
    std::size_t count = 0;
    for (const auto& [tenant, sessions] : m_subscribers)
        count += sessions.size();
    return count;
}

void SharedState::shutdownAll() {
    std::vector<std::weak_ptr<Connection>> connections;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (const auto& [connection, handle] : m_connections)
            connections.push_back(handle);
    }
    for (const auto& handle : connections) {
        if (auto connection = handle.lock())
            connection->shutdown();
    }
}

bool SharedState::waitUntilEmpty(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_empty.wait_for(lock, timeout, [this] { return m_connections.empty(); });
}

} // namespace souffleur::server
