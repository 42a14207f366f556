// A small C library (libslug: ASCII slugs from Turkish text) and its CLI, built with gcc and make and
// tested by a hand-rolled test binary (`make check`). The user writes in Turkish; the agent thinks in
// English and answers in Turkish. A compiler error, a linker error and a segfault in one test are fixed
// one build at a time; the release script cannot be executed (no exec bit) and is run with sh instead;
// -Os is tried and undone with `git checkout`; an `rm -rf build` is refused and the user then gives a
// rule in Turkish; a test the user asks for at the end still fails. Sizes and timings come from
// `size`, `ls -l`, `wc -l` and `time` (only the deterministic figures are planted). One compaction.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

// A deterministic list of lowercase Turkish blog titles.
function titles() {
  const words = [
    'şehir',
    'çarşı',
    'ılık',
    'güneş',
    'öğrenci',
    'kitap',
    'yağmur',
    'deniz',
    'köprü',
    'ağaç',
    'sokak',
    'müzik',
    'çiçek',
    'dağ',
    'ışık',
    'gölge',
    'bahçe',
    'yolculuk',
    'kahve',
    'şarkı',
    'rüzgar',
    'eski',
    'yeni',
    'büyük',
    'küçük',
    'sabah',
    'akşam',
    'pazar',
    'tarif',
    'gezi',
  ];
  let seed = 20261130;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const LINES = 14683;
  const lines = [];
  for (let i = 0; i < LINES; i++) {
    const n = 2 + Math.floor(rand() * 4);
    const parts = [];
    for (let w = 0; w < n; w++) parts.push(words[Math.floor(rand() * words.length)]);
    if (i % 11 === 3) parts.push(String(2000 + (i % 27)));
    lines.push(parts.join(' ') + '\n');
  }
  const text = lines.join('');
  return { text, lines: LINES, bytes: Buffer.byteLength(text) };
}

const TITLES = titles();

const HEADER =
  '#ifndef SLUG_H\n#define SLUG_H\n\n#include <stddef.h>\n\n' +
  '/* Writes a lowercase ASCII slug of `in` into `out` (at most outsz - 1 characters) and returns its length. */\n' +
  'size_t slug_make(const char *in, char *out, size_t outsz);\n\n#endif\n';

const SLUG_V1 =
  '#include <ctype.h>\n#include "slug.h"\n\nsize_t slug_make(const char *in, char *out, size_t outsz)\n{\n    size_t n = 0;\n    int pending_dash = 0;\n\n' +
  '    if (outsz == 0)\n        return 0;\n    if (!in)\n        in = "";\n    for (; *in; in++) {\n        unsigned char c = (unsigned char)*in;\n' +
  "        if (c < 0x80 && isalnum(c)) {\n            if (pending_dash && n > 0 && n + 1 < outsz)\n                out[n++] = '-';\n            pending_dash = 0;\n" +
  '            if (n + 1 < outsz)\n                out[n++] = (char)tolower(c);\n        } else if (c < 0x80) {\n            pending_dash = 1;\n        }\n    }\n' +
  "    out[n] = '\\0';\n    return n;\n}\n";

const SLUG_V2 =
  '#include <ctype.h>\n#include "slug.h"\n#include "fold.h"\n\nstatic bool is_word_byte(unsigned char c)\n{\n    return c < 0x80 && isalnum(c);\n}\n\n' +
  'size_t slug_make(const char *in, char *out, size_t outsz)\n{\n    const unsigned char *p = (const unsigned char *)in;\n    size_t n = 0;\n    bool pending_dash = false;\n\n' +
  '    if (outsz == 0)\n        return 0;\n    while (*p) {\n        char folded = 0;\n        int used = slug_fold_tr(p, &folded);\n\n' +
  '        if (used > 0 || is_word_byte(*p)) {\n            char c = used > 0 ? folded : (char)tolower(*p);\n' +
  "            if (pending_dash && n > 0 && n + 1 < outsz)\n                out[n++] = '-';\n            pending_dash = false;\n" +
  '            if (n + 1 < outsz)\n                out[n++] = c;\n            p += used > 0 ? used : 1;\n        } else {\n' +
  '            if (*p < 0x80)\n                pending_dash = true;\n            p++;\n        }\n    }\n' +
  "    out[n] = '\\0';\n    return n;\n}\n";

const FOLD_H =
  '#ifndef FOLD_H\n#define FOLD_H\n\n/* If p starts with a Turkish letter outside ASCII, stores its ASCII letter in *out and returns\n' +
  '   the number of bytes it takes (2); returns 0 otherwise. */\nint slug_fold_tr(const unsigned char *p, char *out);\n\n#endif\n';

