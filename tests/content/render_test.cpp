// The renderer: escaped text, a strict CSP, nothing that runs or loads.
#include <souffleur/content/parser.h>
#include <souffleur/content/render.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

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
        .references = {{"<script>y</script>", "javascript:alert(2)"}},
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

namespace {

// WCAG 2.1 relative luminance of "#rrggbb".
double luminance(std::string_view hex) {
    REQUIRE(hex.size() == 7);
    const auto channel = [&](std::size_t at) {
        const double value = std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0;
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

double contrast(std::string_view a, std::string_view b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The value of a custom property ("--ink:#1a1a1a") in the page's stylesheet.
std::string colour(const std::string& page, std::string_view property) {
    const auto at = page.find(std::string(property) + ":#");
    REQUIRE(at != std::string::npos);
    return page.substr(at + property.size() + 1, 7);
}

} // namespace

TEST_CASE("With the citizen watching, a step shows only what the citizen may see",
          "[content][render][privacy]") {
    Guide guide;
    guide.id = "t.citizen";
    guide.title = "Titel";
    guide.context = RichText::fromPlainText("Achtergrond voor de medewerker");
    guide.steps.push_back({.id = "a",
                           .glance = "Vergelijk de foto met het gezicht",
                           .details = RichText::fromPlainText("Interne uitleg"),
                           .why = RichText::fromPlainText("Fraudepatroon look-alike"),
                           .checks = {"Foto lijkt"},
                           .warnings = {"Let op look-alike fraude"},
                           .tips = {"Vraag naar de geboorteplaats"},
                           .options = {{"Ja", "b"}, {"Twijfel", "b"}},
                           .escalation = Escalation{"police", "Een moment alstublieft",
                                                    "Proces-verbaal", "Politie"}});
    guide.steps.push_back({.id = "b", .glance = "Klaar", .ends = true});
    const std::string page =
        renderStep(guide, guide.steps[0], RenderOptions{.citizenCanSee = true});
    for (const char* shown : {"Vergelijk de foto", "Foto lijkt", "Twijfel", "burger kijkt mee"})
        CHECK(page.find(shown) != std::string::npos);
    for (const char* hidden : {"Achtergrond", "Interne uitleg", "Fraudepatroon", "look-alike",
                               "geboorteplaats", "moment alstublieft", "Proces-verbaal", "Politie"})
        CHECK(page.find(hidden) == std::string::npos);
    // Without the mode, all of it is there.
    const std::string full = renderStep(guide, guide.steps[0]);
    for (const char* shown : {"Achtergrond", "Fraudepatroon", "look-alike", "Proces-verbaal"})
        CHECK(full.find(shown) != std::string::npos);
}

TEST_CASE("Every text colour meets WCAG 2.1 AA contrast on its background",
          "[content][render][a11y]") {
    Guide guide;
    guide.id = "t.contrast";
    guide.title = "T";
    guide.steps.push_back({.id = "a", .glance = "G"});
    const std::string page = renderGuide(guide);
    CHECK(contrast("#767676", "#ffffff") == Approx(4.54).epsilon(0.01)); // the known AA edge
    CHECK(contrast("#777777", "#ffffff") < 4.5);
    const std::string white = "#ffffff";
    const std::string soft = colour(page, "--soft");
    const std::string warningBackground = "#fff4e5";
    const std::string criticalBackground = "#fdecef";
    const std::string changedBackground = "#edf7ef";
    REQUIRE(page.find(".changed{border-color:#2b6a3a;background:" + changedBackground) !=
            std::string::npos);
    REQUIRE(page.find(".warning{border-color:var(--warn);background:" + warningBackground) !=
            std::string::npos);
    REQUIRE(page.find(".alert-critical{border-color:#a4001d;background:" + criticalBackground) !=
            std::string::npos);
    // Text colours on the backgrounds they appear on: the page, tips and
    // alerts (soft), warnings and warning alerts, critical alerts; code is ink on soft.
    for (const char* ink : {"--ink", "--muted", "--brand", "--warn"}) {
        for (const std::string& background :
             {white, soft, warningBackground, criticalBackground, changedBackground}) {
            INFO(ink << " on " << background);
            CHECK(contrast(colour(page, ink), background) >= 4.5);
        }
    }
}

TEST_CASE("Alerts show inside the steps they are attached to, most severe first",
          "[content][render][alerts]") {
    Guide guide;
    guide.id = "t.alerts";
    guide.title = "T";
    guide.steps.push_back({.id = "a", .glance = "Eerste", .checks = {"Controle een"}});
    guide.steps.push_back({.id = "b", .glance = "Tweede", .ends = true});
    const auto alert = [](std::string id, Alert::Level level, std::string title,
                          std::vector<Alert::Attachment> where) {
        Alert out;
        out.id = std::move(id);
        out.level = level;
        out.title = std::move(title);
        out.body = *RichText::fromHtml("<p>Let op <em>oren</em><script>x()</script></p>");
        out.attachments = std::move(where);
        return out;
    };
    const RenderOptions options{
        .alerts = {alert("i", Alert::Level::Info, "Scherm verplaatst", {{"t.alerts", "b"}}),
                   alert("c", Alert::Level::Critical, "Look-alikes <b>", {{"t.alerts", "a"}}),
                   alert("w", Alert::Level::Warning, "Hele taak", {{"t.alerts", ""}}),
                   alert("x", Alert::Level::Critical, "Andere taak", {{"t.other", "a"}})}};

    const std::string first = renderStep(guide, guide.steps[0], options);
    CHECK(first.find("Look-alikes &lt;b&gt;") != std::string::npos);
    CHECK(first.find("Hele taak") != std::string::npos);
    CHECK(first.find("Scherm verplaatst") == std::string::npos);   // step b's
    CHECK(first.find("Andere taak") == std::string::npos);         // another guide's
    CHECK(first.find("Look-alikes") < first.find("Hele taak"));    // critical before warning
    CHECK(first.find("Eerste") < first.find("Controle een"));      // the step's own first,
    CHECK(first.find("Controle een") < first.find("Look-alikes")); // glance and checks
    CHECK(first.find("class=\"note alert alert-critical\" role=\"note\"") != std::string::npos);
    CHECK(first.find("<em>oren</em>") != std::string::npos);
    CHECK(first.find("<script") == std::string::npos); // the body went through the sanitizer

    const std::string second = renderStep(guide, guide.steps[1], options);
    CHECK(second.find("Scherm verplaatst") != std::string::npos);
    CHECK(second.find("Hele taak") != std::string::npos);
    CHECK(second.find("Look-alikes") == std::string::npos);

    // Internal: hidden while the citizen can see the screen.
    RenderOptions watched = options;
    watched.citizenCanSee = true;
    CHECK(renderStep(guide, guide.steps[0], watched).find("Look-alikes") == std::string::npos);
    // The authors' preview shows each step's alerts in place.
    const std::string preview = renderGuide(guide, options);
    CHECK(preview.find("Look-alikes") < preview.find("Tweede"));
    CHECK(preview.find("Tweede") < preview.find("Scherm verplaatst"));
}

TEST_CASE("An alert is valid within its dates, both inclusive", "[content][alerts]") {
    Alert alert;
    CHECK(alert.validOn("2026-11-23")); // no dates: always
    alert.validFrom = "2026-11-01";
    alert.validTo = "2027-02-28";
    CHECK_FALSE(alert.validOn("2026-10-31"));
    CHECK(alert.validOn("2026-11-01"));
    CHECK(alert.validOn("2027-02-28"));
    CHECK_FALSE(alert.validOn("2027-03-01"));
    alert.attachments = {{"g", "s"}, {"h", ""}};
    CHECK(alert.appliesTo("g", "s"));
    CHECK_FALSE(alert.appliesTo("g", "t"));
    CHECK(alert.appliesTo("h", "anything"));
    CHECK_FALSE(alert.appliesTo("s", "g"));
}

TEST_CASE("The end page sums up the steps taken and the choices made", "[content][render]") {
    Guide guide;
    guide.id = "t.end";
    guide.title = "T";
    guide.steps.push_back({.id = "a", .glance = "Vergelijk <foto>", .options = {{"Klopt", "b"}}});
    guide.steps.push_back({.id = "b", .glance = "Leg vast", .ends = true});
    const std::string page = renderFinished(guide, {}, {{"a", "Klopt <b>"}, {"b", ""}});
    CHECK(page.find("Wat u deed") != std::string::npos);
    CHECK(page.find("<li>Vergelijk &lt;foto&gt;: <strong>Klopt &lt;b&gt;</strong></li>") !=
          std::string::npos);
    CHECK(page.find("<li>Leg vast</li>") != std::string::npos);
    CHECK(renderFinished(guide).find("Wat u deed") == std::string::npos); // nothing taken
}

TEST_CASE("A step shows the rules it rests on as text, never as a link", "[content][render]") {
    Guide guide;
    guide.id = "t.basis";
    guide.title = "Basis";
    guide.steps.push_back({.id = "s1",
                           .glance = "Controleer de BRP",
                           .references = {{"Wet BRP art. 2.4", "https://wetten.example/brp"}}});
    const std::string html = renderStep(guide, guide.steps[0]);
    CHECK(html.find("<p class=\"basis\"><strong>Grondslag</strong> Wet BRP art. 2.4 "
                    "(https://wetten.example/brp)</p>") != std::string::npos);
    CHECK(html.find("<a ") == std::string::npos);
    CHECK(renderStep(guide, guide.steps[0], {.language = UiLanguage::English})
              .find("<strong>Basis</strong>") != std::string::npos);
}

TEST_CASE("Internal notes: at the desk for colleagues, gone while the citizen can see",
          "[content][render]") {
    Guide guide;
    guide.id = "t.notes";
    guide.title = "Notities";
    Step step;
    step.id = "s1";
    step.glance = "Weiger de aanvraag";
    step.notes = {"Vraag eerst de teamleider <b>mee</b> te kijken."};
    guide.steps.push_back(step);
    const std::string html = renderStep(guide, guide.steps[0]);
    CHECK(html.find("<div class=\"note internal\" role=\"note\"><strong>Interne notitie</strong>"
                    "Vraag eerst de teamleider &lt;b&gt;mee&lt;/b&gt; te kijken.</div>") !=
          std::string::npos);
    // Not hidden by a style: not in the page at all.
    const std::string watched = renderStep(guide, guide.steps[0], {.citizenCanSee = true});
    CHECK(watched.find("teamleider") == std::string::npos);
    CHECK(watched.find("Interne notitie") == std::string::npos);
    CHECK(renderStep(guide, guide.steps[0], {.language = UiLanguage::English})
              .find("<strong>Internal note</strong>") != std::string::npos);
}

TEST_CASE("Pictures show from the page's image base when at hand, else as their description",
          "[content][render][media]") {
    Guide guide;
    guide.id = "t.picture";
    guide.title = "Beeld";
    Step step;
    step.id = "s1";
    step.glance = "Controleer het kinegram";
    const std::string hex(64, 'b');
    step.images = {{"sha256:" + hex, "Kinegram \"op\" <de> pagina"},
                   {"sha256:" + std::string(64, 'c'), "Laserbeeld"}};
    guide.steps.push_back(step);

    // Without an image base: described, and the policy loads no picture.
    const std::string plain = renderStep(guide, guide.steps[0]);
    CHECK(plain.find("img-src 'none'") != std::string::npos);
    CHECK(plain.find("<img") == std::string::npos);
    CHECK(plain.find("<p class=\"image\">Afbeelding: Laserbeeld</p>") != std::string::npos);

    // With one: the pictures at hand load from there, and only from there.
    const RenderOptions desk{
        .imageBase = "souffleur://desk/media/",
        .hasImage = [&](const std::string& hash) { return hash == "sha256:" + hex; }};
    const std::string shown = renderStep(guide, guide.steps[0], desk);
    CHECK(shown.find("img-src souffleur://desk/media/;") != std::string::npos);
    CHECK(shown.find("<img src=\"souffleur://desk/media/" + hex +
                     "\" alt=\"Kinegram &quot;op&quot; &lt;de&gt; pagina\">") != std::string::npos);
    // The one not fetched yet (a desk offline) is described.
    CHECK(shown.find("<p class=\"image\">Afbeelding: Laserbeeld</p>") != std::string::npos);
    CHECK(shown.find(std::string(64, 'c')) == std::string::npos);
}

TEST_CASE("The change note shows on the first step, never while the citizen can see",
          "[content][render]") {
    Guide guide;
    guide.id = "t.changed";
    guide.title = "Gewijzigd";
    guide.steps.push_back({.id = "a", .glance = "Eerst"});
    guide.steps.push_back({.id = "b", .glance = "Dan", .ends = true});
    const RenderOptions options{.changeNote = "Stap 2 <nieuw>"};
    const std::string first = renderStep(guide, guide.steps[0], options);
    CHECK(first.find("<div class=\"note changed\" role=\"note\"><strong>Nieuw in deze "
                     "versie</strong>Stap 2 &lt;nieuw&gt;</div>") != std::string::npos);
    CHECK(renderStep(guide, guide.steps[1], options).find("Stap 2 &lt;nieuw") == std::string::npos);
    RenderOptions watched = options;
    watched.citizenCanSee = true;
    CHECK(renderStep(guide, guide.steps[0], watched).find("nieuw") == std::string::npos);
    CHECK(renderStep(guide, guide.steps[0]).find("note changed") == std::string::npos);

    // The summary of the diff goes before the note; the team's tips after it.
    RenderOptions summed{.changeNote = "Uitleg bij stap 2.",
                         .changeSummary = "Stap 2 gewijzigd.",
                         .tipsApplied = {"\u201CZeg <daarna>\u201D"}};
    const std::string withSummary = renderStep(guide, guide.steps[0], summed);
    CHECK(withSummary.find("</strong>Stap 2 gewijzigd. Uitleg bij stap 2.</div>") !=
          std::string::npos);
    CHECK(withSummary.find("<strong>Uw tip is verwerkt</strong>\u201CZeg &lt;daarna&gt;") !=
          std::string::npos);
    summed.citizenCanSee = true;
    CHECK(renderStep(guide, guide.steps[0], summed).find("tip is verwerkt") == std::string::npos);
}
