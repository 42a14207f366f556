// A chatty Norwegian (bokmål) user and the housing co-op's electricity report: one awk script
// (rapport.awk) and a validation script (sjekk.awk) driven by a Makefile (`make rapport MND=…`,
// `make sjekk MND=…`, `make test` diffs a fixture's report against test/forventet.txt), run with
// whatever awk is installed (mawk here) and meant for busybox awk on the co-op's NAS. Decimal commas
// in the meter export are read as integers (the test fails); a locale for awk is tried in the Makefile
// and undone with `git restore`; the user pastes February's export (73 lines) straight from the
// browser, which has a manual reading dated 2026-02-30, so `make sjekk` stays failing (editing the data
// file is refused). After one mid-session /compact: a top-5 list written first with gawk's asort(),
// then a decimal-comma output that trips a printf with too few arguments. The model thinks in English.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const LEILIGHETER = ['H0101', 'H0102', 'H0103', 'H0104', 'H0201', 'H0202', 'H0203', 'H0204', 'H0301', 'H0302', 'H0303', 'H0304'];

/** One month of meter readings from the grid company's portal: every 5 days, kWh with a decimal comma. */
function maaned(year, month, days, seed, typo) {
  let state = seed;
  const rand = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const rows = ['leilighet;dato;kwh;kilde'];
  for (const l of LEILIGHETER) {
    const base = 40 + rand() * 70;
    for (const d of days) {
      const kwh = (base * (0.8 + rand() * 0.45)).toFixed(1).replace('.', ',');
      const kilde = rand() < 0.12 ? 'manuell' : 'auto';
      let dato = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (typo && typo.leilighet === l && typo.day === d) dato = typo.dato;
      rows.push(`${l};${dato};${kwh};${typo && typo.leilighet === l && typo.day === d ? 'manuell' : kilde}`);
    }
  }
  return rows.join('\n') + '\n';
}

const JANUAR = maaned(2026, 1, [5, 10, 15, 20, 25, 31], 20260131);
// February as the user pastes it: H0203's manual reading of the 26th was typed in as the 30th.
const FEBRUAR = maaned(2026, 2, [1, 6, 11, 16, 21, 26], 20260228, { leilighet: 'H0203', day: 26, dato: '2026-02-30' });

const RAPPORT =
  '# rapport.awk: strømforbruk per leilighet for én måned.\n' +
  "# Bruk: awk -F';' -v pris=1.25 -f rapport.awk data/2026-01.csv   (eller: make rapport MND=2026-01)\n" +
  '# Kolonner: leilighet;dato;kwh;kilde (første linje er overskrift)\n\n' +
  'NR == 1 { next }\n\n' +
  '{\n    kwh[$1] += $3\n    total += $3\n    rader++\n}\n\n' +
  'END {\n' +
  '    printf "Strømforbruk, %s (%d avlesninger)\\n\\n", FILENAME, rader\n' +
  '    printf "%-8s %9s %9s\\n", "Leil.", "kWh", "kr"\n' +
  '    for (l in kwh) {\n' +
  '        printf "%-8s %9.1f %9.2f\\n", l, kwh[l], kwh[l] * pris | "sort"\n' +
  '        antall++\n' +
  '    }\n' +
  '    close("sort")\n' +
  '    printf "\\nTotalt: %.1f kWh, %.2f kr\\n", total, total * pris\n' +
  '    printf "Snitt per leilighet: %.1f kWh\\n", total / antall\n' +
  '}\n';

