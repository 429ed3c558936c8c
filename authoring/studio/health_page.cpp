// The content health workspace (health_page.h).
#include "health_page.h"

#include "async.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <regex>

namespace souffleur::studio {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

enum Column { Guide, Owner, State, Why, NextReview, ValidTo, Feedback, Steps, kColumns };
constexpr int kSortRole = Qt::UserRole + 1;
constexpr int kIdRole = Qt::UserRole + 2;
constexpr int kBarsRole = Qt::UserRole + 3; // QVariantList of [abandon, skip] per step

QColor stateColour(const std::string& state) {
    if (state == "failing")
        return QColor(0xb4, 0x23, 0x18);
    if (state == "expiring" || state == "source_changed")
        return QColor(0x8a, 0x4b, 0x00);
    if (state == "review_due" || state == "stale_feedback")
        return QColor(0x5a, 0x4a, 0x00);
    return QColor(0x1d, 0x6b, 0x3a);
}

// Small bars, one per step: how often it was abandoned (red) and skipped
// (grey, stacked) of the sessions that showed it; a line marks 20%.
class StepBars : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyledItemDelegate::paint(painter, option, index);
        const auto bars = index.data(kBarsRole).toList();
        if (bars.isEmpty())
            return;
        const QRect area = option.rect.adjusted(4, 4, -4, -4);
        const int width =
            std::max(4, std::min(14, area.width() / static_cast<int>(bars.size()) - 2));
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        int x = area.left();
        for (const auto& bar : bars) {
            const auto rates = bar.toList();
            const double abandon = rates.value(0).toDouble();
            const double skip = rates.value(1).toDouble();
            const int abandonHeight = static_cast<int>(abandon * area.height());
            const int skipHeight = static_cast<int>(skip * area.height());
            painter->fillRect(QRect(x, area.bottom() - abandonHeight, width, abandonHeight),
                              QColor(0xb4, 0x23, 0x18));
            painter->fillRect(
                QRect(x, area.bottom() - abandonHeight - skipHeight, width, skipHeight),
                QColor(0x9a, 0x9a, 0x9a));
            painter->setPen(QColor(0xcc, 0xcc, 0xcc));
            painter->drawRect(QRect(x, area.top(), width, area.height()));
            x += width + 2;
        }
        painter->setPen(QPen(QColor(0xb4, 0x23, 0x18), 1, Qt::DashLine));
        const int line = area.bottom() - static_cast<int>(0.2 * area.height());
        painter->drawLine(area.left(), line, x, line);
        painter->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const auto size = QStyledItemDelegate::sizeHint(option, index);
        return {std::max(size.width(), 120), std::max(size.height(), 30)};
    }
};

} // namespace

QString healthStateLabel(const std::string& state) {
    if (state == "failing")
        return HealthPage::tr("Loopt vast");
    if (state == "expiring")
        return HealthPage::tr("Verloopt");
    if (state == "source_changed")
        return HealthPage::tr("Bron gewijzigd");
    if (state == "review_due")
        return HealthPage::tr("Herziening nodig");
    if (state == "stale_feedback")
        return HealthPage::tr("Feedback wacht");
    return HealthPage::tr("In orde");
}

QString healthReasonText(const protocol::HealthReason& reason) {
    // The server's detail is English; the numbers in it are what matters.
    const std::string& d = reason.detail;
    std::smatch m;
    if (reason.code == "failing" &&
        std::regex_search(d, m, std::regex(R"((abandoned|skipped) in (\d+)% of (\d+))")))
        return (m[1] == "abandoned"
                    ? HealthPage::tr("stap %1 wordt in %2% van %3 keer afgebroken")
                    : HealthPage::tr("stap %1 wordt in %2% van %3 keer overgeslagen"))
            .arg(qs(reason.step), qs(m[2]), qs(m[3]));
    if (reason.code == "expiring" && std::regex_search(d, m, std::regex(R"((\d{4}-\d\d-\d\d))")))
        return d.starts_with("expired") ? HealthPage::tr("verlopen op %1").arg(qs(m[1]))
                                        : HealthPage::tr("geldig tot %1").arg(qs(m[1]));
    if (reason.code == "source_changed")
        return HealthPage::tr("een bron is gewijzigd: zie de feedback");
    if (reason.code == "review_due" && std::regex_search(d, m, std::regex(R"((\d{4}-\d\d-\d\d))")))
        return HealthPage::tr("herzien sinds %1").arg(qs(m[1]));
    if (reason.code == "stale_feedback" &&
        std::regex_search(d, m, std::regex(R"((\d+) open feedback, the oldest (\d+) days)")))
        return HealthPage::tr("%1 keer feedback open, de oudste %2 dagen").arg(qs(m[1]), qs(m[2]));
    return qs(d);
}

