// The storage thread (see storage_executor.h).
#include "storage_executor.h"

#include "disk_space.h"
#include "metrics.h"

#include <souffleur/server/log.h>

#include <vector>

namespace souffleur::server {

StorageExecutor::StorageExecutor(sqlite::Database db, Metrics* metrics, DiskSpace* disk,
                                 CommitHook committed)
    : m_db(std::move(db))
    , m_metrics(metrics)
    , m_disk(disk)
    , m_committed(std::move(committed))
    , m_thread([this] { threadMain(); }) {}

StorageExecutor::~StorageExecutor() {
    stop();
}

bool StorageExecutor::post(Job job) {
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping)
            return false;
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

std::size_t StorageExecutor::queued() {
    const std::lock_guard lock(m_mutex);
    return m_jobs.size();
}

void StorageExecutor::stop(Job last) {
    {
        const std::lock_guard lock(m_mutex);
        if (!m_stopping && last)
            m_jobs.push_back(std::move(last));
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
    // No job runs any more: close the store now (its WAL is folded in), not
    // when the last connection lets go of the executor.
    m_db = sqlite::Database();
}

void StorageExecutor::noteOutcome(const std::optional<sqlite::Error>& failed, bool wrote) {
    if (m_disk == nullptr)
        return;
    if (failed && failed->diskFull())
        m_disk->noteFull(*failed);
    else if (!failed && wrote)
        m_disk->noteWritten();
}

// Group commit: the jobs waiting when the thread comes round (up to
// kMaxGroup) run inside one transaction, each job's own transaction a
// savepoint of it (sqlite::Transaction), so one failing job undoes only its
// own changes; then one COMMIT (one fsync with synchronous=FULL) makes them
// all durable, and only then do their completions run: nothing is
// acknowledged before it is on disk. A single job commits on its own.
void StorageExecutor::threadMain() {
    for (;;) {
        std::vector<Job> group;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping, and every queued job has run
            while (!m_jobs.empty() && group.size() < kMaxGroup) {
                group.push_back(std::move(m_jobs.front()));
                m_jobs.pop_front();
            }
        }
        const auto start = std::chrono::steady_clock::now();
        bool grouped = false;
        if (group.size() > 1) {
            auto begun = m_db.exec("BEGIN IMMEDIATE");
            grouped = begun.has_value();
            if (!begun)
                logLine("storage: cannot begin a group", {{"error", begun.error().message}});
        }
        std::vector<Completion> completions;
        completions.reserve(group.size());
        for (auto& job : group) {
            try {
                if (Completion completion = job(m_db))
                    completions.push_back(std::move(completion));
            } catch (const std::exception& error) {
                logLine("storage job failed", {{"error", error.what()}});
            }
        }
        std::optional<sqlite::Error> commitFailed;
        if (grouped) {
            if (auto committed = m_db.exec("COMMIT"); !committed) {
                // A full disk is logged once by m_disk, not once per group.
                if (!committed.error().diskFull())
                    logLine("storage: a group commit failed",
                            {{"error", committed.error().message}});
                (void)m_db.exec("ROLLBACK");
                commitFailed = committed.error();
            }
        }
        if (m_metrics != nullptr)
            m_metrics->observeStorageCommit(std::chrono::steady_clock::now() - start, group.size());
        if (!commitFailed && m_committed)
            m_committed(m_db);
        for (auto& completion : completions)
            completion(commitFailed);
    }
}

} // namespace souffleur::server
