import { CELL_HEIGHT, CELL_WIDTH } from './layout';

/** A pane's size in CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Before the pane is measured (and in tests without one). */
export const DEFAULT_COLUMNS = 4;
/**
 * The grid is shaped for at least this many sessions, so the first ones to arrive do not reflow it
 * again and again.
 */
const SHAPED_FOR = 12;
/**
 * A column count is kept while the ideal stays within half a column plus this share of the count:
 * a scrollbar or a few pixels of resize move the ideal by a percent or two, never that far.
 */
const HYSTERESIS = 0.25;

/**
 * How many columns give the grid of `sessions` (with the Unowned column left of it) the pane's
 * shape, as a real number: with c columns and n/c rows, (c + 1) cells wide by n/c cells high has
 * the pane's aspect ratio when c(c + 1) = n · (width / height) · (cell height / cell width).
 */
export function idealColumns(pane: Size, sessions: number): number {
  const k = Math.max(sessions, SHAPED_FOR) * (pane.width / pane.height) * (CELL_HEIGHT / CELL_WIDTH);
  return (Math.sqrt(1 + 4 * k) - 1) / 2;
}

/**
 * The session grid's column count: the far view then fills a wide pane and a tall one alike. It
 * follows the pane's shape and the number of sessions with hysteresis, because each change
 * reflows every session (in the same order: a session's slot is kept, layout.ts).
 */
export class GridColumns {
  private count: number | null = null;

  choose(pane: Size, sessions: number): number {
    if (pane.width <= 0 || pane.height <= 0) return this.count ?? DEFAULT_COLUMNS;
    const ideal = idealColumns(pane, sessions);
    if (this.count === null || Math.abs(ideal - this.count) >= 0.5 + HYSTERESIS * this.count) {
      this.count = Math.max(1, Math.round(ideal));
    }
    return this.count;
  }
}
