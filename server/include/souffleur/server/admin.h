// `souffleur-server admin`: the operator's command line for organisations,
// teams, accounts and tokens, working on the data directory's store directly
// (safely while the server runs: SQLite in WAL mode, one transaction per
// change). Every change is written to the audit log as done by "admin-cli"
// from "local".
//
//   souffleur-server admin --data DIR tenant add NAME
//   souffleur-server admin --data DIR tenants
//   souffleur-server admin --data DIR team add --tenant T NAME
//   souffleur-server admin --data DIR account add --tenant T --role ROLE [--team TEAM] NAME
//   souffleur-server admin --data DIR accounts --tenant T
//   souffleur-server admin --data DIR token issue --tenant T --account A [--days N]
//   souffleur-server admin --data DIR token revoke --tenant T --account A
//   souffleur-server admin --data DIR audit --tenant T [--limit N]
//   souffleur-server admin --data DIR backup FILE      (while the server runs)
//   souffleur-server admin --data DIR restore FILE     (with the server stopped)
//
// A token is printed once, when it is issued; the store keeps only its hash.
// Revoking closes the account's open notify connections within the server's
// token recheck interval (server.h).
#pragma once

#include <ostream>
#include <span>
#include <string>

namespace souffleur::server {

// Runs `admin ARGS...` (the arguments after "admin"); 0 on success, 1 when
// the store refuses (e.g. an unknown tenant), 2 on usage errors.
int runAdmin(std::span<const std::string> args, std::ostream& out, std::ostream& err);

} // namespace souffleur::server
