// The desk panel as a program (see panel.h).
#include "panel.h"

#include "desk.h"
#include "global_hotkey.h"
#include "overlay_window.h"
#include "single_instance.h"
#include "ui_text.h"

#include <souffleur/guide_view/guide_view.h>
#include <souffleur/guide_view/process.h>
#include <souffleur/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <optional>

namespace souffleur::overlay {
namespace {

using guide_view::GuideView;

constexpr int kUsageError = 2;
constexpr int kScreenshotTimeoutMs = 60'000;
constexpr int kSyncStartDelayMs = 1000;

struct Options {
    net::ServerAddress server; // host empty: not given (a hand-over needs none)
    std::string token;
    std::optional<InstanceRequest> request; // --open, --toggle or a souffleur:// URL
    QString dataDir;                        // empty: the platform's application data directory
    std::string openGuide;
    Language language = Language::Dutch;
    QString screenshot;
};

// The process ends now, with this code (help, version, usage errors).
struct ExitNow {
    int code;
};

ExitNow usageError(const QString& message) {
    std::fprintf(stderr, "souffleur-overlay: %s\nTry 'souffleur-overlay --help'.\n",
                 qPrintable(message));
    return {kUsageError};
}

std::expected<Options, ExitNow> parseCommandLine(int& argc, char** argv,
                                                 const PanelExtension& extension) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Souffleur desk panel: the critical task, step by step, beside your "
                       "application.\nThe token may also be given in SOUFFLEUR_TOKEN."));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("The Souffleur server, e.g. "
                                                   "https://souffleur.gemeente.example."),
                                    QStringLiteral("URL"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QStringLiteral("Over https, trust only the certificate authorities in this PEM file "
                       "rather than the system's."),
        QStringLiteral("FILE"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   QStringLiteral("This desk's access token."),
                                   QStringLiteral("TOKEN"));
    const QCommandLineOption data(
        QStringLiteral("data"),
        QStringLiteral("Directory of the desk database (default: the application data "
                       "directory)."),
        QStringLiteral("DIR"));
    const QCommandLineOption open(QStringLiteral("open"),
                                  QStringLiteral("Open this guide as soon as it is on the desk."),
                                  QStringLiteral("GUIDE_ID"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Language of the panel: nl (default) or en."),
                                  QStringLiteral("nl|en"), QStringLiteral("nl"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the panel as PNG once the --open guide is shown, then exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption toggle(
        QStringLiteral("toggle"),
        QStringLiteral("Show and focus the running panel, or hide it (for a keyboard shortcut)."));
    parser.addOptions({server, caFile, token, data, open, toggle, lang, screenshot});
    parser.addOptions(extension.options);
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 QStringLiteral("souffleur://guide/GUIDE_ID: like --open."),
                                 QStringLiteral("[URL]"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!parser.parse(arguments))
        return std::unexpected(usageError(parser.errorText()));
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        const QCoreApplication app(argc, argv); // for the program name; needs no display
        std::printf("%s", qPrintable(parser.helpText()));
        return std::unexpected(ExitNow{0});
    }
    if (parser.isSet(version)) {
        std::printf("souffleur-overlay %s\n", kVersion);
        return std::unexpected(ExitNow{0});
    }
    Options options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return std::unexpected(
            usageError(QStringLiteral("unexpected argument %1").arg(positional[1])));
    if (positional.size() == 1) {
        options.request = InstanceRequest::fromUrl(positional[0]);
        if (!options.request)
            return std::unexpected(usageError(
                QStringLiteral("%1 is not a souffleur://guide/GUIDE_ID link").arg(positional[0])));
    }
    if (parser.isSet(toggle)) {
        if (options.request || parser.isSet(open))
            return std::unexpected(usageError(QStringLiteral("--toggle goes alone")));
        options.request = InstanceRequest{InstanceRequest::Kind::Toggle, {}};
    }
    if (extension.read) {
        if (const auto exitCode = extension.read(parser))
            return std::unexpected(ExitNow{*exitCode});
    }

    // --server and the token are checked later: a hand-over needs neither.
    if (parser.isSet(server)) {
        auto address = net::ServerAddress::parse(parser.value(server).toStdString());
        if (!address)
            return std::unexpected(usageError(
                QStringLiteral("bad --server %1: %2")
                    .arg(parser.value(server), QString::fromStdString(address.error()))));
        options.server = std::move(*address);
        if (parser.isSet(caFile))
            options.server.caFile = parser.value(caFile).toStdString();
    }
    options.token = parser.isSet(token) ? parser.value(token).toStdString()
                                        : qEnvironmentVariable("SOUFFLEUR_TOKEN").toStdString();

    const QString language = parser.value(lang);
    if (language == QLatin1String("en"))
        options.language = Language::English;
    else if (language != QLatin1String("nl"))
        return std::unexpected(usageError(QStringLiteral("--lang must be nl or en")));

    options.dataDir = parser.value(data);
    options.openGuide = parser.value(open).toStdString();
    if (parser.isSet(open)) {
        options.request = InstanceRequest::parse(QStringLiteral("open ") + parser.value(open));
        if (!options.request)
            return std::unexpected(usageError(
                QStringLiteral("--open needs a guide id, not %1").arg(parser.value(open))));
    } else if (options.request && options.request->kind == InstanceRequest::Kind::Open) {
        options.openGuide = options.request->guideId; // from the URL
    }
    options.screenshot = parser.value(screenshot);
    if (!options.screenshot.isEmpty() && options.openGuide.empty())
        return std::unexpected(usageError(QStringLiteral("--screenshot needs --open GUIDE_ID")));
    return options;
}

// --screenshot: once the first page has loaded and been painted, save it and exit.
void screenshotWhenShown(OverlayWindow& window, const QString& path) {
    QObject::connect(&window.guideView(), &GuideView::pageLoaded, &window,
                     [&window, path](bool ok) {
                         if (!ok)
                             return;
                         guide_view::screenshotAndExit(window, path, "souffleur-overlay");
                     });
    QTimer::singleShot(kScreenshotTimeoutMs, &window, [] {
        std::fprintf(stderr, "souffleur-overlay: no step shown within 60 s: nothing to "
                             "screenshot\n");
        QCoreApplication::exit(1);
    });
}

} // namespace

int runPanel(int argc, char** argv, const PanelExtension& extension) {
    auto options = parseCommandLine(argc, argv, extension);
    if (!options)
        return options.error().code;

    guide_view::disableSandboxWhenRoot("souffleur-overlay");
    GuideView::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts); // Qt WebEngine needs it
    QCoreApplication::setApplicationName(QStringLiteral("souffleur-overlay"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    // One overlay per data directory: a running one takes the request (test
    // and screenshot runs always run their own). This is tried before the GUI
    // starts, under a QCoreApplication that needs no display: a deep link or
    // --toggle then costs the host application about a third of a GUI start.
    QString dataDir;
    QString instanceName;
    {
        const QCoreApplication handOverApp(argc, argv);
        dataDir = options->dataDir.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                      : options->dataDir;
        if (!QDir().mkpath(dataDir)) {
            std::fprintf(stderr, "souffleur-overlay: cannot create %s\n", qPrintable(dataDir));
            return 1;
        }
        instanceName = SingleInstance::serverName(dataDir);
        const bool ownInstanceOnly = extension.ownInstanceOnly || !options->screenshot.isEmpty();
        const InstanceRequest request =
            options->request.value_or(InstanceRequest{InstanceRequest::Kind::Show, {}});
        if (!ownInstanceOnly && SingleInstance::handOver(instanceName, request)) {
            std::printf("souffleur-overlay: handed \"%s\" to the running overlay\n",
                        qPrintable(request.toLine()));
            return 0;
        }
        if (request.kind == InstanceRequest::Kind::Toggle) {
            std::fprintf(stderr, "souffleur-overlay: no overlay is running for %s\n",
                         qPrintable(dataDir));
            return 1;
        }
    }

    QApplication app(argc, argv);
    QTranslator english;
    if (options->language == Language::English) {
        if (!english.load(QStringLiteral(":/i18n/souffleur_en.qm")) ||
            !QCoreApplication::installTranslator(&english))
            std::fprintf(stderr, "souffleur-overlay: the English texts are missing; Dutch it is\n");
    }
    if (options->server.host.empty()) {
        std::fprintf(stderr, "souffleur-overlay: --server URL is required\n");
        return kUsageError;
    }
    if (options->token.empty()) {
        std::fprintf(stderr, "souffleur-overlay: a token is required (--token or "
                             "SOUFFLEUR_TOKEN)\n");
        return kUsageError;
    }

    auto desk = Desk::open(dataDir.toStdString(), options->server, options->token);
    if (!desk) {
        std::fprintf(stderr, "souffleur-overlay: %s\n", qPrintable(desk.error()));
        return 1;
    }

    OverlayWindow window(**desk, options->language,
                         QDir(dataDir).filePath(QStringLiteral("panel.ini")));
    SingleInstance instance;
    if (options->screenshot.isEmpty()) {
        if (auto listening = instance.listen(instanceName); !listening)
            std::fprintf(stderr,
                         "souffleur-overlay: %s (--open and --toggle will not reach "
                         "this panel)\n",
                         qPrintable(listening.error()));
        window.setSummonable(instance.isListening());
        QObject::connect(&instance, &SingleInstance::requested, &window,
                         [&window](const InstanceRequest& r) { window.handle(r); });
    }
    GlobalHotkey hotkey;
    if (options->screenshot.isEmpty()) {
        if (auto grabbed = hotkey.start(); grabbed) {
            window.setSummonable(true);
            QObject::connect(&hotkey, &GlobalHotkey::activated, &window,
                             &OverlayWindow::togglePanel);
        } else {
            std::fprintf(stderr, "souffleur-overlay: %s (the tray and --toggle still work)\n",
                         qPrintable(grabbed.error()));
        }
    }
    window.show();
    if (!options->screenshot.isEmpty())
        screenshotWhenShown(window, options->screenshot);
    if (extension.started)
        extension.started(window, **desk);
    if (!options->openGuide.empty())
        window.openWhenAvailable(options->openGuide);
    // The replica guides offline at once; the sync (a thread, a connection, a
    // pull) starts once the first page is painted, so it does not compete with
    // the panel's start for the processor; at the latest after a second.
    Desk& deskRef = **desk;
    QObject::connect(
        &window.guideView(), &GuideView::painted, &deskRef, [&deskRef] { deskRef.startSync(); },
        Qt::SingleShotConnection);
    QTimer::singleShot(kSyncStartDelayMs, &deskRef, [&deskRef] { deskRef.startSync(); });
    return app.exec();
}

} // namespace souffleur::overlay
