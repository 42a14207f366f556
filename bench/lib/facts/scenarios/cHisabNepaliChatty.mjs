// A chatty Nepali user (Devanagari) on `hisab`, a small C ledger summarizer built with make and
// -Wall -Wextra -Werror. Thinking present. The build stops on an unused variable; the agent first puts
// -Wno-error=unused-variable into the Makefile, reverts it with `git checkout --` and uses the variable
// instead; the program then aborts with a glibc double free (main frees the table after table_free
// did), fixed after weighing who owns the struct. The user then asks for the report sorted by balance
// (qsort over an array chosen over a sorted insert) and to install it; `sudo make install` is refused.
// Numbers: the record count and the timing the program writes to out/timing.txt, read back with cat
// (the timing differs per run, so it is planted from the file the session left behind), and the
// account count in the report. A mid-session /compact and the final one. Written as a held-out
// scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { bash, ccSummary, say, think } from '../kit.mjs';

function ledger() {
  let seed = 2081;
  const rand = (n) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const out = [];
  for (let i = 0; i < 24817; i++) {
    const month = 1 + Math.floor((i * 12) / 24817);
    const acct = `ACC${String(1 + rand(977)).padStart(4, '0')}`;
    const amount = (rand(2) ? 1 : -1) * (100 + rand(500000));
    out.push(`2081-${String(month).padStart(2, '0')}-${String(1 + rand(30)).padStart(2, '0')},${acct},${amount}`);
  }
  return out.join('\n') + '\n';
}

const MAKEFILE =
  'CC ?= cc\nCFLAGS = -O2 -Wall -Wextra -Werror -std=c11\nPREFIX ?= /usr/local\n\n' +
  'hisab: src/main.c src/table.c src/table.h\n\t$(CC) $(CFLAGS) -o $@ src/main.c src/table.c\n\n' +
  'install: hisab\n\tinstall -m 755 hisab $(PREFIX)/bin/hisab\n\nclean:\n\trm -f hisab out/*.txt\n\n.PHONY: install clean\n';

const TABLE_H =
  '#ifndef TABLE_H\n#define TABLE_H\n\n#include <stddef.h>\n\nstruct entry {\n    char *key;\n    long long total;\n    struct entry *next;\n};\n\n' +
  'struct table {\n    struct entry **buckets;\n    size_t nbuckets;\n    size_t count;\n    long long grand; /* sum of every amount */\n};\n\n' +
  'struct table *table_new(size_t nbuckets);\nvoid table_add(struct table *t, const char *key, long long amount);\n' +
  '/* Frees every entry and the table itself. */\nvoid table_free(struct table *t);\n\n#endif\n';

const TABLE_C =
  '#define _POSIX_C_SOURCE 200809L\n#include "table.h"\n#include <stdlib.h>\n#include <string.h>\n\n' +
  'static size_t hash(const char *s)\n{\n    size_t h = 5381;\n    while (*s)\n        h = h * 33 + (unsigned char)*s++;\n    return h;\n}\n\n' +
  'struct table *table_new(size_t nbuckets)\n{\n    struct table *t = malloc(sizeof *t);\n    t->buckets = calloc(nbuckets, sizeof *t->buckets);\n' +
  '    t->nbuckets = nbuckets;\n    t->count = 0;\n    t->grand = 0;\n    return t;\n}\n\n' +
  'void table_add(struct table *t, const char *key, long long amount)\n{\n    size_t i = hash(key) % t->nbuckets;\n    t->grand += amount;\n' +
  '    for (struct entry *e = t->buckets[i]; e; e = e->next)\n        if (strcmp(e->key, key) == 0) {\n            e->total += amount;\n            return;\n        }\n' +
  '    struct entry *e = malloc(sizeof *e);\n    e->key = strdup(key);\n    e->total = amount;\n    e->next = t->buckets[i];\n    t->buckets[i] = e;\n    t->count++;\n}\n\n' +
  'void table_free(struct table *t)\n{\n    for (size_t i = 0; i < t->nbuckets; i++) {\n        struct entry *e = t->buckets[i];\n        while (e) {\n' +
  '            struct entry *next = e->next;\n            free(e->key);\n            free(e);\n            e = next;\n        }\n    }\n    free(t->buckets);\n    free(t);\n}\n';

