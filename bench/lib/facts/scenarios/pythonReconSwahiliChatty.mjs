// A chatty Swahili user (Kiswahili with English tech words: "script", "export", "tests", "commit") on a
// small Python CSV reconciliation CLI (recon.py: argparse, csv, decimal) that matches a bank statement
// export against the accounting ledger by date, reference and amount, tested with `python3 -m unittest`.
// Thinking in English, replies in Swahili. The March export from the bank is Windows-1252, so the run dies
// with `UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9` (Café Java, Artcaffé), fixed by
// reading it as cp1252 (decided in thinking against re-encoding the file with iconv, which the user's
// rule forbids); a `pip install chardet` to sniff the encoding is refused (no internet on the accounting
// server). Then its amounts carry thousands commas and Decimal raises ConversionSyntax; parsing them
// with locale.setlocale/delocalize is tried, dies with `locale.Error: unsupported locale setting` and is
// taken out, the commas are stripped instead. A colleague's date-tolerance test (patanisha(..., siku=1))
// errors from the start and is left failing. A --ripoti CSV (utf-8-sig, decided against plain utf-8),
// a second bank's semicolon export (KeyError, then --delimiter), README. Numbers from `wc -l` and the
// run's "zilizolingana: N, hazikulingana: M" line. One mid-session /compact, one at the end.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

// --- deterministic data: a KCB export (cp1252, commas, quoted thousands) and the ledger (UTF-8) ---
/** @type {[string, number][]} */
const SHOPS = [
  ['Naivas Supermarket', -1],
  ['Carrefour Junction', -1],
  ['Café Java Westlands', -1],
  ['Artcaffé Yaya Centre', -1],
  ['Safaricom Postpaid', -1],
  ['KPLC Token', -1],
  ['Nairobi Water', -1],
  ['Malipo ya mteja: Duka la Mama Njeri', 1],
  ['Malipo ya mteja: Kibanda Hardware', 1],
  ['Mshahara wa Machi', -1],
  ['Kodi ya ofisi, Ngong Road', -1],
  ['Total Energies Kilimani', -1],
  ['Malipo ya mteja: Shule ya Upendo', 1],
  ['Uber Kenya', -1],
];

function lcg(seed) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s;
  };
}

const money = (cents) => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
};
const plain = (cents) => (cents < 0 ? '-' : '') + `${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const csvField = (s, delim) => (s.includes(delim) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * One month of transactions for a bank, with the differences a real month has: bank charges the
 * ledger lacks, uncleared cheques the bank lacks, a few amounts keyed wrong, a few posted a day late.
 */
function month({ seed, count, prefix, fees, cheques, amountDiffs, lateDays, delim }) {
  const next = lcg(seed);
  const rows = [];
  for (let i = 0; i < count; i++) {
    const [desc, sign] = SHOPS[next() % SHOPS.length];
    const day = 1 + Math.floor((i * 31) / count);
    const big = next() % 5 === 0;
    const cents = sign * (big ? 100000 + (next() % 9000000) : 5000 + (next() % 95000));
    const ref = `${prefix}${String(day).padStart(2, '0')}${String(10000 + ((next() * 7 + i) % 89999)).slice(0, 5)}${String.fromCharCode(65 + (i % 26))}`;
    rows.push({ day, ref, desc, cents });
  }
  const bank = rows.map((r) => ({ ...r }));
  const ledger = rows.map((r) => ({ ...r }));
  for (let j = 0; j < amountDiffs; j++) ledger[17 + j * 41].cents += j % 2 ? 100 : -1000;
  for (let j = 0; j < lateDays; j++) {
    const r = bank[29 + j * 53];
    if (r.day < 31) r.day += 1;
  }
  for (let j = 0; j < fees; j++)
    bank.push({ day: 2 + ((j * 3) % 29), ref: `CHG${String(240300 + j * 7)}`, desc: 'Ada ya huduma ya benki', cents: -(5000 + j * 2500) });
  for (let j = 0; j < cheques; j++)
    ledger.push({ day: 26 + (j % 5), ref: `HUNDI-${String(4410 + j)}`, desc: `Hundi kwa msambazaji #${4410 + j}`, cents: -(1250000 + j * 37500) });
  bank.sort((a, b) => a.day - b.day);
  ledger.sort((a, b) => a.day - b.day);
  const dd = (d) => `${String(d).padStart(2, '0')}/03/2024`;
  const iso = (d) => `2024-03-${String(d).padStart(2, '0')}`;
  const bankText =
    ['Tarehe', 'Kumbukumbu', 'Maelezo', 'Kiasi'].join(delim) +
    '\r\n' +
    bank.map((r) => [dd(r.day), r.ref, r.desc, money(r.cents)].map((f) => csvField(f, delim)).join(delim)).join('\r\n') +
    '\r\n';
  const ledgerText =
    'date,ref,description,amount\n' + ledger.map((r) => [iso(r.day), r.ref, r.desc, plain(r.cents)].map((f) => csvField(f, ',')).join(',')).join('\n') + '\n';
  return { bank: Buffer.from(bankText, 'latin1'), ledger: ledgerText };
}

