import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { servePort } from '../connection/worker/serve-port';
import { WorkerConnection, type WorkerLike } from '../connection/worker/worker-connection';
import { EngineHost } from '../protocol/host';
import { bindConnection } from './bind-connection';
import { createInspectorStore } from './store';

/**
 * The store bound to a real engine host over a real MessageChannel, with frames the test runs by
 * hand; `eventMessages` counts the host's event messages as they reach the page's end.
 */
async function bound() {
  const host = new EngineHost({ traffic: { running: false } });
  let eventMessages = 0;
  const connection = new WorkerConnection(() => {
    const { port1, port2 } = new MessageChannel();
    servePort(port2 as unknown as WorkerLike, host);
    const page = port1 as unknown as WorkerLike;
    return {
      postMessage: (message) => page.postMessage(message),
      set onmessage(handler: WorkerLike['onmessage']) {
        page.onmessage = (event) => {
          if (event.data?.kind === 'events') eventMessages++;
          handler?.(event);
        };
      },
      get onmessage() {
        return page.onmessage;
      },
      close: () => page.close?.(),
    };
  });
  const frames: (() => void)[] = [];
  const store = createInspectorStore();
  await bindConnection(store, connection, (flush) => frames.push(flush));
  let commits = 0;
  store.subscribe(() => commits++);
  const until = async (predicate: () => boolean) => {
    for (let i = 0; i < 300 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(predicate()).toBe(true);
  };
  return {
    host,
    connection,
    store,
    frames,
    until,
    commits: () => commits,
    eventMessages: () => eventMessages,
    dispose: () => {
      connection.stop();
      host.stop();
    },
  };
}

let dispose: () => void = () => {};
afterEach(() => dispose());

describe('bindConnection: a connection feeding the store', () => {
  it('commits the events of many host messages once, in the frame after they arrived', async () => {
    const t = await bound();
    dispose = t.dispose;
    const seq = t.store.getState().seq;
    for (let i = 1; i <= 5; i++) {
      t.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
      await t.until(() => t.eventMessages() === i);
    }
    expect(t.commits()).toBe(0);
    expect(t.store.getState().seq).toBe(seq);
    expect(t.frames).toHaveLength(1);

    t.frames.shift()?.();
    expect(t.commits()).toBe(1);
    expect(t.store.getState().seq).toBe(t.host.seq);
    expect(t.store.getState().model).toEqual(t.host.current.state);
  });

  it('drops gathered events that a new snapshot supersedes', async () => {
    const t = await bound();
    dispose = t.dispose;
    const before = t.store.getState().epoch;
    t.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
    await t.until(() => t.eventMessages() === 1);
    await t.connection.reset(3);
    await t.until(() => t.store.getState().epoch !== before);
    for (const frame of t.frames.splice(0)) frame();
    expect(t.store.getState().seq).toBe(0);
    expect(t.store.getState().model.interactions.size).toBe(0);
  });

  it('shows what arrived before a change of status first', async () => {
    const t = await bound();
    dispose = () => t.host.stop();
    t.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
    await t.until(() => t.eventMessages() === 1);
    t.connection.stop();
    expect(t.store.getState().connection.status).toEqual({ state: 'closed', reason: 'stopped' });
    expect(t.store.getState().seq).toBe(t.host.seq);
  });
});
