// The editor's two forms: what the guide says about itself (GuideForm) and
// what one step says (StepForm). A form never changes the guide itself: each
// change the author makes becomes an Edit, sent with edited(), which the
// editor applies through the GuideSession (undo, journal) and then loads the
// form again. load() leaves a field alone when it already shows the model's
// value, so the cursor stays where the author is typing.
#pragma once

#include <souffleur/content/guide.h>
#include <souffleur/studio/edit_model.h>

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QFormLayout;
class QLabel;
class QLayout;
class QListWidget;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QPushButton;
class QVBoxLayout;

namespace souffleur::studio {

class RichTextEdit;

// Lines of a plain text box as list items (empty lines left out), and back.
std::vector<std::string> linesOf(const QString& text);
QString joined(const std::vector<std::string>& items);

class GuideForm : public QWidget {
    Q_OBJECT

public:
    explicit GuideForm(QWidget* parent = nullptr);
    void load(const content::Guide& guide);
    // Puts the keyboard in the field with this name (fields.h), if it has one.
    void focusField(const QString& field);

Q_SIGNALS:
    void edited(const studio::Edit& edit, const QString& label, bool typing);
    void burstEnded();

private:
    void set(GuideField field, FieldValue value, const QString& label, bool typing = true);
    void captureWindow();

    QLineEdit* m_title;
    QPlainTextEdit* m_summary;
    QLineEdit* m_owner;
    QLineEdit* m_audience;
    QLineEdit* m_tags;
    QLineEdit* m_validFrom;
    QLineEdit* m_validTo;
    QSpinBox* m_reviewMonths;
    QLineEdit* m_nextReview;
    QComboBox* m_language;
    QPlainTextEdit* m_references;
    QPlainTextEdit* m_triggers;
    RichTextEdit* m_prerequisites;
    RichTextEdit* m_context;
    RichTextEdit* m_result;
};

class StepForm : public QWidget {
    Q_OBJECT

public:
    explicit StepForm(QWidget* parent = nullptr);
    // Shows `step` of `guide` (the guide names the steps an option may lead to).
    void load(const content::Guide& guide, const content::Step& step);
    const std::string& stepId() const { return m_step; }
    // The step's readability score against the organisation's target.
    void showReadability(double score, double target, bool measured);
    // For a step that shows a block (Step::block): what the block is and
    // where else it is used, said above the step's own fields.
    void describeBlock(const QString& text);
    void focusField(const QString& field);

Q_SIGNALS:
    void edited(const studio::Edit& edit, const QString& label, bool typing);
    // The author wants to add a picture (the editor asks for it and uploads it).
    void imageWanted();
    void burstEnded();
    // The author wants to edit the block this step shows.
    void blockOpenRequested(const QString& blockId);

private:
    void set(StepField field, FieldValue value, const QString& label, bool typing = true);
    void loadOptions(const content::Guide& guide, const content::Step& step);
    std::vector<content::Option> optionsShown() const;
    void sendOptions();
    content::Escalation escalationShown() const;

    std::string m_step;
    std::string m_block; // the block the step shows, or empty
    QFormLayout* m_form;
    QWidget* m_blockPanel;
    QLabel* m_blockText;
    QLayout* m_imageRow;
    QLabel* m_heading;
    QLabel* m_readability;
    QListWidget* m_images;
    std::vector<content::Image> m_shownImages;
    QLineEdit* m_glance;
    RichTextEdit* m_details;
    RichTextEdit* m_why;
    QPlainTextEdit* m_checks;
    QPlainTextEdit* m_warnings;
    QPlainTextEdit* m_tips;
    QPlainTextEdit* m_notes;
    QPlainTextEdit* m_references;
    QWidget* m_optionRows;
    QVBoxLayout* m_optionLayout;
    QPushButton* m_addOption;
    QGroupBox* m_escalation;
    QComboBox* m_role;
    QLineEdit* m_say;
    QLineEdit* m_record;
    QLineEdit* m_outcome;
    QCheckBox* m_ends;
    std::vector<std::pair<std::string, std::string>> m_targets; // id, label
};

} // namespace souffleur::studio
