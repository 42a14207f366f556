// A terse Uzbek user (Latin script: "tuzat", "yo'q", "ha", no greetings after the first) on a small JSON
// API written on Python's stdlib `http.server` (ThreadingHTTPServer over a JSON file of books), tested
// with `python3 -m unittest`. The model writes no thinking text (`thinking: false`): its choices and
// reasons sit in its short Uzbek replies. A POST with broken JSON kills the request in the handler
// (`json.decoder.JSONDecodeError`, the client sees RemoteDisconnected) and is fixed to answer 400; the
// agent starts the server in the background (Bash `run_in_background`), polls its log with tail, checks
// it with curl and stops it through its pid file; a second start while the first still runs dies with
// `OSError: [Errno 98] Address already in use`, `allow_reuse_address` is tried and taken out, a
// `fuser -k` is refused, and the old server is killed by pid. A load script prints "so'rovlar: N,
// o'rtacha: X ms" before and after caching the books (tee'd to olchov/ and read back at scoring, since
// timings vary). A DELETE test written ahead of the feature stays failing (a colleague's job). The
// user's rules in Uzbek: don't touch the database file, don't change the port. One mid-session /compact.
// Written as a held-out scenario: not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');
const background = (command, description) => ({ type: 'tool_use', name: 'Bash', input: { command, description, run_in_background: true } });

// 1216 books, deterministic: the "prod copy" the user does not want touched.
const AUTHORS = [
  'Abdulla Qodiriy',
  "Cho'lpon",
  'Abdulla Qahhor',
  "O'tkir Hoshimov",
  'Erkin Vohidov',
  'Said Ahmad',
  'Tohir Malik',
  "Xudoyberdi To'xtaboyev",
  'Zulfiya',
  "G'afur G'ulom",
  'Hamid Olimjon',
  'Pirimqul Qodirov',
  'Oybek',
  'Asqad Muxtor',
  'Shukur Xolmirzayev',
  'Nazar Eshonqul',
  'Zebo Qodirova',
];
const WORDS = [
  'kecha',
  'kunduz',
  'sarob',
  'yulduzli',
  'tunlar',
  'dunyoning',
  'ishlari',
  'ufq',
  'bahor',
  'qalb',
  "ko'zgusi",
  "o'tgan",
  'kunlar',
  'mehrobdan',
  'chayon',
  'ikki',
  'eshik',
  'orasi',
  'shaytanat',
  'sariq',
  'devni',
  'minib',
  'navoiy',
  'qutlug',
  'qon',
  'tog',
  'lolasi',
  'oq',
  'kema',
];
function books() {
  let seed = 20240611;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const out = [];
  for (let id = 1; id <= 1216; id++) {
    const words = 1 + (next() % 3);
    const title = Array.from({ length: words }, () => WORDS[next() % WORDS.length]).join(' ');
    out.push({ id, nomi: title[0].toUpperCase() + title.slice(1), muallif: AUTHORS[next() % AUTHORS.length], yil: 1920 + (next() % 100) });
  }
  return '[\n' + out.map((b) => '  ' + JSON.stringify(b)).join(',\n') + '\n]\n';
}

