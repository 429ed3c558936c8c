// What the desk keeps aside (see diagnostics_dialog.h).
#include "diagnostics_dialog.h"

#include "desk.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <boost/json/parse.hpp>

namespace souffleur::overlay {
namespace {

// The type of a record, from its JSON ("feedback", "event", ...).
QString recordType(const std::string& record) {
    boost::system::error_code error;
    const auto value = boost::json::parse(record, error);
    const auto* object = error ? nullptr : value.if_object();
    const auto* type = object ? object->if_contains("type") : nullptr;
    return type && type->is_string()
               ? QString::fromUtf8(type->as_string().data(),
                                   static_cast<qsizetype>(type->as_string().size()))
               : QStringLiteral("?");
}

QListWidget* makeList(const QString& accessibleName, QWidget* parent) {
    auto* list = new QListWidget(parent);
    list->setAccessibleName(accessibleName);
    list->setWordWrap(true);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    return list;
}

} // namespace

DiagnosticsDialog::DiagnosticsDialog(Desk& desk, const UiText& text, QWidget* parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_text(text)
    , m_pending(makeList(text.pendingHeading, this))
    , m_rejected(makeList(text.rejectedHeading, this))
    , m_export(new QPushButton(text.exportRejected, this))
    , m_resend(new QPushButton(text.resendRejected, this))
    , m_outcome(new QLabel(this)) {
    setObjectName(QStringLiteral("diagnostics"));
    setWindowTitle(text.diagnosticsTitle);
    m_pending->setObjectName(QStringLiteral("pending"));
    m_rejected->setObjectName(QStringLiteral("rejected"));
    m_export->setObjectName(QStringLiteral("export"));
    m_resend->setObjectName(QStringLiteral("resend"));
    m_outcome->setObjectName(QStringLiteral("outcome"));
    m_outcome->setWordWrap(true);
    connect(m_export, &QPushButton::clicked, this, &DiagnosticsDialog::exportRejected);
    connect(m_resend, &QPushButton::clicked, this, &DiagnosticsDialog::resend);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(text.close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* pendingHeading = new QLabel(text.pendingHeading, this);
    auto* rejectedHeading = new QLabel(text.rejectedHeading, this);
    for (QLabel* heading : {pendingHeading, rejectedHeading}) {
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
    }
    auto* rejectedButtons = new QHBoxLayout;
    rejectedButtons->addWidget(m_export);
    rejectedButtons->addWidget(m_resend);
    rejectedButtons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(pendingHeading);
    layout->addWidget(m_pending, 1);
    layout->addWidget(rejectedHeading);
    layout->addWidget(m_rejected, 2);
    layout->addLayout(rejectedButtons);
    layout->addWidget(m_outcome);
    layout->addWidget(buttons);
    resize(520, 480);
    refresh();
}

void DiagnosticsDialog::refresh() {
    m_pending->clear();
    for (const client::PendingEntry& entry : m_desk.pendingContent()) {
        const QString name = entry.title.empty() ? QString::fromStdString(entry.id)
                                                 : QString::fromStdString(entry.title);
        const QString why =
            entry.needsFormat > 0 ? m_text.needsUpdate : QString::fromStdString(entry.reason);
        m_pending->addItem(m_text.pendingLine.arg(name).arg(entry.revision).arg(why));
    }
    if (m_pending->count() == 0)
        m_pending->addItem(m_text.pendingNone);

    m_rejected->clear();
    const auto rejected = m_desk.rejectedRecordList();
    for (const client::RejectedRecord& record : rejected) {
        const QString at =
            QDateTime::fromString(QString::fromStdString(record.rejectedAt), Qt::ISODateWithMs)
                .toLocalTime()
                .toString(QStringLiteral("dd-MM HH:mm"));
        m_rejected->addItem(m_text.rejectedLine.arg(at, recordType(record.record),
                                                    QString::fromStdString(record.reason)));
    }
    if (rejected.empty())
        m_rejected->addItem(m_text.rejectedNone);
    m_export->setEnabled(!rejected.empty());
    m_resend->setEnabled(!rejected.empty());
}

std::expected<void, QString> DiagnosticsDialog::exportTo(const QString& path) {
    auto written = m_desk.exportRejected(path);
    m_outcome->setText(written ? m_text.exported.arg(QDir::toNativeSeparators(path))
                               : m_text.exportFailed.arg(written.error()));
    return written;
}

void DiagnosticsDialog::exportRejected() {
    const QString suggested =
        QDir::home().filePath(QStringLiteral("souffleur-geweigerd-%1.json")
                                  .arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, m_text.exportRejected, suggested,
                                                      QStringLiteral("JSON (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

void DiagnosticsDialog::resend() {
    auto resent = m_desk.resendRejected();
    m_outcome->setText(resent ? m_text.resent.arg(*resent) : resent.error());
    refresh();
}

} // namespace souffleur::overlay
