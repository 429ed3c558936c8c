// The editor workspace (editor_page.h).
#include "editor_page.h"

#include "async.h"
#include "decision_map_view.h"
#include "finding_text.h"
#include "forms.h"
#include "inbox_panel.h"
#include "library_page.h"
#include "merge_dialog.h"
#include "preview_pane.h"

#include <souffleur/content/blocks.h>
#include <souffleur/content/parser.h>

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace souffleur::studio {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

// The role of the outline's items: the step's id; the first item (the
// guide's own fields) has none.
constexpr int kStepRole = Qt::UserRole + 1;

QString refusalText(const EditError& error) {
    const QString detail = qs(error.detail);
    using Code = EditError::Code;
    switch (error.code) {
    case Code::UnknownStep:
        return EditorPage::tr("De stap '%1' bestaat niet (meer).").arg(detail);
    case Code::InvalidStepId:
        return EditorPage::tr(
                   "'%1' kan geen stap-id zijn: gebruik letters, cijfers, '-', '_' en '.'.")
            .arg(detail);
    case Code::DuplicateStepId:
        return EditorPage::tr("Er is al een stap '%1'.").arg(detail);
    case Code::WrongValueType:
        return EditorPage::tr("Deze waarde past niet in %1.").arg(detail);
    case Code::UnknownTarget:
        return EditorPage::tr("Een keuze gaat naar stap '%1', die niet bestaat.").arg(detail);
    case Code::StepIsTarget:
        return EditorPage::tr("Deze stap kan niet weg: keuzes in %1 gaan ernaartoe. Pas die "
                              "keuzes eerst aan.")
            .arg(detail);
    case Code::LastStep:
        return EditorPage::tr("Een gids houdt minstens één stap.");
    case Code::InvalidDate:
        return EditorPage::tr("'%1' is geen datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld "
                              "2027-12-31.")
            .arg(detail);
    case Code::InvalidId:
        return EditorPage::tr("'%1' kan geen id zijn: gebruik letters, cijfers, '-', '_' en '.'.")
            .arg(detail);
    case Code::InvalidHash:
        return EditorPage::tr("Deze afbeelding is niet geldig.");
    case Code::InvalidTrigger:
        return EditorPage::tr("Een regel bij 'Voorstellen bij' heeft óf een link, óf een "
                              "applicatie en venstertitel.");
    case Code::InvalidLanguage:
        return EditorPage::tr("'%1' is geen taal.").arg(detail);
    case Code::IndexOutOfRange:
        return EditorPage::tr("Die plek bestaat niet.");
    case Code::IdentityChanged:
        return EditorPage::tr("De id van de gids kan hier niet veranderen (%1).").arg(detail);
    }
    return qs(error.message());
}

QString sessionErrorText(const SessionError& error) {
    using Kind = SessionError::Kind;
    switch (error.kind) {
    case Kind::Unreachable:
        return EditorPage::tr("De server is niet bereikbaar (%1). Uw werk blijft bewaard; "
                              "probeer het zo opnieuw.")
            .arg(qs(error.message));
    case Kind::Unauthorized:
        return EditorPage::tr(
            "Uw sleutel (token) wordt niet meer geaccepteerd. Meld u opnieuw aan.");
    case Kind::Forbidden:
        return EditorPage::tr("Dit account mag dit niet (%1).").arg(qs(error.message));
    case Kind::NotFound:
        return EditorPage::tr("Niet gevonden op de server.");
    case Kind::Refused:
    case Kind::ServerError:
        return EditorPage::tr("De server weigert: %1").arg(qs(error.message));
    }
    return qs(error.toString());
}

} // namespace

