// Private: failed authentications (401), counted in memory per remote address
// and outcome ("no_token", "unknown_token") and written to the audit log as
// one row per address per flush, so a flood of tokenless requests costs no
// durable write each:
//   {"outcome": "unauthenticated", "count": 42, "remote": "127.0.0.1",
//    "target": "42 failed authentications from 127.0.0.1 in the last minute (no_token 42)"}
// The server flushes every minute and at shutdown (server.cpp). On stderr the
// first failure of an address per flush period gets a line of its own; the
// rest show in the flush's audit line. Refusals of known accounts (403) are
// audited one by one by authorize() and never pass through here.
// Thread-safe; the server uses it on the storage thread.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace souffleur::server {

class AuthFailures {
public:
    // Addresses counted one by one per period; failures from further ones
    // are counted under the address "other", so memory stays bounded.
    static constexpr std::size_t kMaxAddresses = 10'000;

    // Counts one failure; `route` ("POST /api/v1/guides") is only logged.
    void record(const std::string& remote, std::string_view outcome, std::string_view route);
    // Writes one audit row per address counted since the last flush, in one
    // transaction, and starts a new period.
    sqlite::Result<void> flush(sqlite::Database& db);

private:
    std::mutex m_mutex;
    // remote address → outcome → failures in this period
    std::map<std::string, std::map<std::string, std::int64_t, std::less<>>, std::less<>> m_counts;
};

} // namespace souffleur::server
