// The edit model (edit_model.h): edits with their inverses, the undo stack,
// the structural rules and the diagnostics.
#include <souffleur/content/parser.h>
#include <souffleur/content/writer.h>
#include <souffleur/studio/edit_model.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace souffleur::studio {
namespace {

using content::Guide;
using content::Step;
using Code = EditError::Code;

std::unexpected<EditError> refuse(Code code, std::string detail = {}) {
    return std::unexpected(EditError{code, std::move(detail)});
}

bool idCharacter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

// The id form of the schema: [A-Za-z0-9._-]{1,128}.
bool validId(std::string_view id) {
    return !id.empty() && id.size() <= 128 && std::ranges::all_of(id, idCharacter);
}

bool digits(std::string_view text) {
    return std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY-MM-DD" with a month and day that exist (February 29 in leap years).
bool validDate(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !digits(date.substr(0, 4)) ||
        !digits(date.substr(5, 2)) || !digits(date.substr(8, 2)))
        return false;
    const int year = std::stoi(std::string(date.substr(0, 4)));
    const int month = std::stoi(std::string(date.substr(5, 2)));
    const int day = std::stoi(std::string(date.substr(8, 2)));
    if (month < 1 || month > 12 || day < 1)
        return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
}

bool validHash(std::string_view hash) {
    return hash.size() == 71 && hash.starts_with("sha256:") &&
           std::ranges::all_of(hash.substr(7), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// A language tag as xsd:language has it: letters, then -subtags.
bool validLanguage(std::string_view tag) {
    if (tag.empty() || tag.size() > 35)
        return false;
    std::size_t part = 0;
    for (std::size_t i = 0; i <= tag.size(); ++i) {
        if (i == tag.size() || tag[i] == '-') {
            const auto length = i - part;
            if (length < 1 || length > 8)
                return false;
            part = i + 1;
        } else if (!std::isalnum(static_cast<unsigned char>(tag[i])) ||
                   (part == 0 && !std::isalpha(static_cast<unsigned char>(tag[i])))) {
            return false;
        }
    }
    return true;
}

std::optional<EditError> triggerProblem(const content::Trigger& trigger) {
    const bool window = !trigger.application.empty() || !trigger.title.empty();
    if (window == !trigger.link.empty())
        return EditError{Code::InvalidTrigger, trigger.link.empty() ? "" : trigger.link};
    if (!trigger.link.empty() && !validId(trigger.link))
        return EditError{Code::InvalidId, trigger.link};
    return std::nullopt;
}

// Cleans every piece of text a value holds (cleanText); rich text is clean
// by construction.
void clean(FieldValue& value) {
    struct Visitor {
        void operator()(std::string& text) const { text = cleanText(text); }
        void operator()(bool) const {}
        void operator()(content::RichText&) const {}
        void operator()(std::vector<std::string>& items) const {
            for (auto& item : items)
                item = cleanText(item);
        }
        void operator()(std::vector<content::Option>& options) const {
            for (auto& option : options)
                option.label = cleanText(option.label);
        }
        void operator()(std::vector<content::Image>& images) const {
            for (auto& image : images)
                image.alt = cleanText(image.alt);
        }
        void operator()(std::vector<content::Reference>& references) const {
            for (auto& reference : references) {
                reference.label = cleanText(reference.label);
                reference.href = cleanText(reference.href);
            }
        }
        void operator()(std::vector<content::Trigger>& triggers) const {
            for (auto& trigger : triggers) {
                trigger.application = cleanText(trigger.application);
                trigger.title = cleanText(trigger.title);
            }
        }
        void operator()(std::optional<content::Escalation>& escalation) const {
            if (escalation) {
                escalation->say = cleanText(escalation->say);
                escalation->record = cleanText(escalation->record);
                escalation->outcome = cleanText(escalation->outcome);
            }
        }
    };
    std::visit(Visitor{}, value);
}

void cleanStep(Step& step) {
    for (const StepField field : allStepFields()) {
        FieldValue value = get(step, field);
        clean(value);
        set(step, field, std::move(value));
    }
}

// Whether a guide field's value is in form (the types already fit).
std::optional<EditError> guideValueProblem(GuideField field, const FieldValue& value) {
    switch (field) {
    case GuideField::ReviewMonths: {
        const int months = std::get<int>(value);
        if (months < 0 || months > 120)
            return EditError{Code::WrongValueType, std::to_string(months)};
        break;
    }
    case GuideField::NextReview:
    case GuideField::ValidFrom:
    case GuideField::ValidTo: {
        const auto& date = std::get<std::string>(value);
        if (!date.empty() && !validDate(date))
            return EditError{Code::InvalidDate, date};
        break;
    }
    case GuideField::Language:
        if (!validLanguage(std::get<std::string>(value)))
            return EditError{Code::InvalidLanguage, std::get<std::string>(value)};
        break;
    case GuideField::Related:
        for (const auto& id : std::get<std::vector<std::string>>(value))
            if (!validId(id))
                return EditError{Code::InvalidId, id};
        break;
    case GuideField::Triggers:
        for (const auto& trigger : std::get<std::vector<content::Trigger>>(value))
            if (auto problem = triggerProblem(trigger))
                return problem;
        break;
    default:
        break;
    }
    return std::nullopt;
}

// Whether a step field's value is in form within `guide`.
std::optional<EditError> stepValueProblem(const Guide& guide, StepField field,
                                          const FieldValue& value) {
    if (field == StepField::Options) {
        for (const auto& option : std::get<std::vector<content::Option>>(value))
            if (!guide.findStep(option.target))
                return EditError{Code::UnknownTarget, option.target};
    } else if (field == StepField::Images) {
        for (const auto& image : std::get<std::vector<content::Image>>(value))
            if (!validHash(image.hash))
                return EditError{Code::InvalidHash, image.hash};
    }
    return std::nullopt;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

content::Diagnostic located(std::string_view file, std::string step, std::string_view field,
                            std::string message) {
    content::Diagnostic diagnostic;
    diagnostic.file = std::string(file);
    diagnostic.severity = content::Severity::Error;
    diagnostic.message = std::move(message);
    diagnostic.step = std::move(step);
    diagnostic.field = std::string(field);
    return diagnostic;
}

bool blank(std::string_view text) {
    return std::ranges::all_of(text, [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

// What the parser would refuse although the structure is sound: the texts
// the format requires, a known hand-off role, a decision or a hand-off.
content::Diagnostics incomplete(const Guide& guide, std::string_view file) {
    content::Diagnostics out;
    if (blank(guide.title))
        out.push_back(located(file, "", fieldName(GuideField::Title), "the guide needs a title"));
    if (guide.steps.empty())
        out.push_back(located(file, "", "steps", "the guide needs at least one step"));
    for (const Step& step : guide.steps) {
        if (blank(step.glance) && step.block.empty()) // a block step's text is the block's
            out.push_back(located(file, step.id, fieldName(StepField::Glance),
                                  "step '" + step.id + "' needs a short instruction"));
        const auto lists = {std::pair{StepField::Checks, &step.checks},
                            std::pair{StepField::Warnings, &step.warnings},
                            std::pair{StepField::Tips, &step.tips},
                            std::pair{StepField::Notes, &step.notes}};
        for (const auto& [field, items] : lists)
            if (std::ranges::any_of(*items, blank))
                out.push_back(located(file, step.id, fieldName(field),
                                      "step '" + step.id + "' has an empty " +
                                          std::string(fieldName(field)) + " item"));
        if (std::ranges::any_of(step.options,
                                [](const content::Option& option) { return blank(option.label); }))
            out.push_back(located(file, step.id, fieldName(StepField::Options),
                                  "step '" + step.id + "' has an option without a label"));
        if (step.options.size() == 1)
            out.push_back(located(file, step.id, fieldName(StepField::Options),
                                  "step '" + step.id + "' has a decision with one option"));
        if (std::ranges::any_of(step.images,
                                [](const content::Image& image) { return blank(image.alt); }))
            out.push_back(located(file, step.id, fieldName(StepField::Images),
                                  "step '" + step.id + "' has a picture without a description"));
        if (step.escalation) {
            static constexpr std::string_view kRoles[] = {"id-expert", "back-office", "police",
                                                          "team-lead", "other"};
            if (std::ranges::find(kRoles, step.escalation->role) == std::end(kRoles))
                out.push_back(located(file, step.id, fieldName(StepField::Escalation),
                                      "step '" + step.id + "' hands off to an unknown role"));
            if (blank(step.escalation->say))
                out.push_back(located(file, step.id, fieldName(StepField::Escalation),
                                      "step '" + step.id +
                                          "' has a hand-off without the words for the citizen"));
            if (!step.options.empty())
                out.push_back(
                    located(file, step.id, fieldName(StepField::Escalation),
                            "step '" + step.id + "' has both a decision and a hand-off; keep one"));
        }
    }
    return out;
}

// The step a line of canonical XML belongs to: the last <step id="..."> at or
// before it.
std::string stepAtLine(std::string_view xml, int line) {
    std::string step;
    int current = 1;
    std::size_t at = 0;
    while (at < xml.size() && current <= line) {
        const auto end = std::min(xml.find('\n', at), xml.size());
        const auto text = xml.substr(at, end - at);
        if (const auto open = text.find("<step id=\""); open != std::string_view::npos) {
            const auto begin = open + 10;
            step = std::string(text.substr(begin, text.find('"', begin) - begin));
        }
        at = end + 1;
        ++current;
    }
    return step;
}

} // namespace

std::string EditError::message() const {
    switch (code) {
    case Code::UnknownStep:
        return "there is no step '" + detail + "'";
    case Code::InvalidStepId:
        return "'" + detail + "' is not a valid step id";
    case Code::DuplicateStepId:
        return "a step '" + detail + "' exists already";
    case Code::WrongValueType:
        return "the value does not fit the field " + detail;
    case Code::UnknownTarget:
        return "an option leads to step '" + detail + "', which does not exist";
    case Code::StepIsTarget:
        return "options lead to this step, from: " + detail;
    case Code::LastStep:
        return "a guide keeps at least one step";
    case Code::InvalidDate:
        return "'" + detail + "' is not a date (YYYY-MM-DD)";
    case Code::InvalidId:
        return "'" + detail + "' is not a valid id";
    case Code::InvalidHash:
        return "'" + detail + "' is not a picture's hash";
    case Code::InvalidTrigger:
        return "a trigger has either a link or window patterns";
    case Code::InvalidLanguage:
        return "'" + detail + "' is not a language";
    case Code::IndexOutOfRange:
        return "no such position: " + detail;
    case Code::IdentityChanged:
        return "the guide's id cannot change here: " + detail;
    }
    return detail;
}

std::string cleanText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            if (byte >= 0x20 || byte == '\t' || byte == '\n')
                out += static_cast<char>(byte);
            ++i;
            continue;
        }
        // The length of a well-formed sequence starting here, or 0.
        std::size_t length = 0;
        std::uint32_t code = 0;
        if (byte >= 0xC2 && byte <= 0xDF) {
            length = 2;
            code = byte & 0x1F;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            length = 3;
            code = byte & 0x0F;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            length = 4;
            code = byte & 0x07;
        }
        bool ok = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; ok && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            ok = (next & 0xC0) == 0x80;
            code = (code << 6) | (next & 0x3F);
        }
        ok = ok && !(length == 3 && code < 0x800) && !(length == 4 && code < 0x10000) &&
             code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF) && code != 0xFFFE &&
             code != 0xFFFF;
        if (ok) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
        }
    }
    return out;
}

