// The team's logbook at the desk; see logbook.h.
#include <souffleur/client/logbook.h>
#include <souffleur/content/parser.h>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace souffleur::client {
namespace {

// A guide's title and its steps' places and instructions, for the lines
// that name it; read once per guide.
struct GuideSteps {
    std::string title;
    std::map<std::string, std::pair<int, std::string>, std::less<>> steps; // id -> number, glance
};

sqlite::Result<GuideSteps> guideSteps(Replica& replica, const std::string& guideId) {
    GuideSteps out;
    auto xml = replica.guideXml(guideId);
    if (!xml)
        return std::unexpected(xml.error());
    if (!xml->has_value())
        return out; // not on this desk (retired, or never here)
    auto guide = content::parseGuide(**xml, guideId);
    if (!guide)
        return out;
    auto shown = replica.withBlocks(*guide);
    if (!shown)
        return std::unexpected(shown.error());
    out.title = shown->title;
    for (std::size_t i = 0; i < shown->steps.size(); ++i)
        out.steps.emplace(shown->steps[i].id,
                          std::pair{static_cast<int>(i) + 1, shown->steps[i].glance});
    return out;
}

} // namespace

sqlite::Result<std::vector<LogbookLine>> deskLogbook(Replica& replica, Outbox& outbox,
                                                     std::size_t limit) {
    auto kept = replica.logbook(limit);
    if (!kept)
        return std::unexpected(kept.error());
    auto waiting = outbox.waiting("logbook");
    if (!waiting)
        return std::unexpected(waiting.error());

    std::vector<LogbookLine> lines;
    std::set<std::string, std::less<>> sentIds;
    for (protocol::LogbookItem& entry : *kept) {
        sentIds.insert(entry.id);
        lines.push_back({std::move(entry), true, {}, 0, {}});
    }
    for (const std::string& record : *waiting) {
        boost::system::error_code error;
        const auto value = boost::json::parse(record, error);
        if (error)
            continue;
        auto entry = protocol::logbookItemFrom(value);
        if (!entry || sentIds.contains(entry->id))
            continue;
        lines.push_back({std::move(*entry), false, {}, 0, {}});
    }
    std::ranges::stable_sort(
        lines, [](const LogbookLine& a, const LogbookLine& b) { return a.entry.at > b.entry.at; });
    if (lines.size() > limit)
        lines.resize(limit);

    std::map<std::string, GuideSteps, std::less<>> guides;
    for (LogbookLine& line : lines) {
        if (!line.entry.guide || line.entry.guide->empty())
            continue;
        auto found = guides.find(*line.entry.guide);
        if (found == guides.end()) {
            auto read = guideSteps(replica, *line.entry.guide);
            if (!read)
                return std::unexpected(read.error());
            found = guides.emplace(*line.entry.guide, std::move(*read)).first;
        }
        line.guideTitle = found->second.title;
        if (line.entry.step) {
            if (const auto step = found->second.steps.find(*line.entry.step);
                step != found->second.steps.end()) {
                line.stepNumber = step->second.first;
                line.stepGlance = step->second.second;
            }
        }
    }
    return lines;
}

} // namespace souffleur::client
