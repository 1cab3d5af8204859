import { ScriptError } from './realm';

/** The `ScriptError` an action throws (tests only); anything else it throws, or nothing, fails the test. */
export function failure(action: () => unknown): ScriptError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScriptError) return error;
    throw error;
  }
  throw new Error('expected a ScriptError');
}
