// Bad input through the real CLI (dist/cli.js): one clear stderr line, the right exit code, never a
// stack trace, and --out written whole or not at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, samplesDir } from '../support/paths.mjs';

const sample = join(samplesDir, 'claude-code', 'spotter-short.jsonl');
const sampleLines = readFileSync(sample, 'utf8').split('\n').filter(Boolean);
/** Lines the extract must keep from the sample: the first user-typed message. */
const typedLine = sampleLines.findIndex((l) => {
  const r = JSON.parse(l);
  return r.type === 'user' && typeof r.message?.content === 'string' && !r.isMeta && !r.message.content.startsWith('<');
});
const typedText = JSON.parse(sampleLines[typedLine]).message.content;

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'handover-badinput-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function extract(...args) {
  const r = spawnSync(process.execPath, [cli, 'extract', ...args], { encoding: 'utf8', cwd: dir });
  assert.doesNotMatch(r.stderr, /\n\s+at |Error:|TypeError|internal error/, `no stack trace or internal error: ${r.stderr}`);
  return r;
}

function oneLine(stderr) {
  const lines = stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, `exactly one stderr line, got: ${stderr}`);
  return lines[0];
}

/** Files in dir besides the ones named: a leftover temp file shows up here. */
function strayFiles(folder, expected) {
  return readdirSync(folder).filter((f) => !expected.includes(f));
}

test('a truncated last line (log still being written) is skipped with a note, the rest extracted, exit 0', () => {
  const whole = sampleLines.join('\n') + '\n';
  const path = write('truncated.jsonl', whole + sampleLines[typedLine].slice(0, 40));
  const r = extract(path);
  assert.equal(r.status, 0);
  assert.match(oneLine(r.stderr), /last line is incomplete/);
  assert.ok(r.stdout.includes(typedText));
});

test('a complete last line without a newline is used, with nothing on stderr', () => {
  const path = write('nonewline.jsonl', sampleLines.join('\n'));
  const r = extract(path);
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
  assert.ok(r.stdout.includes(typedText));
});

test('invalid JSON lines are counted with their line numbers, exit 0', () => {
  const lines = [...sampleLines];
  lines.splice(2, 0, '{"type":"user","message":', 'not json at all');
  const path = write('badjson.jsonl', lines.join('\n') + '\n');
  const r = extract(path);
  assert.equal(r.status, 0);
  assert.match(oneLine(r.stderr), /2 invalid JSON line\(s\) skipped \(line 3, 4\)/);
  assert.ok(r.stdout.includes(typedText));
});

