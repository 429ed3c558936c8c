// The auth mode: is a read's authentication delayed by a burst of writes?
// `readers` desks each open a notify WebSocket (a read that needs nothing
// but its token checked), read the hello and close, one every `pace` ms; the
// time from the TCP connect to the hello is a sample. First quietly (the
// baseline, in the same run), then while `writers` desks post record batches
// back-to-back (the ingest mode's desks), which keeps the storage thread busy
// committing. Before issue 17 every token was checked on the storage thread,
// behind those commits; now it is checked from memory (token_directory.h).
#pragma once

#include "ingest.h"
#include "load_support.h"

#include <cstddef>
#include <string>
#include <vector>

namespace load {

struct AuthOptions {
    Endpoint server;
    std::vector<std::string> tokens; // reader i and writer i use tokens[i % size]
    std::size_t readers = 4;
    std::size_t writers = 50;
    std::size_t batch = 200;
    double seconds = 6; // per phase
    int paceMs = 20;    // between one reader's upgrades
};

struct AuthPhase {
    std::vector<double> upgradeMs; // connect -> hello
    std::size_t failures = 0;
    std::string firstError;
    IngestResult writes; // empty in the quiet phase
};

// The quiet phase, then the phase under writes.
std::pair<AuthPhase, AuthPhase> runAuthMixed(boost::asio::io_context& ioc,
                                             const AuthOptions& options);

} // namespace load
