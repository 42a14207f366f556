// A C99 command-line tool with a Makefile that builds with -Werror, and a POSIX sh report script run
// under dash. The user writes short imperative bullet lists with rules mixed in between the tasks.
// The compiler's warnings-as-errors (an undeclared getopt under -std=c99, a signed/unsigned compare)
// are fixed one build at a time; the figures come from `wc -l` and the tool's own counts next to a
// `time` whose seconds are never planted. -march=native is tried and undone with `git checkout`, a
// bash-array version of the report is put away with `git stash`, and a `make install` is refused.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

// A deterministic access log: a few dozen paths with skewed weights over seven days.
function accessLog() {
  const paths = [
    '/',
    '/api/cart',
    '/api/search',
    '/static/app.js',
    '/static/app.css',
    '/login',
    '/api/products',
    '/api/checkout',
    '/favicon.ico',
    '/robots.txt',
  ];
  for (let i = 1; i <= 31; i++) paths.push(`/products/${100 + i * 7}`);
  const weights = paths.map((_, i) => (i < 10 ? 40 - i * 3 : 2 + (i % 5)));
  const total = weights.reduce((a, b) => a + b, 0);
  let seed = 20261010;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const counts = new Map();
  const lines = [];
  const LINES = 23817;
  for (let n = 0; n < LINES; n++) {
    let pick = rand() * total;
    let p = 0;
    while (pick >= weights[p]) pick -= weights[p++];
    const path = paths[p];
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const day = 10 + Math.floor((n * 7) / LINES);
    const secs = Math.floor(((n * 7) % LINES) * (86400 / LINES));
    const hh = String(Math.floor(secs / 3600)).padStart(2, '0');
    const mm = String(Math.floor(secs / 60) % 60).padStart(2, '0');
    const ss = String(secs % 60).padStart(2, '0');
    const status = rand() < 0.04 ? 404 : 200;
    lines.push(
      `203.0.113.${1 + Math.floor(rand() * 250)} - - [${day}/Oct/2026:${hh}:${mm}:${ss} +0000] "GET ${path} HTTP/1.1" ${status} ${200 + Math.floor(rand() * 9000)}\n`,
    );
  }
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return { text: lines.join(''), lines: LINES, busiest };
}

const LOG = accessLog();

const LOGTALLY =
  '/* logtally: count requests per path in a common-log-format access log. */\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n' +
  '#define MAX_PATHS 4096\n#define MAX_PATH_LEN 256\n\nstruct entry {\n    char path[MAX_PATH_LEN];\n    long count;\n};\n\n' +
  'static struct entry table[MAX_PATHS];\nstatic size_t npaths;\n\n' +
  'static struct entry *find_or_add(const char *path)\n{\n    size_t i;\n    for (i = 0; i < npaths; i++)\n        if (strcmp(table[i].path, path) == 0)\n            return &table[i];\n' +
  '    if (npaths == MAX_PATHS) {\n        fprintf(stderr, "logtally: more than %d distinct paths\\n", MAX_PATHS);\n        exit(2);\n    }\n' +
  '    snprintf(table[npaths].path, sizeof table[npaths].path, "%s", path);\n    return &table[npaths++];\n}\n\n' +
  '/* The path is the second word of the quoted request: "GET /path HTTP/1.1". */\n' +
  "static int request_path(const char *line, char *out, size_t size)\n{\n    const char *start = strchr(line, '\"');\n    const char *end;\n    size_t len;\n" +
  "    if (!start || !(start = strchr(start, ' ')))\n        return 0;\n    start++;\n    end = strchr(start, ' ');\n    if (!end)\n        return 0;\n" +
  "    len = (size_t)(end - start);\n    if (len >= size)\n        len = size - 1;\n    memcpy(out, start, len);\n    out[len] = '\\0';\n    return 1;\n}\n\n" +
  'int main(int argc, char **argv)\n{\n    char line[4096];\n    char path[MAX_PATH_LEN];\n    long lines = 0;\n    size_t i;\n    FILE *in;\n\n' +
  '    if (argc != 2) {\n        fprintf(stderr, "usage: logtally FILE\\n");\n        return 2;\n    }\n    in = fopen(argv[1], "r");\n' +
  '    if (!in) {\n        perror(argv[1]);\n        return 1;\n    }\n    while (fgets(line, sizeof line, in)) {\n        lines++;\n' +
  '        if (request_path(line, path, sizeof path))\n            find_or_add(path)->count++;\n    }\n    fclose(in);\n' +
  '    for (i = 0; i < npaths; i++)\n        printf("%s %ld\\n", table[i].path, table[i].count);\n' +
  '    fprintf(stderr, "logtally: %ld lines, %lu paths\\n", lines, (unsigned long)npaths);\n    return 0;\n}\n';

