// The active window of the desk's X11 screen, for context suggestions: its
// WM_CLASS and title, read once a second (a few round trips to the X server),
// reported when they change. _NET_ACTIVE_WINDOW when a window manager
// keeps it, else the window with the input focus, walked up to its top-level
// window. The overlay's own windows are skipped. Elsewhere than on X11 it
// reports nothing and suggestions simply do not appear.
#pragma once

#include <souffleur/client/context.h>

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <optional>

struct xcb_connection_t;

namespace souffleur::overlay {

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

} // namespace souffleur::overlay
