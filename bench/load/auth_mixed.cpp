// The auth mode (see auth_mixed.h).
#include "auth_mixed.h"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <atomic>
#include <mutex>
#include <thread>
#include <variant>

namespace load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

// One notify upgrade on a new connection, up to the hello: its milliseconds,
// or the error.
std::variant<double, std::string> upgradeOnce(const Endpoint& server, const std::string& token) {
    asio::io_context ioc;
    websocket::stream<beast::tcp_stream> ws(ioc);
    beast::error_code error;
    const auto start = nowNs();
    beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(10));
    beast::get_lowest_layer(ws).socket().connect(server.tcp(), error);
    if (error)
        return "connect: " + error.message();
    ws.set_option(websocket::stream_base::decorator([&token](websocket::request_type& request) {
        request.set(beast::http::field::authorization, "Bearer " + token);
    }));
    ws.handshake(server.toString(), "/api/v1/notify", error);
    if (error)
        return "upgrade: " + error.message();
    beast::flat_buffer hello;
    ws.read(hello, error);
    if (error)
        return "hello: " + error.message();
    const double ms = msFrom(nowNs() - start);
    ws.close(websocket::close_code::normal, error);
    return ms;
}

// `readers` threads upgrading every paceMs until `until`.
AuthPhase readPhase(const AuthOptions& options, Clock::time_point until) {
    AuthPhase phase;
    std::mutex mutex;
    std::vector<std::thread> threads;
    for (std::size_t r = 0; r < options.readers; ++r) {
        threads.emplace_back([&, r] {
            const auto& token = options.tokens[r % options.tokens.size()];
            auto next = Clock::now();
            while (Clock::now() < until) {
                auto outcome = upgradeOnce(options.server, token);
                {
                    const std::lock_guard lock(mutex);
                    if (const auto* ms = std::get_if<double>(&outcome))
                        phase.upgradeMs.push_back(*ms);
                    else if (phase.failures++ == 0)
                        phase.firstError = std::get<std::string>(outcome);
                }
                next += std::chrono::milliseconds(options.paceMs);
                std::this_thread::sleep_until(next);
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    return phase;
}

} // namespace

std::pair<AuthPhase, AuthPhase> runAuthMixed(asio::io_context& ioc, const AuthOptions& options) {
    const auto seconds =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
    AuthPhase quiet = readPhase(options, Clock::now() + seconds);

    // The writers start first and stop after the readers (runServerIngest
    // runs its desks for `seconds` from its own start).
    IngestOptions writes{options.server, options.tokens, options.writers, options.batch,
                         options.seconds + 1.5};
    IngestResult written;
    std::thread writer([&] { written = runServerIngest(ioc, writes); });
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // the burst under way
    AuthPhase loaded = readPhase(options, Clock::now() + seconds);
    writer.join();
    loaded.writes = std::move(written);
    return {std::move(quiet), std::move(loaded)};
}

} // namespace load
