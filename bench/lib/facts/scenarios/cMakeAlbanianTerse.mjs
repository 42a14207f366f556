// A terse Albanian user and a small C word counter built with make (`-Werror=implicit-function-declaration`)
// and checked by a shell test script (`sh tests/run.sh`: `PASS: name` / `FAIL: name (expected …, got …)`
// rows and a final `N passed, M failed`). No thinking: the model writes short Albanian texts. A compiler
// error (implicit declaration) is fixed after a -std=gnu89 detour is taken back, a tab-separated words
// test is fixed, a sudo apt-get is refused, and a case-folding test on "ë"/"Ë" is left failing at the
// end. Written as a held-out scenario by a helper that never read the analysis: not tuned on.
import { bash, ccSummary, say } from '../kit.mjs';

// The sample text: deterministic lines of Albanian words separated by spaces and, now and then, tabs.
const WORDS = ['shtëpi', 'rrugë', 'qytet', 'mal', 'lumë', 'bukë', 'ujë', 'dritare', 'derë', 'libër', 'fjalë', 'det', 'diell', 'hënë'];
let seed = 350989;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const lines = [];
for (let i = 0; i < 137; i++) {
  const n = 3 + rnd(9);
  const ws = [];
  for (let j = 0; j < n; j++) ws.push(WORDS[rnd(WORDS.length)]);
  lines.push(ws.map((w, j) => (j === 0 ? w : (rnd(5) === 0 ? '\t' : ' ') + w)).join(''));
}
const TEXT = lines.join('\n') + '\n';
const LINES = lines.length;
// printed before the tab fix: only spaces separate words then
const WORDCOUNT = lines.reduce((s, l) => s + l.split(/ +/).length, 0);
const BYTES = Buffer.byteLength(TEXT);

const TEXT_H = `#ifndef TEXT_H
#define TEXT_H
#include <stdio.h>

long count_lines(FILE *f);

#endif
`;

const TEXT_C = `#include "text.h"

long count_lines(FILE *f)
{
\tlong n = 0;
\tint c;
\twhile ((c = fgetc(f)) != EOF)
\t\tif (c == '\\n')
\t\t\tn++;
\treturn n;
}

/* fjalët ndahen me hapësirë */
long count_words(FILE *f)
{
\tlong n = 0;
\tint c, in = 0;
\twhile ((c = fgetc(f)) != EOF) {
\t\tif (c == ' ' || c == '\\n') {
\t\t\tin = 0;
\t\t} else if (!in) {
\t\t\tin = 1;
\t\t\tn++;
\t\t}
\t}
\treturn n;
}

/* dy fjalë janë "njësoj" pa marrë parasysh shkronjat e mëdha */
int same_word(const char *a, const char *b)
{
\twhile (*a && *b) {
\t\tint x = *a >= 'A' && *a <= 'Z' ? *a + 32 : *a;
\t\tint y = *b >= 'A' && *b <= 'Z' ? *b + 32 : *b;
\t\tif (x != y)
\t\t\treturn 0;
\t\ta++, b++;
\t}
\treturn *a == *b;
}
`;

const MAIN_C = `#include <stdio.h>
#include <string.h>
#include "text.h"

int main(int argc, char **argv)
{
\tif (argc == 4 && strcmp(argv[1], "-s") == 0) {
\t\tprintf("%d\\n", same_word(argv[2], argv[3]));
\t\treturn 0;
\t}
\tif (argc != 3 || argv[1][0] != '-') {
\t\tfprintf(stderr, "perdorimi: numero -l|-w SKEDAR\\n");
\t\treturn 2;
\t}
\tFILE *f = strcmp(argv[2], "-") == 0 ? stdin : fopen(argv[2], "r");
\tif (!f) {
\t\tperror(argv[2]);
\t\treturn 1;
\t}
\tlong n = argv[1][1] == 'l' ? count_lines(f) : count_words(f);
\tprintf("%ld\\n", n);
\treturn 0;
}
`;

const MAKEFILE = `CC = gcc
CFLAGS = -Wall -O2 -Werror=implicit-function-declaration

numero: src/main.o src/text.o
\t$(CC) -o $@ src/main.o src/text.o

src/%.o: src/%.c src/text.h
\t$(CC) $(CFLAGS) -c -o $@ $<

clean:
\trm -f numero src/*.o
`;

