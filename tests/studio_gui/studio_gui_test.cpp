// Souffleur Studio driven in-process with QTest, the way an author would:
// widgets found by their object names, keys typed and buttons clicked, the
// modal dialogs answered, against the real souffleur-server (the built
// binary, loopback) with its demo library. One behaviour each:
//   - open a demo guide, edit a step, see the desk's preview change, save;
//   - a mistake is listed under the form, a click goes to the field, undo
//     and redo walk back and forth;
//   - another author saved meanwhile: the 409 opens the merge, the author
//     keeps their text, and the merged guide is saved;
//   - submit for review with a change note;
//   - a step's readability against the organisation's target, as one types;
//   - the decision map marks a step never reached, and a click picks a step;
//   - a picture uploaded (cleaned by the server) and named by the step;
//   - a trigger captured from a window open on the desktop;
//   - the studio is killed (SIGKILL) while the author types: the next start
//     brings back every word.
// With SOUFFLEUR_E2E_SERVER and SOUFFLEUR_E2E_TOKEN set, the one test named
// on the command line of those ending in `OnServer` runs against that server
// instead (the end-to-end tests, tests/e2e/studio_to_desk.sh and
// co_creation_loop.sh). Runs under Xvfb (see CMakeLists.txt).
#include "aar_page.h"
#include "decision_map_view.h"
#include "demo_server.h"
#include "editor_page.h"
#include "health_page.h"
#include "inbox_panel.h"
#include "main_window.h"
#include "notices_button.h"
#include "preview_pane.h"
#include "privacy_page.h"
#include "projector_window.h"
#include "review_page.h"

#include <souffleur/guide_view/guide_view.h>
#include <souffleur/studio/journal.h>
#include <souffleur/studio/server_session.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <memory>
#include <string_view>
#include <unistd.h>

using namespace souffleur;
using namespace souffleur::studio;
using souffleur::test::DemoServer;

namespace {

constexpr auto kGuide = "nl.burgerzaken.identiteit-vaststellen";
// The demo's co-creation: two tips on it, and its revision 3 in review.
constexpr auto kBrp = "nl.burgerzaken.uittreksel-brp";
constexpr int kServerMs = 20'000;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::shared_ptr<const ServerSession> connectTo(const std::string& url, const std::string& token) {
    auto session = ServerSession::connect(url, token);
    if (!session)
        return nullptr;
    return std::make_shared<const ServerSession>(std::move(*session));
}

int newestRevision(const ServerSession& server, const std::string& id) {
    auto revisions = server.revisions(id);
    int newest = 0;
    if (revisions)
        for (const auto& r : *revisions)
            newest = std::max(newest, r.revision);
    return newest;
}

// The state of a revision of the guide on the server ("in_review"), or "".
std::string stateOf(const ServerSession& server, int revision) {
    auto revisions = server.revisions(kGuide);
    if (revisions)
        for (const auto& r : *revisions)
            if (r.revision == revision)
                return r.state;
    return {};
}

// With SOUFFLEUR_SHOTS=DIR, saves `widget` as DIR/NAME.png, for a person to look at.
void shoot(QWidget& widget, const char* name) {
    const QString dir = qEnvironmentVariable("SOUFFLEUR_SHOTS");
    if (!dir.isEmpty()) {
        QTest::qWait(300); // painted
        widget.grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
    }
}

// The studio's window on a server and a journal, shown at the laptop size.
struct Studio {
    Studio(std::shared_ptr<const ServerSession> server, Journal* journal)
        : window(server, journal, qs(server->url())) {
        window.resize(1366, 768);
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            qWarning("the studio's window is not active: focus checks may fail");
    }
    template <typename T>
    T* find(const char* name) {
        return window.findChild<T*>(QString::fromLatin1(name));
    }
    EditorPage& editor() { return window.editor(); }
    bool open(const std::string& id, int revision) {
        bool done = false;
        bool ok = false;
        window.open({id, revision, std::nullopt, 0}, [&](bool opened) {
            done = true;
            ok = opened;
        });
        return QTest::qWaitFor([&] { return done; }, kServerMs) && ok;
    }
    // Types into the glance of a step, as the author would.
    void typeGlance(const std::string& step, const QString& text) {
        editor().selectStep(step);
        auto* glance = find<QLineEdit>("glance");
        QVERIFY(glance && glance->isVisible());
        glance->setFocus();
        glance->end(false);
        QTest::keyClicks(glance, text);
    }
    // The text the preview page shows now (its DOM, not the HTML we sent).
    QString previewText() {
        QString text;
        bool done = false;
        editor().preview().view().evaluate(QStringLiteral("document.body.innerText"),
                                           [&](const QVariant& value) {
                                               text = value.toString();
                                               done = true;
                                           });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            return {};
        return text;
    }
    // Clicks a header button and waits for the save to end; true when stored.
    bool save() {
        QSignalSpy finished(&editor(), &EditorPage::saveFinished);
        QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
        if (!finished.wait(kServerMs))
            return false;
        return finished.takeFirst().at(0).toBool();
    }
    MainWindow window;
};

// Answers the next modal dialog with `answer` once it shows.
void whenDialogShows(std::function<void(QDialog&)> answer) {
    auto* timer = new QTimer;
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, [timer, answer] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        answer(*dialog);
    });
    timer->start();
}

void clickOk(QDialog& dialog) {
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

// The real server with its demo library, an author and a colleague (the
// reviewer, who may save too), and the published revision of the guide.
struct Fixture {
    Fixture()
        : server(dir.filePath(QStringLiteral("server"))) {
        author = connectTo(server.url().toStdString(), server.token(QStringLiteral("redacteur")));
        other = connectTo(server.url().toStdString(), server.token(QStringLiteral("kwaliteit")));
        if (author && other)
            published = newestRevision(*author, kGuide);
        ok = server.running() && published > 0;
    }
    QTemporaryDir dir;
    DemoServer server;
    std::shared_ptr<const ServerSession> author;
    std::shared_ptr<const ServerSession> other;
    int published = 0;
    bool ok = false;
};

bool e2eMode() {
    return !qEnvironmentVariableIsEmpty("SOUFFLEUR_E2E_SERVER");
}

} // namespace

class StudioGuiTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        if (e2eMode() && !QByteArray(QTest::currentTestFunction()).endsWith("OnServer"))
            QSKIP("end-to-end mode: only the ...OnServer tests run");
    }

    void editShowsInPreviewAndSaves() {
        Fixture f;
        QVERIFY(f.ok);
        auto journal = Journal::open((f.dir.path() + QStringLiteral("/journal.db")).toStdString());
        QVERIFY(journal);
        Studio studio(f.author, &*journal);
        QVERIFY(studio.open(kGuide, f.published));
        QTRY_VERIFY_WITH_TIMEOUT(studio.previewText().contains(QStringLiteral("Vergelijk")),
                                 10'000);

        studio.typeGlance("gezicht", QStringLiteral(" Kijk ook naar de oren."));
        QCOMPARE(studio.editor().session()->guide().steps.front().glance,
                 std::string("Vergelijk het gezicht met de foto in het document. Kijk ook naar de "
                             "oren."));
        // The desk's own view shows what was typed (from its DOM).
        QTRY_VERIFY_WITH_TIMEOUT(studio.previewText().contains(QStringLiteral("naar de oren.")),
                                 10'000);
        QVERIFY(
            studio.find<QLabel>("saveState")->text().contains(QStringLiteral("niet opgeslagen")));
        shoot(studio.window, "studio-editor");

        QVERIFY(studio.save());
        QCOMPARE(studio.editor().session()->baseRevision(), f.published + 1);
        QVERIFY(
            studio.find<QLabel>("saveState")->text().contains(QStringLiteral("alles opgeslagen")));
        auto stored = f.author->revisionXml(kGuide, f.published + 1);
        QVERIFY(stored);
        QVERIFY(stored->find("Kijk ook naar de oren.") != std::string::npos);
        // Saved: nothing left in the journal for it.
        auto unsaved = journal->unsaved();
        QVERIFY(unsaved && unsaved->empty());
    }

    void mistakesAreListedAndUndone() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.author, nullptr);
        QVERIFY(studio.open(kGuide, f.published));
        studio.editor().selectStep("echtheid");
        auto* glance = studio.find<QLineEdit>("glance");
        const QString before = glance->text();
        glance->setFocus();
        glance->selectAll();
        QTest::keyClick(glance, Qt::Key_Delete);
        QVERIFY(studio.editor().session()->guide().steps[1].glance.empty());

        // The check lists the empty instruction; a click goes to the field.
        auto* diagnostics = studio.find<QListWidget>("diagnostics");
        QTRY_VERIFY(!diagnostics->findItems(QStringLiteral("Fout"), Qt::MatchStartsWith).isEmpty());
        QListWidgetItem* finding = nullptr;
        for (int row = 0; row < diagnostics->count(); ++row)
            if (diagnostics->item(row)->text().startsWith(QStringLiteral("Fout")))
                finding = diagnostics->item(row);
        QVERIFY(finding);
        studio.editor().selectStep("gezicht"); // elsewhere first
        const QRect at = diagnostics->visualItemRect(finding);
        QTest::mouseClick(diagnostics->viewport(), Qt::LeftButton, {}, at.center());
        QCOMPARE(studio.editor().selectedStep(), std::string("echtheid"));
        QTRY_COMPARE(studio.window.focusWidget(), glance);
        shoot(studio.window, "studio-finding");

        // Saving is refused while there is an error; undo brings the text back.
        QVERIFY(!studio.save());
        studio.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&studio.window));
        QTest::keyClick(glance, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(glance->text(), before);
        QTest::keyClick(glance, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(glance->text().isEmpty());
        QTest::keyClick(glance, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(glance->text(), before);
        // No error left (the plain-language checks may still have a word to say).
        QTRY_VERIFY(diagnostics->findItems(QStringLiteral("Fout"), Qt::MatchStartsWith).isEmpty());
        QVERIFY(studio.save());
    }

    void aConflictIsMergedNeverOverwritten() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.author, nullptr);
        QVERIFY(studio.open(kGuide, f.published));
        studio.typeGlance("gezicht", QStringLiteral(" Mijn aanvulling."));

        // Meanwhile a colleague saves the same step differently, on the same base.
        auto theirs = f.other->revisionXml(kGuide, f.published);
        QVERIFY(theirs);
        const std::string from = "Vergelijk het gezicht met de foto in het document.";
        const auto at = theirs->find(from);
        QVERIFY(at != std::string::npos);
        theirs->replace(at, from.size(), "Vergelijk het gezicht met de pasfoto.");
        auto saved = f.other->save(kGuide, f.published, *theirs);
        QVERIFY(saved && std::holds_alternative<Saved>(*saved));

        // The save meets their revision: the merge opens; the author keeps both texts.
        bool asked = false;
        whenDialogShows([&](QDialog& dialog) {
            asked = true;
            shoot(dialog, "studio-merge");
            QRadioButton* both = nullptr;
            for (auto* radio : dialog.findChildren<QRadioButton*>())
                if (radio->text().startsWith(QStringLiteral("Allebei")))
                    both = radio;
            QVERIFY(both);
            both->click();
            clickOk(dialog);
        });
        QVERIFY(!studio.save()); // merged, not yet saved
        QVERIFY(asked);
        QCOMPARE(studio.editor().session()->baseRevision(), f.published + 1);
        const std::string merged = studio.editor().session()->guide().steps.front().glance;
        QVERIFY(merged.find("Mijn aanvulling.") != std::string::npos);
        QVERIFY(merged.find("pasfoto") != std::string::npos);

        QVERIFY(studio.save());
        auto stored = f.author->revisionXml(kGuide, f.published + 2);
        QVERIFY(stored);
        QVERIFY(stored->find("Mijn aanvulling.") != std::string::npos);
        QVERIFY(stored->find("pasfoto") != std::string::npos);
    }

    void submitWithAChangeNote() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.author, nullptr);
        QVERIFY(studio.open(kGuide, f.published));
        studio.typeGlance("brp", QStringLiteral(" Ook bij twijfel."));
        QVERIFY(studio.save());

        whenDialogShows([](QDialog& dialog) {
            auto* note = dialog.findChild<QPlainTextEdit*>();
            QVERIFY(note);
            QTest::keyClicks(note, QStringLiteral("Stap 4: ook bij twijfel de BRP raadplegen."));
            shoot(dialog, "studio-submit");
            clickOk(dialog);
        });
        QTest::mouseClick(studio.find<QPushButton>("submitButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*f.author, f.published + 1), std::string("in_review"),
                                  kServerMs);
    }

    void killedWhileTypingLosesNothing() {
        Fixture f;
        QVERIFY(f.ok);
        const QString journal = f.dir.path() + QStringLiteral("/journal.db");
        // A studio of its own (this program, as a child) types and is killed.
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--type-and-wait"), qs(f.author->url()),
                     qs(f.server.token(QStringLiteral("redacteur"))), journal,
                     QString::number(f.published)});
        QVERIFY(child.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += child.readAllStandardOutput()).contains("typed"), 60'000);
        child.kill(); // SIGKILL: no chance to save or close anything
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto opened = Journal::open(journal.toStdString());
        QVERIFY(opened);
        Studio studio(f.author, &*opened);
        studio.window.offerRecovery(false);
        QTRY_VERIFY_WITH_TIMEOUT(studio.editor().hasGuide(), kServerMs);
        const auto& guide = studio.editor().session()->guide();
        QCOMPARE(
            guide.steps.front().glance,
            std::string("Vergelijk het gezicht met de foto in het document. Geen woord kwijt"));
        QVERIFY(studio.editor().session()->model().modified());
        QVERIFY(studio.save());
    }

    void readabilityPerStepAgainstTheTarget() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.author, nullptr);
        QVERIFY(studio.open(kGuide, f.published));
        studio.editor().selectStep("brp");
        auto* score = studio.find<QLabel>("stepReadability");
        QVERIFY(score && score->isVisible());
        QVERIFY(score->text().contains(QStringLiteral("(doel 60)")));
        const int before = score->text().section(QLatin1Char(' '), 1, 1).toInt();
        // Plain words raise it, as the author types.
        studio.typeGlance("brp", QStringLiteral(" Kijk goed. Vraag het na. Zeg het kort."));
        QTRY_VERIFY(score->text().section(QLatin1Char(' '), 1, 1).toInt() > before);
        auto* diagnostics = studio.find<QListWidget>("diagnostics");
        QVERIFY(
            !diagnostics->findItems(QStringLiteral("leest moeilijk"), Qt::MatchContains).isEmpty());
    }

    void theDecisionMapMarksAStepNeverReached() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.author, nullptr);
        QVERIFY(studio.open(kGuide, f.published));
        studio.editor().mapAction()->trigger();
        auto* summary = studio.find<QLabel>("mapSummary");
        QTRY_VERIFY(summary->isVisible());
        QVERIFY(summary->text().contains(QStringLiteral("elke stap is te bereiken")));
        // A step added after the last one (which ends the task) is never reached.
        const auto& guide = studio.editor().session()->guide();
        studio.editor().selectStep(guide.steps.back().id);
        QTest::mouseClick(studio.find<QPushButton>("addStepButton"), Qt::LeftButton);
        QTRY_VERIFY(summary->text().contains(QStringLiteral("1 nooit bereikt")));
        auto* map = studio.find<DecisionMapView>("decisionMap");
        QVERIFY(map->map().unreachable == 1);
        QVERIFY(!map->map().nodes.back().reachable);
        shoot(studio.window, "studio-map");
        // A click on the first box selects that step.
        const MapNode first = map->map().nodes.front(); // the map is redrawn
        QTest::mouseClick(map, Qt::LeftButton, {}, QPoint(40 + first.column * 236, 40));
        QCOMPARE(studio.editor().selectedStep(), first.step);
    }

    void aBlockIsShownResolvedAndSaysWhereItIsUsed() {
        Fixture f;
        QVERIFY(f.ok);
        const std::string block = "nl.burgerzaken.blok.identiteit-aan-de-balie";
        const std::string guide = "nl.burgerzaken.verhuizing-doorgeven";
        Studio studio(f.author, nullptr);
        QVERIFY(studio.open(guide, newestRevision(*f.author, guide)));
        // The step that shows the block: no text fields, what the block is
        // and where else it is used; the preview shows the block's text.
        studio.editor().selectStep("identiteit");
        auto* panel = studio.find<QWidget>("blockPanel");
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible() && panel->height() > 0);
        QVERIFY(!studio.find<QLineEdit>("glance")->isVisible());
        auto* text = studio.find<QLabel>("blockText");
        QTRY_VERIFY_WITH_TIMEOUT(
            text->text().contains(QStringLiteral("Identiteit vaststellen aan de balie")),
            kServerMs);
        QVERIFY(text->text().contains(QStringLiteral("Uittreksel uit de BRP verstrekken")));
        QTRY_VERIFY_WITH_TIMEOUT(
            studio.previewText().contains(QStringLiteral("Stel de identiteit vast van wie")),
            kServerMs);
        QVERIFY(std::ranges::none_of(
            studio.editor().session()->model().diagnostics(),
            [](const content::Diagnostic& d) { return d.severity == content::Severity::Error; }));
        shoot(studio.window, "studio-block-step");

        // Inserting the block as a new step: a step that names it, undoable.
        const auto steps = studio.editor().session()->guide().steps.size();
        studio.editor().insertBlock(block);
        QCOMPARE(studio.editor().session()->guide().steps.size(), steps + 1);
        QCOMPARE(studio.editor().session()->guide().steps[1].block, block);
        studio.editor().editActions().front()->trigger(); // undo
        QCOMPARE(studio.editor().session()->guide().steps.size(), steps);

        // Opening the block says, before anything changes, where it is used.
        studio.editor().selectStep("identiteit");
        QTRY_VERIFY(studio.find<QPushButton>("openBlock")->isVisible());
        QTest::mouseClick(studio.find<QPushButton>("openBlock"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(studio.editor().session()->guide().id == block, kServerMs);
        auto* banner = studio.find<QLabel>("blockBanner");
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kServerMs);
        QVERIFY(banner->text().contains(QStringLiteral("gebruikt in 2 gids(en)")));
        QVERIFY(banner->text().contains(QStringLiteral("Verhuizing binnen de gemeente verwerken")));
        shoot(studio.window, "studio-block");

        // The library says which entries are blocks, and in how many guides.
        studio.window.library().reload();
        studio.window.showLibrary();
        auto* table = studio.find<QTableView>("library");
        QVERIFY(table);
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 10, kServerMs);
        bool listed = false;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            listed = listed || table->model()->index(row, 1).data().toString() ==
                                   QStringLiteral("bouwsteen (in 2 gids(en))");
        QVERIFY(listed);
        shoot(studio.window, "studio-library");
    }

    void aPictureIsUploadedCleanedAndNamedByTheStep() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.author, nullptr);
        QVERIFY(studio.open(kGuide, f.published));
        studio.editor().selectStep("echtheid");
        QImage picture(64, 40, QImage::Format_RGB32);
        picture.fill(QColor(0x20, 0x60, 0xA0));
        const QString file = f.dir.filePath(QStringLiteral("kinegram.png"));
        picture.setText(QStringLiteral("Author"), QStringLiteral("M. Jansen")); // metadata
        QVERIFY(picture.save(file));
        studio.editor().addImageFile(file, QStringLiteral("Het kinegram wisselt bij kantelen"));
        QTRY_VERIFY_WITH_TIMEOUT(!studio.editor().session()->guide().steps[1].images.empty(),
                                 kServerMs);
        const auto image = studio.editor().session()->guide().steps[1].images.front();
        QCOMPARE(image.alt, std::string("Het kinegram wisselt bij kantelen"));
        QVERIFY(image.hash.starts_with("sha256:"));
        QCOMPARE(studio.find<QListWidget>("images")->count(), 1);
        // The preview fetches it and shows it as the desk will, through the guide view's scheme.
        // Shared with the callbacks: one may still come while the view goes.
        const auto measured = std::make_shared<QString>();
        const auto measure = [&] {
            studio.editor().preview().view().evaluate(
                QStringLiteral("Array.from(document.images).map(function (i) {"
                               "  return i.complete + ':' + i.naturalWidth + 'x' + i.naturalHeight;"
                               "}).join(' ')"),
                [measured](const QVariant& result) { *measured = result.toString(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT((measure(), *measured == QStringLiteral("true:64x40")), kServerMs);
        shoot(studio.window, "studio-picture");
        // The server holds it, cleaned of its text chunk; the guide saves with it.
        auto stored = f.author->image(image.hash);
        QVERIFY(stored);
        QVERIFY(stored->find("Jansen") == std::string::npos);
        QVERIFY(studio.save());
        auto xml = f.author->revisionXml(kGuide, f.published + 1);
        QVERIFY(xml && xml->find(image.hash) != std::string::npos);
        // Undo takes it out of the step again.
        studio.editor().editActions().front()->trigger();
        QTRY_VERIFY(studio.editor().session()->guide().steps[1].images.empty());
    }

    void aTriggerCapturedFromAnOpenWindow() {
        Fixture f;
        QVERIFY(f.ok);
        // Another application's window (this program, as a child of another name).
        QProcess other;
        other.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        other.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--show-window"), QStringLiteral("Aanvraag paspoort - 4711")});
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += other.readAllStandardOutput()).contains("shown"), 20'000);

        Studio studio(f.author, nullptr);
        QVERIFY(studio.open(kGuide, f.published));
        studio.editor().selectStep(""); // the guide's own fields
        const auto before = studio.editor().session()->guide().triggers.size();
        bool listed = false;
        whenDialogShows([&](QDialog& dialog) {
            auto* choice = dialog.findChild<QComboBox*>();
            if (!choice)
                dialog.reject(); // "no windows to see": the check below fails
            QVERIFY(choice);
            const int row =
                choice->findText(QStringLiteral("Aanvraag paspoort - 4711"), Qt::MatchContains);
            listed = row >= 0;
            if (!listed) {
                qWarning("listed: %s", qPrintable([&] {
                             QStringList all;
                             for (int i = 0; i < choice->count(); ++i)
                                 all << choice->itemText(i);
                             return all.join(QStringLiteral("; "));
                         }()));
                dialog.reject();
            }
            QVERIFY(listed);
            choice->setCurrentIndex(row);
            shoot(dialog, "studio-capture");
            clickOk(dialog);
        });
        QTest::mouseClick(studio.find<QPushButton>("captureWindow"), Qt::LeftButton);
        QVERIFY(listed);
        const auto& triggers = studio.editor().session()->guide().triggers;
        QCOMPARE(triggers.size(), before + 1);
        QCOMPARE(triggers.back().title, std::string("Aanvraag paspoort - 4711"));
        QCOMPARE(triggers.back().application, std::string("reisdocumenten"));
        other.kill();
        other.waitForFinished();
    }

    // The end-to-end test's studio part: on the server it names, open the
    // newest revision of the guide, type in its first step, save and submit.
    // The reviewer's workspace: the demo's revision in review, what changed
    // word by word, the desk's view before and after, a comment, approve.
    void reviewShowsTheDiffCommentsAndApproves() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.other, nullptr);
        studio.window.showReview();
        auto& review = studio.window.review();
        QTRY_VERIFY_WITH_TIMEOUT(review.diff().has_value(), kServerMs);
        QCOMPARE(review.queue().size(), std::size_t(1));
        QCOMPARE(review.queue().front().guide, std::string(kBrp));
        const auto& diff = *review.diff();
        QCOMPARE(diff.steps.size(), std::size_t(2));
        QCOMPARE(diff.steps[0].id, std::string("soort"));
        QCOMPARE(diff.steps[0].fields.front().field, std::string("glance"));
        QVERIFY(review.detail()->toPlainText().contains(QStringLiteral("adreshistorie")));
        QVERIFY(studio.find<QLabel>("reviewSummary")
                    ->text()
                    .contains(QStringLiteral("Stap 6 gewijzigd, stap 7 gewijzigd")));
        // The desk's own view of the step, before and after.
        QTRY_VERIFY_WITH_TIMEOUT(review.newView().html().contains("soort: met of zonder"), 10'000);
        QVERIFY(review.oldView().html().contains("kies het juiste soort."));
        QVERIFY(!review.oldView().html().contains("soort: met of zonder"));
        QCOMPARE(review.comments().size(), std::size_t(1)); // the demo's comment on "soort"

        QSignalSpy commented(&review, &ReviewPage::commentsChanged);
        review.commentField()->setPlainText(QStringLiteral("Verder akkoord."));
        QTest::mouseClick(studio.find<QPushButton>("postComment"), Qt::LeftButton);
        QVERIFY(commented.wait(kServerMs));
        QCOMPARE(review.comments().size(), std::size_t(2));
        shoot(studio.window, "studio-review");

        QSignalSpy reviewed(&review, &ReviewPage::reviewed);
        QTest::mouseClick(studio.find<QPushButton>("approveButton"), Qt::LeftButton);
        QVERIFY(reviewed.wait(kServerMs));
        auto revisions = f.author->revisions(kBrp);
        QVERIFY(revisions);
        QCOMPARE(revisions->front().state, std::string("published"));
        QTRY_VERIFY_WITH_TIMEOUT(review.queue().empty(), kServerMs);
    }

    // The author hears of it live: a comment, a rejection with its reason;
    // answers and resolves the thread in the review workspace.
    void theAuthorGetsNoticesAnswersAndResolves() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.author, nullptr);
        auto& notices = studio.window.notices();
        // The demo's two tips and a comment wait for the author.
        QTRY_COMPARE_WITH_TIMEOUT(notices.unread().size(), std::size_t(3), kServerMs);
        QVERIFY(notices.text().contains(QStringLiteral("(3)")));

        // Live, over the push channel (it may still be connecting: try again).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (notices.unread().size() > 3)
                    return true;
                (void)f.other->addComment(kBrp, 3,
                                          {std::string("verstrekken"), std::nullopt, std::nullopt,
                                           "Is de controle nodig?"});
                QTest::qWait(500);
                return notices.unread().size() > 3;
            }(),
            kServerMs);
        QCOMPARE(notices.unread().front().kind, std::string("comment"));
        QCOMPARE(notices.unread().front().step, std::optional<std::string>("verstrekken"));

        // Choosing it opens the revision in the review workspace.
        Q_EMIT notices.noticeChosen(notices.unread().front());
        auto& review = studio.window.review();
        QTRY_VERIFY_WITH_TIMEOUT(review.diff().has_value(), kServerMs);
        // (The workspace may show the revision from its start already: wait for the new comment.)
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::any_of(review.comments(),
                                [](const protocol::Comment& c) { return c.step == "verstrekken"; }),
            kServerMs);
        review.selectStep("verstrekken");
        const auto thread = std::ranges::find(
            review.comments(), std::optional<std::string>("verstrekken"), &protocol::Comment::step);
        QVERIFY(thread != review.comments().end());
        const auto threadId = thread->id; // the list is fetched anew after each change
        QSignalSpy changed(&review, &ReviewPage::commentsChanged);
        review.replyTo(threadId, QStringLiteral("Ja: de burger tekent voor gezien."));
        QVERIFY(changed.wait(kServerMs));
        review.resolve(threadId, true);
        QVERIFY(changed.wait(kServerMs));
        auto stored = f.author->comments(kBrp, 3);
        QVERIFY(stored);
        for (const auto& comment : *stored)
            if (comment.thread == threadId)
                QVERIFY(comment.resolved());

        // Sent back with a reason: the author reads it at once.
        const auto before = notices.unread().size();
        QVERIFY(f.other->reject(kBrp, 3, "Maak er een keuze van."));
        QTRY_VERIFY_WITH_TIMEOUT(notices.unread().size() > before, kServerMs);
        QCOMPARE(notices.unread().front().kind, std::string("rejected"));
        QCOMPARE(notices.unread().front().text, std::string("Maak er een keuze van."));
        notices.markAllRead();
        QTRY_VERIFY_WITH_TIMEOUT(f.author->notices(true)->empty(), kServerMs);
    }

    // The desks' feedback beside the step: a suggestion applied in one click
    // (undoable), planned in the revision saved, applied once it is published.
    void aSuggestionFromTheDeskIsAppliedAndPlanned() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.author, nullptr);
        const int newest = newestRevision(*f.author, kBrp);
        QVERIFY(studio.open(kBrp, newest));
        auto& inbox = studio.editor().inbox();
        QTRY_COMPARE_WITH_TIMEOUT(inbox.feedback().size(), std::size_t(2), kServerMs);
        studio.editor().selectStep("machtiging");
        QTRY_COMPARE_WITH_TIMEOUT(inbox.list()->count(), 1, 5000);
        QVERIFY(inbox.list()->item(0)->text().contains(QStringLiteral("Balie Noord")));
        QVERIFY(inbox.list()->item(0)->text().contains(QStringLiteral("Voorstel")));
        shoot(studio.window, "studio-inbox");

        QTest::mouseClick(studio.find<QToolButton>("applySuggestion"), Qt::LeftButton);
        const std::string suggested = "Controleer de schriftelijke machtiging en de kopie van het "
                                      "ID van de volmachtgever (vraag daar al bij de afspraak om).";
        QTRY_COMPARE(studio.editor().session()->guide().findStep("machtiging")->glance, suggested);
        QCOMPARE(studio.editor().session()->appliedFeedback(),
                 std::vector<std::string>{"demo-tip-machtiging"});
        // Undoable like any edit.
        studio.editor().editActions().front()->trigger();
        QVERIFY(studio.editor().session()->appliedFeedback().empty());
        studio.editor().editActions().at(1)->trigger();
        QCOMPARE(studio.editor().session()->guide().findStep("machtiging")->glance, suggested);

        QVERIFY(studio.save());
        const int saved = studio.editor().session()->baseRevision();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto inboxNow = f.author->feedback(kBrp);
                return inboxNow && std::ranges::any_of(*inboxNow, [&](const auto& fb) {
                           return fb.id == "demo-tip-machtiging" && fb.status == "planned" &&
                                  fb.handledRevision == saved;
                       });
            }(),
            kServerMs);
        QVERIFY(f.author->submit(kBrp, saved, "Tip van Balie Noord verwerkt"));
        QVERIFY(f.other->approve(kBrp, saved));
        auto after = f.author->feedback(kBrp);
        QVERIFY(after);
        const auto tip =
            std::ranges::find(*after, std::string("demo-tip-machtiging"), &protocol::Feedback::id);
        QVERIFY(tip != after->end());
        QCOMPARE(tip->status, std::string("applied"));
    }

    // Content health: the demo's guide where the desks get stuck first, then
    // the changed source and the review that is due; a double click opens it.
    void healthShowsWhatNeedsAttentionFirst() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.other, nullptr);
        QSignalSpy loaded(&studio.window.health(), &HealthPage::loaded);
        studio.window.showHealth();
        QVERIFY(loaded.wait(kServerMs));
        auto& health = studio.window.health();
        QCOMPARE(health.guides().size(), std::size_t(10));
        auto* table = health.table();
        QCOMPARE(table->model()->rowCount(), 3); // what needs attention
        QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("Loopt vast"));
        QVERIFY(table->model()->index(0, 3).data().toString().contains(
            QStringLiteral("meegebracht wordt in 38% van 8 keer afgebroken")));
        QCOMPARE(table->model()->index(1, 2).data().toString(), QStringLiteral("Bron gewijzigd"));
        QCOMPARE(table->model()->index(2, 2).data().toString(), QStringLiteral("Herziening nodig"));
        shoot(studio.window, "studio-health");
        QSignalSpy opened(&studio.editor(), &EditorPage::documentChanged);
        Q_EMIT table->doubleClicked(table->model()->index(1, 0));
        QTRY_VERIFY_WITH_TIMEOUT(studio.editor().hasGuide(), kServerMs);
        QCOMPARE(studio.editor().session()->guide().id,
                 std::string("nl.burgerzaken.rijbewijs-verlengen"));
        // Its inbox holds the changed source, for the guide as a whole.
        studio.editor().selectStep("");
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::any_of(studio.editor().inbox().feedback(),
                                [](const protocol::Feedback& fb) { return fb.kind == "source"; }),
            kServerMs);
    }

    // A team lead runs an After Action Review in the studio: the evidence as
    // charts, the four questions with their timers, an action on a step that
    // lands in the guide's inbox and comes back with what the editors did,
    // projector mode by keyboard, the lesson shared, the report saved.
    void teamLeadRunsAnAfterActionReview() {
        Fixture f;
        QVERIFY(f.ok);
        auto lead = connectTo(f.server.url().toStdString(),
                              f.server.token(QStringLiteral("teamleider-noord")));
        QVERIFY(lead);
        auto kind = lead->signIn();
        QVERIFY(kind);
        QCOMPARE(*kind, AccountKind::TeamLead);
        MainWindow window(lead, nullptr, qs(lead->url()), AccountKind::TeamLead);
        window.resize(1366, 768);
        window.show();
        QVERIFY(window.isAarShown());
        auto& page = window.aar();
        QSignalSpy opened(&page, &AarPage::aarOpened);
        QSignalSpy shown(&page, &AarPage::evidenceShown);
        // The demo's AAR of last month opens first, with its open actions.
        QVERIFY(opened.wait(kServerMs));
        QCOMPARE(page.current()->team, std::string("Balie Noord"));
        QTRY_VERIFY_WITH_TIMEOUT(page.evidence().has_value(), kServerMs);
        QVERIFY(shown.count() > 0 || shown.wait(kServerMs));
        shoot(window, "studio-aar");
        // The privacy page says what is recorded, with this organisation's retention.
        auto* privacy = page.showPrivacy();
        QSignalSpy privacyLoaded(privacy, &PrivacyPage::loaded);
        QVERIFY(privacyLoaded.wait(kServerMs));
        const QString said = privacy->text()->toPlainText();
        QVERIFY(said.contains(QStringLiteral("24 maanden")));
        QVERIFY(said.contains(QStringLiteral("minstens 5 verschillende")));
        QVERIFY(said.contains(QStringLiteral("Nooit om een medewerker te beoordelen")));
        shoot(*privacy, "studio-aar-privacy");
        privacy->close();

        // A new AAR, about the identity check, this month.
        opened.clear();
        page.newAar(QStringLiteral("Evaluatie identiteit december"), {QString::fromLatin1(kGuide)});
        QVERIFY(opened.wait(kServerMs));
        QCOMPARE(page.current()->title, std::string("Evaluatie identiteit december"));
        QCOMPARE(page.current()->state, std::string("draft"));
        const std::string id = page.current()->id;
        // Last month's open actions are carried into it.
        QTRY_VERIFY_WITH_TIMEOUT(
            page.evidence().has_value() && !page.evidence()->openActions.empty(), kServerMs);
        // The meeting: a timer and notes.
        page.tabs()->setCurrentIndex(1);
        QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("timerButton2")),
                          Qt::LeftButton);
        QVERIFY(page.clock().running(1));
        QSignalSpy saved(&page, &AarPage::saved);
        page.answer(1)->setFocus();
        QTest::keyClicks(page.answer(1),
                         QStringLiteral("Minder escalaties sinds de voorbeeldvragen."));
        QVERIFY(saved.wait(kServerMs));
        QTRY_COMPARE_WITH_TIMEOUT(lead->aar(id)->aar.happened,
                                  std::string("Minder escalaties sinds de voorbeeldvragen."),
                                  kServerMs);
        shoot(window, "studio-aar-meeting");

        // Projector mode, by keyboard: the notes are the answer.
        page.showProjector();
        auto* projector = page.projector();
        QVERIFY(projector);
        QSignalSpy projected(projector, &ProjectorWindow::evidenceShown);
        QVERIFY(projected.wait(kServerMs));
        QTest::keyClick(projector->notes(), Qt::Key_PageDown);
        QCOMPARE(projector->question(), 1);
        QTest::keyClick(projector->notes(), Qt::Key_PageDown);
        QCOMPARE(projector->question(), 2);
        QVERIFY(projected.wait(kServerMs));
        QTest::keyClick(projector->notes(), Qt::Key_F5);
        QVERIFY(page.clock().running(2));
        QTest::keyClicks(projector->notes(), QStringLiteral("Voorbeelden helpen."));
        QCOMPARE(page.answer(2)->toPlainText(), QStringLiteral("Voorbeelden helpen."));
        shoot(*projector, "studio-aar-projector");
        QTest::keyClick(projector->notes(), Qt::Key_Escape);
        QTRY_VERIFY(!projector->isVisible());

        // An action about a step: into the guide's inbox, for the editors.
        saved.clear();
        page.addAction(QStringLiteral("Voorbeeldvraag over de kinlijn toevoegen"),
                       QStringLiteral("Redactie"), QStringLiteral("2026-12-31"),
                       QString::fromLatin1(kGuide), QStringLiteral("controlevragen"));
        QVERIFY(saved.wait(kServerMs));
        QCOMPARE(page.current()->actions.size(), std::size_t(1));
        const auto feedbackId = page.current()->actions.front().feedbackId;
        QVERIFY(feedbackId.has_value());
        auto inbox = f.author->feedback(kGuide);
        QVERIFY(inbox);
        QVERIFY(std::ranges::any_of(*inbox, [&](const protocol::Feedback& item) {
            return item.id == *feedbackId && item.kind == "action";
        }));
        // The editors plan it; the team sees so.
        QVERIFY(f.author->updateFeedback(*feedbackId,
                                         {"planned", std::nullopt, std::nullopt, std::nullopt}));
        QTRY_COMPARE_WITH_TIMEOUT(lead->aar(id)->aar.actions.front().inboxStatus.value_or(""),
                                  std::string("planned"), kServerMs);

        // Closing: the lesson shared, the report as HTML (and PDF).
        page.tabs()->setCurrentIndex(3);
        saved.clear();
        page.close(QStringLiteral("Concrete voorbeeldvragen werken beter dan een waarschuwing."),
                   true);
        QTRY_COMPARE_WITH_TIMEOUT(lead->aar(id)->aar.state, std::string("final"), kServerMs);
        // One save: the lesson, its sharing and what was typed in projector mode.
        const auto closed = lead->aar(id)->aar;
        QVERIFY(closed.shared);
        QCOMPARE(closed.why, std::string("Voorbeelden helpen."));
        QTRY_COMPARE_WITH_TIMEOUT(page.current()->state, std::string("final"), kServerMs);
        QCOMPARE(window.findChild<QPlainTextEdit*>(QStringLiteral("aarLesson"))->toPlainText(),
                 QStringLiteral("Concrete voorbeeldvragen werken beter dan een waarschuwing."));
        QTemporaryDir out;
        bool written = false;
        page.saveReport(out.filePath(QStringLiteral("aar.html")), [&](bool ok) { written = ok; });
        QVERIFY(written);
        QFile html(out.filePath(QStringLiteral("aar.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray document = html.readAll();
        QVERIFY(document.contains("<svg"));
        QVERIFY(document.contains("Voorbeeldvraag over de kinlijn toevoegen"));
        QVERIFY(!document.contains("<script"));
        bool pdf = false;
        bool done = false;
        page.saveReport(out.filePath(QStringLiteral("aar.pdf")), [&](bool ok) {
            pdf = ok;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, kServerMs);
        QVERIFY(pdf);
        QFile file(out.filePath(QStringLiteral("aar.pdf")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        shoot(window, "studio-aar-close");
    }

    // The register of sources: a new version recorded in the studio puts an
    // item in the inbox of the guide that cites it. And a guide taken back
    // to an earlier revision: a new revision, in review.
    void sourcesAndRollbackFromTheStudio() {
        Fixture f;
        QVERIFY(f.ok);
        Studio studio(f.author, nullptr);
        bool checked = false;
        whenDialogShows([&](QDialog& dialog) {
            auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("sourcesTable"));
            QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kServerMs);
            table->setCurrentCell(0, 0);
            QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("sourceId"))->text(),
                     QStringLiteral("reglement-rijbewijzen"));
            dialog.findChild<QLineEdit*>(QStringLiteral("sourceVersion"))
                ->setText(QStringLiteral("2026-12-01"));
            shoot(dialog, "studio-sources");
            QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("saveSource")),
                              Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(table->item(0, 2) &&
                                         table->item(0, 2)->text() == QStringLiteral("2026-12-01"),
                                     kServerMs);
            checked = true;
            dialog.reject();
        });
        studio.window.health().showSources();
        QVERIFY(checked);
        auto inbox = f.author->feedback("nl.burgerzaken.rijbewijs-verlengen");
        QVERIFY(inbox);
        QCOMPARE(std::ranges::count(*inbox, std::string("source"), &protocol::Feedback::kind), 2);

        // Back to revision 2 of the BRP extract (3 is in review).
        QVERIFY(studio.open(kBrp, 3));
        bool listed = false;
        whenDialogShows([&](QDialog& dialog) {
            auto* list = dialog.findChild<QListWidget*>(QStringLiteral("revisionList"));
            QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, kServerMs);
            listed = true;
            dialog.reject();
        });
        studio.editor().showHistory();
        QVERIFY(listed);
        studio.editor().rollbackTo(2, QStringLiteral("De nieuwe zin was niet duidelijk."));
        QTRY_VERIFY_WITH_TIMEOUT(newestRevision(*f.author, kBrp) == 4, kServerMs);
        auto revisions = f.author->revisions(kBrp);
        QVERIFY(revisions);
        QCOMPARE(revisions->front().state, std::string("in_review"));
        QCOMPARE(revisions->front().changeNote,
                 std::string("Teruggezet naar revisie 2: De nieuwe zin was niet duidelijk."));
    }

    // tests/e2e/aar_loop.sh: the team lead runs this month's AAR on the
    // identity check: the evidence (with the desks' sessions and logbook of
    // the e2e run), the four answers, an action on step "controlevragen".
    void aarMeetingOnServer() {
        if (!e2eMode())
            QSKIP("for tests/e2e/aar_loop.sh");
        auto lead = connectTo(qEnvironmentVariable("SOUFFLEUR_E2E_SERVER").toStdString(),
                              qEnvironmentVariable("SOUFFLEUR_E2E_TOKEN").toStdString());
        QVERIFY(lead);
        QCOMPARE(lead->signIn().value_or(AccountKind::Editor), AccountKind::TeamLead);
        MainWindow window(lead, nullptr, qs(lead->url()), AccountKind::TeamLead);
        window.resize(1366, 768);
        window.show();
        auto& page = window.aar();
        QSignalSpy opened(&page, &AarPage::aarOpened);
        QVERIFY(opened.wait(kServerMs)); // the demo's AAR of last month
        opened.clear();
        page.newAar(QStringLiteral("AAR deze maand"), {QString::fromLatin1(kGuide)});
        QVERIFY(opened.wait(kServerMs));
        const std::string id = page.current()->id;
        // This month: the desks' sessions of the e2e run are in it.
        auto* to = window.findChild<QComboBox*>(QStringLiteral("aarTo"));
        auto* from = window.findChild<QComboBox*>(QStringLiteral("aarFrom"));
        to->setCurrentIndex(to->count() - 1);
        from->setCurrentIndex(from->count() - 1);
        const std::string thisMonth = to->currentData().toString().toStdString();
        QTRY_VERIFY_WITH_TIMEOUT(page.evidence() && !page.evidence()->guides.empty() &&
                                     page.evidence()->from == thisMonth &&
                                     page.evidence()->to == thisMonth &&
                                     page.evidence()->guides.front().sessions.has_value(),
                                 kServerMs);
        const auto& logbook = page.evidence()->logbook;
        QVERIFY(std::ranges::any_of(logbook, [](const protocol::LogbookItem& entry) {
            return entry.text.find("e2e:") != std::string::npos;
        }));
        page.tabs()->setCurrentIndex(1);
        QSignalSpy saved(&page, &AarPage::saved);
        const std::array<QString, 4> answers = {
            QStringLiteral("Twijfel bij het gezicht: controlevragen, dan afronden."),
            QStringLiteral("Vaker een escalatie dan nodig."),
            QStringLiteral("De controlevragen zijn te algemeen."),
            QStringLiteral("Voorbeeldvragen in de gids; oefenen in het werkoverleg.")};
        for (int i = 0; i < 4; ++i) {
            page.answer(i)->setFocus();
            QTest::keyClicks(page.answer(i), answers[static_cast<std::size_t>(i)]);
        }
        QVERIFY(saved.wait(kServerMs));
        saved.clear();
        page.addAction(QStringLiteral("e2e: voorbeeldvragen toevoegen aan de controlevragen"),
                       QStringLiteral("Redactie"), QString(), QString::fromLatin1(kGuide),
                       QStringLiteral("controlevragen"));
        QVERIFY(saved.wait(kServerMs));
        page.close(QStringLiteral("Concrete vragen helpen meer dan een waarschuwing."), true);
        QTRY_COMPARE_WITH_TIMEOUT(lead->aar(id)->aar.state, std::string("final"), kServerMs);
        QCOMPARE(lead->aar(id)->aar.improve, answers[3].toStdString());
        shoot(window, "e2e-aar");
        std::printf("e2e: aar %s\n", id.c_str());
        std::fflush(stdout);
    }

    // tests/e2e/co_creation_loop.sh: the desk's suggestion on step "gezicht"
    // applied from the inbox in one click, saved and submitted.
    void applySuggestionAndSubmitOnServer() {
        if (!e2eMode())
            QSKIP("for tests/e2e/co_creation_loop.sh");
        auto server = connectTo(qEnvironmentVariable("SOUFFLEUR_E2E_SERVER").toStdString(),
                                qEnvironmentVariable("SOUFFLEUR_E2E_TOKEN").toStdString());
        QVERIFY(server);
        const int newest = newestRevision(*server, kGuide);
        QVERIFY(newest > 0);
        Studio studio(server, nullptr);
        QVERIFY(studio.open(kGuide, newest));
        studio.editor().selectStep("gezicht");
        auto& inbox = studio.editor().inbox();
        QTRY_COMPARE_WITH_TIMEOUT(inbox.list()->count(), 1, kServerMs);
        QVERIFY(inbox.list()->item(0)->text().contains(QStringLiteral("Voorstel")));
        QTest::mouseClick(studio.find<QToolButton>("applySuggestion"), Qt::LeftButton);
        QTRY_VERIFY(!studio.editor().session()->appliedFeedback().empty());
        QVERIFY(studio.save());
        whenDialogShows([](QDialog& dialog) {
            QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(),
                             QStringLiteral("Tip van de balie verwerkt."));
            clickOk(dialog);
        });
        QTest::mouseClick(studio.find<QPushButton>("submitButton"), Qt::LeftButton);
        const int saved = studio.editor().session()->baseRevision();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*server, saved), std::string("in_review"), kServerMs);
        std::printf("e2e: submitted revision %d\n", saved);
        std::fflush(stdout);
    }

    void editAndSubmitOnServer() {
        if (!e2eMode())
            QSKIP("for tests/e2e/studio_to_desk.sh");
        auto server = connectTo(qEnvironmentVariable("SOUFFLEUR_E2E_SERVER").toStdString(),
                                qEnvironmentVariable("SOUFFLEUR_E2E_TOKEN").toStdString());
        QVERIFY(server);
        const int newest = newestRevision(*server, kGuide);
        QVERIFY(newest > 0);
        Studio studio(server, nullptr);
        QVERIFY(studio.open(kGuide, newest));
        studio.typeGlance("gezicht", QStringLiteral(" Bewerkt in de studio."));
        QTRY_VERIFY_WITH_TIMEOUT(
            studio.previewText().contains(QStringLiteral("Bewerkt in de studio.")), 10'000);
        QVERIFY(studio.save());
        whenDialogShows([](QDialog& dialog) {
            QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(),
                             QStringLiteral("Stap 1 noemt de studio."));
            clickOk(dialog);
        });
        QTest::mouseClick(studio.find<QPushButton>("submitButton"), Qt::LeftButton);
        const int saved = studio.editor().session()->baseRevision();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*server, saved), std::string("in_review"), kServerMs);
        std::printf("e2e: submitted revision %d\n", saved);
        std::fflush(stdout);
    }
};

