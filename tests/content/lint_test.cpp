// The semantic lint: one test case per check, on small guides built in code,
// and the demo library, which must lint without errors.
#include <souffleur/content/lint.h>
#include <souffleur/content/parser.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace souffleur::content;

namespace {

// A guide around `steps` that has an owner, so that only the steps matter.
Guide guideWith(std::vector<Step> steps) {
    Guide guide;
    guide.id = "t.guide";
    guide.title = "Test";
    guide.owner = "Team Test";
    guide.steps = std::move(steps);
    return guide;
}

Alert alertWith(std::vector<Alert::Attachment> attachments = {}) {
    Alert alert;
    alert.id = "t.alert";
    alert.title = "Alert";
    alert.body = RichText::fromPlainText("Body");
    alert.validFrom = "2026-11-01";
    alert.validTo = "2026-12-31";
    alert.attachments = std::move(attachments);
    return alert;
}

// How many diagnostics of `severity` contain `text`.
std::size_t count(const Diagnostics& diagnostics, Severity severity, std::string_view text = {}) {
    return static_cast<std::size_t>(std::ranges::count_if(diagnostics, [&](const Diagnostic& d) {
        return d.severity == severity && d.message.find(text) != std::string::npos;
    }));
}

bool hasError(const Diagnostics& diagnostics, std::string_view text) {
    return count(diagnostics, Severity::Error, text) > 0;
}

bool hasWarning(const Diagnostics& diagnostics, std::string_view text) {
    return count(diagnostics, Severity::Warning, text) > 0;
}

void explain(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        UNSCOPED_INFO(d.toString());
}

} // namespace

TEST_CASE("A sensible guide lints clean", "[content][lint]") {
    // The shape of the identity guide: a loop back (controle -> echtheid) with an exit.
    const Guide guide = guideWith({
        {.id = "gezicht", .glance = "G", .options = {{"ok", "echtheid"}, {"twijfel", "controle"}}},
        {.id = "echtheid", .glance = "E", .options = {{"ok", "klaar"}, {"vals", "escalatie"}}},
        {.id = "controle",
         .glance = "C",
         .options = {{"weg", "echtheid"}, {"blijft", "escalatie"}}},
        {.id = "escalatie",
         .glance = "Esc",
         .escalation = Escalation{"id-expert", "say", "", ""},
         .ends = true},
        {.id = "klaar", .glance = "K"},
    });
    const auto diagnostics = lintGuide(guide, "g.xml", {.knownGuides = {}, .today = "2026-11-23"});
    explain(diagnostics);
    CHECK(diagnostics.empty());
}

TEST_CASE("Every step can be reached", "[content][lint]") {
    SECTION("a linear guide reaches every step") {
        const Guide guide = guideWith({{.id = "a", .glance = "A"}, {.id = "b", .glance = "B"}});
        CHECK(lintGuide(guide, "g.xml").empty());
    }
    SECTION("a step after an ending step") {
        const Guide guide =
            guideWith({{.id = "a", .glance = "A", .ends = true}, {.id = "b", .glance = "B"}});
        const auto diagnostics = lintGuide(guide, "g.xml");
        REQUIRE(diagnostics.size() == 1);
        const Diagnostic& d = diagnostics.front();
        CHECK(d.severity == Severity::Warning);
        CHECK(d.message == "step 'b' can never be reached");
        CHECK(d.file == "g.xml");
        CHECK(d.line == 0);
        CHECK(d.column == 0);
    }
    SECTION("a step that no option leads to") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A", .options = {{"x", "c"}, {"y", "d"}}},
            {.id = "b", .glance = "B"},
            {.id = "c", .glance = "C", .ends = true},
            {.id = "d", .glance = "D"},
        });
        const auto diagnostics = lintGuide(guide, "g.xml");
        explain(diagnostics);
        CHECK(count(diagnostics, Severity::Warning, "can never be reached") == 1);
        CHECK(hasWarning(diagnostics, "step 'b' can never be reached"));
        CHECK_FALSE(hasError(diagnostics, ""));
    }
    SECTION("an escalation that ends cuts off what follows") {
        const Guide guide = guideWith({
            {.id = "a",
             .glance = "A",
             .escalation = Escalation{"police", "s", "r", "o"},
             .ends = true},
            {.id = "b", .glance = "B"},
        });
        CHECK(hasWarning(lintGuide(guide, "g.xml"), "step 'b' can never be reached"));
    }
    SECTION("an escalation that does not end leads on") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A", .escalation = Escalation{"police", "s", "r", "o"}},
            {.id = "b", .glance = "B"},
        });
        CHECK(lintGuide(guide, "g.xml").empty());
    }
}

