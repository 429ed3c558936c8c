// souffleur-overlay-panel-test: the desk panel with its test hooks, built only
// when SOUFFLEUR_TEST_HOOKS is on (the dev and bench presets; never in a
// release). It is the shipped panel (panel.h) plus --test-script FILE, which
// runs a script of panel actions and benchmark probes (test_script.h,
// bench_probe.h); the end-to-end test and the overlay benchmark use it.
#include "panel.h"
#include "test_script.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <optional>
#include <vector>

int main(int argc, char** argv) {
    using namespace souffleur::overlay;
    const QCommandLineOption scriptOption(
        QStringLiteral("test-script"),
        QStringLiteral("Run a test script of panel actions (test builds only)."),
        QStringLiteral("FILE"));
    std::optional<std::vector<TestScript::Command>> commands;
    PanelExtension extension;
    extension.options = {scriptOption};
    extension.read = [&](const QCommandLineParser& parser) -> std::optional<int> {
        if (!parser.isSet(scriptOption))
            return std::nullopt;
        QFile file(parser.value(scriptOption));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "souffleur-overlay: cannot read %s: %s\n",
                         qPrintable(file.fileName()), qPrintable(file.errorString()));
            return 2;
        }
        auto parsed = TestScript::parse(QString::fromUtf8(file.readAll()));
        if (!parsed) {
            std::fprintf(stderr, "script: %s\n", qPrintable(parsed.error()));
            return 1;
        }
        commands = std::move(*parsed);
        return std::nullopt;
    };
    // A scripted run keeps to a panel of its own.
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]).startsWith("--test-script"))
            extension.ownInstanceOnly = true;
    }
    extension.started = [&](OverlayWindow& window, Desk& desk) {
        if (!commands)
            return;
        auto* script = new TestScript(std::move(*commands), window, desk, &window);
        QObject::connect(script, &TestScript::finished, QCoreApplication::instance(),
                         &QCoreApplication::exit);
        script->start();
    };
    return runPanel(argc, argv, extension);
}
