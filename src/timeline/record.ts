import type { SnapshotMessage } from '../connection/types';
import { type EngineEvent, type Model, takeSnapshot } from '../engine';
import { TimelineError } from './timeline-error';

/**
 * How the record rebuilds a state: the caller's own reducer (the store passes its `applyBatch`),
 * so a state in the past is made by the very code that made it live. Neither may change `state`.
 */
export interface TimelineReducer<S, A> {
  /** The state after `events`, which follow `state` without a gap. */
  events(state: S, events: readonly EngineEvent[]): S;
  /** The state after something that arrived between two events (a strategy's labels). */
  aside(state: S, aside: A): S;
  /** The engine model a state holds: what a new base snapshot is taken from when the oldest events go. */
  model(state: S): Model;
}

export interface RecordOptions {
  /** A checkpoint at least every this many events: a jump replays at most this many (plus a batch). */
  readonly interval?: number;
  /** Events held; past 1.2 times this the oldest go and the base moves up to a checkpoint. */
  readonly capacity?: number;
}

/** The state after event `seq` and the first `asides` asides (counted from the start of the epoch). */
interface Checkpoint<S> {
  readonly seq: number;
  readonly asides: number;
  readonly state: S;
}

interface Aside<A> {
  /** The seq of the last event before it arrived. */
  readonly after: number;
  readonly value: A;
}

export const CHECKPOINT_INTERVAL = 2_000;
/** As many as the log keeps rows (LogBuffer), so the timeline reaches back as far as the log. */
export const RECORD_CAPACITY = 250_000;

/**
 * The page's record of one engine epoch: a base snapshot and every event since, oldest first with
 * contiguous seqs, plus checkpoints of the state every `interval` events. `stateAt(seq)` costs the
 * nearest checkpoint and a replay of at most `interval` events (or one live batch, if longer).
 *
 * The checkpoints are the live states themselves, handed over as they are made (`append`): states
 * are immutable, so keeping one costs nothing more than not letting it go. Bounded: past 1.2 times
 * `capacity` events the oldest are dropped and the base becomes a checkpoint's state (its model as a
 * snapshot), so `first` moves up and a page left open for hours holds what a day's log holds.
 */
export class TimelineRecord<S, A = never> {
  private baseMessage: SnapshotMessage;
  private held: EngineEvent[] = [];
  private checkpoints: Checkpoint<S>[];
  private asideList: Aside<A>[] = [];
  /** Asides dropped from the front with their events: aside `i` of the epoch is `asideList[i - asidesDropped]`. */
  private asidesDropped = 0;
  private latest: S;
  private readonly interval: number;
  private readonly capacity: number;

  constructor(
    base: SnapshotMessage,
    baseState: S,
    private readonly reducer: TimelineReducer<S, A>,
    options: RecordOptions = {},
  ) {
    this.baseMessage = base;
    this.latest = baseState;
    this.interval = options.interval ?? CHECKPOINT_INTERVAL;
    this.capacity = options.capacity ?? RECORD_CAPACITY;
    this.checkpoints = [{ seq: base.snapshot.seq, asides: 0, state: baseState }];
  }

  /** The snapshot the held events follow: the epoch's first, or a later one once the oldest went. */
  get base(): SnapshotMessage {
    return this.baseMessage;
  }

  /** Every event held since the base, oldest first. */
  get events(): readonly EngineEvent[] {
    return this.held;
  }

  /** The oldest seq that can be shown (the base's). */
  get first(): number {
    return this.baseMessage.snapshot.seq;
  }

  /** The newest seq held: the present. */
  get last(): number {
    return this.first + this.held.length;
  }

  /** The state at `last`. */
  get head(): S {
    return this.latest;
  }

  /** The event with this seq, if held. */
  eventAt(seq: number): EngineEvent | undefined {
    return seq > this.first ? this.held[seq - this.first - 1] : undefined;
  }

  /**
   * Live events, and the state the caller's reducer made of them (its new present). Events at or
   * below `last` are skipped, as the store's reducer skips them; a gap is refused, changing nothing.
   */
  append(events: readonly EngineEvent[], head: S): void {
    for (const event of this.fresh(events)) this.held.push(event);
    this.latest = head;
    const newest = this.checkpoints[this.checkpoints.length - 1] as Checkpoint<S>;
    if (this.last - newest.seq >= this.interval)
      this.checkpoints.push({
        seq: this.last,
        asides: this.asidesDropped + this.asideList.length,
        state: head,
      });
    if (this.held.length > this.capacity * 1.2) this.dropOldest();
  }

  /**
   * The events after `last`, checked to follow it without a gap: a caller checks a batch with it
   * before applying it anywhere. Throws a TimelineError `gap`.
   */
  fresh(events: readonly EngineEvent[]): EngineEvent[] {
    const fresh = events.filter((event) => event.seq > this.last);
    fresh.forEach((event, i) => {
      if (event.seq !== this.last + 1 + i)
        throw new TimelineError('gap', `event seq ${event.seq} does not follow seq ${this.last + i}`);
    });
    return fresh;
  }

  /** Something that arrived after event `last` (strategy labels), and the state it made. */
  note(aside: A, head: S): void {
    this.asideList.push({ after: this.last, value: aside });
    this.latest = head;
  }

  /** The state at `seq`, rebuilt from the nearest checkpoint at or before it. */
  stateAt(seq: number): S {
    if (!Number.isInteger(seq) || seq < this.first || seq > this.last)
      throw new TimelineError(
        'notheld',
        `seq ${seq} is not held: the record holds ${this.first} to ${this.last}`,
      );
    if (seq === this.last) return this.latest;
    const checkpoint = this.checkpointAt(seq);
    let state = checkpoint.state;
    let from = checkpoint.seq;
    for (let i = checkpoint.asides - this.asidesDropped; i < this.asideList.length; i++) {
      const aside = this.asideList[i] as Aside<A>;
      if (aside.after > seq) break;
      state = this.replay(state, from, aside.after);
      from = aside.after;
      state = this.reducer.aside(state, aside.value);
    }
    return this.replay(state, from, seq);
  }

  /** The newest checkpoint at or before `seq` (binary search: they are in seq order). */
  private checkpointAt(seq: number): Checkpoint<S> {
    let low = 0;
    let high = this.checkpoints.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.checkpoints[mid] as Checkpoint<S>).seq <= seq) low = mid;
      else high = mid - 1;
    }
    return this.checkpoints[low] as Checkpoint<S>;
  }

  private replay(state: S, from: number, to: number): S {
    if (to <= from) return state;
    return this.reducer.events(state, this.held.slice(from - this.first, to - this.first));
  }

  /** The base moves up to the newest checkpoint that leaves at least `capacity` events held. */
  private dropOldest(): void {
    const limit = this.last - this.capacity;
    const index = this.checkpoints.findLastIndex((checkpoint) => checkpoint.seq <= limit);
    if (index <= 0) return;
    const checkpoint = this.checkpoints[index] as Checkpoint<S>;
    const cut = checkpoint.seq - this.first;
    const commands = (this.held[cut - 1] as EngineEvent).cause.command;
    this.baseMessage = {
      ...this.baseMessage,
      snapshot: takeSnapshot(this.reducer.model(checkpoint.state), checkpoint.seq, commands),
    };
    this.held = this.held.slice(cut);
    this.checkpoints = this.checkpoints.slice(index);
    const gone = checkpoint.asides - this.asidesDropped;
    this.asideList = this.asideList.slice(gone);
    this.asidesDropped = checkpoint.asides;
  }
}
