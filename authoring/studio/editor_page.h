// The editor workspace: one guide, as an outline of its steps (left), the
// form of the selected part or its XML source (middle, with what the checks
// find below it), and the desk's own preview (right). Every change goes
// through the GuideSession (studio_core): undoable, journalled, checked.
// Saving sends a revision with its base; a 409 opens the merge.
#pragma once

#include <souffleur/studio/guide_session.h>
#include <souffleur/studio/server_session.h>

#include <QSet>
#include <QWidget>

#include <map>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;

namespace souffleur::studio {

class DecisionMapView;
class GuideForm;
class InboxPanel;
class PreviewPane;
class StepForm;

class EditorPage : public QWidget {
    Q_OBJECT

public:
    EditorPage(std::shared_ptr<const ServerSession> server, QWidget* parent = nullptr);
    ~EditorPage() override;

    // Shows a guide to edit; the previous one stays in the journal if unsaved.
    void open(std::unique_ptr<GuideSession> session);
    bool hasGuide() const { return m_session != nullptr; }
    const GuideSession* session() const { return m_session.get(); }
    PreviewPane& preview() { return *m_preview; }
    // The desks' feedback beside the selected step.
    InboxPanel& inbox() { return *m_inbox; }
    // The step selected in the outline; empty for the guide's own fields.
    std::string selectedStep() const;
    void selectStep(const std::string& stepId);

    // The editor's actions, for the window's menus (each with a shortcut).
    QList<QAction*> editActions() const;
    QAction* saveAction() const { return m_save; }
    QAction* submitAction() const { return m_submit; }
    QAction* sourceAction() const { return m_sourceToggle; }
    QAction* tryOutAction() const { return m_tryOut; }
    QAction* mapAction() const { return m_mapToggle; }
    // "Revisies en terugzetten…": the guide's revisions; going back to one
    // is a new revision in review (docs/api.md, rollback).
    QAction* historyAction() const;
    void showHistory();
    void rollbackTo(int revision, const QString& reason);

    // Uploads a picture file for the selected step, with what it shows (as
    // "Afbeelding toevoegen" does after its dialogs); message() says how it went.
    void addImageFile(const QString& file, const QString& alt);

    // Saves now (as the Save action does); the result comes with saved() or message().
    void save();

    // Reusable blocks: inserts a step that shows `blockId` after the
    // selected one (as "Bouwsteen invoegen" does after its dialog).
    void insertBlock(const std::string& blockId);
    // The library as last fetched (for the blocks and where they are used).
    const std::vector<LibraryEntry>& library() const { return m_library; }
    // The guide as the preview shows it: its block steps filled in.
    content::Guide shownGuide() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // A sentence for the status bar.
    void message(const QString& text);
    // The guide's title or its saved state changed (the window title follows).
    void documentChanged();
    // A save finished: true when the server stored it.
    void saveFinished(bool stored);
    // The author wants to open another guide (a block a step shows).
    void openGuideRequested(const QString& guideId);
    // The library (and so the blocks and where they are used) was fetched.
    void libraryLoaded();

private:
    void apply(const Edit& edit, const QString& label, bool typing);
    void applyAll(std::vector<Edit> edits, const QString& label);
    void refresh();
    void refreshOutline();
    void refreshForms();
    void refreshDiagnostics();
    void refreshSource();
    void refreshActions();
    void refreshHeader();
    void refreshMap();
    void showRefusal(const EditError& error);
    void addStep();
    void duplicateStep();
    void deleteStep();
    void moveStep(int by);
    void renameStep();
    void applySource();
    void submit();
    void addImage();
    void resolveConflict(int currentRevision);
    void jumpTo(QListWidgetItem* item);
    void undo();
    void redo();
    void endBurst();
    void loadLibrary();
    void fetchBlocks();
    void chooseBlock();
    void refreshBlockBanner();
    const LibraryEntry* libraryEntry(const std::string& id) const;
    QString titleOf(const std::string& id) const;

    std::shared_ptr<const ServerSession> m_server;
    std::unique_ptr<GuideSession> m_session;
    static constexpr int kMapTab = 2; // form, source, map
    DecisionMapView* m_map;
    QLabel* m_mapSummary;
    QLabel* m_title;
    QLabel* m_state;
    QLabel* m_blockBanner; // a block: where it is used, before it is changed
    std::vector<LibraryEntry> m_library;
    std::map<std::string, content::Guide, std::less<>> m_blocks; // fetched, by id
    QSet<QString> m_blocksAsked;
    QListWidget* m_outline;
    QTabWidget* m_tabs;
    QStackedWidget* m_forms;
    GuideForm* m_guideForm;
    StepForm* m_stepForm;
    QPlainTextEdit* m_source;
    QLabel* m_sourceState;
    QListWidget* m_diagnostics;
    QLabel* m_diagnosticsTitle;
    PreviewPane* m_preview;
    InboxPanel* m_inbox;
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_addStep;
    QAction* m_insertBlock;
    QAction* m_duplicateStep;
    QAction* m_deleteStep;
    QAction* m_moveUp;
    QAction* m_moveDown;
    QAction* m_renameStep;
    QAction* m_save;
    QAction* m_submit;
    QAction* m_sourceToggle;
    QAction* m_tryOut;
    QAction* m_mapToggle;
    QAction* m_history;
    bool m_sourceDirty = false;
    bool m_refreshing = false;
    bool m_busy = false;
};

} // namespace souffleur::studio
