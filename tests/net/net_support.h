// For the net tests: runs one coroutine of souffleur::net to its end on a
// test's own io_context, which a WebSocket keeps between calls.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <catch2/catch.hpp>

#include <exception>
#include <optional>
#include <string>
#include <utility>

namespace souffleur::net::test {

template <typename T>
T await(boost::asio::io_context& context, boost::asio::awaitable<T> task) {
    std::optional<T> result;
    std::exception_ptr failure;
    boost::asio::co_spawn(context, std::move(task), [&](std::exception_ptr error, T value) {
        failure = error;
        if (!error)
            result.emplace(std::move(value));
    });
    context.restart();
    while (!result && !failure && context.run_one() > 0) {
    }
    if (failure)
        std::rethrow_exception(failure);
    REQUIRE(result.has_value());
    return std::move(*result);
}

// A loopback port where nothing listens, and nothing can start to while it
// lives: a socket bound to it that never listens, so a connection is refused.
// (A stopped server's port is not enough: with tests in parallel, another
// test's server may be given the same port a moment later.)
class ClosedPort {
public:
    ClosedPort()
        : m_socket(m_context) {
        m_socket.open(boost::asio::ip::tcp::v4());
        m_socket.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
    }
    std::string port() const { return std::to_string(m_socket.local_endpoint().port()); }

private:
    boost::asio::io_context m_context;
    boost::asio::ip::tcp::socket m_socket;
};

} // namespace souffleur::net::test