const RUN_SH = `#!/bin/sh
# testet: sh tests/run.sh (pas make)
pass=0
fail=0
check() {
\tif [ "$2" = "$3" ]; then
\t\techo "PASS: $1"
\t\tpass=$((pass + 1))
\telse
\t\techo "FAIL: $1 (expected $2, got $3)"
\t\tfail=$((fail + 1))
\tfi
}
check lines_basic 2 "$(printf 'a\\nb\\n' | ./numero -l -)"
check lines_empty 0 "$(printf '' | ./numero -l -)"
check words_basic 3 "$(printf 'nje dy tre\\n' | ./numero -w -)"
check words_tabs 4 "$(printf 'nje\\tdy\\ttre kater\\n' | ./numero -w -)"
check words_spaces 2 "$(printf '  nje    dy  \\n' | ./numero -w -)"
check same_ascii 1 "$(./numero -s Mal mal)"
check same_diff 0 "$(./numero -s mal det)"
check same_e_diaeresis 1 "$(./numero -s Ëndërr ëndërr)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
`;

const H_OLD = 'long count_lines(FILE *f);\n';
const H_NEW = 'long count_lines(FILE *f);\nlong count_words(FILE *f);\nint same_word(const char *a, const char *b);\n';
const CF_OLD = 'CFLAGS = -Wall -O2 -Werror=implicit-function-declaration\n';
const CF_GNU = 'CFLAGS = -Wall -O2 -Werror=implicit-function-declaration\nCFLAGS += -std=gnu89\n';
const SEP_OLD = "\t\tif (c == ' ' || c == '\\n') {\n";
const SEP_NEW = '\t\tif (isspace(c)) {\n';
const INC_OLD = '#include "text.h"\n\nlong count_lines';
const INC_NEW = '#include <ctype.h>\n#include "text.h"\n\nlong count_lines';
const USE_OLD = '\t\tfprintf(stderr, "perdorimi: numero -l|-w SKEDAR\\n");\n';
const USE_NEW = '\t\tfprintf(stderr, "perdorimi: numero -l|-w|-c SKEDAR\\n");\n';
const PICK_OLD = "\tlong n = argv[1][1] == 'l' ? count_lines(f) : count_words(f);\n";
const PICK_NEW =
  "\tlong n;\n\tif (argv[1][1] == 'c') {\n\t\tn = 0;\n\t\twhile (fgetc(f) != EOF)\n\t\t\tn++;\n\t} else {\n\t\tn = argv[1][1] == 'l' ? count_lines(f) : count_words(f);\n\t}\n";

