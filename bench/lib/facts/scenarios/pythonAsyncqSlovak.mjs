// A Slovak user, polite and long-winded (formal "vy", long paragraphs, thanks at every turn), and
// frontik: a small job queue on sqlite3 drained by asyncio workers (a colleague's rewrite of an old
// thread pool), tested with `python3 -m pytest -x -q` through tail. The model thinks in English and
// answers in Slovak. An off-by-one in the retry limit is fixed first; then the sqlite3 "same thread"
// error from asyncio.to_thread, where the model weighs three options in a numbered list and picks
// "(2) because …". The user's own `time` output from the server (a file in perf/) gives real/user/sys;
// a sleep after every job is removed, PRAGMA synchronous=OFF is timed and taken back. The agent's own
// timing run leaves ./frontik.db behind, so a CLI test fails once and passes on a plain re-run. An
// `rm -rf` that would have taken the production copy with it is refused. One /compact, at the end.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const QUEUE =
  '"""The queue itself: one row per job in the jobs table (read by the PHP admin too)."""\nimport sqlite3\nimport time\n\nSCHEMA = """\nCREATE TABLE IF NOT EXISTS jobs (\n    id INTEGER PRIMARY KEY,\n    kind TEXT NOT NULL,\n    payload TEXT NOT NULL,\n    status TEXT NOT NULL DEFAULT \'queued\',\n    attempts INTEGER NOT NULL DEFAULT 0,\n    run_after REAL NOT NULL DEFAULT 0,\n    error TEXT\n);\n"""\n\nMAX_ATTEMPTS = 3\nBACKOFF = 0.01  # seconds, doubled per attempt\n\n\nclass Queue:\n    def __init__(self, path):\n        self.db = sqlite3.connect(path)\n        self.db.executescript(SCHEMA)\n\n    def enqueue(self, kind, payload):\n        with self.db:\n            cur = self.db.execute("INSERT INTO jobs (kind, payload) VALUES (?, ?)", (kind, payload))\n        return cur.lastrowid\n\n    def claim(self, now=None):\n        now = time.time() if now is None else now\n        with self.db:\n            row = self.db.execute(\n                "SELECT id, kind, payload, attempts FROM jobs WHERE status = \'queued\' AND run_after <= ? ORDER BY id LIMIT 1",\n                (now,),\n            ).fetchone()\n            if row is None:\n                return None\n            self.db.execute("UPDATE jobs SET status = \'running\', attempts = attempts + 1 WHERE id = ?", (row[0],))\n        return {"id": row[0], "kind": row[1], "payload": row[2], "attempts": row[3] + 1}\n\n    def complete(self, job_id):\n        with self.db:\n            self.db.execute("UPDATE jobs SET status = \'done\', error = NULL WHERE id = ?", (job_id,))\n\n    def fail(self, job_id, attempts, error, now=None):\n        now = time.time() if now is None else now\n        status = "dead" if attempts > MAX_ATTEMPTS else "queued"\n        with self.db:\n            self.db.execute(\n                "UPDATE jobs SET status = ?, run_after = ?, error = ? WHERE id = ?",\n                (status, now + BACKOFF * 2 ** attempts, error, job_id),\n            )\n\n    def counts(self):\n        found = dict(self.db.execute("SELECT status, COUNT(*) FROM jobs GROUP BY status").fetchall())\n        return {s: found.get(s, 0) for s in ("queued", "running", "done", "dead")}\n\n    def close(self):\n        self.db.close()\n';

const WORKER =
  '"""asyncio workers (Marek\'s rewrite of the old thread pool)."""\nimport asyncio\n\nPOLL = 0.05  # seconds between polls\n\n\nclass BrokenImage(Exception):\n    pass\n\n\nasync def run_job(job):\n    # Stand-in for the real resize: every 37th product photo in the demo set is broken.\n    await asyncio.sleep(0)\n    if job["kind"] == "resize" and int(job["payload"]) % 37 == 0:\n        raise BrokenImage(f"product {job[\'payload\']}: cannot identify image file")\n\n\nasync def worker(queue, stats):\n    while True:\n        job = await asyncio.to_thread(queue.claim)\n        if job is None:\n            counts = await asyncio.to_thread(queue.counts)\n            if counts["queued"] == 0 and counts["running"] == 0:\n                return\n        else:\n            try:\n                await run_job(job)\n            except Exception as exc:\n                await asyncio.to_thread(queue.fail, job["id"], job["attempts"], repr(exc))\n                stats["failed"] += 1\n            else:\n                await asyncio.to_thread(queue.complete, job["id"])\n                stats["done"] += 1\n        await asyncio.sleep(POLL)\n\n\nasync def drain(queue, workers=4):\n    stats = {"done": 0, "failed": 0}\n    await asyncio.gather(*(worker(queue, stats) for _ in range(workers)))\n    return stats\n';

