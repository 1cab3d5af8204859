import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent, eventInteraction, pump, TrafficGenerator } from '../engine';
import { DEFAULT_TRAFFIC, type StrategyLabel } from '../protocol/messages';
import { TimelineError } from '../timeline/timeline-error';
import { checkAssociate } from './actions/associate';
import { advance } from './apply-batch';
import { LogBuffer } from './log-buffer';
import { createInspectorStore } from './store';
import { rowsThrough } from './time-travel';

const T0 = 1_700_000_000_000;

/** A store fed real traffic in batches of `batch`, on an engine whose clock moves 40 ms an event. */
function travelled(seed: number, count: number, batch = 25) {
  let now = T0;
  const engine = new Engine({ clock: () => (now += 40) });
  const store = createInspectorStore();
  const base = engine.snapshot();
  store.getState().loadSnapshot({ epoch: 'e1', snapshot: base, traffic: DEFAULT_TRAFFIC });
  const events: EngineEvent[] = [];
  engine.subscribe((batch) => events.push(...batch));
  const generator = new TrafficGenerator({ seed, targetSessions: 10 });
  const more = (n: number) => {
    const from = events.length;
    pump(engine, generator, n);
    for (let i = from; i < events.length; i += batch)
      store.getState().applyEvents(events.slice(i, i + batch));
  };
  more(count);
  return { store, engine, events, more, base };
}

/** The page state at `seq` made the plainest way: every event from the base in one batch. */
function fromScratch(
  store: ReturnType<typeof travelled>['store'],
  events: readonly EngineEvent[],
  seq: number,
) {
  const start = store.getState().record.stateAt(store.getState().record.first);
  return advance(
    start,
    events.filter((e) => e.seq <= seq),
  );
}

describe('store time travel (at, travelTo, goLive, step, record)', () => {
  it('travelTo shows the model, history and ended list a replay from the base gives at that seq (property)', () => {
    const { store, events } = travelled(11, 3000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2999 }), (seq) => {
        store.getState().travelTo(seq);
        const state = store.getState();
        const expected = fromScratch(store, events, seq);
        expect(state.at).toBe(seq);
        expect(state.model).toEqual(expected.model);
        expect(state.history).toEqual(expected.history);
        expect(state.ended).toEqual(expected.ended);
      }),
      { numRuns: 60 },
    );
  });

  it('while in the past, live events go into the record and the log unseen, none lost; Live shows them', () => {
    const { store, engine, events, more } = travelled(12, 600);
    store.getState().travelTo(200);
    const past = store.getState().model;
    more(500);
    const state = store.getState();
    expect(state.at).toBe(200);
    expect(state.model).toBe(past);
    expect(state.seq).toBe(engine.seq);
    expect(state.record.last).toBe(engine.seq);
    expect(state.record.events.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
    expect(state.log.total).toBe(events.length);
    // The log shows the rows up to the seq on screen.
    expect(state.logAt).toBe(200);
    store.getState().goLive();
    expect(store.getState().at).toBeNull();
    expect(store.getState().logAt).toBeNull();
    expect(store.getState().model).toEqual(fromScratch(store, events, engine.seq).model);
  });

  it('travelling to the present is going live; a seq not held is refused, changing nothing', () => {
    const { store, engine } = travelled(13, 300);
    store.getState().travelTo(100);
    const before = store.getState();
    expect(() => store.getState().travelTo(engine.seq + 1)).toThrow(TimelineError);
    expect(() => store.getState().travelTo(-1)).toThrow(/not held/);
    expect(store.getState()).toBe(before);
    store.getState().travelTo(engine.seq);
    expect(store.getState().at).toBeNull();
  });

  it('steps by event, by move (back: undone, its reversed move to animate), and by the selection', () => {
    const { store, events } = travelled(14, 800);
    const last = store.getState().record.last;
    const moves = events.filter((e) => e.name === 'interaction.owner.changed');
    const lastMove = moves.at(-1);
    if (lastMove?.name !== 'interaction.owner.changed') throw new Error('the traffic made no move');
    store.getState().step('move', -1);
    expect(store.getState().at).toBe(lastMove.seq - 1);
    expect(store.getState().model.interactions.get(lastMove.data.interactionid)?.owner).toBe(
      lastMove.data.from,
    );
    // The graph flies the chip back: from the owner it had after the move to the one before.
    expect(store.getState().moves.at(-1)).toMatchObject({
      seq: lastMove.seq,
      g_uid: lastMove.data.interactionid,
      from: lastMove.data.to,
      to: lastMove.data.from,
    });
    store.getState().step('move', 1);
    expect(store.getState().at).toBe(lastMove.seq === last ? null : lastMove.seq);
    expect(store.getState().moves.at(-1)).toMatchObject({ seq: lastMove.seq, from: lastMove.data.from });

    store.getState().travelTo(500);
    store.getState().step('event', -1);
    store.getState().step('event', -1);
    expect(store.getState().at).toBe(498);
    store.getState().step('event', 1);
    expect(store.getState().at).toBe(499);

    expect(() => store.getState().step('selected', -1)).toThrow(TimelineError);
    const g_uid = lastMove.data.interactionid;
    store.getState().select({ kind: 'interaction', id: g_uid });
    const own = events.filter((e) => eventInteraction(e) === g_uid).map((e) => e.seq);
    store.getState().travelTo(last);
    store.getState().step('selected', -1);
    expect(store.getState().at).toBe(own.filter((seq) => seq < last).at(-1));
  });

  it('strategy labels are shown as they were at the seq on screen', () => {
    const { store, more } = travelled(15, 200);
    const session = [...store.getState().model.sessions.keys()][0] as string;
    const label: StrategyLabel = { session, strategy: 'greet', states: ['welcome'] };
    const at = store.getState().seq;
    store.getState().applyStrategies([label]);
    more(100);
    store.getState().travelTo(at - 1);
    expect(store.getState().strategies.has(session)).toBe(false);
    store.getState().travelTo(at);
    expect(store.getState().strategies.get(session)).toEqual(label);
  });
});

