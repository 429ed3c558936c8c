// One renderer for desk and authoring preview. Every plain piece of guide
// text goes through escapeHtml; rich text (rich_text.h) is markup the
// allowlist sanitizer wrote, the only kind a RichText can hold; all other
// markup is ours. The stylesheet is inline and
// allowed by its SHA-256 hash in the Content-Security-Policy, so the page needs
// no 'unsafe-inline' and loads nothing from anywhere. It runs no script
// unless RenderOptions::scripts names some (the desk's own, by URL): then
// those, and no other.
#include "escape.h"

#include <souffleur/content/render.h>

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <functional>

namespace souffleur::content {
namespace {

// Styling in the spirit of the NL Design System: Rijksoverheid blue, plain
// sans-serif, generous line height; all text colours meet WCAG 2.1 AA on white.
constexpr std::string_view kStyle =
    ":root{--ink:#1a1a1a;--muted:#4b4b4b;--brand:#154273;--line:#b4b4b4;--warn:#8a3b00;"
    "--soft:#eef3f8}"
    "*{box-sizing:border-box}"
    "body{margin:0;padding:12px 14px;font:16px/1.5 system-ui,'Segoe UI',Roboto,sans-serif;"
    "color:var(--ink);background:#fff}"
    "header{border-bottom:3px solid var(--brand);margin-bottom:10px;padding-bottom:6px}"
    ".guide-title{font-size:14px;font-weight:600;color:var(--brand);margin:0}"
    ".progress{font-size:13px;color:var(--muted);margin:2px 0 0}"
    ".illustrative{font-size:12px;color:var(--warn)}"
    ".glance{font-size:20px;line-height:1.3;margin:8px 0 10px}"
    "h2.glance{font-size:18px}.step{border-top:1px solid var(--line);margin-top:14px}"
    "details{margin:8px 0;border-left:3px solid var(--line);padding-left:8px}"
    "summary{cursor:pointer;color:var(--brand);font-weight:600}"
    "ul.checks{list-style:none;padding:0;margin:8px 0}"
    "ul.checks li{padding:4px 0 4px 26px;position:relative}"
    "ul.checks li::before{content:'\\2610';position:absolute;left:2px;color:var(--brand)}"
    "ol.options{padding-left:22px}ol.options li{margin:4px 0;font-weight:600}"
    ".end{background:var(--soft);padding:8px;border-radius:4px}"
    "h2.summary{font-size:16px;margin:14px 0 4px}ol.summary{padding-left:22px}"
    "ol.summary li{margin:2px 0}"
    ".note{margin:8px 0;padding:6px 8px;border-left:4px solid}"
    ".note strong{display:block;font-size:13px;text-transform:uppercase;letter-spacing:.03em}"
    ".warning{border-color:var(--warn);background:#fff4e5}"
    ".alert{border-color:var(--brand);background:var(--soft)}"
    ".alert-warning{border-color:var(--warn);background:#fff4e5}"
    ".alert-critical{border-color:#a4001d;background:#fdecef}"
    ".alert .alert-title{display:block;font-weight:600;margin-bottom:2px}"
    ".tip{border-color:var(--brand);background:var(--soft)}"
    ".internal{border-color:#5b4a8a;background:#f3f0fa;border-left-style:dashed}"
    ".image{font-size:13px;color:var(--muted);border:1px dashed var(--line);padding:6px}"
    "figure.picture{margin:8px 0}figure.picture img{display:block;max-width:100%;height:auto;"
    "border:1px solid var(--line)}figure.picture figcaption{font-size:13px;color:var(--muted)}"
    ".changed{border-color:#2b6a3a;background:#edf7ef}"
    ".escalation{border:2px solid var(--warn);border-radius:4px;padding:8px;margin:10px 0}"
    ".escalation h2{font-size:16px;margin:0 0 6px}"
    ".escalation dt{font-weight:600;margin-top:6px}.escalation dd{margin:0}"
    ".rich p{margin:0 0 6px}.rich ul,.rich ol{margin:4px 0 6px;padding-left:22px}"
    ".rich li{margin:2px 0}code{font:14px/1.4 ui-monospace,'DejaVu Sans Mono',monospace;"
    "background:var(--soft);padding:0 3px;border-radius:3px}"
    "a{color:var(--brand);text-decoration:underline}";

std::string base64(const unsigned char* data, std::size_t size) {
    std::string out(4 * ((size + 2) / 3), '\0');
    const int written =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

// The policy: nothing but the stylesheet (by its hash), the given scripts
// (by their URLs) and pictures from `imageBase` (when set).
std::string contentSecurityPolicy(const std::vector<std::string>& scripts,
                                  const std::string& imageBase) {
    static const std::string styleHash = [] {
        std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
        unsigned int length = 0;
        EVP_Digest(kStyle.data(), kStyle.size(), digest.data(), &length, EVP_sha256(), nullptr);
        return base64(digest.data(), length);
    }();
    std::string scriptSources;
    for (const auto& url : scripts)
        scriptSources += (scriptSources.empty() ? "" : " ") + escapeHtml(url);
    const std::string images = imageBase.empty() ? std::string("'none'") : escapeHtml(imageBase);
    return "default-src 'none'; style-src 'sha256-" + styleHash + "'; img-src " + images +
           "; script-src " + (scripts.empty() ? "'none'" : scriptSources) +
           "; base-uri 'none'; form-action 'none'";
}

struct Strings {
    const char* step;
    const char* of;
    const char* details;
    const char* why;
    const char* basis;
    const char* checks;
    const char* warning;
    const char* alert;
    const char* levels[3]; // Alert::Level: info, warning, critical
    const char* tip;
    const char* note;
    const char* image;
    const char* changed;
    const char* tipApplied;
    const char* choose;
    const char* escalate;
    const char* say;
    const char* record;
    const char* outcome;
    const char* prerequisites;
    const char* context;
    const char* ends;
    const char* internalHidden;
    const char* finished;
    const char* finishedHint;
    const char* summary;
};

const char* roleName(std::string_view role, UiLanguage language) {
    const bool nl = language == UiLanguage::Dutch;
    if (role == "id-expert")
        return nl ? "de ID-deskundige" : "the ID expert";
    if (role == "back-office")
        return nl ? "de backoffice" : "the back office";
    if (role == "police")
        return nl ? "de politie" : "the police";
    if (role == "team-lead")
        return nl ? "de teamleider" : "the team lead";
    return nl ? "een collega" : "a colleague";
}

const Strings& strings(UiLanguage language) {
    static const Strings dutch{
        .step = "Stap",
        .of = "van",
        .details = "Meer uitleg",
        .why = "Waarom dit belangrijk is",
        .basis = "Grondslag",
        .checks = "Controleer",
        .warning = "Let op",
        .alert = "Actueel signaal",
        .levels = {"informatie", "waarschuwing", "kritiek"},
        .tip = "Tip",
        .note = "Interne notitie",
        .image = "Afbeelding",
        .changed = "Nieuw in deze versie",
        .tipApplied = "Uw tip is verwerkt",
        .choose = "Kies wat u ziet:",
        .escalate = "Schakel in:",
        .say = "Zeg tegen de burger",
        .record = "Leg vast",
        .outcome = "Daarna",
        .prerequisites = "Vooraf nodig",
        .context = "Achtergrond",
        .ends = "Met deze stap eindigt de taak.",
        .internalHidden = "Interne aanwijzingen zijn verborgen: de burger kijkt mee.",
        .finished = "Taak afgerond",
        .finishedHint = "U kunt het venster sluiten of een nieuwe handleiding kiezen.",
        .summary = "Wat u deed",
    };
    static const Strings english{
        .step = "Step",
        .of = "of",
        .details = "More detail",
        .why = "Why this matters",
        .basis = "Basis",
        .checks = "Check",
        .warning = "Warning",
        .alert = "Current alert",
        .levels = {"information", "warning", "critical"},
        .tip = "Tip",
        .note = "Internal note",
        .image = "Image",
        .changed = "New in this revision",
        .tipApplied = "Your tip was applied",
        .choose = "Choose what you see:",
        .escalate = "Hand over to:",
        .say = "Say to the citizen",
        .record = "Record",
        .outcome = "Then",
        .prerequisites = "Before you start",
        .context = "Background",
        .ends = "The task ends with this step.",
        .internalHidden = "Internal notes are hidden: the citizen can see the screen.",
        .finished = "Task finished",
        .finishedHint = "You can close the panel or choose another guide.",
        .summary = "What you did",
    };
    return language == UiLanguage::English ? english : dutch;
}

std::string pageStart(const Guide& guide, std::string_view progress, const RenderOptions& options) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(guide.language) + "\">\n<head>\n";
    out += "<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
           contentSecurityPolicy(options.scripts, options.imageBase) + "\">\n";
    for (const auto& url : options.scripts)
        out += "<script src=\"" + escapeHtml(url) + "\" defer></script>\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + escapeHtml(guide.title) + "</title>\n";
    out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    out += "<header><p class=\"guide-title\">" + escapeHtml(guide.title) + "</p>";
    if (!progress.empty())
        out += "<p class=\"progress\">" + std::string(progress) + "</p>";
    out += "</header>\n<main>\n";
    return out;
}

// Rich text in a block of its own. Its markup is safe as it is: a RichText
// holds only what the allowlist sanitizer wrote.
std::string rich(const RichText& text, std::string_view className = "rich") {
    return "<div class=\"" + std::string(className) + "\">" + text.markup() + "</div>\n";
}

// The prerequisites and background, before the first step.
void appendIntroduction(std::string& out, const Guide& guide, const Strings& s) {
    if (!guide.prerequisites.empty()) {
        out += "<details open><summary>" + std::string(s.prerequisites) + "</summary>" +
               rich(guide.prerequisites) + "</details>\n";
    }
    if (!guide.context.empty()) {
        out += "<details><summary>" + std::string(s.context) + "</summary>" + rich(guide.context) +
               "</details>\n";
    }
}

// The alerts attached to this step (or its whole guide), most severe first.
void appendAlerts(std::string& out, const Guide& guide, const Step& step,
                  const std::vector<Alert>& alerts, const Strings& s) {
    std::vector<const Alert*> shown;
    for (const Alert& alert : alerts)
        if (alert.appliesTo(guide.id, step.id))
            shown.push_back(&alert);
    std::ranges::stable_sort(shown, std::greater{},
                             [](const Alert* alert) { return static_cast<int>(alert->level); });
    for (const Alert* alert : shown) {
        const auto level = static_cast<std::size_t>(alert->level);
        out += "<div class=\"note alert alert-" + std::string(levelName(alert->level)) +
               "\" role=\"note\" lang=\"" + escapeHtml(alert->language) + "\"><strong>" +
               std::string(s.alert) + " (" + s.levels[level] +
               ")</strong><span class=\"alert-title\">" + escapeHtml(alert->title) + "</span>" +
               alert->body.markup() + "</div>\n";
    }
}

// One step's content: glance, checklist, alerts, notes, escalation, options, details.
void appendStep(std::string& out, const Guide& guide, const Step& step, const Strings& s,
                const RenderOptions& options, int headingLevel) {
    const UiLanguage language = options.language;
    const bool citizenCanSee = options.citizenCanSee;
    const std::string h = "h" + std::to_string(headingLevel);
    out += "<" + h + " class=\"glance\">" + escapeHtml(step.glance) + "</" + h + ">\n";
    if (!step.checks.empty()) {
        out += "<ul class=\"checks\" aria-label=\"" + std::string(s.checks) + "\">\n";
        for (const auto& check : step.checks)
            out += "<li>" + escapeHtml(check) + "</li>\n";
        out += "</ul>\n";
    }
    // The step's own instruction and checks first, so that they are on the
    // first screen of a narrow panel; then what is new about it.
    // What changed in this revision, on its first step, like an alert.
    const bool firstStep = !guide.steps.empty() && guide.steps.front().id == step.id;
    if (!citizenCanSee && firstStep &&
        (!options.changeNote.empty() || !options.changeSummary.empty())) {
        std::string text = options.changeSummary;
        if (!text.empty() && !options.changeNote.empty())
            text += " ";
        text += options.changeNote;
        out += "<div class=\"note changed\" role=\"note\"><strong>" + std::string(s.changed) +
               "</strong>" + escapeHtml(text) + "</div>\n";
    }
    if (!citizenCanSee && firstStep) {
        for (const auto& tip : options.tipsApplied)
            out += "<div class=\"note changed tip-applied\" role=\"note\"><strong>" +
                   std::string(s.tipApplied) + "</strong>" + escapeHtml(tip) + "</div>\n";
    }
    if (!citizenCanSee)
        appendAlerts(out, guide, step, options.alerts, s);
    if (citizenCanSee) {
        // The glance, the checklist and the choices only.
        if (!step.options.empty()) {
            out += "<p>" + std::string(s.choose) + "</p>\n<ol class=\"options\">\n";
            for (const auto& option : step.options)
                out += "<li>" + escapeHtml(option.label) + "</li>\n";
            out += "</ol>\n";
        }
        out += "<p class=\"note\" role=\"note\">" + std::string(s.internalHidden) + "</p>\n";
        return;
    }
    for (const auto& warning : step.warnings) {
        out += "<div class=\"note warning\" role=\"note\"><strong>" + std::string(s.warning) +
               "</strong>" + escapeHtml(warning) + "</div>\n";
    }
    for (const auto& tip : step.tips) {
        out += "<div class=\"note tip\" role=\"note\"><strong>" + std::string(s.tip) + "</strong>" +
               escapeHtml(tip) + "</div>\n";
    }
    // Notes for colleagues: only here, where the citizen cannot see the screen.
    for (const auto& note : step.notes) {
        out += "<div class=\"note internal\" role=\"note\"><strong>" + std::string(s.note) +
               "</strong>" + escapeHtml(note) + "</div>\n";
    }
    // A picture from the page's image base, when it is at hand there (the
    // hash is checked by the parser: 64 hex digits); else its description.
    for (const auto& image : step.images) {
        const bool shown = !options.imageBase.empty() && image.hash.starts_with("sha256:") &&
                           (!options.hasImage || options.hasImage(image.hash));
        if (shown) {
            out += "<figure class=\"picture\"><img src=\"" +
                   escapeHtml(options.imageBase + image.hash.substr(7)) + "\" alt=\"" +
                   escapeHtml(image.alt) + "\"><figcaption aria-hidden=\"true\">" +
                   escapeHtml(image.alt) + "</figcaption></figure>\n";
        } else {
            out += "<p class=\"image\">" + std::string(s.image) + ": " + escapeHtml(image.alt) +
                   "</p>\n";
        }
    }
    if (const auto& escalation = step.escalation) {
        out += "<section class=\"escalation\"><h2>" + std::string(s.escalate) + " " +
               roleName(escalation->role, language) + "</h2><dl>";
        out += "<dt>" + std::string(s.say) + "</dt><dd>" + escapeHtml(escalation->say) + "</dd>";
        if (!escalation->record.empty()) {
            out += "<dt>" + std::string(s.record) + "</dt><dd>" + escapeHtml(escalation->record) +
                   "</dd>";
        }
        if (!escalation->outcome.empty()) {
            out += "<dt>" + std::string(s.outcome) + "</dt><dd>" + escapeHtml(escalation->outcome) +
                   "</dd>";
        }
        out += "</dl></section>\n";
    }
    if (!step.options.empty()) {
        out += "<p>" + std::string(s.choose) + "</p>\n<ol class=\"options\">\n";
        for (const auto& option : step.options)
            out += "<li>" + escapeHtml(option.label) + "</li>\n";
        out += "</ol>\n";
    }
    if (!step.details.empty()) {
        out += "<details><summary>" + std::string(s.details) + "</summary>" + rich(step.details) +
               "</details>\n";
    }
    if (!step.why.empty()) {
        out += "<details><summary>" + std::string(s.why) + "</summary>" + rich(step.why) +
               "</details>\n";
    }
    // The rules the step rests on, as text: a link would leave the desk.
    for (const Reference& reference : step.references) {
        out += "<p class=\"basis\"><strong>" + std::string(s.basis) + "</strong> " +
               escapeHtml(reference.label);
        if (!reference.href.empty())
            out += " (" + escapeHtml(reference.href) + ")";
        out += "</p>\n";
    }
    if (step.ends)
        out += "<p class=\"end\">" + std::string(s.ends) + "</p>\n";
}

} // namespace

std::string escapeHtml(std::string_view text) {
    return detail::escapeMarkup(text, detail::Quotes::All);
}

std::string renderStep(const Guide& guide, const Step& step, const RenderOptions& options) {
    const Strings& s = strings(options.language);
    const auto index = guide.stepIndex(step.id).value_or(0);
    const std::string progress = std::string(s.step) + ' ' + std::to_string(index + 1) + ' ' +
                                 s.of + ' ' + std::to_string(guide.steps.size());
    std::string out = pageStart(guide, progress, options);
    if (index == 0 && !options.citizenCanSee)
        appendIntroduction(out, guide, s);
    appendStep(out, guide, step, s, options, 1);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string renderGuide(const Guide& guide, const RenderOptions& options) {
    const Strings& s = strings(options.language);
    std::string out = pageStart(guide, {}, options);
    if (!guide.summary.empty())
        out += "<p>" + escapeHtml(guide.summary) + "</p>\n";
    appendIntroduction(out, guide, s);
    for (std::size_t i = 0; i < guide.steps.size(); ++i) {
        const Step& step = guide.steps[i];
        out += "<section class=\"step\" id=\"step-" + escapeHtml(step.id) +
               "\"><p class=\"progress\">" + std::string(s.step) + ' ' + std::to_string(i + 1) +
               " (" + escapeHtml(step.id) + ")</p>\n";
        RenderOptions preview = options;
        preview.citizenCanSee = false; // the authors' preview shows everything
        appendStep(out, guide, step, s, preview, 2);
        out += "</section>\n";
    }
    if (!guide.result.empty())
        out += rich(guide.result, "rich end");
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string renderFinished(const Guide& guide, const RenderOptions& options,
                           const std::vector<TakenStep>& taken) {
    const Strings& s = strings(options.language);
    std::string out = pageStart(guide, {}, options);
    out += "<h1 class=\"glance\" id=\"glance\">" + std::string(s.finished) + "</h1>\n";
    if (!guide.result.empty())
        out += rich(guide.result, "rich end");
    if (!taken.empty()) {
        out +=
            "<h2 class=\"summary\">" + std::string(s.summary) + "</h2>\n<ol class=\"summary\">\n";
        for (const TakenStep& step : taken) {
            const Step* found = guide.findStep(step.stepId);
            out += "<li>" + escapeHtml(found ? found->glance : step.stepId);
            if (!step.choice.empty())
                out += ": <strong>" + escapeHtml(step.choice) + "</strong>";
            out += "</li>\n";
        }
        out += "</ol>\n";
    }
    out += "<p>" + std::string(s.finishedHint) + "</p>\n</main>\n</body>\n</html>\n";
    return out;
}

} // namespace souffleur::content
