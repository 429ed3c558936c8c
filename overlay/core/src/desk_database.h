// Private: opens the desk database (replica + outbox) and brings its schema
// to the current version. Migrations are applied in order, each in its own
// transaction, and recorded in PRAGMA user_version.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <filesystem>

namespace souffleur::client::detail {

sqlite::Result<sqlite::Database> openDeskDatabase(const std::filesystem::path& path,
                                                  sqlite::OpenOptions options = {});

} // namespace souffleur::client::detail
