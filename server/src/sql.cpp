// The store's timestamps (see sql.h).
#include "sql.h"

#include <souffleur/sqlite/sqlite.h>

#include <chrono>

namespace souffleur::server::sql {

std::string isoNow() {
    return sqlite::isoTime(std::chrono::system_clock::now());
}

} // namespace souffleur::server::sql
