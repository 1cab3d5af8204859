/**
 * How each node looks now (its state, count, selection, flash, flight...), kept apart from the
 * node objects React Flow holds. Under traffic most changes are of this kind; were they in the
 * node objects, React Flow would adopt, re-measure and re-render a node for each, where here only
 * the node's own component re-renders. Looks are staged while the graph derives its nodes and
 * announced to the components once that render is committed (`publish`).
 */
export class NodeLooks {
  private readonly entries = new Map<string, { look: unknown; round: number }>();
  private readonly changed = new Set<string>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private round = 0;

  /** Starts a derivation round (see `sweep`). */
  begin(): void {
    this.round++;
  }

  /** Stages a node's look; an identical look (same object) is no change. */
  set(id: string, look: unknown): void {
    const entry = this.entries.get(id);
    if (entry !== undefined && entry.look === look) {
      entry.round = this.round;
      return;
    }
    this.entries.set(id, { look, round: this.round });
    this.changed.add(id);
  }

  get(id: string): unknown {
    return this.entries.get(id)?.look;
  }

  /**
   * Forgets nodes not drawn in this round or the one before: a node that left is unmounted by
   * React Flow after the render that left it out, and may read its look until then.
   */
  sweep(): void {
    for (const [id, entry] of this.entries) {
      if (entry.round < this.round - 1) this.entries.delete(id);
    }
  }

  /** Tells the components whose look changed since the last publish. */
  publish(): void {
    if (this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed.clear();
    for (const id of ids) {
      const listeners = this.listeners.get(id);
      if (listeners !== undefined) for (const listener of listeners) listener();
    }
  }

  subscribe(id: string, listener: () => void): () => void {
    let listeners = this.listeners.get(id);
    if (listeners === undefined) {
      listeners = new Set();
      this.listeners.set(id, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.listeners.delete(id);
    };
  }
}
