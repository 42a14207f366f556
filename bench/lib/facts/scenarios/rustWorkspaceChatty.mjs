// A chatty user on a std-only cargo workspace of two crates (durfmt parses CI durations, jobstat
// tallies a runner log with it) who pastes a long production panic backtrace and the tail of a CI log
// into the first message. durfmt is fixed (fractional seconds, a Result instead of a panic, which
// breaks jobstat's build once); jobstat's table test fails from the start and stays failing because a
// colleague is rewriting the table. The agent asks a question answered with a bare "yes"; a
// dependency-free jobstat (its own duration parser instead of durfmt) is tried, fails a test and is
// undone; a version bump is refused. The model writes no thinking text (`thinking: false`), so its
// choices are in its replies. The errors and figures in the user's pastes are the user's text, not
// tool output. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// A day of the CI runners' log: a few fractional durations (the cache steps), a few lost runners.
function jobsLog() {
  let seed = 777;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  /** @type {[string, number, number][]} */
  const JOBS = [
    ['build', 180, 360],
    ['lint', 20, 60],
    ['unit-tests', 60, 180],
    ['integration-tests', 480, 1020],
    ['cache-restore', 0.4, 9],
    ['deploy-preview', 40, 140],
  ];
  const LINES = 21436;
  const runs = new Map();
  let skipped = 0;
  const lines = [];
  const fmt = (seconds) => {
    if (seconds < 10 && seconds % 1 !== 0) return `${seconds.toFixed(1)}s`;
    const s = Math.round(seconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor(s / 60) % 60;
    return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s % 60}s`;
  };
  for (let n = 0; n < LINES; n++) {
    const [job, low, spread] = JOBS[Math.floor(rand() * JOBS.length)];
    const secs = Math.floor((n * 86400) / LINES);
    const at = `2026-11-28T${String(Math.floor(secs / 3600)).padStart(2, '0')}:${String(Math.floor(secs / 60) % 60).padStart(2, '0')}:${String(secs % 60).padStart(2, '0')}Z`;
    const runner = `r${1 + Math.floor(rand() * 12)}`;
    let duration;
    if (n % 2477 === 1000) {
      duration = '?';
      skipped++;
    } else {
      const seconds = job === 'cache-restore' ? Math.round((low + rand() * spread) * 10) / 10 : low + Math.floor(rand() * spread);
      duration = fmt(seconds);
      runs.set(job, (runs.get(job) ?? 0) + 1);
    }
    lines.push(`${at} job=${job} runner=${runner} status=${duration === '?' ? 'lost' : 'ok'} duration=${duration}\n`);
  }
  return { text: lines.join(''), lines: LINES, skipped, buildRuns: runs.get('build') ?? 0, unitRuns: runs.get('unit-tests') ?? 0 };
}

const LOG = jobsLog();

const DURFMT = String.raw`//! durfmt: the durations CI runners log ("1h2m3s", "45s", "250ms"), as milliseconds and back.

/// Milliseconds in a duration like "1h2m3s", "45s" or "250ms".
pub fn parse(text: &str) -> u64 {
    let mut total = 0;
    let mut number = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let value: u64 = number.parse().unwrap();
        number.clear();
        total += match c {
            'h' => value * 3_600_000,
            'm' if chars.peek() == Some(&'s') => {
                chars.next();
                value
            }
            'm' => value * 60_000,
            's' => value * 1_000,
            _ => panic!("durfmt: unknown unit {c:?} in {text:?}"),
        };
    }
    total
}

/// "1h2m3s" style text for a number of milliseconds (whole seconds; below a second, "NNNms").
pub fn format(ms: u64) -> String {
    if ms < 1_000 {
        return format!("{ms}ms");
    }
    let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1_000 % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m{s}s"),
        _ => format!("{h}h{m}m{s}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_compound() {
        assert_eq!(parse("1h2m3s"), 3_723_000);
    }

    #[test]
    fn parses_millis() {
        assert_eq!(parse("250ms"), 250);
    }

    #[test]
    fn parses_fractional_seconds() {
        assert_eq!(parse("1.5s"), 1_500);
    }

    #[test]
    fn formats() {
        assert_eq!(format(3_723_000), "1h2m3s");
        assert_eq!(format(45_000), "45s");
        assert_eq!(format(250), "250ms");
    }
}
`;

const DURFMT_PARSE_OLD = DURFMT.slice(DURFMT.indexOf('/// Milliseconds in a duration'), DURFMT.indexOf('/// "1h2m3s" style'));

const DURFMT_PARSE_NEW = String.raw`/// Why a duration could not be read.
#[derive(Debug, PartialEq)]
pub enum ParseError {
    /// Not a number before a unit, or digits without a unit.
    Number(String),
    /// A unit other than h, m, s or ms.
    Unit(char),
}

/// Milliseconds in a duration like "1h2m3s", "45s", "250ms" or "1.5s".
pub fn parse(text: &str) -> Result<u64, ParseError> {
    let mut total = 0;
    let mut number = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
            continue;
        }
        let value: f64 = number.parse().map_err(|_| ParseError::Number(text.to_string()))?;
        number.clear();
        let unit_ms = match c {
            'h' => 3_600_000.0,
            'm' if chars.peek() == Some(&'s') => {
                chars.next();
                1.0
            }
            'm' => 60_000.0,
            's' => 1_000.0,
            _ => return Err(ParseError::Unit(c)),
        };
        total += (value * unit_ms).round() as u64;
    }
    if !number.is_empty() {
        return Err(ParseError::Number(text.to_string()));
    }
    Ok(total)
}

