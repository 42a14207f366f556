// A chatty Filipino user writing Taglish (Tagalog and English mixed in one sentence, "po", emojis) on a
// zero-dependency Node ESM CLI (tipid: counts words in a notes folder) tested with `node --test`, with a
// JSONC config file read by a hand-rolled parser whose errors keep the old V8 wording. The user's own
// edit left a trailing comma (SyntaxError: Unexpected token } in JSON at position 212), fixed. A bounded
// read queue is chosen after the model compares three options in a markdown table in its visible text and
// settles it in thinking without a choice word; the queue first breaks a node --test order test, fixed.
// The user suggests Node's built-in JSON import; it is committed, breaks the CLI on the config's //
// comments, and is undone with `git revert`. `npm publish` is refused. `time` runs before and after are
// tee'd to perf/ (their figures vary, so they are read back from there at scoring), with a "processed N
// files in Xs" line. One /compact in the middle, one at the end. Written as a held-out scenario: not
// tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const JSONC =
  String.raw`// Minimal JSONC: JSON plus // line comments (no dependency). The error wording is kept the same as
// node 16/18's JSON.parse, so the troubleshooting section of docs/config.md still matches.
export function parseJsonc(text) {
  let i = 0;
  const fail = () => {
    throw new SyntaxError(i < text.length ? ` +
  '`Unexpected token ${text[i]} in JSON at position ${i}`' +
  String.raw` : 'Unexpected end of JSON input');
  };
  const ws = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i])) i++;
      if (!text.startsWith('//', i)) return;
      while (i < text.length && text[i] !== '\n') i++;
    }
  };
  const token = (re) => {
    const m = re.exec(text.slice(i));
    if (!m) fail();
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  const string = () => token(/^"(?:[^"\\\n]|\\.)*"/);
  const value = () => {
    ws();
    if (text[i] === '{') return object();
    if (text[i] === '[') return array();
    if (text[i] === '"') return string();
    return token(/^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/);
  };
  const object = () => {
    const out = {};
    i++;
    ws();
    if (text[i] === '}') return i++, out;
    for (;;) {
      ws();
      if (text[i] !== '"') fail();
      const key = string();
      ws();
      if (text[i] !== ':') fail();
      i++;
      out[key] = value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return i++, out;
      fail();
    }
  };
  const array = () => {
    const out = [];
    i++;
    ws();
    if (text[i] === ']') return i++, out;
    for (;;) {
      out.push(value());
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return i++, out;
      fail();
    }
  };
  const result = value();
  ws();
  if (i < text.length) fail();
  return result;
}
`;

const CONFIG = String.raw`import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJsonc } from './jsonc.js';

export const DEFAULTS = { root: '.', extensions: ['.md'], ignoreCode: true, minWordLength: 1 };

/** .tipidrc.json in the directory tipid runs in (JSON with // comments), over the defaults. */
export async function loadConfig(cwd) {
  let text;
  try {
    text = await readFile(join(cwd, '.tipidrc.json'), 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return { ...DEFAULTS };
    throw error;
  }
  return { ...DEFAULTS, ...parseJsonc(text) };
}
`;

const FILES_JS = String.raw`import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Every file under dir whose extension is listed, in path order. */
export async function listFiles(dir, extensions) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, extensions)));
    else if (extensions.includes(extname(entry.name))) out.push(path);
  }
  return out.sort();
}
`;

const COUNT_V1 =
  String.raw`import { readFile } from 'node:fs/promises';

export function countWords(text, { ignoreCode = true, minWordLength = 1 } = {}) {
  const body = ignoreCode ? text.replace(/` +
  '```[\\s\\S]*?```' +
  String.raw`/g, ' ') : text;
  return body.split(/\s+/).filter((w) => w.replace(/[^\p{L}\p{N}]/gu, '').length >= minWordLength).length;
}

/** [{ file, words }] in the order of files. */
export async function countFiles(files, config, read = (file) => readFile(file, 'utf8')) {
  const results = [];
  for (const file of files) results.push({ file, words: countWords(await read(file), config) });
  return results;
}
`;

