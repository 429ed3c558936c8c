// The studio's edit model (souffleur::studio_core): every edit, its undo and
// redo, typing bursts, the structural rules, the diagnostics, and the round
// trip of every demo guide and DITA import through the canonical writer.
#include <souffleur/content/dita.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/studio/edit_model.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace souffleur;
using namespace std::chrono_literals;
using studio::EditModel;
using studio::GuideField;
using studio::StepField;
using Code = studio::EditError::Code;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::filesystem::path library() {
    return std::filesystem::path(SOUFFLEUR_SOURCE_DIR) / "content/library";
}

content::Guide demoGuide(const std::string& file = "uittreksel-brp.xml") {
    auto guide = content::loadGuide(library() / file);
    REQUIRE(guide);
    return *guide;
}

// A clock the test moves by hand.
struct FakeClock {
    EditModel::Clock::time_point at{};
    EditModel::Options options() {
        EditModel::Options options;
        options.now = [this] { return at; };
        return options;
    }
};

content::Step plainStep(std::string id, std::string glance) {
    content::Step step;
    step.id = std::move(id);
    step.glance = std::move(glance);
    return step;
}

bool hasFinding(const content::Diagnostics& diagnostics, std::string_view step,
                std::string_view field) {
    return std::ranges::any_of(diagnostics, [&](const content::Diagnostic& d) {
        return d.step == step && d.field == field;
    });
}

} // namespace

TEST_CASE("An untouched guide round-trips byte for byte", "[studio][roundtrip]") {
    int guides = 0;
    for (const auto& entry : std::filesystem::directory_iterator(library())) {
        if (entry.path().extension() != ".xml")
            continue;
        const std::string xml = readFile(entry.path());
        auto model = EditModel::fromXml(xml);
        REQUIRE(model);
        CHECK(model->xml() == xml);
        CHECK_FALSE(model->modified());
        ++guides;
    }
    CHECK(guides >= 9);
}

TEST_CASE("A DITA import round-trips through the model unchanged", "[studio][roundtrip][dita]") {
    std::vector<std::string> topics;
    // Every demo guide exported to DITA, and a topic as another tool writes it.
    for (const auto& entry : std::filesystem::directory_iterator(library())) {
        if (entry.path().extension() != ".xml")
            continue;
        auto guide = content::loadGuide(entry.path());
        REQUIRE(guide);
        topics.push_back(content::exportDitaTask(*guide));
    }
    topics.push_back(R"(<?xml version="1.0" encoding="UTF-8"?>
<task id="pas-aanvragen" xml:lang="nl"><title>Paspoort aanvragen</title>
<shortdesc>Een paspoort aanvragen aan de balie.</shortdesc>
<taskbody><prereq>Afspraak gemaakt.</prereq>
<steps><step><cmd>Vraag naar het <b>huidige</b> document.</cmd><info>Ook een verlopen.</info></step>
<step><cmd>Neem de vingerafdrukken af.</cmd><stepresult>Twee vingers.</stepresult></step></steps>
<result>De aanvraag is compleet.</result></taskbody></task>)");
    for (const auto& topic : topics) {
        auto imported = content::importDitaTask(topic, "topic.dita");
        REQUIRE(imported);
        const std::string xml = content::writeGuide(imported->guide);
        auto model = EditModel::fromXml(xml);
        REQUIRE(model);
        CHECK(model->xml() == xml);
    }
    CHECK(topics.size() >= 10);
}

TEST_CASE("Setting a field is one command, undone and redone", "[studio][edit]") {
    EditModel model(demoGuide());
    const auto before = model.xml();
    REQUIRE(model.apply(studio::SetGuideField{GuideField::Title, std::string("Nieuwe titel")},
                        "Titel"));
    CHECK(model.guide().title == "Nieuwe titel");
    CHECK(model.modified());
    CHECK(model.undoLabel() == "Titel");
    REQUIRE(model.undo());
    CHECK(model.xml() == before);
    CHECK_FALSE(model.modified());
    CHECK(model.redoLabel() == "Titel");
    REQUIRE(model.redo());
    CHECK(model.guide().title == "Nieuwe titel");
    CHECK_FALSE(model.redo());
}

