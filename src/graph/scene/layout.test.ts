import { describe, expect, it } from 'vitest';
import {
  CELL_HEIGHT,
  CONTAINER_WIDTH,
  chipOffset,
  containerHeight,
  type Rect,
  ROWS_PER_CELL,
  SlotGrid,
  sessionHeight,
  slotOrigin,
} from './layout';

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `S-${from + i}`);
const slotsOf = (grid: SlotGrid, list: readonly string[]) => list.map((id) => grid.slotOf(id));

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('SlotGrid', () => {
  it('keeps every drawn session in its slot when others arrive', () => {
    const grid = new SlotGrid();
    grid.update(ids(5));
    const before = slotsOf(grid, ids(5));
    grid.update([...ids(5), ...ids(3, 100)]);
    expect(slotsOf(grid, ids(5))).toEqual(before);
    expect(slotsOf(grid, ids(3, 100))).toEqual([5, 6, 7]);
  });

  it('keeps the others in place when one leaves, and gives its slot to the next newcomer', () => {
    const grid = new SlotGrid();
    grid.update(ids(6));
    const gone = 'S-2';
    const stay = ids(6).filter((id) => id !== gone);
    const before = slotsOf(grid, stay);
    grid.update(stay);
    expect(slotsOf(grid, stay)).toEqual(before);
    expect(grid.slotOf(gone)).toBeUndefined();
    grid.update([...stay, 'S-new']);
    expect(grid.slotOf('S-new')).toBe(2);
    expect(slotsOf(grid, stay)).toEqual(before);
  });

  it('reuses the lowest freed slot first', () => {
    const grid = new SlotGrid();
    grid.update(ids(6));
    grid.update(['S-0', 'S-2', 'S-4']);
    grid.update(['S-0', 'S-2', 'S-4', 'a', 'b', 'c', 'd']);
    expect(slotsOf(grid, ['a', 'b', 'c', 'd'])).toEqual([1, 3, 5, 6]);
  });

  it('holds hundreds of sessions in distinct, non-overlapping cells, stable through churn', () => {
    const grid = new SlotGrid();
    const all = ids(800);
    grid.update(all);
    const rects = all.map((id) => ({
      ...slotOrigin(grid.slotOf(id) as number, 4),
      width: CONTAINER_WIDTH,
      height: containerHeight(ROWS_PER_CELL),
    }));
    expect(new Set(all.map((id) => grid.slotOf(id))).size).toBe(800);
    for (let i = 1; i < rects.length; i++) {
      expect(overlaps(rects[i - 1] as Rect, rects[i] as Rect)).toBe(false);
    }
    // Every third leaves, as many arrive: the ones that stayed did not move.
    const stay = all.filter((_, i) => i % 3 !== 0);
    const before = slotsOf(grid, stay);
    grid.update([...stay, ...ids(267, 10_000)]);
    expect(slotsOf(grid, stay)).toEqual(before);
    expect(grid.size).toBe(stay.length + 267);
  });
});

describe('container geometry', () => {
  it('grows a container by one row per interaction and keeps an empty one a row high', () => {
    expect(containerHeight(0)).toBe(containerHeight(1));
    expect(containerHeight(3) - containerHeight(2)).toBe(chipOffset(1).y - chipOffset(0).y);
    expect(containerHeight(ROWS_PER_CELL)).toBeLessThan(CELL_HEIGHT);
  });

  it("keeps a session's container at its cell's rows as interactions come and go, and grows past them", () => {
    for (let count = 0; count <= ROWS_PER_CELL; count++) {
      expect(sessionHeight(count)).toBe(containerHeight(ROWS_PER_CELL));
    }
    expect(sessionHeight(ROWS_PER_CELL + 2)).toBe(containerHeight(ROWS_PER_CELL + 2));
  });
});