describe('writing while the past is on screen', () => {
  it('an associate is refused, naming the past, and allowed again once Live', () => {
    const { store } = travelled(16, 300);
    store.getState().setConnection({ state: 'connected', role: 'operator' });
    const [g_uid, record] = [...store.getState().model.interactions].find(([, r]) => r.owner !== null) ?? [];
    const target = [...store.getState().model.sessions.keys()].find((id) => id !== record?.owner);
    if (g_uid === undefined || target === undefined) throw new Error('the traffic left nothing to move');
    const request = { g_uid, target, origin: 'drag' } as const;
    store.getState().step('event', -1);
    expect(checkAssociate(store.getState(), request)).toMatchObject({ field: 'at', reason: /go Live/ });
    store.getState().goLive();
    expect(checkAssociate(store.getState(), request)).toBeNull();
  });
});

describe('rowsThrough: where the log is cut in the past', () => {
  it("counts the record's rows at or before the seq, a refusal with the row before it, earlier epochs whole", () => {
    const { events } = travelled(17, 20);
    const log = new LogBuffer(100);
    for (const event of events.slice(0, 5)) log.append({ kind: 'event', event });
    log.append({ kind: 'marker', time: T0, seq: 0, epoch: 'e2', text: 'new epoch' });
    const recordRow = log.total;
    const row = (seq: number) => ({ kind: 'event' as const, event: { ...(events[0] as EngineEvent), seq } });
    log.append(row(1));
    log.append(row(2));
    log.append({
      kind: 'error',
      time: T0,
      error: { code: 'unknown', field: 'session', reason: 'x', verb: 'associate' },
      session: null,
      interaction: null,
      origin: 'drag',
    });
    log.append(row(3));
    log.append(row(4));
    expect(rowsThrough(log, recordRow, 0)).toBe(recordRow);
    expect(rowsThrough(log, recordRow, 1)).toBe(recordRow + 1);
    expect(rowsThrough(log, recordRow, 2)).toBe(recordRow + 3);
    expect(rowsThrough(log, recordRow, 4)).toBe(log.total);
  });
});

describe('a batch that leaves a gap', () => {
  it('is refused with a TimelineError before the log or the model take any of it', () => {
    const { store, events, more } = travelled(18, 100);
    more(50);
    const before = store.getState();
    const total = before.log.total;
    const later = { ...(events.at(-1) as EngineEvent), seq: before.seq + 2 };
    expect(() => store.getState().applyEvents([later])).toThrow(/does not follow/);
    expect(store.getState()).toBe(before);
    expect(store.getState().log.total).toBe(total);
  });
});
