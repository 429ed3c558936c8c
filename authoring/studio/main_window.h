// The studio's window: a bar of workspaces at the left (the library, the
// editor, review, health, learning: the After Action Reviews), the
// workspace itself, menus in which every action has its shortcut, the
// author's notices in the status line (live over the push channel),
// and a status line that says what happened in plain words.
#pragma once

#include "library_page.h"

#include <souffleur/content/readability.h>
#include <souffleur/studio/journal.h>
#include <souffleur/studio/server_session.h>

#include <QMainWindow>

#include <functional>
#include <memory>

class QListWidget;
class QStackedWidget;

namespace souffleur::studio {

class AarPage;
class EditorPage;
class HealthPage;
class NoticeListener;
class NoticesButton;
class ReviewPage;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // A team lead (`kind`) sees the After Action Review workspace alone.
    MainWindow(std::shared_ptr<const ServerSession> server, Journal* journal, QString account,
               AccountKind kind = AccountKind::Editor, QWidget* parent = nullptr);
    ~MainWindow() override;

    LibraryPage& library() { return *m_library; }
    EditorPage& editor() { return *m_editor; }
    ReviewPage& review() { return *m_review; }
    HealthPage& health() { return *m_health; }
    AarPage& aar() { return *m_aar; }
    NoticesButton& notices() { return *m_notices; }
    void showLibrary();
    void showEditor();
    void showReview();
    void showHealth();
    void showAar();
    bool isAarShown() const;

    // Opens a guide in the editor: from the server, or the one in the request.
    // `opened` runs once it shows (false when it could not be opened).
    void open(const OpenRequest& request, std::function<void(bool)> opened = {});
    // Offers what the journal holds for this server (after a crash); with
    // `ask` false it reopens the newest without asking (tests).
    void offerRecovery(bool ask = true);
    // The organisation's plain-language policy, from the settings.
    static content::ReadabilityPolicy organisationReadability();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void updateTitle();
    void status(const QString& text);
    std::string journalKey(const std::string& guideId) const;

    std::shared_ptr<const ServerSession> m_server;
    Journal* m_journal;
    QString m_account;
    QListWidget* m_modes;
    QStackedWidget* m_pages;
    LibraryPage* m_library;
    EditorPage* m_editor;
    ReviewPage* m_review;
    HealthPage* m_health;
    AarPage* m_aar;
    NoticesButton* m_notices;
    AccountKind m_kind;
    bool m_aarLoaded = false;
    // The push channel; declared last, so it stops before the pages go.
    std::unique_ptr<NoticeListener> m_listener;
};

} // namespace souffleur::studio
