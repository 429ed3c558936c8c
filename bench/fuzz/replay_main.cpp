// The fuzz targets of bench/fuzz without libFuzzer, for builds with g++ (the
// test command's builds, which cannot link libFuzzer): each target's
// LLVMFuzzerTestOneInput is linked with this main as TARGET_replay, and
// ctest runs it over the committed corpus and then, for a few seconds, over
// inputs made from it by random edits (tests "fuzz_*", label "fuzz").
//
//   TARGET_replay [--mutate SECONDS] [--seed N] [--dict FILE] [--artifacts DIR] PATH...
//
// Every file under each PATH (directories recursively, README files aside)
// runs once, in name order: the seeds and the regressions kept from
// findings. With --mutate, then until SECONDS have passed: a corpus input,
// changed by one to five of libFuzzer's simplest edits (a bit flipped, a
// byte set, bytes erased, inserted or repeated, a dictionary word inserted
// or written over, a number replaced by an edge value, a splice with
// another input). This is not coverage-guided and has no sanitizers unless
// the build has them: it proves in every test run that the targets still
// build, hold on their corpus and shrug off small edits; scripts/fuzz is
// the real fuzzing (libFuzzer, ASan + UBSan, hours in a soak).
// An input that crashes, traps (a target's own check), ends in a sanitizer
// report or runs over 25 s is written to DIR (default: the working
// directory) as crash-TARGET-SEED-N or timeout-TARGET-SEED-N before the
// process dies; reproduce it with `TARGET_replay FILE` (or under libFuzzer:
// build-fuzz/bin/TARGET FILE).
#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
// Optional in a target (the server targets start their server in it).
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);
// The sanitizers' hook, when the build has them (weak: absent otherwise).
extern "C" __attribute__((weak)) void __sanitizer_set_death_callback(void (*callback)());

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxLength = 65536; // as scripts/fuzz's -max_len
constexpr unsigned kInputTimeoutSeconds = 25;

// What runs now, for the handlers that write it out when the process dies.
// Set before each input; read only by the handlers (async-signal-safe: no
// allocation there, the names are formatted in advance).
const std::uint8_t* g_data = nullptr;
std::size_t g_size = 0;
std::array<char, 4096> g_crashPath{};
std::array<char, 4096> g_timeoutPath{};

void writeInput(const char* path) {
    const int file = ::open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (file < 0)
        return;
    std::size_t written = 0;
    while (written < g_size) {
        const ssize_t step = ::write(file, g_data + written, g_size - written);
        if (step <= 0)
            break;
        written += static_cast<std::size_t>(step);
    }
    ::close(file);
    const char note[] = "replay: the input is in ";
    (void)!::write(STDERR_FILENO, note, sizeof note - 1);
    (void)!::write(STDERR_FILENO, path, std::strlen(path));
    (void)!::write(STDERR_FILENO, "\n", 1);
}

void onDeath() {
    if (g_data)
        writeInput(g_crashPath.data());
    g_data = nullptr; // once (an abort may follow)
}

void onSignal(int signal) {
    if (g_data)
        writeInput(signal == SIGALRM ? g_timeoutPath.data() : g_crashPath.data());
    g_data = nullptr; // once
    std::signal(signal, SIG_DFL);
    if (signal == SIGALRM)
        ::_exit(70);
    std::raise(signal);
}

// A dictionary in libFuzzer's format: one "word" per line (optionally
// name="word"), with \\, \" and \xNN escapes; # starts a comment.
std::vector<std::string> readDictionary(const fs::path& path) {
    std::vector<std::string> words;
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read the dictionary %s\n", path.c_str());
        std::exit(2);
    }
    std::string line;
    while (std::getline(in, line)) {
        const auto open = line.find('"');
        if (line.starts_with('#') || open == std::string::npos)
            continue;
        const auto close = line.rfind('"');
        if (close <= open)
            continue;
        std::string word;
        for (std::size_t i = open + 1; i < close; ++i) {
            if (line[i] == '\\' && i + 1 < close) {
                ++i;
                if (line[i] == 'x' && i + 2 < close) {
                    word += static_cast<char>(std::stoi(line.substr(i + 1, 2), nullptr, 16));
                    i += 2;
                } else {
                    word += line[i];
                }
            } else {
                word += line[i];
            }
        }
        if (!word.empty())
            words.push_back(std::move(word));
    }
    return words;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The random edits, on top of one another.
