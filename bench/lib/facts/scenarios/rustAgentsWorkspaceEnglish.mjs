// An English user who works through sub-agents (the Agent tool) on a two-crate Rust workspace: `core`
// (lib tally_core: line/word tallies, tag clean-up) and `cli` (the binary), tested one crate at a time
// with `cargo test -p core` and `cargo test -p cli`. The model thinks in most steps. A borrow-checker
// error (E0502) in core is fixed; a core test about tabs fails and is fixed after a closure split is
// tried and taken back; `cargo add regex` is refused; the cli's header test stays failing at the end
// (the header is the product owner's call). Three compactions. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const WORD_TESTS = Array.from({ length: 14 }, (_, i) => i + 1)
  .map((i) => `    #[test]\n    fn word_count_${i}() {\n        assert_eq!(tally(&"w ".repeat(${i})).words, ${i});\n    }\n`)
  .join('\n');

const LIB = `//! Line and word tallies. No unsafe anywhere.
#![forbid(unsafe_code)]
pub mod tags;

#[derive(Debug, Default, PartialEq)]
pub struct Tally {
    pub lines: usize,
    pub words: usize,
}

pub fn tally(text: &str) -> Tally {
    let mut t = Tally::default();
    for line in text.lines() {
        t.lines += 1;
        t.words += line.split(' ').filter(|w| !w.is_empty()).count();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

${WORD_TESTS}
    #[test]
    fn tabs_count_as_spaces() {
        assert_eq!(tally("a\\tb c").words, 3);
    }
}
`;

const TAGS = `/// Keeps the first tag once and drops its later repeats.
pub fn drop_repeats_of_first(tags: &mut Vec<String>) {
    if tags.is_empty() {
        return;
    }
    let first = &tags[0];
    let mut seen = false;
    tags.retain(|t| {
        if t == first {
            if seen {
                return false;
            }
            seen = true;
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_repeats() {
        let mut v: Vec<String> = ["a", "b", "a", "c", "a"].iter().map(|s| s.to_string()).collect();
        drop_repeats_of_first(&mut v);
        assert_eq!(v, ["a", "b", "c"]);
    }

    #[test]
    fn empty_is_fine() {
        let mut v: Vec<String> = Vec::new();
        drop_repeats_of_first(&mut v);
        assert!(v.is_empty());
    }
}
`;

const MAIN = `use std::io::Read;

use tally_core::{tally, Tally};

fn header() -> String {
    "lines\\twords".to_string()
}

fn render(t: &Tally) -> String {
    format!("{}\\n{}\\t{}", header(), t.lines, t.words)
}

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("read stdin");
    println!("{}", render(&tally(&text)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counts() {
        assert_eq!(render(&Tally { lines: 2, words: 5 }), "lines\\twords\\n2\\t5");
    }

    #[test]
    fn renders_zero() {
        assert_eq!(render(&Tally::default()), "lines\\twords\\n0\\t0");
    }

    #[test]
    fn empty_input() {
        assert_eq!(tally(""), Tally::default());
    }

    #[test]
    fn one_line() {
        assert_eq!(tally("x y").lines, 1);
    }

    #[test]
    fn header_matches_spec() {
        // spec/output.md: words first, then lines
        assert_eq!(header(), "words\\tlines");
    }
}
`;

// A sample text: lines of words separated by spaces and tabs.
const SAMPLE_LINES = [];
let seed = 77;
let sampleWords = 0;
for (let i = 0; i < 389; i++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  const n = 3 + (seed % 9);
  sampleWords += n;
  SAMPLE_LINES.push(Array.from({ length: n }, (_, j) => `w${(seed >> j) % 50}`).join(j0(i)));
}
function j0(i) {
  return i % 4 === 0 ? '\t' : ' ';
}
const SAMPLE = SAMPLE_LINES.join('\n') + '\n';

const FIRST_OLD = '    let first = &tags[0];\n';
const FIRST_NEW = '    let first = tags[0].clone();\n';
const EQ_OLD = '        if t == first {\n';
const EQ_NEW = '        if *t == first {\n';
const SPLIT_OLD = "        t.words += line.split(' ').filter(|w| !w.is_empty()).count();\n";
const SPLIT_CLOSURE = "        t.words += line.split(|c: char| c == ' ' || c == '\\t').filter(|w| !w.is_empty()).count();\n";
const SPLIT_NEW = '        t.words += line.split_whitespace().count();\n';

const agent = (description, prompt) => ({
  type: 'tool_use',
  name: 'Agent',
  input: { description, prompt, subagent_type: 'general-purpose', run_in_background: false },
});

