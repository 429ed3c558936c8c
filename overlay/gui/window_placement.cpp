// The panel and the window manager (see window_placement.h).
#include "window_placement.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <xcb/xcb.h>

namespace souffleur::overlay {
namespace {

struct FreeReply {
    void operator()(void* reply) const { std::free(reply); }
};

xcb_connection_t* x11Connection() {
    auto* x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    return x11 ? x11->connection() : nullptr;
}

xcb_atom_t atom(xcb_connection_t* connection, const char* name) {
    const std::unique_ptr<xcb_intern_atom_reply_t, FreeReply> reply(xcb_intern_atom_reply(
        connection,
        xcb_intern_atom(connection, 0, static_cast<std::uint16_t>(std::strlen(name)), name),
        nullptr));
    return reply ? reply->atom : static_cast<xcb_atom_t>(XCB_ATOM_NONE);
}

template <std::size_t N>
void setCardinals(xcb_connection_t* connection, xcb_window_t window, const char* name,
                  const std::array<std::uint32_t, N>& values) {
    xcb_change_property(connection, XCB_PROP_MODE_REPLACE, window, atom(connection, name),
                        XCB_ATOM_CARDINAL, 32, static_cast<std::uint32_t>(N), values.data());
}

} // namespace

void markAsPanel(QWidget& window) {
    xcb_connection_t* connection = x11Connection();
    if (!connection)
        return;
    const auto id = static_cast<xcb_window_t>(window.winId()); // creates the native window
    // Before the window is mapped a client sets _NET_WM_STATE itself; Qt
    // keeps these when it adds its own (_NET_WM_STATE_ABOVE) at show().
    const std::array<xcb_atom_t, 2> states{atom(connection, "_NET_WM_STATE_SKIP_TASKBAR"),
                                           atom(connection, "_NET_WM_STATE_SKIP_PAGER")};
    xcb_change_property(connection, XCB_PROP_MODE_REPLACE, id, atom(connection, "_NET_WM_STATE"),
                        XCB_ATOM_ATOM, 32, static_cast<std::uint32_t>(states.size()),
                        states.data());
    setCardinals(connection, id, "_NET_WM_DESKTOP", std::array<std::uint32_t, 1>{0xFFFFFFFFU});
    xcb_flush(connection);
}

void reserveEdge(QWidget& window, ScreenEdge edge, const QRect& panel) {
    xcb_connection_t* connection = x11Connection();
    const QScreen* screen = QGuiApplication::primaryScreen();
    if (!connection || !screen)
        return;
    // Struts count from the edges of the whole X screen (every monitor).
    const QRect root = screen->virtualGeometry();
    const auto top = static_cast<std::uint32_t>(std::max(0, panel.top()));
    const auto bottom = static_cast<std::uint32_t>(std::max(0, panel.bottom()));
    std::array<std::uint32_t, 12> partial{};
    if (edge == ScreenEdge::Left) {
        partial[0] = static_cast<std::uint32_t>(std::max(0, panel.right() + 1 - root.left()));
        partial[4] = top;
        partial[5] = bottom;
    } else {
        partial[1] = static_cast<std::uint32_t>(std::max(0, root.right() + 1 - panel.left()));
        partial[6] = top;
        partial[7] = bottom;
    }
    const auto id = static_cast<xcb_window_t>(window.winId());
    setCardinals(connection, id, "_NET_WM_STRUT_PARTIAL", partial);
    setCardinals(connection, id, "_NET_WM_STRUT",
                 std::array<std::uint32_t, 4>{partial[0], partial[1], 0, 0});
    xcb_flush(connection);
}

void clearEdge(QWidget& window) {
    xcb_connection_t* connection = x11Connection();
    if (!connection)
        return;
    const auto id = static_cast<xcb_window_t>(window.winId());
    xcb_delete_property(connection, id, atom(connection, "_NET_WM_STRUT_PARTIAL"));
    xcb_delete_property(connection, id, atom(connection, "_NET_WM_STRUT"));
    xcb_flush(connection);
}

} // namespace souffleur::overlay
