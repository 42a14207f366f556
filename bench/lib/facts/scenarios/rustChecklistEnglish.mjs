// An English user who writes every message as a numbered checklist and ticks the previous one off
// ("1. done 2. still broken ..."), on a std-only Rust library, ringstat (rolling statistics over a ring
// buffer), checked with `cargo test` and `cargo fmt --check`. Thinking in English. `cargo fmt --check`
// fails in CI; `#[rustfmt::skip]` on the impl is tried and taken out, then `cargo fmt`. A doc-test whose
// expected mean is wrong fails and is fixed; a new variance() first fails with `error[E0308]: mismatched
// types` (Option<f64> into f64); the user ticks "still broken" for NaN on one sample; a known failing
// test (#41, max_forgets_evicted) is left failing on the user's word. `cargo add --dev criterion` is
// refused; numbers from "test result: ok. 112 passed" and the example bench's line (tee'd under target/,
// read back at scoring). One /compact at the end. Written as a held-out scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const LIB_RS =
  '//! ringstat: rolling statistics over the last `cap` samples.\n//!\n//! ```\n//! use ringstat::Ring;\n//!\n//! let mut r = Ring::new(3);\n//! for x in [1.0, 2.0, 3.0, 4.0] {\n//!     r.push(x);\n//! }\n//! // the window now holds 2, 3, 4\n//! assert_eq!(r.len(), 3);\n//! assert_eq!(r.mean(), Some(2.0));\n//! ```\n\n/// Capacities the CLI front-ends offer.\npub const CAPACITIES: [usize; 4] = [16, 64, 256, 1024];\n\n/// A fixed-capacity ring of `f64` samples; pushing into a full ring evicts the oldest.\n#[derive(Debug, Clone)]\npub struct Ring {\n    buf: Vec<f64>,\n    cap: usize,\n    head: usize,\n    max: f64,\n}\n\nimpl Ring {\n    /// A ring holding at most `cap` samples. Panics if `cap` is 0.\n    pub fn new(cap: usize) -> Ring {\n        assert!(cap > 0, "capacity must be positive");\n        Ring { buf: Vec::with_capacity(cap), cap, head: 0, max: f64::NEG_INFINITY }\n    }\n\n    /// Adds a sample, evicting the oldest one when the ring is full.\n    pub fn push(&mut self, x: f64) {\n        if self.buf.len() < self.cap {\n            self.buf.push(x);\n        } else {\n            self.buf[self.head] = x;\n        }\n        self.head = (self.head + 1) % self.cap;\n        self.max = self.max.max(x);\n    }\n\n    pub fn len(&self) -> usize {\n        self.buf.len()\n    }\n\n    pub fn is_empty(&self) -> bool {\n        self.buf.is_empty()\n    }\n\n    pub fn capacity(&self) -> usize {\n        self.cap\n    }\n\n    /// Mean of the samples in the window, `None` when empty.\n    pub fn mean(&self) -> Option<f64> {\n        if self.buf.is_empty() {\n            return None;\n        }\n        Some(self.buf.iter().sum::<f64>() / self.buf.len() as f64)\n    }\n\n    /// Largest sample seen, `None` when empty.\n    pub fn max(&self) -> Option<f64> {\n        if self.buf.is_empty() { None } else { Some(self.max) }\n    }\n\n    /// The samples in the window, in storage order.\n    pub fn iter(&self) -> impl Iterator<Item = &f64> + \'_ {\n        self.buf.iter()\n    }\n}\n';

const RING_RS =
  'use ringstat::Ring;\n\n#[test]\nfn empty_ring_has_no_stats() {\n    let r = Ring::new(4);\n    assert!(r.is_empty());\n    assert_eq!(r.mean(), None);\n    assert_eq!(r.max(), None);\n}\n\n#[test]\nfn evicts_oldest() {\n    let mut r = Ring::new(2);\n    r.push(1.0);\n    r.push(2.0);\n    r.push(3.0);\n    let mut v: Vec<f64> = r.iter().copied().collect();\n    v.sort_by(|a, b| a.partial_cmp(b).unwrap());\n    assert_eq!(v, vec![2.0, 3.0]);\n}\n\n#[test]\nfn capacity_is_kept() {\n    assert_eq!(Ring::new(7).capacity(), 7);\n}\n\n// #41: max() still reports a sample that has been evicted\n#[test]\nfn max_forgets_evicted() {\n    let mut r = Ring::new(2);\n    r.push(9.0);\n    r.push(1.0);\n    r.push(2.0);\n    assert_eq!(r.max(), Some(2.0));\n}\n';

