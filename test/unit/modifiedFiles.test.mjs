// Modified files: every shell form that writes, the edit tools, Codex apply_patch, and the git cross-check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, samplesDir } from '../support/paths.mjs';
import { ClaudeLog, CodexLog } from '../support/analysisLogs.mjs';
import { scratchDir } from '../support/scratch.mjs';

const require = createRequire(import.meta.url);
const { shellWrites, parseCommandLine, patchEffects, collectModifiedFiles } = require(join(repoRoot, 'dist', 'test', 'analysis.js'));

const W = '/work/ws';
/** `kind path` strings for a command run in W, paths relative to W. */
function effects(command, cwd = W) {
  return shellWrites(command, cwd).effects.map((e) => `${e.kind} ${e.path.replace(W + '/', '')}${e.from ? ' <- ' + e.from.replace(W + '/', '') : ''}`);
}

/** @type {Array<[string, string[]]>} */
const SHELL_CASES = [
  ["sed -i 's/a/b/' src/a.ts", ['modify src/a.ts']],
  ["sed -i.bak -e 's/a/b/' -e 's/c/d/' src/a.ts src/b.ts", ['modify src/a.ts', 'modify src/b.ts']],
  ["sed -i '' 's/x/y/' mac.txt", ['modify mac.txt']],
  ["sed -n '1,20p' src/a.ts", []],
  ["perl -pi -e 's/foo/bar/g' lib/x.pl", ['modify lib/x.pl']],
  ['mv old.ts new.ts', ['rename new.ts <- old.ts']],
  ['mv a.ts b.ts dest/', ['rename dest/a.ts <- a.ts', 'rename dest/b.ts <- b.ts']],
  ['cp -r templates/base out/site', ['write out/site <- templates/base']],
  ['cp config.example.json config.json', ['write config.json <- config.example.json']],
  ['rm -rf build dist/old.js', ['delete build', 'delete dist/old.js']],
  ['rm notes.txt', ['delete notes.txt']],
  ['echo hello | tee out.log', ['write out.log']],
  ['echo more | tee -a out.log other.log', ['write out.log', 'write other.log']],
  ['echo hi > greeting.txt', ['write greeting.txt']],
  ['echo hi >> greeting.txt', ['write greeting.txt']],
  ['npm test 2>&1 | tail -5', []],
  ['make > /dev/null 2>&1', []],
  ['node build.js > dist/out.js 2> errors.log', ['write dist/out.js', 'write errors.log']],
  ['cmd &> all.log', ['write all.log']],
  ['git mv src/old.ts src/new.ts', ['rename src/new.ts <- src/old.ts']],
  ['git rm -r legacy/', ['delete legacy/']],
  ['git rm --cached secret.env', ['modify secret.env']], // untracked only: the file stays on disk
  ['git checkout -- src/a.ts src/b.ts', ['modify src/a.ts', 'modify src/b.ts']],
  ['git checkout main', []],
  ['git restore src/c.ts', ['modify src/c.ts']],
  ['git restore --staged src/c.ts', []],
  ['touch a.txt b.txt', ['create a.txt', 'create b.txt']],
  ['mkdir -p src/components/ui', ['create src/components/ui/']],
  ['npx prettier --write src/a.ts src/b.ts', ['modify src/a.ts', 'modify src/b.ts']],
  ['prettier --check src/a.ts', []],
  ['npx eslint --fix src/', ['modify src/']],
  ['black app.py tests/test_app.py', ['modify app.py', 'modify tests/test_app.py']],
  ['python -m black app.py', ['modify app.py']],
  ['gofmt -w main.go', ['modify main.go']],
  ['gofmt -l .', []],
  ['rustfmt src/main.rs', ['modify src/main.rs']],
  ['ruff format pkg/mod.py', ['modify pkg/mod.py']],
  ['npm init -y', ['write package.json']],
  ['npm install left-pad', ['write package.json', 'write package-lock.json']],
  ['npm install', []],
  ['cargo add serde', ['modify Cargo.toml']],
  ['curl -sSL -o vendor/lib.js https://example.invalid/lib.js', ['write vendor/lib.js']],
  ['cd sub && sed -i s/a/b/ x.txt', ['modify sub/x.txt']],
  ['cd /abs/dir; touch y', ['create /abs/dir/y']],
  [
    'sed -i s/a/b/ one.txt && mv two.txt three.txt || rm four.txt; echo x > five.txt | cat',
    ['modify one.txt', 'rename three.txt <- two.txt', 'delete four.txt', 'write five.txt'],
  ],
  ["bash -lc 'echo x > inner.txt'", ['write inner.txt']],
  ['sudo -E rm /etc/thing.conf', ['delete /etc/thing.conf']],
  ['FOO=1 BAR=2 touch env.txt', ['create env.txt']],
  ['echo \'a > b.txt\' && echo "c >> d.txt"', []],
  ['echo $HOME > "$OUT"', []],
  ["cat > src/config.ts <<'EOF'\nexport const x = 1; // > not.a.file\nrm nothing\nEOF\necho done > after.txt", ['write src/config.ts', 'write after.txt']],
  ['cat <<-EOF > tabbed.txt\n\tbody > no\n\tEOF', ['write tabbed.txt']],
  ['for f in *.ts; do echo $f; done > list.txt', ['write list.txt']],
  ['ls -la && cat README.md && pwd', []],
  ['chmod +x scripts/run.sh', ['modify scripts/run.sh']],
  ['ln -s target.txt link.txt', ['write link.txt']],
  ['echo x >| forced.txt', ['write forced.txt']],
  ['(cd sub && touch z.txt)', ['create sub/z.txt']],
];

