// A Persian-speaking user (right-to-left text with English code terms mixed in) and an exchange-rate
// service on plain node:http (no Express), tested with node --test. The model writes no thinking at
// all, only short Persian texts that carry its choices. scripts/load.mjs replays recorded bank
// latencies (fixtures/upstream-latency.json) through a local server, so its requests/s, p50 and p95
// compare across machines; the agent adds p50/p95 (an ESM import without its extension fails once).
// GET /rates/:base asks the upstream once per target currency; a 60 s cache is committed, breaks the
// admin-update test and is undone with `git revert --no-edit HEAD`; one upstream call per request
// stays. A temporary autocannon install is refused. /convert is added (a float result fails its
// test once). A colleague's toman test fails from the start and is left failing on the user's word.
// Two /compact: one mid-session, one at the end. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say } from '../kit.mjs';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'AED', 'TRY', 'IRR'];
const PER_USD = { USD: 1, EUR: 0.92, GBP: 0.79, AED: 3.6725, TRY: 34.1, IRR: 612500 };

function seedRates() {
  const table = {};
  for (const base of CURRENCIES) {
    table[base] = {};
    for (const target of CURRENCIES) {
      if (target !== base) table[base][target] = Number((PER_USD[target] / PER_USD[base]).toPrecision(6));
    }
  }
  return table;
}

function recordedLatencies() {
  let seed = 1403_0909;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const out = [];
  for (let i = 0; i < 240; i++) {
    const slow = rand() < 0.08 ? 40 + rand() * 90 : 0;
    out.push(Number((7 + rand() * 9 + rand() * rand() * 14 + slow).toFixed(1)));
  }
  return out;
}

const SEED = `// Rates the dev upstream starts with (per unit of the base currency), taken from the bank's sandbox.
export const RATES = ${JSON.stringify(seedRates(), null, 2)};
`;

const UPSTREAM = `// A stand-in for the bank's rate API (the real client lives in ops/). Every call "costs" the next
// recorded latency from fixtures/upstream-latency.json, returned to the caller as \`ms\`.
import { readFileSync } from 'node:fs';

const RECORDED = JSON.parse(readFileSync(new URL('../fixtures/upstream-latency.json', import.meta.url), 'utf8'));

export function createUpstream({ rates, latencies = RECORDED }) {
  const table = structuredClone(rates);
  let next = 0;
  const cost = () => latencies[next++ % latencies.length];
  return {
    /** One rate: { value, ms }. */
    async rate(base, target) {
      return { value: table[base]?.[target], ms: cost() };
    },
    /** Every rate of a base in one call: { values, ms }. */
    async table(base) {
      return { values: table[base] ? { ...table[base] } : undefined, ms: cost() };
    },
    set(base, target, value) {
      table[base][target] = value;
    },
  };
}
`;

const FORMAT = `/** Display form of an amount: "USD 12.50", "612,500 rial". */
export function formatAmount(value, currency) {
  if (currency === 'IRR') return \`\${Math.round(value).toLocaleString('en-US')} rial\`;
  return \`\${currency} \${value.toFixed(2)}\`;
}
`;

const RATES_ROUTE = `    const rates = url.pathname.match(/^\\/rates\\/([A-Z]{3})$/);
    if (req.method === 'GET' && rates) {
      const base = rates[1];
      let spent = 0;
      const out = {};
      for (const target of CURRENCIES) {
        if (target === base) continue;
        const { value, ms } = await upstream.rate(base, target);
        spent += ms;
        if (value === undefined) return send(res, 404, { error: \`unknown currency: \${base}\` }, spent);
        out[target] = value;
      }
      return send(res, 200, { base, rates: out }, spent);
    }
`;

const SERVER = `import { createServer } from 'node:http';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'AED', 'TRY', 'IRR'];

function send(res, status, body, upstreamMs = 0) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-upstream-ms': String(upstreamMs) });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readJson(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return JSON.parse(raw || '{}');
}

export function createApp({ upstream }) {
  return createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
${RATES_ROUTE}
    const admin = url.pathname.match(/^\\/admin\\/rates\\/([A-Z]{3})\\/([A-Z]{3})$/);
    if (req.method === 'PUT' && admin) {
      const { value } = await readJson(req);
      if (typeof value !== 'number' || !(value > 0)) return send(res, 400, { error: 'value must be a positive number' });
      upstream.set(admin[1], admin[2], value);
      return send(res, 204);
    }
    send(res, 404, { error: 'not found' });
  });
}
`;

