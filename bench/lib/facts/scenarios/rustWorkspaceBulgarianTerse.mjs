// A terse Bulgarian user (Cyrillic, short messages, "ок" and "не" as answers) on a cargo workspace of
// two std-only crates: rowparse (station readings `station;ts;value[;quality;sensor;unit]`) and rowstat
// (per-station figures and a small bin), tested with `cargo test --workspace`. The model writes no
// thinking text (`thinking: false`): its choices and reasons are in its short Bulgarian replies. A
// panic on the legacy three-column rows (index out of bounds) is fixed first; `cargo add csv` fails
// offline and is given up; quoted station names are split by hand; lower-casing the whole line for
// case-insensitive stations trips error[E0597] and is fixed; the median test stays failing on the
// user's "не" (a colleague is rewriting it). A commit is refused. A test prints "parsed N rows in X ms
// (skipped M)"; only the deterministic figures are planted. Two compactions.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// About thirty thousand readings, one a minute, some in the legacy three-column format, some with a
// quoted station name holding a ';', a few genuinely broken; station names in mixed case.
function readings() {
  let seed = 2026_0521;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const stations = ['Sofia', 'SOFIA', 'sofia', 'Plovdiv', 'PLOVDIV', 'Varna', 'Burgas', 'burgas', 'Ruse', 'Stara Zagora', 'Pleven', 'Vidin'];
  const quotedNames = ['"Sofia; Mladost"', '"Varna; Asparuhovo"'];
  const lines = ['# station;ts;value;quality;sensor;unit   (стар формат: station;ts;value)'];
  const counts = { ok: 0, quoted: 0, broken: 0 };
  const perStation = new Map();
  for (let i = 0; i < 30_437; i++) {
    const ts = 1_717_200_000 + i * 60;
    const value = (Math.round((rand() * 41 - 6) * 10) / 10).toFixed(1);
    if (i % 1249 === 1000) {
      lines.push(i % 2 ? `ruse;${ts};` : `pleven;${String(ts).slice(0, 5)}x${String(ts).slice(6)};${value}`);
      counts.broken++;
      continue;
    }
    if (i % 1373 === 700) {
      const name = quotedNames[i % 2];
      lines.push(`${name};${ts};${value};ok;t${1 + (i % 4)};C`);
      counts.quoted++;
      continue;
    }
    const station = stations[Math.floor(rand() * stations.length)];
    const key = station.toLowerCase();
    perStation.set(key, (perStation.get(key) ?? 0) + 1);
    if (rand() < 0.18) lines.push(`${station};${ts};${value}`);
    else lines.push(`${station};${ts};${value};${rand() < 0.93 ? 'ok' : 'suspect'};t${1 + Math.floor(rand() * 4)};C`);
    counts.ok++;
  }
  return { text: lines.join('\n') + '\n', counts, perStation };
}

const DATA = readings();

const PARSE_LINE_V1 =
  "pub fn parse_line(line: &str) -> Result<Row<'_>, ParseError> {\n    let fields: Vec<&str> = line.split(';').collect();\n" +
  '    if fields.len() != 3 && fields.len() != 6 {\n        return Err(ParseError::Fields(fields.len()));\n    }\n';
const UNIT_V1 = '    let unit = Some(fields[5].trim()).filter(|u| !u.is_empty());\n';
const UNIT_V2 = '    let unit = fields.get(5).map(|u| u.trim()).filter(|u| !u.is_empty());\n';

const ROWPARSE_TESTS =
  '#[cfg(test)]\nmod tests {\n    use super::*;\n\n' +
  '    #[test]\n    fn full_row() {\n        let r = parse_line("Sofia;1717200000;12.5;ok;t1;C").unwrap();\n' +
  '        assert_eq!(r.station, "Sofia");\n        assert_eq!(r.value, 12.5);\n        assert_eq!(r.unit, Some("C"));\n    }\n\n' +
  '    #[test]\n    fn legacy_row() {\n        let r = parse_line("Plovdiv;1717200060;-1.5").unwrap();\n        assert_eq!(r.ts, 1717200060);\n        assert_eq!(r.unit, None);\n    }\n\n' +
  '    #[test]\n    fn wrong_field_count() {\n        assert_eq!(parse_line("Ruse;1717200000"), Err(ParseError::Fields(2)));\n    }\n\n' +
  '    #[test]\n    fn bad_number() {\n        assert!(matches!(parse_line("Vidin;17172x0000;3.0"), Err(ParseError::Number(_))));\n    }\n}\n';

