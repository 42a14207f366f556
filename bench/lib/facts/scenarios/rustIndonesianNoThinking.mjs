// A std-only cargo crate (kvparse: `key = value` config files with [sections]) and an Indonesian-speaking
// user. The model writes no thinking text (`thinking: false`), so its choices are in its replies. The
// first `cargo test` fails four tests at once; later runs fix them one at a time (one through an
// error[E0308] in between), and the duplicate-key test is left failing on the user's answer "yang
// kedua". Cutting comments at the first `#` is tried, put away with `git stash` and dropped; the agent
// suggests a clippy rule the user never takes up; a `git push` is refused. `cargo run --release` times
// the parse of a generated file. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// A deterministic big config: 400 sections of 60 keys, with comments and quoted values.
function bigConf() {
  const lines = ['# layanan yang dibuat otomatis untuk uji beban'];
  let keys = 0;
  for (let s = 0; s < 400; s++) {
    lines.push('', `[svc-${String(s).padStart(3, '0')}]`);
    for (let k = 0; k < 60; k++) {
      if (k % 10 === 0) lines.push(`# blok ${k}`);
      let value = `nilai-${s}-${k}`;
      if (k % 7 === 0) value = `"#${(((s * 60 + k) * 2654435761) % 16777216).toString(16).padStart(6, '0')}"`;
      else if (k % 5 === 0) value = `${k * s} # bawaan`;
      lines.push(`key_${String(k).padStart(2, '0')} = ${value}`);
      keys++;
    }
  }
  const text = lines.join('\n') + '\n';
  return { text, keys, bytes: Buffer.byteLength(text) };
}

const BIG = bigConf();

const TESTS = String.raw`#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_pairs() {
        let c = parse("name = kvparse\nversion=0.3\n").unwrap();
        assert_eq!(c.get("name"), Some("kvparse"));
        assert_eq!(c.get("version"), Some("0.3"));
    }

    #[test]
    fn section_header() {
        let c = parse("[server]\nport = 8080\n").unwrap();
        assert_eq!(c.get("server.port"), Some("8080"));
    }

    #[test]
    fn inline_comment() {
        let c = parse("port = 8080 # default\n").unwrap();
        assert_eq!(c.get("port"), Some("8080"));
    }

    #[test]
    fn quoted_value() {
        let c = parse("color = \"#ff8800\"\ntitle = \"a = b\"\n").unwrap();
        assert_eq!(c.get("color"), Some("#ff8800"));
        assert_eq!(c.get("title"), Some("a = b"));
    }

    #[test]
    fn duplicate_key_is_error() {
        let err = parse("port = 1\nport = 2\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn error_has_line_number() {
        let err = parse("a = 1\nnot a pair\n").unwrap_err();
        assert_eq!(err.line, 2);
    }
}
`;

const LIB =
  '//! kvparse: `key = value` config files.\nuse std::collections::HashMap;\n\n/// A line that could not be parsed.\n#[derive(Debug, PartialEq)]\n' +
  'pub struct ParseError {\n    pub line: usize,\n    pub message: String,\n}\n\n' +
  '/// The parsed file: keys (`section.key` inside a `[section]`) to values.\n#[derive(Debug, Default)]\npub struct Config {\n    values: HashMap<String, String>,\n}\n\n' +
  'impl Config {\n    pub fn get(&self, key: &str) -> Option<&str> {\n        self.values.get(key).map(|v| v.as_str())\n    }\n\n' +
  '    pub fn len(&self) -> usize {\n        self.values.len()\n    }\n\n    pub fn is_empty(&self) -> bool {\n        self.values.is_empty()\n    }\n}\n\n' +
  'pub fn parse(text: &str) -> Result<Config, ParseError> {\n    let mut config = Config::default();\n    for (index, raw) in text.lines().enumerate() {\n' +
  "        let line = raw.trim();\n        if line.is_empty() || line.starts_with('#') {\n            continue;\n        }\n" +
  '        let (key, value) = line.split_once(\'=\').ok_or_else(|| ParseError {\n            line: index + 1,\n            message: format!("expected key = value, got {line:?}"),\n        })?;\n' +
  '        config.values.insert(key.trim().to_string(), value.trim().to_string());\n    }\n    Ok(config)\n}\n\n' +
  TESTS;

