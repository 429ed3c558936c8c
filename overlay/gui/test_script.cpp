// The test hook's script runner (see test_script.h). In this file: the
// command table, the parser and the tick that read it, then the commands, one
// function each in the table's order, then what they share (waiting, the
// header drag, the end of the script).
#include "test_script.h"

#include "bench_probe.h"
#include "desk.h"
#include "overlay_window.h"
#include "wrap_button.h"

#include <souffleur/guide_view/guide_view.h>
#include <souffleur/guide_view/process.h>

#include <QAbstractButton>
#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QScreen>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <string_view>

namespace souffleur::overlay {
namespace {

constexpr int kTickMs = 50;
constexpr int kDefaultTimeoutSeconds = 30;
constexpr int kAny = -1; // as a command's most arguments: any number

std::optional<client::FeedbackKind> feedbackKind(const QString& name) {
    static const std::map<QString, client::FeedbackKind> kinds{
        {QStringLiteral("wrong"), client::FeedbackKind::Wrong},
        {QStringLiteral("unclear"), client::FeedbackKind::Unclear},
        {QStringLiteral("outdated"), client::FeedbackKind::Outdated},
        {QStringLiteral("tip"), client::FeedbackKind::Tip},
    };
    const auto found = kinds.find(name);
    if (found == kinds.end())
        return std::nullopt;
    return found->second;
}

// A positive whole number, or nullopt.
std::optional<int> positive(const QString& word) {
    bool ok = false;
    const int value = word.toInt(&ok);
    if (!ok || value < 1)
        return std::nullopt;
    return value;
}

// A page that tries everything a hostile guide body would: scripts (inline,
// in an event handler, a javascript: link), a redirect, remote and file:
// images, a remote stylesheet, frame, font and form. `remote` is a URL the
// test watches for requests.
QByteArray hostilePage(const QString& remote) {
    return QStringLiteral(
               "<!DOCTYPE html><html><head><title>safe</title>"
               "<meta http-equiv=\"refresh\" content=\"0;url=%1/refresh\">"
               "<link rel=\"stylesheet\" href=\"%1/style.css\">"
               "<style>@import url(%1/import.css); @font-face { font-family: x; src: "
               "url(%1/font.woff); } body { background: url(%1/bg.png); font-family: x; }</style>"
               "<script>document.title = 'pwned';</script>"
               "<script src=\"%1/script.js\"></script></head>"
               "<body onload=\"document.title = 'pwned'\">"
               "<img src=\"%1/image.png\"><img src=\"file:///etc/passwd\">"
               "<iframe src=\"%1/frame.html\"></iframe>"
               "<object data=\"%1/object.swf\"></object>"
               "<form action=\"%1/form\" method=\"post\"><input name=\"q\"></form>"
               "<a id=\"go\" href=\"javascript:document.title='pwned'\">x</a>"
               "<svg><image href=\"%1/svg.png\"/></svg>"
               "</body></html>")
        .arg(remote)
        .toUtf8();
}

// The optional SECONDS argument at `index`: a positive number, or the default.
std::expected<int, QString> secondsArg(const QStringList& args, qsizetype index) {
    if (args.size() <= index)
        return kDefaultTimeoutSeconds;
    const auto seconds = positive(args[index]);
    if (!seconds)
        return std::unexpected(QStringLiteral("SECONDS must be a positive number"));
    return *seconds;
}

// Every visible text of `window` that does not fit where it is shown: a
// label on one line wider than its room, a wrapping label or button lower
// than its lines need, a button narrower than its text. Named by the text.
QStringList cutTexts(QWidget& window) {
    QStringList cut;
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        if (!widget->isVisible() || widget->width() <= 0)
            continue;
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            if (label->text().isEmpty())
                continue;
            const QRect room = label->contentsRect();
            const bool fits =
                label->wordWrap()
                    ? room.height() >= label->heightForWidth(room.width()) - 1
                    : label->fontMetrics().horizontalAdvance(label->text()) <= room.width();
            if (!fits)
                cut << label->text();
        } else if (auto* wrap = qobject_cast<WrapButton*>(widget)) {
            if (wrap->height() < wrap->heightForWidth(wrap->width()) - 1)
                cut << wrap->label();
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            if (!button->text().isEmpty() && button->width() < button->sizeHint().width())
                cut << button->text();
        }
    }
    return cut;
}

// What is on screen, for messages.
QString currentStepName(const Desk& desk) {
    const client::StepEngine* engine = desk.engine();
    if (!engine)
        return QStringLiteral("no guide is open");
    if (engine->state() == client::EngineState::Finished)
        return QStringLiteral("the guide is finished");
    if (engine->state() != client::EngineState::Active)
        return QStringLiteral("the guide is not active");
    return QStringLiteral("step %1").arg(QString::fromStdString(engine->currentStep().id));
}

