// A terse Slovenian user (lower case, no greetings, half sentences) and zaloga: a Rust binary crate that
// reads a `sifra;kolicina` stock export and prints counts, checked with `cargo clippy -- -D warnings`
// and `cargo test`. The model writes no thinking text (`thinking: false`); its choices are in its
// replies. clippy's needless_range_loop, turned into an error by -D warnings, is fixed first; a new
// function hits error[E0502], is made to compile with a clone, and the clone is taken back; `cargo add
// anyhow` is refused; a test for "1.000" as a thousand is added at the end and left failing on the
// user's word. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

function stock() {
  const lines = ['# sifra;kolicina  (izvoz iz skladišča)'];
  let rows = 0;
  let zero = 0;
  let total = 0;
  const codes = new Set();
  for (let r = 0; r < 1873; r++) {
    const code = `ART-${String((r * 7919) % 241).padStart(4, '0')}`;
    const qty = r % 50 === 3 ? 0 : ((r * 2654435761) >>> 0) % 97;
    lines.push(`${code};${qty}`);
    rows++;
    if (qty === 0) zero++;
    else {
      codes.add(code);
      total += qty;
    }
  }
  return { text: lines.join('\n') + '\n', rows, zero, codes: codes.size, total };
}
const DATA = stock();

const TESTS = `#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ena_vrstica() {
        let p = preberi("ART-1;4\\n").unwrap();
        assert_eq!(p, vec![Postavka { sifra: "ART-1".into(), kolicina: 4 }]);
    }

    #[test]
    fn presledki_okoli() {
        let p = preberi("  ART-2 ; 8 \\n").unwrap();
        assert_eq!(p[0].sifra, "ART-2");
        assert_eq!(p[0].kolicina, 8);
    }

    #[test]
    fn komentar_preskoci() {
        assert!(preberi("# glava\\n").unwrap().is_empty());
    }

    #[test]
    fn prazna_vrstica() {
        assert_eq!(preberi("\\nART-1;2\\n\\n").unwrap().len(), 1);
    }

    #[test]
    fn manjka_podpicje() {
        let e = preberi("ART-1 4\\n").unwrap_err();
        assert!(e.contains("vrstica 1"));
    }

    #[test]
    fn negativna_kolicina() {
        assert!(preberi("ART-1;-4\\n").is_err());
    }

    #[test]
    fn sestej_isto_sifro() {
        let p = preberi("A;2\\nA;3\\nB;1\\n").unwrap();
        let s = sestej(&p);
        assert_eq!(s["A"], 5);
        assert_eq!(s["B"], 1);
    }

    #[test]
    fn sestej_prazno() {
        assert!(sestej(&[]).is_empty());
    }

    #[test]
    fn skupaj_kosov() {
        let p = preberi("A;2\\nB;3\\n").unwrap();
        assert_eq!(skupaj(&p), 5);
    }

    #[test]
    fn crlf() {
        assert_eq!(preberi("A;2\\r\\nB;3\\r\\n").unwrap().len(), 2);
    }

    #[test]
    fn stevilka_vrstice_v_napaki() {
        let e = preberi("A;1\\nB;x\\n").unwrap_err();
        assert!(e.starts_with("vrstica 2"));
    }
}
`;

const SESTEJ_LOOP = '    for i in 0..postavke.len() {\n        *skupno.entry(postavke[i].sifra.clone()).or_insert(0) += postavke[i].kolicina;\n    }\n';

