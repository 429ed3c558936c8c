// The fields of a guide and of its steps, as the studio edits them: one name
// per field, one value type that can hold any of them, and one table that
// reads and writes each (src/fields.cpp). Edits (edit_model.h), the three-way
// merge (merge.h) and the editor's widgets all address a field this way, so a
// new field of the format is one line in that table.
#pragma once

#include <souffleur/content/guide.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace souffleur::studio {

// What a guide says about itself, besides its steps.
enum class GuideField {
    Title,
    Summary,
    Language,
    Audience,
    Owner,
    Tags,
    ValidFrom,
    ValidTo,
    References, // the legal basis and internal instructions (<basis>)
    Related,
    Triggers,
    Prerequisites,
    Context,
    Result,
    ReviewMonths, // format 5: the review cycle in months (0: the default)
    NextReview,   // format 5: the next review date, "" for the cycle's
};

// What one step says. (A step's id is not a field: RenameStep changes it.)
enum class StepField {
    Glance,
    Details,
    Why,
    Checks,
    Warnings,
    Tips,
    Images,
    Options,
    Escalation,
    Ends,
    References,
    Notes, // internal notes for colleagues (format 3)
};

// Any field's value: the alternative is fixed per field (see the table).
using FieldValue = std::variant<std::string, bool, int, content::RichText, std::vector<std::string>,
                                std::vector<content::Option>, std::vector<content::Image>,
                                std::vector<content::Reference>, std::vector<content::Trigger>,
                                std::optional<content::Escalation>>;

// The stable name of a field ("glance", "validTo"), as diagnostics, the
// journal and the merge name it; and back.
std::string_view fieldName(GuideField field);
std::string_view fieldName(StepField field);
std::optional<GuideField> guideFieldNamed(std::string_view name);
std::optional<StepField> stepFieldNamed(std::string_view name);

std::span<const GuideField> allGuideFields();
std::span<const StepField> allStepFields();

FieldValue get(const content::Guide& guide, GuideField field);
FieldValue get(const content::Step& step, StepField field);
// Sets a field; false (and nothing changed) when the value has the wrong type.
bool set(content::Guide& guide, GuideField field, FieldValue value);
bool set(content::Step& step, StepField field, FieldValue value);

// A field's value as text a person can read and compare: rich text as its
// plain text, lists one item per line, options as "label → target".
std::string displayText(const FieldValue& value);

} // namespace souffleur::studio
