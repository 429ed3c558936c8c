// Projector mode (projector_window.h).
#include "projector_window.h"

#include "aar_page.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <QWebEngineSettings>
#include <QWebEngineView>

namespace souffleur::studio {

ProjectorWindow::ProjectorWindow(AarPage& page)
    : QWidget(nullptr, Qt::Window)
    , m_page(page) {
    setObjectName(QStringLiteral("projector"));
    setWindowTitle(tr("Souffleur – AAR presenteren"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    setStyleSheet(QStringLiteral("QWidget#projector{background:#ffffff}"));
    m_step = new QLabel(this);
    m_step->setStyleSheet(QStringLiteral("font-size:20px;color:#444"));
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setStyleSheet(QStringLiteral("font-size:40px;font-weight:bold;color:#1a1a1a"));
    m_timer = new QLabel(this);
    m_timer->setObjectName(QStringLiteral("projectorTimer"));
    m_timer->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_timer->setAccessibleName(tr("Tijd voor deze vraag"));
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("projectorNotes"));
    m_notes->setAccessibleName(tr("Aantekeningen bij deze vraag"));
    m_notes->setPlaceholderText(tr("Typ hier wat het team zegt…"));
    m_notes->setStyleSheet(QStringLiteral("font-size:24px"));
    m_notes->installEventFilter(this);
    m_view = new QWebEngineView(this);
    m_view->setObjectName(QStringLiteral("projectorEvidence"));
    m_view->settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->setFocusPolicy(Qt::NoFocus);
    connect(m_view, &QWebEngineView::loadFinished, this, &ProjectorWindow::evidenceShown);
    auto* hint = new QLabel(
        tr("PgDn: volgende vraag · PgUp: vorige · F5: timer starten of pauzeren · Esc: terug"),
        this);
    hint->setStyleSheet(QStringLiteral("font-size:16px;color:#444"));

    auto* head = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_step);
    titles->addWidget(m_title);
    head->addLayout(titles, 1);
    head->addWidget(m_timer);
    auto* body = new QHBoxLayout;
    body->addWidget(m_notes, 2);
    body->addWidget(m_view, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    layout->addLayout(head);
    layout->addLayout(body, 1);
    layout->addWidget(hint);

    connect(&m_page.clock(), &MeetingClock::ticked, this, &ProjectorWindow::updateClock);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (m_syncing)
            return;
        // The workspace's field is the AAR's answer: it saves.
        auto* answer = m_page.answer(m_question);
        if (answer->toPlainText() != m_notes->toPlainText())
            answer->setPlainText(m_notes->toPlainText());
    });
}

void ProjectorWindow::showQuestion(int question) {
    m_question = std::clamp(question, 0, 3);
    const auto language = AarPage::reportLanguage();
    m_step->setText(tr("Vraag %1 van 4").arg(m_question + 1));
    m_title->setText(QString::fromStdString(report::questionTitle(m_question, language)));
    m_syncing = true;
    m_notes->setPlainText(m_page.answer(m_question)->toPlainText());
    m_notes->moveCursor(QTextCursor::End);
    m_syncing = false;
    updateClock();
    m_view->setHtml(
        QString::fromStdString(report::evidenceHtml(m_page.reportInput(), m_question, true)),
        QUrl(QStringLiteral("souffleur-report:/")));
    m_notes->setFocus();
}

void ProjectorWindow::updateClock() {
    auto& clock = m_page.clock();
    m_timer->setText(clock.text(m_question) +
                     (clock.running(m_question) ? QString() : tr(" (pauze)")));
    m_timer->setStyleSheet(QStringLiteral("font-size:36px;font-weight:bold;color:%1")
                               .arg(clock.overTime(m_question) ? QStringLiteral("#a35200")
                                                               : QStringLiteral("#1f5fa8")));
}

bool ProjectorWindow::handleKey(int key) {
    switch (key) {
    case Qt::Key_PageDown:
        showQuestion(m_question + 1);
        return true;
    case Qt::Key_PageUp:
        showQuestion(m_question - 1);
        return true;
    case Qt::Key_F5:
        m_page.clock().toggle(m_question);
        updateClock();
        return true;
    case Qt::Key_Escape:
        close();
        return true;
    default:
        return false;
    }
}

bool ProjectorWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_notes && event->type() == QEvent::KeyPress &&
        handleKey(static_cast<QKeyEvent*>(event)->key()))
        return true;
    return QWidget::eventFilter(watched, event);
}

void ProjectorWindow::keyPressEvent(QKeyEvent* event) {
    if (!handleKey(event->key()))
        QWidget::keyPressEvent(event);
}

} // namespace souffleur::studio
