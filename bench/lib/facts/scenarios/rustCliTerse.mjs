// A terse user typing lowercase fragments on a std-only Rust CLI (`latq`: latency percentiles per
// endpoint from an access log). The percentile fix goes through a compile error and a debug-build
// overflow panic one `cargo test` at a time; a seconds-suffix test stays failing because another
// developer owns it. The `--release` run prints its own figures (its elapsed milliseconds are never
// planted); a bucketed histogram is written, measured and deleted with `rm`; `cargo install` is refused.
// Compacted twice in the middle and once at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

/** @type {[string, number, number][]} */
const ENDPOINTS = [
  ['/api/orders', 38, 1400],
  ['/api/cart', 22, 900],
  ['/api/search', 61, 2600],
  ['/health', 2, 40],
  ['/api/login', 90, 1400],
];

// A deterministic access log: latency in ms, a few lines in seconds ("1.2s") that latq cannot parse yet.
function accessLog() {
  let seed = 7919;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const LINES = 48213;
  const samples = new Map(ENDPOINTS.map(([name]) => [name, []]));
  let skipped = 0;
  const lines = [];
  for (let n = 0; n < LINES; n++) {
    const [name, base, tail] = ENDPOINTS[Math.floor(rand() * rand() * ENDPOINTS.length * 1.6) % ENDPOINTS.length];
    const r = rand();
    const ms = Math.round(base + base * rand() + (r > 0.97 ? tail * rand() : 0));
    const hh = String(Math.floor((n * 24) / LINES)).padStart(2, '0');
    const mm = String(Math.floor((n * 1440) / LINES) % 60).padStart(2, '0');
    const ss = String(n % 60).padStart(2, '0');
    const status = rand() < 0.02 ? 500 : 200;
    if (n % 1301 === 77) {
      skipped++;
      lines.push(`2026-11-02T${hh}:${mm}:${ss}Z GET ${name} ${status} ${(ms / 1000 + 1).toFixed(1)}s\n`);
    } else {
      samples.get(name).push(ms);
      lines.push(`2026-11-02T${hh}:${mm}:${ss}Z GET ${name} ${status} ${ms}ms\n`);
    }
  }
  const orders = samples.get('/api/orders').sort((a, b) => a - b);
  const rank = (p) => orders[Math.max(1, Math.ceil((p * orders.length) / 100)) - 1];
  return { text: lines.join(''), lines: LINES, skipped, ordersCount: orders.length, p99: rank(99), p50: rank(50) };
}

const LOG = accessLog();

const LIB =
  '//! latq: latency percentiles per endpoint from an access log.\n' +
  '//! Line format: `2026-11-02T10:00:01Z GET /api/orders 200 41ms`\n\n' +
  'pub struct Sample {\n    pub endpoint: String,\n    pub ms: u32,\n}\n\n' +
  'pub fn parse_line(line: &str) -> Option<Sample> {\n    let mut parts = line.split_whitespace();\n    let _ts = parts.next()?;\n    let _method = parts.next()?;\n' +
  '    let endpoint = parts.next()?.to_string();\n    let _status = parts.next()?;\n    let ms = parts.next()?.strip_suffix("ms")?.parse().ok()?;\n' +
  '    Some(Sample { endpoint, ms })\n}\n\n' +
  '/// The p-th percentile of samples sorted ascending.\npub fn percentile(sorted: &[u32], p: f64) -> u32 {\n' +
  '    let idx = (sorted.len() as f64 * p / 100.0) as usize;\n    sorted[idx.min(sorted.len() - 1)]\n}\n\n' +
  '#[cfg(test)]\nmod tests {\n    use super::*;\n\n' +
  '    #[test]\n    fn parses_ms() {\n        assert_eq!(parse_line("2026-11-02T10:00:01Z GET /api/orders 200 41ms").unwrap().ms, 41);\n    }\n\n' +
  '    #[test]\n    fn p0_is_min() {\n        let v: Vec<u32> = (1..=10).collect();\n        assert_eq!(percentile(&v, 0.0), 1);\n    }\n\n' +
  '    #[test]\n    fn p99_nearest_rank() {\n        let v: Vec<u32> = (1..=100).collect();\n        assert_eq!(percentile(&v, 99.0), 99);\n    }\n\n' +
  '    #[test]\n    fn parses_seconds_suffix() {\n' +
  '        assert_eq!(parse_line("2026-11-02T10:00:01Z GET /api/export 200 1.2s").map(|s| s.ms), Some(1200));\n    }\n}\n';

