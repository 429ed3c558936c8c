// Feedback from the desks applied in the studio's core: a suggestion becomes
// one undoable edit linked to its feedback; undo unlinks it, redo links it
// again, and feedback on a step the guide lacks is refused.
#include <souffleur/studio/guide_session.h>

#include <catch2/catch.hpp>

using namespace souffleur;
using Target = studio::GuideSession::SuggestionTarget;

namespace {

studio::GuideSession session() {
    content::Guide guide;
    guide.id = "nl.test.inbox";
    guide.title = "Inbox";
    guide.steps = {{.id = "vraag", .glance = "Vraag het document"},
                   {.id = "klaar", .glance = "Klaar", .ends = true}};
    return studio::GuideSession(studio::EditModel(guide), "k", 1, {}, nullptr);
}

protocol::Feedback tip(std::string id, std::string step, std::string suggestion) {
    protocol::Feedback feedback;
    feedback.id = std::move(id);
    feedback.guideId = "nl.test.inbox";
    feedback.step = std::move(step);
    feedback.kind = "tip";
    feedback.text = "Zeg dat het gratis is";
    feedback.suggestion = std::move(suggestion);
    feedback.team = "Balie Noord";
    return feedback;
}

} // namespace

TEST_CASE("A suggestion applied is one undoable edit linked to its feedback", "[studio][inbox]") {
    auto guide = session();
    REQUIRE(guide.applySuggestion(tip("fb-1", "vraag", "Vraag het document; het is gratis"),
                                  Target::Glance));
    CHECK(guide.guide().steps[0].glance == "Vraag het document; het is gratis");
    CHECK(guide.model().undoLabel() == "Suggestie van Balie Noord toegepast");
    CHECK(guide.appliedFeedback() == std::vector<std::string>{"fb-1"});

    REQUIRE(guide.undo());
    CHECK(guide.guide().steps[0].glance == "Vraag het document");
    CHECK(guide.appliedFeedback().empty());
    REQUIRE(guide.redo());
    CHECK(guide.appliedFeedback() == std::vector<std::string>{"fb-1"});

    // Added as a check and as a tip; editing the text away unlinks it.
    REQUIRE(guide.applySuggestion(tip("fb-2", "vraag", "Document is geldig"), Target::Check));
    REQUIRE(guide.applySuggestion(tip("fb-3", "klaar", "Noem de ophaaldatum"), Target::Tip));
    CHECK(guide.guide().steps[0].checks == std::vector<std::string>{"Document is geldig"});
    CHECK(guide.appliedFeedback() == std::vector<std::string>{"fb-1", "fb-2", "fb-3"});
    REQUIRE(guide.apply(
        studio::SetStepField{"vraag", studio::StepField::Glance, std::string("Iets anders")},
        "typen"));
    CHECK(guide.appliedFeedback() == std::vector<std::string>{"fb-2", "fb-3"});

    // Feedback on a step this guide does not have.
    const auto refused = guide.applySuggestion(tip("fb-4", "weg", "x"), Target::Glance);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == studio::EditError::Code::UnknownStep);
    // Without a suggestion, the feedback's own text is used.
    auto bare = tip("fb-5", "klaar", "");
    bare.suggestion.reset();
    REQUIRE(guide.applySuggestion(bare, Target::Warning));
    CHECK(guide.guide().steps[1].warnings == std::vector<std::string>{"Zeg dat het gratis is"});
}