class Mutator {
public:
    Mutator(std::uint64_t seed, const std::vector<std::string>& corpus,
            const std::vector<std::string>& dictionary)
        : m_random(seed)
        , m_corpus(corpus)
        , m_dictionary(dictionary) {}

    std::string next() {
        std::string input = m_corpus[pick(m_corpus.size())];
        const std::size_t edits = 1 + pick(5);
        for (std::size_t i = 0; i < edits; ++i)
            edit(input);
        if (input.size() > kMaxLength)
            input.resize(kMaxLength);
        return input;
    }

private:
    std::size_t pick(std::size_t below) {
        return below == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, below - 1)(m_random);
    }
    char byte() { return static_cast<char>(pick(256)); }

    void edit(std::string& input) {
        const std::size_t at = pick(input.size() + 1);
        const std::size_t length = 1 + pick(std::min<std::size_t>(input.size() - at, 64) + 1);
        switch (pick(9)) {
        case 0: // a bit flipped
            if (at < input.size())
                input[at] = static_cast<char>(input[at] ^ (1 << pick(8)));
            break;
        case 1: { // a byte set, often to one that means something in a protocol
            static constexpr std::string_view kSpecial("\0\xff\r\n\"<>&{}[],:0-9 \t\x7f\x80", 22);
            if (at < input.size())
                input[at] = pick(2) == 0 ? byte() : kSpecial[pick(kSpecial.size())];
            break;
        }
        case 2: // bytes erased
            input.erase(at, length);
            break;
        case 3: // random bytes inserted
            for (std::size_t i = 0; i < length; ++i)
                input.insert(input.begin() + static_cast<std::ptrdiff_t>(at), byte());
            break;
        case 4: // a piece repeated, up to a hundred times
            if (at < input.size()) {
                const std::string piece = input.substr(at, length);
                const std::size_t times = 1 + pick(pick(2) == 0 ? 3 : 100);
                for (std::size_t i = 0; i < times && input.size() < kMaxLength; ++i)
                    input.insert(at, piece);
            }
            break;
        case 5: // a dictionary word inserted
            if (!m_dictionary.empty())
                input.insert(at, m_dictionary[pick(m_dictionary.size())]);
            break;
        case 6: // a dictionary word written over what is there
            if (!m_dictionary.empty()) {
                const auto& word = m_dictionary[pick(m_dictionary.size())];
                input.replace(at, std::min(word.size(), input.size() - at), word);
            }
            break;
        case 7: { // a number replaced by an edge value
            static constexpr std::array<std::string_view, 10> kNumbers{
                "0",          "-1",  "1e308", "4294967296", "18446744073709551616",
                "2147483647", "1.5", "-0",    "NaN",        "99999999999999999999999"};
            const auto digit = input.find_first_of("0123456789", at);
            if (digit != std::string::npos) {
                const auto end = input.find_first_not_of("0123456789", digit);
                input.replace(digit, (end == std::string::npos ? input.size() : end) - digit,
                              kNumbers[pick(kNumbers.size())]);
            }
            break;
        }
        default: { // spliced: this input up to `at`, another one from where it is as far in
            const auto& other = m_corpus[pick(m_corpus.size())];
            const std::size_t from = std::min(at, other.size());
            input = input.substr(0, at) + other.substr(from);
            break;
        }
        }
    }

    std::mt19937_64 m_random;
    const std::vector<std::string>& m_corpus;
    const std::vector<std::string>& m_dictionary;
};

