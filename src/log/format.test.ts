import { describe, expect, it } from 'vitest';
import type { CommandError, EngineEvent } from '../engine';
import type { LogRow } from '../store/log-buffer';
import { engineWithStore } from '../store/testing';
import { causeText, keyData, rowCells, strategyText } from './format';

/** Events of a small scene: two arrivals, an associate by drag, a redirect, a udata change. */
function scene() {
  const { run, store } = engineWithStore();
  const arrive = (media: 'TMediaVoice' | 'TMediaChat') =>
    run({ verb: 'arrive', media, queue: 'support', origin: 'traffic' });
  const [created] = arrive('TMediaVoice');
  const g_uid = created?.name === 'interaction.created' ? created.data.interaction.g_uid : '';
  arrive('TMediaChat');
  const owner = store.getState().model.interactions.get(g_uid)?.owner as string;
  const associate = run({
    verb: 'associate',
    session: 'S-00001',
    interactionid: g_uid,
    sessionid: 'S-00002',
    requestid: 'R12',
    origin: 'drag',
  });
  const redirect = run({
    verb: 'redirect',
    session: 'S-00002',
    interactionid: g_uid,
    to: { type: 'A', agent: 'agent7' },
  });
  const udata = run({
    verb: 'setuData',
    session: 'S-00002',
    interactionid: g_uid,
    udata: { lang: 'fr', tier: 'gold' },
  });
  return { g_uid, owner, associate, redirect, udata };
}

const named = (events: readonly EngineEvent[], name: string) => {
  const event = events.find((e) => e.name === name);
  if (event === undefined) throw new Error(`no ${name}`);
  return event;
};

describe('key data', () => {
  it('says where an owner change came from, went to, and why', () => {
    const { associate, owner } = scene();
    expect(owner).toBe('S-00001');
    expect(keyData(named(associate, 'interaction.owner.changed'))).toBe(
      'from S-00001 → S-00002 via associate',
    );
  });

  it('shows resultof, requestid, the redirect address and the udata keys', () => {
    const { associate, redirect, udata } = scene();
    expect(keyData(named(associate, 'interaction.deleted'))).toBe('resultof: associate');
    expect(keyData(named(associate, 'interaction.associate.done'))).toBe('requestid R12');
    expect(keyData(named(redirect, 'interaction.redirect.done'))).toMatch(/^requestid R\d+ · to .*agent7/);
    expect(keyData(named(udata, 'interaction.udata.changed'))).toBe('set lang, tier');
  });

  it('writes an arrival with no previous owner as a dash', () => {
    const { run } = engineWithStore();
    const events = run({ verb: 'arrive', media: 'TMediaVoice' });
    expect(keyData(named(events, 'interaction.owner.changed'))).toBe('from — → S-00001 via arrival');
  });

  it('[X10] names the invoker of a session an <invoke> started', () => {
    const { run } = engineWithStore();
    run({ verb: 'startSession', src: 'main.scxml', session: 'S-1' });
    const events = run({
      verb: 'startSession',
      src: 'kid.scxml',
      invoker: { session: 'S-1', invokeid: 'k' },
    });
    expect(keyData(named(events, 'session.started'))).toBe('invoke by S-1 · src kid.scxml');
  });
});

describe('cause', () => {
  it('is origin, verb and command number', () => {
    const { associate } = scene();
    const event = named(associate, 'interaction.added');
    expect(rowCells({ kind: 'event', event }).cause).toBe(`drag · associate #${event.cause.command}`);
    expect(causeText('drag', 'associate', 42)).toBe('drag · associate #42');
  });
});

describe("the cause of a strategy's command", () => {
  it('names the strategy, the state, and the element with where it sits and its line', () => {
    const { run, arrive } = engineWithStore();
    const { session, g_uid } = arrive();
    const strategy = {
      strategy: 'greet',
      session,
      state: 'routing',
      within: 'transition',
      element: 'ixn:detach',
      line: 12,
    };
    const detach = run({ verb: 'detach', session, interactionid: g_uid, origin: 'strategy', strategy });
    const event = named(detach, 'interaction.owner.changed');
    expect(rowCells({ kind: 'event', event }).cause).toBe(
      `strategy greet · state routing · ixn:detach in transition, line 12 · detach #${event.cause.command}`,
    );
    expect(strategyText({ ...strategy, within: '', element: '', line: 0 })).toBe('greet · state routing');
  });
});

describe('row cells', () => {
  it('shows seq, time, session, the ORS name and the short g_uid of an event', () => {
    const { associate, g_uid } = scene();
    const event = named(associate, 'interaction.added');
    const cells = rowCells({ kind: 'event', event });
    expect(cells).toMatchObject({
      seq: String(event.seq),
      session: 'S-00002',
      name: 'interaction.added',
      interaction: g_uid.slice(-6),
    });
  });

  it('names a refusal by its ORS error event, or as "<verb> refused" when it has none', () => {
    const error: CommandError = {
      code: 'invaliddestination',
      field: 'sessionid',
      reason: 'no session S-9',
      verb: 'associate',
    };
    const row = (e: CommandError): LogRow => ({
      kind: 'error',
      time: 0,
      error: e,
      session: 'S-00001',
      interaction: '0000000000ABCDEF',
      origin: 'keyboard',
    });
    const ors = {
      name: 'error.interaction.associate',
      session: 'S-00001',
      data: { requestid: 'R3.1', error: 'invaliddestination', description: 'no session S-9' },
    } as const;
    expect(rowCells(row({ ...error, ors }))).toMatchObject({
      name: 'error.interaction.associate',
      data: 'invaliddestination · sessionid: no session S-9',
      cause: 'keyboard · associate',
      interaction: 'ABCDEF',
      seq: '',
    });
    expect(rowCells(row(error)).name).toBe('associate refused');
  });
});
