import type { IdCounters } from './ids';
import type { InteractionRecord, Model, SessionRecord } from './model';

/** The state at `seq`: plain JSON, cheap to take (one pass, records shared, not copied). */
export interface Snapshot {
  readonly seq: number;
  /** Accepted commands so far: the next command's number follows it. */
  readonly commands: number;
  /** How far generated ids have gone: the next ones follow, never repeating a purged record's. */
  readonly ids: IdCounters;
  readonly sessions: readonly SessionRecord[];
  readonly interactions: readonly InteractionRecord[];
}

export function takeSnapshot(model: Model, seq: number, commands: number): Snapshot {
  return {
    seq,
    commands,
    ids: model.ids,
    sessions: [...model.sessions.values()],
    interactions: [...model.interactions.values()],
  };
}

export function modelFromSnapshot(snapshot: Snapshot): Model {
  return {
    sessions: new Map(snapshot.sessions.map((s) => [s.id, s])),
    interactions: new Map(snapshot.interactions.map((i) => [i.g_uid, i])),
    ids: snapshot.ids,
  };
}
