// One HTTP/1.1 connection (see http_session.h).
#include "http_session.h"

#include "websocket_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <optional>
#include <string>
#include <utility>

namespace souffleur::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
using namespace std::chrono_literals;

namespace {

constexpr auto kRequestTimeout = 10s; // from the first byte of a request to its last
constexpr auto kIdleTimeout = 30s;    // between requests, and for writing an answer
constexpr auto kLingerTimeout = 2s;   // discarding the rest of a refused request
constexpr std::size_t kLingerLimit = 8 * 1024 * 1024;
constexpr std::uint32_t kHeaderLimit = 8 * 1024;
constexpr std::size_t kReadChunk = 4096;
constexpr std::size_t kDiscardChunk = 16 * 1024;

bool isHttpError(const beast::error_code& error) {
    return error.category() == http::make_error_code(http::error::bad_target).category();
}

bool isTlsError(const beast::error_code& error) {
    return error.category() == asio::error::get_ssl_category() ||
           error.category() == asio::ssl::error::get_stream_category();
}

// The peer closed the connection (with or without TLS's close_notify), or
// the network between us broke.
bool peerLeft(const beast::error_code& error) {
    return error == http::error::end_of_stream || error == http::error::partial_message ||
           error == asio::error::eof || error == asio::error::connection_aborted ||
           error == asio::error::broken_pipe || error == asio::error::timed_out ||
           error == asio::ssl::error::stream_truncated;
}

// What a failed read means for a connection: nullopt when the connection
// simply ends (the server closed it, or the peer left or stayed silent
// before sending any of a request), the kind of error otherwise. A reset is
// always one; a TLS or HTTP protocol error too.
std::optional<ConnectionError> readFailure(const beast::error_code& error, bool midRequest) {
    if (error == asio::error::operation_aborted)
        return std::nullopt;
    if (error == http::error::body_limit || error == http::error::header_limit)
        return ConnectionError::TooLarge;
    if (error == asio::error::connection_reset)
        return ConnectionError::Reset;
    if (error == beast::error::timeout)
        return midRequest ? std::optional(ConnectionError::Timeout) : std::nullopt;
    if (peerLeft(error))
        return midRequest ? std::optional(ConnectionError::Reset) : std::nullopt;
    if (isHttpError(error) || isTlsError(error))
        return ConnectionError::Protocol;
    return ConnectionError::Other;
}

} // namespace

void startHttpSession(asio::ip::tcp::socket&& socket, const std::shared_ptr<ServerContext>& context,
                      ConnectionLimits::Slot slot) {
    if (const auto tls = context->tlsContext())
        std::make_shared<HttpSession<TlsStream>>(TlsStream(std::move(socket), *tls), context,
                                                 std::move(slot))
            ->run();
    else
        std::make_shared<HttpSession<PlainStream>>(PlainStream(std::move(socket)), context,
                                                   std::move(slot))
            ->run();
}

template <class Stream>
HttpSession<Stream>::HttpSession(Stream&& stream, std::shared_ptr<ServerContext> context,
                                 ConnectionLimits::Slot slot)
    : m_stream(std::move(stream))
    , m_strand(m_stream.get_executor())
    , m_context(std::move(context))
    , m_slot(std::move(slot))
    , m_remote(m_slot.address()) {}

template <class Stream>
HttpSession<Stream>::~HttpSession() {
    if (m_joined)
        m_context->sessions.leave(*this);
}

template <class Stream>
void HttpSession<Stream>::run() {
    m_joined = m_context->sessions.join(*this, this->weak_from_this());
    if (!m_joined)
        return; // the server is stopping; the socket closes with this session
    if constexpr (kIsTls<Stream>) {
        asio::dispatch(m_strand, [self = this->shared_from_this()] {
            beast::get_lowest_layer(self->m_stream).expires_after(kRequestTimeout);
            self->m_reading = true;
            self->m_stream.async_handshake(
                asio::ssl::stream_base::server,
                beast::bind_front_handler(&HttpSession<Stream>::onHandshake, self));
        });
    } else {
        asio::dispatch(m_strand, beast::bind_front_handler(&HttpSession<Stream>::readHeader,
                                                           this->shared_from_this()));
    }
}

