import type { ReactFlowState } from '@xyflow/react';
import type { Rect } from '../scene/layout';

/** The area is snapped to tiles this big (flow coordinates), so that it changes once per tile. */
export const AREA_TILE = 500;

/**
 * The part of the graph React Flow is given nodes for, close up: the view and half a view around
 * it, snapped out to whole tiles. React Flow's work per redraw grows with every node it holds,
 * drawn or not (it adopts and re-selects each), so it holds those near the view; a pan re-derives
 * the nodes only when the area crosses a tile.
 */
export function selectArea({ transform: [x, y, zoom], width, height }: ReactFlowState): Rect {
  const viewWidth = width / zoom;
  const viewHeight = height / zoom;
  const left = Math.floor((-x / zoom - viewWidth / 2) / AREA_TILE) * AREA_TILE;
  const top = Math.floor((-y / zoom - viewHeight / 2) / AREA_TILE) * AREA_TILE;
  const right = Math.ceil((-x / zoom + viewWidth * 1.5) / AREA_TILE) * AREA_TILE;
  const bottom = Math.ceil((-y / zoom + viewHeight * 1.5) / AREA_TILE) * AREA_TILE;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export function sameArea(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