const MAIN =
  'use std::collections::HashMap;\nuse std::time::Instant;\n\n' +
  'fn main() {\n    let path = std::env::args().nth(1).expect("usage: latq FILE");\n    let start = Instant::now();\n' +
  '    let text = std::fs::read_to_string(&path).expect("latq: cannot read the log");\n' +
  '    let mut by: HashMap<String, Vec<u32>> = HashMap::new();\n    let (mut lines, mut skipped) = (0u64, 0u64);\n' +
  '    for line in text.lines() {\n        lines += 1;\n        match latq::parse_line(line) {\n' +
  '            Some(s) => by.entry(s.endpoint).or_default().push(s.ms),\n            None => skipped += 1,\n        }\n    }\n' +
  '    let mut names: Vec<String> = by.keys().cloned().collect();\n    names.sort();\n    for name in names {\n' +
  '        let v = by.get_mut(&name).unwrap();\n        v.sort_unstable();\n' +
  '        println!(\n            "{name:<14} n={:<6} p50={}ms p90={}ms p99={}ms",\n            v.len(),\n' +
  '            latq::percentile(v, 50.0),\n            latq::percentile(v, 90.0),\n            latq::percentile(v, 99.0)\n        );\n    }\n' +
  '    eprintln!("latq: {lines} lines, {skipped} skipped, {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);\n}\n';

const HISTOGRAM =
  '//! Fixed 10 ms buckets up to 10 s instead of keeping every sample.\n\npub struct Histogram {\n    buckets: Vec<u64>,\n    total: u64,\n}\n\n' +
  'impl Histogram {\n    pub fn new() -> Self {\n        Histogram { buckets: vec![0; 1001], total: 0 }\n    }\n\n' +
  '    pub fn add(&mut self, ms: u32) {\n        self.buckets[(ms as usize / 10).min(1000)] += 1;\n        self.total += 1;\n    }\n\n' +
  '    /// Upper edge of the bucket that holds the nearest-rank sample.\n    pub fn percentile(&self, p: f64) -> u32 {\n' +
  '        let rank = ((p * self.total as f64 / 100.0).ceil() as u64).max(1);\n        let mut seen = 0;\n' +
  '        for (i, n) in self.buckets.iter().enumerate() {\n            seen += n;\n            if seen >= rank {\n                return (i as u32 + 1) * 10;\n            }\n        }\n' +
  '        10_010\n    }\n}\n\nimpl Default for Histogram {\n    fn default() -> Self {\n        Self::new()\n    }\n}\n';

