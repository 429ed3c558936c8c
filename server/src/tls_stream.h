// Private: the server's TLS stream, in place of Asio's ssl::stream, so that
// an idle TLS connection costs little more than a plain one (issue 17).
//
// Asio's stream keeps four buffers of 17 KB for a connection's whole life
// (two of its own, two in the BIO pair it hands OpenSSL): 73 KB for an idle
// desk, against 7 KB over plain TCP. This one gives OpenSSL a BIO of its
// own (tls_stream.cpp) over two buffers that exist only while they hold
// something: the ciphertext read from the socket, until OpenSSL has taken
// it, and the ciphertext OpenSSL wrote, until it is sent. What stays is the
// SSL object, whose record buffers SSL_MODE_RELEASE_BUFFERS frees when idle,
// and the read buffer of the read that waits for the peer, sized to what
// came last (1 KB after a small record, doubling up to 16 KB while reads
// fill it).
//
// It works as Asio's does: an operation runs OpenSSL on what has arrived,
// sends whatever OpenSSL wrote, and, when OpenSSL wants more, reads from
// the socket and runs it again. A read and a write may be under way at once
// (Beast's WebSocket stream does that); they take turns on the socket, one
// socket read and one socket write at a time, through `reading`/`sending`
// and a timer each that wakes the operation waiting for its turn. The
// socket is Beast's tcp_stream, so `get_lowest_layer(stream).expires_after`
// sets the deadlines as it does for plain connections. Like Asio's stream,
// it must not be moved while an operation is under way.
#pragma once

#include <boost/asio/buffer.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/system/error_code.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <type_traits>

typedef struct ssl_st SSL;

namespace souffleur::server {

namespace tls_detail {

// What an OpenSSL call came to: done (with `error` or `bytes`), or it wants
// ciphertext from the peer first.
struct Step {
    bool wantsInput = false;
    boost::system::error_code error;
    std::size_t bytes = 0;
};

// The state of one connection, on the heap so that the stream may move
// (the BIO points here).
struct Core {
    Core(SSL_CTX* context, const boost::asio::any_io_executor& executor);
    ~Core();
    Core(const Core&) = delete;
    Core& operator=(const Core&) = delete;

    Step handshake();
    Step read(void* data, std::size_t size);
    Step write(const void* data, std::size_t size);
    Step shutdown();

    // The buffer for the next socket read, allocated now.
    boost::asio::mutable_buffer prepareRead();
    // `bytes` arrived in it (0 on an error): OpenSSL may take them.
    void finishRead(std::size_t bytes);
    // OpenSSL's output becomes the part being sent.
    boost::asio::const_buffer prepareSend();
    void finishSend();
    bool hasOutput() const { return !out.empty(); }

    SSL* ssl = nullptr;
    // Ciphertext received, [inBegin, inEnd) not yet taken by OpenSSL;
    // freed as soon as it is all taken.
    std::unique_ptr<char[]> in;
    std::size_t inBegin = 0;
    std::size_t inEnd = 0;
    std::size_t nextReadSize;
    // Ciphertext OpenSSL wrote and not yet sent; the part being sent.
    std::string out;
    std::string sendingNow;
    // Whose turn it is on the socket, and the timers the others wait on
    // (never expiring; cancelled to wake them).
    bool reading = false;
    bool sending = false;
    int readWaiters = 0; // only then is a timer cancelled (it takes a lock)
    int sendWaiters = 0;
    boost::asio::steady_timer readDone;
    boost::asio::steady_timer sendDone;
};

// One TLS operation: `perform` (an OpenSSL call on the core), repeated
// until it is done, with the socket reads and writes it needs between.
// Completes with (error, bytes), or with (error) alone when not kBytes.
template <class Perform, bool kBytes>
class Operation {
public:
    Operation(Core& core, boost::beast::tcp_stream& next, Perform perform)
        : m_core(core)
        , m_next(next)
        , m_perform(std::move(perform)) {}

    template <class Self>
    void operator()(Self& self, boost::system::error_code error = {}, std::size_t bytes = 0) {
        switch (m_state) {
        case State::WaitedForRead:
            --m_core.readWaiters;
            m_step = m_perform(m_core);
            break;
        case State::Start:
            m_step = m_perform(m_core);
            break;
        case State::Sent:
            m_core.finishSend();
            if (error)
                return done(self, error, 0);
            break;
        case State::WaitedForSend:
            --m_core.sendWaiters;
            break;
        case State::Read:
            m_core.finishRead(error ? 0 : bytes);
            if (error == boost::asio::error::eof)
                // The peer closed the connection without a close_notify (as Asio says it).
                return done(self, boost::asio::ssl::error::stream_truncated, 0);
            if (error)
                return done(self, error, 0);
            m_step = m_perform(m_core);
            break;
        }
        // What OpenSSL wrote goes out first: a handshake's flight before the
        // answer is awaited, a write's records before it is done.
        if (m_core.sending) {
            m_state = State::WaitedForSend;
            ++m_core.sendWaiters;
            return m_core.sendDone.async_wait(std::move(self));
        }
        if (m_core.hasOutput()) {
            m_state = State::Sent;
            m_core.sending = true;
            return boost::asio::async_write(m_next, m_core.prepareSend(), std::move(self));
        }
        if (m_step.wantsInput) {
            if (m_core.reading) {
                m_state = State::WaitedForRead;
                ++m_core.readWaiters;
                return m_core.readDone.async_wait(std::move(self));
            }
            m_state = State::Read;
            m_core.reading = true;
            return m_next.async_read_some(m_core.prepareRead(), std::move(self));
        }
        done(self, m_step.error, m_step.bytes);
    }

private:
    template <class Self>
    static void done(Self& self, boost::system::error_code error, std::size_t bytes) {
        if constexpr (kBytes)
            self.complete(error, bytes);
        else
            self.complete(error);
    }

