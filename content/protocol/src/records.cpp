// The record table and its one validator (see records.h). A Checker walks one
// JSON object along a list of FieldSpecs and keeps the first problem, with
// where it was, so every record type is checked by the same code.
#include <souffleur/protocol/records.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <limits>

namespace souffleur::protocol {
namespace {

namespace json = boost::json;

constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();
constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();

// --- The table ------------------------------------------------------------------

constexpr FieldSpec id(std::string_view name = "id") {
    return {.name = name, .kind = FieldKind::Id, .required = true};
}
constexpr FieldSpec name(std::string_view name, bool required = false) {
    return {.name = name, .kind = FieldKind::Name, .required = required};
}
constexpr FieldSpec text(std::string_view name, std::size_t maxLength, bool required) {
    return {.name = name, .kind = FieldKind::Text, .required = required, .maxLength = maxLength};
}
constexpr FieldSpec integer(std::string_view name, std::int64_t min, std::int64_t max,
                            bool required) {
    return {.name = name, .kind = FieldKind::Integer, .required = required, .min = min, .max = max};
}
constexpr FieldSpec revision() {
    return integer("revision", 1, kMaxInt, true);
}
constexpr FieldSpec timestamp(std::string_view name) {
    return {.name = name, .kind = FieldKind::Timestamp, .required = true};
}
constexpr FieldSpec date(std::string_view name) {
    return {.name = name, .kind = FieldKind::Date};
}
constexpr FieldSpec oneOf(std::string_view name, std::span<const std::string_view> values) {
    return {.name = name, .kind = FieldKind::OneOf, .required = true, .values = values};
}
constexpr FieldSpec objects(std::string_view name, std::size_t maxItems,
                            std::span<const FieldSpec> fields) {
    return {.name = name, .kind = FieldKind::Objects, .maxLength = maxItems, .fields = fields};
}

// How long what people type may be: a remark at the counter is short; the
// team's notes and reviews may be longer.
constexpr std::size_t kFeedbackLength = 1000;
constexpr std::size_t kTeamTextLength = 4000;
constexpr std::size_t kMaxAarActions = 20;

constexpr std::array<std::string_view, 9> kEvents = {"started",   "step_shown", "step_done",
                                                     "decision",  "back",       "skipped",
                                                     "escalated", "finished",   "abandoned"};
constexpr std::array<std::string_view, 4> kFeedbackKinds = {"wrong", "unclear", "outdated", "tip"};

constexpr std::array kEventFields = {
    id(),           id("session"),           name("guide", true),
    revision(),     oneOf("event", kEvents), name("step"),
    name("option"), timestamp("at"),         integer("duration_ms", 0, kMaxInt64, false)};

constexpr std::array kFeedbackFields = {id(),
                                        name("guide", true),
                                        revision(),
                                        name("step"),
                                        oneOf("kind", kFeedbackKinds),
                                        text("text", kFeedbackLength, false),
                                        text("suggestion", kFeedbackLength, false)};

constexpr std::array kAckFields = {id(), name("alert", true), revision(), timestamp("at")};

constexpr std::array kLogbookFields = {id(), timestamp("at"), text("text", kTeamTextLength, true),
                                       name("guide"), name("step")};

constexpr std::array kActionFields = {text("text", kTeamTextLength, true), name("guide"),
                                      name("step")};

constexpr std::array kAarFields = {id(),
                                   timestamp("at"),
                                   name("guide"),
                                   date("from"),
                                   date("to"),
                                   text("expected", kTeamTextLength, true),
                                   text("happened", kTeamTextLength, true),
                                   text("why", kTeamTextLength, true),
                                   text("improve", kTeamTextLength, true),
                                   objects("actions", kMaxAarActions, kActionFields)};

constexpr std::array<std::string_view, 2> kContentKinds = {"guide", "alert"};

constexpr std::array kUpdateNeededFields = {id(),
                                            timestamp("at"),
                                            oneOf("kind", kContentKinds),
                                            name("item", true),
                                            revision(),
                                            integer("format", 2, kMaxInt, true),
                                            integer("reads", 1, kMaxInt, true),
                                            name("desk")};

std::optional<std::string> periodInOrder(const json::object& fields) {
    const auto from = optionalText(fields, "from");
    const auto to = optionalText(fields, "to");
    if (from && to && *to < *from)
        return "\"to\" is before \"from\"";
    return std::nullopt;
}

constexpr std::array<RecordSpec, 6> kRecordTypes = {{
    {"event",
     "what a desk's step engine did: a session started, a step shown or done, a "
     "decision, back, skipped, escalated, finished or abandoned",
     kEventFields},
    {"feedback", "what a desk employee says about a step: wrong, unclear, outdated or a tip",
     kFeedbackFields},
    {"ack", "a desk has read (and, where required, confirmed) an alert revision", kAckFields},
    {"logbook", "a note in the team's logbook", kLogbookFields, true},
    {"aar", "an After Action Review of a team meeting: the four questions and the actions",
     kAarFields, true, periodInOrder},
    {"update_needed",
     "a desk holds a guide or alert of a newer format than it reads: it needs an update",
     kUpdateNeededFields},
}};

// --- Validation -----------------------------------------------------------------

// Characters, not bytes: Boost.JSON has already checked the UTF-8.
std::size_t codePoints(std::string_view text) {
    return static_cast<std::size_t>(std::ranges::count_if(
        text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::string quoted(std::string_view key) {
    return "\"" + std::string(key) + "\"";
}

std::string list(std::span<const std::string_view> values) {
    std::string out;
    for (const auto value : values)
        out += (out.empty() ? "" : ", ") + std::string(value);
    return out;
}

class Checker {
public:
    Checker(std::string where, std::string fieldPrefix, std::chrono::year_month_day today)
        : m_where(std::move(where))
        , m_fieldPrefix(std::move(fieldPrefix))
        , m_today(today) {}

    // Checks the fields of `object` that `fields` lists; the first problem is kept.
    void check(const json::object& object, std::span<const FieldSpec> fields) {
        for (const FieldSpec& field : fields) {
            if (m_problem)
                return;
            const auto* value = object.if_contains(field.name);
            const bool stringKind =
                field.kind != FieldKind::Integer && field.kind != FieldKind::Objects;
            const bool given = value && !value->is_null() &&
                               !(stringKind && value->is_string() && value->as_string().empty());
            if (!given) {
                if (field.required)
                    failAt(field, quoted(field.name) + " is missing");
                continue;
            }
            checkValue(field, *value);
        }
    }

    const std::optional<RecordProblem>& problem() const { return m_problem; }

    void fail(std::string_view field, std::string message,
              std::optional<PersonalData> personal = std::nullopt) {
        if (!m_problem)
            m_problem = RecordProblem{
                m_where + ": " + std::move(message),
                field.empty() ? std::string() : m_fieldPrefix + std::string(field), personal};
    }

private:
    void failAt(const FieldSpec& field, std::string message) {
        fail(field.name, std::move(message));
    }

    void checkValue(const FieldSpec& field, const json::value& value) {
        switch (field.kind) {
        case FieldKind::Integer: {
            const auto* number = value.if_int64();
            if (!number || *number < field.min || *number > field.max)
                failAt(field, quoted(field.name) + " must be an integer from " +
                                  std::to_string(field.min) + " to " + std::to_string(field.max));
            return;
        }
        case FieldKind::Objects:
            return checkObjects(field, value);
        default:
            break;
        }
        const auto* string = value.if_string();
        if (!string) {
            failAt(field, quoted(field.name) + " must be a string");
            return;
        }
        const std::string_view text = string->subview();
        const std::size_t limit = field.kind == FieldKind::Id     ? kMaxIdLength
                                  : field.kind == FieldKind::Text ? field.maxLength
                                                                  : kMaxNameLength;
        if (codePoints(text) > limit) {
            failAt(field,
                   quoted(field.name) + " is longer than " + std::to_string(limit) + " characters");
            return;
        }
        switch (field.kind) {
        case FieldKind::Text:
            if (const auto found = findPersonalData(text, m_today); !found.empty())
                fail(field.name,
                     quoted(field.name) + " holds what looks like a citizen's personal data (" +
                         personalDataName(found.front().kind) +
                         "): remove it; nothing of this record was stored",
                     found.front().kind);
            return;
        case FieldKind::Date:
            if (!isIsoDate(text))
                failAt(field, quoted(field.name) + " must be a date: YYYY-MM-DD");
            return;
        case FieldKind::Timestamp:
            if (!isIsoDate(text.substr(0, 10)))
                failAt(field,
                       quoted(field.name) + " must be an ISO 8601 time beginning YYYY-MM-DD");
            return;
        case FieldKind::OneOf:
            if (std::ranges::find(field.values, text) == field.values.end())
                failAt(field, quoted(field.name) + " must be one of " + list(field.values));
            return;
        default:
            return;
        }
    }

    void checkObjects(const FieldSpec& field, const json::value& value) {
        const auto* array = value.if_array();
        const bool allObjects = array && std::ranges::all_of(*array, [](const json::value& v) {
                                    return v.is_object();
                                });
        if (!array || array->size() > field.maxLength || !allObjects) {
            failAt(field, quoted(field.name) + " must be an array of at most " +
                              std::to_string(field.maxLength) + " objects");
            return;
        }
        for (std::size_t i = 0; i < array->size() && !m_problem; ++i) {
            const std::string item = std::string(field.name) + "[" + std::to_string(i) + "]";
            Checker nested(m_where + "." + item, m_fieldPrefix + item + ".", m_today);
            nested.check((*array)[i].as_object(), field.fields);
            m_problem = std::move(nested.m_problem);
        }
    }

    std::string m_where;
    std::string m_fieldPrefix;
    std::chrono::year_month_day m_today;
    std::optional<RecordProblem> m_problem;
};

std::string typeNames() {
    std::string out;
    for (const auto& spec : kRecordTypes)
        out += (out.empty() ? "" : ", ") + std::string(spec.type);
    return out;
}

} // namespace

std::span<const RecordSpec> recordTypes() {
    return kRecordTypes;
}

const RecordSpec* findRecordType(std::string_view type) {
    const auto found = std::ranges::find(kRecordTypes, type, &RecordSpec::type);
    return found == kRecordTypes.end() ? nullptr : &*found;
}

const FieldSpec* findField(std::string_view type, std::string_view field) {
    const RecordSpec* spec = findRecordType(type);
    if (!spec)
        return nullptr;
    const auto found = std::ranges::find(spec->fields, field, &FieldSpec::name);
    return found == spec->fields.end() ? nullptr : &*found;
}

std::size_t maxTextLength(std::string_view type, std::string_view field) {
    const FieldSpec* spec = findField(type, field);
    return spec && spec->kind == FieldKind::Text ? spec->maxLength : 0;
}

bool isIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    return true;
}

std::span<const std::string_view> eventNames() {
    return kEvents;
}

std::span<const std::string_view> feedbackKinds() {
    return kFeedbackKinds;
}

std::optional<std::string_view> optionalText(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (!value || !value->is_string() || value->as_string().empty())
        return std::nullopt;
    return value->as_string().subview();
}

std::string_view Record::text(std::string_view key) const {
    return optionalText(key).value_or("");
}

std::optional<std::string_view> Record::optionalText(std::string_view key) const {
    return protocol::optionalText(fields, key);
}

std::optional<std::int64_t> Record::optionalInteger(std::string_view key) const {
    const auto* value = fields.if_contains(key);
    if (!value || !value->is_int64())
        return std::nullopt;
    return value->as_int64();
}

std::span<const json::value> Record::items(std::string_view key) const {
    const auto* value = fields.if_contains(key);
    if (!value || !value->is_array())
        return {};
    return {value->as_array().data(), value->as_array().size()};
}

namespace {

std::string idOf(const json::object& object) {
    const auto* id = object.if_contains("id");
    return id && id->is_string() ? std::string(id->as_string().subview().substr(0, kMaxIdLength))
                                 : std::string();
}

} // namespace

std::expected<Record, RecordProblem> validateRecord(json::value&& value, std::string_view where,
                                                    std::chrono::year_month_day today) {
    Checker checker(std::string(where), {}, today);
    auto* object = value.if_object();
    if (!object) {
        checker.fail({}, "a record must be a JSON object");
        return std::unexpected(*checker.problem());
    }
    const auto* type = object->if_contains("type");
    const RecordSpec* spec =
        type && type->is_string() ? findRecordType(type->as_string().subview()) : nullptr;
    if (!spec)
        checker.fail("type", "\"type\" must be one of " + typeNames());
    else
        checker.check(*object, spec->fields);
    if (!checker.problem() && spec->check) {
        if (auto broken = spec->check(*object))
            checker.fail({}, std::move(*broken));
    }
    if (checker.problem()) {
        RecordProblem problem = *checker.problem();
        problem.recordId = idOf(*object);
        return std::unexpected(std::move(problem));
    }
    return Record{spec, std::move(*object)};
}

std::expected<Record, RecordProblem> validateRecord(std::string_view text, std::string_view where,
                                                    std::chrono::year_month_day today) {
    boost::system::error_code error;
    json::value value = json::parse(text, error);
    if (error)
        return std::unexpected(
            RecordProblem{std::string(where) + ": malformed JSON: " + error.message(), {}, {}, {}});
    return validateRecord(std::move(value), where, today);
}

// --- Batches --------------------------------------------------------------------

std::expected<Batch, std::string> parseBatch(std::string_view text) {
    boost::system::error_code error;
    json::value value = json::parse(text, error);
    if (error)
        return std::unexpected("malformed JSON: " + error.message());
    auto* object = value.if_object();
    if (!object)
        return std::unexpected(std::string("the batch must be a JSON object"));
    static constexpr std::array kEnvelope = {id("client"), integer("batch", 1, kMaxInt64, true),
                                             integer("protocol", 1, kMaxInt, false)};
    Checker checker("batch", {}, {});
    checker.check(*object, kEnvelope);
    if (checker.problem())
        return std::unexpected(checker.problem()->message);
    const json::object& envelope = *object;
    auto* records = object->if_contains("records");
    if (!records || !records->is_array())
        return std::unexpected(std::string("batch: \"records\" must be an array"));
    if (records->as_array().size() > kMaxRecordsPerBatch)
        return std::unexpected("batch: more than " + std::to_string(kMaxRecordsPerBatch) +
                               " records");
    Batch batch;
    batch.clientId = std::string(envelope.at("client").as_string());
    batch.number = envelope.at("batch").as_int64();
    if (const auto* protocol = envelope.if_contains("protocol"))
        batch.protocol =
            static_cast<int>(std::min<std::int64_t>(protocol->as_int64(), kBatchProtocol));
    batch.records = std::move(records->as_array());
    return batch;
}

std::vector<std::expected<Record, RecordProblem>>
validateRecords(json::array&& records, std::chrono::year_month_day today) {
    std::vector<std::expected<Record, RecordProblem>> out;
    out.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        out.push_back(
            validateRecord(std::move(records[i]), "records[" + std::to_string(i) + "]", today));
    records.clear();
    return out;
}

std::string batchJson(std::string_view clientId, std::int64_t number,
                      std::span<const std::string> records) {
    std::string body = "{\"client\":" + json::serialize(json::string(clientId)) +
                       ",\"batch\":" + std::to_string(number) +
                       ",\"protocol\":" + std::to_string(kBatchProtocol) + ",\"records\":[";
    bool first = true;
    for (const std::string& record : records) {
        if (!first)
            body += ',';
        first = false;
        body += record; // each record is a JSON object already
    }
    return body + "]}";
}

json::object answerJson(const BatchAnswer& answer) {
    json::array refused;
    for (const auto& item : answer.refused)
        refused.push_back(
            json::object{{"index", item.index}, {"id", item.id}, {"error", item.error}});
    return {{"acked", answer.acked}, {"refused", std::move(refused)}};
}

std::expected<BatchAnswer, std::string> parseAnswer(std::string_view text) {
    boost::system::error_code error;
    const json::value value = json::parse(text, error);
    const auto* object = error ? nullptr : value.if_object();
    const auto* acked = object ? object->if_contains("acked") : nullptr;
    if (!acked || !acked->is_int64())
        return std::unexpected(std::string("the answer has no \"acked\" batch number"));
    BatchAnswer answer{acked->as_int64(), {}};
    const auto* refused = object->if_contains("refused");
    if (!refused || refused->is_null())
        return answer; // a server of protocol 1: everything was stored
    if (!refused->is_array())
        return std::unexpected(std::string("\"refused\" must be an array"));
    for (const auto& item : refused->as_array()) {
        const auto* entry = item.if_object();
        const auto* index = entry ? entry->if_contains("index") : nullptr;
        if (!index || !index->is_int64() || index->as_int64() < 0)
            return std::unexpected(std::string("a refused record has no index"));
        answer.refused.push_back({static_cast<std::size_t>(index->as_int64()),
                                  std::string(optionalText(*entry, "id").value_or("")),
                                  std::string(optionalText(*entry, "error").value_or(""))});
    }
    return answer;
}

} // namespace souffleur::protocol
