// Private: the demo's After Action Review material (demo_aar.cpp), seeded
// once with a new demo tenant (demo.h).
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <cstdint>

namespace souffleur::server {

// Four months of sessions of the identity check at both desk teams (six
// desks each), Balie Noord's logbook, its AAR of last month with two
// actions (one in the guide's inbox), and acknowledgements of the look-alike
// alert. Nothing when the library has no identity check.
sqlite::Result<void> seedAarDemo(sqlite::Database& db, std::int64_t tenantId);

} // namespace souffleur::server
