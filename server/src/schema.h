// Private: the store's schema as an ordered list of migrations, applied by
// openStore(). `PRAGMA user_version` holds how many have run; each migration
// runs in its own transaction together with the version bump.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <string>

namespace souffleur::server {

// Brings the database up to the newest schema; refuses one from a newer server.
sqlite::Result<void> migrate(sqlite::Database& db);

// Why a store of schema version `found`, newer than this server's, is
// refused: both versions, and what the operator can do about it.
std::string newerSchemaRefusal(std::int64_t found);

} // namespace souffleur::server
