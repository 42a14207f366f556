// A casual Mexican-Spanish user on `renglones`, a std-only Rust library that parses daily sales lines
// (`fecha|producto|cantidad|precio`), with unit tests, a doc-test, `cargo clippy -- -D warnings` as a
// CI gate and a `simd` feature that belongs to a colleague (Rodrigo) and only builds on nightly. The
// clippy lint (`while let`) is first muted with an allow, which is undone with `git restore`, then
// fixed; the doc-test (`src/lib.rs - parse (line 12)`) is fixed; a release-mode ignored test prints
// `elapsed: …ms, 1200000 rows, …` before and after a SWAR separator scan (an E0308 on the way). The
// agent asks a numbered question and gets "la 2, pero sin unsafe". `cargo test --features simd` fails
// with E0658 and stays failing; installing nightly is refused. Thinking present. One /compact in the
// middle, one at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const FENCE = '```';

const LIB = `//! renglones: lee los renglones de ventas del día, \`fecha|producto|cantidad|precio\`.

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub fecha: String,
    pub producto: String,
    pub cantidad: u32,
    pub precio: f64,
}

/// Parsea un renglón; los campos van separados por \`|\`:
/// ${FENCE}
/// let r = renglones::parse("2026-03-01,tortillas,3,18.50").unwrap();
/// assert_eq!(r.producto, "tortillas");
/// assert_eq!(r.cantidad, 3);
/// ${FENCE}
pub fn parse(line: &str) -> Result<Row, Error> {
    let campos: Vec<&str> = line.split('|').collect();
    if campos.len() != 4 {
        return Err(Error::Campos(campos.len()));
    }
    let cantidad = campos[2].trim().parse().map_err(|_| Error::Cantidad(campos[2].to_string()))?;
    let precio = campos[3].trim().parse().map_err(|_| Error::Precio(campos[3].to_string()))?;
    Ok(Row {
        fecha: campos[0].trim().to_string(),
        producto: campos[1].trim().to_string(),
        cantidad,
        precio,
    })
}

/// Por qué no se pudo leer un renglón.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    Campos(usize),
    Cantidad(String),
    Precio(String),
}

/// Todos los renglones de un archivo; los que no se pueden leer se cuentan aparte.
pub fn parse_all(text: &str) -> (Vec<Row>, usize) {
    let mut rows = Vec::new();
    let mut malos = 0;
    let mut lines = text.lines();
    loop {
        let line = match lines.next() {
            Some(line) => line,
            None => break,
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse(line) {
            Ok(row) => rows.push(row),
            Err(_) => malos += 1,
        }
    }
    (rows, malos)
}

#[cfg(feature = "simd")]
pub mod simd;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn un_renglon() {
        let r = parse("2026-03-01|tortillas|3|18.50").unwrap();
        assert_eq!(r.fecha, "2026-03-01");
        assert_eq!(r.cantidad, 3);
        assert_eq!(r.precio, 18.5);
    }

    #[test]
    fn campos_de_menos() {
        assert_eq!(parse("2026-03-01|tortillas|3"), Err(Error::Campos(3)));
    }

    #[test]
    fn cantidad_mala() {
        assert_eq!(parse("2026-03-01|tortillas|tres|18.50"), Err(Error::Cantidad("tres".into())));
    }

    #[test]
    fn espacios() {
        let r = parse(" 2026-03-01 | pan dulce | 12 | 9.00 ").unwrap();
        assert_eq!(r.producto, "pan dulce");
        assert_eq!(r.cantidad, 12);
    }

    #[test]
    fn archivo_con_comentarios() {
        let (rows, malos) = parse_all("# ventas\\n2026-03-01|tortillas|3|18.50\\n\\n2026-03-01|leche|x|27.00\\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(malos, 1);
    }
}
`;

