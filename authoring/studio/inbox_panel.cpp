// The feedback inbox beside the step (inbox_panel.h).
#include "inbox_panel.h"

#include "async.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace souffleur::studio {
namespace {

constexpr int kIdRole = Qt::UserRole;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString kindLabel(const std::string& kind) {
    if (kind == "wrong")
        return InboxPanel::tr("Klopt niet");
    if (kind == "unclear")
        return InboxPanel::tr("Onduidelijk");
    if (kind == "tip")
        return InboxPanel::tr("Tip");
    if (kind == "outdated")
        return InboxPanel::tr("Verouderd");
    if (kind == "source")
        return InboxPanel::tr("Bron gewijzigd");
    if (kind == "action")
        return InboxPanel::tr("Actie uit een AAR");
    return qs(kind);
}

bool isOpen(const protocol::Feedback& feedback) {
    return feedback.status == "new" || feedback.status == "planned";
}

} // namespace

QString feedbackStatusLabel(const protocol::Feedback& feedback) {
    const auto& status = feedback.status;
    if (status == "new")
        return InboxPanel::tr("Nieuw");
    if (status == "planned")
        return feedback.handledRevision
                   ? InboxPanel::tr("Gepland in revisie %1").arg(*feedback.handledRevision)
                   : InboxPanel::tr("Gepland");
    if (status == "applied")
        return feedback.handledRevision
                   ? InboxPanel::tr("Toegepast in revisie %1").arg(*feedback.handledRevision)
                   : InboxPanel::tr("Toegepast");
    if (status == "declined")
        return InboxPanel::tr("Afgewezen: %1").arg(qs(feedback.reason.value_or("")));
    if (status == "duplicate")
        return InboxPanel::tr("Dubbel");
    return qs(status);
}

InboxPanel::InboxPanel(std::shared_ptr<const ServerSession> server, QWidget* parent)
    : QWidget(parent)
    , m_server(std::move(server)) {
    setObjectName(QStringLiteral("inboxPanel"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("inboxTitle"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("inboxList"));
    m_list->setAccessibleName(tr("Feedback van de balie bij deze stap"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setMaximumHeight(130);

    m_apply = new QToolButton(this);
    m_apply->setObjectName(QStringLiteral("applySuggestion"));
    m_apply->setText(tr("Suggestie toepassen"));
    m_apply->setToolTip(tr("Neemt de voorgestelde tekst over als korte instructie; met "
                           "Ctrl+Z maakt u het ongedaan"));
    m_apply->setPopupMode(QToolButton::MenuButtonPopup);
    auto* targets = new QMenu(m_apply);
    const auto addTarget = [this, targets](const QString& text,
                                           GuideSession::SuggestionTarget target) {
        connect(targets->addAction(text), &QAction::triggered, this, [this, target] {
            if (const auto* feedback = selected())
                Q_EMIT applyRequested(*feedback, target);
        });
    };
    addTarget(tr("Als korte instructie"), GuideSession::SuggestionTarget::Glance);
    addTarget(tr("Als controle erbij"), GuideSession::SuggestionTarget::Check);
    addTarget(tr("Als tip erbij"), GuideSession::SuggestionTarget::Tip);
    addTarget(tr("Als waarschuwing erbij"), GuideSession::SuggestionTarget::Warning);
    m_apply->setMenu(targets);
    m_plan = new QPushButton(tr("Gepland"), this);
    m_plan->setToolTip(tr("U gaat dit verwerken"));
    m_decline = new QPushButton(tr("Afwijzen…"), this);
    m_duplicate = new QPushButton(tr("Dubbel…"), this);
    m_reopen = new QPushButton(tr("Terug naar nieuw"), this);

    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_apply);
    buttons->addWidget(m_plan);
    buttons->addWidget(m_decline);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_reopen);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_apply, &QToolButton::clicked, this, [this] {
        if (const auto* feedback = selected())
            Q_EMIT applyRequested(*feedback, GuideSession::SuggestionTarget::Glance);
    });
    connect(m_plan, &QPushButton::clicked, this, [this] {
        if (const auto* feedback = selected())
            setStatus(feedback->id, {"planned", std::nullopt, std::nullopt, std::nullopt});
    });
    connect(m_reopen, &QPushButton::clicked, this, [this] {
        if (const auto* feedback = selected())
            setStatus(feedback->id, {"new", std::nullopt, std::nullopt, std::nullopt});
    });
    connect(m_decline, &QPushButton::clicked, this, &InboxPanel::decline);
    connect(m_duplicate, &QPushButton::clicked, this, &InboxPanel::markDuplicate);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        const auto* feedback = selected();
        m_apply->setEnabled(feedback && feedback->step && isOpen(*feedback));
        m_plan->setEnabled(feedback && feedback->status != "planned");
        m_decline->setEnabled(feedback != nullptr);
        m_duplicate->setEnabled(feedback != nullptr);
        m_reopen->setEnabled(feedback && feedback->status != "new");
    });
    fill();
}