const MAIN_C =
  '#define _POSIX_C_SOURCE 200809L\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <time.h>\n#include "table.h"\n\n' +
  'static long elapsed_us(struct timespec a, struct timespec b)\n{\n    return (b.tv_sec - a.tv_sec) * 1000000L + (b.tv_nsec - a.tv_nsec) / 1000;\n}\n\n' +
  'int main(int argc, char **argv)\n{\n    if (argc != 2) {\n        fprintf(stderr, "usage: hisab LEDGER.csv\\n");\n        return 2;\n    }\n' +
  '    FILE *f = fopen(argv[1], "r");\n    if (!f) {\n        perror(argv[1]);\n        return 1;\n    }\n\n' +
  '    struct timespec t0, t1;\n    clock_gettime(CLOCK_MONOTONIC, &t0);\n    struct table *t = table_new(1024);\n    char buf[256];\n    size_t lines = 0;\n\n' +
  '    while (fgets(buf, sizeof buf, f)) {\n        char *date = strtok(buf, ",");\n        char *acct = strtok(NULL, ",");\n        char *amt = strtok(NULL, ",\\n");\n' +
  '        if (!date || !acct || !amt)\n            continue;\n        table_add(t, acct, strtoll(amt, NULL, 10));\n    }\n    fclose(f);\n\n' +
  '    printf("accounts: %zu\\n", t->count);\n    for (size_t i = 0; i < t->nbuckets; i++)\n        for (struct entry *e = t->buckets[i]; e; e = e->next)\n' +
  '            printf("%s %lld.%02lld\\n", e->key, e->total / 100, llabs(e->total % 100));\n\n' +
  '    clock_gettime(CLOCK_MONOTONIC, &t1);\n    FILE *tf = fopen("out/timing.txt", "w");\n    if (tf) {\n' +
  '        fprintf(tf, "elapsed_us: %ld\\n", elapsed_us(t0, t1));\n        fclose(tf);\n    }\n\n    table_free(t);\n    free(t);\n    return 0;\n}\n';