const KCB = month({ seed: 20240331, count: 1163, prefix: 'FT24', fees: 14, cheques: 7, amountDiffs: 4, lateDays: 3, delim: ',' });
const EQUITY = month({ seed: 977, count: 286, prefix: 'EQ', fees: 3, cheques: 2, amountDiffs: 1, lateDays: 0, delim: ';' });

const RECON = String.raw`#!/usr/bin/env python3
"""recon.py: patanisha statement ya benki na leja ya hesabu.

Matumizi:
    python3 recon.py BENKI.csv LEJA.csv

Benki: Tarehe (dd/mm/yyyy), Kumbukumbu, Maelezo, Kiasi
Leja:  date (yyyy-mm-dd), ref, description, amount
Safu zinalingana ikiwa tarehe, kumbukumbu na kiasi ni sawa.
"""
import argparse
import csv
import sys
from datetime import datetime
from decimal import Decimal


def soma_benki(njia):
    safu = []
    with open(njia, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            safu.append(
                {
                    "tarehe": datetime.strptime(r["Tarehe"], "%d/%m/%Y").date().isoformat(),
                    "ref": r["Kumbukumbu"].strip(),
                    "maelezo": r["Maelezo"].strip(),
                    "kiasi": Decimal(r["Kiasi"]),
                }
            )
    return safu


def soma_leja(njia):
    safu = []
    with open(njia, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            safu.append(
                {
                    "tarehe": r["date"],
                    "ref": r["ref"].strip(),
                    "maelezo": r["description"].strip(),
                    "kiasi": Decimal(r["amount"]),
                }
            )
    return safu


def patanisha(benki, leja):
    """-> (zilizolingana, za_benki_tu, za_leja_tu)"""
    kwa_ufunguo = {}
    for r in leja:
        kwa_ufunguo.setdefault((r["tarehe"], r["ref"], r["kiasi"]), []).append(r)
    lingana, benki_tu = [], []
    for r in benki:
        orodha = kwa_ufunguo.get((r["tarehe"], r["ref"], r["kiasi"]))
        if orodha:
            lingana.append((r, orodha.pop(0)))
        else:
            benki_tu.append(r)
    leja_tu = [r for orodha in kwa_ufunguo.values() for r in orodha]
    return lingana, benki_tu, leja_tu


def main(argv=None):
    p = argparse.ArgumentParser(description="Patanisha statement ya benki na leja.")
    p.add_argument("benki", help="CSV ya benki")
    p.add_argument("leja", help="CSV ya leja")
    a = p.parse_args(argv)

    lingana, benki_tu, leja_tu = patanisha(soma_benki(a.benki), soma_leja(a.leja))
    for r in benki_tu:
        print(f"BENKI TU  {r['tarehe']}  {r['ref']:<14} {r['kiasi']:>12}  {r['maelezo']}")
    for r in leja_tu:
        print(f"LEJA TU   {r['tarehe']}  {r['ref']:<14} {r['kiasi']:>12}  {r['maelezo']}")
    # script ya usiku ya Amani inasoma mstari huu
    print(f"zilizolingana: {len(lingana)}, hazikulingana: {len(benki_tu) + len(leja_tu)}")
    return 1 if benki_tu or leja_tu else 0


if __name__ == "__main__":
    sys.exit(main())
`;

