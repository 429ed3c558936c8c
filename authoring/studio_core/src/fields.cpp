// The field table (fields.h): one row per field, a member pointer each.
#include <souffleur/studio/fields.h>

#include <algorithm>
#include <array>
#include <type_traits>

namespace souffleur::studio {
namespace {

using content::Guide;
using content::Step;

template <typename Owner>
struct Row {
    std::string_view name;
    FieldValue (*get)(const Owner&);
    bool (*set)(Owner&, FieldValue&&);
};

template <auto Member, typename Owner>
FieldValue getMember(const Owner& owner) {
    return FieldValue(owner.*Member);
}

template <auto Member, typename Owner>
bool setMember(Owner& owner, FieldValue&& value) {
    using Type = std::remove_cvref_t<decltype(owner.*Member)>;
    auto* typed = std::get_if<Type>(&value);
    if (!typed)
        return false;
    owner.*Member = std::move(*typed);
    return true;
}

template <auto Member, typename Owner>
constexpr Row<Owner> row(std::string_view name) {
    return {name, &getMember<Member, Owner>, &setMember<Member, Owner>};
}

// In the order of the enums.
constexpr std::array kGuideRows = {
    row<&Guide::title, Guide>("title"),
    row<&Guide::summary, Guide>("summary"),
    row<&Guide::language, Guide>("language"),
    row<&Guide::audience, Guide>("audience"),
    row<&Guide::owner, Guide>("owner"),
    row<&Guide::tags, Guide>("tags"),
    row<&Guide::validFrom, Guide>("validFrom"),
    row<&Guide::validTo, Guide>("validTo"),
    row<&Guide::references, Guide>("references"),
    row<&Guide::related, Guide>("related"),
    row<&Guide::triggers, Guide>("triggers"),
    row<&Guide::prerequisites, Guide>("prerequisites"),
    row<&Guide::context, Guide>("context"),
    row<&Guide::result, Guide>("result"),
    row<&Guide::reviewMonths, Guide>("reviewMonths"),
    row<&Guide::nextReview, Guide>("nextReview"),
};
constexpr std::array kGuideFields = {
    GuideField::Title,      GuideField::Summary,  GuideField::Language,
    GuideField::Audience,   GuideField::Owner,    GuideField::Tags,
    GuideField::ValidFrom,  GuideField::ValidTo,  GuideField::References,
    GuideField::Related,    GuideField::Triggers, GuideField::Prerequisites,
    GuideField::Context,    GuideField::Result,   GuideField::ReviewMonths,
    GuideField::NextReview,
};
static_assert(kGuideRows.size() == kGuideFields.size());

constexpr std::array kStepRows = {
    row<&Step::glance, Step>("glance"),
    row<&Step::details, Step>("details"),
    row<&Step::why, Step>("why"),
    row<&Step::checks, Step>("checks"),
    row<&Step::warnings, Step>("warnings"),
    row<&Step::tips, Step>("tips"),
    row<&Step::images, Step>("images"),
    row<&Step::options, Step>("options"),
    row<&Step::escalation, Step>("escalation"),
    row<&Step::ends, Step>("ends"),
    row<&Step::references, Step>("references"),
    row<&Step::notes, Step>("notes"),
};
constexpr std::array kStepFields = {
    StepField::Glance,     StepField::Details, StepField::Why,        StepField::Checks,
    StepField::Warnings,   StepField::Tips,    StepField::Images,     StepField::Options,
    StepField::Escalation, StepField::Ends,    StepField::References, StepField::Notes,
};
static_assert(kStepRows.size() == kStepFields.size());

const Row<Guide>& rowOf(GuideField field) {
    return kGuideRows.at(static_cast<std::size_t>(field));
}
const Row<Step>& rowOf(StepField field) {
    return kStepRows.at(static_cast<std::size_t>(field));
}

void appendLine(std::string& out, std::string_view line) {
    if (!out.empty())
        out += '\n';
    out += line;
}

} // namespace

std::string_view fieldName(GuideField field) {
    return rowOf(field).name;
}
std::string_view fieldName(StepField field) {
    return rowOf(field).name;
}

std::optional<GuideField> guideFieldNamed(std::string_view name) {
    for (std::size_t i = 0; i < kGuideRows.size(); ++i)
        if (kGuideRows[i].name == name)
            return kGuideFields[i];
    return std::nullopt;
}

std::optional<StepField> stepFieldNamed(std::string_view name) {
    for (std::size_t i = 0; i < kStepRows.size(); ++i)
        if (kStepRows[i].name == name)
            return kStepFields[i];
    return std::nullopt;
}

std::span<const GuideField> allGuideFields() {
    return kGuideFields;
}
std::span<const StepField> allStepFields() {
    return kStepFields;
}

FieldValue get(const Guide& guide, GuideField field) {
    return rowOf(field).get(guide);
}
FieldValue get(const Step& step, StepField field) {
    return rowOf(field).get(step);
}
bool set(Guide& guide, GuideField field, FieldValue value) {
    return rowOf(field).set(guide, std::move(value));
}
bool set(Step& step, StepField field, FieldValue value) {
    return rowOf(field).set(step, std::move(value));
}

std::string displayText(const FieldValue& value) {
    struct Visitor {
        std::string operator()(const std::string& text) const { return text; }
        std::string operator()(bool flag) const { return flag ? "yes" : "no"; }
        std::string operator()(const content::RichText& text) const { return text.plainText(); }
        std::string operator()(const std::vector<std::string>& items) const {
            std::string out;
            for (const auto& item : items)
                appendLine(out, item);
            return out;
        }
        std::string operator()(const std::vector<content::Option>& options) const {
            std::string out;
            for (const auto& option : options)
                appendLine(out, option.label + " \u2192 " + option.target);
            return out;
        }
        std::string operator()(const std::vector<content::Image>& images) const {
            std::string out;
            for (const auto& image : images)
                appendLine(out, image.alt + " (" + image.hash + ")");
            return out;
        }
        std::string operator()(const std::vector<content::Reference>& references) const {
            std::string out;
            for (const auto& reference : references)
                appendLine(out, reference.href.empty()
                                    ? reference.label
                                    : reference.label + " <" + reference.href + ">");
            return out;
        }
        std::string operator()(const std::vector<content::Trigger>& triggers) const {
            std::string out;
            for (const auto& trigger : triggers)
                appendLine(out, trigger.link.empty() ? trigger.application + " | " + trigger.title
                                                     : "link " + trigger.link);
            return out;
        }
        std::string operator()(const std::optional<content::Escalation>& escalation) const {
            if (!escalation)
                return {};
            return escalation->role + "\n" + escalation->say + "\n" + escalation->record + "\n" +
                   escalation->outcome;
        }
    };
    return std::visit(Visitor{}, value);
}

} // namespace souffleur::studio
