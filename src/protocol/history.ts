import {
  createdInteraction,
  type Engine,
  type EngineEvent,
  eventInteraction,
  type InteractionRecord,
  OP_SESSION_ID,
  type SessionRecord,
  type Snapshot,
  startedSession,
} from '../engine';
import type { History, HistoryQuery, ProtocolError } from './messages';

/**
 * At most this many events in one answer, the newest: a ledger longer than that (a session that
 * ran for days) is answered without its start rather than as one huge message.
 */
const MAX_HISTORY_EVENTS = 2000;

/** What a journal older than the engine's memory holds of one target (the server's file). */
export interface ArchivedHistory {
  /** The first seq it holds: a checkpoint's seq + 1, or 1. */
  readonly from: number;
  /** The checkpoint it starts from: the state at `from - 1`, where older events are gone. */
  readonly checkpoint: Snapshot | null;
  /** The target's events from `from` on, oldest first. */
  readonly events: readonly EngineEvent[];
}

export interface HistoryArchive {
  /** What it holds of `query` in the engine life `epoch`, up to seq `through`; null: not that life. */
  find(query: HistoryQuery, epoch: string, through: number): Promise<ArchivedHistory | null>;
}

/** Whether `event` belongs to the ledger of the interaction or session `query` names. */
export function concerns(event: EngineEvent, { of, target }: HistoryQuery): boolean {
  if (of === 'interaction') return eventInteraction(event) === target;
  if (event.session === target) return true;
  // The source of an associate is told with events of its own, but the move is journaled once.
  return (
    event.name === 'interaction.owner.changed' && (event.data.from === target || event.data.to === target)
  );
}

/**
 * The ledger of one interaction or session: what the engine still keeps in memory and, when that
 * does not reach back to the target's creation, what `archive` holds before it. Its record is the
 * engine's while the engine holds it, else rebuilt from the ledger. Unknown targets get a typed
 * error.
 */
export async function findHistory(
  engine: Engine,
  epoch: string,
  query: HistoryQuery,
  archive: HistoryArchive | null,
): Promise<History | ProtocolError> {
  const start = engine.journalStart;
  const kept = (engine.eventsSince(start) ?? []).filter((event) => concerns(event, query));
  let events = kept;
  let from = start + 1;
  let checkpoint: Snapshot | null = null;
  if (start > 0 && archive !== null && !kept.some((event) => isCreation(event, query))) {
    const old = await archive.find(query, epoch, start).catch(() => null);
    // An archive that cannot be read leaves what memory holds, which is still true.
    if (old !== null) {
      events = [...old.events.filter((event) => event.seq <= start), ...kept];
      from = old.from;
      checkpoint = old.checkpoint;
    }
  }
  const { target } = query;
  if (query.of === 'interaction') {
    const base = checkpoint?.interactions.find((i) => i.g_uid === target) ?? null;
    const record = engine.state.interactions.get(target) ?? foldInteraction(base, events);
    if (record === null && events.length === 0) return unknown(query, from);
    return { of: 'interaction', record, ...newest(query, events, from) };
  }
  const base = checkpoint?.sessions.find((s) => s.id === target) ?? null;
  const record = engine.state.sessions.get(target) ?? foldSession(target, base, events);
  if (record === null && events.length === 0) return unknown(query, from);
  return { of: 'session', record, ...newest(query, events, from) };
}

/** The newest MAX_HISTORY_EVENTS of a ledger, where they start, and whether that is its start. */
function newest(query: HistoryQuery, events: readonly EngineEvent[], from: number) {
  const kept = events.length > MAX_HISTORY_EVENTS ? events.slice(-MAX_HISTORY_EVENTS) : events;
  return {
    target: query.target,
    events: kept,
    from: kept === events ? from : (kept[0]?.seq ?? from),
    complete: kept.some((event) => isCreation(event, query)),
  };
}

function unknown({ of, target }: HistoryQuery, from: number): ProtocolError {
  return {
    code: 'unknown',
    field: 'target',
    reason: `the journal holds nothing of ${of} ${target} (it keeps seq ${from} on)`,
  };
}

function isCreation(event: EngineEvent, { of, target }: HistoryQuery): boolean {
  return of === 'interaction'
    ? event.name === 'interaction.created' && event.data.interaction.g_uid === target
    : event.name === 'session.started' && event.session === target;
}

/**
 * The last state of a purged interaction, from its own events: what applyEvent does to its
 * record, without the sessions (its ledger does not hold theirs). Null without a start.
 */
function foldInteraction(
  base: InteractionRecord | null,
  events: readonly EngineEvent[],
): InteractionRecord | null {
  let current = base;
  for (const event of events) {
    if (event.name === 'interaction.created') {
      current = createdInteraction(event);
      continue;
    }
    if (current === null) continue;
    if (event.name === 'interaction.state.changed') current = { ...current, state: event.data.to };
    else if (event.name === 'interaction.udata.changed') current = { ...current, udata: event.data.udata };
    else if (event.name === 'interaction.ended')
      current = { ...current, state: 'ended', endedAt: event.time };
    else if (event.name === 'interaction.owner.changed') {
      const { [OP_SESSION_ID]: _old, ...properties } = current.properties;
      const to = event.data.to;
      current = {
        ...current,
        owner: to,
        properties: to === null ? properties : { ...properties, [OP_SESSION_ID]: to },
      };
    }
  }
  return current;
}

/** The last state of a purged session, from its ledger. Null without a start. */
function foldSession(
  id: string,
  base: SessionRecord | null,
  events: readonly EngineEvent[],
): SessionRecord | null {
  let current = base;
  for (const event of events) {
    if (event.name === 'session.started') {
      current = startedSession(event);
      continue;
    }
    if (current === null) continue;
    if (event.name === 'session.ended') current = { ...current, state: 'ended', endedAt: event.time };
    else if (event.name === 'interaction.owner.changed') {
      const { interactionid, from, to } = event.data;
      const held = current.interactions.filter((g_uid) => g_uid !== interactionid || from !== id);
      current = { ...current, interactions: to === id ? [...held, interactionid] : held };
    }
  }
  return current;
}
