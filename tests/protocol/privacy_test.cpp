// The privacy guard, the one list of what counts as a citizen's personal data:
// BSNs by their eleven-check, document numbers, birth dates, e-mail addresses,
// phone numbers, IBANs and addresses (a postcode with a house number) in what
// an employee types, and the ordinary text of feedback that must pass untouched.
#include <souffleur/protocol/privacy.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace souffleur::protocol;
using namespace std::chrono;

namespace {

constexpr year_month_day kToday{year(2026), November, day(23)};

// "kind:matched text" for every finding.
std::vector<std::string> found(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& finding : findPersonalData(text, kToday))
        out.push_back(std::string(personalDataName(finding.kind)) + ":" +
                      text.substr(finding.offset, finding.length));
    return out;
}

using Found = std::vector<std::string>;

} // namespace

TEST_CASE("The BSN eleven-check", "[protocol][privacy]") {
    for (const char* valid : {"111222333", "123456782", "999999990", "12345672"})
        CHECK(isValidBsn(valid));
    for (const char* invalid : {"123456789", "111222334", "000000000", "12345678", "1234567",
                                "1234567890", "12345678a", "", "12345 782"})
        CHECK_FALSE(isValidBsn(invalid));
}

TEST_CASE("A BSN is found however it is written, an invalid one is not", "[protocol][privacy]") {
    CHECK(found("BSN 111222333 klopt niet") == Found{"bsn:111222333"});
    CHECK(found("bsn: 123.456.782") == Found{"bsn:123.456.782"});
    CHECK(found("123 456 782") == Found{"bsn:123 456 782"});
    CHECK(found("nummer 123-456-782.") == Found{"bsn:123-456-782"});
    CHECK(found("12345672") == Found{"bsn:12345672"}); // 8 digits: a leading zero
    CHECK(found("123456789").empty());                 // fails the eleven-check
    CHECK(found("x111222333").empty());                // part of a word
    CHECK(found("1112223331").empty());                // ten digits, not a 0 at the start
}

TEST_CASE("Dutch document numbers", "[protocol][privacy]") {
    CHECK(found("paspoort NXC3KL7P1 verlopen") == Found{"document:NXC3KL7P1"});
    CHECK(found("id-kaart ir8r4zk62") == Found{"document:ir8r4zk62"});
    CHECK(found("ABCDEFGH1").empty());  // one digit: an ordinary word could look like it
    CHECK(found("NXO3KL7P1").empty());  // the letter O is never used
    CHECK(found("NXC3KL7P12").empty()); // ten characters
    CHECK(found("Documentnummer controleren").empty());
}

TEST_CASE("Birth dates: full dates long ago, or any date called one", "[protocol][privacy]") {
    CHECK(found("geboren 31-12-1985") == Found{"birth_date:31-12-1985"});
    CHECK(found("op 31/12/1985") == Found{"birth_date:31/12/1985"});
    CHECK(found("1985-12-31") == Found{"birth_date:1985-12-31"});
    CHECK(found("3 maart 1990 in Utrecht") == Found{"birth_date:3 maart 1990"});
    CHECK(found("3 March 1990") == Found{"birth_date:3 March 1990"});
    CHECK(found("geboortedatum 03.03.2019") == Found{"birth_date:03.03.2019"}); // a child
    CHECK(found("per 1-1-2025 geldt de nieuwe regel").empty());                 // recent
    CHECK(found("31-02-1985").empty());                                         // no such day
    CHECK(found("stap 3 van 12").empty());
    CHECK(found("versie 2001").empty());
}

TEST_CASE("E-mail addresses", "[protocol][privacy]") {
    CHECK(found("mail naar j.jansen+werk@example.nl.") == Found{"email:j.jansen+werk@example.nl"});
    CHECK(found("@balie noord").empty());
    CHECK(found("vraag het team@noord").empty());
    CHECK(found("a@b.c").empty());
}

TEST_CASE("Dutch phone numbers", "[protocol][privacy]") {
    CHECK(found("bel 06-12345678") == Found{"phone:06-12345678"});
    CHECK(found("06 1234 5678") == Found{"phone:06 1234 5678"});
    CHECK(found("020 123 4567") == Found{"phone:020 123 4567"});
    CHECK(found("+31 6 12345678") == Found{"phone:+31 6 12345678"});
    CHECK(found("0031612345678") == Found{"phone:0031612345678"});
    CHECK(found("toestel 1234").empty());
    CHECK(found("14 020").empty());
}

TEST_CASE("IBANs pass their mod-97 check", "[protocol][privacy]") {
    CHECK(found("rekening NL91ABNA0417164300") == Found{"iban:NL91ABNA0417164300"});
    CHECK(found("NL91 ABNA 0417 1643 00 graag") == Found{"iban:NL91 ABNA 0417 1643 00"});
    CHECK(found("NL92ABNA0417164300").empty());
}

TEST_CASE("Addresses: a postcode with a house number, not a postcode alone",
          "[protocol][privacy]") {
    CHECK(found("woont op 1234 AB 12") == Found{"address:1234 AB 12"});
    CHECK(found("1234AB, 12-2 ") == Found{"address:1234AB, 12-2"});
    CHECK(found("postcode 1234ab nr. 7a") == Found{"address:1234ab nr. 7a"});
    CHECK(found("Kerkstraat 12, 1234 AB Utrecht") == Found{"address:12, 1234 AB"});
    CHECK(found("12 1234AB") == Found{"address:12 1234AB"});
    CHECK(found("1234 AB huisnummer 3") == Found{"address:1234 AB huisnummer 3"});
    CHECK(found("balie in 3511 LX, het stadskantoor").empty());   // an area, no house
    CHECK(found("in 2026 is 12 procent meer aanvragen").empty()); // "is" is no postcode
    CHECK(found("1234 SA 12").empty());                           // SA, SD, SS are not used
    CHECK(found("0234 AB 12").empty());                           // no postcode starts with 0
    CHECK(found("stap 12 van 14").empty());
}

TEST_CASE("Ordinary feedback passes; several findings come in order", "[protocol][privacy]") {
    for (const char* text :
         {"De stap over de pasfoto is onduidelijk: welke eisen gelden voor kinderen?",
          "Tip: vraag eerst naar het oude paspoort (stap 3 van 7).",
          "Volgens artikel 28 lid 2 moet dit anders.", "Sinds 1 januari 2026 geldt €75,20.",
          "Zie handboek versie 12.4, pagina 118.", ""})
        CHECK(found(text).empty());
    CHECK(found("BSN 111222333, tel 0612345678, jan@example.org") ==
          Found{"bsn:111222333", "phone:0612345678", "email:jan@example.org"});
}

TEST_CASE("The guard survives any bytes", "[protocol][privacy][hostile]") {
    std::string noise;
    for (int i = 0; i < 4096; ++i)
        noise += static_cast<char>((i * 7919) % 256);
    CHECK_NOTHROW(findPersonalData(noise, kToday));
    CHECK_NOTHROW(findPersonalData(std::string(100'000, '1'), kToday));
    CHECK_NOTHROW(findPersonalData(std::string(100'000, '@'), kToday));
}