const WINDOW_RS =
  'use ringstat::Ring;\n\nmacro_rules! window_mean {\n    ($($name:ident: $cap:expr, [$($x:expr),*] => $mean:expr;)*) => {\n        $(\n            #[test]\n            fn $name() {\n                let mut r = Ring::new($cap);\n                $(r.push($x);)*\n                let m = r.mean().unwrap();\n                assert!((m - $mean).abs() < 1e-9, "mean {} != {}", m, $mean);\n            }\n        )*\n    };\n}\n\n// generated from fixtures/window_cases.csv (scripts/gen_cases.py)\nwindow_mean! {\n    case_000: 2, [-14.0, 26.0, 5.0, 10.0, -11.0] => -0.5;\n    case_001: 1, [-19.0, 5.0] => 5.0;\n    case_002: 5, [31.0, 28.0, -17.0, -6.0, 13.0] => 9.8;\n    case_003: 5, [-3.0, 29.0, -9.0, 32.0, -14.0, -4.0] => 6.8;\n    case_004: 2, [33.0] => 33.0;\n    case_005: 8, [31.0, -3.0, -8.0, -10.0, -1.0] => 1.8;\n    case_006: 3, [35.0, 26.0, 34.0, 34.0, 36.0, 3.0, -15.0, 34.0, 18.0, 1.0, 22.0] => 13.666666666666666;\n    case_007: 4, [-5.0, -9.0, -5.0, 10.0, -3.0, -15.0, 40.0, 39.0, 32.0] => 24.0;\n    case_008: 5, [-20.0, 38.0, -2.0, 16.0, 25.0] => 11.4;\n    case_009: 3, [-8.0, 6.0, 7.0, 18.0, -2.0, 7.0, 8.0, -10.0, -6.0] => -2.6666666666666665;\n    case_010: 3, [32.0, 31.0, -18.0, -15.0, -18.0] => -17.0;\n    case_011: 4, [-3.0, 13.0, 14.0, 21.0, 10.0, 24.0, 1.0, -11.0, 23.0, -8.0, -16.0] => -3.0;\n    case_012: 4, [20.0, 20.0, 8.0, -3.0] => 11.25;\n    case_013: 2, [7.0, 27.0, 17.0, 0.0, 20.0, 15.0] => 17.5;\n    case_014: 2, [-14.0, 33.0, -17.0, 25.0, -6.0, -3.0] => -4.5;\n    case_015: 5, [35.0, -5.0, -13.0, 1.0, 39.0, -9.0, -2.0, 9.0, -19.0, -18.0] => -7.8;\n    case_016: 3, [-15.0, 37.0, -2.0, 27.0, 23.0, 0.0, -19.0, 0.0, -2.0, 0.0, -11.0, 29.0] => 6.0;\n    case_017: 8, [35.0, 40.0, 35.0, 19.0, 23.0, 32.0, -16.0] => 24.0;\n    case_018: 3, [-8.0, 37.0, 8.0, -2.0, -12.0, -4.0, 4.0, 18.0, -10.0, 1.0] => 3.0;\n    case_019: 5, [3.0] => 3.0;\n    case_020: 1, [-10.0, 3.0, 30.0, 31.0, 3.0, -2.0, 16.0, -14.0] => -14.0;\n    case_021: 4, [7.0, 38.0, -7.0, -13.0] => 6.25;\n    case_022: 1, [-17.0] => -17.0;\n    case_023: 8, [18.0, 23.0, -11.0] => 10.0;\n    case_024: 5, [14.0] => 14.0;\n    case_025: 4, [-5.0, 0.0, -18.0, -13.0, 33.0, 13.0, -2.0, 29.0, 6.0, 21.0] => 13.5;\n    case_026: 2, [-8.0, -5.0, 8.0, 6.0, 11.0, -18.0, -6.0, 6.0] => 0.0;\n    case_027: 4, [21.0, 36.0, 7.0, 33.0] => 24.25;\n    case_028: 2, [-8.0, -18.0, -18.0, -4.0, -4.0, -5.0, 13.0, -7.0] => 3.0;\n    case_029: 2, [35.0, -4.0, -11.0, 0.0, -17.0, 37.0, 39.0] => 38.0;\n    case_030: 3, [-13.0, 16.0, 5.0, 37.0, 21.0, 21.0, 35.0, 30.0, 25.0, 27.0] => 27.333333333333332;\n    case_031: 1, [4.0, -15.0, 7.0, -7.0, 39.0, 35.0, 16.0, 37.0] => 37.0;\n    case_032: 2, [-2.0, 22.0, 10.0, 31.0, 37.0, 21.0] => 29.0;\n    case_033: 3, [13.0, -7.0, 21.0, 31.0, 23.0, 31.0, -3.0] => 17.0;\n    case_034: 3, [11.0, -16.0, 34.0, -3.0, 20.0, 22.0, -8.0] => 11.333333333333334;\n    case_035: 1, [37.0, 19.0, -12.0, 29.0, -3.0, 22.0, 34.0] => 34.0;\n    case_036: 1, [24.0, 20.0, 9.0] => 9.0;\n    case_037: 5, [27.0, 5.0, 39.0, 4.0, -7.0, 31.0, -20.0, -7.0] => 0.2;\n    case_038: 2, [19.0] => 19.0;\n    case_039: 3, [5.0, 31.0] => 18.0;\n    case_040: 4, [15.0, -17.0, 36.0, 40.0] => 18.5;\n    case_041: 2, [22.0, 18.0, 1.0] => 9.5;\n    case_042: 5, [38.0, 13.0, 8.0, -19.0, -15.0, -18.0, 24.0, 18.0] => -2.0;\n    case_043: 1, [15.0, 35.0, -4.0, 18.0, 29.0, -12.0, -18.0, 3.0] => 3.0;\n    case_044: 1, [37.0, -20.0, -1.0, 33.0, 2.0, 32.0, -16.0, -15.0, 14.0] => 14.0;\n    case_045: 4, [-7.0, 30.0, -1.0, 4.0, -6.0, 28.0, 11.0] => 9.25;\n    case_046: 4, [-16.0, -13.0] => -14.5;\n    case_047: 5, [12.0, 7.0, 6.0, 34.0, 25.0, 29.0] => 20.2;\n    case_048: 4, [20.0, 36.0] => 28.0;\n    case_049: 2, [-1.0, 39.0, 33.0, 10.0, 7.0, -13.0, 31.0, 15.0, -10.0, 3.0, 35.0] => 19.0;\n    case_050: 2, [25.0, -11.0, 0.0] => -5.5;\n    case_051: 4, [-4.0, 14.0, 37.0, -20.0, 25.0, -10.0] => 8.0;\n    case_052: 1, [-1.0, -13.0, 14.0, -13.0, 11.0, 30.0, 25.0, 18.0, 10.0, 13.0, -16.0] => -16.0;\n    case_053: 5, [6.0, 34.0, -2.0, 2.0] => 10.0;\n    case_054: 2, [35.0, 20.0, -20.0] => 0.0;\n    case_055: 8, [19.0] => 19.0;\n    case_056: 3, [38.0, 38.0, 9.0, 30.0, 38.0, 16.0, -1.0, 39.0, 35.0] => 24.333333333333332;\n    case_057: 5, [19.0, 19.0, 8.0, 5.0, -11.0, -4.0, 29.0, 18.0] => 7.4;\n    case_058: 3, [1.0, -12.0, 7.0, -15.0, 18.0, -11.0, 23.0, 31.0, 19.0, -9.0, -2.0] => 2.6666666666666665;\n    case_059: 3, [16.0, 30.0, 2.0, 23.0] => 18.333333333333332;\n    case_060: 5, [-16.0, 5.0] => -5.5;\n    case_061: 8, [1.0, 21.0, 3.0] => 8.333333333333334;\n    case_062: 3, [-1.0, 36.0, -19.0] => 5.333333333333333;\n    case_063: 5, [13.0] => 13.0;\n    case_064: 1, [31.0, 32.0, -14.0, -10.0, -9.0, 17.0] => 17.0;\n    case_065: 4, [16.0, 40.0, -16.0, 28.0, 39.0, -13.0, -9.0, 21.0, 10.0, 23.0, 36.0] => 22.5;\n    case_066: 8, [19.0, 30.0, 33.0, 22.0] => 26.0;\n    case_067: 3, [5.0, 36.0, 18.0, -5.0, 37.0, 11.0, 25.0, -6.0, -1.0, 3.0, -6.0, 27.0] => 8.0;\n    case_068: 3, [20.0, 13.0, 8.0, 37.0, 31.0, 5.0, 12.0, 5.0, 32.0] => 16.333333333333332;\n    case_069: 3, [8.0, 6.0, 17.0, -20.0, -4.0] => -2.3333333333333335;\n    case_070: 2, [9.0, 24.0, 15.0, 19.0, 32.0, 3.0, 5.0, 40.0, 4.0] => 22.0;\n    case_071: 5, [-11.0] => -11.0;\n    case_072: 5, [9.0, 20.0] => 14.5;\n    case_073: 3, [30.0, -1.0, 38.0, -15.0, 28.0, -4.0, 10.0, -6.0, 20.0, 39.0] => 17.666666666666668;\n    case_074: 4, [29.0, -16.0, -11.0, 39.0, -5.0, -16.0, -1.0, -12.0, 40.0, -17.0] => 2.5;\n    case_075: 2, [30.0, 17.0, 23.0, 19.0, 15.0, 25.0, 14.0] => 19.5;\n    case_076: 3, [13.0] => 13.0;\n    case_077: 2, [28.0, -14.0, -7.0] => -10.5;\n    case_078: 1, [-15.0, -13.0, -3.0, -17.0, 36.0, 21.0] => 21.0;\n    case_079: 3, [36.0, 20.0, 24.0, -9.0, 26.0, -11.0, 21.0, 6.0, 40.0, -12.0] => 11.333333333333334;\n    case_080: 8, [-15.0, 15.0, 3.0, 24.0, -20.0, 26.0, 36.0, 15.0, -11.0, 12.0, 6.0, -11.0] => 6.625;\n    case_081: 2, [10.0, 12.0, -16.0, 4.0, -10.0] => -3.0;\n    case_082: 2, [12.0, 5.0, 14.0, 23.0, -1.0] => 11.0;\n    case_083: 4, [-10.0, 4.0, -17.0, 7.0, -19.0, -3.0] => -8.0;\n    case_084: 8, [-1.0] => -1.0;\n    case_085: 2, [-10.0, -13.0] => -11.5;\n    case_086: 5, [-6.0] => -6.0;\n    case_087: 2, [-20.0, 10.0, 38.0, 25.0, 14.0, -9.0, 36.0, 32.0, 8.0] => 20.0;\n    case_088: 8, [35.0, 38.0, 23.0, 39.0, 24.0, 4.0, 1.0, 34.0, -9.0, 33.0, 13.0, 17.0] => 14.625;\n    case_089: 2, [10.0, 19.0] => 14.5;\n    case_090: 3, [39.0, 21.0, 33.0, 37.0, 6.0] => 25.333333333333332;\n    case_091: 5, [-18.0, 32.0, 20.0, -7.0, -4.0, 17.0, 34.0, 31.0, 22.0, 17.0, -1.0, 30.0] => 19.8;\n    case_092: 4, [33.0, 1.0, 31.0, 33.0, -15.0, 37.0, -5.0, 37.0, 0.0, 36.0, -14.0] => 14.75;\n    case_093: 8, [-18.0, 18.0, 0.0, 13.0, 10.0, 2.0, 39.0, -15.0, -9.0, 25.0, -18.0, 11.0] => 5.625;\n    case_094: 5, [32.0, 18.0, 25.0, -5.0, -18.0, -8.0, 23.0, -16.0, 1.0] => -3.6;\n    case_095: 5, [24.0, -1.0, -13.0] => 3.3333333333333335;\n    case_096: 5, [33.0, -20.0, -16.0, 34.0, -6.0, 19.0, -3.0, 19.0, -19.0] => 2.0;\n    case_097: 8, [-20.0] => -20.0;\n    case_098: 4, [-11.0, -7.0, 3.0, -5.0, 36.0, 27.0, 27.0, 2.0, 32.0, -1.0, 34.0, 4.0] => 17.25;\n    case_099: 8, [5.0, -18.0, -9.0, 6.0, 11.0, -16.0, 28.0, 12.0, 35.0, 12.0] => 9.875;\n    case_100: 3, [24.0, -2.0, 30.0, -7.0, 25.0, 25.0, 7.0, 0.0, -9.0] => -0.6666666666666666;\n    case_101: 2, [10.0] => 10.0;\n    case_102: 4, [1.0, 28.0, 38.0, 6.0, 40.0] => 28.0;\n    case_103: 8, [0.0, 28.0, 19.0, -7.0, -4.0, -3.0, 12.0] => 6.428571428571429;\n    case_104: 1, [5.0] => 5.0;\n    case_105: 3, [-2.0, 23.0, 38.0, 21.0, -12.0, 19.0, 28.0, 0.0, -15.0, 39.0] => 8.0;\n    case_106: 2, [-15.0, 24.0, -7.0, 39.0, 39.0, -4.0, 22.0, -7.0, 36.0, 21.0] => 28.5;\n    case_107: 4, [21.0, 1.0] => 11.0;\n    case_108: 1, [16.0, -7.0, -10.0, -15.0, -5.0, 13.0, 33.0, -14.0] => -14.0;\n    case_109: 1, [-2.0, 35.0, 16.0, 17.0, 22.0, -11.0] => -11.0;\n    case_110: 8, [22.0, 34.0] => 28.0;\n    case_111: 2, [27.0, -19.0, 28.0, 29.0, 31.0, -9.0, 23.0, -7.0, -4.0, -18.0, 17.0, 0.0] => 8.5;\n}\n';

