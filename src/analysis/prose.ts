// Classifies sentences people and the model wrote: a decision with its reason, an approach given up,
// a standing constraint from the user. Pure functions over one sentence at a time.
import { specificity } from './text.js';

const DECISION = new RegExp(
  [
    String.raw`\b(?:I|we)(?:'ll| will| am going to|'m going to| are going to|'re going to| should| decided| chose| opted| went)\b`,
    String.raw`\blet'?s (?:use|go with|keep|stick|switch|do|try|make|add|put|store|write|move|split|run|implement)\b`,
    String.raw`\b(?:decided|decide|decision|deciding)\b`,
    String.raw`\bgo(?:ing)? with\b`,
    String.raw`\b(?:chose|choose|chosen|choosing|opted|opting|settled on|settle on|picked|prefer)\b`,
    String.raw`\binstead of\b`,
    String.raw`\brather than\b`,
    String.raw`\b(?:the|my|our) (?:plan|approach|strategy|fix|solution) (?:is|will be|here is)\b`,
    String.raw`\b(?:better|best|safer|simpler|cleaner) (?:to|approach|option)\b`,
    String.raw`^(?:plan|decision|approach|choice|conclusion|verdict|settled|going to)\b`,
    String.raw`\b(?:should|will|must|shall) (?:be|use|stay|remain|live|go|keep)\b`,
    String.raw`\bthe (?:best|right|simplest|safest|cleanest) (?:way|approach|option|fix)\b`,
    String.raw`\bbecause\b.*\b(?:use|using|keep|switch|went|chose|pick)\b`,
  ].join('|'),
  'i',
);

/** Planning chatter that matches the decision words but carries no choice. */
const CHATTER = /^(?:let me|now let me|i'll (?:now )?(?:start|begin|check|look|read|run|open|take a look|first|help|create a todo|update the todo|mark)|i will (?:now )?(?:start|check|look|read|run)|let's (?:see|check|look|start|begin))\b/i;

const IMPERATIVE_CHOICE = /^(?:use|keep|store|put|stick with|switch to|make|prefer|avoid|go for|pick|cache|split|move|leave|default to|treat|round|require|return|reject|limit|allow|always|never|only)\b/i;
/** "X, not Y": a choice stated by what it is not. */
const NOT_THAT = /\w, not (?:an? |the )?\w+/;
const RATIONALE = /\b(?:because|since|so that|so we|so it|so the|as it|as this|to avoid|to keep|to prevent|to make|to stay|to fit|in order to|which (?:means|keeps|avoids|is)|otherwise|due to|given that|the reason)\b/i;

