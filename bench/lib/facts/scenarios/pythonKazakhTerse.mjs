// A terse Kazakh user (Cyrillic, short lowercase messages: "түзетші", "тиме", "жарайды") on a small Python
// package (qoima: a warehouse movements report from a CSV, python3 -m qoima.report) tested with
// `python3 -m pytest -q`. There is no mypy: the types are checked by a hand-written script
// (scripts/typecheck.py: every public function annotated, every annotation resolvable). The model writes
// no thinking text (`thinking: false`): its choices and reasons sit in its short Kazakh replies.
// Yesterday's split of the store tests leaves `fixture 'tmp_db' not found` (fixed with a conftest.py); a
// warehouse with no incoming stock crashes the report with `ZeroDivisionError` (a `return 0.0` is tried and
// reverted, the user's test wants None; fixed); the fix's `Optional` annotation without its import only
// shows up in the hand type check (NameError, fixed). A `pip install mypy` is refused. A colleague's test
// for the Kazakh alphabet order stays failing. Numbers from pytest's -q summary and the report's
// "барлығы: N жазба" lines. One mid-session /compact, one at the end.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// --- a month of warehouse movements, deterministic ---
const QOIMALAR = ['Алматы-1', 'Астана', 'Әуезов', 'Қарағанды', 'Өскемен', 'Шымкент'];
/** @type {[string, number][]} */
const TAUARLAR = [
  ['ұн', 410],
  ['қант', 520],
  ['күріш', 780],
  ['май', 1650],
  ['шай', 2300],
  ['тұз', 120],
  ['сүт', 460],
  ['қарақұмық', 890],
];

