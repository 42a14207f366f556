// A Latvian user, chatty (exclamation marks, asides about the city and the accountant, questions back),
// and a jq + POSIX sh pipeline over a Riga bike-share operator's monthly export in JSON lines. Tests are
// a hand-rolled tests/run.sh (no bats on the Pi) comparing bin/stations.sh output with expected JSON,
// always run as `sh tests/run.sh 2>&1 | tail …`. Its `[[ … ]]` breaks under dash (fixed); the April
// export switches station_from to an object on the 15th (a jq "cannot be matched" error, fixed); a
// kiosk's "Esplanade" without the long ā keeps one case failing, on the user's word. The agent asks
// whether zero-minute trips stay, and the user decides in Latvian. Counts come from `wc -l` and
// `jq length`. For a per-day count an awk one-liner is tried and abandoned for jq (the new lines put a
// space after the colon). A commit including out/ is refused. Two /compact: mid-session and at the end.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const STATIONS_SH =
  '#!/bin/sh\n# Trips per start station for one month of the operator\'s export (JSON lines):\n#   bin/stations.sh < data/trips-2026-04.jsonl > out/stations-2026-04.json\n# Output: [{"station", "trips", "minutes"}], busiest first. jq only (runs on the Pi).\nset -eu\njq -s \'\n  map(.station_from |= gsub("^\\\\s+|\\\\s+$"; ""))\n  | group_by(.station_from)\n  | map({station: .[0].station_from, trips: length, minutes: (map(.minutes) | add)})\n  | sort_by(-.trips, .station)\n\'\n';
const RUN_SH =
  '#!/bin/sh\n# Hand-rolled tests (no bats on the Pi): every tests/cases/NAME.jsonl goes through bin/stations.sh\n# and must equal tests/cases/NAME.expected.json.\ncd "$(dirname "$0")/.." || exit 1\ntotal=0\nfailed=0\ntmp=$(mktemp -d)\ntrap \'rm -rf "$tmp"\' EXIT\nfor input in tests/cases/*.jsonl; do\n  name=$(basename "$input" .jsonl)\n  expected="tests/cases/$name.expected.json"\n  total=$((total + 1))\n  if [[ ! -f "$expected" ]]; then\n    echo "not ok - $name (no $expected)"\n    failed=$((failed + 1))\n    continue\n  fi\n  : > "$tmp/diff"\n  if sh bin/stations.sh < "$input" > "$tmp/got.json" 2> "$tmp/err" && diff -u "$expected" "$tmp/got.json" > "$tmp/diff"; then\n    echo "ok - $name"\n  else\n    echo "not ok - $name"\n    cat "$tmp/err" "$tmp/diff" | sed \'s/^/    /\' | head -n 12\n    failed=$((failed + 1))\n  fi\ndone\necho "$total cases, $failed failed"\n[ "$failed" -eq 0 ]\n';
const DAILY_SH =
  "#!/bin/sh\n# Trips per day, short trips (under a minute) left out like in stations.sh:\n#   bin/daily.sh < data/trips-2026-04.jsonl > out/daily-2026-04.json\n# Streams with inputs instead of -s: the Pi has 512 MB.\nset -eu\njq -n '\n  reduce (inputs | select(.minutes >= 1)) as $t ({}; .[$t.start[:10]] += 1)\n  | to_entries\n  | map({day: .key, trips: .value})\n'\n";
const BASIC =
  '{"id":1,"station_from":"Vecrīga","station_to":"Teika","start":"2026-03-02T08:10:00+02:00","minutes":12,"bike":"B-101","price_eur":0.60}\n{"id":2,"station_from":"Teika","station_to":"Vecrīga","start":"2026-03-02T17:40:00+02:00","minutes":14,"bike":"B-101","price_eur":0.60}\n{"id":3,"station_from":"Vecrīga ","station_to":"Ķīpsala","start":"2026-03-03T09:05:00+02:00","minutes":21,"bike":"E-230","price_eur":1.10}\n';
