// The team's logbook in the panel (see logbook_panel.h).
#include "logbook_panel.h"

#include <souffleur/protocol/records.h>

#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace souffleur::overlay {
namespace {

// Longer texts are cut off by the line edit: the wire protocol's limit, the
// one the outbox and the server check.
const int kMaxTextLength = static_cast<int>(protocol::maxTextLength("logbook", "text"));

// A place on screen: the first words of a guide's title and of a step's
// instruction, whole (the full text is the tooltip's and the screen reader's).
constexpr qsizetype kTitleChars = 24;
constexpr qsizetype kGlanceChars = 40;

constexpr auto kMuted = "#555555";
constexpr auto kUnsent = "#8a5a00"; // the header's "connecting" amber, a little darker
constexpr auto kWarning = "#8b0000";

QString shortened(const QString& text, qsizetype chars) {
    if (text.size() <= chars)
        return text;
    qsizetype cut = text.lastIndexOf(QLatin1Char(' '), chars);
    if (cut < chars / 2)
        cut = chars;
    return text.left(cut).trimmed() + QStringLiteral("…");
}

// Clicking the label beside the check box toggles it, as a check box's own text would.
class ToggleOnClick : public QObject {
public:
    ToggleOnClick(QCheckBox* box, QObject* parent)
        : QObject(parent)
        , m_box(box) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::MouseButtonRelease) {
            m_box->toggle();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QCheckBox* m_box;
};

} // namespace

LogbookPanel::LogbookPanel(const UiText& text, Language language, QWidget* parent)
    : QWidget(parent)
    , m_text(text)
    , m_language(language)
    , m_heading(new QLabel(text.logbookHeading, this))
    , m_offline(new QLabel(text.logbookOffline, this))
    , m_scroll(new QScrollArea(this))
    , m_entries(new QWidget)
    , m_entryLayout(new QVBoxLayout(m_entries))
    , m_attachRow(new QWidget(this))
    , m_attach(new QCheckBox(m_attachRow))
    , m_place(new QLabel(m_attachRow))
    , m_input(new QLineEdit(this))
    , m_privacy(new QLabel(this))
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("logbook-panel"));
    setAccessibleName(text.logbookHeading);

    m_heading->setObjectName(QStringLiteral("logbook-heading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setObjectName(QStringLiteral("logbook-close"));
    close->setAutoRaise(true);
    close->setAccessibleName(text.close);
    close->setToolTip(text.close);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    auto* headRow = new QHBoxLayout;
    headRow->addWidget(m_heading, 1);
    headRow->addWidget(close);

    m_offline->setObjectName(QStringLiteral("logbook-offline"));
    m_offline->setWordWrap(true);
    m_offline->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(kMuted)));
    m_offline->hide();

    m_entries->setObjectName(QStringLiteral("logbook-entries"));
    m_entries->setAccessibleName(text.logbookEntries);
    m_entryLayout->setContentsMargins(6, 4, 6, 4);
    m_entryLayout->setSpacing(4);
    m_scroll->setObjectName(QStringLiteral("logbook-list"));
    m_scroll->setWidget(m_entries);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::StrongFocus); // arrows and Page Up/Down scroll the entries
    m_scroll->setAccessibleName(text.logbookEntries);

    // What a new entry is about: a check box, and its text beside it, wrapped.
    m_attach->setObjectName(QStringLiteral("logbook-attach"));
    m_attach->setChecked(true);
    m_place->setObjectName(QStringLiteral("logbook-place"));
    m_place->setWordWrap(true);
    m_place->setTextFormat(Qt::PlainText);
    m_place->installEventFilter(new ToggleOnClick(m_attach, m_place));
    connect(m_attach, &QCheckBox::toggled, m_place, [this](bool on) {
        m_place->setStyleSheet(on ? QString()
                                  : QStringLiteral("color: %1; text-decoration: line-through;")
                                        .arg(QLatin1String(kMuted)));
    });
    m_attachRow->setObjectName(QStringLiteral("logbook-attach-row"));
    auto* attachLine = new QHBoxLayout(m_attachRow);
    attachLine->setContentsMargins(0, 0, 0, 0);
    attachLine->addWidget(m_attach, 0, Qt::AlignTop);
    attachLine->addWidget(m_place, 1);
    m_attachRow->hide();

    m_input->setObjectName(QStringLiteral("logbook-text"));
    m_input->setAccessibleName(text.logbookText);
    m_input->setPlaceholderText(text.logbookPlaceholder);
    m_input->setMaxLength(kMaxTextLength);
    m_input->setClearButtonEnabled(true);
    connect(m_input, &QLineEdit::returnPressed, this, &LogbookPanel::submit);
    connect(m_input, &QLineEdit::textChanged, this, &LogbookPanel::inputChanged);
    auto* add = new QPushButton(text.logbookAdd, this);
    add->setObjectName(QStringLiteral("logbook-add"));
    add->setAccessibleName(text.logbookAdd);
    add->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(add, &QPushButton::clicked, this, &LogbookPanel::submit);
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(add);

    m_privacy->setObjectName(QStringLiteral("logbook-privacy"));
    m_privacy->setWordWrap(true);
    m_privacy->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(kWarning)));
    m_privacy->hide();
    m_message->setObjectName(QStringLiteral("logbook-message"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(text.logbookHeading);
    m_message->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 4);
    layout->setSpacing(4);
    layout->addLayout(headRow);
    layout->addWidget(m_offline);
    layout->addWidget(m_scroll);
    layout->addWidget(m_attachRow);
    layout->addLayout(inputRow);
    layout->addWidget(m_privacy);
    layout->addWidget(m_message);
}

