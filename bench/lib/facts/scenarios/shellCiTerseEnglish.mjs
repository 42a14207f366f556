// A terse English user and a POSIX sh CI script (ci.sh) over a small C library: one `[step] ok` /
// `[step] FAILED (exit N)` row per step, always run as `sh ci.sh 2>&1 | tail -n 15`. The build step
// (a Makefile indented with spaces) is fixed first; the test step (an off-by-one in range_len) after a
// /compact, once a special case has been tried and reverted; the docs step stays failing because the
// script it complains about is not the user's. A `git push` is refused; two mid-session /compact.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const CI =
  '#!/bin/sh\n# ci.sh: runs every CI step, one row per step; exits with the number of failed steps.\n' +
  'failed=0\n\nstep() {\n  name=$1\n  shift\n  if "$@" > ".ci-$name.log" 2>&1; then\n    echo "[$name] ok"\n  else\n    code=$?\n' +
  '    echo "[$name] FAILED (exit $code)"\n    tail -n 5 ".ci-$name.log" | sed \'s/^/    /\'\n    failed=$((failed + 1))\n  fi\n}\n\n' +
  'step syntax sh -n ci.sh scripts/release.sh scripts/check-docs.sh\nstep build make -s\nstep test make -s test\nstep docs sh scripts/check-docs.sh\n\n' +
  'echo "$failed step(s) failed"\nexit "$failed"\n';

const MAKEFILE =
  'CC ?= cc\nCFLAGS ?= -O2 -Wall -Wextra -std=c99\n\nall: librange.a\n\nlibrange.a: src/range.o\n        ar rcs $@ src/range.o\n\n' +
  'src/range.o: src/range.c src/range.h\n\t$(CC) $(CFLAGS) -c -o $@ src/range.c\n\n' +
  'test: librange.a tests/run_tests.c\n\t$(CC) $(CFLAGS) -Isrc -o tests/run_tests tests/run_tests.c librange.a\n\t./tests/run_tests\n\n' +
  'clean:\n\trm -f src/*.o librange.a tests/run_tests\n\n.PHONY: all test clean\n';

const RANGE_H = '#ifndef RANGE_H\n#define RANGE_H\n\n/* Pages in "lo-hi" (inclusive) or "n"; -1 when malformed. */\nint range_len(const char *s);\n\n#endif\n';

const RANGE_C =
  '#include "range.h"\n#include <stdlib.h>\n\nint range_len(const char *s)\n{\n    char *end;\n    long lo = strtol(s, &end, 10), hi;\n\n' +
  "    if (end == s || lo < 1)\n        return -1;\n    hi = lo;\n    if (*end == '-') {\n        const char *p = end + 1;\n        hi = strtol(p, &end, 10);\n" +
  "        if (end == p)\n            return -1;\n    }\n    if (*end != '\\0' || hi < lo)\n        return -1;\n    return (int)(hi - lo);\n}\n";

const MALFORMED = [
  '',
  '-',
  'x',
  '3-',
  '-7',
  '7-3',
  '0',
  '0-4',
  '3-x',
  '3 - 7',
  '3--7',
  '3-7-9',
  'a-b',
  '1-',
  ' ',
  '3,7',
  '3-7x',
  'x3-7',
  '9-1',
  '-0',
  '--',
  '3..7',
  '3_7',
  '3-7 ',
  ' 3-7x',
  '5-4',
  '2-1',
  '0-0',
  'n',
];

const RUN_TESTS =
  '#include <stdio.h>\n#include "range.h"\n\nstatic int checks, failures;\n\n' +
  'static void check(const char *input, int expected)\n{\n    int got = range_len(input);\n    checks++;\n    if (got != expected) {\n        failures++;\n' +
  '        printf("FAIL range_len(\\"%s\\"): expected %d, got %d\\n", input, expected, got);\n    }\n}\n\n' +
  'int main(void)\n{\n    static const char *malformed[] = {' +
  MALFORMED.map((m) => JSON.stringify(m)).join(', ') +
  '};\n    char buf[32];\n    int mismatches = 0;\n\n    check("3-7", 5);\n    check("7", 1);\n' +
  '    for (unsigned i = 0; i < sizeof malformed / sizeof *malformed; i++)\n        check(malformed[i], -1);\n' +
  '    for (int lo = 1; lo <= 10; lo++)\n        for (int hi = lo; hi < lo + 25; hi++) {\n            snprintf(buf, sizeof buf, "%d-%d", lo, hi);\n' +
  '            if (range_len(buf) != hi - lo + 1)\n                mismatches++;\n        }\n' +
  '    printf("%d checks, %d failed\\n", checks, failures);\n    printf("generated ranges: 250, mismatches: %d\\n", mismatches);\n' +
  '    return failures || mismatches;\n}\n';

