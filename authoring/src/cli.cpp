// The subcommands of `souffleur`; see cli.h for the synopsis. run() looks
// the command up in the table at the end (commands()), which the usage text
// is made from too.
#include <souffleur/authoring/cli.h>
#include <souffleur/content/diff.h>
#include <souffleur/content/dita.h>
#include <souffleur/content/lint.h>
#include <souffleur/content/parser.h>
#include <souffleur/content/readability.h>
#include <souffleur/content/render.h>
#include <souffleur/content/writer.h>
#include <souffleur/net/http.h>
#include <souffleur/protocol/aar.h>
#include <souffleur/protocol/diff_json.h>
#include <souffleur/report/aar_report.h>
#include <souffleur/report/pdf.h>
#include <souffleur/version.h>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <string_view>
#include <variant>
#include <vector>

namespace souffleur::authoring {
namespace {

namespace json = boost::json;

// The usage text around the commands, which come from the table (kCommands).
constexpr std::string_view kUsageHead = R"(Usage: souffleur COMMAND [OPTIONS]

Write, check and publish Souffleur guides, and read what the desks report.

Commands:
)";
constexpr std::string_view kServerHeading =
    "Working with the server (the guide's lifecycle: save -> submit -> approve):\n";
constexpr std::string_view kUsageTail = R"(
Options for the server commands:
  --server URL              The server, e.g. https://souffleur.gemeente.example or
                            http://127.0.0.1:8470 (or $SOUFFLEUR_SERVER)
  --ca-file FILE            Over https, trust only the authorities in this PEM file
                            rather than the system's (or $SOUFFLEUR_CA_FILE)
  --token TOKEN             Your token (or $SOUFFLEUR_TOKEN)
  --json                    Print the server's JSON as it is

  -h, --help                Show this help
  --version                 Show the version

Exit status: 0 success, 1 content or server errors, 2 usage errors.
)";

// Options and positional arguments of one subcommand.
struct Arguments {
    std::map<std::string, std::string> options;
    std::vector<std::string> flags;
    std::vector<std::string> files;
};

std::optional<Arguments> parseArguments(std::span<const std::string> args,
                                        const std::vector<std::string_view>& valueOptions,
                                        const std::vector<std::string_view>& flagOptions,
                                        std::ostream& err) {
    Arguments out;
    // Every server command also takes the authorities to trust over https.
    const bool serverCommand = std::ranges::find(valueOptions, "--server") != valueOptions.end();
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (std::ranges::find(valueOptions, arg) != valueOptions.end() ||
            (serverCommand && arg == "--ca-file")) {
            if (i + 1 >= args.size()) {
                err << "souffleur: " << arg << " needs a value\n";
                return std::nullopt;
            }
            out.options[arg] = args[++i];
        } else if (std::ranges::find(flagOptions, arg) != flagOptions.end()) {
            out.flags.push_back(arg);
        } else if (arg.starts_with("-")) {
            err << "souffleur: unknown option " << arg << "\n";
            return std::nullopt;
        } else {
            out.files.push_back(arg);
        }
    }
    return out;
}

std::string optionOrEnv(const Arguments& args, const std::string& option, const char* env) {
    if (auto it = args.options.find(option); it != args.options.end())
        return it->second;
    const char* value = std::getenv(env);
    return value ? value : "";
}

void printDiagnostics(const content::Diagnostics& diagnostics, std::ostream& err) {
    for (const auto& diagnostic : diagnostics)
        err << diagnostic.toString() << "\n";
}

int validate(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {}, {}, err);
    if (!args)
        return kExitUsage;
    if (args->files.empty()) {
        err << "souffleur validate: name at least one guide file\n";
        return kExitUsage;
    }
    int status = kExitOk;
    for (const auto& file : args->files) {
        auto document = content::loadDocument(file);
        if (!document) {
            printDiagnostics(document.error(), err);
            status = kExitContentError;
        } else if (const auto* guide = std::get_if<content::Guide>(&*document)) {
            out << file << ": ok (guide " << guide->id << ", revision " << guide->revision << ", "
                << guide->steps.size() << " steps)\n";
        } else {
            const auto& alert = std::get<content::Alert>(*document);
            out << file << ": ok (alert " << alert.id << ", revision " << alert.revision << ", "
                << content::levelName(alert.level) << ")\n";
        }
    }
    return status;
}

std::string canonical(const content::Document& document) {
    if (const auto* guide = std::get_if<content::Guide>(&document))
        return content::writeGuide(*guide);
    return content::writeAlert(std::get<content::Alert>(document));
}

std::optional<std::string> readText(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Writes `text` to `file` through a temporary file and a rename, so a crash
// never leaves half a guide behind.
bool writeAtomically(const std::string& file, const std::string& text) {
    const std::string temporary = file + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out)
            return false;
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    return !ec;
}

int fmt(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {}, {"--check", "--stdout"}, err);
    if (!args)
        return kExitUsage;
    if (args->files.empty() || args->flags.size() > 1) {
        err << "souffleur fmt: name files, with at most one of --check and --stdout\n";
        return kExitUsage;
    }
    const std::string mode = args->flags.empty() ? "" : args->flags.front();
    int status = kExitOk;
    for (const auto& file : args->files) {
        auto document = content::loadDocument(file);
        if (!document) {
            printDiagnostics(document.error(), err);
            status = kExitContentError;
            continue;
        }
        const std::string text = canonical(*document);
        if (mode == "--stdout") {
            out << text;
        } else if (readText(file) != text) {
            if (mode == "--check") {
                err << file << ": not in canonical form (run souffleur fmt " << file << ")\n";
                status = kExitContentError;
            } else if (!writeAtomically(file, text)) {
                err << file << ": cannot write\n";
                status = kExitContentError;
            } else {
                out << file << ": formatted\n";
            }
        }
    }
    return status;
}

// The alerts in DIR (every *.xml file), in file name order.
std::expected<std::vector<content::Alert>, std::string> loadAlerts(const std::string& dir) {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
        if (entry.path().extension() == ".xml")
            files.push_back(entry.path());
    if (error)
        return std::unexpected("cannot read " + dir + ": " + error.message());
    std::ranges::sort(files);
    std::vector<content::Alert> alerts;
    for (const auto& file : files) {
        auto document = content::loadDocument(file);
        if (!document)
            return std::unexpected(document.error().empty() ? file.string()
                                                            : document.error().front().toString());
        if (auto* alert = std::get_if<content::Alert>(&*document))
            alerts.push_back(std::move(*alert));
    }
    return alerts;
}

