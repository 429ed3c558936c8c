// The privacy guard (see privacy.h): one pass for e-mail addresses (around
// each '@'), then one left-to-right pass that tries, at each word start, a
// date, an IBAN, a document number, an address (postcode and house number)
// and a run of digits (BSN or phone number), and skips past whatever matched. Plain byte scanning:
// the text is short, and no regex engine has to be trusted with it.
#include <souffleur/protocol/privacy.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace souffleur::protocol {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAlnum(char c) {
    return isDigit(c) || isLetter(c);
}
char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

class Scanner {
public:
    Scanner(std::string_view text, std::chrono::year_month_day today)
        : m_text(text)
        , m_today(today) {}

    std::vector<PersonalDataFinding> run() {
        findEmails();
        std::vector<PersonalDataFinding> out = m_emails;
        std::size_t i = 0;
        while (i < m_text.size()) {
            if (const auto email = insideEmail(i)) {
                i = *email;
                continue;
            }
            if (!wordStart(i)) {
                ++i;
                continue;
            }
            std::optional<PersonalDataFinding> found = date(i);
            if (!found)
                found = iban(i);
            if (!found)
                found = document(i);
            if (!found)
                found = address(i);
            if (!found)
                found = number(i);
            if (found) {
                out.push_back(*found);
                i = found->offset + found->length;
            } else {
                ++i;
            }
        }
        std::ranges::sort(out, {}, &PersonalDataFinding::offset);
        return out;
    }

private:
    char at(std::size_t i) const { return i < m_text.size() ? m_text[i] : '\0'; }
    bool wordStart(std::size_t i) const { return i == 0 || !isAlnum(m_text[i - 1]); }
    bool wordEnd(std::size_t i) const { return i >= m_text.size() || !isAlnum(m_text[i]); }

    // Digits from i: how many, at most `max`.
    std::size_t digitsAt(std::size_t i, std::size_t max) const {
        std::size_t count = 0;
        while (count < max && isDigit(at(i + count)))
            ++count;
        return count;
    }
    int numberAt(std::size_t i, std::size_t count) const {
        int value = 0;
        for (std::size_t k = 0; k < count; ++k)
            value = value * 10 + (m_text[i + k] - '0');
        return value;
    }

    // --- e-mail ---------------------------------------------------------------

    void findEmails() {
        const auto local = [](char c) {
            return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
        };
        const auto domain = [](char c) { return isAlnum(c) || c == '.' || c == '-'; };
        for (std::size_t at = m_text.find('@'); at != std::string_view::npos;
             at = m_text.find('@', at + 1)) {
            std::size_t begin = at;
            while (begin > 0 && local(m_text[begin - 1]))
                --begin;
            std::size_t end = at + 1;
            while (end < m_text.size() && domain(m_text[end]))
                ++end;
            while (end > at + 1 && (m_text[end - 1] == '.' || m_text[end - 1] == '-'))
                --end; // a full stop ending the sentence
            const auto host = m_text.substr(at + 1, end - at - 1);
            const auto dot = host.rfind('.');
            if (begin == at || dot == std::string_view::npos || dot == 0 ||
                host.size() - dot - 1 < 2 || !std::ranges::all_of(host.substr(dot + 1), isLetter))
                continue;
            m_emails.push_back({PersonalData::Email, begin, end - begin});
        }
    }

    // The end of the e-mail address covering i, if one does.
    std::optional<std::size_t> insideEmail(std::size_t i) const {
        for (const auto& email : m_emails) {
            if (i >= email.offset && i < email.offset + email.length)
                return email.offset + email.length;
        }
        return std::nullopt;
    }

    // --- dates ----------------------------------------------------------------

