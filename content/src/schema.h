// Private: the RELAX NG schema of guide format v1, built into the library from
// content/schema/guide-1.rng (see content/CMakeLists.txt), so that validation
// never reads the file system.
#pragma once

#include <string_view>

namespace souffleur::content::detail {

extern const std::string_view kGuideSchema;

} // namespace souffleur::content::detail
