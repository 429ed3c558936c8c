// The sender of the xAPI queue (see xapi_sender.h).
#include "xapi_sender.h"

#include <souffleur/net/async_http.h>
#include <souffleur/server/log.h>
#include <souffleur/server/xapi.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/url/parse.hpp>
#include <openssl/evp.h>

#include <vector>

namespace souffleur::server {
namespace {

namespace asio = boost::asio;

constexpr std::size_t kBatchSize = 50;
constexpr std::size_t kMaxLoggedBody = 300;

std::string base64(const std::string& text) {
    std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
    const int size = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                     reinterpret_cast<const unsigned char*>(text.data()),
                                     static_cast<int>(text.size()));
    out.resize(static_cast<std::size_t>(size));
    return out;
}

enum class Outcome { Delivered, Refused, Deferred };

// 2xx, and 409 for a single statement (an LRS may answer so for an id it
// holds already: a resend), are delivered; 400 and 413 are the statements'
// fault; everything else (no answer, 401/403/404: credentials or address
// to fix; 408, 429, 5xx) is tried again later.
Outcome classify(const std::expected<net::HttpResponse, std::string>& answer, bool single) {
    if (!answer)
        return Outcome::Deferred;
    const int status = answer->status;
    if ((status >= 200 && status < 300) || (status == 409 && single))
        return Outcome::Delivered;
    if (status == 400 || status == 413 || status == 409)
        return Outcome::Refused;
    return Outcome::Deferred;
}

std::string describe(const std::expected<net::HttpResponse, std::string>& answer) {
    if (!answer)
        return answer.error();
    return "HTTP " + std::to_string(answer->status) + ": " + answer->body.substr(0, kMaxLoggedBody);
}

// Records what became of some rows, on the storage thread.
void record(ServerContext& context, std::int64_t tenantId, std::vector<std::int64_t> rows,
            Outcome outcome, std::string error, XapiTiming timing) {
    context.storage.post([tenantId, rows = std::move(rows), outcome, error = std::move(error),
                          timing](sqlite::Database& db) -> StorageExecutor::Completion {
        sqlite::Result<void> ok;
        if (outcome == Outcome::Delivered) {
            ok = statementsDelivered(db, rows);
            logLine("xapi delivered", {{"tenant", tenantId}, {"statements", rows.size()}});
        } else if (outcome == Outcome::Refused) {
            ok = statementsParked(db, rows, error);
            logLine("xapi statement refused by the LRS and parked",
                    {{"tenant", tenantId}, {"statements", rows.size()}, {"error", error}});
        } else {
            ok = statementsDeferred(db, rows, error, timing.firstRetry, timing.longestRetry);
            logLine("xapi: the LRS did not take the statements; they wait for the next attempt",
                    {{"tenant", tenantId}, {"statements", rows.size()}, {"error", error}});
        }
        if (!ok)
            logLine("cannot record an xapi delivery",
                    {{"code", ok.error().code}, {"error", ok.error().message}});
        return {};
    });
}

asio::awaitable<std::expected<net::HttpResponse, std::string>>
postStatements(net::ServerAddress address, std::string target, std::string authorization,
               std::string body, std::chrono::milliseconds timeout) {
    net::HttpRequest request;
    request.method = net::Method::Post;
    request.target = std::move(target);
    request.body = std::move(body);
    request.headers = {{"Authorization", std::move(authorization)},
                       {"X-Experience-API-Version", "1.0.3"}};
    co_return co_await net::asyncRequest(std::move(address), std::move(request), timeout);
}

std::string arrayOf(const std::vector<std::string>& statements) {
    std::string out = "[";
    for (std::size_t i = 0; i < statements.size(); ++i)
        out += (i ? "," : "") + statements[i];
    return out + "]";
}

// Posts a batch; answers whether it was full (more may be due).
asio::awaitable<bool> deliver(std::shared_ptr<ServerContext> context, XapiBatch batch,
                              XapiTiming timing) {
    const bool full = batch.rows.size() >= kBatchSize;
    auto address = net::ServerAddress::parse(batch.settings.endpoint);
    const auto url = boost::urls::parse_uri(batch.settings.endpoint);
    if (!address || !url) {
        record(*context, batch.tenantId, batch.rows, Outcome::Refused,
               "the LRS endpoint is not a URL: " + batch.settings.endpoint, timing);
        co_return full;
    }
    std::string target(url->encoded_path());
    while (target.ends_with('/'))
        target.pop_back();
    target += "/statements";
    const std::string authorization =
        "Basic " + base64(batch.settings.key + ":" + batch.settings.secret);
    const std::string body = arrayOf(batch.statements);
    auto answer =
        co_await postStatements(*address, target, authorization, body, timing.requestTimeout);
    const auto outcome = classify(answer, batch.rows.size() == 1);
    if (outcome != Outcome::Refused || batch.rows.size() == 1) {
        record(*context, batch.tenantId, batch.rows, outcome, describe(answer), timing);
        co_return full&& outcome == Outcome::Delivered;
    }
    // One bad statement refuses the batch: each on its own, to park only it.
    for (std::size_t i = 0; i < batch.rows.size(); ++i) {
        const std::string one = "[" + batch.statements[i] + "]";
        auto single =
            co_await postStatements(*address, target, authorization, one, timing.requestTimeout);
        record(*context, batch.tenantId, {batch.rows[i]}, classify(single, true), describe(single),
               timing);
    }
    co_return full;
}

} // namespace

XapiSender::XapiSender(asio::io_context& ioc, std::shared_ptr<ServerContext> context,
                       XapiTiming timing)
    : m_context(std::move(context))
    , m_timing(timing)
    , m_strand(asio::make_strand(ioc))
    , m_timer(m_strand) {}

void XapiSender::start() {
    schedule(m_timing.poll);
}

void XapiSender::stop() {
    asio::post(m_strand, [self = shared_from_this()] {
        self->m_stopped = true;
        self->m_timer.cancel();
    });
}

void XapiSender::schedule(std::chrono::milliseconds after) {
    if (m_stopped)
        return;
    m_timer.expires_after(after);
    m_timer.async_wait([self = shared_from_this()](boost::system::error_code error) {
        if (!error && !self->m_stopped)
            self->tick();
    });
}

void XapiSender::tick() {
    const bool queued = m_context->storage.run(
        m_timer.get_executor(), [](sqlite::Database& db) { return dueStatements(db, kBatchSize); },
        [self = shared_from_this()](sqlite::Result<std::optional<XapiBatch>> batch) {
            if (!batch || !*batch) {
                if (!batch)
                    logLine("cannot read the xapi queue", {{"error", batch.error().message}});
                return self->schedule(self->m_timing.poll);
            }
            // Named values into the coroutine (g++ 12, see async_http.h).
            auto context = self->m_context;
            XapiBatch due = std::move(**batch);
            const XapiTiming timing = self->m_timing;
            asio::co_spawn(self->m_timer.get_executor(), deliver(context, std::move(due), timing),
                           [self](std::exception_ptr failure, bool full) {
                               if (failure)
                                   logLine("the xapi sender failed");
                               self->schedule(full && !failure ? std::chrono::milliseconds(0)
                                                               : self->m_timing.poll);
                           });
        });
    if (!queued)
        m_stopped = true; // the server is stopping
}

} // namespace souffleur::server
