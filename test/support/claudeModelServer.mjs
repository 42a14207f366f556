// A scripted stand-in for the Anthropic Messages API, good enough for the real `claude` CLI (2.1.328)
// to run a whole session offline against 127.0.0.1. Claude Code really runs the tools it is told to
// call, so the tool results in its log are real; only the model is scripted.
//
// Exports
//   startClaudeModelServer({ script, subagentScript, summary, sideAnswer, log }) → Promise<ClaudeModelServer>
//     script:     array of assistant turns; each turn is an array of blocks
//                   { type: 'thinking', text }            (sent as thinking_delta + signature_delta)
//                   { type: 'text', text }
//                   { type: 'tool_use', name, input, id? }
//                 Each main-conversation request consumes the next turn. The stop_reason is 'tool_use'
//                 when the turn has a tool_use block, else 'end_turn'. When the script runs out, the
//                 server answers "(script exhausted)" and records it in `exhausted`.
//     subagentScript: turns for subagent requests (the Agent/Task tool; Claude Code marks them with
//                 `cc_is_subagent=true` in the system prompt's billing header). Kept apart because a
//                 background agent's requests interleave with the main thread's in no fixed order.
//                 Falls back to `script` when empty.
//     summary:    text (or (request) => text) answering compaction requests; does not consume a turn.
//     sideAnswer: text (or (request, kind) => text) for side requests (title/topic generation, quota
//                 probes, …); does not consume a turn.
//     log:        (line) => void for unknown paths and side requests (default: nothing).
//     inputTokens: (body) => number | undefined, the input_tokens to report (default: the request's
//                 size / 4); settable later as server.inputTokens, to make a context look full.
//     cacheWrites: when true, the input is reported as written to a 5-minute prompt cache
//                 (cache_creation_input_tokens, cache_creation.ephemeral_5m_input_tokens) as the API does
//                 with prompt caching, and input_tokens is 0; settable later as server.cacheWrites. Claude
//                 Code's idle compaction only runs while it believes the prompt cache is warm.
//   ClaudeModelServer:
//     url                  'http://127.0.0.1:PORT' (for ANTHROPIC_BASE_URL)
//     port
//     requests             every request received: { method, path, body, kind, step? }
//                          kind: 'main' | 'subagent' | 'compact' | 'side' | 'count_tokens' | 'other'
//                          step: index of the script turn that answered it (per script)
//                          response: the message sent back
//     mainRequests()       the 'main' ones, in order (request i answered with script[i])
//     subagentRequests()   the 'subagent' ones
//     stepsServed          how many script turns were served
//     exhausted            how many main requests came after the script ran out
//     push(...turns)       append turns to the script (e.g. between `claude -p` calls)
//     pushSubagent(...turns)  the same for subagentScript
//     remaining            turns not served yet (main script)
//     toolResults(request) the tool_result blocks of a request's last user message, as
//                          { tool_use_id, is_error, text }
//     close()              Promise<void>
//   classifyRequest(body) → 'main' | 'subagent' | 'compact' | 'side'   (exported for tests of the classifier)
//   lastUserText(body) → string                            (text blocks of the last user message)
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const COMPACT_MARKERS = [
  'CRITICAL: Respond with TEXT ONLY',
  'Your task is to create a detailed summary of the conversation',
  'create a detailed summary of the conversation so far',
];

/** Text of the user's last message (string content, or its text blocks joined). */
export function lastUserText(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message.role !== 'user') continue;
    if (typeof message.content === 'string') return message.content;
    if (Array.isArray(message.content)) {
      return message.content
        .filter((block) => block.type === 'text')
        .map((block) => block.text)
        .join('\n');
    }
    return '';
  }
  return '';
}

function systemText(body) {
  if (typeof body?.system === 'string') return body.system;
  if (Array.isArray(body?.system)) return body.system.map((block) => block.text ?? '').join('\n');
  return '';
}

