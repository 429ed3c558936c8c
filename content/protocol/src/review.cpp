// The co-creation records as JSON (review.h).
#include <souffleur/protocol/review.h>

#include <limits>

namespace souffleur::protocol {
namespace {

namespace json = boost::json;

void putOptional(json::object& out, std::string_view key, const std::optional<std::string>& value) {
    if (value)
        out[key] = *value;
}

// Reads the members of one JSON object; a member of the wrong type makes
// the whole record unreadable (ok() is false), an absent optional is nullopt.
class Reader {
public:
    explicit Reader(const json::value& value)
        : m_object(value.if_object()) {}

    bool ok() const { return m_object && m_ok; }

    std::string text(std::string_view key) {
        const auto* value = find(key);
        if (!value)
            return {};
        if (!value->is_string()) {
            m_ok = false;
            return {};
        }
        return std::string(value->as_string());
    }
    std::optional<std::string> optionalText(std::string_view key) {
        const auto* value = find(key);
        if (!value || value->is_null())
            return std::nullopt;
        return text(key);
    }
    std::int64_t integer(std::string_view key) { return optionalInteger(key).value_or(0); }
    std::optional<std::int64_t> optionalInteger(std::string_view key) {
        const auto* value = find(key);
        if (!value || value->is_null())
            return std::nullopt;
        if (!value->is_int64()) {
            m_ok = false;
            return std::nullopt;
        }
        return value->as_int64();
    }
    int revision(std::string_view key) {
        const auto value = integer(key);
        if (value < 0 || value > std::numeric_limits<int>::max()) {
            m_ok = false;
            return 0;
        }
        return static_cast<int>(value);
    }
    bool flag(std::string_view key) {
        const auto* value = find(key);
        return value && value->is_bool() && value->as_bool();
    }

private:
    const json::value* find(std::string_view key) const {
        return m_object ? m_object->if_contains(key) : nullptr;
    }

    const json::object* m_object;
    bool m_ok = true;
};

} // namespace

json::object toJson(const Feedback& feedback) {
    json::object out{
        {"id", feedback.id},     {"guide", feedback.guideId},       {"revision", feedback.revision},
        {"kind", feedback.kind}, {"text", feedback.text},           {"status", feedback.status},
        {"team", feedback.team}, {"created_at", feedback.createdAt}};
    putOptional(out, "step", feedback.step);
    putOptional(out, "suggestion", feedback.suggestion);
    putOptional(out, "updated_at", feedback.updatedAt);
    if (feedback.handledRevision)
        out["handled_revision"] = *feedback.handledRevision;
    putOptional(out, "reason", feedback.reason);
    putOptional(out, "duplicate_of", feedback.duplicateOf);
    return out;
}

std::optional<Feedback> feedbackFrom(const json::value& value) {
    Reader in(value);
    Feedback out;
    out.id = in.text("id");
    out.guideId = in.text("guide");
    out.revision = in.revision("revision");
    out.step = in.optionalText("step");
    out.kind = in.text("kind");
    out.text = in.text("text");
    out.suggestion = in.optionalText("suggestion");
    out.status = in.text("status");
    out.team = in.text("team");
    out.createdAt = in.text("created_at");
    out.updatedAt = in.optionalText("updated_at");
    if (const auto handled = in.optionalInteger("handled_revision"))
        out.handledRevision = static_cast<int>(*handled);
    out.reason = in.optionalText("reason");
    out.duplicateOf = in.optionalText("duplicate_of");
    if (!in.ok() || out.id.empty())
        return std::nullopt;
    return out;
}

json::object toJson(const Comment& comment) {
    json::object out{{"id", comment.id},
                     {"thread", comment.thread},
                     {"guide", comment.guideId},
                     {"revision", comment.revision},
                     {"author", comment.author},
                     {"text", comment.text},
                     {"created_at", comment.createdAt},
                     {"resolved", comment.resolved()}};
    putOptional(out, "step", comment.step);
    putOptional(out, "field", comment.field);
    putOptional(out, "resolved_by", comment.resolvedBy);
    putOptional(out, "resolved_at", comment.resolvedAt);
    return out;
}

std::optional<Comment> commentFrom(const json::value& value) {
    Reader in(value);
    Comment out;
    out.id = in.integer("id");
    out.thread = in.integer("thread");
    out.guideId = in.text("guide");
    out.revision = in.revision("revision");
    out.step = in.optionalText("step");
    out.field = in.optionalText("field");
    out.author = in.text("author");
    out.text = in.text("text");
    out.createdAt = in.text("created_at");
    out.resolvedBy = in.optionalText("resolved_by");
    out.resolvedAt = in.optionalText("resolved_at");
    if (!in.ok() || out.id == 0)
        return std::nullopt;
    return out;
}

json::object toJson(const Notice& notice) {
    json::object out{{"id", notice.id},
                     {"kind", notice.kind},
                     {"guide", notice.guideId},
                     {"revision", notice.revision},
                     {"text", notice.text},
                     {"by", notice.by},
                     {"created_at", notice.createdAt},
                     {"read", notice.read()}};
    putOptional(out, "step", notice.step);
    return out;
}

std::optional<Notice> noticeFrom(const json::value& value) {
    Reader in(value);
    Notice out;
    out.id = in.integer("id");
    out.kind = in.text("kind");
    out.guideId = in.text("guide");
    out.revision = in.revision("revision");
    out.step = in.optionalText("step");
    out.text = in.text("text");
    out.by = in.text("by");
    out.createdAt = in.text("created_at");
    // The wire says whether it was read, not when.
    if (in.flag("read"))
        out.readAt = std::string();
    if (!in.ok() || out.id == 0)
        return std::nullopt;
    return out;
}

} // namespace souffleur::protocol
