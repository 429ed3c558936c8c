// The After Action Review workspace (aar_page.h).
#include "aar_page.h"

#include "async.h"
#include "privacy_page.h"
#include "projector_window.h"

#include <souffleur/content/parser.h>
#include <souffleur/report/pdf.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <algorithm>

namespace souffleur::studio {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

constexpr int kMonthsBack = 24;
constexpr int kSaveDelayMs = 1000;
const QUrl kReportBase(QStringLiteral("souffleur-report:/"));

// A view for the report core's documents: no script, no network, no menu.
QWebEngineView* documentView(QWidget* parent, const char* name) {
    auto* view = new QWebEngineView(parent);
    view->setObjectName(QString::fromLatin1(name));
    view->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    view->setContextMenuPolicy(Qt::NoContextMenu);
    return view;
}

// The studio's language for dates ("4 december 2026", "4 December 2026").
QLocale dateLocale() {
    return QLocale(AarPage::reportLanguage() == report::Language::English ? QLocale::English
                                                                          : QLocale::Dutch);
}

// "2026-11" -> "november 2026"
QString monthLabel(const QString& month) {
    const QDate date = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
    return dateLocale().toString(date, QStringLiteral("MMMM yyyy"));
}

QString stateWord(const std::string& state) {
    if (state == "doing")
        return AarPage::tr("bezig");
    if (state == "done")
        return AarPage::tr("gedaan");
    if (state == "dropped")
        return AarPage::tr("vervallen");
    return AarPage::tr("open");
}

constexpr std::array<const char*, 4> kStates = {"open", "doing", "done", "dropped"};

} // namespace

report::Language AarPage::reportLanguage() {
    //: The language of the charts and reports: nl or en.
    return tr("nl") == QLatin1String("en") ? report::Language::English : report::Language::Dutch;
}

// --- MeetingClock -------------------------------------------------------------

MeetingClock::MeetingClock(QObject* parent)
    : QObject(parent)
    , m_tick(new QTimer(this)) {
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &MeetingClock::ticked);
}

void MeetingClock::toggle(int question) {
    if (m_running >= 0)
        m_spentMs[static_cast<std::size_t>(m_running)] += m_since.elapsed();
    if (m_running == question) {
        m_running = -1;
        m_tick->stop();
    } else {
        m_running = question;
        m_since.start();
        m_tick->start();
    }
    Q_EMIT ticked();
}

qint64 MeetingClock::elapsedSeconds(int question) const {
    qint64 ms = m_spentMs[static_cast<std::size_t>(question)];
    if (m_running == question)
        ms += m_since.elapsed();
    return ms / 1000;
}

QString MeetingClock::text(int question) const {
    const auto seconds = elapsedSeconds(question);
    const int planned = kPlannedMinutes[static_cast<std::size_t>(question)];
    return tr("%1:%2 van %3:00")
        .arg(seconds / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        .arg(planned, 2, 10, QLatin1Char('0'));
}

bool MeetingClock::overTime(int question) const {
    return elapsedSeconds(question) > kPlannedMinutes[static_cast<std::size_t>(question)] * 60;
}

// --- AarPage ------------------------------------------------------------------

AarPage::AarPage(std::shared_ptr<const ServerSession> server, bool teamLead, QWidget* parent)
    : QWidget(parent)
    , m_server(std::move(server))
    , m_teamLead(teamLead)
    , m_clock(new MeetingClock(this))
    , m_saveTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("aarPage"));
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &AarPage::saveNow);

    // The team's AARs.
    m_team = new QComboBox(this);
    m_team->setObjectName(QStringLiteral("aarTeam"));
    m_team->setAccessibleName(tr("Team"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("aarList"));
    m_list->setAccessibleName(tr("After Action Reviews van het team"));
    m_new = new QPushButton(tr("Nieuwe AAR"), this);
    m_new->setObjectName(QStringLiteral("newAar"));
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 8, 4, 8);
    auto* teamLabel = new QLabel(tr("&Team"), side);
    teamLabel->setBuddy(m_team);
    sideLayout->addWidget(teamLabel);
    sideLayout->addWidget(m_team);
    auto* listLabel = new QLabel(tr("&Bijeenkomsten"), side);
    listLabel->setBuddy(m_list);
    sideLayout->addWidget(listLabel);
    sideLayout->addWidget(m_list, 1);
    sideLayout->addWidget(m_new);
    auto* privacy = new QPushButton(tr("Privacy: wat wordt vastgelegd?"), side);
    privacy->setObjectName(QStringLiteral("privacyButton"));
    connect(privacy, &QPushButton::clicked, this, &AarPage::showPrivacy);
    sideLayout->addWidget(privacy);
    side->setFixedWidth(250);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("aarHeading"));
    m_heading->setStyleSheet(QStringLiteral("font-size:17px;font-weight:bold"));
    m_heading->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("aarTabs"));
    m_tabs->addTab(createPrepareTab(), tr("1. Voorbereiden"));
    m_tabs->addTab(createMeetingTab(), tr("2. Bijeenkomst"));
    m_tabs->addTab(createActionsTab(), tr("3. Acties"));
    m_tabs->addTab(createCloseTab(), tr("4. Afsluiten"));
    auto* main = new QWidget(this);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(4, 8, 8, 8);
    mainLayout->addWidget(m_heading);
    mainLayout->addWidget(m_tabs, 1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(side);
    layout->addWidget(main, 1);

    connect(m_team, &QComboBox::currentTextChanged, this, [this] {
        if (!m_filling)
            loadAars();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_filling || row < 0)
            return;
        openAar(m_list->item(row)->data(Qt::UserRole).toString());
    });
    connect(m_new, &QPushButton::clicked, this, [this] { newAar(); });
    auto* present = new QShortcut(QKeySequence(Qt::Key_F11), this);
    connect(present, &QShortcut::activated, this, &AarPage::showProjector);
    connect(m_clock, &MeetingClock::ticked, this, [this] {
        for (int i = 0; i < 4; ++i) {
            const auto index = static_cast<std::size_t>(i);
            m_timers[index]->setText(m_clock->text(i));
            m_timers[index]->setStyleSheet(m_clock->overTime(i)
                                               ? QStringLiteral("color:#a35200;font-weight:bold")
                                               : QStringLiteral("color:#1a1a1a"));
            m_timerButtons[index]->setText(m_clock->running(i) ? tr("Pauze") : tr("Start"));
        }
    });
    setEnabled(true);
}

