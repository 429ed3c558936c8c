#include <souffleur/content/guide.h>

#include <openssl/evp.h>

#include <algorithm>
#include <array>

namespace souffleur::content {

const Step* Guide::findStep(std::string_view stepId) const {
    const auto index = stepIndex(stepId);
    return index ? &steps[*index] : nullptr;
}

std::optional<std::size_t> Guide::stepIndex(std::string_view stepId) const {
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].id == stepId)
            return i;
    }
    return std::nullopt;
}

std::string imageHash(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xF];
    }
    return out;
}

bool isImageHash(std::string_view text) {
    constexpr std::string_view prefix = "sha256:";
    return text.size() == prefix.size() + 64 && text.starts_with(prefix) &&
           std::ranges::all_of(text.substr(prefix.size()), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

int Guide::requiredFormat() const {
    const auto citesSource = [](const std::vector<Reference>& cited) {
        return std::ranges::any_of(cited, [](const Reference& r) { return !r.source.empty(); });
    };
    if (reviewMonths > 0 || !nextReview.empty() || citesSource(references) ||
        std::ranges::any_of(steps, [&](const Step& step) { return citesSource(step.references); }))
        return 5;
    const bool blocks =
        isBlock || std::ranges::any_of(steps, [](const Step& step) { return !step.block.empty(); });
    if (blocks)
        return 4;
    const bool notes =
        std::ranges::any_of(steps, [](const Step& step) { return !step.notes.empty(); });
    if (notes)
        return 3;
    const bool citesPerStep =
        std::ranges::any_of(steps, [](const Step& step) { return !step.references.empty(); });
    return citesPerStep ? 2 : 1;
}

bool Alert::appliesTo(std::string_view guideId, std::string_view stepId) const {
    return std::ranges::any_of(attachments, [&](const Attachment& attachment) {
        return attachment.guide == guideId &&
               (attachment.step.empty() || attachment.step == stepId);
    });
}

bool Alert::validOn(std::string_view date) const {
    // ISO dates compare as strings.
    return (validFrom.empty() || validFrom <= date) && (validTo.empty() || date <= validTo);
}

const char* levelName(Alert::Level level) {
    switch (level) {
    case Alert::Level::Info:
        return "info";
    case Alert::Level::Warning:
        return "warning";
    case Alert::Level::Critical:
        return "critical";
    }
    return "warning";
}

} // namespace souffleur::content
