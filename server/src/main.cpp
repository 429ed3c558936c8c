// souffleur-server: the sync server's command line, a thin shell over
// souffleur::server_core: parse the options, seed the demo (demo.h), start
// the Server (server.h), write the port file, wait for SIGINT or SIGTERM, stop.
#include <souffleur/server/admin.h>
#include <souffleur/server/demo.h>
#include <souffleur/server/log.h>
#include <souffleur/server/server.h>
#include <souffleur/server/storage.h>
#include <souffleur/version.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <charconv>
#include <csignal>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace souffleur;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage = R"(Usage: souffleur-server [options]
       souffleur-server admin --data DIR COMMAND   (tenants, teams, accounts,
                                                   tokens, audit: `admin help`)

The Souffleur sync server: publishes guides to the desks of a municipality
and collects their records (docs/api.md). Logs JSON lines on stderr; stops
cleanly on SIGINT or SIGTERM; reads its TLS certificate and key
again on SIGHUP (open connections keep theirs).

Options:
  --config FILE       read options from FILE first, one per line: `listen =
                      127.0.0.1:8470`, `demo` (options given here win)
  --data DIR          data directory, holding souffleur.sqlite
                      (default ./souffleur-data; created if missing)
  --listen ADDR:PORT  where to listen (default 127.0.0.1:8470; port 0 picks a
                      free port, see --port-file)
  --threads N         I/O threads (default 2)
  --max-connections N
                      open connections at most, HTTP and notify WebSockets
                      together (default 10000: every desk keeps one notify
                      socket open); beyond that a new connection is closed
                      at once. Mind the open-files limit (ulimit -n).
  --max-connections-per-address N
                      open connections from one remote address that have not
                      yet shown a valid token (default 64); once a request
                      with a valid token is admitted, the connection no
                      longer counts: desks behind one NAT address are not
                      limited
  --max-requests-per-second N
                      requests per second from one account (from one remote
                      address without a valid token), on average, in bursts
                      of up to twice as many (default 200; 0: no limit);
                      beyond that a request gets 429
  --trusted-proxy ADDR
                      a reverse proxy in front of the server (repeat for
                      more): its connections have no per-address cap, and
                      its requests count as from the client its
                      X-Forwarded-For names (rate limit, audit log)
  --xapi-retry-max SECONDS
                      the longest wait before an organisation's LRS is tried
                      again (default 600; the wait doubles from 5 seconds)
  --tls-cert FILE     serve HTTPS and WSS with this PEM certificate chain
                      (the server's certificate first, then intermediates)
  --tls-key FILE      ... and this PEM private key (TLS 1.2 and 1.3 only).
                      With TLS the server may listen on any address.
  --allow-remote      allow a non-loopback ADDR without TLS; the server then
                      speaks plain HTTP, so tokens cross the network unencrypted
  --port-file FILE    write the port number to FILE once listening
  --demo              seed a demo municipality into an empty data directory:
                      teams "Balie Noord" and "Balie Zuid", accounts
                      balie-noord-1, balie-zuid-1 (desk), redacteur (author),
                      kwaliteit (reviewer), beheer (admin), and every *.xml
                      guide of the library. With data from an earlier --demo
                      run, the data is kept. Every --demo start revokes the
                      demo accounts' tokens and issues new ones, written to
                      DIR/demo-tokens.json (mode 0600, one account per line).
  --library DIR       the guides --demo publishes
                      (default: the source tree's content/library)
  --help              show this help
  --version           show the version

Exit status: 0 after a clean stop, 1 when the server cannot start, 2 on
usage errors.
)";

struct Options {
    server::Config config;
    bool demo = false;
    std::filesystem::path libraryDir = kSourceLibraryDir;
    std::optional<std::filesystem::path> portFile;
};

template <typename T>
std::optional<T> parseNumber(std::string_view text) {
    T value{};
    const auto* end = text.data() + text.size();
    const auto [next, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || next != end || text.empty())
        return std::nullopt;
    return value;
}

// "127.0.0.1:8470", "[::1]:0"
bool parseListen(std::string_view text, server::Config& config) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos)
        return false;
    auto address = text.substr(0, colon);
    if (address.size() >= 2 && address.front() == '[' && address.back() == ']')
        address = address.substr(1, address.size() - 2);
    const auto port = parseNumber<std::uint16_t>(text.substr(colon + 1));
    if (address.empty() || !port)
        return false;
    config.address = std::string(address);
    config.port = *port;
    return true;
}

