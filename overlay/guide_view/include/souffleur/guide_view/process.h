// What every program that shows the guide view needs around it (the desk
// panel, the authors' studio): the sandbox policy for root, and a screenshot
// of a window with its web view, for --screenshot and the tests.
#pragma once

#include <QString>

#include <expected>

class QWidget;

namespace souffleur::guide_view {

// How long to let a loaded page be painted before it is grabbed.
inline constexpr int kPaintSettleMs = 300;

// Chromium's sandbox cannot run as root; tests and demos in containers do.
// As root (and only then) it turns the sandbox off, saying so on stderr as
// `program`; call it before QApplication. A normal user keeps the sandbox.
void disableSandboxWhenRoot(const char* program);

// Writes `window` as it is on screen to `path`, creating the parent directories.
std::expected<void, QString> saveScreenshot(QWidget& window, const QString& path);

// The end of --screenshot: after kPaintSettleMs, writes `window` to `path`,
// says so on stdout (or why not on stderr, as `program`) and ends the event
// loop with 0 (or 1).
void screenshotAndExit(QWidget& window, const QString& path, const char* program);

} // namespace souffleur::guide_view