void InboxPanel::load(const std::string& guideId) {
    m_guideId = guideId;
    if (guideId.empty())
        return;
    runAsync(
        this, [server = m_server, guideId] { return server->feedback(guideId); },
        [this, guideId](SessionResult<std::vector<protocol::Feedback>> feedback) {
            if (guideId != m_guideId)
                return;
            if (!feedback) {
                m_feedback.clear();
                fill();
                return; // a server without the inbox, or offline: the editor works on
            }
            m_feedback = std::move(*feedback);
            fill();
            Q_EMIT changed();
        });
}

void InboxPanel::showStep(const std::string& stepId, const std::vector<std::string>& steps) {
    m_step = stepId;
    m_steps = steps;
    fill();
}

int InboxPanel::openCount(const std::string& stepId) const {
    return static_cast<int>(std::ranges::count_if(m_feedback, [&](const protocol::Feedback& f) {
        return isOpen(f) && f.step.value_or("") == stepId;
    }));
}

const protocol::Feedback* InboxPanel::selected() const {
    const auto* item = m_list->currentItem();
    if (!item)
        return nullptr;
    const std::string id = item->data(kIdRole).toString().toStdString();
    const auto found = std::ranges::find(m_feedback, id, &protocol::Feedback::id);
    return found == m_feedback.end() ? nullptr : &*found;
}

void InboxPanel::fill() {
    const QString current =
        m_list->currentItem() ? m_list->currentItem()->data(kIdRole).toString() : QString();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const auto belongsHere = [this](const protocol::Feedback& f) {
        const std::string step = f.step.value_or("");
        if (!m_step.empty())
            return step == m_step;
        // The guide's own: no step, or a step the guide no longer has.
        return step.empty() || std::ranges::find(m_steps, step) == m_steps.end();
    };
    int shown = 0;
    int open = 0;
    // Open ones first, then the handled ones; newest first within each (as listed).
    for (const bool wantOpen : {true, false}) {
        for (const auto& f : m_feedback) {
            if (!belongsHere(f) || isOpen(f) != wantOpen)
                continue;
            ++shown;
            open += wantOpen ? 1 : 0;
            const auto at = QDateTime::fromString(qs(f.createdAt), Qt::ISODateWithMs);
            QString text =
                tr("%1 · %2 van %3 · revisie %4 · %5")
                    .arg(feedbackStatusLabel(f), kindLabel(f.kind),
                         f.kind == "source" ? tr("het bronnenregister")
                         : f.team.empty()   ? tr("de balie")
                                            : qs(f.team))
                    .arg(f.revision)
                    .arg(at.isValid() ? at.toLocalTime().toString(QStringLiteral("d-M-yyyy"))
                                      : qs(f.createdAt));
            text += QStringLiteral("\n") + qs(f.text);
            if (f.suggestion)
                text +=
                    QStringLiteral("\n") + tr("Voorstel: \u201C%1\u201D").arg(qs(*f.suggestion));
            auto* item = new QListWidgetItem(text, m_list);
            item->setData(kIdRole, qs(f.id));
            if (!wantOpen)
                item->setForeground(QColor(0x55, 0x55, 0x55));
            if (qs(f.id) == current)
                m_list->setCurrentItem(item);
        }
    }
    // Nothing here: one quiet line, the form keeps the room.
    m_list->setVisible(shown > 0);
    for (auto* button :
         std::initializer_list<QWidget*>{m_apply, m_plan, m_decline, m_duplicate, m_reopen})
        button->setVisible(shown > 0);
    if (shown == 0)
        m_title->setText(QStringLiteral("<span style=\"color:#555\">%1</span>")
                             .arg(m_step.empty() ? tr("Geen feedback van de balie op de gids.")
                                                 : tr("Geen feedback van de balie op deze stap.")));
    else
        m_title->setText(QStringLiteral("<b>%1</b> %2")
                             .arg(m_step.empty() ? tr("Feedback van de balie op de gids")
                                                 : tr("Feedback van de balie op deze stap"),
                                  open == 0   ? QString()
                                  : open == 1 ? tr("(1 open)")
                                              : tr("(%1 open)").arg(open)));
    if (!m_list->currentItem() && shown > 0)
        m_list->setCurrentRow(0);
    Q_EMIT m_list->currentRowChanged(m_list->currentRow());
}