void run(const std::string& input) {
    g_data = reinterpret_cast<const std::uint8_t*>(input.data());
    g_size = input.size();
    ::alarm(kInputTimeoutSeconds);
    LLVMFuzzerTestOneInput(g_data, g_size);
    ::alarm(0);
    g_data = nullptr;
}

[[noreturn]] void usage() {
    std::fprintf(stderr, "usage: TARGET_replay [--mutate SECONDS] [--seed N] [--dict FILE] "
                         "[--artifacts DIR] PATH...\n");
    std::exit(2);
}

} // namespace

int main(int argc, char** argv) {
    double mutateSeconds = 0;
    std::uint64_t seed = std::random_device{}();
    fs::path dictionaryPath;
    fs::path artifacts = fs::current_path();
    std::vector<fs::path> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        const bool hasValue = i + 1 < argc;
        if (arg == "--mutate" && hasValue)
            mutateSeconds = std::stod(argv[++i]);
        else if (arg == "--seed" && hasValue)
            seed = std::stoull(argv[++i]);
        else if (arg == "--dict" && hasValue)
            dictionaryPath = argv[++i];
        else if (arg == "--artifacts" && hasValue)
            artifacts = argv[++i];
        else if (arg.starts_with("--"))
            usage();
        else
            paths.emplace_back(arg);
    }
    if (paths.empty())
        usage();

    std::vector<fs::path> files;
    for (const auto& path : paths) {
        if (fs::is_directory(path)) {
            for (const auto& entry : fs::recursive_directory_iterator(path)) {
                if (entry.is_regular_file() && entry.path().filename() != "README")
                    files.push_back(entry.path());
            }
        } else if (fs::is_regular_file(path)) {
            files.push_back(path);
        } else {
            std::fprintf(stderr, "replay: %s is neither a file nor a directory\n", path.c_str());
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> corpus;
    for (const auto& file : files)
        corpus.push_back(readFile(file));
    const auto dictionary =
        dictionaryPath.empty() ? std::vector<std::string>{} : readDictionary(dictionaryPath);
    const std::string target = fs::path(argv[0]).filename().string();

    // With sanitizers, theirs report the faults (and call onDeath); without,
    // these handlers keep the input. A target's own check traps (SIGILL).
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(onDeath);
    else
        for (const int signal : {SIGSEGV, SIGBUS, SIGFPE})
            std::signal(signal, onSignal);
    for (const int signal : {SIGILL, SIGABRT, SIGALRM})
        std::signal(signal, onSignal);
    std::fprintf(stderr, "replay: %s, seed %llu, %zu corpus inputs\n", target.c_str(),
                 static_cast<unsigned long long>(seed), corpus.size());
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);

    const auto name = [&](std::array<char, 4096>& into, const char* kind, std::size_t n) {
        std::snprintf(into.data(), into.size(), "%s/%s-%s-%llu-%zu", artifacts.c_str(), kind,
                      target.c_str(), static_cast<unsigned long long>(seed), n);
    };
    const auto started = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        name(g_crashPath, "crash", i);
        name(g_timeoutPath, "timeout", i);
        std::fprintf(stderr, "replay: %s\n", files[i].c_str());
        run(corpus[i]);
    }
    std::size_t mutated = 0;
    if (mutateSeconds > 0 && !corpus.empty()) {
        Mutator mutator(seed, corpus, dictionary);
        const auto until =
            std::chrono::steady_clock::now() + std::chrono::duration<double>(mutateSeconds);
        while (std::chrono::steady_clock::now() < until) {
            name(g_crashPath, "crash", corpus.size() + mutated);
            name(g_timeoutPath, "timeout", corpus.size() + mutated);
            run(mutator.next());
            ++mutated;
        }
    }
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(
        stderr, "replay: %s: %zu corpus inputs and %zu edited ones (seed %llu) in %.1f s\n",
        target.c_str(), corpus.size(), mutated, static_cast<unsigned long long>(seed), took);
    return 0;
}
