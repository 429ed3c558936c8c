// The `souffleur` tool's server commands against the real server (in-process,
// loopback): the teams' logbook and AAR records, as text and as JSON.
#include "cli_support.h"
#include "test_support.h"

#include <souffleur/authoring/cli.h>

#include <boost/beast/http/verb.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace souffleur::authoring;
using souffleur::authoring::test::Result;
using souffleur::authoring::test::runCli;
using souffleur::server::test::TestServer;
namespace json = boost::json;

namespace {

// `command --server URL --token TOKEN` and then `more`.
Result runAgainst(const TestServer& server, const std::string& command, const std::string& token,
                  std::vector<std::string> more = {}) {
    std::vector<std::string> args{
        command, "--server", "http://127.0.0.1:" + std::to_string(server.port()), "--token", token};
    args.insert(args.end(), more.begin(), more.end());
    return runCli(std::move(args));
}

void seedRecords(const TestServer& server) {
    const json::array records{
        json::object{{"type", "logbook"},
                     {"id", "l1"},
                     {"at", "2026-11-23T09:00:00Z"},
                     {"text", "Fotohokje kapot"},
                     {"guide", "g"},
                     {"step", "foto"}},
        json::object{{"type", "logbook"},
                     {"id", "l2"},
                     {"at", "2026-11-24T09:00:00Z"},
                     {"text", "Weer heel"}},
        json::object{{"type", "aar"},
                     {"id", "a1"},
                     {"at", "2026-11-30T15:00:00Z"},
                     {"guide", "g"},
                     {"from", "2026-11-01"},
                     {"to", "2026-11-30"},
                     {"expected", "Binnen 5 minuten"},
                     {"happened", "Vaak 10 minuten"},
                     {"why", "De camera"},
                     {"improve", "Gemeentecamera"},
                     {"actions", json::array{json::object{{"text", "Camera laten maken"}},
                                             json::object{{"text", "Stap aanpassen"},
                                                          {"guide", "g"},
                                                          {"step", "foto"}}}}}};
    const auto body =
        json::serialize(json::object{{"client", "cli-test"}, {"batch", 1}, {"records", records}});
    REQUIRE(souffleur::server::test::send(
                server.port(), souffleur::server::test::post("/api/v1/records", server.deskA, body))
                .status == 200);
}

} // namespace

TEST_CASE("logbook lists a team's entries, newest first", "[authoring][cli][logbook]") {
    TestServer server;
    seedRecords(server);
    const auto text = runAgainst(server, "logbook", server.authorA, {"--team", "Balie A"});
    INFO(text.err);
    CHECK(text.status == kExitOk);
    CHECK(text.out == "[Balie A] 2026-11-24T09:00:00Z: Weer heel\n"
                      "[Balie A] 2026-11-23T09:00:00Z g/foto: Fotohokje kapot\n");
    CHECK(runAgainst(server, "logbook", server.deskA, {"--since", "2026-11-24"}).out ==
          "[Balie A] 2026-11-24T09:00:00Z: Weer heel\n");
    const auto asJson = runAgainst(server, "logbook", server.authorA, {"--limit", "1", "--json"});
    CHECK(asJson.out.starts_with(R"({"logbook":[{"id":"l2","team":"Balie A")"));

    // A desk reads only its own team's; an editor's unknown team is no team.
    const auto other = runAgainst(server, "logbook", server.deskA, {"--team", "Balie B"});
    CHECK(other.status == kExitContentError);
    CHECK(other.err.find("HTTP 403") != std::string::npos);
    const auto unknown = runAgainst(server, "logbook", server.authorB, {"--team", "Balie A"});
    CHECK(unknown.status == kExitContentError);
    CHECK(unknown.err == "souffleur logbook: HTTP 404: no such team\n");
    CHECK(runAgainst(server, "logbook", server.authorA, {"extra"}).status == kExitUsage);
}

