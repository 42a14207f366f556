// A small C word-frequency tool (wordfreq) with a hash table in src/words.c behind a public header,
// built with make and tested by a hand-rolled binary (`make test`), checked with
// `valgrind --leak-check=full --error-exitcode=1`. The user writes terse Georgian (Mkhedruli); the model
// has NO thinking and answers in short Georgian with English identifiers, so its decisions sit in its
// text. A segfault in the test binary (NULL word) is fixed; a `definitely lost` leak valgrind reports is
// fixed; -fsanitize=address is tried and undone with `git checkout --`; a commit is refused; a
// case-folding test the user asks for is left failing. Numbers from valgrind's heap summary and the
// unique-word count the program prints. One compaction. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say } from '../kit.mjs';

function sample() {
  const syl = ['ka', 'ro', 'mi', 'ta', 'lu', 'ne', 'so', 'vi', 'da', 'ge', 'pa', 'zu', 'ri', 'mo'];
  let seed = 7741;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lines = [];
  for (let i = 0; i < 2400; i++) {
    const words = [];
    const n = 3 + Math.floor(rand() * 6);
    for (let w = 0; w < n; w++) {
      const k = 1 + Math.floor(rand() * 3);
      let word = '';
      for (let s = 0; s < k; s++) word += syl[Math.floor(rand() * syl.length)];
      words.push(word);
    }
    lines.push(words.join(i % 5 === 0 ? ', ' : ' ') + (i % 3 === 0 ? '.' : ''));
  }
  return lines.join('\n') + '\n';
}

const HEADER =
  '#ifndef WORDS_H\n#define WORDS_H\n\n#include <stddef.h>\n\n/* Public: callers walk the buckets directly. Do not change the layout. */\n' +
  'struct word_node {\n    char *word;\n    unsigned count;\n    struct word_node *next;\n};\n\n' +
  'struct wordtab {\n    struct word_node **buckets;\n    size_t nbuckets;\n    size_t nwords;\n};\n\n' +
  'struct wordtab *words_new(size_t nbuckets);\nvoid words_add(struct wordtab *t, const char *w);\n' +
  'unsigned words_count(const struct wordtab *t, const char *w);\nvoid words_free(struct wordtab *t);\n\n#endif\n';

const WORDS_C =
  '#include <stdlib.h>\n#include <string.h>\n#include "words.h"\n\n' +
  'static size_t hash(const char *s)\n{\n    size_t h = 5381;\n\n    while (*s)\n        h = h * 33 + (unsigned char)*s++;\n    return h;\n}\n\n' +
  'struct wordtab *words_new(size_t nbuckets)\n{\n    struct wordtab *t = malloc(sizeof *t);\n\n    if (!t)\n        return NULL;\n' +
  '    t->nbuckets = nbuckets;\n    t->nwords = 0;\n    t->buckets = calloc(nbuckets, sizeof *t->buckets);\n    return t;\n}\n\n' +
  'void words_add(struct wordtab *t, const char *w)\n{\n    size_t i = hash(w) % t->nbuckets;\n    struct word_node *n;\n\n' +
  '    for (n = t->buckets[i]; n; n = n->next) {\n        if (strcmp(n->word, w) == 0) {\n            n->count++;\n            return;\n        }\n    }\n' +
  '    n = malloc(sizeof *n);\n    n->word = strdup(w);\n    n->count = 1;\n    n->next = t->buckets[i];\n    t->buckets[i] = n;\n    t->nwords++;\n}\n\n' +
  'unsigned words_count(const struct wordtab *t, const char *w)\n{\n    size_t i = hash(w) % t->nbuckets;\n    const struct word_node *n;\n\n' +
  '    for (n = t->buckets[i]; n; n = n->next)\n        if (strcmp(n->word, w) == 0)\n            return n->count;\n    return 0;\n}\n\n' +
  'void words_free(struct wordtab *t)\n{\n    size_t i;\n\n    if (!t)\n        return;\n    for (i = 0; i < t->nbuckets; i++) {\n' +
  '        struct word_node *n = t->buckets[i];\n\n        while (n) {\n            struct word_node *next = n->next;\n\n            free(n);\n            n = next;\n        }\n    }\n' +
  '    free(t->buckets);\n    free(t);\n}\n';

