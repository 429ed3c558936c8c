// Private: the caps on open connections, in total and per remote address
// (Config::maxConnections, Config::maxConnectionsPerAddress). The listener
// takes a Slot for every connection it accepts and refuses the connection
// when there is none; the slot travels with the connection (an HTTP session,
// then the WebSocket session it may become) and frees itself when the
// connection ends. Thread-safe.
#pragma once

#include <cstddef>
#include <expected>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace souffleur::server {

class ConnectionLimits : public std::enable_shared_from_this<ConnectionLimits> {
public:
    enum class Refusal { Total, PerAddress };

    // One open connection; move-only, released on destruction.
    class Slot {
    public:
        Slot() = default;
        Slot(Slot&& other) noexcept = default;
        Slot& operator=(Slot&& other) noexcept;
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        ~Slot();

        const std::string& address() const { return m_address; }

    private:
        friend class ConnectionLimits;
        Slot(std::shared_ptr<ConnectionLimits> limits, std::string address)
            : m_limits(std::move(limits))
            , m_address(std::move(address)) {}
        void release();

        std::shared_ptr<ConnectionLimits> m_limits; // empty: nothing to release
        std::string m_address;
    };

    ConnectionLimits(std::size_t maxTotal, std::size_t maxPerAddress)
        : m_maxTotal(maxTotal)
        , m_maxPerAddress(maxPerAddress) {}

    // A slot for a connection from `address`, or which cap refuses it.
    std::expected<Slot, Refusal> acquire(const std::string& address);
    // How many connections are open.
    std::size_t open();

private:
    void release(const std::string& address);

    const std::size_t m_maxTotal;
    const std::size_t m_maxPerAddress;
    std::mutex m_mutex;
    std::size_t m_total = 0;
    std::unordered_map<std::string, std::size_t> m_perAddress;
};

} // namespace souffleur::server
