// One guide open in the studio (guide_session.h).
#include <souffleur/content/parser.h>
#include <souffleur/studio/guide_session.h>

#include <algorithm>

namespace souffleur::studio {

GuideSession::GuideSession(EditModel model, std::string key, int baseRevision, std::string baseXml,
                           Journal* journal)
    : m_model(std::move(model))
    , m_key(std::move(key))
    , m_baseRevision(baseRevision)
    , m_baseXml(std::move(baseXml))
    , m_journal(journal) {}

std::expected<GuideSession, content::Diagnostics>
GuideSession::recover(const JournalEntry& entry, Journal* journal, EditModelOptions options) {
    auto model = EditModel::fromXml(entry.xml, std::move(options));
    if (!model)
        return std::unexpected(std::move(model.error()));
    GuideSession session(std::move(*model), entry.key, entry.baseRevision, entry.baseXml, journal);
    // What was recovered differs from what the server has: it is not saved.
    if (session.m_model.xml() != entry.baseXml)
        session.m_model.markUnsaved();
    return session;
}

void GuideSession::record() {
    if (!m_journal)
        return;
    auto written = m_journal->record(
        {m_key, m_model.guide().id, m_baseRevision, m_baseXml, m_model.xml(), {}});
    m_journalError = written ? std::string() : written.error();
}

std::expected<void, EditError> GuideSession::apply(Edit edit, std::string label, bool typing) {
    auto applied = m_model.apply(std::move(edit), std::move(label), typing);
    if (applied)
        record();
    return applied;
}

std::expected<void, EditError> GuideSession::apply(std::vector<Edit> edits, std::string label) {
    auto applied = m_model.apply(std::move(edits), std::move(label));
    if (applied)
        record();
    return applied;
}

bool GuideSession::undo() {
    if (!m_model.undo())
        return false;
    record();
    return true;
}

bool GuideSession::redo() {
    if (!m_model.redo())
        return false;
    record();
    return true;
}

void GuideSession::saved(int revision, std::string storedXml, const std::string& sentXml) {
    const bool editedSince = m_model.xml() != sentXml;
    m_baseRevision = revision;
    m_baseXml = std::move(storedXml);
    m_model.setRevision(revision);
    if (editedSince) {
        m_model.markUnsaved();
        record();
        return;
    }
    m_model.markSaved();
    if (m_journal) {
        auto forgotten = m_journal->forget(m_key);
        m_journalError = forgotten ? std::string() : forgotten.error();
    }
}

std::expected<Merge, content::Diagnostics> GuideSession::merge(const std::string& theirXml) const {
    auto theirs = content::parseGuide(theirXml, "server");
    if (!theirs)
        return std::unexpected(std::move(theirs.error()));
    // A guide the server had not seen (base 0) merges against an empty base:
    // everything on both sides is new, and where both wrote, it is a conflict.
    content::Guide base;
    if (!m_baseXml.empty()) {
        auto parsed = content::parseGuide(m_baseXml, "base");
        if (!parsed)
            return std::unexpected(std::move(parsed.error()));
        base = std::move(*parsed);
    } else {
        base.id = theirs->id;
    }
    return Merge::threeWay(base, m_model.guide(), *theirs);
}

std::expected<void, EditError> GuideSession::merged(const Merge& merge, int theirRevision,
                                                    std::string theirXml, std::string label) {
    content::Guide result = merge.result();
    result.revision = m_model.guide().revision;
    auto applied = m_model.apply(ReplaceGuide{std::move(result)}, std::move(label));
    if (!applied)
        return applied;
    m_baseRevision = theirRevision;
    m_baseXml = std::move(theirXml);
    m_model.markUnsaved();
    record();
    return {};
}

void GuideSession::markNew() {
    m_model.markUnsaved();
    record();
}

void GuideSession::discard() {
    if (m_journal)
        (void)m_journal->forget(m_key);
}

std::expected<void, EditError> GuideSession::applySuggestion(const protocol::Feedback& feedback,
                                                             SuggestionTarget target) {
    const std::string stepId = feedback.step.value_or("");
    const content::Step* step = guide().findStep(stepId);
    if (!step)
        return std::unexpected(EditError{EditError::Code::UnknownStep, stepId});
    const std::string text = cleanText(feedback.suggestion.value_or(feedback.text));
    const std::string from = feedback.team.empty() ? std::string("de balie") : feedback.team;
    std::expected<void, EditError> applied;
    const auto addTo = [&](StepField field, std::vector<std::string> list) {
        if (std::ranges::find(list, text) == list.end())
            list.push_back(text);
        return apply(SetStepField{stepId, field, std::move(list)},
                     "Suggestie van " + from + " toegepast");
    };
    switch (target) {
    case SuggestionTarget::Glance:
        applied = apply(SetStepField{stepId, StepField::Glance, text},
                        "Suggestie van " + from + " toegepast");
        break;
    case SuggestionTarget::Check:
        applied = addTo(StepField::Checks, step->checks);
        break;
    case SuggestionTarget::Tip:
        applied = addTo(StepField::Tips, step->tips);
        break;
    case SuggestionTarget::Warning:
        applied = addTo(StepField::Warnings, step->warnings);
        break;
    }
    if (!applied)
        return applied;
    std::erase_if(m_suggestions, [&](const auto& s) { return s.feedbackId == feedback.id; });
    m_suggestions.push_back({feedback.id, stepId, target, text});
    return {};
}

std::vector<std::string> GuideSession::appliedFeedback() const {
    std::vector<std::string> out;
    for (const auto& suggestion : m_suggestions) {
        const content::Step* step = guide().findStep(suggestion.step);
        if (!step)
            continue;
        const auto holds = [&](const std::vector<std::string>& list) {
            return std::ranges::find(list, suggestion.text) != list.end();
        };
        bool present = false;
        switch (suggestion.target) {
        case SuggestionTarget::Glance:
            present = step->glance == suggestion.text;
            break;
        case SuggestionTarget::Check:
            present = holds(step->checks);
            break;
        case SuggestionTarget::Tip:
            present = holds(step->tips);
            break;
        case SuggestionTarget::Warning:
            present = holds(step->warnings);
            break;
        }
        if (present)
            out.push_back(suggestion.feedbackId);
    }
    return out;
}

} // namespace souffleur::studio
