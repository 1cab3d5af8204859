import { type CommandError, dryRun, type Origin } from '../../engine';
import type { WireResult } from '../../protocol/messages';
import { canWrite, type InspectorState } from '../state';
import type { ActionContext } from './context';
import { reportRefusal, sendCommand } from './send-command';

export interface AssociateRequest {
  readonly g_uid: string;
  readonly target: string;
  readonly origin: Origin;
}

/**
 * Would the engine take this move? The engine's own associate checks, run on the page's model,
 * with the current owner as the requesting session (A1). Null means yes.
 */
export function checkAssociate(
  state: Pick<InspectorState, 'model' | 'connection' | 'at'>,
  request: AssociateRequest,
): CommandError | null {
  if (!canWrite(state)) return cannotWrite(state);
  const owner = state.model.interactions.get(request.g_uid)?.owner ?? null;
  if (owner === null) {
    return {
      code: 'invalidstate',
      field: 'session',
      reason: `interaction ${request.g_uid} has no owner to move it`,
      verb: 'associate',
    };
  }
  return dryRun(state.model, {
    verb: 'associate',
    session: owner,
    interactionid: request.g_uid,
    sessionid: request.target,
  });
}

/**
 * "Associate interaction X with session Y": the one action a drag, the keyboard menu and the
 * tests all call. It sends one associate command with the current owner as the requesting
 * session; the engine decides, and a refusal is shown by sendCommand. It does not pre-refuse on
 * the page's check (the page's model may be a frame behind): the engine is the judge.
 */
export async function associate(ctx: ActionContext, request: AssociateRequest): Promise<WireResult> {
  const owner = ctx.store.getState().model.interactions.get(request.g_uid)?.owner ?? null;
  if (owner === null) {
    // No owner, no requesting session: there is no command to send (A1).
    const error = checkAssociate(ctx.store.getState(), request) as CommandError;
    reportRefusal(ctx.store, error, { session: null, interaction: request.g_uid, origin: request.origin });
    return { ok: false, error };
  }
  return sendCommand(ctx, {
    verb: 'associate',
    session: owner,
    interactionid: request.g_uid,
    sessionid: request.target,
    origin: request.origin,
  });
}

/** Why the page may not write now: offline, a viewer, or the past on screen. */
function cannotWrite(state: Pick<InspectorState, 'connection' | 'at'>): CommandError {
  const verb = 'associate';
  if (state.connection.status.state !== 'connected')
    return { code: 'invalidstate', field: 'connection', reason: 'not connected to the engine', verb };
  if (state.connection.role !== 'operator')
    return { code: 'invalidstate', field: 'role', reason: 'a viewer may not move interactions', verb };
  return {
    code: 'invalidstate',
    field: 'at',
    reason: 'the past is on screen: go Live to move interactions',
    verb,
  };
}