const LOOP_HEAD =
  "    let mut config = Config::default();\n    for (index, raw) in text.lines().enumerate() {\n        let line = raw.trim();\n        if line.is_empty() || line.starts_with('#') {\n            continue;\n        }\n";
const LOOP_SECTIONS =
  "    let mut config = Config::default();\n    let mut section = String::new();\n    for (index, raw) in text.lines().enumerate() {\n        let line = raw.trim();\n        if line.is_empty() || line.starts_with('#') {\n            continue;\n        }\n" +
  "        if line.starts_with('[') && line.ends_with(']') {\n            section = line[1..line.len() - 1].trim();\n            continue;\n        }\n";

const CLEAN =
  '/// The value without an inline comment (a `#` outside quotes) and without its quotes.\nfn clean_value(raw: &str) -> String {\n    let mut out = String::new();\n    let mut in_quotes = false;\n' +
  "    for c in raw.trim().chars() {\n        match c {\n            '\"' => in_quotes = !in_quotes,\n            '#' if !in_quotes => break,\n            _ => out.push(c),\n        }\n    }\n" +
  '    out.trim().to_string()\n}\n\n';

const MAIN =
  'use std::time::Instant;\n\nfn main() {\n    let path = std::env::args().nth(1).expect("pakai: kvparse FILE");\n' +
  '    let text = std::fs::read_to_string(&path).expect("tidak bisa membaca file");\n    let start = Instant::now();\n    match kvparse::parse(&text) {\n' +
  '        Ok(config) => println!("kunci: {}, waktu parse: {:.2?}", config.len(), start.elapsed()),\n' +
  '        Err(e) => {\n            eprintln!("{path}:{}: {}", e.line, e.message);\n            std::process::exit(1);\n        }\n    }\n}\n';

