// The sync client's thread and coroutines; see the state diagram in
// sync_client.h. Everything below runs on the client's one io_context
// thread, so the flags need no locks; other threads reach in only through
// asio::post (flushOutbox) and io_context::stop (stop).
#include <souffleur/client/outbox.h>
#include <souffleur/client/records.h>
#include <souffleur/client/replica.h>
#include <souffleur/client/sync_client.h>
#include <souffleur/net/async_http.h>
#include <souffleur/net/websocket.h>
#include <souffleur/version.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <random>
#include <set>
#include <span>
#include <thread>

namespace souffleur::client {

namespace asio = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;

const char* syncStateName(SyncState state) {
    switch (state) {
    case SyncState::Offline:
        return "offline";
    case SyncState::Connecting:
        return "connecting";
    case SyncState::Online:
        return "online";
    }
    return "unknown";
}

class SyncClient::Impl {
public:
    Impl(SyncConfig config, SyncCallbacks callbacks)
        : m_config(std::move(config))
        , m_callbacks(std::move(callbacks)) {}

    ~Impl() { stop(); }

    void start() {
        if (m_thread.joinable())
            return;
        m_thread = std::thread([this] { threadMain(); });
    }

    // Safe to stop between any two handlers: every database change is one
    // synchronous transaction inside a handler, never split across a suspension.
    void stop() {
        m_context.stop();
        if (m_thread.joinable())
            m_thread.join();
    }

    void flush() {
        asio::post(m_context, [this] { wake(); });
    }

    void refreshLogbook() {
        asio::post(m_context, [this] {
            m_logbookWanted = true;
            wake();
        });
    }

    SyncState state() const { return m_state.load(); }

private:
    using WebSocket = net::WebSocket;
    static constexpr auto kToken = asio::as_tuple(asio::use_awaitable);

    void threadMain() {
        auto replica = Replica::open(m_config.database, m_config.replica);
        auto outbox = Outbox::open(m_config.database);
        if (!replica || !outbox) {
            log("cannot open the desk database " + m_config.database.string() + ": " +
                (replica ? outbox.error().message : replica.error().message));
            return;
        }
        if (m_config.server.tls) {
            auto tls = net::tlsContext(m_config.server.caFile);
            if (!tls) {
                log(tls.error());
                return;
            }
            m_tls = std::move(*tls);
        }
        m_replica.emplace(std::move(*replica));
        m_outbox.emplace(std::move(*outbox));
        asio::co_spawn(m_context, run(), asio::detached);
        m_context.run();
    }

    asio::awaitable<void> run() {
        auto backoff = m_config.minBackoff;
        for (;;) {
            setState(SyncState::Connecting);
            auto ws = co_await connectNotify();
            // The backoff resets only after a full pull-and-push cycle, so a
            // server that accepts the socket but fails every request is not
            // hammered.
            bool cycled = false;
            if (ws)
                cycled = co_await serve(std::move(*ws));
            if (cycled)
                backoff = m_config.minBackoff;
            setState(SyncState::Offline);
            co_await sleep(jittered(backoff));
            backoff = std::min(backoff * 2, m_config.maxBackoff);
        }
    }

    // Online: pull and push until the connection or a request fails. True
    // when at least one full cycle succeeded.
    asio::awaitable<bool> serve(std::shared_ptr<WebSocket> ws) {
        m_ws = ws;
        m_pullNeeded = true;
        m_pulled = false;
        // What the team wrote while this desk was away (unless the server
        // said it lists none for this account, not long ago).
        m_logbookWanted = m_logbookWanted || std::chrono::steady_clock::now() >= m_logbookHeld;
        setState(SyncState::Online);
        asio::co_spawn(m_context, readNotices(ws), asio::detached);
        bool cycled = false;
        while (m_ws == ws) {
            if (m_pullNeeded) {
                m_pullNeeded = false;
                if (!co_await pull())
                    break;
            }
            if (!co_await push())
                break;
            co_await fetchLogbook(); // never fails the pass: the guides come first
            if (!co_await fetchImages())
                break;
            cycled = true;
            if (!m_pullNeeded && m_ws == ws)
                co_await waitForWake(30s);
        }
        if (m_ws == ws)
            m_ws.reset();
        ws->close();
        co_return cycled;
    }