TEST_CASE("Every path can finish", "[content][lint]") {
    SECTION("a loop with no way out") {
        const Guide guide = guideWith({
            {.id = "s", .glance = "S", .options = {{"in", "a"}, {"klaar", "eind"}}},
            {.id = "a", .glance = "A", .options = {{"p", "b"}, {"q", "c"}}},
            {.id = "b", .glance = "B", .options = {{"r", "a"}, {"s", "c"}}},
            {.id = "c", .glance = "C", .options = {{"t", "a"}, {"u", "b"}}},
            {.id = "eind", .glance = "E", .ends = true},
        });
        const auto diagnostics = lintGuide(guide, "g.xml");
        explain(diagnostics);
        REQUIRE(count(diagnostics, Severity::Error) == 1);
        CHECK(hasError(diagnostics, "steps 'a' -> 'b' -> 'a' form a loop with no way to finish"));
    }
    SECTION("a loop with an exit is fine") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A", .options = {{"door", "b"}, {"klaar", "c"}}},
            {.id = "b", .glance = "B", .options = {{"terug", "a"}, {"klaar", "c"}}},
            {.id = "c", .glance = "C"},
        });
        CHECK(lintGuide(guide, "g.xml").empty());
    }
    SECTION("a last step that is a decision does not finish") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A"},
            {.id = "b", .glance = "B", .options = {{"terug", "a"}, {"nog eens", "a"}}},
        });
        const auto diagnostics = lintGuide(guide, "g.xml");
        explain(diagnostics);
        CHECK(count(diagnostics, Severity::Error) == 1);
        CHECK(hasError(diagnostics, "steps 'a' -> 'b' -> 'a' form a loop with no way to finish"));
    }
    SECTION("two separate loops are both reported") {
        const Guide guide = guideWith({
            {.id = "s", .glance = "S", .options = {{"links", "a"}, {"rechts", "c"}}},
            {.id = "a", .glance = "A"},
            {.id = "b", .glance = "B", .options = {{"1", "a"}, {"2", "a"}}},
            {.id = "c", .glance = "C"},
            {.id = "d", .glance = "D", .options = {{"1", "c"}, {"2", "c"}}},
        });
        const auto diagnostics = lintGuide(guide, "g.xml");
        explain(diagnostics);
        CHECK(count(diagnostics, Severity::Error) == 2);
        CHECK(hasError(diagnostics, "steps 'a' -> 'b' -> 'a'"));
        CHECK(hasError(diagnostics, "steps 'c' -> 'd' -> 'c'"));
    }
    SECTION("unreachable loops are only unreachable") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A", .ends = true},
            {.id = "b", .glance = "B", .options = {{"1", "c"}, {"2", "c"}}},
            {.id = "c", .glance = "C", .options = {{"1", "b"}, {"2", "b"}}},
        });
        const auto diagnostics = lintGuide(guide, "g.xml");
        CHECK_FALSE(hasError(diagnostics, ""));
        CHECK(count(diagnostics, Severity::Warning, "can never be reached") == 2);
    }
}

