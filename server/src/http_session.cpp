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
constexpr std::uint32_t kHeaderLimit = 8 * 1024;
constexpr std::size_t kReadChunk = 4096;

} // namespace

HttpSession::HttpSession(asio::ip::tcp::socket&& socket, std::shared_ptr<ServerContext> context)
    : m_stream(std::move(socket))
    , m_strand(m_stream.get_executor())
    , m_context(std::move(context)) {
    beast::error_code error;
    const auto peer = m_stream.socket().remote_endpoint(error);
    m_remote = error ? "unknown" : peer.address().to_string();
}

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
    const auto limit = bodyLimit(m_parser->get());
    if (const auto length = m_parser->content_length(); length && *length > limit)
        return answerAndClose(http::status::payload_too_large, "request body too large");
    m_parser->body_limit(limit);
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
    m_version = request.version();
    m_keepAlive = request.keep_alive();
    auto self = shared_from_this();
    handleRequest(
        m_context, std::move(request), Peer{m_strand, m_remote},
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
    m_version = 11;
    m_keepAlive = false;
    write(errorResponse(status, message));
}

void HttpSession::write(Response response) {
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
        return close();
    waitForRequest();
}

void HttpSession::upgrade(Identity identity, Request request) {
    m_upgraded = true;
    m_stream.expires_never();
    std::make_shared<WebSocketSession>(std::move(m_stream), m_context, std::move(identity))
        ->run(std::move(request));
}

void HttpSession::close() {
    beast::error_code ignored;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    m_stream.close();
}

} // namespace souffleur::server
