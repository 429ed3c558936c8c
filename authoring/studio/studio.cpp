// The program (studio.h).
#include "studio.h"

#include "aar_page.h"
#include "editor_page.h"
#include "main_window.h"
#include "preview_pane.h"
#include "review_page.h"
#include "token_store.h"

#include <souffleur/guide_view/guide_view.h>
#include <souffleur/guide_view/process.h>
#include <souffleur/version.h>

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace souffleur::studio {
namespace {

constexpr int kUsageError = 64;
constexpr int kSignInError = 2;
constexpr int kScreenshotTimeoutMs = 60'000;

struct Options {
    QString server;
    QString token;
    QString caFile;
    QString open;
    QString screenshot;
    QString journal;
    QString workspace; // "", "library", "editor", "review", "health" or "aar"
    bool english = false;
};

std::expected<Options, int> parse(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Souffleur Studio: write and improve the guides for the front office"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        QStringLiteral("The server, e.g. https://souffleur.gemeente.example"),
        QStringLiteral("URL"));
    const QCommandLineOption token(
        QStringLiteral("token"),
        QStringLiteral("An author's or reviewer's token (or SOUFFLEUR_TOKEN)"),
        QStringLiteral("TOKEN"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("Trust only this authority (PEM) for https"),
                                    QStringLiteral("PEM"));
    const QCommandLineOption open(QStringLiteral("open"),
                                  QStringLiteral("Open this guide (its id) or file"),
                                  QStringLiteral("GUIDE-ID|FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("nl (default) or en"),
                                  QStringLiteral("LANG"), QStringLiteral("nl"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Write the window as PNG once the preview has painted, then exit"),
        QStringLiteral("PNG"));
    const QCommandLineOption journal(
        QStringLiteral("journal"),
        QStringLiteral("The journal file (default: in the user's data folder)"),
        QStringLiteral("FILE"));
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       QStringLiteral("Start in this workspace: library, editor, "
                                                      "review, health or aar"),
                                       QStringLiteral("NAME"));
    parser.addOptions({server, token, caFile, open, lang, screenshot, journal, workspace});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "souffleur-studio: %s\n", qPrintable(parser.errorText()));
        return std::unexpected(kUsageError);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return std::unexpected(0);
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("souffleur-studio %s\n", kVersion);
        return std::unexpected(0);
    }
    Options options;
    options.server = parser.value(server);
    options.token =
        parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("SOUFFLEUR_TOKEN");
    options.caFile = parser.value(caFile);
    options.open = parser.value(open);
    options.screenshot = parser.value(screenshot);
    options.journal = parser.value(journal);
    options.workspace = parser.value(workspace);
    if (!options.workspace.isEmpty() &&
        !QStringList{QStringLiteral("library"), QStringLiteral("editor"), QStringLiteral("review"),
                     QStringLiteral("health"), QStringLiteral("aar")}
             .contains(options.workspace)) {
        std::fprintf(
            stderr,
            "souffleur-studio: --workspace must be library, editor, review, health or aar\n");
        return std::unexpected(kUsageError);
    }
    const QString language = parser.value(lang);
    if (language != QLatin1String("nl") && language != QLatin1String("en")) {
        std::fprintf(stderr, "souffleur-studio: --lang must be nl or en\n");
        return std::unexpected(kUsageError);
    }
    options.english = language == QLatin1String("en");
    return options;
}

QString signInProblem(const SessionError& error) {
    using Kind = SessionError::Kind;
    switch (error.kind) {
    case Kind::Unreachable:
        return QApplication::translate("souffleur::studio", "De server is niet bereikbaar: %1")
            .arg(QString::fromStdString(error.message));
    case Kind::Unauthorized:
        return QApplication::translate("souffleur::studio",
                                       "Deze sleutel (token) is onbekend of verlopen.");
    case Kind::Forbidden:
        return QApplication::translate("souffleur::studio",
                                       "Dit account mag de studio niet gebruiken (een "
                                       "balie-account?). Vraag een account als auteur of "
                                       "teamleider.");
    default:
        return QApplication::translate("souffleur::studio", "Aanmelden lukt niet: %1")
            .arg(QString::fromStdString(error.toString()));
    }
}

// The sign-in dialog: server and token, checked before it closes.
std::optional<std::pair<ServerSession, AccountKind>>
askSignIn(QString server, const QString& caFile, const TokenStore& tokens) {
    QDialog dialog;
    dialog.setWindowTitle(QApplication::translate("souffleur::studio", "Aanmelden bij Souffleur"));
    auto* intro = new QLabel(
        QApplication::translate("souffleur::studio",
                                "Vul het adres van de Souffleur-server van uw organisatie in en uw "
                                "persoonlijke sleutel. U krijgt ze van de beheerder."),
        &dialog);
    intro->setWordWrap(true);
    auto* address = new QLineEdit(server, &dialog);
    address->setAccessibleName(QApplication::translate("souffleur::studio", "Adres van de server"));
    address->setPlaceholderText(QStringLiteral("https://souffleur.gemeente.example"));
    auto* token = new QLineEdit(&dialog);
    token->setEchoMode(QLineEdit::Password);
    token->setAccessibleName(QApplication::translate("souffleur::studio", "Sleutel (token)"));
    auto* remember = new QCheckBox(
        QApplication::translate("souffleur::studio", "Sleutel onthouden op deze computer"),
        &dialog);
    remember->setChecked(true);
    auto* problem = new QLabel(&dialog);
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color:#a01c1c"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)
        ->setText(QApplication::translate("souffleur::studio", "Aanmelden"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setText(QApplication::translate("souffleur::studio", "Stoppen"));
    auto* form = new QFormLayout(&dialog);
    form->addRow(intro);
    form->addRow(QApplication::translate("souffleur::studio", "&Server"), address);
    form->addRow(QApplication::translate("souffleur::studio", "S&leutel"), token);
    form->addRow(remember);
    form->addRow(problem);
    form->addRow(buttons);
    std::optional<std::pair<ServerSession, AccountKind>> result;
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        auto session =
            ServerSession::connect(address->text().trimmed().toStdString(),
                                   token->text().trimmed().toStdString(), caFile.toStdString());
        if (!session) {
            problem->setText(QString::fromStdString(session.error()));
            return;
        }
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto signedIn = session->signIn();
        QApplication::restoreOverrideCursor();
        if (!signedIn) {
            problem->setText(signInProblem(signedIn.error()));
            return;
        }
        if (remember->isChecked())
            (void)tokens.write(QString::fromStdString(session->url()), token->text().trimmed());
        QSettings().setValue(QStringLiteral("server"), address->text().trimmed());
        result.emplace(std::move(*session), *signedIn);
        dialog.accept();
    });
    dialog.resize(480, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return result;
}

// --screenshot: once the preview (or the review, or the library) is painted, write and exit.
void screenshotWhenReady(MainWindow& window, const QString& path, bool guide, bool review) {
    auto shoot = [&window, path] {
        guide_view::screenshotAndExit(window, path, "souffleur-studio");
    };
    if (review)
        QObject::connect(
            &window.review().newView(), &guide_view::GuideView::painted, &window,
            [&window, shoot] { QTimer::singleShot(500, &window, shoot); },
            Qt::SingleShotConnection);
    else if (guide)
        QObject::connect(&window.editor().preview(), &PreviewPane::painted, &window, shoot,
                         Qt::SingleShotConnection);
    else
        QTimer::singleShot(1500, &window, shoot);
    QTimer::singleShot(kScreenshotTimeoutMs, &window, [] {
        std::fprintf(stderr, "souffleur-studio: nothing painted within 60 s: no screenshot\n");
        QCoreApplication::exit(1);
    });
}

} // namespace

int runStudio(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    auto options = parse(arguments);
    if (!options)
        return options.error();

    guide_view::disableSandboxWhenRoot("souffleur-studio");
    guide_view::GuideView::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts); // Qt WebEngine needs it
    QCoreApplication::setOrganizationName(QStringLiteral("souffleur"));
    QCoreApplication::setApplicationName(QStringLiteral("souffleur-studio"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QApplication app(argc, argv);
    QTranslator english;
    if (options->english) {
        if (!english.load(QStringLiteral(":/i18n/souffleur_studio_en.qm")) ||
            !QCoreApplication::installTranslator(&english))
            std::fprintf(stderr, "souffleur-studio: the English texts are missing; Dutch it is\n");
    }

    const TokenStore tokens;
    const bool unattended = !options->screenshot.isEmpty();
    QString server = options->server.isEmpty()
                         ? QSettings().value(QStringLiteral("server")).toString()
                         : options->server;
    std::optional<ServerSession> session;
    AccountKind kind = AccountKind::Editor;
    QString token = options->token;
    if (!server.isEmpty() && token.isEmpty()) {
        if (auto address = net::ServerAddress::parse(server.toStdString()))
            token = tokens.read(QString::fromStdString(address->toString())).value_or(QString());
    }
    if (!server.isEmpty() && !token.isEmpty()) {
        auto connected = ServerSession::connect(server.toStdString(), token.toStdString(),
                                                options->caFile.toStdString());
        if (!connected) {
            std::fprintf(stderr, "souffleur-studio: %s\n", connected.error().c_str());
            return kUsageError;
        }
        if (auto signedIn = connected->signIn(); !signedIn) {
            // Given on the command line: a clear message and out. Remembered: ask again.
            if (!options->token.isEmpty() || unattended) {
                std::fprintf(stderr, "souffleur-studio: cannot sign in at %s: %s\n",
                             qPrintable(server), signedIn.error().toString().c_str());
                return kSignInError;
            }
        } else {
            kind = *signedIn;
            session = std::move(*connected);
        }
    }
    if (!session) {
        if (unattended) {
            std::fprintf(stderr, "souffleur-studio: --screenshot needs --server and --token\n");
            return kUsageError;
        }
        auto asked = askSignIn(server, options->caFile, tokens);
        if (!asked)
            return 0;
        session = std::move(asked->first);
        kind = asked->second;
    }

    std::optional<Journal> journal;
    const std::filesystem::path journalFile =
        options->journal.isEmpty() ? Journal::defaultPath()
                                   : std::filesystem::path(options->journal.toStdString());
    if (auto opened = Journal::open(journalFile))
        journal = std::move(*opened);
    else
        std::fprintf(stderr, "souffleur-studio: %s (edits are not kept across a crash)\n",
                     opened.error().c_str());

    auto shared = std::make_shared<const ServerSession>(std::move(*session));
    MainWindow window(shared, journal ? &*journal : nullptr, QString::fromStdString(shared->url()),
                      kind);
    const QRect screen = window.screen()->availableGeometry();
    window.resize(std::min(1366, screen.width()), std::min(768, screen.height()));
    window.show();
    const bool review = options->workspace == QLatin1String("review");
    if (review)
        window.showReview();
    else if (options->workspace == QLatin1String("editor"))
        window.showEditor();
    else if (options->workspace == QLatin1String("health"))
        window.showHealth();
    else if (options->workspace == QLatin1String("aar"))
        window.showAar();
    if (unattended && window.isAarShown())
        QObject::connect(
            &window.aar(), &AarPage::evidenceShown, &window,
            [&window, path = options->screenshot] {
                QTimer::singleShot(800, &window, [&window, path] {
                    guide_view::screenshotAndExit(window, path, "souffleur-studio");
                });
            },
            Qt::SingleShotConnection);
    else if (unattended)
        screenshotWhenReady(window, options->screenshot, !options->open.isEmpty() && !review,
                            review);

    if (!options->open.isEmpty()) {
        const QString target = options->open;
        if (QFileInfo(target).isFile()) {
            std::ifstream in(target.toStdString(), std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            auto guide = content::parseGuide(text.str(), target.toStdString());
            if (!guide) {
                std::fprintf(stderr, "souffleur-studio: %s\n",
                             guide.error().front().toString().c_str());
                return 1;
            }
            // Once the library is known: a guide that exists is saved on top of its newest
            // revision.
            auto library = shared->library();
            int base = 0;
            if (library)
                for (const auto& entry : *library)
                    if (entry.id == guide->id)
                        base = entry.revision;
            window.open({guide->id, 0, std::move(*guide), base});
        } else {
            const std::string id = target.toStdString();
            auto library = shared->library();
            int revision = 0;
            if (library)
                for (const auto& entry : *library)
                    if (entry.id == id)
                        revision = entry.revision;
            if (revision == 0) {
                std::fprintf(stderr, "souffleur-studio: no guide '%s' on %s\n", id.c_str(),
                             shared->url().c_str());
                return 1;
            }
            window.open({id, revision, std::nullopt, revision}, [](bool ok) {
                if (!ok)
                    QCoreApplication::exit(1);
            });
        }
    } else if (!unattended) {
        window.offerRecovery();
    }
    return QApplication::exec();
}

} // namespace souffleur::studio