const SIMD = `//! Experimento de Rodrigo: buscar los separadores con std::simd.
use std::simd::prelude::*;

/// Posiciones de los \`|\` en un renglón, 16 bytes a la vez.
pub fn separadores(line: &[u8]) -> Vec<usize> {
    let pipe = u8x16::splat(b'|');
    let mut out = Vec::new();
    let mut i = 0;
    while i + 16 <= line.len() {
        let chunk = u8x16::from_slice(&line[i..i + 16]);
        let mut mask = chunk.simd_eq(pipe).to_bitmask();
        while mask != 0 {
            out.push(i + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        i += 16;
    }
    for (j, b) in line[i..].iter().enumerate() {
        if *b == b'|' {
            out.push(i + j);
        }
    }
    out
}
`;

const TIEMPO = `//! Cuánto tarda parse_all con un día grande. Correr con:
//!     cargo test --release --test tiempo -- --ignored --nocapture
use std::fmt::Write;
use std::time::Instant;

fn dia_grande() -> String {
    let productos = ["tortillas", "leche", "pan dulce", "frijol", "huevo", "café de olla", "jitomate", "aguacate"];
    let mut s = String::with_capacity(40 * 1_200_000);
    for i in 0..1_200_000u32 {
        if i % 997 == 0 {
            s.push_str("2026-03-01|renglón cortado\\n");
            continue;
        }
        let p = productos[(i as usize * 7) % productos.len()];
        writeln!(s, "2026-03-{:02}|{}|{}|{}.{:02}", 1 + i % 28, p, 1 + i % 12, 5 + i % 180, (i * 37) % 100).unwrap();
    }
    s
}

#[test]
#[ignore]
fn un_dia_grande() {
    let text = dia_grande();
    let start = Instant::now();
    let (rows, malos) = renglones::parse_all(&text);
    let elapsed = start.elapsed();
    let total: f64 = rows.iter().map(|r| r.precio * f64::from(r.cantidad)).sum();
    println!(
        "elapsed: {:.1}ms, {} rows, {} malos, total {:.2}",
        elapsed.as_secs_f64() * 1000.0,
        rows.len() + malos,
        malos,
        total
    );
}
`;

const PARSE_SPLIT = `    let campos: Vec<&str> = line.split('|').collect();
    if campos.len() != 4 {
        return Err(Error::Campos(campos.len()));
    }
`;

const PARSE_SWAR = `    let mut seps = [0usize; 3];
    let n = separadores(line.as_bytes(), &mut seps);
    if n != 3 {
        return Err(Error::Campos(n + 1));
    }
    let campos = [&line[..seps[0]], &line[seps[0] + 1..seps[1]], &line[seps[1] + 1..seps[2]], &line[seps[2] + 1..]];
`;

const SEPARADORES = `
const UNOS: u64 = 0x0101_0101_0101_0101;
const BAJOS7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const PIPES: u64 = UNOS * b'|' as u64;

/// Posiciones de los primeros \`|\` del renglón, 8 bytes a la vez (SWAR con u64, sin unsafe).
/// Devuelve cuántos hay; más de 3 ya es error, así que deja de contar en 4.
fn separadores(bytes: &[u8], out: &mut [usize; 3]) -> usize {
    let mut n = 0;
    let mut base = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk) ^ PIPES;
        // bit alto prendido en cada byte que era \`|\` (después del xor vale 0)
        let mut hits = !(((x & BAJOS7) + BAJOS7) | x | BAJOS7);
        while hits != 0 {
            if n == 3 {
                return 4;
            }
            out[n] = base + (hits.trailing_zeros() / 8) as usize;
            n += 1;
            hits &= hits - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == b'|' {
            if n == 3 {
                return 4;
            }
            out[n] = base + i;
            n += 1;
        }
    }
    n
}
`;