const FOLD_C =
  '#include <stddef.h>\n#include "fold.h"\n\n/* Turkish letters outside ASCII, as UTF-8 byte pairs, and their ASCII letter. */\n' +
  'static const struct {\n    unsigned char b0, b1;\n    char ascii;\n} tr_map[] = {\n' +
  "    {0xC3, 0xA7, 'c'}, {0xC3, 0x87, 'c'}, /* c-cedilla, both cases */\n" +
  "    {0xC4, 0x9F, 'g'}, {0xC4, 0x9E, 'g'}, /* soft g, both cases */\n" +
  "    {0xC4, 0xB1, 'i'},                   /* dotless i */\n" +
  "    {0xC3, 0xB6, 'o'}, {0xC3, 0x96, 'o'}, /* o-umlaut, both cases */\n" +
  "    {0xC5, 0x9F, 's'}, {0xC5, 0x9E, 's'}, /* s-cedilla, both cases */\n" +
  "    {0xC3, 0xBC, 'u'}, {0xC3, 0x9C, 'u'}, /* u-umlaut, both cases */\n};\n\n" +
  'int slug_fold_tr(const unsigned char *p, char *out)\n{\n    size_t i;\n\n    if (p[0] < 0xC3 || p[0] > 0xC5 || p[1] == 0)\n        return 0;\n' +
  '    for (i = 0; i < sizeof tr_map / sizeof tr_map[0]; i++) {\n        if (tr_map[i].b0 == p[0] && tr_map[i].b1 == p[1]) {\n' +
  '            *out = tr_map[i].ascii;\n            return 2;\n        }\n    }\n    return 0;\n}\n';

const MAIN =
  '#include <stdio.h>\n#include <string.h>\n#include "slug.h"\n\nint main(int argc, char **argv)\n{\n    char out[256];\n\n' +
  '    if (argc == 3 && strcmp(argv[1], "-f") == 0) {\n        char line[1024];\n        long lines = 0;\n        FILE *in = fopen(argv[2], "r");\n\n' +
  '        if (!in) {\n            perror(argv[2]);\n            return 1;\n        }\n        while (fgets(line, sizeof line, in)) {\n' +
  '            line[strcspn(line, "\\n")] = \'\\0\';\n            slug_make(line, out, sizeof out);\n            puts(out);\n            lines++;\n        }\n' +
  '        fclose(in);\n        fprintf(stderr, "slugify: %ld satır\\n", lines);\n        return 0;\n    }\n' +
  '    if (argc != 2) {\n        fprintf(stderr, "kullanım: slugify METİN | slugify -f DOSYA\\n");\n        return 2;\n    }\n' +
  '    slug_make(argv[1], out, sizeof out);\n    puts(out);\n    return 0;\n}\n';

const TESTS =
  '/* A tiny test runner: `make check` builds and runs it. */\n#include <stdio.h>\n#include <string.h>\n#include "slug.h"\n\nstatic int passed, failed;\n\n' +
  'static void check_slug(const char *name, const char *in, const char *want)\n{\n    char out[128];\n\n    printf("%-16s ", name);\n    fflush(stdout);\n' +
  '    slug_make(in, out, sizeof out);\n    if (strcmp(out, want) == 0) {\n        passed++;\n        puts("ok");\n    } else {\n        failed++;\n' +
  "        printf(\"FAIL: got '%s' want '%s'\\n\", out, want);\n    }\n}\n\nint main(void)\n{\n" +
  '    check_slug("ascii", "Hello World", "hello-world");\n    check_slug("bosluklar", "  a   b  ", "a-b");\n' +
  '    check_slug("noktalama", "C\'est la vie!", "c-est-la-vie");\n    check_slug("rakamlar", "Version 2.0", "version-2-0");\n' +
  '    check_slug("bos_girdi", NULL, "");\n    printf("%d passed, %d failed\\n", passed, failed);\n    return failed != 0;\n}\n';

