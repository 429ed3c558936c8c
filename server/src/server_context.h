// Private: what the listener and every session share, held by shared_ptr so
// it lives as long as the last connection that uses it.
#pragma once

#include "shared_state.h"
#include "storage_executor.h"

namespace souffleur::server {

struct ServerContext {
    explicit ServerContext(sqlite::Database db)
        : storage(std::move(db)) {}

    StorageExecutor storage;
    SharedState sessions;
};

} // namespace souffleur::server