const MAIN_C =
  '#include <ctype.h>\n#include <stdio.h>\n#include "words.h"\n\nint main(int argc, char **argv)\n{\n    char word[64];\n    size_t len = 0;\n    int c;\n' +
  '    FILE *in;\n    struct wordtab *t;\n\n    if (argc != 2) {\n        fprintf(stderr, "usage: wordfreq FILE\\n");\n        return 2;\n    }\n' +
  '    in = fopen(argv[1], "r");\n    if (!in) {\n        perror(argv[1]);\n        return 1;\n    }\n    t = words_new(1024);\n' +
  '    while ((c = fgetc(in)) != EOF) {\n        if (isalpha(c) && len + 1 < sizeof word) {\n            word[len++] = (char)c;\n        } else if (len) {\n' +
  "            word[len] = '\\0';\n            words_add(t, word);\n            len = 0;\n        }\n    }\n    fclose(in);\n" +
  '    printf("ka: %u\\nro: %u\\n", words_count(t, "ka"), words_count(t, "ro"));\n    words_free(t);\n    return 0;\n}\n';

const TESTS_C =
  '#include <stdio.h>\n#include "words.h"\n\nstatic int passed, failed;\n\n' +
  'static void expect(const char *name, unsigned got, unsigned want)\n{\n    if (got == want) {\n        passed++;\n        printf("ok   %s\\n", name);\n    } else {\n' +
  '        failed++;\n        printf("FAIL %s: got %u want %u\\n", name, got, want);\n    }\n    fflush(stdout);\n}\n\n' +
  'int main(void)\n{\n    struct wordtab *t = words_new(8);\n\n    words_add(t, "tbilisi");\n    words_add(t, "tbilisi");\n    words_add(t, "batumi");\n' +
  '    expect("count_twice", words_count(t, "tbilisi"), 2);\n    expect("count_once", words_count(t, "batumi"), 1);\n' +
  '    expect("count_missing", words_count(t, "kutaisi"), 0);\n    expect("count_null", words_count(t, NULL), 0);\n' +
  '    words_free(t);\n    printf("%d passed, %d failed\\n", passed, failed);\n    return failed != 0;\n}\n';

const MAKEFILE =
  'CC = gcc\nCFLAGS = -std=gnu11 -Wall -Wextra -g -O0 -Iinclude\n\nall: wordfreq\n\n' +
  'wordfreq: src/main.o src/words.o\n\t$(CC) $(CFLAGS) -o $@ src/main.o src/words.o\n\n' +
  'tests/test_words: tests/test_words.o src/words.o\n\t$(CC) $(CFLAGS) -o $@ tests/test_words.o src/words.o\n\n' +
  'test: tests/test_words\n\t./tests/test_words\n\nclean:\n\trm -f src/*.o tests/*.o wordfreq tests/test_words\n\n.PHONY: all test clean\n';

