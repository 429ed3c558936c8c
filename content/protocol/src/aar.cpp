// After Action Reviews and their evidence as JSON (aar.h). Readers are
// lenient: a missing member reads as empty, a value of the wrong type too;
// only a record without its key (a guide, an id) is refused.
#include <souffleur/protocol/aar.h>

#include <boost/json/array.hpp>

namespace souffleur::protocol {
namespace {

namespace json = boost::json;

std::string text(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::optional<std::string> optionalText(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || !v->is_string())
        return std::nullopt;
    return std::string(v->as_string());
}

std::int64_t integer(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_int64() ? v->as_int64() : 0;
}

std::optional<std::int64_t> optionalInteger(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || !v->is_int64())
        return std::nullopt;
    return v->as_int64();
}

const json::array& array(const json::object& o, std::string_view key) {
    static const json::array kEmpty;
    const auto* v = o.if_contains(key);
    return v && v->is_array() ? v->as_array() : kEmpty;
}

void put(json::object& o, std::string_view key, const std::optional<std::string>& value) {
    if (value)
        o[key] = *value;
}

void put(json::object& o, std::string_view key, const std::optional<std::int64_t>& value) {
    if (value)
        o[key] = *value;
}

json::object countsJson(const SessionCounts& counts) {
    return {{"started", counts.started},
            {"finished", counts.finished},
            {"abandoned", counts.abandoned}};
}

SessionCounts countsFrom(const json::object& o) {
    return {integer(o, "started"), integer(o, "finished"), integer(o, "abandoned")};
}

template <typename T, typename From>
std::vector<T> listFrom(const json::object& o, std::string_view key, From from) {
    std::vector<T> out;
    for (const auto& item : array(o, key)) {
        if (auto value = from(item))
            out.push_back(std::move(*value));
    }
    return out;
}

template <typename List, typename ToJson>
json::array listJson(const List& list, ToJson toJson) {
    json::array out;
    for (const auto& item : list)
        out.push_back(toJson(item));
    return out;
}

json::object stepJson(const StepFigures& step) {
    json::object decisions;
    for (const auto& [option, count] : step.decisions)
        decisions[option] = count;
    json::object out{{"step", step.step},           {"sessions", step.sessions},
                     {"skipped", step.skipped},     {"back", step.back},
                     {"escalated", step.escalated}, {"decisions", std::move(decisions)}};
    put(out, "median_ms", step.medianMs);
    put(out, "p90_ms", step.p90Ms);
    return out;
}

std::optional<StepFigures> stepFrom(const json::value& value) {
    const auto* o = value.if_object();
    if (!o || text(*o, "step").empty())
        return std::nullopt;
    StepFigures out{text(*o, "step"),
                    integer(*o, "sessions"),
                    optionalInteger(*o, "median_ms"),
                    optionalInteger(*o, "p90_ms"),
                    integer(*o, "skipped"),
                    integer(*o, "back"),
                    integer(*o, "escalated"),
                    {}};
    if (const auto* decisions = o->if_contains("decisions"); decisions && decisions->is_object()) {
        for (const auto& [option, count] : decisions->as_object()) {
            if (count.is_int64())
                out.decisions[std::string(option)] = count.as_int64();
        }
    }
    return out;
}

json::object feedbackJson(const EvidenceFeedback& item) {
    json::object out{{"id", item.id},
                     {"revision", item.revision},
                     {"kind", item.kind},
                     {"text", item.text},
                     {"status", item.status},
                     {"team", item.team},
                     {"created_at", item.createdAt}};
    put(out, "step", item.step);
    put(out, "suggestion", item.suggestion);
    return out;
}

std::optional<EvidenceFeedback> feedbackFrom(const json::value& value) {
    const auto* o = value.if_object();
    if (!o)
        return std::nullopt;
    return EvidenceFeedback{
        text(*o, "id"),     optionalText(*o, "step"), static_cast<int>(integer(*o, "revision")),
        text(*o, "kind"),   text(*o, "text"),         optionalText(*o, "suggestion"),
        text(*o, "status"), text(*o, "team"),         text(*o, "created_at")};
}

} // namespace

