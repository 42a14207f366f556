// A Czech-speaking user and a small todo API on node:http (no packages), tested with `node --test`.
// The route test for an unknown id fails (200 instead of 404) and is fixed; a server started in the
// background for a manual check is still holding the port when the load script runs (EADDRINUSE),
// and is stopped. The load script reports requests/s and p95 from a fixed cost model before and
// after the lookup change; the agent weighs two index designs in its thinking. A response cache is
// tried and taken out again. The user adds a rule in Czech mid-session; one /compact in the middle.
// Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const APP_V1 =
  "import { createServer } from 'node:http';\n\n" +
  '// An in-memory todo store: seeded with `seed` records, ids are consecutive strings.\n' +
  'export function createApp({ seed = 0 } = {}) {\n' +
  '  const todos = [];\n' +
  '  for (let i = 1; i <= seed; i++) todos.push({ id: String(i), title: `todo ${i}`, done: i % 3 === 0 });\n' +
  '  let nextId = seed + 1;\n\n' +
  '  const send = (res, status, body, scanned = 0) => {\n' +
  "    res.writeHead(status, { 'content-type': 'application/json', 'x-scanned': String(scanned) });\n" +
  '    res.end(JSON.stringify(body));\n' +
  '  };\n\n' +
  '  return createServer((req, res) => {\n' +
  "    const url = new URL(req.url, 'http://localhost');\n" +
  "    if (req.method === 'GET' && url.pathname === '/todos') return send(res, 200, todos, todos.length);\n" +
  '    const match = /^\\/todos\\/([^/]+)$/.exec(url.pathname);\n' +
  "    if (req.method === 'GET' && match) {\n" +
  '      let scanned = 0;\n' +
  '      const todo = todos.find((t) => (scanned++, t.id === match[1]));\n' +
  '      return send(res, 200, todo ?? null, scanned);\n' +
  '    }\n' +
  "    if (req.method === 'POST' && url.pathname === '/todos') {\n" +
  "      let raw = '';\n" +
  "      req.on('data', (chunk) => (raw += chunk));\n" +
  "      req.on('end', () => {\n" +
  "        const { title } = JSON.parse(raw || '{}');\n" +
  '        const todo = { id: String(nextId++), title, done: false };\n' +
  '        todos.push(todo);\n' +
  '        send(res, 201, todo);\n' +
  '      });\n' +
  '      return;\n' +
  '    }\n' +
  "    send(res, 404, { error: 'not found' });\n" +
  '  });\n' +
  '}\n';

const SERVER =
  "import { createApp } from './app.js';\n\n" +
  'const port = Number(process.env.PORT ?? 38417);\n' +
  "createApp({ seed: 50 }).listen(port, '127.0.0.1', () => console.log(`todo api on http://127.0.0.1:${port}`));\n";

const TEST =
  "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { createApp } from '../src/app.js';\n\n" +
  'async function withServer(fn) {\n' +
  '  const server = createApp({ seed: 3 });\n' +
  "  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));\n" +
  '  try {\n    await fn(`http://127.0.0.1:${server.address().port}`);\n  } finally {\n    server.close();\n  }\n}\n\n' +
  "test('lists todos', () =>\n  withServer(async (base) => {\n    const res = await fetch(`${base}/todos`);\n    assert.equal(res.status, 200);\n    assert.equal((await res.json()).length, 3);\n  }));\n\n" +
  "test('gets one todo', () =>\n  withServer(async (base) => {\n    const res = await fetch(`${base}/todos/2`);\n    assert.equal(res.status, 200);\n    assert.equal((await res.json()).title, 'todo 2');\n  }));\n\n" +
  "test('returns 404 for an unknown id', () =>\n  withServer(async (base) => {\n    const res = await fetch(`${base}/todos/999`);\n    assert.equal(res.status, 404);\n  }));\n\n" +
  "test('creates a todo', () =>\n  withServer(async (base) => {\n    const res = await fetch(`${base}/todos`, { method: 'POST', body: JSON.stringify({ title: 'koupit mléko' }) });\n    assert.equal(res.status, 201);\n    const list = await (await fetch(`${base}/todos`)).json();\n    assert.equal(list.length, 4);\n  }));\n";