EditorPage::EditorPage(std::shared_ptr<const ServerSession> server, QWidget* parent)
    : QWidget(parent)
    , m_server(std::move(server)) {
    m_outline = new QListWidget(this);
    m_outline->setObjectName(QStringLiteral("outline"));
    m_outline->setAccessibleName(tr("Stappen van de gids"));
    m_outline->setDragDropMode(QAbstractItemView::InternalMove);
    m_outline->setWordWrap(true);
    m_outline->setTextElideMode(Qt::ElideRight);
    m_outline->setMinimumWidth(180);
    m_outline->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_guideForm = new GuideForm(this);
    m_stepForm = new StepForm(this);
    m_forms = new QStackedWidget(this);
    m_forms->addWidget(m_guideForm);
    m_forms->addWidget(m_stepForm);
    auto* formScroll = new QScrollArea(this);
    formScroll->setWidget(m_forms);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);

    m_source = new QPlainTextEdit(this);
    m_source->setObjectName(QStringLiteral("source"));
    m_source->setAccessibleName(tr("XML-bron van de gids"));
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sourceState = new QLabel(this);
    m_sourceState->setWordWrap(true);
    auto* applyButton = new QPushButton(tr("Bron toepassen"), this);
    applyButton->setAccessibleName(tr("XML-bron toepassen (Ctrl+Enter)"));
    applyButton->setToolTip(tr("Ctrl+Enter"));
    auto* sourcePage = new QWidget(this);
    auto* sourceLayout = new QVBoxLayout(sourcePage);
    sourceLayout->setContentsMargins(0, 0, 0, 0);
    sourceLayout->addWidget(m_source, 1);
    auto* sourceBar = new QHBoxLayout;
    sourceBar->addWidget(m_sourceState, 1);
    sourceBar->addWidget(applyButton);
    sourceLayout->addLayout(sourceBar);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->addTab(formScroll, tr("Formulier"));
    m_tabs->addTab(sourcePage, tr("XML-bron"));

    // The decision map: the steps and their ways, drawn; a click picks a step.
    m_map = new DecisionMapView(this);
    m_mapSummary = new QLabel(this);
    m_mapSummary->setObjectName(QStringLiteral("mapSummary"));
    m_mapSummary->setWordWrap(true);
    auto* mapScroll = new QScrollArea(this);
    mapScroll->setWidget(m_map);
    mapScroll->setFrameShape(QFrame::NoFrame);
    auto* mapPage = new QWidget(this);
    auto* mapLayout = new QVBoxLayout(mapPage);
    mapLayout->setContentsMargins(4, 4, 4, 0);
    mapLayout->addWidget(m_mapSummary);
    mapLayout->addWidget(mapScroll, 1);
    m_tabs->addTab(mapPage, tr("Beslisboom"));
    connect(m_map, &DecisionMapView::stepClicked, this,
            [this](const QString& id) { selectStep(id.toStdString()); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { refreshMap(); });

    m_diagnosticsTitle = new QLabel(this);
    m_diagnostics = new QListWidget(this);
    m_diagnostics->setObjectName(QStringLiteral("diagnostics"));
    m_diagnostics->setAccessibleName(tr("Wat de controle vindt"));
    m_diagnostics->setMaximumHeight(110);
    m_diagnostics->setWordWrap(true);

    // The desks' feedback on the selected step, below its form (one quiet
    // line when there is none).
    m_inbox = new InboxPanel(m_server, this);

    auto* middle = new QWidget(this);
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(m_tabs, 1);
    middleLayout->addWidget(m_inbox);
    middleLayout->addWidget(m_diagnosticsTitle);
    middleLayout->addWidget(m_diagnostics);

    m_preview = new PreviewPane(this);

    // The header: which guide, in what state, and the actions an author
    // looks for first, as buttons with words (shortcuts in their tooltips).
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("guideTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("saveState"));
    auto* header = new QHBoxLayout;
    header->setContentsMargins(8, 6, 8, 6);
    auto* titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_title);
    titles->addWidget(m_state);
    header->addLayout(titles, 1);
    m_blockBanner = new QLabel(this);
    m_blockBanner->setObjectName(QStringLiteral("blockBanner"));
    m_blockBanner->setWordWrap(true);
    m_blockBanner->setTextFormat(Qt::PlainText);
    m_blockBanner->setStyleSheet(QStringLiteral(
        "background:#fff4e5;color:#1a1a1a;border-left:4px solid #8a3b00;padding:6px 8px"));
    m_blockBanner->hide();

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_outline);
    splitter->addWidget(middle);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({210, 600, PreviewPane::kDeskWidth + 16});
    splitter->setChildrenCollapsible(false);
    qApp->installEventFilter(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_blockBanner);
    layout->addWidget(splitter, 1);

    // The actions, each with a shortcut and a name a screen reader says.
    auto action = [this](const QString& text, const QKeySequence& keys, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        a->setToolTip(text + QStringLiteral(" (") + keys.toString(QKeySequence::NativeText) +
                      QStringLiteral(")"));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_undo = action(tr("&Ongedaan maken"), QKeySequence::Undo, [this] { undo(); });
    m_redo =
        action(tr("&Opnieuw"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [this] { redo(); });
    m_addStep = action(tr("Stap &toevoegen"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                       [this] { addStep(); });
    m_insertBlock =
        action(tr("&Bouwsteen invoegen…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
               [this] { chooseBlock(); });
    m_duplicateStep = action(tr("Stap &dupliceren"), QKeySequence(Qt::CTRL | Qt::Key_D),
                             [this] { duplicateStep(); });
    m_deleteStep = action(tr("Stap &verwijderen"), QKeySequence(Qt::CTRL | Qt::Key_Delete),
                          [this] { deleteStep(); });
    m_moveUp =
        action(tr("Stap om&hoog"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveStep(-1); });
    m_moveDown =
        action(tr("Stap om&laag"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveStep(1); });
    m_renameStep =
        action(tr("Stap-&id wijzigen…"), QKeySequence(Qt::Key_F2), [this] { renameStep(); });
    m_save = action(tr("&Opslaan"), QKeySequence::Save, [this] { save(); });
    m_submit = action(tr("Ter &review aanbieden…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                      [this] { submit(); });
    m_sourceToggle = action(tr("&XML-bron tonen"), QKeySequence(Qt::CTRL | Qt::Key_U), [this] {
        m_tabs->setCurrentIndex(m_tabs->currentIndex() == 0 ? 1 : 0);
    });
    m_tryOut =
        action(tr("&Probeer het"), QKeySequence(Qt::Key_F5), [this] { m_preview->toggleTryOut(); });
    m_history = action(tr("Re&visies en terugzetten…"), QKeySequence(Qt::CTRL | Qt::Key_H),
                       [this] { showHistory(); });
    m_mapToggle = action(tr("&Beslisboom tonen"), QKeySequence(Qt::CTRL | Qt::Key_M), [this] {
        m_tabs->setCurrentIndex(m_tabs->currentIndex() == kMapTab ? 0 : kMapTab);
    });
    auto* applyShortcut = new QAction(this);
    applyShortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    applyShortcut->setShortcutContext(Qt::WidgetShortcut);
    m_source->addAction(applyShortcut);
    connect(applyShortcut, &QAction::triggered, this, [this] { applySource(); });
    connect(applyButton, &QPushButton::clicked, this, [this] { applySource(); });
    for (QAction* a : {m_addStep, m_insertBlock, m_duplicateStep, m_moveUp, m_moveDown,
                       m_renameStep, m_deleteStep})
        m_outline->addAction(a);

    // Header buttons: short words; the action keeps the long text for the menus.
    auto button = [this, header](QAction* target, const QString& text, const char* name) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        b->setAccessibleName(text);
        b->setToolTip(target->shortcut().toString(QKeySequence::NativeText));
        b->setFocusPolicy(Qt::TabFocus);
        connect(b, &QPushButton::clicked, target, &QAction::trigger);
        connect(target, &QAction::changed, b, [b, target] { b->setEnabled(target->isEnabled()); });
        header->addWidget(b);
        return b;
    };
    button(m_undo, tr("Ongedaan maken"), "undoButton");
    button(m_redo, tr("Opnieuw"), "redoButton");
    button(m_addStep, tr("Stap toevoegen"), "addStepButton");
    header->addSpacing(12);
    button(m_save, tr("Opslaan"), "saveButton");
    button(m_submit, tr("Ter review aanbieden…"), "submitButton")->setDefault(false);

    connect(m_guideForm, &GuideForm::edited, this, &EditorPage::apply);
    connect(m_stepForm, &StepForm::edited, this, &EditorPage::apply);
    connect(m_guideForm, &GuideForm::burstEnded, this, &EditorPage::endBurst);
    connect(m_stepForm, &StepForm::burstEnded, this, &EditorPage::endBurst);
    connect(m_stepForm, &StepForm::imageWanted, this, &EditorPage::addImage);
    connect(m_stepForm, &StepForm::blockOpenRequested, this, &EditorPage::openGuideRequested);
    connect(m_outline, &QListWidget::currentRowChanged, this, [this] {
        if (!m_refreshing) {
            refreshForms();
            refreshMap();
        }
    });
    connect(m_inbox, &InboxPanel::message, this, &EditorPage::message);
    connect(m_inbox, &InboxPanel::changed, this, [this] {
        if (m_session)
            refreshOutline();
    });
    connect(m_inbox, &InboxPanel::applyRequested, this,
            [this](const protocol::Feedback& feedback, GuideSession::SuggestionTarget target) {
                if (!m_session)
                    return;
                if (auto applied = m_session->applySuggestion(feedback, target); !applied) {
                    showRefusal(applied.error());
                    return;
                }
                refresh();
                Q_EMIT documentChanged();
                Q_EMIT message(tr("Suggestie toegepast (Ctrl+Z maakt het ongedaan). Bij opslaan "
                                  "wordt de feedback 'gepland' in die revisie."));
            });
    connect(m_outline->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        // A step dragged in the outline: the model moves it (undoable).
        if (m_refreshing || !m_session)
            return;
        for (int row = 1; row < m_outline->count(); ++row) {
            const auto id = m_outline->item(row)->data(kStepRole).toString().toStdString();
            const auto index = m_session->guide().stepIndex(id);
            if (index && *index != static_cast<std::size_t>(row - 1)) {
                apply(MoveStep{id, static_cast<std::size_t>(row - 1)}, tr("Stap verplaatsen"),
                      false);
                selectStep(id);
                return;
            }
        }
    });
    connect(m_diagnostics, &QListWidget::itemActivated, this, &EditorPage::jumpTo);
    connect(m_diagnostics, &QListWidget::itemClicked, this, &EditorPage::jumpTo);
    connect(m_source, &QPlainTextEdit::textChanged, this, [this] {
        if (m_refreshing)
            return;
        m_sourceDirty = true;
        m_sourceState->setText(tr("Gewijzigd: Ctrl+Enter past de bron toe op de gids."));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 0 && m_sourceDirty)
            applySource();
        m_sourceToggle->setText(index == 0 ? tr("&XML-bron tonen") : tr("&Formulier tonen"));
    });
    connect(m_preview, &PreviewPane::imageWanted, this, [this](const QString& hash) {
        const auto fetcher = m_server;
        if (!fetcher)
            return;
        runAsync(
            this, [fetcher, key = hash.toStdString()] { return fetcher->image(key); },
            [this, hash](const SessionResult<std::string>& bytes) {
                m_preview->addImage(hash, bytes ? QByteArray::fromStdString(*bytes) : QByteArray());
            });
    });
    connect(m_preview, &PreviewPane::stepReached, this,
            [this](const QString& id) { selectStep(id.toStdString()); });
    refreshActions();
}

EditorPage::~EditorPage() = default;

// Ctrl+Z in a field of the form is the guide's undo, not the field's own:
// the field's undo would not know about the other fields, the outline or a
// step moved, and forgets everything when the form is refreshed. So the
// fields may not claim the undo and redo keys; the window's actions take them.
// (The XML source keeps its own undo: it is text until applied.)
bool EditorPage::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride) {
        auto* widget = qobject_cast<QWidget*>(watched);
        auto* key = static_cast<QKeyEvent*>(event);
        if (widget && m_forms->isAncestorOf(widget) &&
            (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo) ||
             key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z))) {
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QAction* EditorPage::historyAction() const {
    return m_history;
}

QList<QAction*> EditorPage::editActions() const {
    return {m_undo,       m_redo,   m_addStep,  m_insertBlock, m_duplicateStep,
            m_deleteStep, m_moveUp, m_moveDown, m_renameStep};
}

void EditorPage::open(std::unique_ptr<GuideSession> session) {
    m_session = std::move(session);
    m_sourceDirty = false;
    m_blockBanner->hide();
    refresh();
    m_outline->setCurrentRow(m_session->guide().steps.empty() ? 0 : 1);
    refreshForms();
    Q_EMIT documentChanged();
    loadLibrary(); // where a block is used, and the blocks this guide shows
    m_inbox->load(m_session->guide().id);
}

// --- Reusable blocks ---------------------------------------------------------

void EditorPage::loadLibrary() {
    const auto server = m_server;
    if (!server)
        return;
    runAsync(
        this, [server] { return server->library(); },
        [this](const SessionResult<std::vector<LibraryEntry>>& result) {
            if (!result)
                return; // the library page says why; the editor works without it
            m_library = *result;
            // A block may have a newer revision now: fetched again when shown.
            m_blocks.clear();
            m_blocksAsked.clear();
            if (m_session)
                refreshOutline(); // blocks by their titles
            refreshBlockBanner();
            fetchBlocks();
            Q_EMIT libraryLoaded();
        });
}

const LibraryEntry* EditorPage::libraryEntry(const std::string& id) const {
    for (const auto& entry : m_library)
        if (entry.id == id)
            return &entry;
    return nullptr;
}

QString EditorPage::titleOf(const std::string& id) const {
    const auto* entry = libraryEntry(id);
    return entry && !entry->title.empty() ? qs(entry->title) : qs(id);
}

// A block says, before anything is changed, which guides show it.
void EditorPage::refreshBlockBanner() {
    if (!m_session || !m_session->guide().isBlock) {
        m_blockBanner->hide();
        return;
    }
    const auto* entry = libraryEntry(m_session->guide().id);
    QStringList users;
    if (entry)
        for (const auto& user : entry->usedBy)
            users << titleOf(user);
    m_blockBanner->setText(
        users.isEmpty()
            ? tr("Dit is een bouwsteen: één stap die andere gidsen kunnen tonen. Nog geen gids "
                 "toont hem.")
            : tr("Dit is een bouwsteen, gebruikt in %n gids(en): %1. Wat u hier wijzigt, zien de "
                 "balies in al deze gidsen zodra het gepubliceerd is.",
                 "", static_cast<int>(users.size()))
                  .arg(users.join(QStringLiteral(", "))));
    m_blockBanner->setAccessibleName(m_blockBanner->text());
    m_blockBanner->show();
}

// The blocks this guide shows, as the desks have them (the published
// revision; a block not published yet: its newest), for the preview.
void EditorPage::fetchBlocks() {
    if (!m_session || !m_server)
        return;
    for (const std::string& id : content::blocksUsed(m_session->guide())) {
        const QString key = qs(id);
        const auto* entry = libraryEntry(id);
        if (m_blocks.contains(id) || m_blocksAsked.contains(key) || !entry)
            continue;
        m_blocksAsked.insert(key);
        const int revision = entry->published > 0 ? entry->published : entry->revision;
        const auto server = m_server;
        runAsync(
            this, [server, id, revision] { return server->revisionXml(id, revision); },
            [this, id](const SessionResult<std::string>& xml) {
                if (!xml)
                    return;
                auto block = content::parseGuide(*xml, id);
                if (!block || !block->isBlock)
                    return;
                m_blocks.insert_or_assign(id, std::move(*block));
                refreshForms();
            });
    }
}

content::Guide EditorPage::shownGuide() const {
    if (!m_session)
        return {};
    return content::resolveBlocks(m_session->guide(), [this](std::string_view id) {
        const auto found = m_blocks.find(id);
        return found == m_blocks.end() ? nullptr : &found->second;
    });
}

void EditorPage::chooseBlock() {
    if (!m_session)
        return;
    QStringList titles;
    std::vector<std::string> ids;
    for (const auto& entry : m_library) {
        if (entry.isBlock && entry.id != m_session->guide().id) {
            titles << tr("%1 (in %n gids(en))", "", static_cast<int>(entry.usedBy.size()))
                          .arg(qs(entry.title));
            ids.push_back(entry.id);
        }
    }
    if (ids.empty()) {
        Q_EMIT message(tr("Er zijn nog geen bouwstenen. Maak er een in de bibliotheek: Nieuwe "
                          "gids…, Bouwsteen."));
        return;
    }
    bool chosen = false;
    const QString title = QInputDialog::getItem(this, tr("Bouwsteen invoegen"),
                                                tr("Welke bouwsteen toont de nieuwe stap?"), titles,
                                                0, false, &chosen);
    if (chosen)
        insertBlock(ids[static_cast<std::size_t>(titles.indexOf(title))]);
}

void EditorPage::insertBlock(const std::string& blockId) {
    if (!m_session)
        return;
    if (m_session->guide().isBlock) {
        Q_EMIT message(tr("Een bouwsteen kan geen andere bouwsteen tonen."));
        return;
    }
    const auto& guide = m_session->guide();
    const auto at = guide.stepIndex(selectedStep());
    content::Step step;
    step.id = m_session->model().uniqueStepId(tr("stap").toStdString());
    step.block = blockId;
    const std::size_t index = at ? *at + 1 : guide.steps.size();
    apply(InsertStep{index, step}, tr("Bouwsteen invoegen"), false);
    selectStep(step.id);
    fetchBlocks();
}

std::string EditorPage::selectedStep() const {
    const auto* item = m_outline->currentItem();
    return item ? item->data(kStepRole).toString().toStdString() : std::string();
}

void EditorPage::selectStep(const std::string& stepId) {
    for (int row = 0; row < m_outline->count(); ++row)
        if (m_outline->item(row)->data(kStepRole).toString().toStdString() == stepId)
            m_outline->setCurrentRow(row);
}

void EditorPage::apply(const Edit& edit, const QString& label, bool typing) {
    if (!m_session)
        return;
    if (auto applied = m_session->apply(edit, label.toStdString(), typing); !applied) {
        showRefusal(applied.error());
        // The form goes back to what the guide holds.
        refreshForms();
        return;
    }
    refresh();
}

void EditorPage::applyAll(std::vector<Edit> edits, const QString& label) {
    if (!m_session)
        return;
    if (auto applied = m_session->apply(std::move(edits), label.toStdString()); !applied) {
        showRefusal(applied.error());
        return;
    }
    refresh();
}

void EditorPage::endBurst() {
    if (m_session)
        m_session->endBurst();
}

void EditorPage::undo() {
    if (m_session && m_session->undo())
        refresh();
}

void EditorPage::redo() {
    if (m_session && m_session->redo())
        refresh();
}

void EditorPage::showRefusal(const EditError& error) {
    QApplication::beep();
    Q_EMIT message(refusalText(error));
}

void EditorPage::refresh() {
    if (!m_session)
        return;
    refreshOutline();
    refreshForms();
    refreshDiagnostics();
    refreshSource();
    refreshMap();
    refreshActions();
    if (!m_session->journalError().empty())
        Q_EMIT message(tr("Let op: het journaal kan niet worden geschreven (%1). Sla uw werk op.")
                           .arg(qs(m_session->journalError())));
    Q_EMIT documentChanged();
}

void EditorPage::refreshOutline() {
    const QSignalBlocker block(m_outline);
    m_refreshing = true;
    const std::string selected = selectedStep();
    const int selectedRow = m_outline->currentRow();
    const auto& guide = m_session->guide();
    const int rows = static_cast<int>(guide.steps.size()) + 1;
    while (m_outline->count() > rows)
        delete m_outline->takeItem(m_outline->count() - 1);
    while (m_outline->count() < rows)
        m_outline->addItem(new QListWidgetItem);
    auto* first = m_outline->item(0);
    first->setText(tr("Over deze gids"));
    first->setData(kStepRole, QString());
    first->setFlags(first->flags() & ~Qt::ItemIsDragEnabled);
    QFont bold = first->font();
    bold.setBold(true);
    first->setFont(bold);
    int reselect = selectedRow == 0 ? 0 : -1;
    for (std::size_t i = 0; i < guide.steps.size(); ++i) {
        const auto& step = guide.steps[i];
        auto* item = m_outline->item(static_cast<int>(i) + 1);
        QString text = QStringLiteral("%1. %2").arg(i + 1).arg(
            !step.block.empty()   ? tr("Bouwsteen: %1").arg(titleOf(step.block))
            : step.glance.empty() ? tr("(nog zonder instructie)")
                                  : qs(step.glance));
        if (!step.options.empty())
            text += tr(" · keuze");
        if (step.escalation)
            text += tr(" · overdracht");
        if (step.ends)
            text += tr(" · einde");
        if (const int open = m_inbox->openCount(step.id); open > 0)
            text += tr(" · %1 feedback").arg(open);
        item->setText(text);
        item->setToolTip(qs(step.glance));
        item->setData(kStepRole, qs(step.id));
        item->setFlags(item->flags() | Qt::ItemIsDragEnabled);
        if (step.id == selected)
            reselect = static_cast<int>(i) + 1;
    }
    if (reselect < 0)
        reselect = std::clamp(selectedRow, 0, rows - 1);
    m_outline->setCurrentRow(reselect);
    m_refreshing = false;
}

void EditorPage::refreshForms() {
    if (!m_session)
        return;
    const auto& guide = m_session->guide();
    const std::string stepId = selectedStep();
    std::vector<std::string> stepIds;
    for (const auto& each : guide.steps)
        stepIds.push_back(each.id);
    m_inbox->showStep(stepId, stepIds);
    const content::Step* step = stepId.empty() ? nullptr : guide.findStep(stepId);
    if (step) {
        m_stepForm->load(guide, *step);
        if (!step->block.empty()) {
            const auto* entry = libraryEntry(step->block);
            QStringList others;
            if (entry)
                for (const auto& user : entry->usedBy)
                    if (user != guide.id)
                        others << titleOf(user);
            QString text = tr("Deze stap toont de bouwsteen '%1'. Zijn tekst wijzigt u in de "
                              "bouwsteen zelf; hier kiest u alleen hoe de gids verder gaat.")
                               .arg(titleOf(step->block));
            if (!entry)
                text += QLatin1Char(' ') + tr("Deze bouwsteen staat (nog) niet in de bibliotheek.");
            else if (!others.isEmpty())
                text += QLatin1Char(' ') +
                        tr("Ook gebruikt in: %1.").arg(others.join(QStringLiteral(", ")));
            m_stepForm->describeBlock(text);
        }
        const auto& model = m_session->model();
        const double target =
            model.options().readability.value_or(content::ReadabilityPolicy{}).targetScore;
        for (const auto& measured : model.readability().steps)
            if (measured.step == step->id)
                m_stepForm->showReadability(measured.score, target, measured.measure.words > 0);
        m_forms->setCurrentWidget(m_stepForm);
    } else {
        m_guideForm->load(guide);
        m_forms->setCurrentWidget(m_guideForm);
    }
    m_preview->show(shownGuide(), step ? step->id : std::string());
    refreshActions();
}

// Drawn only while it is shown: typing in the form need not pay for it.
void EditorPage::refreshMap() {
    if (!m_session || m_tabs->currentIndex() != kMapTab)
        return;
    m_map->show(m_session->guide(), selectedStep());
    m_mapSummary->setText(m_map->summary());
}

void EditorPage::refreshDiagnostics() {
    m_diagnostics->clear();
    const auto& found = m_session->model().diagnostics();
    int errors = 0;
    for (const auto& diagnostic : found) {
        auto* item =
            new QListWidgetItem(findingText(diagnostic, m_session->guide()), m_diagnostics);
        item->setData(kStepRole, qs(diagnostic.step));
        item->setData(kStepRole + 1, qs(diagnostic.field));
        if (diagnostic.severity == content::Severity::Error) {
            item->setForeground(QColor(0xA0, 0x1C, 0x1C));
            ++errors;
        }
    }
    m_diagnosticsTitle->setText(
        found.empty() ? tr("Controle: niets gevonden.")
                      : tr("Controle: %1 fout(en), %2 punt(en) om naar te kijken. Klik om te gaan.")
                            .arg(errors)
                            .arg(static_cast<int>(found.size()) - errors));
    m_diagnostics->setVisible(!found.empty());
}

void EditorPage::refreshSource() {
    if (m_sourceDirty)
        return;
    const QString xml = qs(m_session->model().xml());
    if (m_source->toPlainText() == xml)
        return;
    m_refreshing = true;
    m_source->setPlainText(xml);
    m_refreshing = false;
    m_sourceState->setText(tr("De bron volgt het formulier. Wijzig hem hier, dan Ctrl+Enter."));
}

void EditorPage::refreshActions() {
    const bool open = m_session != nullptr;
    const bool onStep = open && !selectedStep().empty();
    m_undo->setEnabled(open && m_session->model().canUndo());
    m_redo->setEnabled(open && m_session->model().canRedo());
    m_undo->setText(open && m_session->model().canUndo()
                        ? tr("&Ongedaan maken: %1").arg(qs(m_session->model().undoLabel()))
                        : tr("&Ongedaan maken"));
    m_redo->setText(open && m_session->model().canRedo()
                        ? tr("&Opnieuw: %1").arg(qs(m_session->model().redoLabel()))
                        : tr("&Opnieuw"));
    // A block holds one step (content/blocks.h).
    const bool block = open && m_session->guide().isBlock;
    m_addStep->setEnabled(open && !(block && !m_session->guide().steps.empty()));
    m_insertBlock->setEnabled(open && !block);
    for (QAction* a : {m_duplicateStep, m_deleteStep, m_moveUp, m_moveDown, m_renameStep})
        a->setEnabled(onStep);
    m_save->setEnabled(open && !m_busy);
    m_submit->setEnabled(open && !m_busy);
    m_history->setEnabled(open && m_session->baseRevision() > 0);
    m_tryOut->setEnabled(open);
    m_mapToggle->setEnabled(open);
    refreshHeader();
}

void EditorPage::refreshHeader() {
    if (!m_session) {
        m_title->setText(tr("Geen gids geopend"));
        m_state->clear();
        return;
    }
    m_title->setText(qs(m_session->guide().title));
    const int base = m_session->baseRevision();
    QString state = base == 0 ? tr("Nieuwe gids, nog niet op de server")
                              : tr("Revisie %1 op de server").arg(base);
    if (m_busy)
        state += tr(" · bezig met opslaan…");
    else if (m_session->model().modified())
        state += tr(" · niet opgeslagen wijzigingen (veilig bewaard op deze computer)");
    else
        state += tr(" · alles opgeslagen");
    m_state->setText(state);
}

void EditorPage::addStep() {
    if (!m_session)
        return;
    const auto& guide = m_session->guide();
    const auto at = guide.stepIndex(selectedStep());
    content::Step step;
    step.id = m_session->model().uniqueStepId(tr("stap").toStdString());
    const std::size_t index = at ? *at + 1 : guide.steps.size();
    apply(InsertStep{index, step}, tr("Stap toevoegen"), false);
    selectStep(step.id);
    m_stepForm->focusField(QStringLiteral("glance"));
}

void EditorPage::duplicateStep() {
    const auto* step = m_session ? m_session->guide().findStep(selectedStep()) : nullptr;
    if (!step)
        return;
    content::Step copy = *step;
    copy.id = m_session->model().uniqueStepId(step->id);
    const std::size_t index = *m_session->guide().stepIndex(step->id) + 1;
    apply(InsertStep{index, copy}, tr("Stap dupliceren"), false);
    selectStep(copy.id);
}

void EditorPage::deleteStep() {
    const std::string id = selectedStep();
    if (!m_session || id.empty())
        return;
    apply(RemoveStep{id}, tr("Stap verwijderen"), false);
}

void EditorPage::moveStep(int by) {
    const std::string id = selectedStep();
    if (!m_session || id.empty())
        return;
    const auto index = static_cast<int>(*m_session->guide().stepIndex(id));
    const int to = index + by;
    if (to < 0 || to >= static_cast<int>(m_session->guide().steps.size()))
        return;
    apply(MoveStep{id, static_cast<std::size_t>(to)},
          by < 0 ? tr("Stap omhoog") : tr("Stap omlaag"), false);
    selectStep(id);
}

void EditorPage::renameStep() {
    const std::string id = selectedStep();
    if (!m_session || id.empty())
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(
        this, tr("Stap-id wijzigen"),
        tr("De id van de stap (letters, cijfers, '-', '_' en '.'). Keuzes die naar deze stap "
           "gaan, gaan mee."),
        QLineEdit::Normal, qs(id), &ok);
    if (!ok || to.trimmed().isEmpty() || to.trimmed().toStdString() == id)
        return;
    apply(RenameStep{id, to.trimmed().toStdString()}, tr("Stap-id wijzigen"), false);
    selectStep(to.trimmed().toStdString());
}

void EditorPage::applySource() {
    if (!m_session || !m_sourceDirty)
        return;
    auto parsed = content::parseGuide(m_source->toPlainText().toStdString(), "bron");
    if (!parsed) {
        QStringList lines;
        for (const auto& d : parsed.error())
            lines << tr("regel %1: %2").arg(d.line).arg(qs(d.message));
        m_sourceState->setText(tr("De bron is niet toegepast: ") +
                               lines.join(QStringLiteral("; ")));
        m_tabs->setCurrentIndex(1);
        return;
    }
    if (auto applied =
            m_session->apply(ReplaceGuide{std::move(*parsed)}, tr("XML-bron").toStdString());
        !applied) {
        m_sourceState->setText(tr("De bron is niet toegepast: ") + refusalText(applied.error()));
        m_tabs->setCurrentIndex(1);
        return;
    }
    m_sourceDirty = false;
    refresh();
    m_sourceState->setText(tr("Toegepast. Ongedaan maken kan met Ctrl+Z."));
}

void EditorPage::jumpTo(QListWidgetItem* item) {
    if (!item)
        return;
    const std::string step = item->data(kStepRole).toString().toStdString();
    const QString field = item->data(kStepRole + 1).toString();
    m_tabs->setCurrentIndex(0);
    selectStep(step);
    refreshForms();
    if (step.empty())
        m_guideForm->focusField(field);
    else
        m_stepForm->focusField(field);
}

// A picture for the selected step: a PNG or JPEG file, what it shows (for
// those who cannot see it), uploaded to the server, which cleans it and
// answers its hash; the step then names it.
void EditorPage::addImage() {
    if (!m_session || selectedStep().empty())
        return;
    const QString file = QFileDialog::getOpenFileName(this, tr("Afbeelding toevoegen"), QString(),
                                                      tr("Afbeeldingen (*.png *.jpg *.jpeg)"));
    if (file.isEmpty())
        return;
    bool given = false;
    const QString alt =
        QInputDialog::getText(this, tr("Afbeelding toevoegen"),
                              tr("Wat staat erop? (Voor wie de afbeelding niet kan zien, "
                                 "bijvoorbeeld: het kinegram wisselt van beeld bij kantelen.)"),
                              QLineEdit::Normal, QString(), &given)
            .trimmed();
    if (given && !alt.isEmpty())
        addImageFile(file, alt);
}

void EditorPage::addImageFile(const QString& file, const QString& alt) {
    const std::string step = selectedStep();
    if (!m_session || step.empty())
        return;
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly) || input.size() > 8 * 1024 * 1024) {
        Q_EMIT message(tr("%1 kan niet worden gelezen (of is groter dan 8 MiB).").arg(file));
        return;
    }
    const QByteArray bytes = input.readAll();
    Q_EMIT message(tr("Afbeelding versturen…"));
    const auto server = m_server;
    const std::string type =
        file.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive) ? "image/png" : "image/jpeg";
    runAsync(
        this,
        [server, data = bytes.toStdString(), type] { return server->uploadImage(data, type); },
        [this, step, alt](const SessionResult<std::string>& hash) {
            if (!hash) {
                Q_EMIT message(
                    tr("De afbeelding is niet opgenomen: %1").arg(sessionErrorText(hash.error())));
                return;
            }
            const content::Step* current = m_session ? m_session->guide().findStep(step) : nullptr;
            if (!current)
                return;
            auto images = current->images;
            images.push_back({*hash, alt.toStdString()});
            apply(SetStepField{step, StepField::Images, images}, tr("Afbeelding toevoegen"), false);
            Q_EMIT message(tr("Afbeelding toegevoegd."));
        });
}

