// A Malay-speaking user and a stdlib-only scraper (html.parser) over shop pages saved to pages/, with
// unittest. The model writes no thinking text (`thinking: false`): its choices are stated in Malay in
// its replies. One saved page is windows-1252 (a UnicodeDecodeError), a sold-out row has a single
// cell (an IndexError); both are fixed. `errors='ignore'` is tried and reverted with `git checkout --`.
// The thousands test of parse_price (a colleague's function the user keeps off-limits) is left
// failing. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

const ITEMS = ['Teh Tarik', 'Kopi O', 'Nasi Lemak', 'Roti Canai', 'Mee Goreng', 'Milo Ais', 'Kuih Lapis', 'Cendol', 'Laksa Penang', 'Char Kuey Teow'];

/** @returns {{ [path: string]: string | Buffer }} */
function pages() {
  /** @type {{ [path: string]: string | Buffer }} */
  const out = {};
  let seed = 11;
  const rand = () => ((seed = (seed * 16807) % 2147483647), seed / 2147483647);
  for (let p = 1; p <= 13; p++) {
    const name = `pages/kedai-${String(p).padStart(2, '0')}.html`;
    const latin = p === 9;
    const rows = [];
    const count = 20 + Math.floor(rand() * 20);
    for (let r = 0; r < count; r++) {
      if (p >= 10 && (r === 5 || (r === 12 && p < 13))) rows.push('    <tr><td colspan="3">Habis dijual</td></tr>');
      const item = latin && r % 4 === 0 ? `Café ${ITEMS[r % ITEMS.length]}` : `${ITEMS[(r + p) % ITEMS.length]} ${r + 1}`;
      const price = `RM${(1 + rand() * 40).toFixed(2)}`;
      rows.push(`    <tr><td>${item}</td><td>${price}</td><td>${Math.floor(rand() * 90)}</td></tr>`);
    }
    const html =
      `<!DOCTYPE html>\n<html lang="ms">\n<head>\n<meta charset="${latin ? 'windows-1252' : 'utf-8'}">\n<title>Kedai ${p}</title>\n</head>\n<body>\n` +
      `<h1>Senarai harga kedai ${p}</h1>\n<table class="produk">\n    <tr><th>Nama</th><th>Harga</th><th>Stok</th></tr>\n${rows.join('\n')}\n</table>\n</body>\n</html>\n`;
    out[name] = latin ? Buffer.from(html, 'latin1') : html;
  }
  return out;
}

const SCRAPE =
  '"""scrape.py: reads the shop pages saved in a folder and prints one row per product."""\n' +
  'import sys\nfrom html.parser import HTMLParser\nfrom pathlib import Path\n\nfrom harga import parse_price\n\n\n' +
  'class TableParser(HTMLParser):\n    def __init__(self):\n        super().__init__()\n        self.rows = []\n        self._row = None\n        self._cell = None\n\n' +
  '    def handle_starttag(self, tag, attrs):\n        if tag == "tr":\n            self._row = []\n        elif tag == "td" and self._row is not None:\n            self._cell = ""\n\n' +
  '    def handle_data(self, data):\n        if self._cell is not None:\n            self._cell += data\n\n' +
  '    def handle_endtag(self, tag):\n        if tag == "td" and self._cell is not None:\n            self._row.append(self._cell.strip())\n            self._cell = None\n' +
  '        elif tag == "tr" and self._row is not None:\n            if self._row:\n                self.rows.append(self._row)\n            self._row = None\n\n\n' +
  'def read_page(path):\n    with open(path, encoding="utf-8") as f:\n        return f.read()\n\n\n' +
  'def parse_page(html):\n    parser = TableParser()\n    parser.feed(html)\n    products = []\n    for cells in parser.rows:\n' +
  '        products.append({"nama": cells[0], "harga": parse_price(cells[1]), "stok": int(cells[2])})\n    return products\n\n\n' +
  'def main(folder):\n    files = sorted(Path(folder).glob("*.html"))\n    rows = 0\n    for path in files:\n        for product in parse_page(read_page(path)):\n' +
  '            rows += 1\n    print(f"pages: {len(files)}, rows: {rows}")\n\n\nif __name__ == "__main__":\n    main(sys.argv[1] if len(sys.argv) > 1 else "pages")\n';

