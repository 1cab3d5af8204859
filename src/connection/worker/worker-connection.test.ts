import { MessageChannel } from 'node:worker_threads';
import { EngineHost } from '../../protocol/host';
import { loadRealmFactory } from '../../scxml/script/node-realms';
import { CONTRACT_STRATEGY, connectionContract } from '../contract';
import { servePort } from './serve-port';
import { WorkerConnection, type WorkerLike } from './worker-connection';

// The worker adapter over a real MessageChannel (structured clone and all), its host served by
// the same servePort the Web Worker runs. Real Chromium runs the real Worker in the e2e tests.
connectionContract('worker', async () => {
  const host = new EngineHost({
    traffic: { running: false },
    strategies: {
      realms: await loadRealmFactory(),
      documents: (src) => (src === CONTRACT_STRATEGY.src ? CONTRACT_STRATEGY.text : null),
    },
    uploads: true,
  });
  const connection = new WorkerConnection(() => {
    const { port1, port2 } = new MessageChannel();
    servePort(port2 as unknown as WorkerLike, host);
    return port1 as unknown as WorkerLike;
  });
  return {
    connection,
    sideCommand: (command) => {
      host.current.dispatch(command);
    },
    dispose: () => {
      connection.stop();
      host.stop();
    },
  };
});
