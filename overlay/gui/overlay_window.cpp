// The panel window (see overlay_window.h).
#include "overlay_window.h"

#include "desk.h"
#include "diagnostics_dialog.h"
#include "feedback_panel.h"
#include "logbook_panel.h"
#include "tray_icon.h"
#include "window_placement.h"
#include "wrap_button.h"

#include <souffleur/content/render.h>
#include <souffleur/desktop/windows.h>
#include <souffleur/guide_view/guide_view.h>
#include <souffleur/guide_view/page.h>

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCursor>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWindow>

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace souffleur::overlay {
namespace {

constexpr int kMinWidth = 300;
constexpr int kMaxWidth = 420;
constexpr int kGuideIdRole = Qt::UserRole;
constexpr int kShowableRole = Qt::UserRole + 1; // false: waits for an update of the desk

// Buttons share the panel's width and never widen it: a long label is cut.
QPushButton* createButton(const QString& label, QWidget* parent) {
    auto* button = new QPushButton(label, parent);
    button->setAccessibleName(label);
    button->setToolTip(label);
    button->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    return button;
}

void logError(const QString& message) {
    std::fprintf(stderr, "souffleur-overlay: %s\n", qPrintable(message));
}

// The panel runs all day: at quiet moments (hidden, a guide closed) the heap
// that pages and sessions used and freed goes back to the system, which
// glibc would otherwise keep (about 20 MB after a few hundred steps).
void releaseFreedMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace

OverlayWindow::OverlayWindow(Desk& desk, Language language, const QString& settingsFile)
    // Not Qt::Tool: see window_placement.h.
    : QWidget(nullptr, Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint)
    , m_desk(desk)
    , m_language(language)
    , m_text(uiText())
    , m_settings(new QSettings(settingsFile, QSettings::IniFormat, this)) {
    setAttribute(Qt::WA_ShowWithoutActivating); // never take the focus from the desk's application
    setWindowTitle(m_text.title);
    setAccessibleName(m_text.title);
    setWindowIcon(stateIcon(desk.syncState()));

    // Kept up to date in any case (what it says can be read from it), shown
    // only where the desktop has a tray.
    m_tray = new TrayIcon(m_text, this);
    m_tray->setObjectName(QStringLiteral("tray"));
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_hasTray = true;
        connect(m_tray, &TrayIcon::toggleRequested, this, &OverlayWindow::togglePanel);
        connect(m_tray, &TrayIcon::showRequested, this, [this] {
            handle({InstanceRequest::Kind::Show, {}});
        });
        connect(m_tray, &TrayIcon::quitRequested, this, [this] {
            if (confirmQuit())
                QApplication::quit(); // closes this window: closeEvent() asks no more
        });
        connect(m_tray, &TrayIcon::keptAsideRequested, this, &OverlayWindow::showKeptAside);
        m_tray->show();
    }

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createListPage());
    m_stepView = new guide_view::GuideView(m_pages);
    m_stepView->setImageSource([this](const QString& hash) { return m_desk.image(hash); });
    m_stepView->setAccessibleName(m_text.stepView);
    m_pages->addWidget(m_stepView);

    m_optionBox = new QWidget(this);
    m_optionBox->setAccessibleName(m_text.choices);
    m_optionLayout = new QVBoxLayout(m_optionBox);
    m_optionLayout->setContentsMargins(0, 0, 0, 0);

    m_feedbackPanel = new FeedbackPanel(m_text, this);
    m_feedbackPanel->hide();
    connect(m_feedbackPanel, &FeedbackPanel::submitted, this,
            [this](client::FeedbackKind kind, const QString& text, const QString& suggestion) {
                sendFeedback(kind, text, suggestion);
            });

    m_logbookPanel = new LogbookPanel(m_text, m_language, this);
    m_logbookPanel->hide();
    connect(m_logbookPanel, &LogbookPanel::submitted, this,
            [this](const QString& text, bool attachStep) { addLogbookEntry(text, attachStep); });
    connect(m_logbookPanel, &LogbookPanel::inputChanged, this, [this](const QString& text) {
        m_logbookPanel->pointAtPersonalData(personalDataKinds(text));
    });
    connect(m_logbookPanel, &LogbookPanel::closed, this, [this] {
        // The keys go back to the step (Enter, Backspace, ...) or the search.
        if (m_desk.engine())
            setFocus();
        else
            m_search->setFocus();
    });

    m_status = new QLabel(this);
    m_status->hide(); // shown with a text (setStatus)
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(m_text.status);

    m_notice = new QWidget(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setAttribute(Qt::WA_StyledBackground); // amber while records wait (refreshNotice)
    m_noticeText = new QLabel(m_notice);
    m_noticeText->setWordWrap(true);
    m_noticeView = new QPushButton(m_text.view, m_notice);
    m_noticeView->setObjectName(QStringLiteral("view-kept-aside"));
    m_noticeView->setAccessibleName(m_text.diagnosticsTitle);
    connect(m_noticeView, &QPushButton::clicked, this, &OverlayWindow::showKeptAside);
    auto* noticeRow = new QHBoxLayout(m_notice);
    noticeRow->setContentsMargins(0, 0, 0, 0);
    noticeRow->addWidget(m_noticeText, 1);
    noticeRow->addWidget(m_noticeView);
    m_notice->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addWidget(createHeader());
    layout->addWidget(createAlertBanner());
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_optionBox);
    layout->addWidget(createButtonRow());
    layout->addWidget(m_feedbackPanel);
    layout->addWidget(m_logbookPanel);
    layout->addWidget(m_status);
    layout->addWidget(m_notice);

    connect(&m_desk, &Desk::syncStateChanged, this, &OverlayWindow::showSyncState);
    connect(&m_desk, &Desk::guidesChanged, this, [this] {
        m_desk.prepareSearch();
        refreshGuides();
        refreshAlerts();
        refreshPage();           // an alert may have come for the step on screen
        suggest(m_activeWindow); // the new guides may fit the active window
        refreshNotice();         // something may wait for an update
        refreshLogbook();        // a guide's title or steps may have changed
    });
    connect(&m_desk, &Desk::imagesChanged, this, [this] { refreshPage(); });
    connect(&m_desk, &Desk::recordsAcked, this, &OverlayWindow::onRecordsAcked);
    connect(&m_desk, &Desk::unsavedChanged, this, &OverlayWindow::refreshNotice);
    connect(&m_desk, &Desk::recordsRefused, this, &OverlayWindow::refreshNotice);
    connect(&m_desk, &Desk::sessionChanged, this, &OverlayWindow::showSession);
    // A step change is painted first and stored after (Desk::commitStepRecords()).
    connect(m_stepView, &guide_view::GuideView::painted, &m_desk, &Desk::commitStepRecords);
    connect(&m_desk, &Desk::logbookChanged, this, &OverlayWindow::refreshLogbook);
    connect(&m_desk, &Desk::recordsAcked, this, &OverlayWindow::refreshLogbook);
    connect(&m_desk, &Desk::syncStateChanged, this, &OverlayWindow::refreshLogbook);
    if (QScreen* screen = QGuiApplication::primaryScreen())
        connect(screen, &QScreen::availableGeometryChanged, this, &OverlayWindow::dock);

    auto* watcher = new desktop::ActiveWindowWatcher(this);
    connect(watcher, &desktop::ActiveWindowWatcher::changed, this, &OverlayWindow::suggest);
    watcher->start();

    showSyncState(m_desk.syncState());
    m_desk.prepareSearch();
    refreshGuides();
    refreshAlerts();
    refreshNotice();
    showSession();
    dock();
}

