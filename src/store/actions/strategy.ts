import { ConnectionError, type ProvisionRequest } from '../../connection/types';
import { validateCommand } from '../../engine';
import type { StrategyInspection } from '../../protocol/messages';
import type { ActionContext } from './context';
import { sendCommand } from './send-command';

export type InspectionResult =
  | { readonly ok: true; readonly inspection: StrategyInspection }
  | { readonly ok: false; readonly reason: string };

/** One session's strategy as the host tells it; a refusal or a lost link is returned, not thrown. */
export async function fetchStrategy(
  { connection }: ActionContext,
  session: string,
): Promise<InspectionResult> {
  try {
    return { ok: true, inspection: await connection.strategy(session) };
  } catch (error) {
    return { ok: false, reason: error instanceof ConnectionError ? error.reason : String(error) };
  }
}

/** Why something typed in a form was not sent: the field and the reason. Nothing was sent. */
export interface FormError {
  readonly field: string;
  readonly reason: string;
  readonly position?: { readonly line: number; readonly column: number };
}

/**
 * An event for a session's state machine, its data typed as JSON text (empty: none). The data must
 * be a JSON object (it becomes `_event.data`), checked here by the engine's own validation so a
 * bad value is named before anything is sent; `sendEvent` is journaled, and a refusal is reported
 * as every command's is (a toast and a log row).
 */
export async function sendStrategyEvent(
  ctx: ActionContext,
  input: { readonly session: string; readonly name: string; readonly data: string },
): Promise<{ readonly ok: true } | { readonly ok: false; readonly error: FormError }> {
  let data: unknown;
  if (input.data.trim() !== '') {
    try {
      data = JSON.parse(input.data);
    } catch (error) {
      return {
        ok: false,
        error: {
          field: 'data',
          reason: `is not JSON: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      return {
        ok: false,
        error: { field: 'data', reason: 'must be a JSON object (it becomes _event.data)' },
      };
  }
  const command = validateCommand({
    verb: 'sendEvent',
    session: input.session,
    event: input.name.trim(),
    ...(data === undefined ? {} : { data }),
    origin: 'api',
  });
  if (!command.ok)
    return { ok: false, error: { field: fieldName(command.error.field), reason: command.error.reason } };
  const result = await sendCommand(ctx, command.command);
  if (!result.ok)
    return { ok: false, error: { field: fieldName(result.error.field), reason: result.error.reason } };
  return { ok: true };
}

/** The engine calls the event's name `event`; the form calls it `name`. */
function fieldName(field: string): string {
  return field === 'event' ? 'name' : field;
}

/**
 * Maps a queue to a strategy: a bundled document by its name, or a file the user picked (uploaded
 * with it). A document's errors come back with their line and column.
 */
export async function provisionStrategy(
  { connection }: ActionContext,
  request: ProvisionRequest,
): Promise<
  { readonly ok: true; readonly strategy: string } | { readonly ok: false; readonly error: FormError }
> {
  try {
    const { strategy } = await connection.provision(request);
    return { ok: true, strategy };
  } catch (error) {
    if (!(error instanceof ConnectionError))
      return { ok: false, error: { field: 'connection', reason: String(error) } };
    const { field, reason, position } = error;
    return { ok: false, error: { field, reason, ...(position === undefined ? {} : { position }) } };
  }
}