TEST_CASE("aar-records lists the teams' After Action Reviews", "[authoring][cli][logbook]") {
    TestServer server;
    seedRecords(server);
    const auto text =
        runAgainst(server, "aar-records", server.reviewerA, {"--team", "Balie A", "--guide", "g"});
    INFO(text.err);
    CHECK(text.status == kExitOk);
    CHECK(text.out == "[Balie A] 2026-11-30T15:00:00Z AAR g (2026-11-01..2026-11-30) id=a1\n"
                      "  expected: Binnen 5 minuten\n"
                      "  happened: Vaak 10 minuten\n"
                      "  why: De camera\n"
                      "  improve: Gemeentecamera\n"
                      "  action: Camera laten maken\n"
                      "  action g/foto: Stap aanpassen\n");
    CHECK(runAgainst(server, "aar-records", server.authorA, {"--guide", "other"}).out.empty());
    CHECK(runCli({"--help"}).out.find("aar-records [--team NAME]") != std::string::npos);
}

TEST_CASE("aar-report writes an AAR with its charts as one self-contained HTML file",
          "[authoring][cli][aar]") {
    TestServer server;
    REQUIRE(souffleur::server::test::send(
                server.port(),
                souffleur::server::test::post("/api/v1/guides", server.reviewerA,
                                              souffleur::server::test::guideXml("g", 1, "Gids G"),
                                              "application/xml"))
                .status == 201);
    const auto created = souffleur::server::test::send(
        server.port(), souffleur::server::test::post("/api/v1/aars", server.leadA,
                                                     R"({"title": "Fotohokje", "guides": ["g"],
                                          "from": "2026-11", "to": "2026-11"})"));
    REQUIRE(created.status == 201);
    const std::string id(created.json().at("id").as_string());
    REQUIRE(souffleur::server::test::send(
                server.port(),
                souffleur::server::test::post("/api/v1/aars/" + id, server.leadA,
                                              R"({"why": "De camera <b>hapert</b>"})",
                                              "application/json", boost::beast::http::verb::put))
                .status == 200);

    const auto dir = std::filesystem::temp_directory_path() /
                     ("souffleur-cli-aar-" + std::to_string(server.port()));
    std::filesystem::create_directories(dir);
    const auto file = (dir / "aar.html").string();
    const auto html = runAgainst(server, "aar-report", server.leadA,
                                 {"--aar", id, "--format", "html", "--out", file});
    INFO(html.err);
    REQUIRE(html.status == 0);
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    const std::string document = text.str();
    CHECK(document.starts_with("<!DOCTYPE html>"));
    CHECK(document.find("<h1>Fotohokje</h1>") != std::string::npos);
    CHECK(document.find("De camera &lt;b&gt;hapert&lt;/b&gt;") != std::string::npos);
    CHECK(document.find("<svg") != std::string::npos);
    CHECK(document.find("<script") == std::string::npos);
    CHECK(document.find("src=") == std::string::npos);
    CHECK(document.find("Geen cijfers") != std::string::npos); // nobody worked with it yet

    // The evidence as text and JSON, and the AAR as PDF.
    const auto summary = runAgainst(server, "aar-report", server.authorA,
                                    {"--guide", "g", "--from", "2026-11", "--to", "2026-11"});
    CHECK(summary.status == 0);
    CHECK(summary.out.find("no figures") != std::string::npos);
    const auto json = runAgainst(server, "aar-report", server.authorA, {"--guide", "g", "--json"});
    CHECK(json.status == 0);
    CHECK(json.out.find("\"evidence\"") != std::string::npos);
    const auto pdfFile = (dir / "aar.pdf").string();
    const auto pdf = runAgainst(server, "aar-report", server.leadA,
                                {"--aar", id, "--format", "pdf", "--out", pdfFile});
    INFO(pdf.err);
    CHECK(pdf.status == 0);
    std::ifstream pdfIn(pdfFile, std::ios::binary);
    std::stringstream pdfBytes;
    pdfBytes << pdfIn.rdbuf();
    CHECK(pdfBytes.str().starts_with("%PDF-1.4"));
    CHECK(pdfBytes.str().find("(Fotohokje)") != std::string::npos);
    CHECK(runAgainst(server, "aar-report", server.leadA, {"--aar", id, "--format", "pdf"}).status ==
          2); // needs --out
    // A team lead asking for another team's evidence is refused.
    const auto other =
        runAgainst(server, "aar-report", server.leadA, {"--guide", "g", "--team", "Balie C"});
    CHECK(other.status != 0);
    CHECK(other.err.find("403") != std::string::npos);
    std::filesystem::remove_all(dir);
}
