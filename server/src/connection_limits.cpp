// The caps on open connections (see connection_limits.h).
#include "connection_limits.h"

namespace souffleur::server {

ConnectionLimits::Slot& ConnectionLimits::Slot::operator=(Slot&& other) noexcept {
    if (this != &other) {
        release();
        m_limits = std::move(other.m_limits);
        m_address = std::move(other.m_address);
    }
    return *this;
}

ConnectionLimits::Slot::~Slot() {
    release();
}

void ConnectionLimits::Slot::release() {
    if (m_limits)
        m_limits->release(m_address);
    m_limits.reset();
}

std::size_t ConnectionLimits::open() {
    const std::lock_guard lock(m_mutex);
    return m_total;
}

std::expected<ConnectionLimits::Slot, ConnectionLimits::Refusal>
ConnectionLimits::acquire(const std::string& address) {
    const std::lock_guard lock(m_mutex);
    if (m_total >= m_maxTotal)
        return std::unexpected(Refusal::Total);
    auto& count = m_perAddress[address];
    if (count >= m_maxPerAddress)
        return std::unexpected(Refusal::PerAddress);
    ++count;
    ++m_total;
    return Slot(shared_from_this(), address);
}

void ConnectionLimits::release(const std::string& address) {
    const std::lock_guard lock(m_mutex);
    const auto found = m_perAddress.find(address);
    if (found == m_perAddress.end())
        return;
    --m_total;
    if (--found->second == 0)
        m_perAddress.erase(found);
}

} // namespace souffleur::server
