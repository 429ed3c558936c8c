// JSON-lines logging on stderr (see log.h). One write per line under a mutex,
// so lines from the I/O threads and the storage thread never interleave.
#include <souffleur/server/log.h>

#include <boost/json/serialize.hpp>

#include <cstdio>
#include <mutex>
#include <string>

namespace souffleur::server {

void logLine(std::string_view message, const boost::json::object& fields) {
    boost::json::object line;
    line["msg"] = message;
    for (const auto& field : fields)
        line[field.key()] = field.value();
    std::string text = boost::json::serialize(line);
    text += '\n';
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

} // namespace souffleur::server
