// What the modes share (see load_support.h).
#include "load_support.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <numeric>
#include <sstream>
#include <sys/resource.h>

namespace load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

double msFrom(std::int64_t ns) {
    return static_cast<double>(ns) / 1e6;
}

// --- Args ---------------------------------------------------------------------

std::optional<Args> Args::parse(int argc, char** argv, int first, std::string& error) {
    Args args;
    for (int i = first; i < argc; ++i) {
        const std::string_view key = argv[i];
        if (!key.starts_with("--") || key.size() < 3) {
            error = "expected --option, found " + std::string(key);
            return std::nullopt;
        }
        if (i + 1 >= argc) {
            error = std::string(key) + " needs a value";
            return std::nullopt;
        }
        args.m_values[std::string(key.substr(2))] = argv[++i];
    }
    return args;
}

std::string Args::text(const std::string& key, const std::string& fallback) const {
    const auto found = m_values.find(key);
    return found == m_values.end() ? fallback : found->second;
}

std::int64_t Args::number(const std::string& key, std::int64_t fallback) const {
    const auto found = m_values.find(key);
    if (found == m_values.end())
        return fallback;
    std::int64_t value = 0;
    const auto& text = found->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        std::cerr << "souffleur_load: --" << key << " needs a number, not " << text << "\n";
        std::exit(2);
    }
    return value;
}

// --- Endpoints, limits, memory --------------------------------------------------

asio::ip::tcp::endpoint Endpoint::tcp() const {
    return {asio::ip::make_address(host), port};
}

std::optional<Endpoint> parseEndpoint(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    Endpoint out{std::string(text.substr(0, colon)), 0};
    const auto portText = text.substr(colon + 1);
    const auto [end, error] =
        std::from_chars(portText.data(), portText.data() + portText.size(), out.port);
    if (error != std::errc() || end != portText.data() + portText.size() || out.port == 0)
        return std::nullopt;
    boost::system::error_code parseError;
    const auto address = asio::ip::make_address(out.host, parseError);
    if (parseError || !address.is_loopback())
        return std::nullopt;
    return out;
}

std::uint64_t raiseFileLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_cur;
}

std::optional<std::int64_t> residentKb(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (!line.starts_with("VmRSS:"))
            continue;
        std::istringstream fields(line.substr(6));
        std::int64_t kb = 0;
        if (fields >> kb)
            return kb;
    }
    return std::nullopt;
}

std::optional<std::int64_t> cpuNs(int pid) {
    std::error_code error;
    const std::filesystem::path tasks = "/proc/" + std::to_string(pid) + "/task";
    std::int64_t total = 0;
    bool any = false;
    for (const auto& task : std::filesystem::directory_iterator(tasks, error)) {
        std::ifstream in(task.path() / "schedstat");
        std::int64_t ns = 0;
        if (in >> ns) {
            total += ns;
            any = true;
        }
    }
    if (error || !any)
        return std::nullopt;
    return total;
}

// --- TLS ---------------------------------------------------------------------------

std::shared_ptr<asio::ssl::context> clientTlsContext(const std::string& caFile,
                                                     std::string& error) {
    auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
    SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
    context->set_verify_mode(asio::ssl::verify_peer);
    boost::system::error_code code;
    context->load_verify_file(caFile, code);
    if (code) {
        ERR_clear_error();
        error = "cannot load the certificate authorities in " + caFile + ": " + code.message();
        return nullptr;
    }
    return context;
}

bool prepareTls(TlsStream& stream, const std::string& host, std::string& error) {
    boost::system::error_code code;
    stream.set_verify_callback(asio::ssl::host_name_verification(host), code);
    if (code) {
        error = "cannot set up TLS: " + code.message();
        return false;
    }
    asio::ip::make_address(host, code);
    const bool isName = static_cast<bool>(code);
    // SSL_set_tlsext_host_name() without its C cast.
    if (isName && SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME,
                           TLSEXT_NAMETYPE_host_name, const_cast<char*>(host.c_str())) != 1) {
        ERR_clear_error();
        error = "cannot set up TLS for " + host;
        return false;
    }
    return true;
}

