// A terse English user on Windows (Git Bash, C:\ paths, a PowerShell vendor-sync script) and pktlib, a
// small C framing library built with make; every command goes through a `bash -c "…"` wrapper, the way
// the user runs it. No thinking at all: the model's choices sit in its short texts. The build is broken
// twice over: include/pkt.h has no include guard (a redefinition), and once that compiles the link
// fails (src/crc16.c is not in SRCS, an undefined reference fixed in the Makefile). A classic PKT_H
// guard is tried and reverted with `git checkout -- include/pkt.h` because the vendored lwpkt header
// already uses that name; `#pragma once` stays. The user's rule "never touch vendor/" sits inside a
// longer first message. `make test` stays red on an upstream escaping bug, on the user's word. A
// `git commit` is refused. One /compact, at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say } from '../kit.mjs';

const FILES = {
  '.gitignore': 'build/\n',
  Makefile:
    '# pktlib: built from Git Bash on Windows (mingw gcc) and on the Linux CI box.\nCC ?= gcc\nCFLAGS = -std=c99 -O2 -Wall -Wextra -Iinclude -Ivendor\nEXE = .exe\n\nSRCS = src/pkt.c src/frame.c src/net.c\nVENDOR = vendor/lwpkt/escape.c\nOBJS = $(SRCS:src/%.c=build/%.o) $(VENDOR:vendor/lwpkt/%.c=build/lwpkt_%.o)\n\nall: build/pktd$(EXE)\n\nbuild/pktd$(EXE): build/main.o $(OBJS)\n\t$(CC) -o $@ $^\n\nbuild/%.o: src/%.c | build\n\t$(CC) $(CFLAGS) -c -o $@ $<\n\nbuild/lwpkt_%.o: vendor/lwpkt/%.c | build\n\t$(CC) $(CFLAGS) -c -o $@ $<\n\nbuild/run_tests$(EXE): tests/run_tests.c $(OBJS)\n\t$(CC) $(CFLAGS) -o $@ $^\n\ntest: build/run_tests$(EXE)\n\t./build/run_tests$(EXE)\n\nbuild:\n\tmkdir -p build\n\nclean:\n\trm -rf build\n\n.PHONY: all test clean\n',
  'include/crc16.h':
    '#ifndef PKTLIB_CRC16_H\n#define PKTLIB_CRC16_H\n\n#include <stddef.h>\n#include <stdint.h>\n\nuint16_t crc16_update(uint16_t crc, const uint8_t *data, size_t n);\n\n#endif\n',
  'include/frame.h':
    '#ifndef PKTLIB_FRAME_H\n#define PKTLIB_FRAME_H\n\n#include "pkt.h"\n\n/* Writes one 0x7E-delimited frame into out; returns its length, 0 if it does not fit. */\nsize_t frame_write(const pkt_header_t *h, const uint8_t *payload, uint8_t *out, size_t cap);\n\n#endif\n',
  'include/pkt.h':
    '/* pktlib: framed packets over the serial link (SLIP-like, 0x7E delimited). */\n#include <stddef.h>\n#include <stdint.h>\n\ntypedef struct pkt_header {\n    uint8_t type;\n    uint8_t seq;\n    uint16_t len;\n} pkt_header_t;\n\n#define PKT_MAX_PAYLOAD 240\n\nuint16_t pkt_checksum(const uint8_t *data, size_t n);\nsize_t pkt_encode(const pkt_header_t *h, const uint8_t *payload, uint8_t *out, size_t cap);\n',
  'src/crc16.c':
    '#include "crc16.h"\n\n/* CRC-16/CCITT-FALSE, bitwise: small and fast enough for 115200 baud. */\nuint16_t crc16_update(uint16_t crc, const uint8_t *data, size_t n)\n{\n    for (size_t i = 0; i < n; i++) {\n        crc ^= (uint16_t)(data[i] << 8);\n        for (int b = 0; b < 8; b++)\n            crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);\n    }\n    return crc;\n}\n',
  'src/frame.c':
    '#include "pkt.h"\n#include "frame.h"\n#include <lwpkt/escape.h>\n\nsize_t frame_write(const pkt_header_t *h, const uint8_t *payload, uint8_t *out, size_t cap)\n{\n    uint8_t raw[4 + PKT_MAX_PAYLOAD + 2];\n    size_t n = pkt_encode(h, payload, raw, sizeof raw), m;\n\n    if (n == 0 || cap < 2)\n        return 0;\n    out[0] = 0x7E;\n    m = lwpkt_escape(raw, n, out + 1, cap - 2);\n    if (m == 0)\n        return 0;\n    out[1 + m] = 0x7E;\n    return m + 2;\n}\n',
  'src/main.c':
    '#include <stdio.h>\n\n#include "frame.h"\n\nint main(void)\n{\n    static const uint8_t hello[] = "hello from pktd";\n    pkt_header_t h = {1, 0, sizeof hello - 1};\n    uint8_t out[600];\n    size_t n = frame_write(&h, hello, out, sizeof out);\n\n    printf("pktd 0.4.0: hello frame is %zu bytes\\n", n);\n    return n == 0;\n}\n',
  'src/net.c':
    '#include <lwpkt/pkt.h>\n#include "pkt.h"\n\n/* Maps an lwpkt link-layer packet onto our header (the radio firmware still speaks lwpkt). */\nvoid net_from_lwpkt(const struct lwpkt_packet *in, pkt_header_t *out)\n{\n    out->type = in->kind;\n    out->seq = in->counter;\n    out->len = in->size;\n}\n',
  'src/pkt.c':
    '#include <string.h>\n\n#include "crc16.h"\n#include "pkt.h"\n\nuint16_t pkt_checksum(const uint8_t *data, size_t n)\n{\n    return crc16_update(0xFFFF, data, n);\n}\n\nsize_t pkt_encode(const pkt_header_t *h, const uint8_t *payload, uint8_t *out, size_t cap)\n{\n    size_t n = 4 + (size_t)h->len + 2;\n    uint16_t crc;\n\n    if (h->len > PKT_MAX_PAYLOAD || n > cap)\n        return 0;\n    out[0] = h->type;\n    out[1] = h->seq;\n    out[2] = (uint8_t)(h->len >> 8);\n    out[3] = (uint8_t)(h->len & 0xFF);\n    memcpy(out + 4, payload, h->len);\n    crc = pkt_checksum(out, 4 + (size_t)h->len);\n    out[4 + h->len] = (uint8_t)(crc >> 8);\n    out[5 + h->len] = (uint8_t)(crc & 0xFF);\n    return n;\n}\n',
  'src/scratch.c':
    '/* dana: scratch for poking at the radio from the desk, not part of the build */\n#include <stdio.h>\n\nint main(void)\n{\n    puts("scratch");\n    return 0;\n}\n',
  'tests/run_tests.c':
    '#include <stdio.h>\n#include <string.h>\n\n#include <lwpkt/escape.h>\n#include "frame.h"\n\nstatic int tests, failed;\n\nstatic void check(const char *name, int ok, const char *detail)\n{\n    tests++;\n    if (ok) {\n        printf("ok   %s\\n", name);\n    } else {\n        failed++;\n        printf("FAIL %s: %s\\n", name, detail);\n    }\n}\n\nstatic int roundtrip(const uint8_t *payload, uint16_t len)\n{\n    pkt_header_t h = {7, 1, len};\n    uint8_t framed[600], raw[600];\n    size_t n = frame_write(&h, payload, framed, sizeof framed), m;\n\n    if (n < 2 || framed[0] != 0x7E || framed[n - 1] != 0x7E)\n        return 0;\n    for (size_t i = 1; i + 1 < n; i++)\n        if (framed[i] == 0x7E)\n            return 0;\n    m = lwpkt_unescape(framed + 1, n - 2, raw, sizeof raw);\n    return m == 4 + (size_t)len + 2 && memcmp(raw + 4, payload, len) == 0;\n}\n\nint main(void)\n{\n    static const uint8_t abc[] = {\'1\', \'2\', \'3\', \'4\', \'5\', \'6\', \'7\', \'8\', \'9\'};\n    static const uint8_t flag_mid[] = {1, 0x7E, 2};\n    static const uint8_t esc_mid[] = {1, 0x7D, 2};\n    uint8_t big[PKT_MAX_PAYLOAD + 1], out[600];\n    pkt_header_t too_big = {1, 0, PKT_MAX_PAYLOAD + 1};\n    char detail[80];\n    unsigned long total = 0;\n    unsigned first_bad = 0;\n    int bad = 0;\n\n    check("crc16 check value 0x29B1", pkt_checksum(abc, sizeof abc) == 0x29B1, "wrong CRC");\n    check("encode header", pkt_encode(&(pkt_header_t){3, 9, 2}, abc, out, sizeof out) == 8 && out[0] == 3 && out[1] == 9, "bad header");\n    memset(big, 0xAA, sizeof big);\n    check("encode rejects oversize payload", pkt_encode(&too_big, big, out, sizeof out) == 0, "accepted");\n    check("roundtrip plain", roundtrip(abc, sizeof abc), "mismatch");\n    check("escape_roundtrip 0x7e in the middle", roundtrip(flag_mid, sizeof flag_mid), "mismatch");\n    check("escape_roundtrip 0x7d in the middle", roundtrip(esc_mid, sizeof esc_mid), "mismatch");\n\n    for (unsigned len = 0; len <= PKT_MAX_PAYLOAD; len++) {\n        uint8_t p[PKT_MAX_PAYLOAD];\n        pkt_header_t h = {2, (uint8_t)len, (uint16_t)len};\n        for (unsigned i = 0; i < len; i++)\n            p[i] = (uint8_t)(i * 37 + len);\n        total += frame_write(&h, p, out, sizeof out);\n        if (!roundtrip(p, (uint16_t)len) && bad++ == 0)\n            first_bad = len;\n    }\n    snprintf(detail, sizeof detail, "%d of 241 lengths do not round-trip (first: len %u)", bad, first_bad);\n    check("escape_roundtrip sweep 0..240", bad == 0, detail);\n    printf("sweep: 241 frames, %lu bytes on the wire, %d mismatches\\n", total, bad);\n    printf("tests: %d, failed: %d\\n", tests, failed);\n    return failed != 0;\n}\n',
  'vendor/lwpkt/escape.c':
    '/* lwpkt 1.3.2 (upstream; do not edit) */\n#include "escape.h"\n\nsize_t lwpkt_escape(const uint8_t *in, size_t n, uint8_t *out, size_t cap)\n{\n    size_t m = 0;\n\n    for (size_t i = 0; i < n; i++) {\n        if ((in[i] == 0x7E || in[i] == 0x7D) && i + 1 < n) {\n            if (m + 2 > cap)\n                return 0;\n            out[m++] = 0x7D;\n            out[m++] = in[i] ^ 0x20;\n        } else {\n            if (m + 1 > cap)\n                return 0;\n            out[m++] = in[i];\n        }\n    }\n    return m;\n}\n\nsize_t lwpkt_unescape(const uint8_t *in, size_t n, uint8_t *out, size_t cap)\n{\n    size_t m = 0;\n\n    for (size_t i = 0; i < n; i++) {\n        if (m + 1 > cap)\n            return 0;\n        if (in[i] == 0x7D && i + 1 < n)\n            out[m++] = in[++i] ^ 0x20;\n        else\n            out[m++] = in[i];\n    }\n    return m;\n}\n',
  'vendor/lwpkt/escape.h':
    '/* lwpkt 1.3.2 (upstream; do not edit) */\n#ifndef LWPKT_ESCAPE_H\n#define LWPKT_ESCAPE_H\n\n#include <stddef.h>\n#include <stdint.h>\n\nsize_t lwpkt_escape(const uint8_t *in, size_t n, uint8_t *out, size_t cap);\nsize_t lwpkt_unescape(const uint8_t *in, size_t n, uint8_t *out, size_t cap);\n\n#endif\n',
  'vendor/lwpkt/pkt.h':
    '/* lwpkt 1.3.2 - lightweight packet protocol (upstream, synced by tools/sync-vendor.ps1; do not edit) */\n#ifndef PKT_H\n#define PKT_H\n\n#include <stdint.h>\n\nstruct lwpkt_packet {\n    uint8_t kind;\n    uint8_t counter;\n    uint16_t size;\n};\n\n#endif /* PKT_H */\n',
};

