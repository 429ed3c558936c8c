// Private: the routes of docs/api.md, between the HTTP session (which reads a
// request and writes whatever comes back) and the store (reached only through
// the storage executor). A request goes through them in two steps:
//
//   header read ──▶ admit(): match the route; for /api/v1, authenticate and
//                   authorise: from the tokens in memory (token_directory.h),
//                   or on the storage thread for a token they do not hold and
//                   for a refusal to audit ──▶ Response: refused, answered
//                   without reading the body
//                          ──▶ Admitted: the session reads the body (up to
//                   Admitted::bodyLimit) ──▶ handleRequest(): the route's work
//
// Both answer on the connection's strand.
#pragma once

#include "routes/responses.h"
#include "server_context.h"

#include <souffleur/server/auth.h>
#include <souffleur/server/routes.h>

#include <boost/asio/any_io_executor.hpp>
#include <boost/url/url.hpp>

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace souffleur::server {

inline constexpr std::uint64_t kGuideBodyLimit = 4 * 1024 * 1024;
inline constexpr std::uint64_t kBodyLimit = 1024 * 1024;          // records and everything else
inline constexpr std::uint64_t kMediaBodyLimit = 8 * 1024 * 1024; // a picture (media.h)

// What the session tells the routes about its connection.
struct Peer {
    boost::asio::any_io_executor executor; // the connection's strand
    std::string remote;                    // the peer's address, for the audit log
};

struct Route; // an entry of the route table (api.cpp)

// A request admitted on its header: its route, who sent it, and the largest
// body the route accepts.
struct Admitted {
    const Route* route = nullptr;
    Identity identity;             // default for /healthz, which needs no token
    std::string_view routePattern; // "api/v1/guides/{id}", for the metrics
    boost::urls::url url;          // the parsed target, for the query parameters
    PathParams params;             // the {…} segments of the route's path, by name
    std::uint64_t bodyLimit = kBodyLimit;
    bool authenticated = false; // a valid token was shown (not for /healthz)
};
// Admitted, or the answer that refuses the request (404, 405, 401, 403, ...).
using Admission = std::expected<Admitted, Response>;

using Admit = std::function<void(Admission)>;
using Reply = std::function<void(Response)>;
// Takes over the connection for an authorised WebSocket upgrade of /api/v1/notify.
using Upgrade = std::function<void(Identity, Request)>;

// Decides on a request from its header alone by calling `done` once, on peer.executor.
void admit(const std::shared_ptr<ServerContext>& context, const Request& header, Peer peer,
           Admit done);

// Answers an admitted request, its body read, by calling `reply` once (or
// `upgrade`), on peer.executor. A handler that asks for a path parameter its
// route does not have (MissingPathParameter) gets a 500 and a log line.
void handleRequest(const std::shared_ptr<ServerContext>& context, Admitted admitted,
                   Request request, Peer peer, Reply reply, Upgrade upgrade);

} // namespace souffleur::server
