// The semantic diff (diff.h): steps matched by id, their order compared
// through the longest increasing subsequence of their new places, fields
// compared one by one, texts word by word with a longest common subsequence
// over the part between the common beginning and end.
#include <souffleur/content/diff.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <span>
#include <tuple>
#include <utility>

namespace souffleur::content {
namespace {

// --- Words -------------------------------------------------------------------

struct Token {
    std::string_view word; // compared
    std::string_view text; // the word and the white space after it, shown
};

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

// Words with their following spaces; a line break is a token of its own,
// and spaces before the first word go with an empty first token.
std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    std::size_t i = 0;
    if (i < text.size() && isSpace(text[i])) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        out.push_back({{}, text.substr(0, i)});
    }
    while (i < text.size()) {
        const std::size_t start = i;
        if (text[i] == '\n') {
            ++i;
        } else {
            while (i < text.size() && text[i] != '\n' && !isSpace(text[i]))
                ++i;
        }
        const std::size_t wordEnd = i;
        while (i < text.size() && isSpace(text[i]))
            ++i;
        out.push_back({text.substr(start, wordEnd - start), text.substr(start, i - start)});
    }
    return out;
}

void append(std::vector<WordRun>& runs, WordRun::Kind kind, std::string_view text) {
    if (text.empty())
        return;
    if (!runs.empty() && runs.back().kind == kind)
        runs.back().text += text;
    else
        runs.push_back({kind, std::string(text)});
}

// The diff of the middle parts a and b (no common beginning or end).
void diffMiddle(std::span<const Token> a, std::span<const Token> b, std::vector<WordRun>& runs) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if (n == 0 || m == 0 || n * m > kMaxWordCells) {
        for (const Token& t : a)
            append(runs, WordRun::Kind::Removed, t.text);
        for (const Token& t : b)
            append(runs, WordRun::Kind::Added, t.text);
        return;
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [m](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            lcs[at(i, j)] = a[i].word == b[j].word ? lcs[at(i + 1, j + 1)] + 1
                                                   : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n && j < m) {
        if (a[i].word == b[j].word) {
            append(runs, WordRun::Kind::Same, b[j].text);
            ++i;
            ++j;
        } else if (lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
            append(runs, WordRun::Kind::Removed, a[i++].text);
        } else {
            append(runs, WordRun::Kind::Added, b[j++].text);
        }
    }
    for (; i < n; ++i)
        append(runs, WordRun::Kind::Removed, a[i].text);
    for (; j < m; ++j)
        append(runs, WordRun::Kind::Added, b[j].text);
}

// --- Fields ------------------------------------------------------------------

std::string lines(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += '\n';
        out += item;
    }
    return out;
}

std::string referenceLines(const std::vector<Reference>& references) {
    std::vector<std::string> items;
    for (const auto& reference : references) {
        std::string item = reference.href.empty() ? reference.label
                                                  : reference.label + " (" + reference.href + ")";
        if (!reference.source.empty())
            item += " [" + reference.source + "]";
        items.push_back(std::move(item));
    }
    return lines(items);
}

std::string imageLines(const std::vector<Image>& images) {
    std::vector<std::string> items;
    for (const auto& image : images)
        items.push_back(image.alt + " [" + image.hash.substr(0, 15) + "]");
    return lines(items);
}

std::string escalationText(const std::optional<Escalation>& escalation) {
    if (!escalation)
        return {};
    std::string out = escalation->role;
    for (const auto* part : {&escalation->say, &escalation->record, &escalation->outcome}) {
        if (!part->empty())
            out += "\n" + *part;
    }
    return out;
}

std::string triggerLines(const std::vector<Trigger>& triggers) {
    std::vector<std::string> items;
    for (const auto& trigger : triggers)
        items.push_back(trigger.link.empty() ? trigger.application + " | " + trigger.title
                                             : "link " + trigger.link);
    return lines(items);
}

// Collects the fields that differ, in the order they are compared.
class Fields {
public:
    explicit Fields(std::vector<FieldChange>& out)
        : m_out(out) {}