    asio::awaitable<std::expected<std::shared_ptr<WebSocket>, std::string>> connectNotify() {
        net::WebSocketOptions options{.target = "/api/v1/notify",
                                      .token = m_config.token,
                                      .userAgent = "souffleur-overlay",
                                      .readMessageMax = 64 * 1024,
                                      .connectTimeout = 10s,
                                      .handshakeTimeout = 10s,
                                      .idleTimeout = 60s};
        auto ws = co_await WebSocket::connect(m_config.server, std::move(options), m_tls);
        if (!ws) {
            const auto& error = ws.error();
            using Stage = net::WebSocketError::Stage;
            if (error.stage == Stage::Resolve)
                log("cannot resolve server: " + error.reason);
            else if (error.stage == Stage::Handshake)
                log("notify handshake refused: " + error.reason);
            else
                log(error.message); // "cannot connect to URL: ...", the TLS setup and handshake
            co_return std::unexpected(error.reason);
        }
        co_return std::make_shared<WebSocket>(std::move(*ws));
    }

    asio::awaitable<void> readNotices(std::shared_ptr<WebSocket> ws) {
        for (;;) {
            auto message = co_await ws->read();
            if (!message) {
                if (m_ws == ws) {
                    log("notify connection lost: " + message.error());
                    m_ws.reset();
                    wake();
                }
                co_return;
            }
            boost::system::error_code parseError;
            const auto notice = json::parse(*message, parseError);
            const auto* object = notice.if_object();
            const auto* seq = object ? object->if_contains("seq") : nullptr;
            if (parseError || !seq || !seq->is_int64()) {
                log("ignored a malformed notice");
                continue;
            }
            // The hello's sequence number needs no pull of its own: every
            // connection starts with one, begun after the socket opened.
            if (const auto* type = object->if_contains("type"); type && *type == "hello")
                continue;
            const auto cursor = m_replica->cursor();
            if (cursor && seq->as_int64() <= *cursor)
                continue; // already here
            // The change itself may travel with the notice (alerts,
            // retirements): the next one after the cursor is applied at once.
            const auto* change = object->if_contains("change");
            if (cursor && change && change->is_object() && seq->as_int64() == *cursor + 1 &&
                m_pulled && applyInline(parseChange(change->as_object()), seq->as_int64()))
                continue;
            m_pullNeeded = true;
            wake();
        }
    }

    // Applies one change that came with its notice; false when it could not
    // be stored (then the feed is pulled as usual).
    bool applyInline(const Change& change, std::int64_t seq) {
        if (change.seq != seq)
            return false;
        auto rejected = m_replica->applyChanges({change}, seq);
        if (!rejected) {
            log("cannot store a pushed change: " + storeError(rejected.error()));
            return false;
        }
        if (m_callbacks.guidesChanged)
            m_callbacks.guidesChanged(seq);
        return true;
    }

    // Applies the change feed from the cursor until the server has no more.
    asio::awaitable<bool> pull() {
        for (;;) {
            auto cursor = m_replica->cursor();
            if (!cursor) {
                log("cannot read cursor: " + cursor.error().message);
                co_return false;
            }
            // Named, not a braced temporary: GCC 12 miscompiles temporaries
            // passed by value into a co_await-ed coroutine (double free).
            net::HttpRequest request{net::Method::Get,
                                     "/api/v1/changes?since=" + std::to_string(*cursor) +
                                         "&limit=100",
                                     m_config.token,
                                     {},
                                     {}};
            auto response =
                co_await net::asyncRequest(m_config.server, std::move(request), 15s, m_tls);
            if (!response || response->status != 200) {
                log("cannot pull changes: " +
                    (response ? "HTTP " + std::to_string(response->status) : response.error()));
                co_return false;
            }
            auto page = parseChanges(response->body);
            if (!page) {
                log("malformed change feed: " + page.error());
                co_return false;
            }
            if (auto started = checkEpoch(*page, *cursor); !started) {
                log("cannot start the feed over: " + storeError(started.error()));
                co_return false;
            } else if (*started) {
                continue; // from 0
            }
            auto rejected = m_replica->applyChanges(page->changes, page->lastSeq, !page->more);
            if (!rejected) {
                log("cannot store changes: " + storeError(rejected.error()));
                co_return false;
            }
            if (*rejected > 0)
                log(std::to_string(*rejected) +
                    " guide(s) or alert(s) in the feed cannot be shown by this desk: kept as "
                    "pending, to be read again after an update");
            if (!page->changes.empty())
                m_imagesRefused.clear(); // a guide may name them anew, or the server have them now
            if (!page->changes.empty() && m_callbacks.guidesChanged)
                m_callbacks.guidesChanged(page->lastSeq);
            if (!page->more) {
                m_pulled = true;
                reportUpdatesNeeded(); // what waits, also from before, once
                co_return true;
            }
        }
    }