    std::optional<PersonalDataFinding> date(std::size_t i) const {
        int day = 0;
        int month = 0;
        int year = 0;
        std::size_t end = 0;
        if (const auto y = digitsAt(i, 5); y == 4 && at(i + 4) == '-' && digitsAt(i + 5, 3) == 2 &&
                                           at(i + 7) == '-' && digitsAt(i + 8, 3) == 2) {
            year = numberAt(i, 4); // 1985-12-31
            month = numberAt(i + 5, 2);
            day = numberAt(i + 8, 2);
            end = i + 10;
        } else if (const auto d = digitsAt(i, 3); d == 1 || d == 2) {
            day = numberAt(i, d);
            std::size_t k = i + d;
            const char separator = at(k);
            if (separator == '-' || separator == '/' || separator == '.') {
                const auto m = digitsAt(k + 1, 3); // 31-12-1985
                if ((m != 1 && m != 2) || at(k + 1 + m) != separator || digitsAt(k + 2 + m, 5) != 4)
                    return std::nullopt;
                month = numberAt(k + 1, m);
                year = numberAt(k + 2 + m, 4);
                end = k + 2 + m + 4;
            } else if (separator == ' ') {
                const auto named = monthName(k + 1); // 31 december 1985
                if (!named || at(named->second) != ' ' || digitsAt(named->second + 1, 5) != 4)
                    return std::nullopt;
                month = named->first;
                year = numberAt(named->second + 1, 4);
                end = named->second + 5;
            } else {
                return std::nullopt;
            }
        } else {
            return std::nullopt;
        }
        const std::chrono::year_month_day ymd{std::chrono::year(year),
                                              std::chrono::month(static_cast<unsigned>(month)),
                                              std::chrono::day(static_cast<unsigned>(day))};
        if (!ymd.ok() || !wordEnd(end) || year < 1880)
            return std::nullopt;
        const bool longAgo = std::chrono::year(year) <= m_today.year() - std::chrono::years(12);
        if (!longAgo && !afterBirthWord(i))
            return std::nullopt;
        return PersonalDataFinding{PersonalData::BirthDate, i, end - i};
    }

    // A Dutch or English month name (or its usual abbreviation) at i: its
    // number and where the word ends.
    std::optional<std::pair<int, std::size_t>> monthName(std::size_t i) const {
        static constexpr std::array<std::array<std::string_view, 4>, 12> kNames = {{
            {"januari", "january", "jan", "jan."},
            {"februari", "february", "feb", "feb."},
            {"maart", "march", "mrt", "mar"},
            {"april", "april", "apr", "apr."},
            {"mei", "may", "mei", "may"},
            {"juni", "june", "jun", "jun."},
            {"juli", "july", "jul", "jul."},
            {"augustus", "august", "aug", "aug."},
            {"september", "september", "sep", "sept"},
            {"oktober", "october", "okt", "oct"},
            {"november", "november", "nov", "nov."},
            {"december", "december", "dec", "dec."},
        }};
        std::size_t end = i;
        while (end < m_text.size() && (isLetter(m_text[end]) || m_text[end] == '.'))
            ++end;
        std::string word;
        for (std::size_t k = i; k < end; ++k)
            word += lower(m_text[k]);
        for (std::size_t month = 0; month < kNames.size(); ++month) {
            if (std::ranges::find(kNames[month], word) != kNames[month].end())
                return std::pair{static_cast<int>(month) + 1, end};
        }
        return std::nullopt;
    }

    // "geboren op 3 maart 2019", "geb. 03-03-2019", "born 2019-03-03".
    bool afterBirthWord(std::size_t i) const {
        static constexpr std::array<std::string_view, 6> kWords = {
            "geboren", "geb.", "geb ", "geboortedatum", "born", "date of birth"};
        const std::size_t from = i > 32 ? i - 32 : 0;
        std::string before;
        for (std::size_t k = from; k < i; ++k)
            before += lower(m_text[k]);
        return std::ranges::any_of(
            kWords, [&](std::string_view word) { return before.find(word) != std::string::npos; });
    }

    // --- IBAN and document numbers ------------------------------------------