    void text(std::string_view field, const std::string& before, const std::string& after) {
        if (before != after)
            m_out.push_back({std::string(field), before, after, diffWords(before, after), false});
    }
    void rich(std::string_view field, const RichText& before, const RichText& after) {
        if (before == after)
            return;
        auto oldText = before.plainText();
        auto newText = after.plainText();
        const bool markupOnly = oldText == newText;
        auto words = diffWords(oldText, newText);
        m_out.push_back({std::string(field), std::move(oldText), std::move(newText),
                         std::move(words), markupOnly});
    }
    void list(std::string_view field, const std::vector<std::string>& before,
              const std::vector<std::string>& after) {
        if (before != after)
            text(field, lines(before), lines(after));
    }

private:
    std::vector<FieldChange>& m_out;
};

void compareSteps(const Step& before, const Step& after, StepChange& change) {
    Fields fields(change.fields);
    fields.text("block", before.block, after.block);
    fields.text("glance", before.glance, after.glance);
    fields.rich("details", before.details, after.details);
    fields.rich("why", before.why, after.why);
    if (before.references != after.references)
        fields.text("basis", referenceLines(before.references), referenceLines(after.references));
    fields.list("checks", before.checks, after.checks);
    fields.list("warnings", before.warnings, after.warnings);
    fields.list("tips", before.tips, after.tips);
    fields.list("notes", before.notes, after.notes);
    if (before.images != after.images)
        fields.text("images", imageLines(before.images), imageLines(after.images));
    if (before.escalation != after.escalation)
        fields.text("escalation", escalationText(before.escalation),
                    escalationText(after.escalation));
    fields.text("ends", before.ends ? "yes" : "", after.ends ? "yes" : "");

    // The decision: options matched by label, the rest by place.
    std::vector<bool> oldMatched(before.options.size(), false);
    std::vector<const Option*> unmatchedNew;
    std::vector<std::size_t> unmatchedNewPlace;
    for (std::size_t j = 0; j < after.options.size(); ++j) {
        const Option& option = after.options[j];
        bool found = false;
        for (std::size_t i = 0; i < before.options.size(); ++i) {
            if (!oldMatched[i] && before.options[i].label == option.label) {
                oldMatched[i] = true;
                found = true;
                if (before.options[i].target != option.target)
                    change.options.push_back({OptionChange::Kind::Retargeted,
                                              option.label,
                                              {},
                                              option.target,
                                              before.options[i].target});
                break;
            }
        }
        if (!found) {
            unmatchedNew.push_back(&option);
            unmatchedNewPlace.push_back(j);
        }
    }
    for (std::size_t k = 0; k < unmatchedNew.size(); ++k) {
        const Option& option = *unmatchedNew[k];
        const std::size_t place = unmatchedNewPlace[k];
        if (place < before.options.size() && !oldMatched[place]) {
            oldMatched[place] = true;
            const Option& old = before.options[place];
            change.options.push_back({OptionChange::Kind::Relabelled, option.label, old.label,
                                      option.target,
                                      old.target != option.target ? old.target : std::string()});
        } else {
            change.options.push_back(
                {OptionChange::Kind::Added, option.label, {}, option.target, {}});
        }
    }
    for (std::size_t i = 0; i < before.options.size(); ++i) {
        if (!oldMatched[i])
            change.options.push_back({OptionChange::Kind::Removed,
                                      before.options[i].label,
                                      {},
                                      before.options[i].target,
                                      {}});
    }
}

// A step's content without its id, to recognise a renamed step.
bool sameContent(const Step& a, const Step& b) {
    Step x = a;
    x.id = b.id;
    return x == b;
}

