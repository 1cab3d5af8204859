import type { Connection } from '../connection/types';
import { FrameBatcher, type Schedule } from './frame-batcher';
import { settleUnsettled } from './settle';
import type { InspectorStore } from './store';

/**
 * Feeds everything a connection says into the store; returns the promise of the first sync.
 * Events are gathered per frame (FrameBatcher), so the store commits, and the page redraws, at
 * most once per paced frame whatever the event rate. `nextFrame` is the page's paced frame unless
 * a test drives the frames itself.
 */
export function bindConnection(
  store: InspectorStore,
  connection: Connection,
  nextFrame?: Schedule,
): Promise<void> {
  const actions = store.getState();
  const batcher = new FrameBatcher((events) => actions.applyEvents(events), nextFrame);
  return connection.start({
    snapshot: (message) => {
      // It holds every event gathered so far.
      batcher.clear();
      actions.loadSnapshot(message);
    },
    events: (events) => batcher.push(events),
    traffic: (status) => actions.setTraffic(status),
    strategies: (labels) => actions.applyStrategies(labels),
    catalog: (catalog) => actions.setCatalog(catalog),
    status: (status) => {
      // What arrived before a status change is shown before it.
      batcher.flush();
      actions.setConnection(status);
    },
    resynced: ({ mode, seq, after }) => {
      batcher.flush();
      // A snapshot resync marks the log itself (loadSnapshot); a resume is marked here.
      if (mode === 'resume') {
        actions.addLogRow({
          kind: 'marker',
          time: Date.now(),
          seq,
          text: `reconnected: resumed after seq ${after}, caught up to seq ${seq}, nothing lost`,
        });
      }
      settleUnsettled(store, mode);
    },
  });
}
