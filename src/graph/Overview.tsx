import { MiniMap, type ReactFlowState, useStore } from '@xyflow/react';
import { useCallback } from 'react';
import type { Rect } from './layout';
import type { GraphNode } from './nodes';

/**
 * The minimap, while part of the graph is out of view. With all of it in view the minimap would
 * only repeat it, at the price of redrawing every node a second time on each redraw.
 */
export function Overview({ bounds }: { bounds: Rect | null }) {
  const needed = useStore(useCallback((state: ReactFlowState) => !inView(bounds, state), [bounds]));
  if (!needed) return null;
  return (
    <MiniMap<GraphNode> pannable zoomable nodeClassName={miniMapClass} ariaLabel="Overview of the graph" />
  );
}

/** Whether `bounds` (flow coordinates) lies within the pane, to the pixel. */
function inView(bounds: Rect | null, { transform: [x, y, zoom], width, height }: ReactFlowState): boolean {
  if (bounds === null) return true;
  const left = bounds.x * zoom + x;
  const top = bounds.y * zoom + y;
  return (
    left >= -1 &&
    top >= -1 &&
    left + bounds.width * zoom <= width + 1 &&
    top + bounds.height * zoom <= height + 1
  );
}

function miniMapClass(node: GraphNode): string {
  return node.type === 'interaction' ? `mini-${node.data.kind}` : `mini-${node.type}`;
}