`;

const JOBSTAT_LIB =
  String.raw`//! jobstat: runs, total time and the slowest run per CI job, from the runners' log.
pub mod table;

use std::collections::BTreeMap;

#[derive(Default)]
pub struct Job {
    pub runs: u64,
    pub total_ms: u64,
    pub slowest_ms: u64,
}

/// One log line: ` +
  '`2026-11-28T10:00:01Z job=build runner=r3 status=ok duration=4m12s`' +
  String.raw`.
pub fn parse_line(line: &str) -> Option<(String, u64)> {
    let mut job = None;
    let mut duration = None;
    for field in line.split_whitespace() {
        if let Some(v) = field.strip_prefix("job=") {
            job = Some(v.to_string());
        } else if let Some(v) = field.strip_prefix("duration=") {
            duration = Some(durfmt::parse(v));
        }
    }
    Some((job?, duration?))
}

pub fn tally<'a>(lines: impl Iterator<Item = &'a str>) -> BTreeMap<String, Job> {
    let mut jobs: BTreeMap<String, Job> = BTreeMap::new();
    for line in lines {
        if let Some((name, ms)) = parse_line(line) {
            let job = jobs.entry(name).or_default();
            job.runs += 1;
            job.total_ms += ms;
            job.slowest_ms = job.slowest_ms.max(ms);
        }
    }
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_job_line() {
        let (job, ms) = parse_line("2026-11-28T10:00:01Z job=build runner=r3 status=ok duration=1h2m3s").unwrap();
        assert_eq!(job, "build");
        assert_eq!(ms, 3_723_000);
    }

    #[test]
    fn tallies_runs() {
        let jobs = tally(["t job=lint duration=30s", "t job=lint duration=45s"].into_iter());
        assert_eq!(jobs["lint"].runs, 2);
        assert_eq!(jobs["lint"].slowest_ms, 45_000);
    }
}
`;

const TABLE = String.raw`//! The table jobstat prints: one row per job, fixed columns.
use crate::Job;
use std::collections::BTreeMap;

pub fn render(jobs: &BTreeMap<String, Job>) -> String {
    let mut out = format!("{:<12} {:>6} {:>10} {:>9}\n", "job", "runs", "total", "slowest");
    for (name, job) in jobs {
        let name: String = name.chars().take(12).collect();
        out += &format!("{:<12} {:>6} {:>10} {:>9}\n", name, job.runs, durfmt::format(job.total_ms), durfmt::format(job.slowest_ms));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_wide_job_names() {
        let mut jobs = BTreeMap::new();
        jobs.insert("integration-tests".to_string(), Job { runs: 1, total_ms: 1_000, slowest_ms: 1_000 });
        let table = render(&jobs);
        assert!(table.contains("integration-tests"), "job name cut off:\n{table}");
    }
}
`;