AarPage::~AarPage() {
    delete m_projector;
}

QWidget* AarPage::createPrepareTab() {
    auto* tab = new QWidget(this);
    m_title = new QLineEdit(tab);
    m_title->setObjectName(QStringLiteral("aarTitle"));
    m_title->setMaxLength(200);
    m_guideChoice = new QListWidget(tab);
    m_guideChoice->setObjectName(QStringLiteral("aarGuides"));
    m_guideChoice->setAccessibleName(tr("Gidsen waar de AAR over gaat"));
    m_guideChoice->setMaximumHeight(110);
    m_from = new QComboBox(tab);
    m_from->setObjectName(QStringLiteral("aarFrom"));
    m_to = new QComboBox(tab);
    m_to->setObjectName(QStringLiteral("aarTo"));
    const QDate now = QDate::currentDate();
    for (int back = kMonthsBack; back >= 0; --back) {
        const QString month = now.addMonths(-back).toString(QStringLiteral("yyyy-MM"));
        m_from->addItem(monthLabel(month), month);
        m_to->addItem(monthLabel(month), month);
    }
    m_evidenceView = documentView(tab, "aarEvidence");
    connect(m_evidenceView, &QWebEngineView::loadFinished, this, &AarPage::evidenceShown);

    auto* form = new QFormLayout;
    form->addRow(tr("&Titel"), m_title);
    form->addRow(tr("&Gidsen"), m_guideChoice);
    auto* period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("t/m"), tab));
    period->addWidget(m_to);
    period->addStretch(1);
    form->addRow(tr("Periode"), period);
    auto* note = new QLabel(tr("Cijfers tellen alleen mee als er per teammaand minstens 5 balies "
                               "achter zitten: ze gaan over de gids en het team, nooit over een "
                               "persoon."),
                            tab);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color:#444"));
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_evidenceView, 1);

    connect(m_title, &QLineEdit::textEdited, this, &AarPage::scheduleSave);
    connect(m_guideChoice, &QListWidget::itemChanged, this, [this] {
        if (m_filling)
            return;
        saveNow();
        fetchLabels();
        loadEvidence();
    });
    for (auto* box : {m_from, m_to}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, box] {
            if (m_filling)
                return;
            // Keep from <= to.
            if (m_from->currentIndex() > m_to->currentIndex()) {
                m_filling = true;
                (box == m_from ? m_to : m_from)->setCurrentIndex(box->currentIndex());
                m_filling = false;
            }
            saveNow();
            loadEvidence();
        });
    }
    return tab;
}

