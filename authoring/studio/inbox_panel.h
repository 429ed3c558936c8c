// The feedback inbox beside the step: what the desks said about the step
// being edited (or about the guide as a whole), with its kind, team, the
// revision they were shown and the wording they suggest, and where it
// stands: new, planned, applied in revision N, declined (with the reason)
// or a duplicate. "Suggestie toepassen" makes the suggestion an undoable
// edit linked to the feedback (GuideSession::applySuggestion); the next save
// marks it planned in that revision, which makes it applied once published.
#pragma once

#include <souffleur/protocol/review.h>
#include <souffleur/studio/guide_session.h>
#include <souffleur/studio/server_session.h>

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;
class QToolButton;

namespace souffleur::studio {

class InboxPanel : public QWidget {
    Q_OBJECT

public:
    explicit InboxPanel(std::shared_ptr<const ServerSession> server, QWidget* parent = nullptr);

    // Fetches the feedback on a guide (again).
    void load(const std::string& guideId);
    void reload() { load(m_guideId); }
    // Shows the feedback on this step ("" the guide's own, and feedback on
    // steps the guide no longer has); `steps` are the guide's step ids.
    void showStep(const std::string& stepId, const std::vector<std::string>& steps);
    // How much feedback on a step is still open (new or planned).
    int openCount(const std::string& stepId) const;
    const std::vector<protocol::Feedback>& feedback() const { return m_feedback; }
    QListWidget* list() const { return m_list; }

    // The actions, as the buttons do them (without their dialogs).
    void setStatus(const std::string& feedbackId, const ServerSession::FeedbackChange& change);
    // Marks what a save of `revision` applies as planned in it.
    void planApplied(const std::vector<std::string>& feedbackIds, int revision);

Q_SIGNALS:
    void applyRequested(const protocol::Feedback& feedback, GuideSession::SuggestionTarget target);
    void message(const QString& text);
    // The feedback was fetched or changed (the outline's counts follow).
    void changed();

private:
    void fill();
    const protocol::Feedback* selected() const;
    void decline();
    void markDuplicate();

    std::shared_ptr<const ServerSession> m_server;
    std::string m_guideId;
    std::string m_step;
    std::vector<std::string> m_steps;
    std::vector<protocol::Feedback> m_feedback;
    QLabel* m_title;
    QListWidget* m_list;
    QToolButton* m_apply;
    QPushButton* m_plan;
    QPushButton* m_decline;
    QPushButton* m_duplicate;
    QPushButton* m_reopen;
};

// A feedback status as the studio shows it ("Toegepast in revisie 4").
QString feedbackStatusLabel(const protocol::Feedback& feedback);

} // namespace souffleur::studio
