import { afterEach, describe, expect, it } from 'vitest';
import { strategy, testRealms } from '../strategy/testing';
import { EngineHost } from './host';
import type { HostMessage } from './messages';

let host: EngineHost | null = null;
afterEach(() => host?.stop());

/** Detaches whatever arrives: a move a client sees with the strategy as its cause. */
const DETACH = strategy(
  'detach-all',
  `<state id="a"><transition event="interaction.added" target="b">
     <ixn:detach interactionid="_event.data.interactionid"/></transition></state><state id="b"/>`,
);

describe('EngineHost with strategies', () => {
  it('[X10] an arrival sent by a client on a provisioned queue runs its strategy; clients see its moves with the strategy as cause', async () => {
    host = new EngineHost({
      traffic: { running: false },
      flushMs: 1,
      strategies: {
        realms: await testRealms(),
        documents: (src) => (src === 'detach.scxml' ? DETACH : null),
        provisioning: new Map([['sales', 'detach.scxml']]),
      },
    });
    const received: HostMessage[] = [];
    const client = { role: 'operator' as const, send: (m: HostMessage) => received.push(m) };
    host.connect(client);
    host.receive(client, { v: 1, id: 1, type: 'sync' });
    host.receive(client, {
      v: 1,
      id: 2,
      type: 'command',
      command: { verb: 'arrive', media: 'TMediaVoice', queue: 'sales', session: 'S-1', g_uid: 'G1' },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const streamed = received.flatMap((m) => (m.kind === 'events' ? m.events : []));
    const detached = streamed.find((e) => e.name === 'interaction.owner.changed' && e.data.via === 'detach');
    expect(detached?.cause).toMatchObject({
      origin: 'strategy',
      verb: 'detach',
      strategy: { strategy: 'detach-all', session: 'S-1', state: 'a', element: 'ixn:detach' },
    });
    expect(streamed.map((e) => e.seq)).toEqual(streamed.map((_, i) => i + 1));
    expect(host.strategies?.query('S-1')?.activeStates).toEqual(['b']);
  });

  it('[E1] a startSession whose document does not compile is refused on the wire, naming the line; nothing is journaled', async () => {
    host = new EngineHost({
      traffic: { running: false },
      strategies: {
        realms: await testRealms(),
        documents: () => '<scxml xmlns="http://www.w3.org/2005/07/scxml"><state',
      },
    });
    const received: HostMessage[] = [];
    const client = { role: 'operator' as const, send: (m: HostMessage) => received.push(m) };
    host.receive(client, {
      v: 1,
      id: 1,
      type: 'command',
      command: { verb: 'startSession', src: 'bad.scxml' },
    });
    const reply = received.find((m) => m.kind === 'reply');
    expect(reply?.kind === 'reply' && reply.type === 'command' ? reply.result : null).toMatchObject({
      ok: false,
      error: { code: 'badcommand', field: 'src', reason: expect.stringMatching(/^line 1, column \d+/) },
    });
    expect(host.seq).toBe(0);
  });
});
