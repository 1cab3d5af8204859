import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostMessage, TrafficStatus } from '../protocol/messages';
import { DEFAULT_STRATEGIES } from './cli-options';
import type { RunningServer } from './create-server';
import { startServer, until } from './testing';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The traffic status a client is told when it syncs. */
function trafficOf(running: RunningServer): TrafficStatus | undefined {
  const inbox: HostMessage[] = [];
  const client = { role: 'viewer' as const, send: (message: HostMessage) => inbox.push(message) };
  running.host.connect(client);
  running.host.receive(client, { v: 1, id: 1, type: 'sync' });
  running.host.disconnect(client);
  const snapshot = inbox.find((m) => m.kind === 'snapshot');
  return snapshot?.kind === 'snapshot' ? snapshot.traffic : undefined;
}

/** The strategy that made the first move of each arrival-started session, in arrival order. */
function arrivals(running: RunningServer): (string | undefined)[] {
  const journal = running.host.current.eventsSince(0) ?? [];
  return journal.flatMap((e) =>
    e.name === 'session.started' && e.data.trigger === 'arrival'
      ? [journal.find((m) => m.session === e.session && m.cause.strategy)?.cause.strategy?.strategy]
      : [],
  );
}

describe('npm run server runs the sample strategies by default', () => {
  it('[X10] with the samples directory: the desk runs, arrivals reach the samples, random traffic waits paused', async () => {
    server = await startServer({ strategies: DEFAULT_STRATEGIES });
    expect(server.host.strategies?.query('desk')?.strategy).toBe('AgentDesk');
    expect(trafficOf(server)?.running).toBe(false);
    const running = server;
    await until(() => arrivals(running).filter(Boolean).length >= 2, 10_000);
    expect(arrivals(running).slice(0, 2)).toEqual(['GreetAndRoute', 'Transfer']);
  }, 20_000);

  it('traffic asked for runs beside them; a directory without samples.json runs no demo and random traffic as before', async () => {
    server = await startServer({ strategies: DEFAULT_STRATEGIES, traffic: { running: true } });
    expect(trafficOf(server)?.running).toBe(true);
    await server.close();
    const dir = mkdtempSync(join(tmpdir(), 'own-strategies-'));
    server = await startServer({ strategies: dir });
    expect(trafficOf(server)?.running).toBe(true);
    expect(server.host.strategies?.query('desk')).toBeNull();
  }, 20_000);

  it('a samples.json that is not a manifest stops the start, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-samples-'));
    writeFileSync(join(dir, 'samples.json'), JSON.stringify({ provisioning: { sales: '' } }));
    await expect(startServer({ strategies: dir })).rejects.toThrow(
      'samples.json: manifest.provisioning.sales must not be empty',
    );
  });
});