const BENCH_RS =
  '//! cargo run --release --example bench\nuse ringstat::Ring;\nuse std::time::Instant;\n\nfn main() {\n    const N: usize = 5_000_000;\n    let mut r = Ring::new(1024);\n    let mut acc = 0.0;\n    let t = Instant::now();\n    for i in 0..N {\n        r.push((i % 977) as f64 * 0.5);\n        if i % 1000 == 0 {\n            acc += r.mean().unwrap_or(0.0);\n        }\n    }\n    let ms = t.elapsed().as_secs_f64() * 1000.0;\n    eprintln!("(checksum {acc:.1})");\n    println!(\n        "push+mean: {N} samples in {ms:.1} ms ({:.2} ns/sample)",\n        ms * 1e6 / N as f64\n    );\n}\n';

const CARGO_TOML =
  '[package]\nname = "ringstat"\nversion = "0.3.2"\nedition = "2021"\ndescription = "Rolling statistics over the last N samples"\nlicense = "MIT"\n\n[dependencies]\n';
const CARGO_LOCK =
  '# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n\n[[package]]\nname = "ringstat"\nversion = "0.3.2"\n';

const VARIANCE_RS = `use ringstat::Ring;

#[test]
fn variance_of_known_window() {
    let mut r = Ring::new(4);
    for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
        r.push(x);
    }
    // window: 5, 5, 7, 9 -> mean 6.5, sample variance 11/3
    let v = r.variance().unwrap();
    assert!((v - 11.0 / 3.0).abs() < 1e-12, "variance {v}");
}

#[test]
fn empty_has_no_variance() {
    assert_eq!(Ring::new(3).variance(), None);
}
`;

