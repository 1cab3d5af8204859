import type { CommandError, Engine, EngineEvent } from '../engine';

/** One output line of a headless run: every event, and every refusal, in order. */
export type RunLine =
  | ({ readonly type: 'event' } & EngineEvent)
  | { readonly type: 'error'; readonly line: number; readonly error: CommandError };

/**
 * Runs commands given as JSON lines on `engine`. A line that is not JSON, or not a valid command,
 * yields an error line and the run goes on: one bad line must not hide what the others do.
 * Commands without an `origin` are tagged `replay`. Blank lines are skipped.
 */
export function* runJsonLines(engine: Engine, lines: Iterable<string>): Generator<RunLine> {
  let number = 0;
  for (const text of lines) {
    number += 1;
    if (text.trim() === '') continue;
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      const reason = `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
      yield { type: 'error', line: number, error: { code: 'badcommand', field: 'line', reason } };
      continue;
    }
    const result = engine.dispatch(withReplayOrigin(input));
    if (!result.ok) {
      yield { type: 'error', line: number, error: result.error };
      continue;
    }
    for (const event of result.events) yield { type: 'event', ...event };
  }
}

function withReplayOrigin(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || 'origin' in input) return input;
  return { ...input, origin: 'replay' };
}
