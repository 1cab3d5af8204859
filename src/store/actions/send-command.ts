import { ConnectionError } from '../../connection/types';
import type { Command, CommandError } from '../../engine';
import type { WireResult } from '../../protocol/messages';
import type { InspectorStore } from '../store';
import type { ActionContext } from './context';
import { withRequestId } from './request-id';

/**
 * Sends one command and reports a refusal where the user looks: a toast, and a row in the log
 * (with the ORS error event name when there is one). Every user command goes through here. A
 * command whose reply the lost link took is reported as of unknown outcome, and settled after
 * the resync by its `requestid` (settle.ts).
 */
export async function sendCommand({ store, connection }: ActionContext, input: Command): Promise<WireResult> {
  const command = withRequestId(input);
  const requestid = 'requestid' in command ? (command.requestid ?? null) : null;
  const sentAt = store.getState().log.total;
  let result: WireResult;
  try {
    result = await connection.command(command);
  } catch (error) {
    const code = error instanceof ConnectionError ? error.code : 'failed';
    const reason = error instanceof ConnectionError ? error.reason : String(error);
    if (code === 'disconnected') {
      store.getState().addUnsettled({ verb: command.verb, requestid, sentAt });
      return reportUnknown(store, command.verb, requestid);
    }
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

/** Not a refusal: the engine may have run it. The caller gets an error it cannot mistake for one. */
function reportUnknown(store: InspectorStore, verb: string, requestid: string | null): WireResult {
  const reason = 'the link dropped before the engine answered: outcome unknown until it is back';
  const name = requestid === null ? verb : `${verb} ${requestid}`;
  const state = store.getState();
  state.toast({ tone: 'info', title: `${name}: outcome unknown`, text: reason });
  state.addLogRow({ kind: 'marker', time: Date.now(), seq: state.seq, text: `${name}: ${reason}` });
  return { ok: false, error: { code: 'badcommand', field: 'connection', reason, verb } };
}