template <class Stream>
void HttpSession<Stream>::onHandshake(beast::error_code error) {
    m_reading = false;
    if (error) {
        if (!m_stopping && error != asio::error::operation_aborted)
            fail(ConnectionError::TlsHandshake, error);
        return close(); // not TLS, a certificate the client refused, or too slow
    }
    if (m_stopping)
        return close();
    readHeader();
}

template <class Stream>
void HttpSession<Stream>::shutdown() {
    asio::post(m_strand, [self = this->shared_from_this()] {
        self->m_stopping = true;
        if (self->m_reading && !self->m_upgraded)
            self->close();
    });
}

template <class Stream>
void HttpSession<Stream>::waitForRequest() {
    if (m_stopping)
        return close();
    if (m_buffer.size() > 0)
        return readHeader(); // the next request has already arrived
    beast::get_lowest_layer(m_stream).expires_after(kIdleTimeout);
    m_reading = true;
    m_stream.async_read_some(
        m_buffer.prepare(kReadChunk),
        beast::bind_front_handler(&HttpSession<Stream>::onRequestData, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::onRequestData(beast::error_code error, std::size_t bytes) {
    m_reading = false;
    if (error) {
        // The idle deadline or the peer leaving ends a connection normally
        // here; a reset or broken TLS does not.
        if (const auto kind = readFailure(error, false); kind && !m_stopping)
            fail(*kind, error);
        return close();
    }
    m_buffer.commit(bytes);
    readHeader();
}

template <class Stream>
void HttpSession<Stream>::readHeader() {
    m_version = 11; // until the header says otherwise
    m_parser.emplace();
    m_parser->header_limit(kHeaderLimit);
    m_parser->body_limit(kGuideBodyLimit); // the largest; narrowed once the route is known
    beast::get_lowest_layer(m_stream).expires_after(kRequestTimeout);
    m_reading = true;
    http::async_read_header(
        m_stream, m_buffer, *m_parser,
        beast::bind_front_handler(&HttpSession<Stream>::onHeader, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::onHeader(beast::error_code error, std::size_t) {
    m_reading = false;
    if (error)
        return onReadError(error);
    const auto& header = m_parser->get();
    m_version = header.version();
    m_method = std::string(header.method_string());
    m_route = "unmatched";
    m_keepAlive = header.keep_alive();
    // Through a trusted proxy, the client is who X-Forwarded-For names.
    m_remote = m_context->limits->isTrustedProxy(m_slot.address())
                   ? m_context->limits->forwardedClient(m_slot.address(), header["X-Forwarded-For"])
                   : m_slot.address();
    admit(m_context, header, Peer{m_strand, m_remote},
          [self = this->shared_from_this()](Admission admission) {
              self->onAdmission(std::move(admission));
          });
}

template <class Stream>
void HttpSession<Stream>::onAdmission(Admission admission) {
    if (!admission)
        return refuse(std::move(admission.error()));
    const auto limit = admission->bodyLimit;
    if (const auto length = m_parser->content_length(); length && *length > limit) {
        fail(ConnectionError::TooLarge, "a body of " + std::to_string(*length) +
                                            " bytes announced, over the route's " +
                                            std::to_string(limit));
        return answerAndClose(http::status::payload_too_large, "request body too large");
    }
    m_parser->body_limit(limit);
    if (admission->authenticated)
        m_slot.authenticated(); // no longer counted against its address
    m_route = admission->routePattern;
    m_admitted = std::move(*admission);
    if (m_parser->is_done())
        return onBody({}, 0);
    m_reading = true;
    http::async_read(
        m_stream, m_buffer, *m_parser,
        beast::bind_front_handler(&HttpSession<Stream>::onBody, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::onBody(beast::error_code error, std::size_t) {
    m_reading = false;
    if (error)
        return onReadError(error);
    Request request = m_parser->release();
    auto admitted = std::move(*m_admitted);
    m_admitted.reset();
    auto self = this->shared_from_this();
    handleRequest(
        m_context, std::move(admitted), std::move(request), Peer{m_strand, m_remote},
        [self](Response response) { self->write(std::move(response)); },
        [self](Identity identity, Request upgradeRequest) {
            self->upgrade(std::move(identity), std::move(upgradeRequest));
        });
}

template <class Stream>
void HttpSession<Stream>::onReadError(beast::error_code error) {
    // Part of a request arrived: its header is still in the buffer, or the
    // parser has had some of it.
    const bool midRequest = m_buffer.size() > 0 || m_parser->got_some();
    const auto kind = m_stopping ? std::nullopt : readFailure(error, midRequest);
    if (kind)
        fail(*kind, error);
    if (kind == ConnectionError::TooLarge)
        return answerAndClose(http::status::payload_too_large, "request too large");
    if (kind == ConnectionError::Protocol && isHttpError(error))
        return answerAndClose(http::status::bad_request, "malformed request");
    close(); // the peer left or reset, a deadline passed, broken TLS, or shutdown
}

template <class Stream>
void HttpSession<Stream>::fail(ConnectionError kind, const beast::error_code& error) {
    fail(kind, error.message());
}

template <class Stream>
void HttpSession<Stream>::fail(ConnectionError kind, std::string_view detail) {
    if (std::exchange(m_failed, true))
        return; // counted once, under the first error
    m_context->metrics.connectionError(kind, detail, m_remote);
}

template <class Stream>
void HttpSession<Stream>::answerAndClose(http::status status, std::string_view message) {
    m_keepAlive = false;
    m_linger = true;
    write(errorResponse(status, message));
}

template <class Stream>
void HttpSession<Stream>::refuse(Response response) {
    if (!m_parser->is_done()) {
        // The body is still on the wire, unread: answer, then close.
        m_keepAlive = false;
        m_linger = true;
    }
    write(std::move(response));
}

template <class Stream>
void HttpSession<Stream>::write(Response response) {
    m_context->metrics.countRequest(m_route, m_method, response.result_int());
    response.version(m_version);
    response.keep_alive(m_keepAlive && !m_stopping);
    // The answer to HEAD ends with its header (RFC 9112, 6.3): no route
    // takes HEAD, but the body of its refusal (405) would be read by the
    // client as the start of the next answer. The header stays as it is.
    if (m_method == "HEAD")
        response.body().clear();

    m_response = std::move(response);
    beast::get_lowest_layer(m_stream).expires_after(kIdleTimeout);
    http::async_write(
        m_stream, *m_response,
        beast::bind_front_handler(&HttpSession<Stream>::onWrite, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::onWrite(beast::error_code error, std::size_t) {
    if (error) {
        // The peer left or reset, or did not read for kIdleTimeout; the
        // socket closes with the session.
        if (error != asio::error::operation_aborted)
            fail(ConnectionError::Write, error);
        return;
    }
    const bool keepAlive = m_response->keep_alive();
    m_response.reset();
    if (!keepAlive)
        return m_linger ? linger() : finish();
    waitForRequest();
}

template <class Stream>
void HttpSession<Stream>::upgrade(Identity identity, Request request) {
    m_context->metrics.countRequest(m_route, m_method, 101);
    m_upgraded = true;
    beast::get_lowest_layer(m_stream).expires_never();
    std::make_shared<WebSocketSession<Stream>>(std::move(m_stream), m_context, std::move(m_slot),
                                               std::move(identity))
        ->run(std::move(request));
}

template <class Stream>
void HttpSession<Stream>::linger() {
    if constexpr (!kIsTls<Stream>) {
        beast::error_code ignored;
        m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    }
    beast::get_lowest_layer(m_stream).expires_after(kLingerTimeout); // for all the reads below
    m_buffer.clear();
    m_reading = true;
    m_stream.async_read_some(
        m_buffer.prepare(kDiscardChunk),
        beast::bind_front_handler(&HttpSession<Stream>::onLinger, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::onLinger(beast::error_code error, std::size_t bytes) {
    m_reading = false;
    m_lingered += bytes;
    if (error || m_stopping || m_lingered > kLingerLimit)
        return close(); // the peer has read the answer and left, or time is up
    m_reading = true;
    m_stream.async_read_some(
        m_buffer.prepare(kDiscardChunk),
        beast::bind_front_handler(&HttpSession<Stream>::onLinger, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::finish() {
    if constexpr (kIsTls<Stream>) {
        // close_notify, then wait briefly for the peer's; close either way.
        beast::get_lowest_layer(m_stream).expires_after(kLingerTimeout);
        m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code) {
            beast::get_lowest_layer(self->m_stream).close();
        });
    } else {
        close();
    }
}

template <class Stream>
void HttpSession<Stream>::close() {
    beast::error_code ignored;
    auto& lowest = beast::get_lowest_layer(m_stream);
    lowest.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    lowest.close();
}

template class HttpSession<PlainStream>;
template class HttpSession<TlsStream>;

} // namespace souffleur::server
