// The panel itself: a frameless, always-on-top tool window docked to the right
// edge of the current screen (or the left, or floating: the header's placement
// button; remembered per screen). A header (title, sync state, hide), the banner
// of alerts not yet acknowledged (each with its "read" button), then either
// the guide list with its search field (no guide open; type to search, Down
// to the list, Enter opens) or the GuideView with its buttons (Back, Next or
// one button per option, Feedback, Logboek, Stop) and the FeedbackPanel,
// whose text the privacy guard checks before anything is stored. The team's
// logbook (LogbookPanel: its button, on the list page too, or the L key)
// opens under the buttons the same way. The step page shows
// the alerts attached to its step (Desk::stepAlerts), and is updated in place
// when a sync brings a new one.
//
// The public actions (openGuide, next, choose, ...) are what the buttons and
// keys call; TestScript calls the same functions. They return what went wrong
// (also logged on stderr); the buttons on screen only offer what is possible.
#pragma once

#include "desk.h"
#include "single_instance.h"
#include "ui_text.h"
#include "window_placement.h"

#include <souffleur/client/context.h>
#include <souffleur/client/records.h>
#include <souffleur/client/sync_client.h>

#include <QPoint>
#include <QSettings>
#include <QWidget>

#include <expected>
#include <optional>
#include <string>
#include <vector>

class QAction;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace souffleur::guide_view {
class GuideView;
}

namespace souffleur::overlay {

class DiagnosticsDialog;
class FeedbackPanel;
class LogbookPanel;
class WrapButton;
class TrayIcon;

class OverlayWindow : public QWidget {
    Q_OBJECT

public:
    // `settingsFile`: an INI file for the panel's placement per screen.
    OverlayWindow(Desk& desk, Language language, const QString& settingsFile);

    // Opens `guideId` as soon as the replica holds it (now, or at a later sync).
    void openWhenAvailable(const std::string& guideId);

    std::expected<void, QString> openGuide(const std::string& guideId);
    std::expected<void, QString> next();
    // Chooses option `index` (0-based) of the decision on screen.
    std::expected<void, QString> choose(std::size_t index);
    std::expected<void, QString> back();
    // Stops the session (abandoning it if not finished) and shows the list.
    void stopGuide();
    std::expected<void, QString> sendFeedback(client::FeedbackKind kind, const QString& text,
                                              const QString& suggestion = {});

    // The search field on the list page (as if typed) and what the list shows.
    void setSearchText(const QString& text);
    std::vector<std::string> listedGuides() const;
    // The guide the active window suggests (context.h), or empty.
    const std::string& suggestedGuide() const { return m_suggested; }
    // Opens the first guide of the list (Enter in the search field).
    std::expected<void, QString> openFirstListed();
    // Alerts not yet read (the banner's; the tray icon's badge).
    int unreadAlerts() const { return m_unreadAlerts; }
    // The banner's button for the alert.
    std::expected<void, QString> acknowledgeAlert(const std::string& alertId);

    void toggleFeedback();
    // The team's logbook under the buttons: opened (its input focused, the
    // entries listed anew) or closed; not while the citizen can see the screen.
    void openLogbook();
    void closeLogbook();
    void toggleLogbook();
    bool logbookOpen() const;
    // Adds an entry to the team's logbook (the panel's "Toevoegen"): about the
    // guide and step on screen with `attachStep`. Refused, with the input
    // kept and the reason shown, when it holds what looks like personal data.
    std::expected<void, QString> addLogbookEntry(const QString& text, bool attachStep = true);
    // Hides the panel when a tray icon or `--toggle` can bring it back.
    void hidePanel();
    // What quitting now would lose, in words for the employee: step records
    // waiting in memory, feedback or a logbook entry the desk could not store
    // (a full disk). Empty: nothing.
    QString unstoredWork() const;
    // Asked before quitting (the tray's "Afsluiten", the ✕ without a tray):
    // true to quit; when unstoredWork() is not empty, only if the employee
    // chooses "Toch afsluiten" over the default "Open laten". Once yes, the
    // panel is quitting: later calls say yes without asking.
    bool confirmQuit();
    // Summons the panel (shows it and takes the focus) when it is hidden or
    // another application has the keyboard; dismisses it when it is in use.
    void togglePanel();
    // "The citizen can see my screen": the step shows only what the citizen
    // may see (content::RenderOptions), and the alerts and feedback are hidden.
    void setCitizenCanSee(bool on);
    // Whether `souffleur-overlay --toggle` or the global hotkey reach this
    // panel (single_instance.h, global_hotkey.h); once true, stays true.
    void setSummonable(bool summonable) { m_summonable = m_summonable || summonable; }
    // A request from another souffleur-overlay: open a guide (shown without
    // taking the focus from the host application), toggle, or show.
    void handle(const InstanceRequest& request);
    // Where the panel sits on a screen: docked to its right or left edge
    // (full height), or floating where the user dragged it by its header.
    // Remembered per screen (by name) in the settings file.
    enum class Placement { Right, Left, Floating };
    void setPlacement(Placement placement);
    Placement placement() const { return m_placement; }
    // Keep the edge the panel is docked to free for it (a strut: maximised
    // applications sit beside it); remembered per screen, off by default.
    void setKeepEdgeFree(bool keep);
    bool keepsEdgeFree() const { return m_reservedWidth > 0; }
    // Sizes and places the window on the current screen (the one under the
    // mouse, else the primary) as that screen's remembered placement says.
    void dock();
    // Shown: marked as a panel for the window manager, its edge kept free
    // when asked; hidden: the edge given back (window_placement.h).
    void setVisible(bool visible) override;