export const scenario = {
  name: 'rust-clippy-mexican',
  about:
    'held out: casual Mexican-Spanish user, std-only Rust library with unit and doc-tests, cargo clippy -D warnings (while let lint muted then fixed), doc-test fixed, a numbered question answered "la 2, pero sin unsafe", SWAR scan with an E0308 on the way, release timing test, cargo test --features simd left failing (E0658), nightly install refused',
  requires: ['cargo', 'git'],
  files: {
    '.gitignore': 'target/\n',
    'Cargo.toml':
      '[package]\nname = "renglones"\nversion = "0.2.1"\nedition = "2021"\n\n[features]\n# experimento de Rodrigo, solo en nightly\nsimd = []\n\n[dependencies]\n',
    'CHANGELOG.md': '# Changelog\n\n## 0.2.1\n\n- `parse_all` cuenta los renglones malos en vez de fallar.\n',
    'README.md': '# renglones\n\nLee los renglones de ventas del día (`fecha|producto|cantidad|precio`).\n\n    cargo test\n    cargo clippy -- -D warnings\n',
    'src/lib.rs': LIB,
    'src/simd.rs': SIMD,
  },
  build(k, { edit, write }) {
    const clean = k.request('dejar limpio clippy y los doctests');
    const rodrigo = k.constraint('ni le muevas a src/simd.rs');
    k.error('this loop could be written as a `while let` loop', 'resolved');
    const allow = k.rejected('#[allow(clippy::while_let_loop)]', 'an allow only mutes the lint');
    const forLoop = k.decision('a plain for loop over text.lines()', 'nothing inside the loop advances the iterator', 'the while let that clippy suggests');
    k.error('---- src/lib.rs - parse (line 12) stdout ----', 'resolved');
    k.decision('fix the example, not the parser', 'product names can contain commas', 'accept commas as a second separator');
    k.file('src/lib.rs');
    const faster = k.request('lo puedes hacer más rápido');
    const measure = k.request('agrega algo que mida cuánto tarda con 1.2 millones de renglones');
    k.file('tests/tiempo.rs');
    k.number('1200000');
    k.number('1204');
    k.number('754501027.20');
    const noUnsafe = k.constraint('sin unsafe');
    const chunks = k.decision('chunks_exact(8) with u64::from_le_bytes', 'align_to is an unsafe fn', 'align_to::<u64>()');
    k.error('expected `[u8; 8]`, found `&[u8]`', 'resolved');
    k.error('error[E0658]: use of unstable library feature `portable_simd`', 'unresolved');
    const refusal = k.refusal('no, nada de nightly en mi compu, eso lo ve Rodrigo con su toolchain');
    const changelog = k.request('actualiza el CHANGELOG y súbele la versión a 0.3.0');
    k.file('CHANGELOG.md');
    k.file('Cargo.toml');
    k.lastRequest(changelog);
    k.check('cargo clippy -- -D warnings', 'passing');
    k.check('cargo test --features simd', 'failing');
    k.not('rejected', forLoop.choice, 'the fix that was kept is not a dead end');
    k.not('decisions', allow.what, 'tried and undone: a rejected approach');
    k.not('errors', 'eso lo ve Rodrigo', "a user's refusal is not a tool error");
    k.not('constraints', faster, 'a request is not a standing rule');
    k.not('rejected', chunks.alternative, 'an alternative weighed in thinking, never tried');

    const first =
      `qué onda! oye, el CI está tronando en \`cargo clippy -- -D warnings\` y también hay un doctest que falla, ¿me ayudas a ${clean}? ` +
      `ah, y lo de --features simd es un experimento de Rodrigo, ${rodrigo}`;
    const second = `chido, gracias!! oye, parsear el archivo del día tarda un buen, ¿${faster}? ${measure}, pa' ver si sí mejora`;
    const third = `la 2, pero ${noUnsafe}`;
    const fourth = `va, déjalo así, ya lo verá Rodrigo. ${changelog}`;

    const clippy = 'cargo clippy -- -D warnings 2>&1 | tail -n 20';
    const tests = 'cargo test 2>&1 | tail -n 25';
    const timing = 'cargo test --release --test tiempo -- --ignored --nocapture 2>&1 | grep -E "elapsed|test result"';
    const nightly = 'rustup toolchain install nightly --profile minimal';

    const loopOld =
      '    let mut lines = text.lines();\n    loop {\n        let line = match lines.next() {\n            Some(line) => line,\n            None => break,\n        };\n';

    return [
      {
        user: first,
        model: [
          [
            think('Start with what CI runs: clippy with -D warnings, then the tests including doc-tests. Do not touch src/simd.rs.'),
            bash(clippy, 'Run clippy as CI does'),
          ],
          [
            think(
              'One lint: while_let_loop in parse_all. The loop is going to grow a header check later maybe; quickest way to get CI green is the allow ' +
                'that clippy itself mentions in its help line.',
            ),
            edit(
              'src/lib.rs',
              'pub fn parse_all(text: &str) -> (Vec<Row>, usize) {\n',
              '#[allow(clippy::while_let_loop)]\npub fn parse_all(text: &str) -> (Vec<Row>, usize) {\n',
            ),
          ],
          [think(''), bash(clippy, 'Run clippy again')],
          [
            think(
              'Green, but looking at it again this is the wrong fix: an allow only mutes the lint, and the user asked for clippy clean, not clippy ' +
                'quiet. The lint is right, the loop is just a hand-written iteration. Undo it.',
            ),
            bash('git restore src/lib.rs && git status --short', 'Undo the allow'),
          ],
          [
            think(
              'Clippy suggests `while let Some(line) = lines.next()`. But nothing inside the loop advances the iterator (no lines.next() in the body, ' +
                'no peeking), so a plain for loop over text.lines() is simpler still and drops the `lines` binding altogether. Going with the for ' +
                'loop rather than the while let that clippy suggests; clippy has no complaint about a for loop.',
            ),
            edit('src/lib.rs', loopOld, '    for line in text.lines() {\n'),
          ],
          [think(''), bash(clippy, 'Run clippy')],
          [think('Clippy clean. Now the tests, doc-tests included.'), bash(tests, 'Run the tests')],
          [
            think(
              'The doc example still uses the old comma format, so parse sees one field and the unwrap panics. Two ways out: accept commas as a second ' +
                'separator in the parser, or fix the example, not the parser. The format has been pipe-separated since the crate existed (the module ' +
                'doc says so) and product names can contain commas ("pan dulce, chico"), so a comma separator would make those lines ambiguous. Fix ' +
                'the example.',
            ),
            edit(
              'src/lib.rs',
              '/// let r = renglones::parse("2026-03-01,tortillas,3,18.50").unwrap();\n',
              '/// let r = renglones::parse("2026-03-01|tortillas|3|18.50").unwrap();\n',
            ),
          ],
          [think(''), bash(`${tests} && ${clippy}`, 'Run the tests and clippy')],
          [
            say(
              'Listo, las dos cosas quedaron en verde:\n\n' +
                '- **clippy**: `parse_all` tenía un `loop` con `match lines.next()` y `break`. Lo cambié por un `for line in text.lines()`. ' +
                'Al principio le puse un `#[allow]` pero lo quité: así solo se calla el lint.\n' +
                '- **doctest**: el ejemplo de `parse` todavía usaba comas (`2026-03-01,tortillas,...`), el formato viejo; lo pasé a `|`.\n\n' +
                '`src/simd.rs` no lo toqué.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: "renglones: clippy and the doc-test fixed. src/simd.rs is Rodrigo's and off limits.",
          intent: 'Make cargo clippy -- -D warnings and the doc-tests pass; leave the simd feature (Rodrigo) alone.',
          concepts: ['Rust std only', 'clippy -D warnings', 'doc-tests'],
          files: ['src/lib.rs: parse_all loop rewritten; doc example uses |'],
          errors: ['clippy flagged the loop in parse_all; fixed', 'The parse doc-test used commas; fixed'],
          solving: 'Muting the lint was tried and undone.',
          messages: ['Make clippy and the doc-tests clean; do not touch src/simd.rs'],
          pending: [],
          current: 'Everything green.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: second,
        model: [
          [
            think(
              'First a measurement, otherwise "faster" means nothing. cargo bench needs nightly for #[bench] or a criterion dependency, neither is ' +
                'welcome here, so an ignored integration test that builds a big day in memory and times parse_all, run in release with --nocapture. ' +
                'Generate the lines deterministically (products, quantities, prices from the index) with a malformed line every so often, and print ' +
                'the row count, the bad ones and a price total so before/after can be compared for correctness too.',
            ),
            write('tests/tiempo.rs', TIEMPO),
          ],
          [think(''), bash(`${timing}; ${timing}`, 'Time parse_all in release, twice')],
          [
            think(
              'Baseline in hand. Per line parse does: split + collect into a Vec (an allocation per line), two to_string (two more), an integer ' +
                'parse and an f64 parse. The obvious win is not allocating the Vec: find the three separators directly. How to find them fast is the ' +
                'question for the user: std::simd is what Rodrigo is trying and needs nightly; SWAR over u64 words works on stable; the memchr crate ' +
                'would be a dependency. Ask.',
            ),
            say(
              'Ya está la medición: `tests/tiempo.rs` arma en memoria un día de 1.2 millones de renglones (con algunos rotos) y mide `parse_all`. ' +
                'Se corre con:\n\n```\ncargo test --release --test tiempo -- --ignored --nocapture\n```\n\nLos números de las dos corridas están arriba. ' +
                "Lo que más cuesta por renglón es el `Vec` que arma `split('|').collect()`. Para buscar los separadores sin ese `Vec` tengo tres opciones:\n\n" +
                '1. `std::simd` como en el experimento de Rodrigo: rápido, pero solo compila en nightly.\n' +
                '2. SWAR a mano: revisar los bytes de 8 en 8 con un `u64` para encontrar los `|`, en stable y sin dependencias.\n' +
                '3. El crate `memchr`: probado y rápido, pero es una dependencia nueva.\n\n¿Cuál prefieres?',
            ),
          ],
        ],
      },
      {
        user: third,
        model: [
          [
            think(
              'Option 2 without unsafe. The classic SWAR loops read u64s straight out of the byte slice, either through a raw pointer or with ' +
                'align_to::<u64>() to get the aligned middle part. Both are out: align_to is an unsafe fn. So chunks_exact(8) with u64::from_le_bytes ' +
                'on each chunk, and the remainder byte by byte. The compiler turns from_le_bytes on an 8-byte chunk into a single load anyway. ' +
                'Exact zero-byte test after xor with the pipe pattern: !(((x & 0x7f..) + 0x7f..) | x | 0x7f..) has the high bit set only for bytes that ' +
                'were |, no false positives from borrows. Stop counting at 4 separators (already an error).',
            ),
            edit('src/lib.rs', PARSE_SPLIT, PARSE_SWAR),
          ],
          [think(''), edit('src/lib.rs', '/// Por qué no se pudo leer un renglón.\n', SEPARADORES.slice(1) + '\n/// Por qué no se pudo leer un renglón.\n')],
          [think(''), bash('cargo test 2>&1 | head -n 16', 'Build and run the tests')],
          [
            think('chunks_exact gives &[u8]; from_le_bytes wants an array. try_into() on a chunk of exactly 8 cannot fail.'),
            edit('src/lib.rs', 'u64::from_le_bytes(chunk) ^ PIPES', 'u64::from_le_bytes(chunk.try_into().unwrap()) ^ PIPES'),
          ],
          [think(''), bash(`${tests} && ${clippy}`, 'Run the tests and clippy')],
          [think('Unit tests and the doc-test pass, clippy clean. Now the timing, twice.'), bash(`${timing}; ${timing}`, 'Time parse_all again')],
          [
            think(
              'Same row count, same bad lines, same total, so the output is identical; elapsed went down. The simd module is behind a cfg in lib.rs, ' +
                'which I edited, so check that the feature still builds.',
            ),
            bash('cargo test --features simd 2>&1 | grep -E "^error" | sort | uniq -c', 'Check the simd feature'),
          ],
          [
            think(
              "portable_simd is unstable: src/simd.rs cannot build on stable at all, before or after my change. It is Rodrigo's file and off limits. " +
                'To be sure my change to lib.rs does not break it on nightly I could install a nightly toolchain and build it there.',
            ),
            bash(nightly, 'Install a nightly toolchain to build the simd feature'),
          ],
          [
            think(''),
            say(
              'Ok, no instalo nada. Resumen:\n\n' +
                '- `parse` ya no arma el `Vec`: una función `separadores` busca los tres `|` revisando 8 bytes a la vez en un `u64` ' +
                '(`chunks_exact(8)` + `u64::from_le_bytes`), sin `unsafe`, y el resto byte por byte.\n' +
                '- Tests unitarios, el doctest y clippy pasan. La medición da los mismos renglones, malos y total que antes, y el `elapsed` bajó ' +
                '(arriba están las dos corridas).\n' +
                '- `cargo test --features simd` no compila en stable: `src/simd.rs` usa `std::simd`, que es inestable. Eso ya pasaba antes de mi cambio ' +
                'y no toqué el archivo.',
            ),
          ],
        ],
        refuse: { [nightly]: refusal },
      },
      {
        user: fourth,
        model: [
          [
            think('Changelog entry for 0.3.0 on top, bump Cargo.toml, and one last clippy + tests run.'),
            edit(
              'CHANGELOG.md',
              '# Changelog\n\n',
              '# Changelog\n\n## 0.3.0\n\n- `parse` busca los separadores de 8 en 8 bytes (SWAR con `u64`, sin `unsafe`) y ya no arma un `Vec` por renglón.\n' +
                '- `parse_all` sin el `loop` que marcaba clippy.\n- El ejemplo de `parse` usa `|`.\n' +
                '- Nuevo `tests/tiempo.rs` (ignorado): `cargo test --release --test tiempo -- --ignored --nocapture`.\n\n',
            ),
          ],
          [think(''), edit('Cargo.toml', 'version = "0.2.1"', 'version = "0.3.0"')],
          [think(''), bash(`cargo clippy -- -D warnings 2>&1 | tail -n 3 && cargo test 2>&1 | grep "test result"`, 'Run clippy and the tests')],
          [
            say(
              'Listo: CHANGELOG con la entrada de 0.3.0 y `Cargo.toml` en 0.3.0. clippy y `cargo test` pasan; `--features simd` sigue sin compilar ' +
                'en stable, eso queda para Rodrigo.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'renglones 0.3.0: clippy and doc-tests clean, a faster separator scan without unsafe, a release timing test. The simd feature does not build on stable.',
          intent: 'Clean clippy/doc-tests, make parsing faster (SWAR, no unsafe), measure it, changelog and version 0.3.0. src/simd.rs belongs to Rodrigo.',
          concepts: ['SWAR byte search with u64', 'ignored release-mode timing test', 'cargo features'],
          files: ['src/lib.rs: separadores() and parse without a Vec', 'tests/tiempo.rs: timing of parse_all', 'CHANGELOG.md, Cargo.toml: 0.3.0'],
          errors: ['A type mismatch in the new scan; fixed', 'cargo test --features simd does not compile on stable (std::simd)'],
          solving: 'The user picked option 2 (SWAR) without unsafe; the timing went down with identical output.',
          messages: [
            'Earlier messages are in the previous summary',
            'Make parsing faster and measure it',
            'la 2, pero sin unsafe',
            'The user refused installing nightly',
            'Changelog and version 0.3.0',
          ],
          pending: ['Rodrigo: simd feature on nightly'],
          current: 'Version bumped, everything but the simd feature green.',
          next: 'Wait for the user.',
        }),
      },
    ];
  },
};
