// A Dutch-speaking user on a stdlib-only asyncio webhook dispatcher, tested with `python3 -m unittest`.
// A retry test that times out (flaky in CI, failing every time since the backoff went up) is fixed by
// injecting the sleep; a close() test that fails from the start is looked at, a queue.join() fix is
// tried, breaks another test and is undone with `git checkout`, and the user leaves the failure to a
// colleague. A benchmark script replays a receiver trace on a virtual clock and prints latency
// percentiles before and after the backoff is lowered, which breaks the retry test's expected delays
// once more (fixed). The agent decides in its thinking, naming the option it dismisses. Compacted
// twice in the middle and once at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

// What the receiver answered to each delivery attempt during a day (status, milliseconds).
function receiverTrace() {
  let seed = 4242;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const EVENTS = 3861;
  const rows = ['event_id,attempt,status,ms'];
  const fails = [0.07, 0.38, 0.33, 0.45];
  for (let n = 0; n < EVENTS; n++) {
    const id = `evt_${(0x5a3c1 + n * 7919).toString(36)}`;
    for (let attempt = 1; attempt <= 4; attempt++) {
      const failed = rand() < fails[attempt - 1];
      const ms = Math.round(35 + 60 * rand() * rand() + (rand() < 0.04 ? 250 * rand() : 0));
      rows.push(`${id},${attempt},${failed ? (rand() < 0.8 ? 503 : 502) : 200},${failed ? ms + 900 : ms}`);
      if (!failed) break;
    }
  }
  return { text: rows.join('\n') + '\n', events: EVENTS };
}

const TRACE = receiverTrace();

const INIT = String.raw`"""Webhook dispatcher: queued deliveries with retries."""
from .retry import GaveUp, Retryable, with_retry
from .service import Dispatcher

__all__ = ["Dispatcher", "GaveUp", "Retryable", "with_retry"]
`;

const RETRY = String.raw`"""Retrying one webhook delivery with exponential backoff."""
import asyncio


class Retryable(Exception):
    """An error worth another attempt: a 5xx or a timeout from the receiver."""


class GaveUp(Exception):
    """Every attempt failed; the last error is the __cause__."""


async def with_retry(call, *, attempts=4, base=0.4):
    """Await call() until it succeeds, sleeping base * 2**n seconds after the n-th failure."""
    for attempt in range(attempts):
        try:
            return await call()
        except Retryable as error:
            if attempt == attempts - 1:
                raise GaveUp(f"gave up after {attempts} attempts") from error
            await asyncio.sleep(base * 2**attempt)
`;

const SERVICE = String.raw`"""Dispatcher: delivers queued webhooks with a pool of asyncio workers."""
import asyncio
import logging

from .retry import GaveUp, with_retry

log = logging.getLogger("dispatcher")


class Dispatcher:
    def __init__(self, send, *, workers=4):
        self._send = send
        self._size = workers
        self._queue = asyncio.Queue()
        self._workers = []
        self.delivered = 0
        self.failed = 0

    def start(self):
        self._workers = [asyncio.create_task(self._work()) for _ in range(self._size)]

    def submit(self, event):
        self._queue.put_nowait(event)

    async def _work(self):
        while True:
            event = await self._queue.get()
            try:
                await with_retry(lambda: self._send(event))
                self.delivered += 1
            except GaveUp:
                self.failed += 1
                log.warning("giving up on %s", event["id"])
            finally:
                self._queue.task_done()

    async def close(self):
        for task in self._workers:
            task.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
`;

const TEST_RETRY =
  String.raw`import asyncio
import unittest

from dispatcher.retry import GaveUp, Retryable, with_retry


def flaky(failures):
    """A call that raises Retryable ` +
  '`failures`' +
  String.raw` times, then returns 'ok'."""
    calls = []

    async def call():
        calls.append(1)
        if len(calls) <= failures:
            raise Retryable("503 Service Unavailable")
        return "ok"

    return call, calls


class RetryTest(unittest.IsolatedAsyncioTestCase):
    async def test_first_try(self):
        call, calls = flaky(0)
        self.assertEqual(await with_retry(call), "ok")
        self.assertEqual(len(calls), 1)

    async def test_retries_until_success(self):
        call, calls = flaky(2)
        result = await asyncio.wait_for(with_retry(call), timeout=1.0)
        self.assertEqual(result, "ok")
        self.assertEqual(len(calls), 3)

    async def test_gives_up(self):
        call, _ = flaky(10)
        with self.assertRaises(GaveUp):
            await with_retry(call, attempts=2, base=0.01)
`;

