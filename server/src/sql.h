// Private: the store's timestamps (storage.cpp).
#pragma once

#include <string>

namespace souffleur::server::sql {

// The current UTC time as "2026-11-23T12:00:00.123Z".
std::string isoNow();

} // namespace souffleur::server::sql