    std::optional<PersonalDataFinding> iban(std::size_t i) const {
        if (!isLetter(at(i)) || !isLetter(at(i + 1)) || digitsAt(i + 2, 2) != 2)
            return std::nullopt;
        std::string compact;
        std::optional<PersonalDataFinding> found;
        for (std::size_t k = i; k < m_text.size() && compact.size() < 34;) {
            if (isAlnum(m_text[k])) {
                compact += static_cast<char>(std::toupper(static_cast<unsigned char>(m_text[k])));
                ++k;
                if (compact.size() >= 15 && wordEnd(k) && mod97(compact))
                    found = PersonalDataFinding{PersonalData::Iban, i, k - i};
            } else if (m_text[k] == ' ' && isAlnum(at(k + 1)) && compact.size() % 4 == 0) {
                ++k; // the usual groups of four
            } else {
                break;
            }
        }
        return found;
    }

    static bool mod97(const std::string& iban) {
        const std::string moved = iban.substr(4) + iban.substr(0, 4);
        int rest = 0;
        for (const char c : moved) {
            const int value = isDigit(c) ? c - '0' : c - 'A' + 10;
            rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
        }
        return rest == 1;
    }

    std::optional<PersonalDataFinding> document(std::size_t i) const {
        constexpr std::size_t kLength = 9;
        if (!wordEnd(i + kLength) || i + kLength > m_text.size())
            return std::nullopt;
        const auto word = m_text.substr(i, kLength);
        if (!std::ranges::all_of(word, isAlnum) || !isLetter(word[0]) || !isLetter(word[1]) ||
            !isDigit(word[8]) || std::ranges::count_if(word, isDigit) < 2 ||
            std::ranges::any_of(word, [](char c) { return c == 'O' || c == 'o'; }))
            return std::nullopt;
        return PersonalDataFinding{PersonalData::DocumentNumber, i, kLength};
    }

    // --- addresses: a postcode with a house number ----------------------------

    // The end of a Dutch postcode at i ("1234 AB", "1234AB", "1234ab"), if one
    // is there. Letters in capitals, or small ones written without the space
    // (so "in 2026 is" is no postcode); never SA, SD or SS, which are not used.
    std::optional<std::size_t> postcode(std::size_t i) const {
        if (digitsAt(i, 5) != 4 || at(i) == '0')
            return std::nullopt;
        std::size_t k = i + 4;
        const bool spaced = at(k) == ' ';
        if (spaced)
            ++k;
        const char a = at(k);
        const char b = at(k + 1);
        const bool capitals = a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z';
        const bool small = a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z';
        if (!(capitals || (small && !spaced)) || !wordEnd(k + 2))
            return std::nullopt;
        const char first = lower(a);
        const char second = lower(b);
        if (first == 's' && (second == 'a' || second == 'd' || second == 's'))
            return std::nullopt;
        return k + 2;
    }

    // The end of a house number at i: 1 to 5 digits (not starting with 0),
    // then perhaps a letter ("7a") or a dash and an addition ("12-2", "12-II").
    std::optional<std::size_t> houseNumber(std::size_t i) const {
        const auto count = digitsAt(i, 6);
        if (count < 1 || count > 5 || at(i) == '0')
            return std::nullopt;
        std::size_t k = i + count;
        if (isLetter(at(k)) && !isAlnum(at(k + 1)))
            ++k;
        else if (at(k) == '-' && isAlnum(at(k + 1))) {
            std::size_t end = k + 1;
            while (end < k + 5 && isAlnum(at(end)))
                ++end;
            if (wordEnd(end))
                k = end;
        }
        if (!wordEnd(k))
            return std::nullopt;
        return k;
    }

