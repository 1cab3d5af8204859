import { type ReactFlowState, useStore } from '@xyflow/react';

/**
 * Below this zoom a node's text is a few pixels high: nobody reads it, yet the browser still lays
 * out, paints and layerizes every glyph and icon of up to a thousand nodes on each redraw. Far
 * out, nodes draw as plain boxes in their colours (selection, flash and drop feedback included).
 */
export const DETAIL_ZOOM = 0.4;

const selectDetailed = (state: ReactFlowState): boolean => state.transform[2] >= DETAIL_ZOOM;

/** Whether nodes are drawn in full at the current zoom; re-renders only when that flips. */
export function useDetailed(): boolean {
  return useStore(selectDetailed);
}
