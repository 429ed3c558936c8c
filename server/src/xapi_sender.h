// Private: the sender of the xAPI queue (xapi.h). On the server's io_context:
// every poll interval (at once again after a full batch) it takes the due
// statements of one tenant from the store, posts them to the tenant's LRS as
// one array, and records the outcome on the storage thread:
//   2xx (and 409 for one statement: the LRS holds its id already)  delivered:
//                removed from the queue
//   400, 413, 409  refused: a batch is tried again statement by statement,
//                and a statement the LRS refuses alone is parked (logged,
//                kept for `admin xapi show`)
//   else (no answer, 401/403/404, 408, 429, 5xx)  deferred with a backoff
//                that doubles per attempt
#pragma once

#include "server_context.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <chrono>
#include <memory>

namespace souffleur::server {

struct XapiTiming {
    std::chrono::milliseconds poll = std::chrono::seconds(2);
    std::chrono::seconds firstRetry = std::chrono::seconds(5);
    std::chrono::seconds longestRetry = std::chrono::minutes(10);
    std::chrono::milliseconds requestTimeout = std::chrono::seconds(15);
};

class XapiSender : public std::enable_shared_from_this<XapiSender> {
public:
    XapiSender(boost::asio::io_context& ioc, std::shared_ptr<ServerContext> context,
               XapiTiming timing);
    void start();
    void stop();

private:
    void schedule(std::chrono::milliseconds after);
    void tick();

    std::shared_ptr<ServerContext> m_context;
    XapiTiming m_timing;
    // Everything of the sender (its timer, the storage answers, the delivery
    // coroutine, stop) runs on this strand: one at a time.
    boost::asio::strand<boost::asio::io_context::executor_type> m_strand;
    boost::asio::steady_timer m_timer;
    bool m_stopped = false;
};

} // namespace souffleur::server
