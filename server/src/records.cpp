// Parsing and validating record batches (see records.h). A Fields reader
// walks one JSON object and keeps the first problem, with where it was, so the
// parser reads straight through and checks once per record.
#include <souffleur/server/records.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <limits>
#include <span>

namespace souffleur::server {
namespace {

namespace json = boost::json;

constexpr std::array<std::string_view, 9> kEvents = {"started",   "step_shown", "step_done",
                                                     "decision",  "back",       "skipped",
                                                     "escalated", "finished",   "abandoned"};
constexpr std::array<std::string_view, 4> kFeedbackKinds = {"wrong", "unclear", "outdated", "tip"};
constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();
constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();

// Characters, not bytes: Boost.JSON has already checked the UTF-8.
std::size_t codePoints(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U)
            ++count;
    }
    return count;
}

class Fields {
public:
    Fields(const json::object& object, std::string where)
        : m_object(object)
        , m_where(std::move(where)) {}

    // A non-empty string of at most maxLength characters.
    std::string text(std::string_view key, std::size_t maxLength) {
        auto value = optionalText(key, maxLength);
        if (!value)
            fail("\"" + std::string(key) + "\" is missing");
        return value.value_or(std::string());
    }

    // Absent, null and "" are all "not given".
    std::optional<std::string> optionalText(std::string_view key, std::size_t maxLength) {
        const auto* value = m_object.if_contains(key);
        if (!value || value->is_null())
            return std::nullopt;
        const auto* string = value->if_string();
        if (!string) {
            fail("\"" + std::string(key) + "\" must be a string");
            return std::nullopt;
        }
        if (codePoints(*string) > maxLength) {
            fail("\"" + std::string(key) + "\" is longer than " + std::to_string(maxLength) +
                 " characters");
            return std::nullopt;
        }
        if (string->empty())
            return std::nullopt;
        return std::string(*string);
    }

    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max) {
        auto value = optionalInteger(key, min, max);
        if (!value)
            fail("\"" + std::string(key) + "\" is missing");
        return value.value_or(0);
    }

    std::optional<std::int64_t> optionalInteger(std::string_view key, std::int64_t min,
                                                std::int64_t max) {
        const auto* value = m_object.if_contains(key);
        if (!value || value->is_null())
            return std::nullopt;
        const auto* number = value->if_int64();
        if (!number || *number < min || *number > max) {
            fail("\"" + std::string(key) + "\" must be an integer from " + std::to_string(min) +
                 " to " + std::to_string(max));
            return std::nullopt;
        }
        return *number;
    }

    // A required timestamp: a string of at most kMaxNameLength characters that
    // begins with a date (YYYY-MM-DD), so that lists sort and filter by day.
    std::string timestamp(std::string_view key) {
        std::string value = text(key, kMaxNameLength);
        if (!value.empty() && !isIsoDate(std::string_view(value).substr(0, 10)))
            fail("\"" + std::string(key) + "\" must be an ISO 8601 time beginning YYYY-MM-DD");
        return value;
    }

    // Absent, null, "" or a date "YYYY-MM-DD".
    std::optional<std::string> optionalDate(std::string_view key) {
        auto value = optionalText(key, kMaxNameLength);
        if (value && !isIsoDate(*value)) {
            fail("\"" + std::string(key) + "\" must be a date: YYYY-MM-DD");
            return std::nullopt;
        }
        return value;
    }

    // Absent or null: an empty list; otherwise an array of at most maxItems objects.
    std::span<const json::value> objects(std::string_view key, std::size_t maxItems) {
        const auto* value = m_object.if_contains(key);
        if (!value || value->is_null())
            return {};
        const auto* array = value->if_array();
        if (!array || array->size() > maxItems) {
            fail("\"" + std::string(key) + "\" must be an array of at most " +
                 std::to_string(maxItems) + " objects");
            return {};
        }
        for (const auto& item : *array) {
            if (!item.is_object()) {
                fail("\"" + std::string(key) + "\" must be an array of at most " +
                     std::to_string(maxItems) + " objects");
                return {};
            }
        }
        return {array->data(), array->size()};
    }

    const std::string& where() const { return m_where; }

    std::string oneOf(std::string_view key, std::span<const std::string_view> allowed) {
        std::string value = text(key, kMaxNameLength);
        for (const auto name : allowed) {
            if (name == value)
                return value;
        }
        std::string list;
        for (const auto name : allowed)
            list += (list.empty() ? "" : ", ") + std::string(name);
        fail("\"" + std::string(key) + "\" must be one of " + list);
        return value;
    }

    const std::optional<std::string>& error() const { return m_error; }

    void fail(std::string message) {
        if (!m_error)
            m_error = m_where + ": " + std::move(message);
    }

    // Keeps the first problem of a nested object's reader (which names its own place).
    void adopt(const Fields& nested) {
        if (!m_error && nested.m_error)
            m_error = nested.m_error;
    }

private:
    const json::object& m_object;
    std::string m_where;
    std::optional<std::string> m_error;
};

constexpr std::array<std::string_view, 5> kRecordTypes = {"event", "feedback", "ack", "logbook",
                                                          "aar"};

LogbookRecord logbookRecord(Fields& fields, std::size_t position) {
    LogbookRecord entry;
    entry.position = position;
    entry.id = fields.text("id", kMaxIdLength);
    entry.at = fields.timestamp("at");
    entry.text = fields.text("text", kMaxTextLength);
    entry.guideId = fields.optionalText("guide", kMaxNameLength);
    entry.step = fields.optionalText("step", kMaxNameLength);
    return entry;
}

