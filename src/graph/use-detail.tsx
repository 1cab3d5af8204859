import { type ReactFlowState, useStore } from '@xyflow/react';
import { createContext, type ReactNode, useContext } from 'react';

/**
 * Below this zoom a node's text is a few pixels high: nobody reads it, yet the browser still lays
 * out, paints and layerizes every glyph and icon of up to a thousand nodes on each redraw. Far
 * out, nodes draw as plain boxes in their colours (selection, flash and drop feedback included).
 */
export const DETAIL_ZOOM = 0.4;

const selectDetailed = (state: ReactFlowState): boolean => state.transform[2] >= DETAIL_ZOOM;

const DetailContext = createContext(true);

/**
 * Reads the zoom once for every node: a thousand nodes each subscribed to React Flow's store would
 * each be asked again at every change of that store (every redraw, every pan).
 */
export function DetailProvider({ children }: { children: ReactNode }) {
  return <DetailContext.Provider value={useStore(selectDetailed)}>{children}</DetailContext.Provider>;
}

/** Whether nodes are drawn in full at the current zoom; nodes re-render only when that flips. */
export function useDetailed(): boolean {
  return useContext(DetailContext);
}
