// The review workspace ("Beoordelen"): the revisions waiting for review,
// oldest first, with the author's change note; for the one chosen, what
// changed by step and field (content/diff.h, word by word), the desk's own
// view of the old and the new step side by side, and the comments on it in
// threads, anchored to a step and a field. The reviewer approves (the
// server publishes it: never one's own, four eyes) or sends it back with a
// reason; the author answers comments and resolves threads here too.
#pragma once

#include <souffleur/content/diff.h>
#include <souffleur/content/guide.h>
#include <souffleur/protocol/review.h>
#include <souffleur/studio/server_session.h>

#include <QWidget>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace souffleur::guide_view {
class GuideView;
}

namespace souffleur::studio {

class ReviewPage : public QWidget {
    Q_OBJECT

public:
    explicit ReviewPage(std::shared_ptr<const ServerSession> server, QWidget* parent = nullptr);

    // Asks the server for the queue again (and keeps the revision shown when
    // it is still there).
    void reload();
    // Shows one revision (from the queue, a notice, or a test): its diff
    // against the published revision (or the one before), comments, previews.
    void showRevision(const std::string& guide, int revision);

    // What is shown, for tests and the window.
    const std::vector<RevisionInfo>& queue() const { return m_queue; }
    const std::optional<content::GuideDiff>& diff() const { return m_diff; }
    const std::vector<protocol::Comment>& comments() const { return m_comments; }
    QListWidget* changeList() const { return m_changes; }
    QTextBrowser* detail() const { return m_detail; }
    guide_view::GuideView& oldView() const { return *m_oldView; }
    guide_view::GuideView& newView() const { return *m_newView; }
    QPlainTextEdit* commentField() const { return m_commentText; }

    // The reviewer's actions (as the buttons do, without their dialogs).
    void approve();
    void reject(const QString& reason);
    void postComment(const QString& text);
    void replyTo(std::int64_t thread, const QString& text);
    void resolve(std::int64_t thread, bool resolved);
    // Selects the change of this step ("" for the guide's own fields).
    void selectStep(const std::string& stepId);

Q_SIGNALS:
    void message(const QString& text);
    // A revision was approved or sent back: the library may have changed.
    void reviewed();
    // The revision shown, its diff and comments are on screen.
    void revisionShown();
    void commentsChanged();
    // The author wants to edit this guide (a rejected one, say).
    void openGuideRequested(const QString& guideId);

private:
    void fillQueue();
    void fillChanges();
    void fillComments();
    void showChange(int row);
    void showPreviews();
    void loadComments();
    // Posts a comment or reply; `failed` has %1 for the server's reason.
    void sendComment(const ServerSession::NewComment& comment, const QString& done,
                     const QString& failed);
    void askReject();
    void act(const QString& done, std::function<SessionResult<void>()> call);

    std::shared_ptr<const ServerSession> m_server;
    std::vector<RevisionInfo> m_queue;
    // The revision shown and the one it is compared with.
    std::string m_guideId;
    int m_revision = 0;
    int m_base = 0; // 0: a new guide, compared with nothing
    RevisionInfo m_info;
    std::optional<content::Guide> m_old;
    std::optional<content::Guide> m_new;
    std::optional<content::GuideDiff> m_diff;
    std::vector<protocol::Comment> m_comments;
    std::map<std::string, content::Guide, std::less<>> m_blocks; // published blocks, by id
    std::string m_step; // the step whose change is selected ("" the guide's fields)

    QListWidget* m_queueList;
    QLabel* m_queueCount;
    QLabel* m_header;
    QLabel* m_summary;
    QListWidget* m_changes;
    QTextBrowser* m_detail;
    QLabel* m_oldCaption;
    QLabel* m_newCaption;
    QStackedWidget* m_oldStack;
    QStackedWidget* m_newStack;
    QLabel* m_oldMissing;
    QLabel* m_newMissing;
    guide_view::GuideView* m_oldView;
    guide_view::GuideView* m_newView;
    QTextBrowser* m_threads;
    QComboBox* m_thread; // the thread an answer goes to (or a new one)
    QComboBox* m_field;  // what a new comment is about
    QPlainTextEdit* m_commentText;
    QPushButton* m_post;
    QPushButton* m_resolve;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QPushButton* m_edit;
    QWidget* m_body;
    QLabel* m_empty;
};

// A field of the guide format as an author calls it ("Korte instructie").
QString fieldLabel(const std::string& field);

} // namespace souffleur::studio
