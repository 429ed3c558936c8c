// Private: the caps on open connections (Config::maxConnections,
// Config::maxConnectionsPerAddress). The listener takes a Slot for every
// connection it accepts and refuses the connection when there is none; the
// slot travels with the connection (an HTTP session, then the WebSocket
// session it may become) and frees itself when the connection ends.
//
// The cap per address counts only connections that have not yet shown a
// valid token: a municipality's desks usually reach the server from one NAT
// or proxy address, and each of them keeps a notify socket open. A
// connection whose request is admitted with a valid token is authenticated()
// and leaves its address's count (it stays in the total); a slow, silent or
// tokenless client keeps its place under its address's cap until it goes.
// A trusted proxy's address has no cap of its own: the clients behind it
// are told apart by X-Forwarded-For (forwardedClient()). Thread-safe.
#pragma once

#include <cstddef>
#include <expected>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace souffleur::server {

class ConnectionLimits : public std::enable_shared_from_this<ConnectionLimits> {
public:
    enum class Refusal { Total, PerAddress };

    // One open connection; move-only, released on destruction.
    class Slot {
    public:
        Slot() = default;
        Slot(Slot&& other) noexcept;
        Slot& operator=(Slot&& other) noexcept;
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        ~Slot();

        const std::string& address() const { return m_address; }
        // The connection showed a valid token: it no longer counts against its address.
        void authenticated();
        bool isAuthenticated() const { return m_authenticated; }

    private:
        friend class ConnectionLimits;
        Slot(std::shared_ptr<ConnectionLimits> limits, std::string address, bool counted)
            : m_limits(std::move(limits))
            , m_address(std::move(address))
            , m_counted(counted) {}
        void release();

        std::shared_ptr<ConnectionLimits> m_limits; // empty: nothing to release
        std::string m_address;
        bool m_counted = false; // in its address's count
        bool m_authenticated = false;
    };

    ConnectionLimits(std::size_t maxTotal, std::size_t maxUnauthenticatedPerAddress,
                     const std::vector<std::string>& trustedProxies = {})
        : m_maxTotal(maxTotal)
        , m_maxPerAddress(maxUnauthenticatedPerAddress)
        , m_trustedProxies(trustedProxies.begin(), trustedProxies.end()) {}

    // A slot for a connection from `address`, or which cap refuses it.
    std::expected<Slot, Refusal> acquire(const std::string& address);
    // How many connections are open, and how many of them have shown a valid token.
    std::size_t open();
    std::size_t authenticatedOpen();

    bool isTrustedProxy(const std::string& address) const {
        return m_trustedProxies.contains(address);
    }
    // The client's address for a request that came through the trusted proxy
    // `proxy` with this X-Forwarded-For header: its rightmost address that is
    // not itself a trusted proxy, or `proxy` when the header names none.
    std::string forwardedClient(const std::string& proxy, std::string_view forwardedFor) const;

private:
    void authenticate(const std::string& address, bool counted);
    void release(const std::string& address, bool counted, bool authenticated);

    const std::size_t m_maxTotal;
    const std::size_t m_maxPerAddress;
    const std::unordered_set<std::string> m_trustedProxies;
    std::mutex m_mutex;
    std::size_t m_total = 0;
    std::size_t m_authenticated = 0;
    std::unordered_map<std::string, std::size_t> m_perAddress; // unauthenticated only
};

} // namespace souffleur::server