int render(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {"-o", "--lang", "--step", "--alerts"}, {}, err);
    if (!args)
        return kExitUsage;
    const auto output = args->options.find("-o");
    const auto lang = args->options.find("--lang");
    const bool english = lang != args->options.end() && lang->second == "en";
    if (args->files.size() != 1 || output == args->options.end() ||
        (lang != args->options.end() && !english && lang->second != "nl")) {
        err << "souffleur render: needs one GUIDE.xml, -o OUT.html and optionally --lang nl|en, "
               "--step ID, --alerts DIR\n";
        return kExitUsage;
    }
    auto guide = content::loadGuide(args->files.front());
    if (!guide) {
        printDiagnostics(guide.error(), err);
        return kExitContentError;
    }
    content::RenderOptions options{english ? content::UiLanguage::English
                                           : content::UiLanguage::Dutch};
    if (const auto dir = args->options.find("--alerts"); dir != args->options.end()) {
        auto alerts = loadAlerts(dir->second);
        if (!alerts) {
            err << "souffleur render: " << alerts.error() << "\n";
            return kExitContentError;
        }
        options.alerts = std::move(*alerts);
    }
    std::string page;
    if (const auto step = args->options.find("--step"); step != args->options.end()) {
        const content::Step* found = guide->findStep(step->second);
        if (!found) {
            err << "souffleur render: " << guide->id << " has no step " << step->second << "\n";
            return kExitUsage;
        }
        page = content::renderStep(*guide, *found, options);
    } else {
        page = content::renderGuide(*guide, options);
    }
    if (!writeAtomically(output->second, page)) {
        err << "souffleur render: cannot write " << output->second << "\n";
        return kExitContentError;
    }
    out << "rendered " << guide->id << " to " << output->second << "\n";
    return kExitOk;
}

// The one input file and the -o output of import-dita and export-dita.
std::optional<std::pair<std::string, std::string>>
inAndOut(std::span<const std::string> rest, const char* command, std::ostream& err) {
    auto args = parseArguments(rest, {"-o"}, {}, err);
    if (!args)
        return std::nullopt;
    const auto output = args->options.find("-o");
    if (args->files.size() != 1 || output == args->options.end()) {
        err << "souffleur " << command << ": needs one input file and -o OUTPUT\n";
        return std::nullopt;
    }
    return std::pair{args->files.front(), output->second};
}

int importDita(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    const auto files = inAndOut(rest, "import-dita", err);
    if (!files)
        return kExitUsage;
    const auto text = readText(files->first);
    if (!text) {
        err << files->first << ": cannot read file\n";
        return kExitContentError;
    }
    auto imported = content::importDitaTask(*text, files->first);
    if (!imported) {
        printDiagnostics(imported.error(), err);
        return kExitContentError;
    }
    printDiagnostics(imported->warnings, err);
    if (!writeAtomically(files->second, content::writeGuide(imported->guide))) {
        err << "souffleur import-dita: cannot write " << files->second << "\n";
        return kExitContentError;
    }
    out << "imported " << imported->guide.steps.size() << " steps to " << files->second << " ("
        << imported->warnings.size() << " warnings)\n";
    return kExitOk;
}

int exportDita(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    const auto files = inAndOut(rest, "export-dita", err);
    if (!files)
        return kExitUsage;
    auto guide = content::loadGuide(files->first);
    if (!guide) {
        printDiagnostics(guide.error(), err);
        return kExitContentError;
    }
    if (!writeAtomically(files->second, content::exportDitaTask(*guide))) {
        err << "souffleur export-dita: cannot write " << files->second << "\n";
        return kExitContentError;
    }
    out << "exported " << guide->id << " to " << files->second << "\n";
    return kExitOk;
}

// Plain language per step: the readability score (Flesch-Douma for Dutch,
// Flesch Reading Ease for English) and what reads hard. Findings are
// warnings; the exit status is 0 unless a file cannot be read or a step
// scores below the target with --strict.
int readability(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args =
        parseArguments(rest, {"--target", "--sentence-words", "--word-letters"}, {"--strict"}, err);
    if (!args)
        return kExitUsage;
    if (args->files.empty()) {
        err << "souffleur readability: name at least one guide file\n";
        return kExitUsage;
    }
    content::ReadabilityPolicy policy;
    try {
        if (args->options.contains("--target"))
            policy.targetScore = std::stod(args->options["--target"]);
        if (args->options.contains("--sentence-words"))
            policy.maxSentenceWords = std::stoi(args->options["--sentence-words"]);
        if (args->options.contains("--word-letters"))
            policy.maxWordLetters = std::stoi(args->options["--word-letters"]);
    } catch (const std::exception&) {
        err << "souffleur readability: --target, --sentence-words and --word-letters take "
               "numbers\n";
        return kExitUsage;
    }
    const bool strict = std::ranges::find(args->flags, "--strict") != args->flags.end();
    int status = kExitOk;
    for (const auto& file : args->files) {
        auto guide = content::loadGuide(file);
        if (!guide) {
            printDiagnostics(guide.error(), err);
            status = kExitContentError;
            continue;
        }
        const auto result = content::checkReadability(*guide, policy, file);
        out << file << " (" << guide->language << ", target " << policy.targetScore << ")\n";
        for (const auto& step : result.steps) {
            char score[16];
            std::snprintf(score, sizeof score, "%5.0f", step.score);
            out << "  " << score << "  " << step.step << "  (" << step.measure.sentences
                << " sentences, " << step.measure.words << " words)\n";
            if (strict && step.measure.words > 0 && step.score < policy.targetScore)
                status = kExitContentError;
        }
        printDiagnostics(result.findings, err);
    }
    return status;
}

// Today as YYYY-MM-DD (UTC), for the lint's date checks.
std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::array<char, 16> buffer{};
    std::strftime(buffer.data(), buffer.size(), "%Y-%m-%d", &utc);
    return buffer.data();
}

// Lints the files together: related guides and alert attachments are checked
// against the guides among them. Warnings are printed; only errors fail.
int lint(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {}, {}, err);
    if (!args)
        return kExitUsage;
    if (args->files.empty()) {
        err << "souffleur lint: name at least one guide or alert file\n";
        return kExitUsage;
    }
    int status = kExitOk;
    struct Loaded {
        std::string file;
        content::Document document;
        content::SourceLines lines;
    };
    std::vector<Loaded> documents;
    for (const auto& file : args->files) {
        content::SourceLines lines;
        auto document = content::loadDocument(file, &lines);
        if (!document) {
            printDiagnostics(document.error(), err);
            status = kExitContentError;
            continue;
        }
        documents.push_back({file, std::move(*document), std::move(lines)});
    }
    content::LintContext context{.today = today()};
    std::map<std::string, const content::Guide*> guides;
    for (const auto& [file, document, lines] : documents) {
        if (const auto* guide = std::get_if<content::Guide>(&document)) {
            context.knownGuides.insert(guide->id);
            guides[guide->id] = guide;
        }
    }
    std::size_t warnings = 0;
    for (const auto& [file, document, lines] : documents) {
        const auto* guide = std::get_if<content::Guide>(&document);
        const auto diagnostics = guide ? content::lintGuide(*guide, file, context, &lines)
                                       : content::lintAlert(std::get<content::Alert>(document),
                                                            file, context, guides, &lines);
        printDiagnostics(diagnostics, err);
        if (content::hasErrors(diagnostics))
            status = kExitContentError;
        warnings += diagnostics.size();
    }
    out << documents.size() << " of " << args->files.size() << " files checked, " << warnings
        << " findings\n";
    return status;
}