void EditorPage::save() {
    if (!m_session || m_busy)
        return;
    if (m_sourceDirty)
        applySource();
    if (content::hasErrors(m_session->model().diagnostics())) {
        Q_EMIT message(tr("Nog niet opgeslagen: los eerst de fouten onder het formulier op. Uw "
                          "werk is bewaard in het journaal."));
        Q_EMIT saveFinished(false);
        return;
    }
    m_busy = true;
    refreshActions();
    Q_EMIT message(tr("Opslaan…"));
    const std::string id = m_session->guide().id;
    const int base = m_session->baseRevision();
    const std::string xml = m_session->model().xml();
    const auto server = m_server;
    runAsync(
        this,
        [server, id, base, xml] {
            auto result = server->save(id, base, xml);
            std::string stored;
            if (result)
                if (const auto* saved = std::get_if<Saved>(&*result))
                    if (auto text = server->revisionXml(id, saved->revision))
                        stored = std::move(*text);
            return std::pair(std::move(result), std::move(stored));
        },
        [this, xml](std::pair<SessionResult<SaveResult>, std::string> answer) {
            m_busy = false;
            refreshActions();
            auto& [result, stored] = answer;
            if (!result) {
                Q_EMIT message(sessionErrorText(result.error()));
                Q_EMIT saveFinished(false);
                return;
            }
            if (const auto* saved = std::get_if<Saved>(&*result)) {
                // What is saved is what was sent; typing since then stays unsaved.
                m_session->saved(saved->revision, stored.empty() ? xml : stored, xml);
                // The feedback this revision applies: planned in it, applied once published.
                m_inbox->planApplied(m_session->appliedFeedback(), saved->revision);
                refresh();
                Q_EMIT message(tr("Opgeslagen als revisie %1 (concept).").arg(saved->revision));
                Q_EMIT saveFinished(true);
            } else if (const auto* conflict = std::get_if<SaveConflict>(&*result)) {
                resolveConflict(conflict->currentRevision);
            } else {
                const auto& refused = std::get<SaveRefused>(*result);
                QStringList lines;
                for (const auto& d : refused.diagnostics)
                    lines << findingText(d, m_session->guide());
                Q_EMIT message(tr("De server weigert de gids: %1 %2")
                                   .arg(qs(refused.message), lines.join(QStringLiteral("; "))));
                Q_EMIT saveFinished(false);
            }
        });
}