json::object toJson(const GuideEvidence& evidence) {
    json::object out{
        {"guide", evidence.guide},
        {"title", evidence.title},
        {"sessions",
         evidence.sessions ? json::value(countsJson(*evidence.sessions)) : json::value(nullptr)},
        {"cells_withheld", evidence.cellsWithheld},
        {"steps", listJson(evidence.steps, stepJson)},
        {"steps_withheld", evidence.stepsWithheld},
        {"teams", listJson(evidence.teams,
                           [](const TeamFigures& team) {
                               json::object item = countsJson(team.sessions);
                               item["team"] = team.team;
                               return item;
                           })},
        {"teams_withheld", evidence.teamsWithheld},
        {"trend", listJson(evidence.trend,
                           [](const TrendPoint& point) {
                               json::object item{{"month", point.month},
                                                 {"skipped", point.skipped},
                                                 {"back", point.back},
                                                 {"escalated", point.escalated}};
                               item["sessions"] = point.sessions
                                                      ? json::value(countsJson(*point.sessions))
                                                      : json::value(nullptr);
                               return item;
                           })},
        {"published",
         listJson(
             evidence.published,
             [](const Publication& p) {
                 return json::object{{"revision", p.revision}, {"date", p.date}, {"note", p.note}};
             })},
        {"alerts", listJson(evidence.alerts,
                            [](const AlertFigure& alert) {
                                json::object item{{"alert", alert.alert}, {"title", alert.title}};
                                item["acknowledged"] = alert.acknowledged
                                                           ? json::value(*alert.acknowledged)
                                                           : json::value(nullptr);
                                return item;
                            })},
        {"feedback", listJson(evidence.feedback, feedbackJson)}};
    return out;
}

std::optional<GuideEvidence> guideEvidenceFrom(const json::value& value) {
    const auto* o = value.if_object();
    if (!o || text(*o, "guide").empty())
        return std::nullopt;
    GuideEvidence out;
    out.guide = text(*o, "guide");
    out.title = text(*o, "title");
    if (const auto* sessions = o->if_contains("sessions"); sessions && sessions->is_object())
        out.sessions = countsFrom(sessions->as_object());
    out.cellsWithheld = integer(*o, "cells_withheld");
    out.steps = listFrom<StepFigures>(*o, "steps", stepFrom);
    out.stepsWithheld = integer(*o, "steps_withheld");
    out.teams = listFrom<TeamFigures>(*o, "teams", [](const json::value& v) {
        const auto* team = v.if_object();
        return team ? std::optional(TeamFigures{text(*team, "team"), countsFrom(*team)})
                    : std::nullopt;
    });
    out.teamsWithheld = integer(*o, "teams_withheld");
    out.trend = listFrom<TrendPoint>(*o, "trend", [](const json::value& v) {
        const auto* point = v.if_object();
        if (!point)
            return std::optional<TrendPoint>();
        TrendPoint item{text(*point, "month"), std::nullopt, integer(*point, "skipped"),
                        integer(*point, "back"), integer(*point, "escalated")};
        if (const auto* s = point->if_contains("sessions"); s && s->is_object())
            item.sessions = countsFrom(s->as_object());
        return std::optional(item);
    });
    out.published = listFrom<Publication>(*o, "published", [](const json::value& v) {
        const auto* p = v.if_object();
        return p ? std::optional(Publication{static_cast<int>(integer(*p, "revision")),
                                             text(*p, "date"), text(*p, "note")})
                 : std::nullopt;
    });
    out.alerts = listFrom<AlertFigure>(*o, "alerts", [](const json::value& v) {
        const auto* a = v.if_object();
        return a ? std::optional(AlertFigure{text(*a, "alert"), text(*a, "title"),
                                             optionalInteger(*a, "acknowledged")})
                 : std::nullopt;
    });
    out.feedback = listFrom<EvidenceFeedback>(*o, "feedback", feedbackFrom);
    return out;
}

json::object toJson(const LogbookItem& entry) {
    json::object out{{"id", entry.id},
                     {"team", entry.team},
                     {"at", entry.at},
                     {"text", entry.text},
                     {"created_at", entry.createdAt}};
    put(out, "guide", entry.guide);
    put(out, "step", entry.step);
    return out;
}

std::optional<LogbookItem> logbookItemFrom(const json::value& value) {
    const auto* o = value.if_object();
    if (!o || text(*o, "id").empty())
        return std::nullopt;
    return LogbookItem{text(*o, "id"),        text(*o, "team"),          text(*o, "at"),
                       text(*o, "text"),      optionalText(*o, "guide"), optionalText(*o, "step"),
                       text(*o, "created_at")};
}

json::object toJson(const AarAction& action) {
    json::object out{{"aar", action.aarId},
                     {"position", action.position},
                     {"text", action.text},
                     {"owner", action.owner},
                     {"state", action.state},
                     {"open", action.open},
                     {"updated_at", action.updatedAt},
                     {"aar_title", action.aarTitle},
                     {"aar_at", action.aarAt}};
    put(out, "guide", action.guide);
    put(out, "step", action.step);
    put(out, "due", action.due);
    if (action.feedbackId) {
        json::object inbox{{"feedback", *action.feedbackId}};
        put(inbox, "status", action.inboxStatus);
        put(inbox, "reason", action.inboxReason);
        if (action.inboxRevision)
            inbox["revision"] = *action.inboxRevision;
        out["inbox"] = std::move(inbox);
    }
    return out;
}