void LogbookPanel::open() {
    show();
    m_input->setFocus();
}

QString LogbookPanel::placeText(const UiText& text, const QString& guideTitle, int stepNumber,
                                const QString& glance, bool brief) {
    const QString title = brief ? shortened(guideTitle, kTitleChars) : guideTitle;
    if (stepNumber <= 0)
        return title;
    QString step = text.logbookStep.arg(stepNumber);
    if (!glance.isEmpty())
        step += QStringLiteral(": ") + (brief ? shortened(glance, kGlanceChars) : glance);
    return QStringLiteral("%1 › %2").arg(title, step);
}

QString LogbookPanel::whenText(const QString& iso) const {
    QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(iso, Qt::ISODate);
    if (!at.isValid())
        return iso.left(10); // at least the date the server checked
    at = at.toLocalTime();
    const QDate today = QDate::currentDate();
    const QString time = at.toString(QStringLiteral("HH:mm"));
    if (at.date() == today)
        return m_text.logbookToday.arg(time);
    if (at.date() == today.addDays(-1))
        return m_text.logbookYesterday.arg(time);
    const QLocale locale(m_language == Language::English ? QLocale::English : QLocale::Dutch);
    if (at.date().year() == today.year())
        return locale.toString(at.date(), QStringLiteral("d MMM")) + QLatin1Char(' ') + time;
    return locale.toString(at.date(), QStringLiteral("d MMM yyyy"));
}

void LogbookPanel::setEntries(const std::vector<client::LogbookLine>& lines, bool offline) {
    m_offline->setVisible(offline);
    // Unchanged (a step further, a batch of step records sent): the list
    // stays as it is, scrolled where the employee left it.
    QStringList shown;
    for (const client::LogbookLine& line : lines)
        shown << QString::fromStdString(line.entry.id + '\t' + line.entry.at + '\t' +
                                        line.entry.text + '\t' + line.entry.team + '\t' +
                                        line.guideTitle + '\t' + line.stepGlance + '\t' +
                                        std::to_string(line.stepNumber) + (line.sent ? "" : "*"));
    const QString key = shown.join(QLatin1Char('\n'));
    if (key == m_shownKey && m_entryLayout->count() > 0)
        return;
    m_shownKey = key;
    while (QLayoutItem* item = m_entryLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (lines.empty()) {
        auto* none = new QLabel(m_text.logbookNone, m_entries);
        none->setObjectName(QStringLiteral("logbook-none"));
        none->setWordWrap(true);
        none->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(kMuted)));
        m_entryLayout->addWidget(none);
        none->show(); // now, so that fitList() counts it
    }
    QString team;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const client::LogbookLine& line = lines[i];
        if (team.isEmpty())
            team = QString::fromStdString(line.entry.team);
        // On screen: when, and the guide and step number, on one small line;
        // with the step's instruction for the tooltip and the screen reader.
        const QString when = whenText(QString::fromStdString(line.entry.at));
        QString place;
        QString fullPlace;
        if (!line.guideTitle.empty()) {
            const QString title = QString::fromStdString(line.guideTitle);
            place = placeText(m_text, title, line.stepNumber, {}, true);
            fullPlace = placeText(m_text, title, line.stepNumber,
                                  QString::fromStdString(line.stepGlance), false);
        } else if (line.entry.guide && !line.entry.guide->empty()) {
            fullPlace = place = QString::fromStdString(*line.entry.guide); // not on this desk
        }
        const QString meta = place.isEmpty() ? when : when + QStringLiteral(" · ") + place;
        const QString fullMeta =
            fullPlace.isEmpty() ? when : when + QStringLiteral(", ") + fullPlace;
        const QString text = QString::fromStdString(line.entry.text);
        QString html = QStringLiteral("<span style=\"color:%1; font-size:small\">%2</span>")
                           .arg(QLatin1String(kMuted), meta.toHtmlEscaped());
        if (!line.sent)
            html += QStringLiteral(" <b style=\"color:%1; font-size:small\">%2</b>")
                        .arg(QLatin1String(kUnsent), m_text.logbookUnsent.toHtmlEscaped());
        html += QStringLiteral("<br>") +
                text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        auto* entry = new QLabel(html, m_entries);
        entry->setObjectName(line.sent ? QStringLiteral("logbook-entry")
                                       : QStringLiteral("logbook-entry-unsent"));
        entry->setTextFormat(Qt::RichText);
        entry->setWordWrap(true);
        entry->setTextInteractionFlags(Qt::TextSelectableByMouse);
        entry->setAccessibleName(
            fullMeta + (line.sent ? QString() : QStringLiteral(", ") + m_text.logbookUnsent) +
            QStringLiteral(": ") + text);
        if (!fullPlace.isEmpty())
            entry->setToolTip(fullPlace);
        if (i > 0) { // a thin line between entries
            auto* rule = new QFrame(m_entries);
            rule->setFrameShape(QFrame::HLine);
            rule->setStyleSheet(QStringLiteral("color: #d8d8d8;"));
            m_entryLayout->addWidget(rule);
            rule->show();
        }
        m_entryLayout->addWidget(entry);
        entry->show(); // now, so that fitList() counts it
    }
    m_entryLayout->addStretch(1);
    m_heading->setText(team.isEmpty() ? m_text.logbookHeading
                                      : m_text.logbookHeadingTeam.arg(team));
    fitList();
}