const MAIN =
  '"""python3 -m frontik status|drain [--db PATH] [--jobs N] [--workers W]"""\nimport argparse\nimport asyncio\nimport sys\n\nfrom .queue import Queue\nfrom .worker import drain\n\n\ndef main(argv=None):\n    p = argparse.ArgumentParser(prog="frontik")\n    p.add_argument("command", choices=["status", "drain"])\n    p.add_argument("--db", default="frontik.db")\n    p.add_argument("--jobs", type=int, default=0, help="drain: enqueue N demo resize jobs first")\n    p.add_argument("--workers", type=int, default=4)\n    a = p.parse_args(argv)\n    q = Queue(a.db)\n    if a.command == "drain":\n        for n in range(1, a.jobs + 1):\n            q.enqueue("resize", str(n))\n        stats = asyncio.run(drain(q, a.workers))\n        c = q.counts()\n        print(f"drained with {a.workers} workers: done {c[\'done\']}, dead {c[\'dead\']}, failed attempts {stats[\'failed\']}")\n    else:\n        c = q.counts()\n        print(", ".join(f"{k}: {v}" for k, v in c.items()))\n    q.close()\n    return 0\n\n\nif __name__ == "__main__":\n    sys.exit(main())\n';

const TEST_CLI =
  'import os\n\nfrom frontik.__main__ import main\n\n\ndef test_status_on_fresh_db(capsys):\n    # uses the default ./frontik.db on purpose: that is what the cron job does\n    try:\n        main(["status"])\n        assert capsys.readouterr().out == "queued: 0, running: 0, done: 0, dead: 0\\n"\n    finally:\n        os.remove("frontik.db")\n';

const TEST_QUEUE =
  'import pytest\n\nfrom frontik.queue import MAX_ATTEMPTS, Queue\n\n\n@pytest.fixture\ndef q(tmp_path):\n    queue = Queue(str(tmp_path / "q.db"))\n    yield queue\n    queue.close()\n\n\ndef test_enqueue_and_claim_in_order(q):\n    a = q.enqueue("resize", "1")\n    b = q.enqueue("resize", "2")\n    assert q.claim()["id"] == a\n    assert q.claim()["id"] == b\n    assert q.claim() is None\n\n\ndef test_claim_counts_attempts(q):\n    q.enqueue("resize", "1")\n    assert q.claim()["attempts"] == 1\n\n\ndef test_failed_job_waits_for_backoff(q):\n    job_id = q.enqueue("resize", "1")\n    job = q.claim(now=100.0)\n    q.fail(job_id, job["attempts"], "boom", now=100.0)\n    assert q.claim(now=100.0) is None\n    assert q.claim(now=101.0)["attempts"] == 2\n\n\ndef test_gives_up_after_max_attempts(q):\n    job_id = q.enqueue("resize", "1")\n    for attempt in range(1, MAX_ATTEMPTS + 1):\n        job = q.claim(now=attempt * 100.0)\n        assert job["attempts"] == attempt\n        q.fail(job_id, job["attempts"], "boom", now=attempt * 100.0)\n    assert q.counts()["dead"] == 1\n\n\ndef test_counts(q):\n    q.enqueue("resize", "1")\n    q.enqueue("resize", "2")\n    q.complete(q.claim()["id"])\n    assert q.counts() == {"queued": 1, "running": 0, "done": 1, "dead": 0}\n';

const TEST_WORKER =
  'import asyncio\n\nfrom frontik.queue import Queue\nfrom frontik.worker import drain\n\n\ndef test_drain_runs_every_job(tmp_path):\n    q = Queue(str(tmp_path / "w.db"))\n    for n in range(1, 21):\n        q.enqueue("resize", str(n))\n    stats = asyncio.run(drain(q, workers=3))\n    assert stats == {"done": 20, "failed": 0}\n    assert q.counts() == {"queued": 0, "running": 0, "done": 20, "dead": 0}\n    q.close()\n\n\ndef test_broken_image_ends_dead(tmp_path):\n    q = Queue(str(tmp_path / "w.db"))\n    q.enqueue("resize", "37")\n    q.enqueue("resize", "38")\n    stats = asyncio.run(drain(q, workers=2))\n    assert stats == {"done": 1, "failed": 3}\n    assert q.counts()["dead"] == 1\n    q.close()\n';

