// The `souffleur` tool against the real server over TLS: --ca-file (or
// SOUFFLEUR_CA_FILE) names the authority to trust; without it the system's
// authorities do not know the test certificate and the command fails.
#include "test_paths.h"
#include "test_support.h"
#include "tls_support.h"

#include <souffleur/authoring/cli.h>

#include <catch2/catch.hpp>

#include <sstream>

using namespace souffleur;

TEST_CASE("server commands speak https and check the certificate", "[authoring][cli][tls]") {
    const auto certificates =
        server::test::makeTestCertificates(souffleur::test::freshPath("cli-tls"));
    server::Config config;
    config.tlsCertificate = certificates.certificate;
    config.tlsPrivateKey = certificates.privateKey;
    server::test::TestServer server(config);
    const std::string url = "https://localhost:" + std::to_string(server.port());
    const auto guide = SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml";

    std::ostringstream out;
    std::ostringstream err;
    const std::vector<std::string> untrusted = {"publish", "--server",       url,
                                                "--token", server.reviewerA, guide};
    CHECK(authoring::run(untrusted, out, err) == authoring::kExitContentError);
    CHECK_THAT(err.str(), Catch::Contains("certificate verify failed"));

    const std::vector<std::string> trusted = {"publish",
                                              "--server",
                                              url,
                                              "--token",
                                              server.reviewerA,
                                              "--ca-file",
                                              certificates.caCertificate.string(),
                                              guide};
    err.str("");
    CHECK(authoring::run(trusted, out, err) == authoring::kExitOk);
    INFO(err.str());
    CHECK(server.queryInt("SELECT count(*) FROM revisions WHERE state = 'published'") == 1);
}
