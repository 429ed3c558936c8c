// Pictures for guides, checked and cleaned (media.h). libpng's simplified
// API and TurboJPEG report errors by return value: no setjmp here.
#include "media.h"

#include <souffleur/content/guide.h>

#include <array>
#include <cstring>
#include <memory>
#include <png.h>
#include <turbojpeg.h>
#include <vector>

namespace souffleur::server {
namespace {

constexpr std::string_view kPngMagic("\x89PNG\r\n\x1a\n", 8);

MediaError wrong(std::string message) {
    return {MediaError::Kind::WrongType, std::move(message)};
}
MediaError tooLarge(int width, int height) {
    return {MediaError::Kind::TooLarge, "the picture is " + std::to_string(width) + " x " +
                                            std::to_string(height) + " pixels; at most " +
                                            std::to_string(kMaxSide) + " on a side and " +
                                            std::to_string(kMaxPixels / 1'000'000) + " megapixels"};
}
MediaError broken(std::string message) {
    return {MediaError::Kind::Broken, std::move(message)};
}

bool tooBig(long long width, long long height) {
    return width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide ||
           width * height > kMaxPixels;
}

std::uint32_t bigEndian32(std::string_view bytes, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

std::expected<CleanImage, MediaError> cleanPng(std::string_view bytes) {
    // The IHDR chunk comes first: its size, before libpng sees anything.
    if (bytes.size() < 33 || bytes.substr(12, 4) != "IHDR")
        return std::unexpected(broken("this PNG has no header"));
    const long long width = bigEndian32(bytes, 16);
    const long long height = bigEndian32(bytes, 20);
    if (tooBig(width, height))
        return std::unexpected(tooLarge(static_cast<int>(std::min(width, 1LL << 30)),
                                        static_cast<int>(std::min(height, 1LL << 30))));
    // Every chunk up to IEND within the bytes, before libpng sees them: it
    // allocates what a chunk's length says before it finds the data missing
    // (an eXIf chunk of 60 bytes claiming 788 MB got 788 MB; fuzz_media_upload).
    for (std::size_t at = 8; bytes.size() - at >= 12;) {
        const std::size_t length = bigEndian32(bytes, at);
        if (length > bytes.size() - at - 12)
            return std::unexpected(
                broken("the PNG cannot be read: a chunk is longer than the file"));
        if (bytes.substr(at + 4, 4) == "IEND")
            break;
        at += 12 + length;
    }

    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
        return std::unexpected(broken(std::string("the PNG cannot be read: ") + image.message));
    // Free what libpng holds on every way out.
    const std::unique_ptr<png_image, void (*)(png_imagep)> guard(&image, png_image_free);
    if (tooBig(image.width, image.height))
        return std::unexpected(
            tooLarge(static_cast<int>(image.width), static_cast<int>(image.height)));
    image.format = (image.format & PNG_FORMAT_FLAG_ALPHA) ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr))
        return std::unexpected(broken(std::string("the PNG cannot be read: ") + image.message));

    png_image out;
    std::memset(&out, 0, sizeof out);
    out.version = PNG_IMAGE_VERSION;
    out.width = image.width;
    out.height = image.height;
    out.format = image.format;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&out, nullptr, &size, 0, pixels.data(), 0, nullptr))
        return std::unexpected(broken(std::string("the PNG cannot be written: ") + out.message));
    std::string clean(size, '\0');
    if (!png_image_write_to_memory(&out, clean.data(), &size, 0, pixels.data(), 0, nullptr))
        return std::unexpected(broken(std::string("the PNG cannot be written: ") + out.message));
    clean.resize(size);
    png_image_free(&out);
    const int w = static_cast<int>(image.width);
    const int h = static_cast<int>(image.height);
    return CleanImage{clean, "image/png", content::imageHash(clean), w, h};
}

struct TurboHandle {
    tjhandle handle;
    ~TurboHandle() {
        if (handle)
            tjDestroy(handle);
    }
};

std::expected<CleanImage, MediaError> cleanJpeg(std::string_view bytes) {
    const TurboHandle decoder{tjInitDecompress()};
    if (!decoder.handle)
        return std::unexpected(broken("the JPEG reader cannot start"));
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    int width = 0, height = 0, subsampling = 0, colourspace = 0;
    if (tjDecompressHeader3(decoder.handle, data, bytes.size(), &width, &height, &subsampling,
                            &colourspace) != 0)
        return std::unexpected(
            broken(std::string("the JPEG cannot be read: ") + tjGetErrorStr2(decoder.handle)));
    if (tooBig(width, height))
        return std::unexpected(tooLarge(width, height));
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) *
                                      static_cast<std::size_t>(height) * 3);
    // A warning refuses the picture (TurboJPEG answers -1), so stop at the
    // first rather than decode on; and at most 500 progressive scans. Without
    // both, 1,000 empty scans of 16 megapixels (116 KB) took 11 s of this
    // I/O thread, an upload of 8 MiB minutes.
    if (tjDecompress2(decoder.handle, data, bytes.size(), pixels.data(), width, 0, height, TJPF_RGB,
                      TJFLAG_ACCURATEDCT | TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS) != 0)
        return std::unexpected(
            broken(std::string("the JPEG cannot be read: ") + tjGetErrorStr2(decoder.handle)));
    const TurboHandle encoder{tjInitCompress()};
    if (!encoder.handle)
        return std::unexpected(broken("the JPEG writer cannot start"));
    unsigned char* out = nullptr;
    unsigned long size = 0;
    // Only the pixels go in: no EXIF, no comment, no ICC profile.
    if (tjCompress2(encoder.handle, pixels.data(), width, 0, height, TJPF_RGB, &out, &size,
                    TJSAMP_420, 90, TJFLAG_ACCURATEDCT) != 0) {
        tjFree(out);
        return std::unexpected(
            broken(std::string("the JPEG cannot be written: ") + tjGetErrorStr2(encoder.handle)));
    }
    std::string clean(reinterpret_cast<const char*>(out), size);
    tjFree(out);
    return CleanImage{clean, "image/jpeg", content::imageHash(clean), width, height};
}

} // namespace

std::expected<CleanImage, MediaError> cleanImage(std::string_view bytes) {
    if (bytes.size() > kMaxMediaBytes)
        return std::unexpected(MediaError{MediaError::Kind::TooLarge,
                                          "the picture is larger than " +
                                              std::to_string(kMaxMediaBytes / (1024 * 1024)) +
                                              " MiB"});
    if (bytes.starts_with(kPngMagic))
        return cleanPng(bytes);
    if (bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
        static_cast<unsigned char>(bytes[1]) == 0xD8 &&
        static_cast<unsigned char>(bytes[2]) == 0xFF)
        return cleanJpeg(bytes);
    return std::unexpected(wrong("only PNG and JPEG pictures are accepted"));
}

bool isMediaHash(std::string_view text) {
    return content::isImageHash(text);
}

} // namespace souffleur::server