const MAIN = `import { createApp } from './server.js';
import { createUpstream } from './upstream.js';
import { RATES } from './seed.js';

const port = Number(process.env.PORT ?? 8731);
createApp({ upstream: createUpstream({ rates: RATES }) }).listen(port, '127.0.0.1', () => console.log(\`nerkh on http://127.0.0.1:\${port}\`));
`;

const WITH_SERVER = `async function withServer(fn) {
  const server = createApp({ upstream: createUpstream({ rates: RATES, latencies: [1] }) });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn(\`http://127.0.0.1:\${server.address().port}\`);
  } finally {
    server.close();
  }
}
`;

const RATES_TEST = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../src/server.js';
import { createUpstream } from '../src/upstream.js';
import { RATES } from '../src/seed.js';

${WITH_SERVER}
test('lists every other currency for a base', () =>
  withServer(async (base) => {
    const res = await fetch(\`\${base}/rates/USD\`);
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys((await res.json()).rates), ['EUR', 'GBP', 'AED', 'TRY', 'IRR']);
  }));

test('returns 404 for an unknown base', () =>
  withServer(async (base) => {
    const res = await fetch(\`\${base}/rates/XYZ\`);
    assert.equal(res.status, 404);
  }));

test('serves the new rate right after an update', () =>
  withServer(async (base) => {
    const before = await (await fetch(\`\${base}/rates/USD\`)).json();
    assert.equal(before.rates.IRR, 612500);
    const put = await fetch(\`\${base}/admin/rates/USD/IRR\`, { method: 'PUT', body: JSON.stringify({ value: 598000 }) });
    assert.equal(put.status, 204);
    const after = await (await fetch(\`\${base}/rates/USD\`)).json();
    assert.equal(after.rates.IRR, 598000);
  }));
`;

const FORMAT_TEST = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmount } from '../src/format.js';

test('formats USD amounts', () => {
  assert.equal(formatAmount(12.5, 'USD'), 'USD 12.50');
});

// product wants IRR shown in toman (1 toman = 10 rial); Sara added this ahead of the sign-off
test('formats IRR amounts in toman', () => {
  assert.equal(formatAmount(612500, 'IRR'), '61,250 toman');
});
`;

const LOAD_IMPORTS =
  "import { createApp } from '../src/server.js';\nimport { createUpstream } from '../src/upstream.js';\nimport { RATES } from '../src/seed.js';\n";
const LOAD_REPORT = 'console.log(`requests: ${REQUESTS}`);\nconsole.log(`requests/s: ${(1000 / mean).toFixed(1)}`);\n';
const LOAD = `// node scripts/load.mjs: ${'${REQUESTS}'} GET /rates/:base against a local server whose upstream replays the
// recorded bank latencies (fixtures/upstream-latency.json), so runs compare across machines. A request's
// latency is our own handler time (OVERHEAD_MS, measured once) plus what the upstream cost it.
${LOAD_IMPORTS}
const REQUESTS = 1000;
const OVERHEAD_MS = 0.6;
const BASES = ['USD', 'EUR', 'GBP', 'AED', 'TRY'];

const server = createApp({ upstream: createUpstream({ rates: RATES }) });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const latencies = [];
for (let i = 0; i < REQUESTS; i++) {
  const res = await fetch(\`http://127.0.0.1:\${port}/rates/\${BASES[i % BASES.length]}\`);
  await res.arrayBuffer();
  latencies.push(OVERHEAD_MS + Number(res.headers.get('x-upstream-ms')));
}
server.close();

const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
${LOAD_REPORT}`.replace("${'${REQUESTS}'}", '1000');

const README =
  '# nerkh\n\nنرخ ارز برای اپ صرافی‌ها، روی node:http (بدون Express).\n\n    npm start    # http://127.0.0.1:8731\n    npm test\n\n' +
  '- `GET /rates/:base` همهٔ نرخ‌های یک ارز\n- `PUT /admin/rates/:base/:target` با `{"value": …}` (فقط شبکهٔ داخلی)\n';

const FILES = {
  '.gitignore': 'node_modules/\n',
  'package.json':
    JSON.stringify({ name: 'nerkh', version: '0.4.0', private: true, type: 'module', scripts: { start: 'node src/main.js', test: 'node --test' } }, null, 2) +
    '\n',
  'README.md': README,
  'src/server.js': SERVER,
  'src/upstream.js': UPSTREAM,
  'src/format.js': FORMAT,
  'src/seed.js': SEED,
  'src/main.js': MAIN,
  'fixtures/upstream-latency.json': JSON.stringify(recordedLatencies()) + '\n',
  'scripts/load.mjs': LOAD,
  'test/rates.test.js': RATES_TEST,
  'test/format.test.js': FORMAT_TEST,
};

const STATS = `/** Nearest-rank percentile (p in 0..100) of values sorted ascending. */
export function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
`;
const LOAD_IMPORTS_STATS = (spec) => `${LOAD_IMPORTS}import { percentile } from '${spec}';\n`;
const LOAD_REPORT_NEW =
  LOAD_REPORT +
  'const sorted = latencies.toSorted((a, b) => a - b);\nconsole.log(`p50: ${percentile(sorted, 50).toFixed(1)} ms`);\nconsole.log(`p95: ${percentile(sorted, 95).toFixed(1)} ms`);\n';

const CACHE_DECL_OLD = 'export function createApp({ upstream }) {\n';
const CACHE_DECL_NEW = 'export function createApp({ upstream }) {\n  // rates cache: 60 s TTL in front of upstream\n  const cache = new Map();\n';
const CACHE_USE_OLD = '      const base = rates[1];\n      let spent = 0;\n';
const CACHE_USE_NEW =
  '      const base = rates[1];\n      const hit = cache.get(base);\n      if (hit && Date.now() - hit.at < 60_000) return send(res, 200, hit.body, 0);\n      let spent = 0;\n';
const CACHE_STORE_OLD = '      return send(res, 200, { base, rates: out }, spent);\n';
const CACHE_STORE_NEW = '      cache.set(base, { at: Date.now(), body: { base, rates: out } });\n      return send(res, 200, { base, rates: out }, spent);\n';

const TABLE_ROUTE = `    const rates = url.pathname.match(/^\\/rates\\/([A-Z]{3})$/);
    if (req.method === 'GET' && rates) {
      const base = rates[1];
      const { values, ms } = await upstream.table(base);
      if (values === undefined) return send(res, 404, { error: \`unknown currency: \${base}\` }, ms);
      const out = {};
      for (const target of CURRENCIES) if (target !== base) out[target] = values[target];
      return send(res, 200, { base, rates: out }, ms);
    }
`;

const CONVERT_AT = '    const admin = url.pathname.match(';
const convertRoute = (round) => `    if (req.method === 'GET' && url.pathname === '/convert') {
      const from = url.searchParams.get('from');
      const to = url.searchParams.get('to');
      const amount = Number(url.searchParams.get('amount'));
      if (!url.searchParams.get('amount') || !Number.isFinite(amount)) return send(res, 400, { error: 'amount must be a number' });
      const { values, ms } = await upstream.table(from);
      const rate = values?.[to];
      if (rate === undefined) return send(res, 400, { error: \`unknown currency pair: \${from}/\${to}\` }, ms);
      const result = ${round ? 'Number((amount * rate).toFixed(6))' : 'amount * rate'};
      return send(res, 200, { from, to, amount, rate, result, display: formatAmount(result, to) }, ms);
    }

`;
const CONVERT_TEST = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../src/server.js';
import { createUpstream } from '../src/upstream.js';
import { RATES } from '../src/seed.js';

async function get(path) {
  const server = createApp({ upstream: createUpstream({ rates: RATES, latencies: [1] }) });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(\`http://127.0.0.1:\${server.address().port}\${path}\`);
    return { status: res.status, body: await res.json() };
  } finally {
    server.close();
  }
}

test('converts USD to EUR', async () => {
  const { status, body } = await get('/convert?from=USD&to=EUR&amount=10');
  assert.equal(status, 200);
  assert.equal(body.result, 9.2);
  assert.equal(body.display, 'EUR 9.20');
});

test('rejects an unknown currency with a JSON error', async () => {
  const { status, body } = await get('/convert?from=USD&to=XYZ&amount=1');
  assert.equal(status, 400);
  assert.match(body.error, /XYZ/);
});

test('rejects a missing or non-numeric amount', async () => {
  for (const amount of ['', 'abc']) {
    const { status, body } = await get(\`/convert?from=USD&to=EUR&amount=\${amount}\`);
    assert.equal(status, 400);
    assert.match(body.error, /amount/);
  }
});
`;

const README_OLD = '- `PUT /admin/rates/:base/:target` با `{"value": …}` (فقط شبکهٔ داخلی)\n';
const README_NEW =
  README_OLD +
  '- `GET /convert?from=USD&to=EUR&amount=100` تبدیل مبلغ؛ ارز یا مبلغ نامعتبر: `400` با `{"error": "…"}`\n\n' +
  '## اندازه‌گیری\n\n    node scripts/load.mjs\n\n' +
  '۱۰۰۰ درخواست `GET /rates/:base` روی یک سرور محلی؛ latency بانک از `fixtures/upstream-latency.json` بازپخش می‌شود، پس عددها روی هر ماشینی قابل مقایسه‌اند. خروجی: `requests/s`، `p50` و `p95`.\n';

export const scenario = {
  name: 'node-http-persian',
  about:
    "held out: Persian user (RTL with English code terms), node:http rates service with node --test, no thinking at all, a replayed-latency load script gaining p50/p95, a committed cache undone with git revert --no-edit HEAD, a refused autocannon install, a colleague's toman test left failing, two /compact",
  requires: ['node', 'npm', 'git'],
  thinking: false,
  files: FILES,
  build(k, { edit, write }) {
    const pctReq = k.request('p50 و p95 را هم به خروجی‌اش اضافه کن');
    const noDeps = k.constraint('هیچ dependency جدیدی اضافه نکن');
    k.error('✖ formats IRR amounts in toman', 'unresolved');
    const refusal = k.refusal('نه، گفتم dependency نه. همان scripts/load.mjs کافی است');
    const pct = k.decision('nearest-rank روی latencyهای مرتب‌شده', 'عددش همیشه یکی از latencyهای واقعاً دیده‌شده است', 'درون‌یابی بین دو نمونهٔ کناری');
    k.file('scripts/stats.mjs');
    k.file('scripts/load.mjs');
    k.error('ERR_MODULE_NOT_FOUND', 'resolved');
    k.number('9.8');
    k.number('76.9');
    k.number('179.1');
    const speedReq = k.request('GET /rates/:base را سریع‌تر کن');
    const commits = k.constraint('هر تغییر را در یک commit جدا بگذار');
    const cache = k.rejected('rates cache: 60 s TTL', 'با cache، نرخ تا ۶۰ ثانیه کهنه می‌ماند و تغییری که از PUT /admin/rates می‌آید دیده نمی‌شود');
    k.error('✖ serves the new rate right after an update', 'resolved');
    const table = k.decision(
      'یک فراخوانی upstream.table() برای هر درخواست',
      'upstream هر فراخوانی را جدا از سهمیهٔ بانک کم می‌کند',
      'Promise.all روی فراخوانی‌های تک‌ارزی',
    );
    k.file('src/server.js');
    k.number('48.4');
    k.number('16.0');
    k.number('78.0');
    const convertReq = k.request('یک endpoint جدید اضافه کن: GET /convert?from=USD&to=EUR&amount=100');
    const jsonErrors = k.constraint('پاسخ خطاها همیشه JSON باشد با فیلد error');
    const status400 = k.decision('پاسخ 400 با فیلد error', 'مسیر /convert وجود دارد و فقط query غلط است', 'پاسخ 404 مثل مسیرهای ناشناخته');
    k.file('test/convert.test.js');
    k.error('✖ converts USD to EUR', 'resolved');
    const readme = k.request('README را برای /convert و scripts/load.mjs به‌روز کن');
    k.file('README.md');
    k.lastRequest(readme);
    k.check('npm test', 'failing');
    k.not('numbers', '250', 'a figure the user typed, not a measurement');
    k.not('constraints', convertReq, 'a request is not a standing rule');
    k.not('decisions', cache.what, 'committed and reverted: a rejected approach, not a decision');
    k.not('rejected', table.choice, 'the approach that was kept is not a dead end');
    k.not('errors', 'همان scripts/load.mjs کافی است', "the user's refusal is not a tool error");

    const tests = 'npm test 2>&1 | tail -n 30';
    const summary = "npm test 2>&1 | grep -E '^ℹ (tests|pass|fail)|✖'";
    const autocannon = 'npm install --no-save autocannon';

    return [
      {
        user:
          'سلام 🌿 سرویس nerkh (بدون Express، فقط node:http) کند شده، مخصوصاً GET /rates/:base. ' +
          `اول با scripts/load.mjs اندازه بگیر و ${pctReq}، الان فقط requests/s می‌دهد. ${noDeps}، فقط node:http و node:test. ` +
          'برای اطلاع: توی production حدود 250 درخواست در دقیقه داریم.',
        model: [
          [say('اول تست‌ها را اجرا می‌کنم.'), bash(tests, 'Run the tests')],
          [
            say('یک تست از قبل قرمز است (toman در test/format.test.js) و به سرعت ربطی ندارد؛ دستش نمی‌زنم. حالا baseline:'),
            bash('node scripts/load.mjs', 'Baseline load run'),
          ],
          [say('برای عدد دقیق‌تر، autocannon را موقتاً و بدون ذخیره در package.json نصب می‌کنم.'), bash(autocannon, 'Install autocannon temporarily')],
          [
            say(`باشد، فقط با scripts/load.mjs. برای p50 و p95 از ${pct.choice} استفاده می‌کنم، نه ${pct.alternative}، چون ${pct.reason}.`),
            write('scripts/stats.mjs', STATS),
          ],
          [edit('scripts/load.mjs', LOAD_IMPORTS, LOAD_IMPORTS_STATS('./stats'))],
          [edit('scripts/load.mjs', LOAD_REPORT, LOAD_REPORT_NEW)],
          [bash('node scripts/load.mjs', 'Load run with percentiles')],
          [say('ESM بدون پسوند فایل را پیدا نمی‌کند.'), edit('scripts/load.mjs', LOAD_IMPORTS_STATS('./stats'), LOAD_IMPORTS_STATS('./stats.mjs'))],
          [bash('node scripts/load.mjs', 'Load run with percentiles')],
          [bash('git add scripts/ && git commit -qm "load: report p50 and p95" && git log --oneline -1', 'Commit')],
          [
            say(
              'p50 و p95 به خروجی `scripts/load.mjs` اضافه شد (در `scripts/stats.mjs`) و commit شد.\n\n' +
                'علت کندی: `GET /rates/:base` برای هر ارز مقصد یک درخواست جدا و پشت‌سرهم به upstream می‌فرستد، یعنی پنج بار latency بانک برای هر درخواست. p95 هم به همین خاطر بالاست. سریع‌ترش کنم؟',
            ),
          ],
        ],
        refuse: { [autocannon]: refusal },
      },
      {
        user: `آره، ${speedReq}. ${commits} که اگر لازم شد راحت برگردیم.`,
        model: [
          [say('اول ساده‌ترین راه: یک cache کوچک جلوی upstream.'), edit('src/server.js', CACHE_DECL_OLD, CACHE_DECL_NEW)],
          [edit('src/server.js', CACHE_USE_OLD, CACHE_USE_NEW)],
          [edit('src/server.js', CACHE_STORE_OLD, CACHE_STORE_NEW)],
          [bash('node scripts/load.mjs', 'Load run with the cache')],
          [bash('git commit -qam "rates: cache upstream answers for 60 s" && git log --oneline -1', 'Commit the cache')],
          [bash(tests, 'Run the tests')],
          [say(`cache را revert می‌کنم: ${cache.why}.`), bash('git revert --no-edit HEAD && git log --oneline -3', 'Revert the cache commit')],
          [say(`به جای cache: ${table.choice}، نه ${table.alternative}، چون ${table.reason}.`), edit('src/server.js', RATES_ROUTE, TABLE_ROUTE)],
          [bash('node scripts/load.mjs', 'Load run')],
          [bash(summary, 'Run the tests')],
          [bash('git commit -qam "rates: one upstream call per request" && git log --oneline -4', 'Commit')],
          [
            say(
              'انجام شد، در commitهای جدا:\n\n- cache امتحان شد، تست به‌روزرسانی نرخ را شکست و با `git revert` برگشت\n' +
                '- `GET /rates/:base` حالا فقط یک بار upstream را صدا می‌زند (`upstream.table()`)، نرخ‌ها همیشه تازه‌اند\n\n' +
                'requests/s چند برابر شد و p95 خیلی پایین آمد. تست toman هنوز قرمز است.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Persian user. nerkh: exchange rates over node:http, node --test, a load script with replayed upstream latencies.',
          intent: 'Measure GET /rates/:base, add p50/p95 to the load script, make it faster. No new dependencies; one commit per change.',
          concepts: ['node:http without Express', 'node --test', 'replayed upstream latencies', 'percentiles'],
          files: ['scripts/stats.mjs: percentile', 'scripts/load.mjs: p50/p95', 'src/server.js: one upstream call per request'],
          errors: [
            'The load script import needed its file extension; fixed',
            'The cache broke the rate-update test; reverted',
            'The toman formatting test was already failing',
          ],
          solving: 'A response cache was committed and reverted. The user refused installing a load tool.',
          messages: ['Measure, add p50/p95; no new dependencies', 'Make GET /rates/:base faster; one commit per change'],
          pending: ['toman test'],
          current: 'Rates route makes one upstream call; committed.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `عالی 👌 تست toman را فعلاً ول کن، product هنوز بین ریال و تومان تصمیم نگرفته. حالا ${convertReq}. ${jsonErrors}.`,
        model: [
          [
            say(`برای ارز ناشناخته یا مبلغ نامعتبر ${status400.choice} برمی‌گردانم، نه ${status400.alternative}، چون ${status400.reason}.`),
            edit('src/server.js', CONVERT_AT, convertRoute(false) + CONVERT_AT),
          ],
          [
            edit(
              'src/server.js',
              "import { createServer } from 'node:http';\n",
              "import { createServer } from 'node:http';\nimport { formatAmount } from './format.js';\n",
            ),
          ],
          [write('test/convert.test.js', CONVERT_TEST)],
          [bash('node --test test/convert.test.js 2>&1 | tail -n 25', 'Run the convert tests')],
          [
            say('خطای float: ۱۰ ضرب در 0.92 دقیقاً ۹٫۲ نمی‌شود. نتیجه را به ۶ رقم اعشار گرد می‌کنم.'),
            edit('src/server.js', '      const result = amount * rate;\n', '      const result = Number((amount * rate).toFixed(6));\n'),
          ],
          [bash('node --test test/convert.test.js 2>&1 | tail -n 9', 'Run the convert tests')],
          [bash(summary, 'Run all tests')],
          [bash('git add src/server.js test/convert.test.js && git commit -qm "convert endpoint" && git log --oneline -1', 'Commit')],
          [
            say(
              '`GET /convert` اضافه شد:\n\n- `from`، `to`، `amount` → `{ from, to, amount, rate, result, display }`\n- ارز یا مبلغ نامعتبر: `400` با `{"error": "…"}`\n\n' +
                'سه تست جدید در `test/convert.test.js` سبزند؛ فقط تست toman قرمز مانده.',
            ),
          ],
        ],
      },
      {
        user: `مرسی. ${readme}.`,
        model: [
          [edit('README.md', README_OLD, README_NEW)],
          [bash(summary, 'Run the tests')],
          [bash('git commit -qam "README: convert and load script" && git log --oneline -1', 'Commit')],
          [say('README به‌روز شد: `/convert` در فهرست endpointها و یک بخش «اندازه‌گیری» برای `scripts/load.mjs`. تست toman همچنان قرمز است، طبق خواستهٔ شما.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'nerkh: faster rates route, /convert endpoint, README.',
          intent:
            'Speed up the rates route, add GET /convert with JSON errors, document /convert and the load script. No new dependencies; one commit per change.',
          concepts: ['node:http', 'node --test', 'floating point rounding'],
          files: ['src/server.js: /convert', 'test/convert.test.js: three tests', 'README.md: /convert and measuring'],
          errors: ['USD to EUR came out with a float tail; rounded', 'The toman test still fails (waiting for product)'],
          solving: 'Unknown currencies and bad amounts return 400 with an error field.',
          messages: ['Earlier messages are in the previous summary', 'Leave the toman test; add /convert; errors as JSON', 'Update the README'],
          pending: ['toman test: waiting for product'],
          current: 'README committed.',
          next: 'None.',
        }),
      },
    ];
  },
};