// `souffleur diff OLD.xml NEW.xml [--json] [--alerts DIR]`: like diff(1),
// 0 when the two are the same (but for the revision number), 1 when they
// differ, 2 on an error (a file that does not load, a guide against an alert).
int diff(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {"--alerts"}, {"--json"}, err);
    if (!args)
        return kExitUsage;
    if (args->files.size() != 2) {
        err << "souffleur diff: needs two files, OLD.xml and NEW.xml\n";
        return kExitUsage;
    }
    const bool asJson = !args->flags.empty();
    std::vector<content::Document> documents;
    for (const auto& file : args->files) {
        auto document = content::loadDocument(file);
        if (!document) {
            printDiagnostics(document.error(), err);
            return kExitUsage;
        }
        documents.push_back(std::move(*document));
    }
    const auto* oldGuide = std::get_if<content::Guide>(&documents[0]);
    const auto* newGuide = std::get_if<content::Guide>(&documents[1]);
    if ((oldGuide == nullptr) != (newGuide == nullptr)) {
        err << "souffleur diff: cannot compare a guide with an alert\n";
        return kExitUsage;
    }
    bool same = false;
    if (oldGuide) {
        std::optional<std::vector<content::Alert>> alerts;
        if (const auto dir = args->options.find("--alerts"); dir != args->options.end()) {
            auto loaded = loadAlerts(dir->second);
            if (!loaded) {
                err << "souffleur diff: " << loaded.error() << "\n";
                return kExitUsage;
            }
            alerts = std::move(*loaded);
        }
        const auto result = content::diffGuides(*oldGuide, *newGuide, alerts ? &*alerts : nullptr);
        same = result.same();
        if (asJson)
            out << json::serialize(protocol::diffJson(result)) << "\n";
        else
            out << content::diffText(result);
    } else {
        const auto result = content::diffAlerts(std::get<content::Alert>(documents[0]),
                                                std::get<content::Alert>(documents[1]));
        same = result.same();
        if (asJson)
            out << json::serialize(protocol::diffJson(result)) << "\n";
        else
            out << content::diffText(result);
    }
    return same ? kExitOk : kExitContentError;
}

// The server and token every server command needs, or a usage error.
struct Connection {
    net::ServerAddress server;
    std::string token;
};

std::optional<Connection> connection(const Arguments& args, const char* command,
                                     std::ostream& err) {
    const std::string url = optionOrEnv(args, "--server", "SOUFFLEUR_SERVER");
    const std::string token = optionOrEnv(args, "--token", "SOUFFLEUR_TOKEN");
    if (url.empty() || token.empty()) {
        err << "souffleur " << command << ": needs --server URL and --token TOKEN\n";
        return std::nullopt;
    }
    auto server = net::ServerAddress::parse(url);
    if (!server) {
        err << "souffleur " << command << ": " << server.error() << "\n";
        return std::nullopt;
    }
    server->caFile = optionOrEnv(args, "--ca-file", "SOUFFLEUR_CA_FILE");
    return Connection{*server, token};
}

std::string text(const json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t number(const json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    return v && v->is_int64() ? v->as_int64() : 0;
}

// The server's located diagnostics ("diagnostics": [...]) as file:line:col: lines.
void printServerDiagnostics(const json::object& answer, const std::string& file,
                            std::ostream& err) {
    const auto* diagnostics = answer.if_contains("diagnostics");
    if (!diagnostics)
        diagnostics = answer.if_contains("warnings");
    if (!diagnostics || !diagnostics->is_array())
        return;
    for (const auto& item : diagnostics->as_array()) {
        if (!item.is_object())
            continue;
        const auto& d = item.as_object();
        const std::string severity = text(d, "severity");
        content::Diagnostic diagnostic{
            file, static_cast<int>(number(d, "line")), static_cast<int>(number(d, "column")),
            severity == "warning" ? content::Severity::Warning : content::Severity::Error,
            text(d, "message")};
        err << diagnostic.toString() << "\n";
    }
}

std::string errorMessage(const net::HttpResponse& response) {
    boost::system::error_code ec;
    const auto value = json::parse(response.body, ec);
    if (!ec && value.is_object()) {
        if (const auto* error = value.as_object().if_contains("error"); error && error->is_string())
            return std::string(error->as_string());
    }
    return response.body;
}

// One call to the server: the JSON answer when its status is 200 or 201;
// otherwise the error is printed (with located diagnostics against `file`).
std::optional<json::object> callServer(const Connection& conn, net::HttpRequest request,
                                       std::string_view command, std::ostream& err,
                                       const std::string& file = {}) {
    request.token = conn.token;
    auto response = net::request(conn.server, std::move(request));
    if (!response) {
        err << "souffleur " << command << ": " << response.error() << "\n";
        return std::nullopt;
    }
    boost::system::error_code ec;
    const auto body = json::parse(response->body, ec);
    const auto* object = ec ? nullptr : body.if_object();
    if ((response->status == 200 || response->status == 201) && object)
        return *object;
    err << "souffleur " << command << ": HTTP " << response->status << ": "
        << errorMessage(*response) << "\n";
    if (object)
        printServerDiagnostics(*object, file.empty() ? std::string(command) : file, err);
    return std::nullopt;
}

// A URL path segment: ids are letters, digits, '-', '_' and '.', so only
// anything else needs escaping.
std::string segment(std::string_view value) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_' || c == '.') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4U];
            out += kHex[byte & 15U];
        }
    }
    return out;
}

// Reads a file whole, or prints why not.
std::optional<std::string> readWhole(const std::string& file, std::string_view command,
                                     std::ostream& err) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        err << "souffleur " << command << ": cannot read " << file << "\n";
        return std::nullopt;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// "ID revision N: state (feed S)" from a lifecycle answer.
void printState(const json::object& answer, std::ostream& out) {
    out << text(answer, "id");
    if (const auto revision = number(answer, "revision"); revision > 0)
        out << " revision " << revision;
    out << ": " << text(answer, "state");
    if (answer.contains("seq"))
        out << " (feed " << number(answer, "seq") << ")";
    out << "\n";
}

int save(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {"--server", "--token", "--base"}, {}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, "save", err);
    if (!conn)
        return kExitUsage;
    const auto base = args->options.find("--base");
    if (args->files.size() != 1 || base == args->options.end()) {
        err << "souffleur save: needs one GUIDE.xml and --base N (0 for a new guide)\n";
        return kExitUsage;
    }
    const std::string& file = args->files.front();
    auto guide = content::loadGuide(file); // the server checks again; fail early here
    if (!guide) {
        printDiagnostics(guide.error(), err);
        return kExitContentError;
    }
    auto xml = readWhole(file, "save", err);
    if (!xml)
        return kExitContentError;
    auto answer = callServer(
        *conn,
        {net::Method::Post,
         "/api/v1/guides/" + segment(guide->id) + "/revisions?base=" + segment(base->second),
         {},
         std::move(*xml),
         "application/xml"},
        "save", err, file);
    if (!answer)
        return kExitContentError;
    printServerDiagnostics(*answer, file, err); // the warnings
    out << "saved ";
    printState(*answer, out);
    return kExitOk;
}

// submit, approve, reject: ID REVISION and a step of the lifecycle.
int lifecycleStep(std::span<const std::string> rest, std::string_view command,
                  std::string_view action, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {"--server", "--token", "--note"}, {}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, std::string(command).c_str(), err);
    if (!conn)
        return kExitUsage;
    if (args->files.size() != 2) {
        err << "souffleur " << command << ": needs a guide ID and a REVISION\n";
        return kExitUsage;
    }
    std::string body;
    if (const auto note = args->options.find("--note"); note != args->options.end())
        body = json::serialize(json::object{{"note", note->second}});
    auto answer = callServer(*conn,
                             {net::Method::Post,
                              "/api/v1/guides/" + segment(args->files[0]) + "/revisions/" +
                                  segment(args->files[1]) + "/" + std::string(action),
                              {},
                              std::move(body),
                              "application/json"},
                             command, err);
    if (!answer)
        return kExitContentError;
    printState(*answer, out);
    return kExitOk;
}

