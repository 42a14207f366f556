// One streaming pass over a session (the main log, then its subagent logs) feeds the offline analysts,
// the modified-file tracker and the extract together: a 100 MB log is read and parsed once. Concurrent
// callers with the same log share the pass.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { feedTranscript, readTranscript, type ReadResult } from '../transcript/reader.js';
import { Extractor, type ExtractCounts } from '../extract/extractor.js';
import { crossCheck, FileChangeTracker, gitChanges, type ModifiedFilesResult } from './modifiedFiles.js';
import { OfflineAnalyzer, type OfflineAnalysis, type OfflineOptions } from './offline.js';

export interface SessionAnalysis {
  analysis: OfflineAnalysis;
  modified: ModifiedFilesResult;
  /** `git status` of the workspace (paths relative to it); empty when it is not a git work tree. */
  uncommitted: { path: string; status: string }[];
  /** The extract (what people said and the model thought), built in the same pass. */
  extract: { markdown: string; counts: ExtractCounts; read: ReadResult };
}

/**
 * Subagent logs of a session: `<id>/subagents/` beside a Claude Code log, or `subagents/` beside an
 * archived one (the archive keeps companions next to the main log). Of archived versions of one
 * subagent log (`agent-1.jsonl`, `agent-1.v2.jsonl`) only the newest is read.
 */
export async function subagentLogs(mainLogPath: string): Promise<string[]> {
  const candidates = [join(dirname(mainLogPath), basename(mainLogPath).replace(/\.jsonl$/, ''), 'subagents'), join(dirname(mainLogPath), 'subagents')];
  for (const dir of candidates) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    const newest = new Map<string, { name: string; version: number }>();
    for (const name of names) {
      const match = /^(agent-.*?)(?:\.v(\d+))?\.jsonl$/.exec(name);
      if (!match) continue;
      const version = match[2] ? Number(match[2]) : 1;
      const known = newest.get(match[1]);
      if (!known || known.version < version) newest.set(match[1], { name, version });
    }
    return [...newest.values()].map((v) => join(dir, v.name)).sort();
  }
  return [];
}

const EXTERNAL_HEAD = 8 * 1024;
const EXTERNAL_TAIL = 24 * 1024;

/**
 * Reads the head and tail of a tool output stored beside the log (`<id>/tool-results/` next to a
 * Claude Code log, `tool-results/` next to an archived one). Sync and bounded: it runs inside the
 * streaming callback, only for failed calls whose output was too big for the log.
 */
