// The windows of the X11 desktop (see windows.h).
#include <souffleur/desktop/windows.h>

#include <QGuiApplication>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <xcb/xcb.h>

namespace souffleur::desktop {
namespace {

struct FreeReply {
    void operator()(void* reply) const { std::free(reply); }
};
template <typename T>
using Reply = std::unique_ptr<T, FreeReply>;

constexpr int kPollMs = 1000;
constexpr int kMaxDepth = 8;

std::uint32_t atom(xcb_connection_t* connection, const char* name) {
    const Reply<xcb_intern_atom_reply_t> reply(xcb_intern_atom_reply(
        connection,
        xcb_intern_atom(connection, 0, static_cast<std::uint16_t>(std::strlen(name)), name),
        nullptr));
    return reply ? reply->atom : static_cast<std::uint32_t>(XCB_ATOM_NONE);
}

// A property's bytes, at most 4 KiB.
std::string windowProperty(xcb_connection_t* connection, std::uint32_t window, std::uint32_t name,
                           std::uint32_t type) {
    const Reply<xcb_get_property_reply_t> reply(xcb_get_property_reply(
        connection, xcb_get_property(connection, 0, window, name, type, 0, 1024), nullptr));
    if (!reply || reply->format != 8)
        return {};
    const auto length = static_cast<std::size_t>(xcb_get_property_value_length(reply.get()));
    return std::string(static_cast<const char*>(xcb_get_property_value(reply.get())), length);
}

// The window's (or its nearest ancestor's) class and title; nothing for this
// program's own windows or a window without WM_CLASS.
std::optional<client::WindowContext> describeWindow(xcb_connection_t* connection,
                                                    std::uint32_t root, std::uint32_t nameAtom,
                                                    std::uint32_t utf8Atom, std::uint32_t window) {
    for (int depth = 0; depth < kMaxDepth && window != XCB_WINDOW_NONE && window != root; ++depth) {
        const std::string wmClass =
            windowProperty(connection, window, XCB_ATOM_WM_CLASS, XCB_ATOM_STRING);
        if (!wmClass.empty()) {
            // "instance\0class\0"
            const std::string instance = wmClass.substr(0, wmClass.find('\0'));
            const auto classAt = wmClass.find('\0') + 1;
            std::string className =
                classAt < wmClass.size()
                    ? wmClass.substr(classAt, wmClass.find('\0', classAt) - classAt)
                    : std::string();
            if (instance == QGuiApplication::applicationName().toStdString())
                return std::nullopt; // our own window
            std::string title = windowProperty(connection, window, nameAtom, utf8Atom);
            if (title.empty())
                title = windowProperty(connection, window, XCB_ATOM_WM_NAME, XCB_ATOM_STRING);
            return client::WindowContext{className.empty() ? instance : className, title};
        }
        const Reply<xcb_query_tree_reply_t> tree(
            xcb_query_tree_reply(connection, xcb_query_tree(connection, window), nullptr));
        if (!tree)
            return std::nullopt;
        window = tree->parent;
    }
    return std::nullopt;
}

xcb_connection_t* x11Connection() {
    auto* x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    return x11 ? x11->connection() : nullptr;
}

} // namespace

std::vector<client::WindowContext> openWindows() {
    xcb_connection_t* connection = x11Connection();
    if (!connection)
        return {};
    const xcb_screen_iterator_t screens = xcb_setup_roots_iterator(xcb_get_setup(connection));
    if (!screens.rem)
        return {};
    const std::uint32_t root = screens.data->root;
    const std::uint32_t nameAtom = atom(connection, "_NET_WM_NAME");
    const std::uint32_t utf8Atom = atom(connection, "UTF8_STRING");
    std::vector<std::uint32_t> windows;
    const Reply<xcb_get_property_reply_t> list(xcb_get_property_reply(
        connection,
        xcb_get_property(connection, 0, root, atom(connection, "_NET_CLIENT_LIST_STACKING"),
                         XCB_ATOM_WINDOW, 0, 4096),
        nullptr));
    if (list && list->format == 32) {
        const auto* ids = static_cast<const std::uint32_t*>(xcb_get_property_value(list.get()));
        const auto count = static_cast<std::size_t>(xcb_get_property_value_length(list.get())) / 4;
        windows.assign(ids, ids + count);
    } else {
        // No window manager: the root's mapped children.
        const Reply<xcb_query_tree_reply_t> tree(
            xcb_query_tree_reply(connection, xcb_query_tree(connection, root), nullptr));
        if (tree) {
            const auto* ids = xcb_query_tree_children(tree.get());
            windows.assign(ids, ids + xcb_query_tree_children_length(tree.get()));
        }
    }
    std::vector<client::WindowContext> out;
    for (auto it = windows.rbegin(); it != windows.rend(); ++it) { // topmost first
        const Reply<xcb_get_window_attributes_reply_t> attributes(xcb_get_window_attributes_reply(
            connection, xcb_get_window_attributes(connection, *it), nullptr));
        if (!attributes || attributes->map_state != XCB_MAP_STATE_VIEWABLE)
            continue;
        // Only the window itself: its WM_CLASS, not a parent's.
        if (windowProperty(connection, *it, XCB_ATOM_WM_CLASS, XCB_ATOM_STRING).empty())
            continue;
        if (auto window = describeWindow(connection, root, nameAtom, utf8Atom, *it))
            out.push_back(std::move(*window));
    }
    return out;
}

ActiveWindowWatcher::ActiveWindowWatcher(QObject* parent)
    : QObject(parent) {
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &ActiveWindowWatcher::poll);
}