std::vector<EditError> structuralProblems(const Guide& guide) {
    std::vector<EditError> problems;
    std::set<std::string_view> ids;
    for (const Step& step : guide.steps) {
        if (!validId(step.id))
            problems.push_back({Code::InvalidStepId, step.id});
        else if (!ids.insert(step.id).second)
            problems.push_back({Code::DuplicateStepId, step.id});
    }
    for (const Step& step : guide.steps)
        for (const StepField field : allStepFields())
            if (auto problem = stepValueProblem(guide, field, get(step, field)))
                problems.push_back(*problem);
    for (const GuideField field : allGuideFields())
        if (auto problem = guideValueProblem(field, get(guide, field)))
            problems.push_back(*problem);
    return problems;
}

EditModel::EditModel(Guide guide, Options options)
    : m_guide(std::move(guide))
    , m_options(std::move(options)) {}

std::expected<EditModel, content::Diagnostics> EditModel::fromXml(std::string_view xml,
                                                                  Options options) {
    auto guide = content::parseGuide(xml, options.name);
    if (!guide)
        return std::unexpected(std::move(guide.error()));
    return EditModel(std::move(*guide), std::move(options));
}

std::string EditModel::xml() const {
    return content::writeGuide(m_guide);
}

std::expected<Edit, EditError> EditModel::applyOne(Edit edit) {
    auto stepAt = [&](std::string_view id) -> std::optional<std::size_t> {
        return m_guide.stepIndex(id);
    };
    if (auto* set = std::get_if<SetGuideField>(&edit)) {
        FieldValue old = get(m_guide, set->field);
        if (old.index() != set->value.index())
            return refuse(Code::WrongValueType, std::string(fieldName(set->field)));
        clean(set->value);
        if (auto problem = guideValueProblem(set->field, set->value))
            return std::unexpected(*problem);
        studio::set(m_guide, set->field, std::move(set->value));
        return SetGuideField{set->field, std::move(old)};
    }
    if (auto* set = std::get_if<SetStepField>(&edit)) {
        const auto index = stepAt(set->step);
        if (!index)
            return refuse(Code::UnknownStep, set->step);
        Step& step = m_guide.steps[*index];
        FieldValue old = get(step, set->field);
        if (old.index() != set->value.index())
            return refuse(Code::WrongValueType, std::string(fieldName(set->field)));
        clean(set->value);
        if (auto problem = stepValueProblem(m_guide, set->field, set->value))
            return std::unexpected(*problem);
        studio::set(step, set->field, std::move(set->value));
        return SetStepField{set->step, set->field, std::move(old)};
    }
    if (auto* insert = std::get_if<InsertStep>(&edit)) {
        if (insert->index > m_guide.steps.size())
            return refuse(Code::IndexOutOfRange, std::to_string(insert->index));
        if (!validId(insert->step.id))
            return refuse(Code::InvalidStepId, insert->step.id);
        if (stepAt(insert->step.id))
            return refuse(Code::DuplicateStepId, insert->step.id);
        cleanStep(insert->step);
        const std::string id = insert->step.id;
        m_guide.steps.insert(m_guide.steps.begin() + static_cast<std::ptrdiff_t>(insert->index),
                             std::move(insert->step));
        const Step& inserted = m_guide.steps[insert->index];
        for (const StepField field : allStepFields()) {
            if (auto problem = stepValueProblem(m_guide, field, get(inserted, field))) {
                m_guide.steps.erase(m_guide.steps.begin() +
                                    static_cast<std::ptrdiff_t>(insert->index));
                return std::unexpected(*problem);
            }
        }
        return RemoveStep{id};
    }
    if (auto* remove = std::get_if<RemoveStep>(&edit)) {
        const auto index = stepAt(remove->step);
        if (!index)
            return refuse(Code::UnknownStep, remove->step);
        if (m_guide.steps.size() == 1)
            return refuse(Code::LastStep, remove->step);
        std::vector<std::string> from;
        for (const auto& id : stepsLeadingTo(remove->step))
            if (id != remove->step)
                from.push_back(id);
        if (!from.empty())
            return refuse(Code::StepIsTarget, join(from));
        Step removed = std::move(m_guide.steps[*index]);
        m_guide.steps.erase(m_guide.steps.begin() + static_cast<std::ptrdiff_t>(*index));
        return InsertStep{*index, std::move(removed)};
    }
    if (auto* move = std::get_if<MoveStep>(&edit)) {
        const auto index = stepAt(move->step);
        if (!index)
            return refuse(Code::UnknownStep, move->step);
        if (move->to >= m_guide.steps.size())
            return refuse(Code::IndexOutOfRange, std::to_string(move->to));
        auto& steps = m_guide.steps;
        Step moving = std::move(steps[*index]);
        steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(*index));
        steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(move->to), std::move(moving));
        return MoveStep{move->step, *index};
    }
    if (auto* rename = std::get_if<RenameStep>(&edit)) {
        const auto index = stepAt(rename->step);
        if (!index)
            return refuse(Code::UnknownStep, rename->step);
        if (!validId(rename->to))
            return refuse(Code::InvalidStepId, rename->to);
        if (rename->to == rename->step)
            return RenameStep{rename->to, rename->step};
        if (stepAt(rename->to))
            return refuse(Code::DuplicateStepId, rename->to);
        for (Step& step : m_guide.steps)
            for (auto& option : step.options)
                if (option.target == rename->step)
                    option.target = rename->to;
        m_guide.steps[*index].id = rename->to;
        return RenameStep{rename->to, rename->step};
    }
    auto& replace = std::get<ReplaceGuide>(edit);
    if (replace.guide.id != m_guide.id)
        return refuse(Code::IdentityChanged, replace.guide.id);
    replace.guide.revision = m_guide.revision;
    for (Step& step : replace.guide.steps)
        cleanStep(step);
    for (const GuideField field : allGuideFields()) {
        FieldValue value = get(replace.guide, field);
        clean(value);
        set(replace.guide, field, std::move(value));
    }
    if (auto problems = structuralProblems(replace.guide); !problems.empty())
        return std::unexpected(problems.front());
    if (replace.guide.steps.empty())
        return refuse(Code::LastStep);
    Guide old = std::exchange(m_guide, std::move(replace.guide));
    return ReplaceGuide{std::move(old)};
}

