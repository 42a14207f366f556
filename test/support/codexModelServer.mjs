// A scripted stand-in for the OpenAI Responses API, enough for the real `codex` CLI (0.169.0) to run a
// session offline (see /work/shared/TESTING.md's Codex recipe): every POST {base}/responses is answered,
// as Server-Sent Events, with the next scripted turn's output items and a `response.completed` carrying
// usage. Codex runs the tools itself, so command output in its rollout is real.
//
// Exports
//   startCodexModelServer({ script }) → Promise<{ url, requests, push(...turns), remaining, close() }>
//     script: turns; each turn is an array of items
//       { type: 'exec', cmd }            → a function_call of exec_command
//       { type: 'text', text }           → an assistant message (ends the turn)
//     When the script runs out the server answers "(script exhausted)".
//   writeCodexConfig(codexHome, url)     writes config.toml for the mock provider
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

let counter = 0;

function itemFor(block) {
  counter++;
  if (block.type === 'exec') {
    return { type: 'function_call', status: 'completed', id: `fc_${counter}`, call_id: `call_${counter}`, name: 'exec_command', arguments: JSON.stringify({ cmd: block.cmd }) };
  }
  return { type: 'message', status: 'completed', id: `msg_${counter}`, role: 'assistant', content: [{ type: 'output_text', text: block.text, annotations: [] }] };
}

export async function startCodexModelServer({ script = [] } = {}) {
  const turns = [...script];
  const requests = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      let body;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      requests.push({ method: req.method, path: req.url, body });
      if (req.method !== 'POST' || !req.url?.endsWith('/responses')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{}');
        return;
      }
      const turn = turns.shift() ?? [{ type: 'text', text: '(script exhausted)' }];
      const id = `resp_${++counter}`;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const send = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
      send('response.created', { response: { id } });
      for (const block of turn) send('response.output_item.done', { item: itemFor(block) });
      const input = Math.max(1, Math.round(raw.length / 4));
      send('response.completed', { response: { id, usage: { input_tokens: input, input_tokens_details: { cached_tokens: 0 }, output_tokens: 10, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: input + 10 } } });
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    push: (...more) => turns.push(...more),
    get remaining() {
      return turns.length;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export function writeCodexConfig(codexHome, url) {
  writeFileSync(
    join(codexHome, 'config.toml'),
    [
      'model = "gpt-5.5"',
      'model_provider = "mock"',
      '[model_providers.mock]',
      'name = "mock"',
      `base_url = "${url}/v1"`,
      'env_key = "MOCK_API_KEY"',
      'wire_api = "responses"',
      'stream_max_retries = 0',
      'request_max_retries = 0',
      '[analytics]',
      'enabled = false',
      '[features]',
      'plugins = false',
      '',
    ].join('\n'),
  );
}
