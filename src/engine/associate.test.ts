import { describe, expect, it } from 'vitest';
import { OP_SESSION_ID } from './model';
import { accept, arrival, expectInvariants, newEngine, sent, startedSession } from './testing';

function twoSessions() {
  const engine = newEngine();
  const { session: source, g_uid } = arrival(engine);
  const target = startedSession(engine);
  return { engine, source, target, g_uid };
}

describe('A. <ixn:associate>', () => {
  it('[A1] only the owning session may move the interaction', () => {
    const { engine, target, g_uid } = twoSessions();
    const before = engine.snapshot();
    const result = engine.execute({
      verb: 'associate',
      session: target,
      interactionid: g_uid,
      sessionid: target,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'invalidstate', field: 'session' });
    expect(engine.snapshot()).toEqual(before);
  });

  it('[A2] the target gains the interaction and OP-Session-ID becomes the target', () => {
    const { engine, source, target, g_uid } = twoSessions();
    accept(engine, { verb: 'associate', session: source, interactionid: g_uid, sessionid: target });
    const interaction = engine.state.interactions.get(g_uid);
    expect(interaction?.owner).toBe(target);
    expect(interaction?.properties[OP_SESSION_ID]).toBe(target);
    expect(engine.state.sessions.get(target)?.interactions).toEqual([g_uid]);
    expect(engine.state.sessions.get(source)?.interactions).toEqual([]);
    expectInvariants(engine);
  });

  it('[A3] the target is sent interaction.added, then interaction.present, with interactionid', () => {
    const { engine, source, target, g_uid } = twoSessions();
    const events = accept(engine, {
      verb: 'associate',
      session: source,
      interactionid: g_uid,
      sessionid: target,
    });
    const toTarget = events.filter((e) => e.session === target && !e.name.startsWith('interaction.owner'));
    expect(toTarget.map((e) => [e.name, e.data])).toEqual([
      ['interaction.added', { interactionid: g_uid }],
      ['interaction.present', { interactionid: g_uid }],
    ]);
  });

  it('[A4] then the source is sent interaction.deleted (resultof associate), then interaction.notcontrolled', () => {
    const { engine, source, target, g_uid } = twoSessions();
    const events = accept(engine, {
      verb: 'associate',
      session: source,
      interactionid: g_uid,
      sessionid: target,
    });
    const toSource = events.filter((e) => e.session === source);
    expect(toSource.slice(0, 2).map((e) => [e.name, e.data])).toEqual([
      ['interaction.deleted', { interactionid: g_uid, resultof: 'associate' }],
      ['interaction.notcontrolled', { interactionid: g_uid }],
    ]);
    const added = events.findIndex((e) => e.name === 'interaction.present');
    const deleted = events.findIndex((e) => e.name === 'interaction.deleted');
    expect(deleted).toBeGreaterThan(added);
  });

  it('[A5] last, the source gets associate.done; the step is atomic and its seqs are consecutive', () => {
    const { engine, source, target, g_uid } = twoSessions();
    const seqBefore = engine.seq;
    const events = accept(engine, {
      verb: 'associate',
      session: source,
      interactionid: g_uid,
      sessionid: target,
      requestid: 'move-1',
      origin: 'drag',
    });
    expect(sent(events)).toEqual([
      `interaction.owner.changed -> ${target}`,
      `interaction.added -> ${target}`,
      `interaction.present -> ${target}`,
      `interaction.deleted -> ${source}`,
      `interaction.notcontrolled -> ${source}`,
      `interaction.associate.done -> ${source}`,
    ]);
    expect(events.at(-1)?.data).toEqual({ requestid: 'move-1', interactionid: g_uid });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6].map((n) => seqBefore + n));
    expect(new Set(events.map((e) => e.cause.command)).size).toBe(1);
    expect(events[0]?.cause).toMatchObject({ verb: 'associate', origin: 'drag', requestid: 'move-1' });
  });

  it('[A5] a generated requestid is returned in associate.done when the command has none', () => {
    const { engine, source, target, g_uid } = twoSessions();
    const events = accept(engine, {
      verb: 'associate',
      session: source,
      interactionid: g_uid,
      sessionid: target,
    });
    const done = events.at(-1);
    expect(done?.name).toBe('interaction.associate.done');
    if (done?.name === 'interaction.associate.done') expect(done.data.requestid).toMatch(/^R\d+$/);
  });

  describe('[A6] a refused move changes nothing and sends error.interaction.associate', () => {
    const cases = [
      [
        'unknown interaction',
        'unknown',
        'interactionid',
        (c: ReturnType<typeof twoSessions>) => ({ ...base(c), interactionid: 'nope' }),
      ],
      [
        'unknown requesting session',
        'unknown',
        'session',
        (c: ReturnType<typeof twoSessions>) => ({ ...base(c), session: 'nope' }),
      ],
      [
        'requester does not own it',
        'invalidstate',
        'session',
        (c: ReturnType<typeof twoSessions>) => ({ ...base(c), session: c.target, sessionid: c.source }),
      ],
      [
        'target does not exist',
        'invaliddestination',
        'sessionid',
        (c: ReturnType<typeof twoSessions>) => ({ ...base(c), sessionid: 'nope' }),
      ],
      [
        'target already owns it',
        'invaliddestination',
        'sessionid',
        (c: ReturnType<typeof twoSessions>) => ({ ...base(c), sessionid: c.source }),
      ],
    ] as const;
    function base(c: ReturnType<typeof twoSessions>) {
      return {
        verb: 'associate',
        session: c.source,
        interactionid: c.g_uid,
        sessionid: c.target,
        requestid: 'rq',
      } as const;
    }
    for (const [what, code, field, make] of cases) {
      it(`${what}: ${code} on ${field}`, () => {
        const c = twoSessions();
        const command = make(c);
        const before = c.engine.snapshot();
        const result = c.engine.execute(command);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error).toMatchObject({ code, field, verb: 'associate' });
        expect(result.error.ors).toEqual({
          name: 'error.interaction.associate',
          session: command.session,
          data: { requestid: 'rq', error: code, description: result.error.reason },
        });
        expect(c.engine.snapshot()).toEqual(before);
        expect(c.engine.seq).toBe(before.seq);
      });
    }

    it('target has ended: invaliddestination', () => {
      const c = twoSessions();
      accept(c.engine, { verb: 'endSession', session: c.target });
      const before = c.engine.snapshot();
      const result = c.engine.execute({
        verb: 'associate',
        session: c.source,
        interactionid: c.g_uid,
        sessionid: c.target,
      });
      expect(result.ok ? null : result.error).toMatchObject({
        code: 'invaliddestination',
        field: 'sessionid',
      });
      expect(c.engine.snapshot()).toEqual(before);
    });

    it('interaction has ended: invalidstate', () => {
      const c = twoSessions();
      accept(c.engine, { verb: 'terminate', session: c.source, interactionid: c.g_uid });
      const result = c.engine.execute({
        verb: 'associate',
        session: c.source,
        interactionid: c.g_uid,
        sessionid: c.target,
      });
      expect(result.ok ? null : result.error).toMatchObject({ code: 'invalidstate', field: 'interactionid' });
    });
  });
});

describe('dryRun: the engine checks without the engine running', () => {
  it('[A6] answers exactly as execute would, and changes nothing', async () => {
    const { dryRun } = await import('./dry-run');
    const { engine, source, target, g_uid } = twoSessions();
    const before = engine.snapshot();
    const cases = [
      { verb: 'associate', session: source, interactionid: g_uid, sessionid: source },
      { verb: 'associate', session: target, interactionid: g_uid, sessionid: source },
      { verb: 'associate', session: source, interactionid: g_uid, sessionid: 'S-NOPE' },
      { verb: 'associate', session: source, interactionid: g_uid, sessionid: target },
    ] as const;
    const answers = cases.map((command) => dryRun(engine.state, command));
    expect(engine.snapshot()).toEqual(before);
    expect(answers.map((a) => a?.code ?? 'ok')).toEqual([
      'invaliddestination',
      'invalidstate',
      'invaliddestination',
      'ok',
    ]);
    for (const [i, command] of cases.entries()) {
      const result = engine.execute(command);
      const { ors: _ors, ...error } = result.ok ? { ors: null } : result.error;
      expect(answers[i]).toEqual(result.ok ? null : error);
    }
  });
});
