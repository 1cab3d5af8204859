import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { servePort } from '../../connection/worker/serve-port';
import { WorkerConnection, type WorkerLike } from '../../connection/worker/worker-connection';
import { EngineHost } from '../../protocol/host';
import { bindConnection } from '../bind-connection';
import { createInspectorStore } from '../store';
import { associate, checkAssociate } from './associate';

/** The store on a real engine host, over a real MessageChannel: what the page runs, minus the Worker. */
async function inspector() {
  const host = new EngineHost({ traffic: { running: false } });
  host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice', session: 'S-A', g_uid: 'G1' });
  host.current.dispatch({ verb: 'startSession', src: 'x', session: 'S-B' });
  const connection = new WorkerConnection(() => {
    const { port1, port2 } = new MessageChannel();
    servePort(port2 as unknown as WorkerLike, host);
    return port1 as unknown as WorkerLike;
  });
  const store = createInspectorStore();
  await bindConnection(store, connection);
  const until = async (predicate: () => boolean) => {
    for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(predicate()).toBe(true);
  };
  return {
    host,
    connection,
    store,
    ctx: { store, connection },
    until,
    dispose: () => {
      connection.stop();
      host.stop();
    },
  };
}

let dispose: () => void = () => {};
afterEach(() => dispose());

describe('the associate action (drag, keyboard and tests all call it)', () => {
  it('[A3][A4][A5] accepted: one command, the owner as requester; the log shows the five events in order', async () => {
    const t = await inspector();
    dispose = t.dispose;
    expect(checkAssociate(t.store.getState(), { g_uid: 'G1', target: 'S-B', origin: 'drag' })).toBeNull();
    const result = await associate(t.ctx, { g_uid: 'G1', target: 'S-B', origin: 'drag' });
    expect(result.ok).toBe(true);
    await t.until(() => t.store.getState().model.interactions.get('G1')?.owner === 'S-B');
    const rows = t.store
      .getState()
      .log.rows.flatMap((r) => (r.kind === 'event' && r.event.cause.origin === 'drag' ? [r.event] : []));
    expect(rows.map((e) => `${e.name} ${e.session}`)).toEqual([
      'interaction.owner.changed S-B',
      'interaction.added S-B',
      'interaction.present S-B',
      'interaction.deleted S-A',
      'interaction.notcontrolled S-A',
      'interaction.associate.done S-A',
    ]);
    expect(rows[0]?.cause).toMatchObject({ verb: 'associate', origin: 'drag' });
  });

  it('[A6] refused: the engine error shows in a toast and in the log, and nothing else changes', async () => {
    const t = await inspector();
    dispose = t.dispose;
    const before = t.store.getState().model;
    const seq = t.store.getState().seq;
    expect(checkAssociate(t.store.getState(), { g_uid: 'G1', target: 'S-A', origin: 'drag' })?.code).toBe(
      'invaliddestination',
    );
    const result = await associate(t.ctx, { g_uid: 'G1', target: 'S-A', origin: 'drag' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invaliddestination', field: 'sessionid' } });
    const state = t.store.getState();
    expect(state.toasts.at(-1)?.title).toBe('error.interaction.associate: invaliddestination');
    expect(state.log.rows.at(-1)).toMatchObject({
      kind: 'error',
      interaction: 'G1',
      session: 'S-A',
      origin: 'drag',
    });
    expect(state.model).toBe(before);
    expect(state.seq).toBe(seq);
    expect((await t.connection.snapshot()).seq).toBe(seq);
  });
});
