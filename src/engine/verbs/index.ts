import type { Verb } from '../commands';
import { associate } from './associate';
import { attach, detach } from './attach';
import type { Handler } from './context';
import { purge } from './purge';
import { redirect } from './redirect';
import { arrive, endSession, sendEvent, startSession } from './sessions';
import { terminate } from './terminate';
import { deleteuData, setuData } from './udata';

/** One handler a verb. A handler plans the events of a command; the engine applies them. */
export const HANDLERS: { readonly [V in Verb]: Handler<V> } = {
  startSession,
  endSession,
  arrive,
  associate,
  attach,
  detach,
  redirect,
  terminate,
  setuData,
  deleteuData,
  sendEvent,
  purge,
};

/** Verbs of `<ixn:*>` actions: a refusal is also the ORS event `error.interaction.<verb>` (A6, I). */
export const ACTION_VERBS: ReadonlySet<Verb> = new Set([
  'associate',
  'attach',
  'detach',
  'redirect',
  'terminate',
]);
