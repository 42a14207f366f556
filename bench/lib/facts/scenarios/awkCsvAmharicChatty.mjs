// A chatty Amharic user (Ge'ez script, emoji, thanks, asks for answers in English) and a bash + awk CSV
// pipeline (sales per region) with a golden-file test: `make test` diffs the output against expected/.
// The model thinks in English: it weighs awk associative arrays against `sort | uniq -c` and picks the
// arrays. The golden diff fails (header and footer counted, a "5kg" quantity taken as 5, unsorted), a
// `bash -n` catches a missing `fi`, gawk's PROCINFO["sorted_in"] is tried, does nothing under mawk, and
// is put away with `git stash`; `sudo apt-get install gawk` is refused. The real export's summary line
// gives rows in / rows out / skipped. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const CITIES = [
  'Addis Ababa',
  'Adama',
  'Bahir Dar',
  'Gondar',
  'Mekelle',
  'Hawassa',
  'Dire Dawa',
  'Jimma',
  'Dessie',
  'Harar',
  'Bishoftu',
  'Arba Minch',
  'Jijiga',
  'Shashamane',
  'Debre Markos',
  'Nekemte',
  'Asella',
  'Hosaena',
  'Sodo',
  'Dilla',
  'Gambela',
  'Assosa',
  'Semera',
  'Axum',
  'Lalibela',
  'Debre Birhan',
  'Woldia',
  'Kombolcha',
  'Adigrat',
  'Ambo',
  'Gimbi',
  'Mizan Teferi',
  'Bonga',
  'Goba',
];
const PRODUCTS = [
  ['pens', '2.50'],
  ['paper', '7.25'],
  ['ink', '19.90'],
  ['folders', '3.10'],
  ['tape', '1.75'],
];

function sales() {
  const lines = ['region,product,qty,price'];
  let rowsIn = 0;
  let skipped = 0;
  const seen = new Set();
  for (let r = 0; r < 4907; r++) {
    const city = CITIES[(r * 13 + (r >> 4)) % CITIES.length];
    const [product, price] = PRODUCTS[r % PRODUCTS.length];
    let qty = String((((r * 2654435761) >>> 0) % 40) + 1);
    if (r % 41 === 7) qty = `${qty}kg`;
    else if (r % 53 === 11) qty = 'n/a';
    lines.push(`${city},${product},${qty},${price}`);
    rowsIn++;
    if (/^[0-9]+$/.test(qty)) seen.add(city);
    else skipped++;
  }
  lines.push(`TOTAL,,${rowsIn},`);
  rowsIn++;
  skipped++;
  return { text: lines.join('\n') + '\n', rowsIn, skipped, rowsOut: seen.size };
}
const DATA = sales();

const PIPELINE = `#!/usr/bin/env bash
# pipeline.sh FILE...  —  ሽያጭ በክልል (sales per region)
# region,total CSV on stdout; a summary line on stderr
set -eu

for f in "$@"; do
  if [ ! -r "$f" ]; then
    echo "pipeline: cannot read $f" >&2
    exit 2
  fi
done

awk -F, '
  { total[$1] += $3 * $4; rows++ }
  END {
    for (r in total) { printf "%s,%.2f\\n", r, total[r]; out++ }
    printf "rows in: %d, rows out: %d\\n", rows, out > "/dev/stderr"
  }
' "$@"
`;

const MAKEFILE =
  'test:\n\t@mkdir -p out\n\tbash pipeline.sh tests/input.csv > out/by_region.csv 2>/dev/null\n\tdiff expected/by_region.csv out/by_region.csv\n\n.PHONY: test\n';

const INPUT =
  'region,product,qty,price\nnorth,pens,12,2.50\nsouth,paper,4,7.25\neast,ink,3,19.90\nnorth,paper,10,7.25\nwest,pens,5kg,2.50\n' +
  'south,pens,8,2.50\neast,pens,n/a,2.50\ncentral,ink,1,19.90\nwest,paper,2,7.25\nTOTAL,,45,\n';
