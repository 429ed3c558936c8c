// Plain language, measured (readability.h).
#include <souffleur/content/readability.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace souffleur::content {
namespace {

// One UTF-8 code point of a word, folded to what the counting needs: a
// lower-case ASCII letter, '+' for a vowel with a diaeresis (a new syllable),
// or 0 for anything else.
struct Letter {
    char ascii = 0;
    bool diaeresis = false;
};

std::vector<Letter> letters(std::string_view word) {
    std::vector<Letter> out;
    for (std::size_t i = 0; i < word.size();) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c < 0x80) {
            out.push_back({static_cast<char>(std::tolower(c)), false});
            ++i;
            continue;
        }
        // Latin-1 supplement letters (two bytes: C3 xx): the accented vowels.
        if (c == 0xC3 && i + 1 < word.size()) {
            const auto d = static_cast<unsigned char>(word[i + 1]) | 0x20; // lower case
            static constexpr std::array<std::pair<unsigned char, char>, 20> kVowels{{
                {0xA0, 'a'}, {0xA1, 'a'}, {0xA2, 'a'}, {0xA4, 'a'}, {0xA8, 'e'},
                {0xA9, 'e'}, {0xAA, 'e'}, {0xAB, 'e'}, {0xAC, 'i'}, {0xAD, 'i'},
                {0xAE, 'i'}, {0xAF, 'i'}, {0xB2, 'o'}, {0xB3, 'o'}, {0xB4, 'o'},
                {0xB6, 'o'}, {0xB9, 'u'}, {0xBA, 'u'}, {0xBB, 'u'}, {0xBC, 'u'},
            }};
            const bool diaeresis = d == 0xA4 || d == 0xAB || d == 0xAF || d == 0xB6 || d == 0xBC;
            char ascii = 'x'; // another letter: a consonant for counting
            for (const auto& [code, vowel] : kVowels)
                if (code == d)
                    ascii = vowel;
            out.push_back({ascii, diaeresis});
            i += 2;
            continue;
        }
        // Other multi-byte letters: a consonant for counting.
        out.push_back({'x', false});
        ++i;
        while (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80)
            ++i;
    }
    return out;
}

bool isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Dutch vowel sequences said as one syllable, longest first.
constexpr std::array<std::string_view, 16> kDutchUnits{"eeu", "ieu", "ooi", "aai", "oei", "aa",
                                                       "ee",  "oo",  "uu",  "ie",  "oe",  "eu",
                                                       "ei",  "ui",  "ou",  "au"};

// The syllables in one group of vowels: greedy units from the left.
int dutchGroupSyllables(std::string_view group) {
    int count = 0;
    for (std::size_t at = 0; at < group.size();) {
        std::size_t step = 1;
        for (const auto unit : kDutchUnits) {
            if (group.substr(at, unit.size()) == unit) {
                step = unit.size();
                break;
            }
        }
        at += step;
        ++count;
    }
    return count;
}

bool isWordByte(unsigned char c) {
    return std::isalnum(c) || c >= 0x80 || c == '-' || c == '\'';
}

bool endsSentence(char c) {
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n';
}

bool hasLetter(std::string_view word) {
    return std::ranges::any_of(word, [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return std::isalpha(u) || u >= 0x80;
    });
}

int letterCount(std::string_view word) {
    int count = 0;
    for (const char c : word)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '-' && c != '\'')
            ++count;
    return count;
}

// The sentences of a text, each as its words.
std::vector<std::vector<std::string_view>> sentencesOf(std::string_view text) {
    std::vector<std::vector<std::string_view>> out(1);
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (isWordByte(c) && c != '-' && c != '\'') {
            std::size_t end = i;
            while (end < text.size() && isWordByte(static_cast<unsigned char>(text[end])))
                ++end;
            // A decimal point or an abbreviation's dot inside a word does not end it.
            const std::string_view word = text.substr(i, end - i);
            if (hasLetter(word) || std::isdigit(c))
                out.back().push_back(word);
            i = end;
            continue;
        }
        if (endsSentence(static_cast<char>(c)) && !out.back().empty())
            out.emplace_back();
        ++i;
    }
    if (out.back().empty())
        out.pop_back();
    return out;
}

std::string stepText(const Step& step) {
    std::string text = step.glance + "\n" + step.details.plainText() + "\n" + step.why.plainText();
    for (const auto* list : {&step.checks, &step.warnings, &step.tips})
        for (const auto& item : *list)
            text += "\n" + item;
    return text;
}

std::string oneDecimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
}

