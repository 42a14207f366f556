// A terse Welsh user (Cymraeg), a small C++ stock tool built with g++ through a hand-written Makefile,
// and a hand-written assertion test binary (`make test` runs tests/run_tests, which prints its own
// summary line). No thinking: the model's reasons sit in its text. A linker error (`undefined reference
// to total_value`, defined in src/value.cpp which the Makefile never links) is fixed by moving the function
// into stock.cpp, because the user's rule is that the Makefile is not to be touched; an OBJS override on
// the make command line is tried and dropped. A crash (Segmentation fault, exit 139) on a missing code is
// fixed with a nullptr check. The trim test is left failing. Numbers: the item count and totals the
// program prints and the test binary's summary. One compaction. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say } from '../kit.mjs';

const NAMES = ['afal', 'bara', 'caws', 'llaeth', 'menyn', 'wyau', 'te', 'coffi', 'siwgr', 'halen', 'blawd', 'reis', 'pys', 'ffa'];

function stockCsv() {
  const rows = ['cod,enw,nifer,pris'];
  let qty = 0;
  let pence = 0;
  for (let i = 1; i <= 287; i++) {
    const n = 1 + ((i * 37) % 53);
    const p = 45 + ((i * 113) % 900);
    qty += n;
    pence += n * p;
    rows.push(`S${String(1000 + i)},${NAMES[i % NAMES.length]}-${i},${n},${(p / 100).toFixed(2)}`);
  }
  return { csv: rows.join('\n') + '\n', items: 287, qty, value: (pence / 100).toFixed(2) };
}
const STOCK = stockCsv();

const HEADER =
  '#pragma once\n#include <string>\n#include <vector>\n\nstruct Item {\n    std::string code;\n    std::string name;\n    int qty = 0;\n    double price = 0.0;\n};\n\n' +
  'Item parse_line(const std::string &line);\nstd::vector<Item> load(const std::string &path);\nconst Item *find_item(const std::vector<Item> &items, const std::string &code);\n' +
  'int total_qty(const std::vector<Item> &items);\ndouble total_value(const std::vector<Item> &items);\n';

const STOCK_CPP =
  '#include "stock.h"\n\n#include <fstream>\n#include <sstream>\n\n' +
  'Item parse_line(const std::string &line)\n{\n    Item it;\n    std::stringstream ss(line);\n    std::string field;\n' +
  "    std::getline(ss, it.code, ',');\n    std::getline(ss, it.name, ',');\n    std::getline(ss, field, ',');\n    it.qty = std::stoi(field);\n    std::getline(ss, field, ',');\n    it.price = std::stod(field);\n    return it;\n}\n\n" +
  'std::vector<Item> load(const std::string &path)\n{\n    std::vector<Item> items;\n    std::ifstream in(path);\n    std::string line;\n    std::getline(in, line); // header\n' +
  '    while (std::getline(in, line))\n        if (!line.empty())\n            items.push_back(parse_line(line));\n    return items;\n}\n\n' +
  'const Item *find_item(const std::vector<Item> &items, const std::string &code)\n{\n    for (const auto &it : items)\n        if (it.code == code)\n            return &it;\n    return nullptr;\n}\n\n' +
  'int total_qty(const std::vector<Item> &items)\n{\n    int n = 0;\n    for (const auto &it : items)\n        n += it.qty;\n    return n;\n}\n';

const VALUE_CPP =
  '#include "stock.h"\n\ndouble total_value(const std::vector<Item> &items)\n{\n    double v = 0;\n    for (const auto &it : items)\n        v += it.qty * it.price;\n    return v;\n}\n';

const MAIN_CPP =
  '#include "stock.h"\n\n#include <cstdio>\n#include <cstring>\n\n' +
  'int main(int argc, char **argv)\n{\n    if (argc < 2) {\n        std::fprintf(stderr, "defnydd: stoc FFEIL [--cod COD]\\n");\n        return 2;\n    }\n' +
  '    auto items = load(argv[1]);\n    if (argc > 3 && std::strcmp(argv[2], "--cod") == 0) {\n        const Item *it = find_item(items, argv[3]);\n' +
  '        std::printf("%s %s: %d\\n", it->code.c_str(), it->name.c_str(), it->qty);\n        return 0;\n    }\n' +
  '    std::printf("eitemau: %zu\\n", items.size());\n    std::printf("cyfanswm nifer: %d\\n", total_qty(items));\n    std::printf("gwerth: %.2f\\n", total_value(items));\n    return 0;\n}\n';