const HARGA =
  '# parse_price: Aminah\'s helper, shared with the invoicing script.\n\n\ndef parse_price(text):\n    """\'RM12.50\' -> 12.5"""\n    return float(text.strip()[2:])\n';

const TESTS =
  'import unittest\n\nfrom harga import parse_price\nfrom scrape import parse_page\n\n\n' +
  'class TestScrape(unittest.TestCase):\n' +
  '    def test_satu_baris(self):\n        html = "<table><tr><td>Teh Tarik</td><td>RM2.50</td><td>10</td></tr></table>"\n' +
  '        self.assertEqual(parse_page(html), [{"nama": "Teh Tarik", "harga": 2.5, "stok": 10}])\n\n' +
  '    def test_harga(self):\n        self.assertEqual(parse_price(" RM12.50 "), 12.5)\n\n' +
  '    def test_harga_ribuan(self):\n        self.assertEqual(parse_price("RM1,299.00"), 1299.0)\n\n\n' +
  'if __name__ == "__main__":\n    unittest.main()\n';

const READ_V1 = 'def read_page(path):\n    with open(path, encoding="utf-8") as f:\n        return f.read()\n';
const READ_IGNORE = 'def read_page(path):\n    with open(path, encoding="utf-8", errors=\'ignore\') as f:\n        return f.read()\n';
const READ_V2 =
  "import re\n\nCHARSET = re.compile(rb'<meta[^>]+charset=\"?([\\w-]+)', re.I)\n\n\n" +
  'def read_page(path):\n    raw = Path(path).read_bytes()\n    match = CHARSET.search(raw[:2048])\n' +
  '    return raw.decode(match.group(1).decode("ascii") if match else "utf-8")\n';
const LOOP_V1 =
  '    for cells in parser.rows:\n        products.append({"nama": cells[0], "harga": parse_price(cells[1]), "stok": int(cells[2])})\n    return products\n';
const LOOP_V2 =
  '    skipped = 0\n    for cells in parser.rows:\n        if len(cells) < 3:\n            skipped += 1\n            continue\n' +
  '        products.append({"nama": cells[0], "harga": parse_price(cells[1]), "stok": int(cells[2])})\n    return products, skipped\n';
const MAIN_V1 =
  '    rows = 0\n    for path in files:\n        for product in parse_page(read_page(path)):\n            rows += 1\n    print(f"pages: {len(files)}, rows: {rows}")\n';
const MAIN_V2 =
  '    rows = skipped = 0\n    for path in files:\n        products, dropped = parse_page(read_page(path))\n        rows += len(products)\n        skipped += dropped\n' +
  '    print(f"pages: {len(files)}, rows: {rows}, skipped: {skipped}")\n';

