import type { Connection } from '../connection/types';
import type { InspectorStore } from './store';

/** Feeds everything a connection says into the store; returns the promise of the first sync. */
export function bindConnection(store: InspectorStore, connection: Connection): Promise<void> {
  const actions = store.getState();
  return connection.start({
    snapshot: (message) => actions.loadSnapshot(message),
    events: (events) => actions.applyEvents(events),
    traffic: (status) => actions.setTraffic(status),
    status: (status) => actions.setConnection(status),
    resynced: ({ mode, seq, after }) => {
      // A snapshot resync marks the log itself (loadSnapshot); a resume is marked here.
      if (mode === 'resume') {
        actions.addLogRow({
          kind: 'marker',
          time: Date.now(),
          seq,
          text: `reconnected: resumed after seq ${after}, caught up to seq ${seq}, nothing lost`,
        });
      }
    },
  });
}
