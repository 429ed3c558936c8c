// The server's TLS context (see tls.h).
#include "tls.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <ctime>

namespace souffleur::server {

namespace ssl = boost::asio::ssl;

namespace {

// TLS 1.2 suites with forward secrecy and authenticated encryption (TLS 1.3
// suites are all of that and keep OpenSSL's defaults).
constexpr const char* kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                      "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

std::string reason(const boost::system::error_code& error) {
    std::string text = error.message();
    // Asio reports the first queued OpenSSL error; drop the rest.
    ERR_clear_error();
    return text;
}

} // namespace

std::optional<std::int64_t> certificateExpiry(ssl::context& context) {
    const X509* certificate = SSL_CTX_get0_certificate(context.native_handle());
    if (certificate == nullptr)
        return std::nullopt;
    std::tm at{};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(certificate), &at) != 1)
        return std::nullopt;
    return static_cast<std::int64_t>(timegm(&at));
}

std::expected<std::unique_ptr<ssl::context>, std::string>
makeTlsContext(const std::filesystem::path& certificateChain,
               const std::filesystem::path& privateKey) {
    auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
    SSL_CTX* native = context->native_handle();
    if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
        ERR_clear_error();
        return std::unexpected(std::string("cannot configure TLS"));
    }
    context->set_options(ssl::context::default_workarounds | ssl::context::no_compression |
                         ssl::context::single_dh_use);
    SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(native, SSL_MODE_RELEASE_BUFFERS);
    // No session cache: desks reconnect rarely, and a cache is state to bound.
    SSL_CTX_set_session_cache_mode(native, SSL_SESS_CACHE_OFF);
    // Nor TLS 1.3 session tickets, for the same reason.
    SSL_CTX_set_num_tickets(native, 0);

    boost::system::error_code error;
    context->use_certificate_chain_file(certificateChain.string(), error);
    if (error)
        return std::unexpected("cannot use the TLS certificate " + certificateChain.string() +
                               ": " + reason(error));
    context->use_private_key_file(privateKey.string(), ssl::context::pem, error);
    if (error) {
        const bool mismatch =
            error.category() == boost::asio::error::get_ssl_category() &&
            ERR_GET_REASON(static_cast<unsigned long>(error.value())) == X509_R_KEY_VALUES_MISMATCH;
        const std::string why = reason(error);
        if (mismatch)
            return std::unexpected("the TLS private key " + privateKey.string() +
                                   " does not belong to the certificate " +
                                   certificateChain.string());
        return std::unexpected("cannot use the TLS private key " + privateKey.string() + ": " +
                               why);
    }
    if (SSL_CTX_check_private_key(native) != 1) {
        ERR_clear_error();
        return std::unexpected("the TLS private key " + privateKey.string() +
                               " does not belong to the certificate " + certificateChain.string());
    }
    return context;
}

} // namespace souffleur::server
