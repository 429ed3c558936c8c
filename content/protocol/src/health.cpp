// A guide's content health as JSON (health.h).
#include <souffleur/protocol/health.h>

#include <boost/json/array.hpp>

namespace souffleur::protocol {
namespace {

namespace json = boost::json;

std::string text(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t integer(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_int64() ? v->as_int64() : 0;
}

double real(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v)
        return 0;
    if (v->is_double())
        return v->as_double();
    return v->is_int64() ? static_cast<double>(v->as_int64()) : 0;
}

} // namespace

json::object toJson(const GuideHealth& health) {
    json::array steps;
    for (const auto& step : health.steps)
        steps.push_back(json::object{{"step", step.step},
                                     {"sessions", step.sessions},
                                     {"abandon_rate", step.abandonRate},
                                     {"skip_rate", step.skipRate},
                                     {"escalation_rate", step.escalationRate}});
    json::array reasons;
    for (const auto& reason : health.reasons) {
        json::object item{{"code", reason.code}, {"detail", reason.detail}};
        if (!reason.step.empty())
            item["step"] = reason.step;
        reasons.push_back(std::move(item));
    }
    json::object out{{"guide", health.guideId},
                     {"title", health.title},
                     {"revision", health.revision},
                     {"owner", health.owner},
                     {"review_months", health.reviewMonths},
                     {"last_reviewed", health.lastReviewed},
                     {"next_review", health.nextReview},
                     {"valid_to", health.validTo},
                     {"open_feedback", health.openFeedback},
                     {"sources_changed", health.sourcesChanged},
                     {"state", health.state},
                     {"reasons", std::move(reasons)},
                     {"steps", std::move(steps)},
                     {"steps_withheld", health.stepsWithheld}};
    if (health.oldestOpenDays)
        out["oldest_open_days"] = *health.oldestOpenDays;
    return out;
}

std::optional<GuideHealth> guideHealthFrom(const json::value& value) {
    const auto* o = value.if_object();
    if (!o || text(*o, "guide").empty())
        return std::nullopt;
    GuideHealth out;
    out.guideId = text(*o, "guide");
    out.title = text(*o, "title");
    out.revision = static_cast<int>(integer(*o, "revision"));
    out.owner = text(*o, "owner");
    out.reviewMonths = static_cast<int>(integer(*o, "review_months"));
    out.lastReviewed = text(*o, "last_reviewed");
    out.nextReview = text(*o, "next_review");
    out.validTo = text(*o, "valid_to");
    out.openFeedback = integer(*o, "open_feedback");
    if (const auto* days = o->if_contains("oldest_open_days"); days && days->is_int64())
        out.oldestOpenDays = days->as_int64();
    out.sourcesChanged = integer(*o, "sources_changed");
    out.state = text(*o, "state");
    out.stepsWithheld = integer(*o, "steps_withheld");
    if (const auto* reasons = o->if_contains("reasons"); reasons && reasons->is_array()) {
        for (const auto& item : reasons->as_array())
            if (const auto* reason = item.if_object())
                out.reasons.push_back(
                    {text(*reason, "code"), text(*reason, "detail"), text(*reason, "step")});
    }
    if (const auto* steps = o->if_contains("steps"); steps && steps->is_array()) {
        for (const auto& item : steps->as_array())
            if (const auto* step = item.if_object())
                out.steps.push_back({text(*step, "step"), integer(*step, "sessions"),
                                     real(*step, "abandon_rate"), real(*step, "skip_rate"),
                                     real(*step, "escalation_rate")});
    }
    return out;
}

json::object toJson(const Source& source) {
    json::array cited;
    for (const auto& guide : source.citedBy)
        cited.emplace_back(guide);
    return {{"id", source.id},
            {"title", source.title},
            {"reference", source.reference},
            {"version_date", source.versionDate},
            {"updated_at", source.updatedAt},
            {"updated_by", source.updatedBy},
            {"cited_by", std::move(cited)}};
}

std::optional<Source> sourceFrom(const json::value& value) {
    const auto* o = value.if_object();
    if (!o || text(*o, "id").empty())
        return std::nullopt;
    Source out{text(*o, "id"),
               text(*o, "title"),
               text(*o, "reference"),
               text(*o, "version_date"),
               text(*o, "updated_at"),
               text(*o, "updated_by"),
               {}};
    if (const auto* cited = o->if_contains("cited_by"); cited && cited->is_array())
        for (const auto& guide : cited->as_array())
            if (guide.is_string())
                out.citedBy.emplace_back(guide.as_string());
    return out;
}

} // namespace souffleur::protocol
