// The library workspace (library_page.h).
#include "library_page.h"

#include "async.h"

#include <souffleur/content/dita.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace souffleur::studio {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kStateRole = Qt::UserRole + 2;

// Text search over every column, and the state chosen.
class LibraryFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setState(const QString& state) {
        m_state = state;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const auto* model = sourceModel();
        if (!m_state.isEmpty() &&
            model->index(row, 0, parent).data(kStateRole).toString() != m_state)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    QString m_state;
};

QString when(const std::string& iso) {
    const auto at = QDateTime::fromString(qs(iso), Qt::ISODateWithMs);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("d-M-yyyy HH:mm")) : qs(iso);
}

std::string slug(const QString& text) {
    std::string out;
    bool gap = false;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.isLetterOrNumber() && c.unicode() < 0x80) {
            if (gap && !out.empty())
                out += '-';
            out += static_cast<char>(c.toLower().unicode());
            gap = false;
        } else if (!c.isMark()) {
            gap = true;
        }
    }
    return out.substr(0, 60);
}

} // namespace

QString stateLabel(const std::string& state) {
    if (state == "draft")
        return LibraryPage::tr("concept");
    if (state == "in_review")
        return LibraryPage::tr("in review");
    if (state == "published")
        return LibraryPage::tr("gepubliceerd");
    if (state == "retired")
        return LibraryPage::tr("ingetrokken");
    return qs(state);
}

