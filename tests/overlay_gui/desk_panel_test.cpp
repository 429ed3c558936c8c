// The desk panel driven in-process with QTest, the way a user would: widgets
// found by their object names (findChild), keys typed and buttons clicked,
// against the real souffleur-server (started on a loopback port with its demo
// library) and real desk databases. What the end-to-end tests do from outside
// through the test script, these do from inside, one behaviour each:
//   - search as you type, Enter opens, a choice moves the step on;
//   - feedback with a citizen's personal data is refused and nothing stored;
//   - a guide this desk cannot show yet is listed as "update nodig", says why
//     when opened, and is named in the kept-aside view;
//   - records the server refused are named, exported and sent again;
//   - step records the database cannot take wait, the panel says so, and
//     they are stored when it can;
//   - on a full disk (a small tmpfs of its own; root only, else SKIPPED) the
//     panel guides on from its replica, the step records wait in memory and
//     the notice and the tray say the disk is full, the feedback, logbook
//     entry and acknowledgement are not stored and their texts stay; with
//     space again everything reaches the server exactly once;
//   - the team's logbook: L (or Ctrl+L from the search field) opens it with
//     the team's entries, a new one carries the guide and step on screen,
//     one with personal data is refused with its text kept, and offline an
//     entry shows as not sent and is delivered once the server is back;
//     hidden while the citizen can see the screen.
// Runs under Xvfb (xvfb-run, see CMakeLists.txt).
#include "../small_disk.h"
#include "demo_server.h"
#include "desk.h"
#include "diagnostics_dialog.h"
#include "feedback_panel.h"
#include "logbook_panel.h"
#include "overlay_window.h"
#include "tray_icon.h"
#include "wrap_button.h"

#include <souffleur/client/disk_reserve.h>
#include <souffleur/client/outbox.h>
#include <souffleur/client/replica.h>
#include <souffleur/guide_view/guide_view.h>
#include <souffleur/sqlite/sqlite.h>

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QColor>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <filesystem>
#include <memory>
#include <unistd.h>

using namespace souffleur;
using namespace souffleur::overlay;
using souffleur::test::DemoServer;

namespace {

constexpr auto kGuide = "nl.burgerzaken.identiteit-vaststellen";
constexpr int kSyncMs = 30'000;

// A desk on a data directory of its own, and its panel, shown.
struct Panel {
    Panel(const QString& dataDir, net::ServerAddress server, std::string token)
        : desk(Desk::open(dataDir.toStdString(), std::move(server), std::move(token)).value())
        , window(*desk, Language::Dutch, dataDir + QStringLiteral("/panel.ini")) {
        window.show();
        desk->startSync();
    }
    std::string firstListed() const {
        const auto listed = window.listedGuides();
        return listed.empty() ? std::string() : listed.front();
    }
    template <typename T>
    T* find(const char* name) {
        return window.findChild<T*>(QString::fromLatin1(name));
    }
    QStringList listed() {
        QStringList out;
        auto* list = find<QListWidget>("guides");
        for (int row = 0; list && row < list->count(); ++row)
            out << list->item(row)->text();
        return out;
    }
    std::unique_ptr<Desk> desk;
    OverlayWindow window;
};

// A server address where nothing listens: the desk works offline.
net::ServerAddress nowhere() {
    return {"127.0.0.1", "9"};
}

// With SOUFFLEUR_SHOTS=DIR, saves `widget` as DIR/NAME.png, for a person to look at.
void shoot(QWidget& widget, const char* name) {
    const QString dir = qEnvironmentVariable("SOUFFLEUR_SHOTS");
    if (!dir.isEmpty()) {
        QTest::qWait(300); // painted
        widget.grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
    }
}

// The same for an icon (the tray's), at 64 pixels.
void shoot(const QIcon& icon, const char* name) {
    const QString dir = qEnvironmentVariable("SOUFFLEUR_SHOTS");
    if (!dir.isEmpty())
        icon.pixmap(64, 64).save(dir + QLatin1Char('/') + QLatin1String(name) +
                                 QStringLiteral(".png"));
}

// The logbook's entries on screen, as their screen-reader names: "when, place: text".
QStringList logbookShown(Panel& panel, const char* name = "logbook-entry") {
    QStringList out;
    auto* entries = panel.find<QWidget>("logbook-entries");
    for (auto* label :
         entries ? entries->findChildren<QLabel*>(QString::fromLatin1(name)) : QList<QLabel*>())
        out << label->accessibleName();
    return out;
}

// The one entry shown with `text`, or empty.
QString logbookEntry(Panel& panel, const QString& text, const char* name = "logbook-entry") {
    const QStringList found = logbookShown(panel, name).filter(text);
    return found.size() == 1 ? found.front() : QString();
}

bool logbookShows(Panel& panel, const QString& text, const char* name = "logbook-entry") {
    return !logbookShown(panel, name).filter(text).isEmpty();
}

// The records of `type` in the desk's outbox, as JSON (another connection).
std::vector<std::string> outboxRecords(const QString& data, const char* type) {
    auto outbox = client::Outbox::open((data + QStringLiteral("/desk.sqlite")).toStdString());
    return outbox ? outbox->waiting(type).value_or(std::vector<std::string>{})
                  : std::vector<std::string>{};
}

// The real server started again on a data directory a DemoServer seeded and
// on its port, without --demo (so the desk's token stays valid): "the server
// is back" after it was stopped.
class ServerAgain {
public:
    ServerAgain(const QString& dataDir, const QString& port) {
        const QString portFile = dataDir + QStringLiteral("/port-again");
        QFile::remove(portFile);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(SOUFFLEUR_SERVER_BINARY),
                        {QStringLiteral("--data"), dataDir, QStringLiteral("--listen"),
                         QStringLiteral("127.0.0.1:") + port, QStringLiteral("--port-file"),
                         portFile});
        QFile file(portFile);
        for (int i = 0; i < 100 && file.size() == 0; ++i)
            QTest::qWait(100);
        m_running = file.size() > 0;
    }
    ~ServerAgain() {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
    ServerAgain(const ServerAgain&) = delete;
    ServerAgain& operator=(const ServerAgain&) = delete;
    bool running() const { return m_running; }

private:
    QProcess m_process;
    bool m_running = false;
};

// A number from the server's store (read-only, beside the running server).
std::int64_t serverCount(const QString& serverData, const std::string& sql) {
    auto db = sqlite::Database::open(
        (serverData + QStringLiteral("/souffleur.sqlite")).toStdString(), {.readOnly = true});
    if (!db)
        return -1;
    auto count = db->queryInt(sql);
    return count && *count ? **count : -1;
}

// Empties the desk database's WAL (which SQLite would otherwise write over in
// place), so that every page the next write needs has to be new on the disk.
bool emptyWal(const std::string& database) {
    auto db = sqlite::Database::open(database);
    if (!db)
        return false;
    for (int i = 0; i < 100; ++i) {
        auto checkpoint = db->prepare("PRAGMA wal_checkpoint(TRUNCATE)");
        if (!checkpoint || !checkpoint->step())
            return false;
        if (checkpoint->columnInt(0) == 0)
            return true;
        QTest::qWait(50); // the sync thread was reading
    }
    return false;
}

bool noticeSays(Panel& panel, const QString& text) {
    auto* notice = panel.find<QWidget>("notice");
    if (!notice || !notice->isVisible())
        return false;
    for (auto* label : notice->findChildren<QLabel*>()) {
        if (label->text().contains(text))
            return true;
    }
    return false;
}

} // namespace

class DeskPanelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void searchOpensAndAChoiceMovesOn() {
        QTemporaryDir dir;
        DemoServer server(dir.filePath(QStringLiteral("server")));
        QVERIFY(server.running());
        Panel panel(dir.filePath(QStringLiteral("desk")), server.address(), server.deskToken());
        QTRY_VERIFY_WITH_TIMEOUT(panel.listed().size() >= 9, kSyncMs);

        auto* search = panel.find<QLineEdit>("search");
        QVERIFY(search);
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("identitiet vastst")); // a typing error
        QTRY_COMPARE(panel.firstListed(), std::string(kGuide));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(panel.desk->engine() != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(panel.window.guideView().isLoaded(), kSyncMs);
        QCOMPARE(panel.desk->engine()->currentStep().id, std::string("gezicht"));

        auto* first = panel.find<WrapButton>("option-1");
        QVERIFY(first);
        QVERIFY(first->label().startsWith(QStringLiteral("1. ")));
        QTest::mouseClick(first, Qt::LeftButton);
        QCOMPARE(panel.desk->engine()->currentStep().id, std::string("echtheid"));
        QTRY_VERIFY(QString::fromUtf8(panel.window.guideView().html())
                        .contains(QStringLiteral("Stap 2 van")));
    }

    void aStepThatShowsABlockIsShownResolvedAndBlocksAreNotListed() {
        QTemporaryDir dir;
        DemoServer server(dir.filePath(QStringLiteral("server")));
        QVERIFY(server.running());
        Panel panel(dir.filePath(QStringLiteral("desk")), server.address(), server.deskToken());
        const std::string guide = "nl.burgerzaken.verhuizing-doorgeven";
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->hasGuide(guide), kSyncMs);
        QTRY_VERIFY_WITH_TIMEOUT(panel.listed().size() >= 9, kSyncMs);
        for (const QString& title : panel.listed())
            QVERIFY2(!title.contains(QStringLiteral("bouwsteen")), qPrintable(title));
        QVERIFY(panel.window.openGuide(guide));
        QTRY_VERIFY_WITH_TIMEOUT(panel.window.guideView().isLoaded(), kSyncMs);
        QCOMPARE(panel.desk->engine()->currentStep().id, std::string("identiteit"));
        const QString html = QString::fromUtf8(panel.window.guideView().html());
        QVERIFY(
            html.contains(QStringLiteral("Stel de identiteit vast van wie aan de balie staat.")));
        QVERIFY(html.contains(QStringLiteral("Identiteit vastgesteld met een geldig document")));
        shoot(panel.window, "panel-block-step");
    }

    void feedbackWithPersonalDataIsRefusedAndNothingStored() {
        QTemporaryDir dir;
        DemoServer server(dir.filePath(QStringLiteral("server")));
        QVERIFY(server.running());
        Panel panel(dir.filePath(QStringLiteral("desk")), server.address(), server.deskToken());
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->hasGuide(kGuide), kSyncMs);
        QVERIFY(panel.window.openGuide(kGuide));
        QTRY_VERIFY(panel.desk->pendingRecords() == 0); // the session's start is sent
        const auto before = panel.desk->pendingRecords();

        QTest::mouseClick(panel.find<QPushButton>("feedback"), Qt::LeftButton);
        QTest::mouseClick(panel.find<QPushButton>("kind-unclear"), Qt::LeftButton);
        auto* text = panel.find<QLineEdit>("feedback-text");
        QTest::keyClicks(text, QStringLiteral("Mevrouw met BSN 111222333 had een andere kaart"));
        QTest::mouseClick(panel.find<QPushButton>("feedback-send"), Qt::LeftButton);
        auto* message = panel.find<QLabel>("feedback-message");
        QVERIFY(message->text().contains(QStringLiteral("BSN")));
        QCOMPARE(panel.desk->pendingRecords(), before);
        QCOMPARE(text->text(), QStringLiteral("Mevrouw met BSN 111222333 had een andere kaart"));

        // Without it, the same feedback goes.
        text->clear();
        QTest::keyClicks(text, QStringLiteral("Welke kaart bedoelt u hier?"));
        QTest::mouseClick(panel.find<QPushButton>("kind-unclear"), Qt::LeftButton);
        QTest::mouseClick(panel.find<QPushButton>("feedback-send"), Qt::LeftButton);
        QVERIFY(!message->text().contains(QStringLiteral("BSN")));
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->pendingRecords() == 0, kSyncMs);
    }

    void aGuideThatNeedsAnUpdateIsListedAndExplained() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("desk"));
        {
            // The feed brought a guide of a format this desk does not read.
            auto replica =
                client::Replica::open((data + QStringLiteral("/desk.sqlite")).toStdString());
            QVERIFY(replica);
            const std::string future =
                R"(<guide xmlns="urn:x-souffleur:guide:1" id="t.toekomst" revision="1" )"
                R"(format="99"><title>Toekomstige taak</title><hologram/></guide>)";
            QVERIFY(replica->applyChanges({{1, "guide", "t.toekomst", 1, future}}, 1));
        }
        Panel panel(data, nowhere(), "t");
        QCOMPARE(panel.listed(), QStringList{QStringLiteral("Toekomstige taak (update nodig)")});
        QTRY_VERIFY(
            noticeSays(panel, QStringLiteral("Update nodig: niet alles kan getoond worden (1)")));

        auto* list = panel.find<QListWidget>("guides");
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(0)).center());
        QVERIFY(!panel.desk->engine());
        QVERIFY(panel.find<QLabel>("status")->text().contains(
            QStringLiteral("nieuwere versie van Souffleur")));

        QTest::mouseClick(panel.find<QPushButton>("view-kept-aside"), Qt::LeftButton);
        auto* dialog = panel.window.findChild<DiagnosticsDialog*>(QStringLiteral("diagnostics"));
        QVERIFY(dialog && dialog->isVisible());
        auto* pending = dialog->findChild<QListWidget*>(QStringLiteral("pending"));
        QCOMPARE(pending->count(), 1);
        QVERIFY(pending->item(0)->text().startsWith(QStringLiteral("Toekomstige taak (versie 1)")));
        QVERIFY(pending->item(0)->text().contains(QStringLiteral("nieuwere versie")));
        shoot(panel.window, "panel-update-needed");
        shoot(*dialog, "kept-aside-pending");
    }

    void picturesAndTheChangeNoteShowOfflineFromTheReplica() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("desk"));
        // A picture the desk fetched earlier, and one it never could.
        QImage picture(48, 32, QImage::Format_RGB32);
        picture.fill(QColor(0x15, 0x42, 0x73));
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(picture.save(&buffer, "PNG"));
        }
        const std::string held =
            "sha256:" +
            QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex().toStdString();
        const std::string missing = "sha256:" + std::string(64, 'e');
        {
            auto replica =
                client::Replica::open((data + QStringLiteral("/desk.sqlite")).toStdString());
            QVERIFY(replica);
            const std::string xml =
                "<guide xmlns=\"urn:x-souffleur:guide:1\" id=\"t.beeld\" revision=\"2\">"
                "<title>Echtheidskenmerken</title><step id=\"kijk\" end=\"true\">"
                "<glance>Bekijk het kinegram</glance><image hash=\"" +
                held + "\" alt=\"Kinegram op de personaliapagina\"/><image hash=\"" + missing +
                "\" alt=\"Laserbeeld van de pasfoto\"/></step></guide>";
            // Revision 1 first, so the desk knows what changed in revision 2; and
            // a tip of this desk's team that revision 2 applied.
            std::string first = xml;
            first.replace(first.find("revision=\"2\""), 12, "revision=\"1\"");
            first.replace(first.find("Bekijk het kinegram"), 19, "Bekijk het document");
            QVERIFY(replica->applyChanges({{1, "guide", "t.beeld", 1, first, ""}}, 1));
            client::Change second{
                2, "guide", "t.beeld", 2, xml, "Het kinegram staat nu bij stap 1.", {}};
            second.tipsApplied = {{"kijk", "Noem het kinegram"}};
            QVERIFY(replica->applyChanges({second}, 2));
            QVERIFY(replica->storeImage(held, png.toStdString()).value());
        }
        Panel panel(data, nowhere(), "t"); // offline
        QVERIFY(panel.window.openGuide("t.beeld"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.window.guideView().isLoaded(), kSyncMs);
        const QString html = QString::fromUtf8(panel.window.guideView().html());
        QVERIFY(html.contains(QStringLiteral("Nieuw in deze versie")));
        QVERIFY(
            html.contains(QStringLiteral("Stap 1 gewijzigd. Het kinegram staat nu bij stap 1.")));
        QVERIFY(html.contains(QStringLiteral("Uw tip is verwerkt")));
        QVERIFY(html.contains(QStringLiteral("Noem het kinegram")));
        QVERIFY(html.contains(QStringLiteral("Afbeelding: Laserbeeld van de pasfoto")));

        // The picture is loaded through the guide view's scheme and painted.
        // Shared with the callbacks: one may still come while the view goes.
        const auto measured = std::make_shared<QString>();
        const auto measure = [&] {
            panel.window.guideView().evaluate(
                QStringLiteral("Array.from(document.images).map(function (i) {"
                               "  return i.complete + ':' + i.naturalWidth + 'x' + i.naturalHeight;"
                               "}).join(' ')"),
                [measured](const QVariant& result) { *measured = result.toString(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT((measure(), *measured == QStringLiteral("true:48x32")), kSyncMs);
        shoot(panel.window, "panel-picture");

        // What changed shows once: opened again, the step is the step.
        panel.window.stopGuide();
        QVERIFY(panel.window.openGuide("t.beeld"));
        QTRY_VERIFY_WITH_TIMEOUT(!QString::fromUtf8(panel.window.guideView().html())
                                      .contains(QStringLiteral("kinegram staat nu")),
                                 kSyncMs);
        QVERIFY(!QString::fromUtf8(panel.window.guideView().html())
                     .contains(QStringLiteral("Uw tip is verwerkt")));
    }

    void refusedRecordsAreNamedExportedAndSentAgain() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("desk"));
        {
            // A batch the server answered with one record refused.
            auto outbox =
                client::Outbox::open((data + QStringLiteral("/desk.sqlite")).toStdString());
            QVERIFY(outbox);
            QVERIFY(outbox->enqueue(R"({"type":"ack","id":"k1","alert":"nl.alert.x","revision":1,)"
                                    R"("at":"2026-11-23T10:00:00Z"})"));
            const auto batch = outbox->nextBatch().value();
            QVERIFY(batch);
            const std::vector<protocol::RefusedRecord> refused{
                {0, "k1", "records[0]: this server cannot store \"ack\" records"}};
            QVERIFY(outbox->settle(batch->number, refused));
        }
        Panel panel(data, nowhere(), "t");
        QVERIFY(noticeSays(panel, QStringLiteral("Door de server geweigerd: 1 gegevens")));
        QTest::mouseClick(panel.find<QPushButton>("view-kept-aside"), Qt::LeftButton);
        auto* dialog = panel.window.findChild<DiagnosticsDialog*>(QStringLiteral("diagnostics"));
        QVERIFY(dialog);
        auto* rejected = dialog->findChild<QListWidget*>(QStringLiteral("rejected"));
        QCOMPARE(rejected->count(), 1);
        QVERIFY(rejected->item(0)->text().contains(QStringLiteral("ack: records[0]")));

        const QString file = dir.filePath(QStringLiteral("geweigerd.json"));
        QVERIFY(dialog->exportTo(file));
        QFile exported(file);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray json = exported.readAll();
        QVERIFY(json.contains(R"("record":{"type":"ack","id":"k1")"));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("outcome"))->text().contains(file));
        shoot(*dialog, "kept-aside-refused");

        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("resend")),
                          Qt::LeftButton);
        QCOMPARE(panel.desk->rejectedRecords(), 0);
        QCOMPARE(panel.desk->pendingRecords(), 1);
        QTRY_VERIFY(!noticeSays(panel, QStringLiteral("geweigerd")));
    }

    void stepRecordsTheDatabaseCannotTakeWaitAndAreStoredLater() {
        QTemporaryDir dir;
        DemoServer server(dir.filePath(QStringLiteral("server")));
        QVERIFY(server.running());
        const QString data = dir.filePath(QStringLiteral("desk"));
        Panel panel(data, server.address(), server.deskToken());
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->hasGuide(kGuide), kSyncMs);
        QVERIFY(panel.window.openGuide(kGuide));

        // Another connection holds the desk database, as a full disk would
        // refuse writes: the step's records cannot be stored.
        auto other = sqlite::Database::open((data + QStringLiteral("/desk.sqlite")).toStdString());
        QVERIFY(other);
        QVERIFY(other->exec("BEGIN EXCLUSIVE"));
        QVERIFY(panel.window.choose(0)); // the panel moves on: guiding comes first
        QCOMPARE(panel.desk->engine()->currentStep().id, std::string("echtheid"));
        QVERIFY(panel.desk->unsavedRecords() > 0);
        QVERIFY(noticeSays(panel, QStringLiteral("nog niet opgeslagen")));
        QVERIFY(!noticeSays(panel, QStringLiteral("Schijf vol"))); // locked, not full
        auto* tray = panel.window.findChild<TrayIcon*>(QStringLiteral("tray"));
        QVERIFY(tray->toolTip().contains(QStringLiteral("registraties nog niet opgeslagen")));
        shoot(panel.window, "panel-unsaved");

        QVERIFY(other->exec("COMMIT"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->unsavedRecords() == 0, 20'000);
        QTRY_VERIFY(!noticeSays(panel, QStringLiteral("nog niet opgeslagen")));
        QVERIFY(!tray->toolTip().contains(QStringLiteral("registraties")));
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->pendingRecords() == 0, kSyncMs); // and sent
    }

    void onAFullDiskThePanelGuidesOnKeepsWhatWaitsAndSendsItOnce() {
        souffleur::test::SmallDisk disk(16, "desk-panel-disk-full");
        if (!disk.mounted)
            QSKIP(qPrintable(QStringLiteral("SKIPPED: the full-disk test needs a tmpfs of its "
                                            "own: ") +
                             QString::fromStdString(disk.why)));
        QTemporaryDir dir;
        const QString serverData = dir.filePath(QStringLiteral("server"));
        DemoServer server(serverData);
        QVERIFY(server.running());
        const QString data = QString::fromStdString((disk.dir / "desk").string());
        Panel panel(data, server.address(), server.deskToken());
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->hasGuide(kGuide), kSyncMs);
        QTRY_VERIFY_WITH_TIMEOUT(panel.window.unreadAlerts() > 0, kSyncMs);
        std::string alert;
        for (const client::AlertEntry& entry : panel.desk->alerts())
            if (!entry.acknowledged && alert.empty())
                alert = entry.id;
        QVERIFY(panel.window.openGuide(kGuide));
        QTRY_VERIFY_WITH_TIMEOUT(panel.window.guideView().isLoaded(), kSyncMs);
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->pendingRecords() == 0, kSyncMs); // the start is sent
        const std::string session =
            "SELECT count(*) FROM events WHERE guide_id = '" + std::string(kGuide) + "'";
        const std::int64_t sentBefore = serverCount(serverData, session);
        QVERIFY(sentBefore > 0);
        auto* tray = panel.window.findChild<TrayIcon*>(QStringLiteral("tray"));
        QVERIFY(tray);
        QVERIFY(!tray->toolTip().contains(QStringLiteral("Schijf vol")));

        QVERIFY(emptyWal(data.toStdString() + "/desk.sqlite"));
        QVERIFY(disk.fill() > 0);

        // The panel guides on from its replica; the step records wait, and
        // the notice and the tray say why.
        QVERIFY(panel.window.choose(0));
        QCOMPARE(panel.desk->engine()->currentStep().id, std::string("echtheid"));
        QTRY_VERIFY_WITH_TIMEOUT(QString::fromUtf8(panel.window.guideView().html())
                                     .contains(QStringLiteral("Stap 2 van")),
                                 kSyncMs);
        QVERIFY(panel.desk->unsavedRecords() > 0);
        QVERIFY(panel.desk->unsavedForFullDisk());
        QVERIFY(noticeSays(panel, QStringLiteral("Schijf vol: %1 registraties wachten in het "
                                                 "geheugen")
                                      .arg(panel.desk->unsavedRecords())));
        QVERIFY2(tray->toolTip().contains(QStringLiteral("Schijf vol: %1 registraties wachten; "
                                                         "Souffleur blijft werken.")
                                              .arg(panel.desk->unsavedRecords())),
                 qPrintable(tray->toolTip()));

        // Feedback on this step: not stored, its text stays, and says why.
        QTest::mouseClick(panel.find<QPushButton>("feedback"), Qt::LeftButton);
        QTest::mouseClick(panel.find<QPushButton>("kind-unclear"), Qt::LeftButton);
        auto* text = panel.find<QLineEdit>("feedback-text");
        const QString feedback = QStringLiteral("Welk kenmerk eerst, het hologram of de UV-print?");
        QTest::keyClicks(text, feedback);
        QTest::mouseClick(panel.find<QPushButton>("feedback-send"), Qt::LeftButton);
        auto* message = panel.find<QLabel>("feedback-message");
        QVERIFY2(message->text().startsWith(QStringLiteral("Niet opgeslagen: de schijf is vol.")),
                 qPrintable(message->text()));
        QVERIFY2(message->text().contains(QStringLiteral("stap 2")), qPrintable(message->text()));
        QCOMPARE(text->text(), feedback);
        shoot(panel.window, "desk-disk-full");
        shoot(tray->icon(), "tray-disk-full");

        // The next step: the feedback stays, with its text, about step 2.
        QVERIFY(panel.window.choose(0));
        QCOMPARE(panel.desk->engine()->currentStep().id, std::string("geldigheid"));
        QVERIFY(panel.find<FeedbackPanel>("feedback-panel")->isVisible());
        QCOMPARE(text->text(), feedback);
        const std::size_t waiting = panel.desk->unsavedRecords();
        QVERIFY(noticeSays(panel, QStringLiteral("Schijf vol: %1").arg(waiting)));

        // An acknowledgement: not stored, the banner keeps asking, the status says why.
        QVERIFY(!alert.empty());
        const int unread = panel.window.unreadAlerts();
        QVERIFY(!panel.window.acknowledgeAlert(alert));
        QCOMPARE(panel.window.unreadAlerts(), unread);
        QVERIFY(panel.find<QLabel>("status")->text().contains(QStringLiteral("schijf is vol")));

        // A logbook entry: not stored, its text stays.
        panel.window.openLogbook();
        auto* input = panel.find<QLineEdit>("logbook-text");
        const QString note = QStringLiteral("UV-lamp balie 2 geeft geen licht meer");
        QTest::keyClicks(input, note);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(panel.find<QLabel>("logbook-message")
                    ->text()
                    .startsWith(QStringLiteral("Niet opgeslagen: de schijf is vol.")));
        QCOMPARE(input->text(), note);
        QCOMPARE(serverCount(serverData, session), sentBefore); // nothing went out meanwhile

        // Space again: the step records are stored by themselves, the notice
        // and the tray say nothing more; the texts go with one more try each.
        disk.free();
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->unsavedRecords() == 0, 40'000);
        QTRY_VERIFY(!noticeSays(panel, QStringLiteral("Schijf vol")));
        QVERIFY(!tray->toolTip().contains(QStringLiteral("Schijf vol")));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(input->text().isEmpty());
        QVERIFY(panel.window.acknowledgeAlert(alert));
        QCOMPARE(panel.window.unreadAlerts(), unread - 1);
        QVERIFY(!panel.find<QLabel>("status")->isVisible());
        QVERIFY(panel.window.sendFeedback(client::FeedbackKind::Unclear, feedback));
        QVERIFY(text->text().isEmpty());

        // Everything reaches the server, exactly once; feedback about step 2.
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->pendingRecords() == 0, kSyncMs);
        QCOMPARE(serverCount(serverData, session), sentBefore + std::int64_t(waiting));
        const std::string feedbackSql =
            "SELECT count(*) FROM feedback WHERE step = 'echtheid' AND text = '" +
            feedback.toStdString() + "'";
        QCOMPARE(serverCount(serverData, feedbackSql), std::int64_t{1});
        QCOMPARE(serverCount(serverData, "SELECT count(*) FROM logbook WHERE text = '" +
                                             note.toStdString() + "' AND step = 'geldigheid'"),
                 std::int64_t{1});
        QCOMPARE(
            serverCount(serverData, "SELECT count(*) FROM alert_acks WHERE alert_id = '" + alert +
                                        "' AND account_id IN (SELECT id FROM accounts WHERE name = "
                                        "'balie-noord-1')"),
            std::int64_t{1});
        panel.window.stopGuide();
        auto db = sqlite::Database::open(data.toStdString() + "/desk.sqlite");
        QVERIFY(db);
        QCOMPARE(db->queryInt("SELECT count(*) FROM pragma_integrity_check WHERE "
                              "integrity_check != 'ok'")
                     .value()
                     .value_or(-1),
                 std::int64_t{0});
    }

    void aDeskStartedOnAFullDiskGuidesFromItsReplicaAndAsksBeforeLosingAnything() {
        souffleur::test::SmallDisk disk(16, "desk-panel-full-start");
        if (!disk.mounted)
            QSKIP(qPrintable(QStringLiteral("SKIPPED: the full-disk test needs a tmpfs of its "
                                            "own: ") +
                             QString::fromStdString(disk.why)));
        const QString data = QString::fromStdString((disk.dir / "desk").string());
        const std::filesystem::path database = disk.dir / "desk" / "desk.sqlite";
        {
            QTemporaryDir dir;
            DemoServer server(dir.filePath(QStringLiteral("server")));
            QVERIFY(server.running());
            Panel panel(data, server.address(), server.deskToken());
            QTRY_VERIFY_WITH_TIMEOUT(panel.desk->hasGuide(kGuide), kSyncMs);
            QVERIFY(std::filesystem::exists(client::diskReservePath(database)));
        } // quit: the database closed, its WAL index (-shm) gone
        QVERIFY(disk.fill() > 0);

        // Started again, offline, on a disk with no byte left: opened with the
        // reserve's space, it guides from its replica.
        Panel panel(data, nowhere(), "desk-token");
        QVERIFY(!std::filesystem::exists(client::diskReservePath(database)));
        QVERIFY(panel.window.openGuide(kGuide));
        QTRY_VERIFY_WITH_TIMEOUT(panel.window.guideView().isLoaded(), kSyncMs);
        QVERIFY(panel.window.choose(0));
        QCOMPARE(panel.desk->engine()->currentStep().id, std::string("echtheid"));
        QVERIFY(panel.window.unstoredWork().isEmpty()); // stored in the reserve's space
        QVERIFY(panel.window.confirmQuit());            // nothing to lose: no question

        // Full again: what cannot be stored waits, and quitting asks first.
        QVERIFY(emptyWal(database.string()));
        QVERIFY(disk.fill() > 0);
        QVERIFY(panel.window.choose(0));
        QVERIFY(panel.desk->unsavedRecords() > 0);
        QTest::mouseClick(panel.find<QPushButton>("feedback"), Qt::LeftButton);
        QTest::mouseClick(panel.find<QPushButton>("kind-tip"), Qt::LeftButton);
        auto* text = panel.find<QLineEdit>("feedback-text");
        QTest::keyClicks(text, QStringLiteral("De UV-lamp geeft te weinig licht voor de print"));
        QTest::mouseClick(panel.find<QPushButton>("feedback-send"), Qt::LeftButton);
        QVERIFY(!text->text().isEmpty()); // not stored: the text stays
        panel.window.openLogbook();
        auto* input = panel.find<QLineEdit>("logbook-text");
        QTest::keyClicks(input, QStringLiteral("UV-lamp balie 2 vervangen"));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(!input->text().isEmpty());
        const QString unstored = panel.window.unstoredWork();
        QVERIFY2(
            unstored.contains(
                QStringLiteral("%1 registraties van stappen").arg(panel.desk->unsavedRecords())),
            qPrintable(unstored));
        QVERIFY2(unstored.contains(QStringLiteral("uw opmerking bij ")) &&
                     unstored.contains(QStringLiteral("stap 3")),
                 qPrintable(unstored));
        QVERIFY2(unstored.contains(QStringLiteral("uw regel voor het logboek")),
                 qPrintable(unstored));
        // The question's default is to stay open; only "Toch afsluiten" quits.
        // Answered as soon as the question is on screen (polled: exec() blocks).
        const auto answer = [&panel](const char* button, QString* said = nullptr) {
            auto* poll = new QTimer(&panel.window);
            QObject::connect(poll, &QTimer::timeout, poll, [poll, button, said] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box || !box->isVisible())
                    return;
                poll->stop();
                poll->deleteLater();
                if (said)
                    *said = box->text() + QLatin1Char(' ') + box->informativeText();
                shoot(*box, "desk-quit-unsaved");
                if (auto* chosen = box->findChild<QPushButton*>(QString::fromLatin1(button)))
                    chosen->click();
                else
                    box->reject(); // no such button: the test fails, it does not hang
            });
            poll->start(50);
        };
        QString said;
        answer("quit-stay", &said);
        QVERIFY(!panel.window.confirmQuit());
        QVERIFY2(said.startsWith(QStringLiteral("Nog niet opgeslagen: ") + unstored),
                 qPrintable(said));
        QVERIFY(said.contains(QStringLiteral("Als u Souffleur nu afsluit, gaat dit verloren.")));
        // The window manager's close (Alt+F4) asks too, and stays open.
        said.clear();
        answer("quit-stay", &said);
        QVERIFY(!panel.window.close());
        QVERIFY(panel.window.isVisible());
        QVERIFY(said.startsWith(QStringLiteral("Nog niet opgeslagen: ")));

        // Room again: the step records are stored, the reserve set aside again.
        disk.free();
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->unsavedRecords() == 0, 40'000);
        QTRY_VERIFY(std::filesystem::exists(client::diskReservePath(database)));
        QTest::keyClick(input, Qt::Key_Return); // the logbook entry, tried again
        QVERIFY(input->text().isEmpty());
        QVERIFY(panel.window.unstoredWork().contains(QStringLiteral("uw opmerking")));
        QTest::mouseClick(panel.find<QPushButton>("feedback-send"), Qt::LeftButton);
        QVERIFY(text->text().isEmpty());
        QVERIFY(panel.window.unstoredWork().isEmpty());
        QVERIFY(panel.window.confirmQuit()); // nothing to lose: no question

        // Lost on purpose: "Toch afsluiten" says yes, and closing asks no more.
        QVERIFY(emptyWal(database.string()));
        QVERIFY(disk.fill() > 0);
        QVERIFY(panel.window.choose(0));
        QVERIFY(!panel.window.unstoredWork().isEmpty());
        answer("quit-anyway");
        QVERIFY(panel.window.confirmQuit());
        QVERIFY(panel.window.confirmQuit());
        disk.free(); // what waits is stored when the desk goes
    }

    void theLogbookOpensWithItsKeyAndAnEntryCarriesTheGuideAndStep() {
        QTemporaryDir dir;
        DemoServer server(dir.filePath(QStringLiteral("server")));
        QVERIFY(server.running());
        const QString data = dir.filePath(QStringLiteral("desk"));
        Panel panel(data, server.address(), server.deskToken());
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->hasGuide(kGuide), kSyncMs);

        // The list page: the button is there; Ctrl+L opens it from the search field.
        auto* button = panel.find<QPushButton>("logbook");
        QVERIFY(button && button->isVisible());
        auto* logbook = panel.find<LogbookPanel>("logbook-panel");
        QVERIFY(logbook && !logbook->isVisible());
        auto* search = panel.find<QLineEdit>("search");
        search->setFocus();
        QTest::keyClick(search, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(logbook->isVisible());
        QVERIFY(search->text().isEmpty());
        // The team's entries (the demo's Balie Noord), about no open guide yet.
        QTRY_VERIFY_WITH_TIMEOUT(logbookShown(panel).size() >= 3, kSyncMs);
        QVERIFY(logbookShows(panel, QStringLiteral("UV-lamp bij balie 4")));
        QVERIFY(logbookShows(panel, QStringLiteral("stap 2: ")));
        QVERIFY(!panel.find<QWidget>("logbook-attach-row")->isVisible());
        // Escape closes it, and the keys go back to the search field.
        QTest::keyClick(panel.find<QLineEdit>("logbook-text"), Qt::Key_Escape);
        QVERIFY(!logbook->isVisible());
        QVERIFY(panel.window.isVisible());

        // A guide open: L opens it, about the step on screen.
        QVERIFY(panel.window.openGuide(kGuide));
        QTRY_VERIFY_WITH_TIMEOUT(panel.window.guideView().isLoaded(), kSyncMs);
        QVERIFY(panel.find<QPushButton>("logbook")->isVisible());
        panel.window.setFocus();
        QTest::keyClick(&panel.window, Qt::Key_L);
        QVERIFY(logbook->isVisible());
        auto* place = panel.find<QLabel>("logbook-place");
        QVERIFY(place->isVisible());
        QVERIFY2(place->text().startsWith(QStringLiteral("bij: Identiteit vaststellen")),
                 qPrintable(place->text()));
        QVERIFY2(place->text().contains(QStringLiteral(" › stap 1: Vergelijk het gezicht")),
                 qPrintable(place->text()));
        QVERIFY(panel.find<QCheckBox>("logbook-attach")->isChecked());

        auto* input = panel.find<QLineEdit>("logbook-text");
        QCOMPARE(panel.window.focusWidget(), input); // typing goes there
        const QString note = QStringLiteral("Fotohokje bij balie 3 weigert foto's; gebruik de "
                                            "gemeentecamera");
        QTest::keyClicks(input, note);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(input->text().isEmpty());
        QVERIFY(
            panel.find<QLabel>("logbook-message")->text().contains(QStringLiteral("Toegevoegd")));
        // In the desk's list at once, with the guide and step, and once the
        // server has it, listed back as the team's.
        const auto about = [&] {
            for (const client::LogbookLine& line : panel.desk->logbook())
                if (line.entry.text == note.toStdString())
                    return line;
            return client::LogbookLine{};
        };
        QCOMPARE(about().entry.guide.value_or(""), std::string(kGuide));
        QCOMPARE(about().entry.step.value_or(""), std::string("gezicht"));
        QTRY_VERIFY_WITH_TIMEOUT(about().sent && about().entry.team == "Balie Noord", kSyncMs);
        QCOMPARE(about().entry.step.value_or(""), std::string("gezicht"));
        QTRY_VERIFY(logbookShows(panel, QStringLiteral("Fotohokje bij balie 3")));
        const QString shown = logbookEntry(panel, QStringLiteral("Fotohokje bij balie 3"));
        QVERIFY2(shown.startsWith(QStringLiteral("vandaag ")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Identiteit vaststellen")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("stap 1: Vergelijk het gezicht")),
                 qPrintable(shown));
        QVERIFY(logbookShown(panel, "logbook-entry-unsent").isEmpty());
        shoot(panel.window, "panel-logbook");

        // Detached from the step: about nothing.
        QTest::mouseClick(panel.find<QCheckBox>("logbook-attach"), Qt::LeftButton);
        QVERIFY(panel.window.addLogbookEntry(QStringLiteral("Koffieautomaat is weer gerepareerd"),
                                             logbook->attaches()));
        const auto plain = panel.desk->logbook().front();
        QCOMPARE(plain.entry.text, std::string("Koffieautomaat is weer gerepareerd"));
        QVERIFY(!plain.entry.guide);
        QVERIFY(!plain.entry.step);

        // Hidden while the citizen can see the screen: the panel, the button, the key.
        panel.window.setCitizenCanSee(true);
        QVERIFY(!logbook->isVisible());
        QVERIFY(!panel.find<QPushButton>("logbook")->isVisible());
        panel.window.setFocus();
        QTest::keyClick(&panel.window, Qt::Key_L);
        QVERIFY(!logbook->isVisible());
        panel.window.setCitizenCanSee(false);
        QVERIFY(panel.find<QPushButton>("logbook")->isVisible());
    }

    void aLogbookEntryWithPersonalDataIsRefusedAndItsTextKept() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("desk"));
        Panel panel(data, nowhere(), "t");
        QTest::mouseClick(panel.find<QPushButton>("logbook"), Qt::LeftButton);
        QVERIFY(panel.find<LogbookPanel>("logbook-panel")->isVisible());
        QVERIFY(panel.find<QLabel>("logbook-none")->isVisible()); // nothing yet
        QVERIFY(panel.find<QLabel>("logbook-offline")->isVisible());

        auto* input = panel.find<QLineEdit>("logbook-text");
        const QString text = QStringLiteral("Meneer belde terug op 06-12345678 over zijn paspoort");
        QTest::keyClicks(input, text);
        // Pointed at while typing, before anything is sent.
        auto* privacy = panel.find<QLabel>("logbook-privacy");
        QVERIFY(privacy->isVisible());
        QVERIFY2(privacy->text().contains(QStringLiteral("telefoonnummer")),
                 qPrintable(privacy->text()));
        QTest::mouseClick(panel.find<QPushButton>("logbook-add"), Qt::LeftButton);
        auto* message = panel.find<QLabel>("logbook-message");
        QVERIFY2(message->text().contains(QStringLiteral("Niet opgeslagen")),
                 qPrintable(message->text()));
        QVERIFY(message->text().contains(QStringLiteral("telefoonnummer")));
        QCOMPARE(input->text(), text);
        QCOMPARE(panel.desk->pendingRecords(), 0);
        QVERIFY(outboxRecords(data, "logbook").empty());
        // The desk itself refuses it too (the outbox's privacy guard).
        QVERIFY(!panel.desk->addLogbookEntry(text));
        QCOMPARE(panel.desk->pendingRecords(), 0);
        shoot(panel.window, "panel-logbook-refused");

        // Without it, it goes in.
        input->clear();
        QVERIFY(!privacy->isVisible());
        QTest::keyClicks(input, QStringLiteral("Meneer belt terug over zijn paspoort"));
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(panel.desk->pendingRecords(), 1);
        QVERIFY(logbookShows(panel, QStringLiteral("Meneer belt terug"), "logbook-entry-unsent"));
    }

    void offlineALogbookEntryShowsAsNotSentAndIsDeliveredWhenTheServerIsBack() {
        QTemporaryDir dir;
        const QString serverData = dir.filePath(QStringLiteral("server"));
        auto server = std::make_unique<DemoServer>(serverData);
        QVERIFY(server->running());
        const QString port = server->port();
        const QString data = dir.filePath(QStringLiteral("desk"));
        Panel panel(data, server->address(), server->deskToken());
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->hasGuide(kGuide), kSyncMs);
        // The team's entries are kept by the desk (listed on connecting).
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->logbook().size() >= 3, kSyncMs);

        server.reset(); // the server goes away
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->syncState() != client::SyncState::Online, kSyncMs);
        QVERIFY(panel.window.openGuide(kGuide));
        QTRY_VERIFY_WITH_TIMEOUT(panel.window.guideView().isLoaded(), kSyncMs);
        QVERIFY(panel.window.choose(0));
        QCOMPARE(panel.desk->engine()->currentStep().id, std::string("echtheid"));
        panel.window.openLogbook();
        QTRY_VERIFY(panel.find<QLabel>("logbook-offline")->isVisible());
        QVERIFY(logbookShows(panel, QStringLiteral("UV-lamp bij balie 4"))); // what it kept

        auto* input = panel.find<QLineEdit>("logbook-text");
        QTest::keyClicks(input, QStringLiteral("UV-lamp balie 4 vervangen, weer goed beeld"));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(input->text().isEmpty());
        // Stored in the outbox, with the guide and step, and shown as not sent.
        const auto waiting = outboxRecords(data, "logbook");
        QCOMPARE(waiting.size(), std::size_t{1});
        QVERIFY2(waiting[0].find(std::string("\"guide\":\"") + kGuide + "\"") != std::string::npos,
                 waiting[0].c_str());
        QVERIFY2(waiting[0].find(R"("step":"echtheid")") != std::string::npos, waiting[0].c_str());
        QVERIFY(logbookShows(panel, QStringLiteral("UV-lamp balie 4 vervangen"),
                             "logbook-entry-unsent"));
        QVERIFY(logbookShows(panel, QStringLiteral("nog niet verstuurd"), "logbook-entry-unsent"));
        shoot(panel.window, "panel-logbook-offline");

        // The server is back: the entry is delivered and listed as sent.
        ServerAgain again(serverData, port);
        QVERIFY(again.running());
        QTRY_VERIFY_WITH_TIMEOUT(panel.desk->pendingRecords() == 0, kSyncMs);
        QTRY_VERIFY_WITH_TIMEOUT(logbookShows(panel, QStringLiteral("UV-lamp balie 4 vervangen")),
                                 kSyncMs);
        QVERIFY(logbookShown(panel, "logbook-entry-unsent").isEmpty());
        QTRY_VERIFY(!panel.find<QLabel>("logbook-offline")->isVisible());
        QVERIFY(outboxRecords(data, "logbook").empty());
    }
};

int main(int argc, char** argv) {
    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1"); // tests only
    guide_view::GuideView::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    DeskPanelTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "desk_panel_test.moc"