const TEST_SERVICE = String.raw`import asyncio
import unittest

from dispatcher import Dispatcher, Retryable


class DispatcherTest(unittest.IsolatedAsyncioTestCase):
    async def test_delivers(self):
        sent = []

        async def send(event):
            sent.append(event["id"])

        d = Dispatcher(send, workers=2)
        d.start()
        d.submit({"id": "ev-1"})
        d.submit({"id": "ev-2"})
        await asyncio.sleep(0.05)
        await d.close()
        self.assertEqual(sorted(sent), ["ev-1", "ev-2"])

    async def test_close_drains_queue(self):
        async def send(event):
            await asyncio.sleep(0.01)

        d = Dispatcher(send)
        d.start()
        for n in range(5):
            d.submit({"id": f"ev-{n}"})
        await d.close()
        self.assertEqual(d.delivered, 5)

    async def test_close_returns_quickly_when_receiver_down(self):
        async def send(event):
            raise Retryable("502 Bad Gateway")

        d = Dispatcher(send)
        d.start()
        d.submit({"id": "ev-1"})
        d.submit({"id": "ev-2"})
        await asyncio.sleep(0.01)
        await asyncio.wait_for(d.close(), timeout=1.0)
`;

const BENCH = String.raw`"""bench.py: end-to-end latency per webhook, replaying data/receiver-trace.csv through with_retry.

Every answer of the receiver (status, ms) is replayed on a virtual clock, and so are the backoff
sleeps, so the run takes a second and gives the same figures every time.
"""
import asyncio
import csv
import math
from collections import defaultdict

from dispatcher.retry import GaveUp, Retryable, with_retry


class VirtualClock:
    def __init__(self):
        self.now = 0.0

    async def sleep(self, seconds):
        self.now += seconds


def load(path):
    answers = defaultdict(list)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            answers[row["event_id"]].append((int(row["status"]), int(row["ms"])))
    return answers


def rank(sorted_ms, p):
    return sorted_ms[max(1, math.ceil(p * len(sorted_ms) / 100)) - 1]


async def replay(trace):
    clock = VirtualClock()
    latencies, retried, gave_up = [], 0, 0
    for answers in trace.values():
        pending = iter(answers)

        async def call():
            status, ms = next(pending)
            await clock.sleep(ms / 1000)
            if status >= 500:
                raise Retryable(status)
            return status

        start = clock.now
        try:
            await with_retry(call, sleep=clock.sleep)
        except GaveUp:
            gave_up += 1
        retried += len(answers) > 1
        latencies.append(round((clock.now - start) * 1000))
    latencies.sort()
    print(
        f"bench: {len(latencies)} webhooks, {retried} retried, {gave_up} gave up; "
        f"latency p50 {rank(latencies, 50)} ms, p95 {rank(latencies, 95)} ms, "
        f"p99 {rank(latencies, 99)} ms, max {latencies[-1]} ms"
    )


if __name__ == "__main__":
    asyncio.run(replay(load("data/receiver-trace.csv")))
`;

const README =
  '# dispatcher\n\nDelivers webhooks from a queue with a pool of asyncio workers; failed deliveries are retried with ' +
  'exponential backoff.\n\nTests: `python3 -m unittest`\n';

