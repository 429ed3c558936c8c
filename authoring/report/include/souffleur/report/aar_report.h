// An After Action Review as one self-contained document (docs/aar.md): the
// AAR's four questions and actions, the open actions it carried over, and
// the evidence of each of its guides as charts (charts.h), the feedback and
// the team's logbook of the period. GUI-free: the studio shows it and saves
// it, `souffleur aar-report` writes it, as HTML (inline SVG, no script, no
// external reference, a strict Content-Security-Policy) or as PDF (pdf.h).
#pragma once

#include <souffleur/protocol/aar.h>
#include <souffleur/report/charts.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace souffleur::report {

struct ReportInput {
    std::optional<protocol::Aar> aar; // none: the evidence alone
    protocol::Evidence evidence;
    std::map<std::string, GuideLabels> labels; // by guide id
    Language language = Language::Dutch;
    std::string generatedAt; // "2026-12-04 09:30", shown in the footer
};

// The document's title: the AAR's, or "Bewijs voor de AAR: TEAM".
std::string reportTitle(const ReportInput& input);
std::string reportHtml(const ReportInput& input);
// The evidence alone, as the studio shows it beside the meeting: every chart
// (question -1), or those that help answer one of the four questions
// (0..3), with the feedback and logbook where they help; `large` for a
// projector.
std::string evidenceHtml(const ReportInput& input, int question = -1, bool large = false);

// Words the studio and the report share.
std::string questionTitle(int index, Language language); // 0..3: the four questions
std::string actionStateName(const protocol::AarAction& action, Language language);
std::string feedbackKindName(const std::string& kind, Language language);

} // namespace souffleur::report
