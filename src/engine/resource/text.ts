/**
 * Checks shared by the string form and the object fields. They run before any interpretation so a
 * giant or invisible-character value is refused the same way wherever it appears.
 */

/** Longer values are refused: no real id, DN or address comes near, and logs stay readable. */
export const MAX_LENGTH = 512;

/** Longest piece of a bad value quoted back in a reason. */
const QUOTE_LENGTH = 40;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, to escape them in reasons.
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

export const DIGITS = /^[0-9]+$/;

/** What is wrong with a value as text, or `undefined` when it is usable. `what` is its name. */
export function textProblem(what: string, value: string): string | undefined {
  if (value.length === 0) return `${what} is empty`;
  if (value.length > MAX_LENGTH) return `${what} is ${value.length} characters long, more than ${MAX_LENGTH}`;
  if (CONTROL.test(value)) return `${what} contains a control character: ${quote(value)}`;
  // [choice] refused rather than trimmed: a silently changed address would be hard to trace.
  if (value.trim() !== value) return `${what} has leading or trailing spaces: ${quote(value)}`;
  return undefined;
}

/** The value in quotes for a reason, cut short so a 10,000-character value gives a short message. */
export function quote(value: string): string {
  const cut = value.length > QUOTE_LENGTH ? `${value.slice(0, QUOTE_LENGTH)}...` : value;
  // Escaped so a reason always stays on one log line.
  const shown = cut.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${shown}'`;
}

/** A name for any JavaScript value's type, for "must be a string, got ..." reasons. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