export const scenario = {
  name: 'c-valgrind-georgian-terse',
  about:
    'held out: C hash-table tool with make test and valgrind --leak-check=full; terse Georgian user, no thinking; segfault and definitely-lost leak fixed; ASan tried and undone; commit refused; a case-folding test left failing',
  requires: ['gcc', 'make', 'valgrind', 'git'],
  thinking: false,
  files: {
    '.gitignore': '*.o\nwordfreq\ntests/test_words\n',
    Makefile: MAKEFILE,
    'README.md': '# wordfreq\n\nCounts words in a text file.\n\n    make && ./wordfreq data/sample.txt\n    make test\n',
    'include/words.h': HEADER,
    'src/words.c': WORDS_C,
    'src/main.c': MAIN_C,
    'tests/test_words.c': TESTS_C,
    'data/sample.txt': sample(),
  },
  build(k, { edit }) {
    const fixSegv = k.request('make test segfault-ით ვარდება, გაასწორე');
    const structRule = k.constraint('words.h-ში public struct-ებს არასდროს შეცვლი');
    k.error('[Makefile:13: test] Segmentation fault', 'resolved');
    const guard = k.decision('return 0 for a NULL word', 'the count_null test already expects 0', 'an assert(w != NULL)');
    k.file('src/words.c');
    const leaks = k.request('wordfreq valgrind-ით გადაამოწმე, leak არ უნდა იყოს');
    const asan = k.rejected('-fsanitize=address', 'ASan-ით აწყობილ ბინარს valgrind ვერ უშვებს');
    k.error('definitely lost: 9,198 bytes in 1,378 blocks', 'resolved');
    const arena = k.decision('free every word string in words_free', 'an arena would need a new field in struct wordtab', 'an arena allocator');
    k.number('2,761');
    k.number('59,150');
    const refusal = k.refusal('ჯერ არ დააკომიტო, diff-ს ჯერ მე ვნახავ');
    const unique = k.request('ბოლოს უნიკალური სიტყვების რაოდენობაც დაბეჭდოს');
    const noLibs = k.constraint('გარე ბიბლიოთეკები არ დაამატო');
    k.file('src/main.c');
    k.number('1378');
    const caseTest = k.request('Hello და hello ერთი სიტყვაა, ამაზე ტესტი დაამატე');
    k.file('tests/test_words.c');
    k.error('FAIL case_fold: got 1 want 2', 'unresolved');
    k.check('make test', 'failing');
    const readme = k.request('README-ში valgrind-ის ბრძანება ჩაწერე');
    k.file('README.md');
    k.lastRequest(readme);
    k.not('constraints', fixSegv, 'a request is not a standing rule');
    k.not('errors', refusal, "the user's refusal is not a tool error");
    k.not('rejected', caseTest, 'a request is not a rejected approach');
    k.not('constraints', unique, 'a request is not a standing rule');

    const VG = 'valgrind --leak-check=full --error-exitcode=1';
    return [
      {
        user: `${fixSegv}. ${structRule}.`,
        model: [
          [bash('make test 2>&1 | tail -20', 'Build and run the tests')],
          [
            say(
              'count_null-ზე კვდება: words_count NULL-ს პირდაპირ hash()-ს აწვდის.\n\n' +
                `ორი ვარიანტი: ${guard.alternative} ან ${guard.choice}. ვირჩევ მეორეს — ${guard.reason}, assert კი ტესტს მაინც მოკლავს.`,
            ),
            edit(
              'src/words.c',
              'unsigned words_count(const struct wordtab *t, const char *w)\n{\n    size_t i = hash(w) % t->nbuckets;\n    const struct word_node *n;\n\n',
              'unsigned words_count(const struct wordtab *t, const char *w)\n{\n    size_t i;\n    const struct word_node *n;\n\n    if (!w)\n        return 0;\n    i = hash(w) % t->nbuckets;\n',
            ),
          ],
          [bash('make test', 'Run the tests')],
          [say('გასწორდა, `make test` — 4 passed, 0 failed. words.h ხელუხლებელია.')],
        ],
      },
      {
        user: `კარგი. ახლა ${leaks}.`,
        model: [
          [
            say('ჯერ ASan-საც ჩავრთავ, რომ ერთად ორივემ ნახოს.'),
            edit('Makefile', 'CFLAGS = -std=gnu11 -Wall -Wextra -g -O0 -Iinclude\n', 'CFLAGS = -std=gnu11 -Wall -Wextra -g -O0 -fsanitize=address -Iinclude\n'),
          ],
          [bash(`make clean && make wordfreq 2>&1 | tail -3 && ${VG} ./wordfreq data/sample.txt 2>&1 | head -15`, 'Build with ASan and run under valgrind')],
          [
            say(`არ გამოვიდა: ${asan.why}. ${asan.what}-ს ვაბრუნებ.`),
            bash('git checkout -- Makefile && make clean && make wordfreq 2>&1 | tail -2 && git status --short', 'Undo the ASan flag and rebuild'),
          ],
          [bash(`${VG} ./wordfreq data/sample.txt 2>&1 | tail -25`, 'Run wordfreq under valgrind')],
          [
            say(
              'words_free კვანძებს ათავისუფლებს, მაგრამ strdup-ით აღებულ სტრიქონებს — არა.\n\n' +
                `- ვარიანტი 1: ${arena.alternative}\n- ვარიანტი 2: ${arena.choice}\n\nმეორეს ვირჩევ: ${arena.reason}, ეს კი აკრძალულია.`,
            ),
            edit(
              'src/words.c',
              '            struct word_node *next = n->next;\n\n            free(n);\n',
              '            struct word_node *next = n->next;\n\n            free(n->word);\n            free(n);\n',
            ),
          ],
          [
            bash(
              `make wordfreq 2>&1 | tail -2; ${VG} ./wordfreq data/sample.txt > /dev/null 2> /tmp/vg.txt; echo "exit $?"; grep -E "HEAP|usage|freed|ERROR SUMMARY" /tmp/vg.txt`,
              'Re-run valgrind after the fix',
            ),
          ],
          [bash('make test 2>&1 | tail -3', 'Run the tests again')],
          [bash('git commit -am "words: free word strings in words_free"', 'Commit the leak fix')],
          [say('კარგი, არ ვაკომიტებ. ცვლილება მხოლოდ src/words.c-შია, `git diff`-ით ნახავ. valgrind სუფთაა, `make test` გადის.')],
        ],
        refuse: { 'git commit -am "words: free word strings in words_free"': refusal },
      },
      {
        user: `ნახე, კარგია. ${unique}. ${noLibs}.`,
        model: [
          [
            edit(
              'src/main.c',
              '    printf("ka: %u\\nro: %u\\n", words_count(t, "ka"), words_count(t, "ro"));\n',
              '    printf("ka: %u\\nro: %u\\n", words_count(t, "ka"), words_count(t, "ro"));\n    printf("unique words: %zu\\n", t->nwords);\n',
            ),
          ],
          [bash('make wordfreq 2>&1 | tail -1 && ./wordfreq data/sample.txt | tail -3', 'Build and run wordfreq')],
          [say('დაემატა, ბოლო ხაზზე ბეჭდავს unique words. struct-ს არ შევხებივარ — nwords უკვე იყო.')],
        ],
      },
      {
        user: `${caseTest}.`,
        model: [
          [
            edit(
              'tests/test_words.c',
              '    words_free(t);\n    printf(',
              '    words_add(t, "Hello");\n    words_add(t, "hello");\n    expect("case_fold", words_count(t, "hello"), 2);\n    words_free(t);\n    printf(',
            ),
          ],
          [bash('make test 2>&1 | tail -8', 'Run the tests')],
          [say('ტესტი წითელია: words_add რეგისტრს არ აერთიანებს. გამოსწორება — tolower words_add-ში (src/words.c). გავაკეთო?')],
        ],
      },
      {
        user: `არა, ხვალ ვნახავ. ${readme}.`,
        model: [
          [
            edit(
              'README.md',
              '    make test\n',
              '    make test\n\nLeak check:\n\n    make wordfreq && valgrind --leak-check=full --error-exitcode=1 ./wordfreq data/sample.txt\n',
            ),
          ],
          [say('README-ში ჩავწერე. case_fold ტესტი ჯერ ისევ ვარდება.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'wordfreq: a NULL-word crash and a leak fixed, unique-word count printed, a case-folding test added and failing.',
          intent:
            'Fix the crash in make test, make wordfreq clean under valgrind, print the unique word count, add a case-folding test, document the valgrind command.',
          concepts: ['C11 hash table with chained buckets', 'valgrind leak check', 'hand-rolled test binary'],
          files: [
            'src/words.c: NULL guard in words_count, word strings freed',
            'src/main.c: prints the unique count',
            'tests/test_words.c: case_fold test',
            'README.md: valgrind command',
          ],
          errors: ['Crash on a NULL word: fixed', 'Leaked word strings: fixed', 'case_fold test fails'],
          solving: 'A sanitizer build was tried and dropped because it does not mix with valgrind. The public header was left alone.',
          messages: [
            'Fix the crash; never change the public structs',
            'Check with valgrind',
            'Print the unique count; no external libraries',
            'Add a test that Hello and hello are one word',
            'Tomorrow; put the valgrind command in the README',
          ],
          pending: ['case_fold: words_add does not fold case'],
          current: 'README updated; make test has one failing test.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
