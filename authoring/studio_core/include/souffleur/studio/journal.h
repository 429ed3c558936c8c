// The studio's journal: every edit is written here before the screen shows
// it, so that after a crash, a power cut of the session or a SIGKILL the
// studio reopens every guide with nothing typed lost.
//
// One SQLite file per user (in the studio's data folder), one row per guide
// being edited: where it comes from (the server and the guide's id, or a
// file), the revision the edits started from and its XML (the base of a
// three-way merge, merge.h), and the guide's XML as it is now. A row is
// written on every change (WAL, synchronous=NORMAL: durable when the process
// dies, which is what a journal is for; the server holds what is saved) and
// removed when the guide is saved or its changes are thrown away.
#pragma once

#include <souffleur/sqlite/sqlite.h>

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace souffleur::studio {

struct JournalEntry {
    std::string key;      // the document: "server-url guide-id", or "file:PATH"
    std::string guide;    // the guide's id
    int baseRevision = 0; // the revision the edits started from; 0: new
    std::string baseXml;  // that revision's XML; empty for a new guide
    std::string xml;      // the guide as it is now
    std::string savedAt;  // when this row was written (sqlite::isoTime)
};

class Journal {
public:
    // Opens (or creates) the journal file.
    static std::expected<Journal, std::string> open(const std::filesystem::path& file);

    // Writes what a document is now; replaces its previous row.
    std::expected<void, std::string> record(const JournalEntry& entry);
    // The document was saved, or its changes thrown away.
    std::expected<void, std::string> forget(const std::string& key);
    // What was being edited and not saved, oldest first.
    std::expected<std::vector<JournalEntry>, std::string> unsaved();
    std::expected<std::optional<JournalEntry>, std::string> find(const std::string& key);

    // The journal's usual place: $XDG_DATA_HOME/souffleur-studio/journal.db.
    static std::filesystem::path defaultPath();

private:
    explicit Journal(sqlite::Database db)
        : m_db(std::move(db)) {}
    sqlite::Database m_db;
};

} // namespace souffleur::studio
