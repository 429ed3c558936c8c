// Private: what the shared state needs of every open connection (an HTTP
// session or a WebSocket session) to end it when the server stops, and of a
// notify WebSocket to send it the tenant's broadcasts. The sessions are
// templates over their stream (plain TCP or TLS); these interfaces are what
// the rest of the server sees of them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace souffleur::server {

class Connection {
public:
    virtual ~Connection() = default;
    // Ends the connection soon, from any thread: posts to the connection's strand.
    virtual void shutdown() = 0;
};

class Subscriber : public Connection {
public:
    // Queues a message, from any thread.
    virtual void send(std::shared_ptr<const std::string> message) = 0;
    // The hash of the token the session was opened with (never changes).
    virtual const std::string& tokenHash() const = 0;
    // The account the session was opened by (never changes).
    virtual std::int64_t accountId() const = 0;
    // Closes the session because its token is no longer valid, from any thread.
    virtual void revoke() = 0;
};

} // namespace souffleur::server
