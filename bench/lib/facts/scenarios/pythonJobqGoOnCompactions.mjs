// An English user in a long session who mostly types "go on" / "continue" / "next", with one long pasted
// ticket spec, and jobq: a small asyncio job runner (bounded worker pool on an asyncio.Queue) tested with
// `python3 -m unittest` (re-run as `-v`, as `tests.test_runner`, and through `make test`). Thinking is
// present. A RuntimeError from get_running_loop() in __init__ is fixed; asyncio.gather over all jobs is
// tried and taken back; a per-job timeout retried like any error makes the test's wait_for guard raise
// TimeoutError, fixed; a passing run prints a ResourceWarning from the test's own open(); priorities
// through a PriorityQueue break on the None sentinel and are left failing. `pip install pytest-asyncio`
// is refused. Three compactions. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const RUNNER = `"""jobq: run async jobs with a bounded pool of workers."""
import asyncio


class JobRunner:
    def __init__(self, max_workers=4):
        self.max_workers = max_workers
        self._loop = asyncio.get_running_loop()
        self._queue = asyncio.Queue()
        self.results = {}

    async def _worker(self):
        while True:
            item = await self._queue.get()
            if item is None:
                self._queue.task_done()
                return
            job_id, job = item
            try:
                value = await job()
                self.results[job_id] = {"status": "ok", "value": value}
            except Exception as exc:
                self.results[job_id] = {"status": "failed", "error": repr(exc)}
            finally:
                self._queue.task_done()

    async def run(self, jobs):
        """jobs: dict id -> async callable. Returns {id: result}."""
        for job_id, job in jobs.items():
            self._queue.put_nowait((job_id, job))
        workers = [asyncio.create_task(self._worker()) for _ in range(self.max_workers)]
        for _ in workers:
            self._queue.put_nowait(None)
        await asyncio.gather(*workers)
        return self.results
`;

const TESTS = `import asyncio
import json
import os
import unittest

from runner import JobRunner

HERE = os.path.dirname(__file__)


def make_job(value, delay=0.0):
    async def job():
        await asyncio.sleep(delay)
        return value

    return job


