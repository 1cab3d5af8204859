import { SocketConnection } from '../connection/socket/socket-connection';
import type { Connection } from '../connection/types';
import { WorkerConnection } from '../connection/worker/worker-connection';
import { associate } from '../store/actions/associate';
import type { ActionContext } from '../store/actions/context';
import { bindConnection } from '../store/bind-connection';
import { createInspectorStore } from '../store/store';
import { readDeepLink } from './deep-link';
import { linkedRecording, reportFailedRecording } from './recording/open-recording';

export interface Inspector extends ActionContext {
  /** Resolves once the first snapshot is in the store. */
  readonly ready: Promise<void>;
}

/** The typed test API on `window`, for e2e tests to read state and call the same actions. */
declare global {
  interface Window {
    __inspector?: Inspector & { readonly associate: typeof associate };
  }
}

/** Picks the engine (the in-browser worker by default), makes the store, and connects them. */
export function openInspector(
  url: URL,
  /** A recording opened from a file (App); without it, the link's recording or engine. */
  chosen?: Connection,
): Inspector {
  const link = readDeepLink(url);
  const problems = [...link.problems];
  const connection: Connection =
    chosen ??
    linkedRecording(url, problems) ??
    (link.engine === null
      ? new WorkerConnection()
      : new SocketConnection(link.engine, link.token === null ? {} : { token: link.token }));
  // No role until the host answers: a URL that never does grants none.
  const store = createInspectorStore(connection.kind, null);
  for (const problem of problems) store.getState().toast({ tone: 'error', title: 'Link', text: problem });
  const ready = bindConnection(store, connection).then(async () => {
    if (Object.keys(link.traffic).length > 0 && connection.role === 'operator')
      await connection.traffic(link.traffic);
  });
  reportFailedRecording(store, connection, ready);
  const inspector = { store, connection, ready };
  window.__inspector = { ...inspector, associate };
  return inspector;
}
