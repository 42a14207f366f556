// A Finnish-speaking user and a small C program (sanat: the most frequent words of a text file) built
// with make and checked by a shell script, ./run_tests.sh, that prints PASS/FAIL rows. The model writes
// no thinking text (`thinking: false`): its choices are in its Finnish replies. An empty file segfaults
// and every other file aborts with `free(): double free detected in tcache 2`; both are fixed. UTF-8
// words (ä, ö) are fixed after the user answers "eka"; a hand-written decoder (src/utf8.c) is created
// and deleted again; the user answers "joo" to a run on a bigger text. The last request, stop words,
// ends with its test row still failing. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// A deterministic Finnish news-like text: words from a small vocabulary, sentences of 6-14 words.
function newsText() {
  const vocab = [
    'ja',
    'on',
    'että',
    'kaupunki',
    'päivä',
    'vuonna',
    'hallitus',
    'sanoi',
    'myös',
    'yö',
    'sää',
    'lämpötila',
    'asteen',
    'tiistaina',
    'kunta',
    'mukaan',
    'ei',
    'ole',
    'vielä',
    'päätös',
    'valtuusto',
    'äänesti',
    'hanke',
    'öljy',
    'hinta',
    'nousi',
    'laski',
    'prosenttia',
  ];
  let seed = 90210;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const sentences = [];
  const counts = new Map();
  let total = 0;
  for (let s = 0; s < 260; s++) {
    const len = 6 + Math.floor(rand() * 9);
    const words = [];
    for (let w = 0; w < len; w++) {
      // Skewed: the first words of the vocabulary come up far more often.
      const word = vocab[Math.floor(Math.pow(rand(), 1.8) * vocab.length)];
      words.push(word);
      counts.set(word, (counts.get(word) ?? 0) + 1);
      total++;
    }
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    sentences.push(words.join(' ') + (s % 5 === 4 ? '.\n' : '. '));
  }
  const [top, second] = [...counts.values()].sort((x, y) => y - x);
  return { text: sentences.join(''), total, distinct: counts.size, top, second };
}

const NEWS = newsText();

const SANAT_C = `/* sanat: prints the most frequent words of a text file. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 1024

struct entry {
    char *word;
    int count;
    struct entry *next;
};

static struct entry *table[NBUCKETS];
static size_t nwords, ndistinct;

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h % NBUCKETS;
}

static void add(const char *w)
{
    unsigned h = hash(w);
    nwords++;
    for (struct entry *e = table[h]; e; e = e->next)
        if (strcmp(e->word, w) == 0) {
            e->count++;
            return;
        }
    struct entry *e = malloc(sizeof *e);
    e->word = strdup(w);
    e->count = 1;
    e->next = table[h];
    table[h] = e;
    ndistinct++;
}

static int by_count(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    if (x->count != y->count)
        return y->count - x->count;
    return strcmp(x->word, y->word);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: sanat FILE [N]\\n");
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 10;
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char buf[256];
    size_t len = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (isalpha(c)) {
            if (len < sizeof buf - 1)
                buf[len++] = (char)tolower(c);
        } else if (len) {
            buf[len] = '\\0';
            add(buf);
            len = 0;
        }
    }
    if (len) {
        buf[len] = '\\0';
        add(buf);
    }
    fclose(f);

    struct entry *sorted = NULL;
    size_t k = 0;
    for (size_t b = 0; b < NBUCKETS; b++)
        for (struct entry *e = table[b]; e; e = e->next) {
            sorted = realloc(sorted, (k + 1) * sizeof *sorted);
            sorted[k++] = *e;
        }
    qsort(sorted, k, sizeof *sorted, by_count);
    for (int i = 0; i < n; i++)
        printf("%d %s\\n", sorted[i].count, sorted[i].word);
    fprintf(stderr, "%zu sanaa, %zu erilaista\\n", nwords, ndistinct);

    for (size_t i = 0; i < k; i++)
        free(sorted[i].word);
    free(sorted);
    for (size_t b = 0; b < NBUCKETS; b++) {
        struct entry *e = table[b];
        while (e) {
            struct entry *next = e->next;
            free(e->word);
            free(e);
            e = next;
        }
    }
    return 0;
}
`;

