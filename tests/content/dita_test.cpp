// DITA task import and export: real-world task topics (the DITA Open Toolkit's
// own documentation, /work/shared/conformance) become valid guides with every
// step kept; hostile DOCTYPEs are refused; unresolvable references become
// warnings; guides survive export and import with their steps.
#include <souffleur/content/dita.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/render.h>
#include <souffleur/content/writer.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace souffleur::content;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::size_t countOf(std::string_view text, std::string_view needle) {
    std::size_t count = 0;
    for (auto pos = text.find(needle); pos != std::string_view::npos;
         pos = text.find(needle, pos + needle.size()))
        ++count;
    return count;
}

// <step> elements, not <steps>, <stepxmp> or <stepresult>.
std::size_t countSteps(std::string_view xml) {
    return countOf(xml, "<step>") + countOf(xml, "<step ");
}

bool anyMessage(const Diagnostics& diagnostics, std::string_view part) {
    return std::ranges::any_of(diagnostics, [&](const Diagnostic& d) {
        return d.message.find(part) != std::string::npos;
    });
}

// The guide written canonically and parsed again, with the parser's complaints shown.
Guide reparse(const Guide& guide) {
    auto again = parseGuide(writeGuide(guide), "reparsed.xml");
    if (!again) {
        for (const auto& d : again.error())
            UNSCOPED_INFO(d.toString());
    }
    REQUIRE(again.has_value());
    return *again;
}

ImportResult importOk(std::string_view xml, std::string_view file = "test.dita") {
    auto result = importDitaTask(xml, file);
    if (!result) {
        for (const auto& d : result.error())
            UNSCOPED_INFO(d.toString());
    }
    REQUIRE(result.has_value());
    return *result;
}

std::string task(std::string_view body, std::string_view attributes = " id=\"t\"") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<!DOCTYPE task PUBLIC \"-//OASIS//DTD DITA Task//EN\" \"task.dtd\">\n"
           "<task" +
           std::string(attributes) + "><title>T</title><taskbody>" + std::string(body) +
           "</taskbody></task>\n";
}

} // namespace

TEST_CASE("Every DITA-OT task topic imports with all its steps", "[content][dita][conformance]") {
    const std::filesystem::path dir = SOUFFLEUR_SOURCE_DIR "/../shared/conformance/dita-ot-docs";
    if (!std::filesystem::is_directory(dir)) {
        WARN("conformance data not found at " << dir.string() << "; skipped");
        return;
    }
    int files = 0;
    std::size_t steps = 0;
    std::size_t warnings = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".dita")
            continue;
        INFO(entry.path().filename().string());
        const std::string xml = readFile(entry.path());
        const ImportResult result = importOk(xml, entry.path().string());
        // A guide needs a step: a task without any gets one made from its title.
        const std::size_t expected = std::max<std::size_t>(countSteps(xml), 1);
        CHECK(result.guide.steps.size() == expected);
        CHECK(result.guide.id.starts_with("dita."));
        CHECK_FALSE(result.guide.title.empty());
        for (const auto& warning : result.warnings) {
            CHECK(warning.severity == Severity::Warning);
            CHECK(warning.line > 0);
        }
        const Guide again = reparse(result.guide);
        REQUIRE(again.steps.size() == result.guide.steps.size());
        for (std::size_t i = 0; i < again.steps.size(); ++i) {
            CHECK(again.steps[i].id == result.guide.steps[i].id);
            CHECK(again.steps[i].glance == result.guide.steps[i].glance);
            CHECK(again.steps[i].options.empty());
        }
        ++files;
        steps += result.guide.steps.size();
        warnings += result.warnings.size();
    }
    CHECK(files > 0);
    WARN("DITA conformance: " << files << " files, " << steps << " steps, " << warnings
                              << " warnings");
}

