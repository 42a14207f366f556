// A chatty Sinhala user (Sinhala script, English tech words) and a small C program (kade: totals of a shop's
// sales.csv) built by make with `gcc -std=c11 -Wall -Wextra -Werror -g -fsanitize=address`. Thinking present.
// AddressSanitizer finds a heap-buffer-overflow (the name copy is one byte short); a fixed 24-byte name buffer
// is tried and reverted with `git checkout --` (truncated names stop grouping); the one-byte fix stays. After a
// /compact the 64-item cap goes: realloc doubling is chosen over two passes; a -Werror unused variable is
// fixed on the way. `rm -rf build` is refused (benchmark results live there); the rounding test stays failing.
// Two compactions. Written as a held-out scenario by a helper that never read the analysis code: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const MAKEFILE =
  'CC = gcc\nCFLAGS = -std=c11 -Wall -Wextra -Werror -g -fsanitize=address\nLDFLAGS = -fsanitize=address\nOBJ = build/main.o build/items.o\n\n' +
  'build/kade: $(OBJ)\n\t$(CC) $(LDFLAGS) -o $@ $(OBJ)\n\nbuild/%.o: src/%.c src/items.h | build\n\t$(CC) $(CFLAGS) -c -o $@ $<\n\n' +
  'build:\n\tmkdir -p build\n\ntest: build/kade\n\tsh tests/run.sh\n\nclean:\n\trm -f build/*.o build/kade\n\n.PHONY: test clean\n';

const ITEMS_H =
  '#ifndef ITEMS_H\n#define ITEMS_H\n\n#include <stddef.h>\n\n#define MAX_ITEMS 64\n\nstruct item {\n    char *name;\n    long qty;\n    long cents;\n};\n\n' +
  'struct items {\n    struct item v[MAX_ITEMS];\n    size_t n;\n    size_t dropped;\n};\n\n' +
  'void items_init(struct items *it);\nint items_add(struct items *it, const char *name, long qty, long cents);\nvoid items_free(struct items *it);\n\n#endif\n';

const ITEMS_C =
  '#include "items.h"\n\n#include <stdlib.h>\n#include <string.h>\n\nvoid items_init(struct items *it)\n{\n    it->n = 0;\n    it->dropped = 0;\n}\n\n' +
  'static char *copy_name(const char *s)\n{\n    size_t len = strlen(s);\n    char *p = malloc(len);\n\n    if (p)\n        memcpy(p, s, len + 1);\n    return p;\n}\n\n' +
  'int items_add(struct items *it, const char *name, long qty, long cents)\n{\n    for (size_t i = 0; i < it->n; i++) {\n' +
  '        if (strcmp(it->v[i].name, name) == 0) {\n            it->v[i].qty += qty;\n            it->v[i].cents += qty * cents;\n            return 0;\n        }\n    }\n' +
  '    if (it->n == MAX_ITEMS) {\n        it->dropped++;\n        return -1;\n    }\n' +
  '    it->v[it->n].name = copy_name(name);\n    if (!it->v[it->n].name)\n        return -1;\n' +
  '    it->v[it->n].qty = qty;\n    it->v[it->n].cents = qty * cents;\n    it->n++;\n    return 0;\n}\n\n' +
  'void items_free(struct items *it)\n{\n    for (size_t i = 0; i < it->n; i++)\n        free(it->v[i].name);\n    it->n = 0;\n}\n';

