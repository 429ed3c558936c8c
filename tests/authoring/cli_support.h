// The `souffleur` tool in-process, for the authoring tests: its exit status
// and what it wrote.
#pragma once

#include <souffleur/authoring/cli.h>

#include <sstream>
#include <string>
#include <vector>

namespace souffleur::authoring::test {

struct Result {
    int status;
    std::string out;
    std::string err;
};

inline Result runCli(std::vector<std::string> args) {
    std::ostringstream out;
    std::ostringstream err;
    const int status = run(args, out, err);
    return {status, out.str(), err.str()};
}

} // namespace souffleur::authoring::test
