// The guide model: what an expert knows about one critical task, as plain data.
// The XML vocabulary (docs/guide-format.md) maps one to one onto these structs;
// parser.h reads it, writer.h writes it, render.h turns it into HTML.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace souffleur::content {

// The namespace of guide format v1.
inline constexpr std::string_view kGuideNamespace = "urn:x-souffleur:guide:1";

// One option of a decision: a label the desk employee picks and the step it leads to.
struct Option {
    std::string label;
    std::string target; // id of a step in the same guide

    bool operator==(const Option&) const = default;
};

struct Step {
    std::string id;
    std::string glance;              // the short instruction, read at a glance
    std::string details;             // optional, shown on request
    std::string why;                 // optional: why this step matters
    std::vector<std::string> checks; // a checklist within the step
    std::vector<Option> options;     // a decision; empty for a plain step
    bool ends = false;               // the task ends after this step

    bool operator==(const Step&) const = default;
};

struct Guide {
    std::string id;   // stable id, e.g. nl.burgerzaken.identiteit-vaststellen
    int revision = 1; // increases with every published change
    std::string language = "nl";
    std::string title;
    std::string summary;
    std::vector<Step> steps;

    // The step with this id, or nullptr.
    const Step* findStep(std::string_view stepId) const;
    // Index of the step with this id in document order.
    std::optional<std::size_t> stepIndex(std::string_view stepId) const;

    bool operator==(const Guide&) const = default;
};

} // namespace souffleur::content
