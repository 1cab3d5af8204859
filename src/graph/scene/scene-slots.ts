import { SlotGrid } from './layout';

/**
 * The places the scene keeps from one build to the next, so nothing drawn moves when others come
 * or go: each session's cell in the grid, and each interaction's row in its container. A chip
 * keeps its row while it stays in its container; a row freed by one that left is the next
 * newcomer's. (Rows by join order would shift every chip below one that leaves: a re-layout of
 * its container for the eye, and a node update for React Flow, for each.)
 */
export class SceneSlots {
  readonly cells = new SlotGrid();
  private readonly rows = new Map<string, SlotGrid>();

  /**
   * Keeps the rows of `g_uids` in container `nodeId`, frees the others, gives newcomers a row;
   * `spanned` is how many rows they take, down to the lowest in use.
   */
  placeRows(nodeId: string, g_uids: readonly string[]): { rows: SlotGrid; spanned: number } {
    let rows = this.rows.get(nodeId);
    if (rows === undefined) {
      rows = new SlotGrid();
      this.rows.set(nodeId, rows);
    }
    rows.update(g_uids);
    let spanned = 0;
    for (const g_uid of g_uids) spanned = Math.max(spanned, (rows.slotOf(g_uid) as number) + 1);
    return { rows, spanned };
  }

  /** Forgets the rows of containers no longer drawn. */
  retainRows(nodeIds: ReadonlySet<string>): void {
    for (const nodeId of this.rows.keys()) if (!nodeIds.has(nodeId)) this.rows.delete(nodeId);
  }
}