function movements() {
  let seed = 2026_03_17;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed;
  };
  const rows = [];
  for (let i = 0; i < 1373; i++) {
    const day = 1 + Math.floor((i * 31) / 1373);
    const qoima = QOIMALAR[next() % QOIMALAR.length];
    const [tauar, base] = TAUARLAR[next() % TAUARLAR.length];
    const turi = next() % 100 < 58 ? 'кіріс' : 'шығыс';
    const sany = 1 + (next() % 60);
    const bagasy = (base + (next() % 200) - 100).toFixed(2);
    rows.push([`2026-03-${String(day).padStart(2, '0')}`, qoima, tauar, turi, sany, bagasy]);
  }
  // Түркістан opened on the 24th: so far it has only shipped out stock moved over from Шымкент.
  for (let i = 0; i < 14; i++) {
    const [tauar, base] = TAUARLAR[i % TAUARLAR.length];
    rows.push([`2026-03-${24 + (i % 7)}`, 'Түркістан', tauar, 'шығыс', 2 + (i % 5), base.toFixed(2)]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return 'күні,қойма,тауар,түрі,саны,бағасы\n' + rows.map((r) => r.join(',')).join('\n') + '\n';
}

const LOADER =
  '"""CSV-дан қойма қозғалыстарын оқу."""\nfrom __future__ import annotations\n\nimport csv\nfrom dataclasses import dataclass\nfrom pathlib import Path\n\n\n' +
  '@dataclass(frozen=True)\nclass Record:\n    kuni: str\n    qoima: str\n    tauar: str\n    turi: str  # "кіріс" немесе "шығыс"\n    sany: int\n    bagasy: float\n\n\n' +
  'def parse_row(row):\n    return Record(\n        kuni=row["күні"],\n        qoima=row["қойма"],\n        tauar=row["тауар"],\n        turi=row["түрі"],\n' +
  '        sany=int(row["саны"]),\n        bagasy=float(row["бағасы"]),\n    )\n\n\n' +
  'def load(path: str | Path) -> list[Record]:\n    with open(path, encoding="utf-8", newline="") as f:\n        return [parse_row(row) for row in csv.DictReader(f)]\n';

const AVG_V1 =
  'def average_price(records: list[Record]) -> float:\n    """Кіріс бағасының орташасы (саны бойынша салмақталған)."""\n' +
  '    kiris = [r for r in records if r.turi == "кіріс"]\n    total = sum(r.sany * r.bagasy for r in kiris)\n    return round(total / sum(r.sany for r in kiris), 2)\n';
const AVG_TRY =
  'def average_price(records: list[Record]) -> float:\n    """Кіріс бағасының орташасы (саны бойынша салмақталған)."""\n' +
  '    kiris = [r for r in records if r.turi == "кіріс"]\n    total = sum(r.sany * r.bagasy for r in kiris)\n    try:\n        return round(total / sum(r.sany for r in kiris), 2)\n' +
  '    except ZeroDivisionError:\n        return 0.0\n';
const AVG_V2 =
  'def average_price(records: list[Record]) -> Optional[float]:\n    """Кіріс бағасының орташасы (саны бойынша салмақталған); кіріс болмаса None."""\n' +
  '    kiris = [r for r in records if r.turi == "кіріс"]\n    sany = sum(r.sany for r in kiris)\n    if sany == 0:\n        return None\n' +
  '    return round(sum(r.sany * r.bagasy for r in kiris) / sany, 2)\n';

const STATS =
  '"""Қоймалар бойынша есептеулер."""\nfrom __future__ import annotations\n\nfrom collections import defaultdict\n\nfrom qoima.loader import Record\n\n\n' +
  'def by_qoima(records: list[Record]) -> dict[str, list[Record]]:\n    groups: dict[str, list[Record]] = defaultdict(list)\n    for r in records:\n        groups[r.qoima].append(r)\n    return dict(groups)\n\n\n' +
  'def kiris_sany(records: list[Record]) -> int:\n    return sum(r.sany for r in records if r.turi == "кіріс")\n\n\n' +
  AVG_V1;

const LINE_V1 = '        out.append(f"{name}: кіріс {kiris_sany(rs)} дана, орташа баға {average_price(rs):.2f} ₸")\n';
const LINE_V2 =
  '        avg = average_price(rs)\n        baga = "—" if avg is None else f"{avg:.2f} ₸"\n        out.append(f"{name}: кіріс {kiris_sany(rs)} дана, орташа баға {baga}")\n';

const REPORT =
  '"""Есеп: python3 -m qoima.report data/qozgalys.csv"""\nfrom __future__ import annotations\n\nimport sys\n\nfrom qoima.loader import load\n' +
  'from qoima.stats import average_price, by_qoima, kiris_sany\n\n\n' +
  'def lines(path: str) -> list[str]:\n    records = load(path)\n    groups = by_qoima(records)\n' +
  '    out = [f"барлығы: {len(records)} жазба", f"қоймалар: {len(groups)}", f"кіріс барлығы: {kiris_sany(records)} дана"]\n' +
  '    for name in sorted(groups):\n        rs = groups[name]\n' +
  LINE_V1 +
  '    return out\n\n\n' +
  'def main(argv: list[str]) -> int:\n    if len(argv) != 1:\n        print("қолданылуы: python3 -m qoima.report ФАЙЛ", file=sys.stderr)\n        return 2\n' +
  '    print("\\n".join(lines(argv[0])))\n    return 0\n\n\nif __name__ == "__main__":\n    sys.exit(main(sys.argv[1:]))\n';

const MAIN_V1 =
  'def main(argv: list[str]) -> int:\n    if len(argv) != 1:\n        print("қолданылуы: python3 -m qoima.report ФАЙЛ", file=sys.stderr)\n        return 2\n' +
  '    print("\\n".join(lines(argv[0])))\n    return 0\n';
const MAIN_V2 =
  'def as_json(path: str) -> str:\n    records = load(path)\n    groups = by_qoima(records)\n    data = {\n        "барлығы": len(records),\n' +
  '        "кіріс_барлығы": kiris_sany(records),\n        "қоймалар": [\n            {"атауы": name, "кіріс": kiris_sany(rs), "орташа_баға": average_price(rs)}\n' +
  '            for name, rs in sorted(groups.items())\n        ],\n    }\n    return json.dumps(data, ensure_ascii=False, indent=2)\n\n\n' +
  'def main(argv: list[str]) -> int:\n    args = [a for a in argv if a != "--json"]\n    if len(args) != 1:\n' +
  '        print("қолданылуы: python3 -m qoima.report ФАЙЛ [--json]", file=sys.stderr)\n        return 2\n' +
  '    print(as_json(args[0]) if "--json" in argv else "\\n".join(lines(args[0])))\n    return 0\n';

const STORE =
  '"""Жазбаларды SQLite-қа сақтау (стандарт sqlite3 модулі)."""\nfrom __future__ import annotations\n\nimport csv\nimport sqlite3\nfrom pathlib import Path\n\nfrom qoima.loader import Record\n\n' +
  'SCHEMA = "CREATE TABLE IF NOT EXISTS qozgalys (kuni TEXT, qoima TEXT, tauar TEXT, turi TEXT, sany INTEGER, bagasy REAL)"\n\n\n' +
  'def connect(path: str | Path) -> sqlite3.Connection:\n    con = sqlite3.connect(path)\n    con.execute(SCHEMA)\n    return con\n\n\n' +
  'def save(con: sqlite3.Connection, records: list[Record]) -> int:\n' +
  '    con.executemany("INSERT INTO qozgalys VALUES (?, ?, ?, ?, ?, ?)", [(r.kuni, r.qoima, r.tauar, r.turi, r.sany, r.bagasy) for r in records])\n' +
  '    con.commit()\n    return len(records)\n\n\n' +
  'def count(con: sqlite3.Connection) -> int:\n    return con.execute("SELECT COUNT(*) FROM qozgalys").fetchone()[0]\n\n\n' +
  'def export_csv(con: sqlite3.Connection, path: str | Path) -> int:\n    rows = con.execute("SELECT * FROM qozgalys ORDER BY rowid").fetchall()\n' +
  '    with open(path, "w", encoding="utf-8", newline="") as f:\n        w = csv.writer(f)\n        w.writerow(["күні", "қойма", "тауар", "түрі", "саны", "бағасы"])\n' +
  '        w.writerows(rows)\n    return len(rows)\n';

const TMP_DB_FIXTURE = '@pytest.fixture\ndef tmp_db(tmp_path):\n    con = connect(tmp_path / "test.db")\n    yield con\n    con.close()\n\n\n';

const RECS =
  'RECS = [\n    Record("2026-03-02", "Алматы-1", "ұн", "кіріс", 10, 450.0),\n    Record("2026-03-02", "Алматы-1", "ұн", "шығыс", 4, 450.0),\n' +
  '    Record("2026-03-03", "Әуезов", "шай", "кіріс", 3, 2310.5),\n]\n';

const TEST_STORE =
  'import pytest\n\nfrom qoima.loader import Record\nfrom qoima.store import connect, count, save\n\n\n' +
  TMP_DB_FIXTURE +
  RECS +
  '\n\ndef test_save_and_count(tmp_db):\n    assert save(tmp_db, RECS) == 3\n    assert count(tmp_db) == 3\n\n\n' +
  'def test_empty_db(tmp_db):\n    assert count(tmp_db) == 0\n\n\n' +
  'def test_save_twice_appends(tmp_db):\n    save(tmp_db, RECS)\n    save(tmp_db, RECS[:1])\n    assert count(tmp_db) == 4\n';

const TEST_STORE_EXPORT =
  '"""Кеше test_store.py-дан бөлініп шықты."""\nimport csv\n\nfrom qoima.loader import Record, load\nfrom qoima.store import export_csv, save\n\n' +
  RECS +
  '\n\ndef test_export_csv_roundtrip(tmp_db, tmp_path):\n    save(tmp_db, RECS)\n    out = tmp_path / "out.csv"\n    assert export_csv(tmp_db, out) == 3\n    assert load(out) == RECS\n\n\n' +
  'def test_export_header_kazakh(tmp_db, tmp_path):\n    out = tmp_path / "out.csv"\n    export_csv(tmp_db, out)\n    with open(out, encoding="utf-8") as f:\n' +
  '        assert next(csv.reader(f)) == ["күні", "қойма", "тауар", "түрі", "саны", "бағасы"]\n';

const PARSE_CASES = [
  ['ұн', 'кіріс', '10', '450.00', 10, 450.0],
  ['қант', 'шығыс', '3', '520.5', 3, 520.5],
  ['күріш', 'кіріс', '60', '780', 60, 780.0],
  ['май', 'шығыс', '1', '1650.00', 1, 1650.0],
  ['шай', 'кіріс', '7', '2300.10', 7, 2300.1],
  ['тұз', 'шығыс', '12', '120', 12, 120.0],
  ['сүт', 'кіріс', '25', '460.00', 25, 460.0],
  ['қарақұмық', 'шығыс', '9', '889.99', 9, 889.99],
  ['ұн', 'шығыс', '2', '409.5', 2, 409.5],
  ['қант', 'кіріс', '44', '600', 44, 600.0],
  ['шай', 'шығыс', '5', '2250', 5, 2250.0],
  ['май', 'кіріс', '16', '1700.25', 16, 1700.25],
  ['тұз', 'кіріс', '30', '99.9', 30, 99.9],
  ['сүт', 'шығыс', '8', '455', 8, 455.0],
  ['күріш', 'шығыс', '11', '777.7', 11, 777.7],
  ['қарақұмық', 'кіріс', '19', '905', 19, 905.0],
  ['ұн', 'кіріс', '58', '388.8', 58, 388.8],
  ['қант', 'шығыс', '6', '511', 6, 511.0],
  ['шай', 'кіріс', '4', '2410.75', 4, 2410.75],
  ['сүт', 'кіріс', '33', '470', 33, 470.0],
  ['тұз', 'шығыс', '15', '118.4', 15, 118.4],
];

const TEST_LOADER =
  'import pytest\n\nfrom qoima.loader import Record, load, parse_row\n\n\n' +
  '@pytest.mark.parametrize(\n    "tauar, turi, sany, bagasy, want_sany, want_bagasy",\n    [\n' +
  PARSE_CASES.map((c) => `        (${c.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ')}),\n`).join('') +
  '    ],\n)\ndef test_parse_row(tauar, turi, sany, bagasy, want_sany, want_bagasy):\n' +
  '    row = {"күні": "2026-03-05", "қойма": "Астана", "тауар": tauar, "түрі": turi, "саны": sany, "бағасы": bagasy}\n' +
  '    assert parse_row(row) == Record("2026-03-05", "Астана", tauar, turi, want_sany, want_bagasy)\n\n\n' +
  'def test_load_fixture():\n    records = load("tests/data/shagyn.csv")\n    assert len(records) == 9\n    assert records[0].qoima == "Алматы-1"\n\n\n' +
  'def test_parse_row_bad_number():\n    row = {"күні": "2026-03-05", "қойма": "Астана", "тауар": "ұн", "түрі": "кіріс", "саны": "он", "бағасы": "1"}\n' +
  '    with pytest.raises(ValueError):\n        parse_row(row)\n';

const TEST_STATS =
  'from qoima.loader import Record\nfrom qoima.stats import average_price, by_qoima, kiris_sany\n\n' +
  'R = [\n    Record("2026-03-02", "Алматы-1", "ұн", "кіріс", 10, 400.0),\n    Record("2026-03-03", "Алматы-1", "ұн", "кіріс", 30, 500.0),\n' +
  '    Record("2026-03-04", "Алматы-1", "ұн", "шығыс", 25, 480.0),\n    Record("2026-03-04", "Түркістан", "ұн", "шығыс", 5, 480.0),\n]\n\n\n' +
  'def test_by_qoima():\n    assert sorted(by_qoima(R)) == ["Алматы-1", "Түркістан"]\n\n\n' +
  'def test_kiris_sany():\n    assert kiris_sany(R) == 40\n\n\n' +
  'def test_average_price_weighted():\n    assert average_price(R[:3]) == 475.0\n\n\n' +
  'def test_average_price_kirisi_joq():\n    # Кірісі жоқ қоймада орташа баға жоқ: None (0 емес).\n    assert average_price(R[3:]) is None\n';

const SHAGYN =
  'күні,қойма,тауар,түрі,саны,бағасы\n2026-03-01,Алматы-1,ұн,кіріс,10,400.00\n2026-03-01,Шымкент,шай,кіріс,4,2300.00\n2026-03-02,Қарағанды,тұз,кіріс,50,110.00\n' +
  '2026-03-02,Әуезов,сүт,кіріс,12,460.00\n2026-03-03,Өскемен,май,кіріс,6,1650.00\n2026-03-03,Астана,күріш,кіріс,20,780.00\n2026-03-04,Түркістан,ұн,шығыс,3,400.00\n' +
  '2026-03-04,Алматы-1,ұн,шығыс,4,400.00\n2026-03-05,Шымкент,шай,шығыс,1,2300.00\n';

const TEST_REPORT =
  'from qoima.report import lines\n\nFIX = "tests/data/shagyn.csv"\n\n\n' +
  'def test_barlygy_line():\n    assert lines(FIX)[0] == "барлығы: 9 жазба"\n\n\n' +
  'def test_qoimalar_sany():\n    assert lines(FIX)[1] == "қоймалар: 7"\n\n\n' +
  'def test_kirissiz_qoima_syzyqsha():\n    assert "Түркістан: кіріс 0 дана, орташа баға —" in lines(FIX)\n\n\n' +
  '# Айгүл: қоймалар қазақ әліпбиінің ретімен шығуы керек (Ә — А-дан кейін, Қ — К-дан кейін, Ө — О-дан кейін).\n' +
  'def test_qoimalar_alipbi_boiynsha():\n    names = [line.split(":")[0] for line in lines(FIX)[3:]]\n' +
  '    assert names == ["Алматы-1", "Астана", "Әуезов", "Қарағанды", "Өскемен", "Түркістан", "Шымкент"]\n';

const TEST_JSON =
  '\n\ndef test_json_kazakh_keys():\n    import json\n\n    from qoima.report import as_json\n\n    text = as_json(FIX)\n    assert "барлығы" in text\n' +
  '    data = json.loads(text)\n    assert data["барлығы"] == 9\n    assert {"атауы": "Түркістан", "кіріс": 0, "орташа_баға": None} in data["қоймалар"]\n';

const TYPECHECK =
  '"""Қолмен жазылған тип тексерісі (mypy жоқ, сервер интернетсіз).\n\n' +
  'qoima ішіндегі әр ашық функцияның барлық параметрі мен қайтару мәні аннотацияланған ба,\nжәне typing.get_type_hints аннотацияларды шеше ала ма, соны тексереді.\n"""\n' +
  'import importlib\nimport inspect\nimport pkgutil\nimport sys\nimport typing\nfrom pathlib import Path\n\n' +
  'sys.path.insert(0, str(Path(__file__).resolve().parent.parent))\n\nimport qoima  # noqa: E402\n\n' +
  'checked = 0\nerrors = 0\nfor info in sorted(pkgutil.iter_modules(qoima.__path__), key=lambda i: i.name):\n' +
  '    module = importlib.import_module(f"qoima.{info.name}")\n    for name, fn in inspect.getmembers(module, inspect.isfunction):\n' +
  '        if fn.__module__ != module.__name__ or name.startswith("_"):\n            continue\n        checked += 1\n' +
  '        where = f"qoima/{info.name}.py:{fn.__code__.co_firstlineno} {name}"\n        sig = inspect.signature(fn)\n' +
  '        missing = [p.name for p in sig.parameters.values() if p.annotation is inspect.Parameter.empty]\n' +
  '        if sig.return_annotation is inspect.Signature.empty:\n            missing.append("return")\n' +
  '        if missing:\n            errors += 1\n            print(f"{where}: аннотация жоқ: {\', \'.join(missing)}")\n' +
  '        try:\n            typing.get_type_hints(fn)\n        except Exception as e:  # аннотация шешілмейді\n            errors += 1\n' +
  '            print(f"{where}: {type(e).__name__}: {e}")\n\nprint(f"тексерілді: {checked} функция, қате: {errors}")\nsys.exit(1 if errors else 0)\n';

const README =
  '# qoima\n\nҚойма қозғалыстарының айлық есебі.\n\n    python3 -m qoima.report data/qozgalys.csv\n    python3 -m pytest -q\n    python3 scripts/typecheck.py   # mypy орнына\n';

export const scenario = {
  name: 'python-kazakh-terse',
  about:
    "held out: terse Kazakh user (Cyrillic), Python package with pytest -q and a hand-written type check script instead of mypy; no thinking, decisions in short Kazakh replies; fixture 'tmp_db' not found fixed with a conftest.py; ZeroDivisionError fixed after a return 0.0 is tried and reverted; a NameError only the hand type check sees, fixed; pip install mypy refused; a colleague's alphabet-order test left failing; numbers from pytest -q and the report's барлығы line; one mid and one final /compact",
  requires: ['python3', 'git'],
  thinking: false,
  env: { LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' },
  files: {
    '.gitignore': '__pycache__/\n.pytest_cache/\n*.db\n',
    'README.md': README,
    'pyproject.toml': '[project]\nname = "qoima"\nversion = "0.3.0"\nrequires-python = ">=3.10"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
    'qoima/__init__.py': '"""Қойма қозғалыстарының есебі."""\n__version__ = "0.3.0"\n',
    'qoima/loader.py': LOADER,
    'qoima/stats.py': STATS,
    'qoima/report.py': REPORT,
    'qoima/store.py': STORE,
    'scripts/typecheck.py': TYPECHECK,
    'tests/data/shagyn.csv': SHAGYN,
    'tests/test_loader.py': TEST_LOADER,
    'tests/test_stats.py': TEST_STATS,
    'tests/test_report.py': TEST_REPORT,
    'tests/test_store.py': TEST_STORE,
    'tests/test_store_export.py': TEST_STORE_EXPORT,
    'data/qozgalys.csv': movements(),
  },
  build(k, { edit, write }) {
    const fixReq = k.request('pytest құлап жатыр, түзетші');
    const keepExpected = k.constraint('тесттердегі күтілген мәндерді өзгертпе');
    k.error("fixture 'tmp_db' not found", 'resolved');
    const conftest = k.decision(
      'tmp_db фикстурасын tests/conftest.py ішіне көшіремін',
      'оны екі тест файлы қолданады, ал pytest conftest.py-дағы фикстураларды импортсыз табады',
      'test_store_export.py ішіне test_store.py-дан импорттау',
    );
    k.file('tests/conftest.py');
    k.file('tests/test_store.py');
    k.error('ZeroDivisionError: division by zero', 'resolved');
    const zero = k.rejected('except ZeroDivisionError: return 0.0', 'тест None күтеді, ал 0.0 оған сәйкес келмейді');
    const none = k.decision(
      'кірісі жоқ қоймаға average_price None қайтарады, есепте «—» шығады',
      'кірісі жоқ қойманың орташа бағасы болмайды, 0 ₸ деп жазсақ тауар тегін сияқты көрінеді',
      'loader.py ішінде саны нөл жолдарды сүзіп тастау',
    );
    k.file('qoima/stats.py');
    k.file('qoima/report.py');
    k.error('FAILED tests/test_report.py::test_qoimalar_alipbi_boiynsha', 'unresolved');
    const typesReq = k.request('енді типтерді тексер');
    k.error('No module named mypy');
    const refusal = k.refusal('жоқ, ештеңе орнатпа. серверде интернет жоқ, scripts/typecheck.py бар ғой');
    k.error("NameError: name 'Optional' is not defined", 'resolved');
    k.file('qoima/loader.py');
    const jsonReq = k.request('есепке --json қос');
    const kazakhOut = k.constraint('бағдарлама шығаратын мәтіннің бәрі қазақша болсын');
    const ascii = k.decision(
      'json.dumps-қа ensure_ascii=False беремін',
      'әйтпесе қазақ әріптері \\u04d9 сияқты кодтар болып шығады',
      'әдепкі ensure_ascii=True қалдыру',
    );
    k.file('tests/test_report.py');
    k.number('1387');
    k.number('23670');
    k.number('847.91');
    k.number('36');
    const readmeReq = k.request('README-ге --json мысалын жаз');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('python3 -m pytest', 'failing');
    k.check('python3 scripts/typecheck.py', 'passing');
    k.not('decisions', zero.what, 'tried and reverted: a rejected approach');
    k.not('rejected', conftest.choice, 'the fix that was kept is not a dead end');
    k.not('rejected', none.alternative, 'weighed in a reply, never tried');
    k.not('constraints', jsonReq, 'a request is not a standing rule');
    k.not('errors', 'серверде интернет жоқ', "the user's refusal is not a tool error");
    k.not('numbers', '1400', "the user guessed yesterday's count, not a measurement");

    const pytest = 'python3 -m pytest -q 2>&1 | tail -n 30';
    const pytestShort = 'python3 -m pytest -q --tb=short 2>&1 | tail -n 25';
    const pip = 'python3 -m pip install --user mypy';

    return [
      {
        user: `сәлем. ${fixReq}. есеп те шықпайды, кеше 1400-дей жазба болған. ${keepExpected}`,
        model: [
          [empty(), bash(pytest, 'pytest')],
          [empty(), bash('python3 -m pytest -q tests/test_store_export.py 2>&1 | head -n 20', 'store_export тесттері')],
          [
            empty(),
            say(
              `tmp_db фикстурасы test_store.py ішінде анықталған, ал кеше бөлінген test_store_export.py оны көрмейді. ` +
                `${conftest.alternative} емес, ${conftest.choice}: ${conftest.reason}.`,
            ),
            write('tests/conftest.py', 'import pytest\n\nfrom qoima.store import connect\n\n\n' + TMP_DB_FIXTURE.trimEnd() + '\n'),
          ],
          [
            empty(),
            edit(
              'tests/test_store.py',
              'import pytest\n\nfrom qoima.loader import Record\nfrom qoima.store import connect, count, save\n\n\n' + TMP_DB_FIXTURE,
              'from qoima.loader import Record\nfrom qoima.store import count, save\n\n\n',
            ),
          ],
          [empty(), bash('python3 -m pytest -q tests/test_store.py tests/test_store_export.py 2>&1 | tail -n 3', 'store тесттері')],
          [empty(), bash('python3 -m qoima.report data/qozgalys.csv 2>&1 | tail -n 8', 'есеп')],
          [
            empty(),
            say('Түркістанда тек шығыс бар, кіріс саны 0, сондықтан average_price нөлге бөледі. Алдымен қарапайым жолды көрейін.'),
            edit('qoima/stats.py', AVG_V1, AVG_TRY),
          ],
          [empty(), bash(pytestShort, 'pytest')],
          [empty(), say(`Бұл болмайды: ${zero.why}. Қайтарамын.`), bash('git checkout -- qoima/stats.py && git status --short', 'stats.py қайтару')],
          [
            empty(),
            say(`Шешім: ${none.choice}. Себебі ${none.reason}. ${none.alternative} да болар еді, бірақ онда «барлығы: N жазба» саны өзгеріп кетеді.`),
            edit('qoima/stats.py', AVG_V1, AVG_V2),
          ],
          [empty(), edit('qoima/report.py', LINE_V1, LINE_V2)],
          [empty(), bash(pytestShort, 'pytest')],
          [empty(), bash('python3 -m qoima.report data/qozgalys.csv', 'есеп')],
          [
            empty(),
            say(
              'Екі қате түзелді:\n' +
                '- `tmp_db` енді `tests/conftest.py` ішінде, екі store файлы да көреді\n' +
                '- кірісі жоқ қойма (Түркістан) есепті құлатпайды, орташа баға орнына «—»\n\n' +
                'Бір тест әлі құлап тұр: `test_qoimalar_alipbi_boiynsha`. Ол қоймаларды қазақ әліпбиімен күтеді, ал `sorted()` Unicode реті бойынша сұрыптайды (Қ, Ә, Ө соңына кетеді). ' +
                'Тесттегі мәндерге тимедім. Түзейін бе?',
            ),
          ],
        ],
      },
      {
        user: `жоқ, ол Айгүлдікі, тиме. ${typesReq}`,
        model: [
          [empty(), bash('python3 -m mypy qoima 2>&1 | tail -n 5', 'mypy')],
          [empty(), say('mypy орнатылмаған. Орнатып көрейін.'), bash(pip, 'mypy орнату')],
          [empty(), bash('python3 scripts/typecheck.py', 'тип тексерісі')],
          [
            empty(),
            say(
              'Екі қате: stats.py ішінде `Optional` импортталмаған (менің қатем, `from __future__ import annotations` болғандықтан pytest байқамады), loader.py ішінде `parse_row` аннотациясыз.',
            ),
            edit(
              'qoima/stats.py',
              'def average_price(records: list[Record]) -> Optional[float]:\n',
              'def average_price(records: list[Record]) -> float | None:\n',
            ),
          ],
          [empty(), edit('qoima/loader.py', 'def parse_row(row):\n', 'def parse_row(row: dict[str, str]) -> Record:\n')],
          [empty(), bash('python3 scripts/typecheck.py && python3 -m pytest -q 2>&1 | tail -n 2', 'тип тексерісі және pytest')],
          [empty(), say('`scripts/typecheck.py` таза. pytest: тек Айгүлдің тесті құлап тұр.')],
        ],
        refuse: { [pip]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: "Kazakh user, terse. qoima package: pytest fixed except a colleague's alphabet test; typecheck script clean.",
          intent: 'Fix the failing pytest run and the report crash; then check the types. Do not change expected values in tests.',
          concepts: ['pytest fixtures and conftest.py', 'hand-written type check script instead of mypy'],
          files: [
            'tests/conftest.py: tmp_db fixture',
            'tests/test_store.py: fixture moved out',
            'qoima/stats.py: None when no income',
            'qoima/report.py: prints a dash',
            'qoima/loader.py: annotations',
          ],
          errors: [
            'Missing fixture in the split test file: fixed',
            'Division by zero for a warehouse with no income: fixed',
            'A missing import in an annotation: fixed',
          ],
          solving: 'Returning 0.0 was tried and reverted. mypy is not installed and the user does not want anything installed.',
          messages: ['Fix pytest; do not change expected values', "Leave Aigul's test; check the types", 'Refused installing mypy'],
          pending: ['Alphabet-order test (Aigul)'],
          current: 'typecheck clean; one test failing.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `жарайды. ${jsonReq}. ${kazakhOut}`,
        model: [
          [empty(), edit('qoima/report.py', 'import sys\n', 'import json\nimport sys\n')],
          [
            empty(),
            say(`Шешім: ${ascii.choice}, ${ascii.alternative} емес, өйткені ${ascii.reason}. Кілттер де қазақша.`),
            edit('qoima/report.py', MAIN_V1, MAIN_V2),
          ],
          [empty(), edit('tests/test_report.py', '"Шымкент"]\n', '"Шымкент"]\n' + TEST_JSON)],
          [empty(), bash("python3 -m qoima.report data/qozgalys.csv --json | sed -n '1,12p'", 'есеп --json')],
          [empty(), bash("python3 -m qoima.report data/qozgalys.csv | sed -n '1,3p'", 'есеп')],
          [empty(), bash('python3 scripts/typecheck.py; python3 -m pytest -q 2>&1 | tail -n 3', 'тип тексерісі және pytest')],
          [
            empty(),
            say(
              '`--json` қосылды: кілттер қазақша, әріптер `ensure_ascii=False` арқылы сол күйі шығады. Жаңа тест өтті; тип тексерісі таза. Айгүлдің тесті әлі құлап тұр.',
            ),
          ],
        ],
      },
      {
        user: `${readmeReq}`,
        model: [
          [
            empty(),
            edit(
              'README.md',
              '    python3 -m qoima.report data/qozgalys.csv\n',
              '    python3 -m qoima.report data/qozgalys.csv\n    python3 -m qoima.report data/qozgalys.csv --json   # JSON, кілттері қазақша\n',
            ),
          ],
          [empty(), say('README-ге `--json` мысалы қосылды.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'qoima: --json added with Kazakh keys, README updated; alphabet test still failing.',
          intent: 'Fix pytest and the report, check types, add --json, document it. Do not change expected test values; all program output in Kazakh.',
          concepts: ['json.dumps ensure_ascii', 'pytest'],
          files: ['qoima/report.py: --json', 'tests/test_report.py: json test', 'README.md: --json example'],
          errors: ['Alphabet-order test still failing (Aigul)'],
          solving: 'JSON keeps Kazakh letters as they are.',
          messages: ['Earlier: see the previous summary', 'Add --json; all program output in Kazakh', 'Write a --json example in the README'],
          pending: ["Aigul's alphabet test"],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
