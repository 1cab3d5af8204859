import { describe, expect, it } from 'vitest';
import { getMediaIntValue, MEDIA_INT_VALUES } from './media';
import { OP_SESSION_ID } from './model';
import { accept, arrival, expectInvariants, newEngine, sent, startedSession } from './testing';

function refusal(result: ReturnType<ReturnType<typeof newEngine>['execute']>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('I. Other interaction actions', () => {
  it('[I1] attach: a session takes an unowned interaction: interaction.added, then attach.done', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    accept(engine, { verb: 'detach', session, interactionid: g_uid });
    const taker = startedSession(engine);
    const events = accept(engine, { verb: 'attach', session: taker, interactionid: g_uid, requestid: 'a1' });
    expect(sent(events)).toEqual([
      `interaction.owner.changed -> ${taker}`,
      `interaction.added -> ${taker}`,
      `interaction.attach.done -> ${taker}`,
    ]);
    expect(events[2]?.data).toEqual({ requestid: 'a1', interactionid: g_uid });
    expect(engine.state.interactions.get(g_uid)?.owner).toBe(taker);
    expectInvariants(engine);
  });

  it('[I1] attach of an interaction owned by another session: error.interaction.attach invalidstate', () => {
    const engine = newEngine();
    const { g_uid } = arrival(engine);
    const taker = startedSession(engine);
    const before = engine.snapshot();
    const error = refusal(engine.execute({ verb: 'attach', session: taker, interactionid: g_uid }));
    expect(error).toMatchObject({
      code: 'invalidstate',
      ors: { name: 'error.interaction.attach', session: taker },
    });
    expect(engine.snapshot()).toEqual(before);
  });

  it('[I2] detach: the owner gets deleted (resultof detach) then detach.done; no owner, no OP-Session-ID', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    const events = accept(engine, { verb: 'detach', session, interactionid: g_uid });
    expect(events.slice(1).map((e) => [e.name, e.session, e.data])).toEqual([
      ['interaction.deleted', session, { interactionid: g_uid, resultof: 'detach' }],
      [
        'interaction.detach.done',
        session,
        { requestid: expect.stringMatching(/^R\d+$/), interactionid: g_uid },
      ],
    ]);
    const interaction = engine.state.interactions.get(g_uid);
    expect(interaction?.owner).toBeNull();
    expect(interaction?.properties).not.toHaveProperty(OP_SESSION_ID);
  });

  it('[I2] detach by a session that does not own it: error.interaction.detach invalidstate', () => {
    const engine = newEngine();
    const { g_uid } = arrival(engine);
    const other = startedSession(engine);
    expect(refusal(engine.execute({ verb: 'detach', session: other, interactionid: g_uid }))).toMatchObject({
      code: 'invalidstate',
      field: 'session',
      ors: { name: 'error.interaction.detach' },
    });
  });

  it('[I3] redirect routes to a resource and ends with redirect.done; the owner keeps it without detach', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    const events = accept(engine, {
      verb: 'redirect',
      session,
      interactionid: g_uid,
      to: { type: 'A', agent: 'agent1' },
    });
    expect(sent(events)).toEqual([
      `interaction.state.changed -> ${session}`,
      `interaction.redirect.done -> ${session}`,
    ]);
    expect(events[1]?.data).toMatchObject({
      interactionid: g_uid,
      resource: { kind: 'agent', agent: 'agent1' },
    });
    expect(engine.state.interactions.get(g_uid)).toMatchObject({ owner: session, state: 'handling' });
  });

  it('[I3] redirect with detach="true" detaches first, as in I2', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine, 'TMediaEMail');
    const events = accept(engine, {
      verb: 'redirect',
      session,
      interactionid: g_uid,
      to: '_origin',
      detach: true,
    });
    expect(events.map((e) => e.name)).toEqual([
      'interaction.owner.changed',
      'interaction.deleted',
      'interaction.state.changed',
      'interaction.redirect.done',
    ]);
    expect(events[1]?.data).toEqual({ interactionid: g_uid, resultof: 'detach' });
    expect(engine.state.interactions.get(g_uid)?.owner).toBeNull();
    expectInvariants(engine);
  });

  it('[I3] an address that does not parse, or is not supported for the media: invaliddestination', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine, 'TMediaVoice');
    const before = engine.snapshot();
    const unsupported = refusal(
      engine.execute({ verb: 'redirect', session, interactionid: g_uid, to: 'agent1' }),
    );
    expect(unsupported).toMatchObject({
      code: 'invaliddestination',
      field: 'to',
      ors: { name: 'error.interaction.redirect' },
    });
    expect(unsupported.reason).toMatch(/voice/i);
    const malformed = refusal(
      engine.execute({ verb: 'redirect', session, interactionid: g_uid, to: { dn: '91a' } }),
    );
    expect(malformed).toMatchObject({ code: 'invaliddestination', field: 'to.dn' });
    expect(engine.snapshot()).toEqual(before);
  });

  it('[I4] terminate: terminate.done, then a real interaction.deleted; the session keeps running', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    const events = accept(engine, {
      verb: 'terminate',
      session,
      interactionid: g_uid,
      reason: 'caller hung up',
    });
    expect(events.map((e) => e.name)).toEqual([
      'interaction.owner.changed',
      'interaction.ended',
      'interaction.terminate.done',
      'interaction.deleted',
    ]);
    expect(events[3]?.data).toEqual({ interactionid: g_uid });
    expect(events[1]?.data).toEqual({ interactionid: g_uid, reason: 'caller hung up' });
    expect(engine.state.interactions.get(g_uid)).toMatchObject({ state: 'ended', owner: null });
    expect(engine.state.sessions.get(session)?.state).toBe('running');
  });

  it('[I4] terminate errors: unknown, and invalidstate.<state>', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    expect(refusal(engine.execute({ verb: 'terminate', session, interactionid: 'nope' }))).toMatchObject({
      code: 'unknown',
      field: 'interactionid',
      ors: { name: 'error.interaction.terminate' },
    });
    const other = startedSession(engine);
    expect(refusal(engine.execute({ verb: 'terminate', session: other, interactionid: g_uid })).code).toBe(
      'invalidstate.routing',
    );
    accept(engine, { verb: 'terminate', session, interactionid: g_uid });
    expect(refusal(engine.execute({ verb: 'terminate', session, interactionid: g_uid })).code).toBe(
      'invalidstate.ended',
    );
  });

  it('[I5] setuData merges keys and the owner gets interaction.udata.changed; deleteuData removes keys', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    const set = accept(engine, {
      verb: 'setuData',
      session,
      interactionid: g_uid,
      udata: { a: 1, b: 'x', c: true },
    });
    expect(set.map((e) => [e.name, e.session, e.data])).toEqual([
      [
        'interaction.udata.changed',
        session,
        { interactionid: g_uid, udata: { a: 1, b: 'x', c: true }, changed: ['a', 'b', 'c'], deleted: [] },
      ],
    ]);
    const removed = accept(engine, { verb: 'deleteuData', session, interactionid: g_uid, keys: ['a', 'zz'] });
    expect(removed[0]?.data).toMatchObject({ udata: { b: 'x', c: true }, deleted: ['a'] });
    accept(engine, { verb: 'deleteuData', session, interactionid: g_uid });
    expect(engine.state.interactions.get(g_uid)?.udata).toEqual({});
    const other = startedSession(engine);
    expect(
      refusal(engine.execute({ verb: 'setuData', session: other, interactionid: g_uid, udata: { a: 1 } }))
        .code,
    ).toBe('invalidstate');
  });

  it('[I6] getMediaIntValue gives the documented numbers, and -1 for unknown names', () => {
    expect(Object.keys(MEDIA_INT_VALUES)).toHaveLength(18);
    expect(getMediaIntValue('TMediaVoice')).toBe(0);
    expect(getMediaIntValue('TMediaEMail')).toBe(2);
    expect(getMediaIntValue('TMediaChat')).toBe(5);
    expect(getMediaIntValue('TMediaSMS')).toBe(17);
    expect(getMediaIntValue('TMediaPigeon')).toBe(-1);
    expect(getMediaIntValue('toString')).toBe(-1);
    expect(Object.values(MEDIA_INT_VALUES)).toEqual(Array.from({ length: 18 }, (_, i) => i));
  });
});