const ROWPARSE_LIB =
  '//! rowparse: показания от станциите, `station;ts;value[;quality;sensor;unit]`.\n\n' +
  "#[derive(Debug, PartialEq)]\npub struct Row<'a> {\n    pub station: &'a str,\n    pub ts: u64,\n    pub value: f64,\n    pub unit: Option<&'a str>,\n}\n\n" +
  '#[derive(Debug, PartialEq)]\npub enum ParseError {\n    Fields(usize),\n    Number(String),\n}\n\n' +
  PARSE_LINE_V1 +
  '    let ts = fields[1].trim().parse().map_err(|_| ParseError::Number(fields[1].to_string()))?;\n' +
  '    let value = fields[2].trim().parse().map_err(|_| ParseError::Number(fields[2].to_string()))?;\n' +
  UNIT_V1 +
  '    Ok(Row { station: fields[0].trim(), ts, value, unit })\n}\n\n' +
  '/// Всички редове на текста; счупените се броят, не спират парсването.\n' +
  "pub fn parse_all(text: &str) -> (Vec<Row<'_>>, usize) {\n    let mut rows = Vec::new();\n    let mut skipped = 0;\n" +
  "    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {\n" +
  '        match parse_line(line) {\n            Ok(row) => rows.push(row),\n            Err(_) => skipped += 1,\n        }\n    }\n    (rows, skipped)\n}\n\n' +
  ROWPARSE_TESTS;

const BIG_TEST =
  'use std::time::Instant;\n\n#[test]\nfn parses_the_sample_file() {\n' +
  '    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/readings.csv");\n    let text = std::fs::read_to_string(path).unwrap();\n' +
  '    let start = Instant::now();\n    let (rows, skipped) = rowparse::parse_all(&text);\n' +
  '    println!("parsed {} rows in {} ms (skipped {})", rows.len(), start.elapsed().as_millis(), skipped);\n' +
  '    assert!(skipped * 100 < rows.len(), "too many bad rows: {skipped}");\n}\n';

const SPLIT_FN =
  '/// Полетата на реда; `;` в двойни кавички е част от полето, кавичките се махат.\nfn split_fields(line: &str) -> Vec<&str> {\n' +
  '    let mut fields = Vec::new();\n    let mut start = 0;\n    let mut quoted = false;\n' +
  "    for (i, b) in line.bytes().enumerate() {\n        match b {\n            b'\"' => quoted = !quoted,\n" +
  "            b';' if !quoted => {\n                fields.push(line[start..i].trim().trim_matches('\"'));\n                start = i + 1;\n            }\n" +
  "            _ => {}\n        }\n    }\n    fields.push(line[start..].trim().trim_matches('\"'));\n    fields\n}\n\n";

const QUOTED_TEST =
  '    #[test]\n    fn quoted_station() {\n        let r = parse_line("\\"Sofia; Mladost\\";1717200000;9.5;ok;t2;C").unwrap();\n' +
  '        assert_eq!(r.station, "Sofia; Mladost");\n        assert_eq!(r.unit, Some("C"));\n    }\n\n';

const STAT_HEAD = 'pub fn per_station(text: &str) -> Vec<(String, Summary)> {\n';
const STAT_LOOP_V1 =
  '    let mut map: HashMap<&str, Summary> = HashMap::new();\n' +
  '    for line in text.lines() {\n        if let Ok(row) = parse_line(line) {\n            map.entry(row.station).or_default().add(row.value);\n        }\n    }\n';
const STAT_LOOP_V2 =
  '    let mut map: HashMap<&str, Summary> = HashMap::new();\n' +
  '    for raw in text.lines() {\n        let line = raw.to_lowercase();\n        if let Ok(row) = parse_line(&line) {\n            map.entry(row.station).or_default().add(row.value);\n        }\n    }\n';