HealthPage::HealthPage(std::shared_ptr<const ServerSession> server, QWidget* parent)
    : QWidget(parent)
    , m_server(std::move(server)) {
    setObjectName(QStringLiteral("healthPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("healthSummary"));
    m_summary->setWordWrap(true);
    m_filter = new QComboBox(this);
    m_filter->setAccessibleName(tr("Welke gidsen"));
    m_filter->addItem(tr("Vraagt aandacht"), QStringLiteral("attention"));
    m_filter->addItem(tr("Alle gidsen"), QString());
    for (const char* state :
         {"failing", "expiring", "source_changed", "review_due", "stale_feedback", "ok"})
        m_filter->addItem(healthStateLabel(state), QString::fromLatin1(state));
    auto* refresh = new QPushButton(tr("Vernieuwen"), this);
    auto* sources = new QPushButton(tr("Bronnen…"), this);
    sources->setObjectName(QStringLiteral("sourcesButton"));
    sources->setToolTip(tr("Wetten, regelingen en werkinstructies waar de gidsen naar verwijzen"));

    m_model = new QStandardItemModel(0, kColumns, this);
    m_model->setHorizontalHeaderLabels({tr("Gids"), tr("Eigenaar"), tr("Toestand"), tr("Waarom"),
                                        tr("Herzien op"), tr("Geldig tot"), tr("Open feedback"),
                                        tr("Stappen (30 dagen)")});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(kSortRole);
    m_proxy->setFilterKeyColumn(State);
    m_proxy->setFilterRole(Qt::UserRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("healthTable"));
    m_table->setAccessibleName(tr("De gezondheid van de gidsen"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(State, Qt::AscendingOrder); // the most pressing first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(Steps, new StepBars(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(Guide, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Why, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* legend = new QLabel(tr("Stappen: rood is afgebroken, grijs is overgeslagen, van de keren "
                                 "dat de stap getoond werd; de stippellijn is 20%. Alleen stappen "
                                 "die minstens 5 keer getoond zijn."),
                              this);
    legend->setWordWrap(true);
    legend->setStyleSheet(QStringLiteral("color:#555"));

    auto* bar = new QHBoxLayout();
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_filter);
    bar->addWidget(sources);
    bar->addWidget(refresh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(legend);

    connect(refresh, &QPushButton::clicked, this, &HealthPage::reload);
    connect(sources, &QPushButton::clicked, this, &HealthPage::showSources);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &HealthPage::fill);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT openGuideRequested(index.siblingAtColumn(Guide).data(kIdRole).toString());
    });
}

void HealthPage::reload() {
    runAsync(
        this, [server = m_server] { return server->health(); },
        [this](SessionResult<std::vector<protocol::GuideHealth>> health) {
            if (!health) {
                Q_EMIT message(
                    tr("De gezondheid is niet op te halen: %1").arg(qs(health.error().toString())));
                return;
            }
            m_guides = std::move(*health);
            fill();
            Q_EMIT loaded();
        });
}

