// The After Action Review workspace ("Leren"), for team leads, authors and
// reviewers: a team's AARs at the left; for the one open, four tabs in the
// order of the meeting:
//   Voorbereiden  title, guides and period; the evidence as charts (the
//                 report core's own, charts.h: funnel, time per step, skips
//                 and escalations, decisions, alerts read, the trend with
//                 the revisions published), the feedback, the logbook
//   Bijeenkomst   the four questions, each with its timer and the
//                 facilitator's notes; "Presenteren" (F11) for the projector
//   Acties        what the team agreed: text, owner, due date, state; an
//                 action about a step goes to that guide's inbox and its
//                 state comes back; the open actions of earlier AARs
//   Afsluiten     the lesson (shared with the other teams or not), closing
//                 the AAR, and the report as HTML or PDF
// Everything is saved as it is typed (a second after the last key).
#pragma once

#include <souffleur/protocol/aar.h>
#include <souffleur/report/aar_report.h>
#include <souffleur/studio/server_session.h>

#include <QElapsedTimer>
#include <QWidget>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTimer;
class QWebEngineView;

namespace souffleur::studio {

class PrivacyPage;
class ProjectorWindow;

// The meeting's clock: time spent on each of the four questions, one running at a time.
class MeetingClock : public QObject {
    Q_OBJECT

public:
    explicit MeetingClock(QObject* parent = nullptr);
    // The minutes planned per question.
    static constexpr std::array<int, 4> kPlannedMinutes = {5, 10, 15, 10};
    void toggle(int question); // start it (stopping another), or pause it
    bool running(int question) const { return m_running == question; }
    qint64 elapsedSeconds(int question) const;
    // "03:12 van 10:00"
    QString text(int question) const;
    bool overTime(int question) const;

Q_SIGNALS:
    void ticked();

private:
    std::array<qint64, 4> m_spentMs{};
    int m_running = -1;
    QElapsedTimer m_since;
    QTimer* m_tick;
};

class AarPage : public QWidget {
    Q_OBJECT

public:
    AarPage(std::shared_ptr<const ServerSession> server, bool teamLead, QWidget* parent = nullptr);
    ~AarPage() override;

    // The teams, the guides and the chosen team's AARs (opens the newest).
    void reload();
    // A new AAR for the chosen team, about `guides` (none: the dialog asks).
    void newAar(const QString& title = {}, const QStringList& guides = {});
    void openAar(const QString& id);
    const std::optional<protocol::Aar>& current() const { return m_aar; }
    const std::optional<protocol::Evidence>& evidence() const { return m_evidence; }
    // The four answers' fields, the clock, projector mode.
    QPlainTextEdit* answer(int question) const {
        return m_answers[static_cast<std::size_t>(question)];
    }
    MeetingClock& clock() { return *m_clock; }
    void showProjector();
    // What the desks record, who sees what, for how long (privacy_page.h).
    PrivacyPage* showPrivacy();
    ProjectorWindow* projector() const { return m_projector; }
    QTabWidget* tabs() const { return m_tabs; }
    // Adds an action (the Acties tab's form does the same).
    void addAction(const QString& text, const QString& owner, const QString& due,
                   const QString& guide, const QString& step);
    void setActionState(int position, const QString& state);
    // Closes the AAR (state final), with the lesson and whether it is shared.
    void close(const QString& lesson, bool share);
    // The report as one HTML or PDF file; `done` gets whether it was written.
    void saveReport(const QString& file, std::function<void(bool)> done = {});
    // What the report holds now (the AAR, its evidence, the guides' words).
    report::ReportInput reportInput() const;
    // The studio's language, for the charts and the report.
    static report::Language reportLanguage();

Q_SIGNALS:
    void message(const QString& text);
    void aarOpened();
    void evidenceShown(); // the charts are painted
    void saved();

private:
    QWidget* createPrepareTab();
    QWidget* createMeetingTab();
    QWidget* createActionsTab();
    QWidget* createCloseTab();
    void loadAars(const QString& selectId = {});
    void show(const ServerSession::AarWithCarried& loaded);
    void loadEvidence();
    void fillActions();
    void scheduleSave();
    void saveNow();
    // Every field as it is on screen.
    AarChange changeOnScreen() const;
    void fetchLabels();
    QString team() const;
    std::vector<std::string> chosenGuides() const;

    std::shared_ptr<const ServerSession> m_server;
    bool m_teamLead;
    std::optional<protocol::Aar> m_aar;
    std::vector<protocol::AarAction> m_carried;
    std::optional<protocol::Evidence> m_evidence;
    std::vector<GuideSummary> m_guides;
    std::map<std::string, report::GuideLabels> m_labels;
    bool m_filling = false;
    int m_evidenceAsked = 0; // the newest evidence asked for; older answers are dropped

    QComboBox* m_team;
    QListWidget* m_list;
    QPushButton* m_new;
    QTabWidget* m_tabs;
    QLabel* m_heading;
    // Voorbereiden
    QLineEdit* m_title;
    QListWidget* m_guideChoice;
    QComboBox* m_from;
    QComboBox* m_to;
    QWebEngineView* m_evidenceView;
    // Bijeenkomst
    std::array<QPlainTextEdit*, 4> m_answers{};
    std::array<QLabel*, 4> m_timers{};
    std::array<QPushButton*, 4> m_timerButtons{};
    MeetingClock* m_clock;
    // Acties
    QTableWidget* m_actions;
    QTableWidget* m_carriedTable;
    QLineEdit* m_actionText;
    QLineEdit* m_actionOwner;
    QDateEdit* m_actionDue;
    QComboBox* m_actionGuide;
    QComboBox* m_actionStep;
    // Afsluiten
    QPlainTextEdit* m_lesson;
    QCheckBox* m_share;
    QPushButton* m_close;
    QWebEngineView* m_reportView;

    QTimer* m_saveTimer;
    ProjectorWindow* m_projector = nullptr;
};

} // namespace souffleur::studio