TEST_CASE("Every field of a guide and a step can be set, undone and redone", "[studio][edit]") {
    const content::Guide original = demoGuide();
    EditModel model(original);
    content::Guide changed = original;
    changed.title = "T";
    changed.summary = "S";
    changed.language = "en";
    changed.audience = {"baliemedewerker", "backoffice"};
    changed.owner = "Team Reisdocumenten";
    changed.tags = {"a", "b"};
    changed.validFrom = "2026-02-01";
    changed.validTo = "2028-02-29";
    changed.references = {{"Wet BRP, art. 3.1", "https://example.invalid/brp"}};
    changed.related = {"nl.burgerzaken.identiteit-vaststellen"};
    changed.triggers = {{"brp*", "*Uittreksel*", ""}, {"", "", "brp.start"}};
    changed.prerequisites = content::RichText::fromPlainText("Vooraf");
    changed.context = *content::RichText::fromHtml("<p>Achter<strong>grond</strong></p>");
    changed.result = content::RichText::fromPlainText("Klaar");
    for (const GuideField field : studio::allGuideFields()) {
        INFO(studio::fieldName(field));
        REQUIRE(model.apply(studio::SetGuideField{field, studio::get(changed, field)}, "x"));
        CHECK(studio::get(model.guide(), field) == studio::get(changed, field));
    }
    const std::string stepId = model.guide().steps.at(1).id;
    content::Step step = model.guide().steps.at(1);
    step.glance = "Kijk";
    step.details = *content::RichText::fromHtml("<ul><li>een</li><li>twee</li></ul>");
    step.why = content::RichText::fromPlainText("Omdat");
    step.checks = {"c1", "c2"};
    step.warnings = {"w"};
    step.tips = {"t"};
    step.images = {{"sha256:" + std::string(64, 'a'), "Kinegram"}};
    step.options = {};
    step.escalation = content::Escalation{"id-expert", "Zeg", "Leg vast", "Klaar"};
    step.ends = false;
    step.references = {{"Werkinstructie", ""}};
    for (const StepField field : studio::allStepFields()) {
        INFO(studio::fieldName(field));
        REQUIRE(model.apply(studio::SetStepField{stepId, field, studio::get(step, field)}, "x"));
        CHECK(studio::get(*model.guide().findStep(stepId), field) == studio::get(step, field));
    }
    const auto edited = model.xml();
    // The edited guide is well-formed: it parses.
    REQUIRE(content::parseGuide(edited, "edited"));
    while (model.undo()) {
    }
    CHECK(model.guide() == original);
    while (model.redo()) {
    }
    CHECK(model.xml() == edited);
}

TEST_CASE("A value of the wrong type is refused", "[studio][edit]") {
    EditModel model(demoGuide());
    auto refused = model.apply(studio::SetGuideField{GuideField::Title, true}, "x");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Code::WrongValueType);
    CHECK_FALSE(model.canUndo());
}

TEST_CASE("Typing into one field merges into one command per burst", "[studio][edit][burst]") {
    FakeClock clock;
    EditModel model(demoGuide(), clock.options());
    const std::string original = model.guide().title;
    std::string typed;
    for (char c : std::string("Snel")) {
        typed += c;
        clock.at += 200ms;
        REQUIRE(model.apply(studio::SetGuideField{GuideField::Title, typed}, "Titel", true));
    }
    CHECK(model.commandCount() == 1);
    // A pause longer than the burst window starts a new command.
    clock.at += 3s;
    REQUIRE(model.apply(studio::SetGuideField{GuideField::Title, typed + " klaar"}, "Titel", true));
    CHECK(model.commandCount() == 2);
    // Another field starts a new command.
    clock.at += 100ms;
    REQUIRE(model.apply(studio::SetGuideField{GuideField::Summary, std::string("s")}, "Sam", true));
    CHECK(model.commandCount() == 3);
    // endBurst (focus moved) starts a new one too.
    model.endBurst();
    clock.at += 100ms;
    REQUIRE(
        model.apply(studio::SetGuideField{GuideField::Summary, std::string("s2")}, "Sam", true));
    CHECK(model.commandCount() == 4);
    model.undo();
    model.undo();
    model.undo();
    CHECK(model.guide().title == "Snel");
    model.undo();
    CHECK(model.guide().title == original);
    CHECK_FALSE(model.modified());
}

TEST_CASE("Undo after a save marks the guide modified again", "[studio][edit]") {
    FakeClock clock;
    EditModel model(demoGuide(), clock.options());
    REQUIRE(model.apply(studio::SetGuideField{GuideField::Title, std::string("A")}, "t", true));
    model.markSaved();
    CHECK_FALSE(model.modified());
    clock.at += 100ms;
    // Typing after a save does not merge into the saved command.
    REQUIRE(model.apply(studio::SetGuideField{GuideField::Title, std::string("AB")}, "t", true));
    CHECK(model.commandCount() == 2);
    CHECK(model.modified());
    model.undo();
    CHECK_FALSE(model.modified());
    model.undo();
    CHECK(model.modified());
    // A new edit after an undo discards the redo branch; the save point with it.
    REQUIRE(model.apply(studio::SetGuideField{GuideField::Title, std::string("C")}, "t"));
    CHECK_FALSE(model.canRedo());
    while (model.undo()) {
    }
    CHECK(model.modified());
}

