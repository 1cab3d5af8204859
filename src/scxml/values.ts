import type { ScriptValue } from './script/realm';

/**
 * The value of inline content or a fetched `src` in the ECMAScript datamodel (section B.2.2):
 * JSON if it parses as JSON, otherwise the text with its whitespace normalized.
 */
export function contentValue(text: string): ScriptValue {
  try {
    return JSON.parse(text) as ScriptValue;
  } catch {
    return text.trim().replace(/\s+/g, ' ');
  }
}

/** A delay in CSS2 time notation (`500ms`, `1.5s`), or null if it is not one. */
export function parseDelay(text: string): number | null {
  const match = /^\s*(\d*\.?\d+)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!match) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 'ms'] ?? 1;
  return Number(match[1]) * unit;
}

/** How a value reads in a `<log>` record. */
export function display(value: ScriptValue): string {
  return typeof value === 'string' ? value : value === undefined ? 'undefined' : JSON.stringify(value);
}
