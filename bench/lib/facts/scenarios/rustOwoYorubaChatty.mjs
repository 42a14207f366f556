// A chatty Yoruba user and a std-only Rust CLI (owo) that sums a bank export, tested with cargo test. Thinking
// present: the model weighs an enum against a signed amount for the new D/C column and picks one; an E0308
// from its own edit is fixed; a swapped sign fails `assertion \`left == right\` failed` and the passing re-run
// is narrowed to `cargo test parse_`; an f64 amount parser is tried and undone with git checkout --; a
// `cargo add chrono` is refused; numbers are test counts and the counts the CLI prints. One mid-session and
// one final /compact. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const rows = ['date;desc;amount;kind'];
const descs = ['Ounje', 'Okada', 'Data MTN', 'Owo ile', 'Oja', 'Epo moto', 'Ile iwe'];
for (let i = 0; i < 340; i++) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const kobo = 1000 + ((i * 7919) % 500000);
  const oneDecimal = i % 50 === 3;
  const amount = oneDecimal ? `${Math.floor(kobo / 100)}.${Math.floor((kobo % 100) / 10)}` : `${Math.floor(kobo / 100)}.${String(kobo % 100).padStart(2, '0')}`;
  const kind = i % 3 === 0 ? 'C' : 'D';
  rows.push(i % 97 === 13 ? `2025-03-${day};${descs[i % descs.length]};${amount}` : `2025-03-${day};${descs[i % descs.length]};${amount};${kind}`);
}

const LIB = `//! owo: parse bank export lines into entries (amounts in kobo).

#[derive(Debug, PartialEq)]
pub struct Entry {
    pub date: String,
    pub desc: String,
    pub amount: i64,
}

/// "1250.00" -> 125000 kobo.
pub fn parse_amount(s: &str) -> Result<i64, String> {
    let (whole, frac) = s.split_once('.').ok_or_else(|| format!("no decimal point in {s:?}"))?;
    if frac.len() != 2 {
        return Err(format!("need two decimals in {s:?}"));
    }
    let whole: i64 = whole.parse().map_err(|_| format!("bad amount {s:?}"))?;
    let frac: i64 = frac.parse().map_err(|_| format!("bad amount {s:?}"))?;
    Ok(whole * 100 + frac)
}

/// "2025-03-01;Ounje;-1250.00" -> Entry
pub fn parse_line(line: &str) -> Result<Entry, String> {
    let f: Vec<&str> = line.splitn(3, ';').collect();
    if f.len() != 3 {
        return Err(format!("expected 3 fields: {line:?}"));
    }
    let (neg, digits) = match f[2].strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, f[2]),
    };
    let kobo = parse_amount(digits)?;
    Ok(Entry { date: f[0].to_string(), desc: f[1].to_string(), amount: if neg { -kobo } else { kobo } })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_amount_two_decimals() {
        assert_eq!(parse_amount("1250.00"), Ok(125000));
    }

    #[test]
    fn parse_amount_cents() {
        assert_eq!(parse_amount("0.29"), Ok(29));
    }

    #[test]
    fn parse_amount_rejects_words() {
        assert!(parse_amount("ten").is_err());
    }
}
`;

const MAIN = `use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: owo FILE");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("owo: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (mut entries, mut skipped, mut balance) = (0usize, 0usize, 0i64);
    for line in text.lines().skip(1) {
        match owo::parse_line(line) {
            Ok(e) => {
                entries += 1;
                balance += e.amount;
            }
            Err(_) => skipped += 1,
        }
    }
    println!("entries: {entries}, skipped: {skipped}, balance: {}.{:02}", balance / 100, (balance % 100).abs());
    ExitCode::SUCCESS
}
`;