TEST_CASE("Decisions decide something", "[content][lint]") {
    SECTION("all options lead to the same step") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A", .options = {{"ja", "b"}, {"nee", "b"}}},
            {.id = "b", .glance = "B"},
        });
        const auto diagnostics = lintGuide(guide, "g.xml");
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "step 'a': all options lead to step 'b'"));
    }
    SECTION("an option leads back to its own step") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A", .options = {{"nog eens", "a"}, {"verder", "b"}}},
            {.id = "b", .glance = "B"},
        });
        const auto diagnostics = lintGuide(guide, "g.xml");
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "option 'nog eens' of step 'a' leads back to the same step"));
    }
    SECTION("the same label twice is an error, reported once") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A", .options = {{"ja", "b"}, {"ja", "c"}, {"ja", "c"}}},
            {.id = "b", .glance = "B", .ends = true},
            {.id = "c", .glance = "C"},
        });
        const auto diagnostics = lintGuide(guide, "g.xml");
        explain(diagnostics);
        CHECK(count(diagnostics, Severity::Error) == 1);
        CHECK(hasError(diagnostics, "step 'a' offers the option 'ja' more than once"));
    }
    SECTION("a decision that also claims to end") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A", .options = {{"x", "b"}, {"y", "c"}}, .ends = true},
            {.id = "b", .glance = "B", .ends = true},
            {.id = "c", .glance = "C"},
        });
        const auto diagnostics = lintGuide(guide, "g.xml");
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "step 'a' is a decision and has end=\"true\""));
    }
    SECTION("an option to a step that does not exist (a model built by hand)") {
        const Guide guide = guideWith({
            {.id = "a", .glance = "A", .options = {{"x", "nergens"}, {"y", "b"}}},
            {.id = "b", .glance = "B"},
        });
        CHECK(hasError(lintGuide(guide, "g.xml"),
                       "option 'x' of step 'a' leads to unknown step 'nergens'"));
    }
    SECTION("a guide without steps (a model built by hand)") {
        CHECK(hasError(lintGuide(guideWith({}), "g.xml"), "the guide has no steps"));
    }
}

TEST_CASE("The valid window makes sense", "[content][lint]") {
    Guide guide = guideWith({{.id = "a", .glance = "A"}});
    const LintContext today{.knownGuides = {}, .today = "2026-11-23"};

    SECTION("from after to is an error") {
        guide.validFrom = "2026-12-01";
        guide.validTo = "2026-01-01";
        const auto diagnostics = lintGuide(guide, "g.xml");
        REQUIRE(count(diagnostics, Severity::Error) == 1);
        CHECK(hasError(diagnostics, "the window ends before it starts"));
    }
    SECTION("one day is a valid window") {
        guide.validFrom = "2026-11-23";
        guide.validTo = "2026-11-23";
        CHECK(lintGuide(guide, "g.xml", today).empty());
    }
    SECTION("expired") {
        guide.validFrom = "2025-01-01";
        guide.validTo = "2026-11-22";
        const auto diagnostics = lintGuide(guide, "g.xml", today);
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "this guide expired on 2026-11-22"));
    }
    SECTION("not valid yet") {
        guide.validFrom = "2026-11-24";
        const auto diagnostics = lintGuide(guide, "g.xml", today);
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "not valid yet"));
    }
    SECTION("without today, no date-relative checks") {
        guide.validFrom = "2030-01-01";
        guide.validTo = "2031-01-01";
        CHECK(lintGuide(guide, "g.xml").empty());
        guide.validFrom = "2000-01-01";
        guide.validTo = "2001-01-01";
        CHECK(lintGuide(guide, "g.xml").empty());
    }
    SECTION("alerts have windows too") {
        Alert alert = alertWith();
        alert.validTo = "2026-11-01";
        alert.validFrom = "2026-11-02";
        CHECK(hasError(lintAlert(alert, "a.xml"), "the window ends before it starts"));
        alert.validFrom = "2026-10-01";
        const auto diagnostics = lintAlert(alert, "a.xml", today);
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "this alert expired on 2026-11-01"));
    }
}

TEST_CASE("Links go to guides that exist", "[content][lint]") {
    Guide guide = guideWith({{.id = "a", .glance = "A"}});
    const LintContext known{.knownGuides = {"t.guide", "t.other"}, .today = {}};

    SECTION("a known related guide") {
        guide.related = {"t.other"};
        CHECK(lintGuide(guide, "g.xml", known).empty());
    }
    SECTION("an unknown related guide") {
        guide.related = {"t.missing"};
        const auto diagnostics = lintGuide(guide, "g.xml", known);
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "links to unknown guide 't.missing'"));
    }
    SECTION("without known guides, no check") {
        guide.related = {"t.missing"};
        CHECK(lintGuide(guide, "g.xml").empty());
    }
    SECTION("a guide related to itself") {
        guide.related = {"t.guide"};
        const auto diagnostics = lintGuide(guide, "g.xml", known);
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "related guide 't.guide' is this guide itself"));
        CHECK(hasWarning(lintGuide(guide, "g.xml"), "is this guide itself"));
    }
    SECTION("an alert attached to an unknown guide") {
        const Alert alert = alertWith({{"t.missing", ""}, {"t.other", ""}});
        const auto diagnostics = lintAlert(alert, "a.xml", known);
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "links to unknown guide 't.missing'"));
        CHECK(lintAlert(alert, "a.xml").empty());
    }
}