// The places (in `order`) of the elements of the longest increasing
// subsequence of `order`: the common steps that kept their relative order.
std::vector<bool> longestIncreasing(const std::vector<std::size_t>& order) {
    std::vector<std::size_t> tails; // index into order of the smallest tail of each length
    std::vector<std::size_t> parent(order.size(), SIZE_MAX);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto it = std::ranges::lower_bound(tails, order[i], std::less<>{},
                                                 [&](std::size_t k) { return order[k]; });
        if (it != tails.begin())
            parent[i] = *(it - 1);
        if (it == tails.end())
            tails.push_back(i);
        else
            *it = i;
    }
    std::vector<bool> kept(order.size(), false);
    for (std::size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = parent[k])
        kept[k] = true;
    return kept;
}

bool isDutch(std::string_view language) {
    return language != "en";
}

void appendRuns(std::string& out, const std::vector<WordRun>& runs) {
    for (const auto& run : runs) {
        switch (run.kind) {
        case WordRun::Kind::Same:
            out += run.text;
            break;
        case WordRun::Kind::Removed:
            out += "[-" + run.text + "-]";
            break;
        case WordRun::Kind::Added:
            out += "{+" + run.text + "+}";
            break;
        }
    }
}

void appendFields(std::string& out, const std::vector<FieldChange>& fields,
                  std::string_view indent) {
    for (const auto& field : fields) {
        out += indent;
        out += field.field;
        out += field.markupOnly ? " (markup only): " : ": ";
        std::string words;
        appendRuns(words, field.words);
        for (const char c : words) {
            out += c;
            if (c == '\n') {
                out += indent;
                out += "  ";
            }
        }
        out += '\n';
    }
}

} // namespace

std::vector<WordRun> diffWords(std::string_view before, std::string_view after) {
    const auto a = tokenize(before);
    const auto b = tokenize(after);
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix].word == b[prefix].word)
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix].word == b[b.size() - 1 - suffix].word)
        ++suffix;
    std::vector<WordRun> runs;
    for (std::size_t i = 0; i < prefix; ++i)
        append(runs, WordRun::Kind::Same, b[i].text);
    diffMiddle(std::span(a).subspan(prefix, a.size() - prefix - suffix),
               std::span(b).subspan(prefix, b.size() - prefix - suffix), runs);
    for (std::size_t i = b.size() - suffix; i < b.size(); ++i)
        append(runs, WordRun::Kind::Same, b[i].text);
    return runs;
}