void EditorPage::showHistory() {
    if (!m_session || m_session->baseRevision() == 0)
        return;
    const std::string id = m_session->guide().id;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("historyDialog"));
    dialog.setWindowTitle(tr("Revisies van '%1'").arg(qs(m_session->guide().title)));
    auto* list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("revisionList"));
    list->setWordWrap(true);
    auto* intro = new QLabel(tr("Terugzetten maakt een nieuwe revisie met de inhoud van de "
                                "gekozen revisie en biedt die ter beoordeling aan: een collega "
                                "keurt hem goed, zoals elke wijziging. Tot dan blijft aan de "
                                "balie staan wat er nu staat."),
                             &dialog);
    intro->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Sluiten"));
    auto* back =
        buttons->addButton(tr("Terugzetten naar deze revisie…"), QDialogButtonBox::ActionRole);
    back->setObjectName(QStringLiteral("rollbackButton"));
    back->setEnabled(false);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto revisions = std::make_shared<std::vector<RevisionInfo>>();
    runAsync(
        list, [server = m_server, id] { return server->revisions(id); },
        [list, revisions](SessionResult<std::vector<RevisionInfo>> got) {
            if (!got)
                return;
            *revisions = std::move(*got);
            for (const auto& r : *revisions) {
                QString text =
                    EditorPage::tr("Revisie %1 · %2 · %3, %4")
                        .arg(r.revision)
                        .arg(stateLabel(r.state), qs(r.savedBy), qs(r.savedAt.substr(0, 10)));
                if (!r.changeNote.empty())
                    text += QStringLiteral("\n") + qs(r.changeNote);
                new QListWidgetItem(text, list);
            }
        });
    connect(list, &QListWidget::currentRowChanged, &dialog, [back, revisions](int row) {
        // The newest revision is what there is: going back to it changes nothing.
        back->setEnabled(row > 0 && row < static_cast<int>(revisions->size()));
    });
    connect(back, &QPushButton::clicked, &dialog, [this, &dialog, list, revisions, id] {
        const int row = list->currentRow();
        if (row <= 0 || row >= static_cast<int>(revisions->size()))
            return;
        const int to = (*revisions)[static_cast<std::size_t>(row)].revision;
        bool ok = false;
        const QString reason = QInputDialog::getText(
            &dialog, tr("Terugzetten"),
            tr("Waarom terug naar revisie %1? De beoordelaar en de balies lezen dit.").arg(to),
            QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
        rollbackTo(to, reason);
        dialog.accept();
    });
    dialog.resize(560, 420);
    dialog.exec();
}