void OverlayWindow::setStatus(const QString& text) {
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void OverlayWindow::refreshNotice() {
    const std::size_t unsaved = m_desk.unsavedRecords();
    const bool diskFull = m_desk.unsavedForFullDisk();
    const std::size_t waiting = m_desk.pendingContent().size();
    const std::int64_t refused = m_desk.rejectedRecords();
    QString text;
    // Records in memory only come first: they are what could still be lost.
    m_notice->setStyleSheet(unsaved > 0 ? QStringLiteral("#notice { background: #fff3d6; "
                                                         "border-left: 4px solid #e08a00; }")
                                        : QString());
    m_notice->layout()->setContentsMargins(unsaved > 0 ? 6 : 0, unsaved > 0 ? 3 : 0, 0,
                                           unsaved > 0 ? 3 : 0);
    if (unsaved > 0)
        text = (diskFull ? m_text.diskFullNotice : m_text.unsavedNotice).arg(unsaved);
    else if (waiting > 0)
        text = m_text.updateNotice.arg(waiting);
    else if (refused > 0)
        text = m_text.rejectedNotice.arg(refused);
    m_noticeText->setText(text);
    m_notice->setVisible(!text.isEmpty());
    // What waits in memory is not in the kept-aside view; the rest is.
    m_noticeView->setVisible(waiting > 0 || refused > 0);
    if (m_keptAside && m_keptAside->isVisible())
        m_keptAside->refresh();
    m_tray->setUnsaved(unsaved, diskFull);
    setWindowIcon(stateIcon(m_desk.syncState(), m_unreadAlerts > 0, unsaved > 0));
}

void OverlayWindow::showKeptAside() {
    if (!m_keptAside)
        m_keptAside = new DiagnosticsDialog(m_desk, m_text, this);
    m_keptAside->refresh();
    m_keptAside->show();
    m_keptAside->raise();
}

QWidget* OverlayWindow::createHeader() {
    auto* header = new QWidget(this);
    header->setObjectName(QStringLiteral("header"));
    header->setAccessibleName(m_text.title);
    // The state of the desk's copy, a coloured dot and a word: what matters
    // at a glance, and short enough for the header in every language (the
    // window manager and the tray name the panel "Souffleur").
    m_syncDot = new QLabel(QStringLiteral("●"), header);
    m_syncLabel = new QLabel(header);
    m_syncLabel->setObjectName(QStringLiteral("sync-state"));
    QFont bold = m_syncLabel->font();
    bold.setBold(true);
    m_syncLabel->setFont(bold);

    // Without a tray icon a hidden panel could not come back: the button quits instead.
    const QString& hideLabel = m_hasTray ? m_text.hidePanel : m_text.quit;
    auto* hideButton = new QPushButton(QStringLiteral("✕"), header);
    hideButton->setObjectName(QStringLiteral("hide"));
    hideButton->setAccessibleName(hideLabel);
    hideButton->setToolTip(hideLabel);
    hideButton->setFlat(true);
    if (m_hasTray)
        connect(hideButton, &QPushButton::clicked, this, &OverlayWindow::hidePanel);
    else
        connect(hideButton, &QPushButton::clicked, this, [this] {
            if (confirmQuit())
                QApplication::quit(); // closes this window: closeEvent() asks no more
        });

    m_citizenButton = new QPushButton(m_text.citizenShort, header);
    m_citizenButton->setObjectName(QStringLiteral("citizen"));
    m_citizenButton->setCheckable(true);
    m_citizenButton->setFlat(true);
    m_citizenButton->setAccessibleName(m_text.citizenCanSee);
    m_citizenButton->setToolTip(m_text.citizenCanSee);
    connect(m_citizenButton, &QPushButton::toggled, this, &OverlayWindow::setCitizenCanSee);

    // The menu: where the panel sits, whether it keeps the screen edge free,
    // and what the desk keeps aside.
    auto* menuButton = new QToolButton(header);
    menuButton->setObjectName(QStringLiteral("menu"));
    menuButton->setText(QStringLiteral("☰"));
    menuButton->setAccessibleName(m_text.menu);
    menuButton->setToolTip(m_text.menu);
    menuButton->setAutoRaise(true);
    menuButton->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(menuButton);
    auto* placements = new QActionGroup(menu);
    for (const auto& [placement, label] : {std::pair{Placement::Right, &m_text.placedRight},
                                           {Placement::Left, &m_text.placedLeft},
                                           {Placement::Floating, &m_text.placedFloating}}) {
        QAction* action = menu->addAction(*label);
        action->setCheckable(true);
        action->setData(static_cast<int>(placement));
        placements->addAction(action);
        connect(action, &QAction::triggered, this, [this, p = placement] { setPlacement(p); });
        m_placementActions.push_back(action);
    }
    menu->addSeparator();
    m_keepEdgeFreeAction = menu->addAction(m_text.keepEdgeFree);
    m_keepEdgeFreeAction->setCheckable(true);
    connect(m_keepEdgeFreeAction, &QAction::toggled, this, &OverlayWindow::setKeepEdgeFree);
    menu->addSeparator();
    connect(menu->addAction(m_text.showKeptAside), &QAction::triggered, this,
            &OverlayWindow::showKeptAside);
    menuButton->setMenu(menu);

    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    row->addWidget(m_syncDot);
    row->addWidget(m_syncLabel);
    row->addStretch(1);
    row->addWidget(m_citizenButton);
    row->addWidget(menuButton);
    row->addWidget(hideButton);
    m_header = header;
    header->installEventFilter(this); // a floating panel is dragged by its header
    return header;
}

QWidget* OverlayWindow::createListPage() {
    auto* page = new QWidget(this);
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(m_text.searchPlaceholder);
    m_search->setAccessibleName(m_text.search);
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &OverlayWindow::refreshGuides);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { openFirstListed(); });
    // A quiet suggestion from the active window: shown, never started by itself.
    m_suggestion = new WrapButton(QString(), page);
    m_suggestion->setObjectName(QStringLiteral("suggestion"));
    m_suggestion->setFlat(true);
    m_suggestion->hide();
    connect(m_suggestion, &QPushButton::clicked, this, [this] {
        if (!m_suggested.empty() && !m_desk.engine())
            openGuide(m_suggested);
    });
    m_listHint = new QLabel(page);
    m_listHint->setWordWrap(true);
    m_guideList = new QListWidget(page);
    m_guideList->setObjectName(QStringLiteral("guides"));
    m_guideList->setAccessibleName(m_text.guideList);
    m_guideList->setWordWrap(true);
    m_guideList->setSpacing(4);
    const auto openItem = [this](QListWidgetItem* item) {
        if (!m_desk.engine()) // a click may also activate: open once
            openGuide(item->data(kGuideIdRole).toString().toStdString());
    };
    connect(m_guideList, &QListWidget::itemClicked, this, openItem);
    connect(m_guideList, &QListWidget::itemActivated, this, openItem);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_suggestion);
    layout->addWidget(m_listHint);
    layout->addWidget(m_guideList, 1);
    return page;
}