export function externalOutputReader(mainLogPath: string): (externalFile: string) => string | undefined {
  const dirs = [join(dirname(mainLogPath), basename(mainLogPath).replace(/\.jsonl$/, ''), 'tool-results'), join(dirname(mainLogPath), 'tool-results')];
  return (externalFile) => {
    const name = basename(externalFile);
    for (const dir of dirs) {
      let fd: number | undefined;
      try {
        fd = openSync(join(dir, name), 'r');
        const size = fstatSync(fd).size;
        const read = (offset: number, length: number) => {
          const buffer = Buffer.alloc(length);
          return buffer.subarray(0, readSync(fd!, buffer, 0, length, offset)).toString('utf8');
        };
        if (size <= EXTERNAL_HEAD + EXTERNAL_TAIL) return read(0, size);
        return `${read(0, EXTERNAL_HEAD)}\n…\n${read(size - EXTERNAL_TAIL, EXTERNAL_TAIL)}`;
      } catch {
        continue;
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
    return undefined;
  };
}

/** The analysts, the file tracker and the extractor, all fed by one stream of events. */
function passParts(logPath: string, options: OfflineOptions) {
  const tracker = new FileChangeTracker(options.workspace);
  const analyzer = new OfflineAnalyzer(tracker, externalOutputReader(logPath));
  const extractor = new Extractor();
  const onEvent = (event: Parameters<OfflineAnalyzer['onEvent']>[0]) => {
    analyzer.onEvent(event);
    extractor.add(event);
  };
  return { tracker, analyzer, extractor, onEvent };
}

/** After the main log: its subagent logs, then every analyst's result. */
async function finishPass(logPath: string, options: OfflineOptions, parts: ReturnType<typeof passParts>, main: ReadResult): Promise<SessionAnalysis> {
  const { tracker, analyzer, extractor, onEvent } = parts;
  for (const path of await subagentLogs(logPath)) {
    extractor.section(`Subagent ${basename(path)}`);
    // A subagent log that cannot be read costs its findings, not the handover.
    const sub = await readTranscript(path, onEvent, { interest: 'all', subagent: basename(path), agent: main.agent }).catch(() => undefined);
    if (sub) mergeRead(main, sub);
  }
  tracker.finish();
  const analysis = analyzer.finish(main.stats.lines, main.agent);
  const files = tracker.files();
  const changes = await gitChanges(options.workspace);
  const modified = changes ? crossCheck(tracker, files, changes) : { files, unexplainedGitChanges: [] };
  const uncommitted = (changes ?? [])
    .map((c) => ({ path: tracker.relative(c.path), status: c.status }))
    .filter((c) => c.path !== '.handover' && !c.path.startsWith('.handover/'));
  return { analysis, modified, uncommitted, extract: { markdown: extractor.finish(), counts: extractor.counts, read: main } };
}

async function runPass(logPath: string, options: OfflineOptions): Promise<SessionAnalysis> {
  const parts = passParts(logPath, options);
  const main = await readTranscript(logPath, parts.onEvent, { interest: 'all' });
  return finishPass(logPath, options, parts, main);
}

/** A session analysis fed with the main log's bytes by someone already reading them. */
export interface SessionFeed {
  /** The log's next bytes, in order from its first byte (the chunk may be reused afterwards). */
  push(chunk: Buffer): void;
  /** After the last chunk: reads the subagent logs and returns what analyzeSession would. */
  finish(): Promise<SessionAnalysis>;
}

/**
 * analyzeSession over bytes pushed by whoever reads the log anyway: the build's archive copy, so a 100 MB
 * log is read once. `logPath` is where the log's companions are (subagents/, tool-results/ beside it):
 * the archived copy's path; the bytes must be exactly that file's.
 */
export function feedSession(logPath: string, options: OfflineOptions): SessionFeed {
  const parts = passParts(logPath, options);
  const feed = feedTranscript(parts.onEvent, { interest: 'all' });
  return {
    push: (chunk) => feed.push(chunk),
    finish: () => finishPass(logPath, options, parts, feed.finish()),
  };
}

/** Adds a subagent log's read to the main log's: its problems are the session's too. */
function mergeRead(total: ReadResult, part: ReadResult): void {
  total.events += part.events;
  total.stats.records += part.stats.records;
  total.stats.skippedUnparsed += part.stats.skippedUnparsed;
  for (const key of ['invalidJson', 'invalidUtf8', 'oversized', 'malformed'] as const) total.problems[key].count += part.problems[key].count;
  for (const [type, count] of part.problems.unknownTypes) total.problems.unknownTypes.set(type, (total.problems.unknownTypes.get(type) ?? 0) + count);
}

const inFlight = new Map<string, Promise<SessionAnalysis>>();

/** The offline analysis, the modified files and the extract, in one pass over the session's logs. */
export function analyzeSession(logPath: string, options: OfflineOptions): Promise<SessionAnalysis> {
  const key = `${logPath}\u0000${options.workspace}`;
  const running = inFlight.get(key);
  if (running) return running;
  const pass = runPass(logPath, options).finally(() => inFlight.delete(key));
  inFlight.set(key, pass);
  return pass;
}

/** The offline analysis of a session log (shares its pass with a concurrent collectModifiedFiles). */
export async function analyzeOffline(logPath: string, options: OfflineOptions): Promise<OfflineAnalysis> {
  return (await analyzeSession(logPath, options)).analysis;
}

/**
 * The files a session changed (relative to the workspace), checked against git. Shares its pass over
 * the log with a concurrent analyzeOffline of the same log.
 */
export async function collectModifiedFiles(logPath: string, workspace: string): Promise<ModifiedFilesResult> {
  return (await analyzeSession(logPath, { workspace })).modified;
}