export const scenario = {
  name: 'c-hisab-nepali-chatty',
  about:
    'held out: chatty Nepali (Devanagari) user, C ledger tool with make and -Werror, unused-variable build error, -Wno-error tried and reverted with git checkout --, glibc double free fixed, qsort chosen over sorted insert, sudo make install refused, timing read back from out/timing.txt, two compactions',
  requires: ['make', 'cc', 'git'],
  files: {
    'README.md': '# hisab\n\nखाता अनुसार जम्मा रकम (ledger CSV: date,account,amount in paisa).\n\n    make\n',
    Makefile: MAKEFILE,
    'src/table.h': TABLE_H,
    'src/table.c': TABLE_C,
    'src/main.c': MAIN_C,
    'data/ledger.csv': ledger(),
    'out/.gitkeep': '',
    '.gitignore': 'hisab\nout/*.txt\n',
  },
  build(k, { edit, abs }) {
    const buildReq = k.request('build ठीक गरिदिनुहोस्');
    const werror = k.constraint('-Werror चाहिँ नहटाउनुहोला');
    k.error("error: unused variable 'lines' [-Werror=unused-variable]", 'resolved');
    k.error('make: *** [Makefile:6: hisab] Error 1', 'resolved');
    k.error('free(): double free detected in tcache 2', 'resolved');
    const wno = k.rejected('-Wno-error=unused-variable', 'यसले पूरै build मा चेक नै बन्द गर्छ; lines चाहिँ out/timing.txt मा लेख्न राखिएको हो');
    const owner = k.decision(
      'main बाट free(t) हटाउने',
      'table_new ले struct बनाउँछ, त्यसैले table_free नै त्यसलाई free गर्ने एक मात्र ठाउँ हुनुपर्छ',
      'table_free लाई struct free नगर्ने बनाएर caller लाई free गर्न दिने',
    );
    k.file('src/main.c');
    k.number('24817');
    k.number('977');
    k.number('48662.18');
    const sortReq = k.request('balance अनुसार ठूलोदेखि सानो क्रममा राखिदिनुहोस्');
    const format = k.constraint('हरेक लाइनको format उस्तै राख्नुहोस्, अर्को script ले यो पढ्छ');
    const sorting = k.decision(
      'अन्त्यमा एक पटक entry pointer को array बनाएर qsort गर्ने',
      'हरेक add मा sorted list मिलाउँदा प्रति add O(n) लाग्छ, अन्त्यमा एक पटक sort गर्दा O(n log n) मात्र',
      'table_add मै sorted linked list राख्ने',
    );
    const installReq = k.request('install पनि गरिदिनुहोस्');
    k.file('src/table.c', 'src/table.h');
    const refusal = k.refusal('sudo make install नगर्नुहोस्, यो साझा सर्भर हो। म आफैं ~/.local मा राख्छु');
    const readmeReq = k.request('README मा चलाउने तरिका लेखिदिनुहोस्');
    k.file('README.md');
    k.lastRequest(readmeReq);
    // The timing differs per run: planted from the file the session's last run left behind.
    const timingFile = abs('out/timing.txt');
    const timing = existsSync(timingFile) ? /elapsed_us: (\d+)/.exec(readFileSync(timingFile, 'utf8'))?.[1] : undefined;
    if (timing) k.number(timing);
    k.not('constraints', readmeReq, 'a request is not a standing rule');
    k.not('decisions', wno.what, 'tried and reverted: a rejected approach');
    k.not('rejected', sorting.alternative, 'an option weighed and not taken is no dead end that was tried');
    k.not('errors', 'यो साझा सर्भर हो', "the user's refusal is not a tool error");

    const run = './hisab data/ledger.csv > out/report.txt; echo "exit=$?"';
    const install = 'sudo make install';

    return [
      {
        user:
          `नमस्ते! आशा छ तपाईंलाई सन्चै छ 🙂 यो hisab भन्ने सानो C program हो, हाम्रो सहकारीको ledger (data/ledger.csv) बाट हरेक खाताको जम्मा निकाल्छ। ` +
          `हिजो मेरो साथीले केही परिवर्तन गर्‍यो अनि अब make गर्दा error आउँछ, मलाई C त्यति आउँदैन 😅 कृपया ${buildReq}। ` +
          `अनि हो, ${werror}, CI मा त्यही flag चाहिन्छ। धन्यवाद है!`,
        model: [
          [think('Build first, see what -Werror trips on.'), bash('make 2>&1 | tail -n 8', 'Build')],
          [
            think('An unused variable only. Quickest is to demote that one warning so the build goes through, then look at what lines was for.'),
            edit('Makefile', 'CFLAGS = -O2 -Wall -Wextra -Werror -std=c11\n', 'CFLAGS = -O2 -Wall -Wextra -Werror -Wno-error=unused-variable -std=c11\n'),
          ],
          [bash('make 2>&1 | tail -n 4', 'Build')],
          [
            think(
              'It builds, but with a warning left in and a flag the user did not ask for. lines is declared next to the timing code and never incremented: it was meant to be counted and written with the timing. Undo the Makefile change and use it.',
            ),
            say(`Makefile को परिवर्तन फिर्ता गर्दैछु: ${wno.why}।`),
            bash('git checkout -- Makefile && git status --short', 'Revert the Makefile'),
          ],
          [
            edit(
              'src/main.c',
              '        if (!date || !acct || !amt)\n            continue;\n',
              '        if (!date || !acct || !amt)\n            continue;\n        lines++;\n',
            ),
          ],
          [
            edit(
              'src/main.c',
              '        fprintf(tf, "elapsed_us: %ld\\n", elapsed_us(t0, t1));\n',
              '        fprintf(tf, "records: %zu\\n", lines);\n        fprintf(tf, "elapsed_us: %ld\\n", elapsed_us(t0, t1));\n',
            ),
          ],
          [bash('rm -f hisab && make 2>&1 | tail -n 4', 'Build')],
          [bash(run, 'Run it')],
          [bash("grep -n 'free' src/main.c src/table.c", 'Find the frees')],
          [
            think(
              `glibc aborts: table_free() already frees t, and main frees it again. Two ways out: ${owner.alternative}, or ${owner.choice}. ` +
                `table.h documents that table_free frees the table itself, and ${owner.reason}. So: ${owner.choice}.`,
            ),
            edit('src/main.c', '    table_free(t);\n    free(t);\n', '    table_free(t);\n'),
          ],
          [bash(`make 2>&1 | tail -n 3 && ${run}`, 'Build and run')],
          [bash('head -n 3 out/report.txt; cat out/timing.txt', 'Look at the output and timing')],
          [
            say(
              'Build र program दुवै अब ठीक छ:\n\n' +
                '- **build**: `lines` भन्ने variable कहिल्यै प्रयोग भएको थिएन (-Werror ले रोक्यो)। अब त्यसले records गन्छ र out/timing.txt मा लेखिन्छ। -Werror जस्ताको तस्तै छ।\n' +
                '- **crash**: `table_free()` ले table आफैं free गर्छ, main ले फेरि `free(t)` गरेकोले double free भयो। main बाट हटाएँ।',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'hisab: the build and a crash at exit are fixed.',
          intent: 'Fix the hisab build without dropping -Werror.',
          concepts: ['C11', 'make with -Werror', 'glibc heap checks'],
          files: ['src/main.c: counts records, writes them to out/timing.txt; no second free'],
          errors: ['Unused variable broke the -Werror build; fixed by using it', 'Double free at exit; fixed'],
          solving: 'A Makefile flag was tried and reverted; the variable is now used.',
          messages: ['Fix the build; keep -Werror'],
          pending: [],
          current: 'Build and run are clean.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          `वाह, धेरै धेरै धन्यवाद!! 🙏 अब एउटा कुरा: report मा खाताहरू जथाभावी क्रममा आउँछन्, हाकिमलाई मन परेन 😄 ${sortReq}। ` +
          `तर ${format}। अनि सकिएपछि ${installReq} न, म terminal बाट hisab मात्र टाइप गर्न चाहन्छु।`,
        model: [
          [
            think(
              `Sorting by total, descending. Options: ${sorting.alternative}, or ${sorting.choice}. ${sorting.reason}, and the hash table stays as it is. Going with qsort. Line format "%s %lld.%02lld" unchanged.`,
            ),
            edit(
              'src/table.h',
              '/* Frees every entry and the table itself. */\n',
              '/* Every entry, largest total first; the caller frees the array (not the entries). */\nstruct entry **table_sorted(const struct table *t);\n/* Frees every entry and the table itself. */\n',
            ),
          ],
          [
            edit(
              'src/table.c',
              'void table_free(struct table *t)\n',
              'static int by_total_desc(const void *a, const void *b)\n{\n    const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;\n' +
                '    if (x->total != y->total)\n        return x->total < y->total ? 1 : -1;\n    return strcmp(x->key, y->key);\n}\n\n' +
                'struct entry **table_sorted(const struct table *t)\n{\n    struct entry **all = malloc(t->count * sizeof *all);\n    size_t n = 0;\n' +
                '    for (size_t i = 0; i < t->nbuckets; i++)\n        for (struct entry *e = t->buckets[i]; e; e = e->next)\n            all[n++] = e;\n' +
                '    qsort(all, n, sizeof *all, by_total_desc);\n    return all;\n}\n\nvoid table_free(struct table *t)\n',
            ),
          ],
          [
            edit(
              'src/main.c',
              '    for (size_t i = 0; i < t->nbuckets; i++)\n        for (struct entry *e = t->buckets[i]; e; e = e->next)\n            printf("%s %lld.%02lld\\n", e->key, e->total / 100, llabs(e->total % 100));\n',
              '    struct entry **sorted = table_sorted(t);\n    for (size_t i = 0; i < t->count; i++)\n        printf("%s %lld.%02lld\\n", sorted[i]->key, sorted[i]->total / 100, llabs(sorted[i]->total % 100));\n    free(sorted);\n',
            ),
          ],
          [bash(`make 2>&1 | tail -n 3 && ${run}`, 'Build and run')],
          [bash('head -n 4 out/report.txt && tail -n 2 out/report.txt; cat out/timing.txt', 'Check order and timing')],
          [bash(install, 'Install')],
          [
            say(
              'Report अब balance अनुसार ठूलोदेखि सानो क्रममा छ, हरेक लाइनको format उही छ (`ACC0123 1234.56`)।\n\n' +
                'Install गरिनँ। `~/.local` मा राख्न: `make install PREFIX=$HOME/.local` (त्यसको लागि `~/.local/bin` PATH मा हुनुपर्छ)।',
            ),
          ],
        ],
        refuse: { [install]: refusal },
      },
      {
        user: `ठीक छ, install म आफैं गर्छु। अन्तिम काम: ${readmeReq}, build, चलाउने र ~/.local मा install गर्ने, नेपालीमै भए हुन्छ।`,
        model: [
          [
            edit(
              'README.md',
              '    make\n',
              '    make\n\n## चलाउने\n\n    ./hisab data/ledger.csv > out/report.txt\n\nरिपोर्ट balance अनुसार ठूलोदेखि सानो क्रममा आउँछ; समय र records संख्या `out/timing.txt` मा।\n\n' +
                '## Install (sudo बिना)\n\n    make install PREFIX=$HOME/.local\n',
            ),
          ],
          [say('README मा build, चलाउने तरिका र sudo बिना install गर्ने तरिका थपेँ।')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'hisab: build and crash fixed earlier; report sorted by balance; install refused; README written.',
          intent: 'Fix the build (keep -Werror), sort the report by balance keeping the line format, document usage.',
          concepts: ['qsort', 'make PREFIX'],
          files: ['src/table.c, src/table.h: table_sorted()', 'src/main.c: sorted report', 'README.md: usage'],
          errors: ['None new.'],
          solving: 'Sorted once at the end with qsort.',
          messages: ['Sort by balance, keep the format, install it', 'Refused sudo make install', 'Write the README'],
          pending: [],
          current: 'README written.',
          next: 'None.',
        }),
      },
    ];
  },
};