// feedback's and feedback-refused's TEXT... [| SUGGESTION...]: the text, then
// the suggestion if there is one.
QStringList feedbackParts(const QStringList& args) {
    return args.mid(1).join(QLatin1Char(' ')).split(QStringLiteral(" | "));
}

// place's and expect-placed's right|left|floating, or nullopt.
std::optional<OverlayWindow::Placement> placementNamed(const QString& name) {
    static const std::map<QString, OverlayWindow::Placement> placements{
        {QStringLiteral("right"), OverlayWindow::Placement::Right},
        {QStringLiteral("left"), OverlayWindow::Placement::Left},
        {QStringLiteral("floating"), OverlayWindow::Placement::Floating},
    };
    const auto found = placements.find(name);
    if (found == placements.end())
        return std::nullopt;
    return found->second;
}

// drag-header's DX DY and expect-at's X Y: two whole numbers, or nullopt.
std::optional<QPoint> pointArgs(const QStringList& args) {
    bool okX = false;
    bool okY = false;
    const int x = args[0].toInt(&okX);
    const int y = args[1].toInt(&okY);
    if (!okX || !okY)
        return std::nullopt;
    return QPoint(x, y);
}

} // namespace

// A row of the command table.
struct TestScript::CommandSpec {
    std::string_view name;
    int minArgs;
    int maxArgs;            // kAny: any number
    std::string_view usage; // the arguments, as the list in test_script.h shows them
    std::expected<void, QString> (TestScript::*run)(const QStringList& args);
};

// The command table: the commands of the list in test_script.h, in its order.
const TestScript::CommandSpec* TestScript::findCommand(const QString& name) {
    static constexpr CommandSpec kCommands[] = {
        {"wait-guide", 1, 2, "ID [SECONDS]", &TestScript::waitGuide},
        {"wait-revision", 2, 3, "ID N [SECONDS]", &TestScript::waitRevision},
        {"open", 1, 1, "ID", &TestScript::open},
        {"expect-step", 1, 1, "STEP_ID", &TestScript::expectStep},
        {"next", 0, 0, "", &TestScript::next},
        {"back", 0, 0, "", &TestScript::back},
        {"abandon", 0, 0, "", &TestScript::abandon},
        {"choose", 1, 1, "N", &TestScript::choose},
        {"feedback", 1, kAny, "KIND TEXT... [| SUGGESTION...]", &TestScript::feedback},
        {"feedback-refused", 1, kAny, "KIND TEXT... [| SUGGESTION...]",
         &TestScript::feedbackRefused},
        {"logbook", 1, kAny, "TEXT...", &TestScript::logbook},
        {"logbook-refused", 1, kAny, "TEXT...", &TestScript::logbookRefused},
        {"expect-logbook", 1, kAny, "TEXT...", &TestScript::expectLogbook},
        {"search", 0, kAny, "TEXT...", &TestScript::search},
        {"expect-first", 1, 1, "ID", &TestScript::expectFirst},
        {"open-first", 0, 0, "", &TestScript::openFirst},
        {"wait-alert", 1, 2, "ID [SECONDS]", &TestScript::waitAlert},
        {"acknowledge", 1, 1, "ID", &TestScript::acknowledge},
        {"expect-unread-alerts", 1, 1, "N", &TestScript::expectUnreadAlerts},
        {"wait-suggestion", 1, 2, "ID [SECONDS]", &TestScript::waitSuggestion},
        {"wait-opened", 1, 2, "ID [SECONDS]", &TestScript::waitOpened},
        {"expect-full-loads", 1, 1, "N", &TestScript::expectFullLoads},
        {"citizen", 1, 1, "on|off", &TestScript::citizen},
        {"expect-page", 2, kAny, "has|lacks TEXT...", &TestScript::expectPage},
        {"show-hostile", 1, 1, "URL", &TestScript::showHostile},
        {"expect-inert", 0, 0, "", &TestScript::expectInert},
        {"wait-hidden", 0, 1, "[SECONDS]", &TestScript::waitHidden},
        {"wait-shown", 0, 1, "[SECONDS]", &TestScript::waitShown},
        {"wait-active", 0, 1, "[SECONDS]", &TestScript::waitActive},
        {"wait-file", 1, 2, "PATH [SECONDS]", &TestScript::waitFile},
        {"keep-edge-free", 1, 1, "on|off", &TestScript::keepEdgeFree},
        {"expect-fits", 0, 0, "", &TestScript::expectFits},
        {"expect-compact", 0, 0, "", &TestScript::expectCompact},
        {"expect-first-screen", 0, 1, "[SECONDS]", &TestScript::expectFirstScreen},
        {"expect-finished", 0, 0, "", &TestScript::expectFinished},
        {"wait-synced", 0, 1, "[SECONDS]", &TestScript::waitSynced},
        {"wait-offline", 0, 1, "[SECONDS]", &TestScript::waitOffline},
        {"expect-unsent", 0, 0, "", &TestScript::expectUnsent},
        {"wait-loaded", 0, 1, "[SECONDS]", &TestScript::waitLoaded},
        {"screenshot", 1, 1, "FILE", &TestScript::screenshot},
        {"save-page", 1, 1, "FILE", &TestScript::savePage},
        {"hide", 0, 0, "", &TestScript::hide},
        {"place", 1, 1, "right|left|floating", &TestScript::place},
        {"expect-placed", 1, 1, "right|left|floating", &TestScript::expectPlaced},
        {"drag-header", 2, 2, "DX DY", &TestScript::dragHeader},
        {"expect-at", 2, 2, "X Y", &TestScript::expectAt},
        {"pause", 1, 1, "SECONDS", &TestScript::pause},
        {"bench", 2, 4, "steps|toggle|open|search|external|alerts N [GUIDE GUIDE]",
         &TestScript::bench},
        {"print-shown", 0, 1, "[SECONDS]", &TestScript::printShown},
        {"quit", 0, 0, "", &TestScript::quit},
    };
    constexpr auto wellFormed = [](const CommandSpec& command) {
        return std::ranges::count(kCommands, command.name, &CommandSpec::name) == 1 &&
               (command.maxArgs == kAny || command.minArgs <= command.maxArgs);
    };
    static_assert(std::ranges::all_of(kCommands, wellFormed),
                  "each command once, with no fewer arguments than it allows at most");
    const auto* found = std::ranges::find_if(kCommands, [&name](const CommandSpec& command) {
        return name == QLatin1String(command.name.data(), std::ssize(command.name));
    });
    return found == std::end(kCommands) ? nullptr : found;
}

