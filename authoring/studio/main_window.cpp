// The studio's window (main_window.h).
#include "main_window.h"

#include "aar_page.h"
#include "async.h"
#include "editor_page.h"
#include "health_page.h"
#include "notices_button.h"
#include "review_page.h"

#include <souffleur/content/writer.h>
#include <souffleur/studio/notice_listener.h>

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace souffleur::studio {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

MainWindow::MainWindow(std::shared_ptr<const ServerSession> server, Journal* journal,
                       QString account, AccountKind kind, QWidget* parent)
    : QMainWindow(parent)
    , m_server(std::move(server))
    , m_journal(journal)
    , m_account(std::move(account))
    , m_kind(kind) {
    setObjectName(QStringLiteral("studio"));
    m_modes = new QListWidget(this);
    m_modes->setObjectName(QStringLiteral("workspaces"));
    m_modes->setAccessibleName(tr("Werkruimtes"));
    m_modes->setFixedWidth(112);
    m_modes->setStyleSheet(
        QStringLiteral("QListWidget{background:#1f3a5f;color:white;border:none;font-size:14px}"
                       "QListWidget::item{padding:14px 8px}"
                       "QListWidget::item:selected{background:#2f5d8f;color:white}"));
    m_modes->addItem(tr("Bibliotheek"));
    m_modes->addItem(tr("Bewerken"));
    m_modes->addItem(tr("Beoordelen"));
    m_modes->addItem(tr("Gezondheid"));
    m_modes->addItem(tr("Leren"));

    m_library = new LibraryPage(m_server, this);
    m_editor = new EditorPage(m_server, this);
    m_review = new ReviewPage(m_server, this);
    m_health = new HealthPage(m_server, this);
    m_aar = new AarPage(m_server, kind == AccountKind::TeamLead, this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_library);
    m_pages->addWidget(m_editor);
    m_pages->addWidget(m_review);
    m_pages->addWidget(m_health);
    m_pages->addWidget(m_aar);
    m_notices = new NoticesButton(m_server, this);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_modes);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    auto* who = new QLabel(tr("Aangemeld bij %1").arg(m_account), this);
    statusBar()->addPermanentWidget(m_notices);
    statusBar()->addPermanentWidget(who);

    connect(m_modes, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_library, &LibraryPage::message, this, &MainWindow::status);
    connect(m_editor, &EditorPage::message, this, &MainWindow::status);
    connect(m_library, &LibraryPage::openRequested, this,
            [this](const OpenRequest& request) { open(request); });
    connect(m_editor, &EditorPage::documentChanged, this, &MainWindow::updateTitle);
    connect(m_editor, &EditorPage::openGuideRequested, this, [this](const QString& id) {
        int revision = 0;
        for (const auto& entry : m_editor->library())
            if (entry.id == id.toStdString())
                revision = entry.revision;
        if (revision == 0) {
            status(tr("'%1' staat niet in de bibliotheek.").arg(id));
            return;
        }
        open({id.toStdString(), revision, std::nullopt, revision});
    });
    connect(m_editor, &EditorPage::saveFinished, this, [this](bool stored) {
        if (stored)
            m_library->reload();
    });
    connect(m_review, &ReviewPage::message, this, &MainWindow::status);
    connect(m_review, &ReviewPage::reviewed, m_library, &LibraryPage::reload);
    connect(m_review, &ReviewPage::openGuideRequested, this, [this](const QString& id) {
        const int revision = m_library->newestRevision(id.toStdString());
        if (revision > 0)
            open({id.toStdString(), revision, std::nullopt, revision});
    });
    connect(m_health, &HealthPage::message, this, &MainWindow::status);
    connect(m_health, &HealthPage::openGuideRequested, this, [this](const QString& id) {
        const int revision = m_library->newestRevision(id.toStdString());
        if (revision > 0)
            open({id.toStdString(), revision, std::nullopt, revision});
    });
    connect(m_aar, &AarPage::message, this, &MainWindow::status);
    connect(m_modes, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row == 3)
            m_health->reload();
        if (row == 4 && !m_aarLoaded) {
            m_aarLoaded = true;
            m_aar->reload();
        }
    });
    connect(m_notices, &NoticesButton::message, this, &MainWindow::status);
    connect(m_notices, &NoticesButton::noticeChosen, this, [this](const protocol::Notice& notice) {
        if (notice.kind == "feedback" || notice.kind == "rejected" || notice.kind == "approved") {
            const int revision = m_library->newestRevision(notice.guideId);
            if (revision > 0)
                open({notice.guideId, revision, std::nullopt, revision});
            return;
        }
        showReview();
        m_review->showRevision(notice.guideId, notice.revision);
    });
    buildMenus();
    if (kind == AccountKind::TeamLead) {
        // A team lead: its team's After Action Reviews, nothing of the editors'.
        for (int row = 0; row < 4; ++row)
            m_modes->item(row)->setHidden(true);
        m_notices->hide();
        menuBar()->hide();
        m_modes->setCurrentRow(4);
        updateTitle();
        return;
    }
    m_modes->setCurrentRow(0);
    updateTitle();
    m_library->reload();
    m_review->reload();
    m_notices->reload();

    // The push channel: notices for this account, and word that the content changed.
    NoticeListener::Callbacks callbacks;
    callbacks.notice = [this](const protocol::Notice& notice) {
        QMetaObject::invokeMethod(
            this, [this, notice] { m_notices->add(notice); }, Qt::QueuedConnection);
    };
    callbacks.changed = [this] {
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_library->reload();
                m_review->reload();
            },
            Qt::QueuedConnection);
    };
    m_listener = std::make_unique<NoticeListener>(m_server->address(), m_server->token(),
                                                  std::move(callbacks));
    m_listener->start();
}