TEST_CASE("A DITA task maps onto the guide model", "[content][dita]") {
    const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE task PUBLIC "-//OASIS//DTD DITA Task//EN" "task.dtd">
<task id="paspoort aanvragen!" xml:lang="nl">
  <title>Een <uicontrol>paspoort</uicontrol>
     aanvragen</title>
  <shortdesc>Wat de <b>taak</b> is.</shortdesc>
  <prolog><metadata><keywords><keyword>reisdocument</keyword><indexterm>x</indexterm></keywords></metadata></prolog>
  <taskbody>
    <prereq><p>De burger is aanwezig.</p></prereq>
    <context><p>Achtergrond.</p><ul><li>een</li><li>twee</li></ul></context>
    <steps>
      <step id="start">
        <cmd>Open <filepath>C:\dossier</filepath> met <cmdname>dossier</cmdname>.</cmd>
        <info><p>Eerste.</p><codeblock>a   b</codeblock><indexterm>weg</indexterm></info>
        <info>Tweede.<draft-comment>niet tonen</draft-comment></info>
        <stepxmp>Zo doet u dat.</stepxmp>
        <stepresult>Het dossier is open.</stepresult>
      </step>
      <step id="start">
        <note type="caution">Niet vergeten.</note>
        <cmd>Controleer de gegevens:</cmd>
        <substeps>
          <substep><cmd>Naam</cmd></substep>
          <substep><cmd>Geboortedatum</cmd><info>Zoals in de BRP.</info></substep>
        </substeps>
        <info><note type="tip">Lees hardop voor.</note><note type="danger">Nooit kopieren.</note>
          <note>Gewone notitie.</note></info>
      </step>
      <step>
        <cmd>Kies de route.</cmd>
        <choices><choice>Balie</choice><choice>Post</choice></choices>
      </step>
      <step>
        <cmd>Kies het platform.</cmd>
        <choicetable><chhead><choptionhd>A</choptionhd><chdeschd>B</chdeschd></chhead>
          <chrow><choption>Linux</choption><chdesc>export X</chdesc></chrow>
          <chrow><choption>Windows</choption><chdesc>set X</chdesc></chrow>
        </choicetable>
      </step>
    </steps>
    <result>Klaar.</result>
    <example><p>Een voorbeeld.</p></example>
    <postreq>Archiveer het dossier.</postreq>
  </taskbody>
</task>
)";
    const ImportResult result = importOk(xml);
    const Guide& guide = result.guide;
    CHECK(guide.id == "dita.paspoort-aanvragen-");
    CHECK(guide.revision == 1);
    CHECK(guide.language == "nl");
    CHECK(guide.title == "Een paspoort aanvragen");
    CHECK(guide.summary == "Wat de taak is.");
    CHECK(guide.tags == std::vector<std::string>{"reisdocument"});
    CHECK(guide.prerequisites.plainText() == "De burger is aanwezig.");
    CHECK(guide.context.plainText() == "Achtergrond.\n\n• een\n• twee\n\nEen voorbeeld.");
    CHECK(guide.result.plainText() == "Klaar.\n\nArchiveer het dossier.");
    REQUIRE(guide.steps.size() == 4);

    const Step& first = guide.steps[0];
    CHECK(first.id == "start");
    CHECK(first.glance == "Open C:\\dossier met dossier.");
    CHECK(first.details.plainText() == "Eerste.\n\na b\n\nTweede.\n\nHet dossier is open.");
    CHECK(first.tips == std::vector<std::string>{"Voorbeeld: Zo doet u dat."});
    CHECK_FALSE(first.ends);

    const Step& second = guide.steps[1];
    CHECK(second.id == "s2"); // "start" is taken
    CHECK(second.glance == "Controleer de gegevens:");
    CHECK(second.checks == std::vector<std::string>{"1. Naam", "2. Geboortedatum"});
    CHECK(second.details.plainText() == "2. Zoals in de BRP.");
    CHECK(second.warnings == std::vector<std::string>{"Niet vergeten.", "Nooit kopieren."});
    CHECK(second.tips == std::vector<std::string>{"Lees hardop voor.", "Gewone notitie."});

    CHECK(guide.steps[2].checks == std::vector<std::string>{"Balie", "Post"});
    CHECK(guide.steps[2].options.empty());
    CHECK(guide.steps[3].details.plainText() == "Linux: export X\nWindows: set X");
    CHECK(anyMessage(result.warnings, "branching was not inferred"));
    CHECK(anyMessage(result.warnings, "draft comment"));
    CHECK_FALSE(guide.steps.back().ends);

    const Guide again = reparse(guide);
    CHECK(again.steps.size() == 4);
    CHECK(again.title == guide.title);
}

TEST_CASE("DITA defaults: English, id from the file name, examples", "[content][dita]") {
    const ImportResult result =
        importOk("<task><title>X</title><taskbody><steps><step><cmd>Do it</cmd><stepxmp>Like "
                 "this</stepxmp></step></steps></taskbody></task>",
                 "some/dir/My Task.dita");
    CHECK(result.guide.id == "dita.My-Task");
    CHECK(result.guide.language == "en");
    CHECK(result.guide.steps.at(0).id == "s1");
    CHECK(result.guide.steps.at(0).tips == std::vector<std::string>{"Example: Like this"});
    CHECK(anyMessage(result.warnings, "no id"));
}

