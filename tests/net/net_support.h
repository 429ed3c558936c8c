// For the net tests: runs one coroutine of souffleur::net to its end on a
// test's own io_context, which a WebSocket keeps between calls.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include <exception>
#include <optional>
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

} // namespace souffleur::net::test