std::expected<std::vector<TestScript::Command>, QString> TestScript::parse(const QString& script) {
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    std::vector<Command> commands;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = static_cast<int>(i + 1);
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList words = line.split(whitespace, Qt::SkipEmptyParts);
        const CommandSpec* spec = findCommand(words.front());
        if (!spec)
            return std::unexpected(
                QStringLiteral("line %1: unknown command %2").arg(lineNumber).arg(words.front()));
        const auto args = words.size() - 1;
        if (args < spec->minArgs || (spec->maxArgs != kAny && args > spec->maxArgs))
            return std::unexpected(QStringLiteral("line %1: wrong number of arguments for %2")
                                       .arg(lineNumber)
                                       .arg(words.front()));
        commands.push_back({lineNumber, line, words});
    }
    return commands;
}

TestScript::TestScript(std::vector<Command> commands, OverlayWindow& window, Desk& desk,
                       QObject* parent)
    : QObject(parent)
    , m_commands(std::move(commands))
    , m_window(window)
    , m_desk(desk) {
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &TestScript::tick);
    connect(&m_window.guideView(), &guide_view::GuideView::painted, this, [this](double at) {
        if (m_firstPaintUs == 0)
            m_firstPaintUs = static_cast<qint64>(at * 1000);
    });
}

void TestScript::start() {
    m_timer.start();
}

void TestScript::tick() {
    if (m_wait) {
        if (!m_wait->done()) {
            if (m_wait->deadline.hasExpired())
                fail(m_wait->timeoutMessage);
            return;
        }
        const auto then = std::move(m_wait->then);
        m_wait.reset();
        if (then) {
            if (auto result = then(); !result) {
                fail(result.error());
                return;
            }
        }
        ++m_next;
        return;
    }
    if (m_next >= m_commands.size()) {
        finish(0);
        return;
    }
    const Command& command = m_commands[m_next];
    std::printf("script: %s\n", qPrintable(command.line));
    std::fflush(stdout);
    if (auto result = run(command); !result) {
        fail(result.error());
        return;
    }
    if (!m_wait)
        ++m_next;
}

std::expected<void, QString> TestScript::run(const Command& command) {
    const CommandSpec* spec = findCommand(command.words.front());
    if (!spec) // parse() lets none through
        return std::unexpected(QStringLiteral("unknown command %1").arg(command.words.front()));
    return std::invoke(spec->run, *this, command.words.mid(1));
}

// The commands, in the table's order.

std::expected<void, QString> TestScript::waitGuide(const QStringList& args) {
    const std::string id = args[0].toStdString();
    return waitUpTo(
        args, 1, [this, id] { return m_desk.hasGuide(id); },
        QStringLiteral("guide %1 not received").arg(args[0]));
}

