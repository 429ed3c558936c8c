// souffleur::net: the HTTP client every Souffleur client shares (the desk's
// sync client, the `souffleur` tool, the authoring studio). This header is the
// blocking part, free of Asio and Beast: where the server is, a request, its
// response, and request(). Asynchronous users take async_http.h and
// websocket.h.
#pragma once

#include <chrono>
#include <expected>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace souffleur::net {

// Where the server is: parsed from "http://127.0.0.1:8470" or
// "https://souffleur.gemeente.example". Over https the server's certificate
// must be valid for the host and signed by a trusted authority: the system's
// (Debian's ca-certificates), or only those in caFile when it is set (for a
// municipality's own CA or a self-signed test certificate).
struct ServerAddress {
    std::string host;
    std::string port;
    bool tls = false;
    std::string caFile; // PEM; empty: the system's authorities

    static std::expected<ServerAddress, std::string> parse(std::string_view url);
    std::string toString() const { return (tls ? "https://" : "http://") + host + ":" + port; }
};

struct HttpResponse {
    int status = 0;
    std::string contentType;
    std::string body;
};

enum class Method { Get, Post, Patch, Put };

struct HttpRequest {
    Method method = Method::Get;
    std::string target; // "/api/v1/changes?since=3"
    std::string token;  // bearer token; empty for none
    std::string body;
    std::string contentType = "application/json";
    // More header fields, set last (an Authorization here replaces the bearer token's).
    std::vector<std::pair<std::string, std::string>> headers;
};

// One request on a new connection, waiting at most `timeout` in all.
// Transport failures are errors; any HTTP status is a response.
std::expected<HttpResponse, std::string>
request(const ServerAddress& server, const HttpRequest& request,
        std::chrono::milliseconds timeout = std::chrono::seconds(15));

} // namespace souffleur::net
