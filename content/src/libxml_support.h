// Private: the safe use of libxml2 shared by the guide parser (xml_parser.cpp)
// and the DITA importer (dita.cpp). These three files are the only ones that
// see libxml2; no libxml2 type appears in a public header.
//  - initLibxml(): initialises libxml2 once and installs an external-entity
//    loader that refuses everything, process-wide.
//  - DocPtr, CtxtPtr: RAII for xmlDoc and xmlParserCtxt.
//  - ErrorCollector: libxml2's structured errors (per thread) as located
//    Diagnostics, for the lifetime of the collector.
//  - name, fold, attribute: reading a tree with white space folded.
#pragma once

#include <souffleur/content/diagnostic.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace souffleur::content::detail {

void initLibxml();

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

struct CtxtFree {
    void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
using CtxtPtr = std::unique_ptr<xmlParserCtxt, CtxtFree>;

struct CollectorOptions {
    std::string prefix;                     // put before every message, e.g. "schema: "
    bool undeclaredEntityIsWarning = false; // DITA: the DTD that declares it is never loaded
};

class ErrorCollector {
public:
    ErrorCollector(Diagnostics& out, std::string_view file, CollectorOptions options = {});
    ~ErrorCollector();
    ErrorCollector(const ErrorCollector&) = delete;
    ErrorCollector& operator=(const ErrorCollector&) = delete;

private:
    static void handle(void* self, xmlErrorPtr error);

    Diagnostics& m_out;
    std::string_view m_file;
    CollectorOptions m_options;
};

// An element's local name.
std::string_view name(const xmlNode* node);

// Runs of white space folded to one space and trimmed, so that indentation in
// a file never changes the model.
std::string fold(std::string_view raw);

// An attribute without namespace, folded; nullopt when absent.
std::optional<std::string> attribute(const xmlNode* node, const char* attrName);

// Line and column (1-based) of a byte offset in `text`.
std::pair<int, int> locate(std::string_view text, std::size_t offset);

// Line and column (1-based) of the start tag of `node`, parsed from `text`:
// libxml2 keeps only the line, so the column is where "<name" is found on
// that line (or, for a start tag over several lines, on one of the lines
// before it); 1 when it cannot be found. A text node is placed at its element.
std::pair<int, int> position(const xmlNode* node, std::string_view text);

} // namespace souffleur::content::detail
