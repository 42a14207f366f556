// Readers for JSON that came from outside the process (a handover.json from a git pull or a hand edit, a
// child process's stdout, a webview message). The guards accept a value whole or not at all (validators);
// the as* readers coerce one value to the type the caller needs and never throw (defensive views).

export type LooseObject = Record<string, unknown>;

export const isObject = (v: unknown): v is LooseObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
/** A finite number ≥ 0. */
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
/** A 1-based line number. */
export const isLine = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
export const arrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);
export const hasStrings = (v: LooseObject, ...keys: string[]): boolean => keys.every((k) => isString(v[k]));
export const hasCounts = (v: LooseObject, ...keys: string[]): boolean => keys.every((k) => isCount(v[k]));

export const asObject = (v: unknown): LooseObject => (isObject(v) ? v : {});
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A string cut to `max` characters, or '' for anything else. */
export const asString = (v: unknown, max = 20_000): string => (isString(v) ? v.slice(0, max) : '');
export const asCount = (v: unknown): number => (isCount(v) ? v : 0);
export const asLine = (v: unknown): number | undefined => (isLine(v) ? v : undefined);
