// A user who writes Spanish while the agent answers in English, on a small C99 ring buffer built with
// CMake and tested with ctest. The library does not link (a colleague's src/rb_peek.c was never added
// to add_library: undefined reference); once it links, ctest run without --output-on-failure only says
// which test failed, and the real message is read with `cat` from Testing/Temporary/LastTest.log. A
// valgrind install with sudo is refused; -fsanitize=address is tried, comes out clean and is removed
// again with the reason; the real bug (an index taken modulo the count) is fixed and ctest goes green
// ("100% tests passed, 0 tests failed out of 5", the total time tee'd to logs/ and read back at
// scoring, since it varies). Overwrite-when-full then breaks a colleague's test, which the user leaves
// failing for her. One /compact in the middle, one at the end. Written as a held-out scenario: not
// tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const CMAKE = `cmake_minimum_required(VERSION 3.16)
project(ringbuf C)

set(CMAKE_C_STANDARD 99)
set(CMAKE_C_STANDARD_REQUIRED ON)
set(CMAKE_C_EXTENSIONS OFF)

# The firmware build (toolchains/arm-none-eabi.cmake) uses this same file.
add_compile_options(-Wall -Wextra)

add_library(ringbuf src/ringbuf.c)
target_include_directories(ringbuf PUBLIC include)

enable_testing()
foreach(t push_pop peek full stress wrap)
  add_executable(test_\${t} tests/test_\${t}.c)
  target_link_libraries(test_\${t} ringbuf)
  add_test(NAME \${t} COMMAND test_\${t})
endforeach()
`;

const TOOLCHAIN = `set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
`;

const HEADER = `#ifndef RINGBUF_H
#define RINGBUF_H

#include <stddef.h>

struct ringbuf {
    int *buf;
    size_t cap;
    size_t head;  /* next slot to write */
    size_t tail;  /* next slot to read */
    size_t count;
};

/* buf must hold cap ints; cap > 0. */
void rb_init(struct ringbuf *rb, int *buf, size_t cap);
/* 0 on success, -1 when the buffer is full. */
int rb_push(struct ringbuf *rb, int value);
/* 0 on success, -1 when the buffer is empty. */
int rb_pop(struct ringbuf *rb, int *out);
/* The oldest value without removing it; -1 when empty. */
int rb_peek(const struct ringbuf *rb, int *out);
size_t rb_count(const struct ringbuf *rb);

#endif
`;

const SOURCE = `#include "ringbuf.h"

void rb_init(struct ringbuf *rb, int *buf, size_t cap)
{
    rb->buf = buf;
    rb->cap = cap;
    rb->head = rb->tail = rb->count = 0;
}

int rb_push(struct ringbuf *rb, int value)
{
    if (rb->count == rb->cap)
        return -1;
    rb->buf[rb->head] = value;
    rb->head = (rb->head + 1) % rb->cap;
    rb->count++;
    return 0;
}

int rb_pop(struct ringbuf *rb, int *out)
{
    if (rb->count == 0)
        return -1;
    *out = rb->buf[rb->tail];
    rb->tail = (rb->tail + 1) % rb->count;
    rb->count--;
    return 0;
}

size_t rb_count(const struct ringbuf *rb)
{
    return rb->count;
}
`;

const PEEK = `#include "ringbuf.h"

int rb_peek(const struct ringbuf *rb, int *out)
{
    if (rb->count == 0)
        return -1;
    *out = rb->buf[rb->tail];
    return 0;
}
`;

const CHECK_H = `#ifndef CHECK_H
#define CHECK_H
#include <stdio.h>

static int failures;

#define CHECK_EQ(name, what, expected, got) do { \\
    long e_ = (long)(expected), g_ = (long)(got); \\
    if (e_ != g_) { printf("FAIL %s: %s: expected %ld, got %ld\\n", name, what, e_, g_); failures++; } \\
} while (0)

#define DONE(name) do { if (!failures) printf("ok %s\\n", name); return failures != 0; } while (0)
#endif
`;

const T = (name, body) => `#include "ringbuf.h"\n#include "check.h"\n\nint main(void)\n{\n${body}    DONE("${name}");\n}\n`;