const REJECTED = new RegExp(
  [
    String.raw`\b(?:doesn'?t|does not|didn'?t|did not|won'?t|will not|wouldn'?t|can'?t|cannot) (?:work|help|fix|solve|build|compile|pass|scale)\b`,
    String.raw`\bnot (?:going to|gonna) work\b`,
    String.raw`\b(?:abandon|abandoned|abandoning|give up on|gave up on|giving up on|dead end|scrap|scrapped|scrapping|ditch|ditched|ditching|drop(?:ped|ping)? (?:the|that|this) (?:idea|approach|attempt))\b`,
    String.raw`\b(?:revert|reverted|reverting|roll(?:ed)? back|rolling back|undo|undoing|undid|back out|backed out|backing out)\b`,
    String.raw`\b(?:ruled out|rule out|ruling out|discarded|discarding|rejected|won'?t fly|no good|no luck|after all|too (?:slow|fragile|complex|brittle|risky|expensive|heavy|flaky))\b`,
    String.raw`\btried\b.*\b(?:still|same (?:error|problem|failure)|no effect|no difference|didn'?t|doesn'?t|failed)\b`,
    String.raw`\bswitch(?:ed|ing)? (?:to|back to|over to)\b`,
    String.raw`\b(?:that|this|the previous|the first|my first|the old|the original) (?:approach|attempt|idea|fix|way) (?:failed|didn'?t|doesn'?t|was wrong|is wrong|won'?t|broke)\b`,
    String.raw`\bturn(?:s|ed) out\b`,
    String.raw`\b(?:went|go|going|gone|switch(?:ed|ing)?|roll(?:ed|ing)?) back\b`,
    String.raw`^(?:back|returning|reverting) to\b|\breturn(?:ed|ing)? to (?:the )?(?:old|previous|original|earlier)\b`,
    String.raw`\b(?:drop|dropping|dropped|removing|removed) (?:the|that|this|my|our)\b.*(?::|\bbecause\b|\bsince\b)`,
    String.raw`\btried\b.*\bbut\b`,
  ].join('|'),
  'i',
);
/** Words that reject something but also name what was chosen: with a decision verb, it is a decision. */
const SOFT_REJECTED = /\binstead\b|\b(?:no longer|not) (?:use|using|going with)\b/i;
// "I will keep X in a.ts instead of b.ts" is a choice made (with its alternative), not an abandoned attempt.
const STRONG_DECISION = /\b(?:decided|decision|chose|chosen|opted|going with|go with|settled on|the plan is|(?:I|we)(?:'ll| will) (?:use|keep|put|store|stick with|go with)|let's (?:use|keep)|switch(?:ing|ed)? to)\b/i;

const CONSTRAINT = new RegExp(
  [
    String.raw`\b(?:keep|always|never|must|mustn'?t|must not|do not|don'?t|avoid|only use|only ever|make sure|ensure|no more than|at most|at least|without|stay within|stick to|prefer|should(?:n'?t| not)?|need to|has to|have to)\b`,
    String.raw`\buse\b.+\b(?:not|instead of|rather than)\b`,
    String.raw`^(?:please\s+)?(?:use|no|only|leave|stop|stay|remember|target|limit)\b`,
    String.raw`\b(?:only|not allowed|forbidden|off-limits|important|leave\b.+\b(?:alone|as is|untouched)|under no circumstances)\b`,
    String.raw`\b(?:under|below|within|less than|max(?:imum)?|budget of)\b.*\d`,
    String.raw`\b(?:I|we) (?:want|need|require|expect|prefer)\b`,
  ].join('|'),
  'i',
);

export type ProseSource = 'thinking' | 'assistant' | 'user';

export interface ProseFinding {
  kind: 'decisions' | 'rejected';
  sentence: string;
  score: number;
}

/** What a sentence records, if anything: a decision, a rejected approach, or nothing. */
export function classifySentence(sentence: string, source: ProseSource): ProseFinding | undefined {
  if (sentence.length < 15 || sentence.length > 700) return undefined;
  // Cheap pattern tests first: most sentences match none, and specificity is the costly part.
  const rejected = REJECTED.test(sentence) || (SOFT_REJECTED.test(sentence) && !STRONG_DECISION.test(sentence));
  const decision = !rejected && DECISION.test(sentence) && !CHATTER.test(sentence);
  const reason = RATIONALE.test(sentence) ? 2 : 0;
  const implicit = !rejected && !decision && source !== 'user' && (reason > 0 || IMPERATIVE_CHOICE.test(sentence) || NOT_THAT.test(sentence)) && !CHATTER.test(sentence);
  if (!rejected && !decision && !implicit) return undefined;
  const specific = specificity(sentence);
  // Thinking is where choices are made and where a compaction loses them first.
  const sourceWeight = source === 'thinking' ? 1.5 : source === 'user' ? 2 : 0.5;
  if (rejected) return { kind: 'rejected', sentence, score: 4 + specific + reason + sourceWeight };
  if (decision) {
    const strong = /\b(?:decided|decision|chose|opted|going with|go with|instead of|rather than|settled|the plan is)\b/i.test(sentence) ? 2 : 0;
    if (!strong && !reason && specific < 1 && source !== 'thinking') return undefined;
    return { kind: 'decisions', sentence, score: 3 + specific + reason + strong + sourceWeight };
  }
  // Reasoning without the usual decision words: "Use a B-tree for the index since lookups dominate."
  if (source === 'thinking' || specific >= 1) return { kind: 'decisions', sentence, score: 1.5 + specific + reason + sourceWeight };
  return undefined;
}

// Where a user message stops being the user's own words: a slash command's expansion (its text comes
// from a command file, which a repository can ship) or an interruption marker (what follows is not typed).
const NOT_OWN_WORDS = /<command-(?:message|name|args)>|\[Request interrupted by user/;

/** The part of a user message the person typed: up to a `<command-message>` or an interruption marker. */
export function ownWords(text: string): string {
  const at = text.search(NOT_OWN_WORDS);
  return at < 0 ? text : text.slice(0, at);
}

/** A user's standing instruction ("keep X", "don't Y", "use A not B"). */
export function isConstraint(sentence: string): boolean {
  if (sentence.length < 8 || sentence.length > 500) return false;
  return CONSTRAINT.test(sentence);
}

/** True when a thinking/assistant sentence hints the text right after it explains a choice. */
export function hasRationale(sentence: string): boolean {
  return RATIONALE.test(sentence);
}