const BASIC_EXP =
  '[\n  {\n    "station": "Vecrīga",\n    "trips": 2,\n    "minutes": 33\n  },\n  {\n    "station": "Teika",\n    "trips": 1,\n    "minutes": 14\n  }\n]\n';
const OBJ =
  '{"id": 10, "station_from": {"id": 14, "name": "Vecrīga"}, "station_to": {"id": 26, "name": "Teika"}, "start": "2026-04-15T08:10:00+03:00", "minutes": 12, "bike": "B-101", "price_eur": 0.60}\n{"id":11,"station_from":"Vecrīga","station_to":"Teika","start":"2026-04-14T08:10:00+03:00","minutes":9,"bike":"B-102","price_eur":0.60}\n';
const OBJ_EXP = '[\n  {\n    "station": "Vecrīga",\n    "trips": 2,\n    "minutes": 21\n  }\n]\n';
const UNI =
  '{"id":20,"station_from":"Esplanāde","station_to":"Teika","start":"2026-04-02T08:10:00+03:00","minutes":10,"bike":"B-111","price_eur":0.60}\n{"id":21,"station_from":"Esplanade","station_to":"Teika","start":"2026-04-02T09:10:00+03:00","minutes":20,"bike":"B-112","price_eur":1.10}\n';
const UNI_EXP = '[\n  {\n    "station": "Esplanāde",\n    "trips": 2,\n    "minutes": 30\n  }\n]\n';

const STATIONS = [
  [3, 'Centrāltirgus'],
  [5, 'Stacijas laukums'],
  [8, 'Esplanāde'],
  [11, 'Brīvības piemineklis'],
  [14, 'Vecrīga'],
  [17, 'Āgenskalna tirgus'],
  [20, 'Ķīpsala'],
  [23, 'Mežaparks'],
  [26, 'Teika'],
  [29, 'Purvciems'],
  [32, 'Imanta'],
  [35, 'Zolitūde'],
  [38, 'Grīziņkalns'],
  [41, 'Pļavnieki'],
  [44, 'Ziepniekkalns'],
  [47, 'Torņakalns'],
  [50, 'Vecmīlgrāvis'],
  [53, 'Skanste'],
];
function makeTrips() {
  let seed = 20260401;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const weighted = () => STATIONS[Math.floor(rand() ** 1.6 * STATIONS.length)];
  const lines = [];
  let id = 880001;
  for (let day = 1; day <= 30; day++) {
    const n = 70 + Math.floor(rand() * 50) + (day % 7 === 4 || day % 7 === 5 ? 35 : 0);
    for (let i = 0; i < n; i++) {
      const from = weighted();
      const to = pick(STATIONS);
      const hh = 6 + Math.floor(rand() * 17);
      const mm = Math.floor(rand() * 60);
      const start = `2026-04-${String(day).padStart(2, '0')}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+03:00`;
      const minutes = rand() < 0.025 ? 0 : 3 + Math.floor(rand() * 40);
      const bike = `${rand() < 0.4 ? 'E' : 'B'}-${100 + Math.floor(rand() * 300)}`;
      const price = (minutes <= 15 ? 0.6 : 0.6 + Math.ceil((minutes - 15) / 15) * 0.5).toFixed(2);
      if (day < 15) {
        // the kiosk at Esplanāde sometimes sends the name without the long ā
        const name = from[1] === 'Esplanāde' && rand() < 0.3 ? 'Esplanade' : from[1];
        lines.push(
          `{"id":${id++},"station_from":"${name}","station_to":"${to[1]}","start":"${start}","minutes":${minutes},"bike":"${bike}","price_eur":${price}}`,
        );
      } else {
        lines.push(
          `{"id": ${id++}, "station_from": {"id": ${from[0]}, "name": "${from[1]}"}, "station_to": {"id": ${to[0]}, "name": "${to[1]}"}, ` +
            `"start": "${start}", "minutes": ${minutes}, "bike": "${bike}", "price_eur": ${price}}`,
        );
      }
    }
  }
  return lines.join('\n') + '\n';
}