std::expected<void, QString> TestScript::waitRevision(const QStringList& args) {
    const std::string id = args[0].toStdString();
    bool ok = false;
    const int revision = args[1].toInt(&ok);
    if (!ok)
        return std::unexpected(QStringLiteral("wait-revision needs a revision number"));
    return waitUpTo(
        args, 2, [this, id, revision] { return m_desk.heldRevision(id) >= revision; },
        QStringLiteral("revision %1 of guide %2 not received").arg(args[1], args[0]));
}

std::expected<void, QString> TestScript::open(const QStringList& args) {
    return m_window.openGuide(args[0].toStdString());
}

std::expected<void, QString> TestScript::expectStep(const QStringList& args) {
    const client::StepEngine* engine = m_desk.engine();
    const bool there = engine && engine->state() == client::EngineState::Active &&
                       engine->currentStep().id == args[0].toStdString();
    if (!there)
        return std::unexpected(
            QStringLiteral("expected step %1, but %2").arg(args[0], currentStepName(m_desk)));
    return {};
}

std::expected<void, QString> TestScript::next(const QStringList&) {
    return m_window.next();
}

std::expected<void, QString> TestScript::back(const QStringList&) {
    return m_window.back();
}

std::expected<void, QString> TestScript::abandon(const QStringList&) {
    if (!m_desk.engine())
        return std::unexpected(QStringLiteral("no guide is open"));
    m_window.stopGuide();
    return {};
}

std::expected<void, QString> TestScript::choose(const QStringList& args) {
    const auto option = positive(args[0]);
    if (!option)
        return std::unexpected(QStringLiteral("N must be a positive number"));
    return m_window.choose(static_cast<std::size_t>(*option - 1));
}

std::expected<void, QString> TestScript::feedback(const QStringList& args) {
    const auto kind = feedbackKind(args[0]);
    if (!kind)
        return std::unexpected(
            QStringLiteral("unknown feedback kind %1 (wrong|unclear|outdated|tip)").arg(args[0]));
    const QStringList parts = feedbackParts(args);
    return m_window.sendFeedback(*kind, parts[0], parts.value(1));
}

std::expected<void, QString> TestScript::feedbackRefused(const QStringList& args) {
    const auto kind = feedbackKind(args[0]);
    if (!kind)
        return std::unexpected(QStringLiteral("unknown feedback kind %1").arg(args[0]));
    const auto before = m_desk.pendingRecords();
    const QStringList parts = feedbackParts(args);
    if (m_window.sendFeedback(*kind, parts[0], parts.value(1)))
        return std::unexpected(QStringLiteral("the feedback was accepted"));
    if (m_desk.pendingRecords() != before)
        return std::unexpected(QStringLiteral("the refused feedback was stored"));
    return {};
}

std::expected<void, QString> TestScript::logbook(const QStringList& args) {
    const QString text = args.join(QLatin1Char(' '));
    if (auto added = m_window.addLogbookEntry(text); !added)
        return added;
    // Kept: in the outbox, or (a sync may have sent it already) in the team's list.
    for (const client::LogbookLine& line : m_desk.logbook()) {
        if (line.entry.text == text.toStdString())
            return {};
    }
    return std::unexpected(QStringLiteral("the entry is neither in the outbox nor in the list"));
}

std::expected<void, QString> TestScript::logbookRefused(const QStringList& args) {
    const auto before = m_desk.pendingRecords();
    if (m_window.addLogbookEntry(args.join(QLatin1Char(' '))))
        return std::unexpected(QStringLiteral("the logbook entry was accepted"));
    if (m_desk.pendingRecords() != before)
        return std::unexpected(QStringLiteral("the refused logbook entry was stored"));
    return {};
}

std::expected<void, QString> TestScript::expectLogbook(const QStringList& args) {
    const std::string text = args.join(QLatin1Char(' ')).toStdString();
    for (const client::LogbookLine& line : m_desk.logbook()) {
        if (line.entry.text.find(text) != std::string::npos)
            return {};
    }
    return std::unexpected(
        QStringLiteral("no logbook entry with \"%1\"").arg(args.join(QLatin1Char(' '))));
}

std::expected<void, QString> TestScript::search(const QStringList& args) {
    m_window.setSearchText(args.join(QLatin1Char(' ')));
    return {};
}

std::expected<void, QString> TestScript::expectFirst(const QStringList& args) {
    const auto listed = m_window.listedGuides();
    if (listed.empty() || listed.front() != args[0].toStdString())
        return std::unexpected(QStringLiteral("expected %1 first in the list, but %2")
                                   .arg(args[0], listed.empty()
                                                     ? QStringLiteral("the list is empty")
                                                     : QString::fromStdString(listed.front())));
    return {};
}

std::expected<void, QString> TestScript::openFirst(const QStringList&) {
    return m_window.openFirstListed();
}

