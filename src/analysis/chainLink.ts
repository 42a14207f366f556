// Which handover a session was started from, read out of the session's own opening: the seed prompt
// (`… read @.handover/<id>/resume-prompt.md first …`), the file it attached, or a pasted resume prompt
// (its preamble's first line, then the session id it names). Only the opening counts: the records
// before the agent's first reply. A handover mentioned later in the session is a reference, not a start.
import { readTranscript } from '../transcript/reader.js';
import type { TranscriptEvent } from '../transcript/events.js';
import type { ChainLink } from '../shared/handoverData.js';
import { isSafeSessionId } from '../util/sessionId.js';

export interface DetectedLink {
  handoverId: string;
  via: NonNullable<ChainLink['via']>;
  /** Log line of the message that holds the evidence. */
  line: number;
  /** Timestamp of the session's first record, for matching a launch record. */
  firstTimestamp?: string;
}

/** `.handover/<id>/resume-prompt.md` (either slash), with or without Claude Code's `@`. */
const HANDOVER_PATH = /(@?)[^\s"'`@]*?\.handover[\\/]([A-Za-z0-9_-]{1,128})[\\/]resume-prompt\.md/;
/** The preamble's first line; the resume prompt names its session further down. */
const PREAMBLE_FIRST_LINE = /^\s*# Session handover\s*$/m;
const NAMED_SESSION = /(?:Session: `|handover show )([A-Za-z0-9_-]{8,128})(?:`|:)/;
/** Stops the read once the opening is over; never an error. */
const OPENING_OVER = Symbol('opening over');
const MAX_OPENING_EVENTS = 400;

/** The evidence in one text of the opening, if any. */
export function linkInText(text: string): { handoverId: string; via: DetectedLink['via'] } | undefined {
  const path = HANDOVER_PATH.exec(text);
  if (path && isSafeSessionId(path[2])) return { handoverId: path[2], via: path[1] === '@' ? 'attachment' : 'seed' };
  if (PREAMBLE_FIRST_LINE.test(text.slice(0, 400))) {
    const named = NAMED_SESSION.exec(text);
    if (named && isSafeSessionId(named[1])) return { handoverId: named[1], via: 'preamble' };
  }
  return undefined;
}

/**
 * Reads the session's opening (user messages and what was attached to them, up to the agent's first
 * words) and returns the handover it starts from. `ownSessionId`: a session never links to itself.
 */
export async function detectChainLink(logPath: string, ownSessionId?: string): Promise<DetectedLink | undefined> {
  let found: DetectedLink | undefined;
  let firstTimestamp: string | undefined;
  let seen = 0;
  const onEvent = (event: TranscriptEvent) => {
    firstTimestamp ??= event.timestamp;
    if (++seen > MAX_OPENING_EVENTS) throw OPENING_OVER;
    if (event.sidechain) return;
    if (event.kind === 'assistant-text' || event.kind === 'thinking' || event.kind === 'tool-call') {
      // Claude Code attaches an @file as a synthetic Read before the model speaks; the model's own
      // first move ends the opening.
      if (event.kind !== 'tool-call' || !isAttachmentRead(event)) throw OPENING_OVER;
      return;
    }
    if (event.kind !== 'user' && event.kind !== 'tool-result') return;
    const link = linkInText(event.text);
    if (!link || link.handoverId === ownSessionId) return;
    // A seed names its file; the attached file's own text (a preamble) is weaker than the seed's path.
    if (!found || (found.via === 'preamble' && link.via !== 'preamble')) found = { ...link, line: event.line };
  };
  try {
    await readTranscript(logPath, onEvent, { interest: 'conversation' });
  } catch (error) {
    if (error !== OPENING_OVER) throw error;
  }
  return found ? { ...found, firstTimestamp } : undefined;
}

function isAttachmentRead(event: TranscriptEvent & { kind: 'tool-call' }): boolean {
  const input = event.input as { file_path?: unknown } | undefined;
  return event.name === 'Read' && typeof input?.file_path === 'string' && /\.handover[\\/]/.test(input.file_path);
}