// The options, or a usage error.
std::expected<Options, std::string> parseArguments(std::span<const std::string> args) {
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        const auto value = [&]() -> std::optional<std::string_view> {
            if (i + 1 >= args.size())
                return std::nullopt;
            return std::string_view(args[++i]);
        };
        if (arg == "--demo") {
            options.demo = true;
        } else if (arg == "--allow-remote") {
            options.config.allowRemote = true;
        } else if (arg == "--data" || arg == "--library" || arg == "--port-file" ||
                   arg == "--listen" || arg == "--threads" || arg == "--max-connections" ||
                   arg == "--max-connections-per-address" || arg == "--max-requests-per-second" ||
                   arg == "--tls-cert" || arg == "--tls-key" || arg == "--xapi-retry-max" ||
                   arg == "--trusted-proxy") {
            const auto text = value();
            if (!text || text->empty())
                return std::unexpected(std::string(arg) + " needs a value");
            if (arg == "--data") {
                options.config.dataDir = *text;
            } else if (arg == "--library") {
                options.libraryDir = *text;
            } else if (arg == "--port-file") {
                options.portFile = *text;
            } else if (arg == "--trusted-proxy") {
                boost::system::error_code error;
                const auto address = boost::asio::ip::make_address(std::string(*text), error);
                if (error)
                    return std::unexpected("--trusted-proxy needs an IP address, not " +
                                           std::string(*text));
                options.config.trustedProxies.push_back(address.to_string());
            } else if (arg == "--tls-cert") {
                options.config.tlsCertificate = *text;
            } else if (arg == "--tls-key") {
                options.config.tlsPrivateKey = *text;
            } else if (arg == "--listen") {
                if (!parseListen(*text, options.config))
                    return std::unexpected("--listen needs ADDR:PORT, not " + std::string(*text));
            } else if (arg == "--max-requests-per-second") {
                const auto rate = parseNumber<std::size_t>(*text);
                if (!rate || *rate > 1'000'000)
                    return std::unexpected(std::string(arg) + " needs a number from 0 to 1000000");
                options.config.maxRequestsPerSecondPerAddress = static_cast<double>(*rate);
            } else if (arg == "--xapi-retry-max") {
                const auto seconds = parseNumber<int>(*text);
                if (!seconds || *seconds < 1 || *seconds > 86'400)
                    return std::unexpected(
                        std::string("--xapi-retry-max needs seconds from 1 to 86400"));
                options.config.xapiLongestRetry = std::chrono::seconds(*seconds);
                options.config.xapiFirstRetry =
                    std::min(options.config.xapiFirstRetry, options.config.xapiLongestRetry);
            } else if (arg == "--max-connections" || arg == "--max-connections-per-address") {
                const auto cap = parseNumber<std::size_t>(*text);
                if (!cap || *cap < 1 || *cap > 1'000'000)
                    return std::unexpected(std::string(arg) + " needs a number from 1 to 1000000");
                (arg == "--max-connections" ? options.config.maxConnections
                                            : options.config.maxConnectionsPerAddress) = *cap;
            } else {
                const auto threads = parseNumber<int>(*text);
                if (!threads || *threads < 1 || *threads > 64)
                    return std::unexpected(std::string("--threads needs a number from 1 to 64"));
                options.config.threads = *threads;
            }
        } else {
            return std::unexpected("unknown option " + std::string(arg));
        }
    }
    return options;
}

// A config file as command-line arguments: one option per line, `name = value`
// (the long option without its dashes) or `name` alone for a switch (`demo`,
// `allow-remote`); blank lines and lines starting with '#' are skipped.
std::expected<std::vector<std::string>, std::string> readConfig(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        return std::unexpected("cannot read the config file " + file.string());
    const auto trim = [](std::string_view text) {
        const auto first = text.find_first_not_of(" \t\r");
        const auto last = text.find_last_not_of(" \t\r");
        return first == std::string_view::npos ? std::string_view{}
                                               : text.substr(first, last - first + 1);
    };
    std::vector<std::string> args;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const auto content = trim(line);
        if (content.empty() || content.front() == '#')
            continue;
        const auto equals = content.find('=');
        const auto name = trim(content.substr(0, equals));
        if (name.empty() || name == "config" || name.starts_with('-'))
            return std::unexpected(file.string() + ":" + std::to_string(number) +
                                   ": expected `name = value` or a switch's name");
        args.push_back("--" + std::string(name));
        if (equals != std::string_view::npos)
            args.emplace_back(trim(content.substr(equals + 1)));
    }
    return args;
}

