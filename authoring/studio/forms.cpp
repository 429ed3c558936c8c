// The guide and step forms (forms.h).
#include "forms.h"

#include "rich_text_edit.h"

#include <souffleur/desktop/windows.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace souffleur::studio {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

// Calls `done` when `widget` loses the keyboard focus.
void onFocusOut(QWidget* widget, std::function<void()> done) {
    struct Filter : QObject {
        std::function<void()> done;
        bool eventFilter(QObject* watched, QEvent* event) override {
            if (event->type() == QEvent::FocusOut)
                done();
            return QObject::eventFilter(watched, event);
        }
    };
    auto* filter = new Filter;
    filter->setParent(widget);
    filter->done = std::move(done);
    widget->installEventFilter(filter);
}

QPlainTextEdit* listBox(const QString& name, const QString& placeholder, QWidget* parent) {
    auto* box = new QPlainTextEdit(parent);
    box->setAccessibleName(name);
    box->setPlaceholderText(placeholder);
    box->setTabChangesFocus(true);
    box->setUndoRedoEnabled(false);
    box->setMaximumHeight(76);
    return box;
}

QLineEdit* lineField(const QString& name, const QString& placeholder, QWidget* parent) {
    auto* field = new QLineEdit(parent);
    field->setAccessibleName(name);
    field->setPlaceholderText(placeholder);
    return field;
}

// Shows `text` unless the box already shows the same items.
void loadLines(QPlainTextEdit* box, const std::vector<std::string>& items) {
    if (linesOf(box->toPlainText()) == items)
        return;
    const QSignalBlocker block(box);
    box->setPlainText(joined(items));
}

void loadLine(QLineEdit* field, const std::string& text) {
    if (field->text().toStdString() == text)
        return;
    const QSignalBlocker block(field);
    field->setText(qs(text));
}

// One reference per line: "label", "label | address", and a source record
// it cites as "| bron: ID" (format 5), in any order after the label.
std::vector<content::Reference> referencesOf(const QString& text) {
    std::vector<content::Reference> out;
    for (const auto& line : linesOf(text)) {
        const auto parts = QString::fromStdString(line).split(QLatin1Char('|'));
        content::Reference reference;
        reference.label = parts.value(0).trimmed().toStdString();
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString part = parts[i].trimmed();
            if (part.startsWith(QLatin1String("bron:"), Qt::CaseInsensitive))
                reference.source = part.mid(5).trimmed().toStdString();
            else if (!part.isEmpty())
                reference.href = part.toStdString();
        }
        out.push_back(std::move(reference));
    }
    return out;
}

