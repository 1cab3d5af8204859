import { ConnectionError } from '../../connection/types';
import type { Command, CommandError } from '../../engine';
import type { WireResult } from '../../protocol/messages';
import type { InspectorStore } from '../store';
import type { ActionContext } from './context';

/**
 * Sends one command and reports a refusal where the user looks: a toast, and a row in the log
 * (with the ORS error event name when there is one). Every user command goes through here.
 */
export async function sendCommand(
  { store, connection }: ActionContext,
  command: Command,
): Promise<WireResult> {
  let result: WireResult;
  try {
    result = await connection.command(command);
  } catch (error) {
    const reason = error instanceof ConnectionError ? error.reason : String(error);
    const code = error instanceof ConnectionError ? error.code : 'failed';
    result = {
      ok: false,
      error: { code: 'badcommand', field: 'connection', reason: `${code}: ${reason}`, verb: command.verb },
    };
  }
  if (!result.ok) {
    reportRefusal(store, result.error, {
      session: 'session' in command && command.session !== undefined ? command.session : null,
      interaction: 'interactionid' in command ? command.interactionid : null,
      origin: command.origin ?? 'api',
    });
  }
  return result;
}

/** A refusal, shown as a toast and kept as a row of the log. */
export function reportRefusal(
  store: InspectorStore,
  error: CommandError,
  about: { session: string | null; interaction: string | null; origin: string },
): void {
  const title = error.ors?.name ?? `${error.verb ?? 'command'} refused`;
  store
    .getState()
    .toast({ tone: 'error', title: `${title}: ${error.code}`, text: `${error.field}: ${error.reason}` });
  store.getState().addLogRow({ kind: 'error', time: Date.now(), error, ...about });
}
