// The privacy guard: text an employee types (feedback, a suggested wording, a
// logbook note, an After Action Review) must not carry a citizen's personal
// data. findPersonalData() points at what looks like it. It is the one list
// of what counts as personal data in Souffleur: the record validator
// (records.h) runs it on every free-text field of every record, at the desk
// before a record enters the outbox and at the server when it arrives, and
// the panel runs it as the employee types to point at what to remove.
//
//   kind          what counts
//   bsn           8 or 9 digits (spaces, dots or dashes between groups
//                 allowed) that pass the BSN eleven-check ("elfproef")
//   document      a Dutch passport or identity card number: 9 characters,
//                 two letters, six letters or digits, a digit, no letter O
//                 (at least two digits in all, so ordinary words never match)
//   birth_date    a full date (31-12-1985, 31/12/1985, 31.12.1985,
//                 1985-12-31, 31 december 1985) whose year lies at least 12
//                 years back, or any full date right after "geboren",
//                 "geb.", "geboortedatum", "born" or "date of birth"
//   email         name@domain.tld
//   phone         a Dutch number: 10 digits starting with 0 (06-12345678,
//                 020 123 4567), or +31 / 0031 and 9 digits
//   iban          an IBAN (two letters, two check digits, up to 30 letters or
//                 digits, spaces allowed in groups of four) passing mod-97
//   address       a Dutch postcode (1234 AB, 1234AB; capitals, or small
//                 letters written without the space) with a house number
//                 right after it ("1234 AB 12", "1234AB, 12-2", "1234 AB
//                 nr. 7a") or right before it ("Kerkstraat 12, 1234 AB",
//                 "12 1234AB"); a postcode alone is an area, not an address
//
// The guard errs on the side of asking: a date of a rule long ago is flagged
// too. It never changes the text; the employee decides what to remove.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::protocol {

enum class PersonalData { Bsn, DocumentNumber, BirthDate, Email, Phone, Iban, Address };

// "bsn", "document", "birth_date", "email", "phone", "iban", "address"
const char* personalDataName(PersonalData kind);

struct PersonalDataFinding {
    PersonalData kind;
    std::size_t offset = 0; // in bytes, into the text given
    std::size_t length = 0;
};

// What in `text` (UTF-8) looks like personal data, in order of offset.
// `today` decides which dates are far enough back to be birth dates.
std::vector<PersonalDataFinding>
findPersonalData(std::string_view text,
                 std::chrono::year_month_day today =
                     std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));

// The BSN eleven-check over 9 digits (8 digits get a leading 0); false for
// anything else, and for 000000000.
bool isValidBsn(std::string_view digits);

} // namespace souffleur::protocol