void EditorPage::rollbackTo(int revision, const QString& reason) {
    if (!m_session)
        return;
    const std::string id = m_session->guide().id;
    runAsync(
        this,
        [server = m_server, id, revision, reason = reason.trimmed().toStdString()] {
            return server->rollback(id, revision, reason);
        },
        [this, revision](SessionResult<int> made) {
            if (!made) {
                Q_EMIT message(
                    tr("Terugzetten lukte niet: %1").arg(sessionErrorText(made.error())));
                return;
            }
            Q_EMIT message(tr("Revisie %1 (de inhoud van revisie %2) staat ter beoordeling.")
                               .arg(*made)
                               .arg(revision));
            Q_EMIT saveFinished(true); // the library has a newer revision
        });
}

void EditorPage::resolveConflict(int currentRevision) {
    Q_EMIT message(
        tr("Iemand anders heeft revisie %1 opgeslagen; samenvoegen…").arg(currentRevision));
    const auto server = m_server;
    const std::string id = m_session->guide().id;
    runAsync(
        this,
        [server, id, currentRevision] {
            auto xml = server->revisionXml(id, currentRevision);
            auto revisions = server->revisions(id);
            std::string who;
            if (revisions)
                for (const auto& r : *revisions)
                    if (r.revision == currentRevision)
                        who = r.savedBy;
            return std::pair(std::move(xml), who);
        },
        [this, currentRevision](std::pair<SessionResult<std::string>, std::string> answer) {
            auto& [theirXml, who] = answer;
            if (!theirXml) {
                Q_EMIT message(sessionErrorText(theirXml.error()));
                Q_EMIT saveFinished(false);
                return;
            }
            auto merge = m_session->merge(*theirXml);
            if (!merge) {
                Q_EMIT message(
                    tr("Samenvoegen lukt niet: %1").arg(qs(merge.error().front().message)));
                Q_EMIT saveFinished(false);
                return;
            }
            if (!merge->conflicts().empty()) {
                MergeDialog dialog(*merge, qs(who), currentRevision, this);
                if (dialog.exec() != QDialog::Accepted) {
                    Q_EMIT message(tr("Niet samengevoegd. Uw werk blijft bewaard; opslaan kan "
                                      "pas na samenvoegen."));
                    Q_EMIT saveFinished(false);
                    return;
                }
            }
            if (auto merged = m_session->merged(*merge, currentRevision, *theirXml,
                                                tr("Samenvoegen").toStdString());
                !merged) {
                showRefusal(merged.error());
                Q_EMIT saveFinished(false);
                return;
            }
            refresh();
            Q_EMIT message(
                tr("Samengevoegd met revisie %1. Kijk het na en sla opnieuw op (Ctrl+S).")
                    .arg(currentRevision));
            Q_EMIT saveFinished(false);
        });
}