const TESTS = String.raw`import unittest
from decimal import Decimal
from pathlib import Path

from recon import patanisha, soma_benki, soma_leja

FIXTURES = Path(__file__).parent / "fixtures"


def safu(ref, kiasi, tarehe="2024-03-01", maelezo="x"):
    return {"tarehe": tarehe, "ref": ref, "maelezo": maelezo, "kiasi": Decimal(kiasi)}


class PatanishaTest(unittest.TestCase):
    def test_zote_zinalingana(self):
        b = [safu("FT1", "100.00"), safu("FT2", "-45.50")]
        lingana, benki_tu, leja_tu = patanisha(b, [safu("FT2", "-45.50"), safu("FT1", "100.00")])
        self.assertEqual((len(lingana), benki_tu, leja_tu), (2, [], []))

    def test_kiasi_tofauti_hakilingani(self):
        lingana, benki_tu, leja_tu = patanisha([safu("FT1", "100.00")], [safu("FT1", "100.01")])
        self.assertEqual((len(lingana), len(benki_tu), len(leja_tu)), (0, 1, 1))

    def test_decimal_sio_float(self):
        lingana, _, _ = patanisha([safu("FT1", "0.30")], [safu("FT1", "0.3")])
        self.assertEqual(len(lingana), 1)

    def test_ref_ikijirudia(self):
        b = [safu("FT1", "10.00"), safu("FT1", "10.00")]
        lingana, benki_tu, _ = patanisha(b, [safu("FT1", "10.00")])
        self.assertEqual((len(lingana), len(benki_tu)), (1, 1))

    # --- Baraka: siku za uvumilivu (benki wakati mwingine huweka muamala siku moja baadaye) ---
    def test_uvumilivu_wa_siku_moja(self):
        b = [safu("FT1", "100.00", tarehe="2024-03-02")]
        l = [safu("FT1", "100.00", tarehe="2024-03-01")]
        lingana, _, _ = patanisha(b, l, siku=1)
        self.assertEqual(len(lingana), 1)


class SomaTest(unittest.TestCase):
    def test_soma_benki(self):
        zote = soma_benki(FIXTURES / "benki_ndogo.csv")
        self.assertEqual(len(zote), 3)
        self.assertEqual(zote[0]["tarehe"], "2024-02-01")
        self.assertEqual(zote[1]["kiasi"], Decimal("-1250.00"))

    def test_soma_leja(self):
        self.assertEqual(len(soma_leja(FIXTURES / "leja_ndogo.csv")), 3)


if __name__ == "__main__":
    unittest.main()
`;

const README =
  '# recon\n\nKupatanisha statement ya benki (CSV export) na leja ya hesabu kila mwisho wa mwezi.\n\n' +
  '    python3 recon.py data/kcb_2024-03.csv data/leja_kcb_2024-03.csv\n\n' +
  'Mstari wa mwisho (`zilizolingana: N, hazikulingana: M`) unasomwa na script ya usiku.\n\nTests: `python3 -m unittest`\n';

