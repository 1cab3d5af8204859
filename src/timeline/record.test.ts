import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  copyModel,
  Engine,
  type EngineEvent,
  type Model,
  pump,
  TrafficGenerator,
} from '../engine';
import { DEFAULT_TRAFFIC } from '../protocol/messages';
import { TimelineRecord, type TimelineReducer } from './record';
import { TimelineError } from './timeline-error';

/** A state with something besides events in it: the model, and the asides taken, in order. */
interface Folded {
  readonly model: Model;
  readonly notes: readonly number[];
}

const REDUCER: TimelineReducer<Folded, number> = {
  events(state, events) {
    const model = copyModel(state.model);
    for (const event of events) applyEvent(model, event);
    return { model, notes: state.notes };
  },
  aside: (state, note) => ({ model: state.model, notes: [...state.notes, note] }),
  model: (state) => state.model,
};

/** Real traffic from the engine's generator. */
function traffic(seed: number, count: number) {
  const engine = new Engine({ clock: () => 1_700_000_000_000 });
  const base = engine.snapshot();
  const generator = new TrafficGenerator({ seed, targetSessions: 12 });
  const events: EngineEvent[] = [];
  engine.subscribe((batch) => events.push(...batch));
  pump(engine, generator, count);
  return { base, events: events.slice(0, count) };
}

/**
 * Feeds the record in batches of the given sizes, an aside after each batch whose size is odd,
 * and folds the same from scratch, one event at a time, keeping the state at every seq: the
 * reference every `stateAt` is held to.
 */
function build(seed: number, count: number, batches: readonly number[], interval: number, capacity: number) {
  const { base, events } = traffic(seed, count);
  const start: Folded = { model: copyModel(new Engine().state), notes: [] };
  const record = new TimelineRecord(
    { epoch: 'e', snapshot: base, traffic: DEFAULT_TRAFFIC },
    start,
    REDUCER,
    {
      interval,
      capacity,
    },
  );
  const reference = new Map<number, Folded>([[base.seq, start]]);
  let scratch: Folded = start;
  let i = 0;
  let b = 0;
  while (i < events.length) {
    const size = batches[b++ % batches.length] ?? 1;
    const batch = events.slice(i, i + size);
    i += batch.length;
    record.append(batch);
    for (const event of batch) {
      const model = copyModel(scratch.model);
      applyEvent(model, event);
      scratch = { model, notes: scratch.notes };
      reference.set(event.seq, scratch);
    }
    if (size % 2 === 1) {
      record.note(i);
      scratch = { model: scratch.model, notes: [...scratch.notes, i] };
      reference.set(record.last, scratch);
    }
  }
  return { record, reference, events };
}

describe('TimelineRecord: one epoch, checkpoints and a bounded past', () => {
  it('rebuilds the state at any held seq as a replay from scratch does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (seed, batches, interval, picks) => {
          const { record, reference } = build(seed, 400, batches, interval, 10_000);
          for (const pick of picks) {
            const seq = record.first + Math.round(pick * (record.last - record.first));
            expect(record.stateAt(seq)).toEqual(reference.get(seq));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('past its capacity drops the oldest events and moves its base up to a checkpoint, still exact', () => {
    const { record, reference, events } = build(3, 3000, [5, 17, 2], 50, 1000);
    expect(record.last).toBe(events[events.length - 1]?.seq);
    expect(record.events.length).toBeGreaterThanOrEqual(1000);
    expect(record.events.length).toBeLessThanOrEqual(1200);
    expect(record.first).toBeGreaterThan(0);
    expect(record.events[0]?.seq).toBe(record.first + 1);
    // The new base is the state at its seq, as a snapshot: a recording starts from it.
    const at = reference.get(record.first) as Folded;
    expect(record.base.snapshot.sessions).toEqual([...at.model.sessions.values()]);
    expect(record.base.snapshot.interactions).toEqual([...at.model.interactions.values()]);
    expect(record.base.snapshot.commands).toBe(events[record.first - 1]?.cause.command);
    for (let seq = record.first; seq <= record.last; seq += 37)
      expect(record.stateAt(seq)).toEqual(reference.get(seq));
  });

  it('refuses a seq it does not hold, naming what it holds', () => {
    const { record } = build(5, 300, [10], 20, 100);
    expect(() => record.stateAt(record.first - 1)).toThrow(TimelineError);
    expect(() => record.stateAt(record.last + 1)).toThrow(/is not held: the record holds \d+ to \d+/);
    expect(() => record.stateAt(1.5)).toThrow(TimelineError);
  });

  it('refuses events that leave a gap, changing nothing', () => {
    const { record } = build(6, 100, [10], 20, 1000);
    const last = record.last;
    const { events } = traffic(6, 200);
    const later = events.slice(last + 1, last + 5);
    expect(() => record.append(later)).toThrow(/does not follow/);
    expect(record.last).toBe(last);
  });
});

describe('TimelineRecord: a batch longer than the interval', () => {
  it('is checkpointed inside it: no state is rebuilt from more than `interval` events', () => {
    const { base, events } = traffic(8, 1000);
    const replayed: number[] = [];
    const counting: TimelineReducer<Folded, number> = {
      ...REDUCER,
      events(state, batch) {
        replayed.push(batch.length);
        return REDUCER.events(state, batch);
      },
    };
    const start: Folded = { model: copyModel(new Engine().state), notes: [] };
    const record = new TimelineRecord(
      { epoch: 'e', snapshot: base, traffic: DEFAULT_TRAFFIC },
      start,
      counting,
      {
        interval: 100,
      },
    );
    record.append(events);
    expect(record.last).toBe(1000);
    replayed.length = 0;
    for (let seq = record.first; seq <= record.last; seq += 7) record.stateAt(seq);
    expect(Math.max(...replayed)).toBeLessThanOrEqual(100);
  });
});
