// The desk's pages, made the same way for every program that shows them: a
// step of a guide, or the end of a walk through it, rendered by
// souffleur::content with the guide view's scripts (so the page updates in
// place) and the desk's options. The panel shows these; the studio's preview
// shows the very same pages.
#pragma once

#include <souffleur/content/guide.h>
#include <souffleur/content/render.h>

#include <QByteArray>

#include <functional>
#include <string>
#include <vector>

namespace souffleur::guide_view {

struct PageOptions {
    content::UiLanguage language = content::UiLanguage::Dutch;
    // "The citizen can see my screen" (content::RenderOptions::citizenCanSee).
    bool citizenCanSee = false;
    // The alerts valid today; each shows inside the steps it is attached to.
    std::vector<content::Alert> alerts;
    // Which pictures the program can serve (GuideView::setImageSource), by
    // hash; the others are described. Unset: pictures are described.
    std::function<bool(const std::string& hash)> hasImage;
    // The change note of the revision shown (content::RenderOptions::changeNote),
    // the summary of what changed and the team's tips it applied.
    std::string changeNote;
    std::string changeSummary;
    std::vector<std::string> tipsApplied;
};

// The page for `step` of `guide`.
QByteArray stepPage(const content::Guide& guide, const content::Step& step,
                    const PageOptions& options = {});

// The page for the end of a walk through `guide`: its result and the steps taken.
QByteArray finishedPage(const content::Guide& guide, const std::vector<content::TakenStep>& taken,
                        const PageOptions& options = {});

} // namespace souffleur::guide_view
