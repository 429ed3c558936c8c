// The review workspace (review_page.h).
#include "review_page.h"

#include "async.h"

#include <souffleur/content/blocks.h>
#include <souffleur/content/parser.h>
#include <souffleur/guide_view/guide_view.h>
#include <souffleur/guide_view/page.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace souffleur::studio {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString when(const std::string& iso) {
    const auto time = QDateTime::fromString(qs(iso), Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("d-M-yyyy HH:mm")) : qs(iso);
}

constexpr int kStepRole = Qt::UserRole;
constexpr int kThreadRole = Qt::UserRole;

// The step fields a comment may be about, in the form's order.
constexpr std::array kStepFields = {"glance", "details", "why",    "checks",     "warnings",
                                    "tips",   "notes",   "images", "escalation", "basis"};

QString runsHtml(const std::vector<content::WordRun>& runs) {
    QString out;
    for (const auto& run : runs) {
        QString text = qs(run.text).toHtmlEscaped();
        text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        switch (run.kind) {
        case content::WordRun::Kind::Same:
            out += text;
            break;
        case content::WordRun::Kind::Removed:
            // Struck through and red: not by colour alone.
            out += QStringLiteral("<span style=\"background-color:#fde2e1;color:#8a1c1c;"
                                  "text-decoration:line-through\">%1</span>")
                       .arg(text);
            break;
        case content::WordRun::Kind::Added:
            out += QStringLiteral("<span style=\"background-color:#dcf5dc;color:#14532d;"
                                  "text-decoration:underline\">%1</span>")
                       .arg(text);
            break;
        }
    }
    return out;
}

QString fieldsHtml(const std::vector<content::FieldChange>& fields) {
    QString out;
    for (const auto& field : fields) {
        out += QStringLiteral("<p><b>%1</b>").arg(fieldLabel(field.field).toHtmlEscaped());
        if (field.markupOnly)
            out += QStringLiteral(" <i>(%1)</i>").arg(ReviewPage::tr("alleen de opmaak"));
        out += QStringLiteral("<br>%1</p>").arg(runsHtml(field.words));
    }
    return out;
}

QString optionHtml(const content::OptionChange& option) {
    const QString label = qs(option.label).toHtmlEscaped();
    switch (option.kind) {
    case content::OptionChange::Kind::Added:
        return ReviewPage::tr("Keuze <b>%1</b> erbij (naar %2)").arg(label, qs(option.target));
    case content::OptionChange::Kind::Removed:
        return ReviewPage::tr("Keuze <b>%1</b> vervallen").arg(label);
    case content::OptionChange::Kind::Relabelled:
        return ReviewPage::tr("Keuze <b>%1</b> heette '%2'")
            .arg(label, qs(option.oldLabel).toHtmlEscaped());
    case content::OptionChange::Kind::Retargeted:
        return ReviewPage::tr("Keuze <b>%1</b> gaat nu naar %2 (was %3)")
            .arg(label, qs(option.target), qs(option.oldTarget));
    }
    return label;
}

} // namespace

