// One HTTP/1.1 connection (see http_session.h).
#include "http_session.h"

#include "websocket_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

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

} // namespace

HttpSession::HttpSession(asio::ip::tcp::socket&& socket, std::shared_ptr<ServerContext> context,
                         ConnectionLimits::Slot slot)
    : m_stream(std::move(socket))
    , m_strand(m_stream.get_executor())
    , m_context(std::move(context))
    , m_slot(std::move(slot))
    , m_remote(m_slot.address()) {}

HttpSession::~HttpSession() {
    if (m_joined)
        m_context->sessions.leave(*this);
}

void HttpSession::run() {
    m_joined = m_context->sessions.join(*this, weak_from_this());
    if (!m_joined)
        return; // the server is stopping; the socket closes with this session
    asio::dispatch(m_strand,
                   beast::bind_front_handler(&HttpSession::readHeader, shared_from_this()));
}

void HttpSession::shutdown() {
    asio::post(m_strand, [self = shared_from_this()] {
        self->m_stopping = true;
        if (self->m_reading && !self->m_upgraded)
            self->close();
    });
}

void HttpSession::waitForRequest() {
    if (m_stopping)
        return close();
    if (m_buffer.size() > 0)
        return readHeader(); // the next request has already arrived
    m_stream.expires_after(kIdleTimeout);
    m_reading = true;
    m_stream.async_read_some(
        m_buffer.prepare(kReadChunk),
        beast::bind_front_handler(&HttpSession::onRequestData, shared_from_this()));
}

void HttpSession::onRequestData(beast::error_code error, std::size_t bytes) {
    m_reading = false;
    if (error)
        return close(); // idle timeout, the peer left, or shutdown
    m_buffer.commit(bytes);
    readHeader();
}

void HttpSession::readHeader() {
    m_version = 11; // until the header says otherwise
    m_parser.emplace();
    m_parser->header_limit(kHeaderLimit);
    m_parser->body_limit(kGuideBodyLimit); // the largest; narrowed once the route is known
    m_stream.expires_after(kRequestTimeout);
    m_reading = true;
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            beast::bind_front_handler(&HttpSession::onHeader, shared_from_this()));
}

void HttpSession::onHeader(beast::error_code error, std::size_t) {
    m_reading = false;
    if (error)
        return onReadError(error);
    const auto& header = m_parser->get();
    m_version = header.version();
    m_method = std::string(header.method_string());
    m_route = "unmatched";
    m_keepAlive = header.keep_alive();
    admit(m_context, header, Peer{m_strand, m_remote},
          [self = shared_from_this()](Admission admission) {
              self->onAdmission(std::move(admission));
          });
}

void HttpSession::onAdmission(Admission admission) {
    if (!admission)
        return refuse(std::move(admission.error()));
    const auto limit = admission->bodyLimit;
    if (const auto length = m_parser->content_length(); length && *length > limit)
        return answerAndClose(http::status::payload_too_large, "request body too large");
    m_parser->body_limit(limit);
    m_route = admission->routePattern;
    m_admitted = std::move(*admission);
    if (m_parser->is_done())
        return onBody({}, 0);
    m_reading = true;
    http::async_read(m_stream, m_buffer, *m_parser,
                     beast::bind_front_handler(&HttpSession::onBody, shared_from_this()));
}

void HttpSession::onBody(beast::error_code error, std::size_t) {
    m_reading = false;
    if (error)
        return onReadError(error);
    Request request = m_parser->release();
    auto admitted = std::move(*m_admitted);
    m_admitted.reset();
    auto self = shared_from_this();
    handleRequest(
        m_context, std::move(admitted), std::move(request), Peer{m_strand, m_remote},
        [self](Response response) { self->write(std::move(response)); },
        [self](Identity identity, Request upgradeRequest) {
            self->upgrade(std::move(identity), std::move(upgradeRequest));
        });
}

void HttpSession::onReadError(beast::error_code error) {
    if (error == http::error::body_limit || error == http::error::header_limit)
        return answerAndClose(http::status::payload_too_large, "request too large");
    if (error == http::error::end_of_stream || error == http::error::partial_message ||
        error.category() != http::make_error_code(http::error::bad_target).category())
        return close(); // the peer left, a deadline passed, or shutdown
    answerAndClose(http::status::bad_request, "malformed request");
}

void HttpSession::answerAndClose(http::status status, std::string_view message) {
    m_keepAlive = false;
    m_linger = true;
    write(errorResponse(status, message));
}

void HttpSession::refuse(Response response) {
    if (!m_parser->is_done()) {
        // The body is still on the wire, unread: answer, then close.
        m_keepAlive = false;
        m_linger = true;
    }
    write(std::move(response));
}

void HttpSession::write(Response response) {
    m_context->metrics.countRequest(m_route, m_method, response.result_int());
    response.version(m_version);
    response.keep_alive(m_keepAlive && !m_stopping);
    m_response = std::move(response);
    m_stream.expires_after(kIdleTimeout);
    http::async_write(m_stream, *m_response,
                      beast::bind_front_handler(&HttpSession::onWrite, shared_from_this()));
}

void HttpSession::onWrite(beast::error_code error, std::size_t) {
    if (error)
        return; // the peer is gone
    const bool keepAlive = m_response->keep_alive();
    m_response.reset();
    if (!keepAlive)
        return m_linger ? linger() : close();
    waitForRequest();
}

void HttpSession::upgrade(Identity identity, Request request) {
    m_context->metrics.countRequest(m_route, m_method, 101);
    m_upgraded = true;
    m_stream.expires_never();
    std::make_shared<WebSocketSession>(std::move(m_stream), m_context, std::move(m_slot),
                                       std::move(identity))
        ->run(std::move(request));
}

void HttpSession::linger() {
    beast::error_code ignored;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    m_stream.expires_after(kLingerTimeout); // for all the reads below together
    m_buffer.clear();
    m_reading = true;
    m_stream.async_read_some(m_buffer.prepare(kDiscardChunk),
                             beast::bind_front_handler(&HttpSession::onLinger, shared_from_this()));
}

void HttpSession::onLinger(beast::error_code error, std::size_t bytes) {
    m_reading = false;
    m_lingered += bytes;
    if (error || m_stopping || m_lingered > kLingerLimit)
        return m_stream.close(); // the peer has read the answer and left, or time is up
    m_reading = true;
    m_stream.async_read_some(m_buffer.prepare(kDiscardChunk),
                             beast::bind_front_handler(&HttpSession::onLinger, shared_from_this()));
}

void HttpSession::close() {
    beast::error_code ignored;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    m_stream.close();
}

} // namespace souffleur::server
