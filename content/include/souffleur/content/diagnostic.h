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
    // Set when the document declares a newer format revision than this
    // reader knows (guide.h, kFormatVersion): the format it needs. Such a
    // document is not broken; this reader is too old ("update needed").
    int needsFormat = 0;
    // Where in the model, for tools that edit the model rather than the file
    // (the studio): the step's id (empty: the guide itself) and the field's
    // name as souffleur::studio names it ("glance", "validTo"); empty when
    // not known.
    std::string step;
    std::string field;

    // `file:line:col: error: message`, the form compilers and editors
    // understand; `file:line: error: message` without a column, and
    // `file: error: message` without a line.
    std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics& diagnostics);
// The format a document needs that this reader lacks, or 0 when the
// diagnostics are about something else.
int neededFormat(const Diagnostics& diagnostics);

} // namespace souffleur::content