std::optional<DemoTokens> readDemoTokens(const std::string& path, std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = "cannot read " + path;
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    boost::system::error_code parseError;
    const auto value = json::parse(text.str(), parseError);
    if (parseError || !value.is_array()) {
        error = path + " is not a JSON list";
        return std::nullopt;
    }
    DemoTokens tokens;
    for (const auto& entry : value.as_array()) {
        const auto* account = entry.if_object();
        if (account == nullptr || !account->contains("token") || !account->contains("role"))
            continue;
        const std::string token(account->at("token").as_string());
        if (account->at("role") == "desk")
            tokens.desks.push_back(token);
        if (account->contains("name") && account->at("name") == "redacteur")
            tokens.author = token;
        if (account->at("role") == "admin" && tokens.admin.empty())
            tokens.admin = token;
    }
    if (tokens.desks.empty() || tokens.author.empty()) {
        error = path + " has no desk token or no redacteur token";
        return std::nullopt;
    }
    return tokens;
}

// --- The bench alert --------------------------------------------------------------

std::string alertXml(const std::string& id, std::int64_t revision) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<alert xmlns=\"urn:x-souffleur:guide:1\" id=\"" +
           id + "\" revision=\"" + std::to_string(revision) +
           "\" level=\"critical\" acknowledge=\"required\"><title>Bench alert " +
           std::to_string(revision) +
           "</title><body>Load test: a fraud signal for every desk.</body>"
           "<valid from=\"2026-11-01\" to=\"2027-02-28\"/></alert>\n";
}

std::string alertNotice(const std::string& id, std::int64_t revision, std::int64_t seq) {
    // The real server's key order (routes/api.cpp, notifyChange).
    json::object change{{"seq", seq},
                        {"kind", "alert"},
                        {"id", id},
                        {"revision", revision},
                        {"xml", alertXml(id, revision)}};
    return json::serialize(
        json::object{{"type", "changed"}, {"seq", seq}, {"change", std::move(change)}});
}

std::string noticeNeedle(const std::string& id, std::int64_t revision) {
    return "\"kind\":\"alert\",\"id\":" + json::serialize(json::string(id)) +
           ",\"revision\":" + std::to_string(revision) + ",";
}

bool isNotice(std::string_view message, const std::string& needle, const std::string& id,
              std::int64_t revision) {
    if (message.find(needle) != std::string_view::npos)
        return true;
    if (message.find("\"changed\"") == std::string_view::npos)
        return false;
    boost::system::error_code error;
    const auto value = json::parse(message, error);
    const auto* object = error ? nullptr : value.if_object();
    const auto* change = object ? object->if_contains("change") : nullptr;
    const auto* fields = change ? change->if_object() : nullptr;
    if (fields == nullptr)
        return false;
    const auto* kind = fields->if_contains("kind");
    const auto* changeId = fields->if_contains("id");
    const auto* changeRevision = fields->if_contains("revision");
    return kind && *kind == "alert" && changeId && *changeId == id.c_str() && changeRevision &&
           changeRevision->is_int64() && changeRevision->as_int64() == revision;
}

std::map<std::string, double> serverMetrics(const Endpoint& server, const std::string& adminToken) {
    std::map<std::string, double> out;
    if (adminToken.empty())
        return out;
    BlockingHttp http(server);
    std::string error;
    const auto response = http.request(http::verb::get, "/metrics", adminToken, "", "", error);
    if (!response || response->result() != http::status::ok)
        return out;
    std::istringstream lines(response->body());
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line.starts_with('#') || line.find('{') != std::string::npos)
            continue;
        const auto space = line.find(' ');
        if (space == std::string::npos)
            continue;
        try {
            out[line.substr(0, space)] = std::stod(line.substr(space + 1));
        } catch (const std::exception&) {
            // not a number: not a sample we use
        }
    }
    return out;
}

// --- Figures ----------------------------------------------------------------------

Percentiles percentiles(std::vector<double> values) {
    Percentiles out;
    if (values.empty())
        return out;
    std::ranges::sort(values);
    const auto rank = [&values](double p) {
        const auto index =
            static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
        return values[std::clamp<std::size_t>(index, 1, values.size()) - 1];
    };
    out.count = values.size();
    out.min = values.front();
    out.p50 = rank(50);
    out.p95 = rank(95);
    out.p99 = rank(99);
    out.max = values.back();
    out.mean =
        std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    return out;
}

std::string fixed(double value, int decimals) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

std::string formatMs(double ms) {
    return fixed(ms, 1) + " ms";
}

std::string ratioText(double server, double baseline) {
    if (baseline <= 0)
        return "-";
    return fixed(server / baseline, 2) + "x";
}