const TRIPS = makeTrips();

const README =
  '# velo\n\nMēneša atskaites no velonomas operatora eksporta (JSON lines, viens brauciens rindā).\n\n' +
  '    bin/stations.sh < data/trips-2026-04.jsonl > out/stations-2026-04.json\n    sh tests/run.sh\n\n' +
  'Tikai jq un sh: viss griežas uz Raspberry Pi pie grāmatvedes.\n';

const GSUB_OLD = '  map(.station_from |= gsub("^\\\\s+|\\\\s+$"; ""))\n';
const GSUB_NEW = '  map(.station_from |= ((if type == "object" then .name else . end) | gsub("^\\\\s+|\\\\s+$"; "")))\n';
const DROP_OLD = "jq -s '\n  map(.station_from";
const DROP_NEW = "jq -s '\n  map(select(.minutes >= 1))\n  | map(.station_from";
const BRACKETS_OLD = '  if [[ ! -f "$expected" ]]; then\n';
const BRACKETS_NEW = '  if [ ! -f "$expected" ]; then\n';

const SHORT =
  '{"id":30,"station_from":"Teika","station_to":"Imanta","start":"2026-04-03T07:00:00+03:00","minutes":0,"bike":"E-301","price_eur":0.60}\n' +
  '{"id":31,"station_from":"Teika","station_to":"Imanta","start":"2026-04-03T07:02:00+03:00","minutes":17,"bike":"E-301","price_eur":1.10}\n';
const SHORT_EXP = '[\n  {\n    "station": "Teika",\n    "trips": 1,\n    "minutes": 17\n  }\n]\n';

const TESTS_README = `# tests

Bez bats: \`tests/run.sh\` ir parasts POSIX sh skripts (uz Pi ir tikai dash).

    sh tests/run.sh

Katrs \`tests/cases/NOSAUKUMS.jsonl\` tiek padots caur \`bin/stations.sh\`, un rezultātam jāsakrīt ar
\`tests/cases/NOSAUKUMS.expected.json\` (salīdzina ar \`diff -u\`). Katram gadījumam viena rinda: \`ok - …\` vai
\`not ok - …\` ar diff zem tās, beigās kopsavilkums un exit kods 0 tikai tad, ja viss zaļš.

## Jauns gadījums

1. Ieliec dažas rindas no eksporta failā \`tests/cases/NOSAUKUMS.jsonl\` (tikai tās, kas vajadzīgas).
2. Uzraksti gaidāmo rezultātu \`tests/cases/NOSAUKUMS.expected.json\` ar roku, jq noformējumā (2 atstarpes).
3. Palaid \`sh tests/run.sh\`.

\`unicode-names\` pagaidām sarkans: kiosks pie Esplanādes sūta nosaukumu bez garumzīmes, pilsēta to labos reģistrā.
`;

