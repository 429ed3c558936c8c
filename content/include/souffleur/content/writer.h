// The canonical writer: a Guide as XML, byte for byte the same for the same model.
#pragma once

#include <souffleur/content/guide.h>

#include <string>

namespace souffleur::content {

std::string writeGuide(const Guide& guide);

} // namespace souffleur::content