const TESTS = {
  'tests/check.h': CHECK_H,
  'tests/test_push_pop.c': T(
    'push_pop',
    '    int mem[4], v = 0;\n    struct ringbuf rb;\n    rb_init(&rb, mem, 4);\n    CHECK_EQ("push_pop", "push", 0, rb_push(&rb, 7));\n' +
      '    CHECK_EQ("push_pop", "pop", 0, rb_pop(&rb, &v));\n    CHECK_EQ("push_pop", "value", 7, v);\n    CHECK_EQ("push_pop", "pop empty", -1, rb_pop(&rb, &v));\n',
  ),
  'tests/test_peek.c': T(
    'peek',
    '    int mem[2], v = 0;\n    struct ringbuf rb;\n    rb_init(&rb, mem, 2);\n    CHECK_EQ("peek", "peek empty", -1, rb_peek(&rb, &v));\n' +
      '    rb_push(&rb, 9);\n    CHECK_EQ("peek", "peek", 0, rb_peek(&rb, &v));\n    CHECK_EQ("peek", "value", 9, v);\n    CHECK_EQ("peek", "count after peek", 1, rb_count(&rb));\n',
  ),
  'tests/test_full.c': T(
    'full',
    '    /* Lucía: a full buffer rejects the push and keeps what it has. */\n    int mem[2], v = 0;\n    struct ringbuf rb;\n    rb_init(&rb, mem, 2);\n    rb_push(&rb, 1);\n    rb_push(&rb, 2);\n' +
      '    CHECK_EQ("full", "push on a full buffer", -1, rb_push(&rb, 3));\n    rb_pop(&rb, &v);\n    CHECK_EQ("full", "oldest kept", 1, v);\n',
  ),
  'tests/test_stress.c': T(
    'stress',
    '    /* A full window that slides: pop the oldest, push the next, 20 million times. */\n    static int mem[1024];\n    struct ringbuf rb;\n    long long sum = 0, want = 0;\n    int v = 0;\n    rb_init(&rb, mem, 1024);\n' +
      '    for (int i = 0; i < 1024; i++)\n        rb_push(&rb, i);\n    for (long i = 1024; i < 20000000L; i++) {\n        rb_pop(&rb, &v);\n        sum += v;\n        want += i - 1024;\n        rb_push(&rb, (int)i);\n    }\n' +
      '    CHECK_EQ("stress", "sum of popped values", want % 1000003, sum % 1000003);\n',
  ),
  'tests/test_wrap.c': T(
    'wrap',
    '    int mem[4], v = 0;\n    struct ringbuf rb;\n    rb_init(&rb, mem, 4);\n    for (int i = 1; i <= 4; i++)\n        rb_push(&rb, i);\n' +
      '    rb_pop(&rb, &v);\n    rb_pop(&rb, &v);\n    rb_push(&rb, 5);\n    rb_push(&rb, 6);\n    for (int want = 3; want <= 6; want++) {\n' +
      '        CHECK_EQ("wrap", "pop after wrap", 0, rb_pop(&rb, &v));\n        CHECK_EQ("wrap", "pop after wrap", want, v);\n    }\n',
  ),
};

/** "Total Test time (real) =   0.12 sec" of the green run the session tee'd to logs/ctest.txt → "0.12". */
function totalTime(project) {
  const path = join(project, 'logs/ctest.txt');
  if (!existsSync(path)) return 'logs/ctest.txt: total (not generated yet)';
  const match = /Total Test time \(real\) =\s+([\d.]+) sec/.exec(readFileSync(path, 'utf8'));
  return match ? match[1] : 'logs/ctest.txt: no total';
}

