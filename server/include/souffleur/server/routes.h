// The route table of docs/api.md as data: every route's path pattern, method
// and the roles it admits (the table itself, with its handlers, lives in
// src/routes/api.cpp). For the tests that must cover every route, such as the
// role x route access matrix (tests/server/access_matrix_test.cpp), and for
// checking docs/openapi.yaml against the routes.
//
// A pattern is literal segments and named ones: "api/v1/guides/{id}/revisions/{revision}".
// The dispatcher matches a request's path against it (matchPattern()) and a
// handler asks for a named segment's value by its name:
//
//   const std::string& id = call.param("id");   // PathParams::at("id")
//
// Asking for a name the route's pattern does not have is a programmer error:
// it throws MissingPathParameter (the dispatcher answers 500 and logs it, so
// the access matrix, which calls every route, fails on it), never "".
#pragma once

#include <souffleur/server/auth.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace souffleur::server {

struct RouteInfo {
    std::string_view pattern; // "api/v1/guides/{id}": literal segments and {name} for any one
    std::string_view method;  // "GET", "POST", "PATCH"
    bool needsToken = true;   // false only for /healthz
    RoleSet roles{};          // who may use it (when it needs a token)
};

// Every route, in the order of the table (docs/api.md's order).
std::vector<RouteInfo> routeList();

// The names of a pattern's {…} segments, in order: {"id", "revision"} for
// "api/v1/guides/{id}/revisions/{revision}". They view `pattern`.
std::vector<std::string_view> parameterNames(std::string_view pattern);

// Asked for a path parameter the route does not have: a bug in a handler.
class MissingPathParameter : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

// The values of a matched path's {…} segments (decoded), by their names in
// the pattern. The names and the pattern are views: the pattern must outlive
// it (the route table's patterns are static).
class PathParams {
public:
    PathParams() = default;
    explicit PathParams(std::string_view pattern)
        : m_pattern(pattern) {}

    // The value of the segment {name}; throws MissingPathParameter when the
    // pattern has no {name}.
    const std::string& at(std::string_view name) const;
    bool contains(std::string_view name) const;
    std::size_t size() const { return m_values.size(); }
    std::string_view pattern() const { return m_pattern; }

    void add(std::string_view name, std::string value);

private:
    std::string_view m_pattern;
    std::vector<std::pair<std::string_view, std::string>> m_values;
};

// Whether a path's (decoded) segments fit `pattern`, and if so the values of
// its {…} segments (none of them empty).
std::optional<PathParams> matchPattern(std::string_view pattern,
                                       const std::vector<std::string>& segments);

} // namespace souffleur::server
