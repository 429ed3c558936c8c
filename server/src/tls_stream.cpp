// The server's TLS stream (see tls_stream.h): the OpenSSL side.
#include "tls_stream.h"

#include <boost/asio/error.hpp>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cstring>
#include <limits>
#include <stdexcept>

namespace souffleur::server {

namespace asio = boost::asio;

namespace {

// The read that waits for the peer gets this much room after a read that
// did not fill its buffer, and twice as much after one that did, up to a
// whole TLS record with its header and tag.
constexpr std::size_t kSmallRead = 1024;
constexpr std::size_t kLargeRead = 16384 + 512;

tls_detail::Core& coreOf(BIO* bio) {
    return *static_cast<tls_detail::Core*>(BIO_get_data(bio));
}

// OpenSSL takes ciphertext that arrived: what is there, or "try again".
int bioRead(BIO* bio, char* data, int size) {
    auto& core = coreOf(bio);
    BIO_clear_retry_flags(bio);
    if (core.inBegin == core.inEnd) {
        BIO_set_retry_read(bio);
        return -1;
    }
    const std::size_t taken =
        std::min(core.inEnd - core.inBegin, static_cast<std::size_t>(std::max(size, 0)));
    std::memcpy(data, core.in.get() + core.inBegin, taken);
    core.inBegin += taken;
    if (core.inBegin == core.inEnd) {
        core.in.reset(); // all taken: an idle connection holds no ciphertext
        core.inBegin = core.inEnd = 0;
    }
    return static_cast<int>(taken);
}

// OpenSSL's ciphertext, kept until an operation sends it.
int bioWrite(BIO* bio, const char* data, int size) {
    auto& core = coreOf(bio);
    BIO_clear_retry_flags(bio);
    core.out.append(data, static_cast<std::size_t>(std::max(size, 0)));
    return size;
}

long bioControl(BIO*, int command, long, void*) {
    // Flushing is the operations' job; nothing else is asked of this BIO.
    return command == BIO_CTRL_FLUSH ? 1 : 0;
}

int bioCreate(BIO* bio) {
    BIO_set_init(bio, 1);
    return 1;
}

const BIO_METHOD* bioMethod() {
    static const BIO_METHOD* method = [] {
        BIO_METHOD* made =
            BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "souffleur tls stream");
        if (made == nullptr || BIO_meth_set_read(made, bioRead) != 1 ||
            BIO_meth_set_write(made, bioWrite) != 1 || BIO_meth_set_ctrl(made, bioControl) != 1 ||
            BIO_meth_set_create(made, bioCreate) != 1)
            throw std::runtime_error("cannot make the TLS stream's BIO");
        return made;
    }();
    return method;
}

// What an OpenSSL call's result means for the operation.
tls_detail::Step stepOf(SSL* ssl, int result, std::size_t bytes) {
    if (result > 0)
        return {false, {}, bytes};
    const int error = SSL_get_error(ssl, result);
    if (error == SSL_ERROR_WANT_READ)
        return {true, {}, 0};
    if (error == SSL_ERROR_ZERO_RETURN) // the peer's close_notify
        return {false, asio::error::eof, 0};
    const unsigned long queued = ERR_get_error();
    ERR_clear_error();
    if (queued != 0)
        return {
            false,
            boost::system::error_code(static_cast<int>(queued), asio::error::get_ssl_category()),
            0};
    // SSL_ERROR_WANT_WRITE cannot happen (the BIO takes all), nor the rest
    // without a queued error: call it what Asio calls a broken stream.
    return {false, asio::ssl::error::unexpected_result, 0};
}

int clampedSize(std::size_t size) {
    return static_cast<int>(std::min<std::size_t>(size, std::numeric_limits<int>::max()));
}

} // namespace

namespace tls_detail {

Core::Core(SSL_CTX* context, const asio::any_io_executor& executor)
    : nextReadSize(kSmallRead)
    , readDone(executor, asio::steady_timer::time_point::max())
    , sendDone(executor, asio::steady_timer::time_point::max()) {
    ssl = SSL_new(context);
    BIO* bio = ssl ? BIO_new(bioMethod()) : nullptr;
    if (bio == nullptr) {
        SSL_free(ssl);
        ERR_clear_error();
        throw std::runtime_error("cannot start TLS on a connection (out of memory?)");
    }
    BIO_set_data(bio, this);
    SSL_set_bio(ssl, bio, bio); // one reference, for both directions
    SSL_set_accept_state(ssl);
}

Core::~Core() {
    SSL_free(ssl);
}

Step Core::handshake() {
    ERR_clear_error();
    return stepOf(ssl, SSL_do_handshake(ssl), 0);
}

Step Core::read(void* data, std::size_t size) {
    if (size == 0)
        return {};
    ERR_clear_error();
    const int result = SSL_read(ssl, data, clampedSize(size));
    return stepOf(ssl, result, result > 0 ? static_cast<std::size_t>(result) : 0);
}

Step Core::write(const void* data, std::size_t size) {
    if (size == 0)
        return {};
    ERR_clear_error();
    const int result = SSL_write(ssl, data, clampedSize(size));
    return stepOf(ssl, result, result > 0 ? static_cast<std::size_t>(result) : 0);
}

Step Core::shutdown() {
    ERR_clear_error();
    // 0: ours is written, the peer's is awaited (called again when more
    // came); 1: both. As Asio's stream does, so that the peer reads ours
    // before the socket closes. The caller's deadline bounds the wait.
    const int result = SSL_shutdown(ssl);
    if (result == 1)
        return {};
    if (result == 0)
        return {true, {}, 0};
    return stepOf(ssl, result, 0);
}

asio::mutable_buffer Core::prepareRead() {
    // Only when OpenSSL asked for more, so when it had taken all there was.
    in = std::make_unique_for_overwrite<char[]>(nextReadSize);
    inBegin = inEnd = 0;
    return asio::buffer(in.get(), nextReadSize);
}

void Core::finishRead(std::size_t bytes) {
    inEnd = bytes;
    nextReadSize = bytes == nextReadSize ? std::min(2 * nextReadSize, kLargeRead) : kSmallRead;
    if (bytes == 0)
        in.reset();
    reading = false;
    if (readWaiters > 0)
        readDone.cancel(); // wakes the operation waiting for its turn to read
}

asio::const_buffer Core::prepareSend() {
    sendingNow.swap(out);
    return asio::buffer(sendingNow);
}

void Core::finishSend() {
    std::string().swap(sendingNow); // freed: an idle connection keeps no output
    sending = false;
    if (sendWaiters > 0)
        sendDone.cancel(); // wakes the operations waiting for their turn to send
}

} // namespace tls_detail

TlsStream::TlsStream(asio::ip::tcp::socket&& socket, asio::ssl::context& context)
    : m_next(std::move(socket))
    , m_core(std::make_unique<tls_detail::Core>(context.native_handle(), m_next.get_executor())) {}

} // namespace souffleur::server
