// Private: accepts TCP connections and starts an HttpSession on its own strand
// for each (Beast's chat-multi listener). The acceptor lives on a strand too,
// so close() from the stopping thread is safe. A connection beyond the caps
// (connection_limits.h) is accepted and closed at once. Both such refusals
// and failed accepts (retried after 100 ms) count as connection errors in
// the metrics (metrics.h: over_cap, accept), which log them without flooding.
#pragma once

#include "connection_limits.h"
#include "server_context.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>

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
};

} // namespace souffleur::server
