// Safe parsing of guide and alert XML. libxml2 is used only behind this header
// (in src/xml_parser.cpp): no network, no DTD, no entity expansion, DOCTYPE
// refused, size capped, every problem a located Diagnostic. A document that
// parses has passed the structural checks and the RELAX NG schema
// (content/schema/guide-1.rng); lint.h checks what a schema cannot.
#pragma once

#include <souffleur/content/diagnostic.h>
#include <souffleur/content/guide.h>

#include <cstddef>
#include <expected>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace souffleur::content {

// Documents larger than this are refused before parsing.
inline constexpr std::size_t kMaxGuideBytes = 2 * 1024 * 1024;

// A guide or an alert, by its root element.
using Document = std::variant<Guide, Alert>;

// Where the parts of a parsed document are in its file (1-based lines), so
// that diagnostics about the model (lint.h) can point at them.
struct SourceLines {
    int root = 0;                                    // <guide> or <alert>
    int valid = 0;                                   // <valid>, 0 when absent
    std::map<std::string, int, std::less<>> steps;   // step id -> its <step>
    std::map<std::string, int, std::less<>> related; // related guide id -> its <related>
    std::vector<int> attachments;                    // each <attach>, in order
};

struct ParseOptions {
    // The newest format revision to accept (guide.h, kFormatVersion). A
    // document that declares a newer one is refused at once with one
    // diagnostic whose needsFormat says which it needs. Lower it to read as
    // an older Souffleur would (tests; the studio, to say which desks can
    // show a guide).
    int maxFormat = kFormatVersion;
};

// Parses and validates a document. `fileName` is used in diagnostics; where
// its parts are goes to `lines`, if given.
std::expected<Document, Diagnostics> parseDocument(std::string_view xml, std::string_view fileName,
                                                   SourceLines* lines = nullptr,
                                                   ParseOptions options = {});
// The same, for a document that must be a guide (or an alert).
std::expected<Guide, Diagnostics> parseGuide(std::string_view xml, std::string_view fileName,
                                             ParseOptions options = {});
std::expected<Alert, Diagnostics> parseAlert(std::string_view xml, std::string_view fileName,
                                             ParseOptions options = {});

// What a document says about itself, read without checking the rest: for a
// document this reader cannot parse (a newer format, a broken one), so that a
// desk can still name what it is waiting for. nullopt when it is not even
// well-formed XML (the same safe parse as above: no DTD, no network).
struct DocumentHeader {
    std::string root; // "guide", "alert", or whatever the root element is
    std::string id;
    int revision = 0;
    int format = 1;
    std::string title; // the first <title>'s text, white space folded
};
std::optional<DocumentHeader> peekHeader(std::string_view xml);

// Reads a file (refusing anything over kMaxGuideBytes) and parses it.
std::expected<Document, Diagnostics> loadDocument(const std::filesystem::path& path,
                                                  SourceLines* lines = nullptr);
std::expected<Guide, Diagnostics> loadGuide(const std::filesystem::path& path);

} // namespace souffleur::content
