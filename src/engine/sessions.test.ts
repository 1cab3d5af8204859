import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { accept, arrival, newEngine, sent, T0 } from './testing';

describe('S. Sessions', () => {
  it('[S1] an interaction pulled from a queue starts a session that owns it and is sent interaction.added', () => {
    const engine = newEngine();
    const events = accept(engine, {
      verb: 'arrive',
      media: 'TMediaChat',
      queue: 'sales',
      g_uid: '00CHAT0000000001',
      session: 'S-CHAT',
      udata: { customer: 'C-1' },
    });
    expect(sent(events)).toEqual([
      'interaction.created -> -',
      'session.started -> S-CHAT',
      'interaction.owner.changed -> S-CHAT',
      'interaction.added -> S-CHAT',
      'interaction.state.changed -> S-CHAT',
    ]);
    expect(events[1]?.data).toEqual({ src: 'iq:sales', trigger: 'arrival' });
    expect(engine.state.interactions.get('00CHAT0000000001')).toEqual({
      g_uid: '00CHAT0000000001',
      category: 'msgbased',
      media: 'TMediaChat',
      parentid: null,
      queue: 'sales',
      udata: { customer: 'C-1' },
      properties: { 'OP-Session-ID': 'S-CHAT' },
      state: 'routing',
      owner: 'S-CHAT',
      createdAt: T0,
      endedAt: null,
    });
    expect(engine.state.sessions.get('S-CHAT')?.interactions).toEqual(['00CHAT0000000001']);
  });

  it('[S1] an explicit start needs src and starts a session with no interactions', () => {
    const engine = newEngine();
    const events = accept(engine, { verb: 'startSession', src: 'http://ors/app.scxml', session: 'S-X' });
    expect(sent(events)).toEqual(['session.started -> S-X']);
    expect(engine.state.sessions.get('S-X')).toEqual({
      id: 'S-X',
      state: 'running',
      src: 'http://ors/app.scxml',
      startedAt: T0,
      endedAt: null,
      interactions: [],
    });
    const missing = engine.dispatch({ verb: 'startSession' });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'badcommand', field: 'src' });
    const duplicate = engine.dispatch({ verb: 'startSession', src: 'x', session: 'S-X' });
    expect(duplicate.ok ? null : duplicate.error).toMatchObject({ code: 'duplicate', field: 'session' });
  });

  it('[S2] a session ends by itself (done.scxml) or when terminated from outside', () => {
    const engine = newEngine();
    const a = arrival(engine).session;
    const b = arrival(engine).session;
    expect(accept(engine, { verb: 'endSession', session: a }).at(-1)?.data).toEqual({ reason: 'done.scxml' });
    expect(accept(engine, { verb: 'endSession', session: b, reason: 'terminated' }).at(-1)?.data).toEqual({
      reason: 'terminated',
    });
    expect(engine.state.sessions.get(b)).toMatchObject({ state: 'ended', endedAt: T0 });
  });

  it('[S3] every event has a global seq, strictly increasing with no gaps, a time and a cause', () => {
    let now = T0;
    const engine = new Engine({ clock: () => (now += 5) });
    const { session, g_uid } = arrival(engine);
    engine.execute({ verb: 'detach', session: 'nope', interactionid: g_uid }); // refused: takes no seq
    accept(engine, { verb: 'detach', session, interactionid: g_uid, origin: 'keyboard' });
    const journal = engine.eventsSince(0) ?? [];
    expect(journal.map((e) => e.seq)).toEqual(journal.map((_, i) => i + 1));
    // The refused command read the clock too (T0 + 10), but left no event.
    expect(journal.map((e) => e.time)).toEqual([...Array(5).fill(T0 + 5), ...Array(3).fill(T0 + 15)]);
    expect(journal.map((e) => `${e.cause.command}:${e.cause.verb}:${e.cause.origin}`)).toEqual([
      ...Array(5).fill('1:arrive:api'),
      ...Array(3).fill('2:detach:keyboard'),
    ]);
  });
});

describe('[choice] purge: housekeeping for engines that run for hours', () => {
  it('[S2][B5] forgets what ended before the given time, each as a journaled event, and nothing alive', () => {
    let now = T0;
    const engine = new Engine({ clock: () => now });
    const old = arrival(engine);
    const kept = arrival(engine);
    const released = arrival(engine);
    accept(engine, { verb: 'terminate', session: old.session, interactionid: old.g_uid });
    accept(engine, { verb: 'endSession', session: old.session });
    accept(engine, { verb: 'endSession', session: released.session });
    now += 60_000;
    accept(engine, { verb: 'endSession', session: kept.session });

    const events = accept(engine, { verb: 'purge', before: T0 + 30_000 });
    expect(sent(events)).toEqual([
      'interaction.purged -> -',
      `session.purged -> ${old.session}`,
      `session.purged -> ${released.session}`,
    ]);
    expect(engine.state.sessions.has(old.session)).toBe(false);
    expect(engine.state.interactions.has(old.g_uid)).toBe(false);
    // Released, not ended: still there, waiting to be attached. Ended later: kept for now.
    expect(engine.state.interactions.get(released.g_uid)?.owner).toBeNull();
    expect(engine.state.sessions.get(kept.session)?.state).toBe('ended');
    const gone = engine.execute({ verb: 'attach', session: old.session, interactionid: released.g_uid });
    expect(gone.ok ? null : gone.error).toMatchObject({ code: 'unknown', field: 'session' });
    expect(Engine.replay(engine.eventsSince(0) ?? []).snapshot()).toEqual(engine.snapshot());
  });
});
