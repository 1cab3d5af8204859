import type { Size } from './columns';
import { CELL_HEIGHT, CELL_WIDTH, GAP, type Rect } from './layout';

/** React Flow's viewport: the flow's origin on the pane (CSS pixels) and the zoom. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * The first view's zoom: at least this, where names read; the overview (80 px high) then fits
 * in the body of the last row shown, below its names (see `firstView`).
 */
export const FIRST_ZOOM_MIN = 0.45;
/** Nor blown up over a few sessions on a big pane. */
export const FIRST_ZOOM_MAX = 1.5;
/** The pane's bottom edge falls this far (flow units) above the top of the first row not shown. */
const EDGE_ABOVE_NEXT_ROW = 4;

/**
 * The first view of an engine's graph: the Unowned column and the top rows of a grid of `columns`,
 * whole rows only, with `top` CSS pixels left above them for the Find box. The pane's bottom edge
 * falls just above the next row, so no name is cut there, and the overview in the bottom-right
 * corner lies over the body of the last row shown (its interactions), below that row's names:
 * a row's names take its top 24 flow units, so the corner holds the overview when
 * (CELL_HEIGHT - 4 - 24) * zoom >= its height plus margin, 95 px at FIRST_ZOOM_MIN.
 */
export function firstView(pane: Size, top: number, columns: number): Viewport {
  const height = Math.max(1, pane.height - top);
  const width = (columns + 1) * CELL_WIDTH;
  const wanted = Math.min(Math.max(pane.width / width, FIRST_ZOOM_MIN), FIRST_ZOOM_MAX);
  // As many rows as keep every column in view at the wanted zoom, but no fewer than that zoom's.
  let rows = Math.max(1, Math.ceil(height / (CELL_HEIGHT * wanted)));
  while (rows > 1 && zoomFor(height, rows) < FIRST_ZOOM_MIN) rows--;
  const zoom = zoomFor(height, rows);
  const shown = (width - GAP) * zoom;
  return { x: Math.max((GAP / 2) * zoom, (pane.width - shown) / 2), y: top, zoom };
}

/** The zoom at which `rows` rows end just above the next one. */
function zoomFor(height: number, rows: number): number {
  return height / (rows * CELL_HEIGHT - EDGE_ABOVE_NEXT_ROW);
}

/** Fit view's margin around the graph, in CSS pixels. */
const FIT_MARGIN = 16;

/**
 * Fit view: all of `bounds` (flow coordinates), centred, below the `top` CSS pixels kept for the
 * Find box, so that box covers no name; at most `maxZoom`.
 */
export function fitBelow(bounds: Rect, pane: Size, top: number, maxZoom: number): Viewport {
  const width = Math.max(1, pane.width - 2 * FIT_MARGIN);
  const height = Math.max(1, pane.height - top - FIT_MARGIN);
  const zoom = Math.min(width / Math.max(1, bounds.width), height / Math.max(1, bounds.height), maxZoom);
  return {
    x: (pane.width - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: top + (height - bounds.height * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
}