TEST_CASE("Steps are inserted, duplicated, removed and moved", "[studio][edit][steps]") {
    EditModel model(demoGuide());
    const auto before = model.xml();
    const auto count = model.guide().steps.size();

    const auto id = model.uniqueStepId("Controleer de BRP nog één keer goed");
    CHECK(id == "controleer-de-brp-nog");
    REQUIRE(model.apply(studio::InsertStep{1, plainStep(id, "Controleer de BRP")}, "Nieuwe stap"));
    CHECK(model.guide().steps.size() == count + 1);
    CHECK(model.guide().steps[1].id == id);

    content::Step copy = *model.guide().findStep(id);
    copy.id = model.uniqueStepId(id);
    CHECK(copy.id == id + "-2");
    REQUIRE(model.apply(studio::InsertStep{2, copy}, "Dupliceren"));

    REQUIRE(model.apply(studio::MoveStep{id, count + 1}, "Omlaag"));
    CHECK(model.guide().steps.back().id == id);
    REQUIRE(model.apply(studio::RemoveStep{id}, "Verwijderen"));
    CHECK_FALSE(model.guide().findStep(id));

    SECTION("refusals") {
        CHECK(model.apply(studio::InsertStep{0, plainStep("voor-wie", "dup")}, "x").error().code ==
              Code::DuplicateStepId);
        CHECK(model.apply(studio::InsertStep{0, plainStep("met spatie", "x")}, "x").error().code ==
              Code::InvalidStepId);
        CHECK(model.apply(studio::InsertStep{999, plainStep("ver", "x")}, "x").error().code ==
              Code::IndexOutOfRange);
        CHECK(model.apply(studio::MoveStep{"voor-wie", 999}, "x").error().code ==
              Code::IndexOutOfRange);
        CHECK(model.apply(studio::RemoveStep{"bestaat-niet"}, "x").error().code ==
              Code::UnknownStep);
        // Options lead to "identiteit": it cannot go while they do.
        auto refused = model.apply(studio::RemoveStep{"identiteit"}, "x");
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == Code::StepIsTarget);
        CHECK(refused.error().detail.find("voor-wie") != std::string::npos);
        content::Step leading = plainStep("nieuw", "x");
        leading.options = {{"a", "nergens"}, {"b", "voor-wie"}};
        CHECK(model.apply(studio::InsertStep{0, leading}, "x").error().code == Code::UnknownTarget);
    }
    while (model.undo()) {
    }
    CHECK(model.xml() == before);
}

TEST_CASE("The last step stays", "[studio][edit][steps]") {
    content::Guide guide = demoGuide();
    guide.steps.resize(1);
    guide.steps[0].options.clear();
    EditModel model(guide);
    CHECK(model.apply(studio::RemoveStep{guide.steps[0].id}, "x").error().code == Code::LastStep);
}

TEST_CASE("Renaming a step takes the options that lead to it along", "[studio][edit][steps]") {
    EditModel model(demoGuide());
    const auto before = model.xml();
    REQUIRE(model.apply(studio::RenameStep{"identiteit", "wie-staat-er"}, "Naam"));
    CHECK_FALSE(model.guide().findStep("identiteit"));
    const auto* first = model.guide().findStep("voor-wie");
    CHECK(first->options[0].target == "wie-staat-er");
    REQUIRE(content::parseGuide(model.xml(), "renamed"));
    CHECK(model.apply(studio::RenameStep{"gezag", "voor-wie"}, "x").error().code ==
          Code::DuplicateStepId);
    model.undo();
    CHECK(model.xml() == before);
}

TEST_CASE("Options may only lead to steps that exist", "[studio][edit]") {
    EditModel model(demoGuide());
    auto refused = model.apply(
        studio::SetStepField{"voor-wie", StepField::Options,
                             std::vector<content::Option>{{"a", "gezag"}, {"b", "weg"}}},
        "x");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Code::UnknownTarget);
    CHECK(refused.error().detail == "weg");
}

