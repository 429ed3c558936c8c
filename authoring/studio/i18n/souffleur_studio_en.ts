<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>souffleur::studio</name>
    <message>
        <source>De server is niet bereikbaar: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze sleutel (token) is onbekend of verlopen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit account mag geen gidsen schrijven (een balie-account?). Vraag een auteursaccount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmelden lukt niet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmelden bij Souffleur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vul het adres van de Souffleur-server van uw organisatie in en uw persoonlijke sleutel. U krijgt ze van de beheerder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres van de server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleutel (token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleutel onthouden op deze computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmelden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;leutel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>souffleur::studio::EditorPage</name>
    <message>
        <source>De stap &apos;%1&apos; bestaat niet (meer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; kan geen stap-id zijn: gebruik letters, cijfers, &apos;-&apos;, &apos;_&apos; en &apos;.&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er is al een stap &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze waarde past niet in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een keuze gaat naar stap &apos;%1&apos;, die niet bestaat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze stap kan niet weg: keuzes in %1 gaan ernaartoe. Pas die keuzes eerst aan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een gids houdt minstens één stap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is geen datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2027-12-31.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; kan geen id zijn: gebruik letters, cijfers, &apos;-&apos;, &apos;_&apos; en &apos;.&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze afbeelding is niet geldig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een regel bij &apos;Voorstellen bij&apos; heeft óf een link, óf een applicatie en venstertitel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is geen taal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die plek bestaat niet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De id van de gids kan hier niet veranderen (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De server is niet bereikbaar (%1). Uw werk blijft bewaard; probeer het zo opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw sleutel (token) wordt niet meer geaccepteerd. Meld u opnieuw aan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit account mag dit niet (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet gevonden op de server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De server weigert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stappen van de gids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML-bron van de gids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bron toepassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML-bron toepassen (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formulier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML-bron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat de controle vindt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opnieuw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap &amp;toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap &amp;dupliceren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap &amp;verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap om&amp;hoog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap om&amp;laag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap-&amp;id wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ter &amp;review aanbieden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;XML-bron tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Probeer het</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ongedaan maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opnieuw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ter review aanbieden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap verplaatsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gewijzigd: Ctrl+Enter past de bron toe op de gids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Formulier tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let op: het journaal kan niet worden geschreven (%1). Sla uw werk op.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over deze gids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nog zonder instructie)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · keuze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · overdracht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · einde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controle: niets gevonden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controle: %1 fout(en), %2 punt(en) om naar te kijken. Klik om te gaan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De bron volgt het formulier. Wijzig hem hier, dan Ctrl+Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opnieuw: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen gids geopend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe gids, nog niet op de server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisie %1 op de server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · bezig met opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · niet opgeslagen wijzigingen (veilig bewaard op deze computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · alles opgeslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap dupliceren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap omhoog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap omlaag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap-id wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De id van de stap (letters, cijfers, &apos;-&apos;, &apos;_&apos; en &apos;.&apos;). Keuzes die naar deze stap gaan, gaan mee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regel %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De bron is niet toegepast: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toegepast. Ongedaan maken kan met Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog niet opgeslagen: los eerst de fouten onder het formulier op. Uw werk is bewaard in het journaal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen als revisie %1 (concept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De server weigert de gids: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iemand anders heeft revisie %1 opgeslagen; samenvoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samenvoegen lukt niet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet samengevoegd. Uw werk blijft bewaard; opslaan kan pas na samenvoegen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samenvoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samengevoegd met revisie %1. Kijk het na en sla opnieuw op (Ctrl+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sla de gids eerst op (Ctrl+S); daarna kunt u hem ter review aanbieden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ter review aanbieden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat is er veranderd? De reviewer leest dit, en de balie ziet het als de nieuwe versie gepubliceerd is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat is er veranderd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bijvoorbeeld: stap 4 noemt nu ook de verblijfsvergunning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanbieden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisie %1 is ter review aangeboden.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>souffleur::studio::Finding</name>
    <message>
        <source>stap %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stap %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De gids heeft nog geen titel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een gids heeft minstens één stap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heeft nog geen instructie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heeft een lege regel bij controles, waarschuwingen of tips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heeft een keuze zonder tekst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heeft maar één keuze: geef een tweede, of haal de keuze weg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heeft een afbeelding zonder beschrijving (voor wie niet kan zien).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 draagt over aan een onbekende rol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 draagt over, maar zegt niet wat u tegen de burger zegt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heeft een keuze én een overdracht: houd er één.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wordt nooit bereikt: geen stap of keuze leidt erheen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De keuze &apos;%1&apos; in %2 leidt naar een stap die niet bestaat (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De keuze &apos;%1&apos; in %2 leidt terug naar dezelfde stap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 biedt de keuze &apos;%2&apos; twee keer aan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle keuzes in %1 leiden naar %2: de keuze beslist niets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is een keuze en zegt ook &apos;taak eindigt hier&apos;: de taak gaat door met de gekozen stap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De instructie van %1 is %2 tekens; houd haar onder %3 en zet de rest bij Uitleg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 draagt over aan &apos;iemand anders&apos;: zeg bij &apos;Leg vast&apos; wie en wat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De stappen %1 vormen een kring zonder uitweg: de taak kan niet eindigen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Geldig tot&apos; (%2) ligt vóór &apos;geldig vanaf&apos; (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze gids is verlopen op %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze gids geldt pas vanaf %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niemand is eigenaar van deze gids: vul een team in bij &apos;Eigenaar&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De gids verwijst naar zichzelf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De gids verwijst naar een gids die niet bestaat: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fout: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let op: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>souffleur::studio::GuideForm</name>
    <message>
        <source>Titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat de medewerker doet, bijvoorbeeld: Paspoort aanvragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eén of twee zinnen: waarvoor is deze gids?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eigenaar (team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Team Burgerzaken Balie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voor wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollen, met komma&apos;s: baliemedewerker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trefwoorden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met komma&apos;s: paspoort, identiteit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geldig vanaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JJJJ-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geldig tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taal van de gids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nederlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per regel een wet, regeling of werkinstructie; eventueel | en een adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wanneer voorstellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per regel: applicatie | venstertitel (met * en ?), of link: ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vooraf nodig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achtergrond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Samenvatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Eigenaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voor &amp;wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tre&amp;fwoorden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Geldig vanaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taa&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grondslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voo&amp;rstellen bij</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geldig tot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorstellen bij</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>souffleur::studio::LibraryPage</name>
    <message>
        <source>concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gepubliceerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingetrokken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoeken in de bibliotheek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoek op titel, team, id… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toon gidsen met status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle statussen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laatst gewijzigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gidsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De gekozen gids bewerken (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe gids…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een nieuwe gids uit het sjabloon (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dupliceren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een kopie van de gekozen gids als nieuwe gids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importeren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een gids uit een XML- of DITA-bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporteren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De gekozen gids als XML of DITA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De lijst opnieuw ophalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bibliotheek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 van %2 gidsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bibliotheek ophalen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De bibliotheek kan niet worden opgehaald: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gidsen in de bibliotheek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe gids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titel van de nieuwe gids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Paspoort aanvragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eigenaar (team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Team Burgerzaken Balie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id van de gids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Eigenaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gids importeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gidsen en DITA-taken (*.xml *.dita);;Alle bestanden (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kan niet worden gelezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet geïmporteerd: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geïmporteerd; opslaan maakt er een nieuwe revisie van.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geïmporteerd als nieuwe gids; nog niet opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gids exporteren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Souffleur-gids (*.xml);;DITA-taak (*.dita)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet geëxporteerd: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet geëxporteerd: de gids is niet te lezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kan niet worden geschreven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geëxporteerd naar %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dupliceren lukt niet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (kopie)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>souffleur::studio::MainWindow</name>
    <message>
        <source>Werkruimtes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bibliotheek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aangemeld bij %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nieuwe gids…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exporteren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;ewerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beel&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bibliotheek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoeken in de bibliotheek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sneltoetsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sneltoetsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Souffleur Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nieuw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revisie %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 (%3) — Souffleur Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewerken ●</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De wijzigingen in &apos;%1&apos; blijven bewaard; ze komen terug als u die gids opent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet-opgeslagen wijzigingen teruggezet (van %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let op: deze gids bestaat al; opslaan maakt er revisie %1 van.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gids openen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De gids kan niet worden geopend: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De gids is niet te lezen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisie %1 geopend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werk terugzetten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er zijn wijzigingen in &apos;%1&apos; die nog niet zijn opgeslagen (van %2). Terugzetten?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; heeft wijzigingen die nog niet op de server staan. Ze blijven op deze computer bewaard en komen terug bij de volgende start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eerst opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afsluiten, later verder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>souffleur::studio::MergeDialog</name>
    <message>
        <source>titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samenvatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eigenaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>korte instructie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uitleg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waarom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>controles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waarschuwingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keuze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdracht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>einde van de taak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(leeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De gids: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap &apos;%1&apos;: u hebt hem verwijderd, de ander heeft hem gewijzigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap &apos;%1&apos;: de ander heeft hem verwijderd, u hebt hem gewijzigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De volgorde van de stappen: allebei veranderd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samenvoegen met revisie %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 heeft deze gids opgeslagen terwijl u eraan werkte (revisie %2). Alles wat niet botst is al samengevoegd. Kies hieronder per punt welke tekst blijft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iemand anders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mijn versie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hun versie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mijn versie: de stap verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hun versie: de gewijzigde stap houden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mijn versie: de gewijzigde stap houden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hun versie: de stap verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allebei (mijn tekst, dan die van de ander)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samenvoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>souffleur::studio::PreviewPane</name>
    <message>
        <source>Voorbeeld zoals de balie het ziet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burger kijkt mee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorbeeld: de burger kijkt mee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zo ziet de balie de stap als de burger het scherm kan zien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taal van de balie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probeer het</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probeer de gids stap voor stap (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop de gids door zoals de balie dat doet (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorbeeld aan de balie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proberen lukt niet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proberen: stap %1 van %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afronden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volgende stap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proberen: de taak is afgerond in %1 stappen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proberen: gestopt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stoppen met proberen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>souffleur::studio::RichTextEdit</name>
    <message>
        <source>Vet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vet (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cursief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cursief (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opsomming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opsomming (Ctrl+Shift+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genummerde lijst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genummerde lijst (Ctrl+Shift+7)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>souffleur::studio::StepForm</name>
    <message>
        <source>ID-expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backoffice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Politie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teamleider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andere rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korte instructie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat de medewerker nu doet, in één zin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitleg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waarom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per regel één controle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waarschuwingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per regel: wat niet mis mag gaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per regel: wat ervaren collega&apos;s doen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grondslag van deze stap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per regel een regel of werkinstructie; eventueel | en een adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keuze toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdragen aan een andere rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aan wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat zegt u tegen de burger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat zegt u tegen de burger?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat legt u vast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat legt u vast, en waar?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe eindigt de taak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe eindigt de taak voor u?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aan &amp;wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leg vast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afloop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De taak eindigt na deze stap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instructie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uitleg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waarom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Controles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waa&amp;rschuwingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keuze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taak eindigt hier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taak gaat door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap %1 van %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keuze %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat de medewerker kiest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keuze %1 gaat naar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keuze %1 verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keuze verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van deze stap een keuze maken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
