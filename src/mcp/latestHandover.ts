// `latest_handover`: the newest handover of a workspace that this machine signed, whole or one section.
// Unverified handovers (one that arrived with a `git pull`, say) are named but never returned: their text
// could say anything.
import { readFile } from 'node:fs/promises';
import { listHandovers } from '../handover/handoverRecord.js';
import { RetrievalInputError } from './retrieval.js';

export interface LatestHandover {
  sessionId: string;
  promptPath: string;
  text: string;
}

interface Section {
  heading: string;
  body: string;
}

/** The `## ` sections of a resume prompt (what comes before the first is the preamble). */
export function promptSections(text: string): Section[] {
  const sections: Section[] = [];
  const lines = text.split('\n');
  let current: Section = { heading: '(preamble)', body: '' };
  for (const line of lines) {
    if (/^##\s/.test(line)) {
      if (current.body.trim() || current.heading !== '(preamble)') sections.push(current);
      current = { heading: line.replace(/^##\s+/, '').trim(), body: `${line}\n` };
    } else current.body += `${line}\n`;
  }
  sections.push(current);
  return sections;
}

export async function latestHandover(workspace: string, home: string, section?: string): Promise<LatestHandover> {
  const entries = await listHandovers(workspace, home);
  const newest = entries.find((entry) => entry.verified);
  if (!newest) {
    const unverified = entries.length ? ` (${entries.length} unverified: ${entries[0].verifyProblem || 'not signed here'})` : '';
    throw new RetrievalInputError(`no verified handover in ${workspace}${unverified}`);
  }
  const text = await readFile(newest.promptPath, 'utf8');
  const sections = promptSections(text);
  const contents = `Sections: ${sections.map((s) => s.heading).join(' | ')}\n`;
  const head = `Handover of session ${newest.id} (${newest.promptPath}, verified)\n`;
  if (!section?.trim()) return { sessionId: newest.id, promptPath: newest.promptPath, text: `${head}${contents}\n${text}` };
  const wanted = section.trim().toLowerCase();
  const found = sections.filter((s) => s.heading.toLowerCase().includes(wanted));
  if (found.length === 0) throw new RetrievalInputError(`no section matching '${section}' in ${newest.promptPath}; ${contents.trim()}`);
  return { sessionId: newest.id, promptPath: newest.promptPath, text: `${head}\n${found.map((s) => s.body.trimEnd()).join('\n\n')}\n` };
}