const EXPECTED = 'central,19.90\neast,59.70\nnorth,102.50\nsouth,49.00\nwest,14.50\n';

const AWK_OLD = `awk -F, '
  { total[$1] += $3 * $4; rows++ }
  END {
    for (r in total) { printf "%s,%.2f\\n", r, total[r]; out++ }
    printf "rows in: %d, rows out: %d\\n", rows, out > "/dev/stderr"
  }
' "$@"
`;
const AWK_NEW = `awk -F, '
  FNR == 1 { next }
  { rows++ }
  $3 !~ /^[0-9]+$/ || $4 !~ /^[0-9]+(\\.[0-9]+)?$/ { skipped++; next }
  { total[$1] += $3 * $4 }
  END {
    for (r in total) { printf "%s,%.2f\\n", r, total[r]; out++ }
    printf "rows in: %d, rows out: %d, skipped: %d\\n", rows, out, skipped > "/dev/stderr"
  }
' "$@"
`;

export const scenario = {
  name: 'awk-csv-amharic-chatty',
  about:
    'held out: bash + awk CSV pipeline with golden files (make test diffs against expected/), chatty Amharic user; awk arrays vs sort | uniq -c; golden diff and bash -n fixed; PROCINFO stashed under mawk; sudo apt-get install gawk refused',
  requires: ['awk', 'make', 'git', 'diff'],
  env: { LANG: 'C.UTF-8' },
  files: {
    'pipeline.sh': PIPELINE,
    Makefile: MAKEFILE,
    'tests/input.csv': INPUT,
    'expected/by_region.csv': EXPECTED,
    'data/sales.csv': DATA.text,
    'README.md': '# ሽያጭ pipeline\n\nSales per region from the shop exports.\n',
    '.gitignore': 'out/\n',
  },
  build(k, { edit }) {
    const ask = k.request('መጥፎ ረድፎችን (qty ቁጥር ያልሆነባቸውን) ይዝለል እና ውጤቱ በክልል ስም ተደርድሮ ይውጣ');
    const rule = k.constraint('expected/ ውስጥ ያሉትን ፋይሎች በፍጹም አትቀይር');
    const arrays = k.decision('awk associative arrays keyed by region', 'uniq -c only counts lines, it cannot sum qty * price', 'sort | uniq -c');
    const green = k.request('make test አረንጓዴ እንዲሆን እፈልጋለሁ');
    k.error('make: *** [Makefile:4: test] Error 1', 'resolved');
    k.error('> TOTAL,0.00', 'resolved');
    const fnr = k.decision('skip the header per file with FNR', 'every input file has its own header line', 'skipping only the first line of the whole run');
    k.error('syntax error: unexpected end of file', 'resolved');
    k.file('pipeline.sh');
    const procinfo = k.rejected('PROCINFO["sorted_in"]', 'mawk ignores PROCINFO, so the output silently stays in hash order');
    const refusal = k.refusal('sudo አይሆንም! ይህ የጋራ ሰርቨር ነው፣ ምንም ነገር አትጫን');
    const sortPipe = k.decision('pipe the awk output through LC_ALL=C sort', 'it sorts the same under mawk and gawk', 'an insertion sort written in awk');
    k.file('Makefile');
    k.check('make test', 'passing');
    const decimals = k.constraint('ድምሩ ሁልጊዜ ሁለት አስርዮሽ ቦታ ይኑረው');
    const real = k.request('በእውነተኛው ዳታ data/sales.csv ላይ አስኪደው እና ማጠቃለያውን አሳየኝ');
    k.number(String(DATA.rowsIn));
    k.number(`rows out: ${DATA.rowsOut}`);
    k.number(String(DATA.skipped));
    const readme = k.request('README.md ላይ pipeline ን እንዴት ማስኬድ እንደሚቻል ጨምር');
    k.file('README.md');
    k.lastRequest(readme);
    const shellcheck = 'add shellcheck to make lint';
    k.not('constraints', shellcheck, 'the agent suggested it; the user never agreed');
    k.not('constraints', ask, 'a request is not a standing rule');
    k.not('errors', 'ይህ የጋራ ሰርቨር ነው', "the user's refusal is not a tool error");
    k.not('rejected', 'LC_ALL=C sort', 'the sort pipe is what was kept');

    const first =
      `ሰላም! እንዴት ነህ? 😊 ዛሬ በCSV pipeline ላይ እንስራ። pipeline.sh ን አስተካክልልኝ፤ ${ask}። ${green}። ` +
      `አንድ ነገር ብቻ፦ ${rule} — እነሱ ከሒሳብ ክፍል የመጡ ናቸው፣ ትክክል ናቸው። መልስህን በእንግሊዝኛ ጻፍ፣ ቀላል ይሆንልኛል። አመሰግናለሁ!`;
    const install = 'sudo apt-get install -y gawk';
    const SORTED_END = `    for (r in total) { printf "%s,%.2f\\n", r, total[r]; out++ }\n`;

    return [
      {
        user: first,
        model: [
          [
            think(
              'Per-region totals of qty * price. Two ways: ' +
                `${arrays.alternative} on the region column, or ${arrays.choice}. ${arrays.reason[0].toUpperCase()}${arrays.reason.slice(1)}, and we need money, not row counts. ` +
                'So keep the arrays. First see what the golden test says.',
            ),
            bash('make test 2>&1 | tail -n 20', 'Run the golden test'),
          ],
          [
            think(
              'Four problems in that diff: the header line becomes a "region" row, the footer becomes a row, west is too high because "5kg" is read as 5 by awk, and the order is hash order. ' +
                `${fnr.choice[0].toUpperCase()}${fnr.choice.slice(1)} rather than ${fnr.alternative}: ${fnr.reason} when several exports are passed. Skip rows whose qty or price is not a plain number (counts them), then sort.`,
            ),
            say(
              'Thanks! The golden diff shows the header and the TOTAL footer counted as regions, the `5kg` row counted as 5, and no order. Fixing the awk part first.',
            ),
            edit('pipeline.sh', AWK_OLD, AWK_NEW),
          ],
          [
            think('Also: no arguments should be an error, not awk reading stdin forever.'),
            edit(
              'pipeline.sh',
              'set -eu\n\nfor f in "$@"; do\n',
              'set -eu\n\nif [ $# -eq 0 ]; then\n  echo "usage: pipeline.sh FILE..." >&2\n  exit 2\n\nfor f in "$@"; do\n',
            ),
          ],
          [think(''), bash('bash -n pipeline.sh && make test 2>&1 | tail -n 12', 'Syntax check, then the golden test')],
          [think('Forgot the fi.'), edit('pipeline.sh', '  exit 2\n\nfor f in "$@"; do\n', '  exit 2\nfi\n\nfor f in "$@"; do\n')],
          [think(''), bash('bash -n pipeline.sh && make test 2>&1 | tail -n 12', 'Syntax check, then the golden test')],
          [
            think('Totals right now, only the order differs. Commit this before trying the sort.'),
            bash('git commit -qam "pipeline: skip header, footer and bad qty rows" && git log --oneline -1', 'Commit'),
          ],
          [
            think('gawk can iterate arrays in order: PROCINFO["sorted_in"] = "@ind_str_asc" in END. One line.'),
            edit('pipeline.sh', SORTED_END, `    PROCINFO["sorted_in"] = "@ind_str_asc"\n${SORTED_END}`),
          ],
          [think(''), bash('make test 2>&1 | tail -n 12; awk -W version 2>&1 | head -n 1', 'Golden test, and which awk this is')],
          [
            think('This awk is mawk 1.3.4. No PROCINFO there, it is just an ordinary array, so the loop order is unchanged. gawk would do it.'),
            say('The order did not change: `awk` here is **mawk**, which has no `PROCINFO`. gawk would honour it, so let me install gawk.'),
            bash(install, 'Install gawk'),
          ],
          [
            think(
              `No installs. Put the PROCINFO try away: ${procinfo.why}, which is worse than failing. ` +
                `Instead: ${sortPipe.choice}; ${sortPipe.reason}, and it is one pipe. ${sortPipe.alternative[0].toUpperCase()}${sortPipe.alternative.slice(1)} would be code to maintain for 30 rows.`,
            ),
            say(`Understood, nothing installed. I'm stashing the ${procinfo.what} attempt: ${procinfo.why}.`),
            bash('git stash push -m "PROCINFO sorted_in (gawk only)" && git stash list', 'Stash the gawk-only attempt'),
          ],
          [think(''), edit('pipeline.sh', `  }\n' "$@"\n`, `  }\n' "$@" | LC_ALL=C sort -t, -k1,1\n`)],
          [think(''), bash('bash -n pipeline.sh && make test && echo GOLDEN OK', 'Golden test')],
          [
            think('Add a lint target so bash -n runs with the tests.'),
            edit('Makefile', '\n.PHONY: test\n', '\nlint:\n\tbash -n pipeline.sh\n\n.PHONY: test lint\n'),
          ],
          [think(''), bash('make lint test && git status --short', 'Lint and test')],
          [
            think(''),
            say(
              'Done 🎉\n\n- header (`FNR == 1`) and the `TOTAL` footer no longer counted\n- rows whose qty/price is not a plain number are skipped and counted (`skipped:` in the summary)\n' +
                '- output sorted with `LC_ALL=C sort -t, -k1,1` after awk\n- `make lint` runs `bash -n`\n\nexpected/ untouched. Maybe later: add shellcheck to make lint.',
            ),
          ],
        ],
        refuse: { [install]: refusal },
      },
      {
        user: `ዋው፣ በጣም አሪፍ ነው! 🙏 shellcheck ን ለሌላ ጊዜ እንተወው። ${decimals} — ሒሳብ ክፍል እንደዚያ ነው የሚፈልገው። አሁን ${real}። ብዙ ረድፎች አሉት።`,
        model: [
          [think(''), bash('mkdir -p out && bash pipeline.sh data/sales.csv > out/report.csv && head -n 5 out/report.csv', 'Run on the real export')],
          [
            think(''),
            say(
              'The summary line (stderr) is above, and the first five regions of out/report.csv. The skipped rows are the `kg` / `n/a` quantities and the TOTAL footer.',
            ),
          ],
        ],
      },
      {
        user: `በጣም ጥሩ 👍 የመጨረሻ ጥያቄ፦ ${readme}። እንደገና አመሰግናለሁ!`,
        model: [
          [
            think(''),
            edit(
              'README.md',
              'Sales per region from the shop exports.\n',
              'Sales per region from the shop exports.\n\n## Run\n\n    bash pipeline.sh data/sales.csv > out/report.csv\n\n' +
                'stdout: `region,total` sorted by region. stderr: `rows in: N, rows out: M, skipped: K`.\n' +
                'Rows whose qty or price is not a plain number are skipped.\n\n## Test\n\n    make lint test   # bash -n, then diff against expected/\n',
            ),
          ],
          [think(''), say('README.md now has Run and Test sections. ደህና ሁን! 😊')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Amharic user; CSV pipeline fixed so the golden test passes; ran on the real export; README updated.',
          intent: 'Skip bad rows, sort by region, keep expected/ untouched, run on data/sales.csv, document running.',
          concepts: ['awk arrays', 'golden files with diff', 'mawk vs gawk'],
          files: ['pipeline.sh: header/footer/bad rows skipped, sorted', 'Makefile: lint target', 'README.md: Run and Test'],
          errors: ['golden diff failed; fixed', 'a syntax error (missing fi); fixed'],
          solving: 'A gawk-only sort was tried and stashed; sort(1) used instead. Installing gawk was declined.',
          messages: ['Fix pipeline.sh, do not touch expected/', 'Run on data/sales.csv', 'Add run instructions to README'],
          pending: [],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