const GUARD_TOP_OLD = '/* pktlib: framed packets over the serial link (SLIP-like, 0x7E delimited). */\n#include <stddef.h>\n';
const GUARD_TOP_NEW = '/* pktlib: framed packets over the serial link (SLIP-like, 0x7E delimited). */\n#ifndef PKT_H\n#define PKT_H\n\n#include <stddef.h>\n';
const GUARD_END_OLD = 'size_t pkt_encode(const pkt_header_t *h, const uint8_t *payload, uint8_t *out, size_t cap);\n';
const GUARD_END_NEW = GUARD_END_OLD + '\n#endif /* PKT_H */\n';
const ONCE_NEW = '/* pktlib: framed packets over the serial link (SLIP-like, 0x7E delimited). */\n#pragma once\n\n#include <stddef.h>\n';
const SRCS_OLD = 'SRCS = src/pkt.c src/frame.c src/net.c\n';
const SRCS_NEW = 'SRCS = src/pkt.c src/crc16.c src/frame.c src/net.c\n';

const NOTES = `# Notes

## make test: escape sweep fails (upstream lwpkt 1.3.2, not ours)

\`tests/run_tests.c\` frames every payload length 0..240 and unescapes it again. One length (len 18) does not
round-trip: its CRC ends in the byte 0x7E.

Cause, in \`vendor/lwpkt/escape.c\` (\`lwpkt_escape\`):

\`\`\`c
if ((in[i] == 0x7E || in[i] == 0x7D) && i + 1 < n) {
\`\`\`

The \`i + 1 < n\` skips escaping for the **last** byte of the input, so when the last byte (our CRC's low byte) is
0x7E or 0x7D it goes out raw, and a raw 0x7E inside a frame is read as the end of the frame by the receiver.
The condition looks copied from \`lwpkt_unescape\`, where it is right (an escape byte needs a byte after it).

Expected: every 0x7E / 0x7D in the input escaped, wherever it is. Suggested fix upstream: drop \`&& i + 1 < n\`
from \`lwpkt_escape\` only.

Not patched here: vendor/ is synced from upstream by tools\\sync-vendor.ps1. Until lwpkt has a fix, make test stays red.
`;

