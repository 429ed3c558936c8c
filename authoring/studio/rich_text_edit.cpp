// The rich-text field (rich_text_edit.h).
#include "rich_text_edit.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextList>
#include <QToolButton>
#include <QVBoxLayout>

namespace souffleur::studio {
namespace {

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

// One block's inline markup: bold, italic, code and guide links.
QString inlineMarkup(const QTextBlock& block) {
    QString out;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        const QTextCharFormat format = fragment.charFormat();
        QString text = escaped(fragment.text());
        text.replace(QChar::LineSeparator, QStringLiteral("<br/>"));
        if (format.fontFixedPitch() ||
            format.fontFamilies().toStringList().contains(QStringLiteral("monospace")))
            text = QStringLiteral("<code>") + text + QStringLiteral("</code>");
        if (format.fontItalic())
            text = QStringLiteral("<em>") + text + QStringLiteral("</em>");
        if (format.fontWeight() >= QFont::DemiBold)
            text = QStringLiteral("<strong>") + text + QStringLiteral("</strong>");
        if (format.isAnchor() && format.anchorHref().startsWith(QLatin1String("guide:")))
            text = QStringLiteral("<a href=\"") + escaped(format.anchorHref()) +
                   QStringLiteral("\">") + text + QStringLiteral("</a>");
        out += text;
    }
    return out;
}

} // namespace

QString guideMarkup(const QTextDocument& document) {
    QString out;
    QTextList* openList = nullptr;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QTextList* list = block.textList();
        if (list != openList) {
            if (openList)
                out += openList->format().style() == QTextListFormat::ListDecimal
                           ? QStringLiteral("</ol>")
                           : QStringLiteral("</ul>");
            if (list)
                out += list->format().style() == QTextListFormat::ListDecimal
                           ? QStringLiteral("<ol>")
                           : QStringLiteral("<ul>");
            openList = list;
        }
        const QString content = inlineMarkup(block);
        if (list)
            out += QStringLiteral("<li>") + content + QStringLiteral("</li>");
        else if (!content.trimmed().isEmpty())
            out += QStringLiteral("<p>") + content + QStringLiteral("</p>");
    }
    if (openList)
        out += openList->format().style() == QTextListFormat::ListDecimal ? QStringLiteral("</ol>")
                                                                          : QStringLiteral("</ul>");
    return out;
}

RichTextEdit::RichTextEdit(const QString& accessibleName, QWidget* parent)
    : QWidget(parent)
    , m_edit(new QTextEdit(this)) {
    m_edit->setAcceptRichText(true);
    m_edit->setTabChangesFocus(true);
    // The studio's undo covers every field (edit_model.h); the editor's own stays out.
    m_edit->setUndoRedoEnabled(false);
    m_edit->setAccessibleName(accessibleName);
    m_edit->setMinimumHeight(64);
    m_edit->setMaximumHeight(140);
    m_edit->installEventFilter(this);

    auto* tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->setSpacing(2);
    auto tool = [&](const QString& text, const QString& name, const QString& tip, auto slot) {
        auto* button = new QToolButton(this);
        button->setText(text);
        button->setAccessibleName(name);
        button->setToolTip(tip);
        button->setFocusPolicy(Qt::NoFocus); // the shortcuts work from the text
        connect(button, &QToolButton::clicked, this, slot);
        tools->addWidget(button);
        return button;
    };
    tool(QStringLiteral("B"), tr("Vet"), tr("Vet (Ctrl+B)"), [this] {
        toggleBold();
    })->setStyleSheet(QStringLiteral("font-weight:bold"));
    tool(QStringLiteral("I"), tr("Cursief"), tr("Cursief (Ctrl+I)"), [this] {
        toggleItalic();
    })->setStyleSheet(QStringLiteral("font-style:italic"));
    tool(QStringLiteral("\u2022"), tr("Opsomming"), tr("Opsomming (Ctrl+Shift+8)"),
         [this] { toggleList(false); });
    tool(QStringLiteral("1."), tr("Genummerde lijst"), tr("Genummerde lijst (Ctrl+Shift+7)"),
         [this] { toggleList(true); });
    tools->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(tools);
    layout->addWidget(m_edit);

    connect(m_edit, &QTextEdit::textChanged, this, [this] {
        if (!m_loading)
            Q_EMIT edited(richText());
    });
}

void RichTextEdit::setRichText(const content::RichText& text) {
    if (richText() == text)
        return;
    m_loading = true;
    m_edit->setHtml(QString::fromStdString(text.markup()));
    m_loading = false;
}

content::RichText RichTextEdit::richText() const {
    const QString markup = guideMarkup(*m_edit->document());
    auto text = content::RichText::fromHtml(markup.toStdString(), "editor");
    return text ? *text : content::RichText::fromPlainText(m_edit->toPlainText().toStdString());
}

bool RichTextEdit::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const auto mods = key->modifiers();
        if (mods == Qt::ControlModifier && key->key() == Qt::Key_B) {
            toggleBold();
            return true;
        }
        if (mods == Qt::ControlModifier && key->key() == Qt::Key_I) {
            toggleItalic();
            return true;
        }
        if (mods == (Qt::ControlModifier | Qt::ShiftModifier) &&
            (key->key() == Qt::Key_8 || key->key() == Qt::Key_Asterisk)) {
            toggleList(false);
            return true;
        }
        if (mods == (Qt::ControlModifier | Qt::ShiftModifier) &&
            (key->key() == Qt::Key_7 || key->key() == Qt::Key_Ampersand)) {
            toggleList(true);
            return true;
        }
    }
    if (watched == m_edit && event->type() == QEvent::FocusOut)
        Q_EMIT focusLeft();
    return QWidget::eventFilter(watched, event);
}

void RichTextEdit::toggleBold() {
    QTextCharFormat format;
    format.setFontWeight(m_edit->fontWeight() >= QFont::DemiBold ? QFont::Normal : QFont::Bold);
    m_edit->mergeCurrentCharFormat(format);
}

void RichTextEdit::toggleItalic() {
    QTextCharFormat format;
    format.setFontItalic(!m_edit->fontItalic());
    m_edit->mergeCurrentCharFormat(format);
}

void RichTextEdit::toggleList(bool numbered) {
    QTextCursor cursor = m_edit->textCursor();
    const auto style = numbered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc;
    if (QTextList* list = cursor.currentList(); list && list->format().style() == style) {
        // Out of the list: the block becomes a paragraph again.
        list->remove(cursor.block());
        QTextBlockFormat plain;
        plain.setIndent(0);
        cursor.setBlockFormat(plain);
        return;
    }
    cursor.createList(style);
}

} // namespace souffleur::studio
