// The merge after a 409: someone saved this guide while the author was
// editing it. Every change that did not collide is already in; here the
// author settles each collision, by step and field: theirs, mine, or both.
// Nothing is overwritten without the author seeing it.
#pragma once

#include <souffleur/studio/merge.h>

#include <QDialog>

namespace souffleur::studio {

class MergeDialog : public QDialog {
    Q_OBJECT

public:
    // `merge` is settled in place as the author chooses.
    MergeDialog(Merge& merge, const QString& who, int theirRevision, QWidget* parent = nullptr);

private:
    Merge& m_merge;
};

// What a conflict is about, for a person ("Stap 3 'brp': korte instructie").
QString conflictTitle(const Conflict& conflict);

} // namespace souffleur::studio