export const scenario = {
  name: 'rust-agents-workspace-english',
  about:
    'held out: English user who delegates to sub-agents (Agent tool), Rust workspace with crates core and cli tested with cargo test -p core / -p cli, thinking in most steps; E0502 fixed, a core tabs test fixed after a closure split was taken back, cargo add regex refused, the cli header test left failing, three compactions',
  requires: ['cargo', 'git'],
  files: {
    '.gitignore': 'target/\n',
    'Cargo.toml': '[workspace]\nmembers = ["core", "cli"]\nresolver = "2"\n',
    'core/Cargo.toml': '[package]\nname = "core"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\nname = "tally_core"\n',
    'core/src/lib.rs': LIB,
    'core/src/tags.rs': TAGS,
    'cli/Cargo.toml': '[package]\nname = "cli"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ncore = { path = "../core" }\n',
    'cli/src/main.rs': MAIN,
    'samples/notes.txt': SAMPLE,
  },
  build(k, { edit, write }) {
    const greenReq = k.request('get cargo test -p core green first, then look at cli');
    const noUnsafe = k.constraint('no unsafe, anywhere, not even in tests');
    const noCrates = k.constraint('no new crates without asking me first');
    k.error('error[E0502]: cannot borrow `*tags` as mutable because it is also borrowed as immutable', 'resolved');
    const clone = k.decision(
      'clone the first tag before retain',
      'one String clone per call costs nothing and needs no unsafe',
      'an index loop with swap_remove',
    );
    k.file('core/src/tags.rs');
    k.error('panicked at core/src/lib.rs:96:9', 'resolved');
    const regexWords = k.refusal('nope, no regex. std can split on whitespace');
    const closure = k.rejected("split(|c: char| c == ' ' || c == '\\t')", 'it still misses \\r and the other Unicode spaces');
    const ws = k.decision('count words with the std whitespace splitter', 'it covers tabs, CR and Unicode spaces with no crate', 'a \\s+ regex');
    k.file('core/src/lib.rs');
    k.number('17 passed');
    const cliReq = k.request('now the cli crate, have an agent look at why it fails');
    k.error('panicked at cli/src/main.rs:46:9', 'unresolved');
    const leave = k.request('leave the header test red, Priya owns spec/output.md and decides the order');
    k.number('4 passed; 1 failed');
    const runReq = k.request('run the cli on samples/notes.txt and give me the counts');
    k.number(String(SAMPLE_LINES.length));
    k.number(String(sampleWords));
    k.file('cli/src/main.rs');
    const readmeReq = k.request('add a short README with the two test commands');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('cargo test -p core', 'passing');
    k.check('cargo test -p cli', 'failing');
    k.not('constraints', greenReq, 'a request, not a rule');
    k.not('decisions', closure.what, 'tried and taken back');
    k.not('rejected', ws.choice, 'the split that was kept');
    k.not('errors', 'std can split on whitespace', "the user's refusal is not a tool error");
    void leave;

    const add = 'cargo add regex -p core';
    const core = 'cargo test -p core 2>&1 | tail -n 25';

    return [
      {
        user: `workspace is broken, ${greenReq}. use agents for the digging, I want your context clean. rules: ${noUnsafe}; ${noCrates}.`,
        model: [
          [think('Start with the core crate as asked.'), bash(core, 'Test core')],
          [
            think('E0502 in tags.rs: `first` borrows tags while retain wants it mutably. Before changing the signature, have an agent check every caller.'),
            agent(
              'Find drop_repeats_of_first callers',
              'In this Rust workspace, list every call of drop_repeats_of_first (file:line) and whether the caller relies on the first tag being borrowed. Do not edit anything.',
            ),
          ],
          [think('Subagent: grep the workspace.'), bash("grep -rn 'drop_repeats_of_first' --include='*.rs' .", 'Find callers')],
          [say('Only core/src/tags.rs uses it: the definition and its two tests. No caller outside the crate, nothing depends on the borrow.')],
          [
            think(
              `No outside callers. Options: ${clone.alternative}, or ${clone.choice}. I'll ${clone.choice}: ${clone.reason}; the swap_remove loop would also reorder the tags.`,
            ),
            edit('core/src/tags.rs', FIRST_OLD, FIRST_NEW),
          ],
          [edit('core/src/tags.rs', EQ_OLD, EQ_NEW)],
          [bash(core, 'Test core')],
          [think('Now tabs_count_as_spaces: split(\' \') treats "a\\tb" as one word. The regex crate would make this \\s+.'), bash(add, 'Add regex to core')],
          [think('Refused — fine. Split on space or tab with a closure.'), edit('core/src/lib.rs', SPLIT_OLD, SPLIT_CLOSURE)],
          [bash("cargo test -p core 2>&1 | grep 'test result'", 'Test core')],
          [
            think(`Passes, but ${closure.why}. Better: ${ws.choice} (split_whitespace), because ${ws.reason}, rather than ${ws.alternative}.`),
            edit('core/src/lib.rs', SPLIT_CLOSURE, SPLIT_NEW),
          ],
          [bash("cargo test -p core 2>&1 | grep -E '^test result|FAILED|panicked'", 'Test core')],
          [
            say(
              "core is green:\n- E0502 in `tags.rs`: the first tag is cloned before `retain` (no callers outside the crate, checked by an agent)\n- tabs: `split_whitespace()` instead of `split(' ')`, no new crate\n\nReady for cli.",
            ),
          ],
        ],
        refuse: { [add]: regexWords },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Rust workspace with core and cli. core fixed: borrow error and word splitting.',
          intent: 'Make core tests pass, then cli. No unsafe, no new crates without asking.',
          concepts: ['Cargo workspace, -p per crate', 'borrow checker', 'split_whitespace'],
          files: ['core/src/tags.rs: clone before retain', 'core/src/lib.rs: split_whitespace'],
          errors: ['Borrow error in tags.rs fixed', 'Tabs test fixed'],
          solving: 'The regex crate was refused.',
          messages: ['Fix core first; use agents; no unsafe; no new crates', 'Refused regex'],
          pending: ['cli crate'],
          current: 'core passes.',
          next: 'Look at the cli crate.',
        }),
      },
      {
        user: `nice. ${cliReq}.`,
        model: [
          [
            think('Delegate the cli failure analysis, as the user prefers.'),
            agent(
              'Diagnose cli test failure',
              'Run cargo test -p cli in this workspace and report which tests fail and why, quoting the assertion. Do not edit anything.',
            ),
          ],
          [bash('cargo test -p cli 2>&1 | tail -n 20', 'Test cli')],
          [
            say(
              'One failure: header_matches_spec expects the header "words\\tlines" (per a comment pointing at spec/output.md) but header() returns "lines\\twords". The other four cli tests pass. spec/output.md does not exist in the repo.',
            ),
          ],
          [
            think('The agent says the spec file is missing. Do not guess the order; ask.'),
            say(
              '`header_matches_spec` wants words before lines; the code prints lines first, and spec/output.md is not in the repo. Should I flip the header (and the two render tests), or is the test wrong?',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'cli has one failing test about the header order.',
          intent: 'Fix cli after core.',
          concepts: ['header order'],
          files: [],
          errors: ['cli header test fails'],
          solving: 'Asked the user which order is right.',
          messages: ['Look at cli with an agent'],
          pending: ['header order decision'],
          current: 'Waiting for the answer.',
          next: 'Apply the user answer.',
        }),
      },
      {
        user: `${leave}. meanwhile ${runReq}`,
        model: [
          [bash('cargo run -q -p cli < samples/notes.txt', 'Run cli on the sample')],
          [bash("cargo test -p cli 2>&1 | grep -E '^test result|panicked'; cargo test -p core 2>&1 | grep '^test result' | head -n 1", 'Both crates')],
          [
            say(
              `Counts for samples/notes.txt are above (tabs counted as separators now). cli stays at one failing test (header_matches_spec) until Priya decides; core passes.`,
            ),
          ],
        ],
      },
      {
        user: `${readmeReq}, and put a doc comment on header() saying the order is pending`,
        model: [
          [
            think('README plus a doc comment; no code change to the order.'),
            write(
              'README.md',
              '# tally\n\nWorkspace: `core` (lib `tally_core`) and `cli`.\n\n## Tests\n\n    cargo test -p core\n    cargo test -p cli\n\n' +
                '`header_matches_spec` in cli fails until the header order in spec/output.md is decided.\n',
            ),
          ],
          [
            edit(
              'cli/src/main.rs',
              'fn header() -> String {\n',
              '/// Header row. The order (lines/words) is pending: see header_matches_spec.\nfn header() -> String {\n',
            ),
          ],
          [bash("cargo test -p cli 2>&1 | grep '^test result'", 'Test cli')],
          [say('README added with both test commands; header() has a doc comment saying the order is pending. cli: still the one header test failing.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Workspace state: core green, cli has the header test failing on purpose until the owner decides.',
          intent: 'Keep core green, leave the cli header test, document the test commands.',
          concepts: ['cargo test -p per crate', 'sub-agents for digging'],
          files: ['README.md: test commands', 'cli/src/main.rs: doc comment on header()'],
          errors: ['cli header test still fails (waiting for the spec owner)'],
          solving: 'Counted the sample file with the cli.',
          messages: ['Leave the header test; run cli on the sample', 'README and doc comment'],
          pending: ['header order decision by Priya'],
          current: 'README written.',
          next: 'None until the header order is decided.',
        }),
      },
    ];
  },
};
