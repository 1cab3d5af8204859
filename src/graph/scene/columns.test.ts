import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, GridColumns, idealColumns } from './columns';
import { CELL_HEIGHT, CELL_WIDTH, GAP, slotOrigin } from './layout';

/** The grid's width over its height, with the Unowned column, for `sessions` in `columns`. */
function gridAspect(sessions: number, columns: number): number {
  const rows = Math.ceil(sessions / columns);
  return ((columns + 1) * CELL_WIDTH - GAP) / (rows * CELL_HEIGHT - GAP);
}

const WIDE = { width: 1600, height: 684 };
const TALL = { width: 500, height: 1200 };

describe('grid columns', () => {
  it('gives a wide pane more columns than a tall one, for the same sessions', () => {
    for (const sessions of [0, 12, 50, 200, 800]) {
      expect(new GridColumns().choose(WIDE, sessions)).toBeGreaterThan(
        new GridColumns().choose(TALL, sessions),
      );
    }
  });

  it('shapes a grid of many sessions like the pane, so the far view fills it', () => {
    for (const pane of [WIDE, TALL, { width: 704, height: 406 }]) {
      for (const sessions of [100, 300, 1000]) {
        const columns = new GridColumns().choose(pane, sessions);
        const ratio = gridAspect(sessions, columns) / (pane.width / pane.height);
        // One column more or less would fit worse; this one is within a column's worth of the pane.
        expect(ratio).toBeGreaterThan(0.75);
        expect(ratio).toBeLessThan(1.35);
      }
    }
    // The old fixed four columns: 300 sessions on a wide pane filled a tenth of its width.
    expect(gridAspect(300, 4) / (WIDE.width / WIDE.height)).toBeLessThan(0.1);
  });

  it('does not reflow when the pane changes by a few pixels, or a scrollbar comes and goes', () => {
    for (let width = 300; width <= 2400; width += 37) {
      for (let height = 200; height <= 1400; height += 53) {
        for (const sessions of [0, 12, 40, 250]) {
          const grid = new GridColumns();
          const columns = grid.choose({ width, height }, sessions);
          for (const change of [-20, -15, -3, 3, 15, 20]) {
            expect(grid.choose({ width: width + change, height }, sessions)).toBe(columns);
            expect(grid.choose({ width, height: height + change }, sessions)).toBe(columns);
          }
        }
      }
    }
  });

  it('does not flip back and forth as sessions come and go around a threshold', () => {
    const grid = new GridColumns();
    const counts: number[] = [];
    let sessions = 0;
    // Arrivals with churn: up by three, down by two, up to 400 sessions.
    while (sessions < 400) {
      sessions += 3;
      counts.push(grid.choose(WIDE, sessions));
      sessions -= 2;
      counts.push(grid.choose(WIDE, sessions));
    }
    const changes = counts.filter((count, i) => i > 0 && count !== counts[i - 1]).length;
    // Only as the grid grows: each change is to more columns, a handful in all.
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThanOrEqual(8);
  });

  it("follows a resize that changes the pane's shape", () => {
    const grid = new GridColumns();
    const wide = grid.choose(WIDE, 100);
    const tall = grid.choose(TALL, 100);
    expect(tall).toBeLessThan(wide);
    expect(tall).toBe(Math.round(idealColumns(TALL, 100)));
  });

  it('keeps the default until the pane is measured', () => {
    const grid = new GridColumns();
    expect(grid.choose({ width: 0, height: 0 }, 300)).toBe(DEFAULT_COLUMNS);
    expect(grid.choose(WIDE, 12)).toBe(Math.round(idealColumns(WIDE, 12)));
  });

  it('keeps sessions in the same reading order through a reflow', () => {
    const order = (columns: number) =>
      Array.from({ length: 60 }, (_, slot) => ({ slot, ...slotOrigin(slot, columns) }))
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .map((place) => place.slot);
    const slots = Array.from({ length: 60 }, (_, slot) => slot);
    for (const columns of [1, 3, 4, 7, 13]) expect(order(columns)).toEqual(slots);
  });
});
