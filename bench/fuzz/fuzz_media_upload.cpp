// libFuzzer target for the media upload (POST /api/v1/media): cleanImage
// (server/src/media.h) on arbitrary bytes, which recognises PNG and JPEG by
// their bytes, reads their size from the header before decoding a pixel,
// and encodes the pixels again. What it answers must hold, else the target
// traps and libFuzzer keeps the input:
//  - a refusal has a message, and says "wrong type" only for bytes that are
//    neither PNG nor JPEG;
//  - a cleaned picture is a PNG or a JPEG as its content type says, of a
//    size within the limits (kMaxSide, kMaxPixels), hashed as its bytes
//    are; and (up to a megapixel) cleaning it again gives a picture of the
//    same type and size (for a PNG, the very same bytes: the pixels decide
//    them alone).
// Built by bench/fuzz/CMakeLists.txt; run by scripts/fuzz.
#include "media.h"

#include <souffleur/content/guide.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

using namespace souffleur::server;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz: %s\n", what.c_str());
    __builtin_trap();
}

constexpr std::string_view kPngMagic("\x89PNG\r\n\x1a\n", 8);

bool looksJpeg(std::string_view bytes) {
    return bytes.size() > 3 && bytes.starts_with("\xFF\xD8\xFF");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto clean = cleanImage(bytes);
    if (!clean) {
        if (clean.error().message.empty())
            fail("a refusal without a message");
        if (clean.error().kind == MediaError::Kind::WrongType &&
            (bytes.starts_with(kPngMagic) || looksJpeg(bytes)))
            fail("a PNG or JPEG refused as the wrong type");
        return 0;
    }
    const bool png = clean->contentType == "image/png";
    if (png ? !clean->bytes.starts_with(kPngMagic)
            : clean->contentType != "image/jpeg" || !looksJpeg(clean->bytes))
        fail("the cleaned picture is not what its content type says: " + clean->contentType);
    if (clean->width < 1 || clean->height < 1 || clean->width > kMaxSide ||
        clean->height > kMaxSide ||
        static_cast<long long>(clean->width) * clean->height > kMaxPixels)
        fail("the cleaned picture is over the limits");
    if (clean->hash != souffleur::content::imageHash(clean->bytes) || !isMediaHash(clean->hash))
        fail("the hash is not the cleaned bytes' hash");
    // Cleaned again only up to a megapixel: a bigger picture takes seconds
    // (decoded and encoded twice more) and runs the same code.
    if (static_cast<long long>(clean->width) * clean->height > 1'000'000)
        return 0;
    const auto again = cleanImage(clean->bytes);
    if (!again)
        fail("the cleaned picture is refused: " + again.error().message);
    if (again->contentType != clean->contentType || again->width != clean->width ||
        again->height != clean->height)
        fail("the cleaned picture, cleaned again, is another picture");
    if (png && again->bytes != clean->bytes)
        fail("a cleaned PNG, cleaned again, has other bytes");
    return 0;
}
