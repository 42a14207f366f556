// An English user who keeps interrupting the agent mid-task (Esc: "[Request interrupted by user]", then a
// correction typed as the next message) on a std-only Rust CLI, logsift, checked with `cargo test` and
// `cargo clippy -- -D warnings`. Thinking in English. The agent's first plan for a `--level` flag (rewrite
// main.rs' flag handling as a table-driven parser) is overturned before it starts; its filter then keeps
// the wrong levels because `Level` is declared most severe first, and reordering the enum (which breaks
// the tests that pin the discriminants written to .idx files) is stopped by the user and put back; a
// severity() method fixes the failing test. clippy's `this loop could be written as a `while let` loop`
// on older code is fixed. A debug-build benchmark is interrupted ("always bench with --release"); the
// bench binary's "N lines in X ms" before and after dropping two allocations per line is tee'd under
// target/ and read back at scoring. `cargo add memchr` is refused; the user's rule: never run cargo
// update. One mid-session /compact and one at the end.
// Written as a held-out scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const BT = '`';

const LIB_RS = String.raw`//! logsift: filter and count log lines of the form
//! ${BT}2024-06-01T12:00:00Z WARN  auth: token expired${BT}.

use std::io::{self, BufRead, Write};

/// Log levels, most severe first.
///
/// The discriminants are written as ${BT}u8${BT} into the ${BT}.idx${BT} sidecar files (see ${BT}write_index${BT}).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::Error, Level::Warn, Level::Info, Level::Debug, Level::Trace];

    /// Parses a level name, case-insensitively (${BT}warn${BT}, ${BT}WARN${BT}, ${BT}Warn${BT}).
    pub fn parse(s: &str) -> Option<Level> {
        match s.to_uppercase().as_str() {
            "ERROR" => Some(Level::Error),
            "WARN" => Some(Level::Warn),
            "INFO" => Some(Level::Info),
            "DEBUG" => Some(Level::Debug),
            "TRACE" => Some(Level::Trace),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "ERROR",
            Level::Warn => "WARN",
            Level::Info => "INFO",
            Level::Debug => "DEBUG",
            Level::Trace => "TRACE",
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    pub ts: &'a str,
    pub level: Level,
    pub target: &'a str,
    pub msg: &'a str,
}

/// Splits one line into timestamp, level, target and message; ${BT}None${BT} if it is not a log line.
pub fn parse_line(line: &str) -> Option<Entry<'_>> {
    let line = line.trim_end();
    let (ts, rest) = line.split_once(' ')?;
    let (level, rest) = rest.trim_start().split_once(' ')?;
    let level = Level::parse(level)?;
    let rest = rest.trim_start();
    let (target, msg) = rest.split_once(": ").unwrap_or(("", rest));
    Some(Entry { ts, level, target, msg })
}

#[derive(Debug, Default, Clone)]
pub struct Opts {
    /// Only lines whose target starts with this prefix.
    pub target: Option<String>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    pub total: u64,
    pub kept: u64,
    pub skipped: u64,
    pub per_level: [u64; 5],
}

/// Copies the log lines that pass ${BT}opts${BT} to ${BT}out${BT}; lines that do not parse are skipped.
pub fn sift<R: BufRead, W: Write>(input: R, mut out: W, opts: &Opts) -> io::Result<Counts> {
    let mut counts = Counts::default();
    for line in input.lines() {
        let line = line?;
        counts.total += 1;
        let Some(entry) = parse_line(&line) else {
            counts.skipped += 1;
            continue;
        };
        counts.per_level[entry.level as usize] += 1;
        if let Some(prefix) = &opts.target {
            if !entry.target.starts_with(prefix.as_str()) {
                continue;
            }
        }
        counts.kept += 1;
        writeln!(out, "{}", line)?;
    }
    Ok(counts)
}

/// Per-level counts only (${BT}logsift --count${BT}).
pub fn count<R: BufRead>(input: R) -> io::Result<[u64; 5]> {
    let mut per_level = [0u64; 5];
    let mut lines = input.lines();
    loop {
        let line = match lines.next() {
            Some(line) => line?,
            None => break,
        };
        if let Some(entry) = parse_line(&line) {
            per_level[entry.level as usize] += 1;
        }
    }
    Ok(per_level)
}

/// One byte per line: the level's discriminant, or 0xff for a line that does not parse.
pub fn write_index<R: BufRead, W: Write>(input: R, mut out: W) -> io::Result<()> {
    for line in input.lines() {
        let line = line?;
        let byte = parse_line(&line).map_or(0xff, |e| e.level as u8);
        out.write_all(&[byte])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "2024-06-01T12:00:00Z INFO  http: GET /health 200\n\
                          2024-06-01T12:00:01Z WARN  auth: token expires in 30s\n\
                          not a log line\n\
                          2024-06-01T12:00:02Z ERROR db: connection reset\n\
                          2024-06-01T12:00:03Z DEBUG http: headers parsed\n";

    #[test]
    fn parses_a_line() {
        let e = parse_line("2024-06-01T12:00:01Z WARN  auth: token expires in 30s").unwrap();
        assert_eq!(e.level, Level::Warn);
        assert_eq!(e.target, "auth");
        assert_eq!(e.msg, "token expires in 30s");
    }

    #[test]
    fn lowercase_levels_parse() {
        assert_eq!(parse_line("2024-06-01T12:00:00Z warn x: y").unwrap().level, Level::Warn);
    }

    #[test]
    fn skips_garbage() {
        let counts = sift(SAMPLE.as_bytes(), io::sink(), &Opts::default()).unwrap();
        assert_eq!((counts.total, counts.kept, counts.skipped), (5, 4, 1));
    }

    #[test]
    fn target_prefix() {
        let mut out = Vec::new();
        let opts = Opts { target: Some("http".into()) };
        sift(SAMPLE.as_bytes(), &mut out, &opts).unwrap();
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
    }

    #[test]
    fn counts_per_level() {
        assert_eq!(count(SAMPLE.as_bytes()).unwrap(), [1, 1, 1, 1, 0]);
    }

    #[test]
    fn index_bytes() {
        let mut out = Vec::new();
        write_index(SAMPLE.as_bytes(), &mut out).unwrap();
        assert_eq!(out, vec![2, 1, 0xff, 0, 3]);
    }
}
`;

