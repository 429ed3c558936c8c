// Context suggestions: a guide's triggers (guide format, <trigger>) name the
// application and window title it belongs to, as glob patterns ("reisdocumenten*",
// "*Aanvraag paspoort*"), or a deep-link id a host application passes
// (`souffleur-overlay --open rdc.aanvraag.start`). The overlay matches the
// active window against them and shows a quiet suggestion, never starting a
// walkthrough by itself (Replica::suggestFor, Replica::guideForLink).
#pragma once

#include <string>
#include <string_view>

namespace souffleur::client {

// The active window of the desk's screen: its application (the X11 WM_CLASS
// class or instance) and its title.
struct WindowContext {
    std::string application;
    std::string title;
};

// Glob match: `*` any run of characters, `?` any one character; ASCII letters
// case-insensitive; the whole text must match.
bool globMatch(std::string_view pattern, std::string_view text);

} // namespace souffleur::client