const MAKEFILE =
  'CC = gcc\nCFLAGS = -std=c11 -Wall -Wextra -O2 -Iinclude\nLIB_OBJS = src/slug.o\n\nall: libslug.a slugify\n\n' +
  'libslug.a: $(LIB_OBJS)\n\tar rcs $@ $(LIB_OBJS)\n\nslugify: src/main.o libslug.a\n\t$(CC) -o $@ src/main.o -L. -lslug\n\n' +
  'tests/test_slug: tests/test_slug.o libslug.a\n\t$(CC) -o $@ tests/test_slug.o -L. -lslug\n\ncheck: tests/test_slug\n\t./tests/test_slug\n\n' +
  'clean:\n\trm -f src/*.o tests/*.o libslug.a slugify tests/test_slug\n\n.PHONY: all check clean\n';

const RELEASE =
  '#!/bin/sh\n# Builds the library and packs a release: scripts/release.sh VERSION\nset -e\nv=${1:?kullanım: scripts/release.sh SÜRÜM}\n\n' +
  'make -s clean all\nmkdir -p dist\ngit archive --prefix="libslug-$v/" -o "dist/libslug-$v.tar.gz" HEAD\ncp libslug.a "dist/libslug-$v.a"\n' +
  'echo "== boyutlar"\nsize libslug.a slugify\nls -l dist/\n';

