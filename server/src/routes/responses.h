// Private: the HTTP message types of the routes and the responses they build.
// Errors are JSON, {"error": "human-readable message", ...} (docs/api.md).
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace souffleur::server {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

Response textResponse(http::status status, std::string body, std::string_view contentType);
Response jsonResponse(http::status status, const boost::json::value& body);
// {"error": message}
Response errorResponse(http::status status, std::string_view message);
// {"error": message, ...fields}
Response errorResponse(http::status status, std::string_view message,
                       const boost::json::object& fields);

} // namespace souffleur::server
