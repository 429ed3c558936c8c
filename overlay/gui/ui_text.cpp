// The Dutch and English string tables of the overlay (see ui_text.h).
#include "ui_text.h"

namespace souffleur::overlay {

const UiText& uiText(Language language) {
    static const UiText dutch{
        .title = QStringLiteral("Souffleur"),
        .synced = QStringLiteral("Gesynchroniseerd"),
        .connecting = QStringLiteral("Verbinden…"),
        .offline = QStringLiteral("Offline"),
        .hidePanel = QStringLiteral("Paneel verbergen"),
        .quit = QStringLiteral("Afsluiten"),
        .show = QStringLiteral("Tonen"),
        .chooseGuide = QStringLiteral("Kies een taak"),
        .noGuides = QStringLiteral("Nog geen handleidingen ontvangen"),
        .guideList = QStringLiteral("Handleidingen"),
        .stepView = QStringLiteral("Huidige stap"),
        .choices = QStringLiteral("Keuzes"),
        .back = QStringLiteral("Terug"),
        .next = QStringLiteral("Volgende"),
        .feedback = QStringLiteral("Feedback"),
        .stop = QStringLiteral("Stoppen"),
        .toList = QStringLiteral("Naar de lijst"),
        .wrong = QStringLiteral("Klopt niet"),
        .unclear = QStringLiteral("Onduidelijk"),
        .outdated = QStringLiteral("Verouderd"),
        .tip = QStringLiteral("Tip"),
        .feedbackText = QStringLiteral("Toelichting"),
        .feedbackPlaceholder = QStringLiteral("Wat kan beter? Geen persoonsgegevens."),
        .send = QStringLiteral("Versturen"),
        .chooseKindFirst = QStringLiteral("Kies eerst wat voor feedback het is."),
        .feedbackSent = QStringLiteral("Bedankt, verstuurd naar de redactie"),
        .feedbackQueued = QStringLiteral("Bedankt, opgeslagen, wordt verstuurd"),
        .feedbackFailed = QStringLiteral("Feedback kon niet worden opgeslagen."),
        .openFailed = QStringLiteral("Deze handleiding kan niet worden geopend."),
        .status = QStringLiteral("Melding"),
        .search = QStringLiteral("Zoeken"),
        .searchPlaceholder = QStringLiteral("Zoek een taak…"),
        .noResults = QStringLiteral("Niets gevonden"),
        .alerts = QStringLiteral("Meldingen"),
        .acknowledge = QStringLiteral("Gelezen"),
        .confirmRead = QStringLiteral("Bevestig: gelezen"),
        .privacyRefused = QStringLiteral("Niet opgeslagen: haal eerst weg wat op persoonsgegevens "
                                         "lijkt (%1)."),
        .opensAfterThisTask = QStringLiteral("De gevraagde taak opent na deze taak."),
        .citizenCanSee = QStringLiteral("Burger kijkt mee"),
        .personalData = {QStringLiteral("BSN"), QStringLiteral("documentnummer"),
                         QStringLiteral("geboortedatum"), QStringLiteral("e-mailadres"),
                         QStringLiteral("telefoonnummer"), QStringLiteral("rekeningnummer")},
    };
    static const UiText english{
        .title = QStringLiteral("Souffleur"),
        .synced = QStringLiteral("Synchronised"),
        .connecting = QStringLiteral("Connecting…"),
        .offline = QStringLiteral("Offline"),
        .hidePanel = QStringLiteral("Hide panel"),
        .quit = QStringLiteral("Quit"),
        .show = QStringLiteral("Show"),
        .chooseGuide = QStringLiteral("Choose a task"),
        .noGuides = QStringLiteral("No guides received yet"),
        .guideList = QStringLiteral("Guides"),
        .stepView = QStringLiteral("Current step"),
        .choices = QStringLiteral("Choices"),
        .back = QStringLiteral("Back"),
        .next = QStringLiteral("Next"),
        .feedback = QStringLiteral("Feedback"),
        .stop = QStringLiteral("Stop"),
        .toList = QStringLiteral("Back to the list"),
        .wrong = QStringLiteral("Wrong"),
        .unclear = QStringLiteral("Unclear"),
        .outdated = QStringLiteral("Outdated"),
        .tip = QStringLiteral("Tip"),
        .feedbackText = QStringLiteral("Comment"),
        .feedbackPlaceholder = QStringLiteral("What could be better? No personal data."),
        .send = QStringLiteral("Send"),
        .chooseKindFirst = QStringLiteral("First choose the kind of feedback."),
        .feedbackSent = QStringLiteral("Thank you, sent to the editors"),
        .feedbackQueued = QStringLiteral("Thank you, saved; it will be sent"),
        .feedbackFailed = QStringLiteral("The feedback could not be saved."),
        .openFailed = QStringLiteral("This guide cannot be opened."),
        .status = QStringLiteral("Message"),
        .search = QStringLiteral("Search"),
        .searchPlaceholder = QStringLiteral("Search a task…"),
        .noResults = QStringLiteral("Nothing found"),
        .alerts = QStringLiteral("Alerts"),
        .acknowledge = QStringLiteral("Read"),
        .confirmRead = QStringLiteral("Confirm: read"),
        .privacyRefused = QStringLiteral("Not saved: first remove what looks like personal data "
                                         "(%1)."),
        .opensAfterThisTask = QStringLiteral("The requested task opens after this one."),
        .citizenCanSee = QStringLiteral("Citizen can see"),
        .personalData = {QStringLiteral("BSN"), QStringLiteral("document number"),
                         QStringLiteral("date of birth"), QStringLiteral("e-mail address"),
                         QStringLiteral("phone number"), QStringLiteral("bank account number")},
    };
    return language == Language::English ? english : dutch;
}

const QString& syncStateText(const UiText& text, client::SyncState state) {
    switch (state) {
    case client::SyncState::Online:
        return text.synced;
    case client::SyncState::Connecting:
        return text.connecting;
    case client::SyncState::Offline:
        break;
    }
    return text.offline;
}

content::UiLanguage renderLanguage(Language language) {
    return language == Language::English ? content::UiLanguage::English
                                         : content::UiLanguage::Dutch;
}

} // namespace souffleur::overlay