test('invalid UTF-8 is read with replacement characters and reported by line', () => {
  const bad = Buffer.concat([
    Buffer.from('{"type":"user","uuid":"u-bad","message":{"role":"user","content":"caf'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from(' au lait"}}\n'),
  ]);
  const path = join(dir, 'badutf8.jsonl');
  writeFileSync(path, Buffer.concat([Buffer.from(sampleLines.join('\n') + '\n'), bad]));
  const r = extract(path);
  assert.equal(r.status, 0);
  assert.match(oneLine(r.stderr), new RegExp(`invalid UTF-8 .*line ${sampleLines.length + 1}\\)`));
  assert.match(r.stdout, /caf\uFFFD\uFFFD au lait/);
});

test('records with missing or wrongly typed fields are skipped and counted, the rest extracted', () => {
  const junk = [
    '{"type":"user","message":5}',
    '{"type":"assistant","message":{"content":{"not":"an array"}}}',
    '{"type":7}',
    '[1,2,3]',
    'null',
    '"a string"',
    '{"type":"user","message":{"content":[{"type":"text","text":42}]}}',
    '{"type":"assistant","message":{"content":[{"type":"thinking","thinking":{"x":1}}]}}',
  ];
  const path = write('malformed.jsonl', [...sampleLines, ...junk].join('\n') + '\n');
  const r = extract(path);
  assert.equal(r.status, 0);
  const first = sampleLines.length + 1;
  const expected = junk.map((_, i) => first + i).join(', ');
  assert.match(oneLine(r.stderr), new RegExp(`${junk.length} record\\(s\\) with missing or wrongly typed fields skipped \\(line ${expected}\\)`));
  assert.ok(r.stdout.includes(typedText));
});

test('unknown record types are counted, not fatal', () => {
  const path = write('unknown.jsonl', [...sampleLines, '{"type":"hologram","uuid":"h1"}', '{"type":"hologram"}', '{"type":"telepathy"}'].join('\n') + '\n');
  const r = extract(path);
  assert.equal(r.status, 0);
  assert.match(oneLine(r.stderr), /3 record\(s\) of unknown type skipped \(hologram, telepathy\)/);
});

test('a 50 MB single line is skipped without holding it; memory stays bounded; the rest is extracted', () => {
  const path = join(dir, 'hugeline.jsonl');
  const fd = openSync(path, 'w');
  writeSync(fd, sampleLines.slice(0, typedLine + 1).join('\n') + '\n');
  writeSync(fd, '{"type":"user","uuid":"big","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"');
  const block = Buffer.alloc(1024 * 1024, 'x');
  for (let i = 0; i < 50; i++) writeSync(fd, block);
  writeSync(fd, '"}]}}\n' + sampleLines.slice(typedLine + 1).join('\n') + '\n');
  closeSync(fd);
  const timeBin = '/usr/bin/time';
  const rssFile = join(dir, 'rss.txt');
  const useTime = existsSync(timeBin);
  const r = useTime
    ? spawnSync(timeBin, ['-f', '%M', '-o', rssFile, process.execPath, cli, 'extract', path], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, [cli, 'extract', path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(oneLine(r.stderr), new RegExp(`1 line\\(s\\) over \\d+ MB skipped \\(line ${typedLine + 2}\\)`));
  assert.ok(r.stdout.includes(typedText));
  assert.ok(r.stdout.length < 1024 * 1024, 'the huge line is not in the extract');
  if (useTime) {
    const peakKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    assert.ok(peakKb < 200 * 1024, `peak RSS ${Math.round(peakKb / 1024)} MB should stay under 200 MB`);
  }
});

test('an empty file: clear message, non-zero exit', () => {
  const r = extract(write('empty.jsonl', ''));
  assert.equal(r.status, 2);
  assert.match(oneLine(r.stderr), /empty\.jsonl is empty: nothing to extract/);
});

test('a missing file: clear message, non-zero exit', () => {
  const r = extract(join(dir, 'nope.jsonl'));
  assert.equal(r.status, 2);
  assert.match(oneLine(r.stderr), /no such file: .*nope\.jsonl/);
});

test('a directory: clear message, non-zero exit', () => {
  const sub = join(dir, 'adir.jsonl');
  mkdirSync(sub);
  const r = extract(sub);
  assert.equal(r.status, 2);
  assert.match(oneLine(r.stderr), /is a directory, not a session log/);
});

test('a binary file: clear message, non-zero exit', () => {
  let seed = 7;
  const bytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  const r = extract(write('binary.jsonl', bytes));
  assert.equal(r.status, 2);
  assert.match(oneLine(r.stderr), /binary\.jsonl is not a session log: none of its \d+ line\(s\) is a JSON record/);
});

test('JSON that is not an agent log: clear message, non-zero exit', () => {
  const r = extract(write('other.jsonl', '{"hello":"world"}\n{"n":1}\n'));
  assert.equal(r.status, 2);
  assert.match(oneLine(r.stderr), /not a Claude Code or Codex session log/);
});

test('--out on success: the whole extract, no temp file beside it', () => {
  const outDir = join(dir, 'out-ok');
  mkdirSync(outDir);
  const r = extract(sample, '--out', join(outDir, 'extract.md'));
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '');
  assert.ok(readFileSync(join(outDir, 'extract.md'), 'utf8').includes(typedText));
  assert.deepEqual(strayFiles(outDir, ['extract.md']), []);
});

test('--out on a failed extraction: an existing file is untouched, no temp file left', () => {
  const outDir = join(dir, 'out-fail');
  mkdirSync(outDir);
  const out = join(outDir, 'extract.md');
  writeFileSync(out, 'previous extract\n');
  for (const input of [write('empty2.jsonl', ''), join(dir, 'missing.jsonl'), write('bin2.jsonl', Buffer.from([0, 1, 2, 0xff, 10, 0x80]))]) {
    const r = extract(input, '--out', out);
    assert.equal(r.status, 2);
    oneLine(r.stderr);
    assert.equal(readFileSync(out, 'utf8'), 'previous extract\n');
    assert.deepEqual(strayFiles(outDir, ['extract.md']), []);
  }
});

test('--out that cannot be written: one clear line, nothing left behind', () => {
  const outDir = join(dir, 'out-blocked');
  mkdirSync(join(outDir, 'extract.md'), { recursive: true }); // a directory where the file should go
  const r = extract(sample, '--out', join(outDir, 'extract.md'));
  assert.notEqual(r.status, 0);
  assert.match(oneLine(r.stderr), /cannot write/);
  assert.deepEqual(strayFiles(outDir, ['extract.md']), []);
  const r2 = extract(sample, '--out', join(dir, 'no', 'such', 'dir', 'x.md'));
  assert.notEqual(r2.status, 0);
  assert.match(oneLine(r2.stderr), /cannot write/);
});
