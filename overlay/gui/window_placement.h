// The panel and the window manager (EWMH, any X11 window manager that follows
// it: openbox, xfwm4, KWin, Mutter, ...). The panel is an ordinary top-level
// window, frameless and kept above, not a Qt::Tool: Qt makes a tool window
// transient for its own hidden leader window, and window managers that centre
// transients on their parent (openbox) then place the panel at the screen's
// left edge, over the application, whatever position it asks for. So the
// panel says itself what a tool window would have said:
//  - markAsPanel(), before it is first shown: no taskbar or pager entry
//    (_NET_WM_STATE_SKIP_TASKBAR, _NET_WM_STATE_SKIP_PAGER), on every desktop
//    (_NET_WM_DESKTOP 0xFFFFFFFF);
//  - reserveEdge(): when the user chose to keep the screen edge free, a
//    strut (_NET_WM_STRUT and _NET_WM_STRUT_PARTIAL) for the strip the docked
//    panel covers, so that maximised applications sit beside it rather than
//    under it; clearEdge() gives it back (when the panel hides or floats).
// Without X11 (Wayland, offscreen) these do nothing.
#pragma once

#include <QRect>

class QWidget;

namespace souffleur::overlay {

enum class ScreenEdge { Left, Right };

void markAsPanel(QWidget& window);

// Reserves the strip `panel` (in the coordinates of the whole X screen, all
// monitors) at `edge` of the X screen.
void reserveEdge(QWidget& window, ScreenEdge edge, const QRect& panel);
void clearEdge(QWidget& window);

} // namespace souffleur::overlay
