// Plain language, measured: syllables of Dutch and English words, the
// Flesch-Douma score of a known passage, and the findings per step.
#include <souffleur/content/parser.h>
#include <souffleur/content/readability.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace souffleur::content;

TEST_CASE("Dutch syllables: long vowels and diphthongs count once", "[content][readability]") {
    const std::pair<const char*, int> words[] = {
        {"paspoort", 2},
        {"identiteitsbewijs", 6},
        {"aanvraag", 2},
        {"geeuw", 1},
        {"beoordelen", 4},
        {"reisdocument", 4},
        {"vreemdeling", 3},
        {"geëerd", 2},
        {"coördinatie", 5},
        {"radio", 3},
        {"gemeente", 3},
        {"uittreksel", 3},
        {"baliemedewerker", 6},
        {"verhuizing", 3},
        {"controleer", 3},
        {"nieuw", 1},
        {"mooi", 1},
        {"BRP", 1},
        {"Één", 1},
        {"a", 1},
    };
    for (const auto& [word, expected] : words) {
        INFO(word);
        CHECK(syllables(word, "nl") == expected);
    }
    CHECK(syllables("2026", "nl") == 0); // a number is a word without syllables to count
}

TEST_CASE("English syllables drop a silent final e", "[content][readability]") {
    CHECK(syllables("make", "en") == 1);
    CHECK(syllables("table", "en") == 2);
    CHECK(syllables("identity", "en") == 4);
    CHECK(syllables("the", "en") == 1);
    CHECK(syllables("yes", "en") == 1);
}

TEST_CASE("Flesch-Douma of a known passage", "[content][readability]") {
    // 2 sentences, 12 words, 17 syllables (6, and Ver-ge-lijk het ge-zicht met het do-cu-ment: 11).
    const auto m = measure("De kat zit op de mat. Vergelijk het gezicht met het document!", "nl");
    CHECK(m.sentences == 2);
    CHECK(m.words == 12);
    CHECK(m.syllables == 17);
    CHECK(m.score("nl") == Approx(206.835 - 0.93 * 6 - 77.0 * 17 / 12));
    // Each line is a sentence of its own (checks, warnings, tips).
    CHECK(measure("Foto klopt\nLeeftijd klopt", "nl").sentences == 2);
    CHECK(measure("", "nl").score("nl") == 0);
}

TEST_CASE("Findings per step: long sentences, long words, below the target",
          "[content][readability]") {
    Guide guide;
    guide.id = "nl.test.leesbaar";
    guide.title = "Leesbaar";
    Step plain;
    plain.id = "kort";
    plain.glance = "Pak het paspoort aan.";
    Step hard;
    hard.id = "lang";
    hard.glance = "Controleer het identiteitsbewijs.";
    hard.details = RichText::fromPlainText(
        "Wanneer de aanvrager bij de balie verschijnt en een reisdocument overlegt dat volgens de "
        "basisregistratie personen eerder als vermist of gestolen werd geregistreerd, dan "
        "raadpleegt "
        "u onmiddellijk de verantwoordelijke identiteitsdeskundige.");
    guide.steps = {plain, hard};

    const auto result = checkReadability(guide, {});
    REQUIRE(result.steps.size() == 2);
    CHECK(result.steps[0].score > 60);
    CHECK(result.steps[1].score < 60);
    bool longSentence = false, longWords = false, belowTarget = false;
    for (const auto& d : result.findings) {
        CHECK(d.severity == Severity::Warning); // never blocks a save
        CHECK(d.step == "lang");
        longSentence |= d.message.find("has a sentence of 30 words") != std::string::npos &&
                        d.field == "details";
        longWords |= d.message.find("identiteitsbewijs, basisregistratie") != std::string::npos;
        belowTarget |= d.message.find("reads hard") != std::string::npos;
    }
    CHECK(longSentence);
    CHECK(longWords);
    CHECK(belowTarget);

    // The organisation's policy decides.
    ReadabilityPolicy lenient;
    lenient.targetScore = 0;
    lenient.maxSentenceWords = 40;
    lenient.maxWordLetters = 30;
    CHECK(checkReadability(guide, lenient).findings.empty());
}

TEST_CASE("Every demo guide has a score for every step", "[content][readability]") {
    for (const auto& entry :
         std::filesystem::directory_iterator(SOUFFLEUR_SOURCE_DIR "/content/library")) {
        if (entry.path().extension() != ".xml")
            continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        auto guide = parseGuide(text.str(), entry.path().string());
        REQUIRE(guide);
        const auto result = checkReadability(*guide, {});
        CHECK(result.steps.size() == guide->steps.size());
        for (const auto& step : result.steps) {
            // A step that shows a block is measured in the block.
            if (guide->findStep(step.step)->block.empty())
                CHECK(step.measure.words > 0);
        }
    }
}
