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
 * Where the page is in time: the engine's clock now (null when the page cannot know it), and the
 * seq on screen (null: live).
 */
export interface FeedMoment {
  readonly clock: number | null;
  readonly at: number | null;
}

/**
 * Feeds one Triage from the page's record as it grows: each sync takes only the events past the
 * last one fed (never a rescan), and a new record (a snapshot: a new engine life, a resync, a
 * recording opened) starts it over from that record's base. Time is the events' own; `advance`
 * moves it on while the page hears a live engine, whose event times are its wall clock.
 *
 * With the past on screen (`at`), it holds the anomalies as of that seq: fed up to it and no
 * further, its time that event's. Going further back starts over from the base and feeds up to
 * the new seq (a triage cannot be taken back, only rebuilt); going forward, and back to live,
 * feeds on from where it stopped.
 */
export class TriageFeed {
  readonly triage: Triage;
  private record: RecordView | null = null;
  /** Fed past the last event with the live clock: no seq of the record is its state any more. */
  private advanced = false;

  constructor(limits?: TriageLimits) {
    this.triage = new Triage(limits);
  }

  /**
   * Takes what `record` holds past what was fed, up to `at` (all of it when live), then on a live
   * view moves on to `clock`. True when entries changed.
   */
  sync(record: RecordView, { clock, at }: FeedMoment): boolean {
    const before = this.triage.version;
    const { events } = record;
    if (this.startsOver(record, at)) {
      // The base has no time of its own: its first event's, or now on a live page just opened.
      const time = events[0]?.time ?? clock;
      if (time === null) return false;
      this.record = record;
      this.advanced = false;
      this.triage.load(record.base.snapshot, time);
    }
    const first = events[0]?.seq;
    const last = Math.min(at ?? Number.POSITIVE_INFINITY, events[events.length - 1]?.seq ?? 0);
    if (first !== undefined && last > this.triage.seq) {
      this.triage.feed(events.slice(Math.max(0, this.triage.seq + 1 - first), last + 1 - first));
    }
    if (at === null && clock !== null) this.advance(clock);
    return this.triage.version !== before;
  }

  /**
   * Whether a sync to `at` of `record` starts over from the base, a pass over the held events
   * (another record, or a seq before the one fed), rather than feeding on.
   */
  startsOver(record: RecordView, at: number | null): boolean {
    if (record !== this.record) return true;
    return at !== null && (at < this.triage.seq || (at === this.triage.seq && this.advanced));
  }

  /**
   * Event time is now `time` (the engine's clock went on without events); only for a live view.
   * True when entries changed.
   */
  advance(time: number): boolean {
    const before = this.triage.version;
    if (this.record !== null) {
      this.triage.advance(time);
      this.advanced = true;
    }
    return this.triage.version !== before;
  }
}
