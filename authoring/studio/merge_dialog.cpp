// The merge dialog (merge_dialog.h).
#include "merge_dialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace souffleur::studio {
namespace {

QString fieldLabel(std::string_view name) {
    static const std::pair<const char*, const char*> kLabels[] = {
        {"title", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "titel")},
        {"summary", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "samenvatting")},
        {"owner", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "eigenaar")},
        {"glance", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "korte instructie")},
        {"details", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "uitleg")},
        {"why", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "waarom")},
        {"checks", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "controles")},
        {"warnings", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "waarschuwingen")},
        {"tips", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "tips")},
        {"notes", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "interne notities")},
        {"references", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "grondslag")},
        {"options", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "keuze")},
        {"escalation", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "overdracht")},
        {"ends", QT_TRANSLATE_NOOP("souffleur::studio::MergeDialog", "einde van de taak")},
    };
    for (const auto& [key, label] : kLabels)
        if (name == key)
            return MergeDialog::tr(label);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString valueText(const FieldValue& value) {
    const QString text = QString::fromStdString(displayText(value));
    return text.isEmpty() ? MergeDialog::tr("(leeg)") : text;
}

} // namespace

QString conflictTitle(const Conflict& conflict) {
    const QString step = QString::fromStdString(conflict.step);
    switch (conflict.kind) {
    case Conflict::Kind::GuideField:
        return MergeDialog::tr("De gids: %1").arg(fieldLabel(fieldName(*conflict.guideField)));
    case Conflict::Kind::StepField:
        return MergeDialog::tr("Stap '%1': %2")
            .arg(step, fieldLabel(fieldName(*conflict.stepField)));
    case Conflict::Kind::RemovedByMe:
        return MergeDialog::tr("Stap '%1': u hebt hem verwijderd, de ander heeft hem gewijzigd")
            .arg(step);
    case Conflict::Kind::RemovedByThem:
        return MergeDialog::tr("Stap '%1': de ander heeft hem verwijderd, u hebt hem gewijzigd")
            .arg(step);
    case Conflict::Kind::Order:
        return MergeDialog::tr("De volgorde van de stappen: allebei veranderd");
    }
    return step;
}

MergeDialog::MergeDialog(Merge& merge, const QString& who, int theirRevision, QWidget* parent)
    : QDialog(parent)
    , m_merge(merge) {
    setWindowTitle(tr("Samenvoegen met revisie %1").arg(theirRevision));
    auto* intro = new QLabel(
        tr("%1 heeft deze gids opgeslagen terwijl u eraan werkte (revisie %2). Alles wat niet "
           "botst is al samengevoegd. Kies hieronder per punt welke tekst blijft.")
            .arg(who.isEmpty() ? tr("Iemand anders") : who)
            .arg(theirRevision),
        this);
    intro->setWordWrap(true);

    auto* list = new QWidget;
    auto* rows = new QVBoxLayout(list);
    const auto& conflicts = merge.conflicts();
    for (std::size_t i = 0; i < conflicts.size(); ++i) {
        const Conflict& conflict = conflicts[i];
        auto* box = new QGroupBox(conflictTitle(conflict), list);
        auto* layout = new QVBoxLayout(box);
        const bool values = conflict.kind == Conflict::Kind::GuideField ||
                            conflict.kind == Conflict::Kind::StepField;
        QString mine = tr("Mijn versie");
        QString theirs = tr("Hun versie");
        if (values) {
            mine += QStringLiteral(": ") + valueText(conflict.mine);
            theirs += QStringLiteral(": ") + valueText(conflict.theirs);
        } else if (conflict.kind == Conflict::Kind::RemovedByMe) {
            mine = tr("Mijn versie: de stap verwijderen");
            theirs = tr("Hun versie: de gewijzigde stap houden");
        } else if (conflict.kind == Conflict::Kind::RemovedByThem) {
            mine = tr("Mijn versie: de gewijzigde stap houden");
            theirs = tr("Hun versie: de stap verwijderen");
        }
        auto* group = new QButtonGroup(box);
        auto choice = [&](const QString& text, Side side) {
            auto* radio = new QRadioButton(text, box);
            radio->setAccessibleName(text);
            radio->setToolTip(text);
            layout->addWidget(radio);
            group->addButton(radio);
            connect(radio, &QRadioButton::toggled, this, [this, i, side](bool on) {
                if (on)
                    m_merge.choose(i, side);
            });
            return radio;
        };
        choice(mine, Side::Mine)->setChecked(true);
        choice(theirs, Side::Theirs);
        if (conflict.canCombine)
            choice(tr("Allebei (mijn tekst, dan die van de ander)"), Side::Both);
        rows->addWidget(box);
    }
    rows->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(list);
    scroll->setWidgetResizable(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Samenvoegen"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Later"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(720, 520);
}

} // namespace souffleur::studio