QWidget* OverlayWindow::createButtonRow() {
    m_buttonRow = new QWidget(this);
    m_backButton = createButton(m_text.back, m_buttonRow);
    m_nextButton = createButton(m_text.next, m_buttonRow);
    m_feedbackButton = createButton(m_text.feedback, m_buttonRow);
    m_logbookButton = createButton(m_text.logbook, m_buttonRow);
    m_stopButton = createButton(m_text.stop, m_buttonRow);
    m_backButton->setObjectName(QStringLiteral("back"));
    m_nextButton->setObjectName(QStringLiteral("next"));
    m_feedbackButton->setObjectName(QStringLiteral("feedback"));
    m_logbookButton->setObjectName(QStringLiteral("logbook"));
    m_logbookButton->setToolTip(m_text.logbookTooltip);
    m_logbookButton->setAccessibleName(m_text.logbookHeading);
    m_stopButton->setObjectName(QStringLiteral("stop"));
    connect(m_backButton, &QPushButton::clicked, this, [this] { back(); });
    connect(m_nextButton, &QPushButton::clicked, this, [this] { next(); });
    connect(m_feedbackButton, &QPushButton::clicked, this, &OverlayWindow::toggleFeedback);
    connect(m_logbookButton, &QPushButton::clicked, this, &OverlayWindow::toggleLogbook);
    connect(m_stopButton, &QPushButton::clicked, this, &OverlayWindow::stopGuide);

    // One row, or two on a narrow panel (arrangeButtons()).
    auto* rows = new QVBoxLayout(m_buttonRow);
    rows->setContentsMargins(0, 0, 0, 0);
    m_buttonsTop = new QHBoxLayout;
    m_buttonsBottom = new QHBoxLayout;
    rows->addLayout(m_buttonsTop);
    rows->addLayout(m_buttonsBottom);
    for (QPushButton* button :
         {m_backButton, m_nextButton, m_feedbackButton, m_logbookButton, m_stopButton})
        m_buttonsTop->addWidget(button);
    return m_buttonRow;
}

void OverlayWindow::arrangeButtons() {
    const std::array<QPushButton*, 5> all{m_backButton, m_nextButton, m_feedbackButton,
                                          m_logbookButton, m_stopButton};
    int spacing = m_buttonsTop->spacing();
    if (spacing < 0) // the style's
        spacing = std::max(0, style()->layoutSpacing(QSizePolicy::PushButton,
                                                     QSizePolicy::PushButton, Qt::Horizontal));
    int needed = -spacing;
    for (const QPushButton* button : all)
        needed += button->isHidden() ? 0 : button->sizeHint().width() + spacing;
    const QMargins margins = layout()->contentsMargins();
    const bool oneRow = needed <= width() - margins.left() - margins.right();
    for (QPushButton* button : all) {
        m_buttonsTop->removeWidget(button);
        m_buttonsBottom->removeWidget(button);
    }
    // Two rows: the step's (back, next, stop) above, the notes (feedback,
    // logbook) below.
    const std::array<QPushButton*, 5> twoRows{m_backButton, m_nextButton, m_stopButton,
                                              m_feedbackButton, m_logbookButton};
    for (QPushButton* button : oneRow ? all : twoRows) {
        const bool note = button == m_feedbackButton || button == m_logbookButton;
        (oneRow || !note ? m_buttonsTop : m_buttonsBottom)->addWidget(button);
    }
}

