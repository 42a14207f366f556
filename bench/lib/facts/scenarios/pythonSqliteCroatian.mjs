// A Croatian-speaking user writing mid-length messages, and a household-expenses CLI on the Python
// standard library (troskovi.py: argparse subcommands over sqlite3), tested with pytest and always run
// as `python3 -m pytest -q 2>&1 | tail -n …`. The model thinks in English and answers in Croatian. A
// colleague's new `opis` column broke every INSERT (a bindings error, fixed); the monthly summary adds
// REAL amounts and prints 30.299999999999997, and the USER decides how it is fixed, in Croatian ("ajmo
// radije ostaviti REAL … umjesto prelaska na cente, jer …") against the agent's own suggestion. The
// category test wants Croatian alphabetical order: a locale collation (hr_HR is not installed) and a
// diacritics-stripping sort key (passes the test, wrong for Croatian) are both tried and taken back, and
// the user leaves that test failing. A small benchmark the agent writes (its own database under /tmp)
// gives the figures before and after an index on the date. One /compact, at the end. Written as a
// held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const TROSKOVI = `#!/usr/bin/env python3
"""troskovi: kućni troškovi u sqlite3 bazi.

    python3 troskovi.py dodaj 12.50 hrana --opis "ručak" --datum 2026-03-02
    python3 troskovi.py popis --mjesec 2026-03
    python3 troskovi.py sazetak --mjesec 2026-03
    python3 troskovi.py kategorije
"""
import argparse
import datetime
import sqlite3
import sys

BAZA = "troskovi.db"

SHEMA = """
CREATE TABLE IF NOT EXISTS troskovi (
    id INTEGER PRIMARY KEY,
    datum TEXT NOT NULL,
    iznos REAL NOT NULL,
    kategorija TEXT NOT NULL,
    opis TEXT
);
"""


def spoji(putanja=BAZA):
    con = sqlite3.connect(putanja)
    con.executescript(SHEMA)
    return con


def dodaj(con, iznos, kategorija, opis=None, datum=None):
    datum = datum or datetime.date.today().isoformat()
    with con:
        con.execute(
            "INSERT INTO troskovi (datum, iznos, kategorija, opis) VALUES (?, ?, ?, ?)",
            (datum, iznos, kategorija.lower()),
        )


def popis(con, mjesec=None):
    sql = "SELECT datum, iznos, kategorija, opis FROM troskovi"
    args = ()
    if mjesec:
        sql += " WHERE strftime('%Y-%m', datum) = ?"
        args = (mjesec,)
    return con.execute(sql + " ORDER BY datum, id", args).fetchall()


def sazetak(con, mjesec):
    redovi = con.execute(
        "SELECT kategorija, SUM(iznos) FROM troskovi WHERE strftime('%Y-%m', datum) = ? "
        "GROUP BY kategorija ORDER BY SUM(iznos) DESC",
        (mjesec,),
    ).fetchall()
    return "\\n".join(f"{kategorija}: {ukupno}" for kategorija, ukupno in redovi)


def kategorije(con):
    return [r[0] for r in con.execute("SELECT DISTINCT kategorija FROM troskovi ORDER BY kategorija")]


def main(argv=None):
    p = argparse.ArgumentParser(prog="troskovi", description="Kućni troškovi.")
    p.add_argument("--baza", default=BAZA, help="sqlite datoteka (zadano: troskovi.db)")
    sub = p.add_subparsers(dest="naredba", required=True)

    d = sub.add_parser("dodaj", help="dodaj trošak")
    d.add_argument("iznos", type=float)
    d.add_argument("kategorija")
    d.add_argument("--opis")
    d.add_argument("--datum", help="YYYY-MM-DD (zadano: danas)")

    l = sub.add_parser("popis", help="popis troškova")
    l.add_argument("--mjesec", help="YYYY-MM")

    s = sub.add_parser("sazetak", help="zbroj po kategorijama za mjesec")
    s.add_argument("--mjesec", required=True, help="YYYY-MM")

    sub.add_parser("kategorije", help="sve kategorije, abecedno")

    a = p.parse_args(argv)
    con = spoji(a.baza)
    if a.naredba == "dodaj":
        dodaj(con, a.iznos, a.kategorija, a.opis, a.datum)
    elif a.naredba == "popis":
        for datum, iznos, kategorija, opis in popis(con, a.mjesec):
            print(f"{datum}  {iznos:>9.2f}  {kategorija:<12} {opis or ''}".rstrip())
    elif a.naredba == "sazetak":
        print(sazetak(con, a.mjesec))
    elif a.naredba == "kategorije":
        print("\\n".join(kategorije(con)))
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;

