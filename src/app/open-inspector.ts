import { SocketConnection } from '../connection/socket/socket-connection';
import type { Connection } from '../connection/types';
import { WorkerConnection } from '../connection/worker/worker-connection';
import { associate } from '../store/actions/associate';
import type { ActionContext } from '../store/actions/context';
import { bindConnection } from '../store/bind-connection';
import { createPreferencesStore, DEFAULT_PREFERENCES, type PreferencesStore } from '../store/preferences';
import { NO_FILTERS } from '../store/state';
import { createInspectorStore } from '../store/store';
import { readDeepLink } from './deep-link';
import { keepPreferences } from './preferences/keep-preferences';
import { type PreferenceStorage, readSaved } from './preferences/saved-preferences';
import { linkedRecording, reportFailedRecording } from './recording/open-recording';
import { PendingView } from './url-state/pending-view';
import { restoreView } from './url-state/restore-view';

export interface Inspector extends ActionContext {
  /** Resolves once the first snapshot is in the store. */
  readonly ready: Promise<void>;
  readonly preferences: PreferencesStore;
  /** What of the link's view is still to be put on screen. */
  readonly pending: PendingView;
}

/** The typed test API on `window`, for e2e tests to read state and call the same actions. */
declare global {
  interface Window {
    __inspector?: Inspector & { readonly associate: typeof associate };
  }
}

/**
 * Picks the engine (the in-browser worker by default), makes the store, and connects them; sets
 * the page as the browser's saved preferences and then the link say (a link's view wins).
 */
export function openInspector(
  url: URL,
  storage: PreferenceStorage | null = browserStorage(),
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
  const saved = storage === null ? null : readSaved(storage);
  const preferences = createPreferencesStore({
    time: saved?.time ?? DEFAULT_PREFERENCES.time,
    legend: saved?.legend ?? DEFAULT_PREFERENCES.legend,
    triage: link.view.triage ?? saved?.triage ?? DEFAULT_PREFERENCES.triage,
  });
  const filters = link.view.filters ?? (saved === null ? null : { ...NO_FILTERS, ...saved.filters });
  if (filters !== null) store.getState().setFilters(filters);
  if (storage !== null) keepPreferences(preferences, store, storage);
  const pending = new PendingView(link.view);
  const ready = bindConnection(store, connection).then(async () => {
    if (Object.keys(link.traffic).length > 0 && connection.role === 'operator')
      await connection.traffic(link.traffic);
  });
  reportFailedRecording(store, connection, ready);
  // A page that never connects has nothing to select; it says so elsewhere.
  ready.then(
    () => restoreView(store, pending),
    () => {},
  );
  const inspector = { store, connection, ready, preferences, pending };
  window.__inspector = { ...inspector, associate };
  return inspector;
}

/** The browser's storage, or null where the page may not use it (a sandboxed frame, a policy). */
function browserStorage(): PreferenceStorage | null {
  try {
    return window.localStorage;
  } catch {
    console.warn("Preferences: the browser's storage is not available here; they will not be kept.");
    return null;
  }
}
