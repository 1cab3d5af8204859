import type { EngineEvent, Snapshot, StartParams } from '../engine';

/** A REST start asked for a later time (X12 `idealtime`), under the session id it answered. */
export interface ScheduledStart {
  readonly session: string;
  readonly src: string;
  readonly params?: StartParams;
  /** When it is due, epoch ms. */
  readonly at: number;
}

/**
 * The lines of a journal file besides events (docs/server.md, "Persistence"). Event lines are
 * the engine's events as they are; these marks have a `type`, which no event has. Here, not in
 * src/server, because the page opens a server's journal file too (docs/recordings.md).
 */
export type JournalMark =
  /** A new engine starts here, empty (first start, reset); its events follow from seq 1. */
  | { readonly type: 'epoch'; readonly epoch: string; readonly time: number }
  /** A clean shutdown at `seq`: everything the run journaled is on disk. */
  | { readonly type: 'stopped'; readonly epoch: string; readonly seq: number; readonly time: number }
  /**
   * The run before did not stop cleanly, so clients may hold events this file never got: the
   * same state goes on under a new epoch, which makes them take a snapshot instead of resuming.
   */
  | {
      readonly type: 'recovered';
      readonly epoch: string;
      readonly from: string;
      readonly seq: number;
      readonly time: number;
    }
  /**
   * The first line of a compacted file: the epoch's state at `seq`. Its events up to `seq` are
   * left out, and everything before it in the file (older epochs) too; the events after follow.
   */
  | {
      readonly type: 'checkpoint';
      readonly epoch: string;
      readonly seq: number;
      readonly snapshot: Snapshot;
      readonly time: number;
      /** The last id a scheduled start was given before it (the lines naming it are left out), so none is given again. */
      readonly lastScheduled?: string;
    }
  /**
   * A scheduled start, and its end (it started, failed to, or was cancelled). They belong to the
   * server, not to an epoch: the file's waiting starts are those without an end, whatever epoch
   * they came in, and a compacted file repeats them after its checkpoint.
   */
  | ({ readonly type: 'scheduled'; readonly time: number } & ScheduledStart)
  | {
      readonly type: 'unscheduled';
      readonly session: string;
      readonly reason: 'started' | 'failed' | 'cancelled';
      readonly time: number;
    };

export type JournalLine = EngineEvent | JournalMark;

/** The latest epoch of a journal: the state its events start from, and its events. */
export interface JournalEpoch {
  readonly epoch: string;
  /** The state its events start from: a checkpoint's, or null for an empty engine. */
  readonly base: Snapshot | null;
  /** From the seq after the base's (1 without one), contiguous. */
  readonly events: readonly EngineEvent[];
  /** Whether the last run wrote its `stopped` line after its last event. */
  readonly clean: boolean;
}

/** A journal line that cannot be right: its 1-based number and what is wrong with it. */
export class JournalLineError extends Error {
  override readonly name = 'JournalLineError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line} ${reason}`);
  }
}

/**
 * Takes a journal's lines in order and keeps only the latest epoch's events. Any line that does
 * not fit throws JournalLineError, because skipping an event would make every later `seq` wrong.
 */
export class JournalReader {
  latest: { epoch: string; base: Snapshot | null; events: EngineEvent[]; clean: boolean } | null = null;
  /** The scheduled starts still waiting, by session id. */
  readonly scheduled = new Map<string, ScheduledStart>();
  /** Every id a scheduled start was given, waiting or ended: a server gives none of them again. */
  readonly scheduledIds = new Set<string>();
  private number = 0;

  line(text: string): void {
    this.number += 1;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw this.corrupt('is not JSON');
    }
    this.check(value);
  }

  /** A line its caller has parsed already (the page checks each event line before it is kept). */
  value(value: unknown): void {
    this.number += 1;
    this.check(value);
  }

  private check(value: unknown): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw this.corrupt('is not a JSON object');
    const line = value as Record<string, unknown>;
    if (line.type === 'epoch' && typeof line.epoch === 'string') {
      // Only the latest epoch is restored: what came before it is history.
      this.latest = { epoch: line.epoch, base: null, events: [], clean: false };
      return;
    }
    if (line.type === 'checkpoint') {
      if (this.number !== 1 || typeof line.epoch !== 'string' || !isSnapshotAt(line.snapshot, line.seq))
        throw this.corrupt('is not a checkpoint that starts the file');
      this.latest = { epoch: line.epoch, base: line.snapshot, events: [], clean: false };
      if (typeof line.lastScheduled === 'string') this.scheduledIds.add(line.lastScheduled);
      return;
    }
    if (line.type === 'scheduled' || line.type === 'unscheduled') {
      this.schedule(line);
      return;
    }
    const latest = this.latest;
    if (latest === null) throw this.corrupt('comes before any epoch line');
    const last = (latest.base?.seq ?? 0) + latest.events.length;
    if (line.type === undefined) {
      if (typeof line.name !== 'string' || line.seq !== last + 1)
        throw this.corrupt(`is not event ${last + 1} of epoch ${latest.epoch}`);
      latest.events.push(line as unknown as EngineEvent);
      latest.clean = false;
    } else if (line.type === 'stopped' && line.seq === last) {
      latest.clean = true;
    } else if (line.type === 'recovered' && typeof line.epoch === 'string') {
      latest.epoch = line.epoch;
      latest.clean = false;
    } else throw this.corrupt(`does not fit here (type ${String(line.type).slice(0, 40)})`);
  }

  private schedule(line: Record<string, unknown>): void {
    const { session, src, at, params } = line;
    if (typeof session !== 'string') throw this.corrupt(`is a ${line.type} line without a session`);
    this.scheduledIds.add(session);
    if (line.type === 'unscheduled') {
      this.scheduled.delete(session);
      return;
    }
    if (typeof src !== 'string' || typeof at !== 'number')
      throw this.corrupt('is a scheduled start without its src and time');
    // The server wrote the parameters after the engine had checked them.
    const start = { session, src, at, ...(params === undefined ? {} : { params: params as StartParams }) };
    this.scheduled.set(session, start);
  }

  private corrupt(reason: string): JournalLineError {
    return new JournalLineError(this.number, reason);
  }
}

/** The checkpoint's snapshot is the engine's own (it wrote it): its seq is what is checked. */
function isSnapshotAt(value: unknown, seq: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null) return false;
  const snapshot = value as Record<string, unknown>;
  return (
    typeof seq === 'number' &&
    snapshot.seq === seq &&
    // Without its id counters, the engine would give again the ids of records purged before it.
    typeof snapshot.ids === 'object' &&
    snapshot.ids !== null &&
    Array.isArray(snapshot.sessions) &&
    Array.isArray(snapshot.interactions)
  );
}
