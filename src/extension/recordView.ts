// The readable view of one log record: a read-only virtual document whose text is what
// `handover show <file>:<line> --context 3` prints, produced by the CLI child process (the log is never
// parsed on the extension host). The first line names the raw log; "Open Raw Log Here" (or a click on
// that path) opens it at the record's line.
import * as vscode from 'vscode';
import { cliFailure, type CliRunner } from './cliRunner.js';
import type { Logger } from './logger.js';
import { isReadableRecordText, parseRecordQuery, RECORD_SCHEME, recordDocumentText, recordQuery, recordTitle, type RecordLocation } from './recordLocation.js';

export const SHOW_CONTEXT_RECORDS = 3;

export function registerRecordView(cli: CliRunner, log: Logger): vscode.Disposable[] {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri, token) {
      const location = parseRecordQuery(uri.query);
      if (!location) return 'This is not a Handover record address.\n';
      const result = await cli.run(['show', `${location.file}:${location.line}`, '--context', String(SHOW_CONTEXT_RECORDS)], { token });
      if (result.code !== 0) log.warn(`handover show ${location.file}:${location.line} failed: ${cliFailure(result)}`);
      return recordDocumentText(location, { code: result.code, stdout: result.stdout, problem: cliFailure(result) });
    },
  };
  // The raw path on the first line is a link to the raw log at the record's line.
  const links: vscode.DocumentLinkProvider = {
    provideDocumentLinks(document) {
      const location = parseRecordQuery(document.uri.query);
      const first = document.lineAt(0).text;
      const at = location ? first.indexOf(location.file) : -1;
      if (!location || at < 0) return [];
      const target = vscode.Uri.file(location.file).with({ fragment: `L${location.line}` });
      return [new vscode.DocumentLink(new vscode.Range(0, at, 0, at + location.file.length), target)];
    },
  };
  return [
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, provider),
    vscode.languages.registerDocumentLinkProvider({ scheme: RECORD_SCHEME }, links),
  ];
}

export function recordUri(location: RecordLocation, sessionId?: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/${recordTitle(location, sessionId)}`, query: recordQuery(location) });
}

/**
 * Opens the readable view of a record; when the CLI cannot show it (no searchable record on that
 * line, a log that moved), opens the raw log at the line instead, so a click always lands somewhere.
 */
export async function openRecord(location: RecordLocation, sessionId: string | undefined, log: Logger): Promise<void> {
  const document = await vscode.workspace.openTextDocument(recordUri(location, sessionId));
  if (isReadableRecordText(document.getText())) {
    await vscode.window.showTextDocument(document, { preview: true });
    return;
  }
  log.info(`showing the raw log instead: ${location.file}:${location.line}`);
  await openRawLog(location);
}

export async function openRawLog(location: RecordLocation): Promise<void> {
  const line = Math.max(0, location.line - 1);
  await vscode.window.showTextDocument(vscode.Uri.file(location.file), { selection: new vscode.Range(line, 0, line, 0), preview: true });
}

/** "Handover: Open Raw Log Here": the raw log behind the active record view (or the given one). */
export async function openRawRecordCommand(arg?: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const location = uri?.scheme === RECORD_SCHEME ? parseRecordQuery(uri.query) : undefined;
  if (!location) {
    void vscode.window.showInformationMessage('Handover: open a record from "Search Past Sessions" first; this opens its raw log.');
    return;
  }
  await openRawLog(location);
}
