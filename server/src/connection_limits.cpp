// The caps on open connections (see connection_limits.h).
#include "connection_limits.h"

#include <boost/asio/ip/address.hpp>

#include <utility>

namespace souffleur::server {

ConnectionLimits::Slot::Slot(Slot&& other) noexcept
    : m_limits(std::move(other.m_limits))
    , m_address(std::move(other.m_address))
    , m_counted(std::exchange(other.m_counted, false))
    , m_authenticated(std::exchange(other.m_authenticated, false)) {}

ConnectionLimits::Slot& ConnectionLimits::Slot::operator=(Slot&& other) noexcept {
    if (this != &other) {
        release();
        m_limits = std::move(other.m_limits);
        m_address = std::move(other.m_address);
        m_counted = std::exchange(other.m_counted, false);
        m_authenticated = std::exchange(other.m_authenticated, false);
    }
    return *this;
}

ConnectionLimits::Slot::~Slot() {
    release();
}

void ConnectionLimits::Slot::authenticated() {
    if (!m_limits || m_authenticated)
        return;
    m_authenticated = true;
    m_limits->authenticate(m_address, std::exchange(m_counted, false));
}

void ConnectionLimits::Slot::release() {
    if (m_limits)
        m_limits->release(m_address, m_counted, m_authenticated);
    m_limits.reset();
}

std::size_t ConnectionLimits::open() {
    const std::lock_guard lock(m_mutex);
    return m_total;
}

std::size_t ConnectionLimits::authenticatedOpen() {
    const std::lock_guard lock(m_mutex);
    return m_authenticated;
}

std::expected<ConnectionLimits::Slot, ConnectionLimits::Refusal>
ConnectionLimits::acquire(const std::string& address) {
    const bool counted = !isTrustedProxy(address);
    const std::lock_guard lock(m_mutex);
    if (m_total >= m_maxTotal)
        return std::unexpected(Refusal::Total);
    if (counted) {
        auto& count = m_perAddress[address];
        if (count >= m_maxPerAddress)
            return std::unexpected(Refusal::PerAddress);
        ++count;
    }
    ++m_total;
    return Slot(shared_from_this(), address, counted);
}

void ConnectionLimits::authenticate(const std::string& address, bool counted) {
    const std::lock_guard lock(m_mutex);
    ++m_authenticated;
    if (!counted)
        return; // a trusted proxy's connection: in the total only
    if (const auto found = m_perAddress.find(address); found != m_perAddress.end()) {
        if (--found->second == 0)
            m_perAddress.erase(found);
    }
}

void ConnectionLimits::release(const std::string& address, bool counted, bool authenticated) {
    const std::lock_guard lock(m_mutex);
    --m_total;
    if (authenticated)
        --m_authenticated;
    if (!counted)
        return;
    if (const auto found = m_perAddress.find(address); found != m_perAddress.end()) {
        if (--found->second == 0)
            m_perAddress.erase(found);
    }
}

std::string ConnectionLimits::forwardedClient(const std::string& proxy,
                                              std::string_view forwardedFor) const {
    // "client, proxy1, proxy2": each proxy appends the address it heard from.
    // Read from the right; the first address that is not one of ours is the
    // client (anything left of it could have been written by the client).
    while (!forwardedFor.empty()) {
        const auto comma = forwardedFor.rfind(',');
        auto entry = forwardedFor.substr(comma == std::string_view::npos ? 0 : comma + 1);
        forwardedFor = forwardedFor.substr(0, comma == std::string_view::npos ? 0 : comma);
        while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t'))
            entry.remove_prefix(1);
        while (!entry.empty() && (entry.back() == ' ' || entry.back() == '\t'))
            entry.remove_suffix(1);
        boost::system::error_code error;
        const auto parsed = boost::asio::ip::make_address(std::string(entry), error);
        if (error)
            return proxy; // not an address: trust nothing further left
        const auto text = parsed.to_string();
        if (!isTrustedProxy(text))
            return text;
    }
    return proxy;
}

} // namespace souffleur::server
