import type { LookKind, LookOf } from './kinds';

/**
 * How each node looks now (its state, count, selection, flash, flight...), kept apart from the
 * node objects React Flow holds. Under traffic most changes are of this kind; were they in the
 * node objects, React Flow would adopt, re-measure and re-render a node for each, where here only
 * the node's own component re-renders. Looks are staged while the graph derives its nodes and
 * announced to the components once that render is committed (`publish`).
 */
export class NodeLooks {
  /** One table per kind of node, so a look is read back with its own type. */
  private readonly tables: { readonly [K in LookKind]: Map<string, Staged<LookOf[K]>> } = {
    session: new Map(),
    unowned: new Map(),
    interaction: new Map(),
  };
  private readonly changed = new Set<string>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private round = 0;

  /** Starts a derivation round (see `sweep`). */
  begin(): void {
    this.round++;
  }

  /** Stages a node's look; an identical look (same object) is no change. */
  set<K extends LookKind>(kind: K, id: string, look: LookOf[K]): void {
    const table: Map<string, Staged<LookOf[K]>> = this.tables[kind];
    const entry = table.get(id);
    if (entry !== undefined && entry.look === look) {
      entry.round = this.round;
      return;
    }
    table.set(id, { look, round: this.round });
    this.changed.add(id);
  }

  get<K extends LookKind>(kind: K, id: string): LookOf[K] | undefined {
    const table: Map<string, Staged<LookOf[K]>> = this.tables[kind];
    return table.get(id)?.look;
  }

  /**
   * Forgets nodes not drawn in this round or the one before: a node that left is unmounted by
   * React Flow after the render that left it out, and may read its look until then.
   */
  sweep(): void {
    for (const table of Object.values(this.tables)) {
      for (const [id, entry] of table) if (entry.round < this.round - 1) table.delete(id);
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

interface Staged<T> {
  readonly look: T;
  round: number;
}
