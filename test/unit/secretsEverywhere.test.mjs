// Issue 12: every planted secret kind (53, fake values) stays out of the search index, `search` and
// `show` output, and the archive, and $HANDOVER_HOME and the archive are private (0700 / 0600). The
// handover files and the Anthropic requests are checked in redact.test.mjs and anthropic.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/paths.mjs';
import { writeCorpus } from '../fixtures/secrets/plantedSecrets.mjs';

/** The secret's distinctive parts: a leftover shorter than the whole value still leaks it. */
const cores = (value) => value.split(/\s+/).filter((part) => part.length >= 8 && !/^-----|PRIVATE$|KEY-----$/.test(part));

function filesUnder(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else out.push(path);
  }
  return out;
}

test('no planted secret reaches the index, search or show output; the home and archive are private', () => {
  const root = mkdtempSync(join(tmpdir(), 'handover-secrets-'));
  try {
    const home = join(root, 'home');
    const handoverHome = join(root, 'handover');
    const projects = join(home, '.claude', 'projects', '-home-dev-project');
    mkdirSync(projects, { recursive: true });
    const { claudeLog, sessionId, secrets } = writeCorpus(root);
    copyFileSync(claudeLog, join(projects, `${sessionId}.jsonl`));
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env, HOME: home, HANDOVER_HOME: handoverHome, NO_COLOR: '1', HANDOVER_SEARCH_SOURCES: '' };
    delete env.CLAUDE_CONFIG_DIR;
    delete env.CODEX_HOME;
    const run = (args) => {
      const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
      assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    const workspace = join(root, 'ws');
    mkdirSync(workspace);
    run(['index', '--json']);
    run(['build', join(projects, `${sessionId}.jsonl`), '--workspace', workspace]);
    const outputs = [];
    for (const word of ['please', 'configure', 'Summary']) {
      const found = JSON.parse(run(['search', word, '--limit', '500', '--json']));
      outputs.push(JSON.stringify(found));
      for (const hit of found.hits.slice(0, 8)) outputs.push(run(['show', hit.ref, '--context', '3']));
    }
    assert.ok(outputs.join('').includes('[REDACTED:'), 'search reached the secret-bearing records');
    // The archive keeps the user's log itself, byte for byte (it is theirs, and private: checked below).
    const stored = filesUnder(handoverHome)
      .filter((f) => !f.includes(`${join(handoverHome, 'archive')}/`))
      .map((f) => readFileSync(f).toString('latin1'));
    assert.ok(stored.length > 0, 'the index is there');
    const everything = [...outputs, ...stored].join('\n');
    const leaks = new Set();
    for (const s of secrets) {
      for (const core of cores(s.value)) {
        if (everything.includes(core) || everything.includes(JSON.stringify(core).slice(1, -1))) leaks.add(s.kind);
      }
    }
    assert.deepEqual([...leaks], [], `kinds leaked into the index, search or show output: ${[...leaks].join(', ')}`);
    assert.equal(statSync(handoverHome).mode & 0o777, 0o700, '$HANDOVER_HOME is private');
    const archived = filesUnder(join(handoverHome, 'archive'));
    assert.ok(archived.length > 0, 'the log was archived');
    for (const f of filesUnder(handoverHome)) assert.equal(statSync(f).mode & 0o077, 0, `${f} is readable by others`);
    for (const d of [join(handoverHome, 'archive'), ...archived.map((f) => join(f, '..'))]) assert.equal(statSync(d).mode & 0o777, 0o700, `${d} is private`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
