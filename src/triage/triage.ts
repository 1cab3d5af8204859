import type { EngineEvent, Snapshot } from '../engine';
import { AnomalyBook } from './anomaly-book';
import type { Detector } from './detector';
import { IdleSessionDetector } from './idle-sessions';
import { DEFAULT_LIMITS, type TriageLimits } from './limits';
import { OrphanDetector } from './orphans';
import { PingPongDetector } from './ping-pong';
import type { Anomaly, AnomalyKind } from './types';
import { WaitingUnownedDetector } from './waiting-unowned';

/**
 * Triage of association anomalies over one engine life's event stream, fed batch by batch: each
 * event is looked at once, never a rescan. Time is the events' own (`time`); `advance` moves it on
 * past the last event, for a page that knows the engine's clock has gone on (engine times are the
 * wall clock's). Limits come from `triageLimits` (limits.ts).
 */
export class Triage {
  private readonly book = new AnomalyBook();
  private readonly detectors: readonly Detector[];
  /** The last `seq` taken: a batch that overlaps it is taken from there on. */
  private last = 0;
  private now = Number.NEGATIVE_INFINITY;

  constructor(readonly limits: TriageLimits = DEFAULT_LIMITS) {
    this.detectors = [
      new OrphanDetector(limits.orphan, this.book),
      new PingPongDetector(limits['ping-pong'], this.book),
      new IdleSessionDetector(limits['idle-session'], this.book),
      new WaitingUnownedDetector(limits['waiting-unowned'], this.book),
    ];
  }

  /** Changes whenever an entry does. */
  get version(): number {
    return this.book.version;
  }

  /** The last `seq` taken. */
  get seq(): number {
    return this.last;
  }

  /** Starts over from a snapshot taken at event time `time` (a new engine life, a page opened late). */
  load(snapshot: Snapshot, time: number): void {
    this.clear();
    this.last = snapshot.seq;
    this.now = time;
    for (const detector of this.detectors) detector.load(snapshot, time);
  }

  /** Events in `seq` order; those at or below the last taken are skipped. */
  feed(events: readonly EngineEvent[]): void {
    for (const event of events) {
      if (event.seq <= this.last) continue;
      this.last = event.seq;
      this.advance(event.time);
      for (const detector of this.detectors) detector.observe(event);
    }
  }

  /** Event time is now `time` (never back): waits past their limit become anomalies. */
  advance(time: number): void {
    if (time <= this.now) return;
    this.now = time;
    for (const detector of this.detectors) detector.advance(time);
  }

  /** The anomalies of `kind`, the latest first. */
  list(kind: AnomalyKind): Anomaly[] {
    return this.book.list(kind);
  }

  clear(): void {
    this.last = 0;
    this.now = Number.NEGATIVE_INFINITY;
    this.book.clear();
    for (const detector of this.detectors) detector.clear();
  }
}
