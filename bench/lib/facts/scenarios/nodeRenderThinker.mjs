// A model that thinks at length on a Node template renderer: it weighs alternatives in several styles
// (a numbered pros/cons list then the pick, "Two options: … Going with the second because …", "I could
// A or B… B is better since…"). The figures come from a benchmark script printing a small table; the
// user wants each optimisation in its own commit, so one attempt is undone with `git checkout -- file`
// and another with `npm uninstall` of a vendored package. A pre-existing failing test stays failing; a
// benchmark devDependency is refused. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const RENDER =
  "'use strict';\n// Renders the docs templates: {{name}}, {{#if name}}…{{/if}}, {{#each list}}…{{/each}} ({{.}} is the item), {{> partial}}.\n" +
  'const partials = new Map();\nconst stats = { compiles: 0, escapes: 0 };\n\n' +
  'function escapeHtml(value) {\n  stats.escapes++;\n' +
  "  return String(value).replace(/[&<>\"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\"': '&quot;', \"'\": '&#39;' })[c]);\n}\n\n" +
  'function tokenize(source) {\n  stats.compiles++;\n  const tokens = [];\n  const re = /\\{\\{([#/>]?)\\s*([\\w.]+)(?:\\s+([\\w.]+))?\\s*\\}\\}/g;\n  let last = 0;\n' +
  '  for (let m = re.exec(source); m; m = re.exec(source)) {\n' +
  "    if (m.index > last) tokens.push({ type: 'text', value: source.slice(last, m.index) });\n" +
  "    tokens.push({ type: m[1] || 'var', name: m[2], arg: m[3] });\n    last = re.lastIndex;\n  }\n" +
  "  if (last < source.length) tokens.push({ type: 'text', value: source.slice(last) });\n  return tokens;\n}\n\n" +
  'function parse(tokens) {\n  const root = { children: [] };\n  const stack = [root];\n  for (const token of tokens) {\n    const top = stack[stack.length - 1];\n' +
  "    if (token.type === '#') {\n      const node = { type: token.name, name: token.arg, children: [] };\n      top.children.push(node);\n      stack.push(node);\n" +
  "    } else if (token.type === '/') {\n      stack.pop();\n    } else {\n      top.children.push(token);\n    }\n  }\n  return root.children;\n}\n\n" +
  "function lookup(context, name) {\n  if (name === '.') return context;\n  return name.split('.').reduce((value, key) => (value == null ? undefined : value[key]), context);\n}\n\n" +
  "function run(nodes, context) {\n  let out = '';\n  for (const node of nodes) {\n    if (node.type === 'text') out += node.value;\n" +
  "    else if (node.type === 'var') out += escapeHtml(lookup(context, node.name) ?? '');\n" +
  "    else if (node.type === 'if') out += lookup(context, node.name) ? run(node.children, context) : '';\n" +
  "    else if (node.type === 'each') for (const item of lookup(context, node.name) ?? []) out += run(node.children, item);\n" +
  "    else if (node.type === '>') {\n      const partial = partials.get(node.name);\n" +
  '      if (!partial) throw new Error(`Partial "${node.name}" is not registered`);\n      out += render(partial, context);\n    }\n  }\n  return out;\n}\n\n' +
  'function render(source, context) {\n  return run(parse(tokenize(source)), context);\n}\n\nmodule.exports = { render, escapeHtml, stats };\n';

const TESTS =
  "'use strict';\nconst test = require('node:test');\nconst assert = require('node:assert/strict');\nconst { render } = require('../lib/render.js');\n\n" +
  "test('escapes variables', () => {\n  assert.equal(render('<b>{{name}}</b>', { name: \"O'Brien & <Co>\" }), '<b>O&#39;Brien &amp; &lt;Co&gt;</b>');\n});\n\n" +
  "test('renders each', () => {\n  assert.equal(render('<ul>{{#each items}}<li>{{.}}</li>{{/each}}</ul>', { items: ['a', 'b'] }), '<ul><li>a</li><li>b</li></ul>');\n});\n\n" +
  "test('renders nested each inside if', () => {\n  const source = '{{#if toc}}<ol>{{#each toc}}<li>{{title}}</li>{{/each}}</ol>{{/if}}<p>{{body}}</p>';\n" +
  "  assert.equal(render(source, { toc: [{ title: 'Intro' }], body: 'x' }), '<ol><li>Intro</li></ol><p>x</p>');\n});\n\n" +
  "test('renders partials', () => {\n  assert.equal(render('<div>{{> footer}}</div>', {}), '<div><footer>docs</footer></div>');\n});\n";