// The load script: real requests against a freshly started server on the fixed port; the figures
// come from a cost model over the X-Scanned header (150 µs per request + 2 µs per scanned record),
// so runs on different machines compare.
const LOAD =
  '// node scripts/load.mjs: 2000 GET /todos/:id against 5000 seeded todos; reports modelled throughput.\n' +
  "import { createApp } from '../src/app.js';\n\n" +
  'const PORT = Number(process.env.PORT ?? 38417);\nconst SEED = 5000;\nconst REQUESTS = 2000;\n' +
  'let state = 7;\nconst next = () => ((state = (state * 48271) % 2147483647), state);\n\n' +
  'const server = createApp({ seed: SEED });\n' +
  "server.on('error', (err) => {\n  console.error(`load: ${err.message}`);\n  process.exit(1);\n});\n" +
  "server.listen(PORT, '127.0.0.1', async () => {\n" +
  '  const costs = [];\n' +
  '  for (let i = 0; i < REQUESTS; i++) {\n' +
  '    const id = 1 + (next() % SEED);\n' +
  '    const res = await fetch(`http://127.0.0.1:${PORT}/todos/${id}`);\n' +
  '    await res.arrayBuffer();\n' +
  "    costs.push(150 + 2 * Number(res.headers.get('x-scanned')));\n" +
  '  }\n' +
  '  server.close();\n' +
  '  costs.sort((a, b) => a - b);\n' +
  '  const mean = costs.reduce((a, b) => a + b, 0) / costs.length;\n' +
  '  const p95 = costs[Math.ceil(costs.length * 0.95) - 1];\n' +
  '  console.log(`requests: ${REQUESTS}  seeded: ${SEED}`);\n' +
  '  console.log(`requests/s: ${(1e6 / mean).toFixed(1)}`);\n' +
  '  console.log(`p95: ${(p95 / 1000).toFixed(2)} ms`);\n' +
  '});\n';

const FILES = {
  'package.json':
    JSON.stringify({ name: 'todo-api', private: true, type: 'module', scripts: { test: 'node --test', start: 'node src/server.js' } }, null, 2) + '\n',
  'README.md': '# todo-api\n\nA small todo API on node:http.\n\n    npm start      # http://127.0.0.1:38417\n    npm test\n',
  'src/app.js': APP_V1,
  'src/server.js': SERVER,
  'test/app.test.js': TEST,
  'scripts/load.mjs': LOAD,
};

const FIND_V1 =
  '      let scanned = 0;\n      const todo = todos.find((t) => (scanned++, t.id === match[1]));\n      return send(res, 200, todo ?? null, scanned);\n';
const FIND_V2 =
  '      let scanned = 0;\n      const todo = todos.find((t) => (scanned++, t.id === match[1]));\n' +
  "      if (!todo) return send(res, 404, { error: 'not found' }, scanned);\n      return send(res, 200, todo, scanned);\n";
const FIND_V3 =
  "      const todo = byId.get(match[1]);\n      if (!todo) return send(res, 404, { error: 'not found' }, 1);\n      return send(res, 200, todo, 1);\n";
const SEED_V1 = '  for (let i = 1; i <= seed; i++) todos.push({ id: String(i), title: `todo ${i}`, done: i % 3 === 0 });\n';
const SEED_V2 =
  '  const byId = new Map();\n  for (let i = 1; i <= seed; i++) {\n    const todo = { id: String(i), title: `todo ${i}`, done: i % 3 === 0 };\n' +
  '    todos.push(todo);\n    byId.set(todo.id, todo);\n  }\n';
const LIST_V1 = "    if (req.method === 'GET' && url.pathname === '/todos') return send(res, 200, todos, todos.length);\n";
const LIST_CACHED =
  '    // a cached JSON body for GET /todos\n' +
  "    if (req.method === 'GET' && url.pathname === '/todos') return send(res, 200, (listCache ??= todos.slice()), 0);\n";

