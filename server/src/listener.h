// Private: accepts TCP connections and starts an HttpSession on its own strand
// for each (Beast's chat-multi listener). The acceptor lives on a strand too,
// so close() from the stopping thread is safe. A connection beyond the caps
// (connection_limits.h) is accepted and closed at once; such refusals are
// logged at most once per kRefusalLogInterval, with their number.
#pragma once

#include "connection_limits.h"
#include "server_context.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>

#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <string>

namespace souffleur::server {

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(boost::asio::io_context& ioc, std::shared_ptr<ServerContext> context);

    // Opens, binds and listens; the error names the endpoint and the cause.
    std::expected<void, std::string> open(const boost::asio::ip::tcp::endpoint& endpoint);
    std::uint16_t port() const;
    // Starts accepting.
    void run();
    // Stops accepting, from any thread.
    void close();

    static constexpr std::chrono::seconds kRefusalLogInterval{10};

private:
    void doAccept();
    void onAccept(boost::beast::error_code error, boost::asio::ip::tcp::socket socket);
    void refuse(boost::asio::ip::tcp::socket& socket, const std::string& remote,
                ConnectionLimits::Refusal reason);

    boost::asio::io_context& m_ioc;
    boost::asio::strand<boost::asio::io_context::executor_type> m_strand;
    boost::asio::ip::tcp::acceptor m_acceptor;
    boost::asio::steady_timer m_retry; // after an accept error such as EMFILE
    std::shared_ptr<ServerContext> m_context;
    std::chrono::steady_clock::time_point m_lastRefusalLog{};
    std::int64_t m_refusedSinceLog = 0;
};

} // namespace souffleur::server
