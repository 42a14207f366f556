// A terse Basque user (Euskara), a POSIX sh script (bin/garbi.sh: trims, lowercases and dedups an address
// list, printing a `kept N, dropped M` count on stderr) checked by a hand-written TAP harness
// (`sh tests/run.sh`: `1..N`, `ok N - name` / `not ok N - name`, a `# A/B ok` summary). No thinking: the
// model decides in its text. A bashism (`[[`) fails under dash and is fixed; the uppercase case is fixed
// after a GNU-only sed `\L` is tried and put back; the IDN case stays `not ok`; a commit is refused.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say } from '../kit.mjs';

const GARBI =
  '#!/bin/sh\n# garbi.sh FITXATEGIA: helbide zerrenda garbitu (trim, dedup), emaitza stdout-era, kontaketa stderr-era\n' +
  'f=$1\nif [[ -z "$f" ]]; then\n  echo "erabilera: garbi.sh [-q] FITXATEGIA" >&2\n  exit 2\nfi\n' +
  'total=$(grep -c \'\' "$f")\n' +
  "sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \"$f\" | grep -v '^#' | grep -v '^$' | sort -u > .garbi.tmp\n" +
  "kept=$(grep -c '' .garbi.tmp)\ncat .garbi.tmp\nrm -f .garbi.tmp\n" +
  'echo "kept $kept, dropped $((total - kept))" >&2\n';

const RUN =
  '#!/bin/sh\n# TAP harness: sh tests/run.sh\ncd "$(dirname "$0")/.." || exit 1\nn=0\nfail=0\n' +
  'plan=$(ls tests/cases/*.in | wc -l)\necho "1..$((plan + 1))"\n' +
  'pass() { n=$((n + 1)); echo "ok $n - $1"; }\nnopass() { n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"; }\n' +
  'for c in tests/cases/*.in; do\n  name=$(basename "$c" .in)\n' +
  '  if sh bin/garbi.sh "$c" 2>/dev/null | cmp -s - "tests/cases/$name.out"; then\n    pass "$name"\n  else\n    nopass "$name"\n' +
  '    sh bin/garbi.sh "$c" 2>/dev/null | diff "tests/cases/$name.out" - | sed -n \'2,5s/^/#   /p\'\n  fi\ndone\n' +
  'sh bin/garbi.sh >/dev/null 2>&1\nif [ $? -eq 2 ]; then pass usage-exit-2; else nopass usage-exit-2; fi\n' +
  'echo "# $((n - fail))/$n ok, $fail not ok"\nexit $fail\n';

const CASES = {
  'a-oinarria': ['ane@adibidea.eus\nmikel@adibidea.eus\n', 'ane@adibidea.eus\nmikel@adibidea.eus\n'],
  'b-zuriuneak': ['  ane@adibidea.eus\t\nmikel@adibidea.eus   \n', 'ane@adibidea.eus\nmikel@adibidea.eus\n'],
  'c-iruzkinak': ['# zerrenda\nane@adibidea.eus\n# amaiera\n', 'ane@adibidea.eus\n'],
  'd-hutsik': ['\n\nane@adibidea.eus\n\n', 'ane@adibidea.eus\n'],
  'e-bikoiztuak': ['mikel@adibidea.eus\nane@adibidea.eus\nmikel@adibidea.eus\n', 'ane@adibidea.eus\nmikel@adibidea.eus\n'],
  'f-maiuskulak': ['Ane@ADIBIDEA.eus\nane@adibidea.eus\nMIKEL@adibidea.EUS\n', 'ane@adibidea.eus\nmikel@adibidea.eus\n'],
  'g-idn': ['jon@münchen.de\n', 'jon@xn--mnchen-3ya.de\n'],
  'h-nahasia': ['# x\n  Jon@Lagun.org \n\njon@lagun.org\nane@adibidea.eus\n', 'ane@adibidea.eus\njon@lagun.org\n'],
};