const CHECK_DOCS =
  '#!/bin/sh\n# Every script under scripts/ must be mentioned in README.md.\nstatus=0\nfor f in scripts/*.sh; do\n' +
  '  grep -q "$f" README.md || { echo "docs: $f is not mentioned in README.md"; status=1; }\ndone\nexit $status\n';

const RELEASE =
  '#!/bin/sh\n# Owned by ops: tags and uploads a release tarball.\nset -eu\nversion=${1:?usage: release.sh VERSION}\ngit archive --prefix="librange-$version/" -o "librange-$version.tar.gz" HEAD\n';

export const scenario = {
  name: 'shell-ci-terse',
  about:
    'held out: terse English user, POSIX sh ci.sh with [step] ok/FAILED rows read through tail -n 15, build and test steps fixed at different times, docs left failing, a refused git push, two mid-session /compact',
  requires: ['sh', 'make', 'cc', 'git'],
  files: {
    'README.md': '# librange\n\nParses page ranges ("3-7", "12").\n\n    make\n    make test\n\nCI: `sh ci.sh` (see scripts/check-docs.sh).\n',
    'ci.sh': CI,
    Makefile: MAKEFILE,
    'src/range.h': RANGE_H,
    'src/range.c': RANGE_C,
    'tests/run_tests.c': RUN_TESTS,
    'scripts/check-docs.sh': CHECK_DOCS,
    'scripts/release.sh': RELEASE,
    '.gitignore': '*.o\n*.a\n.ci-*.log\ntests/run_tests\n',
  },
  build(k, { edit }) {
    const buildReq = k.request('fix the build step first');
    const release = k.constraint("don't touch scripts/release.sh");
    k.error('[build] FAILED (exit 2)', 'resolved');
    k.error('Makefile:7: *** missing separator', 'resolved');
    const tabs = k.decision(
      'replace the leading spaces with a tab',
      'the release runner builds with bmake, which has no .RECIPEPREFIX',
      'setting .RECIPEPREFIX in the Makefile',
    );
    k.file('Makefile');
    const testReq = k.request('now the test step');
    k.error('FAIL range_len("3-7"): expected 5, got 4', 'resolved');
    k.number('31');
    k.number('250');
    k.number('240');
    const special = k.rejected('if (lo == hi) return 1;', 'the special case only hides the off-by-one in the upper bound');
    k.file('src/range.c');
    const refusal = k.refusal("don't push, docs is still red");
    k.error('[docs] FAILED (exit 1)', 'unresolved');
    const onlyReq = k.request('add --only STEP to ci.sh');
    const posix = k.constraint('posix sh only, the runner has no bash');
    const gate = k.decision(
      'skip non-matching steps inside step()',
      'every step already goes through step(), so one check covers them all',
      'a case statement around each step call',
    );
    k.file('ci.sh');
    const readme = k.request('document --only in README');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('sh ci.sh', 'failing');
    k.not('rejected', tabs.choice, 'the fix that was kept is not a dead end');
    k.not('constraints', testReq, 'a request is not a standing rule');
    k.not('decisions', special.what, 'tried and reverted: a rejected approach');
    k.not('errors', 'docs is still red', "a user's refusal is not a tool error");

    const ci = 'sh ci.sh 2>&1 | tail -n 15';
    const push = 'git push origin main';

    return [
      {
        user: `ci.sh red. ${buildReq}. ${release}.`,
        model: [
          [think('Run it the way the runner does, tail only.'), bash(ci, 'Run CI')],
          [bash("sed -n '6,8p' Makefile | cat -A | head -n 3", 'Look at the recipe indentation')],
          [
            think(
              `Line 7 is indented with spaces. Two fixes: ${tabs.alternative}, or ${tabs.choice}. The README points at make on the runner; ` +
                `going with the tab since ${tabs.reason}.`,
            ),
            edit('Makefile', '        ar rcs $@ src/range.o\n', '\tar rcs $@ src/range.o\n'),
          ],
          [bash(ci, 'Run CI')],
          [say('build ok now: the ar recipe was indented with spaces. test and docs still fail; not touched.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'librange CI: the build step is fixed.',
          intent: 'Make ci.sh green, build step first. Do not touch scripts/release.sh.',
          concepts: ['POSIX sh ci.sh', 'make recipes need tabs'],
          files: ['Makefile: recipe indentation fixed'],
          errors: ['The build step failed on the Makefile indentation; fixed'],
          solving: 'Recipe line re-indented.',
          messages: ['Fix the build step first; leave scripts/release.sh alone'],
          pending: ['test and docs steps still fail'],
          current: 'build ok.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `${testReq}. commit when green.`,
        model: [
          [bash(ci, 'Run CI')],
          [
            think('Two checks fail: "3-7" gives 4 and "7" gives 0. Single pages first.'),
            edit('src/range.c', '    return (int)(hi - lo);\n', '    if (lo == hi)\n        return 1;\n    return (int)(hi - lo);\n'),
          ],
          [bash(ci, 'Run CI')],
          [
            say(`Reverting that: ${special.why}. Ranges are inclusive, so the length is hi - lo + 1.`),
            bash('git checkout -- src/range.c && git status --short', 'Revert src/range.c'),
          ],
          [edit('src/range.c', '    return (int)(hi - lo);\n', '    return (int)(hi - lo + 1);\n')],
          [bash(ci, 'Run CI')],
          [bash('git add Makefile src/range.c && git commit -qm "Fix Makefile indentation and inclusive range_len" && git log --oneline -1', 'Commit')],
          [bash(push, 'Push')],
          [say('Committed, not pushed. build and test ok; docs still fails on the README check.')],
        ],
        refuse: { [push]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'librange CI: build and test fixed and committed; docs still failing; push refused.',
          intent: 'Make ci.sh green. Do not touch scripts/release.sh.',
          concepts: ['inclusive ranges', 'ci.sh rows'],
          files: ['Makefile: tab', 'src/range.c: inclusive length'],
          errors: ['test step failed: range_len was off by one; fixed'],
          solving: 'A special case for single pages was tried and reverted.',
          messages: ['Fix the test step, commit when green', 'The user refused the push while docs is red'],
          pending: ['docs step'],
          current: 'Committed locally.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `docs: leave it, ops owns that script. ${onlyReq}. ${posix}.`,
        model: [
          [
            think(`Options: ${gate.alternative}, or ${gate.choice}. The second: ${gate.reason}. Parse the flag before the steps; [ ] and shift are POSIX.`),
            edit(
              'ci.sh',
              'failed=0\n\nstep() {\n  name=$1\n  shift\n',
              'failed=0\nonly=\nif [ "${1:-}" = "--only" ]; then\n  only=${2:?usage: ci.sh [--only STEP]}\nfi\n\nstep() {\n  name=$1\n  shift\n  if [ -n "$only" ] && [ "$name" != "$only" ]; then\n    return 0\n  fi\n',
            ),
          ],
          [bash('sh ci.sh --only test 2>&1 | tail -n 15', 'Run one step')],
          [bash(ci, 'Run CI')],
          [say('`sh ci.sh --only STEP` runs just that step; without it everything runs as before. docs left as is.')],
        ],
      },
      {
        user: `ok. ${readme}.`,
        model: [
          [
            edit(
              'README.md',
              'CI: `sh ci.sh` (see scripts/check-docs.sh).\n',
              'CI: `sh ci.sh` (see scripts/check-docs.sh). One step only: `sh ci.sh --only test`.\n',
            ),
          ],
          [say('README updated.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'librange CI: build and test fixed, --only added, docs still failing (not ours).',
          intent: 'Fix CI steps, add --only to ci.sh, document it. POSIX sh only; scripts/release.sh belongs to ops.',
          concepts: ['POSIX sh', 'make', 'C tests'],
          files: ['ci.sh: --only STEP', 'README.md: --only'],
          errors: ['docs step still fails'],
          solving: 'One check in step() skips the other steps.',
          messages: ['Earlier messages are in the previous summaries', 'Leave docs; add --only; POSIX sh only', 'Document --only in README'],
          pending: ['docs step (ops)'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