const TESTS_CPP =
  '// hand-rolled checks, no framework\n#include "../src/stock.h"\n\n#include <cstdio>\n#include <string>\n\n' +
  'static int run = 0, failed = 0;\n#define CHECK(name, cond) do { run++; if (!(cond)) { failed++; std::printf("FAIL: %s (%s:%d)\\n", name, __FILE__, __LINE__); } } while (0)\n\n' +
  'int main()\n{\n' +
  '    for (int q = 0; q < 120; q++) {\n        Item it = parse_line("S1," + std::string("x") + "," + std::to_string(q) + ",1.50");\n        CHECK("parse_line qty", it.qty == q);\n    }\n' +
  '    Item a = parse_line("S9,caws,4,2.25");\n    CHECK("parse_line code", a.code == "S9");\n    CHECK("parse_line name", a.name == "caws");\n    CHECK("parse_line price", a.price == 2.25);\n' +
  '    Item b = parse_line("S10, bara ,3,1.00");\n    CHECK("parse_line trims spaces", b.name == "bara");\n' +
  '    std::vector<Item> v{a, parse_line("S10,bara,3,1.00")};\n    CHECK("find_item hit", find_item(v, "S10") != nullptr);\n    CHECK("find_item miss", find_item(v, "S99") == nullptr);\n' +
  '    CHECK("total_qty", total_qty(v) == 7);\n    CHECK("total_value", total_value(v) == 12.0);\n\n' +
  '    std::printf("gwiriadau: %d wedi rhedeg, %d wedi pasio, %d wedi methu\\n", run, run - failed, failed);\n    return failed ? 1 : 0;\n}\n';

const MAKEFILE =
  'CXX = g++\nCXXFLAGS = -std=c++17 -Wall -O0 -g\nOBJS = src/main.o src/stock.o\n\n' +
  'stoc: $(OBJS)\n\t$(CXX) -o $@ $(OBJS)\n\n' +
  'tests/run_tests: tests/test_stock.o src/stock.o src/value.o\n\t$(CXX) -o $@ $^\n\n' +
  '%.o: %.cpp src/stock.h\n\t$(CXX) $(CXXFLAGS) -c -o $@ $<\n\n' +
  'test: tests/run_tests\n\t./tests/run_tests\n\nclean:\n\trm -f src/*.o tests/*.o stoc tests/run_tests\n\n.PHONY: test clean\n';

