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
#include <thread>
#include <type_traits>

namespace souffleur::server {

class Metrics;

class StorageExecutor {
public:
    // What to do once a job's work is durable: called with true after the
    // commit that covers it, with false when that commit failed.
    using Completion = std::function<void(bool durable)>;
    // A job: its work on the store, and what to do afterwards (may be empty).
    using Job = std::function<Completion(sqlite::Database&)>;
    // Jobs committed together at most (group commit).
    static constexpr std::size_t kMaxGroup = 64;

    // `metrics`, when given, hears how long each job took.
    explicit StorageExecutor(sqlite::Database db, Metrics* metrics = nullptr);
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
        return post([executor, work = std::move(work),
                     done = std::move(done)](sqlite::Database& db) mutable -> Completion {
            auto result = guarded(work, db);
            return [executor, done = std::move(done),
                    result = std::move(result)](bool durable) mutable {
                if (!durable && result)
                    result = std::unexpected(sqlite::Error{0, "the commit failed"});
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

    sqlite::Database m_db;
    Metrics* m_metrics;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::thread m_thread; // last: starts once the members above exist
};

} // namespace souffleur::server