std::expected<void, QString> TestScript::waitAlert(const QStringList& args) {
    const std::string id = args[0].toStdString();
    return waitUpTo(
        args, 1,
        [this, id] {
            const auto alerts = m_desk.alerts();
            return std::ranges::find(alerts, id, &client::AlertEntry::id) != alerts.end();
        },
        QStringLiteral("alert %1 not received").arg(args[0]));
}

std::expected<void, QString> TestScript::acknowledge(const QStringList& args) {
    return m_window.acknowledgeAlert(args[0].toStdString());
}

std::expected<void, QString> TestScript::expectUnreadAlerts(const QStringList& args) {
    bool ok = false;
    const int expected = args[0].toInt(&ok);
    if (!ok || m_window.unreadAlerts() != expected)
        return std::unexpected(QStringLiteral("%1 unread alerts, expected %2")
                                   .arg(m_window.unreadAlerts())
                                   .arg(args[0]));
    return {};
}

std::expected<void, QString> TestScript::waitSuggestion(const QStringList& args) {
    const std::string id = args[0].toStdString();
    return waitUpTo(
        args, 1, [this, id] { return m_window.suggestedGuide() == id; },
        QStringLiteral("guide %1 not suggested").arg(args[0]));
}

std::expected<void, QString> TestScript::waitOpened(const QStringList& args) {
    const std::string id = args[0].toStdString();
    return waitUpTo(
        args, 1,
        [this, id] {
            const client::StepEngine* open = m_desk.engine();
            return open && open->guide().id == id;
        },
        QStringLiteral("guide %1 not opened").arg(args[0]));
}

std::expected<void, QString> TestScript::expectFullLoads(const QStringList& args) {
    const guide_view::GuideView& view = m_window.guideView();
    bool ok = false;
    const int expected = args[0].toInt(&ok);
    if (!ok || view.fullLoads() != expected)
        return std::unexpected(
            QStringLiteral("%1 full page loads, expected %2").arg(view.fullLoads()).arg(args[0]));
    std::printf("script: %d full page loads, %d pages swapped in place\n", view.fullLoads(),
                view.inPlaceUpdates());
    return {};
}

std::expected<void, QString> TestScript::citizen(const QStringList& args) {
    if (args[0] != QLatin1String("on") && args[0] != QLatin1String("off"))
        return std::unexpected(QStringLiteral("citizen takes on or off"));
    m_window.setCitizenCanSee(args[0] == QLatin1String("on"));
    return {};
}

std::expected<void, QString> TestScript::expectPage(const QStringList& args) {
    if (args[0] != QLatin1String("has") && args[0] != QLatin1String("lacks"))
        return std::unexpected(QStringLiteral("expect-page takes has or lacks"));
    const QString text = args.mid(1).join(QLatin1Char(' '));
    const bool has = QString::fromUtf8(m_window.guideView().html()).contains(text);
    if (has != (args[0] == QLatin1String("has")))
        return std::unexpected(
            QStringLiteral("the page %1 \"%2\"")
                .arg(has ? QStringLiteral("has") : QStringLiteral("lacks"), text));
    return {};
}

std::expected<void, QString> TestScript::showHostile(const QStringList& args) {
    // A guide view of its own, as the panel and the studio make one, with
    // the page as it is: the view's own defences, past the sanitizer.
    delete m_hostileView;
    m_hostileView = new guide_view::GuideView();
    m_hostileView->setAttribute(Qt::WA_QuitOnClose, false); // the panel is the application
    m_hostileView->resize(m_window.size());
    m_hostileView->show();
    m_hostileView->loadHtml(hostilePage(args[0]));
    // Let it load and try whatever it tries for a while.
    const auto settled = QDeadlineTimer(2000);
    waitFor([this, settled] { return m_hostileView->isLoaded() && settled.hasExpired(); }, 30,
            QStringLiteral("the hostile page did not load within 30 s"));
    return {};
}

std::expected<void, QString> TestScript::expectInert(const QStringList&) {
    if (!m_hostileView)
        return std::unexpected(QStringLiteral("expect-inert needs show-hostile first"));
    const guide_view::GuideView& view = *m_hostileView;
    if (view.pageTitle() != QLatin1String("safe"))
        return std::unexpected(
            QStringLiteral("a script ran: the title is \"%1\"").arg(view.pageTitle()));
    if (!view.onOwnPage())
        return std::unexpected(
            QStringLiteral("the page navigated to %1").arg(view.pageUrl().toString()));
    // Most never reach the interceptor (no remote access from local
    // content, no images); whatever did was blocked. The e2e test checks
    // at the server that nothing arrived.
    std::printf("script: %d requests blocked by the interceptor\n", view.blockedRequests());
    delete m_hostileView;
    m_hostileView = nullptr;
    return {};
}

