// Plain language, measured: how readable the texts of a guide are for the
// person at the desk, per step. A Flesch-Douma score for Dutch guides
// (206.835 - 0.93 x words per sentence - 77 x syllables per word; higher is
// easier, 60 to 70 is plain language) and Flesch Reading Ease for English
// ones, with findings for long sentences, long words and a step below the
// organisation's target. Findings are warnings: they never stop a save.
//
// Syllables are counted by rule, not from a dictionary: each vowel group is
// one syllable, where Dutch long vowels and diphthongs (aa ee oo uu ie oe eu
// ei ui ou au, and eeu ieu ooi aai oei) count once and other vowel pairs
// (io, ea, ...) twice; a diaeresis starts a new syllable (geëerd). English
// drops a silent final e. Good to about one syllable in twenty words: enough
// for a score, not for hyphenation.
#pragma once

#include <souffleur/content/diagnostic.h>
#include <souffleur/content/guide.h>

#include <string>
#include <string_view>
#include <vector>

namespace souffleur::content {

// What an organisation asks of its guides (the studio's setting, `souffleur
// readability --target`).
struct ReadabilityPolicy {
    double targetScore = 60;   // a step scoring lower gets a finding
    int maxSentenceWords = 20; // a longer sentence gets a finding
    int maxWordLetters = 15;   // a longer word gets a finding (Dutch compounds)
};

struct TextMeasure {
    int sentences = 0;
    int words = 0;
    int syllables = 0;
    // Flesch-Douma (Dutch) or Flesch Reading Ease (English); 0 without words.
    double score(std::string_view language) const;
};

// The syllables of one word (UTF-8), at least 1 for a word with letters.
int syllables(std::string_view word, std::string_view language);

// Sentences end at . ! ? ; : and at a line break (each check, warning and tip
// is a sentence of its own).
TextMeasure measure(std::string_view text, std::string_view language);

struct StepReadability {
    std::string step;
    TextMeasure measure;
    double score = 0;
};

// Every step's score, and the findings, each located at its step (and the
// field that holds the sentence or word).
struct Readability {
    std::vector<StepReadability> steps;
    Diagnostics findings;
};
Readability checkReadability(const Guide& guide, const ReadabilityPolicy& policy,
                             std::string_view file = "guide");

} // namespace souffleur::content