// The first words of a sentence, to name it.
std::string opening(const std::vector<std::string_view>& sentence) {
    std::string out;
    for (std::size_t i = 0; i < sentence.size() && i < 6; ++i) {
        if (i > 0)
            out += ' ';
        out += sentence[i]; // appended, not "literal" + string: g++ 12 -O3 -Wrestrict
    }
    if (sentence.size() > 6)
        out += " ...";
    return out;
}

Diagnostic finding(std::string_view file, const std::string& step, std::string field,
                   std::string message) {
    Diagnostic d;
    d.file = std::string(file);
    d.severity = Severity::Warning;
    d.message = std::move(message);
    d.step = step;
    d.field = std::move(field);
    return d;
}

} // namespace

double TextMeasure::score(std::string_view language) const {
    if (words == 0 || sentences == 0)
        return 0;
    const double perSentence = static_cast<double>(words) / sentences;
    const double perWord = static_cast<double>(syllables) / words;
    if (language.starts_with("en"))
        return 206.835 - 1.015 * perSentence - 84.6 * perWord;
    return 206.835 - 0.93 * perSentence - 77.0 * perWord;
}

int syllables(std::string_view word, std::string_view language) {
    const auto folded = letters(word);
    const bool english = language.starts_with("en");
    int count = 0;
    std::string group;
    auto flush = [&] {
        if (!group.empty())
            count += english ? 1 : dutchGroupSyllables(group);
        group.clear();
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const Letter letter = folded[i];
        // 'y' before a vowel is a consonant (yoghurt, yell).
        const bool vowel =
            isVowel(letter.ascii) &&
            !(letter.ascii == 'y' && i + 1 < folded.size() && isVowel(folded[i + 1].ascii));
        if (!vowel) {
            flush();
            continue;
        }
        if (letter.diaeresis)
            flush(); // geëerd, coördinatie: a new syllable
        group += letter.ascii;
    }
    flush();
    // English: a silent final e (make, note), but not "-le" (table).
    if (english && count > 1 && folded.size() > 2 && folded.back().ascii == 'e' &&
        !isVowel(folded[folded.size() - 2].ascii) && folded[folded.size() - 2].ascii != 'l')
        --count;
    return hasLetter(word) ? std::max(count, 1) : 0;
}

TextMeasure measure(std::string_view text, std::string_view language) {
    TextMeasure out;
    for (const auto& sentence : sentencesOf(text)) {
        ++out.sentences;
        for (const auto word : sentence) {
            ++out.words;
            out.syllables += syllables(word, language);
        }
    }
    return out;
}

Readability checkReadability(const Guide& guide, const ReadabilityPolicy& policy,
                             std::string_view file) {
    Readability out;
    const std::string& language = guide.language;
    for (const Step& step : guide.steps) {
        const std::string text = stepText(step);
        const TextMeasure measured = measure(text, language);
        const double score = measured.score(language);
        out.steps.push_back({step.id, measured, score});
        if (measured.words == 0)
            continue;
        if (score < policy.targetScore)
            out.findings.push_back(finding(file, step.id, "details",
                                           "step '" + step.id + "' reads hard: readability " +
                                               oneDecimal(score) + ", the target is " +
                                               oneDecimal(policy.targetScore) +
                                               " (shorter sentences, shorter words)"));
        // Long sentences and words, in the field that holds them.
        const std::pair<std::string, std::string> fields[] = {{"glance", step.glance},
                                                              {"details", step.details.plainText()},
                                                              {"why", step.why.plainText()}};
        std::vector<std::string> longWords;
        for (const auto& [field, fieldText] : fields) {
            for (const auto& sentence : sentencesOf(fieldText)) {
                if (static_cast<int>(sentence.size()) > policy.maxSentenceWords)
                    out.findings.push_back(finding(file, step.id, field,
                                                   "step '" + step.id + "' has a sentence of " +
                                                       std::to_string(sentence.size()) +
                                                       " words (more than " +
                                                       std::to_string(policy.maxSentenceWords) +
                                                       "): '" + opening(sentence) + "'"));
            }
        }
        for (const auto& sentence : sentencesOf(text))
            for (const auto word : sentence)
                if (letterCount(word) > policy.maxWordLetters &&
                    std::ranges::find(longWords, word) == longWords.end())
                    longWords.emplace_back(word);
        if (!longWords.empty()) {
            std::string list;
            for (std::size_t i = 0; i < longWords.size() && i < 5; ++i)
                list += (i ? ", " : "") + longWords[i];
            out.findings.push_back(finding(file, step.id, "details",
                                           "step '" + step.id + "' has long words (more than " +
                                               std::to_string(policy.maxWordLetters) +
                                               " letters): " + list));
        }
    }
    return out;
}

} // namespace souffleur::content
