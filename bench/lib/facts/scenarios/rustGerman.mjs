// A German-speaking user on a Rust crate (cargo test). The model's thinking is empty (a signature only,
// as most real logs hold it), so its decisions and reasons are in its visible text, in German.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

export const scenario = {
  name: 'rust-german',
  about: 'German user text, rust/cargo, empty thinking (signature only), decisions in visible text',
  requires: ['cargo'],
  thinking: false,
  files: {
    '.gitignore': 'target/\n',
    'Cargo.toml': '[package]\nname = "zeitplan"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
    'src/lib.rs':
      "/// Minuten aus einer Angabe wie \"1h30m\".\npub fn parse_minuten(s: &str) -> u32 {\n    let mut minuten = 0;\n    let mut zahl = 0;\n    for c in s.chars() {\n        match c {\n            '0'..='9' => zahl = zahl * 10 + c.to_digit(10).unwrap(),\n            'h' => zahl = 0,\n            'm' => { minuten += zahl; zahl = 0; }\n            _ => {}\n        }\n    }\n    minuten\n}\n\n#[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n    fn stunden_und_minuten() {\n        assert_eq!(parse_minuten(\"1h30m\"), 90, \"DAUER-FEHLER bei 1h30m\");\n    }\n}\n",
    'scripts/pruefe-feiertage.sh': '#!/bin/sh\necho "FEIERTAG-FEHLER: 2025-10-26 fehlt in feiertage.csv" >&2\nexit 1\n',
    'scripts/zaehle.sh': '#!/bin/sh\necho "Termine gesamt: $((1200 + 84)), davon wiederkehrend: $((300 + 17))"\n',
  },
  build(k, { edit, write }) {
    const bitte = k.request('den Parser für Dauern wie 1h30m reparieren');
    const unsafe = k.constraint('keine unsafe-Blöcke');
    const dauer = k.error('DAUER-FEHLER bei 1h30m', 'resolved');
    k.check('cargo test', 'passing');
    const minuten = k.decision('ganze Minuten als u32', 'die Kalender-API nur Minuten kennt', 'std::time::Duration');
    const regex = k.rejected('cargo add regex', 'ohne Netz kein Registry-Zugriff');
    k.file('src/lib.rs');
    k.file('src/feiertage.rs');
    const feiertage = k.request('ein Modul für die Feiertage');
    const englisch = k.constraint('Kommentare bitte auf Deutsch');
    k.error('FEIERTAG-FEHLER: 2025-10-26 fehlt in feiertage.csv', 'unresolved');
    k.number('1284');
    k.number('317');
    k.not('numbers', 'v0.1.0', 'a version string is not a measurement');
    k.not('decisions', 'Jetzt lasse ich die Tests noch einmal laufen', 'an intention, not a decision');
    void dauer;

    return [
      {
        user: `Hallo! Kannst du bitte ${bitte}? Die Tests schlagen fehl. Bitte ${unsafe}.`,
        model: [
          [empty(), bash('cargo test', 'Tests ausführen')],
          [empty(), say('Ein Regex wäre am einfachsten, ich probiere das Crate.'), bash(`${regex.what} --offline`, 'regex hinzufügen')],
          [
            empty(),
            say(
              `Das geht nicht: ${regex.why}. Ich parse von Hand. Ich speichere die Dauer als ${minuten.choice} statt als ${minuten.alternative}, weil ${minuten.reason}.`,
            ),
            edit('src/lib.rs', "            'h' => zahl = 0,", "            'h' => { minuten += zahl * 60; zahl = 0; }"),
          ],
          [empty(), say('Jetzt lasse ich die Tests noch einmal laufen.'), bash('cargo test --quiet 2>&1 | tail -3', 'Tests erneut')],
          [empty(), say('Der Parser rechnet Stunden jetzt mit ein, die Tests laufen durch.')],
        ],
      },
      {
        user: `Super. Jetzt bitte noch ${feiertage} und zähl mal die Termine. ${englisch}.`,
        model: [
          [
            empty(),
            write('src/feiertage.rs', '/// Gesetzliche Feiertage, aus feiertage.csv gelesen.\npub fn ist_feiertag(_datum: &str) -> bool {\n    false\n}\n'),
          ],
          [empty(), edit('src/lib.rs', '/// Minuten aus einer Angabe wie "1h30m".', 'pub mod feiertage;\n\n/// Minuten aus einer Angabe wie "1h30m".')],
          [empty(), bash('sh scripts/zaehle.sh', 'Termine zählen')],
          [empty(), bash('sh scripts/pruefe-feiertage.sh', 'Feiertage prüfen')],
          [empty(), say('Das Modul ist angelegt, die Zählung steht oben. Die Feiertagsprüfung meldet noch einen fehlenden Tag.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Der Nutzer schreibt Deutsch. Parser für Dauern repariert, Feiertagsmodul angelegt, Prüfung schlägt noch fehl.',
          intent:
            'Den Parser für Dauern (z. B. 1h30m) reparieren, ohne unsafe-Blöcke; danach ein Feiertagsmodul anlegen und die Termine zählen. Kommentare auf Deutsch.',
          concepts: ['Rust, cargo test', 'Manuelles Parsen von Dauern'],
          files: ['src/lib.rs: parse_minuten rechnet Stunden mit ein; pub mod feiertage', 'src/feiertage.rs: neu, ist_feiertag()'],
          errors: [
            'cargo test schlug fehl (1h30m ergab 30 statt 90); behoben, Tests grün',
            'Das regex-Crate ließ sich offline nicht hinzufügen; stattdessen von Hand geparst',
            'pruefe-feiertage.sh meldet einen fehlenden Feiertag im Oktober',
          ],
          solving:
            'Dauer als ganze Minuten als u32 statt std::time::Duration, weil die Kalender-API nur Minuten kennt. Termine gezählt: rund 1.300, davon gut 300 wiederkehrend.',
          messages: [
            `"Hallo! Kannst du bitte ${bitte}? Die Tests schlagen fehl. Bitte ${unsafe}."`,
            `"Super. Jetzt bitte noch ${feiertage} und zähl mal die Termine. ${englisch}."`,
          ],
          pending: ['Fehlenden Feiertag in feiertage.csv ergänzen'],
          current: 'Feiertagsprüfung ausgeführt; sie schlägt noch fehl.',
          next: 'Den fehlenden Feiertag ergänzen und die Prüfung erneut laufen lassen.',
        }),
      },
    ];
  },
};