    // Fetches the pictures the guides show that the replica lacks, each
    // stored only when its bytes hash to the hash the guide names. One the
    // server refuses (or a bad one) is tried again after the next pull that
    // brought changes. False when the connection failed.
    asio::awaitable<bool> fetchImages() {
        auto missing = m_replica->missingImages();
        if (!missing) {
            log("cannot read which pictures are missing: " + missing.error().message);
            co_return true;
        }
        bool fetched = false;
        for (const std::string& hash : *missing) {
            if (m_imagesRefused.contains(hash))
                continue;
            net::HttpRequest request{net::Method::Get,
                                     "/api/v1/media/" + hash,
                                     m_config.token,
                                     {},
                                     {}}; // named: see pull()
            auto response =
                co_await net::asyncRequest(m_config.server, std::move(request), 30s, m_tls);
            if (!response) {
                log("cannot fetch a picture: " + response.error());
                co_return false;
            }
            if (response->status != 200) {
                log("server refused picture " + hash + ": HTTP " +
                    std::to_string(response->status));
                m_imagesRefused.insert(hash);
                continue;
            }
            auto stored = m_replica->storeImage(hash, response->body);
            if (!stored) {
                log("cannot store a picture: " + storeError(stored.error()));
                co_return true;
            }
            if (!*stored) {
                log("picture " + hash + " is not a PNG or JPEG with that hash: not stored");
                m_imagesRefused.insert(hash);
                continue;
            }
            fetched = true;
        }
        if (auto dropped = m_replica->dropUnusedImages(); !dropped)
            log("cannot drop unused pictures: " + dropped.error().message);
        if (fetched && m_callbacks.imagesChanged)
            m_callbacks.imagesChanged();
        co_return true;
    }

    // Tells the server, once per item, what this desk needs an update for:
    // an `update_needed` record in the outbox (sent with the next batch).
    void reportUpdatesNeeded() {
        auto unreported = m_replica->unreportedUpdates();
        if (!unreported) {
            log("cannot read what waits for an update: " + unreported.error().message);
            return;
        }
        for (const PendingEntry& entry : *unreported) {
            const UpdateNeeded report{entry.kind,
                                      entry.id,
                                      entry.revision,
                                      entry.needsFormat,
                                      m_config.replica.maxFormat,
                                      kVersion,
                                      std::chrono::system_clock::now()};
            if (auto stored = m_outbox->enqueue(updateNeededRecord(report)); !stored) {
                log("cannot report an update needed: " + stored.error().message +
                    (stored.error().diskFull ? " (the disk is full)" : ""));
                return;
            }
            if (auto marked = m_replica->markReported(entry); !marked) {
                log("cannot mark an update needed as reported: " + marked.error().message);
                return;
            }
        }
    }

