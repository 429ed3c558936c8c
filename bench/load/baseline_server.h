// The baseline server (`souffleur_load baseline-server`): a bare Beast
// WebSocket broadcast server, run as a process of its own, that does what
// souffleur-server does for a notify socket and nothing else. No token, no
// store: GET with an upgrade is a WebSocket that gets {"type":"hello","seq":0},
// then every broadcast; POST /broadcast sends its body to every WebSocket and
// answers 200 {"sent": N}. Each WebSocket is built as in
// server/src/websocket_session.cpp (Beast stream with the same timeouts,
// flat_buffer, bounded write queue, own strand) and the broadcast as in
// server/src/shared_state.cpp (weak pointers copied under one mutex, each send
// posted to the session's strand), so the difference between the two servers
// is what souffleur-server adds: authentication, the store, the alert's
// parsing and its durable commit.
#pragma once

#include "load_support.h"

namespace load {

// Runs until SIGINT or SIGTERM. --listen 127.0.0.1:0 --port-file FILE --threads N
int runBaselineServer(const Args& args);

} // namespace load