void HealthPage::fill() {
    m_model->removeRows(0, m_model->rowCount());
    const QString filter = m_filter->currentData().toString();
    int attention = 0;
    for (const auto& guide : m_guides) {
        if (guide.state != "ok")
            ++attention;
        const QString state = qs(guide.state);
        if (filter == QLatin1String("attention") ? guide.state == "ok"
                                                 : !filter.isEmpty() && filter != state)
            continue;
        QList<QStandardItem*> row;
        for (int c = 0; c < kColumns; ++c)
            row << new QStandardItem;
        row[Guide]->setText(qs(guide.title));
        row[Guide]->setData(qs(guide.title).toLower(), kSortRole);
        row[Guide]->setData(qs(guide.guideId), kIdRole);
        row[Guide]->setToolTip(qs(guide.guideId));
        row[Owner]->setText(qs(guide.owner));
        row[Owner]->setData(qs(guide.owner), kSortRole);
        row[State]->setText(healthStateLabel(guide.state));
        row[State]->setData(state, Qt::UserRole);
        const auto& order = std::vector<std::string>{
            "failing", "expiring", "source_changed", "review_due", "stale_feedback", "ok"};
        row[State]->setData(static_cast<int>(std::ranges::find(order, guide.state) - order.begin()),
                            kSortRole);
        row[State]->setForeground(stateColour(guide.state));
        QFont bold = row[State]->font();
        bold.setBold(guide.state != "ok");
        row[State]->setFont(bold);
        QStringList reasons;
        for (const auto& reason : guide.reasons)
            reasons << healthReasonText(reason);
        row[Why]->setText(reasons.join(QStringLiteral("; ")));
        row[Why]->setData(reasons.join(QStringLiteral("; ")), kSortRole);
        row[NextReview]->setText(qs(guide.nextReview));
        row[NextReview]->setData(qs(guide.nextReview), kSortRole);
        row[NextReview]->setToolTip(tr("Elke %1 maanden; laatst goedgekeurd %2")
                                        .arg(guide.reviewMonths)
                                        .arg(qs(guide.lastReviewed)));
        row[ValidTo]->setText(qs(guide.validTo));
        row[ValidTo]->setData(guide.validTo.empty() ? QStringLiteral("9999") : qs(guide.validTo),
                              kSortRole);
        row[Feedback]->setText(
            guide.openFeedback == 0 ? QStringLiteral("0")
            : guide.oldestOpenDays
                ? tr("%1 (oudste %2 d)").arg(guide.openFeedback).arg(*guide.oldestOpenDays)
                : QString::number(guide.openFeedback));
        row[Feedback]->setData(static_cast<qlonglong>(guide.openFeedback), kSortRole);
        QVariantList bars;
        QStringList tips;
        double worst = 0;
        for (const auto& step : guide.steps) {
            bars << QVariant(QVariantList{step.abandonRate, step.skipRate});
            worst = std::max(worst, step.abandonRate);
            tips << tr("%1: %2 keer getoond, %3% afgebroken, %4% overgeslagen, %5% doorverwezen")
                        .arg(qs(step.step))
                        .arg(step.sessions)
                        .arg(qRound(step.abandonRate * 100))
                        .arg(qRound(step.skipRate * 100))
                        .arg(qRound(step.escalationRate * 100));
        }
        if (guide.stepsWithheld > 0)
            tips << tr("%1 stap(pen) te weinig getoond voor een cijfer").arg(guide.stepsWithheld);
        row[Steps]->setData(bars, kBarsRole);
        row[Steps]->setData(worst, kSortRole);
        row[Steps]->setToolTip(tips.join(QLatin1Char('\n')));
        row[Steps]->setAccessibleText(tips.join(QStringLiteral("; ")));
        m_model->appendRow(row);
    }
    m_table->resizeColumnToContents(Owner);
    m_table->resizeColumnToContents(State);
    m_table->setColumnWidth(Steps, 130);
    m_summary->setText(
        attention == 0
            ? tr("Alle %1 gidsen zijn in orde.").arg(static_cast<int>(m_guides.size()))
            : tr("<b>%1 van de %2 gidsen vragen aandacht.</b> De meest dringende staan bovenaan.")
                  .arg(attention)
                  .arg(static_cast<int>(m_guides.size())));
}