export const scenario = {
  name: 'c-make-albanian-terse',
  about:
    'held out: terse Albanian user, C word counter built with make and checked by sh tests/run.sh (PASS:/FAIL: rows, N passed, M failed), no thinking; implicit declaration fixed after a -std=gnu89 detour, a tabs test fixed, sudo apt-get refused, a Ë case test left failing',
  requires: ['gcc', 'make', 'git'],
  thinking: false,
  env: { LANG: 'C.UTF-8' },
  files: {
    '.gitignore': 'numero\n*.o\n',
    'README.md': '# numero\n\nNumëron rreshtat dhe fjalët e një skedari teksti.\n',
    Makefile: MAKEFILE,
    'src/text.h': TEXT_H,
    'src/text.c': TEXT_C,
    'src/main.c': MAIN_C,
    'tests/run.sh': RUN_SH,
    'data/tekst.txt': TEXT,
  },
  build(k, { edit }) {
    const buildReq = k.request('beje te kompilohet me make dhe numero te nxjerre rreshtat e fjalet per data/tekst.txt');
    const makeOnly = k.constraint('vetem make, pa cmake');
    const answerAl = k.constraint('pergjigju shqip');
    k.error("error: implicit declaration of function 'count_words'", 'resolved');
    const gnu = k.rejected('CFLAGS += -std=gnu89', '-std=gnu89 nuk e heq gabimin, prototipi mungon ne text.h');
    k.error('data/tekst.tx: No such file or directory');
    k.number(LINES);
    k.number(WORDCOUNT);
    k.file('src/text.h');
    const testReq = k.request('tani sh tests/run.sh, dua te gjitha PASS');
    const noTests = k.constraint('tests/run.sh mos e prek');
    k.error('FAIL: words_tabs (expected 4, got 2)', 'resolved');
    k.error('FAIL: same_e_diaeresis (expected 1, got 0)', 'unresolved');
    const sep = k.decision('isspace() nga ctype.h per ndarjen e fjaleve', 'edhe tab dhe \\r jane ndares', 'te shtoj vetem rastin e tabit');
    k.file('src/text.c');
    const aptWords = k.refusal('jo sudo ketu. ska nevoje per valgrind');
    k.number('7 passed, 1 failed');
    const bytesReq = k.request('shto -c qe numeron bajtet');
    k.file('src/main.c');
    k.number(BYTES);
    k.lastRequest(bytesReq);
    k.check('sh tests/run.sh', 'failing');
    k.check('make', 'passing');
    k.not('constraints', buildReq, 'a request, not a standing rule');
    k.not('decisions', gnu.what, 'tried and taken back: a dead end, not a decision');
    k.not('rejected', sep.choice, 'the isspace fix was kept');
    k.not('errors', 'ska nevoje per valgrind', "the user's refusal is not a tool error");

    const apt = 'sudo apt-get install -y valgrind';
    return [
      {
        user: `${buildReq}. ${makeOnly}. ${answerAl}`,
        model: [
          [bash('make 2>&1 | tail -n 15', 'Kompilimi')],
          [say('count_words nuk eshte deklaruar ne text.h. Provoj me pare standardin e vjeter.'), edit('Makefile', CF_OLD, CF_GNU)],
          [bash('make clean >/dev/null; make 2>&1 | grep -E "error|warning" | head -n 5', 'Kompilimi perseri')],
          [say(`Jo: ${gnu.why}. E kthej Makefile si ishte.`), edit('Makefile', CF_GNU, CF_OLD)],
          [edit('src/text.h', H_OLD, H_NEW)],
          [bash('make clean >/dev/null && make 2>&1 | tail -n 3 && ./numero -l data/tekst.tx', 'Kompilimi dhe ekzekutimi')],
          [bash('./numero -l data/tekst.txt; ./numero -w data/tekst.txt', 'Rreshtat dhe fjalet')],
          [say('Kompilohet. Rreshtat dhe fjalet dalin me siper.')],
        ],
      },
      {
        user: `ok. ${testReq}. ${noTests}`,
        model: [
          [bash('make -s && sh tests/run.sh 2>&1', 'Testet')],
          [
            say(`words_tabs: ndaj vetem me hapesire. Vendimi: ${sep.choice}, sepse ${sep.reason}. Nuk dua ${sep.alternative}.`),
            edit('src/text.c', INC_OLD, INC_NEW),
            edit('src/text.c', SEP_OLD, SEP_NEW),
          ],
          [bash('make -s && sh tests/run.sh 2>&1 | grep -v ^PASS', 'Testet, vetem jo-PASS')],
          [
            say("Mbetet same_e_diaeresis: Ë eshte UTF-8 me dy bajte, same_word krahason vetem A-Z. Dua ta shoh me valgrind qe s'ka lexim jashte kufijve."),
            bash(apt, 'Instalo valgrind'),
          ],
          [bash('sh tests/run.sh | tail -n 1', 'Numri i testeve')],
          [say('Pa valgrind. Ë/ë kerkon dekodim UTF-8 ne same_word; tests/run.sh nuk e prek. Cfare te bej me te?')],
        ],
        refuse: { [apt]: aptWords },
      },
      {
        user: `e lere ate te Ë per me vone. ${bytesReq}`,
        model: [
          [edit('src/main.c', USE_OLD, USE_NEW), edit('src/main.c', PICK_OLD, PICK_NEW)],
          [bash('make -s 2>&1 && ./numero -c data/tekst.txt && wc -c < data/tekst.txt', '-c kundrejt wc')],
          [bash('sh tests/run.sh 2>&1 | tail -n 2', 'Testet')],
          [say('-c gati, perputhet me wc -c. Testet: vetem same_e_diaeresis deshton akoma.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Albanian user, terse. Small C word counter, make, shell test script.',
          intent:
            'Make numero compile and count lines/words of data/tekst.txt, get tests/run.sh green, add a -c byte count. Only make; answer in Albanian; do not touch tests/run.sh.',
          concepts: ['make with -Werror=implicit-function-declaration', 'shell test script PASS/FAIL', 'UTF-8 case folding'],
          files: ['src/text.h: prototypes added', 'src/text.c: isspace for separators', 'src/main.c: -c option'],
          errors: ['Missing prototype fixed', 'Tab test fixed', 'One case-folding test still failing'],
          solving: 'An older C standard was tried and dropped. Installing valgrind with sudo was refused.',
          messages: ['Build with make, answer in Albanian', 'Make tests pass, leave run.sh alone', 'Refused sudo apt-get', 'Leave the Ë test, add -c'],
          pending: ['same_e_diaeresis test'],
          current: '-c added and checked against wc.',
          next: 'Wait for the user on the UTF-8 test.',
        }),
      },
    ];
  },
};