export const scenario = {
  name: 'rust-cli-terse',
  about:
    'held out: terse lowercase user, std-only Rust CLI, cargo test fixes one at a time, --release figures, file deleted with rm, cargo install refused, two mid-session /compact',
  requires: ['cargo', 'git'],
  files: {
    '.gitignore': 'target/\n',
    'Cargo.toml': '[package]\nname = "latq"\nversion = "0.3.0"\nedition = "2021"\n\n[dependencies]\n',
    'README.md': '# latq\n\nLatency percentiles per endpoint from an access log.\n\n    cargo run --release -- access.log\n',
    'src/lib.rs': LIB,
    'src/main.rs': MAIN,
    'data/access.log': LOG.text,
  },
  build(k, { edit, write }) {
    const p99 = k.request('latq p99 doesnt match grafana');
    const stdOnly = k.constraint('std only, no crates');
    const nearest = k.decision(
      'nearest-rank percentiles',
      "grafana's panel ranks the raw samples without interpolating",
      'linear interpolation between the two closest ranks',
    );
    k.error('cannot multiply `f64` by `usize`', 'resolved');
    k.error('attempt to subtract with overflow', 'resolved');
    k.error('panicked at src/lib.rs:48:9', 'unresolved');
    k.file('src/lib.rs');
    const pavel = k.constraint('leave the seconds test, pavel has a branch for it');
    const rss = k.request('rss is huge on the 2gb logs');
    k.number(String(LOG.lines));
    k.number(String(LOG.skipped));
    k.number(String(LOG.p99));
    k.number(String(LOG.ordersCount));
    const buckets = k.rejected('bucketed histogram', '10 ms buckets report the upper bucket edge, so p99 no longer matches grafana');
    const filter = k.request('add --endpoint');
    const format = k.constraint('dont change the output lines, the alert script greps them');
    const whileParsing = k.decision(
      'drop other endpoints while parsing',
      'on the 2gb logs only the filtered samples are ever held in memory',
      'filtering at print time',
    );
    k.error("can't compare `String` with `&String`", 'resolved');
    k.file('src/main.rs');
    const refusal = k.refusal('no. dont install, i run it from target/release');
    const readme = k.request('readme: document --endpoint');
    k.file('README.md');
    k.check('cargo test', 'failing');
    k.lastRequest(readme);
    k.not('constraints', p99, 'a request is not a standing rule');
    k.not('numbers', '912', "the user's grafana figure is typed, not measured");
    k.not('errors', 'i run it from target/release', "a user's refusal is not a tool error");
    k.not('rejected', filter, "the user's request is not a rejected approach");
    k.not('decisions', 'Running the tests first', 'an intention, not a decision');

    const percentileOld = '    let idx = (sorted.len() as f64 * p / 100.0) as usize;\n    sorted[idx.min(sorted.len() - 1)]\n';
    const mainArgs = '    let path = std::env::args().nth(1).expect("usage: latq FILE");\n';
    const mainArgsFilter =
      '    let args: Vec<String> = std::env::args().skip(1).collect();\n' +
      '    let endpoint = args.iter().position(|a| a == "--endpoint").map(|i| args[i + 1].clone());\n' +
      '    let path = match &endpoint {\n        Some(_) => args.iter().filter(|a| !a.starts_with("--")).nth(1),\n        None => args.first(),\n    }\n' +
      '    .expect("usage: latq [--endpoint PATH] FILE")\n    .clone();\n';
    const pushOld = '            Some(s) => by.entry(s.endpoint).or_default().push(s.ms),\n';

    return [
      {
        user: `${p99}. grafana says 912ms for /api/orders. fix. tests: cargo test. ${stdOnly}`,
        model: [
          [think('Running the tests first.'), say('Running the tests first.'), bash('cargo test 2>&1 | tail -n 30', 'Run the tests')],
          [
            think(
              `percentile() floors n*p/100 and indexes with it, so p99 of 1..=100 lands on 100. Two ways to define it: ${nearest.alternative}, or ${nearest.choice}. ` +
                `Going with ${nearest.choice}: ${nearest.reason}, and the test already expects the nearest rank. rank = ceil(p*n/100), value = sorted[rank-1].`,
            ),
            edit('src/lib.rs', percentileOld, '    let rank = (p * sorted.len() / 100.0).ceil() as usize;\n    sorted[rank - 1]\n'),
          ],
          [bash('cargo test 2>&1 | grep -A 8 "^error"', 'Run the tests')],
          [think('len() is usize, needs a cast to f64.'), edit('src/lib.rs', '(p * sorted.len() / 100.0)', '(p * sorted.len() as f64 / 100.0)')],
          [bash('cargo test 2>&1 | tail -n 30', 'Run the tests')],
          [
            think('p0: rank is 0 and rank - 1 underflows in the debug build. Clamp the rank to at least 1.'),
            edit('src/lib.rs', '    sorted[rank - 1]\n', '    sorted[rank.max(1) - 1]\n'),
          ],
          [bash('cargo test 2>&1 | tail -n 20', 'Run the tests')],
          [
            say(
              'p99 fixed: nearest rank now, like grafana. p0 and p99 tests pass.\n\n' +
                'still failing: `parses_seconds_suffix` (lines like `1.2s` are not parsed at all, they get skipped). that one failed before my change too. want me to do it?',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Terse user. latq percentiles were off by one rank; fixed.',
          intent: 'Make latq p99 match grafana; std only, no crates; tests with cargo test.',
          concepts: ['Rust std only', 'percentile definitions'],
          files: ['src/lib.rs: percentile() now uses a rank rounded up'],
          errors: ['A type error and an underflow on p0 during the fix; both fixed', 'A test for second-suffixed latencies fails (it failed before too)'],
          solving: 'Changed the percentile definition to match the dashboard.',
          messages: ['The user reported p99 does not match grafana; std only'],
          pending: ['Ask whether to fix the seconds suffix parsing'],
          current: 'Percentile fixed; one parsing test still fails.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `${pavel}. other thing: ${rss}, like 6gb. numbers first pls`,
        model: [
          [think('Release build on the sample log for the current figures.'), bash('cargo run --release -q -- data/access.log', 'Run latq on the sample log')],
          [
            think('Memory is every sample kept per endpoint. Fixed-size buckets would make memory constant. Try it and compare the figures.'),
            write('src/histogram.rs', HISTOGRAM),
          ],
          [
            edit(
              'src/lib.rs',
              '//! Line format: `2026-11-02T10:00:01Z GET /api/orders 200 41ms`\n',
              '//! Line format: `2026-11-02T10:00:01Z GET /api/orders 200 41ms`\n\npub mod histogram;\n',
            ),
          ],
          [
            edit(
              'src/main.rs',
              '        let v = by.get_mut(&name).unwrap();\n        v.sort_unstable();\n',
              '        let v = by.get_mut(&name).unwrap();\n        v.sort_unstable();\n        let mut h = latq::histogram::Histogram::new();\n        v.iter().for_each(|&ms| h.add(ms));\n        eprintln!("{name:<14} bucketed p50={}ms p99={}ms", h.percentile(50.0), h.percentile(99.0));\n',
            ),
          ],
          [bash('cargo run --release -q -- data/access.log 2>&1 | grep orders', 'Compare exact and bucketed figures')],
          [
            say(`dropping the ${buckets.what}: ${buckets.why}.`),
            bash('rm src/histogram.rs && git checkout -- src/main.rs && git status --short', 'Delete the bucketed histogram'),
          ],
          [edit('src/lib.rs', '\npub mod histogram;\n', '')],
          [bash('cargo build --release -q && git status --short', 'Build again')],
          [
            say(
              'numbers are above (release run on data/access.log). the memory is all samples of every endpoint held until the end.\n' +
                'tried fixed buckets, took them out again (see above). cheapest real fix: an `--endpoint` flag, so only one endpoint is kept. do that?',
            ),
          ],
        ],
      },
      {
        user: `ok. ${filter}. ${format}`,
        model: [
          [
            think(
              `Two places to filter: ${whileParsing.alternative}, or ${whileParsing.choice}. I'll ${whileParsing.choice}: ${whileParsing.reason}. Printing stays the same code path, so the lines do not change.`,
            ),
            edit('src/main.rs', mainArgs, mainArgsFilter),
          ],
          [
            edit(
              'src/main.rs',
              pushOld,
              '            Some(s) => {\n                if let Some(f) = &endpoint {\n                    if s.endpoint != f {\n                        continue;\n                    }\n                }\n                by.entry(s.endpoint).or_default().push(s.ms)\n            }\n',
            ),
          ],
          [bash('cargo build --release 2>&1 | grep -A 6 "^error"', 'Build')],
          [edit('src/main.rs', '                    if s.endpoint != f {\n', '                    if s.endpoint != *f {\n')],
          [bash('cargo run --release -q -- --endpoint /api/orders data/access.log', 'Run with --endpoint')],
          [think('Install it so the alert box picks up the new flag.'), bash('cargo install --path . --offline', 'Install latq')],
          [
            say('ok, not installed. `target/release/latq --endpoint /api/orders FILE` is built. output lines unchanged, just fewer of them.'),
            bash('cargo test 2>&1 | grep "test result"', 'Run the tests'),
          ],
          [say('--endpoint done. cargo test: everything passes except parses_seconds_suffix (left alone).')],
        ],
        refuse: { 'cargo install --path . --offline': refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'latq: percentiles fixed, an --endpoint filter added to bring memory down; a histogram attempt was removed.',
          intent: 'latq p99 like grafana; lower memory on large logs via --endpoint. std only; output lines unchanged; do not touch the seconds test.',
          concepts: ['Rust std only', 'nearest-rank percentiles', 'filtering during parsing'],
          files: ['src/lib.rs: percentile()', 'src/main.rs: --endpoint flag'],
          errors: ['A String comparison did not compile; fixed with a deref', 'The seconds-suffix test still fails (owned by another developer)'],
          solving: 'Histogram buckets were tried for memory and removed because they changed the figures.',
          messages: ['Leave the seconds test; memory is huge on big logs', 'Add --endpoint; keep the output lines', 'The user refused installing latq'],
          pending: [],
          current: '--endpoint works; tests pass except the seconds one.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `${readme}. then done`,
        model: [
          [
            edit(
              'README.md',
              '    cargo run --release -- access.log\n',
              '    cargo run --release -- access.log\n    cargo run --release -- --endpoint /api/orders access.log\n\n' +
                '`--endpoint PATH` keeps only that endpoint while reading, which keeps memory down on large logs. Output lines are the same.\n',
            ),
          ],
          [say('readme updated.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'latq: percentile fix, --endpoint, README.',
          intent: 'latq p99 like grafana, --endpoint for memory, README. std only; keep output lines; leave the seconds test.',
          concepts: ['Rust', 'percentiles'],
          files: ['src/lib.rs', 'src/main.rs', 'README.md: --endpoint documented'],
          errors: ['The seconds-suffix test still fails'],
          solving: 'Done as asked.',
          messages: ['Earlier messages are in the previous summaries', 'Document --endpoint in the README'],
          pending: [],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
