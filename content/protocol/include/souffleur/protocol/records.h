// The wire records, defined once: what a desk (or any other client) sends in
// `POST /api/v1/records` (docs/api.md, "Records"), their names, fields, limits
// and validation. The desk's outbox validates every record here before it
// stores it, and the server validates every record here when it arrives, so
// the two can never disagree. GUI-free and network-free: Boost.JSON only.
//
// A record is a JSON object with a "type" and that type's fields. The types
// are rows of one table (records.cpp, kRecordTypes), each a list of fields:
//
//   kind        what the value must be
//   Id          a non-empty string of at most kMaxIdLength characters
//   Name        a guide, step, alert or option id, a team-chosen label: at
//               most kMaxNameLength characters
//   Text        free text a person typed: at most the field's maxLength
//               characters, and refused when the privacy guard (privacy.h)
//               finds a citizen's personal data in it
//   Integer     a whole number from min to max
//   Date        "YYYY-MM-DD"
//   Timestamp   an ISO 8601 time beginning "YYYY-MM-DD"
//   OneOf       one of the field's values
//   Objects     an array of at most maxLength objects, each of `fields`
//
// Absent, null and "" are all "not given"; a required field must be given.
// Fields a type does not list are ignored and never stored (so a newer
// client's extra field cannot smuggle text past the guard). A type may add
// one rule across its fields (`check`). Adding a record type: a row here, a
// store function on the server (server/src/record_store.cpp) and the table it
// writes to (server/src/schema.cpp), a builder for the clients if they need
// one (overlay/core/src/records.cpp), and its section in docs/api.md.
#pragma once

#include <souffleur/protocol/privacy.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::protocol {

inline constexpr std::size_t kMaxRecordsPerBatch = 1000;
inline constexpr std::size_t kMaxIdLength = 128;   // ids, session ids, client ids
inline constexpr std::size_t kMaxNameLength = 256; // guide and step ids, timestamps
// How far a client's batch number may run ahead of its last stored batch.
inline constexpr std::int64_t kMaxBatchStep = 1'000'000;

enum class FieldKind { Id, Name, Text, Integer, Date, Timestamp, OneOf, Objects };

struct FieldSpec {
    std::string_view name;
    FieldKind kind = FieldKind::Name;
    bool required = false;
    std::size_t maxLength = 0; // Text: characters; Objects: items
    std::int64_t min = 0;      // Integer
    std::int64_t max = 0;
    std::span<const std::string_view> values; // OneOf
    std::span<const FieldSpec> fields;        // Objects: the fields of each item
};

struct RecordSpec {
    std::string_view type;
    std::string_view about; // one line: what the record says
    std::span<const FieldSpec> fields;
    // Belongs to the sender's team (a logbook entry, an AAR): refused from an
    // account without one.
    bool teamRecord = false;
    // A rule across fields: what is wrong, or nullopt.
    std::optional<std::string> (*check)(const boost::json::object& fields) = nullptr;
};

// Every record type, in the order of docs/api.md.
std::span<const RecordSpec> recordTypes();
const RecordSpec* findRecordType(std::string_view type);
// A field of a type (a top-level field), or nullptr.
const FieldSpec* findField(std::string_view type, std::string_view field);
// The most characters a Text field of a type takes (for a form's input
// limit); 0 when there is no such field.
std::size_t maxTextLength(std::string_view type, std::string_view field);

// Whether `text` is a date as "YYYY-MM-DD" (digits and dashes; the calendar is not checked).
bool isIsoDate(std::string_view text);

// The values of event records' "event" and feedback records' "kind".
std::span<const std::string_view> eventNames();
std::span<const std::string_view> feedbackKinds();

// A record that passed validation: its type and its JSON object, as sent.
// The getters read it as the table says: absent, null and "" are "not
// given", and fields the type does not list are never read (so never stored).
// Views point into `fields`: they live as long as the record.
struct Record {
    const RecordSpec* spec = nullptr;
    boost::json::object fields;

    std::string_view type() const { return spec->type; }
    // A string field; "" when not given.
    std::string_view text(std::string_view key) const;
    std::optional<std::string_view> optionalText(std::string_view key) const;
    std::optional<std::int64_t> optionalInteger(std::string_view key) const;
    std::int64_t integer(std::string_view key) const { return optionalInteger(key).value_or(0); }
    // The items of an Objects field (none when not given).
    std::span<const boost::json::value> items(std::string_view key) const;
};

// The same getter for an item of an Objects field.
std::optional<std::string_view> optionalText(const boost::json::object& object,
                                             std::string_view key);

// Why a record was refused.
struct RecordProblem {
    std::string message; // "records[3]: \"why\" is missing", located by `where`
    std::string field;   // "why", "actions[2].text"; empty for the record as a whole
    // Set when the privacy guard refused a Text field.
    std::optional<PersonalData> personalData;
    std::string recordId; // the record's "id", when it had a string one
};

// Validates one record, taking it over when it passes. `where` names it in
// messages ("records[3]", "record"); `today` decides which dates are birth
// dates (privacy.h).
std::expected<Record, RecordProblem>
validateRecord(boost::json::value&& record, std::string_view where,
               std::chrono::year_month_day today =
                   std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
// The same for a record in JSON text.
std::expected<Record, RecordProblem>
validateRecord(std::string_view json, std::string_view where,
               std::chrono::year_month_day today =
                   std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));

// --- Batches --------------------------------------------------------------
// {"client": ID, "batch": N, "protocol": 2, "records": [RECORD, ...]}
//
// Protocol 2 (this one): the server stores every valid record and names each
// one it refuses, answering {"acked": N, "refused": [{"index", "id", "error"}]};
// the client keeps only the refused ones aside. Protocol 1 (desks before it,
// which send no "protocol"): any bad record refuses the whole batch with 400.
// Either way a batch at or below the client's last is a no-op answered as
// before, so a retry is harmless (idempotent).
inline constexpr int kBatchProtocol = 2;

struct Batch {
    std::string clientId;
    std::int64_t number = 0;
    int protocol = 1;
    boost::json::array records; // as sent: validate each with validateRecord()
};

// The batch's envelope (client, number, protocol, an array of at most
// kMaxRecordsPerBatch records), or why it is malformed as a whole.
std::expected<Batch, std::string> parseBatch(std::string_view json);

// Every record of a batch validated, each named "records[I]"; the records
// are taken over (the array is left empty).
std::vector<std::expected<Record, RecordProblem>>
validateRecords(boost::json::array&& records,
                std::chrono::year_month_day today =
                    std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));

// A batch body for protocol 2, from records that are JSON objects already.
std::string batchJson(std::string_view clientId, std::int64_t number,
                      std::span<const std::string> records);

struct RefusedRecord {
    std::size_t index = 0; // in the batch's records
    std::string id;        // the record's "id", if it had a string one
    std::string error;
};

struct BatchAnswer {
    std::int64_t acked = 0;
    std::vector<RefusedRecord> refused;
};

boost::json::object answerJson(const BatchAnswer& answer);
std::expected<BatchAnswer, std::string> parseAnswer(std::string_view json);

} // namespace souffleur::protocol