export const scenario = {
  name: 'c-cmake-spanish-english',
  about:
    "held out: user writes Spanish, agent answers in English; C99 ring buffer with CMake and ctest; undefined reference from a file missing in add_library; a ctest failure whose message is only in Testing/Temporary/LastTest.log, read with cat; a refused sudo apt-get install valgrind; -fsanitize=address tried and removed with the reason; 100% of 5 then a colleague test left failing after overwrite-when-full; total test time tee'd to logs/; one mid and one final /compact",
  requires: ['cmake', 'ctest', 'cc', 'git', 'tee'],
  files: {
    '.gitignore': 'build/\nlogs/\n',
    'README.md':
      '# ringbuf\n\nFixed-size ring buffer of ints (C99), shared with the firmware.\n\n    cmake -S . -B build && cmake --build build\n    ctest --test-dir build\n',
    'CMakeLists.txt': CMAKE,
    'toolchains/arm-none-eabi.cmake': TOOLCHAIN,
    'include/ringbuf.h': HEADER,
    'src/ringbuf.c': SOURCE,
    'src/rb_peek.c': PEEK,
    ...TESTS,
  },
  build(k, { project, edit, write }) {
    const fixReq = k.request('arregla el build y que pasen los tests');
    const c99 = k.constraint('C99 puro, nada de extensiones de GNU');
    const timeReq = k.request('dime cuánto tardan los tests');
    k.error("undefined reference to `rb_peek'", 'resolved');
    k.error('collect2: error: ld returned 1 exit status');
    const list = k.decision('list src/rb_peek.c in add_library', 'a GLOB is only re-evaluated when cmake is re-run', 'file(GLOB) over src/*.c');
    k.file('CMakeLists.txt');
    k.number('80%');
    k.error('FAIL wrap: pop after wrap: expected 5, got 6', 'resolved');
    const sudo = k.refusal('no instales nada con sudo, la máquina es compartida');
    const asan = k.rejected('-fsanitize=address', 'the firmware build uses this same CMakeLists.txt and arm-none-eabi-gcc has no ASan runtime');
    k.file('src/ringbuf.c');
    k.number(totalTime(project));
    const overwrite = k.request('haz que rb_push sobrescriba el elemento más viejo cuando el buffer está lleno');
    const signatures = k.constraint('no cambies las firmas de las funciones que ya están en ringbuf.h');
    const advance = k.decision(
      'move tail forward together with head when full',
      'count stays at cap and the slot head writes is exactly the oldest one',
      'popping into a throwaway variable before the push',
    );
    k.file('include/ringbuf.h');
    k.file('tests/test_overwrite.c');
    k.error('FAIL full: push on a full buffer: expected -1, got 0', 'unresolved');
    k.number('83%');
    const readme = k.request('pon en el README una sección sobre el modo overwrite');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('ctest', 'failing');
    k.not('rejected', list.choice, 'the fix that was kept is not a dead end');
    k.not('decisions', asan.what, 'tried and removed: a rejected approach');
    k.not('rejected', list.alternative, 'weighed, never tried');
    k.not('errors', 'la máquina es compartida', "a user's refusal is not a tool error");
    k.not('constraints', overwrite, 'a request is not a standing rule');

    const configure = 'cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug > /dev/null';
    const sudoCmd = 'sudo apt-get install -y valgrind';
    const asanOn =
      'add_compile_options(-Wall -Wextra)\n# temporary: hunting the wrap failure\nadd_compile_options(-fsanitize=address -fno-omit-frame-pointer)\nadd_link_options(-fsanitize=address)\n';

    return [
      {
        user:
          'Hola! Desde que Lucía subió rb_peek el proyecto ya no enlaza 😩 Por favor ' +
          `${fixReq}, y ${timeReq}, que en el CI van lentísimos. Ojo: ${c99}, esto también compila para el firmware.`,
        model: [
          [
            think('Configure fresh and build; look at the tail of the link step.'),
            bash(`${configure} && cmake --build build 2>&1 | tail -n 6`, 'Configure and build'),
          ],
          [bash('ls src tests && grep -n "add_library" CMakeLists.txt', 'Where rb_peek lives')],
          [
            think(
              `rb_peek is declared in ringbuf.h and defined in src/rb_peek.c, but add_library only lists src/ringbuf.c. ` +
                `Two ways: ${list.alternative}, or ${list.choice}. Going with the explicit list: ${list.reason}, so the next file Lucía adds would silently go missing again until someone reconfigures.`,
            ),
            edit('CMakeLists.txt', 'add_library(ringbuf src/ringbuf.c)\n', 'add_library(ringbuf\n  src/ringbuf.c\n  src/rb_peek.c\n)\n'),
          ],
          [bash('cmake --build build 2>&1 | tail -n 2 && ctest --test-dir build 2>&1 | tail -n 10', 'Build and test')],
          [
            think('ctest only names the test. The output of each test is in LastTest.log.'),
            bash('cat build/Testing/Temporary/LastTest.log | tail -n 22', 'Read the last test log'),
          ],
          [think('Popping after a wrap returns the wrong element. Could be an out-of-bounds read; valgrind would say.'), bash(sudoCmd, 'Install valgrind')],
          [
            say('OK, no installs. AddressSanitizer ships with gcc, so I will use that instead, just for this build.'),
            edit('CMakeLists.txt', 'add_compile_options(-Wall -Wextra)\n', asanOn),
          ],
          [bash(`${configure} && cmake --build build 2>&1 | tail -n 1 && ctest --test-dir build 2>&1 | tail -n 6`, 'Build and test with ASan')],
          [
            say(
              `ASan is clean: no out-of-bounds access, so this is a logic error. Taking the flag back out: ${asan.why}, so it cannot stay in the shared flags.`,
            ),
            edit('CMakeLists.txt', asanOn, 'add_compile_options(-Wall -Wextra)\n'),
          ],
          [{ type: 'tool_use', name: 'Read', input: { file_path: `${project}/src/ringbuf.c` } }],
          [
            think('rb_pop advances tail modulo count, not modulo cap. Works until count drops below the position; after a wrap it jumps.'),
            edit('src/ringbuf.c', '    rb->tail = (rb->tail + 1) % rb->count;\n', '    rb->tail = (rb->tail + 1) % rb->cap;\n'),
          ],
          [
            bash(
              `mkdir -p logs && ${configure} && cmake --build build 2>&1 | tail -n 1 && ctest --test-dir build --output-on-failure 2>&1 | tee logs/ctest.txt | tail -n 4`,
              'Build and test',
            ),
          ],
          [
            say(
              'Fixed, two problems:\n\n1. **Link error**: `src/rb_peek.c` was never added to `add_library` in `CMakeLists.txt`. It is listed there now.\n' +
                '2. **wrap test**: `rb_pop` advanced `tail` modulo `count` instead of `cap`, so after the buffer wrapped it read the wrong slot. ' +
                'ctest itself only printed the test name; the actual message was in `build/Testing/Temporary/LastTest.log`.\n\n' +
                'ASan was added for one run to rule out memory errors and removed again. All tests pass; the timing is in the last output above and saved to `logs/ctest.txt`. ' +
                'Most of it is `stress`, which pushes and pops 20 million values.',
            ),
          ],
        ],
        refuse: { [sudoCmd]: sudo },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'ringbuf (C99, CMake): the link error and the wrap bug are fixed; all tests pass.',
          intent: 'Fix the build and the tests and report how long the tests take. Pure C99 (the firmware shares the code).',
          concepts: ['CMake add_library', 'ctest and LastTest.log', 'AddressSanitizer'],
          files: ['CMakeLists.txt: rb_peek.c added to the library', 'src/ringbuf.c: rb_pop index fixed'],
          errors: ['rb_peek did not link; fixed', 'The wrap test failed; fixed (tail advanced by the wrong modulus)'],
          solving: 'An ASan run found no memory errors and was removed. The user refused installing valgrind.',
          messages: ['Fix the build and tests, say how long the tests take; pure C99'],
          pending: [],
          current: 'All tests green.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `Perfecto, mil gracias. Ahora una cosa nueva: ${overwrite}, como hace el firmware con los logs. Y ${signatures}, hay código de otros equipos que las usa.`,
        model: [
          [
            think(
              `Two ways to write it: ${advance.alternative}, or ${advance.choice}. The second: ${advance.reason}, no extra copy and no second call. Same signature, return 0.`,
            ),
            edit(
              'src/ringbuf.c',
              '    if (rb->count == rb->cap)\n        return -1;\n    rb->buf[rb->head] = value;\n    rb->head = (rb->head + 1) % rb->cap;\n    rb->count++;\n    return 0;\n',
              '    rb->buf[rb->head] = value;\n    rb->head = (rb->head + 1) % rb->cap;\n    if (rb->count == rb->cap)\n        rb->tail = rb->head; /* overwrote the oldest */\n    else\n        rb->count++;\n    return 0;\n',
            ),
          ],
          [
            edit(
              'include/ringbuf.h',
              '/* 0 on success, -1 when the buffer is full. */\n',
              '/* Always 0: when the buffer is full the oldest value is overwritten. */\n',
            ),
          ],
          [
            write(
              'tests/test_overwrite.c',
              T(
                'overwrite',
                '    int mem[3], v = 0;\n    struct ringbuf rb;\n    rb_init(&rb, mem, 3);\n    for (int i = 1; i <= 5; i++)\n        CHECK_EQ("overwrite", "push", 0, rb_push(&rb, i));\n' +
                  '    CHECK_EQ("overwrite", "count", 3, rb_count(&rb));\n    for (int want = 3; want <= 5; want++) {\n        rb_pop(&rb, &v);\n        CHECK_EQ("overwrite", "oldest first", want, v);\n    }\n',
              ),
            ),
          ],
          [edit('CMakeLists.txt', 'foreach(t push_pop peek full stress wrap)\n', 'foreach(t push_pop peek full stress wrap overwrite)\n')],
          [
            bash(
              `${configure} && cmake --build build 2>&1 | grep -E "warning|error" ; ctest --test-dir build --output-on-failure 2>&1 | tail -n 20`,
              'Build and test',
            ),
          ],
          [
            say(
              '`rb_push` now overwrites the oldest value when the buffer is full; the signature is unchanged (it just always returns 0 now, the header comment says so). The new `overwrite` test passes.\n\n' +
                "But Lucía's `full` test asserts the old behaviour: a push on a full buffer must be rejected. Should I update her test to the new rule, or keep both behaviours behind an option?",
            ),
          ],
        ],
      },
      {
        user: `No, su test no lo toques, Lucía lo revisa mañana y decide ella. Lo último: ${readme}.`,
        model: [
          [
            edit(
              'README.md',
              '    ctest --test-dir build\n',
              '    ctest --test-dir build\n\n## Overwrite mode\n\n`rb_push` never fails: when the buffer is full it overwrites the oldest value ' +
                '(the firmware keeps the newest log lines this way). `rb_count` stays at the capacity.\n\n' +
                'If ctest only names a failing test, run it with `--output-on-failure` or read `build/Testing/Temporary/LastTest.log`.\n',
            ),
          ],
          [say('README has an "Overwrite mode" section. `tests/test_full.c` is untouched, so ctest still reports `full` as failing until Lucía decides.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'ringbuf: after the link and wrap fixes, rb_push overwrites when full; one colleague test now fails by design.',
          intent: 'Build and tests fixed; overwrite the oldest value when full without changing existing signatures; README section. Pure C99.',
          concepts: ['ring buffer overwrite', 'ctest'],
          files: [
            'src/ringbuf.c: overwrite',
            'include/ringbuf.h: comment',
            'tests/test_overwrite.c: new',
            'CMakeLists.txt: overwrite test',
            'README.md: Overwrite mode',
          ],
          errors: ['The full test fails: it expects the old rejecting behaviour (left for Lucía)'],
          solving: 'tail follows head when the buffer is full.',
          messages: ['Earlier messages are in the previous summary', 'Overwrite when full; keep signatures', 'Leave the full test for Lucía; README section'],
          pending: ['Lucía decides about test_full'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
