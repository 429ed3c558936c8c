// Test certificates (see tls_support.h).
#include "tls_support.h"

#include <boost/asio/ip/address.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace souffleur::server::test {
namespace {

struct Free {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
    void operator()(X509* certificate) const { X509_free(certificate); }
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using Key = std::unique_ptr<EVP_PKEY, Free>;
using Certificate = std::unique_ptr<X509, Free>;

void check(bool ok, const char* what) {
    if (!ok)
        throw std::runtime_error(std::string("making a test certificate: ") + what);
}

Key newKey() {
    Key key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    check(key != nullptr, "key");
    return key;
}

void addExtension(X509* certificate, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
    check(extension != nullptr, "extension");
    check(X509_add_ext(certificate, extension, -1) == 1, "add extension");
    X509_EXTENSION_free(extension);
}

// An unsigned certificate for `subjectKey`, named `commonName`, issued by
// `issuer` (or by itself when it is null).
Certificate newCertificate(EVP_PKEY* subjectKey, const std::string& commonName, X509* issuer,
                           long serial) {
    Certificate certificate(X509_new());
    X509* x = certificate.get();
    check(X509_set_version(x, 2) == 1, "version");
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 7L * 24 * 3600);
    check(X509_set_pubkey(x, subjectKey) == 1, "public key");
    X509_NAME* name = X509_get_subject_name(x);
    const auto* cn = reinterpret_cast<const unsigned char*>(commonName.c_str());
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0) == 1, "name");
    check(X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : name) == 1, "issuer");
    return certificate;
}

void writePem(const std::filesystem::path& path, X509* certificate, EVP_PKEY* key) {
    std::unique_ptr<std::FILE, Free> file(std::fopen(path.c_str(), "w"));
    check(file != nullptr, "open file");
    if (certificate)
        check(PEM_write_X509(file.get(), certificate) == 1, "write certificate");
    if (key)
        check(PEM_write_PrivateKey(file.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
              "write key");
}

} // namespace

TestCertificates makeTestCertificates(const std::filesystem::path& dir,
                                      const std::vector<std::string>& names) {
    std::filesystem::create_directories(dir);
    const Key caKey = newKey();
    const Certificate ca = newCertificate(caKey.get(), "Souffleur test CA", nullptr, 1);
    addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
    check(X509_sign(ca.get(), caKey.get(), EVP_sha256()) > 0, "sign CA");

    const Key serverKey = newKey();
    const Certificate server = newCertificate(serverKey.get(), names.front(), ca.get(), 2);
    std::string altNames;
    for (const auto& name : names) {
        boost::system::error_code notAnAddress;
        boost::asio::ip::make_address(name, notAnAddress);
        altNames +=
            (altNames.empty() ? "" : ",") + std::string(notAnAddress ? "DNS:" : "IP:") + name;
    }
    addExtension(server.get(), ca.get(), NID_subject_alt_name, altNames);
    addExtension(server.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth");
    addExtension(server.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    check(X509_sign(server.get(), caKey.get(), EVP_sha256()) > 0, "sign server");

    TestCertificates out{dir / "ca.pem", dir / "server.pem", dir / "server-key.pem"};
    writePem(out.caCertificate, ca.get(), nullptr);
    writePem(out.certificate, server.get(), nullptr);
    writePem(out.privateKey, nullptr, serverKey.get());
    return out;
}

} // namespace souffleur::server::test
