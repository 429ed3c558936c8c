// Private: the desk's full-text index of its guides (SQLite FTS5, table
// guide_search over the columns of `guides`, kept current by triggers in the
// same transactions that change the guides), and the search over it.
//
//   indexed   title, tags, summary, and every step's glance, details, why,
//             checks, warnings and tips; folded by FTS5's unicode61 tokenizer
//             (case and diacritics: "eenmalig" finds "éénmalig")
//   ranked    bm25, a title hit weighing most, then tags, summary, steps
//   query     every word of at least 2 characters must match as a prefix
//             ("pasp fot" finds "Paspoort ... pasfoto's"); when that finds
//             fewer than asked, words of 4 or more characters may also match
//             an indexed word one typing error away (a letter wrong, missing,
//             extra or two swapped: "pasproot" finds "paspoort")
//   bounded   always LIMIT, at most kMaxSearchResults; and bm25 is computed
//             for the first kRankedCandidates matches only (in index order),
//             so a short, broad prefix ("pa") costs as little as a precise
//             query: the best of those are shown, and the list sharpens as
//             the employee types on
#pragma once

#include <souffleur/client/replica.h>
#include <souffleur/content/guide.h>
#include <souffleur/sqlite/sqlite.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace souffleur::client::detail {

inline constexpr std::size_t kMaxSearchResults = 50;
inline constexpr std::size_t kRankedCandidates = 500;

// What the index holds of a guide besides its title: the columns tags,
// summary and body of `guides` (an FTS5 external-content table follows them
// through triggers, desk_database.cpp).
struct SearchColumns {
    std::string tags;
    std::string summary;
    std::string body;
    std::string triggers; // context.h: "window\tAPP\tTITLE" or "link\tID" lines
    std::string images;   // not indexed: the pictures' hashes, one per line
};
SearchColumns searchColumns(const content::Guide& guide);

// Fills the search columns of guides stored before the index existed.
sqlite::Result<void> fillSearchColumns(sqlite::Database& db);

// The index's words, sorted, for the typing-error path; loaded on first need
// and again after the guides changed (PRAGMA data_version sees another
// connection's commits; Replica::applyChanges clears it for its own).
struct Vocabulary {
    bool loaded = false;
    std::int64_t dataVersion = 0;
    std::vector<std::string> terms;
};

sqlite::Result<void> loadVocabulary(sqlite::Database& db, Vocabulary& vocabulary);

sqlite::Result<std::vector<SearchHit>> searchGuides(sqlite::Database& db, std::string_view query,
                                                    std::size_t limit, Vocabulary& vocabulary);

} // namespace souffleur::client::detail
