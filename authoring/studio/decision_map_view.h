// The decision map drawn: each step a box in the rows of
// souffleur::studio::buildDecisionMap, arrows for "next" and for each
// option (labelled), marked in words as well as colour: "nooit bereikt"
// (grey, dashed), "loopt dood" (orange), "einde" (green), an option to a
// step that does not exist (red). A click on a box selects that step.
#pragma once

#include <souffleur/studio/decision_map.h>

#include <QWidget>

namespace souffleur::studio {

class DecisionMapView : public QWidget {
    Q_OBJECT

public:
    explicit DecisionMapView(QWidget* parent = nullptr);
    void show(const content::Guide& guide, const std::string& selected);
    const DecisionMap& map() const { return m_map; }
    // One line for the author (and a screen reader): steps, and what is wrong.
    QString summary() const;
    QSize sizeHint() const override;

Q_SIGNALS:
    void stepClicked(const QString& stepId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRect boxOf(const MapNode& node) const;

    DecisionMap m_map;
    std::string m_selected;
};

} // namespace souffleur::studio
