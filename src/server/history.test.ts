import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Recorder } from '../connection/contract';
import { SocketConnection } from '../connection/socket/socket-connection';
import type { RunningServer } from './create-server';
import { startServer } from './testing';

/** `history` over socket.io, answered from the journal file where the engine's memory ends. */
describe('history from the server, across a restart', () => {
  let server: RunningServer | null = null;
  let connection: SocketConnection | null = null;
  afterEach(async () => {
    connection?.stop();
    await server?.close();
    server = connection = null;
  });

  async function connect(running: RunningServer): Promise<SocketConnection> {
    connection = new SocketConnection(running.address.url);
    await connection.start(new Recorder());
    return connection;
  }

  /** An interaction that moves, ends and is purged, then 40 others: it is old news by then. */
  function history(running: RunningServer): void {
    const engine = running.host.current;
    engine.dispatch({ verb: 'arrive', media: 'TMediaChat', g_uid: 'G-OLD', session: 'S-A', udata: { k: 1 } });
    engine.dispatch({ verb: 'startSession', src: 'x', session: 'S-B' });
    engine.dispatch({ verb: 'associate', session: 'S-A', interactionid: 'G-OLD', sessionid: 'S-B' });
    engine.dispatch({ verb: 'terminate', session: 'S-B', interactionid: 'G-OLD' });
    engine.dispatch({ verb: 'purge', before: Date.now() + 1000 });
    for (let i = 0; i < 40; i++) engine.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
  }

  it('answers from the file what memory no longer keeps, before and after a restart', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'history-')), 'journal.jsonl');
    // The engine keeps 10 to 20 events in memory: G-OLD's are only in the file.
    const options = { journal, retain: 10, traffic: { running: false } };
    const first = await startServer(options);
    server = first;
    history(first);
    expect(first.host.current.journalStart).toBeGreaterThan(20);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the file's flush tick

    for (const round of ['before', 'after']) {
      const running = server;
      if (running === null) throw new Error('no server');
      const found = await (await connect(running)).history({ of: 'interaction', target: 'G-OLD' });
      expect(found, round).toMatchObject({ complete: true, from: 1 });
      expect(found.record, round).toMatchObject({ state: 'ended', owner: null, udata: { k: 1 } });
      expect(
        found.events.flatMap((e) => (e.name === 'interaction.owner.changed' ? [e.data.via] : [])),
      ).toEqual(['arrival', 'associate', 'terminate']);
      const session = await connection?.history({ of: 'session', target: 'S-A' });
      expect(session?.record, round).toMatchObject({ id: 'S-A', state: 'running', interactions: [] });
      if (round === 'after') break;
      connection?.stop();
      connection = null;
      await running.close();
      server = await startServer({ ...options, port: running.address.port });
      expect(server.host.current.journalStart).toBeGreaterThan(20);
    }
  });

  it('after compaction, tells what is left: the state at the checkpoint and the events after it', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'history-')), 'journal.jsonl');
    const options = { journal, retain: 10, compactAfter: 30, traffic: { running: false } };
    const first = await startServer(options);
    server = first;
    first.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-KEPT', session: 'S-K' });
    history(first);
    await new Promise((resolve) => setTimeout(resolve, 200)); // flush, compaction
    first.host.current.dispatch({
      verb: 'setuData',
      session: 'S-K',
      interactionid: 'G-KEPT',
      udata: { n: 2 },
    });
    first.host.current.dispatch({ verb: 'terminate', session: 'S-K', interactionid: 'G-KEPT' });
    first.host.current.dispatch({ verb: 'purge', before: Date.now() + 1000 });
    for (let i = 0; i < 20; i++) first.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
    await first.close();
    server = await startServer({ ...options, port: first.address.port });
    const client = await connect(server);

    const kept = await client.history({ of: 'interaction', target: 'G-KEPT' });
    expect(kept.complete).toBe(false);
    expect(kept.from).toBeGreaterThan(1);
    // Only the events after the last checkpoint are left (compaction ran more than once here).
    expect(kept.events.every((e) => e.seq >= kept.from)).toBe(true);
    expect(kept.events.map((e) => e.name)).not.toContain('interaction.created');
    expect(kept.events.at(-1)?.name).toBe('interaction.purged');
    // Its record at the checkpoint, with the events after it folded in.
    expect(kept.record).toMatchObject({
      g_uid: 'G-KEPT',
      media: 'TMediaVoice',
      state: 'ended',
      udata: { n: 2 },
    });
    // Ended and purged before the checkpoint: nothing of it is left.
    await expect(client.history({ of: 'interaction', target: 'G-OLD' })).rejects.toMatchObject({
      code: 'unknown',
    });
  });
});
