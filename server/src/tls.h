// Private: the server's TLS settings. A certificate chain and its private key
// (PEM files) make an Asio SSL context that every TLS connection shares:
// TLS 1.2 and 1.3 only, forward-secret AEAD ciphers for 1.2, no renegotiation
// or compression, and read/write buffers released while a connection is idle
// (an idle notify WebSocket then costs little more than a plain one).
#pragma once

#include <boost/asio/ssl/context.hpp>

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace souffleur::server {

// The error names the file and OpenSSL's reason.
std::expected<std::unique_ptr<boost::asio::ssl::context>, std::string>
makeTlsContext(const std::filesystem::path& certificateChain,
               const std::filesystem::path& privateKey);

// When the context's certificate (the first of the chain) expires, in Unix
// seconds; nullopt when it cannot be read.
std::optional<std::int64_t> certificateExpiry(boost::asio::ssl::context& context);

} // namespace souffleur::server
