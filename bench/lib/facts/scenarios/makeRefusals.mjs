// A C firmware tool built with make; the user refuses two tool calls (deleting build/, a force push)
// and says why. The build is fixed and passes under another command line; `make test` still fails.
import { bash, ccSummary, say, think } from '../kit.mjs';

export const scenario = {
  name: 'make-refusals',
  about: 'make + C, the user refuses tool calls with reasons, thinking',
  requires: ['make', 'cc'],
  files: {
    '.gitignore': 'out/\n',
    Makefile:
      'CC ?= cc\nCFLAGS ?= -std=c99 -O2 -Wall\n\nout/crc: src/crc.c src/main.c\n\tmkdir -p out\n\t$(CC) $(CFLAGS) -o $@ src/crc.c src/main.c\n\n' +
      'test: out/crc\n\t./out/crc --self-test\n\n.PHONY: test\n',
    'src/crc.c':
      '#include <stdint.h>\n#include <stddef.h>\nuint16_t crc16(const uint8_t *p, size_t n) {\n  uint16_t crc = 0xFFFF;\n  for (size_t i = 0; i < n; i++) {\n    crc ^= (uint16_t)p[i] << 8;\n' +
      '    for (int b = 0; b < 8; b++) crc = (crc & 0x8000) ? (crc << 1) ^ polynom : crc << 1;\n  }\n  return crc;\n}\n',
    'src/main.c':
      '#include <stdio.h>\n#include <stdint.h>\n#include <string.h>\nuint16_t crc16(const uint8_t *p, size_t n);\nint main(int argc, char **argv) {\n  const char *s = "123456789";\n  uint16_t c = crc16((const uint8_t *)s, strlen(s));\n' +
      '  if (argc > 1 && strcmp(argv[1], "--self-test") == 0) {\n    if (c != 0x31C3) { fprintf(stderr, "SELF-TEST FAILED: crc16(\\"123456789\\") = 0x%04X, expected 0x31C3 (XMODEM)\\n", c); return 1; }\n    puts("self-test ok");\n    return 0;\n  }\n  printf("%04X\\n", c);\n  return 0;\n}\n',
    'scripts/throughput.sh': '#!/bin/sh\necho "crc16: $((800 + 12)).4 MB/s over 256 MiB"\n',
    'build/firmware-signed.bin': 'SIGNED\n',
  },
  build(k, { edit, write }) {
    const broken = k.request('the build is broken since my last commit');
    const c99 = k.constraint('stay C99');
    k.error("error: 'polynom' undeclared", 'resolved');
    k.check('`make`', 'passing');
    const table = k.decision(
      'the CCITT polynomial 0x1021 as a named constant',
      'XMODEM receivers in the field expect exactly that polynomial',
      'the reflected 0x8408 variant',
    );
    k.file('src/crc.c');
    k.refusal('build/ holds the signed firmware images, never delete it');
    const faster = k.request('tidy up and push it');
    k.refusal("don't push, I open the PR myself");
    k.error('SELF-TEST FAILED: crc16("123456789") = 0x29B1, expected 0x31C3 (XMODEM)', 'unresolved');
    k.check('`make test`', 'failing');
    const native = k.rejected('-march=native', 'the firmware tool also runs on old Atom boards without AVX2');
    k.file('docs/crc.md');
    k.lastRequest(faster);
    k.number('812.4');
    k.not('errors', 'build/ holds the signed firmware images', "a user's refusal is not a tool error");
    k.not('errors', 'I open the PR myself', "a user's refusal is not a tool error");
    k.not('rejected', faster, "the user's request is not a rejected approach");

    return [
      {
        user: `${broken}. ${c99}, the old toolchain on the line PCs knows nothing newer.`,
        model: [
          [think('Build first.'), bash('make', 'Build')],
          [
            think(`polynom is undeclared. Define it: ${table.choice}, not ${table.alternative} — ${table.reason}.`),
            edit('src/crc.c', '#include <stddef.h>\n', '#include <stddef.h>\nstatic const uint16_t polynom = 0x1021;\n'),
          ],
          [bash('make -j2 2>&1 | tail -2', 'Build again')],
          [bash('make test', 'Self-test')],
          [say('The build compiles again. The self-test fails: the checksum does not match the XMODEM value yet.')],
        ],
      },
      {
        user: `${faster}`,
        refuse: {
          'rm -rf build out': 'build/ holds the signed firmware images, never delete it',
          'git push --force origin main': "don't push, I open the PR myself",
        },
        model: [
          [think('Start from a clean tree.'), bash('rm -rf build out', 'Clean everything')],
          [
            say('Understood, build/ stays.'),
            bash("sed -i 's/-O2 -Wall/-O2 -march=native -Wall/' Makefile && make -B && sh scripts/throughput.sh", 'Try a native build'),
          ],
          [
            say(`Reverting -march=native: ${native.why}; the speed-up is not worth a binary that crashes there.`),
            bash("sed -i 's/ -march=native//' Makefile && make -B", 'Back to the portable build'),
          ],
          [write('docs/crc.md', '# CRC\n\nCRC-16 with the CCITT polynomial 0x1021, C99, built with make.\n')],
          [bash("git add -A && git commit -qm 'crc: define the polynomial'", 'Commit')],
          [bash('git push --force origin main', 'Push')],
          [say('Committed locally; not pushed, you open the PR.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'C99 CRC tool. The build was fixed; the self-test still fails. The user refused deleting build/ and pushing.',
          intent: 'Fix the broken build (C99 only, old toolchain), then tidy up; the user will open the PR.',
          concepts: ['C99, make', 'CRC-16/XMODEM'],
          files: [
            'src/crc.c: defined the polynomial constant 0x1021',
            'Makefile: a -march=native experiment, reverted',
            'docs/crc.md: short description of the CRC',
          ],
          errors: ["Build failed: 'polynom' undeclared; fixed", 'make test: SELF-TEST FAILED: crc16("123456789") = 0x29B1, expected 0x31C3 (XMODEM)'],
          solving: 'Throughput measured around 800 MB/s with the native build, not kept.',
          messages: [
            `"${broken}. ${c99}, the old toolchain on the line PCs knows nothing newer."`,
            `"${faster}"`,
            'The user rejected deleting build/ (signed firmware images) and the force push (will open the PR).',
          ],
          pending: ['Self-test checksum mismatch'],
          current: 'Committed the fix locally without pushing.',
          next: 'Investigate the CRC self-test mismatch.',
        }),
      },
    ];
  },
};
