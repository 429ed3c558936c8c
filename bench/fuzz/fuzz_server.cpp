// The fuzz targets' in-process server (see fuzz_server.h).
#include "fuzz_server.h"

#include <souffleur/server/auth.h>
#include <souffleur/server/server.h>
#include <souffleur/server/storage.h>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace souffleur::fuzz {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using server::Role;

[[noreturn]] void fatal(const std::string& message) {
    std::fprintf(stderr, "fuzz server: %s\n", message.c_str());
    std::exit(1);
}

// The started server, stopped and its data directory removed at exit.
struct Holder {
    std::filesystem::path dataDir;
    std::unique_ptr<server::Server> server;
    FuzzServer info;

    Holder() {
        dataDir = std::filesystem::temp_directory_path() /
                  ("souffleur-fuzz-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dataDir);
        if (auto ok = server::prepareDataDir(dataDir); !ok)
            fatal(ok.error());
        std::fprintf(stderr, "fuzz server: data directory %s\n", dataDir.c_str());
        seedAccounts();
        server::Config config;
        config.dataDir = dataDir;
        config.address = "127.0.0.1";
        config.port = 0;
        // One fuzz input after another from one address: no rate limit, and
        // room for the connections the server has not finished closing.
        config.maxRequestsPerSecondPerAddress = 0;
        config.maxConnectionsPerAddress = 1000;
        server = std::make_unique<server::Server>(config);
        if (auto ok = server->start(); !ok)
            fatal("cannot start: " + ok.error());
        info.port = server->port();
        seedContent();
    }

    ~Holder() {
        server.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dataDir, ignored);
    }

    Holder(const Holder&) = delete;
    Holder& operator=(const Holder&) = delete;

    void seedAccounts() {
        auto db = server::openStore(server::databasePath(dataDir));
        if (!db)
            fatal("cannot open the store: " + db.error().message);
        const auto must = [](auto result, const char* what) {
            if (!result)
                fatal(std::string("cannot create ") + what + ": " + result.error().message);
            return *result;
        };
        const auto account = [&](std::int64_t tenant, std::optional<std::int64_t> team,
                                 const char* name, Role role) {
            const auto id = must(server::createAccount(*db, {tenant, team, name, role}), name);
            return must(server::issueToken(*db, id, std::chrono::hours(24 * 365)), "a token");
        };
        const auto tenantA = must(server::createTenant(*db, "Gemeente A"), "a tenant");
        const auto teamA = must(server::createTeam(*db, tenantA, "Balie A"), "a team");
        auto& tokens = info.tokens;
        tokens.desk = account(tenantA, teamA, "desk-a", Role::Desk);
        tokens.author = account(tenantA, teamA, "author-a", Role::Author);
        tokens.lead = account(tenantA, teamA, "lead-a", Role::TeamLead);
        tokens.reviewer = account(tenantA, std::nullopt, "reviewer-a", Role::Reviewer);
        tokens.admin = account(tenantA, std::nullopt, "admin-a", Role::Admin);
        const auto tenantB = must(server::createTenant(*db, "Gemeente B"), "a tenant");
        tokens.otherTenantAdmin = account(tenantB, std::nullopt, "admin-b", Role::Admin);
    }

