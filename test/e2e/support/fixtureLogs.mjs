// Small Claude Code logs (the current record shape) for the extension's e2e test: a user request, a
// decision in thinking, a failing command, file writes and edits. `handover build` turns them into real,
// signed handovers, so the test exercises the same files users get.
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

export function claudeLog({ sessionId, cwd, request, files = ['src/cart.ts', 'src/coupon.ts'], branch = 'main' }) {
  let parent = null;
  let t = Date.parse('2026-03-01T10:00:00.000Z');
  const records = [];
  const base = () => ({ parentUuid: parent, isSidechain: false, userType: 'external', cwd, sessionId, version: '2.1.38', gitBranch: branch });
  const push = (fields) => {
    const uuid = randomUUID();
    records.push({ ...base(), ...fields, uuid, timestamp: new Date((t += 7000)).toISOString() });
    parent = uuid;
  };
  const assistant = (content, stop = null) =>
    push({
      type: 'assistant',
      message: {
        model: 'claude-opus-4-6',
        id: `msg_${records.length}`,
        type: 'message',
        role: 'assistant',
        content,
        stop_reason: stop,
        usage: { input_tokens: 3, output_tokens: 9 },
      },
    });
  const toolResult = (id, content, isError = false) =>
    push({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content, is_error: isError }] } });

  push({ type: 'user', message: { role: 'user', content: request } });
  assistant([
    {
      type: 'thinking',
      thinking: 'I will keep the coupon logic in coupon.ts instead of cart.ts because the checkout service imports it too.',
      signature: 'sig',
    },
  ]);
  assistant([{ type: 'tool_use', id: 'toolu_test1', name: 'Bash', input: { command: 'npm test -- cart', description: 'Run the cart tests' } }], 'tool_use');
  toolResult(
    'toolu_test1',
    'FAIL test/cart.test.ts\n  ● total with coupon applied twice\n    Expected: 90\n    Received: 81\nTests: 1 failed, 4 passed\nError: Process completed with exit code 1',
    true,
  );
  // A compaction mid-session, as Claude Code 2.1 writes it: the boundary, then the summary as a user record.
  push({
    type: 'system',
    subtype: 'compact_boundary',
    content: 'Conversation compacted',
    level: 'info',
    compactMetadata: { trigger: 'auto', preTokens: 154000 },
  });
  push({
    type: 'user',
    isCompactSummary: true,
    isVisibleInTranscriptOnly: true,
    message: {
      role: 'user',
      content: 'This session is being continued from a previous conversation. Summary: the cart test fails because the coupon is applied twice.',
    },
  });
  files.forEach((file, i) => {
    const id = `toolu_write${i}`;
    assistant(
      [
        {
          type: 'tool_use',
          id,
          name: i === 0 ? 'Write' : 'Edit',
          input:
            i === 0
              ? { file_path: `${cwd}/${file}`, content: 'export const total = 90;\n' }
              : { file_path: `${cwd}/${file}`, old_string: 'a', new_string: 'b' },
        },
      ],
      'tool_use',
    );
    toolResult(id, i === 0 ? `File created successfully at: ${cwd}/${file}` : `The file ${cwd}/${file} has been updated.`);
  });
  const todos = [
    { content: 'Apply the coupon once in computeTotal', status: 'completed', activeForm: 'Applying the coupon once' },
    { content: 'Add a regression test for double coupons', status: 'in_progress', activeForm: 'Adding a regression test' },
    { content: 'Update the checkout docs', status: 'pending', activeForm: 'Updating the checkout docs' },
  ];
  assistant([{ type: 'tool_use', id: 'toolu_todo', name: 'TodoWrite', input: { todos } }], 'tool_use');
  toolResult('toolu_todo', 'Todos have been modified successfully.');
  assistant([{ type: 'text', text: 'The coupon is now applied once; the cart tests pass.' }], 'end_turn');
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

export function writeClaudeLog(path, options) {
  writeFileSync(path, claudeLog(options));
  return path;
}
