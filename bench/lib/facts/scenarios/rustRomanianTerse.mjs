// A terse Romanian-speaking user on a std-only cargo CLI (logstat: counts over an access log). Adding
// per-path 5xx counts trips error[E0382] (a path String moved into one map, then cloned for the other)
// and then a failing test (`> 500` misses 500 itself); both are fixed. `cargo run --release` on a
// generated 400k-line log prints its figures (lines/sec and total ms are timings, so only the log's
// deterministic counts are planted) before and after an optimisation; reading the whole file with
// read_to_string is tried and reverted with `git checkout -- src/main.rs`; a `git commit` is refused;
// two compactions in the middle. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const MAIN =
  'use std::fs::File;\nuse std::io::{BufRead, BufReader};\nuse std::time::Instant;\n\nmod stats;\n\nfn main() {\n    let path = std::env::args().nth(1).expect("usage: logstat FILE");\n    let file = File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));\n    let start = Instant::now();\n    let mut st = stats::Stats::default();\n    for line in BufReader::new(file).lines() {\n        st.add(&line.expect("read error"));\n    }\n    let secs = start.elapsed().as_secs_f64();\n    st.print();\n    println!("lines: {}  lines/sec: {:.0}  total: {:.1} ms", st.lines, st.lines as f64 / secs, secs * 1000.0);\n}\n';

const STATS =
  'use std::collections::HashMap;\n\n/// Counts over an access log: `TIMESTAMP METHOD PATH STATUS DURATIONms`.\n#[derive(Default)]\npub struct Stats {\n    pub lines: u64,\n    pub skipped: u64,\n    pub by_status: HashMap<u16, u64>,\n}\n\nimpl Stats {\n    pub fn add(&mut self, line: &str) {\n        self.lines += 1;\n        let fields: Vec<String> = line.split_whitespace().map(|s| s.to_string()).collect();\n        if fields.len() != 5 {\n            self.skipped += 1;\n            return;\n        }\n        let Ok(status) = fields[3].parse::<u16>() else {\n            self.skipped += 1;\n            return;\n        };\n        *self.by_status.entry(status).or_insert(0) += 1;\n    }\n\n    pub fn print(&self) {\n        let mut statuses: Vec<_> = self.by_status.iter().collect();\n        statuses.sort();\n        for (status, n) in statuses {\n            println!("{status}: {n}");\n        }\n        println!("skipped: {}", self.skipped);\n    }\n}\n\n#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn counts_by_status() {\n        let mut st = Stats::default();\n        st.add("2026-11-02T10:00:01Z GET /api/orders 200 12ms");\n        st.add("2026-11-02T10:00:02Z GET /api/orders 503 40ms");\n        st.add("garbage");\n        assert_eq!(st.by_status[&200], 1);\n        assert_eq!(st.by_status[&503], 1);\n        assert_eq!(st.skipped, 1);\n    }\n}\n';

const GEN =
  '# Writes a deterministic access log of N lines (default 400000): awk -v n=400000 -f scripts/gen-log.awk\nBEGIN {\n    if (!n) n = 400000\n    split("/api/orders /api/orders/export /api/customers /health /api/invoices /static/app.js", paths, " ")\n    split("GET POST GET GET PUT GET", methods, " ")\n    for (i = 0; i < n; i++) {\n        p = (i * 7) % 6 + 1\n        s = 200\n        if (i % 97 == 0) s = 404\n        if (i % 211 == 0 && p == 2) s = 503\n        if (i % 389 == 0) s = 500\n        if (i % 1000 == 999) { print "-- log rotated --"; continue }\n        printf "2026-11-02T%02d:%02d:%02dZ %s %s %d %dms\\n", (i / 3600) % 24, (i / 60) % 60, i % 60, methods[p], paths[p], s, 3 + (i * 13) % 250\n    }\n}\n';