/**
 * Which kind of request this is. The main conversation carries the tool list (Claude Code always
 * sends its tools there); compaction asks for a text-only summary; everything else (session titles,
 * topic detection, quota probes) is a side request that must not consume the script.
 */
export function classifyRequest(body) {
  const last = lastUserText(body);
  if (COMPACT_MARKERS.some((marker) => last.includes(marker))) return 'compact';
  const system = systemText(body);
  if (/summar(y|ize) of the conversation/i.test(system) && !hasTools(body)) return 'compact';
  if (!hasTools(body)) return 'side';
  return system.includes('cc_is_subagent=true') ? 'subagent' : 'main';
}

function hasTools(body) {
  return Array.isArray(body?.tools) && body.tools.length > 0;
}

function blocksFor(turn) {
  // A signature is opaque to Claude Code; it only stores it. Any base64-looking string does.
  return turn.map((block) => {
    if (block.type === 'thinking') return { type: 'thinking', thinking: block.text ?? '', signature: fakeSignature() };
    if (block.type === 'text') return { type: 'text', text: block.text };
    if (block.type === 'tool_use') {
      return { type: 'tool_use', id: block.id ?? `toolu_${randomUUID().replace(/-/g, '').slice(0, 24)}`, name: block.name, input: block.input ?? {} };
    }
    throw new Error(`unknown scripted block type ${block.type}`);
  });
}

function fakeSignature() {
  return Buffer.from(randomUUID() + randomUUID()).toString('base64');
}

function usageFor(body, outputText, inputTokens, cacheWrites = false) {
  const input = inputTokens?.(body) ?? Math.max(1, Math.round(JSON.stringify(body?.messages ?? []).length / 4));
  if (cacheWrites) {
    return {
      input_tokens: 0,
      cache_creation_input_tokens: input,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: input, ephemeral_1h_input_tokens: 0 },
      output_tokens: Math.max(1, Math.round(outputText.length / 4)),
    };
  }
  return {
    input_tokens: input,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: Math.max(1, Math.round(outputText.length / 4)),
  };
}

