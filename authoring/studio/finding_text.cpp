#include "finding_text.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>

namespace souffleur::studio {

namespace {

// The author's words for a pattern (its text is marked with QT_TRANSLATE_NOOP).
QString translated(const char* text) {
    return QCoreApplication::translate("souffleur::studio::Finding", text);
}

// How an author knows a step: its number and the start of its instruction.
QString stepName(const content::Guide& guide, const QString& id) {
    const auto index = guide.stepIndex(id.toStdString());
    if (!index)
        return QStringLiteral("'%1'").arg(id);
    QString glance = QString::fromStdString(guide.steps[*index].glance);
    if (glance.size() > 40)
        glance = glance.left(39) + QChar(0x2026);
    return glance.isEmpty()
               ? QCoreApplication::translate("souffleur::studio::Finding", "stap %1")
                     .arg(*index + 1)
               : QCoreApplication::translate("souffleur::studio::Finding", "stap %1 (%2)")
                     .arg(*index + 1)
                     .arg(glance);
}

struct Pattern {
    const char* english; // a regular expression over the whole message
    const char* author;  // %1, %2…: the captures; a capture named step is a step id
    std::array<bool, 3> isStep;
};

// The messages of EditModel's completeness check and of content::lintGuide.
constexpr Pattern kPatterns[] = {
    {"the guide needs a title",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "De gids heeft nog geen titel."),
     {}},
    {"the guide needs at least one step",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "Een gids heeft minstens één stap."),
     {}},
    {"the guide has no steps",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "Een gids heeft minstens één stap."),
     {}},
    {"step '(.+)' needs a short instruction",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "%1 heeft nog geen instructie."),
     {true}},
    {"step '(.+)' has an empty (checks|warnings|tips|notes) item",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 heeft een lege regel bij controles, waarschuwingen, tips of notities."),
     {true}},
    {"step '(.+)' has an option without a label",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "%1 heeft een keuze zonder tekst."),
     {true}},
    {"step '(.+)' has a decision with one option",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 heeft maar één keuze: geef een tweede, of haal de keuze weg."),
     {true}},
    {"step '(.+)' has a picture without a description",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 heeft een afbeelding zonder beschrijving (voor wie niet kan zien)."),
     {true}},
    {"step '(.+)' hands off to an unknown role",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "%1 draagt over aan een onbekende rol."),
     {true}},
    {"step '(.+)' has a hand-off without the words for the citizen",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 draagt over, maar zegt niet wat u tegen de burger zegt."),
     {true}},
    {"step '(.+)' has both a decision and a hand-off; keep one",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 heeft een keuze én een overdracht: houd er één."),
     {true}},
    {"step '(.+)' can never be reached",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 wordt nooit bereikt: geen stap of keuze leidt erheen."),
     {true}},
    {"option '(.+)' of step '(.+)' leads to unknown step '(.*)'",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "De keuze '%1' in %2 leidt naar een stap die niet bestaat (%3)."),
     {false, true, false}},
    {"option '(.+)' of step '(.+)' leads back to the same step",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "De keuze '%1' in %2 leidt terug naar dezelfde stap."),
     {false, true}},
    {"step '(.+)' offers the option '(.+)' more than once",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "%1 biedt de keuze '%2' twee keer aan."),
     {true}},
    {"step '(.+)': all options lead to step '(.+)', so the decision decides nothing",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "Alle keuzes in %1 leiden naar %2: de keuze beslist niets."),
     {true, true}},
    {"step '(.+)' is a decision and has end=\"true\".*",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 is een keuze en zegt ook 'taak eindigt hier': de taak gaat door met "
                       "de gekozen stap."),
     {true}},
    {"step '(.+)': the glance should be read at a glance: ([0-9]+) characters \\(at most "
     "([0-9]+)\\).*",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "De instructie van %1 is %2 tekens; houd haar onder %3 en zet de rest "
                       "bij Uitleg."),
     {true}},
    {"step '(.+)': an escalation to role 'other' should say.*",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 draagt over aan 'iemand anders': zeg bij 'Leg vast' wie en wat."),
     {true}},
    {"steps (.+) form a loop with no way to finish",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "De stappen %1 vormen een kring zonder uitweg: de taak kan niet eindigen."),
     {}},
    {"this guide is valid from (.+) to (.+): the window ends before it starts",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "'Geldig tot' (%2) ligt vóór 'geldig vanaf' (%1)."),
     {}},
    {"this guide expired on (.+)",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "Deze gids is verlopen op %1."),
     {}},
    {"this guide is not valid yet: it applies from (.+)",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "Deze gids geldt pas vanaf %1."),
     {}},
    {"nobody owns this guide.*",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "Niemand is eigenaar van deze gids: vul een team in bij 'Eigenaar'."),
     {}},
    {"step '(.+)' reads hard: readability ([0-9-]+), the target is ([0-9-]+).*",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 leest moeilijk: leesbaarheid %2, het doel is %3. Kortere zinnen en "
                       "kortere woorden helpen."),
     {true}},
    {"step '(.+)' has a sentence of ([0-9]+) words \\(more than ([0-9]+)\\): '(.*)'",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 heeft een zin van %2 woorden (meer dan %3). Knip hem in tweeën."),
     {true}},
    {"step '(.+)' has long words \\(more than ([0-9]+) letters\\): (.+)",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "%1 heeft lange woorden (meer dan %2 letters): %3."),
     {true}},
    {"related guide '(.+)' is this guide itself",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding", "De gids verwijst naar zichzelf."),
     {}},
    {"related guide: links to unknown guide '(.+)'",
     QT_TRANSLATE_NOOP("souffleur::studio::Finding",
                       "De gids verwijst naar een gids die niet bestaat: %1."),
     {}},
};

} // namespace

QString findingText(const content::Diagnostic& diagnostic, const content::Guide& guide) {
    const QString prefix =
        diagnostic.severity == content::Severity::Error
            ? QCoreApplication::translate("souffleur::studio::Finding", "Fout: ")
            : QCoreApplication::translate("souffleur::studio::Finding", "Let op: ");
    const QString message = QString::fromStdString(diagnostic.message);
    for (const Pattern& pattern : kPatterns) {
        const QRegularExpression expression(
            QRegularExpression::anchoredPattern(QString::fromLatin1(pattern.english)));
        const auto match = expression.match(message);
        if (!match.hasMatch())
            continue;
        QString text = translated(pattern.author);
        for (int i = 1; i <= match.lastCapturedIndex() && i <= 3; ++i) {
            const QString captured = match.captured(i);
            text =
                text.arg(pattern.isStep[static_cast<std::size_t>(i - 1)] ? stepName(guide, captured)
                                                                         : captured);
        }
        if (!text.isEmpty())
            text[0] = text[0].toUpper();
        return prefix + text;
    }
    return prefix + message;
}

} // namespace souffleur::studio
