// Saving the panel as a PNG, for --screenshot and the test script's
// `screenshot` command (documentation images and visual checks).
#pragma once

#include <QString>

#include <expected>

class QWidget;

namespace souffleur::overlay {

// How long to let a loaded page be painted before it is grabbed.
inline constexpr int kPaintSettleMs = 300;

// Writes `window` as it is on screen to `path`, creating the parent directories.
std::expected<void, QString> saveScreenshot(QWidget& window, const QString& path);

} // namespace souffleur::overlay