export const scenario = {
  name: 'jq-pipeline-latvian',
  about:
    'held out: chatty Latvian user, jq + POSIX sh pipeline over JSON lines with a hand-rolled tests/run.sh; [[ under dash and an object-shaped station_from fixed; the user decides in Latvian to drop zero-minute trips when asked; counts from wc -l and jq length; an awk one-liner abandoned for jq; a Unicode test left failing; a refused commit of out/; two /compact',
  requires: ['sh', 'jq', 'awk', 'git'],
  files: {
    '.gitignore': 'out/\n',
    'README.md': README,
    'bin/stations.sh': STATIONS_SH,
    'tests/run.sh': RUN_SH,
    'tests/cases/basic.jsonl': BASIC,
    'tests/cases/basic.expected.json': BASIC_EXP,
    'tests/cases/object-station.jsonl': OBJ,
    'tests/cases/object-station.expected.json': OBJ_EXP,
    'tests/cases/unicode-names.jsonl': UNI,
    'tests/cases/unicode-names.expected.json': UNI_EXP,
    'data/trips-2026-04.jsonl': TRIPS,
  },
  build(k, { edit, write }) {
    const fixReq = k.request('salabot bin/stations.sh, lai tas strādā ar aprīļa eksportu');
    const onlyJq = k.constraint('tikai jq un POSIX sh, bez python');
    const data = k.constraint('data/ mapē neko nemaini');
    k.error('tests/run.sh: 13: [[: not found', 'resolved');
    k.file('tests/run.sh');
    k.error('cannot be matched, as it is not a string', 'resolved');
    const name = k.decision(
      'take .name when station_from is an object',
      'the lines before the 15th are plain strings with no station id at all, so the name is the only key both shapes share',
      'grouping by the numeric station id',
    );
    k.file('bin/stations.sh');
    k.error('not ok - unicode-names', 'unresolved');
    k.number('2926');
    k.number('55');
    const drop = k.request('izmetam tos ārā, jo tās ir dokošanas kļūdas');
    k.number('2871');
    k.number('461');
    const dailyReq = k.request('uztaisi vēl dienu kopsavilkumu');
    const awk = k.rejected(
      `awk -F'"start":"'`,
      'from the 15th the export puts a space after the colon, so the awk separator never matches those lines and half the month goes missing',
    );
    const reduce = k.decision(
      'reduce over inputs with jq -n',
      'jq -s would hold the whole month in memory and the Pi only has 512 MB',
      'jq -s with group_by like stations.sh',
    );
    k.file('bin/daily.sh');
    k.number('146');
    const refusal = k.refusal('out/ nekomitē, tur ir ģenerēti faili, un vispār komitēšu es pats');
    const readme = k.request('uzraksti tests/README.md');
    k.file('tests/README.md');
    k.lastRequest(readme);
    k.check('sh tests/run.sh', 'failing');
    k.not('numbers', '2400', "the user's recollection of March, typed, not measured");
    k.not('constraints', dailyReq, 'a request is not a standing rule');
    k.not('decisions', awk.what, 'tried and abandoned: a rejected approach');
    k.not('errors', 'ģenerēti faili', "the user's refusal is not a tool error");
    k.not('rejected', name.choice, 'the kept fix is no dead end');

    const tests = (n) => `sh tests/run.sh 2>&1 | tail -n ${n}`;
    const commit = 'git add bin tests out && git commit -qm "stations: April export shape, drop zero-minute trips; daily.sh"';

    return [
      {
        user:
          'Sveiki! 👋 Man te ir tāds mazs projekts `velo` – no velonomas operatora katru mēnesi atnāk eksports (JSON lines, viens brauciens ' +
          'rindā), un bin/stations.sh no tā saskaita braucienus pa stacijām, to tad grāmatvede ieliek atskaitē pilsētai. Martā viss gāja kā ' +
          'pa sviestu (marta failā bija ap 2400 rindu, ja pareizi atceros), bet ar aprīļa failu skripts vienkārši nomirst ar kaut kādu jq kļūdu, ' +
          'un testi arī sarkani. Vai tu varētu ' +
          `${fixReq}? Testus palaižu ar \`sh tests/run.sh\`, tas ir mans paštaisītais skripts, bats uz Pi nav.\n\n` +
          `Ā, un svarīgi: ${onlyJq} – tas griežas uz vecā Raspberry Pi pie grāmatvedes, tur nekas cits nav uzlikts. Un ${data}, tie ir ` +
          'oriģinālie faili no operatora, ja kas, man tie jāvar parādīt tieši tādi, kā atnāca. Paldies jau iepriekš!!',
        model: [
          [think('Run the hand-rolled tests first, the way the user does, and keep the tail.'), bash(tests(20), 'Run the tests')],
          [
            think(
              'Two things. /bin/sh is dash here, and run.sh uses [[ ]], which dash does not have: the check for a missing expected file errors ' +
                'out, so it only works by accident. Make it a POSIX [ ]. Then the real one: object-station dies inside gsub, because station_from is an object there.',
            ),
            edit('tests/run.sh', BRACKETS_OLD, BRACKETS_NEW),
          ],
          [bash("grep -n 'station_from' data/trips-2026-04.jsonl | sed -n '1p;$p' | cut -c1-150", 'Look at both shapes of station_from')],
          [
            think(
              `The export changed shape mid-month: early lines have a plain string, later ones {"id", "name"}. Options: ${name.alternative}, or ` +
                `${name.choice}. Going with the name, because ${name.reason}.`,
            ),
            edit('bin/stations.sh', GSUB_OLD, GSUB_NEW),
          ],
          [bash(tests(20), 'Run the tests')],
          [
            bash(
              'mkdir -p out && sh bin/stations.sh < data/trips-2026-04.jsonl > out/stations-2026-04.json && jq length out/stations-2026-04.json && wc -l data/trips-2026-04.jsonl',
              'Run the real April file',
            ),
          ],
          [bash("jq -c 'select(.minutes < 1)' data/trips-2026-04.jsonl | wc -l", 'Count zero-minute trips')],
          [
            think(
              'The April file goes through. unicode-names is a data problem: the same station comes as Esplanāde and as Esplanade. ' +
                "And there are zero-minute trips in the file, which look like docking errors; whether they count is the user's call, not mine.",
            ),
            say(
              'Labās ziņas – aprīļa fails iet cauri! 🎉\n\n' +
                '- **Kāpēc nomira:** no 15. aprīļa operators `station_from` sūta kā objektu (`{"id": 17, "name": "…"}`), nevis kā tekstu. ' +
                'Skripts tagad ņem `.name`, ja tur ir objekts, un veco tekstu, ja nav.\n' +
                '- `tests/run.sh`: `[[ … ]]` nestrādā dash (uz Pi `sh` ir dash), nomainīju uz POSIX `[ … ]`.\n' +
                '- `unicode-names` joprojām sarkans: viena un tā pati stacija nāk gan kā **Esplanāde**, gan **Esplanade** (bez garumzīmes).\n\n' +
                'Un viens jautājums tev: failā ir braucieni ar 0 minūtēm – izskatās pēc dokošanas kļūdām. ' +
                'Vai tos skaitīt atskaitē vai izmest ārā?',
            ),
          ],
        ],
      },
      {
        user:
          `Super, paldies!! Par tiem nulles minūšu braucieniem – ${drop} un grāmatvedība tos tāpat neskaita, operators par tiem ` +
          'naudu arī neņem. Esplanādi lūdzu atstāj kā ir, pilsēta solīja salabot staciju reģistru maija eksportā, lai tas tests pagaidām paliek sarkans, ' +
          'tā vismaz neaizmirsīsim.',
        model: [
          [think('Drop trips under a minute before grouping; add a case for it so it stays that way.'), edit('bin/stations.sh', DROP_OLD, DROP_NEW)],
          [write('tests/cases/short-trips.jsonl', SHORT)],
          [write('tests/cases/short-trips.expected.json', SHORT_EXP)],
          [bash(tests(12), 'Run the tests')],
          [
            bash(
              "sh bin/stations.sh < data/trips-2026-04.jsonl > out/stations-2026-04.json && jq '[.[].trips] | add' out/stations-2026-04.json && jq -c '.[0]' out/stations-2026-04.json",
              'Totals after dropping zero-minute trips',
            ),
          ],
          [
            say(
              'Izdarīts: braucieni, kas īsāki par minūti, tagad tiek izmesti pirms grupēšanas, un tam ir savs tests (`short-trips`). ' +
                'Atjaunotais `out/stations-2026-04.json` ir gatavs. `unicode-names` atstāju sarkanu, kā teici.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Latvian user, velo: jq + sh station counts over a bike-share export. April export fixed, zero-minute trips dropped.',
          intent: 'Fix bin/stations.sh for the April export; only jq and POSIX sh; do not change anything in data/.',
          concepts: ['jq -s, group_by', 'station_from as string or object', 'dash vs bash [[ ]]'],
          files: ['bin/stations.sh: object station names, zero-minute trips dropped', 'tests/run.sh: POSIX test', 'tests/cases/short-trips.*: new case'],
          errors: ['run.sh used [[ under dash; fixed', 'jq failed on the object-shaped station; fixed', 'unicode-names still failing (Esplanade spelling)'],
          solving: 'The user decided to drop the zero-minute trips (docking errors).',
          messages: ['Fix stations.sh for the April export; only jq and sh; leave data/ alone', 'Drop zero-minute trips; leave the Esplanāde test red'],
          pending: ['unicode-names waits for the city registry fix'],
          current: 'out/stations-2026-04.json regenerated.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          `Paldies, grāmatvede jau priecājas 😄 Viņai vēl ienāca prātā – vai vari ${dailyReq}, cik braucienu bija katrā aprīļa dienā? ` +
          'Tas būtu priekš grafika atskaitē. Tās pašas īsās izmetam, protams.',
        model: [
          [
            think('Quick look first with awk: the start date is the first ten characters after "start":".'),
            bash(
              `awk -F'"start":"' 'NF > 1 { print substr($2, 1, 10) }' data/trips-2026-04.jsonl | sort | uniq -c | tail -n 5`,
              'Count trips per day with awk',
            ),
          ],
          [
            think(
              `It stops at the 14th: ${awk.why}. Counting JSON with a text separator was the wrong tool anyway; doing it in jq. ` +
                `Either ${reduce.alternative}, or ${reduce.choice}. The second, because ${reduce.reason}.`,
            ),
            write('bin/daily.sh', DAILY_SH),
          ],
          [
            bash(
              "sh bin/daily.sh < data/trips-2026-04.jsonl > out/daily-2026-04.json && jq length out/daily-2026-04.json && jq -c 'max_by(.trips), min_by(.trips)' out/daily-2026-04.json",
              'Run daily.sh on April',
            ),
          ],
          [bash(tests(6), 'Run the tests')],
          [bash(commit, 'Commit')],
          [
            say(
              'Dienu kopsavilkums gatavs: `bin/daily.sh < data/trips-2026-04.jsonl > out/daily-2026-04.json` – masīvs ar `{day, trips}` katrai ' +
                'dienai, īsie braucieni izmesti tāpat kā stacijām.\n\nSākumā mēģināju ar awk, bet tas redzēja tikai pirmo pusi mēneša (jaunajās ' +
                'rindās aiz kola ir atstarpe), tāpēc viss ir jq.\n\nNeko nekomitēju. Testos joprojām sarkans tikai `unicode-names`.',
            ),
          ],
        ],
        refuse: { [commit]: refusal },
      },
      {
        user: `Skaidrs, paldies! Un pēdējais šodien – ${readme}, kā palaist testus un kā pievienot jaunu gadījumu, lai kolēģis Jānis var pats.`,
        model: [
          [write('tests/README.md', TESTS_README)],
          [say('Uzrakstīju `tests/README.md`: kā palaist, ko nozīmē izvade un kā pievienot jaunu gadījumu (3 soļi).')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'velo: stations.sh fixed for the April export, zero-minute trips dropped, daily.sh added, tests documented.',
          intent: 'Monthly bike-share reports with jq and POSIX sh only; data/ stays untouched.',
          concepts: ['jq reduce over inputs', 'JSON lines', 'hand-rolled sh tests'],
          files: ['bin/daily.sh: trips per day', 'tests/README.md: how to run and add cases'],
          errors: ['unicode-names still failing (Esplanade spelling), left on purpose'],
          solving: 'A quick awk count missed the second half of the month; the daily count is done in jq instead.',
          messages: [
            'Earlier messages are in the previous summary',
            'Add a per-day count for the report',
            'User refused committing out/',
            'Write tests/README.md',
          ],
          pending: ['unicode-names (city registry)'],
          current: 'tests/README.md written.',
          next: 'None.',
        }),
      },
    ];
  },
};