const INIT = '"""frontik: a small sqlite3 job queue drained by asyncio workers."""\n';

const README =
  '# frontik\n\nFronta úloh pre e-shop (zmenšovanie fotiek produktov): tabuľka `jobs` v sqlite3, asyncio workery.\n\n' +
  '    python3 -m frontik status\n    python3 -m frontik drain --workers 4\n\nTesty: `python3 -m pytest -x -q`\n\n' +
  'Tabuľku `jobs` číta aj PHP administrácia (admin/jobs.php na serveri), preto sa jej schéma nemení.\n';

const PERF =
  '# meranie na produkčnom serveri (Debian 11, Python 3.9.2), 14. 5. 2026, ranná dávka z e-shopu\n' +
  '$ time python3 -m frontik drain --db /srv/frontik/frontik.db --workers 4\n' +
  'drained with 4 workers: done 11873, dead 127, failed attempts 381\n\n' +
  'real\t3m41.552s\nuser\t0m38.914s\nsys\t0m12.307s\n';

const FAIL_OLD = '        status = "dead" if attempts > MAX_ATTEMPTS else "queued"\n';
const FAIL_NEW = '        status = "dead" if attempts >= MAX_ATTEMPTS else "queued"\n';
const CONNECT_OLD = '        self.db = sqlite3.connect(path)\n';
const CONNECT_NEW =
  '        # One connection shared by the asyncio workers; worker.py serialises every call on it.\n' +
  '        self.db = sqlite3.connect(path, check_same_thread=False)\n';
const SYNC_OFF = CONNECT_NEW + '        self.db.execute("PRAGMA synchronous=OFF")\n';

const WORKER_OLD = `async def worker(queue, stats):
    while True:
        job = await asyncio.to_thread(queue.claim)
        if job is None:
            counts = await asyncio.to_thread(queue.counts)
            if counts["queued"] == 0 and counts["running"] == 0:
                return
        else:
            try:
                await run_job(job)
            except Exception as exc:
                await asyncio.to_thread(queue.fail, job["id"], job["attempts"], repr(exc))
                stats["failed"] += 1
            else:
                await asyncio.to_thread(queue.complete, job["id"])
                stats["done"] += 1
        await asyncio.sleep(POLL)


async def drain(queue, workers=4):
    stats = {"done": 0, "failed": 0}
    await asyncio.gather(*(worker(queue, stats) for _ in range(workers)))
`;
const WORKER_NEW = `async def worker(queue, lock, stats):
    async def call(fn, *args):
        async with lock:
            return await asyncio.to_thread(fn, *args)

    while True:
        job = await call(queue.claim)
        if job is None:
            counts = await call(queue.counts)
            if counts["queued"] == 0 and counts["running"] == 0:
                return
        else:
            try:
                await run_job(job)
            except Exception as exc:
                await call(queue.fail, job["id"], job["attempts"], repr(exc))
                stats["failed"] += 1
            else:
                await call(queue.complete, job["id"])
                stats["done"] += 1
        await asyncio.sleep(POLL)


async def drain(queue, workers=4):
    stats = {"done": 0, "failed": 0}
    lock = asyncio.Lock()
    await asyncio.gather(*(worker(queue, lock, stats) for _ in range(workers)))
`;
const IDLE_OLD = `            if counts["queued"] == 0 and counts["running"] == 0:
                return
        else:`;
const IDLE_NEW = `            if counts["queued"] == 0 and counts["running"] == 0:
                return
            await asyncio.sleep(POLL)  # nothing due yet: back off
        else:`;
const SLEEP_OLD = `                stats["done"] += 1
        await asyncio.sleep(POLL)
`;
const SLEEP_NEW = `                stats["done"] += 1
`;