TEST_CASE("Dates, ids, hashes, triggers and languages must be in form", "[studio][edit]") {
    EditModel model(demoGuide());
    auto code = [&](studio::Edit edit) { return model.apply(std::move(edit), "x").error().code; };
    CHECK(code(studio::SetGuideField{GuideField::ValidTo, std::string("31-12-2027")}) ==
          Code::InvalidDate);
    CHECK(code(studio::SetGuideField{GuideField::ValidTo, std::string("2027-02-29")}) ==
          Code::InvalidDate);
    REQUIRE(
        model.apply(studio::SetGuideField{GuideField::ValidTo, std::string("2028-02-29")}, "x"));
    REQUIRE(model.apply(studio::SetGuideField{GuideField::ValidTo, std::string()}, "x"));
    CHECK(code(studio::SetGuideField{GuideField::Related, std::vector<std::string>{"a b"}}) ==
          Code::InvalidId);
    CHECK(code(studio::SetStepField{"gezag", StepField::Images,
                                    std::vector<content::Image>{{"md5:abc", "x"}}}) ==
          Code::InvalidHash);
    CHECK(code(studio::SetGuideField{GuideField::Triggers,
                                     std::vector<content::Trigger>{{"app", "", "link"}}}) ==
          Code::InvalidTrigger);
    CHECK(code(studio::SetGuideField{GuideField::Triggers,
                                     std::vector<content::Trigger>{{"", "", ""}}}) ==
          Code::InvalidTrigger);
    CHECK(code(studio::SetGuideField{GuideField::Language, std::string("n l")}) ==
          Code::InvalidLanguage);
}

