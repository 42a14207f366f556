// Prints precision items with the raw log records they cite (and their neighbours), for labelling by hand.
// Usage: node bench/precisionContext.mjs ITEMS.jsonl|ITEMS.json [FROM] [COUNT]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../test/support/paths.mjs';

const [file, from = '0', count = '20'] = process.argv.slice(2);
// A labelling batch is JSON lines; a held-out sample (bench/heldoutSample.mjs) is one JSON array.
const text = readFileSync(file, 'utf8');
const items = text.trimStart().startsWith('[')
  ? JSON.parse(text)
  : text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
const logLines = new Map();
// Held-out items (bench/heldoutSample.mjs) carry the folder their log lives in; corpus items do not.
const linesOf = (log, dir = join(fixturesDir, 'real')) => {
  const path = join(dir, log);
  if (!logLines.has(path)) logLines.set(path, readFileSync(path, 'utf8').split('\n'));
  return logLines.get(path);
};

/** Every string in a record that a person or tool wrote, flattened (roles and tool names marked). */
function recordText(raw, max) {
  let record;
  try {
    record = JSON.parse(raw);
  } catch {
    return raw.slice(0, max);
  }
  const parts = [];
  const walk = (value, key) => {
    if (parts.join(' ').length > max) return;
    if (typeof value === 'string') {
      if (['signature', 'encrypted_content', 'uuid', 'parentUuid', 'sessionId', 'id', 'timestamp', 'data'].includes(key)) return;
      if (value.length > 0) parts.push(`${key}: ${value}`);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(record.message ?? record.payload ?? record, record.type ?? 'record');
  return `[${record.type}${record.payload?.type ? '/' + record.payload.type : ''}${record.message?.role ? ' ' + record.message.role : ''}] ${parts.join(' | ')}`.slice(
    0,
    max,
  );
}

for (const item of items.slice(Number(from), Number(from) + Number(count))) {
  const lines = linesOf(item.log, item.dir);
  console.log(`\n=== ${item.id}  [${item.section}]  ${item.log}`);
  console.log(`TEXT: ${item.text}`);
  if (item.detail) console.log(`DETAIL: ${item.detail.slice(0, 600)}`);
  if (item.command) console.log(`COMMAND: ${item.command.slice(0, 300)}`);
  for (const line of item.lines.slice(0, 2)) {
    console.log(`--- log line ${line - 1}: ${recordText(lines[line - 2] ?? '', 500)}`);
    console.log(`>>> log line ${line}: ${recordText(lines[line - 1] ?? '', 1800)}`);
    console.log(`--- log line ${line + 1}: ${recordText(lines[line] ?? '', 400)}`);
  }
}