std::expected<void, EditError> EditModel::apply(Edit edit, std::string label, bool typing) {
    std::string key;
    if (typing) {
        if (const auto* guideField = std::get_if<SetGuideField>(&edit))
            key = "guide/" + std::string(fieldName(guideField->field));
        else if (const auto* stepField = std::get_if<SetStepField>(&edit))
            key = "step/" + stepField->step + "/" + std::string(fieldName(stepField->field));
    }
    const auto now = m_options.now();
    const bool merge = !key.empty() && m_burstOpen && m_index == m_commands.size() && m_index > 0 &&
                       m_commands.back().burstKey == key &&
                       now - m_commands.back().at <= m_options.burstWindow;
    Edit forward = edit;
    auto inverse = applyOne(std::move(edit));
    if (!inverse)
        return std::unexpected(inverse.error());
    if (merge) {
        Command& last = m_commands.back();
        last.forward = {std::move(forward)};
        last.at = now;
        // Typing into the command the save point sits on moves away from it.
        if (m_savedAt == static_cast<std::ptrdiff_t>(m_index))
            m_savedAt = -1;
    } else {
        m_commands.resize(m_index);
        if (m_savedAt > static_cast<std::ptrdiff_t>(m_index))
            m_savedAt = -1;
        m_commands.push_back(
            {std::move(label), {std::move(forward)}, {std::move(*inverse)}, key, now});
        ++m_index;
    }
    m_burstOpen = !key.empty();
    changed();
    return {};
}

