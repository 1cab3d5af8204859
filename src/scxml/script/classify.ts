/** Turns what a realm threw into a `ScriptError` of the right kind. */
import { ScriptError } from './realm';
import { messageOf } from './values';

/** Where the error came from: compiling source text, or running it. */
export type ErrorSite = 'compile' | 'run';

/**
 * QuickJS reports a runaway as an `InternalError`: `interrupted` when the interrupt handler stopped
 * it (scripts cannot catch that one), `out of memory` at the runtime's limit, and `string too long`
 * for a string past 2^30 characters, which string doubling reaches at no memory cost (QuickJS joins
 * strings as ropes). Other errors are the script's own: `syntax` if the source did not compile.
 */
export function scriptError(
  dumped: unknown,
  site: ErrorSite,
  interrupted: boolean,
  refusedMemory: boolean,
  outOfMemory: () => boolean,
): ScriptError {
  const message = messageOf(dumped);
  if (refusedMemory) return new ScriptError('memory', `the session used its memory budget (${message})`);
  if (interrupted) return new ScriptError('timeout', `the step ran past its time limit (${message})`);
  if (isInternal(dumped, 'out of memory') || isInternal(dumped, 'string too long')) {
    return new ScriptError('memory', `the session ran out of memory (${message})`);
  }
  // Where QuickJS cannot even allocate its error object, it throws without one.
  if ((dumped === null || dumped === undefined) && outOfMemory()) {
    return new ScriptError('memory', 'the session ran out of memory');
  }
  if (site === 'compile' && isNamed(dumped, 'SyntaxError')) return new ScriptError('syntax', message);
  return new ScriptError('runtime', message);
}

function isNamed(dumped: unknown, name: string): boolean {
  return typeof dumped === 'object' && dumped !== null && 'name' in dumped && dumped.name === name;
}

function isInternal(dumped: unknown, message: string): boolean {
  return (
    isNamed(dumped, 'InternalError') &&
    typeof dumped === 'object' &&
    dumped !== null &&
    'message' in dumped &&
    dumped.message === message
  );
}