std::expected<void, QString> TestScript::waitHidden(const QStringList& args) {
    return waitUpTo(
        args, 0, [this] { return !m_window.isVisible(); }, QStringLiteral("the panel not hidden"));
}

std::expected<void, QString> TestScript::waitShown(const QStringList& args) {
    return waitUpTo(
        args, 0, [this] { return m_window.isVisible(); }, QStringLiteral("the panel not shown"));
}

std::expected<void, QString> TestScript::waitActive(const QStringList& args) {
    return waitUpTo(
        args, 0, [this] { return m_window.isVisible() && m_window.isActiveWindow(); },
        QStringLiteral("the panel not shown with the keyboard focus"));
}

std::expected<void, QString> TestScript::waitFile(const QStringList& args) {
    const QString path = args[0];
    return waitUpTo(
        args, 1, [path] { return QFile::exists(path); }, QStringLiteral("no file %1").arg(path));
}

std::expected<void, QString> TestScript::keepEdgeFree(const QStringList& args) {
    if (args[0] != QLatin1String("on") && args[0] != QLatin1String("off"))
        return std::unexpected(QStringLiteral("keep-edge-free takes on or off"));
    m_window.setKeepEdgeFree(args[0] == QLatin1String("on"));
    return {};
}

std::expected<void, QString> TestScript::expectFits(const QStringList&) {
    if (const QStringList cut = cutTexts(m_window); !cut.isEmpty())
        return std::unexpected(QStringLiteral("text cut off: ") + cut.join(QStringLiteral("; ")));
    return {};
}

std::expected<void, QString> TestScript::expectCompact(const QStringList&) {
    // The header on one line; unread alerts, folded, on one line too.
    const int line = m_window.fontMetrics().height();
    if (const auto* header = m_window.findChild<QWidget*>(QStringLiteral("header"));
        !header || header->height() > 3 * line)
        return std::unexpected(QStringLiteral("the header takes more than one line"));
    if (const auto* summary = m_window.findChild<QLabel*>(QStringLiteral("alerts-summary"));
        summary && summary->isVisible() && summary->height() > 2 * line)
        return std::unexpected(QStringLiteral("the folded alerts take more than one line"));
    return {};
}

std::expected<void, QString> TestScript::expectFirstScreen(const QStringList& args) {
    // The step's glance and first check end within the page's first screen.
    static const QString kScript = QStringLiteral(
        "(function () {"
        "  var glance = document.querySelector('.glance');"
        "  var check = document.querySelector('.checks li');"
        "  var bottom = function (e) { return e ? e.getBoundingClientRect().bottom : 0; };"
        "  return [bottom(glance), bottom(check), window.innerHeight, !!glance].join(' ');"
        "})()");
    m_measured.clear();
    m_window.guideView().evaluate(kScript, [this](const QVariant& result) {
        m_measured = result.toString().isEmpty() ? QStringLiteral("none") : result.toString();
    });
    return waitUpTo(
        args, 0, [this] { return !m_measured.isEmpty(); }, QStringLiteral("the page not measured"),
        [this]() -> std::expected<void, QString> {
            const QStringList parts = m_measured.split(QLatin1Char(' '));
            if (parts.size() != 4 || parts[3] != QLatin1String("true"))
                return std::unexpected(QStringLiteral("no step page: %1").arg(m_measured));
            const double glance = parts[0].toDouble();
            const double check = parts[1].toDouble();
            const double height = parts[2].toDouble();
            std::printf("script: glance ends at %.0f, first check at %.0f, of %.0f px\n", glance,
                        check, height);
            if (glance > height || check > height)
                return std::unexpected(
                    QStringLiteral("the glance (%1 px) or the first check (%2 px) is below the "
                                   "first screen (%3 px)")
                        .arg(glance)
                        .arg(check)
                        .arg(height));
            return {};
        });
}

std::expected<void, QString> TestScript::expectFinished(const QStringList&) {
    const client::StepEngine* engine = m_desk.engine();
    if (!engine || engine->state() != client::EngineState::Finished)
        return std::unexpected(
            QStringLiteral("expected the guide finished, but %1").arg(currentStepName(m_desk)));
    return {};
}

std::expected<void, QString> TestScript::waitSynced(const QStringList& args) {
    return waitUpTo(
        args, 0,
        [this] {
            return m_desk.syncState() == client::SyncState::Online && m_desk.pendingRecords() == 0;
        },
        QStringLiteral("not synced"));
}

std::expected<void, QString> TestScript::waitOffline(const QStringList& args) {
    return waitUpTo(
        args, 0, [this] { return m_desk.syncState() != client::SyncState::Online; },
        QStringLiteral("still online"));
}