const RUN_TESTS = `#!/bin/sh
# ./run_tests.sh: runs ./sanat on each case and compares stdout with the .expected file.
pass=0
fail=0
check() {
    name=$1
    expected=$2
    shift 2
    out=$(./sanat "$@" 2>/dev/null)
    rc=$?
    if [ $rc -eq 0 ] && [ "$out" = "$(cat "$expected")" ]; then
        echo "PASS $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name (exit $rc)"
        fail=$((fail + 1))
    fi
}
check tyhja tests/tyhja.expected tests/tyhja.txt
check lyhyt tests/lyhyt.expected tests/lyhyt.txt 3
check skandit tests/skandit.expected tests/skandit.txt 3
echo "$pass ok, $fail virhettä"
[ $fail -eq 0 ]
`;

const MAKEFILE =
  'CC = gcc\nCFLAGS = -std=c99 -Wall -Wextra -g -D_POSIX_C_SOURCE=200809L\n\nsanat: src/sanat.c\n\t$(CC) $(CFLAGS) -o $@ src/sanat.c\n\nclean:\n\trm -f sanat\n';

const UTF8_C = `/* utf8.c: decode one UTF-8 sequence; returns its length, 0 on a bad byte. */
#include "utf8.h"

int utf8_decode(const unsigned char *s, unsigned long *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *cp = ((unsigned long)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *cp = ((unsigned long)(s[0] & 0x0F) << 12) | ((unsigned long)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    return 0;
}
`;

const READ_BYTES = `    char buf[256];
    size_t len = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (isalpha(c)) {
            if (len < sizeof buf - 1)
                buf[len++] = (char)tolower(c);
        } else if (len) {
            buf[len] = '\\0';
            add(buf);
            len = 0;
        }
    }
    if (len) {
        buf[len] = '\\0';
        add(buf);
    }
`;

const READ_WIDE = `    wchar_t buf[128];
    size_t len = 0;
    wint_t c;
    while ((c = fgetwc(f)) != WEOF) {
        if (iswalpha(c)) {
            if (len < sizeof buf / sizeof buf[0] - 1)
                buf[len++] = (wchar_t)towlower(c);
        } else if (len) {
            add_wide(buf, len);
            len = 0;
        }
    }
    if (len)
        add_wide(buf, len);
`;

const ADD_WIDE = `
static void add_wide(wchar_t *w, size_t len)
{
    char mb[512];
    w[len] = L'\\0';
    if (wcstombs(mb, w, sizeof mb) != (size_t)-1)
        add(mb);
}
`;