const TESTS = `import pytest

import troskovi


@pytest.fixture
def con(tmp_path):
    c = troskovi.spoji(str(tmp_path / "test.db"))
    yield c
    c.close()


def test_dodaj_i_popis(con):
    troskovi.dodaj(con, 12.5, "Hrana", opis="ručak", datum="2026-03-02")
    assert troskovi.popis(con, "2026-03") == [("2026-03-02", 12.5, "hrana", "ručak")]


def test_dodaj_bez_opisa(con):
    troskovi.dodaj(con, 3.2, "prijevoz", datum="2026-03-05")
    assert troskovi.popis(con) == [("2026-03-05", 3.2, "prijevoz", None)]


def test_popis_samo_taj_mjesec(con):
    troskovi.dodaj(con, 40, "režije", datum="2026-02-28")
    troskovi.dodaj(con, 41, "režije", datum="2026-03-01")
    troskovi.dodaj(con, 42, "režije", datum="2026-03-31")
    troskovi.dodaj(con, 43, "režije", datum="2026-04-01")
    assert [r[1] for r in troskovi.popis(con, "2026-03")] == [41, 42]


def test_sazetak_mjeseca(con):
    troskovi.dodaj(con, 10.1, "hrana", datum="2026-03-01")
    troskovi.dodaj(con, 20.2, "hrana", datum="2026-03-15")
    troskovi.dodaj(con, 4.5, "prijevoz", datum="2026-03-20")
    assert troskovi.sazetak(con, "2026-03") == "hrana: 30.30\\nprijevoz: 4.50"


# Hrvatska abeceda: c, č, ć, d, dž, đ, ... s, š, ... z, ž
def test_kategorije_abecedno(con):
    for k in ["zdravlje", "škola", "hrana", "čišćenje", "režije", "auto"]:
        troskovi.dodaj(con, 1, k, datum="2026-03-01")
    assert troskovi.kategorije(con) == ["auto", "čišćenje", "hrana", "režije", "škola", "zdravlje"]


def test_cli_dodaj_i_popis(tmp_path, capsys):
    baza = str(tmp_path / "cli.db")
    troskovi.main(["--baza", baza, "dodaj", "7.9", "hrana", "--opis", "kruh", "--datum", "2026-03-03"])
    troskovi.main(["--baza", baza, "popis", "--mjesec", "2026-03"])
    assert capsys.readouterr().out == "2026-03-03       7.90  hrana        kruh\\n"
`;

const README =
  '# troskovi\n\nKućni troškovi u sqlite3 bazi, samo standardna biblioteka (vrti se na NAS-u).\n\n' +
  '    python3 troskovi.py dodaj 12.50 hrana --opis ručak\n    python3 troskovi.py popis --mjesec 2026-03\n' +
  '    python3 troskovi.py sazetak --mjesec 2026-03\n    python3 troskovi.py kategorije\n\nTestovi: `python3 -m pytest -q`\n';

