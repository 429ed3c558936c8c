// The AAR report (authoring/report): charts that show only what the server
// released and say their n, and one HTML document that is well-formed,
// self-contained (no script, no external reference, a strict CSP) and
// escapes whatever a team or a desk typed.
#include <souffleur/content/parser.h>
#include <souffleur/report/aar_report.h>
#include <souffleur/report/charts.h>
#include <souffleur/report/pdf.h>

#include <catch2/catch.hpp>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <filesystem>
#include <functional>
#include <string>

using namespace souffleur;
using report::Language;

namespace {

const char* kGuide = "nl.burgerzaken.identiteit-vaststellen";

content::Guide libraryGuide() {
    auto document = content::loadDocument(std::filesystem::path(SOUFFLEUR_SOURCE_DIR) /
                                          "content/library/identiteit-vaststellen.xml");
    REQUIRE(document);
    return std::get<content::Guide>(*document);
}

protocol::GuideEvidence evidence() {
    protocol::GuideEvidence e;
    e.guide = kGuide;
    e.title = "Identiteit vaststellen";
    e.sessions = protocol::SessionCounts{147, 134, 13};
    e.steps = {
        {"gezicht", 147, 25000, 38000, 0, 0, 0, {{"echtheid", 120}, {"controlevragen", 36}}},
        {"echtheid", 127, 23000, 37000, 0, 11, 4, {{"geldigheid", 124}, {"escalatie", 4}}},
        {"controlevragen", 40, 66000, 81000, 2, 0, 20, {{"echtheid", 20}, {"escalatie", 20}}}};
    e.stepsWithheld = 1;
    e.trend = {{"2026-09", protocol::SessionCounts{46, 41, 5}, 0, 4, 4},
               {"2026-10", protocol::SessionCounts{47, 45, 2}, 0, 3, 15},
               {"2026-11", std::nullopt, 0, 0, 0},
               {"2026-12", protocol::SessionCounts{8, 6, 2}, 0, 1, 0}};
    e.published = {{3, "2026-12-04", "Voorbeeldvragen"}};
    e.alerts = {{"a1", "Look-alikes", 6}, {"a2", "UV-lampen", std::nullopt}};
    e.feedback = {{"f1", std::string("controlevragen"), 3, "unclear",
                   "Welke vragen? \"><img src=x onerror=alert(1)>", std::nullopt, "new",
                   "Balie Noord", "2026-11-02"}};
    return e;
}

// Every element of the document, depth first.
void walk(xmlNode* node, const std::function<void(xmlNode*)>& visit) {
    for (; node; node = node->next) {
        if (node->type == XML_ELEMENT_NODE)
            visit(node);
        walk(node->children, visit);
    }
}

} // namespace

TEST_CASE("The charts show the released figures, each with its n and its meaning in words",
          "[report]") {
    const auto labels = report::GuideLabels::of(libraryGuide());
    const auto charts = report::guideCharts(evidence(), labels, Language::Dutch);
    REQUIRE(charts.size() == 6);
    for (const auto& chart : charts) {
        INFO(chart.id);
        const bool saysN = chart.n.starts_with("n = ") || chart.n.starts_with("per stap");
        CHECK(saysN);
        CHECK_FALSE(chart.description.empty());
        CHECK(chart.height > 0);
        const auto svg = report::toSvg(chart);
        CHECK(svg.find("<title") != std::string::npos);
        CHECK(svg.find("role=\"img\"") != std::string::npos);
    }
    const auto svgOf = [&](const std::string& id) {
        for (const auto& chart : charts)
            if (chart.id == id)
                return report::toSvg(chart);
        return std::string();
    };
    // The funnel: steps by their number and id, the share of the sessions started.
    CHECK(svgOf("funnel").find("1 · gezicht") != std::string::npos);
    CHECK(svgOf("funnel").find("127 (86%)") != std::string::npos);
    CHECK(svgOf("funnel").find("1 stap(pen) niet getoond") != std::string::npos);
    CHECK(svgOf("time").find("25 s · p90 38 s") != std::string::npos);
    CHECK(svgOf("time").find("1 min 06 s") != std::string::npos);
    CHECK(svgOf("problems").find("20 escalaties") != std::string::npos);
    // Decisions by the option's own words.
    CHECK(svgOf("decisions").find("Ik twijfel") != std::string::npos);
    CHECK(svgOf("alerts").find("minder dan 5 balies") != std::string::npos);
    // The trend marks the revision and leaves the withheld month open.
    CHECK(svgOf("trend").find("rev. 3 (04-12)") != std::string::npos);
    CHECK(svgOf("trend").find(">–<") != std::string::npos);
    const auto english = report::guideCharts(evidence(), labels, Language::English);
    CHECK(report::toSvg(english[0]).find("started") != std::string::npos);

    SECTION("nothing released: the charts say so") {
        protocol::GuideEvidence withheld;
        withheld.guide = kGuide;
        withheld.cellsWithheld = 2;
        for (const auto& chart : report::guideCharts(withheld, labels, Language::Dutch)) {
            INFO(chart.id);
            const auto svg = report::toSvg(chart);
            const bool saysWhy = svg.find("Geen cijfers") != std::string::npos ||
                                 svg.find("Geen meldingen") != std::string::npos;
            CHECK(saysWhy);
        }
    }
}