QWidget* OverlayWindow::createAlertBanner() {
    m_alertBanner = new QWidget(this);
    m_alertBanner->setObjectName(QStringLiteral("alerts"));
    m_alertBanner->setAccessibleName(m_text.alerts);
    m_alertLayout = new QVBoxLayout(m_alertBanner);
    m_alertLayout->setContentsMargins(0, 0, 0, 4);
    m_alertLayout->setSpacing(2);
    m_alertBanner->hide();
    return m_alertBanner;
}

void OverlayWindow::setCitizenCanSee(bool on) {
    m_citizenCanSee = on;
    if (m_citizenButton->isChecked() != on)
        m_citizenButton->setChecked(on); // from the test hook
    refreshAlerts();
    showSession(); // renders the step again, and hides the feedback
}

namespace {

QString alertColor(const std::string& level) {
    return level == "critical"  ? QStringLiteral("#8b0000")
           : level == "warning" ? QStringLiteral("#7a4a00")
                                : QStringLiteral("#1f3a5f");
}

// A row of the alert banner: a wrapping text and a button, white on `color`.
QWidget* alertRow(QWidget* parent, const QString& color, QLabel* text, QPushButton* button) {
    auto* row = new QWidget(parent);
    row->setObjectName(QStringLiteral("alert-row"));
    row->setAttribute(Qt::WA_StyledBackground);
    row->setStyleSheet(QStringLiteral("#alert-row { background: %1; } #alert-row QLabel "
                                      "{ color: white; }")
                           .arg(color));
    text->setParent(row);
    text->setWordWrap(true);
    button->setParent(row);
    button->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // never squeezed away
    auto* line = new QHBoxLayout(row);
    line->setContentsMargins(6, 3, 6, 3);
    line->addWidget(text, 1);
    line->addWidget(button, 0, Qt::AlignVCenter);
    return row;
}

} // namespace