export const scenario = {
  name: 'c-make-turkish',
  about:
    'held out: C library + CLI with gcc/make and a hand-rolled `make check`; Turkish user; compiler, linker and segfault fixed one at a time; release script run with sh after Permission denied; rm -rf refused; one check still failing',
  requires: ['gcc', 'make', 'ar', 'size', 'git'],
  files: {
    '.gitignore': '*.o\n*.a\nslugify\ntests/test_slug\ndist/\nbuild/\n',
    Makefile: MAKEFILE,
    'README.md': '# libslug\n\nURL slugs from text.\n\n    make && ./slugify "Hello World"\n    make check\n',
    'include/slug.h': HEADER,
    'src/slug.c': SLUG_V1,
    'src/main.c': MAIN,
    'tests/test_slug.c': TESTS,
    'scripts/release.sh': RELEASE,
    'data/basliklar.txt': TITLES.text,
    'build/CMakeCache.txt': '# This is the CMakeCache file.\nCMAKE_BUILD_TYPE:STRING=RelWithDebInfo\n',
    'build/valgrind-2026-11-27.txt':
      '==41231== HEAP SUMMARY:\n==41231==     in use at exit: 0 bytes in 0 blocks\n==41231== All heap blocks were freed -- no leaks are possible\n',
  },
  build(k, { edit, write }) {
    const turkish = k.request('slug_make Türkçe harfleri ASCII karşılıklarına çevirsin');
    const libcOnly = k.constraint('dış kütüphane ekleme, sadece libc');
    const table = k.decision(
      'a table of the Turkish UTF-8 byte pairs',
      "iconv's transliteration depends on the locales installed on the machine",
      'iconv with //TRANSLIT',
    );
    k.file('src/fold.c', 'src/fold.h');
    k.file('src/slug.c');
    k.file('tests/test_slug.c');
    k.error("unknown type name 'bool'", 'resolved');
    k.error("undefined reference to `slug_fold_tr'", 'resolved');
    const refusal = k.refusal('hayır, build/ dizinini silme, içinde valgrind çıktılarım var');
    k.file('Makefile');
    k.error('Segmentation fault', 'resolved');
    const askFirst = k.constraint('bir şey silmeden önce bana sor');
    const release = k.request('scripts/release.sh ile 0.2.0 sürümünü hazırla');
    const timing = k.request('data/basliklar.txt üzerinde slugify ne kadar sürüyor ölç');
    k.error('scripts/release.sh: Permission denied', 'resolved');
    const withSh = k.decision('run the script with sh', 'a chmod would put a mode change into the release commit', 'chmod +x on the script');
    k.number(String(TITLES.lines));
    k.number(String(TITLES.bytes));
    const os = k.rejected('-Os', 'slugify yalnızca birkaç düzine bayt küçüldü ve dağıtım paketleri zaten -O2 ile derleniyor');
    const dotted = k.request('büyük noktalı i için de bir test ekle');
    k.error("FAIL: got 'stanbul' want 'istanbul'", 'unresolved');
    k.check('make check', 'failing');
    const readme = k.request('README.md dosyasına sürüm çıkarma adımlarını ekle');
    k.file('README.md');
    k.lastRequest(readme);
    k.not('constraints', turkish, 'a request is not a standing rule');
    k.not('constraints', release, 'a request is not a standing rule');
    k.not('errors', 'valgrind çıktılarım var', "a user's refusal is not a tool error");
    k.not('rejected', dotted, "the user's request is not a rejected approach");

    const first =
      'Merhaba. libslug şu an Türkçe harfleri düpedüz atıyor: "Şişli Çarşı" verince "ili-ar" çıkıyor. ' +
      `${turkish}, yani "sisli-carsi" olmalı. ${libcOnly}. Testler make check ile çalışıyor, test koşucusu tests/test_slug.c içinde.`;
    const second = `Eline sağlık. Bir kural: ${askFirst}. Şimdi ${release}. Bir de ${timing}.`;
    const third = `Bir şey daha: ${dotted}, "İstanbul" için "istanbul" çıkmalı.`;
    const fourth = `Şimdilik kalsın, yarın ben bakarım. Son olarak ${readme}.`;

    return [
      {
        user: first,
        model: [
          [think('Baseline first: build and run the checks as they are.'), bash('make && make check', 'Build and run the tests')],
          [
            think(
              `The Turkish letters are two-byte UTF-8 sequences; the loop skips every byte >= 0x80. Options: ${table.alternative}, or ${table.choice} folded by hand. ` +
                `${table.reason[0].toUpperCase()}${table.reason.slice(1)}, and a minimal container may have no locale at all, so the output would differ between machines. ` +
                'Eleven pairs in a small static table is deterministic and needs nothing beyond libc. I will put it in its own file.',
            ),
            write('src/fold.h', FOLD_H),
          ],
          [write('src/fold.c', FOLD_C)],
          [write('src/slug.c', SLUG_V2)],
          [
            edit(
              'tests/test_slug.c',
              '    check_slug("bos_girdi", NULL, "");\n',
              '    check_slug("turkce", "Şişli Çarşı", "sisli-carsi");\n    check_slug("turkce_buyuk", "GÜNEŞ ÖLÇÜ", "gunes-olcu");\n' +
                '    check_slug("noktasiz_i", "ılık ığdır", "ilik-igdir");\n    check_slug("bos_girdi", NULL, "");\n',
            ),
          ],
          [bash('make', 'Build')],
          [
            think('C11 has no built-in bool; it needs stdbool.h.'),
            edit('src/slug.c', '#include <ctype.h>\n#include "slug.h"\n', '#include <ctype.h>\n#include <stdbool.h>\n#include "slug.h"\n'),
          ],
          [bash('make', 'Build')],
          [
            think(
              'The library compiled but the link of slugify fails. There is a build/ directory with a CMakeCache.txt from an old CMake build; if an old libslug.a from there gets picked up that would explain it. Clear it out and rebuild.',
            ),
            bash('rm -rf build', 'Remove the stale CMake build directory'),
          ],
          [
            think('Not touching build/. Look at the Makefile instead: LIB_OBJS only lists src/slug.o, so fold.o never goes into libslug.a.'),
            say('Tamam, build/ dizinine dokunmuyorum. Asıl sorun Makefile: yeni src/fold.o kütüphaneye eklenmemiş.'),
            edit('Makefile', 'LIB_OBJS = src/slug.o\n', 'LIB_OBJS = src/slug.o src/fold.o\n'),
          ],
          [bash('make', 'Build')],
          [bash('make check', 'Run the tests')],
          [
            think(
              'It dies on bos_girdi: that test passes NULL, and the rewrite dropped the old `if (!in) in = "";` guard, so *p reads address 0. Put the guard back.',
            ),
            edit(
              'src/slug.c',
              '    if (outsz == 0)\n        return 0;\n    while (*p) {\n',
              '    if (outsz == 0)\n        return 0;\n    if (!p)\n        p = (const unsigned char *)"";\n    while (*p) {\n',
            ),
          ],
          [bash('make check', 'Run the tests')],
          [
            bash(
              './slugify "Şişli Çarşı" && git add -A && git commit -qm "slug: Türkçe harfler ASCII karşılıklarına çevriliyor" && git log --oneline -1',
              'Try the CLI and commit',
            ),
          ],
          [
            say(
              'Tamam. Türkçe harfler (ç, ğ, ı, ö, ş, ü ve büyükleri) src/fold.c içindeki küçük bir tabloyla ASCII karşılıklarına çevriliyor; ' +
                '"Şişli Çarşı" artık "sisli-carsi" veriyor. Üç yeni test eklendi, make check geçiyor. Yolda bir derleme hatası, bir bağlama hatası ' +
                've NULL girdide bir çökme çıktı, üçü de düzeltildi. Değişiklik commit edildi.',
            ),
          ],
        ],
        refuse: { 'rm -rf build': refusal },
      },
      {
        user: second,
        model: [
          [think('Run the release script as documented.'), bash('./scripts/release.sh 0.2.0', 'Run the release script')],
          [
            think(
              `No exec bit on scripts/release.sh. Either ${withSh.alternative} or ${withSh.choice}. ` +
                `I'll ${withSh.choice}: ${withSh.reason}, and the user did not ask me to change the script. It has a #!/bin/sh line, so sh runs it the same way.`,
            ),
            bash('sh scripts/release.sh 0.2.0', 'Run the release script with sh'),
          ],
          [
            bash(
              'wc -l data/basliklar.txt && ls -l data/basliklar.txt && time ./slugify -f data/basliklar.txt > /dev/null',
              'Measure slugify on the titles file',
            ),
          ],
          [
            think('See whether -Os makes the binary and the archive noticeably smaller.'),
            edit('Makefile', 'CFLAGS = -std=c11 -Wall -Wextra -O2 -Iinclude\n', 'CFLAGS = -std=c11 -Wall -Wextra -Os -Iinclude\n'),
          ],
          [bash('make -s clean all && size libslug.a slugify', 'Rebuild with -Os and compare sizes')],
          [
            say(`${os.what} denemesini geri alıyorum: ${os.why}.`),
            bash('git checkout -- Makefile && make -s clean all && git status --short', 'Restore the Makefile and rebuild'),
          ],
          [
            say(
              '0.2.0 hazır: dist/ altında libslug-0.2.0.tar.gz ve libslug-0.2.0.a var. scripts/release.sh çalıştırma izni olmadığı için sh ile çalıştırıldı; ' +
                'dosyanın kendisini değiştirmedim. Boyutlar ve slugify -f süresi yukarıdaki çıktıda.',
            ),
          ],
        ],
      },
      {
        user: third,
        model: [
          [
            edit(
              'tests/test_slug.c',
              '    check_slug("bos_girdi", NULL, "");\n',
              '    check_slug("buyuk_noktali_i", "İstanbul", "istanbul");\n    check_slug("bos_girdi", NULL, "");\n',
            ),
          ],
          [bash('make check', 'Run the tests')],
          [
            think('U+0130 is C4 B0 and the table has no entry for it, so both bytes are dropped and only "stanbul" is left.'),
            say(
              'Yeni test kırmızı: tabloda büyük noktalı İ (U+0130, baytları C4 B0) yok, o yüzden harf tamamen düşüyor. ' +
                'Düzeltmesi src/fold.c içinde tek satır; ekleyeyim mi?',
            ),
          ],
        ],
      },
      {
        user: fourth,
        model: [
          [
            edit(
              'README.md',
              '    make check\n',
              '    make check\n\n## Sürüm çıkarma\n\n    sh scripts/release.sh 0.2.0\n\n' +
                'Betiğin çalıştırma izni yok, bu yüzden sh ile çalıştırın. Paket ve arşiv dist/ altına yazılır.\n',
            ),
          ],
          [say('README.md dosyasına "Sürüm çıkarma" bölümü eklendi. buyuk_noktali_i testi hâlâ kırmızı, yarın bakılacak.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'libslug: Turkish letters folded to ASCII, release 0.2.0 built, a test for the capital dotted I added and left failing.',
          intent:
            'Make slug_make turn Turkish letters into ASCII (libc only), prepare release 0.2.0, time slugify, add a test for the capital dotted I, document the release steps.',
          concepts: ['C11, gcc, static library with ar', 'UTF-8 byte pairs', 'hand-rolled test runner behind make check'],
          files: [
            'src/fold.c, src/fold.h: table of Turkish letters',
            'src/slug.c: uses the table, NULL input guard',
            'Makefile: fold.o in the library',
            'tests/test_slug.c: Turkish tests and the capital dotted I test',
            'README.md: release section',
          ],
          errors: ['A missing header, a missing object in the library and a crash on NULL input; all fixed', 'The capital dotted I test fails'],
          solving: 'The release script had no exec permission and was run through sh. A smaller optimisation level was tried and dropped.',
          messages: [
            'Turkish letters should become ASCII; libc only',
            'The user refused deleting build/ and asked to be asked before anything is deleted',
            'Release 0.2.0 and time slugify on the titles file',
            'Add a test for the capital dotted I',
            'Leave it for tomorrow; add the release steps to the README',
          ],
          pending: ['The capital dotted I is missing from the table (the user will look tomorrow)'],
          current: 'README updated; make check has one failing test.',
          next: 'None until the user comes back.',
        }),
      },
    ];
  },
};
