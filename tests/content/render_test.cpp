// The renderer: escaped text, a strict CSP, nothing that runs or loads.
#include <souffleur/content/parser.h>
#include <souffleur/content/render.h>

#include <catch2/catch.hpp>

using namespace souffleur::content;

namespace {

Guide hostileGuide() {
    Guide guide;
    guide.id = "t.hostile";
    guide.title = "<script>alert(1)</script>";
    guide.steps.push_back({
        .id = "s1",
        .glance = "<img src=x onerror=alert(1)>",
        .details = *RichText::fromHtml("<a href=\"javascript:alert(1)\">x</a>"),
        .why = *RichText::fromHtml("<iframe src=https://example.org>"),
        .checks = {"<svg onload=alert(1)>"},
        .warnings = {"<style>body{background:url(https://example.org/x)}</style>"},
        .tips = {"<form action=https://example.org><input></form>"},
        .images = {{"sha256:" + std::string(64, 'a'), "<object data=x>"}},
        .escalation = Escalation{"id-expert", "<script>x</script>", "<b onclick=x>", "</dd>"},
    });
    return guide;
}

} // namespace

TEST_CASE("Hostile text in a guide is escaped, never markup", "[content][render][hostile]") {
    const Guide guide = hostileGuide();
    const std::string html = renderStep(guide, guide.steps[0]);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<iframe") == std::string::npos);
    CHECK(html.find("<svg") == std::string::npos);
    CHECK(html.find("<style>body") == std::string::npos);
    CHECK(html.find("<form") == std::string::npos);
    CHECK(html.find("<object") == std::string::npos);
    CHECK(html.find("<b ") == std::string::npos);
    CHECK(html.find("<a ") == std::string::npos);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("The page carries a strict Content-Security-Policy", "[content][render]") {
    const Guide guide = hostileGuide();
    const std::string html = renderStep(guide, guide.steps[0]);
    CHECK(html.find("http-equiv=\"Content-Security-Policy\"") != std::string::npos);
    CHECK(html.find("default-src 'none'") != std::string::npos);
    CHECK(html.find("script-src 'none'") != std::string::npos);
    CHECK(html.find("unsafe-inline") == std::string::npos);
    CHECK(html.find("style-src 'sha256-") != std::string::npos);
}

TEST_CASE("A step page shows progress, glance, checks and options", "[content][render]") {
    Guide guide;
    guide.id = "t.page";
    guide.title = "Titel";
    guide.steps.push_back({.id = "a",
                           .glance = "Doe dit",
                           .details = RichText::fromPlainText("Uitleg"),
                           .why = RichText::fromPlainText("Omdat"),
                           .checks = {"Vinkje"},
                           .warnings = {"Niet vergeten"},
                           .tips = {"Zo gaat het sneller"},
                           .options = {{"Ja", "b"}, {"Nee", "b"}}});
    guide.steps.push_back(
        {.id = "b",
         .glance = "Klaar",
         .escalation = Escalation{"id-expert", "Even wachten", "Zaak", "Overdracht"},
         .ends = true});
    const std::string dutch = renderStep(guide, guide.steps[0]);
    CHECK(dutch.find("Stap 1 van 2") != std::string::npos);
    CHECK(dutch.find("Doe dit") != std::string::npos);
    CHECK(dutch.find("Vinkje") != std::string::npos);
    CHECK(dutch.find("Nee") != std::string::npos);
    CHECK(dutch.find("Let op</strong>Niet vergeten") != std::string::npos);
    CHECK(dutch.find("Tip</strong>Zo gaat het sneller") != std::string::npos);
    CHECK(renderStep(guide, guide.steps[1]).find("Schakel in: de ID-deskundige") !=
          std::string::npos);
    const std::string english = renderStep(guide, guide.steps[1], {UiLanguage::English});
    CHECK(english.find("Step 2 of 2") != std::string::npos);
    CHECK(english.find("Hand over to: the ID expert") != std::string::npos);
    CHECK(english.find("Say to the citizen</dt><dd>Even wachten") != std::string::npos);
    CHECK(renderFinished(guide).find("Taak afgerond") != std::string::npos);
}
