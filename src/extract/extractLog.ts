// Reads a log and returns its extract: the one call the CLI, the builder and the extension share.
import { readTranscript, type ReadResult } from '../transcript/reader.js';
import { sessionLogFiles } from '../transcript/sessionFiles.js';
import { Extractor, type ExtractCounts } from './extractor.js';

export interface ExtractResult {
  markdown: string;
  counts: ExtractCounts;
  /** The main log's read; its stats and problems include the subagent logs read after it. */
  read: ReadResult;
  bytesIn: number;
  bytesOut: number;
  keptSomething: boolean;
  /** Subagent logs read after the main log (`<session>/subagents/agent-*.jsonl`). */
  subagentFiles: string[];
}

export interface ExtractLogOptions {
  /** Also read the session's subagent logs (default true): their thinking is thinking too. */
  subagents?: boolean;
}

export async function extractLog(path: string, options: ExtractLogOptions = {}): Promise<ExtractResult> {
  const extractor = new Extractor();
  const add = (event: Parameters<Extractor['add']>[0]) => extractor.add(event);
  const read = await readTranscript(path, add, { interest: 'conversation' });
  const subagentFiles: string[] = [];
  if (options.subagents !== false) {
    for (const file of (await sessionLogFiles(path)).slice(1)) {
      extractor.section(`Subagent ${file.subagent}`);
      const sub = await readTranscript(file.path, add, { interest: 'conversation', subagent: file.subagent, agent: read.agent });
      subagentFiles.push(file.path);
      mergeInto(read, sub);
    }
  }
  const markdown = extractor.finish();
  return {
    markdown,
    counts: extractor.counts,
    read,
    bytesIn: read.stats.bytes,
    bytesOut: Buffer.byteLength(markdown),
    keptSomething: extractor.keptSomething,
    subagentFiles,
  };
}

function mergeInto(total: ReadResult, part: ReadResult): void {
  total.events += part.events;
  total.stats.bytes += part.stats.bytes;
  total.stats.records += part.stats.records;
  total.stats.skippedUnparsed += part.stats.skippedUnparsed;
  for (const key of ['invalidJson', 'invalidUtf8', 'oversized', 'malformed'] as const) total.problems[key].count += part.problems[key].count;
  for (const [type, count] of part.problems.unknownTypes) total.problems.unknownTypes.set(type, (total.problems.unknownTypes.get(type) ?? 0) + count);
}
