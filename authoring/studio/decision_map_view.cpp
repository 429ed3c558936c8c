// The decision map drawn (decision_map_view.h).
#include "decision_map_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace souffleur::studio {
namespace {

constexpr int kBoxWidth = 190;
constexpr int kBoxHeight = 64;
constexpr int kGapX = 46;
constexpr int kGapY = 58;
constexpr int kMargin = 20;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

void arrowHead(QPainter& painter, QPointF tip, QPointF from) {
    const double angle = std::atan2(tip.y() - from.y(), tip.x() - from.x());
    const double spread = 0.45;
    const double length = 9;
    QPolygonF head;
    head << tip
         << tip - QPointF(length * std::cos(angle - spread), length * std::sin(angle - spread))
         << tip - QPointF(length * std::cos(angle + spread), length * std::sin(angle + spread));
    painter.drawPolygon(head);
}

} // namespace

DecisionMapView::DecisionMapView(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("decisionMap"));
    setAccessibleName(tr("Beslisboom van de gids"));
    setFocusPolicy(Qt::StrongFocus);
}

void DecisionMapView::show(const content::Guide& guide, const std::string& selected) {
    m_map = buildDecisionMap(guide);
    m_selected = selected;
    setAccessibleDescription(summary());
    setMinimumSize(sizeHint());
    updateGeometry();
    update();
}

QString DecisionMapView::summary() const {
    QString text = tr("%n stap(pen)", nullptr, static_cast<int>(m_map.nodes.size()));
    if (m_map.unreachable == 0 && m_map.deadEnds == 0 && m_map.brokenOptions == 0)
        return text + tr(": elke stap is te bereiken en elke weg komt bij een einde.");
    QStringList problems;
    if (m_map.unreachable)
        problems << tr("%n nooit bereikt", nullptr, m_map.unreachable);
    if (m_map.deadEnds)
        problems << tr("%n loopt dood (geen weg naar een einde)", nullptr, m_map.deadEnds);
    if (m_map.brokenOptions)
        problems << tr("%n keuze(s) naar een stap die niet bestaat", nullptr, m_map.brokenOptions);
    return text + QStringLiteral(": ") + problems.join(QStringLiteral(", ")) + QLatin1Char('.');
}

QSize DecisionMapView::sizeHint() const {
    // Room at the right for options to nowhere and for the loops' arcs.
    const int columns = std::max(1, m_map.columns) + (m_map.brokenOptions > 0 ? 1 : 0);
    return {2 * kMargin + columns * kBoxWidth + (columns - 1) * kGapX + 60,
            2 * kMargin + std::max(1, m_map.rows) * (kBoxHeight + kGapY)};
}

QRect DecisionMapView::boxOf(const MapNode& node) const {
    return {kMargin + node.column * (kBoxWidth + kGapX), kMargin + node.row * (kBoxHeight + kGapY),
            kBoxWidth, kBoxHeight};
}

void DecisionMapView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), QColor(0xFA, 0xFA, 0xF7));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);

    // The arrows first, the boxes over them.
    for (const MapEdge& edge : m_map.edges) {
        const QRect from = boxOf(m_map.nodes[static_cast<std::size_t>(edge.from)]);
        QPen pen(edge.to < 0 ? QColor(0xB0, 0x1E, 0x1E) : QColor(0x55, 0x5B, 0x66), 1.6);
        painter.setPen(pen);
        painter.setBrush(pen.color());
        if (edge.to < 0) {
            // An option to a step that does not exist: a short arrow to a red note.
            const QPointF start(from.right(), from.center().y());
            const QPointF end(from.right() + kGapX - 4, from.center().y() + 18);
            painter.drawLine(start, end);
            arrowHead(painter, end, start);
            painter.setFont(small);
            painter.drawText(QRectF(end.x() + 2, end.y() - 8, kBoxWidth, 32), Qt::TextWordWrap,
                             tr("'%1' → bestaat niet (%2)").arg(qs(edge.label), qs(edge.missing)));
            continue;
        }
        const QRect to = boxOf(m_map.nodes[static_cast<std::size_t>(edge.to)]);
        QPointF start;
        QPointF end;
        QPainterPath path;
        if (edge.back) {
            // Back up (a loop): out at the right, round, into the target's right.
            start = QPointF(from.right(), from.center().y() + 8);
            end = QPointF(to.right(), to.center().y() - 8);
            const double bulge = kGapX * 0.8;
            path.moveTo(start);
            path.cubicTo(start + QPointF(bulge, 0), end + QPointF(bulge, 0), end);
        } else {
            start = QPointF(from.center().x(), from.bottom());
            end = QPointF(to.center().x(), to.top());
            path.moveTo(start);
            path.cubicTo(start + QPointF(0, kGapY / 2.0), end - QPointF(0, kGapY / 2.0), end);
        }
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        painter.setBrush(pen.color());
        arrowHead(painter, end, path.pointAtPercent(0.93));
        if (!edge.label.empty()) {
            painter.setFont(small);
            const QPointF middle = path.pointAtPercent(0.5);
            const QString label =
                painter.fontMetrics().elidedText(qs(edge.label), Qt::ElideRight, kBoxWidth - 30);
            QRectF box = painter.fontMetrics().boundingRect(label);
            box.moveCenter(middle);
            box.adjust(-3, -1, 3, 1);
            painter.fillRect(box, QColor(0xFA, 0xFA, 0xF7));
            painter.drawText(box, Qt::AlignCenter, label);
        }
    }

    for (const MapNode& node : m_map.nodes) {
        const QRect box = boxOf(node);
        QColor border(0x1F, 0x3A, 0x5F);
        QColor fill(Qt::white);
        QString mark;
        Qt::PenStyle style = Qt::SolidLine;
        if (!node.reachable) {
            border = QColor(0x80, 0x80, 0x80);
            fill = QColor(0xEE, 0xEE, 0xEE);
            style = Qt::DashLine;
            mark = tr("nooit bereikt");
        } else if (node.deadEnd) {
            border = QColor(0xB3, 0x5A, 0x00);
            fill = QColor(0xFF, 0xF1, 0xE0);
            mark = tr("loopt dood");
        } else if (node.finishes) {
            border = QColor(0x24, 0x5C, 0x2A);
            mark = tr("einde");
        } else if (node.decision) {
            fill = QColor(0xE8, 0xF0, 0xFA);
            mark = tr("keuze");
        } else if (node.handOff) {
            mark = tr("overdracht");
        }
        const bool selected = node.step == m_selected;
        painter.setPen(QPen(border, selected ? 3.0 : 1.5, style));
        painter.setBrush(fill);
        painter.drawRoundedRect(box, 6, 6);
        painter.setPen(QColor(0x1A, 0x1A, 0x1A));
        painter.setFont(font());
        const QRect text = box.adjusted(8, 5, -8, -18);
        const QString title = QStringLiteral("%1. %2").arg(node.number).arg(qs(node.glance));
        painter.drawText(text, Qt::TextWordWrap | Qt::AlignTop,
                         painter.fontMetrics().elidedText(title, Qt::ElideRight, 2 * text.width()));
        if (!mark.isEmpty()) {
            painter.setFont(small);
            painter.setPen(border);
            painter.drawText(box.adjusted(8, 0, -8, -4), Qt::AlignBottom | Qt::AlignRight, mark);
        }
    }
}

void DecisionMapView::mousePressEvent(QMouseEvent* event) {
    for (const MapNode& node : m_map.nodes) {
        if (boxOf(node).contains(event->position().toPoint())) {
            Q_EMIT stepClicked(qs(node.step));
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

} // namespace souffleur::studio
