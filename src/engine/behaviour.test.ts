import { describe, expect, it } from 'vitest';
import { OP_SESSION_ID } from './model';
import { accept, arrival, expectInvariants, newEngine, sent, startedSession } from './testing';

describe('B. Behaviour model', () => {
  it('[B1] an interaction has at most one owner; a session may own many', () => {
    const engine = newEngine();
    const hub = startedSession(engine);
    const moved = [arrival(engine), arrival(engine), arrival(engine)];
    for (const { session, g_uid } of moved) {
      accept(engine, { verb: 'associate', session, interactionid: g_uid, sessionid: hub });
    }
    expect(engine.state.sessions.get(hub)?.interactions).toEqual(moved.map((m) => m.g_uid));
    const refused = engine.execute({
      verb: 'attach',
      session: moved[0]?.session ?? '',
      interactionid: moved[0]?.g_uid ?? '',
    });
    expect(refused.ok).toBe(false);
    expectInvariants(engine);
  });

  it('[B2] OP-Session-ID names the owner, and is absent with no owner', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    expect(engine.state.interactions.get(g_uid)?.properties).toEqual({ [OP_SESSION_ID]: session });
    accept(engine, { verb: 'detach', session, interactionid: g_uid });
    expect(engine.state.interactions.get(g_uid)?.properties).toEqual({});
    const other = startedSession(engine);
    accept(engine, { verb: 'attach', session: other, interactionid: g_uid });
    expect(engine.state.interactions.get(g_uid)?.properties[OP_SESSION_ID]).toBe(other);
  });

  it('[B3] a session lists exactly what it owns, in join order', () => {
    const engine = newEngine();
    const target = startedSession(engine);
    const a = arrival(engine);
    const b = arrival(engine);
    accept(engine, { verb: 'associate', session: b.session, interactionid: b.g_uid, sessionid: target });
    accept(engine, { verb: 'associate', session: a.session, interactionid: a.g_uid, sessionid: target });
    expect(engine.state.sessions.get(target)?.interactions).toEqual([b.g_uid, a.g_uid]);
    expect(engine.state.sessions.get(a.session)?.interactions).toEqual([]);
    expectInvariants(engine);
  });

  it('[B4] ending an interaction never ends its session', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    const events = accept(engine, { verb: 'terminate', session, interactionid: g_uid });
    expect(events.some((e) => e.name === 'session.ended')).toBe(false);
    expect(engine.state.sessions.get(session)).toMatchObject({ state: 'running', interactions: [] });
  });

  it('[B5] every change of owner, udata and state is an event, in order', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    const udata = accept(engine, { verb: 'setuData', session, interactionid: g_uid, udata: { lang: 'en' } });
    expect(udata.map((e) => e.name)).toEqual(['interaction.udata.changed']);
    const redirect = accept(engine, {
      verb: 'redirect',
      session,
      interactionid: g_uid,
      to: '5551234',
      detach: true,
    });
    expect(redirect.map((e) => e.name)).toEqual([
      'interaction.owner.changed',
      'interaction.deleted',
      'interaction.state.changed',
      'interaction.redirect.done',
    ]);
    const seqs = engine.eventsSince(0)?.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: engine.seq }, (_, i) => i + 1));
  });

  it('[B6] ending a session releases what it owns, and it then accepts nothing', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    const other = startedSession(engine);
    const events = accept(engine, { verb: 'endSession', session });
    expect(sent(events)).toEqual([`interaction.owner.changed -> ${session}`, `session.ended -> ${session}`]);
    expect(events[0]?.data).toEqual({ interactionid: g_uid, from: session, to: null, via: 'release' });
    expect(engine.state.interactions.get(g_uid)).toMatchObject({ owner: null, properties: {} });
    expect(engine.state.sessions.get(session)).toMatchObject({ state: 'ended', interactions: [] });
    const again = engine.execute({ verb: 'attach', session, interactionid: g_uid });
    expect(again.ok ? null : again.error).toMatchObject({ code: 'invalidstate', field: 'session' });
    const ended = engine.execute({ verb: 'endSession', session });
    expect(ended.ok ? null : ended.error).toMatchObject({ code: 'invalidstate', field: 'session' });
    accept(engine, { verb: 'attach', session: other, interactionid: g_uid });
    expectInvariants(engine);
  });
});
