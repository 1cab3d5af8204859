import { afterEach, describe, expect, it } from 'vitest';
import { strategy, testRealms } from '../strategy/testing';
import { EngineHost, type HostOptions } from './host';
import type { HostMessage, StrategyLabel } from './messages';
import type { Role } from './role';

let host: EngineHost | null = null;
afterEach(() => host?.stop());

/** Waits on `go`, counts in its datamodel, detaches what arrives. */
const WAITER = strategy(
  'waiter',
  `<datamodel><data id="count" expr="0"/></datamodel>
   <state id="idle">
     <transition event="interaction.added" target="holding"/>
     <transition event="go" target="done"><assign location="count" expr="_event.data.n"/></transition>
   </state>
   <state id="holding">
     <transition event="release"><ixn:detach interactionid="'G1'"/></transition>
   </state>
   <state id="done"/>`,
);

async function hostWith(options: Partial<HostOptions> = {}) {
  host = new EngineHost({
    traffic: { running: false },
    flushMs: 1,
    strategies: {
      realms: await testRealms(),
      documents: (src) => (src === 'waiter.scxml' ? WAITER : null),
      provisioning: new Map([['sales', 'waiter.scxml']]),
    },
    ...options,
  });
  return host;
}

function clientOf(engineHost: EngineHost, role: Role = 'operator') {
  const received: HostMessage[] = [];
  const client = { role, send: (m: HostMessage) => received.push(m) };
  engineHost.connect(client);
  let id = 0;
  /** Sends a request and returns the reply or error it got (hosts answer these at once). */
  const ask = (body: Record<string, unknown>) => {
    id += 1;
    engineHost.receive(client, { v: 1, id, ...body });
    const answer = received.find((m) => (m.kind === 'reply' || m.kind === 'error') && m.id === id);
    if (answer === undefined) throw new Error(`no answer to ${JSON.stringify(body)}`);
    return answer;
  };
  const labels = () =>
    received.flatMap((m): StrategyLabel[] => (m.kind === 'strategies' ? [...m.labels] : []));
  return { client, received, ask, labels };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('strategy requests on the wire', () => {
  it('[X13] an operator sends an event with JSON data: the state machine takes it, clients get its new states', async () => {
    const engineHost = await hostWith();
    const { ask, labels } = clientOf(engineHost);
    ask({ type: 'sync' });
    ask({ type: 'command', command: { verb: 'startSession', src: 'waiter.scxml', session: 'S-1' } });
    await settle();
    expect(labels().at(-1)).toEqual({ session: 'S-1', strategy: 'waiter', states: ['idle'] });
    expect(
      ask({ type: 'command', command: { verb: 'sendEvent', session: 'S-1', event: 'go', data: { n: 7 } } }),
    ).toMatchObject({ kind: 'reply', type: 'command', result: { ok: true } });
    await settle();
    expect(labels().at(-1)).toEqual({ session: 'S-1', strategy: 'waiter', states: ['done'] });
    expect(engineHost.strategies?.datamodel('S-1')).toEqual({ count: 7 });
  });

  it('a viewer may inspect a session but not provision queues', async () => {
    const engineHost = await hostWith();
    engineHost.strategies?.start('waiter.scxml', {}, { session: 'S-1' });
    const { ask } = clientOf(engineHost, 'viewer');
    expect(ask({ type: 'strategy', session: 'S-1' })).toMatchObject({ kind: 'reply', type: 'strategy' });
    expect(ask({ type: 'provision', queue: 'q', src: 'waiter.scxml' })).toMatchObject({
      kind: 'error',
      error: { code: 'forbidden' },
    });
    expect(engineHost.strategies?.provisioning.has('q')).toBe(false);
  });

  it('the inspection of a session: its statechart, active states, datamodel, and its trace placed among the journal seqs', async () => {
    const engineHost = await hostWith();
    const { ask } = clientOf(engineHost);
    ask({
      type: 'command',
      command: { verb: 'arrive', media: 'TMediaVoice', queue: 'sales', session: 'S-1', g_uid: 'G1' },
    });
    const added = engineHost.current.eventsSince(0)?.find((e) => e.name === 'interaction.added');
    ask({ type: 'command', command: { verb: 'sendEvent', session: 'S-1', event: 'release' } });
    const detached = engineHost.current.eventsSince(0)?.find((e) => e.name === 'interaction.detach.done');
    const reply = ask({ type: 'strategy', session: 'S-1' });
    if (reply.kind !== 'reply' || reply.type !== 'strategy') throw new Error('not a strategy reply');
    expect(reply).toMatchObject({
      strategy: 'waiter',
      src: 'waiter.scxml',
      running: true,
      activeStates: ['holding'],
      datamodel: { count: 0 },
      complete: true,
    });
    expect(reply.chart.children.map((s) => s.id)).toEqual(['idle', 'holding', 'done']);
    const taken = reply.trace.find((t) => t.kind === 'event' && t.text === 'interaction.added');
    const action = reply.trace.find((t) => t.kind === 'action');
    expect(taken?.seq).toBeGreaterThanOrEqual(added?.seq ?? Number.NaN);
    expect(action).toMatchObject({ text: 'ixn:detach', line: 7 });
    expect(action?.seq).toBeLessThan(detached?.seq ?? Number.NaN);
    expect(reply.trace.map((t) => t.kind)).toContain('transition');
    expect(ask({ type: 'strategy', session: 'S-9' })).toMatchObject({
      kind: 'error',
      error: { code: 'unknown', field: 'session' },
    });
  });

  it('[X10] an uploaded document runs on the queue it is provisioned to; one that does not compile is refused with its line and column and changes nothing', async () => {
    const engineHost = await hostWith({ uploads: true });
    const { ask } = clientOf(engineHost);
    const bad = ask({
      type: 'provision',
      queue: 'vip',
      src: 'uploaded/mine.scxml',
      text: strategy('mine', '<state id="a">\n<transition target="nowhere"/></state>'),
    });
    expect(bad).toMatchObject({
      kind: 'error',
      error: { code: 'baddocument', field: 'src', position: { line: 2 } },
    });
    expect(engineHost.strategies?.provisioning.has('vip')).toBe(false);
    expect(ask({ type: 'provision', queue: 'vip', src: 'uploaded/mine.scxml' })).toMatchObject({
      kind: 'error',
      error: { code: 'unknown', field: 'src' },
    });
    const good = ask({
      type: 'provision',
      queue: 'vip',
      src: 'uploaded/mine.scxml',
      text: strategy(
        'mine',
        '<state id="a"><transition event="interaction.added" target="b"/></state><state id="b"/>',
      ),
    });
    expect(good).toMatchObject({ kind: 'reply', type: 'provision', queue: 'vip', strategy: 'mine' });
    ask({ type: 'command', command: { verb: 'arrive', media: 'TMediaChat', queue: 'vip', session: 'S-V' } });
    expect(engineHost.strategies?.query('S-V')).toMatchObject({ strategy: 'mine', activeStates: ['b'] });
  });

  it('a host without uploads (a server) refuses a document sent with provision, and a src that climbs out', async () => {
    const engineHost = await hostWith();
    const { ask } = clientOf(engineHost);
    expect(ask({ type: 'provision', queue: 'q', src: 'x.scxml', text: WAITER })).toMatchObject({
      kind: 'error',
      error: { code: 'forbidden', field: 'text' },
    });
    expect(ask({ type: 'provision', queue: 'q', src: 'a/../../etc.scxml' })).toMatchObject({
      kind: 'error',
      error: { code: 'badmessage', field: 'src' },
    });
    expect(ask({ type: 'provision', queue: 'q', src: 'waiter.scxml' })).toMatchObject({
      kind: 'reply',
      strategy: 'waiter',
    });
  });
});