export const scenario = {
  name: 'python-async-dutch',
  about:
    'held out: Dutch user, stdlib asyncio service + unittest, flaky timeout fixed, a second failure left failing, git checkout undo, virtual-clock benchmark figures, two mid-session /compact',
  requires: ['python3', 'git'],
  files: {
    '.gitignore': '__pycache__/\n',
    'README.md': README,
    'dispatcher/__init__.py': INIT,
    'dispatcher/retry.py': RETRY,
    'dispatcher/service.py': SERVICE,
    'tests/__init__.py': '',
    'tests/test_retry.py': TEST_RETRY,
    'tests/test_service.py': TEST_SERVICE,
    'data/receiver-trace.csv': TRACE.text,
  },
  build(k, { edit, write }) {
    const flakyFix = k.request('kun je de flaky timeout-test fixen');
    const stdlib = k.constraint('alleen de standaardbibliotheek, geen pip install');
    k.error('ERROR: test_retries_until_success', 'resolved');
    k.error('FAIL: test_close_drains_queue', 'unresolved');
    const inject = k.decision(
      'inject the sleep function into with_retry',
      'the test then checks the backoff delays without waiting on the wall clock at all',
      'raising the wait_for timeout to a few seconds',
    );
    k.file('dispatcher/retry.py');
    k.file('tests/test_retry.py');
    const close = k.request('kijk naar close()');
    const api = k.constraint('verander de publieke API van Dispatcher niet');
    const join = k.rejected('await self._queue.join()', 'close() then waits out every retry of a dead receiver, seconds per queued webhook');
    k.error('ERROR: test_close_returns_quickly_when_receiver_down');
    const measure = k.request('kun je meten wat de retries met de latency doen');
    const noSleeps = k.constraint('voortaan geen echte sleeps in nieuwe tests');
    const virtual = k.decision(
      'replay the trace on a virtual clock',
      'a real run would sleep through every backoff in the trace, many minutes for one benchmark',
      'timing real asyncio.sleep calls with time.perf_counter',
    );
    k.file('bench.py');
    k.number(String(TRACE.events));
    k.number('275');
    k.number('3187');
    k.number('1395');
    const lower = k.request('kan de backoff omlaag zonder dat we meer webhooks opgeven');
    const base = k.decision(
      'halve the base delay to 0.2 s and keep four attempts',
      'a fourth attempt still rescues deliveries that a three-attempt limit would give up on',
      'dropping to three attempts',
    );
    k.error('Lists differ: [0.2, 0.4] != [0.4, 0.8]', 'resolved');
    k.number('2587');
    k.number('1195');
    const readme = k.request('zet in de README hoe je bench.py draait');
    k.file('README.md');
    k.check('python3 -m unittest', 'failing');
    k.lastRequest(readme);
    k.not('constraints', flakyFix, 'a request is not a standing rule');
    k.not('numbers', '3000', "the customer's target is typed by the user, not measured");
    k.not('errors', 'Joris herschrijft close()', "the user's words are not a tool error");
    k.not('rejected', lower, "the user's request is not a rejected approach");
    k.not('decisions', 'Running the tests first', 'an intention, not a decision');

    const tests = 'python3 -m unittest 2>&1 | grep -E "^(ERROR|FAIL|AssertionError|TimeoutError|Ran|OK)"';
    const retrySig =
      'async def with_retry(call, *, attempts=4, base=0.4):\n    """Await call() until it succeeds, sleeping base * 2**n seconds after the n-th failure."""\n';
    const retrySigNew =
      'async def with_retry(call, *, attempts=4, base=0.4, sleep=asyncio.sleep):\n' +
      '    """Await call() until it succeeds, sleeping base * 2**n seconds after the n-th failure.\n\n' +
      '    sleep is injectable so tests and the benchmark need not wait on the wall clock.\n    """\n';
    const testOld =
      '    async def test_retries_until_success(self):\n        call, calls = flaky(2)\n' +
      '        result = await asyncio.wait_for(with_retry(call), timeout=1.0)\n        self.assertEqual(result, "ok")\n        self.assertEqual(len(calls), 3)\n';
    const testNew =
      '    async def test_retries_until_success(self):\n        call, calls = flaky(2)\n        slept = []\n\n' +
      '        async def sleep(seconds):\n            slept.append(seconds)\n\n' +
      '        self.assertEqual(await with_retry(call, sleep=sleep), "ok")\n        self.assertEqual(len(calls), 3)\n        self.assertEqual(slept, [0.4, 0.8])\n';

    const first =
      'Hoi! test_retries_until_success is al een tijdje flaky in CI, en sinds Mark vorige week de backoff heeft verhoogd faalt hij bij mij elke keer op een timeout. ' +
      `${flakyFix[0].toUpperCase()}${flakyFix.slice(1)}? Tests draaien met python3 -m unittest. En ${stdlib}: die server hangt niet aan internet.`;
    const second = `Ja graag, ${close}. Maar ${api}, de webhooks-service importeert hem rechtstreeks.`;
    const third =
      'Laat maar, Joris herschrijft close() deze week toch, dan neemt hij die test mee. ' +
      `Iets anders: ${measure}? Er staat een trace van de ontvanger van gisteren in data/receiver-trace.csv. O, en ${noSleeps}, daar is CI te traag voor.`;
    const fourth = `Die staart is te lang, de klant wil de p99 onder de 3000 ms. ${lower[0].toUpperCase()}${lower.slice(1)}?`;
    const fifth = `Top, dank je. Laatste: ${readme}, dan kan Joris het zelf ook.`;

    return [
      {
        user: first,
        model: [
          [think('Running the tests first.'), say('Eerst de tests draaien.'), bash(tests, 'Run the tests')],
          [
            think(
              'The retry test sleeps for real: two failures mean 0.4 + 0.8 s of asyncio.sleep inside a wait_for of 1.0 s, so since the base went from 0.3 to 0.4 it can never make it, ' +
                `and before that it only had a tenth of a second to spare on a busy CI runner. Options: ${inject.alternative}, or ${inject.choice}. ` +
                `A longer timeout only makes the flake rarer and the suite slower. So ${inject.choice}: ${inject.reason}.`,
            ),
            edit('dispatcher/retry.py', retrySig, retrySigNew),
          ],
          [edit('dispatcher/retry.py', '            await asyncio.sleep(base * 2**attempt)\n', '            await sleep(base * 2**attempt)\n')],
          [edit('tests/test_retry.py', testOld, testNew)],
          [bash(tests, 'Run the tests')],
          [bash('for i in $(seq 20); do python3 -m unittest tests.test_retry 2>&1 | tail -n 1; done | sort | uniq -c', 'Run the retry tests twenty times')],
          [
            say(
              'test_retries_until_success is opgelost: with_retry krijgt de sleep-functie als parameter (standaard asyncio.sleep), en de test geeft een nep-sleep mee ' +
                'die alleen de wachttijden noteert. Geen echte wachttijd meer, en de test controleert nu ook de backoff zelf. Twintig keer achter elkaar groen.\n\n' +
                'Er faalt nog één test: test_close_drains_queue in tests/test_service.py. Die faalde al vóór mijn wijziging. Zal ik daarnaar kijken?',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Dutch-speaking user. The flaky retry test is fixed by injecting the sleep; one service test still fails.',
          intent: 'Fix the flaky timeout in the retry test; tests with python3 -m unittest; standard library only.',
          concepts: ['asyncio', 'unittest.IsolatedAsyncioTestCase', 'exponential backoff'],
          files: ['dispatcher/retry.py: with_retry takes a sleep parameter', 'tests/test_retry.py: fake sleep records the delays'],
          errors: ['The retry test timed out waiting on real sleeps; fixed', 'A close() test in test_service fails (it failed before)'],
          solving: 'The test no longer waits on the wall clock.',
          messages: ['Fix the flaky timeout test; python3 -m unittest; standard library only'],
          pending: ['Ask whether to look at the failing close() test'],
          current: 'Retry test fixed and stable.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: second,
        model: [
          [bash("sed -n '/async def _work/,$p' dispatcher/service.py", 'Show the worker loop and close()')],
          [
            think(
              'close() cancels the workers straight away, so whatever is still queued is dropped. The obvious fix is to wait for the queue to empty before cancelling; ' +
                'task_done is already called in the finally, so join() will return.',
            ),
            edit('dispatcher/service.py', '    async def close(self):\n        for task', `    async def close(self):\n        ${join.what}\n        for task`),
          ],
          [bash(tests, 'Run the tests')],
          [say(`Dat draai ik terug: ${join.why}.`), bash('git checkout -- dispatcher/service.py && git status --short', 'Undo the queue.join() change')],
          [bash(tests, 'Run the tests')],
          [
            say(
              'close() gooit nu alles weg wat nog in de wachtrij staat: de workers worden meteen geannuleerd. Wachten tot de wachtrij leeg is lost die test op, ' +
                'maar dan blijft close() hangen zolang een dode ontvanger nog retries krijgt (zie test_close_returns_quickly_when_receiver_down).\n\n' +
                'Echt oplossen kan met een deadline voor close(), maar dat is een extra parameter, dus een API-wijziging, en dat wilde je niet. Hoe wil je verder?',
            ),
          ],
        ],
      },
      {
        user: third,
        model: [
          [bash('head -n 4 data/receiver-trace.csv && wc -l data/receiver-trace.csv', 'Look at the receiver trace')],
          [
            think(
              'One row per attempt: status and the receiver time. The end-to-end latency per webhook is the attempts plus the backoff sleeps between them. ' +
                `Two ways to measure: ${virtual.alternative}, or ${virtual.choice}. ${virtual.reason[0].toUpperCase()}${virtual.reason.slice(1)}. ` +
                `So ${virtual.choice}, with the injectable sleep from the retry fix; the figures are then the same on every run.`,
            ),
            write('bench.py', BENCH),
          ],
          [bash('python3 bench.py', 'Run the benchmark')],
          [
            say(
              'bench.py speelt de trace af op een virtuele klok (ook de backoff-sleeps), dus hij is in een seconde klaar en geeft elke keer dezelfde cijfers. ' +
                'De staart komt van de webhooks die twee of drie keer opnieuw geprobeerd zijn: daar zit de backoff van 0,4, 0,8 en 1,6 s in.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'The close() test stays failing (a colleague rewrites close()); a latency benchmark over a receiver trace was added.',
          intent: 'Fix the flaky retry test (done); look at close() without changing the public API (left to Joris); measure what retries do to latency.',
          concepts: ['asyncio.Queue.join', 'virtual clock', 'latency percentiles'],
          files: ['bench.py: replays data/receiver-trace.csv through with_retry on a virtual clock'],
          errors: ['Waiting for the queue in close() made another test time out; reverted', 'The close() test still fails'],
          solving: 'The benchmark replays the trace without real sleeps.',
          messages: ['Look at close(), keep the public API of Dispatcher', 'Leave close() to Joris; measure retries vs latency; no real sleeps in new tests'],
          pending: [],
          current: 'Ran bench.py; the tail comes from retried webhooks.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: fourth,
        model: [
          [
            think(
              `The tail is the backoff. Either ${base.alternative} or ${base.choice}. Fewer attempts would cut the tail too, but ${base.reason}. ` +
                `So ${base.choice}; the waits become 0.2, 0.4 and 0.8 s.`,
            ),
            edit('dispatcher/retry.py', 'attempts=4, base=0.4, sleep=asyncio.sleep', 'attempts=4, base=0.2, sleep=asyncio.sleep'),
          ],
          [bash(tests, 'Run the tests')],
          [
            say('De retry-test controleert de wachttijden zelf, die moet mee met de nieuwe basis.'),
            edit('tests/test_retry.py', '        self.assertEqual(slept, [0.4, 0.8])\n', '        self.assertEqual(slept, [0.2, 0.4])\n'),
          ],
          [bash(`${tests}; python3 bench.py`, 'Run the tests and the benchmark')],
          [
            say(
              'De basis van de backoff is gehalveerd, vier pogingen blijven. Het aantal opgegeven webhooks blijft gelijk, de staart is flink korter (zie de bench-regel). ' +
                'De tests zijn groen behalve test_close_drains_queue (voor Joris).',
            ),
          ],
        ],
      },
      {
        user: fifth,
        model: [
          [
            edit(
              'README.md',
              'Tests: `python3 -m unittest`\n',
              'Tests: `python3 -m unittest`\n\n## Benchmark\n\n    python3 bench.py\n\n' +
                'Replays `data/receiver-trace.csv` (one row per delivery attempt: status and receiver time) through `with_retry` on a virtual clock, ' +
                'backoff sleeps included, and prints the p50/p95/p99 end-to-end latency per webhook. It takes about a second and gives the same figures every run.\n',
            ),
          ],
          [say('README aangevuld met een kopje Benchmark.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Dispatcher: retry test fixed, close() left to Joris, benchmark added, backoff lowered, README updated.',
          intent:
            'Fix the flaky retry test, look at close() (left to Joris), measure retry latency, lower the backoff without more give-ups, document bench.py. Standard library only; keep the Dispatcher API; no real sleeps in new tests.',
          concepts: ['asyncio', 'unittest', 'exponential backoff', 'virtual clock benchmark'],
          files: ['dispatcher/retry.py: injectable sleep, lower base', 'tests/test_retry.py', 'bench.py', 'README.md: Benchmark section'],
          errors: ['Retry test expected the old delays after the base change; updated', 'test_close_drains_queue still fails (Joris)'],
          solving: 'Lowering the base kept the number of give-ups and shortened the tail.',
          messages: ['Earlier messages are in the previous summaries', 'p99 too high for the customer; lower the backoff', 'Document bench.py in the README'],
          pending: ['close() draining: Joris'],
          current: 'README updated.',
          next: 'None.',
        }),
      },
    ];
  },
};