std::expected<void, QString> TestScript::expectUnsent(const QStringList&) {
    if (m_desk.pendingRecords() <= 0)
        return std::unexpected(QStringLiteral("the outbox is empty"));
    std::printf("script: %lld records wait in the outbox\n",
                static_cast<long long>(m_desk.pendingRecords()));
    return {};
}

std::expected<void, QString> TestScript::waitLoaded(const QStringList& args) {
    if (!m_desk.engine())
        return std::unexpected(QStringLiteral("no guide is open"));
    return waitUpTo(
        args, 0, [this] { return m_window.guideView().isLoaded(); },
        QStringLiteral("step page not loaded"));
}

std::expected<void, QString> TestScript::screenshot(const QStringList& args) {
    const QDeadlineTimer settled(guide_view::kPaintSettleMs);
    const QString& file = args[0];
    waitFor([settled] { return settled.hasExpired(); }, kDefaultTimeoutSeconds,
            QStringLiteral("screenshot not taken"),
            [this, file] { return guide_view::saveScreenshot(m_window, file); });
    return {};
}

std::expected<void, QString> TestScript::savePage(const QStringList& args) {
    QFile file(args[0]);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_window.guideView().html()) < 0)
        return std::unexpected(
            QStringLiteral("cannot write %1: %2").arg(args[0], file.errorString()));
    return {};
}

std::expected<void, QString> TestScript::hide(const QStringList&) {
    m_window.hidePanel();
    return {};
}

std::expected<void, QString> TestScript::place(const QStringList& args) {
    const auto placement = placementNamed(args[0]);
    if (!placement)
        return std::unexpected(QStringLiteral("place takes right, left or floating"));
    m_window.setPlacement(*placement);
    return {};
}

std::expected<void, QString> TestScript::expectPlaced(const QStringList& args) {
    const auto placement = placementNamed(args[0]);
    if (!placement)
        return std::unexpected(QStringLiteral("expect-placed takes right, left or floating"));
    const QScreen* screen = m_window.screen();
    const QRect area = screen ? screen->availableGeometry() : QRect();
    const QRect at = m_window.geometry();
    const bool left = at.left() == area.left() && at.height() == area.height();
    const bool right = at.right() == area.right() && at.height() == area.height();
    const bool there = m_window.placement() == *placement &&
                       (*placement == OverlayWindow::Placement::Left    ? left
                        : *placement == OverlayWindow::Placement::Right ? right
                                                                        : !left && !right);
    if (!there || at.width() > area.width() / 4)
        return std::unexpected(QStringLiteral("the panel is not placed %1: it is at %2,%3 %4x%5 "
                                              "on a screen of %6x%7")
                                   .arg(args[0])
                                   .arg(at.x())
                                   .arg(at.y())
                                   .arg(at.width())
                                   .arg(at.height())
                                   .arg(area.width())
                                   .arg(area.height()));
    return {};
}

std::expected<void, QString> TestScript::dragHeader(const QStringList& args) {
    const auto offset = pointArgs(args);
    if (!offset)
        return std::unexpected(QStringLiteral("drag-header takes two whole numbers"));
    // The window system moves the window a moment later.
    const QPoint target = m_window.pos() + *offset;
    dragHeaderBy(offset->x(), offset->y());
    waitFor(
        [this, target] { return m_window.pos() == target; }, 5,
        QStringLiteral("the drag did not move the panel to %1,%2").arg(target.x()).arg(target.y()),
        [target]() -> std::expected<void, QString> {
            std::printf("script: the panel is at %d,%d\n", target.x(), target.y());
            return {};
        });
    return {};
}

std::expected<void, QString> TestScript::expectAt(const QStringList& args) {
    const auto at = pointArgs(args);
    if (!at)
        return std::unexpected(QStringLiteral("expect-at takes two whole numbers"));
    if (m_window.pos() != *at)
        return std::unexpected(QStringLiteral("the panel is at %1,%2, not %3,%4")
                                   .arg(m_window.pos().x())
                                   .arg(m_window.pos().y())
                                   .arg(at->x())
                                   .arg(at->y()));
    return {};
}

std::expected<void, QString> TestScript::pause(const QStringList& args) {
    const auto seconds = positive(args[0]);
    if (!seconds)
        return std::unexpected(QStringLiteral("SECONDS must be a positive number"));
    const QDeadlineTimer over{std::chrono::seconds(*seconds)};
    waitFor([over] { return over.hasExpired(); }, *seconds + 1, QStringLiteral("pause"));
    return {};
}

