// Safe parsing of guide XML. libxml2 is used only behind this header (in
// src/xml_parser.cpp): no network, no DTD, no entity expansion, DOCTYPE refused,
// size capped, every problem a located Diagnostic.
#pragma once

#include <souffleur/content/diagnostic.h>
#include <souffleur/content/guide.h>

#include <cstddef>
#include <expected>
#include <filesystem>
#include <string_view>

namespace souffleur::content {

// Guides larger than this are refused before parsing.
inline constexpr std::size_t kMaxGuideBytes = 2 * 1024 * 1024;

// Parses and structurally validates a guide. `fileName` is used in diagnostics.
std::expected<Guide, Diagnostics> parseGuide(std::string_view xml, std::string_view fileName);

// Reads a file (refusing anything over kMaxGuideBytes) and parses it.
std::expected<Guide, Diagnostics> loadGuide(const std::filesystem::path& path);

} // namespace souffleur::content