std::expected<void, EditError> EditModel::apply(std::vector<Edit> edits, std::string label) {
    std::vector<Edit> inverses;
    std::vector<Edit> forward = edits;
    for (auto& edit : edits) {
        auto inverse = applyOne(std::move(edit));
        if (!inverse) {
            for (auto it = inverses.rbegin(); it != inverses.rend(); ++it)
                (void)applyOne(std::move(*it));
            if (!inverses.empty())
                changed();
            return std::unexpected(inverse.error());
        }
        inverses.push_back(std::move(*inverse));
    }
    m_commands.resize(m_index);
    if (m_savedAt > static_cast<std::ptrdiff_t>(m_index))
        m_savedAt = -1;
    m_commands.push_back(
        {std::move(label), std::move(forward), std::move(inverses), {}, m_options.now()});
    ++m_index;
    m_burstOpen = false;
    changed();
    return {};
}

std::string EditModel::undoLabel() const {
    return canUndo() ? m_commands[m_index - 1].label : "";
}
std::string EditModel::redoLabel() const {
    return canRedo() ? m_commands[m_index].label : "";
}

bool EditModel::undo() {
    if (!canUndo())
        return false;
    Command& command = m_commands[m_index - 1];
    // The inverses are exact, so they apply; what they return is the forward
    // edit again, kept for redo (a merged typing burst keeps its last text).
    for (auto it = command.inverse.rbegin(); it != command.inverse.rend(); ++it)
        (void)applyOne(*it);
    --m_index;
    m_burstOpen = false;
    changed();
    return true;
}