std::expected<void, QString> TestScript::bench(const QStringList& args) {
    static const std::map<QString, BenchProbe::Kind> kinds{
        {QStringLiteral("steps"), BenchProbe::Kind::Steps},
        {QStringLiteral("toggle"), BenchProbe::Kind::Toggle},
        {QStringLiteral("open"), BenchProbe::Kind::Open},
        {QStringLiteral("search"), BenchProbe::Kind::Search},
        {QStringLiteral("external"), BenchProbe::Kind::External},
        {QStringLiteral("alerts"), BenchProbe::Kind::Alerts},
    };
    const auto kind = kinds.find(args[0]);
    if (kind == kinds.end())
        return std::unexpected(
            QStringLiteral("bench takes steps, toggle, open, search, external or alerts"));
    const auto rounds = positive(args[1]);
    if (!rounds)
        return std::unexpected(QStringLiteral("N must be a positive number"));
    std::vector<std::string> guides;
    for (const QString& guide : args.mid(2))
        guides.push_back(guide.toStdString());
    if ((kind->second == BenchProbe::Kind::Open) != (guides.size() == 2))
        return std::unexpected(QStringLiteral("bench open takes two guides, the others none"));
    const bool needsGuide = kind->second == BenchProbe::Kind::Steps ||
                            kind->second == BenchProbe::Kind::Toggle ||
                            kind->second == BenchProbe::Kind::Alerts;
    if (needsGuide && !m_desk.engine())
        return std::unexpected(QStringLiteral("no guide is open"));

    delete m_probe;
    m_probe = new BenchProbe(m_window, m_desk, kind->second, *rounds, std::move(guides), this);
    m_probe->start();
    // A round takes 150 ms of settling plus at most 5 s (30 s from outside).
    const bool external =
        kind->second == BenchProbe::Kind::External || kind->second == BenchProbe::Kind::Alerts;
    waitFor([this] { return m_probe->done(); }, *rounds * (external ? 31 : 6) + 1,
            QStringLiteral("the benchmark did not end"),
            [this, external]() -> std::expected<void, QString> {
                if (!m_probe->error().isEmpty())
                    return std::unexpected(m_probe->error());
                if (external)
                    return {};
                std::printf("bench: %s\n", qPrintable(m_probe->report()));
                std::fflush(stdout);
                return {};
            });
    return {};
}

std::expected<void, QString> TestScript::printShown(const QStringList& args) {
    return waitUpTo(
        args, 0, [this] { return m_firstPaintUs != 0; }, QStringLiteral("no page painted"),
        [this]() -> std::expected<void, QString> {
            std::printf("bench: shown-at-us %lld\n", static_cast<long long>(m_firstPaintUs));
            std::fflush(stdout);
            return {};
        });
}

std::expected<void, QString> TestScript::quit(const QStringList&) {
    finish(0);
    return {};
}

// What the commands share.

std::expected<void, QString>
TestScript::waitUpTo(const QStringList& args, qsizetype index, std::function<bool()> done,
                     const QString& what, std::function<std::expected<void, QString>()> then) {
    const auto seconds = secondsArg(args, index);
    if (!seconds)
        return std::unexpected(seconds.error());
    waitFor(std::move(done), *seconds, QStringLiteral("%1 within %2 s").arg(what).arg(*seconds),
            std::move(then));
    return {};
}

void TestScript::waitFor(std::function<bool()> done, int seconds, QString timeoutMessage,
                         std::function<std::expected<void, QString>()> then) {
    m_wait = Wait{std::move(done), QDeadlineTimer(std::chrono::seconds(seconds)),
                  std::move(timeoutMessage), std::move(then)};
}

void TestScript::dragHeaderBy(int dx, int dy) {
    auto* header = m_window.findChild<QWidget*>(QStringLiteral("header"));
    if (!header)
        return;
    const QPointF local(header->width() / 2.0, header->height() / 2.0);
    const QPointF start = header->mapToGlobal(local);
    const QPointF offset(dx, dy);
    // One at a time: a Qt 6 mouse event shares its device's point with the
    // events made after it, so each is made just before it is sent.
    const auto send = [header](QEvent::Type type, QPointF at, QPointF global,
                               Qt::MouseButton button, Qt::MouseButtons buttons) {
        QMouseEvent event(type, at, global, button, buttons, Qt::NoModifier);
        QCoreApplication::sendEvent(header, &event);
    };
    send(QEvent::MouseButtonPress, local, start, Qt::LeftButton, Qt::LeftButton);
    send(QEvent::MouseMove, local + offset, start + offset, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, local + offset, start + offset, Qt::LeftButton, Qt::NoButton);
}

void TestScript::fail(const QString& message) {
    std::fprintf(stderr, "script: line %d: %s\n", m_commands[m_next].lineNumber,
                 qPrintable(message));
    finish(1);
}

void TestScript::finish(int exitCode) {
    m_timer.stop();
    m_wait.reset();
    Q_EMIT finished(exitCode);
}

} // namespace souffleur::overlay