const MAIN_C =
  '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n#include "items.h"\n\nint main(int argc, char **argv)\n{\n' +
  '    static struct items it;\n    FILE *in = argc > 1 ? fopen(argv[1], "r") : stdin;\n    char line[256];\n    long lines = 0, total_qty = 0, total_cents = 0;\n\n' +
  '    if (!in) {\n        perror(argv[1]);\n        return 1;\n    }\n    items_init(&it);\n    while (fgets(line, sizeof line, in)) {\n' +
  '        char *name = strtok(line, ",");\n        char *qty = strtok(NULL, ",");\n        char *price = strtok(NULL, ",\\n");\n\n' +
  '        if (!name || !qty || !price)\n            continue;\n        long q = atol(qty);\n        long c = (long)(atof(price) * 100);\n\n' +
  '        lines++;\n        total_qty += q;\n        total_cents += q * c;\n        items_add(&it, name, q, c);\n    }\n    if (in != stdin)\n        fclose(in);\n' +
  '    if (it.dropped)\n        fprintf(stderr, "kade: warning: more than %d items, %zu lines not grouped\\n", MAX_ITEMS, it.dropped);\n' +
  '    printf("lines: %ld\\n", lines);\n    printf("distinct items: %zu\\n", it.n);\n    printf("total qty: %ld\\n", total_qty);\n' +
  '    printf("grand total: Rs. %ld.%02ld\\n", total_cents / 100, total_cents % 100);\n    items_free(&it);\n    return 0;\n}\n';

const RUN_SH =
  '#!/bin/sh\n# run.sh: every tests/*.csv has its expected grand total line in tests/*.want\nfail=0\nfor f in tests/*.csv; do\n' +
  '  t=$(basename "$f" .csv)\n  want=$(cat "tests/$t.want")\n  got=$(./build/kade "$f" 2>/dev/null | grep \'^grand total\')\n' +
  '  if [ "$got" = "$want" ]; then\n    echo "ok $t"\n  else\n    echo "FAIL $t: expected \'$want\' got \'$got\'"\n    fail=1\n  fi\ndone\nexit $fail\n';

const LONG = [
  'Munchee Super Cream Cracker',
  'Anchor Full Cream Milk Powder',
  'Maliban Gold Marie Biscuit',
  'Elephant House Cream Soda',
  'Prima Kottu Mee Instant Noodles',
  'Sunlight Lemon Washing Powder',
  'Lanka Soy Devilled Chicken',
  'Highland Set Yoghurt Vanilla',
  'Kist Mixed Fruit Jam Bottle',
  'Signal Strong Teeth Toothpaste',
];
const SIZES = ['100g', '200g', '400g', '1kg', '2kg', '5 pack'];
const SHORT = [
  'carrot',
  'leeks',
  'beans',
  'cabbage',
  'brinjal',
  'pumpkin',
  'onions',
  'potatoes',
  'tomato',
  'lime',
  'ginger',
  'garlic',
  'green chilli',
  'curry leaves',
  'coconut',
  'eggs 10',
  'bread',
  'sugar 1kg',
  'salt 400g',
  'samba rice 1kg',
  'nadu rice 1kg',
  'red dhal 500g',
  'milk packet',
  'yoghurt cup',
  'butter 200g',
  'cheese slices',
  'tea 100g',
  'coffee 50g',
  'soap bar',
  'candles',
];
const NAMES = [...SHORT.slice(0, 20), ...LONG.flatMap((base) => SIZES.map((size) => `${base} ${size}`)), ...SHORT.slice(20)];
const SALES = Array.from({ length: 1317 }, (_, i) => {
  const n = (i * 7 + Math.floor(i / 90)) % NAMES.length;
  const cents = 45 + ((n * 389) % 2150) * 5;
  return `${NAMES[n]},${1 + (i % 5)},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}\n`;
}).join('');