void EditorPage::submit() {
    if (!m_session || m_busy)
        return;
    if (m_session->model().modified() || m_session->baseRevision() == 0) {
        Q_EMIT message(
            tr("Sla de gids eerst op (Ctrl+S); daarna kunt u hem ter review aanbieden."));
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Ter review aanbieden"));
    auto* intro = new QLabel(tr("Wat is er veranderd? De reviewer leest dit, en de balie ziet het "
                                "als de nieuwe versie gepubliceerd is."),
                             &dialog);
    intro->setWordWrap(true);
    auto* note = new QPlainTextEdit(&dialog);
    note->setAccessibleName(tr("Wat is er veranderd"));
    note->setPlaceholderText(tr("Bijvoorbeeld: stap 4 noemt nu ook de verblijfsvergunning."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Aanbieden"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuleren"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(note, &QPlainTextEdit::textChanged, &dialog, [note, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!note->toPlainText().trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(note);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_busy = true;
    refreshActions();
    const auto server = m_server;
    const std::string id = m_session->guide().id;
    const int revision = m_session->baseRevision();
    const std::string changeNote = note->toPlainText().trimmed().toStdString();
    runAsync(
        this,
        [server, id, revision, changeNote] { return server->submit(id, revision, changeNote); },
        [this, revision](SessionResult<void> result) {
            m_busy = false;
            refreshActions();
            Q_EMIT message(result ? tr("Revisie %1 is ter review aangeboden.").arg(revision)
                                  : sessionErrorText(result.error()));
        });
}

} // namespace souffleur::studio
