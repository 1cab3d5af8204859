import { describe, expect, it } from 'vitest';
import { FIRST_ZOOM_MAX, FIRST_ZOOM_MIN, firstView, fitBelow } from './first-view';
import { CELL_HEIGHT, CELL_WIDTH, GAP } from './layout';

/** Where the pane's bottom edge falls in the grid's rows, in flow units from a row's top. */
function bottomInRow(height: number, view: { y: number; zoom: number }): number {
  const bottom = (height - view.y) / view.zoom;
  return bottom % CELL_HEIGHT;
}

const PANES = [
  { width: 704, height: 406 },
  { width: 960, height: 426 },
  { width: 1600, height: 684 },
  { width: 500, height: 1200 },
  { width: 2400, height: 1300 },
];

describe('first view', () => {
  it('shows whole rows: the bottom edge falls in the gap below a row, so no name is cut there', () => {
    for (const pane of PANES) {
      for (const columns of [1, 3, 4, 5, 8]) {
        for (const top of [0, 63]) {
          const view = firstView(pane, top, columns);
          const edge = bottomInRow(pane.height, view);
          // Past the last row's container (its cell's height less the gap), short of the next row.
          expect(edge === 0 || edge > CELL_HEIGHT - GAP).toBe(true);
          expect(view.y).toBe(top);
        }
      }
    }
  });

  it('reads: zoom within bounds, whatever the pane and the grid', () => {
    for (const pane of PANES) {
      for (const columns of [1, 3, 4, 5, 8]) {
        const view = firstView(pane, 60, columns);
        expect(view.zoom).toBeGreaterThanOrEqual(FIRST_ZOOM_MIN);
        expect(view.zoom).toBeLessThanOrEqual(FIRST_ZOOM_MAX * 1.01);
      }
    }
  });

  it('shows every column, with the Unowned one, at the sizes the grid takes for a dozen sessions', () => {
    // Browser windows of 1024x700, 1280x720, 1920x1080 and a tall one; columns.ts's count there.
    const cases = [
      { pane: { width: 704, height: 406 }, columns: 4 },
      { pane: { width: 960, height: 426 }, columns: 5 },
      { pane: { width: 1600, height: 684 }, columns: 5 },
      { pane: { width: 500, height: 1200 }, columns: 2 },
    ];
    for (const { pane, columns } of cases) {
      const view = firstView(pane, 60, columns);
      const gridWidth = (columns + 1) * CELL_WIDTH - GAP;
      expect(view.x).toBeGreaterThanOrEqual(0);
      expect(view.x + gridWidth * view.zoom).toBeLessThanOrEqual(pane.width);
    }
  });

  it('shows more rows on a tall pane than on a wide one', () => {
    const rows = (pane: { width: number; height: number }) => {
      const view = firstView(pane, 0, 3);
      return Math.round((pane.height - view.y) / view.zoom / CELL_HEIGHT);
    };
    expect(rows({ width: 500, height: 1200 })).toBeGreaterThan(rows({ width: 1600, height: 684 }));
  });
});

describe('fit view', () => {
  it('shows all of the graph, centred, below the band kept for the Find box', () => {
    const bounds = { x: 0, y: 0, width: 1800, height: 1200 };
    for (const pane of PANES) {
      for (const top of [0, 63]) {
        const view = fitBelow(bounds, pane, top, 2);
        const left = view.x;
        const right = view.x + bounds.width * view.zoom;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(pane.width);
        expect(view.y).toBeGreaterThanOrEqual(top);
        expect(view.y + bounds.height * view.zoom).toBeLessThanOrEqual(pane.height);
      }
    }
  });

  it('zooms no closer than the graph allows', () => {
    expect(fitBelow({ x: 0, y: 0, width: 10, height: 10 }, { width: 800, height: 600 }, 60, 2).zoom).toBe(2);
  });
});
