import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { modelFromSnapshot } from '../../engine';
import type { RunningServer } from '../../server/create-server';
import { fold, startServer } from '../../server/testing';
import { CONTRACT_STRATEGY, connectionContract, Recorder } from '../contract';
import { SocketConnection } from './socket-connection';

// The socket adapter against a real server on a loopback port, through real socket.io.
connectionContract('socket', async () => {
  const strategies = await mkdtemp(join(tmpdir(), 'contract-strategies-'));
  await writeFile(join(strategies, CONTRACT_STRATEGY.src), CONTRACT_STRATEGY.text);
  const server = await startServer({ traffic: { running: false }, strategies });
  const connection = new SocketConnection(server.address.url);
  return {
    connection,
    sideCommand: (command) => {
      server.host.current.dispatch(command);
    },
    dispose: async () => {
      connection.stop();
      await server.close();
      await rm(strategies, { recursive: true });
    },
  };
});

describe('SocketConnection across a lost link', () => {
  let server: RunningServer | null = null;
  const connections: SocketConnection[] = [];
  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.stop();
    await server?.close();
    server = null;
  });

  async function connect(url: string, reconnectionDelay = 20) {
    const connection = new SocketConnection(url, {
      reconnectionDelay,
      reconnectionDelayMax: reconnectionDelay,
    });
    connections.push(connection);
    const recorder = new Recorder();
    await connection.start(recorder);
    return { connection, recorder };
  }

  /** Drops every client's transport from the server's side, as a network failure would. */
  function dropLinks(running: RunningServer): void {
    for (const socket of running.io.of('/').sockets.values()) socket.conn.close();
  }

  function lastSeq(recorder: Recorder): number {
    return recorder.events_.at(-1)?.seq ?? recorder.snapshots.at(-1)?.snapshot.seq ?? -1;
  }

  it('loses and doubles no event when its transport drops while traffic runs', async () => {
    const running = await startServer({ traffic: { running: true, rate: 2000, seed: 3 } });
    server = running;
    const { connection, recorder } = await connect(running.address.url);
    await recorder.until(() => recorder.events_.length > 200);
    dropLinks(running);
    await recorder.until(() => recorder.resyncs.length === 1);
    const resumedAt = recorder.events_.length;
    await recorder.until(() => recorder.events_.length > resumedAt + 200);
    await connection.traffic({ running: false });
    await recorder.until(() => lastSeq(recorder) === running.host.seq);

    const first = recorder.snapshots[0];
    if (first === undefined) throw new Error('no snapshot');
    expect(recorder.snapshots).toHaveLength(1);
    expect(recorder.resyncs[0]?.mode).toBe('resume');
    const seqs = recorder.events_.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => first.snapshot.seq + i + 1));
    expect(fold(first.snapshot, recorder.events_)).toEqual(modelFromSnapshot(await connection.snapshot()));
    const states = recorder.statuses.map((s) => s.state);
    expect(states.slice(0, 3)).toEqual(['connecting', 'connected', 'reconnecting']);
    expect(recorder.statuses).toContainEqual({ state: 'reconnecting', attempt: 1 });
    expect(states.at(-1)).toBe('connected');
  });

  it('takes a fresh snapshot when the server no longer keeps the events it missed', async () => {
    const running = await startServer({ traffic: { running: false }, retain: 50 });
    server = running;
    const { recorder } = await connect(running.address.url);
    dropLinks(running);
    // 100 arrivals, 500 events, while it is away: ten times what the server keeps.
    for (let i = 0; i < 100; i++) running.host.current.dispatch({ verb: 'arrive', media: 'TMediaChat' });
    await recorder.until(() => recorder.resyncs.length === 1);

    const [before, after] = recorder.snapshots;
    expect(recorder.resyncs[0]).toMatchObject({ mode: 'snapshot', seq: running.host.seq });
    expect(after?.epoch).toBe(before?.epoch);
    expect(after?.snapshot).toEqual(JSON.parse(JSON.stringify(running.host.current.snapshot())));
    expect(recorder.events_).toEqual([]);
  });

  it('takes a snapshot, not a resume, when the server was reset while it was away', async () => {
    const running = await startServer({ traffic: { running: false } });
    server = running;
    for (let i = 0; i < 4; i++) running.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
    // Away for a second: long enough for another operator to reset and overtake its seq.
    const away = await connect(running.address.url, 1000);
    const other = await connect(running.address.url);
    const heldSeq = lastSeq(away.recorder);
    dropLinks(running);
    await away.recorder.until(() => away.recorder.statuses.at(-1)?.state === 'reconnecting');
    // The other page lost its link too, and writes nothing until it has it back.
    await other.recorder.until(() => other.recorder.statuses.at(-1)?.state === 'connected');
    await other.connection.reset(9);
    for (let i = 0; i < 10; i++) running.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
    expect(running.host.seq).toBeGreaterThan(heldSeq);
    await away.recorder.until(() => away.recorder.resyncs.length === 1, 5000);

    const [before, after] = away.recorder.snapshots;
    expect(away.recorder.resyncs[0]?.mode).toBe('snapshot');
    expect(after?.epoch).not.toBe(before?.epoch);
    expect(after?.snapshot.seq).toBe(running.host.seq);
  });
});
