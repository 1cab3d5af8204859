import { afterEach, describe, expect, it } from 'vitest';
import { EngineHost, MAX_EVENTS_PER_MESSAGE } from './host';
import type { HostMessage } from './messages';

let host: EngineHost | null = null;
afterEach(() => host?.stop());

describe('EngineHost', () => {
  it('purges what ended longer ago than it keeps, by itself, and streams the purge to its clients', async () => {
    host = new EngineHost({ traffic: { running: false }, purge: { everyMs: 20, keepMs: 0 } });
    const received: HostMessage[] = [];
    const client = { role: 'operator' as const, send: (m: HostMessage) => received.push(m) };
    host.connect(client);
    host.receive(client, { v: 1, id: 1, type: 'sync' });
    host.current.dispatch({ verb: 'startSession', src: 'x', session: 'S-GONE' });
    host.current.dispatch({ verb: 'endSession', session: 'S-GONE' });
    host.current.dispatch({ verb: 'startSession', src: 'x', session: 'S-ALIVE' });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(host.current.state.sessions.has('S-GONE')).toBe(false);
    expect(host.current.state.sessions.get('S-ALIVE')?.state).toBe('running');
    const streamed = received.flatMap((m) =>
      m.kind === 'events' ? m.events.map((e) => `${e.name} ${e.session}`) : [],
    );
    expect(streamed).toContain('session.purged S-GONE');
  });

  it('answers a message it cannot take with a typed error and never throws', () => {
    host = new EngineHost({ traffic: { running: false } });
    const received: HostMessage[] = [];
    const client = { role: 'viewer' as const, send: (m: HostMessage) => received.push(m) };
    host.receive(client, 'hello');
    host.receive(client, { v: 1, id: 2, type: 'teleport' });
    host.receive(client, { v: 1, id: 3, type: 'command', command: { verb: 'startSession', src: 'x' } });
    expect(
      received.map((m) => (m.kind === 'error' ? `${m.id} ${m.error.code} ${m.error.field}` : m.kind)),
    ).toEqual(['null badmessage message', '2 badmessage type', '3 forbidden type']);
    expect(host.seq).toBe(0);
  });

  it('sends a backlog in messages of at most MAX_EVENTS_PER_MESSAGE, in order, none lost, live and on resume', async () => {
    host = new EngineHost({ traffic: { running: false } });
    const live: HostMessage[] = [];
    const liveClient = { role: 'operator' as const, send: (m: HostMessage) => live.push(m) };
    host.connect(liveClient);
    host.receive(liveClient, { v: 1, id: 1, type: 'sync' });
    const total = 2 * MAX_EVENTS_PER_MESSAGE + 500;
    for (let i = 0; i < total; i++)
      host.current.dispatch({ verb: 'startSession', src: 'x', session: `S-${i}` });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const late: HostMessage[] = [];
    const lateClient = { role: 'viewer' as const, send: (m: HostMessage) => late.push(m) };
    host.connect(lateClient);
    host.receive(lateClient, { v: 1, id: 1, type: 'sync', after: 0, epoch: host.epoch });

    for (const received of [live, late]) {
      const batches = received.flatMap((m) => (m.kind === 'events' ? [m.events] : []));
      expect(batches.map((events) => events.length)).toEqual([
        MAX_EVENTS_PER_MESSAGE,
        MAX_EVENTS_PER_MESSAGE,
        500,
      ]);
      const seqs = batches.flat().map((event) => event.seq);
      expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    }
  });
});