std::optional<AarAction> aarActionFrom(const json::value& value) {
    const auto* o = value.if_object();
    if (!o || text(*o, "aar").empty())
        return std::nullopt;
    AarAction out;
    out.aarId = text(*o, "aar");
    out.position = static_cast<int>(integer(*o, "position"));
    out.text = text(*o, "text");
    out.guide = optionalText(*o, "guide");
    out.step = optionalText(*o, "step");
    out.owner = text(*o, "owner");
    out.due = optionalText(*o, "due");
    out.state = text(*o, "state");
    out.updatedAt = text(*o, "updated_at");
    out.aarTitle = text(*o, "aar_title");
    out.aarAt = text(*o, "aar_at");
    const auto* open = o->if_contains("open");
    out.open = !open || !open->is_bool() || open->as_bool();
    if (const auto* inbox = o->if_contains("inbox"); inbox && inbox->is_object()) {
        const auto& i = inbox->as_object();
        out.feedbackId = text(i, "feedback");
        out.inboxStatus = optionalText(i, "status");
        out.inboxReason = optionalText(i, "reason");
        if (const auto revision = optionalInteger(i, "revision"))
            out.inboxRevision = static_cast<int>(*revision);
    }
    return out;
}

json::object toJson(const Aar& aar) {
    json::array guides;
    for (const auto& guide : aar.guides)
        guides.emplace_back(guide);
    return {{"id", aar.id},
            {"team", aar.team},
            {"title", aar.title},
            {"at", aar.at},
            {"guides", std::move(guides)},
            {"from", aar.from},
            {"to", aar.to},
            {"expected", aar.expected},
            {"happened", aar.happened},
            {"why", aar.why},
            {"improve", aar.improve},
            {"lesson", aar.lesson},
            {"shared", aar.shared},
            {"state", aar.state},
            {"created_at", aar.createdAt},
            {"updated_at", aar.updatedAt},
            {"actions", listJson(aar.actions, [](const AarAction& a) { return toJson(a); })}};
}

std::optional<Aar> aarFrom(const json::value& value) {
    const auto* o = value.if_object();
    if (!o || text(*o, "id").empty())
        return std::nullopt;
    Aar out;
    out.id = text(*o, "id");
    out.team = text(*o, "team");
    out.title = text(*o, "title");
    out.at = text(*o, "at");
    for (const auto& guide : array(*o, "guides")) {
        if (guide.is_string())
            out.guides.emplace_back(guide.as_string());
    }
    out.from = text(*o, "from");
    out.to = text(*o, "to");
    out.expected = text(*o, "expected");
    out.happened = text(*o, "happened");
    out.why = text(*o, "why");
    out.improve = text(*o, "improve");
    out.lesson = text(*o, "lesson");
    const auto* shared = o->if_contains("shared");
    out.shared = shared && shared->is_bool() && shared->as_bool();
    out.state = text(*o, "state");
    out.createdAt = text(*o, "created_at");
    out.updatedAt = text(*o, "updated_at");
    out.actions = listFrom<AarAction>(*o, "actions", aarActionFrom);
    return out;
}

json::object toJson(const Evidence& evidence) {
    json::object out{
        {"from", evidence.from},
        {"to", evidence.to},
        {"trend_from", evidence.trendFrom},
        {"min_people", evidence.minPeople},
        {"guides", listJson(evidence.guides, [](const GuideEvidence& g) { return toJson(g); })},
        {"logbook", listJson(evidence.logbook, [](const LogbookItem& e) { return toJson(e); })},
        {"open_actions",
         listJson(evidence.openActions, [](const AarAction& a) { return toJson(a); })}};
    if (!evidence.team.empty())
        out["team"] = evidence.team;
    return out;
}

std::optional<Evidence> evidenceFrom(const json::value& value) {
    const auto* o = value.if_object();
    if (!o || !o->contains("guides"))
        return std::nullopt;
    Evidence out;
    out.team = text(*o, "team");
    out.from = text(*o, "from");
    out.to = text(*o, "to");
    out.trendFrom = text(*o, "trend_from");
    out.minPeople = optionalInteger(*o, "min_people").value_or(5);
    out.guides = listFrom<GuideEvidence>(*o, "guides", guideEvidenceFrom);
    out.logbook = listFrom<LogbookItem>(*o, "logbook", logbookItemFrom);
    out.openActions = listFrom<AarAction>(*o, "open_actions", aarActionFrom);
    return out;
}

} // namespace souffleur::protocol
