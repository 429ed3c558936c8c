// The live preview (preview_pane.h).
#include "preview_pane.h"

#include <souffleur/guide_view/guide_view.h>
#include <souffleur/guide_view/page.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace souffleur::studio {

PreviewPane::PreviewPane(QWidget* parent)
    : QWidget(parent)
    , m_view(new guide_view::GuideView(this)) {
    m_view->setObjectName(QStringLiteral("preview"));
    m_view->setFixedWidth(kDeskWidth);
    m_view->setAccessibleName(tr("Voorbeeld zoals de balie het ziet"));
    m_citizenCanSee = new QCheckBox(tr("Burger kijkt mee"), this);
    m_citizenCanSee->setAccessibleName(tr("Voorbeeld: de burger kijkt mee"));
    m_citizenCanSee->setToolTip(tr("Zo ziet de balie de stap als de burger het scherm kan zien"));
    m_language = new QComboBox(this);
    m_language->setAccessibleName(tr("Taal van de balie"));
    m_language->addItem(QStringLiteral("NL"), 0);
    m_language->addItem(QStringLiteral("EN"), 1);
    m_tryOut = new QPushButton(tr("Probeer het"), this);
    m_tryOut->setObjectName(QStringLiteral("tryOut"));
    m_tryOut->setAccessibleName(tr("Probeer de gids stap voor stap (F5)"));
    m_tryOut->setToolTip(tr("Loop de gids door zoals de balie dat doet (F5)"));
    m_tryOut->setCheckable(true);

    auto* title = new QLabel(tr("Voorbeeld aan de balie"), this);
    title->setStyleSheet(QStringLiteral("font-weight:600"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_citizenCanSee);
    bar->addStretch();
    bar->addWidget(m_language);
    bar->addWidget(m_tryOut);

    m_tryState = new QLabel(this);
    m_tryState->setWordWrap(true);
    m_controls = new QWidget(this);
    m_controlLayout = new QHBoxLayout(m_controls);
    m_controlLayout->setContentsMargins(0, 0, 0, 0);
    m_controls->hide();
    m_tryState->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1, Qt::AlignHCenter);
    layout->addWidget(m_tryState);
    layout->addWidget(m_controls);
    setFixedWidth(kDeskWidth + 16);

    connect(m_citizenCanSee, &QCheckBox::toggled, this, [this] { render(); });
    connect(m_language, &QComboBox::activated, this, [this] { render(); });
    connect(m_tryOut, &QPushButton::clicked, this, [this] { toggleTryOut(); });
    connect(m_view, &guide_view::GuideView::painted, this, [this] { Q_EMIT painted(); });
    m_view->setImageSource([this](const QString& hash) { return m_images.value(hash); });
}

void PreviewPane::addImage(const QString& hash, const QByteArray& bytes) {
    if (bytes.isEmpty())
        return; // described, as at a desk that could not fetch it
    m_images.insert(hash, bytes);
    render();
}

PreviewPane::~PreviewPane() = default;

void PreviewPane::show(const content::Guide& guide, const std::string& stepId) {
    m_guide = guide;
    m_step = stepId;
    render();
}

void PreviewPane::render() {
    guide_view::PageOptions options;
    options.language = m_language->currentData().toInt() == 1 ? content::UiLanguage::English
                                                              : content::UiLanguage::Dutch;
    options.citizenCanSee = m_citizenCanSee->isChecked();
    options.hasImage = [this](const std::string& hash) {
        const QString key = QString::fromStdString(hash);
        if (m_images.contains(key))
            return true;
        if (!m_wanted.contains(key)) {
            m_wanted.insert(key);
            Q_EMIT imageWanted(key);
        }
        return false;
    };
    if (m_engine) {
        if (m_engine->state() == client::EngineState::Active) {
            m_view->showHtml(
                guide_view::stepPage(m_engine->guide(), m_engine->currentStep(), options));
        } else {
            std::vector<content::TakenStep> taken;
            const auto& path = m_engine->path();
            for (std::size_t i = 0; i < path.size(); ++i) {
                std::string choice;
                const int chosen = m_engine->choices()[i];
                if (const auto* step = m_engine->guide().findStep(path[i]); step && chosen >= 0)
                    choice = step->options[static_cast<std::size_t>(chosen)].label;
                taken.push_back({path[i], choice});
            }
            m_view->showHtml(guide_view::finishedPage(m_engine->guide(), taken, options));
        }
        return;
    }
    const content::Step* step = m_guide.findStep(m_step);
    if (!step && !m_guide.steps.empty())
        step = &m_guide.steps.front();
    if (step)
        m_view->showHtml(guide_view::stepPage(m_guide, *step, options));
}

