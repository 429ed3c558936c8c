// The process around a guide view (process.h).
#include <souffleur/guide_view/process.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTimer>
#include <QWidget>
#include <QtGlobal>

#include <cstdio>
#include <unistd.h>

namespace souffleur::guide_view {

void disableSandboxWhenRoot(const char* program) {
    if (geteuid() != 0 || qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        return;
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    std::fprintf(stderr,
                 "%s: running as root: the Chromium sandbox is disabled. "
                 "Use this only for tests and demos.\n",
                 program);
}

std::expected<void, QString> saveScreenshot(QWidget& window, const QString& path) {
    const QFileInfo file(path);
    if (!QDir().mkpath(file.absolutePath()))
        return std::unexpected(QStringLiteral("cannot create %1").arg(file.absolutePath()));
    // QWidget::grab() includes the web view's GPU-composited content: checked
    // with Qt 6.4 under Xvfb (Mesa llvmpipe OpenGL), no special flags needed.
    const QPixmap pixmap = window.grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG"))
        return std::unexpected(QStringLiteral("cannot write %1").arg(path));
    return {};
}

void screenshotAndExit(QWidget& window, const QString& path, const char* program) {
    QTimer::singleShot(kPaintSettleMs, &window, [&window, path, program] {
        if (auto saved = saveScreenshot(window, path); !saved) {
            std::fprintf(stderr, "%s: %s\n", program, qPrintable(saved.error()));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("screenshot written to %s\n", qPrintable(path));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
}

} // namespace souffleur::guide_view
