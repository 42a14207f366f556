// Shared by the anthropic tests and bench/cache.mjs: the module under test (dist/test/anthropic.js, the
// real SDK inside, as in dist/cli.js), and a session log with planted facts and secrets.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { repoRoot } from './paths.mjs';

/** src/analysis/anthropic with the search API and extractLog, as `npm run build` bundled it. */
export async function loadAnthropicModule() {
  return createRequire(import.meta.url)(join(repoRoot, 'dist', 'test', 'anthropic.js'));
}

/**
 * Secrets planted in every place a log can hold them; each `needle` must never reach the server. Built
 * from pieces at run time so no key-shaped literal sits in git (secret scanners flag those); all fake.
 */
const piece = (...parts) => parts.join('');
export const PLANTED_SECRETS = [
  { where: 'user text', text: piece('sk-', 'ant-', 'api03-', 'Zq8xV3mKp2LwR7tY9uB4nC6dE1fG5hJ0kQxx'), needle: 'Zq8xV3mKp2LwR7tY9uB4nC6dE1fG5hJ0kQ' },
  { where: 'thinking', text: piece('AK', 'IA', 'Z7QPLM3NX4RT2WVB'), needle: 'Z7QPLM3NX4RT2WVB' },
  { where: 'tool input', text: piece('gh', 'p_', 'R8mN2pQ7vL4kX9tB3wZ6yH1cF5jD0sA8eG2u'), needle: 'R8mN2pQ7vL4kX9tB3wZ6yH1cF5jD0sA8eG2u' },
  { where: 'tool output', text: piece('postgres://admin:', 'Sup3rS3cretPw9', '@db.internal:5432/app'), needle: 'Sup3rS3cretPw9' },
  {
    where: 'tool output',
    text: piece(
      '-----BEGIN RSA ',
      'PRIVATE KEY-----\n',
      'MIIEpAIBAAKCAQEA7xQkT3vLm9Pq2RsW8yZbN4cD\nq2RsW8yZbN4cDMIIEpAIBAAKCAQEA7xQkT3vLm9P\n',
      '-----END RSA ',
      'PRIVATE KEY-----',
    ),
    needle: 'MIIEpAIBAAKCAQEA7xQkT3vLm9Pq2RsW8yZbN4cD',
  },
  { where: 'tool input', text: piece('sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dcQx'), needle: '4eC39HqLyjWDarjtT1zdp7dcQx' },
];

/**
 * Writes a Claude Code log: a real sample's records (when given) followed by a planted episode: a
 * decision in thinking, a failing build, an abandoned approach, secrets everywhere. Returns the path
 * and the 1-based lines of the planted records.
 */
/** @param {string} dir @param {{ baseSample?: string, name?: string }} [options] */
export function writePlantedLog(dir, { baseSample, name = 'session.jsonl' } = {}) {
  const base = baseSample
    ? readFileSync(baseSample, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
  const sessionId = randomUUID();
  let parent = null;
  let t = Date.parse('2026-03-01T10:00:00Z');
  const records = [];
  const record = (type, message, extra = {}) => {
    const uuid = randomUUID();
    records.push(
      JSON.stringify({
        parentUuid: parent,
        isSidechain: false,
        userType: 'external',
        cwd: '/work/proj',
        sessionId,
        version: '2.1.38',
        gitBranch: 'main',
        type,
        message,
        uuid,
        timestamp: new Date((t += 1000)).toISOString(),
        ...extra,
      }),
    );
    parent = uuid;
    return base.length + records.length; // its line
  };
  const [anthropicKey, awsKey, githubToken, dbUrl, privateKey, stripeKey] = PLANTED_SECRETS.map((s) => s.text);
  const lines = {};
  lines.request = record('user', { role: 'user', content: `Make the wasm build of the codec work. The deploy key is ${anthropicKey}, keep zlib-ng vendored.` });
  lines.decision = record('assistant', {
    id: 'msg_p1',
    role: 'assistant',
    content: [
      {
        type: 'thinking',
        thinking: `I will pin zlib-ng 2.1.6 because the emscripten port lacks inflateReset2. Credentials seen: ${awsKey}.`,
        signature: 'sig',
      },
    ],
  });
  lines.failingCall = record('assistant', {
    id: 'msg_p2',
    role: 'assistant',
    content: [
      {
        type: 'tool_use',
        id: 'toolu_plant_build',
        name: 'Bash',
        input: { command: `GITHUB_TOKEN=${githubToken} npm run build:wasm`, description: 'build wasm' },
      },
    ],
  });
  lines.failingResult = record('user', {
    role: 'user',
    content: [
      {
        type: 'tool_result',
        tool_use_id: 'toolu_plant_build',
        is_error: true,
        content: `Exit code 2\nwasm-ld: error: undefined symbol: inflateReset2\nconnecting to ${dbUrl}\n${privateKey}`,
      },
    ],
  });
  lines.rejectedCall = record('assistant', {
    id: 'msg_p3',
    role: 'assistant',
    content: [
      {
        type: 'tool_use',
        id: 'toolu_plant_edit',
        name: 'Edit',
        input: {
          file_path: '/work/proj/src/codec/wasmShim.ts',
          old_string: 'useSystemZlib = true',
          new_string: `useSystemZlib = false // stripe ${stripeKey}`,
        },
      },
    ],
  });
  lines.rejectedResult = record('user', {
    role: 'user',
    content: [{ type: 'tool_result', tool_use_id: 'toolu_plant_edit', content: 'The file /work/proj/src/codec/wasmShim.ts has been updated.' }],
  });
  lines.rejectedText = record('assistant', {
    id: 'msg_p4',
    role: 'assistant',
    content: [{ type: 'text', text: 'Linking the system zlib does not work under emscripten, so I abandoned that approach and vendored zlib-ng instead.' }],
  });
  const path = join(dir, name);
  writeFileSync(path, [...base, ...records].join('\n') + '\n');
  return { path, lines, lineCount: base.length + records.length };
}

/** Offline findings of the shape the offline analyzer returns, citing real lines. */
export function offlineFindingsFor(lines) {
  return [
    { analyst: 'decisions', title: 'offline: pinned zlib-ng', detail: 'from thinking', citations: [{ line: lines.decision }], source: 'offline', score: 5 },
    { analyst: 'errors', title: 'offline: build:wasm failed', detail: 'exit code 2', citations: [{ line: lines.failingResult }], source: 'offline', score: 5 },
    { analyst: 'rejected', title: 'offline: system zlib abandoned', detail: 'instead', citations: [{ line: lines.rejectedText }], source: 'offline', score: 5 },
  ];
}