export const scenario = {
  name: 'rust-indonesian-nothinking',
  about:
    'held out: std-only cargo parser crate, Indonesian user, no thinking text; four tests fail at once and are fixed one run at a time (one left failing); error[E0308]; git stash dropped; "ya"/"yang kedua" answers; cargo run --release timings',
  requires: ['cargo', 'git'],
  thinking: false,
  files: {
    '.gitignore': 'target/\n',
    'Cargo.toml': '[package]\nname = "kvparse"\nversion = "0.3.0"\nedition = "2021"\n\n[dependencies]\n',
    'README.md':
      '# kvparse\n\nParser untuk file konfigurasi `key = value`.\n\n    cargo test\n\nJika sebuah kunci muncul dua kali, nilai terakhir yang dipakai.\n',
    'src/lib.rs': LIB,
    'samples/besar.conf': BIG.text,
  },
  build(k, { edit, write }) {
    const fixAll = k.request('tolong perbaiki parser supaya semua tes di src/lib.rs lulus');
    const stdOnly = k.constraint('jangan tambah dependensi, cukup std');
    k.error('tests::section_header', 'resolved');
    k.error('tests::inline_comment', 'resolved');
    k.error('tests::quoted_value', 'resolved');
    k.error('tests::duplicate_key_is_error', 'unresolved');
    const flat = k.decision(
      'satu map datar dengan kunci "bagian.kunci"',
      'pemanggil sudah mencari nilai dengan satu string seperti "server.port"',
      'HashMap bersarang per bagian',
    );
    k.error('error[E0308]: mismatched types', 'resolved');
    k.file('src/lib.rs');
    const cut = k.rejected("split_once('#')", 'memotong di # pertama juga memotong nilai berkutip seperti "#ff8800"');
    const scan = k.decision(
      'memindai nilai sekali sambil mencatat apakah sedang di dalam tanda kutip',
      'satu lintasan menangani komentar dan tanda kutip sekaligus',
      'dua lintasan terpisah untuk komentar dan untuk kutip',
    );
    const clippy = 'selalu jalankan cargo clippy -- -D warnings sebelum commit';
    const refusal = k.refusal('jangan push dulu, saya mau review sendiri besok');
    const bin = k.request('tambahkan program kecil yang membaca file config dan mencetak jumlah kunci dan waktu parse');
    k.file('src/main.rs');
    k.number(String(BIG.keys));
    k.number(String(BIG.bytes));
    k.check('cargo test', 'failing');
    const readme = k.request('tulis ringkasan format yang didukung di README.md');
    k.file('README.md');
    k.lastRequest(readme);
    k.not('constraints', clippy, 'proposed by the agent, never given by the user');
    k.not('constraints', fixAll, 'a request is not a standing rule');
    k.not('errors', 'saya mau review sendiri', "a user's refusal is not a tool error");
    k.not('rejected', scan.choice, 'the approach that was kept is not a dead end');

    const first = `Halo! Crate kvparse saya masih gagal di beberapa tes. ${fixAll}. ${stdOnly}. Cukup jalankan cargo test.`;
    const fourth = `Oke. Sekarang ${bin}, lalu coba di samples/besar.conf pakai cargo run --release.`;
    const fifth = `Mantap, terima kasih. Terakhir: ${readme}.`;

    const tests = 'cargo test 2>&1 | tail -n 40';
    const push = 'git push origin main';

    return [
      {
        user: first,
        model: [
          [empty(), say('Saya jalankan semua tes dulu untuk melihat mana saja yang gagal.'), bash(tests, 'Run the tests')],
          [
            empty(),
            say(
              `Empat tes gagal. Mulai dari section_header. Untuk bagian saya pakai ${flat.choice}, bukan ${flat.alternative}, karena ${flat.reason}; ` +
                'API get() tidak perlu berubah.',
            ),
            edit('src/lib.rs', LOOP_HEAD, LOOP_SECTIONS),
          ],
          [
            empty(),
            edit(
              'src/lib.rs',
              '        config.values.insert(key.trim().to_string(), value.trim().to_string());\n',
              '        let key = if section.is_empty() {\n            key.trim().to_string()\n        } else {\n            format!("{section}.{}", key.trim())\n        };\n' +
                '        config.values.insert(key, value.trim().to_string());\n',
            ),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say('section bertipe String, sedangkan trim() mengembalikan &str. Tambah to_string().'),
            edit(
              'src/lib.rs',
              '            section = line[1..line.len() - 1].trim();\n',
              '            section = line[1..line.len() - 1].trim().to_string();\n',
            ),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say('section_header sudah lulus. Saya commit dulu sebelum mencoba komentar.'),
            bash('git commit -qam "parse: [bagian] headers" && git log --oneline -1', 'Commit the sections'),
          ],
          [
            empty(),
            say('Cara paling cepat untuk komentar: potong baris di # pertama.'),
            edit(
              'src/lib.rs',
              "        let line = raw.trim();\n        if line.is_empty() || line.starts_with('#') {\n",
              "        let line = raw.split_once('#').map_or(raw, |(before, _)| before).trim();\n        if line.is_empty() {\n",
            ),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say(`inline_comment lulus, tapi cara ini salah: ${cut.why}. Saya simpan ke stash lalu buang.`),
            bash(`git stash push -m "komentar via ${cut.what}" && git stash list`, 'Stash the split_once attempt'),
          ],
          [empty(), bash('git stash drop && git status --short', 'Drop the stashed attempt')],
          [
            empty(),
            say(`Pendekatan yang saya pakai: ${scan.choice}, bukan ${scan.alternative}, karena ${scan.reason}: # di dalam kutip tetap bagian dari nilai.`),
            edit('src/lib.rs', '#[cfg(test)]\nmod tests {\n', CLEAN + '#[cfg(test)]\nmod tests {\n'),
          ],
          [
            empty(),
            edit('src/lib.rs', '        config.values.insert(key, value.trim().to_string());\n', '        config.values.insert(key, clean_value(value));\n'),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say(
              'Tinggal satu tes yang gagal (duplicate_key_is_error). Sebelum itu satu pertanyaan: perlu dukungan escape \\" di dalam nilai berkutip juga, ' +
                `misalnya msg = "dia bilang \\"halo\\""? Oh ya, saran saya: ${clippy}.`,
            ),
          ],
        ],
      },
      {
        user: 'ya',
        model: [
          [
            empty(),
            edit(
              'src/lib.rs',
              "    for c in raw.trim().chars() {\n        match c {\n            '\"' => in_quotes = !in_quotes,\n",
              "    let mut chars = raw.trim().chars();\n    while let Some(c) = chars.next() {\n        match c {\n            '\"' => in_quotes = !in_quotes,\n" +
                String.raw`            '\\' if in_quotes => out.extend(chars.next()),` +
                '\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/lib.rs',
              '    #[test]\n    fn duplicate_key_is_error() {\n',
              '    #[test]\n    fn escaped_quote() {\n' +
                String.raw`        let c = parse("msg = \"he said \\\"hi\\\"\"\n").unwrap();` +
                '\n' +
                String.raw`        assert_eq!(c.get("msg"), Some("he said \"hi\""));` +
                '\n    }\n\n    #[test]\n    fn duplicate_key_is_error() {\n',
            ),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say(
              'Escape sudah didukung dan ada tes escaped_quote yang lulus. Tinggal duplicate_key_is_error. README bilang nilai terakhir yang menang, tes ini minta error. Pilihan:\n\n' +
                '1. Ubah parser sekarang supaya kunci ganda jadi error (config lama yang punya kunci ganda akan gagal dibaca).\n' +
                '2. Biarkan dulu; tes ini tetap merah sampai tim memutuskan.\n\nYang mana?',
            ),
          ],
        ],
      },
      {
        user: 'yang kedua',
        model: [
          [
            empty(),
            say('Oke, duplicate_key_is_error saya biarkan merah.'),
            bash('git commit -qam "parse: komentar, tanda kutip dan escape" && git log --oneline -2', 'Commit'),
          ],
          [empty(), bash(push, 'Push to origin')],
          [empty(), say('Baik, tidak di-push. Dua commit ada di main secara lokal.')],
        ],
        refuse: { [push]: refusal },
      },
      {
        user: fourth,
        model: [
          [empty(), write('src/main.rs', MAIN)],
          [
            empty(),
            bash(
              'ls -l samples/besar.conf && cargo run --release -q -- samples/besar.conf && cargo run --release -q -- samples/besar.conf',
              'Parse the big sample in release mode',
            ),
          ],
          [empty(), bash('time cargo run -q -- samples/besar.conf', 'Compare with a debug build')],
          [
            empty(),
            say(
              'src/main.rs membaca file, mem-parse, lalu mencetak jumlah kunci dan waktu parse. Angka release dan debug ada di output di atas; release jauh lebih cepat.',
            ),
          ],
        ],
      },
      {
        user: fifth,
        model: [
          [
            empty(),
            edit(
              'README.md',
              'Jika sebuah kunci muncul dua kali, nilai terakhir yang dipakai.\n',
              'Jika sebuah kunci muncul dua kali, nilai terakhir yang dipakai.\n\n## Format\n\n' +
                '- `kunci = nilai`, spasi di sekitar `=` diabaikan\n- `[bagian]` membuat kunci `bagian.kunci`\n' +
                '- `#` di awal baris atau setelah nilai adalah komentar, kecuali di dalam tanda kutip\n- nilai boleh dikutip `"..."`, dengan escape `\\"`\n\n' +
                '    cargo run --release -- FILE   # jumlah kunci dan waktu parse\n',
            ),
          ],
          [empty(), say('README.md sekarang punya bagian "Format". Catatan: duplicate_key_is_error masih gagal sesuai keputusan Anda.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'kvparse: sections, comments, quotes and escapes work; the duplicate-key test is left failing; a small binary times the parse.',
          intent: 'Make the tests in src/lib.rs pass (std only), add a binary that prints the key count and parse time, document the format.',
          concepts: ['Rust std only', 'cargo test', 'cargo run --release'],
          files: ['src/lib.rs: sections, clean_value for comments and quotes', 'src/main.rs: key count and parse time', 'README.md: Format section'],
          errors: ['A String/&str mismatch; fixed', 'duplicate_key_is_error still fails (left on purpose)'],
          solving: 'A quick comment cut was tried and dropped.',
          messages: [
            'Fix the parser so the tests pass; no dependencies',
            'ya (escapes)',
            'yang kedua (leave the duplicate test red)',
            'Add a small timing binary',
            'Summarise the format in the README',
          ],
          pending: ['The team decides about duplicate keys'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