const CLI =
  String.raw`import { loadConfig } from './config.js';
import { countFiles } from './count.js';
import { listFiles } from './files.js';

export async function run(argv) {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((a) => !a.startsWith('--'));
  const config = await loadConfig(process.cwd());
  const started = performance.now();
  const files = await listFiles(args[0] ?? config.root, config.extensions);
  const results = await countFiles(files, config);
  if (verbose) for (const r of results) console.log(` +
  '`${r.words}\\t${r.file}`' +
  String.raw`);
  console.log(` +
  '`words: ${results.reduce((sum, r) => sum + r.words, 0)}`' +
  String.raw`);
  console.log(` +
  '`processed ${files.length} files in ${((performance.now() - started) / 1000).toFixed(3)}s`' +
  String.raw`);
  return 0;
}
`;

const BIN = "#!/usr/bin/env node\nimport { run } from '../src/cli.js';\n\nprocess.exitCode = await run(process.argv.slice(2));\n";

const TEST =
  String.raw`import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countFiles, countWords } from '../src/count.js';
import { parseJsonc } from '../src/jsonc.js';

test('counts words and skips fenced code', () => {
  assert.equal(countWords('isa dalawa\n` +
  '```' +
  String.raw`\nconst x = 1;\n` +
  '```' +
  String.raw`\ntatlo'), 3);
});

test('minWordLength drops short words', () => {
  assert.equal(countWords('a ng mga bahay', { minWordLength: 2 }), 3);
});

test('parses comments', () => {
  assert.deepEqual(parseJsonc('// hi\n{ "a": [1, "x"] }\n'), { a: [1, 'x'] });
});

test('reports the position like node 18', () => {
  assert.throws(() => parseJsonc('{ "a": 1, }'), /Unexpected token \} in JSON at position 10/);
});

test('countFiles keeps the input order', async () => {
  const delays = { 'a.md': 30, 'b.md': 0, 'c.md': 0 };
  const read = (file) => new Promise((resolve) => setTimeout(() => resolve(file + ' text'), delays[file]));
  const results = await countFiles(['a.md', 'b.md', 'c.md'], {}, read);
  assert.deepEqual(results.map((r) => r.file), ['a.md', 'b.md', 'c.md']);
});
`;

// The user's config after yesterday's edit: a trailing comma, the closing brace at position 212.
const RC_HEAD =
  '// tipid config: binabasa ng src/config.js (JSON na may // comments)\n// docs: docs/config.md\n{\n  "root": "notes",\n  "extensions": [".md", ".txt"],\n  "ignoreCode": true,\n';
const RC_TAIL = '  "minWordLength": 2,\n}\n';
const RC = (() => {
  const base = RC_HEAD + RC_TAIL;
  const pad = 212 - base.lastIndexOf('}');
  // the padding goes into a comment line so the position lands where the user's file has it
  return RC_HEAD.replace('// docs: docs/config.md\n', `// docs: docs/config.md${' '.repeat(Math.max(0, pad))}\n`) + RC_TAIL;
})();

function notes() {
  const topics = ['budget', 'resipe', 'biyahe', 'trabaho', 'kalusugan', 'libro'];
  const words = ['gastos', 'ulam', 'bigas', 'pamasahe', 'meeting', 'deadline', 'tulog', 'tubig', 'kabanata', 'ipon', 'sahod', 'kuryente'];
  let state = 240;
  const rnd = (n) => ((state = (state * 48271) % 2147483647), state % n);
  const files = {};
  for (let i = 0; i < 240; i++) {
    const topic = topics[i % topics.length];
    const ext = i % 9 === 0 ? 'txt' : 'md';
    const lines = [];
    for (let l = 0; l < 6 + rnd(30); l++) lines.push(Array.from({ length: 3 + rnd(12) }, () => words[rnd(words.length)]).join(' '));
    if (i % 7 === 0) lines.push('```', 'total = sum(items)', '```');
    files[`notes/${topic}/${String(i).padStart(3, '0')}.${ext}`] = `# ${topic} ${i}\n\n${lines.join('\n')}\n`;
  }
  return files;
}

