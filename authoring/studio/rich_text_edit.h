// A rich-text field that can hold only what the guide format allows: bold,
// italic, code, bulleted and numbered lists, paragraphs and line breaks (the
// allowlist of content/rich_text.h). What is typed or pasted is read back
// from the document's structure, not from Qt's HTML, and goes through the
// sanitizer, so nothing else ever reaches a guide.
#pragma once

#include <souffleur/content/rich_text.h>

#include <QWidget>

class QTextDocument;
class QTextEdit;
class QToolButton;

namespace souffleur::studio {

class RichTextEdit : public QWidget {
    Q_OBJECT

public:
    explicit RichTextEdit(const QString& accessibleName, QWidget* parent = nullptr);

    // Shows `text` (without emitting edited()); keeps the cursor when it is the same.
    void setRichText(const content::RichText& text);
    content::RichText richText() const;
    QTextEdit* editor() const { return m_edit; }

Q_SIGNALS:
    // The author changed the text.
    void edited(const content::RichText& text);
    void focusLeft();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void toggleBold();
    void toggleItalic();
    void toggleList(bool numbered);

    QTextEdit* m_edit;
    bool m_loading = false;
};

// The markup of a document as the guide format has it (before sanitizing).
QString guideMarkup(const QTextDocument& document);

} // namespace souffleur::studio