for (const [command, expected] of SHELL_CASES) {
  test(`shell writes: ${command.split('\n')[0]}`, () => {
    assert.deepEqual(effects(command), expected);
  });
}

test('the tokenizer keeps quotes, skips comments and here-document bodies', () => {
  const commands = parseCommandLine('git commit -m \'fix: a > b\' # comment > x\ncat <<EOF\n> nope\nEOF\necho "two words"');
  assert.deepEqual(
    commands.map((c) => c.words.map((w) => w.text)),
    [['git', 'commit', '-m', 'fix: a > b'], ['cat'], ['echo', 'two words']],
  );
});

test('apply_patch: add, update, move and delete', () => {
  const patch =
    '*** Begin Patch\n*** Add File: a.txt\n+hi\n*** Update File: b.txt\n*** Move to: c.txt\n@@\n-x\n+y\n*** Update File: d.txt\n@@\n-1\n+2\n*** Delete File: e.txt\n*** End Patch';
  assert.deepEqual(patchEffects(patch), [
    { kind: 'write', path: 'a.txt' },
    { kind: 'rename', path: 'c.txt', from: 'b.txt' },
    { kind: 'modify', path: 'd.txt' },
    { kind: 'delete', path: 'e.txt' },
  ]);
});

function byPath(files) {
  return Object.fromEntries(files.map((f) => [f.path, f]));
}

