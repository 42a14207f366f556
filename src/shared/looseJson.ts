// Readers for JSON that came from outside the process (a handover.json from a git pull or a hand edit, a
// child process's stdout): each coerces one value to the type the caller needs and never throws.

export type LooseObject = Record<string, unknown>;

export const asObject = (v: unknown): LooseObject => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as LooseObject) : {});
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A string cut to `max` characters, or '' for anything else. */
export const asString = (v: unknown, max = 20_000): string => (typeof v === 'string' ? v.slice(0, max) : '');
/** A finite number ≥ 0, or 0 for anything else. */
export const asCount = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
/** A 1-based line number, or undefined. */
export const asLine = (v: unknown): number | undefined => (Number.isInteger(v) && (v as number) >= 1 ? (v as number) : undefined);