export const scenario = {
  name: 'c-make-windows-terse',
  about:
    'held out: terse English user on Windows paths (Git Bash), make + C through bash -c "…" wrappers, no thinking; a redefinition from a header without a guard, a PKT_H guard tried and reverted with git checkout -- include/pkt.h (the vendor header owns that name), #pragma once kept; an undefined reference fixed in the Makefile; "never touch vendor/" inside a longer message; make test left red on an upstream bug; a refused git commit; one /compact',
  requires: ['bash', 'make', 'cc', 'size', 'git'],
  thinking: false,
  files: FILES,
  build(k, { edit, write }) {
    const fixReq = k.request('fix the build');
    const vendor = k.constraint('never touch vendor/');
    const cflags = k.constraint('keep CFLAGS as they are');
    k.error("redefinition of 'struct pkt_header'", 'resolved');
    const guard = k.rejected(
      '#ifndef PKT_H',
      'vendor/lwpkt/pkt.h already uses PKT_H as its guard, so whichever of the two headers comes second is silently skipped',
    );
    k.error("unknown type name 'pkt_header_t'");
    const once = k.decision(
      '#pragma once in include/pkt.h',
      'there is no macro name left to collide with the vendor header, and gcc, clang and MSVC all honour it',
      'a prefixed guard like PKTLIB_PKT_H',
    );
    k.file('include/pkt.h');
    k.error("undefined reference to `crc16_update'", 'resolved');
    k.error('collect2: error: ld returned 1 exit status');
    const srcs = k.decision(
      'list src/crc16.c in SRCS explicitly',
      'a wildcard would also pull in src/scratch.c, which has its own main()',
      'SRCS := $(wildcard src/*.c)',
    );
    k.file('Makefile');
    k.number('2425');
    k.number('3025');
    const refusal = k.refusal('no commits, I squash and commit myself');
    const testReq = k.request('now make test');
    k.error('FAIL escape_roundtrip sweep 0..240', 'unresolved');
    k.number('31079');
    const notes = k.request('write it up in NOTES.md');
    k.file('NOTES.md');
    k.lastRequest(notes);
    k.check('make test', 'failing');
    k.not('constraints', fixReq, 'a request is not a standing rule');
    k.not('decisions', guard.what, 'tried and reverted: a rejected approach');
    k.not('rejected', srcs.choice, 'the kept fix is no dead end');
    k.not('errors', 'I squash and commit myself', "the user's refusal is not a tool error");

    const make = 'bash -c "make 2>&1 | tail -n 30"';
    const commit = 'bash -c "git add Makefile include/pkt.h && git commit -m \'build: compile crc16.c, pragma once in pkt.h\'"';

    return [
      {
        user:
          'build broke after I pulled this morning. repo is C:\\Users\\dana\\src\\pktlib, I run everything from git bash as `bash -c "make"`. ' +
          `${fixReq} pls.\n\nalso: ${vendor} - lwpkt is synced from upstream by tools\\sync-vendor.ps1 and local edits get wiped on the next sync. ` +
          `and ${cflags}, the MSVC project mirrors them by hand.`,
        model: [
          [say('Running it the way you do.'), bash(make, 'Build')],
          [
            say('include/pkt.h has no include guard, and src/frame.c includes it twice (directly and through frame.h). Adding one.'),
            edit('include/pkt.h', GUARD_TOP_OLD, GUARD_TOP_NEW),
          ],
          [edit('include/pkt.h', GUARD_END_OLD, GUARD_END_NEW)],
          [bash(make, 'Build')],
          [bash('bash -c "head -n 4 vendor/lwpkt/pkt.h && grep -n include src/net.c"', 'Look at the vendor header guard')],
          [
            say(`Reverting that: ${guard.why}. net.c includes the vendor one first. Renaming the vendor guard is out (vendor/ is off limits).`),
            bash('bash -c "git checkout -- include/pkt.h && git status --short"', 'Revert include/pkt.h'),
          ],
          [say(`Two ways out: ${once.alternative}, or ${once.choice}. Taking the second: ${once.reason}.`), edit('include/pkt.h', GUARD_TOP_OLD, ONCE_NEW)],
          [bash(make, 'Build')],
          [
            say(
              `Compiles now; the link fails because src/crc16.c is never built, SRCS does not list it. Either ${srcs.alternative} or ${srcs.choice}. ` +
                `Explicit list, since ${srcs.reason}. CFLAGS untouched.`,
            ),
            edit('Makefile', SRCS_OLD, SRCS_NEW),
          ],
          [bash('bash -c "make 2>&1 | tail -n 5 && ./build/pktd.exe && size build/pktd.exe"', 'Build, run, size')],
          [bash(commit, 'Commit the build fix')],
          [
            say(
              'Not committed. Build is green:\n\n- `include/pkt.h`: `#pragma once` (a `PKT_H` guard clashed with vendor/lwpkt/pkt.h, reverted)\n' +
                '- `Makefile`: `src/crc16.c` added to SRCS\n\nvendor/ and CFLAGS not touched. Changes are in the working tree.',
            ),
          ],
        ],
        refuse: { [commit]: refusal },
      },
      {
        user: `k. ${testReq}, CI is red on it too`,
        model: [
          [bash('bash -c "make test 2>&1 | tail -n 15"', 'Run the tests')],
          [
            say('Only the sweep fails, at len 18. The other escape cases pass, so looking at the escaper.'),
            bash('bash -c "grep -n -A 12 \'^size_t lwpkt_escape\' vendor/lwpkt/escape.c"', 'Read lwpkt_escape'),
          ],
          [bash('bash -c "make -s build/run_tests.exe && ./build/run_tests.exe | grep -E \'^(FAIL|sweep|tests)\'"', 'Re-run just the summary lines')],
          [
            say(
              'The bug is upstream, in `vendor/lwpkt/escape.c`:\n\n```c\nif ((in[i] == 0x7E || in[i] == 0x7D) && i + 1 < n) {\n```\n\n' +
                '`i + 1 < n` skips escaping the **last** byte. For len 18 the CRC ends in 0x7E, so a raw flag byte lands inside the frame and ' +
                'the receiver cuts it there. Our code is fine; the fix is dropping that condition in `lwpkt_escape`, which is in vendor/, so I have not ' +
                'touched it.\n\nOptions: patch upstream and re-sync, or work around it in `frame_write` (escape the last byte ourselves). Your call.',
            ),
          ],
        ],
      },
      {
        user: `leave make test red, it's their bug, I'll open an issue on lwpkt. ${notes} so I can paste it into the issue`,
        model: [
          [write('NOTES.md', NOTES)],
          [say('NOTES.md written: the failing length, the line in lwpkt_escape, why it breaks framing, and the suggested upstream fix.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'pktlib (C, make, Git Bash on Windows): the build is fixed, make test fails on a vendored lwpkt bug the user will report.',
          intent: 'Fix the build, look at make test, document the upstream bug. Never touch vendor/; keep CFLAGS.',
          concepts: ['include guards vs #pragma once', 'Makefile SRCS', 'byte stuffing with 0x7E/0x7D'],
          files: ['include/pkt.h: #pragma once', 'Makefile: crc16.c in SRCS', 'NOTES.md: upstream bug write-up'],
          errors: [
            'Redefinition of the packet header struct; fixed with #pragma once',
            'Link error for the CRC function; fixed in the Makefile',
            'make test: the escape sweep fails on an upstream bug; left as is',
          ],
          solving: 'A named include guard was tried and reverted because the vendor header uses the same macro.',
          messages: [
            'Fix the build; never touch vendor/; keep CFLAGS',
            'User refused a commit',
            'Look at make test',
            'Leave make test red; write it up in NOTES.md',
          ],
          pending: ['Upstream issue for lwpkt (user)'],
          current: 'NOTES.md written.',
          next: 'None.',
        }),
      },
    ];
  },
};
