// The live preview: the desk's own guide view (souffleur::guide_view), at
// the desk panel's width, showing the step being edited as the desk will
// show it, updated as the author types. Toggles for "the citizen can see
// the screen" and the desk's language; "Probeer het" walks the guide with
// the desk's real step engine (checks, decisions, hand-off, end).
#pragma once

#include <souffleur/client/step_engine.h>
#include <souffleur/content/guide.h>

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace souffleur::guide_view {
class GuideView;
}

namespace souffleur::studio {

class PreviewPane : public QWidget {
    Q_OBJECT

public:
    // The desk panel's width on a 1366-pixel screen (overlay/gui).
    static constexpr int kDeskWidth = 341;

    explicit PreviewPane(QWidget* parent = nullptr);
    ~PreviewPane() override;

    // Shows `stepId` of `guide` (the guide as it is now); during a try-out,
    // the try-out's step instead.
    void show(const content::Guide& guide, const std::string& stepId);
    guide_view::GuideView& view() { return *m_view; }
    bool tryingOut() const { return m_engine != nullptr; }

    // Starts or stops walking the guide with the step engine.
    void toggleTryOut();

    // A picture the preview asked for (imageWanted) has come, or could not
    // (empty bytes: then its description stays); shown from now on.
    void addImage(const QString& hash, const QByteArray& bytes);

Q_SIGNALS:
    // The step shown has a picture the preview does not hold: fetch it
    // (asked once per picture), then addImage().
    void imageWanted(const QString& hash);
    // The page of the preview has been painted (after a load or an update).
    void painted();
    // During a try-out: the engine moved to this step (the editor follows).
    void stepReached(const QString& stepId);

private:
    void render();
    void showTryOutControls();

    guide_view::GuideView* m_view;
    QCheckBox* m_citizenCanSee;
    QComboBox* m_language;
    QPushButton* m_tryOut;
    QWidget* m_controls;
    QHBoxLayout* m_controlLayout;
    QLabel* m_tryState;
    content::Guide m_guide;
    std::string m_step;
    client::SystemClock m_clock;
    std::unique_ptr<client::StepEngine> m_engine;
    content::Guide m_triedGuide; // the engine walks this copy
    bool m_finished = false;
    QHash<QString, QByteArray> m_images; // fetched pictures, by hash
    QSet<QString> m_wanted;              // asked for, by hash
};

} // namespace souffleur::studio
