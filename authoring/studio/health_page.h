// The content health workspace ("Gezondheid"): the register of the critical
// tasks, one row per published guide: its owner team, its state (failing,
// expiring, a source changed, review due, feedback waiting, in order) and
// why, the next review, the end of validity, the open feedback and its age,
// and a small bar per step for how often it was abandoned or skipped in the
// last 30 days (only over enough sessions; docs/api.md, "Content health").
// Sortable by any column, filtered to what needs attention; a double click
// opens the guide. "Bronnen…" keeps the register of sources.
#pragma once

#include <souffleur/protocol/health.h>
#include <souffleur/studio/server_session.h>

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace souffleur::studio {

class HealthPage : public QWidget {
    Q_OBJECT

public:
    explicit HealthPage(std::shared_ptr<const ServerSession> server, QWidget* parent = nullptr);

    void reload();
    const std::vector<protocol::GuideHealth>& guides() const { return m_guides; }
    // The register of sources: the laws, regulations and work instructions
    // the guides cite, each with its version date; a new version recorded
    // here puts an item in the inbox of every guide that cites it.
    void showSources();
    QTableView* table() const { return m_table; }

Q_SIGNALS:
    void message(const QString& text);
    void openGuideRequested(const QString& guideId);
    void loaded();

private:
    void fill();

    std::shared_ptr<const ServerSession> m_server;
    std::vector<protocol::GuideHealth> m_guides;
    QLabel* m_summary;
    QComboBox* m_filter;
    QTableView* m_table;
    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
};

// A health state as the studio says it ("Herziening nodig").
QString healthStateLabel(const std::string& state);
// A reason in the author's words.
QString healthReasonText(const protocol::HealthReason& reason);

} // namespace souffleur::studio