bool ActiveWindowWatcher::start() {
    m_connection = x11Connection();
    if (!m_connection)
        return false;
    const xcb_setup_t* setup = xcb_get_setup(m_connection);
    const xcb_screen_iterator_t screens = xcb_setup_roots_iterator(setup);
    if (!screens.rem)
        return false;
    m_root = screens.data->root;
    m_activeAtom = atom(m_connection, "_NET_ACTIVE_WINDOW");
    m_nameAtom = atom(m_connection, "_NET_WM_NAME");
    m_utf8Atom = atom(m_connection, "UTF8_STRING");
    m_timer.start();
    poll();
    return true;
}

void ActiveWindowWatcher::poll() {
    std::uint32_t window = XCB_WINDOW_NONE;
    if (m_activeAtom != XCB_ATOM_NONE) {
        const Reply<xcb_get_property_reply_t> reply(xcb_get_property_reply(
            m_connection,
            xcb_get_property(m_connection, 0, m_root, m_activeAtom, XCB_ATOM_WINDOW, 0, 1),
            nullptr));
        if (reply && reply->format == 32 && xcb_get_property_value_length(reply.get()) >= 4)
            window = *static_cast<const std::uint32_t*>(xcb_get_property_value(reply.get()));
    }
    if (window == XCB_WINDOW_NONE) {
        const Reply<xcb_get_input_focus_reply_t> focus(
            xcb_get_input_focus_reply(m_connection, xcb_get_input_focus(m_connection), nullptr));
        if (focus)
            window = focus->focus;
    }
    if (window == XCB_WINDOW_NONE || window == XCB_INPUT_FOCUS_POINTER_ROOT || window == m_root)
        return;
    // Read again every time: an application changes its title as it goes.
    auto context = describe(window);
    if (context && (context->application != m_last.application || context->title != m_last.title)) {
        m_last = *context;
        Q_EMIT changed(*context);
    }
}

std::optional<client::WindowContext> ActiveWindowWatcher::describe(std::uint32_t window) {
    return describeWindow(m_connection, m_root, m_nameAtom, m_utf8Atom, window);
}

} // namespace souffleur::desktop