function zerrenda() {
  const names = [
    'ane',
    'mikel',
    'jon',
    'leire',
    'unai',
    'nerea',
    'iker',
    'maite',
    'asier',
    'irati',
    'gorka',
    'amaia',
    'xabier',
    'june',
    'oier',
    'nahia',
    'aitor',
    'uxue',
    'ander',
  ];
  const domains = ['adibidea.eus', 'lagun.org', 'posta.net', 'herria.eus', 'etxea.com', 'mendia.eus', 'itsasoa.org', 'kalea.net', 'basoa.eus'];
  const lines = ['# harpidedunak, 2024ko esportazioa'];
  let i = 0;
  for (const d of domains)
    for (const n of names) {
      i++;
      if (i % 5 === 0) continue;
      lines.push(i % 11 === 0 ? `  ${n}@${d} ` : `${n}@${d}`);
      if (i % 7 === 0) lines.push(`${n[0].toUpperCase()}${n.slice(1)}@${d.toUpperCase()}`);
      if (i % 13 === 0) lines.push(`${n}@${d}`);
      if (i % 17 === 0) lines.push('');
    }
  return lines.join('\n') + '\n';
}

const files = {
  'README.md':
    '# garbi\n\nHelbide zerrendak garbitzeko script txikia.\n\n    sh bin/garbi.sh data/zerrenda.txt > garbia.txt\n\nProbak: `sh tests/run.sh` (TAP).\n',
  'bin/garbi.sh': GARBI,
  'tests/run.sh': RUN,
  'data/zerrenda.txt': zerrenda(),
  '.gitignore': '.garbi.tmp\n',
};
for (const [name, [input, output]] of Object.entries(CASES)) {
  files[`tests/cases/${name}.in`] = input;
  files[`tests/cases/${name}.out`] = output;
}

