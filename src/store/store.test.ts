import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent } from '../engine';
import { KEEP_ENDED_MS } from './apply-batch';
import { createInspectorStore } from './store';

const T0 = 1_700_000_000_000;
const TRAFFIC = { running: false, rate: 10, seed: 1, sessions: 40 };

/** A real engine to make real events, and a store loaded with its first snapshot. */
function setup() {
  let now = T0;
  const engine = new Engine({ clock: () => now });
  const store = createInspectorStore();
  store.getState().loadSnapshot({ epoch: 'e1', snapshot: engine.snapshot(), traffic: TRAFFIC });
  const run = (command: Parameters<Engine['dispatch']>[0]): readonly EngineEvent[] => {
    const result = engine.dispatch(command);
    if (!result.ok) throw new Error(result.error.reason);
    return result.events;
  };
  return { engine, store, run, advance: (ms: number) => (now += ms) };
}

describe('inspector store (vanilla, no React)', () => {
  it('applies a batch with the engine reducer: the page model equals the engine model', () => {
    const { engine, store, run } = setup();
    const events = [
      ...run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-A', g_uid: 'G1' }),
      ...run({ verb: 'startSession', src: 'x', session: 'S-B' }),
    ];
    events.push(
      ...run({ verb: 'associate', session: 'S-A', interactionid: 'G1', sessionid: 'S-B', origin: 'drag' }),
    );
    store.getState().applyEvents(events);
    const state = store.getState();
    expect(state.seq).toBe(engine.seq);
    expect(state.model).toEqual(engine.state);
    expect(state.log.rows.map((r) => (r.kind === 'event' ? r.event.seq : -1))).toEqual(
      events.map((e) => e.seq),
    );
    expect(state.history.get('G1')?.map((m) => [m.from, m.to, m.via, m.origin])).toEqual([
      [null, 'S-A', 'arrival', 'api'],
      ['S-A', 'S-B', 'associate', 'drag'],
    ]);
  });

  it('commits once per batch, and not at all for a batch it already has', () => {
    const { store, run } = setup();
    const events = run({ verb: 'arrive', media: 'TMediaChat' });
    let commits = 0;
    store.subscribe(() => commits++);
    store.getState().applyEvents(events);
    store.getState().applyEvents(events);
    expect(commits).toBe(1);
    expect(store.getState().log.length).toBe(events.length);
  });

  it('keeps the previous state intact (records and maps are new where they changed)', () => {
    const { store, run } = setup();
    store.getState().applyEvents(run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-A', g_uid: 'G1' }));
    const before = store.getState().model;
    const record = before.interactions.get('G1');
    store.getState().applyEvents(run({ verb: 'detach', session: 'S-A', interactionid: 'G1' }));
    expect(before.interactions.get('G1')).toBe(record);
    expect(record?.owner).toBe('S-A');
    expect(store.getState().model.interactions.get('G1')?.owner).toBeNull();
  });

  it('forgets ended sessions and interactions some seconds after they end', () => {
    const { store, run, advance } = setup();
    store.getState().applyEvents(run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-A', g_uid: 'G1' }));
    store.getState().applyEvents(run({ verb: 'terminate', session: 'S-A', interactionid: 'G1' }));
    store.getState().applyEvents(run({ verb: 'endSession', session: 'S-A' }));
    expect(store.getState().model.sessions.get('S-A')?.state).toBe('ended');
    advance(KEEP_ENDED_MS + 1);
    store.getState().applyEvents(run({ verb: 'startSession', src: 'x' }));
    expect(store.getState().model.sessions.has('S-A')).toBe(false);
    expect(store.getState().model.interactions.has('G1')).toBe(false);
    expect(store.getState().history.has('G1')).toBe(false);
  });

  it('a snapshot of the same epoch marks a resync in the log', () => {
    const { engine, store, run } = setup();
    store.getState().applyEvents(run({ verb: 'startSession', src: 'x' }));
    store.getState().loadSnapshot({ epoch: 'e1', snapshot: engine.snapshot(), traffic: TRAFFIC });
    const rows = store.getState().log.rows;
    expect(rows).toHaveLength(2);
    expect(rows.at(-1)).toMatchObject({
      kind: 'marker',
      seq: engine.seq,
      text: expect.stringContaining('resync'),
    });
    expect(rows.at(-1)).not.toHaveProperty('epoch');
  });

  it('a new epoch (a restarted server) replaces the model, keeps the log, and divides it', () => {
    const { store, run } = setup();
    const before = run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-A', g_uid: 'G1' });
    store.getState().applyEvents(before);
    store.getState().pauseLog();
    const pausedAt = store.getState().pausedAt;
    const other = new Engine({ clock: () => T0 });
    other.dispatch({ verb: 'startSession', src: 'y', session: 'S-NEW' });
    store.getState().loadSnapshot({ epoch: 'e2', snapshot: other.snapshot(), traffic: TRAFFIC });
    const after = other.dispatch({ verb: 'startSession', src: 'z', session: 'S-LATER' });
    if (!after.ok) throw new Error(after.error.reason);
    store.getState().applyEvents(after.events);

    const state = store.getState();
    const rows = state.log.rows;
    expect(rows.slice(0, before.length).map((r) => (r.kind === 'event' ? r.event.seq : -1))).toEqual(
      before.map((e) => e.seq),
    );
    expect(rows[before.length]).toEqual({
      kind: 'marker',
      time: expect.any(Number),
      seq: other.seq - 1,
      epoch: 'e2',
      text: expect.stringContaining('new engine epoch'),
    });
    expect(rows.slice(before.length + 1)).toEqual([{ kind: 'event', event: after.events[0] }]);
    expect(state.epoch).toBe('e2');
    expect(state.seq).toBe(other.seq);
    expect([...state.model.sessions.keys()]).toEqual(['S-NEW', 'S-LATER']);
    expect(state.model.interactions.size).toBe(0);
    expect(state.history.size).toBe(0);
    // The paused log still counts what arrived since it paused.
    expect(state.pausedAt).toBe(pausedAt);
    expect(state.log.total - state.pausedAt).toBe(2);
  });

  it('pausing the log keeps appending rows and remembers where it paused', () => {
    const { store, run } = setup();
    store.getState().applyEvents(run({ verb: 'startSession', src: 'x' }));
    store.getState().pauseLog();
    store.getState().applyEvents(run({ verb: 'startSession', src: 'y' }));
    const { follow, pausedAt, log } = store.getState();
    expect(follow).toBe(false);
    expect(log.total - pausedAt).toBe(1);
    store.getState().resumeLog();
    expect(store.getState().follow).toBe(true);
  });

  it('filters combine and clearing restores all', () => {
    const { store } = setup();
    store.getState().setFilters({ session: 'S-A' });
    store.getState().setFilters({ origin: 'drag', text: 'x', strategy: 'greet' });
    expect(store.getState().filters).toMatchObject({
      session: 'S-A',
      origin: 'drag',
      text: 'x',
      strategy: 'greet',
    });
    store.getState().clearFilters();
    expect(store.getState().filters).toEqual({
      names: [],
      session: '',
      interaction: '',
      origin: '',
      strategy: '',
      text: '',
      query: '',
    });
  });
});
