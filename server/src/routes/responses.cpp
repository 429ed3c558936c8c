// Response builders (see responses.h). The session sets the HTTP version and
// keep-alive when it writes the response.
#include "routes/responses.h"

#include <boost/beast/http/field.hpp>
#include <boost/json/serialize.hpp>

namespace souffleur::server {

Response textResponse(http::status status, std::string body, std::string_view contentType) {
    Response response{status, 11};
    response.set(http::field::server, "souffleur-server");
    response.set(http::field::content_type, contentType);
    response.set(http::field::cache_control, "no-store");
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

Response jsonResponse(http::status status, const boost::json::value& body) {
    return textResponse(status, boost::json::serialize(body), "application/json");
}

Response errorResponse(http::status status, std::string_view message) {
    return errorResponse(status, message, {});
}

Response errorResponse(http::status status, std::string_view message,
                       const boost::json::object& fields) {
    boost::json::object body;
    body["error"] = message;
    for (const auto& field : fields)
        body[field.key()] = field.value();
    return jsonResponse(status, body);
}

} // namespace souffleur::server
