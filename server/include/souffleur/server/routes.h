// The route table of docs/api.md as data: every route's path pattern, method
// and the roles it admits (the table itself, with its handlers, lives in
// src/routes/api.cpp). For the tests that must cover every route, such as the
// role x route access matrix (tests/server/access_matrix_test.cpp), and for
// checking docs/openapi.yaml against the routes.
#pragma once

#include <souffleur/server/auth.h>

#include <string_view>
#include <vector>

namespace souffleur::server {

struct RouteInfo {
    std::string_view pattern; // "api/v1/guides/{id}": literal segments and {…} for any one
    std::string_view method;  // "GET", "POST", "PATCH"
    bool needsToken = true;   // false only for /healthz
    RoleSet roles{};          // who may use it (when it needs a token)
};

// Every route, in the order of the table (docs/api.md's order).
std::vector<RouteInfo> routeList();

} // namespace souffleur::server