void PreviewPane::toggleTryOut() {
    if (m_engine) {
        m_engine.reset();
        m_tryOut->setChecked(false);
        m_controls->hide();
        m_tryState->hide();
        render();
        return;
    }
    m_engine = std::make_unique<client::StepEngine>(m_clock, [](const client::StepEvent&) {
        // A try-out records nothing: it is not a desk session.
    });
    if (auto started = m_engine->start(m_guide); !started) {
        m_tryState->setText(
            tr("Proberen lukt niet: %1").arg(QString::fromStdString(started.error())));
        m_tryState->show();
        m_engine.reset();
        m_tryOut->setChecked(false);
        return;
    }
    m_tryOut->setChecked(true);
    showTryOutControls();
    render();
}

void PreviewPane::showTryOutControls() {
    // The old buttons go later: one of them may be the one being clicked.
    while (auto* item = m_controlLayout->takeAt(0)) {
        if (auto* old = item->widget()) {
            old->hide();
            old->deleteLater();
        }
        delete item;
    }
    auto* column = new QWidget(m_controls);
    auto* buttons = new QVBoxLayout(column);
    buttons->setContentsMargins(0, 0, 0, 0);
    auto button = [&](const QString& text, auto action) {
        auto* b = new QPushButton(text, column);
        b->setAccessibleName(text);
        connect(b, &QPushButton::clicked, this, [this, action] {
            action();
            if (m_engine) {
                showTryOutControls();
                render();
                if (m_engine->state() == client::EngineState::Active)
                    Q_EMIT stepReached(QString::fromStdString(m_engine->currentStep().id));
            }
        });
        buttons->addWidget(b);
        return b;
    };
    if (m_engine->state() == client::EngineState::Active) {
        const content::Step& step = m_engine->currentStep();
        m_tryState->setText(tr("Proberen: stap %1 van %2")
                                .arg(*m_engine->guide().stepIndex(step.id) + 1)
                                .arg(m_engine->guide().steps.size()));
        if (step.options.empty()) {
            button(step.ends || &step == &m_engine->guide().steps.back() ? tr("Afronden")
                                                                         : tr("Volgende stap"),
                   [this] { (void)m_engine->next(); });
        } else {
            for (std::size_t i = 0; i < step.options.size(); ++i)
                button(QString::fromStdString(step.options[i].label),
                       [this, i] { (void)m_engine->choose(i); });
        }
        if (m_engine->canGoBack())
            button(tr("Terug"), [this] { (void)m_engine->back(); });
    } else {
        m_tryState->setText(
            m_engine->state() == client::EngineState::Finished
                ? tr("Proberen: de taak is afgerond in %1 stappen.").arg(m_engine->path().size())
                : tr("Proberen: gestopt."));
    }
    auto* stop = new QPushButton(tr("Stoppen met proberen"), column);
    stop->setAccessibleName(tr("Stoppen met proberen"));
    connect(stop, &QPushButton::clicked, this, [this] { toggleTryOut(); });
    buttons->addWidget(stop);
    m_controlLayout->addWidget(column);
    m_controls->show();
    m_tryState->show();
}

} // namespace souffleur::studio
