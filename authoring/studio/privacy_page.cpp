// The privacy page (privacy_page.h).
#include "privacy_page.h"

#include "async.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace souffleur::studio {

PrivacyPage::PrivacyPage(std::shared_ptr<const ServerSession> server, QWidget* parent)
    : QDialog(parent)
    , m_text(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("privacyPage"));
    setWindowTitle(tr("Privacy: wat wordt vastgelegd?"));
    m_text->setObjectName(QStringLiteral("privacyText"));
    m_text->setOpenLinks(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(760, 640);
    fill({}, false);
    runAsync(
        this, [server] { return server->privacy(); },
        [this](SessionResult<PrivacyFacts> facts) {
            fill(facts ? *facts : PrivacyFacts{}, facts.has_value());
            Q_EMIT loaded();
        });
}

void PrivacyPage::fill(const PrivacyFacts& facts, bool known) {
    const QString months = known ? QString::number(facts.retentionMonths) : tr("(onbekend)");
    const QString people = QString::number(facts.minPeople);
    QString html;
    const auto section = [&html](const QString& title, const QString& body) {
        html += QStringLiteral("<h3>") + title.toHtmlEscaped() + QStringLiteral("</h3><p>") +
                body.toHtmlEscaped() + QStringLiteral("</p>");
    };
    html += QStringLiteral("<h2>") +
            tr("Privacy: wat Souffleur vastlegt en waarom").toHtmlEscaped() +
            QStringLiteral("</h2>");
    section(tr("Waarvoor"),
            tr("Om te leren: welke stap van een gids lastig is, waar het team vastloopt, of een "
               "verbetering werkt. Nooit om een medewerker te beoordelen. Souffleur kent geen "
               "cijfers per persoon en kan niet vertellen wie iets deed."));
    section(tr("Wat de balie vastlegt"),
            tr("Per sessie met een gids: welke stappen getoond en afgerond zijn, keuzes, een stap "
               "terug, een escalatie, met hoe lang een stap duurde, onder een willekeurig "
               "sessienummer. De server voegt het team toe, niet het account. Feedback en "
               "logboekregels zijn tekst die de medewerker zelf typt; de balie en de server "
               "weigeren tekst waarin gegevens van een burger staan (zoals een BSN of een "
               "geboortedatum). Nooit gegevens van burgers."));
    section(tr("De regel van %1").arg(people),
            tr("Elk cijfer is een optelling van teammaanden: één gids, één team, één "
               "kalendermaand. Een teammaand telt alleen mee als er minstens %1 verschillende "
               "balie-accounts achter zitten; een stap alleen als %1 accounts hem zagen. Zo kan "
               "niemand uit een klein groepje worden herleid, ook niet door twee overzichten van "
               "elkaar af te trekken. De server telt de accounts via een pseudoniem dat hij "
               "nergens naast een sessie bewaart en nooit laat zien.")
                .arg(people));
    section(tr("Wie ziet wat"),
            tr("Een teamleider ziet het bewijs, het logboek en de AAR's van het eigen team; "
               "auteurs en beoordelaars zien de cijfers van alle teams, voor de gidsen. "
               "Balie-accounts zien het logboek van het eigen team en de gedeelde lessen. Elke "
               "geweigerde toegang wordt vastgelegd in het auditlog."));
    section(tr("Hoe lang"),
            tr("Deze organisatie bewaart de vastgelegde gegevens %1 maanden. Oudere maanden "
               "worden teruggebracht tot totalen (aantallen en een verdeling van tijden) en de "
               "losse gegevens worden verwijderd, elke dag, door de server; dat staat in het "
               "auditlog. De AAR's van een team en hun acties blijven: het zijn de notulen van "
               "het team.")
                .arg(months));
    section(tr("Naar een leeromgeving (xAPI)"),
            !known ? tr("Kon niet worden opgehaald: vraag de beheerder of leergegevens naar een "
                        "leeromgeving gaan.")
            : facts.xapi
                ? tr("Aan: de server stuurt leergegevens naar de Learning Record Store van de "
                     "organisatie, altijd op naam van het team, nooit van een persoon, en van "
                     "feedback alleen de soort, nooit de tekst. Daar hoort een eigen afspraak "
                     "met de ondernemingsraad bij.")
                : tr("Uit. Alleen een beheerder kan dit aanzetten, en alleen met een eigen "
                     "afspraak met de ondernemingsraad."));
    section(tr("Meer weten"),
            tr("Het hele verhaal, met een opzet voor de DPIA en concept-afspraken met de "
               "ondernemingsraad, staat in docs/privacy.md bij Souffleur. Vragen: de "
               "functionaris gegevensbescherming van uw organisatie."));
    m_text->setHtml(html);
}

} // namespace souffleur::studio