QWidget* AarPage::createMeetingTab() {
    auto* tab = new QWidget(this);
    auto* grid = new QGridLayout;
    for (int i = 0; i < 4; ++i) {
        const auto index = static_cast<std::size_t>(i);
        auto* box = new QGroupBox(qs(report::questionTitle(i, reportLanguage())), tab);
        box->setStyleSheet(QStringLiteral("QGroupBox{font-weight:bold}"));
        auto* edit = new QPlainTextEdit(box);
        edit->setObjectName(QStringLiteral("answer%1").arg(i + 1));
        edit->setAccessibleName(box->title());
        edit->setPlaceholderText(tr("Aantekeningen van de gespreksleider…"));
        m_answers[index] = edit;
        m_timers[index] = new QLabel(m_clock->text(i), box);
        m_timers[index]->setObjectName(QStringLiteral("timer%1").arg(i + 1));
        m_timerButtons[index] = new QPushButton(tr("Start"), box);
        m_timerButtons[index]->setObjectName(QStringLiteral("timerButton%1").arg(i + 1));
        m_timerButtons[index]->setAccessibleName(tr("Timer van vraag %1").arg(i + 1));
        auto* row = new QHBoxLayout;
        row->addWidget(m_timers[index]);
        row->addStretch(1);
        row->addWidget(m_timerButtons[index]);
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->addLayout(row);
        boxLayout->addWidget(edit, 1);
        grid->addWidget(box, i / 2, i % 2);
        connect(edit, &QPlainTextEdit::textChanged, this, [this] {
            if (!m_filling)
                scheduleSave();
        });
        connect(m_timerButtons[index], &QPushButton::clicked, this,
                [this, i] { m_clock->toggle(i); });
    }
    auto* present = new QPushButton(tr("Presenteren op het scherm (F11)"), tab);
    present->setObjectName(QStringLiteral("present"));
    connect(present, &QPushButton::clicked, this, &AarPage::showProjector);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(grid, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(tr("Eén vraag tegelijk, groot, met het bewijs ernaast."), tab));
    bottom->addStretch(1);
    bottom->addWidget(present);
    layout->addLayout(bottom);
    return tab;
}

QWidget* AarPage::createActionsTab() {
    auto* tab = new QWidget(this);
    m_actions = new QTableWidget(0, 5, tab);
    m_actions->setObjectName(QStringLiteral("aarActions"));
    m_actions->setHorizontalHeaderLabels(
        {tr("Actie"), tr("Eigenaar"), tr("Uiterlijk"), tr("Stand"), tr("Bij de redactie")});
    m_actions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_actions->horizontalHeader()->setSectionResizeMode(4, QHeaderView::ResizeToContents);
    m_actions->verticalHeader()->hide();
    m_actions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_carriedTable = new QTableWidget(0, 4, tab);
    m_carriedTable->setObjectName(QStringLiteral("carriedActions"));
    m_carriedTable->setHorizontalHeaderLabels(
        {tr("Actie"), tr("Eigenaar"), tr("Stand"), tr("Uit de AAR")});
    m_carriedTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_carriedTable->verticalHeader()->hide();
    m_carriedTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_carriedTable->setMaximumHeight(130);

    m_actionText = new QLineEdit(tab);
    m_actionText->setObjectName(QStringLiteral("actionText"));
    m_actionText->setMaxLength(1000);
    m_actionText->setPlaceholderText(tr("Wat gaan we doen?"));
    m_actionOwner = new QLineEdit(tab);
    m_actionOwner->setObjectName(QStringLiteral("actionOwner"));
    m_actionOwner->setMaxLength(100);
    m_actionOwner->setPlaceholderText(tr("Wie (een rol of een naam)"));
    m_actionDue = new QDateEdit(QDate::currentDate().addDays(14), tab);
    m_actionDue->setObjectName(QStringLiteral("actionDue"));
    m_actionDue->setCalendarPopup(true);
    m_actionDue->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_actionGuide = new QComboBox(tab);
    m_actionGuide->setObjectName(QStringLiteral("actionGuide"));
    m_actionStep = new QComboBox(tab);
    m_actionStep->setObjectName(QStringLiteral("actionStep"));
    auto* add = new QPushButton(tr("Actie toevoegen"), tab);
    add->setObjectName(QStringLiteral("addAction"));
    connect(m_actionGuide, &QComboBox::currentIndexChanged, this, [this] {
        m_actionStep->clear();
        m_actionStep->addItem(tr("(de hele gids)"), QString());
        const auto labels = m_labels.find(m_actionGuide->currentData().toString().toStdString());
        if (labels == m_labels.end())
            return;
        for (const auto& step : labels->second.stepOrder)
            m_actionStep->addItem(qs(labels->second.stepLabel.at(step)), qs(step));
    });
    connect(add, &QPushButton::clicked, this, [this] {
        addAction(m_actionText->text().trimmed(), m_actionOwner->text().trimmed(),
                  m_actionDue->date().toString(Qt::ISODate),
                  m_actionGuide->currentData().toString(), m_actionStep->currentData().toString());
    });
    connect(m_actionText, &QLineEdit::returnPressed, add, &QPushButton::click);

    auto* form = new QGridLayout;
    form->addWidget(new QLabel(tr("Actie"), tab), 0, 0);
    form->addWidget(m_actionText, 0, 1, 1, 3);
    form->addWidget(new QLabel(tr("Eigenaar"), tab), 1, 0);
    form->addWidget(m_actionOwner, 1, 1);
    form->addWidget(new QLabel(tr("Uiterlijk"), tab), 1, 2);
    form->addWidget(m_actionDue, 1, 3);
    form->addWidget(new QLabel(tr("Over gids"), tab), 2, 0);
    form->addWidget(m_actionGuide, 2, 1);
    form->addWidget(new QLabel(tr("Stap"), tab), 2, 2);
    form->addWidget(m_actionStep, 2, 3);
    form->addWidget(add, 3, 3);
    form->setColumnStretch(1, 1);
    auto* explain = new QLabel(tr("Een actie over een gids komt in de inbox van die gids bij de "
                                  "redactie; wat zij ermee doen, ziet u hier terug."),
                               tab);
    explain->setWordWrap(true);
    explain->setStyleSheet(QStringLiteral("color:#444"));

    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_actions, 1);
    layout->addWidget(explain);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Nog open uit eerdere AAR's:"), tab));
    layout->addWidget(m_carriedTable);
    return tab;
}