const MAIN = String.raw`use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(&path).expect("jobstat: cannot read the log"),
        None => {
            std::io::stdin().read_to_string(&mut text).expect("jobstat: cannot read stdin");
        }
    }
    let jobs = jobstat::tally(text.lines());
    print!("{}", jobstat::table::render(&jobs));
    eprintln!("jobstat: {} lines", text.lines().count());
}
`;

const LOCAL_PARSER = String.raw`//! A local duration parser in jobstat, so the crate builds without durfmt.

/// Milliseconds in "45s", "250ms", "4m" or "1.5s": a number and its unit.
pub fn parse(text: &str) -> Option<u64> {
    let (number, unit_ms) = if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1_000.0)
    } else if let Some(n) = text.strip_suffix('m') {
        (n, 60_000.0)
    } else if let Some(n) = text.strip_suffix('h') {
        (n, 3_600_000.0)
    } else {
        return None;
    };
    let value: f64 = number.parse().ok()?;
    Some((value * unit_ms).round() as u64)
}

/// "1h2m3s" style text for a number of milliseconds.
pub fn format(ms: u64) -> String {
    if ms < 1_000 {
        return format!("{ms}ms");
    }
    let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1_000 % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m{s}s"),
        _ => format!("{h}h{m}m{s}s"),
    }
}
`;

const BACKTRACE =
  String.raw`thread 'main' panicked at crates/durfmt/src/lib.rs:23:18:
durfmt: unknown unit '.' in "0.8s"
stack backtrace:
   0: rust_begin_unwind
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/panicking.rs:665:5
   1: core::panicking::panic_fmt
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/panicking.rs:74:14
   2: durfmt::parse
             at ./crates/durfmt/src/lib.rs:23:18
   3: jobstat::parse_line
             at ./crates/jobstat/src/lib.rs:21:33
   4: jobstat::tally
             at ./crates/jobstat/src/lib.rs:30:32
   5: jobstat::main
             at ./crates/jobstat/src/main.rs:11:16
   6: core::ops::function::FnOnce::call_once
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/ops/function.rs:250:5
   7: std::sys::backtrace::__rust_begin_short_backtrace
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/sys/backtrace.rs:154:18
   8: std::rt::lang_start::{{closure}}
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/rt.rs:195:18
   9: std::rt::lang_start_internal
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/rt.rs:174:20
  10: std::rt::lang_start
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/rt.rs:194:17
  11: main
  12: __libc_start_main
  13: _start
note: Some details are omitted, run with ` +
  '`RUST_BACKTRACE=full`' +
  ' for a verbose backtrace.';

const CI_TAIL =
  String.raw`Run cargo test --workspace
   Compiling durfmt v0.3.1 (/home/runner/work/ci-tools/ci-tools/crates/durfmt)
   Compiling jobstat v0.2.0 (/home/runner/work/ci-tools/ci-tools/crates/jobstat)
    Finished ` +
  '`test`' +
  String.raw` profile [unoptimized + debuginfo] target(s) in 48.37s
     Running unittests src/lib.rs (target/debug/deps/durfmt-9c1e0b7a4f3d2e61)

running 4 tests
test tests::formats ... ok
test tests::parses_compound ... ok
test tests::parses_millis ... ok
test tests::parses_fractional_seconds ... FAILED

failures:
    tests::parses_fractional_seconds

test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

error: test failed, to rerun pass ` +
  '`-p durfmt --lib`' +
  String.raw`
Error: Process completed with exit code 101.`;