LibraryPage::LibraryPage(std::shared_ptr<const ServerSession> server, QWidget* parent)
    : QWidget(parent)
    , m_server(std::move(server)) {
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_search->setAccessibleName(tr("Zoeken in de bibliotheek"));
    m_search->setPlaceholderText(tr("Zoek op titel, team, id… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_state = new QComboBox(this);
    m_state->setAccessibleName(tr("Toon gidsen met status"));
    m_state->addItem(tr("Alle statussen"), QString());
    for (const char* state : {"draft", "in_review", "published", "retired"})
        m_state->addItem(stateLabel(state), QString::fromLatin1(state));

    m_model = new QStandardItemModel(0, 7, this);
    m_model->setHorizontalHeaderLabels({tr("Titel"), tr("Soort"), tr("Status"), tr("Eigenaar"),
                                        tr("Revisie"), tr("Laatst gewijzigd"), tr("Door")});
    m_filter = new LibraryFilter(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("library"));
    m_table->setAccessibleName(tr("Gidsen"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setAlternatingRowColors(true);

    m_count = new QLabel(this);
    auto button = [this](const QString& text, const QString& tip, auto slot) {
        auto* b = new QPushButton(text, this);
        b->setAccessibleName(text);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto* open =
        button(tr("Openen"), tr("De gekozen gids bewerken (Enter)"), [this] { openSelected(); });
    open->setDefault(true);
    auto* create = button(tr("Nieuwe gids…"), tr("Een nieuwe gids uit het sjabloon (Ctrl+N)"),
                          [this] { newGuide(); });
    auto* duplicate = button(tr("Dupliceren"), tr("Een kopie van de gekozen gids als nieuwe gids"),
                             [this] { duplicateSelected(); });
    auto* import = button(tr("Importeren…"), tr("Een gids uit een XML- of DITA-bestand"),
                          [this] { importFile(); });
    auto* exportButton = button(tr("Exporteren…"), tr("De gekozen gids als XML of DITA"),
                                [this] { exportSelected(); });
    auto* reloadButton =
        button(tr("Vernieuwen"), tr("De lijst opnieuw ophalen"), [this] { reload(); });

    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_state);
    top->addWidget(reloadButton);
    auto* actions = new QHBoxLayout;
    for (auto* b : {open, create, duplicate, import, exportButton})
        actions->addWidget(b);
    actions->addStretch();
    actions->addWidget(m_count);
    auto* title = new QLabel(tr("Bibliotheek"), this);
    title->setStyleSheet(QStringLiteral("font-size:18px;font-weight:600"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterFixedString(text);
        m_count->setText(tr("%1 van %2 gidsen").arg(m_filter->rowCount()).arg(m_model->rowCount()));
    });
    connect(m_state, &QComboBox::activated, this, [this] {
        static_cast<LibraryFilter*>(m_filter)->setState(m_state->currentData().toString());
        m_count->setText(tr("%1 van %2 gidsen").arg(m_filter->rowCount()).arg(m_model->rowCount()));
    });
    connect(m_table, &QTableView::activated, this, [this] { openSelected(); });
}

void LibraryPage::reload() {
    Q_EMIT message(tr("Bibliotheek ophalen…"));
    const auto server = m_server;
    runAsync(
        this, [server] { return server->library(); },
        // By reference and copied: g++ 12 -O2 warns (wrongly) that a vector
        // moved out of the std::expected may be uninitialised.
        [this](const SessionResult<std::vector<LibraryEntry>>& result) {
            if (!result) {
                Q_EMIT message(tr("De bibliotheek kan niet worden opgehaald: %1")
                                   .arg(qs(result.error().toString())));
                return;
            }
            m_entries = *result;
            fill();
            Q_EMIT message(tr("%1 gidsen in de bibliotheek.").arg(m_entries.size()));
        });
}

void LibraryPage::fill() {
    m_model->removeRows(0, m_model->rowCount());
    for (const auto& entry : m_entries) {
        QList<QStandardItem*> row;
        auto* title = new QStandardItem(qs(entry.title));
        title->setData(qs(entry.id), kIdRole);
        title->setData(qs(entry.state), kStateRole);
        title->setToolTip(qs(entry.id));
        // A draft of a guide the desks already have says which revision they have.
        QString state = stateLabel(entry.state);
        if (entry.published > 0 && entry.published != entry.revision)
            state = tr("%1 (balie: revisie %2)").arg(state).arg(entry.published);
        // A block says how many guides show it: a change lands in all of them.
        auto* kind = new QStandardItem(entry.isBlock ? tr("bouwsteen (in %n gids(en))", "",
                                                          static_cast<int>(entry.usedBy.size()))
                                                     : tr("gids"));
        if (entry.isBlock && !entry.usedBy.empty()) {
            QStringList users;
            for (const auto& user : entry.usedBy)
                users << qs(user);
            kind->setToolTip(tr("Gebruikt in: %1").arg(users.join(QStringLiteral(", "))));
        }
        row << title << kind << new QStandardItem(state) << new QStandardItem(qs(entry.owner));
        auto* revision = new QStandardItem;
        revision->setData(entry.revision, Qt::DisplayRole);
        row << revision << new QStandardItem(when(entry.savedAt))
            << new QStandardItem(qs(entry.savedBy));
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_count->setText(tr("%1 van %2 gidsen").arg(m_filter->rowCount()).arg(m_model->rowCount()));
    if (m_filter->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->selectRow(0);
}

int LibraryPage::newestRevision(const std::string& id) const {
    for (const auto& entry : m_entries)
        if (entry.id == id)
            return entry.revision;
    return 0;
}

const LibraryEntry* LibraryPage::selected() const {
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return nullptr;
    const auto id = m_filter->index(index.row(), 0).data(kIdRole).toString().toStdString();
    for (const auto& entry : m_entries)
        if (entry.id == id)
            return &entry;
    return nullptr;
}

void LibraryPage::openSelected() {
    if (const auto* entry = selected())
        Q_EMIT openRequested({entry->id, entry->revision, std::nullopt, entry->revision});
}

void LibraryPage::newGuide() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Nieuwe gids"));
    auto* title = new QLineEdit(&dialog);
    title->setAccessibleName(tr("Titel van de nieuwe gids"));
    title->setPlaceholderText(tr("Bijvoorbeeld: Paspoort aanvragen"));
    auto* owner = new QLineEdit(&dialog);
    owner->setAccessibleName(tr("Eigenaar (team)"));
    owner->setPlaceholderText(tr("Bijvoorbeeld: Team Burgerzaken Balie"));
    auto* id = new QLineEdit(&dialog);
    id->setAccessibleName(tr("Id van de gids"));
    auto* block = new QCheckBox(tr("Bouwsteen: één stap die andere gidsen tonen"), &dialog);
    block->setObjectName(QStringLiteral("newBlock"));
    block->setAccessibleName(tr("Maak een bouwsteen in plaats van een gids"));
    block->setToolTip(tr("Een stap die u één keer bijhoudt en in meerdere gidsen gebruikt, "
                         "bijvoorbeeld 'BRP raadplegen'"));
    const auto suggestId = [id, title, block, this] {
        const QString text = title->text();
        std::string base = (block->isChecked() ? "nl.gemeente.blok." : "nl.gemeente.") + slug(text);
        std::string candidate = base;
        for (int n = 2; newestRevision(candidate) > 0; ++n)
            candidate = base + "-" + std::to_string(n);
        id->setText(qs(candidate));
    };
    connect(title, &QLineEdit::textEdited, id, suggestId);
    connect(block, &QCheckBox::toggled, id, suggestId);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Maken"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuleren"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("&Titel"), title);
    form->addRow(tr("&Eigenaar"), owner);
    form->addRow(tr("&Id"), id);
    form->addRow(QString(), block);
    form->addRow(buttons);
    dialog.resize(520, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted || id->text().trimmed().isEmpty())
        return;
    content::Guide guide;
    guide.id = id->text().trimmed().toStdString();
    guide.title = title->text().trimmed().toStdString();
    guide.owner = owner->text().trimmed().toStdString();
    guide.audience = {"baliemedewerker"};
    guide.isBlock = block->isChecked();
    content::Step first;
    first.id = guide.isBlock ? "stap" : "stap-1";
    guide.steps.push_back(first);
    Q_EMIT openRequested({guide.id, 0, guide, newestRevision(guide.id)});
}

void LibraryPage::importFile() {
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Gids importeren"), QString(),
                                     tr("Gidsen en DITA-taken (*.xml *.dita);;Alle bestanden (*)"));
    if (file.isEmpty())
        return;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly) || in.size() > static_cast<qint64>(content::kMaxGuideBytes)) {
        Q_EMIT message(tr("%1 kan niet worden gelezen.").arg(file));
        return;
    }
    const std::string xml = in.readAll().toStdString();
    const auto header = content::peekHeader(xml);
    std::optional<content::Guide> guide;
    QString problem;
    if (header && header->root == "task") {
        auto imported = content::importDitaTask(xml, file.toStdString());
        if (imported)
            guide = std::move(imported->guide);
        else
            problem = qs(imported.error().front().toString());
    } else {
        auto parsed = content::parseGuide(xml, file.toStdString());
        if (parsed)
            guide = std::move(*parsed);
        else
            problem = qs(parsed.error().front().toString());
    }
    if (!guide) {
        Q_EMIT message(tr("Niet geïmporteerd: %1").arg(problem));
        return;
    }
    const int base = newestRevision(guide->id);
    Q_EMIT openRequested({guide->id, 0, std::move(*guide), base});
    Q_EMIT message(base > 0 ? tr("Geïmporteerd; opslaan maakt er een nieuwe revisie van.")
                            : tr("Geïmporteerd als nieuwe gids; nog niet opgeslagen."));
}

void LibraryPage::exportSelected() {
    const auto* entry = selected();
    if (!entry)
        return;
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Gids exporteren"), qs(entry->id) + QStringLiteral(".xml"),
        tr("Souffleur-gids (*.xml);;DITA-taak (*.dita)"));
    if (file.isEmpty())
        return;
    const auto server = m_server;
    const std::string id = entry->id;
    const int revision = entry->revision;
    runAsync(
        this, [server, id, revision] { return server->revisionXml(id, revision); },
        [this, file](SessionResult<std::string> xml) {
            if (!xml) {
                Q_EMIT message(tr("Niet geëxporteerd: %1").arg(qs(xml.error().toString())));
                return;
            }
            std::string out = *xml;
            if (file.endsWith(QLatin1String(".dita"))) {
                auto guide = content::parseGuide(*xml, "server");
                if (!guide) {
                    Q_EMIT message(tr("Niet geëxporteerd: de gids is niet te lezen."));
                    return;
                }
                out = content::exportDitaTask(*guide);
            }
            QFile target(file);
            if (!target.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                target.write(out.data(), static_cast<qint64>(out.size())) !=
                    static_cast<qint64>(out.size())) {
                Q_EMIT message(tr("%1 kan niet worden geschreven.").arg(file));
                return;
            }
            Q_EMIT message(tr("Geëxporteerd naar %1.").arg(file));
        });
}

void LibraryPage::duplicateSelected() {
    const auto* entry = selected();
    if (!entry)
        return;
    const auto server = m_server;
    const std::string id = entry->id;
    const int revision = entry->revision;
    runAsync(
        this, [server, id, revision] { return server->revisionXml(id, revision); },
        [this](SessionResult<std::string> xml) {
            auto guide = xml ? content::parseGuide(*xml, "server")
                             : std::expected<content::Guide, content::Diagnostics>(
                                   std::unexpected(content::Diagnostics{}));
            if (!guide) {
                Q_EMIT message(tr("Dupliceren lukt niet."));
                return;
            }
            std::string copy = guide->id + "-kopie";
            for (int n = 2; newestRevision(copy) > 0; ++n)
                copy = guide->id + "-kopie-" + std::to_string(n);
            guide->id = copy;
            guide->revision = 1;
            guide->title += tr(" (kopie)").toStdString();
            Q_EMIT openRequested({guide->id, 0, std::move(*guide), 0});
        });
}

} // namespace souffleur::studio