const FEATURE_OLD = '        *self.by_status.entry(status).or_insert(0) += 1;\n    }\n';
const FEATURE_NEW =
  '        *self.by_status.entry(status).or_insert(0) += 1;\n        let path = fields[2].clone();\n        *self.requests.entry(path).or_insert(0) += 1;\n' +
  '        if status > 500 {\n            *self.server_errors.entry(path.clone()).or_insert(0) += 1;\n        }\n    }\n';
const PRINT_OLD = '        println!("skipped: {}", self.skipped);\n';
const PRINT_NEW =
  '        println!("skipped: {}", self.skipped);\n        let mut paths: Vec<_> = self.requests.iter().collect();\n        paths.sort();\n' +
  '        for (path, n) in paths {\n            println!("{path}: {n} requests, {} 5xx", self.server_errors.get(path).unwrap_or(&0));\n        }\n';
const TEST_OLD = '        assert_eq!(st.skipped, 1);\n    }\n';
const TEST_NEW =
  '        assert_eq!(st.skipped, 1);\n    }\n\n    #[test]\n    fn server_errors_per_path() {\n        let mut st = Stats::default();\n' +
  '        st.add("2026-11-02T10:00:01Z GET /api/orders 500 12ms");\n        st.add("2026-11-02T10:00:02Z GET /api/orders 503 40ms");\n' +
  '        st.add("2026-11-02T10:00:03Z GET /health 200 1ms");\n        assert_eq!(st.requests["/api/orders"], 2);\n' +
  '        assert_eq!(st.server_errors["/api/orders"], 2);\n        assert!(!st.server_errors.contains_key("/health"));\n    }\n';

const ADD_OLD =
  '        let fields: Vec<String> = line.split_whitespace().map(|s| s.to_string()).collect();\n        if fields.len() != 5 {\n            self.skipped += 1;\n            return;\n        }\n' +
  '        let Ok(status) = fields[3].parse::<u16>() else {\n            self.skipped += 1;\n            return;\n        };\n' +
  '        *self.by_status.entry(status).or_insert(0) += 1;\n        let path = fields[2].clone();\n        *self.requests.entry(path.clone()).or_insert(0) += 1;\n' +
  '        if (500..600).contains(&status) {\n            *self.server_errors.entry(path).or_insert(0) += 1;\n        }\n';
const ADD_NEW =
  '        let mut fields = line.split_whitespace();\n        let (Some(_), Some(_), Some(path), Some(status), Some(_), None) =\n' +
  '            (fields.next(), fields.next(), fields.next(), fields.next(), fields.next(), fields.next())\n        else {\n            self.skipped += 1;\n            return;\n        };\n' +
  '        let Ok(status) = status.parse::<u16>() else {\n            self.skipped += 1;\n            return;\n        };\n' +
  '        *self.by_status.entry(status).or_insert(0) += 1;\n        bump(&mut self.requests, path);\n' +
  '        if (500..600).contains(&status) {\n            bump(&mut self.server_errors, path);\n        }\n';
const BUMP =
  '/// Counts one more for `key`, building the String only the first time a key is seen.\n' +
  'fn bump(map: &mut HashMap<String, u64>, key: &str) {\n    match map.get_mut(key) {\n        Some(n) => *n += 1,\n        None => {\n' +
  '            map.insert(key.to_string(), 1);\n        }\n    }\n}\n\nimpl Stats {';
const LOOP_OLD = '    for line in BufReader::new(file).lines() {\n        st.add(&line.expect("read error"));\n    }\n';
const LOOP_SLURP =
  '    drop(file);\n    let text = std::fs::read_to_string(&path).expect("read error");\n    for line in text.lines() {\n        st.add(line);\n    }\n';
const LOOP_BUF =
  '    let mut reader = BufReader::new(file);\n    let mut line = String::new();\n    while reader.read_line(&mut line).expect("read error") > 0 {\n' +
  '        st.add(line.trim_end());\n        line.clear();\n    }\n';

