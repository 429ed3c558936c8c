// Presses the overlay's global hotkey (Ctrl+Alt+Space) on $DISPLAY through the
// XTEST extension, as a person would: for the e2e test. Exit 0 when sent.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <xcb/xcb.h>
#include <xcb/xtest.h>

namespace {

std::uint8_t keycodeFor(xcb_connection_t* connection, xcb_keysym_t keysym) {
    const xcb_setup_t* setup = xcb_get_setup(connection);
    const auto first = setup->min_keycode;
    const auto count = static_cast<std::uint8_t>(setup->max_keycode - first + 1);
    auto* mapping = xcb_get_keyboard_mapping_reply(
        connection, xcb_get_keyboard_mapping(connection, first, count), nullptr);
    if (!mapping)
        return 0;
    const xcb_keysym_t* keysyms = xcb_get_keyboard_mapping_keysyms(mapping);
    const int total = xcb_get_keyboard_mapping_keysyms_length(mapping);
    std::uint8_t found = 0;
    for (int i = 0; i < total && !found; ++i) {
        if (keysyms[i] == keysym)
            found = static_cast<std::uint8_t>(first + i / mapping->keysyms_per_keycode);
    }
    std::free(mapping);
    return found;
}

} // namespace

int main() {
    xcb_connection_t* connection = xcb_connect(nullptr, nullptr);
    if (xcb_connection_has_error(connection)) {
        std::fprintf(stderr, "press_hotkey: cannot open the display\n");
        return 1;
    }
    const std::uint8_t control = keycodeFor(connection, 0xffe3); // Control_L
    const std::uint8_t alt = keycodeFor(connection, 0xffe9);     // Alt_L
    const std::uint8_t space = keycodeFor(connection, 0x20);
    if (!control || !alt || !space) {
        std::fprintf(stderr, "press_hotkey: the keymap lacks Control_L, Alt_L or space\n");
        return 1;
    }
    for (const std::uint8_t key : {control, alt, space})
        xcb_test_fake_input(connection, XCB_KEY_PRESS, key, XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
    for (const std::uint8_t key : {space, alt, control})
        xcb_test_fake_input(connection, XCB_KEY_RELEASE, key, XCB_CURRENT_TIME, XCB_NONE, 0, 0, 0);
    xcb_flush(connection);
    xcb_get_input_focus_reply_t* sync =
        xcb_get_input_focus_reply(connection, xcb_get_input_focus(connection), nullptr);
    std::free(sync);
    xcb_disconnect(connection);
    return 0;
}
