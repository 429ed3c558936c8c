// Private: the storage thread. SQLite never runs on an I/O thread: the routes
// hand jobs to this executor, one thread that owns the store's connection and
// runs jobs in order, and get their results posted back to the connection's
// strand. stop() finishes the jobs already queued, then joins the thread.
//
//   I/O thread (strand)          storage thread
//   run(strand, work, done) ──▶  result = work(db)
//   done(result)           ◀──  asio::post(strand, ...)
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/post.hpp>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>

namespace souffleur::server {

class DiskSpace;
class Metrics;

class StorageExecutor {
public:
    // What to do once a job's work is durable: called after the commit that
    // covers it, with that commit's error when it failed.
    using Completion = std::function<void(const std::optional<sqlite::Error>& commitFailed)>;
    // A job: its work on the store, and what to do afterwards (may be empty).
    using Job = std::function<Completion(sqlite::Database&)>;
    // Jobs committed together at most (group commit).
    static constexpr std::size_t kMaxGroup = 64;

    // Runs on the storage thread after each commit that succeeded (and
    // after each job that committed on its own), before the completions.
    using CommitHook = std::function<void(sqlite::Database&)>;

    // `metrics`, when given, hears how long each job took; `disk`, when
    // given, whether a job's writes found the disk full or were stored.
    explicit StorageExecutor(sqlite::Database db, Metrics* metrics = nullptr,
                             DiskSpace* disk = nullptr, CommitHook committed = {});
    ~StorageExecutor();
    StorageExecutor(const StorageExecutor&) = delete;
    StorageExecutor& operator=(const StorageExecutor&) = delete;

    // Queues a job; false once stop() has begun (the job is dropped).
    bool post(Job job);
    // How many jobs wait.
    std::size_t queued();
    // Runs the queued jobs, then `last` (when given, on the first call), then
    // ends the thread and closes the store. Idempotent.
    void stop(Job last = {});

    // Runs `work(db)` (returning a sqlite::Result<T>) on the storage thread and,
    // once what it wrote is durable, `done(result)` on `executor`. An
    // exception in `work`, or a failed commit, becomes an error result.
    template <typename Work, typename Done>
    bool run(boost::asio::any_io_executor executor, Work work, Done done) {
        return post([this, executor, work = std::move(work),
                     done = std::move(done)](sqlite::Database& db) mutable -> Completion {
            const auto changesBefore = db.totalChanges();
            auto result = guarded(work, db);
            const bool wrote = db.totalChanges() != changesBefore;
            return [this, executor, done = std::move(done), result = std::move(result),
                    wrote](const std::optional<sqlite::Error>& commitFailed) mutable {
                if (commitFailed && result)
                    result = std::unexpected(*commitFailed);
                noteOutcome(result ? std::nullopt : std::optional(result.error()), wrote);
                // `done` moves on to the I/O thread, so whatever it holds (the
                // session) is released there, never on the storage thread.
                boost::asio::post(executor,
                                  [done = std::move(done), result = std::move(result)]() mutable {
                                      done(std::move(result));
                                  });
            };
        });
    }

private:
    template <typename Work>
    static std::invoke_result_t<const Work&, sqlite::Database&> guarded(const Work& work,
                                                                        sqlite::Database& db) {
        try {
            return work(db);
        } catch (const std::exception& error) {
            return std::unexpected(
                sqlite::Error{0, std::string("internal error: ") + error.what()});
        }
    }

    void threadMain();
    // Tells m_disk whether a job found the disk full, or wrote and committed.
    void noteOutcome(const std::optional<sqlite::Error>& failed, bool wrote);

    sqlite::Database m_db;
    Metrics* m_metrics;
    DiskSpace* m_disk;
    CommitHook m_committed;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::thread m_thread; // last: starts once the members above exist
};

} // namespace souffleur::server