// The alerts not yet read, in as little height as will do: one alert is one
// row with its "read" button; more are one summary row (how many, and the most
// important's title) that expands into a row per alert.
void OverlayWindow::refreshAlerts() {
    while (QLayoutItem* item = m_alertLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    std::vector<client::AlertEntry> unread;
    for (client::AlertEntry& alert : m_desk.alerts()) {
        if (!alert.acknowledged)
            unread.push_back(std::move(alert)); // most severe first, newest first
    }
    const QString newestTitle =
        unread.empty() ? QString() : QString::fromStdString(unread.front().title);
    if (unread.size() > 1) {
        QStringList titles;
        for (const client::AlertEntry& alert : unread)
            titles << QString::fromStdString(alert.title);
        auto* summary = new QLabel(m_text.alertsSummary.arg(unread.size()));
        summary->setObjectName(QStringLiteral("alerts-summary"));
        summary->setTextFormat(Qt::PlainText);
        summary->setToolTip(titles.join(QLatin1Char('\n')));
        summary->setAccessibleDescription(titles.join(QStringLiteral("; ")));
        auto* expand =
            new QPushButton(m_alertsExpanded ? m_text.collapseAlerts : m_text.showAllAlerts);
        expand->setObjectName(QStringLiteral("expand-alerts"));
        connect(expand, &QPushButton::clicked, this, [this] {
            m_alertsExpanded = !m_alertsExpanded;
            QTimer::singleShot(0, this, &OverlayWindow::refreshAlerts); // not in this slot
        });
        m_alertLayout->addWidget(
            alertRow(m_alertBanner, alertColor(unread.front().level), summary, expand));
    }
    if (unread.size() == 1 || m_alertsExpanded) {
        for (const client::AlertEntry& alert : unread) {
            auto* title = new QLabel(QString::fromStdString(alert.title));
            title->setTextFormat(Qt::PlainText);
            title->setAccessibleName(
                QStringLiteral("%1: %2").arg(m_text.alerts, QString::fromStdString(alert.title)));
            const QString& label = alert.mustAcknowledge ? m_text.confirmRead : m_text.acknowledge;
            auto* read = new QPushButton(label);
            read->setObjectName(QStringLiteral("read-alert"));
            read->setAccessibleName(
                QStringLiteral("%1: %2").arg(label, QString::fromStdString(alert.title)));
            const std::string id = alert.id;
            connect(read, &QPushButton::clicked, this, [this, id] { acknowledgeAlert(id); });
            m_alertLayout->addWidget(alertRow(m_alertBanner, alertColor(alert.level), title, read));
        }
    }
    const int shown = static_cast<int>(unread.size());
    if (shown == 0)
        m_alertsExpanded = false;
    m_alertBanner->setVisible(shown > 0 && !m_citizenCanSee); // fraud signals stay internal
    m_unreadAlerts = shown;
    setWindowIcon(stateIcon(m_desk.syncState(), m_unreadAlerts > 0, m_desk.unsavedRecords() > 0));
    m_tray->setUnreadAlerts(shown, newestTitle);
}

std::expected<void, QString> OverlayWindow::acknowledgeAlert(const std::string& alertId) {
    auto acknowledged = m_desk.acknowledgeAlert(alertId); // its signal refreshes the banner
    if (!acknowledged) {
        // Nothing stored: the banner keeps asking, and says why.
        setStatus(acknowledged.error().diskFull ? m_text.ackDiskFull : m_text.ackFailed);
        return logged(std::unexpected(acknowledged.error().message));
    }
    if (m_status->text() == m_text.ackDiskFull || m_status->text() == m_text.ackFailed)
        setStatus({});
    return {};
}

void OverlayWindow::suggest(const client::WindowContext& window) {
    m_activeWindow = window;
    const auto hits = m_desk.suggestFor(window);
    m_suggested = hits.empty() ? std::string() : hits.front().id;
    if (hits.empty()) {
        m_suggestion->hide();
        return;
    }
    m_suggestion->setLabel(m_text.suggestion.arg(QString::fromStdString(hits.front().title)));
    m_suggestion->show();
}

void OverlayWindow::setSearchText(const QString& text) {
    m_search->setText(text);
}

std::vector<std::string> OverlayWindow::listedGuides() const {
    std::vector<std::string> out;
    for (int row = 0; row < m_guideList->count(); ++row)
        out.push_back(m_guideList->item(row)->data(kGuideIdRole).toString().toStdString());
    return out;
}

std::expected<void, QString> OverlayWindow::openFirstListed() {
    if (m_guideList->count() == 0)
        return std::unexpected(QStringLiteral("the list is empty"));
    const QListWidgetItem* item =
        m_guideList->currentItem() ? m_guideList->currentItem() : m_guideList->item(0);
    return openGuide(item->data(kGuideIdRole).toString().toStdString());
}

void OverlayWindow::openWhenAvailable(const std::string& guideId) {
    m_pendingOpen = guideId;
    refreshGuides();
}

std::expected<void, QString> OverlayWindow::openGuide(const std::string& guideId) {
    auto opened = m_desk.openGuide(guideId);
    if (!opened) {
        setStatus(m_desk.waitsForUpdate(guideId) ? m_text.guideNeedsUpdate : m_text.openFailed);
        logError(opened.error());
    }
    return opened;
}

std::expected<void, QString> OverlayWindow::next() {
    return logged(m_desk.next());
}

std::expected<void, QString> OverlayWindow::choose(std::size_t index) {
    return logged(m_desk.choose(index));
}

std::expected<void, QString> OverlayWindow::back() {
    return logged(m_desk.back());
}

void OverlayWindow::stopGuide() {
    m_desk.closeGuide();
    releaseFreedMemory();
}

QString OverlayWindow::stepPlace() const {
    const client::StepEngine* engine = m_desk.engine();
    if (!engine)
        return {};
    int stepNumber = 0;
    QString glance;
    if (engine->state() == client::EngineState::Active) {
        const content::Step& step = engine->currentStep();
        const auto index = engine->guide().stepIndex(step.id);
        stepNumber = index ? static_cast<int>(*index) + 1 : 0;
        glance = QString::fromStdString(step.glance);
    }
    return LogbookPanel::placeText(m_text, QString::fromStdString(engine->guide().title),
                                   stepNumber, glance, true);
}

std::expected<void, QString> OverlayWindow::sendFeedback(client::FeedbackKind kind,
                                                         const QString& text,
                                                         const QString& suggestion) {
    m_feedbackPanel->show();
    m_logbookPanel->hide();
    QStringList kinds = personalDataKinds(text);
    for (const QString& found : personalDataKinds(suggestion)) {
        if (!kinds.contains(found))
            kinds << found;
    }
    if (!kinds.isEmpty()) {
        m_feedbackPanel->showRefused(m_text.privacyRefused.arg(kinds.join(QStringLiteral(", "))));
        return std::unexpected(
            QStringLiteral("refused: personal data (%1)").arg(kinds.join(QStringLiteral(", "))));
    }
    // Feedback that could not be stored stays about the step it was written
    // on, until it is stored; emptied, what is sent is about the step on screen.
    if (m_heldFeedback && text.trimmed().isEmpty() && suggestion.trimmed().isEmpty())
        m_heldFeedback.reset();
    const auto about =
        m_heldFeedback ? std::optional(m_heldFeedback->about) : m_desk.feedbackPlace();
    if (!about) {
        m_feedbackPanel->showFailed();
        return logged(std::unexpected(QStringLiteral("feedback needs a step on screen")));
    }
    const QString place = m_heldFeedback ? m_heldFeedback->place : stepPlace();
    auto sent = m_desk.sendFeedback(*about, kind, text, suggestion);
    if (!sent) {
        // Nothing stored: the panel keeps the texts (also from step to step,
        // showSession()) for another try, and says why.
        m_heldFeedback = HeldFeedback{*about, place};
        if (sent.error().diskFull)
            m_feedbackPanel->showNotSaved(m_text.feedbackDiskFull.arg(place));
        else
            m_feedbackPanel->showFailed();
        return logged(std::unexpected(sent.error().message));
    }
    m_heldFeedback.reset();
    m_feedbackPanel->showQueued(); // until the server acknowledges it: onRecordsAcked()
    return {};
}

void OverlayWindow::toggleFeedback() {
    m_feedbackPanel->setVisible(!m_feedbackPanel->isVisible());
    if (m_feedbackPanel->isVisible())
        m_logbookPanel->hide(); // one at a time: the step keeps its room
}

void OverlayWindow::openLogbook() {
    if (m_citizenCanSee)
        return; // the team's notes are internal
    m_feedbackPanel->hide();
    m_logbookPanel->open();
    refreshLogbook();
    m_desk.refreshLogbook(); // what colleagues wrote since: listed when it comes
}

void OverlayWindow::closeLogbook() {
    if (m_logbookPanel->isVisible()) {
        m_logbookPanel->hide();
        Q_EMIT m_logbookPanel->closed();
    }
}

void OverlayWindow::toggleLogbook() {
    if (m_logbookPanel->isVisible())
        closeLogbook();
    else
        openLogbook();
}

bool OverlayWindow::logbookOpen() const {
    return m_logbookPanel->isVisible();
}

void OverlayWindow::refreshLogbook() {
    if (!m_logbookPanel->isVisible())
        return; // read when it opens
    QString title;
    int stepNumber = 0;
    QString glance;
    if (const client::StepEngine* engine = m_desk.engine()) {
        title = QString::fromStdString(engine->guide().title);
        if (engine->state() == client::EngineState::Active) {
            const content::Step& step = engine->currentStep();
            const auto index = engine->guide().stepIndex(step.id);
            stepNumber = index ? static_cast<int>(*index) + 1 : 0;
            glance = QString::fromStdString(step.glance);
        }
    }
    m_logbookPanel->setAttachment(title, stepNumber, glance);
    m_logbookPanel->setEntries(m_desk.logbook(), m_desk.syncState() != client::SyncState::Online);
}

QStringList OverlayWindow::personalDataKinds(const QString& text) const {
    QStringList kinds;
    for (const auto& finding : Desk::personalDataIn(text)) {
        const QString& name = m_text.personalData[static_cast<int>(finding.kind)];
        if (!kinds.contains(name))
            kinds << name;
    }
    return kinds;
}

std::expected<void, QString> OverlayWindow::addLogbookEntry(const QString& text, bool attachStep) {
    if (m_citizenCanSee)
        return std::unexpected(QStringLiteral("the logbook is hidden while the citizen can see"));
    if (!m_logbookPanel->isVisible())
        openLogbook();
    if (const QStringList kinds = personalDataKinds(text); !kinds.isEmpty()) {
        m_logbookPanel->showRefused(m_text.privacyRefused.arg(kinds.join(QStringLiteral(", "))));
        return std::unexpected(
            QStringLiteral("refused: personal data (%1)").arg(kinds.join(QStringLiteral(", "))));
    }
    auto added = m_desk.addLogbookEntry(text, attachStep);
    m_logbookNotStored = !added;
    if (!added) {
        m_logbookPanel->showFailed(added.error().diskFull); // the text stays
        return logged(std::unexpected(added.error().message));
    }
    m_logbookPanel->showAdded(); // listed as not sent yet, until the server has it
    return {};
}

QString OverlayWindow::unstoredWork() const {
    QStringList parts;
    if (const std::size_t steps = m_desk.unsavedRecords(); steps > 0)
        parts << m_text.quitUnsavedSteps.arg(steps);
    if (m_heldFeedback && m_feedbackPanel->hasText())
        parts << m_text.quitUnsavedNote.arg(m_heldFeedback->place);
    if (m_logbookNotStored && m_logbookPanel->hasText())
        parts << m_text.quitUnsavedLog;
    return parts.join(QStringLiteral(", "));
}

bool OverlayWindow::confirmQuit() {
    if (m_quitConfirmed)
        return true;
    const QString unstored = unstoredWork();
    if (unstored.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, m_text.quitUnsavedTitle,
                    m_text.quitUnsavedText.arg(unstored), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("quit-unsaved"));
    box.setInformativeText(m_text.quitUnsavedAdvice);
    QPushButton* stay = box.addButton(m_text.quitStay, QMessageBox::RejectRole);
    QPushButton* quit = box.addButton(m_text.quitAnyway, QMessageBox::DestructiveRole);
    stay->setObjectName(QStringLiteral("quit-stay"));
    quit->setObjectName(QStringLiteral("quit-anyway"));
    box.setDefaultButton(stay);
    box.setEscapeButton(stay);
    box.exec();
    const bool quitting = box.clickedButton() == quit;
    m_quitConfirmed = quitting;
    std::fprintf(stderr, "souffleur-overlay: asked before quitting (not stored: %s): %s\n",
                 qPrintable(unstored), quitting ? "quit anyway" : "stays open");
    return quitting;
}

void OverlayWindow::hidePanel() {
    if (m_hasTray || m_summonable) {
        hide(); // the window manager gives the focus back to the application below
        releaseFreedMemory();
    }
}

void OverlayWindow::togglePanel() {
    // Hidden, or shown but not in use (another application has the keyboard):
    // summon it. In use: dismiss it, and the focus goes back.
    if (isVisible() && isActiveWindow()) {
        hidePanel();
        return;
    }
    if (!isVisible())
        dock(); // on the screen the user works on now
    show();
    raise();
    activateWindow();
    if (!m_desk.engine())
        m_search->setFocus();
    else
        m_stepView->reportNextPaint(); // for the benchmark (bench_probe.h)
}

void OverlayWindow::setVisible(bool visible) {
    if (visible && !isVisible())
        markAsPanel(*this); // a window manager forgets it with every unmap
    QWidget::setVisible(visible);
    if (visible)
        updateEdge();
    else
        clearEdge(*this); // a hidden panel keeps no strip of the screen
}

void OverlayWindow::handle(const InstanceRequest& request) {
    switch (request.kind) {
    case InstanceRequest::Kind::Toggle:
        togglePanel();
        return;
    case InstanceRequest::Kind::Open:
        if (m_desk.engine())
            setStatus(m_text.opensAfterThisTask);
        openWhenAvailable(request.guideId);
        [[fallthrough]];
    case InstanceRequest::Kind::Show:
        if (!isVisible())
            dock(); // on the screen the user works on now, as the hotkey does
        show();
        raise();
        return;
    }
}

namespace {

const char* placementName(OverlayWindow::Placement placement) {
    switch (placement) {
    case OverlayWindow::Placement::Left:
        return "left";
    case OverlayWindow::Placement::Floating:
        return "floating";
    case OverlayWindow::Placement::Right:
        break;
    }
    return "right";
}

// The screen the user works on: under the mouse, else the primary.
QScreen* currentScreen() {
    if (QScreen* screen = QGuiApplication::screenAt(QCursor::pos()))
        return screen;
    return QGuiApplication::primaryScreen();
}

QString settingsKey(const QScreen& screen, const char* what) {
    // A screen's name ("HDMI-1", ":0.0") may hold a slash, which QSettings reads as a group.
    QString name = screen.name();
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    return QStringLiteral("screen-%1/%2").arg(name, QLatin1String(what));
}

} // namespace

void OverlayWindow::setPlacement(Placement placement) {
    if (const QScreen* screen = currentScreen())
        m_settings->setValue(settingsKey(*screen, "placement"),
                             QLatin1String(placementName(placement)));
    dock();
}

void OverlayWindow::setKeepEdgeFree(bool keep) {
    if (const QScreen* screen = currentScreen())
        m_settings->setValue(settingsKey(*screen, "keep-edge-free"), keep);
    dock();
}

void OverlayWindow::dock() {
    const QScreen* screen = currentScreen();
    if (!screen)
        return;
    const QString saved = m_settings->value(settingsKey(*screen, "placement")).toString();
    m_placement = saved == QLatin1String("left")       ? Placement::Left
                  : saved == QLatin1String("floating") ? Placement::Floating
                                                       : Placement::Right;
    m_keepEdgeFree = m_settings->value(settingsKey(*screen, "keep-edge-free"), false).toBool();
    QRect area = screen->availableGeometry();
    // The strip this panel keeps free is not taken from it: the work area
    // already leaves it out (or soon will), and the panel sits in it.
    if (m_reservedWidth > 0) {
        const QRect full = screen->geometry();
        if (m_reservedEdge == ScreenEdge::Right)
            area.setRight(std::min(full.right(), area.right() + m_reservedWidth));
        else
            area.setLeft(std::max(full.left(), area.left() - m_reservedWidth));
    }
    const int width = std::max(kMinWidth, std::min(area.width() / 4, kMaxWidth));
    if (m_placement == Placement::Floating) {
        // Two thirds of the height, where it was left on this screen (kept on it).
        const int height = area.height() * 2 / 3;
        setFixedSize(width, height);
        const QPoint fallback(area.right() + 1 - width - 24, area.top() + 24);
        QPoint at = m_settings->value(settingsKey(*screen, "position"), fallback).toPoint();
        at.setX(std::clamp(at.x(), area.left(), area.right() + 1 - width));
        at.setY(std::clamp(at.y(), area.top(), area.bottom() + 1 - height));
        move(at);
    } else {
        setFixedSize(width, area.height()); // the layout may not widen the panel off the screen
        move(m_placement == Placement::Left ? area.left() : area.right() + 1 - width, area.top());
    }
    for (QAction* action : m_placementActions)
        action->setChecked(action->data().toInt() == static_cast<int>(m_placement));
    const QSignalBlocker quiet(m_keepEdgeFreeAction);
    m_keepEdgeFreeAction->setChecked(m_keepEdgeFree);
    m_keepEdgeFreeAction->setEnabled(m_placement != Placement::Floating);
    updateEdge();
}

void OverlayWindow::updateEdge() {
    const bool reserve = isVisible() && m_keepEdgeFree && m_placement != Placement::Floating;
    if (!reserve) {
        if (m_reservedWidth > 0)
            clearEdge(*this);
        m_reservedWidth = 0;
        return;
    }
    m_reservedEdge = m_placement == Placement::Left ? ScreenEdge::Left : ScreenEdge::Right;
    m_reservedWidth = width();
    reserveEdge(*this, m_reservedEdge, geometry());
}

bool OverlayWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_header || m_placement != Placement::Floating)
        return QWidget::eventFilter(watched, event);
    const auto* mouse = static_cast<const QMouseEvent*>(event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        if (mouse->button() != Qt::LeftButton)
            break;
        m_dragOffset = mouse->globalPosition().toPoint() - frameGeometry().topLeft();
        return true;
    case QEvent::MouseMove:
        if (!(mouse->buttons() & Qt::LeftButton))
            break;
        move(mouse->globalPosition().toPoint() - m_dragOffset);
        return true;
    case QEvent::MouseButtonRelease:
        if (mouse->button() != Qt::LeftButton)
            break;
        if (const QScreen* screen = currentScreen())
            m_settings->setValue(settingsKey(*screen, "position"),
                                 mouse->globalPosition().toPoint() - m_dragOffset);
        return true;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

// Enter/Space: next; Backspace: back; 1-9: an option; F: feedback; L: the
// team's logbook (also Ctrl+L, from the search field or any text); Esc:
// hide (the logbook, when it has the keyboard, closes first). Keys typed
// into the feedback and logbook texts stay there.
void OverlayWindow::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hidePanel();
        return;
    }
    const bool inText = qobject_cast<QLineEdit*>(focusWidget()) != nullptr;
    if (event->key() == Qt::Key_L && !m_citizenCanSee &&
        (event->modifiers() == Qt::ControlModifier ||
         (event->modifiers() == Qt::NoModifier && !inText))) {
        toggleLogbook();
        return;
    }
    const client::StepEngine* engine = m_desk.engine();
    const bool active = engine && engine->state() == client::EngineState::Active;
    if (!engine && event->key() == Qt::Key_Down && focusWidget() == m_search &&
        m_guideList->count() > 0) {
        m_guideList->setFocus();
        m_guideList->setCurrentRow(0);
        return;
    }
    if (!active || qobject_cast<QLineEdit*>(focusWidget())) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (event->key() == Qt::Key_F && !m_citizenCanSee) {
        m_logbookPanel->hide();
        m_feedbackPanel->open(); // F: feedback on this step, the kinds focused
        return;
    }
    const auto& options = engine->currentStep().options;
    const int key = event->key();
    if ((key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Space) &&
        options.empty()) {
        next();
    } else if (key == Qt::Key_Backspace) {
        back();
    } else if (key >= Qt::Key_1 && key <= Qt::Key_9 &&
               static_cast<std::size_t>(key - Qt::Key_1) < options.size()) {
        choose(static_cast<std::size_t>(key - Qt::Key_1));
    } else {
        QWidget::keyPressEvent(event);
    }
}