export const scenario = {
  name: 'rust-owo-yoruba-chatty',
  about:
    'held out: chatty Yoruba user, std-only Rust CLI with cargo test, thinking; enum vs signed amount weighed, E0308 fixed, assertion left == right fixed with a cargo test parse_ re-run, an f64 parser undone with git checkout --, cargo add chrono refused, counts from test result lines and the CLI, two /compact',
  requires: ['cargo', 'git'],
  files: {
    'Cargo.toml': '[package]\nname = "owo"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
    'src/lib.rs': LIB,
    'src/main.rs': MAIN,
    'data/march.csv': rows.join('\n') + '\n',
    '.gitignore': '/target\nCargo.lock\n',
  },
  build(k, { edit }) {
    const formatReq = k.request('ẹ jẹ́ kí owo ka format tuntun yìí');
    const noUnwrap = k.constraint('ẹ má ṣe lo unwrap() nínú lib.rs');
    const signed = k.decision('fold D/C into the sign of the i64 amount', 'main.rs and every sum already work on signed kobo', 'a Kind enum field on Entry');
    k.error('error[E0308]: mismatched types', 'resolved');
    k.error('assertion `left == right` failed', 'resolved');
    k.file('src/lib.rs');
    k.error('error: could not compile `owo` (lib) due to 1 previous error', 'resolved');
    k.number('329');
    k.error('left: Ok(28)');
    k.number('341');
    const decimalReq = k.request('ẹ jẹ́ kí 12.5 ṣiṣẹ́ gẹ́gẹ́ bí 12.50');
    const commitRule = k.constraint('ẹ máa commit lẹ́yìn gbogbo fix');
    const float = k.rejected('let v: f64 = s.parse()', 'casting the f64 turns 0.29 into 28 kobo');
    const padFrac = k.decision('pad a one-digit fraction with a zero', 'it stays in integer kobo end to end', 'scaling by powers of ten');
    k.number('336');
    const sinceReq = k.request('ẹ fi --since DATE kún un');
    k.lastRequest(sinceReq);
    const refusal = k.refusal('Rárá o, ẹ má fi chrono kún un, std nìkan ni mo fẹ́');
    const isoCmp = k.decision('compare the ISO dates as strings', 'YYYY-MM-DD sorts the same as the dates themselves', 'parsing the dates into numbers');
    k.file('src/main.rs');
    k.number('236');
    k.check('cargo test', 'passing');
    k.not('rejected', signed.choice, 'the design that was kept');
    k.not('constraints', decimalReq, 'a request, not a rule');
    k.not('errors', 'std nìkan ni mo fẹ́', "the user's refusal is no tool error");
    k.not('decisions', float.what, 'tried and undone: a rejected approach');

    const add = 'cargo add chrono';
    const newParse =
      '    let f: Vec<&str> = line.split(\';\').collect();\n    if f.len() != 4 {\n        return Err(format!("expected 4 fields: {line:?}"));\n    }\n    let kobo: i64 = parse_amount(f[2]);\n' +
      '    let amount = match f[3] {\n        "D" => kobo,\n        "C" => -kobo,\n        other => return Err(format!("unknown kind {other:?}")),\n    };\n' +
      '    Ok(Entry { date: f[0].to_string(), desc: f[1].to_string(), amount })\n';
    const oldParse =
      '    let f: Vec<&str> = line.splitn(3, \';\').collect();\n    if f.len() != 3 {\n        return Err(format!("expected 3 fields: {line:?}"));\n    }\n' +
      "    let (neg, digits) = match f[2].strip_prefix('-') {\n        Some(d) => (true, d),\n        None => (false, f[2]),\n    };\n    let kobo = parse_amount(digits)?;\n" +
      '    Ok(Entry { date: f[0].to_string(), desc: f[1].to_string(), amount: if neg { -kobo } else { kobo } })\n';
    const lineTests =
      '\n    #[test]\n    fn parse_line_debit() {\n        assert_eq!(parse_line("2025-03-01;Ounje;1250.00;D").map(|e| e.amount), Ok(-125000));\n    }\n\n' +
      '    #[test]\n    fn parse_line_credit() {\n        assert_eq!(parse_line("2025-03-02;Salary;50.00;C").map(|e| e.amount), Ok(5000));\n    }\n}\n';

    return [
      {
        user: `Ẹ kú àárọ̀ o! Ṣé dáadáa ni? Mo ní ìṣòro kékeré kan: bank wa ti yí format export padà, column kẹrin wà báyìí tó ń sọ D tàbí C (debit/credit), kò sí àmì - mọ́. Jọ̀wọ́ ${formatReq}, data/march.csv ni file tuntun náà. Ohun kan ṣoṣo: ${noUnwrap}, mo fẹ́ kí gbogbo error padà sí main. Ẹ ṣeun gan-an!!`,
        model: [
          [think('First see what owo does with the new file as it is.'), bash('cargo run -q -- data/march.csv 2>&1 | tail -n 3', 'Run owo on the new export')],
          [
            think(
              `Every line is skipped: splitn(3) leaves "1250.00;D" as the amount. Two designs: ${signed.alternative}, or ${signed.choice}. ` +
                `A Kind enum is more explicit, but ${signed.reason}; the enum would touch every caller for nothing. Going with the sign.`,
            ),
            edit('src/lib.rs', oldParse, newParse),
            edit(
              'src/lib.rs',
              '        assert!(parse_amount("ten").is_err());\n    }\n}\n',
              '        assert!(parse_amount("ten").is_err());\n    }\n' + lineTests,
            ),
          ],
          [bash('cargo build 2>&1 | head -n 20', 'Build')],
          [
            think('parse_amount returns a Result; needs the ? (and no unwrap, per the user).'),
            edit('src/lib.rs', '    let kobo: i64 = parse_amount(f[2]);\n', '    let kobo: i64 = parse_amount(f[2])?;\n'),
          ],
          [bash('cargo test 2>&1 | tail -n 25', 'Run the tests')],
          [
            think('Debit came out positive: I swapped the arms. D is money going out, so it is the negative one.'),
            edit('src/lib.rs', '        "D" => kobo,\n        "C" => -kobo,\n', '        "D" => -kobo,\n        "C" => kobo,\n'),
          ],
          [bash('cargo test parse_ 2>&1 | grep "test result"', 'Re-run the parse tests')],
          [bash('cargo run -q -- data/march.csv; wc -l < data/march.csv', 'Run owo again')],
          [bash('git commit -qam "Read the D/C export format" && git log --oneline -1', 'Commit')],
          [
            say(
              'Ó ti ṣiṣẹ́! owo now reads the D/C column: D is a debit (negative), C a credit. A few lines are still skipped; the ones with no D/C column and some with one decimal.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'D/C format supported, committed.',
          intent: 'Make owo read the new bank export with a D/C column. No unwrap() in lib.rs.',
          concepts: ['Rust', 'cargo test', 'kobo as i64'],
          files: ['src/lib.rs: parse_line reads 4 fields'],
          errors: ['A type error and a swapped sign in the new parser; both fixed'],
          solving: 'D/C folded into the amount sign.',
          messages: ['Read the new export format; no unwrap in lib.rs'],
          pending: ['some lines skipped'],
          current: 'Committed.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `Ó ṣiṣẹ́ o, ẹ ṣé!! Ṣùgbọ́n mo ríi pé àwọn amount bíi 12.5 (decimal kan ṣoṣo) ni wọ́n ń skip. ${decimalReq} jọ̀wọ́. Àti pé ${commitRule}, kí n lè tẹ̀lé ohun tí ẹ ṣe.`,
        model: [
          [
            think('Quickest: let str::parse handle any decimals and scale.'),
            edit(
              'src/lib.rs',
              '    let (whole, frac) = s.split_once(\'.\').ok_or_else(|| format!("no decimal point in {s:?}"))?;\n    if frac.len() != 2 {\n        return Err(format!("need two decimals in {s:?}"));\n    }\n    let whole: i64 = whole.parse().map_err(|_| format!("bad amount {s:?}"))?;\n    let frac: i64 = frac.parse().map_err(|_| format!("bad amount {s:?}"))?;\n    Ok(whole * 100 + frac)\n',
              '    let v: f64 = s.parse().map_err(|_| format!("bad amount {s:?}"))?;\n    Ok((v * 100.0) as i64)\n',
            ),
          ],
          [bash('cargo test 2>&1 | grep -E "panicked|left:|right:|test result"', 'Run the tests')],
          [say(`No: ${float.why}. Reverting to the integer parser.`), bash('git checkout -- src/lib.rs && git status --short', 'Revert src/lib.rs')],
          [
            think(`Options: ${padFrac.alternative}, or ${padFrac.choice}. The second; ${padFrac.reason}.`),
            edit(
              'src/lib.rs',
              '    if frac.len() != 2 {\n        return Err(format!("need two decimals in {s:?}"));\n    }\n',
              '    let frac = match frac.len() {\n        1 => format!("{frac}0"),\n        2 => frac.to_string(),\n        _ => return Err(format!("need one or two decimals in {s:?}")),\n    };\n',
            ),
            edit(
              'src/lib.rs',
              '    #[test]\n    fn parse_amount_rejects_words() {',
              '    #[test]\n    fn parse_amount_one_decimal() {\n        assert_eq!(parse_amount("12.5"), Ok(1250));\n    }\n\n    #[test]\n    fn parse_amount_rejects_words() {',
            ),
          ],
          [bash('cargo test 2>&1 | grep "test result"', 'Run the tests')],
          [bash('cargo run -q -- data/march.csv', 'Run owo')],
          [bash('git commit -qam "Accept amounts with one decimal" && git log --oneline -1', 'Commit')],
          [say('Ó ti parí: 12.5 now reads as 12.50 (1250 kobo). Committed. The lines still skipped have no D/C column at all.')],
        ],
      },
      {
        user: `Ẹ ṣé púpọ̀!! Àwọn tó kù yẹn, bank ló fa wọn, ẹ fi wọ́n sílẹ̀. Ohun tó kẹ́yìn fún òní: ${sinceReq} kí n lè wo láti ọjọ́ kan lọ, bíi \`owo data/march.csv --since 2025-03-15\`.`,
        model: [
          [think('Date handling: chrono would validate the dates properly.'), bash(add, 'Add chrono')],
          [
            think(`No crate then. Options: ${isoCmp.alternative}, or ${isoCmp.choice}; ${isoCmp.reason}, so the plain string compare is enough.`),
            edit(
              'src/main.rs',
              '    let (mut entries, mut skipped, mut balance) = (0usize, 0usize, 0i64);\n',
              '    let since = args.iter().position(|a| a == "--since").and_then(|i| args.get(i + 1)).cloned();\n    let (mut entries, mut skipped, mut balance) = (0usize, 0usize, 0i64);\n',
            ),
            edit(
              'src/main.rs',
              '            Ok(e) => {\n                entries += 1;',
              '            Ok(e) if since.as_deref().is_some_and(|s| e.date.as_str() < s) => {}\n            Ok(e) => {\n                entries += 1;',
            ),
          ],
          [bash('cargo run -q -- data/march.csv --since 2025-03-09 && cargo test 2>&1 | grep "test result"', 'Run with --since and the tests')],
          [bash('git commit -qam "Add --since DATE" && git log --oneline -1', 'Commit')],
          [say('`--since DATE` works (ISO dates compared as text), tests green, committed. No chrono.')],
        ],
        refuse: { [add]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'One-decimal amounts and --since added, no new crates.',
          intent: 'owo: read the D/C export, accept one-decimal amounts, add --since. No unwrap in lib.rs; commit after every fix.',
          concepts: ['Rust std only', 'integer kobo'],
          files: ['src/lib.rs: parse_amount pads one decimal', 'src/main.rs: --since'],
          errors: ['a float parser rounded cents down; reverted'],
          solving: 'Fractions padded; dates compared as strings.',
          messages: ['Accept 12.5; commit after every fix', 'Add --since; the user refused chrono'],
          pending: [],
          current: '--since committed.',
          next: 'None.',
        }),
      },
    ];
  },
};
