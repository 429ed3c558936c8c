// The inline feedback panel (see feedback_panel.h).
#include "feedback_panel.h"

#include <souffleur/protocol/records.h>

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace souffleur::overlay {
namespace {

// Longer texts are cut off by the line edit: the wire protocol's limit, the
// one the outbox and the server check.
const int kMaxTextLength = static_cast<int>(protocol::maxTextLength("feedback", "text"));

} // namespace

FeedbackPanel::FeedbackPanel(const UiText& text, QWidget* parent)
    : QWidget(parent)
    , m_text(text)
    , m_kinds(new QButtonGroup(this))
    , m_input(new QLineEdit(this))
    , m_suggestion(new QLineEdit(this))
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("feedback-panel"));
    setAccessibleName(text.feedback);

    auto* kindRow = new QGridLayout;
    const struct {
        const QString& label;
        client::FeedbackKind kind;
    } kinds[] = {{text.wrong, client::FeedbackKind::Wrong},
                 {text.unclear, client::FeedbackKind::Unclear},
                 {text.outdated, client::FeedbackKind::Outdated},
                 {text.tip, client::FeedbackKind::Tip}};
    // Object names by the wire name of the kind: "kind-wrong", ...
    int column = 0;
    for (const auto& [label, kind] : kinds) {
        auto* button = new QPushButton(label, this);
        button->setObjectName(QStringLiteral("kind-%1").arg(client::feedbackName(kind)));
        button->setCheckable(true);
        button->setAccessibleName(label);
        m_kinds->addButton(button, static_cast<int>(kind));
        kindRow->addWidget(button, column / 2, column % 2);
        ++column;
    }
    m_kinds->setExclusive(true);

    m_input->setObjectName(QStringLiteral("feedback-text"));
    m_suggestion->setObjectName(QStringLiteral("feedback-suggestion"));
    m_message->setObjectName(QStringLiteral("feedback-message"));
    m_input->setAccessibleName(text.feedbackText);
    m_input->setPlaceholderText(text.feedbackPlaceholder);
    m_input->setMaxLength(kMaxTextLength);
    connect(m_input, &QLineEdit::returnPressed, this, &FeedbackPanel::submit);
    m_suggestion->setAccessibleName(text.suggestionText);
    m_suggestion->setPlaceholderText(text.suggestionPlaceholder);
    m_suggestion->setMaxLength(kMaxTextLength);
    connect(m_suggestion, &QLineEdit::returnPressed, this, &FeedbackPanel::submit);

    auto* send = new QPushButton(text.send, this);
    send->setObjectName(QStringLiteral("feedback-send"));
    send->setAccessibleName(text.send);
    connect(send, &QPushButton::clicked, this, &FeedbackPanel::submit);

    m_message->setWordWrap(true);
    m_message->setAccessibleName(text.feedback);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addLayout(kindRow);
    layout->addWidget(m_input);
    layout->addWidget(m_suggestion);
    layout->addWidget(send);
    layout->addWidget(m_message);
}

void FeedbackPanel::reset() {
    clearInput();
    m_message->clear();
    m_awaitsSending = false;
}

void FeedbackPanel::open() {
    show();
    if (QAbstractButton* first = m_kinds->buttons().value(0))
        first->setFocus();
}

void FeedbackPanel::showQueued() {
    clearInput();
    m_awaitsSending = true;
    m_message->setText(m_text.feedbackQueued);
}

void FeedbackPanel::showSent() {
    m_awaitsSending = false;
    m_message->setText(m_text.feedbackSent);
}

void FeedbackPanel::showFailed() {
    m_message->setText(m_text.feedbackFailed);
}

void FeedbackPanel::showNotSaved(const QString& message) {
    m_awaitsSending = false; // what is shown now is this text, not the one sent before
    m_message->setText(message);
    m_input->setFocus();
}

bool FeedbackPanel::hasText() const {
    return !m_input->text().trimmed().isEmpty() || !m_suggestion->text().trimmed().isEmpty();
}

void FeedbackPanel::showRefused(const QString& message) {
    m_message->setText(message);
    m_input->setFocus();
}

void FeedbackPanel::submit() {
    const auto kind = chosenKind();
    if (!kind) {
        m_message->setText(m_text.chooseKindFirst);
        return;
    }
    Q_EMIT submitted(*kind, m_input->text(), m_suggestion->text());
}

void FeedbackPanel::clearInput() {
    m_kinds->setExclusive(false); // an exclusive group cannot uncheck its last button
    for (QAbstractButton* button : m_kinds->buttons())
        button->setChecked(false);
    m_kinds->setExclusive(true);
    m_input->clear();
    m_suggestion->clear();
}

std::optional<client::FeedbackKind> FeedbackPanel::chosenKind() const {
    const int id = m_kinds->checkedId();
    if (id < 0)
        return std::nullopt;
    return static_cast<client::FeedbackKind>(id);
}

} // namespace souffleur::overlay
