// The server's log: one JSON object per line on stderr, e.g.
//   {"msg":"listening","address":"127.0.0.1","port":8470}
// Boost.JSON serialises the values, so control characters and quotes in
// attacker-controlled text (paths, names) are escaped and a line stays a line.
// Safe to call from any thread.
#pragma once

#include <boost/json/object.hpp>

#include <string_view>

namespace souffleur::server {

// Writes {"msg": message, ...fields} as one line.
void logLine(std::string_view message, const boost::json::object& fields = {});

} // namespace souffleur::server
