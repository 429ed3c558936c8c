// What the checks find, in the author's words. The edit model and the lint
// speak English to developers (`souffleur lint` prints it); an author reads
// Dutch, or English with --lang en, with the step named by its number and
// instruction rather than its id. Messages this table does not know are
// shown as they are: never hidden.
#pragma once

#include <souffleur/content/diagnostic.h>
#include <souffleur/content/guide.h>

#include <QString>

namespace souffleur::studio {

// "Fout: stap 2 (Controleer de echtheid…) heeft nog geen instructie."
QString findingText(const content::Diagnostic& diagnostic, const content::Guide& guide);

} // namespace souffleur::studio
