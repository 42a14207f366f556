// A chatty Serbian user writing Latin script, sometimes with diacritics ("ćao", "hvala"), sometimes
// without ("cao", "jos"), on a small C++17 latency histogram built by a plain Makefile (`g++ -std=c++17
// -Wall`) and tested by a hand-written runner printing `[PASS] name` / `[FAIL] name: expected X got Y`.
// The model thinks in English and answers in Serbian, keeping a task list (this CLI's TaskCreate and
// TaskUpdate, which replaced TodoWrite). A colleague's new tests crash the runner at run time
// (`terminate called after throwing an instance of 'std::out_of_range'`, an index one past the end) and
// hide a failing reset test; both are fixed, and a percentile test the user leaves for the colleague
// stays failing. A bench is written and timed with
// `time` ("throughput: N ops/sec", tee'd to bench/results/ and read back at scoring, since it varies);
// `-O3 -march=native` is tried and reverted because the binaries are copied to old production Xeons. A
// merge() method hits a missing <stdexcept>; a clang-format over the whole tree is refused. One
// mid-session /compact, one at the end. Written as a held-out scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const MAKEFILE =
  'CXX = g++\nCXXFLAGS = -std=c++17 -Wall -O2\n\nSRC = src/histogram.cpp\n\nall: run_tests\n\n' +
  'run_tests: tests/run_tests.cpp $(SRC) src/histogram.h\n\t$(CXX) $(CXXFLAGS) -Isrc -o $@ tests/run_tests.cpp $(SRC)\n\n' +
  'test: run_tests\n\t./run_tests\n\nclean:\n\trm -f run_tests\n\n.PHONY: all test clean\n';

const HEADER = String.raw`#pragma once
#include <cstdint>
#include <vector>

// Fixed-width latency histogram: values 0..max_value (microseconds) in buckets of width.
// The monitoring exporter links against this header: keep the signatures stable.
class Histogram {
public:
    Histogram(std::uint32_t max_value, std::uint32_t width);

    void record(std::uint32_t value);
    void reset();

    std::uint64_t count() const { return total_; }
    double mean() const;
    // Upper bound of the bucket that holds the p-th percentile value.
    std::uint32_t percentile(double p) const;
    const std::vector<std::uint64_t>& buckets() const { return counts_; }

private:
    std::uint32_t max_;
    std::uint32_t width_;
    std::vector<std::uint64_t> counts_;
    std::uint64_t total_ = 0;
    std::uint64_t sum_ = 0;
};
`;

const SOURCE = String.raw`#include "histogram.h"

#include <algorithm>

Histogram::Histogram(std::uint32_t max_value, std::uint32_t width)
    : max_(max_value), width_(width), counts_(max_value / width, 0) {}

void Histogram::record(std::uint32_t value) {
    if (value > max_)
        value = max_;  // saturate: anything slower counts as max
    counts_.at(value / width_)++;
    total_++;
    sum_ += value;
}

void Histogram::reset() {
    std::fill(counts_.begin(), counts_.end(), 0);
    sum_ = 0;
}

double Histogram::mean() const {
    return total_ ? static_cast<double>(sum_) / total_ : 0.0;
}

std::uint32_t Histogram::percentile(double p) const {
    const auto rank = static_cast<std::uint64_t>(p / 100.0 * total_);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        seen += counts_[i];
        if (seen > rank)
            return static_cast<std::uint32_t>((i + 1) * width_ - 1);
    }
    return max_;
}
`;

