// DITA 1.3 task topics in and out. Technical writers keep procedures as DITA
// tasks; importDitaTask turns one into a Guide (steps, notes, substeps,
// choices) that the rest of Souffleur can check, store and show, and
// exportDitaTask writes a Guide back as a task topic for their tool chain.
// libxml2 is used only behind this header (src/dita.cpp), with the same rules
// as the guide parser (parser.h): no network, no DTD loading, no entity
// expansion, size capped. A DOCTYPE naming the DITA DTD is accepted (and
// never loaded); one with an internal subset is refused. References to other
// files (conref, conkeyref, keyref, coderef) are never resolved: they become
// warnings, never failures.
#pragma once

#include <souffleur/content/diagnostic.h>
#include <souffleur/content/guide.h>

#include <expected>
#include <string>
#include <string_view>

namespace souffleur::content {

// A guide made from a DITA task, and what could not be carried over.
struct ImportResult {
    Guide guide;
    Diagnostics warnings; // located, Severity::Warning
};

// Reads a DITA task topic (`<task>` root). `fileName` is used in diagnostics
// and, when the task has no id, to name the guide. The guide is valid: it
// passes writeGuide + parseGuide. Fails only on XML that is malformed, too
// large or hostile, or that is not a task.
std::expected<ImportResult, Diagnostics> importDitaTask(std::string_view xml,
                                                        std::string_view fileName);

// A DITA 1.3 task topic, with the standard DOCTYPE line, for `guide`.
std::string exportDitaTask(const Guide& guide);

} // namespace souffleur::content
