import type { CommandError } from '../engine';
import type { SourcePosition } from '../scxml/errors';

/** Why the runtime refused something; nothing changed. `position` is set for a document's errors. */
export interface StrategyError {
  readonly code: 'unknown' | 'baddocument' | 'badcommand' | CommandError['code'];
  readonly field: string;
  readonly reason: string;
  readonly position?: SourcePosition;
}

export type StrategyResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: StrategyError };

export function refused(
  code: StrategyError['code'],
  field: string,
  reason: string,
): { ok: false; error: StrategyError } {
  return { ok: false, error: { code, field, reason } };
}