void HealthPage::showSources() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("sourcesDialog"));
    dialog.setWindowTitle(tr("Bronnen"));
    auto* intro = new QLabel(tr("Een gids verwijst naar een bron met '| bron: KENMERK' achter een "
                                "regel van zijn grondslag. Legt u hier een nieuwe versiedatum "
                                "vast, dan krijgt elke gids die de bron noemt een melding in zijn "
                                "feedback, met de stappen om na te kijken."),
                             &dialog);
    intro->setWordWrap(true);
    auto* list = new QTableWidget(0, 4, &dialog);
    list->setObjectName(QStringLiteral("sourcesTable"));
    list->setHorizontalHeaderLabels(
        {tr("Kenmerk"), tr("Bron"), tr("Versie van"), tr("Genoemd in")});
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->setSelectionBehavior(QAbstractItemView::SelectRows);
    list->verticalHeader()->hide();
    list->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto* id = new QLineEdit(&dialog);
    id->setObjectName(QStringLiteral("sourceId"));
    auto* title = new QLineEdit(&dialog);
    title->setObjectName(QStringLiteral("sourceTitle"));
    auto* reference = new QLineEdit(&dialog);
    auto* version = new QLineEdit(&dialog);
    version->setObjectName(QStringLiteral("sourceVersion"));
    version->setPlaceholderText(tr("JJJJ-MM-DD"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Kenmerk"), id);
    form->addRow(tr("&Titel"), title);
    form->addRow(tr("&Vindplaats"), reference);
    form->addRow(tr("&Versie van"), version);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Sluiten"));
    auto* save = buttons->addButton(tr("Vastleggen"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveSource"));
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(list, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);

    auto sources = std::make_shared<std::vector<protocol::Source>>();
    const auto load = [this, list, sources] {
        runAsync(
            list, [server = m_server] { return server->sources(); },
            [this, list, sources](SessionResult<std::vector<protocol::Source>> got) {
                if (!got) {
                    Q_EMIT message(
                        tr("De bronnen zijn niet op te halen: %1").arg(qs(got.error().toString())));
                    return;
                }
                *sources = std::move(*got);
                list->setRowCount(static_cast<int>(sources->size()));
                for (int row = 0; row < list->rowCount(); ++row) {
                    const auto& source = (*sources)[static_cast<std::size_t>(row)];
                    QStringList cited;
                    for (const auto& guide : source.citedBy)
                        cited << qs(guide);
                    const QStringList cells{qs(source.id), qs(source.title), qs(source.versionDate),
                                            cited.join(QStringLiteral(", "))};
                    for (int c = 0; c < cells.size(); ++c) {
                        auto* item = new QTableWidgetItem(cells[c]);
                        item->setToolTip(cells[c]);
                        list->setItem(row, c, item);
                    }
                }
                list->resizeColumnToContents(0);
                list->resizeColumnToContents(2);
            });
    };
    connect(list, &QTableWidget::currentCellChanged, &dialog, [=](int row) {
        if (row < 0 || row >= static_cast<int>(sources->size()))
            return;
        const auto& source = (*sources)[static_cast<std::size_t>(row)];
        id->setText(qs(source.id));
        title->setText(qs(source.title));
        reference->setText(qs(source.reference));
        version->setText(qs(source.versionDate));
    });
    connect(save, &QPushButton::clicked, &dialog, [=, this] {
        const protocol::Source source{id->text().trimmed().toStdString(),
                                      title->text().trimmed().toStdString(),
                                      reference->text().trimmed().toStdString(),
                                      version->text().trimmed().toStdString(),
                                      {},
                                      {},
                                      {}};
        runAsync(
            list, [server = m_server, source] { return server->saveSource(source); },
            [this, load](SessionResult<std::vector<std::string>> toCheck) {
                if (!toCheck) {
                    Q_EMIT message(
                        tr("De bron is niet vastgelegd: %1").arg(qs(toCheck.error().message)));
                    return;
                }
                Q_EMIT message(toCheck->empty()
                                   ? tr("Bron vastgelegd.")
                                   : tr("Nieuwe versie vastgelegd; %1 gids(en) krijgen een "
                                        "melding om na te kijken.")
                                         .arg(static_cast<int>(toCheck->size())));
                load();
                reload();
            });
    });
    load();
    dialog.resize(720, 480);
    dialog.exec();
}

} // namespace souffleur::studio
