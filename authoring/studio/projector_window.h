// Projector mode for an After Action Review: full screen, large type, one
// of the four questions at a time with its timer and the facilitator's
// notes at the left, and the evidence that helps answer it at the right
// (the report core's charts, aar_report.h). Keyboard driven, so the
// facilitator can type and steer without a mouse:
//   PgDn / PgUp   next / previous question
//   F5            start or pause the question's timer
//   Esc           back to the studio
// The notes are the AAR's answer: what is typed here is in the workspace
// too, and saved.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QWebEngineView;

namespace souffleur::studio {

class AarPage;

class ProjectorWindow : public QWidget {
    Q_OBJECT

public:
    explicit ProjectorWindow(AarPage& page);

    void showQuestion(int question);
    int question() const { return m_question; }
    QPlainTextEdit* notes() const { return m_notes; }

Q_SIGNALS:
    void evidenceShown();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    bool handleKey(int key);
    void updateClock();

    AarPage& m_page;
    int m_question = 0;
    QLabel* m_step;
    QLabel* m_title;
    QLabel* m_timer;
    QPlainTextEdit* m_notes;
    QWebEngineView* m_view;
    bool m_syncing = false;
};

} // namespace souffleur::studio