bool EditModel::redo() {
    if (!canRedo())
        return false;
    Command& command = m_commands[m_index];
    for (const Edit& edit : command.forward)
        (void)applyOne(edit);
    ++m_index;
    m_burstOpen = false;
    changed();
    return true;
}

bool EditModel::modified() const {
    return m_savedAt != static_cast<std::ptrdiff_t>(m_index);
}

void EditModel::markSaved() {
    m_savedAt = static_cast<std::ptrdiff_t>(m_index);
    m_burstOpen = false;
}

void EditModel::setRevision(int revision) {
    m_guide.revision = revision;
    ++m_version;
}

void EditModel::changed() {
    ++m_version;
    m_diagnosticsStale = true;
    m_readability.reset();
}

void EditModel::setLintContext(content::LintContext context) {
    m_options.lint = std::move(context);
    m_diagnosticsStale = true;
}

const content::Diagnostics& EditModel::diagnostics() const {
    if (!m_diagnosticsStale)
        return m_diagnostics;
    m_diagnostics = incomplete(m_guide, m_options.name);
    if (m_diagnostics.empty()) {
        // The safety net: what the writer makes must parse. The rules above
        // keep it so; should they miss something, it shows here, at its step.
        const std::string text = xml();
        if (auto parsed = content::parseGuide(text, m_options.name); !parsed) {
            for (auto& diagnostic : parsed.error()) {
                diagnostic.step = stepAtLine(text, diagnostic.line);
                m_diagnostics.push_back(std::move(diagnostic));
            }
        }
    }
    for (auto& diagnostic : content::lintGuide(m_guide, m_options.name, m_options.lint))
        m_diagnostics.push_back(std::move(diagnostic));
    if (m_options.readability)
        for (const auto& finding : readability().findings)
            m_diagnostics.push_back(finding);
    m_diagnosticsStale = false;
    return m_diagnostics;
}