GuideDiff diffGuides(const Guide& before, const Guide& after, const std::vector<Alert>* alerts) {
    GuideDiff diff;
    diff.id = after.id;
    diff.oldRevision = before.revision;
    diff.newRevision = after.revision;

    Fields fields(diff.fields);
    fields.text("id", before.id, after.id);
    fields.text("kind", before.isBlock ? "block" : "", after.isBlock ? "block" : "");
    fields.text("language", before.language, after.language);
    fields.text("title", before.title, after.title);
    fields.text("summary", before.summary, after.summary);
    fields.list("audience", before.audience, after.audience);
    fields.text("owner", before.owner, after.owner);
    const auto review = [](const Guide& guide) {
        std::string out = guide.reviewMonths > 0 ? std::to_string(guide.reviewMonths) : "";
        if (!guide.nextReview.empty())
            out += (out.empty() ? "" : " ") + guide.nextReview;
        return out;
    };
    fields.text("review", review(before), review(after));
    fields.list("tags", before.tags, after.tags);
    fields.text("valid-from", before.validFrom, after.validFrom);
    fields.text("valid-to", before.validTo, after.validTo);
    if (before.references != after.references)
        fields.text("basis", referenceLines(before.references), referenceLines(after.references));
    fields.list("related", before.related, after.related);
    if (before.triggers != after.triggers)
        fields.text("triggers", triggerLines(before.triggers), triggerLines(after.triggers));
    fields.rich("prerequisites", before.prerequisites, after.prerequisites);
    fields.rich("context", before.context, after.context);
    fields.rich("result", before.result, after.result);

    // Match the steps: by id, then removed and added ones with the same content.
    std::map<std::string_view, std::size_t> oldPlace;
    for (std::size_t i = 0; i < before.steps.size(); ++i)
        oldPlace.emplace(before.steps[i].id, i);
    std::vector<std::optional<std::size_t>> matchOfNew(after.steps.size());
    std::vector<bool> oldMatched(before.steps.size(), false);
    for (std::size_t j = 0; j < after.steps.size(); ++j) {
        const auto it = oldPlace.find(after.steps[j].id);
        if (it != oldPlace.end() && !oldMatched[it->second]) {
            matchOfNew[j] = it->second;
            oldMatched[it->second] = true;
        }
    }
    std::vector<bool> renamed(after.steps.size(), false);
    for (std::size_t j = 0; j < after.steps.size(); ++j) {
        if (matchOfNew[j])
            continue;
        for (std::size_t i = 0; i < before.steps.size(); ++i) {
            if (!oldMatched[i] && sameContent(before.steps[i], after.steps[j])) {
                matchOfNew[j] = i;
                oldMatched[i] = true;
                renamed[j] = true;
                break;
            }
        }
    }

    // Which matched steps moved: those outside the longest run of old places
    // that still increases in the new order.
    std::vector<std::size_t> order;      // old places of the matched steps, in new order
    std::vector<std::size_t> orderOwner; // their new places
    for (std::size_t j = 0; j < after.steps.size(); ++j) {
        if (matchOfNew[j]) {
            order.push_back(*matchOfNew[j]);
            orderOwner.push_back(j);
        }
    }
    const auto kept = longestIncreasing(order);
    std::vector<bool> moved(after.steps.size(), false);
    for (std::size_t k = 0; k < order.size(); ++k)
        moved[orderOwner[k]] = !kept[k];

    // The changes, keyed for their place in the list: a step of the new
    // revision at (j, 0); a removed step after the new place of the nearest
    // step before it that is still there, at (that + 1, 1 + its old place).
    std::vector<std::size_t> newOfOld(before.steps.size(), SIZE_MAX);
    for (std::size_t j = 0; j < after.steps.size(); ++j) {
        if (matchOfNew[j])
            newOfOld[*matchOfNew[j]] = j;
    }
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, StepChange>> keyed;
    for (std::size_t j = 0; j < after.steps.size(); ++j) {
        const Step& step = after.steps[j];
        StepChange change;
        change.id = step.id;
        change.newIndex = j;
        change.glance = step.glance;
        if (!matchOfNew[j]) {
            change.kind = StepChange::Kind::Added;
        } else {
            const Step& old = before.steps[*matchOfNew[j]];
            change.oldIndex = *matchOfNew[j];
            change.moved = moved[j];
            compareSteps(old, step, change);
            if (renamed[j]) {
                change.kind = StepChange::Kind::Renamed;
                change.oldId = old.id;
            } else if (change.fields.empty() && change.options.empty() && !change.moved) {
                continue;
            }
        }
        keyed.push_back({{j, 0}, std::move(change)});
    }
    for (std::size_t i = 0; i < before.steps.size(); ++i) {
        if (oldMatched[i])
            continue;
        std::size_t anchor = 0; // the new place after which it goes
        for (std::size_t k = i; k-- > 0;) {
            if (newOfOld[k] != SIZE_MAX) {
                anchor = newOfOld[k] + 1;
                break;
            }
        }
        StepChange change;
        change.kind = StepChange::Kind::Removed;
        change.id = before.steps[i].id;
        change.oldIndex = i;
        change.glance = before.steps[i].glance;
        keyed.push_back({{anchor, 1 + i}, std::move(change)});
    }
    // Removed steps (second key > 0) go before the new step at their anchor.
    std::ranges::stable_sort(keyed, [](const auto& x, const auto& y) {
        const auto rank = [](const auto& key) {
            return std::tuple(key.first, key.second == 0 ? 1 : 0, key.second);
        };
        return rank(x.first) < rank(y.first);
    });
    for (auto& [key, change] : keyed)
        diff.steps.push_back(std::move(change));

    if (alerts) {
        for (const Alert& alert : *alerts) {
            for (const auto& attachment : alert.attachments) {
                if (attachment.step.empty())
                    continue;
                const bool wasShown =
                    attachment.guide == before.id && before.findStep(attachment.step);
                const bool isShown =
                    attachment.guide == after.id && after.findStep(attachment.step);
                if (wasShown != isShown)
                    diff.alerts.push_back(
                        {isShown ? AlertShowing::Kind::Attached : AlertShowing::Kind::Detached,
                         alert.id, alert.title, attachment.step});
            }
        }
    }
    return diff;
}