    // Skips ", " and the words for "number" between a postcode and its house number.
    std::size_t skipToHouseNumber(std::size_t k) const {
        if (at(k) == ',')
            ++k;
        if (at(k) != ' ')
            return k;
        ++k;
        static constexpr std::array<std::string_view, 4> kWords = {"huisnummer ", "nr. ", "nr ",
                                                                   "no. "};
        for (const auto word : kWords) {
            std::string here;
            for (std::size_t c = 0; c < word.size(); ++c)
                here += lower(at(k + c));
            if (here == word)
                return k + word.size();
        }
        return k;
    }

    std::optional<PersonalDataFinding> address(std::size_t i) const {
        // "1234 AB 12": the postcode, then the house number.
        if (const auto end = postcode(i)) {
            const std::size_t k = skipToHouseNumber(*end);
            if (k != *end) {
                if (const auto number = houseNumber(k))
                    return PersonalDataFinding{PersonalData::Address, i, *number - i};
            }
            return std::nullopt;
        }
        // "Kerkstraat 12, 1234 AB": the house number, then the postcode.
        if (const auto number = houseNumber(i)) {
            std::size_t k = *number;
            if (at(k) == ',')
                ++k;
            if (at(k) == ' ') {
                if (const auto end = postcode(k + 1))
                    return PersonalDataFinding{PersonalData::Address, i, *end - i};
            }
        }
        return std::nullopt;
    }

    // --- runs of digits: BSN and phone numbers --------------------------------

    std::optional<PersonalDataFinding> number(std::size_t i) const {
        std::size_t k = i;
        std::string digits;
        if (at(k) == '+') {
            if (!isDigit(at(k + 1)))
                return std::nullopt;
            digits = "00"; // +31 ... is 0031 ...
            ++k;
        } else if (!isDigit(at(k))) {
            return std::nullopt;
        }
        // Groups of digits with one space, dot or dash between them; after
        // each group, is what was read so far one of ours?
        for (;;) {
            const auto group = digitsAt(k, 64);
            digits.append(m_text.substr(k, group));
            k += group;
            if (const auto kind = classify(digits); kind && wordEnd(k))
                return PersonalDataFinding{*kind, i, k - i};
            if (digits.size() > 13)
                return std::nullopt;
            const char separator = at(k);
            if ((separator == ' ' || separator == '.' || separator == '-') && isDigit(at(k + 1)))
                ++k;
            else
                return std::nullopt;
        }
    }

    static std::optional<PersonalData> classify(const std::string& digits) {
        if ((digits.size() == 8 || digits.size() == 9) && isValidBsn(digits))
            return PersonalData::Bsn;
        if (digits.size() == 10 && digits[0] == '0' && digits[1] != '0')
            return PersonalData::Phone;
        if (digits.size() == 13 && digits.starts_with("0031"))
            return PersonalData::Phone;
        return std::nullopt;
    }

    std::string_view m_text;
    std::chrono::year_month_day m_today;
    std::vector<PersonalDataFinding> m_emails;
};

} // namespace

const char* personalDataName(PersonalData kind) {
    switch (kind) {
    case PersonalData::Bsn:
        return "bsn";
    case PersonalData::DocumentNumber:
        return "document";
    case PersonalData::BirthDate:
        return "birth_date";
    case PersonalData::Email:
        return "email";
    case PersonalData::Phone:
        return "phone";
    case PersonalData::Iban:
        return "iban";
    case PersonalData::Address:
        return "address";
    }
    return "unknown";
}

bool isValidBsn(std::string_view digits) {
    if (digits.size() == 8)
        return isValidBsn("0" + std::string(digits));
    if (digits.size() != 9 || !std::ranges::all_of(digits, isDigit) || digits == "000000000")
        return false;
    int sum = 0;
    for (std::size_t k = 0; k < 8; ++k)
        sum += static_cast<int>(9 - k) * (digits[k] - '0');
    sum -= digits[8] - '0';
    return sum % 11 == 0;
}

std::vector<PersonalDataFinding> findPersonalData(std::string_view text,
                                                  std::chrono::year_month_day today) {
    return Scanner(text, today).run();
}

} // namespace souffleur::protocol
