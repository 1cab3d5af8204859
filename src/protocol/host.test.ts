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
      m.kind === 'events' ? m.events.map((e) => `${e.name} ${e.session} ${e.cause.origin}`) : [],
    );
    // Its own origin, not `api`: filtering on `api` shows only what someone sent.
    expect(streamed).toContain('session.purged S-GONE housekeeping');
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

describe('EngineHost: history', () => {
  /** A client that keeps what it is sent; `answer(id)` waits for the reply or error to request `id`. */
  function client(role: 'viewer' | 'operator' = 'viewer') {
    const received: HostMessage[] = [];
    const send = (m: HostMessage) => received.push(m);
    const answer = async (id: number) => {
      for (let i = 0; i < 100; i++) {
        const found = received.find((m) => (m.kind === 'reply' || m.kind === 'error') && m.id === id);
        if (found !== undefined) return found;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(`no answer to ${id}`);
    };
    return { role, send, received, answer };
  }

  it('answers the whole ledger of an interaction after it ended and was purged, with its last record', async () => {
    host = new EngineHost({ traffic: { running: false } });
    const engine = host.current;
    engine.dispatch({
      verb: 'arrive',
      media: 'TMediaChat',
      g_uid: 'G-1',
      session: 'S-A',
      udata: { lang: 'fr' },
    });
    engine.dispatch({ verb: 'startSession', src: 'x', session: 'S-B' });
    engine.dispatch({ verb: 'associate', session: 'S-A', interactionid: 'G-1', sessionid: 'S-B' });
    engine.dispatch({ verb: 'terminate', session: 'S-B', interactionid: 'G-1' });
    engine.dispatch({ verb: 'purge', before: Date.now() + 1000 });
    expect(engine.state.interactions.has('G-1')).toBe(false);

    const viewer = client();
    host.receive(viewer, { v: 1, id: 4, type: 'history', of: 'interaction', target: 'G-1' });
    const reply = await viewer.answer(4);
    if (reply.kind !== 'reply' || reply.type !== 'history') throw new Error(JSON.stringify(reply));
    expect(reply).toMatchObject({ of: 'interaction', target: 'G-1', from: 1, complete: true });
    expect(reply.record).toMatchObject({ g_uid: 'G-1', state: 'ended', owner: null, udata: { lang: 'fr' } });
    const moves = reply.events.flatMap((e) =>
      e.name === 'interaction.owner.changed' ? [`${e.data.from}>${e.data.to} ${e.data.via}`] : [],
    );
    expect(moves).toEqual(['null>S-A arrival', 'S-A>S-B associate', 'S-B>null terminate']);
    expect(reply.events.at(-1)?.name).toBe('interaction.purged');
    expect(reply.events.every((e, i, all) => i === 0 || (all[i - 1]?.seq ?? 0) < e.seq)).toBe(true);
  });

  it("answers a session's ledger: its ORS events and the moves in and out of it", async () => {
    host = new EngineHost({ traffic: { running: false } });
    const engine = host.current;
    engine.dispatch({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-1', session: 'S-A' });
    engine.dispatch({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-2', session: 'S-B' });
    engine.dispatch({ verb: 'associate', session: 'S-A', interactionid: 'G-1', sessionid: 'S-B' });
    engine.dispatch({ verb: 'endSession', session: 'S-A' });
    engine.dispatch({ verb: 'purge', before: Date.now() + 1000 });

    const viewer = client();
    host.receive(viewer, { v: 1, id: 1, type: 'history', of: 'session', target: 'S-A' });
    const reply = await viewer.answer(1);
    if (reply.kind !== 'reply' || reply.type !== 'history') throw new Error(JSON.stringify(reply));
    expect(reply.record).toMatchObject({ id: 'S-A', state: 'ended', interactions: [] });
    expect(reply.events.map((e) => e.name)).toEqual([
      'session.started',
      'interaction.owner.changed',
      'interaction.added',
      'interaction.state.changed',
      'interaction.owner.changed',
      'interaction.deleted',
      'interaction.notcontrolled',
      'interaction.associate.done',
      'session.ended',
      'session.purged',
    ]);
    expect(reply.events.some((e) => e.session === 'S-B' && e.name !== 'interaction.owner.changed')).toBe(
      false,
    );
  });

  it('refuses an unknown target, a wrong kind and a bad target with typed errors, changing nothing', async () => {
    host = new EngineHost({ traffic: { running: false } });
    host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-1', session: 'S-A' });
    const seq = host.seq;
    const viewer = client();
    host.receive(viewer, { v: 1, id: 1, type: 'history', of: 'interaction', target: 'G-NONE' });
    host.receive(viewer, { v: 1, id: 2, type: 'history', of: 'interaction', target: 'S-A' });
    host.receive(viewer, { v: 1, id: 3, type: 'history', of: 'queue', target: 'G-1' });
    host.receive(viewer, { v: 1, id: 4, type: 'history', of: 'session', target: '' });
    host.receive(viewer, { v: 1, id: 5, type: 'history', of: 'session' });
    const errors = await Promise.all([1, 2, 3, 4, 5].map((id) => viewer.answer(id)));
    expect(errors.map((m) => (m.kind === 'error' ? `${m.error.code} ${m.error.field}` : m.kind))).toEqual([
      'unknown target',
      'unknown target',
      'badmessage of',
      'badmessage target',
      'badmessage target',
    ]);
    expect(errors[0]).toMatchObject({ error: { reason: expect.stringContaining('interaction G-NONE') } });
    expect(host.seq).toBe(seq);
  });

  it('says where its memory starts when older events are gone, and keeps the record it still holds', async () => {
    host = new EngineHost({ traffic: { running: false }, engine: { retain: 5 } });
    const engine = host.current;
    engine.dispatch({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-OLD', session: 'S-OLD' });
    for (let i = 0; i < 4; i++) engine.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
    engine.dispatch({ verb: 'setuData', session: 'S-OLD', interactionid: 'G-OLD', udata: { k: 'v' } });
    const viewer = client();
    host.receive(viewer, { v: 1, id: 1, type: 'history', of: 'interaction', target: 'G-OLD' });
    const reply = await viewer.answer(1);
    if (reply.kind !== 'reply' || reply.type !== 'history') throw new Error(JSON.stringify(reply));
    expect(reply.complete).toBe(false);
    expect(reply.from).toBe(engine.journalStart + 1);
    expect(reply.from).toBeGreaterThan(1);
    expect(reply.events.map((e) => e.name)).toEqual(['interaction.udata.changed']);
    expect(reply.record).toMatchObject({ g_uid: 'G-OLD', udata: { k: 'v' }, owner: 'S-OLD' });
  });
});
