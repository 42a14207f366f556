// A Hindi user writing in Devanagari with English tech words ("build", "file", "commit", "binary") on a
// small C++17 word-frequency tool for Hindi text (shabd: src/counter.{h,cpp}, src/tokenizer.{h,cpp},
// src/main.cpp), built by one plain Makefile with `g++ -Wall -Wextra` and tested by an assert-based
// binary (tests/test_main.cpp → ./run_tests). The model writes no thinking text (`thinking: false`): its
// choices and reasons sit in its short Hindi replies. Yesterday's change to top() does not compile
// (`error: no matching function for call to 'min(int&, …)'`; a size_t cast is chosen over changing the
// header's signature), then its test aborts (`Assertion `top[0].second == 3' failed.`, an ascending
// sort); a --min-len option counted in UTF-8 code points adds src/utf8.cpp, which the Makefile does not
// link (`undefined reference to`). The -Wsign-compare warning in tokenizer.cpp stays to the end: the
// user refuses the sed that would fix it (a colleague works on that file). A `-static` build is tried
// for the other server and taken out (its size); numbers from `size`, `ls -l` and the timing the tool
// prints (tee'd to results/ and read back at scoring). One mid-session /compact, one at the end.
// Written as a held-out scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// --- a long Hindi text for timing, deterministic ---
const WORDS = [
  'राम',
  'सीता',
  'गाँव',
  'नदी',
  'किनारे',
  'एक',
  'छोटा',
  'सा',
  'घर',
  'था',
  'उस',
  'में',
  'बूढ़ी',
  'दादी',
  'रहती',
  'थीं',
  'हर',
  'सुबह',
  'वह',
  'खेत',
  'जाती',
  'और',
  'शाम',
  'को',
  'लौटती',
  'बच्चे',
  'कहानी',
  'सुनते',
  'बारिश',
  'आई',
  'पेड़',
  'के',
  'नीचे',
  'बैठकर',
  'आम',
  'खाए',
  'चिड़िया',
  'गाती',
  'मेला',
  'लगा',
  'लोग',
  'दूर',
  'से',
  'आए',
  'का',
  'की',
  'है',
  'पर',
  'भी',
  'फिर',
  'बहुत',
  'अच्छा',
  'दिन',
  'रात',
  'चाँद',
  'तारे',
  'सपना',
  'Delhi',
  'school',
  'train',
];

// Nouns also come inflected (लड़कों, बातें, …), so a long text has a few hundred distinct words.
const NOUNS = ['लड़क', 'किताब', 'बात', 'रास्त', 'दोस्त', 'पहाड़', 'कमर', 'खिड़क', 'चिट्ठ', 'बाज़ार', 'मंदिर', 'स्टेशन', 'सड़क', 'बादल', 'फूल', 'पत्त', 'कुत्त', 'बिल्ल', 'गाड़'];
const ENDINGS = ['ा', 'े', 'ी', 'ों', 'ें', 'ियाँ', 'ो'];

function story(lines, seed) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor(s / 65536);
  };
  const out = [];
  for (let i = 0; i < lines; i++) {
    const n = 6 + (next() % 9);
    const words = [];
    for (let j = 0; j < n; j++) {
      // a skewed pick, so a few words dominate the way function words do
      const r = next() % 1000;
      if (r >= 900) {
        words.push(NOUNS[next() % NOUNS.length] + ENDINGS[next() % ENDINGS.length]);
        continue;
      }
      const idx = r < 400 ? 40 + (r % 10) : r < 700 ? r % 20 : next() % WORDS.length;
      words.push(WORDS[idx]);
    }
    out.push(words.join(' ') + (next() % 3 === 0 ? ', ' + WORDS[next() % WORDS.length] + '।' : '।'));
  }
  return out.join('\n') + '\n';
}