const TESTS_HEAD = String.raw`// Hand-rolled test runner: one [PASS]/[FAIL] line per check, exit 1 if anything failed.
#include <iostream>
#include <string>

#include "histogram.h"

static int passed = 0, failed = 0;

template <class T, class U>
static void expect_eq(const std::string& name, const T& expected, const U& got) {
    if (expected == got) {
        std::cout << "[PASS] " << name << std::endl;
        ++passed;
    } else {
        std::cout << "[FAIL] " << name << ": expected " << expected << " got " << got << std::endl;
        ++failed;
    }
}

static void test_empty_count() {
    Histogram h(1000, 10);
    expect_eq("empty_count", 0u, h.count());
}

static void test_record_one() {
    Histogram h(1000, 10);
    h.record(5);
    expect_eq("record_one", 1u, h.count());
}

static void test_mean_two() {
    Histogram h(1000, 10);
    h.record(10);
    h.record(20);
    expect_eq("mean_two", 15.0, h.mean());
}

static void test_bucket_of_15() {
    Histogram h(1000, 10);
    h.record(15);
    expect_eq("bucket_of_15", 1u, h.buckets()[1]);
}

// --- added by Dragan ---

static void test_count_after_reset() {
    Histogram h(1000, 10);
    h.record(1);
    h.record(2);
    h.record(3);
    h.reset();
    expect_eq("count_after_reset", 0u, h.count());
}

static void test_record_max() {
    Histogram h(1000, 10);
    h.record(1000);
    expect_eq("record_max", 1u, h.buckets().back());
}

static void test_overflow_saturates() {
    Histogram h(1000, 10);
    h.record(5000);
    expect_eq("overflow_saturates", 1u, h.buckets().back());
}

// p99 of 1..1000 should be 990.
static void test_percentile_p99() {
    Histogram h(1000, 10);
    for (std::uint32_t v = 1; v <= 1000; ++v)
        h.record(v);
    expect_eq("percentile_p99", 990u, h.percentile(99));
}

static void test_mean_empty() {
    Histogram h(1000, 10);
    expect_eq("mean_empty", 0.0, h.mean());
}
`;

const TESTS_MAIN = String.raw`
int main() {
    test_empty_count();
    test_record_one();
    test_mean_two();
    test_bucket_of_15();
    test_count_after_reset();
    test_record_max();
    test_overflow_saturates();
    test_percentile_p99();
    test_mean_empty();
    std::cout << passed << " passed, " << failed << " failed" << std::endl;
    return failed ? 1 : 0;
}
`;

const BENCH = String.raw`// Throughput of Histogram::record(): ./bench_histogram [N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "histogram.h"

int main(int argc, char** argv) {
    const long n = argc > 1 ? std::atol(argv[1]) : 50000000L;

    // Values are drawn up front so the generator stays out of the timed loop.
    std::mt19937 rng(20240611);
    std::uniform_int_distribution<std::uint32_t> dist(0, 120000);
    std::vector<std::uint32_t> values(1 << 16);
    for (auto& v : values)
        v = dist(rng);

    Histogram h(100000, 100);
    const auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < n; ++i)
        h.record(values[i & 0xffff]);
    const auto t1 = std::chrono::steady_clock::now();

    const double secs = std::chrono::duration<double>(t1 - t0).count();
    std::printf("records: %ld\n", n);
    std::printf("p99: %u us\n", h.percentile(99));
    std::printf("throughput: %.0f ops/sec\n", n / secs);
    return 0;
}
`;

/** A figure of a bench run the session tee'd to bench/results/: time's real or user, or the throughput. */
function benchFigure(project, file, which) {
  const path = join(project, file);
  if (!existsSync(path)) return `${file}: ${which} (not generated yet)`;
  const text = readFileSync(path, 'utf8');
  const match = which === 'throughput' ? /^throughput: (\d+) ops\/sec/m.exec(text) : new RegExp(`^${which}\\s+0m([\\d.]+)s`, 'm').exec(text);
  return match ? match[1] : `${file}: no ${which}`;
}

