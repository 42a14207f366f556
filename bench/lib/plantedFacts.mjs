// The planted-fact session for `npm run bench:facts`: a warehouse-inventory project and a scripted
// model that works on it through the real `claude` CLI over ten user turns and a /compact. Every fact
// the handover must carry is planted in exactly the place the category names (a failing command's
// error only in its tool result, a decision only in thinking, …) and listed with the exact strings
// that must survive. checkPlanting() verifies those places in the real log, so a scenario edit that
// leaks a fact into the extract (or never plants it) fails loudly instead of skewing the figures.
//
// Exports
//   CATEGORIES                 [{ id, label, analyst, rule }] in report order
//   makePlantedFactsProject()  → { files: {relPath: text}, measured: {key: string} } (deterministic)
//   plantedFactsScenario(measured) → { turns: ({ project }) => [{ prompt, model }], summary, facts }
//       facts: [{ id, category, strings: [...] }]; every string must appear in a file for the fact
//       to count as present there.
//   logPlaces(logText) → Map<string, { place, line }[]> helper: the text of each place in a log
//   checkPlanting(facts, logText) → string[] (problems; empty when every fact sits where its rule says)
//   factPresent(fact, text) → boolean   case-insensitive, whitespace- and Markdown-escape-tolerant

export const CATEGORIES = [
  { id: 'files', label: 'files modified', analyst: 'modified files (tool inputs + shell writes)', rule: 'tool_use' },
  { id: 'errors', label: 'errors in tool output', analyst: 'errors analyst', rule: 'only:tool_result' },
  { id: 'decisions', label: 'decisions in thinking', analyst: 'decisions analyst', rule: 'only:thinking' },
  { id: 'rejected', label: 'rejected approaches', analyst: 'rejected-approaches analyst', rule: 'why:thinking|text' },
  { id: 'numbers', label: 'measured numbers', analyst: 'measured numbers (tool output + command)', rule: 'only:tool_result' },
  { id: 'commands', label: 'distinctive commands', analyst: 'distinctive commands', rule: 'tool_use' },
  { id: 'constraints', label: 'user constraints', analyst: 'user constraints ("keep X", "don\'t Y")', rule: 'user' },
];

// ---------------------------------------------------------------------------------------------
// The project: data files whose measurements are known in advance, and small scripts that fail
// with distinctive messages. None of it is read into the log, so those texts appear only as output.

function skuRows() {
  const zones = ['EU', 'US', 'AP', 'SA'];
  const rows = [];
  for (let i = 1; i <= 4816; i++) {
    rows.push({
      sku: `SKU-${String(i).padStart(5, '0')}`,
      zone: zones[i % 4],
      stock: (i * 37) % 211,
      price: ((i * 7919) % 99000) / 100 + 1,
    });
  }
  return rows;
}

function appLogLines() {
  const zones = ['EU', 'US', 'AP'];
  const lines = [];
  for (let j = 0; j < 9137; j++) {
    const level = j % 8 === 0 || j % 5 === 0 ? 'ERROR' : 'INFO';
    lines.push(`2025-03-0${1 + (j % 9)}T10:00:00Z ${level} zone=${zones[j % 3]} event=sync seq=${j}`);
  }
  return lines;
}

// The same arithmetic runs in the project's scripts (source below) and here, so the expected
// strings are what the real commands print.
const STATS_SOURCE = `
function meanPrice(rows) { let s = 0; for (const r of rows) s += r.price; return (s / rows.length).toFixed(2); }
function p95Latency(n) {
  const l = [];
  for (let i = 1; i <= n; i++) l.push(20 + ((i * 7919) % 1777) / 10);
  l.sort((a, b) => a - b);
  return l[Math.floor(0.95 * n)].toFixed(1);
}
function coverage(covered, total) { return ((covered / total) * 100).toFixed(2); }
`;
const statsFns = new Function(`${STATS_SOURCE}; return { meanPrice, p95Latency, coverage };`)();

const READ_SKUS = `
const fs = require('fs');
const rows = fs.readFileSync(__dirname + '/../data/skus.csv', 'utf8').trim().split('\\n').slice(1).map((line) => {
  const [sku, zone, stock, price] = line.split(',');
  return { sku, zone, stock: Number(stock), price: Number(price) };
});
`;