/** A figure the session tee'd into perf/: "0.041" from `processed N files in 0.041s`, or time's real. */
function perfFigure(project, file, which) {
  const path = join(project, file);
  if (!existsSync(path)) return `${file}: ${which} (not generated yet)`;
  const text = readFileSync(path, 'utf8');
  const match = which === 'real' ? /^real\s+0m([\d.]+)s/m.exec(text) : /processed \d+ files in ([\d.]+)s/.exec(text);
  return match ? match[1] : `${file}: no ${which}`;
}

export const scenario = {
  name: 'node-cli-taglish-chatty',
  about:
    'held out: chatty Filipino user writing Taglish, zero-dep Node ESM CLI with node --test and a JSONC config; Unexpected token } in JSON at position 212 fixed; three options in a markdown table, picked in thinking with no choice word; an order test broken by the queue and fixed; a committed JSON import attribute reverted with git revert; a refused npm publish; time runs tee\'d to perf/ and a "processed N files in Xs" line; one mid and one final /compact',
  requires: ['node', 'npm', 'git', 'tee'],
  files: {
    '.gitignore': 'node_modules/\nperf/\n',
    'package.json':
      JSON.stringify(
        { name: 'tipid', version: '0.3.2', type: 'module', bin: { tipid: 'bin/tipid.js' }, scripts: { test: 'node --test' }, license: 'MIT' },
        null,
        2,
      ) + '\n',
    'README.md':
      '# tipid\n\nBilang ng salita sa notes folder mo.\n\n    node bin/tipid.js [DIR] [--verbose]\n\nConfig: `.tipidrc.json` (JSON + `//` comments), see docs/config.md.\n',
    'CHANGELOG.md': '# Changelog\n\n## 0.3.2\n\n- `minWordLength` option\n',
    'docs/config.md': '# .tipidrc.json\n\nStrict JSON plus `//` line comments. No trailing commas.\n\nKeys: root, extensions, ignoreCode, minWordLength.\n',
    '.tipidrc.json': RC,
    'bin/tipid.js': BIN,
    'src/cli.js': CLI,
    'src/config.js': CONFIG,
    'src/count.js': COUNT_V1,
    'src/files.js': FILES_JS,
    'src/jsonc.js': JSONC,
    'test/tipid.test.js': TEST,
    ...notes(),
  },
  build(k, { project, edit, write }) {
    const fixReq = k.request('paki-ayos yung pag-load ng config');
    const zeroDeps = k.constraint('walang bagong dependencies ha, zero-deps talaga tong CLI');
    k.error('SyntaxError: Unexpected token } in JSON at position 212', 'resolved');
    const comma = k.decision(
      'take the trailing comma out of .tipidrc.json',
      'docs/config.md promises strict JSON plus comments',
      'teaching parseJsonc to accept trailing commas',
    );
    k.file('.tipidrc.json');
    const speedReq = k.request('pabilisin yung pagbasa ng files');
    const notesRule = k.constraint('wag mong galawin yung notes folder, personal notes ko yan');
    k.number('240');
    k.number(perfFigure(project, 'perf/before.txt', 'processed'));
    k.number(perfFigure(project, 'perf/before.txt', 'real'));
    const queue = k.decision(
      'at most 16 reads in flight',
      'a folder of a few thousand notes would hit the 256 open files of a default macOS ulimit',
      'a worker_threads pool',
    );
    k.error('✖ countFiles keeps the input order', 'resolved');
    k.file('src/count.js');
    k.number(perfFigure(project, 'perf/after.txt', 'processed'));
    k.number(perfFigure(project, 'perf/after.txt', 'real'));
    const builtin = k.request('pwede bang built-in JSON import na lang ng node');
    const attr = k.rejected("with { type: 'json' }", "JSON modules can't read the // comments in .tipidrc.json");
    k.error("Unexpected token '/'", 'resolved');
    const bump = k.request('i-bump mo na sa 0.4.0');
    const publish = k.refusal('wag mo munang i-publish, si Carlo ang nagre-release tuwing Friday');
    k.file('package.json');
    const changelog = k.request('i-update mo yung CHANGELOG para sa 0.4.0');
    k.file('CHANGELOG.md');
    k.lastRequest(changelog);
    k.check('node --test', 'passing');
    k.not('rejected', queue.choice, 'the approach that was kept is not a dead end');
    k.not('decisions', attr.what, 'committed and reverted: a rejected approach');
    k.not('rejected', queue.alternative, 'weighed, never tried');
    k.not('constraints', speedReq, 'a request is not a standing rule');
    k.not('errors', 'si Carlo ang nagre-release', "a user's refusal is not a tool error");

    const tests = 'node --test 2>&1 | tail -n 14';
    const publishCmd = 'npm publish';
    const seq =
      "export async function countFiles(files, config, read = (file) => readFile(file, 'utf8')) {\n  const results = [];\n" +
      '  for (const file of files) results.push({ file, words: countWords(await read(file), config) });\n  return results;\n}\n';
    const queued =
      '// Reads at most LIMIT files at once: enough to overlap the I/O, few enough to stay under ulimit -n.\nconst LIMIT = 16;\n\n' +
      "export async function countFiles(files, config, read = (file) => readFile(file, 'utf8')) {\n  const results = [];\n  let next = 0;\n" +
      '  const worker = async () => {\n    while (next < files.length) {\n      const file = files[next++];\n' +
      '      results.push({ file, words: countWords(await read(file), config) });\n    }\n  };\n' +
      '  await Promise.all(Array.from({ length: Math.min(LIMIT, files.length) }, worker));\n  return results;\n}\n';
    const configAttr =
      "import rc from '../.tipidrc.json' with { type: 'json' };\n\nexport const DEFAULTS = { root: '.', extensions: ['.md'], ignoreCode: true, minWordLength: 1 };\n\n" +
      '/** .tipidrc.json as a JSON module, over the defaults. */\nexport async function loadConfig() {\n  return { ...DEFAULTS, ...rc };\n}\n';

    return [
      {
        user:
          'Hi po! Good morning 😊 So ayun, yung CLI namin (tipid) biglang ayaw na gumana after ko i-edit yung .tipidrc.json kahapon, nag-add lang naman ako ng minWordLength 😅 ' +
          `Pwede mo ba ${fixReq}? Tapos isa pa, ${zeroDeps}, pinagmamalaki namin yan sa README lol. Salamat!!`,
        model: [
          [
            think('Run it the way she does, from the project root, and look at the top of the trace.'),
            bash('node bin/tipid.js 2>&1 | head -n 12', 'Run the CLI'),
          ],
          [bash('head -c 230 .tipidrc.json | tail -n 4 | cat -A', 'Look at the end of the config')],
          [
            think(
              `The new line ends with a comma right before the closing brace. Either ${comma.alternative} or ${comma.choice}. ` +
                `She only added one key, and ${comma.reason}; the parser is right to complain. Fix the file, not the parser.`,
            ),
            edit('.tipidrc.json', '  "minWordLength": 2,\n}', '  "minWordLength": 2\n}'),
          ],
          [bash('node bin/tipid.js | tail -n 2 && node --test 2>&1 | tail -n 8', 'Run the CLI and the tests')],
          [
            say(
              'Fixed! 🎉 The `minWordLength` line in `.tipidrc.json` ended with a comma right before the closing `}`. The config is strict JSON plus `//` comments (as docs/config.md says), so the trailing comma is what the loader tripped on. ' +
                'I removed it; `tipid` runs again and `node --test` is green. No code changes, no dependencies.',
            ),
          ],
        ],
      },
      {
        user:
          `Grabe ang bilis 🙏 thank you!! Next naman: ang bagal ng tipid pag malaki yung notes, parang isa-isa niya binabasa yung files. Pwede mo bang ${speedReq}? ` +
          `Pakisukat mo rin before and after ha, gamit yung time. Ah tsaka ${notesRule} 🙈`,
        model: [
          [
            think('Baseline first, keep the output under perf/ so the numbers can be compared later.'),
            bash('mkdir -p perf && { time node bin/tipid.js ; } 2>&1 | tee perf/before.txt', 'Time the current version'),
          ],
          [
            say(
              'Baseline saved to `perf/before.txt`. Right now `countFiles` awaits each `readFile` before starting the next one. Three ways to overlap the reads:\n\n' +
                '| Option | Pros | Cons |\n|---|---|---|\n' +
                '| `Promise.all` over every file | 3 lines, fastest on small folders | opens every file at the same time |\n' +
                '| Worker threads | real parallelism for CPU work | startup cost per thread; counting words is cheap, the time is I/O |\n' +
                '| Small queue with a fixed number of reads | overlaps I/O, bounded file handles | ~15 lines, results arrive out of order |\n',
            ),
            bash("grep -n 'await read' src/count.js", 'Find the sequential read'),
          ],
          [
            think(
              `${queue.choice[0].toUpperCase()}${queue.choice.slice(1)}. The word count is trivial next to the reads, so ${queue.alternative} buys nothing but startup; ` +
                `and unbounded, ${queue.reason}. Keep the read injectable so the tests can still fake it.`,
            ),
            edit('src/count.js', seq, queued),
          ],
          [bash('node --test 2>&1 | head -n 24', 'Run the tests')],
          [
            think('The queue pushes results as reads finish, so a slow first file lands last. Write each result into its own slot instead.'),
            edit(
              'src/count.js',
              '  const worker = async () => {\n    while (next < files.length) {\n      const file = files[next++];\n      results.push({ file, words: countWords(await read(file), config) });\n',
              '  const worker = async () => {\n    while (next < files.length) {\n      const index = next++;\n      const file = files[index];\n      results[index] = { file, words: countWords(await read(file), config) };\n',
            ),
          ],
          [bash(tests, 'Run the tests')],
          [bash('{ time node bin/tipid.js ; } 2>&1 | tee perf/after.txt', 'Time the new version')],
          [bash('node bin/tipid.js --verbose | head -n 3 && git status --short', 'Check the order and the tree')],
          [
            say(
              'Done! `countFiles` now keeps a small queue of reads going at once instead of one at a time. The first version returned results in the order the reads finished; the order test caught it, and each result now goes into its own slot.\n\n' +
                '- Before/after timings: `perf/before.txt` and `perf/after.txt` (ignored by git)\n- `notes/` untouched, no new dependencies\n- `node --test` green',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Taglish user; tipid CLI. The config error was a trailing comma in .tipidrc.json; reading files is now concurrent with a bound.',
          intent: 'Fix the config loading; speed up reading files and measure before/after with time. Zero dependencies; do not touch notes/.',
          concepts: ['ESM CLI', 'node --test', 'JSONC parser with node-18-style errors', 'bounded concurrency'],
          files: ['.tipidrc.json: trailing comma removed', 'src/count.js: bounded read queue, results in input order'],
          errors: ['The config failed to parse because of a trailing comma; fixed', 'The queue first returned results out of order; fixed'],
          solving: 'Compared Promise.all, worker threads and a bounded queue.',
          messages: ['Fix the config loading; zero deps', 'Speed up reading, measure with time; do not touch notes/'],
          pending: [],
          current: 'Timings saved in perf/.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          'Ang galing!! 🔥 Tanong lang, yung src/jsonc.js natin mga 80 lines, di ba may JSON modules na yung node ngayon? ' +
          `${builtin[0].toUpperCase()}${builtin.slice(1)}, para less code to maintain? If okay yung tests, commit mo na rin.`,
        model: [
          [
            think('Import attributes are stable in node 22+. Try it: import the rc as a JSON module and drop the parser call.'),
            write('src/config.js', configAttr),
          ],
          [bash(tests, 'Run the tests')],
          [bash('git add src/config.js && git commit -qm "config: load .tipidrc.json as a JSON module" && git log --oneline -2', 'Commit')],
          [bash('node bin/tipid.js 2>&1 | head -n 8', 'Smoke-test the CLI')],
          [
            say(
              `That broke the CLI: ${attr.why}, and the import is resolved next to the package, not in the folder where you run tipid. The tests didn't catch it because they never load the config. Reverting the commit.`,
            ),
            bash('git revert --no-edit HEAD && git log --oneline -3', 'Revert the JSON module commit'),
          ],
          [bash('node bin/tipid.js | tail -n 1 && node --test 2>&1 | tail -n 8', 'Run the CLI and the tests')],
          [
            say(
              "Sorry, hindi pala pwede 😅 Node's JSON modules are strict JSON only, so the `//` comments at the top of your config break them, and the path would point at the package instead of your working directory. " +
                'I reverted the commit (`git revert`, so the history shows both). `src/jsonc.js` stays; the CLI and the tests are back to green.',
            ),
          ],
        ],
      },
      {
        user: `Ahh gets, sayang haha. Okay ${bump}, then publish na natin 🚀`,
        model: [
          [edit('package.json', '"version": "0.3.2"', '"version": "0.4.0"')],
          [bash('node -p "require(\'./package.json\').version" && node --test 2>&1 | grep -E "^ℹ (pass|fail)"', 'Check the version and the tests')],
          [bash(publishCmd, 'Publish to npm')],
          [say('Okay, not published. `package.json` is at 0.4.0, nothing tagged or committed.')],
        ],
        refuse: { [publishCmd]: publish },
      },
      {
        user: `Ay sorry medyo strict kami dun 😅 Last na talaga: ${changelog}, yung speedup lang ilagay mo, wag na yung revert. Thank you so much po!!`,
        model: [
          [
            edit(
              'CHANGELOG.md',
              '# Changelog\n\n',
              '# Changelog\n\n## 0.4.0\n\n- Files are read concurrently (a bounded queue), results keep their path order\n\n',
            ),
          ],
          [bash('node --test 2>&1 | tail -n 8 && git diff --stat', 'Run the tests')],
          [say('CHANGELOG has a 0.4.0 entry for the faster reading. Tests green; publishing is left to Carlo. Walang anuman! 😊')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Taglish user; tipid. After the config and speed work: a JSON-module config was tried and reverted, version bumped, publish refused, changelog written.',
          intent: 'Config loading, faster reading, simpler config loader (reverted), 0.4.0 bump, changelog. Zero dependencies; notes/ untouched.',
          concepts: ['git revert', 'semver bump', 'JSON modules'],
          files: ['src/config.js: JSON module tried and reverted', 'package.json: 0.4.0', 'CHANGELOG.md: 0.4.0'],
          errors: ['The JSON module import broke on the config comments; reverted'],
          solving: 'Kept the hand-rolled JSONC parser.',
          messages: ['Earlier messages are in the previous summary', 'Use the built-in JSON import?', 'Bump to 0.4.0 and publish', 'Changelog for 0.4.0'],
          pending: [],
          current: 'Changelog written.',
          next: 'None.',
        }),
      },
    ];
  },
};
