// Pictures for guides over real sockets: PNG and JPEG stored cleaned (no
// metadata survives) and served by hash to every role of the tenant; a
// decompression bomb, a wrong type, a lying Content-Type, a broken or an
// oversize file get a clear 4xx and store nothing; a desk cannot upload;
// another tenant cannot read.
#include "test_support.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <png.h>
#include <string>
#include <turbojpeg.h>
#include <vector>
#include <zlib.h>

using namespace souffleur::server::test;
namespace http = boost::beast::http;

namespace {

std::string makeJpeg(int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width * height * 3), 128);
    tjhandle handle = tjInitCompress();
    unsigned char* out = nullptr;
    unsigned long size = 0;
    REQUIRE(tjCompress2(handle, pixels.data(), width, 0, height, TJPF_RGB, &out, &size, TJSAMP_444,
                        85, 0) == 0);
    std::string jpeg(reinterpret_cast<char*>(out), size);
    tjFree(out);
    tjDestroy(handle);
    return jpeg;
}

std::string bigEndian(std::uint32_t value) {
    return {static_cast<char>(value >> 24), static_cast<char>(value >> 16),
            static_cast<char>(value >> 8), static_cast<char>(value)};
}

// The PNG with a tEXt chunk after its header (as a camera or editor adds).
std::string withTextChunk(std::string png, const std::string& text) {
    std::string chunk = "tEXt" + text;
    const auto crc =
        crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
    png.insert(33, bigEndian(static_cast<std::uint32_t>(text.size())) + chunk +
                       bigEndian(static_cast<std::uint32_t>(crc)));
    return png;
}

// The JPEG with an EXIF segment after its start marker.
std::string withExif(std::string jpeg, const std::string& text) {
    const std::string payload = std::string("Exif\0\0", 6) + text;
    const auto length = static_cast<std::uint16_t>(payload.size() + 2);
    jpeg.insert(2, std::string{'\xFF', '\xE1', static_cast<char>(length >> 8),
                               static_cast<char>(length & 0xFF)} +
                       payload);
    return jpeg;
}

HttpResult upload(const TestServer& server, const std::string& token, const std::string& body,
                  const std::string& type) {
    return send(server.port(), post("/api/v1/media", token, body, type));
}

std::string hashOf(const HttpResult& result) {
    const auto value = result.json();
    return value.is_object() && value.as_object().contains("hash")
               ? std::string(value.as_object().at("hash").as_string())
               : std::string();
}

} // namespace

TEST_CASE("A PNG is stored cleaned and served by its hash", "[server][media]") {
    TestServer server;
    const std::string png = withTextChunk(makePng(40, 30), std::string("Author\0M. Jansen", 16));
    const auto stored = upload(server, server.authorA, png, "image/png");
    REQUIRE(stored.status == 201);
    const std::string hash = hashOf(stored);
    CHECK(hash.starts_with("sha256:"));
    CHECK(hash.size() == 71);
    CHECK(stored.json().as_object().at("width").as_int64() == 40);

    // Any role of the tenant reads it, the desk included; the text chunk is gone.
    const auto read = send(server.port(), get("/api/v1/media/" + hash, server.deskA));
    REQUIRE(read.status == 200);
    CHECK(read.contentType == "image/png");
    CHECK(read.body.find("tEXt") == std::string::npos);
    CHECK(read.body.find("Jansen") == std::string::npos);
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    REQUIRE(png_image_begin_read_from_memory(&image, read.body.data(), read.body.size()));
    CHECK(image.width == 40);
    CHECK(image.height == 30);
    png_image_free(&image);

    // The same picture again: the same hash, stored once.
    CHECK(hashOf(upload(server, server.reviewerA, png, "image/png")) == hash);
    CHECK(server.queryInt("SELECT count(*) FROM media") == 1);
    // Another tenant does not see it; a made-up hash is not there.
    CHECK(send(server.port(), get("/api/v1/media/" + hash, server.deskB)).status == 404);
    CHECK(send(server.port(), get("/api/v1/media/sha256:" + std::string(64, '0'), server.deskA))
              .status == 404);
    CHECK(send(server.port(), get("/api/v1/media/not-a-hash", server.deskA)).status == 404);
}

TEST_CASE("A JPEG is stored without its EXIF", "[server][media]") {
    TestServer server;
    const std::string jpeg = withExif(makeJpeg(64, 48), "GPS 52.37N 4.89E camera of M. Jansen");
    const auto stored = upload(server, server.authorA, jpeg, "image/jpeg");
    REQUIRE(stored.status == 201);
    const auto read = send(server.port(), get("/api/v1/media/" + hashOf(stored), server.deskA));
    REQUIRE(read.status == 200);
    CHECK(read.contentType == "image/jpeg");
    CHECK(read.body.find("Exif") == std::string::npos);
    CHECK(read.body.find("Jansen") == std::string::npos);
}

TEST_CASE("Hostile pictures get a clear 4xx and store nothing", "[server][media][hostile]") {
    TestServer server;
    // A decompression bomb: a small file whose header claims 100,000 x 100,000 pixels.
    std::string bomb = makePng(8, 8);
    bomb.replace(16, 8, bigEndian(100'000) + bigEndian(100'000));
    const auto refusedBomb = upload(server, server.authorA, bomb, "image/png");
    CHECK(refusedBomb.status == 413);
    CHECK(refusedBomb.body.find("megapixels") != std::string::npos);
    // Within the side limit but too many pixels in all.
    std::string wide = makePng(8, 8);
    wide.replace(16, 8, bigEndian(4096) + bigEndian(4096));
    CHECK(upload(server, server.authorA, wide, "image/png").status == 413);
    // Other types, whatever they claim to be.
    CHECK(upload(server, server.authorA, "GIF89a\x01\x00\x01\x00", "image/gif").status == 415);
    CHECK(upload(server, server.authorA, "<svg onload=alert(1)/>", "image/png").status == 415);
    CHECK(upload(server, server.authorA, "<html><script>x</script>", "text/html").status == 415);
    // PNG bytes that claim to be a JPEG.
    CHECK(upload(server, server.authorA, makePng(4, 4), "image/jpeg").status == 415);
    // A PNG cut short.
    const std::string png = makePng(32, 32);
    const auto cut = upload(server, server.authorA, png.substr(0, png.size() / 2), "image/png");
    CHECK(cut.status == 422);
    CHECK(cut.body.find("cannot be read") != std::string::npos);
    // Larger than the route takes.
    CHECK(upload(server, server.authorA, std::string(9 * 1024 * 1024, 'x'), "image/png").status ==
          413);
    // A desk account cannot upload.
    CHECK(upload(server, server.deskA, png, "image/png").status == 403);
    CHECK(upload(server, server.authorA, "", "image/png").status == 400);
    CHECK(server.queryInt("SELECT count(*) FROM media") == 0);
}
