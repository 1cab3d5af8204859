import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { Recorder } from '../connection/contract';
import { servePort } from '../connection/worker/serve-port';
import { WorkerConnection, type WorkerLike } from '../connection/worker/worker-connection';
import { EngineHost } from '../protocol/host';
import { strategy, testRealms } from '../strategy/testing';
import { bindConnection } from './bind-connection';
import { createInspectorStore } from './store';

const IDLE = strategy('idle', '<state id="a"/>');
const OTHER = strategy('other', '<state id="b"/>');
const DOCUMENTS: Record<string, string> = { 'idle.scxml': IDLE, 'other.scxml': OTHER };

/** A store bound to a host running strategies (one bundled document not mapped), over a real channel. */
async function bound() {
  const host = new EngineHost({
    traffic: { running: false },
    uploads: true,
    strategies: {
      realms: await testRealms(),
      documents: (src) => DOCUMENTS[src] ?? null,
      provisioning: new Map([['sales', 'idle.scxml']]),
      catalog: ['idle.scxml', 'other.scxml'],
    },
  });
  const open = () => {
    const { port1, port2 } = new MessageChannel();
    servePort(port2 as unknown as WorkerLike, host);
    return port1 as unknown as WorkerLike;
  };
  const store = createInspectorStore();
  const connection = new WorkerConnection(open);
  await bindConnection(store, connection, (flush) => flush());
  const until = async (predicate: () => boolean) => {
    for (let i = 0; i < 300 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(predicate()).toBe(true);
  };
  dispose = () => {
    connection.stop();
    host.stop();
  };
  return { host, store, connection, until, open };
}

let dispose: () => void = () => {};
afterEach(() => dispose());

describe("the store's strategy catalog", () => {
  it('holds the mapped queues and the offered documents once synced', async () => {
    const { store, until } = await bound();
    await until(() => store.getState().catalog !== null);
    expect(store.getState().catalog).toEqual({
      queues: [{ queue: 'sales', src: 'idle.scxml', strategy: 'idle' }],
      documents: ['idle.scxml', 'other.scxml'],
    });
  });

  it("follows a provision live, also one another page made, and lists an upload's document", async () => {
    const { store, until, open, host } = await bound();
    const other = new WorkerConnection(open);
    await other.start(new Recorder());
    await other.provision({ queue: 'billing', src: 'other.scxml' });
    await other.provision({
      queue: 'mine',
      src: 'uploaded/mine.scxml',
      text: strategy('mine', '<state id="m"/>'),
    });
    await until(() => store.getState().catalog?.queues.length === 3);
    expect(store.getState().catalog).toEqual({
      queues: [
        { queue: 'billing', src: 'other.scxml', strategy: 'other' },
        { queue: 'mine', src: 'uploaded/mine.scxml', strategy: 'mine' },
        { queue: 'sales', src: 'idle.scxml', strategy: 'idle' },
      ],
      documents: ['idle.scxml', 'other.scxml', 'uploaded/mine.scxml'],
    });
    other.stop();
    expect(host.strategies?.provisioning.get('billing')).toBe('other.scxml');
  });

  it('goes back to the provisioned queues after a reset', async () => {
    const { store, until, connection } = await bound();
    await connection.provision({ queue: 'billing', src: 'other.scxml' });
    await until(() => store.getState().catalog?.queues.length === 2);
    await connection.reset();
    await until(() => store.getState().catalog?.queues.length === 1);
    expect(store.getState().catalog?.queues.map((q) => q.queue)).toEqual(['sales']);
  });

  it('stays null from a host that runs no strategies', async () => {
    const host = new EngineHost({ traffic: { running: false } });
    const { port1, port2 } = new MessageChannel();
    servePort(port2 as unknown as WorkerLike, host);
    const store = createInspectorStore();
    const connection = new WorkerConnection(() => port1 as unknown as WorkerLike);
    await bindConnection(store, connection, (flush) => flush());
    dispose = () => {
      connection.stop();
      host.stop();
    };
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().catalog).toBeNull();
  });
});