    // Sends outbox batches until it is empty (invariants in outbox.h).
    asio::awaitable<bool> push() {
        for (;;) {
            auto batch = m_outbox->nextBatch(200);
            if (!batch) {
                log("cannot read outbox: " + storeError(batch.error()));
                co_return false;
            }
            if (!*batch)
                co_return true;
            net::HttpRequest request{net::Method::Post, "/api/v1/records", m_config.token,
                                     (*batch)->body, "application/json"}; // named: see pull()
            auto response =
                co_await net::asyncRequest(m_config.server, std::move(request), 15s, m_tls);
            if (!response) {
                log("cannot send records: " + response.error());
                co_return false;
            }
            if (response->status == 400 || response->status == 413) {
                // Refused as a whole (an older server that answers all or
                // nothing, or a batch too large): it would be refused forever
                // and block everything behind it. Kept on the desk (invariant
                // 3 in outbox.h).
                log("server refused batch " + std::to_string((*batch)->number) +
                    " for good (HTTP " + std::to_string(response->status) + "): " + response->body);
                if (auto ok = m_outbox->reject((*batch)->number, response->body); !ok) {
                    log("cannot set the refused batch aside: " + storeError(ok.error()));
                    co_return false;
                }
                if (m_callbacks.recordsRefused)
                    m_callbacks.recordsRefused((*batch)->size);
                continue;
            }
            if (response->status != 200) {
                // Kept in the outbox, never dropped: retried after the backoff.
                log("server refused batch " + std::to_string((*batch)->number) + ": HTTP " +
                    std::to_string(response->status) + " " + response->body);
                co_return false;
            }
            // The server stored the batch but for the records it names.
            auto answer = protocol::parseAnswer(response->body);
            if (!answer || answer->acked != (*batch)->number) {
                log("unexpected answer to batch " + std::to_string((*batch)->number) + ": " +
                    (answer ? response->body : answer.error()));
                co_return false;
            }
            for (const auto& refused : answer->refused)
                log("server refused a record of batch " + std::to_string((*batch)->number) + ": " +
                    refused.error);
            const bool logbookSent = keepSentLogbook((*batch)->body, answer->refused);
            if (auto ok = m_outbox->settle((*batch)->number, answer->refused); !ok) {
                // The server has the batch; the desk keeps it, numbered, and
                // sends it again unchanged, which the server answers without
                // storing anything twice (outbox.h, invariant 2).
                log("cannot clear acknowledged batch " + std::to_string((*batch)->number) + ": " +
                    storeError(ok.error()));
                co_return false;
            }
            if (logbookSent && m_callbacks.logbookChanged)
                m_callbacks.logbookChanged();
            if (!answer->refused.empty() && m_callbacks.recordsRefused)
                m_callbacks.recordsRefused(answer->refused.size());
            if (m_callbacks.recordsAcked)
                m_callbacks.recordsAcked((*batch)->number);
        }
    }

    // Lists the team's logbook into the replica when it is due (see
    // SyncClient::refreshLogbook()). Whatever happens, the pass goes on.
    asio::awaitable<void> fetchLogbook() {
        const auto now = std::chrono::steady_clock::now();
        if (!m_logbookWanted && now < m_logbookDue)
            co_return;
        m_logbookWanted = false;
        m_logbookDue = now + SyncClient::kLogbookEvery; // after a failure too: not every pass
        net::HttpRequest request{net::Method::Get,
                                 "/api/v1/logbook?limit=" +
                                     std::to_string(SyncClient::kLogbookFetched),
                                 m_config.token,
                                 {},
                                 {}}; // named: see pull()
        auto response = co_await net::asyncRequest(m_config.server, std::move(request), 15s, m_tls);
        if (!response) {
            log("cannot list the team's logbook: " + response.error());
            co_return;
        }
        keepLogbook(response->status, response->body, now);
    }

    // Keeps the server's answer to GET /api/v1/logbook. Not in the coroutine:
    // GCC 12 mishandles the lifetimes of some locals there (see pull()).
    void keepLogbook(int status, const std::string& body,
                     std::chrono::steady_clock::time_point now) {
        std::vector<protocol::LogbookItem> entries;
        if (status == 403 || status == 404) {
            // An account without a team, or a server from before the
            // logbook: there is none to show. Not asked again soon (each
            // refusal is audited on the server).
            m_logbookDue = m_logbookHeld = now + SyncClient::kLogbookHold;
        } else if (status != 200) {
            log("cannot list the team's logbook: HTTP " + std::to_string(status));
            return;
        } else {
            auto listed = parseLogbook(body);
            if (!listed) {
                log("malformed logbook listing: " + listed.error());
                return;
            }
            entries = std::move(*listed);
            m_logbookHeld = {};
        }
        if (auto ok = m_replica->replaceLogbook(entries); !ok) {
            log("cannot keep the team's logbook: " + storeError(ok.error()));
            return;
        }
        if (m_callbacks.logbookChanged)
            m_callbacks.logbookChanged();
    }

    // {"logbook": [entry, ...]} (docs/api.md); an entry without an id is skipped.
    static std::expected<std::vector<protocol::LogbookItem>, std::string>
    parseLogbook(const std::string& body) {
        boost::system::error_code error;
        const auto value = json::parse(body, error);
        const auto* object = value.if_object();
        const auto* list = object ? object->if_contains("logbook") : nullptr;
        if (error || !list || !list->is_array())
            return std::unexpected("not an object with a logbook array");
        std::vector<protocol::LogbookItem> out;
        for (const auto& item : list->as_array()) {
            if (auto entry = protocol::logbookItemFrom(item))
                out.push_back(std::move(*entry));
        }
        return out;
    }