namespace {

// The child of killedWhileTypingLosesNothing: a studio that opens the guide,
// types, says "typed" once the journal has it, and waits to be killed.
int typeAndWait(const QStringList& arguments) {
    auto server = connectTo(arguments.at(2).toStdString(), arguments.at(3).toStdString());
    auto journal = Journal::open(arguments.at(4).toStdString());
    if (!server || !journal) {
        std::fprintf(stderr, "child: no server or journal\n");
        return 1;
    }
    Studio studio(server, &*journal);
    if (!studio.open(kGuide, arguments.at(5).toInt())) {
        std::fprintf(stderr, "child: cannot open the guide\n");
        return 1;
    }
    studio.typeGlance("gezicht", QStringLiteral(" Geen woord kwijt"));
    auto unsaved = journal->unsaved();
    if (!unsaved || unsaved->empty()) {
        std::fprintf(stderr, "child: nothing in the journal\n");
        return 1;
    }
    std::printf("typed\n");
    std::fflush(stdout);
    return QApplication::exec();
}

} // namespace

// The other application of aTriggerCapturedFromAnOpenWindow: a window
// titled `title`, under the application name "reisdocumenten".
int showWindow(const QString& title) {
    QWidget window;
    window.setWindowTitle(title);
    window.resize(400, 300);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    std::printf("shown\n");
    std::fflush(stdout);
    return QApplication::exec();
}

int main(int argc, char** argv) {
    if (argc == 3 && argv[1] == std::string_view("--show-window")) {
        // WM_CLASS: Qt takes the instance from RESOURCE_NAME, the class from the name.
        qputenv("RESOURCE_NAME", "reisdocumenten");
        QCoreApplication::setApplicationName(QStringLiteral("reisdocumenten"));
        QApplication app(argc, argv);
        return showWindow(QString::fromLocal8Bit(argv[2]));
    }
    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // tests only
    guide_view::GuideView::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 6 && arguments.at(1) == QStringLiteral("--type-and-wait"))
        return typeAndWait(arguments);
    StudioGuiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "studio_gui_test.moc"