function messageFor(body, content, inputTokens, cacheWrites) {
  const stopReason = content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  const text = JSON.stringify(content);
  return {
    id: `msg_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
    type: 'message',
    role: 'assistant',
    model: body?.model ?? 'claude-sonnet-4-5',
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: usageFor(body, text, inputTokens, cacheWrites),
  };
}

function sse(res, event, data) {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Streams a message the way the API does: one start/delta.../stop group per content block. */
function streamMessage(res, message) {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': `req_${randomUUID()}`,
  });
  sse(res, 'message_start', {
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
  });
  message.content.forEach((block, index) => {
    if (block.type === 'thinking') {
      sse(res, 'content_block_start', { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      for (const piece of chunks(block.thinking)) {
        sse(res, 'content_block_delta', { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: piece } });
      }
      sse(res, 'content_block_delta', { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: block.signature } });
    } else if (block.type === 'text') {
      sse(res, 'content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      for (const piece of chunks(block.text)) {
        sse(res, 'content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } });
      }
    } else if (block.type === 'tool_use') {
      sse(res, 'content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      for (const piece of chunks(JSON.stringify(block.input))) {
        sse(res, 'content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } });
      }
    }
    sse(res, 'content_block_stop', { type: 'content_block_stop', index });
  });
  sse(res, 'message_delta', {
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: { output_tokens: message.usage.output_tokens },
  });
  sse(res, 'message_stop', { type: 'message_stop' });
  res.end();
}

function* chunks(text, size = 400) {
  if (text.length === 0) return;
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const parts = [];
    req.on('data', (part) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function answerText(answer, ...args) {
  return typeof answer === 'function' ? answer(...args) : answer;
}

/**
 * @param {{ script?: any[], subagentScript?: any[], summary?: any, sideAnswer?: any, inputTokens?: number | (() => number), cacheWrites?: boolean, log?: (line: string) => void }} [options]
 */
export async function startClaudeModelServer({
  script = [],
  subagentScript = [],
  summary = 'Summary of the conversation so far: the user asked for work in this project and it was done.',
  sideAnswer = 'Scripted session',
  log = () => {},
  inputTokens,
  cacheWrites = false,
} = {}) {
  const usage = { inputTokens, cacheWrites };
  const turns = [...script];
  const subagentTurns = [...subagentScript];
  const requests = [];
  const state = { stepsServed: 0, subagentStepsServed: 0, exhausted: 0 };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    let body;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const record = { method: req.method, path: url.pathname, query: url.search, body, kind: 'other' };
    requests.push(record);

    if (req.method === 'POST' && url.pathname === '/v1/messages/count_tokens') {
      record.kind = 'count_tokens';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ input_tokens: usageFor(body, '').input_tokens }));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v1/messages') {
      const kind = classifyRequest(body);
      record.kind = kind;
      let content;
      if (kind === 'compact') {
        content = blocksFor([{ type: 'text', text: answerText(summary, body) }]);
      } else if (kind === 'side') {
        log(`side request (max_tokens ${body?.max_tokens}): ${systemText(body).slice(0, 120).replace(/\s+/g, ' ')}`);
        content = blocksFor([{ type: 'text', text: answerText(sideAnswer, body, kind) }]);
      } else if (kind === 'subagent' && subagentTurns.length > 0) {
        record.step = state.subagentStepsServed;
        state.subagentStepsServed += 1;
        content = blocksFor(subagentTurns.shift());
      } else if (turns.length > 0) {
        record.step = state.stepsServed;
        state.stepsServed += 1;
        content = blocksFor(turns.shift());
      } else {
        state.exhausted += 1;
        log(`${kind} request after the script ran out`);
        content = blocksFor([{ type: 'text', text: '(script exhausted)' }]);
      }
      const message = messageFor(body, content, usage.inputTokens, usage.cacheWrites);
      record.response = message;
      if (body?.stream) streamMessage(res, message);
      else {
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${randomUUID()}` });
        res.end(JSON.stringify(message));
      }
      return;
    }
    // Start-up calls (quota, settings, telemetry, MCP registry, …): answer harmlessly, keep a trace.
    log(`unknown ${req.method} ${url.pathname}${url.search}`);
    res.writeHead(req.method === 'HEAD' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'not scripted' } }));
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    mainRequests: () => requests.filter((request) => request.kind === 'main'),
    subagentRequests: () => requests.filter((request) => request.kind === 'subagent'),
    get stepsServed() {
      return state.stepsServed;
    },
    get exhausted() {
      return state.exhausted;
    },
    get remaining() {
      return turns.length;
    },
    get subagentStepsServed() {
      return state.subagentStepsServed;
    },
    push: (...more) => turns.push(...more),
    get inputTokens() {
      return usage.inputTokens;
    },
    set inputTokens(fn) {
      usage.inputTokens = fn;
    },
    get cacheWrites() {
      return usage.cacheWrites;
    },
    set cacheWrites(on) {
      usage.cacheWrites = on;
    },
    pushSubagent: (...more) => subagentTurns.push(...more),
    toolResults,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The tool_result blocks of the request's last user message, with their text flattened. */
export function toolResults(request) {
  const messages = request?.body?.messages ?? [];
  const last = [...messages].reverse().find((message) => message.role === 'user');
  if (!last || !Array.isArray(last.content)) return [];
  return last.content
    .filter((block) => block.type === 'tool_result')
    .map((block) => ({
      tool_use_id: block.tool_use_id,
      is_error: block.is_error === true,
      text: typeof block.content === 'string' ? block.content : Array.isArray(block.content) ? block.content.map((part) => part.text ?? '').join('\n') : '',
    }));
}
