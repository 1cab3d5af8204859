import type { ReactFlowState } from '@xyflow/react';
import { createContext, type ReactNode, useContext } from 'react';

/**
 * Below this zoom a node's text is a few pixels high: nobody reads it, and up to a thousand nodes
 * can be in view. Far out, the far view paints the graph as coloured boxes (far-view.ts), and
 * React Flow draws only the chip under the pointer or dragged, as a box of its colour.
 */
export const DETAIL_ZOOM = 0.4;

export const selectFar = (state: ReactFlowState): boolean => state.transform[2] < DETAIL_ZOOM;

const DetailContext = createContext(true);

/** Tells the nodes whether to draw in full; read once for all of them by the graph. */
export function DetailProvider({ detailed, children }: { detailed: boolean; children: ReactNode }) {
  return <DetailContext.Provider value={detailed}>{children}</DetailContext.Provider>;
}

/** Whether nodes are drawn in full at the current zoom; nodes re-render only when that flips. */
export function useDetailed(): boolean {
  return useContext(DetailContext);
}