export function makePlantedFactsProject() {
  const rows = skuRows();
  const skusCsv = 'sku,zone,stock,price\n' + rows.map((r) => `${r.sku},${r.zone},${r.stock},${r.price}`).join('\n') + '\n';
  const appLog = appLogLines().join('\n') + '\n';
  const files = {
    'package.json': JSON.stringify({ name: 'warehouse', version: '3.14.1', private: true, scripts: { test: 'node --test test/' } }, null, 2) + '\n',
    'README.md': '# warehouse inventory service\n',
    'src/inventory/pricing.js': 'function priceOf(sku, table) {\n  return table[sku];\n}\nmodule.exports = { priceOf };\n',
    'src/payments/charge.js': 'module.exports = function charge(amount) { return { ok: true, amount }; };\n',
    'src/legacy/oldReport.js': "module.exports = function report() { return 'quarterly'; };\n",
    'src/util/strings.js': 'exports.pad = (s, n) => String(s).padStart(n);\n',
    'config/fetcher.yaml': 'timeout: 30\nretries: 2\n',
    'templates/base.env': 'REGION=eu-west-1\nLEDGER_URL=http://localhost:8080\n',
    '.env.example': 'LEDGER_URL=http://localhost:8080\n',
    'scripts/obsolete-migrate.sh': '#!/bin/sh\necho "migrating v1 ledger"\n',
    'data/skus.csv': skusCsv,
    'data/suppliers.csv': 'id,name,country,rating\n1,"Acme, Inc.",DE,4\n2,Globex,US,5\n',
    'data/prices-eur.csv': 'sku,zone,qty,price\nSKU-1,EU,3,EUR 120.00\nSKU-2,EU,1,EUR 9.50\nSKU-3,US,7,EUR 45.10\n',
    'logs/app.log': appLog,
    'test/data/ledger-fixture.json': '{"rows": 3}\n',
    'test/ledger.test.js':
      "const test = require('node:test');\nconst assert = require('node:assert');\n" +
      "test('ledger balances', () => {\n  const row = 40 + 2;\n  assert.strictEqual(1039, 1047, 'ledger balance mismatch at row ' + row);\n});\n",
    'test/zones.test.js':
      "const test = require('node:test');\nconst assert = require('node:assert');\ntest('zones', () => assert.ok(true));\n",
    'scripts/check-stock.js':
      "const sku = ['AX', '9174'].join('-');\nconsole.error('STOCK-CHECK FAILED: sku ' + sku + ' below reorder point (' + 4 + ' < ' + 12 + ')');\nprocess.exit(3);\n",
    'scripts/parse-zones.js': "const code = 'Q' + 7;\nthrow new Error('ZoneParseError: unknown zone code ' + code + ' at line ' + 3);\n",
    'scripts/fetch-rates.js':
      "fetch('http://127.0.0.1:2/rates').then(() => console.log('ok')).catch((e) => {\n  console.error('rates fetch failed:', e.cause ? e.cause.message : e.message);\n  process.exit(2);\n});\n",
    'scripts/fetch-rates-parallel.js':
      "// Simulates the upstream token bucket (5 requests per second) against all zones at once.\n" +
      "const zones = ['EU', 'US', 'AP', 'SA', 'AF', 'ME', 'OC'];\nlet tokens = 5;\n" +
      "Promise.all(zones.map(async (z) => { if (tokens-- <= 0) throw new Error('HTTP ' + (400 + 29) + ' Too Many Requests for zone ' + z); return z; }))\n" +
      "  .then(() => console.log('all zones fetched')).catch((e) => { console.error(e.message); process.exit(1); });\n",
    'scripts/health-check.js':
      "const t = Number(/timeout: (\\d+)/.exec(require('fs').readFileSync('config/fetcher.yaml', 'utf8'))[1]);\n" +
      "if (t > 60) { console.error('health check would wait ' + t + 's; the load balancer drops requests after 60s'); process.exit(1); }\n" +
      "console.log('health check ok (' + t + 's)');\n",
    'scripts/price-check.js':
      "const src = require('fs').readFileSync('src/inventory/pricing.js', 'utf8');\n" +
      "if (src.includes('Cache')) { console.error('price for SKU-00042 after zone switch: cached ' + (12).toFixed(2) + ', actual ' + (14.5).toFixed(2)); process.exit(1); }\n" +
      "console.log('prices consistent');\n",
    'scripts/deploy.sh': '#!/bin/sh\nregion="eu-central-$((1 + 2))"\necho "deploy: ERR_REGION_LOCKED $region" >&2\nexit 4\n',
    'scripts/rebuild-index.js': "console.log('index shard ' + process.argv[3] + (process.argv.includes('--dry-run') ? ' (dry run): 0 writes' : ''));\n",
    'scripts/stats.js': `${READ_SKUS}${STATS_SOURCE}\nconsole.log('mean order value ' + meanPrice(rows) + ' EUR over ' + rows.length + ' skus');\n`,
    'scripts/bench-reconcile.js': `${STATS_SOURCE}\nconsole.log('p95 reconcile latency ' + p95Latency(4816) + ' ms');\n`,
    'scripts/coverage.js': `${STATS_SOURCE}\nconsole.log('statements ' + coverage(2291, 2622) + '%');\n`,
  };
  const logLines = appLog.trim().split('\n');
  const measured = {
    skuLines: String(skusCsv.split('\n').length - 1),
    skuBytes: String(Buffer.byteLength(skusCsv)),
    totalStock: String(rows.reduce((sum, r) => sum + r.stock, 0)),
    belowReorder: String(rows.filter((r) => r.stock < 150).length),
    errorLines: String(logLines.filter((line) => line.includes('ERROR')).length),
    euLines: String(logLines.filter((line) => line.includes('zone=EU')).length),
    meanPrice: statsFns.meanPrice(rows),
    p95: statsFns.p95Latency(4816),
    coverage: statsFns.coverage(2291, 2622),
  };
  return { files, measured };
}