const MAKEFILE =
  'CC ?= cc\nCFLAGS = -std=c99 -Wall -Wextra -Werror -O2\nPREFIX ?= /usr/local\n\n' +
  'logtally: src/logtally.c\n\t$(CC) $(CFLAGS) -o $@ src/logtally.c\n\n' +
  'check: logtally\n\tsh tests/run.sh\n\tsh -n bin/report.sh\n\n' +
  'install: logtally\n\tinstall -m 755 logtally $(PREFIX)/bin/logtally\n\nclean:\n\trm -f logtally\n\n.PHONY: check install clean\n';

const RUN_TESTS =
  '#!/bin/sh\n# Compares logtally\'s output on each tests/*.log with the .expected file next to it.\ncd "$(dirname "$0")/.." || exit 1\nfail=0\n' +
  'for log in tests/*.log; do\n  if ./logtally "$log" 2>/dev/null | diff -u "${log%.log}.expected" - >/dev/null; then\n    echo "ok   $log"\n' +
  '  else\n    echo "FAIL $log"\n    fail=1\n  fi\ndone\nexit $fail\n';

const SMALL_LOG = ['/', '/about', '/', '/contact', '/about', '/']
  .map((p, i) => `198.51.100.${i + 1} - - [09/Oct/2026:08:0${i}:00 +0000] "GET ${p} HTTP/1.1" 200 512\n`)
  .join('');

const REPORT =
  '#!/bin/sh\n# Daily report: the busiest paths in an access log. Usage: bin/report.sh LOG\nset -eu\nlog=${1:?usage: bin/report.sh LOG}\n\n' +
  'echo "== busiest paths in $log"\nlogtally "$log" | head -n 10\n';

