// An English user asks for a rename across many files (the buf_ prefix of a small C ring-buffer library
// to ring_), in C built with CMake (`cmake --build build`, `ctest --test-dir build`). Thinking in about
// half the turns. A `sed -i` without the underscore rewrites `#include "buffer.h"` and is undone with
// `git checkout --`; a missed rename in tools/dump.c breaks the build and is fixed with several Edits;
// a ctest failure (test_wrap) is fixed; test_full is left failing; the vendored third_party/ is off
// limits; three compactions. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const HEADER =
  '#ifndef BUFFER_H\n#define BUFFER_H\n\n#include <stddef.h>\n\nstruct ring {\n    int *data;\n    size_t cap, head, len;\n};\n\n' +
  'int buf_init(struct ring *r, size_t cap);\nvoid buf_free(struct ring *r);\nint buf_put(struct ring *r, int v);\n' +
  'int buf_get(struct ring *r, int *out);\nsize_t buf_len(const struct ring *r);\nconst char *buf_describe(const struct ring *r);\n\n#endif\n';

const SOURCE =
  '#include "buffer.h"\n\n#include <stdio.h>\n#include <stdlib.h>\n\n' +
  'int buf_init(struct ring *r, size_t cap)\n{\n    r->data = calloc(cap, sizeof *r->data);\n    r->cap = cap;\n    r->head = r->len = 0;\n    return r->data ? 0 : -1;\n}\n\n' +
  'void buf_free(struct ring *r)\n{\n    free(r->data);\n    r->data = NULL;\n}\n\n' +
  '/* Overwrites the oldest element when full. */\nint buf_put(struct ring *r, int v)\n{\n    r->data[(r->head + r->len) % r->cap] = v;\n    if (r->len < r->cap)\n        r->len++;\n    return 0;\n}\n\n' +
  'int buf_get(struct ring *r, int *out)\n{\n    if (r->len == 0)\n        return -1;\n    *out = r->data[r->head];\n    r->head = (r->head + 1) % (r->cap - 1);\n    r->len--;\n    return 0;\n}\n\n' +
  'size_t buf_len(const struct ring *r)\n{\n    return r->len;\n}\n\n' +
  'const char *buf_describe(const struct ring *r)\n{\n    static char text[64];\n    snprintf(text, sizeof text, "ring %zu/%zu", r->len, r->cap);\n    return text;\n}\n';

const DUMP =
  '#include <stdio.h>\n#include <stdlib.h>\n\n#include "buffer.h"\n\nint main(int argc, char **argv)\n{\n    struct ring r;\n    int n = argc > 1 ? atoi(argv[1]) : 5;\n\n' +
  '    if (buf_init(&r, 8) != 0)\n        return 1;\n    for (int i = 0; i < n; i++)\n        buf_put(&r, i * i);\n' +
  '    printf("%s, len %zu\\n", buf_describe(&r), buf_len(&r));\n    buf_free(&r);\n    return 0;\n}\n';

const MINITEST =
  '/* minitest 0.3 — vendored from upstream, do not edit */\n#ifndef MINITEST_H\n#define MINITEST_H\n#include <stdio.h>\n\nstatic int mt_fail_;\nstatic char mt_buf_[128];\n\n' +
  '#define MT_EQ(name, want, got) do { if ((want) != (got)) { snprintf(mt_buf_, sizeof mt_buf_, "%s: expected %d, got %d", name, (int)(want), (int)(got)); puts(mt_buf_); mt_fail_ = 1; } } while (0)\n' +
  '#define MT_END() return mt_fail_\n\n#endif\n';

const test = (body) =>
  `#include "buffer.h"\n#include "../third_party/minitest.h"\n\nint main(void)\n{\n    struct ring r;\n    int v = 0;\n\n    buf_init(&r, ${body.cap});\n${body.lines}    buf_free(&r);\n    MT_END();\n}\n`;

const TEST_BASIC = test({
  cap: 4,
  lines: '    buf_put(&r, 7);\n    buf_put(&r, 9);\n    MT_EQ("len", 2, (int)buf_len(&r));\n    buf_get(&r, &v);\n    MT_EQ("first", 7, v);\n',
});
const TEST_WRAP = test({
  cap: 3,
  lines:
    '    buf_put(&r, 1);\n    buf_put(&r, 2);\n    buf_put(&r, 3);\n    buf_get(&r, &v);\n    buf_get(&r, &v);\n    buf_put(&r, 4);\n    buf_get(&r, &v);\n    MT_EQ("after wrap", 3, v);\n    buf_get(&r, &v);\n    MT_EQ("newest", 4, v);\n',
});
const TEST_FULL = test({ cap: 2, lines: '    buf_put(&r, 1);\n    buf_put(&r, 2);\n    MT_EQ("put on full", -1, buf_put(&r, 3));\n' });

