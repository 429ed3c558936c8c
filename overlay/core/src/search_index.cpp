// The desk's full-text search (see search_index.h).
#include "search_index.h"

#include <souffleur/content/parser.h>

#include <algorithm>

namespace souffleur::client::detail {
namespace {

// The words of a query: runs of letters and digits (any byte of a multi-byte
// UTF-8 character counts as a letter; FTS5 folds case and diacritics),
// lower-cased as far as ASCII goes.
std::vector<std::string> queryWords(std::string_view query) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : query) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || byte >= 0x80) {
            word += static_cast<char>(std::tolower(byte));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

// An FTS5 string: in double quotes, a quote inside doubled.
std::string ftsString(std::string_view word) {
    std::string out = "\"";
    for (const char c : word) {
        out += c;
        if (c == '"')
            out += '"';
    }
    return out + "\"";
}

// At most one typing error apart: a letter replaced, inserted, deleted, or
// two neighbours swapped (optimal string alignment distance <= 1).
bool oneEditApart(std::string_view a, std::string_view b) {
    if (a.size() > b.size())
        std::swap(a, b);
    if (b.size() - a.size() > 1)
        return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i])
        ++i;
    if (i == a.size())
        return true; // equal, or b has one letter more at the end
    if (a.size() == b.size())
        return a.substr(i + 1) == b.substr(i + 1) ||
               (i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
                a.substr(i + 2) == b.substr(i + 2));
    return a.substr(i) == b.substr(i + 1);
}

} // namespace

sqlite::Result<void> loadVocabulary(sqlite::Database& db, Vocabulary& vocabulary) {
    auto version = db.queryInt("PRAGMA data_version");
    if (!version)
        return std::unexpected(version.error());
    if (vocabulary.loaded && vocabulary.dataVersion == version->value_or(0))
        return {};
    auto stmt = db.prepare("SELECT term FROM guide_search_vocabulary");
    if (!stmt)
        return std::unexpected(stmt.error());
    vocabulary.terms.clear();
    auto read = stmt->forEachRow([&vocabulary](const sqlite::Statement& row) {
        vocabulary.terms.push_back(row.columnText(0));
    });
    if (!read)
        return read;
    std::ranges::sort(vocabulary.terms);
    vocabulary.dataVersion = version->value_or(0);
    vocabulary.loaded = true;
    return {};
}

namespace {

// Indexed words one typing error away from `word`, sharing its first letter
// (a first letter is seldom mistyped, and it keeps the scan short).
// `prefix`: the word is still being typed, so a longer indexed word counts
// when its beginning is one error away.
std::vector<std::string> nearWords(const Vocabulary& vocabulary, const std::string& word,
                                   bool prefix) {
    constexpr std::size_t kMaxAlternatives = 8;
    std::vector<std::string> out;
    const std::string first = word.substr(0, 1);
    for (auto it = std::ranges::lower_bound(vocabulary.terms, first);
         it != vocabulary.terms.end() && it->starts_with(first) && out.size() < kMaxAlternatives;
         ++it) {
        const std::string_view term = *it;
        if (term == word)
            continue;
        const bool near =
            oneEditApart(word, term) || (prefix && term.size() > word.size() &&
                                         (oneEditApart(word, term.substr(0, word.size())) ||
                                          oneEditApart(word, term.substr(0, word.size() + 1)) ||
                                          oneEditApart(word, term.substr(0, word.size() - 1))));
        if (near)
            out.emplace_back(term);
    }
    return out;
}

// A word as a prefix. A longer word (5 characters or more) with only a few
// completions in the index becomes their OR: FTS5 reads such an OR lazily
// and stops at the candidate limit, where a prefix query merges the whole
// lists of every completion first. Short prefixes have their own index.
std::string prefixMatch(const Vocabulary& vocabulary, const std::string& word) {
    constexpr std::size_t kMaxCompletions = 16;
    if (word.size() >= 5) {
        const auto first = std::ranges::lower_bound(vocabulary.terms, word);
        auto last = first;
        std::size_t count = 0;
        while (last != vocabulary.terms.end() && last->starts_with(word) &&
               count <= kMaxCompletions) {
            ++last;
            ++count;
        }
        if (count >= 1 && count <= kMaxCompletions) {
            std::string out;
            for (auto it = first; it != last; ++it)
                out += (out.empty() ? "" : " OR ") + ftsString(*it);
            return out;
        }
    }
    return ftsString(word) + "*";
}

sqlite::Result<void> runQuery(sqlite::Database& db, const std::string& match, std::size_t limit,
                              std::vector<SearchHit>& hits) {
    // bm25 for the first kRankedCandidates matches only (see search_index.h).
    auto stmt = db.prepare("SELECT g.id, g.title, g.revision FROM "
                           "(SELECT rowid, rank FROM guide_search WHERE guide_search MATCH ? "
                           " LIMIT ?) AS s "
                           "JOIN guides AS g ON g.rowid = s.rowid WHERE g.is_block = 0 "
                           "ORDER BY s.rank LIMIT ?",
                           match, static_cast<std::int64_t>(kRankedCandidates),
                           static_cast<std::int64_t>(limit));
    if (!stmt)
        return std::unexpected(stmt.error());
    return stmt->forEachRow([&hits](const sqlite::Statement& row) {
        std::string id = row.columnText(0);
        if (std::ranges::find(hits, id, &SearchHit::id) == hits.end())
            hits.push_back({std::move(id), row.columnText(1), static_cast<int>(row.columnInt(2))});
    });
}

void appendPlain(std::string& out, const std::string& text) {
    if (text.empty())
        return;
    if (!out.empty())
        out += '\n';
    out += text;
}

} // namespace

