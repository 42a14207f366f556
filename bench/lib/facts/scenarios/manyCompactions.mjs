// One long-running node session compacted three times (two /compact in the middle, one at the end):
// facts planted before, between and after the compactions must all survive, and a compaction summary
// is not a user request.
import { bash, ccSummary, say, think } from '../kit.mjs';

export const scenario = {
  name: 'many-compactions',
  about: 'three /compact in one session, node API, lint family fixed under another form, thinking',
  requires: ['npm'],
  files: {
    'package.json': JSON.stringify({ name: 'search-api', version: '2.0.0', private: true, scripts: { lint: 'node scripts/lint.js' } }, null, 2) + '\n',
    'src/search.js': 'module.exports = function search(q) { return [];\n};\n',
    'scripts/lint.js':
      "const fs = require('fs');\nlet bad = 0;\nfor (const f of fs.readdirSync('src')) {\n  fs.readFileSync('src/' + f, 'utf8').split('\\n').forEach((line, i) => {\n    if (/\\bvar\\b/.test(line)) { console.error('lint: src/' + f + ':' + (i + 1) + \" 'var' is not allowed, use let or const\"); bad++; }\n  });\n}\nif (bad) process.exit(1);\nconsole.log('lint clean');\n",
    'scripts/loadtest.js': "console.log('loadtest: ' + (8 * 100) + ' req/s for 60s, p95 ' + (140 + 3) + ' ms, 429s: ' + (1000 + 211));\n",
    'scripts/check-docs.js':
      "const fs = require('fs');\nconst readme = fs.readFileSync('README.md', 'utf8');\nconst plans = fs.existsSync('config/plans.json') ? Object.keys(JSON.parse(fs.readFileSync('config/plans.json', 'utf8'))) : [];\n" +
      'for (const m of readme.matchAll(/plan `(\\w+)`/g)) if (!plans.includes(m[1])) { console.error("DOCS-CHECK: README mentions plan \'" + m[1] + "\' but config/plans.json has no such plan"); process.exit(1); }\nconsole.log(\'docs ok\');\n',
    'README.md': '# search-api\n',
  },
  build(k, { edit, write }) {
    const limit = k.request('add rate limiting to the /search endpoint');
    const p95 = k.constraint('p95 must stay under 200 ms');
    const bucket = k.decision('a token bucket per API key', 'free-tier customers share one IP behind a NAT', 'limiting per IP address');
    k.file('src/limit.js');
    k.error("lint: src/limit.js:2 'var' is not allowed, use let or const", 'resolved');
    k.check('npm run lint', 'passing');
    const plans = k.request('make the limits configurable per plan');
    k.file('config/plans.json');
    const redis = k.rejected('redis-cli ping', 'the staging hosts have no Redis, so the buckets stay in memory');
    k.number('143');
    k.number('1211');
    const docs = k.request('document the limits in the README');
    const ops = k.constraint('write it for ops people, not developers');
    k.file('README.md');
    k.lastRequest(docs);
    k.error("DOCS-CHECK: README mentions plan 'team' but config/plans.json has no such plan", 'unresolved');
    k.not('requests', 'This session is being continued from a previous conversation', "a compaction summary is not the user's request");
    k.not('constraints', 'This session is being continued from a previous conversation', "a compaction summary is not the user's rule");
    k.not('rejected', plans, "the user's request is not a rejected approach");

    const summary1 = ccSummary({
      analysis: 'Rate limiting added for /search; lint fixed.',
      intent: `Add rate limiting to the /search endpoint; ${p95}.`,
      concepts: ['Node.js', 'Token bucket rate limiting'],
      files: ['src/limit.js: new token bucket keyed by API key, wired into src/search.js'],
      errors: ["npm run lint flagged a 'var' in src/limit.js; replaced with const, lint clean"],
      solving: 'Token bucket per API key.',
      messages: [`"${limit}. ${p95}."`],
      pending: [],
      current: 'Rate limiter in place, lint clean.',
      next: 'Wait for the next request.',
    });
    const summary2 = ccSummary({
      analysis: 'Continuing the rate limiting work: limits per plan, load test.',
      intent: `Rate limiting on /search (p95 under 200 ms), now configurable per plan.`,
      concepts: ['Token bucket per API key', 'Per-plan configuration'],
      files: ['src/limit.js: token bucket per API key', 'config/plans.json: new, limits for free and pro'],
      errors: ['Redis is not available (redis-cli not found); buckets stay in memory'],
      solving: 'Load test shows p95 well under the 200 ms limit.',
      messages: [`"${limit}. ${p95}."`, `"${plans}."`],
      pending: [],
      current: 'Per-plan limits configured and load-tested.',
      next: 'Wait for the next request.',
    });
    const summary3 = ccSummary({
      analysis: 'Rate limiting work finished except for the docs check.',
      intent: 'Rate limiting on /search (p95 under 200 ms), configurable per plan, documented in the README for ops people.',
      concepts: ['Token bucket per API key', 'Per-plan limits in config/plans.json'],
      files: ['src/limit.js: token bucket', 'config/plans.json: free and pro plans', 'README.md: new "Rate limits" section for ops'],
      errors: ["The docs check fails: DOCS-CHECK: README mentions plan 'team' but config/plans.json has no such plan"],
      solving: 'In-memory buckets (no Redis on staging). Load test p95 143 ms at 800 req/s.',
      messages: [`"${limit}. ${p95}."`, `"${plans}."`, `"${docs}. ${ops}."`],
      pending: ['Fix the README/plans mismatch reported by the docs check'],
      current: 'Wrote the README section and ran the docs check, which fails.',
      next: "Either add the 'team' plan to config/plans.json or remove it from the README, after asking the user.",
    });

    return [
      {
        user: `${limit}. ${p95}.`,
        model: [
          [
            think(
              `Per IP or per key? ${bucket.alternative[0].toUpperCase() + bucket.alternative.slice(1)} punishes shared networks: ${bucket.reason}. So ${bucket.choice}.`,
            ),
            write(
              'src/limit.js',
              'const buckets = new Map();\nvar CAPACITY = 20;\nfunction allow(key, now = Date.now()) {\n  const b = buckets.get(key) ?? { tokens: CAPACITY, at: now };\n  b.tokens = Math.min(CAPACITY, b.tokens + (now - b.at) / 50);\n  b.at = now;\n  buckets.set(key, b);\n  if (b.tokens < 1) return false;\n  b.tokens -= 1;\n  return true;\n}\nmodule.exports = { allow };\n',
            ),
          ],
          [bash('npm run lint', 'Lint')],
          [edit('src/limit.js', 'var CAPACITY = 20;', 'const CAPACITY = 20;')],
          [bash('npm run lint --silent && git status --short', 'Lint again')],
          [say('Token bucket per API key added in src/limit.js; lint is clean.')],
        ],
      },
      { compact: true, summary: summary1 },
      {
        user: `${plans}.`,
        model: [
          [think('Shared buckets across instances would need a store.'), bash(redis.what, 'Is Redis reachable?')],
          [say(`No Redis: ${redis.why}.`), write('config/plans.json', JSON.stringify({ free: { perMinute: 60 }, pro: { perMinute: 1200 } }, null, 2) + '\n')],
          [bash('node scripts/loadtest.js', 'Load test')],
          [say('Limits come from config/plans.json now; the load test is above.')],
        ],
      },
      { compact: true, summary: summary2 },
      {
        user: `${docs}. ${ops}.`,
        model: [
          [
            think('Document free, pro and team.'),
            edit(
              'README.md',
              '# search-api\n',
              '# search-api\n\n## Rate limits\n\nEach API key gets a bucket. plan `free`: 60/min, plan `pro`: 1200/min, plan `team`: 600/min.\nWhen a key runs dry the API answers 429; raise the limit in config/plans.json and restart.\n',
            ),
          ],
          [bash('node scripts/check-docs.js', 'Check the docs')],
          [say('The README has a rate-limit section for ops. The docs check complains about the team plan, which is not configured yet.')],
        ],
      },
      { compact: true, summary: summary3 },
    ];
  },
};