const CMAKE =
  'cmake_minimum_required(VERSION 3.10)\nproject(ring C)\nset(CMAKE_C_STANDARD 99)\nadd_compile_options(-Wall -Werror=implicit-function-declaration)\n\n' +
  'add_library(ring src/ring.c)\ntarget_include_directories(ring PUBLIC src)\n\nadd_executable(ringdump tools/dump.c)\ntarget_link_libraries(ringdump ring)\n\n' +
  'enable_testing()\nforeach(t basic wrap full)\n  add_executable(test_${t} tests/test_${t}.c)\n  target_link_libraries(test_${t} ring)\n  add_test(NAME test_${t} COMMAND test_${t})\nendforeach()\n';

export const scenario = {
  name: 'c-cmake-rename-english',
  about:
    'held out: English user, rename of the buf_ prefix to ring_ across a CMake C project with sed -i, grep -rn and Edits; a too-wide sed undone with git checkout --; a missed rename breaks the build; a ctest failure fixed, another left failing; vendored third_party/ off limits; three compactions',
  requires: ['cmake', 'ctest', 'cc', 'git', 'sed', 'grep'],
  files: {
    'README.md':
      '# ring\n\nA fixed-size ring buffer of ints.\n\n    buf_init(&r, 8); buf_put(&r, 1); buf_get(&r, &v);\n\nBuild: `cmake -S . -B build && cmake --build build && ctest --test-dir build`\n',
    'CMakeLists.txt': CMAKE,
    'src/buffer.h': HEADER,
    'src/ring.c': SOURCE,
    'tools/dump.c': DUMP,
    'tests/test_basic.c': TEST_BASIC,
    'tests/test_wrap.c': TEST_WRAP,
    'tests/test_full.c': TEST_FULL,
    'third_party/minitest.h': MINITEST,
    '.gitignore': 'build/\n',
  },
  build(k, { edit }) {
    const renameReq = k.request('rename the buf_ prefix to ring_ everywhere');
    const vendored = k.constraint('never touch the vendored third_party/ folder');
    k.number('39');
    const wide = k.rejected("sed -i 's/buf/ring/g' src/ring.c", 'without the underscore it also rewrote #include "buffer.h" into "ringfer.h"');
    k.error('fatal error: ringfer.h: No such file or directory', 'resolved');
    const anchored = k.decision(
      "sed with a word boundary, 's/\\bbuf_/ring_/g'",
      'mt_buf_ in the vendored minitest.h must not match',
      'a plain s/buf_/ring_/g over the whole tree',
    );
    k.error("implicit declaration of function 'buf_free'", 'resolved');
    k.file('src/ring.c', 'src/buffer.h');
    k.file('tools/dump.c');
    const greenReq = k.request('get ctest green after the rename');
    k.error('2 - test_wrap (Failed)', 'resolved');
    k.error('after wrap: expected 3, got 1', 'resolved');
    const modulo = k.decision('wrap head with % r->cap', 'the - 1 skips the last slot, which is the bug test_wrap catches', 'growing the array by one slot');
    k.number('33%');
    k.number('67%');
    k.error('3 - test_full (Failed)', 'unresolved');
    const leave = k.constraint("don't change put-on-full semantics without asking me");
    const redReq = k.request('leave test_full red for now');
    const readmeReq = k.request('update the README example for the new names');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('cmake --build', 'passing');
    k.check('ctest', 'failing');
    k.not('rejected', anchored.choice, 'the sed that stayed is not a dead end');
    k.not('decisions', wide.what, 'undone: a rejected approach');
    k.not('constraints', greenReq, 'a request is not a standing rule');
    k.not('errors', 'Built target test_full', 'a build progress line is no error');

    const build = 'cmake --build build 2>&1 | tail -n 8';
    const ctest = 'ctest --test-dir build --output-on-failure 2>&1 | tail -n 15';

    return [
      {
        user: `hey, ${renameReq} — functions, header prototypes, tests, the dump tool. the old name clashes with another lib we link. ${vendored}, that's upstream code`,
        model: [
          [
            think('Inventory first. Count occurrences and see where they are, including third_party so I know what to avoid.'),
            bash("grep -rn 'buf_' src tests tools third_party | wc -l; grep -rln 'buf_' .", 'Find every buf_ occurrence'),
          ],
          [
            think('Quick and dirty on ring.c first.'),
            bash("sed -i 's/buf/ring/g' src/ring.c && cmake -S . -B build >/dev/null && " + build, 'Rename in ring.c and build'),
          ],
          [say(`That sed was too wide: ${wide.why}. Undoing it.`), bash('git checkout -- src/ring.c && git status --short', 'Undo the sed')],
          [
            think(
              `Options: ${anchored.alternative}, or ${anchored.choice}. Anchored: ${anchored.reason}, and third_party/ is off limits anyway. ` +
                'Only src and tests need it.',
            ),
            bash("sed -i 's/\\bbuf_/ring_/g' src/ring.c src/buffer.h tests/*.c && grep -rn 'buf_' src tests | head", 'Anchored rename'),
          ],
          [bash(build, 'Build')],
          [
            say('tools/dump.c was missed by my glob. Fixing it by hand.'),
            edit('tools/dump.c', '    if (buf_init(&r, 8) != 0)', '    if (ring_init(&r, 8) != 0)'),
          ],
          [edit('tools/dump.c', '        buf_put(&r, i * i);', '        ring_put(&r, i * i);')],
          [edit('tools/dump.c', 'buf_describe(&r), buf_len(&r));\n    buf_free(&r);', 'ring_describe(&r), ring_len(&r));\n    ring_free(&r);')],
          [bash('cmake --build build 2>&1 | tail -n 3 && ./build/ringdump 3', 'Build and run the dump tool')],
          [say('Renamed: `buf_*` → `ring_*` in src/, tests/ and tools/dump.c. third_party/ untouched. It builds; I did not run ctest yet.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'ring library: buf_ renamed to ring_, build ok.',
          intent: 'Rename buf_ to ring_ everywhere except the vendored third_party/.',
          concepts: ['CMake', 'sed -i', 'C prefix rename'],
          files: ['src/ring.c, src/buffer.h, tests/*.c, tools/dump.c: renamed'],
          errors: ['An over-wide sed broke the include; reverted', 'tools/dump.c missed; fixed'],
          solving: 'Anchored sed on src and tests, Edits for tools/dump.c.',
          messages: ['Rename buf_ to ring_; never touch third_party/'],
          pending: ['Run ctest'],
          current: 'Build passes.',
          next: 'Run ctest.',
        }),
      },
      {
        user: `nice. now ${greenReq}`,
        model: [
          [bash(ctest, 'Run the tests')],
          [
            think(
              `test_wrap: ring_get wraps head modulo cap - 1. Options: ${modulo.alternative} or ${modulo.choice}. The second: ${modulo.reason}. ` +
                'test_full wants put on a full ring to fail, but the comment says it overwrites on purpose. Ask before changing that.',
            ),
            edit('src/ring.c', '    r->head = (r->head + 1) % (r->cap - 1);\n', '    r->head = (r->head + 1) % r->cap;\n'),
          ],
          [bash('cmake --build build 2>&1 | tail -n 2 && ctest --test-dir build 2>&1 | tail -n 9', 'Rebuild and test')],
          [
            say(
              'test_wrap fixed (head wrapped at cap - 1). test_full still fails: it expects `ring_put` to return -1 when full, but the code deliberately overwrites the oldest element. That is a behaviour change — want me to do it?',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'ring: rename done, test_wrap fixed, test_full still failing (semantics question).',
          intent: 'Rename buf_ to ring_, get ctest green. Never touch third_party/.',
          concepts: ['ring buffer wraparound', 'ctest'],
          files: ['src/ring.c: head wraps modulo cap'],
          errors: ['test_wrap failed; fixed', 'test_full still fails'],
          solving: 'Asked whether put-on-full should fail.',
          messages: ['Get ctest green after the rename'],
          pending: ['test_full'],
          current: 'Waiting for the user on test_full.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `no, ${redReq}, ${leave}. just ${readmeReq}`,
        model: [
          [edit('README.md', '    buf_init(&r, 8); buf_put(&r, 1); buf_get(&r, &v);\n', '    ring_init(&r, 8); ring_put(&r, 1); ring_get(&r, &v);\n')],
          [bash("grep -rn 'buf_' --exclude-dir=third_party --exclude-dir=build . ; ctest --test-dir build 2>&1 | tail -n 4", 'Check for leftovers, run tests')],
          [say('README updated; no `buf_` left outside third_party/. ctest: test_full still fails, as agreed.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'ring: rename complete and documented; test_full left failing on purpose.',
          intent: 'Rename buf_ to ring_, fix tests, update README. Never touch third_party/.',
          concepts: ['CMake', 'ctest'],
          files: ['README.md: new names'],
          errors: ['test_full still failing (left by the user)'],
          solving: 'Only the README changed in this step.',
          messages: ['Earlier messages are in the previous summaries', 'Leave test_full; update the README'],
          pending: ['test_full semantics'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