const MAIN_RS = String.raw`use std::fs::File;
use std::io::{self, BufReader, BufWriter};
use std::process::ExitCode;

use logsift::{count, sift, Level, Opts};

const USAGE: &str = "usage: logsift [--count] [--target PREFIX] [FILE]";

fn main() -> ExitCode {
    let mut opts = Opts::default();
    let mut counting = false;
    let mut path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--count" => counting = true,
            "--target" => match args.next() {
                Some(prefix) => opts.target = Some(prefix),
                None => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() && !arg.starts_with('-') => path = Some(arg),
            _ => {
                eprintln!("logsift: unexpected argument {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }

    let input: Box<dyn io::BufRead> = match &path {
        Some(p) => match File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                eprintln!("logsift: {p}: {e}");
                return ExitCode::from(1);
            }
        },
        None => Box::new(io::stdin().lock()),
    };

    let result = if counting {
        count(input).map(|per_level| {
            for level in Level::ALL {
                println!("{:<5} {}", level.as_str(), per_level[level as usize]);
            }
        })
    } else {
        let out = BufWriter::new(io::stdout().lock());
        sift(input, out, &opts).map(|_| ())
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("logsift: {e}");
            ExitCode::from(1)
        }
    }
}
`;

const BENCH_RS = String.raw`//! ${BT}cargo run --release --bin bench${BT}: sift() over a million generated lines, timed.
use std::io;
use std::time::Instant;

fn main() {
    let names = ["ERROR", "WARN", "INFO", "DEBUG", "TRACE"];
    let mut text = String::with_capacity(64 << 20);
    for i in 0..1_000_000u32 {
        let level = names[(i * 7 % 31 % 5) as usize];
        text.push_str(&format!("2024-06-01T12:{:02}:{:02}Z {:<5} svc{}: request {} done\n", i / 60 % 60, i % 60, level, i % 13, i));
    }
    let start = Instant::now();
    let counts = logsift::sift(text.as_bytes(), io::sink(), &logsift::Opts::default()).expect("in-memory input");
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!("{} lines in {:.1} ms", counts.total, ms);
}
`;

