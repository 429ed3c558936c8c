// The semantic diff (content/diff.h): every demo guide against edited copies
// of itself, words, options, moves, renames, alerts and the desks' summary.
#include <souffleur/content/diff.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/protocol/diff_json.h>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace souffleur::content;

namespace {

std::vector<Guide> library() {
    std::vector<Guide> guides;
    for (const auto& entry :
         std::filesystem::directory_iterator(SOUFFLEUR_SOURCE_DIR "/content/library")) {
        if (entry.path().extension() != ".xml")
            continue;
        auto guide = loadDocument(entry.path());
        REQUIRE(guide);
        guides.push_back(std::get<Guide>(*guide));
    }
    std::ranges::sort(guides, {}, &Guide::id);
    return guides;
}

Alert loadAlert(const char* name) {
    auto alert = loadDocument(std::string(SOUFFLEUR_SOURCE_DIR "/content/library/alerts/") + name);
    REQUIRE(alert);
    return std::get<Alert>(*alert);
}

// The words of a diff in git's notation.
std::string words(const std::vector<WordRun>& runs) {
    std::string out;
    for (const auto& run : runs) {
        if (run.kind == WordRun::Kind::Same)
            out += run.text;
        else if (run.kind == WordRun::Kind::Removed)
            out += "[-" + run.text + "-]";
        else
            out += "{+" + run.text + "+}";
    }
    return out;
}

const StepChange* findChange(const GuideDiff& diff, const std::string& id) {
    const auto it = std::ranges::find(diff.steps, id, &StepChange::id);
    return it == diff.steps.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("diffWords marks the words that changed", "[content][diff]") {
    CHECK(words(diffWords("Check the passport photo", "Check the ID card photo")) ==
          "Check the [-passport -]{+ID card +}photo");
    CHECK(words(diffWords("", "new text")) == "{+new text+}");
    CHECK(words(diffWords("old text", "")) == "[-old text-]");
    CHECK(words(diffWords("same", "same")) == "same");
    // Lines stay apart: an item added to a list is one added line.
    CHECK(words(diffWords("one\ntwo", "one\none and a half\ntwo")) ==
          "one\n{+one and a half\n+}two");
    // Joining the same and added runs gives the new text back.
    const std::string after = "Vraag  naar het\ndocument, en kijk goed";
    std::string rebuilt;
    for (const auto& run : diffWords("Vraag naar een document en kijk", after)) {
        if (run.kind != WordRun::Kind::Removed)
            rebuilt += run.text;
    }
    CHECK(rebuilt == after);
}

TEST_CASE("diffWords gives up word by word only on huge changed middles", "[content][diff]") {
    std::string a;
    std::string b;
    for (int i = 0; i < 2500; ++i) {
        a += "a" + std::to_string(i) + " ";
        b += "b" + std::to_string(i) + " ";
    }
    const auto runs = diffWords("start " + a + "end", "start " + b + "end");
    REQUIRE(runs.size() == 4);
    CHECK(runs[0].kind == WordRun::Kind::Same);
    CHECK(runs[1].kind == WordRun::Kind::Removed);
    CHECK(runs[2].kind == WordRun::Kind::Added);
    CHECK(runs[3].text == "end");
}

TEST_CASE("every demo guide against edited copies of itself", "[content][diff]") {
    for (const Guide& original : library()) {
        INFO(original.id);
        REQUIRE(!original.steps.empty());
        CHECK(diffGuides(original, original).same());
        CHECK(summaryText(diffGuides(original, original)).empty());

        // A new revision that changes nothing is the same.
        Guide next = original;
        next.revision += 1;
        CHECK(diffGuides(original, next).same());

        SECTION("a changed glance") {
            Guide edited = next;
            Step& step = edited.steps.back();
            step.glance = step.glance + " Nu met een extra zin.";
            const auto diff = diffGuides(original, edited);
            REQUIRE(diff.steps.size() == 1);
            const auto& change = diff.steps[0];
            CHECK(change.kind == StepChange::Kind::Changed);
            CHECK(change.id == step.id);
            CHECK_FALSE(change.moved);
            REQUIRE(change.fields.size() == 1);
            CHECK(change.fields[0].field == "glance");
            CHECK(words(change.fields[0].words).ends_with("{+Nu met een extra zin.+}"));
            CHECK(summaryText(diff) ==
                  "Stap " + std::to_string(edited.steps.size()) + " gewijzigd.");
        }
        SECTION("a step added and one removed") {
            Guide edited = next;
            Step added;
            added.id = "nieuw-stapje";
            added.glance = "Een nieuwe stap";
            edited.steps.insert(edited.steps.begin() + 1, added);
            const std::string removedId = edited.steps.back().id;
            const bool lastIsFirst = edited.steps.size() == 2; // a block: one step
            if (!lastIsFirst)
                edited.steps.pop_back();
            const auto diff = diffGuides(original, edited);
            const auto* addedChange = findChange(diff, "nieuw-stapje");
            REQUIRE(addedChange);
            CHECK(addedChange->kind == StepChange::Kind::Added);
            CHECK(addedChange->newIndex == 1u);
            if (!lastIsFirst) {
                const auto* removed = findChange(diff, removedId);
                REQUIRE(removed);
                CHECK(removed->kind == StepChange::Kind::Removed);
                CHECK(removed->oldIndex == original.steps.size() - 1);
                CHECK(summaryText(diff) == "Stap 2 nieuw, 1 stap vervallen.");
                CHECK(summaryText(diff, "en") == "Step 2 new, 1 step removed.");
            }
            // Inserting a step moves nothing else.
            CHECK(std::ranges::none_of(diff.steps, &StepChange::moved));
        }
        if (original.steps.size() >= 3) {
            SECTION("a step moved to the front is the only one moved") {
                Guide edited = next;
                std::rotate(edited.steps.begin(), edited.steps.end() - 1, edited.steps.end());
                const auto diff = diffGuides(original, edited);
                REQUIRE(diff.steps.size() == 1);
                CHECK(diff.steps[0].id == original.steps.back().id);
                CHECK(diff.steps[0].moved);
                CHECK(diff.steps[0].fields.empty());
                CHECK(diff.steps[0].newIndex == 0u);
                CHECK(summaryText(diff) == "Stap 1 verplaatst.");
            }
        }
        SECTION("a renamed step is recognised by its content") {
            Guide edited = next;
            const std::string oldId = edited.steps[0].id;
            edited.steps[0].id = oldId + "-nieuw";
            const auto diff = diffGuides(original, edited);
            const auto* renamed = findChange(diff, oldId + "-nieuw");
            REQUIRE(renamed);
            CHECK(renamed->kind == StepChange::Kind::Renamed);
            CHECK(renamed->oldId == oldId);
            CHECK(findChange(diff, oldId) == nullptr);
        }
        SECTION("the guide's own fields") {
            Guide edited = next;
            edited.title += " (herzien)";
            edited.tags.push_back("nieuw-label");
            const auto diff = diffGuides(original, edited);
            CHECK(diff.steps.empty());
            REQUIRE(diff.fields.size() == 2);
            CHECK(diff.fields[0].field == "title");
            CHECK(diff.fields[1].field == "tags");
            CHECK(summaryText(diff) == "Algemene gegevens gewijzigd.");
        }
        SECTION("the canonical XML round trip changes nothing") {
            auto reread = parseGuide(writeGuide(original), "rewritten.xml");
            REQUIRE(reread);
            CHECK(diffGuides(original, *reread).same());
        }
    }
}

TEST_CASE("decisions: retargeted, relabelled, added and removed options", "[content][diff]") {
    Guide before;
    before.id = "t.beslis";
    before.revision = 1;
    before.title = "Beslissen";
    Step ask{.id = "vraag", .glance = "Is het document echt?"};
    ask.options = {{"Ja", "verder"}, {"Nee", "fraude"}, {"Weet ik niet", "collega"}};
    before.steps = {ask,
                    {.id = "verder", .glance = "Ga verder"},
                    {.id = "fraude", .glance = "Fraude"},
                    {.id = "collega", .glance = "Vraag een collega"}};
    Guide after = before;
    after.revision = 2;
    after.steps[0].options = {{"Ja", "fraude"},
                              {"Nee, het is vals", "fraude"},
                              {"Twijfel", "collega"},
                              {"Later", "verder"}};
    const auto diff = diffGuides(before, after);
    const auto* change = findChange(diff, "vraag");
    REQUIRE(change);
    REQUIRE(change->options.size() == 4);
    CHECK(change->options[0] ==
          OptionChange{OptionChange::Kind::Retargeted, "Ja", "", "fraude", "verder"});
    CHECK(change->options[1] ==
          OptionChange{OptionChange::Kind::Relabelled, "Nee, het is vals", "Nee", "fraude", ""});
    CHECK(change->options[2] ==
          OptionChange{OptionChange::Kind::Relabelled, "Twijfel", "Weet ik niet", "collega", ""});
    CHECK(change->options[3] == OptionChange{OptionChange::Kind::Added, "Later", "", "verder", ""});
    CHECK(diffText(diff).find("option \"Ja\" now to fraude (was verder)") != std::string::npos);

    Guide fewer = before;
    fewer.steps[0].options.pop_back();
    const auto removed = diffGuides(before, fewer);
    REQUIRE(removed.steps.size() == 1);
    CHECK(removed.steps[0].options == std::vector{OptionChange{OptionChange::Kind::Removed,
                                                               "Weet ik niet", "", "collega", ""}});
}

TEST_CASE("rich text: words, and markup that changed alone", "[content][diff]") {
    Guide before;
    before.id = "t.rijk";
    before.title = "Rijke tekst";
    Step step{.id = "a", .glance = "Kijk"};
    step.details = *RichText::fromHtml("<p>Houd het document onder de lamp.</p>");
    before.steps = {step};
    Guide emphasised = before;
    emphasised.steps[0].details =
        *RichText::fromHtml("<p>Houd het <em>document</em> onder de lamp.</p>");
    const auto markup = diffGuides(before, emphasised);
    REQUIRE(markup.steps.size() == 1);
    REQUIRE(markup.steps[0].fields.size() == 1);
    CHECK(markup.steps[0].fields[0].markupOnly);

    Guide worded = before;
    worded.steps[0].details = *RichText::fromHtml("<p>Houd het paspoort onder de UV-lamp.</p>");
    const auto text = diffGuides(before, worded);
    REQUIRE(text.steps.size() == 1);
    CHECK_FALSE(text.steps[0].fields[0].markupOnly);
    CHECK(words(text.steps[0].fields[0].words) ==
          "Houd het [-document -]{+paspoort +}onder de [-lamp.-]{+UV-lamp.+}");
}

TEST_CASE("alerts attached and detached by steps that came and went", "[content][diff]") {
    auto guides = library();
    const auto it = std::ranges::find(guides, "nl.burgerzaken.identiteit-vaststellen", &Guide::id);
    REQUIRE(it != guides.end());
    const Guide& before = *it;
    const std::vector<Alert> alerts{loadAlert("look-alike-2026-11.xml"),
                                    loadAlert("uv-lampen-storing.xml")};
    Guide after = before;
    after.revision += 1;
    const auto gone = after.stepIndex("echtheid");
    REQUIRE(gone);
    after.steps.erase(after.steps.begin() + static_cast<std::ptrdiff_t>(*gone));
    const auto diff = diffGuides(before, after, &alerts);
    REQUIRE(diff.alerts.size() == 1);
    CHECK(diff.alerts[0].kind == AlertShowing::Kind::Detached);
    CHECK(diff.alerts[0].step == "echtheid");
    // And back: the alert shows again.
    const auto back = diffGuides(after, before, &alerts);
    REQUIRE(back.alerts.size() == 1);
    CHECK(back.alerts[0].kind == AlertShowing::Kind::Attached);

    // Two revisions of an alert: attachments and fields.
    Alert older = alerts[0];
    Alert newer = older;
    newer.revision += 1;
    newer.attachments.pop_back();
    newer.attachments.push_back({"nl.burgerzaken.reisdocument-aanvragen", ""});
    newer.level = Alert::Level::Info;
    const auto alertDiff = diffAlerts(older, newer);
    CHECK(alertDiff.attached.size() == 1);
    CHECK(alertDiff.detached.size() == 1);
    REQUIRE(alertDiff.fields.size() == 1);
    CHECK(alertDiff.fields[0].field == "level");
}

TEST_CASE("the summary names a few steps and counts the rest", "[content][diff]") {
    Guide before;
    before.id = "t.veel";
    before.title = "Veel stappen";
    for (int i = 0; i < 10; ++i)
        before.steps.push_back({.id = "s" + std::to_string(i), .glance = "Stap"});
    Guide after = before;
    for (auto& step : after.steps)
        step.glance = "Andere stap";
    CHECK(summaryText(diffGuides(before, after)) ==
          "Stap 1 gewijzigd, stap 2 gewijzigd, stap 3 gewijzigd, stap 4 gewijzigd, nog 6 stappen.");
    CHECK(summaryText(diffGuides(before, after), "en", 2) ==
          "Step 1 changed, step 2 changed, 8 more steps.");
}

TEST_CASE("the diff as JSON", "[content][diff]") {
    Guide before;
    before.id = "t.json";
    before.revision = 3;
    before.title = "JSON";
    before.steps = {{.id = "a", .glance = "Eerst"}, {.id = "b", .glance = "Dan"}};
    Guide after = before;
    after.revision = 4;
    after.steps[1].glance = "Daarna";
    const auto json =
        boost::json::serialize(souffleur::protocol::diffJson(diffGuides(before, after)));
    CHECK(json.find(R"("old_revision":3,"new_revision":4,"same":false)") != std::string::npos);
    CHECK(json.find(R"("summary":{"nl":"Stap 2 gewijzigd.","en":"Step 2 changed."})") !=
          std::string::npos);
    CHECK(json.find(
              R"("words":[{"kind":"removed","text":"Dan"},{"kind":"added","text":"Daarna"}])") !=
          std::string::npos);
}
