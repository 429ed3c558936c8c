// A push button with a wrapping label (see wrap_button.h).
#include "wrap_button.h"

#include <QLabel>
#include <QResizeEvent>
#include <QStyle>

namespace souffleur::overlay {

WrapButton::WrapButton(const QString& label, QWidget* parent)
    : QPushButton(parent)
    , m_label(new QLabel(this)) {
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents); // clicks go to the button
    m_label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setLabel(label);
}

void WrapButton::setLabel(const QString& label) {
    m_label->setText(label);
    setAccessibleName(label);
    setToolTip(QString());
    updateGeometry();
}

QString WrapButton::label() const {
    return m_label->text();
}

QMargins WrapButton::padding() const {
    const int frame = style()->pixelMetric(QStyle::PM_ButtonMargin, nullptr, this);
    return {frame, frame / 2 + 2, frame, frame / 2 + 2};
}

int WrapButton::heightForWidth(int width) const {
    const QMargins margins = padding();
    return m_label->heightForWidth(width - margins.left() - margins.right()) + margins.top() +
           margins.bottom();
}

QSize WrapButton::sizeHint() const {
    // As wide as the text on one line, but never wider than the panel allows:
    // the layout gives it less, and heightForWidth() then adds lines.
    const QMargins margins = padding();
    const QSize text = m_label->sizeHint();
    return {std::min(text.width(), 240) + margins.left() + margins.right(),
            text.height() + margins.top() + margins.bottom()};
}

QSize WrapButton::minimumSizeHint() const {
    const QMargins margins = padding();
    return {60 + margins.left() + margins.right(),
            fontMetrics().height() + margins.top() + margins.bottom()};
}

void WrapButton::resizeEvent(QResizeEvent* event) {
    QPushButton::resizeEvent(event);
    m_label->setGeometry(rect().marginsRemoved(padding()));
}

} // namespace souffleur::overlay