const BENCH =
  "'use strict';\n// Render cost on the docs CI box, from operation counts: the box is too noisy for wall-clock timing, so\n" +
  '// the per-operation costs it measured once (bench/COSTS.md) are applied to what render() really did.\n' +
  "const { render, stats } = require('../lib/render.js');\n\n" +
  '// The vendored fast-escape costs less per call (it is loaded on the first escape, so look each time).\n' +
  "const fastEscape = () => Object.keys(require.cache).some((path) => path.includes('fast-escape'));\n" +
  'const COST_US = { render: 13, compile: 210, escape: 0.9, fastEscape: 0.6 };\n\n' +
  'function layout(i) {\n' +
  '  return `<h1>{{title}}</h1>{{#if toc}}<ol>{{#each toc}}<li>{{title}}</li>{{/each}}</ol>{{/if}}<main>{{body}}</main><!-- layout ${i} -->`;\n}\n\n' +
  'function runCase(name, layouts, renders) {\n  const costs = [];\n  for (let r = 0; r < renders; r++) {\n    const before = { ...stats };\n' +
  "    render(layout(r % layouts), { title: 'Page ' + r, toc: [1, 2, 3, 4, 5].map((n) => ({ title: 'Part ' + n })), body: 'Text & more' });\n" +
  '    costs.push(COST_US.render + (stats.compiles - before.compiles) * COST_US.compile + (stats.escapes - before.escapes) * (fastEscape() ? COST_US.fastEscape : COST_US.escape));\n  }\n' +
  '  const total = costs.reduce((a, b) => a + b, 0);\n  costs.sort((a, b) => a - b);\n' +
  '  const p99 = costs[Math.floor(costs.length * 0.99)];\n' +
  '  console.log(`${name.padEnd(8)}${String(layouts).padStart(8)}${String(renders).padStart(9)}${String(Math.round(renders / (total / 1e6))).padStart(9)}${p99.toFixed(1).padStart(9)}`);\n}\n\n' +
  "console.log('case     layouts  renders    ops/s   p99 µs');\nrunCase('small', 3, 6000);\nrunCase('large', 40, 12000);\n";

const FAST_ESCAPE =
  "'use strict';\n// Table-driven HTML escaping (vendored copy of fast-escape 2.1.0).\nconst TABLE = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\"': '&quot;', \"'\": '&apos;' };\n" +
  "module.exports = function fastEscape(text) {\n  let out = '';\n  for (const c of text) out += TABLE[c] ?? c;\n  return out;\n};\n";

// The figures bench/run.js prints for each version of lib/render.js (worked out from its cost model).
const BEFORE_LARGE = '4361';
const CACHED_LARGE = '50132';
const CACHED_P99 = '19.3';