// Once per change: the findings and the form's score both ask for it.
const content::Readability& EditModel::readability() const {
    if (!m_readability)
        m_readability = content::checkReadability(
            m_guide, m_options.readability.value_or(content::ReadabilityPolicy{}), m_options.name);
    return *m_readability;
}

std::string EditModel::uniqueStepId(std::string_view base) const {
    // Lower-case ASCII letters and digits from the base, words joined by '-',
    // at most a few words: "Controleer de BRP" -> "controleer-de-brp".
    std::string id;
    int words = 0;
    bool gap = false;
    for (const char c : base) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) {
            if (gap && !id.empty()) {
                if (++words == 4)
                    break;
                id += '-';
            }
            id += static_cast<char>(std::tolower(u));
            gap = false;
        } else if (u < 0x80 || (u & 0xC0) != 0x80) {
            gap = true;
        }
    }
    if (id.size() > 40)
        id.resize(40);
    if (id.empty())
        id = "stap";
    std::string candidate = id;
    for (int n = 2; m_guide.findStep(candidate); ++n)
        candidate = id + "-" + std::to_string(n);
    return candidate;
}

std::vector<std::string> EditModel::stepsLeadingTo(std::string_view stepId) const {
    std::vector<std::string> from;
    for (const Step& step : m_guide.steps)
        if (std::ranges::any_of(step.options, [&](const content::Option& option) {
                return option.target == stepId;
            }))
            from.push_back(step.id);
    return from;
}

} // namespace souffleur::studio
