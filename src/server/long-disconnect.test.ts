import { connect, createServer as createTcpServer, type Socket as TcpSocket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Recorder } from '../connection/contract';
import { SocketConnection } from '../connection/socket/socket-connection';
import { modelFromSnapshot } from '../engine';
import type { RunningServer } from './create-server';
import { fold, startServer } from './testing';

const OUTAGE_MS = 60_000;

/**
 * A TCP hop between the client and the server that can go down like a network does: `cut()`
 * drops every link at once and turns new ones away until `restore()`. Neither end is told
 * anything; the client only sees its transport close and its reconnection attempts fail.
 */
async function linkProxy(target: number) {
  const links = new Set<TcpSocket>();
  let down = false;
  const server = createTcpServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      links.add(a);
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        links.delete(a);
        b.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      for (const socket of links) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('SocketConnection across a long outage', () => {
  let server: RunningServer | null = null;
  let proxy: Awaited<ReturnType<typeof linkProxy>> | null = null;
  let connection: SocketConnection | null = null;
  afterEach(async () => {
    connection?.stop();
    proxy?.cut();
    await proxy?.close();
    await server?.close();
    connection = null;
    proxy = null;
    server = null;
  });

  it('loses and doubles no event across a 60 s disconnect with traffic at 200 events/s', async () => {
    const running = await startServer({ traffic: { running: true, rate: 200, seed: 11 } });
    server = running;
    const link = await linkProxy(running.address.port);
    proxy = link;
    // The production backoff (250 ms doubling to 5 s): about fifteen failed attempts in a minute.
    const client = new SocketConnection(link.url);
    connection = client;
    const recorder = new Recorder();
    await client.start(recorder);
    await recorder.until(() => recorder.events_.length > 100);

    link.cut();
    await recorder.until(() => recorder.statuses.at(-1)?.state === 'reconnecting');
    const seqAtCut = running.host.seq;
    const heldAtCut = recorder.events_.length;
    const lastHeld = recorder.events_.at(-1)?.seq;
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    // Traffic went on for a minute (how much of it depends on the machine), and none reached the client.
    expect(running.host.seq).toBeGreaterThan(seqAtCut);
    expect(recorder.events_.length).toBe(heldAtCut);
    expect(recorder.resyncs).toEqual([]);
    expect(recorder.statuses.at(-1)?.state).toBe('reconnecting');
    const attempts = recorder.statuses.filter((s) => s.state === 'reconnecting').length;
    expect(attempts).toBeGreaterThan(5);

    link.restore();
    await recorder.until(() => recorder.resyncs.length === 1, 10_000);
    await client.traffic({ running: false });
    await recorder.until(() => recorder.events_.at(-1)?.seq === running.host.seq, 10_000);

    const first = recorder.snapshots[0];
    if (first === undefined) throw new Error('no snapshot');
    expect(recorder.snapshots).toHaveLength(1);
    expect(recorder.resyncs[0]).toEqual({ mode: 'resume', seq: expect.any(Number), after: lastHeld });
    const seqs = recorder.events_.map((e) => e.seq);
    // Every seq once, in order, from the first snapshot to the server's last event.
    expect(seqs).toEqual(seqs.map((_, i) => first.snapshot.seq + i + 1));
    expect(seqs.at(-1)).toBe(running.host.seq);
    expect(fold(first.snapshot, recorder.events_)).toEqual(modelFromSnapshot(await client.snapshot()));
    expect(recorder.statuses.at(-1)).toEqual({ state: 'connected', role: 'operator' });
  }, 120_000);
});