const CARGO_TOML = '[package]\nname = "logsift"\nversion = "0.4.1"\nedition = "2021"\ndefault-run = "logsift"\n';
const CARGO_LOCK =
  '# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n\n[[package]]\nname = "logsift"\nversion = "0.4.1"\n';
const README =
  '# logsift\n\nFilter and count structured log lines (`2024-06-01T12:00:00Z WARN  auth: token expired`).\n\n' +
  '## Usage\n\n    logsift [--count] [--target PREFIX] [FILE]\n\n' +
  '`--count` prints the number of lines per level; `--target` keeps the lines whose target starts with PREFIX.\n\n' +
  '## Development\n\n    cargo test\n    cargo clippy -- -D warnings\n    cargo run --release --bin bench\n';

/** A sample log with fixed per-level counts, shuffled deterministically; no digits in the messages. */
function sampleLog() {
  const counts = { ERROR: 17, WARN: 243, INFO: 1688, DEBUG: 352 };
  const targets = { ERROR: ['db', 'payments'], WARN: ['auth', 'http', 'payments'], INFO: ['http', 'worker', 'auth'], DEBUG: ['http', 'cache'] };
  const messages = {
    ERROR: ['connection reset by peer', 'card processor timed out'],
    WARN: ['token expires soon', 'slow response from upstream', 'retrying the charge'],
    INFO: ['request done', 'job finished', 'user logged in', 'cache warmed'],
    DEBUG: ['headers parsed', 'cache miss', 'cache hit'],
  };
  const rows = [];
  for (const [level, n] of Object.entries(counts)) for (let i = 0; i < n; i++) rows.push(level);
  let seed = 77;
  for (let i = rows.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return (
    rows
      .map((level, i) => {
        const secs = 8 * 3600 + i * 11;
        const ts = [Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60].map((n) => String(n).padStart(2, '0')).join(':');
        const target = targets[level][i % targets[level].length];
        const message = messages[level][i % messages[level].length];
        return `2024-06-03T${ts}Z ${level.padEnd(5)} ${target}: ${message}`;
      })
      .join('\n') + '\n'
  );
}

/** The time of a bench run the session tee'd under target/ ("N lines in X ms"). */
function benchMs(project, file) {
  const path = join(project, file);
  if (!existsSync(path)) return `${file}: ms (not generated yet)`;
  const match = /^\d+ lines in ([\d.]+) ms/m.exec(readFileSync(path, 'utf8'));
  return match ? match[1] : `${file}: no time`;
}

export const scenario = {
  name: 'rust-cli-interrupts-english',
  about:
    'held out: English user who interrupts the agent three times ("[Request interrupted by user]" then a correction), std-only Rust CLI with cargo test and cargo clippy -- -D warnings; thinking; a plan overturned before it starts; a level filter test fixed after the enum reorder is stopped and put back; clippy while_let_loop fixed; a debug bench interrupted, release bench before/after (tee\'d, read back); cargo add memchr refused; rule: never run cargo update; one mid and one final /compact',
  requires: ['cargo', 'git', 'tee', 'wc'],
  files: {
    '.gitignore': 'target/\n',
    'Cargo.toml': CARGO_TOML,
    'Cargo.lock': CARGO_LOCK,
    'README.md': README,
    'src/lib.rs': LIB_RS,
    'src/main.rs': MAIN_RS,
    'src/bin/bench.rs': BENCH_RS,
    'logs/sample.log': sampleLog(),
  },
  build(k, { project, edit, read }) {
    const levelReq = k.request('logsift needs a --level flag');
    const noUpdate = k.constraint('never run cargo update');
    // The plan the user overturns before it starts: in the thinking, but no decision (see the negative below).
    const table = {
      choice: 'replace the flag match in main.rs with a table-driven Args parser',
      reason: 'every new flag would then be one table row instead of another match arm with its own usage handling',
      alternative: 'one more arm in the existing match',
    };
    const armReq = k.request('just add --level as another arm in the match');
    k.file('src/main.rs');
    k.error('tests::level_filter_keeps_warn_and_error', 'resolved');
    const reorder = k.rejected(
      'least severe first, so the derived Ord follows severity',
      'reordering changes the discriminant of every level already written to the .idx sidecar files',
    );
    k.error('tests::index_bytes', 'resolved');
    const noReorder = k.constraint("don't reorder Level");
    const sevReq = k.request('put the enum back and compare by severity instead');
    const severity = k.decision(
      'a severity() method that counts up from Trace to Error',
      'a comparison flipped against the derived Ord reads backwards to whoever touches the filter next',
      'flipping the comparison to entry.level > min',
    );
    k.file('src/lib.rs');
    k.error('error: this loop could be written as a `while let` loop', 'resolved');
    k.number('243');
    k.number('1688');
    k.number('260');
    const perfReq = k.request('make it faster, and show me before/after numbers from the bench binary');
    const release = k.constraint('always bench with --release');
    k.number('1000000');
    k.number(benchMs(project, 'target/bench-before.txt'));
    const refusal = k.refusal('no new crates. cargo add rewrites Cargo.lock too, same deal as cargo update');
    const eqIgnore = k.decision(
      'match the level token with eq_ignore_ascii_case against the five names',
      'to_uppercase allocates a String on every line just to compare five short names',
      'a lookup on the first byte of the token',
    );
    k.number(benchMs(project, 'target/bench-after.txt'));
    const readmeReq = k.request('add --level to the usage section of the README');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('cargo test', 'passing');
    k.check('cargo clippy', 'passing');
    k.not('decisions', table.choice, 'the plan the user overturned before it started is no decision');
    k.not('decisions', reorder.what, 'put back after the user stopped it: a rejected approach, not a decision');
    k.not('rejected', severity.choice, 'the fix that was kept is not a dead end');
    k.not('errors', 'same deal as cargo update', "a user's refusal is not a tool error");
    k.not('constraints', perfReq, 'a request is not a standing rule');

    const interrupted = { text: '[Request interrupted by user]' };
    const stopped = [[think(''), say('Stopped.')]];
    const addMemchr = 'cargo add memchr@2';
    const levelArm =
      '            "--level" => match args.next().as_deref().map(Level::parse) {\n' +
      '                Some(Some(level)) => opts.min_level = Some(level),\n                _ => {\n' +
      '                    eprintln!("logsift: --level needs one of error, warn, info, debug, trace\\n{USAGE}");\n' +
      '                    return ExitCode::from(2);\n                }\n            },\n';
    const enumOld =
      '/// Log levels, most severe first.\n///\n/// The discriminants are written as `u8` into the `.idx` sidecar files (see `write_index`).\n' +
      '#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]\npub enum Level {\n    Error,\n    Warn,\n    Info,\n    Debug,\n    Trace,\n}\n';
    const enumNew =
      `/// Log levels, ${reorder.what}.\n///\n/// The discriminants are written as \`u8\` into the \`.idx\` sidecar files (see \`write_index\`).\n` +
      '#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]\npub enum Level {\n    Trace,\n    Debug,\n    Info,\n    Warn,\n    Error,\n}\n';
    const filterOld = '        counts.per_level[entry.level as usize] += 1;\n';
    const filterWrong =
      filterOld + '        if let Some(min) = opts.min_level {\n            if entry.level < min {\n                continue;\n            }\n        }\n';
    const newTest =
      '    #[test]\n    fn level_filter_keeps_warn_and_error() {\n        let mut out = Vec::new();\n' +
      '        let opts = Opts { min_level: Some(Level::Warn), ..Opts::default() };\n        sift(SAMPLE.as_bytes(), &mut out, &opts).unwrap();\n' +
      '        let text = String::from_utf8(out).unwrap();\n' +
      '        let kept: Vec<Level> = text.lines().filter_map(|l| parse_line(l).map(|e| e.level)).collect();\n' +
      '        assert_eq!(kept, vec![Level::Warn, Level::Error]);\n    }\n\n    #[test]\n    fn counts_per_level() {\n';
    const parseOld =
      '        match s.to_uppercase().as_str() {\n            "ERROR" => Some(Level::Error),\n            "WARN" => Some(Level::Warn),\n' +
      '            "INFO" => Some(Level::Info),\n            "DEBUG" => Some(Level::Debug),\n            "TRACE" => Some(Level::Trace),\n            _ => None,\n        }\n';
    const siftOld =
      'pub fn sift<R: BufRead, W: Write>(input: R, mut out: W, opts: &Opts) -> io::Result<Counts> {\n    let mut counts = Counts::default();\n' +
      '    for line in input.lines() {\n        let line = line?;\n        counts.total += 1;\n        let Some(entry) = parse_line(&line) else {\n';
    const siftNew =
      'pub fn sift<R: BufRead, W: Write>(mut input: R, mut out: W, opts: &Opts) -> io::Result<Counts> {\n    let mut counts = Counts::default();\n' +
      '    // one buffer for the whole input: lines() would allocate a String per line\n    let mut buf = String::new();\n' +
      "    loop {\n        buf.clear();\n        if input.read_line(&mut buf)? == 0 {\n            break;\n        }\n        let line = buf.trim_end_matches(['\\n', '\\r']);\n" +
      '        counts.total += 1;\n        let Some(entry) = parse_line(line) else {\n';
    const tests = 'cargo test 2>&1 | tail -n 25';
    const clippy = 'cargo clippy -- -D warnings 2>&1 | tail -n 25';

    return [
      {
        user:
          `${levelReq}: \`logsift --level warn app.log\` should print only the WARN and ERROR lines (its a minimum level, not an exact match). ` +
          `run cargo test and cargo clippy -- -D warnings before you tell me it's done. and ${noUpdate}, the lockfile has to match what the debian package builds with`,
        model: [
          [think('Look at how main.rs handles flags before touching anything.'), read('src/main.rs')],
          [
            think(
              'main.rs hand-rolls every flag in one match, and each flag that takes a value repeats the same None => usage-and-exit dance. ' +
                `Plan: ${table.choice}, because ${table.reason}; the other way is ${table.alternative}. Then Opts gets a min_level and sift() filters on it.`,
            ),
            say(
              'Plan:\n1. Move the flag handling in `main.rs` into a small `Args` parser driven by a table (each flag declared once, with whether it takes a value)\n' +
                '2. Add `--level LEVEL` on top of it, parsed with `Level::parse`\n3. Add `min_level` to `Opts` and filter in `sift()`\n' +
                '4. A test for the filter, then `cargo test` and `cargo clippy -- -D warnings`\n\nStarting with the parser in `main.rs`.',
            ),
          ],
        ],
      },
      { user: interrupted, model: stopped },
      {
        user: `no, dont rewrite the arg parsing, it's fine as is and I dont want a big diff in main.rs. ${armReq}`,
        model: [
          [
            think('Minimal then: the usage line and one arm in main.rs, min_level in Opts, the filter in sift(), and a test.'),
            edit(
              'src/main.rs',
              'const USAGE: &str = "usage: logsift [--count] [--target PREFIX] [FILE]";\n',
              'const USAGE: &str = "usage: logsift [--count] [--level LEVEL] [--target PREFIX] [FILE]";\n',
            ),
          ],
          [think(''), edit('src/main.rs', '            "-h" | "--help" => {\n', levelArm + '            "-h" | "--help" => {\n')],
          [
            think(''),
            edit(
              'src/lib.rs',
              '    /// Only lines whose target starts with this prefix.\n    pub target: Option<String>,\n',
              '    /// Only lines whose target starts with this prefix.\n    pub target: Option<String>,\n    /// Only lines at least this severe (`--level`).\n    pub min_level: Option<Level>,\n',
            ),
          ],
          [think('Skip anything below the minimum.'), edit('src/lib.rs', filterOld, filterWrong)],
          [
            think('target_prefix builds Opts by hand: give it ..Opts::default(). Then the new test, on the shared SAMPLE.'),
            edit(
              'src/lib.rs',
              '        let opts = Opts { target: Some("http".into()) };\n',
              '        let opts = Opts { target: Some("http".into()), ..Opts::default() };\n',
            ),
          ],
          [think(''), edit('src/lib.rs', '    #[test]\n    fn counts_per_level() {\n', newTest)],
          [think(''), bash(tests, 'Run the tests')],
          [
            think(
              'left is [Info, Warn, Debug]: the filter keeps Warn and everything less severe. The derived Ord follows the declaration order, and Level is declared ' +
                `most severe first, so Error < Warn < Info. Declare the variants ${reorder.what}, and < means what it says.`,
            ),
            edit('src/lib.rs', enumOld, enumNew),
          ],
          [think(''), bash('cargo test 2>&1 | tail -n 30', 'Run the tests')],
          [
            think('The filter test passes now; index_bytes and counts_per_level still expect the old discriminants. Update their expected values.'),
            say(
              'The reorder fixes the filter test, but `index_bytes` and `counts_per_level` still expect the old discriminants. Updating their expected values to the new order.',
            ),
          ],
        ],
      },
      { user: interrupted, model: stopped },
      {
        user:
          `whoa no, ${noReorder}!! those two tests are there on purpose, the .idx files people already have on disk store the level as that u8. ` + `${sevReq}`,
        model: [
          [think(`Right: ${reorder.why}. Put the declaration back first.`), edit('src/lib.rs', enumNew, enumOld)],
          [
            think(
              `Two ways to compare by severity: ${severity.alternative}, or ${severity.choice}. ${severity.reason[0].toUpperCase()}${severity.reason.slice(1)}, so severity() it is, next to as_str().`,
            ),
            edit(
              'src/lib.rs',
              "    pub fn as_str(self) -> &'static str {\n",
              "    /// Higher is more severe: Trace 0 up to Error 4, whatever the declaration order.\n    pub fn severity(self) -> u8 {\n        4 - self as u8\n    }\n\n    pub fn as_str(self) -> &'static str {\n",
            ),
          ],
          [think(''), edit('src/lib.rs', '            if entry.level < min {\n', '            if entry.level.severity() < min.severity() {\n')],
          [think(''), bash('cargo test 2>&1 | tail -n 15', 'Run the tests')],
          [think('Green. Now clippy with warnings denied, as asked.'), bash(clippy, 'Run clippy')],
          [
            think(
              'Not from this change: count() drives lines.next() by hand. A plain for over lines() is what clippy wants; while let would only trip while_let_on_iterator next.',
            ),
            edit(
              'src/lib.rs',
              '    let mut lines = input.lines();\n    loop {\n        let line = match lines.next() {\n            Some(line) => line?,\n            None => break,\n        };\n',
              '    for line in input.lines() {\n        let line = line?;\n',
            ),
          ],
          [think(''), bash('cargo clippy -- -D warnings 2>&1 | tail -n 3 && cargo test 2>&1 | grep "test result"', 'clippy and tests again')],
          [
            think('Try it on the sample log.'),
            bash('cargo run -q -- --count logs/sample.log; cargo run -q -- --level warn logs/sample.log | wc -l', 'Counts and --level warn on the sample'),
          ],
          [
            think(''),
            say(
              'Done:\n- `--level LEVEL` is another arm of the match in `main.rs`; a bad level prints the usage and exits 2:\n\n```text\n$ logsift --level loud app.log\nlogsift: --level needs one of error, warn, info, debug, trace\nusage: logsift [--count] [--level LEVEL] [--target PREFIX] [FILE]\n```\n' +
                '- `Level` is back in its original order; the filter compares `severity()` (Trace 0 … Error 4), so the discriminants in `.idx` files are untouched\n' +
                '- clippy flagged a hand-driven `loop`/`match` in `count()` (older code); it is a `for` loop now\n\n' +
                '`cargo test` passes and `cargo clippy -- -D warnings` is clean. On logs/sample.log, `--level warn` keeps the WARN and ERROR lines (counts above).',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'The user interrupts to redirect. logsift got a --level flag (minimum level) as one more match arm; the filter compares a severity() method because the enum order is fixed by the .idx files.',
          intent: 'Add --level to logsift with cargo test and cargo clippy -- -D warnings passing. Never run cargo update; do not reorder Level.',
          concepts: ['Rust derived Ord follows declaration order', 'u8 discriminants in .idx files', 'clippy while_let_loop'],
          files: ['src/main.rs: --level arm and usage', 'src/lib.rs: Opts.min_level, severity(), filter in sift(), count() loop, new test'],
          errors: [
            'The level filter test failed at first (wrong comparison direction); fixed with severity()',
            'clippy flagged the loop in count(); rewritten as a for loop',
          ],
          solving: 'The user stopped a rewrite of the argument parsing and a reorder of the Level enum.',
          messages: [
            'Add --level (minimum level); run cargo test and clippy -D warnings; never run cargo update',
            'Do not rewrite the arg parsing, just add another arm',
            "Don't reorder Level; compare by severity",
          ],
          pending: ['None.'],
          current: 'Tests and clippy green; --level tried on the sample log.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `ok good. next: sift is too slow on the big prod logs. ${perfReq}`,
        model: [
          [think('Baseline first.'), bash('cargo run --bin bench 2>&1 | tail -n 1', 'Baseline bench')],
          [think(''), say('Baseline is above. Now looking at the hot path in `sift()`.')],
        ],
      },
      { user: interrupted, model: stopped },
      {
        user: `that's a debug build, those numbers mean nothing. ${release}`,
        model: [
          [
            think('Release, and keep the output so before and after can be compared.'),
            bash('cargo run --release --bin bench 2>&1 | tail -n 1 | tee target/bench-before.txt', 'Baseline bench, release'),
          ],
          [
            think(
              'Per line: lines() allocates a fresh String, and Level::parse calls to_uppercase(), another allocation, just to compare against five names. ' +
                'memchr would also speed up the newline search.',
            ),
            bash(addMemchr, 'Add memchr'),
          ],
          [
            think(
              `std only, then. For the level: ${eqIgnore.alternative}, or ${eqIgnore.choice}. The second: ${eqIgnore.reason}, and it keeps accepting any case. ` +
                'And read_line into one reused String instead of lines().',
            ),
            edit('src/lib.rs', parseOld, '        Level::ALL.into_iter().find(|level| level.as_str().eq_ignore_ascii_case(s))\n'),
          ],
          [think(''), edit('src/lib.rs', siftOld, siftNew)],
          [think(''), bash('cargo test 2>&1 | grep "test result"; cargo clippy -- -D warnings 2>&1 | tail -n 1', 'Tests and clippy')],
          [think(''), bash('cargo run --release --bin bench 2>&1 | tail -n 1 | tee target/bench-after.txt', 'Bench after, release')],
          [
            think(''),
            say(
              'Release build, before and after: the two bench lines above (also in `target/bench-before.txt` and `target/bench-after.txt`).\n\n' +
                'What changed in `src/lib.rs`:\n- `Level::parse` compares against the five names with `eq_ignore_ascii_case` instead of allocating with `to_uppercase()`\n' +
                '- `sift()` reads into one reused `String` with `read_line` instead of `lines()`, which allocated per line\n\n' +
                'No new crates, Cargo.lock untouched. `cargo test` and `cargo clippy -- -D warnings` still pass.',
            ),
          ],
        ],
        refuse: { [addMemchr]: refusal },
      },
      {
        user: `nice, thats a good win. last thing: ${readmeReq}`,
        model: [
          [
            think(''),
            edit(
              'README.md',
              '    logsift [--count] [--target PREFIX] [FILE]\n\n`--count` prints the number of lines per level; `--target` keeps the lines whose target starts with PREFIX.\n',
              '    logsift [--count] [--level LEVEL] [--target PREFIX] [FILE]\n\n`--count` prints the number of lines per level; `--level` keeps the lines at least that severe ' +
                '(`--level warn`: WARN and ERROR); `--target` keeps the lines whose target starts with PREFIX.\n',
            ),
          ],
          [think(''), say('README usage updated with `--level`.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Continuation: sift() was made faster without new crates (reused read buffer, no per-line to_uppercase); benchmarks in release; README documents --level.',
          intent:
            'logsift: --level flag, a faster sift() measured with the release bench, README. Never run cargo update; do not reorder Level; bench with --release.',
          concepts: ['read_line with a reused buffer', 'eq_ignore_ascii_case', 'release benchmarks'],
          files: ['src/lib.rs: faster parse and sift', 'README.md: --level in usage'],
          errors: ['None new.'],
          solving: 'The user stopped a debug-build benchmark and refused adding memchr.',
          messages: [
            'Earlier messages are in the previous summary',
            'Make sift faster, show before/after from the bench',
            'Bench with --release',
            'Add --level to the README usage',
          ],
          pending: ['None.'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
