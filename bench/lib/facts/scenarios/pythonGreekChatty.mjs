// A chatty Greek-speaking user at an olive-oil cooperative with a stdlib statistics script (csv +
// statistics) over the accounting program's export (semicolons, comma decimals, a ΣΥΝΟΛΟ row at the end),
// tested with `python3 -m unittest`. The model writes no thinking text (`thinking: false`): it answers in
// Greek and states its choices, with the dismissed alternative and the reason, in its replies. The
// comma decimals break float() (fixed); the Greek locale is tried and taken out (not installed); the
// user answers "ναι" and "το δεύτερο" to the agent's questions; population standard deviation breaks
// a colleague's test, the agent edits that test and the user stops it ("όχι, σταμάτα, ..."), so the
// test stays failing; a git commit is refused. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

const VILLAGES = ['Κρεμαστή', 'Αγία Παρασκευή', 'Λυγιά', 'Πλάτανος', 'Μαραθιάς'];
const SURNAMES = ['Παπαδόπουλος', 'Γεωργίου', 'Νικολάου', 'Οικονόμου', 'Δημητρίου', 'Ιωάννου', 'Βλάχος', 'Κωνσταντίνου', 'Μαυρίδης', 'Αθανασίου'];
const INITIALS = ['Α.', 'Γ.', 'Δ.', 'Ε.', 'Κ.', 'Μ.', 'Ν.', 'Σ.'];

const commaDecimal = (tenths) => `${Math.floor(tenths / 10)},${tenths % 10}`;

// The accounting export: 347 producers, kilos with a comma decimal, and the program's own total row.
function production() {
  let seed = 2026;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const rows = [];
  for (let i = 0; i < 347; i++) {
    const village = i === 0 ? 'Κρεμαστή' : VILLAGES[Math.floor(rand() * VILLAGES.length)];
    const base = { Κρεμαστή: 900, 'Αγία Παρασκευή': 1400, Λυγιά: 600, Πλάτανος: 1100, Μαραθιάς: 750 }[village];
    const tenths = i === 0 ? 12345 : Math.round((base * (0.4 + rand() * 1.2) + rand() * 40) * 10);
    rows.push({ producer: `${SURNAMES[i % SURNAMES.length]} ${INITIALS[(i * 7) % INITIALS.length]} (${100 + i})`, village, tenths });
  }
  const total = rows.reduce((sum, r) => sum + r.tenths, 0);
  const text =
    'Παραγωγός;Χωριό;Κιλά\n' + rows.map((r) => `${r.producer};${r.village};${commaDecimal(r.tenths)}`).join('\n') + `\nΣΥΝΟΛΟ;;${commaDecimal(total)}\n`;
  const kg = rows.map((r) => r.tenths / 10);
  const mean = kg.reduce((a, b) => a + b, 0) / kg.length;
  const sorted = [...kg].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const kr = rows.filter((r) => r.village === 'Κρεμαστή').map((r) => r.tenths / 10);
  const krMean = kr.reduce((a, b) => a + b, 0) / kr.length;
  const krP = Math.sqrt(kr.reduce((a, b) => a + (b - krMean) ** 2, 0) / kr.length);
  return {
    text,
    count: rows.length,
    total: (total / 10).toFixed(1),
    mean: mean.toFixed(2),
    median: median.toFixed(2),
    kremastiCount: kr.length,
    kremastiPstdev: krP.toFixed(2),
  };
}

const DATA = production();

const STATS =
  '#!/usr/bin/env python3\n"""Στατιστικά παραγωγής από το CSV του λογιστικού (Παραγωγός;Χωριό;Κιλά).\n\n    python3 stats.py data/paragogi_2026.csv\n"""\n' +
  'import csv\nimport statistics\nimport sys\n\n\n' +
  'def read_rows(path):\n    with open(path, newline="", encoding="utf-8") as f:\n        return [\n' +
  '            {"producer": r["Παραγωγός"], "village": r["Χωριό"], "kg": float(r["Κιλά"])}\n' +
  '            for r in csv.DictReader(f, delimiter=";")\n        ]\n\n\n' +
  'def spread(values):\n    return statistics.stdev(values)\n\n\n' +
  'def main(path):\n    rows = read_rows(path)\n    kg = [r["kg"] for r in rows]\n' +
  '    print(f"παραγωγοί: {len(rows)}")\n    print(f"σύνολο κιλών: {sum(kg):.1f}")\n    print(f"μέσος όρος: {statistics.mean(kg):.2f}")\n\n\n' +
  'if __name__ == "__main__":\n    main(sys.argv[1])\n';

