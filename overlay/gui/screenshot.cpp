// Saving the panel as a PNG (see screenshot.h).
#include "screenshot.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QWidget>

namespace souffleur::overlay {

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

} // namespace souffleur::overlay
