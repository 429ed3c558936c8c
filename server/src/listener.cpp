// The listener (see listener.h).
#include "listener.h"

#include "http_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>

namespace souffleur::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::ip::tcp;
using namespace std::chrono_literals;

Listener::Listener(asio::io_context& ioc, std::shared_ptr<ServerContext> context)
    : m_ioc(ioc)
    , m_strand(asio::make_strand(ioc))
    , m_acceptor(m_strand)
    , m_retry(m_strand)
    , m_context(std::move(context)) {}

std::expected<void, std::string> Listener::open(const tcp::endpoint& endpoint) {
    beast::error_code error;
    const auto fail = [&](const char* what) {
        return std::unexpected("cannot " + std::string(what) + " " +
                               endpoint.address().to_string() + ":" +
                               std::to_string(endpoint.port()) + ": " + error.message());
    };
    if (m_acceptor.open(endpoint.protocol(), error); error)
        return fail("open a socket for");
    if (m_acceptor.set_option(asio::socket_base::reuse_address(true), error); error)
        return fail("set options on");
    if (m_acceptor.bind(endpoint, error); error)
        return fail("bind to");
    if (m_acceptor.listen(asio::socket_base::max_listen_connections, error); error)
        return fail("listen on");
    return {};
}

std::uint16_t Listener::port() const {
    beast::error_code error;
    return m_acceptor.local_endpoint(error).port();
}

void Listener::run() {
    asio::dispatch(m_strand, beast::bind_front_handler(&Listener::doAccept, shared_from_this()));
}

void Listener::close() {
    asio::post(m_strand, [self = shared_from_this()] {
        beast::error_code ignored;
        self->m_acceptor.close(ignored);
        self->m_retry.cancel();
    });
}

void Listener::doAccept() {
    // Each connection gets its own strand.
    m_acceptor.async_accept(asio::make_strand(m_ioc),
                            beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
}

void Listener::onAccept(beast::error_code error, tcp::socket socket) {
    if (error == asio::error::operation_aborted || !m_acceptor.is_open())
        return; // closed: the server is stopping
    if (error) {
        // Out of file descriptors, say: retried every 100 ms, so counted and
        // logged by the metrics, never a line per attempt.
        m_context->metrics.connectionError(ConnectionError::Accept, error.message(), "");
        m_retry.expires_after(100ms);
        m_retry.async_wait([self = shared_from_this()](beast::error_code waitError) {
            if (!waitError && self->m_acceptor.is_open())
                self->doAccept();
        });
        return;
    }
    beast::error_code endpointError;
    const auto peer = socket.remote_endpoint(endpointError);
    const std::string remote = endpointError ? "unknown" : peer.address().to_string();
    auto slot = m_context->limits->acquire(remote);
    if (slot) {
        m_context->metrics.connectionOpened();
        startHttpSession(std::move(socket), m_context, std::move(*slot));
    } else
        refuse(socket, remote, slot.error());
    doAccept();
}

void Listener::refuse(tcp::socket& socket, const std::string& remote,
                      ConnectionLimits::Refusal reason) {
    beast::error_code ignored;
    socket.close(ignored);
    m_context->metrics.connectionError(ConnectionError::OverCap,
                                       reason == ConnectionLimits::Refusal::Total
                                           ? "over the cap on open connections"
                                           : "over the cap on connections from one address",
                                       remote);
}

} // namespace souffleur::server