TEST_CASE("Alerts attach to steps that exist", "[content][lint]") {
    const Guide guide = guideWith({{.id = "a", .glance = "A"}, {.id = "b", .glance = "B"}});
    const std::map<std::string, const Guide*> guides = {{"t.guide", &guide}};

    SECTION("an existing step, and the whole guide") {
        CHECK(
            lintAlert(alertWith({{"t.guide", "b"}, {"t.guide", ""}}), "a.xml", {}, guides).empty());
    }
    SECTION("a step the guide does not have") {
        const auto diagnostics = lintAlert(alertWith({{"t.guide", "c"}}), "a.xml", {}, guides);
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasError(diagnostics, "attached to step 'c', which guide 't.guide' does not have"));
    }
    SECTION("a guide in the map counts as known") {
        const LintContext context{.knownGuides = {"t.other"}, .today = {}};
        CHECK(lintAlert(alertWith({{"t.guide", "a"}}), "a.xml", context, guides).empty());
    }
    SECTION("a guide not given: its steps are not checked") {
        CHECK(lintAlert(alertWith({{"t.elsewhere", "zz"}}), "a.xml", {}, guides).empty());
    }
}

TEST_CASE("Alerts are well-judged", "[content][lint]") {
    Alert alert = alertWith();
    SECTION("acknowledging an info alert is odd") {
        alert.level = Alert::Level::Info;
        alert.mustAcknowledge = true;
        const auto diagnostics = lintAlert(alert, "a.xml");
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "odd combination"));
    }
    SECTION("acknowledging a critical alert is not") {
        alert.level = Alert::Level::Critical;
        alert.mustAcknowledge = true;
        CHECK(lintAlert(alert, "a.xml").empty());
    }
    SECTION("an alert without an end date") {
        alert.validTo.clear();
        const auto diagnostics = lintAlert(alert, "a.xml");
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "an alert should say when it stops being valid"));
    }
}

TEST_CASE("Somebody owns the guide", "[content][lint]") {
    Guide guide = guideWith({{.id = "a", .glance = "A"}});
    guide.owner.clear();
    const auto diagnostics = lintGuide(guide, "g.xml");
    REQUIRE(diagnostics.size() == 1);
    CHECK(hasWarning(diagnostics, "nobody owns this guide"));

    SECTION("an audience is enough") {
        guide.audience = {"baliemedewerker"};
        CHECK(lintGuide(guide, "g.xml").empty());
    }
    SECTION("an owner is enough") {
        guide.owner = "Team Test";
        CHECK(lintGuide(guide, "g.xml").empty());
    }
}

TEST_CASE("A glance is short", "[content][lint]") {
    std::string glance;
    for (int i = 0; i < 160; ++i)
        glance += "\xC3\xA9"; // é: two bytes, one character
    Guide guide = guideWith({{.id = "a", .glance = glance}});

    SECTION("160 characters (320 bytes) is fine") {
        CHECK(lintGuide(guide, "g.xml").empty());
    }
    SECTION("161 characters is too long") {
        guide.steps[0].glance += "x";
        const auto diagnostics = lintGuide(guide, "g.xml");
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics,
                         "step 'a': the glance should be read at a glance: 161 characters"));
    }
}

TEST_CASE("An escalation to 'other' says what to record", "[content][lint]") {
    Guide guide = guideWith({{.id = "a",
                              .glance = "A",
                              .escalation = Escalation{"other", "say", "", ""},
                              .ends = true}});
    SECTION("role other without a record") {
        const auto diagnostics = lintGuide(guide, "g.xml");
        REQUIRE(diagnostics.size() == 1);
        CHECK(hasWarning(diagnostics, "step 'a': an escalation to role 'other'"));
    }
    SECTION("role other with a record") {
        guide.steps[0].escalation->record = "Wie en wat";
        CHECK(lintGuide(guide, "g.xml").empty());
    }
    SECTION("a named role needs no record") {
        guide.steps[0].escalation->role = "police";
        CHECK(lintGuide(guide, "g.xml").empty());
    }
}