TEST_CASE("A DOCTYPE with an internal subset (billion laughs) is refused quickly",
          "[content][dita][security]") {
    std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE task [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i < 10; ++i) {
        xml += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int j = 0; j < 10; ++j)
            xml += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        xml += "\">\n";
    }
    xml += "]>\n<task id=\"t\"><title>&lol9;</title><taskbody><steps><step><cmd>&lol9;</cmd>"
           "</step></steps></taskbody></task>\n";
    const auto start = std::chrono::steady_clock::now();
    const auto result = importDitaTask(xml, "laughs.dita");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed < std::chrono::seconds(1));
    REQUIRE_FALSE(result.has_value());
    const Diagnostic& error = result.error().front();
    CHECK(error.severity == Severity::Error);
    CHECK(error.toString().starts_with("laughs.dita:2:16: error:"));
    CHECK(error.message.find("internal subset") != std::string::npos);
}

TEST_CASE("External entities are refused and never read", "[content][dita][security]") {
    SECTION("general entity in an internal subset") {
        const auto result =
            importDitaTask("<!DOCTYPE task [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                           "<task id=\"t\"><title>&xxe;</title><taskbody/></task>",
                           "xxe.dita");
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().front().line == 1);
        CHECK(result.error().front().message.find("internal subset") != std::string::npos);
    }
    SECTION("parameter entity, with a comment and a '>' in a quoted system id first") {
        const auto result = importDitaTask(
            "<?xml version=\"1.0\"?><!-- a <!DOCTYPE in a comment -->\n"
            "<!DOCTYPE task SYSTEM \"a>b.dtd\" [<!ENTITY % p SYSTEM \"http://evil.example/x\"> "
            "%p;]>\n<task id=\"t\"><title>T</title></task>",
            "pe.dita");
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().front().line == 2);
    }
    SECTION("an external DTD is named but never loaded; undeclared entities are warnings") {
        const auto result = importDitaTask(
            "<!DOCTYPE task SYSTEM \"http://evil.example/task.dtd\">\n"
            "<task id=\"t\"><title>T</title><taskbody><steps><step><cmd>A&nbsp;B &secret;</cmd>"
            "</step></steps></taskbody></task>",
            "ext.dita");
        REQUIRE(result.has_value());
        CHECK(result->guide.steps.at(0).glance == "AB");
        CHECK(anyMessage(result->warnings, "nbsp"));
        CHECK(anyMessage(result->warnings, "secret"));
        reparse(result->guide);
    }
    SECTION("an undeclared entity without a DOCTYPE is a located error") {
        const auto result =
            importDitaTask("<task id=\"t\"><title>&x;</title></task>", "noent.dita");
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().front().toString().starts_with("noent.dita:1:"));
    }
}

TEST_CASE("Malformed, oversized and non-task input is refused", "[content][dita]") {
    auto malformed = importDitaTask("<task id=\"t\">\n<title>x</task>", "bad.dita");
    REQUIRE_FALSE(malformed.has_value());
    CHECK(malformed.error().front().line == 2);

    std::string huge = task("<steps><step><cmd>x</cmd></step></steps>");
    huge.append(kMaxGuideBytes, ' ');
    CHECK_FALSE(importDitaTask(huge, "huge.dita").has_value());

    auto notTask = importDitaTask("<concept id=\"c\"><title>C</title></concept>", "c.dita");
    REQUIRE_FALSE(notTask.has_value());
    CHECK(notTask.error().front().message.find("not a DITA task") != std::string::npos);
}

