// Pictures for guides (document security features: kinegram, laser image,
// MLI), checked and cleaned before anything is stored: PNG and JPEG only,
// recognised by their bytes (never by the Content-Type a client claims),
// at most kMaxPixels and kMaxSide pixels, read from the header before any
// pixel is decoded (a tiny file that claims 100,000 x 100,000 pixels is
// refused without allocating them), then decoded and encoded again from
// the pixels alone: no EXIF, no text chunks, no ICC profile, no trailing
// bytes survive. Stored by the SHA-256 of the cleaned bytes.
#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace souffleur::server {

inline constexpr std::size_t kMaxMediaBytes = 8 * 1024 * 1024;
inline constexpr int kMaxSide = 4096;
inline constexpr long long kMaxPixels = 16'000'000;

struct CleanImage {
    std::string bytes;       // the re-encoded picture
    std::string contentType; // image/png or image/jpeg
    std::string hash;        // "sha256:" + 64 lower-case hex digits of bytes
    int width = 0;
    int height = 0;
};

struct MediaError {
    enum class Kind { WrongType, TooLarge, Broken };
    Kind kind;
    std::string message;
};

std::expected<CleanImage, MediaError> cleanImage(std::string_view bytes);

// Whether `text` is "sha256:" and 64 lower-case hex digits.
bool isMediaHash(std::string_view text);

} // namespace souffleur::server
