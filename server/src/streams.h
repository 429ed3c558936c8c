// Private: the two streams a connection may run on. The sessions are class
// templates over them and are instantiated for both in their .cpp files.
#pragma once

#include "tls_stream.h"

#include <boost/beast/core/tcp_stream.hpp>

#include <type_traits>

namespace souffleur::server {

using PlainStream = boost::beast::tcp_stream;
// TlsStream: tls_stream.h.

template <class Stream>
inline constexpr bool kIsTls = std::is_same_v<Stream, TlsStream>;

} // namespace souffleur::server
