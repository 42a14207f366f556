// A scripted Anthropic Messages API on 127.0.0.1 for tests and benchmarks: the real SDK talks to it
// over real HTTP. Non-streaming JSON replies only.
//
// Prompt caching is accounted the way the API does it:
// - the request is a sequence of blocks in cache order: tools, system blocks, then message content blocks;
// - a block with cache_control is a breakpoint; a request reads from the cache the longest prefix, ending at
//   a block boundary at most 20 blocks before one of its breakpoints, that an earlier request cached;
// - it writes (cache_creation_input_tokens) everything from there up to its last breakpoint, if that prefix
//   is at least minCacheableTokens long; the entry becomes readable once the writing response is sent;
// - input_tokens is what follows the last breakpoint (or the read prefix, whichever is further).
// Tokens are estimated as ceil(bytes / 4) of each block's JSON (without its cache_control): deterministic.
//
// Scripts: per analyst (found by `Analyst: <name>` in the first user message's last block), a list of
// steps consumed one per request (retries included). A step is an object or a function
// (request) → object:
//   { content: [...blocks], stop_reason?, delayMs? }     a reply (stop_reason defaults from the blocks)
//   { status: 500|429|529|..., delayMs?, retryAfterMs? } an error reply in the API's error shape
//   { invalidJson: true }                                 200 with a body that is not JSON
//   { hang: true }                                        never answers (until the client gives up)
// When a script runs out, its last step repeats.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';

const LOOKBACK_BLOCKS = 20;
const MAX_BREAKPOINTS = 4;

export const tokensOf = (text) => Math.ceil(Buffer.byteLength(text) / 4);

/** The request as cache blocks: [{ json, breakpoint, where }]. */
export function cacheBlocks(body) {
  const blocks = [];
  const add = (block, where) => {
    const { cache_control, ...rest } = block;
    blocks.push({ json: JSON.stringify({ where: where.split(':')[0], ...rest }), breakpoint: cache_control !== undefined, where });
  };
  (body.tools ?? []).forEach((tool, i) => add(tool, `tools:${i}`));
  const system = typeof body.system === 'string' ? [{ type: 'text', text: body.system }] : (body.system ?? []);
  system.forEach((block, i) => add(block, `system:${i}`));
  (body.messages ?? []).forEach((message, m) => {
    const content = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    content.forEach((block, b) => add(block, `${message.role}:${m}:${b}`));
  });
  return blocks;
}

/** The analyst a request belongs to: the `Analyst: name` line of the first user message's last block. */
export function analystOf(body) {
  const first = body.messages?.[0];
  const content = typeof first?.content === 'string' ? [{ type: 'text', text: first.content }] : (first?.content ?? []);
  const text = content[content.length - 1]?.text ?? '';
  return /^Analyst: (\S+)/m.exec(text)?.[1] ?? 'default';
}

function errorBody(status) {
  const type = status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : status === 400 ? 'invalid_request_error' : 'api_error';
  return JSON.stringify({ type: 'error', error: { type, message: `scripted ${status}` } });
}

/** Checks the API would accept the request; returns an error message or undefined. */
function invalidRequest(body, blocks) {
  if (typeof body.model !== 'string' || typeof body.max_tokens !== 'number') return 'model and max_tokens are required';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: at least one message is required';
  const breakpoints = blocks.filter((b) => b.breakpoint).length;
  if (breakpoints > MAX_BREAKPOINTS) return `A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints}.`;
  for (let i = 0; i < body.messages.length; i++) {
    const message = body.messages[i];
    if (message.role !== (i % 2 === 0 ? 'user' : 'assistant')) return `messages.${i}: roles must alternate, starting with user`;
    if (message.role !== 'assistant' || typeof message.content === 'string') continue;
    const uses = message.content.filter((b) => b.type === 'tool_use').map((b) => b.id);
    if (uses.length === 0) continue;
    const next = body.messages[i + 1];
    const answered = new Set((Array.isArray(next?.content) ? next.content : []).filter((b) => b.type === 'tool_result').map((b) => b.tool_use_id));
    const missing = uses.filter((id) => !answered.has(id));
    if (missing.length > 0) return `messages.${i + 1}: tool_use ids were found without tool_result blocks immediately after: ${missing.join(', ')}`;
  }
  return undefined;
}

