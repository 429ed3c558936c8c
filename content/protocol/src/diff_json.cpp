// The semantic diff as JSON (diff_json.h).
#include <souffleur/protocol/diff_json.h>

#include <boost/json/array.hpp>

namespace souffleur::protocol {
namespace {

namespace json = boost::json;

json::array fieldsJson(const std::vector<content::FieldChange>& fields) {
    json::array out;
    for (const auto& field : fields) {
        json::array words;
        for (const auto& run : field.words)
            words.push_back(
                json::object{{"kind", content::kindName(run.kind)}, {"text", run.text}});
        out.push_back(json::object{{"field", field.field},
                                   {"before", field.before},
                                   {"after", field.after},
                                   {"markup_only", field.markupOnly},
                                   {"words", std::move(words)}});
    }
    return out;
}

json::object stepJson(const content::StepChange& step) {
    json::object out{{"kind", content::kindName(step.kind)},
                     {"id", step.id},
                     {"moved", step.moved},
                     {"glance", step.glance}};
    if (!step.oldId.empty())
        out["old_id"] = step.oldId;
    if (step.oldIndex)
        out["old_index"] = *step.oldIndex;
    if (step.newIndex)
        out["new_index"] = *step.newIndex;
    out["fields"] = fieldsJson(step.fields);
    json::array options;
    for (const auto& option : step.options) {
        json::object o{{"kind", content::kindName(option.kind)},
                       {"label", option.label},
                       {"target", option.target}};
        if (!option.oldLabel.empty())
            o["old_label"] = option.oldLabel;
        if (!option.oldTarget.empty())
            o["old_target"] = option.oldTarget;
        options.push_back(std::move(o));
    }
    out["options"] = std::move(options);
    return out;
}

json::array attachmentsJson(const std::vector<content::Alert::Attachment>& attachments) {
    json::array out;
    for (const auto& a : attachments)
        out.push_back(json::object{{"guide", a.guide}, {"step", a.step}});
    return out;
}

} // namespace

json::object diffJson(const content::GuideDiff& diff) {
    json::array steps;
    for (const auto& step : diff.steps)
        steps.push_back(stepJson(step));
    json::array alerts;
    for (const auto& alert : diff.alerts)
        alerts.push_back(json::object{{"kind", content::kindName(alert.kind)},
                                      {"alert", alert.alertId},
                                      {"title", alert.title},
                                      {"step", alert.step}});
    return {{"id", diff.id},
            {"old_revision", diff.oldRevision},
            {"new_revision", diff.newRevision},
            {"same", diff.same()},
            {"summary", json::object{{"nl", content::summaryText(diff, "nl")},
                                     {"en", content::summaryText(diff, "en")}}},
            {"fields", fieldsJson(diff.fields)},
            {"steps", std::move(steps)},
            {"alerts", std::move(alerts)}};
}

json::object diffJson(const content::AlertDiff& diff) {
    return {{"id", diff.id},
            {"old_revision", diff.oldRevision},
            {"new_revision", diff.newRevision},
            {"same", diff.same()},
            {"fields", fieldsJson(diff.fields)},
            {"attached", attachmentsJson(diff.attached)},
            {"detached", attachmentsJson(diff.detached)}};
}

} // namespace souffleur::protocol
