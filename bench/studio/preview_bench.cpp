// Keystroke to painted, in Souffleur Studio's live preview (issue 14: p95 at
// most 50 ms on a 30-step guide), as a ratio to a bare render of the same
// page in the same run.
//
//   studio  a key typed into the glance of step 15 of a 30-step guide: the
//           edit model takes the edit (undo stack, lint, readability), the journal (a
//           SQLite file in a temporary directory) stores it, the
//           form and outline refresh, the preview renders the step page and
//           swaps it into the desk's guide view; until the page says it has
//           painted.
//   bare    the very page the studio produced for that keystroke, handed to
//           a second guide view of the same size, alone; until it has painted.
//
// The two alternate sample by sample, so that both meet the same machine.
// Times are the page's paint time (its wall clock, reported over the web
// channel) minus the wall clock just before the key or the page was given.
//   studio_preview_bench [--samples N]   (default 200; under Xvfb)
#include "editor_page.h"
#include "preview_pane.h"

#include <souffleur/content/parser.h>
#include <souffleur/guide_view/guide_view.h>
#include <souffleur/guide_view/process.h>
#include <souffleur/studio/guide_session.h>
#include <souffleur/studio/journal.h>
#include <souffleur/studio/server_session.h>

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace souffleur;

namespace {

double wallMs() {
    using namespace std::chrono;
    return static_cast<double>(
               duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) /
           1000.0;
}

// A guide of 30 steps of the demo's size: glance, details, why, three checks,
// a warning and a tip each; every fifth a decision.
content::Guide thirtySteps() {
    content::Guide guide;
    guide.id = "nl.bench.dertig-stappen";
    guide.title = "Dertig stappen";
    guide.summary = "Een gids van dertig stappen voor de meting.";
    for (int i = 1; i <= 30; ++i) {
        content::Step step;
        step.id = "stap-" + std::to_string(i);
        step.glance = "Controleer onderdeel " + std::to_string(i) + " van het document.";
        step.details = content::RichText::fromPlainText(
            "Kantel het document onder de lamp en kijk naar de kenmerken die bij dit onderdeel "
            "horen. Een echt document heeft ze allemaal.");
        step.why = content::RichText::fromPlainText(
            "Een vervalst document valt vaak al op bij het kantelen.");
        step.checks = {"Kenmerk A is zichtbaar", "Kenmerk B wisselt van beeld",
                       "Kenmerk C licht op onder UV"};
        step.warnings = {"Geef het document niet terug zolang u twijfelt."};
        step.tips = {"Kijk eerst naar de foto, dan naar de persoon."};
        if (i % 5 == 0 && i < 30)
            step.options = {{"In orde", "stap-" + std::to_string(i + 1)}, {"Twijfel", "stap-30"}};
        step.ends = i == 30;
        guide.steps.push_back(std::move(step));
    }
    return guide;
}

struct Summary {
    double p50 = 0, p95 = 0, max = 0;
};

Summary summarise(std::vector<double> samples) {
    std::ranges::sort(samples);
    auto at = [&](double q) {
        return samples[static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1))];
    };
    return {at(0.50), at(0.95), samples.back()};
}

// Waits for the next painted(at) of `view`; its time, or 0 on a timeout.
double nextPaint(QSignalSpy& spy) {
    if (spy.isEmpty() && !spy.wait(5000))
        return 0;
    return spy.takeFirst().at(0).toDouble();
}

} // namespace

int main(int argc, char** argv) {
    guide_view::disableSandboxWhenRoot("studio_preview_bench");
    guide_view::GuideView::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    int samples = 200;
    const QStringList arguments = QCoreApplication::arguments();
    if (const auto at = arguments.indexOf(QStringLiteral("--samples")); at > 0)
        samples = std::max(10, arguments.value(at + 1).toInt());

    // No server is spoken to: the session is never used to save.
    auto server = studio::ServerSession::connect("http://127.0.0.1:9", "bench");
    if (!server)
        return 1;
    auto shared = std::make_shared<const studio::ServerSession>(std::move(*server));
    studio::EditorPage editor(shared);
    editor.resize(1366, 740);
    editor.show();
    QTemporaryDir dir;
    auto journal =
        studio::Journal::open((dir.path() + QStringLiteral("/journal.db")).toStdString());
    if (!journal)
        return 1;
    // As the studio opens a guide: the plain-language checks on.
    studio::EditModelOptions options;
    options.readability = content::ReadabilityPolicy{};
    studio::EditModel model(thirtySteps(), options);
    const std::string xml = model.xml();
    editor.open(
        std::make_unique<studio::GuideSession>(std::move(model), "bench", 1, xml, &*journal));
    editor.selectStep("stap-15");
    auto* glance = editor.findChild<QLineEdit*>(QStringLiteral("glance"));
    if (!glance)
        return 1;
    glance->setFocus();
    glance->end(false);
    QSignalSpy studioPaints(&editor.preview().view(), &guide_view::GuideView::painted);
    if (!QTest::qWaitFor([&] { return editor.preview().view().isLoaded(); }, 20000))
        return 1;
    QTest::qWait(500);
    studioPaints.clear();

    guide_view::GuideView bare;
    bare.resize(editor.preview().view().size());
    bare.move(0, 0);
    bare.show();
    QSignalSpy barePaints(&bare, &guide_view::GuideView::painted);
    bare.showHtml(editor.preview().view().html());
    if (!QTest::qWaitFor([&] { return bare.isLoaded() && !barePaints.isEmpty(); }, 20000))
        return 1;
    QTest::qWait(500);
    barePaints.clear();

    std::vector<double> studioMs, bareMs;
    for (int i = 0; i < samples; ++i) {
        // Type a letter, then take it back, so that the step keeps its length.
        const double typed = wallMs();
        if (i % 2 == 0)
            QTest::keyClick(glance, Qt::Key_X);
        else
            QTest::keyClick(glance, Qt::Key_Backspace);
        const double painted = nextPaint(studioPaints);
        if (painted == 0) {
            std::fprintf(stderr, "studio: no paint after keystroke %d\n", i);
            return 1;
        }
        studioMs.push_back(painted - typed);
        QTest::qWait(40); // a fast typist: 25 keys a second

        const QByteArray page = editor.preview().view().html();
        const double given = wallMs();
        bare.showHtml(page);
        const double barePainted = nextPaint(barePaints);
        if (barePainted == 0) {
            std::fprintf(stderr, "bare: no paint for page %d\n", i);
            return 1;
        }
        bareMs.push_back(barePainted - given);
        QTest::qWait(40);
    }
    const Summary s = summarise(studioMs);
    const Summary b = summarise(bareMs);
    std::printf("keystroke to painted, %d samples, 30-step guide, step 15\n", samples);
    std::printf("  studio  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms\n", s.p50, s.p95, s.max);
    std::printf("  bare    p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms\n", b.p50, b.p95, b.max);
    std::printf("  ratio   p50 %.2fx  p95 %.2fx   (target: studio p95 <= 50 ms: %s)\n",
                s.p50 / b.p50, s.p95 / b.p95, s.p95 <= 50 ? "met" : "MISSED");
    return 0;
}