const STAT_LOOP_V3 =
  '    let mut map: HashMap<String, Summary> = HashMap::new();\n' +
  '    for line in text.lines() {\n        if let Ok(row) = parse_line(line) {\n            map.entry(row.station.to_lowercase()).or_default().add(row.value);\n        }\n    }\n';
const STAT_TAIL =
  '    let mut out: Vec<(String, Summary)> = map.into_iter().map(|(name, s)| (name.to_string(), s)).collect();\n' +
  '    out.sort_by(|a, b| a.0.cmp(&b.0));\n    out\n}\n';

const ROWSTAT_LIB =
  '//! rowstat: обобщение по станции над rowparse.\nuse std::collections::HashMap;\n\nuse rowparse::parse_line;\n\n' +
  '#[derive(Debug, Default, Clone)]\npub struct Summary {\n    pub n: usize,\n    pub sum: f64,\n    pub min: f64,\n    pub max: f64,\n}\n\n' +
  'impl Summary {\n    pub fn add(&mut self, v: f64) {\n        if self.n == 0 || v < self.min {\n            self.min = v;\n        }\n' +
  '        if self.n == 0 || v > self.max {\n            self.max = v;\n        }\n        self.n += 1;\n        self.sum += v;\n    }\n\n' +
  '    pub fn mean(&self) -> f64 {\n        self.sum / self.n as f64\n    }\n}\n\n' +
  '/// Медиана; сортира на място.\npub fn median(values: &mut [f64]) -> f64 {\n    values.sort_by(|a, b| a.partial_cmp(b).unwrap());\n    values[values.len() / 2]\n}\n\n' +
  STAT_HEAD +
  STAT_LOOP_V1 +
  STAT_TAIL +
  '\n#[cfg(test)]\nmod tests {\n    use super::*;\n\n' +
  '    #[test]\n    fn median_odd_count() {\n        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);\n    }\n\n' +
  '    #[test]\n    fn median_even_count() {\n        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);\n    }\n\n' +
  '    #[test]\n    fn counts_per_station() {\n        let m: HashMap<_, _> = per_station("Ruse;1;2.0\\nRuse;2;4.0\\nVidin;3;1.0\\n").into_iter().collect();\n        assert_eq!(m["Ruse"].n, 2);\n        assert_eq!(m["Ruse"].mean(), 3.0);\n    }\n}\n';

const ROWSTAT_MAIN_V1 =
  'fn main() {\n    let path = std::env::args().nth(1).expect("usage: rowstat FILE");\n' +
  '    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));\n' +
  '    let stats = rowstat::per_station(&text);\n' +
  '    println!("stations: {}", stats.len());\n    for (name, s) in &stats {\n' +
  '        println!("{:<20} n={:<6} mean={:>6.2} min={:>6.1} max={:>6.1}", name, s.n, s.mean(), s.min, s.max);\n    }\n' +
  '    println!("rows: {}", stats.iter().map(|(_, s)| s.n).sum::<usize>());\n}\n';

const TOP_ARGS_OLD = '    let path = std::env::args().nth(1).expect("usage: rowstat FILE");\n';
const TOP_ARGS_NEW =
  '    let args: Vec<String> = std::env::args().skip(1).collect();\n    let path = args.first().expect("usage: rowstat FILE [--top N]").clone();\n' +
  '    let top = match args.iter().position(|a| a == "--top") {\n' +
  '        Some(i) => Some(args.get(i + 1).and_then(|n| n.parse::<usize>().ok()).expect("--top иска число")),\n        None => None,\n    };\n';
const TOP_SORT_OLD = '    let stats = rowstat::per_station(&text);\n';
const TOP_SORT_NEW =
  '    let mut stats = rowstat::per_station(&text);\n    if top.is_some() {\n' +
  '        stats.sort_by(|a, b| b.1.n.cmp(&a.1.n).then(a.0.cmp(&b.0)));\n    }\n';