void OverlayWindow::closeEvent(QCloseEvent* event) {
    if (!confirmQuit()) {
        event->ignore();
        return;
    }
    QWidget::closeEvent(event);
}

void OverlayWindow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrangeButtons(); // the width decides: one row or two
}

void OverlayWindow::refreshGuides() {
    const QListWidgetItem* selected = m_guideList->currentItem();
    const QString selectedId = selected ? selected->data(kGuideIdRole).toString() : QString();
    m_guideList->clear();
    const QString query = m_search->text().trimmed();
    std::vector<client::GuideEntry> guides;
    if (query.isEmpty()) {
        guides = m_desk.guides();
    } else {
        for (auto& hit : m_desk.search(query))
            guides.push_back({std::move(hit.id), hit.revision, std::move(hit.title)});
    }
    for (const client::GuideEntry& guide : guides) {
        QString title = QString::fromStdString(guide.title);
        if (guide.updateNeeded)
            title += QStringLiteral(" (%1)").arg(m_text.updateNeededTag);
        auto* item = new QListWidgetItem(title, m_guideList);
        const QString id = QString::fromStdString(guide.id);
        item->setData(kGuideIdRole, id);
        item->setData(kShowableRole, guide.showable);
        item->setToolTip(guide.showable ? id : m_text.guideNeedsUpdate);
        if (!guide.showable)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        if (id == selectedId)
            m_guideList->setCurrentItem(item);
    }
    m_listHint->setText(!query.isEmpty() ? (guides.empty() ? m_text.noResults : QString())
                        : guides.empty() ? m_text.noGuides
                                         : m_text.chooseGuide);
    m_listHint->setVisible(!m_listHint->text().isEmpty());

    if (!m_pendingOpen.empty() && !m_desk.engine()) {
        // A guide id, or a deep-link id one of the guides' triggers names.
        if (const std::string id = m_desk.resolveGuide(m_pendingOpen); !id.empty()) {
            m_pendingOpen.clear();
            openGuide(id);
        }
    }
}