export const scenario = {
  name: 'python-recon-swahili-chatty',
  about:
    "held out: chatty Swahili user (Kiswahili + English tech words), Python CSV reconciliation CLI (argparse, csv, decimal) tested with python3 -m unittest; thinking in English, replies in Swahili; UnicodeDecodeError 0xe9 fixed by reading the export as cp1252 (decided against iconv, which the data rule forbids); pip install chardet refused; Decimal ConversionSyntax on thousands commas; locale.setlocale tried, locale.Error, taken out; a colleague's siku=1 test left failing; --ripoti as utf-8-sig; a semicolon export's KeyError and --delimiter; wc -l and zilizolingana/hazikulingana numbers; one mid and one final /compact",
  requires: ['python3', 'git', 'file', 'wc'],
  files: {
    '.gitignore': '__pycache__/\nripoti/\n',
    'README.md': README,
    'recon.py': RECON,
    'tests/__init__.py': '',
    'tests/test_recon.py': TESTS,
    'tests/fixtures/benki_ndogo.csv':
      'Tarehe,Kumbukumbu,Maelezo,Kiasi\n01/02/2024,FT1001,Naivas,-320.00\n02/02/2024,FT1002,Kodi ya ofisi,-1250.00\n03/02/2024,FT1003,Malipo ya mteja,4000.00\n',
    'tests/fixtures/leja_ndogo.csv':
      'date,ref,description,amount\n2024-02-01,FT1001,Naivas,-320.00\n2024-02-02,FT1002,Kodi ya ofisi,-1250.00\n2024-02-03,FT1003,Malipo ya mteja,4100.00\n',
    'data/kcb_2024-03.csv': KCB.bank,
    'data/leja_kcb_2024-03.csv': KCB.ledger,
    'data/equity_2024-03.csv': EQUITY.bank,
    'data/leja_equity_2024-03.csv': EQUITY.ledger,
  },
  build(k, { edit }) {
    const fixReq = k.request('irekebishe ili isome export mpya ya Machi bila kuanguka');
    const dataRule = k.constraint('usibadilishe faili za data kwenye folda ya data/');
    const noFloat = k.constraint('usitumie float kwa kiasi cha pesa, Decimal tu');
    k.error("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9", 'resolved');
    const refusal = k.refusal('hapana, usi-install package yoyote! server ya uhasibu haina internet na IT hawaruhusu pip huko');
    const cp1252 = k.decision(
      'read the bank export as cp1252 inside soma_benki',
      'converting the file would change bytes under data/, and the auditor wants the exports exactly as the bank sent them',
      'converting the export to UTF-8 once with iconv',
    );
    k.error("decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]", 'resolved');
    const localeTry = k.rejected(
      'locale.setlocale(locale.LC_NUMERIC, "en_US.UTF-8")',
      'en_US.UTF-8 is not installed on this box, and the accounting server is no more likely to have it; a parse that depends on which locales a machine has is fragile',
    );
    k.error('locale.Error: unsupported locale setting', 'resolved');
    k.number('1156');
    k.number('35');
    k.number('1178');
    k.number('1171');
    k.error("TypeError: patanisha() got an unexpected keyword argument 'siku'", 'unresolved');
    k.file('recon.py');
    k.file('tests/test_recon.py');
    const ripotiReq = k.request('ongeza --ripoti inayoandika safu zisizolingana kwenye faili la CSV');
    const summaryRule = k.constraint('mstari wa mwisho wa zilizolingana/hazikulingana usiubadilishe kabisa');
    const bom = k.decision(
      'write the report as utf-8-sig',
      'the accountant opens it in Excel, which reads a UTF-8 CSV without a BOM as the Windows code page and mangles Café',
      'plain utf-8 without a BOM',
    );
    k.number('36');
    const semicolonReq = k.request('ifanye recon.py ikubali pia faili zenye semicolon');
    k.error("KeyError: 'Tarehe'", 'resolved');
    const delimiter = k.decision(
      'an explicit --delimiter flag that defaults to a comma',
      "Amani's nightly KCB job keeps running with the same command line",
      'guessing the delimiter with csv.Sniffer',
    );
    k.number('285');
    const readmeReq = k.request('andika kwenye README jinsi ya kutumia --ripoti na --delimiter');
    k.file('README.md');
    k.lastRequest(readmeReq);
    k.check('python3 -m unittest', 'failing');
    k.not('decisions', localeTry.what, 'tried and taken out: a rejected approach, not a decision');
    k.not('rejected', cp1252.choice, 'the fix that was kept is not a dead end');
    k.not('rejected', delimiter.alternative, 'weighed in thinking, never tried');
    k.not('errors', 'IT hawaruhusu pip', "the user's refusal is not a tool error");
    k.not('constraints', ripotiReq, 'a request is not a standing rule');
    k.not('numbers', '2024', 'the year in the file names, not a measurement');

    const kcb = 'python3 recon.py data/kcb_2024-03.csv data/leja_kcb_2024-03.csv';
    const chardet = "pip install chardet && python3 -c \"import chardet; print(chardet.detect(open('data/kcb_2024-03.csv', 'rb').read()))\"";
    const tests = 'python3 -m unittest 2>&1 | tail -n 25';

    const openOld =
      '    safu = []\n    with open(njia, newline="", encoding="utf-8") as f:\n        for r in csv.DictReader(f):\n            safu.append(\n                {\n                    "tarehe": datetime';
    const openNew =
      '    safu = []\n    # export ya benki ni Windows-1252 (cp1252), si UTF-8\n    with open(njia, newline="", encoding=encoding) as f:\n        for r in csv.DictReader(f):\n            safu.append(\n                {\n                    "tarehe": datetime';
    const localeOld = 'from decimal import Decimal\n';
    const localeNew = `import locale\nfrom decimal import Decimal\n\n${localeTry.what}\n`;
    const amountLocale = '                    "kiasi": Decimal(locale.delocalize(r["Kiasi"])),\n';
    const amountOld = '                    "kiasi": Decimal(r["Kiasi"]),\n';
    const amountNew = '                    "kiasi": kiasi(r["Kiasi"]),\n';
    const helper =
      'def kiasi(maandishi):\n    """"-1,250.00" -> Decimal("-1250.00"): benki huweka koma za maelfu."""\n' +
      '    return Decimal(maandishi.strip().replace(",", ""))\n\n\ndef soma_benki(njia, encoding="cp1252"):\n';
    const cpTest =
      '\n\nclass ExportTest(unittest.TestCase):\n    def test_cp1252_na_koma_za_maelfu(self):\n        with tempfile.TemporaryDirectory() as d:\n' +
      '            njia = Path(d) / "benki.csv"\n' +
      '            njia.write_bytes(\'Tarehe,Kumbukumbu,Maelezo,Kiasi\\r\\n05/03/2024,FT1,Caf\\u00e9 Java,"-1,250.00"\\r\\n\'.encode("cp1252"))\n' +
      '            r = soma_benki(njia)[0]\n        self.assertEqual((r["maelezo"], r["kiasi"]), ("Caf\\u00e9 Java", Decimal("-1250.00")))\n\n\nif __name__ == "__main__":';
    const mainOld =
      '    p.add_argument("leja", help="CSV ya leja")\n    a = p.parse_args(argv)\n\n    lingana, benki_tu, leja_tu = patanisha(soma_benki(a.benki), soma_leja(a.leja))\n';
    const mainRipoti =
      '    p.add_argument("leja", help="CSV ya leja")\n    p.add_argument("--ripoti", metavar="FAILI", help="andika safu zisizolingana kwenye CSV hii")\n' +
      '    a = p.parse_args(argv)\n\n    lingana, benki_tu, leja_tu = patanisha(soma_benki(a.benki), soma_leja(a.leja))\n' +
      '    if a.ripoti:\n        andika_ripoti(a.ripoti, benki_tu, leja_tu)\n';
    const ripotiFn =
      'def andika_ripoti(njia, benki_tu, leja_tu):\n    # utf-8-sig: Excel ya mhasibu inahitaji BOM ili isome "Café" sawasawa\n' +
      '    with open(njia, "w", newline="", encoding="utf-8-sig") as f:\n        w = csv.writer(f)\n' +
      '        w.writerow(["upande", "tarehe", "kumbukumbu", "kiasi", "maelezo"])\n' +
      '        for upande, orodha in (("benki", benki_tu), ("leja", leja_tu)):\n            for r in orodha:\n' +
      '                w.writerow([upande, r["tarehe"], r["ref"], str(r["kiasi"]), r["maelezo"]])\n\n\ndef main(argv=None):\n';
    const ripotiTest =
      '\n\nclass RipotiTest(unittest.TestCase):\n    def test_ripoti_ina_safu_zisizolingana(self):\n        with tempfile.TemporaryDirectory() as d:\n' +
      '            nje = Path(d) / "tofauti.csv"\n            with contextlib.redirect_stdout(io.StringIO()):\n' +
      '                main([str(FIXTURES / "benki_ndogo.csv"), str(FIXTURES / "leja_ndogo.csv"), "--ripoti", str(nje)])\n' +
      '            mistari = nje.read_text(encoding="utf-8-sig").splitlines()\n' +
      '        self.assertEqual(mistari[0], "upande,tarehe,kumbukumbu,kiasi,maelezo")\n        self.assertEqual(len(mistari), 3)\n\n\nif __name__ == "__main__":';
    const ripotiRun = `mkdir -p ripoti && ${kcb} --ripoti ripoti/kcb_2024-03_tofauti.csv | tail -n 3; wc -l ripoti/kcb_2024-03_tofauti.csv && head -n 4 ripoti/kcb_2024-03_tofauti.csv`;
    const equity = 'python3 recon.py data/equity_2024-03.csv data/leja_equity_2024-03.csv';
    const delimArg =
      '    p.add_argument("--ripoti", metavar="FAILI", help="andika safu zisizolingana kwenye CSV hii")\n' +
      '    p.add_argument("--delimiter", default=",", help="kitenganishi cha CSV ya benki (chaguo-msingi: koma)")\n';
    const delimTest =
      '\n\nclass DelimiterTest(unittest.TestCase):\n    def test_semicolon(self):\n        with tempfile.TemporaryDirectory() as d:\n' +
      '            njia = Path(d) / "equity.csv"\n            njia.write_bytes(b"Tarehe;Kumbukumbu;Maelezo;Kiasi\\r\\n05/03/2024;EQ1;Naivas;-1,250.00\\r\\n")\n' +
      '            r = soma_benki(njia, delimiter=";")[0]\n        self.assertEqual((r["ref"], r["kiasi"]), ("EQ1", Decimal("-1250.00")))\n\n\nif __name__ == "__main__":';

    return [
      {
        user:
          'Habari yako rafiki! 😊 Natumaini uko poa. Leo nina kazi kidogo kwako. Tuna hii CLI ndogo ya Python, `recon.py`, tunayoitumia kupatanisha (reconcile) ' +
          'statement ya benki ya KCB na leja yetu ya hesabu kila mwisho wa mwezi. Sasa export mpya ya Machi kutoka benki inaangusha script — inatoa traceback ndefu ' +
          `halafu inakufa kabisa 😩 Tafadhali ${fixReq}. Tests zinaendeshwa na \`python3 -m unittest\`.\n\n` +
          `Mambo mawili muhimu sana: ${dataRule} — hizo CSV ni exports halisi kutoka benki na auditor anazitaka kama zilivyo, hata byte moja isibadilike. ` +
          `Na ${noFloat}, hizi ni pesa za watu bwana 😅 Asante sana mapema!! 🙏`,
        model: [
          [think('Reproduce first, the way the user runs it.'), bash(`${kcb} 2>&1 | tail -n 8`, 'Endesha recon kwenye export ya Machi')],
          [
            think(
              'The bank file is not UTF-8: a byte in the é range, most likely a Latin-1/Windows-1252 export (Café, Artcaffé in the descriptions). ' +
                'The ledger reads fine. Quickest way to be sure of the encoding: chardet on the raw bytes.',
            ),
            bash(chardet, 'Gundua encoding ya export'),
          ],
          [
            think('No installs then. file(1) and a byte dump of the first bad line tell enough without any package.'),
            bash("file -i data/*.csv && LC_ALL=C grep -n -m 2 -a $'\\xe9' data/kcb_2024-03.csv | cat -v", 'Angalia encoding kwa file na grep'),
          ],
          [
            think(
              'charset=iso-8859-1 for both bank exports, utf-8 for the ledgers, and the é is a single byte (M-i in cat -v), CRLF line ends: a Windows export, so Windows-1252 (a superset of Latin-1 for these bytes). ' +
                `Two ways: ${cp1252.alternative}, or ${cp1252.choice}. The first is out: ${cp1252.reason}. ` +
                'So an encoding parameter on soma_benki with cp1252 as its default; the ledger stays UTF-8.',
            ),
            edit('recon.py', 'def soma_benki(njia):\n', 'def soma_benki(njia, encoding="cp1252"):\n'),
          ],
          [empty(), edit('recon.py', openOld, openNew)],
          [empty(), bash(`${kcb} 2>&1 | tail -n 6`, 'Endesha tena')],
          [
            think(
              'Next layer: the March export writes amounts with thousands separators ("-1,250.00"), which Decimal() does not parse. ' +
                'The stdlib way to read a localized number without going through float is locale.delocalize under an en_US numeric locale.',
            ),
            edit('recon.py', localeOld, localeNew),
          ],
          [empty(), edit('recon.py', amountOld, amountLocale)],
          [empty(), bash(`${kcb} 2>&1 | tail -n 4`, 'Endesha tena')],
          [
            think(
              `No good: ${localeTry.why}. Also setlocale is process-wide. Take it out and strip the commas myself: ` +
                'the bank only ever uses "," for thousands and "." for the decimal point, so removing the commas and handing the string to Decimal is exact.',
            ),
            edit('recon.py', localeNew, localeOld),
          ],
          [empty(), edit('recon.py', amountLocale, amountNew)],
          [empty(), edit('recon.py', 'def soma_benki(njia, encoding="cp1252"):\n', helper)],
          [empty(), bash(`${kcb} | tail -n 4; wc -l data/kcb_2024-03.csv data/leja_kcb_2024-03.csv`, 'Endesha tena, na idadi ya mistari')],
          [think('Runs through. Now the tests.'), bash(tests, 'Tests')],
          [
            think(
              "All green except Baraka's tolerance test: it calls patanisha with a siku argument that does not exist yet. That is a feature, not part of this fix; " +
                'leave it and say so. Add a test for what was fixed: a cp1252 file with a thousands comma, written in a temp dir (never into data/).',
            ),
            edit('tests/test_recon.py', '\n\nif __name__ == "__main__":', cpTest),
          ],
          [empty(), edit('tests/test_recon.py', 'import unittest\n', 'import tempfile\nimport unittest\n')],
          [empty(), bash('python3 -m unittest -v 2>&1 | grep -E "ok$|ERROR|FAIL|^Ran"', 'Tests tena')],
          [
            empty(),
            say(
              'Imerekebishwa! ✅ Kulikuwa na matatizo mawili, moja nyuma ya jingine:\n\n' +
                '1. **Encoding**: export ya Machi si UTF-8 — ni Windows-1252 (cp1252). Herufi kama "é" kwenye *Café Java* na *Artcaffé* ni byte moja tu, ndiyo maana Python ilikataa kuisoma. ' +
                'Sasa `soma_benki()` inasoma kwa `encoding="cp1252"` (ni parameter, unaweza kuibadilisha). Faili la data halijaguswa hata kidogo.\n' +
                '2. **Kiasi chenye koma za maelfu** (`"-1,250.00"`): `Decimal` haikubali koma. Nilijaribu kwanza njia ya `locale`, lakini locale hiyo haipo kwenye mashine hii ' +
                '(na huenda haipo kwenye server pia), kwa hivyo nimeiondoa. Sasa `kiasi()` inaondoa koma kisha `Decimal` — hakuna float popote.\n\n' +
                'Matokeo ya Machi yako hapo juu kwenye output. Pia nimeongeza test ya faili la cp1252 lenye koma (inaandikwa kwenye temp dir).\n\n' +
                '⚠️ Test moja bado inaanguka: `test_uvumilivu_wa_siku_moja` ya Baraka — inaita `patanisha(..., siku=1)` na parameter hiyo bado haipo. Hiyo ni feature mpya, sikuigusa. Niifanyie kazi?',
            ),
          ],
        ],
        refuse: { [chardet]: refusal },
      },
      {
        user:
          'Kazi nzuri sana!! 🎉🎉 Asante. Kuhusu test ya Baraka — hiyo iache, yeye mwenyewe anaiandika hiyo feature ya siku za uvumilivu wiki hii, msimamo wake ni mkali 😂 ' +
          `Sasa nina ombi lingine: ${ripotiReq}, ili nimtumie mhasibu faili moja tu badala ya kunakili kutoka terminal kila mara. ` +
          `Lakini tafadhali ${summaryRule}, script ya Amani ya usiku inausoma na ikibadilika itavunjika.`,
        model: [
          [
            think(
              'Where does the report go and in what form? A CSV with one row per unmatched line: side (benki/leja), date, ref, amount, description. ' +
                `Encoding: ${bom.alternative} or ${bom.choice}. ${bom.reason[0].toUpperCase()}${bom.reason.slice(1)}; so ${bom.choice}. ` +
                'The summary line is printed exactly as before; the report is only written when --ripoti is given.',
            ),
            edit('recon.py', '\n\ndef main(argv=None):\n', '\n\n' + ripotiFn),
          ],
          [empty(), edit('recon.py', mainOld, mainRipoti)],
          [empty(), edit('tests/test_recon.py', '\n\nif __name__ == "__main__":', ripotiTest)],
          [empty(), edit('tests/test_recon.py', 'import tempfile\nimport unittest\n', 'import contextlib\nimport io\nimport tempfile\nimport unittest\n')],
          [
            empty(),
            edit('tests/test_recon.py', 'from recon import patanisha, soma_benki, soma_leja\n', 'from recon import main, patanisha, soma_benki, soma_leja\n'),
          ],
          [empty(), bash(tests, 'Tests')],
          [think('Same as before: only the siku test. Now a real run with the report.'), bash(ripotiRun, 'Ripoti ya KCB ya Machi')],
          [
            empty(),
            say(
              'Tayari! 📄 `--ripoti FAILI` inaandika safu zote zisizolingana kwenye CSV yenye safu: `upande,tarehe,kumbukumbu,kiasi,maelezo` ' +
                '(upande = `benki` au `leja`).\n\n- Faili linaandikwa kama UTF-8 yenye BOM, ili Excel ya mhasibu isome "Café" vizuri\n' +
                '- Mstari wa mwisho `zilizolingana: …, hazikulingana: …` haujabadilika hata herufi moja\n' +
                '- Bila `--ripoti` kila kitu ni kama zamani\n- Test mpya ya ripoti inapita; ya Baraka bado inaanguka kama ulivyosema\n\n' +
                'Ripoti ya Machi iko `ripoti/kcb_2024-03_tofauti.csv` (ripoti/ iko kwenye .gitignore).',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Swahili-speaking user, recon.py reconciles a bank CSV export against the ledger. The March export crashed the script; fixed. A --ripoti option was added.',
          intent:
            "Make recon.py read the new March export without crashing; add --ripoti writing the unmatched rows to a CSV. Don't modify the data files; Decimal only for money; keep the final summary line unchanged.",
          concepts: ['argparse, csv, decimal', 'Windows-1252 bank export', 'python3 -m unittest', 'UTF-8 with BOM for Excel'],
          files: ['recon.py: cp1252 for the bank file, kiasi() strips thousands commas, --ripoti', 'tests/test_recon.py: cp1252 and report tests'],
          errors: [
            'The bank export could not be decoded as UTF-8; now read as cp1252',
            'Amounts with thousands separators were rejected by Decimal; commas stripped',
            "Baraka's date tolerance test still fails (left for him)",
          ],
          solving: 'A locale-based amount parser did not work on this machine and was removed. Installing a package to detect the encoding was not allowed.',
          messages: ['Fix recon.py for the March export; do not touch data/; Decimal only', "Leave Baraka's test; add --ripoti; keep the summary line format"],
          pending: ["Baraka's siku tolerance (his task)"],
          current: 'Report written for March.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          'Niko tena 😄 Habari njema: benki yetu ya pili, Equity, nayo imetuma export yake ya Machi, iko `data/equity_2024-03.csv` na leja yake ni `data/leja_equity_2024-03.csv`. ' +
          `Nilijaribu kuiendesha mwenyewe ikaanguka tena 🙈 nadhani wao wanatumia semicolon badala ya koma?? sijui. Tafadhali ${semicolonReq}. Asante!`,
        model: [
          [empty(), bash(`${equity} 2>&1 | tail -n 5; head -n 3 data/equity_2024-03.csv`, 'Endesha Equity na angalia mwanzo wa faili')],
          [
            think(
              'Right, ";" between fields, and the amounts keep the thousands comma (no quoting needed with ";"). csv.DictReader with the default "," sees one column per line. ' +
                `Options: ${delimiter.alternative}, or ${delimiter.choice}. A guess can go wrong on a month where every amount has a comma, and more to the point ${delimiter.reason}. ` +
                `So ${delimiter.choice}, passed down to soma_benki.`,
            ),
            edit('recon.py', '    p.add_argument("--ripoti", metavar="FAILI", help="andika safu zisizolingana kwenye CSV hii")\n', delimArg),
          ],
          [empty(), edit('recon.py', 'def soma_benki(njia, encoding="cp1252"):\n', 'def soma_benki(njia, encoding="cp1252", delimiter=","):\n')],
          [
            empty(),
            edit(
              'recon.py',
              '        for r in csv.DictReader(f):\n            safu.append(\n                {\n                    "tarehe": datetime',
              '        for r in csv.DictReader(f, delimiter=delimiter):\n            safu.append(\n                {\n                    "tarehe": datetime',
            ),
          ],
          [
            empty(),
            edit('recon.py', 'patanisha(soma_benki(a.benki), soma_leja(a.leja))', 'patanisha(soma_benki(a.benki, delimiter=a.delimiter), soma_leja(a.leja))'),
          ],
          [empty(), edit('tests/test_recon.py', '\n\nif __name__ == "__main__":', delimTest)],
          [
            empty(),
            bash(
              `${equity} --delimiter ';' | tail -n 3; ${kcb} | tail -n 1; wc -l data/equity_2024-03.csv data/leja_equity_2024-03.csv`,
              'Equity kwa --delimiter, na KCB bila kubadilisha kitu',
            ),
          ],
          [empty(), bash(tests, 'Tests')],
          [
            empty(),
            say(
              'Ndiyo, ulikuwa sahihi 👍 Equity wanatumia `;` kati ya safu.\n\n' +
                "- Chaguo jipya: `--delimiter ';'` (chaguo-msingi bado ni koma, kwa hivyo amri ya KCB na script ya Amani hazibadiliki)\n" +
                "- Mfano: `python3 recon.py data/equity_2024-03.csv data/leja_equity_2024-03.csv --delimiter ';'`\n" +
                '- Koma za maelfu kwenye kiasi za Equity zinashughulikiwa na `kiasi()` ile ile\n- Test mpya ya semicolon inapita\n\n' +
                'Tests: zote ziko sawa isipokuwa ile ya Baraka (`siku=1`), kama tulivyokubaliana.',
            ),
          ],
        ],
      },
      {
        user: `Safi kabisa! 👌 Mwisho kwa leo: ${readmeReq}, ili Amani na mhasibu wajue. Halafu tumemaliza, nakwenda kula chakula cha mchana 🍛😋`,
        model: [
          [
            empty(),
            edit(
              'README.md',
              'Tests: `python3 -m unittest`\n',
              '## Chaguo\n\n- `--ripoti FAILI`: andika safu zisizolingana kwenye CSV (UTF-8 yenye BOM, inafunguka vizuri kwenye Excel):\n\n' +
                '      python3 recon.py data/kcb_2024-03.csv data/leja_kcb_2024-03.csv --ripoti ripoti/kcb_2024-03_tofauti.csv\n\n' +
                "- `--delimiter ';'`: kwa exports zinazotenganisha safu kwa semicolon (Equity):\n\n" +
                "      python3 recon.py data/equity_2024-03.csv data/leja_equity_2024-03.csv --delimiter ';'\n\n" +
                'Exports za benki husomwa kama cp1252 (Windows-1252); faili za `data/` hazibadilishwi kamwe.\n\nTests: `python3 -m unittest`\n',
            ),
          ],
          [empty(), bash('git diff --stat', 'Muhtasari wa mabadiliko')],
          [
            empty(),
            say(
              'README imesasishwa: sehemu mpya ya **Chaguo** yenye mifano ya `--ripoti` na `--delimiter`, pamoja na maelezo ya cp1252. ' +
                'Sijafanya commit — niambie ukitaka. Ufurahie chakula! 🍛',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Continuation: recon.py now also reads a semicolon export (Equity) through --delimiter; the README documents the options.',
          intent: "recon.py: March export fix, --ripoti, semicolon support, README. Don't modify data files; Decimal only; keep the summary line.",
          concepts: ['csv delimiter option', 'cp1252 exports'],
          files: ['recon.py: --delimiter passed to soma_benki', 'tests/test_recon.py: semicolon test', 'README.md: options section'],
          errors: ['The Equity export failed with the default comma delimiter; fixed with --delimiter', "Baraka's tolerance test still fails"],
          solving: 'The default stays a comma so the nightly job is unchanged.',
          messages: ['Earlier messages are in the previous summary', 'Support semicolon files (Equity)', 'Document --ripoti and --delimiter in the README'],
          pending: ['Nothing committed yet', "Baraka's siku tolerance"],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