const TOP_LOOP_OLD = '    for (name, s) in &stats {\n';
const TOP_LOOP_NEW = '    for (name, s) in stats.iter().take(top.unwrap_or(stats.len())) {\n';

const CARGO_LOCK =
  '# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n\n' +
  '[[package]]\nname = "rowparse"\nversion = "0.1.0"\n\n[[package]]\nname = "rowstat"\nversion = "0.1.0"\ndependencies = [\n "rowparse",\n]\n';

export const scenario = {
  name: 'rust-workspace-bulgarian-terse',
  about:
    'held out: terse Bulgarian user ("ок", "не"), cargo workspace of two std-only crates, no thinking text; legacy-row panic fixed; cargo add csv fails offline and is given up; error[E0597] fixed; median test left failing; a refused commit; "parsed N rows" figures; two /compact',
  requires: ['cargo', 'git'],
  thinking: false,
  files: {
    '.gitignore': 'target/\n',
    'Cargo.toml': '[workspace]\nmembers = ["rowparse", "rowstat"]\nresolver = "2"\n',
    'Cargo.lock': CARGO_LOCK,
    'README.md': '# станции\n\nПоказания от станциите.\n\n    cargo test --workspace\n    cargo run -p rowstat -- data/readings.csv\n',
    'rowparse/Cargo.toml': '[package]\nname = "rowparse"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
    'rowparse/src/lib.rs': ROWPARSE_LIB,
    'rowparse/tests/big.rs': BIG_TEST,
    'rowstat/Cargo.toml': '[package]\nname = "rowstat"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nrowparse = { path = "../rowparse" }\n',
    'rowstat/src/lib.rs': ROWSTAT_LIB,
    'rowstat/src/main.rs': ROWSTAT_MAIN_V1,
    'data/readings.csv': DATA.text,
  },
  build(k, { edit }) {
    const fixParse = k.request('оправи rowparse');
    k.error('index out of bounds: the len is 3 but the index is 5', 'resolved');
    k.file('rowparse/src/lib.rs');
    k.error('tests::median_even_count', 'unresolved');
    const howMany = k.request('колко реда минават от data/readings.csv');
    k.number('30391');
    k.number('46');
    const quoted = k.request('станциите с кавички да се парсват');
    k.error('error: the crate `csv` could not be found in registry index', undefined);
    const csv = k.rejected('cargo add csv', 'няма го в локалния кеш на cargo, а машината е без мрежа');
    const split = k.decision(
      'пиша split_fields на ръка: един проход по байтовете, който помни дали сме в кавички',
      'във файловете има само ; и двойни кавички, без escape-и',
      'да копирам кода на csv в vendor/',
    );
    k.number('30413');
    k.number('24');
    const caseReq = k.request('станциите да са case-insensitive');
    const lock = k.constraint('не пипай Cargo.lock');
    const stdOnly = k.constraint('само std, без външни crate-ове');
    k.error('error[E0597]: `line` does not live long enough', 'resolved');
    const key = k.decision(
      'ключът в map-а става String с row.station.to_lowercase()',
      'Row заема от реда, а редът живее само до края на итерацията',
      'да пазя всички редове в Vec<String> преди парсването',
    );
    k.file('rowstat/src/lib.rs');
    k.number('7532');
    const refusal = k.refusal('не комитвай. аз ще прегледам и ще комитна');
    const top = k.request('добави --top N в rowstat, по брой редове');
    k.file('rowstat/src/main.rs');
    k.lastRequest(top);
    k.check('cargo test --workspace', 'failing');
    k.not('constraints', caseReq, 'a request is not a standing rule');
    k.not('rejected', split.choice, 'the approach that was kept is not a dead end');
    k.not('errors', 'аз ще прегледам', "a user's refusal is not a tool error");
    k.not('decisions', csv.what, 'tried and given up: a rejected approach, not a decision');
    k.not('constraints', 'Стефан пише новата медиана', 'a remark about a colleague, not a rule');

    const tests = 'cargo test --workspace 2>&1 | tail -n 25';
    const commit = 'git add -A && git commit -qm "rowparse: стар формат и кавички; rowstat: станции без значение на регистъра"';

    return [
      {
        user: `здр. cargo test --workspace гърми. ${fixParse}, rowstat после`,
        model: [
          [empty(), bash(tests, 'Тестове')],
          [
            empty(),
            say('legacy_row: редът е с 3 полета, а parse_line чете fields[5] без проверка. Правя unit-а с get(5).'),
            edit('rowparse/src/lib.rs', UNIT_V1, UNIT_V2),
          ],
          [empty(), bash(tests, 'Тестове')],
          [
            empty(),
            say(
              'rowparse е зелен. В rowstat пада median_even_count: при четен брой median() връща горния от двата средни, тестът иска средното им. Да го оправя ли?',
            ),
          ],
        ],
      },
      {
        user: 'не',
        model: [[empty(), say('Добре, median_even_count не го пипам.')]],
      },
      {
        user: `Стефан пише новата медиана. ${howMany}?`,
        model: [
          [empty(), bash('cargo test -q -p rowparse --test big -- --nocapture 2>&1 | grep -E "parsed|test result"', 'Големият тест с изхода')],
          [empty(), bash("grep -v '^#' data/readings.csv | awk -F';' 'NF != 3 && NF != 6' | head -n 8", 'Кои редове се пропускат')],
          [
            empty(),
            say('Почти всичко минава (бройката е горе). Пропуснатите са два вида: станции с `;` в кавички ("Sofia; Mladost") и няколко наистина счупени реда.'),
          ],
        ],
      },
      {
        user: `ок. ${quoted}`,
        model: [
          [empty(), say('Най-бързо е с csv crate-а.'), bash('cargo add csv -p rowparse --offline 2>&1 | tail -n 5', 'csv')],
          [
            empty(),
            say(`Не става: ${csv.why}. Отказвам се от ${csv.what}, Cargo.toml не е променен.`),
            bash('git status --short && git diff --stat', 'Нищо ли не е променено'),
          ],
          [
            empty(),
            say(`Решение: ${split.choice}. Защо: ${split.reason}. Другият вариант беше ${split.alternative}, но е излишно за толкова прост формат.`),
            edit('rowparse/src/lib.rs', PARSE_LINE_V1, SPLIT_FN + PARSE_LINE_V1.replace("line.split(';').collect()", 'split_fields(line)')),
          ],
          [empty(), edit('rowparse/src/lib.rs', '    #[test]\n    fn legacy_row() {\n', QUOTED_TEST + '    #[test]\n    fn legacy_row() {\n')],
          [empty(), bash('cargo test -p rowparse 2>&1 | tail -n 15', 'rowparse тестове')],
          [empty(), bash('cargo test -q -p rowparse --test big -- --nocapture 2>&1 | grep parsed', 'Бройка след кавичките')],
          [empty(), say('Кавичките минават. Пропускат се само счупените редове.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Bulgarian user, very short messages. Cargo workspace rowparse + rowstat.',
          intent: 'Fix the failing workspace tests (rowparse first), count how many rows of data/readings.csv parse, parse quoted station names.',
          concepts: ['cargo workspace', 'std only', 'legacy three-column rows', 'quoted fields'],
          files: ['rowparse/src/lib.rs: unit via get(5); split_fields for quoted names; quoted_station test'],
          errors: [
            'rowparse panicked on legacy rows (index out of bounds); fixed',
            'rowstat median_even_count fails; the user said to leave it (a colleague rewrites median)',
            'cargo add csv failed offline; given up',
          ],
          solving: 'Hand-written field splitter that respects double quotes instead of the csv crate.',
          messages: [
            'Fix rowparse, rowstat later',
            'No (leave the median test)',
            'A colleague rewrites median; how many rows parse?',
            'OK, parse quoted stations',
          ],
          pending: ['median_even_count (colleague)'],
          current: 'Quoted stations parse; only broken rows are skipped.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `rowstat: ${caseReq}, SOFIA и Sofia са една. ${lock}, CI пуска с --locked. ${stdOnly}`,
        model: [
          [empty(), say('Най-просто: lowercase на целия ред преди parse_line.'), edit('rowstat/src/lib.rs', STAT_LOOP_V1, STAT_LOOP_V2)],
          [empty(), bash('cargo build --workspace 2>&1 | head -n 25', 'Build')],
          [
            empty(),
            say(
              `Row държи &str в line, а line умира в края на итерацията. Решение: ${key.choice}, защото ${key.reason}. Алтернатива: ${key.alternative}, но това е излишна памет за целия файл.`,
            ),
            edit('rowstat/src/lib.rs', STAT_LOOP_V2, STAT_LOOP_V3),
          ],
          [
            empty(),
            edit(
              'rowstat/src/lib.rs',
              '    #[test]\n    fn counts_per_station() {\n',
              '    #[test]\n    fn stations_ignore_case() {\n        let m: HashMap<_, _> = per_station("SOFIA;1;1.0\\nSofia;2;3.0\\n").into_iter().collect();\n        assert_eq!(m.len(), 1);\n        assert_eq!(m["sofia"].n, 2);\n    }\n\n' +
                '    #[test]\n    fn counts_per_station() {\n',
            ),
          ],
          [
            empty(),
            edit(
              'rowstat/src/lib.rs',
              '        assert_eq!(m["Ruse"].n, 2);\n        assert_eq!(m["Ruse"].mean(), 3.0);\n',
              '        assert_eq!(m["ruse"].n, 2);\n        assert_eq!(m["ruse"].mean(), 3.0);\n',
            ),
          ],
          [empty(), bash(tests, 'Тестове')],
          [empty(), bash('cargo test -p rowstat -- --skip median_even_count 2>&1 | grep "test result" && git status --short', 'Без медианата')],
          [
            empty(),
            say(
              'Станциите вече са без значение на регистъра. Cargo.lock не е пипан. median_even_count още пада, както се разбрахме. Да пусна ли rowstat на data/readings.csv?',
            ),
          ],
        ],
      },
      {
        user: 'ок',
        model: [
          [empty(), bash('cargo run -q -p rowstat --release -- data/readings.csv | head -n 14', 'rowstat на файла')],
          [empty(), bash(commit, 'Commit')],
          [empty(), say('Добре, не комитвам. Промените са само в работното дърво.')],
        ],
        refuse: { [commit]: refusal },
      },
      {
        user: `${top}`,
        model: [
          [empty(), edit('rowstat/src/main.rs', TOP_ARGS_OLD, TOP_ARGS_NEW)],
          [empty(), edit('rowstat/src/main.rs', TOP_SORT_OLD, TOP_SORT_NEW)],
          [empty(), edit('rowstat/src/main.rs', TOP_LOOP_OLD, TOP_LOOP_NEW)],
          [empty(), bash('cargo run -q -p rowstat -- data/readings.csv --top 3 && git diff --stat', '--top 3')],
          [
            empty(),
            say('`rowstat FILE --top N` показва N-те станции с най-много редове (при равенство по име). Без --top е както преди. Cargo.lock не е променен.'),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Terse Bulgarian user; workspace rowparse + rowstat; std only; Cargo.lock must stay untouched.',
          intent: 'Fix the workspace tests, parse quoted stations, make stations case-insensitive in rowstat, add --top N. Do not touch Cargo.lock; std only.',
          concepts: ['cargo workspace', 'borrowed &str keys vs owned String', 'std only'],
          files: ['rowparse/src/lib.rs: legacy rows, quoted fields', 'rowstat/src/lib.rs: lower-cased String keys', 'rowstat/src/main.rs: --top N'],
          errors: ['Borrow error from lower-casing the line; fixed with owned keys', 'median_even_count still fails (left for a colleague)'],
          solving: 'The csv crate could not be added offline; a hand-written splitter is used.',
          messages: ['Earlier messages are in the previous summary', 'Case-insensitive stations; do not touch Cargo.lock; std only', 'ок', 'Add --top N'],
          pending: ['median_even_count'],
          current: '--top N added.',
          next: 'None.',
        }),
      },
    ];
  },
};
