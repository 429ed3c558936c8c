// Private: the asynchronous HTTP request behind request() and the sync
// client, as an Asio coroutine. Failures are values, never exceptions.
#pragma once

#include <souffleur/client/http.h>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

namespace souffleur::client::detail {

boost::asio::awaitable<std::expected<HttpResponse, std::string>>
asyncRequest(ServerAddress server, HttpRequest request, std::chrono::milliseconds timeout);

} // namespace souffleur::client::detail
