// Private: the routes of docs/api.md, between the HTTP session (which reads a
// request and writes whatever comes back) and the store (reached only through
// the storage executor). Every /api/v1 route first runs the access check
// (auth.h) on the storage thread, then its own work; the answer comes back on
// the connection's strand.
#pragma once

#include "routes/responses.h"
#include "server_context.h"

#include <souffleur/server/auth.h>

#include <boost/asio/any_io_executor.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace souffleur::server {

inline constexpr std::uint64_t kGuideBodyLimit = 4 * 1024 * 1024;
inline constexpr std::uint64_t kBodyLimit = 1024 * 1024; // records and everything else

// What the session tells the routes about its connection.
struct Peer {
    boost::asio::any_io_executor executor; // the connection's strand
    std::string remote;                    // the peer's address, for the audit log
};

using Reply = std::function<void(Response)>;
// Takes over the connection for an authorised WebSocket upgrade of /api/v1/notify.
using Upgrade = std::function<void(Identity, Request)>;

// The largest body the route of this request (its header read) accepts.
std::uint64_t bodyLimit(const Request& header);

// Answers one request by calling `reply` once (or `upgrade`), on peer.executor.
void handleRequest(const std::shared_ptr<ServerContext>& context, Request request, Peer peer,
                   Reply reply, Upgrade upgrade);

} // namespace souffleur::server
