// The desk's pages (see page.h).
#include <souffleur/guide_view/guide_view.h>
#include <souffleur/guide_view/page.h>

namespace souffleur::guide_view {
namespace {

content::RenderOptions renderOptions(const PageOptions& options) {
    return {.language = options.language,
            .citizenCanSee = options.citizenCanSee,
            .scripts = GuideView::scripts(),
            .alerts = options.alerts,
            .imageBase = options.hasImage ? GuideView::imageBase() : std::string(),
            .hasImage = options.hasImage,
            .changeNote = options.changeNote,
            .changeSummary = options.changeSummary,
            .tipsApplied = options.tipsApplied};
}

} // namespace

QByteArray stepPage(const content::Guide& guide, const content::Step& step,
                    const PageOptions& options) {
    return QByteArray::fromStdString(content::renderStep(guide, step, renderOptions(options)));
}

QByteArray finishedPage(const content::Guide& guide, const std::vector<content::TakenStep>& taken,
                        const PageOptions& options) {
    return QByteArray::fromStdString(content::renderFinished(guide, renderOptions(options), taken));
}

} // namespace souffleur::guide_view