void LogbookPanel::setAttachment(const QString& guideTitle, int stepNumber, const QString& glance) {
    const QString text =
        guideTitle.isEmpty()
            ? QString()
            : m_text.logbookAbout.arg(placeText(m_text, guideTitle, stepNumber, glance, true));
    if (m_place->text() != text)
        m_attach->setChecked(true); // a new step: about it, unless detached again
    m_place->setText(text);
    const QString full =
        m_text.logbookAbout.arg(placeText(m_text, guideTitle, stepNumber, glance, false));
    m_attach->setAccessibleName(full);
    m_place->setToolTip(full + QLatin1Char('\n') + m_text.logbookAttachHint);
    m_attach->setToolTip(m_place->toolTip());
    m_attachRow->setVisible(!guideTitle.isEmpty());
}

bool LogbookPanel::hasText() const {
    return !m_input->text().trimmed().isEmpty();
}

bool LogbookPanel::attaches() const {
    return m_attach->isChecked() && !m_attachRow->isHidden();
}

void LogbookPanel::pointAtPersonalData(const QStringList& kinds) {
    m_privacy->setText(kinds.isEmpty()
                           ? QString()
                           : m_text.logbookLooksPersonal.arg(kinds.join(QStringLiteral(", "))));
    m_privacy->setVisible(!kinds.isEmpty());
    if (!kinds.isEmpty())
        m_message->hide(); // the hint says what matters now
}

void LogbookPanel::showAdded() {
    m_input->clear();
    m_message->setText(m_text.logbookAdded);
    m_message->show();
}

void LogbookPanel::showFailed(bool diskFull) {
    m_message->setText(diskFull ? m_text.logbookDiskFull : m_text.logbookFailed);
    m_message->show();
    m_input->setFocus();
}

void LogbookPanel::showRefused(const QString& message) {
    m_privacy->hide();
    m_message->setText(message);
    m_message->show();
    m_input->setFocus();
}

void LogbookPanel::reset() {
    m_input->clear();
    m_message->clear();
    m_message->hide();
    m_privacy->hide();
}

void LogbookPanel::submit() {
    if (m_input->text().trimmed().isEmpty()) {
        m_message->setText(m_text.logbookTypeFirst);
        m_message->show();
        m_input->setFocus();
        return;
    }
    Q_EMIT submitted(m_input->text(), attaches());
}

void LogbookPanel::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        Q_EMIT closed();
        return;
    }
    QWidget::keyPressEvent(event);
}

void LogbookPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitList();
}

void LogbookPanel::fitList() {
    // As high as its entries, up to a quarter of the panel: the step stays
    // readable above it; more entries scroll.
    const int width =
        m_scroll->viewport()->width() > 0 ? m_scroll->viewport()->width() : m_scroll->width();
    const int content = m_entries->layout()->hasHeightForWidth()
                            ? m_entries->layout()->totalHeightForWidth(width)
                            : m_entries->sizeHint().height();
    const int most = std::max(120, window()->height() / 4);
    if (const int height = std::min(content + 2 * m_scroll->frameWidth(), most);
        height != m_scroll->minimumHeight() || height != m_scroll->maximumHeight())
        m_scroll->setFixedHeight(height);
}

} // namespace souffleur::overlay