export const scenario = {
  name: 'c-logtally-bullets',
  about:
    'held out: C99 + Makefile with -Werror, POSIX sh under dash; user writes bullet lists with rules; git checkout and git stash undo; make install refused',
  requires: ['cc', 'make', 'dash', 'awk', 'git'],
  files: {
    '.gitignore': 'logtally\n',
    Makefile: MAKEFILE,
    README: 'logtally - requests per path in an access log.\n\n  make && ./logtally access.log\n  bin/report.sh access.log\n',
    'src/logtally.c': LOGTALLY,
    'bin/report.sh': REPORT,
    'tests/run.sh': RUN_TESTS,
    'tests/small.log': SMALL_LOG,
    'tests/small.expected': '/ 3\n/about 2\n/contact 1\n',
    'vendor/README': 'Third-party code, synced from upstream by a script. Do not edit by hand.\n',
    'data/access.log': LOG.text,
  },
  build(k, { edit, read, write }) {
    const topN = k.request('add -n N to logtally: print only the N busiest paths');
    const c99 = k.constraint('keep it C99, no GNU extensions');
    const checkFirst = k.constraint('run make check before you say it is done');
    const qsortPick = k.decision(
      'sort the table with qsort once after counting',
      'the counting loop stays a plain increment for every line',
      'keeping the table ordered while counting',
    );
    k.error("implicit declaration of function 'getopt'", 'resolved');
    const byHand = k.decision('parse -n by hand', 'the build is strict C99 and -n is the only option', 'defining _POSIX_C_SOURCE to get getopt');
    k.error('comparison of integer expressions of different signedness', 'resolved');
    k.file('src/logtally.c');
    k.file('tests/run.sh', 'tests/small-top2.expected');
    k.number(String(LOG.lines));
    k.number(String(LOG.busiest[1]));
    const native = k.rejected('-march=native', "it ties the binary to this machine's CPU and made no measurable difference on this log");
    k.error('logtally: not found', 'resolved');
    const refusal = k.refusal('no, nothing system-wide: I run it from the checkout');
    k.file('bin/report.sh');
    const perDay = k.request('bin/report.sh: add a per-day top 5');
    const posix = k.constraint('POSIX sh only, no bashisms');
    k.error('Syntax error: "(" unexpected', 'resolved');
    const arrays = k.rejected('bash arrays', 'arrays are a bashism and dash cannot parse them');
    const oneAwk = k.decision(
      'one awk pass keyed on day and path',
      'the whole log would otherwise be read again for every day',
      'running logtally once per day',
    );
    const total = k.request("print the total line count at the top of report.sh's output");
    k.check('make check', 'passing');
    k.lastRequest(total);
    k.not('constraints', topN, 'a request is not a standing rule');
    k.not('errors', 'I run it from the checkout', "a user's refusal is not a tool error");
    k.not('rejected', perDay, "the user's request is not a rejected approach");
    k.not('decisions', 'Reading the source first', 'an intention, not a decision');

    const first =
      'logtally is too noisy on the big logs. todo:\n' + `- ${topN}, busiest first\n- ${c99}\n- no new dependencies\n- don't touch vendor/\n- ${checkFirst}\n`;
    const second = `next:\n- ${perDay} (day = the 10/Oct/2026 part of the timestamp)\n- ${posix}, it runs under dash on the box\n- awk is fine\n`;
    const third = `- ${total}\n- same rules as before\n`;

    const mainWithGetopt =
      'int main(int argc, char **argv)\n{\n    char line[4096];\n    char path[MAX_PATH_LEN];\n    long lines = 0;\n    long top = -1;\n    int opt;\n    FILE *in;\n\n' +
      '    while ((opt = getopt(argc, argv, "n:")) != -1) {\n        if (opt != \'n\') {\n            fprintf(stderr, "usage: logtally [-n N] FILE\\n");\n            return 2;\n        }\n' +
      '        top = atol(optarg);\n    }\n    if (optind != argc - 1) {\n        fprintf(stderr, "usage: logtally [-n N] FILE\\n");\n        return 2;\n    }\n' +
      '    in = fopen(argv[optind], "r");\n    if (!in) {\n        perror(argv[optind]);\n        return 1;\n    }\n';
    const oldMainHead =
      'int main(int argc, char **argv)\n{\n    char line[4096];\n    char path[MAX_PATH_LEN];\n    long lines = 0;\n    size_t i;\n    FILE *in;\n\n' +
      '    if (argc != 2) {\n        fprintf(stderr, "usage: logtally FILE\\n");\n        return 2;\n    }\n    in = fopen(argv[1], "r");\n' +
      '    if (!in) {\n        perror(argv[1]);\n        return 1;\n    }\n';
    const getoptLoop =
      '    while ((opt = getopt(argc, argv, "n:")) != -1) {\n        if (opt != \'n\') {\n            fprintf(stderr, "usage: logtally [-n N] FILE\\n");\n            return 2;\n        }\n' +
      '        top = atol(optarg);\n    }\n    if (optind != argc - 1) {\n        fprintf(stderr, "usage: logtally [-n N] FILE\\n");\n        return 2;\n    }\n' +
      '    in = fopen(argv[optind], "r");\n    if (!in) {\n        perror(argv[optind]);\n        return 1;\n    }\n';
    const byHandLoop =
      '    if (argc == 4 && strcmp(argv[1], "-n") == 0) {\n        top = atol(argv[2]);\n        file = argv[3];\n' +
      '    } else if (argc == 2) {\n        file = argv[1];\n    } else {\n        fprintf(stderr, "usage: logtally [-n N] FILE\\n");\n        return 2;\n    }\n' +
      '    in = fopen(file, "r");\n    if (!in) {\n        perror(file);\n        return 1;\n    }\n';
    const awkReport =
      'echo "== top 5 per day"\n' +
      'awk \'{ split($4, t, ":"); n[substr(t[1], 2) " " $7]++ } END { for (k in n) print k, n[k] }\' "$log" |\n' +
      '  sort -k1,1 -k3,3nr |\n  awk \'$1 != day { day = $1; shown = 0; print "-- " day } shown++ < 5 { print "   " $2, $3 }\'\n';

    return [
      {
        user: first,
        model: [
          [think('Reading the source first.'), say('Reading the source first.'), read('src/logtally.c')],
          [
            think(
              `The table is a flat array with a linear lookup. For the busiest N I need the counts in order. I could keep it ordered while counting (bubble an entry up on each increment) or ${qsortPick.choice}. ` +
                `Going with qsort: ${qsortPick.reason}, and the sort runs once over a few dozen entries. Keeping the table ordered while counting would touch the hot loop for nothing.`,
            ),
            edit(
              'src/logtally.c',
              '/* The path is the second word',
              'static int by_count_desc(const void *a, const void *b)\n{\n    const struct entry *x = a, *y = b;\n    return (y->count > x->count) - (y->count < x->count);\n}\n\n/* The path is the second word',
            ),
          ],
          [edit('src/logtally.c', oldMainHead, mainWithGetopt)],
          [
            edit(
              'src/logtally.c',
              '    for (i = 0; i < npaths; i++)\n        printf("%s %ld\\n", table[i].path, table[i].count);\n',
              '    qsort(table, npaths, sizeof table[0], by_count_desc);\n    for (int i = 0; i < npaths && (top < 0 || i < top); i++)\n        printf("%s %ld\\n", table[i].path, table[i].count);\n',
            ),
          ],
          [bash('make', 'Build logtally')],
          [
            think(
              `getopt is not declared under -std=c99: it lives behind the POSIX feature macros. Either ${byHand.alternative} at the top of the file, or ${byHand.choice}. ` +
                `I'll ${byHand.choice}: ${byHand.reason}, so a feature macro buys nothing and pulls in a POSIX dependency the user did not ask for. The sign-compare one is separate, next build.`,
            ),
            edit('src/logtally.c', '    long top = -1;\n    int opt;\n    FILE *in;\n', '    long top = -1;\n    const char *file;\n    FILE *in;\n'),
          ],
          [edit('src/logtally.c', getoptLoop, byHandLoop)],
          [bash('make', 'Build logtally')],
          [
            edit(
              'src/logtally.c',
              '    for (int i = 0; i < npaths && (top < 0 || i < top); i++)\n',
              '    for (size_t i = 0; i < npaths && (top < 0 || i < (size_t)top); i++)\n',
            ),
          ],
          [bash('make', 'Build logtally')],
          [
            edit(
              'tests/run.sh',
              'exit $fail\n',
              'if ./logtally -n 2 tests/small.log 2>/dev/null | diff -u tests/small-top2.expected - >/dev/null; then\n  echo "ok   -n 2"\nelse\n  echo "FAIL -n 2"\n  fail=1\nfi\nexit $fail\n',
            ),
          ],
          [write('tests/small-top2.expected', '/ 3\n/about 2\n')],
          [bash('make check', 'Run the checks')],
          [bash('wc -l data/access.log && time ./logtally -n 5 data/access.log', 'Time the top 5 on the big log')],
          [
            think('Most of the time is reading and scanning lines. Try letting the compiler target this CPU and see whether it moves.'),
            edit('Makefile', 'CFLAGS = -std=c99 -Wall -Wextra -Werror -O2\n', 'CFLAGS = -std=c99 -Wall -Wextra -Werror -O2 -march=native\n'),
          ],
          [bash('make clean && make && time ./logtally -n 5 data/access.log >/dev/null', 'Rebuild with -march=native and time it')],
          [say(`Taking ${native.what} out again: ${native.why}.`), bash('git checkout -- Makefile && make clean && make', 'Restore the Makefile and rebuild')],
          [bash('sh bin/report.sh data/access.log', 'Run the report script')],
          [
            think('report.sh calls logtally from PATH. Installing it would make the script work as written.'),
            bash('make install PREFIX=/usr/local', 'Install logtally'),
          ],
          [
            say('OK, nothing installed. The script will use the binary next to it instead, overridable with LOGTALLY.'),
            edit('bin/report.sh', 'logtally "$log" | head -n 10\n', '"${LOGTALLY:-$(dirname "$0")/../logtally}" "$log" | head -n 10\n'),
          ],
          [bash('sh bin/report.sh data/access.log && make check', 'Run the report and the checks')],
          [bash('git add -A && git commit -qm "logtally: -n N prints the N busiest paths" && git log --oneline -1', 'Commit the change')],
          [
            say(
              'Done:\n- `logtally -n N FILE` prints the N busiest paths, busiest first; without -n it prints all of them, also busiest first\n' +
                '- option parsing is by hand, plain C99, no feature macros\n- new test for `-n 2` in tests/run.sh\n' +
                '- bin/report.sh runs ./logtally from the checkout (or $LOGTALLY)\n\n`make check` passes.',
            ),
          ],
        ],
        refuse: { 'make install PREFIX=/usr/local': refusal },
      },
      {
        user: second,
        model: [
          [
            think('Loop over the days in the log and tally each day separately.'),
            edit(
              'bin/report.sh',
              '"${LOGTALLY:-$(dirname "$0")/../logtally}" "$log" | head -n 10\n',
              '"${LOGTALLY:-$(dirname "$0")/../logtally}" "$log" | head -n 10\n\n' +
                'days=($(cut -d[ -f2 "$log" | cut -d: -f1 | sort -u))\nfor day in "${days[@]}"; do\n  echo "-- $day"\n' +
                '  grep -F "[$day:" "$log" > /tmp/report.$$\n  "${LOGTALLY:-$(dirname "$0")/../logtally}" -n 5 /tmp/report.$$ 2>/dev/null\ndone\nrm -f /tmp/report.$$\n',
            ),
          ],
          [bash('make check', 'Run the checks')],
          [
            say(`That was wrong: ${arrays.why}. Putting it away and doing it differently.`),
            bash(`git stash push -m "report.sh: per-day loop with ${arrays.what}" bin/report.sh && git stash list`, 'Stash the bash-array version'),
          ],
          [
            think(
              `Without arrays I could still loop with a plain for over the day list, ${oneAwk.alternative} on a grep of each day. But ${oneAwk.reason}. ` +
                `So: ${oneAwk.choice}, sort by day then count, and a second awk prints the first five of each day. mawk handles all of it.`,
            ),
            edit(
              'bin/report.sh',
              '"${LOGTALLY:-$(dirname "$0")/../logtally}" "$log" | head -n 10\n',
              '"${LOGTALLY:-$(dirname "$0")/../logtally}" "$log" | head -n 10\n\n' + awkReport,
            ),
          ],
          [bash('make check && sh bin/report.sh data/access.log | head -n 24', 'Check and run the report')],
          [bash('git stash drop && git status --short', 'Drop the stashed attempt')],
          [say('Done. Per-day top 5 is one awk pass plus sort, plain POSIX sh, `make check` (which runs `sh -n` under dash) passes.')],
        ],
      },
      {
        user: third,
        model: [
          [edit('bin/report.sh', 'echo "== busiest paths in $log"\n', 'echo "== $(wc -l < "$log") requests in $log"\necho "== busiest paths in $log"\n')],
          [bash('sh bin/report.sh data/access.log | head -n 3 && make check', 'Run the report and the checks')],
          [say('Added: the first line is now the total request count. `make check` passes.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Terse user, bullet lists with rules. Added -n to logtally, fixed the report script, added a per-day section and a total line.',
          intent:
            'Add a top-N option to logtally (C99, no GNU extensions, no new deps, vendor/ untouched, make check before done), then extend bin/report.sh (POSIX sh under dash).',
          concepts: ['C99 with -Wall -Wextra -Werror', 'qsort over the path table', 'POSIX sh and mawk under dash'],
          files: [
            'src/logtally.c: -n N option parsed by hand, table sorted by count',
            'tests/run.sh, tests/small-top2.expected: test for -n 2',
            'bin/report.sh: uses the checkout binary, per-day top 5 in awk, total line count',
          ],
          errors: [
            'Build failed on getopt under -std=c99 and a sign-compare warning; both fixed',
            'report.sh could not find logtally on PATH; now uses the checkout binary',
          ],
          solving: 'A CPU-specific compiler flag was tried and removed. A first per-day version used shell features dash lacks; replaced with awk.',
          messages: [
            'Bullet list: add -n N, C99 only, no deps, do not touch vendor/, run make check',
            'The user refused installing logtally system-wide',
            'Bullet list: per-day top 5 in report.sh, POSIX sh only, awk is fine',
            'Print the total line count at the top of the report',
          ],
          pending: [],
          current: 'Total request count added to the report; make check passes.',
          next: 'Wait for the next bullet list.',
        }),
      },
    ];
  },
};
