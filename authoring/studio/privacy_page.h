// "Privacy: wat wordt vastgelegd?": the page a team, its works council and
// its privacy officer can read in the studio, in plain words: what the desks
// record, who sees what, for how long (the organisation's own retention
// period, from the server), for which purpose (learning, never assessing a
// person), the rule of five, and whether anything goes to an LRS. The whole
// story, with the DPIA outline and a draft works-council agreement, is
// docs/privacy.md.
#pragma once

#include <souffleur/studio/server_session.h>

#include <QDialog>

#include <memory>

class QTextBrowser;

namespace souffleur::studio {

class PrivacyPage : public QDialog {
    Q_OBJECT

public:
    PrivacyPage(std::shared_ptr<const ServerSession> server, QWidget* parent = nullptr);
    QTextBrowser* text() const { return m_text; }

Q_SIGNALS:
    void loaded();

private:
    void fill(const PrivacyFacts& facts, bool known);

    QTextBrowser* m_text;
};

} // namespace souffleur::studio