/** A number from the example bench's line the session tee'd under target/. */
function benchValue(project, re) {
  const path = join(project, 'target/bench.txt');
  if (!existsSync(path)) return `target/bench.txt: ${re.source} (not generated yet)`;
  const match = re.exec(readFileSync(path, 'utf8'));
  return match ? match[1] : `target/bench.txt: no ${re.source}`;
}

export const scenario = {
  name: 'rust-checklist-english',
  about:
    'held out: English user who writes numbered checklists and ticks them off ("1. done 2. still broken"), std-only Rust library with cargo test and cargo fmt --check; thinking; fmt check failing then fixed after #[rustfmt::skip] is tried and removed; a wrong doc-test fixed; error[E0308] mismatched types fixed; NaN for one sample reported still broken and fixed; a known #41 test left failing; cargo add --dev criterion refused; test result counts and the bench line (tee\'d, read back); one final /compact',
  requires: ['cargo', 'rustfmt', 'git', 'tee', 'grep', 'tail', 'head'],
  files: {
    '.gitignore': '/target\n',
    'Cargo.toml': CARGO_TOML,
    'Cargo.lock': CARGO_LOCK,
    'src/lib.rs': LIB_RS,
    'tests/ring.rs': RING_RS,
    'tests/window.rs': WINDOW_RS,
    'examples/bench.rs': BENCH_RS,
  },
  build(k, { project, edit, write }) {
    const fmt = k.request('cargo fmt --check is failing in CI, fix');
    const variance = k.request('add variance() to Ring');
    const doc = k.request('the doc test in lib.rs fails, fix it');
    const api = k.constraint('keep the public API unchanged');
    const deps = k.constraint('no new dependencies');
    const skip = k.rejected('#[rustfmt::skip]', 'it only hides the impl from rustfmt');
    k.error('panicked at tests/ring.rs:34:5', 'unresolved');
    k.error('panicked at src/lib.rs:13:1', 'resolved');
    k.number('112');
    const twoPass = k.decision('two passes over the window inside variance()', 'push() stays untouched', "Welford's running update in push()");
    k.error('error[E0308]: mismatched types', 'resolved');
    k.file('src/lib.rs');
    k.file('tests/variance.rs');
    const nan = k.request('one push gives NaN from variance(), should be None');
    const none = k.decision('return None below 2 samples', 'the n-1 sample variance is undefined for a single sample', 'Some(0.0)');
    const bench = k.request('run the example bench in release and give me ns/sample');
    const refusal = k.refusal('no. no new deps, dev ones included. the example is fine');
    k.number(benchValue(project, /in ([\d.]+) ms/));
    k.number(benchValue(project, /\(([\d.]+) ns\/sample\)/));
    const changelog = k.request('CHANGELOG entry for 0.4');
    k.file('CHANGELOG.md');
    k.lastRequest(changelog);
    k.check('cargo fmt --check', 'passing');
    k.check('cargo test', 'failing');
    k.not('rejected', twoPass.choice, 'the design that was kept is not a dead end');
    k.not('decisions', skip.what, 'tried and taken out: a rejected approach');
    k.not('errors', 'dev ones included', "a user's refusal is not a tool error");
    k.not('constraints', bench, 'a request is not a standing rule');
    k.not('rejected', twoPass.alternative, 'an alternative weighed in thinking, never tried');

    const summaryLines = 'cargo test --no-fail-fast 2>&1 | grep -E "Running|Doc-tests|test result|panicked|left:|right:"';
    const criterion = 'cargo add --dev criterion';

    return [
      {
        user:
          `few things for ringstat before I cut 0.4:\n\n1. ${fmt}\n2. ${variance} (sample variance, n-1)\n3. ${doc}\n` +
          `4. ignore max_forgets_evicted, thats #41, known\n\n${api}, other crates pin against it. and ${deps}`,
        model: [
          [think('Start with the fmt check to see how big the diff is.'), bash('cargo fmt --check 2>&1 | head -n 40', 'Check formatting')],
          [
            think('Both hunks are inside impl Ring. Quickest way to get CI green would be to tell rustfmt to leave the impl alone.'),
            edit('src/lib.rs', 'impl Ring {\n', '#[rustfmt::skip]\nimpl Ring {\n'),
          ],
          [think(''), bash('cargo fmt --check && echo "fmt ok"', 'Check formatting again')],
          [
            think(
              'Green, but that is cheating: #[rustfmt::skip] only hides the impl from rustfmt, so nothing inside it gets formatted from now on and ' +
                'the next diff there is unformatted forever. Take it out and format properly; it is two hunks.',
            ),
            say(`Backing that out: ${skip.why}, it doesn't format anything. Running \`cargo fmt\` for real.`),
            edit('src/lib.rs', '#[rustfmt::skip]\nimpl Ring {\n', 'impl Ring {\n'),
          ],
          [think(''), bash('cargo fmt && cargo fmt --check; echo "fmt exit $?"', 'Format and re-check')],
          [think('Now the whole test run, no fail-fast so every target reports.'), bash(summaryLines, 'Run all tests')],
          [
            think(
              'ring: max_forgets_evicted is #41, leave it. Doc-test: cap 3 after pushing 1,2,3,4 holds 2,3,4 so the mean is 3.0; ' +
                'the example asserts Some(2.0). The example is wrong, not mean().',
            ),
            edit('src/lib.rs', '//! assert_eq!(r.mean(), Some(2.0));\n', '//! assert_eq!(r.mean(), Some(3.0));\n'),
          ],
          [think(''), bash('cargo test --doc 2>&1 | tail -n 4', 'Run the doc-tests')],
          [
            think(
              'variance(): either keep running sums in push() (Welford) or compute it from the window when asked.\n' +
                '- Welford with eviction needs a remove step, which drifts, and it adds fields to Ring\n' +
                '- two passes over at most cap samples\n\n' +
                `Going with ${twoPass.choice} rather than ${twoPass.alternative}: ${twoPass.reason}, nothing in the struct changes, and the public API only gains a method.`,
            ),
            edit(
              'src/lib.rs',
              '    /// Largest sample seen, `None` when empty.\n',
              '    /// Sample variance (n - 1) of the window, `None` when empty.\n    pub fn variance(&self) -> Option<f64> {\n' +
                '        if self.buf.is_empty() {\n            return None;\n        }\n        let mean: f64 = self.mean();\n' +
                '        let ss: f64 = self.buf.iter().map(|x| (x - mean) * (x - mean)).sum();\n' +
                '        Some(ss / (self.buf.len() - 1) as f64)\n    }\n\n    /// Largest sample seen, `None` when empty.\n',
            ),
          ],
          [think(''), bash('cargo build 2>&1 | head -n 20', 'Build')],
          [
            think('mean() returns Option<f64>; we already know it is non-empty, ? is enough.'),
            edit('src/lib.rs', 'let mean: f64 = self.mean();', 'let mean = self.mean()?;'),
          ],
          [think(''), write('tests/variance.rs', VARIANCE_RS)],
          [think(''), bash('cargo test --no-fail-fast 2>&1 | grep -E "Running|Doc-tests|test result"', 'Run all tests')],
          [
            think(''),
            say(
              '1. done, `cargo fmt --check` is clean (plain `cargo fmt`, no skip attributes)\n' +
                '2. done, `Ring::variance() -> Option<f64>`, sample variance; tests in `tests/variance.rs`\n' +
                '3. done, the example expected the wrong mean: the window after 1,2,3,4 with cap 3 is 2,3,4\n' +
                '4. untouched, `tests/ring.rs` still fails on max_forgets_evicted (#41)\n\nNo existing signature changed.',
            ),
          ],
        ],
      },
      {
        user: `1. done\n2. still broken, Ring::new(4) with ${nan}\n3. done\n4. ok\n5. ${bench}`,
        refuse: { [criterion]: refusal },
        model: [
          [
            think(
              `With one sample, n - 1 is 0 and ss is 0: 0/0 = NaN. ${none.choice} instead of ${none.alternative}: ${none.reason}, and NaN leaks into every caller's sums.`,
            ),
            edit(
              'src/lib.rs',
              '        if self.buf.is_empty() {\n            return None;\n        }\n        let mean = self.mean()?;',
              '        if self.buf.len() < 2 {\n            return None;\n        }\n        let mean = self.mean()?;',
            ),
          ],
          [
            think(''),
            edit(
              'tests/variance.rs',
              '#[test]\nfn empty_has_no_variance() {\n',
              '#[test]\nfn single_sample_has_no_variance() {\n    let mut r = Ring::new(4);\n    r.push(1.5);\n    assert_eq!(r.variance(), None);\n}\n\n#[test]\nfn empty_has_no_variance() {\n',
            ),
          ],
          [
            think(''),
            edit(
              'src/lib.rs',
              '    /// Sample variance (n - 1) of the window, `None` when empty.\n',
              '    /// Sample variance (n - 1) of the window, `None` with fewer than 2 samples.\n',
            ),
          ],
          [think(''), bash('cargo test --test variance 2>&1 | tail -n 8', 'Run the variance tests')],
          [
            think('For ns/sample a criterion bench would give proper statistics instead of one timing.'),
            say('For a real ns/sample I would add criterion as a dev-dependency:'),
            bash(criterion, 'Add criterion for benchmarking'),
          ],
          [
            think('Fine, the example it is. Keep the line in a file.'),
            say('OK, no criterion. Using the example.'),
            bash('cargo run --release --example bench 2>/dev/null | tee target/bench.txt', 'Run the example bench in release'),
          ],
          [
            think(''),
            say(
              '2. fixed, `variance()` is `None` below two samples (new test)\n5. done, the bench line is above (release build, window of 1024, `mean()` every 1000 pushes); kept in `target/bench.txt`',
            ),
          ],
        ],
      },
      {
        user: `all good. last thing: ${changelog} (variance, doc example fix, fmt)`,
        model: [
          [
            think(''),
            write(
              'CHANGELOG.md',
              '# Changelog\n\n## 0.4.0\n\n- `Ring::variance()`: sample variance (n - 1) of the window, `None` with fewer than 2 samples.\n' +
                "- Crate docs: the example now asserts the right mean (3.0) for the window after eviction.\n- Source formatted with `cargo fmt`; CI's `cargo fmt --check` passes.\n\n" +
                'Known: `max()` can report an evicted sample (#41).\n',
            ),
          ],
          [think(''), bash('cargo fmt --check && echo "fmt ok"; cargo test --no-fail-fast 2>&1 | grep -E "test result"', 'Final checks')],
          [think(''), say('CHANGELOG.md has the 0.4.0 entry. fmt is clean; all tests pass except max_forgets_evicted (#41).')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'ringstat 0.4 prep: fmt fixed, doc example fixed, variance added and made None for one sample, bench run, changelog written.',
          intent: 'Get ringstat ready for 0.4 from a checklist: fmt, variance(), doc-test, bench, changelog. Public API unchanged, no new dependencies.',
          concepts: ['Rust ring buffer', 'cargo fmt --check', 'doc-tests', 'sample variance'],
          files: ['src/lib.rs: formatted, doc example fixed, variance()', 'tests/variance.rs: variance tests', 'CHANGELOG.md: 0.4.0 entry'],
          errors: ['A type mismatch in variance(); fixed', 'The doc example asserted the wrong mean; fixed', 'max_forgets_evicted still fails (#41, known)'],
          solving: 'A rustfmt skip attribute was tried and removed. The user refused adding criterion.',
          messages: [
            'Checklist: fmt, variance, doc-test, ignore #41; keep API, no new deps',
            'variance NaN on one sample; run the bench',
            'CHANGELOG entry for 0.4',
          ],
          pending: ['#41: max() after eviction'],
          current: 'CHANGELOG written.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