const MAKEFILE =
  'CXX = g++\nCXXFLAGS = -std=c++17 -Wall -Wextra -O2\n\nSRC = src/counter.cpp src/tokenizer.cpp\nHDR = src/counter.h src/tokenizer.h\n\n' +
  'all: shabd run_tests\n\nshabd: src/main.cpp $(SRC) $(HDR)\n\t$(CXX) $(CXXFLAGS) -Isrc -o $@ src/main.cpp $(SRC) $(LDFLAGS)\n\n' +
  'run_tests: tests/test_main.cpp $(SRC) $(HDR)\n\t$(CXX) $(CXXFLAGS) -Isrc -o $@ tests/test_main.cpp $(SRC) $(LDFLAGS)\n\n' +
  'test: run_tests\n\t./run_tests\n\nclean:\n\trm -f shabd run_tests\n\n.PHONY: all test clean\n';

const COUNTER_H = String.raw`#pragma once
#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

// शब्दों की गिनती। search team भी यही header include करती है।
class WordCounter {
public:
    void add(const std::string& word);
    std::size_t total() const { return total_; }
    std::size_t unique() const { return counts_.size(); }
    // सबसे ज़्यादा आने वाले n शब्द: ज़्यादा से कम, बराबर हों तो शब्द के क्रम में
    std::vector<std::pair<std::string, std::size_t>> top(int n) const;

private:
    std::unordered_map<std::string, std::size_t> counts_;
    std::size_t total_ = 0;
};
`;

const COUNTER_CPP = String.raw`#include "counter.h"

#include <algorithm>

void WordCounter::add(const std::string& word) {
    ++counts_[word];
    ++total_;
}

std::vector<std::pair<std::string, std::size_t>> WordCounter::top(int n) const {
    std::vector<std::pair<std::string, std::size_t>> entries(counts_.begin(), counts_.end());
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        if (a.second != b.second)
            return a.second < b.second;
        return a.first < b.first;
    });
    entries.resize(std::min(n, entries.size()));
    return entries;
}
`;

const TOKENIZER_H = String.raw`#pragma once
#include <string>
#include <vector>

// एक line को शब्दों में तोड़ता है: ASCII whitespace, विराम चिह्न और पूर्ण विराम (।) पर।
// अंग्रेज़ी अक्षर lower-case हो जाते हैं।
std::vector<std::string> tokenize(const std::string& line);
`;

const TOKENIZER_CPP = String.raw`#include "tokenizer.h"

#include <cctype>

namespace {
const std::string kDanda = "\xE0\xA5\xA4";  // ।

bool is_separator(unsigned char c) {
    return c < 0x80 && (std::isspace(c) || std::ispunct(c));
}
}  // namespace

std::vector<std::string> tokenize(const std::string& line) {
    std::vector<std::string> words;
    std::string current;
    for (int i = 0; i < line.size(); ++i) {
        if (line.compare(i, kDanda.size(), kDanda) == 0) {
            if (!current.empty())
                words.push_back(current);
            current.clear();
            i += kDanda.size() - 1;
            continue;
        }
        const unsigned char c = line[i];
        if (is_separator(c)) {
            if (!current.empty())
                words.push_back(current);
            current.clear();
        } else {
            current += c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
        }
    }
    if (!current.empty())
        words.push_back(current);
    return words;
}
`;

const MAIN_CPP = String.raw`#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "counter.h"
#include "tokenizer.h"

static int usage() {
    std::cerr << "usage: shabd FILE [--top N]\n";
    return 2;
}

int main(int argc, char** argv) {
    if (argc < 2)
        return usage();
    int top = 10;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--top") == 0 && i + 1 < argc)
            top = std::atoi(argv[++i]);
        else
            return usage();
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "shabd: " << argv[1] << " नहीं खुली\n";
        return 1;
    }

    const auto start = std::chrono::steady_clock::now();
    WordCounter counter;
    std::string line;
    while (std::getline(in, line))
        for (const auto& w : tokenize(line))
            counter.add(w);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;

    for (const auto& [word, n] : counter.top(top))
        std::cout << n << '\t' << word << '\n';
    std::cout << "कुल शब्द: " << counter.total() << ", अलग शब्द: " << counter.unique() << '\n';
    std::printf("समय: %.2f ms\n", took.count());
    return 0;
}
`;