    // The team's logbook shows this desk's entries the server stored (those
    // of the batch, its body, but the ones it refused) at once, before they
    // leave the outbox (logbook.h lists one in both once), and is listed
    // anew in this pass. True when there were any.
    bool keepSentLogbook(const std::string& body,
                         std::span<const protocol::RefusedRecord> refused) {
        std::vector<protocol::LogbookItem> stored;
        boost::system::error_code error;
        const auto value = json::parse(body, error);
        const auto* object = value.if_object();
        const auto* records = object ? object->if_contains("records") : nullptr;
        if (error || !records || !records->is_array())
            return false;
        const auto& list = records->as_array();
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto* record = list[i].if_object();
            const auto* type = record ? record->if_contains("type") : nullptr;
            if (!type || *type != "logbook" ||
                std::ranges::any_of(refused, [i](const auto& r) { return r.index == i; }))
                continue;
            if (auto entry = protocol::logbookItemFrom(list[i]))
                stored.push_back(std::move(*entry));
        }
        if (auto ok = m_replica->addToLogbook(stored); !ok)
            log("cannot keep the logbook entries sent: " + storeError(ok.error()));
        if (!stored.empty())
            m_logbookWanted = true; // listed anew right after: as the team's, with what is new
        return !stored.empty();
    }

    struct Page {
        std::vector<Change> changes;
        std::int64_t lastSeq = 0;
        bool more = false;
        std::string epoch;        // empty from a server without epochs
        std::int64_t feedSeq = 0; // the server's newest sequence number
    };

    static std::expected<Page, std::string> parseChanges(const std::string& body) {
        boost::system::error_code error;
        const auto value = json::parse(body, error);
        if (error || !value.is_object())
            return std::unexpected("not a JSON object");
        const auto& object = value.as_object();
        const auto* changes = object.if_contains("changes");
        const auto* lastSeq = object.if_contains("last_seq");
        if (!changes || !changes->is_array() || !lastSeq || !lastSeq->is_int64())
            return std::unexpected("missing changes or last_seq");
        Page page;
        page.lastSeq = lastSeq->as_int64();
        if (const auto* more = object.if_contains("more"); more && more->is_bool())
            page.more = more->as_bool();
        if (const auto* epoch = object.if_contains("epoch"); epoch && epoch->is_string())
            page.epoch = std::string(epoch->as_string());
        if (const auto* seq = object.if_contains("seq"); seq && seq->is_int64())
            page.feedSeq = seq->as_int64();
        for (const auto& entry : changes->as_array()) {
            const auto* change = entry.if_object();
            if (!change)
                return std::unexpected("a change is not an object");
            page.changes.push_back(parseChange(*change));
        }
        return page;
    }

    // One change of the feed (docs/api.md); missing fields are left empty.
    static Change parseChange(const json::object& change) {
        const auto text = [&change](const char* key) -> std::string {
            const auto* v = change.if_contains(key);
            return v && v->is_string() ? std::string(v->as_string()) : std::string();
        };
        const auto number = [&change](const char* key) -> std::int64_t {
            const auto* v = change.if_contains(key);
            return v && v->is_int64() ? v->as_int64() : 0;
        };
        Change out{number("seq"), text("kind"), text("id"), static_cast<int>(number("revision")),
                   text("xml"),   text("note"), {}};
        // The team's own tips this revision applied (a server from before sends none).
        if (const auto* tips = change.if_contains("tips_applied"); tips && tips->is_array()) {
            for (const auto& tip : tips->as_array()) {
                const auto* object = tip.if_object();
                const auto* step = object ? object->if_contains("step") : nullptr;
                const auto* tipText = object ? object->if_contains("text") : nullptr;
                if (step && step->is_string() && tipText && tipText->is_string())
                    out.tipsApplied.push_back(
                        {std::string(step->as_string()), std::string(tipText->as_string())});
            }
        }
        return out;
    }

