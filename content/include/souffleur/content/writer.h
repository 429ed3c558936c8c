// The canonical writer: a Guide or an Alert as XML, byte for byte the same for
// the same model, in the element order of the schema (content/schema/).
#pragma once

#include <souffleur/content/guide.h>

#include <string>

namespace souffleur::content {

std::string writeGuide(const Guide& guide);
std::string writeAlert(const Alert& alert);

} // namespace souffleur::content