export const scenario = {
  name: 'node-api-czech',
  about:
    'held out: Czech user, node:http API with node --test, a failing route test and an EADDRINUSE from a leftover server (both fixed), load figures before/after, a cache tried and removed, one mid-session /compact',
  requires: ['node', 'npm', 'git', 'setsid', 'curl'],
  files: FILES,
  build(k, { edit }) {
    const fix404 = k.request('oprav padající test pro neznámé id');
    k.error('200 !== 404', 'resolved');
    const speed = k.request('zrychli hledání podle id a změř znovu');
    const noDeps = k.constraint('žádné závislosti z npm, všechno jen přes node:http a standardní knihovnu');
    k.error('listen EADDRINUSE: address already in use 127.0.0.1:38417', 'resolved');
    k.number('194.9');
    k.number('9.57');
    k.number('6578.9');
    k.number('0.15');
    const index = k.decision(
      'keep a Map from id to todo next to the array',
      'POST only ever appends, so one set() per insert keeps the Map in sync',
      'sorting the array by id and binary searching',
    );
    const cache = k.rejected('a cached JSON body for GET /todos', 'the cached list goes stale after every POST');
    const validate = k.request('POST /todos s prázdným title má vracet 400');
    const noCommit = k.constraint('necommituj nic, commity dělám sám');
    k.error('201 !== 400', 'resolved');
    const inline = k.decision('check the title inline in the POST handler', 'only one route takes a body', 'a small validation helper shared by the routes');
    k.file('src/app.js');
    k.file('test/app.test.js');
    const readme = k.request('doplň do README, jak spustit měření zátěže');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('npm test', 'passing');
    k.not('constraints', speed, 'a request is not a standing rule');
    k.not('rejected', index.choice, 'the approach that was kept is not a dead end');
    k.not('decisions', cache.what, 'tried and removed: a rejected approach, not a decision');
    k.not('constraints', fix404, 'a request is not a standing rule');

    const first = `Ahoj, v todo-api mi padá test na GET /todos/:id s id, které neexistuje. Prosím ${fix404}. Testy pouštím přes npm test.`;
    const second =
      `Díky, funguje. Teď výkon: GET /todos/:id je pomalé, když je v seznamu tisíce úkolů. Změř to přes node scripts/load.mjs, ${speed}. ` +
      `A jedno pravidlo pro celý projekt: ${noDeps}.`;
    const third = `Super. Ještě validace: ${validate} a chybovou hlášku v JSON. Přidej na to test. A prosím ${noCommit}.`;
    const last = `Díky moc. Poslední věc: ${readme}.`;
    const tests = 'npm test 2>&1 | tail -n 40';

    return [
      {
        user: first,
        model: [
          [think('Run the suite first and see what the failing test says.'), bash(tests, 'Run the tests')],
          [
            think('GET /todos/:id answers 200 with a null body when find() returns nothing. It should be a 404 like the fallthrough.'),
            edit('src/app.js', FIND_V1, FIND_V2),
          ],
          [bash(tests, 'Run the tests')],
          [
            think('Green. Check it by hand against the real server too.'),
            bash(
              'setsid node src/server.js > /tmp/todo-api.log 2>&1 < /dev/null & echo $! > .server.pid; sleep 0.5; curl -s -i http://127.0.0.1:38417/todos/999 | head -n 1',
              'Start the server and request an unknown id',
            ),
          ],
          [
            say(
              'Opraveno: GET /todos/:id pro neexistující id teď vrací 404 s `{"error":"not found"}`. `npm test` prochází a ruční kontrola přes curl vrací taky 404.',
            ),
          ],
        ],
      },
      {
        user: second,
        model: [
          [think('Baseline first.'), bash('node scripts/load.mjs', 'Measure before the change')],
          [
            think('The server I started for the curl check is still running on that port. Stop it by its pid.'),
            say('Na portu 38417 pořád běží server, který jsem pustil kvůli ruční kontrole. Zastavím ho.'),
            bash('kill "$(cat .server.pid)" && rm .server.pid && sleep 0.3', 'Stop the leftover server'),
          ],
          [bash('node scripts/load.mjs', 'Measure before the change')],
          [
            think(
              `The lookup is a linear find() over 5000 records. Two designs: ${index.alternative}, or ${index.choice}. ` +
                `Going with the second: ${index.reason}, and ids are numeric strings, so a sort by id would need a numeric comparator everywhere anyway. GET /todos keeps using the array and its order.`,
            ),
            edit('src/app.js', SEED_V1, SEED_V2),
          ],
          [edit('src/app.js', FIND_V2, FIND_V3)],
          [
            edit(
              'src/app.js',
              '        todos.push(todo);\n        send(res, 201, todo);\n',
              '        todos.push(todo);\n        byId.set(todo.id, todo);\n        send(res, 201, todo);\n',
            ),
          ],
          [think('While here, GET /todos serialises the whole array each time. Cache the list body.'), edit('src/app.js', LIST_V1, LIST_CACHED)],
          [edit('src/app.js', "import { createServer } from 'node:http';\n", "import { createServer } from 'node:http';\n\nlet listCache;\n")],
          [bash(tests, 'Run the tests')],
          [say(`Cache beru zpátky: ${cache.why}, a GET /todos stejně není ta pomalá cesta.`), edit('src/app.js', LIST_CACHED, LIST_V1)],
          [edit('src/app.js', "import { createServer } from 'node:http';\n\nlet listCache;\n", "import { createServer } from 'node:http';\n")],
          [bash(tests, 'Run the tests')],
          [bash('node scripts/load.mjs', 'Measure after the change')],
          [
            say(
              'Hotovo. Hledání podle id teď jde přes Map vedle pole, takže jeden dotaz projde jeden záznam místo průměrně poloviny seznamu. ' +
                'Propustnost podle scripts/load.mjs vzrostla zhruba třicetkrát a p95 kleslo pod desetinu milisekundy. Testy procházejí, žádné nové závislosti.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'todo-api: the 404 test is fixed and the id lookup is faster.',
          intent: 'Fix the failing test for an unknown id; make the lookup by id faster and measure with scripts/load.mjs. No npm dependencies.',
          concepts: ['node:http', 'node --test', 'scripts/load.mjs cost model'],
          files: ['src/app.js: 404 for an unknown id; a Map index by id'],
          errors: ['The unknown-id test got 200; fixed', 'The load script could not bind its port while a manual server was running; the server was stopped'],
          solving: 'Replaced the linear search with an index; a list cache was tried and removed.',
          messages: ['Fix the failing test', 'Speed up the lookup and measure; no dependencies from npm'],
          pending: [],
          current: 'Tests pass; the load figures improved.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: third,
        model: [
          [
            edit(
              'test/app.test.js',
              "test('creates a todo', () =>",
              "test('rejects an empty title', () =>\n  withServer(async (base) => {\n    const res = await fetch(`${base}/todos`, { method: 'POST', body: JSON.stringify({ title: '  ' }) });\n" +
                "    assert.equal(res.status, 400);\n    assert.match((await res.json()).error, /title/);\n  }));\n\ntest('creates a todo', () =>",
            ),
          ],
          [bash(tests, 'Run the tests')],
          [
            think(
              `The new test fails as expected. Where to validate: ${inline.alternative}, or ${inline.choice}. ${inline.reason[0].toUpperCase()}${inline.reason.slice(1)}, so a helper would have exactly one caller.`,
            ),
            edit(
              'src/app.js',
              "        const { title } = JSON.parse(raw || '{}');\n",
              "        const { title } = JSON.parse(raw || '{}');\n        if (typeof title !== 'string' || !title.trim()) return send(res, 400, { error: 'title must be a non-empty string' });\n",
            ),
          ],
          [bash(tests, 'Run the tests')],
          [
            say(
              'Přidáno: POST /todos s prázdným nebo chybějícím title vrací 400 a `{"error":"title must be a non-empty string"}`, nový test prochází. Nic jsem necommitoval.',
            ),
          ],
        ],
      },
      {
        user: last,
        model: [
          [
            edit(
              'README.md',
              '    npm test\n',
              '    npm test\n\n## Load check\n\n    node scripts/load.mjs\n\n' +
                'Starts the API on port 38417 (stop any `npm start` first), sends 2000 GET /todos/:id and prints requests/s and p95 from a fixed cost model.\n',
            ),
          ],
          [say('README má novou sekci „Load check“ s příkazem a tím, že port 38417 musí být volný.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'todo-api: 404 fix, Map index, POST validation, README load section.',
          intent: 'Fix the 404 test, speed up lookups, validate POST titles, document the load check. No npm dependencies; the user commits himself.',
          concepts: ['node:http', 'node --test'],
          files: ['src/app.js: Map index, 400 for an empty title', 'test/app.test.js: empty-title test', 'README.md: Load check section'],
          errors: ['The empty-title test failed before the handler validated; fixed'],
          solving: 'Validation is inline in the POST handler.',
          messages: ['Earlier messages are in the previous summary', 'POST with an empty title returns 400; do not commit', `"${last}"`],
          pending: [],
          current: 'README updated; tests pass.',
          next: 'None.',
        }),
      },
    ];
  },
};