const NIKOS_TEST =
  '# Τα tests του Νίκου. Τρέχουν με: python3 -m unittest\nimport unittest\n\nfrom stats import read_rows, spread\n\n\n' +
  'class StatsTest(unittest.TestCase):\n    def test_spread(self):\n        self.assertAlmostEqual(spread([2, 4, 4, 4, 5, 5, 7, 9]), 2.138, places=3)\n\n' +
  '    def test_read_rows(self):\n        rows = read_rows("tests/sample.csv")\n        self.assertEqual([r["kg"] for r in rows], [12.5, 1200.0, 80.25])\n\n\n' +
  'if __name__ == "__main__":\n    unittest.main()\n';

const SAMPLE = 'Παραγωγός;Χωριό;Κιλά\nΑ;Λυγιά;12,5\nΒ;Λυγιά;1200\nΓ;Πλάτανος;80,25\n';

const BY_VILLAGE =
  '    print(f"μέσος όρος: {statistics.mean(kg):.2f}")\n' +
  '    print(f"διάμεσος: {statistics.median(kg):.2f}")\n\n' +
  '    by_village = {}\n    for r in rows:\n        by_village.setdefault(r["village"], []).append(r["kg"])\n' +
  "    print(f\"\\n{'χωριό':<16}{'πλήθος':>7}{'μέσος':>10}{'διάμεσος':>10}{'τ. απόκλ.':>10}\")\n" +
  '    for village, values in sorted(by_village.items()):\n' +
  '        print(f"{village:<16}{len(values):>7}{statistics.mean(values):>10.2f}{statistics.median(values):>10.2f}{spread(values):>10.2f}")\n';