const SERVER = String.raw`#!/usr/bin/env python3
"""Kutubxona API: kitoblar JSON ko'rinishida. Faqat stdlib (http.server)."""
import argparse
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

BAZA = os.environ.get("KUTUBXONA_BAZA", "data/kitoblar.json")


def kitoblarni_oqi(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Handler(BaseHTTPRequestHandler):
    server_version = "kutubxona/0.3"
    baza = BAZA
    yangi = []  # POST bilan qo'shilganlar, faqat xotirada

    def log_message(self, fmt, *args):
        pass  # har so'rovni logga yozmaymiz

    def _javob(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _hammasi(self):
        return kitoblarni_oqi(self.baza) + self.yangi

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/health":
            return self._javob(200, {"ok": True})
        if url.path == "/kitoblar":
            return self._javob(200, self._hammasi())
        if url.path.startswith("/kitoblar/"):
            kid = url.path.rsplit("/", 1)[1]
            for kitob in self._hammasi():
                if str(kitob["id"]) == kid:
                    return self._javob(200, kitob)
            return self._javob(404, {"xato": "kitob topilmadi"})
        self._javob(404, {"xato": "bunday yo'l yo'q"})

    def do_POST(self):
        if self.path != "/kitoblar":
            return self._javob(404, {"xato": "bunday yo'l yo'q"})
        uzunlik = int(self.headers.get("Content-Length", 0))
        kitob = json.loads(self.rfile.read(uzunlik))
        if not kitob.get("nomi"):
            return self._javob(400, {"xato": "nomi kerak"})
        kitob["id"] = max(k["id"] for k in self._hammasi()) + 1
        self.yangi.append(kitob)
        self._javob(201, kitob)


def server_yarat(port, baza=BAZA, host="127.0.0.1"):
    handler = type("KutubxonaHandler", (Handler,), {"baza": baza, "yangi": []})
    return ThreadingHTTPServer((host, port), handler)


def main():
    p = argparse.ArgumentParser(description="Kutubxona API")
    p.add_argument("--port", type=int, default=8765)
    args = p.parse_args()
    srv = server_yarat(args.port)
    with open("server.pid", "w") as f:
        f.write(str(os.getpid()))
    print(f"tinglayapman: http://127.0.0.1:{args.port} (pid {os.getpid()})", flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
`;

const LOAD = String.raw`#!/usr/bin/env python3
"""Oddiy yuklama: GET /kitoblar/<id> (va har 25-so'rovda butun ro'yxat), bir nechta oqimda."""
import argparse
import random
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def bir_sorov(url):
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            r.read()
        ok = True
    except (urllib.error.URLError, OSError):
        ok = False
    return (time.perf_counter() - t0) * 1000, ok


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://127.0.0.1:8765")
    p.add_argument("-n", type=int, default=750, help="so'rovlar soni")
    p.add_argument("-c", type=int, default=8, help="oqimlar soni")
    a = p.parse_args()
    rnd = random.Random(7)
    urls = [f"{a.url}/kitoblar" if i % 25 == 0 else f"{a.url}/kitoblar/{rnd.randint(1, 1200)}" for i in range(a.n)]
    with ThreadPoolExecutor(a.c) as pool:
        natija = list(pool.map(bir_sorov, urls))
    vaqtlar = [ms for ms, _ in natija]
    xatolar = sum(1 for _, ok in natija if not ok)
    print(f"so'rovlar: {len(natija)}, o'rtacha: {sum(vaqtlar) / len(vaqtlar):.2f} ms")
    print(f"eng sekini: {max(vaqtlar):.2f} ms, xatolar: {xatolar}")


if __name__ == "__main__":
    main()
`;

const TEST_BOOKS =
  '[\n  {"id": 1, "nomi": "O\'tgan kunlar", "muallif": "Abdulla Qodiriy", "yil": 1926},\n' +
  '  {"id": 2, "nomi": "Kecha va kunduz", "muallif": "Cho\'lpon", "yil": 1936},\n' +
  '  {"id": 3, "nomi": "Mehrobdan chayon", "muallif": "Abdulla Qodiriy", "yil": 1929},\n' +
  '  {"id": 4, "nomi": "Sarob", "muallif": "Abdulla Qahhor", "yil": 1937}\n]\n';

const TESTS = String.raw`import json
import threading
import unittest
import urllib.error
import urllib.request

from server import server_yarat


def _tana(raw):
    try:
        return json.loads(raw or b"null")
    except ValueError:
        return raw.decode("utf-8", "replace")


class KitobApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = server_yarat(0, baza="tests/kitoblar_test.json")
        cls.port = cls.srv.server_address[1]
        threading.Thread(target=cls.srv.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.srv.shutdown()
        cls.srv.server_close()

    def sorov(self, method, path, body=None):
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method)
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                return r.status, _tana(r.read())
        except urllib.error.HTTPError as e:
            return e.code, _tana(e.read())

    def test_health(self):
        self.assertEqual(self.sorov("GET", "/health"), (200, {"ok": True}))

    def test_royxat(self):
        status, body = self.sorov("GET", "/kitoblar")
        self.assertEqual(status, 200)
        self.assertGreaterEqual(len(body), 4)

    def test_bitta_kitob(self):
        status, body = self.sorov("GET", "/kitoblar/2")
        self.assertEqual(status, 200)
        self.assertEqual(body["nomi"], "Kecha va kunduz")

    def test_yoq_kitob_404(self):
        self.assertEqual(self.sorov("GET", "/kitoblar/999")[0], 404)

    def test_post_yangi_kitob(self):
        status, body = self.sorov("POST", "/kitoblar", {"nomi": "Ufq", "muallif": "Said Ahmad"})
        self.assertEqual(status, 201)
        self.assertIn("id", body)

    def test_post_buzuq_json(self):
        status, body = self.sorov("POST", "/kitoblar", b'{"nomi": "Ufq", ')
        self.assertEqual(status, 400)
        self.assertIn("xato", body)

    def test_delete_kitob(self):
        # DELETE /kitoblar/<id> hali yozilmagan (Aziz qiladi)
        status, _ = self.sorov("DELETE", "/kitoblar/2")
        self.assertEqual(status, 204)


if __name__ == "__main__":
    unittest.main()
`;

