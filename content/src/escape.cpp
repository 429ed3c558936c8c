#include "escape.h"

namespace souffleur::content::detail {

std::string escapeMarkup(std::string_view text, Quotes quotes) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += quotes == Quotes::Keep ? "\"" : "&quot;";
            break;
        case '\'':
            out += quotes == Quotes::All ? "&#39;" : "'";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace souffleur::content::detail
