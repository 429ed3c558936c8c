// The global hotkey (see global_hotkey.h).
#include "global_hotkey.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <array>
#include <cstdlib>
#include <memory>
#include <xcb/xcb.h>

namespace souffleur::overlay {
namespace {

constexpr std::uint32_t kSpaceKeysym = 0x20;
constexpr std::uint16_t kModifiers = XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_1; // Ctrl+Alt
// Num Lock (Mod2) and Caps Lock may be on: grab each combination.
constexpr std::array<std::uint16_t, 4> kLockVariants = {0, XCB_MOD_MASK_2, XCB_MOD_MASK_LOCK,
                                                        XCB_MOD_MASK_2 | XCB_MOD_MASK_LOCK};

struct FreeReply {
    void operator()(void* reply) const { std::free(reply); }
};

// The keycode that carries `keysym` in the server's keyboard mapping, or 0.
std::uint8_t keycodeFor(xcb_connection_t* connection, std::uint32_t keysym) {
    const xcb_setup_t* setup = xcb_get_setup(connection);
    const auto first = setup->min_keycode;
    const auto count = static_cast<std::uint8_t>(setup->max_keycode - first + 1);
    const std::unique_ptr<xcb_get_keyboard_mapping_reply_t, FreeReply> mapping(
        xcb_get_keyboard_mapping_reply(
            connection, xcb_get_keyboard_mapping(connection, first, count), nullptr));
    if (!mapping)
        return 0;
    const xcb_keysym_t* keysyms = xcb_get_keyboard_mapping_keysyms(mapping.get());
    const int perCode = mapping->keysyms_per_keycode;
    const int total = xcb_get_keyboard_mapping_keysyms_length(mapping.get());
    for (int i = 0; i < total; ++i) {
        if (keysyms[i] == keysym)
            return static_cast<std::uint8_t>(first + i / perCode);
    }
    return 0;
}

} // namespace

GlobalHotkey::GlobalHotkey(QObject* parent)
    : QObject(parent) {}

GlobalHotkey::~GlobalHotkey() {
    if (!m_connection || !m_keycode)
        return;
    QCoreApplication::instance()->removeNativeEventFilter(this);
    for (const auto lock : kLockVariants)
        xcb_ungrab_key(m_connection, m_keycode, m_root, kModifiers | lock);
    xcb_flush(m_connection);
}

std::expected<void, QString> GlobalHotkey::start() {
    auto* x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    if (!x11 || !x11->connection())
        return std::unexpected(QStringLiteral("no X11 display: no global hotkey"));
    m_connection = x11->connection();
    const xcb_screen_iterator_t screens = xcb_setup_roots_iterator(xcb_get_setup(m_connection));
    if (!screens.rem)
        return std::unexpected(QStringLiteral("no X11 screen: no global hotkey"));
    m_root = screens.data->root;
    m_keycode = keycodeFor(m_connection, kSpaceKeysym);
    if (!m_keycode)
        return std::unexpected(QStringLiteral("the keyboard has no space key?"));
    for (const auto lock : kLockVariants) {
        const auto cookie =
            xcb_grab_key_checked(m_connection, 1, m_root, kModifiers | lock, m_keycode,
                                 XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC);
        if (std::unique_ptr<xcb_generic_error_t, FreeReply> error(
                xcb_request_check(m_connection, cookie));
            error) {
            m_keycode = 0;
            return std::unexpected(QStringLiteral("%1 is taken by another program")
                                       .arg(QString::fromLatin1(kDescription)));
        }
    }
    QCoreApplication::instance()->installNativeEventFilter(this);
    return {};
}

bool GlobalHotkey::nativeEventFilter(const QByteArray& eventType, void* message, qintptr*) {
    if (eventType != "xcb_generic_event_t")
        return false;
    const auto* event = static_cast<const xcb_generic_event_t*>(message);
    if ((event->response_type & 0x7F) != XCB_KEY_PRESS)
        return false;
    const auto* key = static_cast<const xcb_key_press_event_t*>(message);
    if (key->detail != m_keycode || key->root != m_root || (key->state & kModifiers) != kModifiers)
        return false;
    Q_EMIT activated();
    return true;
}

} // namespace souffleur::overlay