// retire, retire-alert: one ID.
int retire(std::span<const std::string> rest, std::string_view command, std::string_view kind,
           std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {"--server", "--token"}, {}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, std::string(command).c_str(), err);
    if (!conn)
        return kExitUsage;
    if (args->files.size() != 1) {
        err << "souffleur " << command << ": needs one ID\n";
        return kExitUsage;
    }
    auto answer =
        callServer(*conn,
                   {net::Method::Post,
                    "/api/v1/" + std::string(kind) + "/" + segment(args->files[0]) + "/retire",
                    {},
                    {},
                    "application/json"},
                   command, err);
    if (!answer)
        return kExitContentError;
    printState(*answer, out);
    return kExitOk;
}

// A server command that GETs a listing and prints it: as JSON with --json,
// else line by line.
struct Listing {
    std::vector<std::string_view> options; // value options besides --server and --token
    std::size_t positional = 0;            // how many arguments it takes
    std::string (*target)(const Arguments&) = nullptr;
    const char* key = nullptr; // the answer's array, printed one item a line (or the answer)
    std::string (*line)(const json::object&) = nullptr;
    std::vector<std::string_view> flags = {}; // flag options besides --json
};

int listing(std::span<const std::string> rest, std::string_view command, const Listing& listed,
            std::ostream& out, std::ostream& err) {
    std::vector<std::string_view> valueOptions{"--server", "--token"};
    valueOptions.insert(valueOptions.end(), listed.options.begin(), listed.options.end());
    std::vector<std::string_view> flagOptions{"--json"};
    flagOptions.insert(flagOptions.end(), listed.flags.begin(), listed.flags.end());
    auto args = parseArguments(rest, valueOptions, flagOptions, err);
    if (!args)
        return kExitUsage;
    const Arguments& parsed = *args;
    auto conn = connection(parsed, std::string(command).c_str(), err);
    if (!conn)
        return kExitUsage;
    if (parsed.files.size() != listed.positional) {
        err << "souffleur " << command << ": wrong number of arguments (see --help)\n";
        return kExitUsage;
    }
    auto answer =
        callServer(*conn, {net::Method::Get, listed.target(parsed), {}, {}, {}}, command, err);
    if (!answer)
        return kExitContentError;
    if (std::ranges::find(parsed.flags, "--json") != parsed.flags.end()) {
        out << json::serialize(*answer) << "\n";
        return kExitOk;
    }
    if (const auto* items = answer->if_contains(listed.key); items && items->is_array()) {
        for (const auto& item : items->as_array()) {
            if (item.is_object())
                out << listed.line(item.as_object()) << "\n";
        }
    } else {
        out << listed.line(*answer) << "\n";
    }
    return kExitOk;
}

// publish, publish-alert: validate each file here (fail early), then POST it
// to `target`; the server checks again and answers with the feed entry.
int publishFiles(std::span<const std::string> rest, std::string_view command,
                 std::string_view target, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {"--server", "--token"}, {}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, std::string(command).c_str(), err);
    if (!conn)
        return kExitUsage;
    if (args->files.empty()) {
        err << "souffleur " << command << ": name at least one file\n";
        return kExitUsage;
    }
    int status = kExitOk;
    for (const auto& file : args->files) {
        auto xml = readWhole(file, command, err);
        if (!xml) {
            status = kExitContentError;
            continue;
        }
        if (auto document = content::parseDocument(*xml, file); !document) {
            printDiagnostics(document.error(), err);
            status = kExitContentError;
            continue;
        }
        auto answer = callServer(
            *conn, {net::Method::Post, std::string(target), {}, std::move(*xml), "application/xml"},
            command, err, file);
        if (!answer) {
            status = kExitContentError;
            continue;
        }
        printServerDiagnostics(*answer, file, err); // the warnings
        out << "published " << (command == "publish-alert" ? "alert " : "") << text(*answer, "id")
            << " revision " << number(*answer, "revision") << " (feed " << number(*answer, "seq")
            << ")\n";
    }
    return status;
}

// "?team=...&guide=..." from the options of logbook and aar-records.
std::string teamRecordQuery(const Arguments& args) {
    std::string query;
    for (const auto& [option, key] : {std::pair{"--team", "team"},
                                      {"--guide", "guide"},
                                      {"--since", "since"},
                                      {"--limit", "limit"}}) {
        if (const auto it = args.options.find(option); it != args.options.end())
            query += (query.empty() ? "?" : "&") + std::string(key) + "=" + segment(it->second);
    }
    return query;
}

// " guide/step" of a logbook entry or an action, when it names them.
std::string about(const json::object& item) {
    std::string out;
    if (const auto guide = text(item, "guide"); !guide.empty())
        out = " " + guide;
    if (const auto step = text(item, "step"); !step.empty())
        out += (out.empty() ? " step " : "/") + step;
    return out;
}

// An AAR record: a heading line, the four questions, the actions.
std::string aarLines(const json::object& aar) {
    std::string out = "[" + text(aar, "team") + "] " + text(aar, "at") + " AAR" + about(aar);
    const auto from = text(aar, "from");
    const auto to = text(aar, "to");
    if (!from.empty() || !to.empty())
        out += " (" + from + ".." + to + ")";
    out += " id=" + text(aar, "id");
    for (const char* key : {"expected", "happened", "why", "improve"})
        out += "\n  " + std::string(key) + ": " + text(aar, key);
    if (const auto* actions = aar.if_contains("actions"); actions && actions->is_array()) {
        for (const auto& action : actions->as_array()) {
            if (action.is_object())
                out += "\n  action" + about(action.as_object()) + ": " +
                       text(action.as_object(), "text");
        }
    }
    return out;
}

int feedbackStatus(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(
        rest, {"--server", "--token", "--revision", "--reason", "--duplicate-of"}, {}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, "feedback-status", err);
    if (!conn)
        return kExitUsage;
    if (args->files.size() != 2) {
        err << "souffleur feedback-status: needs a FEEDBACK-ID and a status\n";
        return kExitUsage;
    }
    json::object body{{"status", args->files[1]}};
    if (const auto revision = args->options.find("--revision"); revision != args->options.end()) {
        std::int64_t value = 0;
        const auto& textValue = revision->second;
        const auto [end, error] =
            std::from_chars(textValue.data(), textValue.data() + textValue.size(), value);
        if (error != std::errc() || end != textValue.data() + textValue.size()) {
            err << "souffleur feedback-status: --revision needs a number\n";
            return kExitUsage;
        }
        body["revision"] = value;
    }
    if (const auto reason = args->options.find("--reason"); reason != args->options.end())
        body["reason"] = reason->second;
    if (const auto original = args->options.find("--duplicate-of"); original != args->options.end())
        body["duplicate_of"] = original->second;
    auto answer = callServer(*conn,
                             {net::Method::Patch,
                              "/api/v1/feedback/" + segment(args->files[0]),
                              {},
                              json::serialize(body),
                              "application/json"},
                             "feedback-status", err);
    if (!answer)
        return kExitContentError;
    out << text(*answer, "id") << ": " << text(*answer, "status");
    if (answer->contains("handled_revision"))
        out << " (revision " << number(*answer, "handled_revision") << ")";
    out << "\n";
    return kExitOk;
}