    const guide_view::GuideView& guideView() const { return *m_stepView; }
    // What the desk keeps aside: pending guides, refused records (the notice
    // line's button and the tray menu open it).
    void showKeptAside();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    // Closed by the window manager (Alt+F4), which quits the panel: asked
    // first like the tray's "Afsluiten" (confirmQuit()), not again after it.
    void closeEvent(QCloseEvent* event) override;
    // Dragging a floating panel by its header.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createHeader();
    QWidget* createListPage();
    QWidget* createButtonRow();
    void refreshGuides();
    void refreshAlerts();
    void suggest(const client::WindowContext& window);
    QWidget* createAlertBanner();
    void showSession();
    // The page for the session's current step (or its end), with its alerts.
    QByteArray renderPage();
    // Shows the current step's page again if it changed (new alerts).
    void refreshPage();
    void showOptions(const std::vector<content::Option>& options);
    // The buttons shown, in one row when they fit, else the step's (back,
    // next) above the rest.
    void arrangeButtons();
    // The logbook's entries and what a new entry would be about, anew.
    void refreshLogbook();
    // The names of the kinds of personal data in `text` (UiText::personalData).
    QStringList personalDataKinds(const QString& text) const;
    // The guide open and the step on screen, briefly ("Identiteit vaststellen
    // › stap 2: Vergelijk ..."); empty when no guide is open.
    QString stepPlace() const;
    void showSyncState(client::SyncState state);
    // The notice line: step records not stored yet (amber, saying so when
    // the disk is full; the tray says it too), guides and alerts that wait
    // for an update, records the server refused; hidden when none.
    void refreshNotice();
    // The status line under the buttons; empty: hidden.
    void setStatus(const QString& text);
    // Sets or clears the strut as the placement and the setting say.
    void updateEdge();
    void onRecordsAcked();
    std::expected<void, QString> logged(std::expected<void, QString> result);

    Desk& m_desk;
    Language m_language;
    const UiText& m_text;
    std::string m_pendingOpen;

    QLabel* m_syncDot = nullptr;
    QLabel* m_syncLabel = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_listHint = nullptr;
    QLineEdit* m_search = nullptr;
    QWidget* m_alertBanner = nullptr;
    QVBoxLayout* m_alertLayout = nullptr;
    QListWidget* m_guideList = nullptr;
    guide_view::GuideView* m_stepView = nullptr;
    QWidget* m_optionBox = nullptr;
    QVBoxLayout* m_optionLayout = nullptr;
    std::vector<WrapButton*> m_optionButtons; // the first options.size() are shown
    QWidget* m_buttonRow = nullptr;
    QHBoxLayout* m_buttonsTop = nullptr;
    QHBoxLayout* m_buttonsBottom = nullptr;
    QPushButton* m_backButton = nullptr;
    QPushButton* m_nextButton = nullptr;
    QPushButton* m_feedbackButton = nullptr;
    QPushButton* m_logbookButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    FeedbackPanel* m_feedbackPanel = nullptr;
    LogbookPanel* m_logbookPanel = nullptr;
    QLabel* m_status = nullptr;
    QWidget* m_notice = nullptr;
    QLabel* m_noticeText = nullptr;
    QPushButton* m_noticeView = nullptr;
    DiagnosticsDialog* m_keptAside = nullptr;
    TrayIcon* m_tray = nullptr; // always there; shown when the desktop has a tray
    bool m_hasTray = false;
    // Feedback the desk could not store (a full disk): the panel keeps its
    // texts, about this place, until it is stored or emptied.
    struct HeldFeedback {
        Desk::FeedbackPlace about;
        QString place; // stepPlace() when it was written
    };
    std::optional<HeldFeedback> m_heldFeedback;
    bool m_logbookNotStored = false; // the last entry failed; its text stays
    bool m_quitConfirmed = false;    // confirmQuit() said yes: closing asks no more
    bool m_summonable = false;
    bool m_citizenCanSee = false;
    WrapButton* m_suggestion = nullptr; // "fits your screen: TITLE"
    std::string m_suggested;
    client::WindowContext m_activeWindow; // the last one reported
    QPushButton* m_citizenButton = nullptr;
    QSettings* m_settings;
    Placement m_placement = Placement::Right;
    std::vector<QAction*> m_placementActions; // the menu's right, left, floating
    QAction* m_keepEdgeFreeAction = nullptr;
    bool m_keepEdgeFree = false;
    ScreenEdge m_reservedEdge = ScreenEdge::Right;
    int m_reservedWidth = 0; // of the strut set now; 0: none
    bool m_alertsExpanded = false;
    QWidget* m_header = nullptr;
    QPoint m_dragOffset; // from the window's corner to the mouse, while dragging
    int m_unreadAlerts = 0;
};

} // namespace souffleur::overlay