AlertDiff diffAlerts(const Alert& before, const Alert& after) {
    AlertDiff diff;
    diff.id = after.id;
    diff.oldRevision = before.revision;
    diff.newRevision = after.revision;
    Fields fields(diff.fields);
    fields.text("id", before.id, after.id);
    fields.text("language", before.language, after.language);
    fields.text("level", levelName(before.level), levelName(after.level));
    fields.text("acknowledge", before.mustAcknowledge ? "yes" : "",
                after.mustAcknowledge ? "yes" : "");
    fields.text("valid-from", before.validFrom, after.validFrom);
    fields.text("valid-to", before.validTo, after.validTo);
    fields.text("title", before.title, after.title);
    fields.rich("body", before.body, after.body);
    for (const auto& attachment : after.attachments) {
        if (std::ranges::find(before.attachments, attachment) == before.attachments.end())
            diff.attached.push_back(attachment);
    }
    for (const auto& attachment : before.attachments) {
        if (std::ranges::find(after.attachments, attachment) == after.attachments.end())
            diff.detached.push_back(attachment);
    }
    return diff;
}

std::string summaryText(const GuideDiff& diff, std::string_view language, std::size_t maxSteps) {
    const bool nl = isDutch(language);
    std::vector<std::string> parts;
    std::size_t unnamed = 0;
    std::size_t removed = 0;
    for (const auto& step : diff.steps) {
        const char* what = nullptr;
        switch (step.kind) {
        case StepChange::Kind::Added:
            what = nl ? "nieuw" : "new";
            break;
        case StepChange::Kind::Removed:
            ++removed;
            continue;
        case StepChange::Kind::Changed:
            what = !step.fields.empty() || !step.options.empty() ? (nl ? "gewijzigd" : "changed")
                                                                 : (nl ? "verplaatst" : "moved");
            break;
        case StepChange::Kind::Renamed:
            if (!step.moved)
                continue; // the same step under another id: nothing to see at the desk
            what = nl ? "verplaatst" : "moved";
            break;
        }
        if (parts.size() >= maxSteps) {
            ++unnamed;
            continue;
        }
        parts.push_back((nl ? "stap " : "step ") + std::to_string(*step.newIndex + 1) + " " + what);
    }
    if (unnamed > 0)
        parts.push_back(
            nl ? (unnamed == 1 ? "nog 1 stap" : "nog " + std::to_string(unnamed) + " stappen")
               : std::to_string(unnamed) + (unnamed == 1 ? " more step" : " more steps"));
    if (removed > 0)
        parts.push_back(std::to_string(removed) +
                        (nl ? (removed == 1 ? " stap vervallen" : " stappen vervallen")
                            : (removed == 1 ? " step removed" : " steps removed")));
    if (parts.empty() && !diff.fields.empty())
        parts.emplace_back(nl ? "algemene gegevens gewijzigd" : "general information changed");
    if (parts.empty() && !diff.alerts.empty())
        parts.emplace_back(nl ? "meldingen bij de stappen gewijzigd"
                              : "alerts on the steps changed");
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty())
            out += ", ";
        out += part;
    }
    if (out.empty())
        return out;
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out + ".";
}

