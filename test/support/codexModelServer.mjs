// A scripted stand-in for the OpenAI Responses API, enough for the real `codex` CLI (0.169.0) to run
// offline against 127.0.0.1 (recipe in the shared testing notes): Codex POSTs {base_url}/responses and
// reads Server-Sent Events. Only the model is scripted; Codex really runs its tools, hooks and MCP servers.
//
// Exports
//   startCodexModelServer({ script, summary, totalTokens }) → Promise<CodexModelServer>
//     script:  array of turns; each turn is an array of output items, or a function (request) → items.
//              Items: { type: 'message', text } | { type: 'function_call', name, namespace?, arguments (object) }
//              (an MCP tool of server S: namespace 'mcp__S', name = the tool's own name).
//              Each main request consumes the next turn; when it runs out, a short message ends the turn.
//     summary: text answering a compaction request ("CONTEXT CHECKPOINT COMPACTION" in the input).
//     totalTokens: usage.total_tokens reported on every reply (large values make Codex auto-compact).
//   CodexModelServer: { url, requests: [{ body, kind: 'main'|'compact', step? }], push(...turns), close() }
//   functionOutputs(body) → [{ call_id, output }]   the function_call_output items of a request
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const isCompaction = (body) => JSON.stringify(body?.input ?? '').includes('CONTEXT CHECKPOINT COMPACTION');

export function functionOutputs(body) {
  return (Array.isArray(body?.input) ? body.input : [])
    .filter((item) => item?.type === 'function_call_output')
    .map((item) => ({ call_id: item.call_id, output: typeof item.output === 'string' ? item.output : JSON.stringify(item.output) }));
}

function outputItem(item) {
  if (item.type === 'function_call') {
    return {
      type: 'function_call',
      id: `fc_${randomUUID().slice(0, 8)}`,
      call_id: item.call_id ?? `call_${randomUUID().slice(0, 8)}`,
      name: item.name,
      ...(item.namespace ? { namespace: item.namespace } : {}),
      arguments: JSON.stringify(item.arguments ?? {}),
      status: 'completed',
    };
  }
  return {
    type: 'message',
    id: `msg_${randomUUID().slice(0, 8)}`,
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text: item.text, annotations: [] }],
  };
}

export async function startCodexModelServer({ script = [], summary = 'Summary of the session so far.', totalTokens = 1000 } = {}) {
  const turns = [...script];
  const requests = [];
  let step = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      let body = {};
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        // Keep the empty body: the reply below still lets Codex finish.
      }
      if (req.method !== 'POST' || !req.url.endsWith('/responses')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not scripted"}}');
        return;
      }
      let items;
      const record = { body, kind: isCompaction(body) ? 'compact' : 'main' };
      if (record.kind === 'compact') items = [{ type: 'message', text: summary }];
      else {
        record.step = step;
        const turn = turns[step++];
        items = typeof turn === 'function' ? turn(body) : (turn ?? [{ type: 'message', text: '(script exhausted)' }]);
      }
      requests.push(record);
      const id = `resp_${randomUUID().slice(0, 8)}`;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const send = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
      send('response.created', { response: { id, object: 'response', status: 'in_progress', output: [] } });
      const output = items.map(outputItem);
      output.forEach((item, index) => send('response.output_item.done', { output_index: index, item }));
      send('response.completed', {
        response: {
          id,
          object: 'response',
          status: 'completed',
          output,
          usage: {
            input_tokens: Math.floor(totalTokens * 0.9),
            output_tokens: Math.ceil(totalTokens * 0.1),
            total_tokens: totalTokens,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens_details: { reasoning_tokens: 0 },
          },
        },
      });
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...more) => turns.push(...more),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