const LIB =
  'use std::collections::HashMap;\n\n#[derive(Debug, Clone, PartialEq)]\npub struct Postavka {\n    pub sifra: String,\n    pub kolicina: u32,\n}\n\n' +
  'pub fn preberi(besedilo: &str) -> Result<Vec<Postavka>, String> {\n    let mut out = Vec::new();\n    for (i, vrstica) in besedilo.lines().enumerate() {\n' +
  "        let vrstica = vrstica.trim();\n        if vrstica.is_empty() || vrstica.starts_with('#') {\n            continue;\n        }\n" +
  "        let (sifra, kol) = vrstica\n            .split_once(';')\n            .ok_or(format!(\"vrstica {}: manjka ';'\", i + 1))?;\n" +
  '        let kolicina = kol\n            .trim()\n            .parse::<u32>()\n            .map_err(|e| format!("vrstica {}: {e}", i + 1))?;\n' +
  '        out.push(Postavka {\n            sifra: sifra.trim().to_string(),\n            kolicina,\n        });\n    }\n    Ok(out)\n}\n\n' +
  'pub fn sestej(postavke: &[Postavka]) -> HashMap<String, u32> {\n    let mut skupno = HashMap::new();\n' +
  SESTEJ_LOOP +
  '    skupno\n}\n\npub fn skupaj(postavke: &[Postavka]) -> u64 {\n    postavke.iter().map(|p| u64::from(p.kolicina)).sum()\n}\n\n' +
  TESTS;

const MAIN =
  'mod zaloga;\n\nuse std::process;\n\nfn main() {\n    let pot = match std::env::args().nth(1) {\n        Some(p) => p,\n        None => {\n' +
  '            eprintln!("uporaba: zaloga DATOTEKA");\n            process::exit(2);\n        }\n    };\n' +
  '    let besedilo = match std::fs::read_to_string(&pot) {\n        Ok(b) => b,\n        Err(e) => {\n            eprintln!("{pot}: {e}");\n            process::exit(1);\n        }\n    };\n' +
  '    let postavke = match zaloga::preberi(&besedilo) {\n        Ok(p) => p,\n        Err(e) => {\n            eprintln!("{pot}: {e}");\n            process::exit(1);\n        }\n    };\n' +
  '    let vrstic = postavke.len();\n' +
  '    println!(\n        "vrstic: {}, artiklov: {}, skupaj kosov: {}",\n        vrstic,\n        zaloga::sestej(&postavke).len(),\n        zaloga::skupaj(&postavke)\n    );\n}\n';

const ODSTRANI_BAD =
  '/// Odstrani postavke s količino 0; vrne, koliko jih je bilo.\npub fn odstrani_prazne(postavke: &mut Vec<Postavka>) -> usize {\n' +
  '    let prazne: Vec<&Postavka> = postavke.iter().filter(|p| p.kolicina == 0).collect();\n    postavke.retain(|p| p.kolicina > 0);\n    prazne.len()\n}\n\n';