/** @param {{ scripts?: Record<string, any[]>, minCacheableTokens?: number, defaultDelayMs?: number }} [options] */
export async function startMessagesApiServer({ scripts = {}, minCacheableTokens = 1024, defaultDelayMs = 0 } = {}) {
  const cache = new Set(); // prefix hashes readable now
  const stepIndex = new Map();
  const requests = [];
  const sockets = new Set();
  let nextId = 1;

  const account = (blocks) => {
    // Running hash and token count at each block boundary (after block i).
    const hashes = [];
    const cumulative = [];
    let hash = createHash('sha256').update('prefix').digest('hex');
    let tokens = 0;
    for (const block of blocks) {
      hash = createHash('sha256').update(hash).update(block.json).digest('hex');
      tokens += tokensOf(block.json);
      hashes.push(hash);
      cumulative.push(tokens);
    }
    const breakpoints = blocks.map((b, i) => (b.breakpoint ? i : -1)).filter((i) => i >= 0);
    let readEnd = -1;
    for (const bp of breakpoints) {
      for (let i = bp; i >= 0 && i >= bp - LOOKBACK_BLOCKS; i--) {
        if (cache.has(hashes[i])) {
          readEnd = Math.max(readEnd, i);
          break;
        }
      }
    }
    const lastBreakpoint = breakpoints.length ? breakpoints[breakpoints.length - 1] : -1;
    const read = readEnd >= 0 ? cumulative[readEnd] : 0;
    const writes = [];
    let written = 0;
    if (lastBreakpoint > readEnd && cumulative[lastBreakpoint] >= minCacheableTokens) {
      written = cumulative[lastBreakpoint] - read;
      for (const bp of breakpoints) if (bp > readEnd && cumulative[bp] >= minCacheableTokens) writes.push(hashes[bp]);
    }
    const cachedEnd = Math.max(readEnd, written > 0 ? lastBreakpoint : -1);
    const total = cumulative.length ? cumulative[cumulative.length - 1] : 0;
    return {
      usage: { input_tokens: total - (cachedEnd >= 0 ? cumulative[cachedEnd] : 0), cache_creation_input_tokens: written, cache_read_input_tokens: read },
      writes,
      totalTokens: total,
      breakpoints: breakpoints.map((i) => blocks[i].where),
    };
  };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const startedAt = performance.now();
      const raw = Buffer.concat(chunks).toString('utf8');
      const record = { method: req.method, url: req.url, headers: req.headers, raw, startedAt, endedAt: undefined, status: undefined };
      requests.push(record);
      const send = (status, text, headers = {}) => {
        if (res.destroyed) return;
        record.status = status;
        record.endedAt = performance.now();
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${record.index}`, ...headers });
        res.end(text);
      };
      record.index = requests.length - 1;
      if (req.method !== 'POST' || !req.url.startsWith('/v1/messages')) return send(404, errorBody(404));
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        return send(400, errorBody(400));
      }
      record.body = body;
      if (req.url.startsWith('/v1/messages/count_tokens'))
        return send(200, JSON.stringify({ input_tokens: cacheBlocks(body).reduce((n, b) => n + tokensOf(b.json), 0) }));

      const blocks = cacheBlocks(body);
      const invalid = invalidRequest(body, blocks);
      if (invalid) {
        record.error = invalid;
        return send(400, JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: invalid } }));
      }
      const analyst = analystOf(body);
      record.analyst = analyst;
      record.turn = body.messages.filter((m) => m.role === 'assistant').length + 1;
      const script = scripts[analyst] ?? scripts.default ?? [{ content: [{ type: 'text', text: 'No script for this analyst.' }] }];
      const index = stepIndex.get(analyst) ?? 0;
      stepIndex.set(analyst, index + 1);
      // The cache is looked up when the request arrives: a concurrent request that arrives before the
      // writing response is sent does not see that entry (which is why the analysts start staggered).
      const accounting = account(blocks);
      let step = script[Math.min(index, script.length - 1)];
      if (typeof step === 'function') step = await step({ body, analyst, turn: record.turn, attempt: index });
      const delay = step.delayMs ?? defaultDelayMs;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      if (step.hang) return; // the client times out or aborts; close() destroys the socket
      if (step.invalidJson) return send(200, '{"id": "msg_broken", "content": [');
      if (step.status) {
        const headers = step.retryAfterMs !== undefined ? { 'retry-after-ms': String(step.retryAfterMs) } : {};
        return send(step.status, errorBody(step.status), headers);
      }
      const content = step.content ?? [{ type: 'text', text: '' }];
      const usage = { ...accounting.usage, output_tokens: tokensOf(JSON.stringify(content)) };
      record.usage = usage;
      record.breakpoints = accounting.breakpoints;
      record.totalTokens = accounting.totalTokens;
      const message = {
        id: `msg_${String(nextId++).padStart(6, '0')}`,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content,
        stop_reason: step.stop_reason ?? (content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn'),
        stop_sequence: null,
        usage,
      };
      send(200, JSON.stringify(message));
      // Readable by later requests only now, as with the API (a cache entry exists once the response starts).
      for (const hash of accounting.writes) cache.add(hash);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /** Every request received, in arrival order: raw body, parsed body, analyst, turn, timings, usage. */
    requests,
    /** Requests for one analyst that got a reply (status 200). */
    repliesFor: (analyst) => requests.filter((r) => r.analyst === analyst && r.status === 200),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A tool_use block for scripts. */
let toolUseCounter = 0;
export function toolUse(name, input) {
  return { type: 'tool_use', id: `toolu_${String(++toolUseCounter).padStart(8, '0')}`, name, input };
}

/** The tool_result blocks of a request's last user message, by tool_use id. */
export function toolResultsOf(body) {
  const last = body.messages[body.messages.length - 1];
  const out = new Map();
  if (Array.isArray(last.content))
    for (const b of last.content) if (b.type === 'tool_result') out.set(b.tool_use_id, typeof b.content === 'string' ? b.content : JSON.stringify(b.content));
  return out;
}
