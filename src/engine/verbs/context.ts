import type { CommandOf, Verb } from '../commands';
import { type ErrorCode, Refusal } from '../errors';
import type { EventDataMap, EventName } from '../events';
import type { InteractionRecord, Model, SessionRecord } from '../model';

/**
 * What a handler gets while it plans a command. It reads the model and emits events in order; it
 * never writes the model. The engine commits the emitted events only if the handler returns, so a
 * handler refuses by throwing a Refusal at any point, even after emitting.
 */
export interface PlanContext {
  readonly model: Model;
  /** The command's `requestid`, or the one the engine generated for it (spec I). */
  readonly requestid: string;
  readonly emit: <N extends EventName>(name: N, session: string | null, data: EventDataMap[N]) => void;
}

export type Handler<V extends Verb> = (command: CommandOf<V>, ctx: PlanContext) => void;

/** The requesting session: it must exist (else `unknown`) and be running (B6, else `invalidstate`). */
export function requireRunningSession(model: Model, id: string, field = 'session'): SessionRecord {
  const session = model.sessions.get(id);
  if (session === undefined) throw new Refusal('unknown', field, `no session ${id}`);
  if (session.state === 'ended') throw new Refusal('invalidstate', field, `session ${id} has ended`);
  return session;
}

export function requireInteraction(model: Model, id: string): InteractionRecord {
  const interaction = model.interactions.get(id);
  if (interaction === undefined) throw new Refusal('unknown', 'interactionid', `no interaction ${id}`);
  return interaction;
}

/** A1, I2, I3: only the owner may act on an interaction; an ended one has no owner. */
export function requireOwner(
  interaction: InteractionRecord,
  session: SessionRecord,
  code: ErrorCode = 'invalidstate',
): void {
  if (interaction.state === 'ended') {
    throw new Refusal(code, 'interactionid', `interaction ${interaction.g_uid} has ended`);
  }
  if (interaction.owner !== session.id) {
    const owner = interaction.owner === null ? 'no session' : `session ${interaction.owner}`;
    throw new Refusal(
      code,
      'session',
      `session ${session.id} does not own interaction ${interaction.g_uid} (it is owned by ${owner})`,
    );
  }
}

export function requireNewId(
  taken: ReadonlyMap<string, unknown>,
  id: string,
  field: string,
  what: string,
): void {
  if (taken.has(id)) throw new Refusal('duplicate', field, `${what} ${id} already exists`);
}