export const scenario = {
  name: 'rust-romanian-terse',
  about:
    'held out: terse Romanian user, std-only cargo CLI; error[E0382] then a failing test fixed; cargo run --release figures before/after an optimisation; read_to_string reverted with git checkout; refused git commit; two mid-session compactions',
  requires: ['cargo', 'awk', 'git'],
  files: {
    '.gitignore': 'target/\nsamples/\n',
    'Cargo.toml': '[package]\nname = "logstat"\nversion = "0.2.0"\nedition = "2021"\n\n[dependencies]\n',
    'README.md': '# logstat\n\nContoare pe un access log: `cargo run --release -- FILE`.\n',
    'src/main.rs': MAIN,
    'src/stats.rs': STATS,
    'scripts/gen-log.awk': GEN,
  },
  build(k, { edit }) {
    const perPath = k.request('vreau și numărul de 5xx pe fiecare path');
    const noCrates = k.constraint('fără crate-uri externe');
    const maps = k.decision(
      'two maps keyed by path, requests and server_errors',
      'the report prints one line per path and a (path, status) key would need a second pass to add up the 5xx',
      'one map keyed by (path, status)',
    );
    k.error('error[E0382]: borrow of moved value: `path`', 'resolved');
    k.error('panicked at src/stats.rs:70:9', 'resolved');
    k.file('src/stats.rs');
    const refusal = k.refusal('nu, fără commit, fac eu după review');
    const faster = k.request('fă-l mai rapid');
    const format = k.constraint('nu schimba formatul ieșirii, îl parsează zabbix');
    const slurp = k.rejected('read_to_string', 'the gateway logs on the server are around 6 GB and read_to_string would hold the whole file in memory');
    const bump = k.decision(
      'look the path up with get_mut before allocating',
      'almost every line hits one of a handful of paths already in the map',
      'entry(path.to_string()) on every line',
    );
    k.file('src/main.rs');
    k.number('400000');
    k.number('4105');
    k.number('66534');
    k.number('485');
    k.number('315');
    k.check('cargo test', 'passing');
    const readme = k.request('pune în README cum rulezi pe un log mare');
    k.file('README.md');
    k.lastRequest(readme);
    k.not('constraints', faster, 'a request is not a standing rule');
    k.not('rejected', bump.choice, 'the approach that was kept is not a dead end');
    k.not('errors', 'fac eu după review', "a user's refusal is not a tool error");

    const test = 'RUST_BACKTRACE=0 cargo test 2>&1 | tail -n 25';
    const release = 'cargo run --release -q -- samples/big.log';
    const commit = 'git commit -am "logstat: 5xx pe path"';

    return [
      {
        user: `salut. logstat: ${perPath}. ${noCrates}.`,
        model: [
          [
            think(
              `Per-path counts: ${maps.alternative}, or ${maps.choice}. Going with ${maps.choice}: ${maps.reason}. ` +
                'Add the fields, count in add(), print per path, and a test for a path with a 500 and a 503.',
            ),
            edit(
              'src/stats.rs',
              '    pub by_status: HashMap<u16, u64>,\n}',
              '    pub by_status: HashMap<u16, u64>,\n    pub requests: HashMap<String, u64>,\n    pub server_errors: HashMap<String, u64>,\n}',
            ),
          ],
          [edit('src/stats.rs', FEATURE_OLD, FEATURE_NEW)],
          [edit('src/stats.rs', PRINT_OLD, PRINT_NEW)],
          [edit('src/stats.rs', TEST_OLD, TEST_NEW)],
          [bash(test, 'Run the tests')],
          [
            think('path is moved into requests and cloned afterwards. Clone for the first map, move into the second.'),
            edit(
              'src/stats.rs',
              '        *self.requests.entry(path).or_insert(0) += 1;\n        if status > 500 {\n            *self.server_errors.entry(path.clone()).or_insert(0) += 1;\n',
              '        *self.requests.entry(path.clone()).or_insert(0) += 1;\n        if status > 500 {\n            *self.server_errors.entry(path).or_insert(0) += 1;\n',
            ),
          ],
          [bash(test, 'Run the tests')],
          [
            think('The 500 is not counted: the check is > 500. Use the whole 5xx range.'),
            edit('src/stats.rs', '        if status > 500 {\n', '        if (500..600).contains(&status) {\n'),
          ],
          [bash(test, 'Run the tests')],
          [bash(commit, 'Commit')],
          [say('Ok, nu fac commit. 5xx pe path e gata, cargo test trece. Modificările sunt necomise în src/stats.rs.')],
        ],
        refuse: { [commit]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Terse Romanian user; logstat counts an access log.',
          intent: 'Count 5xx per path in logstat; no external crates.',
          concepts: ['Rust std HashMap', 'cargo test'],
          files: ['src/stats.rs: requests and server_errors maps, per-path print, new test'],
          errors: ['A move error on the path String: fixed', 'The 5xx test failed on 500: fixed'],
          solving: 'The user commits after review; no commit made.',
          messages: ['Add 5xx per path; no external crates', 'No commit, the user does it after review'],
          pending: [],
          current: 'cargo test passes.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `ok. acum ${faster}. cargo run --release pe un log mare, e scripts/gen-log.awk. ${format}.`,
        model: [
          [bash('mkdir -p samples && awk -f scripts/gen-log.awk > samples/big.log && wc -c samples/big.log', 'Generate the big log')],
          [bash(release, 'Baseline')],
          [
            think('Reading line by line through lines() allocates per line. Try reading the whole file at once and iterating over &str lines.'),
            edit('src/main.rs', LOOP_OLD, LOOP_SLURP),
          ],
          [bash(release, 'Measure the read_to_string version')],
          [say(`Renunț la ${slurp.what}: ${slurp.why}.`), bash('git checkout -- src/main.rs && git status --short', 'Revert src/main.rs')],
          [
            think(
              `Keep streaming, but one reused String buffer with read_line instead of lines(). In add(): no Vec<String> per line, and for the maps, ${bump.choice} rather than ${bump.alternative}, ` +
                `since ${bump.reason}. The output lines stay exactly the same.`,
            ),
            edit('src/main.rs', LOOP_OLD, LOOP_BUF),
          ],
          [edit('src/stats.rs', ADD_OLD, ADD_NEW)],
          [edit('src/stats.rs', 'impl Stats {', BUMP)],
          [bash(test, 'Run the tests')],
          [bash(release, 'Measure again')],
          [
            say(
              'Gata: buffer refolosit cu read_line, fără Vec<String> pe linie, String alocat doar pentru un path nou. Formatul ieșirii e identic, cargo test trece.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'logstat faster; output format unchanged.',
          intent: 'Make logstat faster on big logs without changing its output (zabbix parses it); no external crates.',
          concepts: ['BufRead::read_line', 'HashMap get_mut'],
          files: ['src/main.rs: reused line buffer', 'src/stats.rs: no per-line allocations'],
          errors: [],
          solving: 'Reading the whole file was tried and reverted.',
          messages: ['Make it faster, cargo run --release on a big log; keep the output format'],
          pending: [],
          current: 'Optimised; tests pass.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `bun. ${readme}.`,
        model: [
          [
            edit(
              'README.md',
              'Contoare pe un access log: `cargo run --release -- FILE`.\n',
              'Contoare pe un access log: `cargo run --release -- FILE`.\n\n## Log mare\n\n' +
                '    mkdir -p samples && awk -f scripts/gen-log.awk > samples/big.log\n    cargo run --release -q -- samples/big.log\n\n' +
                'Ultima linie: linii, linii/sec și timpul total. Formatul ieșirii îl citește zabbix: nu-l schimbați.\n',
            ),
          ],
          [say('README actualizat.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'logstat: 5xx per path, faster streaming, README.',
          intent: '5xx per path, speed, README. No external crates; the output format is parsed by zabbix.',
          concepts: ['cargo'],
          files: ['README.md: how to run on a big log'],
          errors: [],
          solving: 'Done.',
          messages: ['Earlier: see the previous summaries', `"${readme}"`],
          pending: [],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
