// The findings of a handover as flat items, one per claim the resume prompt makes in a gap section, with a
// stable id (log + section + normalized text) so hand labels made once can be matched to later builds.
// Shared by the labelling dump (bench/precisionDump.mjs) and bench:precision.
import { createHash } from 'node:crypto';

/** The gap sections labels are kept for. */
export const SECTIONS = ['decisions', 'errors', 'rejected', 'refusals', 'numbers', 'constraints'];

export const normalize = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .slice(0, 200);

export function itemId(log, section, text) {
  return createHash('sha1')
    .update(`${log}\u0000${section}\u0000${normalize(text)}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * handover.json → items. Reads both the v1 layout (findings[].analyst, numbers[], constraints[]) and the
 * v2 one (the same names; `refusals` as a finding analyst or its own list), ignoring anything else.
 */
export function itemsOf(log, data) {
  const items = [];
  const push = (section, text, detail, citations, command) => {
    if (!text) return;
    items.push({
      id: itemId(log, section, text),
      log,
      section,
      text: String(text),
      detail: detail ? String(detail) : '',
      lines: (citations ?? []).map((c) => c.line).filter(Number.isInteger),
      command,
    });
  };
  for (const finding of data.findings ?? []) {
    if (!SECTIONS.includes(finding.analyst)) continue;
    // v2 errors state whether they were fixed: the status is part of the claim being judged.
    const status =
      finding.status === 'resolved'
        ? `Resolved (fixed at log line ${finding.resolvedBy?.line ?? '?'}): `
        : finding.status === 'unresolved' && finding.wentOnWith
          ? `Not re-run (the session went on with \`${finding.wentOnWith.what}\`, log line ${finding.wentOnWith.line}): `
          : finding.status === 'unresolved'
            ? 'Unresolved: '
            : '';
    push(finding.analyst, status + finding.title, finding.detail, finding.citations);
  }
  for (const section of ['numbers', 'constraints', 'refusals']) {
    const list = data[section] ?? data.gaps?.[section];
    if (Array.isArray(list)) for (const fact of list) push(section, fact.text ?? fact.title, fact.detail, fact.citations, fact.command);
  }
  return items;
}