const SJEKK =
  '# sjekk.awk: validerer en månedsfil fra Elvia før rapporten kjøres.\n' +
  "# Bruk: awk -F';' -f sjekk.awk data/2026-01.csv   (eller: make sjekk MND=2026-01)\n\n" +
  'function gyldig(d,    del, dager) {\n' +
  '    if (d !~ /^20[0-9][0-9]-[01][0-9]-[0-3][0-9]$/) return 0\n' +
  '    split(d, del, "-")\n' +
  '    dager = substr("312831303130313130313031", 2 * del[2] - 1, 2) + 0\n' +
  '    if (del[2] == 2 && del[1] % 4 == 0) dager = 29\n' +
  '    return del[2] >= 1 && del[2] <= 12 && del[3] >= 1 && del[3] <= dager\n' +
  '}\n\n' +
  'NR == 1 { next }\n' +
  '$1 !~ /^H0[1-3]0[1-4]$/   { printf "sjekk: linje %d: ukjent leilighet %s\\n", NR, $1; feil++ }\n' +
  '!gyldig($2)                { printf "sjekk: linje %d: ugyldig dato %s (%s)\\n", NR, $2, $1; feil++ }\n' +
  '$3 !~ /^[0-9]+(,[0-9]+)?$/ { printf "sjekk: linje %d: ugyldig kWh \'%s\' (%s)\\n", NR, $3, $1; feil++ }\n\n' +
  'END {\n' +
  '    if (feil) { printf "sjekk: %d feil i %s\\n", feil, FILENAME; exit 1 }\n' +
  '    printf "sjekk: %s OK, %d rader\\n", FILENAME, NR - 1\n' +
  '}\n';

const MAKEFILE =
  '# Strømrapport for borettslaget. Kjøres på NAS-en med busybox awk, her med det som finnes.\n' +
  'MND ?= 2026-01\nPRIS ?= 1.25\nAWK ?= awk\n\n' +
  "rapport:\n\t$(AWK) -F';' -v pris=$(PRIS) -f rapport.awk data/$(MND).csv\n\n" +
  "sjekk:\n\t$(AWK) -F';' -f sjekk.awk data/$(MND).csv\n\n" +
  'FIXTURE = test/fixture.csv\nFORVENTET = test/forventet.txt\n\n' +
  'test:\n' +
  "\t@$(AWK) -F';' -v pris=1.00 -f rapport.awk $(FIXTURE) > test/.faktisk.txt\n" +
  '\t@if diff -u $(FORVENTET) test/.faktisk.txt; then echo "test: OK"; else echo "FEIL: rapporten for $(FIXTURE) avviker fra $(FORVENTET)"; exit 1; fi\n\n' +
  '.PHONY: rapport sjekk test\n';

const FIXTURE = 'leilighet;dato;kwh;kilde\nH0101;2026-01-05;10,5;auto\nH0101;2026-01-10;20,3;auto\nH0102;2026-01-05;7,5;manuell\nH0102;2026-01-10;12,1;auto\n';
const FORVENTET =
  'Strømforbruk, test/fixture.csv (4 avlesninger)\n\nLeil.          kWh        kr\nH0101         30.8     30.80\nH0102         19.6     19.60\n\n' +
  'Totalt: 50.4 kWh, 50.40 kr\nSnitt per leilighet: 25.2 kWh\n';

// rapport.awk as the session edits it (after the decimal-comma fix of the first turn).
const SNITT = '    printf "Snitt per leilighet: %.1f kWh\\n", total / antall\n}\n';
const TOPP_ASORT =
  '\n    # topp 5: sorter "kWh leilighet" og ta de fem største\n    n = 0\n' +
  '    for (l in kwh) rad[++n] = sprintf("%08.1f %s", kwh[l], l)\n    asort(rad)\n' +
  '    printf "\\nTopp 5 (mest forbruk):\\n"\n' +
  '    for (i = n; i > n - 5 && i > 0; i--) {\n        split(rad[i], f, " ")\n        printf "%d. %s  %.1f kWh\\n", n - i + 1, f[2], f[1]\n    }\n';
const TOPP_SORT =
  '\n    # topp 5: POSIX awk kan ikke sortere, så sort(1) gjør jobben\n    printf "\\nTopp 5 (mest forbruk):\\n"\n' +
  '    for (l in kwh) printf "%.1f %s\\n", kwh[l], l | "sort -k1,1nr | head -n 5"\n    close("sort -k1,1nr | head -n 5")\n';
const SNITT_TOPP_ASORT = SNITT.replace(/\}\n$/, '') + TOPP_ASORT + '}\n';
const KOMMA_FN =
  '# tall med desimalkomma, slik styret vil ha dem\nfunction komma(x, des,    s) {\n    s = sprintf("%." des "f", x)\n    sub(/\\./, ",", s)\n    return s\n}\n\n';
