#include <souffleur/content/diagnostic.h>

#include <algorithm>

namespace souffleur::content {

std::string Diagnostic::toString() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0)
        out += ':' + std::to_string(line);
    if (line > 0 && column > 0)
        out += ':' + std::to_string(column);
    out += ": ";
    out += severity == Severity::Error ? "error: " : "warning: ";
    out += message;
    return out;
}

bool hasErrors(const Diagnostics& diagnostics) {
    return std::ranges::any_of(diagnostics,
                               [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

int neededFormat(const Diagnostics& diagnostics) {
    for (const auto& diagnostic : diagnostics) {
        if (diagnostic.needsFormat > 0)
            return diagnostic.needsFormat;
    }
    return 0;
}

} // namespace souffleur::content