// A positive number from the command line, or nullopt.
std::optional<std::int64_t> positiveNumber(const std::string& text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1)
        return std::nullopt;
    return value;
}

std::string commentLine(const json::object& c) {
    std::string line = "#" + std::to_string(number(c, "id"));
    if (number(c, "thread") != number(c, "id"))
        line += " (reply to #" + std::to_string(number(c, "thread")) + ")";
    line += " r" + std::to_string(number(c, "revision"));
    if (const auto step = text(c, "step"); !step.empty())
        line += " " + step + (text(c, "field").empty() ? "" : "/" + text(c, "field"));
    line += " " + text(c, "author") + ": " + text(c, "text");
    if (const auto* resolved = c.if_contains("resolved");
        resolved && resolved->is_bool() && resolved->as_bool())
        line += " [resolved by " + text(c, "resolved_by") + "]";
    return line;
}

// `souffleur comment ID REVISION TEXT... [--step S] [--field F] [--reply-to N]`
int comment(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args =
        parseArguments(rest, {"--server", "--token", "--step", "--field", "--reply-to"}, {}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, "comment", err);
    if (!conn)
        return kExitUsage;
    const auto revision = args->files.size() >= 3 ? positiveNumber(args->files[1]) : std::nullopt;
    if (!revision) {
        err << "souffleur comment: needs a guide ID, a REVISION and the comment's text\n";
        return kExitUsage;
    }
    std::string words;
    for (std::size_t i = 2; i < args->files.size(); ++i)
        words += (words.empty() ? "" : " ") + args->files[i];
    json::object body{{"text", words}};
    for (const auto& [option, key] : {std::pair{"--step", "step"}, {"--field", "field"}}) {
        if (const auto it = args->options.find(option); it != args->options.end())
            body[key] = it->second;
    }
    if (const auto it = args->options.find("--reply-to"); it != args->options.end()) {
        const auto reply = positiveNumber(it->second);
        if (!reply) {
            err << "souffleur comment: --reply-to needs a comment number\n";
            return kExitUsage;
        }
        body["reply_to"] = *reply;
    }
    auto answer = callServer(*conn,
                             {net::Method::Post,
                              "/api/v1/guides/" + segment(args->files[0]) + "/revisions/" +
                                  std::to_string(*revision) + "/comments",
                              {},
                              json::serialize(body),
                              "application/json"},
                             "comment", err);
    if (!answer)
        return kExitContentError;
    out << "commented " << commentLine(*answer) << "\n";
    return kExitOk;
}

// `souffleur resolve COMMENT-ID [--reopen]`
int resolve(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {"--server", "--token"}, {"--reopen"}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, "resolve", err);
    if (!conn)
        return kExitUsage;
    const auto id = args->files.size() == 1 ? positiveNumber(args->files[0]) : std::nullopt;
    if (!id) {
        err << "souffleur resolve: needs one COMMENT-ID (a number)\n";
        return kExitUsage;
    }
    const bool reopen = !args->flags.empty();
    auto answer = callServer(*conn,
                             {net::Method::Patch,
                              "/api/v1/comments/" + std::to_string(*id),
                              {},
                              json::serialize(json::object{{"resolved", !reopen}}),
                              "application/json"},
                             "resolve", err);
    if (!answer)
        return kExitContentError;
    out << (reopen ? "reopened " : "resolved ") << commentLine(*answer) << "\n";
    return kExitOk;
}

// `souffleur rollback ID --to N [--reason TEXT]`
int rollback(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {"--server", "--token", "--to", "--reason"}, {}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, "rollback", err);
    if (!conn)
        return kExitUsage;
    const auto to =
        args->options.contains("--to") ? positiveNumber(args->options.at("--to")) : std::nullopt;
    if (args->files.size() != 1 || !to) {
        err << "souffleur rollback: needs a guide ID and --to REVISION\n";
        return kExitUsage;
    }
    json::object body{{"to", *to}};
    if (const auto it = args->options.find("--reason"); it != args->options.end())
        body["reason"] = it->second;
    auto answer = callServer(*conn,
                             {net::Method::Post,
                              "/api/v1/guides/" + segment(args->files[0]) + "/rollback",
                              {},
                              json::serialize(body),
                              "application/json"},
                             "rollback", err);
    if (!answer)
        return kExitContentError;
    printState(*answer, out);
    return kExitOk;
}

// `souffleur health [--today DATE] [--json]`: the register, a guide a line,
// the most pressing first, with its reasons below it.
std::string healthLines(const json::object& answer) {
    std::string out;
    if (const auto* counts = answer.if_contains("counts"); counts && counts->is_object()) {
        out += "guides:";
        for (const auto& [state, count] : counts->as_object())
            out += " " + std::string(state) + " " +
                   (count.is_int64() ? std::to_string(count.as_int64()) : std::string("?"));
        out += "\n";
    }
    const auto* guides = answer.if_contains("guides");
    if (!guides || !guides->is_array())
        return out;
    for (const auto& item : guides->as_array()) {
        if (!item.is_object())
            continue;
        const auto& g = item.as_object();
        out += "[" + text(g, "state") + "] " + text(g, "guide") + " r" +
               std::to_string(number(g, "revision")) + " (" + text(g, "owner") + ") next review " +
               text(g, "next_review");
        if (const auto to = text(g, "valid_to"); !to.empty())
            out += ", valid to " + to;
        out += ", " + std::to_string(number(g, "open_feedback")) + " open feedback\n";
        if (const auto* reasons = g.if_contains("reasons"); reasons && reasons->is_array())
            for (const auto& reason : reasons->as_array())
                if (reason.is_object())
                    out += "    " + text(reason.as_object(), "code") + ": " +
                           text(reason.as_object(), "detail") + "\n";
    }
    if (!out.empty())
        out.pop_back(); // the listing ends the line
    return out;
}

// `souffleur source ID --title T --version DATE [--reference R]`
int source(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest, {"--server", "--token", "--title", "--reference", "--version"},
                               {}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, "source", err);
    if (!conn)
        return kExitUsage;
    if (args->files.size() != 1 || !args->options.contains("--title") ||
        !args->options.contains("--version")) {
        err << "souffleur source: needs an ID, --title TEXT and --version YYYY-MM-DD\n";
        return kExitUsage;
    }
    json::object body{{"id", args->files[0]},
                      {"title", args->options.at("--title")},
                      {"version_date", args->options.at("--version")},
                      {"reference", args->options.contains("--reference")
                                        ? args->options.at("--reference")
                                        : std::string()}};
    auto answer = callServer(
        *conn,
        {net::Method::Post, "/api/v1/sources", {}, json::serialize(body), "application/json"},
        "source", err);
    if (!answer)
        return kExitContentError;
    const auto* fresh = answer->if_contains("created");
    const auto* version = answer->if_contains("new_version");
    out << "source " << text(*answer, "id") << ": "
        << (fresh && fresh->is_bool() && fresh->as_bool()         ? "created"
            : version && version->is_bool() && version->as_bool() ? "new version"
                                                                  : "updated");
    if (const auto* guides = answer->if_contains("guides_to_check");
        guides && guides->is_array() && !guides->as_array().empty()) {
        out << "; to check:";
        for (const auto& guide : guides->as_array())
            if (guide.is_string())
                out << " " << std::string(guide.as_string());
    }
    out << "\n";
    return kExitOk;
}