const END_PUNKTUM =
  '    for (l in kwh) {\n        printf "%-8s %9.1f %9.2f\\n", l, kwh[l], kwh[l] * pris | "sort"\n        antall++\n    }\n    close("sort")\n' +
  '    printf "\\nTotalt: %.1f kWh, %.2f kr\\n", total, total * pris\n' +
  SNITT.replace(/\}\n$/, '') +
  TOPP_SORT;
const ROW_BUG = '        printf "%-8s %9s %9s\\n", l, komma(kwh[l], 1) | "sort"\n';
const ROW_FIXED = '        printf "%-8s %9s %9s\\n", l, komma(kwh[l], 1), komma(kwh[l] * pris, 2) | "sort"\n';
const END_KOMMA_BUG =
  '    for (l in kwh) {\n' +
  ROW_BUG +
  '        antall++\n    }\n    close("sort")\n' +
  '    printf "\\nTotalt: %s kWh, %s kr\\n", komma(total, 1), komma(total * pris, 2)\n' +
  '    printf "Snitt per leilighet: %s kWh\\n", komma(total / antall, 1)\n\n' +
  '    # topp 5: sorter på tallet med punktum, vis det med komma\n    printf "\\nTopp 5 (mest forbruk):\\n"\n' +
  '    for (l in kwh) printf "%.1f %s %s kWh\\n", kwh[l], l, komma(kwh[l], 1) | "sort -k1,1nr | head -n 5 | cut -d\\" \\" -f2-"\n' +
  '    close("sort -k1,1nr | head -n 5 | cut -d\\" \\" -f2-")\n';
const FORVENTET_KOMMA =
  'Strømforbruk, test/fixture.csv (4 avlesninger)\n\nLeil.          kWh        kr\nH0101         30,8     30,80\nH0102         19,6     19,60\n\n' +
  'Totalt: 50,4 kWh, 50,40 kr\nSnitt per leilighet: 25,2 kWh\n\nTopp 5 (mest forbruk):\nH0101 30,8 kWh\nH0102 19,6 kWh\n';
const README_NY_MAANED =
  '    make rapport MND=2026-01\n    make test\n\n## Ny måned\n\n' +
  '1. Lagre eksporten fra Elvia-portalen som `data/ÅÅÅÅ-MM.csv`, akkurat som den er. Datafilene redigeres aldri for hånd;\n' +
  '   er noe galt, be Elvia om en rettet fil.\n' +
  '2. `make sjekk MND=ÅÅÅÅ-MM` må si OK (leilighet, dato og kWh på hver rad).\n' +
  '3. `make rapport MND=ÅÅÅÅ-MM` skriver rapporten, med desimalkomma og topp 5 nederst.\n\n' +
  'Skriptene er POSIX awk og skal kjøre med busybox awk på NAS-en: ingen gawk-funksjoner.\n';