export const scenario = {
  name: 'python-greek-chatty',
  about:
    'held out: stdlib csv+statistics script with python3 -m unittest, chatty Greek user, no thinking text (decisions in Greek replies), "ναι"/"το δεύτερο" answers, a "όχι, σταμάτα" correction, one error fixed and one test left failing, refused commit',
  requires: ['python3', 'git'],
  thinking: false,
  files: {
    'README.md': '# paragogi\n\nΣτατιστικά παραγωγής ελαιολάδου του συνεταιρισμού.\n\n    python3 stats.py data/paragogi_2026.csv\n    python3 -m unittest\n',
    'stats.py': STATS,
    'tests/__init__.py': '',
    'tests/test_stats.py': NIKOS_TEST,
    'tests/sample.csv': SAMPLE,
    'data/paragogi_2026.csv': DATA.text,
  },
  build(k, { edit }) {
    const perVillage = k.request('μέσο όρο, διάμεσο και τυπική απόκλιση των κιλών ανά χωριό');
    const csvRule = k.constraint('μην αλλάξεις τη μορφή του CSV');
    const stdlib = k.constraint('μόνο ό,τι έχει η Python, τίποτα από pip');
    k.error("ValueError: could not convert string to float: '1234,5'", 'resolved');
    const loc = k.rejected("locale.setlocale(locale.LC_NUMERIC, 'el_GR.UTF-8')", 'το el_GR.UTF-8 δεν είναι εγκατεστημένο σε αυτό το μηχάνημα');
    k.error('locale.Error: unsupported locale setting', 'resolved');
    k.error('statistics.StatisticsError: stdev requires at least two data points', 'resolved');
    const comma = k.decision(
      'αντικατάσταση του κόμματος με τελεία πριν το float()',
      'δεν εξαρτάται από το ποια locales έχει ο server',
      'ρύθμιση του ελληνικού locale',
    );
    const pop = k.decision('τυπική απόκλιση πληθυσμού', 'το αρχείο έχει όλους τους παραγωγούς του συνεταιρισμού, όχι δείγμα', 'τυπική απόκλιση δείγματος');
    // The producer count (347) is not planted: that short a number also sits in a hex digest of the CLI's own skill listing.
    k.number(DATA.total);
    k.number(DATA.mean);
    k.number(DATA.median);
    k.number(DATA.kremastiPstdev);
    k.error('AssertionError: 2.0 != 2.138 within 3 places', 'unresolved');
    const nikos = k.constraint('μην πειράζεις τα tests του Νίκου');
    const refusal = k.refusal('όχι commit ακόμα, θέλω να το δει πρώτα η Κατερίνα');
    const village = k.request('πρόσθεσε μια επιλογή --village');
    k.file('stats.py');
    k.file('README.md');
    k.check('python3 -m unittest', 'failing');
    k.lastRequest(village);
    k.not('constraints', perVillage, 'a request is not a standing rule');
    k.not('errors', 'θέλω να το δει πρώτα η Κατερίνα', "a user's refusal is not a tool error");
    k.not('errors', 'τα tests τα γράφει ο Νίκος', "the user's correction is not a tool error");
    k.not('rejected', '.replace(",", ".")', 'the comma replacement is what was kept');

    const first =
      'Καλησπέρα σας! Είμαι η Ελένη από τον ελαιουργικό συνεταιρισμό, κάνω λίγο και τα «κομπιουτερίστικα» εδώ πέρα επειδή κανείς άλλος δεν θέλει 😅. ' +
      'Έχουμε ένα μικρό script, το stats.py, που το είχε ξεκινήσει ο Νίκος πέρσι και διαβάζει το αρχείο παραγωγής data/paragogi_2026.csv που βγάζει το λογιστικό πρόγραμμα. ' +
      `Θα ήθελα να βγάζει ${perVillage}, γιατί στη γενική συνέλευση κάθε χρόνο ρωτάνε ποιο χωριό έφερε τι. ` +
      `Τα tests τρέχουν με python3 -m unittest, pytest δεν έχουμε στον server. Α, και δύο πράγματα: ${csvRule}, έτσι το βγάζει το λογιστικό και δεν αλλάζει, ` +
      `και ${stdlib}, ο server είναι παλιός και δεν θέλω περιπέτειες. Ευχαριστώ πολύ!`;
    const third = 'το δεύτερο';
    const fourth =
      'όχι, σταμάτα, τα tests τα γράφει ο Νίκος, γύρνα το πίσω σε παρακαλώ! Θα του το πω εγώ να το αλλάξει όταν γυρίσει από την Καβάλα. ' +
      `Από εδώ και πέρα ${nikos}, εντάξει;`;
    const fifth =
      `Τέλεια, σας ευχαριστώ πολύ, ήδη το έδειξα στον πρόεδρο και χάρηκε! Τελευταίο για σήμερα: ${village} ώστε να βγάζει τα νούμερα μόνο για ένα χωριό ` +
      '(π.χ. --village Κρεμαστή, γιατί κάθε χωριό θέλει τα δικά του), και γράψε και δυο γραμμές στο README για το πώς τρέχει.';

    const run = 'python3 stats.py data/paragogi_2026.csv';
    const tests = 'python3 -m unittest 2>&1 | tail -n 12';
    const commit = 'git add -A && git commit -qm "stats: per-village figures and --village"';

    return [
      {
        user: first,
        model: [
          [empty(), say('Καλησπέρα Ελένη! Ας δούμε πρώτα τι κάνουν σήμερα τα tests και το script.'), bash(tests, 'Run the tests')],
          [empty(), bash(run, 'Run the script on this year’s file')],
          [
            empty(),
            say('Το λογιστικό γράφει τα κιλά με κόμμα για δεκαδικά, και το float() της Python θέλει τελεία. Δοκιμάζω πρώτα με το ελληνικό locale.'),
            edit(
              'stats.py',
              'import csv\nimport statistics\n',
              "import csv\nimport locale\nimport statistics\n\nlocale.setlocale(locale.LC_NUMERIC, 'el_GR.UTF-8')\n",
            ),
          ],
          [empty(), edit('stats.py', '"kg": float(r["Κιλά"])}', '"kg": locale.atof(r["Κιλά"])}')],
          [empty(), bash(run, 'Run the script again')],
          [
            empty(),
            say(
              `Δεν πάει: ${loc.why}, και ποιος ξέρει τι έχει ο παλιός server. Το βγάζω. ` +
                `Προτιμώ ${comma.choice} αντί για ${comma.alternative}, γιατί ${comma.reason}· η μορφή του CSV μένει ίδια.`,
            ),
            edit(
              'stats.py',
              "import csv\nimport locale\nimport statistics\n\nlocale.setlocale(locale.LC_NUMERIC, 'el_GR.UTF-8')\n",
              'import csv\nimport statistics\n',
            ),
          ],
          [empty(), edit('stats.py', '"kg": locale.atof(r["Κιλά"])}', '"kg": float(r["Κιλά"].replace(",", "."))}')],
          [empty(), edit('stats.py', '    print(f"μέσος όρος: {statistics.mean(kg):.2f}")\n', BY_VILLAGE)],
          [empty(), bash(`${run} && ${tests}`, 'Run the script and the tests')],
          [
            empty(),
            say(
              'Τα κόμματα διαβάζονται πια, αλλά ο πίνακας σταματάει στην τυπική απόκλιση: υπάρχει ένα «χωριό» χωρίς όνομα με μία μόνο τιμή. ' +
                "Είναι η γραμμή ΣΥΝΟΛΟ του λογιστικού στο τέλος του αρχείου, που μετράει σαν παραγωγός (γι' αυτό βγαίνει και ο μέσος όρος σχεδόν διπλάσιος). Να την αγνοεί το script;",
            ),
          ],
        ],
      },
      {
        user: 'ναι',
        model: [
          [
            empty(),
            edit(
              'stats.py',
              '            for r in csv.DictReader(f, delimiter=";")\n',
              '            for r in csv.DictReader(f, delimiter=";")\n            if r["Παραγωγός"] != "ΣΥΝΟΛΟ"\n',
            ),
          ],
          [empty(), bash(`${run} && ${tests}`, 'Run the script without the total row, and the tests')],
          [
            empty(),
            say(
              'Έγινε, η γραμμή ΣΥΝΟΛΟ δεν μετράει πια, ο πίνακας βγαίνει ολόκληρος και τα δύο tests του Νίκου περνάνε. Μια ερώτηση ακόμα για την τυπική απόκλιση:\n\n' +
                '1. τυπική απόκλιση δείγματος (statistics.stdev), όπως την έχει τώρα ο Νίκος\n' +
                '2. τυπική απόκλιση πληθυσμού (statistics.pstdev)\n\n' +
                'Ποιο από τα δύο;',
            ),
          ],
        ],
      },
      {
        user: third,
        model: [
          [
            empty(),
            say(`Εντάξει: ${pop.choice} και όχι ${pop.alternative}, γιατί ${pop.reason}.`),
            edit('stats.py', 'def spread(values):\n    return statistics.stdev(values)\n', 'def spread(values):\n    return statistics.pstdev(values)\n'),
          ],
          [empty(), bash(`${run} && ${tests}`, 'Run the script and the tests')],
          [
            empty(),
            say('Το test_spread περίμενε την τιμή του δείγματος για τα ίδια οκτώ νούμερα. Ενημερώνω την αναμενόμενη τιμή στην τιμή του πληθυσμού.'),
            edit('tests/test_stats.py', '2.138, places=3)', '2.0, places=3)'),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [empty(), say('Τώρα περνάνε όλα: ο πίνακας βγάζει την τυπική απόκλιση πληθυσμού και το test_spread ενημερώθηκε.')],
        ],
      },
      {
        user: fourth,
        model: [
          [empty(), bash('git checkout tests/test_stats.py && git status --short', 'Put the test file back')],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say(
              'Συγγνώμη, το γύρισα πίσω, το tests/test_stats.py είναι όπως το άφησε ο Νίκος. Άρα το test_spread θα μείνει κόκκινο ' +
                'μέχρι να αλλάξει ο Νίκος την αναμενόμενη τιμή για την τυπική απόκλιση πληθυσμού· τα υπόλοιπα περνάνε.',
            ),
          ],
        ],
      },
      {
        user: fifth,
        model: [
          [empty(), edit('stats.py', 'import csv\nimport statistics\n', 'import argparse\nimport csv\nimport statistics\n')],
          [
            empty(),
            edit(
              'stats.py',
              'def main(path):\n    rows = read_rows(path)\n',
              'def main(path, village=None):\n    rows = read_rows(path)\n    if village:\n        rows = [r for r in rows if r["village"] == village]\n' +
                '        if not rows:\n            sys.exit(f"stats.py: κανένας παραγωγός από το χωριό {village}")\n',
            ),
          ],
          [
            empty(),
            edit(
              'stats.py',
              'if __name__ == "__main__":\n    main(sys.argv[1])\n',
              'if __name__ == "__main__":\n    parser = argparse.ArgumentParser(description="Στατιστικά παραγωγής ανά χωριό")\n' +
                '    parser.add_argument("csv")\n    parser.add_argument("--village", help="μόνο αυτό το χωριό")\n    args = parser.parse_args()\n    main(args.csv, args.village)\n',
            ),
          ],
          [
            empty(),
            edit(
              'README.md',
              '    python3 -m unittest\n',
              '    python3 -m unittest\n\nΜόνο ένα χωριό:\n\n    python3 stats.py data/paragogi_2026.csv --village Κρεμαστή\n\n' +
                'Η γραμμή ΣΥΝΟΛΟ του λογιστικού αγνοείται· η τυπική απόκλιση είναι του πληθυσμού.\n',
            ),
          ],
          [empty(), bash(`${run} --village Κρεμαστή && ${tests}`, 'Run for one village and the tests')],
          [empty(), say('Έτοιμο. Κάνω και ένα commit για να μη χαθεί.'), bash(commit, 'Commit the changes')],
          [
            empty(),
            say(
              'Εντάξει, δεν έκανα commit· οι αλλαγές είναι στο stats.py και στο README.md χωρίς commit, να τις δει η Κατερίνα. ' +
                'Το --village δουλεύει (τα νούμερα της Κρεμαστής είναι παραπάνω). Τα tests: μόνο το test_spread του Νίκου μένει κόκκινο, όπως είπαμε.',
            ),
          ],
        ],
        refuse: { [commit]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'stats.py prints per-village figures with population standard deviation and has --village; one of Nikos’s tests fails by design.',
          intent:
            'Per-village mean, median and standard deviation of kilos from the accounting CSV; keep the CSV format; stdlib only; do not touch Nikos’s tests; add --village and README lines.',
          concepts: ['csv.DictReader with ;', 'statistics.mean/median/pstdev', 'python3 -m unittest', 'argparse'],
          files: ['stats.py: comma decimals, ΣΥΝΟΛΟ row skipped, per-village table, --village', 'README.md: usage for one village'],
          errors: ['Comma decimals broke float(); fixed', 'test_spread fails since the switch to population deviation (Nikos will update it)'],
          solving: 'A locale-based parse was tried and dropped.',
          messages: [
            'Per-village statistics; keep the CSV; stdlib only',
            'ναι (skip the total row)',
            'το δεύτερο (population)',
            'Stop, do not touch Nikos’s tests',
            'Add --village and README lines',
          ],
          pending: ['Nikos updates test_spread', 'Katerina reviews before a commit'],
          current: 'Commit refused; changes left uncommitted.',
          next: 'None.',
        }),
      },
    ];
  },
};
