// Outbox records as JSON (Boost.JSON), matching docs/api.md.
#include <souffleur/client/records.h>
#include <souffleur/sqlite/sqlite.h>

#include <boost/json.hpp>

#include <array>
#include <cstdio>
#include <ctime>
#include <random>

namespace souffleur::client {

std::string newUuid() {
    static thread_local std::random_device device; // the OS's random source
    std::array<unsigned char, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); i += 4) {
        const unsigned int value = device();
        for (std::size_t j = 0; j < 4; ++j)
            bytes[i + j] = static_cast<unsigned char>(value >> (8 * j));
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    std::string out;
    static constexpr char kHex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0f];
    }
    return out;
}

std::string isoTime(std::chrono::system_clock::time_point at) {
    return sqlite::isoTime(at);
}

std::string eventRecord(const SessionInfo& session, const StepEvent& event) {
    boost::json::object record{{"type", "event"},
                               {"id", newUuid()},
                               {"session", session.sessionId},
                               {"guide", session.guideId},
                               {"revision", session.revision},
                               {"event", eventName(event.kind)},
                               {"at", isoTime(event.at)}};
    if (!event.step.empty())
        record["step"] = event.step;
    if (!event.option.empty())
        record["option"] = event.option;
    if (event.durationMs >= 0)
        record["duration_ms"] = event.durationMs;
    return boost::json::serialize(record);
}

const char* feedbackName(FeedbackKind kind) {
    switch (kind) {
    case FeedbackKind::Wrong:
        return "wrong";
    case FeedbackKind::Unclear:
        return "unclear";
    case FeedbackKind::Outdated:
        return "outdated";
    case FeedbackKind::Tip:
        return "tip";
    }
    return "unclear";
}

std::string feedbackRecord(const Feedback& feedback) {
    boost::json::object record{{"type", "feedback"},        {"id", newUuid()},
                               {"guide", feedback.guideId}, {"revision", feedback.revision},
                               {"step", feedback.step},     {"kind", feedbackName(feedback.kind)},
                               {"text", feedback.text}};
    if (!feedback.suggestion.empty())
        record["suggestion"] = feedback.suggestion;
    return boost::json::serialize(record);
}

namespace {

// Sets `key` only when `value` is given: the server reads absent as "not given".
void setIfGiven(boost::json::object& record, const char* key, const std::string& value) {
    if (!value.empty())
        record[key] = value;
}

} // namespace

std::string ackRecord(const AlertAcknowledgement& ack) {
    return boost::json::serialize(boost::json::object{{"type", "ack"},
                                                      {"id", newUuid()},
                                                      {"alert", ack.alertId},
                                                      {"revision", ack.revision},
                                                      {"at", isoTime(ack.at)}});
}

std::string logbookRecord(const LogbookEntry& entry) {
    boost::json::object record{
        {"type", "logbook"}, {"id", newUuid()}, {"at", isoTime(entry.at)}, {"text", entry.text}};
    setIfGiven(record, "guide", entry.guideId);
    setIfGiven(record, "step", entry.step);
    return boost::json::serialize(record);
}

std::string aarRecord(const AfterActionReview& review) {
    boost::json::object record{{"type", "aar"},
                               {"id", newUuid()},
                               {"at", isoTime(review.at)},
                               {"expected", review.expected},
                               {"happened", review.happened},
                               {"why", review.why},
                               {"improve", review.improve}};
    setIfGiven(record, "guide", review.guideId);
    setIfGiven(record, "from", review.from);
    setIfGiven(record, "to", review.to);
    boost::json::array actions;
    for (const auto& action : review.actions) {
        boost::json::object item{{"text", action.text}};
        setIfGiven(item, "guide", action.guideId);
        setIfGiven(item, "step", action.step);
        actions.push_back(std::move(item));
    }
    if (!actions.empty())
        record["actions"] = std::move(actions);
    return boost::json::serialize(record);
}

std::string updateNeededRecord(const UpdateNeeded& report) {
    boost::json::object record{{"type", "update_needed"},  {"id", newUuid()},
                               {"at", isoTime(report.at)}, {"kind", report.kind},
                               {"item", report.item},      {"revision", report.revision},
                               {"format", report.format},  {"reads", report.reads}};
    setIfGiven(record, "desk", report.deskVersion);
    return boost::json::serialize(record);
}

} // namespace souffleur::client
