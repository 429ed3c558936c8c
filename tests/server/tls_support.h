// Test support for TLS: a certificate authority made on the spot, and server
// certificates it signs, written as PEM files. Nothing is downloaded and no
// `openssl` command is needed: OpenSSL's library makes them (P-256 keys).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace souffleur::server::test {

struct TestCertificates {
    std::filesystem::path caCertificate; // the authority clients trust
    std::filesystem::path certificate;   // the server's, signed by the authority
    std::filesystem::path privateKey;    // the server's key
};

// Writes a fresh authority and a server certificate for `names` (each an IP
// address or a DNS name, e.g. {"127.0.0.1", "localhost"}) into `dir`.
TestCertificates makeTestCertificates(const std::filesystem::path& dir,
                                      const std::vector<std::string>& names = {"127.0.0.1",
                                                                               "localhost"});

} // namespace souffleur::server::test
