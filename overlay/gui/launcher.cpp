// souffleur-overlay: the command that users, desktop shortcuts and host
// applications call. A deep link or --toggle usually goes to a panel that is
// already running, and then the whole command is a hand-over of one line
// (single_instance.h). This front door links only Qt Core and Qt Network, so
// it starts in a few milliseconds, where the panel, a Qt WebEngine program of
// about a hundred libraries, needs some 35 ms before main() even runs. It
// hands over what it can; for everything else (the first start, --help, a
// test script, a usage error) it becomes the panel, souffleur-overlay-panel
// beside it, with the same arguments (exec: same process, same pid). Test
// builds also make souffleur-overlay-test from this file, in front of
// souffleur-overlay-panel-test (SOUFFLEUR_PANEL_PROGRAM).
//
// Only the hand-over's own options are read here: --open ID, --toggle, a
// souffleur://guide/ID link, and --data DIR (which panel to reach); --server,
// --token, --ca-file and --lang are skipped with their values, as a running
// panel ignores them. Any other argument goes to the panel as it is.
#include "single_instance.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <unistd.h>

namespace {

using souffleur::overlay::InstanceRequest;
using souffleur::overlay::SingleInstance;

struct HandOver {
    InstanceRequest request;
    QString dataDir; // empty: the default
};

// The hand-over the arguments ask for, or nullopt when the panel must decide.
std::optional<HandOver> handOverFor(const QStringList& arguments) {
    HandOver out;
    std::optional<InstanceRequest> request;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString name = arguments[i];
        std::optional<QString> value;
        if (const auto equals = name.indexOf(QLatin1Char('='));
            name.startsWith(QLatin1String("--")) && equals > 0) {
            value = name.mid(equals + 1);
            name = name.left(equals);
        }
        const bool takesValue =
            name == QLatin1String("--open") || name == QLatin1String("--data") ||
            name == QLatin1String("--server") || name == QLatin1String("--token") ||
            name == QLatin1String("--ca-file") || name == QLatin1String("--lang");
        if (takesValue && !value) {
            if (i + 1 >= arguments.size())
                return std::nullopt;
            value = arguments[++i];
        }
        if (name == QLatin1String("--open")) {
            if (request)
                return std::nullopt;
            request = InstanceRequest::parse(QStringLiteral("open ") + *value);
            if (!request)
                return std::nullopt;
        } else if (name == QLatin1String("--toggle") && !value) {
            if (request)
                return std::nullopt;
            request = InstanceRequest{InstanceRequest::Kind::Toggle, {}};
        } else if (name == QLatin1String("--data")) {
            out.dataDir = *value;
        } else if (takesValue) {
            // --server, --token, --ca-file, --lang: for a panel that starts.
        } else if (!name.startsWith(QLatin1Char('-')) && !request) {
            request = InstanceRequest::fromUrl(name);
            if (!request)
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    out.request = request.value_or(InstanceRequest{InstanceRequest::Kind::Show, {}});
    return out;
}

} // namespace

int main(int argc, char** argv) {
    QString panel;
    {
        QCoreApplication::setApplicationName(QStringLiteral("souffleur-overlay")); // the panel's
        const QCoreApplication app(argc, argv);
        panel = QDir(QCoreApplication::applicationDirPath())
                    .filePath(QStringLiteral(SOUFFLEUR_PANEL_PROGRAM));
        if (const auto handOver = handOverFor(QCoreApplication::arguments())) {
            const QString dataDir =
                handOver->dataDir.isEmpty()
                    ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                    : handOver->dataDir;
            if (SingleInstance::handOver(SingleInstance::serverName(dataDir), handOver->request)) {
                std::printf("souffleur-overlay: handed \"%s\" to the running overlay\n",
                            qPrintable(handOver->request.toLine()));
                return 0;
            }
        }
    }
    // argv[0] stays as it was: the panel's help and messages name the command.
    const QByteArray path = QFileInfo(panel).absoluteFilePath().toLocal8Bit();
    ::execv(path.constData(), argv);
    std::fprintf(stderr, "souffleur-overlay: cannot start %s: %s\n", path.constData(),
                 std::strerror(errno));
    return 127;
}