// ---------------------------------------------------------------------------------------------
// The session.

const think = (text) => ({ type: 'thinking', text });
const say = (text) => ({ type: 'text', text });
const bash = (command, description = 'Run a command') => ({ type: 'tool_use', name: 'Bash', input: { command, description } });

export function plantedFactsScenario(measured) {
  const facts = [];
  const fact = (category, id, ...strings) => {
    facts.push({ category, id, strings });
    return strings;
  };

  // Facts first: the script below uses the same strings, so the two cannot drift apart.
  const U = {
    payments: fact('constraints', 'U1 payments', "don't touch src/payments/")[0],
    api: fact('constraints', 'U2 pricing API', 'keep the public API of pricing.js unchanged')[0],
    stdlib: fact('constraints', 'U3 stdlib only', 'use only the Node standard library')[0],
    push: fact('constraints', 'U4 never push main', 'never push to main')[0],
    fixtures: fact('constraints', 'U5 keep fixtures', 'keep the test fixtures in test/data')[0],
    prod: fact('constraints', 'U6 no prod deploy', "don't run the deploy script against production")[0],
    english: fact('constraints', 'U7 English errors', 'keep error messages in English')[0],
    lines: fact('constraints', 'U8 line length', 'keep every line under 100 characters')[0],
  };
  const D = {
    units: fact('decisions', 'D1 integer units', 'integer units', 'ERP export rounds pallets down'),
    appendOnly: fact('decisions', 'D2 append-only ledger', 'append-only ledger entries', 'audits can replay history'),
    zoneCodes: fact('decisions', 'D3 zone codes', 'two-letter uppercase zone codes', 'match the carrier API'),
    sync: fact('decisions', 'D4 synchronous reconcile', 'keep reconcile() synchronous', 'nightly cron caller'),
    isoWeeks: fact('decisions', 'D5 ISO weeks', 'ISO week numbers', 'finance closes its books on ISO weeks'),
    threshold: fact('decisions', 'D6 threshold in config', 'reorder threshold in config/warehouse-zones.json', 'without a deploy'),
    mode: fact('decisions', 'D7 LEDGER_MODE default', 'default strict', 'lenient mode hid drift last quarter'),
    drift: fact('decisions', 'D8 drift warnings', 'drift below 0.5% as a warning', 'scanners have about that much noise'),
  };
  const R = {
    cache: fact('rejected', 'R1 priceCache memoization', 'priceCache', 'served stale prices'),
    split: fact('rejected', 'R2 naive CSV split', "split(',')", 'quoted commas in supplier names'),
    timeout90: fact('rejected', 'R3 timeout 90', 'timeout: 90', 'outlives the 60 s load-balancer limit'),
    csvcut: fact('rejected', 'R4 csvcut', 'csvcut', 'not installed on the build hosts'),
    lockFile: fact('rejected', 'R5 /tmp lock file', '/tmp/ledger.lock', 'CI runners share /tmp between jobs'),
    parallel: fact('rejected', 'R6 Promise.all fetch', 'Promise.all', 'sequential requests with backoff'),
    symlink: fact('rejected', 'R7 zones symlink', 'src/zones.json', 'Windows checkouts turn symlinks into plain files'),
    sortN: fact('rejected', 'R8 sort -n on prices', 'sort -n', 'currency prefix'),
  };
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- fact() registers every fact; this table only groups the errors
  const E = {
    stock: fact('errors', 'E1 check-stock', 'STOCK-CHECK FAILED: sku AX-9174 below reorder point (4 < 12)'),
    zones: fact('errors', 'E2 parse-zones', 'ZoneParseError: unknown zone code Q7 at line 3'),
    feed: fact('errors', 'E3 missing feed', 'config/missing-feed.yaml: No such file or directory'),
    rates: fact('errors', 'E4 rates refused', 'ECONNREFUSED 127.0.0.1:2'),
    module: fact('errors', 'E5 missing module', "Cannot find module 'ledger-sync-client'"),
    ledger: fact('errors', 'E6 ledger test', 'ledger balance mismatch at row 42'),
    lint: fact('errors', 'E7 no lint script', 'Missing script: "lint"'),
    deploy: fact('errors', 'E8 deploy region', 'ERR_REGION_LOCKED eu-central-3'),
    branch: fact('errors', 'E9 unknown branch', "pathspec 'release/2024-q3-hotfix' did not match"),
  };
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- fact() registers every fact; this table only groups the numbers
  const N = {
    skuLines: fact('numbers', 'N1 sku lines (wc -l)', measured.skuLines),
    skuBytes: fact('numbers', 'N2 sku bytes (du -b)', measured.skuBytes),
    totalStock: fact('numbers', 'N3 total stock (awk sum)', measured.totalStock),
    belowReorder: fact('numbers', 'N4 below reorder (awk | wc)', measured.belowReorder),
    errorLines: fact('numbers', 'N5 ERROR lines (grep -c)', measured.errorLines),
    euLines: fact('numbers', 'N6 EU lines (grep -c)', measured.euLines),
    meanPrice: fact('numbers', 'N7 mean order value (stats.js)', measured.meanPrice),
    p95: fact('numbers', 'N8 p95 latency (bench-reconcile.js)', measured.p95),
    coverage: fact('numbers', 'N9 coverage (coverage.js)', measured.coverage),
  };
  const C = {
    gitLog: fact('commands', 'C1 git log', 'git log --oneline -n 5 -- src/inventory')[0],
    find: fact('commands', 'C2 find -newer', "find src -name '*.js' -newer package.json")[0],
    rebuild: fact('commands', 'C3 rebuild-index', 'node scripts/rebuild-index.js --shard 3 --dry-run')[0],
    diffStat: fact('commands', 'C4 git diff --stat', 'git diff --stat HEAD -- config/')[0],
    sortStock: fact('commands', 'C5 sort by stock', 'sort -t, -k3 -n data/skus.csv | head -n 3')[0],
    zonesTest: fact('commands', 'C6 zones test', 'node --test test/zones.test.js')[0],
    grepMode: fact('commands', 'C7 grep LEDGER_MODE', 'grep -rn "LEDGER_MODE" src config .env.example')[0],
    untracked: fact('commands', 'C8 untracked files', 'git ls-files --others --exclude-standard')[0],
    version: fact('commands', 'C9 package version', `node -p "require('./package.json').version"`)[0],
  };
  fact('files', 'F1 stockLedger.js (Write)', 'src/inventory/stockLedger.js');
  fact('files', 'F2 pricing.js (Edit)', 'src/inventory/pricing.js');
  fact('files', 'F3 warehouse-zones.json (Write)', 'config/warehouse-zones.json');
  fact('files', 'F4 fetcher.yaml (sed -i)', 'config/fetcher.yaml');
  fact('files', 'F5 quarterlyReport.js (mv)', 'src/legacy/oldReport.js', 'src/reports/quarterlyReport.js');
  fact('files', 'F6 .env.example (>>)', '.env.example');
  fact('files', 'F7 ledger-notes.md (>)', 'docs/ledger-notes.md');
  fact('files', 'F8 obsolete-migrate.sh (rm)', 'scripts/obsolete-migrate.sh');
  fact('files', 'F9 textUtils.js (git mv)', 'src/util/strings.js', 'src/util/textUtils.js');
  fact('files', 'F10 staging.env (cp)', 'config/staging.env');
  fact('files', 'F11 audit-trail.txt (tee)', 'logs/audit-trail.txt');

  const turns = ({ project }) => {
    const abs = (rel) => `${project}/${rel}`;
    const read = (rel) => ({ type: 'tool_use', name: 'Read', input: { file_path: abs(rel) } });
    const write = (rel, content) => ({ type: 'tool_use', name: 'Write', input: { file_path: abs(rel), content } });
    const edit = (rel, oldString, newString) => ({
      type: 'tool_use',
      name: 'Edit',
      input: { file_path: abs(rel), old_string: oldString, new_string: newString },
    });
    return [
      {
        prompt: `We're fixing up the warehouse inventory service. Get oriented first: recent history of the inventory code and the size of the SKU data. One rule from the start: ${U.payments} — another team owns it.`,
        model: [
          [think('Start read-only: history of the inventory folder, then how big the SKU table is.'), bash(C.gitLog, 'Recent inventory history')],
          [bash('wc -l < data/skus.csv', 'Count SKU lines')],
          [bash('du -b data/skus.csv | cut -f1', 'Size of the SKU table')],
          [
            think(`Decision: store quantities as ${D.units[0]}, never fractional pallets, because the ${D.units[1]}.`),
            say('I looked at the recent history and at the size of the SKU table; ready for the ledger.'),
          ],
        ],
      },
      {
        prompt: `Create the stock ledger module in src/inventory/stockLedger.js with a reconcile() function, and ${U.api}.`,
        model: [
          [
            think(`Chose ${D.appendOnly[0]} over in-place updates so ${D.appendOnly[1]}.`),
            write('src/inventory/stockLedger.js', "const entries = [];\nfunction record(entry) { entries.push(entry); }\nfunction reconcile() { return entries.length; }\nmodule.exports = { record, reconcile };\n"),
          ],
          [think(`${D.sync[0]}: the ${D.sync[1]} does not await it, and an async signature would silently drop errors there.`), read('src/inventory/pricing.js')],
          [edit('src/inventory/pricing.js', 'function priceOf(sku, table) {', '// Prices are per unit, in the zone currency.\nfunction priceOf(sku, table) {')],
          [bash(C.version, 'Package version')],
          [bash('node scripts/check-stock.js', 'Run the stock check')],
          [say('The ledger module is written and pricing.js keeps its API. The stock check reports a problem; I will look at it next.')],
        ],
      },
      {
        prompt: `Look into why the stock check fails and measure how bad the data is. ${U.stdlib[0].toUpperCase()}${U.stdlib.slice(1)}, no new npm dependencies.`,
        model: [
          [think('Measure before changing anything: how many SKUs are under the safety stock, and total stock.'), bash("awk -F, 'NR>1 && $3<150' data/skus.csv | wc -l", 'SKUs below the safety stock')],
          [bash("awk -F, 'NR>1 {s+=$3} END {print s}' data/skus.csv", 'Total stock')],
          [bash(`node -e "const l = require('fs').readFileSync('data/suppliers.csv', 'utf8').split('\\n')[1]; console.log(l.${R.split[0]}.length)"`, 'Columns in a supplier row')],
          [
            think('The column count is off for the supplier rows; a command-line CSV tool would handle quoting.'),
            say(`Dropping the naive ${R.split[0]} for suppliers.csv: ${R.split[1]} shift the columns, so it needs a quote-aware parser.`),
            bash('csvcut -c 2 data/suppliers.csv', 'Try csvkit'),
          ],
          [
            think(`${R.csvcut[0]} is ${R.csvcut[1]}, so csvkit is out; parse the quotes in plain Node instead.`),
            bash('node scripts/parse-zones.js', 'Parse the zone table'),
          ],
          [say('Measured the stock data. Zone parsing fails as well; the zones file needs fixing.')],
        ],
      },
      {
        prompt: `Fix the fetcher config and the zones file. ${U.english[0].toUpperCase()}${U.english.slice(1)}.`,
        model: [
          [
            think(`Going with ${D.zoneCodes[0]} (EU, US, AP, SA) to ${D.zoneCodes[1]}.`),
            write('config/warehouse-zones.json', JSON.stringify({ zones: ['EU', 'US', 'AP', 'SA'], reorderThreshold: 12 }, null, 2) + '\n'),
          ],
          [think(`Put the ${D.threshold[0]} rather than in code, so ops can tune it ${D.threshold[1]}.`), bash("sed -i 's/timeout: 30/timeout: 45/' config/fetcher.yaml", 'Raise the fetch timeout')],
          [bash("sed -i 's/timeout: 45/timeout: 90/' config/fetcher.yaml", 'Try a longer timeout')],
          [bash('node scripts/health-check.js', 'Health check')],
          [
            say(`Went back from ${R.timeout90[0]} to 45: with 90 s the health check ${R.timeout90[1]}.`),
            bash("sed -i 's/timeout: 90/timeout: 45/' config/fetcher.yaml", 'Back to 45 s'),
          ],
          [bash('cat config/missing-feed.yaml', 'Look for the feed config')],
          [bash(C.diffStat, 'Config changes so far')],
          [say('The fetcher timeout is 45 s again and the zones are defined.')],
        ],
      },
      {
        prompt: `Now the rates fetcher: it must work offline-first. And ${U.push}; I'll review the branch myself.`,
        model: [
          [think('Check the single fetch path first.'), bash('node scripts/fetch-rates.js', 'Fetch rates')],
          [bash('node scripts/fetch-rates-parallel.js', 'Fetch all zones in parallel')],
          [
            think(`${R.parallel[0]} over all zones trips the upstream token bucket; switch to ${R.parallel[1]} instead of firing everything at once.`),
            bash(`node -e "require('ledger-sync-client')"`, 'Is the sync client available?'),
          ],
          [
            think(`Use ${D.isoWeeks[0]} for the quarterly report buckets because ${D.isoWeeks[1]}.`),
            bash('mkdir -p src/reports && mv src/legacy/oldReport.js src/reports/quarterlyReport.js', 'Move the report'),
          ],
          [say('The rates fetcher cannot reach its upstream offline; the report module has moved.')],
        ],
      },
      {
        prompt: `Run the tests and the linters. ${U.fixtures[0].toUpperCase()}${U.fixtures.slice(1)} — don't delete them.`,
        model: [
          [think('Tests first, then lint.'), bash('node --test test/ledger.test.js', 'Ledger tests')],
          [bash('npm run lint', 'Lint')],
          [bash(C.zonesTest, 'Zone tests')],
          [think('Pricing lookups are hot; try memoizing them.'), read('src/inventory/pricing.js')],
          [edit('src/inventory/pricing.js', 'function priceOf(sku, table) {\n  return table[sku];\n}', `const ${R.cache[0]} = new Map();\nfunction priceOf(sku, table) {\n  if (!${R.cache[0]}.has(sku)) ${R.cache[0]}.set(sku, table[sku]);\n  return ${R.cache[0]}.get(sku);\n}`)],
          [bash('node scripts/price-check.js', 'Check prices')],
          [
            say(`Reverted the ${R.cache[0]} memoization: prices differ per warehouse zone, so a per-SKU cache ${R.cache[1]}.`),
            edit('src/inventory/pricing.js', `const ${R.cache[0]} = new Map();\nfunction priceOf(sku, table) {\n  if (!${R.cache[0]}.has(sku)) ${R.cache[0]}.set(sku, table[sku]);\n  return ${R.cache[0]}.get(sku);\n}`, 'function priceOf(sku, table) {\n  return table[sku];\n}'),
          ],
          [say('Tests and lint were run; pricing is back to the plain lookup.')],
        ],
      },
      { prompt: '/compact', model: [], compact: true },
      {
        prompt: `Continue: add the LEDGER_MODE flag and write a short notes file. ${U.prod[0].toUpperCase()}${U.prod.slice(1)}.`,
        model: [
          [
            think(`Name the env flag LEDGER_MODE with values strict|lenient, ${D.mode[0]}, since ${D.mode[1]}.`),
            bash('echo "LEDGER_MODE=strict" >> .env.example', 'Add the flag'),
          ],
          [bash(C.grepMode, 'Where the flag is used')],
          [bash("mkdir -p docs && printf '# Ledger notes\\n\\nReconcile runs nightly.\\n' > docs/ledger-notes.md", 'Write notes')],
          [bash('sh scripts/deploy.sh --env staging', 'Deploy to staging')],
          [bash('ln -s ../config/warehouse-zones.json src/zones.json', 'Link the zones file into src')],
          [think(`Dropping the symlink ${R.symlink[0]}: ${R.symlink[1]}.`), bash('rm src/zones.json', 'Remove the link')],
          [say('LEDGER_MODE is documented and the notes are written; the staging deploy did not go through.')],
        ],
      },
      {
        prompt: `Measure the logs, the price stats and the coverage. Also: ${U.lines} in anything you write.`,
        model: [
          [think('Collect the numbers in one pass.'), bash('grep -c ERROR logs/app.log', 'Count errors')],
          [bash("grep -c 'zone=EU' logs/app.log", 'Count EU events')],
          [bash('node scripts/stats.js', 'Price stats')],
          [bash('node scripts/coverage.js', 'Coverage')],
          [bash('node scripts/bench-reconcile.js', 'Reconcile latency')],
          [bash('sort -t, -k4 -n data/prices-eur.csv | tail -n 1', 'Most expensive line')],
          [
            think(`Log ${D.drift[0]}, not an error, because the ${D.drift[1]}.`),
            say(`Gave up on ${R.sortN[0]} for prices-eur.csv: the EUR ${R.sortN[1]} makes every value sort as zero.`),
          ],
        ],
      },
      {
        prompt: 'Clean up: remove the obsolete migration script, rename the string utils, set up the staging env from the template, and keep an audit trail.',
        model: [
          [think('Cleanup in small steps, one command each.'), bash('rm scripts/obsolete-migrate.sh', 'Remove the old migration')],
          [bash('git mv src/util/strings.js src/util/textUtils.js', 'Rename the utils')],
          [bash('cp templates/base.env config/staging.env', 'Staging env')],
          [bash('echo "audit: ledger cleanup" | tee logs/audit-trail.txt', 'Audit trail')],
          [bash('git checkout release/2024-q3-hotfix', 'Switch to the hotfix branch')],
          [bash(C.find, 'Recently changed sources')],
          [bash(C.untracked, 'Untracked files')],
          [think('Serialize reconcile runs with a lock file.'), read('src/inventory/stockLedger.js')],
          [edit('src/inventory/stockLedger.js', 'const entries = [];', `const LOCK_PATH = '${R.lockFile[0]}';\nconst entries = [];`)],
          [
            say(`Backed out the ${R.lockFile[0]} lock file: the ${R.lockFile[1]}, so two pipelines would block each other.`),
            edit('src/inventory/stockLedger.js', `const LOCK_PATH = '${R.lockFile[0]}';\nconst entries = [];`, 'const entries = [];'),
          ],
          [say('Cleanup done.')],
        ],
      },
      {
        prompt: 'Last: rebuild the index shard as a dry run and tell me where we are.',
        model: [
          [think('Dry-run the shard rebuild, then look at the lowest stock.'), bash(C.rebuild, 'Rebuild shard 3 (dry run)')],
          [bash(C.sortStock, 'Lowest stock')],
          [say('The shard rebuild dry run is clean. Open items: the failing ledger test, the zone parser, the staging deploy.')],
        ],
      },
    ];
  };

  // Claude Code's own compaction is lossy; so is this one, on purpose (it is the baseline problem).
  const summary =
    '<analysis>\nThe user is fixing a warehouse inventory service.\n</analysis>\n<summary>\n' +
    '1. Primary Request: fix up the warehouse inventory service (ledger module, zones, fetcher, tests).\n' +
    '2. Work so far: a ledger module was added, configuration was adjusted, tests were run.\n' +
    '3. Next: continue with the remaining cleanup.\n</summary>';

  return { turns, summary, facts };
}