export const scenario = {
  name: 'cpp-serbian-chatty',
  about:
    "held out: chatty Serbian user in Latin script with and without diacritics, C++17 histogram with a Makefile (g++ -std=c++17 -Wall) and a hand-written [PASS]/[FAIL] runner; thinking in English, answers in Serbian, a task list (TaskCreate/TaskUpdate); terminate after std::out_of_range fixed, a reset test fixed, a colleague's p99 test left failing; a bench timed with time and a throughput line (tee'd, read back); -O3 -march=native tried and reverted; a missing <stdexcept>; a refused clang-format; one mid and one final /compact",
  requires: ['g++', 'make', 'git', 'tee'],
  // The task list (TaskCreate/TaskUpdate) of an interactive session; `claude -p` leaves it off otherwise.
  env: { CLAUDE_CODE_ENABLE_TODO_TOOLS: '1' },
  files: {
    '.gitignore': 'run_tests\nbench_histogram\n*.o\n',
    'README.md':
      '# histo\n\nFixed-width latency histogram used by the request agent.\n\n    make test      # builds and runs tests/run_tests.cpp\n\n' +
      'Binaries are built on the build box and copied to the production servers as they are.\n',
    Makefile: MAKEFILE,
    'src/histogram.h': HEADER,
    'src/histogram.cpp': SOURCE,
    'tests/run_tests.cpp': TESTS_HEAD + TESTS_MAIN,
  },
  build(k, { project, edit, read, write }) {
    const fixReq = k.request('sredi da make test ne puca');
    const stdOnly = k.constraint('bez eksternih biblioteka, samo standardna biblioteka');
    const signatures = k.constraint('nemoj da menjaš potpise postojećih funkcija u histogram.h');
    k.error("terminate called after throwing an instance of 'std::out_of_range'", 'resolved');
    k.error('vector::_M_range_check: __n (which is 100) >= this->size() (which is 100)');
    k.error('[FAIL] count_after_reset: expected 0 got 3', 'resolved');
    const clamp = k.decision(
      'clamp the index into the last bucket',
      'the monitoring exporter reads exactly max/width buckets',
      'growing counts_ by one overflow bucket',
    );
    k.file('src/histogram.cpp');
    k.error('[FAIL] percentile_p99: expected 990 got 999', 'unresolved');
    const benchReq = k.request('napravi mali bench koji meri koliko košta record()');
    const fasterReq = k.request('probaj da ga ubrzaš malo');
    const draw = k.decision(
      'draw the values into a vector before the timed loop',
      'mt19937 costs more per call than record() itself',
      'calling the generator inside the loop',
    );
    k.file('bench/bench.cpp');
    k.file('Makefile');
    k.number(benchFigure(project, 'bench/results/O2.txt', 'real'));
    k.number(benchFigure(project, 'bench/results/O2.txt', 'user'));
    k.number(benchFigure(project, 'bench/results/O2.txt', 'throughput'));
    k.number(benchFigure(project, 'bench/results/O3-native.txt', 'throughput'));
    k.number(benchFigure(project, 'bench/results/O2-index.txt', 'throughput'));
    k.number('99999');
    const native = k.rejected('-O3 -march=native', 'the binaries built here are copied to the old production Xeons');
    const mergeReq = k.request('dodaj merge() da mogu da spojim histograme iz vise niti');
    const english = k.constraint('komentari u kodu neka budu na engleskom');
    const layouts = k.decision(
      'throw std::invalid_argument when the bucket layouts differ',
      'rebucketing would smear counts across bucket borders and the percentiles would lie',
      'rebucketing the other histogram into this layout',
    );
    k.file('src/histogram.h');
    k.file('tests/run_tests.cpp');
    k.error("error: 'invalid_argument' is not a member of 'std'", 'resolved');
    const formatRefusal = k.refusal('nemoj clang-format preko celog projekta, diff će biti ogroman i Dragan neće naći svoje izmene');
    const commitReq = k.request('komituj ovo sa porukom na engleskom, ali bez rezultata bencha');
    k.lastRequest(commitReq);
    k.check('make test', 'failing');
    k.not('rejected', clamp.choice, 'the fix that was kept is not a dead end');
    k.not('decisions', native.what, 'tried and reverted: a rejected approach');
    k.not('errors', 'Dragan neće naći svoje izmene', "a user's refusal is not a tool error");
    k.not('constraints', mergeReq, 'a request is not a standing rule');
    k.not('numbers', '2014', 'a year the user typed, not a measurement');
    k.not('rejected', layouts.alternative, 'weighed in thinking, never tried');

    // The task list of this Claude Code version: one TaskCreate per task, TaskUpdate by id.
    const task = (subject, description, activeForm) => ({ type: 'tool_use', name: 'TaskCreate', input: { subject, description, activeForm } });
    const update = (taskId, status) => ({ type: 'tool_use', name: 'TaskUpdate', input: { taskId, status } });

    const tests = 'make test 2>&1 | tail -n 20';
    const timeO2 = 'make bench_histogram 2>&1 | tail -n 1 && mkdir -p bench/results && { time ./bench_histogram ; } 2>&1 | tee bench/results/O2.txt';
    const timeNative = 'make clean && make bench_histogram 2>&1 | tail -n 1 && { time ./bench_histogram ; } 2>&1 | tee bench/results/O3-native.txt';
    const format = 'clang-format -i src/*.cpp src/*.h tests/*.cpp bench/*.cpp';
    const clampedAt =
      '    // value == max_ lands one past the end: it belongs to the last bucket\n    const std::size_t i = std::min<std::size_t>(value / width_, counts_.size() - 1);\n    counts_.at(i)++;\n';

    return [
      {
        user:
          'Ćao! 😊 Kako si? Evo mene opet sa onim histogram projektom za merenje latencije. Kolega Dragan je dodao gomilu novih testova pre nego što je otišao na godišnji ' +
          'i sad `make test` puca negde u runtime-u, ni ne stigne do kraja testova 🙈 Možeš li molim te da ' +
          `${fixReq}? Build je običan Makefile sa g++ -std=c++17 -Wall, a testovi su naš mali runner što ispisuje [PASS]/[FAIL] za svaki test. ` +
          `Samo, ${stdOnly}, ovo ide u agenta koji se deployuje na produkcione servere i tamo ne smemo ništa da instaliramo. ` +
          `I ${signatures}, exporter od monitoring tima linkuje protiv toga i ako se nešto promeni oni nas jure 😅 Hvala ti puno unapred!!`,
        model: [
          [
            think('Lots of words, one ask: make test crashes at run time. Run it the way the user does and look at the tail.'),
            bash(tests, 'Build and run the tests'),
          ],
          [
            think(
              'Two things in there. count_after_reset fails with 3 instead of 0, and then the runner dies on an uncaught out_of_range from vector::at: index 100 on a vector of size 100, ' +
                'so one past the end. The next test after count_after_reset is record_max, which records 1000 on a 1000/10 histogram. ' +
                'overflow_saturates, percentile_p99 and mean_empty never ran, so there may be more behind the crash. Task list first.',
            ),
            task('Fix the out_of_range crash in record()', 'record_max aborts the runner; the tests after it never run', 'Fixing the out_of_range crash'),
          ],
          [task('count_after_reset: reset() must clear the count', 'reset() leaves the record count behind', 'Fixing reset()')],
          [task('percentile_p99: check with the user', 'bucket upper bound vs exact value; only once the crash is gone', 'Checking percentile_p99')],
          [update('1', 'in_progress')],
          [read('src/histogram.cpp')],
          [
            think(
              'record() saturates the value to max_, but max_ / width_ is exactly counts_.size(), so a value of max_ (or anything above it) indexes one past the end. ' +
                `Two ways out: ${clamp.alternative}, or ${clamp.choice}. The user said the monitoring exporter links against histogram.h, and ${clamp.reason}: ` +
                'an extra bucket would change buckets().size() under it. Clamping keeps the layout; the last bucket just becomes [990, 1000] for this test.',
            ),
            edit('src/histogram.cpp', '    counts_.at(value / width_)++;\n', clampedAt),
          ],
          [
            think('reset() zeroes the buckets and sum_ but leaves total_, so count() still reports the old records. One line.'),
            edit(
              'src/histogram.cpp',
              '    std::fill(counts_.begin(), counts_.end(), 0);\n    sum_ = 0;\n}',
              '    std::fill(counts_.begin(), counts_.end(), 0);\n    sum_ = 0;\n    total_ = 0;\n}',
            ),
          ],
          [update('1', 'completed')],
          [update('2', 'completed')],
          [bash('make test 2>&1 | tail -n 12', 'Run the tests again')],
          [
            think(
              'No crash; the tests behind it run now. One left: percentile_p99 gets the upper bound of the bucket instead of the exact value. ' +
                'The header documents percentile() as "upper bound of the bucket", so the function does what it promises and the test assumes something else. ' +
                'That is a question about the contract, not a bug; changing what percentile() returns would also change it for the exporter. Ask.',
            ),
            update('3', 'completed'),
          ],
          [
            say(
              'Sređeno, `make test` više ne puca 🎉\n\nBila su dva problema:\n\n' +
                '1. **Pad u runtime-u**: `record()` ograniči vrednost na `max_`, ali `max_ / width_` je tačno broj bucketa, pa vrednost 1000 na histogramu 1000/10 ' +
                'daje indeks jedan iza kraja vektora. `vector::at` baca izuzetak, niko ga ne hvata i runner umire pre kraja. Sad vrednosti na samoj granici idu u poslednji bucket; broj bucketa je isti, pa exporter ništa ne primećuje.\n' +
                '2. **`count_after_reset`**: `reset()` je brisao buckete i sumu, ali ne i brojač, pa je `count()` posle reseta vraćao staru vrednost.\n\n' +
                'Ostao je jedan crveni test, `percentile_p99`. Draganov test očekuje tačnu vrednost, a `percentile()` po komentaru u `histogram.h` vraća **gornju granicu bucketa**. ' +
                'To nije bag nego pitanje šta funkcija treba da vraća, pa ga nisam dirao. Da ga ostavim Draganu ili da ga prilagodim?',
            ),
          ],
        ],
      },
      {
        user:
          'Jao super, hvala!! 🙏 p99 ostavi, to je Draganov test i on neka odluči kad se vrati da li percentile() vraća gornju granicu ili tačnu vrednost. ' +
          `Sledeće: ${benchReq} i pusti ga sa time, da vidim brojke. Binarke se builduju ovde na ovoj mašini pa se kopiraju na produkcione servere, ` +
          `a neki od njih su stari Xeoni iz 2014. godine, tako da me baš zanima koliko je ovo brzo. I ako možeš, ${fasterReq}, ali bez menjanja API-ja naravno.`,
        model: [
          [
            think(
              `A bench for record(). ${draw.alternative[0].toUpperCase()}${draw.alternative.slice(1)} would mostly measure the generator: ${draw.reason}. ` +
                `So ${draw.choice}: 64k values, indexed with a mask. Fixed seed so two builds see the same values. ` +
                'Values go up to 120000 on a 100000 max so the saturation path is in there too.',
            ),
            task('Write bench/bench.cpp and a Makefile target', 'times record() only, fixed seed', 'Writing the bench'),
          ],
          [task('Time the -O2 build', 'time ./bench_histogram, keep the output in bench/results/', 'Timing the -O2 build')],
          [task('Make record() faster without touching the API', 'flags first, then the code', 'Speeding up record()')],
          [write('bench/bench.cpp', BENCH)],
          [
            edit(
              'Makefile',
              'test: run_tests\n\t./run_tests\n\nclean:\n\trm -f run_tests\n',
              'bench_histogram: bench/bench.cpp $(SRC) src/histogram.h\n\t$(CXX) $(CXXFLAGS) -Isrc -o $@ bench/bench.cpp $(SRC)\n\n' +
                'test: run_tests\n\t./run_tests\n\nclean:\n\trm -f run_tests bench_histogram\n',
            ),
          ],
          [bash(timeO2, 'Build the bench and time it')],
          [
            think('Baseline saved. Cheapest experiment first, compiler flags, no code change: -O3 -march=native, rebuild from clean, same run.'),
            update('4', 'completed'),
          ],
          [update('5', 'completed')],
          [update('6', 'in_progress')],
          [edit('Makefile', 'CXXFLAGS = -std=c++17 -Wall -O2\n', 'CXXFLAGS = -std=c++17 -Wall -O3 -march=native\n')],
          [bash(timeNative, 'Rebuild with -O3 -march=native and time it')],
          [
            think(
              `Whatever that difference is, -march=native cannot stay: ${native.why}. It lets g++ use every instruction this CPU has, ` +
                'and a binary with AVX-512 in it dies with an illegal instruction on a 2014 Xeon. A plain -O3 alone is not worth a separate experiment for one loop. Back to -O2. ' +
                'A change in the code instead: the index is clamped now, so the bounds check of at() in the hot path can never fire. operator[] there.',
            ),
            edit('Makefile', 'CXXFLAGS = -std=c++17 -Wall -O3 -march=native\n', 'CXXFLAGS = -std=c++17 -Wall -O2\n'),
          ],
          [edit('src/histogram.cpp', '    counts_.at(i)++;\n', '    counts_[i]++;\n')],
          [
            bash(
              'make clean && make test 2>&1 | tail -n 3 && make bench_histogram 2>&1 | tail -n 1 && ./bench_histogram | tee bench/results/O2-index.txt',
              'Tests, then the bench with the index change',
            ),
          ],
          [update('6', 'completed')],
          [
            say(
              'Evo šta sam uradio:\n\n' +
                '- **`bench/bench.cpp`** + `make bench_histogram`: meri samo `record()`. Vrednosti se unapred izvuku u vektor (fiksni seed), pa generator ne ulazi u merenje.\n' +
                '- **Kompajlerske opcije**: probao sam agresivniju optimizaciju vezanu za ovaj procesor i vratio na `-O2`. Takva binarka bi mogla da koristi instrukcije koje stari Xeoni nemaju, a pošto se binarke odavde kopiraju na produkciju, to je rizik koji ne vredi.\n' +
                '- **Kod**: pošto je indeks sad ograničen, provera granica u `at()` je višak u najtoplijoj petlji, pa je tu sad `[]`. API isti, testovi isti (osim `percentile_p99`, koji čeka Dragana).\n\n' +
                'Sva tri merenja su gore u izlazu i sačuvana u `bench/results/` (`O2.txt`, `O3-native.txt`, `O2-index.txt`). p99 u benchu pada u poslednji bucket jer vrednosti idu preko maksimuma, što je i bila poenta.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Serbian user; C++17 histogram. The runtime crash and the reset test are fixed; a bench exists; compiler flags were tried and reverted.',
          intent:
            'Make make test stop crashing, write a bench for record() and try to speed it up. Standard library only; do not change existing signatures in histogram.h.',
          concepts: ['C++17, g++ with -Wall', 'hand-written [PASS]/[FAIL] runner', 'std::vector::at bounds check', 'time + throughput'],
          files: [
            'src/histogram.cpp: index clamped into the last bucket; reset() clears the count; operator[] in record()',
            'bench/bench.cpp: new bench',
            'Makefile: bench_histogram target',
          ],
          errors: [
            'The runner crashed on an out-of-range bucket index; fixed',
            'count_after_reset failed; fixed',
            "Dragan's percentile_p99 test still fails (left for him)",
          ],
          solving: 'Aggressive CPU-specific flags were tried and reverted because of the production machines.',
          messages: ['Fix make test; std only; keep signatures', 'Leave p99 to Dragan; write a bench, time it, try to make it faster'],
          pending: ['percentile_p99: Dragan decides'],
          current: 'Bench results saved in bench/results/.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          'cao opet :) evo me posle rucka, nisam stigao da pisem sa nasim slovima sorry. Sad mi treba jos jedna stvar: ' +
          `${mergeReq}, svaka nit ima svoj histogram pa ih na kraju sabiramo u jedan pre nego sto ih posaljemo exporteru. I molim te ${english}, Dragan ne cita srpski bas najbolje haha`,
        model: [
          [
            think(
              'merge(const Histogram&). Adding a member function keeps every existing signature, which is what the user asked for. The question is what to do with two different layouts. ' +
                `${layouts.alternative[0].toUpperCase()}${layouts.alternative.slice(1)} sounds friendly, but ${layouts.reason}. ` +
                `So ${layouts.choice}; same max and width is the only case where adding counts is exact.`,
            ),
            edit(
              'src/histogram.h',
              '    void reset();\n',
              "    void reset();\n    // Adds other's counts; throws std::invalid_argument if max_value or width differ.\n    void merge(const Histogram& other);\n",
            ),
          ],
          [
            edit(
              'src/histogram.cpp',
              'double Histogram::mean() const {',
              'void Histogram::merge(const Histogram& other) {\n    if (other.max_ != max_ || other.width_ != width_)\n' +
                '        throw std::invalid_argument("Histogram::merge: bucket layouts differ");\n' +
                '    for (std::size_t i = 0; i < counts_.size(); ++i)\n        counts_[i] += other.counts_[i];\n    total_ += other.total_;\n    sum_ += other.sum_;\n}\n\n' +
                'double Histogram::mean() const {',
            ),
          ],
          [
            edit(
              'tests/run_tests.cpp',
              '\nint main() {\n',
              '\nstatic void test_merge_two() {\n    Histogram a(1000, 10), b(1000, 10);\n    a.record(5);\n    b.record(15);\n    b.record(25);\n    a.merge(b);\n' +
                '    expect_eq("merge_two", 3u, a.count());\n}\n\nstatic void test_merge_mismatch() {\n    Histogram a(1000, 10), b(1000, 20);\n    bool threw = false;\n' +
                '    try {\n        a.merge(b);\n    } catch (const std::invalid_argument&) {\n        threw = true;\n    }\n    expect_eq("merge_mismatch", true, threw);\n}\n\nint main() {\n',
            ),
          ],
          [edit('tests/run_tests.cpp', '    test_mean_empty();\n', '    test_mean_empty();\n    test_merge_two();\n    test_merge_mismatch();\n')],
          [bash('make test 2>&1 | head -n 12', 'Build and run the tests')],
          [
            think(
              'invalid_argument lives in <stdexcept>; libstdc++ does not pull it in through <vector> or <algorithm>. Include it in both files that name it.',
            ),
            edit('src/histogram.cpp', '#include <algorithm>\n', '#include <algorithm>\n#include <stdexcept>\n'),
          ],
          [edit('tests/run_tests.cpp', '#include <iostream>\n', '#include <iostream>\n#include <stdexcept>\n')],
          [bash('make test 2>&1 | grep -E "FAIL|merge|passed"', 'Run the tests, only the interesting lines')],
          [think('Green except the p99 one. Format what I touched before handing back.'), bash(format, 'Format the sources')],
          [
            say(
              'U redu, bez clang-formata 👍 Ono što sam dodao sam pisao u istom stilu kao ostatak fajla, tako da ništa ne odskače.\n\n' +
                '`merge()` je gotov:\n\n```cpp\nvoid merge(const Histogram& other);  // baca std::invalid_argument ako se max ili width razlikuju\n```\n\n' +
                '- Sabira buckete, brojač i sumu; postojeći potpisi u `histogram.h` su netaknuti, samo je dodata nova funkcija.\n' +
                '- Ako dva histograma nemaju isti raspored bucketa, ne pokušava da ih preraspodeli nego baca izuzetak.\n' +
                '- Dva nova testa, `merge_two` i `merge_mismatch`, prolaze. Komentari u kodu su na engleskom.\n' +
                '- Usput: falio je `#include <stdexcept>`, g++ je to odmah prijavio.\n\n`percentile_p99` je i dalje jedini crveni test.',
            ),
          ],
        ],
        refuse: { [format]: formatRefusal },
      },
      {
        user: `Odlicno, hvala ti puno!! 🎉 ajde sad ${commitReq}, to nek ostane samo kod mene. p99 i dalje ostaje za Dragana.`,
        model: [
          [bash('git status --short', 'See what changed')],
          [
            bash(
              'git add Makefile src/histogram.h src/histogram.cpp tests/run_tests.cpp bench/bench.cpp && ' +
                'git commit -q -m "Fix out-of-range crash in record(), reset() clears count; add merge() and a record() bench" && git log --oneline -1 && git status --short',
              'Commit without the bench results',
            ),
          ],
          [
            say(
              'Komitovano ✅ Poruka je na engleskom, a `bench/results/` je ostao van komita (vidi se kao untracked u `git status`).\n\n' +
                'U komitu: popravka pada i `reset()`-a, `merge()` sa testovima, bench i njegov target u Makefile-u. `make test` i dalje pada samo na `percentile_p99`, što čeka Dragana.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: "histo (C++17): crash fixed, bench added, merge() added and committed; the p99 test still fails by the user's choice.",
          intent:
            'Fix make test, bench record(), add merge() for per-thread histograms, commit without the bench results. Standard library only; keep existing signatures; comments in English.',
          concepts: ['C++17 Makefile build', '[PASS]/[FAIL] runner', 'std::invalid_argument', 'bench with time'],
          files: [
            'src/histogram.h: merge() declared',
            'src/histogram.cpp: clamp, reset, merge',
            'tests/run_tests.cpp: merge tests',
            'bench/bench.cpp and Makefile: bench target',
          ],
          errors: ['A missing include broke the build after merge(); fixed', 'percentile_p99 still fails (left for Dragan)'],
          solving: 'merge() refuses histograms with another bucket layout. The user refused reformatting the whole tree.',
          messages: [
            'Earlier messages are in the previous summary',
            'Add merge() for several threads; comments in English',
            'Commit with an English message, without the bench results',
          ],
          pending: ['percentile_p99: Dragan decides'],
          current: 'Committed.',
          next: 'None.',
        }),
      },
    ];
  },
};
