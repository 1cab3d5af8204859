import type { Command } from './commands';
import { type CommandError, Refusal } from './errors';
import type { Model } from './model';
import { HANDLERS } from './verbs';

/**
 * Would the engine accept `command` on `model`? Runs the command's own handler with its events
 * thrown away, so a UI that asks before it sends (a drag hovering over a target) gets exactly
 * the engine's answer: null for yes, else the error the engine would give.
 */
export function dryRun(model: Model, command: Command): CommandError | null {
  try {
    HANDLERS[command.verb](command as never, { model, requestid: 'dry-run', emit: () => {} });
    return null;
  } catch (error) {
    if (error instanceof Refusal)
      return { code: error.code, field: error.field, reason: error.reason, verb: command.verb };
    throw error;
  }
}