// ---------------------------------------------------------------------------------------------
// Where is a string in the log? Places: user (typed), thinking, text, tool_use (input), tool_result.

function textOf(content) {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : part.text ?? '')).join('\n');
  return '';
}

/** Each conversation block of a Claude Code log as { place, line, text }. */
export function logPlaces(logText) {
  const out = [];
  logText.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    let record;
    try {
      record = JSON.parse(raw);
    } catch {
      return;
    }
    const line = index + 1;
    const content = record.message?.content;
    if (record.type === 'user') {
      if (record.isCompactSummary) out.push({ place: 'compact_summary', line, text: textOf(content) });
      else if (typeof content === 'string') out.push({ place: record.isMeta ? 'meta' : 'user', line, text: content });
      else if (Array.isArray(content)) {
        for (const block of content) {
          if (block.type === 'tool_result') out.push({ place: 'tool_result', line, text: textOf(block.content) });
          else if (block.type === 'text') out.push({ place: record.isMeta ? 'meta' : 'user', line, text: block.text });
        }
      }
    } else if (record.type === 'assistant' && Array.isArray(content)) {
      for (const block of content) {
        if (block.type === 'thinking') out.push({ place: 'thinking', line, text: block.thinking ?? '' });
        else if (block.type === 'text') out.push({ place: 'text', line, text: block.text });
        else if (block.type === 'tool_use') out.push({ place: 'tool_use', line, text: JSON.stringify(block.input) + '\n' + Object.values(block.input ?? {}).join('\n') });
      }
    }
  });
  return out;
}