// A GET that must answer 200 with JSON (or XML for a guide): the body, or
// nullopt after saying why on `err`.
std::optional<std::string> fetchBody(const Connection& conn, const std::string& target,
                                     const char* command, std::ostream& err) {
    auto response = net::request(conn.server, {net::Method::Get, target, conn.token, {}, {}});
    if (!response) {
        err << "souffleur " << command << ": " << response.error() << "\n";
        return std::nullopt;
    }
    if (response->status != 200) {
        err << "souffleur " << command << ": HTTP " << response->status << ": "
            << errorMessage(*response) << "\n";
        return std::nullopt;
    }
    return std::move(response->body);
}

// The evidence of one guide as plain text.
void printEvidence(const protocol::GuideEvidence& guide, std::int64_t minimum, std::ostream& out) {
    out << "After Action Review: " << guide.guide << "\n";
    if (!guide.sessions) {
        out << "  sessions: no figures (each figure needs at least " << minimum
            << " desks behind it per team and month)\n";
    } else {
        out << "  sessions started:   " << guide.sessions->started << "\n"
            << "  sessions finished:  " << guide.sessions->finished << "\n"
            << "  sessions abandoned: " << guide.sessions->abandoned << "\n";
    }
    for (const auto& step : guide.steps) {
        out << "  step " << step.step << ": " << step.sessions << " sessions";
        if (step.medianMs)
            out << ", median " << *step.medianMs << " ms, p90 " << step.p90Ms.value_or(0) << " ms";
        out << ", skipped " << step.skipped << ", back " << step.back << ", escalated "
            << step.escalated;
        if (!step.decisions.empty()) {
            out << ", decisions";
            for (const auto& [option, count] : step.decisions)
                out << " " << option << "=" << count;
        }
        out << "\n";
    }
    if (guide.stepsWithheld > 0)
        out << "  (" << guide.stepsWithheld << " steps seen at fewer than " << minimum
            << " desks: no figures)\n";
    if (guide.cellsWithheld > 0)
        out << "  (" << guide.cellsWithheld << " team-months with fewer than " << minimum
            << " desks: left out)\n";
    for (const auto& team : guide.teams)
        out << "  team " << team.team << ": " << team.sessions.started << " started, "
            << team.sessions.finished << " finished, " << team.sessions.abandoned << " abandoned\n";
    // Feedback grouped by step, in the order the server lists it.
    std::vector<std::string> steps;
    std::map<std::string, std::vector<const protocol::EvidenceFeedback*>> byStep;
    for (const auto& item : guide.feedback) {
        const std::string step = item.step.value_or("");
        if (!byStep.contains(step))
            steps.push_back(step);
        byStep[step].push_back(&item);
    }
    out << "  feedback per step:" << (steps.empty() ? " none\n" : "\n");
    for (const auto& step : steps) {
        out << "    " << (step.empty() ? "(whole guide)" : step) << ": " << byStep[step].size()
            << "\n";
        for (const auto* item : byStep[step]) {
            out << "      - " << item->kind << ": " << item->text;
            if (item->suggestion)
                out << " (suggested: " << *item->suggestion << ")";
            out << " [revision " << item->revision << "]\n";
        }
    }
}

int aarReport(std::span<const std::string> rest, std::ostream& out, std::ostream& err) {
    auto args = parseArguments(rest,
                               {"--server", "--token", "--guide", "--aar", "--from", "--to",
                                "--team", "--format", "--out", "--lang"},
                               {"--json"}, err);
    if (!args)
        return kExitUsage;
    auto conn = connection(*args, "aar-report", err);
    if (!conn)
        return kExitUsage;
    const auto option = [&](const char* key) -> std::optional<std::string> {
        const auto found = args->options.find(key);
        return found == args->options.end() ? std::nullopt : std::optional(found->second);
    };
    std::string format = option("--format").value_or(args->flags.empty() ? "text" : "json");
    const bool english = option("--lang").value_or("nl") == "en";
    if (!args->files.empty() || (!option("--guide") && !option("--aar")) ||
        (format != "text" && format != "json" && format != "html" && format != "pdf")) {
        err << "souffleur aar-report: needs --guide ID[,ID...] or --aar ID; --format text, json, "
               "html or pdf\n";
        return kExitUsage;
    }
    if (format == "pdf" && !option("--out")) {
        err << "souffleur aar-report: --format pdf needs --out FILE\n";
        return kExitUsage;
    }
    // What to look at: an AAR's guides, period and team, or the options'.
    std::optional<protocol::Aar> aar;
    std::vector<std::string> guides;
    std::optional<std::string> from = option("--from"), to = option("--to"),
                               team = option("--team");
    if (const auto id = option("--aar")) {
        const auto body = fetchBody(*conn, "/api/v1/aars/" + segment(*id), "aar-report", err);
        if (!body)
            return kExitContentError;
        boost::system::error_code ec;
        const auto value = json::parse(*body, ec);
        aar = ec ? std::nullopt : protocol::aarFrom(value);
        if (!aar) {
            err << "souffleur aar-report: the server's answer is not an AAR\n";
            return kExitContentError;
        }
        guides = aar->guides;
        from = from.value_or(aar->from);
        to = to.value_or(aar->to);
        team = aar->team;
    } else {
        std::stringstream list(*option("--guide"));
        for (std::string guide; std::getline(list, guide, ',');)
            if (!guide.empty())
                guides.push_back(guide);
    }
    if (guides.empty() && !aar) {
        err << "souffleur aar-report: no guide to report on\n";
        return kExitContentError;
    }
    // An AAR about no guide yet: its answers and actions, without evidence.
    json::value answer = json::object{{"guides", json::array{}}};
    if (!guides.empty()) {
        std::string target = "/api/v1/evidence?";
        for (std::size_t i = 0; i < guides.size(); ++i)
            target += (i ? "&guide=" : "guide=") + segment(guides[i]);
        for (const auto& [key, value] : {std::pair{"from", from}, {"to", to}, {"team", team}}) {
            if (value && !value->empty())
                target += "&" + std::string(key) + "=" + segment(*value);
        }
        const auto body = fetchBody(*conn, target, "aar-report", err);
        if (!body)
            return kExitContentError;
        boost::system::error_code parseError;
        answer = json::parse(*body, parseError);
        if (parseError)
            answer = nullptr;
    }
    auto evidence = protocol::evidenceFrom(answer);
    if (evidence && aar && evidence->team.empty())
        evidence->team = aar->team;
    if (!evidence) {
        err << "souffleur aar-report: the server's answer is not JSON evidence\n";
        return kExitContentError;
    }
    std::string document;
    if (format == "json") {
        json::object all{{"evidence", answer}};
        if (aar)
            all["aar"] = protocol::toJson(*aar);
        document = json::serialize(all) + "\n";
    } else if (format == "text") {
        std::ostringstream text;
        if (aar)
            text << "AAR " << aar->title << " (" << aar->team << ", " << aar->at << ")\n";
        for (const auto& guide : evidence->guides)
            printEvidence(guide, evidence->minPeople, text);
        document = text.str();
    } else {
        report::ReportInput input;
        input.aar = aar;
        input.evidence = std::move(*evidence);
        input.language = english ? report::Language::English : report::Language::Dutch;
        // The guides' own words for steps and options (any role may read a guide).
        for (const auto& guide : guides) {
            const auto xml =
                fetchBody(*conn, "/api/v1/guides/" + segment(guide), "aar-report", err);
            if (!xml)
                continue; // retired or unknown: labels by id
            if (const auto parsed = content::parseGuide(*xml, guide))
                input.labels[guide] = report::GuideLabels::of(*parsed);
        }
        const std::time_t now = std::time(nullptr);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", std::localtime(&now));
        input.generatedAt = stamp;
        document = format == "pdf" ? report::reportPdf(input) : report::reportHtml(input);
    }
    if (const auto file = option("--out")) {
        std::ofstream stream(*file, std::ios::binary | std::ios::trunc);
        stream << document;
        stream.close();
        if (!stream) {
            err << "souffleur aar-report: cannot write " << *file << "\n";
            return kExitContentError;
        }
        out << "wrote " << *file << "\n";
        return kExitOk;
    }
    out << document;
    return kExitOk;
}