const TESTS = String.raw`// assert वाले tests: कोई assert fail हुआ तो run_tests abort हो जाएगा।
#include <cassert>
#include <iostream>

#include "counter.h"
#include "tokenizer.h"

static void test_tokenize_spaces() {
    const auto w = tokenize("राम  और   श्याम");
    assert(w.size() == 3);
    assert(w[1] == "और");
}

static void test_tokenize_danda() {
    const auto w = tokenize("वह घर गया। फिर सो गया।");
    assert(w.size() == 6);
    assert(w[2] == "गया");
}

static void test_tokenize_english_lower() {
    const auto w = tokenize("Hello, hello!");
    assert(w.size() == 2);
    assert(w[0] == w[1]);
}

static void test_count_total() {
    WordCounter c;
    for (const char* w : {"क", "ख", "ख"})
        c.add(w);
    assert(c.total() == 3);
    assert(c.unique() == 2);
}

static void test_top_order() {
    WordCounter c;
    for (const char* w : {"क", "ख", "ख", "ग", "ग", "ग"})
        c.add(w);
    const auto top = c.top(2);
    assert(top.size() == 2);
    assert(top[0].second == 3);
    assert(top[1].first == "ख");
}

static void test_top_more_than_unique() {
    WordCounter c;
    c.add("क");
    assert(c.top(5).size() == 1);
}

int main() {
    test_tokenize_spaces();
    test_tokenize_danda();
    test_tokenize_english_lower();
    test_count_total();
    test_top_order();
    test_top_more_than_unique();
    std::cout << "सभी टेस्ट पास\n";
    return 0;
}
`;

const UTF8_H = String.raw`#pragma once
#include <cstddef>
#include <string>

// UTF-8 string में code points की गिनती (bytes नहीं): "का" → 2
std::size_t utf8_length(const std::string& s);
`;

const UTF8_CPP = String.raw`#include "utf8.h"

std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (const unsigned char c : s)
        if ((c & 0xC0) != 0x80)  // continuation bytes (10xxxxxx) नहीं गिनते
            ++n;
    return n;
}
`;

/** A figure from a file the session tee'd into results/. */
function figure(project, file, pattern) {
  const path = join(project, file);
  if (!existsSync(path)) return `${file}: (not generated yet)`;
  const match = pattern.exec(readFileSync(path, 'utf8'));
  return match ? match[1] : `${file}: no match for ${pattern}`;
}

