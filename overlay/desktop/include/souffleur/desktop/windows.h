// The windows of the X11 desktop, as a guide's triggers name them: an
// application's WM_CLASS and a window's title.
//   ActiveWindowWatcher  the active window, for the desk's context
//                        suggestions: read once a second (a few round trips
//                        to the X server), reported when it changes.
//                        _NET_ACTIVE_WINDOW when a window manager keeps it,
//                        else the window with the input focus, walked up to
//                        its top-level window.
//   openWindows()        every window open on the desktop, for the studio's
//                        "capture a window" (a trigger from a real window).
// This program's own windows are skipped. Elsewhere than on X11 neither
// reports anything: suggestions do not appear, and the studio says so.
#pragma once

#include <souffleur/client/context.h>

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <optional>
#include <vector>

struct xcb_connection_t;

namespace souffleur::desktop {

class ActiveWindowWatcher : public QObject {
    Q_OBJECT

public:
    explicit ActiveWindowWatcher(QObject* parent = nullptr);
    // Starts polling; false when the display is not X11.
    bool start();

Q_SIGNALS:
    void changed(const client::WindowContext& window);

private:
    void poll();
    std::optional<client::WindowContext> describe(std::uint32_t window);

    QTimer m_timer;
    xcb_connection_t* m_connection = nullptr;
    std::uint32_t m_root = 0;
    std::uint32_t m_activeAtom = 0;
    std::uint32_t m_nameAtom = 0;
    std::uint32_t m_utf8Atom = 0;
    client::WindowContext m_last; // what was last reported
};

// The top-level windows open on the desktop (_NET_CLIENT_LIST, else the
// root's children that have a WM_CLASS), in stacking order, without this
// program's own; empty elsewhere than on X11.
std::vector<client::WindowContext> openWindows();

} // namespace souffleur::desktop