std::string diffText(const GuideDiff& diff) {
    std::string out = "guide " + diff.id + ": revision " + std::to_string(diff.oldRevision) +
                      " -> " + std::to_string(diff.newRevision) + "\n";
    if (diff.same())
        return out + "  no changes\n";
    appendFields(out, diff.fields, "  ");
    for (const auto& step : diff.steps) {
        const auto place = [](std::optional<std::size_t> index) {
            return index ? std::to_string(*index + 1) : std::string("?");
        };
        switch (step.kind) {
        case StepChange::Kind::Added:
            out +=
                "+ step " + place(step.newIndex) + " (" + step.id + ") new: " + step.glance + "\n";
            break;
        case StepChange::Kind::Removed:
            out += "- step (" + step.id + ") removed, was step " + place(step.oldIndex) + ": " +
                   step.glance + "\n";
            break;
        case StepChange::Kind::Changed:
        case StepChange::Kind::Renamed:
            out += "~ step " + place(step.newIndex) + " (" + step.id + ")";
            if (step.kind == StepChange::Kind::Renamed)
                out += " renamed from " + step.oldId;
            if (step.moved)
                out += " moved from step " + place(step.oldIndex);
            out += ": " + step.glance + "\n";
            appendFields(out, step.fields, "    ");
            for (const auto& option : step.options) {
                out += "    option \"" + option.label + "\" ";
                switch (option.kind) {
                case OptionChange::Kind::Added:
                    out += "added, to " + option.target;
                    break;
                case OptionChange::Kind::Removed:
                    out += "removed (led to " + option.target + ")";
                    break;
                case OptionChange::Kind::Relabelled:
                    out += "was \"" + option.oldLabel + "\"";
                    if (!option.oldTarget.empty())
                        out += ", now to " + option.target + " (was " + option.oldTarget + ")";
                    break;
                case OptionChange::Kind::Retargeted:
                    out += "now to " + option.target + " (was " + option.oldTarget + ")";
                    break;
                }
                out += "\n";
            }
            break;
        }
    }
    for (const auto& alert : diff.alerts)
        out += std::string(alert.kind == AlertShowing::Kind::Attached ? "+ alert " : "- alert ") +
               alert.alertId +
               (alert.kind == AlertShowing::Kind::Attached ? " now shows at "
                                                           : " no longer shows at ") +
               "step " + alert.step + "\n";
    return out;
}

std::string diffText(const AlertDiff& diff) {
    std::string out = "alert " + diff.id + ": revision " + std::to_string(diff.oldRevision) +
                      " -> " + std::to_string(diff.newRevision) + "\n";
    if (diff.same())
        return out + "  no changes\n";
    appendFields(out, diff.fields, "  ");
    const auto where = [](const Alert::Attachment& a) {
        return a.step.empty() ? a.guide : a.guide + " step " + a.step;
    };
    for (const auto& attachment : diff.attached)
        out += "+ attached to " + where(attachment) + "\n";
    for (const auto& attachment : diff.detached)
        out += "- detached from " + where(attachment) + "\n";
    return out;
}

const char* kindName(StepChange::Kind kind) {
    switch (kind) {
    case StepChange::Kind::Added:
        return "added";
    case StepChange::Kind::Removed:
        return "removed";
    case StepChange::Kind::Changed:
        return "changed";
    case StepChange::Kind::Renamed:
        return "renamed";
    }
    return "changed";
}

const char* kindName(OptionChange::Kind kind) {
    switch (kind) {
    case OptionChange::Kind::Added:
        return "added";
    case OptionChange::Kind::Removed:
        return "removed";
    case OptionChange::Kind::Relabelled:
        return "relabelled";
    case OptionChange::Kind::Retargeted:
        return "retargeted";
    }
    return "added";
}

const char* kindName(AlertShowing::Kind kind) {
    return kind == AlertShowing::Kind::Attached ? "attached" : "detached";
}

const char* kindName(WordRun::Kind kind) {
    switch (kind) {
    case WordRun::Kind::Same:
        return "same";
    case WordRun::Kind::Removed:
        return "removed";
    case WordRun::Kind::Added:
        return "added";
    }
    return "same";
}

} // namespace souffleur::content
