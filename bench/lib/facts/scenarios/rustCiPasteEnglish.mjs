// An English user who pastes long GitHub Actions logs (timestamps, ##[group] lines, 60+ lines) and asks
// the agent to fix what CI says, on a small Rust crate (kassa: ledger amounts in cents) checked with
// `cargo fmt --check`, `cargo clippy -- -D warnings` and `cargo test`. Thinking in most turns. The agent
// reproduces each CI failure locally before fixing it: the first CI run stops at the fmt step, so the clippy
// and test errors the agent then finds exist only in its own tool output. A `#![allow(clippy::needless_return)]`
// is tried and reverted. The agent asks a question with numbered options and the user answers "2". A
// rounding test is left failing. The user's rule: don't bump any crate versions. One compaction mid-way, then
// a second pasted CI log (a Windows job failing on CRLF, which the agent reproduces with a CRLF copy of the
// fixture). Lines only in the pasted logs are negative facts for the errors section. Written as a held-out
// scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const CARGO_TOML =
  '[package]\nname = "kassa"\nversion = "0.6.3"\nedition = "2021"\nrust-version = "1.75"\ndescription = "Sum ledger amounts (in cents)"\n\n[dependencies]\n';

function genTests() {
  let out = '';
  const cases = [];
  for (let i = 0; i < 52; i++) {
    const cents = ((i * 7919) % 200000) - 50000;
    const abs = Math.abs(cents);
    cases.push([`${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`, cents]);
  }
  cases.forEach(([input, want], i) => {
    out += `    #[test]\n    fn parses_case_${i}() {\n        assert_eq!(parse_amount("${input}"), Ok(${want}));\n    }\n\n`;
  });
  return { text: out, count: cases.length };
}
const GEN = genTests();

const LIB_RS =
  '//! kassa: parse and sum ledger amounts, in cents.\n\nuse std::fmt;\n\n' +
  '#[derive(Debug, PartialEq)]\npub enum AmountError {\n    Empty,\n    Invalid(String),\n}\n\n' +
  'impl fmt::Display for AmountError {\n    fn fmt(&self, f: &mut fmt::Formatter<\'_>) -> fmt::Result {\n        match self {\n            AmountError::Empty => write!(f, "empty amount"),\n            AmountError::Invalid(s) => write!(f, "invalid amount {:?}", s),\n        }\n    }\n}\n\n' +
  '/// "12.50" -> 1250. Two decimals or none.\npub fn parse_amount(s: &str) -> Result<i64, AmountError> {\n    let s = s.trim_matches(\' \');\n    if s.is_empty() {\n        return Ok(0);\n    }\n' +
  "    let bad = || AmountError::Invalid(s.to_string());\n    let (neg, body) = match s.strip_prefix('-') {\n        Some(b) => (true, b),\n        None => (false, s),\n    };\n" +
  '    let mut parts = body.splitn(2, \'.\');\n    let whole: i64 = parts.next().unwrap_or("").parse().map_err(|_| bad())?;\n' +
  '    let frac: i64 = match parts.next() {\n        Some(f) if f.len() == 2 => f.parse().map_err(|_| bad())?,\n        Some(_) => return Err(bad()),\n        None => 0,\n    };\n' +
  '    let cents = whole * 100 + frac;\n    return Ok(if neg { -cents } else { cents });\n}\n\n' +
  '/// Whole units, half to even: 250 -> 2, 350 -> 4.\npub fn round_to_unit(cents: i64) -> i64 {\n    let q = cents / 100;\n    let r = cents % 100;\n    if r > 50 || (r == 50 && q % 2 != 0) {\n        q + 1\n    } else {\n        q\n    }\n}\n\n' +
  'pub fn total(xs:&[i64])->i64{ xs.iter().sum() }\n\n' +
  '#[cfg(test)]\nmod tests {\n    use super::*;\n\n' +
  GEN.text +
  '    #[test]\n    fn empty_amount_is_error() {\n        assert_eq!(parse_amount("").unwrap_err(), AmountError::Empty);\n    }\n\n' +
  '    #[test]\n    fn rejects_three_decimals() {\n        assert!(parse_amount("1.005").is_err());\n    }\n\n' +
  '    #[test]\n    fn rounds_half_to_even() {\n        assert_eq!(round_to_unit(250), 2);\n        assert_eq!(round_to_unit(350), 4);\n        assert_eq!(round_to_unit(251), 3);\n    }\n\n' +
  '    #[test]\n    fn rounds_negative_half_to_even() {\n        assert_eq!(round_to_unit(-350), -4, "-3.5 should round to -4");\n    }\n\n' +
  '    #[test]\n    fn totals() {\n        assert_eq!(total(&[1, 2, 3]), 6);\n    }\n}\n';

