// Counting failed authentications (see auth_failures.h).
#include "auth_failures.h"

#include <souffleur/server/log.h>
#include <souffleur/server/storage.h>

#include <utility>
#include <vector>

namespace souffleur::server {

void AuthFailures::record(const std::string& remote, std::string_view outcome,
                          std::string_view route) {
    const std::lock_guard lock(m_mutex);
    auto address = m_counts.find(remote);
    if (address == m_counts.end()) {
        const std::string key = m_counts.size() < kMaxAddresses ? remote : std::string("other");
        address = m_counts.try_emplace(key).first;
        if (address->second.empty())
            logLine("authentication failed",
                    {{"remote", remote},
                     {"target", route},
                     {"outcome", outcome},
                     {"note", "further failures from this address are counted and audited "
                              "together once a minute"}});
    }
    auto count = address->second.find(outcome);
    if (count == address->second.end())
        count = address->second.try_emplace(std::string(outcome), 0).first;
    ++count->second;
}

sqlite::Result<void> AuthFailures::flush(sqlite::Database& db) {
    decltype(m_counts) counts;
    {
        const std::lock_guard lock(m_mutex);
        counts.swap(m_counts);
    }
    if (counts.empty())
        return {};
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    for (const auto& [remote, outcomes] : counts) {
        std::int64_t total = 0;
        std::string detail;
        for (const auto& [outcome, count] : outcomes) {
            total += count;
            detail += (detail.empty() ? "" : ", ") + outcome + " " + std::to_string(count);
        }
        AuditEntry entry{std::nullopt,
                         "",
                         "access",
                         std::to_string(total) + " failed authentication" +
                             (total == 1 ? "" : "s") + " from " + remote + " in the last minute (" +
                             detail + ")",
                         remote,
                         "unauthenticated",
                         total};
        if (auto ok = appendAudit(db, entry); !ok)
            return ok;
    }
    return tx->commit();
}

} // namespace souffleur::server