export const scenario = {
  name: 'node-render-thinker',
  about: 'held out: long thinking in several styles on a node template renderer; benchmark table; git checkout and npm uninstall undo; devDependency refused',
  requires: ['node', 'npm', 'git'],
  files: {
    '.gitignore': 'node_modules/\n',
    'package.json':
      JSON.stringify({ name: 'docs-render', version: '3.4.0', private: true, scripts: { test: 'node --test', bench: 'node bench/run.js' } }, null, 2) + '\n',
    'CHANGELOG.md': '# Changelog\n\n## 3.4.0\n\n- New renderer with {{#each}} and {{#if}} blocks.\n',
    'lib/render.js': RENDER,
    'test/render.test.js': TESTS,
    'bench/run.js': BENCH,
    'bench/COSTS.md': '# Per-operation costs on the docs CI box\n\nMeasured with 10,000 repetitions each: one render call, one template compile, one escape.\n',
    'vendor/fast-escape/package.json': JSON.stringify({ name: 'fast-escape', version: '2.1.0', main: 'index.js' }, null, 2) + '\n',
    'vendor/fast-escape/index.js': FAST_ESCAPE,
  },
  build(k, { edit, read, write }) {
    const faster = k.request('could you make render() faster');
    const api = k.constraint('render(source, context) has to keep exactly its current signature and behaviour');
    const bisect = k.constraint('one commit per optimisation, so I can bisect');
    k.number(BEFORE_LARGE);
    const cache = k.decision(
      'cache the parsed template per source string',
      'the docs build renders the same few dozen layouts thousands of times',
      'compiling each template to a JavaScript function with new Function',
    );
    const bound = k.decision(
      'a Map capped at 500 entries that drops the oldest',
      'the dev server stays up for hours while people edit templates',
      'an unbounded Map',
    );
    k.file('lib/render.js');
    k.error('Partial "footer" is not registered', 'unresolved');
    k.check('node --test', 'failing');
    const leave = k.decision(
      'leave the partials test failing',
      'a new feature does not belong in a performance change',
      'implementing partial registration myself',
    );
    k.number(CACHED_LARGE);
    k.number(CACHED_P99);
    const scanner = k.rejected(
      'lib/scan.js',
      'the hand-written scanner broke nested blocks and tokenizing is no longer the bottleneck once templates are cached',
    );
    k.error("Cannot read properties of undefined (reading 'children')", 'resolved');
    const refusal = k.refusal("no, I don't want a benchmark library in devDependencies");
    const escape = k.rejected(
      'fast-escape',
      'it escapes apostrophes as &apos; where the tests and the old mail templates expect &#39;, and gains only about a tenth',
    );
    const changelog = k.request('add a line to CHANGELOG.md about the template cache and its limit');
    k.file('CHANGELOG.md');
    k.lastRequest(changelog);
    k.not('constraints', faster, 'a request is not a standing rule');
    k.not('errors', 'benchmark library in devDependencies', "a user's refusal is not a tool error");
    k.not('rejected', changelog, "the user's request is not a rejected approach");
    k.not('decisions', 'Let me measure first', 'an intention, not a decision');

    const first =
      'Hello! Since we switched the docs site to the new template renderer (lib/render.js), the docs build has become noticeably slower. ' +
      `${faster[0].toUpperCase()}${faster.slice(1)}? A few things to keep in mind:\n\n` +
      `1. ${api}: three other packages call it.\n2. Please make ${bisect}.\n3. \`node bench/run.js\` is what we compare against in CI.\n\nThanks!`;
    const last = `Brilliant, thank you. Last bit: please ${changelog}, in the same style as the existing entry.`;

    return [
      {
        user: first,
        model: [
          [think('Let me measure first, then read the renderer.'), say('Let me measure first.'), bash('node bench/run.js', 'Run the render benchmark')],
          [read('lib/render.js')],
          [bash('node --test', 'Run the tests')],
          [
            think(
              'Every render() call tokenizes and parses the template again, and the large case has only 40 distinct layouts. The compile step dominates. Approaches:\n\n' +
                `1. ${cache.alternative}.\n   + fastest render after the first\n   - eval: the docs site ships a strict CSP, and the emitted code is hard to debug\n   - a much bigger change to a renderer three packages depend on\n` +
                `2. ${cache.choice}.\n   + tiny change, render() signature and output untouched\n   + ${cache.reason}, so nearly every call would hit\n   - memory grows with distinct templates\n` +
                '3. Make the tokenizer itself faster.\n   + helps the first render too\n   - does nothing about parsing the same string again and again\n\n' +
                'Picking 2. The memory downside needs a bound.',
            ),
            think(
              `How to bound it? Two options: ${bound.alternative}, or ${bound.choice}. ` +
                `Going with the second because ${bound.reason}, and every edit is a new source string that would otherwise stay forever. A true LRU is not worth it; insertion order is enough.`,
            ),
            edit(
              'lib/render.js',
              'function render(source, context) {\n  return run(parse(tokenize(source)), context);\n}\n',
              'const MAX_CACHED = 500;\nconst compiled = new Map();\n\n' +
                'function compile(source) {\n  let nodes = compiled.get(source);\n  if (!nodes) {\n    nodes = parse(tokenize(source));\n' +
                '    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value);\n    compiled.set(source, nodes);\n  }\n  return nodes;\n}\n\n' +
                'function render(source, context) {\n  return run(compile(source), context);\n}\n',
            ),
          ],
          [bash('node --test', 'Run the tests')],
          [
            think(
              `The partials test fails the same way it did before my change: nothing registers partials. I could implement it or keep it as it is. ` +
                `Implementing partial registration myself would make it green, but it is new API. Keeping it is better since ${leave.reason}. So: ${leave.choice} and tell the user.`,
            ),
            bash('node bench/run.js', 'Benchmark with the cache'),
          ],
          [
            bash(
              'git add lib/render.js && git commit -qm "render: cache parsed templates (at most 500)" && git log --oneline -1',
              'Commit the cache on its own',
            ),
          ],
          [
            think(
              'Next candidate: the regex tokenizer. A hand-written scanner avoids the regex engine on the first render of each layout. Try it in its own file and wire it in.',
            ),
            write(
              'lib/scan.js',
              "'use strict';\n// Hand-written scanner for the template tags: one pass, no regex.\nfunction scan(source) {\n  const tokens = [];\n  let i = 0;\n" +
                "  while (i < source.length) {\n    const open = source.indexOf('{{', i);\n    if (open < 0) {\n      tokens.push({ type: 'text', value: source.slice(i) });\n      break;\n    }\n" +
                "    if (open > i) tokens.push({ type: 'text', value: source.slice(i, open) });\n    const close = source.indexOf('}}', open);\n    const body = source.slice(open + 2, close).trim();\n" +
                "    const sigil = '#/>'.indexOf(body[0]) > 0 ? body[0] : '';\n    const [name, arg] = body.slice(sigil.length).trim().split(/\\s+/);\n" +
                "    tokens.push({ type: sigil || 'var', name, arg });\n    i = close + 2;\n  }\n  return tokens;\n}\n\nmodule.exports = { scan };\n",
            ),
          ],
          [edit('lib/render.js', '    nodes = parse(tokenize(source));\n', "    nodes = parse(require('./scan.js').scan(source));\n")],
          [bash('node --test', 'Run the tests with the scanner')],
          [
            think(
              'Nested blocks crash the parser with the scanner, and even fixed it only speeds up the first render of each layout, which the cache already made rare. Not worth it. Undo both files.',
            ),
            say(`Dropping the scanner: ${scanner.why}.`),
            bash(`git checkout -- lib/render.js && rm ${scanner.what} && git status --short`, 'Undo the scanner'),
          ],
          [
            think('For sharper numbers than the cost model, a proper benchmark harness would help. tinybench is small.'),
            bash('npm install --save-dev tinybench', 'Install a benchmark harness'),
          ],
          [
            think('Escaping is now the biggest remaining cost per render. There is a vendored fast-escape in vendor/. Try it.'),
            say('Understood, I will stay with bench/run.js.'),
            bash(`npm install --no-audit --no-fund ./vendor/${escape.what}`, 'Install the vendored escaper'),
          ],
          [
            edit(
              'lib/render.js',
              "  return String(value).replace(/[&<>\"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\"': '&quot;', \"'\": '&#39;' })[c]);\n",
              `  return require('${escape.what}')(String(value));\n`,
            ),
          ],
          [bash('node --test', 'Run the tests with fast-escape')],
          [bash('node bench/run.js', 'Benchmark with fast-escape')],
          [
            say(`Undoing fast-escape as well: ${escape.why}.`),
            bash(
              `npm uninstall --no-audit --no-fund ${escape.what} && git checkout -- lib/render.js package.json && rm -f package-lock.json && git status --short`,
              'Remove fast-escape again',
            ),
          ],
          [bash('node --test', 'Run the tests after the undo')],
          [bash('node bench/run.js', 'Benchmark after the undo')],
          [
            say(
              'Done. One commit: `render: cache parsed templates (at most 500)`. Parsed templates are cached per source string, oldest dropped past 500 entries; ' +
                'the signature and output of `render()` are unchanged. The large case in `bench/run.js` is more than ten times faster.\n\n' +
                'Tried and dropped (nothing left of them in the tree): a hand-written scanner, and the vendored fast-escape.\n\n' +
                'One test still fails, `renders partials`: it failed before I started, because nothing registers partials. I left it alone.',
            ),
          ],
        ],
        refuse: { 'npm install --save-dev tinybench': `${refusal}. bench/run.js is what CI compares against, keep using it` },
      },
      {
        user: last,
        model: [
          [
            edit(
              'CHANGELOG.md',
              '# Changelog\n\n',
              '# Changelog\n\n## Unreleased\n\n- render() caches parsed templates per source string (at most 500, oldest dropped first).\n\n',
            ),
          ],
          [bash('git diff --stat && git add CHANGELOG.md && git commit -qm "changelog: template cache" && git log --oneline -2', 'Commit the changelog line')],
          [say('Added under "Unreleased" and committed separately.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Polite user with a numbered list of constraints. Made render() faster with a bounded template cache; two other attempts dropped.',
          intent:
            'Make render() in lib/render.js faster without changing its signature or behaviour; one commit per optimisation; bench/run.js is the reference. Then a CHANGELOG line.',
          concepts: ['Template compile cache', 'Cost-model benchmark in bench/run.js', 'node:test'],
          files: ['lib/render.js: compile() with a Map of parsed templates, capped', 'CHANGELOG.md: Unreleased entry for the cache'],
          errors: ['The partials test fails (no partial registration exists); left as it was', 'A hand-written scanner crashed on nested blocks; reverted'],
          solving:
            'The cache made the large benchmark case more than ten times faster. A faster escaper was tried and removed because of a different apostrophe entity.',
          messages: [
            'The user asked for a faster render(), same API, one commit per optimisation, compare with bench/run.js',
            'The user refused adding a benchmark library as a devDependency',
            `"${last}"`,
          ],
          pending: ['The failing partials test (pre-existing)'],
          current: 'Added the CHANGELOG entry and committed it.',
          next: 'Nothing pending from the user.',
        }),
      },
    ];
  },
};
