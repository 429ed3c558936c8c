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
#include <string_view>
#include <variant>

namespace souffleur::content {

// Documents larger than this are refused before parsing.
inline constexpr std::size_t kMaxGuideBytes = 2 * 1024 * 1024;

// A guide or an alert, by its root element.
using Document = std::variant<Guide, Alert>;

// Parses and validates a document. `fileName` is used in diagnostics.
std::expected<Document, Diagnostics> parseDocument(std::string_view xml, std::string_view fileName);
// The same, for a document that must be a guide (or an alert).
std::expected<Guide, Diagnostics> parseGuide(std::string_view xml, std::string_view fileName);
std::expected<Alert, Diagnostics> parseAlert(std::string_view xml, std::string_view fileName);

// Reads a file (refusing anything over kMaxGuideBytes) and parses it.
std::expected<Document, Diagnostics> loadDocument(const std::filesystem::path& path);
std::expected<Guide, Diagnostics> loadGuide(const std::filesystem::path& path);

} // namespace souffleur::content