export const scenario = {
  name: 'awk-report-norwegian',
  about:
    'held out: chatty Norwegian user, awk + make electricity report (mawk, busybox on the NAS), decimal-comma bug, a locale tried and git-restored, a 73-line CSV pasted, an invalid date left failing in make sjekk, a refused sed on the data file, gawk asort() and a printf argument error after one mid-session /compact',
  requires: ['awk', 'make', 'sort', 'diff', 'git'],
  files: {
    '.gitignore': 'test/.faktisk.txt\n',
    'README.md':
      '# Strømrapport\n\nMånedlig strømforbruk per leilighet i Solbakken borettslag, fra Elvia-portalens eksport.\n\n' +
      '    make rapport MND=2026-01\n    make test\n',
    Makefile: MAKEFILE,
    'rapport.awk': RAPPORT,
    'sjekk.awk': SJEKK,
    'data/2026-01.csv': JANUAR,
    'test/fixture.csv': FIXTURE,
    'test/forventet.txt': FORVENTET,
  },
  build(k, { edit, write }) {
    const fixReq = k.request('fiks desimalkomma-feilen så januartallene blir riktige');
    const busybox = k.constraint('skriptet skal kjøre på NAS-en i kjelleren med busybox awk, så ingen gawk-spesialiteter');
    k.error('FEIL: rapporten for test/fixture.csv avviker fra test/forventet.txt', 'resolved');
    const locale = k.rejected('LC_NUMERIC=nb_NO.UTF-8', 'nb_NO.UTF-8 is not even installed here and busybox awk on the NAS has no locale support at all');
    const subComma = k.decision(
      'convert the comma to a point with sub() on the kWh field in rapport.awk',
      'sub() behaves the same in mawk, gawk and busybox awk, with no locale needed',
      "piping the file through tr ',' '.' in the Makefile",
    );
    k.file('rapport.awk');
    k.number('5370.8');
    k.number('6713.50');
    k.number('447.6');
    const febReq = k.request('legge februar inn som data/2026-02.csv og kjøre sjekken og rapporten for februar');
    k.file('data/2026-02.csv');
    k.error('sjekk: linje 43: ugyldig dato 2026-02-30 (H0203)', 'unresolved');
    const refusal = k.refusal('nei, ikke rør datafilen! den skal være nøyaktig slik Elvia leverte den, jeg ringer dem og ber om en rettet fil');
    k.number('5173.2');
    const toppReq = k.request('legge til en topp 5-liste over leilighetene som bruker mest strøm nederst i rapporten');
    const komma = k.constraint('alle tall i rapporten skal skrives med desimalkomma, styret klager på punktum');
    const neverEdit = k.constraint('datafilene redigerer vi aldri for hånd');
    k.error('awk: rapport.awk: line 36: function asort never defined', 'resolved');
    const sortPipe = k.decision(
      'pipe the rows through sort -k1,1nr | head -n 5 from inside awk',
      'POSIX awk has no sort function, but sort and head are on the NAS like everywhere else',
      'a hand-written insertion sort over an array in the END block',
    );
    k.error('awk: run time error: not enough arguments passed to printf', 'resolved');
    k.number('579,3');
    const byHand = k.decision(
      'change the decimal points in test/forventet.txt by hand',
      'regenerating it from rapport.awk would make the test agree with whatever the script prints',
      'regenerating the expected file with make',
    );
    k.file('test/forventet.txt');
    const readme = k.request('skriv i README hvordan man legger inn en ny måned og kjører sjekken før rapporten');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('make test', 'passing');
    k.check('make sjekk', 'failing');
    k.not('numbers', '4900', 'a figure the user typed, not a measurement');
    k.not('constraints', fixReq, 'a request is not a standing rule');
    k.not('rejected', subComma.choice, 'the fix that was kept is not a dead end');
    k.not('decisions', locale.what, 'tried and undone: a rejected approach, not a decision');
    k.not('errors', 'jeg ringer dem og ber om en rettet fil', "the user's refusal is not a tool error");

    const first =
      'Hei! 😊 Jeg er kasserer i Solbakken borettslag og har arvet et lite awk-skript som lager strømrapporten hver måned ' +
      '(rapport.awk + en Makefile, `make rapport MND=2026-01`). Problemet: tallene for januar er altfor lave, de stemmer ikke med fakturaen fra Elvia i det hele tatt, ' +
      'i fjor lå vi på rundt 4900 kWh i januar og nå er det plutselig mange hele tall overalt?? Jeg mistenker at awk ikke skjønner desimalkomma, Elvia skriver jo 71,9 og ikke 71.9. ' +
      `Det finnes en test også (make test), den er vel rød nå tenker jeg. Kan du ${fixReq}? Viktig: ${busybox}. tusen takk på forhånd!!`;
    const second =
      'Supert, nå ser januar riktig ut! 👍 Neste: her er februar, jeg kopierte det rett fra Elvia-portalen (de har fjernet nedlastingsknappen, typisk...). ' +
      `Kan du ${febReq}?\n\n${FEBRUAR}`;
    const third =
      `Takk! Har sendt mail til Elvia nå. Mens vi venter: kan du ${toppReq}? ` +
      `Og to ting som gjelder fremover: ${komma}. Og ${neverEdit}, sånn at det er sagt.`;
    const last = `Perfekt, styret blir fornøyd. Helt til slutt: ${readme}, så neste kasserer slipper å ringe meg 😅`;

    const sed = "sed -i 's/2026-02-30/2026-02-26/' data/2026-02.csv";

    return [
      {
        user: first,
        model: [
          [think('Reproduce first: run the test the way the user does, then look at the data.'), bash('make test 2>&1 | tail -n 25', 'Kjør testen')],
          [
            think(
              'Every kWh value lost its decimals: 30.8 became 30.0 and 19.6 became 19.0. awk turns "10,5" into 10 because the number stops at the comma. ' +
                'Check what the data looks like, which awk this is and which locales exist.',
            ),
            bash('head -n 4 data/2026-01.csv; echo; locale -a; awk -W version 2>&1 | head -n 1', 'Se på dataene og awk'),
          ],
          [
            think("Cheapest try: tell awk the numeric locale is Norwegian so the comma is the decimal separator. It's one line in the Makefile."),
            edit('Makefile', 'AWK ?= awk\n', `AWK ?= ${locale.what} awk\n`),
          ],
          [bash('make test 2>&1 | tail -n 6', 'Kjør testen igjen')],
          [
            think(
              `No change, same diff. The locale route is dead: ${locale.why}. Undo it.\n\n` +
                `So the conversion has to happen on the text. Two ways: ${subComma.alternative}, or ${subComma.choice}. ` +
                `The second, since ${subComma.reason}, and \`awk -f rapport.awk file\` run by hand stays right too. Only the first comma in $3 matters; there is one per value.`,
            ),
            bash('git restore Makefile && git status --short', 'Tilbakestill Makefile'),
          ],
          [edit('rapport.awk', '{\n    kwh[$1] += $3\n', '{\n    sub(/,/, ".", $3)           # desimalkomma fra Elvia\n    kwh[$1] += $3\n')],
          [bash('make test', 'Kjør testen')],
          [bash('make -s rapport MND=2026-01', 'Januarrapporten')],
          [
            say(
              'Fikset! 🎉 Du hadde helt rett: awk leser «71,9» som 71, så alle desimalene forsvant. Nå gjør rapport.awk om kommaet til punktum før den regner, ' +
                'og `make test` er grønn. Januarrapporten står over.\n\n' +
                'Jeg prøvde først å sette norsk locale i Makefile, men det hjalp ikke og ville uansett ikke virket med busybox, så den endringen er fjernet igjen.',
            ),
          ],
        ],
      },
      {
        user: second,
        model: [
          [think('Write the paste exactly as it is, header included, then validate it before the report.'), write('data/2026-02.csv', FEBRUAR)],
          [bash('make sjekk MND=2026-02 2>&1', 'Sjekk februarfilen')],
          [
            think(
              "One bad row: H0203's manual reading is dated the 30th of February. The readings come every fifth day (1, 6, 11, 16, 21, 26), so it must be the 26th. Fix the date in the file.",
            ),
            bash(sed, 'Rett datoen i februarfilen'),
          ],
          [
            think('Leave the file alone then. The report does not look at dates, so it can still be run; sjekk stays red until the corrected file comes.'),
            say('Skjønner, jeg lar filen være akkurat som den er. Da kjører jeg bare rapporten:'),
            bash('make rapport MND=2026-02 2>&1 | tail -n 16', 'Februarrapporten'),
          ],
          [
            say(
              'Februar ligger nå i data/2026-02.csv, uendret fra portalen.\n\n' +
                '- `make sjekk MND=2026-02` feiler: H0203 har en manuell avlesning datert 30. februar (linje 43).\n' +
                '- Rapporten for februar er over; raden med feil dato er regnet med, siden rapporten ikke ser på datoene.\n\n' +
                'Sjekken blir grønn når Elvia sender en rettet fil.',
            ),
          ],
        ],
        refuse: { [sed]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Norwegian user (treasurer of a housing co-op); awk + make electricity report. January fixed, February added.',
          intent:
            'Fix the decimal-comma bug so January is right; add February from the pasted export and run the check and the report. The script must run on busybox awk on the NAS.',
          concepts: ['awk number conversion stops at a comma', 'mawk here, busybox awk on the NAS', 'make rapport / make sjekk / make test'],
          files: ['rapport.awk: converts the decimal comma before adding', 'data/2026-02.csv: February as pasted'],
          errors: ['The test failed because decimals were dropped; fixed', 'February has an invalid date on one manual reading; the check fails'],
          solving: 'A locale setting was tried and undone. The user refused editing the data file; the grid company will send a corrected file.',
          messages: [
            'Fix the decimal comma so January is right; busybox awk only',
            'Add February (pasted) and run the check and the report',
            'Refused editing the February file',
          ],
          pending: ['Corrected February file from Elvia'],
          current: 'February report produced; the check still fails.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: third,
        model: [
          [think('Top 5: collect "kWh leilighet" strings, sort them and take the five largest from the end.'), edit('rapport.awk', SNITT, SNITT_TOPP_ASORT)],
          [bash('make rapport MND=2026-01 2>&1 | tail -n 12', 'Kjør rapporten')],
          [
            think(
              `asort() is a gawk extension; mawk doesn't have it and neither does busybox, which the user ruled out anyway. Options: ${sortPipe.alternative}, or ${sortPipe.choice}. ` +
                `Going with the pipe: ${sortPipe.reason}, and it's two lines instead of fifteen. close() the same command string so the output lands before the closing brace.`,
            ),
            edit('rapport.awk', TOPP_ASORT, TOPP_SORT),
          ],
          [bash('make -s rapport MND=2026-01 | tail -n 7', 'Kjør rapporten')],
          [
            think(
              'Now the decimal comma in the output. One komma(x, decimals) helper that formats with sprintf and swaps the point; sort still needs the point, so sort on a raw key and cut it off.',
            ),
            edit('rapport.awk', 'NR == 1 { next }\n', `${KOMMA_FN}NR == 1 { next }\n`),
          ],
          [edit('rapport.awk', END_PUNKTUM, END_KOMMA_BUG)],
          [bash('make rapport MND=2026-01 2>&1 | tail -n 8', 'Kjør rapporten')],
          [think('The row printf has three %s and only two arguments: the kr column lost its komma() call.'), edit('rapport.awk', ROW_BUG, ROW_FIXED)],
          [bash('make -s rapport MND=2026-01', 'Kjør rapporten')],
          [bash('make test 2>&1 | tail -n 24', 'Kjør testen')],
          [
            think(
              `The test still expects points, and the new top-5 lines. ${byHand.alternative[0].toUpperCase()}${byHand.alternative.slice(1)} would be one command, but ${byHand.reason}; ` +
                `the fixture's totals were checked by hand once. So I'll ${byHand.choice} and add the two top-5 lines I can verify from the fixture.`,
            ),
            edit('test/forventet.txt', FORVENTET, FORVENTET_KOMMA),
          ],
          [bash('make test && make -s rapport MND=2026-02 | tail -n 7', 'Kjør testen og februar')],
          [
            say(
              'Ferdig:\n\n- Nederst i rapporten står nå «Topp 5 (mest forbruk)», sortert med `sort` siden busybox awk ikke kan sortere selv (første forsøk brukte asort(), som bare finnes i gawk).\n' +
                '- Alle tall skrives med desimalkomma, også kroner og snitt.\n- test/forventet.txt er oppdatert til komma og topp 5, og `make test` er grønn.\n\n' +
                'Datafilene er ikke rørt. `make sjekk MND=2026-02` feiler fortsatt på datoen til H0203.',
            ),
          ],
        ],
      },
      {
        user: last,
        model: [
          [edit('README.md', '    make rapport MND=2026-01\n    make test\n', README_NY_MAANED)],
          [say('README har fått en seksjon «Ny måned» med de tre stegene: lagre eksporten urørt, `make sjekk`, så `make rapport`.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'awk electricity report: decimal comma fixed, February added (check fails on one date), top 5 and decimal-comma output, README.',
          intent:
            'Keep the co-op electricity report right; top-5 list; README for the next treasurer. Busybox awk only; decimal comma in all numbers; data files are never edited by hand.',
          concepts: ['POSIX awk without sorting', 'sort(1) pipe from awk', 'decimal comma output'],
          files: ['rapport.awk: top 5, komma()', 'test/forventet.txt: commas and top 5', 'README.md: new month'],
          errors: ['asort() is gawk-only; replaced', 'A printf missed an argument; fixed', 'The February check still fails on the date'],
          solving: 'Expected test output updated by hand.',
          messages: [
            'Earlier messages are in the previous summary',
            'Top 5; decimal comma everywhere; never edit data files by hand',
            'README: how to add a month',
          ],
          pending: ['Corrected February file from Elvia'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