    // Through the API, as a client would: something for the routes to find.
    void seedContent() {
        const auto guide = [](int revision) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"nl.fuzz.een\" revision=\"" +
                   std::to_string(revision) +
                   "\" xml:lang=\"nl\">\n"
                   "  <title>Fuzz</title>\n"
                   "  <step id=\"een\"><glance>Eerste stap</glance></step>\n"
                   "  <step id=\"twee\" end=\"true\"><glance>Klaar</glance></step>\n"
                   "</guide>\n";
        };
        const std::string alert =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"nl.fuzz.alert\" revision=\"1\" "
            "xml:lang=\"nl\" level=\"critical\" acknowledge=\"required\">\n"
            "  <title>Let op</title>\n  <body>Storing</body>\n"
            "  <attach guide=\"nl.fuzz.een\"/>\n</alert>\n";
        const std::string records =
            "{\"client\":\"fuzz-seed\",\"batch\":1,\"protocol\":2,\"records\":["
            "{\"type\":\"feedback\",\"id\":\"fb-1\",\"guide\":\"nl.fuzz.een\",\"revision\":1,"
            "\"step\":\"een\",\"kind\":\"tip\",\"text\":\"Korter\"},"
            "{\"type\":\"event\",\"id\":\"ev-1\",\"session\":\"s-1\",\"guide\":\"nl.fuzz.een\","
            "\"revision\":1,\"event\":\"started\",\"at\":\"2026-11-23T12:00:00Z\"}]}";
        const auto& tokens = info.tokens;
        const struct {
            const char* method;
            std::string target, token, type, body;
        } calls[] = {
            {"POST", "/api/v1/guides", tokens.reviewer, "application/xml", guide(1)},
            {"POST", "/api/v1/guides/nl.fuzz.een/revisions?base=1", tokens.author,
             "application/xml", guide(2)},
            {"POST", "/api/v1/guides/nl.fuzz.een/revisions/2/submit", tokens.author,
             "application/json", "{\"note\":\"korter\"}"},
            {"POST", "/api/v1/alerts", tokens.author, "application/xml", alert},
            {"POST", "/api/v1/records", tokens.desk, "application/json", records},
            {"POST", "/api/v1/guides/nl.fuzz.een/revisions/2/comments", tokens.reviewer,
             "application/json", "{\"text\":\"Korter graag\",\"step\":\"een\"}"},
            {"POST", "/api/v1/aars", tokens.lead, "application/json",
             "{\"title\":\"Najaar\",\"guides\":[\"nl.fuzz.een\"],\"from\":\"2026-09\","
             "\"to\":\"2026-11\"}"},
        };
        for (const auto& call : calls) {
            const std::string request = std::string(call.method) + " " + call.target +
                                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                                        call.token + "\r\nContent-Type: " + call.type +
                                        "\r\nContent-Length: " + std::to_string(call.body.size()) +
                                        "\r\nConnection: close\r\n\r\n" + call.body;
            const auto answer = sendAndRead(info.port, request);
            if (!answer.starts_with("HTTP/1.1 20"))
                std::fprintf(stderr, "fuzz server: seeding %s %s: %s\n", call.method,
                             call.target.c_str(), answer.substr(0, answer.find('\r')).c_str());
            // The new AAR's id (random), for $V$.
            constexpr std::string_view kAarId = "\"id\":\"aar-";
            if (call.target == "/api/v1/aars" && answer.find(kAarId) != std::string::npos) {
                const auto start = answer.find(kAarId) + kAarId.size() - 4;
                info.tokens.aar = answer.substr(start, answer.find('"', start) - start);
            }
        }
        // An action of the AAR, about the guide (an inbox item too).
        const std::string action = "{\"text\":\"Foto-eisen\",\"guide\":\"nl.fuzz.een\","
                                   "\"step\":\"een\"}";
        const auto answer = sendAndRead(
            info.port, "POST /api/v1/aars/" + info.tokens.aar +
                           "/actions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                           info.tokens.lead +
                           "\r\nContent-Length: " + std::to_string(action.size()) +
                           "\r\nConnection: close\r\n\r\n" + action);
        if (!answer.starts_with("HTTP/1.1 201"))
            std::fprintf(stderr, "fuzz server: seeding an AAR action: %s\n",
                         answer.substr(0, answer.find('\r')).c_str());
    }
};

// The socket of one exchange, closed on every way out.
struct Socket {
    int fd = -1;
    ~Socket() {
        if (fd >= 0)
            ::close(fd);
    }
};

[[noreturn]] void stuck(std::chrono::milliseconds patience, std::size_t sent, std::size_t total,
                        std::size_t received) {
    std::fprintf(stderr,
                 "fuzz: the server neither closed the connection nor made progress for %lld ms "
                 "(%zu of %zu bytes sent, %zu received)\n",
                 static_cast<long long>(patience.count()), sent, total, received);
    __builtin_trap();
}

