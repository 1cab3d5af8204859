import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent, pump, TrafficGenerator } from '../engine';
import { DEFAULT_TRAFFIC } from '../protocol/messages';
import { advance } from './apply-batch';
import { createInspectorStore } from './store';

/** A recording's parts: traffic from an empty engine, its base and its final snapshot. */
function recorded(count: number) {
  let now = 1_700_000_000_000;
  const engine = new Engine({ clock: () => (now += 40) });
  const base = engine.snapshot();
  const events: EngineEvent[] = [];
  engine.subscribe((batch) => events.push(...batch));
  pump(engine, new TrafficGenerator({ seed: 4, targetSessions: 10 }), count);
  return {
    base,
    events: events.slice(0, count),
    final: Engine.replay(events.slice(0, count), {}, base).snapshot(),
  };
}

/** A store shown a recording's final state, its record then filled in from the base (fillTo). */
function filling(count: number) {
  const { base, events, final } = recorded(count);
  const store = createInspectorStore('recording', 'viewer');
  store.getState().loadSnapshot({ epoch: 'r', snapshot: final, traffic: DEFAULT_TRAFFIC });
  const shown = store.getState().model;
  store.getState().loadSnapshot({ epoch: 'r', snapshot: base, traffic: DEFAULT_TRAFFIC, fillTo: final.seq });
  return { store, events, final, shown };
}

describe('a long recording filling the record in behind its final state', () => {
  it('keeps the final state on screen while the events go in, then shows the record reaching it', () => {
    const { store, events, final, shown } = filling(3000);
    const half = events.slice(0, 1500);
    store.getState().applyEvents(half);
    let state = store.getState();
    expect(state.model).toBe(shown);
    expect(state.seq).toBe(final.seq);
    expect(state.filling?.to).toBe(final.seq);
    expect(state.record.last).toBe(1500);
    expect(state.log.length).toBe(1500);
    store.getState().applyEvents(events.slice(1500));
    state = store.getState();
    expect(state.filling).toBeNull();
    expect(state.at).toBeNull();
    expect(state.record.first).toBe(0);
    expect(state.record.last).toBe(final.seq);
    expect(state.model).toBe(state.record.head.model);
    // The moves on screen were drawn already: none flies again.
    expect(state.moves).toEqual([]);
  });

  it('travels to any seq already in while filling, and Live shows the final state again', () => {
    const { store, events, final, shown } = filling(3000);
    store.getState().applyEvents(events.slice(0, 2000));
    store.getState().travelTo(0);
    expect(store.getState().at).toBe(0);
    expect(store.getState().model.sessions.size).toBe(0);
    store.getState().travelTo(1200);
    expect(store.getState().model).toEqual(
      advance(store.getState().record.stateAt(0), events.slice(0, 1200)).model,
    );
    store.getState().goLive();
    expect(store.getState().at).toBeNull();
    expect(store.getState().model).toBe(shown);
    expect(store.getState().seq).toBe(final.seq);
  });

  it('steps from the final state on screen: back does nothing until the record reaches it, then one event back', () => {
    const { store, events, final } = filling(3000);
    store.getState().applyEvents(events.slice(0, 1500));
    store.getState().step('event', -1);
    store.getState().step('move', -1);
    expect(store.getState().at).toBeNull();
    expect(store.getState().seq).toBe(final.seq);
    store.getState().applyEvents(events.slice(1500));
    store.getState().step('event', -1);
    expect(store.getState().at).toBe(final.seq - 1);
  });

  it('steps back to the first event of a recording once it is in', () => {
    const { store, events } = filling(3000);
    for (let i = 0; i < events.length; i += 700) store.getState().applyEvents(events.slice(i, i + 700));
    store.getState().travelTo(1);
    store.getState().step('event', -1);
    expect(store.getState().at).toBe(0);
    expect(store.getState().logAt).toBe(0);
  });
});