    enum class State { Start, Sent, WaitedForSend, Read, WaitedForRead };
    Core& m_core;
    boost::beast::tcp_stream& m_next;
    Perform m_perform;
    State m_state = State::Start;
    Step m_step;
};

} // namespace tls_detail

class TlsStream {
public:
    using executor_type = boost::beast::tcp_stream::executor_type;
    using next_layer_type = boost::beast::tcp_stream;
    using lowest_layer_type = boost::beast::tcp_stream;

    TlsStream(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context& context);
    TlsStream(TlsStream&&) noexcept = default;
    TlsStream& operator=(TlsStream&&) = delete; // as Beast's tcp_stream

    executor_type get_executor() noexcept { return m_next.get_executor(); }
    next_layer_type& next_layer() noexcept { return m_next; }
    const next_layer_type& next_layer() const noexcept { return m_next; }

    // Only the server's side: the type is there to read as Asio's stream does.
    template <class Token>
    auto async_handshake(boost::asio::ssl::stream_base::handshake_type, Token&& token) {
        return run<false>([](tls_detail::Core& core) { return core.handshake(); },
                          std::forward<Token>(token));
    }

    template <class MutableBuffers, class Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token) {
        const boost::asio::mutable_buffer buffer = first(buffers);
        return run<true>(
            [buffer](tls_detail::Core& core) { return core.read(buffer.data(), buffer.size()); },
            std::forward<Token>(token));
    }

    // At most one record (16 KB) at a time. The buffers up to that go into
    // one record, as Beast's ssl_stream gathers them (flat_stream): a
    // WebSocket frame's header and payload, an HTTP header and its body
    // would otherwise be a record and a send each.
    template <class ConstBuffers, class Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token) {
        constexpr std::size_t kRecord = 16384;
        const std::size_t size = std::min(kRecord, boost::asio::buffer_size(buffers));
        boost::asio::const_buffer bytes = first(buffers);
        std::string gathered;
        if (bytes.size() < size) {
            gathered.resize(size);
            boost::asio::buffer_copy(boost::asio::buffer(gathered), buffers);
        }
        return run<true>(
            [bytes, size, gathered = std::move(gathered)](tls_detail::Core& core) {
                return gathered.empty() ? core.write(bytes.data(), size)
                                        : core.write(gathered.data(), gathered.size());
            },
            std::forward<Token>(token));
    }

    // Sends close_notify and waits for the peer's.
    template <class Token>
    auto async_shutdown(Token&& token) {
        return run<false>([](tls_detail::Core& core) { return core.shutdown(); },
                          std::forward<Token>(token));
    }

private:
    // The first buffer with bytes in it (Asio's stream too reads and writes one).
    template <class Buffers>
    static auto first(const Buffers& buffers) {
        using Buffer = std::remove_cvref_t<decltype(*boost::asio::buffer_sequence_begin(buffers))>;
        for (auto i = boost::asio::buffer_sequence_begin(buffers);
             i != boost::asio::buffer_sequence_end(buffers); ++i) {
            const Buffer buffer = *i;
            if (buffer.size() > 0)
                return buffer;
        }
        return Buffer{};
    }

    template <bool kBytes, class Perform, class Token>
    auto run(Perform perform, Token&& token) {
        using Signature = std::conditional_t<kBytes, void(boost::system::error_code, std::size_t),
                                             void(boost::system::error_code)>;
        return boost::asio::async_compose<Token, Signature>(
            tls_detail::Operation<Perform, kBytes>(*m_core, m_next, std::move(perform)), token,
            m_next);
    }

    boost::beast::tcp_stream m_next;
    std::unique_ptr<tls_detail::Core> m_core;
};

// How Beast's WebSocket stream ends the connection under it: close_notify.
template <class Handler>
void async_teardown(boost::beast::role_type, TlsStream& stream, Handler&& handler) {
    stream.async_shutdown(std::forward<Handler>(handler));
}

} // namespace souffleur::server
