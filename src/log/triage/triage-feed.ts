import type { SnapshotMessage } from '../../connection/types';
import type { EngineEvent } from '../../engine';
import { Triage, type TriageLimits } from '../../triage';

/** What the feed reads of the store's record (timeline/record.ts): its base and its events. */
export interface RecordView {
  readonly base: SnapshotMessage;
  /** Oldest first, contiguous seqs. */
  readonly events: readonly EngineEvent[];
}

/**
 * Feeds one Triage from the page's record as it grows: each sync takes only the events past the
 * last one fed (never a rescan), and a new record (a snapshot: a new engine life, a resync, a
 * recording opened) starts it over from that record's base. Time is the events' own; `advance`
 * moves it on while the page hears a live engine, whose event times are its wall clock.
 */
export class TriageFeed {
  readonly triage: Triage;
  private record: RecordView | null = null;

  constructor(limits?: TriageLimits) {
    this.triage = new Triage(limits);
  }

  /**
   * Takes what `record` holds past what was fed, then moves on to `clock` (the engine's time now,
   * when the page knows it). True when entries changed.
   */
  sync(record: RecordView, clock: number | null): boolean {
    const before = this.triage.version;
    const { events } = record;
    if (record !== this.record) {
      // The base has no time of its own: its first event's, or now on a live page just opened.
      const time = events[0]?.time ?? clock;
      if (time === null) return false;
      this.record = record;
      this.triage.load(record.base.snapshot, time);
    }
    const first = events[0]?.seq;
    if (first !== undefined && (events[events.length - 1]?.seq ?? 0) > this.triage.seq) {
      this.triage.feed(events.slice(Math.max(0, this.triage.seq + 1 - first)));
    }
    if (clock !== null) this.triage.advance(clock);
    return this.triage.version !== before;
  }

  /** Event time is now `time` (the engine's clock went on without events). True when entries changed. */
  advance(time: number): boolean {
    const before = this.triage.version;
    if (this.record !== null) this.triage.advance(time);
    return this.triage.version !== before;
  }
}
