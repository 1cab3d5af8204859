/**
 * Geometry of the graph, in flow coordinates. A calm layout: every session keeps the grid slot it
 * got when first drawn until it is no longer drawn, so nothing moves when others arrive or leave
 * (only a change of the grid's column count, columns.ts, reflows it, in the same order).
 * Interactions sit inside their container in rows they keep the same way (scene-slots.ts). A
 * session's container keeps the height of its cell's rows, and grows only past them: it does not
 * change size as interactions come and go (which would also make React Flow re-measure it). The
 * "Unowned" area grows with its content, in a column of its own left of the grid, so it covers
 * no session.
 */
export interface XY {
  readonly x: number;
  readonly y: number;
}

export interface Rect extends XY {
  readonly width: number;
  readonly height: number;
}

export const CONTAINER_WIDTH = 220;
/** Room for the container's header (id, state, count, age). */
export const HEADER_HEIGHT = 46;
export const CHIP_HEIGHT = 26;
export const ROW_PITCH = 30;
export const PADDING = 8;
export const CHIP_WIDTH = CONTAINER_WIDTH - 2 * PADDING;
/** A container holds this many interactions within its grid cell; more make it overflow the gap. */
export const ROWS_PER_CELL = 5;
export const GAP = 40;
export const CELL_WIDTH = CONTAINER_WIDTH + GAP;
export const CELL_HEIGHT = containerHeight(ROWS_PER_CELL) + GAP;
export const UNOWNED_ORIGIN: XY = { x: 0, y: 0 };
/** The session grid starts one cell right of the Unowned column. */
const GRID_ORIGIN: XY = { x: CELL_WIDTH, y: 0 };

/** A session's container: the rows of its cell, more when it holds more. */
export function sessionHeight(count: number): number {
  return containerHeight(Math.max(count, ROWS_PER_CELL));
}

/** A container with `count` interactions; an empty one keeps the height of one row. */
export function containerHeight(count: number): number {
  return HEADER_HEIGHT + Math.max(1, count) * ROW_PITCH + PADDING - (ROW_PITCH - CHIP_HEIGHT);
}

/** Where the interaction in row `row` sits, relative to its container. */
export function chipOffset(row: number): XY {
  return { x: PADDING, y: HEADER_HEIGHT + row * ROW_PITCH };
}

/**
 * Where the session in `slot` sits in a grid of `columns` (columns.ts): row by row, so a reflow to
 * another count keeps every session in the same reading order.
 */
export function slotOrigin(slot: number, columns: number): XY {
  return {
    x: GRID_ORIGIN.x + (slot % columns) * CELL_WIDTH,
    y: GRID_ORIGIN.y + Math.floor(slot / columns) * CELL_HEIGHT,
  };
}

export function contains(rect: Rect, point: XY): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.width &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.height
  );
}

/** Whether the box at (x, y) of that size and `area` overlap; plain numbers, for hot loops. */
export function overlaps(x: number, y: number, width: number, height: number, area: Rect): boolean {
  return x < area.x + area.width && area.x < x + width && y < area.y + area.height && area.y < y + height;
}

/**
 * Stable slots: an id gets the lowest free slot on first sight and keeps it while it is drawn.
 * A slot is freed when its id is no longer drawn (after its fade), and then reused first, so the
 * grid stays compact without moving anyone.
 */
export class SlotGrid {
  private readonly slots = new Map<string, number>();
  /** Freed slots, kept sorted ascending. */
  private readonly free: number[] = [];
  private next = 0;

  /** Keeps the slots of `ids` (in order), frees every other, gives new ids a slot. */
  update(ids: readonly string[]): void {
    const drawn = new Set(ids);
    for (const [id, slot] of this.slots) {
      if (drawn.has(id)) continue;
      this.slots.delete(id);
      this.release(slot);
    }
    for (const id of ids) if (!this.slots.has(id)) this.slots.set(id, this.take());
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  get size(): number {
    return this.slots.size;
  }

  private take(): number {
    return this.free.shift() ?? this.next++;
  }

  private release(slot: number): void {
    let at = this.free.length;
    while (at > 0 && (this.free[at - 1] as number) > slot) at--;
    this.free.splice(at, 0, slot);
  }
}