MainWindow::~MainWindow() {
    m_listener.reset(); // no callback after this point
}

void MainWindow::buildMenus() {
    auto add = [this](QMenu* menu, const QString& text, const QKeySequence& keys, auto slot) {
        auto* action = menu->addAction(text);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    QMenu* file = menuBar()->addMenu(tr("&Bestand"));
    add(file, tr("&Nieuwe gids…"), QKeySequence::New, [this] { m_library->newGuide(); });
    add(file, tr("&Importeren…"), QKeySequence(Qt::CTRL | Qt::Key_I),
        [this] { m_library->importFile(); });
    add(file, tr("&Exporteren…"), QKeySequence(Qt::CTRL | Qt::Key_E),
        [this] { m_library->exportSelected(); });
    file->addSeparator();
    file->addAction(m_editor->saveAction());
    file->addAction(m_editor->submitAction());
    file->addAction(m_editor->historyAction());
    file->addSeparator();
    add(file, tr("&Afsluiten"), QKeySequence::Quit, [this] { close(); });

    QMenu* edit = menuBar()->addMenu(tr("B&ewerken"));
    for (QAction* action : m_editor->editActions()) {
        edit->addAction(action);
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z))
            edit->addSeparator();
    }

    QMenu* view = menuBar()->addMenu(tr("Beel&d"));
    add(view, tr("&Bibliotheek"), QKeySequence(Qt::CTRL | Qt::Key_1), [this] { showLibrary(); });
    add(view, tr("B&ewerken"), QKeySequence(Qt::CTRL | Qt::Key_2), [this] { showEditor(); });
    add(view, tr("Be&oordelen"), QKeySequence(Qt::CTRL | Qt::Key_3), [this] {
        showReview();
        m_review->reload();
    });
    add(view, tr("&Gezondheid"), QKeySequence(Qt::CTRL | Qt::Key_4), [this] { showHealth(); });
    add(view, tr("&Leren (AAR)"), QKeySequence(Qt::CTRL | Qt::Key_5), [this] { showAar(); });
    add(view, tr("&Zoeken in de bibliotheek"), QKeySequence::Find, [this] {
        showLibrary();
        m_library->searchField()->setFocus();
        m_library->searchField()->selectAll();
    });
    view->addSeparator();
    view->addAction(m_editor->sourceAction());
    view->addAction(m_editor->tryOutAction());
    view->addAction(m_editor->mapAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    add(help, tr("&Sneltoetsen"), QKeySequence::HelpContents, [this] {
        QStringList lines;
        for (QMenu* menu : menuBar()->findChildren<QMenu*>())
            for (QAction* action : menu->actions())
                if (!action->shortcut().isEmpty())
                    lines << QStringLiteral("%1\t%2").arg(
                        action->shortcut().toString(QKeySequence::NativeText),
                        action->text().remove(QLatin1Char('&')));
        lines.removeDuplicates();
        QMessageBox::information(this, tr("Sneltoetsen"), lines.join(QLatin1Char('\n')));
    });
}

void MainWindow::showLibrary() {
    m_modes->setCurrentRow(0);
}
void MainWindow::showEditor() {
    m_modes->setCurrentRow(1);
}
void MainWindow::showReview() {
    m_modes->setCurrentRow(2);
}
void MainWindow::showHealth() {
    m_modes->setCurrentRow(3);
}
void MainWindow::showAar() {
    m_modes->setCurrentRow(4);
}
bool MainWindow::isAarShown() const {
    return m_modes->currentRow() == 4;
}

void MainWindow::status(const QString& text) {
    statusBar()->showMessage(text, 15000);
}

std::string MainWindow::journalKey(const std::string& guideId) const {
    return m_server->url() + " " + guideId;
}

void MainWindow::updateTitle() {
    const auto* session = m_editor->session();
    if (!session) {
        setWindowTitle(tr("Souffleur Studio"));
        return;
    }
    const bool modified = session->model().modified();
    const QString state =
        session->baseRevision() == 0 ? tr("nieuw") : tr("revisie %1").arg(session->baseRevision());
    setWindowTitle(tr("%1%2 (%3) — Souffleur Studio")
                       .arg(modified ? QStringLiteral("\u25CF ") : QString(),
                            qs(session->guide().title), state));
    m_modes->item(1)->setText(modified ? tr("Bewerken \u25CF") : tr("Bewerken"));
}