TEST_CASE("Text is cleaned of what XML cannot hold", "[studio][edit]") {
    CHECK(studio::cleanText("a\x01"
                            "b\tc\nd") == "ab\tc\nd");
    CHECK(studio::cleanText("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(studio::cleanText("bad \xC3 byte") == "bad \xEF\xBF\xBD byte");
    CHECK(studio::cleanText("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EditModel model(demoGuide());
    REQUIRE(model.apply(
        studio::SetStepField{"gezag", StepField::Glance, std::string("Kijk\x07 goed \xFF")}, "x"));
    CHECK(model.guide().findStep("gezag")->glance == "Kijk goed \xEF\xBF\xBD");
    REQUIRE(content::parseGuide(model.xml(), "cleaned"));
}

TEST_CASE("A compound command is all or nothing", "[studio][edit]") {
    EditModel model(demoGuide());
    const auto before = model.xml();
    std::vector<studio::Edit> edits;
    edits.push_back(studio::SetGuideField{GuideField::Title, std::string("Eerst")});
    edits.push_back(studio::RemoveStep{"bestaat-niet"});
    auto refused = model.apply(std::move(edits), "Samen");
    REQUIRE_FALSE(refused);
    CHECK(model.xml() == before);
    CHECK_FALSE(model.canUndo());

    std::vector<studio::Edit> both;
    both.push_back(studio::SetGuideField{GuideField::Title, std::string("Eerst")});
    both.push_back(studio::InsertStep{0, plainStep("begin", "Begin")});
    REQUIRE(model.apply(std::move(both), "Samen"));
    CHECK(model.commandCount() == 1);
    model.undo();
    CHECK(model.xml() == before);
}

TEST_CASE("The source view replaces the guide, keeping its id and revision", "[studio][edit]") {
    EditModel model(demoGuide());
    const auto before = model.xml();
    content::Guide other = model.guide();
    other.title = "Uit de bron";
    other.revision = 99;
    other.steps.erase(other.steps.begin() + 1); // "gezag": led to from "voor-wie"
    auto refused = model.apply(studio::ReplaceGuide{other}, "Bron");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Code::UnknownTarget);
    other = model.guide();
    other.title = "Uit de bron";
    other.revision = 99;
    REQUIRE(model.apply(studio::ReplaceGuide{other}, "Bron"));
    CHECK(model.guide().revision == demoGuide().revision);
    other.id = "nl.iets.anders";
    CHECK(model.apply(studio::ReplaceGuide{other}, "x").error().code == Code::IdentityChanged);
    model.undo();
    CHECK(model.xml() == before);
}

TEST_CASE("What a guide lacks is a located diagnostic, not a refusal", "[studio][diagnostics]") {
    EditModel model(demoGuide());
    CHECK_FALSE(content::hasErrors(model.diagnostics()));
    REQUIRE(model.apply(studio::SetStepField{"gezag", StepField::Glance, std::string("")}, "x"));
    REQUIRE(model.apply(studio::SetGuideField{GuideField::Title, std::string(" ")}, "x"));
    REQUIRE(model.apply(
        studio::SetStepField{"gezag", StepField::Checks, std::vector<std::string>{"ok", ""}}, "x"));
    REQUIRE(model.apply(studio::SetStepField{"gezag", StepField::Escalation,
                                             std::optional<content::Escalation>(
                                                 content::Escalation{"politie", "", "", ""})},
                        "x"));
    const auto& found = model.diagnostics();
    CHECK(hasFinding(found, "gezag", "escalation"));
    CHECK(std::ranges::count_if(found, [](const content::Diagnostic& d) {
              return d.field == "escalation";
          }) == 3); // an unknown role, no words, and a decision besides
    model.undo();
    CHECK(content::hasErrors(found));
    CHECK(hasFinding(found, "gezag", "glance"));
    CHECK(hasFinding(found, "", "title"));
    CHECK(hasFinding(found, "gezag", "checks"));
    model.undo();
    model.undo();
    model.undo();
    CHECK_FALSE(content::hasErrors(model.diagnostics()));
}

TEST_CASE("The lint runs again after every change", "[studio][diagnostics]") {
    EditModel model(demoGuide());
    const auto before = model.diagnostics().size();
    // "derden" is only reached through an option: without it, it is unreachable.
    REQUIRE(model.apply(studio::SetStepField{"voor-wie", StepField::Options,
                                             std::vector<content::Option>{{"Zelf", "identiteit"},
                                                                          {"Kind", "gezag"}}},
                        "x"));
    CHECK(model.diagnostics().size() > before);
    model.undo();
    CHECK(model.diagnostics().size() == before);
}

TEST_CASE("Random edits keep the guide parseable and undo all the way back",
          "[studio][edit][random]") {
    const content::Guide original = demoGuide("identiteit-vaststellen.xml");
    EditModel model(original);
    std::mt19937 random(7);
    auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
    };
    int applied = 0;
    for (int i = 0; i < 400; ++i) {
        const auto& steps = model.guide().steps;
        const std::string step = steps[pick(steps.size())].id;
        studio::Edit edit;
        switch (pick(6)) {
        case 0:
            edit = studio::SetStepField{step, StepField::Glance, "Stap " + std::to_string(i)};
            break;
        case 1:
            edit = studio::InsertStep{pick(steps.size() + 1),
                                      plainStep(model.uniqueStepId("extra"), "Extra")};
            break;
        case 2:
            edit = studio::RemoveStep{step};
            break;
        case 3:
            edit = studio::MoveStep{step, pick(steps.size())};
            break;
        case 4:
            edit = studio::RenameStep{step, model.uniqueStepId(step)};
            break;
        default:
            edit = studio::SetStepField{step, StepField::Checks,
                                        std::vector<std::string>{"c" + std::to_string(i)}};
        }
        if (model.apply(std::move(edit), "random", pick(2) == 0))
            ++applied;
        if (!content::hasErrors(model.diagnostics()) || i % 50 == 0) {
            INFO("edit " << i);
            REQUIRE(content::parseGuide(model.xml(), "random"));
        }
    }
    CHECK(applied > 200);
    while (model.undo()) {
    }
    CHECK(model.guide() == original);
}

TEST_CASE("Readability follows every edit, undo and redo, among the findings when asked",
          "[studio][readability]") {
    studio::EditModelOptions options;
    options.readability = content::ReadabilityPolicy{};
    EditModel model(demoGuide(), options);
    const std::string step = model.guide().steps.front().id;
    const double before = model.readability().steps.front().score;
    const std::string hard =
        "Indien de aanvrager zich legitimeert met een identiteitsbewijs waarvan de geldigheid "
        "twijfelachtig is, dient de verantwoordelijke medewerker onverwijld de "
        "identiteitsdeskundige te raadplegen alvorens de aanvraag verder te verwerken.";
    REQUIRE(model.apply(studio::SetStepField{step, StepField::Glance, hard}, "Instructie"));
    CHECK(model.readability().steps.front().score < before);
    CHECK(hasFinding(model.diagnostics(), step, "glance"));
    REQUIRE(model.undo());
    CHECK(model.readability().steps.front().score == Approx(before));
    REQUIRE(model.redo());
    CHECK(model.readability().steps.front().score < before);

    // Without a policy the findings stay out of the list; the score is still there.
    EditModel quiet(demoGuide());
    REQUIRE(quiet.apply(studio::SetStepField{step, StepField::Glance, hard}, "Instructie"));
    CHECK_FALSE(hasFinding(quiet.diagnostics(), step, "glance"));
    CHECK(quiet.readability().steps.front().score < before);
}