export const scenario = {
  name: 'sh-tap-basque-terse',
  about:
    'held out: terse Basque user, POSIX sh address cleaner checked by a hand-written TAP harness (sh tests/run.sh), no thinking; a [[ bashism under dash fixed, uppercase case fixed after a GNU sed \\L attempt put back, the IDN case left not ok, a refused commit',
  requires: ['sh', 'dash', 'git', 'sed', 'sort'],
  thinking: false,
  files,
  build(k, { edit }) {
    const fixReq = k.request('konpondu bin/garbi.sh testak pasa arte');
    const cases = k.constraint('ez ukitu tests/cases/, hori da kontratua');
    const posix = k.constraint('bash ez, sh hutsa bakarrik');
    k.error('bin/garbi.sh: 4: [[: not found', 'resolved');
    k.error('not ok 9 - usage-exit-2', 'resolved');
    const test = k.decision('a plain [ -z "$f" ] test', 'dash only has the POSIX test builtin', 'a #!/bin/bash shebang');
    k.error('not ok 6 - f-maiuskulak', 'resolved');
    k.error('not ok 8 - h-nahasia', 'resolved');
    const lower = k.rejected("sed 's/.*/\\L&/'", '\\L is a GNU sed extension and the busybox sed on the box does not have it');
    const tr = k.decision("tr '[:upper:]' '[:lower:]' in the pipe", 'tr with character classes is POSIX', 'awk tolower()');
    k.file('bin/garbi.sh');
    k.error('not ok 7 - g-idn', 'unresolved');
    k.number('8/9 ok');
    k.number('137');
    k.number('dropped 40');
    const refusal = k.refusal('ez egin commit-ik, nik egingo dut');
    const idnReq = k.request('idn utzi oraingoz');
    const quietReq = k.request('gehitu -q aukera, kontaketa lerrorik gabe');
    const readmeReq = k.request('README-n idatzi -q nola erabili');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('sh tests/run.sh', 'failing');
    k.not('rejected', tr.choice, 'the fix that stayed is not a dead end');
    k.not('constraints', quietReq, 'a request is not a standing rule');
    k.not('errors', 'nik egingo dut', "the user's refusal is not a tool error");
    k.not('decisions', lower.what, 'tried and put back: a rejected approach');

    const harness = 'sh tests/run.sh 2>&1 | tail -n 20';
    const commit = 'git commit -am "garbi.sh: POSIX test, lowercase"';

    return [
      {
        user: `tests/run.sh gorri. ${fixReq}. ${posix}, zerbitzarian dash dago. ${cases}`,
        model: [
          [bash(harness, 'Run the TAP harness')],
          [bash('sh bin/garbi.sh data/zerrenda.txt > /dev/null', 'Run the script on the sample list')],
          [
            say(
              `Line 4 uses \`[[\`, which dash does not know, so the usage check never runs. Options: ${test.alternative}, or ${test.choice}. Going with the second: ${test.reason}, and you want sh only.`,
            ),
            edit('bin/garbi.sh', 'if [[ -z "$f" ]]; then', 'if [ -z "$f" ]; then'),
          ],
          [bash(harness, 'Run the TAP harness')],
          [
            say('usage ok now. f-maiuskulak: addresses are not lowercased. Quick try with sed:'),
            edit('bin/garbi.sh', "| grep -v '^$' | sort -u", "| grep -v '^$' | sed 's/.*/\\L&/' | sort -u"),
          ],
          [bash('sh tests/run.sh 2>&1 | grep -E "maiusk|^#"', 'Re-run, only the uppercase case')],
          [
            say(`Passes, but putting it back: ${lower.why}. Using ${tr.choice} instead of ${tr.alternative}: ${tr.reason}.`),
            edit('bin/garbi.sh', "| grep -v '^$' | sed 's/.*/\\L&/' | sort -u", "| grep -v '^$' | tr '[:upper:]' '[:lower:]' | sort -u"),
          ],
          [bash(harness, 'Run the TAP harness')],
          [bash('sh bin/garbi.sh data/zerrenda.txt 2>&1 >/dev/null', 'Count line on the sample list')],
          [bash(commit, 'Commit')],
          [say('Not committed. Left: g-idn still `not ok` — it wants punycode (xn--), which needs idn2 and that is not on the box. tests/cases/ untouched.')],
        ],
        refuse: { [commit]: refusal },
      },
      {
        user: `${idnReq}. ${quietReq}`,
        model: [
          [edit('bin/garbi.sh', 'f=$1\nif [ -z "$f" ]; then', 'q=0\nif [ "${1:-}" = "-q" ]; then\n  q=1\n  shift\nfi\nf=$1\nif [ -z "$f" ]; then')],
          [edit('bin/garbi.sh', 'echo "kept $kept, dropped $((total - kept))" >&2\n', '[ "$q" = 1 ] || echo "kept $kept, dropped $((total - kept))" >&2\n')],
          [bash('sh bin/garbi.sh -q data/zerrenda.txt 2>&1 | tail -n 2; sh tests/run.sh | tail -n 3', 'Try -q, re-run the harness')],
          [say('`-q` drops the count line. Harness same as before: only g-idn fails.')],
        ],
      },
      {
        user: `ondo. ${readmeReq}`,
        model: [
          [
            edit(
              'README.md',
              'Probak: `sh tests/run.sh` (TAP).\n',
              '`-q`: kontaketa lerroa (stderr) ez da inprimatzen:\n\n    sh bin/garbi.sh -q data/zerrenda.txt > garbia.txt\n\nProbak: `sh tests/run.sh` (TAP).\n',
            ),
          ],
          [say('README eguneratuta.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'garbi.sh: POSIX fixes done, -q added and documented; the IDN test still fails.',
          intent: 'Make bin/garbi.sh pass the TAP harness under dash, add -q, document it. sh only; do not touch tests/cases/.',
          concepts: ['POSIX sh / dash', 'TAP harness', 'lowercasing addresses'],
          files: ['bin/garbi.sh: [ ] test, tr lowercase, -q', 'README.md: -q'],
          errors: ['The usage check failed under dash; fixed', 'Uppercase test fixed', 'IDN test still failing'],
          solving: 'A sed-based lowercase was tried and replaced with tr.',
          messages: ['Fix garbi.sh until the tests pass; sh only; leave tests/cases/', 'Refused the commit', 'Add -q', 'Document -q in README'],
          pending: ['IDN case'],
          current: 'README updated.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