/** Where each string of a fact occurs: [{ string, places: [{ place, line }] }]. */
export function locate(fact, places) {
  return fact.strings.map((string) => ({
    string,
    places: places.filter((p) => containsString(normalize(p.text), string)).map(({ place, line }) => ({ place, line })),
  }));
}

export function checkPlanting(facts, logText) {
  const places = logPlaces(logText);
  const problems = [];
  const rules = Object.fromEntries(CATEGORIES.map((c) => [c.id, c.rule]));
  for (const fact of facts) {
    const rule = rules[fact.category];
    for (const { string, places: found } of locate(fact, places)) {
      const kinds = new Set(found.map((p) => p.place));
      const where = [...kinds].join(', ') || 'nowhere';
      if (found.length === 0) problems.push(`${fact.id}: "${string}" is nowhere in the log`);
      else if (rule.startsWith('only:')) {
        const only = rule.slice(5);
        if (kinds.size !== 1 || !kinds.has(only)) problems.push(`${fact.id}: "${string}" should be only in ${only}, found in ${where}`);
      } else if (rule === 'why:thinking|text') {
        if (kinds.has('user')) problems.push(`${fact.id}: "${string}" is in a user message`);
      } else if (!kinds.has(rule)) problems.push(`${fact.id}: "${string}" should be in ${rule}, found in ${where}`);
    }
    if (rules[fact.category] === 'why:thinking|text') {
      const why = locate({ strings: [fact.strings.at(-1)] }, places)[0];
      if (!why.places.some((p) => p.place === 'thinking' || p.place === 'text')) problems.push(`${fact.id}: the why is not in thinking or text`);
    }
  }
  return problems;
}

function normalize(text) {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~"'$])/g, '$1') // Markdown escapes
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

// A number counts only as a whole number: 4817 is not found in 148172 or in "line 48170".
function containsString(haystack, string) {
  const needle = normalize(string);
  if (!/^[\d.,%]+$/.test(needle)) return haystack.includes(needle);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d.])${escaped}(?!\\d|\\.\\d)`).test(haystack);
}

export function factPresent(fact, text) {
  const haystack = normalize(text);
  return fact.strings.every((string) => containsString(haystack, string));
}