class RunnerTest(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.runner = JobRunner(max_workers=2)

    async def test_all_jobs_run(self):
        res = await self.runner.run({"a": make_job(1), "b": make_job(2)})
        self.assertEqual({k: v["value"] for k, v in res.items()}, {"a": 1, "b": 2})

    async def test_failure_is_recorded(self):
        async def boom():
            raise ValueError("nope")

        res = await self.runner.run({"x": boom})
        self.assertEqual(res["x"]["status"], "failed")

    async def test_respects_max_workers(self):
        running = 0
        peak = 0

        async def job():
            nonlocal running, peak
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(0.01)
            running -= 1

        await self.runner.run({i: job for i in range(6)})
        self.assertEqual(peak, 2)

    async def test_jobs_from_fixture(self):
        spec = json.load(open(os.path.join(HERE, "jobs.json")))
        res = await self.runner.run({j["id"]: make_job(j["value"]) for j in spec})
        self.assertEqual(len(res), len(spec))


if __name__ == "__main__":
    unittest.main()
`;

const WORKER_TRY = `            job_id, job = item
            try:
                value = await job()
                self.results[job_id] = {"status": "ok", "value": value}
            except Exception as exc:
                self.results[job_id] = {"status": "failed", "error": repr(exc)}
            finally:
                self._queue.task_done()
`;
const WORKER_RETRY = `            job_id, job = item
            attempts = 0
            while True:
                attempts += 1
                try:
                    value = await asyncio.wait_for(job(), self.job_timeout)
                    self.results[job_id] = {"status": "ok", "value": value, "attempts": attempts}
                    break
                except Exception as exc:
                    if attempts > self.retries:
                        self.results[job_id] = {"status": "failed", "error": repr(exc), "attempts": attempts}
                        break
                    await asyncio.sleep(self.backoff * 2 ** (attempts - 1))
            self._queue.task_done()
`;

const RUN_POOL = `        for job_id, job in jobs.items():
            self._queue.put_nowait((job_id, job))
        workers = [asyncio.create_task(self._worker()) for _ in range(self.max_workers)]
        for _ in workers:
            self._queue.put_nowait(None)
        await asyncio.gather(*workers)
        return self.results
`;
const RUN_GATHER = `        await asyncio.gather(*(self._run_one(job_id, job) for job_id, job in jobs.items()))
        return self.results
`;

const DEMO = `"""Run 240 synthetic jobs and print one summary line."""
import asyncio

from runner import JobRunner

seen = {}


def make(i):
    async def job():
        seen[i] = seen.get(i, 0) + 1
        if i % 61 == 3:
            await asyncio.sleep(0.2)
        else:
            await asyncio.sleep(0.001)
        if i % 47 == 5:
            raise ValueError(f"job {i} always fails")
        if i % 13 == 0 and seen[i] == 1:
            raise ConnectionError(f"job {i} flaky")
        return i

    return job


async def main():
    runner = JobRunner(max_workers=8, retries=2, backoff=0.001, job_timeout=0.05)
    res = await runner.run({i: make(i) for i in range(240)})
    by = {}
    for r in res.values():
        by[r["status"]] = by.get(r["status"], 0) + 1
    retries = sum(r["attempts"] - 1 for r in res.values())
    print(f"ran {len(res)} jobs: {by.get('ok', 0)} ok, {by.get('failed', 0)} failed, {by.get('timeout', 0)} timeout, {retries} retries")


asyncio.run(main())
`;

const SPEC = `JOBQ-112 — runner v2 (from the ticket, pasted as is)

## 1. Retries
- a job that raises is retried, up to \`retries\` times (default 2)
- backoff between attempts: \`backoff * 2**(attempt-1)\` seconds (default backoff 0.1)
- result gets an \`attempts\` field

## 2. Timeouts
- \`job_timeout\` (seconds, default None = no limit) per attempt
- a job that times out is NOT retried, status is "timeout"

## 3. Demo
- demo.py runs 240 synthetic jobs (some flaky, some always failing, some slow) and prints one summary line

## 4. Priorities
- run() takes an optional \`priorities\` dict id -> int, lower runs first

Notes:
- stdlib only, no third-party packages
- keep the public API (JobRunner(...).run(jobs) -> dict) backwards compatible
`;

export const scenario = {
  name: 'python-jobq-go-on-compactions',
  about:
    'held out: Python asyncio job runner, English user typing mostly "go on"/"continue"/"next" plus one pasted spec; unittest re-run many ways; RuntimeError and TimeoutError fixed; ResourceWarning on a passing run; PriorityQueue sentinel TypeError left failing; pip refused; three compactions',
  requires: ['python3', 'make', 'git'],
  env: { PYTHONDONTWRITEBYTECODE: '1' },
  files: {
    'runner.py': RUNNER,
    'tests/__init__.py': '',
    'tests/test_runner.py': TESTS,
    'tests/jobs.json': '[{"id": "j1", "value": 10}, {"id": "j2", "value": 20}, {"id": "j3", "value": 30}]\n',
    Makefile: 'test:\n\tpython3 -m unittest\n\n.PHONY: test\n',
    '.gitignore': '__pycache__/\n',
  },
  build(k, { edit, write }) {
    const green = k.request('get the tests in tests/test_runner.py green');
    const rule = k.constraint('never block the event loop');
    k.error('RuntimeError: no running event loop', 'resolved');
    k.file('runner.py');
    k.not('errors', 'ResourceWarning: unclosed file', 'a warning printed by a passing run is not an error');
    const refusal = k.refusal('no. unittest only, dont install stuff into this venv');
    const spec = k.request('implement JOBQ-112, section by section');
    const stdlib = k.constraint('stdlib only, no third-party packages');
    k.constraint('keep the public API (JobRunner(...).run(jobs) -> dict) backwards compatible');
    k.error('AssertionError: 6 != 2', 'resolved');
    const gather = k.rejected('asyncio.gather(*(self._run_one(job_id, job)', 'gather starts every job at once and ignores max_workers');
    const retryHere = k.decision(
      'retry inside the worker loop',
      'the sentinels are already queued, so a re-enqueued job would land behind them and never run',
      're-enqueue the failed job at the back of the queue',
    );
    k.file('tests/test_runner.py');
    k.error('ERROR: test_job_timeout (tests.test_runner.RunnerTest.test_job_timeout)', 'resolved');
    const timeoutFirst = k.decision(
      'catch TimeoutError in its own except clause before except Exception',
      'TimeoutError is itself an Exception subclass, so the general clause swallowed it and retried',
      'checking isinstance(exc, TimeoutError) inside the general handler',
    );
    k.file('demo.py');
    k.error("TypeError: '<' not supported between instances of 'NoneType' and 'tuple'", 'unresolved');
    k.check('python3 -m unittest', 'failing');
    const docs = k.request('write docs/runner.md: what the runner does, the options, what is still open');
    k.file('docs/runner.md');
    k.lastRequest(docs);
    k.not('constraints', green, 'a request is not a standing rule');
    k.not('errors', 'dont install stuff', "the user's refusal is not a tool error");
    k.not('rejected', retryHere.choice, 'the approach that was kept is not a dead end');

    k.number('231');
    k.number('28 retries');

    const pip = 'pip install pytest-asyncio';
    return [
      {
        user: `hey. runner.py is a little asyncio job runner, ${green}. one rule for this whole thing: ${rule} — no time.sleep, no blocking file/network calls inside coroutines.`,
        model: [
          [think('Run the suite first, plain.'), bash('python3 -m unittest 2>&1 | tail -n 25', 'Run the tests')],
          [
            think(
              'Every test errors in setUp: __init__ calls asyncio.get_running_loop(), and IsolatedAsyncioTestCase runs setUp outside the loop. self._loop is never used anyway. asyncio.Queue() no longer binds a loop at creation (3.10+), so it can stay in __init__.',
            ),
            say(
              'All four tests error in `setUp`: `JobRunner.__init__` asks for the running loop, and there is none yet when the test builds it. The attribute is unused, so it goes.',
            ),
            edit('runner.py', '        self._loop = asyncio.get_running_loop()\n', ''),
          ],
          [think(''), bash('python3 -m unittest -v 2>&1 | tail -n 20', 'Run the tests verbosely')],
          [
            think(
              'All four pass. The ResourceWarning is the test fixture: json.load(open(...)) without closing. It is a warning, not a failure. pytest-asyncio would make these tests nicer to write, ask by trying.',
            ),
            say(
              "Green (4 tests). The `ResourceWarning` comes from `test_jobs_from_fixture` opening `jobs.json` without closing it; harmless, the run passes. I'd like pytest-asyncio for the next tests:",
            ),
            bash(pip, 'Install pytest-asyncio'),
          ],
          [think(''), say('OK, staying with unittest and `IsolatedAsyncioTestCase`. Nothing installed.')],
        ],
        refuse: { [pip]: refusal },
      },
      {
        user: `ok. ${spec}. here's the ticket:\n\n${SPEC}\n${stdlib} — that one's a hard rule here, ops wont allow anything else`,
        model: [
          [
            think(
              'Section 1, retries. Tempting shortcut: drop the worker pool, asyncio.gather over all jobs, each with its own retry loop. Try it against the tests.',
            ),
            edit('runner.py', RUN_POOL, RUN_GATHER),
          ],
          [
            think(''),
            edit(
              'runner.py',
              '    async def run(self, jobs):\n',
              '    async def _run_one(self, job_id, job):\n        try:\n            self.results[job_id] = {"status": "ok", "value": await job()}\n        except Exception as exc:\n            self.results[job_id] = {"status": "failed", "error": repr(exc)}\n\n    async def run(self, jobs):\n',
            ),
          ],
          [think(''), bash('python3 -m unittest tests.test_runner 2>&1 | tail -n 15', 'Run the runner tests')],
          [
            think(
              `No: ${gather.why} (peak 6, expected 2). Back to the pool. Where do retries live? ${retryHere.alternative[0].toUpperCase()}${retryHere.alternative.slice(1)} sounds neat, but ${retryHere.reason}. So ${retryHere.choice}, with asyncio.sleep for the backoff (never time.sleep).`,
            ),
            say('`gather` over every job ignores `max_workers` (the test saw 6 at once), so that goes back out. Retrying inside the worker instead.'),
            bash('git checkout -- runner.py && git status --short', 'Undo the gather attempt'),
          ],
          [think(''), edit('runner.py', '        self._loop = asyncio.get_running_loop()\n', '')],
          [
            think(''),
            edit(
              'runner.py',
              '    def __init__(self, max_workers=4):\n        self.max_workers = max_workers\n',
              '    def __init__(self, max_workers=4, retries=2, backoff=0.1, job_timeout=None):\n        self.max_workers = max_workers\n        self.retries = retries\n        self.backoff = backoff\n        self.job_timeout = job_timeout\n',
            ),
          ],
          [think(''), edit('runner.py', WORKER_TRY, WORKER_RETRY)],
          [
            think(''),
            edit(
              'tests/test_runner.py',
              '\n\nif __name__ == "__main__":\n',
              '\n\n    async def test_retry_then_ok(self):\n        calls = []\n\n        async def flaky():\n            calls.append(1)\n            if len(calls) < 2:\n                raise ConnectionError("flaky")\n            return "fine"\n\n' +
                '        runner = JobRunner(max_workers=1, retries=2, backoff=0.001)\n        res = await runner.run({"f": flaky})\n        self.assertEqual(res["f"]["status"], "ok")\n        self.assertEqual(res["f"]["attempts"], 2)\n\n' +
                '    async def test_gives_up_after_retries(self):\n        async def boom():\n            raise ValueError("always")\n\n        runner = JobRunner(max_workers=1, retries=2, backoff=0.001)\n        res = await runner.run({"b": boom})\n        self.assertEqual(res["b"]["attempts"], 3)\n\n\nif __name__ == "__main__":\n',
            ),
          ],
          [think(''), bash('make test 2>&1 | tail -n 8', 'Run the tests via make')],
          [
            think(''),
            say('Section 1 done: retries with exponential backoff inside the worker loop, `attempts` in every result; 6 tests pass via `make test`.'),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'jobq runner: the setUp crash is fixed; JOBQ-112 section 1 (retries) is in.',
          intent: 'Get the tests green without blocking the event loop, then implement the JOBQ-112 ticket section by section, stdlib only.',
          concepts: ['asyncio worker pool', 'IsolatedAsyncioTestCase', 'retries with backoff'],
          files: ['runner.py: retries, backoff, job_timeout parameter', 'tests/test_runner.py: two retry tests'],
          errors: ['get_running_loop in __init__ crashed setUp; removed'],
          solving: 'A gather-based runner was tried and reverted because it ignored max_workers.',
          messages: ['Get tests green; never block the loop', 'Refused installing pytest-asyncio', 'Implement JOBQ-112 (pasted)'],
          pending: ['JOBQ-112 sections 2-4'],
          current: 'Section 1 done.',
          next: 'Section 2, timeouts.',
        }),
      },
      {
        user: 'go on',
        model: [
          [
            think(
              'Section 2: timeouts. wait_for is already there with job_timeout. A test: slow job, job_timeout small, guard the whole run with wait_for so a hang fails fast.',
            ),
            edit(
              'tests/test_runner.py',
              '\n\nif __name__ == "__main__":\n',
              '\n\n    async def test_job_timeout(self):\n        runner = JobRunner(max_workers=1, retries=2, backoff=0.05, job_timeout=0.3)\n' +
                '        res = await asyncio.wait_for(runner.run({"slow": make_job(None, delay=5)}), timeout=0.8)\n        self.assertEqual(res["slow"]["status"], "timeout")\n        self.assertEqual(res["slow"]["attempts"], 1)\n\n\nif __name__ == "__main__":\n',
            ),
          ],
          [think(''), bash('python3 -m unittest -v 2>&1 | head -n 40', 'Run the tests verbosely')],
          [
            think(
              `The guard fired: the slow job was retried three times at 0.3 s each. ${timeoutFirst.reason[0].toUpperCase()}${timeoutFirst.reason.slice(1)}. Options: ${timeoutFirst.alternative}, or ${timeoutFirst.choice}. The separate clause reads like the spec ("timeouts are not retried"), so that.`,
            ),
            edit(
              'runner.py',
              '                    break\n                except Exception as exc:\n',
              '                    break\n                except TimeoutError:\n                    self.results[job_id] = {"status": "timeout", "attempts": attempts}\n                    break\n                except Exception as exc:\n',
            ),
          ],
          [think(''), bash('python3 -m unittest tests.test_runner 2>&1 | tail -n 6', 'Run the runner tests')],
          [think(''), say('Section 2 done: a timed-out attempt is recorded as `"timeout"` and not retried. 7 tests pass.')],
        ],
      },
      {
        user: 'continue',
        model: [
          [think('Section 3: demo.py, 240 synthetic jobs, some flaky (fail once), some always failing, some slower than job_timeout.'), write('demo.py', DEMO)],
          [think(''), bash('python3 demo.py', 'Run the demo')],
          [think(''), say('demo.py is in; its summary line is above.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Sections 2 (timeouts) and 3 (demo) of JOBQ-112 are done.',
          intent: 'Implement JOBQ-112 section by section, stdlib only, never blocking the loop.',
          concepts: ['asyncio.wait_for per attempt', 'timeouts not retried'],
          files: ['runner.py: timeout status', 'tests/test_runner.py: timeout test', 'demo.py: 240 synthetic jobs'],
          errors: ['The timeout test hit its guard because timeouts were retried; fixed'],
          solving: 'Timeouts get their own except clause.',
          messages: ['go on', 'continue'],
          pending: ['Section 4, priorities'],
          current: 'Demo run.',
          next: 'Priorities.',
        }),
      },
      {
        user: 'next',
        model: [
          [
            think('Section 4: priorities. With priorities given, use an asyncio.PriorityQueue of (priority, job_id, job). Lower first.'),
            edit(
              'runner.py',
              '    async def run(self, jobs):\n        """jobs: dict id -> async callable. Returns {id: result}."""\n        for job_id, job in jobs.items():\n            self._queue.put_nowait((job_id, job))\n',
              '    async def run(self, jobs, priorities=None):\n        """jobs: dict id -> async callable. Returns {id: result}."""\n        if priorities:\n            self._queue = asyncio.PriorityQueue()\n' +
                '            for job_id, job in jobs.items():\n                self._queue.put_nowait((priorities.get(job_id, 0), job_id, job))\n        else:\n            for job_id, job in jobs.items():\n                self._queue.put_nowait((job_id, job))\n',
            ),
          ],
          [think(''), edit('runner.py', '            job_id, job = item\n', '            job_id, job = item[-2:]\n')],
          [
            think(''),
            edit(
              'tests/test_runner.py',
              '\n\nif __name__ == "__main__":\n',
              '\n\n    async def test_priority_order(self):\n        order = []\n\n        def rec(name):\n            async def job():\n                order.append(name)\n\n            return job\n\n' +
                '        runner = JobRunner(max_workers=1)\n        await runner.run({"low": rec("low"), "high": rec("high"), "mid": rec("mid")}, priorities={"low": 9, "high": 1, "mid": 5})\n' +
                '        self.assertEqual(order, ["high", "mid", "low"])\n\n\nif __name__ == "__main__":\n',
            ),
          ],
          [think(''), bash('python3 -m unittest 2>&1 | tail -n 15', 'Run the tests')],
          [
            think(
              'The None sentinel goes into the PriorityQueue too and cannot be compared with the tuples. Fix would be a sentinel that sorts last, e.g. (math.inf, "", None). Ask before going further, it changes the sentinel protocol.',
            ),
            say(
              '`test_priority_order` errors: the stop sentinel (`None`) is put into the PriorityQueue and compared with the job tuples. Fix: a sentinel that sorts last, like `(math.inf, "", None)`, and the worker checks for it. Want me to do that?',
            ),
          ],
        ],
      },
      {
        user: `leave that one red for now, i'll look tomorrow. ${docs}`,
        model: [
          [
            think(''),
            write(
              'docs/runner.md',
              '# jobq runner\n\n`JobRunner(max_workers=4, retries=2, backoff=0.1, job_timeout=None).run(jobs, priorities=None)`\n\n' +
                '- a bounded pool of worker tasks on an asyncio.Queue; nothing blocks the event loop\n- a job that raises is retried `retries` times, sleeping `backoff * 2**(attempt-1)` with asyncio.sleep\n' +
                '- `job_timeout` applies per attempt; a timed-out job is not retried (status "timeout")\n- results: `{id: {"status", "value" | "error", "attempts"}}`\n\n' +
                '## Open\n\n- priorities (JOBQ-112 section 4): `test_priority_order` fails, the None sentinel cannot be ordered against job tuples in the PriorityQueue\n\n    python3 -m unittest\n    python3 demo.py\n',
            ),
          ],
          [think(''), say('docs/runner.md written, with the priority problem listed under "Open".')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'JOBQ-112 sections 1-3 done; priorities started, their test fails; docs written.',
          intent: 'Implement JOBQ-112 without blocking the loop, stdlib only; document the runner.',
          concepts: ['asyncio.PriorityQueue', 'sentinels'],
          files: ['runner.py: priorities', 'tests/test_runner.py: priority test', 'docs/runner.md'],
          errors: ['Priority test fails on the sentinel comparison (left for tomorrow)'],
          solving: 'Sentinel needs to sort last.',
          messages: ['next', 'leave the priority test red; write docs/runner.md'],
          pending: ['Fix the priority sentinel'],
          current: 'docs/runner.md written.',
          next: 'None until the user looks at priorities.',
        }),
      },
    ];
  },
};