TEST_CASE("The demo library lints without errors", "[content][lint][library]") {
    const std::filesystem::path library = SOUFFLEUR_SOURCE_DIR "/content/library";
    std::map<std::filesystem::path, Guide> guideFiles;
    std::map<std::filesystem::path, Alert> alertFiles;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(library)) {
        if (entry.path().extension() != ".xml")
            continue;
        INFO(entry.path());
        auto document = loadDocument(entry.path());
        if (!document)
            explain(document.error());
        REQUIRE(document.has_value());
        if (auto* guide = std::get_if<Guide>(&*document))
            guideFiles.emplace(entry.path(), std::move(*guide));
        else
            alertFiles.emplace(entry.path(), std::get<Alert>(std::move(*document)));
    }
    REQUIRE(guideFiles.size() >= 3);
    REQUIRE(alertFiles.size() >= 2);

    LintContext context{.knownGuides = {}, .today = "2026-11-23"};
    std::map<std::string, const Guide*> guides;
    for (const auto& [path, guide] : guideFiles) {
        context.knownGuides.insert(guide.id);
        guides.emplace(guide.id, &guide);
    }
    for (const auto& [path, guide] : guideFiles) {
        const auto diagnostics = lintGuide(guide, path.string(), context);
        INFO(path);
        explain(diagnostics);
        CHECK_FALSE(hasErrors(diagnostics));
    }
    for (const auto& [path, alert] : alertFiles) {
        const auto diagnostics = lintAlert(alert, path.string(), context, guides);
        INFO(path);
        explain(diagnostics);
        CHECK_FALSE(hasErrors(diagnostics));
    }
}

TEST_CASE("Links in rich text must lead to known guides", "[content][lint][rich]") {
    Guide guide = guideWith({{.id = "a",
                              .glance = "A",
                              .details = *RichText::fromHtml(
                                  "Zie <a href=guide:t.elders>elders</a> en <a href=guide:t.guide>"
                                  "hier</a>")}});
    guide.context = *RichText::fromHtml("<a href=guide:t.bekend>bekend</a>");
    const auto diagnostics = lintGuide(guide, "links.xml", {.knownGuides = {"t.bekend"}});
    explain(diagnostics);
    CHECK(hasWarning(diagnostics, "step 'a' details: links to unknown guide 't.elders'"));
    CHECK(hasWarning(diagnostics, "step 'a' details: a link to this guide itself"));
    CHECK(count(diagnostics, Severity::Warning, "bekend") == 0);
}

TEST_CASE("With the parser's source lines, lint points at the line", "[content][lint]") {
    const std::string xml = R"(<?xml version="1.0"?>
<guide xmlns="urn:x-souffleur:guide:1" id="t.lines" revision="1">
  <title>T</title>
  <valid from="2026-12-01" to="2026-01-01"/>
  <related guide="t.unknown"/>
  <step id="a" end="true">
    <glance>A</glance>
  </step>
  <step id="weg">
    <glance>Nooit bereikt</glance>
  </step>
</guide>
)";
    SourceLines lines;
    const auto document = parseDocument(xml, "lines.xml", &lines);
    REQUIRE(document.has_value());
    CHECK(lines.root == 2);
    CHECK(lines.valid == 4);
    CHECK(lines.steps.at("weg") == 9);
    const Guide& guide = std::get<Guide>(*document);
    const auto diagnostics = lintGuide(guide, "lines.xml", {.knownGuides = {"t.lines"}}, &lines);
    explain(diagnostics);
    const auto lineOf = [&](std::string_view text) {
        const auto found = std::ranges::find_if(diagnostics, [&](const Diagnostic& d) {
            return d.message.find(text) != std::string::npos;
        });
        return found == diagnostics.end() ? -1 : found->line;
    };
    CHECK(lineOf("the window ends before it starts") == 4);
    CHECK(lineOf("unknown guide 't.unknown'") == 5);
    CHECK(lineOf("step 'weg' can never be reached") == 9);
    CHECK(lineOf("nobody owns this guide") == 2);
    // Without source lines, the message still names what it is about.
    CHECK(lintGuide(guide, "lines.xml").at(0).line == 0);
}