export const scenario = {
  name: 'cpp-shabd-hindi-no-thinking',
  about:
    "held out: Hindi user in Devanagari with English tech words, C++17 word counter with one Makefile (g++ -Wall -Wextra) and an assert-based test binary; no thinking, decisions in short Hindi replies; no matching function for call to min fixed with a cast (not a header change); Assertion `top[0].second == 3' failed fixed; undefined reference to utf8_length fixed in the Makefile; the -Wsign-compare warning stays (the user refuses the sed on a colleague's file); -static tried and taken out; size, ls -l and the printed timing tee'd and read back; one mid and one final /compact",
  requires: ['g++', 'make', 'git', 'size', 'tee'],
  thinking: false,
  files: {
    '.gitignore': 'shabd\nrun_tests\n*.o\nresults/\n',
    'README.md': '# shabd\n\nHindi (और English) text में शब्दों की frequency।\n\n    make\n    ./shabd data/kahani.txt --top 10\n    make test\n',
    Makefile: MAKEFILE,
    'src/counter.h': COUNTER_H,
    'src/counter.cpp': COUNTER_CPP,
    'src/tokenizer.h': TOKENIZER_H,
    'src/tokenizer.cpp': TOKENIZER_CPP,
    'src/main.cpp': MAIN_CPP,
    'tests/test_main.cpp': TESTS,
    'data/kahani.txt': story(24000, 1950),
  },
  build(k, { project, edit, write }) {
    const fixReq = k.request('make test फिर से pass करवा दो');
    const headers = k.constraint('हेडर फ़ाइलों के नाम मत बदलो');
    const noLibs = k.constraint('कोई बाहरी library मत जोड़ना, सिर्फ़ standard library');
    k.error("error: no matching function for call to 'min(int&,", 'resolved');
    const cast = k.decision(
      'top() के अंदर n को std::size_t में बदलना',
      'main.cpp और search team का code top() को int के साथ call करते हैं',
      'counter.h में top() का parameter std::size_t कर देना',
    );
    k.file('src/counter.cpp');
    k.error("Assertion `top[0].second == 3' failed.", 'resolved');
    k.error('warning: comparison of integer expressions of different signedness', 'unresolved');
    const minLenReq = k.request('--min-len N option जोड़ो');
    const codepoints = k.decision(
      'लंबाई UTF-8 code points में गिनना',
      'देवनागरी का हर अक्षर 3 bytes का होता है, तो bytes से "का" की लंबाई 6 आती',
      'std::string::size() से लंबाई लेना',
    );
    k.file('src/utf8.h', 'src/utf8.cpp');
    k.file('src/main.cpp');
    k.file('tests/test_main.cpp');
    k.error('undefined reference to `utf8_length(', 'resolved');
    k.file('Makefile');
    const refusal = k.refusal('रुको, tokenizer.cpp को अभी मत छेड़ो — रवि उसी file पर अपनी branch में काम कर रहा है, conflict हो जाएगा');
    const bigReq = k.request('data/kahani.txt पर चलाकर देखो कितना time लगता है');
    const sizeReq = k.request('binary का size भी बताओ');
    k.number(figure(project, 'results/run.txt', /कुल शब्द: (\d+)/));
    k.number(figure(project, 'results/run.txt', /अलग शब्द: (\d+)/));
    k.number(figure(project, 'results/run.txt', /समय: ([\d.]+) ms/));
    k.number(figure(project, 'results/size.txt', /^\s*(\d+)\s+\d+\s+\d+\s+\d+/m));
    const staticTry = k.rejected('LDFLAGS = -static', 'static binary का size कई MB हो गया, और दूसरे server पर भी Debian 12 है, वहाँ वही libstdc++ पहले से है');
    k.number(figure(project, 'results/ls-static.txt', /^\S+\s+\d+\s+\S+\s+\S+\s+(\d+)/m));
    k.number(figure(project, 'results/ls-dynamic.txt', /^\S+\s+\d+\s+\S+\s+\S+\s+(\d+)/m));
    const readmeReq = k.request('README में --min-len का example लिखो और commit कर दो');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('make test', 'passing');
    k.not('decisions', staticTry.what, 'tried and taken out: a rejected approach');
    k.not('rejected', cast.choice, 'the fix that was kept is not a dead end');
    k.not('rejected', codepoints.alternative, 'weighed in a reply, never tried');
    k.not('errors', 'रवि उसी file पर', "the user's refusal is not a tool error");
    k.not('constraints', minLenReq, 'a request is not a standing rule');
    k.not('numbers', '12', 'the Debian release the user typed, not a measurement');

    const test = 'make test 2>&1 | head -n 20';
    const sed = "sed -i 's/for (int i = 0; i < line.size(); ++i)/for (std::size_t i = 0; i < line.size(); ++i)/' src/tokenizer.cpp";
    const minOld = '    entries.resize(std::min(n, entries.size()));\n';
    const minNew = '    if (n < 0)\n        n = 0;\n    entries.resize(std::min(static_cast<std::size_t>(n), entries.size()));\n';
    const sortOld = '            return a.second < b.second;\n';
    const sortNew = '            return a.second > b.second;  // ज़्यादा से कम\n';
    const argsOld =
      '    int top = 10;\n    for (int i = 2; i < argc; ++i) {\n        if (std::strcmp(argv[i], "--top") == 0 && i + 1 < argc)\n            top = std::atoi(argv[++i]);\n        else\n            return usage();\n    }\n';
    const argsNew =
      '    int top = 10;\n    std::size_t min_len = 1;\n    for (int i = 2; i < argc; ++i) {\n        if (std::strcmp(argv[i], "--top") == 0 && i + 1 < argc)\n            top = std::atoi(argv[++i]);\n' +
      '        else if (std::strcmp(argv[i], "--min-len") == 0 && i + 1 < argc)\n            min_len = std::strtoul(argv[++i], nullptr, 10);\n        else\n            return usage();\n    }\n';
    const loopOld = '        for (const auto& w : tokenize(line))\n            counter.add(w);\n';
    const loopNew = '        for (const auto& w : tokenize(line))\n            if (utf8_length(w) >= min_len)\n                counter.add(w);\n';
    const utf8Test =
      '\nstatic void test_utf8_length() {\n    assert(utf8_length("का") == 2);\n    assert(utf8_length("school") == 6);\n    assert(utf8_length("") == 0);\n}\n\nint main() {\n';
    const run = 'mkdir -p results && make shabd 2>&1 | tail -n 3 && ./shabd data/kahani.txt --top 5 --min-len 3 | tee results/run.txt';

    return [
      {
        user:
          'नमस्ते! 🙏 मेरा एक छोटा C++ project है "shabd" — Hindi text file में शब्दों की frequency गिनता है। कल मैंने counter.cpp में top() थोड़ा बदला था, ' +
          `और अब \`make test\` build पर ही fail हो रहा है 😕 कृपया ${fixReq}। Makefile में g++ -Wall -Wextra है, tests एक assert वाली binary है।\n\n` +
          `दो ज़रूरी बातें: ${headers} — search team के code में ये #include होते हैं। और ${noLibs}।`,
        model: [
          [empty(), bash(test, 'Build और tests')],
          [
            empty(),
            say(
              'counter.cpp में `std::min` को एक `int` और एक `size_t` मिल रहे हैं, दोनों का type एक होना चाहिए — इसलिए compile error। ' +
                `दो रास्ते हैं: ${cast.alternative}, या ${cast.choice}। दूसरा चुन रहा हूँ, क्योंकि ${cast.reason} — header बदलने से उनका build भी हिलेगा। negative n को 0 मान लूँगा।`,
            ),
            edit('src/counter.cpp', minOld, minNew),
          ],
          [empty(), bash(test, 'Build और tests')],
          [
            empty(),
            say(
              'अब compile हो गया, पर `test_top_order` में assert fail होकर abort हुआ। sort का comparator कम से ज़्यादा (ascending) कर रहा है, जबकि top() को ज़्यादा से कम चाहिए।',
            ),
            edit('src/counter.cpp', sortOld, sortNew),
          ],
          [empty(), bash('make test 2>&1 | tail -n 6', 'Build और tests')],
          [
            empty(),
            say(
              'हो गया ✅ `make test` अब pass है ("सभी टेस्ट पास")।\n\n' +
                '1. **compile error**: `std::min(n, entries.size())` में `int` और `size_t` थे। `top()` के अंदर ही cast किया; `counter.h` में कुछ नहीं बदला।\n' +
                '2. **assert abort**: sort उल्टा (कम से ज़्यादा) था, अब ज़्यादा से कम, और बराबर count पर शब्द के क्रम में।\n\n' +
                'एक बात: tokenizer.cpp के loop पर एक `-Wsign-compare` warning हर build में आती है (`int i` बनाम `line.size()`)। यह पहले से थी, मैंने नहीं छुई।',
            ),
          ],
        ],
      },
      {
        user:
          `शाबाश! 👍 अब एक नया feature चाहिए: ${minLenReq}, ताकि "का", "की", "है" जैसे छोटे शब्द top list में न आएँ। ` +
          'जैसे `--min-len 3` दिया तो 3 अक्षर से छोटे शब्द गिने ही न जाएँ। test भी लिख देना।',
        model: [
          [
            empty(),
            say(
              `"अक्षर" की लंबाई कैसे गिनें, यह अहम है। ${codepoints.alternative} ग़लत होगा: ${codepoints.reason}। ` +
                `इसलिए ${codepoints.choice} — हर वह byte गिनो जो continuation byte (10xxxxxx) नहीं है। यह एक छोटे function \`utf8_length()\` में, नई file src/utf8.cpp में।`,
            ),
            write('src/utf8.h', UTF8_H),
          ],
          [empty(), write('src/utf8.cpp', UTF8_CPP)],
          [empty(), edit('src/main.cpp', '#include "tokenizer.h"\n', '#include "tokenizer.h"\n#include "utf8.h"\n')],
          [empty(), edit('src/main.cpp', argsOld, argsNew)],
          [empty(), edit('src/main.cpp', loopOld, loopNew)],
          [
            empty(),
            edit('src/main.cpp', '    std::cerr << "usage: shabd FILE [--top N]\\n";\n', '    std::cerr << "usage: shabd FILE [--top N] [--min-len N]\\n";\n'),
          ],
          [empty(), edit('tests/test_main.cpp', '#include "tokenizer.h"\n', '#include "tokenizer.h"\n#include "utf8.h"\n')],
          [empty(), edit('tests/test_main.cpp', '\nint main() {\n', utf8Test)],
          [empty(), edit('tests/test_main.cpp', '    test_top_more_than_unique();\n', '    test_top_more_than_unique();\n    test_utf8_length();\n')],
          [empty(), bash('make test 2>&1 | grep -v "^g++" | head -n 12', 'Build और tests')],
          [
            empty(),
            say('Linker को `utf8_length` नहीं मिला: नई file src/utf8.cpp Makefile के `SRC` में है ही नहीं। जोड़ रहा हूँ (header `HDR` में भी)।'),
            edit(
              'Makefile',
              'SRC = src/counter.cpp src/tokenizer.cpp\nHDR = src/counter.h src/tokenizer.h\n',
              'SRC = src/counter.cpp src/tokenizer.cpp src/utf8.cpp\nHDR = src/counter.h src/tokenizer.h src/utf8.h\n',
            ),
          ],
          [empty(), bash('make test 2>&1 | tail -n 4', 'Build और tests')],
          [
            empty(),
            say('Tests pass हैं। वह पुरानी sign-compare warning अब भी हर build में दिखती है — `int i` को `std::size_t` कर देता हूँ, एक line का काम है।'),
            bash(sed, 'tokenizer.cpp का loop index size_t करना'),
          ],
          [
            empty(),
            say(
              'ठीक है, tokenizer.cpp नहीं छुआ 🙂 warning वैसी ही रहेगी।\n\n`--min-len N` तैयार है:\n' +
                '- लंबाई code points में गिनी जाती है (`utf8_length()`, src/utf8.h + src/utf8.cpp), तो "का" = 2, "school" = 6\n' +
                '- `--min-len 3` से 3 से छोटे शब्द गिने ही नहीं जाते (कुल शब्दों में भी नहीं)\n' +
                '- नई file Makefile में जोड़ी; पहले linker error आया था क्योंकि वह `SRC` में नहीं थी\n- `test_utf8_length` जोड़ा, `make test` pass',
            ),
          ],
        ],
        refuse: { [sed]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Hindi user; C++17 word counter. make test passes again; --min-len added in code points.',
          intent: 'Make make test pass again; add --min-len N. Do not rename header files; no external libraries.',
          concepts: ['g++ -Wall -Wextra', 'assert-based test binary', 'UTF-8 code points'],
          files: [
            'src/counter.cpp: size_t cast, descending sort',
            'src/utf8.h, src/utf8.cpp: utf8_length()',
            'src/main.cpp: --min-len',
            'tests/test_main.cpp: utf8 test',
            'Makefile: utf8.cpp in SRC',
          ],
          errors: [
            'std::min with int and size_t did not compile; fixed',
            'test_top_order aborted (ascending sort); fixed',
            'The new file was not linked; fixed',
            'A sign-compare warning in tokenizer.cpp remains',
          ],
          solving: 'The header signature of top() was kept. The user did not want tokenizer.cpp touched.',
          messages: ['Fix make test; keep header names; standard library only', 'Add --min-len N with a test'],
          pending: [],
          current: 'make test passes.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `बढ़िया 😊 अब ${bigReq}, और ${sizeReq} — यह binary एक दूसरे server पर copy करनी है, वहाँ भी Debian 12 है।`,
        model: [
          [empty(), bash(run, 'बड़ी file पर चलाना')],
          [empty(), bash('size shabd | tee results/size.txt; ls -l shabd', 'Binary का size')],
          [
            empty(),
            say('दूसरी machine पर libstdc++ का version अलग हो सकता है, तो एक static build भी देख लेता हूँ — वह किसी shared library पर निर्भर नहीं रहेगी।'),
            edit('Makefile', 'CXXFLAGS = -std=c++17 -Wall -Wextra -O2\n', `CXXFLAGS = -std=c++17 -Wall -Wextra -O2\n${staticTry.what}\n`),
          ],
          [empty(), bash('make clean && make shabd 2>&1 | tail -n 1 && ls -l shabd | tee results/ls-static.txt && ldd shabd', 'Static build')],
          [
            empty(),
            say(`नहीं, यह ठीक नहीं: ${staticTry.why}। static linking वापस ले रहा हूँ।`),
            edit('Makefile', `CXXFLAGS = -std=c++17 -Wall -Wextra -O2\n${staticTry.what}\n`, 'CXXFLAGS = -std=c++17 -Wall -Wextra -O2\n'),
          ],
          [
            empty(),
            bash(
              'make clean && make shabd 2>&1 | tail -n 1 && ls -l shabd | tee results/ls-dynamic.txt && make test 2>&1 | tail -n 1',
              'सामान्य build और tests',
            ),
          ],
          [
            empty(),
            say(
              'नतीजे ऊपर output में हैं और `results/` में save हैं (run.txt, size.txt, ls-static.txt, ls-dynamic.txt):\n\n' +
                '- `--top 5 --min-len 3` के साथ पूरी कहानी की गिनती, आख़िरी line में समय\n' +
                '- `size` और `ls -l` से binary का size\n' +
                '- static build आज़माया, बहुत भारी निकला; Makefile वापस पहले जैसा (dynamic) है\n\n' +
                'दूसरे server पर Debian 12 है, तो यही binary सीधे copy करके चल जानी चाहिए। `make test` अब भी pass है।',
            ),
          ],
        ],
      },
      {
        user: `एकदम सही 👌 आख़िरी काम: ${readmeReq}। commit message English में रखना।`,
        model: [
          [
            empty(),
            edit(
              'README.md',
              '    ./shabd data/kahani.txt --top 10\n',
              '    ./shabd data/kahani.txt --top 10\n    ./shabd data/kahani.txt --top 10 --min-len 3   # 3 अक्षर (code points) से छोटे शब्द नहीं गिने जाते\n',
            ),
          ],
          [
            empty(),
            bash(
              'git add Makefile README.md src/counter.cpp src/main.cpp src/utf8.h src/utf8.cpp tests/test_main.cpp && ' +
                'git commit -qm "Fix top() build and order, add --min-len counted in UTF-8 code points" && git log --oneline -2 && git status --short',
              'Commit',
            ),
          ],
          [empty(), say('README में `--min-len` का example जोड़ा और commit कर दिया (English message)। `results/` .gitignore में है, commit में नहीं गया। 🙏')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Continuation: timing and binary size measured; a static build was tried and taken out; README updated and committed.',
          intent:
            'Word counter: fix make test, --min-len, measure on the big file and report the binary size, README and commit. Keep header names; standard library only.',
          concepts: ['size(1), ls -l', 'static vs dynamic linking'],
          files: ['Makefile: static linking tried and removed', 'README.md: --min-len example'],
          errors: ['The sign-compare warning in tokenizer.cpp remains'],
          solving: 'The static binary was far bigger and not needed on the same Debian.',
          messages: ['Earlier messages are in the previous summary', 'Time the big file and report the binary size', 'README example for --min-len and commit'],
          pending: [],
          current: 'Committed.',
          next: 'None.',
        }),
      },
    ];
  },
};
