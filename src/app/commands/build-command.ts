import type { Command, MediaName, Model } from '../../engine';
import { parseAddress } from './parse-address';
import { resolveId } from './resolve-id';

export const MANUAL_VERBS = {
  startSession: 'Start a session',
  arrive: 'Create an interaction',
  endSession: 'End a session',
  terminate: 'Terminate an interaction',
  detach: 'Detach an interaction',
  redirect: 'Redirect an interaction',
} as const;
export type ManualVerb = keyof typeof MANUAL_VERBS;

/** What the Commands menu holds when Send is pressed. */
export interface CommandForm {
  readonly verb: ManualVerb;
  readonly media: MediaName;
  /** The session (endSession) or interaction (the others) as typed, or the selected one. */
  readonly id: string;
  readonly address: string;
  readonly detach: boolean;
}

/** A command to send, or the field (named as the engine names it) that keeps it from being sent. */
export type BuiltCommand =
  | { ok: true; command: Command }
  | { ok: false; field: 'session' | 'interactionid' | 'to'; reason: string };

/**
 * The command a form stands for. Interaction commands are sent on behalf of the interaction's
 * current owner (the session a script would run them in); the engine judges them as any other.
 */
export function buildCommand(form: CommandForm, model: Model): BuiltCommand {
  const { verb } = form;
  switch (verb) {
    case 'startSession':
      return { ok: true, command: { verb, src: 'http://ors/strategies/manual.scxml', origin: 'api' } };
    case 'arrive':
      return { ok: true, command: { verb, media: form.media, queue: 'manual', origin: 'api' } };
    case 'endSession': {
      const session = resolveId(form.id, model.sessions.keys(), 'session');
      if (!session.ok) return { ok: false, field: 'session', reason: session.reason };
      return { ok: true, command: { verb, session: session.id, origin: 'api' } };
    }
    case 'terminate':
    case 'detach':
    case 'redirect': {
      const found = resolveId(form.id, model.interactions.keys(), 'interaction');
      if (!found.ok) return { ok: false, field: 'interactionid', reason: found.reason };
      const interactionid = found.id;
      const owner = model.interactions.get(interactionid)?.owner ?? null;
      if (owner === null)
        return {
          ok: false,
          field: 'interactionid',
          reason: `interaction ${interactionid} has no owner session to act for it`,
        };
      if (verb !== 'redirect')
        return { ok: true, command: { verb, session: owner, interactionid, origin: 'api' } };
      const to = parseAddress(form.address);
      if (!to.ok) return { ok: false, field: 'to', reason: to.reason };
      return {
        ok: true,
        command: { verb, session: owner, interactionid, to: to.value, detach: form.detach, origin: 'api' },
      };
    }
  }
}