const MAIN_RS =
  'use std::process::ExitCode;\n\nfn main() -> ExitCode {\n    let path = std::env::args()\n        .nth(1)\n        .unwrap_or_else(|| "data/ledger.csv".into());\n    let text = std::fs::read_to_string(&path).expect("read ledger");\n    let mut rows = 0;\n    let mut total = 0i64;\n    for (i, line) in text.split(\'\\n\').enumerate().skip(1) {\n        if line.is_empty() {\n            continue;\n        }\n        let amount = line.rsplit(\',\').next().unwrap_or("");\n        match kassa::parse_amount(amount) {\n            Ok(c) => {\n                rows += 1;\n                total += c;\n            }\n            Err(e) => {\n                eprintln!("error: line {}: {}", i + 1, e);\n                return ExitCode::FAILURE;\n            }\n        }\n    }\n    println!(\n        "rows: {rows}, total: {}.{:02}",\n        total / 100,\n        (total % 100).abs()\n    );\n    ExitCode::SUCCESS\n}\n';

const CLI_TEST =
  'use std::process::Command;\n\n#[test]\nfn small_fixture() {\n    let out = Command::new(env!("CARGO_BIN_EXE_kassa"))\n        .arg("tests/fixtures/small.csv")\n        .output()\n        .unwrap();\n    assert!(out.status.success(), "kassa failed on small.csv");\n}\n';

