<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>souffleur::overlay::UiText</name>
    <message>
        <source>Souffleur</source>
        <translation>Souffleur</translation>
    </message>
    <message>
        <source>Actueel</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <source>Verbinden…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Paneel verbergen</source>
        <translation>Hide panel</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Niet alles is opgeslagen</source>
        <translation>Not everything is saved</translation>
    </message>
    <message>
        <source>Nog niet opgeslagen: %1.</source>
        <translation>Not saved yet: %1.</translation>
    </message>
    <message>
        <source>Als u Souffleur nu afsluit, gaat dit verloren. Laat Souffleur open: het slaat alles op zodra dat weer kan (meestal: als er weer ruimte op de schijf is).</source>
        <translation>If you quit Souffleur now, this is lost. Leave Souffleur open: it saves everything as soon as it can (usually: when the disk has room again).</translation>
    </message>
    <message>
        <source>%1 registraties van stappen</source>
        <translation>%1 step records</translation>
    </message>
    <message>
        <source>uw opmerking bij %1</source>
        <translation>your feedback on %1</translation>
    </message>
    <message>
        <source>uw regel voor het logboek</source>
        <translation>your logbook entry</translation>
    </message>
    <message>
        <source>Open laten</source>
        <translation>Leave open</translation>
    </message>
    <message>
        <source>Toch afsluiten</source>
        <translation>Quit anyway</translation>
    </message>
    <message>
        <source>Tonen</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Kies een taak</source>
        <translation>Choose a task</translation>
    </message>
    <message>
        <source>Nog geen handleidingen ontvangen</source>
        <translation>No guides received yet</translation>
    </message>
    <message>
        <source>Handleidingen</source>
        <translation>Guides</translation>
    </message>
    <message>
        <source>Huidige stap</source>
        <translation>Current step</translation>
    </message>
    <message>
        <source>Keuzes</source>
        <translation>Choices</translation>
    </message>
    <message>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Naar de lijst</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <source>Klopt niet</source>
        <translation>Wrong</translation>
    </message>
    <message>
        <source>Onduidelijk</source>
        <translation>Unclear</translation>
    </message>
    <message>
        <source>Verouderd</source>
        <translation>Outdated</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Wat kan beter? Geen persoonsgegevens.</source>
        <translation>What could be better? No personal data.</translation>
    </message>
    <message>
        <source>Rechts op het scherm</source>
        <translation>On the right</translation>
    </message>
    <message>
        <source>Links op het scherm</source>
        <translation>On the left</translation>
    </message>
    <message>
        <source>Zwevend (te verslepen aan de kop)</source>
        <translation>Floating (drag it by its header)</translation>
    </message>
    <message>
        <source>Nieuwe melding</source>
        <translation>New alert</translation>
    </message>
    <message>
        <source>Ongelezen meldingen: %1</source>
        <translation>Unread alerts: %1</translation>
    </message>
    <message>
        <source>Voorstel voor de tekst</source>
        <translation>Suggested wording</translation>
    </message>
    <message>
        <source>Zo zou de stap beter luiden (optioneel)</source>
        <translation>How the step would read better (optional)</translation>
    </message>
    <message>
        <source>Versturen</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Kies eerst wat voor feedback het is.</source>
        <translation>First choose the kind of feedback.</translation>
    </message>
    <message>
        <source>Bedankt, verstuurd naar de redactie</source>
        <translation>Thank you, sent to the editors</translation>
    </message>
    <message>
        <source>Bedankt, opgeslagen, wordt verstuurd</source>
        <translation>Thank you, saved; it will be sent</translation>
    </message>
    <message>
        <source>Feedback kon niet worden opgeslagen.</source>
        <translation>The feedback could not be saved.</translation>
    </message>
    <message>
        <source>Deze handleiding kan niet worden geopend.</source>
        <translation>This guide cannot be opened.</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Zoek een taak…</source>
        <translation>Search a task…</translation>
    </message>
    <message>
        <source>Niets gevonden</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Meldingen</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Gelezen</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Bevestig: gelezen</source>
        <translation>Confirm: read</translation>
    </message>
    <message>
        <source>Niet opgeslagen: haal eerst weg wat op persoonsgegevens lijkt (%1).</source>
        <translation>Not saved: first remove what looks like personal data (%1).</translation>
    </message>
    <message>
        <source>De gevraagde taak opent na deze taak.</source>
        <translation>The requested task opens after this one.</translation>
    </message>
    <message>
        <source>Burger kijkt mee</source>
        <translation>Citizen can see</translation>
    </message>
    <message>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <source>documentnummer</source>
        <translation>document number</translation>
    </message>
    <message>
        <source>geboortedatum</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>e-mailadres</source>
        <translation>e-mail address</translation>
    </message>
    <message>
        <source>telefoonnummer</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>rekeningnummer</source>
        <translation>bank account number</translation>
    </message>
    <message>
        <source>adres (postcode met huisnummer)</source>
        <translation>address (postcode with house number)</translation>
    </message>
    <message>
        <source>Wat deze desk apart houdt</source>
        <translation>What this desk keeps aside</translation>
    </message>
    <message>
        <source>Wat apart staat…</source>
        <translation>Kept aside…</translation>
    </message>
    <message>
        <source>Wacht op een update van Souffleur</source>
        <translation>Waiting for an update of Souffleur</translation>
    </message>
    <message>
        <source>Niets: alle handleidingen en meldingen kunnen getoond worden.</source>
        <translation>Nothing: every guide and alert can be shown.</translation>
    </message>
    <message>
        <source>%1 (versie %2): %3</source>
        <translation>%1 (revision %2): %3</translation>
    </message>
    <message>
        <source>vraagt een nieuwere versie van Souffleur</source>
        <translation>needs a newer version of Souffleur</translation>
    </message>
    <message>
        <source>Door de server geweigerd</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>Niets geweigerd.</source>
        <translation>Nothing refused.</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>Exporteren…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Opnieuw versturen</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Opgeslagen in %1</source>
        <translation>Saved in %1</translation>
    </message>
    <message>
        <source>Kan niet opslaan: %1</source>
        <translation>Cannot save: %1</translation>
    </message>
    <message>
        <source>%1 opnieuw in de wachtrij</source>
        <translation>%1 queued again</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Bekijken</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Stappen nog niet opgeslagen (%1); de desk probeert het opnieuw.</source>
        <translation>Steps not saved yet (%1); the desk keeps trying.</translation>
    </message>
    <message>
        <source>Update nodig: niet alles kan getoond worden (%1).</source>
        <translation>Update needed: not everything can be shown (%1).</translation>
    </message>
    <message>
        <source>Door de server geweigerd: %1 gegevens.</source>
        <translation>Refused by the server: %1 records.</translation>
    </message>
    <message>
        <source>update nodig</source>
        <translation>update needed</translation>
    </message>
    <message>
        <source>Deze handleiding vraagt een nieuwere versie van Souffleur. Vraag uw beheerder om deze desk bij te werken.</source>
        <translation>This guide needs a newer version of Souffleur. Ask your administrator to update this desk.</translation>
    </message>
    <message>
        <source>Meekijken</source>
        <translation>Citizen view</translation>
    </message>
    <message>
        <source>Past bij uw scherm: %1</source>
        <translation>Fits your screen: %1</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Schermrand vrijhouden voor het paneel</source>
        <translation>Keep the screen edge free for the panel</translation>
    </message>
    <message>
        <source>%1 nieuwe meldingen</source>
        <translation>%1 new alerts</translation>
    </message>
    <message>
        <source>Alle tonen</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>Inklappen</source>
        <translation>Collapse</translation>
    </message>
    <message>
        <source>Logboek</source>
        <translation>Logbook</translation>
    </message>
    <message>
        <source>Logboek van het team (L)</source>
        <translation>The team&apos;s logbook (L)</translation>
    </message>
    <message>
        <source>Logboek van het team</source>
        <translation>The team&apos;s logbook</translation>
    </message>
    <message>
        <source>Notities van het team</source>
        <translation>The team&apos;s notes</translation>
    </message>
    <message>
        <source>Nog geen notities van uw team. Schrijf hieronder de eerste.</source>
        <translation>No notes from your team yet. Write the first one below.</translation>
    </message>
    <message>
        <source>Offline: dit is wat de desk het laatst ontving.</source>
        <translation>Offline: this is what the desk last received.</translation>
    </message>
    <message>
        <source>Nieuwe notitie</source>
        <translation>New note</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>bij: %1</source>
        <translation>about: %1</translation>
    </message>
    <message>
        <source>Uitvinken als de notitie niet over deze stap gaat</source>
        <translation>Untick when the note is not about this step</translation>
    </message>
    <message>
        <source>stap %1</source>
        <translation>step %1</translation>
    </message>
    <message>
        <source>nog niet verstuurd</source>
        <translation>not sent yet</translation>
    </message>
    <message>
        <source>vandaag %1</source>
        <translation>today %1</translation>
    </message>
    <message>
        <source>gisteren %1</source>
        <translation>yesterday %1</translation>
    </message>
    <message>
        <source>Toegevoegd aan het logboek.</source>
        <translation>Added to the logbook.</translation>
    </message>
    <message>
        <source>Niet opgeslagen; uw tekst staat er nog. Probeer het zo opnieuw.</source>
        <translation>Not saved; your text is still there. Try again in a moment.</translation>
    </message>
    <message>
        <source>Dit lijkt op persoonsgegevens (%1). Haal dat weg: het hele team leest mee.</source>
        <translation>This looks like personal data (%1). Remove it: the whole team reads along.</translation>
    </message>
    <message>
        <source>Typ eerst een notitie.</source>
        <translation>Type a note first.</translation>
    </message>
    <message>
        <source>Logboek van %1</source>
        <translation>Logbook of %1</translation>
    </message>
    <message>
        <source>Notitie, geen persoonsgegevens</source>
        <translation>Note, no personal data</translation>
    </message>
    <message>
        <source>Niet opgeslagen: de schijf is vol. Uw feedback over %1 blijft hier staan tot u opnieuw verstuurt.</source>
        <translation>Not saved: the disk is full. Your feedback on %1 stays here until you send it again.</translation>
    </message>
    <message>
        <source>Schijf vol: %1 registraties wachten in het geheugen. Souffleur blijft werken en slaat ze op zodra er ruimte is.</source>
        <translation>Disk full: %1 records are waiting in memory. Souffleur keeps working and stores them as soon as there is space.</translation>
    </message>
    <message>
        <source>%1 registraties nog niet opgeslagen; Souffleur probeert het opnieuw.</source>
        <translation>%1 records not stored yet; Souffleur keeps trying.</translation>
    </message>
    <message>
        <source>Schijf vol: %1 registraties wachten; Souffleur blijft werken.</source>
        <translation>Disk full: %1 records waiting; Souffleur keeps working.</translation>
    </message>
    <message>
        <source>Schijf vol</source>
        <translation>Disk full</translation>
    </message>
    <message>
        <source>Souffleur blijft werken. Wat u vastlegt wacht in het geheugen tot er weer ruimte is; vraag uw beheerder om ruimte te maken.</source>
        <translation>Souffleur keeps working. What you record waits in memory until there is space again; ask your administrator to free some.</translation>
    </message>
    <message>
        <source>De bevestiging kon niet worden opgeslagen; probeer het zo opnieuw.</source>
        <translation>The confirmation could not be saved; please try again in a moment.</translation>
    </message>
    <message>
        <source>Niet opgeslagen: de schijf is vol. Bevestig de melding opnieuw als er weer ruimte is.</source>
        <translation>Not saved: the disk is full. Confirm the alert again once there is space.</translation>
    </message>
    <message>
        <source>Niet opgeslagen: de schijf is vol. Uw tekst blijft staan tot u het opnieuw probeert.</source>
        <translation>Not saved: the disk is full. Your text stays here until you try again.</translation>
    </message>
</context>
</TS>
