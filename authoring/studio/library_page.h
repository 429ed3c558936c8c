// The library workspace: every guide of the organisation with its state
// (concept, in review, gepubliceerd, ingetrokken), owner team, revision and
// last change; instant search and a state filter; open, new from a
// template, duplicate, import (XML or DITA) and export (XML or DITA).
#pragma once

#include <souffleur/content/guide.h>
#include <souffleur/studio/server_session.h>

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace souffleur::studio {

// How a guide was picked to be edited.
struct OpenRequest {
    std::string id;
    int revision = 0;                    // the revision to open; 0: a new guide (guide set)
    std::optional<content::Guide> guide; // for a new guide, an import or a duplicate
    int base = 0;                        // the revision a new guide's first save builds on
};

class LibraryPage : public QWidget {
    Q_OBJECT

public:
    explicit LibraryPage(std::shared_ptr<const ServerSession> server, QWidget* parent = nullptr);

    // Asks the server for the library again.
    void reload();
    const std::vector<LibraryEntry>& entries() const { return m_entries; }
    // The newest revision of a guide in the library, 0 when it is not there.
    int newestRevision(const std::string& id) const;
    QLineEdit* searchField() const { return m_search; }

    // The actions of this page (as buttons and for the menu).
    void newGuide();
    void importFile();
    void exportSelected();
    void duplicateSelected();
    void openSelected();

Q_SIGNALS:
    void openRequested(const studio::OpenRequest& request);
    void message(const QString& text);

private:
    void fill();
    const LibraryEntry* selected() const;

    std::shared_ptr<const ServerSession> m_server;
    std::vector<LibraryEntry> m_entries;
    QLineEdit* m_search;
    QComboBox* m_state;
    QTableView* m_table;
    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_filter;
    QLabel* m_count;
};

// A state as the studio shows it ("gepubliceerd").
QString stateLabel(const std::string& state);

} // namespace souffleur::studio