// The benchmark as the agent first writes it: the INSERT gives four values for a five-column table.
const BENCH = `"""Mali benchmark za \`popis --mjesec\`: puni vlastitu bazu u /tmp (prava troskovi.db se ne dira).

    python3 bench_popis.py
"""
import datetime
import os
import random
import tempfile
import time

import troskovi

KATEGORIJE = ["hrana", "režije", "prijevoz", "auto", "zdravlje", "škola", "čišćenje", "odjeća"]
MJESECI = [f"2025-{m:02d}" for m in range(1, 13)]

putanja = os.path.join(tempfile.gettempdir(), "troskovi-bench.db")
if os.path.exists(putanja):
    os.remove(putanja)
con = troskovi.spoji(putanja)

rnd = random.Random(2017)
pocetak = datetime.date(2017, 1, 1)
redovi = []
for _ in range(80_000):
    datum = pocetak + datetime.timedelta(days=rnd.randrange(9 * 365))
    redovi.append((datum.isoformat(), round(rnd.uniform(0.5, 250), 2), rnd.choice(KATEGORIJE), None))
with con:
    con.executemany("INSERT INTO troskovi VALUES (?, ?, ?, ?)", redovi)

koraci = 0


def brojac():
    global koraci
    koraci += 1
    return 0


upiti = []
con.set_trace_callback(upiti.append)
con.set_progress_handler(brojac, 100)
t0 = time.perf_counter()
vraceno = sum(len(troskovi.popis(con, m)) for m in MJESECI)
ms = (time.perf_counter() - t0) * 1000
con.set_progress_handler(None, 0)
con.set_trace_callback(None)

plan = con.execute("EXPLAIN QUERY PLAN " + upiti[-1]).fetchall()
velicina = con.execute("PRAGMA page_count").fetchone()[0] * con.execute("PRAGMA page_size").fetchone()[0]
print(f"redaka u bazi: {len(redovi)}, baza: {velicina // 1024} KiB")
print(f"upita: {len(MJESECI)} (popis --mjesec za 2025.)")
print(f"vraćeno redaka: {vraceno}")
print(f"VM koraka (x100): {koraci}")
print(f"vrijeme: {ms:.1f} ms")
print("plan:", "; ".join(r[-1] for r in plan))
con.close()
`;

const INSERT_OLD = '            (datum, iznos, kategorija.lower()),\n';
const INSERT_NEW = '            (datum, iznos, kategorija.lower(), opis),\n';
const SAZETAK_OLD = '    return "\\n".join(f"{kategorija}: {ukupno}" for kategorija, ukupno in redovi)\n';
const SAZETAK_NEW = '    return "\\n".join(f"{kategorija}: {ukupno:.2f}" for kategorija, ukupno in redovi)\n';
const SPOJI_OLD = '    con = sqlite3.connect(putanja)\n    con.executescript(SHEMA)\n';
const SPOJI_LOCALE =
  '    con = sqlite3.connect(putanja)\n    locale.setlocale(locale.LC_COLLATE, "hr_HR.UTF-8")\n    con.create_collation("hr", locale.strcoll)\n    con.executescript(SHEMA)\n';
const ORDER_OLD = 'FROM troskovi ORDER BY kategorija")]\n';
const ORDER_LOCALE = 'FROM troskovi ORDER BY kategorija COLLATE hr")]\n';
const KATEGORIJE_OLD = 'def kategorije(con):\n    return [r[0] for r in con.execute("SELECT DISTINCT kategorija FROM troskovi ORDER BY kategorija")]\n';
const KATEGORIJE_NFD =
  'def _bez_kvacica(s):\n    return unicodedata.normalize("NFD", s).encode("ascii", "ignore").decode()\n\n\n' +
  'def kategorije(con):\n    svi = [r[0] for r in con.execute("SELECT DISTINCT kategorija FROM troskovi")]\n    return sorted(svi, key=_bez_kvacica)\n';
const SHEMA_OLD = '    opis TEXT\n);\n"""\n';
const SHEMA_NEW = '    opis TEXT\n);\nCREATE INDEX IF NOT EXISTS ix_troskovi_datum ON troskovi(datum);\n"""\n';
const POPIS_OLD =
  'def popis(con, mjesec=None):\n    sql = "SELECT datum, iznos, kategorija, opis FROM troskovi"\n    args = ()\n    if mjesec:\n' +
  '        sql += " WHERE strftime(\'%Y-%m\', datum) = ?"\n        args = (mjesec,)\n';
