// Private: what the shared state needs of every open connection (an HTTP
// session or a WebSocket session) to end it when the server stops.
#pragma once

namespace souffleur::server {

class Connection {
public:
    virtual ~Connection() = default;
    // Ends the connection soon, from any thread: posts to the connection's strand.
    virtual void shutdown() = 0;
};

} // namespace souffleur::server