TEST_CASE("Unresolved conrefs and keyrefs are warnings with a location", "[content][dita]") {
    const std::string xml = task(R"(<context><p conref="shared.dita#t/p"/><p>Eigen.</p></context>
<steps>
<step><cmd><ph conkeyref="conref-task/download-ot"/></cmd></step>
<step><cmd conref="x.dita#t/cmd"/></step>
<step><cmd>Zie <xref keyref="site"/> en <xref href="https://example.org/a"/>.</cmd></step>
<step><cmd>Kopieer</cmd><stepxmp><codeblock><coderef href="../x.txt"/></codeblock></stepxmp></step>
<step id="vijf"><cmd>Herhaal stap <xref href="#./vijf"/> of <xref href="other.dita#o/x"/>.</cmd></step>
</steps>)");
    const ImportResult result = importOk(xml);
    REQUIRE(result.guide.steps.size() == 5);
    CHECK(result.guide.context.plainText() == "Eigen.");
    CHECK(result.guide.steps[0].glance == "(inhoud via conkeyref: conref-task/download-ot)");
    CHECK(result.guide.steps[1].glance == "(inhoud via conref: x.dita#t/cmd)");
    CHECK(result.guide.steps[2].glance == "Zie en https://example.org/a.");
    CHECK(result.guide.steps[3].tips.empty());
    CHECK(result.guide.steps[4].glance == "Herhaal stap 5 of ."); // a step of this task: its number
    for (const auto& w : result.warnings)
        CHECK(w.line >= 3);
    const auto conref = std::ranges::find_if(result.warnings, [](const Diagnostic& d) {
        return d.message == "conref to shared.dita#t/p not resolved; content left out";
    });
    REQUIRE(conref != result.warnings.end());
    CHECK(conref->toString() == "test.dita:3: warning: conref to shared.dita#t/p not "
                                "resolved; content left out");
    CHECK(anyMessage(result.warnings, "keyref to site not resolved; content left out"));
    CHECK(anyMessage(result.warnings, "link to other.dita#o/x has no text of its own"));
    CHECK(anyMessage(result.warnings, "coderef to ../x.txt not resolved"));
    reparse(result.guide);
}

TEST_CASE("Empty commands and informal steps still make valid steps", "[content][dita]") {
    const ImportResult empty = importOk(task("<steps><step><cmd> </cmd></step></steps>"));
    CHECK(empty.guide.steps.at(0).glance == "(empty step)");
    CHECK(anyMessage(empty.warnings, "empty"));

    const ImportResult informal =
        importOk(task("<steps-informal><p>Bel de klant.</p><p>Noteer het.</p></steps-informal>"));
    REQUIRE(informal.guide.steps.size() == 1);
    CHECK(informal.guide.steps[0].glance == "Bel de klant.");
    CHECK(informal.guide.steps[0].details.plainText() == "Noteer het.");

    const ImportResult none = importOk(task("<context><p>Alleen context.</p></context>"));
    REQUIRE(none.guide.steps.size() == 1);
    CHECK(none.guide.steps[0].glance == "T");
    reparse(none.guide);
}