// The organisation's plain-language policy: IT sets it for every author in
// the system-wide settings (/etc/xdg/souffleur/souffleur-studio.conf,
// [readability] target=65, sentence-words=20, word-letters=15); an author's
// own settings file may hold it too. Without either, the defaults.
content::ReadabilityPolicy MainWindow::organisationReadability() {
    QSettings settings;
    content::ReadabilityPolicy policy;
    policy.targetScore =
        settings.value(QStringLiteral("readability/target"), policy.targetScore).toDouble();
    policy.maxSentenceWords =
        settings.value(QStringLiteral("readability/sentence-words"), policy.maxSentenceWords)
            .toInt();
    policy.maxWordLetters =
        settings.value(QStringLiteral("readability/word-letters"), policy.maxWordLetters).toInt();
    return policy;
}

void MainWindow::open(const OpenRequest& request, std::function<void(bool)> opened) {
    if (const auto* current = m_editor->session(); current && current->model().modified())
        status(tr("De wijzigingen in '%1' blijven bewaard; ze komen terug als u die gids opent.")
                   .arg(qs(current->guide().title)));
    const std::string key = journalKey(request.id);
    EditModelOptions options;
    options.name = request.id;
    options.readability = organisationReadability();
    // The journal first: what was typed and not saved comes back.
    if (m_journal) {
        if (auto entry = m_journal->find(key); entry && entry->has_value()) {
            if (auto recovered = GuideSession::recover(**entry, m_journal, options)) {
                m_editor->open(std::make_unique<GuideSession>(std::move(*recovered)));
                showEditor();
                status(tr("Niet-opgeslagen wijzigingen teruggezet (van %1).")
                           .arg(qs((*entry)->savedAt)));
                if (opened)
                    opened(true);
                return;
            }
        }
    }
    if (request.guide) {
        content::Guide guide = *request.guide;
        EditModel model(std::move(guide), options);
        auto session = std::make_unique<GuideSession>(std::move(model), key, request.base,
                                                      std::string(), m_journal);
        if (request.base > 0) {
            // An import over a guide that exists: merged against nothing,
            // saved on top of the newest revision.
            status(tr("Let op: deze gids bestaat al; opslaan maakt er revisie %1 van.")
                       .arg(request.base + 1));
        }
        session->markNew();
        m_editor->open(std::move(session));
        showEditor();
        if (opened)
            opened(true);
        return;
    }
    status(tr("Gids openen…"));
    const auto server = m_server;
    const std::string id = request.id;
    const int revision = request.revision;
    runAsync(
        this, [server, id, revision] { return server->revisionXml(id, revision); },
        [this, key, revision, options, opened](SessionResult<std::string> xml) {
            if (!xml) {
                status(tr("De gids kan niet worden geopend: %1").arg(qs(xml.error().toString())));
                if (opened)
                    opened(false);
                return;
            }
            auto model = EditModel::fromXml(*xml, options);
            if (!model) {
                status(tr("De gids is niet te lezen: %1").arg(qs(model.error().front().message)));
                if (opened)
                    opened(false);
                return;
            }
            m_editor->open(std::make_unique<GuideSession>(std::move(*model), key, revision,
                                                          std::move(*xml), m_journal));
            showEditor();
            status(tr("Revisie %1 geopend.").arg(revision));
            if (opened)
                opened(true);
        });
}

void MainWindow::offerRecovery(bool ask) {
    if (!m_journal)
        return;
    auto unsaved = m_journal->unsaved();
    if (!unsaved)
        return;
    const std::string prefix = m_server->url() + " ";
    for (auto it = unsaved->rbegin(); it != unsaved->rend(); ++it) {
        if (!it->key.starts_with(prefix))
            continue;
        if (ask) {
            auto model = EditModel::fromXml(it->xml);
            const QString title = model ? qs(model->guide().title) : qs(it->guide);
            const auto answer =
                QMessageBox::question(this, tr("Werk terugzetten"),
                                      tr("Er zijn wijzigingen in '%1' die nog niet zijn opgeslagen "
                                         "(van %2). Terugzetten?")
                                          .arg(title, qs(it->savedAt)),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
            if (answer != QMessageBox::Yes)
                return;
        }
        open({it->guide, it->baseRevision, std::nullopt, it->baseRevision});
        return;
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    const auto* session = m_editor->session();
    if (!session || !session->model().modified()) {
        event->accept();
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Niet opgeslagen"),
                    tr("'%1' heeft wijzigingen die nog niet op de server staan. Ze blijven op deze "
                       "computer bewaard en komen terug bij de volgende start.")
                        .arg(qs(session->guide().title)),
                    QMessageBox::NoButton, this);
    auto* save = box.addButton(tr("Eerst opslaan"), QMessageBox::AcceptRole);
    auto* later = box.addButton(tr("Afsluiten, later verder"), QMessageBox::DestructiveRole);
    box.addButton(tr("Annuleren"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == later) {
        event->accept();
    } else if (box.clickedButton() == save) {
        event->ignore();
        connect(
            m_editor, &EditorPage::saveFinished, this,
            [this](bool stored) {
                if (stored)
                    close();
            },
            Qt::SingleShotConnection);
        m_editor->save();
    } else {
        event->ignore();
    }
}

} // namespace souffleur::studio