export const scenario = {
  name: 'cpp-stoc-welsh-terse',
  about:
    'held out: terse Welsh user, C++ stock tool via g++ + hand-written Makefile, hand-written assertion test binary (make test); no thinking; undefined reference fixed by moving total_value into stock.cpp (Makefile off limits), an OBJS override dropped; Segmentation fault (exit 139) fixed with a nullptr check; trim test left failing; one compaction',
  requires: ['g++', 'make', 'git'],
  thinking: false,
  files: {
    '.gitignore': '*.o\nstoc\ntests/run_tests\n',
    Makefile: MAKEFILE,
    'README.md': '# stoc\n\nCyfrif stoc y siop o CSV.\n\n    make && ./stoc data/stoc.csv\n',
    'src/stock.h': HEADER,
    'src/stock.cpp': STOCK_CPP,
    'src/value.cpp': VALUE_CPP,
    'src/main.cpp': MAIN_CPP,
    'tests/test_stock.cpp': TESTS_CPP,
    'data/stoc.csv': STOCK.csv,
  },
  build(k, { edit }) {
    const buildReq = k.request("trwsia'r build, mae'r linker yn methu");
    const noMakefile = k.constraint("paid â chyffwrdd â'r Makefile");
    k.error('undefined reference to `total_value', 'resolved');
    k.error('collect2: error: ld returned 1 exit status', 'resolved');
    const override = k.rejected(
      'OBJS="src/main.o src/stock.o src/value.o"',
      'a plain make would still fail to link, the override only lives on my command line',
    );
    const move = k.decision(
      'moving total_value into src/stock.cpp',
      'stock.o is already linked into both stoc and run_tests',
      'adding src/value.o to OBJS in the Makefile',
    );
    k.file('src/stock.cpp');
    k.number(String(STOCK.items));
    k.number(String(STOCK.qty));
    k.number(STOCK.value);
    const crashReq = k.request('mae stoc yn chwalu efo --cod sy ddim yn bodoli, S9999');
    k.error('Segmentation fault', 'resolved');
    const guard = k.decision(
      'a nullptr check in main.cpp',
      'the find_item miss check in the tests expects nullptr for an unknown code',
      'throwing std::out_of_range from find_item',
    );
    k.file('src/main.cpp');
    const testReq = k.request('rheda make test');
    k.error('FAIL: parse_line trims spaces', 'unresolved');
    k.number('128');
    k.number('127');
    k.check('make test', 'failing');
    const leave = k.request('gad y prawf trim fel mae am rŵan');
    const noCommit = k.constraint("dim commits, dw i'n gwneud nhw fy hun");
    const readme = k.request("diweddara'r README efo make test a'r opsiwn --cod");
    k.file('README.md');
    k.lastRequest(readme);
    k.not('constraints', leave, 'leaving one test for now is a request, not a standing rule');
    k.not('refusals', noMakefile, 'a standing rule: no tool call was refused');
    k.not('errors', 'g++ -std=c++17 -Wall -O0 -g -c -o src/main.o src/main.cpp', 'a compile command make echoes is not an error');
    k.not('rejected', move.choice, 'the fix that stayed is not a dead end');

    const items = STOCK.items;
    return [
      {
        user: `${buildReq}. ${noMakefile}.`,
        model: [
          [bash('make 2>&1 | tail -n 8', 'Build stoc')],
          [bash("grep -n 'total_value' src/*.cpp src/*.h; grep -n '^OBJS' Makefile", 'Where is total_value defined')],
          [
            say('`total_value` lives in src/value.cpp but OBJS only has main.o and stock.o. Trying with value.o added on the command line first:'),
            bash(
              'make stoc OBJS="src/main.o src/stock.o src/value.o" 2>&1 | tail -n 3 && ./stoc data/stoc.csv',
              'Link with value.o via a command-line override',
            ),
          ],
          [
            say(
              `Links and runs, but that's no fix: ${override.why}. ` +
                `I'll go with ${move.choice} instead of ${move.alternative} (you said hands off the Makefile), since ${move.reason}.`,
            ),
            bash(
              'rm -f stoc src/*.o && cat src/value.cpp >> src/stock.cpp && git rm -q src/value.cpp && git status --short',
              'Move total_value into stock.cpp',
            ),
          ],
          [
            say('run_tests still lists src/value.o as a prerequisite, so `make test` would break too. Checking.'),
            bash('make 2>&1 | tail -n 4 && ./stoc data/stoc.csv', 'Rebuild and run'),
          ],
          [edit('src/stock.cpp', '#include "stock.h"\n\ndouble total_value', '\ndouble total_value')],
          [bash('make 2>&1 | tail -n 2; ./stoc data/stoc.csv', 'Rebuild after tidy')],
          [
            say(
              "Build ok. Note: the `tests/run_tests` rule in the Makefile still names src/value.o, so `make test` can't build now. Didn't touch the Makefile — want me to, or put a stub value.cpp back?",
            ),
          ],
        ],
      },
      {
        user: `na, dim stub. gad o. ${crashReq}`,
        model: [
          [bash('./stoc data/stoc.csv --cod S9999; echo "exit $?"', 'Reproduce the crash')],
          [bash('./stoc data/stoc.csv --cod S1005; echo "exit $?"', 'A code that exists')],
          [
            say(
              `find_item returns nullptr on a miss and main dereferences it. Options: ${guard.alternative} or ${guard.choice}. Going with the check: ${guard.reason}.`,
            ),
            edit(
              'src/main.cpp',
              '        const Item *it = find_item(items, argv[3]);\n',
              '        const Item *it = find_item(items, argv[3]);\n        if (!it) {\n            std::fprintf(stderr, "dim eitem efo\'r cod %s\\n", argv[3]);\n            return 1;\n        }\n',
            ),
          ],
          [bash('make 2>&1 | tail -n 2 && ./stoc data/stoc.csv --cod S9999; echo "exit $?"', 'Rebuild and retry the missing code')],
          [say('Fixed: unknown code now prints "dim eitem…" and exits 1 instead of crashing.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'stoc: link error fixed by moving a function, crash on unknown code fixed.',
          intent: 'Fix the build and a crash on an unknown --cod. Do not touch the Makefile.',
          concepts: ['g++', 'Makefile', 'linker'],
          files: ['src/stock.cpp: now holds total_value', 'src/value.cpp: removed', 'src/main.cpp: null check'],
          errors: ['Linker could not find total_value; fixed', 'Crash on an unknown code; fixed'],
          solving: `stoc builds and reports ${items} items.`,
          messages: ['Fix the build; hands off the Makefile', 'Fix the crash with an unknown code'],
          pending: ['make test cannot build (Makefile still lists value.o)'],
          current: 'Crash fixed.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `${testReq}. rhoi stub value.cpp wag yn ôl yn iawn os oes rhaid`,
        model: [
          [
            say('Putting back an empty src/value.cpp so the test rule can build without touching the Makefile.'),
            bash(
              "printf '// total_value moved to stock.cpp; kept for the Makefile\\n' > src/value.cpp && make test 2>&1 | tail -n 6",
              'Stub value.cpp and run the tests',
            ),
          ],
          [bash('./tests/run_tests | grep -c FAIL; ./tests/run_tests | tail -n 1', 'Count failures')],
          [
            say(
              'One check fails: `parse_line` doesn\'t trim spaces round the name (" bara " stays padded). Everything else passes. Fix it by trimming in parse_line?',
            ),
          ],
        ],
      },
      {
        user: `${leave}. ${noCommit}. ${readme}`,
        model: [
          [
            edit(
              'README.md',
              '    make && ./stoc data/stoc.csv\n',
              '    make && ./stoc data/stoc.csv\n    ./stoc data/stoc.csv --cod S1005   # un eitem\n    make test                           # gwiriadau\n',
            ),
          ],
          [bash('git status --short', 'Status')],
          [say('README updated (`--cod` and `make test`). Trim check left failing, nothing committed.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'stoc: builds, crash fixed, one test left failing by request, README updated.',
          intent: 'Fix build and crash, run tests, update README. Makefile off limits; no commits.',
          concepts: ['g++', 'Makefile', 'hand-written checks'],
          files: ['src/stock.cpp', 'src/main.cpp', 'src/value.cpp: stub', 'README.md'],
          errors: ['trim check still failing (left on purpose)'],
          solving: 'README now documents --cod and make test.',
          messages: ['Run make test', 'Leave the trim test; no commits; update README'],
          pending: ['trim test'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