void InboxPanel::setStatus(const std::string& feedbackId,
                           const ServerSession::FeedbackChange& change) {
    runAsync(
        this,
        [server = m_server, feedbackId, change] {
            return server->updateFeedback(feedbackId, change);
        },
        [this](SessionResult<protocol::Feedback> updated) {
            if (!updated) {
                Q_EMIT message(
                    tr("De feedback is niet bijgewerkt: %1").arg(qs(updated.error().message)));
                return;
            }
            const auto found = std::ranges::find(m_feedback, updated->id, &protocol::Feedback::id);
            if (found != m_feedback.end())
                *found = *updated;
            fill();
            Q_EMIT message(tr("Feedback: %1.").arg(feedbackStatusLabel(*updated)));
            Q_EMIT changed();
        });
}

void InboxPanel::planApplied(const std::vector<std::string>& feedbackIds, int revision) {
    for (const auto& id : feedbackIds) {
        const auto found = std::ranges::find(m_feedback, id, &protocol::Feedback::id);
        if (found != m_feedback.end() && found->status == "planned" &&
            found->handledRevision == revision)
            continue;
        setStatus(id, {"planned", revision, std::nullopt, std::nullopt});
    }
}

void InboxPanel::decline() {
    const auto* feedback = selected();
    if (!feedback)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Feedback afwijzen"), tr("Waarom niet? De balie die het stuurde, leest dit."),
        QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    if (reason.trimmed().isEmpty()) {
        Q_EMIT message(tr("Afwijzen kan alleen met een reden."));
        return;
    }
    setStatus(feedback->id,
              {"declined", std::nullopt, reason.trimmed().toStdString(), std::nullopt});
}

void InboxPanel::markDuplicate() {
    const auto* feedback = selected();
    if (!feedback)
        return;
    QStringList others;
    std::vector<std::string> ids;
    for (const auto& f : m_feedback) {
        if (f.id == feedback->id)
            continue;
        QString label = qs(f.text).simplified();
        if (label.size() > 60)
            label = label.left(60) + QStringLiteral("…");
        others << label;
        ids.push_back(f.id);
    }
    if (others.isEmpty()) {
        Q_EMIT message(tr("Er is geen andere feedback op deze gids om naar te verwijzen."));
        return;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Dubbele feedback"), tr("Welke feedback zegt hetzelfde?"), others, 0, false, &ok);
    if (!ok)
        return;
    const auto index = static_cast<std::size_t>(others.indexOf(chosen));
    setStatus(feedback->id, {"duplicate", std::nullopt, std::nullopt, ids.at(index)});
}

} // namespace souffleur::studio
