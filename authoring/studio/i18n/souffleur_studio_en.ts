<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>souffleur::studio</name>
    <message>
        <source>De server is niet bereikbaar: %1</source>
        <translation>The server cannot be reached: %1</translation>
    </message>
    <message>
        <source>Deze sleutel (token) is onbekend of verlopen.</source>
        <translation>This key (token) is unknown or has expired.</translation>
    </message>
    <message>
        <source>Aanmelden lukt niet: %1</source>
        <translation>Cannot sign in: %1</translation>
    </message>
    <message>
        <source>Aanmelden bij Souffleur</source>
        <translation>Sign in to Souffleur</translation>
    </message>
    <message>
        <source>Vul het adres van de Souffleur-server van uw organisatie in en uw persoonlijke sleutel. U krijgt ze van de beheerder.</source>
        <translation>Enter the address of your organisation's Souffleur server and your personal key. Your administrator gives you both.</translation>
    </message>
    <message>
        <source>Adres van de server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Sleutel (token)</source>
        <translation>Key (token)</translation>
    </message>
    <message>
        <source>Sleutel onthouden op deze computer</source>
        <translation>Remember the key on this computer</translation>
    </message>
    <message>
        <source>Aanmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>S&amp;leutel</source>
        <translation>&amp;Key</translation>
    </message>
    <message>
        <source>Dit account mag de studio niet gebruiken (een balie-account?). Vraag een account als auteur of teamleider.</source>
        <translation>This account may not use the studio (a desk account?). Ask for an author or team lead account.</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::AarPage</name>
    <message>
        <source>bezig</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>gedaan</source>
        <translation>done</translation>
    </message>
    <message>
        <source>vervallen</source>
        <translation>dropped</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>After Action Reviews van het team</source>
        <translation>The team's After Action Reviews</translation>
    </message>
    <message>
        <source>Nieuwe AAR</source>
        <translation>New AAR</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>&amp;Bijeenkomsten</source>
        <translation>&amp;Meetings</translation>
    </message>
    <message>
        <source>1. Voorbereiden</source>
        <translation>1. Prepare</translation>
    </message>
    <message>
        <source>2. Bijeenkomst</source>
        <translation>2. Meeting</translation>
    </message>
    <message>
        <source>3. Acties</source>
        <translation>3. Actions</translation>
    </message>
    <message>
        <source>4. Afsluiten</source>
        <translation>4. Close</translation>
    </message>
    <message>
        <source>Pauze</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Gidsen waar de AAR over gaat</source>
        <translation>Guides the AAR is about</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Gidsen</source>
        <translation>&amp;Guides</translation>
    </message>
    <message>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Cijfers tellen alleen mee als er per teammaand minstens 5 balies achter zitten: ze gaan over de gids en het team, nooit over een persoon.</source>
        <translation>Figures count only when at least 5 desks are behind them per team-month: they are about the guide and the team, never about a person.</translation>
    </message>
    <message>
        <source>Aantekeningen van de gespreksleider…</source>
        <translation>The facilitator's notes…</translation>
    </message>
    <message>
        <source>Timer van vraag %1</source>
        <translation>Timer of question %1</translation>
    </message>
    <message>
        <source>Presenteren op het scherm (F11)</source>
        <translation>Present on the screen (F11)</translation>
    </message>
    <message>
        <source>Eén vraag tegelijk, groot, met het bewijs ernaast.</source>
        <translation>One question at a time, large, with the evidence beside it.</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Bij de redactie</source>
        <translation>With the editors</translation>
    </message>
    <message>
        <source>Uit de AAR</source>
        <translation>From the AAR</translation>
    </message>
    <message>
        <source>Wat gaan we doen?</source>
        <translation>What will we do?</translation>
    </message>
    <message>
        <source>Wie (een rol of een naam)</source>
        <translation>Who (a role or a name)</translation>
    </message>
    <message>
        <source>Actie toevoegen</source>
        <translation>Add action</translation>
    </message>
    <message>
        <source>(de hele gids)</source>
        <translation>(the whole guide)</translation>
    </message>
    <message>
        <source>Over gids</source>
        <translation>About guide</translation>
    </message>
    <message>
        <source>Stap</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Een actie over een gids komt in de inbox van die gids bij de redactie; wat zij ermee doen, ziet u hier terug.</source>
        <translation>An action about a guide goes to that guide's inbox with the editors; what they do with it shows here.</translation>
    </message>
    <message>
        <source>Nog open uit eerdere AAR's:</source>
        <translation>Still open from earlier AARs:</translation>
    </message>
    <message>
        <source>Les voor andere teams</source>
        <translation>Lesson for other teams</translation>
    </message>
    <message>
        <source>Wat kunnen andere teams hiervan leren?</source>
        <translation>What can other teams learn from this?</translation>
    </message>
    <message>
        <source>Deze les &amp;delen met de andere teams</source>
        <translation>&amp;Share this lesson with the other teams</translation>
    </message>
    <message>
        <source>AAR afsluiten</source>
        <translation>Close the AAR</translation>
    </message>
    <message>
        <source>Opslaan als HTML…</source>
        <translation>Save as HTML…</translation>
    </message>
    <message>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Verslag opslaan</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Webpagina (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Les voor andere teams</source>
        <translation>&amp;Lesson for other teams</translation>
    </message>
    <message>
        <source>Teams en gidsen ophalen lukt niet: %1</source>
        <translation>Cannot fetch the teams and guides: %1</translation>
    </message>
    <message>
        <source>De AAR's ophalen lukt niet: %1</source>
        <translation>Cannot fetch the AARs: %1</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>afgesloten</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>Nog geen AAR voor dit team. Begin met "Nieuwe AAR".</source>
        <translation>No AAR for this team yet. Start with "New AAR".</translation>
    </message>
    <message>
        <source>AAR %1</source>
        <translation>AAR %1</translation>
    </message>
    <message>
        <source>Een nieuwe AAR maken lukt niet: %1</source>
        <translation>Cannot make a new AAR: %1</translation>
    </message>
    <message>
        <source>Nieuwe AAR gemaakt: kies de gidsen en de periode.</source>
        <translation>New AAR made: choose the guides and the period.</translation>
    </message>
    <message>
        <source>De AAR openen lukt niet: %1</source>
        <translation>Cannot open the AAR: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source> (afgesloten)</source>
        <translation> (closed)</translation>
    </message>
    <message>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>(geen gids: voor het team)</source>
        <translation>(no guide: for the team)</translation>
    </message>
    <message>
        <source>Stand van de actie</source>
        <translation>The action's state</translation>
    </message>
    <message>
        <source>Het bewijs ophalen lukt niet: %1</source>
        <translation>Cannot fetch the evidence: %1</translation>
    </message>
    <message>
        <source>Opslaan lukt niet: %1</source>
        <translation>Cannot save: %1</translation>
    </message>
    <message>
        <source>Opgeslagen.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Schrijf eerst op wat de actie is.</source>
        <translation>First write down what the action is.</translation>
    </message>
    <message>
        <source>De actie toevoegen lukt niet: %1</source>
        <translation>Cannot add the action: %1</translation>
    </message>
    <message>
        <source>Actie toegevoegd; ze staat nu in de inbox van de gids.</source>
        <translation>Action added; it is in the guide's inbox now.</translation>
    </message>
    <message>
        <source>Actie toegevoegd.</source>
        <translation>Action added.</translation>
    </message>
    <message>
        <source>De stand bijwerken lukt niet: %1</source>
        <translation>Cannot update the state: %1</translation>
    </message>
    <message>
        <source>Stand van de actie bijgewerkt.</source>
        <translation>The action's state is updated.</translation>
    </message>
    <message>
        <source>Afsluiten lukt niet: %1</source>
        <translation>Cannot close: %1</translation>
    </message>
    <message>
        <source>De AAR is afgesloten.</source>
        <translation>The AAR is closed.</translation>
    </message>
    <message>
        <source>Verslag opgeslagen: %1</source>
        <translation>Report saved: %1</translation>
    </message>
    <message>
        <source>Het verslag opslaan lukt niet: %1</source>
        <translation>Cannot save the report: %1</translation>
    </message>
    <message>
        <source>nl</source>
        <extracomment>The language of the charts and reports: nl or en.</extracomment>
        <translation>en</translation>
    </message>
    <message>
        <source>Privacy: wat wordt vastgelegd?</source>
        <translation>Privacy: what is recorded?</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::DecisionMapView</name>
    <message>
        <source>Beslisboom van de gids</source>
        <translation>Decision map of the guide</translation>
    </message>
    <message numerus="yes">
        <source>%n stap(pen)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>: elke stap is te bereiken en elke weg komt bij een einde.</source>
        <translation>: every step can be reached and every path comes to an end.</translation>
    </message>
    <message numerus="yes">
        <source>%n nooit bereikt</source>
        <translation>
            <numerusform>%n never reached</numerusform>
            <numerusform>%n never reached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loopt dood (geen weg naar een einde)</source>
        <translation>
            <numerusform>%n dead end (no way to an end)</numerusform>
            <numerusform>%n dead ends (no way to an end)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n keuze(s) naar een stap die niet bestaat</source>
        <translation>
            <numerusform>%n choice to a step that does not exist</numerusform>
            <numerusform>%n choices to a step that does not exist</numerusform>
        </translation>
    </message>
    <message>
        <source>'%1' → bestaat niet (%2)</source>
        <translation>'%1' → does not exist (%2)</translation>
    </message>
    <message>
        <source>nooit bereikt</source>
        <translation>never reached</translation>
    </message>
    <message>
        <source>loopt dood</source>
        <translation>dead end</translation>
    </message>
    <message>
        <source>einde</source>
        <translation>end</translation>
    </message>
    <message>
        <source>keuze</source>
        <translation>choice</translation>
    </message>
    <message>
        <source>overdracht</source>
        <translation>hand-off</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::EditorPage</name>
    <message>
        <source>De stap '%1' bestaat niet (meer).</source>
        <translation>Step '%1' does not exist (any more).</translation>
    </message>
    <message>
        <source>'%1' kan geen stap-id zijn: gebruik letters, cijfers, '-', '_' en '.'.</source>
        <translation>'%1' cannot be a step id: use letters, digits, '-', '_' and '.'.</translation>
    </message>
    <message>
        <source>Er is al een stap '%1'.</source>
        <translation>There already is a step '%1'.</translation>
    </message>
    <message>
        <source>Deze waarde past niet in %1.</source>
        <translation>This value does not fit in %1.</translation>
    </message>
    <message>
        <source>Een keuze gaat naar stap '%1', die niet bestaat.</source>
        <translation>A choice leads to step '%1', which does not exist.</translation>
    </message>
    <message>
        <source>Deze stap kan niet weg: keuzes in %1 gaan ernaartoe. Pas die keuzes eerst aan.</source>
        <translation>This step cannot go: choices in %1 lead to it. Change those choices first.</translation>
    </message>
    <message>
        <source>Een gids houdt minstens één stap.</source>
        <translation>A guide keeps at least one step.</translation>
    </message>
    <message>
        <source>'%1' is geen datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2027-12-31.</source>
        <translation>'%1' is not a date. Write it as YYYY-MM-DD, for example 2027-12-31.</translation>
    </message>
    <message>
        <source>'%1' kan geen id zijn: gebruik letters, cijfers, '-', '_' en '.'.</source>
        <translation>'%1' cannot be an id: use letters, digits, '-', '_' and '.'.</translation>
    </message>
    <message>
        <source>Deze afbeelding is niet geldig.</source>
        <translation>This picture is not valid.</translation>
    </message>
    <message>
        <source>Een regel bij 'Voorstellen bij' heeft óf een link, óf een applicatie en venstertitel.</source>
        <translation>A line under 'Suggest when' has either a link, or an application and window title.</translation>
    </message>
    <message>
        <source>'%1' is geen taal.</source>
        <translation>'%1' is not a language.</translation>
    </message>
    <message>
        <source>Die plek bestaat niet.</source>
        <translation>That place does not exist.</translation>
    </message>
    <message>
        <source>De id van de gids kan hier niet veranderen (%1).</source>
        <translation>The guide's id cannot change here (%1).</translation>
    </message>
    <message>
        <source>De server is niet bereikbaar (%1). Uw werk blijft bewaard; probeer het zo opnieuw.</source>
        <translation>The server cannot be reached (%1). Your work is kept; try again in a moment.</translation>
    </message>
    <message>
        <source>Uw sleutel (token) wordt niet meer geaccepteerd. Meld u opnieuw aan.</source>
        <translation>Your key (token) is no longer accepted. Sign in again.</translation>
    </message>
    <message>
        <source>Dit account mag dit niet (%1).</source>
        <translation>This account may not do this (%1).</translation>
    </message>
    <message>
        <source>Niet gevonden op de server.</source>
        <translation>Not found on the server.</translation>
    </message>
    <message>
        <source>De server weigert: %1</source>
        <translation>The server refuses: %1</translation>
    </message>
    <message>
        <source>Stappen van de gids</source>
        <translation>Steps of the guide</translation>
    </message>
    <message>
        <source>XML-bron van de gids</source>
        <translation>XML source of the guide</translation>
    </message>
    <message>
        <source>Bron toepassen</source>
        <translation>Apply source</translation>
    </message>
    <message>
        <source>XML-bron toepassen (Ctrl+Enter)</source>
        <translation>Apply the XML source (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Formulier</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>XML-bron</source>
        <translation>XML source</translation>
    </message>
    <message>
        <source>Wat de controle vindt</source>
        <translation>What the check finds</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Opnieuw</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Stap &amp;toevoegen</source>
        <translation>&amp;Add step</translation>
    </message>
    <message>
        <source>Stap &amp;dupliceren</source>
        <translation>D&amp;uplicate step</translation>
    </message>
    <message>
        <source>Stap &amp;verwijderen</source>
        <translation>&amp;Delete step</translation>
    </message>
    <message>
        <source>Stap om&amp;hoog</source>
        <translation>Move step u&amp;p</translation>
    </message>
    <message>
        <source>Stap om&amp;laag</source>
        <translation>Move step do&amp;wn</translation>
    </message>
    <message>
        <source>Stap-&amp;id wijzigen…</source>
        <translation>Change step &amp;id…</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Ter &amp;review aanbieden…</source>
        <translation>Submit for &amp;review…</translation>
    </message>
    <message>
        <source>&amp;XML-bron tonen</source>
        <translation>Show &amp;XML source</translation>
    </message>
    <message>
        <source>&amp;Probeer het</source>
        <translation>&amp;Try it</translation>
    </message>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Opnieuw</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Stap toevoegen</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Ter review aanbieden…</source>
        <translation>Submit for review…</translation>
    </message>
    <message>
        <source>Stap verplaatsen</source>
        <translation>Move step</translation>
    </message>
    <message>
        <source>Gewijzigd: Ctrl+Enter past de bron toe op de gids.</source>
        <translation>Changed: Ctrl+Enter applies the source to the guide.</translation>
    </message>
    <message>
        <source>&amp;Formulier tonen</source>
        <translation>Show the &amp;form</translation>
    </message>
    <message>
        <source>Let op: het journaal kan niet worden geschreven (%1). Sla uw werk op.</source>
        <translation>Note: the journal cannot be written (%1). Save your work.</translation>
    </message>
    <message>
        <source>Over deze gids</source>
        <translation>About this guide</translation>
    </message>
    <message>
        <source>(nog zonder instructie)</source>
        <translation>(no instruction yet)</translation>
    </message>
    <message>
        <source> · keuze</source>
        <translation> · choice</translation>
    </message>
    <message>
        <source> · overdracht</source>
        <translation> · hand-off</translation>
    </message>
    <message>
        <source> · einde</source>
        <translation> · end</translation>
    </message>
    <message>
        <source>Controle: niets gevonden.</source>
        <translation>Check: nothing found.</translation>
    </message>
    <message>
        <source>Controle: %1 fout(en), %2 punt(en) om naar te kijken. Klik om te gaan.</source>
        <translation>Check: %1 error(s), %2 point(s) to look at. Click to go there.</translation>
    </message>
    <message>
        <source>De bron volgt het formulier. Wijzig hem hier, dan Ctrl+Enter.</source>
        <translation>The source follows the form. Change it here, then press Ctrl+Enter.</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken: %1</source>
        <translation>&amp;Undo: %1</translation>
    </message>
    <message>
        <source>&amp;Opnieuw: %1</source>
        <translation>&amp;Redo: %1</translation>
    </message>
    <message>
        <source>Geen gids geopend</source>
        <translation>No guide open</translation>
    </message>
    <message>
        <source>Nieuwe gids, nog niet op de server</source>
        <translation>New guide, not on the server yet</translation>
    </message>
    <message>
        <source>Revisie %1 op de server</source>
        <translation>Revision %1 on the server</translation>
    </message>
    <message>
        <source> · bezig met opslaan…</source>
        <translation> · saving…</translation>
    </message>
    <message>
        <source> · niet opgeslagen wijzigingen (veilig bewaard op deze computer)</source>
        <translation> · unsaved changes (kept safe on this computer)</translation>
    </message>
    <message>
        <source> · alles opgeslagen</source>
        <translation> · all saved</translation>
    </message>
    <message>
        <source>stap</source>
        <translation>step</translation>
    </message>
    <message>
        <source>Stap dupliceren</source>
        <translation>Duplicate step</translation>
    </message>
    <message>
        <source>Stap verwijderen</source>
        <translation>Delete step</translation>
    </message>
    <message>
        <source>Stap omhoog</source>
        <translation>Move step up</translation>
    </message>
    <message>
        <source>Stap omlaag</source>
        <translation>Move step down</translation>
    </message>
    <message>
        <source>Stap-id wijzigen</source>
        <translation>Change step id</translation>
    </message>
    <message>
        <source>De id van de stap (letters, cijfers, '-', '_' en '.'). Keuzes die naar deze stap gaan, gaan mee.</source>
        <translation>The step's id (letters, digits, '-', '_' and '.'). Choices that lead to this step follow it.</translation>
    </message>
    <message>
        <source>regel %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <source>De bron is niet toegepast: </source>
        <translation>The source was not applied: </translation>
    </message>
    <message>
        <source>Toegepast. Ongedaan maken kan met Ctrl+Z.</source>
        <translation>Applied. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Nog niet opgeslagen: los eerst de fouten onder het formulier op. Uw werk is bewaard in het journaal.</source>
        <translation>Not saved yet: first solve the errors below the form. Your work is kept in the journal.</translation>
    </message>
    <message>
        <source>Opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Opgeslagen als revisie %1 (concept).</source>
        <translation>Saved as revision %1 (draft).</translation>
    </message>
    <message>
        <source>De server weigert de gids: %1 %2</source>
        <translation>The server refuses the guide: %1 %2</translation>
    </message>
    <message>
        <source>Iemand anders heeft revisie %1 opgeslagen; samenvoegen…</source>
        <translation>Someone else saved revision %1; merging…</translation>
    </message>
    <message>
        <source>Samenvoegen lukt niet: %1</source>
        <translation>Cannot merge: %1</translation>
    </message>
    <message>
        <source>Niet samengevoegd. Uw werk blijft bewaard; opslaan kan pas na samenvoegen.</source>
        <translation>Not merged. Your work is kept; you can save once it is merged.</translation>
    </message>
    <message>
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Samengevoegd met revisie %1. Kijk het na en sla opnieuw op (Ctrl+S).</source>
        <translation>Merged with revision %1. Check it and save again (Ctrl+S).</translation>
    </message>
    <message>
        <source>Sla de gids eerst op (Ctrl+S); daarna kunt u hem ter review aanbieden.</source>
        <translation>Save the guide first (Ctrl+S); then you can submit it for review.</translation>
    </message>
    <message>
        <source>Ter review aanbieden</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>Wat is er veranderd? De reviewer leest dit, en de balie ziet het als de nieuwe versie gepubliceerd is.</source>
        <translation>What has changed? The reviewer reads this, and the desks see it once the new version is published.</translation>
    </message>
    <message>
        <source>Wat is er veranderd</source>
        <translation>What has changed</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: stap 4 noemt nu ook de verblijfsvergunning.</source>
        <translation>For example: step 4 now also names the residence permit.</translation>
    </message>
    <message>
        <source>Aanbieden</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Revisie %1 is ter review aangeboden.</source>
        <translation>Revision %1 has been submitted for review.</translation>
    </message>
    <message>
        <source>Beslisboom</source>
        <translation>Decision map</translation>
    </message>
    <message>
        <source>&amp;Beslisboom tonen</source>
        <translation>Show the decision &amp;map</translation>
    </message>
    <message>
        <source>Afbeelding toevoegen</source>
        <translation>Add a picture</translation>
    </message>
    <message>
        <source>Afbeeldingen (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Wat staat erop? (Voor wie de afbeelding niet kan zien, bijvoorbeeld: het kinegram wisselt van beeld bij kantelen.)</source>
        <translation>What does it show? (For those who cannot see the picture, for example: the kinegram changes when tilted.)</translation>
    </message>
    <message>
        <source>%1 kan niet worden gelezen (of is groter dan 8 MiB).</source>
        <translation>%1 cannot be read (or is larger than 8 MiB).</translation>
    </message>
    <message>
        <source>Afbeelding versturen…</source>
        <translation>Sending the picture…</translation>
    </message>
    <message>
        <source>De afbeelding is niet opgenomen: %1</source>
        <translation>The picture was not added: %1</translation>
    </message>
    <message>
        <source>Afbeelding toegevoegd.</source>
        <translation>Picture added.</translation>
    </message>
    <message>
        <source>&amp;Bouwsteen invoegen…</source>
        <translation>Insert &amp;block…</translation>
    </message>
    <message>
        <source>Dit is een bouwsteen: één stap die andere gidsen kunnen tonen. Nog geen gids toont hem.</source>
        <translation>This is a block: one step that other guides can show. No guide shows it yet.</translation>
    </message>
    <message numerus="yes">
        <source>Dit is een bouwsteen, gebruikt in %n gids(en): %1. Wat u hier wijzigt, zien de balies in al deze gidsen zodra het gepubliceerd is.</source>
        <translation>
            <numerusform>This is a block, used in %n guide: %1. What you change here, the desks see in that guide once it is published.</numerusform>
            <numerusform>This is a block, used in %n guides: %1. What you change here, the desks see in all these guides once it is published.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (in %n gids(en))</source>
        <translation>
            <numerusform>%1 (in %n guide)</numerusform>
            <numerusform>%1 (in %n guides)</numerusform>
        </translation>
    </message>
    <message>
        <source>Er zijn nog geen bouwstenen. Maak er een in de bibliotheek: Nieuwe gids…, Bouwsteen.</source>
        <translation>There are no blocks yet. Make one in the library: New guide…, Block.</translation>
    </message>
    <message>
        <source>Bouwsteen invoegen</source>
        <translation>Insert block</translation>
    </message>
    <message>
        <source>Welke bouwsteen toont de nieuwe stap?</source>
        <translation>Which block does the new step show?</translation>
    </message>
    <message>
        <source>Een bouwsteen kan geen andere bouwsteen tonen.</source>
        <translation>A block cannot show another block.</translation>
    </message>
    <message>
        <source>Bouwsteen: %1</source>
        <translation>Block: %1</translation>
    </message>
    <message>
        <source>Deze stap toont de bouwsteen '%1'. Zijn tekst wijzigt u in de bouwsteen zelf; hier kiest u alleen hoe de gids verder gaat.</source>
        <translation>This step shows the block '%1'. Its text is changed in the block itself; here you only choose how the guide goes on.</translation>
    </message>
    <message>
        <source>Deze bouwsteen staat (nog) niet in de bibliotheek.</source>
        <translation>This block is not in the library (yet).</translation>
    </message>
    <message>
        <source>Ook gebruikt in: %1.</source>
        <translation>Also used in: %1.</translation>
    </message>
    <message>
        <source>Suggestie toegepast (Ctrl+Z maakt het ongedaan). Bij opslaan wordt de feedback 'gepland' in die revisie.</source>
        <translation>Suggestion applied (Ctrl+Z undoes it). Saving marks the feedback 'planned' in that revision.</translation>
    </message>
    <message>
        <source> · %1 feedback</source>
        <translation> · %1 feedback</translation>
    </message>
    <message>
        <source>Re&amp;visies en terugzetten…</source>
        <translation>Re&amp;visions and going back…</translation>
    </message>
    <message>
        <source>Revisies van '%1'</source>
        <translation>Revisions of '%1'</translation>
    </message>
    <message>
        <source>Terugzetten maakt een nieuwe revisie met de inhoud van de gekozen revisie en biedt die ter beoordeling aan: een collega keurt hem goed, zoals elke wijziging. Tot dan blijft aan de balie staan wat er nu staat.</source>
        <translation>Going back makes a new revision with the content of the chosen one and submits it for review: a colleague approves it, like any change. Until then the desks keep what they have now.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Terugzetten naar deze revisie…</source>
        <translation>Go back to this revision…</translation>
    </message>
    <message>
        <source>Revisie %1 · %2 · %3, %4</source>
        <translation>Revision %1 · %2 · %3, %4</translation>
    </message>
    <message>
        <source>Terugzetten</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Waarom terug naar revisie %1? De beoordelaar en de balies lezen dit.</source>
        <translation>Why back to revision %1? The reviewer and the desks read this.</translation>
    </message>
    <message>
        <source>Terugzetten lukte niet: %1</source>
        <translation>Going back did not work: %1</translation>
    </message>
    <message>
        <source>Revisie %1 (de inhoud van revisie %2) staat ter beoordeling.</source>
        <translation>Revision %1 (the content of revision %2) is in review.</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::Finding</name>
    <message>
        <source>stap %1</source>
        <translation>step %1</translation>
    </message>
    <message>
        <source>stap %1 (%2)</source>
        <translation>step %1 (%2)</translation>
    </message>
    <message>
        <source>De gids heeft nog geen titel.</source>
        <translation>The guide has no title yet.</translation>
    </message>
    <message>
        <source>Een gids heeft minstens één stap.</source>
        <translation>A guide has at least one step.</translation>
    </message>
    <message>
        <source>%1 heeft nog geen instructie.</source>
        <translation>%1 has no instruction yet.</translation>
    </message>
    <message>
        <source>%1 heeft een keuze zonder tekst.</source>
        <translation>%1 has a choice without a text.</translation>
    </message>
    <message>
        <source>%1 heeft maar één keuze: geef een tweede, of haal de keuze weg.</source>
        <translation>%1 has only one choice: add a second one, or remove the choice.</translation>
    </message>
    <message>
        <source>%1 heeft een afbeelding zonder beschrijving (voor wie niet kan zien).</source>
        <translation>%1 has a picture without a description (for those who cannot see it).</translation>
    </message>
    <message>
        <source>%1 draagt over aan een onbekende rol.</source>
        <translation>%1 hands off to an unknown role.</translation>
    </message>
    <message>
        <source>%1 draagt over, maar zegt niet wat u tegen de burger zegt.</source>
        <translation>%1 hands off, but does not say what to tell the citizen.</translation>
    </message>
    <message>
        <source>%1 heeft een keuze én een overdracht: houd er één.</source>
        <translation>%1 has both a choice and a hand-off: keep one.</translation>
    </message>
    <message>
        <source>%1 wordt nooit bereikt: geen stap of keuze leidt erheen.</source>
        <translation>%1 is never reached: no step or choice leads to it.</translation>
    </message>
    <message>
        <source>De keuze '%1' in %2 leidt naar een stap die niet bestaat (%3).</source>
        <translation>The choice '%1' in %2 leads to a step that does not exist (%3).</translation>
    </message>
    <message>
        <source>De keuze '%1' in %2 leidt terug naar dezelfde stap.</source>
        <translation>The choice '%1' in %2 leads back to the same step.</translation>
    </message>
    <message>
        <source>%1 biedt de keuze '%2' twee keer aan.</source>
        <translation>%1 offers the choice '%2' twice.</translation>
    </message>
    <message>
        <source>Alle keuzes in %1 leiden naar %2: de keuze beslist niets.</source>
        <translation>All choices in %1 lead to %2: the choice decides nothing.</translation>
    </message>
    <message>
        <source>%1 is een keuze en zegt ook 'taak eindigt hier': de taak gaat door met de gekozen stap.</source>
        <translation>%1 is a choice and also says 'the task ends here': the task goes on with the step chosen.</translation>
    </message>
    <message>
        <source>De instructie van %1 is %2 tekens; houd haar onder %3 en zet de rest bij Uitleg.</source>
        <translation>The instruction of %1 is %2 characters; keep it under %3 and move the rest to Details.</translation>
    </message>
    <message>
        <source>%1 draagt over aan 'iemand anders': zeg bij 'Leg vast' wie en wat.</source>
        <translation>%1 hands off to 'someone else': say under 'Record' whom and what.</translation>
    </message>
    <message>
        <source>De stappen %1 vormen een kring zonder uitweg: de taak kan niet eindigen.</source>
        <translation>The steps %1 form a loop with no way out: the task cannot end.</translation>
    </message>
    <message>
        <source>'Geldig tot' (%2) ligt vóór 'geldig vanaf' (%1).</source>
        <translation>'Valid to' (%2) is before 'valid from' (%1).</translation>
    </message>
    <message>
        <source>Deze gids is verlopen op %1.</source>
        <translation>This guide expired on %1.</translation>
    </message>
    <message>
        <source>Deze gids geldt pas vanaf %1.</source>
        <translation>This guide only applies from %1.</translation>
    </message>
    <message>
        <source>Niemand is eigenaar van deze gids: vul een team in bij 'Eigenaar'.</source>
        <translation>Nobody owns this guide: fill in a team under 'Owner'.</translation>
    </message>
    <message>
        <source>De gids verwijst naar zichzelf.</source>
        <translation>The guide refers to itself.</translation>
    </message>
    <message>
        <source>De gids verwijst naar een gids die niet bestaat: %1.</source>
        <translation>The guide refers to a guide that does not exist: %1.</translation>
    </message>
    <message>
        <source>Fout: </source>
        <translation>Error: </translation>
    </message>
    <message>
        <source>Let op: </source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>%1 leest moeilijk: leesbaarheid %2, het doel is %3. Kortere zinnen en kortere woorden helpen.</source>
        <translation>%1 reads hard: readability %2, the target is %3. Shorter sentences and shorter words help.</translation>
    </message>
    <message>
        <source>%1 heeft een zin van %2 woorden (meer dan %3). Knip hem in tweeën.</source>
        <translation>%1 has a sentence of %2 words (more than %3). Cut it in two.</translation>
    </message>
    <message>
        <source>%1 heeft lange woorden (meer dan %2 letters): %3.</source>
        <translation>%1 has long words (more than %2 letters): %3.</translation>
    </message>
    <message>
        <source>%1 heeft een lege regel bij controles, waarschuwingen, tips of notities.</source>
        <translation>%1 has an empty line in its checks, warnings, tips or notes.</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::GuideForm</name>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Wat de medewerker doet, bijvoorbeeld: Paspoort aanvragen</source>
        <translation>What the employee does, for example: Apply for a passport</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Eén of twee zinnen: waarvoor is deze gids?</source>
        <translation>One or two sentences: what is this guide for?</translation>
    </message>
    <message>
        <source>Eigenaar (team)</source>
        <translation>Owner (team)</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Team Burgerzaken Balie</source>
        <translation>For example: Civil Affairs Desk Team</translation>
    </message>
    <message>
        <source>Voor wie</source>
        <translation>For whom</translation>
    </message>
    <message>
        <source>Rollen, met komma's: baliemedewerker</source>
        <translation>Roles, with commas: baliemedewerker</translation>
    </message>
    <message>
        <source>Trefwoorden</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>Met komma's: paspoort, identiteit</source>
        <translation>With commas: paspoort, identiteit</translation>
    </message>
    <message>
        <source>Geldig vanaf</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>JJJJ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Geldig tot en met</source>
        <translation>Valid up to and including</translation>
    </message>
    <message>
        <source>Taal van de gids</source>
        <translation>Language of the guide</translation>
    </message>
    <message>
        <source>Nederlands</source>
        <translation>Dutch</translation>
    </message>
    <message>
        <source>Engels</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Per regel een wet, regeling of werkinstructie; eventueel | en een adres</source>
        <translation>One law, regulation or work instruction per line; optionally | and an address</translation>
    </message>
    <message>
        <source>Wanneer voorstellen</source>
        <translation>When to suggest</translation>
    </message>
    <message>
        <source>Per regel: applicatie | venstertitel (met * en ?), of link: ID</source>
        <translation>Per line: application | window title (with * and ?), or link: ID</translation>
    </message>
    <message>
        <source>Vooraf nodig</source>
        <translation>Needed beforehand</translation>
    </message>
    <message>
        <source>Achtergrond</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Samenvatting</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>&amp;Eigenaar</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <source>Voor &amp;wie</source>
        <translation>For &amp;whom</translation>
    </message>
    <message>
        <source>Tre&amp;fwoorden</source>
        <translation>&amp;Keywords</translation>
    </message>
    <message>
        <source>tot en met</source>
        <translation>up to and including</translation>
    </message>
    <message>
        <source>&amp;Geldig vanaf</source>
        <translation>&amp;Valid from</translation>
    </message>
    <message>
        <source>Taa&amp;l</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Grondslag</source>
        <translation>Legal &amp;basis</translation>
    </message>
    <message>
        <source>Voo&amp;rstellen bij</source>
        <translation>Su&amp;ggest when</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Geldig tot</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Voorstellen bij</source>
        <translation>Suggest when</translation>
    </message>
    <message>
        <source>Venster vastleggen…</source>
        <translation>Capture a window…</translation>
    </message>
    <message>
        <source>Een open venster vastleggen als moment om voor te stellen</source>
        <translation>Capture an open window as the moment to suggest this guide</translation>
    </message>
    <message>
        <source>Venster vastleggen</source>
        <translation>Capture a window</translation>
    </message>
    <message>
        <source>Er zijn geen andere vensters te zien (dit werkt op een X11-bureaublad). Typ de applicatie en de venstertitel zelf.</source>
        <translation>No other windows can be seen (this works on an X11 desktop). Type the application and the window title yourself.</translation>
    </message>
    <message>
        <source>Bij welk open venster stelt de balie deze gids voor?
Maak de titel daarna algemener met * (voor een naam of nummer).</source>
        <translation>With which open window should the desk suggest this guide?
Afterwards, make the title more general with * (for a name or number).</translation>
    </message>
    <message>
        <source>Venster vastgelegd</source>
        <translation>Window captured</translation>
    </message>
    <message>
        <source>Herzien elke zoveel maanden</source>
        <translation>Review every so many months</translation>
    </message>
    <message>
        <source>12 (standaard)</source>
        <translation>12 (default)</translation>
    </message>
    <message>
        <source>Volgende herziening</source>
        <translation>Next review</translation>
    </message>
    <message>
        <source>JJJJ-MM-DD, leeg: na de periode</source>
        <translation>YYYY-MM-DD, empty: after the period</translation>
    </message>
    <message>
        <source>elke</source>
        <translation>every</translation>
    </message>
    <message>
        <source>maanden; volgende keer</source>
        <translation>months; next time</translation>
    </message>
    <message>
        <source>Her&amp;zien</source>
        <translation>Re&amp;view</translation>
    </message>
    <message>
        <source>Herzien elke</source>
        <translation>Review every</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::HealthPage</name>
    <message>
        <source>Loopt vast</source>
        <translation>Gets stuck</translation>
    </message>
    <message>
        <source>Verloopt</source>
        <translation>Expiring</translation>
    </message>
    <message>
        <source>Bron gewijzigd</source>
        <translation>Source changed</translation>
    </message>
    <message>
        <source>Herziening nodig</source>
        <translation>Review due</translation>
    </message>
    <message>
        <source>Feedback wacht</source>
        <translation>Feedback waiting</translation>
    </message>
    <message>
        <source>In orde</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>stap %1 wordt in %2% van %3 keer afgebroken</source>
        <translation>step %1 is abandoned in %2% of %3 times</translation>
    </message>
    <message>
        <source>stap %1 wordt in %2% van %3 keer overgeslagen</source>
        <translation>step %1 is skipped in %2% of %3 times</translation>
    </message>
    <message>
        <source>verlopen op %1</source>
        <translation>expired on %1</translation>
    </message>
    <message>
        <source>geldig tot %1</source>
        <translation>valid until %1</translation>
    </message>
    <message>
        <source>een bron is gewijzigd: zie de feedback</source>
        <translation>a source changed: see the feedback</translation>
    </message>
    <message>
        <source>herzien sinds %1</source>
        <translation>review due since %1</translation>
    </message>
    <message>
        <source>%1 keer feedback open, de oudste %2 dagen</source>
        <translation>%1 open feedback, the oldest %2 days</translation>
    </message>
    <message>
        <source>Welke gidsen</source>
        <translation>Which guides</translation>
    </message>
    <message>
        <source>Vraagt aandacht</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Alle gidsen</source>
        <translation>All guides</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Gids</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Toestand</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Herzien op</source>
        <translation>Review on</translation>
    </message>
    <message>
        <source>Geldig tot</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Open feedback</source>
        <translation>Open feedback</translation>
    </message>
    <message>
        <source>Stappen (30 dagen)</source>
        <translation>Steps (30 days)</translation>
    </message>
    <message>
        <source>De gezondheid van de gidsen</source>
        <translation>The health of the guides</translation>
    </message>
    <message>
        <source>Stappen: rood is afgebroken, grijs is overgeslagen, van de keren dat de stap getoond werd; de stippellijn is 20%. Alleen stappen die minstens 5 keer getoond zijn.</source>
        <translation>Steps: red is abandoned, grey is skipped, of the times the step was shown; the dotted line is 20%. Only steps shown at least 5 times.</translation>
    </message>
    <message>
        <source>De gezondheid is niet op te halen: %1</source>
        <translation>The health cannot be fetched: %1</translation>
    </message>
    <message>
        <source>Elke %1 maanden; laatst goedgekeurd %2</source>
        <translation>Every %1 months; last approved %2</translation>
    </message>
    <message>
        <source>%1 (oudste %2 d)</source>
        <translation>%1 (oldest %2 d)</translation>
    </message>
    <message>
        <source>%1: %2 keer getoond, %3% afgebroken, %4% overgeslagen, %5% doorverwezen</source>
        <translation>%1: shown %2 times, %3% abandoned, %4% skipped, %5% handed off</translation>
    </message>
    <message>
        <source>%1 stap(pen) te weinig getoond voor een cijfer</source>
        <translation>%1 step(s) shown too rarely for a figure</translation>
    </message>
    <message>
        <source>Alle %1 gidsen zijn in orde.</source>
        <translation>All %1 guides are fine.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 van de %2 gidsen vragen aandacht.&lt;/b&gt; De meest dringende staan bovenaan.</source>
        <translation>&lt;b&gt;%1 of the %2 guides need attention.&lt;/b&gt; The most pressing are at the top.</translation>
    </message>
    <message>
        <source>Bronnen…</source>
        <translation>Sources…</translation>
    </message>
    <message>
        <source>Wetten, regelingen en werkinstructies waar de gidsen naar verwijzen</source>
        <translation>Laws, regulations and work instructions the guides refer to</translation>
    </message>
    <message>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Een gids verwijst naar een bron met '| bron: KENMERK' achter een regel van zijn grondslag. Legt u hier een nieuwe versiedatum vast, dan krijgt elke gids die de bron noemt een melding in zijn feedback, met de stappen om na te kijken.</source>
        <translation>A guide refers to a source with '| bron: ID' after a line of its basis. When you record a new version date here, every guide that names the source gets an item in its feedback, with the steps to check.</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Versie van</source>
        <translation>Version of</translation>
    </message>
    <message>
        <source>Genoemd in</source>
        <translation>Named in</translation>
    </message>
    <message>
        <source>JJJJ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Kenmerk</source>
        <translation>&amp;Id</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Vindplaats</source>
        <translation>&amp;Where to find it</translation>
    </message>
    <message>
        <source>&amp;Versie van</source>
        <translation>&amp;Version of</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>De bronnen zijn niet op te halen: %1</source>
        <translation>The sources cannot be fetched: %1</translation>
    </message>
    <message>
        <source>De bron is niet vastgelegd: %1</source>
        <translation>The source was not recorded: %1</translation>
    </message>
    <message>
        <source>Bron vastgelegd.</source>
        <translation>Source recorded.</translation>
    </message>
    <message>
        <source>Nieuwe versie vastgelegd; %1 gids(en) krijgen een melding om na te kijken.</source>
        <translation>New version recorded; %1 guide(s) get an item to check.</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::InboxPanel</name>
    <message>
        <source>Klopt niet</source>
        <translation>Wrong</translation>
    </message>
    <message>
        <source>Onduidelijk</source>
        <translation>Unclear</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Verouderd</source>
        <translation>Outdated</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Gepland in revisie %1</source>
        <translation>Planned in revision %1</translation>
    </message>
    <message>
        <source>Gepland</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Toegepast in revisie %1</source>
        <translation>Applied in revision %1</translation>
    </message>
    <message>
        <source>Toegepast</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Afgewezen: %1</source>
        <translation>Declined: %1</translation>
    </message>
    <message>
        <source>Dubbel</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Feedback van de balie bij deze stap</source>
        <translation>Feedback from the desk on this step</translation>
    </message>
    <message>
        <source>Suggestie toepassen</source>
        <translation>Apply suggestion</translation>
    </message>
    <message>
        <source>Neemt de voorgestelde tekst over als korte instructie; met Ctrl+Z maakt u het ongedaan</source>
        <translation>Takes the suggested text as the short instruction; Ctrl+Z undoes it</translation>
    </message>
    <message>
        <source>Als korte instructie</source>
        <translation>As the short instruction</translation>
    </message>
    <message>
        <source>Als controle erbij</source>
        <translation>Add as a check</translation>
    </message>
    <message>
        <source>Als tip erbij</source>
        <translation>Add as a tip</translation>
    </message>
    <message>
        <source>Als waarschuwing erbij</source>
        <translation>Add as a warning</translation>
    </message>
    <message>
        <source>U gaat dit verwerken</source>
        <translation>You will work this in</translation>
    </message>
    <message>
        <source>Afwijzen…</source>
        <translation>Decline…</translation>
    </message>
    <message>
        <source>Dubbel…</source>
        <translation>Duplicate…</translation>
    </message>
    <message>
        <source>Terug naar nieuw</source>
        <translation>Back to new</translation>
    </message>
    <message>
        <source>%1 · %2 van %3 · revisie %4 · %5</source>
        <translation>%1 · %2 from %3 · revision %4 · %5</translation>
    </message>
    <message>
        <source>de balie</source>
        <translation>the desk</translation>
    </message>
    <message>
        <source>Voorstel: “%1”</source>
        <translation>Suggested: “%1”</translation>
    </message>
    <message>
        <source>Geen feedback van de balie op de gids.</source>
        <translation>No feedback from the desk on the guide.</translation>
    </message>
    <message>
        <source>Geen feedback van de balie op deze stap.</source>
        <translation>No feedback from the desk on this step.</translation>
    </message>
    <message>
        <source>Feedback van de balie op de gids</source>
        <translation>Feedback from the desk on the guide</translation>
    </message>
    <message>
        <source>Feedback van de balie op deze stap</source>
        <translation>Feedback from the desk on this step</translation>
    </message>
    <message>
        <source>(1 open)</source>
        <translation>(1 open)</translation>
    </message>
    <message>
        <source>(%1 open)</source>
        <translation>(%1 open)</translation>
    </message>
    <message>
        <source>De feedback is niet bijgewerkt: %1</source>
        <translation>The feedback was not updated: %1</translation>
    </message>
    <message>
        <source>Feedback: %1.</source>
        <translation>Feedback: %1.</translation>
    </message>
    <message>
        <source>Feedback afwijzen</source>
        <translation>Decline feedback</translation>
    </message>
    <message>
        <source>Waarom niet? De balie die het stuurde, leest dit.</source>
        <translation>Why not? The desk that sent it reads this.</translation>
    </message>
    <message>
        <source>Afwijzen kan alleen met een reden.</source>
        <translation>Declining needs a reason.</translation>
    </message>
    <message>
        <source>Er is geen andere feedback op deze gids om naar te verwijzen.</source>
        <translation>There is no other feedback on this guide to refer to.</translation>
    </message>
    <message>
        <source>Dubbele feedback</source>
        <translation>Duplicate feedback</translation>
    </message>
    <message>
        <source>Welke feedback zegt hetzelfde?</source>
        <translation>Which feedback says the same?</translation>
    </message>
    <message>
        <source>Bron gewijzigd</source>
        <translation>Source changed</translation>
    </message>
    <message>
        <source>het bronnenregister</source>
        <translation>the register of sources</translation>
    </message>
    <message>
        <source>Actie uit een AAR</source>
        <translation>Action from an AAR</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::LibraryPage</name>
    <message>
        <source>concept</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>in review</translation>
    </message>
    <message>
        <source>gepubliceerd</source>
        <translation>published</translation>
    </message>
    <message>
        <source>ingetrokken</source>
        <translation>retired</translation>
    </message>
    <message>
        <source>Zoeken in de bibliotheek</source>
        <translation>Search the library</translation>
    </message>
    <message>
        <source>Zoek op titel, team, id… (Ctrl+F)</source>
        <translation>Search by title, team, id… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Toon gidsen met status</source>
        <translation>Show guides with state</translation>
    </message>
    <message>
        <source>Alle statussen</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Revisie</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Laatst gewijzigd</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Gidsen</source>
        <translation>Guides</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>De gekozen gids bewerken (Enter)</source>
        <translation>Edit the chosen guide (Enter)</translation>
    </message>
    <message>
        <source>Nieuwe gids…</source>
        <translation>New guide…</translation>
    </message>
    <message>
        <source>Een nieuwe gids uit het sjabloon (Ctrl+N)</source>
        <translation>A new guide from the template (Ctrl+N)</translation>
    </message>
    <message>
        <source>Dupliceren</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Een kopie van de gekozen gids als nieuwe gids</source>
        <translation>A copy of the chosen guide as a new guide</translation>
    </message>
    <message>
        <source>Importeren…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Een gids uit een XML- of DITA-bestand</source>
        <translation>A guide from an XML or DITA file</translation>
    </message>
    <message>
        <source>Exporteren…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>De gekozen gids als XML of DITA</source>
        <translation>The chosen guide as XML or DITA</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>De lijst opnieuw ophalen</source>
        <translation>Fetch the list again</translation>
    </message>
    <message>
        <source>Bibliotheek</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>%1 van %2 gidsen</source>
        <translation>%1 of %2 guides</translation>
    </message>
    <message>
        <source>Bibliotheek ophalen…</source>
        <translation>Fetching the library…</translation>
    </message>
    <message>
        <source>De bibliotheek kan niet worden opgehaald: %1</source>
        <translation>The library cannot be fetched: %1</translation>
    </message>
    <message>
        <source>%1 gidsen in de bibliotheek.</source>
        <translation>%1 guides in the library.</translation>
    </message>
    <message>
        <source>Nieuwe gids</source>
        <translation>New guide</translation>
    </message>
    <message>
        <source>Titel van de nieuwe gids</source>
        <translation>Title of the new guide</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Paspoort aanvragen</source>
        <translation>For example: Apply for a passport</translation>
    </message>
    <message>
        <source>Eigenaar (team)</source>
        <translation>Owner (team)</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Team Burgerzaken Balie</source>
        <translation>For example: Civil Affairs Desk Team</translation>
    </message>
    <message>
        <source>Id van de gids</source>
        <translation>Id of the guide</translation>
    </message>
    <message>
        <source>Maken</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Eigenaar</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>&amp;Id</translation>
    </message>
    <message>
        <source>Gids importeren</source>
        <translation>Import a guide</translation>
    </message>
    <message>
        <source>Gidsen en DITA-taken (*.xml *.dita);;Alle bestanden (*)</source>
        <translation>Guides and DITA tasks (*.xml *.dita);;All files (*)</translation>
    </message>
    <message>
        <source>%1 kan niet worden gelezen.</source>
        <translation>%1 cannot be read.</translation>
    </message>
    <message>
        <source>Niet geïmporteerd: %1</source>
        <translation>Not imported: %1</translation>
    </message>
    <message>
        <source>Geïmporteerd; opslaan maakt er een nieuwe revisie van.</source>
        <translation>Imported; saving makes it a new revision.</translation>
    </message>
    <message>
        <source>Geïmporteerd als nieuwe gids; nog niet opgeslagen.</source>
        <translation>Imported as a new guide; not saved yet.</translation>
    </message>
    <message>
        <source>Gids exporteren</source>
        <translation>Export the guide</translation>
    </message>
    <message>
        <source>Souffleur-gids (*.xml);;DITA-taak (*.dita)</source>
        <translation>Souffleur guide (*.xml);;DITA task (*.dita)</translation>
    </message>
    <message>
        <source>Niet geëxporteerd: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <source>Niet geëxporteerd: de gids is niet te lezen.</source>
        <translation>Not exported: the guide cannot be read.</translation>
    </message>
    <message>
        <source>%1 kan niet worden geschreven.</source>
        <translation>%1 cannot be written.</translation>
    </message>
    <message>
        <source>Geëxporteerd naar %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>Dupliceren lukt niet.</source>
        <translation>Cannot duplicate.</translation>
    </message>
    <message>
        <source> (kopie)</source>
        <translation> (copy)</translation>
    </message>
    <message>
        <source>%1 (balie: revisie %2)</source>
        <translation>%1 (desks: revision %2)</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message numerus="yes">
        <source>bouwsteen (in %n gids(en))</source>
        <translation>
            <numerusform>block (in %n guide)</numerusform>
            <numerusform>block (in %n guides)</numerusform>
        </translation>
    </message>
    <message>
        <source>gids</source>
        <translation>guide</translation>
    </message>
    <message>
        <source>Gebruikt in: %1</source>
        <translation>Used in: %1</translation>
    </message>
    <message>
        <source>Bouwsteen: één stap die andere gidsen tonen</source>
        <translation>Block: one step that other guides show</translation>
    </message>
    <message>
        <source>Maak een bouwsteen in plaats van een gids</source>
        <translation>Make a block instead of a guide</translation>
    </message>
    <message>
        <source>Een stap die u één keer bijhoudt en in meerdere gidsen gebruikt, bijvoorbeeld 'BRP raadplegen'</source>
        <translation>A step you keep once and use in several guides, for example 'Consult the BRP'</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::MainWindow</name>
    <message>
        <source>Werkruimtes</source>
        <translation>Workspaces</translation>
    </message>
    <message>
        <source>Bibliotheek</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Bewerken</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Aangemeld bij %1</source>
        <translation>Signed in at %1</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Nieuwe gids…</source>
        <translation>&amp;New guide…</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Exporteren…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>B&amp;ewerken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Beel&amp;d</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Bibliotheek</source>
        <translation>&amp;Library</translation>
    </message>
    <message>
        <source>&amp;Zoeken in de bibliotheek</source>
        <translation>&amp;Search the library</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Sneltoetsen</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Souffleur Studio</source>
        <translation>Souffleur Studio</translation>
    </message>
    <message>
        <source>nieuw</source>
        <translation>new</translation>
    </message>
    <message>
        <source>revisie %1</source>
        <translation>revision %1</translation>
    </message>
    <message>
        <source>%1%2 (%3) — Souffleur Studio</source>
        <translation>%1%2 (%3) — Souffleur Studio</translation>
    </message>
    <message>
        <source>Bewerken ●</source>
        <translation>Editor ●</translation>
    </message>
    <message>
        <source>De wijzigingen in '%1' blijven bewaard; ze komen terug als u die gids opent.</source>
        <translation>The changes in '%1' are kept; they come back when you open that guide.</translation>
    </message>
    <message>
        <source>Niet-opgeslagen wijzigingen teruggezet (van %1).</source>
        <translation>Unsaved changes restored (from %1).</translation>
    </message>
    <message>
        <source>Let op: deze gids bestaat al; opslaan maakt er revisie %1 van.</source>
        <translation>Note: this guide already exists; saving makes it revision %1.</translation>
    </message>
    <message>
        <source>Gids openen…</source>
        <translation>Opening the guide…</translation>
    </message>
    <message>
        <source>De gids kan niet worden geopend: %1</source>
        <translation>The guide cannot be opened: %1</translation>
    </message>
    <message>
        <source>De gids is niet te lezen: %1</source>
        <translation>The guide cannot be read: %1</translation>
    </message>
    <message>
        <source>Revisie %1 geopend.</source>
        <translation>Revision %1 opened.</translation>
    </message>
    <message>
        <source>Werk terugzetten</source>
        <translation>Restore work</translation>
    </message>
    <message>
        <source>Er zijn wijzigingen in '%1' die nog niet zijn opgeslagen (van %2). Terugzetten?</source>
        <translation>There are changes in '%1' that were not saved yet (from %2). Restore them?</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>'%1' heeft wijzigingen die nog niet op de server staan. Ze blijven op deze computer bewaard en komen terug bij de volgende start.</source>
        <translation>'%1' has changes that are not on the server yet. They are kept on this computer and come back at the next start.</translation>
    </message>
    <message>
        <source>Eerst opslaan</source>
        <translation>Save first</translation>
    </message>
    <message>
        <source>Afsluiten, later verder</source>
        <translation>Quit, continue later</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>'%1' staat niet in de bibliotheek.</source>
        <translation>'%1' is not in the library.</translation>
    </message>
    <message>
        <source>Beoordelen</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Be&amp;oordelen</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>Gezondheid</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>&amp;Gezondheid</source>
        <translation>&amp;Health</translation>
    </message>
    <message>
        <source>Leren</source>
        <translation>Learning</translation>
    </message>
    <message>
        <source>&amp;Leren (AAR)</source>
        <translation>&amp;Learning (AAR)</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::MeetingClock</name>
    <message>
        <source>%1:%2 van %3:00</source>
        <translation>%1:%2 of %3:00</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::MergeDialog</name>
    <message>
        <source>titel</source>
        <translation>title</translation>
    </message>
    <message>
        <source>samenvatting</source>
        <translation>summary</translation>
    </message>
    <message>
        <source>eigenaar</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>korte instructie</source>
        <translation>short instruction</translation>
    </message>
    <message>
        <source>uitleg</source>
        <translation>details</translation>
    </message>
    <message>
        <source>waarom</source>
        <translation>why</translation>
    </message>
    <message>
        <source>controles</source>
        <translation>checks</translation>
    </message>
    <message>
        <source>waarschuwingen</source>
        <translation>warnings</translation>
    </message>
    <message>
        <source>tips</source>
        <translation>tips</translation>
    </message>
    <message>
        <source>keuze</source>
        <translation>choice</translation>
    </message>
    <message>
        <source>overdracht</source>
        <translation>hand-off</translation>
    </message>
    <message>
        <source>einde van de taak</source>
        <translation>end of the task</translation>
    </message>
    <message>
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>De gids: %1</source>
        <translation>The guide: %1</translation>
    </message>
    <message>
        <source>Stap '%1': %2</source>
        <translation>Step '%1': %2</translation>
    </message>
    <message>
        <source>Stap '%1': u hebt hem verwijderd, de ander heeft hem gewijzigd</source>
        <translation>Step '%1': you deleted it, the other person changed it</translation>
    </message>
    <message>
        <source>Stap '%1': de ander heeft hem verwijderd, u hebt hem gewijzigd</source>
        <translation>Step '%1': the other person deleted it, you changed it</translation>
    </message>
    <message>
        <source>De volgorde van de stappen: allebei veranderd</source>
        <translation>The order of the steps: both of you changed it</translation>
    </message>
    <message>
        <source>Samenvoegen met revisie %1</source>
        <translation>Merge with revision %1</translation>
    </message>
    <message>
        <source>%1 heeft deze gids opgeslagen terwijl u eraan werkte (revisie %2). Alles wat niet botst is al samengevoegd. Kies hieronder per punt welke tekst blijft.</source>
        <translation>%1 saved this guide while you were working on it (revision %2). Everything that does not clash has been merged already. Choose below, point by point, which text stays.</translation>
    </message>
    <message>
        <source>Iemand anders</source>
        <translation>Someone else</translation>
    </message>
    <message>
        <source>Mijn versie</source>
        <translation>My version</translation>
    </message>
    <message>
        <source>Hun versie</source>
        <translation>Their version</translation>
    </message>
    <message>
        <source>Mijn versie: de stap verwijderen</source>
        <translation>My version: delete the step</translation>
    </message>
    <message>
        <source>Hun versie: de gewijzigde stap houden</source>
        <translation>Their version: keep the changed step</translation>
    </message>
    <message>
        <source>Mijn versie: de gewijzigde stap houden</source>
        <translation>My version: keep the changed step</translation>
    </message>
    <message>
        <source>Hun versie: de stap verwijderen</source>
        <translation>Their version: delete the step</translation>
    </message>
    <message>
        <source>Allebei (mijn tekst, dan die van de ander)</source>
        <translation>Both (my text, then theirs)</translation>
    </message>
    <message>
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>interne notities</source>
        <translation>internal notes</translation>
    </message>
    <message>
        <source>grondslag</source>
        <translation>legal basis</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::NoticesButton</name>
    <message>
        <source> bij stap '%1'</source>
        <translation> on step '%1'</translation>
    </message>
    <message>
        <source>%1 reageerde op %2 (revisie %3)%4: %5</source>
        <translation>%1 commented on %2 (revision %3)%4: %5</translation>
    </message>
    <message>
        <source>%1 keurde revisie %2 van %3 goed: de balies hebben hem nu</source>
        <translation>%1 approved revision %2 of %3: the desks have it now</translation>
    </message>
    <message>
        <source>%1 stuurde revisie %2 van %3 terug: %4</source>
        <translation>%1 sent revision %2 of %3 back: %4</translation>
    </message>
    <message>
        <source>Nieuwe feedback van %1 op %2%3: %4</source>
        <translation>New feedback from %1 on %2%3: %4</translation>
    </message>
    <message>
        <source>Meldingen</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Meldingen (%1)</source>
        <translation>Notices (%1)</translation>
    </message>
    <message>
        <source>1 ongelezen melding</source>
        <translation>1 unread notice</translation>
    </message>
    <message>
        <source>%1 ongelezen meldingen</source>
        <translation>%1 unread notices</translation>
    </message>
    <message>
        <source>Geen nieuwe meldingen</source>
        <translation>No new notices</translation>
    </message>
    <message>
        <source>Alles gelezen</source>
        <translation>Mark all read</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::PreviewPane</name>
    <message>
        <source>Voorbeeld zoals de balie het ziet</source>
        <translation>Preview as the desk sees it</translation>
    </message>
    <message>
        <source>Burger kijkt mee</source>
        <translation>Citizen can see the screen</translation>
    </message>
    <message>
        <source>Voorbeeld: de burger kijkt mee</source>
        <translation>Preview: the citizen can see the screen</translation>
    </message>
    <message>
        <source>Zo ziet de balie de stap als de burger het scherm kan zien</source>
        <translation>This is how the desk shows the step when the citizen can see the screen</translation>
    </message>
    <message>
        <source>Taal van de balie</source>
        <translation>Language of the desk</translation>
    </message>
    <message>
        <source>Probeer het</source>
        <translation>Try it</translation>
    </message>
    <message>
        <source>Probeer de gids stap voor stap (F5)</source>
        <translation>Try the guide step by step (F5)</translation>
    </message>
    <message>
        <source>Loop de gids door zoals de balie dat doet (F5)</source>
        <translation>Walk through the guide as the desk does (F5)</translation>
    </message>
    <message>
        <source>Voorbeeld aan de balie</source>
        <translation>Preview at the desk</translation>
    </message>
    <message>
        <source>Proberen lukt niet: %1</source>
        <translation>Cannot try it: %1</translation>
    </message>
    <message>
        <source>Proberen: stap %1 van %2</source>
        <translation>Trying: step %1 of %2</translation>
    </message>
    <message>
        <source>Afronden</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Volgende stap</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Proberen: de taak is afgerond in %1 stappen.</source>
        <translation>Trying: the task was finished in %1 steps.</translation>
    </message>
    <message>
        <source>Proberen: gestopt.</source>
        <translation>Trying: stopped.</translation>
    </message>
    <message>
        <source>Stoppen met proberen</source>
        <translation>Stop trying</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::PrivacyPage</name>
    <message>
        <source>Privacy: wat wordt vastgelegd?</source>
        <translation>Privacy: what is recorded?</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Privacy: wat Souffleur vastlegt en waarom</source>
        <translation>Privacy: what Souffleur records and why</translation>
    </message>
    <message>
        <source>Waarvoor</source>
        <translation>What for</translation>
    </message>
    <message>
        <source>Om te leren: welke stap van een gids lastig is, waar het team vastloopt, of een verbetering werkt. Nooit om een medewerker te beoordelen. Souffleur kent geen cijfers per persoon en kan niet vertellen wie iets deed.</source>
        <translation>To learn: which step of a guide is hard, where the team gets stuck, whether an improvement works. Never to assess an employee. Souffleur has no figures per person and cannot tell who did something.</translation>
    </message>
    <message>
        <source>Wat de balie vastlegt</source>
        <translation>What the desk records</translation>
    </message>
    <message>
        <source>Per sessie met een gids: welke stappen getoond en afgerond zijn, keuzes, een stap terug, een escalatie, met hoe lang een stap duurde, onder een willekeurig sessienummer. De server voegt het team toe, niet het account. Feedback en logboekregels zijn tekst die de medewerker zelf typt; de balie en de server weigeren tekst waarin gegevens van een burger staan (zoals een BSN of een geboortedatum). Nooit gegevens van burgers.</source>
        <translation>Per session with a guide: which steps were shown and done, choices, a step back, an escalation, with how long a step took, under a random session number. The server adds the team, not the account. Feedback and logbook lines are text the employee types; the desk and the server refuse text holding a citizen's data (such as a BSN or a date of birth). Never citizens' data.</translation>
    </message>
    <message>
        <source>De regel van %1</source>
        <translation>The rule of %1</translation>
    </message>
    <message>
        <source>Elk cijfer is een optelling van teammaanden: één gids, één team, één kalendermaand. Een teammaand telt alleen mee als er minstens %1 verschillende balie-accounts achter zitten; een stap alleen als %1 accounts hem zagen. Zo kan niemand uit een klein groepje worden herleid, ook niet door twee overzichten van elkaar af te trekken. De server telt de accounts via een pseudoniem dat hij nergens naast een sessie bewaart en nooit laat zien.</source>
        <translation>Every figure is a sum of team-months: one guide, one team, one calendar month. A team-month counts only when at least %1 different desk accounts are behind it; a step only when %1 accounts saw it. So nobody can be singled out of a small group, not even by subtracting one overview from another. The server counts the accounts through a pseudonym it never keeps beside a session and never shows.</translation>
    </message>
    <message>
        <source>Wie ziet wat</source>
        <translation>Who sees what</translation>
    </message>
    <message>
        <source>Een teamleider ziet het bewijs, het logboek en de AAR's van het eigen team; auteurs en beoordelaars zien de cijfers van alle teams, voor de gidsen. Balie-accounts zien het logboek van het eigen team en de gedeelde lessen. Elke geweigerde toegang wordt vastgelegd in het auditlog.</source>
        <translation>A team lead sees the evidence, the logbook and the AARs of its own team; authors and reviewers see every team's figures, for the guides. Desk accounts see their own team's logbook and the shared lessons. Every refused access is written to the audit log.</translation>
    </message>
    <message>
        <source>Hoe lang</source>
        <translation>How long</translation>
    </message>
    <message>
        <source>Deze organisatie bewaart de vastgelegde gegevens %1 maanden. Oudere maanden worden teruggebracht tot totalen (aantallen en een verdeling van tijden) en de losse gegevens worden verwijderd, elke dag, door de server; dat staat in het auditlog. De AAR's van een team en hun acties blijven: het zijn de notulen van het team.</source>
        <translation>This organisation keeps the recorded data %1 months. Older months are reduced to totals (counts and a distribution of times) and the separate records are deleted, every day, by the server; the audit log says so. A team's AARs and their actions stay: they are the team's minutes.</translation>
    </message>
    <message>
        <source>Naar een leeromgeving (xAPI)</source>
        <translation>To a learning environment (xAPI)</translation>
    </message>
    <message>
        <source>Aan: de server stuurt leergegevens naar de Learning Record Store van de organisatie, altijd op naam van het team, nooit van een persoon, en van feedback alleen de soort, nooit de tekst. Daar hoort een eigen afspraak met de ondernemingsraad bij.</source>
        <translation>On: the server sends learning records to the organisation's Learning Record Store, always in the team's name, never a person's, and of feedback only its kind, never its text. That needs its own agreement with the works council.</translation>
    </message>
    <message>
        <source>Uit. Alleen een beheerder kan dit aanzetten, en alleen met een eigen afspraak met de ondernemingsraad.</source>
        <translation>Off. Only an administrator can turn it on, and only with its own agreement with the works council.</translation>
    </message>
    <message>
        <source>Meer weten</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Het hele verhaal, met een opzet voor de DPIA en concept-afspraken met de ondernemingsraad, staat in docs/privacy.md bij Souffleur. Vragen: de functionaris gegevensbescherming van uw organisatie.</source>
        <translation>The whole story, with a DPIA outline and draft agreements with the works council, is in Souffleur's docs/privacy.md. Questions: your organisation's data protection officer.</translation>
    </message>
    <message>
        <source>Kon niet worden opgehaald: vraag de beheerder of leergegevens naar een leeromgeving gaan.</source>
        <translation>Could not be fetched: ask the administrator whether learning records go to a learning environment.</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::ProjectorWindow</name>
    <message>
        <source>Souffleur – AAR presenteren</source>
        <translation>Souffleur – presenting the AAR</translation>
    </message>
    <message>
        <source>Tijd voor deze vraag</source>
        <translation>Time for this question</translation>
    </message>
    <message>
        <source>Aantekeningen bij deze vraag</source>
        <translation>Notes on this question</translation>
    </message>
    <message>
        <source>Typ hier wat het team zegt…</source>
        <translation>Type what the team says…</translation>
    </message>
    <message>
        <source>PgDn: volgende vraag · PgUp: vorige · F5: timer starten of pauzeren · Esc: terug</source>
        <translation>PgDn: next question · PgUp: previous · F5: start or pause the timer · Esc: back</translation>
    </message>
    <message>
        <source>Vraag %1 van 4</source>
        <translation>Question %1 of 4</translation>
    </message>
    <message>
        <source> (pauze)</source>
        <translation> (paused)</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::ReviewPage</name>
    <message>
        <source>alleen de opmaak</source>
        <translation>formatting only</translation>
    </message>
    <message>
        <source>Keuze &lt;b&gt;%1&lt;/b&gt; erbij (naar %2)</source>
        <translation>Option &lt;b&gt;%1&lt;/b&gt; added (to %2)</translation>
    </message>
    <message>
        <source>Keuze &lt;b&gt;%1&lt;/b&gt; vervallen</source>
        <translation>Option &lt;b&gt;%1&lt;/b&gt; removed</translation>
    </message>
    <message>
        <source>Keuze &lt;b&gt;%1&lt;/b&gt; heette '%2'</source>
        <translation>Option &lt;b&gt;%1&lt;/b&gt; was called '%2'</translation>
    </message>
    <message>
        <source>Keuze &lt;b&gt;%1&lt;/b&gt; gaat nu naar %2 (was %3)</source>
        <translation>Option &lt;b&gt;%1&lt;/b&gt; now leads to %2 (was %3)</translation>
    </message>
    <message>
        <source>Korte instructie</source>
        <translation>Short instruction</translation>
    </message>
    <message>
        <source>Uitleg</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Controles</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Waarschuwingen</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>Interne notities</source>
        <translation>Internal notes</translation>
    </message>
    <message>
        <source>Afbeeldingen</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <source>Doorverwijzing</source>
        <translation>Hand-off</translation>
    </message>
    <message>
        <source>Einde van de taak</source>
        <translation>End of the task</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Bouwsteen</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Voor wie</source>
        <translation>For whom</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Trefwoorden</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>Geldig vanaf</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Geldig tot en met</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Verwante gidsen</source>
        <translation>Related guides</translation>
    </message>
    <message>
        <source>Voorstellen bij</source>
        <translation>Suggest at</translation>
    </message>
    <message>
        <source>Vooraf nodig</source>
        <translation>Needed first</translation>
    </message>
    <message>
        <source>Achtergrond</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ter beoordeling&lt;/b&gt;</source>
        <translation>&lt;b&gt;Waiting for review&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Revisies die op beoordeling wachten, oudste eerst</source>
        <translation>Revisions waiting for review, oldest first</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Openen in editor</source>
        <translation>Open in editor</translation>
    </message>
    <message>
        <source>Terugsturen…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <source>Terug naar de auteur, met wat er anders moet</source>
        <translation>Back to the author, with what must change</translation>
    </message>
    <message>
        <source>Goedkeuren en publiceren</source>
        <translation>Approve and publish</translation>
    </message>
    <message>
        <source>De balies krijgen deze revisie direct. Uw eigen revisie keurt een collega goed (vier ogen).</source>
        <translation>The desks get this revision at once. A colleague approves your own revision (four eyes).</translation>
    </message>
    <message>
        <source>Wat er veranderd is, per stap</source>
        <translation>What changed, by step</translation>
    </message>
    <message>
        <source>De wijziging woord voor woord: doorgestreept is weg, onderstreept is nieuw</source>
        <translation>The change word by word: struck through is gone, underlined is new</translation>
    </message>
    <message>
        <source>De stap zoals de balie hem nu ziet</source>
        <translation>The step as the desk sees it now</translation>
    </message>
    <message>
        <source>De stap zoals de balie hem na goedkeuring ziet</source>
        <translation>The step as the desk sees it once approved</translation>
    </message>
    <message>
        <source>Opmerkingen bij deze stap</source>
        <translation>Comments on this step</translation>
    </message>
    <message>
        <source>Nieuwe opmerking of antwoord</source>
        <translation>New comment or reply</translation>
    </message>
    <message>
        <source>Waar de opmerking over gaat</source>
        <translation>What the comment is about</translation>
    </message>
    <message>
        <source>Uw opmerking</source>
        <translation>Your comment</translation>
    </message>
    <message>
        <source>Uw opmerking of antwoord…</source>
        <translation>Your comment or reply…</translation>
    </message>
    <message>
        <source>Plaatsen</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Opgelost</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>De auteur van de revisie markeert een draad als opgelost</source>
        <translation>The revision's author marks a thread resolved</translation>
    </message>
    <message>
        <source>&lt;b&gt;Opmerkingen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Comments&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Er wacht niets op beoordeling. Als een collega een revisie indient, staat die hier, met wat er veranderd is.</source>
        <translation>Nothing is waiting for review. When a colleague submits a revision, it shows here, with what changed.</translation>
    </message>
    <message>
        <source>Schrijf eerst uw opmerking.</source>
        <translation>Write your comment first.</translation>
    </message>
    <message>
        <source>Kies eerst de draad die is opgelost.</source>
        <translation>Choose the thread that is resolved first.</translation>
    </message>
    <message>
        <source>Heropenen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>De beoordelingslijst is niet op te halen: %1</source>
        <translation>The review queue cannot be fetched: %1</translation>
    </message>
    <message>
        <source>revisie %1 van %2</source>
        <translation>revision %1 by %2</translation>
    </message>
    <message>
        <source>ingediend %1</source>
        <translation>submitted %1</translation>
    </message>
    <message>
        <source>Niets te doen.</source>
        <translation>Nothing to do.</translation>
    </message>
    <message>
        <source>1 revisie.</source>
        <translation>1 revision.</translation>
    </message>
    <message>
        <source>%1 revisies, oudste eerst.</source>
        <translation>%1 revisions, oldest first.</translation>
    </message>
    <message>
        <source>Revisie %1 is niet op te halen: %2</source>
        <translation>Revision %1 cannot be fetched: %2</translation>
    </message>
    <message>
        <source>Revisie %1 is niet te lezen.</source>
        <translation>Revision %1 cannot be read.</translation>
    </message>
    <message>
        <source>Revisie %1 van %2, ingediend %3</source>
        <translation>Revision %1 by %2, submitted %3</translation>
    </message>
    <message>
        <source>, vergeleken met revisie %1</source>
        <translation>, compared with revision %1</translation>
    </message>
    <message>
        <source>, een nieuwe gids</source>
        <translation>, a new guide</translation>
    </message>
    <message>
        <source>Toelichting: &lt;i&gt;%1&lt;/i&gt;</source>
        <translation>Note: &lt;i&gt;%1&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Nieuwe gids met %1 stappen.</source>
        <translation>New guide with %1 steps.</translation>
    </message>
    <message>
        <source>Geen inhoudelijke wijzigingen.</source>
        <translation>No changes to the content.</translation>
    </message>
    <message>
        <source>Wat de balie ziet: %1</source>
        <translation>What the desk sees: %1</translation>
    </message>
    <message>
        <source>(1 open opmerking)</source>
        <translation>(1 open comment)</translation>
    </message>
    <message>
        <source>(%1 open opmerkingen)</source>
        <translation>(%1 open comments)</translation>
    </message>
    <message>
        <source>Algemeen</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Algemeen: %1</source>
        <translation>General: %1</translation>
    </message>
    <message>
        <source>Stap %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>Vervallen stap</source>
        <translation>Removed step</translation>
    </message>
    <message>
        <source>nieuw</source>
        <translation>new</translation>
    </message>
    <message>
        <source>vervallen (was stap %1)</source>
        <translation>removed (was step %1)</translation>
    </message>
    <message>
        <source>verplaatst van stap %1</source>
        <translation>moved from step %1</translation>
    </message>
    <message>
        <source>keuzes</source>
        <translation>options</translation>
    </message>
    <message>
        <source>andere naam</source>
        <translation>renamed</translation>
    </message>
    <message>
        <source>Stap %1 · ongewijzigd
%2</source>
        <translation>Step %1 · unchanged
%2</translation>
    </message>
    <message>
        <source>Geen wijzigingen in de inhoud.</source>
        <translation>No changes to the content.</translation>
    </message>
    <message>
        <source>&lt;p&gt;De algemene gegevens zijn niet veranderd.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The general information has not changed.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Deze stap is niet veranderd.&lt;/p&gt;</source>
        <translation>&lt;p&gt;This step has not changed.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Nieuwe stap&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;New step&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Deze stap vervalt&lt;/b&gt;&lt;/p&gt;&lt;p&gt;&lt;s&gt;%1&lt;/s&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;This step is removed&lt;/b&gt;&lt;/p&gt;&lt;p&gt;&lt;s&gt;%1&lt;/s&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Kenmerk was '%1'.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Its id was '%1'.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Verplaatst van stap %1 naar stap %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Moved from step %1 to step %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Over de hele gids</source>
        <translation>About the whole guide</translation>
    </message>
    <message>
        <source>Over de hele stap</source>
        <translation>About the whole step</translation>
    </message>
    <message>
        <source>Over: %1</source>
        <translation>About: %1</translation>
    </message>
    <message>
        <source>Nu aan de balie (revisie %1)</source>
        <translation>At the desk now (revision %1)</translation>
    </message>
    <message>
        <source>Nu aan de balie</source>
        <translation>At the desk now</translation>
    </message>
    <message>
        <source>Na goedkeuring (revisie %1)</source>
        <translation>Once approved (revision %1)</translation>
    </message>
    <message>
        <source>Deze stap is nieuw.</source>
        <translation>This step is new.</translation>
    </message>
    <message>
        <source>De balie kent deze gids nog niet.</source>
        <translation>The desk does not have this guide yet.</translation>
    </message>
    <message>
        <source>Deze stap vervalt.</source>
        <translation>This step is removed.</translation>
    </message>
    <message>
        <source>Nieuwe opmerking</source>
        <translation>New comment</translation>
    </message>
    <message>
        <source>Opgelost door %1</source>
        <translation>Resolved by %1</translation>
    </message>
    <message>
        <source>(bij revisie %1)</source>
        <translation>(on revision %1)</translation>
    </message>
    <message>
        <source>Antwoord op: %1</source>
        <translation>Reply to: %1</translation>
    </message>
    <message>
        <source>&lt;p style="color:#555"&gt;Nog geen opmerkingen hier.&lt;/p&gt;</source>
        <translation>&lt;p style="color:#555"&gt;No comments here yet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>De opmerkingen zijn niet op te halen: %1</source>
        <translation>The comments cannot be fetched: %1</translation>
    </message>
    <message>
        <source>De opmerking is niet geplaatst: %1</source>
        <translation>The comment was not posted: %1</translation>
    </message>
    <message>
        <source>Opmerking geplaatst; de auteur krijgt een melding.</source>
        <translation>Comment posted; the author gets a notice.</translation>
    </message>
    <message>
        <source>Het antwoord is niet geplaatst: %1</source>
        <translation>The reply was not posted: %1</translation>
    </message>
    <message>
        <source>Antwoord geplaatst.</source>
        <translation>Reply posted.</translation>
    </message>
    <message>
        <source>Alleen de auteur van de revisie markeert een draad als opgelost.</source>
        <translation>Only the revision's author marks a thread resolved.</translation>
    </message>
    <message>
        <source>Dat lukte niet: %1</source>
        <translation>That did not work: %1</translation>
    </message>
    <message>
        <source>Draad opgelost.</source>
        <translation>Thread resolved.</translation>
    </message>
    <message>
        <source>Draad heropend.</source>
        <translation>Thread reopened.</translation>
    </message>
    <message>
        <source>U kunt uw eigen revisie niet goedkeuren: een collega doet dat (vier ogen).</source>
        <translation>You cannot approve your own revision: a colleague does that (four eyes).</translation>
    </message>
    <message>
        <source>Alleen beoordelaars keuren goed of sturen terug.</source>
        <translation>Only reviewers approve or send back.</translation>
    </message>
    <message>
        <source>Revisie %1 van '%2' is gepubliceerd; de balies krijgen hem nu.</source>
        <translation>Revision %1 of '%2' is published; the desks get it now.</translation>
    </message>
    <message>
        <source>Revisie %1 is teruggestuurd naar de auteur.</source>
        <translation>Revision %1 was sent back to the author.</translation>
    </message>
    <message>
        <source>Terugsturen</source>
        <translation>Send back</translation>
    </message>
    <message>
        <source>Wat moet er anders? De auteur krijgt dit te lezen.</source>
        <translation>What must change? The author reads this.</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Herzien</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>nl</source>
        <comment>the language of the summary of changes</comment>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::RichTextEdit</name>
    <message>
        <source>Vet</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Vet (Ctrl+B)</source>
        <translation>Bold (Ctrl+B)</translation>
    </message>
    <message>
        <source>Cursief</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>Cursief (Ctrl+I)</source>
        <translation>Italic (Ctrl+I)</translation>
    </message>
    <message>
        <source>Opsomming</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Opsomming (Ctrl+Shift+8)</source>
        <translation>Bulleted list (Ctrl+Shift+8)</translation>
    </message>
    <message>
        <source>Genummerde lijst</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Genummerde lijst (Ctrl+Shift+7)</source>
        <translation>Numbered list (Ctrl+Shift+7)</translation>
    </message>
</context>
<context>
    <name>souffleur::studio::StepForm</name>
    <message>
        <source>ID-expert</source>
        <translation>ID expert</translation>
    </message>
    <message>
        <source>Backoffice</source>
        <translation>Back office</translation>
    </message>
    <message>
        <source>Politie</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Teamleider</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>Andere rol</source>
        <translation>Another role</translation>
    </message>
    <message>
        <source>Korte instructie</source>
        <translation>Short instruction</translation>
    </message>
    <message>
        <source>Wat de medewerker nu doet, in één zin</source>
        <translation>What the employee does now, in one sentence</translation>
    </message>
    <message>
        <source>Uitleg</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Controles</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Per regel één controle</source>
        <translation>One check per line</translation>
    </message>
    <message>
        <source>Waarschuwingen</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Per regel: wat niet mis mag gaan</source>
        <translation>Per line: what must not go wrong</translation>
    </message>
    <message>
        <source>Tips</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>Per regel: wat ervaren collega's doen</source>
        <translation>Per line: what experienced colleagues do</translation>
    </message>
    <message>
        <source>Grondslag van deze stap</source>
        <translation>Legal basis of this step</translation>
    </message>
    <message>
        <source>Per regel een regel of werkinstructie; eventueel | en een adres</source>
        <translation>One rule or work instruction per line; optionally | and an address</translation>
    </message>
    <message>
        <source>Keuze toevoegen</source>
        <translation>Add a choice</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nee</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Overdragen aan een andere rol</source>
        <translation>Hand off to another role</translation>
    </message>
    <message>
        <source>Aan wie</source>
        <translation>To whom</translation>
    </message>
    <message>
        <source>Wat zegt u tegen de burger</source>
        <translation>What do you say to the citizen</translation>
    </message>
    <message>
        <source>Wat zegt u tegen de burger?</source>
        <translation>What do you say to the citizen?</translation>
    </message>
    <message>
        <source>Wat legt u vast</source>
        <translation>What do you record</translation>
    </message>
    <message>
        <source>Wat legt u vast, en waar?</source>
        <translation>What do you record, and where?</translation>
    </message>
    <message>
        <source>Hoe eindigt de taak</source>
        <translation>How does the task end</translation>
    </message>
    <message>
        <source>Hoe eindigt de taak voor u?</source>
        <translation>How does the task end for you?</translation>
    </message>
    <message>
        <source>Aan &amp;wie</source>
        <translation>To &amp;whom</translation>
    </message>
    <message>
        <source>&amp;Zeg</source>
        <translation>&amp;Say</translation>
    </message>
    <message>
        <source>&amp;Leg vast</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;Afloop</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <source>De taak eindigt na deze stap</source>
        <translation>The task ends after this step</translation>
    </message>
    <message>
        <source>&amp;Instructie</source>
        <translation>&amp;Instruction</translation>
    </message>
    <message>
        <source>&amp;Uitleg</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>&amp;Waarom</source>
        <translation>&amp;Why</translation>
    </message>
    <message>
        <source>&amp;Controles</source>
        <translation>&amp;Checks</translation>
    </message>
    <message>
        <source>Waa&amp;rschuwingen</source>
        <translation>Wa&amp;rnings</translation>
    </message>
    <message>
        <source>&amp;Tips</source>
        <translation>&amp;Tips</translation>
    </message>
    <message>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Instructie</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>Overdragen</source>
        <translation>Hand off</translation>
    </message>
    <message>
        <source>Taak eindigt hier</source>
        <translation>Task ends here</translation>
    </message>
    <message>
        <source>Taak gaat door</source>
        <translation>Task goes on</translation>
    </message>
    <message>
        <source>Stap %1 van %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>Stap %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <source>Keuze %1</source>
        <translation>Choice %1</translation>
    </message>
    <message>
        <source>Wat de medewerker kiest</source>
        <translation>What the employee chooses</translation>
    </message>
    <message>
        <source>Keuze %1 gaat naar</source>
        <translation>Choice %1 leads to</translation>
    </message>
    <message>
        <source>Keuze %1 verwijderen</source>
        <translation>Delete choice %1</translation>
    </message>
    <message>
        <source>Keuze verwijderen</source>
        <translation>Delete choice</translation>
    </message>
    <message>
        <source>Van deze stap een keuze maken</source>
        <translation>Make this step a choice</translation>
    </message>
    <message>
        <source>Flesch-Douma: hoe hoger, hoe makkelijker. 60 tot 70 is eenvoudige taal. Korte zinnen en korte woorden helpen.</source>
        <translation>Flesch-Douma: the higher, the easier. 60 to 70 is plain language. Short sentences and short words help.</translation>
    </message>
    <message>
        <source>Leesbaarheid %1 (doel %2)</source>
        <translation>Readability %1 (target %2)</translation>
    </message>
    <message>
        <source>: moeilijker dan het doel</source>
        <translation>: harder than the target</translation>
    </message>
    <message>
        <source>Afbeeldingen bij deze stap</source>
        <translation>Pictures with this step</translation>
    </message>
    <message>
        <source>Afbeelding toevoegen…</source>
        <translation>Add a picture…</translation>
    </message>
    <message>
        <source>Een afbeelding (PNG of JPEG) bij deze stap toevoegen</source>
        <translation>Add a picture (PNG or JPEG) to this step</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>De gekozen afbeelding verwijderen</source>
        <translation>Remove the chosen picture</translation>
    </message>
    <message>
        <source>Afbeelding verwijderen</source>
        <translation>Remove picture</translation>
    </message>
    <message>
        <source>Afbeeldingen</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <source>Interne notities</source>
        <translation>Internal notes</translation>
    </message>
    <message>
        <source>Per regel, voor collega's: nooit in beeld als de burger meekijkt</source>
        <translation>Per line, for colleagues: never on screen while the citizen can see it</translation>
    </message>
    <message>
        <source>Interne &amp;notities</source>
        <translation>Internal &amp;notes</translation>
    </message>
    <message>
        <source>Bouwsteen openen</source>
        <translation>Open block</translation>
    </message>
    <message>
        <source>De bouwsteen openen om zijn tekst te wijzigen</source>
        <translation>Open the block to change its text</translation>
    </message>
    <message>
        <source>Deze stap toont de bouwsteen '%1'.</source>
        <translation>This step shows the block '%1'.</translation>
    </message>
</context>
</TS>