QWidget* AarPage::createCloseTab() {
    auto* tab = new QWidget(this);
    m_lesson = new QPlainTextEdit(tab);
    m_lesson->setObjectName(QStringLiteral("aarLesson"));
    m_lesson->setAccessibleName(tr("Les voor andere teams"));
    m_lesson->setPlaceholderText(tr("Wat kunnen andere teams hiervan leren?"));
    m_lesson->setMaximumHeight(90);
    m_share = new QCheckBox(tr("Deze les &delen met de andere teams"), tab);
    m_share->setObjectName(QStringLiteral("aarShare"));
    m_close = new QPushButton(tr("AAR afsluiten"), tab);
    m_close->setObjectName(QStringLiteral("closeAar"));
    auto* html = new QPushButton(tr("Opslaan als HTML…"), tab);
    html->setObjectName(QStringLiteral("saveHtml"));
    auto* pdf = new QPushButton(tr("Opslaan als PDF…"), tab);
    pdf->setObjectName(QStringLiteral("savePdf"));
    m_reportView = documentView(tab, "aarReport");
    connect(m_lesson, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_filling)
            scheduleSave();
    });
    connect(m_share, &QCheckBox::toggled, this, [this] {
        if (!m_filling)
            saveNow();
    });
    connect(m_close, &QPushButton::clicked, this,
            [this] { close(m_lesson->toPlainText(), m_share->isChecked()); });
    const auto save = [this](const QString& filter, const QString& suffix) {
        const QString name = QFileDialog::getSaveFileName(
            this, tr("Verslag opslaan"),
            QString::fromStdString(m_aar ? m_aar->title : "aar") + suffix, filter);
        if (!name.isEmpty())
            saveReport(name);
    };
    connect(html, &QPushButton::clicked, this,
            [save] { save(tr("Webpagina (*.html)"), QStringLiteral(".html")); });
    connect(pdf, &QPushButton::clicked, this,
            [save] { save(tr("PDF (*.pdf)"), QStringLiteral(".pdf")); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_share);
    buttons->addStretch(1);
    buttons->addWidget(html);
    buttons->addWidget(pdf);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(tab);
    auto* lessonLabel = new QLabel(tr("&Les voor andere teams"), tab);
    lessonLabel->setBuddy(m_lesson);
    layout->addWidget(lessonLabel);
    layout->addWidget(m_lesson);
    layout->addLayout(buttons);
    layout->addWidget(m_reportView, 1);
    return tab;
}

QString AarPage::team() const {
    return m_team->currentText();
}

std::vector<std::string> AarPage::chosenGuides() const {
    std::vector<std::string> out;
    for (int i = 0; i < m_guideChoice->count(); ++i) {
        const auto* item = m_guideChoice->item(i);
        if (item->checkState() == Qt::Checked)
            out.push_back(item->data(Qt::UserRole).toString().toStdString());
    }
    return out;
}