TEST_CASE("Hostile text in a DITA command stays text", "[content][dita][security]") {
    const ImportResult result = importOk(task(
        "<steps><step><cmd>&lt;script>alert(1)&lt;/script> <b>vet</b> "
        "<script xmlns=\"http://www.w3.org/1999/xhtml\">evil()</script></cmd></step></steps>"));
    const Step& step = result.guide.steps.at(0);
    CHECK(step.glance == "<script>alert(1)</script> vet evil()");
    const std::string written = writeGuide(result.guide);
    CHECK(written.find("<script>") == std::string::npos);
    const Guide again = reparse(result.guide);
    CHECK(again.steps.at(0).glance == step.glance);
    const std::string page = renderStep(again, again.steps.at(0));
    CHECK(page.find("<script>alert") == std::string::npos);
    const std::string exported = exportDitaTask(again);
    CHECK(exported.find("<script>") == std::string::npos);
    CHECK(exported.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("Rich text exports to well-formed DITA", "[content][dita][rich]") {
    Guide guide;
    guide.id = "t.rich";
    guide.title = "Rijk";
    guide.context = *RichText::fromHtml("<p>Een <em>a<br>b</em> en x<a href=guide:g>c<br>d</a>y"
                                        "<br>nieuw</p><ul><li>een<br>twee</li></ul>");
    guide.steps.push_back(
        {.id = "s1", .glance = "G", .why = *RichText::fromHtml("<p>Eerst</p><p>dan</p>")});
    const std::string xml = exportDitaTask(guide);
    INFO(xml);
    CHECK(xml.find("<p>Een <i>a b</i> en x<xref keyref=\"g\">c d</xref>y</p>") !=
          std::string::npos);
    CHECK(xml.find("<p>nieuw</p>") != std::string::npos);
    CHECK(xml.find("<li>een twee</li>") != std::string::npos);
    CHECK(xml.find("<p><b>Waarom:</b> Eerst</p>") != std::string::npos);
    const ImportResult back = importOk(xml, "rich.dita");
    CHECK(back.guide.steps.at(0).details.plainText() == "Waarom: Eerst\n\ndan");
}

TEST_CASE("Export writes a DITA task that imports back", "[content][dita]") {
    Guide guide;
    guide.id = "nl.test.alles";
    guide.language = "nl";
    guide.title = "Alles & meer";
    guide.summary = "Samenvatting";
    guide.tags = {"een"};
    guide.prerequisites = RichText::fromPlainText("Voor");
    guide.context = RichText::fromPlainText("Achter");
    guide.result = RichText::fromPlainText("Klaar");
    guide.steps = {
        {.id = "kijk",
         .glance = "Kijk <goed>",
         .details = RichText::fromPlainText("Uitleg"),
         .why = RichText::fromPlainText("Daarom"),
         .checks = {"oren", "kin"},
         .warnings = {"Pas op"},
         .tips = {"Tip"},
         .options = {{"Ja", "klaar"}, {"Twijfel", "hulp"}}},
        {.id = "hulp",
         .glance = "Vraag hulp",
         .escalation = Escalation{"id-expert", "\"Even kijken\"", "Wat u zag", "Overgenomen"},
         .ends = true},
        {.id = "klaar", .glance = "Rond af"},
    };
    const std::string xml = exportDitaTask(guide);
    CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE task PUBLIC "
                          "\"-//OASIS//DTD DITA Task//EN\" \"task.dtd\">\n"
                          "<task id=\"nl_test_alles\" xml:lang=\"nl\">"));
    CHECK(xml.find("<title>Alles &amp; meer</title>") != std::string::npos);
    CHECK(xml.find("<cmd>Kijk &lt;goed&gt;</cmd>") != std::string::npos);
    CHECK(xml.find("<p><b>Waarom:</b> Daarom</p>") != std::string::npos);
    CHECK(xml.find("<li>oren</li>") != std::string::npos);
    CHECK(xml.find("<note type=\"caution\">Pas op</note>") != std::string::npos);
    CHECK(xml.find("<note type=\"tip\">Tip</note>") != std::string::npos);
    CHECK(xml.find("<choice>Twijfel \xE2\x86\x92 hulp</choice>") != std::string::npos);
    CHECK(xml.find("<note type=\"important\">") != std::string::npos);
    CHECK(xml.find("<p>Zeg: \"Even kijken\"</p>") != std::string::npos);

    const ImportResult back = importOk(xml, "export.dita");
    CHECK(back.warnings.empty());
    CHECK(back.guide.id == "dita.nl_test_alles");
    CHECK(back.guide.language == "nl");
    CHECK(back.guide.title == guide.title);
    CHECK(back.guide.summary == guide.summary);
    CHECK(back.guide.tags == guide.tags);
    CHECK(back.guide.prerequisites == guide.prerequisites);
    CHECK(back.guide.context == guide.context);
    CHECK(back.guide.result == guide.result);
    REQUIRE(back.guide.steps.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(back.guide.steps[i].id == guide.steps[i].id);
        CHECK(back.guide.steps[i].glance == guide.steps[i].glance);
    }
    CHECK(back.guide.steps[0].warnings == guide.steps[0].warnings);
    CHECK(back.guide.steps[0].tips == guide.steps[0].tips);
    CHECK(back.guide.steps[1].warnings == std::vector<std::string>{"Escaleer naar: id-expert"});
    reparse(back.guide);
}

TEST_CASE("Library guides survive export and import", "[content][dita][library]") {
    const std::filesystem::path library = SOUFFLEUR_SOURCE_DIR "/content/library";
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(library)) {
        if (entry.path().extension() != ".xml")
            continue;
        INFO(entry.path().filename().string());
        auto guide = loadGuide(entry.path());
        REQUIRE(guide.has_value());
        const ImportResult back = importOk(exportDitaTask(*guide), "library.dita");
        REQUIRE(back.guide.steps.size() == guide->steps.size());
        for (std::size_t i = 0; i < guide->steps.size(); ++i) {
            CHECK(back.guide.steps[i].id == guide->steps[i].id);
            // A step that shows a block has no text of its own to export.
            if (guide->steps[i].block.empty())
                CHECK(back.guide.steps[i].glance == guide->steps[i].glance);
        }
        CHECK(back.guide.title == guide->title);
        CHECK(back.guide.language == guide->language);
        reparse(back.guide);
        ++count;
    }
    CHECK(count >= 3);
}
