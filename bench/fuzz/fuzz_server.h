// The in-process server of the fuzz targets that speak to souffleur-server
// over loopback TCP (fuzz_http_request, fuzz_websocket_frames): a real
// souffleur::server::Server started once per process on 127.0.0.1 (any free
// port) over a fresh data directory in $TMPDIR, seeded like the tests'
// TestServer with the storage functions: tenant "Gemeente A" with team
// "Balie A" (desk-a, author-a, lead-a), reviewer-a and admin-a; tenant
// "Gemeente B" with admin-b; one token each, valid for a year; and through
// the API a published guide "nl.fuzz.een" (revision 1), revision 2 in
// review with a comment (id 1), an alert "nl.fuzz.alert", a feedback record
// "fb-1" and an event, and team "Balie A"'s AAR with an action. The directory
// is removed when the process exits normally; after a crash it stays, named
// in the first line the target prints.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace souffleur::fuzz {

struct Tokens {
    std::string desk, author, reviewer, admin, lead, otherTenantAdmin;
    std::string aar; // the id of the seeded AAR (random), not a token
};

// The server, started on the first call (exits the process when it cannot start).
struct FuzzServer {
    std::uint16_t port = 0;
    Tokens tokens;
};
const FuzzServer& fuzzServer();

// The input with each marker replaced by a token, so that authorised routes
// are reached too: $D$ desk, $U$ author, $R$ reviewer, $A$ admin, $L$ team
// lead, $X$ the other tenant's admin; and $V$ by the seeded AAR's id.
std::string spliceTokens(std::string_view input, const Tokens& tokens);

// Writes `bytes` to a new connection to 127.0.0.1:port, closes the sending
// side (so the server sees the end of what the client sends), and reads
// until the server closes the connection. Answers what the server sent (its
// first MiB);
// traps (a finding) when the server neither closes nor finishes within
// `patience` after the last byte was sent. When `waitFor` is not empty, it
// first writes `preamble`, reads until `waitFor` arrives, and only then
// writes `bytes` (a WebSocket upgrade before its frames); `arrived` (if
// given) says whether it came (when not, nothing more was written).
std::string sendAndRead(std::uint16_t port, std::string_view bytes,
                        std::chrono::milliseconds patience = std::chrono::seconds(5),
                        std::string_view preamble = {}, std::string_view waitFor = {},
                        bool* arrived = nullptr);

} // namespace souffleur::fuzz