void AarPage::reload() {
    auto server = m_server;
    runAsync(
        this,
        [server] {
            return std::pair{server->teams(), server->guides()};
        },
        [this](std::pair<SessionResult<std::vector<std::string>>,
                         SessionResult<std::vector<GuideSummary>>>
                   loaded) {
            if (!loaded.first || !loaded.second) {
                Q_EMIT message(
                    tr("Teams en gidsen ophalen lukt niet: %1")
                        .arg(qs((!loaded.first ? loaded.first.error() : loaded.second.error())
                                    .toString())));
                return;
            }
            m_filling = true;
            const QString before = m_team->currentText();
            m_team->clear();
            for (const auto& name : *loaded.first)
                m_team->addItem(qs(name));
            if (const int index = m_team->findText(before); index >= 0)
                m_team->setCurrentIndex(index);
            m_team->setEnabled(!m_teamLead && m_team->count() > 1);
            m_guides = std::move(*loaded.second);
            std::ranges::sort(m_guides, {}, &GuideSummary::title);
            m_filling = false;
            loadAars();
        });
}

void AarPage::loadAars(const QString& selectId) {
    auto server = m_server;
    const std::string teamName = team().toStdString();
    runAsync(
        this, [server, teamName] { return server->aars(teamName); },
        [this, selectId](SessionResult<std::vector<protocol::Aar>> aars) {
            if (!aars) {
                Q_EMIT message(
                    tr("De AAR's ophalen lukt niet: %1").arg(qs(aars.error().toString())));
                return;
            }
            m_filling = true;
            m_list->clear();
            int select = aars->empty() ? -1 : 0;
            for (const auto& aar : *aars) {
                const QDate day = QDate::fromString(qs(aar.at), Qt::ISODate);
                auto* item = new QListWidgetItem(
                    tr("%1\n%2 · %3")
                        .arg(qs(aar.title.empty() ? "AAR" : aar.title),
                             dateLocale().toString(day, QStringLiteral("d MMM yyyy")),
                             aar.state == "final" ? tr("afgesloten") : tr("concept")),
                    m_list);
                item->setData(Qt::UserRole, qs(aar.id));
                if (qs(aar.id) == selectId)
                    select = m_list->count() - 1;
            }
            if (select >= 0 && m_aar &&
                m_list->item(select)->data(Qt::UserRole).toString() == qs(m_aar->id)) {
                // The one on screen: selected, not opened again (what is typed stays).
                m_list->setCurrentRow(select);
                m_filling = false;
                return;
            }
            m_filling = false;
            if (select >= 0) {
                m_list->setCurrentRow(select);
            } else {
                m_aar.reset();
                m_heading->setText(tr("Nog geen AAR voor dit team. Begin met \"Nieuwe AAR\"."));
                m_tabs->setEnabled(false);
            }
        });
}

void AarPage::newAar(const QString& title, const QStringList& guides) {
    // A draft at once, for last month and the guides of the last AAR (or
    // those asked for); the facilitator adjusts it in "Voorbereiden".
    std::vector<std::string> about;
    for (const auto& guide : guides)
        about.push_back(guide.toStdString());
    if (about.empty() && m_aar)
        about = m_aar->guides;
    if (about.empty() && !m_guides.empty())
        about.push_back(m_guides.front().id);
    const QDate lastMonth = QDate::currentDate().addMonths(-1);
    const std::string month = lastMonth.toString(QStringLiteral("yyyy-MM")).toStdString();
    const QString name = title.isEmpty() ? tr("AAR %1").arg(dateLocale().toString(
                                               QDate::currentDate(), QStringLiteral("d MMMM yyyy")))
                                         : title;
    auto server = m_server;
    const std::string teamName = m_teamLead ? std::string() : team().toStdString();
    runAsync(
        this,
        [server, teamName, name = name.toStdString(), about, month] {
            return server->createAar(teamName, name, about, month, month);
        },
        [this](SessionResult<ServerSession::AarWithCarried> created) {
            if (!created) {
                Q_EMIT message(
                    tr("Een nieuwe AAR maken lukt niet: %1").arg(qs(created.error().toString())));
                return;
            }
            Q_EMIT message(tr("Nieuwe AAR gemaakt: kies de gidsen en de periode."));
            show(*created);
            loadAars(qs(created->aar.id));
            m_tabs->setCurrentIndex(0);
            m_title->setFocus();
            m_title->selectAll();
        });
}

void AarPage::openAar(const QString& id) {
    auto server = m_server;
    runAsync(
        this, [server, id = id.toStdString()] { return server->aar(id); },
        [this](SessionResult<ServerSession::AarWithCarried> loaded) {
            if (!loaded) {
                Q_EMIT message(
                    tr("De AAR openen lukt niet: %1").arg(qs(loaded.error().toString())));
                return;
            }
            show(*loaded);
        });
}

