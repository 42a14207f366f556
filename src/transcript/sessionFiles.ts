// A Claude Code session is more than its main log: subagents write their own logs in
// `<session-id>/subagents/agent-*.jsonl`, and big tool outputs live in `<session-id>/tool-results/`.
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readTranscript, type ReadOptions, type ReadResult } from './reader.js';
import type { TranscriptEvent } from './events.js';

export interface SessionLogFile {
  path: string;
  /** The subagent log's file name (`agent-1234.jsonl`); undefined for the main log. */
  subagent?: string;
}

/** `/p/<id>.jsonl` → `/p/<id>`: the folder Claude Code keeps beside the main log. */
export function sessionDirOf(mainLogPath: string): string {
  return join(dirname(mainLogPath), basename(mainLogPath).replace(/\.jsonl$/, ''));
}

/** The main log first, then its subagent logs sorted by name. A session without subagents is just the main log. */
export async function sessionLogFiles(mainLogPath: string): Promise<SessionLogFile[]> {
  const files: SessionLogFile[] = [{ path: mainLogPath }];
  const subagentDir = join(sessionDirOf(mainLogPath), 'subagents');
  let names: string[];
  try {
    names = await readdir(subagentDir);
  } catch {
    return files; // no subagents folder: the common case
  }
  for (const name of names.filter((n) => /^agent-.*\.jsonl$/.test(n)).sort()) files.push({ path: join(subagentDir, name), subagent: name });
  return files;
}

/**
 * Where a tool result's full output lives on this machine. The log names the file by the absolute path
 * it had when written; the session may have been archived or copied since, so look beside the log.
 */
export function toolResultFilePath(mainLogPath: string, externalFile: string): string {
  return join(sessionDirOf(mainLogPath), 'tool-results', basename(externalFile));
}

/** Reads the main log and then every subagent log; subagent events are marked sidechain with their file. */
export async function readSession(
  mainLogPath: string,
  onEvent: (event: TranscriptEvent) => void,
  options: Omit<ReadOptions, 'subagent' | 'startOffset' | 'startLine'> = {},
): Promise<Array<SessionLogFile & { result: ReadResult }>> {
  const results: Array<SessionLogFile & { result: ReadResult }> = [];
  for (const file of await sessionLogFiles(mainLogPath)) {
    results.push({ ...file, result: await readTranscript(file.path, onEvent, { ...options, subagent: file.subagent }) });
  }
  return results;
}