void summaryLine(const std::string& figure, const std::string& server, const std::string& baseline,
                 const std::string& ratio, const std::string& target, const std::string& verdict) {
    std::cout << "SUMMARY|" << figure << "|" << server << "|" << baseline << "|" << ratio << "|"
              << target << "|" << verdict << std::endl;
}

// --- BlockingHttp -------------------------------------------------------------------

struct BlockingHttp::Impl {
    asio::io_context ioc;
    std::optional<beast::tcp_stream> plain; // one of the two, once connected
    std::optional<TlsStream> secure;
    beast::flat_buffer buffer;
    bool connected = false;

    asio::ip::tcp::socket* socket() {
        if (secure)
            return &beast::get_lowest_layer(*secure).socket();
        return plain ? &plain->socket() : nullptr;
    }
    void close() {
        boost::system::error_code ignored;
        if (auto* s = socket()) {
            s->shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
            s->close(ignored);
        }
        secure.reset();
        plain.reset();
        connected = false;
    }
};

namespace {

// One request and its answer on a connected stream, plain or TLS.
template <class Stream>
void exchange(Stream& stream, beast::flat_buffer& buffer,
              http::serializer<true, http::string_body>& serializer,
              BlockingHttp::Response& response, boost::system::error_code& writeError,
              boost::system::error_code& readError, std::int64_t* sentNs) {
    if (sentNs != nullptr)
        *sentNs = nowNs();
    http::write(stream, serializer, writeError);
    if (!writeError)
        http::read(stream, buffer, response, readError);
}

} // namespace

BlockingHttp::BlockingHttp(Endpoint endpoint)
    : m_endpoint(std::move(endpoint))
    , m_impl(std::make_unique<Impl>()) {}

BlockingHttp::~BlockingHttp() {
    m_impl->close();
}

bool BlockingHttp::connect(std::string& error) {
    m_impl->close();
    m_impl->buffer.clear();
    beast::tcp_stream stream(m_impl->ioc);
    boost::system::error_code code;
    stream.socket().connect(m_endpoint.tcp(), code);
    if (code) {
        error = "cannot connect to " + m_endpoint.toString() + ": " + code.message();
        return false;
    }
    stream.socket().set_option(asio::ip::tcp::no_delay(true));
    if (!m_endpoint.tls) {
        m_impl->plain.emplace(std::move(stream));
        m_impl->connected = true;
        return true;
    }
    m_impl->secure.emplace(std::move(stream), *m_endpoint.tls);
    if (!prepareTls(*m_impl->secure, m_endpoint.host, error)) {
        m_impl->close();
        return false;
    }
    m_impl->secure->handshake(asio::ssl::stream_base::client, code);
    if (code) {
        error = "TLS handshake with " + m_endpoint.toString() + " failed: " + code.message();
        ERR_clear_error();
        m_impl->close();
        return false;
    }
    m_impl->connected = true;
    return true;
}

std::optional<BlockingHttp::Response>
BlockingHttp::request(http::verb verb, const std::string& target, const std::string& token,
                      const std::string& contentType, std::string body, std::string& error,
                      std::int64_t* sentNs, std::int64_t* answeredNs) {
    if (!m_impl->connected && !connect(error))
        return std::nullopt;
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, m_endpoint.toString());
    request.set(http::field::user_agent, "souffleur_load");
    if (!token.empty())
        request.set(http::field::authorization, "Bearer " + token);
    if (!contentType.empty())
        request.set(http::field::content_type, contentType);
    request.keep_alive(true);
    request.body() = std::move(body);
    request.prepare_payload();
    http::serializer<true, http::string_body> serializer(request);
    Response response;
    boost::system::error_code writeError;
    boost::system::error_code readError;
    // Plain: straight on the socket, as before TLS came (no tcp_stream timer).
    if (m_impl->secure)
        exchange(*m_impl->secure, m_impl->buffer, serializer, response, writeError, readError,
                 sentNs);
    else
        exchange(m_impl->plain->socket(), m_impl->buffer, serializer, response, writeError,
                 readError, sentNs);
    if (answeredNs != nullptr)
        *answeredNs = nowNs();
    if (writeError) {
        m_impl->connected = false;
        error = "cannot send " + target + ": " + writeError.message();
        return std::nullopt;
    }
    if (readError) {
        m_impl->connected = false;
        error = "cannot read the answer to " + target + ": " + readError.message();
        return std::nullopt;
    }
    if (!response.keep_alive())
        m_impl->connected = false;
    return response;
}

} // namespace load
