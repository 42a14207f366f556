// npm run bench:redact — redaction throughput over a ≥ 100 MB Claude Code log (bench/lib/syntheticLog.mjs,
// cached in .bench/), and the archive's copy speed, each against a baseline measured in the same run
// on the same file:
//   - redactSecrets on every raw line, and redactDeep on every parsed record, vs. JSON.parse of every line
//     (what any reader of the log pays anyway);
//   - archiveLog (streaming copy + sha256 while copying + each chunk read back and compared) vs. fs.copyFile.
// Also plants a secret every ~1000 lines and checks every one is gone (a fast but blind regex would not).
import { createRequire } from 'node:module';
import { copyFileSync, mkdtempSync, openSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSyntheticLog } from './lib/syntheticLog.mjs';
import { makeSecrets } from '../test/fixtures/secrets/plantedSecrets.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { redactSecrets, redactDeep, archiveLog } = createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'handoverCore.js'));
const TARGET_BYTES = Number(process.env.BENCH_REDACT_BYTES ?? 100 * 1024 * 1024);

const { path, bytes } = ensureSyntheticLog(join(repoRoot, '.bench', `redact-claude-${Math.round(TARGET_BYTES / 1048576)}mb.jsonl`), TARGET_BYTES, { seed: 7 });
const mb = bytes / 1048576;

/** Every line of the log, read in 4 MB chunks. */
function forEachLine(onLine) {
  const fd = openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
  let carry = '';
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const text = carry + chunk.toString('utf8', 0, n);
      const lines = text.split('\n');
      carry = lines.pop();
      for (const line of lines) if (line) onLine(line);
    }
    if (carry) onLine(carry);
  } finally {
    closeSync(fd);
  }
}

function timed(label, fn) {
  const start = performance.now();
  const extra = fn();
  const seconds = (performance.now() - start) / 1000;
  return { label, seconds, extra };
}

const secrets = makeSecrets(99);
let lineNo = 0;
let planted = 0;
const withSecret = (line) =>
  ++lineNo % 1000 === 0 ? (planted++, line.replace(/"text":"/, `"text":"${JSON.stringify(secrets[planted % secrets.length].text).slice(1, -1)} `)) : line;

const parse = timed('JSON.parse every line (baseline)', () => forEachLine((line) => JSON.parse(line)));
// The redactor before issue 12 (a hand-kept list, measured as 80 MB/s on an idle machine), built from git
// and run on the same lines in this run: the ratio is what the maintained rule set costs.
const BEFORE_COMMIT = 'f99a272';
const { transformSync } = await import('esbuild');
const { execFileSync } = await import('node:child_process');
const beforeSource = transformSync(execFileSync('git', ['-C', repoRoot, 'show', `${BEFORE_COMMIT}:src/util/redact.ts`], { encoding: 'utf8' }), {
  loader: 'ts',
  format: 'cjs',
}).code;
const beforeModule = { exports: {} };
new Function('module', 'exports', beforeSource)(beforeModule, beforeModule.exports);
const before = timed(`redactSecrets before (git ${BEFORE_COMMIT})`, () => {
  forEachLine((line) => beforeModule.exports.redactSecrets(line));
});
const raw = timed('redactSecrets every raw line', () => {
  let leaks = 0;
  lineNo = 0;
  planted = 0;
  forEachLine((line) => {
    const input = withSecret(line);
    const out = redactSecrets(input);
    if (input !== line && out.includes(JSON.stringify(secrets[planted % secrets.length].value).slice(1, 13))) leaks++;
  });
  return `${planted} planted, ${leaks} leaked`;
});
const deep = timed('JSON.parse + redactDeep every record', () => {
  let leaks = 0;
  lineNo = 0;
  planted = 0;
  forEachLine((line) => {
    const input = withSecret(line);
    const out = JSON.stringify(redactDeep(JSON.parse(input)));
    if (input !== line && out.includes(JSON.stringify(secrets[planted % secrets.length].value).slice(1, 13))) leaks++;
  });
  return `${planted} planted, ${leaks} leaked`;
});

const work = mkdtempSync(join(tmpdir(), 'bench-redact-'));
const copy = timed('fs.copyFile (baseline)', () => copyFileSync(path, join(work, 'copy.jsonl')));
const startArchive = performance.now();
const archived = await archiveLog(path, join(work, 'home'), 'bench-session');
const archive = {
  label: 'archiveLog (copy + sha256 + read-back)',
  seconds: (performance.now() - startArchive) / 1000,
  extra: `sha256 ${archived.sha256.slice(0, 12)}…`,
};
const startReuse = performance.now();
const reused = await archiveLog(path, join(work, 'home'), 'bench-session');
const reuse = { label: 'archiveLog again (reused: hash only)', seconds: (performance.now() - startReuse) / 1000, extra: `reused ${reused.reused}` };
rmSync(work, { recursive: true, force: true });

console.log(`bench:redact on ${mb.toFixed(1)} MB (${path})`);
const row = (r, base) =>
  console.log(
    `  ${r.label.padEnd(40)} ${r.seconds.toFixed(2).padStart(6)} s  ${(mb / r.seconds).toFixed(0).padStart(5)} MB/s  ${base ? `${(r.seconds / base.seconds).toFixed(2)}× baseline` : 'baseline'}${r.extra ? `  (${r.extra})` : ''}`,
  );
row(parse);
row(before, parse);
row(raw, parse);
console.log(
  `  maintained rule set vs hand-kept list: ${(mb / raw.seconds).toFixed(0)} MB/s vs ${(mb / before.seconds).toFixed(0)} MB/s = ${(before.seconds / raw.seconds).toFixed(2)}× the old throughput`,
);
row(deep, parse);
row(copy);
row(archive, copy);
row(reuse, copy);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (/[1-9]\d* leaked/.test(`${raw.extra} ${deep.extra}`)) {
  console.error('bench:redact: planted secrets leaked');
  process.exit(1);
}