export const scenario = {
  name: 'rust-workspace-chatty',
  about:
    'held out: chatty user pasting a panic backtrace and a CI log, std-only cargo workspace (two crates), a bare "yes", a dependency-free rewrite undone, a version bump refused, no thinking text',
  requires: ['cargo', 'git'],
  thinking: false,
  files: {
    '.gitignore': 'target/\n',
    'Cargo.toml': '[workspace]\nmembers = ["crates/durfmt", "crates/jobstat"]\nresolver = "2"\n',
    'CHANGELOG.md': '# Changelog\n\n## durfmt 0.3.1\n\n- `format` prints whole seconds below a minute as `45s`.\n',
    'README.md':
      "# ci-tools\n\n- `crates/durfmt`: parse and print CI durations (`1h2m3s`)\n- `crates/jobstat`: runs and time per CI job from the runners' log\n\n" +
      '    cargo run --release -p jobstat -- runners.log\n\nTests: `cargo test --workspace`\n',
    'crates/durfmt/Cargo.toml': '[package]\nname = "durfmt"\nversion = "0.3.1"\nedition = "2021"\n\n[dependencies]\n',
    'crates/durfmt/src/lib.rs': DURFMT,
    'crates/jobstat/Cargo.toml': '[package]\nname = "jobstat"\nversion = "0.2.0"\nedition = "2021"\n\n[dependencies]\ndurfmt = { path = "../durfmt" }\n',
    'crates/jobstat/src/lib.rs': JOBSTAT_LIB,
    'crates/jobstat/src/table.rs': TABLE,
    'crates/jobstat/src/main.rs': MAIN,
    'data/runners-2026-11-28.log': LOG.text,
  },
  build(k, { edit, write }) {
    const panics = k.request('can you make durfmt stop panicking on those durations');
    const offline = k.constraint("please don't pull in anything from crates.io, the build box is offline");
    const table = k.constraint("don't touch the table layout in jobstat, Marco has a PR open that rewrites it");
    k.error(`unknown unit '.' in "1.5s"`, 'resolved');
    const fractional = k.decision(
      'parse fractional seconds into milliseconds',
      'the runners log short steps like the cache restore as 0.8s, and dropping those lines would skew the per-job totals',
      'rejecting fractional values with an error',
    );
    const result = k.decision(
      'make durfmt::parse return a Result',
      'one unreadable duration in a log line should not take down a whole jobstat run',
      'keeping parse infallible and returning 0 for bad input',
    );
    k.error('`?` operator has incompatible types', 'resolved');
    k.file('crates/durfmt/src/lib.rs');
    k.file('crates/jobstat/src/lib.rs');
    k.error('test table::tests::pads_wide_job_names ... FAILED', 'unresolved');
    k.file('crates/jobstat/src/main.rs');
    k.number(String(LOG.lines));
    k.number(String(LOG.buildRuns));
    k.number(String(LOG.unitRuns));
    const inline = k.request('could we just drop durfmt from jobstat and parse the durations right there');
    const local = k.rejected(
      'a local duration parser in jobstat',
      'it only understood one unit per value, so a 1h2m3s line was lost, and durfmt already handles that',
    );
    k.error('called `Option::unwrap()` on a `None` value');
    const changelog = k.request('add a CHANGELOG entry for the durfmt change');
    const refusal = k.refusal('no no, leave the version alone, releases are cut by the release script on Fridays');
    k.file('CHANGELOG.md');
    k.check('cargo test', 'failing');
    k.lastRequest(changelog);
    k.not('errors', 'Process completed with exit code 101', 'a line of the CI log the user pasted, not a tool error');
    k.not('errors', `unknown unit '.' in "0.8s"`, 'the panic in the backtrace the user pasted, not tool output');
    k.not('errors', 'rust_begin_unwind', 'a frame of the pasted backtrace');
    k.not('numbers', '48.37', "a build time in the user's pasted CI log, not a measurement");
    k.not('errors', 'releases are cut by the release script', "a user's refusal is not a tool error");
    k.not('constraints', panics, 'a request is not a standing rule');

    const first =
      "Hiya! Hope you're having a good morning ☕ So jobstat fell over on the prod runners' log last night, right in the middle of the nightly report, " +
      "and of course that was the one night the boss wanted the numbers 🙃 Here's the whole backtrace (RUST_BACKTRACE=1):\n\n" +
      `${BACKTRACE}\n\n` +
      "And CI has been red since Marco's fractional-seconds test went in on Tuesday, this is the end of the log (I cut the middle bit, it's huge):\n\n" +
      `${CI_TAIL}\n\n` +
      `So, ${panics}? Two things: ${offline}, and ${table}. Thanks so much!!`;
    const third =
      'Ohh that makes sense, thanks for explaining! Random thought while I was making tea, Marco asked the other day: ' +
      `${inline}? One crate less to version, and durfmt is like 60 lines anyway. What do you think?`;
    const fourth = `Haha fair enough, thanks for actually trying it. Okay last thing and then I'll let you go: ${changelog}, Marco's going to want to know parse returns a Result now.`;

    const tests = 'cargo test --workspace --no-fail-fast 2>&1 | grep -E "^(test |---- |thread|durfmt:|job name|error|test result)"';
    const compileErr = 'cargo test --workspace --no-fail-fast 2>&1 | grep -E -A 8 "^error"';
    const bump = 'sed -i \'s/^version = "0.3.1"/version = "0.4.0"/\' crates/durfmt/Cargo.toml';
    const parseCall = '            duration = Some(durfmt::parse(v));\n';
    const parseOk = '            duration = durfmt::parse(v).ok();\n';
    const tallyOld =
      "pub fn tally<'a>(lines: impl Iterator<Item = &'a str>) -> BTreeMap<String, Job> {\n    let mut jobs: BTreeMap<String, Job> = BTreeMap::new();\n    for line in lines {\n" +
      '        if let Some((name, ms)) = parse_line(line) {\n            let job = jobs.entry(name).or_default();\n            job.runs += 1;\n            job.total_ms += ms;\n' +
      '            job.slowest_ms = job.slowest_ms.max(ms);\n        }\n    }\n    jobs\n}\n';
    const tallyNew =
      '/// The jobs, and how many lines had a duration that could not be read.\n' +
      "pub fn tally<'a>(lines: impl Iterator<Item = &'a str>) -> (BTreeMap<String, Job>, u64) {\n    let mut jobs: BTreeMap<String, Job> = BTreeMap::new();\n    let mut skipped = 0;\n    for line in lines {\n" +
      '        match parse_line(line) {\n            Some((name, ms)) => {\n                let job = jobs.entry(name).or_default();\n                job.runs += 1;\n                job.total_ms += ms;\n' +
      '                job.slowest_ms = job.slowest_ms.max(ms);\n            }\n            None if line.contains("duration=") => skipped += 1,\n            None => {}\n        }\n    }\n    (jobs, skipped)\n}\n';

    return [
      {
        user: first,
        model: [
          [
            empty(),
            say(
              "Thanks for the backtrace, that's very clear: durfmt::parse hits the '.' of a fractional value and panics. " +
                "I'll run the whole workspace with --no-fail-fast first: CI stops at the first crate that fails, so your log can't say anything about jobstat.",
            ),
            bash(tests, 'Run the workspace tests'),
          ],
          [
            empty(),
            say(
              `Two things to decide. Fractional values: ${fractional.alternative}, or ${fractional.choice}. I'll ${fractional.choice}, because ${fractional.reason}. ` +
                `And bad input: ${result.alternative}, or ${result.choice}. I'll ${result.choice}: ${result.reason}, and a 0 would quietly shrink the totals.`,
            ),
            edit('crates/durfmt/src/lib.rs', DURFMT_PARSE_OLD, DURFMT_PARSE_NEW),
          ],
          [
            empty(),
            edit(
              'crates/durfmt/src/lib.rs',
              '        assert_eq!(parse("1h2m3s"), 3_723_000);\n    }\n\n    #[test]\n    fn parses_millis() {\n        assert_eq!(parse("250ms"), 250);\n    }\n\n' +
                '    #[test]\n    fn parses_fractional_seconds() {\n        assert_eq!(parse("1.5s"), 1_500);\n    }\n',
              '        assert_eq!(parse("1h2m3s"), Ok(3_723_000));\n    }\n\n    #[test]\n    fn parses_millis() {\n        assert_eq!(parse("250ms"), Ok(250));\n    }\n\n' +
                '    #[test]\n    fn parses_fractional_seconds() {\n        assert_eq!(parse("1.5s"), Ok(1_500));\n    }\n\n' +
                '    #[test]\n    fn rejects_garbage() {\n        assert_eq!(parse("?"), Err(ParseError::Number("?".to_string())));\n        assert_eq!(parse("3d"), Err(ParseError::Unit(\'d\')));\n        assert!(parse("12").is_err());\n    }\n',
            ),
          ],
          [empty(), bash(compileErr, 'Build and test the workspace')],
          [
            empty(),
            say('Right, jobstat still uses the old signature. For now a line whose duration cannot be read is left out, like a line without a job:'),
            edit('crates/jobstat/src/lib.rs', parseCall, parseOk),
          ],
          [empty(), bash(tests, 'Run the workspace tests')],
          [
            empty(),
            say(
              'durfmt is fixed: fractional seconds parse, and a bad value is an error instead of a panic. All durfmt tests pass, including the fractional-seconds one from CI.\n\n' +
                "jobstat has one failing test, pads_wide_job_names: the table cuts job names at 12 characters. It failed before my change too (CI just never got that far), and it's the table layout, so I left it for Marco's PR.\n\n" +
                "One question: jobstat now quietly skips a line whose duration it can't read. Should I count those and print how many were skipped at the end?",
            ),
          ],
        ],
      },
      {
        user: 'yes',
        model: [
          [empty(), edit('crates/jobstat/src/lib.rs', tallyOld, tallyNew)],
          [
            empty(),
            edit(
              'crates/jobstat/src/lib.rs',
              '        let jobs = tally(["t job=lint duration=30s", "t job=lint duration=45s"].into_iter());\n',
              '        let (jobs, skipped) = tally(["t job=lint duration=30s", "t job=lint duration=45s", "t job=lint duration=?"].into_iter());\n        assert_eq!(skipped, 1);\n',
            ),
          ],
          [
            empty(),
            edit(
              'crates/jobstat/src/main.rs',
              '    let jobs = jobstat::tally(text.lines());\n    print!("{}", jobstat::table::render(&jobs));\n    eprintln!("jobstat: {} lines", text.lines().count());\n',
              '    let (jobs, skipped) = jobstat::tally(text.lines());\n    print!("{}", jobstat::table::render(&jobs));\n    eprintln!("jobstat: {} lines, {} skipped (unreadable duration)", text.lines().count(), skipped);\n',
            ),
          ],
          [empty(), bash(`${tests}; cargo run -q --release -p jobstat -- data/runners-2026-11-28.log`, 'Run the tests and jobstat on the runners log')],
          [
            empty(),
            say(
              "Done: jobstat counts the lines with an unreadable duration and prints the count after the table. On the runners' log in data/ it goes through now " +
                '(the 0.8s-style cache lines included); the skipped ones are the runners that got lost. Same single failing test as before (the table).',
            ),
          ],
        ],
      },
      {
        user: third,
        model: [
          [
            empty(),
            say("Let's try it and let the tests decide: a small parser inside jobstat, and the durfmt dependency gone."),
            write('crates/jobstat/src/duration.rs', LOCAL_PARSER),
          ],
          [empty(), edit('crates/jobstat/Cargo.toml', '[dependencies]\ndurfmt = { path = "../durfmt" }\n', '[dependencies]\n')],
          [empty(), edit('crates/jobstat/src/lib.rs', 'pub mod table;\n', 'pub mod duration;\npub mod table;\n')],
          [empty(), edit('crates/jobstat/src/lib.rs', parseOk, '            duration = crate::duration::parse(v);\n')],
          [
            empty(),
            edit(
              'crates/jobstat/src/table.rs',
              'durfmt::format(job.total_ms), durfmt::format(job.slowest_ms)',
              'crate::duration::format(job.total_ms), crate::duration::format(job.slowest_ms)',
            ),
          ],
          [empty(), bash('cargo test -p jobstat 2>&1 | grep -E "^(test |thread|called|test result)"', 'Test jobstat without durfmt')],
          [
            empty(),
            say(`I'm taking ${local.what} out again: ${local.why}. Making it handle compound values would just be durfmt copied into jobstat.`),
            bash('rm crates/jobstat/src/duration.rs && git checkout -- crates/jobstat/Cargo.toml crates/jobstat/src/table.rs', 'Undo the local parser'),
          ],
          [empty(), edit('crates/jobstat/src/lib.rs', 'pub mod duration;\npub mod table;\n', 'pub mod table;\n')],
          [empty(), edit('crates/jobstat/src/lib.rs', '            duration = crate::duration::parse(v);\n', parseOk)],
          [empty(), bash('cargo test -p jobstat 2>&1 | grep -E "^(test |test result)"', 'Test jobstat with durfmt again')],
          [
            empty(),
            say(
              "So: I'd keep durfmt. The parsing is the fiddly part (compound values, ms vs m, fractions), and having it in one crate with its own tests is what caught this. " +
                'jobstat is back to using it, tests as before.',
            ),
          ],
        ],
      },
      {
        user: fourth,
        model: [
          [
            empty(),
            say('parse now returns a Result, which breaks callers, so durfmt needs a minor bump for a 0.x crate. Bumping it to 0.4.0 first:'),
            bash(bump, 'Bump the durfmt version'),
          ],
          [
            empty(),
            say("Got it, version stays as it is. Writing the entry under an Unreleased heading so the release script's run can pick the number:"),
            edit(
              'CHANGELOG.md',
              '# Changelog\n\n',
              '# Changelog\n\n## Unreleased\n\n' +
                '- durfmt: `parse` returns `Result<u64, ParseError>` instead of panicking on a bad duration (breaking: callers must handle the error).\n' +
                '- durfmt: fractional values parse (`0.8s` is 800 ms).\n' +
                '- jobstat: lines with an unreadable duration are skipped and counted; the count is printed after the table.\n\n',
            ),
          ],
          [empty(), say('Added an Unreleased section to CHANGELOG.md with the durfmt change and the jobstat skip count.')],
        ],
        refuse: { [bump]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Chatty user pasted a production backtrace and a CI log. durfmt fixed; jobstat table test still fails (Marco). Local parser idea tried and dropped.',
          intent:
            'Make durfmt stop panicking on fractional durations. Nothing from crates.io (offline build box); do not touch the jobstat table layout (Marco has a PR).',
          concepts: ['cargo workspace', 'Result-returning parser', 'std only'],
          files: [
            'crates/durfmt/src/lib.rs: parse returns Result, fractional seconds',
            'crates/jobstat/src/lib.rs, main.rs: skip and count unreadable durations',
            'CHANGELOG.md: Unreleased entry',
          ],
          errors: [
            'durfmt panicked on fractional seconds; fixed',
            'jobstat did not compile against the new signature; fixed',
            'The table test in jobstat still fails (Marco)',
          ],
          solving: 'Dropping durfmt from jobstat was tried and undone. The user refused a version bump.',
          messages: ['Backtrace and CI log pasted; fix durfmt; no crates.io; leave the table', 'yes', 'Could jobstat drop durfmt?', 'Add a CHANGELOG entry'],
          pending: ['jobstat table test (Marco)'],
          current: 'CHANGELOG entry added.',
          next: 'None.',
        }),
      },
    ];
  },
};