bool prepareDemo(const Options& options) {
    const auto& dataDir = options.config.dataDir;
    if (auto ok = server::prepareDataDir(dataDir); !ok) {
        server::logLine("cannot start", {{"error", ok.error()}});
        return false;
    }
    auto db = server::openStore(server::databasePath(dataDir));
    if (!db) {
        server::logLine("cannot start",
                        {{"error", "cannot open the store: " + db.error().message}});
        return false;
    }
    auto accounts = server::seedDemo(*db, options.libraryDir);
    if (!accounts) {
        server::logLine("cannot start", {{"error", accounts.error()}});
        return false;
    }
    const auto file = server::demoTokensPath(dataDir);
    if (auto ok = server::writeDemoTokens(file, *accounts); !ok) {
        server::logLine("cannot start", {{"error", ok.error()}});
        return false;
    }
    server::logLine("demo: tokens written", {{"file", file.string()}});
    return true;
}

// Written whole (to a temporary file, then renamed), so a reader never sees half a number.
bool writePortFile(const std::filesystem::path& file, std::uint16_t port) {
    auto temporary = file;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << port << "\n";
        if (!out)
            return false;
    }
    std::error_code error;
    std::filesystem::rename(temporary, file, error);
    return !error;
}

} // namespace

int main(int argc, char** argv) {
    const std::span<char* const> args(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0));
    if (!args.empty() && std::string_view(args.front()) == "admin") {
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        return server::runAdmin(rest, std::cout, std::cerr);
    }
    for (const std::string_view arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::cout << kUsage;
            return kExitOk;
        }
        if (arg == "--version") {
            std::cout << "souffleur-server " << kVersion << "\n";
            return kExitOk;
        }
    }
    // The config file's options first, so that the command line's win.
    std::vector<std::string> all;
    std::vector<std::string> given;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (std::string_view(args[i]) == "--config" && i + 1 < args.size()) {
            auto config = readConfig(args[++i]);
            if (!config) {
                std::cerr << "souffleur-server: " << config.error() << "\n";
                return kExitUsage;
            }
            all.insert(all.end(), config->begin(), config->end());
        } else {
            given.emplace_back(args[i]);
        }
    }
    all.insert(all.end(), given.begin(), given.end());
    auto options = parseArguments(all);
    if (!options) {
        std::cerr << "souffleur-server: " << options.error() << "\n\n" << kUsage;
        return kExitUsage;
    }

    // Installed before anything starts, so a signal never kills the process midway.
    boost::asio::io_context signalContext;
    boost::asio::signal_set signals(signalContext, SIGINT, SIGTERM, SIGHUP);

    if (options->demo && !prepareDemo(*options))
        return kExitFailure;
    server::Server server(options->config);
    if (auto ok = server.start(); !ok) {
        server::logLine("cannot start", {{"error", ok.error()}});
        return kExitFailure;
    }
    if (options->portFile && !writePortFile(*options->portFile, server.port())) {
        server::logLine("cannot start",
                        {{"error", "cannot write the port file " + options->portFile->string()}});
        return kExitFailure;
    }

    // SIGHUP: the TLS certificate and key are read again (a renewed
    // certificate), for the connections that come after; open ones go on.
    int signalNumber = 0;
    std::function<void()> waitForSignal = [&] {
        signals.async_wait([&](const boost::system::error_code& error, int number) {
            if (error)
                return;
            if (number != SIGHUP) {
                signalNumber = number;
                return;
            }
            (void)server.reloadTls(); // logs what became of it
            waitForSignal();
        });
    };
    waitForSignal();
    signalContext.run();
    server::logLine("stopping", {{"signal", signalNumber}});
    server.stop();
    return kExitOk;
}
