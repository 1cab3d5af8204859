import type { EngineEvent } from './events';

/**
 * The ordered events (S3): the source of truth (E2). It keeps the newest `retain` events in
 * memory, so an inspector left running for hours does not grow without bound; a reader that
 * fell further behind gets `null` from `since` and must start again from a snapshot.
 */
export class Journal {
  private events: EngineEvent[] = [];
  /** `seq` of the event before `events[0]`. */
  private offset: number;

  constructor(
    private readonly retain = Number.POSITIVE_INFINITY,
    startSeq = 0,
  ) {
    this.offset = startSeq;
  }

  get lastSeq(): number {
    return this.offset + this.events.length;
  }

  /** The oldest `seq` a reader can still resume after. */
  get firstResumableSeq(): number {
    return this.offset;
  }

  append(event: EngineEvent): void {
    this.events.push(event);
    // Trim in bulk, at twice the limit, so appending stays O(1) amortized.
    if (this.events.length > 2 * this.retain) {
      const drop = this.events.length - this.retain;
      this.events = this.events.slice(drop);
      this.offset += drop;
    }
  }

  /** Events with `seq > after`, or `null` if some of them are no longer kept. */
  since(after: number): readonly EngineEvent[] | null {
    if (after < this.offset) return null;
    return this.events.slice(after - this.offset);
  }
}