// How a subcommand runs: its arguments (after its name), its name, the streams.
using Handler = std::function<int(std::span<const std::string> rest, std::string_view command,
                                  std::ostream& out, std::ostream& err)>;

// The handlers of the table: a subcommand of its own, or one of a family.
Handler alone(int (*subcommand)(std::span<const std::string>, std::ostream&, std::ostream&)) {
    return [subcommand](std::span<const std::string> rest, std::string_view, std::ostream& out,
                        std::ostream& err) { return subcommand(rest, out, err); };
}
Handler publishingTo(std::string_view target) {
    return [target](std::span<const std::string> rest, std::string_view command, std::ostream& out,
                    std::ostream& err) { return publishFiles(rest, command, target, out, err); };
}
Handler lifecycle(std::string_view action) {
    return [action](std::span<const std::string> rest, std::string_view command, std::ostream& out,
                    std::ostream& err) { return lifecycleStep(rest, command, action, out, err); };
}
Handler retiring(std::string_view kind) {
    return [kind](std::span<const std::string> rest, std::string_view command, std::ostream& out,
                  std::ostream& err) { return retire(rest, command, kind, out, err); };
}
Handler listed(Listing spec) {
    return [spec = std::move(spec)](std::span<const std::string> rest, std::string_view command,
                                    std::ostream& out, std::ostream& err) {
        return listing(rest, command, spec, out, err);
    };
}

enum class Section { Files, Server }; // where the usage lists it

struct Command {
    std::string_view name;
    std::string_view arguments; // as the usage shows them after the name
    std::string_view summary;   // what it does, as the usage shows it ('\n' between its lines)
    Section section;
    Handler run;
};