    // A page from another epoch than the cursor's (the server's store was
    // restored from a backup), or a feed that ends before the cursor: the
    // replica starts over from 0. True when it did.
    sqlite::Result<bool> checkEpoch(const Page& page, std::int64_t cursor) {
        if (page.epoch.empty())
            return false; // a server without epochs
        auto epoch = m_replica->epoch();
        if (!epoch)
            return std::unexpected(epoch.error());
        if (epoch->empty() && page.feedSeq >= cursor) {
            // A new desk, or one from before epochs: its cursor fits this feed.
            if (auto ok = m_replica->setEpoch(page.epoch); !ok)
                return std::unexpected(ok.error());
            return false;
        }
        if (*epoch == page.epoch && page.feedSeq >= cursor)
            return false;
        log(*epoch != page.epoch
                ? "the server's store was restored or replaced: fetching the whole feed again"
                : "the server's feed ends before this desk's cursor: fetching it again");
        if (auto ok = m_replica->startOver(page.epoch); !ok)
            return std::unexpected(ok.error());
        return true;
    }

    asio::awaitable<void> waitForWake(std::chrono::milliseconds timeout) {
        if (!m_wakePending) {
            m_wake.expires_after(timeout);
            co_await m_wake.async_wait(kToken);
        }
        m_wakePending = false;
    }

    void wake() {
        m_wakePending = true;
        m_wake.cancel();
    }

    asio::awaitable<void> sleep(std::chrono::milliseconds duration) {
        m_backoff.expires_after(duration);
        co_await m_backoff.async_wait(kToken);
    }

    std::chrono::milliseconds jittered(std::chrono::milliseconds base) {
        std::uniform_real_distribution<double> factor(0.5, 1.5);
        return std::chrono::milliseconds(
            static_cast<std::int64_t>(static_cast<double>(base.count()) * factor(m_random)));
    }

    void setState(SyncState state) {
        if (m_state.exchange(state) != state && m_callbacks.stateChanged)
            m_callbacks.stateChanged(state);
    }

    void log(const std::string& line) {
        if (m_callbacks.log)
            m_callbacks.log(line);
    }

    // A failed write to the desk database, for the log. Each write is one
    // transaction: on a full disk nothing of it is stored, what the desk held
    // stays as it was, and the next pass tries again.
    static std::string storeError(const sqlite::Error& error) {
        return error.diskFull() ? error.message + " (nothing of it was stored; tried again later)"
                                : error.message;
    }

    SyncConfig m_config;
    SyncCallbacks m_callbacks;
    asio::io_context m_context; // destroyed after everything below that uses it
    asio::steady_timer m_wake{m_context};
    asio::steady_timer m_backoff{m_context};
    std::thread m_thread;
    std::atomic<SyncState> m_state{SyncState::Offline};
    std::optional<Replica> m_replica;
    std::optional<Outbox> m_outbox;
    std::shared_ptr<WebSocket> m_ws;           // the current notify connection, if any
    std::shared_ptr<asio::ssl::context> m_tls; // for an https server
    bool m_pullNeeded = false;
    // The feed has been read to its end on this connection (so its epoch is
    // known to match): only then may a pushed change be applied on its own.
    bool m_pulled = false;
    bool m_wakePending = false;
    // The team's logbook is listed when wanted (a new connection, the panel
    // asked) or due (fetchLogbook()).
    bool m_logbookWanted = true;
    std::chrono::steady_clock::time_point m_logbookDue{};
    // Until when a new connection does not list it (the server lists none
    // for this account).
    std::chrono::steady_clock::time_point m_logbookHeld{};
    // Pictures the server refused or that did not match their hash: not
    // asked for again until a pull brings changes.
    std::set<std::string> m_imagesRefused;
    std::mt19937 m_random{std::random_device{}()};
};

SyncClient::SyncClient(SyncConfig config, SyncCallbacks callbacks)
    : m_impl(std::make_shared<Impl>(std::move(config), std::move(callbacks))) {}

SyncClient::~SyncClient() {
    m_impl->stop();
}

void SyncClient::start() {
    m_impl->start();
}

void SyncClient::stop() {
    m_impl->stop();
}

void SyncClient::flushOutbox() {
    m_impl->flush();
}

void SyncClient::refreshLogbook() {
    m_impl->refreshLogbook();
}

SyncState SyncClient::state() const {
    return m_impl->state();
}

} // namespace souffleur::client
