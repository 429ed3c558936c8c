// Diagnostics: located messages about a guide, shared by the parser, the lint
// and every tool that reports them. Printed as `file:line:col: severity: message`.
#pragma once

#include <string>
#include <vector>

namespace souffleur::content {

enum class Severity { Error, Warning };

struct Diagnostic {
    std::string file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    Severity severity = Severity::Error;
    std::string message;

    // `file:line:col: error: message`, the form compilers and editors
    // understand; `file:line: error: message` without a column, and
    // `file: error: message` without a line.
    std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics& diagnostics);

} // namespace souffleur::content