QString referencesText(const std::vector<content::Reference>& references) {
    QStringList lines;
    for (const auto& reference : references) {
        QString line = qs(reference.label);
        if (!reference.href.empty())
            line += QStringLiteral(" | ") + qs(reference.href);
        if (!reference.source.empty())
            line += QStringLiteral(" | bron: ") + qs(reference.source);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

std::vector<content::Trigger> triggersOf(const QString& text) {
    std::vector<content::Trigger> out;
    for (const auto& line : linesOf(text)) {
        const QString entry = QString::fromStdString(line).trimmed();
        content::Trigger trigger;
        if (entry.startsWith(QLatin1String("link:"), Qt::CaseInsensitive)) {
            trigger.link = entry.mid(5).trimmed().toStdString();
        } else {
            const auto parts = entry.split(QLatin1Char('|'));
            trigger.application = parts.value(0).trimmed().toStdString();
            trigger.title = parts.value(1).trimmed().toStdString();
        }
        out.push_back(std::move(trigger));
    }
    return out;
}

QString triggersText(const std::vector<content::Trigger>& triggers) {
    QStringList lines;
    for (const auto& trigger : triggers)
        lines << (trigger.link.empty()
                      ? qs(trigger.application) + QStringLiteral(" | ") + qs(trigger.title)
                      : QStringLiteral("link: ") + qs(trigger.link));
    return lines.join(QLatin1Char('\n'));
}

std::vector<std::string> commaList(const QString& text) {
    std::vector<std::string> out;
    for (const auto& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.push_back(part.trimmed().toStdString());
    return out;
}

QString commaText(const std::vector<std::string>& items) {
    QStringList parts;
    for (const auto& item : items)
        parts << qs(item);
    return parts.join(QStringLiteral(", "));
}

struct Role {
    const char* id;
    const char* label;
};
constexpr Role kRoles[] = {
    {"id-expert", QT_TRANSLATE_NOOP("souffleur::studio::StepForm", "ID-expert")},
    {"back-office", QT_TRANSLATE_NOOP("souffleur::studio::StepForm", "Backoffice")},
    {"police", QT_TRANSLATE_NOOP("souffleur::studio::StepForm", "Politie")},
    {"team-lead", QT_TRANSLATE_NOOP("souffleur::studio::StepForm", "Teamleider")},
    {"other", QT_TRANSLATE_NOOP("souffleur::studio::StepForm", "Andere rol")},
};

} // namespace

std::vector<std::string> linesOf(const QString& text) {
    std::vector<std::string> out;
    for (const auto& line : text.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out.push_back(line.trimmed().toStdString());
    return out;
}

QString joined(const std::vector<std::string>& items) {
    QStringList lines;
    for (const auto& item : items)
        lines << qs(item);
    return lines.join(QLatin1Char('\n'));
}

// ---- GuideForm ----

GuideForm::GuideForm(QWidget* parent)
    : QWidget(parent) {
    m_title = lineField(tr("Titel"), tr("Wat de medewerker doet, bijvoorbeeld: Paspoort aanvragen"),
                        this);
    m_summary = listBox(tr("Samenvatting"), tr("Eén of twee zinnen: waarvoor is deze gids?"), this);
    m_owner = lineField(tr("Eigenaar (team)"), tr("Bijvoorbeeld: Team Burgerzaken Balie"), this);
    m_audience = lineField(tr("Voor wie"), tr("Rollen, met komma's: baliemedewerker"), this);
    m_tags = lineField(tr("Trefwoorden"), tr("Met komma's: paspoort, identiteit"), this);
    m_validFrom = lineField(tr("Geldig vanaf"), tr("JJJJ-MM-DD"), this);
    m_validTo = lineField(tr("Geldig tot en met"), tr("JJJJ-MM-DD"), this);
    m_reviewMonths = new QSpinBox(this);
    m_reviewMonths->setObjectName(QStringLiteral("reviewMonths"));
    m_reviewMonths->setAccessibleName(tr("Herzien elke zoveel maanden"));
    m_reviewMonths->setRange(0, 120);
    m_reviewMonths->setSpecialValueText(tr("12 (standaard)"));
    m_nextReview =
        lineField(tr("Volgende herziening"), tr("JJJJ-MM-DD, leeg: na de periode"), this);
    m_language = new QComboBox(this);
    m_language->setAccessibleName(tr("Taal van de gids"));
    m_language->addItem(tr("Nederlands"), QStringLiteral("nl"));
    m_language->addItem(tr("Engels"), QStringLiteral("en"));
    m_references = listBox(tr("Grondslag"),
                           tr("Per regel een wet, regeling of werkinstructie; "
                              "eventueel | en een adres"),
                           this);
    m_triggers =
        listBox(tr("Wanneer voorstellen"),
                tr("Per regel: applicatie | venstertitel (met * en ?), of link: ID"), this);
    m_prerequisites = new RichTextEdit(tr("Vooraf nodig"), this);
    m_context = new RichTextEdit(tr("Achtergrond"), this);
    m_result = new RichTextEdit(tr("Resultaat"), this);

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Titel"), m_title);
    form->addRow(tr("&Samenvatting"), m_summary);
    form->addRow(tr("&Eigenaar"), m_owner);
    form->addRow(tr("Voor &wie"), m_audience);
    form->addRow(tr("Tre&fwoorden"), m_tags);
    auto* validity = new QHBoxLayout;
    validity->addWidget(m_validFrom);
    validity->addWidget(new QLabel(tr("tot en met"), this));
    validity->addWidget(m_validTo);
    form->addRow(tr("&Geldig vanaf"), validity);
    auto* review = new QHBoxLayout;
    review->addWidget(new QLabel(tr("elke"), this));
    review->addWidget(m_reviewMonths);
    review->addWidget(new QLabel(tr("maanden; volgende keer"), this));
    review->addWidget(m_nextReview, 1);
    form->addRow(tr("Her&zien"), review);
    form->addRow(tr("Taa&l"), m_language);
    form->addRow(tr("&Grondslag"), m_references);
    // "Venster vastleggen": a trigger from a window that is open right now.
    auto* capture = new QPushButton(tr("Venster vastleggen…"), this);
    capture->setObjectName(QStringLiteral("captureWindow"));
    capture->setAccessibleName(tr("Een open venster vastleggen als moment om voor te stellen"));
    connect(capture, &QPushButton::clicked, this, [this] { captureWindow(); });
    auto* triggers = new QVBoxLayout;
    triggers->addWidget(m_triggers);
    triggers->addWidget(capture, 0, Qt::AlignLeft);
    form->addRow(tr("Voo&rstellen bij"), triggers);
    form->addRow(tr("Vooraf nodig"), m_prerequisites);
    form->addRow(tr("Achtergrond"), m_context);
    form->addRow(tr("Resultaat"), m_result);

    connect(m_title, &QLineEdit::textEdited, this, [this](const QString& text) {
        set(GuideField::Title, text.toStdString(), tr("Titel"));
    });
    connect(m_summary, &QPlainTextEdit::textChanged, this, [this] {
        set(GuideField::Summary, m_summary->toPlainText().toStdString(), tr("Samenvatting"));
    });
    connect(m_owner, &QLineEdit::textEdited, this, [this](const QString& text) {
        set(GuideField::Owner, text.toStdString(), tr("Eigenaar"));
    });
    connect(m_audience, &QLineEdit::textEdited, this, [this](const QString& text) {
        set(GuideField::Audience, commaList(text), tr("Voor wie"));
    });
    connect(m_tags, &QLineEdit::textEdited, this, [this](const QString& text) {
        set(GuideField::Tags, commaList(text), tr("Trefwoorden"));
    });
    // Dates, grounds and triggers are sent when the author leaves the field:
    // half a date is not a date.
    connect(m_validFrom, &QLineEdit::editingFinished, this, [this] {
        set(GuideField::ValidFrom, m_validFrom->text().trimmed().toStdString(), tr("Geldig vanaf"),
            false);
    });
    connect(m_validTo, &QLineEdit::editingFinished, this, [this] {
        set(GuideField::ValidTo, m_validTo->text().trimmed().toStdString(), tr("Geldig tot"),
            false);
    });
    connect(m_reviewMonths, &QSpinBox::editingFinished, this, [this] {
        set(GuideField::ReviewMonths, m_reviewMonths->value(), tr("Herzien elke"), false);
    });
    connect(m_nextReview, &QLineEdit::editingFinished, this, [this] {
        set(GuideField::NextReview, m_nextReview->text().trimmed().toStdString(),
            tr("Volgende herziening"), false);
    });
    connect(m_language, &QComboBox::activated, this, [this] {
        set(GuideField::Language, m_language->currentData().toString().toStdString(), tr("Taal"),
            false);
    });
    onFocusOut(m_references, [this] {
        set(GuideField::References, referencesOf(m_references->toPlainText()), tr("Grondslag"),
            false);
    });
    onFocusOut(m_triggers, [this] {
        set(GuideField::Triggers, triggersOf(m_triggers->toPlainText()), tr("Voorstellen bij"),
            false);
    });
    auto rich = [this](RichTextEdit* edit, GuideField field, const QString& label) {
        connect(edit, &RichTextEdit::edited, this,
                [this, field, label](const content::RichText& text) { set(field, text, label); });
        connect(edit, &RichTextEdit::focusLeft, this, &GuideForm::burstEnded);
    };
    rich(m_prerequisites, GuideField::Prerequisites, tr("Vooraf nodig"));
    rich(m_context, GuideField::Context, tr("Achtergrond"));
    rich(m_result, GuideField::Result, tr("Resultaat"));
    for (auto* field : {m_title, m_owner, m_audience, m_tags})
        connect(field, &QLineEdit::editingFinished, this, &GuideForm::burstEnded);
}

void GuideForm::captureWindow() {
    const auto windows = desktop::openWindows();
    if (windows.empty()) {
        QMessageBox::information(this, tr("Venster vastleggen"),
                                 tr("Er zijn geen andere vensters te zien (dit werkt op een "
                                    "X11-bureaublad). Typ de applicatie en de venstertitel zelf."));
        return;
    }
    QStringList items;
    for (const auto& window : windows)
        items << QStringLiteral("%1 — %2").arg(qs(window.application), qs(window.title));
    bool chosen = false;
    const QString item = QInputDialog::getItem(
        this, tr("Venster vastleggen"),
        tr("Bij welk open venster stelt de balie deze gids voor?\nMaak de titel daarna "
           "algemener met * (voor een naam of nummer)."),
        items, 0, false, &chosen);
    if (!chosen)
        return;
    const auto& window = windows[static_cast<std::size_t>(items.indexOf(item))];
    auto now = triggersOf(m_triggers->toPlainText());
    now.push_back({window.application, window.title, {}});
    set(GuideField::Triggers, now, tr("Venster vastgelegd"), false);
    m_triggers->setFocus(Qt::OtherFocusReason);
}

void GuideForm::set(GuideField field, FieldValue value, const QString& label, bool typing) {
    Q_EMIT edited(SetGuideField{field, std::move(value)}, label, typing);
}

void GuideForm::load(const content::Guide& guide) {
    loadLine(m_title, guide.title);
    if (m_summary->toPlainText().toStdString() != guide.summary) {
        const QSignalBlocker block(m_summary);
        m_summary->setPlainText(qs(guide.summary));
    }
    loadLine(m_owner, guide.owner);
    if (commaList(m_audience->text()) != guide.audience)
        loadLine(m_audience, commaText(guide.audience).toStdString());
    if (commaList(m_tags->text()) != guide.tags)
        loadLine(m_tags, commaText(guide.tags).toStdString());
    loadLine(m_validFrom, guide.validFrom);
    loadLine(m_validTo, guide.validTo);
    if (m_reviewMonths->value() != guide.reviewMonths) {
        const QSignalBlocker block(m_reviewMonths);
        m_reviewMonths->setValue(guide.reviewMonths);
    }
    loadLine(m_nextReview, guide.nextReview);
    const int language = m_language->findData(qs(guide.language));
    if (language < 0)
        m_language->addItem(qs(guide.language), qs(guide.language));
    m_language->setCurrentIndex(m_language->findData(qs(guide.language)));
    if (referencesOf(m_references->toPlainText()) != guide.references) {
        const QSignalBlocker block(m_references);
        m_references->setPlainText(referencesText(guide.references));
    }
    if (triggersOf(m_triggers->toPlainText()) != guide.triggers) {
        const QSignalBlocker block(m_triggers);
        m_triggers->setPlainText(triggersText(guide.triggers));
    }
    m_prerequisites->setRichText(guide.prerequisites);
    m_context->setRichText(guide.context);
    m_result->setRichText(guide.result);
}

void GuideForm::focusField(const QString& field) {
    const std::pair<const char*, QWidget*> fields[] = {
        {"title", m_title},
        {"summary", m_summary},
        {"owner", m_owner},
        {"audience", m_audience},
        {"tags", m_tags},
        {"validFrom", m_validFrom},
        {"validTo", m_validTo},
        {"language", m_language},
        {"references", m_references},
        {"triggers", m_triggers},
        {"prerequisites", m_prerequisites->editor()},
        {"context", m_context->editor()},
        {"result", m_result->editor()},
    };
    for (const auto& [name, widget] : fields)
        if (field == QLatin1String(name))
            widget->setFocus(Qt::OtherFocusReason);
}

// ---- StepForm ----

StepForm::StepForm(QWidget* parent)
    : QWidget(parent) {
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("stepHeading"));
    m_heading->setStyleSheet(QStringLiteral("font-weight:600;font-size:15px"));
    m_glance = lineField(tr("Korte instructie"), tr("Wat de medewerker nu doet, in één zin"), this);
    m_glance->setObjectName(QStringLiteral("glance"));
    m_details = new RichTextEdit(tr("Uitleg"), this);
    m_why = new RichTextEdit(tr("Waarom"), this);
    m_checks = listBox(tr("Controles"), tr("Per regel één controle"), this);
    m_warnings = listBox(tr("Waarschuwingen"), tr("Per regel: wat niet mis mag gaan"), this);
    m_tips = listBox(tr("Tips"), tr("Per regel: wat ervaren collega's doen"), this);
    m_notes = listBox(tr("Interne notities"),
                      tr("Per regel, voor collega's: nooit in beeld als de burger meekijkt"), this);
    m_references =
        listBox(tr("Grondslag van deze stap"),
                tr("Per regel een regel of werkinstructie; eventueel | en een adres"), this);

    m_optionRows = new QWidget(this);
    m_optionLayout = new QVBoxLayout(m_optionRows);
    m_optionLayout->setContentsMargins(0, 0, 0, 0);
    m_addOption = new QPushButton(tr("Keuze toevoegen"), this);
    m_addOption->setAccessibleName(tr("Keuze toevoegen"));
    connect(m_addOption, &QPushButton::clicked, this, [this] {
        auto options = optionsShown();
        // A decision has two options at least; the first click makes both.
        const std::string target = m_targets.empty() ? m_step : m_targets.front().first;
        if (options.empty())
            options.push_back({tr("Ja").toStdString(), target});
        options.push_back({options.size() == 1 ? tr("Nee").toStdString() : "", target});
        Q_EMIT edited(SetStepField{m_step, StepField::Options, options}, tr("Keuze toevoegen"),
                      false);
    });

    m_escalation = new QGroupBox(tr("Overdragen aan een andere rol"), this);
    m_escalation->setCheckable(true);
    m_escalation->setAccessibleName(tr("Overdragen aan een andere rol"));
    m_role = new QComboBox(m_escalation);
    m_role->setAccessibleName(tr("Aan wie"));
    for (const Role& role : kRoles)
        m_role->addItem(tr(role.label), QString::fromLatin1(role.id));
    m_say = lineField(tr("Wat zegt u tegen de burger"), tr("Wat zegt u tegen de burger?"),
                      m_escalation);
    m_record = lineField(tr("Wat legt u vast"), tr("Wat legt u vast, en waar?"), m_escalation);
    m_outcome =
        lineField(tr("Hoe eindigt de taak"), tr("Hoe eindigt de taak voor u?"), m_escalation);
    auto* escalationForm = new QFormLayout(m_escalation);
    escalationForm->addRow(tr("Aan &wie"), m_role);
    escalationForm->addRow(tr("&Zeg"), m_say);
    escalationForm->addRow(tr("&Leg vast"), m_record);
    escalationForm->addRow(tr("&Afloop"), m_outcome);

    m_ends = new QCheckBox(tr("De taak eindigt na deze stap"), this);
    m_ends->setAccessibleName(tr("De taak eindigt na deze stap"));

    // The heading and a block's panel above the form of the step's fields.
    auto* outer = new QVBoxLayout(this);
    auto* formHost = new QWidget(this);
    auto* form = new QFormLayout(formHost);
    form->setContentsMargins(0, 0, 0, 0);
    m_form = form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // How readable the step is, beside its heading: the score and the target.
    m_readability = new QLabel(this);
    m_readability->setObjectName(QStringLiteral("stepReadability"));
    m_readability->setToolTip(
        tr("Flesch-Douma: hoe hoger, hoe makkelijker. 60 tot 70 is eenvoudige taal. Korte zinnen "
           "en korte woorden helpen."));
    auto* headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading);
    headingRow->addStretch();
    headingRow->addWidget(m_readability);
    outer->addLayout(headingRow);
    // A step that shows a block: its text lives in the block (blocks.h).
    m_blockPanel = new QFrame(this);
    m_blockPanel->setObjectName(QStringLiteral("blockPanel"));
    m_blockPanel->setStyleSheet(
        QStringLiteral("#blockPanel{background:#eef3f8;border-left:4px solid #154273}"));
    m_blockText = new QLabel(m_blockPanel);
    m_blockText->setObjectName(QStringLiteral("blockText"));
    m_blockText->setWordWrap(true);
    m_blockText->setTextFormat(Qt::PlainText);
    auto* openBlock = new QPushButton(tr("Bouwsteen openen"), m_blockPanel);
    openBlock->setObjectName(QStringLiteral("openBlock"));
    openBlock->setAccessibleName(tr("De bouwsteen openen om zijn tekst te wijzigen"));
    connect(openBlock, &QPushButton::clicked, this,
            [this] { Q_EMIT blockOpenRequested(QString::fromStdString(m_block)); });
    auto* blockLayout = new QVBoxLayout(m_blockPanel);
    blockLayout->addWidget(m_blockText);
    blockLayout->addWidget(openBlock, 0, Qt::AlignLeft);
    m_blockPanel->hide();
    outer->addWidget(m_blockPanel);
    outer->addWidget(formHost);
    outer->addStretch();
    form->addRow(tr("&Instructie"), m_glance);
    form->addRow(tr("&Uitleg"), m_details);
    form->addRow(tr("&Waarom"), m_why);
    form->addRow(tr("&Controles"), m_checks);
    form->addRow(tr("Waa&rschuwingen"), m_warnings);
    form->addRow(tr("&Tips"), m_tips);
    form->addRow(tr("Interne &notities"), m_notes);

    // Pictures (document security features): each with what it shows.
    m_images = new QListWidget(this);
    m_images->setObjectName(QStringLiteral("images"));
    m_images->setAccessibleName(tr("Afbeeldingen bij deze stap"));
    m_images->setMaximumHeight(72);
    auto* addImage = new QPushButton(tr("Afbeelding toevoegen…"), this);
    addImage->setObjectName(QStringLiteral("addImage"));
    addImage->setAccessibleName(tr("Een afbeelding (PNG of JPEG) bij deze stap toevoegen"));
    auto* removeImage = new QPushButton(tr("Verwijderen"), this);
    removeImage->setAccessibleName(tr("De gekozen afbeelding verwijderen"));
    connect(addImage, &QPushButton::clicked, this, [this] { Q_EMIT imageWanted(); });
    connect(removeImage, &QPushButton::clicked, this, [this] {
        const int row = m_images->currentRow();
        if (row < 0 || static_cast<std::size_t>(row) >= m_shownImages.size())
            return;
        auto images = m_shownImages;
        images.erase(images.begin() + row);
        set(StepField::Images, images, tr("Afbeelding verwijderen"), false);
    });
    auto* imageButtons = new QHBoxLayout;
    imageButtons->addWidget(addImage);
    imageButtons->addWidget(removeImage);
    imageButtons->addStretch();
    auto* images = new QVBoxLayout;
    images->addWidget(m_images);
    images->addLayout(imageButtons);
    m_imageRow = images;
    form->addRow(tr("Afbeeldingen"), images);
    auto* decision = new QVBoxLayout;
    decision->addWidget(m_optionRows);
    decision->addWidget(m_addOption, 0, Qt::AlignLeft);
    form->addRow(tr("Keuze"), decision);
    form->addRow(m_escalation);
    form->addRow(QString(), m_ends);
    form->addRow(tr("Grondslag"), m_references);

    connect(m_glance, &QLineEdit::textEdited, this, [this](const QString& text) {
        set(StepField::Glance, text.toStdString(), tr("Instructie"));
    });
    connect(m_glance, &QLineEdit::editingFinished, this, &StepForm::burstEnded);
    auto rich = [this](RichTextEdit* edit, StepField field, const QString& label) {
        connect(edit, &RichTextEdit::edited, this,
                [this, field, label](const content::RichText& text) { set(field, text, label); });
        connect(edit, &RichTextEdit::focusLeft, this, &StepForm::burstEnded);
    };
    rich(m_details, StepField::Details, tr("Uitleg"));
    rich(m_why, StepField::Why, tr("Waarom"));
    auto lines = [this](QPlainTextEdit* box, StepField field, const QString& label) {
        connect(box, &QPlainTextEdit::textChanged, this,
                [this, box, field, label] { set(field, linesOf(box->toPlainText()), label); });
        onFocusOut(box, [this] { Q_EMIT burstEnded(); });
    };
    lines(m_checks, StepField::Checks, tr("Controles"));
    lines(m_warnings, StepField::Warnings, tr("Waarschuwingen"));
    lines(m_tips, StepField::Tips, tr("Tips"));
    lines(m_notes, StepField::Notes, tr("Interne notities"));
    onFocusOut(m_references, [this] {
        set(StepField::References, referencesOf(m_references->toPlainText()), tr("Grondslag"),
            false);
    });
    connect(m_escalation, &QGroupBox::clicked, this, [this](bool on) {
        std::optional<content::Escalation> value;
        if (on)
            value = escalationShown();
        set(StepField::Escalation, value, tr("Overdragen"), false);
    });
    auto escalationChanged = [this] {
        if (m_escalation->isChecked())
            set(StepField::Escalation, std::optional<content::Escalation>(escalationShown()),
                tr("Overdragen"));
    };
    connect(m_role, &QComboBox::activated, this, escalationChanged);
    for (auto* field : {m_say, m_record, m_outcome}) {
        connect(field, &QLineEdit::textEdited, this, escalationChanged);
        connect(field, &QLineEdit::editingFinished, this, &StepForm::burstEnded);
    }
    connect(m_ends, &QCheckBox::clicked, this, [this](bool on) {
        set(StepField::Ends, on, on ? tr("Taak eindigt hier") : tr("Taak gaat door"), false);
    });
}

void StepForm::showReadability(double score, double target, bool measured) {
    m_readability->setVisible(measured);
    const bool low = score < target;
    m_readability->setText(
        tr("Leesbaarheid %1 (doel %2)")
            .arg(QString::number(score, 'f', 0), QString::number(target, 'f', 0)));
    m_readability->setStyleSheet(low ? QStringLiteral("color:#8a4b00;font-weight:600")
                                     : QStringLiteral("color:#245c2a"));
    m_readability->setAccessibleName(m_readability->text() +
                                     (low ? tr(": moeilijker dan het doel") : QString()));
}

void StepForm::describeBlock(const QString& text) {
    m_blockText->setText(text);
    m_blockPanel->setAccessibleDescription(text);
}

void StepForm::set(StepField field, FieldValue value, const QString& label, bool typing) {
    Q_EMIT edited(SetStepField{m_step, field, std::move(value)}, label, typing);
}

content::Escalation StepForm::escalationShown() const {
    return {m_role->currentData().toString().toStdString(), m_say->text().toStdString(),
            m_record->text().toStdString(), m_outcome->text().toStdString()};
}

void StepForm::load(const content::Guide& guide, const content::Step& step) {
    const bool otherStep = m_step != step.id;
    m_step = step.id;
    const auto index = guide.stepIndex(step.id).value_or(0);
    m_heading->setText(tr("Stap %1 van %2").arg(index + 1).arg(guide.steps.size()));
    // A step that shows a block has no text of its own: only its way on.
    m_block = step.block;
    const bool own = step.block.empty();
    m_blockPanel->setVisible(!own);
    if (!own && otherStep)
        describeBlock(
            tr("Deze stap toont de bouwsteen '%1'.").arg(QString::fromStdString(step.block)));
    for (QWidget* field : std::initializer_list<QWidget*>{
             m_glance, m_details, m_why, m_checks, m_warnings, m_tips, m_notes, m_references})
        m_form->setRowVisible(field, own);
    m_form->setRowVisible(m_imageRow, own);
    m_form->setRowVisible(m_escalation, own);
    if (otherStep) {
        // Another step: every field shows it, whatever was typed in the last.
        for (auto* box : {m_checks, m_warnings, m_tips, m_notes, m_references}) {
            const QSignalBlocker block(box);
            box->clear();
        }
    }
    loadLine(m_glance, step.glance);
    m_details->setRichText(step.details);
    m_why->setRichText(step.why);
    loadLines(m_checks, step.checks);
    loadLines(m_warnings, step.warnings);
    loadLines(m_tips, step.tips);
    loadLines(m_notes, step.notes);
    if (referencesOf(m_references->toPlainText()) != step.references) {
        const QSignalBlocker block(m_references);
        m_references->setPlainText(referencesText(step.references));
    }
    if (step.images != m_shownImages || otherStep) {
        m_shownImages = step.images;
        m_images->clear();
        for (const auto& image : step.images)
            m_images->addItem(
                QStringLiteral("%1 (%2…)")
                    .arg(qs(image.alt),
                         qs(image.hash.substr(0, std::min<std::size_t>(image.hash.size(), 15)))));
    }
    loadOptions(guide, step);
    {
        const QSignalBlocker block(m_escalation);
        m_escalation->setChecked(step.escalation.has_value());
    }
    const content::Escalation escalation = step.escalation.value_or(content::Escalation{});
    const int role = m_role->findData(qs(escalation.role));
    m_role->setCurrentIndex(role < 0 ? 0 : role);
    loadLine(m_say, escalation.say);
    loadLine(m_record, escalation.record);
    loadLine(m_outcome, escalation.outcome);
    {
        const QSignalBlocker block(m_ends);
        m_ends->setChecked(step.ends);
    }
}

void StepForm::loadOptions(const content::Guide& guide, const content::Step& step) {
    std::vector<std::pair<std::string, std::string>> targets;
    for (std::size_t i = 0; i < guide.steps.size(); ++i)
        targets.emplace_back(
            guide.steps[i].id,
            tr("Stap %1: %2").arg(i + 1).arg(qs(guide.steps[i].glance)).toStdString());
    if (targets == m_targets && optionsShown() == step.options)
        return;
    m_targets = std::move(targets);
    // Rebuilt: few rows, and the row being typed in keeps its text (the same value).
    const QWidget* focused = focusWidget();
    int focusRow = -1;
    for (int i = 0; i < m_optionLayout->count(); ++i)
        if (auto* row = m_optionLayout->itemAt(i)->widget(); row && row->isAncestorOf(focused))
            focusRow = i;
    // The old rows go later: the click that changed them may come from one.
    while (auto* item = m_optionLayout->takeAt(0)) {
        if (auto* old = item->widget()) {
            old->hide();
            old->setObjectName(QStringLiteral("removedOptionRow"));
            old->deleteLater();
        }
        delete item;
    }
    for (std::size_t i = 0; i < step.options.size(); ++i) {
        const auto& option = step.options[i];
        auto* row = new QWidget(m_optionRows);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto* label = lineField(tr("Keuze %1").arg(i + 1), tr("Wat de medewerker kiest"), row);
        label->setText(qs(option.label));
        label->setObjectName(QStringLiteral("optionLabel"));
        auto* target = new QComboBox(row);
        target->setAccessibleName(tr("Keuze %1 gaat naar").arg(i + 1));
        target->setObjectName(QStringLiteral("optionTarget"));
        target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        target->setMinimumContentsLength(14);
        for (const auto& [id, text] : m_targets)
            target->addItem(qs(text), qs(id));
        target->setCurrentIndex(target->findData(qs(option.target)));
        auto* remove = new QToolButton(row);
        remove->setText(QStringLiteral("\u2715"));
        remove->setAccessibleName(tr("Keuze %1 verwijderen").arg(i + 1));
        remove->setToolTip(tr("Keuze verwijderen"));
        layout->addWidget(label, 3);
        layout->addWidget(new QLabel(QStringLiteral("\u2192"), row));
        layout->addWidget(target, 2);
        layout->addWidget(remove);
        m_optionLayout->addWidget(row);
        connect(label, &QLineEdit::textEdited, this, [this] { sendOptions(); });
        connect(label, &QLineEdit::editingFinished, this, &StepForm::burstEnded);
        connect(target, &QComboBox::activated, this, [this] { sendOptions(); });
        connect(remove, &QToolButton::clicked, this, [this, i] {
            auto options = optionsShown();
            options.erase(options.begin() + static_cast<std::ptrdiff_t>(i));
            // One option is no decision: removing the second removes both.
            if (options.size() == 1)
                options.clear();
            Q_EMIT edited(SetStepField{m_step, StepField::Options, options},
                          tr("Keuze verwijderen"), false);
        });
        if (static_cast<int>(i) == focusRow)
            label->setFocus();
    }
    m_addOption->setText(step.options.empty() ? tr("Van deze stap een keuze maken")
                                              : tr("Keuze toevoegen"));
}

std::vector<content::Option> StepForm::optionsShown() const {
    std::vector<content::Option> options;
    for (int i = 0; i < m_optionLayout->count(); ++i) {
        auto* row = m_optionLayout->itemAt(i)->widget();
        if (!row)
            continue;
        auto* label = row->findChild<QLineEdit*>(QStringLiteral("optionLabel"));
        auto* target = row->findChild<QComboBox*>(QStringLiteral("optionTarget"));
        if (label && target)
            options.push_back(
                {label->text().toStdString(), target->currentData().toString().toStdString()});
    }
    return options;
}

void StepForm::sendOptions() {
    set(StepField::Options, optionsShown(), tr("Keuze"));
}

void StepForm::focusField(const QString& field) {
    const std::pair<const char*, QWidget*> fields[] = {
        {"glance", m_glance}, {"details", m_details->editor()}, {"why", m_why->editor()},
        {"checks", m_checks}, {"warnings", m_warnings},         {"tips", m_tips},
        {"notes", m_notes},   {"options", m_addOption},         {"escalation", m_escalation},
        {"ends", m_ends},     {"references", m_references},
    };
    for (const auto& [name, widget] : fields)
        if (field == QLatin1String(name))
            widget->setFocus(Qt::OtherFocusReason);
    if (field == QLatin1String("options"))
        if (auto* first = m_optionRows->findChild<QLineEdit*>(QStringLiteral("optionLabel")))
            first->setFocus(Qt::OtherFocusReason);
}

} // namespace souffleur::studio