const POPIS_NEW =
  'def granice(mjesec):\n    """\'2026-03\' -> (\'2026-03-01\', \'2026-04-01\'): raspon koji može koristiti indeks na datumu."""\n' +
  '    godina, mj = map(int, mjesec.split("-"))\n    sljedeci = f"{godina + 1}-01" if mj == 12 else f"{godina}-{mj + 1:02d}"\n' +
  '    return f"{mjesec}-01", f"{sljedeci}-01"\n\n\n' +
  'def popis(con, mjesec=None):\n    sql = "SELECT datum, iznos, kategorija, opis FROM troskovi"\n    args = ()\n    if mjesec:\n' +
  '        sql += " WHERE datum >= ? AND datum < ?"\n        args = granice(mjesec)\n';
const SAZETAK_SQL_OLD =
  '        "SELECT kategorija, SUM(iznos) FROM troskovi WHERE strftime(\'%Y-%m\', datum) = ? "\n        "GROUP BY kategorija ORDER BY SUM(iznos) DESC",\n        (mjesec,),\n';
const SAZETAK_SQL_NEW =
  '        "SELECT kategorija, SUM(iznos) FROM troskovi WHERE datum >= ? AND datum < ? "\n        "GROUP BY kategorija ORDER BY SUM(iznos) DESC",\n        granice(mjesec),\n';