QString fieldLabel(const std::string& field) {
    static const std::map<std::string, const char*, std::less<>> labels = {
        {"glance", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Korte instructie")},
        {"details", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Uitleg")},
        {"why", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Waarom")},
        {"checks", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Controles")},
        {"warnings", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Waarschuwingen")},
        {"tips", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Tips")},
        {"notes", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Interne notities")},
        {"images", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Afbeeldingen")},
        {"escalation", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Doorverwijzing")},
        {"ends", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Einde van de taak")},
        {"basis", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Grondslag")},
        {"block", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Bouwsteen")},
        {"title", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Titel")},
        {"summary", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Samenvatting")},
        {"audience", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Voor wie")},
        {"owner", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Eigenaar")},
        {"review", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Herzien")},
        {"tags", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Trefwoorden")},
        {"valid-from", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Geldig vanaf")},
        {"valid-to", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Geldig tot en met")},
        {"related", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Verwante gidsen")},
        {"triggers", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Voorstellen bij")},
        {"prerequisites", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Vooraf nodig")},
        {"context", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Achtergrond")},
        {"result", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Resultaat")},
        {"language", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Taal")},
        {"kind", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Soort")},
        {"id", QT_TRANSLATE_NOOP("souffleur::studio::ReviewPage", "Kenmerk")},
    };
    const auto found = labels.find(field);
    return found == labels.end()
               ? qs(field)
               : QCoreApplication::translate("souffleur::studio::ReviewPage", found->second);
}

ReviewPage::ReviewPage(std::shared_ptr<const ServerSession> server, QWidget* parent)
    : QWidget(parent)
    , m_server(std::move(server)) {
    setObjectName(QStringLiteral("reviewPage"));

    // Left: the queue.
    auto* queueBox = new QWidget(this);
    auto* queueLayout = new QVBoxLayout(queueBox);
    queueLayout->setContentsMargins(8, 8, 0, 8);
    auto* queueTitle = new QLabel(tr("<b>Ter beoordeling</b>"), queueBox);
    m_queueCount = new QLabel(queueBox);
    m_queueCount->setWordWrap(true);
    m_queueList = new QListWidget(queueBox);
    m_queueList->setObjectName(QStringLiteral("reviewQueue"));
    m_queueList->setAccessibleName(tr("Revisies die op beoordeling wachten, oudste eerst"));
    m_queueList->setWordWrap(true);
    m_queueList->setTextElideMode(Qt::ElideNone);
    auto* refresh = new QPushButton(tr("Vernieuwen"), queueBox);
    queueLayout->addWidget(queueTitle);
    queueLayout->addWidget(m_queueCount);
    queueLayout->addWidget(m_queueList, 1);
    queueLayout->addWidget(refresh);
    queueBox->setMinimumWidth(190);
    queueBox->setMaximumWidth(240);

    // Right: the revision.
    m_body = new QWidget(this);
    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(8, 8, 8, 8);
    auto* headerRow = new QHBoxLayout();
    m_header = new QLabel(m_body);
    m_header->setObjectName(QStringLiteral("reviewHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_edit = new QPushButton(tr("Openen in editor"), m_body);
    m_reject = new QPushButton(tr("Terugsturen…"), m_body);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setToolTip(tr("Terug naar de auteur, met wat er anders moet"));
    m_approve = new QPushButton(tr("Goedkeuren en publiceren"), m_body);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setToolTip(tr("De balies krijgen deze revisie direct. Uw eigen revisie keurt een "
                             "collega goed (vier ogen)."));
    m_approve->setStyleSheet(QStringLiteral(
        "QPushButton{background:#1d6b3a;color:white;padding:6px 12px;border-radius:3px}"
        "QPushButton:disabled{background:#9bb5a4}"));
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_edit);
    headerRow->addWidget(m_reject);
    headerRow->addWidget(m_approve);
    m_summary = new QLabel(m_body);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setStyleSheet(
        QStringLiteral("QLabel{background:#eef3f8;border-left:4px solid #2f5d8f;padding:6px}"));

    // The changes and what changed in the one selected.
    m_changes = new QListWidget(m_body);
    m_changes->setObjectName(QStringLiteral("changeList"));
    m_changes->setAccessibleName(tr("Wat er veranderd is, per stap"));
    m_changes->setWordWrap(true);
    m_detail = new QTextBrowser(m_body);
    m_detail->setObjectName(QStringLiteral("changeDetail"));
    m_detail->setAccessibleName(tr("De wijziging woord voor woord: doorgestreept is weg, "
                                   "onderstreept is nieuw"));
    m_detail->setOpenLinks(false);
    auto* changeSplit = new QSplitter(Qt::Vertical, m_body);
    changeSplit->addWidget(m_changes);
    changeSplit->addWidget(m_detail);
    changeSplit->setStretchFactor(0, 2);
    changeSplit->setStretchFactor(1, 3);

    // The desk's view of the step before and after.
    const auto previewColumn = [this](QLabel*& caption, QStackedWidget*& stack, QLabel*& missing,
                                      guide_view::GuideView*& view, const QString& name) {
        auto* column = new QWidget(m_body);
        auto* layout = new QVBoxLayout(column);
        layout->setContentsMargins(0, 0, 0, 0);
        caption = new QLabel(column);
        caption->setStyleSheet(QStringLiteral("font-weight:bold"));
        stack = new QStackedWidget(column);
        view = new guide_view::GuideView(stack);
        view->setAccessibleName(name);
        missing = new QLabel(stack);
        missing->setWordWrap(true);
        missing->setAlignment(Qt::AlignCenter);
        missing->setStyleSheet(QStringLiteral("QLabel{color:#555;background:#f4f4f4}"));
        stack->addWidget(view);
        stack->addWidget(missing);
        layout->addWidget(caption);
        layout->addWidget(stack, 1);
        column->setMinimumWidth(230);
        column->setMaximumWidth(341);
        return column;
    };
    auto* oldColumn = previewColumn(m_oldCaption, m_oldStack, m_oldMissing, m_oldView,
                                    tr("De stap zoals de balie hem nu ziet"));
    auto* newColumn = previewColumn(m_newCaption, m_newStack, m_newMissing, m_newView,
                                    tr("De stap zoals de balie hem na goedkeuring ziet"));

    // Comments on the selected step, in threads.
    auto* commentBox = new QWidget(m_body);
    auto* commentLayout = new QVBoxLayout(commentBox);
    commentLayout->setContentsMargins(0, 0, 0, 0);
    m_threads = new QTextBrowser(commentBox);
    m_threads->setObjectName(QStringLiteral("commentThreads"));
    m_threads->setAccessibleName(tr("Opmerkingen bij deze stap"));
    m_thread = new QComboBox(commentBox);
    m_thread->setAccessibleName(tr("Nieuwe opmerking of antwoord"));
    m_field = new QComboBox(commentBox);
    m_field->setAccessibleName(tr("Waar de opmerking over gaat"));
    m_commentText = new QPlainTextEdit(commentBox);
    m_commentText->setObjectName(QStringLiteral("commentText"));
    m_commentText->setAccessibleName(tr("Uw opmerking"));
    m_commentText->setPlaceholderText(tr("Uw opmerking of antwoord…"));
    m_commentText->setMaximumHeight(64);
    m_post = new QPushButton(tr("Plaatsen"), commentBox);
    m_post->setObjectName(QStringLiteral("postComment"));
    m_resolve = new QPushButton(tr("Opgelost"), commentBox);
    m_resolve->setToolTip(tr("De auteur van de revisie markeert een draad als opgelost"));
    auto* commentButtons = new QHBoxLayout();
    commentButtons->addWidget(m_field, 1);
    commentButtons->addWidget(m_resolve);
    commentButtons->addWidget(m_post);
    commentLayout->addWidget(new QLabel(tr("<b>Opmerkingen</b>"), commentBox));
    commentLayout->addWidget(m_threads, 1);
    commentLayout->addWidget(m_thread);
    commentLayout->addWidget(m_commentText);
    commentLayout->addLayout(commentButtons);

    auto* middle = new QSplitter(Qt::Vertical, m_body);
    middle->addWidget(changeSplit);
    middle->addWidget(commentBox);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 2);

    auto* columns = new QSplitter(Qt::Horizontal, m_body);
    columns->addWidget(middle);
    columns->addWidget(oldColumn);
    columns->addWidget(newColumn);
    columns->setStretchFactor(0, 3);
    columns->setStretchFactor(1, 2);
    columns->setStretchFactor(2, 2);

    body->addLayout(headerRow);
    body->addWidget(m_summary);
    body->addWidget(columns, 1);

    m_empty = new QLabel(tr("Er wacht niets op beoordeling. Als een collega een revisie "
                            "indient, staat die hier, met wat er veranderd is."),
                         this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    auto* right = new QStackedWidget(this);
    right->addWidget(m_body);
    right->addWidget(m_empty);
    right->setCurrentWidget(m_empty);
    connect(this, &ReviewPage::revisionShown, right,
            [right, this] { right->setCurrentWidget(m_body); });

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(queueBox);
    layout->addWidget(right, 1);

    connect(refresh, &QPushButton::clicked, this, &ReviewPage::reload);
    connect(m_queueList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= static_cast<int>(m_queue.size()))
            return;
        const auto& chosen = m_queue[static_cast<std::size_t>(row)];
        if (chosen.guide != m_guideId || chosen.revision != m_revision)
            showRevision(chosen.guide, chosen.revision);
    });
    connect(m_changes, &QListWidget::currentRowChanged, this, &ReviewPage::showChange);
    connect(m_approve, &QPushButton::clicked, this, &ReviewPage::approve);
    connect(m_reject, &QPushButton::clicked, this, &ReviewPage::askReject);
    connect(m_edit, &QPushButton::clicked, this,
            [this] { Q_EMIT openGuideRequested(qs(m_guideId)); });
    connect(m_post, &QPushButton::clicked, this, [this] {
        const QString text = m_commentText->toPlainText().trimmed();
        if (text.isEmpty()) {
            Q_EMIT message(tr("Schrijf eerst uw opmerking."));
            m_commentText->setFocus();
            return;
        }
        const auto thread = m_thread->currentData().toLongLong();
        if (thread > 0)
            replyTo(thread, text);
        else
            postComment(text);
    });
    connect(m_resolve, &QPushButton::clicked, this, [this] {
        const auto thread = m_thread->currentData().toLongLong();
        if (thread <= 0) {
            Q_EMIT message(tr("Kies eerst de draad die is opgelost."));
            return;
        }
        const auto found = std::ranges::find(m_comments, thread, &protocol::Comment::id);
        resolve(thread, found == m_comments.end() || !found->resolved());
    });
    connect(m_thread, &QComboBox::currentIndexChanged, this, [this] {
        const auto thread = m_thread->currentData().toLongLong();
        const auto found = std::ranges::find(m_comments, thread, &protocol::Comment::id);
        m_resolve->setEnabled(thread > 0);
        m_resolve->setText(found != m_comments.end() && found->resolved() ? tr("Heropenen")
                                                                          : tr("Opgelost"));
        m_field->setEnabled(thread <= 0);
    });
}

void ReviewPage::reload() {
    runAsync(
        this, [server = m_server] { return server->reviewQueue(); },
        [this](SessionResult<std::vector<RevisionInfo>> queue) {
            if (!queue) {
                Q_EMIT message(tr("De beoordelingslijst is niet op te halen: %1")
                                   .arg(qs(queue.error().toString())));
                return;
            }
            m_queue = std::move(*queue);
            fillQueue();
            const bool shownStillThere =
                std::ranges::any_of(m_queue, [this](const RevisionInfo& info) {
                    return info.guide == m_guideId && info.revision == m_revision;
                });
            if (!shownStillThere && !m_queue.empty())
                showRevision(m_queue.front().guide, m_queue.front().revision);
        });
}

void ReviewPage::fillQueue() {
    const QSignalBlocker blocker(m_queueList);
    m_queueList->clear();
    for (const auto& info : m_queue) {
        QString text = QStringLiteral("%1\n").arg(qs(info.title));
        text += tr("revisie %1 van %2").arg(info.revision).arg(qs(info.savedBy));
        text += QStringLiteral("\n") +
                tr("ingediend %1")
                    .arg(when(info.submittedAt.empty() ? info.savedAt : info.submittedAt));
        auto* item = new QListWidgetItem(text, m_queueList);
        item->setToolTip(qs(info.changeNote));
        if (info.guide == m_guideId && info.revision == m_revision)
            m_queueList->setCurrentItem(item);
    }
    const int count = static_cast<int>(m_queue.size());
    m_queueCount->setText(count == 0   ? tr("Niets te doen.")
                          : count == 1 ? tr("1 revisie.")
                                       : tr("%1 revisies, oudste eerst.").arg(count));
}

void ReviewPage::showRevision(const std::string& guide, int revision) {
    struct Loaded {
        std::vector<RevisionInfo> revisions;
        std::string newXml;
        std::string oldXml;
        int base = 0;
        std::vector<protocol::Comment> comments;
        std::vector<std::string> blockXml; // the published blocks the guide shows
    };
    m_guideId = guide;
    m_revision = revision;
    runAsync(
        this,
        [server = m_server, guide, revision]() -> SessionResult<Loaded> {
            Loaded loaded;
            auto revisions = server->revisions(guide);
            if (!revisions)
                return std::unexpected(revisions.error());
            loaded.revisions = std::move(*revisions);
            auto xml = server->revisionXml(guide, revision);
            if (!xml)
                return std::unexpected(xml.error());
            loaded.newXml = std::move(*xml);
            // Compared with what the desks have now; for a guide never
            // published, with the revision before (or nothing).
            for (const auto& info : loaded.revisions) {
                if (info.state == "published" && info.revision != revision)
                    loaded.base = info.revision;
            }
            if (loaded.base == 0 && revision > 1)
                loaded.base = revision - 1;
            if (loaded.base > 0) {
                auto old = server->revisionXml(guide, loaded.base);
                if (!old)
                    return std::unexpected(old.error());
                loaded.oldXml = std::move(*old);
            }
            auto comments = server->comments(guide);
            if (!comments)
                return std::unexpected(comments.error());
            loaded.comments = std::move(*comments);
            // The blocks its steps show, as the desks have them (published).
            std::vector<std::string> blocks;
            for (const auto* text : {&loaded.newXml, &loaded.oldXml}) {
                if (auto parsed = content::parseGuide(*text, "revision"))
                    for (auto& id : content::blocksUsed(*parsed))
                        if (std::ranges::find(blocks, id) == blocks.end())
                            blocks.push_back(std::move(id));
            }
            if (!blocks.empty()) {
                if (auto library = server->library()) {
                    for (const auto& entry : *library) {
                        if (entry.published > 0 &&
                            std::ranges::find(blocks, entry.id) != blocks.end())
                            if (auto block = server->revisionXml(entry.id, entry.published))
                                loaded.blockXml.push_back(std::move(*block));
                    }
                }
            }
            return loaded;
        },
        [this, guide, revision](SessionResult<Loaded> loaded) {
            if (guide != m_guideId || revision != m_revision)
                return; // another was chosen meanwhile
            if (!loaded) {
                Q_EMIT message(tr("Revisie %1 is niet op te halen: %2")
                                   .arg(revision)
                                   .arg(qs(loaded.error().toString())));
                return;
            }
            auto fresh = content::parseGuide(loaded->newXml, "revision");
            if (!fresh) {
                Q_EMIT message(tr("Revisie %1 is niet te lezen.").arg(revision));
                return;
            }
            m_new = std::move(*fresh);
            m_old.reset();
            m_base = 0;
            if (!loaded->oldXml.empty()) {
                if (auto old = content::parseGuide(loaded->oldXml, "base")) {
                    m_old = std::move(*old);
                    m_base = loaded->base;
                }
            }
            m_info = {};
            for (const auto& info : loaded->revisions) {
                if (info.revision == revision)
                    m_info = info;
            }
            m_comments = std::move(loaded->comments);
            m_blocks.clear();
            for (const auto& xml : loaded->blockXml)
                if (auto block = content::parseGuide(xml, "block"))
                    m_blocks.emplace(block->id, std::move(*block));
            content::Guide empty;
            empty.id = m_new->id;
            empty.revision = 0;
            m_diff = content::diffGuides(m_old ? *m_old : empty, *m_new);

            QString header = QStringLiteral("<span style=\"font-size:15px\"><b>%1</b></span><br>")
                                 .arg(qs(m_new->title).toHtmlEscaped());
            header +=
                tr("Revisie %1 van %2, ingediend %3")
                    .arg(revision)
                    .arg(qs(m_info.savedBy).toHtmlEscaped(),
                         when(m_info.submittedAt.empty() ? m_info.savedAt : m_info.submittedAt));
            header += m_base > 0 ? tr(", vergeleken met revisie %1").arg(m_base)
                                 : tr(", een nieuwe gids");
            if (!m_info.changeNote.empty())
                header += QStringLiteral("<br>") +
                          tr("Toelichting: <i>%1</i>").arg(qs(m_info.changeNote).toHtmlEscaped());
            m_header->setText(header);
            const bool inReview = m_info.state == "in_review";
            m_approve->setEnabled(inReview);
            m_reject->setEnabled(inReview);
            // In the studio's language: the English texts translate this to "en".
            const QString summary = qs(content::summaryText(
                *m_diff, tr("nl", "the language of the summary of changes").toStdString()));
            m_summary->setText(
                m_base == 0
                    ? tr("Nieuwe gids met %1 stappen.").arg(static_cast<int>(m_new->steps.size()))
                : summary.isEmpty() ? tr("Geen inhoudelijke wijzigingen.")
                                    : tr("Wat de balie ziet: %1").arg(summary));
            fillChanges();
            fillQueue();
            Q_EMIT revisionShown();
        });
}

void ReviewPage::fillChanges() {
    const QSignalBlocker blocker(m_changes);
    m_changes->clear();
    if (!m_diff)
        return;
    const auto openThreads = [this](const std::string& step) {
        return std::ranges::count_if(m_comments, [&step](const protocol::Comment& c) {
            return c.id == c.thread && !c.resolved() && c.step.value_or("") == step;
        });
    };
    const auto addItem = [this, &openThreads](QString text, const std::string& step) {
        if (const auto open = openThreads(step); open > 0)
            text += QStringLiteral("  ") +
                    (open == 1 ? tr("(1 open opmerking)")
                               : tr("(%1 open opmerkingen)").arg(static_cast<int>(open)));
        auto* item = new QListWidgetItem(text, m_changes);
        item->setData(kStepRole, qs(step));
        return item;
    };
    if (!m_diff->fields.empty() || openThreads("") > 0) {
        QStringList names;
        for (const auto& field : m_diff->fields)
            names << fieldLabel(field.field);
        addItem(names.isEmpty() ? tr("Algemeen")
                                : tr("Algemeen: %1").arg(names.join(QStringLiteral(", "))),
                "");
    }
    for (const auto& step : m_diff->steps) {
        const QString number =
            step.newIndex ? tr("Stap %1").arg(*step.newIndex + 1) : tr("Vervallen stap");
        QString what;
        switch (step.kind) {
        case content::StepChange::Kind::Added:
            what = tr("nieuw");
            break;
        case content::StepChange::Kind::Removed:
            what = tr("vervallen (was stap %1)").arg(step.oldIndex ? *step.oldIndex + 1 : 0);
            break;
        case content::StepChange::Kind::Changed:
        case content::StepChange::Kind::Renamed: {
            QStringList parts;
            if (step.moved)
                parts << tr("verplaatst van stap %1").arg(step.oldIndex ? *step.oldIndex + 1 : 0);
            for (const auto& field : step.fields)
                parts << fieldLabel(field.field).toLower();
            if (!step.options.empty())
                parts << tr("keuzes");
            if (parts.isEmpty())
                parts << tr("andere naam");
            what = parts.join(QStringLiteral(", "));
            break;
        }
        }
        addItem(QStringLiteral("%1 · %2\n%3").arg(number, what, qs(step.glance)), step.id);
    }
    // Steps with open comments but no change still show, so no thread is lost.
    for (const auto& comment : m_comments) {
        if (comment.id != comment.thread || comment.resolved() || !comment.step)
            continue;
        const bool listed = std::ranges::any_of(
            m_diff->steps, [&](const auto& s) { return s.id == *comment.step; });
        bool added = false;
        for (int row = 0; row < m_changes->count(); ++row)
            added = added || m_changes->item(row)->data(kStepRole).toString() == qs(*comment.step);
        if (!listed && !added && m_new) {
            const auto index = m_new->stepIndex(*comment.step);
            addItem(tr("Stap %1 · ongewijzigd\n%2")
                        .arg(index ? static_cast<int>(*index) + 1 : 0)
                        .arg(index ? qs(m_new->steps[*index].glance) : qs(*comment.step)),
                    *comment.step);
        }
    }
    if (m_changes->count() == 0)
        new QListWidgetItem(tr("Geen wijzigingen in de inhoud."), m_changes);
    int row = 0;
    for (int i = 0; i < m_changes->count(); ++i) {
        if (m_changes->item(i)->data(kStepRole).toString() == qs(m_step))
            row = i;
    }
    m_changes->setCurrentRow(row);
    showChange(row);
}

void ReviewPage::selectStep(const std::string& stepId) {
    for (int row = 0; row < m_changes->count(); ++row) {
        if (m_changes->item(row)->data(kStepRole).toString() == qs(stepId)) {
            m_changes->setCurrentRow(row);
            return;
        }
    }
}

void ReviewPage::showChange(int row) {
    if (!m_diff || row < 0 || row >= m_changes->count())
        return;
    m_step = m_changes->item(row)->data(kStepRole).toString().toStdString();
    QString html;
    if (m_step.empty()) {
        html = m_diff->fields.empty() ? tr("<p>De algemene gegevens zijn niet veranderd.</p>")
                                      : fieldsHtml(m_diff->fields);
    } else {
        const auto change = std::ranges::find(m_diff->steps, m_step, &content::StepChange::id);
        if (change == m_diff->steps.end()) {
            html = tr("<p>Deze stap is niet veranderd.</p>");
        } else if (change->kind == content::StepChange::Kind::Added) {
            html = tr("<p><b>Nieuwe stap</b></p><p>%1</p>").arg(qs(change->glance).toHtmlEscaped());
        } else if (change->kind == content::StepChange::Kind::Removed) {
            html = tr("<p><b>Deze stap vervalt</b></p><p><s>%1</s></p>")
                       .arg(qs(change->glance).toHtmlEscaped());
        } else {
            if (change->kind == content::StepChange::Kind::Renamed)
                html += tr("<p>Kenmerk was '%1'.</p>").arg(qs(change->oldId).toHtmlEscaped());
            if (change->moved)
                html += tr("<p>Verplaatst van stap %1 naar stap %2.</p>")
                            .arg(change->oldIndex ? *change->oldIndex + 1 : 0)
                            .arg(change->newIndex ? *change->newIndex + 1 : 0);
            html += fieldsHtml(change->fields);
            for (const auto& option : change->options)
                html += QStringLiteral("<p>%1</p>").arg(optionHtml(option));
        }
    }
    m_detail->setHtml(html);

    // The fields a comment may be about.
    m_field->clear();
    m_field->addItem(m_step.empty() ? tr("Over de hele gids") : tr("Over de hele stap"), QString());
    if (!m_step.empty()) {
        for (const char* field : kStepFields)
            m_field->addItem(tr("Over: %1").arg(fieldLabel(field)), QString::fromLatin1(field));
    }
    showPreviews();
    fillComments();
}

void ReviewPage::showPreviews() {
    const auto show = [](const std::optional<content::Guide>& guide, const std::string& stepId,
                         guide_view::GuideView* view, QStackedWidget* stack, QLabel* missing,
                         const QString& absent) {
        const content::Step* step = guide ? guide->findStep(stepId) : nullptr;
        if (!step && guide && stepId.empty() && !guide->steps.empty())
            step = &guide->steps.front();
        if (!step) {
            missing->setText(absent);
            stack->setCurrentWidget(missing);
            return;
        }
        view->showHtml(guide_view::stepPage(*guide, *step, {}));
        stack->setCurrentWidget(view);
    };
    // As the desks show them: the steps that show a block filled in from it.
    const auto lookup = [this](std::string_view id) -> const content::Guide* {
        const auto found = m_blocks.find(id);
        return found == m_blocks.end() ? nullptr : &found->second;
    };
    const std::optional<content::Guide> oldShown =
        m_old ? std::optional(content::resolveBlocks(*m_old, lookup)) : std::nullopt;
    const std::optional<content::Guide> newShown =
        m_new ? std::optional(content::resolveBlocks(*m_new, lookup)) : std::nullopt;
    std::string oldStep = m_step;
    if (m_diff) {
        const auto change = std::ranges::find(m_diff->steps, m_step, &content::StepChange::id);
        if (change != m_diff->steps.end() && change->kind == content::StepChange::Kind::Renamed)
            oldStep = change->oldId;
    }
    m_oldCaption->setText(m_base > 0 ? tr("Nu aan de balie (revisie %1)").arg(m_base)
                                     : tr("Nu aan de balie"));
    m_newCaption->setText(tr("Na goedkeuring (revisie %1)").arg(m_revision));
    show(oldShown, oldStep, m_oldView, m_oldStack, m_oldMissing,
         m_old ? tr("Deze stap is nieuw.") : tr("De balie kent deze gids nog niet."));
    show(newShown, m_step, m_newView, m_newStack, m_newMissing, tr("Deze stap vervalt."));
}

void ReviewPage::fillComments() {
    QString html;
    const QSignalBlocker blocker(m_thread);
    const auto previous = m_thread->currentData().toLongLong();
    m_thread->clear();
    m_thread->addItem(tr("Nieuwe opmerking"), qint64(0));
    int threads = 0;
    for (const auto& first : m_comments) {
        if (first.id != first.thread || first.step.value_or("") != m_step)
            continue;
        ++threads;
        html += QStringLiteral("<div style=\"margin-bottom:8px\">");
        for (const auto& comment : m_comments) {
            if (comment.thread != first.id)
                continue;
            const bool reply = comment.id != first.id;
            html +=
                QStringLiteral("<p style=\"margin:2px 0 2px %1px\"><b>%2</b> <span "
                               "style=\"color:#555\">%3%4</span><br>%5</p>")
                    .arg(reply ? 18 : 0)
                    .arg(qs(comment.author).toHtmlEscaped(), when(comment.createdAt),
                         !reply && comment.field
                             ? QStringLiteral(" · ") + fieldLabel(*comment.field).toHtmlEscaped()
                             : QString(),
                         qs(comment.text).toHtmlEscaped());
        }
        if (first.resolved())
            html += QStringLiteral("<p style=\"color:#1d6b3a;margin-left:18px\">&#10003; %1</p>")
                        .arg(tr("Opgelost door %1").arg(qs(*first.resolvedBy).toHtmlEscaped()));
        if (first.revision != m_revision)
            html += QStringLiteral("<p style=\"color:#555;margin-left:18px\">%1</p>")
                        .arg(tr("(bij revisie %1)").arg(first.revision));
        html += QStringLiteral("</div>");
        QString label = qs(first.text);
        if (label.size() > 40)
            label = label.left(40) + QStringLiteral("…");
        m_thread->addItem(tr("Antwoord op: %1").arg(label), qint64(first.id));
    }
    if (threads == 0)
        html = tr("<p style=\"color:#555\">Nog geen opmerkingen hier.</p>");
    m_threads->setHtml(html);
    const int index = m_thread->findData(qint64(previous));
    m_thread->setCurrentIndex(index >= 0 ? index : 0);
    const auto thread = m_thread->currentData().toLongLong();
    m_resolve->setEnabled(thread > 0);
    m_field->setEnabled(thread <= 0);
}

void ReviewPage::loadComments() {
    runAsync(
        this, [server = m_server, guide = m_guideId] { return server->comments(guide); },
        [this, guide = m_guideId](SessionResult<std::vector<protocol::Comment>> comments) {
            if (guide != m_guideId)
                return;
            if (!comments) {
                Q_EMIT message(tr("De opmerkingen zijn niet op te halen: %1")
                                   .arg(qs(comments.error().toString())));
                return;
            }
            m_comments = std::move(*comments);
            const std::string step = m_step;
            fillChanges();
            selectStep(step);
            fillComments();
            Q_EMIT commentsChanged();
        });
}

void ReviewPage::postComment(const QString& text) {
    ServerSession::NewComment comment;
    if (!m_step.empty())
        comment.step = m_step;
    if (const QString field = m_field->currentData().toString(); !field.isEmpty())
        comment.field = field.toStdString();
    comment.text = text.toStdString();
    sendComment(comment, tr("Opmerking geplaatst; de auteur krijgt een melding."),
                tr("De opmerking is niet geplaatst: %1"));
}

void ReviewPage::replyTo(std::int64_t thread, const QString& text) {
    ServerSession::NewComment comment;
    comment.replyTo = thread;
    comment.text = text.toStdString();
    sendComment(comment, tr("Antwoord geplaatst."), tr("Het antwoord is niet geplaatst: %1"));
}

void ReviewPage::sendComment(const ServerSession::NewComment& comment, const QString& done,
                             const QString& failed) {
    runAsync(
        this,
        [server = m_server, guide = m_guideId, revision = m_revision, comment] {
            return server->addComment(guide, revision, comment);
        },
        [this, done, failed](SessionResult<protocol::Comment> added) {
            if (!added) {
                Q_EMIT message(failed.arg(qs(added.error().message)));
                return;
            }
            m_commentText->clear();
            Q_EMIT message(done);
            loadComments();
        });
}

void ReviewPage::resolve(std::int64_t thread, bool resolved) {
    runAsync(
        this,
        [server = m_server, thread, resolved] { return server->resolveThread(thread, resolved); },
        [this, resolved](SessionResult<protocol::Comment> done) {
            if (!done) {
                Q_EMIT message(done.error().kind == SessionError::Kind::Forbidden
                                   ? tr("Alleen de auteur van de revisie markeert een draad als "
                                        "opgelost.")
                                   : tr("Dat lukte niet: %1").arg(qs(done.error().message)));
                return;
            }
            Q_EMIT message(resolved ? tr("Draad opgelost.") : tr("Draad heropend."));
            loadComments();
        });
}

void ReviewPage::act(const QString& done, std::function<SessionResult<void>()> call) {
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    runAsync(this, std::move(call), [this, done](SessionResult<void> result) {
        if (!result) {
            m_approve->setEnabled(true);
            m_reject->setEnabled(true);
            const auto& error = result.error();
            if (error.kind == SessionError::Kind::Forbidden &&
                error.message.find("four eyes") != std::string::npos)
                Q_EMIT message(tr("U kunt uw eigen revisie niet goedkeuren: een collega doet "
                                  "dat (vier ogen)."));
            else if (error.kind == SessionError::Kind::Forbidden)
                Q_EMIT message(tr("Alleen beoordelaars keuren goed of sturen terug."));
            else
                Q_EMIT message(tr("Dat lukte niet: %1").arg(qs(error.toString())));
            return;
        }
        Q_EMIT message(done);
        Q_EMIT reviewed();
        m_guideId.clear();
        m_revision = 0;
        reload();
    });
}

void ReviewPage::approve() {
    act(tr("Revisie %1 van '%2' is gepubliceerd; de balies krijgen hem nu.")
            .arg(m_revision)
            .arg(m_new ? qs(m_new->title) : qs(m_guideId)),
        [server = m_server, guide = m_guideId, revision = m_revision] {
            return server->approve(guide, revision);
        });
}

void ReviewPage::reject(const QString& reason) {
    act(tr("Revisie %1 is teruggestuurd naar de auteur.").arg(m_revision),
        [server = m_server, guide = m_guideId, revision = m_revision,
         reason = reason.toStdString()] { return server->reject(guide, revision, reason); });
}

void ReviewPage::askReject() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Terugsturen"));
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(
        new QLabel(tr("Wat moet er anders? De auteur krijgt dit te lezen."), &dialog));
    auto* reason = new QPlainTextEdit(&dialog);
    reason->setAccessibleName(tr("Reden"));
    layout->addWidget(reason);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Terugsturen"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuleren"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(buttons);
    connect(reason, &QPlainTextEdit::textChanged, buttons, [reason, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!reason->toPlainText().trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(440, 220);
    if (dialog.exec() == QDialog::Accepted)
        reject(reason->toPlainText().trimmed());
}

} // namespace souffleur::studio
