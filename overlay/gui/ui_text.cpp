// The overlay's strings (see ui_text.h). The source texts are the Dutch ones;
// overlay/gui/i18n/souffleur_en.ts holds their English translations, compiled
// into the binary (qt_add_translations) and installed by main() for --lang en.
// After changing a text here: `cmake --build build --target update_translations`
// (lupdate) and translate what it marks unfinished in Qt Linguist; the test
// overlay_translations_complete fails until every text has its translation.
#include "ui_text.h"

#include <QCoreApplication>

namespace souffleur::overlay {
namespace {

// Spelled out, one call per text with its context as a literal, so that
// lupdate finds every one.
UiText makeText() {
    return UiText{
        .title = QCoreApplication::translate("souffleur::overlay::UiText", "Souffleur"),
        .synced = QCoreApplication::translate("souffleur::overlay::UiText", "Actueel"),
        .connecting = QCoreApplication::translate("souffleur::overlay::UiText", "Verbinden…"),
        .offline = QCoreApplication::translate("souffleur::overlay::UiText", "Offline"),
        .hidePanel = QCoreApplication::translate("souffleur::overlay::UiText", "Paneel verbergen"),
        .placedRight =
            QCoreApplication::translate("souffleur::overlay::UiText", "Rechts op het scherm"),
        .placedLeft =
            QCoreApplication::translate("souffleur::overlay::UiText", "Links op het scherm"),
        .placedFloating = QCoreApplication::translate("souffleur::overlay::UiText",
                                                      "Zwevend (te verslepen aan de kop)"),
        .menu = QCoreApplication::translate("souffleur::overlay::UiText", "Menu"),
        .keepEdgeFree = QCoreApplication::translate("souffleur::overlay::UiText",
                                                    "Schermrand vrijhouden voor het paneel"),
        .alertsSummary =
            QCoreApplication::translate("souffleur::overlay::UiText", "%1 nieuwe meldingen"),
        .showAllAlerts = QCoreApplication::translate("souffleur::overlay::UiText", "Alle tonen"),
        .collapseAlerts = QCoreApplication::translate("souffleur::overlay::UiText", "Inklappen"),
        .quit = QCoreApplication::translate("souffleur::overlay::UiText", "Afsluiten"),
        .quitUnsavedTitle =
            QCoreApplication::translate("souffleur::overlay::UiText", "Niet alles is opgeslagen"),
        .quitUnsavedText =
            QCoreApplication::translate("souffleur::overlay::UiText", "Nog niet opgeslagen: %1."),
        .quitUnsavedAdvice = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Als u Souffleur nu afsluit, gaat dit verloren. Laat Souffleur open: het slaat alles "
            "op zodra dat weer kan (meestal: als er weer ruimte op de schijf is)."),
        .quitUnsavedSteps = QCoreApplication::translate("souffleur::overlay::UiText",
                                                        "%1 registraties van stappen"),
        .quitUnsavedNote =
            QCoreApplication::translate("souffleur::overlay::UiText", "uw opmerking bij %1"),
        .quitUnsavedLog =
            QCoreApplication::translate("souffleur::overlay::UiText", "uw regel voor het logboek"),
        .quitStay = QCoreApplication::translate("souffleur::overlay::UiText", "Open laten"),
        .quitAnyway = QCoreApplication::translate("souffleur::overlay::UiText", "Toch afsluiten"),
        .show = QCoreApplication::translate("souffleur::overlay::UiText", "Tonen"),
        .chooseGuide = QCoreApplication::translate("souffleur::overlay::UiText", "Kies een taak"),
        .noGuides = QCoreApplication::translate("souffleur::overlay::UiText",
                                                "Nog geen handleidingen ontvangen"),
        .guideList = QCoreApplication::translate("souffleur::overlay::UiText", "Handleidingen"),
        .stepView = QCoreApplication::translate("souffleur::overlay::UiText", "Huidige stap"),
        .choices = QCoreApplication::translate("souffleur::overlay::UiText", "Keuzes"),
        .back = QCoreApplication::translate("souffleur::overlay::UiText", "Terug"),
        .next = QCoreApplication::translate("souffleur::overlay::UiText", "Volgende"),
        .feedback = QCoreApplication::translate("souffleur::overlay::UiText", "Feedback"),
        .stop = QCoreApplication::translate("souffleur::overlay::UiText", "Stoppen"),
        .toList = QCoreApplication::translate("souffleur::overlay::UiText", "Naar de lijst"),
        .wrong = QCoreApplication::translate("souffleur::overlay::UiText", "Klopt niet"),
        .unclear = QCoreApplication::translate("souffleur::overlay::UiText", "Onduidelijk"),
        .outdated = QCoreApplication::translate("souffleur::overlay::UiText", "Verouderd"),
        .tip = QCoreApplication::translate("souffleur::overlay::UiText", "Tip"),
        .feedbackText = QCoreApplication::translate("souffleur::overlay::UiText", "Toelichting"),
        .feedbackPlaceholder = QCoreApplication::translate("souffleur::overlay::UiText",
                                                           "Wat kan beter? Geen persoonsgegevens."),
        .suggestionText =
            QCoreApplication::translate("souffleur::overlay::UiText", "Voorstel voor de tekst"),
        .suggestionPlaceholder = QCoreApplication::translate(
            "souffleur::overlay::UiText", "Zo zou de stap beter luiden (optioneel)"),
        .send = QCoreApplication::translate("souffleur::overlay::UiText", "Versturen"),
        .chooseKindFirst = QCoreApplication::translate("souffleur::overlay::UiText",
                                                       "Kies eerst wat voor feedback het is."),
        .feedbackSent = QCoreApplication::translate("souffleur::overlay::UiText",
                                                    "Bedankt, verstuurd naar de redactie"),
        .feedbackQueued = QCoreApplication::translate("souffleur::overlay::UiText",
                                                      "Bedankt, opgeslagen, wordt verstuurd"),
        .feedbackFailed = QCoreApplication::translate("souffleur::overlay::UiText",
                                                      "Feedback kon niet worden opgeslagen."),
        .feedbackDiskFull = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Niet opgeslagen: de schijf is vol. Uw feedback over %1 blijft hier staan tot u "
            "opnieuw verstuurt."),
        .openFailed = QCoreApplication::translate("souffleur::overlay::UiText",
                                                  "Deze handleiding kan niet worden geopend."),
        .status = QCoreApplication::translate("souffleur::overlay::UiText", "Melding"),
        .search = QCoreApplication::translate("souffleur::overlay::UiText", "Zoeken"),
        .searchPlaceholder =
            QCoreApplication::translate("souffleur::overlay::UiText", "Zoek een taak…"),
        .noResults = QCoreApplication::translate("souffleur::overlay::UiText", "Niets gevonden"),
        .alerts = QCoreApplication::translate("souffleur::overlay::UiText", "Meldingen"),
        .newAlert = QCoreApplication::translate("souffleur::overlay::UiText", "Nieuwe melding"),
        .unreadAlerts =
            QCoreApplication::translate("souffleur::overlay::UiText", "Ongelezen meldingen: %1"),
        .acknowledge = QCoreApplication::translate("souffleur::overlay::UiText", "Gelezen"),
        .confirmRead =
            QCoreApplication::translate("souffleur::overlay::UiText", "Bevestig: gelezen"),
        .privacyRefused = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Niet opgeslagen: haal eerst weg wat op persoonsgegevens lijkt (%1)."),
        .opensAfterThisTask = QCoreApplication::translate("souffleur::overlay::UiText",
                                                          "De gevraagde taak opent na deze taak."),
        .citizenCanSee =
            QCoreApplication::translate("souffleur::overlay::UiText", "Burger kijkt mee"),
        .citizenShort = QCoreApplication::translate("souffleur::overlay::UiText", "Meekijken"),
        .suggestion =
            QCoreApplication::translate("souffleur::overlay::UiText", "Past bij uw scherm: %1"),
        .personalData =
            {QCoreApplication::translate("souffleur::overlay::UiText", "BSN"),
             QCoreApplication::translate("souffleur::overlay::UiText", "documentnummer"),
             QCoreApplication::translate("souffleur::overlay::UiText", "geboortedatum"),
             QCoreApplication::translate("souffleur::overlay::UiText", "e-mailadres"),
             QCoreApplication::translate("souffleur::overlay::UiText", "telefoonnummer"),
             QCoreApplication::translate("souffleur::overlay::UiText", "rekeningnummer"),
             QCoreApplication::translate("souffleur::overlay::UiText",
                                         "adres (postcode met huisnummer)")},
        .diagnosticsTitle =
            QCoreApplication::translate("souffleur::overlay::UiText", "Wat deze desk apart houdt"),
        .showKeptAside =
            QCoreApplication::translate("souffleur::overlay::UiText", "Wat apart staat…"),
        .pendingHeading = QCoreApplication::translate("souffleur::overlay::UiText",
                                                      "Wacht op een update van Souffleur"),
        .pendingNone = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Niets: alle handleidingen en meldingen kunnen getoond worden."),
        .pendingLine =
            QCoreApplication::translate("souffleur::overlay::UiText", "%1 (versie %2): %3"),
        .needsUpdate = QCoreApplication::translate("souffleur::overlay::UiText",
                                                   "vraagt een nieuwere versie van Souffleur"),
        .rejectedHeading =
            QCoreApplication::translate("souffleur::overlay::UiText", "Door de server geweigerd"),
        .rejectedNone =
            QCoreApplication::translate("souffleur::overlay::UiText", "Niets geweigerd."),
        .rejectedLine = QCoreApplication::translate("souffleur::overlay::UiText", "%1 · %2: %3"),
        .exportRejected = QCoreApplication::translate("souffleur::overlay::UiText", "Exporteren…"),
        .resendRejected =
            QCoreApplication::translate("souffleur::overlay::UiText", "Opnieuw versturen"),
        .exported = QCoreApplication::translate("souffleur::overlay::UiText", "Opgeslagen in %1"),
        .exportFailed =
            QCoreApplication::translate("souffleur::overlay::UiText", "Kan niet opslaan: %1"),
        .resent =
            QCoreApplication::translate("souffleur::overlay::UiText", "%1 opnieuw in de wachtrij"),
        .close = QCoreApplication::translate("souffleur::overlay::UiText", "Sluiten"),
        .view = QCoreApplication::translate("souffleur::overlay::UiText", "Bekijken"),
        .unsavedNotice = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Stappen nog niet opgeslagen (%1); de desk probeert het opnieuw."),
        .diskFullNotice = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Schijf vol: %1 registraties wachten in het geheugen. Souffleur blijft werken en slaat "
            "ze op zodra er ruimte is."),
        .trayUnsaved = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "%1 registraties nog niet opgeslagen; Souffleur probeert het opnieuw."),
        .trayDiskFull = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Schijf vol: %1 registraties wachten; Souffleur blijft werken."),
        .diskFullTitle = QCoreApplication::translate("souffleur::overlay::UiText", "Schijf vol"),
        .diskFullMessage = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Souffleur blijft werken. Wat u vastlegt wacht in het geheugen tot er weer ruimte is; "
            "vraag uw beheerder om ruimte te maken."),
        .ackFailed = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "De bevestiging kon niet worden opgeslagen; probeer het zo opnieuw."),
        .ackDiskFull = QCoreApplication::translate("souffleur::overlay::UiText",
                                                   "Niet opgeslagen: de schijf is vol. Bevestig de "
                                                   "melding opnieuw als er weer ruimte is."),
        .updateNotice = QCoreApplication::translate(
            "souffleur::overlay::UiText", "Update nodig: niet alles kan getoond worden (%1)."),
        .rejectedNotice = QCoreApplication::translate("souffleur::overlay::UiText",
                                                      "Door de server geweigerd: %1 gegevens."),
        .updateNeededTag =
            QCoreApplication::translate("souffleur::overlay::UiText", "update nodig"),
        .guideNeedsUpdate = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Deze handleiding vraagt een nieuwere versie van Souffleur. Vraag uw beheerder om deze "
            "desk bij te werken."),
        .logbook = QCoreApplication::translate("souffleur::overlay::UiText", "Logboek"),
        .logbookTooltip =
            QCoreApplication::translate("souffleur::overlay::UiText", "Logboek van het team (L)"),
        .logbookHeading =
            QCoreApplication::translate("souffleur::overlay::UiText", "Logboek van het team"),
        .logbookHeadingTeam =
            QCoreApplication::translate("souffleur::overlay::UiText", "Logboek van %1"),
        .logbookEntries =
            QCoreApplication::translate("souffleur::overlay::UiText", "Notities van het team"),
        .logbookNone = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Nog geen notities van uw team. Schrijf hieronder de eerste."),
        .logbookOffline = QCoreApplication::translate(
            "souffleur::overlay::UiText", "Offline: dit is wat de desk het laatst ontving."),
        .logbookText = QCoreApplication::translate("souffleur::overlay::UiText", "Nieuwe notitie"),
        .logbookPlaceholder = QCoreApplication::translate("souffleur::overlay::UiText",
                                                          "Notitie, geen persoonsgegevens"),
        .logbookAdd = QCoreApplication::translate("souffleur::overlay::UiText", "Toevoegen"),
        .logbookAbout = QCoreApplication::translate("souffleur::overlay::UiText", "bij: %1"),
        .logbookAttachHint = QCoreApplication::translate(
            "souffleur::overlay::UiText", "Uitvinken als de notitie niet over deze stap gaat"),
        .logbookStep = QCoreApplication::translate("souffleur::overlay::UiText", "stap %1"),
        .logbookUnsent =
            QCoreApplication::translate("souffleur::overlay::UiText", "nog niet verstuurd"),
        .logbookToday = QCoreApplication::translate("souffleur::overlay::UiText", "vandaag %1"),
        .logbookYesterday =
            QCoreApplication::translate("souffleur::overlay::UiText", "gisteren %1"),
        .logbookAdded = QCoreApplication::translate("souffleur::overlay::UiText",
                                                    "Toegevoegd aan het logboek."),
        .logbookFailed = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Niet opgeslagen; uw tekst staat er nog. Probeer het zo opnieuw."),
        .logbookDiskFull = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Niet opgeslagen: de schijf is vol. Uw tekst blijft staan tot u het opnieuw probeert."),
        .logbookLooksPersonal = QCoreApplication::translate(
            "souffleur::overlay::UiText",
            "Dit lijkt op persoonsgegevens (%1). Haal dat weg: het hele team leest mee."),
        .logbookTypeFirst =
            QCoreApplication::translate("souffleur::overlay::UiText", "Typ eerst een notitie."),
    };
}

} // namespace

const UiText& uiText() {
    static const UiText text = makeText();
    return text;
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