void AarPage::show(const ServerSession::AarWithCarried& loaded) {
    // Another AAR: what was typed in this one is saved first.
    if (m_aar && m_aar->id != loaded.aar.id && m_saveTimer->isActive())
        saveNow();
    m_filling = true;
    m_aar = loaded.aar;
    m_carried = loaded.carried;
    m_tabs->setEnabled(true);
    const auto& aar = *m_aar;
    m_heading->setText(tr("%1 — %2").arg(qs(aar.title), qs(aar.team)) +
                       (aar.state == "final" ? tr(" (afgesloten)") : QString()));
    m_title->setText(qs(aar.title));
    m_guideChoice->clear();
    for (const auto& guide : m_guides) {
        auto* item = new QListWidgetItem(qs(guide.title), m_guideChoice);
        item->setData(Qt::UserRole, qs(guide.id));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(std::ranges::find(aar.guides, guide.id) != aar.guides.end()
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
    const auto pick = [](QComboBox* box, const std::string& month) {
        const int index = box->findData(qs(month.substr(0, 7)));
        box->setCurrentIndex(index >= 0 ? index : box->count() - 1);
    };
    pick(m_from, aar.from);
    pick(m_to, aar.to);
    const std::array<const std::string*, 4> answers = {&aar.expected, &aar.happened, &aar.why,
                                                       &aar.improve};
    for (std::size_t i = 0; i < 4; ++i) {
        if (m_answers[i]->toPlainText() != qs(*answers[i]))
            m_answers[i]->setPlainText(qs(*answers[i]));
    }
    m_lesson->setPlainText(qs(aar.lesson));
    m_share->setChecked(aar.shared);
    m_close->setEnabled(aar.state != "final");
    m_close->setText(aar.state == "final" ? tr("Afgesloten") : tr("AAR afsluiten"));
    m_actionGuide->clear();
    m_actionGuide->addItem(tr("(geen gids: voor het team)"), QString());
    for (const auto& id : aar.guides) {
        const auto found = std::ranges::find(m_guides, id, &GuideSummary::id);
        m_actionGuide->addItem(qs(found == m_guides.end() ? id : found->title), qs(id));
    }
    m_filling = false;
    fillActions();
    fetchLabels();
    loadEvidence();
    Q_EMIT aarOpened();
}

void AarPage::fillActions() {
    m_actions->setRowCount(0);
    if (!m_aar)
        return;
    for (const auto& action : m_aar->actions) {
        const int row = m_actions->rowCount();
        m_actions->insertRow(row);
        QString about = qs(action.text);
        if (action.guide)
            about += QStringLiteral(" (") + qs(*action.guide) +
                     (action.step ? QStringLiteral(" › ") + qs(*action.step) : QString()) +
                     QStringLiteral(")");
        m_actions->setItem(row, 0, new QTableWidgetItem(about));
        m_actions->setItem(row, 1, new QTableWidgetItem(qs(action.owner)));
        m_actions->setItem(row, 2, new QTableWidgetItem(qs(action.due.value_or(""))));
        auto* state = new QComboBox(m_actions);
        state->setAccessibleName(tr("Stand van de actie"));
        for (const char* value : kStates)
            state->addItem(stateWord(value), QString::fromLatin1(value));
        state->setCurrentIndex(state->findData(qs(action.state)));
        const int position = action.position;
        connect(state, &QComboBox::currentIndexChanged, this, [this, state, position] {
            setActionState(position, state->currentData().toString());
        });
        m_actions->setCellWidget(row, 3, state);
        QString editors;
        if (action.feedbackId)
            editors = qs(report::actionStateName(
                [&] {
                    auto copy = action;
                    copy.state = "open";
                    return copy;
                }(),
                reportLanguage()));
        m_actions->setItem(row, 4, new QTableWidgetItem(editors));
    }
    m_carriedTable->setRowCount(0);
    for (const auto& action : m_carried) {
        if (m_aar && action.aarId == m_aar->id)
            continue;
        const int row = m_carriedTable->rowCount();
        m_carriedTable->insertRow(row);
        m_carriedTable->setItem(row, 0, new QTableWidgetItem(qs(action.text)));
        m_carriedTable->setItem(row, 1, new QTableWidgetItem(qs(action.owner)));
        m_carriedTable->setItem(
            row, 2, new QTableWidgetItem(qs(report::actionStateName(action, reportLanguage()))));
        m_carriedTable->setItem(row, 3,
                                new QTableWidgetItem(qs(action.aarTitle) + QStringLiteral(" (") +
                                                     qs(action.aarAt) + QStringLiteral(")")));
    }
}

void AarPage::fetchLabels() {
    auto server = m_server;
    std::vector<std::string> missing;
    for (const auto& guide : chosenGuides())
        if (!m_labels.contains(guide))
            missing.push_back(guide);
    if (missing.empty())
        return;
    runAsync(
        this,
        [server, missing] {
            std::map<std::string, report::GuideLabels> out;
            for (const auto& id : missing) {
                auto xml = server->guideXml(id);
                if (!xml)
                    continue;
                if (auto guide = content::parseGuide(*xml, id))
                    out[id] = report::GuideLabels::of(*guide);
            }
            return out;
        },
        [this](std::map<std::string, report::GuideLabels> labels) {
            for (auto& [id, names] : labels)
                m_labels[id] = std::move(names);
            // The charts and the action form use the guides' own words.
            if (m_evidence) {
                const auto input = reportInput();
                m_evidenceView->setHtml(qs(report::evidenceHtml(input)), kReportBase);
                m_reportView->setHtml(qs(report::reportHtml(input)), kReportBase);
            }
            const int index = m_actionGuide->currentIndex();
            Q_EMIT m_actionGuide->currentIndexChanged(index);
        });
}

void AarPage::loadEvidence() {
    if (!m_aar)
        return;
    const auto guides = chosenGuides();
    const std::string from = m_from->currentData().toString().toStdString();
    const std::string to = m_to->currentData().toString().toStdString();
    const std::string teamName = m_aar->team;
    auto server = m_server;
    const int asked = ++m_evidenceAsked;
    runAsync(
        this,
        [server, guides, from, to, teamName] {
            return guides.empty() ? SessionResult<protocol::Evidence>(protocol::Evidence{})
                                  : server->evidence(guides, from, to, teamName);
        },
        [this, asked](SessionResult<protocol::Evidence> evidence) {
            if (asked != m_evidenceAsked)
                return; // the AAR or its period changed since: a newer answer comes
            if (!evidence) {
                Q_EMIT message(
                    tr("Het bewijs ophalen lukt niet: %1").arg(qs(evidence.error().toString())));
                return;
            }
            m_evidence = std::move(*evidence);
            const auto input = reportInput();
            m_evidenceView->setHtml(qs(report::evidenceHtml(input)), kReportBase);
            m_reportView->setHtml(qs(report::reportHtml(input)), kReportBase);
            if (m_projector && m_projector->isVisible())
                m_projector->showQuestion(m_projector->question());
        });
}

report::ReportInput AarPage::reportInput() const {
    report::ReportInput input;
    if (m_aar) {
        protocol::Aar aar = *m_aar;
        // What is on screen, saved or not yet.
        aar.title = m_title->text().toStdString();
        aar.expected = m_answers[0]->toPlainText().toStdString();
        aar.happened = m_answers[1]->toPlainText().toStdString();
        aar.why = m_answers[2]->toPlainText().toStdString();
        aar.improve = m_answers[3]->toPlainText().toStdString();
        aar.lesson = m_lesson->toPlainText().toStdString();
        input.aar = std::move(aar);
    }
    if (m_evidence)
        input.evidence = *m_evidence;
    if (input.evidence.team.empty() && m_aar)
        input.evidence.team = m_aar->team;
    for (const auto& action : m_carried)
        if (std::ranges::none_of(input.evidence.openActions, [&](const protocol::AarAction& a) {
                return a.aarId == action.aarId && a.position == action.position;
            }))
            input.evidence.openActions.push_back(action);
    input.labels = m_labels;
    input.language = reportLanguage();
    input.generatedAt =
        dateLocale()
            .toString(QDateTime::currentDateTime(), QStringLiteral("d MMMM yyyy HH:mm"))
            .toStdString();
    return input;
}

void AarPage::scheduleSave() {
    if (m_aar)
        m_saveTimer->start();
}

AarChange AarPage::changeOnScreen() const {
    AarChange change;
    change.title = m_title->text().trimmed().toStdString();
    if (change.title->empty())
        change.title.reset();
    change.expected = m_answers[0]->toPlainText().toStdString();
    change.happened = m_answers[1]->toPlainText().toStdString();
    change.why = m_answers[2]->toPlainText().toStdString();
    change.improve = m_answers[3]->toPlainText().toStdString();
    change.lesson = m_lesson->toPlainText().toStdString();
    change.shared = m_share->isChecked();
    change.guides = chosenGuides();
    change.from = m_from->currentData().toString().toStdString();
    change.to = m_to->currentData().toString().toStdString();
    return change;
}

void AarPage::saveNow() {
    m_saveTimer->stop();
    if (!m_aar)
        return;
    const AarChange change = changeOnScreen();
    auto server = m_server;
    runAsync(
        this, [server, id = m_aar->id, change] { return server->saveAar(id, change); },
        [this, id = m_aar->id](SessionResult<ServerSession::AarWithCarried> stored) {
            if (!stored) {
                Q_EMIT message(tr("Opslaan lukt niet: %1").arg(qs(stored.error().message)));
                return;
            }
            if (!m_aar || m_aar->id != id)
                return; // another AAR is on screen now
            // Keep what is on screen (the facilitator may type on); take the rest.
            m_aar->state = stored->aar.state;
            m_aar->guides = stored->aar.guides;
            m_aar->from = stored->aar.from;
            m_aar->to = stored->aar.to;
            m_aar->actions = stored->aar.actions;
            m_carried = stored->carried;
            Q_EMIT message(tr("Opgeslagen."));
            Q_EMIT saved();
        });
}

void AarPage::addAction(const QString& text, const QString& owner, const QString& due,
                        const QString& guide, const QString& step) {
    if (!m_aar)
        return;
    if (text.isEmpty()) {
        Q_EMIT message(tr("Schrijf eerst op wat de actie is."));
        m_actionText->setFocus();
        return;
    }
    NewAarAction action{text.toStdString(), owner.toStdString(),
                        due.isEmpty() ? std::nullopt : std::optional(due.toStdString()),
                        guide.isEmpty() ? std::nullopt : std::optional(guide.toStdString()),
                        step.isEmpty() || guide.isEmpty() ? std::nullopt
                                                          : std::optional(step.toStdString())};
    auto server = m_server;
    runAsync(
        this, [server, id = m_aar->id, action] { return server->addAction(id, action); },
        [this](SessionResult<protocol::AarAction> added) {
            if (!added) {
                Q_EMIT message(
                    tr("De actie toevoegen lukt niet: %1").arg(qs(added.error().message)));
                return;
            }
            if (!m_aar || m_aar->id != added->aarId)
                return;
            m_aar->actions.push_back(*added);
            m_actionText->clear();
            m_actionOwner->clear();
            fillActions();
            Q_EMIT message(added->feedbackId
                               ? tr("Actie toegevoegd; ze staat nu in de inbox van de gids.")
                               : tr("Actie toegevoegd."));
            Q_EMIT saved();
        });
}

void AarPage::setActionState(int position, const QString& state) {
    if (!m_aar)
        return;
    auto server = m_server;
    runAsync(
        this,
        [server, id = m_aar->id, position, state = state.toStdString()] {
            return server->setActionState(id, position, state);
        },
        [this](SessionResult<protocol::AarAction> updated) {
            if (!updated) {
                Q_EMIT message(
                    tr("De stand bijwerken lukt niet: %1").arg(qs(updated.error().message)));
                return;
            }
            if (!m_aar || m_aar->id != updated->aarId)
                return;
            for (auto& action : m_aar->actions)
                if (action.position == updated->position)
                    action = *updated;
            Q_EMIT message(tr("Stand van de actie bijgewerkt."));
            Q_EMIT saved();
        });
}

void AarPage::close(const QString& lesson, bool share) {
    if (!m_aar)
        return;
    m_filling = true;
    m_lesson->setPlainText(lesson);
    m_share->setChecked(share);
    m_filling = false;
    // Everything on screen and the state in one save, so nothing typed is lost.
    m_saveTimer->stop();
    AarChange change = changeOnScreen();
    change.state = "final";
    auto server = m_server;
    runAsync(
        this, [server, id = m_aar->id, change] { return server->saveAar(id, change); },
        [this](SessionResult<ServerSession::AarWithCarried> closed) {
            if (!closed) {
                Q_EMIT message(tr("Afsluiten lukt niet: %1").arg(qs(closed.error().message)));
                return;
            }
            show(*closed);
            loadAars(qs(closed->aar.id));
            Q_EMIT message(tr("De AAR is afgesloten."));
            Q_EMIT saved();
        });
}

void AarPage::saveReport(const QString& file, std::function<void(bool)> done) {
    // The report core's own document, HTML or PDF: the same as `souffleur aar-report` writes.
    const auto input = reportInput();
    const bool pdf = file.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive);
    const std::string bytes = pdf ? report::reportPdf(input) : report::reportHtml(input);
    QFile out(file);
    const bool ok = out.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                    out.write(bytes.data(), static_cast<qint64>(bytes.size())) ==
                        static_cast<qint64>(bytes.size());
    Q_EMIT message(ok ? tr("Verslag opgeslagen: %1").arg(file)
                      : tr("Het verslag opslaan lukt niet: %1").arg(file));
    if (done)
        done(ok);
}

PrivacyPage* AarPage::showPrivacy() {
    auto* page = new PrivacyPage(m_server, this);
    page->setAttribute(Qt::WA_DeleteOnClose);
    page->show();
    return page;
}

void AarPage::showProjector() {
    if (!m_aar)
        return;
    if (!m_projector)
        m_projector = new ProjectorWindow(*this);
    // The whole screen this window is on (a projector is often a second screen).
    m_projector->setGeometry(screen()->geometry());
    m_projector->showFullScreen();
    m_projector->showQuestion(m_projector->question());
    m_projector->activateWindow();
}

} // namespace souffleur::studio