SearchColumns searchColumns(const content::Guide& guide) {
    SearchColumns out;
    for (const auto& tag : guide.tags)
        appendPlain(out.tags, tag);
    out.summary = guide.summary;
    for (const auto& trigger : guide.triggers) {
        appendPlain(out.triggers, trigger.link.empty()
                                      ? "window\t" + trigger.application + "\t" + trigger.title
                                      : "link\t" + trigger.link);
    }
    for (const auto& step : guide.steps) {
        for (const auto& image : step.images)
            appendPlain(out.images, image.hash);
        appendPlain(out.body, step.glance);
        appendPlain(out.body, step.details.plainText());
        appendPlain(out.body, step.why.plainText());
        for (const auto* list : {&step.checks, &step.warnings, &step.tips}) {
            for (const auto& item : *list)
                appendPlain(out.body, item);
        }
    }
    return out;
}

sqlite::Result<void> fillSearchColumns(sqlite::Database& db) {
    auto stmt = db.prepare("SELECT id, xml FROM guides WHERE body IS NULL");
    if (!stmt)
        return std::unexpected(stmt.error());
    std::vector<std::pair<std::string, std::string>> missing;
    auto read = stmt->forEachRow([&missing](const sqlite::Statement& row) {
        missing.emplace_back(row.columnText(0), row.columnText(1));
    });
    if (!read)
        return read;
    if (missing.empty())
        return {};
    auto tx = sqlite::Transaction::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    for (const auto& [id, xml] : missing) {
        auto guide = content::parseGuide(xml, id);
        const SearchColumns columns = guide ? searchColumns(*guide) : SearchColumns{};
        if (auto ok = db.execute(
                "UPDATE guides SET tags = ?, summary = ?, body = ?, triggers = ?, images = ? "
                "WHERE id = ?",
                columns.tags, columns.summary, columns.body, columns.triggers, columns.images, id);
            !ok)
            return ok;
    }
    return tx->commit();
}

sqlite::Result<std::vector<SearchHit>> searchGuides(sqlite::Database& db, std::string_view query,
                                                    std::size_t limit, Vocabulary& vocabulary) {
    limit = std::clamp<std::size_t>(limit, 1, kMaxSearchResults);
    std::vector<std::string> words;
    for (auto& word : queryWords(query)) {
        if (word.size() >= 2)
            words.push_back(std::move(word)); // one letter would match nearly everything
    }
    std::vector<SearchHit> hits;
    if (words.empty())
        return hits;
    if (auto ok = loadVocabulary(db, vocabulary); !ok)
        return std::unexpected(ok.error());
    std::string exact;
    for (const auto& word : words)
        exact += (exact.empty() ? "(" : " AND (") + prefixMatch(vocabulary, word) + ")";
    if (auto ok = runQuery(db, exact, limit, hits); !ok)
        return std::unexpected(ok.error());
    if (hits.size() >= limit)
        return hits;

    // Fewer than asked: let the longer words be one typing error off.
    std::string tolerant;
    bool anyAlternative = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string part = prefixMatch(vocabulary, words[i]);
        if (words[i].size() >= 4) {
            for (const auto& term : nearWords(vocabulary, words[i], i + 1 == words.size())) {
                part += " OR " + ftsString(term) + (i + 1 == words.size() ? "*" : "");
                anyAlternative = true;
            }
        }
        tolerant += (tolerant.empty() ? "(" : " AND (") + part + ")";
    }
    if (anyAlternative) {
        if (auto ok = runQuery(db, tolerant, limit, hits); !ok)
            return std::unexpected(ok.error());
    }
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

} // namespace souffleur::client::detail