// Every subcommand, in the order of the usage. A new one is one entry here.
const std::vector<Command>& commands() {
    static const std::vector<Command> table{
        {"validate", "FILE.xml...", "Check guides and alerts; errors as file:line:col: message",
         Section::Files, alone(validate)},
        {"fmt", "[--check|--stdout] FILE.xml...",
         "Rewrite in canonical form (in place), check it, or print it", Section::Files, alone(fmt)},
        {"render", "GUIDE.xml -o OUT.html [--lang nl|en] [--step ID] [--alerts DIR]",
         "The whole guide as the desk shows it, for preview, or\n"
         "one step's desk page; with the alerts in DIR in their steps",
         Section::Files, alone(render)},
        {"import-dita", "TASK.dita -o GUIDE.xml",
         "A DITA 1.3 task as a guide (unresolved references: warnings)", Section::Files,
         alone(importDita)},
        {"export-dita", "GUIDE.xml -o TASK.dita", "A guide as a DITA 1.3 task", Section::Files,
         alone(exportDita)},
        {"lint", "FILE.xml...",
         "Validate, then check that they make sense together\n"
         "(reachable steps, paths that end, known links, dates)",
         Section::Files, alone(lint)},
        {"diff", "OLD.xml NEW.xml [--json] [--alerts DIR]",
         "What changed, by step and field, word by word (exit 0 when\n"
         "the same, 1 when they differ, 2 on an error, like diff)",
         Section::Files, alone(diff)},
        {"readability",
         "GUIDE.xml... [--target N] [--sentence-words N] [--word-letters N] [--strict]",
         "Plain language per step: the readability score (Flesch-Douma\n"
         "for Dutch) and its long sentences and words; --strict fails\n"
         "below the target (default 60)",
         Section::Files, alone(readability)},

        {"save", "GUIDE.xml --base N",
         "Save as a new draft revision on top of revision N\n"
         "(0 for a new guide); 409 when someone saved in between",
         Section::Server, alone(save)},
        {"submit", "ID REVISION", "Send a draft for review", Section::Server, lifecycle("submit")},
        {"approve", "ID REVISION", "Publish a revision in review (a reviewer, not its author)",
         Section::Server, lifecycle("publish")},
        {"reject", "ID REVISION --note TEXT", "Send a revision in review back to draft, saying why",
         Section::Server, lifecycle("reject")},
        {"comment", "ID REVISION TEXT... [--step S] [--field F] [--reply-to N]",
         "Comment on a revision (a step and field of it), or reply", Section::Server,
         alone(comment)},
        {"comments", "ID [--revision N]", "The comments on a guide, by thread", Section::Server,
         listed({{"--revision"},
                 1,
                 [](const Arguments& a) {
                     std::string target = "/api/v1/guides/" + segment(a.files[0]) + "/comments";
                     if (const auto it = a.options.find("--revision"); it != a.options.end())
                         target += "?revision=" + segment(it->second);
                     return target;
                 },
                 "comments",
                 commentLine})},
        {"resolve", "COMMENT-ID [--reopen]",
         "Mark a comment's thread resolved (the revision's author)", Section::Server,
         alone(resolve)},
        {"rollback", "ID --to N [--reason TEXT]",
         "Put revision N's content in review as the newest revision", Section::Server,
         alone(rollback)},
        {"notices", "[--all]", "Your notices: comments, approvals, rejections, feedback",
         Section::Server,
         listed({{},
                 0,
                 [](const Arguments& a) {
                     return std::string(std::ranges::find(a.flags, "--all") != a.flags.end()
                                            ? "/api/v1/notices"
                                            : "/api/v1/notices?unread=1");
                 },
                 "notices",
                 [](const json::object& n) {
                     std::string line = "[" + text(n, "kind") + "] " + text(n, "guide") + " r" +
                                        std::to_string(number(n, "revision"));
                     if (const auto step = text(n, "step"); !step.empty())
                         line += "/" + step;
                     return line + " by " + text(n, "by") + ": " + text(n, "text");
                 },
                 {"--all"}})},
        {"health", "[--today DATE]",
         "Content health: per guide its state (failing, expiring,\n"
         "source_changed, review_due, stale_feedback, ok) and why",
         Section::Server,
         listed({{"--today"},
                 0,
                 [](const Arguments& a) {
                     std::string target = "/api/v1/health";
                     if (const auto it = a.options.find("--today"); it != a.options.end())
                         target += "?today=" + segment(it->second);
                     return target;
                 },
                 "",
                 healthLines})},
        {"sources", "", "The laws, regulations and instructions guides cite", Section::Server,
         listed({{},
                 0,
                 [](const Arguments&) { return std::string("/api/v1/sources"); },
                 "sources",
                 [](const json::object& s) {
                     std::string line = s.at("id").is_string() ? text(s, "id") : "";
                     line += ": " + text(s, "title") + " (version " + text(s, "version_date") + ")";
                     if (const auto* cited = s.if_contains("cited_by");
                         cited && cited->is_array() && !cited->as_array().empty()) {
                         line += ", cited by";
                         for (const auto& guide : cited->as_array())
                             if (guide.is_string())
                                 line += " " + std::string(guide.as_string());
                     }
                     return line;
                 }})},
        {"source", "ID --title T --version DATE [--reference R]",
         "Record a source, or its new version (the guides citing it\n"
         "get an inbox item for their owner team)",
         Section::Server, alone(source)},
        {"publish", "GUIDE.xml...", "Save and publish at once (reviewers and admins)",
         Section::Server, publishingTo("/api/v1/guides")},
        {"retire", "ID", "Withdraw a published guide from the desks", Section::Server,
         retiring("guides")},
        {"revisions", "ID", "Every revision of a guide and its state", Section::Server,
         listed({{},
                 1,
                 [](const Arguments& a) {
                     return "/api/v1/guides/" + segment(a.files[0]) + "/revisions";
                 },
                 "revisions",
                 [](const json::object& r) {
                     std::string line = "revision " + std::to_string(number(r, "revision")) + ": " +
                                        text(r, "state") + ", saved by " + text(r, "saved_by") +
                                        " " + text(r, "saved_at");
                     if (const auto reviewer = text(r, "reviewed_by"); !reviewer.empty())
                         line += ", reviewed by " + reviewer;
                     if (const auto note = text(r, "note"); !note.empty())
                         line += " (" + note + ")";
                     return line;
                 }})},
        {"publish-alert", "ALERT.xml...", "Publish alerts; they reach every connected desk at once",
         Section::Server, publishingTo("/api/v1/alerts")},
        {"retire-alert", "ID", "Withdraw an alert", Section::Server, retiring("alerts")},
        {"acknowledgements", "ID", "How many desks per team acknowledged an alert", Section::Server,
         listed({{},
                 1,
                 [](const Arguments& a) {
                     return "/api/v1/alerts/" + segment(a.files[0]) + "/acknowledgements";
                 },
                 "teams",
                 [](const json::object& t) {
                     const std::string desks =
                         std::to_string(number(t, "desks")) + " desks in " + text(t, "team");
                     const auto* count = t.if_contains("acknowledged");
                     const auto* complete = t.if_contains("complete");
                     if (count && count->is_int64())
                         return std::to_string(count->as_int64()) + " of " + desks +
                                " have acknowledged";
                     if (complete && complete->is_bool())
                         return complete->as_bool()
                                    ? "all " + desks + " have acknowledged"
                                    : "not yet all " + desks +
                                          " have acknowledged (fewer than 5 either way: no number)";
                     return text(t, "team") + ": fewer than 5 desks, no figure";
                 }})},
        {"feedback", "[--guide ID] [--status S]", "Feedback from the desks, newest first",
         Section::Server,
         listed({{"--guide", "--status", "--step"},
                 0,
                 [](const Arguments& a) {
                     std::string query;
                     for (const auto& [option, key] : {std::pair{"--guide", "guide"},
                                                       {"--status", "status"},
                                                       {"--step", "step"}}) {
                         if (const auto it = a.options.find(option); it != a.options.end())
                             query += (query.empty() ? "?" : "&") + std::string(key) + "=" +
                                      segment(it->second);
                     }
                     return "/api/v1/feedback" + query;
                 },
                 "feedback",
                 [](const json::object& f) {
                     std::string line = "[" + text(f, "status") + "] " + text(f, "guide");
                     if (const auto step = text(f, "step"); !step.empty())
                         line += "/" + step;
                     line += " r" + std::to_string(number(f, "revision")) + " " + text(f, "kind") +
                             ": " + text(f, "text");
                     if (const auto suggestion = text(f, "suggestion"); !suggestion.empty())
                         line += " (suggested: " + suggestion + ")";
                     return line + " {" + text(f, "team") + "} id=" + text(f, "id");
                 }})},
        {"feedback-status", "FEEDBACK-ID STATUS [--revision N] [--reason TEXT] [--duplicate-of ID]",
         "Set a piece of feedback's status: new, planned (in revision N),\n"
         "applied, declined (--reason required) or duplicate (of ID)",
         Section::Server, alone(feedbackStatus)},
        {"aar-report",
         "--aar ID | --guide ID[,ID...] [--from M] [--to M] [--team T] [--format F] [--out FILE]",
         "The evidence for an After Action Review (figures per step, team\n"
         "and month, over at least 5 desks each; the feedback), or a whole\n"
         "AAR with its charts; F: text, json, html (one self-contained\n"
         "file, inline SVG, no script) or pdf (with --out); --lang en for English",
         Section::Server, alone(aarReport)},
        {"logbook", "[--team NAME] [--guide ID] [--since DATE] [--limit N]",
         "A team's logbook, newest first (every team without --team;\n"
         "a desk account reads only its own team's)",
         Section::Server,
         listed({{"--team", "--guide", "--since", "--limit"},
                 0,
                 [](const Arguments& a) { return "/api/v1/logbook" + teamRecordQuery(a); },
                 "logbook",
                 [](const json::object& entry) {
                     return "[" + text(entry, "team") + "] " + text(entry, "at") + about(entry) +
                            ": " + text(entry, "text");
                 }})},
        {"aar-records", "[--team NAME] [--guide ID] [--since DATE] [--limit N]",
         "The After Action Reviews the teams recorded, newest first", Section::Server,
         listed({{"--team", "--guide", "--since", "--limit"},
                 0,
                 [](const Arguments& a) { return "/api/v1/aar-records" + teamRecordQuery(a); },
                 "aar_records",
                 aarLines})},
    };
    return table;
}

// The usage: the commands of the table between kUsageHead and kUsageTail, a
// command's summary in a column of its own, below the command when it is long.
const std::string& usage() {
    static const std::string text = [] {
        constexpr std::size_t kColumn = 28;
        std::string out(kUsageHead);
        for (const Section section : {Section::Files, Section::Server}) {
            if (section == Section::Server)
                out += "\n" + std::string(kServerHeading);
            for (const auto& command : commands()) {
                if (command.section != section)
                    continue;
                std::string synopsis = "  " + std::string(command.name);
                if (!command.arguments.empty())
                    synopsis += " " + std::string(command.arguments);
                out += synopsis;
                if (synopsis.size() + 2 > kColumn)
                    out += "\n" + std::string(kColumn, ' ');
                else
                    out += std::string(kColumn - synopsis.size(), ' ');
                for (const char c : command.summary)
                    out += c == '\n' ? "\n" + std::string(kColumn, ' ') : std::string(1, c);
                out += "\n";
            }
        }
        out += kUsageTail;
        return out;
    }();
    return text;
}

} // namespace

int run(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        err << usage();
        return kExitUsage;
    }
    const std::string& command = args.front();
    if (command == "-h" || command == "--help" || command == "help") {
        out << usage();
        return kExitOk;
    }
    if (command == "--version") {
        out << "souffleur " << kVersion << "\n";
        return kExitOk;
    }
    const auto& table = commands();
    const auto found = std::ranges::find(table, command, &Command::name);
    if (found == table.end()) {
        err << "souffleur: unknown command '" << command << "'\n\n" << usage();
        return kExitUsage;
    }
    return found->run(args.subspan(1), found->name, out, err);
}

} // namespace souffleur::authoring