export const scenario = {
  name: 'c-memory-finnish',
  thinking: false,
  about:
    'held out: Finnish-speaking user, C + make, a segfault and a glibc double-free abort fixed, ./run_tests.sh PASS/FAIL rows, decisions in Finnish text, src/utf8.c created and deleted, "eka"/"joo" answers, no thinking text',
  requires: ['gcc', 'make', 'git'],
  files: {
    '.gitignore': 'sanat\n',
    Makefile: MAKEFILE,
    README: 'sanat - tekstitiedoston yleisimmät sanat.\n\n  make && ./sanat teksti.txt 10\n  ./run_tests.sh\n',
    'src/sanat.c': SANAT_C,
    'run_tests.sh': RUN_TESTS,
    'tests/tyhja.txt': '',
    'tests/tyhja.expected': '',
    'tests/lyhyt.txt': 'Kissa istuu. Koira istuu. Kissa nukkuu, koira haukkuu ja kissa istuu.\n',
    'tests/lyhyt.expected': '3 istuu\n3 kissa\n2 koira\n',
    'tests/skandit.txt': 'Päivä on kaunis. Päivä paistaa, yö on pimeä. Öisin on hiljaista.\n',
    'tests/skandit.expected': '3 on\n2 päivä\n1 hiljaista\n',
    'tests/stop.txt': 'ja\r\nistuu\r\n',
    'data/uutiset.txt': NEWS.text,
  },
  build(k, { write, edit }) {
    const crashes = k.request('korjaa ne kaatumiset');
    const libc = k.constraint('pelkkä libc, ei ulkoisia kirjastoja');
    const testsDir = k.constraint('älä muokkaa tests-kansion valmiita tiedostoja');
    k.error('Segmentation fault', 'resolved');
    k.error('free(): double free detected in tcache 2', 'resolved');
    const bound = k.decision(
      'rajaan tulostussilmukan sanojen määrään',
      'tyhjällä tiedostolla taulukko jää NULL-osoittimeksi',
      'erillinen tarkistus tyhjälle tiedostolle',
    );
    const pointers = k.decision(
      'lajittelen osoittimia enkä kopioita',
      'kopiot jakavat saman word-merkkijonon, joten se vapautettiin kahdesti',
      'strdup jokaiseen kopioon',
    );
    k.file('src/sanat.c');
    k.error('FAIL skandit', 'resolved');
    const decoder = k.rejected('src/utf8.c', 'libc:n fgetwc ja towlower tekevät saman, oma dekooderi olisi vain lisää ylläpidettävää');
    const locale = k.decision(
      'kiinnitän merkistöksi C.UTF-8:n ohjelmassa',
      'testit ja cron ajavat ohjelmaa ilman LANG-muuttujaa',
      'LC_ALL-muuttuja run_tests.sh:ssä',
    );
    k.number(String(NEWS.total));
    k.number(String(NEWS.second));
    k.number(String(NEWS.top));
    const stop = k.request('lisää -s TIEDOSTO, jolla annetaan stop-sanat jotka jätetään pois');
    k.lastRequest(stop);
    k.file('run_tests.sh');
    k.file('tests/stop.expected');
    k.error('FAIL stopsanat', 'unresolved');
    k.check('./run_tests.sh', 'failing');
    k.not('constraints', crashes, 'a request is not a standing rule');
    k.not('rejected', 'erillinen tarkistus tyhjälle tiedostolle', 'an alternative weighed in the text, never tried in a tool call');
    k.not('errors', 'Windows-rivinvaihdot', "the agent's finding, not a tool error");

    const first =
      'Moi. sanat (src/sanat.c) kaatuu melkein joka tiedostolla, tyhjällä tiedostolla ihan heti. ' +
      `Käännetään makella ja testit ajetaan ./run_tests.sh, se tulostaa PASS/FAIL-rivit. Voisitko ${crashes}? ` +
      `Myöhemmin tarvitaan vielä stop-sanat, mutta kaatumiset ensin. Ja huom: ${libc}, ja ${testsDir}, ne on tehty käsin.`;
    const last = `Hienoa, kiitos. Viimeinen juttu tälle päivälle: ${stop}. Testiin voi käyttää tests/stop.txt:tä (siinä ja ja istuu).`;

    return [
      {
        user: first,
        model: [
          [empty(), say('Käännän ja ajan testit ensin.'), bash('make && ./run_tests.sh', 'Build and run the tests')],
          [
            empty(),
            say('Skriptiltä puuttuu suoritusoikeus, lisään sen.'),
            bash('chmod +x run_tests.sh && ./run_tests.sh', 'Make the test script executable and run it'),
          ],
          [empty(), bash('./sanat tests/tyhja.txt; echo "exit $?"', 'Run on the empty file')],
          [empty(), bash('./sanat tests/lyhyt.txt 3; echo "exit $?"', 'Run on the short file')],
          [
            empty(),
            say(
              `Kaksi eri vikaa. Tyhjä tiedosto: tulostussilmukka käy n kertaa vaikka sanoja ei ole yhtään. Korjaus: ${bound.choice}, koska ${bound.reason}; ` +
                `se korjaa myös lyhyet tiedostot, joissa sanoja on vähemmän kuin n. Vaihtoehto olisi ollut ${bound.alternative}, mutta se ei auttaisi lyhyissä tiedostoissa.`,
            ),
            edit('src/sanat.c', '    for (int i = 0; i < n; i++)\n', '    for (int i = 0; i < n && (size_t)i < k; i++)\n'),
          ],
          [
            empty(),
            say(
              `Toinen vika on tuplavapautus: sorted-taulukko on kopio struct entry -rakenteista. Ratkaisu: ${pointers.choice}, koska ${pointers.reason}. ` +
                `${pointers.alternative[0].toUpperCase()}${pointers.alternative.slice(1)} olisi toiminut myös, mutta se kopioisi jokaisen sanan turhaan.`,
            ),
            edit(
              'src/sanat.c',
              '    const struct entry *x = a, *y = b;\n',
              '    const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;\n',
            ),
          ],
          [empty(), edit('src/sanat.c', '    struct entry *sorted = NULL;\n', '    struct entry **sorted = NULL;\n')],
          [empty(), edit('src/sanat.c', '            sorted[k++] = *e;\n', '            sorted[k++] = e;\n')],
          [empty(), edit('src/sanat.c', 'sorted[i].count, sorted[i].word);\n', 'sorted[i]->count, sorted[i]->word);\n')],
          [empty(), edit('src/sanat.c', '    for (size_t i = 0; i < k; i++)\n        free(sorted[i].word);\n    free(sorted);\n', '    free(sorted);\n')],
          [empty(), bash('make && ./run_tests.sh', 'Build and run the tests')],
          [
            empty(),
            say(
              'Kaatumiset on korjattu: tyhjä ja lyhyt menevät läpi. Skandit-testi ei vielä mene: isalpha() käsittelee tavuja, joten ä ja ö katkaisevat sanat.\n\n' +
                'Mainitsit aiemmin myös stop-sanat. Kumpi ensin?\n1. skandit kuntoon\n2. stop-sanat',
            ),
          ],
        ],
      },
      {
        user: 'eka',
        model: [
          [
            empty(),
            say('Teen pienen UTF-8-dekooderin omaan tiedostoonsa.'),
            write('src/utf8.h', 'int utf8_decode(const unsigned char *s, unsigned long *cp);\n'),
          ],
          [empty(), write('src/utf8.c', UTF8_C)],
          [
            empty(),
            say(`Otan tämän pois: ${decoder.why}. Leveät merkit ja muunnos pieniksi ovat jo libc:ssä.`),
            bash('rm src/utf8.c src/utf8.h && git status --short', 'Remove the decoder files'),
          ],
          [empty(), edit('src/sanat.c', '#include <ctype.h>\n', '#include <locale.h>\n')],
          [empty(), edit('src/sanat.c', '#include <string.h>\n', '#include <string.h>\n#include <wchar.h>\n#include <wctype.h>\n')],
          [empty(), edit('src/sanat.c', '\nstatic int by_count(', `${ADD_WIDE}\nstatic int by_count(`)],
          [empty(), edit('src/sanat.c', READ_BYTES, READ_WIDE)],
          [
            empty(),
            say(
              `Merkistö: vaihtoehdot ovat ${locale.alternative} tai ${locale.choice}. Valitsen jälkimmäisen: ${locale.reason}, ja setlocale(LC_CTYPE, "") antaisi silloin pelkän C-localen.`,
            ),
            edit(
              'src/sanat.c',
              '    int n = argc > 2 ? atoi(argv[2]) : 10;\n',
              '    setlocale(LC_CTYPE, "C.UTF-8");\n    int n = argc > 2 ? atoi(argv[2]) : 10;\n',
            ),
          ],
          [empty(), bash('make && ./run_tests.sh', 'Build and run the tests')],
          [empty(), say('Skandit toimii nyt, kaikki kolme testiä menevät läpi. Ajanko myös data/uutiset.txt:n top 5:n tarkistukseksi?')],
        ],
      },
      {
        user: 'joo',
        model: [
          [empty(), bash('./sanat data/uutiset.txt 5', 'Top 5 of the news text')],
          [empty(), say('Siinä: top 5 ja lopussa stderriin sanamäärät. Päivä ja yö lasketaan nyt yhtenä sanana.')],
        ],
      },
      {
        user: last,
        model: [
          [
            empty(),
            edit(
              'src/sanat.c',
              'static size_t nwords, ndistinct;\n',
              'static size_t nwords, ndistinct;\nstatic char **stops;\nstatic size_t nstops;\n\n' +
                'static void load_stops(const char *path)\n{\n    FILE *f = fopen(path, "r");\n    if (!f) {\n        perror(path);\n        exit(1);\n    }\n' +
                '    char line[128];\n    while (fgets(line, sizeof line, f)) {\n        line[strcspn(line, "\\n")] = \'\\0\';\n        if (!*line)\n            continue;\n' +
                '        stops = realloc(stops, (nstops + 1) * sizeof *stops);\n        stops[nstops++] = strdup(line);\n    }\n    fclose(f);\n}\n\n' +
                'static int is_stop(const char *w)\n{\n    for (size_t i = 0; i < nstops; i++)\n        if (strcmp(stops[i], w) == 0)\n            return 1;\n    return 0;\n}\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/sanat.c',
              '    unsigned h = hash(w);\n    nwords++;\n',
              '    if (is_stop(w))\n        return;\n    unsigned h = hash(w);\n    nwords++;\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/sanat.c',
              '    if (argc < 2) {\n        fprintf(stderr, "usage: sanat FILE [N]\\n");\n',
              '    if (argc > 2 && strcmp(argv[1], "-s") == 0) {\n        load_stops(argv[2]);\n        argv += 2;\n        argc -= 2;\n    }\n' +
                '    if (argc < 2) {\n        fprintf(stderr, "usage: sanat [-s STOPFILE] FILE [N]\\n");\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/sanat.c',
              '    free(sorted);\n',
              '    free(sorted);\n    for (size_t i = 0; i < nstops; i++)\n        free(stops[i]);\n    free(stops);\n',
            ),
          ],
          [empty(), write('tests/stop.expected', '3 kissa\n2 koira\n1 haukkuu\n')],
          [
            empty(),
            edit(
              'run_tests.sh',
              'check skandit tests/skandit.expected tests/skandit.txt 3\n',
              'check skandit tests/skandit.expected tests/skandit.txt 3\ncheck stopsanat tests/stop.expected -s tests/stop.txt tests/lyhyt.txt 3\n',
            ),
          ],
          [empty(), bash('make && ./run_tests.sh', 'Build and run the tests')],
          [empty(), bash('./sanat -s tests/stop.txt tests/lyhyt.txt 3; od -c tests/stop.txt | head -n 2', 'Look at the stop word file')],
          [
            empty(),
            say(
              '-s on lisätty, mutta uusi stopsanat-testi ei mene läpi: tests/stop.txt:ssä on Windows-rivinvaihdot (\\r\\n), joten "istuu\\r" ei osu sanaan "istuu". ' +
                'Ohjeesi mukaan en muokkaa tests-kansion tiedostoja.\n\nKorjaanko sen koodissa (poistan \\r:n rivin lopusta), vai teetkö tiedostosta uuden version?',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'sanat: crashes fixed, UTF-8 words work, -s stop words added; the stop word test fails on CRLF line endings.',
          intent: 'Fix the crashes in sanat, then UTF-8 words, then a -s option for stop words. libc only; do not edit the files in tests/.',
          concepts: ['C99, make', 'glibc heap checks', 'wide characters with C.UTF-8', './run_tests.sh PASS/FAIL rows'],
          files: ['src/sanat.c: loop bound, pointer sort, wide-char reading, -s option', 'run_tests.sh: stopsanat row', 'tests/stop.expected: new'],
          errors: ['Crash on the empty file; fixed', 'Double free at exit; fixed', 'Stop word test fails (CRLF in tests/stop.txt)'],
          solving: 'A separate UTF-8 decoder was dropped in favour of libc wide-char functions.',
          messages: ['Fix the crashes; libc only; do not edit tests/', 'eka', 'joo', `"${last}"`],
          pending: ['Handle the CRLF stop word file'],
          current: 'Waiting for the user to choose how to handle CRLF in tests/stop.txt.',
          next: 'Strip \\r in load_stops if the user agrees.',
        }),
      },
    ];
  },
};