// Writes `bytes` (all, unless the server closes or resets), reading what
// comes meanwhile into `received`; then, if `shutdownAfter`, closes the
// sending side; reads until `until` is in `received` (not empty) or the
// server closes. Traps after `patience` without progress.
void pump(int fd, std::string_view bytes, bool shutdownAfter, std::string_view until,
          std::chrono::milliseconds patience, std::string& received) {
    std::size_t sent = 0;
    bool writing = !bytes.empty();
    bool readOpen = true;
    if (!writing && shutdownAfter)
        ::shutdown(fd, SHUT_WR);
    auto lastProgress = Clock::now();
    char chunk[16384];
    while (readOpen) {
        if (!until.empty() && received.find(until) != std::string::npos && !writing)
            return;
        const auto left = patience - std::chrono::duration_cast<std::chrono::milliseconds>(
                                         Clock::now() - lastProgress);
        if (left <= 0ms)
            stuck(patience, sent, bytes.size(), received.size());
        pollfd polled{fd, static_cast<short>(POLLIN | (writing ? POLLOUT : 0)), 0};
        const int ready = ::poll(&polled, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR)
            fatal(std::string("poll: ") + std::strerror(errno));
        if (ready <= 0)
            continue;
        if (polled.revents & (POLLIN | POLLHUP | POLLERR)) {
            const auto got = ::recv(fd, chunk, sizeof chunk, 0);
            if (got > 0) {
                lastProgress = Clock::now();
                // At most the first MiB of the answers is kept for the caller.
                if (received.size() < 1024 * 1024)
                    received.append(chunk, static_cast<std::size_t>(got));
            } else if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
                readOpen = false; // closed or reset by the server
            }
        }
        if (writing && (polled.revents & (POLLOUT | POLLERR))) {
            const auto put = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (put > 0) {
                lastProgress = Clock::now();
                sent += static_cast<std::size_t>(put);
            } else if (put < 0 && errno != EAGAIN && errno != EINTR) {
                writing = false; // the server closed or reset: read its answer
            }
            if (sent == bytes.size()) {
                writing = false;
                if (shutdownAfter)
                    ::shutdown(fd, SHUT_WR);
            }
        }
    }
}

} // namespace

const FuzzServer& fuzzServer() {
    static Holder holder;
    return holder.info;
}

std::string spliceTokens(std::string_view input, const Tokens& tokens) {
    std::string out;
    out.reserve(input.size() + 256);
    for (std::size_t i = 0; i < input.size(); ++i) {
        if (input[i] == '$' && i + 2 < input.size() && input[i + 2] == '$') {
            const std::string* token = nullptr;
            switch (input[i + 1]) {
            case 'D':
                token = &tokens.desk;
                break;
            case 'U':
                token = &tokens.author;
                break;
            case 'R':
                token = &tokens.reviewer;
                break;
            case 'A':
                token = &tokens.admin;
                break;
            case 'L':
                token = &tokens.lead;
                break;
            case 'X':
                token = &tokens.otherTenantAdmin;
                break;
            case 'V':
                token = &tokens.aar;
                break;
            default:
                break;
            }
            if (token) {
                out += *token;
                i += 2;
                continue;
            }
        }
        out += input[i];
    }
    return out;
}

std::string sendAndRead(std::uint16_t port, std::string_view bytes,
                        std::chrono::milliseconds patience, std::string_view preamble,
                        std::string_view waitFor, bool* arrived) {
    Socket socket;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Non-blocking from the start: a connect interrupted by a signal (libFuzzer's
    // timer) goes on and is waited for. A loopback port in TIME_WAIT may make
    // connect fail for a moment.
    for (int attempt = 0;; ++attempt) {
        socket.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (socket.fd < 0)
            fatal(std::string("socket: ") + std::strerror(errno));
        if (::connect(socket.fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0)
            break;
        if (errno == EINPROGRESS || errno == EINTR) {
            pollfd polled{socket.fd, POLLOUT, 0};
            int ready = 0;
            do
                ready = ::poll(&polled, 1, static_cast<int>(patience.count()));
            while (ready < 0 && errno == EINTR);
            int error = 0;
            socklen_t length = sizeof error;
            if (ready == 1 && ::getsockopt(socket.fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 &&
                error == 0)
                break;
            fatal("connect: " + std::string(ready == 1 ? std::strerror(error) : "no answer"));
        }
        if (errno != EADDRNOTAVAIL || attempt == 100)
            fatal(std::string("connect: ") + std::strerror(errno));
        ::close(socket.fd);
        socket.fd = -1;
        std::this_thread::sleep_for(10ms);
    }
    std::string received;
    if (!waitFor.empty()) {
        pump(socket.fd, preamble, false, waitFor, patience, received);
        const bool came = received.find(waitFor) != std::string::npos;
        if (arrived)
            *arrived = came;
        if (!came)
            return received; // closed before it came
    }
    pump(socket.fd, bytes, true, {}, patience, received);
    return received;
}

} // namespace souffleur::fuzz