test('Claude Code log: edit tools and shell writes, statuses, counts, how', async () => {
  const ws = scratchDir('handover-mf-');
  const log = new ClaudeLog(ws);
  log.tool('Read', { file_path: `${ws}/src/existing.ts` }, '1\tconst a = 1;');
  log.tool('Write', { file_path: `${ws}/src/existing.ts`, content: 'x' }, `The file ${ws}/src/existing.ts has been updated.`);
  log.tool('Write', { file_path: `${ws}/src/new.ts`, content: 'x' }, `File created successfully at: ${ws}/src/new.ts`);
  log.tool('Edit', { file_path: `${ws}/src/new.ts`, old_string: 'x', new_string: 'y' }, 'ok');
  log.tool(
    'MultiEdit',
    {
      file_path: `${ws}/src/new.ts`,
      edits: [
        { old_string: 'y', new_string: 'z' },
        { old_string: 'a', new_string: 'b' },
      ],
    },
    'ok',
  );
  log.tool(
    'Edit',
    { file_path: `${ws}/src/failed.ts`, old_string: 'x', new_string: 'y' },
    '<tool_use_error>String to replace not found in file.</tool_use_error>',
    { isError: true },
  );
  log.tool('Write', { file_path: `${ws}/src/denied.ts`, content: 'x' }, "The user doesn't want to proceed with this tool use.", { isError: true });
  log.tool('NotebookEdit', { notebook_path: `${ws}/nb/analysis.ipynb`, new_source: 'print(1)', cell_id: 'c1' }, 'Updated cell');
  log.bash("sed -i 's/old/new/' src/existing.ts && mv src/tmp.ts src/moved.ts");
  log.bash('rm -f scratch.txt');
  log.bash('echo data > out/report.txt');
  log.bash('cd src && touch inner.ts');
  log.bash('touch after-cd.ts'); // Claude Code's shell stays in src/
  log.tool('Write', { file_path: '/tmp/outside.txt', content: 'x' }, 'File created successfully at: /tmp/outside.txt');
  const { files, unexplainedGitChanges } = await collectModifiedFiles(log.write(), ws);
  const f = byPath(files);
  assert.equal(f['src/existing.ts'].status, 'modified');
  assert.equal(f['src/existing.ts'].edits, 2);
  assert.deepEqual(f['src/existing.ts'].how, ['Write', 'sed -i']);
  assert.equal(f['src/new.ts'].status, 'created');
  assert.equal(f['src/new.ts'].edits, 4);
  assert.deepEqual(f['src/new.ts'].how, ['Write', 'Edit', 'MultiEdit']);
  assert.equal(f['src/failed.ts'], undefined, 'a failed Edit changed nothing');
  assert.equal(f['src/denied.ts'], undefined, 'a refused Write changed nothing');
  assert.equal(f['nb/analysis.ipynb'].how[0], 'NotebookEdit');
  assert.equal(f['src/moved.ts'].status, 'renamed');
  assert.equal(f['src/moved.ts'].from, 'src/tmp.ts');
  assert.equal(f['scratch.txt'].status, 'deleted');
  assert.equal(f['out/report.txt'].status, 'created');
  assert.deepEqual(f['out/report.txt'].how, ['echo >']);
  assert.ok(f['src/inner.ts']);
  assert.ok(f['src/after-cd.ts'], 'the Bash tool keeps its working directory between calls');
  assert.ok(f['/tmp/outside.txt'], 'files outside the workspace keep their absolute path');
  assert.equal(files[files.length - 1].path, '/tmp/outside.txt', 'outside files sort last');
  assert.ok(f['src/moved.ts'].lastLine > f['src/new.ts'].lastLine);
  assert.deepEqual(unexplainedGitChanges, [], 'not a git repository: no cross-check, no error');
});

test('Codex rollout: exec_command, shell argv, workdir and apply_patch', async () => {
  const ws = scratchDir('handover-mf-');
  const log = new CodexLog(ws);
  log.exec("printf 'hello\\n' > hello.txt && ls -la");
  log.exec('sed -i s/a/b/ lib.py', '', 0, { workdir: `${ws}/pkg` });
  log.shellArray(['bash', '-lc', 'rm -f old.log']);
  log.patch(
    '*** Begin Patch\n*** Update File: hello.txt\n@@\n-hello\n+hello world\n*** Add File: notes.md\n+# notes\n*** Update File: a.py\n*** Move to: b.py\n*** Delete File: gone.txt\n*** End Patch',
  );
  const { files } = await collectModifiedFiles(log.write(), ws);
  const f = byPath(files);
  assert.equal(f['hello.txt'].status, 'created');
  assert.deepEqual(f['hello.txt'].how, ['printf >', 'apply_patch']);
  assert.equal(f['hello.txt'].edits, 2);
  assert.equal(f['pkg/lib.py'].how[0], 'sed -i');
  assert.equal(f['old.log'].status, 'deleted');
  assert.equal(f['notes.md'].status, 'created');
  assert.equal(f['b.py'].status, 'renamed');
  assert.equal(f['b.py'].from, 'a.py');
  assert.equal(f['gone.txt'].status, 'deleted');
});