AarRecord aarRecord(Fields& fields, std::size_t position) {
    AarRecord aar;
    aar.position = position;
    aar.id = fields.text("id", kMaxIdLength);
    aar.at = fields.timestamp("at");
    aar.guideId = fields.optionalText("guide", kMaxNameLength);
    aar.from = fields.optionalDate("from");
    aar.to = fields.optionalDate("to");
    if (aar.from && aar.to && *aar.to < *aar.from)
        fields.fail("\"to\" is before \"from\"");
    aar.expected = fields.text("expected", kMaxTextLength);
    aar.happened = fields.text("happened", kMaxTextLength);
    aar.why = fields.text("why", kMaxTextLength);
    aar.improve = fields.text("improve", kMaxTextLength);
    std::size_t index = 0;
    for (const auto& item : fields.objects("actions", kMaxAarActions)) {
        Fields action(item.as_object(),
                      fields.where() + ".actions[" + std::to_string(index++) + "]");
        AarAction out;
        out.text = action.text("text", kMaxTextLength);
        out.guideId = action.optionalText("guide", kMaxNameLength);
        out.step = action.optionalText("step", kMaxNameLength);
        fields.adopt(action);
        aar.actions.push_back(std::move(out));
    }
    return aar;
}

} // namespace

bool isIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    return true;
}

std::optional<std::string> teamRecordWithoutTeam(const RecordBatch& batch) {
    std::optional<std::size_t> first;
    std::string_view type;
    if (!batch.logbook.empty()) {
        first = batch.logbook.front().position;
        type = "logbook";
    }
    if (!batch.aars.empty() && (!first || batch.aars.front().position < *first)) {
        first = batch.aars.front().position;
        type = "aar";
    }
    if (!first)
        return std::nullopt;
    return "records[" + std::to_string(*first) + "]: a \"" + std::string(type) +
           "\" record belongs to the sender's team, and this account has none";
}

std::expected<RecordBatch, std::string> parseRecordBatch(std::string_view text) {
    boost::system::error_code error;
    const json::value value = json::parse(text, error);
    if (error)
        return std::unexpected("malformed JSON: " + error.message());
    const auto* object = value.if_object();
    if (!object)
        return std::unexpected(std::string("the batch must be a JSON object"));

    Fields batchFields(*object, "batch");
    RecordBatch batch;
    batch.clientId = batchFields.text("client", kMaxIdLength);
    batch.batch = batchFields.integer("batch", 1, kMaxInt64);
    if (batchFields.error())
        return std::unexpected(*batchFields.error());
    const auto* records = object->if_contains("records");
    if (!records || !records->is_array())
        return std::unexpected(std::string("batch: \"records\" must be an array"));
    if (records->as_array().size() > kMaxRecordsPerBatch)
        return std::unexpected("batch: more than " + std::to_string(kMaxRecordsPerBatch) +
                               " records");

    std::size_t index = 0;
    for (const auto& item : records->as_array()) {
        const std::size_t position = index++;
        const std::string where = "records[" + std::to_string(position) + "]";
        const auto* record = item.if_object();
        if (!record)
            return std::unexpected(where + ": a record must be a JSON object");
        Fields fields(*record, where);
        const std::string type = fields.oneOf("type", kRecordTypes);
        if (fields.error())
            return std::unexpected(*fields.error());
        if (type == "event") {
            EventRecord event;
            event.id = fields.text("id", kMaxIdLength);
            event.session = fields.text("session", kMaxIdLength);
            event.guideId = fields.text("guide", kMaxNameLength);
            event.revision = static_cast<int>(fields.integer("revision", 1, kMaxInt));
            event.event = fields.oneOf("event", kEvents);
            event.step = fields.optionalText("step", kMaxNameLength);
            event.option = fields.optionalText("option", kMaxNameLength);
            event.at = fields.text("at", kMaxNameLength);
            event.durationMs = fields.optionalInteger("duration_ms", 0, kMaxInt64);
            batch.events.push_back(std::move(event));
        } else if (type == "ack") {
            AckRecord ack;
            ack.id = fields.text("id", kMaxIdLength);
            ack.alertId = fields.text("alert", kMaxNameLength);
            ack.revision = static_cast<int>(fields.integer("revision", 1, kMaxInt));
            ack.at = fields.text("at", kMaxNameLength);
            batch.acks.push_back(std::move(ack));
        } else if (type == "logbook") {
            batch.logbook.push_back(logbookRecord(fields, position));
        } else if (type == "aar") {
            batch.aars.push_back(aarRecord(fields, position));
        } else {
            FeedbackRecord feedback;
            feedback.id = fields.text("id", kMaxIdLength);
            feedback.guideId = fields.text("guide", kMaxNameLength);
            feedback.revision = static_cast<int>(fields.integer("revision", 1, kMaxInt));
            feedback.step = fields.optionalText("step", kMaxNameLength);
            feedback.kind = fields.oneOf("kind", kFeedbackKinds);
            feedback.text = fields.optionalText("text", kMaxTextLength).value_or(std::string());
            feedback.suggestion = fields.optionalText("suggestion", kMaxTextLength);
            batch.feedback.push_back(std::move(feedback));
        }
        if (fields.error())
            return std::unexpected(*fields.error());
    }
    return batch;
}

} // namespace souffleur::server
