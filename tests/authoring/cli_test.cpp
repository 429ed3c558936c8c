// The `souffleur` tool in-process: exit codes and messages of its commands.
#include "cli_support.h"

#include <souffleur/authoring/cli.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace souffleur::authoring;
using souffleur::authoring::test::Result;
using souffleur::authoring::test::runCli;

namespace {

std::string writeTemp(const std::string& name, const std::string& text) {
    auto dir = std::filesystem::temp_directory_path() /
               ("souffleur-cli-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / name).string();
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST_CASE("validate accepts the demo library", "[authoring][cli]") {
    const auto r =
        runCli({"validate", SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml"});
    CHECK(r.status == kExitOk);
    CHECK(r.out.find(": ok (guide nl.burgerzaken.identiteit-vaststellen, revision 3") !=
          std::string::npos);
}

TEST_CASE("validate reports file:line:col and exits 1", "[authoring][cli]") {
    const auto path = writeTemp("bad.xml", "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"x\" "
                                           "revision=\"1\">\n<title>t</title>\n</guide>\n");
    const auto r = runCli({"validate", path});
    CHECK(r.status == kExitContentError);
    CHECK(r.err.find(path + ":1:") == 0);
    CHECK(r.err.find("at least one <step>") != std::string::npos);
}

TEST_CASE("lint checks the library together and fails only on errors", "[authoring][cli]") {
    const std::string library = SOUFFLEUR_SOURCE_DIR "/content/library/";
    const auto clean =
        runCli({"lint", library + "identiteit-vaststellen.xml", library + "rijbewijs-verlengen.xml",
                library + "alerts/look-alike-2026-11.xml"});
    CHECK(clean.status == kExitOk);
    CHECK(clean.out.find("3 of 3 files checked") != std::string::npos);

    const auto loop = writeTemp("loop.xml", R"(<guide xmlns="urn:x-souffleur:guide:1" id="t.loop"
        revision="1"><title>t</title><owner team="x"/>
        <step id="a"><glance>a</glance><decision><option goto="b">1</option>
        <option goto="b">2</option></decision></step>
        <step id="b"><glance>b</glance><decision><option goto="a">1</option>
        <option goto="a">2</option></decision></step></guide>)");
    const auto r = runCli({"lint", loop});
    CHECK(r.status == kExitContentError);
    // At the line of the step where the loop is found, and naming the steps.
    CHECK(r.err.find(loop + ":3: error: steps 'a' -> 'b' -> 'a' form a loop") != std::string::npos);
}

TEST_CASE("fmt canonicalises in place, checks, or prints", "[authoring][cli]") {
    const auto path = writeTemp("messy.xml", R"(<guide xmlns="urn:x-souffleur:guide:1"
        revision="1" id="t.messy"><title>  Rommelig
        </title><step id="a"><glance>Doe   het</glance></step></guide>)");
    CHECK(runCli({"fmt", "--check", path}).status == kExitContentError);
    const auto printed = runCli({"fmt", "--stdout", path});
    CHECK(printed.status == kExitOk);
    CHECK(printed.out.find("<title>Rommelig</title>") != std::string::npos);
    CHECK(runCli({"fmt", path}).out.find("formatted") != std::string::npos);
    CHECK(runCli({"fmt", "--check", path}).status == kExitOk);
    CHECK(runCli({"fmt", "--check",
                  SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml"})
              .status == kExitOk);
}

TEST_CASE("render writes the whole guide as one page", "[authoring][cli]") {
    const auto out = writeTemp("preview.html", "");
    const auto r = runCli(
        {"render", SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml", "-o", out});
    CHECK(r.status == kExitOk);
    std::ifstream in(out);
    std::stringstream html;
    html << in.rdbuf();
    CHECK(html.str().find("id=\"step-escalatie\"") != std::string::npos);
    CHECK(html.str().find("Content-Security-Policy") != std::string::npos);
    CHECK(runCli({"render", "x.xml"}).status == kExitUsage);
}

TEST_CASE("render --step writes one step's desk page, --alerts puts alerts in their steps",
          "[authoring][cli]") {
    const std::string guide = SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml";
    const std::string alerts = SOUFFLEUR_SOURCE_DIR "/content/library/alerts";
    const auto read = [](const std::string& file) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    };
    const auto step = writeTemp("step.html", "");
    REQUIRE(runCli({"render", guide, "-o", step, "--step", "gezicht", "--alerts", alerts}).status ==
            kExitOk);
    const std::string page = read(step);
    CHECK(page.find("Stap 1 van") != std::string::npos);
    CHECK(page.find("Nieuw patroon: look-alikes") != std::string::npos); // attached to gezicht
    CHECK(page.find("UV-lampen") == std::string::npos);                  // attached to echtheid
    CHECK(page.find("id=\"step-") == std::string::npos);                 // not the whole guide

    const auto preview = writeTemp("preview-alerts.html", "");
    REQUIRE(runCli({"render", guide, "-o", preview, "--alerts", alerts}).status == kExitOk);
    const std::string whole = read(preview);
    CHECK(whole.find("UV-lampen") > whole.find("id=\"step-echtheid\""));

    CHECK(runCli({"render", guide, "-o", step, "--step", "nope"}).status == kExitUsage);
    CHECK(runCli({"render", guide, "-o", step, "--alerts", "/nonexistent"}).status ==
          kExitContentError);
}

TEST_CASE("export-dita and import-dita carry a guide's steps there and back", "[authoring][cli]") {
    const auto dita = writeTemp("identity.dita", "");
    const auto back = writeTemp("identity-back.xml", "");
    CHECK(runCli({"export-dita", SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml",
                  "-o", dita})
              .status == kExitOk);
    const auto imported = runCli({"import-dita", dita, "-o", back});
    CHECK(imported.status == kExitOk);
    CHECK(imported.out.find("imported 7 steps") != std::string::npos);
    CHECK(runCli({"validate", back}).status == kExitOk);
    CHECK(runCli({"import-dita", dita}).status == kExitUsage);
}

TEST_CASE("usage errors exit 2", "[authoring][cli]") {
    CHECK(runCli({}).status == kExitUsage);
    CHECK(runCli({"frobnicate"}).status == kExitUsage);
    CHECK(runCli({"validate"}).status == kExitUsage);
    CHECK(runCli({"validate", "--nope", "x.xml"}).status == kExitUsage);
    CHECK(runCli({"publish", "x.xml"}).status == kExitUsage); // no server, no token
    CHECK(runCli({"aar-report", "--server", "http://127.0.0.1:1", "--token", "t"}).status ==
          kExitUsage);
    CHECK(runCli({"publish", "--server", "ftp://x", "--token", "t", "x.xml"}).status == kExitUsage);
}

TEST_CASE("an unreachable server is an error, not a hang", "[authoring][cli]") {
    const auto path = SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml";
    // Port 1 on loopback: nothing listens there.
    const auto r = runCli({"publish", "--server", "http://127.0.0.1:1", "--token", "t", path});
    CHECK(r.status == kExitContentError);
    CHECK(r.err.find("cannot connect") != std::string::npos);
}

TEST_CASE("--help and --version", "[authoring][cli]") {
    CHECK(runCli({"--help"}).out.find("aar-report") != std::string::npos);
    CHECK(runCli({"--version"}).out.find("souffleur 0.") == 0);
}

TEST_CASE("diff exits like diff(1): 0 same, 1 different, 2 on an error", "[authoring][cli][diff]") {
    const std::string original = SOUFFLEUR_SOURCE_DIR "/content/library/identiteit-vaststellen.xml";
    std::ifstream in(original);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string xml = buffer.str();
    const auto glance = xml.find("<glance>") + 8;
    xml.insert(glance, "Eerst: ");
    const auto edited = writeTemp("edited.xml", xml);

    const auto same = runCli({"diff", original, original});
    CHECK(same.status == 0);
    CHECK(same.out.find("no changes") != std::string::npos);

    const auto differ = runCli({"diff", original, edited});
    CHECK(differ.status == 1);
    CHECK(differ.out.find("~ step 1 (gezicht)") != std::string::npos);
    CHECK(differ.out.find("glance: {+Eerst: +}Vergelijk") != std::string::npos);

    const auto json = runCli({"diff", "--json", original, edited});
    CHECK(json.status == 1);
    CHECK(json.out.find(R"("summary":{"nl":"Stap 1 gewijzigd.")") != std::string::npos);

    const auto alert = runCli(
        {"diff", original, SOUFFLEUR_SOURCE_DIR "/content/library/alerts/uv-lampen-storing.xml"});
    CHECK(alert.status == 2);
    CHECK(alert.err.find("cannot compare a guide with an alert") != std::string::npos);

    const auto broken = writeTemp("broken.xml", "<guide");
    CHECK(runCli({"diff", original, broken}).status == 2);
    CHECK(runCli({"diff", original}).status == 2);
}