void OverlayWindow::showSession() {
    // Feedback that could not be stored stays, with its texts, until it is
    // stored or emptied (internal: hidden while the citizen can see).
    if (m_heldFeedback && !m_feedbackPanel->hasText())
        m_heldFeedback.reset();
    if (m_heldFeedback) {
        if (m_citizenCanSee)
            m_feedbackPanel->hide();
    } else {
        m_feedbackPanel->reset();
        m_feedbackPanel->hide();
    }
    setStatus({});
    // The logbook stays open from step to step (about the step on screen
    // now), but never while the citizen can see the screen.
    m_logbookButton->setVisible(!m_citizenCanSee);
    if (m_citizenCanSee)
        m_logbookPanel->hide();
    refreshLogbook();
    const client::StepEngine* engine = m_desk.engine();
    if (!engine) {
        showOptions({});
        // The list page: the team's logbook only.
        for (QPushButton* button : {m_backButton, m_nextButton, m_feedbackButton, m_stopButton})
            button->hide();
        m_buttonRow->setVisible(!m_citizenCanSee);
        arrangeButtons();
        m_pages->setCurrentIndex(0);
        if (!m_pendingOpen.empty()) // a deep link that came during the last task
            QTimer::singleShot(0, this, &OverlayWindow::refreshGuides);
        return;
    }
    m_backButton->show();
    m_feedbackButton->show();
    m_stopButton->show();

    m_stepView->showHtml(renderPage());
    const bool active = engine->state() == client::EngineState::Active;
    bool plainStep = false;
    if (active) {
        const content::Step& step = engine->currentStep();
        showOptions(step.options);
        plainStep = step.options.empty();
    } else {
        showOptions({});
    }
    m_backButton->setEnabled(engine->canGoBack());
    m_nextButton->setVisible(plainStep);
    m_feedbackButton->setEnabled(active && !m_citizenCanSee);
    const QString& stopLabel = active ? m_text.stop : m_text.toList;
    m_stopButton->setText(stopLabel);
    m_stopButton->setAccessibleName(stopLabel);
    m_stopButton->setToolTip(stopLabel);
    m_buttonRow->show();
    arrangeButtons();
    m_pages->setCurrentWidget(m_stepView);
}