export const scenario = {
  name: 'python-scraper-malay',
  about:
    "held out: Malay user, no thinking text, stdlib html.parser scraper with unittest, a UnicodeDecodeError and an IndexError fixed, errors='ignore' reverted with git checkout --, a test left failing",
  requires: ['python3', 'git'],
  thinking: false,
  files: {
    'README.md':
      '# pengikis-harga\n\nReads the shop pages saved in pages/ and lists the products.\n\n    python3 scrape.py pages/\n    python3 -m unittest -v\n',
    'scrape.py': SCRAPE,
    'harga.py': HARGA,
    'test_scrape.py': TESTS,
    ...pages(),
  },
  build(k, { edit }) {
    const fixAll = k.request('betulkan supaya ia boleh proses semua halaman yang disimpan');
    const stdlib = k.constraint('stdlib sahaja, jangan pasang BeautifulSoup atau requests');
    k.error("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9", 'resolved');
    const ignore = k.rejected("errors='ignore'", "ia membuang huruf é secara senyap, jadi 'Café' menjadi 'Caf'");
    const charset = k.decision(
      'baca bait mentah dan nyahkod ikut charset dalam tag meta',
      'halaman kedai 9 disimpan dari laman lama yang masih guna windows-1252',
      'paksa latin-1 untuk semua fail',
    );
    k.error('IndexError: list index out of range', 'resolved');
    k.number('pages: 13');
    k.number('390');
    k.number('skipped: 7');
    k.error("ValueError: could not convert string to float: '1,299.00'", 'unresolved');
    const csvReq = k.request('tambah pilihan --csv supaya hasil ditulis ke fail CSV');
    const aminah = k.constraint('jangan usik parse_price, itu kod Aminah');
    const writer = k.decision(
      'tulis CSV dengan csv.writer',
      'ada nama produk yang mengandungi koma dan csv.writer meletakkan tanda petik dengan betul',
      'menyambung rentetan dengan koma sendiri',
    );
    k.number('391');
    k.file('scrape.py');
    k.file('test_scrape.py');
    const readme = k.request('kemas kini README dengan cara guna --csv');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('python3 -m unittest', 'failing');
    k.not('rejected', charset.choice, 'the approach that was kept is not a dead end');
    k.not('constraints', csvReq, 'a request is not a standing rule');
    k.not('decisions', ignore.what, 'tried and reverted: a rejected approach');
    k.not('errors', 'biarkan dulu', "the user's choice to leave the test, not a tool error");

    const first = `Hai. Skrip scrape.py saya gagal bila baca folder pages/. Tolong ${fixAll}. Satu syarat: ${stdlib}, mesin ni tak ada internet.`;
    const second = `Terima kasih! test_harga_ribuan tu biarkan dulu, ${aminah}, dia akan betulkan sendiri. Sekarang tolong ${csvReq}.`;
    const last = `Bagus. Akhir sekali, ${readme}.`;
    const tests = 'python3 -m unittest -v 2>&1 | tail -n 20';

    return [
      {
        user: first,
        model: [
          [empty(), say('Saya jalankan skrip itu dulu untuk lihat ralatnya.'), bash('python3 scrape.py pages/ 2>&1 | tail -n 6', 'Run the scraper')],
          [empty(), bash("grep -L 'charset=\"utf-8\"' pages/*.html | xargs grep -o 'charset=[^>]*'", 'Find pages not declared as UTF-8')],
          [empty(), say('Ada satu halaman bukan UTF-8. Cuba cara paling ringkas dulu: abaikan bait yang tak sah.'), edit('scrape.py', READ_V1, READ_IGNORE)],
          [
            empty(),
            bash(
              "python3 -c \"import scrape; print([l for l in scrape.read_page('pages/kedai-09.html').splitlines() if 'Caf' in l][:2])\"",
              'Look at the decoded page',
            ),
          ],
          [
            empty(),
            say(`Itu tak boleh dipakai: ${ignore.why}. Saya pulangkan fail itu.`),
            bash('git checkout -- scrape.py && git status --short', 'Revert scrape.py'),
          ],
          [
            empty(),
            say(
              `Keputusan: ${charset.choice}, bukan ${charset.alternative}, sebab ${charset.reason}; halaman lain memang UTF-8 dan akan rosak kalau dipaksa latin-1.`,
            ),
            edit('scrape.py', READ_V1, READ_V2),
          ],
          [empty(), bash('python3 scrape.py pages/ 2>&1 | tail -n 6', 'Run the scraper')],
          [
            empty(),
            say(
              'Sekarang baris "Habis dijual" yang hanya ada satu sel (colspan) pula. Saya langkau baris yang kurang dari tiga sel dan kira berapa yang dilangkau.',
            ),
            edit('scrape.py', LOOP_V1, LOOP_V2),
          ],
          [empty(), edit('scrape.py', MAIN_V1, MAIN_V2)],
          [
            empty(),
            edit(
              'test_scrape.py',
              '        self.assertEqual(parse_page(html), [{"nama": "Teh Tarik", "harga": 2.5, "stok": 10}])\n',
              '        self.assertEqual(parse_page(html), ([{"nama": "Teh Tarik", "harga": 2.5, "stok": 10}], 0))\n',
            ),
          ],
          [empty(), bash('python3 scrape.py pages/', 'Run the scraper')],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say(
              'Skrip sekarang memproses semua halaman, termasuk kedai 9 (windows-1252), dan baris "Habis dijual" dilangkau serta dikira. ' +
                'Satu tes masih gagal: test_harga_ribuan, sebab parse_price tidak faham koma pemisah ribuan. Nak saya betulkan parse_price?',
            ),
          ],
        ],
      },
      {
        user: second,
        model: [
          [
            empty(),
            say(`Baik, parse_price tidak saya sentuh. Untuk --csv saya pilih: ${writer.choice}, bukan ${writer.alternative}, kerana ${writer.reason}.`),
            edit('scrape.py', 'import sys\n', 'import argparse\nimport csv\nimport sys\n'),
          ],
          [
            empty(),
            edit(
              'scrape.py',
              MAIN_V2,
              '    rows = skipped = 0\n    out = None\n    if csv_path:\n        out = open(csv_path, "w", newline="", encoding="utf-8")\n' +
                '        writer = csv.writer(out)\n        writer.writerow(["halaman", "nama", "harga", "stok"])\n' +
                '    for path in files:\n        products, dropped = parse_page(read_page(path))\n        rows += len(products)\n        skipped += dropped\n' +
                '        if out:\n            for p in products:\n                writer.writerow([path.name, p["nama"], f\'{p["harga"]:.2f}\', p["stok"]])\n' +
                '    if out:\n        out.close()\n    print(f"pages: {len(files)}, rows: {rows}, skipped: {skipped}")\n',
            ),
          ],
          [empty(), edit('scrape.py', 'def main(folder):\n', 'def main(folder, csv_path=None):\n')],
          [
            empty(),
            edit(
              'scrape.py',
              '    main(sys.argv[1] if len(sys.argv) > 1 else "pages")\n',
              '    ap = argparse.ArgumentParser()\n    ap.add_argument("folder", nargs="?", default="pages")\n    ap.add_argument("--csv", metavar="FAIL")\n' +
                '    args = ap.parse_args()\n    main(args.folder, args.csv)\n',
            ),
          ],
          [
            empty(),
            edit(
              'test_scrape.py',
              '    def test_harga(self):\n',
              '    def test_baca_windows_1252(self):\n        from scrape import read_page\n        self.assertIn("Café", read_page("pages/kedai-09.html"))\n\n    def test_harga(self):\n',
            ),
          ],
          [empty(), bash('python3 scrape.py pages/ --csv hasil.csv && head -n 3 hasil.csv && wc -l hasil.csv', 'Write the CSV')],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say(
              '--csv sudah ada: satu baris untuk setiap produk, dengan nama halaman. Tes baharu untuk halaman windows-1252 lulus; test_harga_ribuan masih gagal seperti yang dijangka.',
            ),
          ],
        ],
      },
      {
        user: last,
        model: [
          [
            empty(),
            edit(
              'README.md',
              '    python3 -m unittest -v\n',
              '    python3 -m unittest -v\n\nTo write the products to a CSV file as well:\n\n    python3 scrape.py pages/ --csv hasil.csv\n',
            ),
          ],
          [empty(), say('README sudah dikemas kini dengan contoh --csv.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: "pengikis-harga: all saved pages parse, --csv added, one test still fails by the user's choice.",
          intent:
            'Make scrape.py process every saved page, add a --csv option, document it. Stdlib only; parse_price belongs to a colleague and is not to be changed.',
          concepts: ['html.parser', 'charset from the meta tag', 'unittest', 'csv.writer'],
          files: ['scrape.py: charset-aware read_page, skips short rows, --csv', 'test_scrape.py: windows-1252 test', 'README.md: --csv example'],
          errors: [
            'A page in another encoding failed to decode; fixed',
            'Sold-out rows with one cell crashed the parser; now skipped',
            'test_harga_ribuan still fails (parse_price, left alone)',
          ],
          solving: 'Ignoring undecodable bytes was tried and reverted.',
          messages: ['Fix the scraper; stdlib only', 'Leave test_harga_ribuan; add --csv', `"${last}"`],
          pending: ['test_harga_ribuan waits for the owner of parse_price'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