export const scenario = {
  name: 'python-asyncq-slovak',
  about:
    'held out: polite long-winded Slovak user, asyncio + sqlite3 job queue under python3 -m pytest -x -q, a three-option numbered list in thinking decided "(2) because", a retry off-by-one and the same-thread error fixed, time output from a server file, a sleep removed and synchronous=OFF taken back, a CLI test failing once on a leftover frontik.db and passing on a plain re-run, a refused rm -rf, one /compact',
  requires: ['python3', 'git'],
  files: {
    '.gitignore': '__pycache__/\n.pytest_cache/\n',
    'README.md': README,
    'pytest.ini': '[pytest]\ntestpaths = tests\npythonpath = .\n',
    'frontik/__init__.py': INIT,
    'frontik/__main__.py': MAIN,
    'frontik/queue.py': QUEUE,
    'frontik/worker.py': WORKER,
    'tests/test_cli.py': TEST_CLI,
    'tests/test_queue.py': TEST_QUEUE,
    'tests/test_worker.py': TEST_WORKER,
    'perf/drain-server-2026-05-14.txt': PERF,
    'frontik-prod.db': '',
  },
  build(k, { edit }) {
    const fixReq = k.request('opraviť testy, ktoré nám padajú');
    const py39 = k.constraint('kód musí ostať kompatibilný s Pythonom 3.9');
    const schema = k.constraint('schému tabuľky jobs prosím nemeňte');
    k.error('FAILED tests/test_queue.py::test_gives_up_after_max_attempts - assert 0 == 1', 'resolved');
    k.error('SQLite objects created in a thread can only be used in that same thread', 'resolved');
    const shared = k.decision(
      'one shared connection behind an asyncio.Lock',
      'claim() has to select and update in one transaction, and a single connection serialised by the lock keeps that atomic without busy-timeout retries',
      'open a fresh connection inside every to_thread call',
    );
    k.file('frontik/queue.py');
    k.file('frontik/worker.py');
    const slowReq = k.request('pozreli, prečo je drain taký pomalý');
    k.number('3m41.552s');
    k.number('0m38.914s');
    k.number('0m12.307s');
    k.number('11873');
    k.number('127');
    k.number('487');
    const idle = k.decision(
      'sleep only when claim() comes back empty',
      'the sleep after every finished job is pure waiting, and a lower POLL would only make idle workers hammer the database',
      'lowering POLL to 0.001',
    );
    const syncOff = k.rejected('PRAGMA synchronous=OFF', 'with synchronous=OFF a power cut can lose jobs that were already marked done');
    k.error('FAILED tests/test_cli.py::test_status_on_fresh_db', 'resolved');
    const refusal = k.refusal('nemažte prosím *.db, je tam frontik-prod.db, kópia produkčnej databázy, s ktorou porovnávam výsledky');
    const readme = k.request('doplnili do README krátky odsek o tom, ako sa meria drain');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('python3 -m pytest -x -q', 'passing');
    k.not('numbers', 'štyri minúty', "the user's own estimate, typed, not measured");
    k.not('constraints', slowReq, 'a request is not a standing rule');
    k.not('decisions', syncOff.what, 'tried and taken back: a rejected approach, not a decision');
    k.not('errors', 'kópia produkčnej databázy', "the user's refusal is not a tool error");

    const tests = (n) => `python3 -m pytest -x -q 2>&1 | tail -n ${n}`;
    const bench = 'rm -f /tmp/frontik-bench.db && time python3 -m frontik drain --jobs 500 --workers 4 --db /tmp/frontik-bench.db 2>&1 | tail -n 3';
    const cleanup = 'rm -rf /tmp/frontik-bench.db *.db .pytest_cache';

    return [
      {
        user:
          'Dobrý deň,\n\nprepáčte, že sa hneď na úvod trochu rozpíšem, ale radšej vám dám celý kontext, nech nemusíte hádať. Máme malý interný projekt ' +
          '**frontik** – je to jednoduchá fronta úloh nad sqlite3, ktorú spracúvajú asyncio workery (zmenšujú fotky produktov pre náš e-shop, nič ' +
          'svetoborné). Kolega Marek minulý týždeň prepísal worker zo starého thread poolu na asyncio a odvtedy nám, žiaľ, padajú testy. Ja ich ' +
          'spúšťam takto:\n\n```\npython3 -m pytest -x -q\n```\n\n' +
          `Chcel by som vás teda poprosiť, či by ste mohli ${fixReq}. Marek je tento týždeň na dovolenke, tak sa ho nemám ako spýtať, čo presne mal v pláne.\n\n` +
          `A ešte dve veci, ktoré sú pre nás naozaj dôležité:\n1. ${py39[0].toUpperCase()}${py39.slice(1)} – na produkčnom serveri je stále Debian 11 ` +
          `a upgrade tak skoro nebude.\n2. ${schema[0].toUpperCase()}${schema.slice(1)}, pretože z nej číta aj stará PHP administrácia a tú by ` +
          'sme museli prepisovať, na čo teraz naozaj nemáme čas.\n\nĎakujem pekne vopred!',
        model: [
          [think('Run the suite exactly the way the user does, tail only.'), bash(tests(15), 'Run the test suite')],
          [
            think(
              'test_gives_up_after_max_attempts: three failures and the job is still not dead. claim() already increments attempts, so on the third ' +
                'failure attempts == MAX_ATTEMPTS, but fail() only marks it dead when attempts is greater. Off by one in fail().',
            ),
            edit('frontik/queue.py', FAIL_OLD, FAIL_NEW),
          ],
          [bash(tests(15), 'Run the test suite again')],
          [
            think(
              'Next one is the worker: Queue opens its connection in the main thread and asyncio.to_thread runs claim() in a pool thread, which sqlite3 ' +
                'refuses by default. Options:\n\n' +
                `1. ${shared.alternative}\n2. ${shared.choice}\n3. do the sqlite calls directly on the event loop thread\n\n` +
                '(3) blocks the loop on every commit; (1) has every claim race the others for the write lock. ' +
                `Going with (2) because ${shared.reason}. to_thread exists since 3.9, so the server is fine.`,
            ),
            edit('frontik/queue.py', CONNECT_OLD, CONNECT_NEW),
          ],
          [edit('frontik/worker.py', WORKER_OLD, WORKER_NEW)],
          [bash(tests(5), 'Run the test suite')],
          [
            say(
              'Testy sú zelené. Boli tam dve chyby:\n\n' +
                '1. **Počet pokusov** – `fail()` označil úlohu ako `dead` až po štvrtom neúspechu, hoci `MAX_ATTEMPTS` je 3 (`claim()` už pokus ' +
                'započíta, takže stačí `>=`).\n' +
                '2. **Vlákna** – Marekov worker volá sqlite3 cez `asyncio.to_thread`, ale spojenie vzniklo v hlavnom vlákne, čo sqlite3 štandardne ' +
                'nedovolí. Spojenie je teraz jedno spoločné (`check_same_thread=False`) a všetky volania na ňom idú postupne cez `asyncio.Lock`, ' +
                'takže si workery nemôžu vziať tú istú úlohu.\n\n' +
                'Schéma tabuľky `jobs` ostala bez zmeny a nič z toho nepotrebuje novší Python ako 3.9.',
            ),
          ],
        ],
      },
      {
        user:
          'Veľmi pekne ďakujem, to je presne to, čo som potreboval, a vysvetlenie je tiež super, aspoň to budem vedieť povedať Marekovi, keď sa vráti.\n\n' +
          'Keď už sme pri tom, mám ešte jednu prosbu, ak by vám to nevadilo. Na serveri nám ranná dávka z e-shopu trvá zhruba štyri minúty, ' +
          'čo sa mi zdá dosť veľa na to, že ide len o zmenšenie pár tisíc fotiek. Včera ráno som to tam premeral cez `time`, výstup som ' +
          'uložil do `perf/drain-server-2026-05-14.txt`. Bol by som rád, keby ste sa ' +
          `${slowReq}, a ak sa to dá rozumne, trochu ho zrýchlili. Nemusí to byť nič dramatické.`,
        model: [
          [bash('cat perf/drain-server-2026-05-14.txt', "Read the user's server timing")],
          [
            think('real is far above user + sys: the workers spend most of the drain waiting, not computing. Reproduce it locally with the demo jobs.'),
            bash('time python3 -m frontik drain --jobs 500 --workers 4 2>&1 | tail -n 3', 'Time a local drain'),
          ],
          [
            think(
              `Same shape here. The worker sleeps POLL after every job, also when there is more work queued. Either ${idle.alternative}, or ` +
                `${idle.choice}. The second: ${idle.reason}.`,
            ),
            edit('frontik/worker.py', IDLE_OLD, IDLE_NEW),
          ],
          [edit('frontik/worker.py', SLEEP_OLD, SLEEP_NEW)],
          [bash(bench, 'Time the drain on a fresh database in /tmp')],
          [
            think(
              'Better, but real is still well above user + sys. Every claim and every complete is a commit, and each commit waits for fsync. Check how much of it is the disk.',
            ),
            edit('frontik/queue.py', CONNECT_NEW, SYNC_OFF),
          ],
          [bash(bench, 'Time the drain without fsync')],
          [
            think(`So nearly all of what is left is fsync. But ${syncOff.why}, and the e-shop then never gets its thumbnails. Not worth it; taking it out.`),
            edit('frontik/queue.py', SYNC_OFF, CONNECT_NEW),
          ],
          [bash(tests(8), 'Run the test suite')],
          [
            think(
              'test_status_on_fresh_db reads the default ./frontik.db, and my first timing run (without --db) wrote the demo jobs into exactly that ' +
                'file. The test removes the file in its finally block, so it should pass on a plain re-run; nothing in the code changed.',
            ),
            bash(tests(3), 'Re-run the test suite'),
          ],
          [bash(cleanup, 'Clean up the benchmark databases')],
          [
            think('The user keeps a production copy next to the code. Only remove my own file in /tmp.'),
            bash('rm -f /tmp/frontik-bench.db && ls', 'Remove only the benchmark database'),
          ],
          [
            say(
              'Hotovo, tu je zhrnutie:\n\n' +
                '- **Prečo je drain pomalý:** vo vašom meraní je `real` oveľa väčší ako `user` + `sys`, takže workery väčšinu času čakajú. Worker ' +
                'po každej úlohe spal `POLL` (0,05 s), aj keď vo fronte boli ďalšie úlohy. Teraz spí, len keď nie je čo robiť.\n' +
                '- Zvyšok času je čakanie na disk – každý `claim` a `complete` je commit. Skúsil som `PRAGMA synchronous=OFF`, bolo to výrazne rýchlejšie, ' +
                'ale pri výpadku prúdu by sa mohli stratiť už dokončené úlohy, tak som to vrátil.\n' +
                '- `test_status_on_fresh_db` raz spadol, lebo môj prvý pokus bez `--db` nechal v priečinku `frontik.db`; test si ho po sebe zmaže ' +
                'a pri opakovanom spustení prešiel. Kód s tým nesúvisí.\n' +
                '- `*.db` som nemazal, odstránil som len svoju testovaciu databázu v /tmp.',
            ),
          ],
        ],
        refuse: { [cleanup]: refusal },
      },
      {
        user:
          'Ďakujem, aj za to, že ste nezmazali tú kópiu, to by ma mrzelo. Posledná drobnosť a potom vás už nechám: bol by som rád, keby ste ' +
          `${readme}, teda s tým \`time\` a s vlastnou databázou v /tmp, nech to nabudúce nemusím vymýšľať a nech si nikto omylom nezapíše demo úlohy do frontik.db.`,
        model: [
          [
            edit(
              'README.md',
              'Testy: `python3 -m pytest -x -q`\n',
              'Testy: `python3 -m pytest -x -q`\n\n## Meranie drainu\n\n' +
                '    rm -f /tmp/frontik-bench.db\n    time python3 -m frontik drain --jobs 500 --workers 4 --db /tmp/frontik-bench.db\n\n' +
                'Vždy s vlastnou databázou v /tmp: bez `--db` sa demo úlohy zapíšu do `./frontik.db` (a `tests/test_cli.py` potom raz spadne). ' +
                'Pozerajte na pomer `real` ku `user` + `sys`: ak je `real` oveľa väčší, workery čakajú (spánok alebo fsync), nie počítajú.\n',
            ),
          ],
          [say('Doplnil som do README odsek **Meranie drainu**: príkaz, prečo vlastná databáza v /tmp a ako čítať výstup `time`.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Slovak user, frontik job queue (sqlite3 + asyncio workers). Fixed two failing tests, made the drain faster, documented how to measure it.',
          intent:
            'Fix the failing tests of frontik, then look at why the drain is slow on the server and speed it up; stay on Python 3.9 and keep the jobs table schema unchanged.',
          concepts: ['sqlite3 check_same_thread', 'asyncio.to_thread and asyncio.Lock', 'retry limits', 'fsync per commit'],
          files: [
            'frontik/queue.py: dead after MAX_ATTEMPTS, shared connection',
            'frontik/worker.py: calls serialised by a lock, sleep only when idle',
            'README.md: how to measure the drain',
          ],
          errors: [
            'The retry limit was off by one; fixed',
            'sqlite3 refused a connection used from another thread; fixed with one shared connection and a lock',
            'A CLI test failed once because of a leftover database file; passed when run again',
          ],
          solving:
            'The drain was mostly waiting: a sleep after every job (removed) and a commit per step. Turning off synchronous writes was tried and undone for safety.',
          messages: [
            'Fix the failing tests; Python 3.9; do not change the jobs schema',
            'Look at why the drain is slow on the server (time output in perf/) and speed it up',
            'The user did not want *.db deleted (production copy)',
            'Add a README paragraph on measuring the drain',
          ],
          pending: [],
          current: 'README has a section on measuring the drain.',
          next: 'None.',
        }),
      },
    ];
  },
};
