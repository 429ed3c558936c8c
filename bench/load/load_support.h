// What the modes of souffleur_load share: the command line, loopback
// endpoints, the clock, percentiles, the server's resident memory, the demo
// tokens, the bench alert, a blocking HTTP/1.1 client for the few requests
// that are not measured in bulk, the client side of TLS, and the summary
// lines run.sh collects.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace load {

using Clock = std::chrono::steady_clock;

// Nanoseconds on the steady clock; 0 never occurs in practice, so it marks "not yet".
std::int64_t nowNs();
double msFrom(std::int64_t ns);

// "--key value" pairs after the mode; every value is kept as text.
class Args {
public:
    static std::optional<Args> parse(int argc, char** argv, int first, std::string& error);
    std::string text(const std::string& key, const std::string& fallback = {}) const;
    std::int64_t number(const std::string& key, std::int64_t fallback) const;
    bool has(const std::string& key) const { return m_values.contains(key); }

private:
    std::map<std::string, std::string> m_values;
};

// 127.0.0.1:PORT (or another loopback address); anything else is refused, so
// the tool never loads a machine it was not meant to. With a TLS context it
// is spoken to over HTTPS and WSS, its certificate checked against the
// context's authorities and for `host`.
struct Endpoint {
    std::string host;
    std::uint16_t port = 0;
    std::shared_ptr<boost::asio::ssl::context> tls; // null: plain HTTP and WS
    boost::asio::ip::tcp::endpoint tcp() const;
    std::string toString() const { return host + ":" + std::to_string(port); }
    // "127.0.0.1:PORT (TLS)" or "127.0.0.1:PORT"
    std::string describe() const { return toString() + (tls ? " (TLS)" : ""); }
};
std::optional<Endpoint> parseEndpoint(std::string_view text);

// --- TLS (the client side; the server's is server/src/tls.cpp) ----------------------

using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// A client context that trusts only the authorities in `caFile` (PEM) and
// speaks TLS 1.2 or newer, as the overlay's (overlay/core/src/http.cpp) does;
// null and `error` set when the file cannot be used. Like the overlay, it keeps
// no sessions: every connection makes a full handshake.
std::shared_ptr<boost::asio::ssl::context> clientTlsContext(const std::string& caFile,
                                                            std::string& error);
// Before a handshake: the server's certificate must be valid for `host` (an IP
// address or a name; a name is also sent as SNI).
bool prepareTls(TlsStream& stream, const std::string& host, std::string& error);

// Raises RLIMIT_NOFILE to its hard limit; returns the new soft limit.
std::uint64_t raiseFileLimit();

// VmRSS of a process in KiB (from /proc/PID/status), or nullopt.
std::optional<std::int64_t> residentKb(int pid);
// CPU time of all threads of a process so far, in nanoseconds (the sum of
// /proc/PID/task/*/schedstat), or nullopt.
std::optional<std::int64_t> cpuNs(int pid);

// The tokens of DATA/demo-tokens.json written by `souffleur-server --demo`.
struct DemoTokens {
    std::vector<std::string> desks; // role "desk"
    std::string author;             // name "redacteur"
    std::string admin;              // role "admin" (for GET /metrics), may be empty
};
std::optional<DemoTokens> readDemoTokens(const std::string& path, std::string& error);

// The alert the push mode publishes, and the notice the real server sends for
// it ({"type":"changed","seq":N,"change":{...,"xml":...}}); the baseline
// server is asked to broadcast the same notice.
std::string alertXml(const std::string& id, std::int64_t revision);
std::string alertNotice(const std::string& id, std::int64_t revision, std::int64_t seq);
// The text that singles out the notice of `revision` in a message (the
// change's kind, id and revision as the server serialises them).
std::string noticeNeedle(const std::string& id, std::int64_t revision);
// Whether `message` is the notice of this alert revision: the needle, else a
// full JSON parse (so a different key order would still be recognised).
bool isNotice(std::string_view message, const std::string& needle, const std::string& id,
              std::int64_t revision);

// The unlabelled samples of souffleur-server's GET /metrics (Prometheus text
// format, admin token): name -> value; empty when it cannot be read.
std::map<std::string, double> serverMetrics(const Endpoint& server, const std::string& adminToken);

// Latency figures in milliseconds (nearest-rank percentiles).
struct Percentiles {
    std::size_t count = 0;
    double min = 0, p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0;
};
Percentiles percentiles(std::vector<double> values);
std::string formatMs(double ms);

// A blocking HTTP/1.1 keep-alive connection (one io_context of its own, run by
// nobody: every operation is synchronous on the calling thread).
class BlockingHttp {
public:
    using Response = boost::beast::http::response<boost::beast::http::string_body>;
    explicit BlockingHttp(Endpoint endpoint);
    ~BlockingHttp();
    BlockingHttp(const BlockingHttp&) = delete;
    BlockingHttp& operator=(const BlockingHttp&) = delete;

    bool connect(std::string& error);
    // Sends and waits for the answer; `sentNs` is set just before the request
    // is written, `answeredNs` when the whole answer has been read.
    std::optional<Response> request(boost::beast::http::verb verb, const std::string& target,
                                    const std::string& token, const std::string& contentType,
                                    std::string body, std::string& error,
                                    std::int64_t* sentNs = nullptr,
                                    std::int64_t* answeredNs = nullptr);

private:
    struct Impl;
    Endpoint m_endpoint;
    std::unique_ptr<Impl> m_impl;
};

// One line of the final table: "SUMMARY|figure|souffleur|baseline|ratio|target|verdict".
void summaryLine(const std::string& figure, const std::string& server, const std::string& baseline,
                 const std::string& ratio, const std::string& target, const std::string& verdict);
std::string fixed(double value, int decimals);
std::string ratioText(double server, double baseline);

} // namespace load