test('git cross-check: corrects statuses and lists changes the log does not explain', async (t) => {
  try {
    execFileSync('git', ['--version']);
  } catch {
    t.skip('git not installed');
    return;
  }
  const ws = scratchDir('handover-mf-git-');
  const git = (...args) => execFileSync('git', args, { cwd: ws, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 't@example.invalid');
  git('config', 'user.name', 't');
  writeFileSync(join(ws, 'tracked.txt'), 'a\n');
  writeFileSync(join(ws, 'script-made.txt'), 'a\n');
  git('add', '.');
  git('commit', '-qm', 'init');
  writeFileSync(join(ws, 'tracked.txt'), 'b\n'); // explained by the log's Write (which had no "updated" text)
  writeFileSync(join(ws, 'script-made.txt'), 'changed by a python script\n'); // not explained
  mkdirSync(join(ws, 'gen'));
  writeFileSync(join(ws, 'gen', 'output.json'), '{}'); // not explained
  mkdirSync(join(ws, 'fmt'));
  writeFileSync(join(ws, 'fmt', 'a.js'), 'x'); // explained by prettier --write fmt/
  mkdirSync(join(ws, 'build'));
  writeFileSync(join(ws, 'build', 'main.o'), 'o');
  writeFileSync(join(ws, 'build', 'keep.txt'), 'k');
  git('add', 'build');
  git('commit', '-qm', 'build');
  rmSync(join(ws, 'build', 'main.o')); // explained by rm -f build/*.o
  mkdirSync(join(ws, '.handover'));
  writeFileSync(join(ws, '.handover', 'x.md'), 'ignored');
  const log = new ClaudeLog(ws);
  log.tool('Write', { file_path: join(ws, 'tracked.txt'), content: 'b\n' }, 'ok');
  log.bash('python3 gen.py');
  log.bash('npx prettier --write fmt/ && rm -f build/*.o');
  const { files, unexplainedGitChanges } = await collectModifiedFiles(log.write(), ws);
  assert.equal(byPath(files)['tracked.txt'].status, 'modified', 'git knows the file existed');
  assert.deepEqual(
    unexplainedGitChanges.sort((a, b) => a.path.localeCompare(b.path)),
    [
      { path: 'gen/output.json', status: '??' },
      { path: 'script-made.txt', status: 'M' },
    ],
  );
});

const claudeSamples = readdirSync(join(samplesDir, 'claude-code')).filter((f) => f.endsWith('.jsonl'));

/** Every Write/Edit/MultiEdit/NotebookEdit target in a log that did not fail, read the slow obvious way. */
function editTargets(path) {
  const calls = new Map();
  const failed = new Set();
  for (const line of require('node:fs').readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const content = r.message?.content;
    if (!Array.isArray(content)) continue;
    for (const b of content) {
      if (b.type === 'tool_use' && ['Write', 'Edit', 'MultiEdit', 'NotebookEdit'].includes(b.name)) calls.set(b.id, b.input.file_path ?? b.input.notebook_path);
      if (b.type === 'tool_result' && b.is_error) failed.add(b.tool_use_id);
    }
  }
  return [...calls].filter(([id]) => !failed.has(id)).map(([, p]) => p);
}

for (const sample of claudeSamples) {
  test(`sample ${sample}: every successful edit target is listed`, async () => {
    const path = join(samplesDir, 'claude-code', sample);
    const firstCwd = JSON.parse(
      require('node:fs')
        .readFileSync(path, 'utf8')
        .split('\n')
        .find((l) => l.includes('"cwd"')),
    ).cwd;
    const { files } = await collectModifiedFiles(path, firstCwd);
    const listed = new Set(files.map((f) => (f.path.startsWith('/') ? f.path : join(firstCwd, f.path))));
    for (const target of editTargets(path)) assert.ok(listed.has(target), `missing ${target}`);
    for (const file of files) {
      assert.ok(['created', 'modified', 'deleted', 'renamed'].includes(file.status));
      assert.ok(file.edits >= 1 && file.how.length >= 1 && file.lastLine >= 1);
    }
  });
}

test('sample fe5e…: the Write/Edit targets and Bash writes appear', async () => {
  const path = join(
    samplesDir,
    'claude-code',
    claudeSamples.find((s) => s.includes('fe5e1c67')),
  );
  const { files } = await collectModifiedFiles(path, '/path/to/Demo');
  const f = byPath(files);
  assert.equal(f['todo-app/src/app/page.tsx'].status, 'modified');
  assert.ok(f['todo-app/src/app/page.tsx'].how.includes('Edit'));
  assert.equal(f['CLAUDE.md'].status, 'created');
  assert.ok(f['types/todo.ts'].how.includes('cat >'), 'a here-document write through Bash');
  assert.ok(f['todo-app/package.json'], 'pnpm add in the directory the shell was cd-ed into');
});