QByteArray OverlayWindow::renderPage() {
    const client::StepEngine* engine = m_desk.engine();
    const guide_view::PageOptions page{
        .language = renderLanguage(m_language),
        .citizenCanSee = m_citizenCanSee,
        .alerts = m_desk.stepAlerts(),
        .hasImage = [this](const std::string& hash) { return m_desk.hasImage(hash); },
        .changeNote = m_desk.sessionChange().note,
        .changeSummary = renderLanguage(m_language) == content::UiLanguage::English
                             ? m_desk.sessionChange().summaryEn
                             : m_desk.sessionChange().summaryNl,
        .tipsApplied = m_desk.sessionChange().tips};
    if (engine->state() == client::EngineState::Active)
        return guide_view::stepPage(engine->guide(), engine->currentStep(), page);
    std::vector<content::TakenStep> taken;
    for (std::size_t i = 0; i < engine->path().size(); ++i) {
        const content::Step* step = engine->guide().findStep(engine->path()[i]);
        const int choice = engine->choices()[i];
        taken.push_back({engine->path()[i],
                         step && choice >= 0 ? step->options[static_cast<std::size_t>(choice)].label
                                             : std::string()});
    }
    return guide_view::finishedPage(engine->guide(), taken, page);
}

void OverlayWindow::refreshPage() {
    if (!m_desk.engine())
        return;
    // In place, and only if something changed: a new alert for this step.
    if (QByteArray page = renderPage(); page != m_stepView->html())
        m_stepView->showHtml(page);
}

void OverlayWindow::showOptions(const std::vector<content::Option>& options) {
    // The buttons are kept and relabelled: a step change makes no widgets.
    for (std::size_t i = m_optionButtons.size(); i < options.size(); ++i) {
        auto* button = new WrapButton(QString(), m_optionBox); // whole, however long
        button->setObjectName(QStringLiteral("option-%1").arg(i + 1));
        connect(button, &QPushButton::clicked, this, [this, i] { choose(i); });
        m_optionLayout->addWidget(button);
        m_optionButtons.push_back(button);
    }
    for (std::size_t i = 0; i < m_optionButtons.size(); ++i) {
        WrapButton* button = m_optionButtons[i];
        if (i < options.size())
            button->setLabel(
                QStringLiteral("%1. %2").arg(i + 1).arg(QString::fromStdString(options[i].label)));
        button->setVisible(i < options.size());
    }
    m_optionBox->setVisible(!options.empty());
}

void OverlayWindow::showSyncState(client::SyncState state) {
    m_syncLabel->setText(syncStateText(m_text, state));
    m_syncLabel->setAccessibleName(syncStateText(m_text, state));
    m_syncDot->setStyleSheet(QStringLiteral("color: %1;")
                                 .arg(state == client::SyncState::Online ? QStringLiteral("#1e7b34")
                                      : state == client::SyncState::Connecting
                                          ? QStringLiteral("#9a6700")
                                          : QStringLiteral("#6b6b6b")));
    setWindowIcon(stateIcon(state, m_unreadAlerts > 0, m_desk.unsavedRecords() > 0));
    m_tray->setSyncState(state);
}

void OverlayWindow::onRecordsAcked() {
    if (m_feedbackPanel->awaitsSending() && m_desk.pendingRecords() == 0)
        m_feedbackPanel->showSent();
}

std::expected<void, QString> OverlayWindow::logged(std::expected<void, QString> result) {
    if (!result)
        logError(result.error());
    return result;
}

} // namespace souffleur::overlay