export const scenario = {
  name: 'rust-zaloga-slovenian-terse',
  about:
    'held out: Rust binary crate, terse Slovenian user, no thinking text; clippy -D warnings needless_range_loop fixed; error[E0502] fixed after a clone is tried and taken back; cargo add refused; a "1.000" test left failing',
  requires: ['cargo', 'git'],
  thinking: false,
  files: {
    '.gitignore': 'target/\n',
    'Cargo.toml': '[package]\nname = "zaloga"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
    'README.md': '# zaloga\n\nPrešteje izvoz zaloge (`sifra;kolicina`).\n',
    'src/main.rs': MAIN,
    'src/zaloga.rs': LIB,
    'podatki/zaloga.csv': DATA.text,
  },
  build(k, { edit }) {
    const fix = k.request('clippy pade, popravi. pa teste pozeni');
    const rule = k.constraint('nobenega unwrap() izven testov');
    k.error('error: the loop variable `i` is only used to index `postavke`', 'resolved');
    const loop = k.decision('zanka `for p in postavke`', 'indeks i ni potreben nikjer drugje', 'atributa #[allow] nad sestej()');
    k.file('src/zaloga.rs');
    const prazne = k.request('dodaj odstrani_prazne ki vrne koliko jih je vrgel ven, in to izpisi');
    k.error('error[E0502]: cannot borrow `*postavke` as mutable because it is also borrowed as immutable', 'resolved');
    const clone = k.rejected('let kopija = postavke.clone();', 'kopira cel seznam samo zato, da prešteje prazne');
    const count = k.decision('najprej preštejem s count(), potem retain', 'štetje ne drži izposoje čez retain', 'partition v dva nova vektorja');
    k.file('src/main.rs');
    k.number('13 passed');
    const run = k.request('pozeni na podatki/zaloga.csv');
    k.number(String(DATA.rows));
    k.number(String(DATA.zero));
    k.number(String(DATA.codes));
    k.number(String(DATA.total));
    const refusal = k.refusal('ne. brez anyhow, String kot napaka je cisto ok');
    const thousands = k.request('dodaj test da "1.000" pomeni tisoc. ce ne gre pusti, jutri pogledam');
    k.error('invalid digit found in string', 'unresolved');
    k.check('cargo test', 'failing');
    k.check('cargo clippy', 'passing');
    const readme = k.request('v README napisi kako se pozene in kaj izpise');
    k.file('README.md');
    k.lastRequest(readme);
    const fmt = 'cargo fmt --check naj bo v CI';
    k.not('constraints', fmt, 'the agent proposed it; the user never took it up');
    k.not('constraints', fix, 'a request is not a standing rule');
    k.not('errors', 'String kot napaka je cisto ok', "a user's refusal is not a tool error");
    k.not('rejected', count.choice, 'the approach that was kept is not a dead end');

    const clippy = 'cargo clippy -- -D warnings 2>&1 | tail -n 25';
    const tests = 'cargo test 2>&1 | tail -n 20';
    const add = 'cargo add anyhow';

    return [
      {
        user: `${fix}. ${rule}.`,
        model: [
          [empty(), bash(clippy, 'Run clippy with warnings as errors')],
          [
            empty(),
            say(`Ena napaka: needless_range_loop v sestej(). Uporabim ${loop.choice} namesto ${loop.alternative}, ker ${loop.reason}.`),
            edit('src/zaloga.rs', SESTEJ_LOOP, '    for p in postavke {\n        *skupno.entry(p.sifra.clone()).or_insert(0) += p.kolicina;\n    }\n'),
          ],
          [empty(), bash('cargo clippy -- -D warnings', 'Re-run clippy')],
          [empty(), bash(tests, 'Run the tests')],
          [empty(), say('clippy čist, testi vsi zeleni. Ni unwrap() v main.rs ali zaloga.rs izven modula tests.')],
        ],
      },
      {
        user: prazne,
        model: [
          [empty(), edit('src/zaloga.rs', 'pub fn skupaj(', ODSTRANI_BAD + 'pub fn skupaj(')],
          [
            empty(),
            edit(
              'src/main.rs',
              '    let vrstic = postavke.len();\n',
              '    let mut postavke = postavke;\n    let vrstic = postavke.len();\n    let odstranjenih = zaloga::odstrani_prazne(&mut postavke);\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/main.rs',
              '        "vrstic: {}, artiklov: {}, skupaj kosov: {}",\n        vrstic,\n',
              '        "vrstic: {}, praznih odstranjenih: {}, artiklov: {}, skupaj kosov: {}",\n        vrstic,\n        odstranjenih,\n',
            ),
          ],
          [empty(), bash('cargo build 2>&1 | head -n 30', 'Build')],
          [
            empty(),
            say('Izposoja iz iter() živi čez retain. Najhitreje: delam na kopiji.'),
            edit(
              'src/zaloga.rs',
              '    let prazne: Vec<&Postavka> = postavke.iter().filter(|p| p.kolicina == 0).collect();\n',
              `    ${clone.what}\n    let prazne: Vec<&Postavka> = kopija.iter().filter(|p| p.kolicina == 0).collect();\n`,
            ),
          ],
          [empty(), bash('cargo build 2>&1 | tail -n 3', 'Build again')],
          [
            empty(),
            say(
              `Prevede se, ampak ne bom tako: ${clone.why}. Vračam. Raje ${count.choice}, ker ${count.reason}; ${count.alternative} bi bil preveč za en števec.`,
            ),
            edit(
              'src/zaloga.rs',
              `    ${clone.what}\n    let prazne: Vec<&Postavka> = kopija.iter().filter(|p| p.kolicina == 0).collect();\n    postavke.retain(|p| p.kolicina > 0);\n    prazne.len()\n`,
              '    let prazne = postavke.iter().filter(|p| p.kolicina == 0).count();\n    postavke.retain(|p| p.kolicina > 0);\n    prazne\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/zaloga.rs',
              '    #[test]\n    fn crlf() {\n',
              '    #[test]\n    fn odstrani_prazne_steje() {\n        let mut p = preberi("A;0\\nB;2\\nC;0\\n").unwrap();\n        assert_eq!(odstrani_prazne(&mut p), 2);\n        assert_eq!(p.len(), 1);\n    }\n\n' +
                '    #[test]\n    fn odstrani_prazne_nic() {\n        let mut p = preberi("A;1\\n").unwrap();\n        assert_eq!(odstrani_prazne(&mut p), 0);\n    }\n\n    #[test]\n    fn crlf() {\n',
            ),
          ],
          [empty(), bash('cargo clippy -q -- -D warnings && cargo test -q 2>&1 | tail -n 4', 'Clippy and tests')],
          [empty(), say('odstrani_prazne dodan (src/zaloga.rs), main.rs izpiše še število odstranjenih. clippy in testi zeleni.')],
        ],
      },
      {
        user: run,
        model: [
          [empty(), bash('cargo run --release -q -- podatki/zaloga.csv', 'Run on the stock export')],
          [
            empty(),
            say(
              'Izpis je zgoraj. Za napake bi predlagal crate anyhow (lepši kontekst pri branju datoteke), dodam? Pa še: cargo fmt --check naj bo v CI, da se stil ne razleze.',
            ),
            bash(add, 'Add anyhow'),
          ],
          [empty(), say('Ok, ostane String. Nič nisem dodal, Cargo.toml nespremenjen.')],
        ],
        refuse: { [add]: refusal },
      },
      {
        user: thousands,
        model: [
          [
            empty(),
            edit(
              'src/zaloga.rs',
              '    #[test]\n    fn crlf() {\n',
              '    #[test]\n    fn tisocice_s_piko() {\n        let p = preberi("A;1.000\\n").unwrap();\n        assert_eq!(p[0].kolicina, 1000);\n    }\n\n    #[test]\n    fn crlf() {\n',
            ),
          ],
          [empty(), bash('cargo test 2>&1 | grep -E -A1 "panicked|^test result"', 'Run the tests')],
          [
            empty(),
            say(
              'tisocice_s_piko pade, parse::<u32> pike ne sprejme. Kot rečeno pustim; za popravek bi bilo treba odločiti, ali je "1.000" tisoč ali ena (decimalka), to je tvoja odločitev.',
            ),
          ],
        ],
      },
      {
        user: readme,
        model: [
          [
            empty(),
            edit(
              'README.md',
              'Prešteje izvoz zaloge (`sifra;kolicina`).\n',
              'Prešteje izvoz zaloge (`sifra;kolicina`).\n\n## Zagon\n\n    cargo run --release -- podatki/zaloga.csv\n\n' +
                'Izpiše eno vrstico: `vrstic`, `praznih odstranjenih` (količina 0), `artiklov` (različne šifre) in `skupaj kosov`.\n\n' +
                '## Preverjanje\n\n    cargo clippy -- -D warnings\n    cargo test\n\nTest `tisocice_s_piko` trenutno pade (zapis "1.000" še ni dogovorjen).\n',
            ),
          ],
          [empty(), say('README.md ima zdaj razdelka Zagon in Preverjanje.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'zaloga crate: clippy fixed, odstrani_prazne added, ran on the export, the thousands test left red, README updated.',
          intent: 'Fix clippy and the tests, add odstrani_prazne and print its count, run on the export, add a thousands test, document running.',
          concepts: ['cargo clippy -D warnings', 'borrowing', 'cargo test'],
          files: ['src/zaloga.rs: loop fix, odstrani_prazne, new tests', 'src/main.rs: prints removed count', 'README.md: run and checks'],
          errors: ['clippy loop lint; fixed', 'borrow error in odstrani_prazne; fixed by counting first', 'the 1.000 test fails (left for the user)'],
          solving: 'A clone was tried for the borrow error and dropped.',
          messages: ['Fix clippy and tests; no unwrap outside tests', 'Add odstrani_prazne', 'Run on the export', 'Add the 1.000 test', 'README'],
          pending: ['Decide what "1.000" means'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
