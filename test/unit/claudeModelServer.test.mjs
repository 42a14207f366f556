// The scripted model server speaks the Messages API well enough for the real SDK-shaped clients:
// checked here over real HTTP, without the claude CLI (the e2e suite covers that).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyRequest, startClaudeModelServer } from '../support/claudeModelServer.mjs';

const tools = [{ name: 'Write', input_schema: { type: 'object' } }];

function parseSse(text) {
  return text
    .split('\n\n')
    .filter((chunk) => chunk.trim())
    .map((chunk) => {
      const event = /^event: (.*)$/m.exec(chunk)[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(chunk)[1]);
      return { event, data };
    });
}

async function post(server, path, body) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response;
}

test('streams scripted turns as SSE and answers compaction and side requests without consuming the script', async () => {
  const server = await startClaudeModelServer({
    script: [
      [
        { type: 'thinking', text: 'choose the file name' },
        { type: 'tool_use', name: 'Write', input: { file_path: '/x/a.txt', content: 'a' } },
      ],
      [{ type: 'text', text: 'all done' }],
    ],
    summary: 'SCRIPTED SUMMARY',
  });
  try {
    const first = parseSse(await (await post(server, '/v1/messages?beta=true', { stream: true, tools, messages: [{ role: 'user', content: 'go' }] })).text());
    assert.deepEqual(
      first.map((e) => e.event),
      [
        'message_start',
        'content_block_start',
        'content_block_delta',
        'content_block_delta',
        'content_block_stop',
        'content_block_start',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ],
    );
    assert.equal(first[2].data.delta.thinking, 'choose the file name');
    assert.equal(first[3].data.delta.type, 'signature_delta');
    assert.deepEqual(JSON.parse(first[6].data.delta.partial_json), { file_path: '/x/a.txt', content: 'a' });
    assert.equal(first[8].data.delta.stop_reason, 'tool_use');

    const compact = await (
      await post(server, '/v1/messages?beta=true', {
        stream: false,
        tools,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'CRITICAL: Respond with TEXT ONLY. Summarize.' }] }],
      })
    ).json();
    assert.equal(compact.content[0].text, 'SCRIPTED SUMMARY');
    const side = await (await post(server, '/v1/messages', { max_tokens: 32, messages: [{ role: 'user', content: 'title?' }] })).json();
    assert.equal(side.stop_reason, 'end_turn');

    const second = await (
      await post(server, '/v1/messages?beta=true', {
        tools,
        messages: [
          { role: 'user', content: 'go' },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', is_error: true, content: [{ type: 'text', text: 'denied by hook' }] }] },
        ],
      })
    ).json();
    assert.equal(second.content[0].text, 'all done');
    assert.equal(second.stop_reason, 'end_turn');
    assert.deepEqual(server.toolResults(server.mainRequests()[1]), [{ tool_use_id: 't1', is_error: true, text: 'denied by hook' }]);

    const tokens = await (await post(server, '/v1/messages/count_tokens', { messages: [] })).json();
    assert.equal(typeof tokens.input_tokens, 'number');
    assert.equal((await fetch(`${server.url}/api/oauth/whatever`)).status, 404);
    assert.deepEqual(
      server.requests.map((r) => r.kind),
      ['main', 'compact', 'side', 'main', 'count_tokens', 'other'],
    );
    assert.equal(server.stepsServed, 2);
    assert.equal(server.exhausted, 0);
  } finally {
    await server.close();
  }
});

test('subagent requests take turns from their own script', () => {
  const system = [{ type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1.328; cc_is_subagent=true;' }];
  assert.equal(classifyRequest({ system, tools, messages: [{ role: 'user', content: 'read it' }] }), 'subagent');
  assert.equal(classifyRequest({ system: 'main', tools, messages: [{ role: 'user', content: 'read it' }] }), 'main');
});
