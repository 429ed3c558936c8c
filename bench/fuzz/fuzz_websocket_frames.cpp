// libFuzzer target for souffleur-server's notify WebSocket
// (websocket_session.cpp, Beast's frame reader): each input is the raw bytes
// a client sends after an authorised upgrade. A new loopback connection to
// a real server started in this process (fuzz_server.h) sends
// GET /api/v1/notify with a desk's token, waits for the 101, then writes
// the input (frames: masked or not, fragmented, control frames, closes,
// lengths that lie, more than the 64 KiB a message may have) and closes its
// sending side; the server's frames are read until it closes.
// A finding: a crash, an ASan/UBSan report in the server, a connection the
// server neither closes nor makes progress on within 5 s, a refused
// upgrade, or a frame from the server that breaks RFC 6455: masked, with
// RSV bits (no extension is negotiated), a reserved opcode, a control frame
// fragmented or over 125 bytes, a close frame of one byte or with a code no
// endpoint may send, or anything after its close frame.
// SOUFFLEUR_FUZZ_VERBOSE=1 prints the server's frames in hex.
// Built by bench/fuzz/CMakeLists.txt; run by scripts/fuzz.
#include "fuzz_server.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, std::size_t at) {
    std::fprintf(stderr, "fuzz: the server sent a bad WebSocket frame at byte %zu: %s\n", at, what);
    __builtin_trap();
}

bool validCloseCode(unsigned code) {
    // RFC 6455 7.4: 1004-1006 and 1015 are never sent, 0-999 and 1016-2999
    // are not used; what is above 2999 is for libraries and applications
    // (Beast echoes a client's code of 5000 and more, which the RFC leaves open).
    return code >= 1000 && code != 1004 && code != 1005 && code != 1006 &&
           !(code >= 1015 && code <= 2999);
}

// The server's frames, from the first (its hello) on; the last may be cut
// off where the kept bytes end.
void checkFrames(std::string_view bytes) {
    std::size_t at = 0;
    const auto byte = [&bytes](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    while (bytes.size() - at >= 2) {
        const bool fin = (byte(at) & 0x80) != 0;
        const unsigned rsv = byte(at) & 0x70;
        const unsigned opcode = byte(at) & 0x0F;
        const bool masked = (byte(at + 1) & 0x80) != 0;
        std::uint64_t length = byte(at + 1) & 0x7F;
        std::size_t header = 2;
        if (rsv)
            broken("RSV bits set", at);
        if (masked)
            broken("masked (only clients mask)", at);
        if ((opcode > 2 && opcode < 8) || opcode > 10)
            broken("a reserved opcode", at);
        if (opcode >= 8 && (!fin || length > 125))
            broken("a control frame fragmented or over 125 bytes", at);
        if (length == 126 || length == 127) {
            header += length == 126 ? 2 : 8;
            if (bytes.size() - at < header)
                return;
            length = 0;
            for (std::size_t i = at + 2; i < at + header; ++i)
                length = (length << 8) | byte(i);
        }
        if (bytes.size() - at - header < length)
            return; // cut off
        if (opcode == 8) {
            if (length == 1)
                broken("a close frame of one byte", at);
            if (length >= 2 &&
                !validCloseCode((unsigned{byte(at + header)} << 8) | byte(at + header + 1)))
                broken("a close code no endpoint may send", at);
            if (at + header + length != bytes.size())
                broken("bytes after the close frame", at);
        }
        at += header + static_cast<std::size_t>(length);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)souffleur::fuzz::fuzzServer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& server = souffleur::fuzz::fuzzServer();
    static const std::string upgrade = "GET /api/v1/notify HTTP/1.1\r\n"
                                       "Host: 127.0.0.1\r\n"
                                       "Upgrade: websocket\r\n"
                                       "Connection: Upgrade\r\n"
                                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                       "Sec-WebSocket-Version: 13\r\n"
                                       "Authorization: Bearer " +
                                       server.tokens.desk + "\r\n\r\n";
    bool answered = false;
    const std::string received = souffleur::fuzz::sendAndRead(
        server.port, std::string_view(reinterpret_cast<const char*>(data), size),
        std::chrono::seconds(5), upgrade, "\r\n\r\n", &answered);
    if (!answered || !received.starts_with("HTTP/1.1 101 ")) {
        std::fprintf(stderr, "fuzz: the upgrade was refused: %.80s\n", received.c_str());
        __builtin_trap();
    }
    const auto frames = std::string_view(received).substr(received.find("\r\n\r\n") + 4);
    // SOUFFLEUR_FUZZ_VERBOSE=1: the server's frames, in hex (the first 256 bytes).
    static const bool verbose = std::getenv("SOUFFLEUR_FUZZ_VERBOSE") != nullptr;
    if (verbose) {
        std::fprintf(stderr, "fuzz: %zu bytes in, %zu bytes of frames out:", size, frames.size());
        for (std::size_t i = 0; i < frames.size() && i < 256; ++i)
            std::fprintf(stderr, " %02x", static_cast<unsigned char>(frames[i]));
        std::fprintf(stderr, "\n");
    }
    checkFrames(frames);
    return 0;
}