function ledger() {
  const rows = ['date,payee,amount'];
  let total = 0;
  let n = 0;
  let blank = 0;
  for (let i = 1; i <= 2611; i++) {
    if (i % 7 === 0) {
      rows.push(`2026-10-${String(1 + (i % 28)).padStart(2, '0')},pending-${i},`);
      blank++;
      continue;
    }
    const cents = ((i * 7919) % 48000) - 9000;
    total += cents;
    n++;
    const sign = cents < 0 ? '-' : '';
    const abs = Math.abs(cents);
    rows.push(`2026-10-${String(1 + (i % 28)).padStart(2, '0')},payee-${i % 31},${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
  }
  const t = Math.abs(total);
  return { csv: rows.join('\n') + '\n', rows: n, blank, total: `${total < 0 ? '-' : ''}${Math.floor(t / 100)}.${String(t % 100).padStart(2, '0')}` };
}
const LEDGER = ledger();

const ts = (s) => `2026-11-30T18:04:0${s % 10}.${String(10000000 + ((s * 7331) % 9000000)).slice(1)}Z`;
const gh = (lines, start) => lines.map((l, i) => `${ts(start + Math.floor(i / 8))} ${l}`).join('\n');

const CI_ONE = gh(
  [
    "Current runner version: '2.329.0'",
    '##[group]Runner Image Provisioner',
    'Hosted Compute Agent',
    'Version: 20251110.389',
    '##[endgroup]',
    '##[group]Operating System',
    'Ubuntu',
    '24.04.3',
    'LTS',
    '##[endgroup]',
    '##[group]Runner Image',
    'Image: ubuntu-24.04',
    'Version: 20251117.1.0',
    '##[endgroup]',
    '##[group]GITHUB_TOKEN Permissions',
    'Contents: read',
    'Metadata: read',
    '##[endgroup]',
    'Secret source: Actions',
    'Prepare workflow directory',
    'Prepare all required actions',
    'Getting action download info',
    "Download action repository 'actions/checkout@v4' (SHA:08eba0b27e820071cde6df949e0beb9ba4906955)",
    "Download action repository 'dtolnay/rust-toolchain@stable' (SHA:4be9e76fd7c4901c61fb841f559994984270fce7)",
    "Download action repository 'Swatinem/rust-cache@v2' (SHA:98c8021b550208e191a6a3145459bfc9fb29c4c0)",
    'Complete job name: check (ubuntu-latest)',
    '##[group]Run actions/checkout@v4',
    'with:',
    '  repository: mfolau/kassa',
    '  fetch-depth: 1',
    '##[endgroup]',
    'Syncing repository: mfolau/kassa',
    '##[group]Getting Git version info',
    "Working directory is '/home/runner/work/kassa/kassa'",
    '[command]/usr/bin/git version',
    'git version 2.51.2',
    '##[endgroup]',
    '[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +9c41d7e0b2f3a8c5d6e7f8091a2b3c4d5e6f7081:refs/remotes/origin/main',
    'Checking out the ref',
    '[command]/usr/bin/git log -1 --format=%H',
    '9c41d7e0b2f3a8c5d6e7f8091a2b3c4d5e6f7081',
    '##[group]Run dtolnay/rust-toolchain@stable',
    'with:',
    '  toolchain: stable',
    '  components: rustfmt, clippy',
    '##[endgroup]',
    "info: syncing channel updates for 'stable-x86_64-unknown-linux-gnu'",
    'info: latest update on 2026-11-13, rust version 1.91.1 (ed61e7d7e 2026-11-07)',
    "info: downloading component 'clippy'",
    "info: downloading component 'rustfmt'",
    "info: installing component 'clippy'",
    "info: installing component 'rustfmt'",
    '##[group]Run Swatinem/rust-cache@v2',
    'Cache Configuration',
    '  Workspaces:',
    '    /home/runner/work/kassa/kassa -> target',
    'No cache found.',
    '##[endgroup]',
    '##[group]Run cargo fmt --all -- --check',
    'cargo fmt --all -- --check',
    'shell: /usr/bin/bash -e {0}',
    '##[endgroup]',
    'Diff in /home/runner/work/kassa/kassa/src/lib.rs:50:',
    ' }',
    ' ',
    '-pub fn total(xs:&[i64])->i64{ xs.iter().sum() }',
    '+pub fn total(xs: &[i64]) -> i64 {',
    '+    xs.iter().sum()',
    '+}',
    ' ',
    ' #[cfg(test)]',
    ' mod tests {',
    '##[error]Process completed with exit code 1.',
    'Post job cleanup.',
    'Cleaning up orphan processes',
  ],
  0,
);

const CI_TWO = gh(
  [
    "Current runner version: '2.329.0'",
    '##[group]Runner Image Provisioner',
    'Hosted Compute Agent',
    'Version: 20251110.389',
    '##[endgroup]',
    '##[group]Operating System',
    'Microsoft Windows Server 2025',
    'Datacenter',
    '##[endgroup]',
    '##[group]Runner Image',
    'Image: windows-2025',
    'Version: 20251117.1.0',
    '##[endgroup]',
    'Prepare workflow directory',
    'Prepare all required actions',
    'Complete job name: test (windows-latest)',
    '##[group]Run actions/checkout@v4',
    'with:',
    '  repository: mfolau/kassa',
    '##[endgroup]',
    'Syncing repository: mfolau/kassa',
    "Working directory is 'D:\\a\\kassa\\kassa'",
    '[command]"C:\\Program Files\\Git\\bin\\git.exe" config --global core.autocrlf true',
    'Checking out the ref',
    '##[group]Run dtolnay/rust-toolchain@stable',
    'info: rust version 1.91.1 (ed61e7d7e 2026-11-07)',
    '##[endgroup]',
    '##[group]Run cargo fmt --all -- --check',
    '##[endgroup]',
    '##[group]Run cargo clippy --all-targets -- -D warnings',
    '    Checking kassa v0.6.3 (D:\\a\\kassa\\kassa)',
    '    Finished `dev` profile [unoptimized + debuginfo] target(s) in 3.02s',
    '##[endgroup]',
    '##[group]Run cargo test --all-targets',
    'cargo test --all-targets',
    'shell: C:\\Program Files\\PowerShell\\7\\pwsh.EXE -command ". \'{0}\'"',
    '##[endgroup]',
    '   Compiling kassa v0.6.3 (D:\\a\\kassa\\kassa)',
    '    Finished `test` profile [unoptimized + debuginfo] target(s) in 5.87s',
    '     Running unittests src\\lib.rs (target\\debug\\deps\\kassa-0c2b7f5d9e8a1b36.exe)',
    '',
    'running tests',
    'test tests::rounds_negative_half_to_even ... FAILED',
    '(… the other lib tests ok, cut …)',
    '',
    '     Running unittests src\\main.rs (target\\debug\\deps\\kassa-5a1e33f0c9d7b2e4.exe)',
    'running 0 tests',
    '',
    '     Running tests\\cli.rs (target\\debug\\deps\\cli-8f2d6c1a0b9e7354.exe)',
    '',
    'running 1 test',
    'test small_fixture ... FAILED',
    '',
    'failures:',
    '',
    '---- small_fixture stdout ----',
    '',
    "thread 'small_fixture' panicked at tests\\cli.rs:6:5:",
    'kassa failed on small.csv',
    'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
    '',
    '',
    'failures:',
    '    small_fixture',
    '',
    'error: test failed, to rerun pass `--test cli`',
    '##[error]Process completed with exit code 1.',
  ],
  300,
);

export const scenario = {
  name: 'rust-ci-paste-english',
  about:
    'held out: English user pasting long GitHub Actions logs, Rust crate with cargo fmt --check / cargo clippy -D warnings / cargo test; each CI failure reproduced locally first; #![allow(clippy::needless_return)] tried and reverted; numbered options answered "2"; rounding test left failing; no crate version bumps; one mid-way compaction, then a Windows CRLF failure reproduced with a CRLF copy of the fixture',
  requires: ['cargo', 'git', 'sed'],
  files: {
    '.gitignore': '/target\n',
    'Cargo.toml': CARGO_TOML,
    'CHANGELOG.md': '# Changelog\n\n## Unreleased\n\n## 0.6.3\n\n- `kassa` CLI prints rows and total.\n',
    'src/lib.rs': LIB_RS,
    'src/main.rs': MAIN_RS,
    'tests/cli.rs': CLI_TEST,
    'tests/fixtures/small.csv': 'date,payee,amount\n2026-10-01,rent,-850.00\n2026-10-02,salary,2400.00\n2026-10-03,coffee,-3.20\n2026-10-05,refund,12.50\n',
    'data/ledger.csv': LEDGER.csv,
    '.github/workflows/ci.yml':
      'name: ci\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: dtolnay/rust-toolchain@stable\n        with: { components: "rustfmt, clippy" }\n      - uses: Swatinem/rust-cache@v2\n      - run: cargo fmt --all -- --check\n      - run: cargo clippy --all-targets -- -D warnings\n      - run: cargo test --all-targets\n',
  },
  build(k, { edit }) {
    const fixCi = k.request('fix whatever CI is complaining about');
    const noBump = k.constraint("don't bump any crate versions");
    const noWorkflow = k.constraint('leave .github/workflows alone, that file is synced from our template repo');
    k.not('errors', 'Process completed with exit code 1', 'a line of the pasted CI log, not tool output');
    k.error('error: unneeded `return` statement', 'resolved');
    const allow = k.rejected('#![allow(clippy::needless_return)]', 'silencing the lint crate-wide would hide the next one too');
    k.error('called `Result::unwrap_err()` on an `Ok` value: 0', 'resolved');
    k.error('assertion `left == right` failed: -3.5 should round to -4', 'unresolved');
    k.file('src/lib.rs');
    const choice = k.decision(
      'AmountError::Empty plus skipping blank rows in main',
      'a blank amount is missing data, and counting it as 0.00 would hide it in the total',
      'keeping Ok(0) and rewriting the test',
    );
    k.file('src/main.rs');
    k.number(String(LEDGER.rows));
    k.number(String(LEDGER.blank));
    k.number(LEDGER.total);
    k.number('55');
    k.number('56');
    const leaveRounding = k.request('leave the rounding test failing, finance has to decide what -3.5 should be');
    k.not('errors', 'kassa failed on small.csv', 'only in the pasted Windows CI log');
    k.error('invalid amount "-850.00\\r"', 'resolved');
    const trim = k.decision(
      "trim_end_matches('\\r') in parse_amount",
      'the library is what breaks on a CRLF ledger, not just the CLI',
      'a .gitattributes rule forcing LF on the fixtures',
    );
    const changelog = k.request('add a line under Unreleased in CHANGELOG.md for the blank-amount change and the CRLF fix');
    k.file('CHANGELOG.md');
    k.lastRequest(changelog);
    k.check('cargo test', 'failing');
    k.check('cargo clippy', 'passing');
    k.check('cargo fmt', 'passing');
    k.not('rejected', choice.choice, 'the option that was chosen is not a dead end');
    k.not('constraints', leaveRounding, 'a request about one test, not a standing rule');

    const clippy = 'cargo clippy --all-targets -- -D warnings 2>&1 | tail -n 20';
    return [
      {
        user:
          `CI is red on main again, ${fixCi}. here's the log from the check job:\n\n\`\`\`\n${CI_ONE}\n\`\`\`\n\n` +
          `${noBump}, not even a patch bump of kassa itself, I do releases by hand. and ${noWorkflow}`,
        model: [
          [
            think(
              'The job stopped at the fmt step, so clippy and test never ran in CI. Reproduce fmt locally, then run the other two steps here before pushing anything.',
            ),
            bash('cargo fmt --all -- --check 2>&1 | head -n 20', 'Reproduce the fmt check'),
          ],
          [bash('cargo fmt --all && cargo fmt --all -- --check && echo fmt-clean', 'Format and re-check')],
          [think('fmt is clean. Now the step CI would have run next.'), bash(clippy, 'Run clippy like CI')],
          [
            think('needless_return at the end of parse_amount. Quick option: allow it at the crate root.'),
            edit(
              'src/lib.rs',
              '//! kassa: parse and sum ledger amounts, in cents.\n',
              '//! kassa: parse and sum ledger amounts, in cents.\n#![allow(clippy::needless_return)]\n',
            ),
          ],
          [bash('cargo clippy --all-targets -- -D warnings 2>&1 | tail -n 3', 'Clippy with the allow')],
          [
            think(`That passes but no: ${allow.why}. Revert it and drop the return instead.`),
            say(`Reverting the allow — ${allow.why}. Fixing the return instead.`),
            edit('src/lib.rs', '#![allow(clippy::needless_return)]\n', ''),
          ],
          [edit('src/lib.rs', '    return Ok(if neg { -cents } else { cents });\n', '    Ok(if neg { -cents } else { cents })\n')],
          [bash(clippy, 'Clippy again')],
          [think('Clippy clean. Tests next, the last CI step.'), bash('cargo test --all-targets 2>&1 | tail -n 30', 'Run the tests like CI')],
          [
            think(
              'Two failures. rounds_negative_half_to_even: -350 gives -3 because % truncates toward zero for negatives — a real bug, but which rounding finance wants is not my call. ' +
                'empty_amount_is_error: parse_amount("") returns Ok(0). The test wants an error, but the CLI relies on Ok(0): data/ledger.csv has blank amounts. Ask.',
            ),
            bash("grep -c ',$' data/ledger.csv", 'How many rows have a blank amount'),
          ],
          [
            say(
              'fmt and clippy are fixed locally (CI never got to clippy — it stopped at fmt). `cargo test` has two failures:\n\n' +
                '- `rounds_negative_half_to_even`: negative halves round the wrong way.\n- `empty_amount_is_error`: `parse_amount("")` gives `Ok(0)`, the test wants an error — and data/ledger.csv has blank amounts.\n\n' +
                'For the empty one, which do you want?\n\n1. Keep `Ok(0)` and change the test\n2. Make it an error, have the CLI skip those rows and say how many it skipped\n3. Make it an error and have the CLI stop at the first one',
            ),
          ],
        ],
      },
      {
        user: '2',
        model: [
          [
            think(`Option 2: ${choice.choice}. Better than ${choice.alternative}: ${choice.reason}. Reporting the skipped count keeps it visible.`),
            edit(
              'src/lib.rs',
              '    if s.is_empty() {\n        return Ok(0);\n    }\n',
              '    if s.is_empty() {\n        return Err(AmountError::Empty);\n    }\n',
            ),
          ],
          [
            edit(
              'src/main.rs',
              '            Err(e) => {\n',
              '            Err(kassa::AmountError::Empty) => {\n                skipped += 1;\n            }\n            Err(e) => {\n',
            ),
          ],
          [edit('src/main.rs', '    let mut total = 0i64;\n', '    let mut total = 0i64;\n    let mut skipped = 0;\n')],
          [edit('src/main.rs', '        "rows: {rows}, total: {}.{:02}",', '        "rows: {rows}, skipped: {skipped}, total: {}.{:02}",')],
          [bash('cargo test --all-targets 2>&1 | grep -E "^test result|FAILED|panicked"', 'Run the tests')],
          [bash('cargo run -q -- data/ledger.csv', 'Run the CLI on the ledger')],
          [bash('cargo fmt --all -- --check && ' + clippy, 'fmt + clippy again')],
          [
            say(
              'Done: blank amounts are now `AmountError::Empty`, and the CLI skips them and prints how many. fmt and clippy clean. Only `rounds_negative_half_to_even` still fails — do you want me to fix the rounding (floor division for negatives) or is that a product question?',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'kassa: CI stopped at fmt; fmt, clippy (needless return) and the empty-amount test fixed locally. One rounding test still failing.',
          intent: 'Fix what CI complains about. Do not bump any crate versions.',
          concepts: ['GitHub Actions', 'cargo fmt', 'clippy -D warnings', 'half-to-even rounding'],
          files: ['src/lib.rs: formatted, no trailing return, empty amount is an error', 'src/main.rs: skips blank amounts and counts them'],
          errors: [
            'fmt diff in total(); fixed',
            'clippy needless_return; fixed (an allow was tried and reverted)',
            'empty amount test; fixed (user picked option 2)',
            'negative rounding test still failing',
          ],
          solving: 'Reproduced each CI step locally before fixing.',
          messages: ['Fix CI; no version bumps', '2'],
          pending: ['Rounding test: ask the user'],
          current: 'Waiting on the rounding question.',
          next: 'Ask about rounding.',
        }),
      },
      {
        user: `ok pushed that. ${leaveRounding}. but now the windows job blows up on something else, ubuntu's fine apart from the rounding one:\n\n\`\`\`\n${CI_TWO}\n\`\`\`\n\nno idea what that is, works on my mac`,
        model: [
          [
            think(
              'Windows, and the checkout sets core.autocrlf true: the fixture gets CRLF line endings. main splits on \\n only, so the amount keeps a trailing \\r. Reproduce with a CRLF copy of the fixture.',
            ),
            bash(
              'cargo test --test cli 2>&1 | tail -n 3; sed \'s/$/\\r/\' tests/fixtures/small.csv > target/small-crlf.csv && cargo run -q -- target/small-crlf.csv; echo "exit $?"',
              'Reproduce with a CRLF fixture',
            ),
          ],
          [
            think(`Reproduced. Options: ${trim.alternative}, or ${trim.choice}. The first only fixes CI; ${trim.reason}. Trim it there.`),
            edit('src/lib.rs', "    let s = s.trim_matches(' ');\n", "    let s = s.trim_end_matches('\\r').trim_matches(' ');\n"),
          ],
          [
            bash(
              'cargo run -q -- target/small-crlf.csv && cargo test --all-targets 2>&1 | grep -E "^test result|FAILED"',
              'Re-run the CRLF copy and the tests',
            ),
          ],
          [bash('cargo fmt --all -- --check && ' + clippy + ' && git diff --stat', 'fmt, clippy, diff')],
          [
            say(
              'Windows failure reproduced here with a CRLF copy of the fixture: the amount kept a trailing `\\r`. `parse_amount` now strips it, so the CLI reads CRLF ledgers on any OS. fmt + clippy clean; `cargo test` fails only on the rounding test you want left as is. No version touched.',
            ),
          ],
        ],
      },
      {
        user: `great. last thing, ${changelog}`,
        model: [
          [
            edit(
              'CHANGELOG.md',
              '## Unreleased\n',
              '## Unreleased\n\n- Blank amounts are an error (`AmountError::Empty`); the CLI skips those rows and reports how many.\n- Amounts with a trailing carriage return (CRLF ledgers) now parse.\n',
            ),
          ],
          [bash('git diff --stat; grep -n "^version" Cargo.toml', 'Check the diff and the version')],
          [say('CHANGELOG updated under Unreleased. Cargo.toml still says 0.6.3.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'kassa: CI fixes done except the rounding test the user left; Windows CRLF fixed; CHANGELOG updated.',
          intent: 'Fix CI failures without bumping crate versions.',
          concepts: ['CRLF on Windows checkouts', 'clippy', 'cargo test'],
          files: ['src/lib.rs', 'src/main.rs', 'CHANGELOG.md'],
          errors: ['Windows job: trailing carriage return; fixed', 'Rounding test: still failing, left by the user'],
          solving: 'Reproduced the Windows failure with a CRLF copy of the fixture.',
          messages: ['Fix CI; no bumps', '2', 'Leave rounding; fix Windows', 'CHANGELOG line'],
          pending: ['Rounding test (finance)'],
          current: 'CHANGELOG updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
