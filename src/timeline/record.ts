import type { SnapshotMessage } from '../connection/types';
import { type EngineEvent, type Model, takeSnapshot } from '../engine';
import { TimelineError } from './timeline-error';

/**
 * How the record makes its states: the caller's own reducer (the store passes its `advance`), so
 * the present and a state in the past are made by the very same code. Neither may change `state`.
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
  /** A checkpoint every this many events: a jump replays at most this many. */
  readonly interval?: number;
  /** Events held; past CAPACITY_SLACK times this the oldest go and the base moves up to a checkpoint. */
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

/**
 * Chosen by memory and replay time (docs/timeline.md): a checkpoint holds copies of the model's maps
 * (a few hundred KB with 500 sessions live), a replay costs one to two microseconds an event.
 */
export const CHECKPOINT_INTERVAL = 5_000;
/**
 * A million events: every event of a recording that long, and hours of a live engine. The log keeps
 * as many rows (LogBuffer), so the timeline reaches back as far as the log, over the same objects.
 */
export const RECORD_CAPACITY = 1_000_000;
/** The oldest go in bulk, once this much over the capacity: dropping is a copy of what is held. */
const CAPACITY_SLACK = 1.1;

/**
 * The page's record of one engine epoch: a base snapshot and every event since, oldest first with
 * contiguous seqs, plus checkpoints of the state every `interval` events. `stateAt(seq)` costs the
 * nearest checkpoint and a replay of at most `interval` events.
 *
 * The record makes the present itself (`append`, with the caller's reducer), cutting a long batch at
 * each checkpoint's seq; a checkpoint is that state as it is: states are immutable, so keeping one
 * costs nothing more than not letting it go. Bounded: past CAPACITY_SLACK times `capacity` events
 * the oldest are dropped and the base becomes a checkpoint's state (its model as a snapshot), so
 * `first` moves up and a page left open for hours holds the newest `capacity` events.
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
   * Live events: the record's reducer folds them into its present, which it returns. Events at or
   * below `last` are skipped, as the store's reducer skips them; a gap is refused, changing nothing.
   * A batch is folded in pieces that end at checkpoint seqs, so no replay is longer than `interval`.
   */
  append(events: readonly EngineEvent[]): S {
    const fresh = this.fresh(events);
    let start = 0;
    while (start < fresh.length) {
      const newest = this.checkpoints[this.checkpoints.length - 1] as Checkpoint<S>;
      const piece = fresh.slice(start, start + newest.seq + this.interval - this.last);
      start += piece.length;
      this.latest = this.reducer.events(this.latest, piece);
      for (const event of piece) this.held.push(event);
      if (this.last - newest.seq >= this.interval)
        this.checkpoints.push({
          seq: this.last,
          asides: this.asidesDropped + this.asideList.length,
          state: this.latest,
        });
    }
    if (this.held.length > this.capacity * CAPACITY_SLACK) this.dropOldest();
    return this.latest;
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

  /** Something that arrived after event `last` (strategy labels): the present it makes. */
  note(aside: A): S {
    this.asideList.push({ after: this.last, value: aside });
    this.latest = this.reducer.aside(this.latest, aside);
    return this.latest;
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
