// Controller helpers for the graph's tests.
import type { InspectorStore } from '../../store/store';
import { selectLineage } from '../lineage/select-lineage';
import type { GraphInput } from './graph-controller';

/** What the graph view gives its controller, from the store as it is; `options` override. */
export function graphInput(store: InspectorStore, options: Partial<GraphInput> = {}): GraphInput {
  const s = store.getState();
  return {
    model: s.model,
    epoch: s.epoch,
    at: s.at,
    moves: s.moves,
    selection: s.selection,
    lineage: selectLineage(s),
    canDrag: s.connection.role === 'operator',
    reducedMotion: false,
    far: false,
    area: null,
    pane: { width: 0, height: 0 },
    ...options,
  };
}
