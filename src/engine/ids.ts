import type { EngineEvent } from './events';

/**
 * Generated ids. Each kind has a counter that only grows: one past every record created, and past
 * any id given by a command that has the generated form. So a generated id is never one this epoch
 * has used, even after the record was purged. The counters are part of the model (applyEvent moves
 * them), so snapshots carry them and a replayed engine goes on with exactly the ids the live one would.
 */
export interface IdCounters {
  readonly sessions: number;
  readonly interactions: number;
}

export const NO_IDS: IdCounters = { sessions: 0, interactions: 0 };

const SESSION = { prefix: 'S-', digits: 5 };
/** g_uids are 16 characters, like ORS's (`00` + 14); the UI shows the last six. */
const GUID = { prefix: '00', digits: 14 };
type Form = typeof SESSION;

/**
 * A counter that reached this cannot be pushed past an id by `+ 1` exactly any more; an id beyond
 * it is left out of the count, as no counter will ever get there (it is 2^52 creations away).
 */
const COUNTABLE = 2 ** 52;

/** Session ids read like `S-0001A`: short enough to show on a graph node. */
export function nextSessionId(ids: IdCounters): string {
  return format(SESSION, ids.sessions + 1);
}

export function nextInteractionId(ids: IdCounters): string {
  return format(GUID, ids.interactions + 1);
}

/** The counters once `event` happened: only a new session or interaction moves them. */
export function countIds(ids: IdCounters, event: EngineEvent): IdCounters {
  if (event.name === 'session.started')
    return { sessions: past(ids.sessions, event.session as string, SESSION), interactions: ids.interactions };
  if (event.name === 'interaction.created')
    return {
      sessions: ids.sessions,
      interactions: past(ids.interactions, event.data.interaction.g_uid, GUID),
    };
  return ids;
}

export function shortGuid(g_uid: string): string {
  return g_uid.length > 6 ? g_uid.slice(-6) : g_uid;
}

function past(counter: number, id: string, form: Form): number {
  return Math.max(counter + 1, generatedNumber(id, form) ?? 0);
}

/** The number `id` would have been generated from, or null when no number generates it. */
function generatedNumber(id: string, form: Form): number | null {
  if (!id.startsWith(form.prefix)) return null;
  const n = Number.parseInt(id.slice(form.prefix.length), 36);
  return Number.isSafeInteger(n) && n <= COUNTABLE && format(form, n) === id ? n : null;
}

function format(form: Form, n: number): string {
  return `${form.prefix}${n.toString(36).toUpperCase().padStart(form.digits, '0')}`;
}