export const scenario = {
  name: 'python-sqlite-croatian',
  about:
    'held out: Croatian user, mid-length messages, argparse + sqlite3 CLI tested with pytest through tail; a bindings error fixed; the user decides to keep REAL over cents; a locale collation and a diacritics-stripping sort tried and taken back; the category-order test left failing; a benchmark the agent writes, before/after an index; one /compact',
  requires: ['python3', 'git'],
  files: {
    '.gitignore': 'troskovi.db\n__pycache__/\n.pytest_cache/\n',
    'README.md': README,
    'pytest.ini': '[pytest]\ntestpaths = tests\npythonpath = .\n',
    'troskovi.py': TROSKOVI,
    'tests/test_troskovi.py': TESTS,
  },
  build(k, { edit, write }) {
    const fixReq = k.request('popraviti testove koji padaju');
    const stdlib = k.constraint('samo standardna biblioteka, bez paketa s pipom');
    k.error('sqlite3.ProgrammingError: Incorrect number of bindings supplied. The current statement uses 4, and there are 3 supplied.', 'resolved');
    k.error('FAILED tests/test_troskovi.py::test_sazetak_mjeseca', 'resolved');
    k.error('FAILED tests/test_troskovi.py::test_kategorije_abecedno', 'unresolved');
    const keepReal = k.request('ajmo radije ostaviti REAL i samo formatirati ispis');
    const fmt = k.decision(
      'format ukupno with :.2f in sazetak()',
      'ROUND() in SQL still hands back a float, so 4.5 would print without its trailing zero',
      'ROUND(SUM(iznos), 2) in the query',
    );
    const loc = k.rejected(
      'locale.setlocale(locale.LC_COLLATE, "hr_HR.UTF-8")',
      'hr_HR.UTF-8 is not installed on this machine, and the NAS would need the same locale generated',
    );
    k.error('locale.Error: unsupported locale setting');
    const nfd = k.rejected(
      'unicodedata.normalize("NFD", s)',
      'stripping the diacritics sorts čaj and ćevapi before cvijeće, so it only passes because the test has no word starting with c',
    );
    const benchReq = k.request('napiši mali benchmark i probaj ubrzati');
    const realDb = k.constraint('pravu troskovi.db ne diraj');
    const steps = k.decision(
      'count SQLite VM steps with a progress handler',
      'the step count is the same on every run, while wall time on the NAS jumps around',
      'timing the queries with perf_counter alone',
    );
    k.error('sqlite3.OperationalError: table troskovi has 5 columns but 4 values were supplied', 'resolved');
    k.number('8851');
    k.number('39728');
    k.number('798');
    k.number('2904');
    k.number('4512');
    const idx = k.decision(
      'a plain index on datum with a date range in the WHERE',
      'ISO dates compare correctly as text, so one range serves popis and sazetak without repeating the strftime expression exactly',
      "an expression index on strftime('%Y-%m', datum)",
    );
    k.file('troskovi.py');
    k.file('bench_popis.py');
    const readme = k.request('dopiši u README kako se pokreće benchmark');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('python3 -m pytest -q', 'failing');
    k.not('constraints', benchReq, 'a request is not a standing rule');
    k.not('rejected', 'cijele cente (INTEGER)', 'an option the user turned down, never tried in a tool call');
    k.not('decisions', loc.what, 'tried and taken back: a rejected approach, not a decision');
    k.not('errors', 'nije hitno', "the user's words, not a tool error");

    const tests = (n) => `python3 -m pytest -q 2>&1 | tail -n ${n}`;

    return [
      {
        user:
          'Bok! Imam mali alat za kućne troškove, troskovi.py (argparse + sqlite3, nista posebno). Kolega je prošli tjedan dodao stupac `opis` ' +
          `i od tada mi padaju testovi, pytest baca neku grešku kod dodavanja troška. Možeš li ${fixReq}? Pokrećem ih sa python3 -m pytest -q.\n\n` +
          `I jedna stvar: ${stdlib}, to mi se vrti na starom NAS-u gdje nemam ni pip.`,
        model: [
          [think('Run the suite the way the user does and keep only the tail.'), bash(tests(20), 'Run the tests')],
          [
            think(
              'All six fail inside dodaj(): the INSERT names four columns now that opis is there, but the parameter tuple still has three values. ' +
                'The colleague added the column to the SQL and forgot the tuple.',
            ),
            edit('troskovi.py', INSERT_OLD, INSERT_NEW),
          ],
          [bash(tests(20), 'Run the tests')],
          [
            think('Two left. The tail only shows the category test; run the summary test on its own.'),
            bash('python3 -m pytest -q tests/test_troskovi.py::test_sazetak_mjeseca 2>&1 | tail -n 15', 'Run the summary test alone'),
          ],
          [
            think(
              'SUM over a REAL column: 10.1 + 20.2 is not exactly representable, and 4.5 prints without the trailing zero. Two ways: keep REAL and format ' +
                'the output to two decimals, or store whole cents as INTEGER and migrate the rows already in the database. The cents change touches the ' +
                'database the user already has, so ask first. The category order is a different problem: SQLite compares bytes, so č and š land after z.',
            ),
            say(
              'Prvi problem je riješen: INSERT je imao četiri `?`, a samo tri vrijednosti (kolega je dodao `opis` u SQL, ali ne i u parametre).\n\n' +
                'Ostala su dva testa:\n\n' +
                '1. **test_sazetak_mjeseca** – iznosi su REAL, pa zbroj 10.1 + 20.2 ne ispadne točno 30.30, a 4.5 se ispiše bez nule na kraju. Dvije opcije:\n' +
                '   - (a) ostaviti REAL i samo formatirati ispis na dvije decimale\n' +
                '   - (b) spremati iznose kao cijele cente (INTEGER) i migrirati postojeću bazu\n' +
                '2. **test_kategorije_abecedno** – SQLite sortira po bajtovima, pa `čišćenje` i `škola` završe iza `zdravlje`.\n\n' +
                'Što preferiraš za iznose? Ja bih išao na (b), s novcem je to čišće, ali dira tvoju bazu.',
            ),
          ],
        ],
      },
      {
        user:
          `Hmm, ${keepReal}, umjesto prelaska na cente – iz te baze mi čita i Excel tablica preko ODBC-a i morao bih sve prepravljati. ` +
          'Za sortiranje probaj nešto, ali bez vanjskih paketa naravno.',
        model: [
          [
            think(
              `The user keeps REAL and wants only the output formatted. Where: ${fmt.alternative}, or ${fmt.choice}. ${fmt.reason[0].toUpperCase()}${fmt.reason.slice(1)}; ` +
                'the f-string gives exactly two decimals every time.',
            ),
            edit('troskovi.py', SAZETAK_OLD, SAZETAK_NEW),
          ],
          [bash(tests(5), 'Run the tests')],
          [
            think(
              'Now the order. Croatian collation has č and ć after c, dž and đ after d, lj and nj as letters. The standard library can do it through the ' +
                'locale: set LC_COLLATE to Croatian and register locale.strcoll as a SQLite collation.',
            ),
            edit('troskovi.py', 'import argparse\n', 'import argparse\nimport locale\n'),
          ],
          [edit('troskovi.py', SPOJI_OLD, SPOJI_LOCALE)],
          [edit('troskovi.py', ORDER_OLD, ORDER_LOCALE)],
          [bash(tests(15), 'Run the tests')],
          [bash('locale -a', 'List the installed locales')],
          [think(`Only C, C.utf8 and POSIX. ${loc.why[0].toUpperCase()}${loc.why.slice(1)}. Taking it out.`), edit('troskovi.py', SPOJI_LOCALE, SPOJI_OLD)],
          [edit('troskovi.py', ORDER_LOCALE, ORDER_OLD)],
          [edit('troskovi.py', 'import argparse\nimport locale\n', 'import argparse\n')],
          [
            think('Without a locale: sort in Python with a key that drops the diacritics through unicodedata. Quick to try.'),
            edit('troskovi.py', 'import sys\n', 'import sys\nimport unicodedata\n'),
          ],
          [edit('troskovi.py', KATEGORIJE_OLD, KATEGORIJE_NFD)],
          [bash(tests(3), 'Run the tests')],
          [
            think('Green, but the test only has six words. Check it against words where the Croatian order matters.'),
            bash(
              `python3 -c "import troskovi; print(sorted(['cvijeće', 'čaj', 'ćevapi', 'džem', 'dinje', 'đumbir'], key=troskovi._bez_kvacica))"`,
              'Sort a few Croatian words with the new key',
            ),
          ],
          [think(`Wrong: ${nfd.why}. Reverting that too.`), edit('troskovi.py', KATEGORIJE_NFD, KATEGORIJE_OLD)],
          [edit('troskovi.py', 'import sys\nimport unicodedata\n', 'import sys\n')],
          [bash(tests(3), 'Run the tests')],
          [
            say(
              'Iznosi: ostao je REAL, `sazetak` sada formatira na dvije decimale i taj test prolazi.\n\n' +
                'Sortiranje još ne radi. Probao sam dvije stvari i obje vratio:\n' +
                '- hrvatski locale kao collation za SQLite – na ovom stroju nije instaliran (a na NAS-u vjerojatno isto nije)\n' +
                '- sortiranje bez dijakritika – test prođe, ali `čaj` ispadne ispred `cvijeće`, što je krivo\n\n' +
                'Pravo rješenje bi bila ručno napisana abeceda (c, č, ć, d, dž, đ, … lj, nj …) kao ključ za sortiranje. Da to napravim?',
            ),
          ],
        ],
      },
      {
        user:
          'Pusti sortiranje zasad, nije hitno, to ću sam kad stignem. Nego, `popis --mjesec` je dosta spor, imam troškove od 2017. pa se nakupilo. ' +
          `${benchReq[0].toUpperCase()}${benchReq.slice(1)}, npr. indeksom? I ${realDb}, neka benchmark radi svoju bazu u /tmp.`,
        model: [
          [
            think(
              'Benchmark in its own file with its own database under /tmp: 80k rows over nine years, then the twelve months of 2025 through popis(). ' +
                `How to measure: ${steps.alternative}, or ${steps.choice} and print the time next to it. The second, because ${steps.reason}. ` +
                'EXPLAIN QUERY PLAN on the last query shows whether an index is used.',
            ),
            write('bench_popis.py', BENCH),
          ],
          [bash('python3 bench_popis.py', 'Run the benchmark')],
          [
            think('id is the first column of five. Name the columns in the INSERT.'),
            edit(
              'bench_popis.py',
              'con.executemany("INSERT INTO troskovi VALUES (?, ?, ?, ?)", redovi)',
              'con.executemany("INSERT INTO troskovi (datum, iznos, kategorija, opis) VALUES (?, ?, ?, ?)", redovi)',
            ),
          ],
          [bash('python3 bench_popis.py 2>&1', 'Run the benchmark')],
          [
            think(
              "SCAN troskovi: strftime('%Y-%m', datum) = ? is evaluated for every row. Options: " +
                `${idx.alternative}, or ${idx.choice}. Going with the second: ${idx.reason}. The index goes into SHEMA with IF NOT EXISTS, ` +
                'so the existing database gets it the next time it is opened.',
            ),
            edit('troskovi.py', SHEMA_OLD, SHEMA_NEW),
          ],
          [edit('troskovi.py', POPIS_OLD, POPIS_NEW)],
          [edit('troskovi.py', SAZETAK_SQL_OLD, SAZETAK_SQL_NEW)],
          [bash('python3 bench_popis.py 2>&1 | tail -n 6', 'Run the benchmark again')],
          [bash(tests(4), 'Run the tests')],
          [
            say(
              'Gotovo:\n\n' +
                '- `ix_troskovi_datum` indeks na datumu, a `popis` i `sazetak` sada traže raspon datuma (`datum >= ? AND datum < ?`) umjesto strftime()\n' +
                '- plan je sada SEARCH preko indeksa umjesto SCAN cijele tablice; VM koraka ima otprilike pedeset puta manje, baza je zbog indeksa nešto veća\n' +
                '- benchmark: `python3 bench_popis.py`, radi svoju bazu u /tmp, tvoju troskovi.db ne dira\n\n' +
                'Testovi: svi prolaze osim sortiranja kategorija, koje si rekao da ostavim.',
            ),
          ],
        ],
      },
      {
        user: `Super, hvala! Još samo ${readme}, da ne zaboravim za pola godine 😅`,
        model: [
          [
            edit(
              'README.md',
              'Testovi: `python3 -m pytest -q`\n',
              'Testovi: `python3 -m pytest -q`\n\n## Benchmark\n\n    python3 bench_popis.py\n\n' +
                'Puni vlastitu bazu u /tmp (80 000 troškova od 2017.), pa mjeri `popis --mjesec` za svih 12 mjeseci 2025.: ' +
                'vraćene retke, SQLite VM korake (stabilni između pokretanja), vrijeme i plan upita. Prava troskovi.db se ne dira.\n',
            ),
          ],
          [say('Dopisao sam u README odjeljak **Benchmark**: kako se pokreće i što ispisuje.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Croatian user, household expenses CLI (argparse + sqlite3), tests with pytest. Fixed the INSERT, the summary formatting, added an index; category sorting left open.',
          intent:
            'Fix the failing tests of troskovi.py, then speed up `popis --mjesec` with a small benchmark; standard library only; do not touch the real troskovi.db.',
          concepts: ['sqlite3 parameter binding', 'REAL sums and output formatting', 'Croatian collation', 'EXPLAIN QUERY PLAN, progress handler'],
          files: [
            'troskovi.py: opis in the INSERT parameters, two-decimal summary, index on datum and date ranges',
            'bench_popis.py: new benchmark with its own database in /tmp',
            'README.md: Benchmark section',
          ],
          errors: [
            'The INSERT had one parameter too few; fixed',
            'The monthly summary printed float noise; fixed by formatting',
            'Category order test still fails (Croatian alphabet)',
          ],
          solving:
            'The user chose to keep REAL amounts and only format the output. A locale-based collation and a diacritics-free sort key were tried and taken out. The index made the monthly query much cheaper.',
          messages: [
            'Fix the failing tests; standard library only',
            'Keep REAL and only format the output; try something for the sort order',
            'Leave the sorting for now; write a small benchmark and speed up popis --mjesec; do not touch the real troskovi.db',
            'Document the benchmark in the README',
          ],
          pending: ['Croatian alphabetical order of categories (the user will do it)'],
          current: 'README has a Benchmark section.',
          next: 'None.',
        }),
      },
    ];
  },
};