TEST_CASE("The AAR report is one well-formed, self-contained HTML document", "[report]") {
    report::ReportInput input;
    protocol::Aar aar;
    aar.id = "aar-1";
    aar.team = "Balie Noord";
    aar.title = "Twijfel bij het gezicht";
    aar.at = "2026-12-04";
    aar.from = "2026-10";
    aar.to = "2026-11";
    aar.guides = {kGuide};
    aar.expected = "Controlevragen, dan afronden.";
    aar.happened = "Meer escalaties.\nVooral op vrijdag.";
    aar.why = "<script>alert('x')</script> & meer";
    aar.state = "final";
    aar.lesson = "Concrete vragen helpen.";
    aar.shared = true;
    protocol::AarAction action;
    action.aarId = "aar-1";
    action.text = "Drie voorbeeldvragen toevoegen";
    action.owner = "Redactie";
    action.due = "2026-12-20";
    action.guide = kGuide;
    action.step = "controlevragen";
    action.state = "open";
    action.feedbackId = "action-aar-1-0";
    action.inboxStatus = "applied";
    action.inboxRevision = 4;
    aar.actions = {action};
    input.aar = aar;
    input.evidence.team = "Balie Noord";
    input.evidence.from = "2026-10";
    input.evidence.to = "2026-11";
    input.evidence.guides = {evidence()};
    protocol::AarAction carried = action;
    carried.aarId = "aar-0";
    carried.aarTitle = "Vorige keer";
    carried.aarAt = "2026-10-05";
    carried.text = "Inwerkmap bijwerken";
    carried.guide.reset();
    carried.feedbackId.reset();
    carried.inboxStatus.reset();
    input.evidence.openActions = {carried};
    input.evidence.logbook = {{"l1", "Balie Noord", "2026-11-03T10:00:00Z", "UV-lamp zwak", kGuide,
                               std::string("echtheid"), "2026-11-03"}};
    input.labels[kGuide] = report::GuideLabels::of(libraryGuide());
    input.generatedAt = "2026-12-04 10:00";

    const auto html = report::reportHtml(input);
    xmlDoc* doc = xmlReadMemory(html.data(), static_cast<int>(html.size()), "report.html", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    REQUIRE(doc != nullptr); // well-formed
    int figures = 0;
    bool csp = false;
    walk(xmlDocGetRootElement(doc), [&](xmlNode* node) {
        const std::string name = reinterpret_cast<const char*>(node->name);
        INFO(name);
        CHECK(name != "script");
        CHECK(name != "iframe");
        CHECK(name != "object");
        CHECK(name != "embed");
        CHECK(name != "link");
        CHECK(name != "img");
        if (name == "figure")
            ++figures;
        for (xmlAttr* attribute = node->properties; attribute; attribute = attribute->next) {
            const std::string key = reinterpret_cast<const char*>(attribute->name);
            xmlChar* value = xmlNodeListGetString(doc, attribute->children, 1);
            const std::string text = value ? reinterpret_cast<const char*>(value) : "";
            xmlFree(value);
            INFO(key << "=" << text);
            CHECK_FALSE(key.starts_with("on"));
            if (key == "src" || key == "href")
                FAIL("a reference: " + text);
            CHECK(text.find("url(") == std::string::npos);
            if (key == "http-equiv" && text == "Content-Security-Policy")
                csp = true;
        }
    });
    xmlFreeDoc(doc);
    CHECK(csp);
    CHECK(figures == 6);
    CHECK(html.find("default-src 'none'") != std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)") == std::string::npos); // not double
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
    CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.find("Wat had er moeten gebeuren?") != std::string::npos);
    CHECK(html.find("verwerkt in de gids (revisie 4)") != std::string::npos);
    CHECK(html.find("Open acties van eerdere AAR") != std::string::npos);
    CHECK(html.find("Inwerkmap bijwerken") != std::string::npos);
    CHECK(html.find("UV-lamp zwak") != std::string::npos);
    CHECK(html.find("minstens 5 verschillende balies") != std::string::npos);
    CHECK(html.find("okt 26 – nov 26") != std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
}

TEST_CASE("The AAR report as PDF: well-formed, every object where the xref says, no action",
          "[report][pdf]") {
    report::ReportInput input;
    protocol::Aar aar;
    aar.id = "aar-1";
    aar.team = "Balie Noord";
    aar.title = "Twijfel bij het gezicht (één keer) \\ met haakjes";
    aar.at = "2026-12-04";
    aar.from = "2026-11";
    aar.to = "2026-11";
    aar.happened = "Meer escalaties → vooral op vrijdag; leges € \xE2\x82 kapot \x80.";
    aar.state = "final";
    input.aar = aar;
    input.evidence.team = "Balie Noord";
    input.evidence.guides = {evidence()};
    input.labels[kGuide] = report::GuideLabels::of(libraryGuide());
    const std::string pdf = report::reportPdf(input);
    REQUIRE(pdf.starts_with("%PDF-1.4\n"));
    REQUIRE(pdf.ends_with("%%EOF\n"));
    // The cross-reference table points at each object.
    const auto startxref = pdf.rfind("startxref\n");
    REQUIRE(startxref != std::string::npos);
    const auto xref = std::stoul(pdf.substr(startxref + 10));
    REQUIRE(pdf.compare(xref, 5, "xref\n") == 0);
    std::size_t line = pdf.find('\n', xref + 5) + 1; // after "0 N"
    const auto count = std::stoul(pdf.substr(pdf.find(' ', xref) + 1));
    line += 20; // the free entry
    for (std::size_t object = 1; object < count; ++object, line += 20) {
        const auto offset = std::stoul(pdf.substr(line, 10));
        INFO("object " << object);
        CHECK(pdf.compare(offset, std::to_string(object).size() + 6,
                          std::to_string(object) + " 0 obj") == 0);
    }
    // Pages, the two standard fonts, the texts in Windows-1252, brackets escaped.
    CHECK(pdf.find("/Type /Page ") != std::string::npos);
    CHECK(pdf.find("/BaseFont /Helvetica-Bold") != std::string::npos);
    CHECK(pdf.find("(Twijfel bij het gezicht \\(\xE9\xE9n keer\\) \\\\ met haakjes)") !=
          std::string::npos);
    // Broken UTF-8 becomes '?', the euro sign Windows-1252's.
    CHECK(pdf.find("Meer escalaties -> vooral op vrijdag; leges \x80 ?? kapot ?.") !=
          std::string::npos);
    CHECK(pdf.find("Sessies door de stappen") != std::string::npos);
    CHECK(pdf.find(" re f") != std::string::npos); // the charts' bars
    for (const char* action : {"/URI", "/Launch", "/JavaScript", "/JS", "/OpenAction", "/AA"})
        CHECK(pdf.find(action) == std::string::npos);
    const auto pages = std::stoul(pdf.substr(pdf.find("/Count ") + 7));
    CHECK(pages >= 2);
}
