import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import { accept, arrival, newEngine, startedSession, T0 } from './testing';

describe('E. Errors and bad input', () => {
  function world() {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    const other = startedSession(engine);
    return { engine, session, g_uid, other };
  }

  const long = 'x'.repeat(100_000);
  /** As the wire and replay decode it: JSON.parse makes `__proto__` an own key, as any other. */
  const withProto = (value: string) => JSON.parse(`{"__proto__":${value},"constructor":"c"}`);
  const badInputs: [string, (w: ReturnType<typeof world>) => unknown, string, string][] = [
    ['null', () => null, 'badcommand', 'command'],
    ['a string', () => 'associate', 'badcommand', 'command'],
    ['an array', () => [{ verb: 'startSession', src: 'a' }], 'badcommand', 'command'],
    ['no verb', () => ({ session: 'S' }), 'badcommand', 'verb'],
    ['a numeric verb', () => ({ verb: 7 }), 'badcommand', 'verb'],
    ['an unknown verb', () => ({ verb: 'teleport' }), 'badcommand', 'verb'],
    [
      'a missing field',
      (w) => ({ verb: 'associate', session: w.session, interactionid: w.g_uid }),
      'badcommand',
      'sessionid',
    ],
    [
      'a mistyped field',
      (w) => ({ verb: 'detach', session: w.session, interactionid: 42 }),
      'badcommand',
      'interactionid',
    ],
    [
      'an extra field',
      (w) => ({ verb: 'detach', session: w.session, interactionid: w.g_uid, force: true }),
      'badcommand',
      'force',
    ],
    [
      'a bad origin',
      (w) => ({ verb: 'detach', session: w.session, interactionid: w.g_uid, origin: 'mars' }),
      'badcommand',
      'origin',
    ],
    [
      'a very long id',
      (w) => ({ verb: 'detach', session: long, interactionid: w.g_uid }),
      'badcommand',
      'session',
    ],
    ['a very long src', () => ({ verb: 'startSession', src: long }), 'badcommand', 'src'],
    [
      'a very long udata value',
      (w) => ({ verb: 'setuData', session: w.session, interactionid: w.g_uid, udata: { k: long } }),
      'badcommand',
      'udata.k',
    ],
    [
      'a non-scalar udata value',
      (w) => ({ verb: 'setuData', session: w.session, interactionid: w.g_uid, udata: { k: { deep: 1 } } }),
      'badcommand',
      'udata.k',
    ],
    ['an unknown media', () => ({ verb: 'arrive', media: 'TMediaPigeon' }), 'badcommand', 'media'],
    [
      'a __proto__ key in arrive udata',
      () => ({ verb: 'arrive', media: 'TMediaVoice', udata: withProto('"x"') }),
      'badcommand',
      'udata.__proto__',
    ],
    [
      'a __proto__ key in setuData udata',
      (w) => ({ verb: 'setuData', session: w.session, interactionid: w.g_uid, udata: withProto('{"a":1}') }),
      'badcommand',
      'udata.__proto__',
    ],
    [
      'a __proto__ key in redirect hints',
      (w) => ({
        verb: 'redirect',
        session: w.session,
        interactionid: w.g_uid,
        to: '5551234',
        hints: withProto('null'),
      }),
      'badcommand',
      'hints.__proto__',
    ],
    [
      'a __proto__ key in terminate hints',
      (w) => ({ verb: 'terminate', session: w.session, interactionid: w.g_uid, hints: withProto('"x"') }),
      'badcommand',
      'hints.__proto__',
    ],
    [
      'a __proto__ key to delete',
      (w) => ({ verb: 'deleteuData', session: w.session, interactionid: w.g_uid, keys: ['__proto__'] }),
      'badcommand',
      'keys.0',
    ],
    [
      'a __proto__ field in a resource object',
      (w) => ({
        verb: 'redirect',
        session: w.session,
        interactionid: w.g_uid,
        to: withProto('{"type":"A"}'),
      }),
      'badcommand',
      'to.__proto__',
    ],
    [
      'a __proto__ field in the command',
      () => ({ ...JSON.parse('{"__proto__":{"g_uid":"G"}}'), verb: 'arrive', media: 'TMediaVoice' }),
      'badcommand',
      '__proto__',
    ],
    [
      'an unknown session',
      (w) => ({ verb: 'detach', session: 'S-NOPE', interactionid: w.g_uid }),
      'unknown',
      'session',
    ],
    [
      'an unknown interaction',
      (w) => ({ verb: 'detach', session: w.session, interactionid: 'NOPE' }),
      'unknown',
      'interactionid',
    ],
    [
      'an unknown parent',
      () => ({ verb: 'arrive', media: 'TMediaVoice', parentid: 'NOPE' }),
      'unknown',
      'parentid',
    ],
    [
      'a bad address',
      (w) => ({ verb: 'redirect', session: w.session, interactionid: w.g_uid, to: { type: 'ZZ' } }),
      'invaliddestination',
      'to.type',
    ],
    [
      'a very long address',
      (w) => ({ verb: 'redirect', session: w.session, interactionid: w.g_uid, to: long }),
      'badcommand',
      'to',
    ],
  ];

  for (const [what, make, code, field] of badInputs) {
    it(`[E1] ${what}: one ${code} error naming ${field}, nothing changed`, () => {
      const w = world();
      const before = w.engine.snapshot();
      const result = w.engine.dispatch(make(w));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.field).toBe(field);
      expect(result.error.reason.length).toBeGreaterThan(0);
      expect(result.error.reason.length).toBeLessThan(500);
      expect(w.engine.snapshot()).toEqual(before);
    });
  }

  it('[I5][E1] a udata key is stored as data whatever its name, except __proto__, which is refused', () => {
    const w = world();
    const names = JSON.parse('{"constructor":"c","toString":1,"hasOwnProperty":true,"valueOf":"v"}');
    accept(w.engine, { verb: 'setuData', session: w.session, interactionid: w.g_uid, udata: names });
    const arrived = accept(w.engine, { verb: 'arrive', media: 'TMediaChat', udata: names });
    const created = arrived.find((e) => e.name === 'interaction.created');
    const g_uid = created?.name === 'interaction.created' ? created.data.interaction.g_uid : '';
    for (const id of [w.g_uid, g_uid]) expect(w.engine.state.interactions.get(id)?.udata).toEqual(names);
    const refused = w.engine.dispatch(
      JSON.parse(
        `{"verb":"setuData","session":"${w.session}","interactionid":"${w.g_uid}","udata":{"__proto__":"p"}}`,
      ),
    );
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'badcommand', field: 'udata.__proto__' });
    // E2: what was stored survives the journal's JSON.
    const replayed = Engine.replay(JSON.parse(JSON.stringify(w.engine.eventsSince(0))), { clock: () => T0 });
    for (const id of [w.g_uid, g_uid]) expect(replayed.state.interactions.get(id)?.udata).toEqual(names);
  });

  it('[E2] replaying the journal rebuilds the same state, and a JSON snapshot resumes it', () => {
    const w = world();
    accept(w.engine, { verb: 'associate', session: w.session, interactionid: w.g_uid, sessionid: w.other });
    accept(w.engine, { verb: 'setuData', session: w.other, interactionid: w.g_uid, udata: { lang: 'fr' } });
    const half = JSON.parse(JSON.stringify(w.engine.snapshot()));
    const second = arrival(w.engine, 'TMediaEMail');
    accept(w.engine, {
      verb: 'redirect',
      session: second.session,
      interactionid: second.g_uid,
      to: 'x@y.com',
    });
    accept(w.engine, { verb: 'endSession', session: w.other });

    const journal = w.engine.eventsSince(0) ?? [];
    const replayed = Engine.replay(JSON.parse(JSON.stringify(journal)), { clock: () => T0 });
    expect(replayed.snapshot()).toEqual(w.engine.snapshot());
    expect(replayed.eventsSince(0)).toEqual(journal);

    const resumed = Engine.replay(w.engine.eventsSince(half.seq) ?? [], { clock: () => T0 }, half);
    expect(resumed.snapshot()).toEqual(w.engine.snapshot());
    // The rebuilt engine goes on exactly as the live one would: same ids, same command numbers.
    expect(resumed.execute({ verb: 'arrive', media: 'TMediaChat' })).toEqual(
      w.engine.execute({ verb: 'arrive', media: 'TMediaChat' }),
    );
  });
});