const README =
  "# kutubxona-api\n\nKitoblar ro'yxati uchun kichik JSON API (faqat Python stdlib).\n\n" +
  '    python3 server.py --port 8765     # nginx shu portga proxy qiladi\n    python3 -m unittest               # testlar\n\n' +
  '`data/kitoblar.json` prod bazasidan olingan nusxa.\n';

/** A figure of a load run the session tee'd to olchov/: the mean or the slowest request, in ms. */
function loadFigure(project, file, which) {
  const path = join(project, file);
  if (!existsSync(path)) return `${file}: ${which} (not generated yet)`;
  const text = readFileSync(path, 'utf8');
  const match = which === 'mean' ? /o'rtacha: ([\d.]+) ms/.exec(text) : /eng sekini: ([\d.]+) ms/.exec(text);
  return match ? match[1] : `${file}: no ${which}`;
}

export const scenario = {
  name: 'python-http-uzbek-terse',
  about:
    "held out: terse Uzbek user (Latin script), Python stdlib http.server JSON API tested with python3 -m unittest, no thinking text; JSONDecodeError in do_POST fixed to 400; the server started in the background and polled through its log, stopped by pid; Errno 98 on a second start, allow_reuse_address tried and taken out, fuser -k refused; a load script's so'rovlar/o'rtacha before and after caching (tee'd, read back); a DELETE test left failing; rules: don't touch the database, don't change the port; one mid /compact",
  requires: ['python3', 'curl', 'git', 'tee'],
  thinking: false,
  files: {
    '.gitignore': '__pycache__/\nserver.pid\nserver.log\nolchov/\n',
    'README.md': README,
    'server.py': SERVER,
    'load.py': LOAD,
    'data/kitoblar.json': books(),
    'tests/__init__.py': '',
    'tests/kitoblar_test.json': TEST_BOOKS,
    'tests/test_server.py': TESTS,
  },
  build(k, { project, edit }) {
    const fixPost = k.request("buzuq json kelsa server javob bermay uzib qo'yadi. tuzat, 400 qaytarsin");
    const db = k.constraint("ma'lumotlar bazasiga tegma");
    k.error('json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes', 'resolved');
    k.error('http.client.RemoteDisconnected: Remote end closed connection without response');
    k.error('AssertionError: 501 != 204', 'unresolved');
    const only400 = k.decision(
      'faqat JSONDecodeError ni ushlab 400 qaytarish',
      "boshqa xatolar yashirinmasin, ular 400 bo'lib ketmasin",
      "do_POST ni butunlay try/except Exception ga o'rash",
    );
    k.file('server.py');
    const manual = k.request("serverni ko'tar, curl bilan qo'lda tekshir");
    k.number('1216');
    const load = k.request("load.py bilan o'lcha");
    const speed = k.request("sekin bo'lsa tezlashtir");
    const port = k.constraint("portni o'zgartirma, nginx 8765 ga qaraydi");
    k.number('750');
    k.number(loadFigure(project, 'olchov/oldin.txt', 'mean'));
    k.number(loadFigure(project, 'olchov/oldin.txt', 'max'));
    k.number(loadFigure(project, 'olchov/keyin.txt', 'mean'));
    const cache = k.decision(
      "kitoblarni server ishga tushganda bir marta o'qib xotirada saqlash",
      'fayl faqat deployda almashadi, deploy esa serverni baribir qayta ishga tushiradi',
      "har so'rovda faylning mtime ini tekshirib qayta o'qish",
    );
    k.error('OSError: [Errno 98] Address already in use', 'resolved');
    const reuse = k.rejected('ThreadingHTTPServer.allow_reuse_address = True', 'portni TIME_WAIT emas, hali ishlab turgan eski server ushlab turibdi');
    const refusal = k.refusal("fuser -k qilma. bu mashinada 8765 da boshqa narsa ham turishi mumkin, server.pid dan o'ldir");
    const filter = k.request("?muallif= filtri qo'sh, katta-kichik harf farqi bo'lmasin");
    const exact = k.decision(
      "to'liq moslik qilaman, casefold() bilan",
      'qisman moslikda "Qodir" Abdulla Qodiriy ni ham, Zebo Qodirova ni ham qaytaradi',
      '?muallif=qodir kabi qisman moslik',
    );
    k.file('tests/test_server.py');
    const readme = k.request("README ga load.py va filtrni yozib qo'y");
    k.file('README.md');
    k.lastRequest(readme);
    k.check('python3 -m unittest', 'failing');
    k.not('decisions', reuse.what, 'tried and taken out again: a rejected approach, not a decision');
    k.not('rejected', cache.choice, 'the change that was kept is not a dead end');
    k.not('constraints', filter, 'a request is not a standing rule');
    k.not('errors', "server.pid dan o'ldir", "a user's refusal is not a tool error");
    k.not('numbers', '8765', 'a port the user named, not a measurement');

    const start = background('python3 server.py > server.log 2>&1', 'Serverni fonda ishga tushirish');
    const stop = 'kill "$(cat server.pid)"; sleep 1; tail -n 3 server.log';
    const fuser = 'fuser -k 8765/tcp';
    const decodeFix =
      '        try:\n            kitob = json.loads(self.rfile.read(uzunlik))\n        except json.JSONDecodeError as e:\n' +
      '            return self._javob(400, {"xato": f"buzuq JSON: {e.msg}"})\n';
    const handlerOld = '    handler = type("KutubxonaHandler", (Handler,), {"baza": baza, "yangi": []})\n';
    const handlerNew = '    handler = type("KutubxonaHandler", (Handler,), {"baza": baza, "kitoblar": kitoblarni_oqi(baza), "yangi": []})\n';
    const reuseLine = `    ${reuse.what}\n`;
    const listOld = '        if url.path == "/kitoblar":\n            return self._javob(200, self._hammasi())\n';
    const listNew =
      '        if url.path == "/kitoblar":\n            kitoblar = self._hammasi()\n' +
      '            muallif = parse_qs(url.query).get("muallif", [""])[0].strip()\n            if muallif:\n' +
      '                kitoblar = [k for k in kitoblar if k.get("muallif", "").casefold() == muallif.casefold()]\n' +
      '            return self._javob(200, kitoblar)\n';
    const filterTest =
      '    def test_muallif_filtri(self):\n        status, body = self.sorov("GET", "/kitoblar?muallif=abdulla%20QODIRIY")\n' +
      '        self.assertEqual(status, 200)\n        self.assertEqual(sorted(k["id"] for k in body), [1, 3])\n\n' +
      '    def test_delete_kitob(self):\n';

    return [
      {
        user: `POST /kitoblar ga ${fixPost}. testlar python3 -m unittest. ${db}, data/kitoblar.json prod nusxasi`,
        model: [
          [empty(), bash('python3 -m unittest 2>&1 | tail -n 30', 'Testlarni ishga tushirish')],
          [empty(), bash('python3 -m unittest tests.test_server.KitobApiTest.test_post_buzuq_json 2>&1 | head -n 28', 'Faqat buzuq JSON testi')],
          [
            empty(),
            say(
              'do_POST da json.loads xatosi ushlanmagan: handler exception bilan chiqib ketadi, socketserver ulanishni yopadi, klient javob olmaydi.\n\n' +
                `Ikki yo'l bor: ${only400.alternative} yoki ${only400.choice}. Ikkinchisini qilaman — ${only400.reason}.`,
            ),
            edit('server.py', '        kitob = json.loads(self.rfile.read(uzunlik))\n', decodeFix),
          ],
          [empty(), bash('python3 -m unittest 2>&1 | tail -n 12', 'Testlar')],
          [
            empty(),
            say(
              'Tuzatildi: buzuq JSON endi `400 {"xato": "buzuq JSON: ..."}` qaytaradi, `test_post_buzuq_json` o\'tdi.\n\n' +
                "`test_delete_kitob` yiqilyapti: serverda `do_DELETE` umuman yo'q, http.server 501 qaytaradi. DELETE ni yozaymi?",
            ),
          ],
        ],
      },
      {
        user: `yo'q. DELETE ni Aziz qiladi. ${manual}`,
        model: [
          [empty(), say("Xo'p, DELETE ga tegmayman."), start],
          [empty(), bash('sleep 1; tail -n 5 server.log', 'Server logini tekshirish')],
          [
            empty(),
            bash(
              `curl -s -i -X POST localhost:8765/kitoblar -d '{"nomi": "Sarob"' | head -n 1; curl -s localhost:8765/kitoblar | python3 -c 'import json,sys; print("jami kitob:", len(json.load(sys.stdin)))'`,
              "Buzuq JSON va ro'yxat",
            ),
          ],
          [
            empty(),
            bash(
              `curl -s -X POST localhost:8765/kitoblar -d '{"nomi": "Ufq", "muallif": "Said Ahmad"}'; echo; curl -s -o /dev/null -w '%{http_code}\\n' localhost:8765/kitoblar/5000`,
              "Yangi kitob va yo'q id",
            ),
          ],
          [empty(), bash(stop, "Serverni to'xtatish")],
          [empty(), say("Qo'lda ham to'g'ri: buzuq JSON → 400, yangi kitob → 201, yo'q id → 404. Server to'xtatildi.")],
        ],
      },
      {
        user: `${load}. ${speed}. ${port}`,
        model: [
          [empty(), start],
          [empty(), bash('sleep 1; tail -n 2 server.log', 'Server logi')],
          [empty(), bash('mkdir -p olchov && python3 load.py 2>&1 | tee olchov/oldin.txt', "Yuklama: o'zgarishdan oldin")],
          [
            empty(),
            say(
              "Sekin joyi: `_hammasi()` har so'rovda data/kitoblar.json ni diskdan o'qib json.load qiladi — bitta kitob uchun ham butun faylni.\n\n" +
                `Yo ${cache.alternative}, yo ${cache.choice}. Ikkinchisi: ${cache.reason}. Faylning o'ziga tegmayman.`,
            ),
            edit('server.py', '        return kitoblarni_oqi(self.baza) + self.yangi\n', '        return self.kitoblar + self.yangi\n'),
          ],
          [empty(), edit('server.py', handlerOld, handlerNew)],
          [empty(), bash('python3 -m unittest 2>&1 | tail -n 4', 'Testlar')],
          [empty(), start],
          [empty(), bash('sleep 1; tail -n 4 server.log', 'Server logi')],
          [
            empty(),
            say("Port band. TIME_WAIT bo'lishi mumkin — allow_reuse_address ni yoqib ko'raman."),
            edit('server.py', handlerNew, reuseLine + handlerNew),
          ],
          [empty(), start],
          [empty(), bash('sleep 1; tail -n 2 server.log', 'Server logi')],
          [
            empty(),
            say(`Yordam bermadi: HTTPServer da allow_reuse_address allaqachon yoqilgan, ${reuse.why}. O'zgarishni qaytaraman.`),
            edit('server.py', reuseLine + handlerNew, handlerNew),
          ],
          [empty(), bash('ss -ltnp | grep 8765', 'Portni kim ushlab turibdi')],
          [empty(), bash(fuser, "Portni bo'shatish")],
          [empty(), bash(`kill "$(cat server.pid)"; sleep 1; ss -ltn | grep 8765 || echo "8765 bo'sh"`, "Eski serverni pid bo'yicha to'xtatish")],
          [empty(), start],
          [empty(), bash('sleep 1; tail -n 2 server.log', 'Server logi')],
          [empty(), bash('python3 load.py 2>&1 | tee olchov/keyin.txt', 'Yuklama: keyin')],
          [empty(), bash('kill "$(cat server.pid)"; sleep 1; git status --short', "Serverni to'xtatish")],
          [
            empty(),
            say(
              "Keshdan keyin o'rtacha vaqt ancha tushdi: raqamlar yuqorida, olchov/oldin.txt va olchov/keyin.txt da ham bor.\n\n" +
                "Errno 98 ning sababi: birinchi server hali ishlab turgan edi. server.pid bo'yicha to'xtatdim, port o'sha-o'sha. data/kitoblar.json ga tegilmadi.",
            ),
          ],
        ],
        refuse: { [fuser]: refusal },
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'The user (terse, Uzbek) maintains a small stdlib http.server JSON API for books. Broken JSON in POST was fixed, the server was checked by hand and load-tested, and the book list is now cached at startup.',
          intent:
            'Fix POST /kitoblar so broken JSON returns 400; check the server by hand; measure it with load.py and speed it up. Do not touch the database file; do not change the port.',
          concepts: ['http.server ThreadingHTTPServer', 'python3 -m unittest', 'background server with a pid file', 'load.py mean latency'],
          files: ['server.py: JSONDecodeError handled with a 400; books read once at startup'],
          errors: [
            'POST with broken JSON closed the connection without a response; fixed',
            'A second server start failed because the first one still held the port; the old server was stopped by its pid',
          ],
          solving: 'Caching the book list at startup made the load test much faster. A DELETE test is still failing; a colleague (Aziz) will implement DELETE.',
          messages: [
            'Fix POST with broken JSON, return 400; tests are python3 -m unittest; do not touch the database',
            'No, Aziz does DELETE; start the server and check it with curl',
            'Measure with load.py, speed it up if slow, do not change the port',
          ],
          pending: ['test_delete_kitob still fails (DELETE not implemented, left for Aziz)'],
          current: 'Load test rerun after caching; server stopped.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `yaxshi. ${filter}. test ham yoz`,
        model: [
          [
            empty(),
            say(`Ikki variant: ${exact.alternative} yoki ${exact.choice}. To'liq moslik — ${exact.reason}.`),
            edit('server.py', 'from urllib.parse import urlsplit\n', 'from urllib.parse import parse_qs, urlsplit\n'),
          ],
          [empty(), edit('server.py', listOld, listNew)],
          [empty(), edit('tests/test_server.py', '    def test_delete_kitob(self):\n', filterTest)],
          [empty(), bash('python3 -m unittest -v 2>&1 | tail -n 20', 'Testlar')],
          [
            empty(),
            say(
              "Filtr tayyor: `GET /kitoblar?muallif=...`, katta-kichik harf farq qilmaydi, `test_muallif_filtri` o'tdi. " +
                '`test_delete_kitob` hali FAIL (501) — Aziz uchun qoldirdim. README ga ham yozaymi?',
            ),
          ],
        ],
      },
      {
        user: `ha, ${readme}`,
        model: [
          [
            empty(),
            edit(
              'README.md',
              '    python3 -m unittest               # testlar\n',
              '    python3 -m unittest               # testlar\n    python3 load.py                   # yuklama: server 8765 da ishlab turishi kerak\n\n' +
                "Filtr: `GET /kitoblar?muallif=Abdulla%20Qodiriy` (to'liq moslik, katta-kichik harf farq qilmaydi).\n",
            ),
          ],
          [empty(), say('README yangilandi: load.py qanday ishlatiladi va ?muallif= filtri.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Continuation: a ?muallif= filter (exact, case-insensitive) was added with a test, and the README documents load.py and the filter.',
          intent:
            'Small stdlib JSON API for books: broken JSON → 400, load test and caching, author filter, README. Do not touch the database file; keep port 8765.',
          concepts: ['parse_qs', 'casefold', 'python3 -m unittest -v'],
          files: ['server.py: author filter', 'tests/test_server.py: test_muallif_filtri', 'README.md: load.py and the filter'],
          errors: ['test_delete_kitob still fails: DELETE is not implemented (left for Aziz)'],
          solving: 'Exact author match chosen so that a short name does not match several authors.',
          messages: [
            'Earlier messages are in the previous summary',
            'Add a ?muallif= filter, case-insensitive, with a test',
            'Document load.py and the filter in the README',
          ],
          pending: ['DELETE /kitoblar/<id> (Aziz)'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
