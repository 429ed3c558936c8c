// Private: escaping text for XML and HTML, shared by the writer and the renderer.
#pragma once

#include <string>
#include <string_view>

namespace souffleur::content::detail {

enum class Quotes {
    Keep,   // element text in canonical XML: only &, < and >
    Double, // XML attribute values: also "
    All,    // HTML text and attributes: also " and '
};

std::string escapeMarkup(std::string_view text, Quotes quotes);

} // namespace souffleur::content::detail
