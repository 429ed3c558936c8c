// A push button whose label wraps onto more lines instead of being cut off,
// for the choices of a decision and the suggestion of a guide: sentences that
// a narrow panel must show whole, number and all. It is a QPushButton (focus,
// keys, accessibility, styles) with a word-wrapping label drawn on it.
#pragma once

#include <QPushButton>

class QLabel;

namespace souffleur::overlay {

class WrapButton : public QPushButton {
    Q_OBJECT

public:
    explicit WrapButton(const QString& label, QWidget* parent = nullptr);
    void setLabel(const QString& label);
    QString label() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QMargins padding() const;
    QLabel* m_label;
};

} // namespace souffleur::overlay
