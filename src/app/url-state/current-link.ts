import type { ReactFlowState } from '@xyflow/react';
import type { Preferences } from '../../store/preferences';
import type { InspectorState } from '../../store/state';
import type { PendingView } from './pending-view';
import { writeViewLink } from './view-link';

/**
 * The page's URL for the view on screen: the selection, the moment, the log's filters, the
 * triage limits and the graph's viewport, with the link's parts not shown yet as the link had them.
 */
export function currentLink(
  url: URL,
  state: InspectorState,
  preferences: Pick<Preferences, 'triage'>,
  flow: Pick<ReactFlowState, 'transform'>,
  pending: PendingView,
): URL {
  const [x, y, zoom] = flow.transform;
  // Before the first snapshot the graph has no view of its own yet.
  const viewport = state.epoch === null ? null : { x, y, zoom };
  return writeViewLink(
    url,
    pending.over({
      selection: state.selection,
      at: state.at,
      filters: state.filters,
      triage: preferences.triage,
      viewport,
    }),
  );
}