export const scenario = {
  name: 'c-asan-sinhala-chatty',
  about:
    'held out: chatty Sinhala user, C (kade) built by make with gcc -fsanitize=address -Werror; thinking; ASan heap-buffer-overflow fixed; a 24-byte name buffer tried and reverted with git checkout; realloc vs two passes; -Werror unused variable fixed; rm -rf build refused; rounding test left failing; two compactions',
  requires: ['gcc', 'make', 'sh', 'git'],
  files: {
    '.gitignore': 'build/\n',
    Makefile: MAKEFILE,
    'src/items.h': ITEMS_H,
    'src/items.c': ITEMS_C,
    'src/main.c': MAIN_C,
    'data/sales.csv': SALES,
    'tests/run.sh': RUN_SH,
    'tests/basic.csv': 'samba rice 1kg,2,150.00\ncoconut,3,95.50\n',
    'tests/basic.want': 'grand total: Rs. 586.50\n',
    'tests/rounding.csv': 'soap bar,1,1.15\n',
    'tests/rounding.want': 'grand total: Rs. 1.15\n',
  },
  build(k, { edit }) {
    const crashReq = k.request('sales.csv එකෙන් එන crash එක හදලා දෙන්න');
    const asan = k.constraint('Makefile එකේ -fsanitize=address අයින් කරන්න එපා');
    k.error('ERROR: AddressSanitizer: heap-buffer-overflow', 'resolved');
    const fixed = k.rejected('strncpy(p, s, 23);', 'a truncated name never matches the full name again, so every line of a long product becomes a new item');
    const oneByte = k.decision('allocate len + 1 bytes in copy_name', 'memcpy copies the terminating NUL as well', 'switching to strdup');
    k.file('src/items.c');
    k.error('kade: warning: more than 64 items', 'resolved');
    k.number('1317');
    k.number('3948');
    k.number('364');
    k.number('212197.74');
    const capReq = k.request('items 64කට වඩා තිබුණත් හැම එකම group වෙන්න හදන්න');
    const c11 = k.constraint('C11 විතරයි, අලුත් library දාන්න එපා');
    const grow = k.decision(
      'grow the array with realloc, doubling the capacity',
      'the input can come from a pipe, which cannot be read twice',
      'two passes over the file (count the names first, then allocate once)',
    );
    k.file('src/items.h', 'src/main.c');
    k.error("error: unused variable 'old_cap' [-Werror=unused-variable]", 'resolved');
    k.number('90');
    const refusal = k.refusal('එපා! build folder එකේ මගේ benchmark results තියෙනවා, make clean දාන්න');
    k.error("FAIL rounding: expected 'grand total: Rs. 1.15' got 'grand total: Rs. 1.14'", 'unresolved');
    const runReq = k.request('Makefile එකට make run target එකක් දාන්න');
    k.file('Makefile');
    k.lastRequest(runReq);
    k.check('make test', 'failing');
    k.not('decisions', fixed.what, 'tried and reverted: a rejected approach');
    k.not('rejected', grow.choice, 'the design that was kept is not a dead end');
    k.not('rejected', grow.alternative, 'a dismissed alternative, never tried');
    k.not('constraints', capReq, 'a request is not a standing rule');
    k.not('errors', 'මගේ benchmark results තියෙනවා', "a user's refusal is not a tool error");

    const build = 'make 2>&1 | tail -n 12';
    const run = './build/kade data/sales.csv 2>&1 | head -n 12';
    const asanRun = "./build/kade data/sales.csv 2>&1 | grep -E 'ERROR: AddressSanitizer|SUMMARY|^    #[0-2] '";
    const rebuild = 'rm -rf build && make 2>&1 | tail -n 5';
    const copyOld = '    char *p = malloc(len);\n';
    const itemsStructOld = 'struct items {\n    struct item v[MAX_ITEMS];\n    size_t n;\n    size_t dropped;\n};\n';
    const itemsStructNew = 'struct items {\n    struct item *v;\n    size_t n;\n    size_t cap;\n};\n';
    const capOld = '    if (it->n == MAX_ITEMS) {\n        it->dropped++;\n        return -1;\n    }\n';
    const capNew =
      '    if (it->n == it->cap) {\n        size_t old_cap = it->cap;\n        size_t cap = it->cap ? it->cap * 2 : 16;\n        struct item *v = realloc(it->v, cap * sizeof *v);\n\n' +
      '        if (!v)\n            return -1;\n        it->v = v;\n        it->cap = cap;\n    }\n';

    return [
      {
        user:
          'ආයුබෝවන්! 😊 මම අපේ පොඩි කඩේට sales program එකක් C වලින් ලියනවා, නම kade. අද අලුත් data/sales.csv එක දුන්නම program එක AddressSanitizer error එකක් දීලා නවතිනවා, ' +
          `ඒ වගේම items 64කට වඩා තියෙනකොට ඉතුරු ඒවා group වෙන්නෙත් නෑ (ඒක පස්සේ බලමු). මුලින්ම ${crashReq}, පුළුවන්ද? ` +
          `build කරන්නේ make, run කරන්නේ ./build/kade data/sales.csv. අනිත් එක, ${asan} - ඒක තමයි අපිට memory bugs අල්ලගන්න තියෙන එකම ක්‍රමය 🙏`,
        model: [
          [think('Build first, then run it on the new file and keep only the ASan headline and the top frames.'), bash(build, 'Build')],
          [think(''), bash(asanRun, 'Run under ASan')],
          [
            think(
              'The write is in copy_name: malloc(len) but memcpy(len + 1), the NUL lands one byte past the block. Quickest containment: a fixed 24-byte block per name, copied with strncpy, so the copy can never run past it. Try that.',
            ),
            edit(
              'src/items.c',
              '    size_t len = strlen(s);\n    char *p = malloc(len);\n\n    if (p)\n        memcpy(p, s, len + 1);\n',
              `    char *p = malloc(24);\n\n    if (p) {\n        ${fixed.what}\n        p[23] = '\\0';\n    }\n`,
            ),
          ],
          [think(''), bash(`${build} && ${run}`, 'Build and run')],
          [
            think(
              `No crash, but far more lines are left ungrouped than before: the stored names are cut at 23 characters and items_add compares them with strcmp against the full name. ${fixed.why}. Revert it.`,
            ),
            say('ASan නැවතුණා, ඒත් දිග නම් 23 අකුරෙන් කැපෙන නිසා ඒවා කවදාවත් group වෙන්නේ නෑ. ඒ ක්‍රමය අයින් කරනවා.'),
            bash('git checkout -- src/items.c && git status --short', 'Revert'),
          ],
          [
            think(
              `Real fix: ${oneByte.choice}, since ${oneByte.reason}. Not ${oneByte.alternative}: it is POSIX, not C11, and -std=c11 hides its declaration.`,
            ),
            edit('src/items.c', copyOld, '    char *p = malloc(len + 1);\n'),
          ],
          [think(''), bash(`${build} && ${run}`, 'Build and run')],
          [
            say(
              'හරි! 🎉 crash එක හැදුවා: `copy_name` එකේ `malloc` එක NUL byte එකට ඉඩ තිබ්බේ නෑ, දැන් `len + 1`. ASan දැන් නිහඬයි. ' +
                'items cap warning එක තාම එනවා (64 සීමාව) - ඒක ඊළඟට කරමු.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'kade: the ASan crash on data/sales.csv is fixed (one byte short in the name copy). The item cap is next.',
          intent: 'Fix the crash on the new sales file, then lift the item limit. Keep -fsanitize=address in the Makefile.',
          concepts: ['AddressSanitizer', 'malloc and the NUL terminator', 'make with -Werror'],
          files: ['src/items.c: copy_name allocates room for the terminator'],
          errors: ['ASan heap overflow in copy_name; fixed'],
          solving: 'A fixed-size name copy was tried and reverted because long names stopped grouping.',
          messages: ['Fix the crash on sales.csv; never remove -fsanitize=address'],
          pending: ['Group more than 64 items'],
          current: 'The program runs clean under ASan.',
          next: 'Remove the 64-item cap.',
        }),
      },
      {
        user: `නියමයි, බොහොම ස්තුතියි! 🙏 දැන් ${capReq}. ${c11}, මේක පරණ ලැප්ටොප් එකක compile කරන්නත් ඕන.`,
        model: [
          [
            think(
              `Two ways: ${grow.alternative}, or ${grow.choice}. Going with realloc because ${grow.reason}, and main.c already reads stdin when no file is given. ` +
                'struct items gets a pointer and a capacity; MAX_ITEMS and dropped go.',
            ),
            edit('src/items.h', '#define MAX_ITEMS 64\n\n', ''),
          ],
          [think(''), edit('src/items.h', itemsStructOld, itemsStructNew)],
          [think(''), edit('src/items.c', '    it->n = 0;\n    it->dropped = 0;\n', '    it->v = NULL;\n    it->n = 0;\n    it->cap = 0;\n')],
          [think(''), edit('src/items.c', capOld, capNew)],
          [
            think(''),
            edit(
              'src/items.c',
              '        free(it->v[i].name);\n    it->n = 0;\n',
              '        free(it->v[i].name);\n    free(it->v);\n    it->v = NULL;\n    it->n = it->cap = 0;\n',
            ),
          ],
          [
            think(''),
            edit(
              'src/main.c',
              '    if (it.dropped)\n        fprintf(stderr, "kade: warning: more than %d items, %zu lines not grouped\\n", MAX_ITEMS, it.dropped);\n',
              '',
            ),
          ],
          [think(''), bash(build, 'Build')],
          [think('Leftover from a first draft; -Werror is right to stop it.'), edit('src/items.c', '        size_t old_cap = it->cap;\n', '')],
          [think(''), bash(`${build} && ${run}`, 'Build and run')],
          [think('Clean rebuild to be sure the object files match the new header.'), bash(rebuild, 'Clean rebuild')],
          [think('The user wants make clean instead.'), bash('make clean && make 2>&1 | tail -n 5 && make test', 'make clean, build, test')],
          [
            say(
              'දැන් හැම item එකක්ම group වෙනවා, cap warning එක නෑ. `make test` එකේ rounding test එක fail වෙනවා: `1.15` `atof` එකෙන් ' +
                '`114.99…` වෙලා cents වලට කැපෙනවා. ඒක වෙනම වැඩක් - කරන්නද?',
            ),
          ],
        ],
        refuse: { [rebuild]: refusal },
      },
      {
        user: `rounding එක ලබන සතියේ බලමු, දැනට ඒක එහෙමම තියන්න. අන්තිමට ${runReq} - data/sales.csv එකෙන් run වෙන්න. thanks a lot!`,
        model: [
          [
            think('A phony run target that depends on the binary; keep CFLAGS as they are.'),
            edit('Makefile', 'test: build/kade\n', 'run: build/kade\n\t./build/kade data/sales.csv\n\ntest: build/kade\n'),
          ],
          [think(''), edit('Makefile', '.PHONY: test clean\n', '.PHONY: run test clean\n')],
          [think(''), bash('make run 2>&1 | tail -n 4', 'make run')],
          [say('`make run` දැම්මා. `-fsanitize=address` එහෙමම තියෙනවා; rounding test එක තාම fail.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'kade: crash fixed, item cap removed with a growing array, make run added; rounding test still fails.',
          intent: 'Fix kade for the new sales file, group every item, add make run. ASan stays on; C11 only.',
          concepts: ['realloc growth', '-Werror', 'make targets'],
          files: ['src/items.c, src/items.h, src/main.c: growing item array', 'Makefile: run target'],
          errors: ['Unused variable stopped the -Werror build; removed', 'tests/rounding fails (1.15 becomes 1.14)'],
          solving: 'Capacity doubles on demand.',
          messages: ['Earlier messages are in the previous summary', 'Group every item; C11 only', 'Refused rm -rf build', 'Rounding next week; add make run'],
          pending: ['Rounding of prices (next week)'],
          current: 'make run works.',
          next: 'None.',
        }),
      },
    ];
  },
};
