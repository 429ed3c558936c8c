#include <souffleur/content/diagnostic.h>

#include <algorithm>

namespace souffleur::content {

std::string Diagnostic::toString() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) // lint diagnostics name their step instead of a line
        out += ':' + std::to_string(line) + ':' + std::to_string(column);
    out += ": ";
    out += severity == Severity::Error ? "error: " : "warning: ";
    out += message;
    return out;
}

bool hasErrors(const Diagnostics& diagnostics) {
    return std::ranges::any_of(diagnostics,
                               [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

} // namespace souffleur::content
