// The storage thread (see storage_executor.h).
#include "storage_executor.h"

#include "metrics.h"

#include <souffleur/server/log.h>

namespace souffleur::server {

StorageExecutor::StorageExecutor(sqlite::Database db, Metrics* metrics)
    : m_db(std::move(db))
    , m_metrics(metrics)
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
}

void StorageExecutor::threadMain() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping, and every queued job has run
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        const auto start = std::chrono::steady_clock::now();
        try {
            job(m_db);
        } catch (const std::exception& error) {
            logLine("storage job failed", {{"error", error.what()}});
        }
        if (m_metrics != nullptr)
            m_metrics->observeStorageJob(std::chrono::steady_clock::now() - start);
    }
}

} // namespace souffleur::server
