// libFuzzer target for souffleur-server's whole HTTP path: each input is
// written, as raw bytes, to a new loopback connection to a real server
// started in this process (fuzz_server.h: accounts, tokens, a guide, an
// alert, feedback), which parses it with Beast (http_session.cpp), admits it
// (the route table, the token, the role: routes/api.cpp) and runs the
// route's handler and its storage job. The markers $D$, $U$, $R$, $A$, $L$
// and $X$ become the tokens of a desk, an author, a reviewer, an admin, a
// team lead and another tenant's admin (http.dict has them in headers), so
// the authorised routes are reached too. Then the client's sending side is
// closed and the answer read until the server closes.
// A finding: a crash, an ASan/UBSan report anywhere in the server (its
// threads included), a connection the server neither answers nor closes
// within 5 s of the request's end, an answer that is not HTTP, or a 500
// (the server's own fault: no fuzz input may cause one).
// SOUFFLEUR_FUZZ_VERBOSE=1 prints each answer's status line, =2 the answer.
// Built by bench/fuzz/CMakeLists.txt; run by scripts/fuzz.
#include "fuzz_server.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

namespace http = boost::beast::http;

// The answers, one after another (pipelined requests get one each): each
// must be HTTP, none a 500. Stops at what it cannot read (the answer to a
// HEAD has no body, an answer may be cut off where the kept bytes end).
void checkAnswers(std::string_view answers) {
    if (answers.empty())
        return; // closed without an answer: a refusal at accept, or nothing to answer
    if (!answers.starts_with("HTTP/1.")) {
        std::fprintf(stderr, "fuzz: the answer is not HTTP: %.80s\n", answers.data());
        __builtin_trap();
    }
    while (!answers.empty()) {
        http::response_parser<http::string_body> parser;
        parser.eager(true);
        parser.body_limit(64 * 1024 * 1024);
        boost::beast::error_code error;
        std::size_t used = 0;
        while (!parser.is_done() && used < answers.size()) {
            const auto step = parser.put(
                boost::asio::buffer(answers.data() + used, answers.size() - used), error);
            used += step;
            if (error || step == 0)
                break;
        }
        if (!parser.is_header_done())
            return;
        if (parser.get().result_int() == 500) {
            std::fprintf(stderr, "fuzz: the server answered 500: %s\n",
                         parser.get().body().c_str());
            __builtin_trap();
        }
        if (error || !parser.is_done())
            return;
        answers.remove_prefix(used);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)souffleur::fuzz::fuzzServer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& server = souffleur::fuzz::fuzzServer();
    const std::string request = souffleur::fuzz::spliceTokens(
        std::string_view(reinterpret_cast<const char*>(data), size), server.tokens);
    const std::string answers = souffleur::fuzz::sendAndRead(server.port, request);
    // SOUFFLEUR_FUZZ_VERBOSE=1: each answer's first line and size, to see
    // what seeds reach (build-fuzz/bin/fuzz_http_request -runs=0 DIR).
    // SOUFFLEUR_FUZZ_VERBOSE=2: the whole answer (its first MiB).
    static const char* verbose = std::getenv("SOUFFLEUR_FUZZ_VERBOSE");
    if (verbose)
        std::fprintf(stderr, "fuzz: %zu bytes in, %zu out: %s\n", size, answers.size(),
                     std::string_view(verbose) == "2"
                         ? answers.c_str()
                         : answers.substr(0, answers.find('\r')).c_str());
    checkAnswers(answers);
    return 0;
}
